"""An installed wheel finds its data: build it, install it into a fresh venv outside the repo, run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_scores_every_jurisdiction(tmp_path: Path, catalog):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("relief_assistant-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=600
    )
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("RELIEF_DATA_DIR", "PYTHONPATH")}
    result = subprocess.run(
        [str(env_dir / "bin" / "relief"), "score", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    codes = [j["code"] for j in json.loads(result.stdout)["jurisdictions"]]
    assert codes == sorted(catalog.jurisdictions)
    where = subprocess.run(
        [str(python), "-c", "from assistant.data.paths import data_root; print(data_root())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    assert "site-packages" in where.stdout and "_data" in where.stdout
