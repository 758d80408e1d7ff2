"""Quick-exit timing in a real pseudo-terminal: from the key press to the process ending.

    .venv/bin/python benchmarks/quick_exit.py [--runs 10]

Target: under 100 ms. (The tests check the behaviour: status 0, screen and scrollback cleared.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.safety.ptyrun import Terminal, relief


def once(key: bytes) -> float:
    term = Terminal(relief())
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.5)
        start = time.perf_counter()
        term.send(key)
        term.wait_exit()
        return time.perf_counter() - start
    finally:
        term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    for name, key in (("Ctrl+Q", b"\x11"), ("Ctrl+C", b"\x03")):
        times = [once(key) for _ in range(args.runs)]
        print(
            f"{name}: median {1000 * statistics.median(times):.1f} ms, max {1000 * max(times):.1f} ms "
            f"over {args.runs} runs (target < 100 ms)"
        )


if __name__ == "__main__":
    main()
