"""The `relief` command. A thin layer: parse arguments, call the core, print.

Heavy modules (Textual, Jinja2) are imported only by the commands that need them, so the data
commands start fast. Nothing here writes a file unless a command is asked to.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__

if TYPE_CHECKING:
    from ..data.catalog import Catalog
    from ..models.answers import Answers

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_CRASH = 70

CRASH_MESSAGE = (
    "Something went wrong inside relief-assistant and it stopped. Nothing was saved.\n"
    "Please try again. If it keeps happening, tell the project (set RELIEF_DEBUG=1 to see details)."
)


class UsageError(Exception):
    """A mistake in how the command was called; the message says how to fix it."""


def _write(text: str, stream: TextIO | Any = None) -> None:
    """Every line this command prints goes out here: control sequences from input never reach the terminal."""
    from ..data.safe_text import clean

    (stream or sys.stdout).write(clean(text))


def _say(text: str = "", stream: TextIO | None = None) -> None:
    _write(text + "\n", stream)


def _tell(text: str = "") -> None:
    """A message for the person (standard error), cleaned like everything else."""
    _write(text + "\n", sys.stderr)


def _load() -> Catalog:
    from ..data.catalog import load_catalog

    catalog = load_catalog()
    # One command, then the process ends: the data lives to the end, so later collections need not
    # walk it again and again (gc.freeze; a long-running face does not do this). Collection was off
    # while the modules and the data were loaded (see main): from here on it runs as usual.
    gc.freeze()
    gc.enable()
    return catalog


def _codes(catalog: Catalog, codes: Sequence[str]) -> list[str]:
    """Jurisdictions by code or name, forgiving case and typos ("Georgia", "texass" and "ga" all work)."""
    from ..core.places import find_places

    names = {code: j.name for code, j in catalog.jurisdictions.items()}
    out = []
    for raw in codes:
        found = find_places(raw, names)
        if len(found) != 1:
            hint = f" Did you mean {' or '.join(f'{names[c]} ({c})' for c in found)}?" if found else ""
            known = ", ".join(names)
            raise UsageError(f"'{raw}' is not one place we have.{hint} Give a name or one of: {known}")
        out.append(found[0])
    return out


def cmd_score(args: argparse.Namespace) -> int:
    from ..core import scoring
    from ..render import report

    catalog = _load()
    codes = _codes(catalog, args.codes)
    if args.rubric not in (None, *catalog.rubrics):
        raise UsageError(f"no rubric called '{args.rubric}'. Rubrics: {', '.join(catalog.rubrics)}")
    rubric = catalog.rubrics[args.rubric or catalog.default_rubric_id]
    cards = scoring.scorecards(catalog, rubric.id, args.as_of, codes)
    if args.format == "json":
        _say(report.score_json(cards, rubric, args.as_of))
    elif args.format == "csv":
        _write(report.score_csv(cards, rubric))
    else:
        if args.as_of:
            _say(f"Law as in force on {args.as_of}.")
        _say(report.score_table(cards, rubric))
    return EXIT_OK


def cmd_states(args: argparse.Namespace) -> int:
    from ..data.safe_text import dumps
    from ..models.clock import today as clock_today
    from ..render import report

    catalog = _load()
    today = clock_today()
    if args.format == "json":
        _say(dumps(report.states_rows(catalog, today), indent=2))
    else:
        _say(report.states_table(catalog, today))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from ..data.catalog import load_catalog, validate_paths
    from ..data.problems import format_problems

    problems = validate_paths([Path(p) for p in args.paths])
    if problems:
        _tell(format_problems(problems))
        return EXIT_DATA
    if args.paths:
        _say(f"No problems found in {', '.join(args.paths)}.")
    else:
        catalog = load_catalog()
        _say(
            f"All data is valid: {len(catalog.rubrics)} {'rubric' if len(catalog.rubrics) == 1 else 'rubrics'}, "
            f"{len(catalog.jurisdictions)} jurisdictions "
            f"in {catalog.root}."
        )
    return EXIT_OK


def _not_saved(exc: Exception) -> UsageError:
    from ..data.files import AlreadyExists

    hint = " (use --force to replace it)" if isinstance(exc, AlreadyExists) else ""
    return UsageError(f"not saved: {exc}{hint}")


def _emit(text: str, args: argparse.Namespace) -> int:
    """Print, or write to -o FILE (owner-only; an existing file only with --force)."""
    from ..data.safe_text import clean

    text = clean(text)  # the file may be shown on a terminal later
    output = getattr(args, "output", None)
    if not output:
        _write(text)
        return EXIT_OK
    from ..data.files import WriteRefused, write_private

    try:
        answers = getattr(args, "answers", None)  # never written over, under any name
        path = write_private(Path(output), text, overwrite=args.force, inputs=[Path(answers)] if answers else [])
    except WriteRefused as exc:
        raise _not_saved(exc) from None
    from ..data.files import WHO_CAN_OPEN

    _tell(f"Saved to {path}. {WHO_CAN_OPEN}")
    return EXIT_OK


def _answers(catalog: Catalog, path: str | None) -> Answers | None:
    if path is None:
        return None
    if not path.strip():
        raise UsageError("give the answers file's name after --answers")
    from ..data.answers_io import read_answers

    return read_answers(Path(path), list(catalog.jurisdictions), catalog.felony_class_codes())


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..core.eligibility import assess
    from ..render.explain import render

    catalog = _load()
    answers = _answers(catalog, args.answers)
    assert answers is not None  # --answers is required
    return _emit(render(assess(catalog, answers), catalog, args.format), args)


def cmd_compare(args: argparse.Namespace) -> int:
    from ..core.compare import compare
    from ..render.export import comparison

    catalog = _load()
    codes = _codes(catalog, args.codes)
    if not 2 <= len(codes) + (1 if args.ideal else 0) <= 5 or len(codes) > 4:
        raise UsageError("compare two to four jurisdictions (add --ideal for the ideal statute as well)")
    answers = _answers(catalog, args.answers)
    comp = compare(catalog, codes, answers, include_ideal=args.ideal)
    fmt = "text" if args.format == "table" else args.format
    voice = answers.voice if answers is not None else "advocate"  # a survivor's own file speaks to them
    return _emit(comparison(catalog, comp, fmt, voice), args)


def _place_page(args: argparse.Namespace, make: Callable[[Catalog, str], str], title: str) -> int:
    """One jurisdiction's Markdown page (history, guide), or a printable page with --format html."""
    from ..render.explain import to_html

    catalog = _load()
    (code,) = _codes(catalog, [args.code])
    text = make(catalog, code)
    if args.format == "html":
        text = to_html(text, f"{catalog.jurisdictions[code].name}: {title}")
    return _emit(text, args)


def cmd_history(args: argparse.Namespace) -> int:
    from ..render.export import history_markdown

    return _place_page(args, history_markdown, "how the law changed")


def cmd_guide(args: argparse.Namespace) -> int:
    from ..render.export import guide_markdown

    return _place_page(args, guide_markdown, "how to file")


def cmd_whatif(args: argparse.Namespace) -> int:
    from ..render.explain import to_html
    from ..render.export import brief

    catalog = _load()
    (code,) = _codes(catalog, [args.code])
    changes = []
    for item in args.set or []:
        category_id, _, level = item.partition("=")
        category = catalog.rubric.category(category_id)
        if category is None:
            raise UsageError(
                f"no category '{category_id}'. Categories: {', '.join(c.id for c in catalog.rubric.categories)}"
            )
        if category.level(level) is None:
            raise UsageError(f"'{level}' is not a level of {category_id}. Levels: {', '.join(category.codes)}")
        changes.append((category_id, level))
    text = brief(catalog, code, changes)
    if args.format == "html":
        text = to_html(text, f"{catalog.jurisdictions[code].name}: how to raise its grade")
    return _emit(text, args)


def cmd_screen(args: argparse.Namespace) -> int:
    from .screening import screen_file, template

    if args.template:
        sys.stdout.write(template())
        return EXIT_OK
    if not args.input or not args.output:
        raise UsageError("give an input CSV and -o OUTPUT.csv (or --template to print the header)")
    encoding = None
    if args.encoding:
        from ..data.intake_csv import check_encoding

        try:
            encoding = check_encoding(args.encoding)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    catalog = _load()
    show = sys.stderr.isatty()

    def progress(rows: int) -> None:
        if show:
            print(f"\rScreened {rows:,} rows...", end="", file=sys.stderr, flush=True)

    from ..data.files import WriteRefused

    try:
        summary = screen_file(
            catalog, Path(args.input), Path(args.output), overwrite=args.force, progress=progress, encoding=encoding
        )
    except WriteRefused as exc:
        raise _not_saved(exc) from None
    if show:
        print("\r", end="", file=sys.stderr)
    from ..data.files import WHO_CAN_OPEN

    _tell(
        f"{summary.rows} rows: {summary.screened} screened, {summary.bad} with errors. Results in {args.output}. "
        + WHO_CAN_OPEN
    )
    for line in summary.errors:
        _tell(f"  {line}")
    if summary.bad > len(summary.errors):
        _tell(f"  ... and {summary.bad - len(summary.errors)} more; see the errors column.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    _load()  # refuse to start on invalid data, as every command does
    from .serve import ServeError, serve

    try:
        return serve(args.port)
    except ServeError as exc:
        raise UsageError(str(exc)) from None


def cmd_schema(args: argparse.Namespace) -> int:
    from ..data.schemas import write_schemas

    for path in write_schemas(Path(args.root) if args.root else None):
        _say(f"wrote {path}")
    return EXIT_OK


def clear_terminal() -> None:
    """Reset the title, clear the screen and the scrollback (see assistant/terminal.py)."""
    from .terminal import WIPE, is_terminal

    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is not None and is_terminal(stream):
            stream.write(WIPE)
            stream.flush()
            return
    sys.stdout.write(WIPE)
    sys.stdout.flush()


def run_app(args: argparse.Namespace) -> int:
    gc.enable()  # a long-running face collects as usual
    if args.plain:
        from .plain import run_plain

        return run_plain(_load())
    from .ui.app import make_app

    catalog = answers = None
    if args.answers:
        from ..data.answers_io import read_answers

        catalog = _load()
        answers = read_answers(Path(args.answers), list(catalog.jurisdictions), catalog.felony_class_codes())
    app = make_app(catalog, answers, args.theme)  # without a snapshot this validates all data first
    from .terminal import on_leave_signals
    from .ui.quick_exit import leave_on_signal

    with on_leave_signals(lambda signum: leave_on_signal(app, signum)):
        app.run()
    if app.load_failed:
        _tell(app.load_failed)
        return EXIT_DATA
    if app.quick_exited:
        clear_terminal()
        # Leave at once: no waiting for a background thread, nothing to save, nothing else printed.
        os._exit(EXIT_OK)
    if app.crashed:
        _tell(CRASH_MESSAGE)
        return EXIT_CRASH
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse quotes what was typed in its errors ("unrecognized arguments: ..."): cleaned like all output."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            _write(message, file or sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="relief",
        description=(
            "relief-assistant: find out whether a state's law can clear records that came from being "
            "trafficked. Private and offline. Not legal advice."
        ),
        epilog="Run 'relief COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"relief-assistant {__version__}")
    parser.add_argument("--answers", metavar="FILE", help="open the app with a saved answers file")
    parser.add_argument("--theme", choices=("default", "high-contrast"), default="default", help="colours")
    parser.add_argument(
        "--plain", action="store_true", help="the conversation line by line, for screen readers and piping"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("score", help="grade encoded jurisdictions on a rubric (table, json or csv)")
    p.add_argument("codes", nargs="*", metavar="CODE", help="postal codes, DC or US (default: all)")
    p.add_argument("--rubric", metavar="NAME", help="rubric id (default: polaris-2019)")
    p.add_argument("--as-of", metavar="DATE", help="grade the law in force on this date (YYYY[-MM[-DD]])")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("states", help="list encoded jurisdictions with as-of dates and unknown features")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_states)

    p = sub.add_parser("validate", help="check data files; name file, line and field of every problem")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all project data)")
    p.set_defaults(func=cmd_validate)

    def output(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (owner-only) instead of printing")
        p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = sub.add_parser("evaluate", help="evaluate an answers file: verdict, relief, reasons, gaps, next steps")
    p.add_argument("--answers", required=True, metavar="FILE", help="answers file (YAML or JSON)")
    p.add_argument("--format", choices=("markdown", "text", "json", "html"), default="text")
    output(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("compare", help="two to four jurisdictions side by side (and the same facts in each)")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--answers", metavar="FILE", help="evaluate these records in each jurisdiction")
    p.add_argument("--ideal", action="store_true", help="add the ideal statute as a column")
    p.add_argument("--format", choices=("table", "json", "markdown", "html"), default="table")
    output(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("history", help="how a jurisdiction's law and score changed over time")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--format", choices=("markdown", "html"), default="markdown")
    output(p)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("guide", help="a jurisdiction's filing guide: where and how to file, papers, free help")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--format", choices=("markdown", "html"), default="markdown")
    output(p)
    p.set_defaults(func=cmd_guide)

    p = sub.add_parser("whatif", help="a brief: where a law stands and what would raise its grade")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--set", action="append", metavar="CATEGORY=LEVEL", help="change a feature (repeatable)")
    p.add_argument("--format", choices=("markdown", "html"), default="markdown")
    output(p)
    p.set_defaults(func=cmd_whatif)

    p = sub.add_parser(
        "screen",
        help="screen an intake list (CSV): one row per record, results added",
        usage="relief screen INPUT.csv -o OUTPUT.csv [--force] [--encoding NAME]\n       relief screen --template",
    )
    p.add_argument("input", nargs="?", metavar="INPUT.csv")
    p.add_argument("-o", "--output", metavar="OUTPUT.csv")
    p.add_argument("--force", action="store_true", help="replace OUTPUT.csv if it exists")
    p.add_argument("--template", action="store_true", help="print the CSV header to fill in")
    p.add_argument(
        "--encoding", metavar="NAME", help="the input's encoding, e.g. cp1252 (default: found from the file)"
    )
    p.set_defaults(func=cmd_screen)

    p = sub.add_parser("serve", help="the app in a web browser on this computer only (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("schema", help="write the JSON Schemas next to the data (for editors)")
    p.add_argument("--root", metavar="DIR", help="data folder (default: the project's own)")
    p.set_defaults(func=cmd_schema)
    return parser


def _check_as_of(value: str | None) -> None:
    import re

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise UsageError(f"--as-of '{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")


def _no_pydantic_plugins() -> None:
    """A pydantic plugin installed alongside would see every answer validated: none is loaded.

    The switch is pydantic's own; the stand-in loader (used only if pydantic has not yet loaded its
    own) also spares the import of importlib.metadata, about a twentieth of a cold `relief evaluate`,
    which pydantic makes only to look for plugins."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if "pydantic.plugin._loader" not in sys.modules:
        import types

        loader = types.ModuleType("pydantic.plugin._loader", "No pydantic plugins (relief-assistant).")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # called with no arguments: ()
        sys.modules["pydantic.plugin._loader"] = loader


def main(argv: Sequence[str] | None = None) -> int:
    _no_pydantic_plugins()
    # Start-up makes many objects that live to the end (classes, the catalog) and almost no garbage:
    # collecting while they are made is wasted work, about a tenth of a cold `relief evaluate`.
    # Collection comes back on once the data is loaded (_load), for the app, and on the way out.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from ..data.problems import DataInvalid, InputInvalid

    try:
        if args.command is None:
            return run_app(args)
        _check_as_of(getattr(args, "as_of", None))
        return int(args.func(args))
    except InputInvalid as exc:
        _tell(str(exc))
        _tell("Nothing was evaluated. Fix the file and try again.")
        return EXIT_DATA
    except DataInvalid as exc:
        _tell(str(exc))
        _tell("relief-assistant will not start until the data is fixed.")
        return EXIT_DATA
    except UsageError as exc:
        _tell(f"relief: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        if os.environ.get("RELIEF_DEBUG"):
            raise
        _tell(CRASH_MESSAGE)
        return EXIT_CRASH
