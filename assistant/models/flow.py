"""The screening conversation as data (flows/*.yaml): questions in two voices, options as codes."""

from typing import Any, Literal, Self

from pydantic import Field, model_validator

from .common import Code, Strict

Voice = Literal["survivor", "advocate"]
QuestionKind = Literal["single", "multiple", "year", "yes_no", "text"]


class When(Strict):
    """Ask a question only when an earlier answer is one of `one_of`, or none of `none_of`."""

    answer: Code = Field(description="The id of an earlier question.")
    one_of: list[str] | None = None
    none_of: list[str] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Self:
        if (self.one_of is None) == (self.none_of is None):
            raise ValueError("give exactly one of one_of and none_of")
        return self

    @property
    def codes(self) -> list[str]:
        return list(self.one_of if self.one_of is not None else self.none_of or [])

    def holds(self, answers: Any) -> bool:
        """True when the question should be asked; an answer not given yet is none of the codes."""
        value = answers.get(self.answer)
        return value in self.codes if self.one_of is not None else value not in self.codes


class Said(Strict):
    """Text in the two voices: a survivor is "you", an advocate's client is "your client"."""

    survivor: str
    advocate: str

    @model_validator(mode="before")
    @classmethod
    def _same_in_both(cls, data: Any) -> Any:
        """A plain string means the same words in both voices."""
        return {"survivor": data, "advocate": data} if isinstance(data, str) else data

    def __call__(self, voice: str) -> str:
        return self.survivor if voice == "survivor" else self.advocate


class TextBy(Strict):
    """The question's words when an earlier answer is known ("What year was the conviction?")."""

    answer: Code = Field(description="The id of an earlier question.")
    texts: dict[str, Said] = Field(min_length=1, description="The words for each answer code; others keep `text`.")


class Option(Strict):
    code: Code
    label: Said
    hint: Said | None = None
    safety: bool = Field(
        default=False,
        description="This answer means the person may be in danger now: every face answers it at once with "
        "the safety note (flows/terms.yaml), before any other question or result.",
    )


class Question(Strict):
    id: Code = Field(description="Also the answers-file field it fills.")
    group: Literal["records"] | None = Field(default=None, description="'records': asked once per record.")
    kind: QuestionKind
    text: Said
    text_by: TextBy | None = Field(default=None, description="Other words once an earlier answer is known.")
    why: Said = Field(description="Why we ask, shown on request.")
    options: list[Option] = Field(default_factory=list)
    options_from: Literal["jurisdictions", "felony_classes"] | None = Field(
        default=None,
        description="Fill the options from the encoded jurisdictions, or from the felony classes of the "
        "record's place (the question is asked only where its law lists them).",
    )
    where_law_lists: Literal["drug_charges"] | None = Field(
        default=None,
        description="Ask only where the record's place's law lists these (details.offenses.drug_charges): "
        "elsewhere the answer would change nothing.",
    )
    extra_years: list[Option] = Field(
        default_factory=list, description="For year questions: answers besides a year, e.g. 'ongoing'."
    )
    when: When | None = Field(
        default=None, description="Ask only when an earlier answer is (or is not) one of some codes."
    )
    otherwise: Code | None = Field(
        default=None, description="The answer to record when `when` says not to ask (it is implied)."
    )
    loop: bool = Field(default=False, description="A yes/no question that repeats its group on 'yes'.")
    unsure_means: Code | None = Field(
        default=None, description="What an 'I'm not sure' answer is taken as, when the answer must be definite."
    )
    unsure_label: Said | None = Field(
        default=None,
        description="The 'I'm not sure' answer's own label where it is taken as `unsure_means`, so the "
        "person is told what it does (\"I'm not sure, so that's all for now\").",
    )
    optional: bool = Field(default=False, description="May be left empty (free text).")

    @model_validator(mode="after")
    def _label_says_what_unsure_means(self) -> Self:
        if self.unsure_label is not None and self.unsure_means is None:
            raise ValueError("unsure_label is for a question whose 'not sure' is taken as unsure_means")
        return self

    def option(self, code: str) -> Option | None:
        for opt in [*self.options, *self.extra_years]:
            if opt.code == code:
                return opt
        return None

    @property
    def codes(self) -> list[str]:
        return [o.code for o in self.options]


class Flow(Strict):
    id: Code
    title: str
    unsure: Said = Field(description="The label of the 'I'm not sure' answer every question has.")
    questions: list[Question] = Field(min_length=1)

    def question(self, qid: str) -> Question | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None

    @property
    def top_before(self) -> list[Question]:
        out = []
        for q in self.questions:
            if q.group is not None:
                break
            out.append(q)
        return out

    @property
    def group(self) -> list[Question]:
        return [q for q in self.questions if q.group == "records"]

    @property
    def top_after(self) -> list[Question]:
        seen_group = False
        out = []
        for q in self.questions:
            if q.group is not None:
                seen_group = True
            elif seen_group:
                out.append(q)
        return out
