"""A list for several answers: Space (or a number) ticks a line, Enter confirms; a short grace period."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import SelectionList

from ...choices import Choice
from .choice_list import _Grace


class MultiChoiceList(_Grace, SelectionList[str]):
    """Several answers: Space (or a number) ticks a line, Enter confirms the ticked ones."""

    BINDINGS = [Binding("enter", "done", "Confirm", show=True)]

    class Done(Message):
        def __init__(self, codes: list[str]) -> None:
            super().__init__()
            self.codes = codes

    def __init__(self, choices: list[Choice], *, id: str | None = None, selected: list[str] | None = None) -> None:
        chosen = set(selected or [])
        super().__init__(
            *((Text(f"{i % 10}. {c.label}"), c.code, c.code in chosen) for i, c in enumerate(choices, start=1)),
            id=id,
        )

    def on_mount(self) -> None:
        self.start_grace()

    def action_done(self) -> None:
        if self.ready:
            self.post_message(self.Done(list(self.selected)))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = (int(event.character) - 1) % 10
            if 0 <= index < self.option_count:
                event.stop()
                self.highlighted = index
                self.toggle(self.get_option_at_index(index).value)
