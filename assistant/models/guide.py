"""What to do after the verdict, as reviewed data (one guides/XX.yaml file per jurisdiction).

A guide says, for each relief route of a jurisdiction's law, where and how to file, what it costs,
who is served, what happens at the hearing and after the order, and what it means for immigration;
where to get each paper a person may need; and who gives free help. Every fact is cited like a
feature of the law: citation, sources, confidence, how the text was read and when it was checked.
A fact no source settles has `text: null` and a note saying where it was sought.
"""

from typing import Literal, Self

from pydantic import Field, model_validator

from .common import Cited, Code, PartialDate, Strict
from .jurisdiction import RecordKind, ReliefType, Source

# Papers a person may gather; the checklist picks those the law and the answers call for.
PaperKind = Literal[
    "court_record",  # certified copy of the case file, judgment or docket
    "criminal_history",  # the state's (or FBI's) criminal history report
    "sworn_statement",  # the person's own affidavit or declaration
    "official_documents",  # the documents that create a presumption (T visa, certification, ...)
    "provider_letter",  # a letter or affidavit from a service provider, clinician or advocate
    "condition_proof",  # proof of conditions: sentence served, fines or restitution paid, ...
]


class GuideFact(Cited):
    """One fact a person needs to act, in plain words, with where it comes from."""

    text: str | None = Field(description="The fact in plain words; null when no source settles it (say why in note).")
    checked: PartialDate | None = Field(default=None, description="When the source was last checked.")

    @model_validator(mode="after")
    def _unknown_says_why(self) -> Self:
        if self.text is None and not self.note:
            raise ValueError("a fact no source settles (text: null) needs a note saying where it was sought")
        return self


class Form(Cited):
    """The official form, or the courts' own word that there is none."""

    statewide: bool | None = Field(description="True: an official statewide form exists; false: the courts say none.")
    name: str | None = None
    number: str | None = None
    publisher: str | None = Field(default=None, description="The body that publishes it, e.g. 'Florida Supreme Court'.")
    url: str | None = Field(default=None, pattern=r"^https?://")
    checked: PartialDate | None = None

    @model_validator(mode="after")
    def _named_or_explained(self) -> Self:
        if self.statewide and not self.name:
            raise ValueError("an official form needs its name")
        if self.statewide is None and not self.note:
            raise ValueError("when it is not known whether there is a form, the note says where it was sought")
        return self


class Immigration(Cited):
    """Whether the relief is a vacatur for a legal defect (what counts for immigration purposes)."""

    legal_defect: bool | None = Field(
        description="True: the conviction is vacated for a legal or substantive defect; false: relief for "
        "rehabilitation or equity (sealing, expungement, set-aside); null: the law does not say."
    )
    text: str = Field(description="Said carefully, in plain words; ends by pointing to an immigration lawyer.")


class FilingRoute(Strict):
    """How to use one relief route of the law in force."""

    relief: ReliefType | Literal["juvenile"] = Field(
        description="The details.relief type of the law in force this route is for, or 'juvenile'."
    )
    covers: list[ReliefType] = Field(
        default_factory=list, description="Other remedies the same filing asks for (a motion to vacate and expunge)."
    )
    records: list[RecordKind] = Field(
        default_factory=list,
        description="Kinds of record this filing is for, when the law has two filings of one remedy "
        "(expunging a conviction, expunging a dismissed charge); empty means any.",
    )
    name: str = Field(description="What the filing is called, e.g. 'Motion to vacate judgment'.")
    citation: str
    where_to_file: GuideFact
    who_may_file: GuideFact
    form: Form
    fee: GuideFact
    service: GuideFact = Field(description="Who must be served and how long they have to respond.")
    hearing: GuideFact = Field(description="Hearing rules as they bear on the person: remote, skipped, closed.")
    sealed_papers: GuideFact = Field(description="Whether the papers are sealed or confidential.")
    after_order: GuideFact = Field(description="What the order does, and what to do after it.")
    immigration: Immigration


class Paper(Cited):
    """Where to get one kind of paper in this jurisdiction, and what it costs when known."""

    kind: PaperKind
    where: str
    cost: str | None = None
    checked: PartialDate | None = None
    juvenile_only: bool = Field(
        default=False, description="Asked for only by the juvenile route (not shown for an adult's record)."
    )


class HelpEntry(Strict):
    """A free legal-help organisation (or hotline) and how to reach it."""

    name: str
    serves: list[Literal["survivors", "record_clearing", "immigration", "general_legal_aid"]] = Field(min_length=1)
    area: str = Field(description="Where it helps: 'statewide', 'New York City', 'nationwide'.")
    phone: str | None = None
    web: str | None = Field(default=None, pattern=r"^https?://")
    email: str | None = None
    note: str | None = Field(default=None, description="e.g. 'intake can pause when the waiting list is full'.")
    sources: list[Code] = Field(min_length=1)
    checked: PartialDate = Field(description="When the entry was last checked against its source.")

    @model_validator(mode="after")
    def _reachable(self) -> Self:
        if not (self.phone or self.web or self.email):
            raise ValueError("a help entry needs a way to reach it: phone, web or email")
        return self


class Guide(Strict):
    code: str = Field(pattern=r"^([A-Z]{2}|national)$", description="The jurisdiction's code, or 'national'.")
    as_of: PartialDate = Field(description="When this guide was last checked as a whole.")
    sources: dict[Code, Source] = Field(min_length=1)
    routes: list[FilingRoute] = Field(default_factory=list)
    papers: list[Paper] = Field(default_factory=list)
    help: list[HelpEntry] = Field(default_factory=list)
    notes: str | None = Field(default=None, description="What this guide could not settle, and why.")
