"""`relief serve` refuses any page, user or name that is not the one it printed the address for.

A page on another site can open a WebSocket to 127.0.0.1, and a DNS-rebinding page can read from it;
another user of the computer can connect too. Each of these is refused here at the HTTP level.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[int, str]]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(rf"http://127\.0\.0\.1:{port}/\?token=([A-Za-z0-9_-]+) ", line)
        assert found, line
        end = time.monotonic() + 30
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < end, "relief serve did not listen"
            time.sleep(0.1)
        yield port, found.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def raw(port: int, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    """One HTTP/1.1 request over a plain socket, exactly as written (no client adds or fixes headers)."""
    lines = [f"GET {target} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items()), "Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall("\r\n".join(lines).encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    return status, {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:])}


def upgrade(port: int, token: str | None, origin: str | None, host: str | None = None) -> int:
    headers = {
        "Host": host or f"127.0.0.1:{port}",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    headers["Connection"] = "Upgrade"
    if origin is not None:
        headers["Origin"] = origin
    if token is not None:
        headers["Cookie"] = f"relief_session={token}"
    lines = ["GET /ws?width=80&height=24 HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall("\r\n".join(lines).encode())
        first = s.recv(4096).split(b"\r\n", 1)[0].decode()
    return int(first.split()[1])


def test_the_page_needs_the_printed_key(served):
    port, token = served
    host = {"Host": f"127.0.0.1:{port}"}
    assert raw(port, "/", host)[0] == 403
    assert raw(port, "/?token=not-the-key", host)[0] == 403
    assert raw(port, "/static/js/textual.js", host)[0] == 403
    status, headers = raw(port, f"/?token={token}", host)
    assert status == 303 and headers["location"] == "/"  # the key leaves the address bar at once
    cookie = headers["set-cookie"]
    assert f"relief_session={token}" in cookie and "SameSite=Strict" in cookie and "HttpOnly" in cookie
    assert raw(port, "/", {**host, "Cookie": f"relief_session={token}"})[0] == 200


def test_a_foreign_host_name_is_refused_even_with_the_key(served):
    port, token = served  # DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends its name
    for target in ("/", f"/?token={token}", "/ws"):
        status, _ = raw(port, target, {"Host": f"evil.example:{port}", "Cookie": f"relief_session={token}"})
        assert status == 421, target


def test_every_response_forbids_framing_and_foreign_content(served):
    port, token = served
    status, headers = raw(port, "/", {"Host": f"127.0.0.1:{port}", "Cookie": f"relief_session={token}"})
    assert status == 200
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert f"connect-src ws://127.0.0.1:{port}" in policy
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"


def test_static_folders_are_not_listed(served):
    port, token = served
    cookie = {"Host": f"127.0.0.1:{port}", "Cookie": f"relief_session={token}"}
    for folder in ("/static/", "/static/js/", "/relief/"):
        assert raw(port, folder, cookie)[0] in (403, 404), folder
    assert raw(port, "/relief/relief.js", cookie)[0] == 200


def test_websocket_refuses_a_foreign_origin_a_wrong_host_and_no_key(served):
    port, token = served
    mine = f"http://127.0.0.1:{port}"
    assert upgrade(port, token, "http://evil.example") == 403
    assert upgrade(port, token, f"http://localhost:{port}") == 403
    assert upgrade(port, token, None) == 403  # browsers always send Origin; a script without one is refused
    assert upgrade(port, None, mine) == 403
    assert upgrade(port, "wrong", mine) == 403
    assert upgrade(port, token, mine, host=f"evil.example:{port}") == 421
    assert upgrade(port, token, mine) == 101  # the real page connects


def test_busy_and_invalid_ports_are_named(served):
    port, _ = served
    busy = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=ROOT, capture_output=True, text=True
    )
    assert busy.returncode == 2 and f"port {port} is busy" in busy.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--port", "70000"], cwd=ROOT, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "70000 is not a port number" in bad.stderr


def test_web_mode_saves_by_download_never_to_a_server_path(tmp_path, catalog, monkeypatch):
    """In a browser, the save dialog asks for a file name and the file goes to the browser."""
    from assistant.core.choices import Choice
    from assistant.faces.ui.app import ReliefApp

    delivered: list[tuple[str, str]] = []

    def deliver_text(text_io, *, save_filename=None, **kwargs):  # type: ignore[no-untyped-def]
        delivered.append((save_filename, text_io.read()))

    monkeypatch.setattr(ReliefApp, "is_web", property(lambda self: True))
    target = tmp_path / "bashrc"

    async def run() -> None:
        app = ReliefApp(catalog)
        app.deliver_text = deliver_text  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            app.save_text("Save", [Choice("yaml", "YAML")], "answers.yaml", lambda fmt: "label: x\n")
            await pilot.pause()
            box = app.screen.query_one("#path")
            box.value = str(target)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()

    asyncio.run(run())
    # only the name is used, as the download's name, with the ending that says its format
    assert delivered == [("bashrc.yaml", "label: x\n")]
    assert not target.exists() and not target.with_name("bashrc.yaml").exists()
