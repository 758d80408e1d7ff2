"""Pick one of a few choices in a dialog (a sort, a filter, a rubric level)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ....core.choices import Choice
from ..widgets.choice_list import ChoiceList


class ChooseScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[Choice], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, classes="subtitle", markup=False)
            yield ChoiceList(self.choices, id="choose", numbered=len(self.choices) <= 10)
            yield Static("Enter chooses. Escape cancels.", classes="hint", markup=False)

    def on_mount(self) -> None:
        chooser = self.query_one(ChoiceList)
        if self.current is not None:
            chooser.highlight_code(self.current)
        chooser.focus()

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(event.code)

    def action_cancel(self) -> None:
        self.dismiss(None)
