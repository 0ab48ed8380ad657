"""Seasons a coach can make that used to be taken or changed without a word: each is refused or
pointed out where it is entered (the season file, the coach workbook, an edit)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import edits as E
from planner.coachform.read import import_workbook
from planner.coachform.write import save_template_form, training_days_text
from planner.errors import InputError
from planner.season import Block, Competition, MatchRole, NonTrainingDay
from planner.seasonfile import season_from_dict, season_to_dict
from tests.builders import day, injury, season, solved_and_checked
from tests.planner.test_coachform import SEASON_ROWS, book, problems_of

D = dt.date


def _file_problems(data: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        season_from_dict(data, "club.season.json")
    return err.value.problems


# -- no training weekday ---------------------------------------------------------------------------
def test_a_season_file_without_a_training_weekday_reads_with_a_note_naming_the_fix():
    data = season_to_dict(season())
    data["calendar"]["training_days"] = []
    notes: list[str] = []
    assert season_from_dict(data, "club.season.json", notes).calendar.training_days == ()
    [note] = notes
    assert note.startswith("calendar.training_days: lists no weekday; a season needs at least "
                           "one training weekday")
    assert '["tue", "thu"]' in note and "Season ▸ Season Settings" in note


def test_an_edit_that_unticks_every_training_weekday_is_refused():
    s = season()
    with pytest.raises(InputError, match="a season needs at least one training weekday"):
        E.SetSeasonSettings(training_days=()).apply(s)


@pytest.mark.parametrize("cell", ["none", " , "])
def test_a_workbook_training_days_cell_with_no_weekday_is_refused_on_its_row(tmp_path, cell):
    path = book(tmp_path, Season=SEASON_ROWS + [("Training days", cell)])
    [problem] = problems_of(path)
    assert problem.startswith("Season, row 5 (Training days): lists no weekday; a season needs at "
                              "least one training weekday")
    assert "write e.g. Mon-Sat" in problem


# -- the coach workbook round trip -----------------------------------------------------------------
@pytest.mark.parametrize("days", [("tue", "thu"), ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                                  ("mon", "sat", "sun"), ("wed",),
                                  ("mon", "tue", "wed", "thu", "fri", "sat")])
def test_export_then_import_keeps_the_training_weekdays(tmp_path, days):
    s = season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": days})})
    path = tmp_path / "coach.xlsx"
    save_template_form(s, path)
    assert import_workbook(path).calendar.training_days == days


def test_no_training_weekday_is_never_written_as_a_blank_cell(tmp_path):
    """A blank Training days cell is Mon-Sat: a season without a training weekday (one made
    before they were refused) is written so that it is refused when read back, not planned."""
    assert training_days_text(()) == "none"
    s = season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": ()})})
    path = tmp_path / "coach.xlsx"
    save_template_form(s, path)
    assert any("(Training days): lists no weekday" in p for p in problems_of(path))


# -- a competition on a declared day off ------------------------------------------------------------
def _with_day_off(s, i: int, reason: str = "Holiday"):
    return s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "non_training_days": (NonTrainingDay(date=day(i), reason=reason),)})})


def test_a_season_file_with_a_match_on_a_day_off_reads_with_a_located_note():
    s = _with_day_off(season(), 5)  # 'Match 1' (C), Sat 9 Jan 2027
    notes: list[str] = []
    assert season_from_dict(season_to_dict(s), "club.season.json", notes) == s
    assert notes == [
        "calendar.non_training_days[0].date: Sat 9 Jan 2027 is the day of 'Match 1' (C): the "
        "match is still played; the day off (Holiday) only takes the day's training away (a "
        "player not in the match rests); if the match is off, delete the competition"]
    assert season_from_dict(season_to_dict(_with_day_off(season(), 6)), "", notes := []) and notes == []


def test_a_workbook_with_a_match_on_a_day_off_imports_with_a_note_on_its_row(tmp_path):
    path = book(tmp_path, Competitions=[("Date", "Name", "Priority"), (D(2027, 1, 9), "League", "A")],
                Non_training_days=[("Date", "Reason", "To"), (D(2027, 1, 6), "Travel", None),
                                   (D(2027, 1, 8), "Break", D(2027, 1, 10))])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [c.name for c in s.competitions] == ["League"]
    assert notes == [
        "Non-training days, row 3, Date: Sat 9 Jan 2027 is the day of 'League' (A): the match is "
        "still played; the day off (Break) only takes the day's training away (a player not in "
        "the match rests); if the match is off, delete the competition"]


def test_a_match_on_a_day_off_is_played_and_the_others_rest():
    """The day off takes the training away, not the match (docs/semantics.md)."""
    s = _with_day_off(season(weeks=2, athletes=2, matches=[5]), 5)
    out, _report = solved_and_checked(s)
    for ap in out.plan.athletes:
        assert ap.intensity[5] == 100  # both start (the default role): the match is played
    benched = s.model_copy(update={"roles": (MatchRole(athlete="A2", competition="m0", role="out"),)})
    out, _report = solved_and_checked(benched)
    assert out.plan.for_athlete("A2").intensity[5] == 0  # not in the match: a rest day


# -- an injury after the season's end ---------------------------------------------------------------
def _late(s):
    return s.model_copy(update={"injuries": (injury(onset_day=40, start_day=40, stage="P1"),)})


def test_a_season_file_with_an_injury_after_the_season_reads_with_a_located_note():
    s = _late(season())  # the season ends on day 27
    notes: list[str] = []
    assert season_from_dict(season_to_dict(s), "club.season.json", notes) == s
    assert notes == [
        "injuries[0].onset: Sat 13 Feb 2027 is after the season ends (Sun 31 Jan 2027), so the injury does "
        "not count and Athlete 1 (A1) is planned fit all season; check the year of the onset "
        "(Season ▸ Injuries, Onset)"]


def test_an_injury_after_the_season_is_refused_when_entered_but_an_old_one_takes_edits():
    s = season()
    with pytest.raises(InputError, match=r"injuries\[0\]\.onset: Sat 13 Feb 2027 is after the season "
                                         r"ends \(Sun 31 Jan 2027\)"):
        E.SetInjury(injury=_late(s).injuries[0]).apply(s)
    late = _late(s)  # a file written before: it opens (above), and the coach can still work
    assert E.AddBlock(block=Block(name="Base", start=day(0), end=day(6))).apply(late).blocks


def test_an_absence_wholly_outside_the_season_is_refused_as_on_the_workbook():
    """An absence typed in 2029 for a season of 2026/27 was read from a season file without a
    word (it changes nothing), while the coach workbook refuses it and a competition there is
    refused; one overlapping the season's edge (a loan from the summer) is ordinary."""
    from planner.season import Unavailability

    s = season()  # Mon 4 Jan to Sun 31 Jan 2027
    edge = Unavailability(athlete="A2", start=dt.date(2026, 12, 20), end=day(3))
    s = s.model_copy(update={"unavailability": (edge,)})
    notes: list[str] = []
    assert season_from_dict(season_to_dict(s), "club.season.json", notes) == s and notes == []
    far = Unavailability(athlete="A1", start=dt.date(2029, 1, 5), end=dt.date(2029, 1, 9))
    data = season_to_dict(s.model_copy(update={"unavailability": (edge, far)}))
    assert _file_problems(data) == [
        "unavailability[1].start: Fri 5 Jan 2029 to Tue 9 Jan 2029 is outside the season "
        "(Mon 4 Jan 2027 to Sun 31 Jan 2027); correct the dates (a year typed wrong?), or delete it"]
    # review 283 F9: one over the season's end running two years past it was read without a
    # word, while the workbook refuses a To more than a year after the season: refused alike
    long = Unavailability(athlete="A1", start=day(20), end=dt.date(2029, 1, 25))
    assert _file_problems(season_to_dict(s.model_copy(update={"unavailability": (edge, long)}))) == [
        "unavailability[1].end: Thu 25 Jan 2029 is more than a year after the season ends (Sun 31 "
        "Jan 2027), so the athlete would be away for the rest of the season; check the year (away "
        "to the end: write 2027-01-31)"]
    to_the_end = Unavailability(athlete="A1", start=day(20), end=dt.date(2027, 6, 30))  # a loan
    assert season_from_dict(season_to_dict(s.model_copy(update={"unavailability": (to_the_end,)})))


# -- a target competition before its injury ---------------------------------------------------------
def _early_target():
    return season(injuries=(injury(start_day=8, onset_day=8, target="m0"),))  # m0 on day 5


def test_a_season_file_with_a_target_before_the_injury_reads_with_the_target_ignored():
    data = season_to_dict(_early_target())
    notes: list[str] = []
    s = season_from_dict(data, "club.season.json", notes)
    assert s.injuries[0].target_competition is None
    assert notes == [
        "injuries[0].target_competition: Athlete 1 (A1)'s target 'Match 1' is on Sat 9 Jan 2027, "
        "before the onset Tue 12 Jan 2027; a target competition comes after the injury: check the "
        "year of the onset, or choose a later target (Season ▸ Injuries, Target); the target is "
        "ignored"]
    assert season_from_dict(data).injuries[0].target_competition is None  # without notes too


def test_a_target_before_the_injury_is_refused_when_entered_or_made_so():
    s = season(injuries=(injury(start_day=8, onset_day=8),))
    with pytest.raises(InputError, match="'Match 1' is on Sat 9 Jan 2027, before the onset Tue 12 Jan 2027"):
        E.SetTargetCompetition(athlete="A1", competition="m0", onset=day(8)).apply(s)
    targeted = E.SetTargetCompetition(athlete="A1", competition="m1", onset=day(8)).apply(s)
    assert targeted.injuries[0].target_competition == "m1"  # day 12
    with pytest.raises(InputError, match="'Match 2' is on Mon 11 Jan 2027, before the onset"):
        E.MoveCompetition(competition="m1", date=day(7)).apply(targeted)


def test_the_workbook_and_the_season_file_agree_on_a_target_before_the_injury(tmp_path):
    path = tmp_path / "coach.xlsx"
    save_template_form(_early_target(), path)
    assert any("a target competition comes after the injury" in p for p in problems_of(path))
    # a tournament under way at the onset (over after it) is a target in both
    cup = Competition(id="cup", name="Cup", date=day(6), end_date=day(9), priority="A")
    s = season(comps=[cup], injuries=(injury(start_day=8, onset_day=8, target="cup"),))
    assert season_from_dict(season_to_dict(s)).injuries[0].target_competition == "cup"
    save_template_form(s, path)
    assert import_workbook(path).injuries[0].target_competition == "cup"


def test_the_cli_says_an_injury_after_the_season_when_it_solves(tmp_path):
    from planner.seasonfile import save_season
    from tests.e2e.test_cli import run as run_cli  # in this process: the notes are tested

    save_season(_late(season(weeks=2, athletes=2)), tmp_path / "s.season.json")
    r = run_cli("solve", "s.season.json", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Note: s.season.json: injuries[0].onset: Sat 13 Feb 2027 is after the season ends " \
           "(Sun 17 Jan 2027), so the injury does not count" in r.stderr


def test_every_command_that_reads_a_season_file_says_its_notes(tmp_path):
    """solve, check and export said a season file's notes (an injury after the season); load,
    record, advance, log and whatif read the same file and said nothing."""
    from planner.seasonfile import save_season
    from tests.e2e.test_cli import run as run_cli  # in this process: the notes are tested

    save_season(_late(season(weeks=2, athletes=2)), tmp_path / "s.season.json")
    assert run_cli("solve", "s.season.json", "--time-limit", "20", "--save", cwd=tmp_path).returncode == 0
    note = "Note: s.season.json: injuries[0].onset: Sat 13 Feb 2027 is after the season ends"
    (tmp_path / "log.csv").write_text("Athlete,Date,Minutes,RPE\nA1,2027-01-04,60,5\n")
    for args in (("load", "s.season.json"), ("whatif", "s.season.json", "--list"),
                 ("record", "s.season.json", "--rule", "LD-1.weight=0"),
                 ("advance", "s.season.json", "--today", "2027-01-05"),
                 ("log", "s.season.json", "log.csv", "--no-replan")):
        r = run_cli(*args, cwd=tmp_path)
        assert note in r.stderr, (args, r.returncode, r.stderr)


# -- a competition longer than a week -----------------------------------------------------------------
def test_a_workbook_competition_longer_than_a_week_is_refused_on_its_end_date(tmp_path):
    """An End date typo (Sat 9 Jan to Sun 24 Jan) was imported without a word: a 16-day match
    over two others, and a solve that then failed naming other rules."""
    comps = [("Date", "Name", "Priority", "End date"),
             (D(2027, 1, 9), "League 1", "C", D(2027, 1, 24)), (D(2027, 1, 16), "League 2", "C"),
             (D(2027, 1, 23), "League 3", "C"), (D(2027, 2, 6), "Cup", "A", D(2027, 2, 12))]
    assert problems_of(book(tmp_path, Competitions=comps)) == [
        "Competitions, row 2, End date: 16 days (9 to 24 Jan 2027), over 'League 2' and "
        "'League 3'; a competition lasts at most 7 days, so a longer one would overlap the next "
        "week's: correct the end date, or enter a longer tournament's matches as competitions of "
        "their own"]
    comps[1] = (D(2027, 1, 9), "League 1", "C", D(2027, 1, 9))
    s = import_workbook(book(tmp_path, "ok.xlsx", Competitions=comps))  # a week is one event
    assert [c.last for c in s.competitions][-1] == D(2027, 2, 12)


def test_a_season_file_with_a_long_competition_opens_with_a_note_and_an_edit_cannot_enter_one():
    long = Competition(id="t", name="Camp cup", date=day(5), end_date=day(20), priority="B")
    s = season(comps=[long])  # 'Match 1' on day 5, 'Match 2' on day 12, 'Match 3' on day 19
    notes: list[str] = []
    assert season_from_dict(season_to_dict(s), "club.season.json", notes) == s
    assert notes == ["competitions[1].end_date (Camp cup): 16 days (9 to 24 Jan 2027), over "
                     "'Match 1', 'Match 2' and 'Match 3'; a competition lasts at most 7 days, so a "
                     "longer one would overlap the next week's: correct the end date, or enter a "
                     "longer tournament's matches as competitions of their own"]
    with pytest.raises(InputError, match=r"the last day of 'Camp cup': 16 days"):
        E.AddCompetition(competition=long).apply(season())
    week = long.model_copy(update={"end_date": day(11)})
    assert E.AddCompetition(competition=week).apply(season()).competition("t").last == day(11)
    # the file's own long competition is not refused by an edit elsewhere
    assert E.AddCompetition(competition=week.model_copy(update={"id": "u"})).apply(s)


def test_a_max_speed_faster_than_any_sprint_is_refused_where_entered_and_a_saved_one_still_opens():
    """One plausibility rule for a max speed (the Squad editor, the workbook, record --max-speed,
    a max taken from a log): above 12.5 m/s (45 km/h) no athlete sprints, as below 4 m/s; an
    overwritten max says what it was. A season file holding one above it still opens."""
    from planner.season import max_speed_problem

    assert max_speed_problem(12.5) is None and max_speed_problem(4) is None
    assert max_speed_problem(12.6) == (
        "12.6 m/s (45.4 km/h) is faster than any athlete sprints; a max speed is in m/s, at most "
        "12.5 (45.0 km/h): write the top speed in m/s, e.g. 9.2 (33.1 km/h), or leave it empty")
    assert max_speed_problem(3.9).startswith("3.9 m/s (14.0 km/h) is slower than any athlete")
    # to the decimal that tells it from the bound (review 283: "14.4 km/h … at least 4 (14.4 km/h)")
    assert max_speed_problem(3.99).startswith("3.99 m/s (14.36 km/h) is slower than any athlete")
    assert "at least 4 (14.4 km/h)" in max_speed_problem(3.99)
    assert max_speed_problem(12.51).startswith("12.51 m/s (45.04 km/h) is faster")
    s = season(weeks=4, athletes=2)
    with pytest.raises(InputError) as err:
        E.UpdateAthlete(athlete="A1", max_speed=14.9).apply(s)
    assert "max speed: 14.9 m/s (53.6 km/h) is faster than any athlete sprints" in str(err.value)
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"max_speed": 14.0}),
                                          s.athletes[1])})
    opened = season_from_dict(season_to_dict(s))
    assert opened.athlete("A1").max_speed == 14.0
    edit = E.UpdateAthlete(athlete="A1", max_speed=8.0)
    assert edit.describe(opened) == ("Set the max speed of Athlete 1 (A1) to 8 m/s (28.8 km/h), "
                                     "was 14 m/s")
    assert edit.apply(opened).athlete("A1").max_speed == 8.0


def test_a_day_off_on_a_tournament_day_lists_its_matches():
    """A day off on a day of three matches read "the day of 'M1' (B) and 'M2' (B) and 'M3' (B)"."""
    from planner.validate import day_off_words

    comps = [Competition(id=f"t{k}", name=f"Series M{k}", date=day(5), priority="B") for k in (1, 2, 3)]
    said = day_off_words(day(5), comps, "Holiday")
    assert said.startswith("Sat 9 Jan 2027 is the day of 'Series M1' (B), 'Series M2' (B) and "
                           "'Series M3' (B): the matches are still played; the day off (Holiday)")
