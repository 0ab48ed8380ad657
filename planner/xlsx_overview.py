"""The season on one printed page: athletes x weeks with the blocks, competitions and returns.

Rows from the top: the title, the months, the training blocks as a band, each week's first day,
the week's competitions by name (rotated; more than the column holds as one line,
``Nationals ×6 (A)``), and the team's week kind (D deload, T taper). Then one row per athlete
in the squad's display order (``planner.squad``): a week the athlete starts in a rehab stage
shows the stage (its colour and code); otherwise the number of speed days that week, on the
athlete's week kind, in red when the week has no HV exposure (not for a position HV-1
exempts, goalkeepers by default); a week away is hatched. The
last column is the athlete's return (injured athletes). A legend sits under the table.

It prints on one A4 landscape page when the whole of it fits at ``READABLE`` % or larger (the
names and counts at 7.6 points or more; a whole season on one page was 5-point type, its
matches' names 4-point). Else the weeks print in parts side by side (``week_parts``: as few as
print at ``READABLE`` %, each starting where a block or a month does when one is near), the names
and positions beside each (print titles A:B), the legend under the first part as wide as it;
a squad too large for a page goes over pages at the largest scale that keeps them fewest (the
legend's page counted), the athletes shared evenly, the months, blocks, weeks, competitions and team weeks repeated on each,
the legend under the last athletes (a squad that fits one page but for its legend: the legend
alone on a page, no head over it).
"""

from __future__ import annotations

import functools
import math
import re

from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from planner import text
from planner.rules import RuleSet
from planner.season import FIT, HV_LEVEL, SPEED_DAY
from planner.squad import (
    AWAY_WORDS,
    fitted_position,
    hv1_exempt,
    not_with_squad,
    order_words,
)
from planner.xlsx_cells import write_styled
from planner.xlsx_layout import (
    CELL_PAD_PT,
    col_points,
    elide,
    fit_lines,
    line_height,
    print_points,
    printable,
    row_height,
    scale_for,
    text_width,
    width_for,
)
from planner.xlsx_styles import STAGE_ORDER, english

SHEET = "Overview"
WEEK_W = 3.6
POS_W = 4.5
FIRST_WEEK_COL = 3  # A name, B position, then the weeks
RETURN_W = 30
HEAD_ROWS = 6  # title, months, blocks, weeks, competitions, team week
# the least print scale (%): the names and counts (9 pt) print at 7.6 pt or more, the months,
# blocks and team weeks (8 pt) at 6.8 (at 55 % a season on one page was 5-point type)
READABLE = 85
ATHLETE_ROW_H = 13.0  # an athlete's row, in points (taller for a position of several lines)
ROOM = 0.97  # of a page's printable height: what LibreOffice and Excel round away
KIND_LETTER = {"load": "", "deload": "D", "taper": "T"}


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def write_overview(ctx, ws: Worksheet, returns_by: dict) -> None:
    season, plan, tl, st = ctx.season, ctx.plan, ctx.tl, ctx.st
    nw = len(tl.weeks)
    last_week_col = FIRST_WEEK_COL + nw - 1
    ret_col = last_week_col + 1
    last_col = get_column_letter(ret_col)

    # title ---------------------------------------------------------------------------------------
    c = ws.cell(row=1, column=1)
    write_styled(c, f"{season.name}: the season on one page", st.title(14))
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 22

    # printed in parts side by side, a month or block over two parts is a band on each, named on
    # each: one band over both printed its name once, centred over the whole (a block's name on
    # the later page only, its first weeks a coloured band with no name)
    parts, widest = week_parts(_name_width(ctx), nw, part_starts(ctx))
    firsts = frozenset(a for a, _b in parts)
    _months(ctx, ws, firsts)
    _blocks(ctx, ws, firsts)
    week_style = st.week_header()
    for w, week in enumerate(tl.weeks):
        cell = ws.cell(row=4, column=FIRST_WEEK_COL + w, value=tl.days[week.first])
        cell.style = week_style
        # the week's number as the app, the handouts and --weeks name it, then its first day
        cell.number_format = english(f'"W{w + 1}  "d mmm')
    ws.row_dimensions[4].height = 62  # "W52  28 Dec" rotated
    for r, label in ((2, "Month"), (3, "Block"), (4, "Week"), (5, "Competitions"), (6, "Team week")):
        cell = ws.cell(row=r, column=1, value=label)
        cell.style = st.label()
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    _competitions(ctx, ws)
    for w in range(nw):
        kind = plan.team_weeks[w]
        ws.cell(row=6, column=FIRST_WEEK_COL + w, value=KIND_LETTER[kind] or None).style = st.team_kind(kind)
    head = ws.cell(row=HEAD_ROWS, column=ret_col, value="Return (injured athletes)")
    head.style = st.header_left()
    for r in range(2, 6):
        ws.cell(row=r, column=ret_col).style = st.small_cell()
    ws.merge_cells(start_row=2, start_column=ret_col, end_row=5, end_column=ret_col)

    row = _athletes(ctx, ws, returns_by, ret_col)
    ws.column_dimensions["A"].width = _name_width(ctx)
    ws.column_dimensions["B"].width = POS_W
    for w in range(nw):
        ws.column_dimensions[get_column_letter(FIRST_WEEK_COL + w)].width = WEEK_W
    ws.column_dimensions[last_col].width = RETURN_W
    # printed in parts, the legend is as wide as the first (a line across the whole season was
    # cut at each part's edge); on one page, as wide as the table
    legend_col = ret_col if len(parts) == 1 else FIRST_WEEK_COL + parts[0][1]
    legend_end = _legend(ctx, ws, row + 1, get_column_letter(legend_col))

    ws.freeze_panes = ws.cell(row=HEAD_ROWS + 1, column=FIRST_WEEK_COL).coordinate
    breaks, scale, repeat = print_pages(ws, widest, row, legend_end, one_page=len(parts) == 1)
    ctx.overview_pages = overview_pages(breaks, row, len(parts))
    if len(parts) == 1:
        ws.print_area = f"A1:{last_col}{ws.max_row}"
    else:  # each part of the season on its own pages, the athletes' names and the head on each
        ws.print_area = [f"A1:{get_column_letter(legend_col)}{ws.max_row}"] + [
            f"{get_column_letter(FIRST_WEEK_COL + a)}2:"
            f"{get_column_letter(ret_col if b == nw - 1 else FIRST_WEEK_COL + b)}{row - 1}"
            for a, b in parts[1:]]
        ws.print_title_cols = "A:B"
    if not breaks and len(parts) == 1:  # the squad fits one page: the whole sheet on it
        ctx.print_setup(ws, title_rows=None, fit=(1, 1))
        return
    # a season printed on one page was 5-point type, its matches' names 4-point: the weeks in
    # parts side by side and the athletes over pages, each printed at READABLE % or larger
    write_styled(ws.cell(row=1, column=1), f"{season.name}: the season at a glance", st.title(14))
    for r in breaks:
        ws.row_breaks.append(Break(id=r))
    ctx.print_setup(ws, title_rows=f"2:{HEAD_ROWS}" if repeat else None, scale=scale)


def week_parts(name_w: float, nw: int, starts: list[int] | None = None
               ) -> tuple[list[tuple[int, int]], float]:
    """The season's ``nw`` weeks in as few parts (first and last week) as print side by side at
    ``READABLE`` % or larger, each part as many weeks (the last, with the Return column, fewer),
    the names and positions printed beside each; and the widest part's width in points. A part
    starts, up to 3 weeks from there, where ``starts`` (a week's worth as a part's first: 2 a
    block's first week, 1 a month's) is highest: a block or month cut in two lost its name on
    one side."""
    fixed = print_points(name_w) + print_points(POS_W)
    week, ret = print_points(WEEK_W), print_points(RETURN_W)
    page_w = printable()[0] * 0.98

    def wide(a: int, b: int) -> float:
        return fixed + (b - a + 1) * week + (ret if b == nw - 1 else 0)

    for k in range(1, nw + 1):
        # the last part holds the Return column: as many weeks fewer as it is wide
        per = max(1, math.ceil((nw + ret / week) / k))
        firsts = list(range(0, nw, per))
        for j in range(1, len(firsts)):
            lo, hi = firsts[j - 1] + 1, firsts[j + 1] - 1 if j + 1 < len(firsts) else nw - 1
            best = max((f for f in range(firsts[j] - 3, firsts[j] + 4) if lo <= f <= hi),
                       key=lambda f, d=firsts[j]: ((starts or [0] * nw)[f], -abs(f - d)))
            moved = firsts[:j] + [best] + firsts[j + 1:]
            nexts = moved[1:] + [nw]
            if all(wide(a, b - 1) * READABLE / 100 <= page_w for a, b in zip(moved, nexts, strict=True)):
                firsts = moved
        parts = [(a, b - 1) for a, b in zip(firsts, firsts[1:] + [nw], strict=True)]
        widest = max(wide(a, b) for a, b in parts)
        if widest * READABLE / 100 <= page_w:
            return parts, widest
    return parts, widest


def part_starts(ctx) -> list[int]:
    """Each week's worth as the first of a printed part: 2 when a block starts in it, 1 when a
    month does (its first day the month's first week's), else 0."""
    tl, blocks = ctx.tl, ctx.season.blocks
    out = []
    for w, week in enumerate(tl.weeks):
        days = [tl.days[i] for i in week.days]
        first = tl.days[week.first]
        month = w > 0 and tl.days[tl.weeks[w - 1].first].month != first.month
        out.append(2 * any(days[0] <= b.start <= days[-1] for b in blocks) + month)
    return out


def overview_pages(breaks: list[int], end: int, parts: int) -> int:
    """The pages the Overview prints: the first part's (athletes and legend), then each other
    part's athletes' pages (``end``: the row after the last athlete)."""
    athletes = 1 + sum(1 for b in breaks if b < end)
    return len(breaks) + 1 + (parts - 1) * athletes


def print_pages(ws: Worksheet, width: float, end: int, legend_end: int,
                one_page: bool = True) -> tuple[list[int], int, bool]:
    """How the sheet prints: ([], 0, False) when the whole of it fits one page (``one_page``: its
    weeks in one part) at ``READABLE`` % or larger; else the rows each page ends on, the scale
    and whether the head rows repeat on each page. The scale is the largest, up to the one that
    fills the page's width (``width``, the widest part's, in points), at which the athletes and
    the legend take the fewest pages. The athletes are shared evenly between the pages, the
    legend under the last of them (a page more when it does not fit there: the repeated head over
    the legend alone printed as an empty grid over half a page); a squad that fits one page
    without its legend prints the legend alone on a second page, no head repeated over it.
    ``end``: the row after the last athlete; ``legend_end``: the legend's last row."""

    def height(a: int, b: int, scale: float = 100) -> float:  # rows a..b as printed at ``scale``
        return sum(ws.row_dimensions[r].height or 13.0 for r in range(a, b + 1)) * scale / 100

    room = printable()[1] * ROOM
    most = max(READABLE, scale_for(width, 1.0))
    if height(1, legend_end, READABLE) <= room:
        if one_page:
            return [], 0, False
        return [], min(most, max(READABLE, scale_for(1.0, height(1, legend_end) / ROOM))), False

    def athlete_pages(scale: float) -> int:  # the fewest pages the athletes need at ``scale``
        pages, used = 1, height(1, HEAD_ROWS, scale)
        for r in range(HEAD_ROWS + 1, end):
            h = height(r, r, scale)
            if used + h > room:
                pages, used = pages + 1, height(2, HEAD_ROWS, scale)
            used += h
        return pages

    def pages_at(scale: int) -> tuple[list[int], bool]:  # the page ends at ``scale``, repeated
        at = functools.partial(height, scale=scale)
        if at(1, legend_end) <= room:  # (parts side by side: the first holds the legend too)
            return [], False
        heights = [at(r, r) for r in range(HEAD_ROWS + 1, end)]
        top, head, legend = at(1, 1), at(2, HEAD_ROWS), at(end, legend_end)
        pages = athlete_pages(scale)
        if pages == 1:
            return [end], False  # the blank row under the athletes ends page 1
        beside = _beside_legend(heights, room - head - legend)
        for n in range(pages, len(heights) + 1):
            ends, used = _shared(heights, n, top + head, head, room)
            if len(ends) == n - 1 and used + legend <= room:  # n pages, the legend on the last
                break
            # the athletes that fit beside the legend on the last page, the others shared evenly
            # over the pages before: shared evenly over all, a legend half a page tall drove every
            # page of a 40-athlete squad down to the last page's 8 rows (5 pages, half of each empty)
            rest = len(heights) - beside
            if 0 < beside < len(heights) and n > 1:
                ends, _ = _shared(heights[:rest], n - 1, top + head, head, room)
                if len(ends) == n - 2:
                    ends.append(rest)
                    break
        else:  # not even one athlete beside the legend: the legend on a page of its own
            ends = _shared(heights, pages, top + head, head, room)[0] + [len(heights) + 1]
        return [HEAD_ROWS + e for e in ends], True

    # the fewest pages, the legend's counted: the scale that put the athletes on the fewest
    # pages left 36 athletes' legend a page more (three pages of 14, 13 and 9, each half empty)
    # where a scale a few points lower printed them and the legend on two full pages; as many
    # pages either way, the squad whole on one (24: the legend on a page of its own, not 17
    # athletes and then 7 over it)
    pages = {s: pages_at(s) for s in range(most, READABLE - 1, -1)}
    scale = min(pages, key=lambda s: (len(pages[s][0]), sum(b < end for b in pages[s][0]), -s))
    return pages[scale][0], scale, pages[scale][1]


def _beside_legend(heights: list[float], room: float) -> int:
    """How many of the last athletes (their rows' ``heights``) fit in ``room``: those printed
    on the legend's page."""
    used, k = 0.0, 0
    for h in reversed(heights):
        if used + h > room:
            break
        used, k = used + h, k + 1
    return k


def _shared(heights: list[float], pages: int, first: float, head: float,
            room: float) -> tuple[list[int], float]:
    """The athletes (their rows' ``heights``) over ``pages`` pages, as many on each: the number of
    athletes before each page's end, and the height the last page has used."""
    per = -(-len(heights) // pages)
    ends, used, on = [], first, 0
    for k, h in enumerate(heights):
        if on and (on == per or used + h > room):
            ends.append(k)
            used, on = head, 0
        used, on = used + h, on + 1
    return ends, used


NAME_W_MAX = 30.0


def _name_width(ctx) -> float:
    widest = max((text_width(_name(ctx, a), 9) for a in ctx.athletes), default=40.0)
    return max(14.0, min(NAME_W_MAX, width_for(widest)))


def _name(ctx, a, room: float | None = None) -> str:
    """``Name (ID)``; with ``room`` (points) the name is cut to fit, the ID kept when it can be."""
    if ctx.anonymise:
        return a.id if room is None else elide(a.id, room, 9)
    full = a.label
    if room is None or text_width(full, 9) <= room or full == a.id:
        return full if room is None or text_width(full, 9) <= room else elide(full, room, 9)
    tail = f" ({a.id})"
    if text_width(tail, 9) > room / 2:
        return elide(full, room, 9)
    return elide(a.name, room - text_width(tail, 9), 9) + tail


def _months(ctx, ws: Worksheet, firsts: frozenset[int] = frozenset()) -> None:
    """The months as a band, each over its weeks, and again from each printed part's first week
    (``firsts``) it runs on into."""
    tl, st = ctx.tl, ctx.st
    runs: list[tuple[str, int, int]] = []
    for w, week in enumerate(tl.weeks):
        d = tl.days[week.first]
        label = f"{text.month_abbr(d)} {d.year}" if d.month == 1 or w == 0 else text.month_abbr(d)
        key = (d.year, d.month)
        if runs and runs[-1][0][0] == key and w not in firsts:
            runs[-1] = (runs[-1][0], runs[-1][1], w)
        else:
            runs.append(((key, label), w, w))
    for (_, label), a, b in runs:
        room = (b - a + 1) * WEEK_W
        style = st.month_band()
        if text_width(label, 8, True) > (room * 5.25 - 4):
            label = label[:3]
            if text_width(label, 8, True) > (room * 5.25 - 4):
                style = st.month_band(shrink=True)  # one week: "May" shrunk, not "M"
        c = ws.cell(row=2, column=FIRST_WEEK_COL + a, value=label)
        c.style = style
        if b > a:
            ws.merge_cells(start_row=2, start_column=FIRST_WEEK_COL + a, end_row=2,
                           end_column=FIRST_WEEK_COL + b)
    ws.row_dimensions[2].height = 13


def _blocks(ctx, ws: Worksheet, firsts: frozenset[int] = frozenset()) -> None:
    """The training blocks as a band: each block over the weeks it touches (a week shared by two
    blocks goes to the one holding more of its days), cut and named again at each printed part's
    first week (``firsts``)."""
    tl, st, season = ctx.tl, ctx.st, ctx.season
    owner: list[int | None] = []
    for week in tl.weeks:
        best, best_days = None, 0
        for k, b in enumerate(season.blocks):
            n = sum(1 for i in week.days if b.start <= tl.days[i] <= b.end)
            if n > best_days:
                best, best_days = k, n
        owner.append(best)
    w = 0
    lines = 1
    while w < len(owner):
        k = owner[w]
        end = w
        while end + 1 < len(owner) and owner[end + 1] == k and end + 1 not in firsts:
            end += 1
        if k is not None:
            name = season.blocks[k].name
            width = (end - w + 1) * WEEK_W
            if fit_lines(name, width, 8, True) > 2:  # a short block: its initials (the legend names it)
                name = "".join(x[0].upper() for x in re.split(r"[\s-]+", name) if x[:1].isalnum())[:3] or name[:2]
            c = ws.cell(row=3, column=FIRST_WEEK_COL + w)
            write_styled(c, name, st.block_band(k))
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            lines = max(lines, fit_lines(name, width, 8, True))
            if end > w:
                ws.merge_cells(start_row=3, start_column=FIRST_WEEK_COL + w, end_row=3,
                               end_column=FIRST_WEEK_COL + end)
        w = end + 1
    ws.row_dimensions[3].height = row_height(min(lines, 2), 8)


COMP_SIZE = 7  # the competitions' rotated names, points
COMP_LINES = max(1, int(print_points(WEEK_W) // line_height(COMP_SIZE)))  # across a week: 2


def _common_words(names: list[str]) -> str:
    """The words all ``names`` begin with (``Nationals`` of ``Nationals Final`` and
    ``Nationals Pool v Lions``), without a last short joining word (``v``, ``-``); a short word
    with a digit is the name's own (``Summer 7s`` of ``Summer 7s D1 M1``, ``Regional Series 1``
    of ``Regional Series 1 D2 M3``: read as joining words, they were dropped, and three
    tournaments of a series read alike)."""
    words = [n.split() for n in names]
    common = []
    for group in zip(*words, strict=False):
        if len(set(group)) > 1:
            break
        common.append(group[0])
    while common and _joining(common[-1]):
        common.pop()
    return " ".join(common)


def _joining(word: str) -> bool:
    """Whether ``word`` is a short word that joins a name to the rest (``v``, ``-``, ``vs``), not
    one of its own (``U17``, ``7s``, ``2``, ``Cup``)."""
    return len(word) <= 2 and not word[:1].isupper() and not any(ch.isdigit() for ch in word)


def week_words(comps: list) -> str:
    """A week's competitions as its rotated cell reads them: one line each when they fit across
    the week's narrow column (``COMP_LINES``), else one line for them all, the name they share
    and their count (``Nationals ×6 (A)``; ``6 competitions (A, B)``): six names side by side
    in a column two lines wide were cut or spilt over the next week. The Calendar names each."""
    if len(comps) <= COMP_LINES:
        return "\n".join(f"{c.name} ({c.priority})" for c in comps)
    common = _common_words([c.name for c in comps])
    priorities = ", ".join(sorted({c.priority for c in comps}))
    return f"{common} ×{len(comps)} ({priorities})" if common else f"{len(comps)} competitions ({priorities})"


def _competitions(ctx, ws: Worksheet) -> None:
    """Each week's competitions by name, rotated, A competitions bold (more than the column holds:
    one line, :func:`week_words`); the row is as tall as the longest name (at most ~130 points; a
    longer name wraps onto a second line)."""
    tl, st = ctx.tl, ctx.st
    tallest = 40.0
    for w in range(len(tl.weeks)):
        comps = ctx.week_competitions(w)
        if not comps:
            continue
        words = week_words(comps)
        c = ws.cell(row=5, column=FIRST_WEEK_COL + w)
        write_styled(c, words, st.comp_rotated(any(x.priority == "A" for x in comps)))
        for line in words.split("\n"):
            tallest = max(tallest, text_width(line, COMP_SIZE, True) + 8)
    ws.row_dimensions[5].height = min(130.0, tallest)


def _athletes(ctx, ws: Worksheet, returns_by: dict, ret_col: int) -> int:
    tl, plan, st = ctx.tl, ctx.plan, ctx.st
    row = HEAD_ROWS + 1
    name_s, small_s, small_wrap = st.name_cell(), st.small_cell(), st.small_cell(wrap=True)
    name_w = _name_width(ctx)
    # HV-1 exempts some positions (goalkeepers by default): a keeper out of the squad has no HV
    # exposure all season by design, and two rows of red weeks read as a plan gone wrong
    rs = RuleSet(ctx.season.rules)
    for a in ctx.athletes:
        c = ws.cell(row=row, column=1)
        write_styled(c, _name(ctx, a, col_points(name_w) - CELL_PAD_PT), name_s)
        if a.id in ctx.titles:  # none for a player gone before the season (no sheet)
            c.hyperlink = Hyperlink(ref=c.coordinate, location=f"{_quote(ctx.titles[a.id])}!A1",
                                    tooltip="Open this athlete's weeks")
        p = ws.cell(row=row, column=2)
        write_styled(p, fitted_position(a.position, lambda t: len(t) <= 4)[:4], small_s)
        ap = plan.for_athlete(a.id)
        off = _away_weeks(ctx, a.id)
        free = hv1_exempt(rs, a.position)
        for w, week in enumerate(tl.weeks):
            cell = ws.cell(row=row, column=FIRST_WEEK_COL + w)
            if ap is None:
                cell.style = st.cell(None, None, False)
                continue
            stage = ap.stages[week.first]
            if w in off:
                _away_cell(ctx, ws, row, w, off)
            elif stage != FIT:  # (away weeks first: hatched, their cell says so)
                cell.value = stage
                cell.style = st.cell(ap.weeks[w], stage, False)
            else:
                speed = sum(1 for i in week.days if ap.intensity[i] >= SPEED_DAY)
                hv = any(ap.intensity[i] >= HV_LEVEL for i in week.days)
                cell.value = speed
                cell.style = st.cell(ap.weeks[w], None, not hv and not free)
        r = ws.cell(row=row, column=ret_col)
        words = _return_words(returns_by.get(a.id))  # a line per return: a re-injury's too
        write_styled(r, "\n".join(words), small_s if len(words) < 2 else small_wrap)
        ws.row_dimensions[row].height = ATHLETE_ROW_H + 10 * max(0, len(words) - 1)
        row += 1
    return row


def _away_weeks(ctx, athlete: str) -> dict[int, str]:
    """The athlete's weeks away every day, each with its word: "not yet here" (a signing's
    weeks before he joined), "left" (after he left the squad), else "away" (ill, on loan…)."""
    tl = ctx.tl
    off = tl.unavailable(athlete)
    outside = {k: {tl.index(d) for d in not_with_squad(ctx.season, athlete, frozenset({k}))}
               for k in AWAY_WORDS}
    out = {}
    for w, week in enumerate(tl.weeks):
        if all(i in off for i in week.days):
            out[w] = next((AWAY_WORDS[k] for k, days in outside.items()
                           if all(i in days for i in week.days)), "away")
    return out


def _away_cell(ctx, ws: Worksheet, row: int, w: int, off: dict[int, str]) -> None:
    """Week ``w``'s hatched cell; a run of "not yet here" or "left" weeks is one cell over the
    run, the word written once (shrunk to fit a run too narrow for it)."""
    word = off[w]
    cell = ws.cell(row=row, column=FIRST_WEEK_COL + w)
    cell.style = ctx.st.away(7)
    if word == "away" or off.get(w - 1) != word:
        end = w
        while word != "away" and off.get(end + 1) == word:
            end += 1
        cell.value = word
        if text_width(word, 6) > (end - w + 1) * WEEK_W * 5.25 - 4:
            cell.alignment = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
        if end > w:
            ws.merge_cells(start_row=row, start_column=FIRST_WEEK_COL + w, end_row=row,
                           end_column=FIRST_WEEK_COL + end)


def _return_words(rets: list | None) -> list[str]:
    """A line per return: ``back 1 Oct*; target missed``, a re-injury's after the first's."""
    lines = []
    for k, r in enumerate(rets or ()):
        lead = "again: " if k else ""
        target = "" if r.target is None else "; target " + (
            "met before the setback" if r.target_before_setback else "met"
            if r.target_met else "missed" if r.target_missed else "not played")
        lines.append(lead + _back_short(r, lead, target) + target)
    return lines


def _back_short(r, lead: str, target: str) -> str:
    """``back 1 Oct*``: the day he is back (``Return.back_day``, the first team session he can
    join); ``back Thu 18 Feb`` when that is after his first FIT day (a day the team does not
    train), its weekday telling it, unless the line (``lead`` and ``target`` around it) would
    then outgrow the column: ``back 18 Feb``, the same day."""
    if r.fit is None:
        return "not back this season"
    mark = "*" if r.provisional else "†" if r.untested else ""
    back = r.back_day()
    if back != r.fit:
        named = f"back {text.day(back)}{mark}"
        # the small cell's 8-point text in the Return column
        if text_width(lead + named + target, 8) <= col_points(RETURN_W) - CELL_PAD_PT:
            return named
    return f"back {text.date_short(back)}{mark}"


def _legend(ctx, ws: Worksheet, top: int, last_col: str) -> int:
    """The legend under the table, from row ``top``; returns its last row."""
    st = ctx.st
    ws.cell(row=top, column=1, value="Legend").style = st.label()
    lines = [
        "Number = speed days in the week (days at ≥ 80 % of max speed, a match played included); "
        "bold red = a week without any HV exposure (≥ 90 %; printed in black and white, the bold "
        "tells it), except for the positions HV-1 exempts (goalkeepers by default). Speed day and HV exposure are defined once, "
        "on the Cover.",
        "Fill = the athlete's week: blue deload, orange taper (D and T in the Team week row); a "
        "stage code on its colour = in that rehab stage on the week's first day (underlined in blue: "
        "the athlete's deload week); grey “away” (hatched on screen) = away the whole week, "
        "“not yet here” = weeks before a signing joined the squad, “left” = weeks after a player "
        "left it.",
        "Return: back = first team session in full training (* provisional: a criteria test is not passed "
        "yet; † recorded without a passing test); target met = plays the target competition. "
        "Details (the first FIT day) on the Returns sheet; click a name for the athlete's weeks.",
    ]
    order = order_words(ctx.season, ctx.plan)  # a forward above the goalkeepers, said why
    if order:
        lines.append(order)
    if ctx.season.blocks:
        lines.append("Blocks: " + "; ".join(
            f"{b.name} ({text.span(b.start, b.end)})" + (f": {b.emphasis}" if b.emphasis else "")
            for b in ctx.season.blocks) + ".")
    note = st.note()
    total = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43
                for c in range(1, column_index_from_string(last_col) + 1))
    for k, line in enumerate(lines, start=1):
        write_styled(ws.cell(row=top + k, column=1), line, note)
        ws.merge_cells(f"A{top + k}:{last_col}{top + k}")
        ws.row_dimensions[top + k].height = row_height(fit_lines(line, total, 9), 9)
    r = top + len(lines) + 1
    ws.cell(row=r, column=1, value="Stages").style = st.label()
    for j, stage in enumerate(s for s in STAGE_ORDER if s != FIT):
        c = ws.cell(row=r, column=FIRST_WEEK_COL + 2 * j, value=stage)
        c.style = st.cell(None, stage, False)
    ws.cell(row=r + 1, column=1, value="Weeks").style = st.label()
    col = FIRST_WEEK_COL
    for value, kind, no_hv, words in (("2", "load", False, "load week"), ("D", "deload", False, "deload"),
                                      ("T", "taper", False, "taper"), (0, "load", True, "no HV exposure")):
        ws.cell(row=r + 1, column=col, value=value).style = st.cell(kind, None, no_hv)
        span = max(1, int(-(-(text_width(words, 9) + 6) // (WEEK_W * 5.25))))
        label = ws.cell(row=r + 1, column=col + 1, value=words)
        label.style = st.swatch_text()
        if span > 1:
            ws.merge_cells(start_row=r + 1, start_column=col + 1, end_row=r + 1, end_column=col + span)
        col += span + 2
    return r + 1
