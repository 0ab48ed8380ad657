"""The next season from this one (planner.nextseason): what is carried, what stays behind, and a
new season that plans and checks clean."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import InputError
from planner.nextseason import next_season, proposed_dates, proposed_name
from planner.season import (
    AthletePlan,
    Calendar,
    Competition,
    Injury,
    Plan,
    RuleSettings,
    Session,
    StageRecord,
    Unavailability,
)
from planner.squad import LEFT_REASON
from planner.timeline import Timeline
from planner.validate import outlasted_at_start, season_problems
from tests.builders import day, injury, season, solved_and_checked


def ended_season():
    """Four weeks (Mon 4 Jan to Sun 31 Jan 2027), today on the last day. A1 in P2 since day 10
    (18 days by the next start: P2 lasts up to 42); A2 in P1 since day -20 (48 days: P1 lasts up
    to 21); A3 back to full training on day 5; A4 left the squad on day 20; A5 away two days."""
    s = season(weeks=4, athletes=5, today=day(27), injuries=(
        injury("A1", "P2", start_day=10, onset_day=8, target="m1"),
        injury("A2", "P1", start_day=-20, onset_day=-21),
        injury("A3", "FIT", start_day=5, history=(("S3", -6),)),
    ), unavailable=(Unavailability(athlete="A4", start=day(20), end=day(27), reason=LEFT_REASON),
                    Unavailability(athlete="A5", start=day(3), end=day(4), reason="family")))
    sessions = (Session(athlete="A1", date=day(2), minutes=60, rpe=5),
                Session(athlete="A5", date=day(26), minutes=90, rpe=7),
                Session(athlete="A5", date=day(-1), minutes=45, rpe=4),  # before the window
                Session(athlete="A4", date=day(19), minutes=60, rpe=6))  # he left
    return s.model_copy(update={"sessions": sessions})


def test_the_next_season_carries_the_squad_open_rehab_and_the_last_four_weeks():
    old = ended_season()
    made = next_season(old, start=day(28))  # the next Monday: a short break
    new = made.season
    assert (new.calendar.start, new.calendar.end) == (day(28), day(55))  # as many weeks
    assert [a.id for a in new.athletes] == ["A1", "A2", "A3", "A5"]
    assert new.competitions == () and new.roles == () and new.unavailability == ()
    assert new.plan is None and new.pins == () and new.calendar.today is None
    # open rehab carried without its target; A3's injury (back to full training) left behind
    assert [(i.athlete, i.target_competition) for i in new.injuries] == [("A1", None), ("A2", None)]
    a1, a2 = new.injuries
    assert a1.stages == old.injuries[0].stages  # 18 days in P2 of 42: as recorded
    # 48 days in P1 (at most 21): restarted on the first day, the record kept before it
    assert a2.stages == old.injuries[1].stages + (StageRecord(stage="P1", start=day(28)),)
    # the sessions of the four weeks before the start, of athletes carried
    assert sorted((s.athlete, s.date) for s in new.sessions) == [("A1", day(2)), ("A5", day(26))]
    assert season_problems(new) == [] and outlasted_at_start(new) == []
    text = "\n".join(made.notes)
    assert "Not carried, as they left the squad: Athlete 4 (A4) on Sun 24 Jan 2027" in text
    assert "Rehab carried: 2 injuries still open as recorded (Athlete 1 (A1), Athlete 2 (A2))" in text
    # P1 is the first stage: no ladder done before it to be counted
    assert ("Athlete 2 (A2): in P1 since Tue 15 Dec 2026, 48 days by the new start (P1 lasts at "
            "most 21), so P1 restarts on Mon 1 Feb 2027: after the break, re-test them") in text
    assert "not over" not in text  # today on the last day
    assert "2 logged sessions of the four weeks before Mon 1 Feb 2027 carried" in text
    assert "4 competitions, 1 absence;" in text  # left in the old file, counted


def test_the_next_season_plans_and_checks_clean():
    """Solved with a match of its own, the carried season's plan holds against the checker."""
    new = next_season(ended_season(), start=day(28)).season
    new = new.model_copy(update={"competitions": (
        Competition(id="n1", name="Opener", date=day(40), priority="B"),)})
    out, _report = solved_and_checked(new, time_limit=20)
    assert {a.athlete for a in out.plan.athletes} == {"A1", "A2", "A3", "A5"}


def _plan(s, stages_by_athlete: dict[str, list[str]]) -> Plan:
    tl = Timeline(s)
    return Plan(status="manual", team_weeks=tuple("load" for _ in tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=tuple(stages_by_athlete.get(a.id, ["FIT"] * tl.n)),
                    intensity=tuple(0 for _ in range(tl.n)),
                    weeks=tuple("load" for _ in tl.weeks)) for a in s.athletes))


def test_what_the_plan_had_after_the_last_today_is_said_never_recorded():
    """Today left on day 10: the plan had A1 (S3 since day 8) back to full training on day 20,
    A2 (P1 since day 5) in P2 from day 24. Neither happened as far as the records say: both are
    carried as recorded (a plan is not a physio's word: carrying A1 closed lost a tendinopathy
    whose S3 tests were never passed), and the notice says what the plan had."""
    s = season(weeks=4, athletes=2, today=day(10), injuries=(
        Injury(athlete="A1", protocol="iliopsoas-tendinopathy", onset=day(-40),
               stages=(StageRecord(stage="S3", start=day(8)),)),
        injury("A2", "P1", start_day=5, onset_day=4)))
    s = s.model_copy(update={"plan": _plan(s, {"A1": ["S3"] * 20 + ["FIT"] * 8,
                                               "A2": ["P1"] * 24 + ["P2"] * 4})})
    made = next_season(s, start=day(28))
    a1, a2 = made.season.injuries
    # as recorded; by the new start S3 (14 days at most) and P1 (21) had lasted 20 and 23 days:
    # each restarts on the first day, no stage the plan made recorded
    assert a1.stages == (StageRecord(stage="S3", start=day(8)), StageRecord(stage="S3", start=day(28)))
    assert a2.stages == (StageRecord(stage="P1", start=day(5)), StageRecord(stage="P1", start=day(28)))
    assert season_problems(made.season) == [] and outlasted_at_start(made.season) == []
    text = "\n".join(made.notes)
    assert ("Athlete 1 (A1): the plan had them back to full training from Sun 24 Jan 2027, after "
            "the last season's today (not recorded there: a plan, not a physio's word): carried "
            "in S3 as recorded; record FIT once the physio clears them") in text
    assert ("Athlete 2 (A2): the plan had them in P2 from Thu 28 Jan 2027, after the last "
            "season's today (not recorded there): carried in P1 as recorded") in text
    assert text.startswith("The last season is not over in its file (its today is Thu 14 Jan "
                           "2027; it ends Sun 31 Jan 2027)")


def test_dates_that_do_not_follow_the_season_are_refused_with_the_fix():
    old = ended_season()
    with pytest.raises(InputError) as e:
        next_season(old, start=day(20))
    assert e.value.problems == ["starts on Sun 24 Jan 2027, before the last one ends (Sun 31 Jan "
                                "2027); start it on Mon 1 Feb 2027 or later"]
    with pytest.raises(InputError) as e:
        next_season(old, start=day(40), end=day(35))
    assert "ends (Mon 8 Feb 2027) before it starts (Sat 13 Feb 2027)" in e.value.problems[0]
    with pytest.raises(InputError):
        next_season(old, start=day(30), end=day(30) + dt.timedelta(days=800))


def test_absences_that_run_into_the_next_season_are_carried_cut_to_it():
    old = ended_season()
    old = old.model_copy(update={"unavailability": old.unavailability + (
        Unavailability(athlete="A5", start=day(20), end=day(40), reason="on loan"),)})
    made = next_season(old, start=day(28))
    assert made.season.unavailability == (
        Unavailability(athlete="A5", start=day(28), end=day(40), reason="on loan"),)
    text = "\n".join(made.notes)
    assert ("Absences carried, as they run into the new season: Athlete 5 (A5) Mon 1 Feb 2027 to "
            "Sat 13 Feb 2027 (on loan)") in text
    assert "1 absence;" in text  # the family days, dated in the last season alone


def test_a_start_given_alone_keeps_the_seasons_length():
    made = next_season(ended_season(), start=day(35))
    assert (made.season.calendar.start, made.season.calendar.end) == (day(35), day(62))


@pytest.mark.parametrize(("name", "start", "want"), [
    ("Riverside FC 2026/27", dt.date(2027, 8, 2), "Riverside FC 2027/28"),
    ("Season 2026-2027", dt.date(2027, 7, 5), "Season 2027-2028"),
    ("Hawks 2026", dt.date(2027, 1, 4), "Hawks 2027"),
    ("Hawks", dt.date(2027, 8, 2), "Hawks (next season)"),
    ("FC 2000 Academy 2026", dt.date(2027, 8, 2), "FC 2000 Academy 2027"),
])
def test_the_proposed_name_moves_its_years_on(name, start, want):
    old = season().model_copy(update={"name": name})
    old = old.model_copy(update={"calendar": old.calendar.model_copy(update={
        "start": dt.date(2026, 8, 3), "end": dt.date(2027, 5, 30)})})
    assert proposed_name(old, start) == want


def test_the_proposed_dates_are_the_seasons_52_weeks_on():
    """A season from 3 Aug to 9 May: the next from 2 Aug to 7 May (the same weekdays and
    off-season; proposing it from 10 May for as long ended it in February)."""
    old = season()
    old = old.model_copy(update={"calendar": old.calendar.model_copy(update={
        "start": dt.date(2026, 8, 3), "end": dt.date(2027, 5, 9)})})
    assert proposed_dates(old) == (dt.date(2027, 8, 2), dt.date(2028, 5, 7))


def test_a_season_longer_than_52_weeks_is_followed_from_its_end_on_its_week_start():
    old = season()
    old = old.model_copy(update={"calendar": old.calendar.model_copy(update={
        "start": dt.date(2026, 8, 5), "end": dt.date(2027, 9, 1), "week_start": "sat"})})
    start, end = proposed_dates(old)
    assert start == dt.date(2027, 9, 4) and start.weekday() == 5
    assert (end - start).days + 1 == 7 * 57  # as many whole weeks


def test_a_break_of_three_weeks_or_more_says_the_first_weeks_are_load_weeks_and_the_pin():
    """After a break of 3 weeks or more (the last season's end to the new start) the notice says
    the first weeks are planned as full load weeks and how to pin the first one as a deload; a
    shorter break says nothing of it."""
    old = ended_season()  # ends Sun 31 Jan 2027 (day 27)
    text = "\n".join(next_season(old, start=day(49), file="new.season.json").notes)  # 21 days
    assert ("First weeks: the new season starts after a break of 3 weeks (the last one ended Sun "
            "31 Jan 2027, nothing logged since), and its first weeks are planned as full load "
            "weeks from Mon 22 Feb 2027; for a lighter first week, pin it as the team's deload "
            "week (on the board, right-click a day of the week of 22 Feb 2027: Pin week kind for "
            "the team ▸ deload, then solve; or periodize record new.season.json --pin-week "
            "2027-02-22 deload --save). The second week cannot be a deload too (DL-2: a deload "
            "week is never next to another)") in text
    assert "break of over 5 weeks" in "\n".join(next_season(old, start=day(66)).notes)
    for start in (day(28), day(48)):  # the next day; 20 days on
        assert "First weeks" not in "\n".join(next_season(old, start=start).notes)


def test_a_stage_with_fewer_days_left_than_its_minimum_restarts_and_the_season_has_a_plan():
    """P2 (21 to 42 days) since 40 days by the new start: 2 days were left for its exit work (two
    days at its cap and the test), and the next season had no plan. Fewer days left than its exit
    needs (two days at the cap, 48 h apart: three) restart it on the first day, said; 20 or 21
    days left keep it as recorded (its exit fits: the season plans); a short stage (a hamstring's
    S3, at most 7 days) carried on its first day is kept, not restarted for want of room."""
    def ended(p2_day):
        return season(weeks=4, athletes=2, today=day(27),
                      injuries=(injury("A1", "P2", start_day=p2_day, onset_day=p2_day - 1),))

    made = next_season(ended(-12), start=day(28))
    (a1,) = made.season.injuries
    assert a1.stages[-1] == StageRecord(stage="P2", start=day(28))
    assert ("Athlete 1 (A1): in P2 since Wed 23 Dec 2026, 40 days by the new start (P2 lasts at "
            "most 42: 2 days left, fewer than the 3 its exit needs at the least), so P2 restarts on Mon 1 Feb "
            "2027") in "\n".join(made.notes)
    solved_and_checked(made.season, time_limit=20)
    kept = next_season(ended(7), start=day(28))  # 21 days by the start, 21 left: as recorded
    assert kept.season.injuries[0].stages == (StageRecord(stage="P2", start=day(7)),)
    kept = next_season(ended(6), start=day(28))  # past its minimum, 20 left: its exit fits
    assert kept.season.injuries[0].stages == (StageRecord(stage="P2", start=day(6)),)
    solved_and_checked(kept.season, time_limit=20)
    # S3 (2 to 7 days) 2 days by the start: 5 left, its exit fits them (it was restarted)
    short = season(weeks=4, athletes=2, today=day(27), injuries=(Injury(
        athlete="A1", protocol="hamstring-strain", onset=day(10),
        stages=(StageRecord(stage="S3", start=day(26)),)),))
    made = next_season(short, start=day(28))
    assert made.season.injuries[0].stages == (StageRecord(stage="S3", start=day(26)),)
    solved_and_checked(made.season, time_limit=20)


def _held(stage: str, since: int, onset: int):
    """A season of four weeks ending on its last day, A1's hamstring strain recorded in ``stage``
    since day ``since``."""
    return season(weeks=4, athletes=2, today=day(27), injuries=(Injury(
        athlete="A1", protocol="hamstring-strain", onset=day(onset),
        stages=(StageRecord(stage=stage, start=day(since)),)),))


def test_a_restart_counts_the_sprint_ladder_done_only_after_a_stage_that_allows_running():
    """A P2 restart of a hamstring strain (P1 before it: no running) read "its sprint ladder
    counted as done to the stage before's cap (RH-11)": there is no ladder done. The clause is
    said only when the stage before allows running (P3's restart: P2 runs at 70 %)."""
    p2 = "\n".join(next_season(_held("P2", 2, 1), start=day(56)).notes)
    assert ("Athlete 1 (A1): in P2 since Wed 6 Jan 2027, 54 days by the new start (P2 lasts at "
            "most 14), so P2 restarts on Mon 1 Mar 2027: after the break, re-test them") in p2
    assert "sprint ladder" not in p2
    # P2 (70 %) holds no speed day and no running day to pin lower: re-tested before it ends
    assert "re-test them before P2 ends and record the stage the physio finds" in p2, p2
    assert "first speed day" not in p2 and "pin their first running days" not in p2, p2
    p3 = "\n".join(next_season(_held("P3", 2, -5), start=day(56)).notes)
    assert ("so P3 restarts on Mon 1 Mar 2027, its sprint ladder counted as done to the stage "
            "before's cap (RH-11): after the break") in p3
    assert ("re-test them before their first speed day and record the stage the physio finds "
            "(Season ▸ Injuries, Record stage), or pin their first running days lower") in p3, p3


def test_rule_settings_and_training_weekdays_carried_are_said():
    """A coach who set HV-1's window to 9 days and DL-2 to 4 load weeks in March found both in
    the next season's file, and neither the command's list ("Each choice is said") nor the app's
    notice named them. One line names each setting carried with its default, and the training
    weekdays when they are not the default's; none when all are the defaults."""
    old = ended_season()
    plain = "\n".join(next_season(old, start=day(28)).notes)
    assert "Rule settings" not in plain and "weekdays" not in plain
    rules = RuleSettings(values={"HV-1": {"max_gap_days": 9, "exempt_positions": ["GK", "CB"]},
                                 "DL-2": {"max_load_weeks": 4},
                                 "RH-11": {"sessions_per_step": 2}},  # the default: not said
                         modes={"LD-1": "hard", "TP-3": "off", "HV-DAY": "soft"})
    cal = old.calendar.model_copy(update={"training_days": ("mon", "tue", "thu", "fri")})
    set_ = old.model_copy(update={"rules": rules, "calendar": cal})
    made = next_season(set_, start=day(28))
    assert made.season.rules == rules  # carried, as before
    (line,) = [n for n in made.notes if n.startswith("Rule settings carried")]
    assert line == ("Rule settings carried: DL-2 load weeks in a row before a deload: 4 weeks "
                    "(default 3), HV-1 window length: 9 days (default 8), HV-1 positions without "
                    "the rule: GK, CB (default GK), TP-3 switched off (a soft rule by default), "
                    "LD-1 made hard (a soft rule by default); training weekdays carried: Mondays, "
                    "Tuesdays, Thursdays and Fridays (default Monday to Saturday)")
    # the weekdays alone, and chosen anew (File ▸ New's ticks)
    days = old.model_copy(update={"calendar": cal})
    assert "Training weekdays carried: Mondays, Tuesdays, Thursdays and Fridays (default Monday to Saturday)" in \
        "\n".join(next_season(days, start=day(28)).notes)
    chosen = next_season(old, start=day(28), training_days=("mon", "wed", "fri"))
    assert chosen.season.calendar.training_days == ("mon", "wed", "fri")
    assert "Training weekdays as chosen: Mondays, Wednesdays and Fridays (default " in \
        "\n".join(chosen.notes)
    assert Calendar.model_fields["training_days"].default == ("mon", "tue", "wed", "thu", "fri", "sat")


def test_the_load_history_carried_is_said_read_only_where_the_load_figures_read_it():
    """The notice said the first weeks' chronic load and ACWR read the sessions carried, though
    two weeks with nothing logged stood between them and the new start: the load figures end a
    pre-season history at a week with nothing logged, and the ACWR read "—" to the fifth week."""
    from planner.history import logged_days
    from planner.loadtable import series_origin

    old = ended_season()
    text = "\n".join(next_season(old, start=day(28)).notes)
    # A5 logged the day before the start, A1 on day 2 only: four weeks before it
    assert ("carried (from Mon 4 Jan 2027): the first weeks' chronic load and ACWR read them, "
            "except for Athlete 1 (A1), with a week before the new start with nothing logged") in text
    made = next_season(old, start=day(42))  # two weeks after the last day
    new, text = made.season, "\n".join(made.notes)
    assert new.sessions  # still carried (A5's day 26 is in the four weeks before)
    tl = Timeline(new)
    assert all(series_origin(new, logged_days(new, a), tl) == tl.start
               for a in {s.athlete for s in new.sessions})  # read by no athlete's figures
    assert "but the load figures do not read it: nothing is logged in the 15 days from " \
           "Sun 31 Jan 2027 to the new start" in text
    assert "read them," not in text
