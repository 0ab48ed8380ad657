"""``periodize solve`` said "Time: 2.63 s" for a command that took 11.6 s: the solver's time
alone, without the start (OR-Tools, pandas), the summary's checks and the files written. And the
plan JSON and the workbook each ran the plan checker again, and the returns built every
athlete's facts again for each of their seven readers."""

from __future__ import annotations

import re
import subprocess
import sys
import time

from planner.seasonfile import save_season
from tests.builders import season
from tests.e2e.test_cli import ROOT, run


def _times(out: str) -> tuple[float, float]:
    m = re.search(r"^Time: +(\d+\.\d\d) s solving \((\d+\.\d) s since the command started\)$",
                  out, re.M)
    assert m, out
    return float(m[1]), float(m[2])


def test_the_summary_says_the_solving_and_the_time_in_all(tmp_path):
    save_season(season(weeks=4, athletes=3), tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--deterministic", "--json", "p.json", "--xlsx", "p.xlsx",
            cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    solving, so_far = _times(r.stdout)
    # three athletes over four weeks can solve in under 5 ms on a fast machine: "0.00 s solving"
    assert 0 <= solving <= so_far + 0.05
    # the files are written after the summary: their time is said once they are
    m = re.search(r"^Done in (\d+\.\d) s \((\d+\.\d\d) s of it solving\)\.$", r.stdout, re.M)
    assert m and float(m[1]) >= so_far and float(m[2]) == solving, r.stdout
    # nothing written: the summary's time is all there is to say
    r = run("solve", "s.season.json", "--deterministic", cwd=tmp_path)
    assert r.returncode == 0 and "Done in" not in r.stdout, r.stdout


def test_the_time_in_all_counts_the_start_of_the_command(tmp_path):
    """A process of its own: its imports (OR-Tools, pandas) come before the solve, and count."""
    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    t = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "ui.cli", "solve", "s.season.json",
                        "--deterministic", "--json", "p.json"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                    "HOME": str(tmp_path)})
    wall = time.monotonic() - t
    assert r.returncode == 0, r.stderr
    solving, so_far = _times(r.stdout)
    done = float(re.search(r"^Done in (\d+\.\d) s", r.stdout, re.M)[1])
    # the process's own start (the interpreter) is all it leaves out
    assert so_far > solving and wall - 2.0 <= done <= wall + 0.05, (solving, so_far, done, wall)


def test_the_plan_json_and_the_workbook_share_one_check(tmp_path, monkeypatch):
    import planner.check

    calls = []
    real = planner.check.check_plan

    def counted(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("plan"))
        return real(*args, **kwargs)

    from tests.builders import solved_and_checked

    s = season(weeks=4, athletes=3)
    out, _ = solved_and_checked(s)
    import planner.xlsx_export

    monkeypatch.setattr(planner.check, "check_plan", counted)
    monkeypatch.setattr(planner.xlsx_export, "check_plan", counted)  # its own name of it
    from ui.cli import outputs

    outputs.write(s, out.plan, {"json": tmp_path / "p.json", "xlsx": tmp_path / "p.xlsx"}, False)
    assert (tmp_path / "p.json").exists() and (tmp_path / "p.xlsx").exists()
    assert len(calls) == 1 and calls[0] is out.plan, len(calls)


def test_the_returns_build_each_athlete_s_facts_once_for_one_plan(monkeypatch):
    from planner import returns as R
    from tests.builders import injury, solved_and_checked

    s = season(weeks=6, athletes=3, injuries=(injury("A2", "S2", start_day=-3),))
    out, _ = solved_and_checked(s)
    built = []
    real = R.AthleteFacts.__init__

    def counted(self, *args, **kwargs):
        built.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(R.AthleteFacts, "__init__", counted)
    first = R.returns(s, out.plan)
    assert first and len(built) == 1  # only an athlete with an injury record has a return
    # the summary, the plan JSON, the workbook and the explanations ask again: the same facts
    assert R.returns(s, out.plan) == first and R.returns(s, out.plan, history=True)
    assert len(built) == 1
    assert R.provisional_days(s, out.plan) and R.provisional_days(s, out.plan)
    assert len(built) == 4  # every athlete's, once
    # another plan (a re-plan) is worked out again
    R.returns(s, out.plan.model_copy())
    assert len(built) == 5


def test_the_re_plans_of_advance_log_and_record_say_the_time_in_all_as_solve_does(tmp_path):
    """'periodize advance', 'log' and 'record' re-plan, and said only "Time: 1.20 s solving" for
    a command that took longer (the season read, the log checked, the plan compared): they say
    the time in all with the same words as 'solve'; so does 'record' planning a season that had
    no stored plan."""
    from tests.builders import day, injury

    s = season(weeks=6, athletes=3, injuries=(injury("A1", "S2", start_day=-3),), today=day(0))
    save_season(s, tmp_path / "unplanned.season.json")
    save_season(s, tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(1)},60,5\n")
    for args, heading in (
            (("advance", "s.season.json", "--today", day(7).isoformat(), "--save"),
             "Re-planned from today"),
            (("log", "s.season.json", "log.csv", "--save"), "Re-planned from today"),
            (("record", "s.season.json", "--flare-up", "A1", day(5).isoformat(), "--save"),
             "Re-planned, keeping"),
            (("record", "unplanned.season.json", "--flare-up", "A1", day(-1).isoformat()),
             "Planned (the season had no stored plan)")):
        r = run(*args, cwd=tmp_path)
        assert r.returncode == 0, (args, r.stdout, r.stderr)
        assert heading in r.stdout, (args, r.stdout)
        solving, so_far = _times(r.stdout)
        assert 0 <= solving <= so_far + 0.05, (args, r.stdout)
