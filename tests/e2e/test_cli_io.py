"""periodize import / template / export / solve --ics --pdf, end to end as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from planner.seasonfile import load_season

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "ui.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env=env)


def test_template_then_import(tmp_path):
    r = run("template", "-o", "team.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "periodize import team.xlsx" in r.stdout
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 athlete, 1 competition, 1 injury" in r.stdout
    season = load_season(tmp_path / "team.season.json")
    assert season.athletes[0].id == "A01" and season.injuries[0].protocol == "hamstring-strain"


def test_import_of_a_broken_workbook_lists_every_problem_and_writes_nothing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Season"
    for row in (("Key", "Value"), ("Name", "Broken"), ("Start", "2027-01-04"), ("End", "soon")):
        ws.append(row)
    ws = wb.create_sheet("Athletes")
    for row in (("ID", "Name"), ("A1", "Ann"), ("A1", "Ann again")):
        ws.append(row)
    ws = wb.create_sheet("Competitions")
    for row in (("Date", "Name", "Priority"), ("2027-01-09", "Cup", "Z")):
        ws.append(row)
    wb.save(tmp_path / "broken.xlsx")
    r = run("import", "broken.xlsx", "-o", "out.season.json", cwd=tmp_path)
    assert r.returncode == 1
    assert not (tmp_path / "out.season.json").exists()
    assert "Traceback" not in r.stderr
    assert "broken.xlsx: 3 problems" in r.stderr
    assert "Season, row 4 (End): 'soon' is not a date" in r.stderr
    assert "Competitions, row 2, Priority: 'Z' is not A, B or C" in r.stderr
    assert "Athletes, row 3, ID: 'A1' is already the ID of row 2" in r.stderr


def test_import_of_something_else_is_a_plain_message(tmp_path):
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    r = run("import", "notes.xlsx", "-o", "out.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "notes.xlsx: cannot be read as an Excel workbook" in r.stderr
    r = run("import", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "sheet, row and column" in r.stdout
