"""Leaving without a trace on a terminal, shared by the full-screen app, the plain mode and the CLI.

No Textual here: the plain mode uses it too. The full-screen app adds its own restore sequence
(assistant/faces/ui/quick_exit.py) before `WIPE`.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TextIO

try:
    import termios
except ImportError:  # Windows: no terminal settings to change; lines are read as usual
    termios = None  # type: ignore[assignment]

# An empty window title (an OSC 0 from a label may have renamed it); then home, erase the screen,
# erase the scrollback (xterm, VTE, iTerm2, Windows Terminal).
RESET_TITLE = "\x1b]0;\x07"
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
WIPE = RESET_TITLE + CLEAR
# The signals that end a session as the quick exit does: kill's default, a closed terminal, Ctrl+C.
LEAVE_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
CTRL_Q = "\x11"


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError):  # closed
        return False


def wipe_fd(fd: int) -> None:
    """Reset the title and clear the screen and scrollback on `fd`; a closed terminal is no error."""
    with contextlib.suppress(OSError):
        os.write(fd, WIPE.encode())


def wipe(stream: TextIO | None) -> None:
    """`wipe_fd` on `stream` when it is a terminal; otherwise nothing at all."""
    if not is_terminal(stream):
        return
    assert stream is not None
    with contextlib.suppress(OSError, ValueError):
        stream.flush()
    wipe_fd(stream.fileno())


@contextlib.contextmanager
def on_leave_signals(handler: Callable[[int], None]) -> Iterator[None]:
    """Run `handler(signum)` on SIGTERM, SIGHUP and SIGINT while the block runs; restore afterwards."""

    def run(signum: int, frame: FrameType | None) -> None:
        handler(signum)

    before = {sig: signal.signal(sig, run) for sig in LEAVE_SIGNALS}
    try:
        yield
    finally:
        for sig, previous in before.items():
            signal.signal(sig, previous)


class PlainInput:
    """Lines for the plain mode, with Ctrl+Q as a way to leave when standard input is a terminal.

    On a terminal, flow control (IXON) is off while it runs, so Ctrl+Q reaches us instead of
    meaning "resume output", and Ctrl+Q is an extra end-of-line character (VEOL), so it acts at
    once without Enter. The line keeps its Ctrl+Q; the plain mode leaves when it sees one. Line
    editing (backspace, Ctrl+U) stays the terminal's own, as screen readers expect. The settings
    are restored on leaving, also when a signal ends the session (see `leave`).
    """

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.tty = termios is not None and is_terminal(stdin)
        self.ended = False  # end of input: Ctrl+D on a terminal, or the end of a pipe or file
        self._fd = stdin.fileno() if self.tty else -1
        self._saved: list[Any] | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def __enter__(self) -> PlainInput:
        if self.tty:
            with contextlib.suppress(termios.error):
                self._saved = termios.tcgetattr(self._fd)
                attrs = termios.tcgetattr(self._fd)
                attrs[0] &= ~termios.IXON
                attrs[6][termios.VEOL] = CTRL_Q.encode()
                termios.tcsetattr(self._fd, termios.TCSANOW, attrs)
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def restore(self) -> None:
        if self._saved is not None:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(self._fd, termios.TCSANOW, self._saved)
            self._saved = None

    def leave(self, signum: int) -> None:
        """A signal ends the session: terminal settings back, screen wiped when it is a terminal."""
        self.restore()
        wipe(self.stdout)
        os._exit(128 + signum)

    def read(self) -> str:
        """One line; EOFError at the end of input."""
        if not self.tty:
            line = self.stdin.readline()
            if line == "":
                self.ended = True
                raise EOFError
            return line
        pending = ""
        while True:
            chunk = os.read(self._fd, 4096)  # the terminal hands over one line at a time
            if not chunk:  # Ctrl+D on an empty line
                if pending:
                    return pending
                self.ended = True
                raise EOFError
            pending += self._decoder.decode(chunk)
            if pending.endswith("\n") or CTRL_Q in pending:
                return pending
            # Ctrl+D in the middle of a line hands over what was typed so far; keep reading.
