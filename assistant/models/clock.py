"""The one place the tool reads today's date.

RELIEF_TODAY=YYYY-MM-DD fixes it (tests, and reports that must be reproducible); nothing else in the
tool reads the clock, so a test can run the whole suite as if it were another year.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("RELIEF_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass  # a malformed value is ignored rather than stopping a person's screening
    return dt.date.today()


def this_year() -> int:
    return today().year
