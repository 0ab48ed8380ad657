"""The coach workbook at its edges: what imported and then failed later (a squad beyond a season
file's limit, a today outside the season), what was lost without a word (an absence outside the
season, a sheet under another name), a max speed read in the wrong unit, a workbook without
styles, and one cause reported as dozens of problems."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from pydantic import ValidationError

from planner import limits
from planner.coachform.read import MAX_ROWS, import_workbook
from planner.errors import InputError
from planner.season import Athlete
from planner.seasonfile import season_from_dict, season_to_dict
from templates import path as template_path
from tests.planner.test_coachform import (
    ATHLETE_ROWS,
    COMPETITION_ROWS,
    INJURY_HEAD,
    book,
    problems_of,
)

D = dt.date


# -- 1. the season file's limits, at import --------------------------------------------------------
def test_a_squad_beyond_the_season_file_limit_is_refused_at_import(tmp_path):
    """3,024 athletes imported with exit 0, and every command then refused the season file
    ("athletes: 3,024 entries; at most 1,000 are possible")."""
    n = limits.MAX_ATHLETES + 1
    path = book(tmp_path, Athletes=[("ID", "Name")] + [(f"X{i}", f"Player {i}") for i in range(n)])
    assert problems_of(path) == [
        f"Athletes: {n:,} rows; at most {limits.MAX_ATHLETES:,} athletes a season: is this the "
        f"right sheet? Import one squad a season (split the rows into several workbooks)"]
    squad = book(tmp_path, "ok.xlsx", Athletes=[("ID", "Name")] + [(f"X{i}", f"P {i}") for i in range(n - 1)])
    assert len(import_workbook(squad).athletes) == limits.MAX_ATHLETES
    assert MAX_ROWS <= limits.MAX_ITEMS  # every other list of an import fits a season file


# -- 2. today inside the season ------------------------------------------------------------------------
SEASON = [("Key", "Value"), ("Name", "Riverside U19"), ("Start", D(2027, 1, 4)), ("End", D(2027, 3, 28))]


def test_a_today_before_the_season_is_read_as_no_today_with_a_note(tmp_path):
    """rules-spec section 1: a today before the season start means no past. A tool that stamps
    the real date in Today while next season is planned in the summer had the whole import
    refused."""
    notes: list[str] = []
    got = import_workbook(book(tmp_path, Season=SEASON + [("Today", D(2026, 12, 1))]), notes)
    assert got.calendar.today is None
    assert ("Season, row 5 (Today): Tue 1 Dec 2026 is before the season starts (Mon 4 Jan 2027): read as "
            "no today (the season has not started)") in notes, notes


@pytest.mark.parametrize("today, problem", [
    (D(2028, 3, 1), "Season, row 5 (Today): 2028-03-01 is after the season ends (2027-03-28); write "
                    "a date up to 2027-03-29 (the day after the season: all of it played)"),
])
def test_a_today_after_the_season_is_refused_as_advance_refuses_it(tmp_path, today, problem):
    """A year typed wrong imported fine and then planned nothing. What is checked against today
    (a session after it) is not reported as well."""
    path = book(tmp_path, Season=SEASON + [("Today", today)],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A1", "2027-03-01", 60, 5)])
    assert problems_of(path) == [problem]


@pytest.mark.parametrize("today", [D(2027, 1, 4), D(2027, 2, 10), D(2027, 3, 29)])
def test_a_today_from_the_first_day_to_the_day_after_the_last_is_kept(tmp_path, today):
    assert import_workbook(book(tmp_path, Season=SEASON + [("Today", today)])).calendar.today == today


# -- 3. an absence outside the season --------------------------------------------------------------------
def test_an_absence_entirely_outside_the_season_is_refused_and_one_overlapping_it_kept(tmp_path):
    head = ("Athlete ID", "From", "To", "Reason")
    path = book(tmp_path, Unavailable=[head, ("A1", "2026-01-10", "2026-01-12", "typo"),
                                       ("A2", "2027-03-20", "2027-04-10", "national team"),
                                       ("A2", "2027-04-01", "2027-04-03", "")])
    assert problems_of(path) == [
        "Unavailable, row 2, From: Sat 10 Jan 2026 to Mon 12 Jan 2026 is outside the season (Mon 4 Jan 2027 to "
        "Sun 28 Mar 2027); correct the dates (a year typed wrong?), or delete the row",
        "Unavailable, row 4, From: Thu 1 Apr 2027 to Sat 3 Apr 2027 is outside the season (Mon 4 Jan 2027 to "
        "Sun 28 Mar 2027); correct the dates (a year typed wrong?), or delete the row"]
    path = book(tmp_path, "ok.xlsx", Unavailable=[head, ("A2", "2026-12-20", "2027-01-10", "")])
    (away,) = import_workbook(path).unavailability
    assert (away.start, away.end) == (D(2026, 12, 20), D(2027, 1, 10))


# -- 4. sheets that are not read -------------------------------------------------------------------------
def test_a_sheet_of_ones_own_not_read_is_a_note(tmp_path):
    notes: list[str] = []
    path = book(tmp_path, Notes=[("remember the kit",)], Empty=[], Help=[("Season", "what it is")])
    import_workbook(path, notes)
    assert notes == [
        "Sheet 'Notes' was not read: it is not a sheet of the form (Season, Competitions, Athletes, "
        "Injuries, Roles, Flare-ups, Tests, Sessions, Unavailable, Non-training days, Blocks)"]
    # the list is the form's as written today: a coach looks for each sheet named in it, and
    # "Stage history" is only read from older forms
    written = openpyxl.load_workbook(template_path("import-template.xlsx")).sheetnames
    assert notes[0].endswith(f"({', '.join(t for t in written if t != 'Help')})")


def test_a_sheet_that_seems_to_be_a_form_sheet_under_another_name_is_refused(tmp_path):
    """An "Injured" sheet imported with 0 injuries and only a note: the injured players were
    planned to sprint. A "Days off" sheet headed as Non-training days lost its days off."""
    injuries = [INJURY_HEAD, ("A1", "hamstring-strain", "2027-01-10", "P1", "2027-01-10", None)]
    path = book(tmp_path, Injured=injuries, Days_off=[("Date", "Reason"), ("2027-02-01", "holiday")],
                Notes=[("remember the kit",)])
    assert problems_of(path) == [
        "Sheet 'Injured' was not read: it is not a sheet of the form; did you mean 'Injuries'? "
        "Rename it 'Injuries' to import its rows (a sheet of your own: give it a name unlike the "
        "form's)",
        "Sheet 'Days off' was not read: it is not a sheet of the form; did you mean 'Non-training "
        "days'? Rename it 'Non-training days' to import its rows (a sheet of your own: give it a "
        "name unlike the form's)"]


def test_a_misnamed_sheet_is_said_among_the_problems_it_causes(tmp_path):
    path = book(tmp_path, Competition=COMPETITION_ROWS,
                Roles=[("Competition", "Athlete ID", "Role"), ("League 1", "A1", "bench")])
    assert problems_of(path) == [  # one line: the Roles row's competition is the sheet's
        "Competitions: the workbook has no sheet 'Competitions', which 1 row on other sheets "
        "(Roles) names; is the sheet 'Competition' it? Rename it 'Competitions'"]
    path = book(tmp_path, "squad.xlsx", Athletes=None, Squad=ATHLETE_ROWS)
    assert problems_of(path) == [
        "Athletes: the workbook has no sheet 'Athletes'; is the sheet 'Squad' it? Rename it 'Athletes'"]


# -- 5. max speed ----------------------------------------------------------------------------------------
def test_a_max_speed_is_a_number_of_m_s_an_athlete_sprints_at(tmp_path):
    """``"max_speed": true`` was read as 1.0 m/s; 0.85 (a percentage) as 0.85 m/s. A speed no
    athlete sprints at is refused where it is entered (an edit: the Squad editor; the workbook,
    below) and in a season file; one above 12.5 m/s saved by an earlier version still opens."""
    from planner import edits as E

    with pytest.raises(ValidationError) as err:
        Athlete(id="A1", name="Ann", max_speed=True)
    assert err.value.errors()[0]["type"] == "float_type"
    assert Athlete(id="A1", name="Ann", max_speed=4).max_speed == 4.0
    assert Athlete(id="A1", name="Ann", max_speed=15).max_speed == 15.0
    season = import_workbook(book(tmp_path))
    with pytest.raises(ValidationError):  # no athlete to add with it
        Athlete(id="Z9", name="New", max_speed=0.85)
    for edit in (E.UpdateAthlete(athlete=season.athletes[0].id, max_speed=0.85),):
        with pytest.raises(InputError) as err:
            edit.apply(season)
        assert err.value.problems == [
            "max speed: 0.85 m/s (3.1 km/h) is slower than any athlete sprints; a max speed is in "
            "m/s, at least 4 (14.4 km/h): write the top speed in m/s, e.g. 9.2 (33.1 km/h), or "
            "leave it empty"]
    data = season_to_dict(season)
    data["athletes"][0]["max_speed"] = True
    with pytest.raises(InputError) as err:
        season_from_dict(data, "s.season.json")
    assert err.value.problems == ["athletes[0].max_speed: true is not a number; write a number"]
    # review 280: a file's 2 or 0.5 was read without a word (every sprint target a percentage
    # of it), and -3 said "use more than 0"; refused at its place, as the workbook refuses it
    for slow, said in ((2, "2 m/s (7.2 km/h)"), (0.5, "0.5 m/s (1.8 km/h)"),
                       (-3, "-3 m/s (-10.8 km/h)")):
        data["athletes"][0]["max_speed"] = slow
        with pytest.raises(InputError) as err:
            season_from_dict(data, "s.season.json")
        assert err.value.problems == [
            f"athletes[0].max_speed: {said} is slower than any athlete sprints; a max speed is in "
            f"m/s, at least 4 (14.4 km/h): write the top speed in m/s, e.g. 9.2 (33.1 km/h), or "
            f"leave it empty"]
    data["athletes"][0]["max_speed"] = 14.0  # an earlier version's fast one opens, and stays
    old = season_from_dict(data, "s.season.json")
    renamed = E.UpdateAthlete(athlete=old.athletes[0].id, name="Renamed", max_speed=14.0).apply(old)
    assert renamed.athletes[0].max_speed == 14.0  # the Squad editor sends the speed it shows


def test_a_max_speed_in_km_h_is_converted_as_the_squad_editor_converts_it(tmp_path):
    """As ui/desktop/speedbox.py reads a typed speed: "34.6" 9.61, "31.5 km/h" 8.75, "30 kmh" 8.33
    (two decimals: to one, 34.6 km/h became 9.6 m/s through the workbook, 9.61 in the editor)."""
    rows = [("ID", "Name", "Max speed")] + [(f"A{i}", f"P {i}", v) for i, v in enumerate(
        ["31.5 km/h", 34.6, "9,6", "9.6 m/s", "30 kmh", 8.4, "34.6 KM/H", 12, 20.5])]
    notes: list[str] = []
    season = import_workbook(book(tmp_path, Athletes=rows), notes)
    assert [a.max_speed for a in season.athletes] == [8.75, 9.61, 9.6, 9.6, 8.33, 8.4, 9.61, 12.0, 5.69]
    assert notes == [
        "Athletes, row 3, Max speed: 34.6 is read as km/h, 9.61 m/s (no athlete runs 34.6 m/s); "
        "write '34.6 km/h' or 9.61 to say so",
        # 12 m/s is accepted (at most 12.5), but said: a slip for 9.2 set every target speed
        "Athletes, row 9, Max speed: 12 m/s (43.2 km/h) is faster than footballers are measured "
        "(11 m/s is 39.6 km/h); every target speed is a share of it: check it",
        "Athletes, row 10, Max speed: 20.5 is read as km/h, 5.69 m/s (no athlete runs 20.5 m/s); "
        "write '20.5 km/h' or 5.69 to say so"]


def test_a_bare_max_speed_in_a_text_cell_gets_the_km_h_note_a_number_cell_gets(tmp_path):
    """'31,5' typed in a text cell (a German workbook's decimal comma) was read as km/h, 8.75
    m/s, without a word, where 31.5 in a number cell is said; with its unit it needs no note."""
    rows = [("ID", "Name", "Max speed"), ("A1", "Ann", "31,5"), ("A2", "Bo", " 34.6 "),
            ("A3", "Cy", "31,5 km/h"), ("A4", "Di", "9,2")]
    notes: list[str] = []
    season = import_workbook(book(tmp_path, Athletes=rows), notes)
    assert [a.max_speed for a in season.athletes] == [8.75, 9.61, 8.75, 9.2]
    assert notes == [
        "Athletes, row 2, Max speed: 31.5 is read as km/h, 8.75 m/s (no athlete runs 31.5 m/s); "
        "write '31.5 km/h' or 8.75 to say so",
        "Athletes, row 3, Max speed: 34.6 is read as km/h, 9.61 m/s (no athlete runs 34.6 m/s); "
        "write '34.6 km/h' or 9.61 to say so"]


def test_a_max_speed_no_athlete_sprints_at_is_located(tmp_path):
    rows = [("ID", "Name", "Max speed"), ("A1", "Ann", 0.85), ("A2", "Bo", 0.85), ("A3", "Cy", "16 m/s"),
            ("A4", "Di", "10 km/h"), ("A5", "Ed", 60), ("A6", "Flo", True), ("A7", "Gus", 15),
            ("A8", "Hal", 15.5)]
    path = book(tmp_path, Athletes=rows)
    wb = openpyxl.load_workbook(path)
    wb["Athletes"]["C2"].number_format = "0%"  # shows 85 %
    wb.save(path)
    fix = "write it in m/s, e.g. 9.2, or in km/h as '33.1 km/h' (or leave it empty)"
    assert problems_of(path) == [
        f"Athletes, row 2, Max speed: 0.85 is formatted as a percentage (it shows 85 %), and a max "
        f"speed is a speed, not a percentage; format the cell as a number and {fix}",
        f"Athletes, row 3, Max speed: 0.85 m/s (3.1 km/h) is slower than any athlete sprints; a max "
        f"speed is at least 4 m/s (14.4 km/h): {fix}",
        f"Athletes, row 4, Max speed: 16 m/s (57.6 km/h) is faster than any athlete sprints; a max "
        f"speed is at most 12.5 m/s (45.0 km/h): {fix}",
        f"Athletes, row 5, Max speed: '10 km/h' (2.78 m/s) is slower than any athlete sprints; a max "
        f"speed is at least 4 m/s (14.4 km/h): {fix}",
        "Athletes, row 6, Max speed: 60 is not a top running speed, in m/s or in km/h; write m/s "
        "from 4 to 12.5, e.g. 9.2, or km/h from 14.4 to 45, e.g. '33.1 km/h' (or leave it empty)",
        f"Athletes, row 7, Max speed: TRUE is not a speed; {fix}",
        # 12.5 m/s to 20 km/h: no athlete's max, either way (15 was taken as m/s, 15.5 as km/h)
        f"Athletes, row 8, Max speed: 15 m/s (54.0 km/h) is faster than any athlete sprints; a max "
        f"speed is at most 12.5 m/s (45.0 km/h): {fix}",
        f"Athletes, row 9, Max speed: 15.5 read as km/h (4.31 m/s) is slower than any athlete "
        f"sprints, and read as m/s faster; a max speed is at least 20 km/h, at most 12.5 m/s: {fix}"]


# -- 6. a workbook without styles ------------------------------------------------------------------------
def _without_styles(path: str, out) -> str:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != "xl/styles.xml":
                dst.writestr(item, src.read(item))
    return str(out)


def test_a_workbook_without_styles_is_read_as_general_and_its_dates_are_said_once(tmp_path):
    """No xl/styles.xml: "unexpected error: IndexError: list index out of range"."""
    text = book(tmp_path, "text.xlsx", Season=[("Key", "Value"), ("Name", "X"), ("Start", "2027-01-04"),
                                               ("End", "2027-03-28")],
                Athletes=[("ID", "Name", "Max speed"), ("A1", "Ann", 9.1)],
                Unavailable=[("Athlete ID", "From", "To"), ("A1", "2027-01-10", "2027-01-12")])
    season = import_workbook(_without_styles(text, tmp_path / "text-bare.xlsx"))
    assert season.athletes[0].max_speed == 9.1 and len(season.unavailability) == 1
    dates = book(tmp_path, Unavailable=[("Athlete ID", "From", "To"), ("A1", D(2027, 1, 10), D(2027, 1, 12))])
    assert problems_of(_without_styles(dates, tmp_path / "bare.xlsx")) == [
        "Season, row 3 (Start): 46391 is a number, not a date, and the workbook's styles are "
        "damaged (its cells refer to formats the file does not hold), so a date cannot be told "
        "from a number (3 more date cells like it); open and save it in Excel or LibreOffice "
        "(format the date cells as dates if they show numbers), then import again"]


# -- 7. one cause, one problem -----------------------------------------------------------------------------
REFERRING = dict(
    Injuries=[INJURY_HEAD, ("A1", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", None)],
    Roles=[("Competition", "Athlete ID", "Role"), ("League 1", "A2", "bench"), ("League 1", "A1", "out")],
    Unavailable=[("Athlete ID", "From", "To"), ("A2", "2027-01-10", "2027-01-12")],
    Competitions=COMPETITION_ROWS)
SUMMARY = ("Athletes: … and 4 rows on other sheets (Injuries, Roles, Unavailable) name athletes "
           "that could not be read; they are checked once the Athletes sheet can be read")


@pytest.mark.parametrize("athletes, problem", [
    (None, "Athletes: the workbook has no sheet 'Athletes'; add it (see templates/import-template.xlsx)"),
    # a title above the headers: deleting it is the fix, not adding ID and Name to it
    ([("Riverside U19 squad",), ("ID", "Name"), ("A1", "Ann"), ("A2", "Bo")],
     "Athletes, row 1 looks like a title (found: Riverside U19 squad): the headers are in row 2, "
     "and the first row with content is read as the header; delete row 1"),
    ([("Riverside U19 squad",), ("2026/27",), (None,), ("ID", "Name"), ("A1", "Ann")],
     "Athletes, rows 1–3 look like a title (found: Riverside U19 squad): the headers are in row "
     "4, and the first row with content is read as the header; delete rows 1–3"),
    # a title with no form's headers below it: the columns are what is missing
    ([("Riverside U19 squad",), ("Player", "Shirt"), ("Ann", 7)],
     "Athletes, row 1: no column headed 'ID', 'Name'; the first row with content is the header "
     "(found: Riverside U19 squad); add them"),
    ([("ID", None, "Position"), ("A1", "Ann", "GK")],
     "Athletes, row 1: no column headed 'Name'; the first row with content is the header (found: "
     "ID, Position); add it"),
    ([("ID", "Name")], "Athletes: no athlete rows below the header; add one row per athlete (ID, "
                       "Name, Position)"),
])
def test_an_unreadable_athletes_sheet_is_one_problem_not_one_per_reference(tmp_path, athletes, problem):
    path = book(tmp_path, Athletes=athletes, **REFERRING)
    assert problems_of(path) == [problem, SUMMARY]


# -- 8. a repeated injury row ------------------------------------------------------------------------------
def test_a_repeated_injury_row_names_the_row_it_repeats(tmp_path):
    row = ("A1", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", None)
    path = book(tmp_path, Injuries=[INJURY_HEAD, row, ("A1", "hamstring-strain", "2027-01-02", "P2",
                                                       "2027-01-08", None), row,
                                    ("A1", "hamstring-strain", "2027-01-02", "P3", "2027-01-08", None)])
    assert problems_of(path) == [
        "Injuries, row 4: repeats row 2 (A1, P1 from Sat 2 Jan 2027, the injury with onset Sat 2 Jan 2027); "
        "delete one of them",
        "Injuries, row 5, Stage start: Fri 8 Jan 2027 is already the start of P2 in row 3, the same "
        "injury (A1, onset Sat 2 Jan 2027); a stage starts on a day of its own: correct the date, or "
        "delete one of the rows"]


# -- injury dates against the season ----------------------------------------------------------------
def test_an_injury_after_the_season_or_its_target_is_refused_and_one_long_before_noted(tmp_path):
    """An onset typed a year late (after the season's end, after its target) imported without a
    word and the player was planned fit all season."""
    path = book(tmp_path, Competitions=COMPETITION_ROWS, Injuries=[
        INJURY_HEAD, ("A1", "hamstring-strain", "2028-02-01", "P1", "2028-02-01", "League 1"),
        ("A2", "hamstring-strain", "2027-02-01", "P1", "2027-02-01", "League 1")])
    assert problems_of(path) == [
        "Injuries, row 2, Onset: Tue 1 Feb 2028 is after the season ends (Sun 28 Mar 2027), so the injury "
        "would not count and the athlete would be planned fit all season; check the year",
        "Injuries, row 2, Target competition: 'League 1' is on Sat 9 Jan 2027, before the Onset "
        "Tue 1 Feb 2028; a target competition comes after the injury: check the year of the Onset, "
        "or the target",
        "Injuries, row 3, Target competition: 'League 1' is on Sat 9 Jan 2027, before the Onset "
        "Mon 1 Feb 2027; a target competition comes after the injury: check the year of the Onset, "
        "or the target"]
    notes: list[str] = []
    path = book(tmp_path, "ok.xlsx", Competitions=COMPETITION_ROWS, Injuries=[
        INJURY_HEAD, ("A1", "hamstring-strain", "2016-01-10", "FIT", "2016-02-10", None),
        ("A1", "hamstring-strain", "2016-01-10", "FIT", "2016-02-11", None),
        ("A2", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", "Cup final")])
    assert len(import_workbook(path, notes).injuries) == 2
    assert notes == ["Injuries, row 2, Onset: Sun 10 Jan 2016 is more than a year before the season "
                     "starts (Mon 4 Jan 2027); check the year"]


# -- a Position column under another name -----------------------------------------------------------
@pytest.mark.parametrize("header", ["Pos.", "Pos", "positions", "Position(s)"])
def test_a_position_column_under_an_obvious_other_name_is_read(tmp_path, header):
    """A column headed "Pos." dropped every position with a note: the goalkeepers lost HV-1's
    goalkeeper exemption."""
    notes: list[str] = []
    path = book(tmp_path, Athletes=[("ID", "Name", header), ("A1", "Ann Ash", "Goalkeeper")])
    assert import_workbook(path, notes).athletes[0].position == "Goalkeeper"
    assert notes == []


def test_a_column_not_read_that_seems_to_be_the_forms_says_what_it_costs(tmp_path):
    notes: list[str] = []
    path = book(tmp_path, Athletes=[("ID", "Name", "Posn", "Notes", "Role"),
                                    ("A1", "Ann Ash", "Goalkeeper", "captain", "start")])
    assert import_workbook(path, notes).athletes[0].position == ""
    assert notes == [
        "Athletes: columns C ('Posn'), D ('Notes') not read: not a column of this sheet (its "
        "columns: ID, Name, Position, Max speed, Role); if column C is the 'Position' column: "
        "without it, no positions, so goalkeepers are planned as outfield players (HV-1's "
        "goalkeeper exemption reads the position); head it 'Position'"]


# -- a total row under a table ----------------------------------------------------------------------
def test_a_total_row_under_the_squad_or_the_competitions_is_refused(tmp_path):
    """"Total | 22" under the squad (after a blank row) became a 23rd athlete, with a plan."""
    path = book(tmp_path, Athletes=ATHLETE_ROWS + [(), ("Total", 2)],
                Competitions=COMPETITION_ROWS + [(), (None, "Total", None), ("Count:", "4")])
    assert problems_of(path) == [
        "Competitions, row 7: 'Total' looks like a total row, not a competition; delete it",
        "Competitions, row 8: 'Count:' / '4' looks like a total row, not a competition; delete it",
        "Athletes, row 5: 'Total' / '2' looks like a total row, not a player; delete it"]
    path = book(tmp_path, "sum.xlsx", Athletes=ATHLETE_ROWS + [("A3", "sum")])
    assert problems_of(path) == [
        "Athletes, row 4: 'A3' / 'sum' looks like a total row, not a player; delete it"]
    path = book(tmp_path, "ok.xlsx", Athletes=ATHLETE_ROWS + [(7, "Sam Count")])
    assert [a.id for a in import_workbook(path).athletes] == ["A1", "A2", "7"]


def test_a_name_that_is_a_number_is_a_total_only_without_an_id_or_a_date(tmp_path):
    """A squad named by shirt numbers ("A1" / "7") was refused player by player as total rows;
    a total is a number under no ID (or under a number), and on Competitions a number with no
    date, priority or ID. A match named "12" with its date and priority is a competition."""
    path = book(tmp_path, Athletes=[ATHLETE_ROWS[0], ("A1", 7), ("A2", "10"), ()],
                Competitions=COMPETITION_ROWS + [("2027-02-13", 12, "C")])
    s = import_workbook(path)
    assert [(a.id, a.name) for a in s.athletes] == [("A1", "7"), ("A2", "10")]
    assert [c.name for c in s.competitions][-1] == "12"
    path = book(tmp_path, "totals.xlsx", Athletes=ATHLETE_ROWS + [(None, 2), (22, "22")],
                Competitions=COMPETITION_ROWS + [(None, "4")])
    assert problems_of(path) == [
        "Competitions, row 6: '4' looks like a total row, not a competition; delete it",
        "Athletes, row 4: '2' looks like a total row, not a player; delete it",
        "Athletes, row 5: '22' / '22' looks like a total row, not a player; delete it"]
    # a competition whose date was forgotten is said so, not called a total
    path = book(tmp_path, "nodate.xlsx", Competitions=COMPETITION_ROWS + [(None, "12", "B")])
    assert [p for p in problems_of(path) if "row 6" in p] == [
        "Competitions, row 6, Date: is empty; write the competition's (first) day"]


# -- a Competitions sheet that cannot be read ----------------------------------------------------------
def test_rows_naming_competitions_are_not_refused_one_by_one_when_the_competitions_cannot_be_read(tmp_path):
    """A Competitions header renamed ('Prio') also gave an "Injuries, row N, Target competition:
    no competition is named ..." for every target, though the competitions are there."""
    comps = [("Date", "Name", "Prio"), ("2027-01-09", "League 1", "C"), ("2027-03-06", "Cup final", "A")]
    path = book(tmp_path, Competitions=comps, Injuries=[
        INJURY_HEAD, ("A1", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", "Cup final")],
        Roles=[("Competition", "Athlete ID", "Role"), ("League 1", "A1", "bench"),
               ("League 1", "A2", "out")])
    assert problems_of(path) == [
        "Competitions, row 1: no column headed 'Priority'; the first row with content is the header "
        "(found: Date, Name, Prio); add it",
        "Competitions: … and 3 rows on other sheets (Injuries, Roles) name competitions; they are "
        "checked once the Competitions sheet can be read"]


# -- a hidden row ------------------------------------------------------------------------------------
def test_a_row_hidden_in_excel_is_read_and_said(tmp_path):
    """Athletes row 3 hidden in Excel was imported without a word (a session log says it); a
    coach who hides a departed player's row expects him gone."""
    path = book(tmp_path, Athletes=ATHLETE_ROWS + [("A3", "Cy Cedar", "Forward", None)])
    wb = openpyxl.load_workbook(path)
    wb["Athletes"].row_dimensions[3].hidden = True
    wb.save(path)
    notes: list[str] = []
    assert [a.id for a in import_workbook(path, notes).athletes] == ["A1", "A2", "A3"]
    assert notes == ["Athletes: row 3 is hidden in Excel (or filtered out) and was read too; "
                     "delete it if not meant to be imported"]
    wb["Athletes"].row_dimensions[4].hidden = True
    wb.save(path)
    notes = []
    import_workbook(path, notes)
    assert notes == ["Athletes: rows 3, 4 are hidden in Excel (or filtered out) and were read "
                     "too; delete them if not meant to be imported"]


@pytest.mark.parametrize("state, how", [
    ("hidden", "hidden in Excel"),
    ("veryHidden", "very hidden in Excel (Format ▸ Hide & Unhide does not list it; the VBA editor "
                   "shows it)"),
])
def test_a_sheet_hidden_in_excel_is_read_and_said(tmp_path, state, how):
    """Review 280: the Injuries sheet hidden in Excel was imported, its injury with it, without
    a word, though a hidden row is said; a coach who hides a sheet expects it left out."""
    path = book(tmp_path, Injuries=[
        INJURY_HEAD, ("A1", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", None)])
    wb = openpyxl.load_workbook(path)
    wb["Injuries"].sheet_state = state
    wb.save(path)
    notes: list[str] = []
    assert [i.athlete for i in import_workbook(path, notes).injuries] == ["A1"]
    assert notes == [f"Injuries: the sheet is {how}, and its 1 row was read too; delete it if "
                     f"not meant to be imported"]


@pytest.mark.parametrize("title", ["Season", "Athletes"])
def test_a_hidden_sheet_the_import_needs_is_said_with_unhide_it_not_delete_it(tmp_path, title):
    """Review 283 F9: a hidden Season sheet was read without a note (the other sheets get one),
    and a hidden Athletes sheet was told "delete them if not meant to be imported", which a
    sheet every import needs cannot be."""
    path = book(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[title].sheet_state = "hidden"
    wb.save(path)
    notes: list[str] = []
    import_workbook(path, notes)
    said = [n for n in notes if n.startswith(f"{title}: the sheet is hidden in Excel")]
    assert len(said) == 1 and said[0].endswith(
        "read too; every import needs the sheet: unhide it to see what was read"), notes
    assert "delete" not in said[0]


# -- a header with its unit, or misspelt ----------------------------------------------------------------
@pytest.mark.parametrize("header, cell, speed", [
    ("Max speed (km/h)", 33.1, 9.19), ("Max speed (m/s)", 9.2, 9.2), ("Max\nspeed (m/s)", 9.2, 9.2),
    ("max speed [km/h]", "9.2 m/s", 9.2), ("Max speed kmh", 34.6, 9.61)])
def test_a_max_speed_header_with_its_unit_is_read_in_that_unit(tmp_path, header, cell, speed):
    """'Max speed (km/h)' (as a GPS report heads it) or a wrapped header dropped every max
    speed with a note; a cell's own unit still wins."""
    notes: list[str] = []
    path = book(tmp_path, Athletes=[("ID", "Name", header), ("A1", "Ann Ash", cell)])
    assert import_workbook(path, notes).athletes[0].max_speed == speed
    assert notes == []


def test_a_km_h_header_over_speeds_in_m_s_is_refused_naming_the_header_to_write(tmp_path):
    path = book(tmp_path, Athletes=[("ID", "Name", "Max speed (km/h)"), ("A1", "Ann Ash", 9.2)])
    assert problems_of(path) == [
        "Athletes, row 2, Max speed: 9.2 read as km/h, as the column's header says, is 2.56 m/s, "
        "slower than any athlete sprints; if the column holds m/s, head it 'Max speed (m/s)' (or "
        "write each speed with its unit, e.g. '33.1 km/h')"]
    path = book(tmp_path, "ms.xlsx", Athletes=[("ID", "Name", "Max speed (m/s)"), ("A1", "Ann Ash", 33)])
    assert problems_of(path)[0].startswith("Athletes, row 2, Max speed: 33 m/s (118.8 km/h) is "
                                           "faster than any athlete sprints")


@pytest.mark.parametrize("sheet, rows, problem", [
    ("Athletes", [("ID", "Name", "Postion"), ("A1", "Ann Ash", "Goalkeeper")],
     "Athletes, row 1, column C ('Postion'): not a column of this sheet, so its values would not "
     "be read (no positions, so goalkeepers are planned as outfield players (HV-1's goalkeeper "
     "exemption reads the position)); did you mean 'Position'? Head it 'Position' (a column of "
     "your own: give it a name unlike the form's)"),
    ("Athletes", [("ID", "Name", "Default role"), ("A1", "Ann Ash", "out")],
     "Athletes, row 1, column C ('Default role'): not a column of this sheet, so its values would "
     "not be read (every athlete's usual role is start); did you mean 'Role'? Head it 'Role' (a "
     "column of your own: give it a name unlike the form's)"),
    ("Competitions", [("Date", "Name", "Priority", "Code"), ("2027-01-09", "League 1", "C", "l1")],
     "Competitions, row 1, column D ('Code'): not a column of this sheet, so its values would not "
     "be read (every competition gets a new id (c001, c002 ... by row), so the ids commands name "
     "and the calendars' events change); did you mean 'ID'? Head it 'ID' (a column of your own: "
     "give it a name unlike the form's)"),
    ("Injuries", [INJURY_HEAD[:5] + ("Target",), ("A1", "hamstring-strain", "2027-01-02", "P1",
                                                  "2027-01-02", "League 1")],
     "Injuries, row 1, column F ('Target'): not a column of this sheet, so its values would not "
     "be read (no injury has a target competition); did you mean 'Target competition'? Head it "
     "'Target competition' (a column of your own: give it a name unlike the form's)"),
])
def test_a_misspelt_header_over_values_is_refused_not_dropped(tmp_path, sheet, rows, problem):
    """'Postion', 'Default role', 'Target' or 'Code' over a column of values imported with exit 0
    and a note: every position '', every role start, every target and competition ID lost."""
    sheets = {sheet: rows}
    if sheet != "Competitions":
        sheets["Competitions"] = COMPETITION_ROWS
    assert problems_of(book(tmp_path, **sheets)) == [problem]
    # an empty column so headed loses nothing: a note, as a column of one's own ('Notes') is
    empty = [rows[0] + ("Notes",)] + [r[:len(rows[0]) - 1] + (None, "x") for r in rows[1:]]
    notes: list[str] = []
    import_workbook(book(tmp_path, "empty.xlsx", **{**sheets, sheet: empty}), notes)
    assert len(notes) == 1 and "not read: not a column of this sheet" in notes[0]


# -- a key cell that did not read -----------------------------------------------------------------------
def test_rows_naming_a_key_whose_row_did_not_read_are_held_back_not_given_a_wrong_fix(tmp_path):
    """Kofi Mensah's ID cleared gave every Injuries and Roles row of his "no athlete has the ID
    'A07'; did you mean 'A20'?", and a match's Name that did not read "did you mean 'League 11'?":
    a coach following them moved his injury and roles onto another player."""
    roles = [("Competition", "Athlete ID", "Role"), ("League 1", "A7", "bench"),
             ("League 1", "A2", "out"), ("Derby (2027-02-06)", "A7", "out"),
             ("League 1", "A1", "bench"), ("League 1", "A9", "out")]
    path = book(tmp_path, Athletes=ATHLETE_ROWS + [(None, "Kofi Mensah", "Forward", None)],
                Competitions=COMPETITION_ROWS + [("2027-03-13", "League 11", "C")],
                Injuries=[INJURY_HEAD, ("A7", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", None)],
                Roles=roles)
    assert problems_of(path) == [
        "Athletes, row 4, ID: is empty; write a short unique code no other athlete has, e.g. "
        "initials or a shirt number",
        "Athletes: Injuries row 2 and Roles rows 2, 4 name 'A7', which no athlete read has: is it "
        "the ID of row 4 (Kofi Mensah), whose ID did not read? They are checked once it does",
        "Athletes: Roles row 6 names 'A9', which no athlete read has: is it the ID of row 4 (Kofi "
        "Mensah), whose ID did not read? They are checked once it does"]
    comps = COMPETITION_ROWS[:1] + [("2027-01-09", None, "C")] + COMPETITION_ROWS[2:] + [
        ("2027-03-13", "League 11", "C")]
    path = book(tmp_path, "comp.xlsx", Competitions=comps, Roles=[roles[0]] + [
        ("League 1", aid, "out") for aid in ("A1", "A2", "A1")])
    assert problems_of(path) == [
        "Competitions, row 2, Name: is empty; write e.g. League match 12 (names need not be unique)",
        "Competitions: Roles rows 2–4 name 'League 1', which no competition read has: is it the "
        "name of row 2 (Sat 9 Jan 2027), whose name did not read? They are checked once it does"]
    # with every key read, an unknown one is pointed at the one it is close to
    path = book(tmp_path, "ok.xlsx", Competitions=COMPETITION_ROWS + [("2027-03-13", "League 11", "C")],
                Roles=[roles[0], ("Cup finale", "A1", "bench")])
    assert problems_of(path) == ["Roles, row 2, Competition: no competition is named 'Cup finale'; "
                                 "did you mean 'Cup final'?"]


# -- Athletes rows without an ID ------------------------------------------------------------------
def test_athletes_rows_without_an_id_are_given_the_next_free_ones_with_a_note(tmp_path):
    """Ten players added to the exported form with the ID left empty were refused, one problem a
    row, though the Squad editor numbers players itself. They are given the next free IDs in the
    squad's pattern, said in a note; a repeated ID is still refused."""
    rows = [("ID", "Name", "Position"), ("A01", "Tom Hughes", "Goalkeeper"),
            ("A02", "Sam Patel", "Defender"), (None, "Dan Smith", "Goalkeeper"),
            ("A04", "Jake Müller", "Midfielder"), (None, "Owen Price", "Defender"),
            (None, "Kyle Evans", "Defender"), (None, "Ben Ward", "Defender")]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Athletes=rows, Competitions=COMPETITION_ROWS), notes)
    assert [(a.id, a.name) for a in s.athletes] == [
        ("A01", "Tom Hughes"), ("A02", "Sam Patel"), ("A05", "Dan Smith"), ("A04", "Jake Müller"),
        ("A06", "Owen Price"), ("A07", "Kyle Evans"), ("A08", "Ben Ward")]
    assert "Athletes rows 4, 6–8 had no ID: given A05–A08" in notes
    dup = rows + [("A02", "Luke Hall", "Forward")]
    assert problems_of(book(tmp_path, "dup.xlsx", Athletes=dup, Competitions=COMPETITION_ROWS)) == [
        "Athletes, row 9, ID: 'A02' is already the ID of row 3; give each athlete a unique ID"]


def test_rows_without_an_id_continue_a_squad_of_registration_numbers(tmp_path):
    """IDs 2027001-2027010 written as numbers were read as 2.027e+06 for the next free ones, so
    the rows without an ID were given A01, A02, not the squad's next numbers."""
    rows = [("ID", "Name", "Position")] + [
        (2027000 + k, f"Player {k}", "Defender") for k in range(1, 11)] + [
        (None, "Dan Smith", "Goalkeeper"), (None, "Owen Price", "Forward")]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Athletes=rows, Competitions=COMPETITION_ROWS), notes)
    assert [a.id for a in s.athletes][:10] == [str(2027000 + k) for k in range(1, 11)]
    assert [(a.id, a.name) for a in s.athletes][10:] == [("2027011", "Dan Smith"),
                                                         ("2027012", "Owen Price")]
    assert "Athletes rows 12, 13 had no ID: given 2027011, 2027012" in notes, notes


def test_an_empty_id_is_refused_where_the_season_imported_over_knows_the_player(tmp_path):
    """Imported over a season, a row without an ID whose name is a player of that season would
    have made a second player of him, his sessions and records left under his own ID; a new
    name is given an ID none of that season's players has (a player let go keeps his)."""
    rows = [("ID", "Name", "Position"), ("A01", "Tom Hughes", "Goalkeeper"),
            (None, "Owen  price", "Defender"), (None, "Ben Ward", "Defender")]
    path = book(tmp_path, Athletes=rows, Competitions=COMPETITION_ROWS)
    base = import_workbook(book(tmp_path, "base.xlsx", Competitions=COMPETITION_ROWS))
    known = base.model_copy(update={"athletes": (
        Athlete(id="A01", name="Tom Hughes", position="Goalkeeper"),
        Athlete(id="A02", name="Left Earlier", position="Forward"),
        Athlete(id="A03", name="Owen Price", position="Defender"))})
    with pytest.raises(InputError) as err:
        import_workbook(path, known=known)
    assert err.value.problems == [
        "Athletes, row 3, ID: is empty; Owen Price is A03 in the season imported over: write A03 "
        "(the records are under it)"]
    notes: list[str] = []
    fixed = [r if r[1] != "Owen  price" else ("A03", "Owen Price", "Defender") for r in rows]
    s = import_workbook(book(tmp_path, "fixed.xlsx", Athletes=fixed, Competitions=COMPETITION_ROWS),
                        notes, known=known)
    assert [(a.id, a.name) for a in s.athletes] == [
        ("A01", "Tom Hughes"), ("A03", "Owen Price"), ("A04", "Ben Ward")]  # A02 stays his
    assert "Athletes row 4 had no ID: given A04" in notes


def test_an_empty_id_is_refused_when_another_sheet_names_an_id_no_athlete_has(tmp_path):
    """Another sheet's unknown ID may be the one the row without an ID lost: no ID is made up
    then, the rows naming it are held back (their "did you mean" could move a player's injury
    onto another) and the empty ID is refused as before."""
    path = book(tmp_path, Athletes=ATHLETE_ROWS + [(None, "Kofi Mensah", "Forward", None)],
                Competitions=COMPETITION_ROWS,
                Injuries=[INJURY_HEAD, ("A7", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", None)])
    problems = problems_of(path)
    assert problems[0].startswith("Athletes, row 4, ID: is empty; write a short unique code")
    assert "whose ID did not read?" in problems[1] and len(problems) == 2
