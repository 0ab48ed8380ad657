"""The plan checker (planner/check.py) on small hand-made seasons and hand-written plans.

Rules version 2: the base season below (version 1 tests that still hold, updated where the rule
changed) and, at the end, builder seasons (tests/builders.py) for the rules and readings new in
version 2: roles, HV-6/HV-7 by the athlete's own matches, RE-1, RAMP, RH-FL, RH-11's flare-up
credit, RH-CRIT, several and future injury records, HV-1 across S1+ without goalkeepers.

The base season runs Mon 1 Mar - Sun 28 Mar 2027 (4 weeks, training Mon-Sat), with a match every
Saturday (6 C, 13 B 'Derby', 20 C, 27 C), two fit athletes and one athlete in iliopsoas rehab who
is recorded in S1 since Mon 22 Feb. Day index i is 1 + i March.

The hand-written valid plan:
- A01, A02 (FIT): per load week Mon 70, Tue 70, Wed 95 (MD-3, the team's HV day), Thu 70,
  Fri 60 (MD-1), Sat match 100, Sun 0; in week 1 Wed is 80 (RAMP: the season's first speed day
  is at most 80); the team's deload week 3 has no HV training (a match already fills the deload
  cap of 1). A02 is unavailable Tue 16 - Wed 17 Mar.
- A07: S1 90 on 1 and 3 Mar (exit: 2 days at 90), S2 from 4 Mar with 95 on 8 and 10 Mar, S3 from
  11 Mar with 100 on 15 and 22 Mar, FIT from Tue 23 Mar (plays the 27 Mar match after 4 team
  sessions, RE-1).
- Team weeks load, load, deload, load; A07's own weeks load, load, deload, load.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.check import CheckReport, Violation, check_plan, group_violations
from planner.errors import InputError
from planner.protocols import load_protocol
from planner.rehab import stage_on
from planner.returns import provisional_days
from planner.season import (
    Athlete,
    AthletePlan,
    Calendar,
    Competition,
    CriteriaTest,
    Injury,
    IntensityPin,
    MatchRole,
    NonTrainingDay,
    Plan,
    RuleSettings,
    Season,
    Session,
    StagePin,
    StageRecord,
    Unavailability,
    WeekPin,
)
from planner.timeline import Timeline
from planner.validate import plan_problems, season_problems
from tests.builders import day, injury
from tests.builders import season as build


def M(day: int) -> dt.date:
    return dt.date(2027, 3, day)


FEB22 = dt.date(2027, 2, 22)

# --------------------------------------------------------------------------------------------
# the base season and plan
# --------------------------------------------------------------------------------------------

COMPS = (
    Competition(id="m1", name="League 1", date=M(6), priority="C"),
    Competition(id="m2", name="Derby", date=M(13), priority="B"),
    Competition(id="m3", name="League 3", date=M(20), priority="C"),
    Competition(id="m4", name="League 4", date=M(27), priority="C"),
)
ATHLETES = (
    Athlete(id="A01", name="Ana Silva"),
    Athlete(id="A02", name="Ben Cole"),
    Athlete(id="A07", name="Kofi Mensah"),
)


def a07_injury(records=((("S1", FEB22),)), flare_ups=(), target="m4") -> Injury:
    return Injury(
        athlete="A07", protocol="iliopsoas-tendinopathy", onset=dt.date(2027, 2, 1),
        stages=tuple(StageRecord(stage=s, start=d) for s, d in records),
        flare_ups=tuple(flare_ups), target_competition=target,
    )


def make_season(*, comps=COMPS, injuries=None, unavailability=None, today=None, values=None,
                modes=None, pins=(), non_training=(), athletes=ATHLETES) -> Season:
    return Season(
        name="Test season",
        calendar=Calendar(start=M(1), end=M(28), today=today,
                          non_training_days=tuple(NonTrainingDay(date=d) for d in non_training)),
        competitions=comps,
        athletes=athletes,
        unavailability=(Unavailability(athlete="A02", start=M(16), end=M(17)),)
        if unavailability is None else unavailability,
        injuries=(a07_injury(),) if injuries is None else injuries,
        rules=RuleSettings(values=values or {}, modes=modes or {}),
        pins=pins,
    )


LOAD = [70, 70, 95, 70, 60, 100, 0]
RAMP1 = [70, 70, 80, 70, 60, 100, 0]  # the season's first speed day is at most 80 (RAMP)
DELOAD = [70, 70, 70, 70, 60, 100, 0]
A01_IT = RAMP1 + LOAD + DELOAD + LOAD
A02_IT = RAMP1 + LOAD + [70, 0, 0, 70, 60, 100, 0] + LOAD
A07_ST = ["S1"] * 3 + ["S2"] * 7 + ["S3"] * 12 + ["FIT"] * 6
A07_IT = [90, 70, 90, 70, 70, 0, 0,
          95, 70, 95, 70, 70, 0, 0,
          100, 70, 70, 70, 70, 0, 0,
          100, 70, 70, 70, 60, 100, 0]
TEAM = ("load", "load", "deload", "load")
A07_WEEKS = ("load", "load", "deload", "load")


def make_plan(team=TEAM, a07_weeks=A07_WEEKS, it=None, st=None, weeks=None) -> Plan:
    """The valid plan; ``it``/``st``/``weeks`` map an athlete id to replacement lists.

    Fit athletes' weeks follow ``team`` unless ``weeks`` says otherwise.
    """
    it = it or {}
    st = st or {}
    weeks = weeks or {}
    base_it = {"A01": A01_IT, "A02": A02_IT, "A07": A07_IT}
    base_st = {"A01": ["FIT"] * 28, "A02": ["FIT"] * 28, "A07": A07_ST}
    base_wk = {"A01": tuple(team), "A02": tuple(team), "A07": tuple(a07_weeks)}
    aps = tuple(
        AthletePlan(athlete=a, stages=tuple(st.get(a, base_st[a])),
                    intensity=tuple(it.get(a, base_it[a])), weeks=tuple(weeks.get(a, base_wk[a])))
        for a in ("A01", "A02", "A07")
    )
    return Plan(status="manual", team_weeks=tuple(team), athletes=aps)


def changed(values: list, **days) -> list:
    """A copy of ``values`` with entries replaced, keyed by March day: changed(A01_IT, d3=70)."""
    out = list(values)
    for key, v in days.items():
        out[int(key[1:]) - 1] = v
    return out


def found(report: CheckReport, rule: str, athlete: str | None = "any") -> list[Violation]:
    return [v for v in report.violations
            if v.rule == rule and (athlete == "any" or v.athlete == athlete)]


def spans(report: CheckReport, rule: str, athlete: str | None = "any") -> list[tuple]:
    return [(v.athlete, v.start, v.end) for v in found(report, rule, athlete)]


def rules_of(report: CheckReport) -> set[str]:
    return {v.rule for v in report.violations}


# --------------------------------------------------------------------------------------------
# the fixtures themselves
# --------------------------------------------------------------------------------------------


def test_fixture_season_and_plan_are_valid_input():
    season = make_season()
    assert season_problems(season) == []
    assert plan_problems(season, make_plan()) == []
    tl = Timeline(season)
    assert [tl.days[w.first] for w in tl.weeks] == [M(1), M(8), M(15), M(22)]
    assert tl.label(2) == "MD-3"  # Wed 3 Mar


def test_valid_plan_passes_every_hard_rule():
    report = check_plan(make_season(), make_plan())
    assert report.violations == ()
    assert report.ok


def test_valid_plan_soft_rules_exactly():
    report = check_plan(make_season(), make_plan())
    # RTS: A07 from Mon 1 Mar to the first FIT day Tue 23 Mar = 22 days x 100; target met.
    # DL-7: the team's deload week 3 holds the C match of 20 Mar (weight_c 3).
    # LD-1: a season of four weeks has no week with four full weeks before it.
    assert report.counts() == {"RTS": 1, "HV-1": 0, "TP-3": 0, "TEAM": 0, "DL-7": 1, "HV-DAY": 0,
                               "LD-1": 0}
    assert report.penalties() == {"RTS": 2200, "HV-1": 0, "TP-3": 0, "TEAM": 0, "DL-7": 3,
                                  "HV-DAY": 0, "LD-1": 0}
    assert report.objective == 2203
    rts = [v for v in report.soft if v.rule == "RTS"][0]
    assert (rts.athlete, rts.start, rts.end) == ("A07", M(1), M(23))
    assert "Kofi Mensah (A07)" in rts.message
    dl7 = [v for v in report.soft if v.rule == "DL-7"][0]
    assert (dl7.athlete, dl7.start, dl7.end, dl7.penalty) == (None, M(20), M(20), 3)


# --------------------------------------------------------------------------------------------
# AV-1
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete, day, value", [
    ("A02", 16, 70),  # unavailable
    ("A01", 7, 60),  # Sunday: not a training day
    ("A01", 6, 95),  # a played match is 100
    ("A07", 13, 60),  # a match A07 does not play (S3): no running
])
def test_av1_mutations(athlete, day, value):
    base = {"A01": A01_IT, "A02": A02_IT, "A07": A07_IT}[athlete]
    report = check_plan(make_season(), make_plan(it={athlete: changed(base, **{f"d{day}": value})}))
    assert spans(report, "AV-1") == [(athlete, M(day), M(day))]
    v = found(report, "AV-1")[0]
    assert v.message.startswith("AV-1: ") and f"({athlete})" in v.message
    assert f"{value} %" in v.message


def test_av1_non_training_day():
    season = make_season(non_training=(M(4),))
    bases = (("A01", A01_IT), ("A02", A02_IT), ("A07", A07_IT))
    assert check_plan(season, make_plan(it={a: changed(b, d4=0) for a, b in bases})).ok
    report = check_plan(season, make_plan())
    assert sorted(spans(report, "AV-1")) == [(a, M(4), M(4)) for a in ("A01", "A02", "A07")]
    assert "non-training day" in found(report, "AV-1", "A01")[0].message


def test_av1_unavailable_on_match_day_does_not_play():
    season = make_season(unavailability=(Unavailability(athlete="A02", start=M(13), end=M(13)),))
    a02 = changed(RAMP1 + LOAD + DELOAD + LOAD, d13=0)
    assert check_plan(season, make_plan(it={"A02": a02})).ok
    report = check_plan(season, make_plan(it={"A02": RAMP1 + LOAD + DELOAD + LOAD}))
    assert spans(report, "AV-1") == [("A02", M(13), M(13))]


# --------------------------------------------------------------------------------------------
# HV-5
# --------------------------------------------------------------------------------------------


def test_hv5_adjacent_speed_days():
    it = changed(A07_IT, d2=90, d3=70)  # S1: 90 on Mon 1 and Tue 2 Mar
    report = check_plan(make_season(), make_plan(it={"A07": it}))
    assert rules_of(report) == {"HV-5"}
    assert spans(report, "HV-5") == [("A07", M(1), M(2))]
    assert found(report, "HV-5")[0].message == (
        "HV-5: Kofi Mensah (A07) has speed days on Mon 1 Mar (90 %) and Tue 2 Mar (90 %); "
        "speed days need 1 rest day between them.")


def test_hv5_rest_days_parameter_and_matches():
    it = changed(A01_IT, d3=70, d4=95)  # HV on Thu 4 Mar, the match on Sat 6 Mar
    plan = make_plan(it={"A01": it})
    assert found(check_plan(make_season(), plan), "HV-5") == []
    report = check_plan(make_season(values={"HV-5": {"rest_days": 2}}), plan)
    assert spans(report, "HV-5", "A01") == [("A01", M(4), M(6))]
    assert "match 'League 1'" in found(report, "HV-5", "A01")[0].message


def test_hv5_consecutive_competition_days_are_allowed_but_fill_hv2():
    cup = Competition(id="m4", name="Cup", date=M(26), end_date=M(27), priority="C")
    comps = COMPS[:3] + (cup,)
    season = make_season(comps=comps)
    a01 = changed(A01_IT, d26=100, d24=70)
    a02 = changed(A02_IT, d26=100, d24=70)
    a07 = changed(A07_IT, d26=100)
    report = check_plan(season, make_plan(it={"A01": a01, "A02": a02, "A07": a07}))
    # two played match days in a row are no HV-5 violation; but they reach the cap of 2 alone,
    # so A07's planned 100 on Mon 22 Mar (S3) breaks HV-2
    assert found(report, "HV-5") == []
    assert rules_of(report) == {"HV-2"}
    assert spans(report, "HV-2") == [("A07", M(22), M(28))]
    assert "besides 2 match or past speed days" in found(report, "HV-2")[0].message
    assert "at most 0 may be planned" in found(report, "HV-2")[0].message
    report = check_plan(season, make_plan(it={"A01": changed(a01, d24=95), "A02": a02, "A07": a07}))
    assert found(report, "HV-5") == []
    assert spans(report, "HV-2") == [("A01", M(22), M(28)), ("A07", M(22), M(28))]


# --------------------------------------------------------------------------------------------
# HV-2
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete, days, week", [
    ("A07", {"d5": 80}, 1),  # rehab athlete: 3 planned speed days in its own load week
    ("A01", {"d1": 80}, 1),  # 2 planned + 1 match > 2
    ("A01", {"d17": 95}, 3),  # deload week: the match fills the cap of 1
])
def test_hv2_mutations(athlete, days, week):
    base = {"A01": A01_IT, "A07": A07_IT}[athlete]
    report = check_plan(make_season(), make_plan(it={athlete: changed(base, **days)}))
    first = M(1 + 7 * (week - 1))
    assert rules_of(report) == {"HV-2"}
    assert spans(report, "HV-2") == [(athlete, first, first + dt.timedelta(days=6))]


def test_hv2_parameters():
    it = changed(A01_IT, d1=80)
    season = make_season(values={"HV-2": {"max_speed_days": 3}})
    assert found(check_plan(season, make_plan(it={"A01": it})), "HV-2") == []
    season = make_season(values={"HV-2": {"max_speed_days_deload": 2}})
    assert check_plan(season, make_plan(it={"A01": changed(A01_IT, d17=95)})).ok


# --------------------------------------------------------------------------------------------
# HV-6, HV-7
# --------------------------------------------------------------------------------------------


def test_hv6_days_after_parameter():
    # v2: the default is 2 days, after a match the athlete played; A07's 100 on MD+2 (Mon 22 Mar)
    # follows the 20 Mar match, which A07 (in S3) did not play
    assert check_plan(make_season(), make_plan()).ok
    it = changed(A01_IT, d8=95, d10=70)  # HV on Mon 8 Mar = MD+2 after the 6 Mar match A01 played
    report = check_plan(make_season(), make_plan(it={"A01": it}))
    assert rules_of(report) == {"HV-6"}
    assert spans(report, "HV-6") == [("A01", M(8), M(8))]
    assert found(report, "HV-6")[0].message == (
        "HV-6: Ana Silva (A01) has a speed day (95 %) on Mon 8 Mar, MD+2 after 'League 1' on "
        "Sat 6 Mar, which the athlete played; no speed work on MD+1 or MD+2 after a played match.")
    assert check_plan(make_season(values={"HV-6": {"days_after": 1}}), make_plan(it={"A01": it})).ok
    tue = changed(A01_IT, d9=95, d10=70)  # HV on Tue 9 Mar = MD+3
    assert check_plan(make_season(), make_plan(it={"A01": tue})).ok
    report = check_plan(make_season(values={"HV-6": {"days_after": 3}}), make_plan(it={"A01": tue}))
    assert spans(report, "HV-6") == [("A01", M(9), M(9))]


def test_hv6_names_only_the_matches_of_a_double_header_the_athlete_played():
    """It named both ("after 'League 1' / 'Cup tie' …, which the athlete played") when A01 was
    out of the second."""
    cup = Competition(id="cup", name="Cup tie", date=M(6), priority="C")
    season = make_season(comps=COMPS + (cup,)).model_copy(update={
        "roles": (MatchRole(competition="cup", athlete="A01", role="out"),)})
    it = changed(A01_IT, d8=95, d10=70)
    [v] = found(check_plan(season, make_plan(it={"A01": it})), "HV-6")
    assert "MD+2 after 'League 1' on Sat 6 Mar, which the athlete played" in v.message, v.message
    both = make_season(comps=COMPS + (cup,))
    [v] = found(check_plan(both, make_plan(it={"A01": it})), "HV-6")
    assert "MD+2 after 'League 1' and 'Cup tie' on Sat 6 Mar, which the athlete played" in v.message


def test_hv7_md_minus_1():
    bad = changed(A01_IT, d3=70, d5=80)  # speed on Fri 5 Mar, the day before a match A01 plays
    report = check_plan(make_season(), make_plan(it={"A01": bad}))
    assert rules_of(report) == {"HV-5", "HV-7"}  # the played match is a speed day too
    assert spans(report, "HV-7") == [("A01", M(5), M(5))]
    assert found(report, "HV-7")[0].message == (
        "HV-7: Ana Silva (A01) has a speed day (80 %) on Fri 5 Mar, the day before 'League 1', "
        "which the athlete plays; MD-1 is for activation only.")
    off = make_season(values={"HV-7": {"enabled": 0}})
    assert rules_of(check_plan(off, make_plan(it={"A01": bad}))) == {"HV-5"}


def test_hv7_only_before_a_match_the_athlete_plays():
    # v2: A02 is unavailable on 6 Mar and does not play: speed on Fri 5 Mar is allowed
    season = make_season(unavailability=(Unavailability(athlete="A02", start=M(6), end=M(6)),))
    a02 = changed(RAMP1 + LOAD + DELOAD + LOAD, d6=0, d5=80)
    assert check_plan(season, make_plan(it={"A02": a02})).ok


# --------------------------------------------------------------------------------------------
# a rehab season: one athlete in P2 (for RH-CAP, RH-11, exits and flare-ups)
# --------------------------------------------------------------------------------------------

R_ST = ["P2"] * 4 + ["P3"] * 10
R_IT = [60, 60, 70, 70, 70, 0, 0, 80, 70, 80, 70, 60, 0, 0]


def rehab_season(flare_ups=(), values=None) -> Season:
    return Season(
        name="Rehab", calendar=Calendar(start=M(1), end=M(14)),
        athletes=(Athlete(id="A09", name="Mia Novak"),),
        injuries=(Injury(athlete="A09", protocol="iliopsoas-tendinopathy",
                         onset=dt.date(2027, 1, 20),
                         stages=(StageRecord(stage="P1", start=dt.date(2027, 1, 21)),
                                 StageRecord(stage="P2", start=dt.date(2027, 2, 1))),
                         flare_ups=tuple(flare_ups)),),
        rules=RuleSettings(values=values or {}),
    )


def rehab_plan(st=R_ST, it=R_IT) -> Plan:
    return Plan(status="manual", team_weeks=("load", "load"),
                athletes=(AthletePlan(athlete="A09", stages=tuple(st), intensity=tuple(it),
                                      weeks=("load", "load")),))


def test_rehab_fixture_valid():
    season = rehab_season()
    assert season_problems(season) == []
    report = check_plan(season, rehab_plan())
    assert report.ok
    assert report.penalties()["RTS"] == 1400  # never FIT: 14 days to the season end + 1


def test_rh_cap():
    st = changed(R_ST, d5="P2")
    report = check_plan(rehab_season(), rehab_plan(st=st, it=changed(R_IT, d5=80)))
    assert rules_of(report) == {"RH-CAP"}
    assert spans(report, "RH-CAP") == [("A09", M(5), M(5))]
    assert "cap of 70 %" in found(report, "RH-CAP")[0].message


def test_rh11_jump_above_highest_level():
    report = check_plan(rehab_season(), rehab_plan(it=changed(R_IT, d1=70, d3=60)))
    assert rules_of(report) == {"RH-11"}
    assert spans(report, "RH-11") == [("A09", M(1), M(1))]
    assert found(report, "RH-11")[0].message == (
        "RH-11: Mia Novak (A09) runs at 70 % on Mon 1 Mar but the highest ladder level reached is "
        "none yet; go up one level at a time.")


def test_rh11_sessions_per_step():
    it = changed(R_IT, d2=0)  # 60 done once: every later day at 70 lacks a second day at 60
    report = check_plan(rehab_season(), rehab_plan(it=it))
    assert rules_of(report) == {"RH-11"}
    assert [v.start for v in found(report, "RH-11")] == [M(3), M(4), M(5), M(9), M(11)]
    assert "after only 1 day at 60 %" in found(report, "RH-11")[0].message
    one = rehab_season(values={"RH-11": {"sessions_per_step": 1}})
    assert check_plan(one, rehab_plan(it=it)).ok


def test_rh11_record_credit_and_sessions_parameter():
    # A07 recorded in S1 is credited with 60..80 twice: 90 on the season's first day is fine
    # (the valid plan); with 3 sessions per step the credit is 3 each, but 95 on 8 Mar follows
    # only 2 days at 90 (and every 100 only 2 days at 95).
    report = check_plan(make_season(values={"RH-11": {"sessions_per_step": 3}}), make_plan())
    assert rules_of(report) == {"RH-11"}
    assert [v.start for v in found(report, "RH-11", "A07")] == [M(8), M(10), M(15), M(22)]


def test_rh_stage_exit_requirement():
    report = check_plan(rehab_season(), rehab_plan(it=changed(R_IT, d3=60)))
    assert rules_of(report) == {"RH-STAGE"}
    v = found(report, "RH-STAGE")[0]
    assert (v.athlete, v.start, v.end) == ("A09", M(1), M(4))
    assert "leaves P2 on Fri 5 Mar with 1 day at 70 %" in v.message


def test_flare_up_moves_back_and_resets_ladder():
    season = rehab_season(flare_ups=(M(9),))
    assert season_problems(season) == []
    st = R_ST[:8] + ["P2"] * 6
    it = R_IT[:8] + [0, 60, 60, 70, 0, 0]  # RH-FL: 0 on the flare-up's day, then 2 calm days
    report = check_plan(season, rehab_plan(st=st, it=it))
    assert report.ok  # P3 ended by the flare-up needs neither its minimum nor its exit
    # the plan ignores the flare-up
    report = check_plan(season, rehab_plan(it=changed(R_IT, d9=0, d10=60)))
    assert spans(report, "RH-STAGE") == [("A09", M(9), M(9))]
    assert "flare-up on Tue 9 Mar" in found(report, "RH-STAGE")[0].message
    # the ladder restarts from the flare-up without credit (P2's cap 70 is 1 level above 60):
    # 70 on the first running day after the calm days is a jump
    report = check_plan(season, rehab_plan(st=st, it=changed(it, d10=0, d11=0, d12=70)))
    assert rules_of(report) == {"RH-11"}
    assert spans(report, "RH-11") == [("A09", M(12), M(12))]


def test_two_flare_ups_within_7_days_move_back_two_stages():
    season = rehab_season(flare_ups=(M(9), M(12)))
    st = R_ST[:8] + ["P2"] * 3 + ["P1"] * 3
    it = R_IT[:8] + [0, 60, 60, 0, 0, 0]
    assert check_plan(season, rehab_plan(st=st, it=it)).ok
    report = check_plan(season, rehab_plan(st=R_ST[:8] + ["P2"] * 6, it=it))
    assert spans(report, "RH-STAGE") == [("A09", M(12), M(12))]
    assert "so the stage that day is P1" in found(report, "RH-STAGE")[0].message


# --------------------------------------------------------------------------------------------
# RH-STAGE on the base season
# --------------------------------------------------------------------------------------------


def test_rh_stage_min_days_count_from_a_start_before_the_season():
    season = make_season(injuries=(a07_injury(records=(("S1", dt.date(2027, 2, 27)),)),))
    report = check_plan(season, make_plan())
    assert rules_of(report) == {"RH-STAGE"}
    v = found(report, "RH-STAGE")[0]
    assert (v.athlete, v.start, v.end) == ("A07", M(1), M(3))
    assert "after 5 days" in v.message and "at least 7 days" in v.message


def test_rh_stage_max_days():
    st = A07_ST[:22] + ["S3"] * 6
    it = changed(A07_IT, d27=0)
    report = check_plan(make_season(), make_plan(st={"A07": st}, it={"A07": it}))
    assert rules_of(report) == {"RH-STAGE"}
    assert spans(report, "RH-STAGE") == [("A07", M(11), M(25))]
    assert "at most 14 days" in found(report, "RH-STAGE")[0].message


def test_rh_stage_skip():
    st = A07_ST[:3] + ["S3"] * 19 + ["FIT"] * 6
    report = check_plan(make_season(), make_plan(st={"A07": st}))
    skips = [v for v in found(report, "RH-STAGE") if "skipping S2" in v.message]
    assert [(v.athlete, v.start) for v in skips] == [("A07", M(4))]


def test_rh_stage_backwards_without_flare_up():
    st = changed(A07_ST, d12="S2")
    report = check_plan(make_season(), make_plan(st={"A07": st}))
    assert spans(report, "RH-STAGE") == [("A07", M(12), M(12))]  # and no follow-on reports
    assert "goes back from S3 to S2 on Fri 12 Mar" in found(report, "RH-STAGE")[0].message


def test_rh_stage_inj_after_the_rehab_started():
    st = changed(A07_ST, d20="INJ")
    report = check_plan(make_season(), make_plan(st={"A07": st}))
    assert [v.start for v in found(report, "RH-STAGE")] == [M(20), M(21)]
    assert "INJ" in found(report, "RH-STAGE")[0].message


def test_rh_stage_uninjured_athlete_is_fit():
    report = check_plan(make_season(), make_plan(st={"A01": changed(["FIT"] * 28, d11="P3")}))
    assert rules_of(report) == {"RH-STAGE"}
    assert spans(report, "RH-STAGE") == [("A01", M(11), M(11))]


def test_rh_stage_from_today_must_be_reachable_from_the_record():
    # today = Thu 4 Mar: S1 recorded since 22 Feb; the plan may move on to S2 on 4 Mar
    # (exit met by the recorded 90s on 1 and 3 Mar).
    season = make_season(today=M(4))
    assert season_problems(season) == []
    assert check_plan(season, make_plan()).ok
    # the past counts for the exit requirement
    report = check_plan(season, make_plan(it={"A07": changed(A07_IT, d3=80)}))
    assert spans(report, "RH-STAGE") == [("A07", M(1), M(3))]
    # S3 on 4 Mar is not reachable from S1
    st = A07_ST[:3] + ["S3"] * 7 + A07_ST[10:]
    report = check_plan(season, make_plan(st={"A07": st}))
    assert ("A07", M(4), M(4)) in spans(report, "RH-STAGE")
    # a stage recorded from today holds from today
    season = make_season(today=M(4), injuries=(a07_injury(records=(("S1", FEB22), ("S2", M(4)))),))
    assert check_plan(season, make_plan()).ok
    st = A07_ST[:3] + ["S1"] + ["S2"] * 6 + A07_ST[10:]
    report = check_plan(season, make_plan(st={"A07": st}))
    v = found(report, "RH-STAGE")[0]
    assert (v.athlete, v.start) == ("A07", M(4))
    assert "record starts S2" in v.message


# --------------------------------------------------------------------------------------------
# DL-2
# --------------------------------------------------------------------------------------------


def test_dl2_team_load_run():
    team = ("load",) * 4
    report = check_plan(make_season(), make_plan(team=team))
    assert spans(report, "DL-2") == [(None, M(1), M(28))]  # fit athletes' copies are not repeated
    assert rules_of(report) == {"DL-2"}


def test_dl2_deload_next_to_deload():
    report = check_plan(make_season(), make_plan(team=("load", "load", "deload", "deload")))
    assert spans(report, "DL-2") == [(None, M(15), M(28))]


def test_dl2_rehab_athletes_own_run():
    report = check_plan(make_season(), make_plan(a07_weeks=("load",) * 4))
    assert rules_of(report) == {"DL-2"}
    assert spans(report, "DL-2") == [("A07", M(1), M(28))]


def test_dl2_own_week_is_never_taper():
    report = check_plan(make_season(), make_plan(a07_weeks=("load", "taper", "deload", "load")))
    assert spans(report, "DL-2") == [("A07", M(8), M(14)), ("A07", M(8), M(21))]
    assert "never taper" in found(report, "DL-2")[0].message


def test_dl2_fit_athlete_has_the_teams_kind():
    weeks = {"A01": ("deload", "load", "deload", "load")}
    report = check_plan(make_season(), make_plan(weeks=weeks))
    assert rules_of(report) == {"DL-2"}
    assert spans(report, "DL-2") == [("A01", M(1), M(7))]


def test_dl2_weeks_wholly_in_the_past_are_not_checked_and_read_as_load_when_not_recorded():
    """With no stored plan the past weeks read as load weeks, as the solver reads them: read as
    unknown, a plan with no deload after today passed the checker where the solver had to plan
    one (and its 'optimal' plan cost more than one the checker passed)."""
    records = (("S1", FEB22), ("S2", M(4)), ("S3", M(11)))
    season = make_season(today=M(15), injuries=(a07_injury(records=records),))
    assert season_problems(season) == []
    team = ("load",) * 4
    report = check_plan(season, make_plan(team=team))
    assert spans(report, "DL-2") == [(None, M(15), M(28))]
    assert "4 load weeks in a row, counting the 2 before today" in found(report, "DL-2")[0].message
    # the plan checked saying deload for a past week changes nothing: the past is the record's
    assert spans(check_plan(season, make_plan(team=("deload", "load", "load", "load"))),
                 "DL-2") == [(None, M(15), M(28))]
    assert check_plan(season, make_plan()).ok  # load, load, deload, load
    assert spans(check_plan(make_season(), make_plan(team=team)), "DL-2") == [(None, M(1), M(28))]
    # a run wholly in the past is not a violation: today after four load weeks, none open
    done = make_season(today=M(28), injuries=(a07_injury(records=records),))
    done = done.model_copy(update={"plan": make_plan(team=team)})
    assert "DL-2" not in rules_of(check_plan(done, make_plan(team=team)))


def test_dl2_load_weeks_recorded_before_today_count_on():
    """The load weeks already done count in the run the open weeks continue: a season advanced
    week by week cannot push its deload back each week (docs/semantics.md)."""
    records = (("S1", FEB22), ("S2", M(4)), ("S3", M(11)))
    season = make_season(today=M(15), injuries=(a07_injury(records=records),))
    season = season.model_copy(update={"plan": make_plan()})  # recorded: load, load, ...
    assert check_plan(season, make_plan()).ok  # load, load, deload, load
    report = check_plan(season, make_plan(team=("load",) * 4))
    assert spans(report, "DL-2") == [(None, M(15), M(28))]
    assert "4 load weeks in a row, counting the 2 before today" in found(report, "DL-2")[0].message
    # at most 2 in a row: after the 2 done, the week of today must be a deload or taper
    two = season.model_copy(update={"rules": RuleSettings(values={"DL-2": {"max_load_weeks": 2}})})
    report = check_plan(two, make_plan(team=("load", "load", "load", "deload")))
    assert spans(report, "DL-2") == [(None, M(15), M(21))]
    assert check_plan(two, make_plan()).ok
    # ...unless no deload can sit there (a pin keeps it a load week): then the past is not held
    # against the plan
    pinned = two.model_copy(update={"pins": (WeekPin(week=M(16), week_kind="load"),)})
    assert "DL-2" not in rules_of(check_plan(pinned, make_plan(team=("load", "load", "load", "deload"))))
    speed = two.model_copy(update={"pins": (IntensityPin(athlete="A01", date=M(17), intensity=95),)})
    assert "DL-2" not in rules_of(check_plan(speed, make_plan(team=("load", "load", "load", "deload"))))
    # ...or unless the season ends before the run could outgrow the limit: three done, one left
    late = make_season(today=M(22), injuries=(a07_injury(records=records),))
    late = late.model_copy(update={"plan": make_plan(team=("load",) * 4)})
    assert spans(check_plan(late, make_plan(team=("load",) * 4)), "DL-2") == [(None, M(22), M(28))]
    four = late.model_copy(update={"rules": RuleSettings(values={"DL-2": {"max_load_weeks": 4}})})
    assert "DL-2" not in rules_of(check_plan(four, make_plan(team=("load",) * 4)))
    assert Timeline(four).carried_run(("load",) * 4, 4, 2) is None
    assert Timeline(late).carried_run(("load",) * 4, 3, 2) == (3, (3,))


# --------------------------------------------------------------------------------------------
# TP-1
# --------------------------------------------------------------------------------------------

FINAL = COMPS[:3] + (Competition(id="m4", name="Cup final", date=M(27), priority="A"),)
TAPER = ("load", "taper", "taper", "load")


def test_tp1_valid_taper():
    report = check_plan(make_season(comps=FINAL), make_plan(team=TAPER))
    assert report.ok
    assert report.counts()["TP-3"] == 0 and report.counts()["DL-7"] == 0


@pytest.mark.parametrize("team, week_start", [
    (("load", "load", "taper", "load"), M(8)),  # a taper week missing
    (("taper", "taper", "taper", "load"), M(1)),  # a taper week with no A competition after it
    (("load", "taper", "taper", "deload"), M(22)),  # the A competition's week is a deload
])
def test_tp1_mutations(team, week_start):
    report = check_plan(make_season(comps=FINAL), make_plan(team=team))
    assert spans(report, "TP-1") == [(None, week_start, week_start + dt.timedelta(days=6))]


def test_tp1_taper_weeks_parameter():
    season = make_season(comps=FINAL, values={"TP-1": {"taper_weeks": 1}})
    assert spans(check_plan(season, make_plan(team=TAPER)), "TP-1") == [(None, M(8), M(14))]
    team = ("load", "load", "taper", "load")
    assert found(check_plan(season, make_plan(team=team)), "TP-1") == []


# --------------------------------------------------------------------------------------------
# PIN
# --------------------------------------------------------------------------------------------

GOOD_PINS = (
    IntensityPin(athlete="A01", date=M(3), intensity=80),
    WeekPin(week=M(17), week_kind="deload"),
    WeekPin(athlete="A07", week=M(15), week_kind="deload"),
    StagePin(athlete="A07", stage="S2", date=M(4)),
    StagePin(athlete="A07", stage="FIT", date=M(23)),
)


def test_pins_that_hold():
    season = make_season(pins=GOOD_PINS)
    assert season_problems(season) == []
    assert check_plan(season, make_plan()).ok


@pytest.mark.parametrize("pin, span", [
    (IntensityPin(athlete="A01", date=M(3), intensity=90), ("A01", M(3), M(3))),
    (WeekPin(week=M(17), week_kind="load"), (None, M(15), M(21))),
    (WeekPin(athlete="A01", week=M(17), week_kind="load"), ("A01", M(15), M(21))),
    (WeekPin(athlete="A07", week=M(20), week_kind="load"), ("A07", M(15), M(21))),
    (StagePin(athlete="A07", stage="S2", date=M(5)), ("A07", M(5), M(5))),
    (StagePin(athlete="A07", stage="FIT", date=M(22)), ("A07", M(22), M(22))),
])
def test_pin_mutations(pin, span):
    report = check_plan(make_season(pins=(pin,)), make_plan())
    assert rules_of(report) == {"PIN"}
    assert spans(report, "PIN") == [span]


def test_pins_in_the_past_are_not_checked():
    records = (("S1", FEB22), ("S2", M(4)))
    season = make_season(today=M(8), injuries=(a07_injury(records=records),),
                         pins=(IntensityPin(athlete="A01", date=M(3), intensity=90),))
    assert check_plan(season, make_plan()).ok


# --------------------------------------------------------------------------------------------
# the past (today)
# --------------------------------------------------------------------------------------------

RECORDS_15 = (("S1", FEB22), ("S2", M(4)), ("S3", M(11)))


def test_past_days_are_not_checked_but_constrain_the_plan():
    season = make_season(today=M(15), injuries=(a07_injury(records=RECORDS_15),))
    # a past Sunday with running is a fact, not a violation
    assert check_plan(season, make_plan(it={"A01": changed(A01_IT, d7=60)})).ok
    # but a planned speed day right after a past one breaks HV-5
    report = check_plan(season, make_plan(it={"A01": changed(A01_IT, d14=90, d15=90)}))
    assert spans(report, "HV-5") == [("A01", M(14), M(15))]
    assert "past, 90 %" in found(report, "HV-5")[0].message
    # RTS counts from today: 15 Mar to 23 Mar
    assert check_plan(season, make_plan()).penalties()["RTS"] == 800


def test_past_days_are_read_from_the_log_not_from_the_plan_checked():
    """A stored plan older than the log (sessions logged, today moved without a re-plan) is
    checked against what happened (rules-spec.md section 9), as the solver reads it."""
    base = make_season(today=M(15), injuries=(a07_injury(records=RECORDS_15),))
    # the plan had a speed day on Sun 14 Mar, but the athlete was logged ill (no minutes)
    stale = make_plan(it={"A01": changed(A01_IT, d14=90, d15=90)})
    assert spans(check_plan(base, stale), "HV-5") == [("A01", M(14), M(15))]
    ill = base.model_copy(update={"sessions": (
        Session(athlete="A01", date=M(14), minutes=0, rpe=0),)})
    assert found(check_plan(ill, stale), "HV-5") == []
    # the plan had a rest day, but a sprint at 92 % was logged: 15 Mar is then a second speed day
    rest = make_plan(it={"A01": changed(A01_IT, d15=90)})
    assert found(check_plan(base, rest), "HV-5") == []
    ran = base.model_copy(update={"sessions": (
        Session(athlete="A01", date=M(14), minutes=40, rpe=6, top_speed_pct=92),)})
    report = check_plan(ran, rest)
    assert spans(report, "HV-5") == [("A01", M(14), M(15))]
    assert "past, 90 %" in found(report, "HV-5")[0].message


def test_past_speed_days_in_a_week_in_progress_are_given():
    season = make_season(today=M(4))
    # Mon 1 and Wed 3 Mar (past) and the match already exceed the cap: a fact, not a violation
    assert check_plan(season, make_plan(it={"A01": changed(A01_IT, d1=90)})).ok
    # but no speed day may be added to that week
    report = check_plan(season, make_plan(it={"A01": changed(A01_IT, d1=90, d4=0, d5=80)}))
    assert ("A01", M(1), M(7)) in spans(report, "HV-2")
    assert check_plan(make_season(), make_plan(it={"A01": changed(A01_IT, d1=80)})).hard_counts() \
        == {"HV-2": 1}


def test_whole_season_past_checks_nothing():
    season = make_season(today=dt.date(2027, 4, 1), injuries=(a07_injury(records=RECORDS_15),))
    report = check_plan(season, make_plan(team=("load",) * 4, it={"A01": [100] * 28}))
    assert report.ok and report.objective == 0


# --------------------------------------------------------------------------------------------
# soft rules
# --------------------------------------------------------------------------------------------

NO_M3 = (COMPS[0], COMPS[1], COMPS[3])


def test_hv1_windows():
    season = make_season(comps=NO_M3)
    plan = make_plan(it={"A01": changed(A01_IT, d20=70), "A02": changed(A02_IT, d20=70),
                         "A07": A07_IT})
    report = check_plan(season, plan)
    assert report.ok
    # A01: no exposure from Sun 14 to Tue 23 Mar (10 days): 3 windows of 8. A02 is unavailable
    # on 16-17 Mar, A07 is FIT only from 23 Mar: no window.
    hv1 = [(v.athlete, v.start, v.end, v.penalty) for v in report.soft if v.rule == "HV-1"]
    assert hv1 == [("A01", M(14), M(21), 30), ("A01", M(15), M(22), 30), ("A01", M(16), M(23), 30)]
    assert report.penalties()["HV-1"] == 90
    assert check_plan(make_season(comps=NO_M3, values={"HV-1": {"max_gap_days": 10}}),
                      plan).counts()["HV-1"] == 1
    assert check_plan(make_season(comps=NO_M3, values={"HV-1": {"max_gap_days": 7}}),
                      plan).counts()["HV-1"] == 4
    # one HV day on Wed 17 Mar closes the gap
    plan = make_plan(it={"A01": changed(A01_IT, d20=70, d17=95), "A02": changed(A02_IT, d20=70)})
    assert check_plan(season, plan).counts()["HV-1"] == 0


def test_an_hv1_window_inside_the_teams_days_off_says_no_plan_avoids_it():
    """A winter break gave 120 HV-1 entries that read like the plan's choice."""
    off = tuple(M(d) for d in range(15, 23))  # Mon 15 to Mon 22 Mar
    season = make_season(comps=NO_M3, non_training=off)
    rest = {f"d{d}": 0 for d in range(15, 23)}
    plan = make_plan(it={"A01": changed(A01_IT, **rest), "A02": changed(A02_IT, **rest),
                         "A07": A07_IT})
    said = {(v.start, v.end): v.message for v in check_plan(season, plan).soft
            if v.rule == "HV-1" and v.athlete == "A01"}
    unavoidable = "None of these days has team training or a competition (the team's days off)"
    assert unavoidable in said[(M(14), M(21))] and unavoidable in said[(M(15), M(22))]
    assert unavoidable not in said[(M(16), M(23))]  # Tue 23 Mar is a training day


def test_tp3_taper_week_without_exposure():
    season = make_season(comps=FINAL, unavailability=(
        Unavailability(athlete="A02", start=M(16), end=M(17)),
        Unavailability(athlete="A01", start=M(13), end=M(13))))
    a01 = changed(A01_IT, d13=0)
    assert check_plan(season, make_plan(team=TAPER, it={"A01": a01})).counts()["TP-3"] == 0
    report = check_plan(season, make_plan(team=TAPER, it={"A01": changed(a01, d10=70)}))
    assert report.ok
    assert report.counts() == {"RTS": 1, "HV-1": 0, "TP-3": 1, "TEAM": 0, "DL-7": 0, "HV-DAY": 0, "LD-1": 0}
    tp3 = [v for v in report.soft if v.rule == "TP-3"][0]
    assert (tp3.athlete, tp3.start, tp3.end, tp3.penalty) == ("A01", M(8), M(14), 30)
    assert report.objective == 2200 + 30


def tp3(report: CheckReport) -> list[tuple]:
    return sorted((v.athlete, v.start, v.end) for v in report.soft if v.rule == "TP-3")


def test_tp3_not_for_a_position_hv1_exempts():
    """A goalkeeper is asked for no high-velocity exposure (HV-1), so none in a taper either;
    the outfield player with the same week is counted."""
    keeper = ATHLETES[0].model_copy(update={"position": "Goalkeeper"})
    away = tuple(Unavailability(athlete=a, start=M(13), end=M(13)) for a in ("A01", "A02"))
    season = make_season(comps=FINAL, athletes=(keeper,) + ATHLETES[1:], unavailability=away)
    # the taper week of 8 Mar without a speed session, and both away on the Derby's day
    it = {"A01": changed(A01_IT, d10=70, d13=0), "A02": changed(A02_IT, d10=70, d13=0)}
    report = check_plan(season, make_plan(team=TAPER, it=it))
    assert report.ok and tp3(report) == [("A02", M(8), M(14))]
    listed = season.model_copy(update={"rules": RuleSettings(
        values={"HV-1": {"exempt_positions": []}})})
    report = check_plan(listed, make_plan(team=TAPER, it=it))
    assert tp3(report) == [("A01", M(8), M(14)), ("A02", M(8), M(14))]


def test_tp3_not_for_an_athlete_unavailable_all_week():
    season = make_season(comps=FINAL, unavailability=(
        Unavailability(athlete="A02", start=M(8), end=M(14)),))
    a02 = RAMP1 + [0] * 7 + DELOAD + LOAD
    report = check_plan(season, make_plan(team=TAPER, it={"A02": a02}))
    assert report.ok and report.counts()["TP-3"] == 0


@pytest.mark.parametrize("days, team, hv_day", [
    ({"d9": 95, "d10": 70}, 8, 1),  # Tue 9 Mar: MD+3 (nearer than MD-4), another day
    ({"d11": 95, "d10": 70}, 8, 2),  # Thu 11 Mar (MD-2)
    ({"d8": 95, "d10": 70}, 8, 1),  # Mon 8 Mar (MD+2: another day)
])
def test_team_and_hv_day(days, team, hv_day):
    season = make_season(values={"HV-6": {"days_after": 1}})  # Mon 8 Mar is free after the match
    report = check_plan(season, make_plan(it={"A02": changed(A02_IT, **days)}))
    assert report.ok
    assert report.penalties()["TEAM"] == team and report.counts()["TEAM"] == 1
    entry = [v for v in report.soft if v.rule == "TEAM"][0]
    # the extra day itself (rules-spec section 5: one entry per extra day), not the week
    assert entry.athlete is None and entry.start == entry.end and M(8) <= entry.start <= M(14)
    assert report.penalties()["HV-DAY"] == hv_day
    assert report.counts()["HV-DAY"] == (1 if hv_day else 0)
    assert report.objective == 2203 + team + hv_day


def test_team_counts_each_extra_day():
    """rules-spec section 5: "one penalty (and one ``soft`` entry) per extra distinct HV training
    day used by the squad in a week beyond the first"; a week of three such days was one entry of
    penalty 16, so a reader counting entries (and the summary's instances) counted one."""
    # A01 on Thu 11 Mar, A02 on Mon 8 Mar: 2 team HV days, 1 extra
    it = {"A01": changed(A01_IT, d10=70, d11=95), "A02": changed(A02_IT, d10=70, d8=95)}
    one_day = {"HV-6": {"days_after": 1}}
    report = check_plan(make_season(values=one_day), make_plan(it=it))
    assert report.ok
    # one athlete each: the earliest is the shared day, the other the extra one
    assert [(v.start, v.end, v.penalty) for v in report.soft if v.rule == "TEAM"] == [
        (M(11), M(11), 8)]
    # a third fit athlete on Wed 10 Mar: 3 days, 2 extra: an entry for each
    season = make_season(athletes=ATHLETES + (Athlete(id="A03", name="Cy Park"),), values=one_day)
    plan = make_plan(it=it)
    a03 = AthletePlan(athlete="A03", stages=("FIT",) * 28, intensity=tuple(A01_IT), weeks=TEAM)
    plan = plan.model_copy(update={"athletes": plan.athletes + (a03,)})
    report = check_plan(season, plan)
    assert report.ok
    assert [(v.start, v.penalty) for v in report.soft if v.rule == "TEAM"] == [(M(10), 8),
                                                                              (M(11), 8)]
    assert report.counts()["TEAM"] == 2 and report.penalties()["TEAM"] == 16
    wed = [v for v in report.soft if v.rule == "TEAM"][0]
    # the entry's day is its own (the panel and the CLI put it first): not said again
    assert wed.message.startswith("TEAM: Another HV training day of the squad in the "), wed.message
    assert "(3 in all): Cy Park (A03) at 90 % or more, apart from the shared day, Mon 8 Mar" \
        in wed.message, wed.message
    assert "Wed 10 Mar" not in wed.message
    assert report.penalties()["HV-DAY"] == 2 + 1  # Thu = MD-2, Mon = MD+2
    # A03 moved to Mon 8 Mar with A02: that day is the shared one (2 athletes), Thu the extra
    a03 = a03.model_copy(update={"intensity": tuple(changed(A01_IT, d10=70, d8=95))})
    plan = plan.model_copy(update={"athletes": plan.athletes[:-1] + (a03,)})
    report = check_plan(season, plan)
    team = [v for v in report.soft if v.rule == "TEAM"]
    assert [(v.start, v.penalty) for v in team] == [(M(11), 8)]
    assert "the shared day, Mon 8 Mar (2 athletes)" in team[0].message, team[0].message


def test_dl7_weights():
    team = ("load", "deload", "load", "load")  # the B 'Derby' of 13 Mar in a deload week
    report = check_plan(make_season(), make_plan(team=team))
    assert [(v.start, v.penalty) for v in report.soft if v.rule == "DL-7"] == [(M(13), 10)]
    season = make_season(values={"DL-7": {"weight_b": 5}})
    assert check_plan(season, make_plan(team=team)).penalties()["DL-7"] == 5


def test_dl7_a_day_with_a_b_and_a_c_competition_is_one_b_penalty_and_names_each_priority():
    """The message called the C match "B" too ("the B competition 'Derby' / 'Friendly'")."""
    friendly = Competition(id="f", name="Friendly", date=M(13), priority="C")
    season = make_season(comps=COMPS + (friendly,))
    report = check_plan(season, make_plan(team=("load", "deload", "load", "load")))
    dl7 = [v for v in report.soft if v.rule == "DL-7"]
    assert [(v.start, v.penalty) for v in dl7] == [(M(13), 10)]  # weight_b alone, not b + c
    assert dl7[0].message == ("DL-7: The team's deload week of Mon 8 Mar has the B competition 'Derby' "
                              "and the C competition 'Friendly' on Sat 13 Mar.")


def test_rts_target_competition_missed():
    season = make_season(injuries=(a07_injury(target="m3"),))
    report = check_plan(season, make_plan())
    rts = sorted((v.start, v.penalty) for v in report.soft if v.rule == "RTS")
    assert rts == [(M(1), 2200), (M(20), 20000)]
    assert report.counts()["RTS"] == 2
    # set hard, the missed target is a violation and RTS leaves the objective
    season = make_season(injuries=(a07_injury(target="m3"),), modes={"RTS": "hard"})
    report = check_plan(season, make_plan())
    assert spans(report, "RTS") == [("A07", M(20), M(20))]
    assert "RTS" not in report.counts() and report.objective == 3


def test_stab_names_the_team_weeks_a_re_plan_moved():
    """A flare-up recorded for one player re-planned the squad's deload week a week on, and the
    re-plan said only that a return moved: the team's weeks it moved are named, at no cost of
    their own (each athlete's week changed is STAB's price)."""
    from planner.progress import team_weeks_changed

    season = make_season()
    ref = make_plan()  # deload in the week of Mon 15 Mar
    moved = ("load", "deload", "load", "load")
    plan = make_plan(team=moved, a07_weeks=moved)
    report = check_plan(season, plan, reference=ref)
    team = [(v.start, v.end, v.message, v.penalty) for v in report.soft
            if v.rule == "STAB" and v.athlete is None]
    assert team == [(M(8), M(21), "STAB: Team: deload week moved from Mon 15 Mar to Mon 8 Mar.", 0)]
    athletes = [v for v in report.soft if v.rule == "STAB" and v.athlete is not None]
    assert report.penalties()["STAB"] == sum(v.penalty for v in athletes) > 0
    # the team line is said, not counted: solve's table read "STAB 94 / 93" beside 93 changes
    assert report.counts()["STAB"] == len(athletes) == sum(v.rule == "STAB" for v in report.soft) - 1
    # the command line and the app say the same words, from the two seasons
    before, after = (season.model_copy(update={"plan": p}) for p in (ref, plan))
    assert team_weeks_changed(before, after) == ["Team: deload week moved from Mon 15 Mar to "
                                                 "Mon 8 Mar."]
    # a deload week gone with none in its place, and one new: said one week each
    assert team_weeks_changed(before, before.model_copy(update={"plan": make_plan(
        team=("load",) * 4, a07_weeks=("load",) * 4)})) == [
        "Team: the deload week of Mon 15 Mar is now a load week."]
    assert team_weeks_changed(before.model_copy(update={"plan": make_plan(
        team=("load",) * 4, a07_weeks=("load",) * 4)}), before) == [
        "Team: the week of Mon 15 Mar is now a deload week (was a load week)."]
    assert team_weeks_changed(before, before) == []
    assert not [v for v in check_plan(season, ref, reference=ref).soft if v.rule == "STAB"]


def test_stab_counts_changes_from_the_reference():
    ref = make_plan()
    plan = make_plan(it={"A01": changed(A01_IT, d2=60, d4=60)},
                     a07_weeks=("deload", "load", "deload", "load"))
    assert "STAB" not in check_plan(make_season(), plan).counts()
    report = check_plan(make_season(), plan, reference=ref)
    stab = [(v.athlete, v.start, v.end) for v in report.soft if v.rule == "STAB"]
    assert stab == [("A01", M(2), M(2)), ("A01", M(4), M(4)), ("A07", M(1), M(7))]
    assert report.penalties()["STAB"] == 3
    assert check_plan(make_season(), ref, reference=ref).counts()["STAB"] == 0
    # from today on only
    season = make_season(today=M(8), injuries=(a07_injury(records=(("S1", FEB22), ("S2", M(4)))),))
    assert check_plan(season, plan, reference=ref).counts()["STAB"] == 0
    off = make_season(modes={"STAB": "off"})
    assert "STAB" not in check_plan(off, plan, reference=ref).counts()


def test_modes_and_rules_in_objective():
    season = make_season(modes={"DL-7": "off"})
    report = check_plan(season, make_plan())
    assert "DL-7" not in report.counts() and report.objective == 2200
    report = check_plan(make_season(), make_plan(),
                        rules_in_objective={"RTS", "HV-1", "TP-3", "TEAM"})
    assert report.counts() == {"RTS": 1, "HV-1": 0, "TP-3": 0, "TEAM": 0}
    assert report.objective == 2200
    # a soft rule set hard: its instances are violations, not penalties
    season = make_season(comps=NO_M3, modes={"HV-1": "hard"})
    plan = make_plan(it={"A01": changed(A01_IT, d20=70), "A02": changed(A02_IT, d20=70)})
    report = check_plan(season, plan, rules_in_objective={"RTS"})
    assert not report.ok
    assert spans(report, "HV-1") == [("A01", M(14), M(21)), ("A01", M(15), M(22)),
                                     ("A01", M(16), M(23))]
    assert report.counts() == {"RTS": 1}


# --------------------------------------------------------------------------------------------
# shape, report API
# --------------------------------------------------------------------------------------------


def test_plan_of_wrong_shape_is_bad_input():
    plan = make_plan()
    with pytest.raises(InputError, match="no plan for Kofi Mensah"):
        check_plan(make_season(), plan.model_copy(update={"athletes": plan.athletes[:2]}))
    with pytest.raises(InputError, match="team_weeks"):
        check_plan(make_season(), plan.model_copy(update={"team_weeks": TEAM[:3]}))
    bad = plan.athletes[0].model_copy(update={"intensity": tuple([85] + A01_IT[1:])})
    with pytest.raises(InputError, match="85 is not one of"):
        check_plan(make_season(), plan.model_copy(update={"athletes": (bad,) + plan.athletes[1:]}))


def test_report_is_immutable_and_sums():
    report = check_plan(make_season(), make_plan(it={"A01": changed(A01_IT, d7=60, d14=60)}))
    assert report.hard_counts() == {"AV-1": 2}
    assert not report.ok
    with pytest.raises(AttributeError):
        report.violations = ()  # type: ignore[misc]
    assert report.objective == sum(report.penalties().values())


# --------------------------------------------------------------------------------------------
# the demo season
# --------------------------------------------------------------------------------------------


def _demo_plan(season: Season) -> Plan:
    """Intensity 0 everywhere, stages as recorded (never progressing), every week load."""
    tl = Timeline(season)
    aps = []
    for a in season.athletes:
        inj = season.injury_of(a.id)
        if inj:
            proto = load_protocol(inj.protocol)
            st = tuple(stage_on(inj, proto, d) for d in tl.days)
        else:
            st = ("FIT",) * tl.n
        aps.append(AthletePlan(athlete=a.id, stages=st, intensity=(0,) * tl.n,
                               weeks=("load",) * len(tl.weeks)))
    return Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(aps))


def test_demo_season_trivial_plan(demo_season):
    tl = Timeline(demo_season)
    plan = _demo_plan(demo_season)
    report = check_plan(demo_season, plan)
    injured = {i.athlete for i in demo_season.injuries if i.current.stage != "FIT"}
    plays = {(a.id, tl.days[i]) for a in demo_season.athletes if a.id not in injured
             for i in tl.comp_days if i not in tl.unavailable(a.id)
             and any(demo_season.role_of(a.id, c.id) != "out" for c in tl.comp_on[i])}
    assert {(v.athlete, v.start) for v in found(report, "AV-1")} == plays
    assert len(plays) > 400  # every fit athlete whose role plays, every match
    assert all("not 0 %" in v.message for v in found(report, "AV-1"))
    # recorded stages that never end outlast their maximum; the team's load weeks never stop
    assert {v.athlete for v in found(report, "RH-STAGE")} == injured
    assert (None, tl.days[0], tl.days[-1]) in spans(report, "DL-2")
    taper = {tl.days[tl.weeks[w].first] for w in tl.taper_weeks(2)}
    assert taper and {v.start for v in found(report, "TP-1")} == taper
    assert rules_of(report) == {"AV-1", "RH-STAGE", "DL-2", "TP-1"}


def test_check_handles_60_athletes_by_364_days(demo_season):
    extra = tuple(
        a.model_copy(update={"id": f"X{k:02d}", "name": f"Extra {k}"})
        for k, a in enumerate(demo_season.athletes[:12] * 3)
    )
    end = demo_season.calendar.start + dt.timedelta(days=363)
    cal = demo_season.calendar.model_copy(update={"end": end})
    season = demo_season.model_copy(update={"athletes": demo_season.athletes + extra,
                                            "calendar": cal})
    assert len(season.athletes) == 60
    plan = _demo_plan(season)
    assert len(plan.athletes[0].intensity) == 364
    report = check_plan(season, plan, reference=plan)
    assert report.counts()["STAB"] == 0 and found(report, "AV-1")


# ============================================================================================
# rules version 2, on builder seasons (tests/builders.py: day 0 = Mon 4 Jan 2027, C matches
# 'Match 1', 'Match 2' (ids m0, m1) on Saturdays, days 5 and 12, training Mon-Sat)
# ============================================================================================

W1 = [70, 70, 80, 70, 60, 100, 0]  # the season's first speed day at 80 (RAMP), the match played
W2 = [70, 70, 95, 70, 60, 100, 0]


def ath(aid: str, it, st=None, weeks=("load", "load")) -> AthletePlan:
    n = len(it)
    return AthletePlan(athlete=aid, stages=tuple(st or ["FIT"] * n), intensity=tuple(it),
                       weeks=tuple(weeks))


def plan_of(*aps: AthletePlan, team=("load", "load")) -> Plan:
    return Plan(status="manual", team_weeks=tuple(team), athletes=tuple(aps))


def put(values: list, **days) -> list:
    """A copy of ``values`` with entries replaced by builder day index: put(W1 + W2, d5=70)."""
    out = list(values)
    for key, v in days.items():
        out[int(key[1:])] = v
    return out


def soft_of(report: CheckReport, rule: str) -> list[tuple]:
    return [(v.athlete, v.start, v.end, v.penalty) for v in report.soft if v.rule == rule]


# -- roles: who plays ---------------------------------------------------------------------------


def roles_season(**kw) -> Season:
    """A1 starts, A2 is on the bench, A3 is out for the first match (m0) and starts the second."""
    s = build(weeks=2, **kw)
    athletes = (s.athletes[0], s.athletes[1].model_copy(update={"role": "bench"}), s.athletes[2])
    return s.model_copy(update={"athletes": athletes,
                                "roles": (MatchRole(competition="m0", athlete="A3", role="out"),)})


A1_ROLES = W1 + W2
A2_ROLES = put(W1 + W2, d5=80, d12=80)  # bench: 80 on match days
A3_ROLES = put(W1 + W2, d5=70, d9=90)  # out on Sat 9 Jan: trains (70); RAMP's second step 90


def roles_plan(a1=A1_ROLES, a2=A2_ROLES, a3=A3_ROLES) -> Plan:
    return plan_of(ath("A1", a1), ath("A2", a2), ath("A3", a3))


def test_roles_start_100_bench_80_out_trains():
    s = roles_season()
    assert s.role_of("A2", "m0") == "bench" and s.role_of("A3", "m0") == "out"
    report = check_plan(s, roles_plan())
    assert report.ok
    # the bench's 80 is a speed day but no HV exposure: A2 has no exposure before Wed 13 Jan
    assert [(a, st) for a, st, _e, _p in soft_of(report, "HV-1")] == [
        ("A2", day(0)), ("A2", day(1)), ("A3", day(0)), ("A3", day(1))]


@pytest.mark.parametrize("who, value, words", [
    ("A3", 100, "role for it is out"),  # playing while out
    ("A3", 80, "role for it is out"),
    ("A2", 100, "on the bench, so the day has intensity 80 %, not 100 %"),
    ("A1", 80, "so the day has intensity 100 %, not 80 %"),
    ("A1", 70, "so the day has intensity 100 %, not 70 %"),  # a starter who does not play
])
def test_roles_av1_violations(who, value, words):
    base = {"A1": A1_ROLES, "A2": A2_ROLES, "A3": A3_ROLES}
    plan = roles_plan(**{who.lower(): put(base[who], d5=value)})
    report = check_plan(roles_season(), plan)
    assert spans(report, "AV-1") == [(who, day(5), day(5))]
    assert words in found(report, "AV-1")[0].message


def test_role_out_on_a_day_that_is_not_a_training_day():
    s = roles_season()
    cal = s.calendar.model_copy(update={"non_training_days": (NonTrainingDay(date=day(5)),)})
    s = s.model_copy(update={"calendar": cal})
    report = check_plan(s, roles_plan())  # A3 trains at 70 on a declared day off
    assert spans(report, "AV-1") == [("A3", day(5), day(5))]
    assert "does not play (role out) and which is not a training day" in \
        found(report, "AV-1")[0].message
    assert check_plan(s, roles_plan(a3=put(A3_ROLES, d5=0))).ok


def test_role_out_an_80_on_the_match_day_means_playing():
    # reading: on a competition day 80 or 100 for a FIT athlete is playing, so a player who is out
    # may train there at 60, 70, 90 or 95 only
    report = check_plan(roles_season(), roles_plan(a3=put(A3_ROLES, d5=90, d9=70)))
    assert report.ok


# -- HV-6 and TEAM: compensation sessions --------------------------------------------------------


def test_hv6_compensation_session_for_a_player_who_did_not_play():
    # A3 did not play Sat 9 Jan: HV training on Mon 11 Jan (MD+2) is allowed, and the team's HV
    # day stays Wed 13 Jan (a compensation session does not count in TEAM)
    a3 = put(A3_ROLES, d7=90, d9=70)
    report = check_plan(roles_season(), roles_plan(a3=a3))
    assert report.ok
    assert report.penalties()["TEAM"] == 0
    # on MD+3 it is not a compensation session: a second team HV day
    report = check_plan(roles_season(), roles_plan(a3=put(A3_ROLES, d8=90, d9=70)))
    assert report.ok
    assert soft_of(report, "TEAM") == [(None, day(8), day(8), 8)]  # Tue beside the squad's Wed
    # a player who played has no speed work on MD+2
    report = check_plan(roles_season(), roles_plan(a1=put(A1_ROLES, d7=95, d9=70)))
    assert rules_of(report) == {"HV-6"}
    assert spans(report, "HV-6") == [("A1", day(7), day(7))]
    # the bench played too
    report = check_plan(roles_season(), roles_plan(a2=put(A2_ROLES, d6=0, d7=95, d9=70)))
    assert spans(report, "HV-6") == [("A2", day(7), day(7))]


def test_hv6_after_a_past_match_the_athlete_played():
    s = build(weeks=2, athletes=1, today=day(6))
    report = check_plan(s, plan_of(ath("A1", put(W1 + W2, d7=95, d9=70))))
    assert spans(report, "HV-6") == [("A1", day(7), day(7))]
    assert "which the athlete played" in found(report, "HV-6")[0].message
    # the past says the athlete did not play Sat 9 Jan (70): MD+2 is free (RAMP's second step: 90)
    assert check_plan(s, plan_of(ath("A1", put(W1 + W2, d5=70, d7=90, d9=70)))).ok


def test_hv7_not_before_a_match_the_athlete_is_out_of():
    # A3 is out for Sat 9 Jan: a speed day on Fri 8 Jan is no HV-7 violation
    a3 = put(A3_ROLES, d2=70, d4=80)
    assert check_plan(roles_season(), roles_plan(a3=a3)).ok
    report = check_plan(roles_season(), roles_plan(a1=put(A1_ROLES, d2=70, d4=80)))
    assert rules_of(report) == {"HV-5", "HV-7"}


# -- RE-1 ----------------------------------------------------------------------------------------

RE_ST = ["S3"] * 4 + ["FIT"] * 10  # back to FIT on Fri 8 Jan (day 4)
RE_IT = [100, 70, 100, 70, 70, 70, 0, 70, 70, 70, 70, 70, 70, 0]  # held out of both matches


def re1_season(values=None, target=None, **kw) -> Season:
    """Matches on Sat 9 and Mon 11 Jan; A1 in S3 since 27 Dec (its exit needs two days at 100 in
    the season: up to 3 speed days a week, so that A1 may also play on Sat 9 Jan)."""
    values = {"HV-2": {"max_speed_days": 3}, **(values or {})}
    return build(weeks=2, athletes=1, matches=[5, 7], rules=RuleSettings(values=values),
                 injuries=(injury("A1", "S3", start_day=-8, target=target),), **kw)


def re1_plan(it=RE_IT, st=RE_ST) -> Plan:
    return plan_of(ath("A1", it, st))


def test_re1_held_out_until_enough_team_sessions():
    assert check_plan(re1_season(), re1_plan()).ok  # 2 sessions before Mon 11 Jan: held out
    report = check_plan(re1_season(), re1_plan(it=put(RE_IT, d5=100)))
    assert rules_of(report) == {"RE-1"}
    assert spans(report, "RE-1") == [("A1", day(5), day(5))]
    assert found(report, "RE-1")[0].message == (
        "RE-1: Athlete 1 (A1) plays 'Match 1' on Sat 9 Jan after 1 FIT training day with running "
        "since returning to FIT on Fri 8 Jan; the first match comes after 3 such sessions (until "
        "then the athlete trains while the team plays).")
    report = check_plan(re1_season(), re1_plan(it=put(RE_IT, d7=100)))
    assert spans(report, "RE-1") == [("A1", day(7), day(7))]


def test_re1_counts_a_held_out_match_day_on_a_training_weekday():
    two = {"RE-1": {"team_sessions": 2}}
    # Fri 8 Jan and the match day Sat 9 Jan (trained, held out) are 2 sessions: A1 plays Mon 11
    assert check_plan(re1_season(two), re1_plan(it=put(RE_IT, d7=100))).ok
    report = check_plan(re1_season(two), re1_plan())  # ready, role start, but not playing
    assert spans(report, "AV-1") == [("A1", day(7), day(7))]
    # resting on Sat 9 Jan leaves 1 session: playing Mon 11 Jan breaks RE-1
    report = check_plan(re1_season(two), re1_plan(it=put(RE_IT, d5=0, d7=100)))
    assert spans(report, "RE-1") == [("A1", day(7), day(7))]
    assert check_plan(re1_season(two), re1_plan(it=put(RE_IT, d5=0))).ok
    # no sessions needed: A1 plays the day after returning
    report = check_plan(re1_season({"RE-1": {"team_sessions": 0}}), re1_plan())
    assert spans(report, "AV-1") == [("A1", day(5), day(5)), ("A1", day(7), day(7))]


def test_re1_a_return_recorded_before_the_season_is_complete():
    s = build(weeks=2, athletes=1, matches=[5, 7],
              injuries=(injury("A1", "FIT", start_day=-3, history=(("S3", -12),)),))
    it = [70, 70, 80, 70, 60, 100, 0, 100, 70, 70, 70, 70, 70, 0]
    assert check_plan(s, plan_of(ath("A1", it))).ok


def test_rts_target_missed_when_held_out_by_re1():
    s = re1_season(target="m0")
    report = check_plan(s, re1_plan())
    assert report.ok
    assert soft_of(report, "RTS") == [("A1", day(0), day(4), 400), ("A1", day(5), day(5), 20000)]
    target = [v for v in report.soft if v.rule == "RTS"][1]
    assert target.message == (
        "RTS: Athlete 1 (A1) is held out by RE-1 on Sat 9 Jan (1 of 3 team sessions since "
        "returning to FIT on Fri 8 Jan) and misses the target competition 'Match 1'.")
    # one session is enough: A1 plays the target
    s = re1_season({"RE-1": {"team_sessions": 1}}, target="m0")
    report = check_plan(s, re1_plan(it=put(RE_IT, d5=100, d7=100)))
    assert report.ok
    assert soft_of(report, "RTS") == [("A1", day(0), day(4), 400)]


# -- RAMP ----------------------------------------------------------------------------------------

FIT3 = ([70] * 6 + [0]) * 3  # three weeks without a speed day


@pytest.mark.parametrize("days, bad", [
    ({"d2": 80, "d4": 90, "d9": 95}, []),  # 80, 90, then free
    ({"d2": 95}, [2]),  # the season's first speed day above 80
    ({"d2": 80, "d4": 95}, [4]),  # the second above 90
    ({"d2": 80, "d4": 90, "d19": 95}, [19]),  # 14 days without a speed day: a new ramp
    ({"d2": 80, "d4": 90, "d19": 80}, []),
    ({"d2": 80, "d4": 90, "d18": 95}, []),  # 13 days: no gap
])
def test_ramp_after_the_season_start_and_a_gap(days, bad):
    s = build(weeks=3, athletes=1, matches=[])
    report = check_plan(s, plan_of(ath("A1", put(FIT3, **days), weeks=("load",) * 3),
                                   team=("load",) * 3))
    assert spans(report, "RAMP") == [("A1", day(i), day(i)) for i in bad]
    assert rules_of(report) <= {"RAMP"}


def test_ramp_gap_days_parameter_and_message():
    s = build(weeks=3, athletes=1, matches=[], rules=RuleSettings(values={"RAMP": {"gap_days": 7}}))
    plan = plan_of(ath("A1", put(FIT3, d2=80, d4=90, d12=95), weeks=("load",) * 3),
                   team=("load",) * 3)
    report = check_plan(s, plan)
    assert spans(report, "RAMP") == [("A1", day(12), day(12))]
    assert found(report, "RAMP")[0].message == (
        "RAMP: Athlete 1 (A1) has 95 % on Sat 16 Jan, the first speed day after 7 days without "
        "one (the last on Fri 8 Jan); after 7 days or more without a speed day the first is at "
        "most 80 %.")


def test_ramp_a_played_match_ends_the_ramp():
    s = roles_season()
    # A1 plays Sat 9 Jan: Wed 13 Jan at 95 follows a match, not a first step
    assert found(check_plan(s, roles_plan()), "RAMP") == []
    # A3 does not play it: Wed 13 Jan is the second step of the ramp (at most 90)
    report = check_plan(s, roles_plan(a3=put(A3_ROLES, d9=95)))
    assert spans(report, "RAMP") == [("A3", day(9), day(9))]
    assert "the second speed day after a break (the first on Wed 6 Jan)" in \
        found(report, "RAMP")[0].message


def test_ramp_a_rehab_speed_day_is_a_step():
    # S3 until a recorded return on Thu 7 Jan; one rehab speed day (100 on Tue 5 Jan) is the
    # ramp's first step (no limit in rehab), so the first FIT speed day is its second: <= 90
    s = build(weeks=2, athletes=1, matches=[],
              injuries=(injury("A1", "FIT", start_day=3, history=(("S3", -5),)),))
    st = ["S3"] * 3 + ["FIT"] * 11
    it = [70, 100, 70, 70, 70, 90, 0, 70, 70, 70, 70, 70, 70, 0]
    assert check_plan(s, plan_of(ath("A1", it, st))).ok
    report = check_plan(s, plan_of(ath("A1", put(it, d5=95), st)))
    assert spans(report, "RAMP") == [("A1", day(5), day(5))]


# -- RH-FL and RH-11's flare-up credit -------------------------------------------------------------

FL_ST = ["S1"] * 3 + ["P3"] * 11  # a flare-up on Thu 7 Jan moves S1 back to P3 (cap 80)
FL_IT = [80, 60, 0, 0, 60, 60, 0, 70, 70, 80, 70, 80, 70, 0]


def flare_season(values=None) -> Season:
    return build(weeks=2, athletes=1, matches=[], rules=RuleSettings(values=values or {}),
                 injuries=(injury("A1", "S1", start_day=-10, flare_days=(3,)),))


def flare_plan(it=FL_IT, st=FL_ST) -> Plan:
    return plan_of(ath("A1", it, st))


def test_rh_fl_no_running_on_the_flare_up_day_and_calm_days():
    assert check_plan(flare_season(), flare_plan()).ok
    report = check_plan(flare_season(), flare_plan(it=put(FL_IT, d3=60)))
    assert rules_of(report) == {"RH-FL"}
    assert found(report, "RH-FL")[0].message == (
        "RH-FL: Athlete 1 (A1) runs at 60 % on Thu 7 Jan, the day of a flare-up; no running that "
        "day.")
    report = check_plan(flare_season(), flare_plan(it=put(FL_IT, d5=70)))
    assert rules_of(report) == {"RH-FL"}
    assert spans(report, "RH-FL") == [("A1", day(5), day(5))]
    assert found(report, "RH-FL")[0].message == (
        "RH-FL: Athlete 1 (A1) runs at 70 % on Sat 9 Jan, a calm day after the flare-up on Thu 7 "
        "Jan; at most 60 % until Athlete 1 (A1) has trained 2 days after it (days off and match "
        "days do not count).")
    assert check_plan(flare_season({"RH-FL": {"calm_days": 1}}),
                      flare_plan(it=put(FL_IT, d5=70))).ok
    # four calm days are the next four days trained: Fri, Sat, (Sunday is no training day) Mon, Tue
    report = check_plan(flare_season({"RH-FL": {"calm_days": 4}}), flare_plan())
    assert spans(report, "RH-FL") == [("A1", day(7), day(7)), ("A1", day(8), day(8))]


def weekend_flare(flare: int) -> Season:
    """A1 back to FIT on day -5 after S3, a flare-up on day ``flare`` (back to S3, cap 100), a
    match on Saturday 9 Jan (day 5); Sunday is no training day."""
    return build(weeks=2, athletes=1, matches=[5], injuries=(
        injury("A1", "FIT", start_day=-5, history=(("S3", -20),), flare_days=(flare,)),))


def test_rh_fl_calm_days_are_the_next_days_trained_not_a_match_or_a_sunday():
    """A flare-up on Friday: Saturday's match (no rehab session) and Sunday (no training) are no
    calm days used up, so Monday and Tuesday, the next two days trained, stay at 60 % at most; a
    90 % sprint on Monday, which the calendar reading allowed, is flagged."""
    st = ["FIT"] * 4 + ["S3"] * 10
    it = [70, 70, 70, 70, 0, 0, 0, 60, 60, 90, 90, 70, 0, 0]
    assert found(check_plan(weekend_flare(4), plan_of(ath("A1", it, st))), "RH-FL") == []
    report = check_plan(weekend_flare(4), plan_of(ath("A1", put(it, d7=90, d8=70, d9=90), st)))
    assert spans(report, "RH-FL") == [("A1", day(7), day(7)), ("A1", day(8), day(8))]
    assert found(report, "RH-FL")[0].message == (
        "RH-FL: Athlete 1 (A1) runs at 90 % on Mon 11 Jan, a calm day after the flare-up on Fri 8 "
        "Jan; at most 60 % until Athlete 1 (A1) has trained 2 days after it (days off and match "
        "days do not count).")
    # away on Monday: that day does not count either, Wednesday is the second calm day
    away = weekend_flare(4).model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=day(7), end=day(7), reason="Family"),)})
    report = check_plan(away, plan_of(ath("A1", put(it, d7=0, d9=90), st)))
    assert spans(report, "RH-FL") == [("A1", day(9), day(9))]


def test_rh_fl_a_midweek_flare_up_keeps_the_next_two_days_calm_as_before():
    st = ["FIT"] + ["S3"] * 13
    it = [70, 0, 60, 60, 90, 0, 0, 90, 90, 70, 70, 70, 0, 0]
    assert found(check_plan(weekend_flare(1), plan_of(ath("A1", it, st))), "RH-FL") == []
    report = check_plan(weekend_flare(1), plan_of(ath("A1", put(it, d2=70, d3=90), st)))
    assert spans(report, "RH-FL") == [("A1", day(2), day(2)), ("A1", day(3), day(3))]


def test_rh11_flare_up_credit():
    # after the flare-up P3 (cap 80) is credited only with 60 (2 levels below): 80 on Mon 11 Jan
    # right after 60 is a jump; with 1 level of credit (60 and 70) it is allowed
    it = put(FL_IT, d7=80, d8=70, d9=70)
    report = check_plan(flare_season(), flare_plan(it=it))
    assert rules_of(report) == {"RH-11"}
    assert found(report, "RH-11")[0].message == (
        "RH-11: Athlete 1 (A1) runs at 80 % on Mon 11 Jan but the highest ladder level reached is "
        "60 %; go up one level at a time.")
    assert check_plan(flare_season({"RH-11": {"flare_credit_levels": 1}}), flare_plan(it=it)).ok


def test_flare_up_of_an_athlete_back_to_fit():
    # back to FIT since 30 Dec; a flare-up on Thu 7 Jan returns A1 to S3 (cap 100), credited with
    # 60..90: 95 on Mon 11 Jan is allowed, 100 is a jump
    s = build(weeks=2, athletes=1, matches=[],
              injuries=(injury("A1", "FIT", start_day=-5, history=(("S3", -20),),
                               flare_days=(3,)),))
    st = ["FIT"] * 3 + ["S3"] * 11
    it = [70, 70, 70, 0, 60, 60, 0, 95, 70, 95, 70, 70, 70, 0]
    assert check_plan(s, plan_of(ath("A1", it, st))).ok
    report = check_plan(s, plan_of(ath("A1", put(it, d7=100), st)))
    assert rules_of(report) == {"RH-11"}
    report = check_plan(s, plan_of(ath("A1", put(it, d3=0), ["FIT"] * 14)))
    assert spans(report, "RH-STAGE") == [("A1", day(3), day(3))]
    assert "moves Athlete 1 (A1) back from FIT to S3" in found(report, "RH-STAGE")[0].message


# -- RH-CRIT -------------------------------------------------------------------------------------

LSI = "Hip-flexor strength LSI"  # iliopsoas P3: pass at 90 % or more


def crit_season(tests=(), values=None, today=None) -> Season:
    rec = Injury(athlete="A1", protocol="iliopsoas-tendinopathy", onset=day(-50),
                 stages=(StageRecord(stage="P2", start=day(-45)),
                         StageRecord(stage="P3", start=day(-25))),
                 tests=tuple(CriteriaTest(date=day(d), name=name, value=v, unit="%")
                             for d, name, v in tests))
    return build(weeks=2, athletes=1, matches=[], injuries=(rec,),
                 rules=RuleSettings(values=values or {}), today=today)


def crit_plan(exit_day: int) -> Plan:
    """P3 with 80 on Mon 4 and Wed 6 Jan (its exit requirement), S1 from ``exit_day``."""
    st = ["P3"] * exit_day + ["S1"] * (14 - exit_day)
    it = [80, 70, 80, 70, 70, 70, 0, 70, 70, 70, 70, 70, 70, 0]
    return plan_of(ath("A1", it, st))


def test_rh_crit_a_failed_test_holds_the_stage():
    s = crit_season(tests=((-1, LSI, 85),))  # held until Sun 10 Jan (7 retest days)
    report = check_plan(s, crit_plan(5))
    assert rules_of(report) == {"RH-CRIT"}
    assert spans(report, "RH-CRIT") == [("A1", day(5), day(5))]
    assert found(report, "RH-CRIT")[0].message == (
        "RH-CRIT: Athlete 1 (A1) leaves P3 on Sat 9 Jan, but the latest result fails: Hip-flexor "
        "strength LSI 85 % on Sun 3 Jan (pass mark ≥ 90 %); P3 holds until a retest, not before "
        "Sun 10 Jan.")
    assert check_plan(s, crit_plan(6)).ok
    assert check_plan(crit_season(tests=((-1, LSI, 85),), values={"RH-CRIT": {"retest_days": 3}}),
                      crit_plan(3)).ok


@pytest.mark.parametrize("tests, held", [
    (((-1, LSI, 92),), False),  # passing
    (((-6, LSI, 85), (-1, LSI, 92)), False),  # the latest passes
    (((-6, LSI, 92), (-1, LSI, 85)), True),  # the latest fails
    (((-30, LSI, 70),), False),  # taken in P2, not in the P3 episode being left
    ((), False),  # no result: not held (the exit is provisional)
])
def test_rh_crit_latest_result_in_the_episode(tests, held):
    report = check_plan(crit_season(tests=tests), crit_plan(3))
    assert bool(found(report, "RH-CRIT")) == held
    assert rules_of(report) <= {"RH-CRIT"}


def test_rh_crit_a_test_on_the_day_of_the_move_counts():
    """The physio tests in the morning and the athlete moves on that day or not: a failed test
    dated on the plan's exit day holds the stage (the solver read it so, the checker did not:
    a plan moving on the day of a failed test passed the check); a passing one makes the exit
    final."""
    # taken today (a result dated after today is not read until today passes it)
    held = check_plan(crit_season(tests=((3, LSI, 85),), today=day(3)), crit_plan(3))
    assert spans(held, "RH-CRIT") == [("A1", day(3), day(3))]
    assert "85 % on Thu 7 Jan" in found(held, "RH-CRIT")[0].message
    passed = crit_season(tests=((3, LSI, 92),))
    assert check_plan(passed, crit_plan(3)).ok
    assert provisional_days(passed, crit_plan(3))["A1"] == [False] * 14
    # the board's and Move Today's provisional changes read it so too (they called a move
    # provisional that the checker and the returns called final)
    from planner.daymarks import day_marks
    from planner.progress import projected_transitions

    with_plan = passed.model_copy(update={"plan": crit_plan(3)})
    assert day_marks(with_plan)["A1"].exits == ()
    assert [t.waits_on for t in projected_transitions(with_plan, day(5))] == [()]
    failed = crit_season(tests=((3, LSI, 85),)).model_copy(update={"plan": crit_plan(3)})
    assert [e.missing for e in day_marks(failed)["A1"].exits] == [(LSI,)]


def test_rh_crit_provisional_exit_is_never_a_violation():
    report = check_plan(crit_season(), crit_plan(3))
    assert report.ok
    prov = provisional_days(crit_season(), crit_plan(3))["A1"]
    assert prov == [False] * 3 + [True] * 11
    assert provisional_days(crit_season(tests=((-1, LSI, 92),)), crit_plan(3))["A1"] == [False] * 14


# -- several injury records ----------------------------------------------------------------------


def future_season() -> Season:
    """A1 fit; a planned operation on Tue 12 Jan (onset) with P1 from Wed 13 Jan (hamstring)."""
    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(8),
                 stages=(StageRecord(stage="P1", start=day(9)),))
    return build(weeks=2, athletes=1, injuries=(rec,))


FUT_ST = ["FIT"] * 8 + ["INJ"] + ["P1"] * 5
FUT_IT = W1 + [70, 0, 0, 0, 0, 0, 0]


def test_future_onset_injured_days_then_recorded_stages():
    report = check_plan(future_season(), plan_of(ath("A1", FUT_IT, FUT_ST)))
    assert report.ok
    # RTS counts from the first stage record (Wed 13 Jan) to the season end + 1
    assert soft_of(report, "RTS") == [("A1", day(9), day(13), 500)]


@pytest.mark.parametrize("st, it, rule, words", [
    (put(FUT_ST, d8="FIT"), FUT_IT, "RH-STAGE", "the injury's onset is Tue 12 Jan"),
    (put(FUT_ST, d8="P1"), FUT_IT, "RH-STAGE", "so the stage that day is INJ"),
    (put(FUT_ST, d9="INJ"), FUT_IT, "RH-STAGE", "the injury record starts P1 on Wed 13 Jan"),
    (FUT_ST, put(FUT_IT, d8=60), "RH-CAP", "above the stage's cap of 0 %"),
])
def test_future_onset_violations(st, it, rule, words):
    report = check_plan(future_season(), plan_of(ath("A1", it, st)))
    v = found(report, rule)
    assert v and words in v[0].message


def reinjury_season() -> Season:
    """A1 in iliopsoas S2 since Mon 4 Jan; a hamstring re-injury on Sun 10 Jan takes over (P3, cap
    90, from Tue 12 Jan)."""
    first = injury("A1", "S2", start_day=0, history=(("S1", -10),))
    second = Injury(athlete="A1", protocol="hamstring-strain", onset=day(6),
                    stages=(StageRecord(stage="P3", start=day(8)),))
    return build(weeks=2, athletes=1, matches=[], injuries=(first, second),
                 rules=RuleSettings(values={"HV-2": {"max_speed_days": 3}}))


RE_INJ_ST = ["S2"] * 6 + ["INJ"] * 2 + ["P3"] * 6
RE_INJ_IT = [70, 70, 90, 70, 90, 0, 0, 0, 80, 70, 80, 70, 90, 0]


def test_reinjury_takes_over():
    s = reinjury_season()
    report = check_plan(s, plan_of(ath("A1", RE_INJ_IT, RE_INJ_ST)))
    assert report.ok  # S2 ended by the new onset after 6 days needs no minimum; 90 is P3's cap
    assert soft_of(report, "RTS") == [("A1", day(0), day(5), 600), ("A1", day(8), day(13), 600)]
    assert [v.message for v in report.soft if v.rule == "RTS"][0] == (
        "RTS: Athlete 1 (A1), after the injury of Thu 24 Dec, is not back to FIT before the next "
        "injury on Sun 10 Jan: 6 days from Mon 4 Jan (100 points a day).")
    report = check_plan(s, plan_of(ath("A1", put(RE_INJ_IT, d12=95), RE_INJ_ST)))
    assert spans(report, "RH-CAP") == [("A1", day(12), day(12))]
    assert "cap of 90 %" in found(report, "RH-CAP")[0].message
    report = check_plan(s, plan_of(ath("A1", RE_INJ_IT, put(RE_INJ_ST, d6="S2"))))
    assert spans(report, "RH-STAGE") == [("A1", day(6), day(6))]
    report = check_plan(s, plan_of(ath("A1", RE_INJ_IT, put(RE_INJ_ST, d7="P3"))))
    assert spans(report, "RH-STAGE") == [("A1", day(7), day(7))]
    assert "the injury of Sun 10 Jan has no stage recorded before Tue 12 Jan" in \
        found(report, "RH-STAGE")[0].message


# -- HV-1 across S1+ and exempt positions --------------------------------------------------------


def hv1_season(stage="S1", values=None) -> Season:
    s = build(weeks=2, athletes=2, matches=[], rules=RuleSettings(values=values or {}),
              injuries=(injury("A1", stage, start_day=0),))
    keeper = s.athletes[1].model_copy(update={"position": "Goalkeeper"})
    return s.model_copy(update={"athletes": (s.athletes[0], keeper)})


STEADY = ([70] * 6 + [0]) * 2  # no speed day at all


def test_hv1_windows_in_a_stage_allowing_90_and_goalkeepers_exempt():
    plan = plan_of(ath("A1", STEADY, ["S1"] * 14), ath("A2", STEADY))
    report = check_plan(hv1_season(), plan)
    assert report.ok
    assert [(a, st) for a, st, _e, _p in soft_of(report, "HV-1")] == [
        ("A1", day(i)) for i in range(7)]
    first = [v for v in report.soft if v.rule == "HV-1"][0]
    assert "FIT or in a stage allowing 90 %" in first.message
    # P3 (cap 80): no window
    p3 = plan_of(ath("A1", STEADY, ["P3"] * 14), ath("A2", STEADY))
    report = check_plan(hv1_season("P3"), p3)
    assert report.counts()["HV-1"] == 0
    # no exempt positions: the goalkeeper counts too
    report = check_plan(hv1_season(values={"HV-1": {"exempt_positions": []}}), plan)
    assert {a for a, *_ in soft_of(report, "HV-1")} == {"A1", "A2"}


def test_a_pin_the_plan_does_not_follow_yet_waits_and_is_no_broken_rule_to_hand_out():
    """The Plan Check panel shows a pin made after the solve as waiting for the next solve; the
    export's question and the workbook's cover agree: only the other hard rules count."""
    pin = Violation(rule="PIN", athlete="A1", start=dt.date(2027, 1, 5), end=dt.date(2027, 1, 5),
                    message="PIN: Athlete 1 (A1) is pinned to 0 % on Tue 5 Jan, the plan has 90 %.")
    away = Violation(rule="AV-1", athlete="A2", start=dt.date(2027, 1, 6), end=dt.date(2027, 1, 6),
                     message="AV-1: Athlete 2 (A2) is away on Wed 6 Jan; plan no running (0).")
    assert CheckReport(violations=(pin,), soft=()).broken_note() is None
    report = CheckReport(violations=(pin, away), soft=())
    assert report.broken() == [away]
    assert report.broken_note() == (
        "This plan breaks 1 hard rule of the season as it is now: the season changed after the "
        "solve, or the plan was edited by hand. The first, AV-1 on Wed 6 Jan 2027: Athlete 2 (A2) "
        "is away on Wed 6 Jan; plan no running (0). Solve again before handing it out.")
    assert report.broken_note(anonymise=True).endswith(
        "The first, AV-1, A2, Wed 6 Jan 2027. Solve again before handing it out.")


def test_a_declared_day_off_is_named_by_its_reason_in_the_check_and_the_why():
    """On Christmas the Inspector said "Not a training day (a declared non-training day)" and
    the check "a declared non-training day", without the "Christmas" the Excel calendar shows."""
    from planner.why import why_day

    s = roles_season()
    cal = s.calendar.model_copy(update={"non_training_days": (
        NonTrainingDay(date=day(2), reason="Christmas"), NonTrainingDay(date=day(3)))})
    s = s.model_copy(update={"calendar": cal})
    plan = roles_plan(a3=put(A3_ROLES, d2=70, d3=70))
    report = check_plan(s, plan)  # A3 trains at 70 on the two declared days off
    said = {v.start: v.message for v in found(report, "AV-1", "A3")}
    assert "a declared non-training day (Christmas)" in said[day(2)]
    assert "a declared non-training day" in said[day(3)] and "(" not in said[day(3)].split("day")[-1]
    texts = [r.text for r in why_day(s, plan, "A1", day(2)).reasons]
    assert "Not a training day (a declared non-training day: Christmas)." in texts
    texts = [r.text for r in why_day(s, plan, "A1", day(3)).reasons]
    assert "Not a training day (a declared non-training day)." in texts


def test_violations_of_one_rule_for_one_cause_on_many_days_read_as_one_line():
    def v(rule, who, d, said):
        day = dt.date(2026, 8, d)
        return Violation(rule, who, day, day, f"{rule}: {who} runs at 70 % on {day:%a} {d} Aug {said}")

    ladder = [v("RH-11", "A07", d, "after only 1 day at 60 %.") for d in (5, 6, 7, 10)]
    other = v("RH-11", "A07", 6, "after only 0 days at 60 %.")  # another cause: its own line
    cap = v("RH-CAP", "A07", 5, "above the cap.")
    mate = v("RH-11", "A19", 7, "after only 1 day at 60 %.")  # another athlete
    pair = [v("AV-1", "A02", d, "while away.") for d in (8, 9)]
    span = Violation("TP-1", None, dt.date(2026, 8, 3), dt.date(2026, 8, 9), "TP-1: the week of Mon 3 Aug")
    violations = sorted([*ladder, other, cap, mate, *pair, span], key=lambda x: x.start)
    groups = group_violations(violations)
    assert sorted((m for g in groups for m in g.members), key=violations.index) == violations
    assert [g.first for g in groups] == [span, ladder[0], cap, other, mate, pair[0]]
    by_first = {g.first: g for g in groups}
    assert by_first[ladder[0]].members == tuple(ladder)
    assert by_first[ladder[0]].message == ladder[0].message + " The same on 3 more days, to Mon 10 Aug."
    assert by_first[pair[0]].message == pair[0].message + " The same on Sun 9 Aug."
    assert by_first[cap].message == cap.message and by_first[span].message == span.message


def test_hv1_windows_of_one_gap_read_as_one_line():
    """A 12-day gap is 5 overlapping 8-day windows, each an HV-1 instance with its penalty: the
    Plan Check listed them apart (13-20, 14-21, 15-22, 16-23 Nov). group_soft gathers each
    athlete's run of windows starting on consecutive days into one line, the penalty summed."""
    from planner.check import group_soft
    from planner.season import AthletePlan, Plan

    s = build(weeks=4, athletes=2, matches=[])  # no match: no exposure at all, 70 % every day
    tl = Timeline(s)
    kinds = ("deload",) + ("load",) * (len(tl.weeks) - 1)
    plan = Plan(status="manual", team_weeks=kinds, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, weeks=kinds,
                    intensity=tuple(70 if tl.is_training[i] else 0 for i in range(tl.n)))
        for a in s.athletes))
    report = check_plan(s, plan)
    assert report.violations == ()
    hv1 = [v for v in report.soft if v.rule == "HV-1"]
    assert len(hv1) > 2
    groups = group_soft(report.soft)
    merged = [g for g in groups if g.first.rule == "HV-1"]
    # windows of one athlete starting on consecutive days: one group per athlete here
    assert len(merged) == len({v.athlete for v in hv1})
    g = merged[0]
    assert [m.start for m in g.members] == sorted(m.start for m in g.members)
    assert all((b.start - a.start).days == 1 for a, b in zip(g.members, g.members[1:], strict=False))
    assert g.penalty == sum(m.penalty for m in g.members)
    assert f"{len(g.members)} overlapping windows of 8 days without one" in g.message
    assert f"({g.penalty:,} in all)" in g.message
    # every instance is in exactly one group, in order
    assert [m for x in groups for m in x.members] == list(report.soft)


def test_every_soft_rule_of_the_table_has_its_check():
    # run() looks each one up by name and fails loudly without it; this says which is missing
    from planner.check import _Checker, soft_check_name
    from planner.rules import SOFT_RULES
    missing = [r for r in SOFT_RULES if not callable(getattr(_Checker, soft_check_name(r), None))]
    assert missing == []


def test_a_stage_left_on_the_seasons_first_day_is_reported_on_that_day():
    """A stage begun before the season and left on its first day was reported from that day to
    the day before it (2026-08-03..2026-08-02): a range a line parser reads as inverted."""
    from tests.builders import solved_and_checked

    s = build(weeks=3, athletes=1, injuries=(injury("A1", "P3", start_day=-5),))
    out, _ = solved_and_checked(s)
    ap = out.plan.for_athlete("A1")
    ids = load_protocol("iliopsoas-tendinopathy").stage_ids
    nxt = ids[ids.index("P3") + 1]
    moved = ap.model_copy(update={"stages": (nxt,) + ap.stages[1:]})
    plan = out.plan.model_copy(update={"athletes": (moved,)})
    bad = [v for v in check_plan(s, plan).violations if v.rule == "RH-STAGE" and "leaves P3" in v.message]
    assert bad and all(v.start == v.end == day(0) for v in bad), bad


def test_a_stage_begun_before_the_season_is_held_to_its_maximum_from_its_start():
    """rules-spec section 3: a stage's maximum counts from its start, also when it started before
    the season. With no today moved in, the checker restarted it at the season's start when less
    than its minimum was left, so a plan holding S1 five days past its maximum passed."""
    from tests.builders import solved_and_checked

    s = build(weeks=4, athletes=1, injuries=(injury("A1", "S1", start_day=-10),))  # 10 of 7-14
    out, _ = solved_and_checked(s)
    ap = out.plan.for_athlete("A1")
    held = ap.model_copy(update={"stages": ("S1",) * 9 + ap.stages[9:]})  # S1 to day 19 of it
    plan = out.plan.model_copy(update={"athletes": (held,)})
    msgs = [v.message for v in check_plan(s, plan).violations if v.rule == "RH-STAGE"]
    assert any("day 15 of the stage (started" in m and "S1 lasts at most 14 days" in m
               for m in msgs), msgs


def test_the_why_of_a_calm_day_follows_the_days_trained():
    """The Inspector's "At most 60 %: flare-up …" stood on Saturday's match and Sunday (the
    calendar's next two days) and not on Monday and Tuesday, which the checker and the solver
    keep calm: now on every day up to the second day trained (the days between have no session)."""
    from planner.why import why_day

    s = weekend_flare(4)
    st = ["FIT"] * 4 + ["S3"] * 10
    plan = plan_of(ath("A1", [70, 70, 70, 70, 0, 0, 0, 60, 60, 90, 90, 70, 0, 0], st))

    def calm(i: int) -> bool:
        return any(r.rule == "RH-FL" and r.text.startswith("At most 60 %: flare-up")
                   for r in why_day(s, plan, "A1", day(i)).reasons)

    assert [i for i in range(4, 12) if calm(i)] == [5, 6, 7, 8]


def test_a_pain_not_recorded_keeps_the_athletes_own_days_trained_calm():
    """The proposed flare-up's calm days (planner.progress.speed_after_pain) counted the team's
    days trained: a day the athlete is away does not count for him, so the day after the
    second team day is still a calm day of his."""
    from planner.progress import speed_after_pain
    from planner.season import Session

    s = build(weeks=3, athletes=1, matches=[], injuries=(injury("A1", "P3", start_day=-20),))
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"today": day(10)}),
        "sessions": (Session(athlete="A1", date=day(9), minutes=60, rpe=5, pain=6),),
        "unavailability": (Unavailability(athlete="A1", start=day(10), end=day(10), reason="Family"),)})
    it = [0] * 21
    it[12] = 80  # Saturday: his second day trained after Wednesday's pain (Thursday away)
    plan = plan_of(ath("A1", it, ["P3"] * 21))
    assert [x.date for x in speed_after_pain(s, plan)] == [day(12)]
