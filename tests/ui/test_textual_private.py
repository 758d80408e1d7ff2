"""Textual's private API is used in one module only, and a Textual upgrade that removes a piece fails here.

Each of these protects a person (a crash that would print answers, a quick exit that must clear the
terminal it draws on); see assistant/faces/ui/textual_private.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.faces.ui.textual_private import PRIVATE_API, present

UI = Path(__file__).resolve().parents[2] / "assistant" / "ui"
# The quick exit's own module is being reworked on another branch (signals); it reads the driver's
# private `_file` and `attrs_before`, which PRIVATE_API lists and checks.
ALLOWED_ELSEWHERE = {"quick_exit.py": {"_file", "attrs_before"}}


@pytest.mark.parametrize(("where", "name", "how"), PRIVATE_API, ids=[f"{w}.{n}" for w, n, _ in PRIVATE_API])
def test_the_private_api_we_rely_on_is_still_there(where, name, how):
    assert present(where, name, how), (
        f"Textual no longer has {where}.{name}: assistant/faces/ui/textual_private.py must be updated "
        "before this Textual is used (a crash could print answers, or the quick exit could fail to clear)."
    )


def _textual_private_names() -> set[str]:
    """Underscore names Textual defines on the classes we build on (class and instance attributes)."""
    from textual.app import App
    from textual.containers import Vertical, VerticalScroll
    from textual.screen import ModalScreen, Screen
    from textual.widget import Widget
    from textual.widgets import DataTable, Input, OptionList, SelectionList, Static

    names: set[str] = set()
    for obj in (
        App(),
        Screen(),
        ModalScreen(),
        Widget(),
        Static(),
        OptionList(),
        SelectionList(),
        Input(),
        DataTable(),
        Vertical(),
        VerticalScroll(),
    ):
        names.update(dir(obj))
        names.update(vars(obj))
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


TEXTUAL_PRIVATE = _textual_private_names()


def _private_uses(path: Path) -> set[str]:
    """Textual's private names this module touches: read through any object, or defined as an override."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and not node.attr.startswith("__"):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("os", "sys"):
                continue  # os._exit is the standard library's, documented
            if node.attr in TEXTUAL_PRIVATE:
                found.add(node.attr)
            elif node.attr.startswith("_") and not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.add(node.attr)  # another object's private attribute: not ours to read
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in TEXTUAL_PRIVATE:
            found.add(node.name)  # overriding a private method
    return found


def test_the_checker_finds_a_private_use(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("class A:\n    def _fatal_error(self):\n        self._exit_renderables.clear()\n")
    assert _private_uses(sample) == {"_fatal_error", "_exit_renderables"}


def test_no_other_module_uses_textual_private_api():
    offenders = {}
    for path in UI.rglob("*.py"):
        if path.name == "textual_private.py":
            continue
        uses = _private_uses(path) - ALLOWED_ELSEWHERE.get(path.name, set())
        if uses:
            offenders[str(path.relative_to(UI))] = sorted(uses)
    assert offenders == {}
