"""All jurisdictions: a table (sort, filter, mark rows to compare) and a tile map lettered by grade."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Static

from ...choices import Choice
from ...national import FILTERS, SORTS, view
from ...report import short_name
from ...scoring import Scorecard, scorecards
from ..widgets.key_bar import KeyBar
from ..widgets.tile_map import TileMap, grade_letter
from .choose import ChooseScreen

if TYPE_CHECKING:
    from ...catalog import Catalog
    from ...models.answers import Answers

MAX_COMPARE = 4


class NationalScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "mark", "Mark to compare"),
        Binding("c", "compare", "Compare marked"),
        Binding("o", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
        Binding("m", "toggle_map", "Map / table"),
        Binding("w", "what_if", "What-if"),
        Binding("escape", "close", "Back", show=False),
    ]

    def __init__(
        self, catalog: Catalog, answers: Answers | None = None, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__()
        self.today = today
        self.catalog = catalog
        self.answers = answers
        self.cards = scorecards(catalog)
        self.by_code = {c.jurisdiction.code: c for c in self.cards}
        self.marked: list[str] = []
        self.filter_code = "all"
        self.sort = "code"

    def compose(self) -> ComposeResult:
        note = (
            "Grades are this tool's grading on the 2019 rubric; ranks are among the jurisdictions we have. "
            "'?' is a range because some features are unknown."
        )
        yield Static("All jurisdictions", classes="title", markup=False)
        yield Static("", id="status", classes="hint", markup=False)
        with ContentSwitcher(initial="table", id="views"):
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
            yield TileMap({c: card for c, card in self.by_code.items()}, id="map")
        yield Static("", id="card", markup=False)
        yield Static(note, classes="hint", markup=False)
        yield KeyBar(
            ("Space", "Mark"),
            ("C", "Compare"),
            ("O", "Sort"),
            ("F", "Filter"),
            ("M", "Map"),
            ("Enter", "Open"),
            ("W", "What-if"),
            ("Esc", "Back"),
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(" ", key="mark")
        for key, label in [
            ("code", "Code"),
            ("name", "Jurisdiction"),
            ("total", "Total"),
            ("grade", "Grade"),
            ("rank", "Rank"),
            ("unknown", "Unk"),
        ]:
            table.add_column(label, key=key)
        for c in self.catalog.rubric.categories:
            table.add_column(short_name(c.id), key=c.id)
        self.refill()
        table.focus()

    def refill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = view(self.cards, self.filter_code, self.sort)
        for card in shown:
            table.add_row(*self._row(card), key=card.jurisdiction.code)
        self.refill_status()

    def _row(self, card: Scorecard) -> list[str | Text]:
        cells: list[str | Text] = [
            "✓" if card.jurisdiction.code in self.marked else "",
            card.jurisdiction.code,
            Text(card.jurisdiction.name[:22]),
            card.total_text(),
            card.grade_text(),
            card.rank_text(),
            str(card.unknown_count),
        ]
        for c in card.categories:
            cells.append(str(c.low) if c.known else "?")
        return cells

    def _current(self) -> str | None:
        if self.query_one(ContentSwitcher).current == "map":
            return self.query_one(TileMap).cursor
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show_card(self, code: str) -> None:
        card = self.by_code[code]
        law = card.version
        text = (
            f"{card.jurisdiction.name}: {card.total_text()} points, grade {card.grade_text()} "
            f"(letter {grade_letter(card)}), rank {card.rank_text()}. {law.summary}"
        )
        self.query_one("#card", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_card(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_state(str(event.row_key.value))

    def on_tile_map_highlighted(self, event: TileMap.Highlighted) -> None:
        self._show_card(event.code)

    def on_tile_map_opened(self, event: TileMap.Opened) -> None:
        self.open_state(event.code)

    def open_state(self, code: str) -> None:
        from .state import StateScreen

        self.app.push_screen(StateScreen(self.catalog, code, self.answers))

    def action_mark(self) -> None:
        code = self._current()
        if code is None:
            return
        if code in self.marked:
            self.marked.remove(code)
        elif len(self.marked) < MAX_COMPARE:
            self.marked.append(code)
        else:
            self.notify(f"You can compare up to {MAX_COMPARE}. Unmark one first.")
            return
        table = self.query_one(DataTable)
        if code in table.rows:
            table.update_cell(code, "mark", "✓" if code in self.marked else "")
        self.refill_status()

    def refill_status(self) -> None:
        label = next(f.label for f in FILTERS if f.code == self.filter_code)
        self.query_one("#status", Static).update(
            f"{self.query_one(DataTable).row_count} shown ({label}). "
            f"Marked to compare: {', '.join(self.marked) or 'none'}."
        )

    def action_compare(self) -> None:
        from .compare import CompareScreen

        codes = self.marked or ([c] if (c := self._current()) else [])
        if not codes:
            return
        self.app.push_screen(CompareScreen(self.catalog, codes, self.answers))

    def action_sort(self) -> None:
        choices = [Choice(k, label) for k, (label, _) in SORTS.items()]
        choices += [Choice(c.id, f"{c.name} (most points first)") for c in self.catalog.rubric.categories]

        def chosen(key: str | None) -> None:
            if key:
                self.sort = key
                self.refill()

        self.app.push_screen(ChooseScreen("Sort by", choices, self.sort), chosen)

    def action_filter(self) -> None:
        def chosen(code: str | None) -> None:
            if code:
                self.filter_code = code
                self.refill()

        self.app.push_screen(ChooseScreen("Show", [Choice(f.code, f.label) for f in FILTERS], self.filter_code), chosen)

    def action_toggle_map(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "map" if switcher.current == "table" else "table"
        target = self.query_one("#map" if switcher.current == "map" else "#table")
        target.focus()

    def action_what_if(self) -> None:
        from .whatif import WhatIfScreen

        code = self._current()
        if code:
            self.app.push_screen(WhatIfScreen(self.catalog, code, self.answers))

    def action_close(self) -> None:
        self.app.pop_screen()
