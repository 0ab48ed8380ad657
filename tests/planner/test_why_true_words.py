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
    MatchRole,
    Plan,
    Session,
    StageRecord,
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
    assert any(v.rule == "TEAM" and v.start == v.end == day(10) for v in check_plan(s, plan).soft)
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


def test_a_weeks_speed_days_are_said_logged_where_logged_not_planned():
    """Review 262 item 4b: "This load week already has 2 planned speed days" where one was a
    logged day before today. Tuesday logged at 80 %, Thursday (today) planned at 90 %: Friday
    says one logged and one planned."""
    log = (Session(athlete="A1", date=day(1), minutes=75, rpe=5, top_speed_pct=82),)
    s = season(weeks=2, athletes=1, matches=[12], today=day(3))
    s = s.model_copy(update={"sessions": log})
    plan = _plan({"A1": (["FIT"] * 14, [70, 80, 70, 90, 70, 70, 0, 70, 70, 70, 70, 70, 100, 0])}, 2)
    assert not _hard(s, plan)
    (hv2,) = _reasons(s, plan, "A1", 4)["HV-2"]
    assert hv2 == ("bound", "This load week already has 1 logged speed day and 1 planned speed "
                            "day: its cap of 2 is reached."), hv2
    (on,) = _reasons(s, plan, "A1", 3)["HV-2"]  # the planned day itself counts both alike
    assert on[1].endswith("(1 logged speed day and 1 planned speed day)."), on


def test_a_rehab_athletes_match_day_is_rested_by_av1_alone():
    """Review 262 item 4c: a rehab athlete's match day listed "HV-2: … its cap of 2 is reached"
    beside AV-1's "no running on a match day": the speed cap read as the reason the athlete did
    not run. AV-1 alone rests the day; HV-2 and HV-5 are not said."""
    from planner.season import Injury

    rec = Injury(athlete="A1", protocol="iliopsoas-tendinopathy", onset=day(-30),
                 stages=(StageRecord(stage="S1", start=day(-3)),))
    s = season(weeks=1, athletes=2, matches=[5], injuries=(rec,))
    plan = _plan({"A1": (["S1"] * 7, [80, 0, 90, 0, 0, 0, 0]),
                  "A2": (["FIT"] * 7, [80, 70, 70, 70, 70, 100, 0])}, 1)
    assert not _hard(s, plan)
    said = _reasons(s, plan, "A1", 5)
    assert said["AV-1"][0][0] == "bound" and "no running on a match day" in said["AV-1"][0][1]
    assert "HV-2" not in said and "HV-5" not in said, said
    # a rehab training day is still bound by HV-2's reached cap
    assert "HV-2" in _reasons(s, plan, "A1", 3)


def test_an_exempt_goalkeeper_left_out_is_promised_no_compensation_session():
    """Review 262 item 4d: a goalkeeper out of the squad read "compensation sessions may follow
    on MD+1 and MD+2", and the Sunday after "a compensation session would be allowed here":
    HV-1 exempts the position, no speed day is asked of it, and Sunday is a day off. An outfield
    player left out is still told (not on the day off)."""
    def left_out(position: str):
        s = season(weeks=1, athletes=1, matches=[5])
        s = s.model_copy(update={
            "roles": (MatchRole(competition="m0", athlete="A1", role="out"),),
            "athletes": tuple(a.model_copy(update={"position": position}) for a in s.athletes)})
        return s, _plan({"A1": (["FIT"] * 7, [70] * 6 + [0])}, 1)

    s, plan = left_out("GK")
    assert not _hard(s, plan)
    (out,) = [t for k, t in _reasons(s, plan, "A1", 5)["FACT"] if k == "bound"]
    assert out.startswith("Out of the squad for 'Match 1'") and "compensation" not in out, out
    assert out.endswith(": a training day for the athlete."), out
    assert "HV-6" not in _reasons(s, plan, "A1", 6)  # Sunday: a day off, nothing allowed
    s, plan = left_out("Midfielder")
    (out,) = [t for k, t in _reasons(s, plan, "A1", 5)["FACT"] if k == "bound"]
    assert out.endswith("(compensation sessions may follow on MD+1 and MD+2)."), out


def test_a_past_load_week_past_dl2s_run_is_said_unchecked_not_a_run_broken():
    """Review 261 F8: ten weeks logged as load weeks before today, and a past week's why listed
    under Bound by "DL-2: Load week 9 of at most 3 in a row", which reads as a rule broken six
    times over; rules-spec section 1: DL-2 neither checks nor counts weeks before today. A past
    load week within the run's limit keeps its history ("Load week 2 of at most 3"); a week from
    today on is checked as before."""
    from planner.why import why_week

    weeks = 7
    s = season(weeks=weeks, athletes=1, matches=[], today=day(35))  # week 5's Monday: weeks 0-4 are past
    row = [70, 70, 80, 70, 70, 70, 0] * weeks
    plan = Plan(status="manual", team_weeks=("load",) * 5 + ("deload", "load"), athletes=(
        AthletePlan(athlete="A1", stages=("FIT",) * 7 * weeks, intensity=tuple(row),
                    weeks=("load",) * 5 + ("deload", "load")),))
    assert not _hard(s, plan)

    def dl2(i: int) -> list[tuple[str, str]]:
        return [(r.kind, r.text) for r in why_week(s, plan, None, day(i)).reasons if r.rule == "DL-2"]

    assert dl2(28) == [("fact", "Load week 5 in a row, before today: DL-2 neither checks weeks "
                                "before today nor counts them in a run (rules-spec section 1).")]
    assert dl2(7) == [("bound", "Load week 2 of at most 3 in a row.")], dl2(7)
    from_today = dl2(35)  # the deload from today: DL-2's run read as ever
    assert from_today and not any("neither checks" in t for _, t in from_today), from_today
