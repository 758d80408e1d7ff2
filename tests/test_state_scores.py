"""Every jurisdiction parses and scores what this reviewed table says.

The table was reviewed against each file's statute reading (see states/README.md). A data edit that
moves a score must update this table in the same change, so the move is deliberate.
Each row: code: ((lowest, highest) now, unknown features now, (lowest, highest) for the law in force
in March 2019, or None if the file has no law dated by then).
"""

from __future__ import annotations

import pytest

from assistant.scoring import scorecards

EXPECTED = {
    "AK": ((0, 0), 0, (0, 0)),
    "AL": ((61, 73), 3, (0, 0)),
    "AR": ((51, 51), 0, (51, 51)),
    "AZ": ((41, 41), 0, (39, 39)),
    "CA": ((66, 71), 1, (53, 63)),
    "CO": ((78, 83), 1, (47, 52)),
    "CT": ((61, 61), 0, (45, 45)),
    "DC": ((72, 72), 0, (72, 72)),
    "DE": ((54, 59), 1, (27, 67)),
    "FL": ((77, 77), 0, (72, 72)),
    "GA": ((78, 78), 0, (0, 0)),
    "HI": ((28, 58), 5, (32, 64)),
    "IA": ((0, 0), 0, (0, 0)),
    "ID": ((61, 81), 3, (61, 81)),
    "IL": ((61, 91), 5, (55, 85)),
    "IN": ((46, 71), 5, (46, 71)),
    "KS": ((21, 41), 3, (21, 41)),
    "KY": ((47, 52), 1, (47, 52)),
    "LA": ((56, 56), 0, (0, 0)),
    "MA": ((58, 68), 2, (58, 68)),
    "MD": ((30, 65), 6, (24, 24)),
    "ME": ((0, 0), 0, (0, 0)),
    "MI": ((31, 51), 4, (31, 51)),
    "MN": ((0, 0), 0, (0, 0)),
    "MO": ((0, 0), 0, (0, 0)),
    "MS": ((48, 58), 2, (48, 58)),
    "MT": ((53, 58), 1, (53, 58)),
    "NC": ((50, 55), 1, (20, 68)),
    "ND": ((30, 65), 6, (30, 65)),
    "NE": ((56, 89), 5, (56, 89)),
    "NH": ((25, 93), 8, (15, 98)),
    "NJ": ((73, 86), 2, (32, 64)),
    "NM": ((67, 67), 0, (67, 67)),
    "NV": ((49, 71), 5, (49, 71)),
    "NY": ((79, 84), 1, (49, 54)),
    "OH": ((65, 75), 2, (65, 75)),
    "OK": ((19, 69), 8, (19, 69)),
    "OR": ((33, 33), 0, (33, 33)),
    "PA": ((38, 43), 1, (38, 43)),
    "RI": ((18, 58), 7, (18, 58)),
    "SC": ((49, 54), 1, (16, 64)),
    "SD": ((0, 0), 0, (0, 0)),
    "TN": ((31, 61), 5, (0, 0)),
    "TX": ((21, 51), 5, (21, 59)),
    "US": ((71, 71), 0, (0, 0)),
    "UT": ((25, 85), 7, (25, 85)),
    "VA": ((49, 49), 0, (0, 0)),
    "VT": ((71, 71), 0, (53, 53)),
    "WA": ((53, 80), 5, (38, 61)),
    "WI": ((43, 58), 3, (43, 58)),
    "WV": ((22, 62), 7, (22, 62)),
    "WY": ((66, 93), 5, (66, 93)),
}


def test_the_table_covers_every_jurisdiction_and_nothing_else(catalog):
    assert set(EXPECTED) == set(catalog.jurisdictions)
    assert len(catalog.jurisdictions) == 52  # 50 states, DC and federal law


@pytest.fixture(scope="module")
def cards(catalog):
    return {c.jurisdiction.code: c for c in scorecards(catalog)}, {
        c.jurisdiction.code: c for c in scorecards(catalog, as_of="2019-03")
    }


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_jurisdiction_scores_as_reviewed(code, cards, catalog):
    (low, high), unknown, in_2019 = EXPECTED[code]
    now, then = cards
    card = now[code]
    assert (card.low, card.high) == (low, high)
    assert card.unknown_count == unknown
    if in_2019 is None:
        assert code not in then
    else:
        assert (then[code].low, then[code].high) == in_2019
    j = catalog.jurisdiction(code)
    if not j.current.adult_relief:
        assert card.graded is False and card.grade is None
