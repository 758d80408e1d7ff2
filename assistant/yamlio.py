"""Safe YAML loading that remembers where every key and item came from.

Only ever safe-loads (no Python object tags). Uses libyaml's C parser when PyYAML has it; the
construction step is ours so that every mapping and list records its line numbers, which lets a
validation error name the exact line of the field that is wrong. Duplicate keys are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


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


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise YamlProblem(
                "a key must be a plain word, not a list or a mapping", key_node.start_mark.line + 1
            ) from None
        if key in result:
            first = result.key_lines[key]
            raise YamlProblem(
                f"the key '{key}' appears twice in the same mapping (first on line {first})",
                key_node.start_mark.line + 1,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


@cache
def loader_class() -> type:
    """The safe loader with our constructors; yaml is imported only when a file is parsed."""
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~9x faster when present

    class Loader(base):
        pass

    Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    return Loader


def loads(text: str) -> Any:
    """Parse YAML text; raise YamlProblem with a line number if it is not valid YAML."""
    import yaml

    try:
        return yaml.load(text, Loader=loader_class())  # the loader derives from the safe loader
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
