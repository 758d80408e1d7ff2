"""Every jurisdiction parses and scores what the reviewed table `expected_scores.yaml` says.

A data edit that moves a score must update its row in the same change, so the move is deliberate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.core.scoring import scorecards

EXPECTED = yaml.safe_load((Path(__file__).parent / "expected_scores.yaml").read_text(encoding="utf-8"))


def test_the_table_covers_every_jurisdiction_and_nothing_else(catalog):
    assert set(EXPECTED) == set(catalog.jurisdictions)


def test_every_row_says_what_sets_the_score():
    """A reviewer checks each row against the law without running anything."""
    for code, row in EXPECTED.items():
        assert len(str(row.get("why", "")).split()) >= 5, code


@pytest.fixture(scope="module")
def cards(catalog):
    return {c.jurisdiction.code: c for c in scorecards(catalog)}, {
        c.jurisdiction.code: c for c in scorecards(catalog, as_of="2019-03")
    }


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_jurisdiction_scores_as_reviewed(code, cards, catalog):
    row = EXPECTED[code]
    (low, high), unknown, in_2019 = row["now"], row["unknown"], row["march_2019"]
    now, then = cards
    card = now[code]
    assert (card.low, card.high) == (low, high)
    assert card.unknown_count == unknown
    if in_2019 is None:
        assert code not in then
    else:
        assert [then[code].low, then[code].high] == in_2019
    j = catalog.jurisdiction(code)
    if not j.current.adult_relief:
        assert card.graded is False and card.grade is None


def test_each_place_on_the_tile_map_comes_from_its_data_and_is_its_own(catalog):
    """A new state needs a `tile` in its file, not a code change; no two share a square."""
    tiles = {code: tuple(j.tile) for code, j in catalog.jurisdictions.items() if j.tile is not None}
    assert len(set(tiles.values())) == len(tiles)
    assert set(catalog.jurisdictions) - set(tiles) <= {"US"}  # federal law has no square
