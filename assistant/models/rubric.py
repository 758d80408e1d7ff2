"""A grading rubric as data: categories, levels with points, grade bands."""

from typing import Literal

from pydantic import Field

from .common import Code, Likelihood, PartialDate, RubricId, Strict
from .jurisdiction import ConditionCode, Coverage, LevelCoverage, ReliefType

# How a law at a level bears on one person's case: it helps, it is worth knowing, or it can stand in
# the way (an obstacle makes a verdict at best "possibly eligible").
Effect = Literal["supports", "note", "obstacle"]


class ImpliedRelief(Strict):
    type: ReliefType
    substantive_defect: bool = False


class ImpliedOffenses(Strict):
    misdemeanor: LevelCoverage
    felony: LevelCoverage


class Implies(Strict):
    """What a law at this level implies for the details eligibility reads (used by what-if changes)."""

    relief: ImpliedRelief | None = None
    records: dict[Literal["arrest", "dismissed"], Coverage] | None = None
    offenses: ImpliedOffenses | None = None
    reasonable_time: str | None = Field(default=None, description="The soft time limit a 'lenient' level implies.")
    no_timing: bool = Field(default=False, description="No deadline and no wait.")
    presumption: bool | None = Field(default=None, description="Official documents create a presumption.")
    no_conditions: bool = Field(default=False, description="No conditions beyond the link and the offence.")


class Level(Strict):
    code: Code = Field(description="Stable value code used in states/*.yaml, e.g. 'as_a_result'.")
    points: int = Field(ge=0)
    label: str = Field(description="Short label, e.g. 'As a result of'.")
    description: str = Field(description="What a law at this level says, in plain words.")
    means: str | None = Field(
        default=None,
        description="What this level asks of the person, with voice tokens such as {you} and {your}: needed "
        "for a level below the best (what falling short means); at the best level, optional.",
    )
    meets: dict[str, Likelihood] | None = Field(
        default=None,
        description="For the nexus category: how likely each answer about the connection to the "
        "trafficking (forced, because, while_trafficked, not_connected) meets this standard.",
    )
    meets_during: dict[str, Likelihood] | None = Field(
        default=None,
        description="For the nexus category: how an answer meets this standard when the person's own dates "
        "put the charge inside the trafficking (the record's year is before the year it ended, or it has "
        "not ended). Answers not named keep their `meets`.",
    )
    effect: Effect | None = Field(
        default=None, description="For procedure categories: how a law at this level bears on a person's case."
    )
    implies: Implies | None = Field(
        default=None, description="What a law at this level implies for the details eligibility reads."
    )


class ConditionRule(Strict):
    """How one kind of restrictive condition bears on a person's case."""

    effect: Effect = Field(description="obstacle: it can stand in the way whatever the answers; note: worth knowing.")
    met_by: Literal["no_pending_charges", "certification"] | None = Field(
        default=None, description="The answer that shows it is met (then it supports) or not (then an obstacle)."
    )
    caution: str | None = Field(default=None, description="A safety word shown with it, in plain words.")


# The rules' contract with the rubric: what every level of these categories must declare, so that
# eligibility can interpret it. `relief validate` refuses a level that lacks it.
RULES_READ: dict[str, str] = {
    "range_of_relief": "implies.relief",
    "arrests_and_adjudications": "implies.records",
    "offenses_covered": "implies.offenses",
    "judicial_discretion": "effect",
    "nexus": "meets",
    "time_limits": "effect",
    "hearing": "effect",
    "burden_of_proof": "effect",
    "official_documentation": "implies.presumption",
    "confidentiality": "effect",
    "additional_restrictive_conditions": "effect",
}


class Category(Strict):
    id: Code
    name: str
    summary: str = Field(description="What this category looks at, in one sentence.")
    ideal: str = Field(description="What an ideal law does here, in plain words.")
    why_it_matters: str = Field(description="Why this matters to a survivor, in plain words.")
    check: str | None = Field(
        default=None,
        description="This part in a survivor's words, for 'a lawyer should check ...' ('whether official papers "
        "help'); the name, lower-cased, if none.",
    )
    levels: list[Level] = Field(min_length=2)

    @property
    def max_points(self) -> int:
        return max(level.points for level in self.levels)

    @property
    def min_points(self) -> int:
        return min(level.points for level in self.levels)

    def level(self, code: str) -> Level | None:
        for level in self.levels:
            if level.code == code:
                return level
        return None

    @property
    def codes(self) -> list[str]:
        return [level.code for level in self.levels]


class GradeBand(Strict):
    grade: str = Field(min_length=1, max_length=2)
    min: int = Field(ge=0, description="Lowest total that earns this grade.")


class Grading(Strict):
    assumption: bool = Field(description="True when the bands are this tool's assumption, not the publication's own.")
    note: str
    bands: list[GradeBand] = Field(min_length=1)

    def grade_for(self, total: int) -> str:
        for band in self.bands:
            if total >= band.min:
                return band.grade
        return self.bands[-1].grade


class Rule(Strict):
    code: Code
    text: str


class Rubric(Strict):
    id: RubricId
    name: str
    short_name: str
    published: PartialDate
    source_title: str
    source_url: str
    max_points: int = Field(gt=0)
    zero_without_adult_relief: bool = Field(
        description="A jurisdiction with no relief for people arrested or prosecuted as adults "
        "scores 0 in every category and gets no grade."
    )
    rules: list[Rule] = Field(default_factory=list)
    grading: Grading
    categories: list[Category] = Field(min_length=1)
    conditions: dict[ConditionCode, ConditionRule] = Field(
        default_factory=dict, description="How each kind of restrictive condition bears on a person's case."
    )

    def category(self, category_id: str) -> Category | None:
        for category in self.categories:
            if category.id == category_id:
                return category
        return None
