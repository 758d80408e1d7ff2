"""Leave at once: restore the terminal, clear the screen and the scrollback, end the process.

Textual's own shutdown waits for its input thread (up to a few tenths of a second). A person who
needs to hide the screen should not wait, and there is nothing to save, so in a real terminal the
app restores the terminal itself and ends the process straight away.

SIGTERM, SIGHUP and SIGINT (kill, a closed terminal window, Ctrl+C from outside the app) run the
same routine, so the results never stay on the screen (assistant/faces/cli.py installs the handlers).
"""

from __future__ import annotations

import contextlib
import os
import termios
from typing import Any

from ..terminal import WIPE
from .textual_private import app_driver, driver_stream

# Mouse reporting off, bracketed paste off, focus events off, Kitty keys off, leave the alternate
# screen, show the cursor; then (WIPE) an empty title, home, erase the screen, erase the scrollback.
RESTORE = "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?1004l\x1b[<u\x1b[?1049l\x1b[?25h"


def leave_now(driver: Any, status: int = 0) -> bool:
    """In a real terminal: restore, clear and end the process (never returns). Else return False."""
    from textual.drivers.linux_driver import LinuxDriver

    if not isinstance(driver, LinuxDriver):
        return False  # headless (tests) or web: the app exits the usual way
    fd = driver.fileno
    attrs = getattr(driver, "attrs_before", None)
    if attrs is not None:
        with contextlib.suppress(termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, attrs)
    stream = driver_stream(driver)
    out = stream.fileno() if stream is not None else fd
    with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone: leave all the same
        os.write(out, (RESTORE + WIPE).encode())
    os._exit(status)


def leave_on_signal(app: Any, signum: int) -> None:
    """A signal ends the app as the quick exit does; the status says which signal (128 + its number)."""
    app.quick_exited = True
    if not leave_now(app_driver(app), 128 + signum):
        # Not drawing on a terminal (yet, or any more): nothing is on the screen to hide.
        if app.is_running:
            app.exit(return_code=0)
        else:
            os._exit(128 + signum)
