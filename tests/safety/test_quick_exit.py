"""The quick exit, in a real pseudo-terminal: at once, screen and scrollback cleared, status 0, nothing left."""

from __future__ import annotations

import time

import pytest

from tests.safety.ptyrun import Terminal, relief

CLEAR = b"\x1b[H\x1b[2J\x1b[3J"


@pytest.mark.parametrize("keys", [b"\x11", b"\x03", b"\x1b\x1b\x1b"], ids=["ctrl+q", "ctrl+c", "escape x3"])
def test_quick_exit_clears_screen_and_scrollback(keys):
    term = Terminal(relief())
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.5)  # let it settle
        pressed = time.perf_counter()
        if keys == b"\x1b\x1b\x1b":
            for _ in range(3):
                term.send(b"\x1b")
                time.sleep(0.15)  # separate presses, as a person types them (escape sequences need a gap)
        else:
            term.send(keys)
        status = term.wait_exit()
        elapsed = time.perf_counter() - pressed
    finally:
        term.close()
    assert status == 0
    left = term.after_app()
    assert CLEAR in left, left[-200:]
    assert left.rsplit(CLEAR, 1)[-1].strip() == b""  # nothing printed after the clear
    print(f"quick exit ({keys!r}): {elapsed * 1000:.0f} ms from the key to the process ending")
    assert elapsed < 3.0  # a guard against hanging; the speed itself is measured in benchmarks/quick_exit.py


def test_quick_exit_while_typing_in_a_question():
    term = Terminal(relief())
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.6)
        term.send(b"2")
        term.wait_for(b"Give this record a short name")
        term.read(0.6)
        term.send(b"Denver 2014")
        term.read(0.3)
        term.send(b"\x11")
        status = term.wait_exit()
    finally:
        term.close()
    assert status == 0
    left = term.after_app()
    assert b"Denver" not in left and CLEAR in left
