"""Reading and writing intake lists as spreadsheets really save them (used by `relief screen`).

Reading: UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text") and
Windows-1252 (Excel's plain "CSV" on Windows) are told apart by their bytes, or set with
`--encoding`; the delimiter (comma, semicolon or tab) is taken from the header line. A workbook
(.xlsx, .xls, .ods) is refused with a message on how to save it as CSV. A row that cannot be read
(characters not in the encoding, a field or line far too long, broken quoting) becomes that row's
error and the other rows go on; memory stays bounded whatever the file holds.

Codes are matched without regard to case, spaces or hyphens, and common words are understood
("Conviction", "Felony", "misdemeanour", "Yes", "T-visa", "Unknown", "New Mexico").

Writing: the same delimiter as the input; a byte order mark when the input came from a
spreadsheet (so Excel shows "Peña", not "PeÃ±a"); every cell cleaned of control characters and a
leading =, +, -, @, tab or carriage return neutralised against formula injection.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, TextIO

from .files import ReadRefused, open_regular
from .problems import InputInvalid, Problem
from .safe_text import spreadsheet_cell

MAX_FIELD = 4096  # characters in one cell; an intake sheet's longest is a short label
MAX_LINE = 1024 * 1024  # characters of one line held in memory; the rest of a longer line is skipped
DELIMITERS = (",", ";", "\t")
SAVE_AS_CSV = (
    "save it as CSV first: in Excel, File > Save As (or Save a Copy) and choose 'CSV UTF-8 (Comma delimited)'; "
    "in LibreOffice or Numbers, export as CSV. Then screen the .csv file"
)
WORKBOOKS = {
    b"PK\x03\x04": "a spreadsheet workbook (.xlsx or .ods), not a CSV file",
    b"\xd0\xcf\x11\xe0": "an Excel 97-2003 workbook (.xls), not a CSV file",
}
BOMS = (  # longest first: the UTF-32 little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(handle: BinaryIO) -> str:
    """The encoding of a CSV file from its bytes; the handle is left at the start.

    A byte order mark settles it. Without one: UTF-16 shows as a NUL in every other byte; valid
    UTF-8 with any accented letter is UTF-8 (Windows-1252 text almost never forms valid UTF-8
    sequences), even if some rows are broken; only bytes that are never UTF-8 mean Windows-1252.
    """
    head = handle.read(4096)
    handle.seek(0)
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    if len(head) >= 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even * 10 < odd:
            return "utf-16-le"
        if even > len(head) // 4 and odd * 10 < even:
            return "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    good = bad = 0
    while chunk := handle.read(1024 * 1024):
        text = decoder.decode(chunk)
        broken = text.count("\ufffd")
        bad += broken
        good += len(text) - len(text.encode("ascii", "ignore")) - broken
        if good:
            break
    bad += decoder.decode(b"", final=True).count("\ufffd")
    handle.seek(0)
    return "utf-8" if good or not bad else "cp1252"


def check_encoding(name: str) -> str:
    """A codec name as Python knows it (UTF-8 also drops a byte order mark); ValueError if unknown."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"'{name}' is not an encoding we know; try utf-8, utf-16 or cp1252") from None
    return "utf-8-sig" if codec == "utf-8" else codec


@dataclass
class Row:
    """One row of the intake list: its number (the header is row 1), its cells, and a reading problem."""

    number: int
    cells: list[str]
    problem: str = ""


class _Lines:
    """Lines of the text, each at most MAX_LINE characters: a longer line is skipped and remembered."""

    def __init__(self, text: TextIO) -> None:
        self.text = text
        self.count = 0
        self.overlong: set[int] = set()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_LINE)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            while (rest := self.text.readline(MAX_LINE)) and not rest.endswith(("\n", "\r")):
                pass
            self.overlong.add(self.count)
            return "\n"
        return line


def _sniff(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class IntakeReader:
    """The header and rows of a CSV intake list, read as described at the top of this module."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        shown = str(path)
        try:
            self._raw = open_regular(path, what="a CSV file")
        except FileNotFoundError:
            raise InputInvalid([Problem(shown, "no such file")]) from None
        except ReadRefused as exc:
            raise InputInvalid([Problem(shown, str(exc))]) from None
        try:
            magic = self._raw.read(4)
            self._raw.seek(0)
            if magic in WORKBOOKS:
                raise InputInvalid([Problem(shown, f"this is {WORKBOOKS[magic]}; {SAVE_AS_CSV}")])
            self.encoding = encoding or detect_encoding(self._raw)
            # Saved by a spreadsheet (a byte order mark, UTF-16, Windows-1252): the output gets a BOM too.
            self.from_spreadsheet = magic.startswith(codecs.BOM_UTF8) or self.encoding not in ("utf-8", "utf-8-sig")
            text = io.TextIOWrapper(self._raw, encoding=self.encoding, errors="replace", newline="")
            self._lines = _Lines(text)
            first = next(self._lines, "")
        except OSError as exc:
            self._raw.close()
            raise InputInvalid([Problem(shown, f"cannot read the file: {exc.strerror or exc}")]) from None
        except BaseException:
            self._raw.close()
            raise
        self.delimiter = _sniff(first)
        self._reader = csv.reader(_chain(first, self._lines), delimiter=self.delimiter)
        try:
            header = next(self._reader, [])
        except csv.Error:
            header = []
        self.header = [h.strip().lstrip("\ufeff") for h in header]

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> IntakeReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self) -> Iterator[Row]:
        """Each record, numbered by the line it starts on, as a spreadsheet numbers it (the header is row 1):
        blank lines are skipped but still counted, so a message names the row the person sees."""
        width = len(self.header)
        while True:
            start = self._reader.line_num
            number = start + 1
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(number, [""] * width, f"the row could not be read ({exc})")
                continue
            if any(start < n <= self._reader.line_num for n in self._lines.overlong):
                self._lines.overlong.clear()
                yield Row(number, [""] * width, f"the row is too long to read (over {MAX_LINE:,} characters)")
                continue
            if not cells:  # a blank line
                continue
            cells = (cells + [""] * width)[:width]
            yield Row(number, cells, self._problem(cells))

    def _problem(self, cells: Sequence[str]) -> str:
        for name, cell in zip(self.header, cells, strict=True):
            if len(cell) > MAX_FIELD:
                return f"{name}: {len(cell):,} characters is too long (at most {MAX_FIELD:,})"
        for name, cell in zip(self.header, cells, strict=True):
            if "\ufffd" in cell:
                return (
                    f"{name}: some characters could not be read as {self.encoding}; save the file as "
                    "'CSV UTF-8', or give the right --encoding"
                )
        return ""


def _chain(first: str, rest: _Lines) -> Iterator[str]:
    if first:
        yield first
    yield from rest


class IntakeWriter:
    """Rows out, in the input's dialect, every cell inert in a terminal and in a spreadsheet."""

    def __init__(self, handle: TextIO, delimiter: str = ",", bom: bool = False) -> None:
        if bom:
            handle.write("\ufeff")
        self._writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")

    def write(self, cells: Sequence[str]) -> None:
        self._writer.writerow([spreadsheet_cell(c) for c in cells])


# --- codes as people type them ----------------------------------------------------------------

UNSURE_WORDS = frozenset(("unsure", "unknown", "not_sure", "don't_know", "dont_know", "do_not_know", "unclear", "?"))
SYNONYMS: dict[str, dict[str, str]] = {
    "record": {
        "convicted": "conviction",
        "arrested": "arrest",
        "dismissal": "dismissed",
        "charge_dismissed": "dismissed",
        "juvenile": "juvenile_adjudication",
        "adjudication": "juvenile_adjudication",
        "adjudicated": "juvenile_adjudication",
    },
    "offense": {"drugs": "drug", "fraud": "fraud_identity", "identity_theft": "fraud_identity", "weapons": "weapon"},
    "trafficking_ended": {
        "not_ended": "ongoing",
        "has_not_ended": "ongoing",
        "not_over": "ongoing",
        "still": "ongoing",
        "still_happening": "ongoing",
        "still_going_on": "ongoing",
        "current": "ongoing",
        "continuing": "ongoing",
        "no_end": "ongoing",
        "has_not": "ongoing",
        "hasnt_ended": "ongoing",
        "it_has_not_ended": "ongoing",
        "it_hasnt_ended": "ongoing",
        "not_yet": "ongoing",
        "not_ended_yet": "ongoing",
        "never_ended": "ongoing",
        "it_is_ongoing": "ongoing",
        "its_ongoing": "ongoing",
        "still_going": "ongoing",
        "present": "ongoing",
    },
    "drug_charge": {
        "possess": "possession",
        "having": "possession",
        "simple_possession": "possession",
        "sell": "sale",
        "selling": "sale",
        "dealing": "sale",
        "sharing": "sale",
        "distribution": "sale",
        "delivery": "sale",
        "manufacture": "sale",
        "possession_with_intent": "sale",
    },
    "level": {
        "misdemeanour": "misdemeanor",
        "misdemeanours": "misdemeanor",
        "misdemeanors": "misdemeanor",
        "misd": "misdemeanor",
        "felonies": "felony",
    },
    "connection": {"while_being_trafficked": "while_trafficked", "unconnected": "not_connected"},
    "age": {"18+": "adult", "over_18": "adult", "under_18": "minor", "juvenile": "minor", "child": "minor"},
    "pending_charges": {"y": "yes", "true": "yes", "n": "no", "false": "no"},
    "documentation": {"tvisa": "t_visa"},
}
_SEPARATORS = re.compile(r"[\s\-/]+")


@cache
def allowed_codes(field: str) -> frozenset[str]:
    """The codes an answers-file field takes, read from the model (so they never drift)."""
    from ..models.answers import Answers, RecordAnswers
    from .problems import literal_values, type_at

    if field == "documentation":
        return frozenset(literal_values(type_at(Answers, ("documentation", 0))))
    if field in ("audience", "trafficking_ended"):
        return frozenset(literal_values(type_at(Answers, (field,))))
    return frozenset(literal_values(type_at(RecordAnswers, (field,))))


def normalise_code(field: str, value: str) -> str:
    """`value` as the code it means ("Felony" -> felony); unchanged when it means none (the error says so)."""
    allowed = allowed_codes(field)
    if value in allowed:  # the common case, written as the template shows
        return value
    text = value.strip()
    # apostrophes dropped, so one entry serves "hasn't ended" and "hasnt ended"
    key = _SEPARATORS.sub("_", text.lower().replace("'", "")).strip("_")
    if key in allowed:
        return key
    synonym = SYNONYMS.get(field, {}).get(key)
    if synonym is not None:
        return synonym
    if key in UNSURE_WORDS and "unsure" in allowed:
        return "unsure"
    if key.endswith("s") and key[:-1] in allowed:
        return key[:-1]
    return text
