"""The national view: every jurisdiction's scorecard, sortable and filterable, and the tile-map layout.

A total with unknown parts is a range. Sorting on its top would rank a law with many unknowns
above better-known ones (New Hampshire, 25-93 with 8 unknown parts, above New York and Georgia),
so the default sort is the lowest possible score; the middle of the range and the highest possible
score are there on request, each named for what it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..models.common import date_key
from .scoring import Scorecard

STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class Filter:
    code: str
    label: str
    keep: Callable[[Scorecard], bool]


def _value(card: Scorecard, category_id: str) -> str:
    c = card.category(category_id)
    return c.value if c is not None else ""


def _felonies(card: Scorecard) -> bool:
    offenses = card.version.details.offenses
    return card.graded and offenses is not None and offenses.felony.default in ("covered", "some")


def _arrests(card: Scorecard) -> bool:
    """The law's own reach, not the rubric level: Georgia and Texas earn 'arrests, charges and convictions'
    for some charges ended without a conviction, yet clear no arrest."""
    records = card.version.details.records
    return card.graded and records is not None and records.arrest in ("covered", "some")


def _is(category_id: str, *codes: str) -> Callable[[Scorecard], bool]:
    return lambda card: _value(card, category_id) in codes


FILTERS: tuple[Filter, ...] = (
    Filter("all", "All jurisdictions", lambda c: True),
    Filter("vacatur", "Gives vacatur", _is("range_of_relief", "vacatur", "vacatur_substantive_defect")),
    Filter("felonies", "Covers felonies", _felonies),
    Filter("arrests", "Reaches arrests", _arrests),
    Filter("no_time_limit", "No time limit", _is("time_limits", "none")),
    Filter("presumption", "Official papers create a presumption", _is("official_documentation", "presumption")),
    Filter("no_adult_law", "No adult law", lambda c: not c.graded),
    Filter("unknowns", "Has unknown features", lambda c: c.unknown_count > 0),
)
FILTER_BY_CODE = {f.code: f for f in FILTERS}

SORTS: dict[str, tuple[str, Callable[[Scorecard], tuple[object, ...]]]] = {
    "total": ("Total: lowest possible score, highest first", lambda c: (-c.low, -c.high, c.jurisdiction.code)),
    "midpoint": (
        "Total: middle of the range, highest first",
        lambda c: (-(c.low + c.high), -c.low, c.jurisdiction.code),
    ),
    "best_case": (
        "Total: highest possible score, highest first (if every unknown part were the best)",
        lambda c: (-c.high, -c.low, c.jurisdiction.code),
    ),
    "unknown": ("Unknown parts, most first", lambda c: (-c.unknown_count, c.jurisdiction.code)),
    "code": ("Code", lambda c: (c.jurisdiction.code,)),
    "name": ("Name", lambda c: (c.jurisdiction.name,)),
}
DEFAULT_SORT = "total"


def sort_key(key: str) -> Callable[[Scorecard], tuple[object, ...]]:
    """A sort by any column: the named ones above, or a category id (most points first)."""
    if key in SORTS:
        return SORTS[key][1]

    def by_category(card: Scorecard) -> tuple[object, ...]:
        c = card.category(key)
        return (-(c.high if c else 0), -(c.low if c else 0), card.jurisdiction.code)

    return by_category


def sort_label(key: str, category_names: dict[str, str] | None = None) -> str:
    if key in SORTS:
        return SORTS[key][0]
    return f"{(category_names or {}).get(key, key)}, most points first"


def data_date(as_of: str) -> dt.date:
    """The first day a partial date ("2025", "2025-03") can mean: old data is never taken for newer."""
    year, month, day = date_key(as_of)
    return dt.date(year, month, day)


def is_stale(as_of: str, today: dt.date) -> bool:
    """Is the data older than 12 months on `today`?"""
    return (today - data_date(as_of)).days > STALE_AFTER_DAYS


def view(cards: list[Scorecard], filter_code: str = "all", sort: str = DEFAULT_SORT) -> list[Scorecard]:
    keep = FILTER_BY_CODE[filter_code].keep
    return sorted((c for c in cards if keep(c)), key=sort_key(sort))


# An election-style tile map: one cell per state, roughly where it sits (row, column).
def tiles(cards: dict[str, Scorecard]) -> dict[str, tuple[int, int]]:
    """Where each jurisdiction sits on the tile map: its data's `tile` (a new state needs no code)."""
    out: dict[str, tuple[int, int]] = {}
    for code, card in cards.items():
        tile = card.jurisdiction.tile
        if tile is not None:
            out[code] = (tile[0], tile[1])
    return out
