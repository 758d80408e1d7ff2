"""UI benchmarks (informational, never a test): run with the project's venv.

    .venv/bin/python benchmarks/ui_bench.py [--runs 15]

1. Time to the first question, headless, in a fresh process: our app (welcome screen with the
   first question) against a minimal Textual app that shows one Static. Reported as a ratio.
2. Time from an answer to the next question on screen, in process (median over a conversation).
3. Peak memory (max RSS) at the results screen against the minimal app at its first frame.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each child prints the wall-clock time at which its first screen has been painted.
MINIMAL = """
import time
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("Hello")
    def on_mount(self):
        self.call_after_refresh(lambda: (print(time.time(), flush=True), self.exit()))
Minimal().run(headless=True)
"""

OURS = """
import time
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.welcome import WelcomeScreen
def painted(self):
    self.app.call_after_refresh(lambda: (print(time.time(), flush=True), self.app.exit()))
WelcomeScreen.on_mount = painted
app = make_app()
app.run(headless=True)
"""

RESULTS_MEMORY = """
import asyncio, resource, sys
from assistant.data.catalog import load_catalog
from assistant.data.answers_io import read_answers
from assistant.faces.ui.app import make_app
catalog = load_catalog()
from pathlib import Path
answers = read_answers(Path(sys.argv[1]), list(catalog.jurisdictions))
app = make_app(catalog, answers)
async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        assert type(app.screen).__name__ == "ResultsScreen"
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

MINIMAL_MEMORY = MINIMAL.replace("print(time.time(), flush=True), ", "").replace(
    "Minimal().run(headless=True)",
    "Minimal().run(headless=True)\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
)


PYTHON = sys.executable
CWD = ROOT


def wall(code: str, *args: str) -> float:
    """Seconds from starting the process to its first painted screen."""
    start = time.time()
    out = subprocess.run([PYTHON, "-c", code, *args], check=True, cwd=CWD, capture_output=True, text=True)
    return float(out.stdout.split()[0]) - start


def rss_kib(code: str, *args: str) -> int:
    out = subprocess.run([PYTHON, "-c", code, *args], check=True, cwd=CWD, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


async def answer_latency(samples: list[float]) -> None:
    """From the key that answers (handled by the option list) to the next question painted on screen."""
    import assistant.faces.ui.widgets.choice_list as choice_list
    import assistant.faces.ui.widgets.question as question
    from assistant.faces.ui.app import make_app
    from assistant.faces.ui.widgets.choice_list import ChoiceList
    from assistant.faces.ui.widgets.question import QuestionBox

    choice_list._Grace.grace = 0.0
    question.GRACE_SECONDS = 0.0
    marks: dict[str, float] = {}
    select = ChoiceList.action_select
    mounted = QuestionBox.on_mount

    def timed_select(self: ChoiceList) -> None:
        marks["pressed"] = time.perf_counter()
        select(self)

    def timed_mount(self: QuestionBox) -> None:
        mounted(self)
        # After the next screen refresh the new question is on screen.
        self.call_after_refresh(lambda: marks.__setitem__("painted", time.perf_counter()))

    ChoiceList.action_select = timed_select  # type: ignore[method-assign]
    QuestionBox.on_mount = timed_mount  # type: ignore[method-assign]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press(*"new mexico", "enter")
        await pilot.pause()
        for key in ["3", "4", "2", "2", "down", "enter", "1", "2"]:
            marks.clear()
            await pilot.press(key)
            await pilot.pause(0.05)
            if "pressed" in marks and "painted" in marks:
                samples.append(marks["painted"] - marks["pressed"])
    ChoiceList.action_select = select  # type: ignore[method-assign]
    QuestionBox.on_mount = mounted  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--wheel", action="store_true", help="time the installed wheel (with its data snapshot)")
    args = parser.parse_args()
    global PYTHON, CWD
    if args.wheel:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from startup import install_wheel

        PYTHON = str(install_wheel())
        CWD = Path(PYTHON).parent  # anywhere outside the checkout
    wall(MINIMAL), wall(OURS)  # warm caches
    ours, minimal = [], []
    for _ in range(args.runs):
        minimal.append(wall(MINIMAL))
        ours.append(wall(OURS))
    m, o = statistics.median(minimal), statistics.median(ours)
    print(f"first question (headless, fresh process, {args.runs} runs interleaved):")
    print(f"  minimal Textual app   median {1000 * m:6.1f} ms   min {1000 * min(minimal):6.1f} ms")
    print(f"  relief app (welcome)  median {1000 * o:6.1f} ms   min {1000 * min(ours):6.1f} ms")
    print(f"  ratio (median) {o / m:.2f}   ratio (min) {min(ours) / min(minimal):.2f}   target <= 1.3")

    samples: list[float] = []
    asyncio.run(answer_latency(samples))
    print(
        f"answer -> next question on screen: median {1000 * statistics.median(samples):.1f} ms, "
        f"max {1000 * max(samples):.1f} ms over {len(samples)} answers (target < 50 ms)"
    )

    answers = str(ROOT / "tests" / "scenarios" / "two-states-advocate.yaml")
    ours_rss, base_rss = rss_kib(RESULTS_MEMORY, answers), rss_kib(MINIMAL_MEMORY)
    print(
        f"peak memory: results screen {ours_rss / 1024:.1f} MiB vs minimal app {base_rss / 1024:.1f} MiB "
        f"(ratio {ours_rss / base_rss:.2f})"
    )


if __name__ == "__main__":
    main()
