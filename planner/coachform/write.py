"""Writing the coach workbook: the shipped template, and a season written back in that form.

:func:`template_workbook` builds the form from :mod:`planner.coachform.spec` (formatted headers,
dropdowns, an example row or two per sheet; ``scripts/make_import_template.py`` saves it as the
shipped template), and :func:`export_template_form` writes a season into it, so that
``import_workbook(export_template_form(season))`` gives back the season's squad (with default
roles), calendar, competitions, injury records (a row per stage start, several records per
athlete), roles per competition, flare-ups, criteria tests, unavailability, blocks and
non-training days. Each competition's id is written in the Competitions sheet's ID column, so
that an import gives it back (commands, pins and calendar events name competitions by id).
A competition whose name another competition shares is written with its
date, ``Cup (2027-01-09)``, which the reader accepts. The Stage history sheet of older
workbooks is still read but no longer written: stage starts are rows of the Injuries sheet.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from planner.coachform.cells import NO_DAYS
from planner.coachform.spec import (
    PRIORITIES,
    ROLE_CHOICES,
    SEASON_KEYS,
    SEASON_SHEET,
    SHEETS,
    STAGE_CHOICES,
    STARTER_MINUTES_MIN,
    WEEKDAY_NAMES,
    WRITTEN_SHEETS,
    Column,
    SheetSpec,
)
from planner.errors import InputError, SaveError
from planner.protocols import available_protocols, load_protocol
from planner.rules import RULES, RuleSet
from planner.season import WEEKDAYS, Season
from planner.seasonfile import atomic_write
from planner.text import measure
from planner.xlsx_cells import write_text
from planner.xlsx_layout import FONT, fit_lines, page_setup, row_height, text_width, width_for
from planner.xlsx_styles import BASE_SIZE, base_font

__all__ = ["competition_label", "export_template_form", "save_template_form", "template_workbook",
           "training_days_text"]

_EXAMPLE_SEASON = {
    "name": "Riverside FC 2027", "start": dt.date(2027, 1, 4), "end": dt.date(2027, 6, 27),
    "week_start": "mon", "training_days": ("mon", "tue", "wed", "thu", "fri", "sat"), "today": None,
    "starter_minutes": None,  # the default's (95): left blank
}
_EXAMPLES: dict[str, list[dict]] = {
    "Competitions": [{"date": dt.date(2027, 1, 9), "name": "League match 1", "priority": "C",
                      "end_date": None, "id": "league-01"}],
    "Athletes": [{"id": "A01", "name": "Alex Example", "position": "Midfielder", "max_speed": 9.1,
                  "role": "start"}],
    "Injuries": [{"athlete": "A01", "protocol": "hamstring-strain", "onset": dt.date(2026, 12, 20),
                  "stage": stage, "stage_start": start, "target": "League match 1"}
                 for stage, start in (("P1", dt.date(2026, 12, 20)), ("P2", dt.date(2026, 12, 28)))],
    "Roles": [{"competition": "League match 1", "athlete": "A01", "role": "bench"}],
    "Flare-ups": [{"athlete": "A01", "date": dt.date(2026, 12, 31),
                   "note": "Tightness after the first jog"}],
    "Tests": [{"athlete": "A01", "date": dt.date(2026, 12, 27), "test": "Pain on single-leg squat",
               "value": 1}],
    "Sessions": [{"athlete": "A01", "date": dt.date(2026, 12, 30), "minutes": 45, "rpe": 4,
                  "top_pct": None, "top_ms": None, "played": None, "pain": 2,
                  "note": "Rehab gym and a 15-minute jog"}],
    "Unavailable": [{"athlete": "A01", "start": dt.date(2027, 2, 1), "end": dt.date(2027, 2, 3),
                     "reason": "Family"}],
    "Non-training days": [{"date": dt.date(2027, 3, 29), "reason": "Easter Monday"}],
    "Blocks": [{"name": "Pre-season", "start": dt.date(2027, 1, 4), "end": dt.date(2027, 1, 31),
                "emphasis": "Aerobic base, first sprint exposures"}],
}
_PLAYER = _EXAMPLES["Athletes"][0]  # the example player the example rows name
FORM_ROWS = 1000  # rows below the header that carry the dropdowns
FIRST_ROW = 2  # a table sheet's first row below its header: the first example row's


def competition_label(season: Season, comp_id: str) -> str:
    """A competition as the form names it: its name, with its date when another competition of
    the season has the same name (``Cup (2027-01-09)``, which the reader accepts)."""
    comp = season.competition(comp_id)
    if comp is None:
        return comp_id
    key = comp.name.strip().casefold()
    if sum(c.name.strip().casefold() == key for c in season.competitions) > 1:
        return f"{comp.name} ({comp.date:%Y-%m-%d})"
    return comp.name


def _injury_rows(season: Season) -> dict[str, list[dict]]:
    """The Injuries (a row per stage record), Flare-ups and Tests rows of the season's records."""
    out: dict[str, list[dict]] = {"Injuries": [], "Flare-ups": [], "Tests": []}
    for inj in season.injuries:
        target = competition_label(season, inj.target_competition) if inj.target_competition else None
        for rec in inj.stages:
            out["Injuries"].append({"athlete": inj.athlete, "protocol": inj.protocol,
                                    "onset": inj.onset, "stage": rec.stage,
                                    "stage_start": rec.start, "target": target})
        for day in inj.flare_ups:
            out["Flare-ups"].append({"athlete": inj.athlete, "date": day,
                                     "note": inj.flare_notes.get(day)})
        for t in inj.tests:
            out["Tests"].append({"athlete": inj.athlete, "date": t.date, "test": t.name,
                                 "value": t.value})
    return out


def _speed(ms: float | None) -> float | None:
    """A logged speed as a coach reads it (8.67 m/s): one logged in km/h is a long fraction of
    m/s (31.2 / 3.6 = 8.666666666666666), and GPS units measure no finer than 0.01 m/s."""
    return None if ms is None else round(ms, 2)


def _season_rows(season: Season) -> tuple[dict, dict[str, list[dict]]]:
    cal = season.calendar
    head = {"name": season.name, "start": cal.start, "end": cal.end, "week_start": cal.week_start,
            "training_days": cal.training_days, "today": cal.today,
            "starter_minutes": _starter_minutes(season)}
    tables: dict[str, list[dict]] = {
        "Competitions": [{"date": c.date, "name": c.name, "priority": c.priority,
                          "end_date": c.end_date, "id": c.id} for c in season.competitions],
        "Athletes": [{"id": a.id, "name": a.name, "position": a.position, "max_speed": a.max_speed,
                      "role": a.role} for a in season.athletes],
        "Roles": [{"competition": competition_label(season, r.competition), "athlete": r.athlete,
                   "role": r.role} for r in season.roles],
        "Unavailable": [{"athlete": u.athlete, "start": u.start, "end": u.end, "reason": u.reason}
                        for u in season.unavailability],
        "Non-training days": _day_off_runs(cal.non_training_days),
        "Blocks": [{"name": b.name, "start": b.start, "end": b.end, "emphasis": b.emphasis}
                   for b in season.blocks],
        "Sessions": [{"athlete": x.athlete, "date": x.date, "minutes": x.minutes, "rpe": x.rpe,
                      "top_pct": x.top_speed_pct, "top_ms": _speed(x.top_speed_ms),
                      "played": x.minutes_played, "pain": x.pain, "note": x.note}
                     for x in season.sessions],
    }
    tables.update(_injury_rows(season))
    return head, tables



def _starter_minutes(season: Season) -> int | None:
    """The Season sheet's Starter minutes: the minutes a start counts in ``season``'s load
    (LD-1), None at the default (95, left blank as in the template) and outside what the sheet
    takes (a start of 5 minutes set in the Rules panel: a rule setting, kept in the season
    file as the others are)."""
    param = RULES["LD-1"].param("minutes_start")
    value = round(RuleSet(season.rules).value("LD-1", "minutes_start"))
    if value == param.default or not STARTER_MINUTES_MIN <= value <= param.max:
        return None
    return int(value)


def _day_off_runs(days) -> list[dict]:
    """Days off as the sheet takes them: a run of consecutive days of one reason is one row with
    'To' (a winter break was written as 23 rows of one day)."""
    rows: list[dict] = []
    for d in sorted(days, key=lambda x: x.date):
        last = rows[-1] if rows else None
        if last is not None and last["reason"] == d.reason and \
                (last["end"] or last["date"]) + dt.timedelta(days=1) == d.date:
            last["end"] = d.date
        else:
            rows.append({"date": d.date, "reason": d.reason, "end": None})
    return rows

def training_days_text(days: tuple[str, ...]) -> str:
    """Weekdays as a coach writes them: ``Mon-Sat``, ``Mon, Wed, Fri``, ``Mon-Wed, Fri``; none
    as ``none``, which the reader refuses (a blank cell would read back as Mon-Sat)."""
    if not days:
        return NO_DAYS
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
        tables = {title: list(rows) for title, rows in _EXAMPLES.items()}
    else:
        head, tables = _season_rows(season)
    wb = openpyxl.Workbook()
    base_font(wb)  # Arial 10, as the plan workbook: what a coach types too
    wb.properties.creator = "Periodize"
    wb.properties.title = "Periodize coach workbook"
    protocols = available_protocols()
    help_lines, tests = _help_lines(protocols)
    lists = {"protocol": protocols, "criterion": f"Help!$A${tests[0]}:$A${tests[1]}"}
    _write_season_sheet(wb.active, head)
    for spec in WRITTEN_SHEETS:
        _write_table_sheet(wb.create_sheet(spec.title), spec, tables.get(spec.title, []), lists)
    _write_help_sheet(wb.create_sheet("Help"), help_lines)
    for sheet in wb.worksheets:  # prints one page wide, the header row on every page
        _print_setup(sheet, None if season is None else season.name)
    return wb


FORM_TITLE = "Periodize coach workbook"  # the template's page header (it has no season)


def _print_setup(ws, season_name: str | None) -> None:
    """A4 landscape, one page wide, the header row on every page; the season's name (the
    template's: the form's) and the sheet's in the page header, "Page n of N" in the footer,
    as the plan workbook prints (``planner.xlsx_layout.page_setup``). The footer's right names
    the form, not a date: the shipped template has no clock in it."""
    page_setup(ws, season_name or FORM_TITLE, dt.datetime(2000, 1, 1),
               title_rows=None if ws.title == "Help" else "1:1")
    ws.oddFooter.right.text = "&8" + FORM_TITLE


# Arial, as the plan workbook: measured by planner.xlsx_layout, and the same width in Excel and
# in LibreOffice (Calibri, where it is missing, printed in a wider font and cut the headings)
_HEADER_SIZE = 10
_HEADER_FONT = Font(name=FONT, size=_HEADER_SIZE, bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", start_color="2F5597", end_color="2F5597")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NOTE_SIZE = 9
_NOTE_FONT = Font(name=FONT, size=_NOTE_SIZE, italic=True, color="595959")
_DATA_SIZE = BASE_SIZE  # a typed cell's: the workbook's own font
TEXT_WIDTH_MAX = 40.0  # the widest a column grows to its IDs or names (a note runs on past it)
FILTER_BUTTON_PT = 14  # the room a heading leaves for its filter button on screen


def heading_width(title: str, width: float) -> float:
    """A column's width: its own, or its heading's whole (and the filter button beside it) when
    that is wider ("Top speed m/s" printed "Top speed m/" in a column of 12)."""
    return max(width, width_for(text_width(title, _HEADER_SIZE, True) + FILTER_BUTTON_PT))


def _header(ws, titles, widths) -> None:
    """The header row: white on blue, the columns as wide as their headings, frozen below it."""
    for j, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        c = ws.cell(row=1, column=j, value=title)
        c.font, c.fill, c.border = _HEADER_FONT, _HEADER_FILL, _BORDER
        c.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(j)].width = heading_width(title, width)
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


_SEASON_WIDTHS = (16, 26, 70)  # Key, Value, What to write


def _write_season_sheet(ws, head: dict) -> None:
    """The Season sheet: one Key / Value row per Season key, with what to write."""
    ws.title = SEASON_SHEET
    _header(ws, ("Key", "Value", "What to write"), _SEASON_WIDTHS)
    for r, (key, label, required, help_text) in enumerate(SEASON_KEYS, start=2):
        ws.cell(row=r, column=1, value=label).font = Font(name=FONT, size=10, bold=True)
        ws.cell(row=r, column=1).alignment = Alignment(vertical="top")  # level with its note
        ws.cell(row=r, column=2).alignment = Alignment(vertical="top")
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
            _put(c, "text", training_days_text(value))
        elif key == "starter_minutes":
            _put(c, "number", value)
        else:
            _put(c, "text", value)
        # what to write wraps inside its column (it ran past the table, off the page)
        note = ("required: " if required else "") + help_text
        cell = ws.cell(row=r, column=3, value=note)
        cell.font, cell.alignment = _NOTE_FONT, Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = max(row_height(1, 10), row_height(
            fit_lines(note, _SEASON_WIDTHS[2], _NOTE_SIZE), _NOTE_SIZE))


def _column_dropdown(col: Column, lists: dict) -> DataValidation | None:
    """The dropdown of a column: priorities, protocols, stages and roles, or (not strict) the IDs
    of the Athletes sheet, the names of the Competitions sheet and the criteria tests listed on
    the Help sheet."""
    if col.kind == "priority":
        return _listing(PRIORITIES, "Priority", "A, B or C. A competitions get a taper.")
    if col.kind == "protocol":
        protocols = lists["protocol"]
        return _listing(protocols, "Protocol", "The rehab protocol: " + ", ".join(protocols))
    if col.kind == "stage":
        return _listing(STAGE_CHOICES, "Stage",
                        "A stage: P1-P3 rehab, S1-S3 return to sport, FIT back.")
    if col.kind == "role":
        return _listing(ROLE_CHOICES, "Role", "start, bench or out (empty: start).")
    if col.kind == "criterion":
        return _listing(lists["criterion"], "Criteria test",
                        "A criteria test of the injury's protocol (listed on the Help sheet).",
                        strict=False)
    if col.key == "athlete":
        return _listing(f"Athletes!$A$2:$A${FORM_ROWS + 1}", "Athlete ID",
                        "An ID from the Athletes sheet.", strict=False)
    if col.key in ("target", "competition"):
        return _listing(f"Competitions!$B$2:$B${FORM_ROWS + 1}", "Competition",
                        "A competition's name from the Competitions sheet (a repeated name with "
                        "its date: Cup (2027-01-09)).", strict=False)
    return None


def _write_table_sheet(ws, spec: SheetSpec, rows: list[dict], lists: dict) -> None:
    """A table sheet: the header, date formats and dropdowns down the form, then the rows."""
    _header(ws, [c.header for c in spec.columns], [c.width for c in spec.columns])
    for j, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(j)
        if col.kind == "date":
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
        dv = _column_dropdown(col, lists)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{FORM_ROWS + 1}")
    for r, values in enumerate(rows, start=FIRST_ROW):
        for j, col in enumerate(spec.columns, start=1):
            _put(ws.cell(row=r, column=j), col.kind, values.get(col.key))
    for j, col in enumerate(spec.columns, start=1):  # an ID or a name as wide as the longest
        said = [str(v[col.key]) for v in rows if v.get(col.key)]
        if col.kind in ("id", "text") and said:
            dim = ws.column_dimensions[get_column_letter(j)]
            dim.width = max(dim.width, min(TEXT_WIDTH_MAX, width_for(max(
                text_width(t, _DATA_SIZE) for t in said))))
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{max(2, len(rows) + 1)}"


def _criteria_uses(protocols: tuple[str, ...]) -> dict[str, list[str]]:
    """Criteria test name -> where it is used: protocol, stage and pass mark."""
    out: dict[str, list[str]] = {}
    for pid in protocols:
        try:
            proto = load_protocol(pid)
        except InputError:
            continue
        for stage in proto.stages:
            for c in stage.criteria:
                bound = "at least" if c.better == "higher" else "at most"
                out.setdefault(c.name, []).append(f"{pid} {stage.id}: pass {bound} {measure(c.pass_mark, c.unit)}")
    return dict(sorted(out.items(), key=lambda kv: kv[0].casefold()))


def _help_lines(protocols: tuple[str, ...]) -> tuple[list[tuple[str, str]], tuple[int, int]]:
    """The Help sheet's rows (column A, column B) and the rows of its criteria tests list (the
    Tests sheet's dropdown)."""
    lines = [
        ("Periodize coach workbook", ""),
        ("", "Fill in the sheets, then: periodize import THIS.xlsx -o SEASON.season.json "
             "(or File > Import Excel Workbook in the app)."),
        ("", "The first row of each sheet is its header; columns may be in any order; extra "
             "columns and sheets (like this one) are ignored. Dates: Excel dates or 2027-01-04."),
        ("", f"Row 2 of each sheet is an example (the example player {_PLAYER['name']}, "
             f"{_PLAYER['id']}, with an injury, a session and days away): type your own rows over it, and delete the "
             "example rows you do not use on every sheet before you import."),
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
    lines.append(("", ""))
    lines.append(("Criteria tests", "The Test column of the Tests sheet names one of the tests "
                                    "below; each is a criterion of these protocols' stages:"))
    first = len(lines) + 1
    lines += [(name, "; ".join(uses)) for name, uses in _criteria_uses(protocols).items()]
    return lines, (first, max(first, len(lines)))


def _write_help_sheet(ws, lines: list[tuple[str, str]]) -> None:
    """How to fill in the workbook and import it, every sheet's columns, the criteria tests."""
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 90
    for r, (a, b) in enumerate(lines, start=1):
        ca = ws.cell(row=r, column=1, value=a or None)
        cb = ws.cell(row=r, column=2, value=b or None)
        ca.font = Font(name=FONT, size=14 if r == 1 else 10, bold=True)
        cb.font = Font(name=FONT, size=10)
        cb.alignment = Alignment(wrap_text=True, vertical="top")
        ca.alignment = Alignment(wrap_text=True, vertical="top")
        if a or b:  # each row as tall as its lines, measured
            ws.row_dimensions[r].height = max(
                row_height(fit_lines(a, 36, 14 if r == 1 else 10, True), 14 if r == 1 else 10),
                row_height(fit_lines(b, 90, 10), 10))


def export_template_form(season: Season) -> openpyxl.Workbook:
    """``season`` written into the coach workbook form.

    The form holds what a coach types: the squad with its default roles, each injury record's
    stage starts (a row each on Injuries), the roles per competition, flare-ups with their notes
    and criteria test results, the logged sessions, but no rule settings, pins, scenarios or plan;
    those stay in the season file.
    """
    return template_workbook(season)


def save_template_form(season: Season | None, path: str | os.PathLike,
                       backup: bool = False, stamp: dt.datetime | None = None) -> None:
    """Write the form (``season`` None: the empty template) to ``path`` atomically
    (``backup``: the file replaced kept as ``NAME.bak``). ``stamp`` dates the workbook (created,
    modified) and each of its parts instead of now: the shipped template, written again with
    nothing changed, is then the same bytes and no change to commit."""
    wb = template_workbook(season)
    if stamp is None:
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
    else:
        data = _stamped(wb, stamp)
    try:
        atomic_write(path, data, backup=backup)
    except OSError as e:
        raise SaveError(f"{os.fspath(path)}: could not be saved ({e.strerror})") from None


def _stamped(wb: openpyxl.Workbook, stamp: dt.datetime) -> bytes:
    """``wb`` as .xlsx bytes with every date in it ``stamp``: openpyxl's ``save`` sets the modified
    time to now, and the zip dates each part with the clock."""
    wb.properties.created = wb.properties.modified = stamp
    raw, out = io.BytesIO(), io.BytesIO()
    ExcelWriter(wb, ZipFile(raw, "w", ZIP_DEFLATED)).save()  # save() without the clock
    with ZipFile(raw) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for part in src.infolist():
            dst.writestr(ZipInfo(part.filename, stamp.timetuple()[:6]), src.read(part),
                         compress_type=ZIP_DEFLATED)
    return out.getvalue()
