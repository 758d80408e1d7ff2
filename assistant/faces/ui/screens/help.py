"""Help (F1 or ?): every key, in plain words, and how to close it (Escape, Enter or F1).

Escape here closes the help and is not counted toward the three Escapes that leave (the app
does not count an Escape that closes a dialog), so closing help never starts a quick exit.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Ctrl+Q", "Leave now. Ends the app at once and clears the screen. Nothing is saved."),
    ("Ctrl+C", "Also leaves now."),
    (
        "Escape x3",
        "Pressing Escape three times quickly also leaves now (an Escape that closes a box like "
        "this one does not count).",
    ),
    ("Up / Down", "Move through the choices."),
    (
        "1 to 9",
        "Pick a choice by its number. In a box you type in (a year, a name), digits are typed: "
        "press Down to reach the choices under it.",
    ),
    ("Enter", "Answer, or confirm ticked choices."),
    ("Space", "Tick or untick a choice when you can pick more than one."),
    ("Tab", "Move to the next part of the screen."),
    ("F3", "Show why we ask this question."),
    ("Ctrl+B", "Go back one question."),
    ("Ctrl+E", "Change an earlier answer: move up to it, then press Enter. You can also click it."),
    ("F2", "Switch to high contrast, and back."),
    ("F1 or ?", "Show this help."),
    ("F4", "All states: a table and a map. Sort (O), filter (F), mark (Space) and compare (C), what-if (W)."),
    ("L", "In the list of all states: what the columns and the map's symbols mean."),
    ("T", "On the results (advocates and trainers): see the same records in other states."),
    ("S", "On the results: save a summary to a file you name."),
    ("A", "On the results: save the answers to a file (for advocates)."),
    ("C", "On the results: change an answer."),
    ("N", "On the results: start over. This forgets everything."),
]


CLOSE = "To close this help: press Escape, Enter or F1."


def key_table() -> Table:
    """Keys on the left, their words on the right; long words wrap under the words, not under the key."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=11, no_wrap=True)
    grid.add_column(ratio=1)
    for key, what in KEYS:
        grid.add_row(Text(key, style="bold"), Text(what))
    return grid


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close", show=False),
        Binding("f1", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(f"Keys. {CLOSE}", classes="title", markup=False)
            yield Static(key_table(), id="keys")
            yield Static(CLOSE, classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
