"""A handout week's MD labels in a congested fortnight."""

from __future__ import annotations

from planner.handout import handout_weeks
from planner.season import AthletePlan, Plan
from planner.timeline import Timeline
from planner.why import why_day
from tests.builders import day, season


def _plan(s, matches: list[int]) -> Plan:
    n = (s.calendar.end - s.calendar.start).days + 1
    it = tuple(100 if i in matches else 0 if i % 7 == 6 else 70 for i in range(n))
    weeks = ("load",) * (n // 7)
    return Plan(status="manual", team_weeks=weeks, athletes=(
        AthletePlan(athlete="A1", stages=("FIT",) * n, intensity=it, weeks=weeks),))


def test_a_day_after_one_match_and_before_the_next_names_both():
    """Sat, then Tue: Monday printed "MD-1" above "Recovery: no running", read as activation."""
    matches = [5, 8, 19]
    s = season(weeks=3, athletes=1, matches=matches)
    tl = Timeline(s)
    assert [tl.day_label(i) for i in (4, 6, 7, 9, 10, 11)] == [
        "MD-1", "MD+1 · MD-2", "MD+2 · MD-1", "MD+1", "MD+2", "MD+3"]
    assert tl.label(7) == "MD-1"  # the rules' label (rules-spec.md section 1) is unchanged
    plan = _plan(s, matches)
    week = handout_weeks(s, plan, ["A1"], [1])[0]
    assert [d.md for d in week.days[:3]] == ["MD+2\nMD-1", "MD", "MD+1"]
    assert ", MD+2 · MD-1, " in why_day(s, plan, "A1", day(7)).summary

