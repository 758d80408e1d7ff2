"""What-if: change any feature of a jurisdiction's law and see the score, grade, rank and verdicts move.

Nothing here is the law. The ideal statute is one key away, and the brief can be exported.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ....core.choices import Choice
from ....core.eligibility import assess_record
from ....core.whatif import rescored, with_feature
from ....render.export import brief
from ..messages import SaveSpec, SaveText
from ..widgets.key_bar import KeyBar
from .choose import ChooseScreen
from .save import formats

if TYPE_CHECKING:
    from ....data.catalog import Catalog
    from ....models.answers import Answers
    from ....models.jurisdiction import Jurisdiction


# (key, heading, share of the width): the columns wrap their text instead of being cut at 80 columns.
COLUMNS = [
    ("category", "Category", 16),  # at 80 columns, 15 letters: "Confidentiality" whole
    ("law", "The law now", 17),
    ("whatif", "What-if", 17),
    ("points", "Points", 0),  # a fixed width: POINTS_WIDTH
    ("ideal", "Ideal", 14),
]
POINTS_WIDTH = 6
CHROME = 4  # the view's padding (1 + 1) and the scroll bar (2)


def column_widths(screen_width: int) -> list[int]:
    """Each column's width for this screen: the shares scaled to fit, less each cell's padding (1 + 1)."""
    available = max(60, screen_width) - CHROME - 2 * len(COLUMNS) - POINTS_WIDTH
    total = sum(share for _, _, share in COLUMNS)
    return [available * share // total if share else POINTS_WIDTH for _, _, share in COLUMNS]


class WhatIfScreen(Screen[None]):
    BINDINGS = [
        Binding("i", "ideal", "All ideal"),
        Binding("r", "reset", "Reset"),
        Binding("e", "export", "Export brief"),
        Binding("escape", "close", "Back", show=False),
    ]

    def __init__(self, catalog: Catalog, code: str, answers: Answers | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.code = code
        self.answers = answers
        self.changes: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        name = self.catalog.jurisdictions[self.code].name
        with Vertical(id="whatif"):
            yield Static(f"What if {name} changed its law?", classes="title", markup=False)
            yield Static("Enter on a category picks a new level. This is not the law.", classes="hint", markup=False)
            yield Static("", id="score", markup=False)
            yield DataTable(id="levels", cursor_type="row", zebra_stripes=True)
            if self.answers is not None:
                yield Static("", id="verdicts", markup=False)
        yield KeyBar(("Enter", "Change"), ("I", "All ideal"), ("R", "Reset"), ("E", "Export brief"), ("Esc", "Back"))

    def on_mount(self) -> None:
        self.build_columns()
        self.query_one(DataTable).focus()

    def build_columns(self) -> None:
        table = self.query_one(DataTable)
        self.widths = column_widths(self.size.width or 80)
        table.clear(columns=True)
        for (key, label, _), width in zip(COLUMNS, self.widths, strict=True):
            table.add_column(label, key=key, width=width)
        self.refresh_view()

    def on_resize(self, event: events.Resize) -> None:
        if getattr(self, "widths", None) != column_widths(self.size.width or 80):
            cursor = self.query_one(DataTable).cursor_row
            self.build_columns()
            self.query_one(DataTable).move_cursor(row=cursor)

    def changed(self) -> Jurisdiction:
        j = self.catalog.jurisdictions[self.code]
        for category_id, code in self.changes.items():
            j = with_feature(j, self.catalog.rubric, category_id, code)
        return j

    def refresh_view(self) -> None:
        original = self.catalog.jurisdictions[self.code]
        now, _ = rescored(self.catalog, original)
        changed = self.changed()
        after, _ = rescored(self.catalog, changed)
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for c_now, c_after in zip(now.categories, after.categories, strict=True):
            ideal = max(c_now.category.levels, key=lambda lv: lv.points)
            # marked only where the level moved ("All ideal" also sets parts already at their best)
            moved = c_now.category.id in self.changes and c_now.value != c_after.value
            mark = "→ " if moved else ""
            missing = "none yet" if not now.graded else "Not known"  # no adult law: nothing is unknown, it is not there
            table.add_row(
                Text(c_now.category.name),
                Text(c_now.level.label if c_now.level else ("no adult law" if not now.graded else "Not known")),
                Text(mark + (c_after.level.label if c_after.level else missing), style="bold" if mark else ""),
                Text(str(c_after.points) if c_after.known else f"{c_after.low}–{c_after.high}"),
                Text(f"{ideal.label} ({ideal.points})"),
                key=c_now.category.id,
                height=None,
            )
        table.move_cursor(row=cursor)
        # no adult law: nothing to grade yet, and a what-if imagines a new law part by part
        before = (
            f"Now: {now.total_text()} points, grade {now.grade_text()}, rank {now.rank_text()}."
            if now.graded
            else "Now: no law for adult survivors, so not graded. A what-if here imagines a new law."
        )
        what_if = (
            f"What-if: {after.total_text()} points, grade {after.grade_text()}, rank {after.rank_text()}."
            if after.graded
            else "What-if: choose a part, and its level, to see a score."
        )
        self.query_one("#score", Static).update(f"{before}   {what_if} (This tool's grading.)")
        if self.answers is not None:
            self._verdicts(changed)

    def _verdicts(self, changed: Jurisdiction) -> None:
        assert self.answers is not None
        labels = {code: f"{t.symbol} {t.label}" for code, t in self.catalog.terms.verdicts.items()}
        moved = dataclasses.replace(self.catalog, jurisdictions={**self.catalog.jurisdictions, self.code: changed})
        lines = []
        for i, rec in enumerate(self.answers.records):
            placed = self.answers.model_copy(update={"records": [rec.moved_to(self.code)]})
            before = assess_record(self.catalog, placed, 0).verdict
            after = assess_record(moved, placed, 0).verdict
            lines.append(f"Record {i + 1}: now {labels[before]}; what-if {labels[after]}")
        self.query_one("#verdicts", Static).update("Your records here:\n" + "\n".join(lines))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        category = self.catalog.rubric.category(str(event.row_key.value))
        if category is None:
            return
        choices = [Choice(lv.code, f"{lv.label} ({lv.points} points)") for lv in category.levels]

        def chosen(code: str | None) -> None:
            if code:
                self.changes[category.id] = code
                self.refresh_view()

        self.app.push_screen(ChooseScreen(category.name, choices, self.changes.get(category.id)), chosen)

    def action_ideal(self) -> None:
        for c in self.catalog.rubric.categories:
            self.changes[c.id] = max(c.levels, key=lambda lv: lv.points).code
        self.refresh_view()

    def action_reset(self) -> None:
        self.changes.clear()
        self.refresh_view()

    def action_export(self) -> None:
        def make(fmt: str) -> str:
            from ....render.explain import to_html

            text = brief(self.catalog, self.code, list(self.changes.items()))
            return to_html(text, f"{self.code}: how to raise its grade") if fmt == "html" else text

        choices = formats("markdown", "html")
        self.post_message(SaveText(SaveSpec("Export the brief", choices, f"{self.code}-brief.md", make)))

    def action_close(self) -> None:
        self.app.pop_screen()
