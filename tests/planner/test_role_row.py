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
    assert "re-plan" in row
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
