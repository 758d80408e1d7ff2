"""The national view: every jurisdiction's scorecard, sortable and filterable, and the tile-map layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .scoring import Scorecard


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


def _is(category_id: str, *codes: str) -> Callable[[Scorecard], bool]:
    return lambda card: _value(card, category_id) in codes


FILTERS: tuple[Filter, ...] = (
    Filter("all", "All jurisdictions", lambda c: True),
    Filter("vacatur", "Gives vacatur", _is("range_of_relief", "vacatur", "vacatur_substantive_defect")),
    Filter("felonies", "Covers felonies", _felonies),
    Filter("arrests", "Reaches arrests and dropped charges", _is("arrests_and_adjudications", "comprehensive")),
    Filter("no_time_limit", "No time limit", _is("time_limits", "none")),
    Filter("presumption", "Official papers create a presumption", _is("official_documentation", "presumption")),
    Filter("no_adult_law", "No adult law", lambda c: not c.graded),
    Filter("unknowns", "Has unknown features", lambda c: c.unknown_count > 0),
)
FILTER_BY_CODE = {f.code: f for f in FILTERS}

SORTS: dict[str, tuple[str, Callable[[Scorecard], tuple[object, ...]]]] = {
    "code": ("Code", lambda c: (c.jurisdiction.code,)),
    "name": ("Name", lambda c: (c.jurisdiction.name,)),
    "total": ("Total (highest first)", lambda c: (-c.high, -c.low, c.jurisdiction.code)),
    "unknown": ("Unknown features (most first)", lambda c: (-c.unknown_count, c.jurisdiction.code)),
}


def sort_key(key: str) -> Callable[[Scorecard], tuple[object, ...]]:
    """A sort by any column: the named ones above, or a category id (most points first)."""
    if key in SORTS:
        return SORTS[key][1]

    def by_category(card: Scorecard) -> tuple[object, ...]:
        c = card.category(key)
        return (-(c.high if c else 0), -(c.low if c else 0), card.jurisdiction.code)

    return by_category


def view(cards: list[Scorecard], filter_code: str = "all", sort: str = "code") -> list[Scorecard]:
    keep = FILTER_BY_CODE[filter_code].keep
    return sorted((c for c in cards if keep(c)), key=sort_key(sort))


# An election-style tile map: one cell per state, roughly where it sits (row, column).
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0),
    "ME": (0, 11),
    "VT": (1, 10),
    "NH": (1, 11),
    "WA": (2, 1),
    "ID": (2, 2),
    "MT": (2, 3),
    "ND": (2, 4),
    "MN": (2, 5),
    "IL": (2, 6),
    "WI": (2, 7),
    "MI": (2, 8),
    "NY": (2, 9),
    "RI": (2, 10),
    "MA": (2, 11),
    "OR": (3, 1),
    "NV": (3, 2),
    "WY": (3, 3),
    "SD": (3, 4),
    "IA": (3, 5),
    "IN": (3, 6),
    "OH": (3, 7),
    "PA": (3, 8),
    "NJ": (3, 9),
    "CT": (3, 10),
    "CA": (4, 1),
    "UT": (4, 2),
    "CO": (4, 3),
    "NE": (4, 4),
    "MO": (4, 5),
    "KY": (4, 6),
    "WV": (4, 7),
    "VA": (4, 8),
    "MD": (4, 9),
    "DE": (4, 10),
    "AZ": (5, 2),
    "NM": (5, 3),
    "KS": (5, 4),
    "AR": (5, 5),
    "TN": (5, 6),
    "NC": (5, 7),
    "SC": (5, 8),
    "DC": (5, 9),
    "OK": (6, 4),
    "LA": (6, 5),
    "MS": (6, 6),
    "AL": (6, 7),
    "GA": (6, 8),
    "HI": (7, 0),
    "TX": (7, 4),
    "FL": (7, 9),
}
