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
    assert "stages[0].load" in str(e.value)
