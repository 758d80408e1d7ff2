"""`relief serve` in headless Chromium: opens the printed address (with its key), answers the first
question under the page's Content-Security-Policy, and the quick exit blanks the page.

Chromium comes from the system packages (.ci/run installs it) and is driven over the DevTools
protocol with a fresh profile and background networking off. Without Chromium the test is
skipped, except where RELIEF_REQUIRE_BROWSER is set (CI), where that is a failure.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--window-size=1100,700",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into rows of pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


def not_blank(png: bytes) -> tuple[int, float]:
    """Distinct colours and the share of pixels unlike the most common one."""
    width, channels, rows = png_pixels(png)
    counts: dict[bytes, int] = {}
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            pixel = row[x : x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    return len(counts), 1 - max(counts.values()) / total


class DevTools:
    def __init__(self, ws) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, **params):  # type: ignore[no-untyped-def]
        self.next_id += 1
        my_id = self.next_id
        await self.ws.send_str(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads((await self.ws.receive()).data)
            if message.get("id") == my_id:
                return message.get("result", {})

    async def key(self, key: str, text: str = "", code: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                text=text if kind == "keyDown" else "",
                windowsVirtualKeyCode=code,
            )

    async def screenshot(self) -> bytes:
        return base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"])

    async def evaluate(self, expression: str):  # type: ignore[no-untyped-def]
        return (await self.call("Runtime.evaluate", expression=expression, returnByValue=True))["result"].get("value")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("RELIEF_REQUIRE_BROWSER"), reason="no Chromium here")
def test_serve_in_headless_chromium(tmp_path):
    assert CHROMIUM is not None, "Chromium is required here (RELIEF_REQUIRE_BROWSER)"
    import aiohttp

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    profile = tmp_path / "profile"
    browser = None
    try:
        assert server.stdout is not None
        printed = server.stdout.readline()  # the address with this run's key
        assert f"http://127.0.0.1:{port}/?token=" in printed, printed
        address = printed.split()[1]
        wait_port(port)
        browser = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        active = profile / "DevToolsActivePort"
        end = time.monotonic() + 30
        while not active.exists() or not active.read_text().strip():
            assert time.monotonic() < end, "Chromium did not start"
            time.sleep(0.1)
        devtools_port = int(active.read_text().split()[0])

        async def drive() -> tuple[bytes, bytes, object]:
            async with aiohttp.ClientSession() as session:
                pages = await (await session.get(f"http://127.0.0.1:{devtools_port}/json/list")).json()
                target = next(p for p in pages if p["type"] == "page")
                async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    tools = DevTools(ws)
                    await tools.call("Page.enable")
                    await tools.call("Page.navigate", url=address)
                    for _ in range(100):  # wait for the first question to be drawn
                        await asyncio.sleep(0.3)
                        if await tools.evaluate("document.body.classList.contains('-first-byte')"):
                            break
                    await asyncio.sleep(2.0)
                    first = await tools.screenshot()
                    await tools.call(
                        "Runtime.evaluate",
                        expression="document.querySelector('.xterm-helper-textarea')"
                        "&&document.querySelector('.xterm-helper-textarea').focus()",
                    )
                    await tools.key("1", "1", 49)  # "For myself"
                    await asyncio.sleep(2.0)
                    answered = await tools.screenshot()
                    for _ in range(3):  # the quick exit: Escape three times
                        await tools.key("Escape", "\x1b", 27)
                        await asyncio.sleep(0.25)
                    await asyncio.sleep(2.0)
                    after = await tools.evaluate("location.href + '|' + document.body.innerText.trim()")
                    return first, answered, after

        first, answered, after = asyncio.run(drive())
    finally:
        if browser is not None:
            browser.kill()
        server.terminate()
        log = server.communicate(timeout=10)[0]
    (tmp_path / "first.png").write_bytes(first)
    if os.environ.get("RELIEF_KEEP_SCREENSHOTS"):
        shutil.copy(tmp_path / "first.png", os.environ["RELIEF_KEEP_SCREENSHOTS"] + "-first.png")
    (tmp_path / "answered.png").write_bytes(answered)
    if os.environ.get("RELIEF_KEEP_SCREENSHOTS"):
        shutil.copy(tmp_path / "answered.png", os.environ["RELIEF_KEEP_SCREENSHOTS"] + "-answered.png")
    colours, share = not_blank(answered)
    assert colours > 3 and share > 0.01, (colours, share)
    assert first != answered  # the answer moved the app to its next screen
    assert after == "about:blank|", after  # blanked and replaced in history
    assert "token=" not in log  # nothing after the first line repeats the key (no access log)
    assert Path(tmp_path / "answered.png").stat().st_size > 5000
