"""A target missed because the return comes after it says why: the stage start that sets the
return, or what the stages after it take at the least."""

from __future__ import annotations

from planner.returns import return_text, returns
from planner.season import AthletePlan, Plan, StagePin
from tests.builders import day, injury, season


def _season_and_plan(stage: str, stages: list[tuple[str, int]], pins=()):
    """A1 in ``stage`` since day -3, target 'Match 2' (Sat 16 Jan, day 12); the plan's stages
    from each (stage, first day) pair on."""
    s = season(weeks=10, athletes=1, injuries=(injury("A1", stage, start_day=-3, target="m1"),),
               pins=tuple(pins))
    n = 70
    st = ["FIT"] * n
    for k, (name, first) in enumerate(stages):
        last = stages[k + 1][1] if k + 1 < len(stages) else n
        st[first:last] = [name] * (last - first)
    it = tuple(0 if x != "FIT" else 70 for x in st)
    ap = AthletePlan(athlete="A1", stages=tuple(st), intensity=it, weeks=("load",) * 10)
    return s, Plan(status="manual", team_weeks=("load",) * 10, athletes=(ap,))


def _said(s, plan) -> str:
    rets = returns(s, plan)
    return return_text(s, rets[0], rets)


def test_a_stage_start_set_after_the_target_is_the_reason_beside_missed():
    """The summary printed "target 'Derby (home)' (Sat 17 Oct 2026) MISSED" and no why."""
    pin = StagePin(athlete="A1", stage="S3", date=day(14))
    s, plan = _season_and_plan("S2", [("S2", 0), ("S3", 14), ("FIT", 21)], [pin])
    assert _said(s, plan).endswith(
        "target 'Match 2' (Sat 16 Jan 2027) MISSED (S3 set to start Mon 18 Jan, after the target)")


def test_the_stages_minimum_days_from_the_recorded_stage_are_the_reason_beside_missed():
    s, plan = _season_and_plan("P2", [("P2", 0), ("P3", 18), ("S1", 39), ("S2", 46), ("S3", 53),
                                      ("FIT", 60)])
    assert _said(s, plan).endswith(
        "MISSED (P2 recorded from Fri 1 Jan, and P2 to S3 take at least 63 days: back Fri 5 Mar "
        "at the earliest)")


def test_explain_return_says_why_the_target_can_no_longer_be_made():
    from solver.queries import return_report

    pin = StagePin(athlete="A1", stage="S3", date=day(14))
    s, _plan = _season_and_plan("S2", [("S2", 0)], [pin])
    said = return_report(s, "A1", time_limit=10).text(s)
    assert ("target 'Match 2' (Sat 16 Jan 2027) can no longer be made: S3 set to start Mon 18 Jan, "
            "after the target.") in said


def _flared_back(fit_day: int, today=None):
    """A1 back (FIT from day 0, after S3), flares up on Tue 12 Jan (day 8: back to S3, at least
    7 days), target 'Match 2' on Sat 16 Jan (day 12); the plan has him back on ``fit_day``."""
    from planner.protocols import load_protocol

    rec = injury("A1", "FIT", start_day=0, history=(("S3", -10),), flare_days=(8,), target="m1")
    assert load_protocol(rec.protocol).stage("S3").min_days == 7  # the case: S3 ends day 15
    s = season(weeks=10, athletes=1, injuries=(rec,), today=today)
    st = ["FIT"] * 8 + ["S3"] * (fit_day - 8) + ["FIT"] * (70 - fit_day)
    it = tuple(0 if x != "FIT" else 70 for x in st)
    ap = AthletePlan(athlete="A1", stages=tuple(st), intensity=it, weeks=("load",) * 10)
    return s, Plan(status="manual", team_weeks=("load",) * 10, athletes=(ap,))


def test_a_return_later_than_the_stages_minimum_gives_no_second_date_beside_missed():
    """Kofi's return read "back to full training Fri 30 Oct … MISSED (back to S3 by the
    flare-up of Thu 15 Oct, and S3 take at least 7 days: back Thu 22 Oct at the earliest)": two
    return dates in one sentence, the earlier only S3's minimum (the ladder sets the return)."""
    said = _said(*_flared_back(20))
    assert "back to full training Mon 25 Jan 2027" in said, said
    assert said.endswith("MISSED (back to S3 by the flare-up of Tue 12 Jan, and S3 takes at least "
                         "7 days)"), said
    assert "at the earliest" not in said


def test_a_return_on_the_stages_minimum_names_it_beside_missed():
    said = _said(*_flared_back(15))
    assert said.endswith("MISSED (back to S3 by the flare-up of Tue 12 Jan, and S3 takes at least "
                         "7 days: back Tue 19 Jan at the earliest)"), said


def test_a_target_gone_by_is_missed_by_the_flare_up_alone():
    """After the target's day, the Returns read the stage's minimum days as if still ahead;
    `explain --return` says the target is in the past."""
    said = _said(*_flared_back(20, today=day(14)))
    assert said.endswith("target 'Match 2' (Sat 16 Jan 2027) MISSED (flare-up of Tue 12 Jan)"), said


def test_explain_return_names_no_earliest_day_before_its_own():
    """`explain --return` said "earliest return to FIT: <day>" and, beside the target, "back <an
    earlier day> at the earliest" (the stage's minimum, not the sprint ladder's days)."""
    from solver.queries import return_report

    s, _plan = _flared_back(20, today=day(9))
    report = return_report(s, "A1", time_limit=10)
    said = report.text(s)
    assert report.earliest_fit is not None and report.earliest_fit > day(15), said
    assert "can no longer be made: back to S3 by the flare-up of Tue 12 Jan, and S3 takes at least 7 days." in said, said


def _flared_in_s2(fit_day: int, target: str):
    """A1 recorded in P3 (records alone: a flare-up sends P3 back to P2), the plan moves them on
    to S1 on day 9 and S2 on day 16; the flare-up of Thu 28 Jan (day 24) finds them in S2 and the
    plan has S1 from it, S2 and S3 after it, and FIT from ``fit_day`` (the review's s_fl: "back
    to P2 by the flare-up …, and P2 to S3 take at least 63 days" beside a plan in S1)."""
    rec = injury("A1", "P3", start_day=-3, flare_days=(24,), target=target)
    s = season(weeks=10, athletes=1, injuries=(rec,))
    third = (fit_day - 24) // 3
    st = (["P3"] * 9 + ["S1"] * 7 + ["S2"] * 8 + ["S1"] * (fit_day - 24 - 2 * third)
          + ["S2"] * third + ["S3"] * third + ["FIT"] * (70 - fit_day))
    it = tuple(0 if x != "FIT" else 70 for x in st)
    ap = AthletePlan(athlete="A1", stages=tuple(st), intensity=it, weeks=("load",) * 10)
    return s, Plan(status="manual", team_weeks=("load",) * 10, athletes=(ap,))


def test_a_flare_up_reads_the_plans_stage_the_day_before_beside_missed():
    """From S2 the flare-up sends the athlete to S1 (the plan's stage on D-1), not to P2 (the
    records' P3 moved back): S1 to S3 take at least 21 days, back Thu 18 Feb at the earliest,
    the plan's return itself."""
    s, plan = _flared_in_s2(45, "m5")  # Match 6, Sat 13 Feb (day 40)
    said = _said(s, plan)
    assert "back to full training Thu 18 Feb 2027" in said, said
    assert said.endswith("target 'Match 6' (Sat 13 Feb 2027) MISSED (back to S1 by the flare-up "
                         "of Thu 28 Jan, and S1 to S3 take at least 21 days: back Thu 18 Feb at "
                         "the earliest)"), said
    assert "P2" not in said


def test_a_flare_up_whose_stages_minimum_makes_the_target_is_named_without_a_day():
    """S1 to S3's 21 days from Thu 28 Jan end Thu 18 Feb, before 'Match 7' (Sat 20 Feb): the
    plan's later return (Thu 25 Feb) is the plan's, and the flare-up is what moved it."""
    s, plan = _flared_in_s2(52, "m6")
    said = _said(s, plan)
    assert "back to full training Thu 25 Feb 2027" in said, said
    assert said.endswith("target 'Match 7' (Sat 20 Feb 2027) MISSED (back to S1 by the flare-up "
                         "of Thu 28 Jan)"), said


def test_explain_return_reads_the_flare_ups_stage_from_its_own_plan():
    """Recorded in S2 (S1 before it): the earliest return has S3 by the flare-up of Thu 14 Jan
    (day 10), which sends the athlete back to S2; the records alone read S2 back to S1."""
    from solver.queries import return_report

    rec = injury("A1", "S2", start_day=-3, history=(("S1", -10),), flare_days=(10,), target="m1")
    s = season(weeks=10, athletes=1, injuries=(rec,))
    report = return_report(s, "A1", time_limit=10)
    said = report.text(s)
    assert report.earliest_fit is not None and report.earliest_fit > day(12), said
    assert "can no longer be made: back to S2 by the flare-up of Thu 14 Jan" in said, said
    assert "back to S1" not in said, said
