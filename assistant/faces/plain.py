"""Plain mode: the same conversation line by line on standard input and output.

For screen readers, braille displays and piping: no full-screen drawing, no colour, numbered
choices. It drives the same flow runner as the app. Words to type at any question:
  b        go back one question
  change   list the answers so far and change one
  why      why we ask this question
  quit     leave at once (also Ctrl+C, Ctrl+D or Ctrl+Q); nothing is saved

Leaving that way (or by SIGTERM or SIGHUP) clears the screen and the scrollback when the output is
a terminal, as the full-screen app does; into a pipe or a file it adds nothing. Everything printed
passes through safe_text.clean, so typed text cannot send control sequences to the terminal.

Long lines wrap at word boundaries to the terminal's width (80 columns when the output is not a
terminal). A year is typed as a year ("2016"); the end of piped input is said in one line. When the
trafficking has not ended, help comes at once, before the next question.
"""

from __future__ import annotations

import re
import shutil
import signal
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..core.choices import Choice
from ..core.conversation import Conversation, QuestionView
from ..core.flow import AnswerError
from ..data.catalog import Catalog
from ..data.safe_text import clean
from .terminal import CTRL_Q, PlainInput, on_leave_signals, wipe

QUIT_WORDS = ("quit", "q", "exit", "leave")
INTRO = (
    "Record relief assistant (plain mode).\n"
    "It helps survivors of human trafficking, and the people who help them, find out if a state's law can clear "
    "records that came from being trafficked.\n"
    "It is not legal advice. Nothing is sent anywhere. Nothing is saved unless you choose to.\n"
    "At any question: type b to go back, change to change an earlier answer, why to hear why we ask, "
    "quit to leave at once."
)


YEAR_HINT = "type the year with four digits, like 2016"
WIDTH = 80
END_OF_INPUT = {
    False: "End of input before the last question: no results, and nothing was saved.",
    True: "End of input: nothing was saved.",
}
LEAVE_KEYS = "Type quit, or press Ctrl+C"
_ITEM = re.compile(r"(?:[-*•] |\d+\. |\[\d+ of about \d+\] )")


def wrap(text: str, width: int = WIDTH) -> str:
    """Each line wrapped at word boundaries; a list item's later lines line up under its words."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        item = _ITEM.match(body)
        hang = indent + " " * (len(item.group(0)) if item else 0)
        out.append(textwrap.fill(line, width, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


class Quit(Exception):
    """The person asked to leave."""


class EndOfInput(Exception):
    """Piped input ran out (not a person's Ctrl+D at a terminal, which is a way to quit)."""


class PlainSession:
    def __init__(
        self, catalog: Catalog, read: Callable[[], str], out: TextIO, width: int = WIDTH, piped: bool = True
    ) -> None:
        self.catalog = catalog
        self.conversation = Conversation(catalog)
        self.read_line = read
        self.out = out
        self.width = width
        self.piped = piped  # input from a pipe or file: its end is no request to leave
        self.left = False  # the person chose to leave (quit, Ctrl+C, Ctrl+D, Ctrl+Q)
        self.results_shown = False

    def say(self, text: str = "") -> None:
        self.out.write(wrap(clean(text), self.width) + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        wrapped = wrap(clean(prompt).rstrip(" "), self.width - 1)  # room for the space and the cursor
        self.out.write(wrapped + (" " if prompt.endswith(" ") else ""))
        self.out.flush()
        try:
            line = self.read_line()
        except EOFError:
            raise (EndOfInput() if self.piped else Quit()) from None
        text = line.strip()
        if text.lower() in QUIT_WORDS or CTRL_Q in line:
            raise Quit()
        return text

    def run(self) -> int:
        self.say(INTRO)
        self.say(self.catalog.terms.safety.welcome)
        try:
            while (view := self.conversation.view()) is not None:
                self.one_question(view)
            self.results()
        except EndOfInput:
            self.say()
            self.say(END_OF_INPUT[self.results_shown])
            return 0
        except (Quit, KeyboardInterrupt):
            self.left = True
            return 0
        return 0

    def one_question(self, view: QuestionView) -> None:
        runner = self.conversation.runner
        self.say()
        number, total = self.conversation.position()
        self.say(f"[{number} of about {total}] {self.conversation.question_line(view.step)}")
        choices = [*view.choices, view.unsure]
        for number, choice in enumerate(choices, start=1):
            self.say(f"  {number}. {choice.label}")
        hint = {
            "multiple": "Type the numbers that fit, separated by commas: ",
            "year": "Type a year, or the number of a choice: ",
            "text": "Type your answer, or press Enter (or 1) to skip: ",
        }.get(view.kind, "Type a number: ")
        if view.filterable:
            hint = "Type a number, or a state's name or code: "
        reply = self.ask(hint)
        lowered = reply.lower()
        if lowered == "b":
            if runner.back() is None:
                self.say("This is the first question.")
            return
        if lowered == "why":
            self.say(f"Why we ask: {view.why}")
            return
        if lowered == "change":
            self.change()
            return
        try:
            value = self.value(view, reply, choices)
            dropped = runner.answer(value, view.step)
        except AnswerError as exc:
            said = str(exc)
            self.say(f"That answer doesn't fit. {said[:1].upper()}{said[1:]}. Please try again.")
            return
        if self.conversation.needs_safety_note(view.step):  # the trafficking has not ended: help first
            self.say()
            for line in self.conversation.safety_note(LEAVE_KEYS):
                self.say(line)
        if dropped:
            n = len(dropped)
            self.say(f"(Removed {n} {'answer that no longer applies' if n == 1 else 'answers that no longer apply'}.)")

    def value(self, view: QuestionView, reply: str, choices: list[Choice]) -> object:
        def pick(token: str) -> str:
            token = token.strip().rstrip(".")
            if not token:
                raise AnswerError(f"Type a number from 1 to {len(choices)}")
            if token.isdigit() and 1 <= int(token) <= len(choices) and not (view.kind == "year" and len(token) == 4):
                return str(choices[int(token) - 1].code)
            found = by_words(token)
            if found is not None:
                if view.filterable:
                    said_back(found)
                return found
            if view.filterable and token.isdigit():  # a number, but not one of the list's
                raise AnswerError(
                    f"{token[:6]} is not one of the choices. Type a number from 1 to {len(choices)}, "
                    "a name like Texas, or a code like TX"
                )
            if view.filterable:
                from ..core.places import find_places, place_names

                places = find_places(token, place_names(choices))
                if len(places) == 1:
                    said_back(places[0])
                    return places[0]
                if places:
                    names = " or ".join(c.label for c in choices if c.code in places)
                    raise AnswerError(f"Did you mean {names}? Type more of the name, or its number")
                raise AnswerError("No place has that name. Type a name like Texas, a code like TX, or a number")
            # say what was typed and what would fit ("9 is not one of the choices. Type 1 to 7")
            shown = f"'{token}'" if len(token) <= 20 and token.isprintable() else "That"
            raise AnswerError(f"{shown} is not one of the choices. Type a number from 1 to {len(choices)}")

        def said_back(code: str) -> None:
            """A place taken from a name, a typo or a code ("hi", "ok" and "in" are words too), said back."""
            if code != "unsure":  # "not sure" is said as the person said it
                self.say(f"Taken as {next(c.label for c in choices if c.code == code)}.")

        def by_words(token: str) -> str | None:
            """A choice as people write it: its code or words, a synonym ('not sure', 'fraud', 'F3'), or the
            start of one choice's words ('hurting someone')."""
            from ..data.intake_csv import normalise_code
            from ..models.answers import felony_class_code

            lowered = token.lower()
            codes = {str(c.code) for c in choices}
            for c in choices:
                if lowered in (c.code.lower(), c.label.lower()):
                    return str(c.code)
            field = view.step.question.id
            code = felony_class_code(token) if field == "felony_class" else normalise_code(field, token)
            if code in codes:
                return str(code)
            if view.filterable:
                return None
            starts = [str(c.code) for c in choices if c.label.lower().startswith(lowered)]
            if len(starts) == 1:
                return starts[0]
            # a word of one choice's own words, its examples included ("assault" in "(like assault or robbery)")
            within = [str(c.code) for c in choices if re.search(rf"\b{re.escape(lowered)}\b", c.label.lower())]
            return within[0] if len(within) == 1 else None

        if view.kind == "multiple":
            if not reply.strip():
                raise AnswerError(f"Type the numbers that fit, like 1 or 1, 3 ({len(choices)} if you are not sure)")
            whole = by_words(reply.strip().rstrip("."))  # "not sure", "a T visa": one answer of several words
            if whole is not None:
                return [whole]
            parts = [t for t in reply.split(",") if t.strip()]
            # "1 3" is two numbers; "t visa" is one answer
            parts = [n for t in parts for n in (t.split() if all(w.isdigit() for w in t.split()) else [t])]
            return [pick(t) for t in parts]
        if view.kind == "year":
            if reply.isdigit():
                if len(reply) == 4:
                    return int(reply)
                if 1 <= int(reply) <= len(choices):
                    return pick(reply)
                raise AnswerError(
                    f"{YEAR_HINT}, or {', '.join(str(i) for i in range(1, len(choices) + 1))} for a choice"
                )
            try:
                return pick(reply)
            except AnswerError:
                raise AnswerError(f"{YEAR_HINT}, or the number of a choice") from None
        if view.kind == "text":
            return None if reply == "1" else reply
        return pick(reply)

    def change(self) -> None:
        runner = self.conversation.runner
        steps = runner.answered_steps()
        if not steps:
            self.say("There are no answers yet.")
            return
        for number, step in enumerate(steps, start=1):
            self.say(f"  {number}. {self.conversation.question_line(step)} -> {self.conversation.answer_label(step)}")
        reply = self.ask("Type the number of the answer to change (or Enter to go on): ")
        if reply.isdigit() and 1 <= int(reply) <= len(steps):
            runner.edit(steps[int(reply) - 1].key)

    def results(self) -> None:
        from ..core.eligibility import assess
        from ..render.explain import render

        answers = self.conversation.runner.to_answers()
        assessment = assess(self.catalog, answers)
        report = clean(render(assessment, self.catalog, "text"))
        self.say()
        self.say(report)
        self.results_shown = True
        path = self.ask(
            "To keep a copy, type a name for the file, like results.html (a page to print) or results.txt. "
            "Only your user account can open it, but think about who else uses this computer. "
            "Or press Enter to finish without saving: "
        )
        if path:
            self.save(path, lambda fmt: render(assessment, self.catalog, fmt))

    def save(self, name: str, make: Callable[[str], str]) -> None:
        """Write owner-only, in the format the name says; an existing file is replaced only after a yes."""
        from ..data.files import WHO_CAN_OPEN, AlreadyExists, NameRefused, WriteRefused, named_format, write_private

        try:
            fmt, name = named_format(name, ["text", "markdown", "html"], "text")
        except NameRefused as exc:
            self.say(f"Not saved: {exc}.")
            return
        text = make(fmt)
        try:
            written = write_private(Path(name), text)
        except AlreadyExists:
            if self.ask(
                f"{name} already exists. Type yes to replace it, or press Enter to keep it: "
            ).strip().lower() not in ("yes", "y"):
                self.say("Not saved.")
                return
            try:
                written = write_private(Path(name), text, overwrite=True)
            except WriteRefused as exc:
                self.say(f"Not saved: {exc}.")
                return
        except WriteRefused as exc:
            self.say(f"Not saved: {exc}.")
            return
        self.say(f"Saved to {written}. {WHO_CAN_OPEN}")


def terminal_width() -> int:
    """The terminal's width when the output is a terminal, else 80."""
    if sys.stdout.isatty():
        return max(20, shutil.get_terminal_size((WIDTH, 24)).columns)
    return WIDTH


def run_plain(catalog: Catalog) -> int:
    with PlainInput(sys.stdin, sys.stdout) as keys, on_leave_signals(_leave_by_signal(keys)):
        session = PlainSession(catalog, keys.read, sys.stdout, terminal_width(), piped=not keys.tty)
        status = session.run()
    # The end of piped input is no request to hide anything; Ctrl+D on a terminal is.
    if session.left and not (keys.ended and not keys.tty):
        wipe(sys.stdout)
    return status


def _leave_by_signal(keys: PlainInput) -> Callable[[int], None]:
    def leave(signum: int) -> None:
        if signum == signal.SIGINT:  # Ctrl+C: leave through the session, as the word quit does
            raise KeyboardInterrupt
        keys.leave(signum)  # SIGTERM, SIGHUP: terminal settings back, screen wiped, process ended

    return leave
