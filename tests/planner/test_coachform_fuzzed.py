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
