"""Loading and validating all data, measured with pytest-benchmark.

.venv/bin/pytest benchmarks --benchmark-enable -p no:cacheprovider
"""

from __future__ import annotations

from assistant.core.scoring import scorecards
from assistant.data.catalog import load_catalog, validate_paths
from assistant.data.yamlio import loader_class


def test_load_and_validate_all_data(benchmark):
    catalog = benchmark(load_catalog)
    benchmark.extra_info["jurisdictions"] = len(catalog.jurisdictions)
    benchmark.extra_info["yaml_loader"] = loader_class().__mro__[1].__name__


def test_full_validation_pass(benchmark):
    problems = benchmark(validate_paths, [])
    assert problems == []


def test_score_all_jurisdictions(benchmark):
    catalog = load_catalog()
    cards = benchmark(scorecards, catalog)
    assert len(cards) == len(catalog.jurisdictions)


def test_evaluate_one_answers_file_against_every_jurisdiction(benchmark):
    """One record in each of the 52 jurisdictions, with two unsure answers (level, connection)."""
    from assistant.core.eligibility import assess
    from assistant.models.answers import Answers, RecordAnswers

    catalog = load_catalog()
    records = [
        RecordAnswers(
            jurisdiction=code,
            record="conviction",
            offense="theft",
            level="unsure",
            connection="unsure",
            year=2015,
            age="adult",
            pending_charges="no",
        )
        for code in catalog.jurisdictions
    ]
    answers = Answers(audience="advocate", trafficking_ended=2016, documentation=["t_visa"], records=records)
    result = benchmark(assess, catalog, answers)
    assert len(result.records) == len(catalog.jurisdictions)
