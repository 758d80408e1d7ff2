"""The core never imports Textual: checked in a fresh interpreter, as Harlequin does."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

# Every module outside assistant/faces/ui: the core and the thin non-Textual faces (CLI, plain mode).
CORE = sorted(
    "assistant." + str(p.relative_to(ROOT / "assistant").with_suffix("")).replace("/", ".")
    for p in (ROOT / "assistant").rglob("*.py")
    if "ui" not in p.relative_to(ROOT / "assistant").parts and p.name not in ("__main__.py", "serve.py")
)


def test_the_list_covers_the_core():
    assert {
        "assistant.core.eligibility",
        "assistant.core.flow",
        "assistant.render.explain",
        "assistant.faces.screening",
        "assistant.faces.plain",
        "assistant.core.compare",
        "assistant.core.whatif",
    } <= set(CORE)


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "from assistant.data.catalog import load_catalog\n"
        "load_catalog()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_data_commands_do_not_import_textual():
    code = (
        "import sys\n"
        "from assistant.faces.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['score', '--format', 'json'])\n"
        "print('textual' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "False False", result.stderr
