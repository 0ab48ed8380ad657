"""The Inspector's Role row against the role set after the plan was made: it says the plan's and
the role set, as Plan Check's AV-1 line of the same day does, not the plan's alone."""

from __future__ import annotations

from planner.check import check_plan
from planner.daymarks import day_rows
from planner.season import MatchRole
from planner.why import why_day
from tests.planner.test_xlsx_export import _day, small_plan, small_season

CUP = 9  # "Cup round 2", A1 plays it (starts) in the small plan


def _with_role(role: str):
    s = small_season()
    s = s.model_copy(update={"plan": small_plan(s)})
    return s, s.model_copy(update={"roles": (MatchRole(competition="c2", athlete="A1", role=role),)})


def _av1_days(season) -> set:
    return {v.start for v in check_plan(season, season.plan).violations
            if v.rule == "AV-1" and v.athlete == "A1"}


def test_the_role_row_says_the_plan_and_the_role_set_when_they_differ():
    planned, benched = _with_role("bench")
    assert day_rows(planned, "A1", CUP) == [("Role", "plays (starts)")]
    assert _day(CUP) not in _av1_days(planned)
    row = dict(day_rows(benched, "A1", CUP))["Role"]
    assert row.startswith("plays (starts) in the plan, but the role set is on the bench")
    assert row.endswith("to plan the day for it")
    assert _day(CUP) in _av1_days(benched)  # the checker's line of the same mismatch
    # the explanation's "Bound by" says the same, not "Starts … (the role set for this match)"
    said = why_day(benched, benched.plan, "A1", _day(CUP)).text()
    assert ("Starts 'Cup round 2' in the plan, but the role set for this match is now on the "
            "bench (Season ▸ Match Roles)") in said
    assert "the match is the exposure" not in said
    assert "in the plan, but" not in why_day(planned, planned.plan, "A1", _day(CUP)).text()


def test_the_role_row_names_a_match_the_plan_leaves_out_for_a_player_set_to_play():
    s, _ = _with_role("start")
    out = s.model_copy(update={"roles": (MatchRole(competition="c2", athlete="A1", role="out"),)})
    # a plan made with A1 out of the squad, then A1 set back to start
    ap = s.plan.for_athlete("A1")
    rested = ap.model_copy(update={"intensity": ap.intensity[:CUP] + (0,) + ap.intensity[CUP + 1:]})
    plan = s.plan.model_copy(update={"athletes": tuple(rested if a.athlete == "A1" else a
                                                       for a in s.plan.athletes)})
    assert dict(day_rows(out.model_copy(update={"plan": plan}), "A1", CUP))["Role"] == "out of the squad"
    row = dict(day_rows(s.model_copy(update={"plan": plan}), "A1", CUP))["Role"]
    assert row.startswith("does not play it in the plan, but the role set is plays (starts)")
    assert _day(CUP) in _av1_days(s.model_copy(update={"plan": plan}))
    said = why_day(s, plan, "A1", _day(CUP)).text()
    assert ("Does not play 'Cup round 2' in the plan, but the player's default role is now start"
            in said), said


def test_a_player_in_rehab_or_held_by_re1_has_no_mismatch_said():
    s, _ = _with_role("start")
    # A3 is in rehab on the cup day: no row about the role set (the plan does not have him play)
    assert all(k != "Role" or "re-plan" not in v for k, v in day_rows(s, "A3", CUP))


def _today(season, i: int):
    return season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": _day(i)})})


def test_a_role_changed_mid_season_points_to_re_plan_from_today():
    """Review 266 F2: a role changed mid-season, not re-planned: the Role row and the "Bound by"
    said "re-plan (Plan ▸ Solve, F5)", a full solve, where the status bar says re-plan from today
    (Ctrl+R). Mid-season both name Re-plan from Today; a season without today, Solve (F5)."""
    _, benched = _with_role("bench")
    mid = _today(benched, 0)
    row = dict(day_rows(mid, "A1", CUP))["Role"]
    assert row == ("plays (starts) in the plan, but the role set is on the bench: re-plan from "
                   "today (Ctrl+R) to plan the day for it"), row
    said = why_day(mid, mid.plan, "A1", _day(CUP)).text()
    assert ("the plan was made before; re-plan from today (Ctrl+R) to plan the day for it."
            in said), said
    assert "Solve, F5" not in said
    # no today: the season is solved again
    assert benched.calendar.today is None
    assert dict(day_rows(benched, "A1", CUP))["Role"].endswith(
        ": solve again (F5) to plan the day for it")
    said = why_day(benched, benched.plan, "A1", _day(CUP)).text()
    assert "the plan was made before; solve again (F5) to plan the day for it." in said, said


def test_explain_says_the_stored_plan_breaks_hard_rules_when_the_checker_says_so(tmp_path):
    """Review 266 F2: ``periodize explain`` headed "(the plan stored in …, feasible)" a plan that
    breaks AV-1 since the role change (``periodize check`` lists it). The header now gives the
    count of hard-rule violations and where to see them; a plan that breaks none keeps it short."""
    from planner.seasonfile import dumps
    from solver import SolveRequest, solve
    from tests.builders import day, season
    from tests.e2e.test_cli import run

    s = season(weeks=3, athletes=2, matches=[5, 12], today=day(0))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=10)).plan})
    benched = s.model_copy(update={"roles": (MatchRole(competition="m0", athlete="A1", role="bench"),)})
    assert not check_plan(s, s.plan).violations
    assert [v.rule for v in check_plan(benched, benched.plan).violations] == ["AV-1"]
    (tmp_path / "plan.season.json").write_text(dumps(s), encoding="utf-8")
    (tmp_path / "roles.season.json").write_text(dumps(benched), encoding="utf-8")
    r = run("explain", "roles.season.json", "--athlete", "A1", "--date", day(5).isoformat(),
            cwd=tmp_path)
    assert r.stdout.splitlines()[0] == (
        f"(the plan stored in roles.season.json, {s.plan.status} when it was made, now with 1 "
        f"hard-rule violation: periodize check roles.season.json lists it)"), r.stdout + r.stderr
    assert "re-plan from today (Ctrl+R) to plan the day for it" in r.stdout
    assert "AV-1" in run("check", "roles.season.json", cwd=tmp_path).stdout
    r = run("explain", "plan.season.json", "--athlete", "A1", "--date", day(5).isoformat(),
            cwd=tmp_path)
    assert r.stdout.splitlines()[0] == f"(the plan stored in plan.season.json, {s.plan.status})"


def test_the_rule_a_role_mismatch_is_filed_under_names_the_role():
    """Review of the fortieth stop: the Inspector listed a role not re-planned under AV-1's name
    "Rest when unavailable or off", a title about rest days, beside a line about a match role.
    The rule's name and description (Plan Check, the Inspector, the Rules sheet) say both."""
    from planner.rules import RULES
    _, benched = _with_role("bench")
    assert _day(CUP) in _av1_days(benched)
    av1 = RULES["AV-1"]
    assert "role" in av1.title and "off" in av1.title
    assert "bench 80 %" in av1.summary and "out" in av1.summary
