"""``periodize export SEASON --handouts DIR``: one PDF per athlete, from the stored plan."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.seasonfile import save_season
from tests.exports.demo import solved_demo

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_export_writes_a_handout_pdf_per_athlete(tmp_path):
    season = solved_demo()
    save_season(season, tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "handouts", "--anonymise", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "handouts").iterdir())
    assert [f.name for f in files] == sorted(f"{a.id}.pdf" for a in season.athletes)
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert "Wrote 24 handout PDF(s) (anonymised), a page per athlete and week" in r.stdout


def test_handouts_need_a_stored_plan(tmp_path):
    season = solved_demo().model_copy(update={"plan": None})
    save_season(season, tmp_path / "demo.season.json")
    r = _cli("export", "demo.season.json", "--handouts", "handouts", cwd=tmp_path)
    assert r.returncode == 1 and "has no stored plan for --handouts" in r.stderr
    assert not (tmp_path / "handouts").exists()
