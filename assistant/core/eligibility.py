"""Eligibility, as the faces use it: one place to import the engine and its results from.

The parts, each readable alone:
- `results`   what an assessment says (verdicts, reasons, what-ifs);
- `rules`     the small named rules, each reading only the facts it declares;
- `engine`    how unsure answers are weighed, and the Evaluator that caches per catalog;
- `next_steps` other routes, from the data, for the records they reach;
- `scoring`   report cards and the gaps of a law against the ideal.
"""

from __future__ import annotations

from .engine import (
    UNSURE_DOMAIN,
    Evaluator,
    assess,
    assess_record,
    every_outcome,
    merge_verdicts,
    why_reasons,
)
from .next_steps import SURVIVOR_TEXT as _ROUTES_SURVIVOR_TEXT
from .results import (
    ELIGIBLE,
    VERDICTS,
    Assessment,
    JurisdictionAssessment,
    Reason,
    RecordAssessment,
    Verdict,
    WhatIf,
)
from .rules import SURVIVOR_TEXT as _RULES_SURVIVOR_TEXT
from .rules import duration
from .scoring import Gap, gaps

# A sentence's survivor form where it differs from the advocate's (the statute's words are for the advocate).
SURVIVOR_TEXT = {**_RULES_SURVIVOR_TEXT, **_ROUTES_SURVIVOR_TEXT}

__all__ = [
    "ELIGIBLE",
    "SURVIVOR_TEXT",
    "UNSURE_DOMAIN",
    "VERDICTS",
    "Assessment",
    "Evaluator",
    "Gap",
    "JurisdictionAssessment",
    "Reason",
    "RecordAssessment",
    "Verdict",
    "WhatIf",
    "assess",
    "assess_record",
    "duration",
    "every_outcome",
    "gaps",
    "merge_verdicts",
    "why_reasons",
]
