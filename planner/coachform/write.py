"""Writing the coach workbook: the shipped template, and a season written back in that form.

:func:`template_workbook` builds the form from :mod:`planner.coachform.spec` (formatted headers,
dropdowns, one example row per sheet; ``scripts/make_import_template.py`` saves it as the shipped
template), and :func:`export_template_form` writes a season into it, so that
``import_workbook(export_template_form(season))`` gives back the season's squad, calendar,
competitions, injuries (current stage and earlier stage starts), unavailability, blocks and
non-training days.
"""

from __future__ import annotations

import datetime as dt
import io
import os

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from planner.coachform.spec import (
    PRIORITIES,
    SEASON_KEYS,
    SEASON_SHEET,
    SHEETS,
    STAGE_CHOICES,
    WEEKDAY_NAMES,
    Column,
    SheetSpec,
)
from planner.errors import SaveError
from planner.protocols import available_protocols
from planner.season import WEEKDAYS, Season
from planner.seasonfile import atomic_write
from planner.xlsx_cells import write_text

__all__ = ["export_template_form", "save_template_form", "template_workbook", "training_days_text"]

_EXAMPLE_SEASON = {
    "name": "Riverside FC 2027", "start": dt.date(2027, 1, 4), "end": dt.date(2027, 6, 27),
    "week_start": "mon", "training_days": ("mon", "tue", "wed", "thu", "fri", "sat"), "today": None,
}
_EXAMPLES = {
    "Competitions": {"date": dt.date(2027, 1, 9), "name": "League match 1", "priority": "C",
                     "end_date": None},
    "Athletes": {"id": "A01", "name": "Alex Example", "position": "Midfielder", "max_speed": 9.1},
    "Injuries": {"athlete": "A01", "protocol": "hamstring-strain", "onset": dt.date(2026, 12, 20),
                 "stage": "P2", "stage_start": dt.date(2026, 12, 28), "target": "League match 1"},
    "Stage history": {"athlete": "A01", "stage": "P1", "start": dt.date(2026, 12, 20)},
    "Unavailable": {"athlete": "A01", "start": dt.date(2027, 2, 1), "end": dt.date(2027, 2, 3),
                    "reason": "Family"},
    "Non-training days": {"date": dt.date(2027, 4, 5), "reason": "Easter Monday"},
    "Blocks": {"name": "Pre-season", "start": dt.date(2027, 1, 4), "end": dt.date(2027, 1, 31),
               "emphasis": "Aerobic base, first sprint exposures"},
}
FORM_ROWS = 1000  # rows below the header that carry the dropdowns


def _season_rows(season: Season) -> tuple[dict, dict[str, list[dict]]]:
    cal = season.calendar
    head = {"name": season.name, "start": cal.start, "end": cal.end, "week_start": cal.week_start,
            "training_days": cal.training_days, "today": cal.today}
    tables: dict[str, list[dict]] = {
        "Competitions": [{"date": c.date, "name": c.name, "priority": c.priority,
                          "end_date": c.end_date} for c in season.competitions],
        "Athletes": [{"id": a.id, "name": a.name, "position": a.position, "max_speed": a.max_speed}
                     for a in season.athletes],
        "Injuries": [],
        "Stage history": [],
        "Unavailable": [{"athlete": u.athlete, "start": u.start, "end": u.end, "reason": u.reason}
                        for u in season.unavailability],
        "Non-training days": [{"date": d.date, "reason": d.reason} for d in cal.non_training_days],
        "Blocks": [{"name": b.name, "start": b.start, "end": b.end, "emphasis": b.emphasis}
                   for b in season.blocks],
    }
    for inj in season.injuries:
        target = season.competition(inj.target_competition) if inj.target_competition else None
        tables["Injuries"].append({
            "athlete": inj.athlete, "protocol": inj.protocol, "onset": inj.onset,
            "stage": inj.current.stage, "stage_start": inj.current.start,
            "target": target.name if target else None,
        })
        for rec in inj.stages[:-1]:
            tables["Stage history"].append({"athlete": inj.athlete, "stage": rec.stage,
                                            "start": rec.start})
    return head, tables


def training_days_text(days: tuple[str, ...]) -> str:
    """Weekdays as a coach writes them: ``Mon-Sat``, ``Mon, Wed, Fri``, ``Mon-Wed, Fri``."""
    idx = sorted(WEEKDAYS.index(d) for d in days)
    runs: list[list[int]] = []
    for i in idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for r in runs:
        a, b = WEEKDAY_NAMES[r[0]][:3], WEEKDAY_NAMES[r[-1]][:3]
        if len(r) >= 3:
            out.append(f"{a}-{b}")
        else:
            out.extend(WEEKDAY_NAMES[i][:3] for i in r)
    return ", ".join(out)


def template_workbook(season: Season | None = None) -> openpyxl.Workbook:
    """The coach workbook form: the shipped template (``season`` None: one example row per
    sheet) or ``season`` written into it."""
    if season is None:
        head = dict(_EXAMPLE_SEASON)
        tables = {title: [row] for title, row in _EXAMPLES.items()}
    else:
        head, tables = _season_rows(season)
    wb = openpyxl.Workbook()
    wb.properties.creator = "Periodize"
    wb.properties.title = "Periodize coach workbook"
    protocols = available_protocols()
    _write_season_sheet(wb.active, head)
    for spec in SHEETS:
        _write_table_sheet(wb.create_sheet(spec.title), spec, tables.get(spec.title, []), protocols)
    _write_help_sheet(wb.create_sheet("Help"), protocols)
    for sheet in wb.worksheets:  # prints one page wide, the header on every page
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        if sheet.title != "Help":
            sheet.print_title_rows = "1:1"
    return wb


_HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", start_color="2F5597", end_color="2F5597")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NOTE_FONT = Font(name="Calibri", size=9, italic=True, color="595959")


def _header(ws, titles, widths) -> None:
    """The header row: white on blue, the columns' widths, frozen below it."""
    for j, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        c = ws.cell(row=1, column=j, value=title)
        c.font, c.fill, c.border = _HEADER_FONT, _HEADER_FILL, _BORDER
        c.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 20


def _put(cell, kind: str, value) -> None:
    """A value in a form cell: a date formatted as such, a number, or coach text as text."""
    if value is None or value == "":
        return
    if kind == "date":
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif kind == "number":
        cell.value = value
    else:
        write_text(cell, str(value))


def _listing(values, title: str, prompt: str, strict: bool = True) -> DataValidation:
    """A dropdown of ``values`` (or of a cell range given as text); ``strict`` refuses others."""
    formula = values if isinstance(values, str) else '"' + ",".join(values) + '"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                        showErrorMessage=strict, showInputMessage=True,
                        promptTitle=title[:32], prompt=prompt[:255])
    if strict:
        dv.errorTitle = f"Not a {title.lower()}"[:32]
        dv.error = prompt[:225]
    return dv


def _write_season_sheet(ws, head: dict) -> None:
    """The Season sheet: one Key / Value row per Season key, with what to write."""
    ws.title = SEASON_SHEET
    _header(ws, ("Key", "Value", "What to write"), (16, 26, 70))
    for r, (key, label, required, help_text) in enumerate(SEASON_KEYS, start=2):
        ws.cell(row=r, column=1, value=label).font = Font(name="Calibri", size=11, bold=True)
        value = head.get(key)
        c = ws.cell(row=r, column=2)
        if key in ("start", "end", "today"):
            _put(c, "date", value)
        elif key == "week_start":
            _put(c, "text", WEEKDAY_NAMES[WEEKDAYS.index(value)] if value else None)
            dv = _listing(WEEKDAY_NAMES, "Weekday", "The weekday weeks start on.")
            ws.add_data_validation(dv)
            dv.add(c.coordinate)
        elif key == "training_days":
            _put(c, "text", training_days_text(value) if value else None)
        else:
            _put(c, "text", value)
        ws.cell(row=r, column=3, value=("required: " if required else "") + help_text).font = _NOTE_FONT


def _column_dropdown(col: Column, protocols: tuple[str, ...]) -> DataValidation | None:
    """The dropdown of a column: priorities, protocols, stages, or (not strict) the IDs of the
    Athletes sheet and the names of the Competitions sheet."""
    if col.kind == "priority":
        return _listing(PRIORITIES, "Priority", "A, B or C. A competitions get a taper.")
    if col.kind == "protocol":
        return _listing(protocols, "Protocol", "The rehab protocol: " + ", ".join(protocols))
    if col.kind == "stage":
        return _listing(STAGE_CHOICES, "Stage",
                        "The current stage: P1-P3 rehab, S1-S3 return to sport, FIT back.")
    if col.key == "athlete":
        return _listing(f"Athletes!$A$2:$A${FORM_ROWS + 1}", "Athlete ID",
                        "An ID from the Athletes sheet.", strict=False)
    if col.key == "target":
        return _listing(f"Competitions!$B$2:$B${FORM_ROWS + 1}", "Competition",
                        "Optional: a competition's name from the Competitions sheet.", strict=False)
    return None


def _write_table_sheet(ws, spec: SheetSpec, rows: list[dict], protocols: tuple[str, ...]) -> None:
    """A table sheet: the header, date formats and dropdowns down the form, then the rows."""
    _header(ws, [c.header for c in spec.columns], [c.width for c in spec.columns])
    for j, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(j)
        if col.kind == "date":
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
        dv = _column_dropdown(col, protocols)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{FORM_ROWS + 1}")
    for r, values in enumerate(rows, start=2):
        for j, col in enumerate(spec.columns, start=1):
            _put(ws.cell(row=r, column=j), col.kind, values.get(col.key))
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{max(2, len(rows) + 1)}"


def _write_help_sheet(ws, protocols: tuple[str, ...]) -> None:
    """How to fill in the workbook and import it, and every sheet's columns."""
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    lines = [
        ("Periodize coach workbook", ""),
        ("", "Fill in the sheets, then: periodize import THIS.xlsx -o SEASON.season.json "
             "(or File > Import Excel Workbook in the app)."),
        ("", "The first row of each sheet is its header; columns may be in any order; extra "
             "columns and sheets (like this one) are ignored. Dates: Excel dates or 2027-01-04."),
        ("", "Every problem is reported at once with its sheet, row and column."),
        ("", ""),
    ]
    lines.append((SEASON_SHEET, "Key / Value rows: " + "; ".join(
        f"{label}{' (required)' if req else ''}: {h}" for _, label, req, h in SEASON_KEYS)))
    for spec in SHEETS:
        cols = "; ".join(f"{c.header}{' (required)' if c.required else ''}: {c.help}" for c in spec.columns)
        lines.append((spec.title, f"{spec.help} Columns: {cols}."))
    lines.append(("", ""))
    lines.append(("Protocols", ", ".join(protocols)))
    for r, (a, b) in enumerate(lines, start=1):
        ca = ws.cell(row=r, column=1, value=a or None)
        cb = ws.cell(row=r, column=2, value=b or None)
        ca.font = Font(name="Calibri", size=14 if r == 1 else 11, bold=True)
        cb.alignment = Alignment(wrap_text=True, vertical="top")
        ca.alignment = Alignment(vertical="top")
        if b:
            ws.row_dimensions[r].height = 15 * max(1, -(-len(b) // 95))


def export_template_form(season: Season) -> openpyxl.Workbook:
    """``season`` written into the coach workbook form.

    The form holds what a coach types: each injury's current stage (Injuries) and earlier stage
    starts (Stage history), but not criteria tests or flare-ups, and no rule settings, pins or
    plan; those stay in the season file.
    """
    return template_workbook(season)


def save_template_form(season: Season | None, path: str | os.PathLike) -> None:
    """Write the form (``season`` None: the empty template) to ``path`` atomically."""
    buf = io.BytesIO()
    template_workbook(season).save(buf)
    try:
        atomic_write(path, buf.getvalue())
    except OSError as e:
        raise SaveError(f"{os.fspath(path)}: could not be saved ({e.strerror})") from None
