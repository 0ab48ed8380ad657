"""A day's "why" says only what is true of the athlete and the day (Review 262 item 2 and 4):
a pinned speed day's reason is the pin, a logged day is not called planned, AV-1's rest is not
said beside a speed-day cap, and an exempt goalkeeper is promised no compensation session.

Builder seasons (tests/builders.py): day 0 is a Monday; the plans are written by hand and held
against the plan checker (no hard violation) before their words are read."""

from __future__ import annotations

from planner.check import check_plan
from planner.season import (
    AthletePlan,
    IntensityPin,
    Plan,
)
from planner.text import day as day_words
from planner.why import why_day
from tests.builders import day, season


def _plan(rows: dict[str, tuple[list[str], list[int]]], weeks: int) -> Plan:
    return Plan(status="manual", team_weeks=("load",) * weeks, athletes=tuple(
        AthletePlan(athlete=a, stages=tuple(st), intensity=tuple(it), weeks=("load",) * weeks)
        for a, (st, it) in rows.items()))


def _hard(s, plan) -> list[str]:
    return [v.message for v in check_plan(s, plan).violations]


def _reasons(s, plan, athlete: str, i: int) -> dict[str, list[tuple[str, str]]]:
    """Day ``i``'s reasons by rule: [(kind, text)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in why_day(s, plan, athlete, day(i)).reasons:
        out.setdefault(r.rule, []).append((r.kind, r.text))
    return out


def _pinned_alone(pinned: bool, mate_day: int | None):
    """Two fit athletes, matches on the Saturdays (days 5 and 12), both start them; week 1 ramps
    them up (80 % on Wednesday, the match). Week 2: A2 at 100 % on ``mate_day`` (None: no speed
    session), A1 at 100 % on Thursday, MD-2 (day 10), pinned there when ``pinned``."""
    fit = ["FIT"] * 14
    a1 = [70, 70, 80, 70, 70, 100, 0, 70, 70, 70, 100, 70, 100, 0]
    a2 = [70, 70, 80, 70, 70, 100, 0, 70, 70, 70, 70, 70, 100, 0]
    if mate_day is not None:
        a2[mate_day] = 100
    pins = (IntensityPin(athlete="A1", date=day(10), intensity=100),) if pinned else ()
    s = season(weeks=2, athletes=2, matches=[5, 12], pins=pins)
    return s, _plan({"A1": (fit, a1), "A2": (fit, a2)}, 2)


def test_a_pinned_speed_day_alone_says_the_pin_puts_it_there_and_adds_a_squad_speed_day():
    """Review 262 item 2: a day pinned at 100 % on MD-2, no other athlete's speed day, said
    "Serves: TEAM: a shared team speed day with 0 other athletes" and "Costs: HV-DAY: … (no
    better day was free)". Shared with nobody, it adds a squad speed day beside the squad's
    Wednesday (TEAM's cost, as the plan checker counts it), and the coach's pin put it on MD-2."""
    s, plan = _pinned_alone(pinned=True, mate_day=9)
    assert not _hard(s, plan)
    said = _reasons(s, plan, "A1", 10)
    assert ("bound", "You pinned this day at 100 %.") in said["PIN"]
    assert said["TEAM"] == [("costs", f"Your pin makes this day the only high-velocity training "
                                      f"of the squad on it: a squad speed day more this week, "
                                      f"besides {day_words(day(9))}.")], said["TEAM"]
    assert said["HV-DAY"] == [("costs", "Your pin puts it on MD-2: MD-3/MD-4 are preferred; "
                                        "this day costs a little.")]
    # the checker counts that extra day: TEAM's cost is real
    assert any(v.rule == "TEAM" and v.start == day(7) for v in check_plan(s, plan).soft)
    # shared with A2: TEAM served, as before
    s, plan = _pinned_alone(pinned=True, mate_day=10)
    assert _reasons(s, plan, "A1", 10)["TEAM"] == [
        ("serves", "A shared team speed day with 1 other athlete.")]
    # the squad's only speed session of the week: no TEAM cost, and none served
    s, plan = _pinned_alone(pinned=True, mate_day=None)
    assert "TEAM" not in _reasons(s, plan, "A1", 10)
    assert not any(v.rule == "TEAM" and v.start == day(7) for v in check_plan(s, plan).soft)
    # not pinned: the plan's choice, "no better day was free" stands
    s, plan = _pinned_alone(pinned=False, mate_day=9)
    assert "no better day was free" in _reasons(s, plan, "A1", 10)["HV-DAY"][0][1]
