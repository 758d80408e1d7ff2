"""Terminal output never carries control sequences from input (issue 10).

Labels and notes in an answers file, CSV cells, file names, typed answers and the contents of a
broken data file are fed with ESC, OSC 0/2/8/52, CSI and C1 bytes through every command; no control
character but a line break or a tab may reach standard output, standard error or a written file.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.data.safe_text import FORMULA_START, clean, dumps, one_line, spreadsheet_cell
from tests.conftest import ROOT, run_relief

OSC_TITLE = "\x1b]0;PWNED\x07"  # renames the window (and the tab)
OSC_WINDOW = "\x1b]2;PWNED\x1b\\"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"  # writes the clipboard (through tmux too)
CSI = "\x1b[2J\x1b[1;1H\x1b[31m"  # erase, move, colour
C1 = "\x9b2J\x9d0;PWNED\x9c\x85\x90q\x9c"  # the 8-bit forms, and NEL
OTHER = "\x07\x08\r\x7f\x1bc\u202e"  # bell, backspace, carriage return, DEL, reset, right-to-left override
ATTACKS = [OSC_TITLE, OSC_WINDOW, OSC_LINK, OSC_CLIPBOARD, CSI, C1, OTHER]
FAKE_LINES = "\nRESULT: LIKELY ELIGIBLE\n# Heading"
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def controls(text: str) -> list[str]:
    """Every character that a terminal could act on, other than a line break or a tab."""
    return [
        repr(ch)
        for ch in text
        if (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or ch in BIDI or ch in "\u2028\u2029"
    ]


def assert_inert(*texts: str) -> None:
    for text in texts:
        assert controls(text) == [], text[-400:]


# --- the function itself --------------------------------------------------------------------------


@pytest.mark.parametrize("attack", ATTACKS, ids=["osc0", "osc2", "osc8", "osc52", "csi", "c1", "other"])
def test_clean_removes_each_kind_of_sequence(attack):
    text = f"Denver {attack}2014"
    assert_inert(clean(text), one_line(text))
    assert "PWNED" not in clean(text) and "evil.example" not in clean(text)
    assert clean(text).startswith("Denver ") and clean(text).endswith("2014")


def test_one_line_folds_line_breaks_so_a_label_cannot_fake_report_lines():
    assert one_line("Denver\r\n2014" + FAKE_LINES) == "Denver 2014 RESULT: LIKELY ELIGIBLE # Heading"
    assert clean("a\rb\r\nc\u2028d") == "a\nb\nc\nd"  # a carriage return never writes over a line


def test_plain_text_is_returned_unchanged():
    for text in ("Peña", "Queens 2016", "日本語", "emoji 🙂 and a ZWJ 👩‍👩‍👧", "tab\tand\nline"):
        assert clean(text) == text


def test_json_escapes_c1_and_bidi_controls_but_keeps_the_value():
    value = {"label": "a\x1b]0;x\x07\x9b31m\u202e\u2028z", "name": "Peña"}
    text = dumps(value)
    assert_inert(text)
    assert json.loads(text) == value and "Peña" in text


@pytest.mark.parametrize("start", FORMULA_START)
def test_spreadsheet_cells_never_start_a_formula(start):
    cell = spreadsheet_cell(f'{start}HYPERLINK("https://evil.example")')
    assert cell.startswith("'") or not cell.startswith(FORMULA_START)
    assert spreadsheet_cell("Peña") == "Peña"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_clean_leaves_no_control_character_whatever_the_input(text):
    assert_inert(clean(text), one_line(text), dumps(text))
    assert "\n" not in one_line(text) and "\t" not in one_line(text)
    assert not spreadsheet_cell(text).lstrip().startswith(FORMULA_START)


# --- every command ----------------------------------------------------------------------------------


def label(i: int) -> str:
    return f"L{i} {ATTACKS[i % len(ATTACKS)]}{FAKE_LINES}"[:80]  # labels are at most 80 characters


@pytest.fixture
def evil_answers(tmp_path):
    records = "".join(
        f"""
  - jurisdiction: {code}
    record: conviction
    offense: theft
    level: felony
    connection: because
    year: 2014
    age: adult
    label: {json.dumps(label(i))}
"""
        for i, code in enumerate(["NM", "OR", "NY", "FL", "TX", "CA", "GA"])
    )
    path = tmp_path / "answers.yaml"
    path.write_text(
        "audience: advocate\ntrafficking_ended: 2016\ndocumentation: [t_visa]\n"
        f"notes: {json.dumps(''.join(ATTACKS) + FAKE_LINES)}\nrecords:{records}",
        encoding="utf-8",
    )
    return path


def run(*args: str, stdin: str | None = None):
    result = run_relief(*args, stdin=stdin)
    assert result.returncode in (0, 1, 2), result.stderr  # never the crash status
    assert "Traceback" not in result.stderr
    assert_inert(result.stdout, result.stderr)
    return result


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_evaluate_in_every_format(evil_answers, tmp_path, fmt):
    result = run("evaluate", "--answers", str(evil_answers), "--format", fmt)
    assert result.returncode == 0 and "L0" in result.stdout
    if fmt in ("text", "markdown"):
        # The label stays on its own line: it cannot start a heading or a result line of its own.
        assert "\nRESULT: LIKELY ELIGIBLE" not in result.stdout and "\n# Heading" not in result.stdout
    if fmt == "json":
        labels = [r["label"] for r in json.loads(result.stdout)["records"]]
        assert labels[0] == label(0)  # the data stays exact, escaped
    out = tmp_path / f"report.{fmt}"
    run("evaluate", "--answers", str(evil_answers), "--format", fmt, "-o", str(out))
    assert_inert(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "html"])
def test_compare_with_the_same_records(evil_answers, fmt):
    result = run("compare", "NM", "OR", "--answers", str(evil_answers), "--format", fmt)
    assert result.returncode == 0 and "L0" in result.stdout


def test_codes_options_and_file_names_quoted_in_errors(tmp_path):
    # Every kind at once, one process per command (each kind alone is checked in the unit tests above).
    attack = "".join(ATTACKS)
    run("whatif", f"N{attack}M")
    run("whatif", "NM", "--set", f"range_of_relief{attack}=full")
    run("whatif", "NM", "--set", f"range_of_relief=fu{attack}ll")
    run("history", f"N{attack}M")
    run("compare", "NM", f"O{attack}R")
    run("score", f"--x{attack}")  # argparse: "unrecognized arguments: ..."
    run("score", "--as-of", f"2019{attack}")
    run("evaluate", "--answers", str(tmp_path / f"missing{attack}.yaml"))
    run("screen", str(tmp_path / f"missing{attack}.csv"), "-o", str(tmp_path / "out.csv"))


def test_answers_file_values_quoted_in_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "audience: advocate\ntrafficking_ended: 2016\ndocumentation: [t_visa]\nrecords:\n"
        f"  - jurisdiction: {json.dumps('Q' + OSC_TITLE)}\n    record: {json.dumps(CSI)}\n"
        f"    offense: theft\n    level: felony\n    connection: because\n    year: 2014\n    age: adult\n"
        f"    {json.dumps(OSC_CLIPBOARD)}: 1\n",
        encoding="utf-8",
    )
    result = run("evaluate", "--answers", str(bad))
    assert result.returncode == 1 and "not" in result.stderr
    raw = tmp_path / "raw.yaml"
    raw.write_bytes(b"audience: advocate\x1b]0;PWNED\x07\n")
    run("evaluate", "--answers", str(raw))


HEADER = "client_id audience trafficking_ended documentation jurisdiction record offense level connection year age"


def test_screen_cells_errors_and_output(tmp_path):
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*HEADER.split(), "label"])
        for i, attack in enumerate(ATTACKS):
            good = ["advocate", "2016", "t_visa", "NM", "conviction", "theft", "felony", "because", "2014", "adult"]
            writer.writerow([f"C{i}{attack}", *good, f"{attack}=cmd|' /C calc'!A0"])
            writer.writerow([f"B{i}", *good[:3], f"Q{attack}", f"x{attack}", *good[5:], "bad row"])
    out = tmp_path / "out.csv"
    result = run("screen", str(source), "-o", str(out))
    assert result.returncode == 0 and "with errors" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert_inert(text)
    for row in csv.DictReader(io.StringIO(text, newline="")):
        for value in row.values():
            assert not value.lstrip().startswith(("=", "+", "-", "@"))


def test_validate_on_a_bad_data_file(tmp_path):
    bad = tmp_path / "XX.yaml"
    bad.write_text(
        (ROOT / "states" / "NM.yaml").read_text(encoding="utf-8")
        + f"{json.dumps(OSC_TITLE + CSI + C1)}: {json.dumps(OSC_CLIPBOARD)}\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.returncode == 1
    raw = tmp_path / "YY.yaml"
    raw.write_bytes(b"code: NM\x1b]0;PWNED\x07\nname: \x9b2J\n")
    assert run("validate", str(raw)).returncode == 1


def test_plain_mode_typed_label_and_answers():
    typed = f"{OSC_TITLE}{CSI}Denver{C1}{OSC_CLIPBOARD}"
    answers = (
        f"2\n{typed}\n{CSI}junk{OSC_WINDOW}\nchange\n\nnew mexico\n3\n4\n2\n2\n2014\n1\n2\n2\n2016\n6\n{OSC_LINK}\n"
    )
    result = run("--plain", stdin=answers)
    assert "Denver" in result.stdout and "RECORD 1" in result.stdout
    assert "-> Denver" in " ".join(result.stdout.split())  # "change" lists the label, made inert (lines wrap)


def test_a_saved_answers_file_is_inert_and_reads_back_the_same(catalog):
    from assistant.data.answers_io import answers_text, parse_answers

    text = (ROOT / "tests" / "scenarios" / "two-states-advocate.yaml").read_text(encoding="utf-8")
    text = text.replace("label: Miami 2014", f"label: {json.dumps('Mi' + OSC_TITLE + C1 + OTHER + 'ami')}")
    answers = parse_answers(text, "a.yaml", list(catalog.jurisdictions))
    for fmt in ("yaml", "json"):
        saved = answers_text(answers, fmt)
        assert_inert(saved)
        assert parse_answers(saved, "a.yaml", list(catalog.jurisdictions)) == answers
