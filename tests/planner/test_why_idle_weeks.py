"""DL-2 counts a week of days off (a winter break) and an athlete's week away as load weeks
(rules-spec v2): the why names such weeks where it counts them, and an athlete away all week
reads "nothing planned; the team's load week", not just "load week"."""

from __future__ import annotations

from planner.season import AthletePlan, NonTrainingDay, Plan, Unavailability
from planner.why import why_week
from tests.builders import day, season

KINDS = ("load", "load", "load", "deload", "load")


def _season():
    """Five weeks: the second (11-17 Jan) all days off for a winter break, A2 away all of the
    third (18-24 Jan); the team's weeks load, load, load, deload, load."""
    s = season(weeks=5, athletes=2, matches=[5, 26, 33])
    off = tuple(NonTrainingDay(date=day(i), reason="Winter break") for i in range(7, 14))
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"non_training_days": off}),
        "unavailability": (Unavailability(athlete="A2", start=day(14), end=day(20),
                                          reason="International duty"),)})
    aps = tuple(AthletePlan(athlete=a, stages=("FIT",) * 35, intensity=(70,) * 35, weeks=KINDS)
                for a in ("A1", "A2"))
    return s, Plan(status="manual", team_weeks=KINDS, athletes=aps)


def _texts(s, plan, athlete, i: int, rule: str) -> list[str]:
    return [r.text for r in why_week(s, plan, athlete, day(i)).reasons if r.rule == rule]


def test_the_deload_after_a_break_names_the_break_week_dl2_counted():
    s, plan = _season()
    dl2 = _texts(s, plan, None, 21, "DL-2")
    assert any(t.startswith("After 3 load weeks (11 Jan: days off all week (Winter break), "
                            "counted as a load week by DL-2)") for t in dl2), dl2
    # the break's own week says it of itself; a week with training names none
    assert _texts(s, plan, None, 7, "DL-2")[-1] == (
        "Load week 2 of at most 3 in a row (this week: days off all week (Winter break), "
        "counted as a load week by DL-2).")
    assert "counted as" not in " ".join(_texts(s, plan, None, 0, "DL-2"))


def test_an_athlete_away_all_week_reads_nothing_planned_and_the_team_s_load_week():
    s, plan = _season()
    facts = _texts(s, plan, "A2", 16, "FACT")
    assert "Away all week (International duty): nothing planned; the team's load week." in facts
    assert not any(t.startswith("Fit on the week's first day") for t in facts)
    assert "this week: away all week (International duty)" in _texts(s, plan, "A2", 16, "DL-2")[-1]
    # A1, with the squad that week, reads as before
    assert "Fit on the week's first day: follows the team's week." in _texts(s, plan, "A1", 16, "FACT")
