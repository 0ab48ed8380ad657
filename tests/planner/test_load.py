"""The training-load monitoring figures (planner/load.py, rules-spec.md section 8).

Three kinds of check: formulas worked by hand from the papers that define them (Williams et al.
2017 for the EWMA, Foster 1998 for monotony and strain), an independent implementation of the
same definitions (the ``acwr`` package, a test dependency) on a season's whole series, and the
weekly readings and flags on a small hand-made season (no solver).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import re

import pandas as pd
import pytest

from planner import load as L
from planner import text
from planner.loadtable import lived_load, season_loads
from planner.season import AthletePlan, Plan, Session
from planner.timeline import Timeline
from tests.builders import day, season

KINDS = ("load", "load", "deload")


def _season(weeks: int = 10, today: int = 42, seed: int = 3, pre_season: bool = True,
            week_start: str = "mon"):
    """Three fit athletes on a varied plan; A1 logged sessions (two weeks of them before the
    season) up to today, A2 three in the week before today, A3 none."""
    s = season(weeks=weeks, athletes=3, today=day(today))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"week_start": week_start})})
    tl = Timeline(s)
    rng = random.Random(seed)
    kinds = tuple(KINDS[k % 3] for k in range(len(tl.weeks)))
    aps = []
    for a in s.athletes:
        it = [rng.choice((0, 60, 70, 80, 90, 95)) if tl.is_training[i] else 0 for i in range(tl.n)]
        aps.append(AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, intensity=tuple(it), weeks=kinds))
    plan = Plan(status="manual", team_weeks=kinds, athletes=tuple(aps))
    first = -14 if pre_season else 0
    sessions = [Session(athlete="A1", date=day(i), minutes=rng.choice((45, 60, 90)),
                        rpe=rng.choice((3, 5, 7, 8))) for i in range(first, today) if i % 7 != 6]
    sessions += [Session(athlete="A2", date=day(i), minutes=60, rpe=6) for i in (36, 37, 38)]
    return s.model_copy(update={"plan": plan, "sessions": tuple(sessions)})


@pytest.fixture(scope="module")
def figs():
    return L.figures(_season())


# -- worked by hand -------------------------------------------------------------------------------
def test_ewma_follows_williams_2017_worked_by_hand():
    """Williams S, West S, Cross MJ, Stokes KA (2017), "Better way to determine the acute:chronic
    workload ratio?", BJSM 51(3):209-210: EWMA_today = load_today x lambda + (1 - lambda) x
    EWMA_yesterday, lambda = 2 / (N + 1), N = 7 (acute) and 28 (chronic); seeded with the first
    day's load (rules-spec.md section 8). Worked by hand on loads 400, 0, 600, 300:

    acute, lambda = 1/4: 400; 0/4 + 3/4 x 400 = 300; 600/4 + 3/4 x 300 = 375; 300/4 + 3/4 x 375 = 356.25
    chronic, lambda = 2/29: 400; 27/29 x 400 = 372.41...; 2/29 x 600 + 27/29 x 372.41... = 388.11...
    """
    loads = pd.Series([400.0, 0.0, 600.0, 300.0],
                      index=pd.date_range("2027-01-04", periods=4, freq="D"))
    acute, chronic, ratio = L.ewma_ratio(loads)
    assert list(acute) == [400.0, 300.0, 375.0, 356.25]
    c2 = 27 / 29 * 400
    c3 = 2 / 29 * 600 + 27 / 29 * c2
    c4 = 2 / 29 * 300 + 27 / 29 * c3
    assert list(chronic) == pytest.approx([400.0, c2, c3, c4], abs=1e-9)
    assert round(c3, 2) == 388.11
    assert ratio.isna().all()  # under 28 days of data: no ratio


def test_the_ewma_ratio_exists_from_the_28th_day():
    loads = pd.Series([300.0] * 27 + [600.0],
                      index=pd.date_range("2027-01-04", periods=28, freq="D"))
    _, _, ratio = L.ewma_ratio(loads)
    assert ratio.iloc[:27].isna().all()
    # both seeded at 300; on day 28: acute 300 + 300/4, chronic 300 + 300 x 2/29
    assert ratio.iloc[27] == pytest.approx(375 / (300 + 600 / 29))


def test_monotony_and_strain_follow_foster_1998_worked_by_hand():
    """Foster C (1998), "Monitoring training in athletes with reference to overtraining syndrome",
    MSSE 30(7):1164-1168: monotony = daily mean / standard deviation of the week's daily loads
    (rest days at 0), strain = weekly load x monotony. The sample deviation (n - 1) is used.

    Week 0, 80, 40, 0, 90, 60, 80 (AU): total 350, mean 50; deviations -50, 30, -10, -50, 40, 10,
    30; squares 2500 + 900 + 100 + 2500 + 1600 + 100 + 900 = 8600; sample SD = sqrt(8600 / 6) =
    37.859; monotony = 50 / 37.859 = 1.321; strain = 350 x 1.321 = 462.2.
    (With the population SD, sqrt(8600 / 7) = 35.051, monotony would be 1.427.)
    """
    week = [0, 80, 40, 0, 90, 60, 80]
    m = L.monotony(week)
    assert m == pytest.approx(50 / math.sqrt(8600 / 6))
    assert round(m, 3) == 1.321
    assert round(350 * m, 1) == 462.2
    assert m != pytest.approx(50 / math.sqrt(8600 / 7))


def test_monotony_is_undefined_for_seven_equal_days_or_a_partial_week():
    assert L.monotony([350.0] * 7) is None
    assert L.monotony([0.0] * 7) is None
    assert L.monotony([100.0, 200.0, 0.0]) is None


def test_rolling_ratio_is_the_last_7_days_over_a_quarter_of_the_last_28():
    loads = pd.Series([100.0] * 21 + [200.0] * 7,
                      index=pd.date_range("2027-01-04", periods=28, freq="D"))
    r = L.rolling_ratio(loads)
    assert r.iloc[:27].isna().all()
    assert r.iloc[27] == pytest.approx(1400 / ((2100 + 1400) / 4))  # 1.6


def test_fmt_writes_a_dash_for_anything_undefined():
    for x in (None, float("nan"), float("inf"), -float("inf")):
        assert L.fmt(x) == "—"
        assert L.fmt_change(x) == "—"
    assert L.fmt(1.23456) == "1.23"
    assert L.fmt(2520.0, 0) == "2,520"
    assert L.fmt(3) == "3"
    assert L.fmt_change(0.184) == "+18 %"
    # beside the "more than 15 %" flag, one decimal: +15.4 % is flagged, +14.8 % is not
    assert (L.fmt_change(0.154), L.fmt_change(0.148), L.fmt_change(0.15)) == (
        "+15.4 %", "+14.8 %", "+15 %")
    # rounded away from the threshold: +15.04 % is flagged, +14.96 % is not
    assert (L.fmt_change(0.1504), L.fmt_change(0.1496)) == ("+15.1 %", "+14.9 %")
    assert L.week_flags(None, None, 0.154) == ("load +15.4 %",) and not L.week_flags(None, None, 0.148)
    assert L.fmt_change(-0.4) == "-40 %"


# -- against an independent implementation -------------------------------------------------------
def test_figures_agree_with_the_acwr_package(figs):
    """The ``acwr`` package (PyPI, 0.1.1) implements the same published definitions on its own:
    EWMA with lambda = 2/(N+1) seeded with the first day and a 28-day warm-up, the coupled rolling
    ratio, Foster's monotony and strain with the sample deviation."""
    import acwr

    for f in figs.values():
        load = f.daily["load"]
        ewma = acwr.acwr(load, method="ewma")
        rac = acwr.acwr(load, method="rac")
        assert ewma.isna().equals(f.daily["ewma_ratio"].isna())
        pd.testing.assert_series_equal(f.daily["ewma_ratio"], ewma, check_names=False, rtol=1e-9)
        pd.testing.assert_series_equal(f.daily["rolling_ratio"], rac, check_names=False, rtol=1e-9)
        mono = acwr.monotony(load)
        strain = acwr.strain(load)
        for w in f.weeks:
            if not w.full:
                continue
            end = pd.Timestamp(w.end)
            assert w.monotony == pytest.approx(float(mono[end]), rel=1e-9)
            assert w.strain == pytest.approx(float(strain[end]), rel=1e-9)
            assert w.rolling_ratio == pytest.approx(float(rac[end]), rel=1e-9, nan_ok=True) \
                if w.rolling_ratio is not None else math.isnan(rac[end])


def test_the_logged_series_agrees_with_the_acwr_package(figs):
    import acwr

    f = figs["A1"]
    s = _season()
    today = pd.Timestamp(s.calendar.today)
    logged = f.daily["logged"].fillna(0.0)
    logged = logged[(logged.index >= f.daily["logged"].first_valid_index()) & (logged.index < today)]
    expect = acwr.acwr(logged, method="ewma")
    # the ratio now: the mean of the last 7 days' (docs/load.md), as a week's is of its 7 days
    assert f.latest_logged_ewma_ratio == pytest.approx(float(expect.iloc[-7:].mean()), rel=1e-9)
    got = f.daily["logged_ewma_ratio"].loc[logged.index]
    pd.testing.assert_series_equal(got, expect, check_names=False, rtol=1e-9)


# -- weeks, flags, the squad ----------------------------------------------------------------------
def test_weeks_follow_the_load_table_and_its_chronic_load(figs):
    s = _season()
    loads = season_loads(s)
    for a, f in figs.items():
        al = loads[a]
        assert [w.start for w in f.weeks] == [w.start for w in al.weeks]
        for w, wl in zip(f.weeks, al.weeks, strict=True):
            assert (w.load, w.planned, w.logged, w.chronic, w.kind) == \
                   (wl.load, wl.planned, wl.logged, wl.chronic, wl.kind)
            assert w.acwr == (None if not wl.chronic else pytest.approx(wl.load / wl.chronic))
    a1 = figs["A1"]
    assert a1.weeks[0].start == day(-14) and not a1.weeks[0].in_season  # the pre-season log counts
    assert a1.daily.index[0] == pd.Timestamp(day(-14))
    assert list(a1.daily.columns[:7]) == ["planned", "logged", "load", "ewma_acute", "ewma_chronic",
                                          "ewma_ratio", "rolling_ratio"]


def test_change_and_flags_of_each_week(figs):
    for f in figs.values():
        for prev, w in itertools.pairwise(f.weeks):
            assert w.change == pytest.approx((w.load - prev.load) / prev.load)
            assert (L.LOAD_UP in w.kinds) == (w.change > 0.15)
            # every full week above 2.0, planned or logged (rules-spec.md section 8)
            assert ("monotony > 2.0" in w.flags) == (w.monotony is not None and w.monotony > 2)
            high = w.ewma_ratio is not None and w.ewma_ratio > 1.5
            low = w.ewma_ratio is not None and w.ewma_ratio < 0.8
            assert ("EWMA ratio > 1.5" in w.flags) == high
            assert ("EWMA ratio < 0.8" in w.flags) == low
        assert f.weeks[0].change is None
    # under 28 days of data no EWMA ratio, so no EWMA flag (A2 and A3 start with the season)
    a3 = figs["A3"]
    assert all(w.ewma_ratio is None for w in a3.weeks[:4])
    assert a3.weeks[4].ewma_ratio is not None


def test_a_change_that_rounds_to_zero_is_plus_zero():
    assert [L.fmt_change(x) for x in (-0.003, 0.0, 0.16, -0.24)] == ["+0 %", "+0 %", "+16 %", "-24 %"]


def test_week_flags_thresholds():
    assert L.week_flags(1.51, None, None) == ("EWMA ratio > 1.5",)
    assert L.week_flags(1.5, 2.0, 0.15) == ()
    assert L.week_flags(0.79, 2.01, 0.151) == ("EWMA ratio < 0.8", "monotony > 2.0", "load +15.1 %")


def test_monotony_above_2_is_flagged_in_the_plan_as_in_the_log():
    """A3 logged nothing: six equal team sessions and a rest day read monotony above 2.0 in the
    plan, and the flag says so (rules-spec.md section 8 flags every week; a flat plan is what the
    flag is for); A1's logged weeks above 2.0 are flagged too."""
    s = _season()
    ap = s.plan.athletes[2]
    tl = Timeline(s)
    it = tuple(70 if tl.is_training[i] and not tl.is_comp[i] else 0 for i in range(tl.n))
    s = s.model_copy(update={"plan": s.plan.model_copy(update={
        "athletes": s.plan.athletes[:2] + (ap.model_copy(update={"intensity": it}),)})})
    a3 = L.figures(s)["A3"]
    steady = [w for w in a3.weeks if w.monotony is not None and w.monotony > 2]
    assert steady and all("monotony > 2.0" in w.flags for w in steady)
    assert all(w.logged is None for w in a3.weeks)
    a1 = L.figures(s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(i), minutes=60, rpe=5) for i in range(42) if i % 7 != 6)}))["A1"]
    logged = [w for w in a1.weeks if w.logged is not None and w.monotony is not None and w.monotony > 2]
    assert logged and all("monotony > 2.0" in w.flags for w in logged)


def test_a_session_logged_today_counts_in_the_figures_not_in_the_plans_load():
    """The coach logs tonight's session tonight: the figures count it at once; LD-1 and the plan
    JSON count logged sessions before today only (rules-spec.md section 8)."""
    from planner.loadtable import athlete_load

    s = _season()
    big = Session(athlete="A3", date=day(42), minutes=200, rpe=9)
    s = s.model_copy(update={"sessions": s.sessions + (big,)})
    a3 = L.figures(s)["A3"]
    w = next(w for w in a3.weeks if w.start == day(42))
    plan_week = athlete_load(s, s.plan, "A3").week_of(day(42))
    assert w.logged == 1800
    assert plan_week.logged is None  # the plan's week counts no session of today yet...
    assert plan_week.load == plan_week.planned  # ... so its load is planned
    assert w.load == plan_week.planned - _planned_day(s, "A3", 42) + 1800  # the figures: logged
    assert a3.has_log and a3.daily["load"].iloc[(day(42) - a3.weeks[0].start).days] == 1800


def _planned_day(s, athlete: str, i: int) -> float:
    from planner.loadtable import athlete_load

    al = athlete_load(s, s.plan, athlete)
    return al.planned[al.index(day(i))]


def test_a_spike_after_four_weeks_without_load_has_no_ratio_and_says_so():
    s = _season(weeks=9, today=0, pre_season=False)
    ap = s.plan.athletes[0]
    it = tuple(0 if i < 35 else x for i, x in enumerate(ap.intensity))
    from planner.season import Unavailability
    s = s.model_copy(update={
        "unavailability": (Unavailability(athlete="A1", start=day(0), end=day(34)),),
        "plan": s.plan.model_copy(update={"athletes": (ap.model_copy(update={"intensity": it}),)
                                          + s.plan.athletes[1:]})})
    w = next(w for w in L.figures(s)["A1"].weeks if w.start == day(35))
    assert w.chronic == 0 and w.acwr is None and w.load > 0
    assert L.AFTER_NONE in w.flags and not any(x.startswith("ACWR") for x in w.flags)


def test_a_week_back_from_a_week_at_0_is_flagged_as_up():
    """rules-spec.md section 8 flags a weekly load up more than 15 % on the week before: after a
    full week at 0 (the athlete away) any load is, though the change itself is undefined."""
    s = _season(weeks=6, today=0, pre_season=False)
    from planner.season import Unavailability
    s = s.model_copy(update={
        "unavailability": (Unavailability(athlete="A1", start=day(14), end=day(20)),)})
    weeks = L.figures(s)["A1"].weeks
    away, back, after = weeks[2], weeks[3], weeks[4]
    assert away.load == 0 and back.load > 0
    assert back.change is None and L.FROM_ZERO in back.flags
    assert not any(x.startswith("load +") for x in back.flags)
    assert L.FROM_ZERO not in away.flags and L.FROM_ZERO not in after.flags
    assert L.week_flags(None, None, None, from_zero=True) == (L.FROM_ZERO,)
    assert L.week_flags(None, None, 0.2, from_zero=True) == ("load +20 %",)
    # a season without a week at 0 carries none
    assert not any(L.FROM_ZERO in w.flags for f in L.figures(_season()).values() for w in f.weeks)


def test_a_season_without_a_log_has_planned_figures_only():
    s = _season()
    s = s.model_copy(update={"sessions": ()})
    figs = L.figures(s)
    assert not any(f.has_log for f in figs.values())
    assert all(f.latest_logged_ewma_ratio is None for f in figs.values())
    for f in figs.values():
        assert all(w.logged is None and w.logged_ewma_ratio is None for w in f.weeks)
        assert f.daily["logged"].isna().all()
        assert f.weeks[0].load == f.weeks[0].planned


def test_a2_with_a_few_sessions_has_a_log_but_no_logged_ratio(figs):
    a2 = figs["A2"]
    assert a2.has_log and a2.latest_logged_ewma_ratio is None
    assert a2.weeks[5].start == day(35) and a2.weeks[5].logged == 3 * 360
    assert a2.weeks[4].logged is None and a2.weeks[4].load == a2.weeks[4].planned


def test_a_log_that_stopped_says_so_rather_than_giving_a_ratio():
    """A1's log stops 12 days before today: his sessions planned since are not logged yet, so the
    logged ratio is that of his last logged day, and the flags say nothing was logged lately
    rather than flag the ratio (others logging meanwhile change nothing of it)."""
    s = _season()
    alone = [x for x in s.sessions if x.date < day(30)]
    last = max(x.date for x in alone)
    for sessions in (alone, alone + [Session(athlete="A2", date=day(i), minutes=60, rpe=6)
                                     for i in (39, 40, 41)]):
        f = L.figures(s.model_copy(update={"sessions": tuple(sessions)}))["A1"]
        assert f.logged_to == last and f.stale_log
        assert f.flags[0] == ("Athlete 1 (A1): no session logged in the 7 days before today (the "
                              f"logged ratio is that of the 7 days to {text.day_long(last)}; the "
                              "load figures count their planned load).")
        week = f.daily["logged_ewma_ratio"][str(last - dt.timedelta(days=6)):str(last)]
        assert len(week) == 7 and f.latest_logged_ewma_ratio == pytest.approx(week.mean())
        assert f.logged_when() == (f"over the 7 days to {text.day_long(last)} (the planned "
                                   "sessions since are not logged yet)")
    # a session logged today after those 12 days: the 28 days to today hold more than a week of
    # sessions planned and not logged, too little logged for a chronic base (no ratio, no flag)
    today = alone + [Session(athlete="A1", date=day(42), minutes=60, rpe=5)]
    f = L.figures(s.model_copy(update={"sessions": tuple(today)}))["A1"]
    assert f.logged_when() == "now" and f.latest_logged_ewma_ratio is None and not f.stale_log
    assert f.thin_log > L.UNLOGGED_MOST
    assert not any("logged EWMA" in x for x in f.flags), f.flags


def test_a_steady_log_of_four_of_six_training_days_keeps_its_logged_ratio():
    """A squad that logs Monday to Thursday, and not the Friday and Saturday the plan has too,
    read "—, too little logged to compare" every day (8 of the 28 days planned and not logged):
    a count, not a gap. Days not logged between days logged are no gap in logging: the ratio
    is read; two weeks not logged are one (the gap cases above)."""
    s = _season(weeks=10, today=56, pre_season=False)
    steady = tuple(x for x in s.sessions if x.athlete != "A1" or (x.date - day(0)).days % 7 < 4)
    s = s.model_copy(update={"sessions": steady})
    f = L.figures(s)["A1"]
    al = lived_load(s, s.plan, "A1", count_today=True)
    read = al.index(f.logged_to)
    unlogged = sum(1 for k in range(read - 27, read + 1) if al.logged[k] is None and al.load[k] > 0)
    assert unlogged > L.UNLOGGED_MOST  # what the count read as too little logged
    assert f.thin_log == 0 and f.thin_words() == ""
    assert f.latest_logged_ewma_ratio is not None
    assert not any(w.thin_log for w in f.weeks)
    # the same log with two weeks not logged before its last week: a gap, too little logged
    gap = tuple(x for x in steady if x.athlete != "A1" or not day(42) <= x.date < day(49)
                and not day(35) <= x.date < day(42))
    f = L.figures(s.model_copy(update={"sessions": gap}))["A1"]
    assert f.thin_log > L.UNLOGGED_MOST and f.latest_logged_ewma_ratio is None


def test_one_session_logged_after_a_long_gap_is_too_little_logged_to_compare():
    """A1 logged four weeks, nothing for the next five, then one ordinary session yesterday:
    read over a chronic load of five weeks at 0 the logged ratio was far above 1.5, a flag on
    a gap in logging. It is "—", too little logged to compare, on the day it is read and on
    every day of the gap; the weeks before the gap keep theirs, and a week of the gap says
    why it has none."""
    from ui.cli.load import table

    s = _season(weeks=12, today=70, pre_season=False)
    tl = Timeline(s)
    ap = s.plan.for_athlete("A1")
    last = next(i for i in range(69, 0, -1) if tl.is_training[i] and ap.intensity[i] > 0)
    kept = tuple(x for x in s.sessions if x.athlete != "A1" or x.date < day(28))
    s = s.model_copy(update={"sessions": kept + (
        Session(athlete="A1", date=day(last), minutes=75, rpe=7),)})
    f = L.figures(s)["A1"]
    al = lived_load(s, s.plan, "A1", count_today=True)
    read = f.logged_to  # the day after it, a rest day, is read too: yesterday
    assert day(last) <= read < day(70)
    gap = sum(1 for k in range(al.index(read) - 27, al.index(read) + 1)
              if al.logged[k] is None and al.load[k] > 0)
    assert f.thin_log == gap > L.UNLOGGED_MOST
    assert f.latest_logged_ewma_ratio is None
    assert not any("logged EWMA" in x for x in f.flags), f.flags
    # what the ratio read without the check: a spike of a gap
    logged = f.daily["logged"][str(day(0)):str(read)].fillna(0.0)
    assert L.ewma_ratio(logged)[2].iloc[-1] > L.RATIO_HIGH
    assert f.thin_words() == (f"too little logged to compare (a gap in logging in the 28 days to "
                              f"{text.day_long(read)}: {gap} days with a session planned and "
                              f"nothing logged)")
    assert f"logged EWMA ratio —: {f.thin_words()}" in table(f, s).splitlines()[0]
    # the weeks of the gap: none, said; the gap's first week (at most 7 days not logged in any
    # of its days' 28) is read, those days as no training, as before
    gap_weeks = [w for w in f.weeks if day(42) <= w.start and w.end <= day(last)]
    assert gap_weeks and all(w.logged_ewma_ratio is None and w.thin_log for w in gap_weeks)
    assert f.weeks[4].start == day(28)
    assert f.weeks[4].logged_ewma_ratio is not None and not f.weeks[4].thin_log
    assert f.daily["logged_ewma_ratio"][str(day(42)):str(read)].isna().all()


def test_sessions_not_logged_yet_are_not_read_as_rest_days():
    """Yesterday's planned session is not logged (its GPS export not read in yet): the logged
    series ends the day before, so a player who logged every session is not flagged "below 0.8"
    for it, whoever else logged that day. A planned day with nothing logged before a day he
    logged is a day he did not train: it counts 0, and a flag on the ratio names it."""
    s = _season(pre_season=False)
    tl = Timeline(s)
    yesterday = next(i for i in range(41, 0, -1) if tl.is_training[i]
                     and s.plan.for_athlete("A1").intensity[i] > 0)
    kept = tuple(x for x in s.sessions if x.date < day(yesterday))
    others = tuple(Session(athlete=a, date=day(i), minutes=60, rpe=6)
                   for a in ("A2", "A3") for i in range(yesterday, 42))
    for sessions in (kept, kept + others):
        f = L.figures(s.model_copy(update={"sessions": sessions}))["A1"]
        assert f.logged_to == day(yesterday - 1) and f.logged_lately and not f.stale_log
        reads = f.daily["logged_ewma_ratio"]
        # the ratio now: the mean of the 7 days to the day before yesterday's planned session
        assert reads[str(day(yesterday - 7)):str(day(yesterday - 1))].mean() == \
            pytest.approx(f.latest_logged_ewma_ratio)
        assert reads[str(day(yesterday)):str(day(41))].isna().all()
    # A1 logs today: his yesterday, planned and not logged, is a day he did not train
    today = kept + (Session(athlete="A1", date=day(42), minutes=60, rpe=5),)
    g = L.figures(s.model_copy(update={"sessions": today}))["A1"]
    assert g.logged_to == day(42) and g.daily["logged"].isna()[str(day(yesterday))]
    assert g.daily["logged_ewma_ratio"][str(day(yesterday))] < reads[str(day(yesterday - 1))]
    s2 = s.model_copy(update={"sessions": today})
    words = L._unlogged_words(lived_load(s2, s2.plan, "A1", count_today=True), day(42))
    assert words.startswith(f" (nothing logged on {text.day_long(day(yesterday))}")
    assert L._unlogged_words(lived_load(s, s.plan, "A1", count_today=True), day(41)) == ""


def test_a_week_logged_as_ill_days_is_logged_not_missing():
    """Seven days logged with 0 minutes (the way to record "ill") are a log of 0 AU, not
    "no session logged"."""
    s = _season()
    ill = tuple(x for x in s.sessions if not (x.athlete == "A1" and day(35) <= x.date < day(42)))
    ill += tuple(Session(athlete="A1", date=day(i), minutes=0, rpe=0, note="ill") for i in range(35, 42))
    lines = L.figures(s.model_copy(update={"sessions": ill}))["A1"].flags
    assert not any("no session logged" in x for x in lines), lines


def test_no_plan_no_figures():
    s = _season().model_copy(update={"plan": None})
    assert L.figures(s) == {}
    assert L.flag_lines(s) == []


def test_team_median_is_the_weekly_median_of_the_ewma_ratio(figs):
    med = dict(L.team_median(figs))
    for start, value in med.items():
        vals = sorted(w.ewma_ratio for f in figs.values() for w in f.weeks
                      if w.start == start and w.ewma_ratio is not None)
        if not vals:
            assert value is None
        else:
            assert value == pytest.approx(pd.Series(vals).median())
    assert list(med) == sorted(med)


def test_flag_lines_name_the_athlete_and_the_week(figs):
    """The weeks logged off the plan under their heading, farthest off first, then each flag of
    last week before this week's: written out, so that an order or a word gone wrong shows."""
    s = _season()
    assert L.flag_lines(s) == [
        "Logged differs from the plan by more than 20 % (last week's load), farthest off first:",
        "  Athlete 1 (A1): week of 8 Feb 2027: logged 3,120 AU, planned 1,185 AU (+163 % on the plan).",
        "  Athlete 2 (A2): week of 8 Feb 2027: logged 1,080 AU · counted 1,590 AU (+ 510 AU "
        "planned on days not logged), planned 1,230 AU (+29 % on the plan).",
        "Athlete 1 (A1): week of 8 Feb 2027 (last week): ACWR > 1.3, deload not kept: logged "
        "+163 % on plan, load +41 %.",
        "Athlete 2 (A2): week of 8 Feb 2027 (last week): deload not kept: counted +29 % on plan.",
        "Athlete 2 (A2): week of 15 Feb 2027 (this week, planned): load +21 %.",
        "Athlete 3 (A3): week of 15 Feb 2027 (this week, planned): load +34 %.",
    ]
    assert sorted(x for f in figs.values() for x in f.flags) == sorted(L.flag_lines(s)[3:])


def test_nothing_undefined_is_nan_or_inf_in_the_weeks(figs):
    for f in figs.values():
        for w in f.weeks:
            for name in ("change", "chronic", "acwr", "ewma_ratio", "rolling_ratio", "monotony",
                         "strain", "logged_ewma_ratio"):
                x = getattr(w, name)
                assert x is None or math.isfinite(x), (f.athlete, w.start, name)
        assert not f.daily.isin([float("inf"), -float("inf")]).any().any()


def test_a_week_of_seven_equal_days_has_no_monotony_or_strain():
    s = _season(weeks=6, today=0, pre_season=False)
    tl = Timeline(s)
    # A1 trains at 60 % every day of week 1 (Sunday included): seven equal loads
    ap = s.plan.athletes[0]
    it = list(ap.intensity)
    it[7:14] = [60] * 7
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"training_days": ("mon", "tue", "wed", "thu", "fri",
                                                                      "sat", "sun")}),
        "competitions": tuple(c for c in s.competitions if not 7 <= (c.date - day(0)).days < 14),
        "plan": s.plan.model_copy(update={"athletes": (ap.model_copy(update={"intensity": tuple(it)}),)
                                          + s.plan.athletes[1:]})})
    assert tl.n == Timeline(s).n
    w = L.figures(s)["A1"].weeks[1]
    assert w.start == day(7) and w.load == 7 * 300
    assert w.monotony is None and w.strain is None
    assert L.fmt(w.monotony) == "—"


def test_figures_of_a_season_whose_today_is_past_the_end():
    s = _season(weeks=5, today=40, pre_season=False)
    figs = L.figures(s)
    assert figs["A1"].latest_logged_ewma_ratio is not None
    assert figs["A1"].weeks[-1].logged_ewma_ratio is not None
    assert [w.start for w in figs["A1"].weeks] == [day(7 * k) for k in range(5)]  # to the last week


def test_the_plan_json_gives_each_day_and_week_its_load():
    """interfaces.md section 3, schema 2: per day ``load`` (AU, rules-spec.md section 8: logged
    before today where a session was logged) and per week ``load`` (the sum of its season days)."""
    from planner.planjson import plan_from_dict, plan_to_dict, plan_to_json

    s = _season()
    tl = Timeline(s)
    data = plan_to_dict(s, s.plan)
    assert data["schema_version"] == 2
    loads = season_loads(s)
    for a in data["athletes"]:
        al = loads[a["id"]]
        season_days = al.load[al.season_start:]
        assert [d["load"] for d in a["days"]] == list(season_days)
        assert [w["load"] for w in a["weeks"]] == [sum(season_days[i] for i in w.days) for w in tl.weeks]
    a1 = data["athletes"][0]
    logged = {x.date.isoformat(): x.load for x in s.sessions if x.athlete == "A1"}
    for d in a1["days"]:
        if d["date"] in logged and d["date"] < s.calendar.today.isoformat():
            assert d["load"] == logged[d["date"]]
    assert a1["days"][0]["load"] == logged[day(0).isoformat()]
    # after today: the plan's load, whatever was logged (A2 logged nothing after today)
    a3 = data["athletes"][2]
    assert [d["load"] for d in a3["days"]] == list(loads["A3"].planned)
    import json
    assert plan_from_dict(json.loads(plan_to_json(s, s.plan)), s).athletes == s.plan.athletes
    # a plan of another season (or of this one before its dates changed): once, what each
    # covers and what to do, not a line per athlete
    from planner.errors import InputError
    from planner.text import day_long

    later = s.model_copy(update={"name": "Next year", "calendar": s.calendar.model_copy(
        update={"start": s.calendar.start + dt.timedelta(days=7),
                "end": s.calendar.end + dt.timedelta(days=7)})})
    n = Timeline(s).n
    with pytest.raises(InputError) as e:
        plan_from_dict(json.loads(plan_to_json(s, s.plan)), later.model_copy(update={"plan": None}))
    assert e.value.problems == [
        f"the plan (made for season '{s.name}') covers {day_long(s.calendar.start)} – "
        f"{day_long(s.calendar.end)} ({n} days); the season 'Next year' "
        f"{day_long(later.calendar.start)} – {day_long(later.calendar.end)} ({n} days): check the "
        f"plan against its own season file, or solve again (periodize solve SEASON --json OUT.json)"]
    with pytest.raises(InputError) as e:  # the same name: the calendar is what differs
        plan_from_dict(json.loads(plan_to_json(s, s.plan)), later.model_copy(
            update={"plan": None, "name": s.name}))
    assert len(e.value.problems) == 1
    assert e.value.problems[0].startswith(f"the plan covers {day_long(s.calendar.start)} – ")
    # one day's date wrong, the rest the season's: located, then once why
    data = json.loads(plan_to_json(s, s.plan))
    data["athletes"][1]["days"][4]["date"] = "2020-01-01"
    with pytest.raises(InputError) as e:
        plan_from_dict(data, s.model_copy(update={"plan": None}))
    assert e.value.problems[0] == f"athletes[1].days[4].date: expected {Timeline(s).days[4].isoformat()}"
    assert e.value.problems[-1].startswith("the plan does not follow this season's calendar (")
    # the season renamed, the calendar the same, a bad value: located, no word of other seasons
    data = json.loads(plan_to_json(s, s.plan))
    data["athletes"][0]["days"][3]["intensity"] = 85
    with pytest.raises(InputError) as e:
        plan_from_dict(data, s.model_copy(update={"name": "Renamed", "plan": None}))
    assert e.value.problems == ["athletes[0].days[3].intensity: 85 is not an intensity level; give "
                                "a number: one of 0, 60, 70, 80, 90, 95, 100"]
    # said as JSON writes it, not as Python does (None, '70')
    for bad, said in ((None, "null"), ("70", 'the string "70"'), (True, "true"), ([70], "a list")):
        data["athletes"][0]["days"][3]["intensity"] = bad
        with pytest.raises(InputError) as e:
            plan_from_dict(data, s.model_copy(update={"plan": None}))
        assert e.value.problems == [f"athletes[0].days[3].intensity: {said} is not an intensity "
                                    f"level; give a number: one of 0, 60, 70, 80, 90, 95, 100"]
    data["athletes"][0]["days"][3].update(intensity=70, stage=None)
    with pytest.raises(InputError) as e:
        plan_from_dict(data, s.model_copy(update={"plan": None}))
    assert e.value.problems == ['athletes[0].days[3].stage: null is not a stage; give one of "P1", '
                                '"P2", "P3", "S1", "S2", "S3", "INJ", "FIT"']
    # a header number of the wrong type was "an unexpected error (ValidationError) … a fault in
    # Periodize", with the library's words
    for key, bad, said in (("objective", "abc", 'the string "abc"'), ("bound", [1], "a list"),
                           ("solve_seconds", True, "true")):
        data = json.loads(plan_to_json(s, s.plan))
        data[key] = bad
        with pytest.raises(InputError) as e:
            plan_from_dict(data, s.model_copy(update={"plan": None}))
        assert e.value.problems == [f"{key}: {said} is not a number; give a number, or null"]


def test_without_a_today_the_flags_speak_of_the_plans_first_week_not_this_week():
    """A season with no `today` is planned from its start; its flags are about that first week,
    which the real calendar may have left long ago."""
    from planner.seasonfile import loads
    from solver import SolveRequest, solve
    from templates import path

    s = loads(path("demo.season.json").read_text(encoding="utf-8"))  # no today
    assert s.calendar.today is None
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=60)).plan})
    from dataclasses import replace

    from planner.loadtable import athlete_load

    # a plan's first week has no history to flag against: give it a flag to speak of
    aid = s.athletes[0].id
    f = L.figures(s)[aid]
    f = replace(f, weeks=(replace(f.weeks[0], flags=("load +20 %",)),) + f.weeks[1:])
    lines = [t for t, *_ in L._sentences(s, athlete_load(s, s.plan, aid, count_today=True), f)]
    assert lines
    assert all("this week" not in x and "last week" not in x for x in lines)
    assert any("(the plan's first week)" in x for x in lines)


def test_the_weeks_why_calls_a_logged_weeks_load_load_not_planned_load():
    """A week with logged sessions reads their load (rules-spec.md section 8): the explanation
    says so and gives the planned load beside it; a week with nothing logged stays 'planned'."""
    from planner.loadtable import athlete_load
    from planner.why import why_week

    s = _season()
    logged = athlete_load(s, s.plan, "A1").week_of(day(35))
    lines = [r.text for r in why_week(s, s.plan, "A1", day(35)).reasons if r.rule == "LD-1"]
    # A1 logged every training day of the week: as logged (Review 266 F1: "the logged sessions
    # counted" was said of a week with only Monday logged too)
    assert any(x.startswith(f"Load {logged.load:.0f} AU (as logged; planned "
                            f"{logged.planned:.0f} AU)") for x in lines), lines
    # A2 logged three of its days (60 min at RPE 6): the others count their plan, and say so
    part = athlete_load(s, s.plan, "A2").week_of(day(35))
    lines = [r.text for r in why_week(s, s.plan, "A2", day(35)).reasons if r.rule == "LD-1"]
    assert any(x.startswith(f"Load {part.load:.0f} AU (counting the 1080 AU logged and the days "
                            f"not logged as planned; planned {part.planned:.0f} AU)")
               for x in lines), lines
    planned = [r.text for r in why_week(s, s.plan, "A3", day(35)).reasons if r.rule == "LD-1"]
    assert any(x.startswith("Planned load ") for x in planned), planned


@pytest.mark.parametrize("minutes, words", [
    ({"minutes_load": 0}, "load-week sessions have no minutes to compare with"),
    ({"minutes_deload": 240}, "220 % more volume per session than a load week"),
    ({"minutes_deload": 75}, "as much volume per session as a load week"),
    ({}, "40 % less volume per session than a load week"),
])
def test_any_session_lengths_the_rules_allow_are_explained_without_a_crash(minutes, words):
    """A load week of 0 minutes divided by zero in the why, the handouts and the workbook; a
    deload longer than a load week read '-220 % less volume'."""
    from planner.handout import handout_weeks
    from planner.season import RuleSettings
    from planner.why import why_day, why_week

    s = _season()
    s = s.model_copy(update={"rules": RuleSettings(values={"LD-1": minutes})})
    deload = next(i for i in range(len(s.plan.team_weeks)) if s.plan.team_weeks[i] == "deload")
    first = Timeline(s).weeks[deload].first
    texts = [r.text for r in why_week(s, s.plan, "A3", day(first)).reasons]
    texts += [r.text for d in range(first, first + 7)
              for r in why_day(s, s.plan, "A3", day(d)).reasons]
    assert any(words in t for t in texts), texts
    kinds = [w.kind_text for w in handout_weeks(s, s.plan, ["A3"])]
    # the handout says it of its "team sessions of 45 minutes (…)"
    assert any(words.replace(" per session", "") in k for k in kinds if k.startswith("Deload")), kinds


def _went_otherwise():
    """The test season with a past 60 % day of A1 that the plan remembers as planned 90 %."""
    s = _season()
    tl = Timeline(s)
    d = next(i for i in range(tl.p0) if tl.is_training[i] and not tl.is_comp[i]
             and s.plan.athletes[0].intensity[i] == 60)
    ap = s.plan.athletes[0].model_copy(update={"planned": {day(d): 90}})
    return s.model_copy(update={"plan": s.plan.model_copy(
        update={"athletes": (ap,) + s.plan.athletes[1:]})}), d


def test_a_past_day_that_went_otherwise_keeps_the_load_planned_for_it():
    """The plan keeps what happened (a 60 % day where 90 % was planned) and remembers the level
    it had planned; 'planned' compares with the plan as it was made, 'load' with what happened."""
    from planner.loadtable import LoadTable, athlete_load

    s, d = _went_otherwise()
    tl = Timeline(s)
    al = athlete_load(s, s.plan, "A1")
    table = LoadTable.of_season(s)
    kind = s.plan.athletes[0].weeks[tl.week_of[d]]
    k = al.index(day(d))
    assert al.planned[k] == table.minutes[kind] * table.fit_rpe(90)  # as planned: a 90 % day
    assert al.load[k] == (al.logged[k] if al.logged[k] is not None
                          else table.minutes[kind] * table.fit_rpe(60))  # what happened


def test_the_week_page_and_the_handout_give_the_planned_load_the_load_figures_give():
    """A past day that went otherwise (60 % where 90 % was planned): the athlete's week page
    (the workbook) and handout said the plan as it stands (the 60 % day), the Load sheet and
    `periodize load` the plan as it was made: one planned figure everywhere, the latter."""
    from planner.handout import handout_weeks
    from planner.loadtable import athlete_load

    s, d = _went_otherwise()
    tl = Timeline(s)
    w = tl.week_of[d]
    (hw,) = handout_weeks(s, s.plan, ["A1"], [w])
    week = next(x for x in athlete_load(s, s.plan, "A1").weeks if x.start == hw.first)
    as_it_stands = sum(x.session.load for x in hw.days)
    assert hw.planned_load == week.planned != as_it_stands


def test_a_rehab_athletes_match_day_has_no_session_and_no_load():
    """rules-spec.md section 2: an athlete in rehab does no running and has no session on a
    competition day; the handouts said 'match day, no rehab session' and counted 60 x 4."""
    from planner.loadtable import athlete_load
    from planner.sessions import Prescriber
    from tests.builders import injury

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P3", start_day=-5),))
    tl = Timeline(s)
    m = next(i for i in range(tl.n) if tl.is_comp[i] and tl.training_weekday[i])
    plan = Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=("P3" if a.id == "A1" else "FIT",) * tl.n,
                    intensity=(0,) * tl.n, weeks=("load",) * len(tl.weeks)) for a in s.athletes))
    s = s.model_copy(update={"plan": plan})
    al = athlete_load(s, plan, "A1")
    assert al.planned[al.index(tl.days[m])] == 0
    assert al.planned[al.index(tl.days[m - 1])] > 0  # the training day before: the P3 session
    day_rx = Prescriber(s, plan).athlete("A1")[m]
    assert "no rehab session" in day_rx.content and not day_rx.load and not day_rx.minutes


def test_a_logged_ratio_after_a_week_with_nothing_logged_is_said_so_not_flagged():
    """A1 logged five weeks, then nothing in the 7 days before today: the logged series reads
    those days as rest, so its ratio falls whatever happened. The CLI's heading and the flag
    sentences say nothing was logged instead of flagging a ratio below 0.8."""
    from ui.cli.load import table

    s = _season(pre_season=False)
    # his last week logged light (20 min at RPE 3 a day), then nothing: a ratio below 0.8
    s = s.model_copy(update={"sessions": tuple(
        x if x.date < day(28) else x.model_copy(update={"minutes": 20, "rpe": 3})
        for x in s.sessions if x.date < day(35))})
    f = L.figures(s)["A1"]
    assert f.latest_logged_ewma_ratio is not None and f.latest_logged_ewma_ratio < 0.8
    assert f.stale_log and not f.logged_lately
    head = table(f, s).splitlines()[0]
    assert "not a flag: nothing logged in the 7 days before today" in head
    assert "(flag)" not in head
    assert any("no session logged in the 7 days before today" in x for x in f.flags)
    fresh = L.figures(_season(pre_season=False))["A1"]
    assert fresh.logged_lately and not fresh.stale_log


def test_a_figure_that_rounds_onto_its_flags_threshold_shows_more_decimals():
    """0.7985 is flagged "EWMA ratio < 0.8": shown as 0.80 beside the flag it read as a
    contradiction; it shows as 0.799 (the CLI, the app's words and the workbook's cells)."""
    ewma, acwr, mono = L.figure_limits("ewma"), L.figure_limits("acwr", 1.3), L.figure_limits("monotony")
    assert L.fmt_figure(0.7986, ewma) == "0.799"
    assert L.fmt_figure(2.0004, mono) == "2.0004"
    assert L.fmt_figure(1.30004, acwr) == "1.30004"
    assert L.fmt_figure(0.8, ewma) == "0.80"  # the threshold itself: not flagged, two decimals
    assert L.fmt_figure(1.234, ewma) == "1.23"
    # each figure against its own thresholds only: a monotony of 0.802 is no EWMA ratio
    assert L.fmt_figure(0.802, mono) == "0.80" and L.fmt_figure(1.499, acwr) == "1.50"
    assert L.fmt_figure(None, ewma) == L.DASH and L.fmt_figure(float("nan"), ewma) == L.DASH
    lim = ewma
    assert L.figure_places(0.7986, lim) == 3 and L.figure_places(1.234, lim) == 2


def test_a_deload_week_says_how_much_lighter_it_really_is_than_the_load_weeks_around_it():
    """'Deload week: 40 % less volume' read on a two-match week that was 1 % lighter: the why now
    gives the week's planned load against the nearest load weeks, and says why it is barely
    lighter when it is (matches and rehab sessions keep their length)."""
    from planner.loadtable import athlete_load
    from planner.why import why_week

    s = _season(weeks=12, today=0, pre_season=False)
    s = s.model_copy(update={"sessions": ()})
    series = athlete_load(s, s.plan, "A3")
    k = next(i for i, w in enumerate(series.weeks)
             if w.kind == "deload" and w.full and 0 < i < len(series.weeks) - 1
             and series.weeks[i - 1].kind == "load" and series.weeks[i + 1].kind == "load")
    wl, before, after = series.weeks[k], series.weeks[k - 1], series.weeks[k + 1]
    mean = (before.planned + after.planned) / 2
    change = round(100 * (wl.planned / mean - 1))
    lines = [r.text for r in why_week(s, s.plan, "A3", wl.start).reasons]
    said = next(x for x in lines if x.startswith("This week's load"))
    assert f"{wl.planned:.0f} AU, is {abs(change)} % below the load weeks around it ({mean:.0f} AU)" in said
    assert ("keep their length" in said) == (change > -20)


def test_a_deload_or_taper_session_longer_than_a_load_weeks_is_refused_where_set():
    """Those weeks cut the training volume (rules-spec.md section 8): a longer session would make
    them the heavy weeks. As long as a load week's is allowed (the coach keeps the volume). A
    season file keeps what it holds (an older file with a 40-minute load week still opens)."""
    from planner import edits as E
    from planner.errors import InputError
    from planner.rules import settings_problems
    from planner.season import RuleSettings

    s = season(weeks=2)

    def set_(param, value, base=s):
        return E.SetRuleValue(rule="LD-1", param=param, value=value).apply(base)

    def refused(param, value) -> list[str]:
        with pytest.raises(InputError) as e:
            set_(param, value)
        return e.value.problems

    assert set_("minutes_deload", 75).rules.values["LD-1"]["minutes_deload"] == 75
    longer = set_("minutes_load", 90)
    assert set_("minutes_deload", 80, longer).rules.values["LD-1"]["minutes_deload"] == 80
    assert refused("minutes_deload", 200) == [
        "LD-1 minutes_deload: a deload week's session (200 min) would be longer "
        "than a load week's (75 min, the default), but a deload week cuts the training volume; "
        "keep it at most as long as the load week's session"]
    with pytest.raises(InputError, match="a taper week's session \\(80 min\\) would be longer"):
        set_("minutes_taper", 80)
    assert refused("minutes_load", 30) == [  # the parameter being set is the one named
        "LD-1 minutes_load: a load week's session (30 min) would be shorter than a "
        "deload week's (45 min, the default) and a taper week's (40 min, the default), but those "
        "weeks cut the training volume; shorten the deload and taper sessions first"]
    assert settings_problems(RuleSettings(values={"LD-1": {"minutes_load": 40}})) == []
    # outside its range: that is the problem, not the order
    assert refused("minutes_load", -1) == [
        "LD-1 minutes_load: -1 is outside 0-240 min; choose a value in that range"]
    # the RPEs keep their order: a faster training day is no easier than a slower one
    assert set_("rpe_80", 6).rules.values["LD-1"]["rpe_80"] == 6  # as hard as 90 %: allowed
    assert refused("rpe_70", 9) == [
        "LD-1 rpe_70: a training day at 60 or 70 % would be rated harder (RPE 9) "
        "than one at 80 % (RPE 5, the default), but a faster session is no easier; keep it at "
        "most RPE 5"]
    with pytest.raises(InputError, match="at 90 % or more would be rated easier \\(RPE 2\\) than "
                                         "one at 60 or 70 %"):
        set_("rpe_90", 2)


def _steady_then_doubled(s, athlete: str = "A3", rpe_last: float = 10):
    """``athlete`` logs 60 min a day, six days a week, for five weeks at RPE 5 (1,800 AU a week),
    then a week at RPE ``rpe_last`` (10: twice the load), the week before today."""
    return s.model_copy(update={"sessions": s.sessions + tuple(
        Session(athlete=athlete, date=day(i), minutes=60, rpe=rpe_last if i >= 35 else 5)
        for i in range(42) if i % 7 != 6)})


def test_a_logged_week_at_twice_the_load_is_a_spike_the_ewma_ratio_smooths_away():
    """The board's tag reads the last week before today too: a logged week at twice the usual
    load is above LD-1's limit (ACWR 2.0), while the EWMA ratio of the same log stays under 1.5
    on every day (docs/load.md, "The board's orange tag")."""
    f = L.figures(_steady_then_doubled(_season()))["A3"]
    spike = f.logged_spike
    assert spike is not None and spike.start == day(35) and spike.logged == 6 * 600
    assert spike.acwr == pytest.approx(2.0)
    assert f.latest_logged_ewma_ratio is not None
    assert f.daily["logged_ewma_ratio"].dropna().max() <= L.RATIO_HIGH
    # the same week at the usual load: no spike
    assert L.figures(_steady_then_doubled(_season(), rpe_last=5))["A3"].logged_spike is None


def test_a_planned_spike_or_ld1_off_gives_no_logged_spike():
    s = _steady_then_doubled(_season())
    # the heavy week planned, not logged: only the plan's flags speak of it
    planned_only = s.model_copy(update={"sessions": tuple(
        x for x in s.sessions if not (x.athlete == "A3" and x.date >= day(35)))})
    assert L.figures(planned_only)["A3"].logged_spike is None
    from planner.edits import SetRuleMode

    off = SetRuleMode(rule="LD-1", mode="off").apply(s)
    assert L.figures(off)["A3"].logged_spike is None


def test_the_series_starts_no_earlier_than_a_session_can_be_logged():
    """Weeks from Wednesday, the season from Monday 4 Jan: a session logged on Tue 8 Dec (the
    second day a session can be logged, 28 days before the start) does not pull in Wed 2 Dec to
    Mon 7 Dec as rest days; the first week is partial (no chronic load from it). Before the season
    nothing was planned: a wholly pre-season week has no planned load, and the week the season
    starts in counts only the plan's days in ``planned``."""
    from planner.loadtable import athlete_load

    s = _season(week_start="wed")
    # a session in every pre-season week from Tue 8 Dec (one week has it on its first day)
    early = tuple(Session(athlete="A3", date=day(d), minutes=60, rpe=5) for d in (-27, -26, -19, -12))
    s = s.model_copy(update={"sessions": s.sessions + early})
    al = athlete_load(s, s.plan, "A3")
    assert al.origin == day(-27)
    assert (al.weeks[0].start, al.weeks[0].days) == (day(-27), 1) and not al.weeks[0].full
    assert all(w.planned is None for w in al.weeks if not w.in_season)
    assert al.weeks[1].logged == 300 and al.weeks[1].load == 300
    mixed = al.week_of(day(0))
    assert mixed.start == day(-5) and mixed.full
    assert mixed.planned == sum(al.planned[al.index(day(0)):al.index(day(1)) + 1])  # Mon, Tue
    f = L.figures(s)["A3"]
    assert all(w.planned is None for w in f.weeks if not w.in_season)


def test_a_lone_pre_season_session_weeks_before_the_season_starts_no_series():
    """One session 24 days before the season and nothing logged since made the three weeks
    between rest days and the first season week a spike (ACWR 9.3, EWMA ratio above 1.5).
    A pre-season week with nothing logged ends the run of logged weeks: the series starts
    with the season, and the first season weeks have no ratio. Logged every week, it counts."""
    from planner.loadtable import athlete_load

    s = _season()
    lone = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A3", date=day(-24), minutes=90, rpe=9),)})
    al = athlete_load(lone, lone.plan, "A3")
    assert al.origin == day(0) and al.weeks[0].start == day(0)
    assert all(w.chronic is None for w in al.weeks[:4])
    f = L.figures(lone)["A3"]
    assert not any("ACWR" in flag or "EWMA" in flag for w in f.weeks[:5] for flag in w.flags)
    # one in each pre-season week from the first's Monday: four logged weeks, a chronic load
    run = s.model_copy(update={"sessions": s.sessions + tuple(
        Session(athlete="A3", date=day(d), minutes=90, rpe=9) for d in (-28, -17, -10, -3))})
    al = athlete_load(run, run.plan, "A3")
    assert al.origin == day(-28) and al.week_of(day(0)).chronic == 810  # 90 min x RPE 9 a week
    # the first from a Friday: its Monday to Thursday were not logged, not rest; three full weeks
    late = s.model_copy(update={"sessions": s.sessions + tuple(
        Session(athlete="A3", date=day(d), minutes=90, rpe=9) for d in (-24, -17, -10, -3))})
    al = athlete_load(late, late.plan, "A3")
    assert al.origin == day(-24) and al.weeks[0].days == 3 and al.week_of(day(0)).chronic is None


def test_a_pre_season_week_logged_from_its_saturday_is_partial_not_five_rest_days():
    """One session on the Saturday before the season, then every day: Monday to Friday read as
    0 AU gave that week a monotony and a strain as if measured, made it a chronic load's base and
    flagged the first season week "load +889 %". The series starts on the day logged: a partial
    week with no change, monotony or strain, no full week for the chronic load."""
    from planner.loadtable import athlete_load

    s = _season(pre_season=False)
    sat = Session(athlete="A1", date=day(-2), minutes=45, rpe=6)
    s = s.model_copy(update={"sessions": (sat,) + s.sessions})
    al = athlete_load(s, s.plan, "A1")
    assert al.origin == day(-2) and al.load[0] == 270
    first = al.weeks[0]
    assert (first.start, first.days, first.load, first.counted) == (day(-2), 2, 270, False)
    assert all(w.chronic is None for w in al.weeks[:5]) and al.weeks[5].chronic is not None
    f = L.figures(s)["A1"]
    pre, season1 = f.weeks[0], f.weeks[1]
    assert not pre.in_season and pre.monotony is None and pre.strain is None
    assert season1.change is None and not any(x.startswith("load") for x in season1.flags)


def test_a_logged_half_au_rounds_up_as_a_spreadsheet_does():
    """45 min at RPE 6.5 is 292.5 AU: 293 (ROUND in a spreadsheet), not Python's 292."""
    from planner.history import logged_days
    from planner.loadtable import athlete_load

    s = _season()
    s = s.model_copy(update={"sessions": (Session(athlete="A3", date=day(40), minutes=45, rpe=6.5),)})
    assert logged_days(s, "A3")[day(40)].au == 293
    al = athlete_load(s, s.plan, "A3")
    assert al.logged[al.index(day(40))] == 293
    from planner.why import why_day

    assert "(1 session, 45 min, 293 AU" in why_day(s, s.plan, "A3", day(40)).reasons[0].text


def test_days_lived_under_a_stage_change_not_recorded_count_the_recorded_stage():
    """Today moved past A1's projected P2 -> P3 without recording it and without a re-plan: the
    figures counted the unlogged days just lived as P3 sessions, a stage the records (and the
    plan checker, and the Log panel) say A1 never reached. They count P2's session, and plan it:
    the planned column reads the plan within P2, as every place reads a past day's planned level
    (planner.history.planned_level), not the P3 session no place shows as planned any more."""
    from planner.loadtable import LoadTable
    from planner.protocols import load_protocol
    from tests.builders import injury

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P2", start_day=-10),), today=day(10))
    tl = Timeline(s)
    aps = [AthletePlan(athlete=a.id, stages=(("P2",) * 3 + ("P3",) * (tl.n - 3)) if a.id == "A1"
                       else ("FIT",) * tl.n,
                       intensity=(0,) * tl.n if a.id == "A1" else
                       tuple(70 if tl.is_training[i] else 0 for i in range(tl.n)),
                       weeks=("load",) * len(tl.weeks)) for a in s.athletes]
    s = s.model_copy(update={"plan": Plan(status="feasible", team_weeks=("load",) * len(tl.weeks),
                                          athletes=tuple(aps))})
    table, proto = LoadTable.of_season(s), load_protocol(s.injuries[0].protocol)
    p2, p3 = (math.prod(table.stage_session(st, proto)) for st in ("P2", "P3"))
    assert p2 != p3
    daily = L.figures(s)["A1"].daily
    lived = [d for d in range(3, 10) if tl.is_training[d]]
    assert lived
    for d in lived:
        row = daily.loc[pd.Timestamp(day(d))]
        assert (row["load"], row["planned"]) == (p2, p2), (d, row.to_dict())
    after = next(d for d in range(10, tl.n) if tl.is_training[d])
    row = daily.loc[pd.Timestamp(day(after))]
    assert row["load"] == row["planned"] == p3  # the plan ahead stays the plan's until a re-plan
    # the week's reason on the board says the same load as the figures
    from planner.why import why_week

    week = L.figures(s)["A1"].weeks
    first = next(w for w in week if w.start <= day(3) <= w.end)
    texts = [r.text for r in why_week(s, s.plan, "A1", day(3)).reasons if r.rule == "LD-1"]
    assert any(f"{first.load:.0f} AU" in t for t in texts), (first.load, texts)


def test_ld1_in_the_plan_check_and_the_acwr_flag_agree_on_days_lived_under_an_unrecorded_stage():
    """The same stale plan (A1's projected P2 -> P3 not recorded, today moved on, no re-plan):
    the figures priced the days just lived as P2 sessions and flagged week 5 above LD-1's limit,
    while the plan check priced them as P3 and listed no spike. The solver reads the recorded
    stage too; the check now agrees with both."""
    from planner.check import check_plan
    from planner.edits import SetRuleValue
    from tests.builders import injury

    s = season(weeks=8, athletes=2, injuries=(injury("A1", "P2", start_day=-10),), today=day(10))
    s = SetRuleValue(rule="LD-1", param="acwr_max", value=1.1).apply(s)
    tl = Timeline(s)
    fit_days = tuple(70 if tl.is_training[i] else 0 for i in range(tl.n))
    a1 = AthletePlan(athlete="A1", stages=("P2",) * 3 + ("P3",) * 25 + ("FIT",) * (tl.n - 28),
                     intensity=(0,) * 28 + fit_days[28:], weeks=("load",) * len(tl.weeks))
    a2 = AthletePlan(athlete="A2", stages=("FIT",) * tl.n, intensity=fit_days,
                     weeks=("load",) * len(tl.weeks))
    s = s.model_copy(update={"plan": Plan(status="feasible", team_weeks=("load",) * len(tl.weeks),
                                          athletes=(a1, a2))})
    flagged = {w.start for w in L.figures(s)["A1"].weeks if any(f.startswith("ACWR >") for f in w.flags)}
    listed = {v.start for v in check_plan(s, s.plan).soft
              if v.rule == "LD-1" and v.athlete == "A1"}
    assert flagged == {day(28)}  # the case: only the unrecorded stage's days make it a spike
    assert listed == flagged


def test_flag_lines_grouped_say_a_sentence_the_squad_shares_once():
    """After a deload week 'advance' printed "load +31 %" about 30 times, once per player: with
    ``group`` a sentence three athletes or more share is one line, naming them up to five."""
    s = _demo_today_after_a_deload()
    plain = L.flag_lines(s)
    lines = L.flag_lines(s, group=True)
    shared: dict[str, list[str]] = {}
    for line in plain:
        label, _, rest = line.partition("): ")
        shared.setdefault(rest, []).append(label)
    big = {rest: who for rest, who in shared.items() if len(who) >= L.GROUP_FROM}
    assert big and len(lines) < len(plain)  # the week after a deload: the squad shares its rise
    for rest, who in shared.items():
        said = [x for x in lines if x.endswith(": " + rest)]
        if rest in big:
            assert len(said) == 1 and said[0].startswith(f"{len(who)} athletes"), said
            if len(who) > L.NAME_UP_TO:  # named on the line below
                names = lines[lines.index(said[0]) + 1]
                assert names.startswith("    ") and names.count(", ") == len(who) - 1
        else:
            assert len(said) == len(who)


def test_a_spike_just_above_the_limit_does_not_read_as_the_limit():
    """Week 5 at 1,785 AU after four weeks of 1,560 is 1.144 times the chronic load: with the
    limit at 1.14 the plan check said "1.14 times …; the most is 1.14 times"."""
    from planner.check import check_plan
    from tests.planner.test_shared_readings import _spike_season

    s, plan, _ = _spike_season(acwr_max=1.14)
    spikes = [v.message for v in check_plan(s, plan, rules_in_objective={"LD-1"}).soft
              if v.rule == "LD-1"]
    assert len(spikes) == 1, spikes
    assert "is 1785 AU" in spikes[0]
    assert "1.144 times the chronic load of 1560 AU" in spikes[0], spikes[0]
    assert "the most is 1.14 times" in spikes[0]


def test_the_week_of_today_says_what_it_counts_for_the_days_to_come():
    """The week of today counts its days to come at their planned load; a session logged for a
    later day waits there too (it is not "a day not logged")."""
    s = _season(pre_season=False)
    w = next(x for x in L.figures(s)["A1"].weeks if x.start <= day(42) <= x.end)
    daily = L.figures(s)["A1"].daily["load"]
    assert w.to_come == pytest.approx(float(daily[str(day(42)):str(w.end)].sum()))
    assert w.to_come > 0 and w.load - (w.logged or 0) >= w.to_come
    later = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A1", date=w.end, minutes=200, rpe=9),)})
    v = next(x for x in L.figures(later)["A1"].weeks if x.start == w.start)
    assert v.to_come == w.to_come and v.load == w.load  # waits: counted as planned, not logged
    past = [x for x in L.figures(s)["A1"].weeks if x.end < day(42)]
    assert all(x.to_come == 0 for x in past)


def test_a_past_week_with_nothing_logged_is_not_called_logged_in_the_flag_list():
    """The team's flag list of a week before today read "(logged)" in a season with no session
    logged at all (the figures are the plan's)."""
    from planner.load import figures, week_flag_lines
    from planner.seasonfile import load_season
    from templates import path as template_path
    from tests.ui.test_load import planned

    season = planned(load_season(template_path("demo.season.json")))
    assert not season.sessions
    later = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": season.calendar.start + dt.timedelta(days=70)})})
    figs = figures(later)
    day = next(w.start for f in figs.values() for w in f.weeks
               if w.flags and w.end < later.calendar.today and w.start >= later.calendar.start)
    lines = [x for x, _, _ in week_flag_lines(later, figs, day)]
    assert lines and all("(logged)" not in x for x in lines), lines
    assert all("(planned)" in x for x in lines)


def _logged_as(factors: dict[str, float]):
    """``_season``'s plan with no log but the week before today (days 35-41), each athlete's
    planned sessions logged at ``factors[athlete]`` times their planned load."""
    s = _season()
    s = s.model_copy(update={"sessions": ()})
    figs = L.figures(s)
    sessions = []
    for aid, factor in factors.items():
        planned = figs[aid].daily["planned"]
        for i in range(35, 42):
            au = float(planned[pd.Timestamp(day(i))])
            if au > 0:
                sessions.append(Session(athlete=aid, date=day(i), minutes=au * factor / 10, rpe=10))
    return s.model_copy(update={"sessions": tuple(sessions)})


def test_logged_off_the_plan_comes_first_the_farthest_off_first():
    """A week logged at 2.5 times its plan was line 11 of 14 flags, among the plan's own (the
    rebound after a deload, monotony): the athletes whose logged week differs from the planned
    one by more than 20 % come first, the farthest off first; one logged as planned is not
    named."""
    s = _logged_as({"A1": 1.0, "A2": 1.3, "A3": 2.5})
    figs = L.figures(s)
    off = L.off_plan_lines(s, figs)
    assert [aid for _x, aid, _d in off] == ["A3", "A2"]  # not the board's order: how far off
    w = next(w for w in figs["A3"].weeks if w.start == day(35))
    assert off[0][0] == (f"Athlete 3 (A3): week of 8 Feb 2027: logged {text.number(round(w.load))} "
                         f"AU, planned {text.number(round(w.planned))} AU (+150 % on the plan).")
    assert off[0][2] == day(35)
    lines = L.flag_lines(s, group=True)
    assert lines[0] == L.off_plan_heading() and "20 %" in lines[0]
    assert lines[1].startswith("  Athlete 3 (A3)") and lines[2].startswith("  Athlete 2 (A2)")
    assert not any(x.startswith("  Athlete 1 (A1)") for x in lines)
    # within 20 % is as planned; nothing logged at all is no deviation (the stale-log line says it)
    s = _logged_as({"A1": 1.15, "A2": 0.85})
    assert L.off_plan_lines(s, L.figures(s)) == []


def test_a_week_part_logged_says_its_days_not_logged_count_as_planned():
    s = _logged_as({"A2": 3.0})
    first = min(x.date for x in s.sessions)
    s = s.model_copy(update={"sessions": tuple(x for x in s.sessions if x.date != first)})
    (line, aid, start), = L.off_plan_lines(s, L.figures(s))
    # "logged" is the Logged column (the sessions' sum), "counted" the week's load: "logged 2,935
    # AU" was of 2,635 logged and a day not logged at its planned 300
    w = next(w for w in L.figures(s)["A2"].weeks if w.start == start)
    done = sum(x.load for x in s.sessions if x.athlete == "A2" and w.start <= x.date <= w.end)
    assert aid == "A2" and round(w.logged) == round(done) and w.load - w.logged > 0.5
    assert (f": logged {text.number(round(done))} AU · counted {text.number(round(w.load))} AU "
            f"(+ {text.number(round(w.load - done))} AU planned on days not logged), planned ") in line


def test_flags_of_one_kind_stand_together_what_happened_first_in_the_boards_order():
    """The flags came in no useful order (each athlete's in turn): now what happened (the logged
    ratio, last week) before the plan (this week), the weightier kinds first and one kind
    together, the athletes in the board's order within a kind."""
    from planner.squad import display_order
    s = _demo_today_after_a_deload()
    figs = L.figures(s)
    lines = L.now_lines(s, figs)
    assert sorted(x for x, _a, _d in lines) == sorted(x for f in figs.values() for x in f.flags)
    rank = {(x, aid): r for aid, f in figs.items() for x, r in zip(f.flags, f.flag_ranks, strict=True)}
    keys = [rank[x, aid] for x, aid, _d in lines]
    assert len(set(keys)) > 1 and keys == sorted(keys)
    board = [a.id for a in display_order(s)]
    for k in set(keys):
        who = [aid for (x, aid, _d), r in zip(lines, keys, strict=True) if r == k]
        assert who == [a for a in board if a in who]
    planned = [n for n, (x, _a, _d) in enumerate(lines) if "planned)" in x]
    assert planned and max(n for n in range(len(lines)) if n not in planned) < min(planned)
    # another week's list (the app's team chart): one kind together too
    day0 = s.calendar.today
    other = L.week_flag_lines(s, figs, day0)
    kinds = [next(w.kinds for w in figs[aid].weeks if w.start == d) for _x, aid, d in other]
    assert len(set(kinds)) > 1 and kinds == sorted(kinds)


def test_a_flag_s_kind_puts_a_spike_before_monotony_whatever_its_words():
    """Flags were ranked by the start of their own sentences: a flag reworded fell to last.
    Each now carries its kind."""
    assert L.week_flag_kinds(None, 2.01, None, above=1.3) == (
        (L.ACWR, "ACWR > 1.3"), (L.MONOTONOUS, "monotony > 2.0"))
    assert L.ACWR == 0 and L.NOT_KEPT == 1 and L.MONOTONOUS == 5
    assert [k for k, _w in L.week_flag_kinds(0.79, 2.01, 0.22)] == [L.RATIO_DOWN, L.MONOTONOUS, L.LOAD_UP]
    assert L.LOAD_UP < L.RATIO_DOWN < L.MONOTONOUS and L.RATIO_UP < L.LOAD_UP
    assert L.week_flag_kinds(None, None, None, above=1.3, no_chronic=True) == ((L.ACWR, L.AFTER_NONE),)
    assert L.week_flag_kinds(None, None, None, from_zero=True) == ((L.LOAD_UP, L.FROM_ZERO),)
    [w] = [w for w in L.figures(_season())["A1"].weeks if w.start == day(35)]  # Mon 8 Feb 2027
    assert w.flags == ("ACWR > 1.3", "deload not kept: logged +163 % on plan", "load +41 %")
    assert w.kinds == (L.ACWR, L.NOT_KEPT, L.LOAD_UP)


def _demo_today_after_a_deload():
    """The solved demo season with today on the first day of a load week after a deload."""
    from tests.exports.demo import solved_demo

    s = solved_demo()
    tl = Timeline(s)
    after = next(w for w in tl.weeks[4:] if s.plan.team_weeks[w.index - 1] == "deload"
                 and s.plan.team_weeks[w.index] == "load")
    return s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": tl.days[after.first]})})


# -- athletes not with the squad (docs/semantics.md, "Not with the squad") ------------------------
def _with_newcomer(logged_before: bool = False):
    """_season over 16 weeks with a fourth athlete, A4, "not in the squad yet" until he joins on
    day 63 (week 10), two identical logged weeks since (today day 77); ``logged_before``: he also
    logged four weeks of sessions at his old club, days 35-62."""
    from planner.season import Athlete, Unavailability
    from planner.squad import JOINED_REASON

    s = _season(weeks=16, today=77)
    a1 = s.plan.athletes[0]
    athletes = s.athletes + (Athlete(id="A4", name="Athlete 4", position="Midfielder"),)
    away = (Unavailability(athlete="A4", start=day(0), end=day(62), reason=JOINED_REASON),)
    # a fit team plan for him from his first day: A1's, nothing before he joined
    it = tuple(0 if i < 63 else x for i, x in enumerate(a1.intensity))
    plan = s.plan.model_copy(update={"athletes": s.plan.athletes + (
        a1.model_copy(update={"athlete": "A4", "intensity": it}),)})
    minutes = (45, 90, 45, 90, 45, 90)  # a week of six sessions, not a monotonous one
    first = 35 if logged_before else 63
    logs = tuple(Session(athlete="A4", date=day(i), minutes=minutes[i % 7], rpe=5)
                 for i in range(first, 77) if i % 7 != 6)
    return s.model_copy(update={"athletes": athletes, "unavailability": away, "plan": plan,
                                "sessions": s.sessions + logs})


def test_a_newcomers_weeks_before_he_joined_are_unknown_not_rest():
    s = _with_newcomer()
    weeks = {w.start: w for w in L.figures(s)["A4"].weeks}
    before = [w for w in weeks.values() if w.end < day(63)]
    assert before and all(w.away and w.shown_load is None and w.planned is None and not w.flags
                          and w.notes == (L.NOT_WITH_SQUAD,) for w in before)
    first, second = weeks[day(63)], weeks[day(70)]
    assert first.logged == second.logged == first.load == second.load > 0
    for w in (first, second):  # no chronic load, no ratio, no spike from an absence
        assert w.chronic is None and w.acwr is None and w.ewma_ratio is None
        assert w.flags == (), w.flags
    for k in range(2, 4):  # nor in the planned weeks before he has four with the squad
        w = weeks[day(63 + 7 * k)]
        assert w.acwr is None
        assert not any(x.startswith(("ACWR", "EWMA", L.AFTER_NONE, L.FROM_ZERO)) for x in w.flags)
    # from week 14 his chronic load is that of his four weeks with the squad
    w14 = weeks[day(91)]
    four = [weeks[day(63 + 7 * k)].load for k in range(4)]
    assert w14.chronic == pytest.approx(sum(four) / 4) and w14.acwr is not None
    # the EWMA is seeded with his first day with the squad: its ratio exists from his 28th
    daily = L.figures(s)["A4"].daily
    assert daily["ewma_acute"][str(day(63))] == daily["load"][str(day(63))]
    assert math.isnan(daily["ewma_ratio"][str(day(89))])
    assert not math.isnan(daily["ewma_ratio"][str(day(90))])
    assert not [x for x in L.flag_lines(s)
                if "(A4)" in x and ("ACWR" in x or "EWMA ratio >" in x or L.AFTER_NONE in x)]


def test_a_newcomers_sessions_logged_before_he_joined_count():
    s = _with_newcomer(logged_before=True)
    weeks = {w.start: w for w in L.figures(s)["A4"].weeks}
    assert all(not weeks[day(35 + 7 * k)].away for k in range(4))
    w = weeks[day(63)]
    assert w.chronic == pytest.approx(sum(weeks[day(35 + 7 * k)].load for k in range(4)) / 4)
    assert w.acwr == pytest.approx(1.0)
    assert weeks[day(28)].away  # before his log: still not known


def test_a_signing_who_joined_on_thursday_and_logged_thursday_and_friday_is_no_spike():
    """Sessions logged on his days with the squad make his days before, in that week, nothing
    known: the week stays not full, so the four weeks that count it in their chronic load have no
    ACWR and no LD-1 (read as rest, Monday to Wednesday made the fourth of them a spike)."""
    from planner.check import check_plan
    from planner.loadtable import athlete_load
    from planner.season import Unavailability
    from planner.squad import JOINED_REASON

    s = _with_newcomer()
    joined = 66  # Thursday of week 10 (day 63 a Monday)
    away = (Unavailability(athlete="A4", start=day(0), end=day(joined - 1), reason=JOINED_REASON),)
    plan = s.plan.model_copy(update={"athletes": s.plan.athletes[:3] + (s.plan.athletes[3].model_copy(
        update={"intensity": tuple(0 if i < joined else x
                                   for i, x in enumerate(s.plan.athletes[3].intensity))}),)})
    logs = tuple(Session(athlete="A4", date=day(i), minutes=45, rpe=4) for i in (joined, joined + 1))
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"today": day(70)}), "unavailability": away,
        "plan": plan, "sessions": tuple(x for x in s.sessions if x.athlete != "A4") + logs})
    al = athlete_load(s, s.plan, "A4")
    weeks = {w.start: w for w in al.weeks}
    assert weeks[day(63)].logged > 0 and not weeks[day(63)].counted
    for k in range(1, 5):  # the weeks whose four weeks before hold his joining week
        assert weeks[day(63 + 7 * k)].chronic is None, k
        assert L.figures(s)["A4"].weeks[9 + k].acwr is None
    assert weeks[day(98)].chronic == sum(weeks[day(63 + 7 * k)].load for k in range(1, 5)) / 4
    assert not [v for v in check_plan(s, s.plan).soft if v.rule == "LD-1" and v.athlete == "A4"]
    # read as rest (away for another reason), the same week made the weeks after it spikes
    ill = s.model_copy(update={"unavailability": (away[0].model_copy(update={"reason": "Illness"}),)})
    assert [v for v in check_plan(ill, ill.plan).soft if v.rule == "LD-1" and v.athlete == "A4"]


def test_a_squads_mean_of_a_week_before_a_signing_joined_is_the_same_once_he_is_added():
    from planner.xlsx_load import squad_weeks

    s = _with_newcomer()
    before = s.model_copy(update={
        "athletes": s.athletes[:3], "unavailability": (),
        "plan": s.plan.model_copy(update={"athletes": s.plan.athletes[:3]}),
        "sessions": tuple(x for x in s.sessions if x.athlete != "A4")})
    starts = [day(7 * k) for k in range(16)]
    was, now = squad_weeks(L.figures(before), starts), squad_weeks(L.figures(s), starts)
    assert was[:9] == now[:9]  # the weeks before he joined
    assert was[2][1] > 0
    # a week with him: he is one of the squad (he logged it: of the logged mean; his plan is
    # A1's, so the planned mean over those who logged is A1's either way)
    assert was[10][2] != now[10][2] and was[11][1] != now[11][1]


def test_a_newcomers_weeks_before_he_joined_read_blank_on_his_own_rows():
    from planner.xlsx_load import week_line
    from ui.cli.load import csv_text, table

    f = L.figures(_with_newcomer())["A4"]
    row = next(x for x in table(f).splitlines() if x.startswith(day(14).isoformat()))
    assert row.split()[2:6] == ["—", "—", "—", "—"] and row.endswith(L.NOT_WITH_SQUAD), row
    joined = next(x for x in table(f).splitlines() if x.startswith(day(63).isoformat()))
    assert L.NOT_WITH_SQUAD not in joined and joined.split()[4] != "—"
    line = next(x for x in csv_text({"A4": f}).splitlines() if f",{day(14).isoformat()}," in x)
    assert line.split(",")[6:9] == ["", "", ""]  # planned, logged, load
    assert week_line(f, day(14), "—") == f"Planned load: —; {L.NOT_WITH_SQUAD}."


def test_weeks_an_athlete_is_wholly_away_raise_no_flag_the_week_back_keeps_its_own():
    """A3 on loan from day 14 to day 48 (five whole weeks): the EWMA ratio falls below 0.8 but no
    week of the loan is flagged, nor is he in the flags of now; the week he is back is."""
    from planner.season import Unavailability

    s = _season(weeks=10, today=42)
    s = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A3", start=day(14), end=day(48), reason="Loan"),)})
    weeks = {w.start: w for w in L.figures(s)["A3"].weeks}
    away = [weeks[day(7 * k)] for k in range(2, 7)]
    assert all(w.load == 0 and w.flags == () for w in away)
    assert any(w.ewma_ratio is not None and w.ewma_ratio < L.RATIO_LOW for w in away)
    assert weeks[day(49)].flags and L.FROM_ZERO in weeks[day(49)].flags
    assert not [x for x in L.flag_lines(s) if "(A3)" in x or "Athlete 3" in x]
    # away only part of a week: that week keeps its flags
    part = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A3", start=day(14), end=day(47), reason="Loan"),)})
    assert f"EWMA ratio < {L.RATIO_LOW:g}" in L.figures(part)["A3"].weeks[6].flags


def test_an_athlete_away_all_the_last_7_days_has_no_logged_ratio_sentence():
    from planner.season import Unavailability

    s = _season(weeks=10, today=42)
    s = s.model_copy(update={"sessions": tuple(x for x in s.sessions if x.athlete != "A1"
                                               or x.date < day(28))})
    assert [x for x in L.flag_lines(s) if x.startswith("Athlete 1 (A1): no session logged")]
    away = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=day(28), end=day(48), reason="Loan"),)})
    assert not [x for x in L.flag_lines(away) if x.startswith("Athlete 1 (A1)")]


def test_a_deload_is_compared_with_load_weeks_the_athlete_trained_not_one_he_was_away():
    """A2 is away all the load week after a deload (0 AU): averaged in, a planned deload 40 %
    lighter than the week before read "20 % above the load weeks around it" on his handout. The
    week away is skipped for the next load week he trained; A1, never away, keeps his neighbours."""
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Unavailability
    from planner.why import why_week

    away = Unavailability(athlete="A2", start=day(21), end=day(27), reason="Away week")
    s, plan = _deload_in_week_3(away)
    a2, a1 = athlete_load(s, plan, "A2"), athlete_load(s, plan, "A1")
    assert a2.weeks[3].load == 0 and a2.weeks[3].away_all_week and a2.weeks[3].kind == "load"
    deload = a2.weeks[2]
    lt = lighter_than_around(a2, deload)
    mean = (a2.weeks[1].load + a2.weeks[4].load) / 2  # the week away skipped for the next one
    assert lt is not None and lt.both and lt.around == mean
    assert lt.change == round(100 * (deload.load / mean - 1)) < -30
    said = next(r.text for r in why_week(s, plan, "A2", deload.start).reasons
                if r.text.startswith("This week's load"))
    assert f"{abs(lt.change)} % below the load weeks around it ({mean:.0f} AU)" in said
    assert lighter_than_around(a1, a1.weeks[2]).around == (a1.weeks[1].load + a1.weeks[3].load) / 2


def _deload_in_week_3(away):
    """Two athletes, six weeks of 70 % training days, the team's deload in week 3, and A2's
    ``away`` (an Unavailability): (season with the plan stored, plan)."""
    s = season(weeks=6, athletes=2, matches=[], unavailable=(away,))
    tl = Timeline(s)
    kinds = ("load", "load", "deload", "load", "load", "load")
    it = tuple(70 if tl.is_training[i] else 0 for i in range(tl.n))
    plan = Plan(status="manual", team_weeks=kinds, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, intensity=it, weeks=kinds)
        for a in s.athletes))
    return s.model_copy(update={"plan": plan}), plan


def test_a_load_week_with_a_day_away_is_no_load_week_around_a_deload():
    """A2 is ill Monday to Friday of the load week before a deload and trains on the Saturday:
    averaged in, its few hundred AU made a deload 40 % lighter than his training weeks read
    "above the load weeks around it". Any day away skips the week (one day, here the Monday,
    too); A1, with the squad every day, keeps the week before as his neighbour."""
    from planner.loadtable import athlete_load, lighter_than_around
    from planner.season import Unavailability

    def around(first: int, last: int):
        ill = Unavailability(athlete="A2", start=day(first), end=day(last), reason="Illness")
        s, plan = _deload_in_week_3(ill)
        return athlete_load(s, plan, "A2"), athlete_load(s, plan, "A1")

    for first, last in ((7, 11), (7, 7)):  # Monday to Friday of week 2; its Monday alone
        a2, a1 = around(first, last)
        ill, deload = a2.weeks[1], a2.weeks[2]
        assert ill.kind == "load" and ill.counted and ill.absent == last - first + 1
        assert 0 < ill.load < a2.weeks[0].load and not ill.away_all_week
        lt = lighter_than_around(a2, deload)
        assert lt.around == (a2.weeks[0].load + a2.weeks[3].load) / 2  # the week ill skipped
        assert lt.change == round(100 * (deload.load / lt.around - 1)) < -30
        # never away: the week before is his
        assert lighter_than_around(a1, a1.weeks[2]).around == (a1.weeks[1].load
                                                                + a1.weeks[3].load) / 2


def test_the_csv_writes_ratios_with_the_decimal_that_explains_a_flag():
    """`load --csv` wrote a flagged ACWR 1.304 and an unflagged 1.298 alike as "1.30" (and monotony
    2.003 flagged "monotony > 2.0" as "2.00"): a filter `acwr > 1.3` on the CSV disagreed with its
    own flags column. Ratios and monotony have 3 decimals, more where 3 still round onto a
    threshold."""
    import csv
    import dataclasses

    from ui.cli.load import csv_text

    f = L.figures(_season())["A1"]
    w = next(w for w in f.weeks if w.acwr is not None and w.monotony is not None)
    cases = [(1.304, 2.003, 0.804, 1.25), (1.298, 1.999, 1.4996, 1.0), (1.3004, 2.0, 0.8, None)]
    weeks = tuple(dataclasses.replace(w, start=w.start + dt.timedelta(days=7 * k), acwr=a,
                                      monotony=m, ewma_ratio=e, rolling_ratio=r)
                  for k, (a, m, e, r) in enumerate(cases))
    rows = list(csv.DictReader(csv_text({"A1": dataclasses.replace(f, weeks=weeks)}).splitlines()))
    got = [(x["acwr"], x["monotony"], x["ewma_ratio"], x["rolling_ratio"]) for x in rows]
    assert got == [("1.304", "2.003", "0.804", "1.250"), ("1.298", "1.999", "1.4996", "1.000"),
                   ("1.3004", "2.000", "0.800", "")]
    assert [float(x["acwr"]) > 1.3 for x in rows] == [True, False, True]


def test_the_tables_ratios_have_two_decimals_unless_a_flag_needs_more_and_stay_aligned():
    """`load --athlete A09` printed an unflagged EWMA ratio as "0.805" among 2-decimal values, and
    its column shifted by a character on that row. An unflagged figure reads 2 decimals ("0.80" is
    not below 0.8, "1.30" not above 1.3); only a flagged one that 2 decimals would show as its
    threshold keeps a third ("1.304" beside "ACWR > 1.3", "0.799" beside "EWMA ratio < 0.8"),
    its decimal point under the column's others."""
    import dataclasses

    from ui.cli.load import table

    f = L.figures(_season())["A1"]
    w = next(w for w in f.weeks if w.acwr is not None and w.monotony is not None)
    cases = [(1.25, 0.8049, 1.5, ()), (1.304, 1.1, 1.5, ("ACWR > 1.3",)),
             (1.296, 0.7986, 1.5, ("EWMA ratio < 0.8",)), (1.0, 1.0, 2.003, ("monotony > 2.0",)),
             (1.0, 1.0, 1.9996, ())]
    weeks = tuple(dataclasses.replace(w, start=w.start + dt.timedelta(days=7 * k), acwr=a,
                                      ewma_ratio=e, monotony=m, flags=fl, kinds=(), change=None)
                  for k, (a, e, m, fl) in enumerate(cases))
    lines = table(dataclasses.replace(f, weeks=weeks)).splitlines()[2:]
    # week, kind, planned, logged, load, change ("—"), then the ACWR, EWMA ratio and monotony
    cells = [list(re.finditer(r"\S+", line))[6:9] for line in lines]
    assert [[c.group() for c in row] for row in cells] == [
        ["1.25", "0.80", "1.50"], ["1.304", "1.10", "1.50"], ["1.30", "0.799", "1.50"],
        ["1.00", "1.00", "2.003"], ["1.00", "1.00", "2.00"]], lines
    for k in range(3):  # each figure's decimal point in the same place on every row
        assert len({row[k].start() + row[k].group().index(".") for row in cells}) == 1, lines


def _tapered(kind: str = "taper"):
    """Four fit athletes, five load weeks then a ``kind`` week (week 6, from Mon 8 Feb 2027)
    logged at a third of the volume; today Mon 15 Feb. A4 logged a hard taper week instead."""
    s = season(weeks=8, athletes=4, today=day(42))
    tl = Timeline(s)
    kinds = ("load",) * 5 + (kind,) + ("load",) * (len(tl.weeks) - 6)
    it = tuple(70 if tl.is_training[i] else 0 for i in range(tl.n))
    aps = tuple(AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, intensity=it, weeks=kinds)
                for a in s.athletes)
    sessions = [Session(athlete=a.id, date=day(i), minutes=90 if i < 35 or a.id == "A4" else 30,
                        rpe=6 if i < 35 else 8 if a.id == "A4" else 4)
                for a in s.athletes for i in range(-14, 42) if i % 7 not in (5, 6)]
    return s.model_copy(update={"plan": Plan(status="manual", team_weeks=kinds, athletes=aps),
                                "sessions": tuple(sessions)})


def test_a_ratio_below_0_8_in_a_planned_taper_is_one_line_after_the_real_flags():
    """At the season's end the Load panel's Team list read 46 flags, mostly "the logged EWMA
    acute:chronic ratio is 0.6x …, below 0.8" in the taper the plan gave: the intended effect.
    They are one line per week, after the other flags; each athlete's flag itself is kept (his
    figures, the command line), and a load week's low ratio stays a flag of its own."""
    s = _tapered()
    figs = L.figures(s)
    lines = L.now_lines(s, figs)
    # the logged ratio's sentence and the week's own "EWMA ratio < 0.8" alone: two flags each
    low = [(x, aid) for x, aid, _d in lines if "below 0.8" in x or x.endswith("(last week): EWMA ratio < 0.8.")]
    assert sorted(aid for _x, aid in low) == ["A1", "A1", "A2", "A2", "A3", "A3"]  # not A4
    listed = L.grouped_planned_apart(s, figs, lines)
    said = "week of 8 Feb 2027 (taper, as planned): 3 athletes below 0.8 (Athlete 1, Athlete 2, Athlete 3)"
    assert listed[-1][0] == said and listed[-1][4] == len(low)
    assert not any(x in line[0] for line in listed[:-1] for x, _aid in low)
    assert sum(x[4] for x in listed) == sum(x[4] for x in L.grouped(s, lines))  # every flag counted
    assert all(any(x in line for line in L.flag_lines(s)) for x, _aid in low)  # the CLI keeps each
    from ui.desktop.loadpanel import grouped_flags

    assert grouped_flags(s, lines, figs)[-1][0] == said
    # a player in rehab that week: his week's kind is his rehab's (deload or load), not the
    # team's; "week of … (deload, as planned)" named Mateo Silva, in rehab there: his own line
    s = _tapered("deload")
    row = s.plan.for_athlete("A1")
    rehab = tuple("P2" if 35 <= i < 42 else st for i, st in enumerate(row.stages))
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": (
        row.model_copy(update={"stages": rehab}), *s.plan.athletes[1:])})})
    figs = L.figures(s)
    listed = L.grouped_planned_apart(s, figs, L.now_lines(s, figs))
    assert listed[-1][0] == ("week of 8 Feb 2027 (deload, as planned): 2 athletes below 0.8 "
                             "(Athlete 2, Athlete 3)")
    assert any(x[0].startswith("Athlete 1 (A1): ") and "below 0.8" in x[0] for x in listed[:-1])
    # the same injury recorded since the plan was made (the plan still has him fit): the
    # records say rehab, so their own line too
    from tests.builders import injury

    s = _tapered("deload")
    s = s.model_copy(update={"injuries": (injury("A1", "P2", start_day=35, onset_day=34),)})
    figs = L.figures(s)
    listed = L.grouped_planned_apart(s, figs, L.now_lines(s, figs))
    assert listed[-1][0] == ("week of 8 Feb 2027 (deload, as planned): 2 athletes below 0.8 "
                             "(Athlete 2, Athlete 3)")
    # the same low ratio after a load week is news: a flag of its own
    s = _tapered("load")
    figs = L.figures(s)
    lines = L.now_lines(s, figs)
    listed = L.grouped_planned_apart(s, figs, lines)
    assert not any("as planned" in x[0] for x in listed)
    assert listed == L.grouped(s, lines)


def _a3_logged(factors: dict[int, float]):
    """``_season`` with A3's week 1 a taper (weeks 2 and 5 are deloads) and A3's planned
    sessions of season week ``k`` (days 7k to 7k + 6) logged at ``factors[k]`` times their
    planned load; with the sessions A3 logged."""
    s = _season()
    aps = tuple(ap.model_copy(update={"weeks": (ap.weeks[0], "taper") + ap.weeks[2:]})
                if ap.athlete == "A3" else ap for ap in s.plan.athletes)
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": aps})})
    mine = []
    for k, factor in factors.items():
        for i in range(7 * k, 7 * k + 7):
            au = _planned_day(s, "A3", i)
            if au > 0:  # a short session at a low RPE: minutes a log takes (5 and more)
                rpe = 10 if au * factor >= 200 else 2
                mine.append(Session(athlete="A3", date=day(i), minutes=au * factor / rpe, rpe=rpe))
    return s.model_copy(update={"sessions": s.sessions + tuple(mine)}), mine


def _off_pct(s, sessions, k: int) -> int:
    """Season week ``k`` of A3: (logged - planned) / planned in whole percent, from the sessions
    and the load table's planned days."""
    planned = sum(_planned_day(s, "A3", i) for i in range(7 * k, 7 * k + 7))
    logged = sum(x.minutes * x.rpe for x in sessions if 7 * k <= (x.date - day(0)).days < 7 * k + 7)
    return round(100 * (logged - planned) / planned)


def test_a_deload_or_taper_logged_far_above_its_plan_is_flagged_when_past():
    """A deload logged at +79 % was flagged nowhere once it was no longer last week (its change
    on the week before read +7 %): a past deload or taper with sessions logged more than 20 %
    above its plan carries "deload not kept"; one logged below its plan, a load week above it
    and a planned week do not."""
    s, mine = _a3_logged({0: 1.0, 1: 1.5, 2: 1.8, 3: 1.0, 4: 1.6, 5: 0.55})
    figs = L.figures(s)
    weeks = {w.start: w for w in figs["A3"].weeks}
    taper, deload = _off_pct(s, mine, 1), _off_pct(s, mine, 2)
    assert taper >= 45 and deload >= 75  # as logged, worked from the sessions
    assert weeks[day(7)].kind == "taper" and weeks[day(14)].kind == "deload"
    assert f"taper not kept: logged +{taper} % on plan" in weeks[day(7)].flags
    assert f"deload not kept: logged +{deload} % on plan" in weeks[day(14)].flags
    assert L.NOT_KEPT in weeks[day(14)].kinds and L.NOT_KEPT not in weeks[day(28)].kinds  # a load week
    assert weeks[day(35)].kind == "deload" and _off_pct(s, mine, 5) < -20
    assert L.NOT_KEPT not in weeks[day(35)].kinds  # below its plan: kept, and more
    assert not [w for w in weeks.values() if w.end >= day(42) and L.NOT_KEPT in w.kinds]
    # it reaches the table's flags column and the team's list of that week, tagged logged
    assert f"deload not kept: logged +{deload} % on plan" in "; ".join(weeks[day(14)].notes)
    [line] = [x for x, aid, _d in L.week_flag_lines(s, figs, day(16)) if aid == "A3"]
    assert line.startswith("Athlete 3 (A3): week of 18 Jan 2027 (logged): ") and "deload not kept" in line


def test_a_log_of_several_weeks_lists_each_week_off_the_plan():
    """'advance --log' over five weeks named the last week alone: each week the sessions just
    imported fall in is compared, the athlete's farthest off first, three in full and the
    others counted; the heading says what it lists. Athletes not in the import are not named."""
    s, mine = _a3_logged({0: 1.0, 1: 1.5, 2: 1.8, 3: 1.0, 4: 1.6, 5: 0.55})
    figs = L.figures(s)
    off = {k: _off_pct(s, mine, k) for k in range(6)}
    lines = L.off_plan_lines(s, figs, logged=mine)
    assert [aid for _x, aid, _d in lines] == ["A3"] * 4
    assert [d for _x, _a, d in lines] == [day(14), day(28), day(7), day(35)]  # farthest first
    assert lines[0][0].startswith("Athlete 3 (A3): week of 18 Jan 2027: logged ")
    assert lines[0][0].endswith(f" (+{off[2]} % on the plan).")
    assert lines[3][0] == f"Athlete 3 (A3): and 1 more week off the plan: week of 8 Feb ({off[5]} %)."
    out = L.flag_lines(s, group=True, logged=mine)
    assert out[0] == ("Logged differs from the plan by more than 20 % in the 6 weeks just logged, "
                      "each athlete's farthest off first:")
    assert out[1:5] == [f"  {x}" for x, _a, _d in lines] and not out[5].startswith("  ")
    # without an import, or with one of last week alone: last week's, as before
    assert L.off_plan_heading() in L.flag_lines(s, group=True)
    last = [x for x in mine if x.date >= day(35)]
    assert L.flag_lines(s, group=True, logged=last)[0] == L.off_plan_heading()


def test_a_mid_week_import_compares_and_counts_the_complete_weeks_only():
    """The weekly import done on Wed 17 Feb (last week and this Monday and Tuesday) was headed
    "in the 2 weeks just logged", though the week of today, not complete, is never compared;
    and "last week" was the week of today on any day but a Monday, so an import of last week
    alone was headed "in the week of 8 Feb 2027 just logged". Both now read "(last week's load)";
    an import of two complete weeks still counts them."""
    s, mine = _a3_logged({k: 1.0 for k in range(7)} | {5: 1.6})
    wed = day(44)
    assert wed.strftime("%a") == "Wed"
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"today": wed}),
        "sessions": tuple(x for x in s.sessions if x.athlete != "A3" or x.date < wed)})
    figs = L.figures(s)
    assert L.last_week(figs, wed).start == day(35)
    this_week = [x for x in mine if day(35) <= x.date < wed]  # last week + Mon, Tue
    assert any(x.date >= day(42) for x in this_week)
    assert L.imported_weeks(s, figs, this_week) == {"A3": {day(35)}}
    for logged in (this_week, [x for x in this_week if x.date < day(42)]):
        out = L.flag_lines(s, logged=logged)
        assert out[0] == L.off_plan_heading(), out[0]
        assert out[1].startswith("  Athlete 3 (A3): week of 8 Feb 2027: logged ")
    two = [x for x in mine if day(28) <= x.date < wed]
    assert L.flag_lines(s, logged=two)[0] == (
        "Logged differs from the plan by more than 20 % in the 2 weeks just logged, "
        "each athlete's farthest off first:")


def test_a_week_not_logged_between_weeks_logged_says_so_and_a_change_against_it_too():
    """A week with nothing logged between logged weeks counts the plan's load (docs/load.md);
    the next week's "load +58 %" was tagged "(logged)" though it compared with the plan. The row
    now says "not logged", and the change flag that it is on a week not logged."""
    s, mine = _a3_logged({0: 1.0, 1: 1.0, 3: 2.5})  # nothing logged in week 2; none after week 3
    figs = L.figures(s)
    weeks = {w.start: w for w in figs["A3"].weeks}
    gap, after = weeks[day(14)], weeks[day(21)]
    planned = sum(_planned_day(s, "A3", i) for i in range(14, 21))
    logged = sum(x.minutes * x.rpe for x in mine if x.date >= day(21))
    pct = round(100 * (logged - planned) / planned)
    assert gap.logged is None and gap.load == pytest.approx(planned) and pct > 15
    assert gap.not_logged and gap.notes[0] == L.NOT_LOGGED == "not logged: counted as planned"
    assert f"load +{pct} % on a week not logged" in after.flags
    [line] = [x for x, aid, _d in L.week_flag_lines(s, figs, day(22)) if aid == "A3"]
    assert line.startswith("Athlete 3 (A3): week of 25 Jan 2027 (logged): ")
    assert f"load +{pct} % on a week not logged" in line
    # weeks after the last one logged, and weeks to come, are not "between weeks logged"
    assert [w.start for w in weeks.values() if w.not_logged] == [day(14)]
    assert not any(x.endswith("on a week not logged") for w in weeks.values() if w != after
                   for x in w.flags)
    # logged as in the weeks around it, the week reads as any logged week
    s, _mine = _a3_logged({0: 1.0, 1: 1.0, 2: 1.0, 3: 2.5})
    assert not any(w.not_logged for w in L.figures(s)["A3"].weeks)


@pytest.mark.parametrize("last, shown, verdict", [(1950, "1.304", "a spike, above"),
                                                  (1940, "1.298", "within")])
def test_the_why_of_a_week_by_ld1s_limit_shows_the_side_of_the_limit_it_is_on(last, shown, verdict):
    """The Inspector said of the Cup final's week "1950 AU, 1.30 times the chronic 1495 AU …:
    a spike, above the limit of 1.3 times": 1950 / 1495 is 1.304. The ratio is shown with the
    decimals it takes not to read as the limit (planner.load.fmt_figure, as the plan check and
    the Load flags show it), on either side of it."""
    from planner.why import why_week

    s = season(weeks=6, athletes=1, matches=[], today=day(35))
    tl = Timeline(s)
    kinds = ("load",) * len(tl.weeks)
    plan = Plan(status="manual", team_weeks=kinds, athletes=(AthletePlan(
        athlete="A1", stages=("FIT",) * tl.n, intensity=tuple(70 if tl.is_training[i] else 0
                                                              for i in range(tl.n)), weeks=kinds),))
    # every day of the five weeks logged: 1495 AU in each of the first four, ``last`` in the fifth
    sessions = tuple(Session(athlete="A1", date=day(i), minutes=0.0, rpe=0.0) if i % 7 else
                     Session(athlete="A1", date=day(i), minutes=(last if i >= 28 else 1495) / 10, rpe=10.0)
                     for i in range(35))
    s = s.model_copy(update={"plan": plan, "sessions": sessions})
    w = lived_load(s, plan, "A1").week_of(day(28))
    assert (w.load, w.chronic) == (last, 1495)
    assert round(w.load / w.chronic, 2) == 1.3  # the case: two decimals would read as the limit
    ld1 = [r.text for r in why_week(s, plan, "A1", day(28)).reasons if r.rule == "LD-1"]
    said = [t for t in ld1 if "times the chronic" in t]
    assert len(said) == 1, ld1
    assert f"{shown} times the chronic 1495 AU" in said[0], said[0]
    assert f"{verdict} the limit of 1.3 times" in said[0], said[0]


def test_seven_equal_days_are_flagged_for_monotony_with_no_figure():
    """rules-spec.md section 8: monotony is undefined when the deviation is 0, and flagged above
    2.0. A week of seven equal sessions, the most monotonous week there is, read monotony "—",
    strain "—" and no flag, while six equal days and a rest day read 2.27 and were flagged. Its
    monotony and strain stay undefined (never inf), and the flag says why: "monotony > 2.0
    (seven equal days)". Seven days at 0 AU are no training: no flag."""
    s = _season()
    flat, rest, idle = range(7, 14), range(14, 21), range(21, 28)
    keep = tuple(x for x in s.sessions if x.athlete != "A1" or (x.date - day(0)).days not in
                 (*flat, *rest, *idle))
    logs = [Session(athlete="A1", date=day(i), minutes=60.0, rpe=5.0) for i in flat]
    logs += [Session(athlete="A1", date=day(i), minutes=60.0, rpe=5.0) for i in rest if i != 20]
    logs += [Session(athlete="A1", date=day(i), minutes=0.0, rpe=0.0) for i in idle]
    s = s.model_copy(update={"sessions": keep + tuple(logs)})
    weeks = {w.start: w for w in L.figures(s)["A1"].weeks}
    seven, six, none = weeks[day(7)], weeks[day(14)], weeks[day(21)]
    assert seven.load == 2100 and seven.monotony is None and seven.strain is None
    assert f"monotony > 2.0 ({L.FLAT_WORDS})" in seven.flags and L.MONOTONOUS in seven.kinds
    assert six.monotony == pytest.approx(2.268, abs=1e-3) and "monotony > 2.0" in six.flags
    assert none.load == 0 and none.monotony is None
    assert not any(f.startswith("monotony") for f in none.flags)
    assert L.equal_days([300.0] * 7) and not L.equal_days([0.0] * 7)
    assert not L.equal_days([300.0] * 6 + [0.0]) and not L.equal_days([300.0] * 6)
    assert L.week_flags(None, None, None, flat=True) == ("monotony > 2.0 (seven equal days)",)
    assert L.week_flags(None, 2.27, None, flat=True) == ("monotony > 2.0",)  # a figure: as ever


def test_a_week_begun_before_the_season_compares_logged_and_planned_on_the_same_days():
    """The season starts mid-week: its first week's planned load counts the season's days only,
    its logged load the days before too (no plan there). A player who did exactly the plan read
    "logged 1,800 AU, planned 1,200 AU (+50 % on the plan)" after `periodize log`, and the Load
    sheet's squad chart set a logged bar 50 % above the planned one. Both now set the season's
    days against the plan; the table's row says what was logged before the season."""
    from planner.xlsx_load import squad_weeks, week_line

    s = _season(week_start="wed")  # the season from Monday, its weeks from Wednesday
    al = lived_load(s, s.plan, "A1")
    w0 = al.week_of(day(0))
    assert w0.start == day(-5) and not w0.start == s.calendar.start
    pre, ours = range(-5, 0), range(0, 2)
    keep = tuple(x for x in s.sessions if x.athlete != "A1" or not -5 <= (x.date - day(0)).days < 2)

    def logged(share: float):
        logs = [Session(athlete="A1", date=day(i), minutes=60.0, rpe=5.0) for i in pre]
        logs += [Session(athlete="A1", date=day(i), minutes=share * al.planned[al.index(day(i))] / 5,
                         rpe=5.0) for i in ours]
        got = s.model_copy(update={"sessions": keep + tuple(logs)})
        figs = L.figures(got)
        return got, figs, next(w for w in figs["A1"].weeks if w.start == day(-5))

    got, figs, w = logged(1.0)  # exactly as planned on the season's days
    planned = sum(al.planned[al.index(day(i))] for i in ours)
    assert planned > 0 and w.planned == planned and w.logged == planned + 1500
    assert L.before_season(w) == 1500 and L.off_plan(w) is None
    lines = L.off_plan_lines(got, figs, logged=got.sessions)
    assert not any(aid == "A1" and d == day(-5) for _x, aid, d in lines), lines
    assert "1,500 AU logged before the season (no plan there)" in w.notes
    tl = Timeline(got)
    (row,) = [r for r in squad_weeks(figs, [tl.days[k.first] for k in tl.weeks]) if r[0] == day(0)]
    assert row[1] == row[2] == planned  # the chart's planned and logged bars: the same days
    assert f"; logged {planned:,.0f} AU (and 1,500 AU before the season)" in week_line(
        figs["A1"], day(0), "x")
    got, figs, w = logged(1.5)  # half as much again on the season's days: said on those days
    assert L.off_plan(w) == pytest.approx(0.5, abs=0.01)
    said = [x for x, aid, d in L.off_plan_lines(got, figs, logged=got.sessions)
            if aid == "A1" and d == day(-5)]
    assert said and (f"logged {L.au_words(1.5 * planned)} on the season's days, planned "
                     f"{L.au_words(planned)} (+50 % on the plan)") in said[0], said
