"""Shared fixtures: offline hub, a private cache, tiny models built once per run."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# No test may reach a model hub: a wrong id then fails at once instead of retrying.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "tui"))

from support import ROOT, SAMPLE  # noqa: F401
from tiny_models import build_tiny_marian


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the run: spaCy's compiled tokenizer pattern is written there once, not in ~/.cache."""
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
                  _session_cache: Path) -> None:
    base = tmp_path_factory.mktemp("review-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))
    monkeypatch.setenv("REVIEW_CACHE", str(base / "renderings.sqlite"))
    monkeypatch.setenv("REVIEW_MODELS", str(base / "models"))
    monkeypatch.setenv("REVIEW_HOME", str(base / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))  # tracebacks of internal errors land here
    # Apertium's pairs, where installed, take 40 s to read the first time: tests build their own
    monkeypatch.setattr("review.flags.apertium.SYSTEM_FOLDER", base / "apertium")
    # The default engine is auto (CTranslate2 when installed); converting the tiny model costs
    # seconds per test, so the suite runs transformers unless a test unsets this.
    monkeypatch.setenv("REVIEW_ENGINE", "marian")


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny fr→en MarianMT folder, loaded like any downloaded model."""
    return build_tiny_marian(tmp_path_factory.mktemp("models") / "tiny-opus-mt-fr-en")


@pytest.fixture(scope="session")
def tiny_marian_back(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny en→fr MarianMT folder (for round-trip checks)."""
    from tiny_models import ENGLISH, FRENCH  # noqa: PLC0415

    return build_tiny_marian(tmp_path_factory.mktemp("models") / "tiny-opus-mt-en-fr", source=ENGLISH,
                             target=FRENCH, seed=1)


@pytest.fixture
def fake_model(tmp_path: Path) -> Path:
    """A model folder that resolves (config.json) but cannot load: any model call fails, so what a test
    gets came from the rendering cache, and a command that must not need the weights is seen not to."""
    folder = tmp_path / "fake-opus-mt-fr-en"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A private copy of the shipped sample, so its log lands in tmp."""
    copy = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, copy)
    return copy


@pytest.fixture(scope="session")
def tiny_camembert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny CamemBERT masked language model folder (for the fluency detector)."""
    from tiny_models import build_tiny_camembert  # noqa: PLC0415

    return build_tiny_camembert(tmp_path_factory.mktemp("models") / "tiny-camembert")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Refuse every outgoing connection; the list holds the addresses that were tried."""
    import socket  # noqa: PLC0415

    attempts: list[object] = []

    def refuse(_self: socket.socket, address: object) -> None:
        attempts.append(address)
        msg = "network is off in this test"
        raise OSError(msg)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts
