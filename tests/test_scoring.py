"""Scoring: features -> points through the rubric alone; published anchors reproduce."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.scoring import rank, score_version, scorecards
from assistant.models.common import UNKNOWN
from assistant.models.jurisdiction import Feature

NM_CARD = {  # shared/seed/000_c80ce4ebd3995cfe.txt, "AWARDED POINTS"
    "range_of_relief": 4,
    "arrests_and_adjudications": 10,
    "offenses_covered": 23,
    "judicial_discretion": 5,
    "nexus": 10,
    "time_limits": 8,
    "hearing": 5,
    "burden_of_proof": 0,
    "official_documentation": 0,
    "confidentiality": 0,
    "additional_restrictive_conditions": 2,
}


def card_for(catalog, code, day):
    """The card of the law in force on `day` (the anchors are about dates, not our version ids)."""
    j = catalog.jurisdiction(code)
    version = j.version_on(day)
    assert version is not None, f"{code} has no law in force on {day}"
    return score_version(j, version, catalog.rubric)


def test_new_mexico_2019_is_67_with_every_category_as_on_its_card(catalog):
    card = card_for(catalog, "NM", "2019-03")
    assert card.total == 67
    assert {c.category.id: c.points for c in card.categories} == NM_CARD


def test_florida_is_72_for_the_law_graded_in_2020(catalog):
    card = card_for(catalog, "FL", "2019-03")
    assert (card.total, card.grade) == (72, "C")


def test_georgia_2019_is_0_with_no_grade(catalog):
    card = card_for(catalog, "GA", "2019-03")
    assert card.total == 0
    assert card.graded is False and card.grade is None and card.grade_text() == "none"
    assert all(c.points == 0 for c in card.categories)


def test_georgia_2020_law_is_72_on_the_2019_rubric(catalog):
    assert card_for(catalog, "GA", "2020-07").total == 72


def test_maryland_2019_is_graded_f_and_can_be_last_of_the_2019_laws(catalog):
    md = card_for(catalog, "MD", "2019-03")
    assert md.grade == "F"
    graded = [c for c in scorecards(catalog, as_of="2019-03") if c.graded]
    assert len(graded) >= 10
    # The report ranked Maryland last. Our ranges must allow that: no other 2019 law is certainly lower.
    others = [c for c in graded if c.jurisdiction.code != "MD"]
    assert all(o.high >= md.low for o in others), [o.jurisdiction.code for o in others if o.high < md.low]
    assert next(c for c in graded if c.jurisdiction.code == "MD").rank_high == len(graded)


def _published(catalog):
    for j in catalog.jurisdictions.values():
        for v in j.versions:
            for score in v.published_scores:
                yield pytest.param(j.code, v.id, score, id=f"{j.code}-{v.id}-{score.rubric}")


def test_every_published_score_reproduces_from_the_encoded_features(catalog):
    checked = 0
    for param in _published(catalog):
        code, version_id, score = param.values
        j = catalog.jurisdiction(code)
        card = score_version(j, j.version(version_id), catalog.rubrics[score.rubric])
        where = f"{code} {version_id} ({score.publication})"
        if score.total is not None:
            assert card.total == score.total, where
        for cat_id, points in score.categories.items():
            assert card.category(cat_id).points == points, f"{where}: {cat_id}"
        if score.grade is not None:
            assert card.grade == score.grade, where
        if score.lowest_graded:  # possible last place: no other law of that time is certainly lower
            peers = [c for c in scorecards(catalog, as_of=score.date or j.version(version_id).effective) if c.graded]
            assert all(p.high >= card.low for p in peers), where
        checked += 1
    assert checked >= 5  # NM, FL, GA 2019, GA 2020, MD


def test_unknown_features_make_a_range_never_a_number(catalog):
    j = catalog.jurisdiction("NM")
    version = j.current
    features = dict(version.features)
    features["burden_of_proof"] = Feature(value=UNKNOWN, note="test")
    features["hearing"] = Feature(value=UNKNOWN, note="test")
    changed = version.model_copy(update={"features": features})
    card = score_version(j, changed, catalog.rubric)
    assert card.total is None
    assert (card.low, card.high) == (67 - 5 + 0, 67 - 5 + 5 + 5)  # hearing 0..5, burden 0..5
    assert card.unknown_count == 2
    assert card.total_text() == "62–72"
    assert card.grade is None and card.grade_text() == "D–C"


def test_ties_share_a_rank_and_ranges_give_rank_ranges(catalog):
    nm = card_for(catalog, "NM", "2019-03")
    fl = card_for(catalog, "FL", "2019-03")
    twin = dataclasses.replace(nm)  # a second law with the same total
    ranked = rank([fl, nm, twin])
    assert [(c.rank_low, c.rank_high) for c in ranked] == [(1, 1), (2, 2), (2, 2)]
    j = catalog.jurisdiction("NM")
    features = dict(j.current.features)
    features["offenses_covered"] = Feature(value=UNKNOWN, note="test")  # 5..30 instead of 23
    vague = score_version(j, j.current.model_copy(update={"features": features}), catalog.rubric)
    ranked = rank([fl, nm, vague])
    assert (ranked[2].low, ranked[2].high) == (49, 74)
    assert (ranked[2].rank_low, ranked[2].rank_high) == (1, 3)
    assert ranked[2].rank_text() == "1–3"


def test_no_adult_law_is_not_ranked(catalog):
    cards = scorecards(catalog)
    ak = next(c for c in cards if c.jurisdiction.code == "AK")
    assert ak.rank_low is None and ak.rank_text() == "–"
    assert ak.ranked_among == sum(1 for c in cards if c.graded)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_mix_of_levels_and_unknowns_scores_within_the_rubric(catalog, data):
    rubric = catalog.rubric
    j = catalog.jurisdiction("NM")
    features = {}
    for category in rubric.categories:
        code = data.draw(st.sampled_from([*category.codes, UNKNOWN]))
        features[category.id] = Feature(value=code, note="generated", citation="x", sources=["card2019"])
    card = score_version(j, j.current.model_copy(update={"features": features}), rubric)
    expected_low = sum(
        category.min_points
        if features[category.id].value == UNKNOWN
        else category.level(features[category.id].value).points
        for category in rubric.categories
    )
    assert card.low == expected_low
    assert 0 <= card.low <= card.high <= rubric.max_points
    assert card.unknown_count == sum(1 for f in features.values() if f.value == UNKNOWN)
    assert (card.total is None) == (card.low != card.high)
    if card.grade is not None:
        assert card.grade == rubric.grading.grade_for(card.low) == rubric.grading.grade_for(card.high)


def test_ranked_cards_are_worked_out_once_per_catalog_and_never_shared_with_a_changed_one(catalog):
    first = scorecards(catalog)
    assert scorecards(catalog) == first and scorecards(catalog) is not first  # the caller's own list
    nm = catalog.jurisdictions["NM"]
    features = {
        **nm.current.features,
        "confidentiality": nm.current.features["confidentiality"].model_copy(
            update={"value": "express", "scored_as": None}
        ),
    }
    changed_nm = nm.model_copy(
        update={"versions": [*nm.versions[:-1], nm.current.model_copy(update={"features": features})]}
    )
    changed = dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, "NM": changed_nm})
    (before,) = scorecards(catalog, codes=["NM"])
    (after,) = scorecards(changed, codes=["NM"])
    confidentiality = next(c for c in before.categories if c.category.id == "confidentiality")
    assert after.low == before.low + 5 - confidentiality.low


def test_a_gap_says_what_the_law_does_in_practice_where_the_data_says_it(catalog):
    # New York's burden is graded "not stated" (the trafficking part names none), but the general motion
    # rules set one: the gap says so, not the level's "so each judge decides"
    from assistant.core.scoring import gaps, scorecards

    ny = next(c for c in scorecards(catalog) if c.jurisdiction.code == "NY")
    burden = next(g for g in gaps(ny) if g.category_id == "burden_of_proof")
    assert "more likely true than not" in burden.means and "each judge decides" not in burden.means
