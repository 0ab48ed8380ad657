"""LD-1 (rules-spec.md sections 5 and 8): the solver's weekly loads agree with the plan checker's,
a positive weight makes the solver avoid spikes it can avoid, and weight 0 lists them at no cost."""

from __future__ import annotations

import pytest

from planner.check import check_plan
from planner.loadtable import season_loads
from planner.season import Competition, RuleSettings, Session, Unavailability
from planner.why import why_day, why_week
from solver import SolveRequest, Status, solve
from tests import demoplan
from tests.builders import day, injury, season, solved_and_checked, tournament_season


def base(weight: float, **kw):
    # nine weeks; A2 and A3 are away in weeks 4 and 5 (no load), so week 6 is a spike against
    # the four weeks before it unless its sessions are lighter
    comps = [Competition(id="b1", name="Derby", date=day(9), priority="B")]
    away = tuple(Unavailability(athlete=a, start=day(21), end=day(34)) for a in ("A2", "A3"))
    return season(weeks=9, athletes=3, comps=comps, unavailable=away,
                  injuries=(injury("A1", "P3", start_day=-10),),
                  rules=RuleSettings(values={"LD-1": {"weight": weight}}), **kw)


def solved(s, deterministic: bool = True):
    return solved_and_checked(s, time_limit=60, deterministic=deterministic)


@pytest.fixture(scope="module")
def demo_solved(demo_season):
    """The demo's outcome of a 60-second solve, searched once for the tests that read its plan
    (none changes it; tests/demoplan.py)."""
    season, out = demoplan.demo_solved()
    assert season == demo_season
    return out


def test_a_steered_solve_reports_what_the_plan_costs():
    # (the model's LD-1 price per week against the checker's: test_model_penalties)
    s = base(20)
    out, report = solved(s)
    assert out.objective == report.objective
    assert report.penalties()["LD-1"] > 0


def test_a_weight_makes_the_solver_avoid_spikes_and_weight_0_only_lists_them():
    free, r0 = solved(base(0))
    steered, r20 = solved(base(200))
    n0, n20 = r0.counts().get("LD-1", 0), r20.counts().get("LD-1", 0)
    assert n0 >= 1, "the break should make at least one week a spike"
    assert all(v.penalty == 0 for v in r0.soft if v.rule == "LD-1")
    assert n20 < n0
    assert steered.objective == r20.objective


@pytest.mark.parametrize("deterministic", [True, False])
def test_steering_never_ends_worse_than_the_plan_that_ignores_ld1(deterministic):
    """With a weight, the season is planned without LD-1 first; the steered search starts from
    that plan and keeps it when it ends no better by the checker's objective (LD-1 counted), in
    the reproducible search and in the app's parallel one."""
    steer = base(200)
    free, _ = solved(base(0))
    ignoring = check_plan(steer, free.plan).objective
    out, report = solved(steer, deterministic=deterministic)
    assert out.objective == report.objective <= ignoring


@pytest.mark.parametrize("deterministic", [True, False])
def test_the_steered_search_starts_from_the_whole_first_plan(deterministic):
    """The steered search is given the whole first plan (its kind x session products and
    penalty literals too), so none of the plans it reports is worse than that one."""
    steer = base(200)
    seen = []
    out = solve(SolveRequest(steer, time_limit=60, deterministic=deterministic),
                on_progress=lambda p: seen.append(p.objective))
    assert out.plan is not None and len(seen) >= 2
    first = seen[0]  # the plan made without LD-1, scored by the checker with LD-1
    assert all(x <= first for x in seen[1:]), seen
    report = check_plan(steer, out.plan)
    assert [str(v) for v in report.violations] == []
    assert out.objective == report.objective <= first


def test_logged_pre_season_weeks_give_a_chronic_load_from_the_first_season_week():
    s = base(0)
    # four logged weeks before the season: 5 sessions of 60 min at RPE 5 each week
    log = tuple(Session(athlete="A2", date=day(-28 + 7 * w + d), minutes=60, rpe=5)
                for w in range(4) for d in range(5))
    s = s.model_copy(update={"sessions": log})
    out, _ = solved(s)
    loads = season_loads(s, out.plan)
    a2 = loads["A2"]
    first = a2.week_of(day(0))
    assert first is not None and first.chronic == 1500
    assert loads["A3"].week_of(day(0)).chronic is None  # no log: no chronic load in week 1


def test_a_deload_week_of_the_demo_plans_40_percent_less_training_load(demo_season, demo_solved):
    """Done-when of the training-load issue: a fit player's team sessions in a deload week are
    45 instead of 75 minutes at the same RPE, so the week's training load (matches aside) is 40 %
    below the load weeks around it when the days and sessions are alike."""
    out = demo_solved
    plan = out.plan
    loads = season_loads(demo_season, plan)
    kinds = plan.team_weeks
    from planner.timeline import Timeline

    tl = Timeline(demo_season)
    found = 0
    for w in range(1, len(kinds) - 1):
        if kinds[w] != "deload" or kinds[w - 1] != "load" or kinds[w + 1] != "load":
            continue
        for aid, al in loads.items():
            ap = plan.for_athlete(aid)
            if any(ap.stages[d] != "FIT" for x in (w - 1, w, w + 1) for d in tl.weeks[x].days):
                continue

            def training(x, al=al, ap=ap):
                days = [d for d in tl.weeks[x].days if tl.is_training[d] and ap.intensity[d] in (70, 95)]
                return sum(al.load[al.season_start + d] for d in days), len(days)

            (a, na), (b, nb), (c, nc) = training(w - 1), training(w), training(w + 1)
            if na == nb == nc and a == c:
                assert b == round(0.6 * a) or b < 0.62 * a, (aid, a, b, c)
                found += 1
                d = next(d for d in tl.weeks[w].days if tl.is_training[d] and ap.intensity[d] == 70)
                text = why_day(demo_season, plan, aid, tl.days[d]).text()
                assert "Planned load 180 AU = 45 min x RPE 4: deload week" in text
                assert "40 % less volume per session than a load week" in text
    assert found, "no deload week between two alike load weeks in the demo plan"


def test_why_a_week_calls_a_spike_exactly_the_weeks_the_checker_lists():
    from planner.why import why_week

    s = base(0.0)
    out, report = solved(s)
    spikes = {(v.athlete, v.start) for v in report.soft if v.rule == "LD-1"}
    assert spikes  # week 6 after two weeks away
    loads = season_loads(s, out.plan)
    seen = 0
    for aid, al in loads.items():
        for wl in al.weeks:
            if wl.chronic is None or wl.start < s.calendar.start:
                continue
            text = why_week(s, out.plan, aid, wl.start).text()
            if (aid, wl.start) in spikes:
                assert "a spike, above the limit of 1.3 times" in text, text
                seen += 1
            else:
                assert "within the limit of 1.3 times" in text, text
    assert seen == len(spikes)


def test_a_deload_week_with_two_matches_says_the_matches_fill_its_cap(demo_season, demo_solved):
    """HV-2 counts played matches; a week whose matches alone pass the cap is not broken, and
    neither `why` nor the handout may read as if it were."""
    from planner.handout import handout_weeks
    from planner.timeline import Timeline

    out = demo_solved
    plan, tl = out.plan, Timeline(demo_season)
    found = benched = 0
    for ap in plan.athletes:
        for w, kind in enumerate(ap.weeks):
            days = tl.weeks[w].days
            played = [d for d in days if tl.is_comp[d] and ap.intensity[d] >= 80 and ap.stages[d] == "FIT"]
            if kind != "deload" or len(played) < 2 or any(ap.stages[d] != "FIT" for d in days):
                continue
            other = next((d for d in days if d not in played and tl.is_training[d]), None)
            if other is None:
                continue
            text = why_day(demo_season, plan, ap.athlete, tl.days[other]).text()
            assert f"The {len(played)} matches played are over this deload week's cap of 1 speed day" in text
            assert "already has" not in text
            # the week says the speed work stays only where the athlete has an exposure in it
            week_text = why_week(demo_season, plan, ap.athlete, tl.days[other]).text()
            if any(ap.intensity[d] >= 80 for d in days if d not in played):
                assert "The speed work stays" in week_text
            elif any(ap.intensity[d] >= 90 for d in days):  # a starter: the matches are the exposure
                one = sum(1 for d in played if ap.intensity[d] >= 90) == 1
                if demo_season.athlete(ap.athlete).position == "Goalkeeper":  # HV-1 exempts him
                    assert ("with no speed session besides (HV-1 exempts the Goalkeeper position: "
                            "no high-velocity exposure is asked of it)") in week_text
                    assert "high-velocity exposure, with" not in week_text
                else:
                    assert (f"starts {'is' if one else 'are'} the week's high-velocity exposure, "
                            f"with no speed session besides") in week_text
                assert "The speed work stays" not in week_text
            else:  # a bench player: both matches at 80 %
                assert (f"No high-velocity exposure for {demo_season.athlete_label(ap.athlete)} this "
                        f"week: the {len(played)} matches played use up the week's cap of 1 speed "
                        f"day") in week_text and "The speed work stays" not in week_text
                # said under the speed rule it is about (HV-2's cap), not LD-1's load
                (fact,) = [r for r in why_week(demo_season, plan, ap.athlete, tl.days[other]).reasons
                           if "No high-velocity exposure" in r.text]
                assert (fact.rule, fact.kind) == ("HV-2", "fact")
                benched += 1
            match = why_day(demo_season, plan, ap.athlete, tl.days[played[0]]).text()
            assert "A played match counts as a speed day" in match and "Speed day 2 of at most 1" not in match
            (week,) = handout_weeks(demo_season, plan, [ap.athlete], [w])
            assert week.speed_line.startswith(f"{week.speed_days} speed days incl. {len(played)} matches")
            assert "matches count" in week.kind_text
            # the team sessions' "40 % less volume" unless the week is far less lighter: then its
            # own figure (a starter's two matches are most of it)
            assert ("45 minutes (40 % less volume than a load week)" in week.kind_text) != (
                f"your week is {week.planned_load:,.0f} AU" in week.kind_text), week.kind_text
            found += 1
            break
    assert found, "the demo plan should have a deload week with two matches"
    assert benched, "and a bench player in one"


def test_a_solve_from_the_stored_plan_steers_too_and_a_replan_after_a_weight_change_uses_it():
    """The app's Solve passes the stored plan as the reference (STAB); the steered search runs
    there too. Re-plan from Today after the weight changed re-plans the whole future under the
    new rules (before, with nothing logged, it kept every day of the stored plan)."""
    from solver.whatif import replan_from_today

    free, r0 = solved(base(0))
    stored = base(0).model_copy(update={"plan": free.plan})
    after = stored.model_copy(update={"rules": base(200).rules})
    n0 = check_plan(after, free.plan).counts().get("LD-1", 0)
    assert n0 >= 1
    out = solve(SolveRequest(after, time_limit=60, reference=free.plan, deterministic=False))
    report = check_plan(after, out.plan, reference=free.plan)
    assert report.violations == () and report.counts().get("LD-1", 0) < n0
    assert out.objective == report.objective <= check_plan(after, free.plan, reference=free.plan).objective
    again = replan_from_today(stored, after, time_limit=60)
    assert "whole season" in again.message, again.message
    report = check_plan(after, again.plan)
    assert report.violations == () and report.counts().get("LD-1", 0) < n0
    unchanged = replan_from_today(stored, stored, time_limit=60)  # the same rules: nothing to do
    assert check_plan(stored, unchanged.plan).counts() == r0.counts()


def test_the_load_table_flags_every_week_ld1_lists_and_no_other_in_the_plan():
    """`periodize load`, the Load sheet and the app read the week flags of planner.load: a week
    LD-1 lists carries "ACWR > 1.3", and a week from today on without that flag is no spike."""
    from planner.load import AFTER_NONE, figures

    s = base(0.0)
    out, report = solved(s)
    s = s.model_copy(update={"plan": out.plan})
    spikes = {(v.athlete, v.start) for v in report.soft if v.rule == "LD-1"}
    assert spikes
    flagged = {(aid, w.start) for aid, f in figures(s).items() for w in f.weeks
               if {"ACWR > 1.3", AFTER_NONE} & set(w.flags) and w.start >= s.calendar.start}
    assert flagged == spikes


def test_a_spike_after_a_lighter_week_names_that_week():
    """The break in base() (two athletes away for two weeks) makes week 6 a spike: the checker's
    sentence names the light week among the four before it."""
    s = base(0.0)
    out, report = solved(s)
    spikes = [v for v in report.soft if v.rule == "LD-1" and v.athlete in ("A2", "A3")]
    assert spikes
    assert all("had only" in v.message and "which keeps the chronic load low" in v.message
               for v in spikes), [v.message for v in spikes]


def test_a_week_after_four_weeks_without_load_is_a_spike_without_a_ratio():
    """Chronic load 0 (four weeks away) and a week of training: a spike with no ratio to give;
    the checker used to divide by zero there, and a solve showed a traceback."""
    away = (Unavailability(athlete="A2", start=day(0), end=day(34)),)
    s = season(weeks=9, athletes=3, unavailable=away)
    out, report = solved(s)
    spikes = [v for v in report.soft if v.rule == "LD-1" and v.athlete == "A2"]
    assert spikes and "after no load at all" in spikes[0].message


def test_with_ld1_off_the_load_table_flags_no_week_above_its_limit():
    from planner.load import figures

    s = base(0.0)
    out, _ = solved(s)
    off = s.model_copy(update={"plan": out.plan, "rules": RuleSettings(modes={"LD-1": "off"})})
    assert not any("ACWR >" in x for f in figures(off).values() for w in f.weeks for x in w.flags)
    on = s.model_copy(update={"plan": out.plan})
    assert any("ACWR >" in x for f in figures(on).values() for w in f.weeks for x in w.flags)


def test_rules_set_back_to_their_defaults_are_the_same_rules():
    from planner.rules import same_rules

    assert same_rules(RuleSettings(), RuleSettings(values={"LD-1": {"weight": 0}}))
    assert not same_rules(RuleSettings(), RuleSettings(values={"LD-1": {"weight": 20}}))
    assert not same_rules(RuleSettings(), RuleSettings(modes={"LD-1": "off"}))
    assert same_rules(RuleSettings(), RuleSettings(modes={"LD-1": "soft"}))


def test_a_deload_week_wholly_in_rehab_does_not_speak_of_shorter_team_sessions(demo_season, demo_solved):
    """Kofi Mensah's own deload week in P2 read "only the team sessions are shorter": he had
    none. A week wholly in rehab says there is no team session to shorten."""
    from planner.timeline import Timeline

    out = demo_solved
    plan, tl = out.plan, Timeline(demo_season)
    rehab = 0
    for ap in plan.athletes:
        for w, kind in enumerate(ap.weeks):
            days = tl.weeks[w].days
            if kind != "deload" or any(ap.stages[d] == "FIT" for d in days):
                continue
            lines = why_week(demo_season, plan, ap.athlete, tl.days[days[0]]).reasons
            said = next((r.text for r in lines if r.text.startswith("This week's load")), "")
            assert "team sessions are shorter" not in said, (ap.athlete, w, said)
            rehab += "no team session to shorten" in said
    assert rehab >= 1


def test_a_plan_not_proven_best_reports_what_it_costs_not_a_spike_literal_left_at_1():
    """A spike literal is forced down only at the optimum: a plan found but not proven best
    could carry one at 1 on a week that is no spike, and reported (and stored) 468 where the
    plan checker counts 448 (the steered search then weighed its plan against a wrong value).
    A proven optimum keeps CP-SAT's value, so the tests above still compare the two."""
    from solver.run import _finish

    s = base(20)
    out, report = solved(s)
    inflated = report.objective + 40
    feasible = _finish(s, out.plan, Status.FEASIBLE, inflated, out.bound, 1.0)
    assert feasible.objective == feasible.plan.objective == report.objective
    assert _finish(s, out.plan, Status.OPTIMAL, inflated, out.bound, 1.0).objective == inflated


def _breaks(weeks: int, away: tuple[tuple[int, int], ...], weight: float):
    """``weeks`` weeks; A2 and A3 away on each (first day, last day) of ``away``."""
    gone = tuple(Unavailability(athlete=a, start=day(lo), end=day(hi))
                 for lo, hi in away for a in ("A2", "A3"))
    return season(weeks=weeks, athletes=3, unavailable=gone,
                  injuries=(injury("A1", "P3", start_day=-10),),
                  rules=RuleSettings(values={"LD-1": {"weight": weight}}))


def test_a_season_one_sweep_window_holds_is_steered_to_its_proven_optimum():
    """LD-1 steering re-plans windows of eight weeks (solver.run._sweep): a season of eight weeks
    is one window, whose optimum is the season's. It is reported as proven, and it is the optimum
    of the whole model searched directly (which proves it on a season this small)."""
    from solver.run import SWEEP_WEEKS, _solve

    steer = _breaks(SWEEP_WEEKS, ((14, 27),), 200)
    direct = _solve(SolveRequest(steer, time_limit=60))
    assert direct.status == Status.OPTIMAL
    for deterministic in (True, False):
        out, report = solved(steer, deterministic=deterministic)
        assert out.status == Status.OPTIMAL, out.message
        assert out.objective == report.objective == direct.objective
        assert report.counts().get("LD-1", 0) <= check_plan(steer, solved(_breaks(
            SWEEP_WEEKS, ((14, 27),), 0))[0].plan).counts().get("LD-1", 0)


def test_the_sweep_steers_a_long_season_window_by_window_and_the_same_way_every_run():
    """Two breaks in 20 weeks, ten weeks apart: no window holds both. Each window's plan is
    kept only when the checker's objective is lower, so the reported plans only get better;
    the deterministic sweep (fixed windows and limits, one thread each) gives the same plan
    twice, with fewer spikes than the plan that ignores LD-1."""
    steer = _breaks(20, ((14, 27), (84, 97)), 200)
    ignoring = check_plan(steer, solved(_breaks(20, ((14, 27), (84, 97)), 0))[0].plan)
    runs = []
    for _ in range(2):
        seen: list[float] = []
        out = solve(SolveRequest(steer, time_limit=60, deterministic=True),
                    on_progress=lambda p, seen=seen: seen.append(p.objective))
        report = check_plan(steer, out.plan)
        assert report.violations == () and out.objective == report.objective
        assert seen == sorted(seen, reverse=True) and len(seen) >= 2, seen
        assert report.counts().get("LD-1", 0) < ignoring.counts().get("LD-1", 0)
        assert out.objective < ignoring.objective
        runs.append(out.plan)
    assert runs[0].athletes == runs[1].athletes and runs[0].team_weeks == runs[1].team_weeks


def test_a_steered_season_solved_again_keeps_its_plan():
    """One season, one plan: solving again from the stored steered plan keeps it unless a
    strictly better one is found (the sweep starts from a new plan without LD-1, which may lead
    elsewhere), also in the default mode whose first step can differ run to run."""
    steer = _breaks(20, ((14, 27), (84, 97)), 200)
    out, report = solved(steer, deterministic=False)
    stored = steer.model_copy(update={"plan": out.plan})
    again, again_report = solved(stored, deterministic=False)
    assert again_report.objective <= report.objective
    if again_report.objective == report.objective:
        assert again.plan.athletes == out.plan.athletes and again.plan.team_weeks == out.plan.team_weeks


def test_the_deterministic_sweep_runs_one_round_then_what_the_time_limit_allows(monkeypatch):
    """--deterministic cannot stop the sweep by the clock (the plan would depend on it): it runs
    one whole round of windows, then more while they fit in the time limit at
    SWEEP_WINDOW_SECONDS each, a count that is the same on every run."""
    import solver.run as run

    steer = _breaks(20, ((14, 27), (84, 97)), 200)
    windows: list[tuple[int, int]] = []
    solve_one = run._solve

    def counted(request, *a, **k):
        if k.get("keep") is not None:
            windows.append(k["keep"].window)
        return solve_one(request, *a, **k)

    monkeypatch.setattr(run, "_solve", counted)
    out = solve(SolveRequest(steer, time_limit=6, deterministic=True))
    assert out.plan is not None and check_plan(steer, out.plan).violations == ()
    first_round = [w for w in windows if w[0] in (0, 28, 56, 84)]
    assert len(first_round) == 4 and windows[:4] == first_round  # 20 weeks: windows at weeks 0-12
    assert 4 <= len(windows) <= 5  # the budget: max(20 weeks / 4, 6 s / SWEEP_WINDOW_SECONDS)


def test_a_steered_solve_cancelled_before_its_sweep_counts_ld1_in_the_objective(monkeypatch):
    """Cancelled while the plan without LD-1 was being made, the solve returned that search's
    objective, LD-1 left out; it is now the plan checker's, LD-1 counted."""
    import solver.run as run
    from solver import StopToken

    steer = _breaks(20, ((14, 27), (84, 97)), 200)
    stop = StopToken()
    solve_one = run._solve

    def then_stop(request, *a, **k):  # the first step ends, then the coach cancels
        out = solve_one(request, *a, **k)
        stop.request()
        return out

    monkeypatch.setattr(run, "_solve", then_stop)
    out = solve(SolveRequest(steer, time_limit=30, deterministic=True), stop=stop)
    report = check_plan(steer, out.plan)
    assert out.status == Status.CANCELLED and report.counts().get("LD-1", 0) >= 1
    assert out.objective == report.objective and out.penalties.get("LD-1", 0) > 0


def test_a_steered_season_wholly_past_is_its_plan_proven():
    """Today after the season's last day: nothing is left to plan, so the plan is optimal (it was
    "feasible" in the deterministic mode, whose sweep had no window)."""
    import datetime as dt

    steer = _breaks(8, ((14, 27),), 200)
    steer = steer.model_copy(update={"calendar": steer.calendar.model_copy(
        update={"today": steer.calendar.end + dt.timedelta(days=1)})})
    plans = []
    for deterministic in (True, False):
        out, _ = solved_and_checked(steer, time_limit=30, deterministic=deterministic)
        assert out.status == Status.OPTIMAL, (deterministic, out.message)
        plans.append(out.plan.model_copy(update={"solve_seconds": 0.0}))
    assert plans[0] == plans[1]  # nothing was left to search: both modes give the one plan



def test_a_steered_re_solve_from_the_stored_plan_never_ends_worse_than_it():
    """The app's Solve passes the stored plan as the reference (STAB). The sweep now starts
    from it when it is better than the new plan without LD-1; started from that one only, a
    15-second re-solve of 40 x 52 ended 494 points worse, 238 days changed."""
    steer = _breaks(20, ((14, 27), (84, 97)), 200)
    best, _ = solved(steer)
    stored = steer.model_copy(update={"plan": best.plan})
    kept = check_plan(stored, best.plan, reference=best.plan).objective
    out = solve(SolveRequest(stored, time_limit=10, reference=best.plan, deterministic=False))
    report = check_plan(stored, out.plan, reference=best.plan)
    assert report.violations == () and report.objective <= kept


def test_a_tournament_day_counts_each_match_played_in_the_solver_as_in_the_checker():
    """Several competitions on one day (a tournament's matches, each its own competition): the
    day's planned load is the sum of the matches played (docs/semantics.md), in the solver's LD-1
    as in the plan checker and the plan JSON (the model's price of it against the checker's:
    test_model_penalties). Four matches on the Saturday of week 6 make that week a spike."""
    from planner.loadtable import season_loads
    from planner.planjson import plan_to_dict

    s = tournament_season(200, {"t2": "bench", "t3": "out"})
    out, report = solved(s)
    assert report.counts().get("LD-1", 0) >= 1  # the tournament week is a spike
    loads = season_loads(s, out.plan)
    days = {a["id"]: a["days"] for a in plan_to_dict(s, out.plan)["athletes"]}
    for aid, al in loads.items():
        assert [d["load"] for d in days[aid]] == list(al.load[al.season_start:])
    a1, a2 = loads["A1"], loads["A2"]
    # A1 starts all four; A2 starts two, is on the bench in one and out of the fourth
    assert a1.planned[a1.season_start + 40] == 4 * 95 * 8
    assert a2.planned[a2.season_start + 40] == 2 * 95 * 8 + 30 * 7


def test_a_signings_weeks_before_he_joined_are_no_rest_to_the_solver_or_the_checker():
    """A2 is "not in the squad yet" until Thursday of week 5 and logged that Thursday and Friday;
    A3, ill on the same days, logged the same sessions. The solver and the plan checker read the
    same weeks (planner.loadtable.counted_weeks): A2's first weeks with the squad are no spike
    after weeks at 0, A3's first week back is one, and the model prices LD-1 as the checker
    counts it (its own breakdown, PlanModel.penalties, against the checker's)."""
    from planner.squad import JOINED_REASON
    from tests.solver.test_model_penalties import agree, optimum

    s = season(weeks=10, athletes=3, unavailable=tuple(
        Unavailability(athlete=a, start=day(0), end=day(30), reason=reason)
        for a, reason in (("A2", JOINED_REASON), ("A3", "Illness"))),
        rules=RuleSettings(values={"LD-1": {"weight": 20}}))
    log = tuple(Session(athlete=a, date=day(d), minutes=60, rpe=5) for a in ("A2", "A3") for d in (31, 32))
    s = s.model_copy(update={"plan": solved(s)[0].plan, "sessions": log,
                             "calendar": s.calendar.model_copy(update={"today": day(35)})})
    out, report = solved(s)
    spikes = {v.athlete for v in report.soft if v.rule == "LD-1"}
    assert "A2" not in spikes and "A3" in spikes
    al = season_loads(s, out.plan)["A2"]
    weeks = {w.start: w for w in al.weeks}
    assert weeks[day(28)].logged == 600 and not weeks[day(28)].counted
    assert all(weeks[day(35 + 7 * k)].chronic is None for k in range(4))
    assert weeks[day(63)].chronic == sum(weeks[day(35 + 7 * k)].load for k in range(4)) / 4
    model_pen, report, _, _ = optimum(s)
    agree(model_pen, report)
    assert "A2" not in {v.athlete for v in report.soft if v.rule == "LD-1"}
    assert model_pen["LD-1"] == report.penalties()["LD-1"] > 0


def test_a_pre_season_week_logged_from_its_saturday_is_no_chronic_base_to_the_solver_or_checker():
    """A2 logged one session on the Saturday before the season, then every day but Sunday; his
    fourth week is 20 % up on the three before. Read from Monday, the pre-season week was a full
    week of 270 AU, the fourth week's chronic load (270 + 3 x 1,800) / 4 and the week a spike
    (ratio 1.5). Its Monday to Friday were not logged: the series starts on that Saturday, a
    partial week, so the fourth week has no chronic load; the model prices LD-1 as the checker
    counts it (planner.loadtable.series_origin, read by both)."""
    from tests.solver.test_model_penalties import agree, optimum

    s = season(weeks=6, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 20}}))
    log = (Session(athlete="A2", date=day(-2), minutes=45, rpe=6),) + tuple(
        Session(athlete="A2", date=day(d), minutes=60, rpe=5 if d < 21 else 6)
        for d in range(27) if d % 7 != 6)
    s = s.model_copy(update={"plan": solved(s)[0].plan, "sessions": log,
                             "calendar": s.calendar.model_copy(update={"today": day(27)})})
    model_pen, report, _, plan = optimum(s)
    agree(model_pen, report)
    al = season_loads(s, plan)["A2"]
    assert (al.origin, al.weeks[0].days, al.weeks[0].load, al.weeks[0].counted) == (day(-2), 2, 270, False)
    fourth = al.week_of(day(21))
    assert fourth.load >= 2160 and fourth.chronic is None
    assert not [v for v in report.soft if v.rule == "LD-1" and v.athlete == "A2"]


def test_a_season_entered_mid_season_has_no_spike_from_the_weeks_nobody_planned():
    """First planned from today (day 28, week 5) with nothing logged: the weeks before it hold
    no plan (intensity 0: rules-spec.md section 1) and their load is not known, not a recovery
    week's 60 AU a day (planner.loadtable.known_from). The solver and the plan checker read the
    same weeks: with LD-1 steering, the four weeks from today have no chronic load, so neither
    prices a spike there (read as recovery days, every week planned was one; the model prices
    LD-1 as the checker counts it); the plan records the day; the figures flag nothing there."""
    from planner import load as L
    from tests.solver.test_model_penalties import agree, optimum

    s = season(weeks=10, athletes=2, today=day(28), rules=RuleSettings(values={"LD-1": {"weight": 20}}))
    out, report = solved(s)
    assert out.plan.planned_from == day(28)
    assert not [v for v in report.soft if v.rule == "LD-1"], [v.message for v in report.soft]
    model_pen, report, _, _ = optimum(s)
    agree(model_pen, report)
    assert model_pen.get("LD-1", 0) == 0
    stored = s.model_copy(update={"plan": out.plan})
    assert not [v for v in check_plan(stored, out.plan).soft if v.rule == "LD-1"]
    weeks = {w.start: w for w in L.figures(stored)["A1"].weeks}
    assert all(weeks[day(28 + 7 * k)].acwr is None for k in range(4))
    assert weeks[day(56)].acwr is not None
    # the weeks before today logged at a recovery week's load: the same plan is a spike
    logged = stored.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(d), minutes=30, rpe=2) for d in range(28) if d % 7 != 6)})
    assert [v for v in check_plan(logged, out.plan).soft if v.rule == "LD-1" and v.athlete == "A1"]
