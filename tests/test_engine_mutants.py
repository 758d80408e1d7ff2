"""Tests written from surviving mutants of assistant/engine.py (benchmarks/mutation.sh)."""

from __future__ import annotations
