"""The periodize command end to end: exit codes, messages, files written. ``run`` calls the
console script's ``main(argv)`` in this process (a fresh interpreter per command spent about a
second importing each time); the tests of the entry point itself, signals and closed streams
start a real process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from planner.season import Competition, IntensityPin, Unavailability, WeekPin
from planner.seasonfile import load_season, save_season
from planner.text import date_long, day_long
from tests.builders import day, injury, season

ROOT = Path(__file__).resolve().parents[2]


# the computer's date the commands see: after every test season, so that what they say does not
# depend on the day the tests run (advance notes a today after it)
CLOCK = "2099-12-31"


def run_process(*args, cwd, clock: str = CLOCK, env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess:
    """``periodize ARGS`` as a process of its own, with only these settings in its environment."""
    return subprocess.run([sys.executable, "-m", "ui.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(cwd),
                               "PERIODIZE_CLOCK": clock, **(env or {})})


def run(*args, cwd, clock: str = CLOCK, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess:
    """``periodize ARGS`` run in the folder ``cwd`` as the console script runs it (``main`` with
    its exit code; SystemExit's code when it exits), the computer's date ``clock``, HOME ``cwd``
    and no other Periodize setting in the environment; its output captured."""
    from ui.cli.main import main

    argv = [str(a) for a in args]
    if not argv or argv[0] == "open":  # the app: a process of its own, as from a terminal
        return run_process(*argv, cwd=cwd, clock=clock, env=env)
    out, err = io.StringIO(), io.StringIO()
    wanted = {"HOME": str(cwd), "PERIODIZE_CLOCK": clock, **(env or {})}
    saved = dict(os.environ)  # put back whole: a command may set a variable (QT_QPA_PLATFORM)
    here = os.getcwd()
    try:
        os.environ.pop("PERIODIZE_SESSIONS", None)
        os.environ.update(wanted)
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["periodize", *argv], code, out.getvalue(), err.getvalue())


def test_demo_solve_check_round_trip(tmp_path):
    r = run("demo", "-o", "d.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("solve", "d.season.json", "--json", "p.json", "--xlsx", "p.xlsx", "--time-limit", "60",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Status:" in r.stdout and "Objective:" in r.stdout and "RTS" in r.stdout
    # LD-1's spikes at weight 0 (the default): "58 / 0" alone did not say what to do about them
    spikes = re.search(r"LD-1 +No planned load spike +(\d+) / 0\n", r.stdout)
    assert spikes and int(spikes[1]) > 0, r.stdout
    assert (f"Listed, not avoided: LD-1 (no planned load spike: {spikes[1]}). Weight 0 counts them "
            f"without steering the plan; to have the plan avoid them, give it a weight "
            f"(periodize record d.season.json --rule LD-1.weight=20 --save re-plans with it)") in r.stdout
    plan = json.loads((tmp_path / "p.json").read_text())
    assert plan["format"] == "periodize-plan" and plan["status"] in ("optimal", "feasible")
    assert len(plan["athletes"]) == 24
    assert {"date", "md", "stage", "intensity", "available"} <= set(plan["athletes"][0]["days"][0])
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True)
    assert "Overview" in wb.sheetnames and len(wb.sheetnames) >= 25
    r = run("check", "d.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 hard violation" in r.stdout
    # the season file was not changed without --save
    assert load_season(tmp_path / "d.season.json").plan is None


def test_solve_save_then_export(tmp_path):
    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    r = run("check", "s.season.json", cwd=tmp_path)  # no plan stored, none given: bad input
    assert r.returncode == 1 and "stores no plan" in r.stderr and "--save" in r.stderr, r.stderr
    r = run("solve", "s.season.json", "--save", "--deterministic", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").plan is not None
    # the .bak the weekly loop's way back relies on is said, as 'whatif --delete' says it
    assert "Stored the plan in s.season.json (the previous file is kept as s.season.json.bak)" in r.stdout
    assert load_season(tmp_path / "s.season.json.bak").plan is None
    r = run("check", "s.season.json", cwd=tmp_path)  # the stored plan
    assert r.returncode == 0 and "0 hard violation" in r.stdout, r.stdout + r.stderr
    r = run("export", "s.season.json", "--xlsx", "out.xlsx", "--json", "out.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out.xlsx").exists() and (tmp_path / "out.json").exists()


def test_check_reports_a_broken_plan_with_exit_3(tmp_path):
    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--json", "p.json", "--time-limit", "20", cwd=tmp_path).returncode == 0
    plan = json.loads((tmp_path / "p.json").read_text())
    days = plan["athletes"][0]["days"]
    days[6]["intensity"] = 95  # a Sunday is not a training day
    (tmp_path / "p.json").write_text(json.dumps(plan))
    r = run("check", "s.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 3
    assert "AV-1" in r.stdout and "A1" in r.stdout and "2027-01-10" in r.stdout
    # a clean copy of the same athlete after the broken one: the later copy won, and the check
    # found nothing (exit 0); now the plan is refused, the copy located
    clean = json.loads(json.dumps(plan))
    clean["athletes"][0]["days"][6]["intensity"] = 0
    plan["athletes"].append(clean["athletes"][0])
    (tmp_path / "p.json").write_text(json.dumps(plan))
    r = run("check", "s.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "athletes[2].id: A1 is planned twice (also athletes[0]); keep one of them" in r.stderr


def test_check_json_lists_the_violations_with_the_plan_jsons_soft_keys(tmp_path):
    """check printed padded columns only: an ID with a space split wrong, and an AMS had no
    format to read. ``--json OUT`` (or ``-``, standard output) lists what check lists, each with
    the keys of the plan JSON's ``soft`` entries and its severity; the exit status is check's."""
    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--json", "p.json", "--time-limit", "20", cwd=tmp_path).returncode == 0
    clean = run("check", "s.season.json", "p.json", "--json", "-", cwd=tmp_path)
    assert clean.returncode == 0 and json.loads(clean.stdout) == [], clean.stderr
    plan = json.loads((tmp_path / "p.json").read_text())
    plan["athletes"][0]["days"][6]["intensity"] = 95  # a Sunday is not a training day
    (tmp_path / "p.json").write_text(json.dumps(plan))
    r = run("check", "s.season.json", "p.json", "--json", "-", "--soft", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    got = json.loads(r.stdout)  # nothing else on standard output: the count is on stderr
    keys = {"rule", "athlete", "from", "to", "message"}
    assert all(set(v) == keys for v in plan["soft"])  # the plan JSON's soft entries
    assert all(set(v) == keys | {"severity"} for v in got)
    assert {v["severity"] for v in got} <= {"hard", "soft"}
    assert {"rule": "AV-1", "athlete": "A1", "from": "2027-01-10", "to": "2027-01-10",
            "severity": "hard"}.items() <= next(v for v in got if v["rule"] == "AV-1").items()
    assert "hard violation(s)" in r.stderr
    r = run("check", "s.season.json", "p.json", "--json", "v.json", cwd=tmp_path)
    assert r.returncode == 3 and "AV-1" in r.stdout, r.stderr  # the lines as before, and the file
    assert [v for v in json.loads((tmp_path / "v.json").read_text()) if v["severity"] == "hard"] == \
        [v for v in got if v["severity"] == "hard"]
    r = run("check", "s.season.json", "p.json", "--json", "v.json", cwd=tmp_path)  # its own: replaced
    assert r.returncode == 3 and "kept as v.json.bak" in r.stdout, r.stdout  # said as solve says it
    r = run("check", "s.season.json", "p.json", "--json", "p.json", cwd=tmp_path)
    assert r.returncode == 1 and "is also the plan" in r.stderr, r.stderr


@pytest.mark.parametrize("content, expect", [
    ("{ broken", "line 1, column 3"),
    ('{"format": "periodize-season", "schema_version": 1, "name": "x", '
     '"calendar": {"start": "2027-01-10", "end": "2027-01-01"}}', "ends before it starts"),
    ('{"format": "xls"}', "not a Periodize season file"),
])
def test_bad_season_files_exit_1_with_located_message_and_write_nothing(tmp_path, content, expect):
    (tmp_path / "bad.season.json").write_text(content)
    r = run("solve", "bad.season.json", "--json", "p.json", "--xlsx", "p.xlsx", cwd=tmp_path)
    assert r.returncode == 1
    assert "bad.season.json" in r.stderr and expect in r.stderr
    assert "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.season.json"]


def test_an_outlasted_stage_is_planned_from_today_and_an_unknown_protocol_exits_1(tmp_path):
    s = season(weeks=2, athletes=2, injuries=(injury("A1", "P2", start_day=-47),), today=day(3))
    from planner.seasonfile import dumps

    (tmp_path / "s.season.json").write_text(dumps(s))
    # P2 since 50 days (at most 42): a change not done; its maximum counts from today (section 9)
    r = run("solve", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "s.season.json").read_text().replace("iliopsoas-tendinopathy", "made-up")
    (tmp_path / "s.season.json").write_text(text)
    r = run("solve", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "injuries[0].protocol" in r.stderr and "made-up" in r.stderr


def test_an_infeasible_solve_without_a_conflict_set_says_what_to_do(tmp_path, capsys, monkeypatch):
    """A solve proved infeasible whose conflicting set was not found in time printed "These
    cannot all hold together: (no small conflicting set was found …) Change or remove one of
    them" over an empty list; it says what to do instead."""
    import solver.explain
    from ui.cli.main import main

    monkeypatch.setattr(solver.explain, "_infeasible_with", lambda model, keys, *a: (False, keys))
    final = Competition(id="final", name="Cup final", date=day(40), priority="A")
    s = season(weeks=7, athletes=2, comps=[final], pins=(WeekPin(week=day(14), week_kind="deload"),))
    save_season(s, tmp_path / "s.season.json")
    assert main(["solve", str(tmp_path / "s.season.json"), "--deterministic"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert ("No plan satisfies every hard rule. No small set of rules that cannot all hold "
            "together was found in the time allowed, so none is named. Run the same command "
            "again with a larger --time-limit (e.g. 120); or take back the season's latest "
            "changes one at a time (a pin, a date, an absence, a rule value), solving after "
            "each") in err
    assert "one of them" not in err and "These cannot all hold together" not in err


def test_infeasible_season_exits_2_with_explanation(tmp_path):
    final = Competition(id="final", name="Cup final", date=day(40), priority="A")
    s = season(weeks=7, athletes=2, comps=[final], pins=(WeekPin(week=day(14), week_kind="deload"),))
    save_season(s, tmp_path / "s.season.json")
    # an earlier solve's plan at the --json path used to stay, still "optimal", unsaid
    old = '{"format": "periodize-plan", "status": "optimal", "objective": 5}\n'
    (tmp_path / "p.json").write_text(old)
    r = run("solve", "s.season.json", "--json", "p.json", "--deterministic", cwd=tmp_path)
    assert r.returncode == 2
    assert "TP-1" in r.stderr and "PIN" in r.stderr and "Cup final" in r.stderr
    assert "Wrote the solve's status (infeasible: no plan, objective and bound null) to p.json" in r.stdout
    assert "The file that was at p.json is kept as p.json.bak." in r.stdout
    assert (tmp_path / "p.json.bak").read_text() == old
    status = json.loads((tmp_path / "p.json").read_text())
    assert status["format"] == "periodize-plan" and status["schema_version"] == 2
    assert status["status"] == "infeasible" and status["season"] == s.name
    assert status["objective"] is None and status["bound"] is None
    assert status["athletes"] == [] and status["team_weeks"] == [] and status["soft"] == []
    assert status["today"] is None and status["hard_violations"] is None
    assert "Cup final" in [c["name"] for c in status["competitions"]]
    rules = {c["rule"] for c in status["explanation"]}
    assert {"TP-1", "PIN"} <= rules and all(c["message"] for c in status["explanation"])
    # and it is no plan to check: said, not read as a plan of nobody
    r = run("check", "s.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 1 and "status: infeasible: the solve that wrote this file found no plan" in r.stderr


def test_help_works_on_every_command(tmp_path):
    for cmd in ([], ["open"], ["demo"], ["solve"], ["check"], ["export"], ["explain"], ["load"]):
        r = run(*cmd, "--help", cwd=tmp_path)
        assert r.returncode == 0 and "usage: periodize" in r.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays")
def test_open_without_a_display_says_so_instead_of_qt_aborting(tmp_path):
    """Qt killed 'periodize open' without a display (SIGABRT, exit 134) with its own text."""
    for cmd in (["open"], ["open", "s.season.json"], []):  # plain 'periodize' opens the app too
        r = run(*cmd, cwd=tmp_path)  # a cleaned environment: no DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM
        assert r.returncode == 1, (cmd, r.returncode, r.stderr)
        assert r.stderr.startswith("periodize: no display to open the app on") and "desktop session" in \
            r.stderr and "work without one" in r.stderr and "qt.qpa" not in r.stderr, r.stderr
    r = subprocess.run([sys.executable, "-m", "ui.desktop.app"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                   "HOME": str(tmp_path)})
    assert r.returncode == 1 and r.stderr.startswith("periodize: no display to open the app on") \
        and "qt.qpa" not in r.stderr, (r.returncode, r.stderr)  # the app's own start says it too
    from ui.desktop.app import no_display

    assert no_display({}) and no_display({"DISPLAY": ""})
    assert not no_display({"DISPLAY": ":0"}) and not no_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"})


def test_an_option_out_of_place_is_refused_with_the_commands_usage_and_why(tmp_path):
    """An option the command lacks showed the top-level usage, which names none of the command's
    options; an option before the command read as an unknown command."""
    r = run("record", "s.season.json", "--flare-up", "A1", "2027-01-05", "--no-replan", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.startswith("usage: periodize record"), r.stderr
    assert "unrecognized arguments: --no-replan (record always re-plans" in r.stderr
    r = run("--json", "out.json", "solve", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "a command's options come after it" in r.stderr, r.stderr
    r = run("record", "--help", cwd=tmp_path)
    assert "both days included" in " ".join(r.stdout.split())  # --unavailable ATHLETE FROM TO


def test_demo_takes_its_file_as_an_argument_or_with_o(tmp_path):
    """"periodize demo team.season.json" was refused (it needed -o); both work, one at a time."""
    r = run("demo", "a.season.json", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "a.season.json").exists()
    r = run("demo", "-o", "b.season.json", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "b.season.json").exists()
    assert "kept as" not in r.stdout
    r = run("demo", "-o", "b.season.json", cwd=tmp_path)  # the same demo again: replaced, and said
    assert r.returncode == 0 and "Wrote the demo season to b.season.json (the previous file is kept " \
        "as b.season.json.bak)" in r.stdout, r.stdout
    for args in ((), ("c.season.json", "-o", "d.season.json")):
        r = run("demo", *args, cwd=tmp_path)
        assert r.returncode == 1 and "say where to write the demo season once" in r.stderr
        assert not (tmp_path / "c.season.json").exists() and not (tmp_path / "d.season.json").exists()


def test_a_season_file_is_written_only_under_a_season_file_name(tmp_path):
    """import -o and demo -o wrote a season JSON as new.xlsx or new.csv, a workbook's or a log's
    name, while every export is refused a name that does not end as its kind does."""
    assert run("template", "-o", "team.xlsx", cwd=tmp_path).returncode == 0
    for args in (("demo", "-o", "d.xlsx"), ("demo", "d.json"), ("import", "team.xlsx", "-o", "new.csv"),
                 ("import", "team.xlsx", "-o", "new.xlsx")):
        r = run(*args, cwd=tmp_path)
        name = args[-1]
        assert r.returncode == 1 and f"{name}: a season file's name ends in .season.json; give a " \
            f"name ending in .season.json (e.g. {name.split('.')[0]}.season.json)" in r.stderr, r.stderr
        assert not (tmp_path / name).exists()
    r = run("import", "team.xlsx", "-o", "New.Season.JSON", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_missing_output_folder_is_bad_input(tmp_path):
    r = run("demo", "-o", "nope/d.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "does not exist" in r.stderr


def test_explain_day_week_and_return(tmp_path):
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=-20, target="m5"),))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", "--time-limit", "20", cwd=tmp_path).returncode == 0
    r = run("explain", "s.season.json", "--athlete", "A1", "--date", "2027-01-05", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Athlete 1 (A1)" in r.stdout and "RH-CAP" in r.stdout and "week of" in r.stdout
    # the day's session as the handouts print it, as the Inspector says it
    from planner.seasonfile import load_season
    from planner.sessions import Prescriber

    solved = load_season(tmp_path / "s.season.json")
    p = Prescriber(solved, solved.plan).day("A1", 1)  # Tue 5 Jan 2027
    assert f"Session: {p.summary}" in r.stdout
    from planner.daymarks import day_marks
    from planner.timeline import Timeline

    tl = Timeline(solved)
    prov = sorted(day_marks(solved, tl, only="A1")["A1"].provisional)
    assert prov  # P3's exit waits on its tests: the move is provisional, and explain says which
    r = run("explain", "s.season.json", "--athlete", "A1", "--date", tl.days[prov[0]].isoformat(),
            cwd=tmp_path)
    assert "Provisional: the move P3 → S1" in r.stdout and "(RH-CRIT)" in r.stdout
    r = run("explain", "s.season.json", "--team", "--date", "2027-01-05", cwd=tmp_path)
    assert r.returncode == 0 and "The team" in r.stdout
    r = run("explain", "s.season.json", "--return", "A1", cwd=tmp_path)
    assert r.returncode == 0 and "earliest return to FIT" in r.stdout and "latest day to enter" in r.stdout
    # provisional, naming the tests with their stages, as solve and the Inspector say it (the
    # earliest return read as a firm date)
    from planner.returns import returns

    [ret] = [x for x in returns(solved, solved.plan) if x.athlete == "A1"]
    assert ret.back_note() == (" (provisional: P3's Hip-flexor strength LSI (≥ 90 %) not passed "
                               "yet, then S3's tests)")
    assert re.search(r"earliest return to FIT: \w{3} \d+ \w{3} \d{4}" + re.escape(ret.back_note())
                     + "\n", r.stdout), r.stdout
    r = run("explain", "s.season.json", "--athlete", "A1", "--date", "5 Jan", cwd=tmp_path)
    assert r.returncode == 1 and "write it as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY" in r.stderr
    # day first, as the app's date fields and the session log read it
    iso = run("explain", "s.season.json", "--athlete", "A1", "--date", "2027-01-05", cwd=tmp_path)
    r = run("explain", "s.season.json", "--athlete", "A1", "--date", "05/01/2027", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == iso.stdout
    r = run("explain", "s.season.json", "--return", "A2", cwd=tmp_path)
    assert r.returncode == 1 and "no injury" in r.stderr


def test_whatif_new_scenario_saved_listed_and_replayed(tmp_path):
    save_season(season(weeks=6, athletes=3, injuries=(injury("A1", "P3", start_day=-15),)), tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "Match earlier", "--move-competition", "Match 4", "2027-01-15",
            "--xlsx", "cmp.xlsx", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Comparing baseline" in r.stdout and "Intensity or stage changed on " in r.stdout
    wb = openpyxl.load_workbook(tmp_path / "cmp.xlsx", read_only=True)
    assert wb.sheetnames == ["Summary", "Edits", "Changes"]
    s = load_season(tmp_path / "s.season.json")
    assert s.plan is not None and s.scenarios[0].name == "Match earlier" and s.scenarios[0].plan is not None
    r = run("whatif", "s.season.json", "--list", cwd=tmp_path)
    assert "Match earlier (planned)" in r.stdout and "Move competition 'Match 4'" in r.stdout
    assert "Out of date" not in r.stdout
    r = run("whatif", "s.season.json", "--scenario", "match earlier", cwd=tmp_path)
    assert r.returncode == 0 and "Comparing" in r.stdout
    # the season changes under it: its plan is out of date, and --list says how to re-plan it
    from planner import edits as E

    s = E.AddUnavailability(unavailability=Unavailability(athlete="A2", start=day(3), end=day(9))).apply(s)
    save_season(s, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--list", cwd=tmp_path)
    assert ("Out of date: planned before the absences changed, so its plan does not take that "
            "change into account") in r.stdout
    assert "(--scenario 'Match earlier' --save; or --delete 'Match earlier')" in r.stdout
    assert "Match earlier (plan out of date)" in r.stdout and "(planned)" not in r.stdout
    r = run("whatif", "s.season.json", "--scenario", "Match earlier", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("whatif", "s.season.json", "--list", cwd=tmp_path)
    assert "Match earlier (planned)" in r.stdout and "Out of date" not in r.stdout
    # a scenario no longer wanted (made redundant by a record) is deleted from the command line
    r = run("whatif", "s.season.json", "--delete", "match EARLIER", cwd=tmp_path)
    assert r.returncode == 0 and "Deleted scenario 'Match earlier'" in r.stdout, r.stderr
    assert load_season(tmp_path / "s.season.json").scenarios == ()
    r = run("whatif", "s.season.json", "--delete", "Match earlier", cwd=tmp_path)
    assert r.returncode == 1 and "no scenario is called 'Match earlier'" in r.stderr


def test_whatif_save_of_an_infeasible_scenario_says_it_is_not_stored(tmp_path, capsys):
    """'whatif --new X ... --save' of a re-plan with no plan printed the conflict and stored
    nothing, without a word: the coach looked for the scenario in the app. A stored scenario
    re-planned with --save is left as it was, and said so too."""
    from planner import edits as E
    from ui.cli.main import main

    sunday = Competition(id="sun", name="Sunday match", date=day(13), priority="C")
    path = tmp_path / "s.season.json"
    save_season(season(weeks=3, athletes=2, comps=[sunday]), path)
    assert main(["whatif", str(path), "--new", "Speed touch", "--pin", "A1", day(9).isoformat(),
                 "95", "--save", "--deterministic"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Sat 16 Jan and Sun 17 Jan are matches: the week's 2 speed days (HV-2) are taken" in err
    assert (f"Not stored: the re-plan is infeasible; scenario 'Speed touch' is not in {path}. "
            f"Change its edits (the list above names the rules in the way) and run --new again.") in err
    assert load_season(path).scenarios == ()
    s = load_season(path)
    pin = E.AddPin(pin=IntensityPin(athlete="A1", date=day(9), intensity=95)).to_dict()
    save_season(E.AddScenario(name="Speed touch", edits=(pin,)).apply(s), path)
    assert main(["whatif", str(path), "--scenario", "Speed touch", "--save", "--deterministic"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert (f"Not stored: the re-plan is infeasible; scenario 'Speed touch' stays in {path} as it "
            f"was. Change what the list above names, or delete it (--delete 'Speed touch').") in err
    kept = load_season(path).scenarios
    assert [sc.name for sc in kept] == ["Speed touch"] and kept[0].plan is None
    # without --save nothing was asked to be stored: nothing said of it
    assert main(["whatif", str(path), "--scenario", "Speed touch", "--deterministic"]) == 2
    assert "Not stored" not in capsys.readouterr().err


def test_whatif_bad_input_is_located(tmp_path):
    save_season(season(weeks=3, athletes=2), tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "x", "--move-competition", "Nope", "2027-01-05", cwd=tmp_path)
    assert r.returncode == 1 and "no competition has the id or name 'Nope'" in r.stderr
    r = run("whatif", "s.season.json", "--new", "x", "--flare-up", "A1", "2027-01-05", cwd=tmp_path)
    assert r.returncode == 1 and "no injury" in r.stderr
    r = run("whatif", "s.season.json", "--scenario", "ghost", cwd=tmp_path)
    assert r.returncode == 1 and "no scenario is called 'ghost'" in r.stderr


def test_options_that_ask_two_things_at_once_are_refused(tmp_path):
    """whatif --list --delete X listed and deleted nothing, --delete X --scenario X deleted and
    re-planned nothing, explain --athlete A --team explained the team: each said success."""
    assert run("demo", "d.season.json", cwd=tmp_path).returncode == 0
    before = (tmp_path / "d.season.json").read_bytes()
    for args, said in (
            (("whatif", "--list", "--delete", "X"), "not --list and --delete"),
            (("whatif", "--delete", "X", "--scenario", "X"), "not --delete and --scenario"),
            (("whatif", "--scenario", "X", "--new", "Y", "--flare-up", "A07", "2026-10-01"),
             "not --scenario and --new"),
            (("explain", "--athlete", "A07", "--date", "2026-12-10", "--team"), "not --athlete and --team"),
            (("explain", "--return", "A07", "--team"), "not --team and --return")):
        r = run(args[0], "d.season.json", *args[1:], cwd=tmp_path)
        assert r.returncode == 1 and "periodize: " in r.stderr and said in r.stderr, (args, r.stderr)
        assert "give one of --" in r.stderr and "run the command once for each" in r.stderr
    assert (tmp_path / "d.season.json").read_bytes() == before
    r = run("whatif", "d.season.json", "--list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_explain_and_whatif_refuse_two_tasks_at_once_in_the_same_words():
    """One check for both commands (it was written twice): a task counts as given unless it is
    None or False, so an empty name given is named, not passed over."""
    from planner.errors import InputError
    from ui.cli.whatif import only_one

    only_one("explain", [("--athlete ID", "A1"), ("--team", False), ("--return ID", None)])
    with pytest.raises(InputError) as e:
        only_one("whatif", [("--list", False), ("--delete NAME", ""), ("--scenario NAME", None),
                            ("--new NAME", "Later")])
    assert str(e.value) == ("whatif: give one of --list, --delete NAME, --scenario NAME or "
                            "--new NAME, not --delete and --new; run the command once for each")


def test_a_save_is_made_when_the_output_is_piped_into_a_reader_that_stops(tmp_path):
    """`periodize solve F --save | head -2`: the command stopped at the first print that failed,
    stored nothing, and exited 0 all the same."""
    save_season(season(weeks=6, athletes=3), tmp_path / "s.season.json")
    # unbuffered: each line reaches the pipe as printed (a long summary does so with any buffer)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "PYTHONUNBUFFERED": "1"}
    p = subprocess.Popen([sys.executable, "-m", "ui.cli", "solve", "s.season.json", "--save",
                          "--time-limit", "20"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline()  # the reader takes one line and stops
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert load_season(tmp_path / "s.season.json").plan is not None


def test_check_keeps_its_exit_code_when_the_reader_of_its_output_is_gone(tmp_path):
    """`periodize check F P.json 2>&1 | head -1` exited 0 with 37 hard violations: the notes on
    stderr, on the same closed pipe, stopped the command, whose exit then said "no violation"."""
    import os

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--json", "p.json", "--time-limit", "20",
               cwd=tmp_path).returncode == 0
    plan = json.loads((tmp_path / "p.json").read_text())
    plan["athletes"][0]["days"][6]["intensity"] = 95  # a Sunday is not a training day
    plan["athletes"][0]["days"][6]["session"] = "speed"  # a note on stderr: check reads no session
    (tmp_path / "p.json").write_text(json.dumps(plan))
    r = run("check", "s.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 3 and "Note: p.json" in r.stderr, r.stderr
    read, write = os.pipe()
    os.close(read)  # the reader has stopped (head -1 done) before anything is written
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    p = subprocess.Popen([sys.executable, "-m", "ui.cli", "check", "s.season.json", "p.json"],
                         cwd=tmp_path, env=env, stdout=write, stderr=write)  # 2>&1
    os.close(write)
    assert p.wait(timeout=120) == 3
    # streams closed before the start ('>&-', '2>&-') or a full disk: still the command's code
    # (it was 120 with "unexpected error (AttributeError)", and 1 on /dev/full)
    for kw in ({"stdout": subprocess.DEVNULL, "stderr": None, "close": 1},
               {"stdout": None, "stderr": None, "close": 2}):
        code = (f"import os, runpy, sys; os.close({kw['close']}); "
                f"sys.argv = ['periodize', 'check', 's.season.json', 'p.json']; "
                f"runpy.run_module('ui.cli', run_name='__main__')")
        q = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        assert q.returncode == 3, kw
    for closed in (">&-", "2>&-", ">&- 2>&-"):  # as the shell closes them: Python sees None
        q = subprocess.run(f"'{sys.executable}' -m ui.cli check s.season.json p.json {closed}",
                           shell=True, cwd=tmp_path, env=env, timeout=120)
        assert q.returncode == 3, closed
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            q = subprocess.run([sys.executable, "-m", "ui.cli", "check", "s.season.json", "p.json"],
                               cwd=tmp_path, env=env, stdout=full, stderr=full, timeout=120)
        assert q.returncode == 3


def test_solve_says_which_hv1_misses_no_plan_can_avoid(capsys):
    """'HV-1 … 176 / 5280' after a winter break read as the plan's choice; the summary now says
    how many of them lie in the team's days off, as `check --soft` does."""
    import datetime as dt

    from planner.season import Calendar, NonTrainingDay
    from solver import SolveRequest, solve
    from tests.builders import season
    from ui.cli.commands import print_summary

    s = season(weeks=6, athletes=2)
    first = s.calendar.start + dt.timedelta(days=14)
    s = s.model_copy(update={"calendar": Calendar(
        start=s.calendar.start, end=s.calendar.end, non_training_days=tuple(
            NonTrainingDay(date=first + dt.timedelta(days=k), reason="Break") for k in range(12)))})
    s = s.model_copy(update={"competitions": tuple(
        c for c in s.competitions if not first <= c.date <= first + dt.timedelta(days=11))})
    out = solve(SolveRequest(s, time_limit=20))
    from planner.check import check_plan

    report = check_plan(s, out.plan)
    forced = sum(1 for v in report.soft if v.rule == "HV-1" and "no plan avoids it" in v.message)
    assert forced > 0
    print_summary(out, s)
    text = capsys.readouterr().out
    assert f"({forced} in the team's days off: no plan avoids them)" in text


SEARCH_DEFAULTS = {"solve": 60.0, "explain": 10.0, "log": 60.0, "advance": 60.0, "record": 60.0,
                   "whatif": 60.0}


def test_every_search_option_says_the_same_and_keeps_its_commands_default():
    """--time-limit was declared once per command and its help drifted ("stop searching",
    "stop the re-plan", "search limit of each --return query"; whatif's --deterministic did not
    say the time limit counts the search's own work clock). One wording, each default kept."""
    from ui.cli.main import build_parser

    subs = next(a for a in build_parser()._actions if a.choices and "solve" in a.choices).choices
    helps, deterministic = set(), set()
    for name, default in SEARCH_DEFAULTS.items():
        options = {o: a for a in subs[name]._actions for o in a.option_strings}
        limit = options["--time-limit"]
        assert limit.default == default, name
        assert limit.type("2.5") == 2.5 and limit.metavar == "S"
        helps.add(limit.help.replace(f"(default {default:g})", "(default N)"))
        if "--deterministic" in options:
            deterministic.add(options["--deterministic"].help)
    assert helps == {"stop each search after S seconds (default N)"}
    assert deterministic == {"one search thread: the same plan on every run and machine (slower "
                             "on large squads; the time limit counts the search's own work clock)"}
    assert "--deterministic" in {o for a in subs["whatif"]._actions for o in a.option_strings}


def test_a_flare_up_before_a_recorded_stage_change_says_what_becomes_of_it(tmp_path):
    """'record --flare-up' before a stage change accepted when today moved left the change
    standing with a line of output: the athlete went back a stage, then on to the later one
    days after. It asks for --later-stages drop (the plan projects them again) or keep."""
    from planner.seasonfile import load_season, save_season

    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    save_season(s, tmp_path / "s.season.json")
    when = day(5).isoformat()
    r = run("record", "s.season.json", "--flare-up", "A1", when, "--save", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert (f"--flare-up A1 {when}: stage changes are recorded after it (P3 from 14 Jan 2027)"
            in " ".join(r.stderr.split())), r.stderr
    assert "add --later-stages drop to remove them" in " ".join(r.stderr.split())
    assert load_season(tmp_path / "s.season.json") == s
    r = run("record", "s.season.json", "--flare-up", "A1", when, "--later-stages", "drop", "--save",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    inj = load_season(tmp_path / "s.season.json").injuries[0]
    assert inj.flare_ups == (day(5),) and [x.stage for x in inj.stages] == ["P2"]


def test_record_flare_up_keeps_the_days_logged_pain_and_notes_as_the_app_does(tmp_path):
    """Review 277 F3: 'periodize record --flare-up A05 2026-08-27' stored the flare-up with no
    note (flare_notes {}), while the app's Move Today (and the board's cell menu) stored "pain 5/10
    logged: felt a pull on 3rd rep - stopped": the injury history depended on the tool. The CLI
    now keeps the same note, and says it under the flare-up it records."""
    from planner import edits as E
    from planner.progress import flare_note, flare_proposals
    from planner.season import Session
    from planner.seasonfile import load_season, save_season

    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    s = s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(15), minutes=40, rpe=5, pain=6,
                note="felt a pull on 3rd rep - stopped"),)})
    save_season(s, tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--flare-up", "A1", day(15).isoformat(), "--save",
            "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    said = "pain 6/10 logged: felt a pull on 3rd rep - stopped"
    assert f"\n    Noted with it in the injury history: {said}\n" in r.stdout, r.stdout
    cli = load_season(tmp_path / "s.season.json").injuries[0]
    assert cli.flare_ups == (day(15),) and cli.flare_notes == {day(15): said}
    # the app's paths: Move Today's ticked proposal (FlareProposal.note) and the cell menu
    (p,) = [p for p in flare_proposals(s) if p.date == day(15)]
    move_today = E.RecordFlareUp(athlete="A1", date=day(15), note=p.note(s.sessions)).apply(s)
    menu = E.RecordFlareUp(athlete="A1", date=day(15), note=flare_note(s, "A1", day(15))).apply(s)
    assert move_today.injuries[0].flare_notes == menu.injuries[0].flare_notes == cli.flare_notes


def test_a_scenario_overtaken_by_today_is_listed_as_no_longer_applying(capsys):
    """Once today passes a scenario's change (a match it moves is now played), re-planning it is
    refused ("delete it"), while --list said "re-plan it to see it against the season as it is
    now"."""
    from planner import edits as E
    from planner.errors import InputError
    from planner.scenarios import check_scenario_today, describe_edits
    from planner.season import Scenario
    from ui.cli.whatif import _list

    base = season(weeks=4, athletes=2)
    move = E.MoveCompetition(competition="m2", date=day(13)).to_dict()  # Match 3, day 12
    s = base.model_copy(update={"scenarios": (Scenario(name="Later match", edits=(move,)),)})
    assert _list(s, describe_edits) == 0
    assert "Later match (not planned)" in capsys.readouterr().out  # still to come
    past = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    with pytest.raises(InputError, match="delete this one"):
        check_scenario_today(past, past.scenarios[0])  # what re-planning it says
    assert _list(past, describe_edits) == 0
    out = capsys.readouterr().out
    assert "Later match (can no longer apply)" in out
    assert ("Can no longer apply: edit 1 (Move competition 'Match 3'" in out
            and "is before today (18 Jan 2027)" in out and "Delete it (--delete 'Later match')" in out)
    assert "re-plan it" not in out and "--scenario" not in out


def test_a_scenario_whose_pins_all_lie_before_today_is_not_replanned_and_says_why(tmp_path):
    """Review 278 F4: a squad's rest Friday pinned in a scenario, then today moved past it:
    'whatif --scenario' re-planned it for 36 s and said "changed on 0 athlete-days", nothing
    saying that its pins lie before today. It says so now, at once, and re-plans nothing; --list
    says it too."""
    import time

    from planner import edits as E
    from planner.season import Scenario
    from planner.text import date_long

    pins = tuple(E.AddPin(pin=IntensityPin(athlete=a, date=day(11), intensity=0)).to_dict()
                 for a in ("A1", "A2"))  # Friday of week 2
    s = season(weeks=4, athletes=2, today=day(14)).model_copy(
        update={"scenarios": (Scenario(name="Rest Friday", edits=pins),)})
    save_season(s, tmp_path / "s.season.json")
    t0 = time.monotonic()
    r = run("whatif", "s.season.json", "--scenario", "Rest Friday", cwd=tmp_path)
    assert r.returncode != 0 and "Re-plan:" not in r.stdout, r.stdout
    said = " ".join(r.stderr.split())
    assert (f"both its changes lie before today ({date_long(day(14))}), the last on "
            f"{date_long(day(11))}, and the past keeps what happened: re-planning it would change "
            f"nothing") in said, said
    assert "--delete 'Rest Friday'" in said
    assert time.monotonic() - t0 < 5  # no baseline solve, no re-plan
    r = run("whatif", "s.season.json", "--list", cwd=tmp_path)
    assert "Rest Friday (changes nothing now)" in r.stdout, r.stdout
    # one change from today on: it is re-planned as before
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(7)})})
    from planner.scenarios import changes_nothing

    assert changes_nothing(later, later.scenarios[0]) == ""


def test_adopting_a_scenario_that_changes_nothing_now_says_delete_it_as_list_does(tmp_path):
    """Review 283 F2: --adopt of a scenario whose pins all lie before today sent the coach to
    '--scenario … --save', which refuses it ("re-planning it would change nothing"): adopt says
    what --scenario and --list say. An out-of-date plan's words read as one sentence."""
    from planner import edits as E
    from planner.season import Scenario
    from planner.text import date_long

    pins = (E.AddPin(pin=IntensityPin(athlete="A1", date=day(11), intensity=0)).to_dict(),)
    s = season(weeks=4, athletes=2, today=day(14)).model_copy(
        update={"scenarios": (Scenario(name="Rest Friday", edits=pins),)})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    r = run("whatif", "s.season.json", "--adopt", "Rest Friday", cwd=tmp_path)
    said = " ".join(r.stderr.split())
    assert r.returncode == 1, said
    assert (f"scenario 'Rest Friday' changes nothing now: its change lies before today "
            f"({date_long(day(14))}), the last on {date_long(day(11))}") in said, said
    assert "delete it (periodize whatif s.season.json --delete 'Rest Friday')" in said
    assert "--scenario" not in said and "re-plan it first" not in said
    assert (tmp_path / "s.season.json").read_bytes() == before
    # a plan made before today and the injuries changed (from today on: not "changes nothing")
    from planner.season import plan_basis
    from tests.planner.test_edits import flat_plan

    later = [E.AddPin(pin=IntensityPin(athlete="A1", date=day(18), intensity=0)).to_dict()]
    then = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(7)}),
                                "injuries": (injury("A2", "S2", start_day=1),)})
    planned = Scenario(name="Rest", edits=later, plan=flat_plan(s), planned_for=plan_basis(then))
    save_season(s.model_copy(update={"scenarios": (planned,)}), tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--adopt", "Rest", cwd=tmp_path)
    said = " ".join(r.stderr.split())
    assert ("scenario 'Rest' was planned before the calendar (the season's dates or today) and "
            "the injuries changed, so its plan does not take those changes into account: re-plan "
            "it first (periodize whatif s.season.json --scenario Rest --save), then adopt it"
            ) in said, said
    assert said.count("re-plan it") == 1


def test_pinning_the_team_week_under_way_is_refused_up_front_naming_what_it_was_lived_as(tmp_path):
    """Review 283 F4: --pin-week of the week under way (today its Wednesday, its Monday and
    Tuesday lived as a load week) was taken, then the re-plan was infeasible with only "PIN
    (the coach's pin 'deload' week)". Refused at once in record and whatif, with the week to
    pin instead; the week after is taken."""
    from planner.text import date_long
    from tests.planner.test_edits import flat_plan

    s = season(weeks=4, athletes=2, today=day(9))
    s = s.model_copy(update={"plan": flat_plan(s, intensity=60)})
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    for command in (("record", "s.season.json", "--save"), ("whatif", "s.season.json", "--new", "x")):
        r = run(*command, "--pin-week", day(10).isoformat(), "deload", cwd=tmp_path)
        said = " ".join(r.stderr.split())
        assert r.returncode == 1 and "Re-plan" not in r.stdout, said
        assert (f"--pin-week: {day(10).isoformat()}: the week of {date_long(day(7))} is under way: "
                f"its first days were lived as a load week") in said, said
        assert f"pin the week of {date_long(day(14))} or a later one" in said, said
        assert (tmp_path / "s.season.json").read_bytes() == before
    from ui.cli.whatif import _week_pin_edits

    class Args:
        pin_week = [(day(14).isoformat(), "deload")]

    assert [e.pin.week for e in _week_pin_edits(s, Args())] == [day(14)]


def test_an_unpin_given_twice_in_one_command_is_named_as_a_pin_given_twice_is(tmp_path):
    """Review 283 F6: the same --unpin twice said only "periodize: there is no such pin" (no
    option, no athlete or date, and the pin is there); --unpin-week of two days of one week
    too. Each names the option and what was given twice, in record and whatif."""
    pins = (IntensityPin(athlete="A1", date=day(16), intensity=80), WeekPin(week=day(14), week_kind="deload"))
    save_season(season(weeks=4, athletes=2, pins=pins), tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    d, d2 = day(16).isoformat(), day(16).strftime("%d.%m.%Y")
    for command in (("record", "s.season.json", "--save"), ("whatif", "s.season.json", "--new", "x")):
        r = run(*command, "--unpin", "A1", d, "--unpin", "A1", d2, cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        assert f"--unpin: A1 {d2} is given twice in one command; give it once" in r.stderr, r.stderr
        r = run(*command, "--unpin-week", day(16).isoformat(), "--unpin-week", day(14).isoformat(),
                cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        assert (f"--unpin-week: {day(14).isoformat()}: the week of {date_long(day(14))} is given "
                f"twice in one command; give it once") in r.stderr, r.stderr
        assert (tmp_path / "s.season.json").read_bytes() == before
    # a date of no season: as --pin-week says it, not "is not pinned"
    far = day(400)
    r = run("record", "s.season.json", "--unpin-week", far.isoformat(), "--save", cwd=tmp_path)
    s = load_season(tmp_path / "s.season.json")
    assert r.returncode == 1 and (
        f"--unpin-week: {far.isoformat()}: {date_long(far)} is not in the season "
        f"({date_long(s.calendar.start)} to {date_long(s.calendar.end)})") in r.stderr, r.stderr


def test_a_pin_the_season_holds_already_is_refused_as_changing_nothing(tmp_path):
    """Review 283 F7: --pin-week of a week pinned so already was recorded, re-planned and saved
    (the file and its .bak rewritten); --unpin and --pin of a day at its level were taken as a
    scenario. Refused, as a role the player has already is: it changes nothing."""
    from planner import edits as E

    pins = (IntensityPin(athlete="A1", date=day(16), intensity=80), WeekPin(week=day(14), week_kind="deload"))
    s = season(weeks=4, athletes=2, pins=pins)
    save_season(s, tmp_path / "s.season.json")
    before = (tmp_path / "s.season.json").read_bytes()
    d = day(16).isoformat()
    r = run("record", "s.season.json", "--pin-week", day(17).isoformat(), "deload", "--save",
            cwd=tmp_path)
    assert r.returncode == 1 and "Recording" not in r.stdout, r.stdout
    assert (f"the team's week of {date_long(day(14))} is pinned as deload already; it changes "
            f"nothing") in " ".join(r.stderr.split()), r.stderr
    r = run("whatif", "s.season.json", "--new", "x", "--unpin", "A1", d, "--pin", "A1", d, "80",
            cwd=tmp_path)
    assert r.returncode == 1 and "Re-plan" not in r.stdout, r.stdout
    assert (f"Athlete 1 (A1) is pinned at 80 % on {date_long(day(16))} already; it changes "
            f"nothing") in " ".join(r.stderr.split()), r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == before
    # another level or kind changes the pin: taken
    from ui.cli.whatif import _same_pin_problem

    assert _same_pin_problem(s, s, E.AddPin(pin=IntensityPin(athlete="A1", date=day(16), intensity=70))) is None
    assert _same_pin_problem(s, s, E.AddPin(pin=WeekPin(week=day(14), week_kind="load"))) is None


def test_a_day_off_before_today_is_refused_by_whatif_and_its_scenario_cannot_be_adopted(tmp_path):
    """'record --day-off' refused a day before today, while 'whatif --day-off' planned it and
    '--adopt' wrote it into the season; an overtaken scenario's --adopt said to re-plan it, which
    is refused. One rule: the past keeps what happened, and the scenario is to be deleted."""
    import argparse

    from planner import edits as E
    from planner.errors import InputError
    from planner.scenarios import overtaken, past_change_problem
    from planner.season import NonTrainingDay, Scenario
    from ui.cli.whatif import _adopt

    s = season(weeks=4, athletes=2, today=day(7))
    off = E.AddNonTrainingDay(day=NonTrainingDay(date=day(3), reason="Snow"))
    assert "is before today (11 Jan 2027): the past keeps what happened" in past_change_problem(s, off)
    assert "is before today" in past_change_problem(s, E.RemoveNonTrainingDay(date=day(3)))
    assert past_change_problem(s, E.AddNonTrainingDay(day=NonTrainingDay(date=day(7)))) is None
    save_season(s, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "Snow", "--day-off", day(3).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "the past keeps what happened" in r.stderr, r.stderr
    # made when 7 Jan was still to come, today has passed it since
    sc = Scenario(name="Snow", edits=(off.to_dict(),))
    s = s.model_copy(update={"scenarios": (sc,)})
    assert overtaken(s, sc).startswith("edit 1 (Make 7 Jan 2027 a non-training day)")
    with pytest.raises(InputError) as err:
        _adopt(s, argparse.Namespace(season="s.season.json", adopt="Snow"))
    said = " ".join(err.value.problems)
    assert "scenario 'Snow' can no longer apply" in said and "--delete Snow" in said, said
    assert "re-plan" not in said


def test_a_day_off_is_recorded_and_a_scenario_adopted_from_the_command_line(tmp_path):
    """The command line had no edit for a day off (the only way was the coach workbook's round
    trip, which renumbered every competition) and no Adopt for a what-if."""
    from planner.check import check_plan
    from planner.seasonfile import load_season, save_season

    s = season(weeks=4, athletes=2, today=day(7))
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", "--time-limit", "20", cwd=tmp_path).returncode == 0
    r = run("record", "s.season.json", "--day-off", f"{day(9).isoformat()}..{day(10).isoformat()}",
            "Stadium", "closed", "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    got = load_season(tmp_path / "s.season.json")
    assert [(x.date, x.reason) for x in got.calendar.non_training_days] == [
        (day(9), "Stadium closed"), (day(10), "Stadium closed")]
    assert got.plan.for_athlete("A1").intensity[9:11] == (0, 0)
    r = run("record", "s.season.json", "--day-off", day(3).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "the past keeps what happened" in r.stderr
    r = run("whatif", "s.season.json", "--new", "Open again", "--remove-day-off", day(10).isoformat(),
            "--save", "--time-limit", "20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("whatif", "s.season.json", "--adopt", "Open again", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Adopted scenario 'Open again': its changes and its plan are now the season's" in r.stdout
    got = load_season(tmp_path / "s.season.json")
    assert [x.date for x in got.calendar.non_training_days] == [day(9)] and got.scenarios == ()
    assert check_plan(got, got.plan).violations == ()
    r = run("whatif", "s.season.json", "--adopt", "Nothing", cwd=tmp_path)
    assert r.returncode == 1 and "Nothing" in r.stderr


def test_a_day_off_recorded_on_a_match_day_says_the_match_is_still_played(tmp_path):
    """The Days Off editor and the workbook said it; record and whatif --day-off did not."""
    from planner.seasonfile import save_season

    s = season(weeks=3, athletes=2, matches=[12])
    save_season(s, tmp_path / "s.season.json")
    for args in (("record", "s.season.json", "--day-off", day(12).isoformat(), "Holiday"),
                 ("whatif", "s.season.json", "--new", "Holiday", "--day-off", day(12).isoformat(),
                  "Holiday", "--time-limit", "20")):
        r = run(*args, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert (f"Note: --day-off: {day_long(day(12))} is the day of 'Match 1' (C): the match is "
                "still played; the day off (Holiday) only takes the day's training away") in r.stderr
    r = run("record", "s.season.json", "--day-off", day(13).isoformat(), cwd=tmp_path)
    assert "Note: --day-off" not in r.stderr


def test_check_names_the_fields_of_a_plan_file_that_disagree_with_its_days(tmp_path):
    """A plan file saying 'out' on a match the athlete starts, or a load of 99,999 AU, passed
    check unseen: it reads the stages, intensities and week kinds only. The other fields are
    compared with what they follow from, and each disagreement is a note on stderr."""
    import json

    from planner.seasonfile import save_season

    save_season(season(weeks=3, athletes=2, injuries=(injury("A2", "S2", start_day=-2),)),
                tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--json", "p.json", "--time-limit", "20",
               cwd=tmp_path).returncode == 0
    r = run("check", "s.season.json", "p.json", cwd=tmp_path)
    assert r.returncode == 0 and "Note:" not in r.stderr, r.stderr  # as written: nothing to say
    # nor on a file the tool wrote otherwise: anonymised (no protocol), or by an earlier version
    # (a return without the key 'past')
    assert run("solve", "s.season.json", "--json", "anon.json", "--anonymise", "--time-limit", "20",
               cwd=tmp_path).returncode == 0
    older = json.loads((tmp_path / "p.json").read_text())
    for a in older["athletes"]:
        for ret in [a["return"]] + a["returns"] if a["return"] else []:
            ret.pop("past", None)
    (tmp_path / "older.json").write_text(json.dumps(older))
    for name in ("anon.json", "older.json"):
        r = run("check", "s.season.json", name, cwd=tmp_path)
        assert r.returncode == 0 and "Note:" not in r.stderr, (name, r.stderr)
    data = json.loads((tmp_path / "p.json").read_text())
    match = next(i for i, d in enumerate(data["athletes"][0]["days"]) if d["role"] == "start")
    data["athletes"][0]["days"][match]["role"] = "out"
    data["athletes"][1]["days"][2]["load"] = 99999
    data["season"] = "Other FC"
    (tmp_path / "q.json").write_text(json.dumps(data))
    r = run("check", "s.season.json", "q.json", cwd=tmp_path)
    assert r.returncode == 0 and "Note:" not in r.stdout
    assert ("season: the plan was made for another season, 'Other FC', not for 'Test season'; its "
            "days are this season's, so it was checked against 'Test season'") in r.stderr
    assert f"athletes[0].days[{match}].role (A1, " in r.stderr and "'out' in the file" in r.stderr
    assert "athletes[1].days[2].load (A2, " in r.stderr and "'99999' in the file" in r.stderr


def test_the_proposed_flare_up_command_is_one_that_is_taken():
    """The command the CLI suggested for a proposed flare-up before a recorded stage change was
    the one it then refused (no --later-stages)."""
    from planner.progress import FlareProposal
    from ui.cli.commands import flare_hint

    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    p = FlareProposal("A1", day(5), 6, 5)
    assert f"--flare-up A1 {day(5).isoformat()} --later-stages drop --save" in flare_hint("s.json", p, s)
    assert "--later-stages" not in flare_hint("s.json", FlareProposal("A1", day(12), 6, 5), s)
    # a path with a space is quoted: the command runs as copied
    said = flare_hint("Équipe A/s.json", p, s)
    assert "periodize record 'Équipe A/s.json' --flare-up" in said
    assert "periodize whatif 'Équipe A/s.json' --new" in said


def test_check_says_a_past_day_edited_in_a_plan_file_is_read_as_it_happened(tmp_path):
    """A plan file's day before today edited by hand was replaced by what was logged without a
    word, while the notes blamed the day's role and session."""
    import json

    from planner.season import Session
    from planner.seasonfile import save_season

    s = season(weeks=3, athletes=2, today=day(7)).model_copy(update={"sessions": (
        Session(athlete="A1", date=day(2), minutes=60, rpe=6, top_speed_pct=96),)})
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--json", "p.json", "--time-limit", "20",
               cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / "p.json").read_text())
    assert data["athletes"][0]["days"][2]["intensity"] == 95
    data["athletes"][0]["days"][2]["intensity"] = 0
    (tmp_path / "q.json").write_text(json.dumps(data))
    r = run("check", "s.season.json", "q.json", cwd=tmp_path)
    assert r.returncode == 0
    notes = [x for x in r.stderr.splitlines() if x.startswith("Note:")]
    assert notes == [f"Note: q.json: athletes[0].days[2].intensity (A1, {day(2).isoformat()}): 0 in "
                     f"the file, before today; what happened makes it 95 (the log, else the plan "
                     f"within the stage the records give the day), and check reads the past as it "
                     f"happened"], r.stderr


def test_explain_says_a_compensation_day_in_one_session_line():
    """A compensation day printed two Session lines: "Session: Compensation (deload): 3 × 30 m
    at 95 % (8.6 m/s)" and "Session: compensation session: high-velocity work after a match not
    played …". One line says the session and why it is there."""
    from planner.daymarks import COMPENSATION_WHY, day_marks
    from planner.sessions import Prescriber
    from planner.timeline import Timeline
    from tests.exports.demo import solved_demo
    from ui.cli.commands import _day_lines

    solved = solved_demo()
    tl = Timeline(solved)
    aid, i = next((a, min(m.compensation)) for a, m in day_marks(solved, tl).items() if m.compensation)
    lines = _day_lines(solved, solved.plan, aid, tl.days[i])
    said = [x for x in lines if x.startswith(("Session:", "Planned session:"))]
    p = Prescriber(solved, solved.plan).day(aid, i)
    assert said == [f"Session: {p.summary} — {COMPENSATION_WHY}"], lines
    assert p.context == "compensation"


def test_check_notes_the_athletes_planned_speed_work_without_a_max_speed(tmp_path):
    from tests.exports.demo import solved_demo

    demo = solved_demo()
    save_season(demo.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": None}) if a.id == "A04" else a for a in demo.athletes)}),
        tmp_path / "s.season.json")
    r = run("check", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    note = [line for line in r.stdout.splitlines() if line.startswith("⚠ Max speed: ")]
    assert len(note) == 1, r.stdout
    assert note[0].startswith(f"⚠ Max speed: 1 athlete with speed days planned and no max speed: "
                              f"{demo.athlete_label('A04')} from ")
    assert demo.athlete_label("A05") not in note[0]
    assert "max speed" not in r.stderr  # a note, on standard output as solve says it
    assert not any(line.startswith(("HV", "RH", "AV")) and "max speed" in line
                   for line in r.stdout.splitlines())  # not a violation


def test_check_lists_the_pins_of_the_season(tmp_path):
    """`check` printed the rules the plan breaks and its notes, not what the coach pinned: a
    coach taking a season over could not ask it what every solve keeps. It lists the pins by
    day (on standard output, as solve says its notes: stderr is for errors); none, no heading."""
    from planner.edits import pins_listed
    from tests.builders import solved_and_checked

    s = season(weeks=6, athletes=3)
    s = s.model_copy(update={"pins": (WeekPin(week=day(14), week_kind="deload"),
                                      IntensityPin(athlete="A3", date=day(9), intensity=0))})
    save_season(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}), tmp_path / "s.season.json")
    r = run("check", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr == ""  # a script reading anything on stderr as a failure failed each week
    lines = r.stdout.splitlines()
    k = lines.index("Pinned (2, kept by every solve):")
    assert lines[k + 1:k + 3] == [f"  ◤ {line}" for line, _a, _d in pins_listed(s)]
    assert lines[k + 1].startswith("  ◤ Athlete 3 (A3) at 0 % on ")  # by day: the 9th first
    assert lines[-1].startswith("0 hard violation(s)")  # the count stays the last line
    save_season(s.model_copy(update={"pins": (), "plan": solved_and_checked(s.model_copy(
        update={"pins": ()}))[0].plan}), tmp_path / "s.season.json")
    r = run("check", "s.season.json", cwd=tmp_path)
    assert "Pinned" not in r.stdout


def test_check_lists_the_pins_before_today_apart_as_lived(tmp_path):
    """A pin before today was listed 'kept by every solve', which plans no day before today:
    it is listed apart, after those from today, kept as lived."""
    from planner.edits import pins_listed
    from tests.builders import solved_and_checked

    s = season(weeks=6, athletes=3, today=day(14))
    s = s.model_copy(update={"pins": (IntensityPin(athlete="A3", date=day(20), intensity=0),
                                      IntensityPin(athlete="A1", date=day(9), intensity=0))})
    save_season(s.model_copy(update={"plan": solved_and_checked(s)[0].plan}), tmp_path / "s.season.json")
    r = run("check", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    k = lines.index("Pinned (1, kept by every solve):")
    (now,), (lived,) = pins_listed(s), pins_listed(s, past=True)
    assert lines[k + 1:k + 4] == [f"  ◤ {now[0]}", "Pinned (1, before today: kept as lived):",
                                  f"  ◤ {lived[0]}"]
    assert lived[2] == day(9) and now[2] == day(20)


def test_whatif_injury_keeps_the_days_before_it_as_planned(tmp_path):
    """Review 249 #3 on the command line: 'whatif --injury' re-planned the days before the onset
    as if the injury were foreseen (a sprint the day before the tear). The stored scenario plan
    keeps them as the season's plan has them, and the re-plan line says so."""
    from planner.check import check_plan
    from planner.scenarios import scenario_season
    from solver import SolveRequest, solve

    s = season(weeks=8, athletes=3, comps=[Competition(id="final", name="Final", date=day(47),
                                                       priority="A")])
    s = s.model_copy(update={"competitions": tuple(c for c in s.competitions if c.id != "m6")})
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan,
                             "calendar": s.calendar.model_copy(update={"today": day(21)})})
    save_season(s, tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "Tear", "--injury", "A2", "hamstring-strain",
            day(31).isoformat(), "--save", "--deterministic", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Athlete 2's days before the injury on {day_long(day(31))} kept as the current plan" in r.stdout
    saved = load_season(tmp_path / "s.season.json")
    plan = saved.scenarios[0].plan
    assert plan.for_athlete("A2").intensity[21:31] == s.plan.for_athlete("A2").intensity[21:31]
    assert check_plan(scenario_season(saved, saved.scenarios[0]), plan).violations == ()


def test_an_infeasible_solve_past_its_time_limit_says_the_explanation_took_the_rest(
        tmp_path, capsys, monkeypatch):
    """`solve --time-limit 5` on a season with no plan took 11.6 s and said nothing of why: the
    search keeps to the limit, then finding why no plan exists has time of its own. Said, with
    how much it may take."""
    import time

    import solver.run
    from ui.cli.main import main

    real = solver.run.explain

    def slow_explain(*args, **kwargs):  # an explanation that takes its time, as on a big squad
        time.sleep(1.2)
        return real(*args, **kwargs)

    monkeypatch.setattr(solver.run, "explain", slow_explain)
    final = Competition(id="final", name="Cup final", date=day(40), priority="A")
    s = season(weeks=7, athletes=2, comps=[final], pins=(WeekPin(week=day(14), week_kind="deload"),))
    save_season(s, tmp_path / "s.season.json")
    assert main(["solve", str(tmp_path / "s.season.json"), "--time-limit", "1",
                 "--deterministic"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    took = re.search(r"The solve took (\d+\.\d) s, more than --time-limit 1 s: with no plan "
                     r"possible, finding why has up to 5 s of its own \(half the time limit, at "
                     r"least 5 s\)\.", err)
    assert took is not None and float(took[1]) > 1, err
