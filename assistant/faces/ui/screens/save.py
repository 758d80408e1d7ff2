"""Saving, only on request: the person types a path; the file is owner-only; never overwritten silently.

The file is written in the format its name says (.md, .txt, .html, ...): choosing a format changes
the name's ending, and a name with no ending gets the chosen one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from ....core.choices import Choice
from ....data.files import EXTENSION, NameRefused, named_format
from ..widgets.choice_list import ChoiceList

# What each format is called in the dialog; the ending comes from the one table of endings.
FORMAT_WORDS = {
    "markdown": "Markdown",
    "text": "Plain text",
    "html": "A page to print",
    "yaml": "Answers file",
    "json": "Answers file",
}


def formats(*codes: str) -> list[Choice]:
    """The format choices of a save dialog, in this order: 'Markdown (.md)', 'A page to print (.html)', ..."""
    return [Choice(code, f"{FORMAT_WORDS[code]} ({EXTENSION[code]})") for code in codes]


@dataclass(frozen=True)
class SaveRequest:
    path: str
    fmt: str


class SaveScreen(ModalScreen[SaveRequest | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, formats: list[Choice], suggested: str, *, download: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.formats = formats
        self.suggested = suggested
        self.download = download  # in a browser: a download under this name, never a path on the server

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, classes="subtitle", markup=False)
            if self.download:
                yield Static(
                    "Your browser will download the file. Think about who else uses this computer.", markup=False
                )
                yield Static("File name:", markup=False)
            else:
                yield Static(
                    "Only your user account on this computer will be able to open the file. Think about who else "
                    "uses this computer.",
                    markup=False,
                )
                yield Static("File name (or a full path, like ~/Documents/results.html):", markup=False)
            yield Input(value=self.suggested, id="path")
            if len(self.formats) > 1:
                yield Static("Format (Tab, then choose; or type the ending):", markup=False)
                yield ChoiceList(self.formats, id="format")
            yield Static("", id="error", classes="error", markup=False)
            yield Static("Enter saves. Escape cancels.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _fmt(self) -> str:
        found = self.query("#format")
        if found:
            chooser = found.first(ChoiceList)
            if chooser.highlighted is not None:
                return str(chooser.get_option_at_index(chooser.highlighted).id)
        return self.formats[0].code

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A format was picked: the file name's ending follows, so the name says what is inside."""
        event.stop()
        box = self.query_one("#path", Input)
        name = PurePath(box.value.strip())
        ending = EXTENSION.get(str(event.option.id))
        if ending and name.suffix.lower() in EXTENSION.values() and name.suffix.lower() != ending:
            box.value = str(name.with_suffix(ending))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self._submit()

    def _submit(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            missing = "Type a file name." if self.download else "Type where to save the file."
            self.query_one("#error", Static).update(missing)
            return
        try:
            fmt, path = named_format(
                path, [f.code for f in self.formats], self._fmt(), on_this_computer=not self.download
            )
        except NameRefused as exc:
            self.query_one("#error", Static).update(f"Not saved: {exc}.")
            return
        self.dismiss(SaveRequest(path, fmt))

    def show_error(self, text: str) -> None:
        self.query_one("#error", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
