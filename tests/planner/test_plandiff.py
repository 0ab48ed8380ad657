"""planner.plandiff: the athlete-days and own weeks a new plan changes from the one it replaces,
from today on, named in the board's words."""

from __future__ import annotations

import datetime as dt

from planner.plandiff import plan_changes
from planner.season import AthletePlan, Calendar, Plan
from planner.text import day
from planner.timeline import Timeline
from tests.builders import tiny_season

TODAY = dt.date(2026, 3, 9)  # Monday of the second week: day 7


def _season():
    s = tiny_season()
    return s.model_copy(update={"calendar": Calendar(start=s.calendar.start, end=s.calendar.end,
                                                     today=TODAY)})


def _plan(season, changes=None, weeks=None, team=None) -> Plan:
    """Every training day at 80 % (Cara's P2 at 60 %), with ``changes``: (athlete, day) ->
    (stage, level), and ``weeks``: athlete -> its week kinds."""
    tl = Timeline(season)
    changes, weeks = changes or {}, weeks or {}
    athletes = []
    for a in season.athletes:
        rehab = a.id == "A3"
        days = [changes.get((a.id, i), ("P2" if rehab else "FIT",
                                        (60 if rehab else 80) if tl.is_training[i] else 0))
                for i in range(tl.n)]
        athletes.append(AthletePlan(athlete=a.id, stages=tuple(s for s, _ in days),
                                    intensity=tuple(x for _, x in days),
                                    weeks=weeks.get(a.id, ("load", "load"))))
    return Plan(status="manual", team_weeks=team or ("load", "load"), athletes=tuple(athletes))


def test_the_days_changed_from_today_are_listed_each_from_and_to_in_the_board_words():
    s = _season()
    tl = Timeline(s)
    assert tl.p0 == 7 and tl.is_training[8] and tl.is_training[10] and tl.is_training[3]
    old = _plan(s)
    new = _plan(s, {("A2", 3): ("FIT", 95),  # before today: what was logged, not a plan change
                    ("A2", 8): ("FIT", 95), ("A1", 10): ("FIT", 0),
                    ("A3", 8): ("P3", 70)},  # a stage moved with its level
                weeks={"A1": ("load", "deload")}, team=("load", "load"))
    changes = plan_changes(s, old, new)
    # exactly the days from today whose stage or level differ, read from the two plans
    expected = {(a.athlete, d) for a in new.athletes for d in range(tl.p0, tl.n)
                if (a.intensity[d], a.stages[d]) != (old.for_athlete(a.athlete).intensity[d],
                                                     old.for_athlete(a.athlete).stages[d])}
    assert expected == {("A2", 8), ("A1", 10), ("A3", 8)}
    assert {(c.athlete, c.index) for c in changes.days} == expected
    for c in changes.days:
        a, b = old.for_athlete(c.athlete), new.for_athlete(c.athlete)
        assert (c.level_a, c.level_b) == (a.intensity[c.index], b.intensity[c.index])
    lines = changes.lines(s)
    # the board's order (in rehab first, then the goalkeeper), then by date
    assert lines == [
        f"Cara Mid (A3): {day(tl.days[8])} P2 60 % → P3 70 %",
        f"Ana Keeper (A1): {day(tl.days[10])} 80 % → 0 %; own week of "
        f"{day(tl.days[7])} load → deload",
        f"Ben Striker (A2): {day(tl.days[8])} 80 % → 95 %",
    ], lines
    assert changes.short(s, named=2) == (f"Cara Mid {day(tl.days[8])} (P2 60 % → P3 70 %); Ana "
                                         f"Keeper {day(tl.days[10])} (80 % → 0 %); and 1 more")


def test_an_own_week_moved_with_the_team_is_the_team_week_said_once_and_nothing_else_is_listed():
    s = _season()
    old = _plan(s)
    both = ("load", "deload")
    new = _plan(s, weeks={a.id: both for a in s.athletes}, team=both)
    changes = plan_changes(s, old, new)
    assert not changes and changes.lines(s) == []
    assert not plan_changes(s, old, old) and not plan_changes(s, None, new)


def test_past_a_limit_the_lines_say_how_many_more():
    s = _season()
    tl = Timeline(s)
    train = [i for i in range(tl.p0, tl.n) if tl.is_training[i]]
    new = _plan(s, {(a.id, i): ("FIT", 95) for a in s.athletes[:2] for i in train})
    lines = plan_changes(s, _plan(s), new).lines(s, limit=1, per_athlete=2)
    assert lines == [f"Ana Keeper (A1): {day(tl.days[train[0]])} 80 % → 95 %; {day(tl.days[train[1]])} "
                     f"80 % → 95 %; and {len(train) - 2} more", "and 1 more athlete"]


def test_a_row_of_another_length_is_compared_as_no_plan_not_read_past_its_end():
    """An old row shorter or longer than the new one (another calendar) is no plan to compare a
    day with: each day from today is planned anew, as changed_days says, and nothing breaks."""
    s = _season()
    tl = Timeline(s)
    new = _plan(s)
    b = new.for_athlete("A2")
    for n in (tl.p0 + 2, tl.n + 7):  # ends two days after today; a week longer
        row = b.model_copy(update={"stages": (b.stages * 2)[:n], "intensity": (b.intensity * 2)[:n]})
        old = new.model_copy(update={"athletes": tuple(row if a.athlete == "A2" else a
                                                      for a in new.athletes)})
        changes = plan_changes(s, old, new)
        assert [(c.athlete, c.index) for c in changes.days] == [("A2", d) for d in range(tl.p0, tl.n)]
        assert {(c.stage_a, c.level_a) for c in changes.days} == {(None, None)}
        assert changes.days[1].words() == f"{day(tl.days[tl.p0 + 1])} not planned → fit {b.intensity[tl.p0 + 1]} %"
        assert not changes.weeks
