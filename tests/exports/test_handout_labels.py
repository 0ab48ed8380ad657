"""A handout week's MD labels and its Next row in a congested fortnight."""

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
    why = why_day(s, plan, "A1", day(7))
    assert ", MD+2 · MD-1, " in why.summary
    assert "MD+2 · MD-1: relative to the nearest competitions." in [r.text for r in why.reasons]


def test_the_next_row_names_a_match_after_the_week_as_such_when_the_week_has_matches():
    """The Next row read "Sat 7 Nov: League match 13" right above the week's own matches."""
    matches = [5, 8, 19]
    s = season(weeks=3, athletes=1, matches=matches)
    w1 = handout_weeks(s, _plan(s, matches), ["A1"], [1])[0]
    assert w1.matches == ("Tue 12 Jan: Match 2 (C), you start",)
    assert w1.milestone == "After this week: Sat 23 Jan: Match 3 (C), you start"
    w0 = handout_weeks(season(weeks=3, athletes=1, matches=[19]), _plan(s, [19]), ["A1"], [1])[0]
    assert not w0.matches and w0.milestone == "Sat 23 Jan: Match 1 (C), you start"


def test_the_workbooks_calendar_sheet_gives_a_day_between_two_matches_both_labels():
    """The Calendar sheet printed one label on a day between two matches, the next match's on
    one day ("MD-2") and the last match's on the next ("MD+1"), while the handout and the
    athlete pages gave both: the same labels, a line each, as the handout's MD column."""
    import datetime as dt

    from planner.xlsx_export import build_workbook

    matches = [5, 8, 19]
    s = season(weeks=3, athletes=1, matches=matches)
    plan = _plan(s, matches)
    ws = build_workbook(s, plan)["Calendar"]
    assert ws.cell(row=1, column=2).value == "MD"
    md = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
          for r in range(2, ws.max_row + 1) if isinstance(ws.cell(row=r, column=1).value, dt.date)}
    week = handout_weeks(s, plan, ["A1"], [0, 1])
    days = [d for w in week for d in w.days]
    assert len(days) == 14 and all((md[d.date] or None) == d.md for d in days), \
        [(d.date, md[d.date], d.md) for d in days if (md[d.date] or None) != d.md]
    assert md[day(6)] == "MD+1\nMD-2" and md[day(7)] == "MD+2\nMD-1"
    assert ws.cell(row=2 + 6, column=1).value == day(6)
    assert ws.cell(row=2 + 6, column=2).alignment.wrap_text  # printed a line each
    assert ws.row_dimensions[2 + 6].height > ws.row_dimensions[2 + 9].height
