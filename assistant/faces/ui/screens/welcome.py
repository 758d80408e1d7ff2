"""Welcome: what this is and is not, the privacy promise, how to leave quickly, and who it is for.

The first question (who it is for) is passed in as words, so this screen can appear before the
data models have finished loading.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ....core.choices import Choice
from ..messages import BeginConversation
from ..widgets.choice_list import ChoiceList
from ..widgets.key_bar import KeyBar

INTRO = (
    "This assistant helps survivors of human trafficking, and the people who help them, find out "
    "if a state's law can clear records that came from being trafficked."
)
NOT_ADVICE = "It is not legal advice. It gives a first look and points to free legal help."
PRIVACY = (
    "Private: nothing is sent anywhere. Nothing is saved unless you choose to save it.\n"
    "Leave quickly at any time: press Ctrl+Q (or Ctrl+C, or Escape three times). The screen clears."
)


class WelcomeScreen(Screen[None]):
    AUTO_FOCUS = "#audience"

    def __init__(self, question: str, choices: list[Choice], help_now: str) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.help_now = help_now  # the Hotline, before any question: whether it has ended is asked late

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static("Record relief assistant", classes="title", markup=False)
            yield Static(INTRO, markup=False)
            yield Static(NOT_ADVICE, classes="notice", markup=False)
            yield Static(PRIVACY, classes="privacy", markup=False)
            yield Static(self.help_now, classes="help-now", markup=False)
            yield Static(self.question, classes="assistant", markup=False)
            yield ChoiceList(self.choices, id="audience")
        yield KeyBar(("F2", "Contrast"), ("F4", "All states"))

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.post_message(BeginConversation(event.code))
