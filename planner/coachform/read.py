"""Reading a coach workbook (interfaces.md section 2) into a season.

:func:`import_workbook` reads a workbook made from ``templates/import-template.xlsx`` (or any
workbook with the same sheets and columns, :mod:`planner.coachform.spec`) into a
:class:`~planner.season.Season`. Every problem of the workbook is collected and raised at once in
one :class:`~planner.errors.InputError`, each located as Excel shows it and with the fix::

    Competitions, row 7, Priority: 'X' is not A, B or C; write A, B or C
    Season, row 4 (End): '31/06/2027' is not a date; use an Excel date or write it as 2027-06-30

The Injuries, Stage history, Flare-ups and Tests sheets are read into injury records by
:mod:`planner.coachform.records`; cell values are converted by :mod:`planner.coachform.cells`.
Problems found by :func:`~planner.validate.season_problems` on the assembled season are located
back on the sheet, row and column they came from.

Matching is forgiving where a coach would expect it: sheet names, column headers, Season keys,
weekday names, priorities, stages and protocol ids ignore case and surrounding spaces (and treat
``-``/``_`` in names like a space); a few obvious other names are read too (``Pos.`` for
``Position``: :data:`~planner.coachform.spec.ALIASES`; ``Max speed (km/h)`` in its unit);
columns may come in any order; extra columns are ignored (said in a note, with what a form's
column not found costs), unless one is a column of the form misspelt over values ("Postion"):
that is refused, since its values would be lost; and so are
extra sheets, unless a sheet seems to be one of the form's under another name ("Injured"): that
is refused, since its rows would be lost; blank rows are skipped. Dates are real Excel dates, ISO text (``2027-01-04``) or text with
slashes or dots, read a column at a time as a session log's are
(:func:`planner.text.read_text_dates`: a reading outside the season is none, the rows readable
one way only give the others their order, one that still reads two ways is refused with both,
one note a column); text such as ``12 Mar 2028`` is refused with the date to write.
The workbook is read with ``read_only=True, data_only=True`` (formulas give their cached value)
and openpyxl parses it with defusedxml, which is a dependency.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import logging
import os
import re
import warnings
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter

from planner.coachform.cells import (
    Bad,
    german_weekdays_note,
    parse_max_speed,
    parse_priority,
    parse_role,
    parse_training_days,
    parse_weekday,
    percent_problem,
    to_date,
    to_minutes,
    to_number,
    to_text,
)
from planner.coachform.cells import blank as _blank
from planner.coachform.cells import describe as _describe_value
from planner.coachform.cells import error_value as _error_value
from planner.coachform.guard import (
    EXCEL_ROWS,
    NO_VALUE,
    PART_ERRORS,
    DamagedPart,
    cell_format,
    hidden_row_numbers,
    merge_problem,
    merged_cells,
    not_a_workbook,
    package_problems,
    sheet_rows,
    uncached_formulas,
)
from planner.coachform.records import InjuryReader, RecordRows, far_after, far_before
from planner.coachform.spec import (
    ALIASES,
    FIELD_COLUMN,
    HEADER_UNITS,
    KEY_ALIASES,
    LOST,
    NEAR_NAMES,
    RECORD_COLUMN,
    SEASON_KEYS,
    SEASON_SHEET,
    SESSION_COLUMN,
    SHEET_ORDER,
    SHEETS,
    STARTER_MINUTES_MIN,
    TEMPLATE_NAME,
    WRITTEN_SHEETS,
    Column,
    SheetSpec,
    norm,
    row_id,
    sheet_spec,
)
from planner.errors import InputError
from planner.limits import MAX_ATHLETES, MAX_COMPETITIONS
from planner.lockfiles import said_when_refused, unsaved_note
from planner.season import (
    LONGEST_SEASON_DAYS,
    Athlete,
    Block,
    Calendar,
    Competition,
    MatchRole,
    NonTrainingDay,
    Season,
    Session,
    Unavailability,
    control_problem,
)
from planner.squad import (
    LEFT_REASON,
    POSITION_SHORT,
    near_id,
    near_position,
    next_ids,
    other_number,
    position_key,
    read_as_goalkeeper,
)
from planner.text import (
    TextDates,
    day_long,
    join_and,
    numeric_parts,
    plain_name,
    plural,
    read_text_dates,
    settled_order,
    span,
)
from planner.validate import (
    MAX_EVENT_DAYS,
    PRE_SEASON_LOG_DAYS,
    entry_problems,
    long_event_problems,
    overdue_problems,
    season_notes,
    season_problems,
    shared_day_notes,
    today_after_season,
    today_moved_in,
)

__all__ = ["import_workbook", "parse_training_days"]

# a date typed without its year: '12.09.', '12.9', '9/19' (day and month, or month and day)
YEARLESS = re.compile(r"^(\d{1,2})([./])(\d{1,2})\.?$")
MAX_ROWS = 20000  # data rows read per sheet: a coach workbook has far fewer
# a max speed above this (m/s, 39.6 km/h) is noted on import: faster than footballers are
# measured at (judgement: elite players' GPS peaks lie around 9-10.5 m/s); still accepted
FAST_NOTE = 11.0
# MAX_ROWS <= limits.MAX_ITEMS: no list of an imported season is longer than a season file may
# hold (athletes, limited further to limits.MAX_ATHLETES, are counted on their sheet)
HELP_SHEET = "Help"  # the form's own help sheet (coachform.write): not read, and not said
# the summary sheets of the plan Periodize exports (planner.xlsx_export.SUMMARY_SHEETS; a test
# holds them equal): a workbook with its Cover and two more of them, and no Season sheet, is a
# plan export, not a coach workbook (not imported here: the two are not read from each other)
PLAN_SHEETS = ("Cover", "Overview", "Returns", "Calendar", "Load", "Season review", "Rules")
PLAN_EXPORT = ("is a plan Periodize exported, not a coach workbook, so it cannot be imported. "
               "To go on with that season, open its season file (.season.json). To bring the "
               "season in from Excel, write its coach workbook with File ▸ Export Coach "
               "Workbook… (or periodize export SEASON --template team.xlsx) and import that")
TOTAL_WORDS = ("total", "totals", "sum", "count")  # a row summing up a sheet's rows
_LAST_ROW = 1 << 30  # a sheet-wide problem sorted after the sheet's located ones


def _example_cell(value: object) -> object:
    """A cell as the template's example rows hold it: a date without its time, text as typed
    (spaces aside), a number as a float."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, str):
        return " ".join(value.split())
    if _is_number(value):
        return float(value)
    return value


def _is_example(row: _Row, example: dict) -> bool:
    """Whether a data row holds exactly a template example row's values (a date typed as ISO
    text as the date; the columns the sheet lacks aside)."""
    for key, want in example.items():
        if key not in row.values:
            continue
        got = _example_cell(row.values[key])
        if isinstance(want, dt.date) and isinstance(got, str):
            got = got if got != want.isoformat() else want
        if got != _example_cell(want):
            return False
    return True


def _same_details(row: _Row, example: dict) -> bool:
    """Whether a data row holds a template example row's values in every column but its athlete
    (``:func:`_is_example``'s reading), the sheet having every column the example fills, among
    them a date and at least one more: few enough coincidences to tell a row retyped with only
    a new Athlete ID from a coach's own."""
    filled = {k: v for k, v in example.items() if k != "athlete" and v is not None}
    if (len(filled) < 2 or not any(isinstance(v, dt.date) for v in filled.values())
            or any(k not in row.values for k in filled)):
        return False
    return _is_example(row, {k: v for k, v in example.items() if k != "athlete"})


def _example_value(value: object) -> str:
    """A value of an example row as the note says it (Mon 1 Feb 2027, Family, 9.1)."""
    value = _example_cell(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return day_long(value)
    return _describe_value(value) if _is_number(value) else str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_numeral(value: object) -> bool:
    """A number, or text that is only one ("22", "7,5")."""
    return _is_number(value) or (isinstance(value, str)
                                 and re.fullmatch(r"\d+([.,]\d+)?", value.strip()) is not None)


def _bare_number(value: object) -> float | None:
    """A Max speed cell's number written without a unit: a number cell's, or text's (``'31,5'``
    typed in a text cell, which was read as km/h without the note a number cell gets); None for
    text with its unit (``'31.5 km/h'``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)\s*", value):
        return float(value.strip().replace(",", "."))
    return None


def _session_minutes(value: object) -> float:
    """A Sessions row's Minutes: ``1:15`` typed as text is hours:minutes (75), as a log's file
    and the app's Log read it (:func:`planner.sessionlog.hours_minutes`, which refuses ``0:03``
    and ``4:30`` with both readings); anything else as :func:`to_minutes` reads it (a time cell
    Excel holds, ``01:15:30``, a number)."""
    from planner.sessionlog import hours_minutes, unit_form

    if isinstance(value, str) and (minutes := hours_minutes(value)) is not None:
        return minutes
    if isinstance(value, str) and (minutes := unit_form(value, "minutes")) is not None:
        return minutes  # "75 min", "75'", as a log reads them
    return to_minutes(value, example="90 or 1:30")


def _out_of_ten(value: object) -> float:
    """A Sessions row's RPE or pain: ``7/10`` (an RPE app's way) read as 7, as a log reads it;
    anything else as :func:`to_number` reads it."""
    from planner.sessionlog import unit_form

    if isinstance(value, str) and (got := unit_form(value, "rpe")) is not None:
        return got
    return to_number(value)


def _as_goalkeeper(pos: str | None, row: int, keepers: dict[str, list[int]]) -> str | None:
    """``pos``, a goalkeeper's German name (``Torwart``, ``TW``) read as ``Goalkeeper``: HV-1's
    exemption names Goalkeeper (planner.squad.read_position); its row kept in ``keepers`` (the
    name as first written -> rows: 'TORWART' is said with row 2's 'Torwart')."""
    if pos is None or not read_as_goalkeeper(pos):
        return pos
    typed = " ".join(pos.split())
    same = next((k for k in keepers if k.casefold() == typed.casefold()), typed)
    keepers.setdefault(same, []).append(row)
    return "Goalkeeper"


def _keepers_note(title: str, keepers: dict[str, list[int]]) -> list[str]:
    """``Athletes: Position 'Torwart' read as Goalkeeper (rows 4, 9)``: one note for the sheet
    (:func:`_as_goalkeeper`'s ``keepers``); none when there are none."""
    if not keepers:
        return []
    rows_of = {p: f"{'rows' if len(r) > 1 else 'row'} {', '.join(map(str, r))}"
               for p, r in keepers.items()}
    if len(rows_of) == 1:
        ((p, at),) = rows_of.items()
        return [f"{title}: Position {p!r} read as Goalkeeper ({at})"]
    listed = join_and([f"{p!r} ({at})" for p, at in rows_of.items()])
    return [f"{title}: Position {listed} read as Goalkeeper"]


# ---------------------------------------------------------------------------------------------
# Problems: located, sortable
# ---------------------------------------------------------------------------------------------
@dataclass(order=True)
class _Problem:
    sheet: int
    row: int
    col: int
    text: str = field(compare=False)


class _Problems:
    def __init__(self):
        self.items: list[_Problem] = []
        self.flagged: set[tuple[str, int]] = set()  # (sheet, row) with a problem

    def add(self, sheet: str, row: int | None, text: str, col: int = 0) -> None:
        order = SHEET_ORDER.index(sheet) if sheet in SHEET_ORDER else len(SHEET_ORDER)
        self.items.append(_Problem(order, row or 0, col, text))
        if row:
            self.flagged.add((sheet, row))

    def cell(self, sheet: str, row: int, column: Column, col: int, message: str) -> None:
        self.add(sheet, row, f"{sheet}, row {row}, {column.header}: {message}", col)

    def replace_row(self, sheet: str, row: int, text: str) -> None:
        """The problems of a row said as one (a template's example row: the row, not its cells,
        is what to fix)."""
        order = SHEET_ORDER.index(sheet) if sheet in SHEET_ORDER else len(SHEET_ORDER)
        self.items = [p for p in self.items if (p.sheet, p.row) != (order, row)]
        self.add(sheet, row, text)

    def sorted(self) -> list[str]:
        return [p.text for p in sorted(self.items)]


# ---------------------------------------------------------------------------------------------
# Reading the sheets
# ---------------------------------------------------------------------------------------------
@dataclass
class _Row:
    number: int  # as Excel shows it
    values: dict[str, object]  # column key -> raw value (None when blank)
    errors: dict[str, str]  # column key -> the error a formula shows
    formats: dict[str, str] = field(default_factory=dict)  # column key -> the cell's number format
    unstyled: set[str] = field(default_factory=set)  # column keys whose format cannot be read


def _open(path: str | os.PathLike):
    p = Path(path)
    src = str(p)
    if not p.exists():
        raise InputError(src, ["no such file; check the path"])
    if p.is_dir():
        raise InputError(src, ["is a folder, not an Excel workbook"])
    if not p.is_file():  # a device or a pipe (/dev/zero): no end to read to
        raise InputError(src, ["is not a regular file (a device or a pipe); save the workbook as "
                               "a file and import that"])
    if p.name.startswith("~$"):  # Excel's lock file beside a workbook open in Excel
        raise InputError(src, [_lock_file_problem(p)])
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise InputError(src, ["is an Excel 97-2003 workbook (.xls); open it in Excel and save it "
                               "as an Excel Workbook (.xlsx), then import that"])
    if suffix in (".csv", ".ods", ".numbers", ".json"):
        how = ("File ▸ Export To ▸ Excel in Numbers" if suffix == ".numbers" else
               "File ▸ Save As in LibreOffice/Excel")
        raise InputError(src, [f"is not an Excel workbook ({suffix}); save it as an Excel "
                               f"Workbook (.xlsx) ({how}), then import that"])
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise InputError(src, [f"cannot be read ({e.strerror}); check that you may open it"]) from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(src, ["is password-protected or in the old Excel 97-2003 format; save it "
                               "without a password as an Excel Workbook (.xlsx), then import that"])
    again = "save it again from Excel as an Excel Workbook (.xlsx), then import that"
    try:
        why = not_a_workbook(p)
    except OSError as e:
        raise InputError(src, [f"cannot be read ({e.strerror}); check that you may open it"]) from None
    if why is not None:
        if "OpenDocument" in why:
            again = "open it in LibreOffice and save it as 'Excel 2007-365 (.xlsx)', then import that"
        raise InputError(src, [f"cannot be read as an Excel workbook: {why}; {again}"])
    try:  # the entry guard: unpacked size, parts, shared strings, cells, DTDs (guard.py)
        too_big = package_problems(p)
    except PART_ERRORS:
        too_big = []  # not a readable zip: openpyxl's error below says so
    if too_big:
        raise InputError(src, too_big)
    return _load(p, again)


def _lock_file_problem(p: Path) -> str:
    """Excel keeps ``~$good.xlsx`` beside ``good.xlsx`` while it is open: picked by mistake, it
    is named for what it is, with the workbook to choose (when it is there)."""
    real = p.with_name(p.name[2:])
    if real.is_file():
        return (f"is Excel's lock file of {real.name} (made while {real.name} is open in Excel), "
                f"not a workbook; choose {real.name}")
    return ("is a lock file Excel keeps beside a workbook while it is open, not a workbook; "
            "choose the workbook itself (its name without the '~$')")


def _load(p: Path, again: str):
    """The workbook at ``p`` read by openpyxl (read-only, cached values), past the entry guard."""
    try:
        if p.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
            return openpyxl.load_workbook(p, read_only=True, data_only=True)
        # a workbook saved under another name (no extension, .bak): openpyxl goes by the name,
        # so it reads the bytes (bounded by the guard above)
        return openpyxl.load_workbook(io.BytesIO(p.read_bytes()), read_only=True, data_only=True)
    except MemoryError:
        raise  # not a damaged file: the caller says there is not enough memory
    except Exception:  # a damaged or hostile file: never a traceback, never a library's words
        # kept for a bug report: a fault of ours reached through openpyxl reads as "damaged" too
        logging.getLogger(__name__).debug("openpyxl could not read a workbook", exc_info=True)
        raise InputError(str(p), [f"cannot be read as an Excel workbook: a part of it is damaged "
                                  f"or not as Excel writes it; {again}"]) from None


# openpyxl's warning (printed with its own file's path) of a date cell holding a number beyond
# the last date (a serial of 1e12): it reads the cell as the error #VALUE!, which no formula shows
_BEYOND = re.compile(r"Cell ([A-Z]+[0-9]+) is marked as a date but the serial value (\S+) is "
                     r"outside the limits for dates")
BEYOND = "beyond the dates: "  # an error of _Row.errors: the number a date cell holds follows


def _sheet_rows(ws, beyond: dict[str, str] | None = None):
    """(row number, cells) for every row of a read-only sheet, whatever its stated size.
    ``beyond`` receives the date cells holding a number past the last date (cell -> the number),
    which openpyxl reads as the error #VALUE!, its warning kept from the coach."""
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers state a wrong size; read what is there
    # no further than Excel's last row, whatever row a file names (guard.EXCEL_ROWS)
    rows = sheet_rows(ws.iter_rows(min_row=1, max_row=EXCEL_ROWS))
    n = 0
    while True:
        with warnings.catch_warnings(record=True) as caught:  # a row is parsed when reached
            warnings.simplefilter("always")
            cells = next(rows, None)
        for w in caught:
            if m := _BEYOND.match(str(w.message)):
                if beyond is not None:
                    beyond[m[1]] = m[2]
            else:  # any other warning as it would have been
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        if cells is None:
            return
        n += 1
        yield n, cells


def _is_blank_cells(cells) -> bool:
    return all(_blank(getattr(c, "value", None)) for c in cells)


def number_format(cell) -> str | None:
    """A cell's number format ("General" when it has none); None when the workbook's styles do not
    hold the one the cell refers to (a workbook without ``xl/styles.xml``, or a damaged one)."""
    try:
        return cell_format(cell)
    except DamagedPart:
        return None


def _row(number: int, cells, where: dict[str, int], uncached: set[str] = frozenset(),
         beyond: dict[str, str] | None = None) -> _Row | None:
    """The values (blank: None) and formula errors of a data row's columns; None when blank.
    ``uncached``: the sheet's cells holding a formula without a calculated value (its error is
    :data:`~planner.coachform.guard.NO_VALUE`); ``beyond``: its date cells holding a number past
    the last date (:data:`BEYOND`)."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    formats: dict[str, str] = {}
    unstyled: set[str] = set()
    for key, j in where.items():
        cell = cells[j] if j < len(cells) else None
        err = _error_value(cell) if cell is not None else None
        if err is None and uncached and f"{get_column_letter(j + 1)}{number}" in uncached:
            err = NO_VALUE
        if err == "#VALUE!" and beyond and f"{get_column_letter(j + 1)}{number}" in beyond:
            err = BEYOND + beyond[f"{get_column_letter(j + 1)}{number}"]
        if err is not None:
            errors[key] = err
        values[key] = None if cell is None or err is not None or _blank(cell.value) else cell.value
        fmt = number_format(cell) if cell is not None else "General"
        if fmt is None:  # read as General: its value is what the cell holds
            unstyled.add(key)
        formats[key] = fmt or "General"
    if all(v is None for v in values.values()) and not errors:
        return None
    return _Row(number, values, errors, formats, unstyled)


def error_text(err: str) -> str:
    """What a cell whose formula gives no usable value shows, and the fix."""
    if err == NO_VALUE:
        return NO_VALUE
    if err.startswith(BEYOND):
        return (f"{err[len(BEYOND):]} is not a date: a number outside the dates a spreadsheet "
                f"has (1900 to 9999); type the date, e.g. 2026-09-12")
    return f"shows the error {err}; fix the formula or type the value"


class _Reader:
    def __init__(self, wb, problems: _Problems, uncached: dict[str, set[str]] | None = None,
                 merges: dict | None = None, notes: list[str] | None = None, path=None):
        self.wb = wb
        self.path = path  # the workbook's file: the rows its sheets hide (hidden_row_numbers)
        self.units: dict[tuple[str, str], str] = {}  # (sheet, column key) -> its header's unit
        self.p = problems
        self.notes = notes if notes is not None else []  # read other than written (import_workbook)
        self.uncached = uncached or {}  # sheet title -> cells with a formula and no value
        self.merges = merges or {}  # sheet title -> merged ranges (guard.Merge)
        self.sheets: dict[str, object] = {}
        self.unstyled: set[int] = set()  # Season rows whose value's format cannot be read
        self._strays: dict[str, str | None] | None = None
        self.rows: dict[str, list[_Row]] = {}  # sheet title -> its data rows, as last read
        self.absent: set[str] = set()  # the form's optional sheets the workbook has not got
        for ws in wb.worksheets:
            key = norm(ws.title)
            if key in self.sheets:
                self.p.add(ws.title.strip(), None, f"the sheets {self.sheets[key].title!r} and "
                           f"{ws.title!r} have the same name; keep one")
                continue
            self.sheets[key] = ws

    def find(self, title: str):
        return self.sheets.get(norm(title))

    # -- sheets that are not read ------------------------------------------------------------------
    def strays(self) -> dict[str, str | None]:
        """The sheets with content that are not read (the form's Help sheet aside): title -> the
        form's sheet it seems to be, missing from the workbook ("Days off" headed Date, Reason:
        'Non-training days'; "Athlete": 'Athletes'), or None."""
        if self._strays is not None:
            return self._strays
        known = {norm(t): t for t in SHEET_ORDER}
        absent = {k: t for k, t in known.items() if self.find(t) is None}
        out: dict[str, str | None] = {}
        for key, ws in self.sheets.items():
            if key in known or key == norm(HELP_SHEET):
                continue
            header = next((cells for _n, cells in _sheet_rows(ws) if not _is_blank_cells(cells)), None)
            if header is None:
                continue  # an empty sheet loses nothing
            heads = {norm(c.value) for c in header if not _blank(getattr(c, "value", None))}
            out[ws.title] = _seems(key, heads, absent)
        self._strays = out
        return out

    def renamed(self, title: str) -> str:
        """For a missing sheet: the sheet that seems to be it, and the fix (or "")."""
        hits = [t for t, meant in self.strays().items() if meant == title]
        return f"; is the sheet {hits[0]!r} it? Rename it {title!r}" if hits else ""

    def stray_notes(self) -> list[tuple[str, str]]:
        """(sheet, sentence) for each sheet with content that is not read."""
        out = []
        for title, meant in self.strays().items():
            if meant is not None:
                out.append((title, f"Sheet {title!r} was not read: it is not a sheet of the form; "
                                   f"did you mean {meant!r}? Rename it {meant!r} to import its rows "
                                   f"(a sheet of your own: give it a name unlike the form's)"))
            else:
                # the sheets of the form written today (not one only older forms have)
                written = (SEASON_SHEET,) + tuple(s.title for s in WRITTEN_SHEETS)
                out.append((title, f"Sheet {title!r} was not read: it is not a sheet of the form "
                                   f"({', '.join(written)})"))
        return out

    # -- a table sheet ---------------------------------------------------------------------------
    def table(self, spec: SheetSpec) -> list[_Row] | None:
        """The data rows of a table sheet by column key; None when the sheet or a required
        column is missing (the problem is recorded)."""
        ws = self.find(spec.title)
        if ws is None:
            if spec.required:
                fix = self.renamed(spec.title) or f"; add it (see templates/{TEMPLATE_NAME})"
                self.p.add(spec.title, None, f"{spec.title}: the workbook has no sheet "
                           f"{spec.title!r}{fix}")
            elif spec.written:
                self.absent.add(spec.title)
            return None
        beyond: dict[str, str] = {}  # filled as the rows are read
        rows = _sheet_rows(ws, beyond)
        header = next(((n, cells) for n, cells in rows if not _is_blank_cells(cells)), None)
        if header is None:
            if spec.required:
                self.p.add(spec.title, None, f"{spec.title}: the sheet is empty; add the header row "
                           f"({', '.join(c.header for c in spec.columns)}) and a row per entry")
            return []
        got = self._columns(spec, *header, below=rows)
        if got is None:
            return None
        where, unread = got
        self._merged(spec, ws.title, header[0], where)
        out: list[_Row] = []
        filled: set[int] = set()  # the columns not read that hold a value below the header
        headed = set(where.values()) | {j for j, _t in unread}
        unheaded: dict[int, int] = {}  # a column without a header -> the first row with a value
        for n, cells in rows:  # the rows below the header
            filled.update(j for j, _t in unread if j < len(cells) and j not in filled
                          and not _blank(getattr(cells[j], "value", None)))
            for j in range(len(cells)):
                if j not in headed and j not in unheaded and not _blank(getattr(cells[j], "value", None)):
                    unheaded[j] = n
            row = _row(n, cells, where, self.uncached.get(ws.title, frozenset()), beyond)
            if row is None:
                continue  # a blank row
            if len(out) >= MAX_ROWS:
                self.p.add(spec.title, n, f"{spec.title}, row {n}: more than {MAX_ROWS} rows; "
                           f"is this the right workbook?")
                break
            out.append(row)
        self.rows[spec.title] = out
        self._unread(spec, header[0], where, unread, filled)
        self._unheaded(spec, header[0], where, unheaded)
        self._hidden_note(spec, ws.title, out)
        self._hidden_sheet_note(spec.title, ws, len(out), spec.required)
        return out

    def _hidden_sheet_note(self, title: str, ws, count: int, required: bool) -> None:
        """A sheet hidden in Excel (Unhide lists it; a "very hidden" one only the VBA editor
        shows) is read like any other: said, as a hidden row is, since a coach who hid the
        Injuries sheet expects its rows out of the import; its injury was imported unsaid. A
        sheet every import needs (Athletes, Season) cannot be left out: unhide it instead."""
        state = getattr(ws, "sheet_state", "visible")
        if state not in ("hidden", "veryHidden") or not count:
            return
        how = ("very hidden in Excel (Format ▸ Hide & Unhide does not list it; the VBA editor "
               "shows it)" if state == "veryHidden" else "hidden in Excel")
        many = count > 1
        fix = ("every import needs the sheet: unhide it to see what was read" if required else
               f"delete {'them' if many else 'it'} if not meant to be imported")
        self.notes.append(f"{title}: the sheet is {how}, and its {count} "
                          f"row{'s' if many else ''} {'were' if many else 'was'} read too; {fix}")

    def _unread(self, spec: SheetSpec, hrow: int, where: dict[str, int],
                unread: list[tuple[int, str]], filled: set[int]) -> None:
        """The columns with a header that are not read: one that seems to be a column of the
        form the sheet lacks ("Postion", "Default role", "Target") and holds values is a problem,
        since its values would be lost (every position '', every role start); any other (a
        column of the coach's own, "Shirt number"; or one with nothing below it) a note, with
        what a form's column not found costs."""
        said = []
        for j, text in unread:
            column = _seems_column(spec, where, text)
            if column is None or j not in filled:
                said.append((j, text))
                continue
            what = LOST.get((spec.title, column.key), f"its {column.header.lower()} values are not read")
            # at the sheet's head (not a row left out of the checks: every row is read)
            self.p.add(spec.title, None, f"{spec.title}, row {hrow}, column {get_column_letter(j + 1)} "
                       f"({text[:40]!r}): not a column of this sheet, so its values would not be "
                       f"read ({what}); did you mean {column.header!r}? Head it {column.header!r} "
                       f"(a column of your own: give it a name unlike the form's)", j + 1)
        if not said:
            return
        listed = ", ".join(f"{get_column_letter(j + 1)} ({text[:40]!r})" for j, text in said)
        cost = _unread_cost(spec, where, [(get_column_letter(j + 1), t) for j, t in said])
        self.notes.append(f"{spec.title}: column{'s' if len(said) > 1 else ''} {listed} not read: "
                          f"not a column of this sheet (its columns: "
                          f"{', '.join(c.header for c in spec.columns)}){cost}")

    def _unheaded(self, spec: SheetSpec, hrow: int, where: dict[str, int],
                  unheaded: dict[int, int]) -> None:
        """The columns holding values under an empty header cell. Where the sheet lacks a column
        of the form, its values would be lost without a word (every role start, every max speed
        gone): a problem, with the header it most likely is (the form's column at that place, or
        the one column missing); otherwise a column of the coach's own, not read: a note."""
        missing = [c for c in spec.columns if c.key not in where]
        for j, first in sorted(unheaded.items()):
            letter = get_column_letter(j + 1)
            where_ = f"{spec.title}, column {letter} holds values (from row {first}) but has no header"
            if not missing:
                self.notes.append(f"{where_}, so it was not read (its columns: "
                                  f"{', '.join(c.header for c in spec.columns)})")
                continue
            at = spec.columns[j] if j < len(spec.columns) else None
            meant = at if at in missing else (missing[0] if len(missing) == 1 else None)
            if meant is not None:
                fix = f"head it {meant.header!r}"
            else:
                fix = f"head it with its column's name ({', '.join(repr(c.header) for c in missing)})"
            self.p.add(spec.title, None, f"{where_}: {fix} in row {hrow} (a column of your own: "
                       f"give it a header unlike the form's)", j + 1)

    def _hidden_note(self, spec: SheetSpec, title: str, rows: list[_Row]) -> None:
        """Rows hidden in Excel (or filtered out) are read like any other, as a session log's
        are: said, since a coach who hid a departed player's row expects him gone."""
        if self.path is None or not rows:
            return
        try:
            hidden = hidden_row_numbers(self.path, title)
        except PART_ERRORS:
            return  # a damaged part: reading the sheet says so
        read = [row.number for row in rows if row.number in hidden]
        if read:
            shown = ", ".join(map(str, read[:10])) + (" …" if len(read) > 10 else "")
            self.notes.append(f"{spec.title}: row{'s' if len(read) > 1 else ''} {shown} "
                              f"{'are' if len(read) > 1 else 'is'} hidden in Excel (or filtered "
                              f"out) and {'were' if len(read) > 1 else 'was'} read too; delete "
                              f"{'them' if len(read) > 1 else 'it'} if not meant to be imported")

    def _merged(self, spec: SheetSpec, title: str, hrow: int, where: dict[str, int]) -> None:
        """A merged range over the data rows hides values (a problem per range)."""
        headers = {where[c.key] + 1: c.header for c in spec.columns if c.key in where}
        for m in self.merges.get(title, ()):
            hidden = m.hides(headers, hrow + 1)
            if hidden:
                self.p.add(spec.title, max(m.row0, hrow + 1),
                           f"{spec.title}, {merge_problem(m, hrow + 1, headers[hidden[0]])}")

    TITLE_ROWS = 5  # the rows below a header lacking a required column searched for the form's

    def _columns(self, spec: SheetSpec, hrow: int, hcells, below=()):
        """(column key -> 0-based index in the row, [(index, header)] of the columns not read),
        from the header; None when a required column is missing. A header may name its column's
        unit (``Max speed (km/h)``: :data:`~planner.coachform.spec.HEADER_UNITS`, kept in
        :attr:`units`); unknown headers are extra columns (:meth:`_unread`); a repeated header
        is a problem. ``below``: the sheet's next rows, where a header lacking a required column
        looks for the form's headers (:data:`TITLE_ROWS` rows): found, the row is a title above
        them, and the fix is to delete it, not to add the columns to it."""
        by_name = {norm(c.header): c for c in spec.columns}
        by_name.update({alias: spec.column(key) for alias, key in ALIASES.get(spec.title, {}).items()})
        where: dict[str, int] = {}
        heads: list[tuple[int, str]] = []  # (index, header) of each column not read
        for j, cell in enumerate(hcells):
            v = getattr(cell, "value", None)
            col = None if _blank(v) else self._header_column(spec, by_name, str(v))
            if col is None:
                if not _blank(v):
                    heads.append((j, " ".join(str(v).split())))
                continue
            if col.key in where:
                self.p.add(spec.title, hrow,
                           f"{spec.title}, row {hrow}: columns {get_column_letter(where[col.key] + 1)} "
                           f"and {get_column_letter(j + 1)} are both headed {col.header!r}; keep one")
                continue
            where[col.key] = j
        missing = [c for c in spec.columns if c.required and c.key not in where]
        if not missing:
            return where, heads
        found = [str(getattr(c, "value", "")).strip() for c in hcells if not _blank(getattr(c, "value", None))]
        at = self._headed_below(spec, by_name, hrow, below)
        if at is not None:  # "U17 squad 2026/27" merged above the headers
            rows = f"row {hrow}" if at == hrow + 1 else f"rows {hrow}–{at - 1}"
            self.p.add(spec.title, hrow,
                       f"{spec.title}, {rows} {'looks' if at == hrow + 1 else 'look'} like a title "
                       f"(found: {', '.join(found)}): the headers are in row {at}, and the first "
                       f"row with content is read as the header; delete {rows}")
            return None
        names = ", ".join(repr(c.header) for c in missing)
        self.p.add(spec.title, hrow,
                   f"{spec.title}, row {hrow}: no column headed {names}; the first row with "
                   f"content is the header (found: {', '.join(found) or 'nothing'}); add "
                   f"{'it' if len(missing) == 1 else 'them'}")
        return None

    def _headed_below(self, spec: SheetSpec, by_name: dict[str, Column], hrow: int, below) -> int | None:
        """The row of the next :data:`TITLE_ROWS` below ``hrow`` holding every required header of
        the sheet (the form's headers under a title row), or None."""
        required = {c.key for c in spec.columns if c.required}
        units = dict(self.units)  # a row only looked at sets no unit
        try:
            for n, cells in below:
                if n > hrow + self.TITLE_ROWS:
                    return None
                keys = {col.key for cell in cells if not _blank(v := getattr(cell, "value", None))
                        and (col := self._header_column(spec, by_name, str(v))) is not None}
                if required <= keys:
                    return n
            return None
        finally:
            self.units = units

    def _header_column(self, spec: SheetSpec, by_name: dict[str, Column], text: str) -> Column | None:
        """The form's column a header names: by name or alias (line breaks read as spaces), or
        brackets aside (``Top speed (m/s)``), or with a unit it may be given in (``Max speed
        (km/h)``, the unit kept for the reader of its cells)."""
        name = norm(text)
        plain = norm(re.sub(r"[()\[\]]", " ", text))
        col = by_name.get(name) or by_name.get(plain)
        if col is not None:
            return col
        for (title, key), units in HEADER_UNITS.items():
            if title != spec.title:
                continue
            for written, unit in units.items():
                if plain.endswith(f" {written}") and plain[:-len(written) - 1] == norm(spec.column(key).header):
                    self.units[(title, key)] = unit
                    return spec.column(key)
        return None

    # -- the Season sheet -------------------------------------------------------------------------
    def season_rows(self) -> dict[str, tuple[int, object, str | None]] | None:
        """Season key -> (row, value, error shown); None when the sheet is missing."""
        ws = self.find(SEASON_SHEET)
        if ws is None:
            fix = self.renamed(SEASON_SHEET) or (f"; add it with the rows Name, Start and End "
                                                 f"(see templates/{TEMPLATE_NAME})")
            self.p.add(SEASON_SHEET, None, f"{SEASON_SHEET}: the workbook has no sheet "
                       f"{SEASON_SHEET!r}{fix}")
            return None
        labels = {norm(label): key for key, label, _, _ in SEASON_KEYS}
        labels.update(KEY_ALIASES)
        key_col = value_col = None
        out: dict[str, tuple[int, object, str | None]] = {}
        seen: dict[str, int] = {}
        uncached = self.uncached.get(ws.title, frozenset())
        uncached_rows = {int(c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for c in uncached}
        beyond: dict[str, str] = {}
        for n, cells in _sheet_rows(ws, beyond):
            if _is_blank_cells(cells) and n not in uncached_rows:
                continue
            if key_col is None:
                heads = [norm(getattr(c, "value", "") or "") for c in cells]
                if "key" in heads and "value" in heads:
                    key_col, value_col = heads.index("key"), heads.index("value")
                    continue
                # no header row: the first column holds the keys, the second the values
                key_col, value_col = 0, 1
            kcell = cells[key_col] if key_col < len(cells) else None
            vcell = cells[value_col] if value_col < len(cells) else None
            kv = getattr(kcell, "value", None)
            if f"{get_column_letter(key_col + 1)}{n}" in uncached:
                self.p.add(SEASON_SHEET, n, f"{SEASON_SHEET}, row {n}, Key: {NO_VALUE}")
                continue
            if _blank(kv):
                if vcell is not None and not _blank(vcell.value):
                    self.p.add(SEASON_SHEET, n, f"{SEASON_SHEET}, row {n}: a value without a key; "
                               f"write the key (Name, Start, End, Week starts, Training days or "
                               f"Today) in the Key column")
                continue
            key = labels.get(norm(kv))
            if key is None:  # an unknown key is ignored like an extra column, unless it is a typo
                close = difflib.get_close_matches(norm(kv), list(labels), n=1, cutoff=0.75)
                if close:
                    known = next(lab for k, lab, _, _ in SEASON_KEYS if k == labels[close[0]])
                    self.p.add(SEASON_SHEET, n, f"{SEASON_SHEET}, row {n} ({kv}): not a Season key; "
                               f"did you mean '{known}'? Correct the key")
                continue
            label = next(lab for k, lab, _, _ in SEASON_KEYS if k == key)
            if key in seen:
                self.p.add(SEASON_SHEET, n, f"{SEASON_SHEET}, row {n} ({label}): {label!r} is "
                           f"already given in row {seen[key]}; keep one")
                continue
            seen[key] = n
            err = _error_value(vcell) if vcell is not None else None
            if err is None and f"{get_column_letter(value_col + 1)}{n}" in uncached:
                err = NO_VALUE
            if err == "#VALUE!" and f"{get_column_letter(value_col + 1)}{n}" in beyond:
                err = BEYOND + beyond[f"{get_column_letter(value_col + 1)}{n}"]
            value = None if vcell is None or err is not None or _blank(vcell.value) else vcell.value
            if vcell is not None and number_format(vcell) is None:
                self.unstyled.add(n)
            out[key] = (n, value, err)
        self._hidden_sheet_note(SEASON_SHEET, ws, len(out), True)
        return out


# ---------------------------------------------------------------------------------------------
# The import
# ---------------------------------------------------------------------------------------------
@said_when_refused  # refused while open in Excel: said first (unsaved edits are not read)
def import_workbook(path: str | os.PathLike, notes: list[str] | None = None,
                    known: Season | None = None, absent: set[str] | None = None) -> Season:
    """The season of a coach workbook; InputError with every located problem otherwise.
    ``notes``: a list that receives what was read other than written (a repeated session row
    counted once, a column the sheet does not have, a position close to a known one), each a
    sentence naming its sheet (and row). ``known``: the season the workbook is imported over
    (``import --keep``, the app's open season): an injury whose stage has outlasted its maximum
    by today is not refused when that season holds the same record (today moved past a projected
    stage change that did not happen, rules-spec.md section 9); any other such injury is.
    ``absent``: a set that receives the titles of the form's optional sheets the workbook has not
    got, read as empty (``planner.reimport.decide`` keeps the season's rows of them, or says so).
    A workbook without a Competitions sheet is refused when its other sheets name a competition."""
    src = os.fspath(path)
    wb = _open(path)
    try:
        try:  # cells with a formula and no calculated value: data_only reads them as empty
            uncached = uncached_formulas(path)
            merges = merged_cells(path)  # read-only openpyxl does not see them
        except PART_ERRORS:  # a part openpyxl read is damaged here: reading the sheets says so
            uncached, merges = {}, {}
        if _plan_export(wb):  # its Rules and Calendar sheets are not Roles and Non-training days
            raise InputError(src, [PLAN_EXPORT])
        reading = _Import(wb, src, notes, uncached, merges, known, path)
        season = reading.season()
        if absent is not None:
            absent.update(reading.r.absent)
        if notes is not None and (held := unsaved_note(path)):  # open in Excel: unsaved edits
            notes.insert(0, held)
        return season
    except (DamagedPart, DefusedXmlException, ElementTree.ParseError, zipfile.BadZipFile, EOFError,
            zlib.error):
        raise InputError(src, ["cannot be read as an Excel workbook: a part of it is damaged or not "
                               "as Excel writes it; save it again from Excel as an Excel Workbook "
                               "(.xlsx)"]) from None
    finally:
        wb.close()


def _plan_export(wb) -> bool:
    """Whether ``wb`` is a plan Periodize exported (``periodize solve --xlsx``, File ▸ Export…):
    no Season sheet, and its Cover with two more of its summary sheets (renamed or deleted
    sheets aside). It was refused with "did you mean 'Roles'? Rename it 'Roles'" for its Rules
    sheet, advice that imports nothing."""
    names = {norm(t) for t in wb.sheetnames}
    if norm(SEASON_SHEET) in names or norm(PLAN_SHEETS[0]) not in names:
        return False
    return sum(norm(t) in names for t in PLAN_SHEETS[1:]) >= 2


class _Import:
    def __init__(self, wb, source: str, notes: list[str] | None = None,
                 uncached: dict[str, set[str]] | None = None, merges: dict | None = None,
                 known: Season | None = None, path=None):
        self.source = source
        self.known = known  # the season imported over: the overdue records it holds stand
        from planner.loadtable import LoadTable
        from planner.rules import RuleSet

        # a match row with minutes played alone is its match session: the rule settings of the
        # season imported over (kept with it), else the defaults of a new season
        self.loads = LoadTable.of(RuleSet(known.rules if known is not None else None))
        self.notes = notes if notes is not None else []
        self.p = _Problems()
        self.r = _Reader(wb, self.p, uncached, merges, self.notes, path)
        self.export_sheet = False  # the Sessions sheet is headed as an export writes it
        # no athlete could be read (the Athletes sheet is missing, or unreadable, or holds no ID):
        # the rows of other sheets that name athletes are counted, not each reported as unknown
        self.athletes_unread = False
        self.unread_refs: dict[str, int] = {}  # sheet -> rows naming an athlete
        self.comps_unread = False  # the Competitions sheet is there but cannot be read
        self.unread_comp_refs: dict[str, int] = {}  # sheet -> rows naming a competition then
        self.named: dict[str, list[str]] = {}  # an athlete's name (case, spacing aside) -> IDs
        # rows whose key cell did not read (an Athletes row without an ID, a Competitions row
        # whose Name is a formula without a value): (row, what else it says); a reference to an
        # unknown key may be to one of them, so it is held back, not "did you mean"-ed
        self.keyless: dict[str, list[tuple[int, str]]] = {}  # sheet -> rows
        self.given: list[tuple[int, str]] = []  # Athletes rows without an ID: (row, ID given)
        self.held: dict[tuple[str, str], list[tuple[str, int]]] = {}  # (sheet, key) -> (sheet, row)
        # athletes of the season imported over whose Athletes row is gone: ID -> sheet -> rows
        self.removed: dict[str, dict[str, int]] = {}
        self.match = None  # the athletes a cell may name (sessionlog.AthleteMatch), once read
        # date cells holding a number in a workbook whose styles cannot be read: (where, value)
        self.style_dates: list[tuple[str, int, str, object]] = []
        self.today_refused = False  # what is checked against today is not checked then
        self.left_out: list[tuple[int, int, str]] = []  # (sheet order, row, sheet) not checked
        # rows naming an athlete or a competition whose own row has a problem, left unchecked
        # until it is fixed: (its sheet, its row, what the rows name) -> (sheet, row) of each
        self.waiting: dict[tuple[str, int, str], list[tuple[str, int]]] = {}
        self.id_rows: dict[str, int] = {}  # an athlete ID -> its Athletes row
        self.span: tuple[dt.date, dt.date] | None = None  # the season's first and last day, once read
        self.text_dates: dict[tuple[str, str], TextDates] = {}  # (sheet, column key) -> its text dates
        self.named_example: int | None = None  # the Athletes row of the example player kept
        self.season_texts: dict[str, str] = {}  # "Season, row 3, Value" -> a date typed as text
        self.starter_minutes: int | None = None  # the Season sheet's Starter minutes, once read
        self.example_rows: set[tuple[str, int]] = set()  # example rows refused (sheet, row)
        # (sheet, column header) -> [(row, text, day read)] of the dates typed without a year
        self.yearless: dict[tuple[str, str], list[tuple[int, str, dt.date]]] = {}

    # -- helpers ----------------------------------------------------------------------------------
    def cell(self, spec: SheetSpec, row: _Row, key: str, convert):
        """The converted value of a cell, or None (blank, or a problem was recorded)."""
        column = spec.column(key)
        col = spec.columns.index(column) + 1
        if key in row.errors:
            self.p.cell(spec.title, row.number, column, col, error_text(row.errors[key]))
            return None
        value = row.values.get(key)
        if value is None:
            if column.required:
                self.p.cell(spec.title, row.number, column, col, f"is empty; {_fill_hint(column)}")
            return None
        if key in row.unstyled and column.kind == "date" and _is_number(value):
            self.style_dates.append((spec.title, row.number, f"{spec.title}, row {row.number}, "
                                                            f"{column.header}", value))
            return None
        if convert is to_date and isinstance(value, str) and YEARLESS.match(value.strip()):
            day_read, problem = self._yearless(spec, key, row, value.strip())
            if problem:
                self.p.cell(spec.title, row.number, column, col, problem)
            return day_read
        if convert is to_date and isinstance(value, str) and numeric_parts(value) is not None:
            dates = self._text_dates(spec, key, row, value)
            if row.number in dates.problems:
                self.p.cell(spec.title, row.number, column, col, dates.problems[row.number])
            return dates.days.get(row.number)
        try:
            return convert(value)
        except Bad as e:
            self.p.cell(spec.title, row.number, column, col, str(e))
            return None

    def _yearless(self, spec: SheetSpec, key: str, row: _Row, text: str) -> tuple[dt.date | None, str]:
        """A date typed without its year ('12.09.', as a German coach types it; '9/19'): (the
        day read, "") when exactly one of the season's years (and one order of its numbers)
        puts it inside the season, said in one note for the column (:meth:`_yearless_notes`);
        else (None, the problem naming the year to write)."""
        m = YEARLESS.match(text)
        a, sep, b = int(m[1]), m[2], int(m[3])
        orders = (True,) if sep == "." else (True, False)  # dots are day first
        shown = f"{text!r} has no year"
        if self.span is None:  # no season read: no year to give it
            return None, f"{shown}: write it with its year ({text.rstrip('.')}{sep}YYYY)"
        lo, hi = self.span
        years = sorted({lo.year, hi.year})
        fits: dict[dt.date, int] = {}  # a day inside the season -> its year
        days = 0  # the days it is in the season's years, inside the season or not
        for year in years:
            for day_first in orders:
                d, mo = (a, b) if day_first else (b, a)
                try:
                    got = dt.date(year, mo, d)
                except ValueError:
                    continue
                days += 1
                if lo <= got <= hi:
                    fits[got] = year
        if not days:  # '31.06.'
            return None, f"{text!r} is not a date (and has no year); write it as YYYY-MM-DD, e.g. {lo}"
        if len(fits) == 1:
            (got,) = fits
            self.yearless.setdefault((spec.title, spec.column(key).header), []).append(
                (row.number, text, got))
            return got, ""
        written = " or ".join(dict.fromkeys(f"{text.rstrip('.')}{sep}{y}" for y in (
            sorted(set(fits.values())) or years)))
        if len({fits[d] for d in fits}) == 1 and len(fits) > 1:  # one year, two orders
            both = " or ".join(day_long(d) for d in sorted(fits))
            return None, (f"{shown} and reads two ways ({both}); write it as YYYY-MM-DD "
                          f"({' or '.join(d.isoformat() for d in sorted(fits))})")
        if not fits:  # a day out of the season whatever its year: the year meant is the coach's
            return None, (f"{shown}, and in {' and in '.join(map(str, years))} it falls outside "
                          f"the season ({span(lo, hi)}): write the year meant, as in "
                          f"{text.rstrip('.')}{sep}{years[0]}")
        return None, f"{shown}: write it with its year ({written})"

    def _yearless_notes(self) -> None:
        """One note per column of the dates read without a year, their year the season's."""
        for (title, header), got in self.yearless.items():
            rows = ", ".join(str(n) for n, _t, _d in got[:5]) + (" …" if len(got) > 5 else "")
            n, text, d = got[0]
            self.notes.append(
                f"{title}, {header}: {plural(len(got), 'date')} without a year (row"
                f"{'s' if len(got) > 1 else ''} {rows}) read in the year that puts "
                f"{'them' if len(got) > 1 else 'it'} inside the season (row {n}: {text!r} as "
                f"{day_long(d)}); write the year if another is meant")

    # sheets whose dates the season refuses outside it (the Sessions sheet: from four weeks
    # before its start); the others may hold earlier days (an onset, an absence from July)
    IN_SEASON = ("Competitions", "Non-training days", "Blocks", "Sessions")

    def _text_dates(self, spec: SheetSpec, key: str, row: _Row, value: str) -> TextDates:
        """The dates typed with slashes or dots of a column, read together
        (``planner.text.read_text_dates``, as the session log reads its Date column): the
        rows read one way only give the others their order, a reading outside the season is
        none; one note for the column."""
        if (spec.title, key) not in self.text_dates:
            cells = {r.number: r.values[key] for r in self.r.rows.get(spec.title, ())
                     if key not in r.errors and isinstance(r.values.get(key), str)}
            lo = hi = None
            if self.span is not None and spec.title in self.IN_SEASON:
                lo, hi = self.span
                if spec.title == "Sessions":
                    lo -= dt.timedelta(days=PRE_SEASON_LOG_DAYS)
            settled = self._settled_order() if spec.title == "Sessions" else None
            got = read_text_dates(cells, f"{spec.title}, {spec.column(key).header}", lo, hi,
                                  settled=settled)
            self.text_dates[(spec.title, key)] = got
            if got.note:
                self.notes.append(got.note)
        got = self.text_dates[(spec.title, key)]
        if row.number not in got.days and row.number not in got.problems:  # a row not listed
            return read_text_dates({row.number: value}, "")
        return got

    def _settled_order(self) -> tuple[bool, str] | None:
        """The order (day or month first) the dates typed as text on the workbook's other sheets
        settle, with the words saying whose, for the Sessions sheet's dates that read two ways
        (one workbook, one typist: '02/01/2027' there was refused while the Season, Competitions
        and Blocks sheets' dates were read day first); None when they settle none. A log's file
        alone has no other sheets: its policy is its own column's."""
        texts = dict(self.season_texts)
        for spec in SHEETS:
            if spec.title == "Sessions":
                continue
            dates = [c for c in spec.columns if c.kind == "date"]
            for row in self.r.rows.get(spec.title, ()):
                for c in dates:
                    if c.key not in row.errors and isinstance(row.values.get(c.key), str):
                        texts[f"{spec.title}, row {row.number}, {c.header}"] = row.values[c.key]
        got = settled_order(texts)
        if got is None:
            return None
        order, place = got
        return order, (f"the workbook's other sheets' dates are ({place} "
                       f"'{' '.join(str(texts[place]).split())}')")

    def note(self, spec: SheetSpec, row: _Row, key: str, message: str) -> None:
        column = spec.column(key)
        self.p.cell(spec.title, row.number, column, spec.columns.index(column) + 1, message)

    def text(self, spec: SheetSpec, row: _Row, key: str, limit: int = 200):
        column = spec.column(key)

        def convert(v):
            text = to_text(v, column.header.lower())
            if len(text) > limit:
                raise Bad(f"is {len(text)} characters long; at most {limit} are allowed, shorten it")
            if key != "note" and (problem := control_problem(text)):  # a note may hold lines
                raise Bad(problem)
            return text

        return self.cell(spec, row, key, convert)

    # -- the season -------------------------------------------------------------------------------
    def _example_note(self, athletes, rows) -> None:
        """The template's example player kept beside the coach's own: its rows on every sheet
        (an injury, a session, a role...) would be imported as the club's."""
        from planner.coachform.write import _EXAMPLES

        example = _EXAMPLES["Athletes"][0]
        for a, row in zip(athletes, rows, strict=True):
            if a.name == example["name"] and len(athletes) > 1:
                self.named_example = row
                self.notes.append(f"Athletes, row {row}: {a.name!r} ({a.id}) is the template's "
                                  f"example player; delete the example rows (on every sheet) "
                                  f"unless this is one of yours")

    def _example_row_notes(self) -> None:
        """Each row that is exactly one of the template's example rows (an absence of A01 from
        1 to 3 Feb 2027, an Easter Monday off): kept where the coach deleted only the rows the
        import refused, it would be imported as hers (her first player A01 away with no word).
        Imported all the same (it may be real), and said with what it says; the day off, a real
        public holiday a club may keep on purpose, said as harmless, and only at the row the
        template writes it: a club's own Easter Monday 2027 typed below its summer break (the
        same date and name) was called the template's."""
        from planner.coachform.write import _EXAMPLES, FIRST_ROW

        for title, examples in _EXAMPLES.items():
            spec = sheet_spec(title)
            for row in self.r.rows.get(title, ()):
                if (title == "Athletes" and row.number == self.named_example) or not any(
                        _is_example(row, ex) and (title != "Non-training days" or
                                                  row.number == FIRST_ROW + k)
                        for k, ex in enumerate(examples)):
                    continue  # the example player kept is said by _example_note
                says = ", ".join(f"{c.header} {_example_value(row.values[c.key])}"
                                 for c in spec.columns if row.values.get(c.key) is not None)
                kept = ("kept as a day off; delete it if your club trains that day"
                        if title == "Non-training days"
                        else "imported as written: delete it unless it is one of yours")
                self.notes.append(f"{title}, row {row.number} ({says}) is the template's example "
                                  f"row, {kept}")

    # the sheets whose example rows name the example player (A01)
    PLAYER_EXAMPLES = ("Injuries", "Roles", "Flare-ups", "Tests", "Sessions", "Unavailable")

    def _example_row_problems(self) -> None:
        """A row with a problem that is exactly one of the template's example rows about its
        example player (the hamstring injury, the flare-up, the test, the session, the days
        away): said as the form's example row to delete, its cells' problems left unsaid. A
        coach who overwrote only the Athletes rows was told "no athlete has the ID 'A01'; did
        you mean 'U01'?", and doing so gave a fit player the example's injury and pain log.
        Recognised by the row's content, not its ID (a club's own A01 is not the example)."""
        from planner.coachform.write import _EXAMPLES

        player = _EXAMPLES["Athletes"][0]["name"]
        for title in self.PLAYER_EXAMPLES:
            for row in self.r.rows.get(title, ()):
                if (title, row.number) in self.p.flagged and self._example_row(title, row):
                    self.example_rows.add((title, row.number))
                    self.p.replace_row(title, row.number, f"{title}, row {row.number} is the form's "
                                       f"example row ({player}): delete it")

    # the sheets whose example rows' details (a date and more besides the player) tell them from
    # a coach's own; a Roles row (a match and a role) would be said of a club's own too often
    DETAIL_EXAMPLES = ("Injuries", "Flare-ups", "Tests", "Sessions", "Unavailable")

    def _example_details_notes(self) -> None:
        """Rows that hold one of the form's example rows with only the Athlete ID retyped (U01
        over A01): they imported silently as the coach's own player's hamstring injury, flare-up
        and pain log. Said, per ID, as still holding the example's details, not refused (a
        coach's own may match); only where every one of the example's cells matches, a date and
        at least one more among them, and the row is not the whole example (said already)."""
        from planner.coachform.write import _EXAMPLES

        kept: dict[str, list[tuple[str, int]]] = {}  # the ID written -> (sheet, row)
        for title in self.DETAIL_EXAMPLES:
            for row in self.r.rows.get(title, ()):
                aid = row.values.get("athlete")
                if aid is not None and any(_same_details(row, ex) and not _is_example(row, ex)
                                           for ex in _EXAMPLES[title]):
                    kept.setdefault(" ".join(str(aid).split()), []).append((title, row.number))
        player = _EXAMPLES["Athletes"][0]["name"]
        for aid, rows in kept.items():
            self.notes.append(f"{_rows_list_text(rows)} name {aid} but otherwise hold the form's "
                              f"example details ({player}'s): imported as written; check "
                              f"{'it' if len(rows) == 1 else 'them'}, and delete any that are "
                              f"not {aid}'s")

    def _starter_rules(self):
        """The rule settings of the Season sheet's Starter minutes (None without it, or at the
        default 95: no setting): LD-1's start, bench and start-from-played minutes scaled
        together, as File ▸ New's "A starter plays" sets them (``rules.match_length_values``);
        a match row logged with its minutes played alone then weighs them too."""
        from planner.loadtable import LoadTable
        from planner.rules import RULES, RuleSet, match_length_values
        from planner.season import RuleSettings

        minutes = self.starter_minutes
        if minutes is None or minutes == RULES["LD-1"].param("minutes_start").default:
            return None
        values = {"LD-1": match_length_values(minutes)}
        rules = RuleSettings(values=values)
        self.loads = LoadTable.of(RuleSet(rules))
        return rules

    def _example_row(self, title: str, row: _Row) -> bool:
        """Whether ``row`` holds exactly one of the template's example rows about its example
        player (:meth:`_example_row_problems`); its unknown ID is then not another player's
        (the open season's own A01, "did you mean 'U01'?")."""
        from planner.coachform.write import _EXAMPLES

        return title in self.PLAYER_EXAMPLES and any(_is_example(row, ex) for ex in _EXAMPLES[title])

    def season(self) -> Season:
        cal, name, self.cal_rows = self._calendar()
        self.span = (cal.start, cal.end) if cal is not None else None
        rules = self._starter_rules()
        comps, comp_rows, comp_names = self._competitions(cal)
        self.comp_last = {c.id: c.last for c in comps}  # a target's last day (InjuryReader)
        from planner.sessionlog import competition_days

        # a match's minutes played alone (Sessions): the days of the competitions an event may
        # last; a longer one is refused (the season's checks), its days never built (an End date
        # typed 31 Dec 9999 built every day up to it before being refused: 17 s and 300 MB)
        self.comp_days = competition_days(c for c in comps if (c.last - c.date).days < MAX_EVENT_DAYS)
        athletes, athlete_rows, ids = self._athletes()
        self._example_note(athletes, athlete_rows)
        injuries, self.record_rows = InjuryReader(self, ids, comp_names, cal).read()
        roles, role_rows = self._roles(ids, comp_names)
        unav, unav_rows = self._unavailable(ids, cal)
        ntd, ntd_rows = self._non_training(cal)
        blocks, block_rows = self._blocks()
        sessions, session_rows = self._sessions(ids)
        self._same_day(sessions, session_rows, athletes)
        self._example_row_problems()
        self._example_row_notes()
        season = None
        if cal is not None and name is not None:
            cal = cal.model_copy(update={"non_training_days": tuple(ntd)})
            if self.export_sheet and self.athletes_unread:  # its names cannot be matched
                if n := self._data_rows("Sessions"):
                    self.unread_refs["Sessions"] = n
            elif self.export_sheet:
                # a Today refused: every day of the season is taken as past, not the first
                known = cal.model_copy(update={"today": cal.end + dt.timedelta(days=1)}) \
                    if self.today_refused else cal
                sessions, session_rows = self._export_sessions(Season.model_construct(
                    name=name, calendar=known, competitions=tuple(comps), athletes=tuple(athletes),
                    injuries=tuple(injuries), sessions=()))
            season = Season(name=name, calendar=cal, competitions=tuple(comps), blocks=tuple(blocks),
                            athletes=tuple(athletes), unavailability=tuple(unav),
                            injuries=tuple(injuries), roles=tuple(roles), sessions=tuple(sessions),
                            **({"rules": rules} if rules is not None else {}))
            where = {
                "competitions": ("Competitions", comp_rows),
                "athletes": ("Athletes", athlete_rows),
                "roles": ("Roles", role_rows),
                "unavailability": ("Unavailable", unav_rows),
                "calendar.non_training_days": ("Non-training days", ntd_rows),
                "blocks": ("Blocks", block_rows),
                "sessions": ("Sessions", session_rows),
            }
            # rows left out for a problem of their own: not checked against the season
            self.left_out = sorted({(SHEET_ORDER.index(sh) if sh in SHEET_ORDER else 99, n, sh)
                                    for sh, n in self.p.flagged if sh != SEASON_SHEET
                                    and (sh, n) not in self.example_rows})  # to be deleted
            self._document_problems(season, where)
        elif self.export_sheet and not self.athletes_unread:
            # no season dates yet: its rows are read all the same (a missing RPE said now, not
            # on the next import), their dates checked against the season once it reads
            lo, hi = dt.date(1900, 1, 1), dt.date(2999, 12, 30)
            self._export_sessions(Season.model_construct(
                name=name or "", calendar=Calendar.model_construct(
                    start=lo, end=hi, today=hi + dt.timedelta(days=1)),
                competitions=tuple(comps), athletes=tuple(athletes), injuries=tuple(injuries),
                sessions=()))
        self._example_row_problems()  # and those found against the season (an onset too early)
        self._closing_problems()
        self._yearless_notes()
        problems = self.p.sorted()
        if problems:
            raise InputError(self.source, problems, note=self._checked_later(season))
        assert season is not None
        self._example_details_notes()
        self._season_notes(season, where)
        return season

    def _checked_later(self, season: Season | None) -> str:
        """What cannot be checked until a problem listed is fixed, said with the problems, so
        that the next import's new problems are expected: the checks needing the season's dates
        (no season without its Season sheet), or today (a Today refused)."""
        if season is None:
            later = ["the checks across sheets (dates inside the season, stage durations, "
                     "sessions against today)"]
            if self.export_sheet and not self.athletes_unread and self._data_rows("Sessions"):
                later.append("the Sessions sheet's dates against the season")
            return (f"Not checked yet: {' and '.join(later)}, as they need the Season sheet's "
                    f"name and dates: fix these first; the workbook is checked again then.")
        later = []
        if self.today_refused:
            later.append("what is checked against Today (sessions and tests after it, stages "
                         "that outlasted their protocol by it)")
        if self.left_out:  # the checks across sheets need a row's every cell
            by_sheet: dict[str, list[str]] = {}
            for _o, n, sh in self.left_out[:5]:
                by_sheet.setdefault(sh, []).append(str(n))
            rows = "; ".join(f"{sh} row{'s' if len(ns) > 1 else ''} {', '.join(ns)}"
                             for sh, ns in by_sheet.items())
            more = ""
            if len(self.left_out) > 5:  # by sheet: after the last sheet's rows, "and 5 more"
                rest: dict[str, int] = {}  # read as more rows of that sheet
                for _o, _n, sh in self.left_out[5:]:
                    rest[sh] = rest.get(sh, 0) + 1
                more = (f"; and {len(self.left_out) - 5} more rows: "
                        + ", ".join(f"{k}{' more' if sh in by_sheet else ''} on {sh}"
                                    for sh, k in rest.items()))
            waiting = self._waiting_text()
            later.append(f"the rows with a problem of their own ({rows}{more}) against the "
                         f"season (its dates, Today, the other sheets)"
                         + (f", and the rows waiting on them: {waiting}" if waiting else ""))
        if later:
            return (f"Not checked yet: {' and '.join(later)}: fix these first; the workbook is "
                    f"checked again then.")
        return ""

    def _waiting_text(self) -> str:
        """The rows left unchecked because the athlete or competition they name has a problem
        of its own, by the row they wait on: ``Sessions rows 4–9 and 12 and Injuries row 2 (they
        name A07, Athletes row 3)``. A coach who fixed only the rows named met these rows'
        problems one import later. Rows with a problem of their own are said already."""
        def order(item):
            (sheet, at, _label), _refs = item
            return SHEET_ORDER.index(sheet) if sheet in SHEET_ORDER else 99, at

        groups = []
        for (sheet, at, label), refs in sorted(self.waiting.items(), key=order):
            refs = sorted({r for r in refs if r not in self.p.flagged and r not in self.example_rows},
                          key=lambda r: (SHEET_ORDER.index(r[0]) if r[0] in SHEET_ORDER else 99, r[1]))
            if refs:
                one = len(refs) == 1
                groups.append(f"{_rows_list_text(refs)} ({'it names' if one else 'they name'} "
                              f"{label}, {sheet} row {at})")
        more = f"; and {len(groups) - 5} more like these" if len(groups) > 5 else ""
        return "; ".join(groups[:5]) + more

    def _data_rows(self, title: str) -> int:
        """The rows with content below a sheet's header (at most MAX_ROWS are counted)."""
        ws = self.r.find(title)
        count = 0
        for _n, cells in _sheet_rows(ws) if ws is not None else ():
            count += not _is_blank_cells(cells)
            if count > MAX_ROWS:
                break
        return max(0, count - 1)  # the header aside

    def _closing_problems(self) -> None:
        """What is said once for the whole workbook: date cells a damaged workbook's styles hide,
        the rows naming athletes when no athlete could be read, and the sheets not read: a sheet
        that seems to be a form's sheet missing from the workbook ("Injured" for "Injuries") is a
        problem, since its rows would be lost without a word (injured players planned to sprint);
        any other sheet a note."""
        if self.style_dates:
            sheet, row, where, value = self.style_dates[0]
            more = len(self.style_dates) - 1
            also = f" ({more} more date cell{'s' if more != 1 else ''} like it)" if more else ""
            self.p.add(sheet, row, f"{where}: {_describe_value(value)} is a number, not a date, and "
                       f"the workbook's styles are damaged (its cells refer to formats the file "
                       f"does not hold), so a date cannot be told from a number{also}; open and "
                       f"save it in Excel or LibreOffice (format the date cells as dates if they "
                       f"show numbers), then import again")
        if self.unread_refs:
            n = sum(self.unread_refs.values())
            self.p.add("Athletes", _LAST_ROW, f"Athletes: … and {n} row{'s' if n != 1 else ''} on "
                       f"other sheets ({', '.join(self.unread_refs)}) name athletes that could not "
                       f"be read; they are checked once the Athletes sheet can be read")
        self._removed_problems()
        self._given_ids()
        for (sheet, key), refs in self.held.items():
            failed = self.keyless[sheet]
            what = "ID" if sheet == "Athletes" else "name"
            rows = " or ".join(f"row {n}" + (f" ({said})" if said else "") for n, said in failed)
            more = f" and {len(refs) - 12} more rows" if len(refs) > 12 else ""
            self.p.add(sheet, _LAST_ROW, f"{sheet}: {_rows_text(refs[:12])}{more} name{'s' if len(refs) == 1 else ''} {key!r}, "
                       f"which no {'athlete' if sheet == 'Athletes' else 'competition'} read has: "
                       f"is it the {what} of {rows}, whose {what} did not read? They are checked "
                       f"once {'it does' if len(failed) == 1 else 'those do'}")
        if self.unread_comp_refs and "Competitions" in self.r.absent:
            n = sum(self.unread_comp_refs.values())
            fix = self.r.renamed("Competitions") or (
                f"; add it (periodize template -o FILE.xlsx writes the form with every sheet, "
                f"see templates/{TEMPLATE_NAME})")
            self.p.add("Competitions", None, f"Competitions: the workbook has no sheet "
                       f"'Competitions', which {n} row{'s' if n != 1 else ''} on other sheets "
                       f"({', '.join(self.unread_comp_refs)}) name{'s' if n == 1 else ''}{fix}")
        elif self.unread_comp_refs:
            n = sum(self.unread_comp_refs.values())
            self.p.add("Competitions", _LAST_ROW, f"Competitions: … and {n} row"
                       f"{'s' if n != 1 else ''} on other sheets ({', '.join(self.unread_comp_refs)}) "
                       f"name competitions; they are checked once the Competitions sheet can be read")
        # a sheet whose absence is refused: its stray sheet is named there
        required = {SEASON_SHEET, "Competitions"} | {s.title for s in SHEETS if s.required}
        for title, note in self.r.stray_notes():
            meant = self.r.strays()[title]
            if meant is not None and meant not in required:  # a required one is said there
                self.p.add(meant, None, note)  # first among the problems it may be the cause of
            else:
                self.notes.append(note)

    def _say_german_weekdays(self, key: str, value: object, where: str) -> None:
        """Note a weekday cell read as German ('Do' is Sunday in Spanish, 'Di' in French)."""
        german = german_weekdays_note(str(value)) if key in ("week_start", "training_days") else None
        if german is not None:
            self.notes.append(f"{where}: {german}")

    def _calendar(self):
        """The calendar (None when it cannot be made), the season's name and the row of each key."""
        rows = self.r.season_rows()
        if rows is None:
            return None, None, {}
        got: dict[str, object] = {}
        cal_rows: dict[str, int] = {}
        # Start, End and Today typed with slashes or dots: read together, as a column's dates
        texts = {rows[k][0]: rows[k][1] for k in ("start", "end", "today")
                 if k in rows and rows[k][2] is None and isinstance(rows[k][1], str)}
        self.season_texts = {f"{SEASON_SHEET}, row {n}, Value": t for n, t in texts.items()}
        typed = read_text_dates(texts, f"{SEASON_SHEET}, Value")
        if typed.note:
            self.notes.append(typed.note)
        for k, (key, label, required, help_text) in enumerate(SEASON_KEYS):
            if key not in rows:
                if required:
                    self.p.add(SEASON_SHEET, 0, f"{SEASON_SHEET}: no {label!r} row; add a row with "
                               f"Key {label!r} and, as Value, {help_text}", k)
                continue
            n, value, err = rows[key]
            cal_rows[key] = n
            where = f"{SEASON_SHEET}, row {n} ({label})"
            if err is not None:
                self.p.add(SEASON_SHEET, n, f"{where}: {error_text(err)}")
            elif value is None and required:
                self.p.add(SEASON_SHEET, n, f"{where}: the value is empty; write {help_text}")
            elif key in ("start", "end", "today") and n in self.r.unstyled and _is_number(value):
                self.style_dates.append((SEASON_SHEET, n, where, value))
            elif value is not None:
                try:
                    got[key] = _season_value(key, value, typed, n)
                except Bad as e:
                    self.p.add(SEASON_SHEET, n, f"{where}: {e}")
                else:
                    self._say_german_weekdays(key, value, where)
        self.starter_minutes = got.get("starter_minutes")
        start, end = got.get("start"), got.get("end")
        if start is None or end is None or not self._season_span_ok(start, end, cal_rows["end"]):
            return None, got.get("name"), cal_rows
        today = got.get("today")
        if today is not None and not self._today_ok(start, end, today, cal_rows["today"]):
            today, self.today_refused = None, today > start  # before the start: no today, no problem
        if today is None and (SEASON_SHEET, cal_rows.get("today")) in self.p.flagged:
            self.today_refused = True  # a Today that is no date: not the season's start either
        cal = Calendar(start=start, end=end, week_start=got.get("week_start", "mon"),
                       training_days=got.get("training_days", ("mon", "tue", "wed", "thu", "fri", "sat")),
                       today=today)
        return cal, got.get("name"), cal_rows

    def _today_ok(self, start: dt.date, end: dt.date, today: dt.date, row: int) -> bool:
        """Today from the season's first day to the day after its last (all of it played), as
        `periodize advance --today` and the app's Move Today take it. One after that is the
        Today row's problem (a year typed wrong planned nothing); one before the start is no
        today (rules-spec section 1: no past), said in a note."""
        where = f"{SEASON_SHEET}, row {row} (Today)"
        if today < start:  # rules-spec section 1: no past; a tool stamping the real date while
            # next season is planned in the summer. Read as no today, said (nothing is lost)
            self.notes.append(f"{where}: {day_long(today)} is before the season starts "
                              f"({day_long(start)}): read as no today (the season has not started)")
            return False
        if late := today_after_season(today, end):
            self.p.add(SEASON_SHEET, row, f"{where}: {late}")
            return False
        return True

    def _season_span_ok(self, start: dt.date, end: dt.date, end_row: int) -> bool:
        """End on or after Start, and at most two years later; else the End row's problem."""
        where = f"{SEASON_SHEET}, row {end_row} (End)"
        if end < start:
            self.p.add(SEASON_SHEET, end_row, f"{where}: {day_long(end)} is before the Start "
                       f"{day_long(start)}; the season ends on or after its start")
            return False
        if (end - start).days > LONGEST_SEASON_DAYS:
            self.p.add(SEASON_SHEET, end_row, f"{where}: the season would last "
                       f"{(end - start).days + 1} days; a season spans at most two years, so end "
                       f"it by {day_long(start + dt.timedelta(days=LONGEST_SEASON_DAYS))}")
            return False
        return True

    def _competitions(self, cal):
        """The competitions, the row of each and the names other sheets refer to. A row's ID is
        its id (a round trip through the form keeps the ids commands, pins and calendar events
        name); a row without one, imported over a season, gets the id of that season's
        competition of the same name and date (else series and date, else name, else date and
        priority, when only one fits: :func:`_known_ids`), so a row inserted above moves no id
        onto another match, nor a league renumbered; any other row gets ``c``
        and its row's place (``c007``), or the next such id that no row's ID (nor a competition
        of the season imported over) takes."""
        spec = sheet_spec("Competitions")
        rows = self.r.table(spec)
        # missing, or there but unreadable (a header renamed): its problem is said once, and the
        # rows naming competitions are counted, not each reported as naming one that does not
        # exist; missing while no row names a competition, it reads as empty (said in a note)
        self.comps_unread = rows is None
        if rows is not None and len(rows) > MAX_COMPETITIONS:
            self.p.add(spec.title, None, f"{spec.title}: {len(rows):,} rows; at most "
                       f"{MAX_COMPETITIONS:,} competitions a season (a match every day of two "
                       f"years is 730): is this the right sheet? Keep one team's matches of one "
                       f"season (split the rows into several workbooks)")
            self.comps_unread, rows = True, None  # the rows naming one are counted, not each said
        read = []  # (place, row, date, name, priority, last day, ID given, kept)
        seen: dict[tuple, int] = {}  # (date, name, priority, last day, ID) -> its first row
        given: dict[str, int] = {}  # an ID written -> its row
        for k, row in enumerate(rows or [], start=1):
            if not self._entry_row(spec, ("date", "name"), "a competition", row, ("priority", "id")):
                continue
            date = self.cell(spec, row, "date", to_date)
            name = self.text(spec, row, "name")
            prio = self.cell(spec, row, "priority", parse_priority)
            end = self.cell(spec, row, "end_date", to_date)
            cid = self.text(spec, row, "id", limit=40) or None
            self._keyless(spec, row, name, "date")
            id_bad = cid is None and (row.values.get("id") is not None or "id" in row.errors)
            ok = None not in (date, name, prio) and not id_bad
            if date is not None and end is not None and end < date:
                self.note(spec, row, "end_date", f"{day_long(end)} is before the Date {day_long(date)}; "
                          f"a multi-day event ends on or after its first day")
                ok = False
            key = (date, (name or "").casefold(), prio, end, cid)
            if ok and key in seen:  # a row pasted twice made two competitions of one match
                self.notes.append(f"{spec.title}, row {row.number} repeats row {seen[key]}: "
                                  f"counted once")
                continue
            if ok:
                seen[key] = row.number
            if cid is not None and cid in given:
                self.note(spec, row, "id", f"{cid!r} is already the ID of row {given[cid]}; give "
                          f"each competition a unique ID (or leave it empty for one made up)")
                ok = False
            elif cid is not None:
                given[cid] = row.number
            read.append((k, row, date, name, prio, end, cid, ok))
        comps, comp_rows = [], []
        names: list[tuple[str, int, str | None, dt.date | None]] = []  # name, row, id if kept, date
        taken = set(given)
        known = self.known.competitions if self.known is not None else ()
        matched = _known_ids([(k, date, name, prio) for k, _r, date, name, prio, _e, cid, _o in read
                              if cid is None], [c for c in known if c.id not in taken])
        taken |= {c.id for c in known}
        for k, row, date, name, prio, end, cid, ok in read:
            if cid is None and k in matched:
                cid = matched[k]
            elif cid is None:
                cid = _free_id(k, taken)
                taken.add(cid)
            if name:
                names.append((name, row.number, cid if ok else None, date))
            if ok:
                comps.append(Competition(id=cid, name=name, date=date, end_date=end, priority=prio))
                comp_rows.append(row.number)
        return comps, comp_rows, names

    def _athletes(self):
        spec = sheet_spec("Athletes")
        rows = self.r.table(spec)
        if rows is None:
            self.athletes_unread = True
            return [], [], {}
        if len(rows) > MAX_ATHLETES:  # as a season file is limited (planner.limits)
            self.p.add(spec.title, None, f"{spec.title}: {len(rows):,} rows; at most "
                       f"{MAX_ATHLETES:,} athletes a season: is this the right sheet? Import one "
                       f"squad a season (split the rows into several workbooks)")
        athletes, athlete_rows = [], []
        own: dict[str, int] = {}  # positions none of the four groups knows -> their first row
        keepers: dict[str, list[int]] = {}  # 'Torwart', 'TW' ... read as Goalkeeper -> rows
        ids: dict[str, bool] = {}  # every ID written (True when its row was kept)
        first: dict[str, tuple[str, int]] = {}  # case-folded ID -> (the ID, its row)
        named_rows: dict[str, list[tuple[str, int]]] = {}  # a name -> (ID, row) of each athlete
        given = self.given  # rows without an ID: (row, the ID given)
        written = _written_ids(rows)
        for row in filter(partial(self._entry_row, spec, ("id", "name"), "a player"), rows):
            blank = row.values.get("id") is None and "id" not in row.errors
            name = self.text(spec, row, "name")
            aid = (self._given_id(spec, row, name, written, given) if blank and name is not None
                   else self.text(spec, row, "id", limit=40))
            self._keyless(spec, row, aid, "name")
            pos = self.text(spec, row, "position")
            pos = _as_goalkeeper(pos, row.number, keepers)
            unit = self.r.units.get((spec.title, "max_speed"))  # "Max speed (km/h)"
            speed = self.cell(spec, row, "max_speed", partial(
                parse_max_speed, percent_cell="%" in row.formats.get("max_speed", ""),
                column_unit=unit))
            if speed is not None:
                speed, kmh = speed
                if speed > FAST_NOTE:  # a typing slip (12.5 for 9.2?) planned every target speed
                    self.notes.append(f"{spec.title}, row {row.number}, Max speed: {speed:g} m/s "
                                      f"({speed * 3.6:.1f} km/h) is faster than footballers are "
                                      f"measured ({FAST_NOTE:g} m/s is {FAST_NOTE * 3.6:.1f} "
                                      f"km/h); every target speed is a share of it: check it")
                if kmh and unit is None and (v := _bare_number(row.values["max_speed"])) is not None:
                    self.notes.append(f"{spec.title}, row {row.number}, Max speed: {v:g} is read "
                                      f"as km/h, {speed:g} m/s (no athlete runs {v:g} m/s); write "
                                      f"'{v:g} km/h' or {speed:g} to say so")
            role = self.cell(spec, row, "role", parse_role)
            ok = aid is not None and name is not None and (pos is not None or row.values.get("position") is None)
            ok = ok and (role is not None or (row.values.get("role") is None and "role" not in row.errors))
            if speed is None and row.values.get("max_speed") is not None:
                ok = False
            if aid is not None and aid.casefold() in first:
                was, at = first[aid.casefold()]
                same = (f"{aid!r} is already the ID of row {at}" if was == aid else
                        f"{aid!r} differs from row {at}'s {was!r} only in case, and a log cannot "
                        f"tell them apart")
                self.note(spec, row, "id", f"{same}; give each athlete a unique ID")
                continue
            if aid is not None:
                first[aid.casefold()] = (aid, row.number)
                ids[aid] = False
                self.id_rows[aid] = row.number
            if ok and pos and position_key(pos) not in POSITION_SHORT:
                near = near_position(pos, cutoff=0.75)
                if near:  # "Goalkeper" read as a position of its own lost HV-1's GK exemption
                    self.notes.append(f"{spec.title}, row {row.number}, Position: {pos!r} is read "
                                      f"as a position of its own, not {near} "
                                      f"(rules such as HV-1's goalkeeper exemption read the "
                                      f"position); correct it if it is one")
                else:  # "CB", "Winger": said once for the sheet, as the Squad editor says it
                    own.setdefault(" ".join(pos.split()), row.number)
            if ok:
                # a Role left empty is not set (``model_fields_set``): a player new in the sheet of
                # a season under way is then out of the matchday squad (planner.reimport)
                athletes.append(Athlete(id=aid, name=name, position=pos or "", max_speed=speed,
                                        **({"role": role} if role else {})))
                athlete_rows.append(row.number)
                ids[aid] = True
                self.named.setdefault(" ".join(name.split()).casefold(), []).append(aid)
                named_rows.setdefault(" ".join(name.split()).casefold(), []).append((aid, row.number))
        self._same_names(spec, athletes, named_rows)
        self.notes += _keepers_note(spec.title, keepers)
        if own:
            listed = ", ".join(f"{p!r} (row {r})" for p, r in own.items())
            one = len(own) == 1
            self.notes.append(f"{spec.title}: {listed} {'is a group' if one else 'are groups'} of "
                              f"{'its' if one else 'their'} own on the board, after Goalkeeper, "
                              f"Defender, Midfielder and Forward, the groups the board shows "
                              f"first: right for a position of your sport's own; to put a player "
                              f"in one of those groups, write one of those four (HV-1 exempts only "
                              f"the positions its setting names, Goalkeeper by default)")
        if not athletes and not rows and self.r.find(spec.title) is not None:
            self.p.add(spec.title, None, f"{spec.title}: no athlete rows below the header; add one "
                       f"row per athlete (ID, Name, Position)")
        self.athletes_unread = not ids  # each row's problem is said on the sheet
        return athletes, athlete_rows, ids

    def _given_id(self, spec: SheetSpec, row: _Row, name: str, written: list[str],
                  given: list[tuple[int, str]]) -> str | None:
        """The ID of an Athletes row left without one: the next free one in the squad's pattern
        (as the Squad editor's Add gives it), none written in the sheet nor held in the season
        imported over. None, the problem said, when the season imported over has a player of
        that name: his sessions and records are under his ID, and a new one would make a second
        player of him."""
        known = self.known.athletes if self.known is not None else ()
        same = next((a for a in known if a.name.casefold().split() == name.casefold().split()), None)
        column = spec.column("id")
        if same is not None:
            self.p.cell(spec.title, row.number, column, spec.columns.index(column) + 1,
                        f"is empty; {same.name} is {same.id} in the season imported over: write "
                        f"{same.id} (the records are under it)")
            return None
        self._keyless(spec, row, None, "name")  # another sheet's unknown ID may be his
        ids = written + [a.id for a in known if a.id not in written]
        (aid,) = next_ids(ids, 1, {g for _, g in given})
        given.append((row.number, aid))
        return aid

    def _given_ids(self) -> None:
        """``Athletes rows 8–17 had no ID: given A07–A16``, a note; but when another sheet names
        an ID no Athletes row has, it may be the ID of one of those rows: each is refused, as
        an empty ID always was, and the rows naming the unknown ID are held back."""
        if not self.given:
            return
        spec = sheet_spec("Athletes")
        if any(sheet == spec.title for sheet, _ in self.held):
            column = spec.column("id")
            for n, _ in self.given:
                self.p.cell(spec.title, n, column, spec.columns.index(column) + 1,
                            f"is empty; {_fill_hint(column)}")
            return
        self.notes.append(f"{_rows_text([(spec.title, n) for n, _ in self.given])} had no ID: "
                          f"given {_ids_text([g for _, g in self.given])}")

    def _entry_row(self, spec: SheetSpec, keys: tuple[str, str], what: str, row: _Row,
                   marks: tuple[str, ...] = ()) -> bool:
        """False for a row summing up the rows above it ("Total | 22" under the squad), its
        problem recorded: its ID/Date or name (``keys``) is Total, Totals, Sum or Count, or its
        name is only a number and its ID/Date is empty or also a number, with none of the
        columns ``marks`` filled (a competition's priority or ID). Such a row became a 23rd
        player, planned and handed out. A player with an ID named by his shirt number ("A1" /
        "7") is a player, and a match named "12" with its date is a competition."""
        values = [row.values.get(k) for k in keys]
        texts = [None if v is None else str(v).strip().rstrip(":").strip() for v in values]
        first, name = values
        worded = any(t and t.casefold() in TOTAL_WORDS for t in texts)
        counted = (_is_numeral(name) and (first is None or _is_numeral(first))
                   and all(row.values.get(k) is None for k in marks))
        if not worded and not counted:
            return True
        shown = " / ".join(repr(f"{v:g}" if _is_number(v) else str(v).strip())
                           for v in values if v is not None)
        self.p.add(spec.title, row.number, f"{spec.title}, row {row.number}: {shown} looks like a "
                   f"total row, not {what}; delete it")
        return False

    def _same_names(self, spec: SheetSpec, athletes: list, named_rows: dict) -> None:
        """Names need not be unique (two players called Silva), but a row pasted again with a
        new ID is one player planned twice, and a log naming him is refused: said."""
        for same in (v for v in named_rows.values() if len(v) > 1):
            (aid0, row0), *others = same
            name = next(a.name for a in athletes if a.id == aid0)
            self.notes.append(f"{spec.title}, row{'s' if len(others) > 1 else ''} "
                              f"{', '.join(str(r) for _, r in others)}: '{name}' is also the name "
                              f"of row {row0} ({aid0}): two players, or one typed twice? Delete "
                              f"the row if one (a log names either by ID only)")

    def _keyless(self, spec: SheetSpec, row: _Row, key: str | None, other: str) -> None:
        """A row whose ``key`` (an athlete's ID, a competition's Name) did not read (None): kept
        with what its ``other`` cell says (his name, the match's date), to name it to the rows
        that may refer to it."""
        if key is not None:
            return
        value = row.values.get(other)
        try:
            shown = "" if value is None else day_long(to_date(value)) if other == "date" else \
                " ".join(str(value).split())[:40]
        except Bad:  # a date that does not read either: as written
            shown = " ".join(str(value).split())[:40]
        self.keyless.setdefault(spec.title, []).append((row.number, shown))

    def _held(self, sheet: str, key: str, spec: SheetSpec, row: _Row) -> bool:
        """Whether a reference to an unknown key (``sheet``'s) is held back: that sheet has a
        row whose key did not read, which it may name (Kofi Mensah's row without its ID A07:
        "did you mean 'A20'?" would move his injury and roles onto another player). Said once
        for the key (:meth:`_closing_problems`); checked once that row reads."""
        if not self.keyless.get(sheet):
            return False
        self.held.setdefault((sheet, key), []).append((spec.title, row.number))
        return True

    def _removed(self, aid: str, sheet: str) -> bool:
        """Whether ``aid`` is an athlete of the season imported over whose Athletes row was
        removed: his rows are counted by sheet and said once (:meth:`_closing_problems`), not
        each as an unknown ID."""
        known = self.known.athlete(aid) if self.known is not None else None
        if known is None:
            return False
        rows = self.removed.setdefault(aid, {})
        rows[sheet] = rows.get(sheet, 0) + 1
        return True

    def _removed_problems(self) -> None:
        """One problem per athlete of the season imported over whose Athletes row is gone while
        other sheets still have rows of his (a sold player's log and absence)."""
        for aid, rows in self.removed.items():
            counts = [plural(n, "row") + f" in {sheet}" if i == 0 else f"{n} in {sheet}"
                      for i, (sheet, n) in enumerate(rows.items())]
            self.p.add("Athletes", _LAST_ROW, f"Athletes: {self.known.athlete_label(aid)} is not in "
                       f"the Athletes sheet but has {join_and(counts)}: to let them go keep their row "
                       f"and add an Unavailable row '{LEFT_REASON}' from their first day away to the "
                       f"season's end, or delete those rows too")

    def athlete_ref(self, spec: SheetSpec, row: _Row, ids: dict[str, bool]):
        """A known athlete ID (None when blank, unknown or its Athletes row has a problem)."""
        aid = self.text(spec, row, "athlete", limit=40)
        if aid is None:
            return None, False
        if self.athletes_unread:  # the Athletes sheet's problem is the cause: counted, said once
            self.unread_refs[spec.title] = self.unread_refs.get(spec.title, 0) + 1
            return None, False
        if self.match is None:  # the Athletes sheet is read: its IDs and names
            from planner.sessionlog import AthleteMatch

            names = {k: name for name, keys in self.named.items() for k in keys}
            self.match = AthleteMatch((k, names.get(k)) for k in ids)
        found, how = self.match.read(aid)  # an ID in another case, or a name, as a log reads it
        if found is not None:
            if how == "plain":
                self.notes.append(f"{spec.title}, row {row.number}, {spec.column('athlete').header}: "
                                  f"{aid!r} is read as {found} (its name, accents aside)")
            return found, self._athlete_kept(found, ids, spec, row)
        if aid not in ids and self._example_row(spec.title, row):  # said whole, not as A01's
            self.note(spec, row, "athlete", f"no athlete has the ID {aid!r}")
            return None, False
        if aid not in ids and self._held("Athletes", aid, spec, row):
            return None, False
        if aid not in ids and self._removed(aid, spec.title):
            return None, False
        if aid not in ids:
            named = (self.named.get(" ".join(aid.split()).casefold(), [])
                     or self.match.by_plain.get(plain_name(aid), []))  # "Jose Nunez" for two
            # an ID that differs only in its number is another player's (A22 is not A27)
            typo = near_id(aid, list(ids))  # "A 05", "A5": A05
            near = [typo] if typo else [k for k in difflib.get_close_matches(aid, list(ids), n=3)
                                        if not other_number(aid, k)][:1]
            hint = (f": it is the name of {' and of '.join(named)} on the Athletes sheet; write "
                    f"the ID, {named[0]}" if len(named) == 1 else
                    f": it is the name of {' and of '.join(named)}; write the ID of the one meant"
                    if named else f"; did you mean {near[0]!r}?" if near
                    else "; use an ID from the Athletes sheet")
            self.note(spec, row, "athlete", f"no athlete has the ID {aid!r}{hint}")
            return None, False
        return aid, self._athlete_kept(aid, ids, spec, row)

    def _athlete_kept(self, aid: str, ids: dict[str, bool], spec: SheetSpec, row: _Row) -> bool:
        """Whether the athlete ``aid`` was kept; when their Athletes row has a problem, ``row``
        waits on it (:meth:`_waiting_text`)."""
        if not ids[aid] and aid in self.id_rows:
            self._waits("Athletes", self.id_rows[aid], aid, spec, row)
        return ids[aid]

    def _waits(self, sheet: str, at: int, label: str, spec: SheetSpec, row: _Row) -> None:
        """``row`` names what ``sheet``'s row ``at`` holds (``label``), which has a problem of
        its own: it is not checked until that row is fixed."""
        self.waiting.setdefault((sheet, at, label), []).append((spec.title, row.number))

    def competition_ref(self, spec: SheetSpec, row: _Row, key: str, text: str, comp_names):
        """(competition id, found) of a competition named in a cell: a name matching exactly one
        row of the Competitions sheet (case and surrounding spaces ignored), or a repeated name
        with its date, ``Cup (2027-01-09)``. A row with a problem of its own: not found, quietly."""
        if self.comps_unread:  # the Competitions sheet's problem is the cause: counted, said once
            self.unread_comp_refs[spec.title] = self.unread_comp_refs.get(spec.title, 0) + 1
            return None, False
        hits = _competition_hits(text, comp_names)
        if len(hits) == 1:
            name, at, cid, _day = hits[0]
            if cid is None:  # its Competitions row has a problem: this row waits on it
                self._waits("Competitions", at, repr(name), spec, row)
            return cid, cid is not None
        column = spec.column(key)
        dated = _dated_name(text)
        others = [c for c in comp_names if dated and norm_name(c[0]) == norm_name(dated[0])]
        if not hits and others:
            rows = ", ".join(str(n) for _, n, _, _ in others)
            days = ", ".join(day_long(d) for _, _, _, d in others if d is not None)
            self.note(spec, row, key, f"no competition named {others[0][0]!r} is on "
                      f"{day_long(dated[1])} (Competitions rows {rows}: {days}); correct the date")
        elif not hits and self._held("Competitions", text, spec, row):
            pass
        elif not hits:
            near = difflib.get_close_matches(text, sorted({n for n, _, _, _ in comp_names}), n=1)
            hint = (f"; did you mean {near[0]!r}?" if near else
                    "; use a name from the Competitions sheet" +
                    ("" if column.required else " or leave it empty"))
            self.note(spec, row, key, f"no competition is named {text!r}{hint}")
        else:
            rows = ", ".join(str(n) for _, n, _, _ in hits)
            day = next((d for _, _, _, d in hits if d is not None), None)
            example = f", e.g. '{hits[0][0]} ({day:%Y-%m-%d})'" if day is not None else ""
            self.note(spec, row, key, f"{text!r} names {len(hits)} competitions (Competitions rows "
                      f"{rows}); give each a unique name on the Competitions sheet, or add the "
                      f"date{example}")
        return None, False

    def _roles(self, ids, comp_names):
        """The Roles sheet: an athlete's role for one competition."""
        spec = sheet_spec("Roles")
        rows = self.r.table(spec) or []
        out, out_rows = [], []
        first: dict[tuple[str, str], int] = {}
        for row in rows:
            text = self.text(spec, row, "competition")
            aid, kept = self.athlete_ref(spec, row, ids)
            role = self.cell(spec, row, "role", parse_role)
            cid, found = self.competition_ref(spec, row, "competition", text, comp_names) \
                if text is not None else (None, False)
            if not (found and kept and role is not None):
                continue
            if (cid, aid) in first:
                self.note(spec, row, "athlete", f"{aid!r} already has a role for {text!r} in row "
                          f"{first[(cid, aid)]}; keep one")
                continue
            first[(cid, aid)] = row.number
            out.append(MatchRole(competition=cid, athlete=aid, role=role))
            out_rows.append(row.number)
        return out, out_rows

    def _unavailable(self, ids, cal):
        spec = sheet_spec("Unavailable")
        rows = self.r.table(spec) or []
        out, out_rows = [], []
        for row in rows:
            aid, kept = self.athlete_ref(spec, row, ids)
            start = self.cell(spec, row, "start", to_date)
            end = self.cell(spec, row, "end", to_date)
            reason = self.text(spec, row, "reason")
            ok = None not in (aid, start, end) and kept
            if start is not None and end is not None and end < start:
                self.note(spec, row, "end", f"{day_long(end)} is before From {day_long(start)}; "
                          f"'To' is the last day away (inclusive), on or after 'From'")
                ok = False
            elif cal is not None and start is not None and end is not None and \
                    (end < cal.start or start > cal.end):  # an absence overlapping it is kept
                self.note(spec, row, "start", f"{day_long(start)} to {day_long(end)} is outside the "
                          f"season ({day_long(cal.start)} to {day_long(cal.end)}); correct the dates "
                          f"(a year typed wrong?), or delete the row")
                ok = False
            elif end is not None and far_after(end, cal):  # 2062 for 2026: away all season
                self.note(spec, row, "end", f"{day_long(end)} is more than a year after the season "
                          f"ends ({day_long(cal.end)}), so the athlete would be away for the rest "
                          f"of the season; check the year (away to the end: write "
                          f"{day_long(cal.end)})")
                ok = False
            elif start is not None and far_before(start, cal):
                self.notes.append(f"{spec.title}, row {row.number}, From: {day_long(start)} is "
                                  f"more than a year before the season starts "
                                  f"({day_long(cal.start)}); check the year")
            if reason is None and row.values.get("reason") is not None:
                ok = False
            if ok:
                out.append(Unavailability(athlete=aid, start=start, end=end, reason=reason or ""))
                out_rows.append(row.number)
        return out, out_rows

    def _non_training(self, cal):
        spec = sheet_spec("Non-training days")
        rows = self.r.table(spec) or []
        out, out_rows = [], []
        first: dict[dt.date, int] = {}
        for row in rows:
            date = self.cell(spec, row, "date", to_date)
            reason = self.text(spec, row, "reason")
            end = self.cell(spec, row, "end", to_date)
            if date is None or (reason is None and row.values.get("reason") is not None) or (
                    end is None and row.values.get("end") is not None):
                continue
            end = end or date
            if end < date:
                self.note(spec, row, "end", f"{day_long(end)} is before Date ({day_long(date)}); "
                          f"give the last day of the run, or leave To empty for one day")
                continue
            if (end - date).days >= 366:
                self.note(spec, row, "end", f"{day_long(end)} makes a run of more than a year; "
                          f"check the year")
                continue
            days = [date + dt.timedelta(days=k) for k in range((end - date).days + 1)]
            if end > date and cal is not None:
                inside = [d for d in days if cal.start <= d <= cal.end]
                if inside and len(inside) < len(days):  # a break running past the season's end
                    self.notes.append(f"{spec.title}, row {row.number}: {day_long(date)} to "
                                      f"{day_long(end)} runs past the season; read from "
                                      f"{day_long(inside[0])} to {day_long(inside[-1])}")
                    days = inside
            if clash := next((d for d in days if d in first), None):
                self.note(spec, row, "date", f"{day_long(clash)} is already listed in row "
                          f"{first[clash]}; list each day once")
                continue
            for d in days:
                first[d] = row.number
                out.append(NonTrainingDay(date=d, reason=reason or ""))
                out_rows.append(row.number)
        return out, out_rows

    def _blocks(self):
        spec = sheet_spec("Blocks")
        rows = self.r.table(spec) or []
        out, out_rows = [], []
        for row in rows:
            name = self.text(spec, row, "name")
            start = self.cell(spec, row, "start", to_date)
            end = self.cell(spec, row, "end", to_date)
            emphasis = self.text(spec, row, "emphasis")
            ok = None not in (name, start, end)
            if start is not None and end is not None and end < start:
                self.note(spec, row, "end", f"{day_long(end)} is before From {day_long(start)}; a "
                          f"block ends on or after its first day")
                ok = False
            if emphasis is None and row.values.get("emphasis") is not None:
                ok = False
            if ok:
                out.append(Block(name=name, start=start, end=end, emphasis=emphasis or ""))
                out_rows.append(row.number)
        return out, out_rows

    def _gps_header(self, spec: SheetSpec) -> bool:
        """The Sessions sheet is headed as a GPS or athlete-monitoring export writes its columns
        (``Player``, ``Duration``, ``sRPE``...), not as the form does: `periodize log` reads it."""
        from planner.logfile import REQUIRED, header_keys

        ws = self.r.find(spec.title)
        if ws is None:
            return False
        header = next((cells for _n, cells in _sheet_rows(ws) if not _is_blank_cells(cells)), None)
        if header is None:
            return False
        texts = ["" if _blank(getattr(c, "value", None)) else str(c.value) for c in header]
        own = {norm(t) for t in texts}
        if all(norm(c.header) in own for c in spec.columns if c.required):
            return False
        return set(REQUIRED) <= header_keys(texts)

    def _export_sessions(self, season: Season) -> tuple[list[Session], list[int]]:
        """The sessions of a Sessions sheet headed as an export writes it, read as `periodize
        log` reads a log (interfaces.md section 2): each problem named by the sheet's row, and
        the columns read said in a note."""
        from planner.sessionlog import _row_number, read_sessions

        try:
            result = read_sessions(self.source, season)
        except InputError as e:
            for problem in e.problems:
                self.p.add("Sessions", _row_number(problem), f"Sessions, {problem}")
            if e.more:
                self.p.add("Sessions", None, f"Sessions: {e.more:,} more problems like these")
            return [], []
        said = [line for line in result.text().splitlines()
                if not line.startswith("Read sheet ")]  # the workbook's own sheet, by name
        self.notes += [f"Sessions: {line[0].lower()}{line[1:]}" for line in said]
        return list(result.sessions), []

    def _sessions(self, ids):
        """Logged sessions (rules-spec.md section 9): a row each, checked like an import."""
        from pydantic import ValidationError

        from planner.history import au
        from planner.sessionlog import SEPARATE
        from planner.text import validation_problems

        spec = sheet_spec("Sessions")
        self.export_sheet = self._gps_header(spec)
        if self.export_sheet:
            return [], []  # read once the season is known (names, today, max speeds)
        rows = self.r.table(spec) or []
        out, out_rows = [], []
        seen: dict[Session, int] = {}
        alone: list[int] = []  # rows of a match with minutes played alone
        idle: list[int] = []  # rows of 0 minutes and no RPE: days without training
        rest: list[tuple[int, float]] = []  # rows of minutes at RPE 0: said
        for row in rows:
            aid, kept = self.athlete_ref(spec, row, ids)
            day = self.cell(spec, row, "date", to_date)
            session = self._match_alone(spec, row, day)
            if session is False:
                continue
            if session is not None:
                alone.append(row.number)
            minutes, rpe = session or self._minutes_rpe(spec, row, idle)
            fields = {"athlete": aid, "date": day,
                      "minutes": minutes, "rpe": rpe,
                      "top_speed_pct": self.cell(spec, row, "top_pct", partial(
                          to_number, percent_cell="%" in row.formats.get("top_pct", ""))),
                      "top_speed_ms": self._no_percent(spec, row, "top_ms", to_number),
                      "minutes_played": self._no_percent(spec, row, "played", to_minutes),
                      "pain": self._no_percent(spec, row, "pain", _out_of_ten),
                      "note": self.text(spec, row, "note") or ""}
            if not kept or None in (aid, fields["date"], fields["minutes"], fields["rpe"]):
                continue
            if self._session_limits(spec, row, fields):
                continue
            try:
                session = Session(**fields)
            except ValidationError as e:
                for err in e.errors():
                    field = err["loc"][0] if err["loc"] else "minutes"
                    key = SESSION_COLUMN.get(str(field), "minutes")
                    (problem,) = validation_problems([{**err, "loc": ()}])
                    self.note(spec, row, key, problem.removeprefix("(top level): "))
                continue
            if session in seen:  # as `periodize log` reads a repeated row: one session
                self.notes.append(f"{spec.title}, row {row.number} repeats row {seen[session]}: "
                                  f"counted once ({au(session.load):,} AU left out; {SEPARATE})")
                continue
            seen[session] = row.number
            out.append(session)
            out_rows.append(row.number)
            if session.minutes > 0 and session.rpe == 0:
                rest.append((row.number, session.minutes))
        if rest:
            from planner.sessionlog import rpe_zero_note

            said = rpe_zero_note(rest)
            self.notes.append(f"{spec.title}, {said[0].lower()}{said[1:]}")
        if alone:
            from planner.sessionlog import match_alone_note

            self.notes.append(f"{spec.title}, {match_alone_note(alone, self.loads)}")
        if idle:
            from planner.sessionlog import no_training_note

            said = no_training_note(idle)
            self.notes.append(f"{spec.title}, {said[0].lower()}{said[1:]}")
        self._speeds_as_percent(spec, out, out_rows)
        return out, out_rows

    def _same_day(self, sessions: list[Session], rows: list[int], athletes) -> None:
        """The athlete-days the sheet's new sessions give two sessions or more, said in one
        note as a log says them (``sessionlog.same_day_note``): rows with different notes are
        two sessions, both counted, and a copy pasted with another note doubled the day's load
        without a word. The sessions the season imported over holds already are not new."""
        from planner.sessionlog import same_day_note

        have = set(self.known.sessions) if self.known is not None else set()
        days = {(x.athlete, x.date) for x in sessions if x not in have}
        pairs = [(x, r) for x, r in zip(sessions, rows, strict=True) if (x.athlete, x.date) in days]
        labels = {a.id: a.label for a in athletes}
        if said := same_day_note(lambda aid: labels.get(aid, aid), pairs):
            self.notes.append(f"Sessions, {said[0].lower()}{said[1:]}")

    def _no_percent(self, spec: SheetSpec, row: _Row, key: str, convert):
        """A Sessions cell that is no percentage, converted (:func:`_not_percent`)."""
        return self.cell(spec, row, key, _not_percent(convert, key, row.formats.get(key, "")))

    def _minutes_rpe(self, spec: SheetSpec, row: _Row, idle: list[int]):
        """(minutes, RPE) of a Sessions row. 0 minutes and no RPE is a day without training
        (ill, absent), read as 0 minutes at RPE 0 as a log and the app's Log read it, its row
        added to ``idle`` (said in one note); an RPE missing beside other minutes asks for it,
        or for 0 and 0, in a log's words (it asked for "session RPE, 0-10 (CR-10)" alone, a
        missed session written as the docs say refused)."""
        from planner.sessionlog import MISSING_FIX

        minutes = self._no_percent(spec, row, "minutes", _session_minutes)
        if row.values.get("rpe") is not None or "rpe" in row.errors:
            return minutes, self._no_percent(spec, row, "rpe", _out_of_ten)
        if minutes == 0:
            idle.append(row.number)
            return minutes, 0.0
        self.note(spec, row, "rpe", f"is empty; {MISSING_FIX['rpe']}")
        return minutes, None

    def _match_alone(self, spec: SheetSpec, row: _Row, day: dt.date | None):
        """(minutes, RPE) of a row with Minutes played and neither Minutes nor RPE, as the Log
        panel reads ``m90`` alone (``sessionlog.match_alone``); None for any other row; False
        when such a row is refused (0 minutes played: no match session to log; a day no
        competition is on, ``day`` the row's date, when it and the Competitions sheet read)."""
        from planner.sessionlog import NO_MATCH_DAY, Refusal, match_alone

        if any(key in row.errors or row.values.get(key) is not None for key in ("minutes", "rpe")):
            return None
        if row.values.get("played") is None or "played" in row.errors:
            return None
        try:
            played = to_minutes(row.values["played"])
        except Bad:
            return None  # said by the Minutes played cell itself
        got = match_alone(played, self.loads, day if isinstance(day, dt.date) else None,
                          None if self.comps_unread else self.comp_days)
        if isinstance(got, Refusal) and got.kind == NO_MATCH_DAY:  # the row: the fix is in another column
            self.p.add(spec.title, row.number, f"{spec.title}, row {row.number}: {got.words}")
            return False
        if isinstance(got, Refusal):
            self.note(spec, row, "played", got.words)
            return False
        return got

    def _speeds_as_percent(self, spec: SheetSpec, sessions: list, rows: list) -> None:
        """A 'Top speed %' column of speeds (31.5 km/h typed in): said, as a log's is."""
        from planner.sessionlog import LOW_PCT, speeds_in_pct

        got = speeds_in_pct((r, x.top_speed_pct) for x, r in zip(sessions, rows, strict=True))
        if got is None:
            return
        at, top, unit = got
        self.notes.append(f"{spec.title}, Top speed %: no value above {LOW_PCT} % (the highest, "
                          f"row {at}, is {top:g}): no session reached a speed day. If the column "
                          f"holds speeds in {unit}, not % of the athlete's max, move them to the "
                          f"'Top speed m/s' column{' (divided by 3.6)' if unit == 'km/h' else ''}")

    def _session_limits(self, spec: SheetSpec, row: _Row, fields: dict) -> bool:
        """Note each number outside its range (sessionlog.LIMITS), minutes that read as hours
        (a number; a time cell or clock says its unit), and minutes played above the session's
        minutes; True when there was one."""
        from planner.sessionlog import hours_problem, limit_problem, played_problem

        bad = False
        for name, key in SESSION_COLUMN.items():
            value = fields.get(name)
            if isinstance(value, int | float) and (problem := limit_problem(key, value)):
                self.note(spec, row, key, problem)
                bad = True
        top = any((fields[k] or 0) > 0 for k in ("top_speed_pct", "top_speed_ms"))
        if not bad and ":" not in str(row.values.get("minutes")) and (
                problem := hours_problem(fields["minutes"], fields["rpe"], top,
                                         played=fields["minutes_played"])):
            self.note(spec, row, "minutes", problem)
            bad = True
        if not bad and (problem := played_problem(fields["minutes"], fields["minutes_played"])):
            self.note(spec, row, "played", problem)
            bad = True
        return bad

    # -- document-wide checks, located ---------------------------------------------------------------
    def _document_problems(self, season: Season, where: dict) -> None:
        """Each problem of :func:`season_problems` on the sheet, row and column it came from
        (unless that row already has a problem of its own)."""
        # everything in a workbook is entered now: a test or session after today is refused, and
        # a competition longer than a week (a season file holding one opens with a note)
        blank = season.model_copy(update={"injuries": [], "sessions": []})
        problems = season_problems(season) + long_event_problems(season)
        if not self.today_refused:  # checked against today, once Today can be read
            # a stage outlasted by a Today moved into the season reads as the season file reads
            # it (its maximum counted again from today), said at its row: a season's own
            # workbook reads back; at the season's start it is refused, as solve and check do
            moved = today_moved_in(season)
            overdue = [p for p in overdue_problems(season, kept=moved)
                       if not self._known_record(season, p)]
            problems += entry_problems(blank, season) + ([] if moved else overdue)
            if moved:
                self._say_located(overdue, where)
        for text in problems:
            m, place = self._located(text, where)
            if place is None:
                self.p.add(SEASON_SHEET, 0, text, 99)
                continue
            sheet, row, key = place
            if (sheet, row) in self.p.flagged:
                continue
            if key is None:
                self.p.add(sheet, row, f"{sheet}, row {row}: {m['msg']}")
            else:
                spec = sheet_spec(sheet)
                column = spec.column(key)
                self.p.cell(sheet, row, column, spec.columns.index(column) + 1, m["msg"])
        self._fold_outside(season, where)
        self._fold_after_today(season, where)

    def _fold_after_today(self, season: Season, where: dict) -> None:
        """The Sessions rows dated after Today, said in one line with the Today that takes
        them: the week logged before today was moved on (the usual weekly case) gave one line
        a row, 270 of them, and the workbook's other problems were cut off below them."""
        from planner.validate import SESSION_NOT_YET, now_words

        order = SHEET_ORDER.index("Sessions")
        late = [x for x in self.p.items if x.sheet == order and SESSION_NOT_YET in x.text]
        if not late:
            return
        rows = {x.row for x in late}
        days = sorted(x.date for x, n in zip(season.sessions, where["sessions"][1], strict=True)
                      if n in rows)
        after = days[-1] + dt.timedelta(days=1)
        listed = _rows_list_text([("Sessions", n) for n in sorted(rows)]).removeprefix("Sessions ")
        self.p.items = [x for x in self.p.items if x not in late]
        cal = season.calendar
        whose = ", the Season sheet's Today" if cal.today and cal.today >= cal.start else ""
        what = (f"{listed}, Date: {span(days[0], days[0])} is" if len(rows) == 1 else
                f"{listed} ({len(rows)} rows, {span(days[0], days[-1])}):")
        self.p.add("Sessions", min(rows), f"Sessions, {what} after {now_words(season)}{whose}; "
                   f"a session is logged once it happened: set Today to {day_long(after)} "
                   + ("(the day after the last) or later to import them" if len(rows) > 1 else
                      "(the day after it) or later to import it"))

    # the sheets of dated rows the season refuses outside it (Unavailable: those wholly outside)
    DATED = ("competitions", "calendar.non_training_days", "blocks", "unavailability")

    def _fold_outside(self, season: Season, where: dict) -> None:
        """Half or more of the dated rows (at least 5) outside the season: one wrong Start or
        End cell is likelier than rows typed wrong (End typed as Start gave 56 problems, each
        row "outside the season", the End row never named). Said first at that Season row
        (End when more rows fall after the season than before it), the rows folded after it."""
        outside = [x for x in self.p.items if " is outside the season (" in x.text
                   and SHEET_ORDER[x.sheet] != SEASON_SHEET]
        rows = {(SHEET_ORDER[x.sheet], x.row) for x in outside}
        dated = rows | {(where[k][0], n) for k in self.DATED if k in where for n in where[k][1]}
        if len(rows) < 5 or 2 * len(rows) < len(dated):
            return
        cal = season.calendar
        spans = ([(c.date, c.last) for c in season.competitions]
                 + [(d.date, d.date) for d in cal.non_training_days]
                 + [(b.start, b.end) for b in season.blocks])
        late = sum(1 for a, _ in spans if a > cal.end) >= sum(1 for _, b in spans if b < cal.start)
        key, label, day = ("end", "End", cal.end) if late else ("start", "Start", cal.start)
        row = self.cal_rows[key]
        first = min(outside).text
        self.p.items = [x for x in self.p.items if x not in outside]
        self.p.add(SEASON_SHEET, row, f"{SEASON_SHEET}, row {row} ({label}): {day_long(day)} "
                   f"leaves {len(rows)} dated rows outside the season; is {label} right?")
        self.p.add(SEASON_SHEET, row, f"… and {plural(len(rows), 'row')} outside the season "
                   f"({_rows_text(sorted(rows, key=lambda r: (SHEET_ORDER.index(r[0]), r[1])))})"
                   f", the first: {first}", 1)

    def _located(self, text: str, where: dict):
        """A season problem or note (``path (label): message``) and its place on the sheets
        (:meth:`_place`; None when it has none)."""
        m = _SEASON_PATH.match(text)
        try:
            place = None if m is None else self._place(m["coll"], int(m["i"]), m["path"], where)
        except IndexError:  # a path the form does not hold: reported as it is
            place = None
        return m, place

    def _season_notes(self, season: Season, where: dict) -> None:
        """What the season holds that a coach should hear of (a competition on a day off, two
        competitions on one day), said at its sheet, row and column."""
        rows = where["competitions"][1] if "competitions" in where else None
        shared = shared_day_notes(season, None if rows is None else lambda i: rows[i])
        self._say_located(season_notes(season) + shared, where)

    def _say_located(self, texts: list[str], where: dict) -> None:
        """Season notes (``path: message``) said at their sheet, row and column."""
        for text in texts:
            m, place = self._located(text, where)
            if place is None:
                self.notes.append(text)
                continue
            sheet, row, key = place
            column = f", {sheet_spec(sheet).column(key).header}" if key is not None else ""
            self.notes.append(f"{sheet}, row {row}{column}: {m['msg']}")

    def _known_record(self, season: Season, problem: str) -> bool:
        """Whether an overdue ``problem`` (``injuries[i]...``) is about an injury the season
        imported over holds as it is (athlete, protocol, onset and stage records): that season
        kept it with today moved past a projected change that did not happen (rules-spec.md
        section 9), and its own workbook brings it back."""
        m = re.match(r"injuries\[(\d+)\]", problem)
        if self.known is None or m is None:
            return False
        inj = season.injuries[int(m[1])]
        return any((k.athlete, k.protocol, k.onset, k.stages) ==
                   (inj.athlete, inj.protocol, inj.onset, inj.stages) for k in self.known.injuries)

    def _place(self, coll: str, i: int, path: str, where: dict):
        """(sheet, row, column key or None) of a season path such as ``injuries[2].stages[1].start``;
        None when it does not come from a sheet."""
        if coll == "injuries":
            return self._injury_place(self.record_rows[i], path)
        if coll not in where:
            return None
        sheet, rows = where[coll]
        return sheet, rows[i], FIELD_COLUMN.get((coll, re.sub(r"\[\d+\]", "", path)))

    @staticmethod
    def _injury_place(rec: RecordRows, path: str):
        part = re.match(r"\.(stages|flare_ups|tests)\[(\d+)\](.*)$", path)
        if part is None:
            return "Injuries", rec.anchor, FIELD_COLUMN.get(("injuries", path))
        kind, j, rest = part[1], int(part[2]), part[3]
        if kind == "stages":
            sheet, row = rec.stages[j]
        elif kind == "flare_ups":
            sheet, row = "Flare-ups", rec.flare_ups[j]
        else:
            sheet, row = "Tests", rec.tests[j]
        return sheet, row, RECORD_COLUMN.get((sheet, rest))


_SEASON_PATH = re.compile(r"^(?P<coll>[a-z_]+(?:\.[a-z_]+)?)\[(?P<i>\d+)\](?P<path>[\w.\[\]]*)"
                          r"(?: \(.*?\))?: (?P<msg>.*)$", re.S)  # injuries[2].onset: ...


def _seems(key: str, heads: set[str], absent: dict[str, str]) -> str | None:
    """The form's sheet (of ``absent``: normalised title -> title) that a sheet named ``key``
    (normalised) with the header ``heads`` (normalised) seems to be: the one whose required
    columns it has (the most of its columns), else a close name; None when none fits."""
    best, most = None, 0
    for spec in SHEETS:
        if norm(spec.title) not in absent:
            continue
        own = {norm(c.header) for c in spec.columns}
        if all(norm(c.header) in heads for c in spec.columns if c.required) and len(own & heads) > most:
            best, most = spec.title, len(own & heads)
    if best is None and norm(SEASON_SHEET) in absent and {"key", "value"} <= heads:
        best = SEASON_SHEET
    if best is None:
        near = difflib.get_close_matches(key, list(absent), n=1, cutoff=0.7)
        best = absent[near[0]] if near else None
    return best


def _seems_named(head_text: str, column: Column, close: float = 0.6) -> bool:
    """Whether a header not read seems to be ``column`` under another name: its words among the
    header's ("Default role" for Role), the header its first word(s) ("Target" for Target
    competition), or a spelling at least ``close`` to it (difflib's ratio: "Postion" 0.93,
    "Posn" 0.67)."""
    own = norm(column.header)
    head = " ".join(re.sub(r"[^\w ]", " ", norm(head_text)).split())
    words = head.split()
    return (set(own.split()) <= set(words) or (len(head) >= 3 and f"{own} ".startswith(f"{head} "))
            or difflib.SequenceMatcher(None, head, own).ratio() >= close)


# a header spelt this close to a column's (or naming it with more words) is that column: its
# values are refused, not dropped; a looser likeness ("Posn") is said in the note of columns not
# read, since a column of the coach's own ("Location", "Side") must not stop an import
TYPO_RATIO = 0.8


def _seems_column(spec: SheetSpec, where: dict[str, int], text: str) -> Column | None:
    """The form's column the sheet lacks that a header not read is, misspelt or under a name
    of :data:`~planner.coachform.spec.NEAR_NAMES`, or None."""
    key = NEAR_NAMES.get(spec.title, {}).get(norm(re.sub(r"[()\[\]]", " ", text)))
    return next((c for c in spec.columns if c.key not in where and (
        c.key == key or _seems_named(text, c, TYPO_RATIO))), None)


def _unread_cost(spec: SheetSpec, where: dict[str, int], heads: list[tuple[str, str]]) -> str:
    """What the sheet loses when a column not read is one of its own under another name
    ("Posn" for "Position"): the sentence to add to the note, or ""."""
    out = ""
    for c in spec.columns:
        if c.key in where:
            continue
        for letter, text in heads:
            if _seems_named(text, c):
                what = LOST.get((spec.title, c.key), f"its {c.header.lower()} values are not read")
                out += (f"; if column {letter} is the {c.header!r} column: without it, {what}; "
                        f"head it {c.header!r}")
                break
    return out


def _rows_text(refs: list[tuple[str, int]]) -> str:
    """``Injuries rows 2, 5 and Roles rows 3–8``: rows by sheet, runs as ranges."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, n in refs:
        by_sheet.setdefault(sheet, []).append(n)
    parts = []
    for sheet, ns in by_sheet.items():
        ns = sorted(set(ns))
        runs: list[list[int]] = []
        for n in ns:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        shown = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
        parts.append(f"{sheet} row{'s' if len(ns) > 1 else ''} {', '.join(shown)}")
    return join_and(parts)


def _rows_list_text(refs: list[tuple[str, int]], runs_shown: int = 6) -> str:
    """``Sessions rows 4–9 and 12, Injuries rows 2 and 3``: rows by sheet (in ``refs``' order),
    runs of three or more as ranges, at most ``runs_shown`` a sheet (``… and 40 more``)."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, n in refs:
        by_sheet.setdefault(sheet, []).append(n)
    parts = []
    for sheet, ns in by_sheet.items():
        runs: list[list[int]] = []
        for n in sorted(set(ns)):
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        runs = [p for r in runs for p in ([r] if len(r) > 2 else [[n] for n in r])]
        shown = [f"{r[0]}–{r[-1]}" if len(r) > 2 else str(r[0]) for r in runs[:runs_shown]]
        if len(runs) > runs_shown:
            shown.append(f"{sum(len(r) for r in runs[runs_shown:])} more")
        parts.append(f"{sheet} row{'s' if len(ns) > 1 else ''} {join_and(shown)}")
    return join_and(parts)


def _written_ids(rows) -> list[str]:
    """The IDs the rows write, read as their ID cells are (:func:`coachform.cells.to_text`: a
    registration number 2027001 as ``2027001``, a shirt number 7 as ``7``); a cell that is no ID
    (a date, yes/no) is refused at its own row."""
    out = []
    for row in rows:
        if (value := row.values.get("id")) is None:
            continue
        try:
            out.append(to_text(value, "id"))
        except Bad:
            continue
    return out


def _ids_text(ids: list[str]) -> str:
    """``A07–A16``: IDs in order, a run of numbers that follow each other as a range."""
    runs: list[list[str]] = []
    for aid in ids:
        m = re.fullmatch(r"(\D*)(\d+)", aid)
        prev = runs and re.fullmatch(r"(\D*)(\d+)", runs[-1][-1])
        if m and prev and (m[1], len(m[2])) == (prev[1], len(prev[2])) and int(m[2]) == int(prev[2]) + 1:
            runs[-1].append(aid)
        else:
            runs.append([aid])
    return join_and([f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(r) for r in runs])


def _free_id(place: int, taken: set[str]) -> str:
    """The id of a Competitions row without an ID: ``c`` and the row's place (``c007``), or the
    next such number no ID of the sheet takes."""
    n = place
    while row_id(n) in taken:
        n += 1
    return row_id(n)


def _known_ids(rows: list[tuple], known: list[Competition]) -> dict[int, str]:
    """Competitions rows without an ID (place, date, name, priority) -> the id of the competition
    of the season imported over each is: the one of its name and date, else of its series (the
    name without its number: 'Bezirksliga 18', 'Bezirksliga 22') and date, else of its name,
    else of its date and priority, each only when one competition left and one row fit. A
    league renumbered in the sheet (1 to 21, where deleted matches left 1, 6, 7 …) keeps each
    match's id on its day, renamed; by name first, 'Bezirksliga 6' of 17 Jan moved to the 6th
    row's day and the last four matches read as removed though their days were still there."""
    out: dict[int, str] = {}
    keys = (lambda date, name, prio: (date, norm_name(name or "")),
            lambda date, name, prio: (date, series_name(name or "")),
            lambda date, name, prio: norm_name(name or ""),
            lambda date, name, prio: (date, prio))
    for key in keys:
        left = [c for c in known if c.id not in out.values()]
        olds = Counter(key(c.date, c.name, c.priority) for c in left)
        news = Counter(key(*r[1:]) for r in rows if r[0] not in out)
        for k, *values in rows:
            wanted = key(*values)
            if k not in out and olds[wanted] == 1 and news[wanted] == 1 and None not in values:
                out[k] = next(c.id for c in left if key(c.date, c.name, c.priority) == wanted)
    return out


def norm_name(text: str) -> str:
    """A competition's name as matched: case and surrounding spaces ignored."""
    return text.strip().casefold()


def series_name(text: str) -> str:
    """The series a competition's name numbers a match of (``Bezirksliga 18`` -> ``bezirksliga``,
    ``Round 3`` -> ``round``); a name without a number at its end is its own series."""
    return re.sub(r"\s*#?\d+\s*$", "", norm_name(text)) or norm_name(text)


def _dated_name(text: str) -> tuple[str, dt.date] | None:
    """``'Cup (2027-01-09)'`` -> ('Cup', 2027-01-09); None for text of another form."""
    m = re.fullmatch(r"(.*?)\s*\((\d{4}-\d{2}-\d{2})\)", text.strip())
    if m is None:
        return None
    try:
        return m[1], dt.date.fromisoformat(m[2])
    except ValueError:
        return None


def _competition_hits(text: str, comp_names) -> list:
    """The Competitions rows a name refers to: by name, else by ``name (YYYY-MM-DD)``."""
    hits = [c for c in comp_names if norm_name(c[0]) == norm_name(text)]
    dated = _dated_name(text)
    if hits or dated is None:
        return hits
    return [c for c in comp_names if norm_name(c[0]) == norm_name(dated[0]) and c[3] == dated[1]]


def _season_value(key: str, value: object, typed: TextDates | None = None, row: int = 0):
    """A Season key's value converted (Bad with the fix when it cannot be); ``typed``: the
    sheet's dates typed as text, read together (the one of ``row``, if any)."""
    if typed is not None and row in typed.problems:
        raise Bad(typed.problems[row])
    if typed is not None and row in typed.days:
        return typed.days[row]
    if key == "name":
        text = to_text(value, "name")
        if len(text) > 200:
            raise Bad(f"is {len(text)} characters long; at most 200 are allowed, shorten it")
        if problem := control_problem(text):
            raise Bad(problem)
        return text
    if key in ("start", "end", "today"):
        return to_date(value)
    if key == "starter_minutes":
        return _starter_minutes(value)
    if key == "week_start":
        return parse_weekday(to_text(value, "weekday"))
    return parse_training_days(value)


def _starter_minutes(value: object) -> int:
    """The Season sheet's Starter minutes: a whole number of minutes in File ▸ New's range for
    "A starter plays" (10 to LD-1 minutes_start's maximum); ``2 x 40`` is 80."""
    from planner.rules import RULES

    high = int(RULES["LD-1"].param("minutes_start").max)
    fix = f"write the minutes a starter plays in a match, from {STARTER_MINUTES_MIN} to {high}, e.g. 80"
    if problem := percent_problem(value, fix):  # "85%" was read as 85 minutes without a word
        raise Bad(problem)
    if isinstance(value, str) and (m := re.fullmatch(r"\s*(\d+)\s*[x×*]\s*(\d+)\s*(?:min)?\s*",
                                                     value, re.IGNORECASE)):
        value = int(m[1]) * int(m[2])
    elif isinstance(value, str):
        value = value.strip().removesuffix("min").removesuffix("minutes").strip() or value
    minutes = to_minutes(value, example="80")
    if minutes != int(minutes):
        raise Bad(f"{_describe_value(value)} is not a whole number of minutes; {fix}")
    if not STARTER_MINUTES_MIN <= minutes <= high:
        raise Bad(f"{minutes:g} is outside {STARTER_MINUTES_MIN}-{high}; {fix}")
    return int(minutes)


def _not_percent(convert, key: str, fmt: str = ""):
    """``convert`` of a Sessions cell that is no percentage: a "%" typed in it ("85%" for an RPE)
    is refused as typed, in a log's words (it read as 85, "85 is outside 0-10"); so is a number
    in a cell formatted as a percentage (``fmt``, the cell's number format): Excel stores the
    "85%" a coach types there as 0.85, which read as an RPE of 0.85 without a word."""
    from planner.sessionlog import LIMITS

    lo, hi, what = LIMITS[key]
    fix = f"write {what} ({lo:g}-{hi:g})"

    def read(value):
        if problem := percent_problem(value, fix):
            raise Bad(problem)
        if "%" in fmt and isinstance(value, int | float) and not isinstance(value, bool):
            raise Bad(f"shows {value * 100:g} %, a percentage (the cell is formatted as one); "
                      f"{fix} in a cell formatted as a number")
        return convert(value)
    return read


def _fill_hint(column: Column) -> str:
    return f"write {column.help}" if column.help else "fill it in"
