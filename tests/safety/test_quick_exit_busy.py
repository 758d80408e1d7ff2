"""The quick exit while the engine is busy, in a real pseudo-terminal: at once, and the screen cleared.

The engine is made slow on purpose (a busy loop holding the interpreter, as a long evaluation
does). Before the results moved to a worker thread, Ctrl+Q waited for the evaluation to end.
"""

from __future__ import annotations

import sys
import time

import pytest

from tests.safety.ptyrun import ROOT, Terminal

CLEAR = b"\x1b[H\x1b[2J\x1b[3J"
SLOW_ENGINE = """
import time
import assistant.core.eligibility as eligibility
real = eligibility.assess
def slow(*args, **kwargs):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        sum(range(2000))
    return real(*args, **kwargs)
eligibility.assess = slow
from assistant.faces.cli import main
raise SystemExit(main(["--answers", {answers!r}]))
"""


@pytest.mark.parametrize("keys", [b"\x11", b"\x03"], ids=["ctrl+q", "ctrl+c"])
def test_quick_exit_while_the_results_are_worked_out(keys):
    answers = str(ROOT / "benchmarks" / "answers-all-unsure.yaml")
    term = Terminal([sys.executable, "-c", SLOW_ENGINE.format(answers=answers)])
    try:
        term.wait_for(b"Working out the results")
        term.read(0.3)
        pressed = time.perf_counter()
        term.send(keys)
        status = term.wait_exit(timeout=10)
        elapsed = time.perf_counter() - pressed
    finally:
        term.close()
    assert status == 0
    left = term.after_app()
    assert CLEAR in left and left.rsplit(CLEAR, 1)[-1].strip() == b""
    print(f"quick exit ({keys!r}) during a 20 s evaluation: {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0  # a guard on a shared machine; the engine alone would take 20 s
