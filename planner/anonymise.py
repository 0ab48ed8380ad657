"""Anonymised copies for sharing outside the staff: the one implementation every export uses.

Athlete names become their IDs (also inside plan messages), reasons for absences are dropped
(a leaver's "left the squad" and a signing's "not in the squad yet" stay: they say nothing of his
health, and every figure tells his days not with the squad from an absence by them), and injuries keep only what the plan needs (no notes; no onset date in a message: "after the
injury of Mon 12 Oct" reads "after an injury"). Protocol and stage *content* are never
written by an anonymised export; each exporter asks :func:`scrub` for its free text.
"""

from __future__ import annotations

from planner import text as words
from planner.season import Plan, Season
from planner.squad import is_absence


def name_pairs(season: Season) -> list[tuple[str, str]]:
    """(name, id) pairs, longest name first (so "Ben Hart Jr" is replaced before "Ben Hart")."""
    return sorted(((a.name, a.id) for a in season.athletes), key=lambda x: -len(x[0]))


def onset_pairs(season: Season) -> list[tuple[str, str]]:
    """("the injury of <onset>", "an injury") pairs (and "the next injury on <onset>"), in each
    way a message dates an injury (the plan checker's RTS lines, the solver's explanation): the
    onset is health data, and with the squad list it names the player."""
    out = []
    for rec in season.injuries:
        for fmt in (words.day_long, words.day, words.date_long):
            out.append((f"the injury of {fmt(rec.onset)}", "an injury"))
            out.append((f"the next injury on {fmt(rec.onset)}", "the next injury"))
    return out


def text_pairs(season: Season) -> list[tuple[str, str]]:
    """What :func:`scrub` replaces in an anonymised message: the names, then the injury dates."""
    return name_pairs(season) + onset_pairs(season)


def scrub(text: str, pairs: list[tuple[str, str]]) -> str:
    """``text`` with every athlete name replaced by the athlete's ID."""
    for name, aid in pairs:
        text = text.replace(f"{name} ({aid})", aid).replace(name, aid)
    return text


def anonymised_season(season: Season) -> Season:
    """Names replaced by IDs, reasons for absences dropped (not a leaver's or a signing's:
    :func:`planner.squad.is_absence`); plan messages scrubbed."""
    pairs = text_pairs(season)
    plan = anonymised_plan(season.plan, pairs) if season.plan is not None else None
    return season.model_copy(update={
        "athletes": tuple(a.model_copy(update={"name": a.id}) for a in season.athletes),
        "unavailability": tuple(u.model_copy(update={"reason": ""}) if is_absence(u) else u
                                for u in season.unavailability),
        "plan": plan,
    })


def anonymised_plan(plan: Plan, pairs: list[tuple[str, str]]) -> Plan:
    return plan.model_copy(update={
        "soft": tuple(v.model_copy(update={"message": scrub(v.message, pairs)}) for v in plan.soft)})


def anonymised(season: Season, plan: Plan | None = None) -> tuple[Season, Plan | None]:
    """The anonymised season and (when given) plan, ready for any exporter."""
    pairs = text_pairs(season)
    out_plan = anonymised_plan(plan, pairs) if plan is not None else None
    return anonymised_season(season), out_plan
