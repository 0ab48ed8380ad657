"""A fit athlete's 80 % and 90 % speed days only as RAMP's steps (docs/semantics.md,
"Intensities the rules leave free"; ``solver/polish.py``): the 95 % session otherwise, or the
70 % team session instead of an 80 % day that is no step."""

from __future__ import annotations

from planner.check import check_plan
from planner.history import pre_season_speed_days
from planner.rules import RuleSet
from planner.season import FIT, IntensityPin
from planner.timeline import Timeline
from solver.polish import canonical_levels
from tests.builders import day, season
from tests.exports.demo import solved_demo


def _ramp_steps(season, ap, tl) -> tuple[set[int], set[int]]:
    """RAMP's first and second steps, read from the rule's words (rules-spec.md section 3)."""
    g = RuleSet(season.rules).value("RAMP", "gap_days")
    speed = [i for i, v in enumerate(ap.intensity) if v >= 80]
    played = {i for i in speed if tl.is_comp[i] and ap.intensity[i] in (80, 100)}
    before = pre_season_speed_days(season, ap.athlete)
    firsts, seconds = set(), set()
    prev = before[-1] if before else None
    for i in speed:
        if i not in played:
            if prev is None or i - prev > g:
                firsts.add(i)
            elif prev in firsts:
                seconds.add(i)
        prev = i
    return firsts, seconds


def _too_fast(season, ap, tl) -> bool:
    """A FIT day above RAMP's limit: a first step above 80, a second above 90."""
    firsts, seconds = _ramp_steps(season, ap, tl)
    return any(ap.stages[i] == FIT and ap.intensity[i] > (80 if i in firsts else 90)
               for i in firsts | seconds if i >= tl.p0)


def _free_slow_days(season, plan) -> list[tuple[str, int, int]]:
    """(athlete, day, level) of every planned FIT day at 90 that is no RAMP second step, and at
    80 that is no first step and not needed (at 70 a later speed day would be too fast for the
    ramp it then starts)."""
    tl = Timeline(season)
    pinned = {(p.athlete, tl.index(p.date)) for p in season.pins if p.kind == "intensity"}
    out = []
    for ap in plan.athletes:
        firsts, seconds = _ramp_steps(season, ap, tl)
        for i in range(tl.p0, tl.n):
            v = ap.intensity[i]
            if ap.stages[i] != FIT or (ap.athlete, i) in pinned or (tl.is_comp[i] and v in (80, 100)):
                continue
            if v == 90 and i not in seconds:
                out.append((ap.athlete, i, v))
            elif v == 80 and i not in firsts:
                dropped = ap.model_copy(update={"intensity": ap.intensity[:i] + (70,) + ap.intensity[i + 1:]})
                if not _too_fast(season, dropped, tl):
                    out.append((ap.athlete, i, v))
    return out


def test_the_demo_plan_has_no_speed_day_below_the_session_that_no_ramp_asks_for():
    """Before, a player out of the squad (A24) had 39 sessions at 90 % and 13 "speed days" at
    80 % (no HV exposure) that no rule asked for; every planned level now has a reason."""
    s = solved_demo()
    assert _free_slow_days(s, s.plan) == []
    report = check_plan(s, s.plan)
    assert report.violations == ()
    a24 = s.plan.for_athlete("A24").intensity
    assert sum(v == 95 for v in a24) > 10 * sum(v in (80, 90) for v in a24)


def test_free_levels_are_set_straight_and_ramp_steps_and_pins_kept():
    s = season(weeks=4, athletes=2, matches=[5, 12, 19, 26],
               pins=(IntensityPin(athlete="A1", date=day(16), intensity=90),))
    tl = Timeline(s)
    from solver import SolveRequest, solve

    plan = solve(SolveRequest(s, time_limit=20)).plan
    levels = {
        # A1: the ramp at the season start (80, then 90), a 90 after a match (no step), an 80
        # after a match (no step), the pinned 90
        "A1": {0: 80, 2: 90, 9: 90, 15: 80, 16: 90},
        # A2, not playing: an 80 that keeps the 95 on day 19 out of a ramp (the 95 on day 4 is
        # 15 days before it)
        "A2": {0: 80, 2: 90, 4: 95, 17: 80, 19: 95},
    }
    athletes = []
    for ap in plan.athletes:
        it = [70 if tl.is_training[i] else 0 for i in range(tl.n)]
        for i in tl.comp_days:
            it[i] = 100 if ap.athlete == "A1" else 0
        for i, v in levels[ap.athlete].items():
            it[i] = v
        athletes.append(ap.model_copy(update={"intensity": tuple(it), "stages": (FIT,) * tl.n}))
    hand = plan.model_copy(update={"athletes": tuple(athletes)})
    got = canonical_levels(s, hand)
    a1, a2 = got.for_athlete("A1").intensity, got.for_athlete("A2").intensity
    assert (a1[0], a1[2], a1[9], a1[15], a1[16]) == (80, 90, 95, 70, 90)
    assert (a2[0], a2[2], a2[4], a2[17], a2[19]) == (80, 90, 95, 80, 95)
    assert _free_slow_days(s, got) == []
    assert _free_slow_days(s, hand) == [("A1", 9, 90), ("A1", 15, 80)]
    assert _too_fast(s, hand.for_athlete("A2").model_copy(update={"intensity": a2[:17] + (70,) + a2[18:]}), tl)
    only = canonical_levels(s, hand, raise_only=True)  # no load changes: 90s raised only
    assert only.for_athlete("A1").intensity[15] == 80 and only.for_athlete("A1").intensity[9] == 95
    assert canonical_levels(s, got) is None  # nothing left to set


def test_a_solve_returns_the_plan_set_straight_at_the_same_cost():
    """The solver's plan of a season with players out of the squad: the check of the returned
    plan is the solver's objective, with no free slow day left."""
    from bench.generate import generated_season
    from solver import SolveRequest, Status, solve

    s = generated_season(12, 16)
    out = solve(SolveRequest(s, time_limit=30))
    assert out.status == Status.OPTIMAL
    report = check_plan(s, out.plan)
    assert report.violations == () and float(report.objective) == out.objective
    assert _free_slow_days(s, out.plan) == []


def test_a_plan_of_an_earlier_version_is_set_straight_when_solved_again_from_it():
    """The app solves again with the stored plan as STAB's reference: a plan made before this
    (planner version 2) with free 90 % sessions kept them for good, each a day changed from the
    reference. Against an earlier version's reference the days set straight are not held back."""
    from solver import SolveRequest, solve

    s = season(weeks=4, athletes=2, matches=[5, 12, 19, 26])
    s = s.model_copy(update={"athletes": (s.athletes[0], s.athletes[1].model_copy(update={"role": "out"}))})
    plan = solve(SolveRequest(s, time_limit=20)).plan
    assert _free_slow_days(s, plan) == []
    a2 = plan.for_athlete("A2")
    sessions = [i for i, v in enumerate(a2.intensity) if v == 95]
    assert len(sessions) >= 2
    old = a2.model_copy(update={"intensity": tuple(90 if i in sessions[1:] else v
                                                   for i, v in enumerate(a2.intensity))})
    stored = plan.model_copy(update={"planner_version": 2, "athletes": tuple(
        old if a.athlete == "A2" else a for a in plan.athletes)})
    assert _free_slow_days(s, stored)  # 90 % sessions no ramp asks for
    s = s.model_copy(update={"plan": stored})
    out = solve(SolveRequest(s, time_limit=20, reference=stored))
    assert out.plan is not None and check_plan(s, out.plan).violations == ()
    assert _free_slow_days(s, out.plan) == []
    # the same stored plan of this version: STAB keeps it (a re-solve does not churn)
    same = stored.model_copy(update={"planner_version": plan.planner_version})
    s = s.model_copy(update={"plan": same})
    kept = solve(SolveRequest(s, time_limit=20, reference=same))
    assert kept.plan.for_athlete("A2").intensity == old.intensity
