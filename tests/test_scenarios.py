"""Golden scenarios: answers files with the outcome a careful advocate expects, argued from the law.

Each file in tests/scenarios/ is an answers file plus `expect` (one entry per record) and a comment
giving the statute reading behind it. `expect` may hold: verdict (acceptable verdicts), decided_by (what decided
the verdict, as rule:feature: the rules that block, or each obstacle that keeps it at "possibly";
empty for "likely"), relief (exact codes), relief_includes_any, relief_excludes, changes_outcome
(unsure answers that must move it).

"Now" is fixed (NOW): the expectations were argued in that year, and deadlines and waits count from
it, so no scenario changes with the calendar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.core.eligibility import VERDICTS, assess
from assistant.data.answers_io import read_answers
from assistant.render.explain import render

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))
NOW = 2026


def test_enough_scenarios_across_enough_places_voices_and_verdicts():
    docs = [yaml.safe_load(p.read_text()) for p in SCENARIOS]
    assert len(docs) >= 40
    places = {r["jurisdiction"] for d in docs for r in d["records"]}
    assert len(places - {"unsure"}) >= 20
    verdicts = {v for d in docs for e in d["expect"] for v in e["verdict"]}
    assert verdicts == set(VERDICTS)
    assert {d["audience"] for d in docs} == {"survivor", "advocate", "trainer"}
    assert any(len(d["records"]) > 1 and len({r["jurisdiction"] for r in d["records"]}) > 1 for d in docs)
    assert any("unsure" in map(str, r.values()) for d in docs for r in d["records"])


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path, catalog):
    expect = yaml.safe_load(path.read_text())["expect"]
    answers = read_answers(path, list(catalog.jurisdictions))
    assessment = assess(catalog, answers, now=NOW)
    assert len(assessment.records) == len(expect)
    for i, (got, want) in enumerate(zip(assessment.records, expect, strict=True)):
        where = f"{path.stem} record {i + 1}"
        assert got.verdict in want["verdict"], f"{where}: {got.verdict}"
        assert list(got.deciding) == want["decided_by"], f"{where}: decided by {list(got.deciding)}"
        relief = set(got.relief_types)
        if "relief" in want:
            assert relief == set(want["relief"]), where
        if "relief_includes_any" in want:
            assert relief & set(want["relief_includes_any"]), f"{where}: {relief}"
        if "relief_excludes" in want:
            assert not relief & set(want["relief_excludes"]), f"{where}: {relief}"
        if "changes_outcome" in want:
            assert set(want["changes_outcome"]) <= set(got.changing_fields), f"{where}: {got.changing_fields}"
        assert got.reasons, where
    for fmt in ("markdown", "text", "json"):
        assert render(assessment, catalog, fmt).strip()
