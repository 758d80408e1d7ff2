from __future__ import annotations

from pathlib import Path

from assistant.data.answers_io import read_answers

SCENARIOS = Path(__file__).parent / "scenarios"


def load_answers(catalog, name):
    return read_answers(SCENARIOS / f"{name}.yaml", list(catalog.jurisdictions))
