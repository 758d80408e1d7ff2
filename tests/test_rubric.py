"""The rubric as data: all 11 categories of the 2019 report cards, maxima summing to 100."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from assistant.data.catalog import load_catalog
from tests.conftest import run_relief

SEED_POINTS = {
    # category id: the rubric's point levels, as printed in shared/seed (the 2019 scoring system)
    "range_of_relief": [0, 4, 8, 10],
    "nexus": [2, 4, 6, 8, 10],
    "confidentiality": [0, 5],
    "burden_of_proof": [0, 2, 5],
    "offenses_covered": [5, 8, 12, 17, 23, 30],
    "time_limits": [0, 4, 8],
    "official_documentation": [0, 5],
    "additional_restrictive_conditions": [0, 2],
    "arrests_and_adjudications": [0, 5, 10],
    "judicial_discretion": [0, 5, 10],
    "hearing": [0, 1, 2, 3, 4, 5],
}


def test_category_maxima_sum_to_100(catalog):
    rubric = catalog.rubrics["polaris-2019"]
    assert sum(c.max_points for c in rubric.categories) == 100 == rubric.max_points


def test_every_category_and_level_of_the_2019_rubric(catalog):
    rubric = catalog.rubrics["polaris-2019"]
    assert {c.id: sorted(level.points for level in c.levels) for c in rubric.categories} == SEED_POINTS


def test_nexus_codes_are_the_rubric_trigger_words(catalog):
    nexus = catalog.rubrics["polaris-2019"].category("nexus")
    assert nexus is not None
    assert [(lv.code, lv.points) for lv in nexus.levels] == [
        ("under_duress", 2),
        ("direct_result", 4),
        ("while_victim", 6),
        ("proximate_cause", 8),
        ("as_a_result", 10),
    ]


def test_every_level_has_label_and_plain_description(catalog):
    for category in catalog.rubric.categories:
        assert category.ideal and category.why_it_matters
        for level in category.levels:
            assert level.label.strip() and len(level.description.split()) >= 3 and level.description.endswith(".")


def test_grade_bands_are_marked_as_this_tools_assumption(catalog):
    grading = catalog.rubric.grading
    assert grading.assumption is True
    assert "assumption" in grading.note
    assert [(b.grade, b.min) for b in grading.bands] == [("A", 90), ("B", 80), ("C", 70), ("D", 60), ("F", 0)]
    assert [grading.grade_for(t) for t in (100, 90, 89, 70, 63, 60, 59, 0)] == ["A", "A", "B", "C", "D", "D", "F", "F"]


def test_the_reports_rules_are_data(catalog):
    rubric = catalog.rubric
    assert rubric.zero_without_adult_relief is True
    assert {r.code for r in rubric.rules} >= {
        "adult_relief_only",
        "zero_without_adult_relief",
        "trafficking_statute_only",
    }


def test_another_rubric_is_just_another_file(data_copy: Path):
    """A second rubric (here: a re-weighted copy) works with no code change."""
    original = yaml.safe_load((data_copy / "rubric" / "polaris-2019.yaml").read_text())
    original["id"] = "double-nexus"
    original["name"] = "Test rubric: nexus counts double"
    for category in original["categories"]:
        if category["id"] == "nexus":
            for level in category["levels"]:
                level["points"] *= 2
    original["max_points"] = 110
    (data_copy / "rubric" / "double-nexus.yaml").write_text(yaml.safe_dump(original, sort_keys=False))

    catalog = load_catalog(data_copy)
    assert set(catalog.rubrics) == {"polaris-2019", "double-nexus"}
    result = run_relief(
        "score", "NM", "--rubric", "double-nexus", "--format", "json", env={"RELIEF_DATA_DIR": str(data_copy)}
    )
    assert result.returncode == 0, result.stderr
    assert '"total": 77' in result.stdout  # 67 + 10 more for the doubled "as a result" nexus


def test_unknown_rubric_name_is_a_clear_usage_error():
    result = run_relief("score", "--rubric", "polaris-2023")
    assert result.returncode == 2
    assert "no rubric called 'polaris-2023'" in result.stderr
    assert "polaris-2019" in result.stderr


def test_rubric_file_not_matching_its_id_is_reported(data_copy: Path):
    shutil.copy(data_copy / "rubric" / "polaris-2019.yaml", data_copy / "rubric" / "copy.yaml")
    result = run_relief("validate", env={"RELIEF_DATA_DIR": str(data_copy)})
    assert result.returncode == 1
    assert "rubric/copy.yaml:5: id: the id 'polaris-2019' does not match the file name 'copy.yaml'" in result.stderr
