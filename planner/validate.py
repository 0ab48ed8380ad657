"""Document-wide checks of a season: references, dates, rehab records against their protocol.

:func:`season_problems` returns every problem as ``"path: what is wrong; the fix"``. The loader,
the importers and the edits call it, so a bad season never reaches the solver.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from planner.errors import InputError
from planner.protocols import available_protocols, load_protocol
from planner.rehab import segments
from planner.rules import settings_problems
from planner.season import FIT, LEVELS, Season


def planning_start(season: Season) -> dt.date:
    """The first day that may still be planned: the later of the season start and ``today``."""
    cal = season.calendar
    return max(cal.start, cal.today) if cal.today else cal.start


def season_problems(season: Season) -> list[str]:
    cal = season.calendar
    out: list[str] = []

    def inside(day: dt.date, where: str) -> bool:
        if not (cal.start <= day <= cal.end):
            out.append(f"{where}: {day.isoformat()} is outside the season "
                       f"({cal.start.isoformat()} to {cal.end.isoformat()}); move it inside")
            return False
        return True

    for i, d in enumerate(cal.non_training_days):
        inside(d.date, f"calendar.non_training_days[{i}].date")
    for key, n in Counter(d.date for d in cal.non_training_days).items():
        if n > 1:
            out.append(f"calendar.non_training_days: {key.isoformat()} is listed {n} times; list it once")

    athlete_ids = [a.id for a in season.athletes]
    for key, n in Counter(athlete_ids).items():
        if n > 1:
            i = athlete_ids.index(key)
            out.append(f"athletes[{i}].id: {key!r} is used by {n} athletes; give each athlete a unique id")
    known = set(athlete_ids)

    comp_ids = [c.id for c in season.competitions]
    for key, n in Counter(comp_ids).items():
        if n > 1:
            out.append(f"competitions: id {key!r} is used {n} times; give each competition a unique id")
    for i, c in enumerate(season.competitions):
        inside(c.date, f"competitions[{i}].date ({c.name})")
        if c.end_date:
            inside(c.end_date, f"competitions[{i}].end_date ({c.name})")

    for i, b in enumerate(season.blocks):
        inside(b.start, f"blocks[{i}].start ({b.name})")
        inside(b.end, f"blocks[{i}].end ({b.name})")

    for i, u in enumerate(season.unavailability):
        if u.athlete not in known:
            out.append(f"unavailability[{i}].athlete: no athlete has id {u.athlete!r}; use an id from the squad")

    p_start = planning_start(season)
    seen_inj: set[str] = set()
    protocols = available_protocols()
    for i, inj in enumerate(season.injuries):
        w = f"injuries[{i}]"
        who = season.athlete_label(inj.athlete)
        if inj.athlete not in known:
            out.append(f"{w}.athlete: no athlete has id {inj.athlete!r}; use an id from the squad")
        if inj.athlete in seen_inj:
            out.append(f"{w}.athlete: {who} already has an injury; keep one injury per athlete")
        seen_inj.add(inj.athlete)
        if inj.protocol not in protocols:
            out.append(f"{w}.protocol: unknown protocol {inj.protocol!r}; use one of {', '.join(protocols)}")
            continue
        proto = load_protocol(inj.protocol)
        order = proto.stage_ids + (FIT,)
        prev = None
        for j, rec in enumerate(inj.stages):
            rw = f"{w}.stages[{j}]"
            if rec.stage not in order:
                out.append(f"{rw}.stage: {rec.stage} is not a stage of {proto.id} "
                           f"({', '.join(proto.stage_ids)})")
                prev = None
                continue
            if rec.start < inj.onset:
                out.append(f"{rw}.start: {rec.start.isoformat()} is before the onset "
                           f"{inj.onset.isoformat()}; a stage starts on or after the onset")
            if rec.start > p_start:
                out.append(f"{rw}.start: {rec.start.isoformat()} is after the planning start "
                           f"{p_start.isoformat()}; the history records what happened — pin a "
                           f"future stage start instead")
            if prev is not None:
                if rec.start <= prev.start:
                    out.append(f"{rw}.start: stage records must be in date order; "
                               f"{rec.start.isoformat()} is not after {prev.start.isoformat()}")
                else:
                    flared = any(prev.start <= f <= rec.start for f in inj.flare_ups)
                    a, b = order.index(prev.stage), order.index(rec.stage)
                    if b > a + 1 and not flared:
                        out.append(f"{rw}.stage: {prev.stage} is followed by {rec.stage}, skipping "
                                   f"{', '.join(order[a + 1:b])}; record the skipped stage's start")
                    if b < a and not flared:
                        out.append(f"{rw}.stage: {prev.stage} is followed by {rec.stage} without a "
                                   f"flare-up; record the flare-up date instead")
            prev = rec
        first = inj.stages[0].start
        for j, f in enumerate(inj.flare_ups):
            if f <= first:
                out.append(f"{w}.flare_ups[{j}]: {f.isoformat()} is not after the first stage start "
                           f"{first.isoformat()}; a flare-up happens during rehab")
            elif f > cal.end:
                out.append(f"{w}.flare_ups[{j}]: {f.isoformat()} is after the season end")
        if len(set(inj.flare_ups)) != len(inj.flare_ups):
            out.append(f"{w}.flare_ups: a date is listed twice; list each flare-up once")
        if inj.target_competition is not None and season.competition(inj.target_competition) is None:
            out.append(f"{w}.target_competition: no competition has id {inj.target_competition!r}; "
                       f"pick one of the season's competitions or leave it empty")
        if any("stage" in p for p in out if p.startswith(w)):
            continue
        # Has the current stage already outlasted its maximum at the planning start?
        if p_start <= cal.end:
            segs = segments(inj, proto, until=p_start)
            if segs and segs[-1].stage != FIT:
                cur = segs[-1]
                spec = proto.stage(cur.stage)
                lasted = (p_start - cur.start).days
                if lasted >= spec.max_days:
                    out.append(
                        f"{w}.stages[{len(inj.stages) - 1}].start: {who} has been in {cur.stage} since "
                        f"{cur.start.isoformat()} ({lasted} days by {p_start.isoformat()}), but "
                        f"{proto.id} allows at most {spec.max_days} days in {cur.stage}; record the "
                        f"later stage's start, or correct the date"
                    )

    for i, pin in enumerate(season.pins):
        w = f"pins[{i}]"
        if pin.kind == "week" and pin.athlete is None:
            inside(pin.week, f"{w}.week")
            continue
        if pin.athlete not in known:
            out.append(f"{w}.athlete: no athlete has id {pin.athlete!r}; use an id from the squad")
            continue
        day = pin.week if pin.kind == "week" else pin.date
        inside(day, f"{w}.{'week' if pin.kind == 'week' else 'date'}")
        if pin.kind == "stage_start":
            inj = season.injury_of(pin.athlete)
            if inj is None:
                out.append(f"{w}: {season.athlete_label(pin.athlete)} has no injury; a stage start can "
                           f"only be pinned for an injured athlete")
            elif inj.protocol in protocols:
                proto = load_protocol(inj.protocol)
                if pin.stage != FIT and pin.stage not in proto.stage_ids:
                    out.append(f"{w}.stage: {pin.stage} is not a stage of {proto.id}")
    out += settings_problems(season.rules)
    out += plan_problems(season)
    return out


def plan_problems(season: Season, plan=None, where: str = "plan") -> list[str]:
    """Shape checks of a plan against the season (not the rules: that is planner.check)."""
    plan = plan if plan is not None else season.plan
    if plan is None:
        return []
    from planner.timeline import Timeline

    tl = Timeline(season)
    out: list[str] = []
    fix = "re-solve the season (or remove the stored plan)"
    if len(plan.team_weeks) != len(tl.weeks):
        out.append(f"{where}.team_weeks: has {len(plan.team_weeks)} weeks, the season has "
                   f"{len(tl.weeks)}; {fix}")
    ids = {a.id for a in season.athletes}
    planned = [ap.athlete for ap in plan.athletes]
    if set(planned) != ids or len(planned) != len(ids):
        missing = sorted(ids - set(planned))
        extra = sorted(set(planned) - ids)
        out.append(f"{where}.athletes: does not match the squad (missing: {', '.join(missing) or 'none'};"
                   f" unknown: {', '.join(extra) or 'none'}); {fix}")
    for i, ap in enumerate(plan.athletes):
        for name, seq, n in (("stages", ap.stages, tl.n), ("intensity", ap.intensity, tl.n),
                             ("weeks", ap.weeks, len(tl.weeks))):
            if len(seq) != n:
                out.append(f"{where}.athletes[{i}].{name}: has {len(seq)} entries, expected {n}; {fix}")
        bad = [v for v in ap.intensity if v not in LEVELS]
        if bad:
            out.append(f"{where}.athletes[{i}].intensity: {bad[0]} is not an intensity level")
    return out


def check_season(season: Season, source: str = "") -> Season:
    problems = season_problems(season)
    if problems:
        raise InputError(source, problems)
    return season
