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

from planner.history import played_as_planned
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
                role = "start" if it == PLAY_LEVEL["start"] else "bench"
                if role == "start" and rng.random() < 0.1:
                    role = "bench"  # subbed early: counts as a bench appearance
                    minutes, rpe = table.bench
                # a start reads as one, a bench appearance as one, whatever the season's line
                played = played_as_planned(role, minutes, table.start_from)
                minutes = max(minutes, played)  # a session's minutes include the match played
            elif top is not None and rng.random() < 0.05:
                top = min(100.0, top + 10.0)  # faster than planned
            pain = 6.0 if stage != FIT and rng.random() < 0.03 else None
            out.append(Session(athlete=a.id, date=tl.days[d], minutes=minutes, rpe=rpe,
                               top_speed_pct=top, minutes_played=played, pain=pain))
    return tuple(out)
