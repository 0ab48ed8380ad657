"""`periodize next-season`: the season after one, written as a new file, the old one untouched."""

from __future__ import annotations

from planner.seasonfile import load_season, save_season
from tests.e2e.test_cli import run
from tests.planner.test_nextseason import ended_season


def test_next_season_writes_a_new_file_and_leaves_the_old_one(tmp_path):
    save_season(ended_season(), tmp_path / "old.season.json")
    before = (tmp_path / "old.season.json").read_bytes()
    r = run("next-season", "old.season.json", "-o", "new.season.json", "--name", "Test 2027/28",
            "--start", "2027-02-01", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "old.season.json").read_bytes() == before
    assert r.stdout.startswith("Wrote the next season, 'Test 2027/28' (Mon 1 Feb 2027 to Sun 28 "
                               "Feb 2027), to new.season.json; old.season.json is unchanged.\n")
    assert "  Rehab carried: 2 injuries still open" in r.stdout
    assert ("Next: add its competitions (periodize record new.season.json --add-competition NAME "
            "DATE A|B|C --save") in r.stdout
    new = load_season(tmp_path / "new.season.json")
    assert [a.id for a in new.athletes] == ["A1", "A2", "A3", "A5"]
    # the way the hint gives: a competition added, then a plan that checks clean
    r = run("record", "new.season.json", "--add-competition", "Opener", "2027-02-13", "B", "--save",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("check", "new.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


def test_next_season_refuses_what_would_lose_a_file_or_does_not_follow(tmp_path):
    save_season(ended_season(), tmp_path / "old.season.json")
    r = run("next-season", "old.season.json", "-o", "old.season.json", cwd=tmp_path)
    assert r.returncode == 1
    assert "is also the season file it follows" in r.stderr
    (tmp_path / "new.season.json").write_text("{}")
    r = run("next-season", "old.season.json", "-o", "new.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "exists already" in r.stderr and "--replace" in r.stderr
    assert (tmp_path / "new.season.json").read_text() == "{}"
    r = run("next-season", "old.season.json", "-o", "n2.season.json", "--start", "2027-01-20",
            cwd=tmp_path)
    assert r.returncode == 1 and not (tmp_path / "n2.season.json").exists()
    assert ("the next season: starts on Wed 20 Jan 2027, before the last one ends (Sun 31 Jan "
            "2027); start it on Mon 1 Feb 2027 or later") in r.stderr
    r = run("next-season", "old.season.json", "-o", "n2.season.json", "--end", "31/13/2027",
            cwd=tmp_path)
    assert r.returncode == 1 and ("--end: '31/13/2027' is not a day of the calendar (there is no "
                                  "month 13") in r.stderr


def test_after_a_long_break_the_printed_pin_gives_a_deload_first_week(tmp_path):
    """The next season after a 4-week break: the command its notice prints, run as printed,
    pins the team's first week as a deload, and the plan stored holds against the checker."""
    import shlex

    from planner.check import check_plan

    save_season(ended_season(), tmp_path / "old.season.json")
    r = run("next-season", "old.season.json", "-o", "new.season.json", "--start", "2027-03-01",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    line = next(n for n in r.stdout.splitlines() if n.startswith("  First weeks:"))
    command = line.split("; or periodize ", 1)[1].split(")", 1)[0]
    assert command == "record new.season.json --pin-week 2027-03-01 deload --save"
    r = run(*shlex.split(command), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    new = load_season(tmp_path / "new.season.json")
    assert new.plan is not None and new.plan.team_weeks[:2] == ("deload", "load")
    assert [str(v) for v in check_plan(new, new.plan).violations] == []
    # a kind or a day the season has not: refused, naming the option and the fix
    r = run("record", "new.season.json", "--pin-week", "2027-03-01", "light", cwd=tmp_path)
    assert r.returncode == 1 and "--pin-week: 'light' is not a week kind; use load, deload or taper" in r.stderr
    r = run("record", "new.season.json", "--pin-week", "2027-05-03", "deload", cwd=tmp_path)
    assert r.returncode == 1 and ("--pin-week: 2027-05-03: 3 May 2027 is not in the season (1 Mar "
                                  "2027 to 28 Mar 2027); give a day of the week to pin") in r.stderr


def test_rule_settings_set_during_the_season_are_named_in_the_next_seasons_list(tmp_path):
    """`record --rule HV-1.max_gap_days=9 --rule DL-2.max_load_weeks=4` in March, then
    `next-season`: the new file kept both and the list ("Each choice is said") named neither."""
    save_season(ended_season(), tmp_path / "old.season.json")
    r = run("record", "old.season.json", "--rule", "HV-1.max_gap_days=9", "--rule",
            "DL-2.max_load_weeks=4", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("next-season", "old.season.json", "-o", "new.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("\n  Rule settings carried: DL-2 load weeks in a row before a deload: 4 weeks "
            "(default 3), HV-1 window length: 9 days (default 8)\n") in r.stdout
    new = load_season(tmp_path / "new.season.json")
    assert new.rules.values == {"HV-1": {"max_gap_days": 9}, "DL-2": {"max_load_weeks": 4}}
