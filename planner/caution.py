"""Cautions the log puts on an athlete's planned speed days: a pain logged at or above the
threshold of the pain warning (``planner.progress.pain_alerts``: a fit athlete's pain, not a
flare-up recorded nor one proposed in rehab, which have words of their own). The plan is not
changed for them (that would be a rule): the Inspector and the handout say them on the day, so
the coach checks with the athlete before he sprints."""

from __future__ import annotations

import datetime as dt

from planner.season import SPEED_DAY, Plan, Season
from planner.text import day as day_words
from planner.timeline import Timeline

PAIN_CAUTION_DAYS = 7  # the planned speed days this soon after a pain logged carry its note


def caution_notes(season: Season, athlete: str, plan: Plan | None = None,
                  tl: Timeline | None = None) -> dict[dt.date, str]:
    """Day -> the caution of each planned speed day (today on, not a match day) of ``athlete``:
    "Pain 5/10 logged Fri 25 Sep: check with the athlete before sprinting" on those within
    PAIN_CAUTION_DAYS after the pain."""
    plan = plan if plan is not None else season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    if ap is None:
        return {}
    tl = tl if tl is not None else Timeline(season)
    speed = [tl.days[i] for i in range(tl.p0, min(tl.n, len(ap.intensity)))
             if ap.intensity[i] >= SPEED_DAY and not tl.is_comp[i]]
    out: dict[dt.date, list[str]] = {}
    for day, words in _pain_cautions(season, athlete, speed):
        out.setdefault(day, []).append(words)
    return {day: "; ".join(words) for day, words in out.items()}


def _pain_cautions(season: Season, athlete: str, speed: list[dt.date]) -> list[tuple[dt.date, str]]:
    from planner.progress import pain_alerts

    out = []
    for p in pain_alerts(season, athlete):
        until = p.date + dt.timedelta(days=PAIN_CAUTION_DAYS)
        out += [(d, f"Pain {p.pain:g}/10 logged {day_words(p.date)}: check with the athlete "
                    f"before sprinting") for d in speed if p.date < d <= until]
    return out

