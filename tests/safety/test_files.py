"""Files all or nothing (issue 10): a failure part way leaves no partial file and, with --force,
the original whole; the output is never the input under another name; a link is never followed."""

from __future__ import annotations

import csv
import errno
import os
import resource
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

from assistant.data import files
from assistant.data.files import AlreadyExists, WriteRefused, private_file, write_private
from assistant.data.problems import InputInvalid
from assistant.faces.screening import ANSWER_COLUMNS, Screener, screen_file
from tests.conftest import ROOT, run_relief
from tests.factories import INTAKE_ROW

ROW = INTAKE_ROW
ORIGINAL = "the original, which must survive\n"


def intake(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ANSWER_COLUMNS)
        writer.writeheader()
        for i in range(rows):
            writer.writerow({**ROW, "client_id": f"C{i}", "jurisdiction": ["NM", "OR", "NY", "TX"][i % 4]})
    return path


def leftovers(folder: Path, *keep: Path) -> list[str]:
    """Files in `folder` other than `keep`: a temporary file left behind would show here."""
    return sorted(p.name for p in folder.iterdir() if p not in keep)


class DiskFull:
    """A file handle that fills the disk after `room` characters, as a real write would fail."""

    def __init__(self, handle, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, text: str) -> int:
        self.room -= len(text)
        if self.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.handle.write(text)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


def fill_disk_after(monkeypatch, room: int) -> None:
    real = os.fdopen
    fake_os = types.SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    fake_os.fdopen = lambda fd, *a, **k: DiskFull(real(fd, *a, **k), room)
    monkeypatch.setattr(files, "os", fake_os)


def test_disk_full_part_way_leaves_no_file(tmp_path, monkeypatch):
    fill_disk_after(monkeypatch, 100)
    target = tmp_path / "summary.md"
    with pytest.raises(WriteRefused, match="No space left on device"):
        write_private(target, "x" * 1000)
    assert leftovers(tmp_path) == []


def test_disk_full_while_replacing_keeps_the_original(tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    target.write_text(ORIGINAL)
    fill_disk_after(monkeypatch, 100)
    with pytest.raises(WriteRefused):
        write_private(target, "x" * 1000, overwrite=True)
    assert target.read_text() == ORIGINAL and leftovers(tmp_path, target) == []


def test_a_failed_sync_leaves_no_file(tmp_path, monkeypatch):
    def no_room(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    fake_os = types.SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    fake_os.fsync = no_room
    monkeypatch.setattr(files, "os", fake_os)
    with pytest.raises(WriteRefused):
        write_private(tmp_path / "a.txt", "text")
    assert leftovers(tmp_path) == []


def test_the_file_appears_only_when_complete_and_owner_only(tmp_path):
    target = tmp_path / "out.txt"
    with private_file(target) as handle:
        handle.write("part one\n")
        assert not target.exists()  # nothing under the name while writing
        (temp,) = tmp_path.iterdir()
        assert stat.S_IMODE(temp.stat().st_mode) == 0o600
    assert target.read_text() == "part one\n" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path, target) == []
    with pytest.raises(AlreadyExists):
        write_private(target, "again")
    os.chmod(target, 0o644)
    write_private(target, "replaced", overwrite=True)
    assert target.read_text() == "replaced" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_created_meanwhile_is_not_replaced(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(AlreadyExists), private_file(target) as handle:
        handle.write("mine")
        target.write_text(ORIGINAL)  # someone else took the name while we wrote
    assert target.read_text() == ORIGINAL and leftovers(tmp_path, target) == []


def test_ctrl_c_late_in_screen_leaves_no_file_and_keeps_the_original(catalog, tmp_path, monkeypatch):
    source = intake(tmp_path / "in.csv", 50)
    target = tmp_path / "out.csv"
    target.write_text(ORIGINAL)
    real = Screener.result
    calls = []

    def interrupted(self, answers):
        calls.append(1)
        if len(calls) == 40:
            raise KeyboardInterrupt
        return real(self, answers)

    monkeypatch.setattr(Screener, "result", interrupted)
    with pytest.raises(KeyboardInterrupt):
        screen_file(catalog, source, target, overwrite=True)
    assert target.read_text() == ORIGINAL and leftovers(tmp_path, source, target) == []


def test_a_crash_on_a_late_row_leaves_no_file(catalog, tmp_path, monkeypatch):
    source = intake(tmp_path / "in.csv", 50)
    calls = []

    def broken(self, answers):
        calls.append(1)
        if len(calls) == 45:
            raise RuntimeError("a bug found late")
        return Screener.__dict__["_real"](self, answers)

    monkeypatch.setattr(Screener, "_real", Screener.result, raising=False)
    monkeypatch.setattr(Screener, "result", broken)
    with pytest.raises(RuntimeError):
        screen_file(catalog, source, tmp_path / "out.csv")
    assert leftovers(tmp_path, source) == []


def limited(max_bytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return apply


def run_limited(max_bytes: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("RELIEF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        preexec_fn=limited(max_bytes),
    )


def test_file_size_limit_in_screen_keeps_the_original(tmp_path):
    source = intake(tmp_path / "in.csv", 400)  # about 150 kB of results
    target = tmp_path / "out.csv"
    target.write_text(ORIGINAL)
    result = run_limited(20_000, "screen", str(source), "-o", str(target), "--force")
    assert result.returncode == 2, result.stderr
    assert "not saved" in result.stderr and "File too large" in result.stderr
    assert target.read_text() == ORIGINAL and leftovers(tmp_path, source, target) == []


def test_file_size_limit_in_evaluate_leaves_no_file(tmp_path):
    target = tmp_path / "report.md"
    answers = str(ROOT / "tests" / "scenarios" / "two-states-advocate.yaml")
    result = run_limited(2_000, "evaluate", "--answers", answers, "--format", "markdown", "-o", str(target))
    assert result.returncode == 2 and "File too large" in result.stderr, result.stderr
    assert "Saved" not in result.stderr and leftovers(tmp_path) == []


def test_a_hard_link_to_the_input_is_refused(tmp_path):
    source = intake(tmp_path / "in.csv", 3)
    before = source.read_bytes()
    os.link(source, tmp_path / "out.csv")
    result = run_relief("screen", str(source), "-o", str(tmp_path / "out.csv"), "--force")
    assert result.returncode == 1 and "different file from the input" in result.stderr
    assert source.read_bytes() == before


def test_a_symbolic_link_to_the_input_is_refused(tmp_path):
    source = intake(tmp_path / "in.csv", 3)
    before = source.read_bytes()
    (tmp_path / "out.csv").symlink_to(source)
    result = run_relief("screen", str(source), "-o", str(tmp_path / "out.csv"), "--force")
    assert result.returncode == 1 and "different file from the input" in result.stderr
    assert source.read_bytes() == before


def test_the_input_under_another_name_is_refused_by_the_writer_too(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(ORIGINAL)
    os.link(source, tmp_path / "same.csv")
    with (
        pytest.raises(WriteRefused, match="input file"),
        private_file(tmp_path / "same.csv", overwrite=True, inputs=[source]),
    ):
        pass
    assert source.read_text() == ORIGINAL


def test_force_does_not_follow_a_link_to_replace_its_target(tmp_path):
    precious = tmp_path / "bashrc"
    precious.write_text(ORIGINAL)
    link = tmp_path / "report.md"
    link.symlink_to(precious)
    answers = str(ROOT / "tests" / "scenarios" / "two-states-advocate.yaml")
    result = run_relief("evaluate", "--answers", answers, "-o", str(link), "--force")
    assert result.returncode == 2 and "is a link to" in result.stderr and "not followed" in result.stderr
    assert precious.read_text() == ORIGINAL and link.is_symlink()
    again = run_relief("evaluate", "--answers", answers, "-o", str(link))
    assert again.returncode == 2 and "is a link to" in again.stderr and "--force" not in again.stderr
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(WriteRefused, match="is a link"):
        write_private(dangling, "x")
    assert not (tmp_path / "nowhere").exists()


def test_evaluate_never_writes_over_its_answers_file(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text((ROOT / "tests" / "scenarios" / "two-states-advocate.yaml").read_text())
    before = answers.read_text()
    os.link(answers, tmp_path / "report.md")
    for target in (answers, tmp_path / "report.md"):
        result = run_relief("evaluate", "--answers", str(answers), "-o", str(target), "--force")
        assert result.returncode == 2 and "is the input file" in result.stderr
    assert answers.read_text() == before


def test_a_pipe_or_device_is_not_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WriteRefused, match="not a regular file"):
        write_private(fifo, "x", overwrite=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(WriteRefused, match="not a regular file"):
        write_private(Path("/dev/null"), "x", overwrite=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_screen_refuses_an_existing_output_before_reading(catalog, tmp_path):
    source = intake(tmp_path / "in.csv", 3)
    (tmp_path / "out.csv").write_text(ORIGINAL)
    with pytest.raises(AlreadyExists):
        screen_file(catalog, source, tmp_path / "out.csv")
    with pytest.raises(InputInvalid):
        screen_file(catalog, source, source, overwrite=True)
    assert (tmp_path / "out.csv").read_text() == ORIGINAL


def test_a_file_is_written_in_the_format_its_name_says():
    from assistant.data.files import FormatNotOffered, named_format

    offered = ["markdown", "text", "html"]
    assert named_format("a.TXT", offered, "markdown") == ("text", "a.TXT")
    assert named_format("a.htm", offered, "markdown") == ("html", "a.htm")
    assert named_format("notes", offered, "markdown") == ("markdown", "notes.md")  # the name says what is inside
    assert named_format("v1.2", offered, "text") == ("text", "v1.2.txt")  # an unknown ending is not a format
    with pytest.raises(FormatNotOffered, match=r"can be saved as \.md, \.txt, \.html, not \.json"):
        named_format("a.json", offered, "markdown")


def test_the_written_path_is_the_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write_private(Path("rel.txt"), "x") == tmp_path / "rel.txt"


def test_a_folder_is_not_a_file_name(tmp_path):
    from assistant.data.files import NameRefused, named_format

    for name in (str(tmp_path), str(tmp_path) + "/", "somewhere/"):
        with pytest.raises(NameRefused, match="is a folder: add a file name"):
            named_format(name, ["text"], "text")
