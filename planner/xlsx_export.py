"""Excel export of a plan (v1): a Team overview sheet and one sheet per athlete.

Only the export path imports this module, so it imports openpyxl at the top; nothing in
``planner/__init__`` imports it.

- **Team**: athletes as rows (injured first, then by position in the order positions first
  appear in the squad, then by id), season weeks as columns. Above the athletes a row of the
  week's competitions and a row of the team's week kind. Each athlete-week cell holds the number
  of HV exposures (intensity >= 90, matches included); its fill is the athlete's week kind and a
  thick left edge shows the stage on the week's first day. A legend sits below the table.
- **One sheet per athlete**: a row per season day with date, weekday, MD label, stage,
  intensity, week kind, availability and the day's competitions.

Every piece of coach-entered text goes through :func:`write_text`, so that a name such as
``=1+1`` or ``#N/A`` stays text (design.md section 7). Sheet titles come from
:func:`safe_sheet_title`. The workbook is built in memory and saved with
:func:`planner.seasonfile.atomic_write`.
"""

from __future__ import annotations

import io
import os
import re

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from planner.errors import InputError, SaveError
from planner.season import FIT, HV_LEVEL, INJ, Plan, Season
from planner.seasonfile import atomic_write
from planner.timeline import Timeline

__all__ = ["build_workbook", "export_workbook", "safe_sheet_title", "write_text"]

TEAM_SHEET = "Team"
MAX_TITLE = 31  # Excel's limit, counted in UTF-16 code units
MAX_CELL_TEXT = 32767  # Excel's limit for the text of one cell

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
STAGE_ORDER = (INJ, "P1", "P2", "P3", "S1", "S2", "S3", FIT)
STAGE_TEXT_WHITE = {INJ, "P1", "S2", "S3"}  # stages whose fill needs white text
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

ATHLETE_HEADERS = (
    "Date", "Weekday", "MD", "Stage", "Intensity (% max speed)", "Week kind", "Available",
    "Competition",
)
ATHLETE_WIDTHS = (13, 9, 8, 7, 12, 10, 10, 36)

TEAM_FIRST_ROW = 5  # row 1 title, 2 header, 3 competitions, 4 team week, then athletes
TEAM_FIXED_COLS = 3  # ID, Name, Position

_FORBIDDEN_IN_TITLE = re.compile(r"[\\/*?:\[\]]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RESERVED_TITLES = {"history"}  # Excel reserves this sheet name
_STATUS_TEXT = {
    "optimal": "optimal (the best plan under the rules)",
    "feasible": "feasible (a valid plan; the solver stopped before proving it the best)",
    "manual": "edited by hand",
    "timeout": "the best plan found within the time limit",
    "cancelled": "the best plan found before the solve was cancelled",
}
_QUOTE_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


# ---------------------------------------------------------------------------------------------
# Coach text and sheet titles
# ---------------------------------------------------------------------------------------------
def write_text(cell, value: str) -> None:
    """Store ``value`` in ``cell`` as literal text, never as a formula or an error value.

    The cell's data type is set to ``"s"``; a value starting with ``= + - @`` or a tab, CR or
    LF also gets the quote prefix so that Excel keeps showing (and editing) it as text.
    ``#N/A``-like values stay strings. Characters that XML cannot hold (control characters
    other than tab, CR and LF) are removed, a CR (alone or in CR LF) becomes LF because XML
    readers turn a raw CR into LF anyway, and text beyond Excel's 32,767 characters is cut.
    An empty value leaves the cell empty.
    """
    text = "" if value is None else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]
    if not text:
        cell.value = None
        return
    cell.value = text  # openpyxl guesses: "=..." becomes a formula, "#N/A" an error ...
    cell.data_type = "s"  # ... so say explicitly that it is text
    if text.startswith(_QUOTE_STARTS):
        cell.quotePrefix = True


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    while _utf16_len(text) > limit:
        text = text[:-1]
    return text


def _tidy_title(text: str) -> str:
    # Excel forbids a title that starts or ends with an apostrophe; spaces at the ends look odd.
    prev = None
    while text != prev:
        prev = text
        text = text.strip().strip("'")
    return text


def safe_sheet_title(text: str, taken: set[str]) -> str:
    """A valid Excel sheet title made from ``text``, unique against ``taken``.

    At most 31 characters (UTF-16 units, as Excel counts), none of ``\\ / * ? : [ ]`` (each
    becomes ``_``), no control characters, not starting or ending with an apostrophe, not
    empty, not Excel's reserved ``History``. ``taken`` holds the titles already used,
    lower-cased; a clash (case-insensitive) gets a `` (2)``, `` (3)`` ... suffix within the 31
    characters. The returned title is added to ``taken`` (lower-cased).
    """
    base = _CONTROL.sub(" ", "" if text is None else str(text))
    base = _FORBIDDEN_IN_TITLE.sub("_", base)
    base = " ".join(base.split())
    base = _tidy_title(_cut(_tidy_title(base), MAX_TITLE)) or "Sheet"
    candidate = base
    n = 2
    while candidate.lower() in taken or candidate.lower() in _RESERVED_TITLES:
        suffix = f" ({n})"
        stem = _tidy_title(_cut(base, MAX_TITLE - len(suffix))) or "Sheet"
        candidate = stem + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


def _quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _header_text(text: str) -> str:
    """Text for a print header/footer: ``&`` starts a code there, so double it."""
    return _CONTROL.sub(" ", text).replace("&", "&&")[:120]


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

    def match(self) -> str:
        return self._add("Periodize match", font=self.bold)


# ---------------------------------------------------------------------------------------------
# Building the workbook
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


def _athlete_order(season: Season, plan: Plan) -> list:
    """Injured first, then by position (in the order positions first appear), then by id.

    Injured: not ``FIT`` on some day of the plan (or, without a plan, an injury record whose
    current stage is not ``FIT``).
    """
    rank: dict[str, int] = {}
    for a in season.athletes:
        key = a.position.strip().lower()
        if key:
            rank.setdefault(key, len(rank))

    def injured(a) -> bool:
        ap = plan.for_athlete(a.id)
        if ap is not None:
            return any(s != FIT for s in ap.stages)
        inj = season.injury_of(a.id)
        return inj is not None and inj.current.stage != FIT

    def key(a):
        pos = a.position.strip().lower()
        return (0 if injured(a) else 1, rank.get(pos, len(rank)), a.id)

    return sorted(season.athletes, key=key)


def _week_competitions(tl: Timeline, w: int) -> list:
    seen: dict[str, object] = {}
    for i in tl.weeks[w].days:
        for c in tl.comp_on[i]:
            seen.setdefault(c.id, c)
    return sorted(seen.values(), key=lambda c: (c.date, c.name))


def build_workbook(season: Season, plan: Plan) -> openpyxl.Workbook:
    """The export workbook in memory: the Team sheet, then one sheet per athlete."""
    tl = Timeline(season)
    _check_plan(season, plan, tl)
    wb = openpyxl.Workbook()
    styles = _Styles(wb)
    wb.properties.creator = "Periodize"
    wb.properties.title = _CONTROL.sub(" ", season.name)[:200]

    athletes = _athlete_order(season, plan)
    taken = {TEAM_SHEET.lower()}
    titles = {a.id: safe_sheet_title(f"{a.id} {a.name}", taken) for a in athletes}

    team = wb.active
    team.title = TEAM_SHEET
    _write_team(team, season, plan, tl, athletes, titles, styles)
    for a in athletes:
        ws = wb.create_sheet(titles[a.id])
        _write_athlete(ws, season, plan, tl, a, styles)
    return wb


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
        " matches included)."
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


def _write_athlete(ws: Worksheet, season: Season, plan: Plan, tl: Timeline, a, st: _Styles) -> None:
    ap = plan.for_athlete(a.id)
    off = tl.unavailable(a.id)
    header_style = st.header()
    for col, text in enumerate(ATHLETE_HEADERS, start=1):
        ws.cell(row=1, column=col, value=text).style = header_style
    ws.row_dimensions[1].height = 30
    date_arr = st.array(st.date())
    match_arr = st.array(st.match())
    number_arr = st.array(st.number())
    stage_arr = {s: st.array(st.stage(s)) for s in STAGE_ORDER}
    kind_arr = {k: st.array(st.kind(k)) for k in ("load", "deload", "taper")}
    labels = [tl.label(i) for i in range(tl.n)]
    for i, day in enumerate(tl.days):
        comps = tl.comp_on[i]
        if ap is None:
            stage = intensity = kind = None
        else:
            stage, intensity, kind = ap.stages[i], ap.intensity[i], ap.weeks[tl.week_of[i]]
        md = labels[i]
        row = [
            Cell(ws, value=day, style_array=date_arr),
            WEEKDAY_ABBR[day.weekday()],
            Cell(ws, value=md, style_array=match_arr) if comps else md,
            Cell(ws, value=stage, style_array=stage_arr.get(stage)),
            Cell(ws, value=intensity, style_array=number_arr),
            Cell(ws, value=kind, style_array=kind_arr.get(kind)),
            "no" if i in off else "yes",
            None,
        ]
        if comps:
            c = Cell(ws, style_array=match_arr)
            write_text(c, "; ".join(x.name for x in comps))
            row[7] = c
        ws.append(row)
    for col, width in enumerate(ATHLETE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last = tl.n + 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ATHLETE_HEADERS))}{last}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    label = f"{a.name} ({a.id})" + (f", {a.position}" if a.position else "")
    ws.oddHeader.center.text = _header_text(label)
    ws.oddFooter.center.text = "Page &P of &N"


def _save_bytes(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_workbook(season: Season, plan: Plan, path: str | os.PathLike) -> None:
    """Write the plan workbook to ``path`` atomically (SaveError if it cannot be written)."""
    data = _save_bytes(build_workbook(season, plan))
    try:
        atomic_write(path, data)
    except SaveError:
        raise
    except OSError as e:  # e.g. no permission to create the temporary file in the folder
        raise SaveError(
            f"{os.fspath(path)}: could not be saved ({e.strerror}); the previous file is unchanged"
        ) from None
