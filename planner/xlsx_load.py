"""The workbook's **Load** sheet and the load line of each athlete week (rules-spec.md section 8).

Page 1: two native charts of the squad per week, the planned and the logged load (the mean per
athlete over the same athletes, AU, a day not logged at its plan: :func:`squad_weeks`) as bars and the squad's median ACWR and EWMA ratio as lines with the 0.8 and 1.5
marks of the EWMA flags and LD-1's ACWR limit (1.3 by default). From page 2: athletes x weeks, one row per athlete-week (a
workbook of some weeks, ``export --weeks``: their rows alone, the charts whole): the week, its kind, planned and
logged load, the change from the week before, ACWR (the week's load / the mean of the four full
weeks before), EWMA ratio, monotony, strain and the flags; ``—`` where a figure is undefined
(:func:`planner.load.fmt`'s dash). The charts' data sits beside the table (columns M to S, not
printed), with empty cells where a figure is undefined, so that a line shows a gap, never a 0.

Only the export path imports this module (openpyxl at the top, as ``planner.xlsx_export``).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.marker import Marker
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.history import au
from planner.load import (
    AFTER_NONE,
    DASH,
    NO_LOG,
    RATIO_HIGH,
    RATIO_LOW,
    AthleteFigures,
    WeekFigures,
    before_season,
    change_pct,
    extra_words,
    figure_places,
    fmt,
    fmt_change,
    fmt_figure,
    kind_label,
)
from planner.xlsx_layout import fit_lines, line_height, row_height, text_width, width_for
from planner.xlsx_styles import english

SHEET = "Load"
# (header, width, number format or None for text)
TABLE = (
    ("Athlete", None, None),
    ("Week", 15, english("ddd d mmm yyyy")),
    ("Kind", 10, None),
    ("Planned (AU)", 8.5, "#,##0"),
    ("Logged (AU)", 8.5, "#,##0"),
    ("Load (AU)", 8.5, "#,##0"),  # what the figures count: logged where logged, else planned
    ("Change", 7.5, "+0%;-0%;0%"),  # a number (a fraction), so that a sheet can sort or chart it
    ("ACWR", 6.5, "0.00"),
    ("EWMA ratio", 7, "0.00"),
    ("Monotony", 9.5, "0.00"),
    ("Strain", 8, "#,##0"),
    ("Flags", 30, None),
)
NCOLS = len(TABLE)
LAST = get_column_letter(NCOLS)
CHART_TOP = 3  # the charts' first row (page 1)
CHART_ROWS = 24
CHART_ROW_H = 15.0
HEADER_ROW = CHART_TOP + CHART_ROWS  # the table's header
LOW_MARK = "404040"  # the chart's 0.8 line: dark grey (dashed, 1.5 pt), seen on a printout
# Each series in a look of its own that a mono printer keeps (the palette's bars and the two
# ratio lines all printed the same mid grey, solid): (fill or line colour, dash, marker).
# The planned bar pale with a dark outline, the logged bar solid dark; ACWR a solid line with
# round markers, the EWMA ratio short dashes; the marks each their own dash
PLANNED_BAR = ("DDEBF7", "1F4E79")  # fill, outline
LOGGED_BAR = "1F4E79"
RATIO_LINES = (("C55A11", "solid", "circle"), ("2E75B6", "sysDash", None))  # ACWR, EWMA ratio
MARK_LINES = ((LOW_MARK, "dash", 19050), ("C00000", "lgDash", 12700),  # 0.8, 1.5,
              ("7F6000", "lgDashDot", 12700))  # LD-1's limit
DATA_COL = NCOLS + 2  # the charts' data: column N
# the logged bar's name in the legend: a day not logged counts its plan, as the Load column and
# every figure count it (the logged sum alone read 3 rows not logged as the squad 9 % under)
LOGGED_SERIES = "Logged + planned on days not logged"
DATA = (("Week", 11, english("d mmm yyyy")), ("Planned", 9, "#,##0"), (LOGGED_SERIES, 30, "#,##0"),
        ("ACWR", 8, "0.00"), ("EWMA ratio", 10, "0.00"), (f"{RATIO_LOW:g}", 5, "0.0"),
        (f"{RATIO_HIGH:g}", 5, "0.0"), ("LD-1 limit", 11, "0.0"))


NBSP = "\u00a0"
# a number and its unit, a comparison and its number: one word to a wrapping cell ("load +67 %"
# printed "load +67" with "%" on the next line)
_TOGETHER = re.compile(r"(?<=\d) (?=%|(?:AU|min|d|days?|weeks?)\b)|(?<=[<>\u2264\u2265]) (?=[+-]?\d)")


def keep_together(value: str) -> str:
    """``value`` with a no-break space between each number and its unit (and after ``>``, ``<``)
    so that a wrapped cell never parts them; the words are the same (the CSV keeps its spaces)."""
    return _TOGETHER.sub(NBSP, value)


@dataclass
class SheetRows:
    """Rows for a sheet (``planner.xlsx_export._Rows`` compatible)."""

    rows: list[list] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)


def week_of(f: AthleteFigures, day: dt.date) -> WeekFigures | None:
    """The athlete's week (of the load series) that holds ``day``."""
    for w in f.weeks:
        if w.start <= day <= w.end:
            return w
    return None


def week_line(f: AthleteFigures | None, first: dt.date, planned_text: str) -> str:
    """The athlete-week page's load line: the planned load, then the week's figures."""
    out = f"Planned load: {planned_text}"
    w = week_of(f, first) if f is not None else None
    if w is None:
        return out
    if w.away:
        return f"{out}; {w.unknown_words}."
    if w.logged is not None:  # the week's days on this page, which its planned load counts
        pre = before_season(w)
        # why the week load is more than the logged, as the Load panel says it: "logged 1,660
        # AU. Week load 2,020 AU" left 360 AU unexplained (days not logged count their plan)
        said = ([f"and {fmt(pre, 0)} AU before the season"] if pre > 0.5 else []) + (
            [f"+ {extra}"] if (extra := extra_words(w)) else [])
        out += f"; logged {fmt(w.logged - pre, 0)} AU" + (f" ({'; '.join(said)})" if said else "")
    out += (f". Week load {fmt(w.load, 0)} AU ({fmt_change(w.change)} on the week before), "
            f"ACWR {fmt_figure(w.acwr, f.limits('acwr'))}, "
            f"EWMA ratio {fmt_figure(w.ewma_ratio, f.limits('ewma'))}, "
            f"monotony {fmt_figure(w.monotony, f.limits('monotony'))}, "
            f"strain {fmt(w.strain, 0)}")
    if w.flags:
        out += f". Flags: {', '.join(w.flags)}"
    return out + "."


def _median(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def squad_weeks(figs: dict[str, AthleteFigures], starts: list[dt.date],
                holding: dt.date | None = None) -> list[tuple]:
    """Per season week: (start, planned load per athlete, logged load per athlete (None: nobody
    logged; a day not logged counts its plan, as the week's load does), median ACWR, median EWMA
    ratio). The medians are over the athletes' weeks that hold
    the week's first day, those with the squad on all its days (a signing's weeks before he
    joined are no weeks at 0 AU: counted so, four of them took 14 % off the squad's autumn).
    The two means compare like with like, over the same athletes: those of them not away all
    the week (an away player's planned 0 AU halved a two-man squad's plan beside the one who
    trained, a 148 % overshoot) who logged that week; a week nobody logged (or ``holding``, the
    week holding today, its days to come not logged yet) has the planned mean of them all and
    no logged one. A squad's sums set a whole squad's plan against the few who logged (a fifth
    of the work, it read). The logged mean is of the loads the figures count, the season days'
    (:func:`counted`): a day not logged at its plan, so that rows not logged yet (a GPS export not
    read in) never read as the squad training less (3 rows not logged read the week of 7 Sep
    1,708 against 1,873 planned, where what was logged was the plan). Means in whole AU, a half
    up (:func:`planner.history.au`)."""
    out = []
    for start in starts:
        # a week he is not with the squad on every day is none of the squad's (its load not known)
        weeks = [w for f in figs.values() if (w := week_of(f, start)) is not None and not w.unknown]
        here = [w for w in weeks if not w.away_all_week]
        # the same days each side: a week holding the season's first day compares the logged
        # load of its season days with the plan's (its days before were logged 1,800 against
        # 1,200 planned by a player who did exactly the plan)
        loggers = [w for w in here if w.season_logged is not None] if start != holding else []
        planned = [w.planned for w in loggers or here if w.planned is not None]
        out.append((start, au(statistics.fmean(planned)) if planned else None,
                    au(statistics.fmean([counted(w) for w in loggers])) if loggers else None,
                    _median([w.acwr for w in weeks]), _median([w.ewma_ratio for w in weeks])))
    return out


def counted(w: WeekFigures) -> float:
    """The load a week counts on its season days: what was logged, a day not logged at its
    plan (the Load column's figure, less what a week holding the season's first day logged
    before it, where nothing was planned)."""
    return w.load - before_season(w)


def holding_week(tl) -> dt.date | None:
    """The first day of the week holding today, when today is not its first day (None
    otherwise): a few days logged beside the whole week's plan read as a drop in load (the
    week's real first day: a season's first week may be short)."""
    now = tl.weeks[tl.week_of[tl.p0]] if 0 < tl.p0 < tl.n else None
    return tl.days[now.first] if now is not None and now.first < tl.p0 else None


def write_load(ctx, ws: Worksheet, figs: dict[str, AthleteFigures], label: Callable,
               put: Callable) -> None:
    """The Load sheet: ``label(athlete)`` names an athlete, ``put(ctx, ws, rows)`` gives the
    sheet its cells (the export's ordinary or fast path)."""
    tl = ctx.tl
    rows = SheetRows()
    athletes = [a for a in ctx.athletes if a.id in figs]
    names = {a.id: label(a) for a in athletes}
    name_w = width_for(max([text_width(n, 9) for n in names.values()] + [text_width("Athlete", 10, True)]))
    widths = [name_w if w is None else w for _, w, _ in TABLE]
    # a partial week's "pre-season (2 d)" on one line, as the command line says it
    widths[2] = max([widths[2]] + [width_for(text_width(kind_label(w), 9)) for f in figs.values()
                                   for w in f.weeks])
    no_log = not any(f.has_log for f in figs.values())
    _title(ctx, rows, widths, no_log)
    squad = squad_weeks(figs, [tl.days[w.first] for w in tl.weeks], holding_week(tl))
    _chart_data(ctx, rows, squad)
    rows.breaks.append(HEADER_ROW - 1)
    last = _table(ctx, rows, widths, athletes, names, figs)
    put(ctx, ws, rows)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.column_dimensions[get_column_letter(NCOLS + 1)].width = 3
    for j, (_, w, _) in enumerate(DATA, start=DATA_COL):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.auto_filter.ref = f"A{HEADER_ROW}:{LAST}{last}"
    ws.print_area = f"A1:{LAST}{last}"
    ctx.print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", fit=(1, 0),
                    label="Training load: planned and logged, per athlete and week")
    ws.oddFooter.left.text = ("&8ACWR: week load / mean of the 4 weeks before · EWMA 7:28 · "
                              "— undefined")
    _charts(ws, len(squad), widths)


def _title(ctx, rows: SheetRows, widths: list[float], no_log: bool) -> None:
    st = ctx.st
    rows.rows.append([("Training load: planned and logged, per athlete and week", st.week_title())]
                     + [None] * (NCOLS - 1))
    rows.merges.append(f"A1:{LAST}1")
    rows.heights[1] = 24
    note = ("Load = minutes × RPE (AU): logged before today (a past day with nothing logged counts "
            "its planned load), planned from today on (a session logged today counts at once). "
            "ACWR (rolling, uncoupled; LD-1's) = the "
            "week's load / the mean of the 4 full weeks before; EWMA ratio (EWMA 7:28) = acute "
            "(7-day) / chronic (28-day) exponentially weighted load, the week's mean; monotony = mean / SD "
            "of the week's 7 daily loads; strain = week load × monotony. Flags: EWMA ratio above "
            f"{RATIO_HIGH:g} or below {RATIO_LOW:g}, monotony above 2.0 (planned or logged; seven equal "
            f"days too, their monotony {DASH} for a deviation of 0), "
            f"load up more than 15 % on the week before, ACWR above LD-1's limit "
            f"(a planned load spike; '{AFTER_NONE}' when no chronic load exists). The load chart "
            f"gives the mean per athlete, planned and logged over the same athletes: those "
            f"with the squad and not away all that week who logged it (a week nobody logged: "
            f"the planned mean of all of them, no logged bar); the logged bar is what was logged "
            f"with a day not logged at its plan, as the Load column counts it (a row not read in "
            f"is no training missed; a session logged as 0 min counts 0), each of the season's days only (a "
            f"first week begun before the season: its days from the season's first); the week holding today gets its "
            f"logged bar once it is over (its days to come are not logged yet). Figures to watch, never rules; {DASH} = undefined.")
    if no_log:
        note = f"{NO_LOG[:1].upper()}{NO_LOG[1:]}. " + note
    note = keep_together(note)
    rows.rows.append([(note, st.info())] + [None] * (NCOLS - 1))
    rows.merges.append(f"A2:{LAST}2")
    rows.heights[2] = row_height(fit_lines(note, sum(widths), 10), 10, pad=4)


def _chart_data(ctx, rows: SheetRows, squad: list[tuple]) -> None:
    """The squad per week beside the charts (rows from ``CHART_TOP``, columns from M)."""
    from planner.rules import RuleSet

    st = ctx.st
    limit = RuleSet(ctx.season.rules).value("LD-1", "acwr_max")  # the ACWR a week spikes above
    head = [(h if h != "LD-1 limit" else f"LD-1 limit {limit:g}", st.chart_data()) for h, _, _ in DATA]
    body = []
    for start, planned, logged, acwr, ewma in squad:
        vals = (start, planned, logged, acwr, ewma, RATIO_LOW, RATIO_HIGH, limit)
        body.append([None if v is None else (v if k == 0 else _value(v, fmt_), st.chart_data(fmt_))
                     for k, (v, (_, _, fmt_)) in enumerate(zip(vals, DATA, strict=True))])
    block = [head] + body
    first = CHART_TOP
    for k, cells in enumerate(block):
        r = first + k
        while len(rows.rows) < r:
            rows.rows.append([])
        row = rows.rows[r - 1]
        row.extend([None] * (DATA_COL - 1 - len(row)))
        row.extend(cells)
    for r in range(CHART_TOP, HEADER_ROW):
        while len(rows.rows) < r:
            rows.rows.append([])
        rows.heights[r] = CHART_ROW_H
    for r in range(HEADER_ROW, first + len(block)):
        rows.heights.setdefault(r, CHART_ROW_H)


def _row(rows: SheetRows, r: int) -> list:
    while len(rows.rows) < r:
        rows.rows.append([])
    row = rows.rows[r - 1]
    if len(row) < NCOLS:
        row.extend([None] * (NCOLS - len(row)))
    return row


def _table(ctx, rows: SheetRows, widths: list[float], athletes, names: dict[str, str],
           figs: dict[str, AthleteFigures]) -> int:
    """The table's rows under its header; returns its last row (the chart data beside it may run
    further down: a fortnight's table is shorter than the season's weeks)."""
    st = ctx.st
    header = _row(rows, HEADER_ROW)
    header[:NCOLS] = [(h, st.header()) for h, _, _ in TABLE]
    rows.heights[HEADER_ROW] = row_height(max(fit_lines(h, w, 10, True) for (h, _, _), w in
                                              zip(TABLE, widths, strict=True)), 10)
    text, wrap = st.load_text(), st.load_text(wrap=True)
    r = HEADER_ROW
    # a workbook of some weeks (export --weeks) holds their rows alone: 40 weeks of 24 athletes
    # printed 28 pages of a fortnight's workbook
    shown = None if ctx.weeks is None else [ctx.tl.days[i] for i in ctx.shown_days()]
    for a in athletes:
        lim = figs[a.id].limits
        for w in figs[a.id].weeks:
            if shown is not None and not any(w.start <= d <= w.end for d in shown):
                continue
            r += 1
            row = _row(rows, r)
            row[:NCOLS] = [
                (names[a.id], text), (w.start, st.load_number(TABLE[1][2])),
                (kind_label(w), st.cal_kind(w.kind) if w.kind in ("deload", "taper") else text),
                _num(st, w.planned, 3), _num(st, w.logged, 4), _num(st, w.shown_load, 5),
                _change(st, w.change),
                _num(st, w.acwr, 7, lim("acwr")), _num(st, w.ewma_ratio, 8, lim("ewma")),
                _num(st, w.monotony, 9, lim("monotony")),
                _num(st, w.strain, 10), (keep_together("; ".join(w.notes)) or None, wrap),
            ]
            flags = keep_together("; ".join(w.notes))
            lines = fit_lines(flags, widths[-1], 9) if flags else 1
            rows.heights[r] = max(rows.heights.get(r, 0.0), round(lines * line_height(9) + 3, 1))
    return r


def _num(st, value: float | None, col: int, limits: tuple[float, ...] = ()) -> tuple:
    """A figure's cell; a ratio that 2 decimals would round onto a flag's threshold (0.7985 next
    to "EWMA ratio < 0.8") shows as many more as it takes (planner.load.fmt_figure)."""
    fmt_ = TABLE[col][2]
    if value is None:
        return (DASH, st.load_number(fmt_))
    if limits and (places := figure_places(value, limits)) > 2:
        fmt_ = "0." + "0" * places
    return (_value(value, fmt_), st.load_number(fmt_))


def _change(st, change: float | None) -> tuple:
    """The change from the week before as a number shown in whole percent ("+21%"), rounded as
    ``periodize load`` rounds it; "—" where it is undefined."""
    fmt_ = TABLE[6][2]
    if change is None:
        return (DASH, st.load_number(fmt_))
    pct = change_pct(change)
    if isinstance(pct, float):  # beside the 15 % flag: a decimal, as the CLI says it
        return (pct / 100 + 0.0, st.load_number("+0.0%;-0.0%;0.0%"))
    return (pct / 100 + 0.0, st.load_number(fmt_))  # + 0.0: never a -0


def _value(value: float, fmt_: str) -> int | float:
    """A figure rounded as far as the cell shows it (whole AU, ratios to 2 places), by Python's
    rounding: Excel shows the same digits as ``periodize load`` (a stored 1.145 would show 1.15
    where the command line, rounding 1.1449..., says 1.14)."""
    if fmt_ == "#,##0":
        return int(round(value))
    places = len(fmt_.split(".")[1]) if "." in fmt_ else 0
    return round(value, places)


def _anchor(ws_col0: int, ws_col1: int) -> TwoCellAnchor:
    anchor = TwoCellAnchor()
    anchor._from = AnchorMarker(col=ws_col0, row=CHART_TOP - 1)
    anchor.to = AnchorMarker(col=ws_col1, row=HEADER_ROW - 1)
    return anchor


def _charts(ws: Worksheet, n_weeks: int, widths: list[float]) -> None:
    """Bars of the load per athlete, planned and logged (of those who logged), lines of the
    squad's median ACWR and EWMA ratio."""
    top, bottom = CHART_TOP, CHART_TOP + n_weeks
    cats = Reference(ws, min_col=DATA_COL, min_row=top + 1, max_row=bottom)
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "clustered"
    bars.title = "Squad mean load per athlete and week (AU)"  # the note above says who counts
    bars.add_data(Reference(ws, min_col=DATA_COL + 1, max_col=DATA_COL + 2, min_row=top, max_row=bottom),
                  titles_from_data=True)
    bars.set_categories(cats)
    bars.y_axis.title = "AU"
    bars.gapWidth = 40
    planned, logged = bars.series
    planned.graphicalProperties.solidFill = PLANNED_BAR[0]
    planned.graphicalProperties.line.solidFill = PLANNED_BAR[1]
    planned.graphicalProperties.line.width = 9525
    logged.graphicalProperties.solidFill = LOGGED_BAR
    logged.graphicalProperties.line.solidFill = LOGGED_BAR
    lines = LineChart()
    lines.title = "Squad median ACWR and EWMA ratio"
    lines.add_data(Reference(ws, min_col=DATA_COL + 3, max_col=DATA_COL + 7, min_row=top, max_row=bottom),
                   titles_from_data=True)
    lines.set_categories(cats)
    for s, (colour, dash, symbol) in zip(lines.series[:2], RATIO_LINES, strict=True):
        s.graphicalProperties.line.solidFill = colour
        s.graphicalProperties.line.dashStyle = dash
        s.graphicalProperties.line.width = 22225  # 1.75 pt
        s.marker = Marker(symbol=symbol or "none", size=4 if symbol else None)
        if symbol:
            s.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
            s.marker.graphicalProperties.line.solidFill = colour
    # the 0.8 and 1.5 marks and LD-1's limit: dashed lines, the 0.8 one dark grey and 1.5 pt
    # (in the palette's pale yellow-green it all but vanished on paper)
    for s, (colour, dash, width) in zip(lines.series[2:], MARK_LINES, strict=True):
        s.graphicalProperties.line.solidFill = colour
        s.graphicalProperties.line.dashStyle = dash
        s.graphicalProperties.line.width = width
        s.marker = Marker(symbol="none")
    for s in lines.series:
        s.smooth = False
    for chart in (bars, lines):
        chart.x_axis.number_format = english("d mmm")
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.scaling.min = 0
        chart.legend.position = "b"
        chart.layout = Layout(manualLayout=ManualLayout(x=0.07, y=0.12, w=0.9, h=0.62))
    # the two side by side across the printed columns A:K
    half, acc = sum(widths) / 2, 0.0
    split = 0
    for j, w in enumerate(widths):
        if acc + w / 2 >= half:
            split = j
            break
        acc += w
    bars.anchor = _anchor(0, split)
    lines.anchor = _anchor(split, NCOLS)
    ws.add_chart(bars)
    ws.add_chart(lines)
