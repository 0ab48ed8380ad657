"""Excel export of a plan: a workbook a coach can filter, print and hand to the staff.

Only the export path imports this module, so it imports openpyxl at the top; nothing in
``planner/__init__`` imports it.

Sheets, in order:

- **Cover**: the season, the plan's status, objective and bound, the export date, the soft rules
  the plan could not meet, an index of the sheets and the legend (stage colours, week kinds,
  intensity levels, MD labels).
- **Team**: athletes as rows in the squad's display order (:func:`planner.squad.display_order`,
  as on the board and in the PDF), season weeks as columns. Above the athletes a row of the
  week's competitions and a row of the team's week kind. Each athlete-week cell holds the number
  of HV exposures (intensity >= 90, matches included); its fill is the athlete's week kind and a
  thick left edge shows the stage on the week's first day; a conditional format marks weeks
  without any HV exposure. A legend sits below the table.
- **Calendar**: the season's days as rows, athletes as columns: the planned intensity (blank
  for 0), rehab stages as a tint, HV exposures bold, unavailable days hatched.
- **Rules**: every rule with this season's mode and values, default, range, unit, evidence and
  citation keys, then the references.
- **One sheet per athlete**: a row per season day with date, weekday, MD label, stage,
  intensity, week kind, availability, the day's competitions and *why* the day is planned so
  (the hard rules that bound it and the soft rules it serves, from :mod:`planner.why`), and a
  native bar chart of the athlete's speed days per week.
- **Speed days**: speed days (>= 80 %) per athlete and week, the data of those charts.

Every table has a filter, a frozen header and a print setup (landscape, fit to width, the
header repeated on each page). Every piece of coach-entered text goes through
:func:`planner.xlsx_cells.write_text`, so that a name such as ``=1+1`` or ``#N/A`` stays text
(design.md section 7). Sheet titles come from :func:`planner.xlsx_cells.safe_sheet_title`.

With ``anonymise=True`` the workbook can leave the medical staff: the season and plan are
anonymised by :mod:`planner.anonymise` (athlete IDs replace names in cells, sheet titles and
headers, no reason for an absence), and no diagnosis, protocol or stage content is written
(stage codes P1..S3 stay).

Speed: :func:`build_workbook` makes ordinary openpyxl cells (handy for tests and callers that
edit the workbook), but openpyxl spends ~10 microseconds per cell, too slow for 40 athletes x
364 days. :func:`export_workbook` therefore writes the large sheets (Calendar, athletes, Speed
days) itself: the same rows and styles (one row builder feeds both), serialised straight into
the sheet XML of a workbook openpyxl saved with those sheets empty. ``python -m bench.export``
measures it. The file is saved atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from copy import copy
from dataclasses import dataclass, field

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from planner.anonymise import anonymised, name_pairs, scrub
from planner.citations import CITATIONS
from planner.errors import InputError, SaveError
from planner.rules import EVIDENCE, RULES, RuleSet
from planner.season import FIT, HV_LEVEL, INJ, REHAB_STAGES, SPEED_DAY, Plan, Season
from planner.seasonfile import atomic_write
from planner.squad import display_order
from planner.text import span
from planner.timeline import Timeline
from planner.why import Explainer
from planner.xlsx_cells import CONTROL, clean_text, needs_quote, safe_sheet_title, write_text

__all__ = ["build_workbook", "export_workbook", "workbook_bytes"]

COVER_SHEET = "Cover"
TEAM_SHEET = "Team"
CALENDAR_SHEET = "Calendar"
RULES_SHEET = "Rules"
SPEED_SHEET = "Speed days"
SUMMARY_SHEETS = (COVER_SHEET, TEAM_SHEET, CALENDAR_SHEET, RULES_SHEET)  # before the athletes

# Week-kind fills (load: no fill) and stage colours (FIT: no marker). RGB hex.
KIND_FILL = {"deload": "CFE2F3", "taper": "FFE0A3"}
STAGE_COLOUR = {
    INJ: "595959",  # dark grey
    "P1": "D32F2F",  # red
    "P2": "F57C00",  # orange
    "P3": "F2C200",  # yellow (dark enough to see as an edge)
    "S1": "9CCC65",  # light green
    "S2": "388E3C",  # green
    "S3": "00897B",  # teal
}
STAGE_TINT = {  # light versions for the Calendar grid (the board's colours)
    INJ: "BDBDBD", "P1": "F2A0A0", "P2": "F7C38A", "P3": "F3DF74", "S1": "CFEAB8", "S2": "97CF87",
    "S3": "86CDC4",
}
STAGE_ORDER = (INJ, *REHAB_STAGES, FIT)
STAGE_TEXT_WHITE = {INJ, "P1", "S2", "S3"}  # stages whose fill needs white text
STAGE_MEANING = {
    INJ: "injured, no stage recorded yet: no running",
    "P1": "rehab stage 1", "P2": "rehab stage 2", "P3": "rehab stage 3",
    "S1": "return to sport 1", "S2": "return to sport 2", "S3": "return to sport 3",
    FIT: "full training and competition",
}
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NO_HV_FONT = "C62828"  # conditional format: a week without any HV exposure

ATHLETE_HEADERS = (
    "Date", "Weekday", "MD", "Stage", "Intensity (% max speed)", "Week kind", "Available",
    "Competition", "Why",
)
ATHLETE_WIDTHS = (13, 9, 8, 7, 12, 10, 10, 30, 80)
CALENDAR_FIXED = ("Date", "Weekday", "MD", "Team week", "Competition")
CALENDAR_WIDTHS = (13, 9, 7, 9, 24)
RULES_HEADERS = ("Rule", "Title", "Mode", "Parameter", "Value", "Default", "Range", "Unit",
                 "Parameter meaning", "Evidence", "Citations", "What the rule says")
RULES_WIDTHS = (8, 24, 6, 20, 7, 8, 9, 10, 30, 13, 22, 60)
RULES_WRAPPED = (2, 3, 4, 7, 8, 9, 10, 11, 12)  # columns whose text wraps (top-aligned)

TEAM_FIRST_ROW = 5  # row 1 title, 2 header, 3 competitions, 4 team week, then athletes
TEAM_FIXED_COLS = 3  # ID, Name, Position

_STATUS_TEXT = {
    "optimal": "optimal (the best plan under the rules)",
    "feasible": "feasible (a valid plan; the solver stopped before proving it the best)",
    "manual": "edited by hand",
    "timeout": "the best plan found within the time limit",
    "cancelled": "the best plan found before the solve was cancelled",
}


def _quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _header_text(text: str) -> str:
    """Text for a print header/footer: ``&`` starts a code there, so double it."""
    return CONTROL.sub(" ", text).replace("&", "&&")[:120]


# ---------------------------------------------------------------------------------------------
# Styles: created once per workbook and reused (design: no style objects in hot loops)
# ---------------------------------------------------------------------------------------------
class _Styles:
    """Named styles registered on first use; cells then take a style by name (cheap)."""

    def __init__(self, wb: openpyxl.Workbook):
        self.wb = wb
        self._named: dict[str, NamedStyle] = {}
        thin = Side(style="thin", color="BFBFBF")
        self.grid = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.center = Alignment(horizontal="center", vertical="center")
        self.fills = {k: PatternFill("solid", start_color=c, end_color=c) for k, c in KIND_FILL.items()}
        self.stage_fills = {
            s: PatternFill("solid", start_color=c, end_color=c) for s, c in STAGE_COLOUR.items()
        }
        self.edges = {
            s: Border(left=Side(style="thick", color=c), right=thin, top=thin, bottom=thin)
            for s, c in STAGE_COLOUR.items()
        }
        self.font = Font(name="Calibri", size=11)
        self.bold = Font(name="Calibri", size=11, bold=True)
        self.white = Font(name="Calibri", size=11, color="FFFFFF")

    def _add(self, name: str, **kw) -> str:
        if name not in self._named:
            kw.setdefault("font", self.font)
            style = NamedStyle(name=name, **kw)
            self.wb.add_named_style(style)
            self._named[name] = style
        return name

    def array(self, name: str | None) -> StyleArray | None:
        """The style array of a registered named style: a new Cell copies it (cheap)."""
        return None if name is None else self._named[name].as_tuple()

    # Team sheet ---------------------------------------------------------------------------
    def team_cell(self, kind: str | None, stage: str | None) -> str:
        """An athlete-week cell: fill by week kind, thick left edge in the stage colour."""
        kind_key = kind if kind in self.fills else "load"
        stage_key = stage if stage in self.edges else FIT
        kw = {"alignment": self.center, "border": self.edges.get(stage_key, self.grid)}
        if kind_key in self.fills:
            kw["fill"] = self.fills[kind_key]
        return self._add(f"Periodize week {kind_key} {stage_key}", **kw)

    def team_kind(self, kind: str) -> str:
        kw = {"alignment": self.center, "border": self.grid}
        if kind in self.fills:
            kw["fill"] = self.fills[kind]
        return self._add(f"Periodize team week {kind}", **kw)

    def header(self) -> str:
        return self._add(
            "Periodize header", font=self.bold, border=self.grid,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            fill=PatternFill("solid", start_color="EDEDED", end_color="EDEDED"),
        )

    def week_header(self) -> str:
        return self._add(
            "Periodize week header", font=self.bold, border=self.grid, number_format="dd mmm",
            alignment=Alignment(horizontal="center", vertical="center"),
            fill=PatternFill("solid", start_color="EDEDED", end_color="EDEDED"),
        )

    def comp_cell(self) -> str:
        return self._add(
            "Periodize competitions", font=Font(name="Calibri", size=8), border=self.grid,
            alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
        )

    def row_label(self) -> str:
        return self._add("Periodize row label", font=self.bold,
                         alignment=Alignment(vertical="top"))

    def text(self) -> str:
        return self._add("Periodize text", border=self.grid,
                         alignment=Alignment(vertical="center"))

    # Athlete sheets -----------------------------------------------------------------------
    def date(self) -> str:
        return self._add("Periodize date", number_format="dd mmm yyyy")

    def stage(self, stage: str) -> str:
        if stage not in self.stage_fills:  # FIT: no colour
            return self._add("Periodize stage FIT", alignment=self.center)
        font = self.white if stage in STAGE_TEXT_WHITE else self.font
        return self._add(f"Periodize stage {stage}", fill=self.stage_fills[stage], font=font,
                         alignment=self.center)

    def kind(self, kind: str) -> str | None:
        if kind not in self.fills:
            return None
        return self._add(f"Periodize kind {kind}", fill=self.fills[kind])

    def number(self) -> str:
        return self._add("Periodize number", alignment=self.center)

    def number_top(self) -> str:
        return self._add("Periodize number top", alignment=Alignment(horizontal="center",
                                                                        vertical="top"))

    def match(self) -> str:
        return self._add("Periodize match", font=self.bold)

    def why(self) -> str:
        return self._add("Periodize why", font=Font(name="Calibri", size=10, color="404040"),
                         alignment=Alignment(vertical="center"))

    def header_rotated(self) -> str:
        return self._add(
            "Periodize header rotated", font=self.bold, border=self.grid,
            alignment=Alignment(horizontal="center", vertical="bottom", text_rotation=90),
            fill=PatternFill("solid", start_color="EDEDED", end_color="EDEDED"),
        )

    def label(self) -> str:
        return self._add("Periodize label", font=self.bold, alignment=Alignment(vertical="top"))

    def wrap(self) -> str:
        return self._add("Periodize wrap", alignment=Alignment(vertical="top", wrap_text=True))

    def note(self) -> str:
        return self._add("Periodize note", font=Font(name="Calibri", size=9, italic=True,
                                                     color="595959"))

    def link(self) -> str:
        return self._add("Periodize link", font=Font(name="Calibri", size=11, color="0563C1",
                                                     underline="single"))

    # Calendar ------------------------------------------------------------------------------
    def cal(self, stage: str | None, level: int | None, off: bool) -> str:
        """A Calendar cell: the stage as a tint, HV bold dark blue, speed blue, zero blank."""
        stage_key = stage if stage in STAGE_TINT else FIT
        if level is None:
            band = "none"
        elif level >= HV_LEVEL:
            band = "hv"
        elif level >= SPEED_DAY:
            band = "speed"
        else:
            band = "low"
        name = f"Periodize cal {stage_key} {band}{' off' if off else ''}"
        if name in self._named:
            return name
        colour = {"hv": "0B1A3A", "speed": "325F97", "low": "7F7F7F", "none": "7F7F7F"}[band]
        kw = {"font": Font(name="Calibri", size=10, bold=band == "hv", color=colour),
              "alignment": self.center, "number_format": '0;-0;;@'}
        if off:
            kw["fill"] = PatternFill("lightUp", start_color="A6A6A6", end_color="FFFFFF")
        elif stage_key in STAGE_TINT:
            tint = STAGE_TINT[stage_key]
            kw["fill"] = PatternFill("solid", start_color=tint, end_color=tint)
        return self._add(name, **kw)

    def cal_date(self) -> str:
        return self._add("Periodize cal date", number_format="dd mmm yyyy")


# ---------------------------------------------------------------------------------------------
# Checks and order
# ---------------------------------------------------------------------------------------------
def _check_plan(season: Season, plan: Plan, tl: Timeline) -> None:
    problems = []
    nw = len(tl.weeks)
    if len(plan.team_weeks) != nw:
        problems.append(
            f"the plan has {len(plan.team_weeks)} team weeks but the season has {nw}"
        )
    for ap in plan.athletes:
        if season.athlete(ap.athlete) is None:
            continue
        if len(ap.stages) != tl.n or len(ap.intensity) != tl.n:
            days = len(ap.stages) if len(ap.stages) != tl.n else len(ap.intensity)
            problems.append(
                f"athlete {ap.athlete}: the plan has {days} days but the season has {tl.n}"
            )
        if len(ap.weeks) != nw:
            problems.append(
                f"athlete {ap.athlete}: the plan has {len(ap.weeks)} weeks but the season has {nw}"
            )
    if problems:
        problems[-1] += "; the plan no longer fits the season: solve again, then export"
        raise InputError("Excel export", problems)


def _week_competitions(tl: Timeline, w: int) -> list:
    seen: dict[str, object] = {}
    for i in tl.weeks[w].days:
        for c in tl.comp_on[i]:
            seen.setdefault(c.id, c)
    return sorted(seen.values(), key=lambda c: (c.date, c.name))


# ---------------------------------------------------------------------------------------------
# Building the workbook
# ---------------------------------------------------------------------------------------------
@dataclass
class _Rows:
    """A sheet's cells as rows; the same rows become openpyxl cells or sheet XML. A cell is None,
    a value, or (value, style name)."""

    rows: list[list] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)


@dataclass
class _Ctx:
    season: Season  # anonymised when asked
    plan: Plan
    tl: Timeline
    st: _Styles
    athletes: list
    titles: dict[str, str]
    anonymise: bool
    exported_at: dt.datetime
    fast: bool
    names: list[tuple[str, str]] = field(default_factory=list)  # anonymised: scrub these names
    deferred: dict[str, _Rows] = field(default_factory=dict)  # sheet title -> rows (fast path)


def build_workbook(season: Season, plan: Plan, *, anonymise: bool = False,
                   exported_at: dt.datetime | None = None) -> openpyxl.Workbook:
    """The export workbook in memory, every cell an ordinary openpyxl cell."""
    return _build(season, plan, anonymise=anonymise, exported_at=exported_at, fast=False)[0]


def _build(season: Season, plan: Plan, *, anonymise: bool, exported_at: dt.datetime | None,
           fast: bool) -> tuple[openpyxl.Workbook, _Ctx]:
    tl = Timeline(season)
    _check_plan(season, plan, tl)
    if anonymise:
        season, plan = anonymised(season, plan)
    wb = openpyxl.Workbook()
    styles = _Styles(wb)
    wb.properties.creator = "Periodize"
    wb.properties.title = CONTROL.sub(" ", season.name)[:200]
    athletes = display_order(season, plan)
    taken = {t.lower() for t in SUMMARY_SHEETS + (SPEED_SHEET,)}
    titles = {a.id: safe_sheet_title(a.id if anonymise else f"{a.id} {a.name}", taken)
              for a in athletes}
    ctx = _Ctx(season, plan, tl, styles, athletes, titles, anonymise,
               exported_at or dt.datetime.now().replace(microsecond=0), fast,
               names=name_pairs(season) if anonymise else [])

    cover = wb.active
    cover.title = COVER_SHEET
    team = wb.create_sheet(TEAM_SHEET)
    calendar = wb.create_sheet(CALENDAR_SHEET)
    rules = wb.create_sheet(RULES_SHEET)
    sheets = {a.id: wb.create_sheet(titles[a.id]) for a in athletes}
    speed = wb.create_sheet(SPEED_SHEET)

    _write_team(team, season, plan, tl, athletes, titles, styles)
    _write_calendar(ctx, calendar)
    _write_rules(ctx, rules)
    _write_speed_days(ctx, speed)
    explainer = Explainer(season, plan, tl)
    for a in athletes:
        _write_athlete(ctx, sheets[a.id], a, explainer, speed)
    _write_cover(ctx, cover)
    return wb, ctx


def _put(ctx: _Ctx, ws: Worksheet, rows: _Rows) -> None:
    """Give ``ws`` its cells: ordinary openpyxl cells, or (fast) kept for the sheet XML."""
    if ctx.fast:
        ctx.deferred[ws.title] = rows
        return
    st = ctx.st
    arrays: dict[str, StyleArray | None] = {}
    for row in rows.rows:
        cells = []
        for v in row:
            if v is None:
                cells.append(None)
                continue
            value, style = v if type(v) is tuple else (v, None)
            if style is not None and style not in arrays:
                arrays[style] = st.array(style)
            c = Cell(ws, style_array=arrays.get(style) if style else None)
            if isinstance(value, str):
                write_text(c, value)
            else:
                c.value = value
            cells.append(c)
        ws.append(cells)
    for r, h in rows.heights.items():
        ws.row_dimensions[r].height = h


def _print_setup(ws: Worksheet, title_rows: str | None = "1:1", landscape: bool = True) -> None:
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = "Page &P of &N"


def _write_team(ws: Worksheet, season: Season, plan: Plan, tl: Timeline, athletes: list,
                titles: dict[str, str], st: _Styles) -> None:
    nw = len(tl.weeks)
    first_week_col = TEAM_FIXED_COLS + 1

    # row 1: title -----------------------------------------------------------------------
    title = ws.cell(row=1, column=1)
    write_text(title, season.name)
    title.font = Font(name="Calibri", size=14, bold=True)
    ws.row_dimensions[1].height = 22

    # row 2: header --------------------------------------------------------------------------
    header_style = st.header()
    for col, text in enumerate(("ID", "Name", "Position"), start=1):
        c = ws.cell(row=2, column=col, value=text)
        c.style = header_style
    week_style = st.week_header()
    for w, week in enumerate(tl.weeks):
        c = ws.cell(row=2, column=first_week_col + w, value=tl.days[week.first])
        c.style = week_style

    # row 3: competitions; row 4: team week -------------------------------------------------
    label_style = st.row_label()
    ws.cell(row=3, column=1, value="Competitions").style = label_style
    ws.cell(row=4, column=1, value="Team week").style = label_style
    comp_style = st.comp_cell()
    max_lines = 1
    for w in range(nw):
        comps = _week_competitions(tl, w)
        c = ws.cell(row=3, column=first_week_col + w)
        c.style = comp_style
        if comps:
            text = "; ".join(f"{x.name} ({x.priority})" for x in comps)
            write_text(c, text)
            # ~11 characters per line at 8 pt in a week column
            lines = sum(max(1, -(-len(f"{x.name} ({x.priority})") // 11)) for x in comps)
            max_lines = max(max_lines, lines)
        kind = plan.team_weeks[w]
        k = ws.cell(row=4, column=first_week_col + w, value=kind)
        k.style = st.team_kind(kind)
    ws.row_dimensions[3].height = min(12 * max_lines + 4, 160)

    # athlete rows ---------------------------------------------------------------------------
    text_style = st.text()
    row = TEAM_FIRST_ROW
    for a in athletes:
        # a named style replaces the whole cell format: set it before write_text's quote prefix
        c_id = ws.cell(row=row, column=1)
        c_id.style = text_style
        write_text(c_id, a.id)
        c_name = ws.cell(row=row, column=2)
        c_name.style = text_style
        write_text(c_name, a.name)
        c_name.hyperlink = Hyperlink(ref=c_name.coordinate, location=f"{_quote_sheet(titles[a.id])}!A1",
                                     tooltip="Open this athlete's day-by-day sheet")
        c_pos = ws.cell(row=row, column=3)
        c_pos.style = text_style
        write_text(c_pos, a.position)
        ap = plan.for_athlete(a.id)
        for w, week in enumerate(tl.weeks):
            c = ws.cell(row=row, column=first_week_col + w)
            if ap is None:
                c.style = st.team_cell(None, None)
                continue
            c.value = sum(1 for i in week.days if ap.intensity[i] >= HV_LEVEL)
            c.style = st.team_cell(ap.weeks[w], ap.stages[week.first])
        row += 1
    last_row = row - 1
    if athletes:  # a week without any HV exposure: a red number
        grid = (f"{get_column_letter(first_week_col)}{TEAM_FIRST_ROW}:"
                f"{get_column_letter(first_week_col + nw - 1)}{last_row}")
        ws.conditional_formatting.add(grid, CellIsRule(
            operator="equal", formula=["0"], font=Font(color=NO_HV_FONT, bold=True)))

    # legend -----------------------------------------------------------------------------------
    _write_legend(ws, max(last_row, TEAM_FIRST_ROW) + 2, first_week_col, st, plan.status)

    # layout -----------------------------------------------------------------------------------
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 13
    for w in range(nw):
        ws.column_dimensions[get_column_letter(first_week_col + w)].width = 8.5
    ws.freeze_panes = ws.cell(row=TEAM_FIRST_ROW, column=first_week_col).coordinate
    ws.print_title_rows = f"1:{TEAM_FIRST_ROW - 1}"
    ws.print_title_cols = f"A:{get_column_letter(TEAM_FIXED_COLS)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 0
    ws.page_setup.fitToHeight = 1
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = "Page &P of &N"


def _write_legend(ws: Worksheet, top: int, first_col: int, st: _Styles, status: str) -> None:
    ws.cell(row=top, column=1, value="Legend").font = st.bold
    ws.cell(row=top + 1, column=1, value=(
        f"Number in a week = HV exposures that week (days at \u2265 {HV_LEVEL} % of max speed,"
        " matches included); a red 0 = a week without any."
    ))
    ws.cell(row=top + 2, column=1, value="Cell colour = the athlete's week:")
    for j, kind in enumerate(("load", "deload", "taper")):
        ws.cell(row=top + 2, column=first_col + j, value=kind).style = st.team_cell(kind, FIT)
    ws.cell(row=top + 3, column=1, value="Left edge = stage on the week's first day:")
    for j, stage in enumerate(STAGE_ORDER):
        ws.cell(row=top + 3, column=first_col + j, value=stage).style = st.team_cell("load", stage)
    ws.cell(row=top + 4, column=1, value=(
        "INJ injured, stage not recorded; P1\u2013P3 and S1\u2013S3 rehab stages; FIT full"
        " competition (no edge). Click a name to open the athlete's day-by-day sheet."
    )).font = Font(name="Calibri", size=9, italic=True, color="595959")
    ws.cell(row=top + 5, column=1, value=f"Plan status: {_STATUS_TEXT.get(status, status)}.").font = (
        Font(name="Calibri", size=9, italic=True, color="595959")
    )


def _label(ctx: _Ctx, a) -> str:
    return a.id if ctx.anonymise else f"{a.id} {a.name}"


# -- Calendar --------------------------------------------------------------------------------------
def _write_calendar(ctx: _Ctx, ws: Worksheet) -> None:
    tl, st, plan = ctx.tl, ctx.st, ctx.plan
    header, rotated = st.header(), st.header_rotated()
    rows = _Rows()
    rows.rows.append([(h, header) for h in CALENDAR_FIXED] + [(_label(ctx, a), rotated) for a in ctx.athletes])
    longest = max((len(_label(ctx, a)) for a in ctx.athletes), default=4)
    rows.heights[1] = min(170, max(40, 7.2 * longest + 10))
    date_s, match_s = st.cal_date(), st.match()
    kind_s = {k: st.kind(k) for k in ("load", "deload", "taper")}
    plans = [plan.for_athlete(a.id) for a in ctx.athletes]
    offs = [tl.unavailable(a.id) for a in ctx.athletes]
    styles: dict[tuple, str] = {}
    for i, day in enumerate(tl.days):
        comps = tl.comp_on[i]
        md = tl.label(i)
        kind = plan.team_weeks[tl.week_of[i]]
        row = [(day, date_s), WEEKDAY_ABBR[day.weekday()], (md, match_s) if comps else md,
               (kind, kind_s[kind]) if kind_s.get(kind) else kind,
               ("; ".join(f"{c.name} ({c.priority})" for c in comps), match_s) if comps else None]
        for ap, off in zip(plans, offs, strict=True):
            if ap is None:
                row.append(None)
                continue
            level, stage, away = ap.intensity[i], ap.stages[i], i in off
            key = (stage, level, away)
            s = styles.get(key)
            if s is None:
                s = styles[key] = st.cal(stage, level, away)
            row.append((level, s))
        rows.rows.append(row)
    _put(ctx, ws, rows)
    for j, width in enumerate(CALENDAR_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    last_col = len(CALENDAR_FIXED) + len(ctx.athletes)
    for j in range(len(CALENDAR_FIXED) + 1, last_col + 1):
        ws.column_dimensions[get_column_letter(j)].width = 4.6
    ws.freeze_panes = f"{get_column_letter(len(CALENDAR_FIXED) + 1)}2"
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{tl.n + 1}"
    ws.print_title_cols = "A:C"
    _print_setup(ws)
    ws.oddHeader.center.text = _header_text(f"{ctx.season.name}: planned intensity (% of max speed)")


# -- Rules -----------------------------------------------------------------------------------------
def _write_rules(ctx: _Ctx, ws: Worksheet) -> None:
    rs = RuleSet(ctx.season.rules)
    st = ctx.st
    header, number, wrap, bold = st.header(), st.number_top(), st.wrap(), st.label()
    rows = _Rows()
    rows.rows.append([(h, header) for h in RULES_HEADERS])
    rows.heights[1] = 30
    cited: set[str] = set()
    for rule in RULES.values():
        evidence = rule.evidence + " (" + ", ".join(
            EVIDENCE.get(e, e) for e in rule.evidence.split("+")) + ")"
        cited.update(rule.citations)
        for p in rule.params or (None,):
            row = [(rule.id, bold), rule.title, rs.mode(rule.id)]
            if p is None:
                row += [None, None, None, None, None, None]
            else:
                row += [p.name, (rs.value(rule.id, p.name), number), (_num(p.default), number),
                        f"{p.min:g}\u2013{p.max:g}", p.unit, p.description]
            row += [evidence, ", ".join(rule.citations), rule.summary]
            rows.rows.append([(v, wrap) if j + 1 in RULES_WRAPPED and v is not None else v
                              for j, v in enumerate(row)])
            rows.heights[len(rows.rows)] = _wrapped_height(row, RULES_WIDTHS)
    last = len(rows.rows)
    # the references, under the Citations and What-the-rule-says columns
    keys, text = RULES_HEADERS.index("Citations"), RULES_HEADERS.index("What the rule says")
    rows.rows.append([])
    head = [None] * len(RULES_HEADERS)
    head[keys], head[text] = ("Reference", header), ("", header)
    rows.rows.append(head)
    for key in sorted(cited, key=str.casefold):
        row = [None] * len(RULES_HEADERS)
        row[keys], row[text] = (key, bold), (CITATIONS.get(key, ""), wrap)
        rows.rows.append(row)
        rows.heights[len(rows.rows)] = _wrapped_height([None] * text + [row[text][0]], RULES_WIDTHS)
    _put(ctx, ws, rows)
    for j, width in enumerate(RULES_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(RULES_HEADERS))}{last}"
    _print_setup(ws)
    ws.oddHeader.center.text = "Periodize rules: this season's values and the evidence"


def _wrapped_height(values: list, widths: tuple[float, ...]) -> float:
    """Row height (points) for wrapped text: Excel and LibreOffice keep a row's stored height."""
    lines = 1
    for v, width in zip(values, widths, strict=False):
        if isinstance(v, str) and v:
            per_line = max(1.0, width * 1.15)
            lines = max(lines, sum(max(1, -(-len(part) // int(per_line))) for part in v.split("\n")))
    return round(14.5 * lines + 1.5, 1)


def _num(v: float):
    return int(v) if float(v).is_integer() else v


# -- Speed days (the charts' data) -----------------------------------------------------------------
def _speed_days(ap, tl: Timeline) -> list[int]:
    return [sum(1 for i in w.days if ap.intensity[i] >= SPEED_DAY) for w in tl.weeks]


def _write_speed_days(ctx: _Ctx, ws: Worksheet) -> None:
    tl, st = ctx.tl, ctx.st
    header, rotated, date_s = st.header(), st.header_rotated(), st.week_header()
    number = st.number()
    rows = _Rows()
    rows.rows.append([("Week", header), ("Week start", header), ("Team week", header)]
                     + [(_label(ctx, a), rotated) for a in ctx.athletes])
    longest = max((len(_label(ctx, a)) for a in ctx.athletes), default=4)
    rows.heights[1] = min(170, max(40, 7.2 * longest + 10))
    counts = []
    for a in ctx.athletes:
        ap = ctx.plan.for_athlete(a.id)
        counts.append(_speed_days(ap, tl) if ap is not None else None)
    for w, week in enumerate(tl.weeks):
        row = [w + 1, (tl.days[week.first], date_s), ctx.plan.team_weeks[w]]
        row += [None if c is None else (c[w], number) for c in counts]
        rows.rows.append(row)
    _put(ctx, ws, rows)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 11
    ws.column_dimensions["C"].width = 10
    last_col = 3 + len(ctx.athletes)
    for j in range(4, last_col + 1):
        ws.column_dimensions[get_column_letter(j)].width = 4.6
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{len(tl.weeks) + 1}"
    ws.print_title_cols = "A:C"
    _print_setup(ws)
    ws.oddHeader.center.text = "Speed days (at least 80 % of max speed) per athlete and week"


# -- One sheet per athlete -----------------------------------------------------------------------
def _why_text(ctx: _Ctx, explainer, aid: str, day: dt.date) -> str:
    why = explainer.day(aid, day)
    bound, serves, facts = [], [], []
    for r in why.reasons:
        text = r.text
        if ctx.anonymise:
            if r.rule == "RH-STAGE":  # the stage's exit requirement is protocol content
                text = text.split("; to leave it:")[0] + "."
            text = scrub(text, ctx.names)  # an anonymised label reads "A1 (A1)": the ID once
        (bound if r.kind == "bound" else serves if r.kind == "serves" else facts).append((r.rule, text))
    parts = [f"{rule}: {text}" for rule, text in bound]
    if serves:
        parts.append("serves " + "; ".join(f"{rule}: {text}" for rule, text in serves))
    if not bound:
        facts.insert(0, ("", "No hard rule bounds this day."))
    if not bound or (facts and day < ctx.tl.days[min(ctx.tl.p0, ctx.tl.n - 1)]):
        parts = [text for _, text in facts] + parts
    return " \u00b7 ".join(parts)


def _write_athlete(ctx: _Ctx, ws: Worksheet, a, explainer, speed: Worksheet) -> None:
    tl, st, plan = ctx.tl, ctx.st, ctx.plan
    ap = plan.for_athlete(a.id)
    off = tl.unavailable(a.id)
    header = st.header()
    rows = _Rows()
    rows.rows.append([(h, header) for h in ATHLETE_HEADERS])
    rows.heights[1] = 30
    date_s, match_s, number_s, why_s = st.date(), st.match(), st.number(), st.why()
    stage_s = {s: st.stage(s) for s in STAGE_ORDER}
    kind_s = {k: st.kind(k) for k in ("load", "deload", "taper")}
    for i, day in enumerate(tl.days):
        comps = tl.comp_on[i]
        md = tl.label(i)
        if ap is None:
            stage = intensity = kind = why = None
        else:
            stage, intensity, kind = ap.stages[i], ap.intensity[i], ap.weeks[tl.week_of[i]]
            why = _why_text(ctx, explainer, a.id, day)
        rows.rows.append([
            (day, date_s),
            WEEKDAY_ABBR[day.weekday()],
            (md, match_s) if comps else md,
            (stage, stage_s.get(stage)) if stage is not None else None,
            (intensity, number_s) if intensity is not None else None,
            (kind, kind_s.get(kind)) if kind_s.get(kind) else kind,
            "no" if i in off else "yes",
            ("; ".join(x.name for x in comps), match_s) if comps else None,
            (why, why_s) if why else None,
        ])
    _put(ctx, ws, rows)
    for col, width in enumerate(ATHLETE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last = tl.n + 1
    last_col = get_column_letter(len(ATHLETE_HEADERS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{last}"
    ws.print_area = f"A1:{last_col}{last}"
    _print_setup(ws)
    label = (a.id if ctx.anonymise else f"{a.name} ({a.id})") + (f", {a.position}" if a.position else "")
    ws.oddHeader.center.text = _header_text(label)
    if ap is not None:
        col = 4 + ctx.athletes.index(a)
        chart = BarChart()
        chart.type = "col"
        chart.title = "Speed days per week (\u2265 80 % of max speed)"
        chart.y_axis.title = "days"
        chart.legend = None
        chart.height, chart.width = 7.5, 24
        chart.add_data(Reference(speed, min_col=col, min_row=1, max_row=len(tl.weeks) + 1),
                       titles_from_data=True)
        chart.set_categories(Reference(speed, min_col=2, min_row=2, max_row=len(tl.weeks) + 1))
        chart.x_axis.number_format = "dd mmm"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.scaling.min = 0
        chart.y_axis.majorUnit = 1
        chart.gapWidth = 40
        ws.add_chart(chart, f"{get_column_letter(len(ATHLETE_HEADERS) + 2)}2")


# -- Cover -------------------------------------------------------------------------------------------
def _write_cover(ctx: _Ctx, ws: Worksheet) -> None:
    season, plan, tl, st = ctx.season, ctx.plan, ctx.tl, ctx.st
    cal = season.calendar
    label, note = st.label(), st.note()
    title = ws.cell(row=1, column=1)
    write_text(title, season.name)
    title.font = Font(name="Calibri", size=18, bold=True)
    ws.row_dimensions[1].height = 28
    ws.cell(row=2, column=1, value="Plan exported from Periodize").style = note
    injured = sum(1 for a in ctx.athletes if (ap := plan.for_athlete(a.id)) is not None
                  and any(s != FIT for s in ap.stages))
    prio = {p: sum(1 for c in season.competitions if c.priority == p) for p in "ABC"}

    def fmt(x, unit=""):
        return "\u2013" if x is None else f"{x:,.0f}{unit}" if abs(x) >= 100 else f"{x:g}{unit}"

    facts = [
        ("Season", f"{span(cal.start, cal.end)} ({tl.n} days, {len(tl.weeks)} weeks)"),
        ("Plan status", _STATUS_TEXT.get(plan.status, plan.status)),
        ("Objective", f"{fmt(plan.objective)} penalty points (lower is better); bound "
                      f"{fmt(plan.bound)}"),
        ("Solve time", "\u2013" if plan.solve_seconds is None else f"{plan.solve_seconds:.1f} s"),
        ("Exported", ctx.exported_at),
        ("Squad", f"{len(season.athletes)} athletes, {injured} in rehab during the season"),
        ("Competitions", f"{len(season.competitions)} ({prio['A']} A, {prio['B']} B, {prio['C']} C)"),
        ("Anonymised", "yes: athlete IDs instead of names; no diagnoses, protocols or reasons for "
                       "absence" if ctx.anonymise else
                       "no: names and rehab details; share with the medical staff only"),
    ]
    r = 4
    for key, value in facts:
        ws.cell(row=r, column=1, value=key).style = label
        c = ws.cell(row=r, column=2)
        if isinstance(value, dt.datetime):
            c.value = value
            c.number_format = "dd mmm yyyy hh:mm"
            c.alignment = Alignment(horizontal="left")
        else:
            write_text(c, value)
        r += 1

    r += 1
    ws.cell(row=r, column=1, value="Sheets").font = Font(name="Calibri", size=13, bold=True)
    r += 1
    index = [
        (TEAM_SHEET, "athletes \u00d7 weeks: HV exposures, week kinds, rehab stages, competitions"),
        (CALENDAR_SHEET, "days \u00d7 athletes: the planned intensity of every athlete-day"),
        (RULES_SHEET, "every rule with this season's values, its evidence and references"),
    ]
    if ctx.athletes:
        first = ctx.athletes[0]
        index.append((ctx.titles[first.id], "one sheet per athlete (in the Team sheet's order; "
                      "click a name there): each day with the reason it is planned so, and a "
                      "chart of speed days per week"))
    index.append((SPEED_SHEET, "speed days per athlete and week (the charts' data)"))
    link = st.link()
    for sheet, what in index:
        c = ws.cell(row=r, column=1)
        c.style = link
        write_text(c, sheet)
        c.hyperlink = Hyperlink(ref=c.coordinate, location=f"{_quote_sheet(sheet)}!A1")
        write_text(ws.cell(row=r, column=2), what)
        r += 1

    r += 1
    ws.cell(row=r, column=1, value="Soft rules not met").font = Font(name="Calibri", size=13, bold=True)
    r += 1
    counts: dict[str, list] = {}
    for v in plan.soft:
        entry = counts.setdefault(v.rule, [0, 0])
        entry[0] += 1
        entry[1] += v.penalty
    if not counts:
        ws.cell(row=r, column=2, value="none: the plan meets every soft rule").style = note
        r += 1
    else:
        for rule, (n, penalty) in sorted(counts.items()):
            ws.cell(row=r, column=1, value=rule).style = label
            title_text = RULES[rule].title if rule in RULES else rule
            ws.cell(row=r, column=2, value=f"{title_text}: {n} time{'s' if n != 1 else ''}, "
                                           f"{penalty:,} penalty points")
            r += 1

    r += 1
    ws.cell(row=r, column=1, value="Legend").font = Font(name="Calibri", size=13, bold=True)
    r += 1
    for stage in STAGE_ORDER:
        c = ws.cell(row=r, column=1, value=stage)
        c.style = st.stage(stage)
        ws.cell(row=r, column=2, value=f"{STAGE_MEANING[stage]}" + (
            "" if stage == FIT else " (a light tint of this colour on the Calendar)"))
        r += 1
    for kind, meaning in (("load", "load week: the normal training week"),
                          ("deload", "deload week: fewer speed days (recovery)"),
                          ("taper", "taper week: before an A competition, intensity kept, volume down")):
        c = ws.cell(row=r, column=1, value=kind)
        if st.kind(kind):
            c.style = st.kind(kind)
        ws.cell(row=r, column=2, value=meaning)
        r += 1
    for key, meaning in (
        ("Intensity", "% of the athlete's max speed: 60/70 running, \u2265 80 a speed day, "
                      "\u2265 90 a high-velocity (HV) exposure, 100 a match or a maximal sprint"),
        ("MD labels", "MD match day; MD-k k days before the next match; MD+k k days after the last"),
        ("Why", "on the athlete sheets: the hard rules that bound the day (rule id: reason) and "
                "the soft rules it serves; the Rules sheet explains each rule"),
    ):
        ws.cell(row=r, column=1, value=key).style = label
        ws.cell(row=r, column=2, value=meaning)
        r += 1
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 100
    _print_setup(ws, title_rows=None, landscape=False)


# ---------------------------------------------------------------------------------------------
# The fast path: rows serialised straight into the sheet XML
# ---------------------------------------------------------------------------------------------
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EMPTY_SHEET_DATA = "<sheetData></sheetData>"
_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sheet_data(rows: _Rows, wb: openpyxl.Workbook, st: _Styles) -> tuple[str, str]:
    """``<sheetData>`` for ``rows`` (styles registered in ``wb``) and the sheet's dimension."""
    cells = _CellXml(wb, st)
    width = max((len(r) for r in rows.rows), default=1)
    letters = [get_column_letter(j) for j in range(1, width + 1)]
    out = ["<sheetData>"]
    append = out.append
    for r, row in enumerate(rows.rows, start=1):
        height = rows.heights.get(r)
        if not row and height is None:
            continue
        append(f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">')
        for j, v in enumerate(row):
            if v is not None and (xml := cells.cell(f"{letters[j]}{r}", v)) is not None:
                append(xml)
        append("</row>")
    append("</sheetData>")
    return "".join(out), f"A1:{letters[-1]}{max(1, len(rows.rows))}"


class _CellXml:
    """One cell's ``<c>`` element, written as openpyxl writes it: text as an inline string (with
    the quote-prefix style where Excel would read a formula), numbers and dates as numbers with
    their style. Style ids and short texts (weekdays, labels, stages) are remembered."""

    def __init__(self, wb: openpyxl.Workbook, st: _Styles):
        self.wb, self.st = wb, st
        self.attrs: dict[str | None, tuple[str, str]] = {}  # style -> (' s="n"', quoted ' s="m"')
        self.texts: dict[str, tuple[str, bool] | None] = {}  # value -> (<is> element, quoted)

    def cell(self, ref: str, v) -> str | None:
        value, style = v if type(v) is tuple else (v, None)
        sa = self.attrs.get(style) or self._style_attrs(style)
        if type(value) is str:
            enc = self.texts[value] if value in self.texts else self._text_xml(value)
            if enc is not None:
                return f'<c r="{ref}"{sa[1] if enc[1] else sa[0]} t="inlineStr">{enc[0]}</c>'
            value = None
        if value is None:
            return f'<c r="{ref}"{sa[0]}/>' if style is not None else None
        return _value_xml(ref, sa[0], value)

    def _style_attrs(self, style: str | None) -> tuple[str, str]:
        arr = StyleArray(self.st.array(style)) if style else StyleArray()
        quoted = copy(arr)
        quoted.quotePrefix = 1
        plain_id, quoted_id = self.wb._cell_styles.add(arr), self.wb._cell_styles.add(quoted)
        got = self.attrs[style] = (f' s="{plain_id}"' if plain_id else "", f' s="{quoted_id}"')
        return got

    def _text_xml(self, value: str) -> tuple[str, bool] | None:
        text = clean_text(value)
        if not text:
            got = None
        else:
            space = ' xml:space="preserve"' if text != text.strip() else ""
            got = (f'<is><t{space}>{_escape(text)}</t></is>', needs_quote(text))
        if len(value) < 40:
            self.texts[value] = got
        return got


def _value_xml(ref: str, style: str, value) -> str:
    """A number, date, time stamp or yes/no value as a cell element."""
    kind = type(value)
    if kind is int or kind is float:
        return f'<c r="{ref}"{style} t="n"><v>{value!r}</v></c>'
    if kind is dt.date:
        return f'<c r="{ref}"{style} t="n"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if kind is bool:
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if kind is dt.datetime:
        serial = (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}"{style} t="n"><v>{serial!r}</v></c>'
    raise TypeError(f"cannot write {value!r} to a cell")


def workbook_bytes(season: Season, plan: Plan, *, anonymise: bool = False,
                   exported_at: dt.datetime | None = None) -> bytes:
    """The export workbook as the bytes of an .xlsx file (the fast path)."""
    wb, ctx = _build(season, plan, anonymise=anonymise, exported_at=exported_at, fast=True)
    parts = {title: _sheet_data(rows, wb, ctx.st) for title, rows in ctx.deferred.items()}
    buf = io.BytesIO()
    wb.save(buf)  # the deferred sheets are empty here; their styles are registered already
    by_path = {wb[title].path.lstrip("/"): xml for title, xml in parts.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in by_path:
                sheet_data, ref = by_path.pop(item.filename)
                xml = data.decode("utf-8")
                if xml.count(_EMPTY_SHEET_DATA) != 1:
                    raise RuntimeError(f"unexpected sheet XML in {item.filename}")
                xml = xml.replace(_EMPTY_SHEET_DATA, sheet_data, 1)
                xml = _DIMENSION.sub(f'<dimension ref="{ref}" />', xml, count=1)
                zout.writestr(item.filename, xml.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED,
                              compresslevel=1)
            else:
                zout.writestr(item, data)
    if by_path:
        raise RuntimeError(f"sheets not found in the saved workbook: {', '.join(by_path)}")
    return out.getvalue()


def export_workbook(season: Season, plan: Plan, path: str | os.PathLike, *,
                    anonymise: bool = False) -> None:
    """Write the plan workbook to ``path`` atomically.

    SaveError (the previous file untouched) when it cannot be written, e.g. because the file
    is open in Excel (Windows locks it) or the folder is read-only.
    """
    data = workbook_bytes(season, plan, anonymise=anonymise)
    try:
        atomic_write(path, data)
    except SaveError:
        raise
    except OSError as e:  # e.g. no permission to create the temporary file in the folder
        raise SaveError(
            f"{os.fspath(path)}: could not be saved ({e.strerror}); the previous file is unchanged"
        ) from None
