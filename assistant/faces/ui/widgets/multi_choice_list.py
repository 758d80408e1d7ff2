"""A list for several answers: Space (or a number) ticks a line, Enter confirms; a short grace period.

Ticked and unticked lines differ in shape, not only in colour: "[x]" and "[ ]". The line under the
list says in words what is ticked (what a screen reader, or a person without colour, reads).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....core.choices import Choice
from .choice_list import _Grace

TICKED, UNTICKED = "[x]", "[ ]"


class MultiChoiceList(_Grace, OptionList):
    """Several answers: Space (or a number) ticks a line, Enter confirms the ticked ones."""

    BINDINGS = [
        Binding("enter", "done", "Confirm", show=True),
        Binding("space", "tick", "Tick", show=False),
    ]

    class Done(Message):
        def __init__(self, codes: list[str]) -> None:
            super().__init__()
            self.codes = codes

    class Changed(Message):
        """The ticks changed: `words` says what is ticked now."""

        def __init__(self, words: str) -> None:
            super().__init__()
            self.words = words

    def __init__(self, choices: list[Choice], *, id: str | None = None, selected: list[str] | None = None) -> None:
        self.choices = list(choices)
        self.ticked: set[str] = {c.code for c in choices if c.code in set(selected or [])}
        super().__init__(*(Option(self._prompt(i), id=c.code) for i, c in enumerate(self.choices)), id=id)

    def _prompt(self, index: int) -> Text:
        choice = self.choices[index]
        mark = TICKED if choice.code in self.ticked else UNTICKED
        return Text(f"{mark} {(index + 1) % 10}. {choice.label}")

    @property
    def selected(self) -> list[str]:
        """The ticked codes, in the order of the list."""
        return [c.code for c in self.choices if c.code in self.ticked]

    def state_in_words(self) -> str:
        ticked = [f"{i + 1}. {c.label}" for i, c in enumerate(self.choices) if c.code in self.ticked]
        if not ticked:
            return "Nothing ticked yet."
        return "Ticked: " + "; ".join(ticked) + "."

    def on_mount(self) -> None:
        self.start_grace()
        self.post_message(self.Changed(self.state_in_words()))

    def toggle_index(self, index: int) -> None:
        code = self.choices[index].code
        self.ticked.symmetric_difference_update({code})
        self.replace_option_prompt_at_index(index, self._prompt(index))
        self.post_message(self.Changed(self.state_in_words()))

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle_index(self.highlighted)

    def action_done(self) -> None:
        if self.ready:
            self.post_message(self.Done(self.selected))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = (int(event.character) - 1) % 10
            if 0 <= index < self.option_count:
                event.stop()
                self.highlighted = index
                self.toggle_index(index)
