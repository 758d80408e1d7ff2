"""Two to four jurisdictions side by side (with the ideal statute on request), and the same facts in each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ....core.compare import compare
from ....render.export import comparison, comparison_context
from ..messages import SaveSpec, SaveText
from ..widgets.key_bar import KeyBar
from .save import formats

if TYPE_CHECKING:
    from ....data.catalog import Catalog
    from ....models.answers import Answers


CATEGORY_WIDTH = 18  # "≠ " and the category's name, wrapped
MIN_PLACE_WIDTH = 18  # narrower than this, the places are stacked under each row instead
CHROME = 4  # the view's padding (1 + 1) and the scroll bar's gutter (2)


class CompareScreen(Screen[None]):
    """Side by side when there is room; at 80 columns with three or more places, stacked: each row of
    the rubric (and each record) lists the places under it, so no place is cut to a letter."""

    BINDINGS = [
        Binding("i", "toggle_ideal", "Ideal statute"),
        Binding("e", "export", "Export"),
        Binding("escape", "close", "Back", show=False),
    ]

    def __init__(self, catalog: Catalog, codes: list[str], answers: Answers | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.codes = codes
        self.answers = answers
        self.ideal = len(codes) == 1
        self.stacked: bool | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="compare"):
            if self.answers is not None and self.answers.trafficking_ended == "ongoing":
                help_now = self.catalog.terms.safety.help_now(self.answers.voice)
                banner = Static(help_now, id="help-now", markup=False)
                banner.display = True  # hidden by default (the conversation shows it only when needed)
                yield banner
            yield Static("", id="compare-title", classes="title", markup=False)  # filled with the table
            yield Static("", id="compare-hint", classes="hint", markup=False)  # filled with the table
            yield DataTable(id="features", cursor_type="row", zebra_stripes=True)
            if self.answers is not None:
                yield Static("Same facts, different places", classes="subtitle", markup=False)
                yield DataTable(id="facts", cursor_type="row", zebra_stripes=True)
        yield KeyBar(("I", "Ideal statute", "toggle_ideal"), ("E", "Export", "export"), ("Esc", "Back", "close"))

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#features", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if self.stacked is not None and self._layout()[0] != self.stacked:
            self.fill()

    def _layout(self) -> tuple[bool, int]:
        """(stacked?, width of a place's column) for this screen width and number of places."""
        places = len(self.codes) + (1 if self.ideal and len(self.codes) > 0 else 0)
        available = max(40, self.size.width or 80) - CHROME
        per_place = (available - (CATEGORY_WIDTH + 2)) // max(places, 1) - 2
        if per_place >= MIN_PLACE_WIDTH:
            return False, per_place
        return True, available - (CATEGORY_WIDTH + 2) - 2

    def fill(self) -> None:
        comp = compare(self.catalog, self.codes, self.answers, include_ideal=self.ideal)
        ctx = comparison_context(self.catalog, comp)
        self.query_one("#compare-hint", Static).update(
            f"Rows marked ≠ {ctx['marked']}. Grades are this tool's grading. I: add or remove the ideal statute."
        )
        self.stacked, width = self._layout()
        names = [col["name"] for col in ctx["columns"]]
        # the places themselves: "Side by side" was the title of the stacked view and of one place too
        title = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        self.query_one("#compare-title", Static).update(f"Compared: {title}")
        features = self.query_one("#features", DataTable)
        features.clear(columns=True)
        rows: list[tuple[Text, list[str]]] = []
        for row in ctx["rows"]:
            name = Text(("≠ " if row["differs"] else "  ") + row["name"], style="bold" if row["differs"] else "")
            rows.append((name, [f"{c['label']} ({c['points']})" for c in row["cells"]]))
        rows.append((Text("  Total"), [c["total"] for c in ctx["columns"]]))
        rows.append((Text("  Grade (this tool's)"), [c["grade"] for c in ctx["columns"]]))
        rows.append((Text("  Rank"), [c["rank"] for c in ctx["columns"]]))
        rows.append((Text("  Law as of"), [c["as_of"] for c in ctx["columns"]]))
        self._table(features, "Category", names, rows, width)
        if self.answers is not None:
            facts = self.query_one("#facts", DataTable)
            facts.clear(columns=True)
            fact_rows = [
                (
                    Text(f"{f['number']}. {f['label'] or f['offense']} ({f['record']}, {f['level']})"),
                    [f"{c['text']}; {c['relief']}" for c in f["cells"]],
                )
                for f in ctx["facts"]
            ]
            self._table(facts, "Record", names, fact_rows, width)

    def _table(
        self, table: DataTable[Text], first: str, names: list[str], rows: list[tuple[Text, list[str]]], width: int
    ) -> None:
        if not self.stacked:
            table.add_column(first, width=CATEGORY_WIDTH)
            for name in names:
                table.add_column(name, width=width)
            for label, cells in rows:
                table.add_row(label, *(Text(cell) for cell in cells), height=None)
            return
        table.add_column(first, width=CATEGORY_WIDTH)
        table.add_column("In each place", width=width)
        for label, cells in rows:
            table.add_row(label, Text(""), height=None)
            for name, cell in zip(names, cells, strict=True):
                table.add_row(Text(f"    {name}", style="italic"), Text(cell), height=None)

    def action_toggle_ideal(self) -> None:
        self.ideal = not self.ideal
        self.fill()

    def action_export(self) -> None:
        choices = formats("markdown", "html", "text")

        def make(fmt: str) -> str:
            comp = compare(self.catalog, self.codes, self.answers, include_ideal=self.ideal)
            return comparison(self.catalog, comp, fmt, self.answers.voice if self.answers is not None else "advocate")

        self.post_message(SaveText(SaveSpec("Export this comparison", choices, "comparison.md", make)))

    def action_close(self) -> None:
        self.app.pop_screen()
