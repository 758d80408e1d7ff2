"""Batch screening: every good row gets a result, every bad row an error, counts add up, input untouched."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.data.problems import InputInvalid
from assistant.faces.screening import ANSWER_COLUMNS, RESULT_COLUMNS, screen_file, template
from tests.conftest import run_relief
from tests.factories import INTAKE_ROW

GOOD = INTAKE_ROW
BREAKAGES = {
    "offense": "thief",
    "jurisdiction": "QQ",
    "year": "1890",
    "level": "big",
    "documentation": "passport",
    "connection": "",
    "trafficking_ended": "later",
}


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=ANSWER_COLUMNS)
        w.writeheader()
        w.writerows(rows)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plan=st.lists(st.one_of(st.none(), st.sampled_from(sorted(BREAKAGES))), min_size=1, max_size=30),
    place=st.sampled_from(["NM", "AK", "TX", "US", "unsure"]),
)
def test_any_mix_of_good_and_bad_rows(catalog, tmp_path_factory, plan, place):
    folder = tmp_path_factory.mktemp("screen")
    rows = []
    for i, broken in enumerate(plan):
        row = {**GOOD, "client_id": f"C{i}", "jurisdiction": place}
        if broken:
            row[broken] = BREAKAGES[broken]
        rows.append(row)
    source, target = folder / "in.csv", folder / "out.csv"
    write(source, rows)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    summary = screen_file(catalog, source, target)
    out = read(target)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is never changed
    assert [r["client_id"] for r in out] == [r["client_id"] for r in rows]
    bad = [i for i, broken in enumerate(plan) if broken]
    assert summary.rows == len(rows) and summary.bad == len(bad) and summary.screened + summary.bad == summary.rows
    for i, (row, broken) in enumerate(zip(out, plan, strict=True)):
        if broken:
            assert row["errors"].startswith(f"row {i + 2}: ") and broken in row["errors"]
            assert row["verdict"] == ""
        else:
            assert row["errors"] == "" and row["verdict"] in (
                "likely_eligible",
                "possibly_eligible",
                "not_covered",
                "no_adult_law",
            )
            assert row["main_reason"]


def test_results_match_the_engine(catalog, tmp_path):
    write(tmp_path / "in.csv", [{**GOOD, "connection": "forced"}, {**GOOD, "client_id": "A2", "jurisdiction": "OR"}])
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    nm, oregon = read(tmp_path / "out.csv")
    assert (nm["verdict"], nm["relief"]) == ("likely_eligible", "sealing")
    assert oregon["verdict"] == "not_covered" and "prostitution" in oregon["main_reason"].lower()
    assert list(nm)[-len(RESULT_COLUMNS) :] == RESULT_COLUMNS


def test_a_felony_class_as_intake_sheets_write_it_decides_the_row(catalog, tmp_path):
    ct = {**GOOD, "jurisdiction": "CT", "offense": "drug", "connection": "forced"}
    rows = [
        {**ct, "felony_class": "Class D"},
        {**ct, "client_id": "A2", "felony_class": "b"},
        {**ct, "client_id": "A3", "felony_class": "class Q felony"},
        {**ct, "client_id": "A4", "felony_class": "not sure"},
    ]
    write(tmp_path / "in.csv", rows)
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    d, b, q, unsure = read(tmp_path / "out.csv")
    assert d["verdict"] == "likely_eligible" and "class D felony" in d["main_reason"]
    assert b["verdict"] == "not_covered" and "class B felony" in b["main_reason"]
    # in the sheet's words, with every class of the place's law (a guess suggested Ohio's F5 for "Class C")
    assert q["verdict"] == "" and "'class Q felony' is not a felony class of Connecticut's law" in q["errors"]
    assert "Write one of: class A felony; class B felony;" in q["errors"] and "class_a" not in q["errors"]
    assert unsure["verdict"] == "possibly_eligible"


def test_a_drug_charges_kind_as_intake_sheets_write_it_decides_the_row(catalog, tmp_path):
    va = {**GOOD, "jurisdiction": "VA", "offense": "drug", "level": "misdemeanor", "connection": "forced"}
    rows = [
        {**va, "drug_charge": "Possession"},
        {**va, "client_id": "A2", "drug_charge": "selling"},
        {**va, "client_id": "A3", "drug_charge": "posession"},
        {**va, "client_id": "A4", "drug_charge": ""},
        {**va, "client_id": "A5", "drug_charge": "not sure"},
    ]
    write(tmp_path / "in.csv", rows)
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    having, selling, typo, blank, unsure = read(tmp_path / "out.csv")
    assert unsure["main_reason"] == (
        "It depends on whether the drug charge was for having drugs or for selling them."
    )  # a sentence, not a fragment ("depends on: ...")
    assert having["verdict"] == "likely_eligible" and "having drugs" in having["main_reason"]
    assert selling["verdict"] == "not_covered" and "selling, sharing or making drugs" in selling["main_reason"]
    assert typo["verdict"] == "" and "drug_charge" in typo["errors"] and "possession" in typo["errors"]
    assert blank["verdict"] == "possibly_eligible"


CODES = {
    "record": ["arrest", "dismissed", "conviction", "juvenile_adjudication", "unsure"],
    "offense": [
        "prostitution",
        "sex_related",
        "drug",
        "theft",
        "fraud_identity",
        "weapon",
        "violent",
        "immigration",
        "other",
        "unsure",
    ],
    "level": ["misdemeanor", "felony", "unsure"],
    "connection": ["forced", "because", "while_trafficked", "not_connected", "unsure"],
    "age": ["adult", "minor", "unsure"],
    "pending_charges": ["yes", "no", "unsure"],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_screening_gives_the_engines_result_for_any_answers(catalog, data):
    from assistant.core.eligibility import Evaluator
    from assistant.faces.screening import Screener

    row = {**GOOD, **{k: data.draw(st.sampled_from(v), label=k) for k, v in CODES.items()}}
    row["jurisdiction"] = data.draw(st.sampled_from([*sorted(catalog.jurisdictions), "unsure"]), label="place")
    screener = Screener(catalog)
    answers, problems = screener.problems(row)
    assert answers is not None, problems
    got = screener.result(answers)
    want = Evaluator(catalog, screener.evaluator.now).assess_record(answers, 0)
    assert got["verdict"] == want.verdict
    assert got["relief"] == ";".join(want.relief_types)
    if row["connection"] == "unsure":  # a row may only say what the person said
        # (a law's own summary may speak of "being trafficked"; what may not appear is a claim they said it)
        for said in ("made them do it", "because of the trafficking", "being trafficked"):
            assert not re.search(rf"said [^.]*{said}", got["main_reason"]), got["main_reason"]


def test_output_is_owner_only_and_not_overwritten(catalog, tmp_path):
    write(tmp_path / "in.csv", [GOOD])
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o600
    from assistant.data.files import WriteRefused

    with pytest.raises(WriteRefused):
        screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    with pytest.raises(InputInvalid):
        screen_file(catalog, tmp_path / "in.csv", tmp_path / "in.csv", overwrite=True)


def test_a_header_without_required_columns_is_refused_clearly(catalog, tmp_path):
    (tmp_path / "in.csv").write_text("client,state,offence\nA1,NM,theft\n")
    with pytest.raises(InputInvalid) as info:
        screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    (problem,) = info.value.problems
    assert "missing" in problem.message and "jurisdiction" in problem.message
    assert not (tmp_path / "out.csv").exists()


def test_a_sheet_that_says_the_trafficking_has_not_ended_gets_help_first(catalog, tmp_path):
    rows = [{**GOOD, "trafficking_ended": words} for words in ("Not ended", "still happening", "current")]
    write(tmp_path / "in.csv", rows)
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    for row in read(tmp_path / "out.csv"):
        assert row["errors"] == "" and row["main_reason"].startswith("Your client can get help now"), row


def test_a_misspelt_place_name_is_told_in_the_sheets_words(catalog, tmp_path):
    # it was "not in the expected form: expected a two-letter upper-case code", though names work
    write(tmp_path / "in.csv", [{**GOOD, "jurisdiction": "New Yrok"}, {**GOOD, "jurisdiction": "new york"}])
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    typo, right = read(tmp_path / "out.csv")
    assert "'New Yrok' is not a place we have. Did you mean New York (NY)?" in typo["errors"]
    assert right["errors"] == "" and right["verdict"]


def test_a_row_for_a_survivor_speaks_to_them(catalog, tmp_path):
    # rows marked survivor read "Your client can get help now ..." (the audience column was ignored)
    rows = [{**GOOD, "audience": "survivor", "trafficking_ended": "ongoing"}, {**GOOD, "client_id": "A2"}]
    write(tmp_path / "in.csv", rows)
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    survivor, advocate = read(tmp_path / "out.csv")
    assert survivor["main_reason"].startswith("You can get help now") and "your client" not in survivor["main_reason"]
    assert advocate["audience"] == GOOD["audience"] == "advocate"


def test_a_sheet_may_write_a_class_as_its_label_and_is_told_what_fits(catalog, tmp_path):
    oh = {**GOOD, "jurisdiction": "OH", "offense": "theft", "level": "felony", "connection": "forced"}
    va = {**GOOD, "jurisdiction": "VA", "offense": "drug", "level": "felony", "connection": "forced"}
    rows = [
        {**oh, "felony_class": "fourth-degree felony (F4)"},  # as the message lists them
        {**va, "client_id": "A2", "drug_charge": "dealing"},
        {**va, "client_id": "A3", "drug_charge": "smuggling"},
    ]
    write(tmp_path / "in.csv", rows)
    screen_file(catalog, tmp_path / "in.csv", tmp_path / "out.csv")
    label, dealing, unknown = read(tmp_path / "out.csv")
    assert label["verdict"] == "likely_eligible" and dealing["verdict"] == "not_covered"
    assert "write one of: possession, sale, unsure" in unknown["errors"]  # it named no choices


def test_template_is_a_valid_input(catalog, tmp_path):
    (tmp_path / "t.csv").write_text(template())
    summary = screen_file(catalog, tmp_path / "t.csv", tmp_path / "out.csv")
    assert (summary.rows, summary.bad) == (1, 0)
    assert next(csv.reader(io.StringIO(template()))) == ANSWER_COLUMNS


def test_screen_command_reports_a_summary(tmp_path):
    write(tmp_path / "in.csv", [GOOD, {**GOOD, "offense": "thief"}])
    result = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    assert "2 rows: 1 screened, 1 with errors" in result.stderr
    assert f"row 3 (client {GOOD['client_id']}): offense" in result.stderr  # the line and the person
    again = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert again.returncode == 2 and "already exists (use --force to replace it)" in again.stderr
    folder = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "--force" not in folder.stderr
    assert run_relief("screen", "--template").stdout.startswith("client_id,")
