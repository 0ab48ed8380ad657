"""What-if re-plans: change only what must change.

``replan(before, after, reference)`` plans the edited season ``after`` starting from the
``reference`` plan of ``before``:
1. the **neighbourhood** of the change is worked out in Python by comparing the two seasons
   (competition days, availability, pins, rehab records, taper weeks): the athletes the change
   touches, and a window of days around the changed dates;
2. every decision outside it is fixed to the reference plan, the rest starts from the reference
   (repaired: tapers moved, closed days cleared) with STAB penalising each changed value;
3. if that neighbourhood has no plan, the whole season is re-planned from the same hint.
The past (before ``today``) is never changed. Rule or calendar changes re-plan everything.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace

from planner.rules import RuleSet, same_rules
from planner.season import PLANNER_VERSION, Plan, Season
from planner.text import day_long, plural
from planner.timeline import Timeline
from solver.api import Outcome, SolveRequest, Status, StopToken
from solver.model.core import Freeze

MARGIN_DAYS = 21  # days around a change that may move with it (3 weeks: a deload rhythm's reach)
FEW_FREE = 3  # free athletes one search thread plans quicker than the portfolio


@dataclass(frozen=True)
class Scope:
    everything: bool
    athletes: frozenset[str]  # whose whole future from the window start is free
    team_days: bool  # a team-level fact changed: every athlete is free inside the window
    window: tuple[int, int]  # day indexes (inclusive)
    reason: str
    window_athletes: frozenset[str] = frozenset()  # free inside the window only
    team_weeks: bool = True  # the team's weeks inside the window are free
    # injured athletes whose return a re-plan must prove the best the season allows besides the
    # free ones: moving today reaches returns it leaves frozen (a week wholly past no longer
    # counts in a deload rhythm, a stage's days left shrink), so it names every return ahead
    returns: frozenset[str] = frozenset()


def change_scope(before: Season, after: Season) -> Scope:
    tl_b, tl_a = Timeline(before), Timeline(after)
    n = tl_a.n
    if (before.calendar.model_dump(exclude={"non_training_days"}) != after.calendar.model_dump(exclude={"non_training_days"})
            or not same_rules(before.rules, after.rules)
            or {a.id for a in before.athletes} != {a.id for a in after.athletes}):
        return Scope(True, frozenset(), True, (0, n - 1), "the calendar, the rules or the squad changed")
    days: set[int] = set()
    athletes: set[str] = set()
    team = _team_changes(before, after, tl_b, tl_a, days)
    for a in after.athletes:
        if _athlete_changes(before, after, tl_b, tl_a, a, days):
            athletes.add(a.id)
    pinned: set[str] = set()
    team = _pin_changes(before, after, tl_a, days, athletes, pinned) or team
    pinned -= athletes  # a pin of an athlete whose whole future is free already
    if not days and not athletes:
        return Scope(False, frozenset(), False, (tl_a.p0, tl_a.p0 - 1), "nothing that the plan depends on changed")
    if tl_a.p0 >= n:  # today is after the season: nothing is left to re-plan
        return Scope(False, frozenset(), False, (n, n - 1), "the whole season is past")
    lo = max(tl_a.p0, min(days, default=tl_a.p0) - MARGIN_DAYS)
    hi = min(n - 1, max(days, default=tl_a.p0) + MARGIN_DAYS)
    if hi < lo:  # the change lies before today: what it moves starts at today (rules look back)
        hi = min(n - 1, lo + MARGIN_DAYS)
    # a week the window meets is freed whole (its kind, so its days' sessions, may change:
    # ``Freeze.keeps_week``): the window runs to its edges, so the days named hold every day
    # the re-plan may change (it ended on a Monday while that week's Tuesday changed)
    lo = max(tl_a.p0, tl_a.weeks[tl_a.week_of[lo]].first)
    hi = tl_a.weeks[tl_a.week_of[hi]].last
    return Scope(False, frozenset(athletes), team, (lo, hi),
                 scope_words(tl_a, lo, hi, athletes, pinned, team),
                 window_athletes=frozenset(pinned))


def scope_words(tl: Timeline, lo: int, hi: int, athletes, window_athletes, team: bool) -> str:
    """What a scope frees, as a coach reads it: the days named hold every day a re-plan in it
    may change (an athlete whose whole future is free: "from … on")."""
    span = f"{day_long(tl.days[lo])} to {day_long(tl.days[hi])}"
    parts = []
    if team:
        parts.append(f"the whole squad, {span}")
    elif window_athletes:
        parts.append(f"{plural(len(window_athletes), 'athlete')}, {span}")
    elif not athletes:
        parts.append(f"the team's days, {span}")
    if athletes:
        parts.append(f"{plural(len(athletes), 'athlete')} from {day_long(tl.days[lo])} on")
    return " and ".join(parts)


def _team_changes(before: Season, after: Season, tl_b: Timeline, tl_a: Timeline, days: set) -> bool:
    """Competition days, training days and taper weeks that changed (added to ``days``)."""
    team = False
    for i in range(tl_a.n):
        if ([c.model_dump() for c in tl_b.comp_on[i]] != [c.model_dump() for c in tl_a.comp_on[i]]
                or tl_b.is_training[i] != tl_a.is_training[i]):
            days.add(i)
            team = True
    k = RuleSet(after.rules).value("TP-1", "taper_weeks")
    for w in set(tl_b.taper_weeks(k)) ^ set(tl_a.taper_weeks(k)):
        days.update(tl_a.weeks[w].days)
        team = True
    return team


def _athlete_changes(before: Season, after: Season, tl_b: Timeline, tl_a: Timeline, a, days: set) -> bool:
    """Did the athlete's availability, injury records or roles change? (dates added to ``days``)"""
    changed = False
    if tl_b.unavailable(a.id) != tl_a.unavailable(a.id):
        changed = True
        days.update(tl_b.unavailable(a.id) ^ tl_a.unavailable(a.id))
    ib, ia = before.injuries_of(a.id), after.injuries_of(a.id)
    if ib != ia:
        changed = True
        days.update(tl_a.clamp_index(d) for d in _changed_dates(ib, ia))
    rb = {r.competition: r.role for r in before.roles if r.athlete == a.id}
    ra = {r.competition: r.role for r in after.roles if r.athlete == a.id}
    if rb != ra:
        changed = True
        for cid in {c for c in set(rb) | set(ra) if rb.get(c) != ra.get(c)}:
            comp = after.competition(cid) or before.competition(cid)
            if comp is not None:
                days.add(tl_a.clamp_index(comp.date))
    if before.athlete(a.id).role != a.role:
        changed = True
        days.add(tl_a.p0)
    return changed


def _pin_changes(before: Season, after: Season, tl_a: Timeline, days: set, athletes: set,
                 pinned: set) -> bool:
    """Pins added or removed (their days added to ``days``): a stage pin frees the athlete's
    whole future (``athletes``: a stage moved moves the return); an intensity or week pin of an
    athlete only their days around it (``pinned``), as a day off frees the squad's (a squad-wide
    rest day of pins freed every pinned athlete's whole season: its search ran out of time);
    a team pin the team's days (True)."""
    pins_b = {p.model_dump_json() for p in before.pins}
    pins_a = {p.model_dump_json() for p in after.pins}
    team = False
    for p in [p for p in after.pins if p.model_dump_json() not in pins_b] + \
             [p for p in before.pins if p.model_dump_json() not in pins_a]:
        days.add(tl_a.clamp_index(p.week if p.kind == "week" else p.date))
        if not getattr(p, "athlete", None):
            team = True
        elif p.kind == "stage_start":
            athletes.add(p.athlete)
        else:
            pinned.add(p.athlete)
    return team


def advance_scope(before: Season, after: Season, reference: Plan) -> Scope:
    """What moving ``today`` can change (rules-spec.md section 9): the weeks right after the new
    today (the rules look back across it), every athlete whose past near it went otherwise than
    planned (the log), and the whole future of an athlete whose projected stage change did not
    happen or whose injury records changed (a stage change recorded resets the sprint ladder).
    The rest of the stored plan stays as it was."""
    from planner.history import past_days
    from planner.rehab import athlete_stage_on

    tl = Timeline(after)
    p0 = tl.p0
    if p0 >= tl.n:
        return Scope(False, frozenset(), False, (p0, p0 - 1), "the whole season is past")
    look = RuleSet(after.rules).value("RAMP", "gap_days")
    athletes: set[str] = set()  # the whole future moves: of these,
    declined: set[str] = set()  # ...a projected stage change did not happen
    recorded: set[str] = set()  # ...whose injury records changed
    deviated: set[str] = set()  # a past near today went otherwise: the weeks after it may move
    for a in after.athletes:
        rp = reference.for_athlete(a.id)
        if rp is None or len(rp.stages) != tl.n:
            athletes.add(a.id)
            continue
        records = after.injuries_of(a.id)
        stages = tuple(athlete_stage_on(records, tl.days[d]) for d in range(p0))
        if p0 > 0 and records and stages[-1] != rp.stages[p0 - 1]:
            athletes.add(a.id)
            declined.add(a.id)
            continue
        if records != before.injuries_of(a.id):
            # a stage change recorded (even as projected) resets the sprint ladder's credit
            # (rules-spec.md RH-11): the future planned on the projection may not hold
            athletes.add(a.id)
            recorded.add(a.id)
            continue
        past = past_days(after, a.id, stages, tl, reference)
        lo = max(0, p0 - look)
        if past.intensity[lo:] != rp.intensity[lo:p0]:
            deviated.add(a.id)
    hi = min(tl.n - 1, p0 + MARGIN_DAYS)
    ahead = _returns_ahead(after, tl, reference)
    if not athletes and not deviated:
        return Scope(False, frozenset(), False, (p0, p0 - 1), "everything went as planned",
                     returns=ahead)
    others = len(athletes) - len(declined) - len(recorded)  # new to the plan
    # only what is so: "0 athletes whose past went otherwise" read as a log nobody looked at
    parts = [f"{plural(len(deviated), 'athlete')} whose past went otherwise, from "
             f"{day_long(tl.days[p0])} to {day_long(tl.days[hi])}"] if deviated else []
    for n, text in ((len(declined), "whose stage change did not happen"),
                    (len(recorded), "whose stage records changed"), (others, "new to the plan")):
        if n:
            parts.append(f"{n if parts else plural(n, 'athlete')} {text}")
    return Scope(False, frozenset(athletes), False, (p0, hi), ", ".join(parts),
                 window_athletes=frozenset(deviated), team_weeks=False, returns=ahead)


def _returns_ahead(season: Season, tl: Timeline, reference: Plan) -> frozenset[str]:
    """Injured athletes with a return or a target competition still ahead of ``today``: out of
    FIT on a day from today on in ``reference``, or a target on or after today."""
    out = set()
    for rec in season.injuries:
        rp = reference.for_athlete(rec.athlete)
        target = season.competition(rec.target_competition) if rec.target_competition else None
        if (rp is None or len(rp.stages) != tl.n or any(s != "FIT" for s in rp.stages[tl.p0:])
                or (target is not None and tl.index(target.last) is not None
                    and tl.index(target.last) >= tl.p0)):
            out.add(rec.athlete)
    return frozenset(out)


def replan_from_today(before: Season, after: Season, time_limit: float = 60.0, on_progress=None,
                      stop: StopToken | None = None) -> Outcome:
    """Re-plan ``after`` (``today`` moved on, sessions logged, stage changes accepted) from its new
    today, keeping ``before``'s stored plan wherever changing it gains nothing (STAB). When the rules
    differ from ``before``'s (a rule changed since the plan was made) the whole future is
    re-planned under the new rules, still from the stored plan."""
    reference = before.plan
    if reference is None:
        from solver.run import solve

        return solve(SolveRequest(after, time_limit=time_limit), on_progress=on_progress, stop=stop)
    if not same_rules(before.rules, after.rules):
        tl = Timeline(after)
        scope = Scope(True, frozenset(), True, (tl.p0, tl.n - 1),
                      "the rules changed since the plan was made")
    else:
        scope = advance_scope(before, after, reference)
    return replan(before, after, reference, time_limit, on_progress, stop, scope=scope)


def unforeseen_injuries(before: Season, after: Season) -> dict[str, dt.date]:
    """The injuries a scenario adds (an athlete's record with an onset ``before`` does not have),
    onset after ``today``: athlete -> the earliest such onset. A what-if injury is not foreseen:
    the athlete's days before it stay as the current plan has them (``keep_before_injuries``)."""
    tl = Timeline(after)
    out: dict[str, dt.date] = {}
    for a in after.athletes:
        onsets = {r.onset for r in before.injuries_of(a.id)}
        new = [r.onset for r in after.injuries_of(a.id) if r.onset not in onsets]
        if new and tl.clamp_index(min(new)) > tl.p0:
            out[a.id] = min(new)
    return out


def keep_before_injuries(before: Season, after: Season, reference: Plan) -> tuple:
    """Intensity pins that keep each scenario injury's athlete's days from ``today`` to the day
    before its onset as ``reference`` plans them: the injury is a surprise, so nothing before it
    may move to prepare for it (a sprint the day before the tear read like advice). A day that
    the scenario's other changes reach for that athlete (a match moved, an absence, a role), or
    one a pin of the season fixes, is left free. Nothing when the rules, calendar or squad
    changed (the whole season is re-planned) or the reference does not fit the season."""
    from planner.season import IntensityPin

    new = unforeseen_injuries(before, after)
    if not new:
        return ()
    tl = Timeline(after)
    known = {(i.athlete, i.onset) for i in before.injuries}
    rest = after.model_copy(update={"injuries": tuple(
        i for i in after.injuries if i.athlete not in new or (i.athlete, i.onset) in known)})
    others = change_scope(before, rest)  # what the scenario's other changes reach
    if others.everything:
        return ()
    lo, hi = others.window
    pinned = {(p.athlete, tl.index(p.date)) for p in after.pins if p.kind == "intensity"}
    pins = []
    for aid, onset in sorted(new.items()):
        ref = reference.for_athlete(aid)
        if ref is None or len(ref.intensity) != tl.n or aid in reference.unplanned:
            continue
        for d in range(tl.p0, tl.clamp_index(onset)):
            reached = (aid in others.athletes and d >= lo) or (
                (others.team_days or aid in others.window_athletes) and lo <= d <= hi)
            if not reached and (aid, d) not in pinned:
                pins.append(IntensityPin(athlete=aid, date=tl.days[d], intensity=ref.intensity[d]))
    return tuple(pins)


def kept_words(before: Season, after: Season, pins: tuple) -> str:
    """Whose days ``keep_before_injuries`` keeps, up to which injury, as a coach reads them ("" when
    none): "Mateo Silva's days before the injury on Wed 28 Apr 2027"."""
    kept = {p.athlete for p in pins}
    onsets = {a: d for a, d in unforeseen_injuries(before, after).items() if a in kept}
    return " and ".join(f"{after.athlete_label(a).split(' (')[0]}'s days before the injury on "
                        f"{day_long(d)}" for a, d in sorted(onsets.items()))


NOT_KEPT = "the days before the injury could not be kept as planned"


def replan_scenario(before: Season, after: Season, reference: Plan, time_limit: float = 60.0,
                    on_progress=None, stop: StopToken | None = None,
                    deterministic: bool = False) -> Outcome:
    """A what-if scenario's re-plan (``replan``), with the days before an injury the scenario
    adds kept as ``reference`` has them (``keep_before_injuries``: pins in the solve only; the
    scenario's season and plan carry none). Where keeping them leaves no plan, the scenario is
    re-planned without them, and the message says so."""
    pins = keep_before_injuries(before, after, reference)
    if not pins:
        return replan(before, after, reference, time_limit, on_progress, stop, deterministic)
    t0 = time.monotonic()
    scope = change_scope(before, after)  # the pins are the solve's, not a change of the scenario
    kept = after.model_copy(update={"pins": after.pins + pins})
    out = replan(before, kept, reference, time_limit, on_progress, stop, deterministic, scope=scope)
    if out.plan is not None or out.status == Status.CANCELLED or (stop is not None and stop.is_set()):
        return replace(out, message=(f"{out.message}; {kept_words(before, after, pins)} kept as "
                                     "the current plan has them (the injury is not foreseen)"))
    left = max(1.0, time_limit - (time.monotonic() - t0)) if not deterministic else time_limit
    free = replan(before, after, reference, left, on_progress, stop, deterministic)
    return replace(free, wall_time=time.monotonic() - t0, message=f"{free.message}; {NOT_KEPT}")


def _only(plan: Plan | None, athlete: str) -> Plan | None:
    if plan is None:
        return None
    return plan.model_copy(update={"athletes": tuple(a for a in plan.athletes if a.athlete == athlete)})


def _changed_dates(before: list, after: list) -> set:
    """The dates at which two lists of one athlete's injury records differ (onsets, stage starts,
    flare-ups, test dates, a changed target: the planning start)."""
    def dates(records) -> set:
        out = set()
        for r in records:
            out |= {("onset", r.onset, r.protocol, r.target_competition)}
            out |= {("stage", x.start, x.stage) for x in r.stages}
            out |= {("flare", f) for f in r.flare_ups}
            out |= {("test", t.date, t.name, t.value) for t in r.tests}
        return out

    changed = dates(before) ^ dates(after)
    return {item[1] for item in changed}


def replan(before: Season, after: Season, reference: Plan, time_limit: float = 60.0,
           on_progress=None, stop: StopToken | None = None, deterministic: bool = False,
           scope: Scope | None = None) -> Outcome:
    """Re-plan ``after`` changing as little of ``reference`` as the change requires: first in the
    neighbourhood of the change (fast); then, unless the neighbourhood plan's returns and targets
    are already the best the whole season allows (measured on the injured athletes alone), on the
    whole season from that plan within the time left. A re-plan never settles for a worse return
    or target than the season allows."""
    t0 = time.monotonic()
    from solver.run import solve

    after = with_history(after, reference)
    scope = scope if scope is not None else change_scope(before, after)
    if reference.planner_version < PLANNER_VERSION and not scope.everything:
        # its future was planned without what this version plans (e.g. recovery sessions):
        # keeping most of it would keep that (planner.season.PLANNER_VERSION)
        tl = Timeline(after)
        scope = Scope(True, frozenset(), True, (tl.p0, tl.n - 1),
                      "the plan was made by an earlier version of Periodize")
    if reference.unplanned and not scope.everything:
        # their rows are placeholders at 0 % (Plan.unplanned): free, and their whole future from
        # today (Freeze keeps no day of theirs); the window, where the change reaches the
        # others, stays as it is
        scope = replace(scope, athletes=scope.athletes | frozenset(reference.unplanned))
    first: Outcome | None = None
    if not scope.everything:
        floors: dict[str, int] = {}
        first = _neighbourhood(after, reference, scope, time_limit / 2, on_progress, stop,
                               deterministic, floors)
        if first.status == Status.CANCELLED or (stop is not None and stop.is_set()):
            return _relabel(first, f"re-planned around the change: {scope.reason}", t0)
        if first.plan is not None and first.hard:
            # what was kept outside the neighbourhood no longer holds (e.g. a stage change
            # recorded as it was projected resets the sprint ladder): plan the whole season
            first = replace(first, plan=None)
        # kept only when proven the best in its neighbourhood: a plan the search merely found
        # before its limit (a squad's rest day of pins: 30 s, 1,800 points worse than the
        # season's best) is a hint for the whole season's search, not an answer
        if first.plan is not None and first.status == Status.OPTIMAL and _returns_as_good(
                after, first, scope, time_limit / 4, stop, floors):
            return _relabel(_as_feasible(first, returns_proven=True),
                            f"re-planned around the change: {scope.reason}", t0)
    # a reproducible search's limit comes from the request, not from what the clock left
    # (the whole time when no neighbourhood search ran first)
    left = (time_limit if first is None else time_limit / 2) if deterministic else max(
        1.0, time_limit - (time.monotonic() - t0))
    hint = first.plan if first is not None and first.plan is not None else None
    # its explanation, when no plan holds, has the time a solve of ``time_limit`` gives one: it
    # had what the neighbourhood's search left, and 'record' named no rule where 'solve' did
    full = solve(SolveRequest(after, time_limit=left, reference=reference, deterministic=deterministic,
                              hint=hint, keep_stored=False,
                              explain_time=SolveRequest(after, time_limit=time_limit).explanation_time()),
                 on_progress=on_progress, stop=stop)
    if full.plan is None and first is not None and first.plan is not None:
        return _relabel(_as_feasible(first, proven=first.status == Status.OPTIMAL),
                        f"re-planned around the change: {scope.reason}", t0)
    how = f"re-planned the whole season: {scope.reason}" if first is None else (
        f"re-planned around the change ({scope.reason}), then on the whole season")
    return _relabel(full, how, t0)


def with_history(season: Season, reference: Plan | None) -> Season:
    """``season`` carrying ``reference`` as its stored plan when it has none (a scenario's season):
    the days and weeks before ``today`` that nothing logged keep what the reference planned,
    as for the season itself (rules-spec.md section 9), instead of reading as rest days and load
    weeks. Unchanged when the reference does not fit the season (the squad or calendar changed)."""
    if season.plan is not None or reference is None or Timeline(season).p0 == 0:
        return season
    from planner.validate import plan_problems

    carried = season.model_copy(update={"plan": reference})
    return season if plan_problems(carried) else carried


def _returns_as_good(after: Season, first: Outcome, scope: Scope, limit: float,
                     stop: StopToken | None, floors: dict[str, int] | None = None) -> bool:
    """Are the neighbourhood plan's returns and targets the best the whole season allows? Only
    the injured athletes the change reaches (free in the neighbourhood, or named by the scope's
    ``returns``) can differ from the reference's best: a return at the
    earliest day the stage windows allow, with its target met or out of reach (``floors``, the
    model's RTS floor), is the best; any other is measured alone (an athlete's return depends on
    nobody else)."""
    injured = {i.athlete for i in after.injuries}
    touched = sorted(injured) if scope.team_days else sorted(
        injured & (scope.athletes | scope.window_athletes | scope.returns))
    if not touched:
        return True
    got: dict[str, int] = {}
    for v in first.plan.soft:
        if v.rule == "RTS" and v.athlete in touched:
            got[v.athlete] = got.get(v.athlete, 0) + v.penalty
    floors = floors or {}
    todo = [aid for aid in touched if aid not in floors or got.get(aid, 0) > floors[aid]]
    tl = Timeline(after)
    for aid in todo:
        # first on the season cut a fortnight after the return (a relaxation: its optimum is
        # a lower bound, so one equal to the plan's proves it); else the whole season
        cut = _cut_after(after, _settled(tl, first.plan, after, aid))
        if cut is not None:
            low = rts_optimum(cut, aid, limit / len(todo) / 2, stop)
            if low is not None and low >= got.get(aid, 0):
                continue
        best = rts_optimum(after, aid, limit / len(todo), stop)
        if best is None or got.get(aid, 0) > best:
            return False
    return True


SETTLED_DAYS = 14  # days after an athlete's return and target the relaxation keeps


def _settled(tl: Timeline, plan: Plan, season: Season, athlete: str) -> int | None:
    """The day from which nothing moves ``athlete``'s return in ``plan``: a fortnight after
    the later of the last return to FIT and the target competitions (None: not back)."""
    ap = plan.for_athlete(athlete)
    if ap is None:
        return None
    out = [d for d in range(tl.p0, tl.n) if ap.stages[d] != "FIT"]
    back = out[-1] + 1 if out else tl.p0  # the last return (a later injury's, if any)
    if back >= tl.n:
        return None
    targets = [tl.index(c.last) for r in season.injuries_of(athlete) if r.target_competition
               and (c := season.competition(r.target_competition)) is not None]
    return max([back] + [t for t in targets if t is not None]) + SETTLED_DAYS


def _cut_after(season: Season, day: int | None) -> Season | None:
    """``season`` ending with the week of day ``day`` (everything after it dropped): fewer
    rules, so a lower bound on any penalty that only grows with the days (RTS); None when no
    shorter season is left or the cut one is not a valid season."""
    from planner.validate import season_problems

    tl = Timeline(season)
    if day is None or day >= tl.n - 7:
        return None
    week = tl.weeks[tl.week_of[day]]
    last = tl.days[week.last]
    n, nw = week.last + 1, tl.week_of[day] + 1
    if season.calendar.today is not None and season.calendar.today > last:
        return None
    comps = tuple(c for c in season.competitions if c.last <= last)
    kept = {c.id for c in comps}
    injuries = tuple(
        i.model_copy(update={
            "stages": tuple(r for r in i.stages if r.start <= last),
            "flare_ups": tuple(f for f in i.flare_ups if f <= last),
            "flare_notes": {k: v for k, v in i.flare_notes.items() if k <= last},
            "tests": tuple(t for t in i.tests if t.date <= last),
            "target_competition": i.target_competition if i.target_competition in kept else None})
        for i in season.injuries if i.onset <= last)
    plan = season.plan
    if plan is not None:
        plan = plan.model_copy(update={"team_weeks": plan.team_weeks[:nw], "athletes": tuple(
            ap.model_copy(update={"stages": ap.stages[:n], "intensity": ap.intensity[:n],
                                  "weeks": ap.weeks[:nw],
                                  "planned": {k: v for k, v in ap.planned.items() if k <= last},
                                  "planned_stages": {k: v for k, v in ap.planned_stages.items()
                                                     if k <= last}})
            for ap in plan.athletes)})
    cal = season.calendar
    cut = season.model_copy(update={
        "calendar": cal.model_copy(update={"end": last, "non_training_days": tuple(
            x for x in cal.non_training_days if x.date <= last)}),
        "competitions": comps,
        "blocks": tuple(b.model_copy(update={"end": min(b.end, last)}) for b in season.blocks
                        if b.start <= last),
        "unavailability": tuple(u.model_copy(update={"end": min(u.end, last)})
                                for u in season.unavailability if u.start <= last),
        "injuries": injuries,
        "pins": tuple(p for p in season.pins
                      if (p.week if p.kind == "week" else p.date) <= last),
        "roles": tuple(r for r in season.roles if r.competition in kept),
        "sessions": tuple(x for x in season.sessions if x.date <= last),
        "plan": plan, "scenarios": ()})
    # the checks (the plan's shape included) return problems for any season: an error they
    # raise is a bug to see, not a relaxation to drop in silence
    return None if season_problems(cut) else cut


def rts_optimum(season: Season, athlete: str, time_limit: float,
                stop: StopToken | None = None) -> int | None:
    """The best return-to-sport penalty (days back and missed targets) of ``athlete`` the season
    allows, or None if not proven in time: the athlete alone with the team's pins (another
    athlete meets this one only in the team's weeks, which do not move a return)."""
    from planner.rules import RULES
    from planner.season import RuleSettings
    from solver.run import solve

    modes = {rid: "off" for rid, r in RULES.items()
             if not r.hard and rid != "RTS" and season.rules.modes.get(rid, "soft") != "hard"}
    alone = season.model_copy(update={
        "athletes": tuple(a for a in season.athletes if a.id == athlete),
        "injuries": tuple(season.injuries_of(athlete)),
        "unavailability": tuple(u for u in season.unavailability if u.athlete == athlete),
        "roles": tuple(r for r in season.roles if r.athlete == athlete),
        "pins": tuple(p for p in season.pins if getattr(p, "athlete", None) in (None, athlete)),
        "sessions": tuple(x for x in season.sessions if x.athlete == athlete),
        "plan": _only(season.plan, athlete), "scenarios": (),
        "rules": RuleSettings(values=season.rules.values, modes={**season.rules.modes, **modes}),
    })
    # only the optimal value matters (it is unique): one plain worker is the quickest here
    out = solve(SolveRequest(alone, time_limit=max(1.0, time_limit), keep_stored=False, workers=1),
                stop=stop)
    return int(out.penalties.get("RTS", 0)) if out.status == Status.OPTIMAL else None


def _neighbourhood(after: Season, reference: Plan, scope: Scope, limit: float, on_progress,
                   stop: StopToken | None, deterministic: bool,
                   floors: dict[str, int] | None = None) -> Outcome:
    from solver.run import solve

    free = scope.athletes | scope.window_athletes
    frozen = frozenset() if scope.team_days else frozenset(
        a.id for a in after.athletes if a.id not in free)
    # a few athletes free: one search thread is quickest (and, for a deterministic request, stopped
    # by its deterministic time limit); the whole squad or many athletes in a window: the
    # portfolio, whose LP bound proves it (one thread for a deterministic request)
    many = scope.team_days or len(free) > FEW_FREE
    req = SolveRequest(after, time_limit=max(1.0, limit), reference=reference,
                       deterministic=deterministic, frozen=frozen, keep_stored=False,
                       workers=0 if many else 1)

    keep = Freeze(reference, frozenset(scope.athletes), scope.window, scope.team_days,
                  frozenset(scope.window_athletes), scope.team_weeks)

    def prepare(model) -> None:
        if floors is not None:
            floors.update(model.rts_floor)  # the whole season's floors (the freeze keeps them)

    return solve(req, on_progress=on_progress, stop=stop, prepare=prepare, keep=keep)


def _as_feasible(out: Outcome, returns_proven: bool = False, proven: bool = True) -> Outcome:
    # optimal within the neighbourhood only (``proven``; else only found there before the time
    # ran out): report the plan checker's objective, no bound
    objective = float(sum(out.penalties.values()))
    plan = out.plan.model_copy(update={"status": Status.FEASIBLE.value, "objective": objective,
                                       "bound": None}) if out.plan else None
    msg = (f"best plan in the neighbourhood of the change: objective {objective:g}" if proven else
           f"a plan in the neighbourhood of the change, not proven the best there: objective "
           f"{objective:g}")
    if returns_proven:
        msg += "; returns and targets proven the best the whole season allows"
    return replace(out, status=Status.FEASIBLE, plan=plan, message=msg, objective=objective, bound=None)


def _relabel(out: Outcome, how: str, t0: float) -> Outcome:
    return replace(out, wall_time=time.monotonic() - t0, message=f"{out.message} ({how})")
