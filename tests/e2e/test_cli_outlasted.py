"""A stage that outlasted its maximum by the season's start is bad input (rules-spec section
4): `solve` said "Solving: 24 athletes x 280 days …" and only then refused it, and `check` said
the plan file's notes first; neither named the file or the field. Now both refuse it first,
with the file and the field, as every other bad-input message does (interfaces.md)."""

from __future__ import annotations

from planner.seasonfile import save_season
from tests.builders import injury, season
from tests.e2e.test_cli import run


def _outlasted(tmp_path):
    """A2 recorded in P1 then P2 (day -60: 60 days by the season's first day, P2's maximum 42),
    and a plan file (not a plan: read after the season, it would be refused on its own)."""
    s = season(weeks=2, athletes=2, injuries=(injury("A2", "P2", start_day=-60,
                                                     history=(("P1", -70),)),))
    save_season(s, tmp_path / "out.season.json", backup=False)
    (tmp_path / "plan.json").write_text("{}", encoding="utf-8")


REFUSAL = ("periodize: out.season.json: injuries[0].stages[1].start: Athlete 2 (A2) has been in "
           "P2 since 5 Nov 2026: 60 days by the season's first day, 4 Jan 2027, and P2 lasts at "
           "most 42 days")


def test_solve_refuses_it_with_the_file_and_field_before_solving(tmp_path):
    _outlasted(tmp_path)
    r = run("solve", "out.season.json", "--time-limit", "5", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(REFUSAL), r.stderr
    assert "Solving" not in r.stderr + r.stdout


def test_check_refuses_it_with_the_file_and_field_before_the_plan_is_read(tmp_path):
    _outlasted(tmp_path)
    r = run("check", "out.season.json", "plan.json", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(REFUSAL), r.stderr
    assert "plan.json" not in r.stderr, r.stderr
