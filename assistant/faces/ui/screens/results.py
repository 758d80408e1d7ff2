"""Results: a card per record (verdict in words and a symbol), each law's report card, gaps, help.

The work is done before this screen exists: `prepare` runs in a worker thread (the engine, the
templates and the Markdown parsing), so the event loop, and with it the quick exit, never waits.
The cards are Rich Markdown inside plain Statics: one widget per card instead of one per
paragraph, which is what made the results slow to appear.

From here: what to do next for a record (W), save a summary (S), save the answers (A, advocates),
change an answer (C), start over (N), the same facts in other states (T).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..messages import ChangeAnswer, SaveAnswers, SaveSummary, ShowStates, StartOver
from ..widgets.key_bar import KeyBar
from ..widgets.markdown_card import Lines, MarkdownCard, layout_markdown

if TYPE_CHECKING:
    from ....core.eligibility import Assessment
    from ....data.catalog import Catalog
    from ....models.answers import Answers


@dataclass(frozen=True)
class PreparedResults:
    """Everything the results screen shows, worked out away from the event loop."""

    answers: Answers
    assessment: Assessment
    context: dict[str, Any]
    records: list[tuple[dict[str, Any], Markdown, dict[int, Lines]]]
    laws: list[tuple[dict[str, Any], Markdown, dict[int, Lines]]]

    @property
    def audience(self) -> str:
        return self.answers.audience


def card_text_width(screen_width: int) -> int:
    """The width of a card's text on a screen this wide (see #results and .card in app.tcss)."""
    return max(10, screen_width - CARD_CHROME)


# The results' padding (1 + 1), a card's border (1 + 1) and padding (1 + 1), the scroll bar's
# gutter (2, always kept: `scrollbar-gutter: stable`, so the cards are laid out once, not per pass).
CARD_CHROME = 8


def prepare(catalog: Catalog, answers: Answers, screen_width: int = 80) -> PreparedResults:
    """The engine, the templates, the Markdown parsing and layout: safe to run in a worker thread."""
    from ....core.eligibility import assess
    from ....render.explain import context, render_part

    width = card_text_width(screen_width)

    def card(text: str) -> tuple[Markdown, dict[int, Lines]]:
        markdown = Markdown(text, hyperlinks=False)
        return markdown, {width: layout_markdown(markdown, width)}

    assessment = assess(catalog, answers)
    ctx = context(assessment, catalog)
    voice = ctx["voice"]
    records = [(r, *card(render_part("record.md.j2", r=r, voice=voice, in_card=True))) for r in ctx["records"]]
    # A survivor's first screen is their records; report cards belong to advocates, trainers and the state view.
    shown_laws = ctx["laws"] if voice != "survivor" else []
    laws = [(law, *card(render_part("law.md.j2", law=law, grading_note=ctx["grading_note"]))) for law in shown_laws]
    return PreparedResults(answers, assessment, ctx, records, laws)


NEXT = "W: what to do next (papers, how to file, help).  "
# A survivor's record is cleared under its own place's law: other states' grades and the same facts
# elsewhere are for advocates and trainers (a survivor pressing T met a ranking table).
HINT = {
    True: NEXT + "S: save a summary.  A: save the answers.  C: change an answer.  N: start over.  "
    "T: the same facts in other states.  Ctrl+Q: leave now.",
    False: NEXT + "S: save a summary.  C: change an answer.  N: start over.  Ctrl+Q: leave now.",
}


class ResultsScreen(Screen[None]):
    BINDINGS = [
        Binding("w", "next_steps", "What to do next"),
        Binding("s", "save_summary", "Save summary"),
        Binding("a", "save_answers", "Save answers"),
        Binding("c", "change", "Change an answer"),
        Binding("n", "start_over", "Start over"),
        Binding("t", "other_states", "Same facts, other states"),
    ]

    def __init__(self, prepared: PreparedResults) -> None:
        super().__init__()
        self.prepared = prepared
        self.context = prepared.context
        self.audience = prepared.audience

    def compose(self) -> ComposeResult:
        ctx = self.context
        with VerticalScroll(id="results"):
            yield Static(ctx["heading"], classes="title", markup=False)
            for line in ctx["safety"]:  # the trafficking has not ended: help comes before any result
                yield Static(line, classes="notice safety", markup=False)
            yield Static(ctx["disclaimer"], classes="notice", markup=False)
            records = [r for r, _, _ in self.prepared.records]
            if len(records) > 1:  # each record's verdict up front: the first card's detail is long
                lines = [f"Record {r['number']}: {r['title']}\n  {r['symbol']} {r['verdict_label']}" for r in records]
                yield Static("\n".join(lines), id="overview", classes="overview", markup=False)
            for r, text, laid_out in self.prepared.records:
                with Vertical(classes=f"card verdict-{r['verdict']}") as card:
                    # the title wraps inside the card: on the border, 80 columns cut it in the place's name
                    card.border_title = f"Record {r['number']}"
                    yield Static(r["title"], classes="record-title", markup=False)
                    yield Static(f"{r['symbol']} {r['verdict_label']}", classes="verdict", markup=False)
                    yield MarkdownCard(text, laid_out, classes="card-text")
            for law, text, laid_out in self.prepared.laws:
                with Vertical(classes="card law") as card:
                    card.border_title = f"{law['name']}: report card ({ctx['rubric_name']})"
                    yield MarkdownCard(text, laid_out, classes="card-text")
            with Vertical(classes="card help"):
                yield Static("Free help", classes="subtitle", markup=False)
                for h in ctx["help"]:
                    yield Static(f"{h['name']}: {h['what']} {h['contact']}", markup=False)
            yield Static(HINT[self._for_advocates()], classes="hint", markup=False)
        yield KeyBar(
            ("W", "What to do next", "next_steps"),
            ("S", "Save summary", "save_summary"),
            ("A", "Save answers", "save_answers"),
            ("C", "Change an answer", "change"),
            ("N", "Start over", "start_over"),
            ("T", "Other states", "other_states"),
        )

    def on_mount(self) -> None:
        self.query_one("#results").focus()

    def _for_advocates(self) -> bool:
        return self.audience != "survivor"  # saving the answers, other states: advocates and trainers

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save_answers", "other_states"):
            return self._for_advocates()  # advocates and trainers
        return True

    def action_next_steps(self) -> None:
        """What to do next for one record; with several records, ask which first."""
        from ....core.choices import Choice
        from .choose import ChooseScreen
        from .next_steps import NextStepsScreen

        records = [r for r, _, _ in self.prepared.records]
        voice = self.context["voice"]

        def show(number: str | None) -> None:
            chosen = next((r for r in records if str(r["number"]) == number), None)
            if chosen is not None:
                self.app.push_screen(NextStepsScreen(chosen, voice, self.context["safety"]))

        if len(records) == 1:
            show(str(records[0]["number"]))
            return
        choices = [Choice(str(r["number"]), f"Record {r['number']}: {r['title']}") for r in records]
        self.app.push_screen(ChooseScreen("What to do next: which record?", choices), show)

    def action_save_summary(self) -> None:
        self.post_message(SaveSummary())

    def action_save_answers(self) -> None:
        self.post_message(SaveAnswers())

    def action_change(self) -> None:
        self.post_message(ChangeAnswer())

    def action_other_states(self) -> None:
        self.post_message(ShowStates(with_answers=True))

    def action_start_over(self) -> None:
        self.post_message(StartOver())
