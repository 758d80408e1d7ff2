"""The privacy promise, proved: no network use anywhere, and nothing written unless asked (then 0600)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import runpy
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import assistant.faces.ui.widgets.choice_list as choice_list
import assistant.faces.ui.widgets.question as question
from assistant.faces.cli import main
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.results import ResultsScreen
from tests.conftest import ROOT

SCENARIO = str(ROOT / "tests" / "scenarios" / "two-states-advocate.yaml")
DRIVE_APP = ROOT / ".ci" / "drive_app.py"  # the same scripted app session CI traces for network use
CONVERSATION = runpy.run_path(str(DRIVE_APP))["CONVERSATION"]


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Creating an internet socket, resolving a name or connecting anywhere fails the test.

    Local AF_UNIX socket pairs stay allowed: asyncio's event loop wakes itself up with one.
    """
    real = socket.socket

    class Guarded(real):  # type: ignore[misc, valid-type]
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
                raise NetworkUsed(f"a network socket was created (family {family})")
            super().__init__(family, type, proto, fileno)

    def refuse(*args, **kwargs):
        raise NetworkUsed("network name lookup or connection attempted")

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, refuse)
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # the guard itself works


def run(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(list(args)) == 0
    return out.getvalue()


def test_commands_and_exports_need_no_network(no_network, tmp_path):
    assert "NM" in run("score", "--format", "json")
    assert run("states")
    assert '"verdict": "' in run("evaluate", "--answers", SCENARIO, "--format", "json")
    assert "Side by side" in run("compare", "NM", "FL", "--answers", SCENARIO, "--format", "markdown", "--ideal")
    assert run("history", "GA", "--format", "html").startswith("<!doctype html>")
    assert run("whatif", "OR", "--set", "offenses_covered=all_offenses")
    run("evaluate", "--answers", SCENARIO, "--format", "html", "-o", str(tmp_path / "summary.html"))
    (tmp_path / "in.csv").write_text(run("screen", "--template"))
    run("screen", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert re.search(r",(likely|possibly)_eligible,", (tmp_path / "out.csv").read_text())  # the example row


async def test_a_whole_conversation_in_the_app_needs_no_network(no_network, catalog, monkeypatch):
    monkeypatch.setattr(choice_list._Grace, "grace", 0.0)
    monkeypatch.setattr(question, "GRACE_SECONDS", 0.0)
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for keys in CONVERSATION:
            await pilot.press(keys)
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f4")
        await pilot.pause()


PLAIN_ANSWERS = "1\nnew mexico\n3\n4\n2\n2\n2014\n1\n2\n2\n2016\n6\n\n"


def test_a_full_session_writes_nothing_anywhere(tmp_path):
    homes = {name: tmp_path / name for name in ("home", "config", "data", "cache", "state", "runtime", "tmp")}
    for folder in homes.values():
        folder.mkdir()
    env = {
        **os.environ,
        "HOME": str(homes["home"]),
        "XDG_CONFIG_HOME": str(homes["config"]),
        "XDG_DATA_HOME": str(homes["data"]),
        "XDG_CACHE_HOME": str(homes["cache"]),
        "XDG_STATE_HOME": str(homes["state"]),
        "XDG_RUNTIME_DIR": str(homes["runtime"]),
        "TMPDIR": str(homes["tmp"]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("RELIEF_DEBUG", None)
    py = [sys.executable]
    steps = [
        ([*py, str(DRIVE_APP)], None),
        ([*py, "-m", "assistant", "--plain"], PLAIN_ANSWERS),
        ([*py, "-m", "assistant", "evaluate", "--answers", SCENARIO], None),
        ([*py, "-m", "assistant", "compare", "NM", "FL", "--answers", SCENARIO], None),
        ([*py, "-m", "assistant", "score"], None),
    ]
    for args, stdin in steps:
        result = subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, (args, result.stderr[-2000:])
    leftovers = {name: sorted(p.name for p in folder.rglob("*")) for name, folder in homes.items()}
    assert all(not files for files in leftovers.values()), leftovers
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(homes)  # nothing in the working folder either


def test_an_explicit_save_is_owner_only(tmp_path):
    target = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain"],
        input=PLAIN_ANSWERS[:-1] + f"{target}\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Only your user account on this computer can open it" in " ".join(
        result.stdout.split()
    )  # plain mode wraps long lines
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert re.search(r"(Likely|Possibly) eligible", target.read_text())


def test_plain_mode_runs_a_whole_conversation_from_piped_input():
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain"],
        input=PLAIN_ANSWERS,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out  # no drawing codes, no colour
    assert "  1. For myself. I want to check my own records." in out
    assert "RECORD 1: A conviction for theft (felony) in New Mexico, 2014" in out
    assert re.search(r"Result: . (Likely|Possibly) eligible", out) and "not legal advice" in out


def test_plain_mode_back_change_and_quit():
    answers = "1\nnew mexico\nb\ntexas\n3\nchange\n2\n4\n" + "quit\n"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain"],
        input=answers,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.count("Where is the record from?") >= 2  # asked again after "b"
    assert "-> Texas (TX)" in result.stdout  # "change" lists the answers so far
    assert "RESULTS" not in result.stdout  # quit leaves at once
    assert Path(ROOT).exists()


SPY = """
from pathlib import Path
import os


class Spy:
    def new_schema_validator(self, schema, schema_type, schema_type_path, schema_kind, config, plugin_settings):
        Path(os.environ["SPY_SAW"]).write_text("saw a validator")
        return None, None, None


plugin = Spy()
"""


def test_no_pydantic_plugin_installed_alongside_sees_the_answers(tmp_path):
    """A pydantic plugin (found through any installed package's entry points) watches every validation."""
    site = tmp_path / "site"
    (site / "spy-1.0.dist-info").mkdir(parents=True)
    (site / "spy.py").write_text(SPY)
    (site / "spy-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: spy\nVersion: 1.0\n")
    (site / "spy-1.0.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spy:plugin\n")
    saw = tmp_path / "saw.txt"
    env = {**os.environ, "PYTHONPATH": str(site), "SPY_SAW": str(saw)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    # The spy works: any other program using pydantic here would show it every validation
    probe = "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\nM(x=1)\n"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, cwd=tmp_path)
    assert saw.read_text() == "saw a validator"
    saw.unlink()
    command = [sys.executable, "-m", "assistant", "evaluate", "--answers", SCENARIO]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert not saw.exists()
