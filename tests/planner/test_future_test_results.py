"""A criteria result dated after today (or after the season start, no today set) in the season
file was kept and silently dropped: `check` said nothing, the solve ignored the failing test.
The file still opens (today may have moved back over it), with a located note naming the
athlete, the test, the date and that it is read once today passes it; the coach workbook, where
the result is typed, refuses it by sheet, row and field."""

from __future__ import annotations

import pytest

from planner.errors import InputError
from planner.season import CriteriaTest
from planner.seasonfile import season_from_dict, season_to_dict
from tests.builders import day, injury, season

LSI = "Hip-flexor strength LSI"


def _with_test(today=None, on: int = 16, value: float = 70):
    s = season(weeks=4, athletes=2, today=today, injuries=(injury("A1", "P2", start_day=-3),))
    (inj,) = s.injuries
    test = CriteriaTest(date=day(on), name=LSI, value=value, unit="%")
    return s.model_copy(update={"injuries": (inj.model_copy(update={"tests": (test,)}),)})


def test_a_result_after_the_season_start_in_the_file_is_said_in_a_note():
    notes: list[str] = []
    loaded = season_from_dict(season_to_dict(_with_test()), "s", notes)
    assert loaded.injuries[0].tests[0].date == day(16)  # kept: it counts once today passes it
    assert notes == [
        f"injuries[0].tests[0].date: Athlete 1 (A1)'s {LSI} result (70 %) of "
        f"{day(16).isoformat()} is after the season start ({day(0).isoformat()}; no today is "
        f"set); a test result counts once it was taken, so it is not read until today passes "
        f"it: correct the date, or move today on (periodize advance)"], notes


def test_a_result_after_today_is_noted_and_one_on_today_is_not():
    notes: list[str] = []
    season_from_dict(season_to_dict(_with_test(today=day(14))), "s", notes)
    assert [n.split(";")[0] for n in notes] == [
        f"injuries[0].tests[0].date: Athlete 1 (A1)'s {LSI} result (70 %) of "
        f"{day(16).isoformat()} is after today ({day(14).isoformat()})"], notes
    notes = []
    season_from_dict(season_to_dict(_with_test(today=day(16))), "s", notes)
    assert notes == []


def test_check_says_the_note_before_it_checks(tmp_path):
    from planner.seasonfile import save_season
    from tests.e2e.test_cli import run

    save_season(_with_test(), tmp_path / "crit.season.json", backup=False)
    r = run("check", "crit.season.json", cwd=tmp_path)
    assert (f"Note: crit.season.json: injuries[0].tests[0].date: Athlete 1 (A1)'s {LSI} result "
            f"(70 %) of {day(16).isoformat()} is after the season start") in r.stderr, r.stderr


def test_the_workbook_refuses_a_result_after_the_season_start_by_sheet_row_and_field(tmp_path):
    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.text import date_long

    path = tmp_path / "coach.xlsx"
    save_template_form(_with_test(), path)
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert err.value.problems == [
        f"Tests, row 2, Date: {date_long(day(16))} is after the season start "
        f"({date_long(day(0))}; no today is set): a test result is recorded once it was taken; "
        f"set today to the test date or later first"], err.value.problems


def test_the_checker_does_not_hold_the_solvers_plan_on_a_result_not_read_yet():
    """The note says it is not read until today passes it: the solver plans P2's exit without
    the failing result of Wed 20 Jan, and the checker read it and reported its own plan under
    RH-CRIT ("leaves P2 on Fri 22 Jan, but the latest result fails: … 70 % on Wed 20 Jan")."""
    from tests.builders import solved_and_checked

    s = season(weeks=10, athletes=1, injuries=(injury("A1", "P2", start_day=-3),))
    (inj,) = s.injuries
    test = CriteriaTest(date=day(16), name=LSI, value=70, unit="%")
    s = s.model_copy(update={"injuries": (inj.model_copy(update={"tests": (test,)}),)})
    out, _report = solved_and_checked(s, time_limit=20)
    left = out.plan.for_athlete("A1").stages.index("P3")
    assert 16 < left < 16 + 7  # out of P2 before the retest the result would ask for
