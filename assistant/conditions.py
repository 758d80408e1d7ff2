"""A small, safe expression language for when a question is asked. Parsed, never evaluated as Python.

Grammar (whitespace is free):
    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := value (("==" | "!=") value | ["not"] "in" list)?
    value   := NAME | STRING | NUMBER | list | "(" expr ")"
    list    := "[" (value ("," value)*)? "]"
NAME is an answer id (e.g. audience, record); STRING is quoted with ' or ".
An answer that was not given (or not asked) reads as None, which equals nothing but None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<op>==|!=|\(|\)|\[|\]|,)
      | (?P<str>'[^'\\]*'|"[^"\\]*")
      | (?P<num>-?\d+)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
KEYWORDS = {"and", "or", "not", "in"}


class ConditionError(ValueError):
    """The condition text is not in the expression form; the message says where."""


@dataclass(frozen=True)
class Node:
    kind: str  # name | const | list | eq | ne | in | not_in | and | or | not
    value: Any = None
    children: tuple[Node, ...] = ()


def _tokens(text: str) -> list[tuple[str, str]]:
    pos, out = 0, []
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ConditionError(f"unexpected text at character {pos + 1}: {text[pos : pos + 12]!r}")
        kind = m.lastgroup or ""
        tok = m.group(kind)
        if kind == "name" and tok in KEYWORDS:
            kind = "kw"
        out.append((kind, tok))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, tok: str | None = None) -> tuple[str, str]:
        cur = self.peek()
        if cur is None:
            raise ConditionError(f"the condition ends too early{f'; expected {tok!r}' if tok else ''}")
        if tok is not None and cur[1] != tok:
            raise ConditionError(f"expected {tok!r} but found {cur[1]!r}")
        self.i += 1
        return cur

    def parse(self) -> Node:
        if not self.toks:
            raise ConditionError("the condition is empty")
        node = self.or_()
        if self.peek() is not None:
            raise ConditionError(f"unexpected {self.peek()[1]!r} after a complete condition")  # type: ignore[index]
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek() == ("kw", "or"):
            self.take()
            node = Node("or", children=(node, self.and_()))
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek() == ("kw", "and"):
            self.take()
            node = Node("and", children=(node, self.not_()))
        return node

    def not_(self) -> Node:
        if self.peek() == ("kw", "not"):
            self.take()
            return Node("not", children=(self.not_(),))
        return self.compare()

    def compare(self) -> Node:
        left = self.value()
        cur = self.peek()
        if cur in (("op", "=="), ("op", "!=")):
            self.take()
            return Node("eq" if cur[1] == "==" else "ne", children=(left, self.value()))
        if cur == ("kw", "in"):
            self.take()
            return Node("in", children=(left, self.list_()))
        if cur == ("kw", "not") and self.i + 1 < len(self.toks) and self.toks[self.i + 1] == ("kw", "in"):
            self.take()
            self.take()
            return Node("not_in", children=(left, self.list_()))
        return left

    def list_(self) -> Node:
        self.take("[")
        items: list[Node] = []
        if self.peek() != ("op", "]"):
            items.append(self.value())
            while self.peek() == ("op", ","):
                self.take()
                items.append(self.value())
        self.take("]")
        return Node("list", children=tuple(items))

    def value(self) -> Node:
        cur = self.peek()
        if cur is None:
            raise ConditionError("the condition ends too early; expected a value")
        kind, tok = cur
        if tok == "(":
            self.take()
            node = self.or_()
            self.take(")")
            return node
        if tok == "[":
            return self.list_()
        self.take()
        if kind == "name":
            return Node("name", tok)
        if kind == "str":
            return Node("const", tok[1:-1])
        if kind == "num":
            return Node("const", int(tok))
        raise ConditionError(f"expected a value but found {tok!r}")


def parse(text: str) -> Node:
    return _Parser(text).parse()


def names(node: Node) -> Iterator[str]:
    """Every answer id the condition reads."""
    if node.kind == "name":
        yield str(node.value)
    for child in node.children:
        yield from names(child)


def comparisons(node: Node) -> Iterator[tuple[str, Any]]:
    """(answer id, constant) pairs the condition compares, so a loader can check the constants."""
    if node.kind in ("eq", "ne", "in", "not_in"):
        left, right = node.children
        consts = right.children if right.kind == "list" else (right,)
        if left.kind == "name":
            for c in consts:
                if c.kind == "const":
                    yield str(left.value), c.value
    for child in node.children:
        yield from comparisons(child)


def evaluate(node: Node, answers: Mapping[str, Any]) -> Any:
    k = node.kind
    if k == "name":
        return answers.get(str(node.value))
    if k == "const":
        return node.value
    if k == "list":
        return [evaluate(c, answers) for c in node.children]
    if k in ("eq", "ne"):
        left, right = (evaluate(c, answers) for c in node.children)
        return (left == right) if k == "eq" else (left != right)
    if k in ("in", "not_in"):
        left = evaluate(node.children[0], answers)
        items = evaluate(node.children[1], answers)
        hit = any(left == item or (isinstance(left, list) and item in left) for item in items)
        return hit if k == "in" else not hit
    if k == "and":
        return bool(evaluate(node.children[0], answers)) and bool(evaluate(node.children[1], answers))
    if k == "or":
        return bool(evaluate(node.children[0], answers)) or bool(evaluate(node.children[1], answers))
    if k == "not":
        return not evaluate(node.children[0], answers)
    raise ConditionError(f"unknown node {k}")  # pragma: no cover - parse() never builds one
