"""Safe YAML loading that remembers where every key and item came from.

libyaml's C parser (when PyYAML has it) composes the document; our own small builder then makes
plain Python data from the nodes. A plain scalar gets exactly the type `yaml.safe_load` gives it:
PyYAML's own resolver picks its tag (null, bool, int in every YAML 1.1 form such as 010 or 0x1F,
float, timestamp) and the safe constructor builds the value (a differential test holds this, over
both the C and the pure-Python parser). No other constructor runs, so no tag can ever create a
Python object. Every mapping and list records its line numbers, so a validation error names the
exact line; duplicate keys are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


class LineDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


class YamlProblem(Exception):
    """The file is not readable YAML; carries the 1-based line of the problem."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "map", "seq", "int", "float", "bool", "null", "timestamp")
)
_STR = "tag:yaml.org,2002:str"


@cache
def _typing() -> tuple[Any, Any, dict[str, Any]]:
    """PyYAML's implicit resolver and safe constructor, as yaml.safe_load uses them for plain scalars."""
    import yaml

    constructors = {tag: yaml.SafeLoader.yaml_constructors[tag] for tag in _STANDARD_TAGS - {_STR}}
    return yaml.resolver.Resolver(), yaml.SafeLoader(""), constructors


def _scalar(node: Any) -> Any:
    """A plain scalar typed exactly as yaml.safe_load types it; quoted or block text stays a string."""
    value = node.value
    if node.style:  # quoted or block text is always a string (plain style is None, or "" from libyaml)
        return value
    import yaml

    resolver, loader, constructors = _typing()
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))
    build = constructors.get(tag)
    if build is None:  # a string, or a YAML 1.1 oddity such as '=' that safe_load cannot build either
        return value
    try:
        return build(loader, yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError):  # PyYAML's own constructor fails on forms such as '0b_' or '1e9999_'
        shown = value if len(value) <= 40 else value[:40] + "..."
        message = f"'{shown}' looks like a number or a date but is not one; put it in quotes if it is text"
        raise YamlProblem(message, node.start_mark.line + 1) from None


def _build(node: Any, seen: set[int] | None = None) -> Any:
    """Python data from a composed node tree; mappings and lists remember their lines.

    Anchors and aliases are refused: an alias is the same node reached twice, and expanding it
    could make a tiny file take unbounded time and memory ("billion laughs").
    """
    if seen is None:
        seen = set()
    if id(node) in seen:
        message = "anchors and aliases (& and *) are not supported; write the values out"
        raise YamlProblem(message, node.start_mark.line + 1)
    seen.add(id(node))
    if node.tag not in _STANDARD_TAGS:
        raise YamlProblem(f"the tag '{node.tag}' is not allowed; write plain values", node.start_mark.line + 1)
    kind = node.id
    if kind == "scalar":
        return _scalar(node)
    if kind == "sequence":
        items = LineList(_build(child, seen) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        if key_node.id != "scalar":
            raise YamlProblem("a key must be a plain word, not a list or a mapping", key_node.start_mark.line + 1)
        key = _scalar(key_node)
        if key_node.value == "<<" and not key_node.style:
            raise YamlProblem("merge keys (<<) are not supported; write the fields out", key_node.start_mark.line + 1)
        if key in result:
            first = result.key_lines[key]
            raise YamlProblem(
                f"the key '{key}' appears twice in the same mapping (first on line {first})",
                key_node.start_mark.line + 1,
            )
        result[key] = _build(value_node, seen)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


@cache
def loader_class() -> type:
    """libyaml's parser (when PyYAML has it) with no implicit typing; _build types plain scalars itself.

    Only composing is delegated: no constructor ever runs, so no tag can create a Python object.
    """
    import yaml

    loader: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    return loader


def loads(text: str) -> Any:
    """Parse YAML text; raise YamlProblem with a line number if it is not valid YAML."""
    import yaml

    try:
        node = yaml.compose(text, Loader=loader_class())
        return None if node is None else _build(node)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "the text is not valid YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        raise YamlProblem(f"not valid YAML: {what}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}", None) from None


def load_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlProblem("the file is not UTF-8 text", None) from None
    except OSError as exc:
        raise YamlProblem(f"cannot read the file: {exc.strerror or exc}", None) from None
    return loads(text)


def line_of(data: Any, path: Sequence[str | int]) -> int | None:
    """The line of the deepest part of `path` that exists in `data` (1-based), or None."""
    line: int | None = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
