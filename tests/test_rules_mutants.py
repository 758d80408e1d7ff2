"""Tests written from surviving mutants of assistant/rules.py (benchmarks/mutation.sh)."""

from __future__ import annotations
