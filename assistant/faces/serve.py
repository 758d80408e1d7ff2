"""`relief serve`: the app in a web browser on this computer only (textual-serve, bound to 127.0.0.1).

Each browser tab gets its own app process; closing the tab ends it and keeps nothing. The page is
our own template: it loads nothing from the internet (no web fonts), has a "Leave now" button, and
blanks itself the moment the session ends (the app's quick exit ends the session).

Binding to 127.0.0.1 alone does not protect a browser user: any web page can open a WebSocket to
127.0.0.1, and a DNS-rebinding page can even read from it. So every request must carry this run's
secret token (in the printed address once, then in a SameSite=Strict cookie), name this server as
its Host, and, for the WebSocket, come from this server's own Origin. In web mode the app never
writes a path on the server: saving hands the file to the browser as a download.
"""

from __future__ import annotations

import errno
import hmac
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"  # never another address: the page is for this computer only
TEMPLATES = Path(__file__).resolve().parent / "serve_templates"
COOKIE = "relief_session"


class ServeError(Exception):
    """`relief serve` could not start; the message says why in plain words."""


def security_headers(port: int) -> dict[str, str]:
    """Headers on every response: no framing, nothing from elsewhere, nothing cached or referred."""
    policy = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",  # xterm.js sizes its rows with style attributes
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src ws://{HOST}:{port}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return {
        "Content-Security-Policy": policy,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def served_host(port: int) -> str:
    """The one Host header we answer: the printed address (cookies and Origin are tied to it)."""
    return f"{HOST}:{port}"


def check_port(port: int) -> None:
    """Refuse a port we cannot listen on, before printing an address that would not work."""
    if not 1 <= port <= 65535:
        raise ServeError(f"{port} is not a port number; use a number from 1024 to 65535, like 8000")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} is busy (another program uses it); try another, like 8001") from None
            if exc.errno == errno.EACCES:
                raise ServeError(f"port {port} needs special permission; use a number from 1024 to 65535") from None
            raise ServeError(f"cannot listen on port {port}: {exc.strerror or exc}") from None


def make_server(port: int, token: str) -> Any:
    """A textual-serve Server that refuses every request without this run's token, Host and Origin."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.server import Server

    host = served_host(port)
    headers = security_headers(port)
    command = f"{shlex.quote(sys.executable)} -m assistant"

    def refuse(status: int, text: str) -> web.Response:
        return web.Response(status=status, text=text + "\n", headers=headers)

    def has_token(request: web.Request) -> bool:
        return hmac.compare_digest(request.cookies.get(COOKIE, ""), token)

    @web.middleware
    async def guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> Any:
        if request.headers.get("Host", "") != host:
            # DNS rebinding: a foreign name that resolves to 127.0.0.1 is not this server.
            return refuse(421, "This address is not served here.")
        if request.path == "/" and "token" in request.query:
            if not hmac.compare_digest(request.query["token"], token):
                return refuse(403, "This link has expired. Use the address that relief serve printed.")
            # Keep the token out of the address bar and history: a cookie carries it from here on.
            reply = web.HTTPSeeOther("/", headers=headers)
            reply.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
            raise reply
        if not has_token(request):
            return refuse(403, "Open the address that relief serve printed (it holds a one-time key).")
        if request.path == "/ws" and request.headers.get("Origin", "") != f"http://{host}":
            return refuse(403, "Only the page served here may connect.")
        response = await handler(request)
        if not isinstance(response, web.WebSocketResponse):
            response.headers.update(headers)
        return response

    class GuardedServer(Server):
        async def _make_app(self) -> web.Application:
            app = web.Application(middlewares=[guard])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                    web.static("/relief", TEMPLATES / "static", show_index=False, name="relief"),
                ]
            )
            app.on_startup.append(self.on_startup)
            return app

        async def on_startup(self, app: web.Application) -> None:
            """Quiet: the address with its key is printed once, by serve()."""

        def serve(self, debug: bool = False) -> None:
            # No access log: it would print every request line, the key included.
            web.run_app(self._make_app(), host=HOST, port=port, print=lambda *_: None, access_log=None)

    return GuardedServer(command, host=HOST, port=port, title="Record relief assistant", templates_path=TEMPLATES)


def serve(port: int) -> int:
    check_port(port)
    token = secrets.token_urlsafe(32)
    server = make_server(port, token)
    print(
        f"Open http://{HOST}:{port}/?token={token} in a web browser on this computer.\n"
        "The address works only while this runs. Press Ctrl+C here to stop.",
        flush=True,
    )
    server.serve()
    return 0
