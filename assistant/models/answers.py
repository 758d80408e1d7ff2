"""The answers file: what a person told us. Its names and codes are a public contract.

See README.md ("Answers file") and flows/answers.schema.json. Unknown keys and values are refused.
"""

import re
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field

from .common import Strict
from .jurisdiction import DocumentKind, OffenseKind, RecordKind

Audience = Literal["survivor", "advocate", "trainer"]
# The record, offence and document codes are the ones the state files use, plus "I'm not sure".
RecordAnswer = Literal[RecordKind, "unsure"]
OffenseAnswer = Literal[OffenseKind, "unsure"]
LevelAnswer = Literal["misdemeanor", "felony", "unsure"]
ConnectionAnswer = Literal["forced", "because", "while_trafficked", "not_connected", "unsure"]
AgeAnswer = Literal["adult", "minor", "unsure"]
YesNoUnsure = Literal["yes", "no", "unsure"]
DocumentAnswer = Literal[DocumentKind, "none", "unsure"]

FIRST_YEAR = 1950


def this_year() -> int:
    from .clock import this_year as year

    return year()


def _yes_no(value: Any) -> Any:
    """YAML reads a bare yes/no as true/false; accept that as the words people meant."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def _year(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and not FIRST_YEAR <= value <= this_year():
        raise ValueError(f"a year between {FIRST_YEAR} and {this_year()} was expected")
    return value


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
# A degree as Ohio's papers and intake sheets write it: "F4", "F-4", "4th", "4th degree", "fourth degree",
# "felony of the fourth degree". A bare "4" stays class_4: elsewhere a class is a number (Illinois' Class 4).
_DEGREE = re.compile(
    r"^(?:f_?(?P<f>[1-5])"
    r"|(?:felony_of_the_)?(?:(?P<digit>[1-5])(?:st|nd|rd|th)|(?P<word>first|second|third|fourth|fifth))"
    r"(?:_degree)?(?:_felony)?)$"
)


def felony_class_code(value: Any) -> Any:
    """A class as people write it ("D", "Class D", "class d felony") as the data's code (class_d); a degree
    ("F4", "4th degree", "felony of the fourth degree") as class_f4."""
    if not isinstance(value, str):
        return value
    key = re.sub(r"[\s\-/]+", "_", value.strip().lower()).strip("_")
    if key in ("unsure", "not_sure", "unknown", "unclear", "don't_know", "dont_know", "do_not_know", "?"):
        return "unsure"
    degree = _DEGREE.match(key.removeprefix("class_"))
    if degree:
        return f"class_f{degree['f'] or degree['digit'] or _ORDINALS[degree['word']]}"
    key = key.removesuffix("_felony")
    return key if key.startswith("class_") or len(key) > 2 else f"class_{key}"


Year = Annotated[int | Literal["unsure"], BeforeValidator(_year)]
EndYear = Annotated[int | Literal["ongoing", "unsure"], BeforeValidator(_year)]


class RecordAnswers(Strict):
    jurisdiction: str = Field(
        pattern=r"^([A-Z]{2}|unsure)$",
        description="Postal code, DC, or US for federal records; 'unsure' checks every jurisdiction.",
    )
    record: RecordAnswer
    offense: OffenseAnswer
    level: LevelAnswer
    felony_class: Annotated[str | None, BeforeValidator(felony_class_code)] = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9_]{0,39}$",
        description="Asked only where the law reaches felonies by class: a class code of that state's "
        "details.offenses.felony_classes ('D' and 'Class D' are read as class_d), or 'unsure'; "
        "ignored for a misdemeanor or where the law does not go by class.",
    )
    drug_charge: Literal["possession", "sale", "unsure"] | None = Field(
        default=None,
        description="Asked only for a drug charge where the law reaches having drugs and not selling them: "
        "'possession' (having drugs), 'sale' (selling, sharing or making them) or 'unsure'; ignored elsewhere.",
    )
    connection: ConnectionAnswer
    year: Year
    age: AgeAnswer
    pending_charges: Annotated[YesNoUnsure, BeforeValidator(_yes_no)] = "unsure"
    label: str | None = Field(
        default=None, max_length=80, description="Optional private name for the record, e.g. 'Denver 2014'."
    )

    def moved_to(self, code: str) -> Self:
        """The same facts as if the record were from `code`: one state's felony class is not another's."""
        keep = code == self.jurisdiction
        return self.model_copy(update={"jurisdiction": code, "felony_class": self.felony_class if keep else None})


class Answers(Strict):
    audience: Audience
    trafficking_ended: EndYear
    documentation: list[DocumentAnswer] = Field(min_length=1)
    records: list[RecordAnswers] = Field(min_length=1)
    notes: str | None = Field(default=None, max_length=2000, description="Optional private note (advocates).")

    @property
    def voice(self) -> str:
        return "survivor" if self.audience == "survivor" else "advocate"
