"""The return of each injured athlete and the provisional days (planner/returns.py).

Builder seasons (tests/builders.py): day 0 = Mon 4 Jan 2027, C matches 'Match 1' (m0) on Sat 9 Jan
(day 5) and 'Match 2' (m1) on Sat 16 Jan (day 12), training Mon-Sat. A1 is in iliopsoas S3 since
Sun 27 Dec (S3's criteria: hip-flexor strength LSI >= 90 %, pain during max sprint <= 2/10) and is
back to FIT on Fri 8 Jan (day 4); RE-1 holds A1 out of 'Match 1' (1 team session) and A1 plays
'Match 2'.
"""

from __future__ import annotations

from planner.check import check_plan
from planner.returns import Return, provisional_days, return_text, returns
from planner.rules import RuleSet
from planner.season import AthletePlan, CriteriaTest, Injury, Plan, RuleSettings, StageRecord
from tests.builders import day, injury
from tests.builders import season as build

ST = ["S3"] * 4 + ["FIT"] * 10
IT = [100, 70, 100, 70, 70, 70, 0, 70, 70, 95, 70, 60, 100, 0]


def make(records=None, tests=(), target="m1", values=None, athletes=1):
    rec = injury("A1", "S3", start_day=-8, target=target)
    if tests:
        rec = rec.model_copy(update={"tests": tuple(
            CriteriaTest(date=day(d), name=name, value=v) for d, name, v in tests)})
    return build(weeks=2, athletes=athletes, injuries=records or (rec,),
                 rules=RuleSettings(values=values or {}))


def plan(st=ST, it=IT, others=()) -> Plan:
    aps = (AthletePlan(athlete="A1", stages=tuple(st), intensity=tuple(it),
                       weeks=("load", "load")),)
    return Plan(status="manual", team_weeks=("load", "load"), athletes=aps + tuple(others))


def test_the_fixture_is_a_valid_plan():
    assert check_plan(make(), plan()).ok


def test_return_fit_first_match_target_and_provisional():
    assert returns(make(), plan()) == [Return(
        athlete="A1", onset=day(-9), protocol="iliopsoas-tendinopathy", stage_at_p0="S3",
        fit=day(4), first_match=day(12), target="Match 2", target_date=day(12), target_met=True,
        provisional=True, recorded_stage="S3", target_id="m1",
        pending=(("S3", ("Hip-flexor strength LSI (≥ 90 %)", "Pain during max sprint (≤ 2/10)")),),
        first_role="start", first_start=day(12))]
    # the provisional return names the tests still to pass
    [r] = returns(make(), plan())
    # with their stage: "Hip-flexor strength LSI not passed yet" after a passing P3 retest read as
    # the result lost (it was S3's test of the same name)
    # and their pass marks: a later stage may hold the same test at a higher mark
    assert r.back_note() == (" (provisional: S3's Hip-flexor strength LSI (≥ 90 %) and Pain during "
                             "max sprint (≤ 2/10) not passed yet)")
    passing = ((-2, "Hip-flexor strength LSI", 95),)
    [r] = returns(make(tests=passing), plan())
    assert r.pending == (("S3", ("Pain during max sprint (≤ 2/10)",)),)


def test_a_stage_the_plan_projects_on_the_first_day_is_said_as_planned():
    """P1 recorded a week before the season, P2 planned from its first day: the Returns sheet
    and the solve's summary read "P2 at the season start", as if recorded."""
    from planner.returns import return_text

    r = Return(athlete="A1", onset=day(-9), protocol="iliopsoas-tendinopathy", stage_at_p0="P2",
               fit=day(40), first_match=None, target=None, target_date=None, target_met=None,
               provisional=False, recorded_stage="P1", recorded_since=day(-7),
               planned_from=day(0))
    assert r.stage_words() == "P1 (since Mon 28 Dec; P2 planned from Mon 4 Jan)"
    assert ("(in P1 isometric and submaximal contractions since Mon 28 Dec 2026; P2 concentric and "
            "eccentric loading planned from Mon 4 Jan 2027)") in return_text(make(), r), return_text(make(), r)
    from dataclasses import replace

    same = replace(r, recorded_stage="P2")
    assert same.stage_words() == "P2" and "planned;" not in return_text(make(), same)


def test_a_stage_held_since_a_flare_up_is_said_with_its_day_before_the_one_planned():
    """After a flare-up, `record --flare-up` said "(now P2 walk-jog progression, planned; P1
    recorded)": a coach could not tell which stage the player was in that day. The stage the
    records hold comes first, with the flare-up that sent the athlete back to it, then the
    plan's with its first day; in the workbook's cell too."""
    s = make()
    flared = s.injuries[0].model_copy(update={"flare_ups": (day(1),)})  # S3 -> S2 on Tue 5 Jan
    s = s.model_copy(update={"injuries": (flared,), "calendar": s.calendar.model_copy(
        update={"today": day(2)})})
    [r] = returns(s, plan(st=["S3", "S2"] + ["S3"] * 2 + ["FIT"] * 10))  # S3 again from today
    assert (r.recorded_stage, r.recorded_since, r.recorded_flare, r.stage_at_p0, r.planned_from) \
        == ("S2", day(1), True, "S3", day(2))
    assert ("(in S2 controlled sprinting again since the flare-up on Tue 5 Jan 2027; S3 "
            "sport-specific drills planned from Wed 6 Jan 2027)") in return_text(s, r)
    assert r.stage_words() == "S2 (again since the flare-up on Tue 5 Jan; S3 planned from Wed 6 Jan)"
    # a plan whose S3 ran on from before the flare-up: planned from the day after it, not before
    [r] = returns(s, plan())
    assert (r.recorded_since, r.planned_from) == (day(1), day(2))


def test_passing_criteria_make_the_exit_final():
    passing = ((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1))
    [r] = returns(make(tests=passing), plan())
    assert r.provisional is False
    # one criterion without a result keeps the exit provisional
    [r] = returns(make(tests=passing[:1]), plan())
    assert r.provisional is True
    # a failing latest result also (and RH-CRIT holds the stage until the retest)
    failing = ((-2, "Hip-flexor strength LSI", 95), (-1, "Pain during max sprint", 4))
    [r] = returns(make(tests=failing), plan())
    assert r.provisional is True


def test_target_missed_when_held_out_by_re1():
    [r] = returns(make(target="m0"), plan())
    assert (r.target, r.target_date, r.target_met) == ("Match 1", day(5), False)
    assert r.first_match == day(12)
    # the miss is said with its reason: back the day before with 1 of RE-1's 3 sessions done
    assert r.target_missed and r.missed_why == (
        "1 of the 3 team sessions RE-1 asks before a first match done by then")
    assert return_text(make(target="m0"), r).endswith(
        "target 'Match 1' (Sat 9 Jan 2027) MISSED (1 of the 3 team sessions RE-1 asks before a "
        "first match done by then)")
    # a target played has no reason; one after the return's re-entry, missed away, says away
    [r] = returns(make(), plan())
    assert r.target_met and r.missed_why == ""
    from planner.season import Unavailability

    away = make().model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=day(12), end=day(12)),)})
    [r] = returns(away, plan(it=IT[:12] + [0, 0]))
    assert r.target_missed and r.missed_why == "recorded away that day"
    [r] = returns(make(target=None), plan())
    assert (r.target, r.target_date, r.target_met) == (None, None, None)


def test_never_fit():
    [r] = returns(make(), plan(st=["S3"] * 14, it=[100, 70, 100] + [70] * 11))
    assert (r.fit, r.first_match, r.provisional, r.target_met) == (None, None, False, False)


def test_an_athlete_back_before_p0_has_no_return():
    back = injury("A1", "FIT", start_day=-3, history=(("S3", -12),))
    fit = [70, 70, 80, 70, 60, 100, 0, 70, 70, 95, 70, 60, 100, 0]
    assert returns(make(records=(back,)), plan(st=["FIT"] * 14, it=fit)) == []
    assert provisional_days(make(records=(back,)), plan(st=["FIT"] * 14, it=fit)) == {
        "A1": [False] * 14}


def test_one_return_per_record_and_provisional_days_per_record():
    # a planned operation on Thu 14 Jan (day 10), P1 recorded from that day
    first = injury("A1", "S3", start_day=-8, target="m1")
    second = Injury(athlete="A1", protocol="hamstring-strain", onset=day(10),
                    stages=(StageRecord(stage="P1", start=day(10)),))
    s = make(records=(first, second))
    st = ["S3"] * 4 + ["FIT"] * 6 + ["P1"] * 4
    it = [100, 70, 100, 70, 70, 70, 0, 70, 70, 95, 0, 0, 0, 0]
    assert check_plan(s, plan(st, it)).ok
    one, two = returns(s, plan(st, it))
    assert (one.fit, one.first_match, one.target_met, one.provisional) == (
        day(4), None, False, True)
    assert (two.onset, two.protocol, two.stage_at_p0, two.fit, two.provisional) == (
        day(10), "hamstring-strain", "P1", None, False)
    # provisional from the exit to the end of the first record's span
    assert provisional_days(s, plan(st, it))["A1"] == [False] * 4 + [True] * 6 + [False] * 4


def test_provisional_days_only_for_exits_planned_from_p0():
    s = make(athletes=2)
    fit = AthletePlan(athlete="A2", stages=("FIT",) * 14,
                      intensity=(70, 70, 80, 70, 60, 100, 0, 70, 70, 95, 70, 60, 100, 0),
                      weeks=("load", "load"))
    days = provisional_days(s, plan(others=(fit,)))
    assert days == {"A1": [False] * 4 + [True] * 10, "A2": [False] * 14}
    # today (Sun 10 Jan) after the exit, recorded as history: no projection, no return to state
    back = injury("A1", "FIT", start_day=4, history=(("S3", -8),), target="m1")
    past = make(records=(back,), athletes=2)
    past = past.model_copy(update={"calendar": past.calendar.model_copy(update={"today": day(6)})})
    assert check_plan(past, plan(others=(fit,))).ok
    assert provisional_days(past, plan(others=(fit,)))["A1"] == [False] * 14
    assert returns(past, plan(others=(fit,))) == []
    # not recorded yet: the records still say S3 on Sat 9 Jan, so the plan leaves S3 at today
    past = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(6)})})
    assert provisional_days(past, plan(others=(fit,)))["A1"] == [False] * 6 + [True] * 8


def test_a_return_on_today_itself_is_listed_as_back_today():
    """Today is Fri 8 Jan, the day the plan moves A1 from S3 to FIT. RTS counts no day of it
    (the plan has A1 back on its first day), but the return is this week's news: it read "not
    planned yet: solve" in the app, beside a board showing A1 fit."""
    s = make()
    today = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(4)})})
    report = check_plan(today, plan())
    assert report.ok and not [v for v in report.soft if v.rule == "RTS"]
    [r] = returns(today, plan())
    assert (r.fit, r.stage_at_p0, r.first_match, r.target_met, r.provisional, r.past) == (
        day(4), "FIT", day(12), True, True, False)
    # recorded so (FIT from today): the same return, firm
    back = injury("A1", "FIT", start_day=4, history=(("S3", -8),), target="m1")
    recorded = today.model_copy(update={"injuries": (back,)})
    [r] = returns(recorded, plan())
    assert (r.fit, r.provisional, r.past) == (day(4), False, False)
    # its target after today, not played: a choice of selection, not a missed target (RTS no
    # longer counts it; counted, the same plan misses it)
    benched = IT[:12] + [0, 0]
    [r] = returns(today, plan(it=benched))
    assert (r.target_met, r.counted, r.target_missed) == (False, False, False)
    assert "not played" in return_text(today, r) and "MISSED" not in return_text(today, r)
    [r] = returns(s, plan(it=benched))
    assert (r.target_met, r.counted, r.target_missed) == (False, True, True)
    # a day later it is history: only the printed season's list has it
    later = recorded.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(5)})})
    assert returns(later, plan()) == []
    assert [x.fit for x in returns(later, plan(), history=True)] == [day(4)]


def test_a_later_injurys_handout_weeks_read_the_return_still_to_plan():
    """Back on today from the first injury, injured again on Mon 11 Jan: the handout's weeks
    took the first listed return (back on today) for the second injury's weeks."""
    from planner.handout import Handouts

    first = injury("A1", "S3", start_day=-8, target="m1")
    second = Injury(athlete="A1", protocol="hamstring-strain", onset=day(7),
                    stages=(StageRecord(stage="P1", start=day(7)),))
    s = make(records=(first, second))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(4)})})
    p = plan(["S3"] * 4 + ["FIT"] * 3 + ["P1"] * 7, [100, 70, 100, 70, 70, 70, 0] + [0] * 7)
    assert check_plan(s, p).ok
    assert [(r.onset, r.fit, r.counted) for r in returns(s, p)] == [
        (day(-9), day(4), False), (day(7), None, True)]
    week2 = Handouts(s, p).weeks("A1")[1]
    assert "P1 lasts at least" in week2.milestone and "back to full training" not in week2.milestone


def test_rule_parameters_read_by_the_facts():
    # RE-1 with 1 session: A1 plays 'Match 1' on Sat 9 Jan (needs a third speed day that week)
    values = {"RE-1": {"team_sessions": 1}, "HV-2": {"max_speed_days": 3}}
    assert RuleSet(RuleSettings(values=values)).value("RE-1", "team_sessions") == 1
    it = [100, 70, 100, 70, 70, 100, 0, 70, 70, 95, 70, 60, 100, 0]
    s = make(values=values, target="m0")
    assert check_plan(s, plan(it=it)).ok
    [r] = returns(s, plan(it=it))
    assert (r.first_match, r.target_met) == (day(5), True)


FAILED_LSI = ((-2, "Hip-flexor strength LSI", 84), (-2, "Pain during max sprint", 1))


def recorded(tests=FAILED_LSI, today=6):
    """A1's return recorded (FIT from Fri 8 Jan, day 4) over S3's ``tests``; today ``today``."""
    rec = make(tests=tests).injuries[0]
    rec = rec.model_copy(update={"stages": rec.stages + (StageRecord(stage="FIT", start=day(4)),)})
    return make(records=(rec,)).model_copy(update={"calendar": make().calendar.model_copy(
        update={"today": day(today)})})


def untested_back(today=6):
    """:func:`recorded` over a failed hip-flexor test, with the plan stored."""
    s = recorded(today=today)
    return s.model_copy(update={"plan": plan()})


def test_a_return_recorded_without_a_passing_test_says_so():
    """advance --accept recorded A1's projected return (FIT on Fri 8 Jan) while S3's criteria
    had no passing result: the return was no longer provisional (it is history), and the Returns
    sheet read "Provisional: no" with a failed hip-flexor test on record. It names the criteria
    not passed; a return with every criterion passed, or a planned one, names none."""
    failed = recorded()
    [r] = returns(failed, plan(), history=True)
    assert r.fit == day(4) and not r.provisional
    # named with its pass mark, as a provisional return names it
    assert r.untested == ("S3's Hip-flexor strength LSI (≥ 90 %)",)
    assert r.provisional_words() == ("recorded without a passing test (S3's Hip-flexor strength "
                                     "LSI (≥ 90 %))")
    assert ("(recorded without a passing test: S3's Hip-flexor strength LSI (≥ 90 %))"
            in return_text(failed, r))
    from planner.xlsx_overview import _return_words

    assert _return_words([r])[0].startswith(f"back {day(4).day} {day(4):%b}†")  # the Overview
    passed = recorded(((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1)))
    [r] = returns(passed, plan(), history=True)
    assert r.untested == () and r.provisional_words() == "no"
    [r] = returns(make(), plan())  # planned, not recorded: provisional instead
    assert r.untested == () and r.provisional and r.provisional_words() == (
        "yes: S3's Hip-flexor strength LSI (≥ 90 %) and Pain during max sprint (≤ 2/10) not passed "
        "yet")  # Returns sheet


def test_a_return_recorded_without_a_passing_test_is_said_back_lately_and_on_the_handout():
    """Back before today, a return leaves what RTS counts: the Returns panel read "everyone is
    fit" and the handout "Fit: full training." of a return recorded over a failed hip-flexor
    test, which only the workbook's Returns sheet named. Up to RECENT_RETURN_DAYS after it the
    return is listed with the Returns sheet's words, and each week in full training says it:
    the staff sheet names the tests, the player's page says the test is still to pass."""
    from planner.handout import Handouts
    from planner.progress import RECENT_RETURN_DAYS
    from planner.returns import untested_lately

    s = untested_back()
    [r] = untested_lately(s, s.plan, day(6), RECENT_RETURN_DAYS)
    assert (r.fit, r.untested) == (day(4), ("S3's Hip-flexor strength LSI (≥ 90 %)",))
    assert untested_lately(s, s.plan, day(4 + RECENT_RETURN_DAYS), RECENT_RETURN_DAYS) == [r]
    assert untested_lately(s, s.plan, day(5 + RECENT_RETURN_DAYS), RECENT_RETURN_DAYS) == []
    assert untested_lately(s, s.plan, day(3), RECENT_RETURN_DAYS) == []  # not back yet
    staff = Handouts(s, s.plan).weeks("A1")
    said = f" — {r.provisional_words()}."  # the Returns sheet's words
    assert staff[0].stage.endswith(f"From Fri 8 Jan: Fit: full training{said}"), staff[0].stage
    assert staff[1].stage == f"Fit: full training{said}"
    player = Handouts(s, s.plan, to_player=True).weeks("A1")
    assert player[1].stage == "Fit: full training — your return test is still to pass."
    passed = recorded(tests=((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1)))
    passed = passed.model_copy(update={"plan": plan()})
    assert untested_lately(passed, passed.plan, day(6), RECENT_RETURN_DAYS) == []
    assert Handouts(passed, passed.plan).weeks("A1")[1].stage == "Fit: full training."


def test_a_provisional_return_names_every_step_s_tests_not_passed():
    """Kofi's return waits on P1's tests and on P3's and S3's: only P1's were named."""
    from planner.protocols import load_protocol
    from tests.exports.demo import solved_demo

    season = solved_demo()
    kofi = next(r for r in returns(season, season.plan) if r.athlete == "A07")
    proto = load_protocol(kofi.protocol)
    stages_named = {st for st, names in kofi.pending
                    if {c.name for c in proto.stage(st).criteria} <= {n.split(" (")[0] for n in names}}
    assert kofi.provisional and len(stages_named) >= 2, kofi.pending
    assert len(set(kofi.pending)) == len(kofi.pending)  # each once, in the order of the steps


def test_no_match_after_a_return_says_which_match_and_why_when_one_follows():
    """Back two days before the season's last match, held out of it by RE-1: the return read
    "no match after", as if the match did not exist."""
    from planner.returns import return_text
    from solver import SolveRequest, solve
    from tests.builders import season

    def back(start_day):
        s = season(weeks=3, athletes=2, injuries=(
            injury("A1", "S3", start_day=start_day, onset_day=0, history=(("S2", 3),)),))
        (r,) = returns(s, solve(SolveRequest(s, time_limit=30)).plan)
        return s, r

    s, r = back(10)
    assert r.fit == day(17) and r.first_match is None
    words = ("no match played after it ('Match 3' on Sat 23 Jan: 2 of the 3 team sessions RE-1 "
             "asks before a first match done by then)")
    assert r.no_match_words() == words
    assert f", {words}" in return_text(s, r, [r])
    s, r = back(13)  # back after the last match
    assert r.fit == day(20) and r.no_match_words() == "no match after it this season"


def test_a_first_match_off_the_bench_says_so_and_names_the_first_start():
    """A returner eased in from the bench (80 % on his first match day) while a squad player
    stands in: "first match Sat 16 Jan" alone read as a start."""
    from planner.text import day_long

    st = ["S3"] * 4 + ["FIT"] * 17
    it = IT + [70, 70, 95, 70, 70, 100, 0]  # week 3: started on Sat 23 Jan (day 19)
    it[12] = 80  # Match 2 from the bench
    season = build(weeks=3, athletes=1, injuries=(injury("A1", "S3", start_day=-8),))
    aps = (AthletePlan(athlete="A1", stages=tuple(st), intensity=tuple(it),
                       weeks=("load",) * 3),)
    [r] = returns(season, Plan(status="manual", team_weeks=("load",) * 3, athletes=aps))
    assert (r.first_match, r.first_role, r.first_start) == (day(12), "bench", day(19))
    assert r.first_match_words(day_long) == (
        "first match Sat 16 Jan 2027 off the bench (first start Sat 23 Jan 2027)")
    assert "first match Sat 16 Jan 2027 off the bench (first start Sat 23 Jan 2027)" in (
        return_text(season, r))
    # a first match started reads as before
    [r] = returns(make(), plan())
    assert r.first_match_words(day_long) == "first match Sat 16 Jan 2027"


def test_the_coachs_return_line_says_a_first_match_started_and_how_to_cap_it():
    """The solve's summary said "first match Sat 16 Jan 2027" for a start and "off the bench"
    for the others; only the inspector said "as a starter" and how to cap its minutes."""
    [r] = returns(make(), plan())
    assert r.first_role == "start"
    assert ("first match Sat 16 Jan 2027 as a starter (to cap the minutes of the first match "
            "back, set bench for it in the Roles panel); target 'Match 2'") in return_text(make(), r)


def test_a_return_on_today_with_a_flare_up_ahead_is_one_return_and_moves_nothing():
    """Back to FIT on today itself, with a flare-up ahead: the 'back today' return and the
    setback's were both listed for one injury, so a season compared with itself read "Returns
    moved: back Thu 14 Jan (was Thu 4 Feb)" after every re-plan."""
    from planner.progress import returns_moved

    s = build(weeks=8, athletes=1, matches=[5, 12, 19, 26, 33, 40, 47, 54], today=day(10),
               injuries=(Injury(athlete="A1", protocol="hamstring-strain", onset=day(-30),
                                stages=(StageRecord(stage="S3", start=day(-12)),
                                        StageRecord(stage="FIT", start=day(10))),
                                flare_ups=(day(17),)),))
    st = ["S3"] * 10 + ["FIT"] * 7 + ["S3"] * 14 + ["FIT"] * (56 - 31)
    plan = Plan(status="manual", team_weeks=("load",) * 8, athletes=(AthletePlan(
        athlete="A1", stages=tuple(st), intensity=tuple(0 if x != "FIT" else 70 for x in st),
        weeks=("load",) * 8),))
    s = s.model_copy(update={"plan": plan})
    (r,) = returns(s, plan)
    assert r.setback == day(17) and r.fit == day(31)
    assert returns_moved(s, s) == []
    both = returns(s, plan, history=True)  # the printed season: back on today, then the setback
    assert [x.setback for x in both] == [None, day(17)]


def test_the_plan_json_keeps_a_return_recorded_before_today():
    """advance --accept recorded A1 back (FIT from Fri 8 Jan); today Sat 9 Jan, his target
    'Match 2' (Sat 16 Jan) still ahead. The plan JSON gave "return": null and "returns": [],
    so a returns dashboard lost him the day his return was accepted, while explain --return
    still read it. A later injury's return ahead is the athlete's ``return`` then."""
    from planner.planjson import plan_to_dict

    s = make()
    back = injury("A1", "FIT", start_day=4, history=(("S3", -8),), target="m1")
    later = s.model_copy(update={"injuries": (back,),
                                 "calendar": s.calendar.model_copy(update={"today": day(5)})})
    (a1,) = plan_to_dict(later, plan())["athletes"]
    assert a1["return"] == {"fit": "2027-01-08", "first_match": "2027-01-16", "target": "Match 2",
                            "target_id": "m1", "target_met": True, "provisional": False, "onset": "2026-12-26",
                            "protocol": "iliopsoas-tendinopathy", "past": True}
    assert a1["returns"] == [a1["return"]]
    # injured again on Mon 11 Jan: the return ahead is his return, the recorded one listed first
    again = Injury(athlete="A1", protocol="hamstring-strain", onset=day(7),
                   stages=(StageRecord(stage="P1", start=day(7)),))
    p = plan(["S3"] * 4 + ["FIT"] * 3 + ["P1"] * 7, [100, 70, 100, 70, 70, 70, 0] + [0] * 7)
    both = later.model_copy(update={"injuries": (back, again)})
    (a1,) = plan_to_dict(both, p)["athletes"]
    assert [(r["onset"], r["past"]) for r in a1["returns"]] == [("2026-12-26", True),
                                                                ("2027-01-11", False)]
    assert a1["return"] == a1["returns"][1] and a1["return"]["fit"] is None


def test_a_provisional_note_is_made_from_each_stage_and_its_tests_not_from_their_words(monkeypatch):
    """Return.pending held each stage's tests as words ("S3's Hip-flexor strength LSI") and the
    note took the stage back off them by their first word: worded otherwise ("the tests of S3")
    the note read "then the and P3 tests". It holds (stage, names) now, worded once."""
    from planner.returns import Return, provisional_note, stage_tests_words

    pending = (("P2", ("Hamstring strength LSI (≥ 75 %)",)), ("P3", ("Single-leg bridge",)),
               ("S3", ("Hip-flexor strength LSI (≥ 90 %)", "Pain during max sprint (≤ 2/10)")))
    assert provisional_note(pending) == (
        " (provisional: P2's Hamstring strength LSI (≥ 75 %) not passed yet, then P3's and S3's "
        "tests)")
    assert stage_tests_words(*pending[0]) == "P2's Hamstring strength LSI (≥ 75 %)"
    r = Return(athlete="A1", onset=None, protocol="hamstring-strain", stage_at_p0="P2", fit=None,
               first_match=None, target=None, target_date=None, target_met=None, provisional=True,
               pending=pending[1:])
    assert r.provisional_words() == (
        "yes: P3's Single-leg bridge, S3's Hip-flexor strength LSI (≥ 90 %) and Pain during max "
        "sprint (≤ 2/10) not passed yet")
    assert r.provisional_words(named=False) == "yes" and r.back_note(named=False) == (
        " (provisional: a criteria test is not passed yet)")
    # the tests worded otherwise: the later stages are still named by their stage
    import planner.returns as returns_module

    monkeypatch.setattr(returns_module, "stage_tests_words",
                        lambda stage, names: f"the tests of {stage} ({', '.join(names)})")
    assert provisional_note(pending) == (
        " (provisional: the tests of P2 (Hamstring strength LSI (≥ 75 %)) not passed yet, then "
        "P3's and S3's tests)")


def test_an_early_return_names_the_stages_it_skips_and_a_first_start_with_no_sprint_before():
    """Full training recorded a day after a second flare-up said P1 was not finished, never that
    P2 to S3 (the sprints at 90 to 100 %) were passed over, nor that his first sprint would be a
    start four days later: both are said, with the bench the returns suggest for a first match."""
    from planner.returns import STARTER_WORDS, passed_over
    from planner.season import MatchRole
    from planner.text import day_long

    s = build(weeks=4, athletes=2, injuries=(injury("A1", "P1", start_day=6),), today=day(8))
    words = passed_over(s, "A1", "FIT", day(8)).words
    assert ("stands on the physio's word and this holds the athlete no more; P2, P3, S1, S2 and "
            "S3 are skipped, and with them the sprints at 90, 95 and 100 %; the first start "
            f"back, 'Match 2' on {day_long(day(12))} (4 days after), comes with no sprint at 90 % "
            f"or more on record this season {STARTER_WORDS.removeprefix('as a starter ')}") \
        in words, words
    # a sprint logged (the plan's past) since the return: the start is prepared, not said
    ap = AthletePlan(athlete="A1", stages=("P1",) * 8 + ("FIT",) * 20,
                     intensity=(0,) * 5 + (95,) + (0,) * 2 + (0,) * 20, weeks=("load",) * 4)
    plan = Plan(status="feasible", team_weeks=("load",) * 4, athletes=(ap,))
    later = s.model_copy(update={"plan": plan})
    assert f"no sprint at 90 % or more on record since {day_long(day(5))}" in \
        passed_over(later, "A1", "FIT", day(8)).words
    hv = later.model_copy(update={"calendar": later.calendar.model_copy(update={"today": day(10)}),
                                  "plan": plan.model_copy(update={"athletes": (ap.model_copy(
                                      update={"intensity": (0,) * 9 + (90,) + (0,) * 18}),)})})
    assert "first start" not in passed_over(hv, "A1", "FIT", day(8)).words
    # set on the bench for it: the next start is more than a week on, nothing to say
    bench = s.model_copy(update={"roles": (MatchRole(competition="m1", athlete="A1", role="bench"),)})
    assert "first start" not in passed_over(bench, "A1", "FIT", day(8)).words
    # a stage recorded early but not full training: the stages between are named, no match words
    said = passed_over(s, "A1", "S1", day(8)).words
    assert "P2 and P3 are skipped; " not in said and said.endswith(
        "holds the athlete no more; P2 and P3 are skipped")


def _signing_out_by_default():
    """Athlete 2 signed in S2 of a hamstring strain on today, Mon 11 Jan (day 7), with no role:
    out of the matchday squad by default, every match without a role of its own; solved."""
    from tests.builders import solved_and_checked

    inj = Injury(athlete="A2", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="S2", start=day(7)),))
    s = build(weeks=5, athletes=2, today=day(7), injuries=(inj,))
    s = s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"role": "out"}) if a.id == "A2" else a for a in s.athletes)})
    return s.model_copy(update={"plan": solved_and_checked(s)[0].plan})


def test_a_returner_out_by_default_is_told_why_he_plays_no_match():
    """A signing added without a role read "no match played after it ('Match 4' on Sat 23 Jan:
    out of the squad for it)" and nothing said it was a role nobody set: the first match's words
    say so, with where to set it; a match he was left out of by a role of its own reads as
    before."""
    from planner.returns import OUT_BY_DEFAULT
    from planner.season import MatchRole

    s = _signing_out_by_default()
    [ret] = [r for r in returns(s, s.plan) if r.athlete == "A2"]
    assert ret.fit is not None and ret.first_match is None
    assert ret.no_match_words().endswith(f": {OUT_BY_DEFAULT})"), ret.no_match_words()
    assert "(Roles panel)" in OUT_BY_DEFAULT and "out by default" in OUT_BY_DEFAULT
    first = next(c for c in s.competitions if c.date >= ret.fit)
    picked = s.model_copy(update={"roles": (MatchRole(competition=first.id, athlete="A2",
                                                      role="out"),)})
    [ret] = [r for r in returns(picked, picked.plan) if r.athlete == "A2"]
    assert ret.no_match_words().endswith(": out of the squad for it)"), ret.no_match_words()


def test_the_first_week_back_in_full_training_still_says_the_return_waits_on_a_test():
    """The week of a provisional return said "Provisional: the move S3 → FIT … not passed yet";
    the next week, all in full training with 95 % sprints, read just "Fit: full training.". Its
    stage line carries it now, on the handout and the athlete sheet (one HandoutWeek); the week
    after it, not."""
    from planner.handout import handout_weeks
    from planner.timeline import Timeline

    s = _signing_out_by_default()
    [ret] = [r for r in returns(s, s.plan) if r.athlete == "A2"]
    assert ret.provisional
    tl = Timeline(s)
    w = next(k for k, wk in enumerate(tl.weeks) if ret.fit in (tl.days[i] for i in wk.days))
    back, after, later = handout_weeks(s, s.plan, ["A2"], [w, w + 1, w + 2])
    assert "Provisional: the move S3 → FIT" in back.milestone
    assert after.stage.startswith("Fit: full training — provisional: the move S3 → FIT ("), after.stage
    assert after.stage.endswith("waits on Hamstring strength LSI ≥ 90 %, not passed yet."), after.stage
    assert later.stage == "Fit: full training."


def _flared_on_day_3(intensity_3: int = 100):
    """A1 (iliopsoas) in S3 since day -3, back to S2 by a flare-up on day 3 whose session ran at
    ``intensity_3``; a plan made by hand (the stages and levels alone are read); A2 fit."""
    s = build(weeks=1, athletes=2, injuries=(
        injury("A1", "S2", start_day=3, history=(("S2", -12), ("S3", -3)), flare_days=(3,)),))
    stages = ("S3",) * 3 + ("S2",) * 4
    ap = AthletePlan(athlete="A1", stages=stages, intensity=(70, 0, 100, intensity_3, 0, 70, 0),
                     weeks=("load",))
    return s, ap


def test_a_stage_is_explained_by_its_protocol_and_fit_and_injured_in_words():
    """The Inspector's words for a stage (it computed them in the app's panel): the injury's
    protocol title and cap for a rehab stage, plain words for FIT and INJ, the stage's name for
    an athlete without an injury record, "rehab" for a stage the protocol does not know."""
    from planner.returns import stage_meaning

    s, _ = _flared_on_day_3()
    assert stage_meaning(s, "A1", "S3") == "Sport-specific drills, cap 100 %"
    assert stage_meaning(s, "A1", "S2") == "Controlled sprinting, cap 95 %"
    assert stage_meaning(s, "A1", "FIT") == "fit: full training and matches"
    assert stage_meaning(s, "A2", "INJ") == "injured: no training"
    assert stage_meaning(s, "A2", "S2") == "S2 controlled sprinting"  # no record: its name
    assert stage_meaning(s, "A1", "X9") == "rehab"


def test_a_flare_ups_day_with_running_says_both_stages_and_the_days_around_it_one():
    """On a flare-up's day whose session ran (100 % in S3, back to S2 from then on), the stage
    words say both stages, the earlier one first, each explained; the day before and after, and
    the same day without running (its session is S2's), say the day's stage alone."""
    from planner.returns import day_stage_meaning, day_stage_words

    s, ap = _flared_on_day_3()
    assert day_stage_words(s, ap, 3) == "S3 → S2 (flare-up)"
    assert day_stage_meaning(s, ap, 3) == (
        "the session ran in S3 (Sport-specific drills, cap 100 %) and flared up; S2 (Controlled "
        "sprinting, cap 95 %) from then on")
    for i, st, said in ((2, "S3", "Sport-specific drills, cap 100 %"),
                        (4, "S2", "Controlled sprinting, cap 95 %")):
        assert (day_stage_words(s, ap, i), day_stage_meaning(s, ap, i)) == (st, said)
    s, rest = _flared_on_day_3(intensity_3=0)
    assert (day_stage_words(s, rest, 3), day_stage_meaning(s, rest, 3)) == (
        "S2", "Controlled sprinting, cap 95 %")


def test_a_flare_up_the_plan_does_not_hold_yet_says_back_not_forward():
    """A flare-up recorded from the board on a day the plan, made before it, moves the athlete on
    (S2 the day before, a projected S3 that day): the stage line read "S2 → S3 (flare-up) — the
    session ran in S2 and flared up; S3 from then on", as if the flare-up moved him forward,
    while the records hold S1. Before the re-plan it says where the flare-up sends him and that
    a re-plan plans it; after, as before."""
    from planner.rehab import athlete_stage_on
    from planner.returns import day_stage_meaning, day_stage_words

    s = build(weeks=1, athletes=1, injuries=(
        injury("A1", "S2", start_day=-3, history=(("S1", -12),), flare_days=(3,)),))
    assert athlete_stage_on(s.injuries_of("A1"), day(3)) == "S1"  # the records: back a stage
    stale = AthletePlan(athlete="A1", stages=("S2",) * 3 + ("S3",) * 4,
                        intensity=(70, 0, 90, 90, 0, 95, 0), weeks=("load",))
    assert day_stage_words(s, stale, 3) == "S2 → S1 (flare-up, not planned yet)"
    assert day_stage_meaning(s, stale, 3) == (
        "the session ran in S2 (Controlled sprinting, cap 95 %) and flared up: back to S1 "
        "(Non-contact drills, cap 90 %) from this day; the plan, made before it was recorded, "
        "still has S3 here: re-plan from today to plan it")
    rest = stale.model_copy(update={"intensity": (70, 0, 90, 0, 0, 95, 0)})  # no running that day
    assert day_stage_meaning(s, rest, 3).startswith(
        "a flare-up in S2 (Controlled sprinting, cap 95 %): back to S1 (Non-contact drills, cap "
        "90 %) from this day;")
    assert day_stage_words(s, stale, 2) == "S2"  # the day before: no flare-up
    replanned = stale.model_copy(update={"stages": ("S2",) * 3 + ("S1",) * 4})
    assert day_stage_words(s, replanned, 3) == "S2 → S1 (flare-up)"
    assert day_stage_meaning(s, replanned, 3) == (
        "the session ran in S2 (Controlled sprinting, cap 95 %) and flared up; S1 (Non-contact "
        "drills, cap 90 %) from then on")


def test_a_return_on_no_training_day_names_the_first_team_session_and_keeps_fit():
    """A team training on Tuesdays and Thursdays: the plan's first FIT day is Fri 8 Jan (day 4),
    and the words read "back to full training Fri 8 Jan", a day the team does not train. They
    name the first session he can join, Tue 12 Jan (Sat 9 Jan's match is no training weekday),
    with the FIT day beside it; the plan JSON's return.fit stays that FIT day (rules-spec.md
    section 7), and an absence on the Tuesday moves the session to Thursday."""
    from planner.planjson import plan_to_dict
    from planner.season import Unavailability

    s = make()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": ("tue", "thu")})})
    [r] = returns(s, plan())
    assert (r.fit, r.session) == (day(4), day(8))
    assert "back to full training Tue 12 Jan 2027 (fit from Fri 8 Jan; provisional" in return_text(s, r)
    assert ") (" not in return_text(s, r)  # one parenthesis, not two in a row
    assert plan_to_dict(s, plan())["athletes"][0]["return"]["fit"] == day(4).isoformat()
    away = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=day(8), end=day(8), reason="Work"),)})
    [r] = returns(away, plan())
    assert r.session == day(10) and "back to full training Thu 14 Jan 2027 (fit from Fri 8 Jan; provisional" in \
        return_text(away, r)
    # a team training on the FIT day: that day alone, as before
    [r] = returns(make(), plan())
    assert r.session is None and "fit from" not in return_text(make(), r)
    assert "back to full training Fri 8 Jan 2027 (provisional" in return_text(make(), r)


def test_a_match_he_plays_is_not_his_first_team_session():
    """A team training Tue, Thu and Sat, his first FIT day Fri 8 Jan and Sat 9 Jan a match on a
    training weekday: played off the bench, the match is no team session (rules-spec.md section
    2), so the words name Tue 12 Jan; not played, the match day is one."""
    s = make(target=None)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"training_days": ("tue", "thu", "sat")})})
    bench = list(IT)
    bench[5] = 80  # Sat 9 Jan's match, off the bench
    [r] = returns(s, plan(it=bench))
    assert (r.fit, r.first_match, r.session) == (day(4), day(5), day(8)), r
    assert "back to full training Tue 12 Jan 2027 (fit from Fri 8 Jan; provisional" in return_text(s, r)
    rest = list(IT)
    rest[5] = 70  # not played: a session on the match day
    [r] = returns(s, plan(it=rest))
    assert r.session == day(5), r


def _tue_thu(p: Plan | None = None):
    """:func:`make`'s season for a team training on Tuesdays and Thursdays (A1's first FIT day
    in :func:`plan` is Fri 8 Jan, a day it does not train), with ``p`` as its plan."""
    s = make()
    return s.model_copy(update={"plan": p, "calendar": s.calendar.model_copy(
        update={"training_days": ("tue", "thu")})})


# back to FIT on Wed 13 Jan (day 9): his first team session is Thu 14 Jan
LATER_ST = ["S3"] * 9 + ["FIT"] * 5
LATER_IT = [100, 70, 100, 70, 70, 70, 0, 70, 100, 70, 70, 60, 100, 0]


def test_a_handout_names_the_first_team_session_of_a_return_on_no_training_day():
    """The handout's week read "back to full training Fri 8 Jan" for a team training on Tuesdays
    and Thursdays: it names the first session he can join, the FIT day beside it, in the Returns
    panel's words; a team training on the FIT day reads that day alone."""
    from planner.handout import Handouts

    s = _tue_thu()
    first = Handouts(s, plan()).weeks("A1")[0].milestone
    assert "back to full training Tue 12 Jan (fit from Fri 8 Jan), then" in first, first
    assert "back to full training Fri 8 Jan" not in first
    every_day = Handouts(make(), plan()).weeks("A1")[0].milestone
    assert "back to full training Fri 8 Jan, then" in every_day and "fit from" not in every_day


def test_returns_moved_names_the_first_team_session_before_and_after():
    """After Move Today or a re-plan, "Returns moved: … back to full training Wed 13 Jan 2027
    (was Fri 8 Jan 2027)" named two days the Tuesday/Thursday team does not train. Both sides
    name the session he can join; the new one with its FIT day beside it."""
    from planner.progress import returns_moved
    from planner.season import Unavailability

    before, after = _tue_thu(plan()), _tue_thu(plan(LATER_ST, LATER_IT))
    assert returns_moved(before, after) == ["Returns moved:", "  Athlete 1 (A1): back to full "
                                            "training Thu 14 Jan 2027 (fit from Wed 13 Jan) (was Tue 12 Jan 2027)"]
    # a session unchanged with the FIT day moved: said, the FIT day telling what moved
    same_session = _tue_thu(plan(["S3"] * 5 + ["FIT"] * 9, [100, 70, 100, 70, 70] + IT[5:]))
    assert returns_moved(before, same_session)[1].endswith(
        "back to full training Tue 12 Jan 2027 (fit from Sat 9 Jan) (was Tue 12 Jan 2027)")
    # the FIT day unchanged with the session moved (away on Tue 12 Jan): said, the session
    # telling what moved
    away = before.model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=day(8), end=day(8), reason="family"),)})
    assert returns_moved(before, away) == ["Returns moved:", "  Athlete 1 (A1): back to full "
                                           "training Thu 14 Jan 2027 (fit from Fri 8 Jan) (was Tue 12 Jan 2027)"]


def test_the_overview_names_the_first_team_session_with_its_weekday_where_it_fits():
    """The Overview's Return cell read "back 8 Jan*" for a return on a Friday the team does not
    train. It reads the session's day with its weekday, "back Tue 12 Jan*"; a line too long for
    the column with it keeps the day without the weekday; a FIT day the team trains on as
    before."""
    from dataclasses import replace

    from planner.xlsx_export import OVERVIEW_SHEET, build_workbook
    from planner.xlsx_overview import _return_words
    from tests.planner.test_xlsx_export import overview_rows

    s = _tue_thu(plan())
    ws = build_workbook(s, plan())[OVERVIEW_SHEET]
    row = overview_rows(ws)["A1"]
    cells = [ws.cell(row=row, column=c).value for c in range(1, ws.max_column + 1)]
    assert "back Tue 12 Jan*; target met" in cells, cells
    legend = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert any("back = first team session in full training" in (x or "") for x in legend)
    (r,) = returns(s, plan())
    long = replace(r, target_date=day(2))  # played before the setback: the longest words
    assert _return_words([r, long]) == ["back Tue 12 Jan*; target met",
                                        "again: back 12 Jan*; target met before the setback"]
    (every_day,) = returns(make(), plan())
    assert _return_words([every_day]) == ["back 8 Jan*; target met"]


def test_the_returns_sheet_names_the_first_team_session_with_the_fit_day_beside_it():
    """The workbook's Returns sheet read "Back to full training: Fri 8 Jan 2027" for a team
    training on Tuesdays and Thursdays while the athlete's own sheet said Tue 12 Jan: it says
    the session with the FIT day beside it; a FIT day the team trains on stays a date."""
    from planner.xlsx_export import build_workbook

    def back(s):
        ws = build_workbook(s, plan())["Returns"]
        col = [c.value for c in ws[1]].index("Back to full training") + 1
        return ws.cell(row=2, column=col).value

    assert back(_tue_thu(plan())) == "Tue 12 Jan 2027 (fit from Fri 8 Jan)"
    every_day = make()
    assert back(every_day.model_copy(update={"plan": plan()})) == day(4)


def test_a_stage_left_over_a_failed_test_is_said_one_left_untested_on_the_way_is_not():
    """A stage recorded over a failed result (P3's hip-flexor LSI 80 %, pass 90 %) on the way to
    the return is said with it; one whose test was never entered is not (a club that records no
    tests read "recorded without a passing test: P1's …" on every return, for stages left long
    before the season). The stage the FIT record leaves still names its untested criteria."""
    from planner.season import CriteriaTest, StageRecord

    s3_passed = (CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=95),
                 CriteriaTest(date=day(-2), name="Pain during max sprint", value=1))

    def recorded(p3_tests, s3_tests=s3_passed):
        rec = injury("A1", "S3", start_day=-8, history=(("P3", -20),), target="m1")
        rec = rec.model_copy(update={
            "stages": rec.stages + (StageRecord(stage="FIT", start=day(4)),),
            "tests": tuple(p3_tests) + s3_tests})
        s = build(weeks=2, athletes=1, injuries=(rec,))
        return s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(6)})})

    never = recorded(())
    [r] = returns(never, plan(), history=True)
    assert r.untested == () and "without a passing test" not in return_text(never, r)
    # the same test failed in S3 too (88 %): no later pass confirms P3's exit either
    failed = recorded((CriteriaTest(date=day(-10), name="Hip-flexor strength LSI", value=80),),
                      (CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=88),
                       s3_passed[1]))
    [r] = returns(failed, plan(), history=True)
    assert r.untested == ("P3's Hip-flexor strength LSI (≥ 90 %)",
                          "S3's Hip-flexor strength LSI (≥ 90 %)"), r.untested
    assert "(recorded without a passing test: P3's Hip-flexor strength LSI (≥ 90 %)" in \
        return_text(failed, r)
    # a pass of the test taken after the move (in S3, the retest the tool planned) confirms it
    retest = recorded((CriteriaTest(date=day(-10), name="Hip-flexor strength LSI", value=80),
                       CriteriaTest(date=day(-6), name="Hip-flexor strength LSI", value=92)),
                      (CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=88),
                       s3_passed[1]))
    [r] = returns(retest, plan(), history=True)
    assert r.untested == ("S3's Hip-flexor strength LSI (≥ 90 %)",), r.untested


def test_a_day_after_a_flare_up_is_provisional_on_the_move_after_it_not_the_one_it_undid():
    """After a flare-up the Inspector and `explain` still said "Provisional: the move S3 → FIT on
    (the return before the flare-up) waits on …", a return the flare-up had undone; a day from
    the flare-up on now names the next move out of S3, and a day before it the move it follows."""
    from planner.daymarks import day_rows
    from planner.text import day_long
    from tests.builders import solved_and_checked

    s = build(weeks=6, athletes=2, today=day(0), injuries=(
        injury("A1", "S3", start_day=-10, history=(("S2", -20),), flare_days=(17,)),))
    out, _report = solved_and_checked(s, time_limit=20)
    s = s.model_copy(update={"plan": out.plan})
    stages = out.plan.for_athlete("A1").stages
    back = [i for i in range(1, len(stages)) if stages[i] == "FIT" and stages[i - 1] == "S3"]
    assert len(back) == 2 and back[0] < 17 < back[1]  # back, flared up (S3 again), back again

    def provisional(i: int) -> str | None:
        return dict(day_rows(s, "A1", i)).get("Provisional")

    def move(i: int) -> str:
        return f"the move S3 → FIT on {day_long(day(i))} waits on "

    assert provisional(back[0] + 2).startswith(move(back[0]))
    for i in (17, 18, back[1] - 1, back[1], back[1] + 3):  # the flare-up's day and after
        assert provisional(i).startswith(move(back[1])), (i, provisional(i))


def _back_flared_back_again(today: int):
    """A1 (hamstring) back to FIT on day 3, a flare-up on day 10 puts him back in S3, back to
    FIT again on day 24 (recorded); plays every match he is fit for; today ``today``."""
    st = ["S3"] * 3 + ["FIT"] * 7 + ["S3"] * 14 + ["FIT"] * (56 - 24)
    it = [0 if x != "FIT" else 100 if i % 7 == 5 else 70 for i, x in enumerate(st)]
    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-30), target_competition="m0",
                 stages=(StageRecord(stage="S3", start=day(-12)), StageRecord(stage="FIT", start=day(3)),
                         StageRecord(stage="FIT", start=day(24))),
                 flare_ups=(day(10),))
    s = build(weeks=8, athletes=1, today=day(today), injuries=(rec,))
    p = Plan(status="manual", team_weeks=("load",) * 8, athletes=(AthletePlan(
        athlete="A1", stages=tuple(st), intensity=tuple(it), weeks=("load",) * 8),))
    return s.model_copy(update={"plan": p}), p


def test_a_flare_up_after_a_return_gives_the_season_a_second_return_with_the_setback_named():
    """Kofi back in October, a flare-up on 8 Apr and back again on 23 Apr: the season's Returns
    sheet showed the October return alone, its first match and target read from it, and the
    Cover did not count the setback. Each return is listed, the later one naming the flare-up."""
    from planner.xlsx_export import _injured_sentence, build_workbook

    s, p = _back_flared_back_again(today=40)
    rets = returns(s, p, history=True)
    assert [(r.fit, r.first_match, r.again_from) for r in rets] == [
        (day(3), day(5), None), (day(24), day(26), day(10))]
    later = rets[1]
    assert (later.again_flare, later.again_after, later.past, later.target_met) == (
        True, day(3), True, True)
    assert later.target_before_setback  # Match 1 (day 5) played before the flare-up
    line = return_text(s, later, rets)
    assert "(flare-up of Thu 14 Jan, 7 days after the return of Thu 7 Jan; now full" in line
    assert "back to full training Thu 28 Jan 2027" in line
    assert "first match Sat 30 Jan 2027" in line
    cover = _injured_sentence(s, rets)
    assert cover.startswith("1 injured athlete this season (1 flare-up after a return; 1 back "
                            "before today, Athlete 1 (A1) twice): of the 2 returns,"), cover
    ws = build_workbook(s, p)["Returns"]
    head = [c.value for c in ws[1]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=3)]
    back, injury_ = head.index("Back to full training"), head.index("Injury")
    assert [r[back] for r in rows] == [day(3), day(24)]
    assert "flare-up of Thu 14 Jan" in rows[1][injury_] and "flare-up" not in rows[0][injury_]
    assert rows[1][head.index("Target met")] == "yes, before the setback"
    from planner.scenarios import _targets

    assert [x[:2] for x in _targets(s, p)[0]["A1"]] == [("Match 1", True)]  # the target once


def test_a_return_after_a_flare_up_still_to_come_names_the_setback_in_the_returns_lines():
    """In S3 again after the flare-up (today day 15): the return RTS counts is the second one,
    and the Returns panel's and the solve's line say which setback it follows; the printed
    season keeps the first return too."""
    s, p = _back_flared_back_again(today=15)
    [r] = returns(s, p)
    assert (r.fit, r.counted, r.again_from, r.stage_at_p0) == (day(24), True, day(10), "S3")
    assert "flare-up of Thu 14 Jan, 7 days after the return of Thu 7 Jan" in return_text(s, r, [r])
    assert [x.fit for x in returns(s, p, history=True)] == [day(3), day(24)]


def test_a_healed_record_of_a_player_injured_again_says_so_as_its_stage_today():
    """The workbook's Returns row of Isaac's first hamstring strain (back 8 Sep) read "Stage today
    (26 Oct): P1 (planned; FIT recorded)": his P1 was the re-injury's of 11 Oct."""
    from planner.xlsx_export import build_workbook
    from tests.builders import solved_and_checked

    old = injury("A1", "FIT", start_day=2, history=(("S3", -9),), onset_day=-10)
    again = Injury(athlete="A1", protocol=old.protocol, onset=day(9),
                   stages=(StageRecord(stage="P1", start=day(9)),))
    s = build(weeks=3, athletes=2, injuries=(old, again), today=day(11))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    rets = [r for r in returns(s, s.plan, history=True) if r.athlete == "A1"]
    healed = next(r for r in rets if r.onset == old.onset)
    assert healed.stage_at_p0 == "P1" and healed.stage_words() == "healed; injured again Wed 13 Jan"
    assert next(r for r in rets if r.onset == again.onset).stage_words() == "P1"
    assert "(healed; injured again Wed 13 Jan)" in return_text(s, healed, rets)
    sheet = build_workbook(s, s.plan)["Returns"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "healed; injured again Wed 13 Jan" in cells and "P1 (planned; FIT recorded)" not in cells


def test_a_retest_dated_on_the_day_a_record_moves_the_athlete_on_counts_for_that_move():
    """S3's hip-flexor test failed (84 %) and held the athlete until the retest; the retest passed
    (95 %) on the morning FIT was recorded, the day the tool had asked for, and every place then
    said "recorded without a passing test": the result was read as taken in FIT. It counts for
    leaving S3; a failing one that morning holds S3, and the plan checker says so too."""
    from planner.criteria import counted_in, gate, not_passed, result_criterion, tests_until
    from planner.protocols import load_protocol

    def recorded(tests, today=6):
        rec = make(tests=tests).injuries[0]
        rec = rec.model_copy(update={"stages": rec.stages + (StageRecord(stage="FIT", start=day(4)),)})
        return make(records=(rec,)).model_copy(update={"calendar": make().calendar.model_copy(
            update={"today": day(today)})})

    sprint = (-2, "Pain during max sprint", 1)
    passed = recorded(((-3, "Hip-flexor strength LSI", 84), (4, "Hip-flexor strength LSI", 95), sprint))
    rec = passed.injuries[0]
    proto = load_protocol(rec.protocol)
    assert counted_in(rec, proto, "Hip-flexor strength LSI", day(4)) == ("S3", day(-8))
    assert result_criterion(proto, rec, "Hip-flexor strength LSI", day(4))[0] == "S3"
    assert not_passed(rec, proto, "S3", day(-8), tests_until(day(4))) == ()
    [r] = returns(passed, plan(), history=True)
    assert r.untested == () and "without a passing test" not in return_text(passed, r)
    # the day after the move it is a result of FIT's days, not S3's
    later = recorded(((-3, "Hip-flexor strength LSI", 84), (5, "Hip-flexor strength LSI", 95), sprint))
    assert counted_in(later.injuries[0], proto, "Hip-flexor strength LSI", day(5)) == ("FIT", day(4))
    # a failing result that morning is what the record moved him on over (the physio's word,
    # which the plan checker does not hold against the plan), and the gate reads it for S3
    failed = recorded(((4, "Hip-flexor strength LSI", 80), sprint), today=0)
    until, failing = gate(failed.injuries[0], proto, "S3", day(-8), tests_until(day(4)), 7)
    assert until == day(11) and [f.test.value for f in failing] == [80]
    [r] = returns(failed.model_copy(update={"calendar": passed.calendar}), plan(), history=True)
    assert r.untested == ("S3's Hip-flexor strength LSI (≥ 90 %)",)
    assert check_plan(failed, plan()).ok and check_plan(passed, plan()).ok


def test_a_provisional_return_says_a_failed_test_as_failed_with_its_retest():
    """After S3's hip-flexor test failed (84 % on day -2), the return read "provisional: S3's
    Hip-flexor strength LSI (≥ 90 %) … not passed yet", as if never tested: a physio scanning the
    Returns panel could not tell a failed criterion from an untested one. The failed one is said
    failed, with its value, day and retest; the untested one still "not passed yet"; the
    handout's week says the same."""
    from planner.handout import handout_weeks
    from planner.text import day as short_day
    from planner.text import day_long

    s = make(tests=((-2, "Hip-flexor strength LSI", 84),), values={"RH-CRIT": {"retest_days": 3}})
    [r] = returns(s, plan())
    assert r.failed == (("Hip-flexor strength LSI (≥ 90 %)",
                         f"failed 84 % on {day_long(day(-2))}, retest from {day_long(day(1))}"),)
    assert r.back_note() == (
        f" (provisional: S3's Hip-flexor strength LSI (≥ 90 %) failed 84 % on {day_long(day(-2))}, "
        f"retest from {day_long(day(1))}; S3's Pain during max sprint (≤ 2/10) not passed yet)")
    assert r.provisional_words().startswith("yes: S3's Hip-flexor strength LSI (≥ 90 %) failed 84 %")
    assert f"failed 84 % on {day_long(day(-2))}" in return_text(s, r)
    [week] = handout_weeks(s, plan(), ["A1"], [0])
    assert (f"waits on Hip-flexor strength LSI ≥ 90 %, Pain during max sprint ≤ 2/10: Hip-flexor "
            f"strength LSI failed 84 % on {short_day(day(-2))}, retest from {short_day(day(1))}; "
            f"Pain during max sprint not passed yet") in week.milestone, week.milestone
    # untested: as before
    [r] = returns(make(), plan())
    assert r.failed == () and "failed" not in r.back_note()


def test_anonymised_handouts_workbook_and_calendar_name_no_criteria_test():
    """An anonymised handout's Next and Stage lines read "waits on a criteria test: Hip-flexor
    strength LSI failed 84 % on Sat 2 Jan …; Pain during max sprint not passed yet", and the
    anonymised workbook's Why column "Hip-flexor strength LSI 84 on Sat 2 Jan (pass mark ≥ 90 %):
    S3 held until retest …": a test's name names the injury. Anonymised, no test, protocol or
    result is said; the hold and its retest day are."""
    import io

    import openpyxl

    from planner.anonymise import anonymised
    from planner.handout import handout_weeks
    from planner.ical import athlete_calendar
    from planner.protocols import load_protocol
    from planner.text import day as short_day
    from planner.xlsx_export import workbook_bytes

    s = make(tests=((-2, "Hip-flexor strength LSI", 84),), values={"RH-CRIT": {"retest_days": 3}})
    s = s.model_copy(update={"plan": plan()})
    proto = load_protocol("iliopsoas-tendinopathy")
    banned = {c.name for st in proto.stages for c in st.criteria} | {"iliopsoas", "84 %"}
    sa, pa = anonymised(s, s.plan)
    weeks = handout_weeks(sa, pa, None, [0, 1], anonymise=True)
    said = " ".join(f"{w.milestone} {w.stage}" for w in weeks)
    assert f"waits on a criteria test, failed: retest from {short_day(day(1))}" in said, said
    # the Rules sheet's sources are the rule table's, the same for every season
    cells = [str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(
        workbook_bytes(s, s.plan, anonymise=True))) if ws.title != "Rules"
             for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("A criteria test failed: S3 held until retest on" in c for c in cells)
    cal = athlete_calendar(s, s.plan, "A1", anonymise=True).to_ical().decode()
    for text_ in [said, *cells, cal]:
        assert not [b for b in banned if b.lower() in text_.lower()], text_
    # named, as before
    [named] = handout_weeks(s, s.plan, ["A1"], [0])
    assert "Hip-flexor strength LSI failed 84 %" in named.milestone


def test_a_failed_result_is_said_in_one_shape_with_its_unit_wherever_it_is_said():
    """A test recorded without a unit read "Hip-flexor strength LSI 84 on Sat 2 Jan (pass mark ≥
    90 %)" on one line of the handout's Next and "Hip-flexor strength LSI failed 84 % on Sat 2
    Jan" on the same line. The value, its unit and its day are said one way in the gate's words,
    the return's and the hold `record --test` prints (planner.why.gate_holds)."""
    from planner.text import day_long
    from planner.why import gate_holds, gate_texts

    s = make(tests=((-2, "Hip-flexor strength LSI", 84),), values={"RH-CRIT": {"retest_days": 3}})
    [r] = returns(s, plan())
    said = f"84 % on {day_long(day(-2))}"
    assert r.failed[0][1] == f"failed {said}, retest from {day_long(day(1))}"
    [rec] = s.injuries
    holds = gate_holds(s, rec)
    assert holds == {"Hip-flexor strength LSI": (
        f"Hip-flexor strength LSI {said} (pass mark ≥ 90 %): S3 held until retest on "
        f"{day_long(day(1))}")}
    # the Inspector's lines are the holds, then what the move waits on
    assert gate_texts(s, rec)[0] == holds["Hip-flexor strength LSI"]
    assert gate_texts(s, rec)[1].startswith("Leaving S3 is provisional until")
    # a passing result holds nothing
    passed = make(tests=((-2, "Hip-flexor strength LSI", 95),))
    assert gate_holds(passed, passed.injuries[0]) == {}


def test_two_failed_tests_anonymised_are_said_once():
    """Two failed criteria tests, anonymised, read alike ("A criteria test failed: S3 held until
    retest on …"), and the workbook's Why column and the calendar said it twice, word for word."""
    import io

    import openpyxl

    from planner.ical import athlete_calendar
    from planner.xlsx_export import workbook_bytes

    s = make(tests=((-2, "Hip-flexor strength LSI", 84), (-2, "Pain during max sprint", 5)),
             values={"RH-CRIT": {"retest_days": 3}})
    s = s.model_copy(update={"plan": plan()})
    line = "A criteria test failed: S3 held until retest on"
    cells = [str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(
        workbook_bytes(s, s.plan, anonymise=True))) for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert any(line in c for c in cells) and all(c.count(line) <= 1 for c in cells)
    cal = athlete_calendar(s, s.plan, "A1", anonymise=True).to_ical().decode()
    events = cal.replace("\r\n ", "").split("BEGIN:VEVENT")
    assert any(line in e for e in events) and all(e.count(line) <= 1 for e in events)


def test_a_provisional_days_footer_names_every_move_it_stands_on_and_its_stages_exit_in_order():
    """Review 262 item 3: an S3 day said "Provisional: the move P3 → S1 on Mon 14 Sep waits on
    …", a move a fortnight old, while the return said P1's tests, then P2's, P3's and S3's: the
    physio could not tell which test to book next. The footer (explain's and the Inspector's,
    planner.daymarks.day_rows) names the moves the day stands on, in date order as the return
    does, then the move out of the day's own stage ahead of it; each move read here from the
    plan's stage changes and the protocol's criteria (no result recorded: every move out of a
    stage with tests is provisional)."""
    from planner.daymarks import day_rows
    from planner.protocols import load_protocol
    from planner.text import day_long
    from tests.builders import solved_and_checked

    s = build(weeks=14, athletes=2, today=day(0), injuries=(injury("A1", "P2", start_day=-3),))
    out, _report = solved_and_checked(s, time_limit=30)
    s = s.model_copy(update={"plan": out.plan})
    st = out.plan.for_athlete("A1").stages
    proto = load_protocol("iliopsoas-tendinopathy")
    moves = [(i, st[i - 1], st[i]) for i in range(1, len(st))
             if st[i] != st[i - 1] and proto.stage(st[i - 1]).criteria]
    assert [a for _, a, _ in moves] == ["P2", "P3", "S3"], moves
    s3 = next(i for i in range(len(st)) if st[i] == "S3")

    def said(i, a, b):
        marks = ", ".join(c.mark for c in proto.stage(a).criteria)
        return f"the move {a} → {b} on {day_long(day(i))} waits on {marks}"

    footer = dict(day_rows(s, "A1", s3))["Provisional"]
    # the moves before the S3 day, then S3's own exit ahead of it (the test to book after)
    assert footer == "; then ".join(said(*m) for m in moves) + (
        " (RH-CRIT): passing results make them firm"), footer
    # a P3 day: P2's move, then P3's own exit ahead; not S3's, a stage later
    p3 = next(i for i in range(len(st)) if st[i] == "P3")
    assert dict(day_rows(s, "A1", p3))["Provisional"] == "; then ".join(
        said(*m) for m in moves[:2]) + " (RH-CRIT): passing results make them firm"


def test_an_injury_recorded_before_the_re_plan_is_said_from_today_on():
    """A fit starter recorded injured on Monday (onset Tue 5 Jan, P1, today Thu 7 Jan), the plan
    made before it still has them fit: the Inspector read "Stage FIT — fit: full training and
    matches" above the record's "P1 since Tue 5 Jan". From today on it says the injury as a
    flare-up not planned yet is said; days before today, which a re-plan from today does not
    change, and a plan that holds the injury say the plan's stage."""
    from planner.returns import day_stage_meaning, day_stage_words, injury_not_planned

    s = build(weeks=1, athletes=2, today=day(3),
              injuries=(injury("A1", "P1", start_day=1, onset_day=1),))
    stale = AthletePlan(athlete="A1", stages=("FIT",) * 7, intensity=(70, 90, 0, 90, 95, 100, 0),
                        weeks=("load",))
    for i in (3, 5):  # today, and Saturday's match
        assert day_stage_words(s, stale, i) == "FIT → P1 (injury recorded, not planned yet)"
        assert day_stage_meaning(s, stale, i) == (
            "an injury with its onset on Tue 5 Jan: P1 (Isometric and submaximal contractions, "
            "cap 0 %) as recorded; the plan, made before it was recorded, still has FIT here: "
            "re-plan from today to plan it")
    for i in (0, 2):  # before the onset; before today
        assert (day_stage_words(s, stale, i), day_stage_meaning(s, stale, i)) == (
            "FIT", "fit: full training and matches")
    other = stale.model_copy(update={"athlete": "A2"})  # no injury recorded: fit
    assert day_stage_words(s, other, 3) == "FIT"
    # re-planned from today: the plan's stages, as planned
    replanned = stale.model_copy(update={"stages": ("FIT",) * 3 + ("P1",) * 2 + ("P2",) * 2})
    assert [day_stage_words(s, replanned, i) for i in (3, 5)] == ["P1", "P2"]
    # a return the plan holds, not recorded yet: FIT is the plan's, no injury to plan
    back = stale.model_copy(update={"stages": ("FIT", "P1", "P1", "P2", "FIT", "FIT", "FIT")})
    assert day_stage_words(s, back, 5) == "FIT" and injury_not_planned(s, back, 5) is None
    # a record from before the season (the first plan was made with it): the plan's stage
    old = build(weeks=1, athletes=1, today=day(3), injuries=(injury("A1", "S3", start_day=-8),))
    assert day_stage_words(old, stale, 3) == "FIT"
