"""A player added to a solved season by importing the coach workbook again (``--keep``): every
command says he is not planned yet until ``solve --save`` plans him (subprocess)."""

from __future__ import annotations

import openpyxl

from planner.seasonfile import load_season
from tests.builders import season, solved_and_checked
from tests.e2e.test_cli_io import run


def test_a_reimported_signing_is_said_not_planned_until_a_solve(tmp_path):
    from planner.check import check_plan
    from planner.seasonfile import save_season

    s = season(weeks=3, athletes=2)
    save_season(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}),
                tmp_path / "s.season.json", backup=False)
    assert run("export", "s.season.json", "--template", "team.xlsx", cwd=tmp_path).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "team.xlsx")
    wb["Athletes"].append(("A9", "New Signing", "Forward"))
    wb.save(tmp_path / "team.xlsx")
    r = run("import", "team.xlsx", "-o", "s.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").plan.unplanned == ("A9",)

    r = run("explain", "s.season.json", "--athlete", "A9", "--date", "2027-01-06", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("New Signing (A9), Wed 6 Jan 2027: not planned yet: Plan ▸ Solve (F5) (or periodize "
            "solve s.season.json --save)") in r.stdout
    assert "Session" not in r.stdout
    r = run("check", "s.season.json", cwd=tmp_path)
    said = ("1 athlete not planned yet (New Signing): their days are not checked nor counted, and "
            "no handout, calendar or athlete sheet is made for them")
    assert f"{said}; periodize solve s.season.json --save plans them" in r.stdout
    assert " A9 " not in r.stdout
    r = run("export", "s.season.json", "--xlsx", "x.xlsx", "--ics", "ics", "--handouts", "ho",
            "--json", "plan.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Warning: {said}; periodize solve s.season.json --save plans them." in r.stderr
    assert f"{said}; solve (F5) first" in r.stdout
    assert f"  {said}; solve, then export again." in r.stdout
    assert sorted(p.name for p in (tmp_path / "ho").iterdir()) == ["A1 Athlete 1.pdf", "A2 Athlete 2.pdf"]
    cover = {row[0]: row[1] for row in openpyxl.load_workbook(tmp_path / "x.xlsx")["Cover"]
             .iter_rows(values_only=True) if row[0]}
    assert cover["Not planned"].startswith("1 athlete not planned yet (New Signing)")

    r = run("check", "s.season.json", "plan.json", cwd=tmp_path)  # the exported plan: the same
    assert f"{said}; periodize solve s.season.json --save plans them" in r.stdout
    assert " A9 " not in r.stdout

    r = run("solve", "s.season.json", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    solved = load_season(tmp_path / "s.season.json")
    assert solved.plan.unplanned == ()
    assert any(solved.plan.for_athlete("A9").intensity)
    assert check_plan(solved, solved.plan).violations == ()  # the independent checker
    r = run("explain", "s.season.json", "--athlete", "A9", "--date", "2027-01-06", cwd=tmp_path)
    assert "not planned yet" not in r.stdout
