"""How old our data on a law is, and how much of it was read in the law's own full text.

"Today" is always passed in, so a test can fix it; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt

from ..models.common import UNKNOWN, date_key
from ..models.jurisdiction import Jurisdiction, LawVersion

STALE_MONTHS = 12  # older than this, results and exports say the law may have changed


def months_old(as_of: str, today: dt.date) -> int:
    """Whole months from the date our data is current to (a bare year counts from its end) to today."""
    year, month, _ = date_key(as_of)
    if len(as_of) == 4:
        month = 12
    return max(0, (today.year - year) * 12 + today.month - month)


def is_stale(j: Jurisdiction, today: dt.date) -> bool:
    return months_old(j.as_of, today) > STALE_MONTHS


def read_in_full(v: LawVersion) -> tuple[int, int]:
    """Known rubric features of this law read in the whole section's text, out of all its features."""
    known = [f for f in v.features.values() if f.value != UNKNOWN or f.scored_as is not None]
    return sum(1 for f in known if f.read == "full"), len(v.features)
