"""All jurisdictions: a table (sort, filter, mark rows to compare) and a tile map lettered by grade.

For trainers as much as survivors, so it must not mislead:
- A total with unknown parts is a range: the table shows the range with the count of unknown parts
  beside it, and sorts on the lowest possible score unless asked otherwise (middle of the range,
  highest possible score).
- Column codes and the map's symbols have a legend (L), and the map repeats its symbols under it.
- The card under the table says each grade is the 2019 rubric applied to the law as of the date
  shown, and flags data more than 12 months old (by the app's clock, which tests fix).
- At 80 columns the table drops the name column (the card names the place) to fit without
  scrolling sideways.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import ContentSwitcher, DataTable, Static

from ....core.choices import Choice
from ....core.national import DEFAULT_SORT, FILTERS, SORTS, is_stale, sort_label, view
from ....core.scoring import Scorecard, scorecards
from ....render.report import short_name
from ..widgets.key_bar import KeyBar
from ..widgets.tile_map import TileMap
from .choose import ChooseScreen

if TYPE_CHECKING:
    from ....data.catalog import Catalog
    from ....models.answers import Answers

MAX_COMPARE = 4
WIDE = 100  # from this width the table also shows each jurisdiction's name
MAP_SYMBOLS = (
    "Map: each state shows its code and grade letter. A-F: this tool's grade. ?: a range of grades "
    "(some parts unknown). –: no law for adults, not graded. Colours only repeat the letter."
)


def range_text(card: Scorecard) -> str:
    return card.total_text() if card.graded else "0"


class NationalScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "mark", "Mark to compare"),
        Binding("c", "compare", "Compare marked"),
        Binding("o", "sort", "Sort"),
        Binding("f", "filter", "Filter"),
        Binding("m", "toggle_map", "Map / table"),
        Binding("w", "what_if", "What-if"),
        Binding("l", "legend", "Legend"),
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
        self.sort = DEFAULT_SORT
        self.wide: bool | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="status", classes="hint", markup=False)
        with ContentSwitcher(initial="table", id="views"):
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True, cell_padding=0)
            with VerticalScroll(id="map-view"):
                yield TileMap({c: card for c, card in self.by_code.items()}, id="map")
                yield Static(MAP_SYMBOLS, classes="hint", markup=False)
        with VerticalScroll(id="card", can_focus=False):
            yield Static("", id="card-text", markup=False)
        yield KeyBar(
            ("Space", "Mark", "mark"),
            ("C", "Compare", "compare"),
            ("O", "Sort", "sort"),
            ("F", "Filter", "filter"),
            ("M", "Map", "toggle_map"),
            ("Enter", "Open"),
            ("W", "What-if", "what_if"),
            ("L", "Legend", "legend"),
            ("Esc", "Back", "close"),
        )

    def on_mount(self) -> None:
        self.build_table()
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if (self.size.width >= WIDE) != self.wide:
            self.build_table()

    def build_table(self) -> None:
        self.wide = self.size.width >= WIDE
        table = self.query_one(DataTable)
        current = self._current()  # the highlighted place stays highlighted when the columns change
        table.clear(columns=True)
        table.add_column(" ", key="mark", width=2)
        columns = [("code", " Code", 5)]
        if self.wide:
            columns.append(("name", " Jurisdiction", 23))
        columns += [("total", " Total", 7), ("unknown", " Unk", 4), ("grade", " Grade", 6), ("rank", " Rank", 6)]
        for key, label, width in columns:
            table.add_column(label, key=key, width=width)
        for c in self.catalog.rubric.categories:
            table.add_column(f" {short_name(c.id)}", key=c.id, width=4)
        self.refill(current)

    def refill(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        current = keep or self._current()
        table.clear()
        shown = view(self.cards, self.filter_code, self.sort)
        for card in shown:
            table.add_row(*self._row(card), key=card.jurisdiction.code)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self.refill_status()

    def _row(self, card: Scorecard) -> list[str | Text]:
        cells: list[str | Text] = [
            " ✓" if card.jurisdiction.code in self.marked else "",
            f" {card.jurisdiction.code}",
        ]
        if self.wide:
            name = card.jurisdiction.name  # cut with a mark, not silently ("Federal (United States" read whole)
            cells.append(Text(f" {name if len(name) <= 22 else name[:21] + '…'}"))
        cells += [
            f" {range_text(card)}",
            f" {card.unknown_count}",
            f" {card.grade_text()}",
            f" {card.rank_text()}",
        ]
        for c in card.categories:
            cells.append(f" {c.low}" if c.known else " ?")
        return cells

    def _current(self) -> str | None:
        if self.query_one(ContentSwitcher).current == "map-view":
            return self.query_one(TileMap).cursor
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def card_text(self, code: str) -> str:
        """The card under the table: the score read once, clearly, with what it rests on."""
        card = self.by_code[code]
        j = card.jurisdiction
        rubric = self.catalog.rubric
        if not card.graded:
            score = f"{j.name} ({j.code}): no relief for people arrested as adults, so not graded (0 points)."
        elif card.exact:
            score = (
                f"{j.name} ({j.code}): {card.low} of {rubric.max_points} points, grade {card.grade_text()}, "
                f"rank {card.rank_text()} of {card.ranked_among}."
            )
        else:
            parts = "part" if card.unknown_count == 1 else "parts"
            letter = (
                f"grade {card.grade}" if card.grade else f"grade {card.grade_low} to {card.grade_high} (? on the map)"
            )
            score = (
                f"{j.name} ({j.code}): between {card.low} and {card.high} of {rubric.max_points} points "
                f"({card.unknown_count} {parts} of the law unknown), {letter}, rank {card.rank_text()} "
                f"of {card.ranked_among}."
            )
        # an ungraded place says why in its score line; "graded with" would contradict it
        basis = f"Graded with the 2019 report cards' rubric, applied to the law as of {j.as_of}."
        lines = [score, basis] if card.graded else [score, f"Law as of {j.as_of}."]
        if is_stale(j.as_of, self.today()):
            lines.append(f"Old data: ours is from {j.as_of}, more than 12 months ago. The law may have changed.")
        lines.append(card.version.summary)
        return "\n".join(lines)

    def _show_card(self, code: str) -> None:
        self.query_one("#card-text", Static).update(self.card_text(code))
        self.query_one("#card").scroll_home(animate=False)

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
            table.update_cell(code, "mark", " ✓" if code in self.marked else "")
        self.refill_status()

    def refill_status(self) -> None:
        label = next(f.label for f in FILTERS if f.code == self.filter_code)
        names = {c.id: c.name for c in self.catalog.rubric.categories}
        self.query_one("#status", Static).update(
            f"{label}: {self.query_one(DataTable).row_count} shown, sorted by {sort_label(self.sort, names)}. "
            f"Marked to compare: {', '.join(self.marked) or 'none'}. L: what the columns mean."
        )

    def action_compare(self) -> None:
        from .compare import CompareScreen

        codes = self.marked or ([c] if (c := self._current()) else [])
        if not codes:
            return
        self.app.push_screen(CompareScreen(self.catalog, codes, self.answers))

    def action_sort(self) -> None:
        choices = [Choice(k, label) for k, (label, _) in SORTS.items()]
        choices += [Choice(c.id, f"{c.name}, most points first") for c in self.catalog.rubric.categories]

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
        switcher.current = "map-view" if switcher.current == "table" else "table"
        target = self.query_one("#map" if switcher.current == "map-view" else "#table")
        target.focus()

    def action_what_if(self) -> None:
        from .whatif import WhatIfScreen

        code = self._current()
        if code:
            self.app.push_screen(WhatIfScreen(self.catalog, code, self.answers))

    def action_legend(self) -> None:
        self.app.push_screen(LegendScreen(self.catalog))

    def action_close(self) -> None:
        self.app.pop_screen()


class LegendScreen(ModalScreen[None]):
    """What the table's column codes and the map's symbols mean."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close", show=False),
        Binding("l", "close", "Close", show=False),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def lines(self) -> list[str]:
        rubric = self.catalog.rubric
        from ....render.report import grading_note

        out = [
            "Total: points out of "
            f"{rubric.max_points} on the 2019 rubric ({rubric.name}). A range (like 25–93) means some parts "
            "of the law are unknown: the lowest and the highest possible total.",
            "Unk: how many of the rubric's parts are unknown for that law.",
            f"Grade: {grading_note(rubric)} A range (like F–A) when the total is a range.",
            "Rank: among the graded jurisdictions here; a range when the total is a range.",
        ]
        for c in rubric.categories:
            most = max(level.points for level in c.levels)
            out.append(f"{short_name(c.id)}: {c.name} (up to {most} points). ?: unknown.")
        out.append(MAP_SYMBOLS)
        return out

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            title = "What the columns and symbols mean. Escape or Enter closes this."
            yield Static(title, classes="title", markup=False)
            for line in self.lines():
                yield Static(line, markup=False)

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
