"""The rule-template plan a coach builds in a spreadsheet, to compare the solver against:
a deload every 4th week (taper before A competitions), HV training on MD-3 for fit athletes,
rehab stages advanced at their minimum durations at the stage cap twice a week."""

from __future__ import annotations

import datetime as dt

from planner.protocols import load_protocol
from planner.rehab import stage_on
from planner.season import FIT, INJ, AthletePlan, Plan, Season
from planner.timeline import Timeline


def baseline_plan(season: Season) -> Plan:
    tl = Timeline(season)
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
    athletes = []
    for a in season.athletes:
        inj = season.injury_of(a.id)
        proto = load_protocol(inj.protocol) if inj else None
        stages = []
        if inj is None:
            stages = [FIT] * tl.n
        else:
            cur = inj.current
            order = proto.stage_ids + (FIT,)
            starts, day = {}, cur.start
            for st in order[order.index(cur.stage):]:
                starts[st] = day
                if st != FIT:
                    day = day + dt.timedelta(days=proto.stage(st).min_days)
            for d in tl.days:
                if d < cur.start:
                    stages.append(stage_on(inj, proto, d))
                else:
                    stages.append(max((s for s in starts if starts[s] <= d), key=lambda s: starts[s]))
        off = tl.unavailable(a.id)
        intens = []
        for i in range(tl.n):
            st = stages[i]
            if i in off:
                intens.append(0)
            elif tl.is_comp[i]:
                intens.append(100 if st == FIT else 0)
            elif not tl.is_training[i]:
                intens.append(0)
            elif st == FIT:
                intens.append(95 if tl.label(i) == "MD-3" else 70)
            elif st == INJ:
                intens.append(0)
            else:
                cap = proto.cap(st)
                two_a_week = tl.days[i].weekday() in (1, 3)  # Tuesday and Thursday
                intens.append(cap if (two_a_week or cap <= 70) else min(cap, 70) if cap >= 60 else 0)
        weeks = [team[w] if stages[tl.weeks[w].first] == FIT else ("load" if team[w] == "taper" else team[w])
                 for w in range(len(tl.weeks))]
        athletes.append(AthletePlan(athlete=a.id, stages=tuple(stages), intensity=tuple(intens), weeks=tuple(weeks)))
    return Plan(status="manual", team_weeks=tuple(team), athletes=tuple(athletes))
