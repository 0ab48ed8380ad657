"""Excel export of a plan: a workbook a coach can filter, print and hand out.

Only the export path imports this module, so it imports openpyxl at the top; nothing in
``planner/__init__`` imports it.

Sheets, in order, each printing on A4 with the season's name in the page header:

- **Cover** (one portrait page): the season, the plan in words, the injured athletes and their
  returns ("3 injured athletes: 2 back before their target"), the competitions and blocks, the
  words every sheet uses (a *speed day* is a day at >= 80 % of max speed, an *HV exposure* a day
  at >= 90 % other than a match of a position HV-1 exempts: defined here once and counted so
  everywhere, ``planner.returns.AthleteFacts.hv_exposure``), what the plan trades off (the soft
  rules), an index of the sheets and the legend.
- **Overview** (one landscape page, or its weeks in readable parts side by side): athletes x
  weeks with the block band, months, competitions by name, the team's deload and taper weeks, rehab stages, speed days per week and each injured
  athlete's return (:mod:`planner.xlsx_overview`).
- **Returns**: one row per injured athlete's injury record: the injury, the stage at the planning
  start, back to full training, first match, target, met, provisional.
- **Calendar**: days x athletes, one month of whole weeks a printed page: the planned intensity, the rehab stage
  as a tint with its code, HV exposures bold, days away hatched; the block, the competitions and
  the reasons for days off in front; the legend in every page's footer.
- **Load**: the squad's planned and logged load and median ACWR per week as two native charts,
  then athletes x weeks: planned and logged load, change, ACWR, EWMA ratio, monotony, strain and
  flags (:mod:`planner.xlsx_load`, figures from :mod:`planner.load`).
- **Season review**: one row per athlete over the season so far (the whole season once today is
  past its end): matches, minutes, HV exposures done and planned (for the same days, and ahead),
  the longest gap, days in rehab, unavailable and not with the squad, load logged against planned
  (:mod:`planner.xlsx_review`, the rows from :mod:`planner.review`).
- **Rules**: every rule with this season's mode and values, default, range, unit, evidence,
  citations and what it says, then the references.
- **One sheet per athlete**: the athlete's season and a chart of speed days per week on page 1,
  then one page per week laid out as the handout (:mod:`planner.xlsx_athlete`), with each day's
  planned load and the week's load figures.
- **Speed days**: speed days per athlete and week, the charts' data.

Every table has a frozen header; long tables a filter and the header repeated on each page. Every
text goes through :func:`planner.xlsx_cells.write_text` (a name such as ``=1+1`` or ``#N/A``
stays text, design.md section 7); sheet titles come from :func:`planner.xlsx_cells.safe_sheet_title`.
Text is measured (:mod:`planner.xlsx_layout`) so that rows keep their wrapped text and columns
their words, in Excel and in LibreOffice alike.

With ``anonymise=True`` the workbook can leave the medical staff: the season and plan are
anonymised by :mod:`planner.anonymise` (athlete IDs replace names in cells, sheet titles and
headers, no reason for an absence), and no diagnosis, protocol or stage content is written
(stage codes P1..S3 stay).

Speed: :func:`build_workbook` makes ordinary openpyxl cells (handy for tests), but openpyxl spends
~10 microseconds per cell, too slow for 40 athletes x 364 days. :func:`export_workbook` therefore
writes the large sheets (Calendar, Rules, athletes, Speed days) itself: the same rows and styles
(one row builder feeds both), serialised straight into the sheet XML of a workbook openpyxl saved
with those sheets empty. ``python -m bench.export`` measures it. The file is saved atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from planner import text
from planner.anonymise import anonymised, name_pairs, scrub
from planner.check import CheckReport, check_plan
from planner.citations import CITATIONS
from planner.congestion import RECOVERY_HOURS
from planner.errors import InputError, PeriodizeError, SaveError
from planner.handout import Handouts, gone_before, weeks_words
from planner.load import figures as load_figures
from planner.protocols import protocol_name
from planner.returns import again_words, first_match_day_words
from planner.returns import returns as plan_returns
from planner.rules import EVIDENCE, RULES, RuleSet
from planner.safefile import save_failure
from planner.season import FIT, HV_LEVEL, INJ, SPEED_DAY, Plan, Season
from planner.seasonfile import atomic_write
from planner.squad import (
    NOT_PLANNED,
    injured_not_planned,
    joined_on,
    left_on,
    order_words,
    planned_order,
    unplanned_line,
    weeks_not_with_squad,
)
from planner.timeline import Timeline, in_day_order
from planner.why import Explainer
from planner.xlsx_athlete import COLUMNS as ATHLETE_COLUMNS
from planner.xlsx_athlete import AthleteSheet, SheetRows, add_chart, fit_page, why_lines
from planner.xlsx_cells import (
    CONTROL,
    clean_text,
    needs_quote,
    safe_sheet_title,
    write_styled,
    write_text,
)
from planner.xlsx_layout import (
    elide,
    even_pages,
    fit_lines,
    page_setup,
    pages_tall,
    print_points,
    printable,
    row_height,
    scale_for,
    text_width,
    width_for,
)
from planner.xlsx_load import SHEET as LOAD_SHEET
from planner.xlsx_load import write_load
from planner.xlsx_overview import SHEET as OVERVIEW_SHEET
from planner.xlsx_overview import write_overview
from planner.xlsx_review import SHEET as REVIEW_SHEET
from planner.xlsx_review import write_review
from planner.xlsx_styles import (
    KIND_FILL,
    STAGE_COLOUR,
    STAGE_ORDER,
    STAGE_TINT,
    Styles,
    base_font,
    english,
)

__all__ = ["ATHLETE_HEADERS", "CALENDAR_SHEET", "COVER_SHEET", "DEFINITIONS", "KIND_FILL",
           "LOAD_SHEET", "OVERVIEW_SHEET", "RETURNS_SHEET", "REVIEW_SHEET", "RULES_SHEET", "SPEED_SHEET", "STAGE_COLOUR",
           "STAGE_TINT", "SUMMARY_SHEETS", "build_workbook", "export_workbook", "workbook_bytes"]

COVER_SHEET = "Cover"
RETURNS_SHEET = "Returns"
CALENDAR_SHEET = "Calendar"
RULES_SHEET = "Rules"
SPEED_SHEET = "Speed days"
SUMMARY_SHEETS = (COVER_SHEET, OVERVIEW_SHEET, RETURNS_SHEET, CALENDAR_SHEET, LOAD_SHEET, REVIEW_SHEET,
                  RULES_SHEET)
ATHLETE_HEADERS = tuple(c[0] for c in ATHLETE_COLUMNS)

# The two counts every sheet uses, said once (on the Cover)
DEFINITIONS = (
    ("Speed day", f"a day at ≥ {SPEED_DAY} % of the athlete's max speed: a speed session, a "
                  f"compensation session, a sprint-ladder day in rehab, or a match played "
                  f"(starting counts 100 %, from the bench 80 %). Every count of speed days in "
                  f"this workbook counts these."),
    ("HV exposure", f"a high-velocity exposure: a day at ≥ {HV_LEVEL} % of max speed (a "
                    f"near-maximal sprint session, or a match started; a goalkeeper's match, or "
                    f"one of another position HV-1 exempts, is a session, not an exposure). "
                    f"Every HV exposure is also a speed day."),
)
STAGE_MEANING = {
    "INJ": "injured, no stage recorded yet: no running",
    "P1": "rehab stage 1", "P2": "rehab stage 2", "P3": "rehab stage 3",
    "S1": "return to sport 1", "S2": "return to sport 2", "S3": "return to sport 3",
    FIT: "full training and competition",
}
# what the Cover says of the athletes not planned yet (Plan.unplanned)
UNPLANNED_FIX = "Plan ▸ Solve (F5), then export again"
_STATUS_TEXT = {
    "optimal": "the best plan the rules allow (proven)",
    "feasible": "a plan that keeps every hard rule; the solver stopped before proving it the best",
    "manual": "edited by hand (checked against every rule)",
    "timeout": "the best plan found within the time limit",
    "cancelled": "the best plan found before the solve was cancelled",
}
PAST_PLAN = ("the whole season is past: nothing was left to plan; the plan holds the days as they "
             "were planned and logged")
PAST_TRADE_OFFS = ("Nothing left to plan: the whole season is past. Soft rules are weighed from "
                   "today on, so the plan counts none; what each week logged is on the Load sheet.")
# the left columns, as narrow as their words (a block's name and a day's competitions wrap):
# at 15, 12 and 24 they took a third of a month's page, mostly empty
CALENDAR_FIXED = (("Date", 15), ("MD", 6), ("Team week", 10), ("Block", 11),
                  ("Competition · day off", 20))
CALENDAR_MAX_ATHLETES = 25  # athletes per printed page width
CALENDAR_ROW_MAX = 18.0  # a Calendar row's most height (points at 100 %)
CALENDAR_ROW_PAD = 0.5  # a month page's row: its lines and this much (a week's: 2 points)
CALENDAR_ROW_MIN = row_height(1, 9, CALENDAR_ROW_PAD)  # a month page's rows' least (points)
CALENDAR_MONTH_ROWS = 35  # the days of a month's page at most: five whole weeks
# the print scale at which the Calendar's 9 pt type prints at 8 pt or more: a month's page, or a
# Calendar one page tall (a week exported), is split over pages wide to reach it
# (_calendar_widths); a whole season's months printed at 63 %, 6 pt
CALENDAR_SHORT_SCALE = 89
# one line beside the page number, on paper ("hatched on screen" said nothing there): with the
# rehab note it ran under the page number ("… the first colum" then "Page 6 of 84")
CALENDAR_LEGEND = ("&8% of max speed (blank: no running) · bold: HV exposure (≥ 90 %) · "
                   "tint and code: rehab stage · grey: away · match day: S starts, B bench, "
                   "O out, R held out (RE-1)")
CALENDAR_REHAB_FIRST = " · in rehab today: the first columns"
# the Calendar's page number, in the footer's right-hand section beside the legend
CALENDAR_PAGE = "&8Page &P of &N"
RULES_COLUMNS = (("Rule", 11, False), ("Title", 22, True), ("Mode", 7, False),
                 ("Setting", 26, True), ("Value", 8, False), ("Default", 8, False),
                 ("Range", 15, True), ("Evidence", 14, True), ("Citations", 22, True),
                 ("What the rule says", 60, True), ("Setting id (--rule)", 27, True))
NBSP = "\u00a0"  # a no-break space: "19 Oct" stays on one line of a wrapped header
# the Returns sheet's columns and their least widths: each as wide as its longest word or date
# besides (returns_widths); wider, the table printed as wide as the page at 65 %, 6.5-point type
RETURNS_COLUMNS = (("Athlete", 15), ("Position", 9), ("Injury", 15), ("Onset", 12),
                   ("Stage at the planning start", 12), ("Back to full training", 15),
                   ("First match", 15), ("Target competition", 14), ("Target date", 12),
                   ("Target met", 8), ("Provisional", 20), ("Congested soon after", 16))


def _squad_words(season: Season) -> str:
    """``24 athletes; by default 11 start, 5 on the bench, 8 out of the matchday squad; roles set
    for single matches: 74``: the counts on every sheet (speed days, HV exposures, loads) follow
    the roles, which "24 athletes" alone did not say; those who joined or left the squad during
    the season are named ("26 athletes (1 joined: Rafael Costa on 4 Jan; 1 left the squad: Amir
    Rahimi on 4 Jan)")."""
    out = text.plural(len(season.athletes), "athlete")
    moves = []
    for words, on in (("joined", joined_on), ("left the squad", left_on)):
        who = sorted((d, a.name) for a in season.athletes if (d := on(season, a.id)) is not None)
        if who:
            moves.append(f"{len(who)} {words}: "
                         + text.join_and([f"{name} on {text.date_short(d)}" for d, name in who]))
    if moves:
        out += f" ({'; '.join(moves)})"
    roles = Counter(a.role for a in season.athletes)
    if set(roles) != {"start"}:
        parts = [f"{roles[r]} {words}" for r, words in (
            ("start", "start"), ("bench", "on the bench"), ("out", "out of the matchday squad"))
            if roles[r]]
        out += "; by default " + ", ".join(parts)
    if season.roles:
        out += f"; roles set for single matches: {len(season.roles)}"
    return out


def _quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------
def _check_plan(season: Season, plan: Plan, tl: Timeline) -> None:
    problems = []
    nw = len(tl.weeks)
    if len(plan.team_weeks) != nw:
        problems.append(f"the plan has {len(plan.team_weeks)} team weeks but the season has {nw}")
    for ap in plan.athletes:
        if season.athlete(ap.athlete) is None:
            continue
        if len(ap.stages) != tl.n or len(ap.intensity) != tl.n:
            days = len(ap.stages) if len(ap.stages) != tl.n else len(ap.intensity)
            problems.append(f"athlete {ap.athlete}: the plan has {days} days but the season has {tl.n}")
        if len(ap.weeks) != nw:
            problems.append(f"athlete {ap.athlete}: the plan has {len(ap.weeks)} weeks but the season has {nw}")
    if not problems:
        from planner.validate import plan_stage_problems

        problems = plan_stage_problems(season, plan.model_copy(update={"athletes": tuple(
            ap for ap in plan.athletes if season.athlete(ap.athlete) is not None)}))
    if problems:
        problems[-1] += "; the plan no longer fits the season: solve again, then export"
        raise InputError("Excel export", problems)


# ---------------------------------------------------------------------------------------------
# Building the workbook
# ---------------------------------------------------------------------------------------------
@dataclass
class _Rows:
    """A sheet's cells as rows; the same rows become openpyxl cells or sheet XML. A cell is None,
    a value, or (value, style name). ``merges`` are ranges (``A1:J1``)."""

    rows: list[list] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)


@dataclass
class _Ctx:
    season: Season  # anonymised when asked
    plan: Plan
    tl: Timeline
    st: Styles
    athletes: list
    titles: dict[str, str]
    anonymise: bool
    exported_at: dt.datetime
    fast: bool
    names: list[tuple[str, str]] = field(default_factory=list)  # anonymised: scrub these names
    deferred: dict[str, _Rows] = field(default_factory=dict)  # sheet title -> rows (fast path)
    load: dict = field(default_factory=dict)  # athlete -> planner.load.AthleteFigures
    broken: str | None = None  # the plan breaks hard rules of the season as it is now: say so
    weeks: list[int] | None = None  # the Calendar's and the week pages' weeks (None: all)
    unplanned: str | None = None  # the athletes not planned yet (Plan.unplanned), said
    overview_pages: int = 1  # the Overview's printed pages (planner.xlsx_overview)

    def shown_days(self) -> list[int]:
        """The days the Calendar holds: those of the weeks chosen, else every day."""
        if self.weeks is None:
            return list(range(self.tl.n))
        return [i for w in self.weeks for i in self.tl.weeks[w].days]

    def cover_warnings(self) -> list[tuple[str, str]]:
        """The Cover's warning lines: the hard rules the plan breaks, the athletes not planned."""
        return [(key, said) for key, said in (("Check", self.broken), (
            "Not planned", f"{self.unplanned}." if self.unplanned else None)) if said]

    def weeks_lines(self) -> list[tuple[str, str]]:
        """The Cover's line of a workbook of some weeks (none for the whole season)."""
        words = weeks_words(self.season, self.weeks)
        return [("Weeks", f"Only {words} (exported so) in the Calendar, each athlete's week pages "
                          f"and the Load table; the other sheets, and the Load charts, hold the "
                          f"whole season.")] if words else []

    def week_competitions(self, w: int) -> list:
        seen: dict[str, object] = {}
        for i in self.tl.weeks[w].days:
            for c in self.tl.comp_on[i]:
                seen.setdefault(c.id, c)
        return in_day_order(seen.values())  # seen in the file's order, day by day

    def print_setup(self, ws: Worksheet, title_rows: str | None = "1:1", landscape: bool = True,
                    fit: tuple[int, int] | None = (1, 0), scale: int | None = None,
                    label: str | None = None) -> None:
        """A4, the project's margins, the season's name in the header, page numbers in the footer
        (``planner.xlsx_layout.page_setup``, the comparison workbook's too)."""
        page_setup(ws, self.season.name, self.exported_at, title_rows=title_rows,
                   landscape=landscape, fit=fit, scale=scale, label=label)


def build_workbook(season: Season, plan: Plan, *, anonymise: bool = False,
                   exported_at: dt.datetime | None = None,
                   weeks: list[int] | None = None) -> openpyxl.Workbook:
    """The export workbook in memory, every cell an ordinary openpyxl cell; ``weeks`` (0-based,
    in order; None: the whole season): the weeks of the Calendar and the athletes' week pages."""
    return _build(season, plan, anonymise=anonymise, exported_at=exported_at, fast=False,
                  weeks=weeks)[0]


def _build(season: Season, plan: Plan, *, anonymise: bool, exported_at: dt.datetime | None,
           fast: bool, check: CheckReport | None = None,
           weeks: list[int] | None = None) -> tuple[openpyxl.Workbook, _Ctx]:
    tl = Timeline(season)
    _check_plan(season, plan, tl)
    try:  # the caller's check of this plan, when it has one (the app's, the CLI's)
        broken = (check or check_plan(season, plan)).broken_note(anonymise)
    except PeriodizeError:  # a plan missing an athlete: exported as it is, that row empty
        broken = None
    gone = gone_before(season)  # not with the squad on any day of the season: no sheet
    unplanned_said = unplanned_line(season, plan, anonymise, fix=UNPLANNED_FIX)
    if anonymise:  # (the reasons that say who left go with the anonymisation)
        broken = broken and scrub(broken, name_pairs(season))
        season, plan = anonymised(season, plan)
    wb = openpyxl.Workbook()
    base_font(wb)
    wb.properties.creator = "Periodize"
    wb.properties.title = CONTROL.sub(" ", season.name)[:200]
    ctx = _new_ctx(wb, season, plan, tl, gone, anonymise, exported_at, fast)
    ctx.names = name_pairs(season) if anonymise else []
    ctx.broken, ctx.weeks, ctx.unplanned = broken, weeks, unplanned_said
    styles, athletes, titles = ctx.st, ctx.athletes, ctx.titles
    rets, by_athlete = _returns_by(season, plan)

    cover = wb.active
    cover.title = COVER_SHEET
    overview = wb.create_sheet(OVERVIEW_SHEET)
    returns_ws = wb.create_sheet(RETURNS_SHEET)
    calendar = wb.create_sheet(CALENDAR_SHEET)
    load_ws = wb.create_sheet(LOAD_SHEET)
    review_ws = wb.create_sheet(REVIEW_SHEET)
    rules = wb.create_sheet(RULES_SHEET)
    sheets = {aid: wb.create_sheet(title) for aid, title in titles.items()}
    speed = wb.create_sheet(SPEED_SHEET)

    write_overview(ctx, overview, by_athlete)
    _write_returns(ctx, returns_ws, rets)
    _write_calendar(ctx, calendar)
    ctx.load = load_figures(season, plan)
    label = lambda a: a.id if anonymise else a.label  # noqa: E731
    write_load(ctx, load_ws, ctx.load, label, _put)
    write_review(ctx, review_ws, label, _put)
    _write_rules(ctx, rules)
    _write_speed_days(ctx, speed)
    explainer = Explainer(season, plan, tl)
    handouts = Handouts(season, plan, anonymise=anonymise, timeline=tl)
    writer = AthleteSheet(ctx, styles)
    for a in athletes:
        if a.id in sheets:
            _write_athlete(ctx, writer, sheets[a.id], a, explainer, handouts, speed,
                           by_athlete.get(a.id, []))
    _write_cover(ctx, cover, rets)
    return wb, ctx


def _new_ctx(wb: openpyxl.Workbook, season: Season, plan: Plan, tl: Timeline, gone, anonymise: bool,
             exported_at: dt.datetime | None, fast: bool) -> _Ctx:
    athletes = planned_order(season, plan)  # a placeholder row is no plan: on no sheet (said)
    taken = {t.lower() for t in SUMMARY_SHEETS + (SPEED_SHEET,)}
    titles = {a.id: safe_sheet_title(a.id if anonymise else f"{a.id} {a.name}", taken)
              for a in athletes if a.id not in gone}
    return _Ctx(season, plan, tl, Styles(wb), athletes, titles, anonymise,
                exported_at or dt.datetime.now().replace(microsecond=0), fast)


def _returns_by(season: Season, plan: Plan) -> tuple[list, dict[str, list]]:
    rets = plan_returns(season, plan, history=True)  # the season's returns, before today too
    by_athlete: dict[str, list] = {}
    for r in rets:
        by_athlete.setdefault(r.athlete, []).append(r)
    return rets, by_athlete


def workbook_pages(athletes: int, weeks: int, months: int, overview: int,
                   calendar: int | None = None) -> int:
    """The pages a plan workbook prints, about (the Cover says it, and File ▸ Export… before
    it is written): a page per athlete and week printed and each athlete's first page, the
    Calendar's months (``calendar``: its pages when known, :func:`calendar_pages`), the Load
    sheet's rows (about 30 a page, after its charts; the weeks printed alone: a fortnight's
    workbook said "about 116 pages" and printed 86), the few short sheets and the Overview's
    ``overview`` pages."""
    if calendar is None:
        calendar = months * -(-athletes // CALENDAR_MAX_ATHLETES)
    return (athletes * (weeks + 1) + calendar + 1
            + -(-athletes * weeks // 30) + 9 + overview)


def calendar_pages(labels: list[str], days: list[dt.date], chosen: bool) -> int:
    """The pages the Calendar prints: a month a page tall (one page tall: a week exported), its
    athletes (``labels``, the header's) over as many pages wide as its type needs to print at
    8 pt or more, at most 25 a page (:func:`_calendar_widths`)."""
    n = len(labels)
    short = calendar_short_days(days, chosen)
    per_page = _calendar_widths(n, _head_height(labels), short)[1]
    return len({calendar_page(d) for d in days}) * -(-n // per_page)


@dataclass(frozen=True)
class PrintCount:
    """What a plan workbook of some weeks prints, about (:func:`print_count`)."""

    pages: int
    athletes: int
    weeks: int

    def words(self) -> str:
        """``About 88 pages to print, 72 of them the athletes' sheets (24 athletes × 3 pages: a
        first page and a page a week).`` as the handouts' dialog counts its pages, and the Cover
        its sheets ("24 athletes × 2 weeks, a page each" read as 48 of the 88)."""
        pages = f"{text.number(self.pages)} page{'' if self.pages == 1 else 's'}"
        sheets = self.athletes * (self.weeks + 1)
        return (f"About {pages} to print, {text.number(sheets)} of them the athletes' sheets "
                f"({text.plural(self.athletes, 'athlete')} × {self.weeks + 1} pages: a first "
                f"page and a page a week).")


def overview_page_count(season: Season, plan: Plan) -> int:
    """The pages the Overview prints: laid out as the export lays it out, in a workbook thrown
    away (the same for any weeks chosen: the Overview holds the whole season)."""
    tl = Timeline(season)
    wb = openpyxl.Workbook()
    base_font(wb)
    ctx = _new_ctx(wb, season, plan, tl, gone_before(season), False, None, True)
    write_overview(ctx, wb.active, _returns_by(season, plan)[1])
    return ctx.overview_pages


def print_count(season: Season, plan: Plan, weeks: list[int] | None,
                overview: int | None = None) -> PrintCount:
    """The pages a plan workbook of ``weeks`` (None: the whole season) prints, about, as its
    Cover says (``overview``: the Overview's pages, :func:`overview_page_count` when None)."""
    tl = Timeline(season)
    chosen = list(range(len(tl.weeks))) if weeks is None else weeks
    days = [tl.days[i] for w in chosen for i in tl.weeks[w].days]
    months = len({calendar_page(d) for d in days})
    order = planned_order(season, plan)
    n = len(order)
    if overview is None:
        overview = overview_page_count(season, plan)
    calendar = calendar_pages([f"{a.id} {a.name}" for a in order], days, weeks is not None)
    return PrintCount(workbook_pages(n, len(chosen), months, overview, calendar), n, len(chosen))


def _put(ctx: _Ctx, ws: Worksheet, rows) -> None:
    """Give ``ws`` its cells: ordinary openpyxl cells, or (fast) kept for the sheet XML. Row
    breaks go on the sheet either way; merges too (the fast path writes them into the XML)."""
    for r in getattr(rows, "breaks", ()):
        ws.row_breaks.append(Break(id=r))
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
    for m in getattr(rows, "merges", ()):
        ws.merge_cells(m)


# -- Cover -------------------------------------------------------------------------------------------
def _waiting_sentence(ctx: _Ctx) -> str:
    """``Injured, not planned yet: New Signing (P2): no return planned until Plan ▸ Solve
    (F5).``: the athletes not planned yet whose injury records hold them injured (their
    placeholder rows read fit); "" when none."""
    waiting = injured_not_planned(ctx.season, ctx.plan)
    if not waiting:
        return ""
    names = [f"{a.id if ctx.anonymise else a.name} ({_recorded_stage(stage)})" for a, _, stage in waiting]
    return (f"Injured, not planned yet: {text.join_and(names)}: no return planned until "
            f"Plan ▸ Solve (F5).")


def _recorded_stage(stage: str) -> str:
    """The stage the injury records give an athlete not planned yet, in the Returns sheet's words."""
    return {INJ: "injured, no stage yet", FIT: "fit until the onset ahead"}.get(stage, stage)


def _injured_sentence(season: Season, rets: list) -> str:
    """``3 injured athletes: 2 back before their target, 1 misses it``; every return counts (a
    re-injury's too: "4 injured athletes (5 injuries, 1 athlete injured again): ...")."""
    per_athlete = Counter(r.athlete for r in rets)
    n = len(per_athlete)
    if n == 0:
        return "No injured athlete in this plan."
    with_target = [r for r in rets if r.target is not None]
    before = sum(1 for r in with_target if r.target_before_setback)
    met = sum(1 for r in with_target if r.target_met) - before
    missed = sum(1 for r in with_target if r.target_missed)
    unplayed = sum(1 for r in with_target if r.target_met is False and not r.target_missed)
    parts = []
    if with_target:
        if met or not before:
            parts.append(f"{met} back before their target")
        if before:  # back now after a setback that followed the target: played, not "back before"
            parts.append(f"{before} played it before a setback")
        if missed:
            parts.append(f"{missed} miss{'es' if missed == 1 else ''} it")
        if unplayed:  # back before it, RTS no longer counting: a choice of selection
            parts.append(f"{unplayed} back before it not playing it")
    no_target = [r for r in rets if r.target is None]
    if no_target:
        back_nt = sum(1 for r in no_target if r.fit is not None)
        parts.append(f"{len(no_target)} without a target, back this season"
                     if back_nt == len(no_target) else
                     f"{back_nt} of {len(no_target)} without a target back this season")
    prov = sum(1 for r in rets if r.provisional)
    past = _back_words(season, rets)
    out = f"{text.plural(n, 'injured athlete')} this season"
    # injured again after a return (one before the season too), as the Returns sheet says it;
    # a second injury during the first's rehab is no re-injury there; a flare-up (or a stage
    # recorded back) after a return is a setback of the same injury, with a return of its own
    setbacks = [r for r in rets if r.again_from is not None]
    again = len({r.athlete for r in rets if r.again_from is None and again_words(season, rets, r)})
    injuries = len({(r.athlete, r.onset) for r in rets})
    setback = "flare-up" if all(r.again_flare for r in setbacks) else "setback"
    extra = ([text.plural(injuries, 'injury', 'injuries')] if injuries > n else []) + (
        [f"{text.plural(again, 'athlete')} injured again"] if again else []) + (
        [f"{text.plural(len(setbacks), setback)} after a return"] if setbacks else [])
    # one bracket: "(1 athlete injured again) (1 back before today)" read as two asides
    said = "; ".join(x for x in (", ".join(extra), past) if x)
    out += f" ({said})" if said else ""
    # the counts are of returns: with a re-injury they add up to more than the athletes
    out += (f": of the {len(rets)} returns, " if len(rets) > n else ": ") + ", ".join(parts)
    if prov:
        out += (f" ({prov} of the returns provisional: a criteria test is not passed yet)")
    return out + "."


def _back_words(season: Season, rets: list) -> str:
    """Who was back before today, in athletes, not returns (a flare-up gives one athlete two):
    ``3 back before today, Kofi Mensah (A07) twice; Mateo Silva (A18) not back this season``;
    "" when the season saw no return yet."""
    mine: dict[str, list] = {}
    for r in rets:
        mine.setdefault(r.athlete, []).append(r)
    if not any(getattr(r, "past", False) for r in rets):
        return ""
    back = {a: sum(1 for r in rs if getattr(r, "past", False)) for a, rs in mine.items()}
    back = {a: k for a, k in back.items() if k}
    again = [f"{season.athlete_label(a)} {'twice' if k == 2 else f'{k} times'}"
             for a, k in back.items() if k > 1]
    out = ", ".join([f"{len(back)} back before today", *again])
    away = [season.athlete_label(a) for a, rs in mine.items() if all(r.fit is None for r in rs)]
    if away:
        out += f"; {text.join_and(away)} not back this season"
    return out


def _calendar_lines(season: Season) -> list[tuple[str, str]]:
    """The Cover's blocks and days off (each only when the season has some)."""
    out = []
    if season.blocks:
        out.append(("Blocks", "; ".join(f"{b.name} ({text.span(b.start, b.end)})"
                                        for b in season.blocks)))
    off = sorted(season.calendar.non_training_days, key=lambda d: d.date)
    if off:
        # a run of days off with one reason is one span: a winter break read as 14 dates
        runs: list[list] = []
        for d in off:
            if runs and (d.date - runs[-1][1]).days == 1 and d.reason == runs[-1][2]:
                runs[-1][1] = d.date
            else:
                runs.append([d.date, d.date, d.reason])
        out.append(("Days off", "; ".join(
            (text.date_short(a) if a == b else text.span(a, b)) + (f" {why}" if why else "")
            for a, b, why in runs)))
    return out


def _in_progress_lines(season: Season) -> list[tuple[str, str, bool]]:
    """A season in progress: what today is (the pages before it are what happened), and the
    logged pains nobody acted on yet (key, words, a warning)."""
    today = season.calendar.today
    out = []
    if today is not None:
        out.append(("Today", f"{text.day_long(today)}: the days before it are as logged (or as "
                              f"planned where nothing was logged), the days from it on are the "
                              f"plan.", False))
    from planner.progress import ABOVE_STAGE_ADVICE

    pain = _pain_logged(season)
    if pain:
        out.append(("Pain logged", pain, True))
    fast = _above_stage_words(season)
    if fast:
        out.append(("Above the stage", f"{fast}. {ABOVE_STAGE_ADVICE} (each day is said on its "
                    "row of the athlete's week page, and in the app's Log).", True))
    return out


def _above_stage_words(season: Season) -> str:
    """The Cover's "Above the stage": per athlete, each stage's days logged above its cap as a
    count and a range ("Isaac Boateng (A19): 25 days 5 Aug to 14 Nov 2026 logged above P2 (at
    most 70 %), 15 of them at 100 %", a later stage's days after it: ", then 3 days …"), the
    athletes in the order of their first day; the days themselves are on the athlete's week pages
    (some 40 dates a season, out of date order, filled a third of the Cover)."""
    from planner.progress import above_stage

    by: dict[str, list[list]] = {}
    for p in above_stage(season):  # in date order
        own = by.setdefault(p.athlete, [])
        if own and (own[-1][-1].stage, own[-1][-1].cap) == (p.stage, p.cap):
            own[-1].append(p)
        else:  # a stage of its own (a later stage, or the same one after a flare-up's)
            own.append([p])
    return _by_athlete(season, [(aid, ", then ".join(_above_run_words(run) for run in own))
                                for aid, own in by.items()])


def _above_run_words(run: list) -> str:
    """``25 days 5 Aug to 14 Nov 2026 logged above P2 (at most 70 %), 15 of them at 100 %``:
    an athlete's days logged above one stage's cap (``planner.progress.AboveStage``, in date
    order), with the fastest of them."""
    first, top = run[0], max(p.top for p in run)
    fastest = sum(p.top == top for p in run)
    at = (f"at {top} %" if len(run) == 1 else f"all at {top} %" if fastest == len(run)
          else f"{fastest} of them at {top} %")
    return (f"{text.plural(len(run), 'day')} {text.span(first.date, run[-1].date)} logged "
            f"{text.above_stage(first.stage, first.cap)}, {at}")


def _pain_logged(season: Season) -> str:
    """The Cover's "Pain logged": the flare-ups proposed and the pains listed to the coach
    (``planner.progress.listed_pains``: a fit player's, one just below the threshold), by
    athlete, with what to do of each kind ("" when none)."""
    from planner.progress import (
        PainAlert,
        PainBelowAlert,
        PainBelowFlare,
        flare_proposals,
        listed_pains,
        pains_by_kind,
    )

    proposed = flare_proposals(season)
    pains = sorted(proposed + listed_pains(season), key=lambda p: p.date)
    fit, below, fit_low = pains_by_kind(pains).values()  # fit: no flare-up to propose
    if not pains:
        return ""
    just = {id(p): f", just below {p.threshold}/10" for p in below}
    just |= {id(p): f", {p.reason()}" for p in fit_low}
    just |= {id(p): ", not in rehab" for p in fit}
    words = _by_athlete(season, [(p.athlete, f"{text.date_short(p.date)} ({p.pain:g}/10"
                                             f"{just.get(id(p), '')})") for p in pains]) + "."
    if fit:
        words += f" A pain of a player not in rehab: {PainAlert.what_to_do_once()}"
    if proposed:
        words += (" A pain at or above the flare-up threshold proposes a flare-up; nothing in the "
                  "plan changes until it is recorded (the app: right-click the day ▸ Record "
                  "flare-up; or periodize record --flare-up), so record those that were one and "
                  "re-plan.")
    if below:
        words += (f" A pain just below the threshold proposes none: {PainBelowFlare.COUNTED}. "
                  f"{PainBelowFlare.what_to_do_once()}")
    if fit_low:
        words += (f" A pain just below the alert (a player not in rehab): "
                  f"{PainBelowAlert.what_to_do_once()}")
    return words


def _by_athlete(season: Season, items: list[tuple[str, str]]) -> str:
    """``[(athlete, words)]`` as "Name (ID): words, words; Name (ID): words" (empty: "")."""
    by: dict[str, list[str]] = {}
    for athlete, words in items:
        by.setdefault(athlete, []).append(words)
    return "; ".join(f"{season.athlete_label(a)}: {', '.join(w)}" for a, w in by.items())


def _soft_words(plan: Plan, season: Season | None = None) -> list[tuple[str, str]]:
    """Each soft rule's count; HV-1's with its runs without an exposure when ``season`` is given
    (``planner.hv1.hv1_runs``: a count of overlapping windows names no one)."""
    from planner.check import team_line

    counts: dict[str, list] = {}
    for v in plan.soft:
        entry = counts.setdefault(v.rule, [0, 0, set()])
        entry[0] += not team_line(v)  # a team week moved is named below, not counted
        entry[1] += v.penalty
        if v.athlete:
            entry[2].add(v.athlete)
    out = []
    for rule, (n, penalty, who) in sorted(counts.items()):
        title = RULES[rule].title if rule in RULES else rule
        whom = f" ({text.plural(len(who), 'athlete')})" if who else ""
        if rule == "STAB":  # what a coach reads in it: how much the last re-plan changed, and
            # the squad's weeks it moved (planner.check.team_weeks_moved), said by name
            team = [v.message.removeprefix("STAB: ") for v in plan.soft if team_line(v)]
            out.append((rule, f"Changed by the last re-plan: "
                              f"{text.plural(n, 'day or week', 'days and weeks')}"
                              f"{whom}" + "".join(f". {t.rstrip('.')}" for t in team)))
            continue
        if penalty == 0:  # weight 0 (LD-1 by default): listed for the staff, not traded off
            out.append((rule, f"{title}: {text.plural(n, 'time')}{whom}, listed only: its weight "
                              f"is 0, so the plan does not avoid them (the Rules sheet)"))
            continue
        words = f"{title}: {text.plural(n, 'time')}{whom}"
        if rule == "HV-1" and season is not None:
            words = _hv1_words(season, plan, f"{title}: ", n, whom) or words
        out.append((rule, words))
    return out


def _hv1_words(season: Season, plan: Plan, title: str, n: int, whom: str) -> str:
    """``Regular high-velocity exposure: 11 runs without a high-velocity exposure (6 athletes;
    136 windows of 8 days counted). Kai Turner (C3): no high-velocity exposure … (15 weeks); …``:
    the runs a coach reads (the overlapping windows HV-1 counts read as 136 gaps), the longest
    named with each athlete's runs together, and the settings a congested season would change
    ("" without a run)."""
    from planner.hv1 import hv1_advice, hv1_lines, hv1_runs

    runs = hv1_runs(season, plan, plan.soft)
    if not runs:
        return ""
    said = hv1_lines(season, runs, grouped=True)
    more = said.shorter()
    gap = int(RuleSet(season.rules).value("HV-1", "max_gap_days"))
    head = (f"{title}{text.plural(len(runs), 'run')} without a high-velocity exposure"
            f"{whom[:-1]}; {text.plural(n, 'window')} of {gap} days counted)")
    words = head + ". " + ". ".join(said.lines) + (f". {more[:1].upper()}{more[1:]}" if more else "")
    advice = hv1_advice(season, runs, where="in the app's Rules panel")
    return words + "." + (f" {advice}" if advice else "")


def _trade_off_lines(plan: Plan, past: bool,
                     season: Season | None = None) -> list[tuple[str | None, str, bool]]:
    """The Cover's "What the plan trades off": (key, words, said as a note)."""
    if past:
        return [(None, PAST_TRADE_OFFS, True)]
    soft = _soft_words(plan, season)
    if not soft:
        return [(None, "Nothing: the plan meets every soft rule.", True)]
    return [(None, "Soft rules are preferences the plan weighs against each other within the hard "
                   "rules; a count is a trade-off the plan makes, not a broken rule. RTS counts "
                   "every day an injured athlete is not yet back: the plan brings each back as early "
                   "as the rules allow.", True)] + [(rule, words, False) for rule, words in soft]


def _competitions_words(season: Season) -> str:
    """The Cover's count of competitions by priority, then each A competition with its date:
    "4: 1 A, 1 B, 2 C. A: Regional Cup Final on Sat 19 Jun 2027"."""
    count = {p: sum(1 for c in season.competitions if c.priority == p) for p in "ABC"}
    words = f"{len(season.competitions)}: " + ", ".join(f"{n} {p}" for p, n in count.items())
    finals = sorted((c for c in season.competitions if c.priority == "A"), key=lambda c: c.date)
    if finals:
        words += ". A: " + "; ".join(f"{c.name} on {text.day_long(c.date)}" for c in finals)
    return words


def _plan_words(ctx: _Ctx, past: bool) -> str:
    """The Cover's Plan line. ``past``: today is past the season's end (advance allows the day
    after it): nothing was left to solve, so neither the solver's status nor a score of 0 says
    anything."""
    plan = ctx.plan
    status = ("a plan that breaks hard rules of the season as it is now (below)" if ctx.broken
              else "not planned for every athlete yet (below)" if ctx.unplanned
              else PAST_PLAN if past else _STATUS_TEXT.get(plan.status, plan.status))
    score = plan.objective is not None and (ctx.broken or not past)
    return status.capitalize() + (
        f"; plan score {text.number(plan.objective)} (lower is better)" if score else "")


def _write_cover(ctx: _Ctx, ws: Worksheet, rets: list) -> None:
    season, plan, tl, st = ctx.season, ctx.plan, ctx.tl, ctx.st
    cal = season.calendar
    label, note, wrap = st.label(), st.note(), st.wrap()
    width_b = 78
    r = 1

    def line(key: str | None, value: str, style: str | None = None, height_size: float = 10,
             bold: bool = False) -> None:
        nonlocal r
        if key:
            ws.cell(row=r, column=1, value=key).style = label
        c = ws.cell(row=r, column=2)
        write_styled(c, value, style or wrap)
        ws.row_dimensions[r].height = row_height(fit_lines(value, width_b, height_size, bold), height_size)
        r += 1

    def head(value: str) -> None:
        nonlocal r
        r += 1
        c = ws.cell(row=r, column=1, value=value)
        c.style = st.title(12)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.row_dimensions[r].height = 20
        r += 1

    t = ws.cell(row=r, column=1)
    write_styled(t, season.name, st.title(18))
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 30
    r = 2
    ws.cell(row=r, column=1, value="The season plan from Periodize").style = note
    ws.merge_cells("A2:B2")
    r = 4
    line("Season", f"{text.span(cal.start, cal.end)}: {text.plural(tl.n, 'day')}, "
                   f"{text.plural(len(tl.weeks), 'week')}")
    past = cal.today is not None and cal.today > cal.end
    line("Plan", _plan_words(ctx, past))
    for key, said in ctx.cover_warnings():
        line(key, said, st.warning(), bold=True)
    line("Squad", _squad_words(season))
    waiting = _waiting_sentence(ctx)  # injured, not planned yet: no return of theirs in ``rets``
    line("Injured", " ".join(x for x in (_injured_sentence(season, rets) if rets or not waiting
                                         else "", waiting, "Each return is on the Returns sheet.") if x))
    for key, value, warn in _in_progress_lines(season):
        line(key, value, st.warning() if warn else None, bold=warn)
    line("Competitions", _competitions_words(season))
    for key, value in _calendar_lines(season) + ctx.weeks_lines():
        line(key, value)
    exported = ws.cell(row=r, column=1, value="Exported")
    exported.style = label
    c = ws.cell(row=r, column=2, value=ctx.exported_at)
    c.style = st.date()
    c.number_format = english("d mmm yyyy hh:mm")
    r += 1
    line("Shared as", "anonymised: athlete IDs instead of names; no diagnoses, protocols or "
                      "reasons for absence" if ctx.anonymise else
                      "with names and rehab details: for the staff only")

    head("Words every sheet uses")
    for key, meaning in DEFINITIONS:
        line(key, meaning)
    line("Intensity", "% of the athlete's max speed: 60 and 70 running, 80 to 95 speed work, 100 a "
                      "match started or an all-out sprint.")
    line("MD labels", "MD match day; MD-k k days before the next match; MD+k k days after the last.")

    head("What the plan trades off")
    for key, value, noted in _trade_off_lines(plan, past, season):
        if noted:
            line(None, value, note, 9 if value.startswith("Soft rules") else 10)
        else:
            line(key, value)

    head("Sheets")
    tl = Timeline(season)
    n, weeks = len(ctx.athletes), len(ctx.weeks or tl.weeks)
    days = [tl.days[i] for i in ctx.shown_days()]
    months = len({calendar_page(d) for d in days})
    calendar = calendar_pages([_label(ctx, a) for a in ctx.athletes], days, ctx.weeks is not None)
    pages = workbook_pages(n, weeks, months, ctx.overview_pages, calendar)
    if pages > 50:
        line(None, print_words(pages, n, weeks, ctx.weeks is None), note, 9)
    index = [
        (OVERVIEW_SHEET, f"the season at a glance ({text.plural(ctx.overview_pages, 'page')} "
                         f"printed): athletes × weeks, blocks, competitions, returns"),
        (RETURNS_SHEET, "each injured athlete's return and target"),
        (CALENDAR_SHEET, "days × athletes, a month of whole weeks a page: the planned intensity of "
                         "every day"),
        (LOAD_SHEET, "training load (minutes × RPE) per athlete and week, planned and logged, "
                     "with ACWR, monotony, strain and flags; the squad's charts"),
        (REVIEW_SHEET, "the season review: per athlete, matches and minutes, HV exposures done "
                       "and planned, the longest gap without one, days in rehab, unavailable and "
                       "not with the squad, load logged against planned"),
        (RULES_SHEET, "every rule with this season's values, its evidence and references"),
    ]
    first = next((ctx.titles[a.id] for a in ctx.athletes if a.id in ctx.titles), None)
    if first is not None:
        # labelled "Athletes": a first sheet's name ("A05 Jonas Player05") ran into the words
        index.append((first, f"one sheet per athlete, from '{first}' on (click a name on the "
                             f"Overview): the season and a chart on page 1, then one page per "
                             f"week to hand out"))
    index.append((SPEED_SHEET, "speed days per athlete and week (the charts' data)"))
    link = st.link()
    for sheet, what in index:
        c = ws.cell(row=r, column=1)
        write_styled(c, "Athletes" if sheet == first else sheet, link)
        c.hyperlink = Hyperlink(ref=c.coordinate, location=f"{_quote_sheet(sheet)}!A1")
        line(None, what)

    head("Legend")
    for stage in STAGE_ORDER:
        c = ws.cell(row=r, column=1, value=stage)
        c.style = st.stage(stage)
        line(None, STAGE_MEANING[stage])
    for kind, meaning in (("load", "load week: the normal training week"),
                          ("deload", "deload week: fewer speed days, shorter training sessions, "
                                     "matches as planned (recovery)"),
                          ("taper", "taper week: before an A competition, intensity kept, shorter "
                                    "training sessions, matches as planned")):
        c = ws.cell(row=r, column=1, value=kind)
        c.style = st.kind(kind) or st.stage(FIT)  # a load week has no fill
        line(None, meaning)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = width_b
    ws.print_area = f"A1:B{r}"
    # as wide as the page, on the pages it takes: fitted to one page, a season's Cover (the first
    # page a coach reads) was 6.5-point type; a page fewer when a scale a little lower holds it
    ctx.print_setup(ws, title_rows=None, landscape=False,
                    fit=(1, pages_tall(ws, r, print_points(16 + width_b), landscape=False)))


def print_words(pages: int, athletes: int, weeks: int, whole: bool) -> str:
    """The Cover's words on printing a workbook of ``pages`` (about): how many the athletes' week
    pages make, and how to print only some (a coach printed the whole season: 1,034 pages)."""
    some = ("export only some weeks: File ▸ Export…'s Weeks (This week, say), or --weeks on the "
            "command line" if whole else "export other weeks the same way (File ▸ Export…'s "
            "Weeks, or --weeks)")
    return (f"Printing the whole workbook makes about {pages:,} pages: the athletes' sheets are "
            f"{athletes * (weeks + 1):,} of them ({text.plural(athletes, 'athlete')} × "
            f"{text.plural(weeks, 'week')}, a page each, and each athlete's first page). Print only "
            f"the sheets you need (Excel and LibreOffice print the sheet open, or the sheets "
            f"selected), or {some}.")


# -- Returns -------------------------------------------------------------------------------------------
def _returns_columns(season: Season) -> tuple:
    """The Returns sheet's columns; the stage column says its day ("the planning start" read
    as the season's start, beside a return months later)."""
    today = season.calendar.today
    when = (f"Stage today ({text.date_short(today).replace(' ', NBSP)})"
            if today is not None and today > season.calendar.start
            else "Stage at the season start")
    return tuple((when, w) if h == "Stage at the planning start" else (h, w) for h, w in RETURNS_COLUMNS)


def _returns_row(ws: Worksheet, r: int, values: list, cols: tuple, styles: tuple) -> None:
    """Row ``r`` of the Returns sheet: a date in the table's date style, the rest wrapped text
    (``styles``: the two), the row as high as its longest cell."""
    wrap, date_s = styles
    lines = 1
    for j, v in enumerate(values, start=1):
        c = ws.cell(row=r, column=j)
        if isinstance(v, dt.date):
            c.style = date_s
            c.value = v
        else:
            write_styled(c, str(v), wrap)
            lines = max(lines, fit_lines(str(v), cols[j - 1][1], 10))
    ws.row_dimensions[r].height = row_height(lines, 10)


def _waiting_values(ctx: _Ctx, a, rec, stage: str) -> list:
    """The Returns sheet's row of an injured athlete not planned yet: his record and its stage,
    his return not planned yet (his placeholder row reads FIT: no return of the plan's)."""
    comp = ctx.season.competition(rec.target_competition) if rec.target_competition else None
    return [a.id if ctx.anonymise else a.label, a.position,
            "–" if ctx.anonymise else protocol_name(rec.protocol),
            "–" if ctx.anonymise else rec.onset,
            f"{_recorded_stage(stage)} (recorded)", NOT_PLANNED[:1].upper() + NOT_PLANNED[1:],
            "–", comp.name if comp else "–", comp.date if comp else "–", "–", "–", "–"]


def returns_widths(cols: tuple, table: list[list]) -> tuple:
    """``cols`` (heading, least width) each as wide as its heading's longest word (bold), its
    longest word and its dates besides (10 points): wrapped, no word is broken."""
    def need(value, bold: bool = False) -> float:
        if isinstance(value, dt.date):  # a date never wraps ("Wed 30 Sep 2026")
            return width_for(text_width(text.day_long(value), 10))
        return max((width_for(text_width(w, 10, bold)) for w in str(value).split()), default=0.0)

    return tuple((h, max([w, need(h, True)] + [need(row[j]) for row in table]))
                 for j, (h, w) in enumerate(cols))


def _write_returns(ctx: _Ctx, ws: Worksheet, rets: list) -> None:
    season, st = ctx.season, ctx.st
    wrap, date_s = st.day_cell(size=10), st.table_date()
    from planner.congestion import after_return_words, congestion, soon_after_return

    runs = congestion(season.model_copy(update={"plan": ctx.plan})) if rets else []
    table = []
    for ret in rets:
        a = season.athlete(ret.athlete)
        run = soon_after_return(runs, ret.athlete, ret.fit)
        values = [
            a.id if ctx.anonymise else a.label,
            a.position,
            ("–" if ctx.anonymise else protocol_name(ret.protocol))
            + (f" ({again})" if not ctx.anonymise and (again := again_words(season, rets, ret)) else ""),
            "–" if ctx.anonymise else ret.onset,  # an onset is health data, and names the player
            f"{ret.first_stage(season)} (from its onset)" if ret.starts_later(season)
            else ret.stage_words(),
            # the first team session he can join, his FIT day beside it when it is no training
            # day of the team (the Returns panel's and the athlete sheet's words)
            (ret.fit if ret.session is None else ret.back_words(text.day_long)
             .removeprefix("back to full training ")) if ret.fit is not None
            else ret.left_words(text.day_long) or "not this season",
            (ret.first_match if ret.first_role not in ("bench", "start") else
             # a returner eased in from the bench: the date alone read as a start; a start
             # says how to cap its minutes, as the Returns panel does
             first_match_day_words(ret.first_match, ret.first_role, ret.first_start,
                                   text.day_long, starter=True, starts=ret.first_starts))
            if ret.first_match is not None else (
                ret.no_match_words() if ret.fit is not None else "–"),  # back: why no match
            ret.target or "–",
            ret.target_date if ret.target_date is not None else "–",
            "–" if ret.target_met is None else ("yes, before the setback" if ret.target_before_setback
                                                 else "yes" if ret.target_met else "no"),
            ret.provisional_words(named=not ctx.anonymise),
            after_return_words(run) if run is not None else "–",  # as the Returns panel says
        ]
        table.append(values)
    for a, rec, stage in injured_not_planned(season, ctx.plan):  # their placeholder rows read FIT
        table.append(_waiting_values(ctx, a, rec, stage))
    cols = returns_widths(_returns_columns(season), table)
    header = st.header()
    for j, (h, width) in enumerate(cols, start=1):
        ws.cell(row=1, column=j, value=h).style = header
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.row_dimensions[1].height = row_height(max(fit_lines(h, w, 10, True) for h, w in cols), 10)
    for r, values in enumerate(table, start=2):
        _returns_row(ws, r, values, cols, (wrap, date_s))
    r = len(table) + 2
    wrote = r > 2  # a return or an injured newcomer: a table to filter (the note below is none)
    if not wrote:
        c = ws.cell(row=2, column=1, value="No injured athlete in this plan.")
        c.style = st.note()
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
        r = 3
    last = get_column_letter(len(cols))
    ws.freeze_panes = "B2"
    if wrote:
        ws.auto_filter.ref = f"A1:{last}{r - 1}"
    notes = ["Back to full training: the first team session the athlete can join from their first day at FIT (that day said beside it when the team does not train on it). First match: the first competition the "
             "athlete plays after it, once the team sessions of RE-1 are done (off the bench: "
             "with the first match started after it). Target met: the athlete "
             "plays the target competition's first day (yes, before the setback: played before the "
             "flare-up or re-injury the return shown follows; a flare-up after a return gives the return after it a row of its own, the flare-up named in the Injury column). Provisional: the return depends on a "
             "criteria test not passed yet; recorded without a passing test: the return is on "
             "record although a criterion of the stage left has no passing result. Congested "
             "soon after: the athlete is planned to start a run of matches "
             f"{RECOVERY_HOURS} h or less apart within three weeks of the return (more than "
             f"{RECOVERY_HOURS} h are needed to recover, Nédélec 2012); not a rule: set roles to "
             "rotate."]
    total = sum(w for _, w in cols)
    for line in notes:  # at the table's size: at 9 points it printed at 5.9
        r += 1
        c = ws.cell(row=r, column=1, value=line)
        c.style = st.note(size=10)
        ws.merge_cells(f"A{r}:{last}{r}")
        ws.row_dimensions[r].height = row_height(fit_lines(line, total, 10), 10)
    ws.print_area = f"A1:{last}{r}"
    # as wide as the page, a page fewer when a scale a little lower holds it: the notes under a
    # table of long rows printed alone on a second page
    ctx.print_setup(ws, fit=(1, pages_tall(ws, r, print_points(total))))


# -- Calendar --------------------------------------------------------------------------------------
SPEED_ROW_PT = 13.0  # a week's row on the Speed days sheet, points
HEADER_MAX_PT = 210.0  # the longest rotated athlete label (a longer name is cut: the ID leads)


def _label(ctx: _Ctx, a) -> str:
    return elide(a.id if ctx.anonymise else f"{a.id} {a.name}", HEADER_MAX_PT - 10, 10, True)


def _calendar_widths(n: int, head_h: float, days: int | None = None) -> tuple[float, int]:
    """The athletes' column width (filling the page for a small squad) and athletes a page wide.

    Athletes are split over pages wide while the type prints under 8 pt and a split makes it
    larger: ``days``, the rows of a Calendar that prints one page tall (a week or a few
    exported; a week of 25 players printed at 6 pt in the top third of one page, now two pages
    at 8 pt or more), None: a month a page, its rows at their least (the season's months of
    24 players printed at 6 pt; now two pages wide, 12 athletes each, at 8 pt or more)."""
    per_page = min(CALENDAR_MAX_ATHLETES, max(1, n))
    fixed = sum(w for _, w in CALENDAR_FIXED)
    room = printable()[0] / print_points(1) - fixed  # character units at 100 %
    least = width_for(text_width("S3 100", 9, True))
    width = max(least, min(10.0, room / per_page))
    if width > least:
        return width, per_page
    tall = head_h + (days * CALENDAR_ROW_MAX if days else
                     CALENDAR_MONTH_ROWS * CALENDAR_ROW_MIN) + 8

    def scale(p: int) -> int:
        return scale_for(print_points(fixed) + p * print_points(least), tall)

    pages = -(-n // per_page)
    while scale(per_page) < CALENDAR_SHORT_SCALE and per_page > 1:
        split = -(-n // (pages + 1))
        if scale(split) <= scale(per_page):  # as tall as the page allows: no larger
            break
        pages, per_page = -(-n // split), split
    if days is None:  # a month's athletes widen to fill the page at the scale its rows allow
        at = scale_for(print_points(fixed) + per_page * print_points(least), tall) / 100
        width = max(least, min(10.0, (printable()[0] / at / print_points(1) - fixed) / per_page))
        return math.floor(width * 4) / 4, per_page
    return least, per_page


def _head_height(labels: list[str]) -> float:
    """The Calendar's header row: as tall as the longest rotated athlete label."""
    longest = max((text_width(x, 10, True) for x in labels), default=30.0)
    return min(HEADER_MAX_PT, max(44.0, longest + 10))


def calendar_short_days(days: list[dt.date], chosen: bool) -> int | None:
    """The rows of a Calendar of the weeks ``chosen`` that prints one page tall (all its days on
    one :func:`calendar_page`), else None (the whole season, or weeks of several months)."""
    return len(days) if chosen and len({calendar_page(d) for d in days}) == 1 else None


def _block_of(season: Season, day: dt.date) -> str:
    for b in season.blocks:
        if b.start <= day <= b.end:
            return b.name
    return ""


def calendar_page(day: dt.date) -> tuple[int, int]:
    """The Calendar page (year, month) a day prints on: a page holds the whole weeks (Monday to
    Sunday) whose Thursday falls in its month, as ISO 8601 gives a week to a year, so no week is
    cut in two (four or five weeks a page)."""
    thursday = day + dt.timedelta(days=3 - day.weekday())
    return thursday.year, thursday.month


def _write_calendar(ctx: _Ctx, ws: Worksheet) -> None:
    """Days x athletes, a month of whole weeks a printed page (``calendar_page``; rows as tall as
    the page allows), at most
    ``CALENDAR_MAX_ATHLETES`` athletes a page wide, the date, MD, team week, block and
    competitions or day off repeated on every page, the legend in the footer."""
    tl = ctx.tl
    head_h = _head_height([_label(ctx, a) for a in ctx.athletes])
    short = calendar_short_days([tl.days[i] for i in ctx.shown_days()], ctx.weeks is not None)
    width, per_page = _calendar_widths(len(ctx.athletes), head_h, short)
    nfixed = len(CALENDAR_FIXED)
    fixed_w = sum(w for _, w in CALENDAR_FIXED)
    page_w = print_points(fixed_w) + per_page * print_points(width)
    room = printable()[1] * 100 / scale_for(page_w, 1.0) - head_h - 8
    if short:  # a week or a few, one page tall: rows as tall as the page allows
        rows = _calendar_rows(ctx, head_h, max(12.0, min(CALENDAR_ROW_MAX, room / short)), 2)
    else:  # a month a page: every row as tall as its lines, then grown to fill the tallest
        rows = _calendar_rows(ctx, head_h, CALENDAR_ROW_MIN, CALENDAR_ROW_PAD)
        _fill_months(ctx, rows, room)
    _put(ctx, ws, rows)
    months: dict[tuple[int, int], float] = {}
    for row, i in enumerate(ctx.shown_days(), start=2):
        key = calendar_page(tl.days[i])
        months[key] = months.get(key, 0.0) + rows.heights[row]
    tall = head_h + max(months.values(), default=0.0)
    if not short:  # the athletes widen to fill the page at the scale the tallest month allows
        fill = printable()[0] * 0.98 / (scale_for(1.0, tall) / 100) / print_points(1)
        width = max(width, min(10.0, math.floor((fill - fixed_w) / per_page * 4) / 4))
        page_w = print_points(fixed_w) + per_page * print_points(width)
    for j, (_, w) in enumerate(CALENDAR_FIXED, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    last_col = nfixed + len(ctx.athletes)
    for j in range(nfixed + 1, last_col + 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    for k in range(per_page, len(ctx.athletes), per_page):
        ws.col_breaks.append(Break(id=nfixed + k))
    ws.freeze_panes = f"{get_column_letter(nfixed + 1)}2"
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{len(rows.rows)}"
    ws.print_title_cols = f"A:{get_column_letter(nfixed)}"
    ctx.print_setup(ws, scale=scale_for(page_w, tall),
                    label=_calendar_label(ws.title, ctx, len(ctx.athletes), per_page, short))
    # a month's pages one after the other (its athletes over two pages wide, then the next month)
    ws.page_setup.pageOrder = "overThenDown"
    # the columns in display order: those in rehab today first (a forward before the keepers)
    ws.oddFooter.left.text = CALENDAR_LEGEND + (CALENDAR_REHAB_FIRST
                                                if order_words(ctx.season, ctx.plan) else "")
    ws.oddFooter.center.text = ""
    ws.oddFooter.right.text = CALENDAR_PAGE


def _calendar_label(title: str, ctx: _Ctx, n: int, per_page: int, short: int | None) -> str | None:
    """The Calendar's page header: the weeks chosen, and how its pages side by side read when
    the athletes go over pages wide. A month's two pages printed under one header, "Calendar",
    with nothing to say that the second held the squad's other half of the same month."""
    label = f"{title}, {weeks_words(ctx.season, ctx.weeks)}" if ctx.weeks else None
    wide = -(-n // per_page)
    if wide < 2:
        return label
    what = "" if short else "each month "
    return f"{label or title} · {what}on {wide} pages side by side, up to {per_page} athletes each"


def _fill_months(ctx: _Ctx, rows: _Rows, room: float) -> None:
    """A month page's rows grown evenly by what the tallest month leaves of ``room`` (points at
    the width's scale), at most :data:`CALENDAR_ROW_MAX`: a row grown to fill a month of one-line
    rows pushed a month of two-line days (``MD+1`` over ``MD-2``) to a 6 pt print."""
    months: dict[tuple[int, int], list[float]] = {}
    for row, i in enumerate(ctx.shown_days(), start=2):
        months.setdefault(calendar_page(ctx.tl.days[i]), []).append(rows.heights[row])
    slack = min((room - sum(h) for h in months.values()), default=0.0)
    base_h = min(CALENDAR_ROW_MAX,
                 math.floor((CALENDAR_ROW_MIN + max(0.0, slack) / CALENDAR_MONTH_ROWS) * 100) / 100)
    for row in range(2, len(rows.rows) + 1):
        rows.heights[row] = max(base_h, rows.heights[row])


def _calendar_rows(ctx: _Ctx, head_h: float, base_h: float, pad: float) -> _Rows:
    tl, st, plan, season = ctx.tl, ctx.st, ctx.plan, ctx.season
    header, rotated = st.header(), st.header_rotated()
    rows = _Rows()
    rows.rows.append([(h, header) for h, _ in CALENDAR_FIXED]
                     + [(_label(ctx, a), rotated) for a in ctx.athletes])
    rows.heights[1] = head_h
    date_s, text_s, bold_s = st.cal_date(), st.cal_text(), st.cal_text(bold=True)
    note_s, note_bold_s = st.cal_text(wrap=True), st.cal_text(bold=True, wrap=True)
    kind_s = {k: st.cal_kind(k) for k in ("load", "deload", "taper")}
    plans = [plan.for_athlete(a.id) for a in ctx.athletes]
    offs = [tl.unavailable(a.id) for a in ctx.athletes]
    from planner.daymarks import ROLE_LETTER, day_marks

    # a match day's role: "70" on a match day read as playing (the marks of the plan exported)
    marks = day_marks(season if season.plan is plan else season.model_copy(update={"plan": plan}), tl)
    roles = [marks[a.id].role if a.id in marks else {} for a in ctx.athletes]
    block_w, comp_w = CALENDAR_FIXED[3][1], CALENDAR_FIXED[4][1]
    styles: dict[tuple, str] = {}
    prev_block = prev_day = None
    for i in ctx.shown_days():
        day = tl.days[i]
        month_start = prev_day is None or calendar_page(day) != calendar_page(prev_day)
        if month_start and prev_day is not None:
            rows.breaks.append(len(rows.rows))  # the header is row 1: this day the next row
        prev_day = day
        block = _block_of(season, day)
        show_block = block if (block != prev_block or month_start) else ""
        prev_block = block
        note = _calendar_note(ctx, i)
        if day == season.calendar.today:  # where what happened ends and the plan starts
            note = "TODAY (above: as logged)" + (f" · {note}" if note else "")
        comps = bool(tl.comp_on[i])
        kind = plan.team_weeks[tl.week_of[i]]
        # between two matches both labels, a line each, as the handouts and athlete pages say
        # them ("MD-2" on one day and "MD+1" on the next read as two different picks)
        md = tl.day_label(i, "\n") or ""
        row = [(day, date_s), (md, (note_bold_s if comps else note_s) if "\n" in md
                               else bold_s if comps else text_s),
               # the week's number as the app, the handouts and --weeks name it
               (f"W{tl.week_of[i] + 1} {kind}", kind_s[kind]), (show_block or None, note_s),
               (note or None, note_bold_s if comps else note_s)]
        for ap, off, role_of in zip(plans, offs, roles, strict=True):
            if ap is None:
                row.append(None)
                continue
            level, stage, away = ap.intensity[i], ap.stages[i], i in off
            code = stage != FIT and (month_start or ap.stages[i - 1] != stage)
            role = ROLE_LETTER.get(role_of.get(i, ""), "") if comps else ""
            key = (stage, level >= HV_LEVEL, level >= SPEED_DAY, level > 0, away, code, role)
            style = styles.get(key)
            if style is None:
                style = styles[key] = st.cal(stage, level, away, code, role)
            row.append((level, style))
        rows.rows.append(row)
        lines = max(fit_lines(note, comp_w, 9, comps) if note else 1, md.count("\n") + 1,
                    fit_lines(show_block, block_w, 9) if show_block else 1)
        rows.heights[len(rows.rows)] = max(base_h, row_height(lines, 9, pad))
    return rows


def _calendar_note(ctx: _Ctx, i: int) -> str:
    """The day's competitions, a line each (a tournament day's, wrapped in the column, all
    printed), or the day off and its reason."""
    tl = ctx.tl
    if tl.comp_on[i]:
        return "\n".join(f"{c.name} ({c.priority})" for c in tl.comp_on[i])
    if i in tl.non_training:
        reason = next((d.reason for d in ctx.season.calendar.non_training_days
                       if d.date == tl.days[i]), "")
        return "Day off" + (f": {reason}" if reason else "")
    return ""


# -- Rules -----------------------------------------------------------------------------------------
def _range_text(p) -> str:
    if p.text is not None:
        return "a list"
    hi = "no limit" if p.max >= 1_000_000 else text.number(p.max)
    return f"{text.number(p.min)} to {hi} {p.unit}".strip()


def _write_rules(ctx: _Ctx, ws: Worksheet) -> None:
    rs = RuleSet(ctx.season.rules)
    st = ctx.st
    header, number, wrap, bold = st.header(), st.number_top(), st.wrap(), st.label()
    widths = tuple(w for _, w, _ in RULES_COLUMNS)
    rows = _Rows()
    rows.rows.append([(h, header) for h, _, _ in RULES_COLUMNS])
    rows.heights[1] = row_height(max(fit_lines(h, w, 10, True) for h, w, _ in RULES_COLUMNS), 10)
    cited: set[str] = set()
    for rule in RULES.values():
        evidence = rule.evidence + " (" + ", ".join(
            EVIDENCE.get(e, e) for e in rule.evidence.split("+")) + ")"
        cited.update(rule.citations)
        for k, p in enumerate(rule.params or (None,)):
            row = [rule.id, rule.title, rs.mode(rule.id)]
            if p is None:
                row += [None, None, None, None]
            else:
                value = rs.value(rule.id, p.name)
                row += [p.description,
                        ", ".join(value) if isinstance(value, tuple) else _num(value),
                        p.default_text if p.text is not None else _num(p.default),
                        _range_text(p)]
            # the rule's words and citations once, on its first setting's row: LD-1's load
            # table repeated them on about 40 rows, four of the sheet's six printed pages
            row += [evidence, ", ".join(rule.citations) if k == 0 else "(as above)",
                    rule.summary if k == 0 else "(as above)",
                    None if p is None else f"{rule.id}.{p.name}"]
            lines = 1
            for v, (_, w, wrapped) in zip(row, RULES_COLUMNS, strict=True):
                if isinstance(v, str) and wrapped:
                    lines = max(lines, fit_lines(v, w, 10))
            out = []
            for j, v in enumerate(row):
                if v is None:
                    out.append(None)
                elif j == 0:
                    out.append((v, bold))
                elif j in (4, 5):
                    out.append((v, number))
                else:
                    out.append((v, wrap))
            rows.rows.append(out)
            rows.heights[len(rows.rows)] = row_height(lines, 10)
    last = len(rows.rows)
    # the references, under the Citations and What-the-rule-says columns
    keys = [h for h, _, _ in RULES_COLUMNS].index("Citations")
    text_col = keys + 1
    rows.rows.append([])
    head = [None] * len(RULES_COLUMNS)
    head[keys], head[text_col] = ("Reference", header), ("", header)
    rows.rows.append(head)
    for key in sorted(cited, key=str.casefold):
        row = [None] * len(RULES_COLUMNS)
        ref = CITATIONS.get(key, "")
        row[keys], row[text_col] = (key, wrap), (ref, wrap)
        rows.rows.append(row)
        lines = max(fit_lines(key, widths[keys], 10), fit_lines(ref, widths[text_col] + widths[text_col + 1], 10))
        rows.heights[len(rows.rows)] = row_height(lines, 10)
        rows.merges.append(f"{get_column_letter(text_col + 1)}{len(rows.rows)}:"
                           f"{get_column_letter(text_col + 2)}{len(rows.rows)}")
    _put(ctx, ws, rows)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(RULES_COLUMNS))}{last}"
    ctx.print_setup(ws, label="Rules: this season's values and the evidence")


def _num(v):
    return int(v) if float(v).is_integer() else v


# -- Speed days (the charts' data) -----------------------------------------------------------------
def _speed_days(ap, tl: Timeline) -> list[int]:
    return [sum(1 for i in w.days if ap.intensity[i] >= SPEED_DAY) for w in tl.weeks]


def _write_speed_days(ctx: _Ctx, ws: Worksheet) -> None:
    tl, st = ctx.tl, ctx.st
    header, rotated, date_s = st.header(), st.header_rotated(), st.cal_date()
    number, away = st.number(), st.away()
    rows = _Rows()
    rows.rows.append([("Week", header), ("Week start", header), ("Team week", header)]
                     + [(_label(ctx, a), rotated) for a in ctx.athletes])
    longest = max((text_width(_label(ctx, a), 10, True) for a in ctx.athletes), default=30.0)
    rows.heights[1] = min(HEADER_MAX_PT, max(40.0, longest + 10))
    counts = []
    for a in ctx.athletes:
        ap = ctx.plan.for_athlete(a.id)
        # a week before he joined or after he left is blank and grey, as the Overview's "not yet
        # here" / "left": a 0 there read as a week trained without a sprint, and drew his chart
        # a run of empty bars from the season's start
        gone = weeks_not_with_squad(ctx.season, a.id, tl)
        counts.append(None if ap is None else [
            (None, away) if out else (n, number)
            for n, out in zip(_speed_days(ap, tl), gone, strict=True)])
    for w, week in enumerate(tl.weeks):
        # the week's number centred: right-aligned, it ran into the date ("10 Mon 5 Oct 2026")
        row = [(w + 1, number), (tl.days[week.first], date_s), ctx.plan.team_weeks[w]]
        row += [None if c is None else c[w] for c in counts]
        rows.rows.append(row)
        rows.heights[w + 2] = SPEED_ROW_PT
    widths = [6, 15, 10] + [4.6] * len(ctx.athletes)
    # the weeks shared evenly over the pages, or on a page fewer a little smaller: fitted to the
    # width alone, 36 athletes' 40 weeks printed 37 on a page and 3 alone on the next
    scale, per = even_pages(sum(print_points(w) for w in widths), rows.heights[1], SPEED_ROW_PT,
                            len(tl.weeks))
    rows.breaks.extend(range(1 + per, len(tl.weeks) + 1, per))
    _put(ctx, ws, rows)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    last_col = len(widths)
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{len(tl.weeks) + 1}"
    ws.print_title_cols = "A:C"
    ws.print_area = f"A1:{get_column_letter(last_col)}{len(tl.weeks) + 1}"  # no empty page beside
    ctx.print_setup(ws, scale=scale, label="Speed days (≥ 80 % of max speed) per athlete and week")


# -- One sheet per athlete -----------------------------------------------------------------------
def _write_athlete(ctx: _Ctx, writer: AthleteSheet, ws: Worksheet, a, explainer, handouts,
                   speed: Worksheet, rets: list) -> None:
    tl = ctx.tl
    rows = SheetRows(rows=[], heights={}, merges=[], breaks=[])
    weeks = handouts.weeks(a.id)
    writer.summary(rows, a, weeks, rets)  # the season's counts, whatever weeks are printed
    p0 = tl.days[min(tl.p0, tl.n - 1)]
    for w in weeks if ctx.weeks is None else handouts.weeks(a.id, ctx.weeks):
        whys, stage_rules = [], []
        for d in () if w.away else w.days:  # a week away is one line, without day rows
            lines, stage = why_lines(explainer.day(a.id, d.date), ctx.anonymise, ctx.names, d.date < p0)
            whys.append(lines)
            stage_rules = stage_rules or stage  # the week's first day in a stage says them
        writer.week(rows, w, whys, stage_rules)
    widths, scale = fit_page(rows)  # as wide as the page at the scale the tallest week allows
    _put(ctx, ws, rows)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last_col = get_column_letter(len(ATHLETE_COLUMNS))
    ws.print_area = f"A1:{last_col}{max(1, len(rows.rows))}"
    label = (a.id if ctx.anonymise else a.label) + (f", {a.position}" if a.position else "")
    ctx.print_setup(ws, title_rows=None, scale=scale, label=label)
    ws.oddFooter.left.text = "&8Speed day ≥ 80 %, HV exposure ≥ 90 % of max speed (see the Cover)"
    if ctx.plan.for_athlete(a.id) is not None:
        add_chart(ws, speed, 4 + ctx.athletes.index(a), len(tl.weeks))



# ---------------------------------------------------------------------------------------------
# The fast path: rows serialised straight into the sheet XML
# ---------------------------------------------------------------------------------------------
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EMPTY_SHEET_DATA = "<sheetData></sheetData>"
_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sheet_data(rows, wb: openpyxl.Workbook, st: Styles) -> tuple[str, str, list[str]]:
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
    return "".join(out), f"A1:{letters[-1]}{max(1, len(rows.rows))}", list(getattr(rows, "merges", ()))


class _CellXml:
    """One cell's ``<c>`` element, written as openpyxl writes it: text as an inline string (with
    the quote-prefix style where Excel would read a formula), numbers and dates as numbers with
    their style. Style ids and short texts (weekdays, labels, stages) are remembered."""

    def __init__(self, wb: openpyxl.Workbook, st: Styles):
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


_AFTER_MERGES = re.compile(r"<(phoneticPr|conditionalFormatting|dataValidations|hyperlinks|"
                           r"printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|"
                           r"drawing)\b")


def _with_merges(xml: str, merges: list[str]) -> str:
    """``xml`` with a ``<mergeCells>`` element where the schema puts it (before the first of the
    elements that follow it)."""
    m = _AFTER_MERGES.search(xml)
    if m is None:
        raise RuntimeError("unexpected sheet XML: no place for the merged cells")
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    return f'{xml[:m.start()]}<mergeCells count="{len(merges)}">{cells}</mergeCells>{xml[m.start():]}'


def workbook_bytes(season: Season, plan: Plan, *, anonymise: bool = False,
                   exported_at: dt.datetime | None = None, check: CheckReport | None = None,
                   weeks: list[int] | None = None) -> bytes:
    """The export workbook as the bytes of an .xlsx file (the fast path); ``check``: the plan
    checker's report of ``plan`` if the caller has it (else it is made here); ``weeks``: as
    :func:`build_workbook`'s."""
    wb, ctx = _build(season, plan, anonymise=anonymise, exported_at=exported_at, fast=True,
                     check=check, weeks=weeks)
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
                sheet_data, ref, merges = by_path.pop(item.filename)
                xml = data.decode("utf-8")
                if xml.count(_EMPTY_SHEET_DATA) != 1:
                    raise RuntimeError(f"unexpected sheet XML in {item.filename}")
                xml = xml.replace(_EMPTY_SHEET_DATA, sheet_data, 1)
                xml = _DIMENSION.sub(f'<dimension ref="{ref}" />', xml, count=1)
                if merges:
                    xml = _with_merges(xml, merges)
                zout.writestr(item.filename, xml.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED,
                              compresslevel=1)
            else:
                zout.writestr(item, data)
    if by_path:
        raise RuntimeError(f"sheets not found in the saved workbook: {', '.join(by_path)}")
    return out.getvalue()


def export_workbook(season: Season, plan: Plan, path: str | os.PathLike, *,
                    anonymise: bool = False, check: CheckReport | None = None,
                    backup: bool = False, weeks: list[int] | None = None,
                    stopped: Callable[[], bool] | None = None) -> bool:
    """Write the plan workbook to ``path`` atomically (``backup``: the file replaced kept as
    ``NAME.bak``; ``weeks``: as :func:`build_workbook`'s, a fortnight to print); True when
    written, False when ``stopped()`` said so once the workbook was made (nothing written).

    SaveError (the previous file untouched) when it cannot be written, e.g. because the file
    is open in Excel (Windows locks it) or the folder is read-only.
    """
    data = workbook_bytes(season, plan, anonymise=anonymise, check=check, weeks=weeks)
    if stopped is not None and stopped():
        return False
    try:
        atomic_write(path, data, backup=backup)
    except SaveError:
        raise
    except OSError as e:  # e.g. no permission to create the temporary file in the folder
        raise SaveError(save_failure(os.fspath(path), e)) from None
    return True
