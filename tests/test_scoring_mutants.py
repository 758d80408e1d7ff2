"""Scoring details that mutation testing found untested (benchmarks/mutation.sh).

The gaps are what a person reads about where a law falls short of the ideal: each must name the
category, the law's level, its points out of the most, the ideal and what the shortfall means.
"""

from __future__ import annotations

import dataclasses

from assistant.core.scoring import UNKNOWN_GAP, Gap, gaps, rank, score_version, versions_for
from assistant.models.common import UNKNOWN
from assistant.models.jurisdiction import Feature


def card_on(catalog, code, day, **unknown):
    j = catalog.jurisdiction(code)
    version = j.version_on(day)
    if unknown:
        features = dict(version.features) | {k: Feature(value=UNKNOWN, note="test") for k in unknown}
        version = version.model_copy(update={"features": features})
    return score_version(j, version, catalog.rubric)


def test_a_gap_names_the_level_its_points_the_ideal_and_what_it_means(catalog):
    card = card_on(catalog, "NM", "2019-03")  # the 2019 report card: burden of proof 0 of 5
    found = {g.category_id: g for g in gaps(card)}
    # Only the categories below the most points are gaps, in the rubric's order.
    assert list(found) == [
        "range_of_relief",
        "offenses_covered",
        "judicial_discretion",
        "burden_of_proof",
        "official_documentation",
        "confidentiality",
    ]
    assert found["burden_of_proof"] == Gap(
        category_id="burden_of_proof",
        name="Burden of proof",
        level_label="Not stated",
        points="0",
        max_points=5,
        ideal='Preponderance of the evidence: The law sets the lowest standard, a "preponderance of the evidence" '
        "(more likely than not).",
        means="The law does not say how strong the proof must be, so each judge decides.",
        why_it_matters="A high standard means more evidence, which survivors often cannot get. A law that says "
        "nothing leaves each judge to decide.",
    )
    assert found["offenses_covered"].points == "23" and found["offenses_covered"].max_points == 30


def test_an_unknown_category_is_a_gap_with_a_range_and_says_we_could_not_confirm(catalog):
    card = card_on(catalog, "NM", "2019-03", hearing=True)  # the hearing was at the most points (5)
    (hearing,) = [g for g in gaps(card) if g.category_id == "hearing"]
    assert hearing.level_label == "Not known"
    assert hearing.points == "0–5" and hearing.max_points == 5
    assert hearing.means == UNKNOWN_GAP
    assert hearing.ideal == "No hearing required: No hearing is required."
    assert hearing.name == "Hearing" and hearing.why_it_matters.startswith("Appearing in court")


def test_no_adult_law_has_no_gaps_to_list(catalog):
    card = card_on(catalog, "GA", "2019-03")  # no law for adults in 2019: not graded
    assert card.graded is False and gaps(card) == ()


def test_totals_and_ranks_as_text(catalog):
    nm = card_on(catalog, "NM", "2019-03")
    assert nm.total_text() == "67"
    fl = card_on(catalog, "FL", "2019-03")
    ranked = rank([fl, nm, dataclasses.replace(nm)])
    assert [c.rank_text() for c in ranked] == ["1", "2", "2"]


def test_versions_for_the_chosen_places_only(catalog):
    assert [(j.code, v.id) for j, v in versions_for(catalog, ["NM", "GA"], None)] == [("NM", "v2013"), ("GA", "v2024")]
    assert [(j.code, v.id) for j, v in versions_for(catalog, ["GA"], "2019-03")] == [("GA", "v2019")]
    assert len(versions_for(catalog, None, None)) == len(catalog.jurisdictions)
    assert versions_for(catalog, [], None) == versions_for(catalog, None, None)  # no choice: every place


def test_an_unknown_category_keeps_the_feature_that_says_why(catalog):
    from assistant.core.scoring import score_category

    category = next(c for c in catalog.rubric.categories if c.id == "hearing")
    unknown = Feature(value=UNKNOWN, note="the hearing rule was not read")
    score = score_category(category, unknown)
    assert score.value == UNKNOWN and score.feature is unknown and score.level is None
    assert (score.low, score.high) == (category.min_points, category.max_points)


def test_chosen_places_in_any_case(catalog):
    from assistant.core.scoring import scorecards

    assert [c.jurisdiction.code for c in scorecards(catalog, codes=["nm", "GA"])] == ["NM", "GA"]


def test_a_known_category_keeps_its_feature(catalog):
    from assistant.core.scoring import score_category

    category = next(c for c in catalog.rubric.categories if c.id == "nexus")
    feature = catalog.jurisdictions["NM"].current.features["nexus"]
    score = score_category(category, feature)
    # Scored as the 2019 card graded it ("as a result"), not as eligibility reads the statute ("under duress").
    assert score.feature is feature and score.value == "as_a_result" and score.known


def test_a_category_missing_from_the_file_is_unknown_and_an_ungraded_card_keeps_its_rubric(catalog):
    from assistant.core.scoring import score_category

    category = next(c for c in catalog.rubric.categories if c.id == "hearing")
    missing = score_category(category, None)
    assert missing.value == UNKNOWN and missing.feature is None and not missing.known
    ga = card_on(catalog, "GA", "2019-03")
    assert ga.graded is False and ga.rubric is catalog.rubric


def test_every_card_knows_how_many_laws_it_was_ranked_among(catalog):
    nm, fl = card_on(catalog, "NM", "2019-03"), card_on(catalog, "FL", "2019-03")
    ga = card_on(catalog, "GA", "2019-03")  # not graded
    ranked = rank([nm, fl, ga])
    assert [c.ranked_among for c in ranked] == [2, 2, 2]
    assert all(c.value == "not_graded" for c in ga.categories)
