"""An option list for one answer: arrow keys, number keys and Enter; a short grace period after appearing.

The grace period ignores Enter for a moment after a new question appears, so a key pressed twice
cannot answer the next question by accident. Labels are Rich Text, so no label is read as markup.
"""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....core.choices import Choice

GRACE_SECONDS = 0.4


MAX_NUMBERED = 10  # keys 1-9 and 0; a longer list is chosen with the arrow keys


class _Grace:
    """Mixin: remembers when the widget appeared; `ready` is false during the grace period."""

    grace: float = GRACE_SECONDS
    _since: float = 0.0

    def start_grace(self) -> None:
        self._since = monotonic()

    @property
    def ready(self) -> bool:
        return monotonic() - self._since >= self.grace


class ChoiceList(_Grace, OptionList):
    """One answer from a list. Number keys 1-9 (and 0 for a tenth line) pick the matching line."""

    class Chosen(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    class UpFromTop(Message):
        """Up on the first line: the box above (if any) may take the focus back."""

    def __init__(self, choices: list[Choice], *, id: str | None = None, numbered: bool = True) -> None:
        self.numbered = numbered and len(choices) <= MAX_NUMBERED
        options = [
            Option(Text(f"{i % 10}. {c.label}" if self.numbered else c.label), id=c.code)
            for i, c in enumerate(choices, start=1)
        ]
        super().__init__(*options, id=id)

    def on_mount(self) -> None:
        self.start_grace()

    def set_choices(self, choices: list[Choice]) -> None:
        self.clear_options()
        self.add_options([Option(Text(c.label), id=c.code) for c in choices])
        if choices:
            self.highlighted = 0

    def highlight_code(self, code: str) -> None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == code:
                self.highlighted = index
                return

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            self.post_message(self.UpFromTop())
            return
        super().action_cursor_up()

    def action_select(self) -> None:
        if not self.ready or self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id is not None:
            self.post_message(self.Chosen(option.id))

    def on_key(self, event: events.Key) -> None:
        if self.numbered and event.character and event.character.isdigit():
            index = (int(event.character) - 1) % 10  # "0" is the tenth line
            if 0 <= index < self.option_count:
                event.stop()
                self.highlighted = index
                self.action_select()
