"""The workbook's athlete sheets: the athlete's season on page 1, then one printed page per week.

Page 1 says who the athlete is, the return (for an injured athlete), the season's counts and a
native bar chart of speed days per week (inside the print area). From page 2 each week is one A4
landscape page laid out as the handout PDF (``planner.handout``): the week, its kind and block,
the stage with its limits, the next milestone, the matches with the athlete's role, the planned
load with the week's load figures (``planner.xlsx_load.week_line``), and a row per day with its
session, what to do, target speed, minutes, RPE, planned load (AU, rules-spec.md section 8),
limits, and *why* the day is planned so (the hard rules that bound it and the soft rules it
serves, each with its rule id; the Rules sheet explains them).

Rows are measured (``planner.xlsx_layout``) so that wrapped text keeps its height in Excel and
LibreOffice, and each week ends with a page break. The print scale is the largest at which every
week fits one page with the table as wide as the page (``fit_page``): a sheet whose tallest week
sets the scale gets wider text columns, which wrap into fewer lines, so the weeks are lower and
the text prints larger.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner import text
from planner.anonymise import scrub
from planner.handout import LIMITS_HEAD, HandoutDay, HandoutWeek, day_texts, keep_units, weeks_words
from planner.returns import again_words, day_match_roles
from planner.rules import RULES
from planner.season import PLAY_LEVEL, SPEED_DAY
from planner.sessions import max_speed_header
from planner.squad import weeks_not_with_squad
from planner.text import with_note
from planner.xlsx_layout import (
    PRINT_UNIT_PT,
    fit_lines,
    line_height,
    print_points,
    printable,
    row_height,
    scale_for,
)
from planner.xlsx_load import week_line
from planner.xlsx_styles import english

# (header, width in character units, font size of its day cells, wrapped)
COLUMNS = (
    ("Day", 10.5, 9, False),
    ("MD", 6, 9, False),
    ("Stage", 5.5, 9, False),
    ("Session", 24, 9, True),
    ("What to do", 36, 9, True),
    ("Target speed", 10, 9, True),
    ("Min", 4.5, 9, False),
    ("RPE", 4.5, 9, False),
    ("Load AU", 5.5, 9, True),
    (LIMITS_HEAD, 17, 8, True),  # a week's own: HandoutWeek.limits_head
    ("Why: the rules that bound the day (Rules sheet)", 42, 8, True),
)
HEADERS = tuple(c[0] for c in COLUMNS)
WIDTHS = tuple(c[1] for c in COLUMNS)
NCOLS = len(COLUMNS)
LAST_COL = get_column_letter(NCOLS)
CHART_ROWS = 22  # rows under the chart on page 1
CHART_ROW_H = 15.0
FIRST_CHART_ROW = 8
SUMMARY_ROWS = FIRST_CHART_ROW + CHART_ROWS  # page 1 ends here
# Column indices are looked up by header, so a column added to COLUMNS moves them.
# The wrapping text columns: a wide page's room goes to them.
SESSION = HEADERS.index("Session")
WHAT = HEADERS.index("What to do")
LIMITS = HEADERS.index(LIMITS_HEAD)
WHY = HEADERS.index("Why: the rules that bound the day (Rules sheet)")
TEXT_COLUMNS = (SESSION, WHAT, LIMITS, WHY)
# The target speed: two lines (m/s, km/h), or the words for a max speed not measured.
SPEED = HEADERS.index("Target speed")
LINE_9, LINE_8 = line_height(9), line_height(8)


@dataclass
class SheetRows:
    """Rows for a sheet (``planner.xlsx_export._Rows`` compatible) with merges and page breaks."""

    rows: list[list]
    heights: dict[int, float]
    merges: list[str]
    breaks: list[int]
    # each measured row's height for the columns' widths (``fit_page`` widens them), and each
    # week's first and last row
    measure: dict[int, Callable[[tuple[float, ...]], float]] = field(default_factory=dict)
    blocks: list[tuple[int, int]] = field(default_factory=list)


STAGE_RULES = ("RH-CAP", "RH-STAGE", "RH-CRIT")  # said once a week, on the "Stage rules" line
_YEAR = re.compile(r"(\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}) \d{4}\b")


def _words(r, anonymise: bool, names) -> str:
    # the page's title gives the year; anonymised, a failed test unnamed (Reason.anonymised)
    words = _YEAR.sub(r"\1", r.anonymised if anonymise and r.anonymised else r.text)
    if anonymise:
        if r.rule == "RH-STAGE":  # the stage's exit requirement is protocol content
            words = words.split("; to leave it:")[0] + "."
        words = scrub(words, names)
    return words


def why_lines(why, anonymise: bool, names, before_p0: bool) -> tuple[str, list[str]]:
    """The day's reasons, one a line with its rule id: the hard rules that bound it (the soft rules
    it serves named when nothing bounds it), and apart the stage's own rules (RH-CAP, RH-STAGE,
    RH-CRIT), which the week page says once. A day after he left the squad: that alone."""
    if why.away:
        return why.away, []
    bound, serves, facts, stage, costs = [], [], [], [], []
    for r in why.reasons:
        words = _words(r, anonymise, names)
        if r.rule in STAGE_RULES and r.kind != "fact":
            stage.append(f"{words} ({r.rule})")
        elif r.kind == "bound":  # a match role is no rule of the Rules sheet: no id
            bound.append(f"{words} ({r.rule})" if r.rule in RULES else words)
        elif r.kind == "costs":  # a soft rule's price the day pays: said, not as a bound
            costs.append(f"{words} ({r.rule})")
        elif r.kind == "serves":
            serves.append(r.rule)
        else:
            facts.append(words)
    lines = list(bound)
    # a day lived is what was logged (its facts below): "No hard rule bounds this day" read as
    # the rules' verdict on a calm day after a flare-up logged as a light session
    if not bound and not stage and not before_p0:
        lines.append("No hard rule bounds this day" + (
            f"; it serves {', '.join(sorted(set(serves)))}." if serves else "."))
    elif not bound and stage:
        lines.append("Only the stage's rules (above).")
    lines += costs
    if before_p0:
        lines = facts + lines
    # anonymised, two failed tests read alike ("A criteria test failed: …"): said once
    return "\n".join(dict.fromkeys(lines)), list(dict.fromkeys(stage))


class AthleteSheet:
    """Writes one athlete's sheet rows (the fast path serialises them; tests read them back)."""

    def __init__(self, ctx, st):
        self.ctx, self.st = ctx, st
        s = st
        self.s_title, self.s_label, self.s_header = s.week_title(), s.info_label(), s.header()
        self.s_info = {k: s.info(k) for k in (None, "deload", "taper")}
        self.s_day = s.day_cell()
        self.s_day_bold = s.day_cell(bold=True)
        self.s_day_shade = s.day_cell(shade=True)
        self.s_center = s.day_center()
        self.s_center_shade = s.day_center(shade=True)
        self.s_limits = s.day_cell(size=8)
        self.s_why = s.why()
        self.s_note = s.note()

    # -- page 1 ----------------------------------------------------------------------------------
    def summary(self, out: SheetRows, a, weeks: list[HandoutWeek], rets: list) -> None:
        ctx = self.ctx
        who = a.id if ctx.anonymise else a.label
        bits = [who]
        if a.position:
            bits.append(a.position)
        if a.max_speed:
            bits.append(max_speed_header(a.max_speed))
        self._merged(out, [(" · ".join(bits), self.s_title)], 26)
        if not a.max_speed:  # as the handout's header says it: the % of his runs has no speed
            self._info(out, "Max speed", max_speed_header(None), None)
        chosen = weeks_words(ctx.season, ctx.weeks)
        self._info(out, "Season", f"{ctx.season.name}: the plan day by day, one page per week from "
                                  f"page 2" + (f", for {chosen} (exported so; the counts below are "
                                               f"the season's)" if chosen else ""), None)
        self._info(out, "Return", "\n".join(self._return_text(r, rets) for r in rets) if rets
                   else "No injury in this season's plan.", None)
        days = [d for w in weeks for d in w.days]
        speed = sum(1 for d in days if d.intensity >= SPEED_DAY)
        hv = sum(w.hv_exposures for w in weeks)  # the handout's count: a goalkeeper's match is none
        self._info(out, "Counts", f"{text.plural(speed, 'speed day')} and "
                                  f"{text.plural(hv, 'HV exposure')} in {self._weeks_words(a, weeks)}; "
                                  f"{self._matches_played(a.id, days)} (speed day and HV exposure: "
                                  f"see the Cover)", None)
        self._info(out, "Read", "Each week page: the session of every day with its target speed "
                                "(from the max speed), minutes, target RPE (0-10), planned load "
                                "(minutes × RPE of the rule set's load table, AU) and the limits of "
                                "the stage; why each day is planned so is in the last column.", None)
        while len(out.rows) < FIRST_CHART_ROW - 1:
            out.rows.append([])
        for r in range(FIRST_CHART_ROW, SUMMARY_ROWS + 1):
            out.rows.append([])
            out.heights[r] = CHART_ROW_H
        out.breaks.append(SUMMARY_ROWS)

    def _matches_played(self, athlete: str, days: list[HandoutDay]) -> str:
        """The matches the athlete starts and plays from the bench, in words: each competition
        played counts, a tournament day of three matches three (its matches by the role set for
        each, never better than the day's: ``day_match_roles``), and the days they are on when a
        day holds several: ``48 matches started on 16 days, 2 matches from the bench``. It read "16 matches started" for a player
        starting three matches on each of 16 tournament days. A past day logged played that no
        role says counts each of its matches in the day's role."""
        season, tl = self.ctx.season, self.ctx.tl
        count = {"start": [0, 0], "bench": [0, 0]}  # role -> [matches, days]
        for d in days:
            if d.role not in PLAY_LEVEL:
                continue
            comps = tl.comp_on[tl.index(d.date)]
            roles = day_match_roles([season.role_of(athlete, c.id) for c in comps], d.intensity)
            if set(roles) == {"out"}:  # a past day logged played that no role says: all of them
                roles = (d.role,) * len(comps)
            for role, got in count.items():
                n = roles.count(role)
                got[0] += n
                got[1] += n > 0
        return ", ".join(f"{text.plural(n, 'match', 'matches')} {how}"
                         + (f" on {text.plural(k, 'day')}" if n > k else "")
                         for how, (n, k) in zip(("started", "from the bench"), count.values(), strict=True))

    def _weeks_words(self, a, weeks: list[HandoutWeek]) -> str:
        """"18 weeks with the squad": the season's weeks he was with it a day or more (a merged
        page "Away all 22 weeks" is one HandoutWeek, and a signing's weeks before he joined or a
        leaver's after he left are none of his); a week wholly away otherwise (a loan, an
        illness) is his: "40 weeks with the squad, 8 of them away"."""
        gone = weeks_not_with_squad(self.ctx.season, a.id, self.ctx.tl)
        away = sum(1 for w in weeks if w.away for k in range(w.week, max(w.week, w.last_week) + 1)
                   if not gone[k - 1])
        n = gone.count(False)
        return (f"{text.plural(n, 'week')} with the squad"
                + (f", {away} of them away" if away else ""))

    def _return_text(self, r, rets: list) -> str:
        parts = []
        what = "Injury" if self.ctx.anonymise else r.protocol.replace("-", " ").capitalize()
        season = self.ctx.season
        cal = season.calendar
        when = (f"today ({text.day_long(cal.today)})" if cal.today is not None and cal.today > cal.start
                else "at the season start")
        again = "" if self.ctx.anonymise else again_words(season, rets, r)
        # anonymised, no onset: it is health data, and with the squad list it names the player
        parts.append((what if self.ctx.anonymise else f"{what} from {text.day_long(r.onset)}")
                     + (f" ({again})" if again else "")
                     + (f", first stage {r.first_stage(season)}" if r.starts_later(season)
                        else f", {r.stage_at_p0} {when} until {r.setback_words(text.day_long)}"
                        if r.setback is not None else f", {r.stage_words()}"
                        + ("" if r.injured_again is not None else f" {when}")))
        if r.left is not None:
            parts.append(r.left_words(text.day_long))
        elif r.fit is None:
            parts.append("not back to full training in this season's plan")
        else:
            parts.append(with_note(r.back_words(text.day_long),
                                   r.back_note(named=not self.ctx.anonymise)))
            parts.append(r.first_match_words(text.day_long))
        if r.target is not None:
            met = "met" if r.target_met else "missed" if r.target_missed else "not played"
            if r.target_before_setback:
                met += " (played before the setback this return follows)"
            if r.target_missed and r.missed_why:
                met += f" ({r.missed_why})"
            parts.append(f"target {r.target} ({text.day_long(r.target_date)}): {met}")
        return "; ".join(parts)

    # -- one week a page ---------------------------------------------------------------------------
    def week(self, out: SheetRows, w: HandoutWeek, whys: list[str], stage_rules: list[str]) -> None:
        """Append the week's rows, its page break and its block (``fit_page`` scales the page to
        the tallest block)."""
        top = len(out.rows) + 1
        title = f"{w.who} · {w.title}"
        self._merged(out, [(title, self.s_title)], 24)
        if w.away:  # one line: no load week, stage or day rows of a week he is not here
            self._info(out, "Week", w.kind_text + ".", None)
            if w.stage:  # in rehab: what is still asked of him while away
                self._info(out, "Stage", w.stage + ".", None)
        else:
            self._info(out, "Week", f"{w.kind_text}. {w.speed_label}: {w.speed_line}.",
                       None if w.idle else w.kind)
            self._info(out, "Block", w.block or "–", None)
            limits = f" Limits: {w.limits}." if w.limits else ""
            self._info(out, "Stage", w.stage + limits, None)
            if w.pain_rule:  # said once here, not in every day's row
                self._info(out, "Pain", w.pain_rule, None)
            if w.run_rule:  # how a rehab day runs, said once here too
                self._info(out, "Running", w.run_rule, None)
            if stage_rules:
                self._info(out, "Stage rules", " ".join(stage_rules), None)
            self._info(out, "Next", w.milestone or "–", None)
            self._info(out, "Matches", "; ".join(w.matches) if w.matches else "No match this week", None)
            self._info(out, "Load", week_line(self.ctx.load.get(w.athlete), w.first, w.load_text), None)
            heads = tuple(w.limits_head if j == LIMITS else h for j, h in enumerate(HEADERS))
            out.rows.append([(h, self.s_header) for h in heads])
            _measured(out, partial(_header_height, heads))
            for d, why in zip(w.days, whys, strict=True):
                self._day(out, d, why)
        bottom = len(out.rows)
        out.breaks.append(bottom)
        out.blocks.append((top, bottom))

    def _day(self, out: SheetRows, d: HandoutDay, why: str) -> None:
        t = day_texts(d)  # the PDF handout's cells too
        rest, summary, what, speed, limits, bold = (t.rest, t.summary, t.what, t.speed, t.limits,
                                                    t.bold)
        text_s = self.s_day_shade if rest else self.s_day
        center = self.s_center_shade if rest else self.s_center
        out.rows.append([  # an empty cell keeps its style: the table's grid stays whole
            (d.day, text_s),
            (d.md, center),
            (d.stage if d.stage != "FIT" else None, self.st.day_stage(d.stage)),
            (summary, self.s_day_bold if bold else text_s),
            (what, text_s),
            (speed or None, center),
            (_num(d.minutes), center),  # a past day with a log: what was done
            (_num(d.rpe), center),
            (_num(d.load), center),  # a day logged at 0 AU reads 0, not blank (nothing logged)
            (limits or None, self.s_limits),
            (why or None, self.s_why),
        ])
        _measured(out, partial(_day_height, summary, what, speed, limits, why, bold))

    # -- helpers ---------------------------------------------------------------------------------
    def _merged(self, out: SheetRows, cells: list, height: float) -> None:
        out.rows.append(cells + [None] * (NCOLS - len(cells)))
        r = len(out.rows)
        out.merges.append(f"A{r}:{LAST_COL}{r}")
        out.heights[r] = height

    def _info(self, out: SheetRows, label: str, value: str, kind: str | None) -> None:
        value = keep_units(value)
        out.rows.append([(label, self.s_label), (value, self.s_info[kind if kind in ("deload", "taper") else None])]
                        + [None] * (NCOLS - 2))
        out.merges.append(f"B{len(out.rows)}:{LAST_COL}{len(out.rows)}")
        _measured(out, partial(_info_height, value))


def _measured(out: SheetRows, height: Callable[[tuple[float, ...]], float]) -> None:
    """The last row's height at the base widths, and how to measure it again at others."""
    out.measure[len(out.rows)] = height
    out.heights[len(out.rows)] = height(WIDTHS)


def _header_height(heads: tuple[str, ...], widths: tuple[float, ...]) -> float:
    return row_height(max(fit_lines(h, wd, 10, True) for h, wd in zip(heads, widths, strict=True)), 10)


def _info_height(value: str, widths: tuple[float, ...]) -> float:  # merged over B to the last column
    return row_height(fit_lines(value, sum(widths[1:]), 10), 10, pad=4)


def _day_height(summary: str, what: str, speed: str, limits: str, why: str, bold: bool,
                widths: tuple[float, ...]) -> float:
    h9, h8 = LINE_9, LINE_8
    height = max(
        fit_lines(summary, widths[SESSION], 9, bold) * h9,
        fit_lines(what, widths[WHAT], 9) * h9,
        fit_lines(speed, widths[SPEED], 9) * h9 if speed else h9,
        fit_lines(limits, widths[LIMITS], 8) * h8 if limits else 0.0,
        fit_lines(why, widths[WHY], 8) * h8 if why else 0.0,
    )
    return round(height + 4, 1)


def _num(v):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def sheet_scale(block_heights: list[float], widths: tuple[float, ...] = WIDTHS) -> int:
    """The print scale at which the sheet's widest row and tallest week fit one page."""
    width = sum(print_points(w) for w in widths)
    summary = SUMMARY_ROWS * CHART_ROW_H + 120
    return scale_for(width, max(block_heights + [summary]))


def widths_at(scale: int) -> tuple[float, ...]:
    """The columns' widths that make the table as wide as the page prints at ``scale`` %: the room
    beyond :data:`WIDTHS` goes to the wrapping text columns in proportion to their widths (never
    narrower than :data:`WIDTHS`)."""
    room = printable()[0] * 98 / scale / PRINT_UNIT_PT - sum(WIDTHS) - 0.01  # as scale_for rounds
    if room <= 0:
        return WIDTHS
    share = sum(WIDTHS[c] for c in TEXT_COLUMNS)
    return tuple(w + (math.floor(room * w / share * 4) / 4 if c in TEXT_COLUMNS else 0.0)
                 for c, w in enumerate(WIDTHS))


def fit_page(out: SheetRows) -> tuple[tuple[float, ...], int]:
    """The columns' widths and the print scale of an athlete sheet, its rows' heights measured for
    those widths: the largest scale at which every week fits one page with the table as wide as the
    page. Wider columns wrap into fewer lines, so the weeks are lower and the scale can rise, which
    leaves less width: a higher scale's weeks are never lower, so the largest scale that fits is
    found by bisection, from the scale of the base widths (which fits) up to the one of their
    width."""
    base = [sum(out.heights.get(r, 13.0) for r in range(top, bottom + 1)) for top, bottom in out.blocks]

    def heights(widths: tuple[float, ...], s: int) -> list[float]:  # a week that fits unmeasured stays
        return [h if widths == WIDTHS or sheet_scale([h], widths) >= s else
                sum(out.measure[r](widths) if r in out.measure else out.heights.get(r, 13.0)
                    for r in range(top, bottom + 1))
                for h, (top, bottom) in zip(base, out.blocks, strict=True)]

    lo = sheet_scale(base)
    hi = sheet_scale([])
    while lo < hi:
        mid = (lo + hi + 1) // 2
        widths = widths_at(mid)
        if sheet_scale(heights(widths, mid), widths) >= mid:
            lo = mid
        else:
            hi = mid - 1
    widths = widths_at(lo)
    for r, height in out.measure.items():
        out.heights[r] = height(widths)
    return widths, lo


def add_chart(ws: Worksheet, speed: Worksheet, col: int, n_weeks: int) -> None:
    """The bar chart of speed days per week on page 1 (rows ``FIRST_CHART_ROW`` to
    ``SUMMARY_ROWS``, columns A to ``LAST_COL``: inside the print area; a two-cell anchor ends at
    the top-left corner of its ``to`` cell, column ``NCOLS`` counted from 0, so the chart ends at
    the right edge of ``LAST_COL``, the table's last column, and the bottom of the summary's last
    row)."""
    chart = BarChart()
    chart.type = "col"
    chart.title = "Speed days per week (≥ 80 % of max speed)"
    chart.y_axis.title = "speed days"
    chart.legend = None
    chart.add_data(Reference(speed, min_col=col, min_row=1, max_row=n_weeks + 1), titles_from_data=True)
    chart.set_categories(Reference(speed, min_col=2, min_row=2, max_row=n_weeks + 1))
    chart.x_axis.number_format = english("d mmm")
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorUnit = 1
    chart.gapWidth = 40
    chart.layout = Layout(manualLayout=ManualLayout(x=0.05, y=0.12, w=0.93, h=0.7))
    anchor = TwoCellAnchor()
    anchor._from = AnchorMarker(col=0, row=FIRST_CHART_ROW - 1)
    anchor.to = AnchorMarker(col=NCOLS, row=SUMMARY_ROWS)  # the right edge of LAST_COL, page 1's last row
    chart.anchor = anchor
    ws.add_chart(chart)
