"""A season with an obvious reason to have no plan says it (issue 15, item 10): no training
weekday, every day off. It used to exit 2 with "no small conflicting set was found"."""

from __future__ import annotations

import datetime as dt

from planner.precheck import obvious_conflicts
from planner.season import NonTrainingDay
from planner.seasonfile import load_season, save_season
from tests.e2e.test_cli import run as run_cli  # in this process: what a command says is tested
from tests.reliability.hostile import ROOT


def _demo():
    return load_season(ROOT / "templates" / "demo.season.json")


def _no_training_days(s):
    return s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": ()})})


def _every_day_off(s):
    cal = s.calendar
    days = tuple(NonTrainingDay(date=cal.start + dt.timedelta(days=i), reason="Off")
                 for i in range((cal.end - cal.start).days + 1))
    return s.model_copy(update={"calendar": cal.model_copy(update={"non_training_days": days})})


def test_the_precheck_names_the_cause():
    s = _demo()
    assert obvious_conflicts(s) == []
    [(path, _, _, text)] = obvious_conflicts(_no_training_days(s))
    assert path == "calendar.training_days" and "no training weekday" in text
    [(path, first, last, text)] = obvious_conflicts(_every_day_off(s))
    assert path == "calendar.non_training_days" and "is a day off" in text
    assert (first, last) == (s.calendar.today or s.calendar.start, s.calendar.end)


def test_the_cli_explains_every_day_off_plainly_with_exit_2(tmp_path):
    save_season(_every_day_off(_demo()), tmp_path / "s.season.json")
    r = run_cli("solve", "s.season.json", "--time-limit", "30", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    words = "CALENDAR (calendar.non_training_days): every day from"
    assert words in r.stderr and "no small conflicting set" not in r.stderr
    assert "because of the calendar" in r.stderr


def test_a_season_file_without_a_training_weekday_opens_with_a_note(tmp_path):
    """Refusing such a file when read locked the coach out of the season (the app showed the
    demo instead, and Season Settings, the fix it named, then edited the demo): it opens, and
    the note says what to change and where."""
    save_season(_no_training_days(_demo()), tmp_path / "s.season.json")
    notes: list[str] = []
    assert load_season(tmp_path / "s.season.json", notes).calendar.training_days == ()
    assert notes == ["calendar.training_days: lists no weekday; a season needs at least one "
                     "training weekday, or nothing can be planned: list the weekdays the team "
                     "trains, such as [\"tue\", \"thu\"] (Season ▸ Season Settings, Training "
                     "days)"]
    # solving it is bad input (exit 1, the located fix), not an infeasible season (exit 2)
    r = run_cli("solve", "s.season.json", "--time-limit", "30", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert r.stderr == f"periodize: s.season.json: {notes[0]}\n"


def test_every_command_that_plans_a_season_without_a_training_weekday_refuses_it_alike(tmp_path):
    """'solve' refused such a season as bad input (exit 1) while 'whatif', 'record' and
    'advance' planned it and said 'infeasible' (exit 2): one file, two answers. And 'solve
    --json' left an earlier plan file at its path unsaid."""
    s = _demo()
    save_season(_no_training_days(s), tmp_path / "s.season.json")
    refusal = ("periodize: s.season.json: calendar.training_days: lists no weekday; a season "
               "needs at least one training weekday")
    day = (s.calendar.start + dt.timedelta(days=10)).isoformat()
    for args in (("whatif", "s.season.json", "--new", "x", "--day-off", day),
                 ("record", "s.season.json", "--day-off", day),
                 ("advance", "s.season.json", "--today", day),
                 ("advance", "s.season.json", "--today", day, "--accept", "--no-replan")):
        r = run_cli(*args, "--time-limit", "30", cwd=tmp_path)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert r.stderr.startswith(refusal), (args, r.stderr)
    before = (tmp_path / "s.season.json").read_bytes()
    earlier = '{"format": "periodize-plan", "status": "optimal"}'  # an earlier solve's, as it reads
    (tmp_path / "plan.json").write_text(earlier, encoding="utf-8")
    r = run_cli("solve", "s.season.json", "--json", "plan.json", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.startswith(refusal), r.stderr
    assert ("Nothing was solved: plan.json is left as it was, an earlier solve's plan, not one "
            "of this season") in r.stderr
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == earlier
    assert (tmp_path / "s.season.json").read_bytes() == before
    # moving today without planning it is no plan: allowed
    r = run_cli("advance", "s.season.json", "--today", day, "--no-replan", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_check_refuses_a_season_without_a_training_weekday_as_solve_does(tmp_path, capsys):
    """Review 259: 'check' read such a season with a note and exited 3 (thousands of hard
    violations of a season nothing can be planned in) while 'solve' refused it (exit 1): one
    file, two answers. Both refuse it now, with the field and the fix; the file still opens
    (in the app too: refusing it when read locked the coach out)."""
    from planner.validate import NO_WEEKDAY_PROBLEM
    from ui.cli.main import main

    s = _demo()
    save_season(_no_training_days(s), tmp_path / "s.season.json")
    path = str(tmp_path / "s.season.json")
    said = {}
    for command in ("solve", "check"):
        assert main([command, path]) == 1, command
        said[command] = capsys.readouterr().err
    assert said["check"] == said["solve"] == f"periodize: {path}: {NO_WEEKDAY_PROBLEM}\n"
    assert load_season(path).calendar.training_days == ()


def test_explain_return_refuses_a_season_without_a_training_weekday_as_solve_does(tmp_path, capsys):
    """Review 274: 'explain --return' on such a season said 'cannot be back to FIT within the
    season under the current rules' and exited 0: the rules blamed, the empty training days
    unsaid. It is refused as every command that plans refuses it, and so is the query itself
    (the app's way in, without a file's path)."""
    import pytest

    from planner.errors import InputError
    from planner.validate import NO_WEEKDAY_PROBLEM
    from solver.queries import return_report
    from ui.cli.main import main

    s = _no_training_days(_demo())
    save_season(s, tmp_path / "s.season.json")
    path = str(tmp_path / "s.season.json")
    injured = s.injuries[0].athlete
    assert main(["explain", path, "--return", injured]) == 1
    out, err = capsys.readouterr()
    assert err == f"periodize: {path}: {NO_WEEKDAY_PROBLEM}\n"
    assert "cannot be back to FIT" not in out + err
    with pytest.raises(InputError) as e:
        return_report(s, injured)
    assert e.value.problems == [NO_WEEKDAY_PROBLEM]
