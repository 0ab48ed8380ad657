"""The past read from the log (rules-spec.md section 9): the same facts give the same past, in
whatever order they were recorded and however often the reading is repeated."""

from __future__ import annotations

import random

from planner.history import past_days
from planner.season import FIT, LEVELS, AthletePlan, Plan, Session
from planner.timeline import Timeline
from tests.builders import day, injury, season

MATCH = 12  # Saturday of the second week


def _plan(s, intensity, stages) -> Plan:
    tl = Timeline(s)
    return Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=(
        AthletePlan(athlete="A1", stages=tuple(stages), intensity=tuple(intensity),
                    weeks=("load",) * len(tl.weeks)),))


def _season(flares=(10,)):
    # back to FIT on day 2, a flare-up on Thu day 10 (RH-FL: calm days 11 and 12, the match day)
    rec = injury("A1", "FIT", start_day=2, history=(("S3", -20),), flare_days=flares)
    return season(weeks=4, athletes=1, injuries=(rec,), today=day(14))


def test_a_match_sat_out_on_a_calm_day_reads_the_same_whichever_came_first():
    """The plan had A1 start the match (100); the log says 45 minutes of training and 0 minutes
    played. Recorded before the re-plan, the flare-up's calm day used to turn the planned 100
    into a 60 % running day; recorded after it (the stored plan then holding the 0 the first
    re-plan read), it stayed 0."""
    s = _season().model_copy(update={"sessions": (
        Session(athlete="A1", date=day(MATCH), minutes=45, rpe=5, minutes_played=0),)})
    stages = ["S3", "S3"] + ["FIT"] * 26
    planned = [0] * 28
    planned[MATCH] = 100
    read_after = [0] * 28
    first = past_days(s, "A1", tuple(stages[:14]), stored=_plan(s, planned, stages))
    second = past_days(s, "A1", tuple(stages[:14]), stored=_plan(s, read_after, stages))
    assert first.intensity[MATCH] == second.intensity[MATCH] == 0
    assert not first.played[MATCH]
    # sent back a stage by the flare-up, the athlete did not play either: no match speed
    back = ["S3"] * 14
    assert past_days(s, "A1", tuple(back), stored=_plan(s, planned, back)).intensity[MATCH] == 0


def test_reading_the_past_again_changes_nothing():
    """The solver writes the past it read into the plan and the plan checker reads it again over
    that plan: every reading must be a fixed point, or the two would disagree."""
    rng = random.Random(7)
    for trial in range(1000):
        flares = tuple(sorted(rng.sample(range(0, 14), rng.randint(0, 2))))
        s = _season(flares)
        tl = Timeline(s)
        sessions = []
        for d in rng.sample(range(14), rng.randint(0, 8)):
            top = rng.choice([None, None, 55.0, 72.0, 85.0, 93.0, 97.0, 100.0])
            played = rng.choice([None, None, 0, 30, 90]) if tl.is_comp[d] else None
            sessions.append(Session(athlete="A1", date=day(d), minutes=rng.choice([0, 30, 60]),
                                    rpe=5, top_speed_pct=top, minutes_played=played))
        s = s.model_copy(update={"sessions": tuple(sessions)})
        # every stage of the protocol: P3's cap is 80, a level that also means "played"
        stages = [rng.choice(["P1", "P2", "P3", "S1", "S2", "S3", "FIT"]) if d < 14 else "FIT"
                  for d in range(28)]
        intensity = [rng.choice(LEVELS) for _ in range(28)]
        once = past_days(s, "A1", tuple(stages[:14]), stored=_plan(s, intensity, stages))
        again_it = list(once.intensity) + intensity[14:]
        twice = past_days(s, "A1", tuple(stages[:14]), stored=_plan(s, again_it, stages))
        assert twice == once, (trial, flares, sessions, stages[:14], intensity[:14])


def test_a_speed_rounded_to_a_tenth_of_a_km_h_counts_as_the_level_it_rounds_to():
    """GPS exports give top speeds to 0.1 km/h: 95 % of a 32.0 km/h max is 30.4 km/h, and
    30.35 km/h is 94.84 %. Read as 90 %, a rehab athlete who ran the 95 % step had not done it.
    A speed logged in m/s or km/h may miss a level by the rounding of 0.05 m/s; a percentage is
    read as rules-spec section 9 says, the highest level at or below it (89.6 % is 80 %, not an
    HV exposure)."""
    from planner.history import level_at_or_below, session_level

    assert [level_at_or_below(x) for x in (94.84, 95.0, 89.6, 69.6, 60.0, 59.9, 100.3)] == [
        90, 95, 80, 60, 60, 0, 100]
    assert level_at_or_below(94.84, 0.5) == 95
    runner = season(athletes=1).athletes[0].model_copy(update={"max_speed": 9.7})
    as_pct = [session_level(Session(athlete="A1", date=day(0), minutes=60, rpe=6,
                                    top_speed_pct=x), runner) for x in (89.6, 94.6, 95.0)]
    assert as_pct == [80, 90, 95]
    # the handout's "9.2 m/s" for 95 % of 9.7 m/s (94.85 %) is the 95 % step; 9.1 m/s is not
    as_ms = [session_level(Session(athlete="A1", date=day(0), minutes=60, rpe=6,
                                   top_speed_ms=x), runner) for x in (9.2, 9.1)]
    assert as_ms == [95, 90]
    s = _season(flares=()).model_copy(update={"athletes": (season(athletes=1).athletes[0].model_copy(
        update={"max_speed": 32.0 / 3.6}),)})
    logged = {3: 30.35, 4: 22.3, 6: 30.2}  # 94.84 %, 69.69 %, 94.38 %
    s = s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(d), minutes=60, rpe=6, top_speed_ms=kmh / 3.6)
        for d, kmh in logged.items())})
    stages = ["S3", "S3"] + ["FIT"] * 26
    past = past_days(s, "A1", tuple(stages[:14]), stored=_plan(s, [0] * 28, stages))
    assert (past.intensity[3], past.intensity[4], past.intensity[6]) == (95, 70, 90)


def test_a_season_with_nothing_logged_says_so_once_even_with_an_athlete_away():
    """An athlete away counted among the days "with nothing logged", so a season that logged
    nothing never read as such, and every day of it was then listed as a missing export."""
    from planner.season import Unavailability
    from planner.unlogged import thin_days, unlogged_text

    s = season(weeks=4, athletes=3, today=day(0),
               unavailable=(Unavailability(athlete="A2", start=day(2), end=day(4)),))
    said = unlogged_text(s, day(14))
    assert said.startswith("Nothing is logged for any athlete on the "), said
    assert "a missing export" not in said
    one = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(1), minutes=60, rpe=5),)})
    said = unlogged_text(one, day(14))
    assert "athlete-days this puts in the past" in said and "a missing export?" in said
    assert thin_days(one, day(14))[0].endswith(": nothing logged")
    # the days are after today until the move: logged with it or after it, never "first"
    assert "log them first" not in said and ("If they went otherwise, log them with the move "
                                             "(advance --log) or after it (periodize log, which "
                                             "re-plans with them).") in said


def _team_days(s, today) -> list:
    """The training and match days a move of today to ``today`` puts in the past."""
    tl = Timeline(s)
    return [tl.days[d] for d in range(tl.n) if s.calendar.today <= tl.days[d] < today
            and (tl.is_training[d] or tl.is_comp[d])]


def count_prescribers(monkeypatch) -> list:
    """The seasons each ``planner.sessions.Prescriber`` built from now on is built for, one an
    instance (Move Today's due list built three a date it showed)."""
    import planner.sessions as sessions

    built = []

    class Counted(sessions.Prescriber):
        def __init__(self, *args, **kwargs):
            built.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(sessions, "Prescriber", Counted)
    return built


def test_the_athletes_with_nothing_logged_are_named_with_their_days():
    """"14 of the 144 athlete-days have nothing logged" named nobody: a player missing the whole
    week was not named. Each athlete is named with his days (the load figures' words), one with
    none logged said so and first; a day nobody logged (a missing export) names no one."""
    from planner.text import day_long
    from planner.unlogged import unlogged_athletes

    s = season(weeks=4, athletes=4, today=day(0))
    week = _team_days(s, day(7))
    assert len(week) >= 5
    skipped = week[-1]  # nobody's session: a missing export, not a name each
    gaps = {"A1": [], "A2": week[1:3], "A3": week, "A4": week[:1] + week[2:]}
    logs = tuple(Session(athlete=a, date=d, minutes=60, rpe=5) for a, miss in gaps.items()
                 for d in week if d not in miss and d != skipped)
    said = unlogged_athletes(s, day(7), logs)
    n = len(week) - 1
    assert said == [
        f"Athlete 3 (A3): nothing logged on any of the {n} days",
        f"Athlete 4 (A4): nothing logged on {n - 1} of the {n} days",  # too many to list
        f"Athlete 2 (A2): nothing logged on {day_long(week[1])} and {day_long(week[2])}"], said
    assert unlogged_athletes(s, day(7)) == []  # nothing logged at all: the count says it


def test_a_planned_match_with_nothing_logged_is_said_to_count_as_played():
    """Move Today said "Hugo Laurent (A13): nothing logged on Wed 2 Dec" of a cup match he
    missed, while the load figures and the speed days count it as played (the stored plan's
    role stands, rules-spec.md section 9). The line says so of a match the plan has the athlete
    play (started or from the bench), and the way to log one not played is said once; a
    training day alone reads as before."""
    from planner.text import day_long
    from planner.unlogged import COUNTED_PLAYED, MATCH_NOT_PLAYED, unlogged_athletes

    s = season(weeks=2, athletes=4, today=day(0))  # 'Match 1' on Sat 9 Jan (day 5)
    n = Timeline(s).n
    levels = {"A1": 100, "A2": 80, "A3": 100, "A4": 100}  # A2 from the bench
    s = s.model_copy(update={"plan": Plan(status="manual", team_weeks=("load", "load"), athletes=tuple(
        AthletePlan(athlete=a, stages=(FIT,) * n, weeks=("load", "load"),
                    intensity=tuple(v if d == 5 else 70 for d in range(n)))
        for a, v in levels.items()))})
    week = _team_days(s, day(7))
    assert day(5) in week and len(week) == 6
    gaps = {"A1": [day(5)], "A2": [day(2), day(5)], "A3": week, "A4": [day(2)]}
    logs = tuple(Session(athlete=a, date=d, minutes=60, rpe=5) for a, miss in gaps.items()
                 for d in week if d not in miss)
    said = unlogged_athletes(s, day(7), logs)
    match = f"{day_long(day(5))} ('Match 1': {COUNTED_PLAYED})"
    assert said == [
        f"Athlete 3 (A3): nothing logged on any of the 6 days, the match of {day_long(day(5))} "
        f"('Match 1') {COUNTED_PLAYED}",
        f"Athlete 2 (A2): nothing logged on {day_long(day(2))} and {match}",
        f"Athlete 1 (A1): nothing logged on {match}",
        f"Athlete 4 (A4): nothing logged on {day_long(day(2))}"], said
    assert COUNTED_PLAYED == "counted as played, as planned"
    assert "log 0 minutes played" in MATCH_NOT_PLAYED and "0 minutes and RPE 0" in MATCH_NOT_PLAYED
    # what it says is what the load reads: 0 minutes played, or 0 minutes at all, is not played
    from planner.history import past_days

    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(7)})})
    assert past_days(moved.model_copy(update={"sessions": logs}), "A1", (FIT,) * n).played[5]
    for row in (Session(athlete="A1", date=day(5), minutes=30, rpe=3, minutes_played=0),
                Session(athlete="A1", date=day(5), minutes=0, rpe=0)):
        logged = moved.model_copy(update={"sessions": (*logs, row)})
        assert not past_days(logged, "A1", (FIT,) * n).played[5], row


def test_move_today_counts_the_same_athletes_in_its_total_and_in_each_day():
    """"27 athletes x 12 training and match days" and then "3 of 26 logged": the player on loan
    (away every one of those days) was in the first count only. Both count the athletes due; one
    away some of the days is said so, his days away left out of the total."""
    from planner.season import Unavailability
    from planner.unlogged import thin_days, unlogged, unlogged_text

    s = season(weeks=4, athletes=3, today=day(0),
               unavailable=(Unavailability(athlete="A3", start=day(0), end=day(27), reason="Loan"),))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(0), minutes=60, rpe=5),)})
    missing, days = unlogged(s, day(7))
    said = unlogged_text(s, day(7))
    assert (f"{missing} of the {2 * days} athlete-days this puts in the past (2 athletes x {days} "
            f"training and match days)") in said, said
    assert "3 athletes" not in said and all(t.endswith("nothing logged") for t in thin_days(s, day(7)))
    part = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A3", start=day(0), end=day(1), reason="Ill"),)})
    said = unlogged_text(part, day(7))
    assert (f"(3 athletes on {days} training and match days, their days away and days without a session "
            "left out)") in said


def test_a_flare_up_on_a_match_he_played_is_said_as_the_past_and_why_the_day_counts_lower():
    """A returner's flare-up recorded on the day of a match he played in full: the Inspector and
    `explain` read "Flare-up: recorded on this day: no running (RH-FL)" under a logged 90-minute
    match, and `explain` and the handout said the day "counts as 95 %" without the reason the
    Inspector gives. The plan is checked by the plan checker."""
    from planner import edits as E
    from planner.daymarks import day_rows
    from planner.handout import Handouts
    from planner.why import why_day
    from tests.builders import flared_on_a_match_played

    s = flared_on_a_match_played()  # the flare-up on a match he played, solved and checked
    ap = s.plan.for_athlete("A2")
    assert (ap.stages[5], ap.intensity[5]) == ("S3", 95)
    why = ("a match played while the records put the athlete in S3 counts a level lower")
    # the Inspector's and explain's Flare-up row: what happened, not an instruction
    flare = dict(day_rows(s, "A2", 5))["Flare-up"]
    assert flare == ("recorded on this day (the session logged that day is what flared up; at "
                     "most 60 % on the 2 calm days after it, RH-FL)")
    assert "no running" not in flare
    # a flare-up day with nothing logged still says what RH-FL asks of it
    bare = E.RecordFlareUp(athlete="A1", date=day(3)).apply(s.model_copy(update={"injuries": (
        *s.injuries, injury("A1", "S3", start_day=-5, onset_day=-20))}))
    assert dict(day_rows(bare, "A1", 3))["Flare-up"] == "recorded on this day: no running (RH-FL)"
    # explain's past-day fact and the handout's day give the Inspector's reason
    facts = [r.text for r in why_day(s, s.plan, "A2", day(5)).reasons]
    past = next(t for t in facts if t.startswith("This day is in the past"))
    assert f"so 95 %. {why[:1].upper()}{why[1:]}. The plan had said 100 %." in past, past
    (week,) = Handouts(s, s.plan).weeks("A2", [0])
    (d5,) = [d for d in week.days if d.date == day(5)]
    assert d5.deviation.startswith(f"Logged 100 % (counts as 95 %: {why}), planned 100 %"), d5.deviation


def test_a_rehab_players_match_day_is_no_day_he_had_to_log():
    """Move Today named players in rehab "nothing logged" on the match days the plan made "match
    day, no rehab session" for them: nothing was due, and the false names hid the real gap. An
    athlete is due on the days the plan gives him a session; a fit teammate who logged nothing on
    a training day is still named, and the day counts agree."""
    from planner.sessions import Prescriber
    from planner.text import day_long
    from planner.unlogged import unlogged, unlogged_athletes
    from tests.builders import solved_and_checked

    s = season(weeks=4, athletes=3, injuries=(injury("A1", "P2", start_day=-3),), today=day(0))
    out, _report = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    match, training = 5, 2  # Sat 9 Jan (Match 1), Wed 6 Jan
    rest = Prescriber(s, out.plan).day("A1", match)
    assert rest.context == "rest" and rest.summary.endswith("Match 1"), rest.summary
    # everyone logged every day up to the move but A1 on the match day, A3 on the Wednesday
    week = [Timeline(s).days[d] for d in range(7) if d != 6]
    logs = tuple(Session(athlete=a, date=d, minutes=60, rpe=5) for a in ("A1", "A2", "A3")
                 for d in week if (a, d) not in {("A1", day(match)), ("A3", day(training))})
    said = unlogged_athletes(s, day(7), logs)
    assert said == [f"Athlete 3 (A3): nothing logged on {day_long(day(training))}"], said
    assert unlogged(s, day(7), logs) == (1, len(week))


def test_the_calm_days_trained_after_a_friday_flare_up_are_read_as_rh_fl():
    """A flare-up on Fri day 4, the match on Sat day 5 and Sunday off: RH-FL's calm days are
    Mon 7 and Tue 8, the next days trained (``Timeline.calm_days``), not the next two calendar
    days. A Mon or Tue at 60 % with nothing logged says RH-FL, not the stage, and Wed is free."""
    from planner.history import flare_hold, read_as
    from planner.rules import CALM_CAP
    from planner.text import day as day_text

    rec = injury("A1", "FIT", start_day=-5, history=(("S3", -20),), flare_days=(4,))
    s = season(weeks=3, athletes=1, matches=[5, 12, 19], injuries=(rec,))
    n = len(Timeline(s).days)
    intensity = [90] * n
    intensity[4:9] = [0, 0, 0, CALM_CAP, CALM_CAP]
    ap = _plan(s, intensity, [FIT] * n).for_athlete("A1")
    assert [flare_hold(s, "A1", day(i)) for i in (4, 7, 8, 9)] == [
        (day(4), 0), (day(4), CALM_CAP), (day(4), CALM_CAP), None]
    assert read_as(s, ap, day(4), 90, 0) == (
        "the flare-up's day: counted as no running (RH-FL), planned 90 %")
    for i in (7, 8):
        assert read_as(s, ap, day(i), 90, CALM_CAP) == (
            f"a calm day after the flare-up of {day_text(day(4))}: counted as {CALM_CAP} % "
            "(RH-FL), planned 90 %")
    assert read_as(s, ap, day(9), 90, CALM_CAP) == ""  # past the calm days, a fit day's own level


def test_an_injured_athlete_before_any_rehab_stage_is_no_day_he_had_to_log(monkeypatch):
    """Injured on Sun 3 Jan with P2 recorded from Thu 14 Jan: the plan gives him treatment with
    the medical staff on the days before (INJ at 0 %, no minutes, no load), no session to log,
    and Move Today named him "nothing logged" on each of them. A teammate who logged nothing is
    still named; A1 is due again once his rehab stage starts. The count, the sentence and the
    names of one date read the plan's sessions once (one Prescriber)."""
    import planner.sessions as sessions
    from planner.text import day_long
    from planner.unlogged import unlogged, unlogged_athletes, unlogged_text
    from tests.builders import solved_and_checked

    s = season(weeks=3, athletes=3, injuries=(injury("A1", "P2", start_day=10, onset_day=-1),),
               today=day(0))
    out, _report = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    training = 2  # Wed 6 Jan
    assert sessions.Prescriber(s, out.plan).day("A1", training).context == "injured"
    built = count_prescribers(monkeypatch)
    week = _team_days(s, day(7))
    logs = tuple(Session(athlete=a, date=d, minutes=60, rpe=5) for a in ("A2", "A3")
                 for d in week if (a, d) != ("A3", day(training)))
    assert unlogged_athletes(s, day(7), logs) == [
        f"Athlete 3 (A3): nothing logged on {day_long(day(training))}"]
    assert unlogged(s, day(7), logs) == (1, len(week))
    said = unlogged_text(s, day(7), logs)
    assert f"(2 athletes x {len(week)} training and match days)" in said, said
    assert len(built) == 1
    # once P2 starts (day 10) he is due: a P2 day he did not log names him, the days before not
    two = _team_days(s, day(14))
    rehab = next(d for d in two if d >= day(10) and sessions.Prescriber(s, out.plan).day(
        "A1", (d - day(0)).days).context != "rest")
    logs = tuple(Session(athlete=a, date=d, minutes=60, rpe=5) for a in ("A1", "A2", "A3")
                 for d in two if a != "A1" or (d >= day(10) and d != rehab))
    assert unlogged_athletes(s, day(14), logs) == [
        f"Athlete 1 (A1): nothing logged on {day_long(rehab)}"]


def test_move_today_works_out_who_was_due_once_for_each_date_it_shows(monkeypatch):
    """The Move Today dialog asks for the sentence and the names at every date the coach steps
    to: each built the plan's sessions of the whole squad again (three Prescribers a date, 57 ms
    for 30 athletes over 40 weeks). One a date now, none for a date asked again; the words are
    those of a fresh reading."""
    from planner.unlogged import unlogged_athletes, unlogged_text
    from tests.builders import solved_and_checked

    s = season(weeks=4, athletes=3, injuries=(injury("A1", "P2", start_day=-3),), today=day(0))
    out, _report = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    logs = (Session(athlete="A2", date=day(0), minutes=60, rpe=5),)
    fresh = {}
    for today in (day(7), day(14)):  # each read from a season object not asked about before
        copy = s.model_copy()
        fresh[today] = (unlogged_text(copy, today, logs), unlogged_athletes(copy, today, logs))
    built = count_prescribers(monkeypatch)
    per_date = []
    for today in (day(7), day(14), day(7)):  # the coach steps on, then back
        n = len(built)
        said = (unlogged_text(s, today, logs), unlogged_athletes(s, today, logs))
        assert said == fresh[today] and said[0] and said[1]
        per_date.append(len(built) - n)
    assert per_date == [1, 1, 0]


def test_a_match_logged_as_planned_keeps_its_role_whatever_the_season_s_start_line():
    """LD-1's start_from_played may be 1 to 120, but "Log as planned" logged a start as 90
    minutes played (the match's 40 in a youth rule set): with the line at 100, or at 45 over a
    40-minute match, every planned start read back as a bench appearance. One helper gives the
    Log and the simulated log their minutes played: a start at the line or above, a bench
    appearance under it."""
    from planner.history import played_as_planned, role_of_minutes
    from planner.rules import RULES

    p = next(p for p in RULES["LD-1"].params if p.name == "start_from_played")
    for line in range(int(p.min), int(p.max) + 1):
        for role, minutes in (("start", 95), ("start", 70), ("start", 40), ("bench", 30),
                              ("bench", 15)):
            played = played_as_planned(role, minutes, line)
            assert role_of_minutes(played, line) == role, (role, minutes, line, played)
            assert played <= max(minutes, line), (role, minutes, line, played)
    # where the line allows, a match is as the plan has it: a start 90 (a shorter match whole)
    assert played_as_planned("start", 95, 45) == 90 and played_as_planned("start", 70, 45) == 70
    assert played_as_planned("bench", 30, 45) == 20 and played_as_planned("bench", 15, 45) == 15


def test_the_simulated_log_reads_each_planned_match_in_its_role_under_a_high_start_line():
    """planner.simulate.log_week logged a start as 90 minutes played: with LD-1's
    start_from_played at 100 every start of the simulated log was read as from the bench."""
    from planner.history import role_of_minutes
    from planner.loadtable import LoadTable
    from planner.rules import RuleSet
    from planner.season import PLAY_LEVEL, RuleSettings
    from planner.simulate import log_week

    for line in (20, 45, 100, 120):
        s = season(weeks=4, athletes=2, rules=RuleSettings(values={"LD-1": {"start_from_played": line}}))
        assert RuleSet(s.rules).value("LD-1", "start_from_played") == line
        tl = Timeline(s)
        roles = {"A1": "start", "A2": "bench"}
        plan = Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
            AthletePlan(athlete=a, stages=(FIT,) * tl.n, intensity=tuple(
                PLAY_LEVEL[r] if tl.is_comp[i] else 0 for i in range(tl.n)),
                weeks=("load",) * len(tl.weeks)) for a, r in roles.items()))
        s = s.model_copy(update={"plan": plan})
        table = LoadTable.of_season(s)
        logged = [x for x in log_week(s, tl.days[0], tl.days[-1]) if x.minutes_played is not None]
        assert {x.athlete for x in logged} == {"A1", "A2"}
        for x in logged:
            subbed = x.athlete == "A1" and (x.minutes, x.rpe) == tuple(table.bench)
            want = "bench" if subbed else roles[x.athlete]
            assert role_of_minutes(x.minutes_played, line) == want, (line, x)
            assert x.minutes_played <= x.minutes, x  # a session's minutes include the match
        assert any(x.athlete == "A1" and role_of_minutes(x.minutes_played, line) == "start"
                   for x in logged), line


def _starts(minutes_played, line=None):
    """A season whose plan starts athletes A1.. in the match of day 5, and a log of that match
    with ``minutes_played`` for them (today: the week after); ``line``: LD-1's start line."""
    from planner.season import PLAY_LEVEL, RuleSettings

    rules = RuleSettings(values={"LD-1": {"start_from_played": line}}) if line else None
    s = season(weeks=3, athletes=len(minutes_played), matches=[5, 12, 19], today=day(14),
               rules=rules)
    tl = Timeline(s)
    plan = Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=(FIT,) * tl.n, intensity=tuple(
            PLAY_LEVEL["start"] if tl.is_comp[i] else 0 for i in range(tl.n)),
            weeks=("load",) * len(tl.weeks)) for a in s.athletes))
    s = s.model_copy(update={"plan": plan})
    log = tuple(Session(athlete=a.id, date=day(5), minutes=90.0, rpe=8.0, minutes_played=float(m))
                for a, m in zip(s.athletes, minutes_played, strict=True))
    return s, log


def test_the_import_note_advises_a_start_line_from_the_bulk_of_the_short_starts():
    """Four planned starters logged 32, 30, 2 and 31 minutes (one hurt after 2): the note said
    "set it to 2 or less", which makes every 2-minute cameo a start. The value comes from the
    bulk of the short starts, the far shorter one named; a GPS log's fractional minutes give
    whole minutes, as the setting is an integer. The days are counted per athlete and match
    (one match, four starters: four)."""
    import re

    from planner.history import role_of_minutes, starts_read_as_bench

    for mins in ((32, 30, 2, 31), (33.6, 2.4, 31.5, 40.2, 1), (30, 31, 32), (12.9, 14, 13)):
        s, log = _starts(mins)
        (note,) = starts_read_as_bench(s, log)
        advice = int(re.search(r'minutes played" to (\S+) or less', note).group(1))
        # the advice turns more than half the planned starts into starts, and no far-off cameo
        assert 2 * sum(role_of_minutes(m, advice) == "start" for m in mins) > len(mins), (mins, note)
        bulk = sorted(mins)[(len(mins) - 1) // 2]
        assert advice > max([m for m in mins if m < bulk / 2], default=0), (mins, note)
        assert advice <= min(m for m in mins if m >= bulk / 2), (mins, note)
        for m in mins:  # the far shorter ones are named as such
            if m < bulk / 2:
                assert f"{m:g} min far shorter than the rest" in note or \
                    f"{m:g} and" in note or f", {m:g}" in note, (m, note)
        if all(m >= bulk / 2 for m in mins):
            assert "far shorter" not in note, note
    s, log = _starts((32, 30, 2, 31))
    assert "(2 to 32 min; 2 min far shorter than the rest" in starts_read_as_bench(s, log)[0]
