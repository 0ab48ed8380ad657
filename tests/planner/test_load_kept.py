"""Each athlete's load figures are kept by what they read (planner.load.athlete_inputs): after
an edit to one athlete only that athlete's figures are worked out again, and what is shown is
what a computation from nothing gives, for every athlete and every kind of edit (F2 of the big
squad's review: a match role of one athlete worked out all 40, 1 s of the window's thread)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from planner import edits as E
from planner import load as L
from planner.season import IntensityPin, Session, Unavailability
from tests.builders import day, injury, season, solved_and_checked

TODAY = 22


@pytest.fixture(scope="module")
def logged():
    """Four athletes, five weeks, A1 in rehab, a plan checked by the plan checker, and every
    athlete's sessions logged up to today."""
    s = season(weeks=5, athletes=4, today=day(TODAY), injuries=(injury("A1", "P2", start_day=-3),))
    out, _ = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    sessions = tuple(Session(athlete=a.id, date=day(i), minutes=40 + 10 * k + i % 3 * 5, rpe=5 + i % 4)
                     for k, a in enumerate(s.athletes) for i in range(TODAY) if i % 7 not in (5, 6))
    return s.model_copy(update={"sessions": sessions})


def same(a: L.AthleteFigures, b: L.AthleteFigures) -> bool:
    """Equal figures (the daily frame compared as a frame)."""
    pd.testing.assert_frame_equal(a.daily, b.daily)
    fields = [f for f in L.AthleteFigures.__dataclass_fields__ if f != "daily"]
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def forget() -> None:
    """Every athlete's kept figures forgotten (none are kept without planner.load.forget)."""
    getattr(L, "forget", lambda: None)()


def from_nothing(s) -> dict:
    forget()
    try:
        return L.figures(s)
    finally:
        forget()


EDITS = [  # (what, the edit, the athletes whose figures it changes)
    ("a match role", lambda s: E.SetRole(competition="m2", athlete="A2", role="bench").apply(s), {"A2"}),
    ("an injury", lambda s: E.AddInjury(athlete="A3", protocol="iliopsoas-tendinopathy",
                                        onset=day(TODAY - 2)).apply(s), {"A3"}),
    ("a session logged", lambda s: E.LogSessions(sessions=(Session(
        athlete="A4", date=day(TODAY - 1), minutes=120, rpe=9),)).apply(s), {"A4"}),
    ("an absence", lambda s: E.AddUnavailability(unavailability=Unavailability(
        athlete="A2", start=day(TODAY + 1), end=day(TODAY + 4), reason="ill")).apply(s), {"A2"}),
    ("a rename", lambda s: E.UpdateAthlete(athlete="A4", name="Renamed").apply(s), {"A4"}),
    ("a pin", lambda s: E.AddPin(pin=IntensityPin(athlete="A2", date=day(TODAY + 3),
                                                  intensity=90)).apply(s), set()),
    ("a load setting", lambda s: E.SetRuleValue(rule="LD-1", param="minutes_load", value=80.0).apply(s),
     {"A1", "A2", "A3", "A4"}),
    ("today moved", lambda s: E.AdvanceToday(today=day(TODAY + 2)).apply(s), {"A1", "A2", "A3", "A4"}),
]


def test_after_each_edit_the_figures_are_those_worked_out_from_nothing(logged, monkeypatch):
    forget()
    made: list[str] = []
    work = L.athlete_figures

    def counted(season, al):
        made.append(al.athlete)
        return work(season, al)

    monkeypatch.setattr(L, "athlete_figures", counted)
    s = logged
    L.figures(s)
    assert sorted(made) == ["A1", "A2", "A3", "A4"]
    for what, edit, changed in EDITS:
        s = edit(s)
        made.clear()
        kept = L.figures(s)  # the figures of the seasons before it kept
        assert sorted(made) == sorted(changed), what
        fresh = from_nothing(s)
        assert list(kept) == list(fresh), what
        for aid in fresh:
            assert same(kept[aid], fresh[aid]), (what, aid)
        L.figures(s)  # kept again for the next edit
    forget()


def test_an_edit_to_one_athlete_changes_the_figures_it_should(logged):
    """The kept figures are not merely equal to themselves: the edited athlete's change (the
    comparison above would pass if nothing changed anywhere)."""
    forget()
    before = L.figures(logged)
    after = L.figures(E.LogSessions(sessions=(Session(
        athlete="A4", date=day(TODAY - 1), minutes=120, rpe=9),)).apply(logged))
    assert after["A4"].weeks != before["A4"].weeks
    assert after["A2"] is before["A2"]
    forget()


def test_undo_finds_the_figures_kept(logged, monkeypatch):
    forget()
    L.figures(logged)
    edited = E.SetRole(competition="m2", athlete="A2", role="bench").apply(logged)
    L.figures(edited)
    monkeypatch.setattr(L, "athlete_figures", lambda *_a: pytest.fail("worked out again"))
    assert list(L.figures(logged)) == ["A1", "A2", "A3", "A4"]  # the season before: undo
    forget()


def test_a_today_moved_is_read_though_the_plan_is_the_same_object(logged):
    s = E.AdvanceToday(today=day(TODAY + 7)).apply(logged)
    assert s.calendar.today == day(TODAY) + dt.timedelta(days=7)
    forget()
    L.figures(logged)
    assert all(same(f, g) for f, g in zip(L.figures(s).values(), from_nothing(s).values(), strict=True))
