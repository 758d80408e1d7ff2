"""Every use of Textual's private API in the app, in one place.

Textual offers no public hook for these, and each one protects a person:

- A crash must not print a traceback with local values (answers) to the terminal. Textual's
  `App._fatal_error` prints one (Rich, `show_locals=True`) from `App._exit_renderables`; our
  override empties that list and closes the app with `App._close_messages_no_wait`.
- The quick exit needs the app's driver (`App._driver`) to know whether it runs in a real terminal.
  It (assistant/faces/ui/quick_exit.py) writes its clearing sequences to the terminal the
  driver draws on: `LinuxDriver._file` (set in its `__init__`), and restores the terminal modes
  saved in `LinuxDriver.attrs_before`.
- The contrast test reads what the screen shows, cell by cell: `Screen._compositor`.

`PRIVATE_API` lists them all; tests/ui/test_textual_private.py checks each one exists in the
installed Textual, so an upgrade that removes one fails a test loudly instead of silently bringing
back a traceback with answers in it.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual.app import App

if TYPE_CHECKING:
    from rich.segment import Segment

# (where, name, how it is found): "class" = an attribute of the class; "init" = assigned to self in
# the class's __init__ (an instance attribute).
PRIVATE_API: tuple[tuple[str, str, str], ...] = (
    ("textual.app:App", "_fatal_error", "class"),
    ("textual.app:App", "_close_messages_no_wait", "class"),
    ("textual.app:App", "_exit_renderables", "init"),
    ("textual.app:App", "_driver", "init"),
    ("textual.drivers.linux_driver:LinuxDriver", "_file", "init"),
    ("textual.drivers.linux_driver:LinuxDriver", "attrs_before", "init"),
    ("textual.screen:Screen", "_compositor", "init"),
)


def find(where: str) -> type:
    module_name, _, class_name = where.partition(":")
    module = __import__(module_name, fromlist=[class_name])
    found: type = getattr(module, class_name)
    return found


def present(where: str, name: str, how: str) -> bool:
    """Is this private name still where we use it, in the installed Textual?"""
    cls = find(where)
    if how == "class":
        return hasattr(cls, name)
    source = inspect.getsource(cls.__init__)  # type: ignore[misc]
    return f"self.{name}:" in source or f"self.{name} =" in source


class QuietCrash(App[None]):
    """An app whose crash prints nothing of its own: no traceback, no local values."""

    crashed = False

    def _fatal_error(self) -> None:
        if os.environ.get("RELIEF_DEBUG"):
            super()._fatal_error()
            return
        self.crashed = True
        self._exit_renderables.clear()  # the default prints a traceback with local values
        self._close_messages_no_wait()


def app_driver(app: App[Any]) -> Any:
    """The app's driver (a real terminal's, the web's, or the headless one of tests)."""
    return app._driver


def driver_stream(driver: Any) -> Any:
    """The file the driver draws on (None if it has none)."""
    return getattr(driver, "_file", None)


def screen_segments(app: App[Any]) -> Iterator[Segment]:
    """What the active screen shows now, as Rich segments (for the contrast test)."""
    from rich.console import Console

    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    width, height = app.size
    with open(os.devnull, "w") as null:
        console = Console(width=width, height=height, color_system="truecolor", legacy_windows=False, file=null)
        yield from console.render(update, console.options)
