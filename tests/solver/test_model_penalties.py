"""The solver's own per-rule breakdown against the plan checker's.

``Outcome.penalties`` is the checker's report of the plan handed out, so comparing it with the
checker again proves nothing about the model. Here the model is solved to optimality and each
soft rule's penalty as the model's objective counts it (``PlanModel.penalties``) is held against
the independent checker's on the plan read from the same solution: a rule the model prices
differently from the contract, or one the checker forgets, fails here by name."""

from __future__ import annotations

import pytest
from ortools.sat.python import cp_model

from planner import edits as E
from planner.check import check_plan
from planner.history import with_planned
from planner.season import Competition, RuleSettings, Session, Unavailability
from planner.timeline import Timeline
from solver import SolveRequest
from solver.model import PlanModel
from solver.run import _configure
from tests.builders import day, injury, season, tournament_season


def optimum(s, reference=None):
    model = PlanModel(s, reference=reference)
    solver = cp_model.CpSolver()
    _configure(solver, SolveRequest(s, time_limit=120), 120)  # the app's search, proven
    assert solver.solve(model.m) == cp_model.OPTIMAL
    plan = with_planned(s.plan, model.extract(solver.value), Timeline(s))
    report = check_plan(s, plan, reference=reference)
    assert report.violations == (), [v.message for v in report.violations]
    return model.penalties(solver.value), report, solver.objective_value, plan


def agree(model_pen: dict, report) -> None:
    checker = report.penalties()
    rules = set(model_pen) | set(checker)
    assert {r: model_pen.get(r, 0) for r in rules} == {r: checker.get(r, 0) for r in rules}


def cup_season(**kw):
    # an injured A1 aiming at the cup, an A cup in week 5 (its taper weeks), C matches,
    # a fit squad sharing team speed days (TEAM, HV-DAY, HV-1)
    cup = Competition(id="cup", name="Cup", date=day(33), priority="A")
    return season(weeks=6, athletes=4, comps=[cup],
                  injuries=(injury("A1", "P3", start_day=-10, target="cup"),), **kw)


def test_the_demo_season_is_priced_by_the_model_as_the_checker_counts_it(demo_season):
    model_pen, report, objective, _ = optimum(demo_season)
    agree(model_pen, report)
    assert sum(model_pen.values()) == pytest.approx(objective) == report.objective
    # the season exercises the rules: a test that compares zeros proves little
    assert {r for r, p in model_pen.items() if p} >= {"RTS", "HV-1", "TEAM", "DL-7", "HV-DAY"}


def test_a_small_season_with_a_missed_target_is_priced_alike():
    model_pen, report, objective, _ = optimum(cup_season(matches=[5, 12, 19, 26]))
    agree(model_pen, report)
    assert model_pen["RTS"] > 10_000  # A1 cannot make the cup: the target's price is in both
    assert model_pen["HV-DAY"] > 0
    assert sum(model_pen.values()) == pytest.approx(objective) == report.objective


def test_ld1_spikes_and_logged_weeks_are_priced_alike():
    # A2 and A3 away in weeks 4-5, so week 6 is a spike unless lighter; A2's logged pre-season
    # weeks give it a chronic load from the start
    away = tuple(Unavailability(athlete=a, start=day(21), end=day(34)) for a in ("A2", "A3"))
    log = tuple(Session(athlete="A2", date=day(-28 + 7 * w + d), minutes=60, rpe=5)
                for w in range(4) for d in range(5))
    s = season(weeks=9, athletes=3, unavailable=away,
               comps=[Competition(id="b1", name="Derby", date=day(9), priority="B")],
               injuries=(injury("A1", "P3", start_day=-10),),
               rules=RuleSettings(values={"LD-1": {"weight": 20}}))
    s = s.model_copy(update={"sessions": log})
    model_pen, report, objective, _ = optimum(s)
    agree(model_pen, report)
    assert report.counts()["LD-1"] >= 1  # a spike no plan avoids is priced by both
    assert sum(model_pen.values()) == pytest.approx(objective)


def test_a_replan_prices_stab_as_the_checker_does():
    s = cup_season()
    _, _, _, first = optimum(s)
    moved = E.MoveCompetition(competition="m1", date=day(10)).apply(s)  # a C match two days earlier
    model_pen, report, objective, _ = optimum(moved, reference=first)
    agree(model_pen, report)
    assert model_pen.get("STAB", 0) > 0  # the move changes some days, and both count them
    assert sum(model_pen.values()) == pytest.approx(objective)


def test_tp3_is_priced_alike_when_a_taper_week_cannot_keep_its_intensity():
    # A2 away Monday to Saturday of the first taper week before the cup: no HV work that week
    away = (Unavailability(athlete="A2", start=day(14), end=day(19)),)
    model_pen, report, objective, _ = optimum(cup_season(unavailable=away))
    agree(model_pen, report)
    assert model_pen.get("TP-3", 0) > 0 and report.counts()["TP-3"] >= 1
    assert sum(model_pen.values()) == pytest.approx(objective)


def test_a_tournament_day_is_priced_with_each_match_played():
    # four competitions on the Saturday of week 6 (a tournament, each match its own competition):
    # each match played counts in the day's load (docs/semantics.md), which makes the week a
    # spike; counting one match, the model saw none where the checker counts one (A1 starts all
    # four: his spike no plan avoids; A2, in two of them, is planned around his)
    s = tournament_season(20, {"t2": "bench", "t3": "out"})
    model_pen, report, objective, plan = optimum(s)
    agree(model_pen, report)
    assert "A1" in {v.athlete for v in report.soft if v.rule == "LD-1"}
    assert sum(model_pen.values()) == pytest.approx(objective)
    # today moved past it, nothing logged: the tournament day is given, priced alike
    later = s.model_copy(update={"plan": plan, "calendar": s.calendar.model_copy(
        update={"today": day(41)})})
    model_pen, report, _, _ = optimum(later)
    agree(model_pen, report)
    assert "A1" in {v.athlete for v in report.soft if v.rule == "LD-1"}


def test_athletes_who_differ_only_in_a_tournament_days_other_matches_are_priced_apart():
    """Fit athletes with the same best role of each day formed one unit, priced by the first of
    them: A1 starts all four matches of the Saturday, A2 starts one and is out of three, and the
    model counted A1's spike twice (LD-1 40 where the checker counts 20)."""
    from solver.model import PlanModel

    s = tournament_season(20, {f"t{k}": "out" for k in (1, 2, 3)})
    assert sorted(len(u.athletes) for u in PlanModel(s).units) == [1, 1]
    model_pen, report, objective, _ = optimum(s)
    agree(model_pen, report)
    assert [v.athlete for v in report.soft if v.rule == "LD-1"] == ["A1"]
    assert sum(model_pen.values()) == pytest.approx(objective)


def test_a_replan_after_a_player_left_or_fell_ill_prices_no_change_on_his_days_away():
    """``record --left A05`` filled the plan JSON's ``soft`` list with 154 STAB entries ("FIT at
    0 % instead of FIT at 70 %") and grew the objective by them: a change forced by his absence
    is none the coach can undo. The model and the checker both leave out an athlete's days away
    (left the squad, ill) and a week he is away all of; his other days still count."""
    from planner.squad import LEFT_REASON

    s = cup_season()
    _, _, _, first = optimum(s)
    away = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A3", start=day(12), end=s.calendar.end, reason=LEFT_REASON),
        Unavailability(athlete="A4", start=day(15), end=day(17), reason="Illness"))})
    model_pen, report, objective, plan = optimum(away, reference=first)
    agree(model_pen, report)
    assert sum(model_pen.values()) == pytest.approx(objective)
    stab = [v for v in report.soft if v.rule == "STAB" and v.athlete in ("A3", "A4")]
    off = {"A3": (day(12), s.calendar.end), "A4": (day(15), day(17))}
    assert not [v for v in stab if off[v.athlete][0] <= v.start and v.end <= off[v.athlete][1]]
    # the days away did change (the absence forces it), so the check above is not of nothing
    tl = Timeline(s)
    a3 = (first.for_athlete("A3"), plan.for_athlete("A3"))
    assert any(a3[0].intensity[i] != a3[1].intensity[i] for i in range(tl.index(day(12)), tl.n))
