"""Every bundled protocol can be planned from each of its stages, and the plan passes the checker."""

from __future__ import annotations

import pytest

from planner.check import check_plan
from planner.protocols import available_protocols, load_protocol
from planner.rules import SOFT_RULES
from planner.season import Injury, StageRecord
from solver import SolveRequest, Status, solve
from tests.builders import day, season

CASES = [(p, s.id) for p in available_protocols() for s in load_protocol(p).stages]


def test_all_five_protocols_are_bundled():
    assert set(available_protocols()) == {"iliopsoas-tendinopathy", "hamstring-strain", "adductor-groin",
                                          "ankle-sprain", "patellar-tendinopathy"}
    for p in available_protocols():
        proto = load_protocol(p)
        caps = [s.cap for s in proto.stages]
        assert caps == sorted(caps), p
        assert proto.citations and proto.notes


@pytest.mark.parametrize("protocol, stage", CASES)
def test_protocol_stage_is_plannable_back_to_fit(protocol, stage):
    inj = Injury(athlete="A1", protocol=protocol, onset=day(-1), stages=(StageRecord(stage=stage, start=day(0)),))
    s = season(weeks=20, athletes=2, injuries=(inj,))
    out = solve(SolveRequest(s, time_limit=30))
    assert out.status in (Status.OPTIMAL, Status.FEASIBLE), out.explanation
    report = check_plan(s, out.plan, rules_in_objective=set(SOFT_RULES))
    assert report.violations == (), [v.message for v in report.violations][:5]
    stages = out.plan.for_athlete("A1").stages
    assert stages[0] == stage and "FIT" in stages
    # the first FIT day is no earlier than the sum of the remaining minimum durations
    proto = load_protocol(protocol)
    i = proto.index(stage)
    assert stages.index("FIT") >= sum(s.min_days for s in proto.stages[i:])
