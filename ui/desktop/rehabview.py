"""What the injury records alone say about an athlete's days, read-only, for the board and the
pin menu (no solver).

- :func:`earliest_stage`: the furthest stage an athlete can have reached on a day: the stage the
  records (and flare-ups) give, moved on by each stage's minimum days (RH-STAGE), the recorded
  stage not before a failed criteria test's retest (RH-CRIT). The rest only holds an athlete back,
  so this is a bound: a cap above it cannot be reached.
- :func:`recorded_stages`: per day of the season, the stage that is certain before any plan: the
  recorded stage up to the planning start, and after it as long as the minimum days keep the
  athlete in it (the unsolved board shows these, issue 14 item 9).
- :func:`pin_limit`: the highest intensity a pin can get on a day, and why (issue 14 item 6):
  nothing on a day the athlete is away or the team does not train, nothing that the athlete's
  stage cap cannot allow by then, no speed day (70 % at most) next to a match the plan has the
  athlete play (HV-5) or on the days after one (HV-6), and no pin at all on a day before the
  planning start (the past keeps what happened; the solver ignores a pin there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.criteria import gate, tests_until
from planner.errors import PeriodizeError
from planner.protocols import Protocol, load_protocol
from planner.rehab import governing, segments, stage_order
from planner.rules import RuleSet
from planner.season import FIT, INJ, PLAYED_LEVELS, Injury, Season
from planner.text import day as day_text
from planner.text import plural
from planner.timeline import Timeline


@dataclass(frozen=True)
class Reach:
    """The furthest stage an athlete can be in on a day: ``stage``, entered at the earliest on
    ``since``, and left at the earliest on ``until`` (None for FIT)."""

    stage: str
    since: dt.date | None
    until: dt.date | None
    recorded: str  # the stage the records give for the day
    protocol: Protocol | None
    gated: bool = False  # a failed criteria test holds the recorded stage until ``until``
    entered: tuple[tuple[str, dt.date], ...] = ()  # each stage up to ``stage``, entered at the earliest


def _protocol(record: Injury) -> Protocol | None:
    try:
        return load_protocol(record.protocol)
    except PeriodizeError:
        return None


def earliest_stage(season: Season, athlete: str, day: dt.date) -> Reach:
    """See the module text. An athlete without a record governing ``day`` is FIT."""
    rec = governing(season.injuries_of(athlete), day)
    proto = _protocol(rec) if rec is not None else None
    if rec is None or proto is None:
        return Reach(FIT, None, None, FIT, proto)
    segs = segments(rec, proto, until=day)
    if not segs:  # injured, no stage recorded yet: no running until the first stage record
        first = min(s.start for s in rec.stages)
        return Reach(INJ, rec.onset, first, INJ, proto)
    stage, since = segs[-1].stage, segs[-1].start
    recorded = stage
    order = stage_order(proto)
    held = _gate(season, rec, proto, stage, since, day)
    entered = []
    while stage != FIT:
        entered.append((stage, since))
        leave = since + dt.timedelta(days=proto.stage(stage).min_days)
        gated = stage == recorded and held is not None and held > leave
        if gated:
            leave = held
        if leave > day:
            return Reach(stage, since, leave, recorded, proto, gated, tuple(entered))
        stage, since = order[order.index(stage) + 1], leave
    return Reach(FIT, since, None, recorded, proto, entered=tuple(entered))


def _gate(season: Season, rec: Injury, proto: Protocol, stage: str, since: dt.date,
          day: dt.date) -> dt.date | None:
    """RH-CRIT: the first day a failed criteria test (taken by ``day``) lets ``stage`` end."""
    if stage not in proto.stage_ids:
        return None
    retest = RuleSet(season.rules).value("RH-CRIT", "retest_days")
    until, _ = gate(rec, proto, stage, since, tests_until(day), retest)
    return until


def recorded_stages(season: Season, athlete: str, tl: Timeline | None = None) -> tuple[str, ...] | None:
    """Per day of the season: the stage that is certain without a plan ("" where only a plan can
    say); None for an athlete without injury records."""
    if not season.injuries_of(athlete):
        return None
    tl = tl or Timeline(season)
    out = []
    for i, day in enumerate(tl.days):
        reach = earliest_stage(season, athlete, day)
        if i <= tl.p0 or reach.stage == reach.recorded:  # the past, the stage recorded now
            out.append(reach.recorded)
        else:
            out.append("")
    return tuple(out)


def pin_limit(season: Season, athlete: str, day: dt.date, tl: Timeline | None = None
              ) -> tuple[int, str] | None:
    """(highest level a pin can hold, the reason) on the athlete's day; None when any level may
    work. A level of -1: no pin works on that day."""
    tl = tl or Timeline(season)
    i = tl.index(day)
    if i is None:
        return -1, "the day is outside the season"
    if i < tl.p0:
        return -1, f"before {day_text(tl.days[tl.p0])} the past is kept (a pin there is ignored)"
    if i in tl.unavailable(athlete):
        return 0, "the athlete is away on this day"
    if not tl.is_training[i] and not tl.is_comp[i]:
        return 0, "no training on this day"
    reach = earliest_stage(season, athlete, day)
    if reach.stage == FIT or reach.protocol is None:
        return _after_a_match(season, athlete, i, tl)
    if reach.stage == INJ:
        return 0, "injured, no rehab stage recorded yet"
    cap = reach.protocol.cap(reach.stage)
    if reach.stage != reach.recorded:  # a stage the athlete may reach, not one recorded
        return cap, f"{reach.stage} at the furthest by then (cap {cap} %)"
    return cap, (f"still {reach.stage} (cap {cap} %)"
                 + (f" until {day_text(reach.until)} at the earliest" if reach.until else "")
                 + (": a failed criteria test holds it until the retest" if reach.gated else ""))


def pin_header(season: Season, athlete: str, day: dt.date, tl: Timeline | None = None) -> str | None:
    """The pin menu's first line: the highest level a pin can hold and why (:func:`pin_limit`);
    None when any level may work. On a day the plan has in a stage below the one that level
    needs, the plan's stage and cap first, then the stage the level needs and its earliest day:
    "P3 here (cap 90 %); 100 % needs S2, not before Wed 12 Aug" (review 256: "Up to 100 % here:
    still S2 …" on a day the Inspector showed P3, cap 90 %, ran off a 1024-pixel screen)."""
    tl = tl or Timeline(season)
    limit = pin_limit(season, athlete, day, tl)
    if limit is None:
        return None
    top, why = limit
    if top < 0:
        return f"No pin can hold here: {why}"
    planned = _planned_stage(season, athlete, day, tl)
    reach = earliest_stage(season, athlete, day) if planned else None
    proto = reach.protocol if reach is not None else None
    if proto is not None and planned in proto.stage_ids and proto.cap(planned) < top:
        order = [st for st, _ in reach.entered]
        need = next((st for st in order[order.index(planned) + 1:] if proto.cap(st) >= top)
                    if planned in order else None, None)
        since = dict(reach.entered).get(need) if need else None
        if since is not None:
            return (f"{planned} here (cap {proto.cap(planned)} %); {top} % needs {need}, "
                    f"not before {day_text(since)}")
    return f"Up to {top} % here: {why}"


def _planned_stage(season: Season, athlete: str, day: dt.date, tl: Timeline) -> str:
    """The stage the plan has the athlete in on ``day``; "" without a plan of the athlete."""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    i = tl.index(day)
    if ap is None or i is None or len(ap.stages) != tl.n:
        return ""
    return ap.stages[i]


def _after_a_match(season: Season, athlete: str, i: int, tl: Timeline) -> tuple[int, str] | None:
    """HV-6 and HV-5 in the plan as it stands: no speed day (80 % and up) on the days after a
    match the plan has the athlete play (HV-6), nor within HV-5's rest days before or after one
    (a played match is a speed day: MD-1 of a match the athlete starts took 100 %, and its
    re-plan searched to no plan, review 281). A match day itself is the match."""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    if ap is None or len(ap.intensity) != tl.n or tl.is_comp[i]:
        return None
    rules = RuleSet(season.rules)
    after, rest = rules.value("HV-6", "days_after"), rules.value("HV-5", "rest_days")

    def played(j: int) -> bool:
        # (a role set to out since the plan was made: the athlete no longer plays it)
        return (0 <= j < tl.n and tl.is_comp[j] and ap.stages[j] == FIT
                and ap.intensity[j] in PLAYED_LEVELS
                and any(season.role_of(athlete, c.id) != "out" for c in tl.comp_on[j]))

    gap = plural(rest, "rest day")
    for k in range(1, max(after, rest) + 1):
        if played(i - k):
            name = tl.comp_on[i - k][0].name
            if k <= after:
                return 70, (f"MD+{k} after '{name}', which the plan has the athlete play: no "
                            f"speed day on the {after} days after a match played (HV-6)")
            return 70, (f"MD+{k} after '{name}', which the plan has the athlete play: a match "
                        f"played is a speed day, and speed days need {gap} between them (HV-5)")
        if k <= rest and played(i + k):
            name = tl.comp_on[i + k][0].name
            return 70, (f"MD-{k} before '{name}', which the plan has the athlete play: a match "
                        f"played is a speed day, and speed days need {gap} between them (HV-5)")
    return None
