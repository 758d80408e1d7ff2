"""Two to four jurisdictions side by side (with the ideal statute on request), and the same facts in each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...choices import Choice
from ...compare import compare
from ...export import comparison, comparison_context
from ..messages import SaveSpec, SaveText
from ..widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ...catalog import Catalog
    from ...models.answers import Answers


class CompareScreen(Screen[None]):
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

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare"):
            yield Static("Side by side", classes="title", markup=False)
            yield Static(
                "Rows marked ≠ differ between the places. Grades are this tool's grading.", classes="hint", markup=False
            )
            yield DataTable(id="features", cursor_type="row", zebra_stripes=True)
            if self.answers is not None:
                yield Static("Same facts, different places", classes="subtitle", markup=False)
                yield DataTable(id="facts", cursor_type="row", zebra_stripes=True)
        yield KeyBar(("I", "Ideal statute"), ("E", "Export"), ("Esc", "Back"))

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#features", DataTable).focus()

    def fill(self) -> None:
        comp = compare(self.catalog, self.codes, self.answers, include_ideal=self.ideal)
        ctx = comparison_context(self.catalog, comp)
        features = self.query_one("#features", DataTable)
        features.clear(columns=True)
        features.add_column("Category")
        for col in ctx["columns"]:
            features.add_column(col["name"])
        for row in ctx["rows"]:
            name = Text(("≠ " if row["differs"] else "  ") + row["name"], style="bold" if row["differs"] else "")
            features.add_row(name, *(Text(f"{c['label']} ({c['points']})") for c in row["cells"]))
        features.add_row(Text("Total"), *(Text(c["total"]) for c in ctx["columns"]))
        features.add_row(Text("Grade (this tool's)"), *(Text(c["grade"]) for c in ctx["columns"]))
        features.add_row(Text("Rank"), *(Text(c["rank"]) for c in ctx["columns"]))
        features.add_row(Text("Law as of"), *(Text(c["as_of"]) for c in ctx["columns"]))
        if self.answers is not None:
            facts = self.query_one("#facts", DataTable)
            facts.clear(columns=True)
            facts.add_column("Record")
            for col in ctx["columns"]:
                facts.add_column(col["name"])
            for f in ctx["facts"]:
                label = Text(f"{f['number']}. {f['label'] or f['offense']} ({f['record']}, {f['level']})")
                facts.add_row(label, *(Text(f"{c['text']}; {c['relief']}") for c in f["cells"]))

    def action_toggle_ideal(self) -> None:
        self.ideal = not self.ideal
        self.fill()

    def action_export(self) -> None:
        formats = [
            Choice("markdown", "Markdown (.md)"),
            Choice("html", "Web page for printing (.html)"),
            Choice("text", "Plain text (.txt)"),
        ]

        def make(fmt: str) -> str:
            comp = compare(self.catalog, self.codes, self.answers, include_ideal=self.ideal)
            return comparison(self.catalog, comp, fmt)

        self.post_message(SaveText(SaveSpec("Export this comparison", formats, "comparison.md", make)))

    def action_close(self) -> None:
        self.app.pop_screen()
