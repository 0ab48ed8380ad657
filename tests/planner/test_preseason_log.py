"""Sessions logged before the season start (docs/file-format.md, "pre-season sessions") read as
the past of the season's first days: the explanation of a day says what the plan checker counts."""

from __future__ import annotations

from planner.check import check_plan
from planner.season import FIT, AthletePlan, Plan, Session
from planner.timeline import Timeline
from planner.why import why_day
from tests.builders import day, season

SPRINT = 1  # Tue of the first week: the season's first planned speed day


def _logged_before(days_before: int):
    """One athlete, two weeks without matches, today the season start; a 95 % sprint logged
    ``days_before`` days before it; the plan: 95 % on day SPRINT, 70 % on the other weekdays."""
    s = season(weeks=2, athletes=1, matches=[], today=day(0))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(-days_before), minutes=60,
                                                  rpe=6, top_speed_pct=95),)})
    tl = Timeline(s)
    it = [0 if tl.days[i].weekday() == 6 else 95 if i == SPRINT else 70 for i in range(tl.n)]
    return s, Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=(
        AthletePlan(athlete="A1", stages=(FIT,) * tl.n, intensity=tuple(it),
                    weeks=("load",) * len(tl.weeks)),))


def _rules(report) -> set[str]:
    return {v.rule for v in report.violations}


def test_a_sprint_logged_days_before_the_season_start_ends_the_break_in_the_explanation_too():
    s, plan = _logged_before(3)
    assert "RAMP" not in _rules(check_plan(s, plan))
    why = why_day(s, plan, "A1", day(SPRINT))
    assert [r.text for r in why.reasons if r.rule == "RAMP"] == []


def test_the_last_sprint_logged_14_days_before_the_start_still_asks_the_ramp():
    s, plan = _logged_before(14)
    assert "RAMP" in _rules(check_plan(s, plan))
    why = why_day(s, plan, "A1", day(SPRINT))
    assert [r.text for r in why.reasons if r.rule == "RAMP"] == [
        "First speed day after 14 days or more without one: at most 80 %."]


def _sprint_on_day_0(days_before: int):
    """As _logged_before, with the plan's sprint on Monday, the season's first day."""
    s, plan = _logged_before(days_before)
    ap = plan.athletes[0]
    it = (95, 70) + ap.intensity[2:]
    return s, plan.model_copy(update={"athletes": (ap.model_copy(update={"intensity": it}),)})


def test_a_sprint_the_day_after_one_logged_before_the_season_is_flagged_hv5_naming_the_logged_day():
    s, plan = _sprint_on_day_0(1)
    found = [v for v in check_plan(s, plan).violations if v.rule == "HV-5"]
    assert [(v.start, v.end) for v in found] == [(day(0), day(0))]
    assert found[0].message == (
        "HV-5: Athlete 1 (A1) has speed days on Sun 3 Jan (logged before the season start, 95 %) "
        "and Mon 4 Jan (95 %); speed days need 1 rest day between them.")
    # two days after it the rest day is kept
    s, plan = _sprint_on_day_0(2)
    assert "HV-5" not in _rules(check_plan(s, plan))


def test_the_day_after_a_sprint_logged_before_the_season_is_explained_by_hv5():
    s, plan = _logged_before(1)  # Monday at 70 %
    why = why_day(s, plan, "A1", day(0))
    assert [r.text for r in why.reasons if r.rule == "HV-5"] == [
        "A speed day on Sun 3 Jan 2027 (logged before the season start), Tue 5 Jan 2027 leaves no "
        "room for another speed day here (1 rest day needed)."]
    # Wednesday, two days after it: Tuesday's sprint alone
    assert [r.text for r in why_day(s, plan, "A1", day(2)).reasons if r.rule == "HV-5"] == [
        "A speed day on Tue 5 Jan 2027 leaves no room for another speed day here (1 rest day "
        "needed)."]


def test_an_explainer_reads_the_log_before_the_season_once_per_athlete(monkeypatch):
    """Each explained day walked the athlete's whole log again for the speed days logged before
    the season (HV-5's reason, RAMP's): the workbook explains every athlete-day. Read once for
    the athlete, and every day's reasons are the same as a day explained alone."""
    import planner.why as why
    from planner.history import pre_season_speed_days

    s, plan = _logged_before(1)
    alone = {i: why.why_day(s, plan, "A1", day(i)).reasons for i in range(14)}
    calls = []
    monkeypatch.setattr(why, "pre_season_speed_days",
                        lambda *a: calls.append(a) or pre_season_speed_days(*a))
    explainer = why.Explainer(s, plan)
    assert {i: explainer.day("A1", day(i)).reasons for i in range(14)} == alone
    assert len(calls) == 1
    assert any(r.rule == "HV-5" and "logged before the season start" in r.text for r in alone[0])
