"""The what-if comparison as an Excel workbook: summary per athlete, the scenario's edits, and
every changed athlete-day."""

from __future__ import annotations

import datetime as dt
import io
import os

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from planner.scenarios import Comparison
from planner.season import Plan, Season
from planner.seasonfile import atomic_write
from planner.timeline import Timeline
from planner.xlsx_cells import write_text

BOLD = Font(bold=True)
CHANGED = PatternFill("solid", fgColor="FFF2CC")


def _table(ws, header: list[str], rows: list[list], widths: list[int]) -> None:
    for j, h in enumerate(header, 1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = BOLD
    for i, row in enumerate(rows, 2):
        for j, v in enumerate(row, 1):
            cell = ws.cell(row=i, column=j)
            if isinstance(v, str):
                write_text(cell, v)
            else:
                cell.value = v
                if isinstance(v, dt.date):
                    cell.number_format = "dd mmm yyyy"
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def build_comparison_workbook(comp: Comparison, season_a: Season, plan_a: Plan, season_b: Season,
                              plan_b: Plan, edits: list[str]) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.properties.creator = "Periodize"  # an export recognises its own file by it (ui.cli.outputs)
    wb.properties.title = "Periodize what-if comparison"
    ws = wb.active
    ws.title = "Summary"
    rows = []
    for a in comp.athletes:
        moved = "; ".join(f"{w.isoformat()} {x}->{y}" for w, x, y in a.weeks_moved)
        # a date, or the words: not this season, fit, a provisional return (RH-CRIT)
        ret_a = a.back("a") if a.return_a is None or a.provisional_a else a.return_a
        ret_b = a.back("b") if a.return_b is None or a.provisional_b else a.return_b
        rows.append([a.athlete, a.name, ret_a, ret_b,
                     a.target("a") or None, a.target("b") or None,
                     a.hv_a, a.hv_b, a.changed_days, moved, "; ".join(a.roles) or None])
    _table(ws, ["ID", "Athlete", f"Return ({comp.label_a})", f"Return ({comp.label_b})",
                f"Target ({comp.label_a})", f"Target ({comp.label_b})",
                "HV exposures A", "HV exposures B", "Changed days", "Weeks moved",
                "Match roles changed"], rows,
           [8, 28, 18, 18, 18, 18, 14, 14, 13, 50, 60])
    for i, a in enumerate(comp.athletes, 2):
        if a.changed:
            for j in range(1, 12):
                ws.cell(row=i, column=j).fill = CHANGED
    tot = len(rows) + 3
    write_text(ws.cell(row=tot, column=2), "Objective")
    ws.cell(row=tot, column=3, value=comp.objective_a)
    ws.cell(row=tot, column=4, value=comp.objective_b)
    write_text(ws.cell(row=tot + 1, column=2), "Hard violations")
    ws.cell(row=tot + 1, column=3, value=comp.hard_a)
    ws.cell(row=tot + 1, column=4, value=comp.hard_b)
    rules = sorted(set(comp.soft_a) | set(comp.soft_b))
    for k, rule in enumerate(rules):
        write_text(ws.cell(row=tot + 2 + k, column=2), f"{rule} instances")
        ws.cell(row=tot + 2 + k, column=3, value=comp.soft_a.get(rule, 0))
        ws.cell(row=tot + 2 + k, column=4, value=comp.soft_b.get(rule, 0))
    r = tot + 2 + len(rules)
    if comp.stab("a") or comp.stab("b"):  # the objective's part the rule counts do not show
        write_text(ws.cell(row=r, column=2), "Of the objective: days changed from the plan re-planned")
        ws.cell(row=r, column=3, value=comp.stab("a"))
        ws.cell(row=r, column=4, value=comp.stab("b"))
        r += 1
    if comp.congested:
        write_text(ws.cell(row=r + 1, column=2), "Congested fixtures the scenario adds (not a rule)")
        for k, line in enumerate(comp.congested):
            write_text(ws.cell(row=r + 2 + k, column=2), line)
        r += 2 + len(comp.congested)
    if comp.tapers:
        write_text(ws.cell(row=r + 1, column=2), "Matches in a taper the scenario adds (not a rule)")
        for k, t in enumerate(comp.tapers):
            write_text(ws.cell(row=r + 2 + k, column=2), t.text())

    broken = [[label, x] for label, items in (("A", comp.broken_a), ("B", comp.broken_b)) for x in items]
    if broken:
        hb = wb.create_sheet("Hard rules broken")
        _table(hb, ["Plan", "Hard rule broken"], broken, [6, 110])

    ed = wb.create_sheet("Edits")
    _table(ed, ["#", "Edit"], [[i + 1, e] for i, e in enumerate(edits)], [5, 90])

    ch = wb.create_sheet("Changes")
    tl = Timeline(season_b)
    rows = []
    # a day whose match role alone changed (the same intensity and stage) is a change too
    for aid, d in sorted(comp.changed_cells | set(comp.role_cells), key=lambda x: (x[1], x[0])):
        pa, pb = plan_a.for_athlete(aid), plan_b.for_athlete(aid)
        rows.append([tl.days[d], aid, season_b.athlete_label(aid), pa.stages[d], pa.intensity[d],
                     pb.stages[d], pb.intensity[d], comp.role_cells.get((aid, d))])
    _table(ch, ["Date", "ID", "Athlete", "Stage A", "Intensity A", "Stage B", "Intensity B",
                "Match roles changed"], rows, [14, 8, 28, 9, 12, 9, 12, 60])
    return wb


def export_comparison(path: str | os.PathLike, *args, backup: bool = False) -> None:
    """The comparison workbook (``build_comparison_workbook``'s ``args``) at ``path``
    (``backup``: the file replaced kept as ``NAME.bak``)."""
    wb = build_comparison_workbook(*args)
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(path, buf.getvalue(), backup=backup)
