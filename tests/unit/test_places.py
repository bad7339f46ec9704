"""The cache folder and the whole-or-nothing cache writes (review/places.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from review.places import cache_home, write_cache


def test_cache_home_follows_xdg_and_treats_an_empty_variable_as_unset(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_home() == tmp_path / "review"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_home() == tmp_path / "home" / ".cache" / "review"


def test_write_cache_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "table.json"
    assert write_cache(target, b"old")
    assert write_cache(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(path.name for path in target.parent.iterdir()) == ["table.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_write_cache_in_a_read_only_folder_says_false_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "table.json"
    target.write_bytes(b"old")
    tmp_path.chmod(0o500)
    try:
        assert not write_cache(target, b"new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_bytes() == b"old"


def test_write_cache_where_a_file_blocks_the_folder_says_false(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_bytes(b"a file, not a folder")
    assert not write_cache(tmp_path / "blocked" / "table.json", b"data")
