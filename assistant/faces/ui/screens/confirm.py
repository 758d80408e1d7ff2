"""A yes/no question in a dialog, e.g. before starting over or overwriting a file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ....core.choices import Choice
from ..widgets.choice_list import ChoiceList


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, yes: str, no: str = "No, go back") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, markup=False)
            yield ChoiceList([Choice("no", self.no), Choice("yes", self.yes)], id="confirm")

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(event.code == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)
