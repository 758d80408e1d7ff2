"""The current question inside the transcript, with the right input for its kind.

Posts `QuestionBox.Answered` with the value; the screen hands it to the flow runner, which checks it.
"I'm not sure" is the last choice of every question; "why we ask" shows on request (F3).

Keys are the same everywhere: Up and Down move through the choices and Enter picks one; a number
picks the line with that number. Where a box takes typing (a year, a name, a place), the choices
under it have no numbers, because a digit typed there is part of the answer: Down moves from the
box into the choices, and Up from the first choice goes back to the box.
"""

from __future__ import annotations

from time import monotonic
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.validation import Function
from textual.widgets import Input, OptionList, Static

from ....core.conversation import QuestionView
from ....core.flow import StepKey
from ....core.places import find_places, place_names
from ....models.answers import FIRST_YEAR, this_year
from .choice_list import GRACE_SECONDS, MAX_NUMBERED, ChoiceList
from .multi_choice_list import MultiChoiceList

HINTS = {
    "single": "Use the arrow keys and Enter, or press a number.",
    "yes_no": "Use the arrow keys and Enter, or press a number.",
    "multiple": "Space ticks a line (or press its number). Enter confirms.",
    "year": "Type the year with four digits and press Enter. Or press Down to choose a line below, then Enter.",
    "text": "Type and press Enter. Leave it empty to skip, or press Down for the line below.",
}
YEAR_DIGITS = 4


def _valid_year(text: str) -> bool:
    return text.isdigit() and FIRST_YEAR <= int(text) <= this_year()


class QuestionBox(Vertical):
    BINDINGS = [Binding("down", "to_choices", "Choices below", show=False)]

    class Answered(Message):
        def __init__(self, key: StepKey, value: Any) -> None:
            super().__init__()
            self.key = key
            self.value = value

    def __init__(self, view: QuestionView) -> None:
        super().__init__(classes="question")
        self.view = view
        self.border_title = "Your answer" if view.value is None else "Change your answer"

    def compose(self) -> ComposeResult:
        v = self.view
        choices = [*v.choices, v.unsure]
        if v.kind in ("single", "yes_no"):
            if v.filterable:
                yield Input(placeholder="Type to find it (for example Texas or TX)", id="filter")
            yield ChoiceList(choices, id="choices", numbered=not v.filterable)
        elif v.kind == "multiple":
            selected = v.value if isinstance(v.value, list) else None
            yield MultiChoiceList(choices, id="multi", selected=selected)
            yield Static("", id="ticked", classes="ticked", markup=False)
        elif v.kind == "year":
            yield Input(
                value=str(v.value) if isinstance(v.value, int) else "",
                placeholder="A year, like 2015",
                restrict=r"[0-9]{0,4}",
                max_length=YEAR_DIGITS,
                validators=[Function(_valid_year, f"Type a year between {FIRST_YEAR} and {this_year()}.")],
                validate_on=["changed", "submitted"],
                valid_empty=True,
                id="year",
            )
            yield ChoiceList(choices, id="choices", numbered=False)
        else:
            yield Input(value=v.value or "", placeholder="Type here", max_length=2000, id="text")
            yield ChoiceList([v.unsure], id="choices", numbered=False)
        yield Static("", id="error", classes="error empty", markup=False)
        hint = "Type to narrow the list; Down, then Enter, to choose." if v.filterable else HINTS[v.kind]
        if v.kind in ("single", "yes_no") and not v.filterable and len(choices) > MAX_NUMBERED:
            hint = "Use the arrow keys, then Enter."  # too many lines to number (North Carolina's classes)
        self._hint = hint + " F3: why we ask."
        yield Static(self._hint, id="hint", classes="hint", markup=False)
        yield Static(f"Why we ask: {v.why}", id="why", classes="why", markup=False)

    def _note_scrolling(self) -> None:
        """At 80x24 a long list shows only its first lines ("I'm not sure" last): say that it scrolls."""
        hints = self.query("#hint")
        if not hints:  # called after a refresh: the box may already be gone (a quick answer)
            return
        lists = [w for w in self.query(OptionList) if w.max_scroll_y > 0]
        more = " The list scrolls: press Down to see every choice." if lists else ""
        hints.first(Static).update(self._hint + more)

    def on_resize(self) -> None:
        self.call_after_refresh(self._note_scrolling)

    def on_mount(self) -> None:
        self.call_after_refresh(self._note_scrolling)
        self._shown_at = monotonic()
        v = self.view
        if v.value is not None and not isinstance(v.value, list):
            for chooser in self.query(ChoiceList):
                chooser.highlight_code(str(v.value))

    def focus_input(self) -> None:
        for selector in ("#filter", "#year", "#text", "#multi", "#choices"):
            found = self.query(selector)
            if found:
                found.first().focus()
                return

    def action_to_choices(self) -> None:
        """Down in a box that takes typing: into the choices under it."""
        focused = self.screen.focused
        if isinstance(focused, Input):
            chooser = self.query_one("#choices", ChoiceList)
            if chooser.option_count:
                chooser.highlighted = chooser.highlighted or 0
                chooser.focus()

    def on_choice_list_up_from_top(self, event: ChoiceList.UpFromTop) -> None:
        event.stop()
        boxes = self.query(Input)
        if boxes:
            boxes.first().focus()

    def toggle_why(self) -> None:
        self.query_one("#why").toggle_class("shown")

    def show_error(self, text: str) -> None:
        error = self.query_one("#error", Static)
        error.update(text)
        error.set_class(not text, "empty")

    def _answer(self, value: Any) -> None:
        self.post_message(self.Answered(self.view.key, value))

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self._answer(event.code)

    def on_multi_choice_list_changed(self, event: MultiChoiceList.Changed) -> None:
        event.stop()
        self.query_one("#ticked", Static).update(event.words)

    def on_multi_choice_list_done(self, event: MultiChoiceList.Done) -> None:
        event.stop()
        if not event.codes:
            self.show_error("Tick at least one line, or 'None of these', or the 'not sure' line.")
            return
        self._answer(event.codes)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "filter":
            text = event.value.strip().lower()
            matches = [c for c in self.view.choices if text in c.label.lower() or text == c.code.lower()]
            if text and not matches:  # a typo or another way to write it ("texass", "Washington DC")
                found = find_places(text, place_names(self.view.choices))
                matches = [c for c in self.view.choices if c.code in found]
            matches.append(self.view.unsure)  # offered, never chosen for the person
            self.query_one("#choices", ChoiceList).set_choices(matches)
        elif event.input.id == "year":
            # No error while a year is being typed: only once it has its four digits.
            result = event.validation_result
            if len(event.value) < YEAR_DIGITS or result is None or result.is_valid:
                self.show_error("")
            else:
                self.show_error(" ".join(result.failure_descriptions))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        widget = event.input
        if not self._input_ready(widget):
            return
        if widget.id == "filter":
            chooser = self.query_one("#choices", ChoiceList)
            if chooser.option_count == 2:  # one match plus "not sure": take it
                chooser.highlighted = 0
                chooser.action_select()
            elif chooser.option_count == 1 and widget.value.strip():
                # Nothing matches: stay in the box (a second Enter must never pick "not sure" for the person).
                self.show_error("No place has that name. Type a name like Texas, or a code like TX.")
            else:
                chooser.focus()
        elif widget.id == "year":
            if not event.value or (event.validation_result is not None and not event.validation_result.is_valid):
                self.show_error(f"Type a year between {FIRST_YEAR} and {this_year()}, or choose below.")
                return
            self._answer(int(event.value))
        elif widget.id == "text":
            self._answer(event.value)

    def _input_ready(self, widget: Input) -> bool:
        """The grace period: Enter right after the question appears is ignored."""
        return monotonic() - self._shown_at >= GRACE_SECONDS
