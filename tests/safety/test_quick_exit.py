"""The quick exit, in a real pseudo-terminal: at once, screen and scrollback cleared, status 0, nothing left."""

from __future__ import annotations

import signal
import subprocess
import termios
import time

import pytest

from tests.safety.ptyrun import ROOT, Terminal, relief

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


# --- signals: the same routine as the quick exit (issue 10) ----------------------------------------

WIPE = b"\x1b]0;\x07" + CLEAR  # the title reset (a label may have renamed the window), then the clear


def test_quick_exit_resets_the_title():
    term = Terminal(relief())
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.5)
        term.send(b"\x11")
        assert term.wait_exit() == 0
    finally:
        term.close()
    assert WIPE in term.after_app()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
def test_a_signal_clears_the_screen_like_the_quick_exit(sig):
    term = Terminal(relief())
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.5)
        term.proc.send_signal(sig)
        status = term.wait_exit()
        attrs = termios.tcgetattr(term.master)  # the terminal's settings, as the app left them
    finally:
        term.close()
    assert status == 128 + sig  # ended, and by that signal
    left = term.after_app()
    assert WIPE in left, left[-300:]
    assert left.rsplit(CLEAR, 1)[-1].strip() == b""  # nothing printed after the clear
    assert attrs[3] & termios.ICANON and attrs[3] & termios.ECHO  # line mode and echo are back


def test_sigterm_with_results_on_screen_leaves_nothing():
    term = Terminal(relief("--answers", "tests/scenarios/two-states-advocate.yaml"))
    try:
        term.wait_for(b"Save summary", timeout=40)
        term.read(0.5)
        term.proc.send_signal(signal.SIGTERM)
        assert term.wait_exit() == 128 + signal.SIGTERM
    finally:
        term.close()
    left = term.after_app()
    assert CLEAR in left and b"Florida" not in left.rsplit(CLEAR, 1)[-1]


# --- plain mode: quit, Ctrl+C, Ctrl+D, Ctrl+Q clear a terminal (issue 10) ---------------------------


@pytest.mark.parametrize(
    "keys", [b"quit\r", b"\x03", b"\x04", b"\x11", b"Denv\x11"], ids=["quit", "ctrl+c", "ctrl+d", "ctrl+q", "typing"]
)
def test_plain_mode_leaves_and_clears_on_a_terminal(keys):
    term = Terminal(relief("--plain"), controlling=True)
    try:
        term.wait_for(b"Type a number: ")
        before = termios.tcgetattr(term.master)
        assert not before[0] & termios.IXON  # flow control is off while it runs, so Ctrl+Q reaches it
        term.send(b"2\r")
        term.wait_for(b"to skip: ")
        started = time.perf_counter()
        term.send(keys)  # no Enter after Ctrl+Q, Ctrl+C or Ctrl+D: each acts at once
        status = term.wait_exit()
        elapsed = time.perf_counter() - started
        after = termios.tcgetattr(term.master)
    finally:
        term.close()
    assert status == 0
    assert WIPE in term.output and term.output.rsplit(CLEAR, 1)[-1].strip() == b""
    assert after[0] & termios.IXON and after[6][termios.VEOL] in (b"\x00", 0)  # settings restored
    assert elapsed < 5


def test_plain_mode_sigterm_restores_the_terminal_and_clears_it():
    term = Terminal(relief("--plain"))
    try:
        term.wait_for(b"Type a number: ")
        term.proc.send_signal(signal.SIGTERM)
        status = term.wait_exit()
        after = termios.tcgetattr(term.master)
    finally:
        term.close()
    assert status == 128 + signal.SIGTERM and WIPE in term.output and after[0] & termios.IXON


def test_plain_mode_into_a_pipe_prints_nothing_extra():
    for answers in ("2\nquit\n", "2\n\x11\n", "2\n"):  # quit, Ctrl+Q, end of input
        result = subprocess.run(relief("--plain"), input=answers, capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
