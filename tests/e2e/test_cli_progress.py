"""A season in progress through the command line: the demo advanced to 1 Dec 2026 with its
projected stage changes accepted and its sessions logged from a GPS-style CSV, re-planned from
there; bad logs refused with the file untouched; today moved back losing nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil

import pytest

from planner.check import check_plan
from planner.edits import flare_up_not_yet, scenario_season
from planner.history import past_days
from planner.rehab import athlete_stage_on
from planner.season import FIT, Session
from planner.seasonfile import load_season, save_season
from planner.text import date_long, day_long
from planner.text import day as text_day
from planner.timeline import Timeline
from templates import path as template_path
from tests.builders import day, injury, season
from tests.e2e.test_cli import run

DEC_1 = dt.date(2026, 12, 1)


def _in_s1_solved(tmp_path, first: int = 1, last: int = 14):
    """A1 in S1 since day -3 (8 weeks, 2 athletes, today day 0), saved as s.season.json and
    solved with ``solve --save``: the stored season and the day index of A1's first planned
    stage change (searched from ``first`` to before ``last``)."""
    s = season(weeks=8, athletes=2, injuries=(injury("A1", "S1", start_day=-3),), today=day(0))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    stored = load_season(tmp_path / "s.season.json")
    stages = stored.plan.for_athlete("A1").stages
    return stored, next(i for i in range(first, last) if stages[i] != stages[i - 1])


@pytest.fixture(scope="module")
def advanced(tmp_path_factory):
    """The demo advanced to 1 Dec 2026 with --accept and the demo's session log, saved."""
    tmp = tmp_path_factory.mktemp("demo")
    shutil.copy(template_path("demo.season.json"), tmp / "demo.season.json")
    r = run("advance", "demo.season.json", "--today", "2026-12-01", "--accept", "--log",
            str(template_path("demo-sessions.csv")), "--save", cwd=tmp)
    assert r.returncode == 0, r.stderr
    return r, load_season(tmp / "demo.season.json"), tmp


def test_a_what_if_cannot_move_a_match_played_or_into_the_past(advanced):
    """A what-if re-plans from today: a competition before today is what happened."""
    _, s, tmp = advanced
    played = max((c for c in s.competitions if c.date < DEC_1), key=lambda c: c.date)
    coming = min((c for c in s.competitions if c.date > DEC_1), key=lambda c: c.date)
    r = run("whatif", "demo.season.json", "--new", "Earlier", "--move-competition", played.name,
            "2026-12-19", cwd=tmp)
    assert r.returncode == 1 and f"'{played.name}'" in r.stderr and "is before today" in r.stderr
    r = run("whatif", "demo.season.json", "--new", "Earlier", "--move-competition", coming.name,
            "2026-11-28", cwd=tmp)
    assert r.returncode == 1 and "28 Nov 2026 is before today (1 Dec 2026)" in r.stderr
    assert load_season(tmp / "demo.season.json") == s  # nothing stored


def test_a_what_if_refuses_edits_that_cannot_change_the_plan_and_edits_given_with_scenario(advanced):
    """A pin before today or an injury after the season went in as a scenario that changed 0
    days; edit options given with --scenario were ignored. Each is refused before any solve."""
    _, s, tmp = advanced
    for args, said in (
            (("--new", "X", "--pin", "A01", "2026-11-10", "90"),
             "--pin: A01 2026-11-10: 2026-11-10 is before today (2026-12-01)"),
            (("--new", "X", "--injury", "A01", "hamstring-strain", "2027-06-01"),
             "--injury: A01 hamstring-strain 2027-06-01: 2027-06-01 is after the season ends"),
            (("--new", "X", "--unavailable", "A01", "2027-06-01", "2027-06-05"),
             "it starts after the season ends"),
            (("--scenario", "Any", "--flare-up", "A07", "2026-12-02"),
             "--scenario: edit options build a new scenario; give them with --new NAME")):
        r = run("whatif", "demo.season.json", *args, cwd=tmp)
        assert r.returncode == 1 and said in r.stderr, args + (r.stderr,)
        assert "Traceback" not in r.stderr
    assert load_season(tmp / "demo.season.json") == s


def test_a_scenario_saved_before_today_moved_past_its_change_is_refused(advanced, tmp_path):
    """A scenario saved in August moved a match that today (1 Dec) has since passed: re-running
    it says which change and what to do, and stores nothing."""
    from planner import edits as E

    _, s, _ = advanced
    played = max((c for c in s.competitions if c.date < DEC_1), key=lambda c: c.date)
    move = E.MoveCompetition(competition=played.id, date=DEC_1 + dt.timedelta(days=5))
    saved = E.AddScenario(name="Later", edits=(move.to_dict(),)).apply(s)
    save_season(saved, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--scenario", "Later", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "scenario 'Later', edit 1" in r.stderr and f"'{played.name}'" in r.stderr
    assert "make a new scenario, or delete this one" in r.stderr
    assert load_season(tmp_path / "s.season.json") == saved


def test_the_demo_advanced_to_december_accepts_the_projected_stage_changes(advanced):
    r, s, _ = advanced
    assert "planning the season from 2026-08-03 (the old today) first" in r.stdout
    assert "Kofi Mensah (A07) back to full training on" in r.stdout
    # a change the criteria gate holds says so (RH-CRIT): the coach accepted it knowingly
    assert "enters P3 power and dynamic hip control on Mon 24 Aug 2026 (provisional: Hip-flexor " \
           "strength LSI not passed)" in r.stdout
    assert "Recorded as history." in r.stdout and "Today is 2026-12-01 (was 2026-08-03)." in r.stdout
    # ... and is told the records went past the gate, and what to do (the app leaves them unticked)
    assert "recorded without a passing test (" in r.stdout and "Hip-flexor strength LSI" in r.stdout
    assert "record the results in the injuries' tests" in r.stdout
    assert s.calendar.today == DEC_1
    # the note on LD-1 spikes names this season file in its command, as periodize solve's does
    assert "periodize record demo.season.json --rule LD-1.weight=20 --save" in r.stdout
    assert "record SEASON" not in r.stdout
    for aid in ("A07", "A12", "A19"):  # the three athletes in rehab are back, on record
        assert athlete_stage_on(s.injuries_of(aid), DEC_1) == FIT, aid
        assert s.injuries_of(aid)[-1].stages[-1].stage == FIT


def test_the_log_is_read_with_its_mapping_and_the_replan_keeps_what_happened(advanced):
    r, s, _ = advanced
    assert "Top speed km/h <- 'Max Velocity (km/h)'" in r.stdout and "is in km/h" in r.stdout
    rows = template_path("demo-sessions.csv").read_text().count("\n") - 1
    assert len(s.sessions) == rows and f"Added {rows} sessions of 24 athletes" in r.stdout
    assert "Proposed flare-up: " in r.stdout  # the log's painful rehab days
    # ... before stage changes --accept recorded: they stand, and the command says so
    assert ("Note: Leo Martin (A12)'s pain of 6/10 on 2026-08-03 proposes a flare-up, not "
            "recorded; the stage changes just recorded for A12 from 2026-08-12 on stand") in r.stdout
    # ... or on the day of a stage change --accept recorded: recording it undoes that move
    assert ("Note: Kofi Mensah (A07)'s pain of 6/10 on 2026-08-24 proposes a flare-up, not "
            "recorded. Recording it (periodize record demo.season.json --flare-up A07 2026-08-24 "
            "--later-stages drop --save) undoes the move to P3 just recorded for that day, and "
            "removes the changes recorded after it (the plan projects them again from the "
            "flare-up): from the stage held the day before, the rehab goes back a stage (two when "
            "another flare-up came in the week before)") in r.stdout
    # the change on the pain's day is marked, the log's own pains read before the list
    assert ("enters P3 power and dynamic hip control on Mon 24 Aug 2026 (provisional: Hip-flexor "
            "strength LSI not passed) ⚠ recorded though a pain that proposes a flare-up came on "
            "its day: 6/10 on Mon 24 Aug 2026") in r.stdout
    assert "Re-planned from today" in r.stdout
    assert re.search(r"(\(A\d\d\)|\d+ athletes): week of 23 Nov 2026 \(last week\): ", r.stdout)  # flags
    assert check_plan(s, s.plan).violations == ()
    tl = Timeline(s)
    for a in s.athletes:  # every past day is what happened: the log, else the stored plan
        stages = tuple(athlete_stage_on(s.injuries_of(a.id), tl.days[d]) for d in range(tl.p0))
        assert s.plan.for_athlete(a.id).intensity[:tl.p0] == past_days(s, a.id, stages, tl).intensity


def test_a_bad_log_is_refused_located_and_nothing_changes(advanced, tmp_path):
    _, s, _ = advanced
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    (tmp_path / "bad.csv").write_text(
        "Athlete ID,Date,Minutes,RPE,Top speed %\n"
        "A99,2026-11-30,60,5,\n"          # unknown athlete
        "A04,2026-11-30,60,12,\n"         # RPE above 10
        "A04,2026-12-05,60,5,\n"          # after today
        "A04,2026-11-29,-5,5,\n"          # negative minutes
        "A04,2026-11-28,60,5,120\n")      # top speed above 110 %
    r = run("log", "s.season.json", "bad.csv", "--save", cwd=tmp_path)
    assert r.returncode == 1
    for where in ("row 2, Athlete ID", "row 3 (A04, 2026-11-30), RPE", "row 4, Date",
                  "row 5 (A04, 2026-11-29), Minutes",
                  "row 6 (A04, 2026-11-28), Top speed %"):
        assert f"bad.csv: {where}" in r.stderr or where in r.stderr, (where, r.stderr)
    assert (tmp_path / "s.season.json").read_bytes() == before
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    r = run("log", "s.season.json", "notes.pdf", cwd=tmp_path)
    assert r.returncode == 1 and "not a CSV or an Excel" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_a_log_with_a_bad_row_is_refused_unless_skip_bad_rows_reads_the_others(tmp_path):
    """Scripts rely on a bad log changing nothing: it still does, and the refusal says the way to
    read the other rows; --skip-bad-rows reads them, the row left out said."""
    s = season(weeks=4, athletes=2, today=day(10))
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,\n"
                                      f"A2,{day(3)},45,4\nA1,{day(4)},0,\n")
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1
    assert f"row 2 (A1, {day(3)}), RPE: missing; write the session RPE (0-10)" in r.stderr
    assert "run the command again with --skip-bad-rows" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", "--skip-bad-rows",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Added 2 sessions of 2 athletes on 2 athlete-days; 1 row left out: row 2 (A1, {day(3)})." \
        in r.stdout
    assert sorted((x.athlete, x.date, x.minutes, x.rpe)
                  for x in load_season(tmp_path / "s.season.json").sessions) == [
        ("A1", day(4), 0, 0), ("A2", day(3), 45, 4)]


def test_skip_bad_rows_leaves_out_every_date_that_reads_two_ways_and_is_not_offered_for_most(
        tmp_path):
    """A week's export whose dates read two ways was refused with "run the command again with
    --skip-bad-rows", which would have read 23 of its 141 rows; and --skip-bad-rows left out the
    one row the column's line names, and was refused again for the next. It leaves out every
    row of that line, and is not proposed when that is most of the file: the refusal says to
    write the dates so instead."""
    s = season(weeks=30, athletes=2, today=day(150))  # both orders of each date are past days
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    iso = "".join(f"A{a},{day(d)},60,5\n" for d in (140, 141) for a in (1, 2))
    two = "".join(f"A{a},{t}/2027,60,5\n" for t in ("04/01", "05/03") for a in (1,))
    (tmp_path / "few.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + two + iso)
    r = run("log", "s.season.json", "few.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "'04/01/2027' could be" in r.stderr, r.stderr
    assert "run the command again with --skip-bad-rows" in r.stderr
    r = run("log", "s.season.json", "few.csv", "--save", "--no-replan", "--skip-bad-rows",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2 rows left out: rows 2, 3." in r.stdout, r.stdout
    assert sorted((x.athlete, x.date) for x in load_season(tmp_path / "s.season.json").sessions) \
        == [(f"A{a}", day(d)) for a in (1, 2) for d in (140, 141)]
    save_season(s, tmp_path / "s.season.json")
    many = "".join(f"A{a},{t}/2027,60,5\n" for t in ("04/01", "05/03", "06/02") for a in (1, 2))
    (tmp_path / "most.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + many
                                       + "".join(iso.splitlines(keepends=True)[:2]))
    r = run("log", "s.season.json", "most.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "all 6 dates in 'Date' read two ways" in r.stderr, r.stderr
    assert "--skip-bad-rows" not in r.stderr
    assert ("Leaving out the rows with problems would leave out 6 of the 8 rows, most of the "
            "file, so it is not offered: make the date cells Excel dates or write them as "
            "YYYY-MM-DD.") in " ".join(r.stderr.split()), r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_a_km_h_column_holding_m_s_is_refused_and_the_season_is_unchanged(tmp_path):
    """A squad's GPS log with m/s under a 'Max Velocity (km/h)' header was stored as km/h, every
    sprint of the month lost; now refused, naming the file, the column and the header to write."""
    s = season(weeks=4, athletes=3, today=day(10))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                                for a in s.athletes)})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    rows = "".join(f"A{a},{day(d)},75,5,{6 + a / 2 + d / 10:g}\n" for a in (1, 2, 3) for d in (3, 4))
    (tmp_path / "log.csv").write_text("Athlete ID,Date,Minutes,RPE,Max Velocity (km/h)\n" + rows)
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1
    assert ("log.csv: Max Velocity (km/h): every top speed of its 3 athletes is below 12 km/h"
            in r.stderr), r.stderr
    assert "if the column holds m/s, head it 'Top speed m/s'" in r.stderr
    assert "--skip-bad-rows" not in r.stderr  # no row to leave out: the column is wrong
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_a_duplicate_row_is_reported_and_counted_once(tmp_path):
    s = season(weeks=4, athletes=2, today=day(10))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,5\n"
                                      f"A1,{day(3)},60,5\nA2,{day(3)},45,4\n")
    r = run("log", "s.season.json", "log.csv", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "row 3" in r.stdout and "Added 2 sessions" in r.stdout
    assert len(load_season(tmp_path / "s.season.json").sessions) == 2


def test_a_log_on_days_already_logged_is_refused_until_overlap_says_what_to_do(tmp_path):
    """Two exports of one week: the second's sessions on athlete-days already logged are not
    added silently (each day would count twice). Without --overlap the log is refused with the
    days named and the file unchanged; replace, add and skip do what they say."""
    s = season(weeks=4, athletes=2, today=day(10))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "a.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,5\nA2,{day(3)},45,4\n")
    assert run("log", "s.season.json", "a.csv", "--save", "--no-replan", cwd=tmp_path).returncode == 0
    before = (tmp_path / "s.season.json").read_bytes()
    (tmp_path / "b.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},90,7\nA2,{day(3)},45,4\n"
                                    f"A2,{day(4)},30,3\n")
    r = run("log", "s.season.json", "b.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1
    assert f"1 athlete-day of the log already has other sessions logged: Athlete 1 (A1) on " \
           f"{day(3).isoformat()}: logged 60 min RPE 5; the log has 90 min RPE 7" in r.stderr
    assert "--overlap replace" in r.stderr and (tmp_path / "s.season.json").read_bytes() == before

    def after(policy):
        (tmp_path / "t.season.json").write_bytes(before)
        r = run("log", "t.season.json", "b.csv", "--save", "--no-replan", "--overlap", policy,
                cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        got = load_season(tmp_path / "t.season.json").sessions
        return r.stdout, sorted((x.athlete, x.date, x.minutes) for x in got)

    out, got = after("replace")
    assert got == [("A1", day(3), 90), ("A2", day(3), 45), ("A2", day(4), 30)]
    assert "1 athlete-day already logged: the log's sessions replaced them" in out
    _, got = after("add")
    assert got == [("A1", day(3), 60), ("A1", day(3), 90), ("A2", day(3), 45), ("A2", day(4), 30)]
    _, got = after("skip")
    assert got == [("A1", day(3), 60), ("A2", day(3), 45), ("A2", day(4), 30)]
    # replacing the day of A1, the log's A2 45/4 already logged is kept, not counted as added
    assert "Added 2 sessions of 2 athletes on 2 athlete-days" in out


def test_a_log_repeating_a_day_and_adding_a_second_session_adds_it(tmp_path):
    """Monday typed into the Log panel, then the week's export with Monday and a second Monday
    session: the log holds everything logged that day, so nothing is asked and the second session
    is added (the CLI refused the log, naming the day)."""
    s = season(weeks=4, athletes=2, today=day(10))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "a.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,5\n")
    assert run("log", "s.season.json", "a.csv", "--save", "--no-replan", cwd=tmp_path).returncode == 0
    (tmp_path / "b.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},60,5\nA1,{day(3)},30,3\n")
    r = run("log", "s.season.json", "b.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Added 1 session of 1 athlete on 1 athlete-day." in r.stdout
    got = load_season(tmp_path / "s.season.json").sessions
    assert sorted((x.date, x.minutes) for x in got) == [(day(3), 30), (day(3), 60)]


def test_advance_overlap_without_a_log_is_refused(tmp_path):
    save_season(season(weeks=4, athletes=2, today=day(3)), tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("advance", "s.season.json", "--today", day(10).isoformat(), "--overlap", "replace",
            "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "--overlap" in r.stderr and "give the log with --log" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_the_demo_log_of_the_whole_season_is_read_week_by_week_with_until_today(tmp_path):
    """The demo's session log (3 Aug to 30 Nov) was refused whole at every Monday ("2,219 rows
    ... are dated after today"): --until-today reads its rows up to today and leaves the later
    ones out, counted; without it the log is still refused, naming the option."""
    demo = str(template_path("demo-sessions.csv"))
    shutil.copy(template_path("demo.season.json"), tmp_path / "demo.season.json")
    before = (tmp_path / "demo.season.json").read_bytes()
    r = run("advance", "demo.season.json", "--today", "2026-08-10", "--log", demo, "--save",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "2,219 rows" in r.stderr and "--until-today" in r.stderr
    assert (tmp_path / "demo.season.json").read_bytes() == before
    r = run("advance", "demo.season.json", "--today", "2026-08-10", "--log", demo, "--until-today",
            "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Left out: 2,219 rows dated after today (2026-08-11 to 2026-11-30)" in r.stdout
    assert "; 2,219 rows after today left out." in r.stdout
    week_1 = load_season(tmp_path / "demo.season.json")
    assert week_1.calendar.today == dt.date(2026, 8, 10) and week_1.sessions
    assert max(x.date for x in week_1.sessions) == dt.date(2026, 8, 10)
    r = run("log", "demo.season.json", demo, "--save", "--no-replan", cwd=tmp_path)  # refused
    assert r.returncode == 1 and "after today" in r.stderr and "(--until-today)" in r.stderr
    r = run("advance", "demo.season.json", "--today", "2026-08-17", "--save", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("log", "demo.season.json", demo, "--until-today", "--overlap", "skip", "--save",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    week_2 = load_season(tmp_path / "demo.season.json")
    added = set(week_2.sessions) - set(week_1.sessions)
    assert added and {x.date for x in added} <= {dt.date(2026, 8, 10) + dt.timedelta(days=d)
                                                 for d in range(1, 8)}
    assert "rows after today left out." in r.stdout
    r = run("advance", "demo.season.json", "--today", "2026-08-24", "--until-today", cwd=tmp_path)
    assert r.returncode == 1 and "give the log with --log" in r.stderr


def test_advance_without_accept_records_nothing_and_back_keeps_every_record(tmp_path):
    s = season(weeks=8, athletes=2, injuries=(injury("A1", "S1", start_day=-3),), today=day(0))
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("advance", "s.season.json", "--today", day(28).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Not recorded" in r.stdout
    kept = load_season(tmp_path / "s.season.json")
    assert kept.injuries == s.injuries and kept.calendar.today == day(28)
    assert check_plan(kept, kept.plan).violations == ()
    # with --accept on a fresh copy, then back to the start: the records stay, named as later
    save_season(s, tmp_path / "t.season.json")
    run("solve", "t.season.json", "--save", cwd=tmp_path)
    r = run("advance", "t.season.json", "--today", "next-week", "--accept", "--save", cwd=tmp_path)
    assert r.returncode == 0 and "Today is " + day(7).isoformat() in r.stdout, r.stdout + r.stderr
    accepted = load_season(tmp_path / "t.season.json")
    assert len(accepted.injuries[0].stages) > len(s.injuries[0].stages)
    r = run("advance", "t.season.json", "--today", day(0).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Moved back: these lie after today now" in r.stdout
    back = load_season(tmp_path / "t.season.json")
    assert back.injuries == accepted.injuries and back.calendar.today == day(0)
    r = run("advance", "t.season.json", "--today", "soon", cwd=tmp_path)
    assert r.returncode == 1 and "'soon' is not a date" in r.stderr
    # a date in a form it reads that no calendar has: why, as the season file and the app say
    r = run("advance", "t.season.json", "--today", "31/02/2027", cwd=tmp_path)
    assert r.returncode == 1 and ("'31/02/2027' is not a day of the calendar (31 February does "
                                  "not exist); write it as") in r.stderr, r.stderr
    # a year typed wrong: refused as the app's Move Today refuses it, the file untouched
    kept = (tmp_path / "t.season.json").read_bytes()
    end = s.calendar.end
    r = run("advance", "t.season.json", "--today", end.replace(year=end.year + 1).isoformat(),
            "--save", cwd=tmp_path)
    assert r.returncode == 1 and "is after the season ends" in r.stderr, r.stderr
    r = run("advance", "t.season.json", "--today", (s.calendar.start - dt.timedelta(days=1))
            .isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 1 and "is before the season starts" in r.stderr, r.stderr
    assert (tmp_path / "t.season.json").read_bytes() == kept
    r = run("advance", "t.season.json", "--today", (end + dt.timedelta(days=1)).isoformat(),
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # the day after the season: all of it played


def _solved_then_pinned_beyond_reach(tmp_path, today: dt.date) -> bytes:
    """s.season.json solved and saved, then given a pin no plan can keep (a maximal sprint for an
    athlete days into isometric rehab); returns the file's bytes."""
    from planner.season import IntensityPin

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "S1", start_day=-3),), today=today)
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    solved = load_season(tmp_path / "s.season.json")
    pinned = solved.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(9),
                                                             intensity=100),)})
    save_season(pinned, tmp_path / "s.season.json", backup=False)
    return (tmp_path / "s.season.json").read_bytes()


def test_an_advance_whose_replan_finds_no_plan_stores_nothing_and_says_how_to_move_on(tmp_path):
    before = _solved_then_pinned_beyond_reach(tmp_path, day(0))
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "No plan satisfies every hard rule" in r.stderr
    assert "Nothing stored: the season file is as it was" in r.stderr and "--no-replan" in r.stderr
    # "Today is ..." above it on stdout read as done: the refusal says those lines were not kept
    assert "the move, the stage changes and the sessions said above were not kept" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    # the way it names: today moves, the plan is kept as it was, and the checker says what breaks
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--save", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0 and load_season(tmp_path / "s.season.json").calendar.today == day(7)
    r = run("check", "s.season.json", cwd=tmp_path)
    assert r.returncode != 0, r.stdout


def test_an_advance_whose_log_is_bad_says_that_nothing_was_saved(tmp_path):
    shutil.copy(template_path("demo.season.json"), tmp_path / "demo.season.json")
    before = (tmp_path / "demo.season.json").read_bytes()
    (tmp_path / "bad.csv").write_text("Athlete ID,Date,Minutes,RPE\nA01,2026-08-04,60,11\n",
                                      encoding="utf-8")
    r = run("advance", "demo.season.json", "--today", "2026-08-10", "--accept", "--log", "bad.csv",
            "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1
    assert "row 2 (A01, 2026-08-04), RPE" in r.stderr and "Nothing was saved" in r.stderr, r.stderr
    assert "problems" not in r.stderr  # one problem, and the note is not counted as one
    assert (tmp_path / "demo.season.json").read_bytes() == before
    # nothing above the refusal says it was done ("Today is 2026-08-10", "Recorded as history.")
    assert r.stdout == "", r.stdout


def test_an_advance_with_a_missing_log_says_so_before_it_plans_or_moves_today(tmp_path):
    """A log path that does not exist (docs/cli.md's demo log, once the README's, run from another
    folder) was found missing only after the command had planned the season and printed "Recorded
    as history." and "Today is ...": the coach read that the move happened before being told nothing did."""
    shutil.copy(template_path("demo.season.json"), tmp_path / "demo.season.json")
    before = (tmp_path / "demo.season.json").read_bytes()
    r = run("advance", "demo.season.json", "--today", "2026-08-10", "--accept", "--log",
            "templates/demo-sessions.csv", "--save", cwd=tmp_path)
    assert r.returncode == 1
    assert "templates/demo-sessions.csv: no such file; check the path" in r.stderr, r.stderr
    assert r.stdout == ""  # neither "Recorded as history." nor "Today is ..."
    (tmp_path / "logs").mkdir()
    r = run("advance", "demo.season.json", "--today", "2026-08-10", "--log", "logs", cwd=tmp_path)
    assert r.returncode == 1 and "logs: is a folder, not a session log" in r.stderr, r.stderr
    assert (tmp_path / "demo.season.json").read_bytes() == before


def test_pain_on_the_day_of_an_accepted_stage_change_the_flare_up_undoes_it(tmp_path):
    """The stored plan moves A1 on to S2 on day D; advance --accept records it, and the log says
    pain 7 that day. The command says that recording the flare-up undoes the move; the what-if
    with that flare-up plans A1 back from S1 (no ladder restart stuck in S2)."""
    stored, step = _in_s1_solved(tmp_path)
    stages = stored.plan.for_athlete("A1").stages
    assert stages[step] == "S2"
    (tmp_path / "log.csv").write_text(
        f"Athlete ID,Date,Minutes,RPE,Pain\nA1,{day(step).isoformat()},60,6,7\n"
        f"A2,{day(step).isoformat()},75,6,7\n", encoding="utf-8")
    r = run("advance", "s.season.json", "--today", day(step + 2).isoformat(), "--accept",
            "--log", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Proposed flare-up: Athlete 1 (A1)" in r.stdout
    assert "Pain: Athlete 2 (A2) logged pain 7/10" in r.stdout  # fit: listed, nothing proposed
    assert (f"Athlete 1 (A1)'s pain of 7/10 on {day(step).isoformat()} proposes a flare-up, not "
            f"recorded. Recording it (periodize record s.season.json --flare-up A1 "
            f"{day(step).isoformat()} --save) undoes the move to S2 just recorded for that "
            f"day") in r.stdout, r.stdout
    r = run("whatif", "s.season.json", "--new", "Flared", "--flare-up", "A1",
            day(step).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    after = load_season(tmp_path / "s.season.json")
    (sc,) = after.scenarios
    flared = scenario_season(after, sc)
    assert sc.plan is not None and check_plan(flared, sc.plan).violations == ()
    assert athlete_stage_on(flared.injuries_of("A1"), day(step)) == "P3"
    assert "S2" not in [x.stage for x in flared.injuries_of("A1")[0].stages]


def test_a_pain_before_accepted_stage_changes_is_said_once_with_the_commands(tmp_path):
    """A pain that proposes a flare-up, logged before a stage change --accept records: the note
    said "that flare-up" of one nobody recorded, sent a command-line user to the app, was said
    once per pain, and came back at every later move for the same old pain."""
    _, step = _in_s1_solved(tmp_path, first=2)
    pains = [day(step - 2).isoformat(), day(step - 1).isoformat()]
    (tmp_path / "log.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n" + "".join(
        f"A1,{d},60,6,7\n" for d in pains), encoding="utf-8")
    r = run("advance", "s.season.json", "--today", day(step + 1).isoformat(), "--accept",
            "--log", "log.csv", "--no-replan", cwd=tmp_path)  # not stored: run it again
    assert ("If it was a flare-up: save this move (the same command with --save), then "
            f"periodize record s.season.json --flare-up A1 {pains[0]} --later-stages drop "
            "--save") in r.stdout, r.stdout
    # the log's own pains mark the changes it lists (read after them, they never could)
    assert (f"⚠ recorded though a pain that proposes a flare-up came before it: 7/10 on "
            f"{day_long(day(step - 2))}") in r.stdout, r.stdout
    r = run("advance", "s.season.json", "--today", day(step + 1).isoformat(), "--accept",
            "--log", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    notes = [x for x in r.stdout.splitlines() if x.strip().startswith("Note:")]
    assert notes == [
        f"  Note: Athlete 1 (A1)'s pain of 7/10 on {pains[0]} proposes a flare-up, not recorded; "
        f"the stage changes just recorded for A1 from {day(step).isoformat()} on stand after it "
        f"(the plan that projected them did not know of it). If it was a flare-up: periodize "
        f"record s.season.json --flare-up A1 {pains[0]} --later-stages drop --save (it removes "
        f"them: the plan projects them again from the flare-up), then record with --stage only "
        f"those the physio confirms."], r.stdout
    # the command given records the flare-up without the .bak copied back by hand
    flared = tmp_path / "flared.season.json"
    flared.write_bytes((tmp_path / "s.season.json").read_bytes())
    r2 = run("record", "flared.season.json", "--flare-up", "A1", pains[0], "--later-stages",
             "drop", "--save", cwd=tmp_path)
    assert r2.returncode == 0, r2.stderr
    rec = load_season(flared).injuries_of("A1")[0]
    assert day(step - 2) in rec.flare_ups and all(x.start < day(step) for x in rec.stages)
    (tmp_path / "log2.csv").write_text(f"Athlete ID,Date,Minutes,RPE,Pain\nA1,"
                                       f"{day(step + 2).isoformat()},60,6,1\n", encoding="utf-8")
    r = run("advance", "s.season.json", "--today", day(step + 15).isoformat(), "--accept",
            "--log", "log2.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and "Recorded as history" in r.stdout, r.stdout
    assert "Note:" not in r.stdout, r.stdout


def test_record_writes_a_flare_up_and_an_injury_into_the_season_and_replans_from_today(tmp_path):
    """The weekly loop on the command line: 'advance' proposes a flare-up, 'record' records it
    (and a new injury) in the season itself, re-planned with the past kept; bad input changes
    nothing."""
    s = season(weeks=8, athletes=3, injuries=(injury("A1", "S2", start_day=-3),), today=day(0))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    assert run("advance", "s.season.json", "--today", "next-week", "--save", cwd=tmp_path).returncode == 0
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("record", "s.season.json", "--flare-up", "A1", day(9).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 1 and "a flare-up is recorded once it happened" in r.stderr, r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before  # refused: nothing written
    r = run("record", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "give at least one change to record" in r.stderr
    r = run("record", "s.season.json", "--pin", "A2", day(3).isoformat(), "80", "--save", cwd=tmp_path)
    assert r.returncode == 1 and "the past keeps what happened" in r.stderr, r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    change = ("--flare-up", "Athlete 1", day(5).isoformat(), "--injury", "A2", "hamstring-strain",
              day(6).isoformat())
    r = run("record", "s.season.json", *change, cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("Would record:\n"), r.stdout
    assert r.stdout.endswith("Nothing stored (add --save to keep it).\n"), r.stdout
    assert r.stdout.count("add --save") == 1, r.stdout  # the hint said once
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("record", "s.season.json", *change, "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Flare-up of Athlete 1 (A1) on" in r.stdout and "Athlete 2 (A2) injured on" in r.stdout
    assert "Re-planned, keeping the stored plan wherever changing it gains nothing" in r.stdout
    after = load_season(tmp_path / "s.season.json")
    assert after.injury_of("A1").flare_ups == (day(5),)
    assert [i.protocol for i in after.injuries_of("A2")] == ["hamstring-strain"]
    assert check_plan(after, after.plan).violations == ()
    tl = Timeline(after)  # the recorded flare-up holds in the plan: calm days after it
    it = after.plan.for_athlete("A1").intensity
    from planner.rules import RuleSet

    calm = RuleSet(after.rules).value("RH-FL", "calm_days")
    assert tl.index(day(5)) + calm >= tl.p0 and max(it[tl.p0:tl.index(day(5)) + calm + 1]) <= 60
    assert after.plan.for_athlete("A2").stages[tl.p0] != FIT


def test_a_flare_up_recorded_before_a_match_he_played_is_refused_unless_he_played_with_it(tmp_path):
    """A returned player's flare-up dated before a match he logged minutes in: "Played in rehab"
    told the coach to correct the injury's onset, which would move an injury months old to that
    day and drop its history; then it was stored first and questioned after (a flare-up
    back-dated before 9 matches restarted a two-month rehab). It is refused, with the day after
    the match to date it, unless --played-with-flare-up says he played with it."""
    s = season(weeks=3, athletes=2, today=day(7), injuries=(
        injury("A2", "FIT", start_day=-5, history=(("S3", -12),)),)).model_copy(update={
            "sessions": (Session(athlete="A2", date=day(5), minutes=95, rpe=8,
                                 minutes_played=20),)})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    change = ("--flare-up", "A2", day(3).isoformat(), "--time-limit", "10")
    for save in ((), ("--save",)):
        r = run("record", "s.season.json", *change, *save, cwd=tmp_path)
        said = " ".join(r.stderr.split())
        assert r.returncode == 1 and r.stdout == "", r.stdout
        assert ("--flare-up: the log has Athlete 2 (A2) playing 1 competition on Sat 9 Jan 2027, "
                "after a flare-up on Thu 7 Jan 2027: if the flare-up came after it, its date is "
                f"the day after their last match, Sun 10 Jan 2027 (--flare-up A2 {day(6).isoformat()} "
                "instead); if they played with it, add --played-with-flare-up to record it on "
                f"{day(3).isoformat()}") in said, said
        assert "Nothing recorded or stored" in said and "correct the onset" not in said
        assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("record", "s.season.json", *change, "--played-with-flare-up", "--save", cwd=tmp_path)
    said = " ".join(r.stdout.split())
    assert r.returncode == 0, r.stderr
    assert ("Played in rehab: Athlete 2 (A2) logged minutes played in 1 competition from Sat 9 "
            "Jan 2027 ('Match 1') while in S3 by the injury's records: the flare-up of Thu 7 Jan 2027 "
            "comes before it: if they were back, record the stage changes they went through since "
            "(advance --accept, or record --stage-start); if not, worth a word with the physio; "
            "recorded on its date, as they played with it (--played-with-flare-up).") in said, said
    assert load_season(tmp_path / "s.season.json").injury_of("A2").flare_ups == (day(3),)
    # dated after the match: nothing to ask
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--flare-up", "A2", day(6).isoformat(), "--time-limit",
            "10", cwd=tmp_path)
    assert r.returncode == 0 and "Played in rehab" not in r.stdout, r.stderr


def test_a_second_flare_up_names_only_the_match_it_moves_and_keeps_the_injury_s_onset(tmp_path):
    """The report's season: Kofi's flare-up of 2 Oct put his matches of 10 and 17 Oct in S2
    (said then), S3 was recorded on 20 Oct and he played 24 Oct; a second flare-up on 23 Oct
    re-listed all three matches as new and said to "correct the onset" of an injury from July,
    dropping its history, for a flare-up dated before his last match. Only the 24 Oct match is
    named, the flare-up before it, the onset never; the app asks about that match alone."""
    from planner import edits as E
    from planner.progress import played_in_rehab

    played = tuple(Session(athlete="A1", date=day(d), minutes=95, rpe=8, minutes_played=m)
                   for d, m in ((5, 20), (12, 90), (19, 90)))
    s = season(weeks=4, athletes=2, today=day(21), injuries=(  # matches on days 5, 12, 19
        injury("A1", "S3", start_day=14, history=(("S2", -20), ("S3", -6)), flare_days=(2,)),
    )).model_copy(update={"sessions": played})
    (said,) = played_in_rehab(s)  # what the log said before: all three, the flare-up before them
    assert said.days == (day(5), day(12), day(19)) and said.stages == ("S2", "S3")
    save_season(s, tmp_path / "s.season.json")
    change = ("--flare-up", "A1", day(18).isoformat(), "--time-limit", "10")
    r = run("record", "s.season.json", *change, cwd=tmp_path)
    said = " ".join(r.stderr.split())
    assert r.returncode == 1 and ("the log has Athlete 1 (A1) playing 1 competition on Sat 23 "
                                  "Jan 2027, after a flare-up on Fri 22 Jan 2027") in said, said
    assert E.RecordFlareUp(athlete="A1", date=day(18)).played_after(s) == (day(19),)  # the app's
    for save in ((), ("--save",)):
        r = run("record", "s.season.json", *change, "--played-with-flare-up", *save, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        lines = [x for x in r.stdout.splitlines() if x.startswith("Played in rehab: ")]
        assert lines == [
            "Played in rehab: Athlete 1 (A1) logged minutes played in 1 competition from Sat 23 Jan "
            "2027 ('Match 3') while in S2 by the injury's records: the flare-up of Fri 22 Jan 2027 "
            "comes before it: if they were back, record the stage changes they went through since "
            "(advance --accept, or record --stage-start); if not, worth a word with the physio; "
            "recorded on its date, as they played with it (--played-with-flare-up)."], r.stdout
        assert "onset" not in r.stdout
    stored = load_season(tmp_path / "s.season.json")
    assert stored.injury_of("A1").flare_ups == (day(2), day(18))
    assert stored.injury_of("A1").onset == s.injury_of("A1").onset
    assert [str(v) for v in check_plan(stored, stored.plan).violations] == []


def test_an_injury_recorded_before_a_match_logged_at_full_load_names_it_as_log_does(tmp_path):
    """A2 logged 90 minutes at 92 % in 'Match 1' (Sat 9 Jan); an injury recorded from Thu 7 Jan
    puts that match in P1. 'log' says "Played in rehab" for the same facts; 'record' said
    nothing of it."""
    s = season(weeks=3, athletes=2, today=day(7)).model_copy(update={"sessions": (
        Session(athlete="A2", date=day(4), minutes=60, rpe=5),
        Session(athlete="A2", date=day(5), minutes=105, rpe=8, top_speed_pct=92,
                minutes_played=90),)})
    save_season(s, tmp_path / "s.season.json")
    change = ("--injury", "A2", "hamstring-strain", day(3).isoformat(), "--time-limit", "10")
    r = run("record", "s.season.json", *change, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("Played in rehab: Athlete 2 (A2) logged minutes played in 1 competition from Sat 9 "
            "Jan 2027 ('Match 1') while in P1 by the injury's records: if they were injured after it, "
            "the injury's date is the day after their last match, Sun 10 Jan 2027 (record it with that "
            "date)") in r.stdout
    assert ("Above the stage: Athlete 2 (A2) logged 92 % of max speed on Sat 9 Jan 2027 in P1 "
            "(no running)") in r.stdout
    r = run("record", "s.season.json", *change, "--save", cwd=tmp_path)
    assert r.returncode == 0 and "(stored: correct the onset in the app, Season ▸ Injuries)" in r.stdout
    # dated on the match day: he played it (the log says so), not "does not play it"; it is the
    # match the injury happened in, neither played in rehab nor a sign that he was back
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--injury", "A2", "hamstring-strain", day(5).isoformat(),
            "--time-limit", "10", cwd=tmp_path)
    assert r.returncode == 0 and "does not play it" not in r.stdout, r.stdout
    assert "Played in rehab" not in r.stdout, r.stdout
    # dated after the match: nothing logged falls in its stages, nothing said
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--injury", "A2", "hamstring-strain", day(6).isoformat(),
            "--time-limit", "10", cwd=tmp_path)
    assert r.returncode == 0 and "Played in rehab" not in r.stdout and "Above the stage" not in r.stdout


def test_a_match_played_while_a_record_holds_him_injured_is_said_as_the_log_says_it(capsys):
    """A record whose onset comes before its first stage holds the athlete INJ in between;
    'record' said of a match logged there "which the records now put in injured". It now says
    the planner's words, as 'log' does (PlayedInRehab.said)."""
    from planner.progress import played_in_new_stages
    from ui.cli.progress import _logged_in_new_stages

    before = season(weeks=3, athletes=2, today=day(7)).model_copy(update={"sessions": (
        Session(athlete="A2", date=day(5), minutes=105, rpe=8, minutes_played=90),)})
    after = before.model_copy(update={"injuries": (
        injury("A2", "P1", start_day=6, onset_day=3),)})
    assert athlete_stage_on(after.injuries_of("A2"), day(5)) == "INJ"
    found = [q for x in played_in_new_stages(before, after) for q in x.by_cause(after)]
    assert [p.stages for p in found] == [("INJ",)]
    _logged_in_new_stages(before, after, saving=False)
    out = capsys.readouterr().out
    assert ("Played in rehab: Athlete 2 (A2) logged minutes played in 1 competition from Sat 9 "
            "Jan 2027 ('Match 1') while injured by the injury's records: ") in out, out
    assert found[0].said(after, "'Match 1'") in out, out
    assert "in injured" not in out and "put in" not in out, out


def test_a_flare_up_of_a_player_back_for_weeks_is_a_return_moved(advanced, tmp_path):
    """Kofi, back since 5 Oct, flares up on 28 Nov: the re-plan gives him a return in December,
    and "Returns moved" left him out (only the returns still to come before were compared)."""
    shutil.copy(advanced[2] / "demo.season.json", tmp_path / "d.season.json")
    r = run("record", "d.season.json", "--flare-up", "A07", "2026-11-28", "--save", "--time-limit", "20",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    from planner.returns import returns
    from planner.text import day_long

    after = load_season(tmp_path / "d.season.json")
    (back,) = [x.fit for x in returns(after, after.plan) if x.athlete == "A07"]
    assert back is not None and back > dt.date(2026, 12, 1)
    assert "Returns moved:\n  Kofi Mensah (A07): back to full training " \
        f"{day_long(back)} (was back since Mon 5 Oct 2026)" in r.stdout, r.stdout


def test_a_flare_up_that_moves_the_squads_deload_week_says_so(advanced, tmp_path):
    """Marco's flare-up in P1 on 1 Dec re-planned the whole squad's deload week of Mon 11 Jan to
    Mon 18 Jan, and the command said only that his return moved: the team's weeks it moved are
    named, as the plan checker finds them against the plan before."""
    shutil.copy(advanced[2] / "demo.season.json", tmp_path / "d.season.json")
    r = run("record", "d.season.json", "--injury", "A05", "hamstring-strain", "2026-11-29",
            "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    before = load_season(tmp_path / "d.season.json")
    r = run("record", "d.season.json", "--flare-up", "A05", "2026-12-01", "--save", "--time-limit",
            "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    after = load_season(tmp_path / "d.season.json")
    team = [v.message.removeprefix("STAB: ") for v in check_plan(
        after, after.plan, reference=before.plan).soft if v.rule == "STAB" and v.athlete is None]
    moved = [ln for ln in r.stdout.splitlines() if ln.startswith("Team: ")]
    assert moved == team, r.stdout
    # the squad's weeks did move here (11 Jan to 18 Jan when first seen): said, not only counted
    assert team and all(" week " in t for t in team), team
    assert team == [v.message.removeprefix("STAB: ") for v in after.plan.soft
                    if v.rule == "STAB" and v.athlete is None]  # the Cover's words too
    # the soft-rule table counts the athletes' changes alone ("STAB 94 / 93" counted the team
    # line too) and names the team's weeks under its row
    changed = [v for v in after.plan.soft if v.rule == "STAB" and v.athlete is not None]
    lines = r.stdout.splitlines()
    (k,) = [i for i, ln in enumerate(lines) if ln.startswith("  STAB ")]
    assert re.search(rf" {len(changed)} / {sum(v.penalty for v in changed):g}$", lines[k]), lines[k]
    assert [ln.strip() for ln in lines[k + 1:k + 1 + len(team)]] == team, r.stdout


def test_a_stage_out_of_days_is_explained_with_the_record_command_that_gives_a_plan(tmp_path):
    """P2 since 7 days before the season must end by day 35, and the athlete is away from today
    (day 14) to day 34, so its exit cannot be done: the solve names the conflict and the way on
    (the athlete still in P2 from today), and the command it prints records it and plans."""
    from planner.season import StageRecord, Unavailability

    away = (Unavailability(athlete="A1", start=day(14), end=day(34)),)
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=away, today=day(14))
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert (f"A way on: Athlete 1 (A1) has been in P2 since {date_long(day(-7))}, and P2 lasts at "
            f"most 42 days: it must end by {date_long(day(34))}. If the physio re-assesses Athlete 1 "
            f"(A1) as still in P2 on {date_long(day(14))} (P2's 21-42 days restarting from that "
            f"day), record that") in r.stderr
    command = f"periodize record s.season.json --stage A1 P2 {day(14).isoformat()} --save"
    assert command in r.stderr
    # a record that leaves it without a plan: never "Recorded:" above "Nothing stored"
    before = (tmp_path / "s.season.json").read_bytes()
    away = ("--unavailable", "A2", day(20).isoformat(), day(21).isoformat())
    for save, heading in ((("--save",), "Recording:\n"), ((), "Would record:\n")):
        r = run("record", "s.season.json", *away, *save, "--time-limit", "20", cwd=tmp_path)
        assert r.returncode == 2 and r.stdout.startswith(heading) and "Recorded" not in r.stdout, r.stdout
        assert "Nothing recorded or stored: the season file is as it was." in r.stderr, r.stderr
        assert (tmp_path / "s.season.json").read_bytes() == before
    r = run(*command.split()[1:], "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    stored = load_season(tmp_path / "s.season.json")
    assert StageRecord(stage="P2", start=day(14)) in stored.injuries_of("A1")[0].stages
    assert stored.plan is not None and not check_plan(stored, stored.plan).violations
    assert run("check", "s.season.json", cwd=tmp_path).returncode == 0


def test_a_painful_session_that_leaves_no_plan_offers_the_flare_up_first(tmp_path):
    """A hamstring athlete in S2 logs pain 5/10 at a 96 % sprint, and S2's days run out: no plan.
    The way on offered first is the flare-up the log proposes (the athlete steps back), not
    "still in S2", which would keep a symptomatic athlete sprinting; its command gives a plan."""
    # S2 from Mon 31 Aug (a pin, so that the plan made first has it there whichever of equally
    # good plans the search finds): its ten days end on Wed 9 Sep, too soon after the pain
    demo = json.loads(template_path("demo.season.json").read_text())
    demo["pins"] = demo.get("pins", []) + [
        {"kind": "stage_start", "athlete": "A19", "stage": "S2", "date": "2026-08-31"}]
    (tmp_path / "demo.season.json").write_text(json.dumps(demo))
    rows = ["Athlete ID,Date,Minutes,RPE,Top speed %,Pain"] + [
        f"A19,2026-{d},60,{rpe},{top},{pain}" for d, rpe, top, pain in (
            ("08-24", 5, 70, 1), ("08-25", 5, 70, 1), ("08-26", 6, 95, 2), ("08-27", 5, 70, 1),
            ("08-28", 6, 100, 2), ("08-31", 6, 70, 1), ("09-01", 6, 72, 1), ("09-02", 6, 70, 2),
            ("09-03", 7, 96, 5), ("09-04", 6, 70, 1), ("09-07", 6, 70, 1))]
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n")
    before = (tmp_path / "demo.season.json").read_bytes()
    r = run("advance", "demo.season.json", "--today", "2026-09-08", "--accept", "--log", "log.csv",
            cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert (tmp_path / "demo.season.json").read_bytes() == before
    flare = "periodize record demo.season.json --flare-up A19 2026-09-03 --save"
    assert ("A way on: Isaac Boateng (A19) logged pain 5/10 on Thu 3 Sep 2026, at or above the "
            "protocol's 3/10: if that was a flare-up, record it") in r.stderr
    assert flare in r.stderr
    stage = r.stderr.find("--stage A19 S2")
    assert stage == -1 or (r.stderr.index(flare) < stage
                           and "Only if that pain was no flare-up: if the physio re-assesses Isaac" in r.stderr)
    assert "--no-replan --save (today moves and is stored), then:" in r.stderr
    # the demo has no stored plan: --accept with --no-replan plans first, so the stage changes
    # the way on assumed (Isaac in S2 since 31 Aug) are recorded, not silently dropped
    r = run("advance", "demo.season.json", "--today", "2026-09-08", "--accept", "--log", "log.csv",
            "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "planning the season from 2026-08-03 (the old today) first" in r.stdout
    # which of equally good plans the first solve finds decides the projected days, and so which
    # of them the log bears out: each change is recorded or said not to be, none dropped unsaid
    projected = r.stdout.count("\n  - ")
    unborne = r.stdout.count("⚠ not borne out by the log")
    assert projected and f"Recorded as history: {projected - unborne} of {projected}." in r.stdout
    moved = load_season(tmp_path / "demo.season.json")
    a19 = moved.injuries_of("A19")[-1]
    recorded = [h.stage for h in a19.stages if dt.date(2026, 8, 3) < h.start < dt.date(2026, 9, 8)]
    assert "S2" in recorded or "Not recorded: Isaac Boateng (A19) entering S2" in r.stdout or \
        "Not recorded: Isaac Boateng (A19) entering S1" in r.stdout, (recorded, r.stdout)
    r = run(*flare.split()[1:], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    stored = load_season(tmp_path / "demo.season.json")
    assert dt.date(2026, 9, 3) in stored.injuries_of("A19")[-1].flare_ups
    assert stored.plan is not None and not check_plan(stored, stored.plan).violations


def test_advance_accept_says_when_nothing_was_projected(tmp_path):
    """--accept with no projected stage change says it had nothing to record."""
    shutil.copy(template_path("demo.season.json"), tmp_path / "demo.season.json")
    r = run("advance", "demo.season.json", "--today", "2026-08-04", "--accept", "--no-replan",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Recorded as history." in r.stdout and "nothing to record" not in r.stdout
    r = run("advance", "demo.season.json", "--today", "2026-08-05", "--accept", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "No stage change was projected before the new today: --accept had nothing to record." in r.stdout


def test_the_way_on_says_what_the_record_command_must_carry_after_each_refusal(capsys):
    """A refused move of today or log is stored first with --no-replan; a refused record gets
    the option added to the same command; a solve records it into the stored season."""
    from solver.api import Outcome, Remedy, Status
    from ui.cli.commands import print_conflicts

    out = Outcome(Status.INFEASIBLE, None, remedies=(Remedy(
        athlete="A1", stage="S2", date="2026-09-14", text="If A1 is still in S2 on 14 Sep 2026, "
                                                          "record that."),))
    command = "periodize record x.season.json --stage A1 S2 2026-09-14 --save"
    said = {}
    for context in ("solve", "record", "move", "log"):
        print_conflicts(out, "x.season.json", context)
        said[context] = capsys.readouterr().err
        assert "A way on: if A1 is still in S2 on 14 Sep 2026, record that. To record it:" in said[context]
    assert command in said["solve"] and "--no-replan" not in said["solve"]
    assert "run the same command with --stage A1 S2 2026-09-14 added" in said["record"]
    assert command not in said["record"]
    assert ("the same command with --no-replan --save (today moves and is stored), then:\n  "
            + command in said["move"])
    assert ("the same command with --no-replan --save (the log is stored), then:\n  " + command
            in said["log"])


def test_a_record_pin_that_cannot_hold_is_left_out_of_the_command_not_unpinned(capsys):
    """A pin the record command adds is not stored, so --unpin is refused for it: the way on is
    the same command without that --pin (or with it at the level that holds); a stored pin
    the command's change breaks is still removed with --unpin added."""
    from planner.season import IntensityPin
    from solver.api import Outcome, Remedy, Status
    from ui.cli.commands import print_conflicts

    stored = season(weeks=4, pins=(IntensityPin(athlete="A2", date=day(9), intensity=95),))

    def remedy(athlete):
        at = f"{athlete} {day(9).isoformat()}"
        return Remedy(athlete=athlete, stage="", date=day(9).isoformat(), kind="pin", text=(
            f"The pin of 95 % on {day_long(day(9))} for {stored.athlete_label(athlete)} cannot "
            f"hold now: lower it to 85 % (--pin {at} 85) or remove it (--unpin {at}; on the "
            "board: right-click the day ▸ Unpin …), and the season has a plan; only that day "
            "changes."))

    print_conflicts(Outcome(Status.INFEASIBLE, None, remedies=(remedy("A1"),)), "x.season.json",
                    "record", stored=stored)
    own = capsys.readouterr().err
    assert (f"A way on: the pin of 95 % on {day_long(day(9))} for Athlete 1 (A1) that this "
            f"command adds cannot hold now: run the same command without --pin A1 "
            f"{day(9).isoformat()} 95, or with it at 85 % (--pin A1 {day(9).isoformat()} 85)"
            in own)
    assert "--unpin" not in own
    print_conflicts(Outcome(Status.INFEASIBLE, None, remedies=(remedy("A2"),)), "x.season.json",
                    "record", stored=stored)
    held = capsys.readouterr().err
    assert f"To remove it: run the same command with --unpin A2 {day(9).isoformat()} added" in held
    assert "this command adds" not in held


def test_record_refuses_what_would_rewrite_the_past_or_silently_lose_an_edit(tmp_path):
    """'record' changes the season itself: a change given twice, a competition already played,
    an absence from before today, an injury after the season or starting FIT are refused, each
    naming its option or the change, in the app's words, and the file is left as it was. A flare-up long after the return is taken
    as rules-spec.md section 6 says (back to the last stage), saying so."""
    back_long_ago = injury("A3", "FIT", start_day=-40, history=(("S3", -50),))
    s = season(weeks=8, athletes=3, injuries=(injury("A1", "S2", start_day=-3), back_long_ago),
               today=day(0))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    assert run("advance", "s.season.json", "--today", day(14).isoformat(), "--accept", "--save",
               cwd=tmp_path).returncode == 0
    before = (tmp_path / "s.season.json").read_bytes()
    end = load_season(tmp_path / "s.season.json").calendar.end
    cases = [
        (["--rule", "HV-2.max_speed_days=1", "--rule", "HV-2.max_speed_days=3"],
         "--rule: HV-2.max_speed_days is given twice in one command"),
        (["--rule", "LD-1.acwr_max=abc"], "--rule: 'LD-1.acwr_max=abc': 'abc' is not a number; "
         "write a number after '=' (e.g. LD-1.acwr_max=1.3, its default)"),
        # a change that changes nothing, and a list of names given a number
        (["--rule", "HV-5.rest_days=1"], "--rule: HV-5.rest_days is 1 day already; give another value"),
        (["--rule", "HV-1.exempt_positions=1"], "--rule: HV-1.exempt_positions is a list of "
         "positions (now: GK), not a number; change it in the app's Rules panel"),
        (["--pin", "A2", day(20).isoformat(), "90", "--pin", "A2", day(20).isoformat(), "0"],
         "--pin: A2 " + day(20).isoformat() + " is given twice"),
        (["--remove-competition", "m0"], "Delete competition 'Match 1': 'Match 1' ("
         + date_long(day(5)) + f") is before today ({date_long(day(14))}): the past keeps what "
         "happened; change a competition still to come"),
        (["--move-competition", "m3", day(9).isoformat()], "is before today"),
        (["--unavailable", "A2", day(10).isoformat(), day(16).isoformat()],
         "record the absence from today on (a day gone by without training is logged with 0 "
         "minutes); log them with 'periodize log"),
        (["--unavailable", "A2", day(10).isoformat(), day(16).isoformat()],
         f"a row 'A2,{day(10).isoformat()},0,0' a day, so the load figures count them as no "
         f"training"),
        (["--injury", "A2", "hamstring-strain", (end + dt.timedelta(days=3)).isoformat()],
         "is after the season ends"),
        (["--injury", "A2", "hamstring-strain", day(15).isoformat(), "FIT"],
         "a new injury starts in a rehab stage, not FIT"),
        (["--flare-up", "A1", day(12).isoformat(), "--flare-up", "A1", day(12).isoformat()],
         "--flare-up: A1 " + day(12).isoformat() + " is given twice"),
        (["--stage", "A1", "S2", day(20).isoformat()],
         "--stage: A1 S2 " + day(20).isoformat() + f": {date_long(day(20))} is after today ("),
        (["--stage", "A1", "S2", day(14).isoformat(), "--stage", "A1", "S3", day(14).isoformat()],
         "--stage: A1 " + day(14).isoformat() + " is given twice"),
        (["--stage", "A1", "S9", day(14).isoformat()],
         "--stage: A1 S9 " + day(14).isoformat() + ": S9 is not a stage of "),
        # in the order a coach fixes them: the athlete's injury, the stage, then the date (a
        # stage ahead of today was answered about the date alone)
        (["--stage", "A2", "P9", day(20).isoformat()],
         "--stage: A2 P9 " + day(20).isoformat() + ": Athlete 2 (A2) has no injury before "
         + date_long(day(20)) + "; record the injury first"),
        (["--stage", "A1", "P9", day(20).isoformat()],
         "--stage: A1 P9 " + day(20).isoformat() + ": P9 is not a stage of "),
        (["--stage", "A1", "P9", day(20).isoformat()], "or FIT when back in full training); use "
         "one of them"),
        # --stage-start in the same order: a stage of an athlete with no injury before today was
        # answered about the date alone
        (["--stage-start", "A9", "P9", day(10).isoformat()],
         "--stage-start: no athlete has the ID or name 'A9'"),
        (["--stage-start", "A2", "P9", day(10).isoformat()],
         "--stage-start: A2 P9 " + day(10).isoformat() + ": Athlete 2 (A2) has no injury before "
         + date_long(day(10)) + "; record the injury first"),
        (["--stage-start", "A1", "P9", day(10).isoformat()],
         "--stage-start: A1 P9 " + day(10).isoformat() + ": P9 is not a stage of "),
        (["--stage-start", "A1", "S3", day(10).isoformat()],
         f"--stage-start: A1 S3 {day(10).isoformat()}: {date_long(day(10))} is before today "
         f"({date_long(day(14))}): the past keeps what happened (a stage change that happened is recorded with --stage A1 "
         f"S3 {day(10).isoformat()})"),
    ]
    for args, said in cases:
        r = run("record", "s.season.json", *args, "--save", cwd=tmp_path)
        assert r.returncode == 1 and said in r.stderr, (args, r.stderr)
        assert (tmp_path / "s.season.json").read_bytes() == before, args
    # a stage start of an injury the same command records: planned, not "record the injury first"
    r = run("record", "s.season.json", "--injury", "A2", "hamstring-strain", day(15).isoformat(),
            "--stage-start", "A2", "P3", day(25).isoformat(), "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0 and "record the injury first" not in r.stderr, r.stdout + r.stderr
    assert "Pin Athlete 2 (A2) to start P3" in r.stdout, r.stdout
    r = run("record", "s.season.json", "--injury", "A2", "hamstring-strain", day(10).isoformat(),
            "--stage", "A2", "P2", day(14).isoformat(), "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0 and "record the injury first" not in r.stderr, r.stdout + r.stderr
    # a flare-up 54 days after the return (it was refused: "more than 28 days before")
    r = run("record", "s.season.json", "--flare-up", "A3", day(14).isoformat(), "--save",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"back to full training since {date_long(day(-40))}, 54 days before: it moves them "
            f"back to S3") in r.stdout and "record a new injury instead if it is one" in r.stdout
    assert athlete_stage_on(load_season(tmp_path / "s.season.json").injuries_of("A3"), day(14)) == "S3"


def test_a_log_whose_replan_finds_no_plan_stores_nothing_and_says_how_to_store_it(tmp_path):
    before = _solved_then_pinned_beyond_reach(tmp_path, day(7))
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(5).isoformat()},60,5\n")
    r = run("log", "s.season.json", "log.csv", "--save", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "No plan satisfies every hard rule" in r.stderr
    assert "Nothing stored: the season file is as it was (no session added)" in r.stderr
    assert "--no-replan" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and len(load_season(tmp_path / "s.season.json").sessions) == 1


def test_a_log_read_again_adds_nothing_and_repeats_no_load_flags(tmp_path):
    """A coach who ran the same log twice read, under "Added 0 sessions", the whole squad's
    "week of … (this week, planned): monotony > 2.0": as if the log had caused it. The flags
    are the log's news: said when it adds sessions, not when it adds none."""
    from tests.builders import solved_and_checked

    s = season(weeks=6, athletes=2, today=day(36))
    out, _ = solved_and_checked(s, time_limit=20)
    save_season(s.model_copy(update={"plan": out.plan}), tmp_path / "s.season.json")
    rows = "".join(f"{a},{day(d).isoformat()},{60 + 10 * (d % 3)},9\n"
                   for a in ("A1", "A2") for d in range(28, 35))
    (tmp_path / "log.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + rows)
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and "Added 14 sessions" in r.stdout, r.stdout + r.stderr
    flagged = [x for x in r.stdout.splitlines() if "week of " in x]
    assert "(last week): monotony > 2.0" in r.stdout and flagged, r.stdout  # a week of RPE 9
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and "No new session in the log" in r.stdout, r.stdout + r.stderr
    assert not any(x in r.stdout for x in flagged), r.stdout
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_a_log_with_no_new_session_stores_nothing_and_says_so(tmp_path):
    s = season(weeks=4, athletes=2, today=day(10))
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    (tmp_path / "empty.csv").write_text("Athlete ID,Date,Minutes,RPE\n")
    r = run("log", "s.season.json", "empty.csv", "--save", cwd=tmp_path)
    assert r.returncode == 0 and "No new session in the log" in r.stdout, r.stdout + r.stderr
    assert "The log holds no session: a header row only." in r.stdout
    assert "Added 0" not in r.stdout and "flag" not in r.stdout.lower()
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_two_competitions_added_in_one_command_get_two_ids():
    import argparse

    from ui.cli.progress import add_parsers
    from ui.cli.whatif import edit_objects

    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers())
    s = season(weeks=4, athletes=2, today=day(0))
    args = parser.parse_args(["record", "s.season.json", "--add-competition", "Friendly", day(9).isoformat(),
                              "C", "--add-competition", "Cup", day(16).isoformat(), "B"])
    _edits, after = edit_objects(s, args)
    added = [c for c in after.competitions if c.name in ("Friendly", "Cup")]
    assert len(added) == 2 and len({c.id for c in after.competitions}) == len(after.competitions)


def test_solving_a_season_whose_today_is_after_its_end_says_nothing_is_left_to_plan(tmp_path):
    """rules-spec.md section 1: a today after the end means the whole season is past. A
    workbook's Today of 2030 then solved to "optimal, objective 0" without a word."""
    s = season(weeks=2, athletes=1, today=day(14))  # the day after the season: all played
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"today ({day(14).isoformat()}) is after the season's end" in r.stdout
    assert "the whole season is past, nothing is left to plan" in r.stdout


def test_a_season_file_whose_today_is_far_after_its_end_is_refused_where_it_is_read(tmp_path):
    """A hand-edited today of 2099 loaded, checked and solved without a word, though the coach
    workbook and advance refuse it: the season file's read refuses it, located, with the last
    today the season takes (the day after its end, which still reads)."""
    s = season(weeks=2, athletes=1, today=day(14))
    save_season(s, tmp_path / "s.season.json")
    assert load_season(tmp_path / "s.season.json").calendar.today == day(14)  # the day after: read
    data = json.loads((tmp_path / "s.season.json").read_text())
    data["calendar"]["today"] = "2099-01-01"
    (tmp_path / "s.season.json").write_text(json.dumps(data))
    for command in ("check", "solve"):
        r = run(command, "s.season.json", cwd=tmp_path)
        assert r.returncode == 1, (command, r.stdout)
        assert (f"s.season.json: calendar.today: 2099-01-01 is after the season ends "
                f"({day(13).isoformat()}); write a date up to {day(14).isoformat()} (the day after "
                f"the season: all of it played)") in r.stderr, (command, r.stderr)


def test_solve_stores_the_plan_first_when_an_output_cannot_be_written(tmp_path, monkeypatch,
                                                                       capsys):
    """--save with an export that cannot be written: the plan was lost (the export failed first
    and --save never ran, without a word). Now the plan is stored and the error says so. (A
    read-only file or folder is refused before the solve: a full disk is found only on writing.)"""
    import planner.xlsx_export
    from planner.errors import SaveError
    from ui.cli.main import main

    def disk_full(season, plan, path, **kwargs):
        raise SaveError(f"{path}: could not be saved (No space left on device)")

    monkeypatch.setattr(planner.xlsx_export, "export_workbook", disk_full)
    save_season(season(weeks=2, athletes=1), tmp_path / "s.season.json")
    monkeypatch.chdir(tmp_path)
    assert main(["solve", "s.season.json", "--save", "--xlsx", "plan.xlsx"]) == 1
    err = capsys.readouterr().err
    assert "No space left" in err and "The plan is stored in s.season.json all the same" in err
    assert load_season(tmp_path / "s.season.json").plan is not None


def test_solve_refuses_a_read_only_output_before_solving(tmp_path):
    s = season(weeks=2, athletes=1)
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "plan.xlsx").write_bytes(b"old")
    (tmp_path / "ro" / "plan.xlsx").chmod(0o444)  # read-only: refused (planner/safefile.py)
    r = run("solve", "s.season.json", "--save", "--xlsx", "ro/plan.xlsx", "--replace",
            cwd=tmp_path)  # "old" is no Periodize workbook: replaced only with --replace
    assert r.returncode == 1, r.stdout
    assert "ro/plan.xlsx: is read-only" in r.stderr and "Solving:" not in r.stderr, r.stderr
    assert load_season(tmp_path / "s.season.json").plan is None
    assert (tmp_path / "ro" / "plan.xlsx").read_bytes() == b"old"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a folder that holds no files: Linux's /proc")
@pytest.mark.parametrize("option, path, said", [
    ("--json", "/proc/plan.json", "/proc/plan.json: could not be saved (No such file or directory)"),
    ("--xlsx", "/proc/plan.xlsx", "/proc/plan.xlsx: could not be saved"),
    # the folder's own reason, not always "a folder that lets no file be made in it"; no
    # file of the check's own named (/proc/self/self)
    ("--ics", "/proc/ics", "/proc/ics: the calendar files cannot be written there: could not be "
                           "saved (No such file or directory); nothing was written; save to "
                           "another folder (--ics DIR)"),
    ("--ics", "/proc/self", "/proc/self: the calendar files cannot be written there: could not be "
                            "saved ("),
])
def test_solve_refuses_an_output_in_a_folder_that_takes_no_files_before_solving(
        tmp_path, option, path, said):
    """``solve --json /proc/p.json`` solved for seconds, printed the whole summary, then said
    "could not be saved": a folder that lets no file be made in it (other than for want of
    permission) was found only on writing. Now it is refused at once, as a missing folder is,
    and nothing is left behind by the check."""
    save_season(season(weeks=2, athletes=1), tmp_path / "s.season.json")
    before = sorted(os.listdir(tmp_path))
    r = run("solve", "s.season.json", "--save", option, path, cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert said in r.stderr and "Solving:" not in r.stderr and "Status" not in r.stdout, r.stderr
    assert "lets no file be made" not in r.stderr and "/proc/self/self" not in r.stderr
    assert load_season(tmp_path / "s.season.json").plan is None
    assert sorted(os.listdir(tmp_path)) == before


def test_a_hand_edited_scenario_naming_an_unknown_athlete_is_refused_with_its_place(advanced, tmp_path):
    """A scenario edit typed into the season file for an athlete not in the squad: the run names
    the scenario, the edit and the id (it said 'A99 has no injury; record the injury first')."""
    from planner import edits as E

    _, s, _ = advanced
    flare = E.RecordFlareUp(athlete="A07", date=DEC_1 + dt.timedelta(days=3))
    saved = E.AddScenario(name="Typo", edits=({**flare.to_dict(), "athlete": "A99"},)).apply(s)
    save_season(saved, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--scenario", "Typo", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "scenario 'Typo', edit 1: no athlete has id 'A99'; use an id from the squad" in r.stderr
    assert "record the injury first" not in r.stderr
    assert ("correct that edit in the season file, or delete the scenario (periodize whatif "
            "s.season.json --delete Typo) and make it again with --new") in r.stderr
    assert load_season(tmp_path / "s.season.json") == saved
    # without a stored plan it is said before the baseline is planned (a whole solve, then this)
    unplanned = saved.model_copy(update={"plan": None})
    save_season(unplanned, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--scenario", "Typo", cwd=tmp_path)
    assert r.returncode == 1 and "no athlete has id 'A99'" in r.stderr
    assert "Solving" not in r.stdout and "planning the baseline" not in r.stdout.lower(), r.stdout


def test_advance_without_accept_says_the_matches_logged_while_recorded_in_rehab(tmp_path):
    """The demo moved to December without recording the returns: its log has the three injured
    players in matches while the records hold them in rehab. Said per athlete, with the fix."""
    shutil.copy(template_path("demo.season.json"), tmp_path / "demo.season.json")
    r = run("advance", "demo.season.json", "--today", "2026-12-01", "--no-replan", "--log",
            str(template_path("demo-sessions.csv")), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x.startswith("Played in rehab: ")]
    assert [x.split(" logged")[0] for x in lines] == [
        "Played in rehab: Kofi Mensah (A07)", "Played in rehab: Leo Martin (A12)",
        "Played in rehab: Isaac Boateng (A19)"]
    assert "from Sat 5 Sep 2026 while in P3 by the injury's records: if the athlete was back, " \
           "record the stage changes (advance --accept" in lines[1]


def test_a_week_logged_says_only_its_own_matches_played_in_rehab_and_keeps_the_flare_up(tmp_path):
    """A flare-up recorded on Wed 6 Jan, a match played on Sat 9 Jan logged already: the next
    week's log said "2 competitions from Sat 9 Jan" and to date the flare-up the day after the
    last match. It says Sat 16 Jan alone, and that the flare-up comes before it."""
    first = Session(athlete="A1", date=day(5), minutes=75, rpe=7, minutes_played=70)
    s = season(weeks=3, athletes=2, today=day(19), matches=[5, 12], injuries=(
        injury("A1", "FIT", start_day=-5, history=(("S3", -12),), flare_days=(2,)),))
    save_season(s.model_copy(update={"sessions": (first,)}), tmp_path / "s.season.json")
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                       f"A1,{day(12).isoformat()},75,7,60\n")
    r = run("log", "s.season.json", "week.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (line,) = [x for x in r.stdout.splitlines() if x.startswith("Played in rehab: ")]
    assert line.startswith("Played in rehab: Athlete 1 (A1) logged minutes played in 1 "
                           f"competition from {day_long(day(12))} while in "), line
    assert f"the flare-up of {day_long(day(2))} comes before it: if they were back" in line, line
    assert "--flare-up" not in line


def test_advance_says_which_days_it_puts_in_the_past_with_nothing_logged(tmp_path):
    """Moving today a week on with nothing logged counted the week as planned without a word."""
    from planner.unlogged import unlogged

    s = season(weeks=4, athletes=2, today=day(7))  # Mon-Sat training, a match on day 12
    save_season(s, tmp_path / "s.season.json")
    assert unlogged(s, day(14)) == (12, 6)  # 6 training and match days, 2 athletes
    one = (Session(athlete="A1", date=day(8), minutes=60, rpe=5),)
    assert unlogged(s, day(14), one) == (11, 6) and unlogged(s, day(7)) == (0, 0)
    from planner.season import Unavailability

    away = s.model_copy(update={"unavailability": (Unavailability(athlete="A2", start=day(7),
                                                                  end=day(9)),)})
    assert unlogged(away, day(14)) == (9, 6)  # an absence needs no log
    assert unlogged(s, s.calendar.end + dt.timedelta(days=1))[1] == 18  # the last day counts
    (tmp_path / "a.csv").write_text(
        "Athlete ID,Date,Minutes,RPE\n" + "".join(f"A{a},{day(d)},60,5\n" for a in (1, 2)
                                                  for d in range(7, 14) if d != 13))
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and ("Nothing is logged for any athlete on the 6 training and match "
                                  "days this puts in the past: they count as planned") in r.stdout, r.stdout
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--no-replan", "--log",
            "a.csv", cwd=tmp_path)
    assert r.returncode == 0 and "nothing logged" not in r.stdout and "Nothing is logged" not in r.stdout


def test_log_says_a_speed_above_the_rehab_stage(tmp_path):
    """A rehab athlete's GPS top speed above the stage's cap was said only by 'explain'."""
    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P3", start_day=-10),), today=day(10))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE,Top speed %\nA1,{day(4)},60,5,95\n"
                                      f"A1,{day(5)},60,5,70\nA2,{day(4)},60,5,100\n")
    r = run("log", "s.season.json", "log.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x.startswith("Above the stage: ")]
    assert lines == ["Above the stage: Athlete 1 (A1) logged 95 % of max speed on Fri 8 Jan 2027 "
                     "in P3 (at most 80 %); worth a word with the athlete and the physio."]


def test_several_fit_players_pains_say_what_to_do_once(tmp_path):
    """'periodize log' repeated "if it is an injury, record it (...) and re-plan" on every Pain
    line; the app says it once below the pains, and so does the command line now."""
    from tests.builders import season as small

    save_season(small(weeks=3, athletes=3, today=day(7)), tmp_path / "s.season.json")
    (tmp_path / "log.csv").write_text(
        f"Athlete ID,Date,Minutes,RPE,Pain\nA1,{day(2).isoformat()},60,6,6\n"
        f"A2,{day(3).isoformat()},75,6,7\n", encoding="utf-8")
    r = run("log", "s.season.json", "log.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Pain: Athlete 1 (A1) logged pain 6/10 on" in r.stdout
    assert "Pain: Athlete 2 (A2) logged pain 7/10 on" in r.stdout
    assert r.stdout.count("record it (Season ▸ Injuries") == 1
    assert "If one is an injury, record it" in r.stdout


def test_a_match_logged_on_a_day_recorded_away_is_said(tmp_path):
    from planner.season import Unavailability
    from tests.builders import season as small

    s = small(weeks=3, athletes=3, today=day(14))
    s = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A2", start=day(11), end=day(13), reason="family"),)})
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "log.csv").write_text(
        f"Athlete ID,Date,Minutes,RPE,Minutes played\nA2,{day(12).isoformat()},95,8,90\n"
        f"A1,{day(12).isoformat()},95,8,90\n", encoding="utf-8")
    r = run("log", "s.season.json", "log.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (line,) = [x for x in r.stdout.splitlines() if x.startswith("Played while away:")]
    assert "Athlete 2 (A2) logged minutes played on 1 competition day from Sat 16 Jan 2027" in line
    assert "shorten the absence (the app's Season ▸ Squad, Unavailable" in line


def _p3_saved(tmp_path):
    """A1 in P3, planned and saved as t.season.json, and week.csv: A1's days up to three days
    after the plan's S1 logged at 72 % (P3's exit is two days at 80 %). (season, timeline, the
    S1 day)."""
    from solver import SolveRequest, solve

    s = season(weeks=8, athletes=2, matches=[12, 26, 40],
               injuries=(injury("A1", "P3", start_day=-20),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    save_season(s, tmp_path / "t.season.json")
    tl = Timeline(s)
    s1 = next(i for i, st in enumerate(s.plan.for_athlete("A1").stages) if st == "S1")
    rows = ["Athlete ID,Date,Minutes,RPE,Top speed %"] + [
        f"A1,{tl.days[i].isoformat()},50,4,72" for i in range(s1 + 3)
        if s.plan.for_athlete("A1").intensity[i] > 0]
    (tmp_path / "week.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return s, tl, s1


def test_advance_accept_leaves_a_stage_change_the_log_does_not_bear_out(tmp_path):
    """The plan projected A1's P3 -> S1; the week's log has every P3 day at 72 % (P3's exit is
    two days at 80 %). --accept records the other changes, not that one nor the athlete's later
    ones, says why in the checker's words and gives the command to record it if the physio says
    it was done; the re-plan keeps A1 in P3 until its exit is done."""
    s, tl, s1 = _p3_saved(tmp_path)
    today = tl.days[s1 + 3]
    r = run("advance", "t.season.json", "--today", today.isoformat(), "--accept", "--log",
            "week.csv", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "⚠ not borne out by the log: Athlete 1 (A1) leaves P3 on " in r.stdout
    assert "Not recorded: Athlete 1 (A1) entering S1 (nor any later change of theirs)" in r.stdout
    assert f"--stage A1 S1 {tl.days[s1].isoformat()} --save" in r.stdout
    # every record command for that change carries its day (the Returns moved line named the
    # first unlogged day after it)
    assert set(re.findall(r"--stage A1 S1 (\S+) --save", r.stdout)) == {tl.days[s1].isoformat()}
    # the log's own lines come after the stage changes, read in the season as recorded
    assert r.stdout.index("Not recorded:") < r.stdout.index("Added ")
    after = load_season(tmp_path / "t.season.json")
    assert after.injury_of("A1").current.stage == "P3"
    assert check_plan(after, after.plan).violations == ()


def test_a_change_left_unrecorded_without_a_re_plan_is_left_again_at_the_next_move(tmp_path):
    """Declined with --no-replan, the stored plan still had A1 in S1; the next advance --accept
    took that plan's own shortfall (read from the same log) for one the season had before, and
    recorded S1, S2 and S3 unsaid."""
    s, tl, s1 = _p3_saved(tmp_path)
    first, second = tl.days[s1 + 3], tl.days[s1 + 17]
    # unsaved, the record command would be refused (its day lies after the stored today)
    r = run("advance", "t.season.json", "--today", first.isoformat(), "--accept", "--log",
            "week.csv", "--no-replan", cwd=tmp_path)
    assert "this move saved (the same command with --save), then periodize record" in r.stdout
    r = run("advance", "t.season.json", "--today", first.isoformat(), "--accept", "--log",
            "week.csv", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0 and "Not recorded: Athlete 1 (A1) entering S1" in r.stdout, r.stdout
    r = run("advance", "t.season.json", "--today", second.isoformat(), "--accept", "--no-replan",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "not borne out by the log" in r.stdout and "Not recorded: Athlete 1 (A1)" in r.stdout
    assert load_season(tmp_path / "t.season.json").injury_of("A1").current.stage == "P3"


def test_advance_says_when_today_moves_past_the_computers_date(tmp_path):
    """'advance --today next-week' run twice by mistake moved today into the future unsaid. The
    note comes once the move is stored (a failed save left advice to undo it), and its way back
    is the file the save kept: moving today back undid neither --accept nor --log."""
    s = season(weeks=6, athletes=2)
    save_season(s, tmp_path / "s.season.json")
    clock = load_season(tmp_path / "s.season.json").calendar.today or s.calendar.start

    def words(d):
        return f"{d:%a} {d.day} {d:%b %Y}"

    for _ in range(2):  # the second run by mistake
        r = run("advance", "s.season.json", "--today", "next-week", "--no-replan", "--save",
                cwd=tmp_path, clock=clock.isoformat())
        assert r.returncode == 0, r.stderr
        new = load_season(tmp_path / "s.season.json").calendar.today
        assert r.stdout.splitlines()[-2:] == [
            "Stored in s.season.json (the previous file is kept as s.season.json.bak)",
            f"Note: the new today, {words(new)}, is after this computer's date ({words(clock)}); "
            f"if that is a mistake, copy s.season.json.bak (the season before this move) back "
            f"over s.season.json."], r.stdout
    r = run("advance", "s.season.json", "--today", "next-week", "--no-replan", cwd=tmp_path,
            clock=clock.isoformat())
    after = new + dt.timedelta(days=7)
    assert r.stdout.splitlines()[-2:] == [
        "Nothing stored (add --save to keep the new today).",
        f"Note: the new today, {words(after)}, is after this computer's date ({words(clock)})."]
    r = run("advance", "s.season.json", "--today", "next-week", "--no-replan", "--save",
            cwd=tmp_path, clock=after.isoformat())
    assert r.returncode == 0 and "computer's date" not in r.stdout, r.stdout  # not after it


def test_advance_that_stores_nothing_says_nothing_of_the_clock(tmp_path):
    """A save that fails stores nothing: no way back from it to advise."""
    s = season(weeks=6, athletes=2)
    p = tmp_path / "s.season.json"
    save_season(s, p)
    p.chmod(0o444)
    r = run("advance", "s.season.json", "--today", "next-week", "--no-replan", "--save",
            cwd=tmp_path, clock=s.calendar.start.isoformat())
    assert r.returncode != 0 and "is read-only" in r.stderr, r.stderr
    assert "computer's date" not in r.stdout, r.stdout


def test_a_weekly_replan_says_what_its_feasible_status_means(tmp_path):
    """Every weekly re-plan printed "Status: feasible" with no bound, read as a plan not proven
    every week: it is the best plan around the change, and the way to search it all is said."""
    save_season(season(weeks=6, athletes=3, today=day(7)), tmp_path / "a.season.json")
    assert run("solve", "a.season.json", "--save", "--time-limit", "10", cwd=tmp_path).returncode == 0
    r = run("advance", "a.season.json", "--today", day(14).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Status:    feasible" in r.stdout
    assert ("Re-plan:   the best plan that changes only what the change reaches (the rest kept as "
            "planned), so no bound for the whole season; 'periodize solve a.season.json --save' "
            "searches it all") in r.stdout


def test_moving_back_over_a_squads_log_says_the_same_sessions_once():
    """Moving today back over a week the whole squad logged printed 24 lines alike ("24 days of
    logged sessions from …" for each athlete): three athletes or more alike are one line."""
    from planner.progress import Later
    from ui.cli.progress import _grouped_later

    s = season(weeks=4, athletes=5)
    same = [Later(a, "7 days of logged sessions", day(7), day(13)) for a in ("A1", "A2", "A3", "A4")]
    other = Later("A5", "3 days of logged sessions", day(7), day(9))
    stage = Later("A1", "stage P2", day(8))
    lines = [x.text(label, dt.date.isoformat) for label, x in _grouped_later(s, same + [stage, other])]
    assert lines == [f"4 athletes: 7 days of logged sessions from {day(7)} to {day(13)}",
                     f"Athlete 1 (A1): stage P2 on {day(8)}",
                     f"Athlete 5 (A5): 3 days of logged sessions from {day(7)} to {day(9)}"]


def test_record_says_when_a_stage_change_passes_over_a_failed_test(tmp_path):
    """'record --stage' of the next stage on a day a failed criteria result still held the
    athlete was stored without a word; the failed result then held him nowhere."""
    from planner.season import CriteriaTest
    from planner.seasonfile import save_season
    from planner.text import day_long
    from tests.builders import day, injury, season

    rec = injury("A1", "P2", start_day=-20).model_copy(update={"tests": (CriteriaTest(
        date=day(1), name="Hip-flexor strength LSI", value=60, unit="%"),)})
    save_season(season(weeks=4, athletes=2, injuries=(rec,), today=day(3)),
                tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--stage", "A1", "P3", day(2).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    said = " ".join(r.stdout.split())
    assert (f"Note: Athlete 1 (A1) has not finished P2 on {day_long(day(2))}: the latest "
            f"Hip-flexor strength LSI 60 % on {day_long(day(1))} (pass mark ≥ 80 %) fails: RH-CRIT "
            f"holds the athlete in P2 until the retest, {day_long(day(8))}. Once recorded, P3 from "
            f"{day_long(day(2))} stands on the physio's word and this holds the athlete no "
            "more.") in said


def test_record_says_the_minimum_days_and_the_exit_work_a_stage_change_passes_over(tmp_path):
    """'record --stage A07 S1' on day 15 of P3 (at least 21 days), with 1 of its 2 days at 80 %
    done, was noted only for a failed test, or not at all without one; check found nothing (the
    records are history) and the plan put a 90 % sprint on the next day. The note names the
    stage's minimum days and its exit work; the next stage recorded once both are done, nothing."""
    from tests.builders import injury, season

    save_season(season(weeks=4, athletes=2, injuries=(injury("A1", "P3", start_day=0),),
                       today=day(3)), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    plan = load_season(tmp_path / "s.season.json").plan.for_athlete("A1")
    done = sum(1 for i in range(2) if plan.intensity[i] >= 80)  # days 0 and 1 of P3, before day 2
    r = run("record", "s.season.json", "--stage", "A1", "S1", day(2).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    said = " ".join(r.stdout.split())
    # "P3 day 3 of at least 21" read, on the 3-day P1 of a hamstring, as done: the days had
    assert (f"Note: Athlete 1 (A1) has not finished P3 on {day_long(day(2))}: P3 has had 2 days "
            f"(from {text_day(day(0))}); it needs at least 21; {done} of 2 days at 80 % done. Once recorded, S1 from {day_long(day(2))} "
            "stands on the physio's word and none of these holds the athlete any more.") in said
    s = load_season(tmp_path / "s.season.json")  # P3 from 30 days before, 2 days at 80 % done
    a1 = plan.model_copy(update={"intensity": (80, 80) + plan.intensity[2:]})
    s = s.model_copy(update={"injuries": (injury("A1", "P3", start_day=-30),), "plan": s.plan.model_copy(
        update={"athletes": tuple(a1 if a.athlete == "A1" else a for a in s.plan.athletes)})})
    save_season(s, tmp_path / "done.season.json")
    r = run("record", "done.season.json", "--stage", "A1", "S1", day(2).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Note:" not in r.stdout and "has not finished" not in r.stdout


def test_advance_says_a_flare_up_a_pain_already_logged_proposes_before_the_stage_changes(tmp_path):
    """A pain of 7/10 logged (and stored) before today proposes a flare-up. Moving today on
    without --log said nothing of it, and --accept recorded the next stage and planned him on
    as if the pain had not happened, while the app's Move Today offered the flare-up to tick.
    Now advance says it with the command that records it, before the stage changes, and a
    change recorded after it is marked; the command it gives records the flare-up."""
    _, step = _in_s1_solved(tmp_path)
    pain = day(-1)
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE,Pain\nA1,{pain.isoformat()},"
                                      f"60,6,7\n", encoding="utf-8")
    assert run("log", "s.season.json", "log.csv", "--save", "--no-replan", cwd=tmp_path).returncode == 0
    proposed = f"Proposed flare-up: Athlete 1 (A1) logged pain 7/10 on {day_long(pain)}"
    r = run("advance", "s.season.json", "--today", day(step + 1).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert proposed in r.stdout, r.stdout
    assert r.stdout.index(proposed) < r.stdout.index("The stored plan projected"), r.stdout
    assert f"periodize record s.season.json --flare-up A1 {pain.isoformat()} --save" in r.stdout
    assert f"⚠ a pain that proposes a flare-up came before it: 7/10 on {day_long(pain)}" in r.stdout
    r = run("advance", "s.season.json", "--today", day(step + 1).isoformat(), "--accept",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"enters S2 controlled sprinting on {day_long(day(step))} ⚠ recorded though a pain "
            f"that proposes a flare-up came before it: 7/10 on {day_long(pain)}") in r.stdout, r.stdout
    record = re.search(r"periodize (record s\.season\.json --flare-up A1 \S+ --later-stages drop "
                       r"--save)", r.stdout)
    assert record is not None, r.stdout
    r = run(*record.group(1).split(), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    after = load_season(tmp_path / "s.season.json")
    (rec,) = after.injuries_of("A1")
    assert pain in rec.flare_ups and "S2" not in [x.stage for x in rec.stages]
    assert check_plan(after, after.plan).violations == ()
    r = run("advance", "s.season.json", "--today", day(step + 2).isoformat(), cwd=tmp_path)
    assert "Proposed flare-up" not in r.stdout, r.stdout  # recorded: not proposed again


def test_a_log_row_with_minutes_played_alone_is_the_season_s_match_session(tmp_path):
    """A row with only Minutes played, taken by the app's Log (m90) and the workbook's Sessions
    sheet, was refused by `periodize log` ("Duration: missing; every session has minutes and an
    RPE"). It is now the season's match session (its load table: here a start is 90 x 6, from
    the bench 25 x 5), said in one note; 0 alone is refused, as there."""
    from planner.loadtable import LoadTable
    from planner.season import RuleSettings

    rules = RuleSettings(values={"LD-1": {"minutes_start": 90, "rpe_start": 6,
                                          "minutes_bench": 25, "rpe_bench": 5}})
    s = season(weeks=4, athletes=2, today=day(10), matches=[5], rules=rules)
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "played.csv").write_text(f"Player,Date,Duration,RPE,Minutes played\n"
                                         f"Athlete 1,{day(5)},,,90\nA2,{day(5)},,,20\n")
    r = run("log", "s.season.json", "played.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Row 2: minutes played without Minutes and RPE" not in r.stdout  # two rows: one note
    assert ("2 rows from row 2: minutes played without Minutes and RPE, read as the load "
            "table's match session (started 90 min x RPE 6, from the bench 25 x 5)") in r.stdout
    table = LoadTable.of_season(s)
    got = {x.athlete: (x.minutes, x.rpe, x.minutes_played)
           for x in load_season(tmp_path / "s.season.json").sessions}
    assert got == {"A1": (*table.match("start"), 90), "A2": (*table.match("bench"), 20)}
    assert got["A1"][:2] == (90, 6)
    (tmp_path / "zero.csv").write_text(f"Player,Date,Duration,RPE,Minutes played\nA1,{day(6)},,,0\n")
    # a day without a match: no match session made up (760 AU on a training day)
    (tmp_path / "nomatch.csv").write_text(f"Player,Date,Duration,RPE,Minutes played\n"
                                          f"A1,{day(6)},,,60\n")
    saved = (tmp_path / "s.season.json").read_bytes()
    r = run("log", "s.season.json", "nomatch.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and (f"row 2 (A1, {day(6)}): Minutes played alone on a day with no competition; write "
                                  "the session's minutes and RPE, or the competition's date"
                                  ) in " ".join(r.stderr.split()), r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == saved
    r = run("log", "s.season.json", "zero.csv", cwd=tmp_path)
    assert r.returncode == 1 and f"row 2 (A1, {day(6)}), Minutes played: 0 without Minutes and RPE: no match " \
        "was played" in " ".join(r.stderr.split()), r.stderr


def test_a_flare_up_on_the_day_of_a_match_he_played_is_not_asked_about(tmp_path):
    """The flare-up that came in the match itself is dated on its day: nothing to refuse."""
    s = season(weeks=3, athletes=2, today=day(7), injuries=(
        injury("A2", "FIT", start_day=-5, history=(("S3", -12),)),)).model_copy(update={
            "sessions": (Session(athlete="A2", date=day(5), minutes=95, rpe=8,
                                 minutes_played=20),)})
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--flare-up", "A2", day(5).isoformat(), "--time-limit",
            "10", cwd=tmp_path)
    assert r.returncode == 0 and "--played-with-flare-up" not in r.stderr + r.stdout, r.stderr


def test_a_log_says_matches_played_in_rehab_once_per_flare_up_that_holds_them(tmp_path):
    """Matches on 9, 16 and 23 Jan logged played, flare-ups recorded on 6 and 22 Jan: log said
    one line naming the flare-up of 6 Jan for all three, though the second holds the last match
    in rehab. A line per flare-up, each naming its own."""
    s = season(weeks=4, athletes=2, today=day(21), injuries=(  # matches on days 5, 12, 19
        injury("A1", "S3", start_day=14, history=(("S2", -20), ("S3", -6)), flare_days=(2, 18)),
    ))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Minutes played\n" + "".join(
        f"A1,{day(d).isoformat()},95,8,{m}\n" for d, m in ((5, 20), (12, 90), (19, 90))))
    r = run("log", "s.season.json", "week.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x.startswith("Played in rehab: ")]
    assert len(lines) == 2, r.stdout
    assert lines[0].startswith("Played in rehab: Athlete 1 (A1) logged minutes played in 2 "
                               f"competitions from {day_long(day(5))} while in "), lines
    assert f"the flare-up of {day_long(day(2))} comes before them" in lines[0], lines
    assert lines[1].startswith("Played in rehab: Athlete 1 (A1) logged minutes played in 1 "
                               f"competition from {day_long(day(19))} while in "), lines
    assert f"the flare-up of {day_long(day(18))} comes before it" in lines[1], lines


def test_a_catapult_export_gives_its_top_speeds_and_a_speed_not_read_is_the_first_line(tmp_path):
    """Catapult's 'Maximum Velocity' was left among the columns not read, exit 0, and every
    exposure counted as none: it is the top speed; a '% Max' of the GPS system's own max alone
    is said on the first line."""
    base = season(weeks=4, athletes=2, today=day(10))
    s = base.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                                  for a in base.athletes)})
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "c.csv").write_text(f"Date,Player Name,Total Duration,Maximum Velocity,Max Vel (% Max),RPE\n"
                                    f"{day(3)},A1,01:00:00,8.1,90,6\n")
    r = run("log", "s.season.json", "c.csv", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Top speed m/s <- 'Maximum Velocity'" in r.stdout
    assert [x.top_speed_ms for x in load_season(tmp_path / "s.season.json").sessions] == [8.1]
    (tmp_path / "p.csv").write_text(f"Date,Player Name,Total Duration,Max Vel (% Max),RPE\n"
                                    f"{day(4)},A1,01:00:00,90,6\n")
    r = run("log", "s.season.json", "p.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "'Max Vel (% Max)' looks like a top speed but was not read (a percentage of the GPS "
        "system's own max): head a column 'Top speed m/s' or 'Max Speed (km/h)'")


def test_a_gps_export_without_rpe_is_refused_with_the_way_in_and_overlap_speed_adds_its_speeds(tmp_path):
    """A Catapult export has no RPE: it was refused with 'name them … RPE', a fix the file has
    no data for, and no --overlap gave its speeds to the wellness app's sessions (add doubled
    the load). --overlap speed gives each row's top speed to the day's one session."""
    base = season(weeks=4, athletes=2, today=day(10))
    s = base.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                                  for a in base.athletes)})
    save_season(s, tmp_path / "s.season.json")
    gps = tmp_path / "gps.csv"
    gps.write_text(f"Date,Player Name,Total Duration,Maximum Velocity\n{day(3)},A1,01:00:00,8.1\n"
                   f"{day(3)},A2,01:00:00,7.2\n")
    r = run("log", "s.season.json", "gps.csv", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "this file has top speeds but no RPE (a GPS export)" in r.stderr
    assert "--overlap speed" in r.stderr
    r = run("log", "s.season.json", "gps.csv", "--no-replan", "--overlap", "speed", cwd=tmp_path)
    assert r.returncode == 1 and "Athlete 1 (A1) on " + day(3).isoformat() + ": no session is " \
        "logged that day" in r.stderr
    (tmp_path / "rpe.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3)},70,6\n"
                                      f"A2,{day(3)},65,5\n")
    assert run("log", "s.season.json", "rpe.csv", "--save", "--no-replan", cwd=tmp_path).returncode == 0
    r = run("log", "s.season.json", "gps.csv", "--save", "--no-replan", "--overlap", "speed",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Top speeds added to 2 sessions already logged (minutes and RPE as logged)." in r.stdout
    got = load_season(tmp_path / "s.season.json").sessions
    assert sorted((x.athlete, x.minutes, x.rpe, x.top_speed_ms) for x in got) == [
        ("A1", 70, 6, 8.1), ("A2", 65, 5, 7.2)]


def test_record_says_what_the_app_says_of_a_day_still_to_come_when_no_today_is_set(tmp_path):
    """With no today set, 'record --flare-up' said "today is <the season start>", where the app
    says the season starts then (planner.edits.flare_up_not_yet); a test result and a stage ahead
    said the same. Each now says the planner's words, and the file is left as it was."""
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-3),))
    assert s.calendar.today is None
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    later = day(10)
    starts = f"is after the season start ({date_long(day(0))}; no today is set)"
    cases = [
        (["--flare-up", "A1", later.isoformat()],
         f"--flare-up: {later.isoformat()}: {flare_up_not_yet(s, later)}; 'periodize whatif"),
        (["--test", "A1", "Hip-flexor strength LSI", "82", later.isoformat()],
         f"{date_long(later)} {starts}: a test result is recorded once it was taken; give the day "
         f"it was taken"),
        (["--stage", "A1", "P3", later.isoformat()],
         f"--stage: A1 P3 {later.isoformat()}: {date_long(later)} {starts}: a stage is recorded "
         f"once the athlete is in it; --stage-start A1 P3"),
    ]
    assert starts in flare_up_not_yet(s, later)
    for args, said in cases:
        r = run("record", "s.season.json", *args, "--save", cwd=tmp_path)
        assert r.returncode == 1 and said in r.stderr, (args, r.stderr)
        assert "after today" not in r.stderr, r.stderr
        assert (tmp_path / "s.season.json").read_bytes() == before, args


def test_record_left_lets_a_player_go_keeping_his_past(tmp_path):
    """A sold player could only be deleted, and his logged sessions went with him. 'record
    --left ATHLETE DATE' keeps every record of his and plans nothing for him from DATE; a DATE
    before today is refused, nothing written."""
    s = season(weeks=6, athletes=3, today=day(7))
    s = s.model_copy(update={"sessions": tuple(Session(athlete="A2", date=day(i), minutes=60, rpe=5)
                                               for i in range(7))})
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("record", "s.season.json", "--left", "A2", day(5).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 1 and "left the squad on" in r.stderr, r.stderr
    assert "the past keeps what happened" in r.stderr, r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("record", "s.season.json", "--left", "Athlete 2", day(9).isoformat(), "--save",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Athlete 2 (A2) left the squad on {day_long(day(9))}: their past is kept; nothing is "
            f"planned from then") in r.stdout
    after = load_season(tmp_path / "s.season.json")
    assert after.sessions == s.sessions and after.athlete("A2") is not None
    assert [(u.start, u.end, u.reason) for u in after.unavailability if u.athlete == "A2"] == [
        (day(9), after.calendar.end, "left the squad")]
    assert set(after.plan.for_athlete("A2").intensity[9:]) == {0}
    assert check_plan(after, after.plan).violations == ()
    # the weeks after he left: no handout of his, and said so
    r = run("export", "s.season.json", "--handouts", "ho", "--weeks",
            f"{day(14).isoformat()}..{day(27).isoformat()}", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Athlete 2 left the squad on {day(9).day} {day(9):%b}: no handout." in r.stdout
    assert sorted(p.name for p in (tmp_path / "ho").iterdir()) == ["A1 Athlete 1.pdf",
                                                                   "A3 Athlete 3.pdf"]


def test_a_newcomer_without_max_speed_is_one_line_and_max_speed_from_log_takes_his_fastest(tmp_path):
    """A newcomer added with no max speed refused the week's GPS export a line per row, and the
    others' sessions and today's move with it. Refused, he is one line naming the way on;
    --max-speed-from-log (log and advance --log) sets his max speed to the fastest the log gives
    him, said, stored with the sessions in the same save."""
    base = season(weeks=4, athletes=3, today=day(7))
    s = base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0 if a.id != "A3" else None}) for a in base.athletes)})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    rows = [f"A{a},{day(d)},60,5,{k}" for d, k in ((0, 29.5), (1, 31.5), (2, 30.1), (3, 28.0))
            for a in (1, 3)]
    (tmp_path / "gps.csv").write_text("Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                                      + "\n".join(rows) + "\n")
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--log", "gps.csv",
            "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 1
    said = " ".join(r.stderr.split())
    assert said.count("has no max speed") == 1, r.stderr
    assert (f"gps.csv: Athlete 3 (A3) has no max speed, so their 4 top speeds in m/s (fastest "
            f"8.75 m/s = 31.5 km/h, {text_day(day(1))}, row 5) cannot be read: give their max speed "
            f"(Season ▸ Squad, the workbook's Athletes sheet, or --max-speed-from-log), or log "
            f"their top speeds in %") in said
    assert "Nothing was saved" in said
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--max-speed-from-log",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "--max-speed-from-log: takes max speeds from a log" in r.stderr
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--log", "gps.csv",
            "--max-speed-from-log", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Athlete 3 (A3): max speed set to 8.75 m/s (31.5 km/h), the fastest of their 4 "
            f"logged sessions ({text_day(day(1))}); measure it properly when you can") in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert got.calendar.today == day(14) and got.athlete("A3").max_speed == 8.75
    assert len(got.sessions) == 8
    assert max(x.top_speed_ms for x in got.sessions if x.athlete == "A3") == pytest.approx(8.75)
    # 'log' the same, from the season as it was: his max speed stored with the sessions, one save
    save_season(s, tmp_path / "s.season.json")
    r = run("log", "s.season.json", "gps.csv", "--max-speed-from-log", "--no-replan", "--save",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Athlete 3 (A3): max speed set to 8.75 m/s (31.5 km/h)" in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert got.athlete("A3").max_speed == 8.75 and len(got.sessions) == 8
    # a typo's 14.5 m/s is no max speed: refused in the log's words, with its row; nothing saved
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "typo.csv").write_text(f"Athlete ID,Date,Minutes,RPE,Top speed m/s\n"
                                       f"A3,{day(0)},60,5,8.5\nA3,{day(1)},60,5,14.5\n"
                                       f"A3,{day(2)},60,5,8.8\n")
    r = run("log", "s.season.json", "typo.csv", "--max-speed-from-log", "--no-replan", "--save",
            cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    said = " ".join(r.stderr.split())
    assert (f"Athlete 3 (A3): the fastest of their 3 logged sessions (14.50 m/s = 52.2 km/h, "
            f"{text_day(day(1))}, row 3) cannot be their max speed: 14.5 m/s (52.2 km/h) is faster "
            f"than any athlete sprints") in said
    assert load_season(tmp_path / "s.season.json").athlete("A3").max_speed is None


def test_read_names_as_proposed_reads_a_gps_spelling_as_the_athlete_said(tmp_path):
    """A proposed GPS spelling ('M. Ruiz' for Marco Ruiz) could not be accepted: the file was
    refused every week until fixed. --read-names-as-proposed (log, advance --log) reads each as
    the athlete proposed, saying each; refused, the note names the option."""
    save_season(season(weeks=4, athletes=3, today=day(7)), tmp_path / "s.season.json")
    (tmp_path / "w.csv").write_text(f"Player Display Name,Date,Duration,RPE\n3 ATHLETE,{day(1)},60,5\n"
                                    f"A1,{day(1)},50,4\n")
    r = run("log", "s.season.json", "w.csv", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 1 and "row 2, Player Display Name: '3 ATHLETE' is no athlete: Athlete 3 (A3)?" in r.stderr
    assert "run the command again with --read-names-as-proposed" in " ".join(r.stderr.split())
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--read-names-as-proposed",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "--read-names-as-proposed: reads a log's names" in r.stderr
    r = run("log", "s.season.json", "w.csv", "--read-names-as-proposed", "--no-replan", "--save",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "'3 ATHLETE' read as Athlete 3 (A3) (row 2)" in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert sorted((x.athlete, x.minutes) for x in got.sessions) == [("A1", 50), ("A3", 60)]
    assert [a.name for a in got.athletes] == ["Athlete 1", "Athlete 2", "Athlete 3"]  # no alias kept


def test_record_max_speed_sets_it_as_the_squad_editor_reads_it(tmp_path):
    """The command line had no way to give a player a max speed: record --max-speed takes m/s,
    or km/h ('33.5 km/h', or a number above 15) as the Squad editor reads it, and refuses what no
    athlete sprints at, nothing stored."""
    save_season(season(weeks=4, athletes=3, today=day(7)), tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    for written, said in (("3", "--max-speed: A3 3: 3 m/s (10.8 km/h) is slower than any athlete "
                                "sprints; a max speed is at least 4 m/s (14.4 km/h): write it in "
                                "m/s, e.g. 9.2, or in km/h as '33.1 km/h'"),
                          ("14.9", "--max-speed: A3 14.9: 14.9 m/s (53.6 km/h) is faster than "
                                   "any athlete sprints; a max speed is at most 12.5 m/s (45.0 "
                                   "km/h): write it in m/s"),
                          ("16", "--max-speed: A3 16: '16' read as km/h (4.44 m/s) is slower than "
                                 "any athlete sprints, and read as m/s faster"),
                          ("fast", "--max-speed: A3 fast: 'fast' is not a speed")):
        r = run("record", "s.season.json", "--max-speed", "A3", written, "--save", cwd=tmp_path)
        assert r.returncode == 1 and said in r.stderr, r.stderr
        assert "leave it empty" not in r.stderr and "Traceback" not in r.stderr
    r = run("record", "s.season.json", "--max-speed", "A3", "9", "--max-speed", "Athlete 3", "9.1",
            cwd=tmp_path)
    assert r.returncode == 1 and "is given twice in one command" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("record", "s.season.json", "--max-speed", "A3", "34.2", "--max-speed", "Athlete 2",
            "33.5 km/h", "--max-speed", "A1", "9.2", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "  - Set the max speed of Athlete 3 (A3) to 9.5 m/s (34.2 km/h)" in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert [a.max_speed for a in got.athletes] == [9.2, 9.31, 9.5]
    assert got.plan is not None and check_plan(got, got.plan).violations == ()
    r = run("record", "s.season.json", "--max-speed", "A1", "8", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # an overwritten max says what it was
    assert "  - Set the max speed of Athlete 1 (A1) to 8 m/s (28.8 km/h), was 9.2 m/s" in r.stdout


def test_a_record_in_s2_says_the_ladder_it_credits_when_no_run_at_that_level_is_logged(tmp_path):
    """A signing recorded in S2 on his first day here was planned 4 × 30 m at 100 % at once:
    RH-11 credits 95 % twice (the stages before S2), which nothing logged here shows. The record
    says so once, and the why of his first 100 % day says "not run here"; with a run at 95 % or
    more in the log, neither."""
    from planner.why import why_day

    said = ("Note: Recorded in S2: the sprint ladder counts 95 % as done twice (RH-11 credits the "
            "stages before S2). Athlete 2 has no run at 95 % or more logged here: if they have not "
            "done them, record them from S1, or pin their first running days lower.")
    change = ("--injury", "A2", "hamstring-strain", day(7).isoformat(), "S2", "--time-limit", "10",
              "--save")
    for log in ((), (Session(athlete="A2", date=day(4), minutes=60, rpe=6, top_speed_pct=96),)):
        s = season(weeks=4, athletes=2, today=day(7)).model_copy(update={"sessions": log})
        save_season(s, tmp_path / "s.season.json")
        r = run("record", "s.season.json", *change, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert r.stdout.count("Note: Recorded in S2: the sprint ladder") == (0 if log else 1), r.stdout
        # the re-plan's Plan Check line keeps it, with the first day the plan runs on the credit
        assert r.stdout.count("⚠ Sprint ladder: Athlete 2 (A2) runs above 95 % from ") == (
            0 if log else 1), r.stdout
        if not log:
            assert said in r.stdout
        after = load_season(tmp_path / "s.season.json")
        it = after.plan.for_athlete("A2").intensity
        first = next(i for i in range(7, len(it)) if it[i] == 100)
        ladder = [x.text for x in why_day(after, after.plan, "A2", day(first)).reasons
                  if x.rule == "RH-11"]
        credit = f"(credited at the stage record of {day_long(day(7))}, not run "
        assert any(credit + ("since" if log else "here") + ")" in t for t in ladder), ladder


def test_only_this_squad_reads_a_club_wide_export_leaving_the_other_squads_out(tmp_path):
    """A club-wide GPS export (both squads in one file) could not be read into either squad's
    file: every other squad's row was a problem, nothing logged. --only-this-squad (log, advance
    --log) leaves out the rows of players who are no one of the squad, said in one line; without
    it the refusal names the option."""
    save_season(season(weeks=4, athletes=3, today=day(7)), tmp_path / "s.season.json")
    (tmp_path / "club.csv").write_text(
        f"Player,Date,Duration,RPE\nAthlete 1,{day(1)},60,5\nTom Berger,{day(1)},70,6\n"
        f"Luis Ortega,{day(1)},70,6\nTom Berger,{day(8)},70,6\nA2,{day(8)},50,4\n")
    r = run("log", "s.season.json", "club.csv", "--until-today", "--no-replan", "--save", cwd=tmp_path)
    said = " ".join(r.stderr.split())
    assert r.returncode == 1 and "row 3, Player: 'Tom Berger': no athlete has that ID or name" in said
    assert ("2 rows of 2 players not in this squad: Tom Berger, Luis Ortega; to leave their rows "
            "out and read this squad's, run the command again with --only-this-squad.") in said
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--only-this-squad",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "--only-this-squad: says which rows of a log to read" in r.stderr
    r = run("log", "s.season.json", "club.csv", "--only-this-squad", "--until-today", "--no-replan",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2 rows of 2 players not in this squad left out: Tom Berger, Luis Ortega" in r.stdout
    assert [(x.athlete, x.date) for x in load_season(tmp_path / "s.season.json").sessions] == [
        ("A1", day(1))]
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--log", "club.csv",
            "--only-this-squad", "--overlap", "skip", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "3 rows of 2 players not in this squad left out" in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert sorted((x.athlete, x.date) for x in got.sessions) == [("A1", day(1)), ("A2", day(8))]


def test_sessions_logged_on_days_away_or_not_with_the_squad_are_noted_per_athlete(tmp_path):
    """A week with the other squad (an absence) or the weeks before a signing joined, logged
    here, were accepted silently, though those days read as away. Each athlete gets one note
    saying how many sessions fall on which days and that they count as his load; nothing else
    changes (the sessions are added)."""
    from planner.season import Unavailability
    from planner.text import span
    from tests.builders import season as small

    s = small(weeks=3, athletes=4, today=day(14))
    end = s.calendar.end
    s = s.model_copy(update={"unavailability": (
        Unavailability(athlete="A1", start=s.calendar.start, end=day(6), reason="not in the squad yet"),
        Unavailability(athlete="A2", start=s.calendar.start, end=day(1), reason="Not in the squad yet"),
        Unavailability(athlete="A2", start=day(8), end=day(10), reason="Training with first team"),
        Unavailability(athlete="A3", start=day(11), end=end, reason="left the squad"),
        Unavailability(athlete="A4", start=day(8), end=day(9), reason="family"))})
    save_season(s, tmp_path / "s.season.json")
    rows = [("A1", 2), ("A1", 3), ("A1", 8), ("A2", 1), ("A2", 8), ("A2", 9), ("A2", 10),
            ("A3", 12), ("A4", 11)]
    (tmp_path / "log.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"{a},{day(d).isoformat()},60,5\n" for a, d in rows), encoding="utf-8")
    r = run("log", "s.season.json", "log.csv", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    notes = [x for x in r.stdout.splitlines() if x.startswith("Note: ")]
    assert notes == [
        f"Note: 2 sessions of Athlete 1 (A1) before joining ({date_long(day(7))}): counted as "
        f"their load before joining.",
        f"Note: 1 session of Athlete 2 (A2) before joining ({date_long(day(2))}): counted as their "
        f"load before joining; 3 fall on days they are away (Training with first team, "
        f"{span(day(8), day(10))}): counted as their load.",
        f"Note: 1 session of Athlete 3 (A3) after leaving the squad ({date_long(day(11))}): "
        f"counted as their load."]  # A4's session is on a day with the squad: nothing said
    assert len(load_season(tmp_path / "s.season.json").sessions) == len(rows)


def test_a_signings_stage_is_recorded_on_the_day_he_joins_other_days_ahead_are_not(tmp_path):
    """The explanation's way on for a signing is his stage recorded the day he joins (his new
    club's assessment); 'record' refused it as a day after today. A day ahead that is not his
    joining day is still refused."""
    from planner.season import Unavailability
    from planner.squad import JOINED_REASON

    before = (Unavailability(athlete="A1", start=day(0), end=day(16), reason=JOINED_REASON),)
    save_season(season(weeks=8, athletes=3, matches=[5, 12, 19, 26, 33, 40, 47],
                       injuries=(injury("A1", "S1", start_day=5),), unavailable=before,
                       today=day(14)), tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--stage", "A1", "S1", day(18).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "a stage is recorded once the athlete is in it" in r.stderr
    r = run("record", "s.season.json", "--stage", "A1", "S1", day(17).isoformat(), "--save",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    stages = load_season(tmp_path / "s.season.json").injuries_of("A1")[0].stages
    assert (stages[-1].stage, stages[-1].start) == ("S1", day(17))


def test_a_way_on_no_record_gives_is_said_without_a_command(capsys):
    """More training days are a change of the settings, no fact to record: said first, with no
    'periodize record' command (none records it), and the stage record after it keeps its own."""
    from solver.api import Outcome, Remedy, Status
    from ui.cli.commands import print_conflicts

    out = Outcome(Status.INFEASIBLE, None, remedies=(
        Remedy(athlete="A1", stage="P2", date="2027-01-19", kind="training-days",
               text="Tick more training days (Season ▸ Season Settings): A1 needs 6 rehab days."),
        Remedy(athlete="A1", stage="P2", date="2027-01-04", text="If A1 is still in P2, record that.")))
    print_conflicts(out, "x.season.json")
    err = capsys.readouterr().err
    ways = [line for line in err.splitlines() if line.startswith("A way on:")]
    assert ways[0] == "A way on: Tick more training days (Season ▸ Season Settings): A1 needs 6 rehab days."
    assert ways[1].startswith("A way on: if A1 is still in P2, record that. To record it:")
    # a way on said after its cause: "the" lower case after the colon, as "if"
    cause = Remedy(athlete="A1", stage="P2", date="2027-01-04",
                   text="The 10 days off of 20 to 29 Dec 2026 hold no rehab session. If A1 is still in P2, record that.")
    print_conflicts(Outcome(Status.INFEASIBLE, None, remedies=(cause,)), "x.season.json")
    assert "A way on: the 10 days off of 20 to 29 Dec 2026 hold no rehab session. If A1" in capsys.readouterr().err
    setting = Remedy(athlete="A1", stage="", date="", kind="rule",
                     text="The 10 days off hold no rehab session. Set RH-11 from 2 to 1.")
    print_conflicts(Outcome(Status.INFEASIBLE, None, remedies=(setting,)), "x.season.json")
    alone = capsys.readouterr().err
    assert "A way on: the 10 days off hold no rehab session. Set RH-11 from 2 to 1.\n" in alone
    assert "periodize record" not in alone  # a setting: no command records it
    assert err.count("periodize record") == 1 and "--stage A1 P2 2027-01-04" in err


def test_record_test_writes_a_criteria_result_as_the_injuries_editor_does(tmp_path):
    """`periodize record --help` had --stage, --flare-up, --injury and no way to record a test.
    --test ATHLETE "TEST NAME" VALUE DATE records it to the injury governing DATE, the name read
    as the editor reads it (case ignored), a near miss proposed, the value checked as the editor
    checks it; every refusal named with its fix, and nothing written."""
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-3),), today=day(7))
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    when = day(5).isoformat()
    refused = {
        ("A1", "Hip-flexor strenght LSI", "82", when):
            "'Hip-flexor strenght LSI' is not a criteria test of persistent iliopsoas "
            "tendinopathy; did you mean 'Hip-flexor strength LSI'?",
        ("A1", "Vertical jump", "82", when): "its tests are 'Hip-flexor strength LSI' (P2); ",
        ("A1", "Hip-flexor strength LSI", "0.82", when):
            "0.82 reads as a ratio, not a percentage; write 82 for 82 % (Hip-flexor strength LSI)",
        ("A1", "Hip-flexor strength LSI", "high", when): "'high' is not a number; give the result "
                                                         "as a number, e.g. 80 for 80 %",
        ("A1", "Hip-flexor strength LSI", "82", day(9).isoformat()):
            f"{date_long(day(9))} is after today (",
        ("A2", "Hip-flexor strength LSI", "82", when): "has no injury",
    }
    for spec, words in refused.items():
        r = run("record", "s.season.json", "--test", *spec, "--save", cwd=tmp_path)
        assert r.returncode == 1 and f"--test: {spec[0]} " in r.stderr and words in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    r = run("record", "s.season.json", "--test", "Athlete 1", "hip-flexor strength lsi", "82 %", when,
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Athlete 1 (A1): Hip-flexor strength LSI 82 % on {date_long(day(5))}" in r.stdout
    assert "Hip-flexor strength LSI 82 %: pass mark ≥ 80 %, this result passes." in r.stdout
    after = load_season(tmp_path / "s.season.json")
    (t,) = after.injury_of("A1").tests
    assert (t.name, t.value, t.unit, t.date) == ("Hip-flexor strength LSI", 82.0, "%", day(5))
    assert check_plan(after, after.plan).violations == ()
    assert "--test ATHLETE TEST VALUE DATE" in run("record", "--help", cwd=tmp_path).stdout


def test_record_test_judges_a_result_against_the_pass_mark_the_editor_shows(tmp_path):
    """An athlete in S1 (no tests) got a Hip-flexor strength LSI of 85 %: `record --test` checked
    it against S3's ≥ 90 % (as the editor's form does) but its note said "pass mark ≥ 80 %, this
    result passes" (P2's) and that it would count "once P2 is recorded". One reading: S3's."""
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "S1", start_day=-3),), today=day(7))
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--test", "A1", "Hip-flexor strength LSI", "85",
            day(5).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Hip-flexor strength LSI 85 %: pass mark ≥ 90 %, this result does not pass yet." in r.stdout, r.stdout
    assert "(a failing one holds the athlete in S3) once S3 is recorded" in r.stdout, r.stdout


def test_advance_accept_over_a_failed_test_says_what_the_app_asks(tmp_path):
    """``advance --accept`` recorded S1 over P3's failed Hip-flexor strength LSI and said only
    "recorded without a passing test ... record the results", though the result was on record
    and failed; Move Today asks first. It says the question's words, as ``record --stage`` does."""
    from planner.season import CriteriaTest
    from solver import SolveRequest, solve

    passed = injury("A1", "P3", start_day=-13).model_copy(update={"tests": (
        CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=92, unit="%"),)})
    s = season(weeks=6, athletes=2, injuries=(passed,))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    failed = passed.model_copy(update={"tests": (
        CriteriaTest(date=day(5), name="Hip-flexor strength LSI", value=60, unit="%"),)})
    save_season(s.model_copy(update={"injuries": (failed,)}), tmp_path / "s.season.json")
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--accept", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "enters S1" in r.stdout and "Recorded as history." in r.stdout, r.stdout
    assert "  Note: Athlete 1 (A1) has not finished P3 on " in r.stdout, r.stdout
    assert ("Hip-flexor strength LSI 60 % on Sat 9 Jan 2027 (pass mark ≥ 90 %) fails: RH-CRIT "
            "holds the athlete in P3 until the retest") in r.stdout, r.stdout


def test_record_unavailable_keeps_its_reason_for_the_board_and_the_handout(tmp_path):
    """`record --unavailable` took no reason, so an ill player's handout said only "Away —
    Unavailable"; the reason (several words, unquoted) is kept, and too few words are refused
    before anything is stored."""
    from planner.sessions import Prescriber

    s = season(weeks=4, athletes=2, today=day(7))
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("record", "s.season.json", "--unavailable", "A2", day(8).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "--unavailable: " in r.stderr and "give ATHLETE FROM TO" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    # the season file written last is the file, not a word of the reason
    r = run("record", "--save", "--time-limit", "20", "--unavailable", "A2", day(8).isoformat(),
            day(9).isoformat(), "ill,", "flu", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    stored = load_season(tmp_path / "s.season.json")
    assert [(u.athlete, u.start, u.end, u.reason) for u in stored.unavailability] == [
        ("A2", day(8), day(9), "ill, flu")]
    assert Prescriber(stored, stored.plan).away_reason("A2", 8) == "ill, flu"  # the handout's words


@pytest.mark.parametrize("argv, season, specs", [
    (["record", "--unavailable", "A2", "2027-01-05", "2027-01-06", "ill", "s.season.json"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06", "ill"]]),
    (["--debug", "whatif", "--new", "X", "--day-off", "2027-01-05", "Pitch", "frozen", "S.Season.JSON"],
     "S.Season.JSON", None),
    (["record", "s.season.json", "--unavailable", "A2", "2027-01-05", "2027-01-06", "t.season.json"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06", "t.season.json"]]),  # file first: a reason
    (["whatif", "--new", "a.season.json", "--injury", "A1", "hamstring-strain", "2027-01-05", "s.season.json"],
     "s.season.json", []),
    # written with '=' or abbreviated as argparse allows: the same option
    (["record", "--unavailable=A2", "2027-01-05", "2027-01-06", "ill", "s.season.json"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06", "ill"]]),
    (["record", "--unavail", "A2", "2027-01-05", "2027-01-06", "s.season.json"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06"]]),
    (["record", "--save", "--unav=A2", "2027-01-05", "2027-01-06", "s.season.json"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06"]]),
    (["record", "s.season.json", "--unavailable=A2", "2027-01-05", "2027-01-06", "a=b"],
     "s.season.json", [["A2", "2027-01-05", "2027-01-06", "a=b"]]),  # file first: left as it is
])
def test_a_season_file_after_an_open_ended_option_is_the_commands_file(argv, season, specs):
    """`record --unavailable A2 FROM TO s.season.json` read the file as a word of the reason
    and then said "the following arguments are required: FILE.season.json"; likewise after
    --day-off and --injury, whose last words are free, and after `--unavailable=A2` or the
    option abbreviated (`--unavail`), as argparse reads them."""
    from ui.cli.main import _parse, build_parser

    args = _parse(build_parser(), argv)
    assert args.season == season
    if specs is not None:
        assert args.unavailable == specs


def test_a_date_with_a_two_digit_year_is_read_on_the_command_line_as_in_the_app(tmp_path):
    """'--today 8.1.27' and '--unavailable A1 11.1.27 12.1.27' were "not a date; write it as
    YYYY-MM-DD or DD/MM/YYYY", while the app's date fields and the session log read them; the
    hint did not name the dotted form the coach types."""
    save_season(season(weeks=4, athletes=2, today=day(1)), tmp_path / "s.season.json")
    r = run("advance", "s.season.json", "--today", "8.1.27", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").calendar.today == day(4)
    r = run("record", "s.season.json", "--unavailable", "A1", "11.1.27", "12.01.27", "ill",
            "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    got = load_season(tmp_path / "s.season.json")
    assert [(u.athlete, u.start, u.end) for u in got.unavailability] == [("A1", day(7), day(8))]
    assert check_plan(got, got.plan).violations == ()
    r = run("advance", "s.season.json", "--today", "8 1 27", cwd=tmp_path)
    assert r.returncode == 1
    assert "write it as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY, or 'next-week'" in r.stderr


def test_advance_reads_a_today_with_a_time_and_a_time_zone_as_its_date(tmp_path):
    """``--today 2026-08-31T00:00:00Z`` (as an AMS or a GPS API writes a day) was "not a date"."""
    s = season(weeks=4, athletes=2, today=day(0))
    save_season(s, tmp_path / "s.season.json")
    for text in (f"{day(7)}T18:00:00Z", f"{day(7)}T18:00:00+01:00", f"{day(7)}T23:30:00-05:00"):
        r = run("advance", "s.season.json", "--today", text, "--save", "--no-replan", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert load_season(tmp_path / "s.season.json").calendar.today == day(7)  # as written


def test_log_lists_a_hamstring_returners_pain_just_below_the_flare_up_threshold(tmp_path):
    """Two sprints logged at 2/10 by a hamstring returner in S1 (the protocol's flare-up threshold
    is 3): nothing proposed, but `log` names both days and says once what to do; a fit player's
    2/10 stays unsaid, and the same log again says nothing new."""
    rec = injury("A1", "S1", start_day=-3).model_copy(update={"protocol": "hamstring-strain"})
    s = season(weeks=6, athletes=2, injuries=(rec,), today=day(10))
    save_season(s, tmp_path / "s.season.json")
    (tmp_path / "log.csv").write_text(
        "Athlete ID,Date,Minutes,RPE,Top speed %,Pain,Note\n"
        f"A1,{day(4).isoformat()},60,6,95,2,tight posterior thigh\n"
        f"A1,{day(6).isoformat()},60,6,95,2,same again\nA2,{day(6).isoformat()},75,6,,2,\n",
        encoding="utf-8")
    r = run("log", "s.season.json", "log.csv", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    pains = [line for line in r.stdout.splitlines() if line.startswith("Pain: ")]
    assert pains == [f"Pain: Athlete 1 (A1) logged pain 2/10 on {day_long(day(d))} in S1 (acute "
                     f"hamstring strain), just below the protocol's 3/10 for a flare-up: the plan "
                     f"counts the session as done." for d in (4, 6)], r.stdout
    assert r.stdout.count("If a session was not pain-free, hold the athlete at that level") == 1
    assert "Proposed flare-up" not in r.stdout and "Athlete 2 (A2) logged pain" not in r.stdout
    after = load_season(tmp_path / "s.season.json")
    assert after.injury_of("A1").flare_ups == ()  # nothing recorded for it
    r = run("log", "s.season.json", "log.csv", "--overlap", "skip", cwd=tmp_path)
    assert r.returncode == 0 and "Pain: " not in r.stdout, r.stdout + r.stderr


def test_record_of_the_same_injury_soon_after_the_return_names_the_flare_up_instead(tmp_path):
    """Kofi's tendinopathy recorded again 7 days after his return started again from P1 (back
    21 Dec) with no word that a flare-up (back to S3) is the usual alternative."""
    back = injury("A1", "FIT", start_day=0, history=(("S3", -10),))
    save_season(season(weeks=4, athletes=2, injuries=(back,), today=day(8)), tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--injury", "A1", back.protocol, day(7).isoformat(),
            "--time-limit", "10", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Note: Athlete 1 (A1): a flare-up recorded on {day_long(day(7))} instead takes them "
            f"back to S3 sport-specific drills, not P1 (the usual way when the same symptoms come "
            f"back this soon after the return): periodize record s.season.json --flare-up A1 "
            f"{day(7).isoformat()} --save instead of --injury.") in r.stdout, r.stdout
    r = run("record", "s.season.json", "--injury", "A1", "hamstring-strain", day(7).isoformat(),
            "--time-limit", "10", cwd=tmp_path)
    assert r.returncode == 0 and "flare-up recorded on" not in r.stdout, r.stdout


def test_a_retest_passed_on_the_day_the_next_stage_is_recorded_counts_for_leaving_the_stage(tmp_path):
    """P3's hip-flexor test failed (80 %) and held the athlete until the retest a week later; on
    that day the retest passed (92 %, `record --test`) and S1 was recorded from it (`record
    --stage`, as Move Today records the move): `explain --return` then said "recorded without a
    passing test: P3's Hip-flexor strength LSI (≥ 90 %)". The retest counts for leaving P3."""
    from planner.season import CriteriaTest

    failed = injury("A1", "P3", start_day=-20).model_copy(update={"tests": (
        CriteriaTest(date=day(0), name="Hip-flexor strength LSI", value=80, unit="%"),)})
    save_season(season(weeks=6, athletes=2, injuries=(failed,), today=day(7)),
                tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--test", "A1", "Hip-flexor strength LSI", "92",
            day(7).isoformat(), "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0 and "this result passes" in r.stdout, r.stdout + r.stderr
    r = run("record", "s.season.json", "--stage", "A1", "S1", day(7).isoformat(), "--save",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "held" not in r.stdout and "without a passing test" not in r.stdout, r.stdout
    r = run("explain", "s.season.json", "--return", "A1", cwd=tmp_path)
    assert r.returncode == 0 and "earliest return to FIT" in r.stdout, r.stderr
    assert "without a passing test" not in r.stdout and "P3's" not in r.stdout, r.stdout
    stored = load_season(tmp_path / "s.season.json")
    assert check_plan(stored, stored.plan).ok
    # the same sequence with a failing retest that morning: the record says so
    r = run("record", "s.season.json", "--test", "A1", "Hip-flexor strength LSI", "85",
            day(7).isoformat(), "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("explain", "s.season.json", "--return", "A1", cwd=tmp_path)
    assert "recorded without a passing test: P3's Hip-flexor strength LSI (≥ 90 %)" in r.stdout, r.stdout


def test_explain_return_says_a_return_recorded_without_a_passing_test(tmp_path):
    """Kofi's return was recorded (Move Today's "→ full training ⚠ waits on a test") over S3's
    tests not passed: `explain --return` read "back to full training since Mon 5 Oct 2026
    (recorded)." as for a return every test passed; only the workbook's Returns sheet named the
    tests. It says so in the Returns sheet's words."""
    from planner.returns import returns
    from tests.planner.test_returns import recorded, untested_back

    s = untested_back()
    save_season(s, tmp_path / "s.season.json")
    r = run("explain", "s.season.json", "--return", "A1", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    [ret] = returns(s, s.plan, history=True)
    first, said = r.stdout.splitlines()[:2]
    assert first == f"Athlete 1 (A1): back to full training since {day_long(day(4))} (recorded)."
    assert said == f"  {ret.provisional_words()}." == (
        "  recorded without a passing test (S3's Hip-flexor strength LSI (≥ 90 %)).")
    passed = recorded(tests=((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1)))
    save_season(passed, tmp_path / "s.season.json")
    r = run("explain", "s.season.json", "--return", "A1", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0 and "without a passing test" not in r.stdout, r.stdout


def test_explain_return_says_an_untested_return_as_the_returns_panel_does(monkeypatch):
    """`explain --return` decided "recorded without a passing test" with its own reading of the
    records, with no window: a return recorded untested months ago was flagged there and by
    nothing else. It reads the shared untested returns of the stored plan: within
    RECENT_RETURN_DAYS as the Returns panel says it, a return longer ago as history, with its
    day; a return recorded with every test passed, or without a stored plan, says nothing."""
    import planner.progress
    from planner.progress import untested_return_line
    from tests.planner.test_returns import recorded, untested_back

    s = untested_back()  # back Fri 8 Jan (day 4), today day 6
    said = "recorded without a passing test (S3's Hip-flexor strength LSI (≥ 90 %))"
    assert untested_return_line(s, "A1") == said
    monkeypatch.setattr(planner.progress, "RECENT_RETURN_DAYS", 1)
    assert untested_return_line(s, "A1") == (f"{said}, back {day_long(day(4))}: more than 1 days ago, "
                                         f"no longer flagged")
    monkeypatch.undo()
    assert untested_return_line(s.model_copy(update={"plan": None}), "A1") == ""
    passed = recorded(tests=((-2, "Hip-flexor strength LSI", 95), (-2, "Pain during max sprint", 1)))
    assert untested_return_line(passed.model_copy(update={"plan": s.plan}), "A1") == ""


def test_record_test_says_the_hold_a_failed_result_sets_and_the_return_says_it_failed(tmp_path):
    """`record --test` on a failing result printed only "this result does not pass yet", though
    docs/cli.md says record shows the hold in the Inspector's words ("P3 held until retest on
    …"), and the Returns list after it said "P3's Hip-flexor strength LSI (≥ 90 %) not passed
    yet", as if it was never tested."""
    from planner.text import day_long

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=-15),), today=day(2))
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--test", "A1", "Hip-flexor strength LSI", "82",
            day(1).isoformat(), "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Note: Hip-flexor strength LSI 82 % on {day_long(day(1))} (pass mark ≥ 90 %): P3 held "
            f"until retest on {day_long(day(8))}.\n") in r.stdout, r.stdout
    assert (f"(provisional: P3's Hip-flexor strength LSI (≥ 90 %) failed 82 % on {day_long(day(1))}, "
            f"retest from {day_long(day(8))}") in r.stdout, r.stdout


def test_a_replan_lists_the_days_it_changed_from_the_stored_plan(tmp_path):
    """`advance` said nothing of the days its re-plan changed (the app: only how many). It lists
    them, an athlete a line, each day from and to, the first ten of an athlete and how many more."""
    from planner.season import CriteriaTest

    hurt = injury("A1", "P3", start_day=-13).model_copy(update={"tests": (
        CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=92, unit="%"),)})
    s = season(weeks=6, athletes=4, injuries=(hurt,))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                                for a in s.athletes)})
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    planned = load_season(tmp_path / "s.season.json")
    ap = planned.plan.for_athlete("A1")
    # A1's week run below each step of the ladder: the return moves, and the days after today
    (tmp_path / "log.csv").write_text("Athlete ID,Date,Minutes,RPE,Top speed %\n" + "".join(
        f"A1,{day(i)},45,4,{ap.intensity[i] - 1}\n" for i in range(7) if ap.intensity[i] >= 60))
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--log", "log.csv",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    old, new = planned.plan, load_season(tmp_path / "s.season.json").plan
    changed = [(a.athlete, d) for a in new.athletes for d in range(7, len(a.intensity))
               if (a.stages[d], a.intensity[d]) != (old.for_athlete(a.athlete).stages[d],
                                                    old.for_athlete(a.athlete).intensity[d])]
    assert len(changed) > 10 and {a for a, _d in changed} == {"A1"}, changed
    assert f"\n{len(changed)} athlete-days changed from the stored plan:\n" in r.stdout
    line = r.stdout.split("athlete-days changed from the stored plan:", 1)[1].splitlines()[1]
    assert line.startswith("  Athlete 1 (A1): ")
    b = new.for_athlete("A1")
    for _a, d in changed[:10]:
        lv = [f"{x} %" for x in (ap.intensity[d], b.intensity[d])]
        if ap.stages[d] != b.stages[d]:
            lv = [f"{'fit' if st == FIT else st} {x}" for st, x in zip((ap.stages[d], b.stages[d]), lv,
                                                                       strict=True)]
        assert f"{text_day(day(d))} {lv[0]} → {lv[1]}" in line, (d, line)
    assert text_day(day(changed[10][1])) + " " not in line.split("; and ")[0]  # ten named, then
    assert line.endswith(" more")  # how many more


def test_record_says_a_close_season_absence_goes_in_the_next_season(tmp_path):
    """At the season's end (today the day after its last day) a loan over the close season was
    refused "before today" or "after the season ends" with no way on: each refusal says to enter
    it in the next season, and the file is left as it was."""
    s = season(weeks=2, athletes=2)
    end = s.calendar.end
    s = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"today": end + dt.timedelta(days=1)})})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    way = (f"the season ended on {date_long(end)}, so enter it in the next season (File ▸ New ▸ "
           f"Next season after “Test season”, or periodize next-season), then record it there")
    later = (end + dt.timedelta(days=140)).isoformat()
    for start in (end - dt.timedelta(days=6), end + dt.timedelta(days=1)):
        r = run("record", "s.season.json", "--unavailable", "A1", start.isoformat(), later, "loan",
                "--save", cwd=tmp_path)
        assert r.returncode == 1 and way in r.stderr, r.stderr
        assert "record the absence from today on" not in r.stderr
        assert "Traceback" not in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before


def test_advance_without_accept_says_the_stage_above_which_a_speed_was_logged_is_the_recorded_one(
        tmp_path):
    """Mateo in P1, the plan projecting P2 from Tue 6 Oct: `advance` without --accept said "Not
    recorded … the athletes stay in their stages", then "Above the stage: … logged 60 % … in P1",
    then Returns "now P2, planned; P1 recorded": a physio could not tell whether P2 held. The
    line says P1 is the recorded stage and P2 the projected one that --accept records."""
    from planner.season import Injury, StageRecord

    hurt = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-2),
                  stages=(StageRecord(stage="P1", start=day(-2)),))
    s = season(weeks=8, athletes=2, injuries=(hurt,), today=day(0))
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    st = load_season(tmp_path / "s.season.json").plan.for_athlete("A1").stages
    p2 = next(i for i in range(5) if st[i] == "P2")  # P1's 3 days are over on day 1
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Top speed %\n"
                                       f"A1,{day(p2 + 1).isoformat()},45,4,60\n")
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--log", "week.csv",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Not recorded (add --accept" in r.stdout
    (line,) = [x for x in r.stdout.splitlines() if x.startswith("Above the stage: ")]
    assert line == (f"Above the stage: Athlete 1 (A1) logged 60 % of max speed on "
                    f"{day_long(day(p2 + 1))} in P1 (no running; recorded, P2 projected from "
                    f"{day_long(day(p2))}: --accept records it); worth a word with the athlete and "
                    f"the physio."), line
    # recorded: P2 holds, and 60 % is within it
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--log", "week.csv",
            "--accept", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Above the stage" not in r.stdout and "Recorded as history." in r.stdout, r.stdout


def test_advance_whose_log_adds_nothing_refuses_to_move_over_days_with_nothing_logged(tmp_path):
    """The Monday script run twice (a retry, last week's export not yet replaced): 'advance
    --today next-week --log week.csv --save' read the log a second time, every row already in
    the season ("Counted once", "Added 0 sessions"), moved today another week, counted that week
    as planned and exited 0. Now refused, nothing stored, the file and the way on named."""
    s = season(weeks=4, athletes=2, today=day(7))
    save_season(s, tmp_path / "s.season.json")
    rows = [f"A{a},{day(d)},60,5\n" for a in (1, 2) for d in range(7, 13)]
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(rows))
    r = run("advance", "s.season.json", "--today", "next-week", "--log", "week.csv", "--save",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").calendar.today == day(14)
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("advance", "s.season.json", "--today", "next-week", "--log", "week.csv", "--save",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert (f"week.csv adds nothing: all its {len(rows)} sessions are already in the season (it "
            f"was read before?)") in r.stderr, r.stderr
    assert ("Nothing changed. Give this week's log, or move today without --log to count the "
            "days as planned.") in r.stderr
    assert "Traceback" not in r.stderr and "Today is" not in r.stdout
    assert (tmp_path / "s.season.json").read_bytes() == before
    # an export with no rows (a GPS export that failed) is refused alike, with its own reason
    (tmp_path / "empty.csv").write_text("Athlete ID,Date,Minutes,RPE\n")
    r = run("advance", "s.season.json", "--today", "next-week", "--log", "empty.csv", "--save",
            "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and "empty.csv adds nothing: the log holds no session" in r.stderr, r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    # the way on said: without --log the days count as planned, and that move is made
    r = run("advance", "s.season.json", "--today", "next-week", "--save", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and load_season(tmp_path / "s.season.json").calendar.today == day(21)


def test_the_command_lines_season_review_example_follows_the_weekly_loops_advance(advanced):
    """docs/cli.md's `load --review` example ran on the fresh demo, whose today is its first day:
    every player's row 0. The weekly loop now shows it after its advance with the demo's log, and
    that review has the four months logged in it (run here on the fixture's copy of that season)."""
    from tests.guidetext import ROOT

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    loop = text.split("## The weekly loop", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].split() for line in loop.splitlines()
                if line.startswith("periodize ")]
    advance = next(c for c in commands if c[1] == "advance")
    assert "--log" in advance and "demo-sessions.csv" in advance
    review = next((c for c in commands if c[1] == "load" and "--review" in c), None)
    assert review, "the weekly loop of docs/cli.md shows no 'periodize load … --review'"
    # after the advance, on the season it moved on
    assert commands.index(advance) < commands.index(review) and review[2] == advance[2]
    r = run(*[a if a != review[2] else "demo.season.json" for a in review[1:]], cwd=advanced[2])
    assert r.returncode == 0, r.stderr
    assert "Season so far: 3 Aug to 30 Nov 2026" in r.stdout.splitlines()[0]
    started = [int(m.group(1)) for m in re.finditer(r"^.+ \(A\d+\)\s+(\d+)\s", r.stdout, re.M)]
    assert len(started) >= 20 and sum(started) > 0  # matches started: not a table of zeros


def test_a_flare_up_proposed_after_today_comes_with_commands_that_work_in_their_order(tmp_path):
    """An import kept today (the workbook's Today waits for advance) and proposed 'record
    --flare-up' for a pain after today, which record then refused (a flare-up is recorded once
    it happened); moving today first with --accept recorded the stage changes the plan projected
    past the pain. The import and advance now give the commands in an order that works: run in
    that order each succeeds, the flare-up is recorded and no projected change past it is."""
    from planner.coachform.write import save_template_form

    solved, step = _in_s1_solved(tmp_path, last=30)
    stages = solved.plan.for_athlete("A1").stages
    pain, later = day(max(1, step - 1)), day(step + 2)  # after today, before the planned change
    lived = solved.model_copy(update={
        "calendar": solved.calendar.model_copy(update={"today": later}),
        "sessions": (Session(athlete="A1", date=pain, minutes=60, rpe=4, pain=7),)})
    save_template_form(lived, tmp_path / "wb.xlsx")
    r = run("import", "wb.xlsx", "-o", "s.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Proposed flare-up: Athlete 1 (A1) logged pain 7/10" in r.stdout, r.stdout
    assert f"It is on or after today ({day_long(day(0))})" in r.stdout
    steps = re.findall(r"^  \d+\. (periodize .*?)(?: \(.*)?$", r.stdout, flags=re.M)
    assert [x.split()[1] for x in steps] == ["advance", "record", "advance"], r.stdout
    # an advance not saved gives the same order
    r = run("advance", "s.season.json", "--today", later.isoformat(), "--accept", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert re.findall(r"^  \d+\. (periodize .*?)(?: \(.*)?$", r.stdout, flags=re.M) == steps
    for command in steps:
        r = run(*shlex.split(command)[1:], cwd=tmp_path)
        assert r.returncode == 0, command + "\n" + r.stdout + r.stderr
    after = load_season(tmp_path / "s.season.json")
    assert after.calendar.today == later
    (rec,) = after.injuries_of("A1")
    assert pain in rec.flare_ups
    projected = {(stages[i], day(i)) for i in range(1, (later - day(0)).days)
                 if stages[i] != stages[i - 1] and day(i) >= pain}
    assert projected and not projected & {(x.stage, x.start) for x in rec.stages}, rec.stages
    assert check_plan(after, after.plan).violations == ()


def test_advance_says_the_notes_that_depend_on_today_for_the_new_today(tmp_path):
    """Every advance after an import ended with the note made when the file was read, "… is
    after today (the old today) … left out until today passes it … move today on", printed after
    today had moved past it. Now such a note is said for the new today, or not at all."""
    s = season(weeks=4, athletes=1, today=day(0)).model_copy(update={"sessions": (
        Session(athlete="A1", date=day(2), minutes=60, rpe=5),
        Session(athlete="A1", date=day(9), minutes=60, rpe=5))})
    save_season(s, tmp_path / "s.season.json")
    r = run("advance", "s.season.json", "--today", day(7).isoformat(), "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"is after today ({day(0).isoformat()})" not in r.stderr, r.stderr
    assert (f"sessions[1].date: {day(9).isoformat()} is after today ({day(7).isoformat()}); a "
            f"session counts in the load once it happened") in r.stderr, r.stderr
    r = run("advance", "s.season.json", "--today", day(14).isoformat(), "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "is after today" not in r.stderr and "Note:" not in r.stderr, r.stderr


def test_advance_before_the_season_names_its_first_day_as_the_today_with_nothing_past(tmp_path):
    """A today before the season start is refused, as in the app's Move Today, while a today
    before the start means no past: the refusal now gives the season's first day, which
    means just that, so the coach knows what to give."""
    s = season(weeks=4, athletes=1, today=day(3))
    save_season(s, tmp_path / "s.season.json")
    r = run("advance", "s.season.json", "--today", (day(0) - dt.timedelta(days=30)).isoformat(),
            "--save", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert (f"is before the season starts ({day_long(day(0))}); give {day(0).isoformat()}, the "
            f"season's first day: with it nothing is past yet, as with any day before the "
            f"season") in " ".join(r.stderr.split()), r.stderr
    r = run("advance", "s.season.json", "--today", day(0).isoformat(), "--save", "--no-replan",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").calendar.today == day(0)


def test_next_week_in_the_season_s_last_week_says_it_stops_at_the_day_after_the_season(tmp_path):
    """'advance --today next-week' in a last week that ends on a Tuesday landed on the
    Wednesday after the season without saying that next week's Monday was cut back to it."""
    s = season(weeks=4, athletes=1, matches=[5, 12, 19], today=day(21))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"end": day(22)})})
    save_season(s, tmp_path / "s.season.json")
    r = run("advance", "s.season.json", "--today", "next-week", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Note: next week starts {day_long(day(28))}, after the season ends "
            f"({day_long(day(22))}): today moves to the day after the season, "
            f"{day_long(day(23))} (all of it played).") in r.stdout, r.stdout
    assert f"Today is {day(23).isoformat()}" in r.stdout
    # a next week inside the season: nothing to say
    full = season(weeks=4, athletes=1, today=day(14))
    save_season(full, tmp_path / "f.season.json")
    r = run("advance", "f.season.json", "--today", "next-week", "--no-replan", cwd=tmp_path)
    assert r.returncode == 0 and "Note: next week" not in r.stdout, r.stdout


def test_record_says_a_speed_logged_as_planned_before_a_flare_up_as_such(tmp_path):
    """'record --flare-up' warned "Above the stage: … logged 80 % … in P2 (at most 70 %); worth a
    word with the athlete and the physio" for the plan's own P3 session, logged as planned the
    day after the flare-up before it was recorded. That day is now said as logged as planned;
    a day logged above the cap the plan gave it keeps the plain warning."""
    s = season(weeks=4, athletes=1, matches=[12, 19],
               injuries=(injury("A1", "P3", start_day=-20, history=(("P2", -40),)),), today=day(0))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    solved = load_season(tmp_path / "s.season.json")
    ap = solved.plan.for_athlete("A1")
    planned, over = [i for i in range(1, 8) if ap.stages[i] == "P3"][:2]
    stages = list(ap.stages)
    stages[over] = "P2"  # the plan gave that day P2 (at most 70 %)
    plan = solved.plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"stages": tuple(stages)}) if a.athlete == "A1" else a
        for a in solved.plan.athletes)})
    lived = solved.model_copy(update={
        "plan": plan, "calendar": solved.calendar.model_copy(update={"today": day(8)}),
        "sessions": (Session(athlete="A1", date=day(planned), minutes=60, rpe=5, top_speed_pct=80),
                     Session(athlete="A1", date=day(over), minutes=60, rpe=5, top_speed_pct=78))})
    save_season(lived, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--flare-up", "A1", day(0).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (f"Logged as planned: Athlete 1 (A1) logged 80 % of max speed on "
            f"{day_long(day(planned))} in P3, as the plan had it (at most 80 %) before this "
            f"record; that day now falls in P2 (at most 70 %).") in r.stdout, r.stdout
    above = [x for x in r.stdout.splitlines() if x.startswith("Above the stage: ")]
    assert above == [f"Above the stage: Athlete 1 (A1) logged 78 % of max speed on "
                     f"{day_long(day(over))} in P2 (at most 70 %); worth a word with the "
                     f"athlete and the physio."], r.stdout


def test_a_pin_that_cannot_hold_is_removed_with_the_command_the_way_on_names(tmp_path):
    """Review 278 F3: the way on for a pin that cannot hold said "remove it (on the board:
    right-click the day ▸ Pin intensity)", but no command removed a pin, and the board's item is
    "Unpin …". The way on now names ``--unpin`` (record and whatif have it) and the board's item,
    and the command it prints gives the season a plan (the checker's)."""
    from planner.season import Injury, IntensityPin, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    keep = IntensityPin(athlete="A2", date=day(3), intensity=60)
    s = season(weeks=4, athletes=2, injuries=(rec,),
               pins=(IntensityPin(athlete="A1", date=day(2), intensity=90), keep))
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    d = day(2).isoformat()
    assert (f"remove it (--unpin A1 {d}; on the board: right-click the day ▸ Pin intensity ▸ "
            f"80 %, or ▸ Unpin Athlete 1 (A1) at 90 % on {date_long(day(2))})") in r.stderr, r.stderr
    command = f"periodize record s.season.json --unpin A1 {d} --save"
    assert f"To remove it:\n  {command}" in r.stderr, r.stderr
    # a pin that is not there is refused with the athlete's pins
    r = run("record", "s.season.json", "--unpin", "A1", day(3).isoformat(), cwd=tmp_path)
    assert r.returncode != 0 and f"has no pin on {date_long(day(3))}; their pins are on {d}" in r.stderr
    r = run(*command.split()[1:], "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Unpin Athlete 1 (A1) at 90 % on {date_long(day(2))}" in r.stdout, r.stdout
    stored = load_season(tmp_path / "s.season.json")
    assert stored.pins == (keep,)
    assert stored.plan is not None and not check_plan(stored, stored.plan).violations
    # a what-if without the other pin: its list names the unpin
    r = run("whatif", "s.season.json", "--new", "No pin", "--unpin", "A2", day(3).isoformat(),
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"  - Unpin Athlete 2 (A2) at 60 % on {date_long(day(3))}" in r.stdout, r.stdout
    # the team's week pin: pinned and removed by the command line alone
    week = day(15).isoformat()
    assert run("record", "s.season.json", "--pin-week", week, "deload", "--save",
               cwd=tmp_path).returncode == 0
    assert any(p.kind == "week" for p in load_season(tmp_path / "s.season.json").pins)
    r = run("record", "s.season.json", "--unpin-week", week, "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").pins == (keep,)
    r = run("record", "s.season.json", "--unpin-week", week, cwd=tmp_path)
    assert r.returncode != 0 and "is not pinned" in r.stderr, r.stderr


def test_a_scenario_whose_pin_cannot_hold_gets_the_way_on_a_solve_gives_in_its_words(tmp_path):
    """Review 278 F2: a scenario's re-plan that found no plan named the pin and HV-5, with no
    "A way on" line where a solve of the season gives one. It gives it now, in the scenario's
    words (the pin is the scenario's: it is left out or lowered, not unpinned on the board);
    lowered as said, the scenario has a plan."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    save_season(season(weeks=4, athletes=2, injuries=(rec,)), tmp_path / "s.season.json")
    d = day(2).isoformat()
    r = run("whatif", "s.season.json", "--new", "Sprint Wednesday", "--pin", "A1", d, "90",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert (f"A way on: the scenario's pin of 90 % on {day_long(day(2))} for Athlete 1 (A1) "
            f"cannot hold: make the scenario again without it, or with it at 80 %, and it has a "
            f"plan.") in r.stderr, r.stderr
    r = run("whatif", "s.season.json", "--new", "Sprint Wednesday", "--pin", "A1", d, "80",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0 and "Re-plan: " in r.stdout, r.stderr
