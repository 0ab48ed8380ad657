"""Why a season has no plan: a small set of hard-rule instances that cannot all hold.

Every hard-rule instance of the model sits behind an assumption literal named after its group
(rule id + athlete + dates). A separate model without objective is solved with all assumptions;
CP-SAT returns a sufficient set of assumptions for infeasibility, which is then shrunk by
deletion (drop one group, re-solve; keep it out if still infeasible) while time allows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.errors import InputError
from planner.leastreturn import RehabDays, stage_steps, training_weekdays
from planner.precheck import obvious_conflicts
from planner.protocols import load_protocol
from planner.rehab import max_days
from planner.rules import RULES
from planner.season import FIT, LADDER, PLAY_LEVEL, SPEED_DAY, WEEKDAYS, Season
from planner.squad import JOINED_REASON, joined_on
from planner.text import date_long, date_short, day, day_long, join_and, plural, weekday_word
from planner.text import span as span_of
from planner.validate import check_season
from solver.api import Conflict, Remedy, StopToken
from solver.model import PlanModel


def _describe(model: PlanModel, key: str) -> Conflict:
    g = model.group_info[key]
    rule, unit, first, last, what = g.rule, g.unit, g.first, g.last, g.what
    tl = model.tl
    season: Season = model.season
    is_week = rule in ("DL-2", "TP-1") or (rule == "PIN" and what and _is_week_pin(season, what))
    if is_week:
        d0, d1 = tl.days[tl.weeks[first].first], tl.days[tl.weeks[last].last]
    else:
        d0, d1 = tl.days[first], tl.days[last]
    who = athlete = None
    if unit:
        if unit.startswith("group"):
            u = model.unit(unit)
            athlete = u.athletes[0]
            who = ", ".join(season.athlete_label(a) for a in u.athletes[:3]) + (
                f" and {len(u.athletes) - 3} more" if len(u.athletes) > 3 else "")
        else:
            athlete, who = unit, season.athlete_label(unit)
    if d0 == d1:
        span = day_long(d0)
    elif is_week and first == last:
        span = f"week of {date_long(d0)}"
    else:
        span = span_of(d0, d1)
    phrase = RULES[rule].title.lower() if rule in RULES else rule
    if rule == "PIN":
        phrase = "the coach's pin" + _pin_text(season, what)
    elif rule == "TP-1":
        comp = model.taper_set.get(first) or tl.a_weeks().get(first)
        name = f" '{comp.name}' ({date_long(comp.date)})" if comp is not None else ""
        phrase = {"taper": f"taper before A competition{name}: this week must be a taper",
                  "no taper": "only the weeks before an A competition are tapers",
                  "A week": f"the week of A competition{name} is not a deload"}.get(what, phrase)
    elif rule == "DL-2":
        phrase = {"adjacent": "no deload next to a deload or a taper",
                  "run": f"at most {model.rules.value('DL-2', 'max_load_weeks')} load weeks in a row "
                         f"(a deload is due)"}.get(what, phrase)
    elif rule == "AV-1" and what == "plays" and athlete:
        comp = tl.comp_on[first][0] if tl.comp_on[first] else None
        role = season.role_of(athlete, comp.id) if comp is not None else "start"
        pinned = next((p.intensity for p in season.pins if p.kind == "intensity"
                       and p.athlete == athlete and p.date == d0), None)
        # the role that plays the pinned level: start 100, bench 80, out any other
        fix = {v: k for k, v in PLAY_LEVEL.items()}.get(pinned, "out")
        how = (f"set the role to {fix} (Roles panel, or --role) to pin {pinned} %" if pinned is not None
               else "set the role to bench or out (Roles panel, or --role) to pin another level")
        phrase = (f"plays '{comp.name if comp else 'the match'}' that day as {role}, at "
                  f"{100 if role == 'start' else 80} %: {how}")
    elif rule == "HV-5" and what:  # a speed day logged before the season start
        phrase += (f": a speed day logged on {day_long(dt.date.fromisoformat(what))}, before the "
                   f"season start")
    elif rule in ("RH-STAGE", "RH-11") and athlete:
        phrase = _rehab_phrase(model, rule, athlete, what, first) or phrase
    text = f"{rule} ({phrase})" + (f" for {who}" if who else "") + f", {span}"
    if rule == "HV-2" and unit:
        text += _speed_days_taken(model, unit, first, last)
    elif rule == "PIN" and athlete:
        text += _held_longer(model, athlete, what)
    return Conflict(rule=rule, athlete=athlete, start=d0.isoformat(), end=d1.isoformat(), text=text)


def _hv2_cap(model: PlanModel, u, w: int, may_be: bool = False) -> tuple[str, int]:
    """HV-2's setting for the unit's week ``w`` (a deload week's when the week is one for
    sure, or, ``may_be``, when it may be one) and its value."""
    kind = u.deload[w] if u.deload else False
    deload = kind is not False if may_be else kind is True
    name = "max_speed_days_deload" if deload else "max_speed_days"
    return name, int(model.rules.value("HV-2", name))


def _week_with_room(model: PlanModel, u, w: int) -> tuple[int, bool] | None:
    """The open week nearest after week ``w`` (else before it) where the unit may train at a
    speed level on a day from today on and whose speed days given (matches played, days done)
    leave one of HV-2's speed days free, and whether for sure: first a week free even if every
    match he may play is played and the week, if it may be, is a deload; else one that may be
    free. None when no week is (a week he is away, injured or gone has no day for a speed
    level)."""
    tl, given = model.tl, model.given_speed_lits(u)
    weeks = [k for k in range(len(tl.weeks)) if k != w and any(
        lvl >= SPEED_DAY for d in tl.weeks[k].days if d >= model.p0 for lvl in u.lv[d])]
    weeks.sort(key=lambda k: (k < w, abs(k - w)))
    for sure in (True, False):
        for k in weeks:
            taken = sum(1 for d in tl.weeks[k].days if (given[d] is not False if sure else given[d] is True))
            if taken < _hv2_cap(model, u, k, may_be=sure)[1]:
                return k, sure
    return None


def _speed_day_ways(model: PlanModel, u, w: int, matches: int, taken: int, cap: int) -> list[str]:
    """The ways on when a week's given speed days fill HV-2's cap: a week with a speed day free
    (named: the next week can be as full, in a tournament), out of enough of the week's matches
    (Roles) to free one."""
    ways = []
    if (room := _week_with_room(model, u, w)) is not None:
        k, sure = room
        ways.append(f"pin another week (the week of {day(model.tl.days[model.tl.weeks[k].first])} "
                    f"{'has' if sure else 'may have'} a speed day free)")
    need = taken - cap + 1  # matches set out that leave one speed day free
    if 0 < need <= matches:
        said = "one of these matches" if need == 1 else f"{need} of these matches"
        ways.append(f"set {'the athlete' if len(u.athletes) == 1 else 'the athletes'} out of "
                    f"{said} (Roles panel, or --role)")
    return ways


def _speed_days_taken(model: PlanModel, unit: str, first: int, last: int) -> str:
    """When the week's given speed days (matches played, rules-spec.md section 2, and days
    already done) fill HV-2's cap on their own, say so and the ways on, e.g. ': Sat 10 Apr and
    Sun 11 Apr are matches: the week's 2 speed days (HV-2) are taken; pin another week (the week
    of Mon 19 Apr has a speed day free), or set the athlete out of one of these matches (Roles
    panel, or --role), or allow 3 ...'; "" otherwise (the conflict is then the planned speed
    days, said by the pin or rule beside it)."""
    u = model.unit(unit)
    if u is None:
        return ""
    tl, given = model.tl, model.given_speed_lits(u)
    days = [d for d in range(first, last + 1) if given[d] is True]
    name, cap = _hv2_cap(model, u, tl.week_of[first])
    deload = name == "max_speed_days_deload"
    if not days or len(days) < cap:
        return ""
    done = [tl.days[d] for d in days if d < model.p0]
    matches = [tl.days[d] for d in days if d >= model.p0]
    said = []
    if matches:
        said.append(f"{join_and([day(d) for d in matches])} "
                    f"{'is a match' if len(matches) == 1 else 'are matches'}")
    if done:
        said.append(f"{join_and([day(d) for d in done])} "
                    f"{'was a speed day' if len(done) == 1 else 'were speed days'} already")
    week = "deload week's" if deload else "week's"
    ways = _speed_day_ways(model, u, tl.week_of[first], len(matches), len(days), cap)
    top = int(RULES["HV-2"].param(name).max)
    if len(days) < top:
        more = len(days) + 1
        ways.append(f"allow {more} (Rules panel, or --rule HV-2.{name}={more})")
    return (f": {' and '.join(said)}: the {week} {plural(cap, 'speed day')} (HV-2) "
            f"{'is' if cap == 1 else 'are'} taken" + ("; " + ", or ".join(ways) if ways else ""))


def _held_longer(model: PlanModel, athlete: str, what: str) -> str:
    """A pin of the next stage's start after the day the stage held today must end by (a slip
    of the rehab): that stage's days are the protocol's, no setting, and the one way to hold the
    athlete in it longer is the physio's record that he still is, dated today (a stage is
    recorded once the athlete is in it), after which its days count from today; "" for any
    other pin, or when the stage was recorded today already."""
    season, p0 = model.season, model.p0
    try:
        pin = season.pins[int(what)]
    except (ValueError, IndexError):
        return ""
    u = model.unit(athlete)
    if pin.kind != "stage_start" or u is None or not u.injured or p0 >= model.n:
        return ""
    ep = u.epoch_at(p0)
    if not ep.rehab or ep.protocol is None or ep.start_stage is None or ep.start_day >= p0:
        return ""
    held = ep.order[ep.start_stage]
    if held == FIT or tuple(ep.order[ep.start_stage + 1:ep.start_stage + 2]) != (pin.stage,):
        return ""
    end = _held_stage_end(model, ep)[1]
    spec, today = ep.protocol.stage(held), model.tl.days[p0]
    latest = today + dt.timedelta(days=spec.max_days)
    if pin.date <= end + dt.timedelta(days=1) or latest <= end + dt.timedelta(days=1):
        return ""
    name = season.athlete(athlete).name
    later = ("" if pin.date <= latest else
             "; a stay after that is recorded on the day it is known, not ahead")
    return (f": {held} lasts at most {spec.max_days} days (the protocol's, no setting), so "
            f"{pin.stage} starts by {date_long(end + dt.timedelta(days=1))}. If {name} is still in "
            f"{held} today, record that in the season (periodize record FILE --stage {athlete} {held} "
            f"{today.isoformat()} --save, or Season ▸ Injuries, Record stage): its "
            f"{spec.min_days}-{spec.max_days} days then count from today, {pin.stage} by "
            f"{date_long(latest)} at the latest{later}")


def _rehab_phrase(model: PlanModel, rule: str, athlete: str, what: str, first: int) -> str:
    """Name the stage, its limits and its dates, e.g. 'P2 lasts 21-42 days: since 23 Nov 2026 it
    must end by 4 Jan 2027'."""
    u = model.unit(athlete)
    if u is None or not u.injured:
        return ""
    ep = u.epoch_at(max(first, model.p0)) if first < model.n else u.epochs[-1]
    proto = ep.protocol
    if proto is None:
        return ""
    if rule == "RH-11":
        sps = model.rules.value("RH-11", "sessions_per_step")
        lower = LADDER[LADDER.index(int(what)) - 1] if what.isdigit() and int(what) in LADDER[1:] else None
        return (f"sprint ladder: {what} % needs {lower} % done on {sps} days first" if lower
                else "sprint ladder")
    stage, _, kind = what.partition(" ")
    if stage not in proto.stage_ids:
        return "rehab stages follow the protocol's order"
    spec = proto.stage(stage)
    since = ""
    if ep.start_stage is not None and ep.order[ep.start_stage] == stage:
        start = model.tl.start + dt.timedelta(days=ep.start_day)
        mx, end = _held_stage_end(model, ep)
        after = f" (after a flare-up: up to {mx} days)" if ep.open_max else ""
        since = f": {stage} since {date_long(start)}{after} must end by {date_long(end)}"
        if ep.gate is not None and kind == "duration":
            since += f" and is held until {date_long(model.tl.start + dt.timedelta(days=ep.gate))} by a failed test"
    if kind == "exit":
        return f"to leave {stage}: {spec.exit_text.rstrip('.')}{since}"
    if kind.startswith("minimum") and ep.start_stage is not None:
        return _minimum_phrase(model, ep, stage, kind.partition(" ")[2])
    return f"{stage} lasts {spec.min_days}-{spec.max_days} days{since}"


def _minimum_phrase(model: PlanModel, ep, held: str, pinned: str) -> str:
    """What rules a stage-start pin's day out: the held stage's minimum days (and those of the
    stages between), or a failed test, e.g. 'P3 lasts at least 21 days from 1 Jan 2027: S1
    starts on 22 Jan 2027 at the soonest'."""
    start = model.tl.start + dt.timedelta(days=ep.start_day)
    k = ep.order.index(pinned) if pinned in ep.order else ep.K
    row = ep.R[k] if 0 < k < ep.K else []
    soonest = next((ep.first + i for i, x in enumerate(row) if x is not False), None)
    between = ep.order[ep.start_stage + 1:k]
    more = (f", and {join_and(list(between))} {'its' if len(between) == 1 else 'their'} minimum "
            f"days after it") if between else ""
    text = (f"{held} lasts at least {ep.protocol.stage(held).min_days} days from "
            f"{date_long(start)}{more}")
    if ep.gate is not None:
        text += f", and a failed test holds it until {date_long(model.tl.start + dt.timedelta(days=ep.gate))}"
    what = "full training" if pinned == FIT else pinned
    if soonest is None:
        return f"{text}: {what} cannot start before the season ends"
    return f"{text}: {what} starts on {date_long(model.tl.days[soonest])} at the soonest"


def _held_stage_end(model: PlanModel, ep) -> tuple[int, dt.date]:
    """The maximum days of the stage ``ep`` starts in and its last day allowed (the next stage
    must begin the day after: "must end by" said that day, one late)."""
    spec = ep.protocol.stage(ep.order[ep.start_stage])
    mx = max_days(spec, ep.open_max)  # redone after a flare-up: twice the maximum
    end = model.tl.start + dt.timedelta(days=ep.start_day + mx)
    today = model.tl.days[ep.first] if ep.first < model.n else model.tl.end
    # the maximum from a today moved into the season (docs/semantics.md)
    if ep.start_day + mx <= ep.first:  # its maximum reached by today: counted from today
        end = today + dt.timedelta(days=mx)
    return mx, end - dt.timedelta(days=1)


def _is_week_pin(season: Season, what: str) -> bool:
    try:
        return season.pins[int(what)].kind == "week"
    except (ValueError, IndexError):
        return False


def _pin_text(season: Season, what: str) -> str:
    try:
        p = season.pins[int(what)]
    except (ValueError, IndexError):
        return ""
    if p.kind == "intensity":
        return f" intensity {p.intensity} on {date_short(p.date)}"
    if p.kind == "week":
        return f" '{p.week_kind}' week"
    return f" {p.stage} starts {date_short(p.date)}"


def _infeasible_with(model: PlanModel, keys: list[str], time_limit: float, stop: StopToken | None) -> tuple[bool, list[str]]:
    m = model.m
    m.clear_assumptions()
    m.add_assumptions([model.groups[k] for k in keys])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    if stop is not None and stop.is_set():
        return False, keys
    status = solver.solve(m)
    if status != cp_model.INFEASIBLE:
        return False, keys
    core = solver.sufficient_assumptions_for_infeasibility()
    index = {model.groups[k].index: k for k in keys}
    return True, [index[i] for i in core if i in index] or keys


def _signings_own(model: PlanModel, core: list[str], time_limit: float,
                  stop: StopToken | None) -> list[str]:
    """The rule groups of the signings in ``core`` (a rehab begun with his old club, stage
    records from before he joined) when they conflict on their own: his case in a few lines. A
    signing's stage that could not end by its maximum read as 93 lines, mostly HV-5 and HV-6
    instances of the whole season that hid it; ``core`` unchanged otherwise."""
    season = model.season
    signings = {g.unit for k in core if (g := model.group_info[k]).unit
                and season.athlete(g.unit) is not None and season.injuries_of(g.unit)
                and joined_on(season, g.unit) is not None}
    # his stage's rules, and his other rules on the days up to the end its maximum allows
    ends = {a: _held_stage_end(model, ep)[1] for a in signings
            if (ep := model.unit(a).epoch_at(model.p0)).rehab and ep.protocol is not None
            and ep.start_stage is not None and ep.first == model.p0}
    own = [k for k in model.groups if (g := model.group_info[k]).unit in ends
           and (g.rule == "RH-STAGE" or g.first <= model.tl.index(ends[g.unit]) + 1)]
    if not own or set(core) <= set(own):
        return core
    still, smaller = _infeasible_with(model, own, time_limit / 2, stop)
    return smaller if still else core


def explain(season: Season, stop: StopToken | None = None,
            time_limit: float = 10.0) -> tuple[tuple[Conflict, ...], tuple[Remedy, ...]]:
    """The conflicting hard-rule groups of an infeasible season, and what the coach could record
    to give it a plan (:func:`_stage_restarts`); a plain cause that needs no solver (no training
    day at all, every day off: ``planner.precheck``) is said alone."""
    plain = obvious_conflicts(season)
    if plain:
        return tuple(Conflict(rule="CALENDAR", athlete=None, start=a.isoformat(), end=b.isoformat(),
                              text=f"CALENDAR ({path}): {text}") for path, a, b, text in plain), ()
    t0 = time.monotonic()
    model = PlanModel(season, guarded=True)
    model.m.clear_objective()
    keys = list(model.groups)
    infeasible, core = _infeasible_with(model, keys, time_limit, stop)
    if not infeasible:
        return (), ()
    core = _signings_own(model, core, time_limit, stop)
    # shrink by deletion while time allows (cores are usually small already), keeping half of
    # the time for the ways on: on a busy machine the shrinking took it all and the flare-up a
    # painful session proposes was no longer offered
    i = 0
    while i < len(core) and time.monotonic() - t0 < time_limit / 2 and len(core) > 1:
        trial = core[:i] + core[i + 1:]
        still, smaller = _infeasible_with(model, trial, min(2.0, time_limit), stop)
        if still:
            core = [k for k in trial if k in set(smaller)] or trial
        else:
            i += 1
    left = time_limit - (time.monotonic() - t0)
    t1 = time.monotonic()
    flares = _flare_ups(model, core, stop, left)
    left -= time.monotonic() - t1
    t1 = time.monotonic()
    restarts = _stage_restarts(model, core, stop, left)
    left -= time.monotonic() - t1
    # a pain the log proposes as a flare-up comes first: recording "still in the stage" instead
    # would keep a symptomatic athlete on the stage's sprinting
    flared = {r.athlete for r in flares}
    restarts = tuple(_after_flare(r) if r.athlete in flared else r for r in restarts)
    # too few training days for a stage's rehab: more training days come before a stage record,
    # which would say the athlete was not ready when the calendar was the cause
    short = _training_shortfalls(model, core)
    offs = _days_off(model, core)
    # each record said after its cause (the days off, the stage's maximum)
    restarts = tuple(_said_after(r, _cause(model, r.athlete, offs)) for r in restarts)
    ways = flares + tuple(_more_training_days(model, s) for s in short) + restarts
    # the coach's own pin, one day changed, before a setting that loosens a rule for every
    # athlete all season: a pin of 90 % that a re-plan could no longer reach was offered only as
    # a sprint ladder of one day a level. Worked out first: the setting comes when time is left
    t1 = time.monotonic()
    pins = _pin_ways(model, core, stop, left)
    left -= time.monotonic() - t1
    ways += pins + _ladder_setting(model, core, offs, {r.athlete for r in ways}, stop, left)
    return (tuple(_shortfall_note(model, s) for s in short)
            + tuple(_days_off_note(model, x) for x in offs)
            + _absence_notes(model, core) + tuple(_describe(model, k) for k in core)), ways


@dataclass(frozen=True)
class _Shortfall:
    """A stage held today whose rehab needs more days than the team trains before it must end:
    ``steps`` (level, days) its rehab days, ``days`` (indices) the team's training days from
    today up to ``end``, ``more`` the training weekdays that would give them
    (:func:`_more_weekdays`)."""

    athlete: str
    stage: str
    steps: tuple[tuple[int, int], ...]
    days: tuple[int, ...]
    end: dt.date
    more: str

    @property
    def need(self) -> int:
        return sum(n for _, n in self.steps)


def _training_shortfalls(model: PlanModel, core: list[str]) -> tuple[_Shortfall, ...]:
    """The athletes whose stage rule is in ``core`` and whose stage held today needs more rehab
    days (the sprint ladder up to the stage's cap, then its days at the cap: RH-11, RH-STAGE)
    than the team trains from today to the day it must end by, when training every weekday would
    give them. Rehab work is done on the team's training days only (no day off, no match day), so
    a team training twice a week read "RH-STAGE ... must end by 19 Jan" and "RH-11 ..." and
    nothing of the calendar that was the cause. An absence that leaves too few is the absence's (:func:`_absence_notes`)."""
    season, tl, p0 = model.season, model.tl, model.p0
    if p0 >= model.n:
        return ()
    out = []
    units = [g.unit for k in core if (g := model.group_info[k]).rule == "RH-STAGE"]
    for athlete in dict.fromkeys(a for a in units if a and not a.startswith("group")):
        u = model.unit(athlete)
        if u is None or not u.injured or season.athlete(athlete) is None:
            continue
        ep = u.epoch_at(p0) if p0 < u.epochs[-1].end else u.epochs[-1]
        if not (ep.rehab and ep.protocol is not None and ep.start_stage is not None
                and ep.first == p0 and ep.order[ep.start_stage] != FIT):
            continue
        end = _held_stage_end(model, ep)[1]
        last = tl.index(end)
        if last is None:  # the stage may run past the season's end
            continue
        steps = _rehab_steps(model, ep)
        need = sum(n for _, n in steps)
        days = tuple(i for i in range(p0, last + 1) if tl.is_training[i])
        if len(days) >= need:
            continue
        # more weekdays ticked would give the rehab its days (no day off, no match day, not
        # away, HV-2's speed days a week): a stage simply out of days (one day left) is no
        # matter of training days
        more = _more_weekdays(model, athlete, steps, last)
        if more is not None:
            out.append(_Shortfall(athlete, ep.order[ep.start_stage], steps, days, end, more))
    return tuple(out)


def _rehab_steps(model: PlanModel, ep) -> tuple[tuple[int, int], ...]:
    """The rehab days the stage ``ep`` starts in needs from today to be left, as (level, days):
    each sprint-ladder level below its cap on ``sessions_per_step`` days (RH-11; less the credit
    of its record and the days logged since), then its days at the cap (RH-STAGE's exit); none
    for a stage left by its days alone."""
    sps = int(model.rules.value("RH-11", "sessions_per_step"))
    return stage_steps(ep.protocol.stage(ep.order[ep.start_stage]), sps, ladder_done(ep, sps),
                       ep.past_cap_days)


def ladder_done(ep, sps: int) -> dict[int, int]:
    """The sprint-ladder days at each level an epoch starts with (RH-11): its record's credit
    (a level credited counts as done) and the days logged since."""
    return {**ep.past_counts, **dict.fromkeys(ep.credit, sps)}


def _shortfall_note(model: PlanModel, s: _Shortfall) -> Conflict:
    """The note of a stage whose rehab needs more days than the team trains, e.g. 'Matt Fox
    (A14) needs 6 rehab days at rising speed to finish P2 by Tue 19 Jan 2027 (2 at 60 %, 2 at
    70 % and 2 at 80 %), but the team trains on 5 days from Mon 4 Jan to then (Tuesdays and
    Thursdays)'."""
    season, tl, p0 = model.season, model.tl, model.p0
    first, last = tl.days[p0], s.end
    window = range(p0, tl.index(last) + 1)
    # the window's days on a training weekday (a day off among them too: training_weekday
    # already leaves the days off out)
    weekdays = [i for i in window if tl.days[i].weekday() in tl.trained_weekdays]
    less = [plural(n, one, many) for n, one, many in (
        (sum(1 for i in weekdays if i in tl.non_training), "day off", "days off"),
        (sum(1 for i in weekdays if i not in tl.non_training and tl.is_comp[i]), "match day",
         "match days")) if n]
    away = sum(1 for i in s.days if i in tl.unavailable(s.athlete))
    steps = join_and([f"{n} at {lvl} %" for lvl, n in s.steps])
    text = (f"CALENDAR (training days): {season.athlete_label(s.athlete)} needs "
            f"{plural(s.need, 'rehab day')} at rising speed to finish {s.stage} by "
            f"{day_long(last)} ({steps}: the sprint ladder, then {s.stage}'s days at its cap), "
            f"but the team trains on {plural(len(s.days), 'day')} from {day(first)} to then "
            f"({training_weekdays(season)}" + (f", less {join_and(less)}" if less else "") + ")"
            + (f", and the athlete is away on {away} of them" if away else "") + ". Rehab work is planned "
            "on the team's training days only. Tick more training days (Season ▸ Season "
            f"Settings) to give the rehab its sessions; {s.more}.")
    return Conflict(rule="CALENDAR", athlete=s.athlete, start=first.isoformat(),
                    end=last.isoformat(), text=text)


def _more_training_days(model: PlanModel, s: _Shortfall) -> Remedy:
    """The way on of a :class:`_Shortfall`: more training weekdays (no record: said only)."""
    season = model.season
    return Remedy(athlete=s.athlete, stage=s.stage, date=s.end.isoformat(), kind="training-days", text=(
        f"Tick more training days (Season ▸ Season Settings, or 'Training days' in the coach "
        f"workbook): {season.athlete_label(s.athlete)} "
        f"needs {plural(s.need, 'rehab day')} to finish {s.stage} by {day_long(s.end)}, and the "
        f"team trains on {plural(len(s.days), 'day')} up to then ({training_weekdays(season)}); "
        f"{s.more}."))


def _more_weekdays(model: PlanModel, athlete: str, steps: tuple[tuple[int, int], ...],
                   last: int) -> str | None:
    """The fewest more training weekdays that give a stage's rehab ``steps`` (level, days) its
    days by day index ``last``, and which: "one more weekday is enough: Saturday", "one more
    weekday is enough: Monday, Friday or Saturday would each do", "3 more weekdays are needed,
    e.g. Monday, Wednesday and Friday". Each set of untrained weekdays is tried the way
    :func:`planner.leastreturn.least_return` counts: one session a rehab day (a training day,
    not a match day, not away), a speed day (80 % or more) only while HV-2's speed days a week
    are not reached; among the fewest, the set adding the most days first (in the week's order
    among equals). None: not even every weekday ticked does it (HV-2's cap or the stage's
    deadline is the limit, no matter of training days)."""
    per_week = int(model.rules.value("HV-2", "max_speed_days"))
    days = RehabDays(model.season, athlete)
    if per_week < 1:
        return None
    window = range(model.p0, last + 1)
    ticked = sorted(days.tdays)
    untrained = [i for i in range(7) if i not in days.tdays]

    def added(more: tuple[int, ...]) -> int:
        alone = days.on(more)
        return sum(1 for i in window if alone.rehab(i))

    for k in range(1, len(untrained) + 1):
        sets = sorted(itertools.combinations(untrained, k), key=lambda more: -added(more))
        fits = [more for more in sets
                if days.on((*ticked, *more)).place(steps, model.p0, per_week) <= last + 1]
        if not fits:
            continue
        names = {i: weekday_word(wd) for i, wd in enumerate(WEEKDAYS)}
        if k == 1:
            each = sorted(more[0] for more in fits)
            return "one more weekday is enough: " + (
                names[each[0]] if len(each) == 1 else
                f"{', '.join(names[i] for i in each[:-1])} or {names[each[-1]]} would each do")
        return f"{k} more weekdays are needed, e.g. {join_and([names[i] for i in fits[0]])}"
    return None


DAYS_OFF_RUN = 10  # a run of team days off this long or longer is named beside a rehab conflict


@dataclass(frozen=True)
class _DaysOff:
    """A run of days off (a winter break, day indices ``first`` to ``last``, ``why`` its reason)
    that an injured athlete's rehab in the conflict cannot pass: ``short`` the stages, in the
    protocol's order, that must end with work at their cap and last no longer than the run
    (stage, maximum); else ``held``, the stage held today that must end with such work and
    whose days left take in the run (stage, maximum, since, must end by)."""

    athlete: str
    onset: dt.date
    first: int
    last: int
    why: str
    short: tuple[tuple[str, int], ...] = ()
    held: tuple[str, int, dt.date, dt.date] | None = None

    @property
    def length(self) -> int:
        return self.last - self.first + 1


def _held_today(model: PlanModel, athlete: str):
    """The epoch of ``athlete``'s rehab stage held today (recorded before today, not full
    training), else None."""
    u = model.unit(athlete)
    if u is None or not u.injured or model.p0 >= model.n:
        return None
    ep = u.epoch_at(model.p0)
    if (ep.first == model.p0 and ep.rehab and ep.protocol is not None and ep.start_stage is not None
            and ep.order[ep.start_stage] != FIT):
        return ep
    return None


def _days_off(model: PlanModel, core: list[str]) -> tuple[_DaysOff, ...]:
    """The runs of days off (a winter break) an injured athlete's rehab in ``core`` cannot pass.
    Days off are no rule instance (nothing runs on them; AV-1 is a given), so the conflict never
    named them: a re-injury five weeks before a 21-day break left "RH-STAGE ... 14 Nov to
    9 Apr" and seventy lines. Named when a run is at least as long as the maximum of a stage that
    must end with work at its cap: such a stage cannot be held across it, and no such work is
    done on a day off; or when the run falls in the days left of such a stage held today: an
    ankle's P2 that must end by 27 Dec, inside a break from 20 Dec, once a logged day counted
    lower, read "RH-STAGE ... RH-11 ... HV-5" in a re-plan, the break unnamed."""
    season, tl = model.season, model.tl
    runs, i = [], tl.p0
    while i < tl.n:
        if i in tl.non_training:
            j = i
            while j + 1 < tl.n and j + 1 in tl.non_training:
                j += 1
            if j - i + 1 >= DAYS_OFF_RUN:
                runs.append((i, j))
            i = j + 1
        else:
            i += 1
    if not runs:
        return ()
    # an athlete's stage rule in the conflict whose days reach into the run: a conflict of
    # other days (a pin above the stage's cap a month before the break) is not the break's
    stages = [model.group_info[k] for k in core if model.group_info[k].rule == "RH-STAGE"]
    reasons = {d.date: d.reason for d in season.calendar.non_training_days}
    out = []
    for athlete in dict.fromkeys(g.unit for g in stages if g.unit and season.athlete(g.unit) is not None):
        ep = _held_today(model, athlete)
        found = None
        for a, b in runs:
            if not any(g.unit == athlete and g.first <= b and a <= g.last for g in stages):
                continue
            for rec in season.injuries_of(athlete):
                proto = load_protocol(rec.protocol)
                held = [(x, proto.stage(x).max_days) for x in proto.stage_ids  # protocol order
                        if proto.stage(x).exit_kind == "days_at_cap"]
                latest = rec.onset + dt.timedelta(days=sum(proto.stage(x).max_days
                                                           for x in proto.stage_ids))
                short = tuple((x, m) for x, m in held if m <= b - a + 1)
                if short and rec.onset <= tl.days[a] <= latest:
                    found = _DaysOff(athlete, rec.onset, a, b, reasons.get(tl.days[a], ""), short=short)
                    break
            if found is None and ep is not None and ep.record is not None:
                stage = ep.order[ep.start_stage]
                mx, end = _held_stage_end(model, ep)
                last = tl.index(end)
                if (ep.protocol.stage(stage).exit_kind == "days_at_cap" and last is not None
                        and a <= last and b >= model.p0):
                    since = tl.start + dt.timedelta(days=ep.start_day)
                    found = _DaysOff(athlete, ep.record.onset, a, b, reasons.get(tl.days[a], ""),
                                     held=(stage, mx, since, end))
            if found is not None:
                out.append(found)
                break
    return tuple(out)


def _days_off_note(model: PlanModel, x: _DaysOff) -> Conflict:
    """The explanation's line of a :class:`_DaysOff`."""
    season, tl = model.season, model.tl
    if x.short:
        limit = (f"({', '.join(f'{s} at most {m} days' for s, m in x.short[:3])}): a stage held "
                 f"across the days off outlasts it")
    else:
        stage, mx, since, end = x.held
        limit = (f"({stage} at most {mx} days: {stage} since {date_long(since)} must end by "
                 f"{date_long(end)}): the days off leave too few training days before then for "
                 f"its work at its cap")
    return Conflict(
        rule="CALENDAR", athlete=x.athlete, start=tl.days[x.first].isoformat(),
        end=tl.days[x.last].isoformat(),
        text=f"CALENDAR (days off): the rehab of {season.athlete_label(x.athlete)} "
             f"after the injury of {date_long(x.onset)} runs into {x.length} days "
             f"without training ({span_of(tl.days[x.first], tl.days[x.last])}"
             + (f": {x.why}" if x.why else "") + "). The plan puts rehab work on the "
             f"team's training days only, none on a day off, and a stage ends by its maximum "
             f"counted in calendar days {limit}. Shorten the days off (Days Off) to give the "
             f"rehab its sessions.")


def _cause(model: PlanModel, athlete: str, offs: tuple[_DaysOff, ...]) -> str:
    """The cause a way on for ``athlete`` is said after, in one sentence: the days off that hold
    no rehab session and the stage's maximum, else the maximum of the stage held today; ""
    when neither is known. A stage record offered alone read as rewriting the rehab's history
    to fit the rules, the break that was the cause said after it or not at all."""
    tl = model.tl
    x = next((o for o in offs if o.athlete == athlete), None)
    ep = _held_today(model, athlete)
    if x is not None:
        off = (f"The {x.length} days off of {span_of(tl.days[x.first], tl.days[x.last])}"
               + (f" ({x.why})" if x.why else "") + " hold no rehab session")
        if x.short:
            names, days = [s for s, _ in x.short], [str(m) for _, m in x.short]
            if len(names) == 1:
                return f"{off}, and {names[0]} lasts at most {days[0]} days: it cannot be held across them."
            return (f"{off}, and {join_and(names)} last at most {join_and(days)} days: none can "
                    f"be held across them.")
        stage, mx, since, end = x.held
        return (f"{off}, and {stage} lasts at most {mx} days: since {date_long(since)} it must "
                f"end by {date_long(end)}.")
    if ep is None:
        return ""
    stage = ep.order[ep.start_stage]
    mx, end = _held_stage_end(model, ep)
    since = tl.start + dt.timedelta(days=ep.start_day)
    return (f"{model.season.athlete_label(athlete)} has been in {stage} since {date_long(since)}, "
            f"and {stage} lasts at most {mx} days: it must end by {date_long(end)}.")


def _absence_notes(model: PlanModel, core: list[str]) -> tuple[Conflict, ...]:
    """The absences (unavailability) of an injured athlete whose stage rule is in ``core`` and
    that overlap that stage's days from today. An absence is a given, no rule instance, so the
    conflict never named it: an athlete in S2 away over Christmas, longer than S2's days left,
    read "RH-STAGE (S2 ... must end by 28 Dec 2026)" and nothing of the absence that was the
    cause. No stage work is done while away (AV-1) and the stage's maximum counts in calendar
    days, so the ways on are to enter the absence as it happens, a week at a time, or to record
    the stage as it stands once the athlete is back (its days then count from that record)."""
    season, tl, p0 = model.season, model.tl, model.p0
    if p0 >= model.n:
        return ()
    out = []
    stages = [model.group_info[k] for k in core if model.group_info[k].rule == "RH-STAGE"]
    for athlete in dict.fromkeys(g.unit for g in stages if g.unit and not g.unit.startswith("group")):
        u = model.unit(athlete)
        if u is None or not u.injured or season.athlete(athlete) is None:
            continue
        ep = u.epoch_at(p0) if p0 < u.epochs[-1].end else u.epochs[-1]
        held = (ep.rehab and ep.protocol is not None and ep.start_stage is not None
                and ep.first == p0 and ep.order[ep.start_stage] != FIT)
        end = _held_stage_end(model, ep)[1] if held else None
        first = max(p0, min(g.first for g in stages if g.unit == athlete))
        last = max(g.last for g in stages if g.unit == athlete)
        window = (tl.days[first], min(tl.days[min(last, model.n - 1)], end or tl.end))
        for a in season.unavailability:
            if a.athlete != athlete or a.end < window[0] or a.start > window[1]:
                continue
            must = f"{ep.order[ep.start_stage]} must end by {date_long(end)}" if held else ""
            out.append(Conflict(rule="AV-1", athlete=athlete, start=a.start.isoformat(),
                                end=a.end.isoformat(), text=_absence_text(season, a, must)))
    return tuple(out)


def _absence_text(season: Season, a, must: str) -> str:
    """The words of an absence a stage cannot outlast (``must``: "P3 must end by …", or "" when
    the stage is not held today). A signing's days before he joined are no absence: his rehab
    with his old squad counts here as far as it is logged, and the ways on say so."""
    label, name = season.athlete_label(a.athlete), season.athlete(a.athlete).name
    if " ".join(a.reason.split()).lower() == JOINED_REASON:
        why = f"{must} and" if must else "a stage ends by its maximum counted in calendar days, and"
        return (f"AV-1 (not in the squad yet): {label} joins on "
                f"{day_long(a.end + dt.timedelta(days=1))}: {why} nothing is planned before "
                f"{name} joins; the rehab before then counts here as far as it is logged. Ways on: "
                f"log the sessions from before {name} joined (their runs count for the stage's exit work "
                f"and the sprint ladder), or record the stage as it stands on the day {name} "
                f"joined (its days then count from that day).")
    why = (f"{must} and no stage work is done while away" if must else
           "no stage work is done while away, and a stage ends by its maximum counted in calendar days")
    return (f"AV-1 (away in rehab): {label} away {span_of(a.start, a.end)} "
            f"({a.reason or 'unavailable'}): {why}. Ways on: enter the absence a week at a time as "
            f"it happens, or record the stage as it stands when {name} is back (its days then "
            f"count from that day).")


def _after_flare(r: Remedy) -> Remedy:
    return Remedy(athlete=r.athlete, stage=r.stage, date=r.date, kind=r.kind,
                  text=f"Only if that pain was no flare-up: {r.text[:1].lower()}{r.text[1:]}")


def _flare_ups(model: PlanModel, core: list[str], stop: StopToken | None,
               time_limit: float) -> tuple[Remedy, ...]:
    """For each athlete of the conflict whose log proposes a flare-up not recorded yet (a pain
    at or above the protocol's threshold, ``planner.progress.flare_proposals``), the latest such
    pain recorded as a flare-up, offered when the season with it has a plan."""
    from planner.edits import RecordFlareUp
    from planner.progress import flare_proposals

    season = model.season
    athletes = []
    for key in core:
        unit = model.group_info[key].unit
        if unit and unit not in athletes and season.athlete(unit) is not None:
            athletes.append(unit)
    out = []
    t0 = time.monotonic()
    for athlete in athletes:
        proposals = flare_proposals(season, athlete)
        if not proposals:
            continue
        p = max(proposals, key=lambda q: q.date)
        try:
            flared = check_season(RecordFlareUp(athlete=athlete, date=p.date).apply(season))
        except InputError:
            continue
        left = max(2.0, time_limit - (time.monotonic() - t0))
        if (stop is not None and stop.is_set()) or not _has_plan(flared, left, stop):
            continue
        out.append(Remedy(athlete=athlete, stage="", date=p.date.isoformat(), kind="flare-up", text=(
            f"{season.athlete_label(athlete)} logged pain {p.pain:g}/10 on {day_long(p.date)}, at or "
            f"above the protocol's {p.threshold}/10: if that was a flare-up, record it (the stage "
            f"steps back and the sprint ladder restarts below it), and the season has a plan.")))
    return tuple(out)


def _stage_restarts(model: PlanModel, core: list[str], stop: StopToken | None,
                    time_limit: float) -> tuple[Remedy, ...]:
    """When the conflict is a stage that has to end by its maximum (rules-spec.md section 4) and
    the athlete may simply not be ready, the coach's way on is to record that the athlete is
    still in it: a stage record from today, after which its days count from today. Offered for
    each conflicting stage held today, only when the season with that record has a plan (tried
    within what is left of ``time_limit``; none tried with less than :data:`LEAST_SOLVE` left)."""
    p0, season = model.p0, model.season
    if p0 >= model.n:
        return ()
    found: list[tuple[str, str]] = []
    for key in core:
        g = model.group_info[key]
        stage = g.what.partition(" ")[0]
        u = model.unit(g.unit) if g.rule == "RH-STAGE" and g.unit else None
        if u is None or not u.injured or u.frozen is not None or (g.unit, stage) in found:
            continue
        ep = u.epoch_at(p0)
        if (ep.first == p0 and ep.rehab and ep.start_stage is not None and ep.start_day < p0
                and ep.order[ep.start_stage] == stage and stage != FIT):
            found.append((g.unit, stage))
    out = []
    t0 = time.monotonic()
    today = model.tl.days[p0]
    for athlete, stage in found:
        left = time_limit - (time.monotonic() - t0)
        if left < LEAST_SOLVE:  # the explanation's time is spent: no solve past it
            break
        # a signing still to join is assessed by his new club on the day he joins: the record
        # is dated then (one dated today, before he joins, contradicted the advice)
        joins = joined_on(season, athlete)
        when = joins if joins is not None and joins > today else today
        if (stop is not None and stop.is_set()) or not _has_plan(_restarted(season, athlete, stage, when), left, stop):
            continue
        spec = model.unit(athlete).epoch_at(p0).protocol.stage(stage)
        days = f"{stage}'s {spec.min_days}-{spec.max_days} days"
        held = (f"assesses {season.athlete_label(athlete)} as in {stage} when joining on "
                f"{date_long(when)}, record that ({days} counting from that day)" if when > today
                else f"re-assesses {season.athlete_label(athlete)} as still in {stage} on "
                     f"{date_long(today)} ({days} restarting from that day), record that")
        out.append(Remedy(athlete=athlete, stage=stage, date=when.isoformat(), text=(
            f"If the physio {held}, and the season has a plan.")))
    return tuple(out)


def _said_after(r: Remedy, cause: str) -> Remedy:
    """``r`` with ``cause`` said first (unchanged when there is none)."""
    if not cause:
        return r
    return Remedy(athlete=r.athlete, stage=r.stage, date=r.date, kind=r.kind, text=f"{cause} {r.text}")


LEAST_SOLVE = 1.0  # seconds: a way on needs a solve of its own; with less left it is not tried


def _ladder_setting(model: PlanModel, core: list[str], offs: tuple[_DaysOff, ...],
                    offered: set[str], stop: StopToken | None,
                    time_limit: float) -> tuple[Remedy, ...]:
    """When the sprint ladder (RH-11) is in the conflict of an athlete offered no way on, a
    step of fewer days at each level, when that gives the season a plan: a change of the
    settings, said only (every athlete in rehab climbs it). An ankle's P2 whose logged days
    counted lower, with a winter break in its days left, had no way on but this one, which the
    coach found alone. Only one day fewer (``sessions_per_step - 1``) is tried, within what is
    left of ``time_limit`` (the season's model built in it too); none with less than
    :data:`LEAST_SOLVE` left."""
    from planner.edits import SetRuleValue

    t0 = time.monotonic()
    season = model.season
    ladder = [g.unit for k in core if (g := model.group_info[k]).rule == "RH-11" and g.unit
              and not g.unit.startswith("group") and season.athlete(g.unit) is not None]
    athletes = [a for a in dict.fromkeys(ladder) if a not in offered]
    sps = int(model.rules.value("RH-11", "sessions_per_step"))
    if not athletes or sps <= 1 or (stop is not None and stop.is_set()) or time_limit < LEAST_SOLVE:
        return ()
    try:
        fewer = check_season(SetRuleValue(rule="RH-11", param="sessions_per_step",
                                          value=float(sps - 1)).apply(season))
    except InputError:
        return ()
    left = time_limit - (time.monotonic() - t0)
    if left < LEAST_SOLVE or not _has_plan(fewer, left, stop):
        return ()
    label = next(p for p in RULES["RH-11"].params if p.name == "sessions_per_step").label
    athlete = athletes[0]
    return (_said_after(Remedy(athlete=athlete, stage="", date="", kind="rule", text=(
        f"Set the sprint ladder's {label} (RH-11) from {sps} to {sps - 1} (Rules panel, or "
        f"--rule RH-11.sessions_per_step={sps - 1}), and the season has a plan; the setting "
        f"holds for every athlete in rehab.")), _cause(model, athlete, offs)),)


def _pin_ways(model: PlanModel, core: list[str], stop: StopToken | None,
              time_limit: float) -> tuple[Remedy, ...]:
    """For each intensity pin of the conflict (the coach's own change to one day), the pin
    removed when that gives the season a plan, and then one level lower when that does too, or
    else, for a speed day, the highest level below one (70 %: a pin of 100 % the day before a
    match played broke HV-5 at 95 % too, and the way on named no level, review 281): said only
    (``kind`` "pin", no record). Each tried within what is left of ``time_limit``, none with
    less than :data:`LEAST_SOLVE` left (the removal first: no lower pin gives a plan when none
    at all does not)."""
    from planner.edits import AddPin, RemovePin
    from planner.season import LEVELS, SPEED_DAY, IntensityPin

    season, out, t0 = model.season, [], time.monotonic()
    for key in core:
        g = model.group_info[key]
        if g.rule != "PIN" or not g.what.isdigit() or int(g.what) >= len(season.pins):
            continue
        pin = season.pins[int(g.what)]
        if not isinstance(pin, IntensityPin) or season.athlete(pin.athlete) is None:
            continue
        works = []
        tries = [lv for lv in LEVELS if lv < pin.intensity][-1:]
        if tries and tries[0] >= SPEED_DAY:  # still a speed day: then the highest below one
            tries += [lv for lv in LEVELS if lv < SPEED_DAY][-1:]
        for lv in [None, *tries]:
            left = time_limit - (time.monotonic() - t0)
            if left < LEAST_SOLVE or (stop is not None and stop.is_set()):
                break
            edit = (RemovePin(pin=pin) if lv is None
                    else AddPin(pin=pin.model_copy(update={"intensity": lv})))
            try:
                changed = check_season(edit.apply(season))
            except InputError:
                break
            if not _has_plan(changed, left, stop):
                if lv is None or lv < SPEED_DAY:
                    break
                continue
            works.append(lv)
            if lv is not None:
                break
        if not works:
            continue
        lower = works[-1]
        at = f"{pin.athlete} {pin.date.isoformat()}"
        unpin = RemovePin(pin=pin).describe(season)  # the board's item: "Unpin Marco Ruiz (A05) at …"
        board = (f"Pin intensity ▸ {lower} %, or ▸ {unpin}" if lower is not None else unpin)
        do = (f"lower it to {lower} % (--pin {at} {lower}) or " if lower is not None else "") + (
            f"remove it (--unpin {at}; on the board: right-click the day ▸ {board})")
        out.append(Remedy(athlete=pin.athlete, stage="", date=pin.date.isoformat(), kind="pin", text=(
            f"The pin of {pin.intensity} % on {day_long(pin.date)} for "
            f"{season.athlete_label(pin.athlete)} cannot hold now: {do}, and the season has a "
            f"plan; only that day changes.")))
    return tuple(out)


def _restarted(season: Season, athlete: str, stage: str, day: dt.date) -> Season | None:
    from planner.edits import RecordStage

    try:
        return check_season(RecordStage(athlete=athlete, stage=stage, start=day).apply(season))
    except InputError:
        return None


def _has_plan(season: Season | None, time_limit: float, stop: StopToken | None) -> bool:
    """Does ``season`` have a plan (any, the objective aside), found within ``time_limit``, its
    model's build counted in it (no plan said when the build took it all)?"""
    if season is None:
        return False
    t0 = time.monotonic()
    model = PlanModel(season)
    time_limit -= time.monotonic() - t0
    if time_limit <= 0:
        return False
    model.m.clear_objective()
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 4
    solver.parameters.max_time_in_seconds = time_limit
    if stop is not None:
        stop.on_request(solver.stop_search)
    return solver.solve(model.m) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
