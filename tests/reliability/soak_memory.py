"""Time and memory of a solve at 120 x 52 and at the stated maximum squad, 300 athletes x 2
years (``make soak``), each in its own process, measured as its peak resident memory.

    pytest tests/reliability/soak_memory.py -s
"""

from __future__ import annotations

import re
import sys

import pytest

from planner.seasonfile import save_season
from tests.reliability.figures import peak_rss_mib_of, record
from tests.reliability.hostile import ROOT

CLI = [sys.executable, "-m", "ui.cli"]


@pytest.mark.parametrize(("athletes", "weeks", "limit"), [(120, 52, 60), (300, 104, 120), (300, 104, 20)])
def test_solve_time_and_memory(tmp_path, athletes, weeks, limit):
    from bench.generate import generated_season
    from planner.limits import expected_memory_mib

    s = generated_season(athletes, weeks)
    save_season(s, tmp_path / "s.season.json")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code, took, mib, out, err = peak_rss_mib_of(
        [*CLI, "solve", "s.season.json", "--time-limit", str(limit), "--save"], env=env, cwd=tmp_path)
    assert code in (0, 4), err
    status = re.search(r"Status:\s+(\w+)", out)
    gap = re.search(r"gap: ([\d.]+) %", out)
    warned = "Warning: A large season" in err
    if code == 4:
        assert "No plan found within the time limit" in err and warned
    what = (f"{status.group(1) if status else '?'}"
            + (f", gap {gap.group(1)} %" if gap else "") + f", exit {code}")
    key = f"{athletes}-{weeks}-{limit}"
    record(f"solve --save, {athletes} athletes x {weeks} weeks, --time-limit {limit}",
           f"{what} in {took:.0f} s, peak {mib:,} MiB (the estimate shown to the coach: "
           f"{expected_memory_mib(s):,} MiB); large-season warning: {'yes' if warned else 'no'}",
           f"pytest tests/reliability/soak_memory.py -k \"{key}\" -s")
    if code or limit < 60:
        return
    code, took, mib, out, err = peak_rss_mib_of(
        [*CLI, "export", "s.season.json", "--xlsx", "plan.xlsx", "--json", "plan.json"], env=env, cwd=tmp_path)
    assert code == 0, err
    record(f"export --xlsx --json, {athletes} athletes x {weeks} weeks",
           f"{took:.0f} s, peak {mib:,} MiB; plan.xlsx {(tmp_path / 'plan.xlsx').stat().st_size / 2**20:.1f} MB",
           f"pytest tests/reliability/soak_memory.py -k \"{key}\" -s")
