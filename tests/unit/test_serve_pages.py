"""The pages ``review serve`` answers with, through aiohttp's test client (no browser, no tab process)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import SAMPLE

pytest.importorskip("textual_serve", reason="textual-serve is not installed: pip install -e '.[serve]'")
from aiohttp.test_utils import TestClient, TestServer

from review.serve import ReviewServer, ServeOptions


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "a b.txt")
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    return folder


async def get(paths: tuple[Path, ...], address: str) -> tuple[int, str]:
    server = ReviewServer(ServeOptions(paths=paths), host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        response = await client.get(address)
        return response.status, (await response.read()).decode("utf-8", "replace")


def websocket_of(page: str) -> str:
    found = re.search(r'data-session-websocket-url="ws://[^/"]+([^"]*)"', page)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize(
    ("address", "websocket"),
    [
        pytest.param("/", "/ws", id="list"),
        pytest.param("/open/a%20b.txt", "/ws/open/a%20b.txt", id="article"),
        pytest.param(f"/read-only/{SAMPLE.name}", f"/ws/read-only/{SAMPLE.name}", id="read-only"),
    ],
)
async def test_each_address_has_its_websocket(folder: Path, address: str, websocket: str) -> None:
    status, page = await get((folder,), address)
    assert status == 200
    assert websocket_of(page) == websocket


async def test_single_article_opens_at_the_root(folder: Path) -> None:
    status, page = await get((folder / SAMPLE.name,), "/")
    assert status == 200
    assert websocket_of(page) == f"/ws/open/{SAMPLE.name}"


@pytest.mark.parametrize("address", ["/open/missing.txt", "/open/..%2Fsecret.txt", "/ws/open/missing.txt"])
async def test_unknown_articles_are_not_found(folder: Path, address: str) -> None:
    status, _ = await get((folder,), address)
    assert status == 404


async def test_page_fetches_nothing_from_elsewhere(folder: Path) -> None:
    _, page = await get((folder,), "/")
    assert re.findall(r'(?:src|href)="([^"]*)"', page) == ["data:,", "/static/css/xterm.css", "/static/js/textual.js"]
    assert "http://" not in page.replace("http://127.0.0.1", "")
    assert "https://" not in page
    for static in ("/static/js/textual.js", "/static/fonts/RobotoMono-VariableFont_wght.ttf"):
        status, _ = await get((folder,), static)
        assert status == 200
