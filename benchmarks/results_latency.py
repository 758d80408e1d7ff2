"""Results latency in the app: from the key that gives the last answer to the results on screen.

    .venv/bin/python benchmarks/results_latency.py [--runs 7] [--screen-only]

In process, headless, at 80x24. For each answers file the app opens on its results; the benchmark
presses C (change an answer), Enter on the last answer (the documents), then Enter to confirm it
again, and times that last Enter until the results screen is the active screen with every card
mounted, and the screen has been painted once. Two ways of pressing that Enter:

- "key": the Enter goes in the way a terminal's key does (the driver's message queue), and the
  clock stops at the first paint of the results. This is what a person waits for; the target
  applies to it.
- "pilot": Textual's test driver, `Pilot.press`. It returns only after its idle wait (it sleeps in
  20 ms steps until the process's CPU time stops moving, twice), so it adds 40 ms or more of its
  own while the worker thread is busy. Kept as the figure earlier sessions reported.

Targets (issue 14): one known record within 150 ms; every answer "not sure" within 300 ms.

--screen-only reuses each file's assessment, so the engine costs nothing: what the screen adds.

Figures on the shared 2-core machine (median of 7):
    before (evaluation and drawing on the event loop), pilot: one record 762-1033 ms, all unsure 3008-3044 ms
    worker thread, cards laid out in it, pilot:               one record 146-169 ms,  all unsure 1411-2232 ms
    2026-12-01 (engine fast for unsure answers), pilot:      one record 150-188 ms,  all unsure 185-225 ms
      the same code, key:                                     one record 121-130 ms,  all unsure 190-191 ms
    the "working" note only after 0.1 s (not drawn while the results are worked out), key:
                                                              one record  92-104 ms,  all unsure 126-143 ms
      the same code, pilot:                                   one record 151-187 ms,  all unsure 188-231 ms
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = {
    "one known record": ROOT / "benchmarks" / "answers-one-record.yaml",
    "all unsure": ROOT / "benchmarks" / "answers-all-unsure.yaml",
}
TARGETS_MS = {"one known record": 150, "all unsure": 300}


def results_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """The results screen is active and every Markdown block in it is mounted."""
    from textual.widgets import Markdown

    screen = app.screen
    if type(screen).__name__ != "ResultsScreen" or not screen.is_mounted:
        return False
    if getattr(screen, "pending", False):  # drawn while the evaluation still runs: not yet results
        return False
    cards = list(screen.query(".card"))
    if not cards:
        return False
    return all(md.children and not md.lock.is_locked for md in screen.query(Markdown))


async def once(catalog, answers, how: str) -> float:  # type: ignore[no-untyped-def]
    from textual import events

    from assistant.faces.ui.app import make_app

    app = make_app(catalog, answers)
    async with app.run_test(size=(80, 24)) as pilot:
        while not results_shown(app):
            await asyncio.sleep(0.005)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # change the last answer (documents)
        await pilot.pause(0.1)
        start = time.perf_counter()
        if how == "pilot":
            await pilot.press("enter")  # confirm it: the last answer
        else:  # as a terminal's key arrives: into the driver's queue, nobody waiting on it
            key = events.Key("enter", "\r")
            key.set_sender(app)
            app._driver.send_message(key)  # type: ignore[union-attr]
        while not results_shown(app):
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.screen.call_after_refresh(painted.set)
        await painted.wait()
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--screen-only",
        action="store_true",
        help="reuse each file's assessment (the engine costs nothing): what the screen side alone adds",
    )
    args = parser.parse_args()

    import assistant.faces.ui.widgets.choice_list as choice_list
    import assistant.faces.ui.widgets.question as question
    from assistant.data.answers_io import read_answers
    from assistant.data.catalog import load_catalog

    choice_list._Grace.grace = 0.0
    question.GRACE_SECONDS = 0.0
    catalog = load_catalog()
    if args.screen_only:
        import assistant.core.eligibility as eligibility

        real, done = eligibility.assess, {}

        def cached(catalog, answers, *rest, **kw):  # type: ignore[no-untyped-def]
            key = answers.model_dump_json()
            if key not in done:
                done[key] = real(catalog, answers, *rest, **kw)
            return done[key]

        eligibility.assess = cached
    for name, path in FILES.items():
        answers = read_answers(path, list(catalog.jurisdictions))
        asyncio.run(once(catalog, answers, "key"))  # warm up: imports, template compilation
        for how in ("key", "pilot"):
            times = [asyncio.run(once(catalog, answers, how)) for _ in range(args.runs)]
            print(
                f"{name:17s} ({how:5s}) last answer -> results on screen: "
                f"median {1000 * statistics.median(times):7.1f} ms, min {1000 * min(times):7.1f} ms, "
                f"max {1000 * max(times):7.1f} ms over {args.runs} runs (target < {TARGETS_MS[name]} ms, key)"
            )


if __name__ == "__main__":
    main()
