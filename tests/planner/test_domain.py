"""Calendar facts, the rule table, the protocol template and the rehab history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.protocols import load_protocol
from planner.rehab import segments, stage_on
from planner.rules import RULES, RuleSet, settings_problems
from planner.season import Calendar, Competition, NonTrainingDay, RuleSettings
from planner.timeline import Timeline
from tests.builders import day, injury, season


def test_weeks_are_calendar_weeks_with_partial_ends():
    s = season(weeks=2).model_copy(update={"calendar": Calendar(start=day(2), end=day(16))})
    tl = Timeline(s)
    assert [(w.first, w.last) for w in tl.weeks] == [(0, 4), (5, 11), (12, 14)]
    s2 = s.model_copy(update={"calendar": Calendar(start=day(2), end=day(16), week_start="sun")})
    assert [(w.first, w.last) for w in Timeline(s2).weeks] == [(0, 3), (4, 10), (11, 14)]


def test_md_labels_both_relations_and_ties():
    # matches on day 5 (Sat) and day 9 (Wed): day 7 is MD+2 and MD-2 -> tie goes to MD-2
    s = season(weeks=2, matches=[5, 9])
    tl = Timeline(s)
    assert tl.label(5) == "MD" and tl.label(6) == "MD+1" and tl.label(4) == "MD-1"
    assert tl.md_after[7] == 2 and tl.md_before[7] == 2 and tl.label(7) == "MD-2"
    assert tl.label(13) == "MD+4"
    far = season(weeks=3, matches=[20])
    assert Timeline(far).label(0) is None  # 20 days before: beyond 7


def test_training_days_exclude_sundays_matches_and_declared_days():
    s = season(weeks=1, matches=[5])
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "non_training_days": (NonTrainingDay(date=day(2), reason="Holiday"),)})})
    tl = Timeline(s)
    assert [tl.is_training[i] for i in range(7)] == [True, True, False, True, True, False, False]


def test_multi_day_competition_and_taper_weeks():
    s = season(weeks=6, matches=[], comps=[Competition(id="t", name="Tournament", date=day(30),
                                                       end_date=day(32), priority="A")])
    tl = Timeline(s)
    assert tl.is_comp[30] and tl.is_comp[31] and tl.is_comp[32] and not tl.is_comp[33]
    assert sorted(tl.taper_weeks(2)) == [2, 3]
    assert list(tl.a_weeks()) == [4]


def test_today_sets_the_first_plannable_day():
    s = season(weeks=2)
    assert Timeline(s).p0 == 0
    assert Timeline(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(9)})})).p0 == 9
    late = s.calendar.model_copy(update={"today": day(40)})
    assert Timeline(s.model_copy(update={"calendar": late})).p0 == 14


# rules-spec.md sections 3 and 5
SPEC_HARD = {"AV-1", "HV-5", "HV-2", "HV-6", "HV-7", "RH-CAP", "RH-11", "RH-STAGE", "RH-FL", "RH-CRIT",
             "RE-1", "RAMP", "DL-2", "TP-1", "PIN"}
SPEC_SOFT = {"RTS", "HV-1", "TP-3", "TEAM", "DL-7", "HV-DAY", "LD-1", "STAB"}


def test_rule_table_covers_the_spec():
    assert {r.id for r in RULES.values() if r.hard} == SPEC_HARD
    assert {r.id for r in RULES.values() if not r.hard} == SPEC_SOFT
    for r in RULES.values():
        assert r.title and r.summary and r.evidence
        for p in r.params:
            assert p.min <= p.default <= p.max, (r.id, p.name)


def test_rule_defaults_and_ranges_follow_the_spec():
    rs = RuleSet()
    assert rs.value("HV-2", "max_speed_days") == 2 and rs.value("HV-2", "max_speed_days_deload") == 1
    assert rs.value("DL-2", "max_load_weeks") == 3 and RULES["DL-2"].param("max_load_weeks").max == 7
    assert rs.value("TP-1", "taper_weeks") == 2
    # LD-1 and the section 8 load table (rules-spec.md v2)
    assert rs.value("LD-1", "acwr_max") == 1.3 and RULES["LD-1"].param("acwr_max").min == 1.1
    assert RULES["LD-1"].param("acwr_max").max == 1.5
    assert [rs.value("LD-1", f"minutes_{k}") for k in ("load", "deload", "taper")] == [75, 45, 40]
    assert [rs.value("LD-1", f"rpe_{b}") for b in ("70", "80", "90")] == [4, 5, 6]
    assert [rs.value("LD-1", f"{s}_minutes") * rs.value("LD-1", f"{s}_rpe")
            for s in ("P1", "P2", "P3", "S1", "S2", "S3")] == [135, 240, 300, 300, 360, 450]
    assert rs.value("HV-1", "max_gap_days") == 8 and RULES["HV-1"].param("max_gap_days").min == 7
    assert rs.value("RH-11", "sessions_per_step") == 2
    # rules v2
    assert rs.value("HV-6", "days_after") == 2 and RULES["HV-6"].param("days_after").max == 3
    assert rs.value("RH-11", "flare_credit_levels") == 2
    assert rs.value("RH-FL", "calm_days") == 2 and RULES["RH-FL"].param("calm_days").max == 5
    assert rs.value("RH-CRIT", "retest_days") == 7 and RULES["RH-CRIT"].param("retest_days").min == 3
    assert rs.value("RE-1", "team_sessions") == 3 and RULES["RE-1"].param("team_sessions").max == 6
    assert rs.value("RAMP", "gap_days") == 14 and RULES["RAMP"].param("gap_days").max == 28
    assert rs.texts("HV-1", "exempt_positions") == ("GK",)
    assert rs.mode("HV-5") == "hard" and rs.mode("TEAM") == "soft"


def test_rule_settings_are_validated():
    bad = RuleSettings(values={"HV-2": {"max_speed_days": 9}, "XX": {"a": 1}, "DL-2": {"nope": 1}},
                       modes={"HV-5": "off"})
    problems = settings_problems(bad)
    assert any("rules.values.HV-2.max_speed_days" in p and "1-3" in p for p in problems)
    assert any("rules.values.XX" in p for p in problems)
    assert any("rules.values.DL-2.nope" in p for p in problems)
    assert any("rules.modes.HV-5" in p and "hard rule" in p for p in problems)


def test_iliopsoas_protocol_is_the_spec_table():
    p = load_protocol("iliopsoas-tendinopathy")
    table = [(s.id, s.cap, s.min_days, s.max_days, s.exit_days) for s in p.stages]
    assert table == [("P1", 0, 7, 21, 0), ("P2", 70, 21, 42, 2), ("P3", 80, 21, 42, 2),
                     ("S1", 90, 7, 14, 2), ("S2", 95, 7, 14, 2), ("S3", 100, 7, 14, 2)]
    assert p.stage("P2").cod.startswith("planned") and "45" in p.stage("P2").cod
    assert p.stage("S3").cod == "reactive" and p.stage("P1").kicking == "none"
    assert p.previous_cap("P3") == 70 and p.previous_cap("P1") == 0
    assert "Weir15" in p.citations


def test_flare_ups_move_back_one_or_two_stages():
    inj = injury("A1", "P3", start_day=-20, flare_days=(3, 6, 20))
    p = load_protocol(inj.protocol)
    segs = segments(inj, p)
    assert [(s.stage, (s.start - day(0)).days) for s in segs] == [
        ("P3", -20), ("P2", 3), ("P1", 6), ("P1", 20)]  # 6 is within 7 days of 3: two back
    assert stage_on(inj, p, day(4)) == "P2"
    assert stage_on(inj, p, day(-30)) == "FIT"  # before the onset


def test_unknown_protocol_message_lists_known_ones():
    from planner.errors import InputError

    with pytest.raises(InputError, match="iliopsoas-tendinopathy"):
        load_protocol("nope")


def test_dates_are_plain_dates():
    assert isinstance(day(0), dt.date) and day(0).weekday() == 0


def test_docs_rules_md_is_generated_from_the_rule_table():
    from planner.rulesdoc import rules_markdown

    committed = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text()
    assert committed == rules_markdown(), "run: python -m planner.rulesdoc > docs/rules.md"


def test_a_stage_is_named_in_the_words_of_the_athletes_own_protocol():
    """Move Today, the board and the command line name an ankle sprain's P2 as the ankle
    protocol does, not as the iliopsoas one (the stage ids are shared, the stages are not)."""
    from planner.progress import Transition
    from planner.text import stage_name, stage_name_on
    from tests.builders import day, injury, season

    ankle = injury(stage="P1", start_day=0).model_copy(update={"protocol": "ankle-sprain"})
    s = season(weeks=4, athletes=2, injuries=(ankle,))
    assert stage_name("P2") == "P2 concentric/eccentric"  # no protocol: the generic words
    assert stage_name("P2", "ankle-sprain") == "P2 strength and balance"
    assert stage_name("P2", "hamstring-strain") == "P2 walk-jog progression"
    assert stage_name("P2", "no-such-protocol") == "P2 concentric/eccentric"
    assert stage_name("FIT", "ankle-sprain") == "full competition"
    assert stage_name_on(s, "A1", "P2", day(10)) == "P2 strength and balance"
    assert Transition("A1", "P2", day(10)).text(s).startswith("Athlete 1 (A1) enters P2 strength and balance")


def test_a_date_typed_on_the_command_line_reads_iso_or_day_first():
    import datetime as dt

    from planner.text import read_date

    d = dt.date(2027, 5, 31)
    assert [read_date(t) for t in ("2027-05-31", " 31/05/2027 ", "31.5.2027", "31/5/2027",
                                   "20270531")] == [d] * 5
    # an ISO date with a time and a time zone, as an AMS writes it: the date as written
    assert [read_date(t) for t in ("2027-05-31T00:00:00Z", "2027-05-31T23:00:00-05:00",
                                   "2027-05-31T18:00:00+01:00", "2027-05-31 18:00")] == [d] * 4
    assert read_date("05/06/2027") == dt.date(2027, 6, 5)  # day first, as the app reads it
    # a year in two digits, as the app's date fields, the session log and the workbook read it
    assert [read_date(t) for t in ("31/05/27", "31.5.27", "5.1.27")] == [d, d, dt.date(2027, 1, 5)]
    for bad in ("31/13/2027", "2027-02-30", "5 Jan", "", "2027-5-31x", "31.5.127", "31.2.27",
                "31.5.2027 10:00"):
        assert read_date(bad) is None, bad
