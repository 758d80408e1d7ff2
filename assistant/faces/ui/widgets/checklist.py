"""Papers to gather, ticked off on screen: Space or Enter ticks a paper, Up and Down move. Never saved.

One focusable line per paper, inside the screen's scrolling area, so moving to a paper always
scrolls it into view, and a long paper wraps under its own words, not under its mark. The marks
differ in shape, not only in colour ("[x]" and "[ ]"), and the screen says in words what is ticked.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

TICKED, UNTICKED = "[x]", "[ ]"


class Paper(Widget, can_focus=True):
    DEFAULT_CSS = """
    Paper {
        layout: horizontal;
        height: auto;
    }
    Paper > .mark {
        width: 4;
    }
    Paper > .paper-text {
        width: 1fr;
    }
    Paper:focus {
        background: $boost;
        text-style: bold;
    }
    """
    BINDINGS = [
        Binding("space,enter", "tick", "Tick", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("up", "app.focus_previous", "Previous", show=False),
    ]

    ticked: reactive[bool] = reactive(False)

    class Toggled(Message):
        """A paper was ticked or unticked."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__()
        self.code = code
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(UNTICKED, classes="mark", markup=False)
        yield Static(self.text, classes="paper-text", markup=False)

    def watch_ticked(self, ticked: bool) -> None:
        if self.is_mounted:
            self.query_one(".mark", Static).update(TICKED if ticked else UNTICKED)

    def action_tick(self) -> None:
        self.ticked = not self.ticked
        self.post_message(self.Toggled())
