"""A season entered mid-season (docs/semantics.md, "LD-1 and days nobody planned"): first planned
from a ``today`` after its start, nothing logged before it. Its days before that ``today`` hold
no plan, only intensity 0 (rules-spec.md section 1); their load is not known, not a recovery
week's 60 AU a day, so the first weeks planned are no spike ("ACWR 6.57" for every player)."""

from __future__ import annotations

import math

import pytest

from planner import load as L
from planner.check import check_plan
from planner.loadtable import athlete_load, known_from, lived_load
from planner.season import AthletePlan, Plan, Session
from planner.timeline import Timeline
from tests.builders import day, season

TODAY = 42  # Monday of week 7: the day the coach entered the season
ENTERED = day(TODAY)


def _entered(planned_from=ENTERED, first: int = TODAY, weeks: int = 14):
    """Two fit athletes, a match every Saturday; the plan made from day ``first``: 0 on every
    day before it (nothing recorded, the matches included), from it 70 % on training days and
    the matches started; ``today`` day 42 and nothing logged."""
    s = season(weeks=weeks, athletes=2, today=day(TODAY),
               matches=[5 + 7 * k for k in range(weeks)])
    tl = Timeline(s)
    aps = []
    for a in s.athletes:
        it = tuple(0 if i < first else 100 if tl.is_comp[i] else 70 if tl.is_training[i] else 0
                   for i in range(tl.n))
        aps.append(AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, intensity=it,
                               weeks=("load",) * len(tl.weeks)))
    plan = Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(aps),
                planned_from=planned_from)
    return s.model_copy(update={"plan": plan})


def _logged_past(s, athlete: str = "A1"):
    """``s`` with the athlete's weeks before today logged, as the plan from today has them."""
    tl = Timeline(s)
    log = tuple(Session(athlete=athlete, date=day(i), minutes=95 if tl.is_comp[i] else 75,
                        rpe=8 if tl.is_comp[i] else 4)
                for i in range(TODAY) if tl.is_comp[i] or tl.is_training[i])
    return s.model_copy(update={"sessions": log})


def test_nothing_logged_before_today_is_no_spike_and_no_week_change():
    s = _entered()
    f = L.figures(s)["A1"]
    weeks = {w.start: w for w in f.weeks}
    before = [w for w in f.weeks if w.end < day(TODAY)]
    assert len(before) == 6
    assert all(w.away and w.unplanned == 7 and w.shown_load is None and not w.flags
               and w.notes == (L.NOT_COUNTED,) for w in before)
    first = weeks[day(TODAY)]
    assert first.load > 0 and first.full
    for k in range(4):  # no change on the week before, no chronic load, no ratio, no flag of them
        w = weeks[day(TODAY + 7 * k)]
        assert w.acwr is None and w.ewma_ratio is None and w.chronic is None, k
        assert not any(x.startswith(("ACWR", "EWMA", "load +", L.AFTER_NONE, L.FROM_ZERO))
                       for x in w.flags), w.flags
    assert first.change is None
    # the ratios start 4 weeks after: a chronic load of the four weeks planned
    fifth = weeks[day(TODAY + 28)]
    assert fifth.chronic == pytest.approx(sum(weeks[day(TODAY + 7 * k)].load for k in range(4)) / 4)
    assert fifth.acwr == pytest.approx(1.0)
    # the EWMA is seeded with the first day planned; its ratio from the 28th day on
    daily = f.daily
    assert math.isnan(daily["ewma_acute"][str(day(TODAY - 1))])
    assert daily["ewma_acute"][str(day(TODAY))] == daily["load"][str(day(TODAY))]
    assert math.isnan(daily["ewma_ratio"][str(day(TODAY + 26))])
    assert not math.isnan(daily["ewma_ratio"][str(day(TODAY + 27))])
    assert not [x for x in L.flag_lines(s) if "ACWR" in x or "EWMA" in x or "load +" in x]
    # the plan checker's LD-1 reads the same weeks: no spike in the weeks planned
    assert not [v for v in check_plan(s, s.plan).soft if v.rule == "LD-1"]


def test_read_as_recovery_days_the_first_week_planned_was_a_spike():
    """The fault the reading mends: the same plan made from the season's start (its zeros
    planned) counts the weeks before today, and the week of today is a spike."""
    s = _entered(planned_from=None, first=0)
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": tuple(0 if i < TODAY else x for i, x in enumerate(ap.intensity))})
        for ap in s.plan.athletes)})})
    # nothing in the stored days says "never planned" when no match before today went unplayed
    s = s.model_copy(update={"competitions": tuple(c for c in s.competitions if c.date >= day(TODAY))})
    assert known_from(s) == s.calendar.start
    w = {w.start: w for w in L.figures(s)["A1"].weeks}[day(TODAY)]
    assert w.acwr is not None and w.acwr > 3 and "ACWR > 1.3" in w.flags


def test_the_past_weeks_logged_count():
    s = _logged_past(_entered())
    f = L.figures(s)
    weeks = {w.start: w for w in f["A1"].weeks}
    assert all(not w.away and w.unplanned == 0 and w.logged for w in f["A1"].weeks if w.end < day(TODAY))
    first = weeks[day(TODAY)]
    logged = [weeks[day(TODAY - 7 * k)].logged for k in range(1, 5)]
    assert first.chronic == pytest.approx(sum(logged) / 4)
    assert first.acwr == pytest.approx(first.load / first.chronic)
    assert first.change is not None
    # A2 logged nothing: still not counted
    assert all(w.away for w in f["A2"].weeks if w.end < day(TODAY))
    assert L.unplanned_note(s, f) == ("Before Mon 15 Feb the weeks with nothing logged are not "
                                      "counted; the ratios start 4 weeks after the last of them.")


def test_a_week_logged_on_one_day_before_the_plan_counts_its_other_days_as_the_plan_has_them():
    s = _entered().model_copy(update={"sessions": (Session(athlete="A1", date=day(36), minutes=60, rpe=5),)})
    al = athlete_load(s, s.plan, "A1")
    w = al.week_of(day(35))
    assert w.unplanned == 0 and w.counted and w.logged == 300
    assert al.week_of(day(28)).unplanned == 7


def test_a_plan_stored_before_the_day_was_recorded_reads_it_from_its_days():
    """A plan without ``planned_from`` (stored by an earlier Periodize): its days before today
    at 0 for everyone, the matches among them unplayed, were never planned."""
    old = _entered(planned_from=None)
    assert known_from(old) == day(TODAY)
    new = _entered()
    assert [w.unplanned for w in L.figures(old)["A1"].weeks] == \
        [w.unplanned for w in L.figures(new)["A1"].weeks]
    # no plan stored yet: the planning start
    assert known_from(old.model_copy(update={"plan": None})) == day(TODAY)
    # a plan made from the start of the season keeps every past day counted
    start = _entered(planned_from=None, first=0)
    assert known_from(start) == start.calendar.start
    assert all(w.unplanned == 0 for w in L.figures(start)["A1"].weeks)


def test_today_moved_back_before_the_first_plan_counts_the_days_from_it():
    s = _entered()
    back = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(28)})})
    assert known_from(back) == day(28)
    weeks = lived_load(back, back.plan, "A1").weeks
    assert [w.unplanned for w in weeks[:6]] == [7, 7, 7, 7, 0, 0]


def test_the_note_says_it_in_one_sentence_and_no_figure_is_inf_or_nan():
    s = _entered()
    figs = L.figures(s)
    assert L.unplanned_note(s, figs) == ("Before Mon 15 Feb nothing is logged: those weeks are not "
                                         "counted; the ratios start 4 weeks after.")
    for f in figs.values():
        for w in f.weeks:
            for x in (w.change, w.acwr, w.ewma_ratio, w.monotony, w.strain, w.chronic):
                assert x is None or math.isfinite(x)
            assert L.fmt(w.shown_load, 0) == (L.DASH if w.unplanned == 7 else L.fmt(w.load, 0))
    # a season planned from its start says nothing
    start = _entered(planned_from=None, first=0)
    assert L.unplanned_note(start, L.figures(start)) == ""


def test_the_season_file_keeps_the_day_and_writes_nothing_for_a_season_planned_from_its_start():
    from planner.seasonfile import season_from_dict, season_to_dict

    s = _entered()
    body = season_to_dict(s)
    assert body["plan"]["planned_from"] == day(TODAY).isoformat()
    assert season_from_dict(body).plan.planned_from == day(TODAY)
    assert "planned_from" not in season_to_dict(_entered(planned_from=None))["plan"]


def test_the_why_of_a_week_before_the_plan_says_its_load_is_not_known():
    from planner.why import why_week

    s = _entered()
    text = why_week(s, s.plan, "A1", day(7)).text()
    assert "Before the season was planned and nothing logged this week" in text
    assert "Not with the squad" not in text
