"""Plain-word terms for results (flows/terms.yaml): relief effects, burdens of proof, free help."""

from typing import Literal

from pydantic import Field

from .common import Strict
from .flow import Said
from .guide import PaperKind
from .jurisdiction import ReliefType


class ReliefTerm(Strict):
    name: str
    effect: str = Field(description="What it does, in plain words.")
    effect_juvenile: str | None = Field(
        default=None, description="What it does to a juvenile court record, where `effect` speaks of a conviction."
    )
    immigration: str = Field(description="What it means for immigration.")


class HelpResource(Strict):
    name: str
    what: str
    contact: str


class Phrases(Strict):
    record: dict[str, str]
    offense: dict[str, str]
    drug_charge: dict[str, str]
    level: dict[str, str]
    connection: dict[str, str]
    document: dict[str, str]


class VerdictWords(Strict):
    symbol: str = Field(min_length=1, max_length=2)
    label: str
    summary: str = Field(
        description="One sentence; {name} is the jurisdiction's name, {law} its law ('Ohio's law', 'federal law')."
    )
    more: str | None = Field(default=None, description="Added when other routes follow (a pardon, another law).")
    points: str | None = Field(
        default=None,
        description="Added where the reasons follow ('It depends on the points below'), not in the packet.",
    )
    in_places: str | None = Field(
        default=None,
        description="The label where places are counted ('No law for adults in 6 places'), if it differs.",
    )


class VerdictTerm(VerdictWords):
    # not a VerdictTerm itself: the wheel's snapshot rebuilds models by type, and a type inside itself never ends
    minor: VerdictWords | None = Field(
        default=None, description="The label and sentence for a record from when the person was under 18."
    )


class PaperTerm(Strict):
    """One kind of paper for the checklist: its name and why it is asked for, in plain words."""

    title: str
    why: Said = Field(description="Why it helps; the law's own citation is added from the data.")
    when_missing: Said | None = Field(default=None, description="What to do without it.")


class SafetyNote(Strict):
    """Said at once when the trafficking has not ended, and again at the top of the results."""

    welcome: str = Field(
        description="On the first screen, before any question, for anyone: where to get help now if they are not "
        "safe (the trafficking-ended question comes late, after the records)."
    )
    not_sure: Said = Field(
        description="At the top of the results when the person is not sure the trafficking has ended: help, gently."
    )
    help_now: Said = Field(description="Help now: the Hotline and 911.")
    leave: Said = Field(description="That they can leave at any time; {leave_keys} names the keys of the face.")
    go_on: Said = Field(description="That they may continue if they wish.")


class Terms(Strict):
    relief_types: dict[ReliefType, ReliefTerm]
    burdens: dict[str, str]
    phrases: Phrases
    verdicts: dict[Literal["likely_eligible", "possibly_eligible", "not_covered", "no_adult_law"], VerdictTerm]
    help: list[HelpResource] = Field(min_length=1)
    disclaimer: Said
    safety: SafetyNote
    open_case: Said = Field(
        description="The first step for a record whose case is still open: a defense lawyer, before clearing it."
    )
    papers: dict[PaperKind, PaperTerm] = Field(default_factory=dict)
    fields: dict[str, str] = Field(
        default_factory=dict, description="Each answer in plain words, for 'the result depends on ...'."
    )

    def field(self, name: str) -> str:
        """An answer's words ("how old {you_were} at the time"; voice tokens left to fill); its name if none."""
        return self.fields.get(name, name.replace("_", " "))
