"""Cold-start benchmark: a command of ours against `python -c "import yaml, jinja2"`, as a ratio.

Runs each command many times in fresh interpreters (interleaved, so load on the machine hits both
alike) and reports the median and minimum wall time. Informational: nothing here fails a build.

    .venv/bin/python benchmarks/startup.py [--runs 21] [--command "score --format json"]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CWD: Path | None = None  # with --wheel: run outside the checkout, so `-m assistant` is the installed one


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True, cwd=CWD)
    return time.perf_counter() - start


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the file cache and .pyc files
        wall(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(wall(cmd, env))
    return times


def install_wheel() -> Path:
    """Build the project's wheel and install it into a fresh venv under a temporary folder."""
    import tempfile
    import venv

    tmp = Path(tempfile.mkdtemp(prefix="relief-bench-"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp), str(ROOT)], check=True)
    venv.EnvBuilder(with_pip=True).create(tmp / "venv")
    python = tmp / "venv" / "bin" / "python"
    (wheel,) = tmp.glob("*.whl")
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--command", default="score --format json", help="relief arguments to time")
    parser.add_argument(
        "--wheel", action="store_true", help="build the wheel and time it installed in a fresh venv (uses its snapshot)"
    )
    args = parser.parse_args()
    global CWD
    py = sys.executable
    if args.wheel:
        py = str(install_wheel())
        CWD = Path(py).parent
    commands = {
        "baseline: python -c 'import yaml, jinja2'": [py, "-c", "import yaml, jinja2"],
        f"relief {args.command}": [
            py,
            "-m",
            "assistant",
            *(str(ROOT / a) if a.endswith((".yaml", ".json", ".csv")) else a for a in args.command.split()),
        ],
    }
    times = measure(commands, args.runs)
    names = list(commands)
    base = statistics.median(times[names[0]])
    print(f"{args.runs} runs each, interleaved; Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for name in names:
        t = times[name]
        print(f"  {name:45s} median {1000 * statistics.median(t):7.1f} ms   min {1000 * min(t):7.1f} ms")
    ratio = statistics.median(times[names[1]]) / base
    ratio_min = min(times[names[1]]) / min(times[names[0]])
    print(
        f"  ratio (median): {ratio:.2f}   ratio (min): {ratio_min:.2f}   "
        "targets: score <= 2.5, evaluate all-unsure <= 3 (issue 14)"
    )


if __name__ == "__main__":
    main()
