"""The command line, run as a person runs it."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import run_relief


def test_help_lists_the_commands():
    result = run_relief("--help")
    assert result.returncode == 0
    for command in ("score", "states", "validate"):
        assert command in result.stdout
    assert "Not legal advice" in result.stdout


def test_score_json_is_the_documented_stable_format(catalog):
    result = run_relief("score", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "relief-assistant/score" and doc["format_version"] == 1
    assert doc["rubric"]["grading"]["assumption"] is True
    codes = [j["code"] for j in doc["jurisdictions"]]
    assert codes == sorted(catalog.jurisdictions)
    nm = next(j for j in doc["jurisdictions"] if j["code"] == "NM")
    assert set(nm) >= {
        "code",
        "name",
        "version",
        "effective",
        "as_of",
        "adult_relief",
        "graded",
        "total",
        "low",
        "high",
        "unknown_features",
        "grade",
        "rank",
        "rank_low",
        "rank_high",
        "categories",
    }
    assert nm["total"] == 67 and nm["grade"] == "D"
    assert [c["points"] for c in nm["categories"]] == [4, 10, 23, 5, 10, 8, 5, 0, 0, 0, 2]
    assert doc["ranked_among"] == sum(1 for j in doc["jurisdictions"] if j["graded"])


def test_score_table_marks_the_grade_assumption_and_rank_basis():
    result = run_relief("score", "nm", "ga")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:6] == ["Code", "Jurisdiction", "Total", "Grade", "Rank", "Unk"]
    assert any(line.startswith("NM") and " 67 " in line for line in lines)
    assert "this tool's assumption" in result.stdout
    assert "Ranks are among the" in result.stdout


def test_score_as_of_2019_shows_the_report_card_laws():
    result = run_relief("score", "GA", "FL", "NM", "--as-of", "2019-03", "--format", "json")
    by_code = {j["code"]: j for j in json.loads(result.stdout)["jurisdictions"]}
    assert by_code["GA"]["total"] == 0 and by_code["GA"]["grade"] is None
    assert by_code["FL"]["total"] == 72
    assert by_code["NM"]["total"] == 67


def test_score_csv_has_one_row_per_jurisdiction_and_ranges_for_unknowns(catalog):
    result = run_relief("score", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["code"] for r in rows] == sorted(catalog.jurisdictions)
    from assistant.models.common import UNKNOWN

    # A jurisdiction with an unknown feature shows no single total and a range in that category.
    code, category = next(
        (code, cat)
        for code, j in sorted(catalog.jurisdictions.items())
        for cat, f in j.current.features.items()
        if f.value == UNKNOWN and f.scored_as is None
    )
    row = next(r for r in rows if r["code"] == code)
    assert int(row["unknown_features"]) >= 1
    assert row["total"] == "" and "-" in row[category]


def test_unknown_code_lists_the_valid_ones():
    result = run_relief("score", "QZ")
    assert result.returncode == 2
    assert "'QZ' is not one place we have" in result.stderr and "NM" in result.stderr


def test_bad_as_of_date():
    result = run_relief("score", "--as-of", "March 2019")
    assert result.returncode == 2 and "YYYY" in result.stderr


def test_an_empty_answers_file_name_is_a_usage_error_not_a_crash():
    result = run_relief("evaluate", "--answers", "")
    assert result.returncode == 2 and "answers file's name" in result.stderr and "went wrong" not in result.stderr


def test_states_lists_as_of_and_unknown_counts(catalog):
    result = run_relief("states", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == sorted(catalog.jurisdictions)
    md = next(r for r in rows if r["code"] == "MD")
    assert md["as_of"] == catalog.jurisdiction("MD").as_of
    assert md["unknown_features"] == sum(
        1 for f in catalog.jurisdiction("MD").current.features.values() if f.value == "unknown"
    )
    table = run_relief("states").stdout
    assert "As of" in table and "Unknown" in table


def test_console_script_and_module_agree():
    import shutil
    import subprocess

    relief = shutil.which("relief")
    if relief is None:
        import sys
        from pathlib import Path

        relief = str(Path(sys.executable).parent / "relief")
    direct = subprocess.run([relief, "score", "--format", "json"], capture_output=True, text=True, timeout=60)
    assert direct.returncode == 0
    assert direct.stdout == run_relief("score", "--format", "json").stdout


def test_crash_shows_a_short_message_and_no_traceback(tmp_path):
    # A data folder that is a file makes loading fail in an unexpected way.
    bogus = tmp_path / "not-a-folder"
    bogus.write_text("x")
    result = run_relief("score", env={"RELIEF_DATA_DIR": str(bogus)})
    assert result.returncode in (1, 70)
    assert "Traceback" not in result.stderr


def test_collection_is_off_only_while_starting_up(monkeypatch):
    # A cold command skips garbage collection while modules and data load; the evaluation after
    # loading, and whatever called main, get it back, also when the command fails early.
    import gc

    from assistant.faces import cli

    seen = []
    monkeypatch.setattr(cli, "cmd_states", lambda args: seen.append(gc.isenabled()) or 0)
    assert cli.main(["states"]) == 0
    assert seen == [False] and gc.isenabled()
    assert cli.main(["score", "--as-of", "not a date"]) == cli.EXIT_USAGE
    assert gc.isenabled()
    gc.disable()
    try:
        cli._load()
        assert gc.isenabled()
    finally:
        gc.enable()
