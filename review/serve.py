"""The web server of ``review serve``: textual-serve with one address per article.

textual-serve runs one command for every browser tab.  ``review serve`` needs a
few: the article list (``/``, when a folder or several articles are served),
one article (``/open/KEY``) and the same read-only (``/read-only/KEY``).  Each
page's websocket carries the same path, and each tab runs its own process
(``python -m review.commands.serve_tab ...``): a normal review session with its lock,
its fsynced log, and closing the tab as its quit.

The page is our own template (``templates/serve.html``): textual-serve's links
a web font stylesheet on the internet, ours uses the font textual-serve ships,
so the page works offline.  Import this module only once textual-serve is known
to be installed (``review.commands.serve`` checks).
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from review.articles import find_articles

TEMPLATES = Path(__file__).with_name("templates")
REAP_SECONDS = 30
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# ctrl+c at the server's terminal reaches every tab's process too (one process group): a tab still
# starting, or waiting for a lock, died of it with a traceback the server printed.  The tabs ignore it
# (an ignored signal stays ignored through exec, and Python keeps it so); stopping, the server closes them.
TAB_SHELL = "trap '' INT; exec "
NO_EXPORT = "--no-export"  # review.commands.serve_tab's word (a lower layer cannot import it from there)


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What every tab's session is given.

    paths: the articles and folders served (resolved: each tab's process finds them from any folder).
    read_only: no tab saves anything.
    open_options: ``review open`` options passed on to each session (model, engine, device, detectors).
    """

    paths: tuple[Path, ...]
    read_only: bool = False
    open_options: tuple[str, ...] = ()


def tab_command(options: ServeOptions, key: str | None, *, read_only: bool = False) -> str:
    """The shell command one browser tab runs: the article list, or one article by key."""
    words = [sys.executable, "-m", "review.commands.serve_tab"]  # run by a shell: `exec` leaves no shell between
    if key is None:
        words += ["list", *map(str, options.paths)]
    else:
        words += ["open", key]
        if options.read_only:
            words.append(NO_EXPORT)  # the server's read-only: the export dialog would write files anywhere
        words += options.open_options
        if read_only or options.read_only:
            words.append("--read-only")
        words += ["--", *map(str, options.paths)]
    return TAB_SHELL + shlex.join(words)


class ReviewServer(Server):
    """textual-serve's server with our page and our routes; downloads and static files are its own."""

    def __init__(self, options: ServeOptions, *, host: str, port: int) -> None:
        super().__init__(tab_command(options, None), host=host, port=port, title="review",
                         templates_path=TEMPLATES)
        self.options = options
        self.sockets: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        """Problems only (a tab whose process failed to start), not a line per request."""
        logging.basicConfig(level=logging.WARNING, format="review serve: %(message)s")

    def single_key(self) -> str | None:
        """The article ``/`` opens directly when only one article file is served."""
        if len(self.options.paths) == 1 and not self.options.paths[0].is_dir():
            return next(iter(find_articles(self.options.paths)))
        return None

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.page),
            web.get("/{mode:open|read-only}/{key}", self.page),
            web.get("/ws", self.websocket),
            web.get("/ws/{mode:open|read-only}/{key}", self.websocket),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.close_tabs)
        return app

    async def close_tabs(self, app: web.Application) -> None:  # noqa: ARG002 - aiohttp passes the app
        """On ctrl+c: close every tab's websocket, which quits its session (its lock is released on the way)."""
        for tab in list(self.sockets):
            await tab.close(code=WSCloseCode.GOING_AWAY, message=b"review serve stopped")

    async def on_startup(self, app: web.Application) -> None:  # noqa: ARG002 - aiohttp passes the app
        where = ", ".join(str(path) for path in self.options.paths)
        self.console.print(f"review: serving {where} on {self.public_url} (ctrl+c stops)", highlight=False)

    def _key(self, request: web.Request) -> str | None:
        """The article a request names, checked against what is served now (folders are read again)."""
        key = request.match_info.get("key")
        if key is None:
            return self.single_key()
        if key not in find_articles(self.options.paths):
            raise web.HTTPNotFound(text=f"no article {key!r} is served here")
        return key

    async def page(self, request: web.Request) -> web.Response:
        key = self._key(request)
        mode = request.match_info.get("mode", "open")
        scheme = "wss" if request.secure else "ws"
        path = "/ws" if key is None else f"/ws/{mode}/{quote(key)}"
        context: dict[str, Any] = {
            "title": "review" if key is None else f"review · {key}" + (" · read-only" if mode == "read-only" else ""),
            "static": "/static/",
            "websocket": f"{scheme}://{request.host}{path}",
            "font_size": max(8, min(32, _number(request.query.get("fontsize"), 16))),
        }
        return aiohttp_jinja2.render_template("serve.html", request, context)

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        key = self._key(request)
        read_only = request.match_info.get("mode") == "read-only"
        command = tab_command(self.options, key, read_only=read_only)
        socket = web.WebSocketResponse(heartbeat=15)
        width = _number(request.query.get("width"), 80)
        height = _number(request.query.get("height"), 24)
        await socket.prepare(request)
        self.sockets.add(socket)

        async def close() -> None:
            await socket.close()

        service = AppService(command, write_bytes=socket.send_bytes, write_str=socket.send_str, close=close,
                             download_manager=self.download_manager, debug=self.debug)
        try:
            await service.start(width, height)
            await self._process_messages(socket, service)
        except asyncio.CancelledError:
            await socket.close()
        finally:
            self.sockets.discard(socket)
            await service.stop()  # the tab is gone: the session is told to quit, as q would
            await _reap(service)
        return socket


async def _reap(service: AppService) -> None:
    """Wait for a tab's process to end, so none outlives the server; kill one that hangs.

    The session has saved everything and released its lock when its screen closes; the process may
    still be finishing a model load in a thread for a few seconds after that.
    """
    process = service._process  # noqa: SLF001 - textual-serve keeps it private and does not wait for it
    if process is None:
        return
    try:
        await asyncio.wait_for(process.wait(), timeout=REAP_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def serve(options: ServeOptions, *, host: str, port: int) -> None:
    """Serve until ctrl+c.  Raises OSError when the address cannot be bound.

    The address is tried first, so that a port in use or a host that does not resolve is said
    before anything else, never after a "serving … on …" line (aiohttp binds after its start-up hooks).
    """
    try_address(host, port)
    try:
        ReviewServer(options, host=host, port=port).serve()
    except web.GracefulExit:
        # a second ctrl+c while the tabs close escapes aiohttp as exit status 1, without a word; the tabs
        # still end (their pipes close), so it is an interruption: review's one line and 130
        raise KeyboardInterrupt from None


def try_address(host: str, port: int) -> None:
    """Bind ``host:port`` as the server will (address reuse on), then let it go; OSError when it cannot be."""
    for family, kind, proto, _name, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                                  flags=socket.AI_PASSIVE):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)


def open_options(model: str, engine: str, detectors: str | None, device: str = "auto") -> tuple[str, ...]:
    words = ["--model", model, "--engine", engine, "--device", device]
    if detectors:
        words.append(f"--detectors={detectors}")  # one word: a value like -spelling is no option
    return tuple(words)


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS
