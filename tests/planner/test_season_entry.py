"""Seasons a coach can make that used to be taken or changed without a word: each is refused or
pointed out where it is entered (the season file, the coach workbook, an edit)."""

from __future__ import annotations

import pytest

from planner import edits as E
from planner.coachform.read import import_workbook
from planner.coachform.write import save_template_form, training_days_text
from planner.errors import InputError
from planner.seasonfile import season_from_dict, season_to_dict
from tests.builders import season
from tests.planner.test_coachform import SEASON_ROWS, book, problems_of


def _file_problems(data: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        season_from_dict(data, "club.season.json")
    return err.value.problems


# -- no training weekday ---------------------------------------------------------------------------
def test_a_season_file_without_a_training_weekday_is_refused_with_the_fix():
    data = season_to_dict(season())
    data["calendar"]["training_days"] = []
    [problem] = _file_problems(data)
    assert problem.startswith("calendar.training_days: lists no weekday; a season needs at least "
                              "one training weekday")
    assert '["tue", "thu"]' in problem and "Season ▸ Season Settings" in problem


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
