"""Fuzzing the readers with Hypothesis: mutated data files, answers files and CSVs.

Every input must end in a result or in clear messages naming the problem: never an uncaught
exception (a traceback) and never a hang (each example has a deadline). Run with
--hypothesis-show-statistics to see how many cases ran.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.data.answers_io import parse_answers
from assistant.data.catalog import validate_paths
from assistant.data.files import WriteRefused
from assistant.data.problems import InputInvalid, Problem
from assistant.faces.screening import screen_file
from tests.conftest import ROOT

FUZZ = settings(
    max_examples=120, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
TARGETS = ["states/FL.yaml", "states/AK.yaml", "rubric/polaris-2019.yaml", "flows/screening.yaml", "flows/terms.yaml"]
NASTY = [
    "",
    ":",
    "- ",
    "{",
    "[",
    "]",
    "}",
    "&a",
    "*a",
    "!!python/object:os.system",
    "\t",
    "---",
    "...",
    "'",
    '"',
    "? ",
    "| ",
    "> ",
    "#",
    "%YAML 1.1",
    "\x00",
    "é",
    "🙂",
    "9" * 40,
    "yes",
    "null",
    "~",
    "<<: *a",
]


@st.composite
def mutated(draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "replace", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            piece = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=12)))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 7)) + lines[i].lstrip(" ")
        elif op == "replace":
            head, sep, _ = lines[i].partition(":")
            lines[i] = head + sep + " " + draw(st.sampled_from(NASTY)) + "\n"
        else:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    return "".join(lines)


def check_problems(problems: list[Problem]) -> None:
    for p in problems:
        text = p.format()
        assert p.file and text and "Traceback" not in text


def _fuzz_data_file(rel: str):
    original = (ROOT / rel).read_text()

    @FUZZ
    @given(text=mutated(original))
    def run(tmp_path_factory, text):
        root = tmp_path_factory.mktemp("data")
        for name in ("rubric", "states", "flows"):
            (root / name).mkdir()
        shutil.copy(ROOT / "rubric" / "polaris-2019.yaml", root / "rubric")
        target = root / rel
        target.write_text(text, encoding="utf-8", errors="surrogatepass")
        check_problems(validate_paths([target], root))

    return run


test_fuzz_state_file_fl = _fuzz_data_file(TARGETS[0])
test_fuzz_state_file_ak = _fuzz_data_file(TARGETS[1])
test_fuzz_rubric = _fuzz_data_file(TARGETS[2])
test_fuzz_flow = _fuzz_data_file(TARGETS[3])
test_fuzz_terms = _fuzz_data_file(TARGETS[4])

ANSWERS = (ROOT / "tests" / "scenarios" / "two-states-advocate.yaml").read_text()


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(mutated(ANSWERS), st.text(max_size=200)))
def test_fuzz_answers_reader(catalog, text):
    try:
        answers = parse_answers(text, "answers.yaml", list(catalog.jurisdictions))
    except InputInvalid as exc:
        assert exc.problems
        check_problems(exc.problems)
    else:
        assert answers.records


HEADER = "client_id,audience,trafficking_ended,documentation,jurisdiction,record,offense,level,connection,year,age"
ROW = "C1,advocate,2016,t_visa,NM,conviction,theft,felony,because,2014,adult"


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(mutated(f"{HEADER}\n{ROW}\n{ROW.replace('NM', 'OR')}\n{ROW}\n"), st.text(max_size=300)))
def test_fuzz_csv_reader(catalog, tmp_path_factory, text):
    folder: Path = tmp_path_factory.mktemp("csv")
    source = folder / "in.csv"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        summary = screen_file(catalog, source, folder / "out.csv")
    except InputInvalid as exc:
        check_problems(exc.problems)
    except WriteRefused:
        raise AssertionError("a fresh output file was refused") from None
    else:
        assert summary.screened + summary.bad == summary.rows


# --- control characters, encodings, delimiters (issue 10) -------------------------------------------

CONTROL_PIECES = [
    "\x1b]0;PWNED\x07",
    "\x1b]2;PWNED\x1b\\",
    "\x1b]8;;https://evil.example/\x1b\\",
    "\x1b]52;c;cm0gLXJmIH4K\x07",
    "\x1b[2J",
    "\x1b[",
    "\x1b",
    "\x9b31m",
    "\x9d0;x\x9c",
    "\x85",
    "\r",
    "\n",
    "\x00",
    "\x7f",
    "\u202e",
    "\u2028",
    "=",
    "+",
    "-",
    "@",
    '"',
    ",",
    ";",
    "\t",
    "ñ",
    "–",
    "🙂",
]
hostile_text = st.lists(st.one_of(st.sampled_from(CONTROL_PIECES), st.text(max_size=6)), max_size=8).map("".join)


def assert_inert(text: str) -> None:
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    bad += [c for c in text if c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"]
    assert bad == [], text[-300:]


CSV_COLUMNS = [*HEADER.split(","), "label"]
GOOD_CELLS = [*ROW.split(","), "Peña"]


@st.composite
def intake_bytes(draw) -> tuple[bytes, str]:
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        cells = list(GOOD_CELLS)
        for _ in range(draw(st.integers(0, 3))):
            cells[draw(st.integers(0, len(cells) - 1))] = draw(hostile_text)
        rows.append(cells)
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
    data = out.getvalue().encode(encoding, errors="replace")
    if draw(st.booleans()):  # a few stray bytes, as a damaged or mixed file has
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at:]
    return data, encoding


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=intake_bytes())
def test_fuzz_csv_encodings_delimiters_and_control_characters(catalog, tmp_path_factory, case):
    data, _ = case
    folder: Path = tmp_path_factory.mktemp("csv")
    source, target = folder / "in.csv", folder / "out.csv"
    source.write_bytes(data)
    try:
        summary = screen_file(catalog, source, target)
    except InputInvalid as exc:  # a header broken beyond use: a clear message, and no output file
        check_problems(exc.problems)
        assert_inert(str(exc))
        assert not target.exists()
        return
    assert summary.screened + summary.bad == summary.rows
    text = target.read_text(encoding="utf-8-sig")
    assert_inert(text)
    for line in summary.errors:
        assert_inert(line)
    delimiter = max([",", ";", "\t"], key=text.splitlines()[0].count)
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        assert not any(cell.lstrip().startswith(("=", "+", "-", "@")) for cell in row)


@settings(max_examples=80, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=hostile_text, notes=hostile_text, fmt=st.sampled_from(["text", "markdown", "json", "html"]))
def test_fuzz_labels_and_notes_through_every_report_format(catalog, label, notes, fmt):
    from assistant.core.eligibility import assess
    from assistant.render.explain import render

    text = ANSWERS.replace("label: Miami 2014", f"label: {json.dumps(label[:80])}")
    text += f"notes: {json.dumps(notes)}\n"
    try:
        answers = parse_answers(text, "answers.yaml", list(catalog.jurisdictions))
    except InputInvalid as exc:
        check_problems(exc.problems)
        return
    from assistant.data.safe_text import clean

    out = clean(render(assess(catalog, answers), catalog, fmt))  # as every command writes it
    assert_inert(out)
    if fmt == "json":
        assert json.loads(out)["records"][0]["label"] == answers.records[0].label  # the value stays exact


@settings(max_examples=60, deadline=10000)
@given(
    command=st.sampled_from(["score", "whatif", "history", "compare", "evaluate", "validate", "nonsense"]),
    args=st.lists(
        st.one_of(st.sampled_from(["NM", "--set", "--format", "--as-of", "--answers", "-x"]), hostile_text),
        max_size=5,
    ),
)
def test_fuzz_command_lines_never_crash_or_echo_control_characters(command, args):
    """A command first, so no abbreviation of --plain can start the interactive app here."""
    from assistant.faces.cli import main

    args = [command, *args]

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(args)
        except SystemExit as exc:  # argparse's usage errors and --help
            status = exc.code if isinstance(exc.code, int) else 2
    assert status in (0, 1, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert_inert(out.getvalue())
    assert_inert(err.getvalue())


@settings(max_examples=60, deadline=10000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.sampled_from(["1", "2", "b", "why", "change", "", "32", "3"]), hostile_text)))
def test_fuzz_plain_mode_typed_input(catalog, lines):
    from assistant.faces.plain import PlainSession

    feed = iter(lines)

    def read() -> str:
        try:
            return next(feed) + "\n"
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    assert PlainSession(catalog, read, out).run() == 0
    assert_inert(out.getvalue())
