"""Leave at once: restore the terminal, clear the screen and the scrollback, end the process.

Textual's own shutdown waits for its input thread (up to a few tenths of a second). A person who
needs to hide the screen should not wait, and there is nothing to save, so in a real terminal the
app restores the terminal itself and ends the process straight away.
"""

from __future__ import annotations

import contextlib
import os
import termios
from typing import Any

# Mouse reporting off, bracketed paste off, focus events off, Kitty keys off, leave the alternate
# screen, show the cursor; then home, erase the screen, erase the scrollback.
RESTORE = "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?1004l\x1b[<u\x1b[?1049l\x1b[?25h"
CLEAR = "\x1b[H\x1b[2J\x1b[3J"


def leave_now(driver: Any) -> bool:
    """In a real terminal: restore, clear and end the process (never returns). Else return False."""
    from textual.drivers.linux_driver import LinuxDriver

    if not isinstance(driver, LinuxDriver):
        return False  # headless (tests) or web: the app exits the usual way
    fd = driver.fileno
    attrs = getattr(driver, "attrs_before", None)
    if attrs is not None:
        with contextlib.suppress(termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, attrs)
    stream = driver._file
    out = stream.fileno() if stream is not None else fd
    os.write(out, (RESTORE + CLEAR).encode())
    os._exit(0)
