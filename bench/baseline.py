"""The rule-template plan a coach builds in a spreadsheet, to compare the solver against:
a deload every 4th week (taper before A competitions), HV training on MD-3 for fit athletes,
players at their role on match days, rehab stages advanced at their minimum durations at the
stage cap twice a week."""

from __future__ import annotations

import datetime as dt

from planner.protocols import load_protocol
from planner.rehab import stage_on
from planner.season import FIT, INJ, AthletePlan, Plan, Season
from planner.timeline import Timeline


def _team_weeks(tl: Timeline) -> list[str]:
    tapers = tl.taper_weeks(2)
    a_weeks = tl.a_weeks()
    team = []
    for w in range(len(tl.weeks)):
        if w in tapers:
            team.append("taper")
        elif (w + 1) % 4 == 0 and w not in a_weeks and (w + 1) not in tapers and (w - 1) not in tapers:
            team.append("deload")
        else:
            team.append("load")
    return team


def _stages(season: Season, tl: Timeline, athlete: str) -> list[str]:
    """The recorded stages, then each later stage at its minimum duration (latest record)."""
    inj = season.injury_of(athlete)
    if inj is None:
        return [FIT] * tl.n
    proto = load_protocol(inj.protocol)
    cur = inj.current
    order = proto.stage_ids + (FIT,)
    starts, day = {}, cur.start
    for st in order[order.index(cur.stage):]:
        starts[st] = day
        if st != FIT:
            day = day + dt.timedelta(days=proto.stage(st).min_days)
    return [stage_on(inj, proto, d) if d < cur.start
            else max((s for s in starts if starts[s] <= d), key=lambda s: starts[s])
            for d in tl.days]


def _day(season: Season, tl: Timeline, athlete: str, i: int, stage: str, off: set[int]) -> int:
    if i in off or stage == INJ:
        return 0
    if tl.is_comp[i]:
        if stage != FIT:
            return 0
        roles = {season.role_of(athlete, c.id) for c in tl.comp_on[i]}
        if "start" in roles:
            return 100
        if "bench" in roles:
            return 80
        return 70 if tl.training_weekday[i] else 0
    if not tl.is_training[i]:
        return 0
    if stage == FIT:
        return 95 if tl.label(i) == "MD-3" else 70
    cap = load_protocol(season.injury_of(athlete).protocol).cap(stage)
    two_a_week = tl.days[i].weekday() in (1, 3)  # Tuesday and Thursday
    return cap if (two_a_week or cap <= 70) else min(cap, 70) if cap >= 60 else 0


def baseline_plan(season: Season) -> Plan:
    tl = Timeline(season)
    team = _team_weeks(tl)
    athletes = []
    for a in season.athletes:
        stages = _stages(season, tl, a.id)
        off = tl.unavailable(a.id)
        intens = [_day(season, tl, a.id, i, stages[i], off) for i in range(tl.n)]
        weeks = [team[w] if stages[tl.weeks[w].first] == FIT else ("load" if team[w] == "taper" else team[w])
                 for w in range(len(tl.weeks))]
        athletes.append(AthletePlan(athlete=a.id, stages=tuple(stages), intensity=tuple(intens),
                                    weeks=tuple(weeks)))
    return Plan(status="manual", team_weeks=tuple(team), athletes=tuple(athletes))
