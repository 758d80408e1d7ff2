"""Other ways forward for one record, all from the data: other routes, juvenile routes, federal law.

Every sentence here names a route the jurisdiction's file describes, with that route's own
citation, and only for records the route reaches: a pardon only for a conviction, arrest and
non-conviction routes only for arrests and dropped charges, a juvenile route only for someone who
was (or may have been) under 18.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..models.answers import RecordAnswers
from ..models.common import UNSURE, in_scope
from ..models.jurisdiction import OtherRoute
from .results import Reason, Verdict
from .rules import LawView, reason

if TYPE_CHECKING:
    from ..data.catalog import Catalog

FEDERAL = "US"


def route_fits(route: OtherRoute, rec: RecordAnswers) -> bool:
    """The route reaches this kind of record (an unsure kind could be any; an unread reach is shown)."""
    if route.kind == "defense" or route.at_sentencing:
        return False  # raised at trial or asked for at sentencing: it clears no record that already exists
    if route.kind == "juvenile" and rec.age == "adult" and rec.record != "juvenile_adjudication":
        return False
    if route.closed_since is not None:  # no record can use it any more
        return False
    if route.trafficking_specific and rec.connection == "not_connected":
        return False  # a route for records that came from the trafficking: the person said this one did not
    # a prostitution-only route is no help with a drug charge, nor one for petty offences with a felony
    if not (in_scope(route.offenses, rec.offense) and in_scope(route.records, rec.record)):
        return False
    if not in_scope(route.levels, rec.level):
        return False
    felony_class = rec.felony_class if rec.level == "felony" else None
    return felony_class is None or in_scope(route.felony_classes, felony_class)


def unsure_fit(route: OtherRoute, rec: RecordAnswers, phrases: Mapping[str, Mapping[str, str]]) -> str | None:
    """What the record must be for the route to fit, where only an unsure answer lets it fit:
    "a conviction" (a pardon, the kind not known), "a conviction for a misdemeanor"; None if it fits as told."""
    kinds = [phrases["record"][k] for k in route.records] if rec.record == UNSURE and route.records else []
    missing = [phrases["record"][k] for k in phrases["record"] if k not in route.records]
    levels = [f"a {phrases['level'][x]}" for x in route.levels] if rec.level == UNSURE and route.levels else []
    offenses = [phrases["offense"][o] for o in route.offenses] if rec.offense == UNSURE and route.offenses else []
    if not (kinds or levels or offenses):
        return None
    head = " or ".join(kinds or levels or offenses)
    tail = [" or ".join(part) for part in (levels, offenses) if part and part is not (kinds or levels or offenses)]
    if kinds and not tail and len(missing) < len(kinds):  # "not a juvenile court case", not three kinds of four
        return "not " + " or ".join(missing)
    return head + (" for " + " and ".join(tail) if tail else "")


# Other routes: the advocate reads each route's summary (often the constitution's or statute's words); a
# survivor reads what a pardon is in plain words (SURVIVOR_TEXT), and the summary of any other law.
PARDON = "A pardon may be possible: {name}. {summary}"
PARDON_IF = "If it was {fit}, a pardon may be possible: {name}. {summary}"
ANOTHER_LAW = "Another law may help: {name}. {summary}"
ANOTHER_LAW_IF = "If it was {fit}, another law may help: {name}. {summary}"
_PARDON_PLAIN = (
    "A pardon forgives a conviction, but it does not always clear the record. A lawyer can tell {you} how to ask."
)
# a route named only "Pardon": not "A pardon may be possible: Pardon."
PARDON_UNNAMED = "A pardon may be possible. {summary}"
PARDON_UNNAMED_IF = "If it was {fit}, a pardon may be possible. {summary}"
SURVIVOR_TEXT = {
    PARDON: "A pardon may be possible: {name}. " + _PARDON_PLAIN,
    PARDON_IF: "If it was {fit}, a pardon may be possible: {name}. " + _PARDON_PLAIN,
    PARDON_UNNAMED: "A pardon may be possible. " + _PARDON_PLAIN,
    PARDON_UNNAMED_IF: "If it was {fit}, a pardon may be possible. " + _PARDON_PLAIN,
}


def next_steps(catalog: Catalog, law: LawView, rec: RecordAnswers, verdict: Verdict) -> list[Reason]:
    j, v = law.j, law.v
    out: list[Reason] = []
    if verdict in ("not_covered", "no_adult_law", "possibly_eligible"):
        phrases = catalog.terms.phrases.model_dump()
        fitting = [
            (route, unsure_fit(route, rec, phrases)) for route in v.details.other_routes if route_fits(route, rec)
        ]
        # routes that fit the record as told come first; those that fit only if an unsure answer is one way, after
        for route, fit in sorted(fitting, key=lambda pair: pair[1] is not None):
            plain, unsure = (ANOTHER_LAW, ANOTHER_LAW_IF)
            if route.kind == "pardon":
                unnamed = route.name.strip().lower() == "pardon"
                plain, unsure = (PARDON_UNNAMED, PARDON_UNNAMED_IF) if unnamed else (PARDON, PARDON_IF)
            text = plain if fit is None else unsure
            params = {"name": route.name}
            if fit is not None:
                params["fit"] = fit
            out.append(
                reason(
                    "pardon" if route.kind == "pardon" else "other_route",
                    "note",
                    text,
                    "details.other_routes",
                    route.citation or law.fallback,
                    route.confidence,
                    params,
                    {"summary": route.summary},  # may speak to the person: "{You} may ..."
                )
            )
        juvenile = v.details.juvenile
        young = rec.age in ("minor", UNSURE) or rec.record == "juvenile_adjudication"
        if (
            young
            and v.adult_relief
            and juvenile is not None
            and juvenile.available
            and in_scope(juvenile.offenses, rec.offense)  # a route for prostitution records only
            and in_scope(juvenile.records, rec.record)  # a route for pleas in adult court: no juvenile court case
        ):
            out.append(
                reason(
                    "juvenile_route",
                    "note",
                    "For charges from when {you_were} under 18: {summary}",
                    "details.juvenile",
                    juvenile.citation or law.fallback,
                    juvenile.confidence,
                    phrases={"summary": juvenile.summary},
                )
            )
    federal = catalog.jurisdictions.get(FEDERAL)
    if j.code != FEDERAL and federal is not None and federal.current.adult_relief and federal.current.statutes:
        statute = federal.current.statutes[0]
        out.append(
            reason(
                "federal",
                "note",
                "The federal law ({law}) covers federal records only, not records from {name}.",
                "range_of_relief",
                statute.citation,
                federal.current.features["range_of_relief"].confidence
                if "range_of_relief" in federal.current.features
                else None,
                {"law": federal.current.label, "name": j.in_sentence},
            )
        )
    return out
