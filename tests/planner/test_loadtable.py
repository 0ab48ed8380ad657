"""The planned session load of rules-spec.md section 8 (planner/loadtable.py)."""

from __future__ import annotations

import json

import pytest

from planner.errors import InputError
from planner.loadtable import LoadTable
from planner.protocols import parse_protocol
from planner.rules import RuleSet
from planner.season import RuleSettings
from templates import path as template_path

T = LoadTable.of(RuleSet())


def day(kind="load", stage="FIT", level=70, played=False, training=True, available=True, proto=None):
    return T.day(kind, stage=stage, level=level, played=played, training=training,
                 available=available, proto=proto)


def test_the_section_8_table():
    assert day(level=0) == 30 * 2  # recovery, gym
    assert [day(level=v) for v in (60, 70, 80, 90, 95, 100)] == [300, 300, 375, 450, 450, 450]
    assert [day(kind, level=70) for kind in ("load", "deload", "taper")] == [300, 180, 160]
    assert day(level=100, played=True) == 95 * 8 and day(level=80, played=True) == 30 * 7
    assert day("deload", level=100, played=True) == 760  # a match is a match in any week
    loads = [day(stage=s, level=0) for s in ("P1", "P2", "P3", "S1", "S2", "S3")]
    assert loads == [135, 240, 300, 300, 360, 450]
    assert day(stage="P2", level=70, kind="deload") == 240  # a rehab session keeps its length
    assert day(stage="INJ", level=0) == 0
    assert day(training=False) == 0 and day(available=False) == 0


def test_a_deload_cuts_volume_by_40_and_a_taper_by_about_half():
    for level in (70, 80, 95):
        assert day("deload", level=level) == pytest.approx(0.6 * day("load", level=level))
        assert day("taper", level=level) == pytest.approx(40 / 75 * day("load", level=level))


def test_values_come_from_the_rule_set():
    t = LoadTable.of(RuleSet(RuleSettings(values={"LD-1": {"minutes_deload": 30, "rpe_90": 7}})))
    assert t.day("deload", stage="FIT", level=95, played=False, training=True, available=True) == 210


def _protocol(load):
    data = json.loads(template_path("protocols/patellar-tendinopathy.json").read_text("utf-8"))
    data["stages"][0]["load"] = load
    return parse_protocol(data, "test.json")


def test_a_protocol_stage_may_set_its_own_session_load():
    proto = _protocol({"minutes": 30, "rpe": 2})
    assert day(stage="P1", level=0, proto=proto) == 60
    assert day(stage="P2", level=0, proto=proto) == 240  # the other stages keep the table's


@pytest.mark.parametrize("bad", [{"minutes": 30}, {"minutes": -5, "rpe": 2}, {"minutes": 30, "rpe": 11},
                                 "45x3", {"minutes": 30, "rpe": True}])
def test_a_bad_stage_load_is_refused_and_located(bad):
    with pytest.raises(InputError) as e:
        _protocol(bad)
    assert "stages[0] (P1).load" in str(e.value)


def test_a_past_day_of_a_projected_stage_change_nobody_recorded_is_planned_in_the_recorded_stage():
    """The plan projected S2 (60 min x RPE 6) from day k; today moved past it and nobody recorded
    it, so the athlete stayed in S1 (60 x 5). The board, the Inspector, the handout and explain
    read those days' planned level and session within S1, "as planned"; the Load dock and
    'periodize load' still priced them at S2's 360 AU, 60 AU a day above the session shown as
    planned. Before the re-plan (the figures' lived reading) and after it alike."""
    from planner.history import planned_level, stage_cause
    from planner.loadtable import athlete_load, lived_load
    from planner.sessions import Prescriber
    from tests.builders import day, injury, season, solved_and_checked

    s = season(weeks=4, athletes=2, today=day(0), injuries=(injury("A1", "S1", start_day=-5),))
    out, _ = solved_and_checked(s, time_limit=20)
    k = out.plan.for_athlete("A1").stages.index("S2")
    moved = s.model_copy(update={"plan": out.plan,
                                 "calendar": s.calendar.model_copy(update={"today": day(k + 4)})})
    again, _ = solved_and_checked(moved, time_limit=20)
    replanned = moved.model_copy(update={"plan": again.plan})
    ap = again.plan.for_athlete("A1")
    ran = [d for d in range(k, k + 4) if ap.intensity[d] > 0]
    assert ran and all(ap.stages[d] == "S1" and ap.planned_stages[day(d)] == "S2"
                       and stage_cause(replanned, ap, day(d))[0] == "not recorded"
                       and planned_level(replanned, ap, day(d)) is None for d in ran)
    shown = Prescriber(replanned, again.plan).athlete("A1")
    assert {shown[d].load for d in ran} == {300}  # S1's session, as planned
    for al in (lived_load(moved, moved.plan, "A1"), athlete_load(replanned, again.plan, "A1")):
        assert [al.planned[al.season_start + d] for d in ran] == [shown[d].load for d in ran]
