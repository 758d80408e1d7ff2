"""Every reason that keeps a verdict at "possibly" says which kind of possibly it is."""

from __future__ import annotations

import itertools

from assistant.core.engine import Evaluator
from tests.factories import answers_with


def test_every_uncertain_reason_names_its_basis(catalog):
    evaluator = Evaluator(catalog, 2026)
    for code in catalog.jurisdictions:
        for record, offense, connection, pending in itertools.product(
            ("arrest", "conviction", "unsure"), ("theft", "violent", "unsure"), ("because", "unsure"), ("yes", "no")
        ):
            answers = answers_with(
                {
                    "jurisdiction": code,
                    "record": record,
                    "offense": offense,
                    "connection": connection,
                    "pending_charges": pending,
                },
                documentation=["none"],
            )
            r = evaluator.assess_record(answers, 0)
            for x in r.reasons:
                if x.effect == "uncertain":
                    assert x.basis in ("show", "judge", "data", "answer"), (code, x.rule, x.text)
                elif x.effect == "note" and x.basis is not None:
                    # a note may say only that our data does not know a part (told once to a survivor)
                    assert x.basis == "data" and "could not confirm" in x.text, (code, x.rule, x.text)
                else:
                    assert x.basis is None, (code, x.rule)
