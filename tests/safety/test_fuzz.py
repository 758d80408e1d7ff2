"""Fuzzing the readers with Hypothesis: mutated data files, answers files and CSVs.

Every input must end in a result or in clear messages naming the problem: never an uncaught
exception (a traceback) and never a hang (each example has a deadline). Run with
--hypothesis-show-statistics to see how many cases ran.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.answers_io import parse_answers
from assistant.catalog import validate_paths
from assistant.files import WriteRefused
from assistant.problems import InputInvalid, Problem
from assistant.screening import screen_file
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
