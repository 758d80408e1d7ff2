"""The conversation transcript: assistant lines, the person's answers, and the current question.

Anything the person typed is shown with markup off, so text like "[bold]" stays literal.
Answers are focusable: up/down move between them, Enter (or a click) changes one.
"""

from __future__ import annotations

from rich.markdown import Markdown
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ....core.flow import StepKey


class Transcript(VerticalScroll, can_focus=False):
    """Follows the newest message (anchored) unless the person scrolls up."""

    def on_mount(self) -> None:
        self.anchor()


class AssistantLine(Static):
    """Something the assistant says: our own text, rendered as Markdown (links shown, never opened)."""

    def __init__(self, text: str, *, classes: str = "") -> None:
        super().__init__(Markdown(text, hyperlinks=False), classes=f"assistant {classes}".strip())
        self.text = text


class AnswerLine(Static, can_focus=True):
    """Something the person answered. Shown literally. Enter or a click changes it."""

    BINDINGS = [
        Binding("enter", "change", "Change this answer"),
        Binding("up", "previous", "Earlier", show=False),
        Binding("down", "next", "Later", show=False),
        Binding("escape", "leave", "Back to the question", show=False),
    ]

    class ChangeRequested(Message):
        def __init__(self, key: StepKey) -> None:
            super().__init__()
            self.key = key

    class Leave(Message):
        """Focus should go back to the current question."""

    def __init__(self, text: str, key: StepKey) -> None:
        super().__init__(text, markup=False, classes="answer")
        self.key = key
        self.tooltip = "Click or press Enter to change this answer"

    def action_change(self) -> None:
        self.post_message(self.ChangeRequested(self.key))

    def on_click(self) -> None:
        self.post_message(self.ChangeRequested(self.key))

    def _siblings(self) -> list[AnswerLine]:
        return list(self.screen.query(AnswerLine))

    def action_previous(self) -> None:
        lines = self._siblings()
        i = lines.index(self)
        if i > 0:
            lines[i - 1].focus()
            lines[i - 1].scroll_visible(animate=False)

    def action_next(self) -> None:
        lines = self._siblings()
        i = lines.index(self)
        if i + 1 < len(lines):
            lines[i + 1].focus()
            lines[i + 1].scroll_visible(animate=False)
        else:
            self.post_message(self.Leave())

    def action_leave(self) -> None:
        self.post_message(self.Leave())
