"""What screens ask of the app, as typed messages (Textual's idiom: a screen posts, the app handles).

A screen never calls the app's methods: it posts one of these and the message bubbles up from the
screen to the app, whose handlers (`@on(...)` in app.py) do the work. Tests can watch them with
`run_test(message_hook=...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message

from ...core.choices import Choice


class BeginConversation(Message):
    """The welcome question was answered: who the assistant is for."""

    def __init__(self, audience: str) -> None:
        super().__init__()
        self.audience = audience


class ConversationFinished(Message):
    """Every question has an answer: work out the results (off the event loop) and show them."""


class ShowResultsAgain(Message):
    """Back to the results without changing anything."""


class ChangeAnswer(Message):
    """From the results: back to the conversation to change an answer."""


class StartOver(Message):
    """Forget every answer (after a yes) and go back to the welcome screen."""


class SaveSummary(Message):
    """Save a summary of the results to a file the person names."""


class SavePacket(Message):
    """Save what to do next for every record (papers, filing, help): a page to print, text or Markdown."""


class SaveAnswers(Message):
    """Save the answers themselves (offered to advocates and trainers only)."""


class ShowStates(Message):
    """All jurisdictions; with the person's records when asked from the results."""

    def __init__(self, with_answers: bool = False) -> None:
        super().__init__()
        self.with_answers = with_answers


@dataclass(frozen=True)
class SaveSpec:
    title: str
    formats: list[Choice]
    suggested: str
    make: Callable[[str], str]  # format code -> the text to write


class SaveText(Message):
    """Ask where to save some text (owner-only; an existing file is replaced only after a yes)."""

    def __init__(self, spec: SaveSpec) -> None:
        super().__init__()
        self.spec = spec
