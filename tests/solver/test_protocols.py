"""Every bundled protocol can be planned from each of its stages, and the plan passes the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.check import check_plan
from planner.protocols import available_protocols, load_protocol
from planner.rules import SOFT_RULES
from planner.season import Injury, StageRecord
from solver import SolveRequest, Status, solve
from templates import path as template_path
from tests.builders import day, season

CASES = [(p, s.id) for p in available_protocols() for s in load_protocol(p).stages]


def test_every_protocol_file_in_the_templates_folder_is_bundled_and_reads():
    """The protocols are the folder's files (a new one needs no list extended here); each reads
    (parse_protocol refuses a cap below the stage before's) with its sources and notes."""
    folder = Path(str(template_path("protocols")))
    assert available_protocols() == tuple(sorted(p.stem for p in folder.glob("*.json")))
    assert {"hamstring-strain", "iliopsoas-tendinopathy"} <= set(available_protocols())  # the demo's
    for p in available_protocols():
        proto = load_protocol(p)
        caps = [s.cap for s in proto.stages]
        assert caps == sorted(caps), p
        assert proto.citations and proto.notes, p


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


def test_the_hamstring_heavy_session_stage_is_left_only_after_a_heavy_session():
    """domain.md 2.2: S3 ends with the heavy football session completed. Its exit was two days
    of any kind, so a returner whose S3 fell on two tournament days (no rehab running on match
    days) was fit without one session. Now the plan gives S3 a day at 100 % before FIT, and the
    checker refuses a hand plan that skips it."""
    from planner.protocols import load_protocol

    s3 = next(x for x in load_protocol("hamstring-strain").stages if x.id == "S3")
    assert (s3.exit_kind, s3.exit_days, s3.min_days) == ("days_at_cap", 1, 2)
    inj = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="S3", start=day(1)),))
    # a tournament on days 1-2 (Tue, Wed): the S3 athlete does not run on them
    s = season(weeks=3, athletes=2, matches=[1, 2, 12], injuries=(inj,))
    out = solve(SolveRequest(s, time_limit=30))
    assert out.plan is not None
    assert check_plan(s, out.plan).violations == ()
    ap = out.plan.for_athlete("A1")
    fit = ap.stages.index("FIT")
    assert ap.intensity[1] == ap.intensity[2] == 0
    assert any(ap.intensity[i] == 100 for i in range(1, fit) if ap.stages[i] == "S3")
    # by hand: S3 on the two match days, then FIT: the stage was left without its session
    stages = list(ap.stages)
    intensity = list(ap.intensity)
    for i in range(len(stages)):
        if stages[i] == "S3" and i > 2:
            stages[i] = "FIT"
            intensity[i] = 70 if intensity[i] == 100 else intensity[i]
    hand = out.plan.model_copy(update={"athletes": (
        ap.model_copy(update={"stages": tuple(stages), "intensity": tuple(intensity)}),
        *out.plan.athletes[1:])})
    broken = [v for v in check_plan(s, hand).violations if v.rule == "RH-STAGE" and v.athlete == "A1"]
    assert broken and "S3" in broken[0].message and "100 %" in broken[0].message, broken
