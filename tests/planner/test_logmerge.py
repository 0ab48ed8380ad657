"""A log on athlete-days already logged (planner/logmerge.py): found, named, and merged as the
coach chooses, so that no day counts twice unasked."""

from __future__ import annotations

import pytest

from planner import edits as E
from planner import logmerge
from planner.season import Session
from planner.text import day as text_day
from tests.builders import day, season


def _s():
    s = season(weeks=3, athletes=2, today=day(10))
    return s.model_copy(update={"sessions": (Session(athlete="A1", date=day(2), minutes=60, rpe=5),
                                             Session(athlete="A2", date=day(2), minutes=45, rpe=4))})


def test_overlaps_are_the_athlete_days_already_logged_and_each_policy_merges_them_as_said():
    s = _s()
    new = (Session(athlete="A1", date=day(2), minutes=90, rpe=7),
           Session(athlete="A1", date=day(3), minutes=30, rpe=3))
    (o,) = logmerge.overlaps(s, new)
    assert (o.athlete, o.date, len(o.logged), len(o.incoming)) == ("A1", day(2), 1, 1)
    assert "logged 60 min RPE 5; the log has 90 min RPE 7" in logmerge.summary(s, [o])

    def a1(policy):
        m = logmerge.resolve(new, [o], policy)
        assert m.added == {"skip": new[1:]}.get(policy, new)  # what is new to the season
        got = E.LogSessions(sessions=m.sessions, replace=m.replace).apply(s).sessions
        return sorted((x.date, x.minutes) for x in got if x.athlete == "A1")

    assert a1("replace") == [(day(2), 90), (day(3), 30)]
    assert a1("add") == [(day(2), 60), (day(2), 90), (day(3), 30)]
    assert a1("skip") == [(day(2), 60), (day(3), 30)]
    with pytest.raises(ValueError):
        logmerge.resolve(new, [o], "merge")
    assert logmerge.overlaps(s, new[1:]) == []  # a new day: nothing to ask
    assert logmerge.resolve(new[1:], [], None) == (new[1:], (), 1)


def test_replace_keeps_the_logs_own_sessions_that_the_season_already_held():
    """The day has 60/5 and 30/2 logged; the log has 60/5 (already logged) and 90/7: the reader
    counts 60/5 once and leaves it out; replacing the day with the log's sessions dropped it and
    kept only 90/7. Re-kept, 60/5 is not counted as added."""
    s = _s()
    repeat = Session(athlete="A1", date=day(2), minutes=60, rpe=5)
    s = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A1", date=day(2), minutes=30, rpe=2),)})
    new = (Session(athlete="A1", date=day(2), minutes=90, rpe=7),)
    (o,) = logmerge.overlaps(s, new, already=(repeat,))
    assert set(o.incoming) == {repeat, new[0]}
    assert "the log has 90 min RPE 7 + 60 min RPE 5" in logmerge.summary(s, [o])
    m = logmerge.resolve(new, [o], "replace")
    assert m.added == new and m.replace == (("A1", day(2)),)
    got = E.LogSessions(sessions=m.sessions, replace=m.replace).apply(s).sessions
    assert sorted((x.minutes, x.rpe) for x in got if x.athlete == "A1") == [(60, 5), (90, 7)]
    # a repeat on a day with nothing new is no overlap
    assert logmerge.overlaps(s, (), already=(repeat,)) == []


def test_a_log_holding_every_session_of_a_day_and_one_more_adds_the_new_one_unasked():
    """The coach typed Monday's session into the Log panel; the week's export has it and a second
    Monday session. Nothing logged is left out of the log, so nothing is asked: the second session
    is added (it was flagged, refused by the CLI, and dropped by Move Today)."""
    s = _s()
    repeat = Session(athlete="A1", date=day(2), minutes=60, rpe=5)
    second = (Session(athlete="A1", date=day(2), minutes=30, rpe=3),)
    assert logmerge.overlaps(s, second, already=(repeat,)) == []
    assert logmerge.resolve(second, [], None).added == second
    # without the repeat in the log, the logged 60/5 would be left out of it: asked
    (o,) = logmerge.overlaps(s, second)
    assert o.logged == (repeat,)
    # two identical sessions logged, the log repeats one of them: the other is not in the log
    twice = s.model_copy(update={"sessions": s.sessions + (repeat,)})
    assert len(logmerge.overlaps(twice, second, already=(repeat,))) == 1


def test_two_logs_of_a_day_that_differ_only_in_speed_or_note_say_how():
    """'logged 95 min RPE 8; the log has 95 min RPE 8' gave the coach nothing to choose by."""
    s = _s()
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(2), minutes=95, rpe=8,
                                                   top_speed_ms=8.5, minutes_played=90),)})
    new = (Session(athlete="A1", date=day(2), minutes=95, rpe=8, top_speed_ms=8.9,
                   minutes_played=90, pain=3, note="tight  hip"),)
    (o,) = logmerge.overlaps(s, new)
    assert o.text(s).endswith("logged 95 min RPE 8, top 30.6 km/h, played 90 min; the log has "
                              "95 min RPE 8, top 32.0 km/h, played 90 min, pain 3/10, 'tight hip'")


def test_minutes_played_while_recorded_in_rehab_count_on_competition_days_only():
    """A GPS export with a 'playing time' column on every session said a training day was 'a
    competition' played in rehab."""
    from planner.progress import played_in_rehab
    from tests.builders import injury

    s = season(weeks=3, athletes=2, today=day(14), matches=[5, 12],
               injuries=(injury("A1", "P2", start_day=-3),))
    train = Session(athlete="A1", date=day(1), minutes=60, rpe=5, minutes_played=30)
    assert played_in_rehab(E.LogSessions(sessions=(train,)).apply(s)) == []
    match = Session(athlete="A1", date=day(5), minutes=75, rpe=7, minutes_played=70)
    (p,) = played_in_rehab(E.LogSessions(sessions=(train, match)).apply(s))
    assert p.days == (day(5),) and "logged minutes played in 1 competition from" in p.text(s)
    assert "while in P2 by the injury's records" in p.text(s)
    # the matches span two recorded stages: each is named ("while in P2" of both read wrong)
    later = Session(athlete="A1", date=day(12), minutes=75, rpe=7, minutes_played=60)
    moved = E.RecordStage(athlete="A1", stage="P3", start=day(9)).apply(s)
    (p,) = played_in_rehab(E.LogSessions(sessions=(match, later)).apply(moved))
    assert p.stages == ("P2", "P3") and "2 competitions from" in p.text(s)
    assert "while in P2 and in P3 by the injury's records" in p.text(s)
    fit = Session(athlete="A2", date=day(12), minutes=95, rpe=8, minutes_played=90)
    assert [x.athlete for x in played_in_rehab(E.LogSessions(sessions=(match, fit)).apply(s))] == ["A1"]


def test_a_flare_up_recorded_before_the_matches_played_is_not_proposed_moved_and_each_is_said_once():
    """A flare-up the physio recorded on Wed 6 Jan, then matches logged played on Sat 9 and Sat
    16 Jan: 'Played in rehab' proposed to date the flare-up the day after their last match (or, in
    the app, to remove it), which cannot be what happened; and each week's import said every
    match since the flare-up again. It says the flare-up comes before them and what to record,
    and an import says only its own matches."""
    from planner.progress import played_in_rehab, played_in_rehab_since
    from planner.text import day_long
    from tests.builders import injury

    def back(flare: int):
        return season(weeks=3, athletes=2, today=day(19), matches=[5, 12], injuries=(
            injury("A1", "FIT", start_day=-5, history=(("S3", -12),), flare_days=(flare,)),))

    first = Session(athlete="A1", date=day(5), minutes=75, rpe=7, minutes_played=70)
    second = Session(athlete="A1", date=day(12), minutes=75, rpe=7, minutes_played=60)
    s = back(2)
    week1, week2 = (E.LogSessions(sessions=x).apply(s) for x in ((first,), (first, second)))
    (p,) = played_in_rehab(week2)
    said = p.text(week2)
    assert p.days == (day(5), day(12)) and f"the flare-up of {day_long(day(2))} comes before them: " \
        "if they were back, record the stage changes they went through since (advance --accept" in said
    assert "day after their last match" not in said and "--flare-up" not in said, said
    (p,) = played_in_rehab_since(week1, week2)  # the second week's import: its match alone
    assert p.days == (day(12),) and f"1 competition from {day_long(day(12))}" in p.text(week2)
    assert played_in_rehab_since(week2, week2) == []
    # a flare-up dated on the match itself may well have come after it: that advice stays
    s = E.LogSessions(sessions=(first,)).apply(back(5))
    (p,) = played_in_rehab(s)
    assert (f"if the flare-up came after it, its date is the day after their last match, "
            f"{day_long(day(6))} (record --flare-up A1 {day(6).isoformat()} instead)") in p.text(s)


def test_minutes_from_a_clock_are_said_rounded_on_the_day_already_logged():
    """01:12:40 from a GPS export is 72.6667 minutes: the overlap line printed it so."""
    s = _s()
    (o,) = logmerge.overlaps(s, (Session(athlete="A1", date=day(2), minutes=72 + 40 / 60, rpe=6,
                                         minutes_played=44 + 1 / 3),))
    said = logmerge.summary(s, [o])
    assert "the log has 72.7 min RPE 6, played 44.3 min" in said and "72.66" not in said


def test_speeds_go_to_the_one_session_logged_that_day_and_a_day_without_one_is_named():
    """A GPS export read after the wellness app's RPE: 'add' doubled each day's load and
    'replace' lost the RPE; each row's top speed goes to the day's one session, the higher of
    both, its minutes and RPE as logged."""
    base = _s()
    s = base.model_copy(update={
        "athletes": tuple(a.model_copy(update={"max_speed": 9.0}) for a in base.athletes),
        "sessions": base.sessions + (Session(athlete="A2", date=day(3), minutes=30, rpe=3,
                                             top_speed_pct=95),)})
    gps = (Session.model_construct(athlete="A1", date=day(2), minutes=0, rpe=0, top_speed_ms=8.1),
           Session.model_construct(athlete="A1", date=day(2), minutes=0, rpe=0, top_speed_ms=7.0),
           Session.model_construct(athlete="A2", date=day(3), minutes=0, rpe=0, top_speed_ms=8.1))
    merge, problems = logmerge.speeds(s, gps)
    assert not problems and merge.replace == (("A1", day(2)),)  # A2's 95 % is faster than 90 %
    (a1,) = merge.sessions
    assert (a1.minutes, a1.rpe, a1.top_speed_ms) == (60, 5, 8.1)
    after = E.LogSessions(sessions=merge.sessions, replace=merge.replace).apply(s)
    assert sorted((x.athlete, x.date, x.top_speed_ms) for x in after.sessions) == [
        ("A1", day(2), 8.1), ("A2", day(2), None), ("A2", day(3), None)]
    two = s.model_copy(update={"sessions": s.sessions + (Session(athlete="A1", date=day(2),
                                                                 minutes=20, rpe=2),)})
    _, problems = logmerge.speeds(two, gps[:1] + (Session.model_construct(
        athlete="A1", date=day(5), minutes=0, rpe=0, top_speed_ms=8.0),))
    assert problems == [
        "Athlete 1 (A1) on 2027-01-06: 2 sessions are logged that day, so its top speed has no "
        "session to go to; type it on the session it belongs to (the app's Log panel)",
        "Athlete 1 (A1) on 2027-01-09: no session is logged that day, so its top speed has no "
        "session to go to; import the day's RPE first"]


def test_an_athlete_without_max_speed_takes_the_fastest_of_the_log_and_a_crawl_is_refused(tmp_path):
    """--max-speed-from-log (and the app's Take the Fastest as Max Speed): each athlete of the log
    with no max speed takes the fastest top speed it gives him, with the Squad editor's edit and
    check; the log is then read with it, his rows as the others'. A fastest slower than any
    athlete sprints is no max speed: refused, as the Squad editor refuses it."""
    from planner.errors import InputError
    from planner.sessionlog import read_sessions

    s = season(weeks=4, athletes=2, today=day(14))
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"max_speed": 9.0}),
                                          s.athletes[1])})
    p = tmp_path / "gps.csv"
    p.write_text("Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                 f"A1,{day(1)},60,5,30\nA2,{day(1)},60,5,29.5\nA2,{day(2)},60,5,31.5\n")
    taken, result = logmerge.read_taking_max_speeds(lambda x: read_sessions(p, x), s)
    assert taken.edits == (E.UpdateAthlete(athlete="A2", max_speed=8.75),)
    assert taken.season.athlete("A2").max_speed == 8.75 and taken.season.athlete("A1").max_speed == 9.0
    assert taken.lines == (f"Athlete 2 (A2): max speed set to 8.75 m/s (31.5 km/h), the fastest "
                           f"of their 2 logged sessions ({text_day(day(2))}); measure it properly "
                           f"when you can",)
    assert sorted((x.athlete, round(x.top_speed_ms, 2)) for x in result.sessions) == [
        ("A1", 8.33), ("A2", 8.19), ("A2", 8.75)]
    # a log that needs none: nothing taken
    taken, _ = logmerge.read_taking_max_speeds(lambda x: read_sessions(p, x), taken.season)
    assert taken.edits == () and taken.lines == ()
    slow = tmp_path / "slow.csv"
    slow.write_text(f"Athlete ID,Date,Minutes,RPE,Top speed m/s\nA2,{day(1)},60,5,3.2\n")
    with pytest.raises(InputError) as err:
        logmerge.read_taking_max_speeds(lambda x: read_sessions(slow, x), s)
    assert err.value.problems == [
        f"Athlete 2 (A2): the fastest of their one logged session (3.20 m/s = 11.5 km/h, "
        f"{text_day(day(1))}, row 2) cannot be their max speed: 3.2 m/s (11.5 km/h) is slower than "
        f"any athlete sprints; a max speed is in m/s, at least 4 (14.4 km/h); check the log's "
        f"top speed column, or give their max speed measured "
        f"(Season ▸ Squad, or periodize record SEASON --max-speed A2 SPEED)"]


def test_a_fastest_faster_than_any_sprint_or_far_above_his_next_is_not_taken_as_max_speed(tmp_path):
    """--max-speed-from-log took a typo's 14.5 m/s (52.2 km/h) as a signing's max speed without a
    word, and every later target with it. Above what any athlete sprints it is refused as a crawl
    is; a fastest far above their next fastest (more than 15 %) is named with its row, and neither
    is taken. Within 15 % of his next it is taken."""
    from planner.errors import InputError
    from planner.sessionlog import read_sessions

    s = season(weeks=4, athletes=2, today=day(14))
    head = "Athlete ID,Date,Minutes,RPE,Top speed m/s\n"

    def taking(speeds):
        p = tmp_path / "gps.csv"
        p.write_text(head + "".join(f"A2,{day(i)},60,5,{v}\n" for i, v in enumerate(speeds)))
        return logmerge.read_taking_max_speeds(lambda x: read_sessions(p, x), s)

    with pytest.raises(InputError) as err:
        taking([8.5, 14.5, 8.8])
    assert err.value.problems == [
        f"Athlete 2 (A2): the fastest of their 3 logged sessions (14.50 m/s = 52.2 km/h, "
        f"{text_day(day(1))}, row 3) cannot be their max speed: 14.5 m/s (52.2 km/h) is faster than "
        f"any athlete sprints; a max speed is in m/s, at most 12.5 (45.0 km/h); check the log's "
        f"top speed column, or give their max speed measured "
        f"(Season ▸ Squad, or periodize record SEASON --max-speed A2 SPEED)"]
    with pytest.raises(InputError) as err:
        taking([8.5, 11.5, 8.8])
    assert err.value.problems == [
        f"Athlete 2 (A2): the fastest of their 3 logged sessions, 11.5 m/s (41.4 km/h) on row 3, "
        f"{text_day(day(1))}, is far above their next, 8.8 m/s, and is not taken as their max speed; "
        f"check row 3, or give their max speed measured "
        f"(Season ▸ Squad, or periodize record SEASON --max-speed A2 SPEED)"]
    taken, _ = taking([8.5, 10.1, 8.8])  # 14.8 % above their next: a fast day, taken
    assert taken.season.athlete("A2").max_speed == 10.1
