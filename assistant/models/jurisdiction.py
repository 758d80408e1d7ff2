"""A jurisdiction's trafficking-survivor record-relief law as data (one states/XX.yaml file).

A jurisdiction holds dated law versions; the last one is the law in force as of `as_of`.
Each version has `features` (its level in each rubric category, with citation, sources and
confidence) and `details` (the facts eligibility needs that a rubric level cannot hold).
"""

from typing import Literal, Self, get_args

from pydantic import Field, model_validator

from .common import Cited, Code, Likelihood, PartialDate, ReadExtent, RubricId, Strict, date_key

# Stable codes shared with the answers file: what kind of record, which offence, which document.
RecordKind = Literal["arrest", "dismissed", "conviction", "juvenile_adjudication"]
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)  # in this order
OffenseKind = Literal[
    "prostitution", "sex_related", "drug", "theft", "fraud_identity", "weapon", "violent", "immigration", "other"
]
# A drug charge's kind, asked where the law reaches having drugs and not selling them (or the reverse).
DrugCharge = Literal["possession", "sale"]
DocumentKind = Literal["t_visa", "continued_presence", "certification", "court_finding", "provider_letter"]
ReliefType = Literal["vacatur", "expungement", "sealing", "nondisclosure"]
Coverage = Literal["covered", "some", "not_covered", "unknown"]
PeriodStart = Literal[
    "trafficking_end",
    "arrest",
    "conviction",
    "sentence_completion",
    "disposition",
    "turning_18",
    "services_sought",
]
ConditionCode = Literal[
    "no_pending_charges",
    "prosecutor_consent",
    "one_time_only",
    "cooperation_with_law_enforcement",
    "no_other_petition_pending",
    "identify_trafficker",
    "sentence_completed",
    "fines_paid",
    "victim_notice",
    "no_later_convictions",
    "certification_required",
    "filing_fee",
    "other",
]
SourceKind = Literal[
    "statute", "bill", "session_law", "practitioner", "report_card", "court", "government", "secondary"
]


class Source(Strict):
    title: str
    url: str = Field(pattern=r"^(https?://|shared/)", description="Web address, or shared/... for the seed.")
    kind: SourceKind
    accessed: PartialDate | None = Field(default=None, description="When the copy we relied on was made.")
    note: str | None = None


class Amendment(Strict):
    year: int = Field(ge=1900, le=2100)
    bill: str | None = Field(default=None, description="Bill or session-law name, e.g. 'SB 435 (Ga. L. 2020, p. 90)'.")
    summary: str
    sources: list[str] = Field(default_factory=list)


class Statute(Strict):
    citation: str
    title: str
    enacted: int | None = Field(default=None, ge=1900, le=2100, description="Year first enacted.")
    verified: bool = Field(default=True, description="False when no source confirms the section number.")
    amendments: list[Amendment] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    read: ReadExtent | None = Field(
        default=None, description="How this section's text was read: full, partial or summary_only."
    )
    read_from: list[str] = Field(
        default_factory=list,
        description="Ids of the sources (copies) it was read from; each source's `accessed` is the date of that copy.",
    )


# The parts of the process (rubric categories) whose reading can be for some kinds of record only
# (`Feature.records`): the procedure rule tells each of them, and validation allows `records` on no other.
PROCESS_PARTS = ("burden_of_proof", "hearing", "judicial_discretion", "confidentiality")


class Feature(Cited):
    """One rubric category's value in one law version."""

    value: Code = Field(description="A level code of the rubric category, or 'unknown'.")
    quote: str | None = Field(
        default=None, description="The statute's own trigger words, e.g. 'as a direct result of'."
    )
    alternatives: list[Code] = Field(
        default_factory=list, description="Other levels a careful reader could defend; shown, never scored."
    )
    meets_during: dict[str, Likelihood] | None = Field(
        default=None,
        description="For the nexus only: replaces the level's `meets_during` where the statute's own words add "
        "a test that the dates cannot show (e.g. 'at the direction of an operator').",
    )
    in_practice: str | None = Field(
        default=None,
        description="For the burden of proof or the hearing: what the person meets in practice when the "
        "graded reading of the trafficking section alone would mislead them (its silence on a standard "
        "that the general procedure sets). Plain words with voice tokens; needs a note with the source.",
    )
    must_show: str | None = Field(
        default=None,
        description="For the nexus: what the statute's own words ask the person to show, where the graded "
        "level's general words would say something else (Texas's 'solely' is stricter than a direct result). "
        "Plain words with voice tokens; needs a note with the source.",
    )
    records: list[RecordKind] | None = Field(
        default=None,
        description="For the burden of proof, the hearing, the judge's power or confidentiality: the kinds of "
        "record this reading is for, where it was read from one route only (Ohio's conviction route). For "
        "another kind the result says the text was not read for it, not this reading.",
    )
    scored_as: Code | None = Field(
        default=None,
        description="The level a published report card gave where the statute's own words read "
        "differently: scoring uses it so the published total reproduces, while `value` (the "
        "statute's reading) is what eligibility tests.",
    )

    @property
    def scored_value(self) -> str:
        return self.scored_as if self.scored_as is not None else self.value


class Relief(Cited):
    type: ReliefType = Field(description="Closest of vacatur, expungement, sealing, nondisclosure.")
    legal_name: str = Field(description="The law's own name for it, e.g. 'order of nondisclosure'.")
    records: list[RecordKind] = Field(min_length=1, description="Which kinds of record this relief reaches.")
    effect: str | None = Field(default=None, description="What it does legally, if it differs from the usual meaning.")
    substantive_defect: bool = Field(
        default=False, description="The law treats the conviction as void for a legal defect."
    )
    nexus: Code | None = Field(
        default=None,
        description="This route's own link test (a level of the nexus category), where it is harder than the "
        "law's graded one (features.nexus is graded on the stronger route).",
    )
    nexus_quote: str | None = Field(default=None, description="The route's own words for that link test.")


class LevelCoverage(Strict):
    """Coverage of one offence level; `default` applies to every offence kind not named."""

    default: Coverage
    prostitution: Coverage | None = None
    sex_related: Coverage | None = None
    drug: Coverage | None = None
    theft: Coverage | None = None
    fraud_identity: Coverage | None = None
    weapon: Coverage | None = None
    violent: Coverage | None = None
    immigration: Coverage | None = None
    other: Coverage | None = None

    def coverage(self, offense: str) -> str:
        specific = getattr(self, offense, None)
        return str(specific if specific is not None else self.default)


# The same table serves one record kind's charges and (with sources and lists) the law's whole offence coverage.
class ChargeCoverage(Strict):
    """Which charges one kind of record is reached for (e.g. arrests only for prostitution)."""

    summary: str = Field(description="Which charges, in plain words.")
    misdemeanor: LevelCoverage
    felony: LevelCoverage

    def coverage(self, offense: str, level: str) -> str:
        return (self.misdemeanor if level == "misdemeanor" else self.felony).coverage(offense)


class RecordCoverage(Cited):
    arrest: Coverage
    dismissed: Coverage
    conviction: Coverage
    juvenile_adjudication: Coverage
    charges: dict[RecordKind, ChargeCoverage] = Field(
        default_factory=dict,
        description="For a kind marked `some` because the law reaches it only for some charges: which ones.",
    )
    which: dict[RecordKind, str] = Field(
        default_factory=dict,
        description="For a kind marked `some` for another reason: which cases, in plain words "
        "('only a case dismissed after deferred adjudication').",
    )

    def coverage(self, kind: str) -> str:
        return str(getattr(self, kind))

    def charges_for(self, kind: RecordKind) -> ChargeCoverage | None:
        """The charges listed for a kind reached only in part, if the data lists them."""
        return self.charges.get(kind) if self.coverage(kind) == "some" else None


class FelonyClass(Strict):
    """One class (or degree) of felony in the state's own scheme, and what the law reaches in it."""

    code: Code = Field(description="Stable code for the answers file, e.g. class_c.")
    label: str = Field(description="The class as it reads in a sentence, e.g. 'class C felony'.")
    offenses: LevelCoverage = Field(description="Coverage by offence kind for a felony of this class.")
    summary: str | None = Field(
        default=None,
        description="What the law reaches in this class, in plain words, where it is only some of it (said "
        "instead of the whole offence summary when the person gave this class).",
    )
    covered_with_conviction_for: list[OffenseKind] = Field(
        default_factory=list,
        description="The class is reached for a person who also has a conviction in this state for one of "
        "these offences (Ohio: soliciting, loitering or prostitution); another record in the same answers "
        "that is such a conviction decides it.",
    )


class DrugChargeCoverage(Strict):
    """What the law reaches of one kind of drug charge: having drugs, or selling, sharing or making them."""

    misdemeanor: Coverage
    felony: Coverage
    summary: str | None = Field(
        default=None,
        description="What of this kind the law reaches, in plain words, where it is only some of it (said "
        "instead of the whole offence summary when the person gave this kind).",
    )

    def coverage(self, level: str) -> str:
        return str(self.misdemeanor if level == "misdemeanor" else self.felony)


class OffenseCoverage(Cited, ChargeCoverage):
    summary: str = Field(description="Which offences the law reaches, in plain words.")
    enumerated: list[str] = Field(default_factory=list, description="Offences the law lists by name (paraphrased).")
    excluded: list[str] = Field(default_factory=list, description="Offences the law excludes (paraphrased).")
    felony_classes: list[FelonyClass] = Field(
        default_factory=list,
        description="Where the law reaches felonies by class or degree: every class of the state's scheme, in "
        "order, so a person who knows the class is asked it and told a definite answer.",
    )

    records: list[RecordKind] = Field(
        default_factory=list,
        description="The kinds of record these lines limit, where the law reaches other kinds for every "
        "offence (Ohio: convictions by offence and degree, dismissed charges whatever the offence); empty: all.",
    )
    drug_charges: dict[DrugCharge, DrugChargeCoverage] = Field(
        default_factory=dict,
        description="Where the law reaches having drugs and not selling them (or the reverse): both kinds, so "
        "a person who says which is told a definite answer. Each level of the drug line must add up to them.",
    )

    def felony_class(self, code: str | None) -> FelonyClass | None:
        return next((c for c in self.felony_classes if c.code == code), None) if code else None


class Period(Strict):
    """A deadline or a wait: give `years` or `days` (the law's own unit), counted from `start`."""

    years: float | None = Field(default=None, gt=0, le=100)
    days: int | None = Field(default=None, gt=0, le=3650)
    start: PeriodStart = Field(description="The event the time is counted from.")
    applies_to: list[Literal["misdemeanor", "felony"]] = Field(
        default_factory=list, description="Offence levels this applies to; empty means all."
    )
    records: list[RecordKind] = Field(
        default_factory=list,
        description="Kinds of record this applies to (a wait after a sentence is for convictions); empty means all.",
    )

    def applies(self, level: str) -> bool:
        return not self.applies_to or level in self.applies_to

    @property
    def length_years(self) -> float:
        return self.years if self.years is not None else (self.days or 0) / 365

    @model_validator(mode="after")
    def _one_unit(self) -> Self:
        if (self.years is None) == (self.days is None):
            raise ValueError("give the period in years or in days (exactly one of them)")
        return self


class Timing(Cited):
    limits: list[Period] = Field(default_factory=list, description="Must apply within this long after the event.")
    waits: list[Period] = Field(default_factory=list, description="May apply only this long after the event.")
    reasonable_time: str | None = Field(
        default=None, description="A soft limit in the law's words, e.g. 'with due diligence'."
    )
    reasonable_time_from: list[PeriodStart] = Field(
        default_factory=list,
        description="The events the soft limit counts from, where the law names them (trafficking_end, "
        "services_sought): a person whose trafficking has not ended is told whether it has started.",
    )

    @model_validator(mode="after")
    def _from_needs_words(self) -> Self:
        if self.reasonable_time_from and not self.reasonable_time:
            raise ValueError("reasonable_time_from is for a reasonable_time: give its words too")
        return self


class Documentation(Cited):
    documents: list[DocumentKind] = Field(
        default_factory=list, description="Documents the law names as official documentation."
    )
    required: list[DocumentKind] = Field(
        default_factory=list, description="If not empty, relief needs one of these documents."
    )
    without_documents_standard: Literal["preponderance", "clear_and_convincing"] | None = Field(
        default=None, description="A different burden of proof that applies when there is no documentation."
    )


class Condition(Cited):
    code: ConditionCode
    text: str = Field(description="The condition in plain words.")
    records: list[RecordKind] = Field(
        default_factory=list,
        description="Kinds of record it applies to (a finished sentence is asked of convictions); empty means all.",
    )


class JuvenileRoute(Cited):
    available: bool | None = Field(description="null when the sources do not settle it.")
    summary: str
    relief: list[ReliefType] = Field(default_factory=list)
    offenses: list[OffenseKind] = Field(
        default_factory=list, description="Which kinds of offense it reaches, if only some (a prostitution-only route)."
    )
    records: list[RecordKind] = Field(
        default_factory=list,
        description="Which kinds of record it reaches, if only some (a route for a minor's plea or conviction in "
        "adult court does not reach a juvenile court case).",
    )


RouteKind = Literal["pardon", "general_relief", "non_conviction_relief", "juvenile", "defense", "other"]


class OtherRoute(Cited):
    name: str
    summary: str
    trafficking_specific: bool = False
    kind: RouteKind = Field(
        default="other",
        description="pardon; general_relief (general expungement, sealing or set-aside of convictions); "
        "non_conviction_relief (arrests, dismissed or acquitted charges); juvenile; defense (at trial); other.",
    )
    records: list[RecordKind] = Field(
        default_factory=list, description="Which kinds of record this route reaches; empty when not read."
    )
    offenses: list[OffenseKind] = Field(
        default_factory=list, description="Which kinds of offence it reaches, if only some (a prostitution-only route)."
    )
    levels: list[Literal["misdemeanor", "felony"]] = Field(
        default_factory=list, description="Which offence levels it reaches, if only some (a route for petty offences)."
    )
    felony_classes: list[Code] = Field(
        default_factory=list,
        description="Where the law goes by felony class: which classes (codes of details.offenses.felony_classes) "
        "it reaches, if only some.",
    )
    at_sentencing: bool = Field(
        default=False, description="Ordered only at sentencing: it clears no record already sentenced."
    )
    closed_since: PartialDate | None = Field(
        default=None,
        description="When its window closed for every record it could reach (law history, never a next step).",
    )
    granted_by: str | None = Field(
        default=None,
        description="Who grants it, for a pardon: 'the governor', 'the Board of Pardons and Paroles', 'the President'.",
    )


class Details(Strict):
    relief: list[Relief] = Field(default_factory=list)
    records: RecordCoverage | None = None
    offenses: OffenseCoverage | None = None
    timing: Timing | None = None
    documentation: Documentation | None = None
    conditions: list[Condition] = Field(default_factory=list)
    juvenile: JuvenileRoute | None = None
    other_routes: list[OtherRoute] = Field(default_factory=list)


class PublishedScore(Strict):
    publication: str = Field(description="e.g. 'Polaris/SRP State Report Cards (March 2019)'.")
    date: PartialDate | None = Field(default=None, description="When it was published (ranks compare laws of then).")
    rubric: RubricId
    total: int | None = Field(default=None, ge=0)
    categories: dict[str, int] = Field(default_factory=dict)
    grade: str | None = None
    rank: int | None = Field(default=None, ge=1)
    rank_note: str | None = Field(default=None, description="e.g. 'lowest of the graded jurisdictions'.")
    lowest_graded: bool = Field(default=False, description="The publication ranked it last among graded ones.")
    sources: list[str] = Field(min_length=1)
    note: str | None = None


class LawVersion(Strict):
    id: Code = Field(description="Short id, e.g. 'v2019' or 'v2020'.")
    label: str
    effective: PartialDate = Field(description="When the law took this form.")
    summary: str = Field(description="What this version of the law does, in plain words.")
    adult_relief: bool = Field(description="Trafficking-specific relief for people arrested or prosecuted as adults.")
    statutes: list[Statute] = Field(default_factory=list)
    features: dict[str, Feature] = Field(default_factory=dict)
    details: Details = Field(default_factory=Details)
    published_scores: list[PublishedScore] = Field(default_factory=list)


class PendingBill(Strict):
    bill: str
    year: int = Field(ge=1990, le=2100)
    summary: str
    status: str = Field(description="As far as the sources show, e.g. 'introduced', 'passed House'.")
    sources: list[str] = Field(min_length=1)


class Jurisdiction(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$", description="Postal code, DC, or US for federal law.")
    name: str
    kind: Literal["state", "district", "federal"]
    tile: list[int] | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="Row and column on the trainer's tile map (0-based); none: not on the map.",
    )
    as_of: PartialDate = Field(description="The date the encoded law is current to.")
    records_scope: str | None = Field(
        default=None, description="Whose records the law reaches, if narrower than the usual (e.g. federal only)."
    )
    sources: dict[Code, Source] = Field(min_length=1)
    versions: list[LawVersion] = Field(min_length=1, description="Oldest first; the last is in force.")
    pending: list[PendingBill] = Field(default_factory=list, description="Bills not (yet) law; never scored.")
    data_notes: str | None = Field(default=None, description="Where this file's data is thin, and why.")

    @property
    def current(self) -> LawVersion:
        return self.versions[-1]

    @property
    def in_sentence(self) -> str:
        """The name inside a sentence: "in the District of Columbia", "Ohio's law", "the United States has"
        (not "Federal (United States) has": the name in brackets is the country)."""
        if self.kind == "federal" and self.name.endswith(")") and "(" in self.name:
            return "the " + self.name[self.name.index("(") + 1 : -1]
        return f"the {self.name}" if self.kind == "district" else self.name

    @property
    def at_start(self) -> str:
        """The name that starts a sentence: "The District of Columbia has ..."."""
        return self.in_sentence[0].upper() + self.in_sentence[1:]

    def version(self, version_id: str) -> LawVersion | None:
        for v in self.versions:
            if v.id == version_id:
                return v
        return None

    def version_on(self, day: str) -> LawVersion | None:
        """The version in force on a (partial) date, or None if the first came later."""
        found = None
        for v in self.versions:
            if date_key(v.effective) <= date_key(day):
                found = v
        return found
