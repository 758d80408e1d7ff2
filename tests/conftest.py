from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.data.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
# Every test, and every command a test runs, sees the same "today" (assistant/models/clock.py): no result,
# golden or deadline changes with the calendar. The suite is also run with the real clock moved to
# 2030 (benchmarks/clock_check.sh) to show nothing reads the clock around this.
TODAY = "2026-12-01"
os.environ["RELIEF_TODAY"] = TODAY


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(ROOT)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the project's data folders that a test may break."""
    for name in ("rubric", "states", "flows", "guides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def run_relief(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None):
    """Run the real command in a subprocess, as a person would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("RELIEF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        input=stdin,
        timeout=120,
    )
