"""Hostile answers files and intake lists (issue 10): no hang, no memory blow-up, a clear refusal."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from assistant.data.answers_io import MAX_BYTES, MAX_RECORDS, read_answers
from assistant.data.problems import InputInvalid
from tests.conftest import ROOT, run_relief

GOOD = (ROOT / "tests" / "scenarios" / "two-states-advocate.yaml").read_text(encoding="utf-8")
RECORD = """
  - jurisdiction: NM
    record: conviction
    offense: theft
    level: felony
    connection: because
    year: 2014
    age: adult
"""


def refused(path, catalog) -> str:
    started = time.monotonic()
    with pytest.raises(InputInvalid) as info:
        read_answers(path, list(catalog.jurisdictions))
    assert time.monotonic() - started < 2  # at once: never waiting on a pipe, never reading a device dry
    (problem,) = info.value.problems
    return problem.format()


def test_a_pipe_is_refused_without_waiting(catalog, tmp_path):
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading would wait for ever
    assert "not a regular file" in refused(fifo, catalog)


def test_a_device_is_refused_without_reading_it(catalog):
    assert "not a regular file" in refused(Path("/dev/zero"), catalog)


def test_a_folder_is_refused(catalog, tmp_path):
    assert "folder" in refused(tmp_path, catalog)


def test_a_large_file_is_refused_by_size(catalog, tmp_path):
    big = tmp_path / "answers.yaml"
    big.write_text(GOOD + "#" * MAX_BYTES, encoding="utf-8")
    assert "too large" in refused(big, catalog) and "1.0 MiB" in refused(big, catalog)


def test_too_many_records_are_refused_by_count(catalog, tmp_path):
    path = tmp_path / "answers.yaml"
    head = "audience: advocate\ntrafficking_ended: 2016\ndocumentation: [t_visa]\nrecords:"
    path.write_text(head + RECORD * MAX_RECORDS, encoding="utf-8")
    assert len(read_answers(path, list(catalog.jurisdictions)).records) == MAX_RECORDS
    path.write_text(head + RECORD * (MAX_RECORDS + 1), encoding="utf-8")
    message = refused(path, catalog)
    assert f"{MAX_RECORDS + 1} records is too many" in message and f"at most {MAX_RECORDS}" in message


def test_not_utf8_is_named_with_its_line(catalog, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_bytes(GOOD.encode("utf-8").replace(b"Miami", b"Pe\xf1a"))
    assert "not UTF-8" in refused(path, catalog)
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))  # a byte order mark is fine
    assert read_answers(path, list(catalog.jurisdictions)).records


def test_the_commands_refuse_pipes_and_devices_clearly(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for args in (
        ("evaluate", "--answers", str(fifo)),
        ("evaluate", "--answers", "/dev/zero"),
        ("compare", "NM", "OR", "--answers", "/dev/zero"),
        ("screen", str(fifo), "-o", str(tmp_path / "out.csv")),
        ("screen", "/dev/zero", "-o", str(tmp_path / "out.csv")),
        ("screen", str(tmp_path), "-o", str(tmp_path / "out.csv")),
    ):
        result = run_relief(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert "not a regular file" in result.stderr or "folder" in result.stderr
        assert not (tmp_path / "out.csv").exists()
