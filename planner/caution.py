"""Cautions the log puts on an athlete's planned speed days: a pain logged at or above the
threshold of the pain warning (``planner.progress.pain_alerts``: a fit athlete's pain, not a
flare-up recorded nor one proposed in rehab, which have words of their own), and a run of days
logged without training (ill, absent). The plan is not changed for them (that would be a rule):
the Inspector and the handout say them on the day, so the coach checks with the athlete before
he sprints."""

from __future__ import annotations

import datetime as dt

from planner.history import logged_days
from planner.season import SPEED_DAY, Plan, Season
from planner.text import day as day_words
from planner.timeline import Timeline

PAIN_CAUTION_DAYS = 7  # the planned speed days this soon after a pain logged carry its note
IDLE_RUN = 2  # this many days in a row logged without training put a note on the next speed day


def logged_idle(season: Season, athlete: str, day: dt.date) -> bool:
    """Was ``day`` logged with no minutes (ill, absent, rested): no session at all?"""
    got = logged_days(season, athlete).get(day)
    return got is not None and not got.minutes


def caution_notes(season: Season, athlete: str, plan: Plan | None = None,
                  tl: Timeline | None = None) -> dict[dt.date, str]:
    """Day -> the caution of each planned speed day (today on, not a match day) of ``athlete``:
    "Pain 5/10 logged Fri 25 Sep: check with the athlete before sprinting" on those within
    PAIN_CAUTION_DAYS after the pain, "First speed day after 3 days logged without training
    (Thu 24 – Sat 26 Sep): check the athlete is well before sprinting" on the first one after
    IDLE_RUN or more days in a row logged without training."""
    plan = plan if plan is not None else season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    if ap is None:
        return {}
    tl = tl if tl is not None else Timeline(season)
    speed = [tl.days[i] for i in range(tl.p0, min(tl.n, len(ap.intensity)))
             if ap.intensity[i] >= SPEED_DAY and not tl.is_comp[i]]
    out: dict[dt.date, list[str]] = {}
    for day, words in _pain_cautions(season, athlete, speed) + _idle_cautions(season, athlete, tl, ap):
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


def _idle_runs(season: Season, athlete: str, tl: Timeline) -> list[tuple[int, int]]:
    """(first, last) day indexes of the runs of training and match days logged without
    training, before today; days with neither between them (a Sunday) do not break a run."""
    runs, first, last = [], None, None
    for i in range(tl.p0):
        if not (tl.is_training[i] or tl.is_comp[i]):
            continue
        if logged_idle(season, athlete, tl.days[i]):
            first, last = (i if first is None else first), i
        elif first is not None:
            runs.append((first, last))
            first = None
    if first is not None:
        runs.append((first, last))
    return runs


def _idle_cautions(season: Season, athlete: str, tl: Timeline, ap) -> list[tuple[dt.date, str]]:
    """The first speed day after each run of IDLE_RUN or more days logged without training,
    when it is still planned (today on) and no session with minutes was logged after the run."""
    logged = logged_days(season, athlete)
    out = []
    for first, last in _idle_runs(season, athlete, tl):
        days = [i for i in range(first, last + 1) if tl.is_training[i] or tl.is_comp[i]]
        if len(days) < IDLE_RUN:
            continue
        nxt = next((i for i in range(last + 1, min(tl.n, len(ap.intensity)))
                    if ap.intensity[i] >= SPEED_DAY and not tl.is_comp[i]), None)
        if nxt is None or nxt < tl.p0:
            continue
        if any((got := logged.get(tl.days[i])) is not None and got.minutes
               for i in range(last + 1, tl.p0)):
            continue  # trained since: back already
        a, b = tl.days[first], tl.days[last]
        since = day_words(a) if a.month != b.month else day_words(a).rsplit(" ", 1)[0]
        out.append((tl.days[nxt], f"First speed day after {len(days)} days logged without "
                                  f"training ({since} – {day_words(b)}): check the athlete is "
                                  f"well before sprinting"))
    return out
