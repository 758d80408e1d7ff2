"""One jurisdiction: its report card, its filing guide, where it falls short, how its law changed.

The filing guide stands beside the card when the screen is wide (120 columns or more) and follows
it when it is not, so 80x24 never scrolls sideways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from ....core.eligibility import gaps
from ....core.scoring import scorecards
from ....render.explain import law_context, render_part
from ....render.export import guide_markdown, history_markdown
from ..messages import SaveSpec, SaveText
from ..widgets.key_bar import KeyBar
from .save import formats

if TYPE_CHECKING:
    from ....data.catalog import Catalog
    from ....models.answers import Answers


WIDE = 120  # columns from which the filing guide stands beside the card


class StateScreen(Screen[None]):
    BINDINGS = [
        Binding("w", "what_if", "What-if"),
        Binding("c", "compare", "Compare with the ideal"),
        Binding("e", "export", "Export history"),
        Binding("escape", "close", "Back", show=False),
    ]

    def __init__(self, catalog: Catalog, code: str, answers: Answers | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.code = code
        self.answers = answers

    def compose(self) -> ComposeResult:
        card = next(c for c in scorecards(self.catalog) if c.jurisdiction.code == self.code)
        j = card.jurisdiction
        law = law_context(card, gaps(card), "advocate")
        text = f"# {j.name}\n\n{j.current.summary}\n\n" + render_part(
            "law.md.j2", law=law, grading_note=self.catalog.rubric.grading.note
        )
        if j.data_notes:
            text += f"\n\n_Where our data is thin: {j.data_notes}_\n"
        guide = guide_markdown(self.catalog, self.code)  # shown in one of two places, by the screen's width
        with Horizontal(id="state-columns"):
            with VerticalScroll(id="state"):
                yield Markdown(text, open_links=False)
                yield Markdown(guide, open_links=False, classes="guide narrow")
                yield Markdown(history_markdown(self.catalog, self.code), open_links=False)
            with VerticalScroll(id="state-guide"):
                yield Markdown(guide, open_links=False, classes="guide")
        yield KeyBar(("W", "What-if"), ("C", "Compare with the ideal"), ("E", "Export history"), ("Esc", "Back"))

    def on_mount(self) -> None:
        self._fit(self.app.size.width)
        self.query_one("#state").focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width >= WIDE, "wide")

    def action_what_if(self) -> None:
        from .whatif import WhatIfScreen

        self.app.push_screen(WhatIfScreen(self.catalog, self.code, self.answers))

    def action_compare(self) -> None:
        from .compare import CompareScreen

        self.app.push_screen(CompareScreen(self.catalog, [self.code], self.answers))

    def action_export(self) -> None:
        from ....render.explain import to_html

        def make(fmt: str) -> str:
            text = history_markdown(self.catalog, self.code)
            return to_html(text, f"{self.code}: how the law changed") if fmt == "html" else text

        choices = formats("markdown", "html")
        self.post_message(SaveText(SaveSpec("Export this history", choices, f"{self.code}-history.md", make)))

    def action_close(self) -> None:
        self.app.pop_screen()
