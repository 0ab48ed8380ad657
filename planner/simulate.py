"""A season lived week by week, for tests and benchmarks: what a squad "did" as a log.

:func:`log_week` turns the stored plan's days of one week into logged sessions, the way a
staff would record them (minutes and RPE of the session the plan gave, as the rules' load table
has it: shorter team sessions in a deload or taper week; the top speed reached
near the planned intensity, minutes played in a match), with seeded surprises: a skipped
session, a faster day than planned, a starter who played only 20 minutes, a painful day of an
athlete in rehab. Nothing here is used by the app or the solver.
"""

from __future__ import annotations

import datetime as dt
import random

from planner.loadtable import LoadTable
from planner.protocols import load_protocol
from planner.rehab import governing
from planner.season import FIT, PLAY_LEVEL, PLAYED_LEVELS, Season, Session
from planner.timeline import Timeline


def _session_of(tl: Timeline, table: LoadTable, d: int, stage: str, intensity: int, kind: str,
                proto) -> tuple[float, float] | None:
    """(minutes, RPE) of the planned day as the load table has it (a deload week's shorter team
    sessions, a rehab stage's session), or None for a rest day."""
    if tl.is_comp[d] and stage == FIT and intensity in PLAYED_LEVELS:
        return table.start if intensity == PLAY_LEVEL["start"] else table.bench
    if intensity == 0 and not tl.is_training[d]:
        return None
    if stage != FIT:
        return table.stage_session(stage, proto)
    if intensity == 0:
        return table.recovery
    return (table.minutes[kind], table.fit_rpe(intensity))


def log_week(season: Season, first: dt.date, last: dt.date, seed: int = 1) -> tuple[Session, ...]:
    """Logged sessions for days ``first`` .. ``last`` as the stored plan has them, with surprises."""
    rng = random.Random(f"{seed}:{first.isoformat()}")
    tl = Timeline(season)
    table = LoadTable.of_season(season)
    out = []
    for a in season.athletes:
        ap = season.plan.for_athlete(a.id)
        for d in range(max(0, tl.index(first) or 0), (tl.index(last) or tl.n - 1) + 1):
            stage, it = ap.stages[d], ap.intensity[d]
            rec = governing(season.injuries_of(a.id), tl.days[d])
            proto = load_protocol(rec.protocol) if rec is not None else None
            base = _session_of(tl, table, d, stage, it, ap.weeks[tl.week_of[d]], proto)
            if base is None or (rng.random() < 0.04 and not tl.is_comp[d]):
                continue  # a rest day, or a session missed
            minutes, rpe = base
            played = None
            top = float(it) if it > 0 else None
            if tl.is_comp[d] and stage == FIT and it in PLAYED_LEVELS:
                played = 90.0 if it == PLAY_LEVEL["start"] else 20.0
                if it == PLAY_LEVEL["start"] and rng.random() < 0.1:
                    played = 20.0  # subbed early: counts as a bench appearance
                    minutes, rpe = table.bench
                if played == 20.0 and played >= table.start_from:  # under the season's start line
                    played = max(table.start_from - 1, table.start_from / 2)
            elif top is not None and rng.random() < 0.05:
                top = min(100.0, top + 10.0)  # faster than planned
            pain = 6.0 if stage != FIT and rng.random() < 0.03 else None
            if played is not None:
                played = min(played, float(minutes))  # a rule set's shorter match is played whole
            out.append(Session(athlete=a.id, date=tl.days[d], minutes=minutes, rpe=rpe,
                               top_speed_pct=top, minutes_played=played, pain=pain))
    return tuple(out)
