"""Return-date queries for an injured athlete, under every hard rule of the season.

- the earliest day the athlete can be back to FIT;
- with a target competition: whether it can still be made, and the latest day to enter each
  remaining stage and still be FIT on the competition's first day.

Each query is the season's model (hard rules only: the soft objective is dropped) with one
objective: minimise the days before FIT, or maximise the days before a stage starts. The model
holds the athlete alone (and the team's pins): other athletes constrain this one only through the
team's week kinds, which every squad can always choose, so the answer does not depend on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.errors import InputError
from planner.season import Plan, Season
from planner.text import day_long
from planner.validate import check_season
from solver.model import PlanModel


@dataclass
class ReturnReport:
    athlete: str
    current_stage: str
    earliest_fit: dt.date | None  # None: not within the season
    target_name: str | None = None
    target_date: dt.date | None = None
    target_reachable: bool | None = None
    target_played: bool | None = None  # a target before today: played (met) or not (missed)
    # a past target the log has him playing while the records hold him in rehab: in words
    # (planner.returns.Return.target_played_words)
    target_note: str = ""
    latest_entries: list[tuple[str, dt.date | None]] = field(default_factory=list)
    planned_fit: dt.date | None = None  # the stored plan's return (None: no plan, or not back)
    since: str = ""  # " since Mon 27 Jul 2026 (recorded)", or since a flare-up: where it is from
    held: str = ""  # a failing criteria result holding the current stage: until when, and why
    target_why: str = ""  # why a target ahead can no longer be made (planner.returns.late_why)
    # " (provisional: S3's Hip-flexor strength LSI not passed yet)": the tests the return waits on
    provisional: str = ""
    # he left the squad for good before he was back (planner.squad.left_words): "left the squad
    # on Mon 14 Dec 2026 in P3"; his return is not this squad's to plan or query
    left: str = ""
    # no return within the season: what the stages left need at the least, counted without the
    # solver, and the day that count reaches (planner.leastreturn.LeastReturn.words)
    least: str = ""
    # a re-injury (planner.returns.again_words): "the same injury again, 25 days after the return
    # of Tue 8 Sep", as `periodize solve` and the Returns panel say it
    again: str = ""
    # the days to the earliest return with no rehab session, and why (planner.leastreturn.IdleDays)
    idle: str = ""
    # the athlete's deload weeks before the earliest return whose lower cap of speed days holds
    # the stages left back (:func:`_deload_words`): "the deload week of Mon 23 Nov allows 1 speed
    # day (HV-2) …"
    deload: str = ""
    # the earliest return is the day the stages' minimum days reach (:func:`_set_by`): "set by
    # the stages' minimum days (RH-STAGE): 70 days from P1's start on Mon 27 Jul"; nothing else
    # (a deload week, a retest) holds it, and neither is then named
    set_by: str = ""

    def text(self, season: Season, file: str = "FILE") -> str:
        """The report in words; ``file``: the season file the commands it gives name."""
        who = season.athlete_label(self.athlete)
        if self.left:
            return f"{who} {self.left}: the return is not this squad's."
        lines = [f"{who}, in {self.current_stage}{self.since}:"]
        if self.current_stage == "FIT":
            lines = [f"{who}: back to full training{self.since}."]
        elif self.earliest_fit is None:
            lines.append("  cannot be back to FIT within the season under the current rules"
                         + (f": {self.least}." if self.least else "."))
        else:
            lines.append(f"  earliest return to FIT: {day_long(self.earliest_fit)}{self.provisional}")
            if self.set_by:
                lines.append(f"  {self.set_by}.")
            if self.idle:
                lines.append(f"  {self.idle}.")
            if self.deload:
                lines.append(f"  {self.deload}.")
            later = (self.planned_fit - self.earliest_fit).days if self.planned_fit else 0
            if later > 0:
                lines.append(
                    f"  the stored plan has the return {later} day{'s' if later > 1 else ''} later, "
                    f"{day_long(self.planned_fit)}: the days cost return points, "
                    f"and the plan found the earlier return costs more elsewhere (the team's weeks "
                    f"the athlete joins, the squad's speed days), or the plan predates a change "
                    f"(solve again). What the earliest return costs: periodize whatif {file} --new "
                    f"'Earliest return' --stage-start {self.athlete} FIT {self.earliest_fit.isoformat()}")
        if self.again:  # under the first line: a re-injury, whatever the return ahead
            lines.insert(1, f"  {self.again}.")
        if self.held and self.current_stage != "FIT":
            lines.append(f"  {self.held}")
        if self.target_name:
            when = day_long(self.target_date)
            if self.target_played is not None:
                lines.append(f"  target '{self.target_name}' ({when}) is in the past: "
                             + (f"{self.target_note}." if self.target_note else "met (played)."
                                if self.target_played else "missed (not played)."))
            elif self.target_reachable and not self.latest_entries:  # back already: no stage
                lines.append(f"  target '{self.target_name}' ({when}) can be made.")
            elif self.target_reachable:
                lines.append(f"  target '{self.target_name}' ({when}) can be made; latest day to enter each stage:")
                for stage, day in self.latest_entries:
                    lines.append(f"    {stage:4s} {day_long(day) if day else '-'}")
            else:
                why = f": {self.target_why}" if self.target_why else ""
                lines.append(f"  target '{self.target_name}' ({when}) can no longer be made{why}.")
        return "\n".join(lines)


def _solve(pm: PlanModel, time_limit: float) -> cp_model.CpSolver | None:
    from solver.api import SolveRequest
    from solver.run import _configure

    s = cp_model.CpSolver()
    _configure(s, SolveRequest(pm.season, time_limit=time_limit), time_limit)
    status = s.solve(pm.m)
    return s if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def return_report(season: Season, athlete: str, time_limit: float = 10.0) -> ReturnReport:
    """The earliest return of ``athlete`` under the injury record that governs the planning start
    (or the next one), and, with a target, whether it can be played (RE-1 included) and the
    latest day to enter each remaining stage."""
    season = check_season(season)
    from planner.validate import plannable

    # no training weekday (bad input, not a return the rules rule out); a stage past its maximum
    # at the season's start: no return to read
    plannable(season, to_plan=True)
    if season.injury_of(athlete) is None:
        raise InputError("", [f"{season.athlete_label(athlete)} has no injury recorded; "
                              f"return dates are for injured athletes"])
    left = _left_before_back(season, athlete)
    if left:
        return ReturnReport(athlete, "", None, left=left)
    pm = PlanModel(_alone(season, athlete))
    u = pm.unit(athlete)
    if u is None or not u.epochs:
        raise InputError("", ["the whole season is in the past; there is nothing left to plan"])
    rehab = [ep for ep in u.epochs if ep.rehab]
    # back under the record governing today, with an injury recorded for later (a planned
    # operation, a re-injury entered ahead): that injury's return is the one ahead, as the plan
    # JSON's 'return' and the Returns sheet have it
    first = next((ep for ep in rehab if ep.start_stage is None
                  or ep.order[ep.start_stage] != "FIT"), rehab[0] if rehab else None)
    if first is None:
        if gone := _gone_words(season, athlete):
            return ReturnReport(athlete, "", None, left=gone)
        raise InputError("", [f"{season.athlete_label(athlete)} has no rehab stage to plan"])
    rec = first.record
    # a flare-up's epoch: the stage it enters depends on the one held the day before (FIT: the
    # last stage, rules-spec section 6), which the plan decides; "INJ" read as a new injury
    current = (first.order[first.start_stage] if first.start_stage is not None else
               "rehab" if first.kind == "flare" else "INJ")
    end = next((ep.first for ep in u.epochs if ep.first > first.first and ep.record is not rec),
               pm.n)
    earliest, path = _earliest(pm, u, first.first, end, time_limit)
    if earliest is None and (gone := _gone_words(season, athlete)):
        return ReturnReport(athlete, "", None, left=gone)
    day0 = pm.tl.days[first.first]
    start = max((r.start for r in rec.stages if r.stage == current and r.start <= day0),
                default=rec.onset if current == "INJ" else None)
    flare = max((f for f in rec.flare_ups if f <= day0), default=None)
    if flare is not None and (start is None or flare >= start):
        since = f" since the flare-up of {day_long(flare)}"
    elif start is not None and first.first > pm.tl.p0:  # an injury recorded ahead
        since = f" from {day_long(start)} (an injury recorded ahead; fit until then)"
    else:
        since = f" since {day_long(start)} (recorded)" if start is not None else ""
    planned = _planned_fit(season, athlete, first.first, end)
    least = _least_return(pm, first)
    set_by = _set_by(pm, first, least, earliest)
    # the least the stages left need is reached: no deload week holds the return (the count
    # leaves deload weeks out), and a retest that ends before the held stage's minimum holds
    # nothing (a coach read the deload week as the cause and pinned it to load for nothing)
    bound = least is not None and earliest is not None and earliest <= least.fit
    report = ReturnReport(athlete, current, earliest, planned_fit=planned,
                          since=since, held=_held(season, rec, current, day0,
                                                  _minimum_end(pm, first)),
                          provisional=_provisional(pm.season, path, rec, earliest),
                          least="" if earliest is not None else _least(pm, first),
                          again=_again(season, rec), idle=_idle(pm, first, earliest),
                          deload="" if bound else _deload_words(pm, athlete, rec, path,
                                                                 first.first, earliest, planned),
                          set_by=set_by)
    if rec.target_competition:
        _target(pm, u, rec, first, report, time_limit)
        if report.target_reachable is False and report.target_played is None:
            report.target_why = _target_why(season, rec, report, path)
    return report


def _again(season: Season, rec) -> str:
    """The re-injury words of ``rec`` (planner.returns.again_words) after a return the records
    hold (a FIT stage recorded before its onset). A return only the stored plan has is no earlier
    one here: the report is of the first record not back on the planning start, and a plan's
    return before today is no return of the plan (planner.returns.returns)."""
    from planner.returns import Return, again_words

    this = Return(rec.athlete, rec.onset, rec.protocol, stage_at_p0="", fit=None,
                  first_match=None, target=None, target_date=None, target_met=None,
                  provisional=False)
    return again_words(season, [], this)


def _least_return(pm: PlanModel, ep):
    """What the stages left need at the least (planner.leastreturn.LeastReturn), or None when
    the held stage is the plan's to decide (a flare-up's) or nothing is counted."""
    from planner.leastreturn import least_return
    from solver.explain import ladder_done

    if ep.start_stage is None or ep.protocol is None:
        return None
    sps = int(pm.rules.value("RH-11", "sessions_per_step"))
    return least_return(pm.season, ep.record.athlete, ep.protocol, ep.order, ep.start_stage,
                        ep.start_day, ep.first, ladder_done(ep, sps), ep.past_cap_days)


def _minimum_end(pm: PlanModel, ep) -> dt.date | None:
    """The first day the stage ``ep`` starts in may be left by its minimum days (RH-STAGE), or
    None when the plan decides the stage (a flare-up's)."""
    if ep.start_stage is None or ep.protocol is None \
            or ep.order[ep.start_stage] not in ep.protocol.stage_ids:
        return None
    spec = ep.protocol.stage(ep.order[ep.start_stage])
    return pm.tl.start + dt.timedelta(days=ep.start_day + spec.min_days)


def _set_by(pm: PlanModel, ep, least, back: dt.date | None) -> str:
    """``set by the stages' minimum days (RH-STAGE): 70 days from P1's start on Mon 27 Jul``
    when the earliest return ``back`` is the day the minimum days of the stages left reach from
    the held stage's start, counted as :func:`planner.leastreturn.least_return` counts them (no
    rule can return the athlete sooner); "" otherwise."""
    from planner.text import day

    if back is None or least is None or ep.protocol is None:
        return ""
    minimum = sum(ep.protocol.stage(s).min_days for s in least.stages)
    since = pm.tl.start + dt.timedelta(days=ep.start_day)
    if since + dt.timedelta(days=minimum) != back:
        return ""
    held = least.stages[0]
    whose = "the stages' minimum days" if len(least.stages) > 1 else f"{held}'s minimum days"
    return f"set by {whose} (RH-STAGE): {minimum} days from {held}'s start on {day(since)}"


def _least(pm: PlanModel, ep) -> str:
    """What the stages left need at the least and the day that count reaches, in words (a
    return the solver finds none of within the season); "" when the held stage is the plan's
    to decide (a flare-up's)."""
    least = _least_return(pm, ep)
    return least.words(pm.season) if least is not None else ""


def _idle(pm: PlanModel, ep, earliest: dt.date | None) -> str:
    """The days from ``ep``'s first day to the earliest return with no rehab session (the team's
    competition days, its days off, days away: AV-1), with what the stages left need, in words
    (planner.leastreturn.IdleDays); "" without such days."""
    from planner.leastreturn import idle_days

    if earliest is None or ep.protocol is None:
        return ""
    return idle_days(pm.season, ep.record.athlete, pm.tl.days[ep.first], earliest,
                     _least_return(pm, ep), ep.protocol).words(pm.season)


def _deload_words(pm: PlanModel, athlete: str, rec, path: Plan | None, start: int,
                  back: dt.date | None, planned: dt.date | None = None) -> str:
    """The athlete's deload weeks from day index ``start`` that hold the earliest return ``back``
    back, in words; "" for none. The weeks are the stored plan's when it returns the athlete on
    ``back`` too (``planned``: the weeks the board shows): "the deload week of Mon 23 Nov allows 1
    speed day (HV-2): the speed days the stages left need wait for the week after it"; else
    those of ``path``, the plan of the earliest return, said to be its: "in the plan that
    returns A1 earliest, the week of Mon 23 Nov is a deload week, which allows 1 speed day
    (HV-2): …". Such a week has as many speed days (80 % or more) as HV-2 allows a deload week,
    fewer than a load week's, a rehab day at a stage that allows one more left unused, and a
    speed day of rehab still after it before the return. S2's exit met on Mon 23 Nov, a deload
    week, moved S3's day at 100 % to Mon 30 Nov, and explain --return named HV-2's 2 speed days
    a week only; and the query's own plan named as "the deload week of Mon 24 Aug" a week the
    stored plan, with the same return, has as a load week (the board's)."""
    from planner.leastreturn import RehabDays
    from planner.protocols import load_protocol
    from planner.season import FIT, SPEED_DAY
    from planner.text import day, join_and, plural

    stored = _stored_weeks(pm, athlete) if planned is not None and planned == back else None
    ap = stored or (path.for_athlete(athlete) if path is not None and back is not None else None)
    if ap is None or not pm.rules.active("HV-2"):
        return ""
    tl, proto = pm.tl, load_protocol(rec.protocol)
    cap = int(pm.rules.value("HV-2", "max_speed_days_deload"))
    if cap >= int(pm.rules.value("HV-2", "max_speed_days")):
        return ""  # a deload week allows what a load week does: it holds nothing back
    end = tl.index(back) if tl.index(back) is not None else tl.n
    rehab = RehabDays(pm.season, athlete)

    def room(i: int) -> bool:  # a rehab day whose stage allows a speed day
        st = ap.stages[i]
        return (st != FIT and st in proto.stage_ids and proto.stage(st).cap >= SPEED_DAY
                and rehab.rehab(i))

    held = []
    for w in tl.weeks:
        days = [i for i in w.days if start <= i < end]
        if not days or ap.weeks[w.index] != "deload":
            continue
        speed = sum(ap.intensity[i] >= SPEED_DAY for i in w.days)
        later = any(ap.intensity[i] >= SPEED_DAY and ap.stages[i] != FIT
                    for i in range(w.last + 1, end))
        if speed >= cap and later and any(room(i) and ap.intensity[i] < SPEED_DAY for i in days):
            held.append(tl.days[w.first])
    if not held:
        return ""
    one = len(held) == 1
    each = "" if one else " each"
    allows = plural(cap, "speed day") if cap else "no speed day"
    wait = (f"the speed days the stages left need wait for the week after {'it' if one else 'each'}"
            f"{_deload_due(pm)}")
    if stored is not None:
        return (f"the deload {'week' if one else 'weeks'} of {join_and([day(d) for d in held])} "
                f"allow{'s' if one else ''} {allows}{each} (HV-2): {wait}")
    return (f"in the plan that returns {athlete} earliest, the {'week' if one else 'weeks'} of "
            f"{join_and([day(d) for d in held])} {'is a deload week' if one else 'are deload weeks'}"
            f", which allow{'s' if one else ''} {allows}{each} (HV-2): {wait}")


def _deload_due(pm: PlanModel) -> str:
    """Why a deload week lies before the return at all, with where DL-2's run starts: "; a
    deload week is due after at most 3 load weeks in a row (DL-2), counted from the week of
    today, Mon 3 Aug, so the week may move when today moves". A rehab athlete's run counts from
    today's week only (rules-spec section 1), so the same return can move with no new
    information, and the coach saw the week named without the reason; "" when DL-2 is off."""
    from planner.text import day, plural

    if not pm.rules.active("DL-2"):
        return ""
    most = plural(int(pm.rules.value("DL-2", "max_load_weeks")), "load week")
    tl = pm.tl
    if pm.season.calendar.today is None or tl.first_open_week in (0, len(tl.weeks)):
        return f"; a deload week is due after at most {most} in a row (DL-2)"
    first = tl.days[tl.weeks[tl.first_open_week].first]
    return (f"; a deload week is due after at most {most} in a row (DL-2), counted from the week "
            f"of today, {day(first)}, so the week may move when today moves")


def _stored_weeks(pm: PlanModel, athlete: str):
    """The stored plan of ``athlete`` (planner.season.AthletePlan) when it spans the season's
    days and weeks, else None."""
    plan = pm.season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    if ap is None or len(ap.stages) != pm.tl.n or len(ap.intensity) != pm.tl.n \
            or len(ap.weeks) != len(pm.tl.weeks):
        return None
    return ap


def _left_before_back(season: Season, athlete: str) -> str:
    """``left the squad on Mon 14 Dec 2026 in P3`` when ``athlete`` left the squad for good before
    he was back (the stored plan's return, planner.returns.Return.left), else "" (no plan that
    fits: the query finds no return before the day he left, :func:`_gone_words`)."""
    from planner.squad import gone_from
    from planner.validate import plan_problems

    if gone_from(season, athlete) is None or season.plan is None or plan_problems(season):
        return ""
    from planner.returns import returns

    left = next((r for r in returns(season, season.plan, history=True)
                 if r.athlete == athlete and r.left is not None), None)
    return left.left_words(day_long) if left is not None else ""


def _gone_words(season: Season, athlete: str) -> str:
    """``left the squad on Mon 14 Dec 2026`` when ``athlete`` left the squad for good (no return
    found before it: the query's days stop there), else ""."""
    from planner.squad import gone_from, left_words

    gone = gone_from(season, athlete)
    return "" if gone is None else left_words(gone)


def _held(season: Season, rec, stage: str, day0: dt.date, minimum: dt.date | None = None) -> str:
    """``held in S3 until the retest, Mon 14 Sep 2026: Hip-flexor strength LSI 88 % (pass mark
    ≥ 90 %)``, or "": the earliest return said why it is where it is. A retest due by
    ``minimum`` (the first day the stage's minimum days let it be left) holds nothing: "" (A12
    in P3 since 22 Jul, 21 days at the least, was said "held in P3 until the retest, Sat 8
    Aug"; the failed result stays said by the return's provisional words)."""
    from planner.criteria import episode_from, failed_words, gate, tests_until
    from planner.protocols import load_protocol
    from planner.rules import RuleSet

    proto = load_protocol(rec.protocol)
    if stage not in proto.stage_ids:
        return ""
    until, failing = gate(rec, proto, stage, episode_from(rec, proto, stage, day0),
                          tests_until(day0),
                          RuleSet(season.rules).value("RH-CRIT", "retest_days"))
    if until is None or until <= day0 or (minimum is not None and until <= minimum):
        return ""
    return f"held in {stage} until the retest, {day_long(until)}: {failed_words(failing)}"


def _provisional(alone: Season, path, rec, back: dt.date | None) -> str:
    """`` (provisional: P3's Hip-flexor strength LSI, S3's … not passed yet)`` or "": what the
    return to FIT on ``back`` waits on, read from ``path`` (the plan of the earliest return) by
    the returns the Inspector, the Returns panel and solve read (``Return.back_note``), so the
    command line says it as they do: a flare-up today, whose stage the plan decides, or an
    injury recorded ahead went unsaid here."""
    from planner.returns import returns

    if back is None or path is None:
        return ""
    ret = next((r for r in returns(alone, path) if r.onset == rec.onset and r.fit == back), None)
    return ret.back_note() if ret is not None else ""


def _target_why(season: Season, rec, report: ReturnReport, path: Plan | None = None) -> str:
    """The stage start that puts the earliest return after the target, else that return's day; a
    flare-up's stage read from ``path`` (the plan of the earliest return), as the Returns panel
    reads it from the plan it shows."""
    from planner.returns import late_why
    from planner.text import day

    back, target = report.earliest_fit, report.target_date
    ap = path.for_athlete(report.athlete) if path is not None else None
    stages = ap.stages if ap is not None else None
    if back is None:
        return late_why(season, rec, target, None, stages) or "not back to FIT within the season"
    if back <= target:
        return ""
    return (late_why(season, rec, target, back, stages)
            or f"the earliest return, {day(back)}, is after it")


def _alone(season: Season, athlete: str) -> Season:
    return season.model_copy(update={
        "athletes": tuple(a for a in season.athletes if a.id == athlete),
        "injuries": tuple(season.injuries_of(athlete)),
        "unavailability": tuple(x for x in season.unavailability if x.athlete == athlete),
        "roles": tuple(r for r in season.roles if r.athlete == athlete),
        "sessions": tuple(x for x in season.sessions if x.athlete == athlete),
        "pins": tuple(p for p in season.pins if getattr(p, "athlete", None) in (None, athlete)),
        "plan": _only(season.plan, athlete),
    })


def _days_before(lits) -> object:
    return sum(1 - x if not isinstance(x, bool) else (0 if x else 1) for x in lits)


def _earliest(pm: PlanModel, u, start: int, end: int, time_limit: float
              ) -> tuple[dt.date | None, Plan | None]:
    """The earliest return to FIT from ``start`` (before ``end``) and the plan that makes it."""
    pm.m.clear_objective()
    pm.m.minimize(_days_before([u.fit[d] for d in range(start, end)]))
    sol = _solve(pm, time_limit)
    if sol is None:
        return None, None
    idx = next((d for d in range(start, end) if _val(sol, u.fit[d])), None)
    return (pm.tl.days[idx] if idx is not None else None), pm.extract(sol.value)


def _target(pm: PlanModel, u, rec, first, report: ReturnReport, time_limit: float) -> None:
    comp = pm.season.competition(rec.target_competition)
    report.target_name, report.target_date = comp.name, comp.date
    t = pm.tl.index(comp.date)
    if t is not None and t < pm.p0:  # what happened, as the Returns panel says it
        report.target_played, report.target_note = _played_before(pm.season, rec, t)
        report.target_reachable = report.target_played
        return
    plays = u.play[t] if t is not None else False
    if plays is False:
        report.target_reachable = False
        return
    if plays is not True:
        pm.m.add(plays == 1)
    report.target_reachable = _solve(pm, time_limit) is not None
    if not report.target_reachable or first.start_stage is None:
        return
    for k in range(first.start_stage + 1, first.K):
        lits = [first.stage_lit(k, d) for d in range(first.first, first.end)]
        pm.m.clear_objective()
        pm.m.maximize(_days_before(lits))
        sol = _solve(pm, time_limit)
        d = None if sol is None else next(
            (d for d in range(first.first, first.end) if _val(sol, first.stage_lit(k, d))), None)
        report.latest_entries.append((first.order[k], pm.tl.days[d] if d is not None else None))


def _played_before(season: Season, rec, t: int) -> tuple[bool, str]:
    """Whether the athlete played the past competition day ``t`` (the stored plan and the log),
    and, played while the records hold him in rehab, that in words (the Returns panel's)."""
    from planner.returns import returns

    if season.plan is None:
        return False, ""
    got = [r for r in returns(season, season.plan, history=True)
           if r.athlete == rec.athlete and r.onset == rec.onset]
    return bool(got and got[0].target_met), got[0].target_played_words() if got else ""


def _planned_fit(season: Season, athlete: str, start: int, end: int) -> dt.date | None:
    """The first FIT day from ``start`` (before ``end``) in the stored plan, or None."""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    if ap is None:
        return None
    from planner.timeline import Timeline

    tl = Timeline(season)
    if len(ap.stages) != tl.n:
        return None
    return next((tl.days[d] for d in range(start, min(end, tl.n)) if ap.stages[d] == "FIT"), None)


def _only(plan, athlete: str):
    if plan is None:
        return None
    return plan.model_copy(update={"athletes": tuple(a for a in plan.athletes if a.athlete == athlete)})


def _val(sol: cp_model.CpSolver, x) -> bool:
    if isinstance(x, bool):
        return x
    return bool(sol.value(x))


__all__ = ["ReturnReport", "return_report"]
