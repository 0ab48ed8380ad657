"""The coach workbook against what a fuzzing review found it let through (review 259): a column of
values under an empty header dropped without a word, a year typed wrong read as meant, a far-off
date that built every day up to it, a sheet of thousands of competitions, a date cell beyond
Excel's dates, and a percent sign typed in a field that is not a percentage."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.coachform.read import import_workbook
from tests.planner.test_coachform import COMPETITION_ROWS, INJURY_HEAD, book, problems_of

D = dt.date


# -- 1. a column of values under an empty header -----------------------------------------------------
@pytest.mark.parametrize("sheet, rows, problem", [
    ("Athletes", [("ID", "Name", "Position", "Max speed", None),
                  ("A1", "Ann Ash", "Goalkeeper", 9.1, "out")],
     "Athletes, column E holds values (from row 2) but has no header: head it 'Role' in row 1"),
    ("Athletes", [("ID", "Name", "Position", None, "Role"), ("A1", "Ann Ash", "Defender", None, "start"),
                  ("A2", "Bo Birch", "Forward", 9.1, "bench")],
     "Athletes, column D holds values (from row 3) but has no header: head it 'Max speed' in row 1"),
    ("Injuries", [INJURY_HEAD[:5] + (None,), ("A1", "hamstring-strain", "2027-01-02", "P1",
                                               "2027-01-02", "Cup final")],
     "Injuries, column F holds values (from row 2) but has no header: head it 'Target "
     "competition' in row 1"),
    ("Unavailable", [("Athlete ID", "From", "To", None), ("A1", "2027-01-10", "2027-01-12", "Cup")],
     "Unavailable, column D holds values (from row 2) but has no header: head it 'Reason' in row 1"),
    ("Blocks", [("Name", "From", "To", None), ("Base", "2027-01-04", "2027-01-31", "aerobic")],
     "Blocks, column D holds values (from row 2) but has no header: head it 'Emphasis' in row 1"),
    ("Non-training days", [("Date", None, "To"), ("2027-01-06", "Holiday", None)],
     "Non-training days, column B holds values (from row 2) but has no header: head it 'Reason' "
     "in row 1"),
])
def test_values_under_an_empty_header_are_refused_naming_the_header_they_most_likely_are(
        tmp_path, sheet, rows, problem):
    """A header cell cleared over Role imported with exit 0 and no note: every role start (a
    goalkeeper marked out planned as a starter); so for Max speed, Target competition, Reason,
    Emphasis."""
    path = book(tmp_path, **{sheet.replace(" ", "_"): rows, "Competitions": COMPETITION_ROWS})
    assert problems_of(path) == [problem + " (a column of your own: give it a header unlike the "
                                           "form's)"]


def test_values_under_an_empty_header_beside_every_form_column_are_a_note(tmp_path):
    """Every column of the form is there: the unheaded one is the coach's own, said, not refused;
    and an empty header over an empty column is nothing at all."""
    rows = [("ID", "Name", "Position", "Max speed", "Role", None, None),
            ("A1", "Ann Ash", "Defender", 9.1, "start", None, "shirt 4")]
    notes: list[str] = []
    season = import_workbook(book(tmp_path, Athletes=rows), notes)
    assert [a.role for a in season.athletes] == ["start"]
    assert notes == ["Athletes, column G holds values (from row 2) but has no header, so it was "
                     "not read (its columns: ID, Name, Position, Max speed, Role)"]


# -- 2. a year typed wrong ------------------------------------------------------------------------------
INJURY = ("A1", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", "Cup final")
END = "Sun 28 Mar 2027"  # the season's last day (tests.planner.test_coachform.SEASON_ROWS)


@pytest.mark.parametrize("sheets, problem", [
    ({"Injuries": [INJURY_HEAD, INJURY[:4] + ("2062-01-02", "Cup final")]},
     f"Injuries, row 2, Stage start: Mon 2 Jan 2062 is more than a year after the season ends "
     f"({END}), so the stage would never start in the plan; check the year"),
    ({"Injuries": [INJURY_HEAD, INJURY, INJURY[:3] + ("P2", "9999-12-31", "Cup final")]},
     f"Injuries, row 3, Stage start: Fri 31 Dec 9999 is more than a year after the season ends "
     f"({END}), so the stage would never start in the plan; check the year"),
    ({"Injuries": [INJURY_HEAD, INJURY[:3] + ("P2", "2027-01-20", "Cup final")],
      "Stage_history": [("Athlete ID", "Stage", "Start"), ("A1", "P1", "2062-01-02")]},
     f"Stage history, row 2, Start: Mon 2 Jan 2062 is more than a year after the season ends "
     f"({END}), so the stage would never start in the plan; check the year"),
    ({"Unavailable": [("Athlete ID", "From", "To"), ("A1", "2027-01-10", "2062-01-12")]},
     f"Unavailable, row 2, To: Thu 12 Jan 2062 is more than a year after the season ends ({END}), "
     f"so the athlete would be away for the rest of the season; check the year (away to the "
     f"end: write {END})"),
    ({"Unavailable": [("Athlete ID", "From", "To"), ("A1", "2027-01-10", "9999-12-31")]},
     f"Unavailable, row 2, To: Fri 31 Dec 9999 is more than a year after the season ends ({END}), "
     f"so the athlete would be away for the rest of the season; check the year (away to the "
     f"end: write {END})"),
])
def test_a_date_typed_a_year_or_more_past_the_season_is_refused(tmp_path, sheets, problem):
    """A Stage start typed 2062-07-27 for 2026-07-27 imported with no word: the player 'not
    back this season', the target MISSED; an Unavailable To in 2062 (or 9999) kept a player away
    for the rest of the season."""
    path = book(tmp_path, Competitions=COMPETITION_ROWS, **sheets)
    assert problems_of(path)[0] == problem


def test_a_date_a_year_past_the_season_or_less_is_read_as_written(tmp_path):
    """The limit is the onset check's year: a stage planned after the season ends within it, and
    an absence to a day early in the next season, are kept."""
    sheets = {"Injuries": [INJURY_HEAD, INJURY, INJURY[:3] + ("P2", "2028-03-27", "Cup final")],
              "Unavailable": [("Athlete ID", "From", "To"), ("A2", "2027-03-01", "2028-03-27")]}
    season = import_workbook(book(tmp_path, Competitions=COMPETITION_ROWS, **sheets))
    assert [r.start for r in season.injuries[0].stages] == [D(2027, 1, 2), D(2028, 3, 27)]
    assert season.unavailability[0].end == D(2028, 3, 27)


def test_an_absence_from_long_before_the_season_is_kept_with_a_check_the_year_note(tmp_path):
    """As an Onset more than a year before the season starts: it may be meant (a player away since
    last season), so a note, not a refusal."""
    notes: list[str] = []
    sheets = {"Unavailable": [("Athlete ID", "From", "To"), ("A1", "2016-01-10", "2027-01-12")]}
    season = import_workbook(book(tmp_path, Competitions=COMPETITION_ROWS, **sheets), notes)
    assert season.unavailability[0].start == D(2016, 1, 10)
    assert notes == ["Unavailable, row 2, From: Sun 10 Jan 2016 is more than a year before the "
                     "season starts (Mon 4 Jan 2027); check the year"]


# -- 3. a far-off End date -------------------------------------------------------------------------------
def test_a_far_off_end_date_is_refused_without_building_its_days(tmp_path, monkeypatch):
    """End date 31 Dec 9999 took 17.7 s and 337 MB before its refusal: every day up to 9999 of
    the competition was built (the days a match's minutes played alone may fall on). The days
    built are counted: a week's at most for the one competition."""
    import planner.sessionlog as sessionlog

    built: list[int] = []
    days = sessionlog.competition_days

    def counted(competitions):
        competitions = list(competitions)
        built.append(sum((c.last - c.date).days + 1 for c in competitions))
        return days(competitions)

    monkeypatch.setattr(sessionlog, "competition_days", counted)
    rows = [("Date", "Name", "Priority", "End date"), ("2027-01-09", "League 1", "C", "9999-12-31")]
    assert problems_of(book(tmp_path, Competitions=rows)) == [
        "Competitions, row 2, End date: Fri 31 Dec 9999 is outside the season (Mon 4 Jan 2027 to "
        "Sun 28 Mar 2027); move it inside"]
    assert built and sum(built) <= 7


# -- 5. a date cell holding a number past the last date ---------------------------------------------------
def test_a_date_cell_holding_a_number_past_every_date_is_said_not_to_be_a_date(tmp_path):
    """A Date cell holding the serial 1e12 printed openpyxl's warning with its file's path, then
    "shows the error #VALUE!; fix the formula or type the value" of a cell with no formula. Said
    as what it is, on the Season sheet too, with no library warning."""
    import warnings

    import openpyxl

    path = book(tmp_path, Competitions=COMPETITION_ROWS)
    wb = openpyxl.load_workbook(path)
    for ws, ref in ((wb["Competitions"], "A3"), (wb["Season"], "B4")):
        ws[ref] = 1e12
        ws[ref].number_format = "yyyy-mm-dd"
    wb.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        problems = problems_of(path)
    assert [str(w.message) for w in caught] == []
    said = "1000000000000 is not a date: a number outside the dates a spreadsheet has (1900 to " \
           "9999); type the date, e.g. 2026-09-12"
    assert problems == [f"Season, row 4 (End): {said}", f"Competitions, row 3, Date: {said}"]


def test_only_that_warning_is_kept_from_the_coach():
    """The reader silences openpyxl's warning of a date past the last one, and no other."""
    import warnings

    from planner.coachform.read import _sheet_rows

    class Sheet:
        def iter_rows(self, **_):
            warnings.warn("Cell A2 is marked as a date but the serial value 1e+12 is outside the "
                          "limits for dates. The cell will be treated as an error.", stacklevel=1)
            warnings.warn("something else", UserWarning, stacklevel=1)
            yield ("cell",)

    beyond: dict[str, str] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert list(_sheet_rows(Sheet(), beyond)) == [(1, ("cell",))]
    assert [str(w.message) for w in caught] == ["something else"]
    assert beyond == {"A2": "1e+12"}


# -- 4. thousands of competitions ----------------------------------------------------------------------------
def test_more_competitions_than_a_season_holds_are_refused_as_the_athletes_are(tmp_path):
    """10,000 Competitions rows (40 matches a day) imported after 73-140 s with no word, and the
    solve then found no plan without naming the cause."""
    from planner import limits

    n = limits.MAX_COMPETITIONS + 1
    start = D(2027, 1, 4)
    rows = [("Date", "Name", "Priority")] + [
        (start + dt.timedelta(days=k % 80), f"Match {k}", "C") for k in range(n)]
    assert problems_of(book(tmp_path, Competitions=rows)) == [
        f"Competitions: {n:,} rows; at most {limits.MAX_COMPETITIONS:,} competitions a season (a "
        f"match every day of two years is 730): is this the right sheet? Keep one team's matches "
        f"of one season (split the rows into several workbooks)"]
    season = import_workbook(book(tmp_path, "ok.xlsx", Competitions=rows[:-1]))
    assert len(season.competitions) == limits.MAX_COMPETITIONS


def _pairs_before(comps, j):
    c = comps[j]
    return [i for i, o in enumerate(comps[:j]) if o.date <= c.last and c.date <= o.last]


def test_the_competitions_sharing_a_day_are_found_by_date_as_by_every_pair():
    """The days two matches share were found by comparing every competition with every one
    before it (10,000 rows: minutes); found by date now, the same for short and long events."""
    import random

    from planner.season import Competition
    from planner.validate import _Overlaps

    rng = random.Random(259)
    start = D(2027, 1, 4)
    comps = tuple(Competition(id=f"c{k}", name=f"M{k}", priority="C",
                              date=(day := start + dt.timedelta(days=rng.randrange(60))),
                              end_date=day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 3, 6, 9, 40])))
                  for k in range(300))
    overlaps = _Overlaps(comps)
    assert any(overlaps.long) and any(overlaps.before(j) for j in range(len(comps)))
    assert [overlaps.before(j) for j in range(len(comps))] == \
        [_pairs_before(comps, j) for j in range(len(comps))]


def test_the_days_shared_by_many_competitions_are_found_without_comparing_every_pair(monkeypatch):
    """A bound on the work, not a time: 2,000 one-day matches, 10 a day, each compared with the
    matches of its week at most (every pair: 2 million comparisons)."""
    from planner import validate
    from planner.season import Calendar, Competition, Season

    start = D(2027, 1, 4)
    comps = tuple(Competition(id=f"c{k}", name=f"M{k}", priority="C",
                              date=start + dt.timedelta(days=k % 200)) for k in range(2000))
    season = Season(name="s", calendar=Calendar(start=start, end=start + dt.timedelta(days=210)),
                    competitions=comps)
    reads = [0]
    last = Competition.last

    def counted(self):
        reads[0] += 1
        return last.fget(self)

    monkeypatch.setattr(Competition, "last", property(counted))
    notes = validate.shared_day_notes(season)
    assert len(notes) == 1 and "200 days each hold" in notes[0]
    assert reads[0] < 300_000


# -- 6. a percent sign in a field that is not a percentage ---------------------------------------------------
RPE_PCT = "'85%' is a percentage; write session RPE on the CR-10 scale (0-10)"


def test_a_percent_typed_for_starter_minutes_is_refused_as_typed(tmp_path):
    """Starter minutes '85%' imported as 85 minutes without a word."""
    from tests.planner.test_coachform import SEASON_ROWS

    path = book(tmp_path, Season=SEASON_ROWS + [("Starter minutes", "85%")])
    assert problems_of(path) == ["Season, row 5 (Starter minutes): '85%' is a percentage; write "
                                 "the minutes a starter plays in a match, from 10 to 240, e.g. 80"]
    kept = book(tmp_path, "ok.xlsx", Season=SEASON_ROWS + [("Starter minutes", "85")])
    assert import_workbook(kept).rules.values["LD-1"]["minutes_start"] == 85


def test_a_percent_typed_for_an_rpe_or_pain_is_refused_as_typed_in_the_workbook(tmp_path):
    """RPE '85%' said "RPE: 85 is outside 0-10": the % typed gone from the message; a Top speed
    % keeps its sign."""
    rows = [("Athlete ID", "Date", "Minutes", "RPE", "Top speed %", "Pain"),
            ("A1", "2027-01-05", 60, "85%", "92%", None), ("A2", "2027-01-05", 60, 5, "92 %", "3%")]
    today = [("Key", "Value"), ("Name", "Riverside U19"), ("Start", D(2027, 1, 4)),
             ("End", D(2027, 3, 28)), ("Today", D(2027, 1, 10))]
    assert problems_of(book(tmp_path, Season=today, Sessions=rows)) == [
        f"Sessions, row 2, RPE: {RPE_PCT}",
        "Sessions, row 3, Pain: '3%' is a percentage; write pain on a 0-10 scale (0-10)"]
    rows[1:] = [("A1", "2027-01-05", 60, 8, "92%", None)]
    (session,) = import_workbook(book(tmp_path, "ok.xlsx", Season=today, Sessions=rows)).sessions
    assert (session.rpe, session.top_speed_pct) == (8, 92)


def test_a_percent_typed_for_an_rpe_is_refused_as_typed_in_a_log(tmp_path):
    from planner.errors import InputError
    from planner.sessionlog import read_sessions
    from tests.builders import day, season

    s = season(weeks=4, athletes=2, today=day(14))
    log = tmp_path / "log.csv"
    log.write_text(f"Athlete ID,Date,Minutes,RPE,Top speed %\nA1,{day(1)},60,85%,92%\n"
                   f"A2,{day(1)},60,6,90%\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_sessions(log, s)
    assert e.value.problems == [f"row 2 (A1, {day(1)}), RPE: {RPE_PCT}"]
    log.write_text(f"Athlete ID,Date,Minutes,RPE,Top speed %\nA1,{day(1)},60,8,92%\n", encoding="utf-8")
    assert [(x.rpe, x.top_speed_pct) for x in read_sessions(log, s).sessions] == [(8, 92)]


def test_a_number_in_a_cell_formatted_as_a_percentage_is_refused_where_no_percentage_goes(tmp_path):
    """'85%' typed into an Excel cell is stored as 0.85 formatted as a percentage: it was read as
    an RPE of 0.85 (a tenth of the load) without a word. A Top speed % cell keeps reading it as
    the 85 % it shows."""
    import openpyxl

    rows = [("Athlete ID", "Date", "Minutes", "RPE", "Top speed %", "Pain"),
            ("A1", "2027-01-05", 60, 0.85, 0.92, None), ("A2", "2027-01-05", 60, 6, 0.9, 0.03)]
    today = [("Key", "Value"), ("Name", "Riverside U19"), ("Start", D(2027, 1, 4)),
             ("End", D(2027, 3, 28)), ("Today", D(2027, 1, 10))]

    def formatted(name: str, percent: tuple[str, ...]) -> str:
        path = book(tmp_path, name, Season=today, Sessions=rows)
        wb = openpyxl.load_workbook(path)
        ws = wb["Sessions"]
        for ref in percent:
            ws[ref].number_format = "0%"
        wb.save(path)
        return path

    assert problems_of(formatted("pct.xlsx", ("D2", "E2", "E3", "F3"))) == [
        "Sessions, row 2, RPE: shows 85 %, a percentage (the cell is formatted as one); write "
        "session RPE on the CR-10 scale (0-10) in a cell formatted as a number",
        "Sessions, row 3, Pain: shows 3 %, a percentage (the cell is formatted as one); write "
        "pain on a 0-10 scale (0-10) in a cell formatted as a number"]
    rows[1:] = [("A1", "2027-01-05", 60, 8, 0.92, None)]
    (session,) = import_workbook(formatted("ok.xlsx", ("E2",))).sessions
    assert (session.rpe, session.top_speed_pct) == (8, 92)
