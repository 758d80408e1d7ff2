"""Intake lists as spreadsheets really save them (issue 10): encodings, delimiters, spelling of
codes, workbooks, unreadable rows, formula injection."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from assistant.data.intake_csv import MAX_FIELD, MAX_LINE, detect_encoding, normalise_code
from assistant.data.problems import InputInvalid
from assistant.faces.screening import ANSWER_COLUMNS, screen_file
from tests.conftest import run_relief

GOOD = [
    "A1",
    "advocate",
    "2016",
    "t_visa",
    "NM",
    "conviction",
    "theft",
    "felony",
    "",
    "",
    "because",
    "2014",
    "adult",
    "no",
    "Peña",
]
SPREADSHEET = [  # the same row as people type it in a spreadsheet
    "A2",
    "Advocate",
    "2016",
    "T-Visa",
    "New Mexico",
    "Conviction",
    "Theft",
    "Felony",
    "",
    "",
    "Because",
    "2014",
    "Adult",
    "No",
    "Muñoz – «2014»",
]


def text_of(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(ANSWER_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def screened(catalog, tmp_path: Path, data: bytes, **options) -> list[dict[str, str]]:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(data)
    target.unlink(missing_ok=True)
    screen_file(catalog, source, target, **options)
    raw = target.read_bytes()
    text = raw.decode("utf-8-sig")
    delimiter = next(d for d in (",", ";", "\t") if text.splitlines()[0].count(d) > 5)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_every_encoding_and_delimiter_a_spreadsheet_saves(catalog, tmp_path, encoding, delimiter):
    data = text_of([GOOD, SPREADSHEET], delimiter).encode(encoding)
    if encoding == "cp1252":
        assert b"Pe\xf1a" in data  # "Peña" as Excel saves it on Windows: this crashed with exit 70
    rows = screened(catalog, tmp_path, data)
    assert [r["label"] for r in rows] == ["Peña", "Muñoz – «2014»"]
    assert [r["errors"] for r in rows] == ["", ""]
    assert rows[0]["verdict"] == rows[1]["verdict"] != ""  # "Conviction", "Felony" ... mean the codes


def test_the_output_keeps_the_dialect_and_tells_excel_it_is_utf8(catalog, tmp_path):
    screened(catalog, tmp_path, text_of([GOOD], ";").encode("cp1252"))
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.count(b";") > 10 and "Peña".encode() in raw
    screened(catalog, tmp_path, text_of([GOOD]).encode("utf-8"))
    assert not (tmp_path / "out.csv").read_bytes().startswith(codecs.BOM_UTF8)  # plain UTF-8 stays plain


def test_windows_1252_through_the_command(tmp_path):
    (tmp_path / "in.csv").write_bytes(text_of([GOOD]).encode("cp1252"))
    result = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0 and "1 screened, 0 with errors" in result.stderr, result.stderr


def test_encoding_can_be_set(tmp_path):
    (tmp_path / "in.csv").write_bytes(text_of([GOOD]).encode("cp1252"))
    ok = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--encoding", "latin-1")
    assert ok.returncode == 0 and "Peña" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    bad = run_relief("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o2.csv"), "--encoding", "klingon")
    assert bad.returncode == 2 and "'klingon' is not an encoding" in bad.stderr


def test_detection_reads_a_few_rows_of_accents_right():
    for encoding in ENCODINGS:
        data = text_of([GOOD] * 3).encode(encoding)
        found = detect_encoding(io.BytesIO(data))
        assert data.decode(found).lstrip("\ufeff") == text_of([GOOD] * 3), encoding


@pytest.mark.parametrize(
    ("field", "typed", "code"),
    [
        ("record", "Conviction", "conviction"),
        ("record", "CONVICTED", "conviction"),
        ("record", "Juvenile adjudication", "juvenile_adjudication"),
        ("level", "Felony", "felony"),
        ("level", "misdemeanour", "misdemeanor"),
        ("level", "Misdemeanors", "misdemeanor"),
        ("pending_charges", "Yes", "yes"),
        ("pending_charges", "N", "no"),
        ("offense", "Sex-related", "sex_related"),
        ("offense", "Drugs", "drug"),
        ("connection", "While trafficked", "while_trafficked"),
        ("connection", "Not connected", "not_connected"),
        ("age", "Under 18", "minor"),
        ("documentation", "T-Visa", "t_visa"),
        ("documentation", "Continued Presence", "continued_presence"),
        ("audience", "ADVOCATE", "advocate"),
        ("trafficking_ended", "Ongoing", "ongoing"),
        ("age", "Unknown", "unsure"),
        ("level", "Not sure", "unsure"),
        ("offense", "thief", "thief"),  # no guess: the row error names it and suggests the closest
    ],
)
def test_codes_match_without_regard_to_case_and_common_words(field, typed, code):
    assert normalise_code(field, typed) == code


def test_a_misspelt_code_is_still_that_rows_error(catalog, tmp_path):
    rows = screened(catalog, tmp_path, text_of([GOOD, [*GOOD[:6], "thief", *GOOD[7:]]]).encode())
    assert rows[0]["errors"] == "" and rows[1]["errors"].startswith("row 3: offense")


@pytest.mark.parametrize(
    ("magic", "name"), [(b"PK\x03\x04", "intake.xlsx"), (b"PK\x03\x04", "intake.csv"), (b"\xd0\xcf\x11\xe0", "a.xls")]
)
def test_a_workbook_is_refused_with_how_to_save_it_as_csv(catalog, tmp_path, magic, name):
    source = tmp_path / name
    source.write_bytes(magic + b"\x14\x00\x06\x00" + bytes(200))
    with pytest.raises(InputInvalid) as info:
        screen_file(catalog, source, tmp_path / "out.csv")
    message = info.value.problems[0].message
    assert "not a CSV file" in message and "Save As" in message and "CSV UTF-8" in message
    assert not (tmp_path / "out.csv").exists()


def test_an_overlong_field_is_that_rows_error(catalog, tmp_path):
    long_label = [*GOOD[:-1], "x" * (MAX_FIELD + 1)]
    rows = screened(catalog, tmp_path, text_of([GOOD, long_label, GOOD]).encode())
    assert [r["errors"] == "" for r in rows] == [True, False, True]
    assert "label" in rows[1]["errors"] and "too long" in rows[1]["errors"]


def test_a_field_past_the_csv_limit_and_a_huge_line_are_row_errors(catalog, tmp_path):
    huge_field = text_of([GOOD]).splitlines()[1].replace("Peña", '"' + "y" * 200_000 + '"')
    huge_line = ",".join(["z" * 1000] * (MAX_LINE // 1000 + 10))
    data = text_of([GOOD]) + huge_field + "\r\n" + huge_line + "\r\n" + text_of([GOOD]).split("\r\n", 1)[1]
    rows = screened(catalog, tmp_path, data.encode())
    assert [r["errors"] == "" for r in rows] == [True, False, False, True]
    assert "could not be read" in rows[1]["errors"] and "too long to read" in rows[2]["errors"]
    assert rows[3]["client_id"] == "A1" and rows[3]["verdict"]


def test_an_undecodable_row_is_that_rows_error(catalog, tmp_path):
    data = text_of([GOOD, GOOD, GOOD]).encode("utf-8")
    broken = data.replace("Peña".encode(), b"Pe\xf1a", 1)  # one row pasted in from Windows-1252
    rows = screened(catalog, tmp_path, broken)
    assert [r["errors"] == "" for r in rows] == [False, True, True]
    assert "could not be read as utf-8" in rows[0]["errors"]
    assert rows[1]["label"] == "Peña"  # the other rows were still read as UTF-8


def test_formulas_are_neutralised_in_the_output(catalog, tmp_path):
    attacks = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", " =1"]
    rows = screened(catalog, tmp_path, text_of([[*GOOD[:-1], a] for a in attacks]).encode())
    for row, attack in zip(rows, attacks, strict=True):
        assert row["label"] == "'" + attack
        assert row["errors"] == ""


def test_blank_lines_and_short_rows(catalog, tmp_path):
    data = text_of([GOOD]) + "\r\n\r\n" + ",".join(GOOD[:5]) + "\r\n"
    rows = screened(catalog, tmp_path, data.encode())
    # numbered as a spreadsheet shows it: the two blank lines are rows 3 and 4, the short row is row 5
    assert len(rows) == 2 and rows[1]["errors"].startswith("row 5: ")
