"""Every OWASP CSV/formula-injection trigger through every export (``make soak``): each trigger
is put in every text a coach types (season, athlete, position, competition, block, emphasis,
reasons, flare-up notes, IDs, scenario names), the season is solved and exported to the Excel
plan, the coach workbook, the what-if comparison, the plan JSON, the calendars and the PDF. In
every workbook a cell holding a trigger must be text (never a formula), and the coach workbook
must import back with the same texts.

    pytest tests/reliability/soak_exports.py -s
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from tests.reliability.figures import record

# OWASP "CSV injection": cells starting with = + - @ tab CR (and LF), DDE and HYPERLINK payloads,
# the full-width equals sign some spreadsheet programs also take, and a trigger after a newline.
TRIGGERS = [
    "=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1", "\n=1+1",
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.invalid\",\"click\")",
    "=DDE(\"cmd\";\"/C calc\";\"x\")", "@cmd|' /C calc'!A0", "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0", "＝1+1", "=1+1\n=2+2", "#N/A", "=A1", "%0A=1+1",
]


def _hostile_season(trigger: str):
    from planner.season import (
        Athlete,
        Block,
        Calendar,
        Competition,
        Injury,
        NonTrainingDay,
        Season,
        StageRecord,
        Unavailability,
    )

    d0 = dt.date(2027, 1, 4)
    t = trigger
    athletes = (Athlete(id=f"A1{t}"[:40], name=f"{t} name", position=t),
                Athlete(id="A2", name=t, position="Forward"))
    comps = (Competition(id="m1", name=t, date=d0 + dt.timedelta(days=5), priority="C"),
             Competition(id="m2", name=f"{t} cup", date=d0 + dt.timedelta(days=12), priority="A"))
    inj = Injury(athlete=athletes[0].id, protocol="hamstring-strain", onset=d0 - dt.timedelta(days=3),
                 stages=(StageRecord(stage="P1", start=d0 - dt.timedelta(days=2)),),
                 flare_ups=(d0 + dt.timedelta(days=3),), flare_notes={d0 + dt.timedelta(days=3): t},
                 target_competition="m2")
    return Season(
        name=f"{t} season", calendar=Calendar(start=d0, end=d0 + dt.timedelta(days=20),
                                              non_training_days=(NonTrainingDay(date=d0 + dt.timedelta(days=9), reason=t),)),
        competitions=comps, athletes=athletes, injuries=(inj,),
        blocks=(Block(name=t, start=d0, end=d0 + dt.timedelta(days=6), emphasis=t),),
        unavailability=(Unavailability(athlete="A2", start=d0 + dt.timedelta(days=15),
                                       end=d0 + dt.timedelta(days=16), reason=t),))


def _formula_cells(path: Path, needles: list[str]) -> list[str]:
    """Cells of a workbook that hold a formula built from coach text."""
    bad = []
    wb = openpyxl.load_workbook(path)  # not read-only: data_type shows a formula
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if c.data_type == "f" and isinstance(v, str) and any(n in v for n in needles):
                    bad.append(f"{ws.title}!{c.coordinate}: {v!r}")
    return bad


def _texts_with_trigger(path: Path, trigger: str) -> int:
    wb = openpyxl.load_workbook(path)
    core = trigger.strip()
    return sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and core in c.value and c.data_type == "s")


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_every_trigger_through_every_export_is_inert_text(tmp_path, trigger):
    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.ical import export_calendars
    from planner.planjson import plan_to_json
    from planner.scenarios import compare
    from planner.xlsx_compare import export_comparison
    from planner.xlsx_export import export_workbook
    from solver import SolveRequest, solve
    from ui.cli.outputs import headless_qt

    season = _hostile_season(trigger)
    out = solve(SolveRequest(season, time_limit=20))
    assert out.plan is not None, out.message
    plan = out.plan
    needles = [trigger.strip()[1:] or trigger, "cmd|", "HYPERLINK(\"http://example", "DDE("]
    findings: list[str] = []

    export_workbook(season, plan, tmp_path / "plan.xlsx")
    findings += _formula_cells(tmp_path / "plan.xlsx", needles)
    export_workbook(season, plan, tmp_path / "anon.xlsx", anonymise=True)
    findings += _formula_cells(tmp_path / "anon.xlsx", needles)
    save_template_form(season, tmp_path / "form.xlsx")
    findings += _formula_cells(tmp_path / "form.xlsx", needles)
    comp = compare(season, plan, season, plan, "baseline", f"'{trigger}'")
    export_comparison(tmp_path / "compare.xlsx", comp, season, plan, season, plan, [trigger])
    findings += _formula_cells(tmp_path / "compare.xlsx", needles)
    assert findings == [], findings
    assert _texts_with_trigger(tmp_path / "plan.xlsx", trigger) > 0  # it is there, as text

    back = import_workbook(tmp_path / "form.xlsx")  # the coach workbook round-trips the text
    assert back.name == season.name and [a.name for a in back.athletes] == [a.name for a in season.athletes]
    assert [c.name for c in back.competitions] == [c.name for c in season.competitions]

    data = json.loads(plan_to_json(season, plan))  # JSON: escaped by construction, parses back
    assert data["season"] == season.name

    files = export_calendars(season, plan, tmp_path / "ics")
    from icalendar import Calendar

    for f in files:
        Calendar.from_ical(Path(f).read_bytes())
        assert b"\r=" not in Path(f).read_bytes().replace(b"\r\n", b"")  # no bare CR starting a line

    headless_qt()
    from ui.desktop.pdf import export_board_pdf

    export_board_pdf(season.model_copy(update={"plan": plan}), tmp_path / "board.pdf")
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    _RESULTS.append(trigger)


_RESULTS: list[str] = []


def test_zz_figures():
    assert len(_RESULTS) == len(TRIGGERS)
    record("OWASP formula triggers through every export",
           f"{len(TRIGGERS)} triggers x 10 coach text fields (and IDs) through the Excel plan (named "
           f"and anonymised), the coach workbook, the comparison, plan JSON, calendars and PDF: 0 "
           f"formulas, every trigger stored as text; the coach workbook imports the texts back equal",
           "pytest tests/reliability/soak_exports.py -s")
