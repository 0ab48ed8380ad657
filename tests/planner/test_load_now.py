"""The flags of now (planner/load.py, docs/load.md): the logged EWMA ratio "now" and the week of
today's flags, on a small hand-made season with a Monday weekly loop (no solver)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics

import pytest

from planner import load as L
from planner import text
from planner.loadtable import lived_load
from planner.season import AthletePlan, Plan, Session
from planner.timeline import Timeline
from tests.builders import day, season

# a Monday weekly loop: three sessions, a recovery day, two sessions, Sunday off
WEEK = (70, 80, 90, 0, 80, 60, 0)
TODAY = 42  # Mon 15 Feb 2027: the week before it, 8-14 Feb, is a deload


def _plan(today: int):
    s = season(weeks=10, athletes=2, matches=[], today=day(today))
    tl = Timeline(s)
    kinds = tuple("deload" if k in (3, 5) else "load" for k in range(len(tl.weeks)))
    plan = Plan(status="manual", team_weeks=kinds, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * tl.n,
                    intensity=tuple(WEEK[i % 7] for i in range(tl.n)), weeks=kinds)
        for a in s.athletes))
    s = s.model_copy(update={"plan": plan})
    return s, lived_load(s, plan, "A1", count_today=True)


def _logs(al, aid: str, days, scale=lambda k: 1.0) -> list[Session]:
    """``aid``'s sessions on ``days`` at ``scale`` times the plan's load (RPE 5)."""
    return [Session(athlete=aid, date=al.date(k), minutes=al.planned[k] * scale(k) / 5, rpe=5.0)
            for k in days if al.planned[k] > 0]


def test_the_logged_ratio_now_is_the_mean_of_the_last_7_days_not_the_sunday_alone():
    """Monday today, a Sunday rest day yesterday. A1 logged exactly the plan: read on the Sunday
    alone the ratio dips below 0.8 (the week's rhythm), and A1 was flagged "below 0.8" while the
    week's logged ratio was not. Now "now" is the mean of the 7 days to yesterday, as a week's
    figure is: A1 is not flagged, and the heading's figure is last week's. A2 logged last week at
    half the plan: flagged, with the same figure as last week's row."""
    from ui.cli.load import table

    s, al = _plan(TODAY)
    sessions = _logs(al, "A1", range(TODAY)) + _logs(al, "A2", range(TODAY),
                                                     lambda k: 0.5 if k >= TODAY - 7 else 1.0)
    s = s.model_copy(update={"sessions": tuple(sessions)})
    figs = L.figures(s)
    sunday = day(TODAY - 1)
    last_week = [w for w in figs["A1"].weeks if w.end == sunday]
    assert len(last_week) == 1 and last_week[0].kind == "deload"

    a1 = figs["A1"]
    assert a1.daily["logged_ewma_ratio"][str(sunday)] < L.RATIO_LOW  # the rest day alone
    week1 = next(w for w in a1.weeks if w.end == sunday)
    assert L.RATIO_LOW <= week1.logged_ewma_ratio  # the week: no flag
    assert a1.latest_logged_ewma_ratio == pytest.approx(week1.logged_ewma_ratio)
    assert not any("logged EWMA" in x for x in a1.flags), a1.flags
    head = table(a1, s).splitlines()[0]
    assert head == (f"Athlete 1 (A1); logged EWMA ratio now {L.fmt(week1.logged_ewma_ratio)} (the "
                    f"mean of the 7 days to {text.day_long(sunday)})")
    row = next(x for x in table(a1, s).splitlines() if x.startswith(week1.start.isoformat()))
    assert f" {L.fmt(week1.logged_ewma_ratio)} " in row  # last week's row reads the same
    assert not any("logged EWMA" in x for x in L.flag_lines(s) if x.startswith("Athlete 1"))

    a2 = figs["A2"]
    week2 = next(w for w in a2.weeks if w.end == sunday)
    assert week2.logged_ewma_ratio < L.RATIO_LOW
    assert a2.latest_logged_ewma_ratio == pytest.approx(week2.logged_ewma_ratio)
    assert a2.flags[0] == (f"Athlete 2 (A2): the logged EWMA acute:chronic ratio over the 7 days "
                           f"to {text.day_long(sunday)} (the mean of their daily ratios) is "
                           f"{L.fmt(week2.logged_ewma_ratio)}, below 0.8.")
    assert table(a2, s).splitlines()[0].endswith(
        f"now {L.fmt(week2.logged_ewma_ratio)} (the mean of the 7 days to "
        f"{text.day_long(sunday)}) (flag)")
    assert a2.flags[0] in L.flag_lines(s)


def test_this_weeks_flags_say_when_sessions_logged_this_week_made_them():
    """Thursday today. A1 logged the plan, then Monday to Wednesday at three times it: this
    week's spike is what A1 did, not what the plan gives, and the sentence said "(this week,
    planned)". A2 logged the plan and nothing this week yet: "(this week, planned)" still."""
    thursday = TODAY + 3
    s, al = _plan(thursday)
    sessions = (_logs(al, "A1", range(thursday), lambda k: 3.0 if k >= TODAY else 1.0)
                + _logs(al, "A2", range(TODAY)))
    s = s.model_copy(update={"sessions": tuple(sessions)})
    figs = L.figures(s)
    monday = day(TODAY)
    a1 = next(w for w in figs["A1"].weeks if w.start == monday)
    assert a1.logged is not None and "ACWR > 1.3" in a1.flags
    said = (f"Athlete 1 (A1): {text.week_of(monday)} (this week: logged so far and planned): "
            f"{', '.join(a1.flags)}.")
    assert said in figs["A1"].flags and said in L.flag_lines(s)
    a2 = next(w for w in figs["A2"].weeks if w.start == monday)
    assert a2.logged is None and a2.flags
    assert (f"Athlete 2 (A2): {text.week_of(monday)} (this week, planned): {', '.join(a2.flags)}."
            in L.flag_lines(s))
    # the team's list of the week (the Load panel's week other than now's reads the same words)
    week = [x for x, _a, _d in L.week_flag_lines(s, figs, monday)]
    assert f"Athlete 1 (A1): {text.week_of(monday)} (logged so far and planned): " \
           f"{', '.join(a1.flags)}." in week
    assert f"Athlete 2 (A2): {text.week_of(monday)} (planned): {', '.join(a2.flags)}." in week


def _reviewers_ratios(loads: list[float]) -> list[float | None]:
    """The EWMA acute:chronic ratio of each day of ``loads`` (the logged series from the first
    logged day, 0 on days without a session), worked out as docs/load.md says and apart from the
    app's code: lambda 2/8 and 2/29, both seeded with day 1, a ratio from day 28 on."""
    la, lc = 2 / 8, 2 / 29
    acute = chronic = loads[0]
    out: list[float | None] = []
    for i, x in enumerate(loads):
        if i:
            acute, chronic = la * x + (1 - la) * acute, lc * x + (1 - lc) * chronic
        out.append(acute / chronic if i >= 27 and chronic else None)
    return out


def test_the_week_of_todays_logged_ratio_is_the_ratio_now_on_a_tuesday():
    """Tuesday today, Monday logged (a Monday weekly loop). The week of today's logged EWMA ratio
    was the mean of the days logged so far, Monday alone: the Load panel's readout and the CSV
    read one figure ("0.69", below 0.8) while the heading read "now 0.92", and the board's tag
    another. Now the week's figure is the ratio now, the mean of the 7 days to Monday, and the
    readout says so; last week, logged to its end, keeps the mean of its own 7 days."""
    from ui.cli.load import csv_text, table
    from ui.desktop.loadwords import week_text

    tuesday = TODAY + 1
    s, al = _plan(tuesday)
    # A1 logged the plan, Monday today's week at 1.4 times it: its one day reads apart from the 7
    sessions = _logs(al, "A1", range(tuesday), lambda k: 1.4 if k == TODAY else 1.0)
    s = s.model_copy(update={"sessions": tuple(sessions)})
    f = L.figures(s)["A1"]
    monday = day(TODAY)
    week = next(w for w in f.weeks if w.start == monday)

    done: dict = {}
    for x in sessions:
        done[x.date] = done.get(x.date, 0.0) + x.minutes * x.rpe
    first = min(done)
    series = [done.get(first + dt.timedelta(days=k), 0.0) for k in range((monday - first).days + 1)]
    ratios = _reviewers_ratios(series)
    seven = statistics.fmean(ratios[-7:])
    assert abs(ratios[-1] - seven) > 0.05  # Monday alone is not the week's figure
    assert week.logged_ewma_ratio == pytest.approx(seven, abs=1e-9)
    assert week.logged_ewma_ratio == pytest.approx(f.latest_logged_ewma_ratio)

    figure = L.fmt(seven)
    assert table(f, s).splitlines()[0] == (f"Athlete 1 (A1); logged EWMA ratio now {figure} (the "
                                           f"mean of the 7 days to {text.day_long(monday)})")
    readout = week_text(f, week)
    assert f"logged EWMA ratio {figure} (the mean of the 7 days to {text.day(monday)})" in readout
    rows = csv.DictReader(io.StringIO(csv_text({"A1": f})))
    assert next(r for r in rows if r["week"] == monday.isoformat())["logged_ewma_ratio"] == \
        f"{seven:.3f}"

    # last week, logged to its end: the mean of its own 7 days, said without days
    last = next(w for w in f.weeks if w.end == monday - dt.timedelta(days=1))
    assert last.logged_ewma_ratio == pytest.approx(statistics.fmean(ratios[-8:-1]), abs=1e-9)
    assert f"logged EWMA ratio {L.fmt(last.logged_ewma_ratio)} ·" in week_text(f, last) + " ·"
    assert "the mean of the 7 days" not in week_text(f, last)
