"""The workbook's **Season review** sheet, after the Load sheet: the season review
(:func:`planner.review.season_review`) of the season so far, or of the whole season once today
is past its end, one row per athlete in the squad's display order and the squad's total, the
period first under the title and a line defining each column under the table (in two columns
side by side); one landscape page wide.

Only the export path imports this module (openpyxl at the top, as ``planner.xlsx_export``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.review import (
    COLUMNS,
    DASH,
    INJURY_COLUMNS,
    OF_COLUMNS,
    RATIOS,
    ReviewRow,
    season_review,
)
from planner.xlsx_layout import (
    fit_lines,
    print_points,
    printable,
    row_height,
    text_width,
    width_for,
)
from planner.xlsx_load import SheetRows

SHEET = "Season review"
TITLE = "Season review: per athlete"  # the period says itself first on the line under it
HEADER_ROW = 3
# the sheet's own headings and widths by column key (the name column fits the names); the
# longest gap in days (a number the sheet can sort), the ratio in percent
HEADINGS = {"athlete": "Athlete", "longest_gap": "Longest gap (days)",
            "ratio": "Logged ÷ planned"}
WIDTHS = {"reasons": 26.0, "ratio": 9.0, "longest_gap": 8.5, "logged": 9.5, "planned": 9.5,
          "unavailable": 9.5, "not_with_squad": 9.0, "not_played": 7.5}
NO_ROWS = "Nothing logged yet: a row per athlete, and the squad's total, once the season's first day is past."
FORMATS = dict.fromkeys(RATIOS, "0%")  # the review's ratio columns, in percent
# the lines defining the columns, two side by side under the table: their size (points) at 100 %;
# the sheet printed as wide as the page (some 73 %) gets them as large as print at PRINTED_PT
DEFINITION_SIZE = 8
PRINTED_PT = 8.0  # the least size a line of words prints at
PAGE_ROOM = 0.97  # of a page's printable height: what LibreOffice and Excel round away
MEANINGS = {"athlete": "the athlete's name and ID (the ID alone in an anonymised workbook); "
                        "Squad: the squad's total (the longest gap: the longest of anyone's)"}
SHOWN = tuple((k, HEADINGS.get(k, h), MEANINGS.get(k, what)) for k, h, what in COLUMNS
              if k != "name")


def write_review(ctx, ws: Worksheet, label: Callable, put: Callable) -> None:
    """The Season review sheet: ``label(athlete)`` names an athlete (as on the Load sheet),
    ``put(ctx, ws, rows)`` gives the sheet its cells (the export's ordinary or fast path)."""
    st = ctx.st
    review = season_review(ctx.season, ctx.plan)
    by_id = {a.id: a for a in ctx.athletes}
    names = {r.athlete: label(by_id[r.athlete]) for r in review.rows if r.athlete in by_id}
    name_w = width_for(max([text_width(n, 9) for n in names.values()]
                           + [text_width("Athlete", 10, True)]))
    # no day yet (pre-season): no rows of zeros, the line under the headings says why
    listed = (*review.rows, review.total) if review.period.days else ()
    table = [_cells(st, r, names.get(r.athlete, r.name)) for r in listed]
    # a heading wraps between its words, never inside one ("Minute|s"); a figure never wraps
    # and is measured too (the squad's "378 of 2,455" printed "378 of 2,4")
    widths = [name_w if k == "athlete" else max(
        WIDTHS.get(k, 7.0),
        width_for(max(text_width(word, 10, True) for word in h.split())),
        *([] if k == "reasons" else [width_for(text_width(_shown(row[j][0], k), 9))
                                     for row in table]))
        for j, (k, h, _) in enumerate(SHOWN)]
    last = get_column_letter(len(SHOWN))
    rows = SheetRows()
    rows.rows.append([(TITLE, st.week_title())] + [None] * (len(SHOWN) - 1))
    rows.merges.append(f"A1:{last}1")
    rows.heights[1] = 24
    note = (f"{review.heading(paper=True)}. Counted from the log and the plan as it was made (section 9: a past day with nothing "
            f"logged as planned, in the stage the injury records give it); {DASH} = none or "
            "undefined. Each column is defined under the table.")
    rows.rows.append([(note, st.info())] + [None] * (len(SHOWN) - 1))
    rows.merges.append(f"A2:{last}2")
    rows.heights[2] = row_height(fit_lines(note, sum(widths), 10), 10, pad=4)
    rows.rows.append([(h, st.header()) for _, h, _ in SHOWN])
    rows.heights[HEADER_ROW] = row_height(max(fit_lines(h, w, 10, True) for (_, h, _), w
                                              in zip(SHOWN, widths, strict=True)), 10)
    for r, cells in zip(listed, table, strict=True):
        rows.rows.append(cells)
        rows.heights[len(rows.rows)] = row_height(fit_lines(r.cell("reasons"), widths[-1], 9), 9)
    if not listed:
        rows.rows.append([(NO_ROWS, st.info())] + [None] * (len(SHOWN) - 1))
        rows.merges.append(f"A{len(rows.rows)}:{last}{len(rows.rows)}")
    table_end = len(rows.rows)
    # the headings repeat on each page the table goes on to, not over the injuries and the
    # definitions alone on a page of their own
    scale = min(1.0, printable()[0] / sum(print_points(w) for w in widths))
    one_page = sum(rows.heights.get(k, 12.75) for k in range(1, table_end + 1)) * scale \
        <= printable()[1]
    rows.rows.append([])
    if not ctx.anonymise:  # protocols and onsets stay with the medical staff
        _injuries(st, rows, widths, review)
        rows.rows.append([])
    # printed at ``scale`` the 8-point definitions were 5.9-point type
    size = max(DEFINITION_SIZE, math.ceil(2 * PRINTED_PT / scale) / 2)
    first = len(rows.rows) + 1
    _definitions(st, rows, widths, size)
    _keep_definitions_whole(rows, first, scale, 0.0 if one_page else rows.heights[HEADER_ROW])
    put(ctx, ws, rows)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    # the total row stays last
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{table_end - 1 if listed else HEADER_ROW}"
    ws.print_area = f"A1:{last}{len(rows.rows)}"
    ctx.print_setup(ws, title_rows=None if one_page else f"{HEADER_ROW}:{HEADER_ROW}",
                    fit=(1, 0), label=TITLE)


# the injury table's columns over the review's (first, one past the last), merged: the athlete
# under Athlete, the injury over four columns, ...
INJURY_SPANS = ((0, 1), (1, 5), (5, 7), (7, 10), (10, 11), (11, 13))


def _injuries(st, rows: SheetRows, widths: list[float], review) -> None:
    """The period's injuries under the table: athlete, injury, onset, back (or the stage still
    held), days lost and matches missed while injured, each over :data:`INJURY_SPANS`."""
    if not review.injuries:
        rows.rows.append([("Injuries: none in the period.", st.info())] + [None] * (len(widths) - 1))
        rows.merges.append(f"A{len(rows.rows)}:{get_column_letter(len(widths))}{len(rows.rows)}")
        return
    note = ("Injuries (days lost: from the onset to the return, within the period; matches "
            "missed while injured)")
    rows.rows.append([(note, st.header_left())] + [None] * (len(widths) - 1))
    rows.merges.append(f"A{len(rows.rows)}:{get_column_letter(len(widths))}{len(rows.rows)}")
    for k, cells in enumerate([INJURY_COLUMNS, *(r.cells() for r in review.injuries)]):
        row: list = [None] * len(widths)
        lines = 1
        for j, ((a, b), cell) in enumerate(zip(INJURY_SPANS, cells, strict=True)):
            if k == 0:
                value, style = cell, st.header()
            elif j >= 4:  # the counts, as numbers
                value, style = int(cell.replace(",", "")), st.load_number("#,##0")
            else:
                value, style = cell, st.load_text(wrap=True)
            row[a] = (value, style)
            if b - a > 1:
                rows.merges.append(f"{get_column_letter(a + 1)}{len(rows.rows) + 1}:"
                                   f"{get_column_letter(b)}{len(rows.rows) + 1}")
            lines = max(lines, fit_lines(str(value), sum(widths[a:b]), 10, k == 0))
        rows.rows.append(row)
        rows.heights[len(rows.rows)] = row_height(lines, 10 if k == 0 else 9)


def _keep_definitions_whole(rows: SheetRows, first: int, scale: float, head: float) -> None:
    """A page break before the definitions (rows ``first`` on) when they do not fit under what
    comes before them on its last page, printed at ``scale`` (``head``: the table's heading row
    repeated on each page): a page held the last 3 lines of them alone."""
    room = printable()[1] * PAGE_ROOM / scale

    def height(r: int) -> float:
        return rows.heights.get(r, 12.75)

    used = 0.0
    for r in range(1, first):
        if used + height(r) > room:
            used = head
        used += height(r)
    if used + sum(height(r) for r in range(first, len(rows.rows) + 1)) > room:
        rows.breaks.append(first - 1)


def _definitions(st, rows: SheetRows, widths: list[float], size: float = DEFINITION_SIZE) -> None:
    """A line defining each column under the table, in two columns of the page's width side by
    side at ``size`` (one under the other, they ran onto a second page)."""
    # the right-hand column starts at the first sheet column past half the table's width
    split = next(j for j in range(1, len(widths))
                 if sum(widths[:j]) >= sum(widths) / 2)
    halves = ((0, split, sum(widths[:split])), (split, len(widths), sum(widths[split:])))
    lines = [f"{h}: {what}." for _, h, what in SHOWN]
    down = (len(lines) + 1) // 2  # the left column's lines; the rest on the right
    style = st.info(size=size)
    for k in range(down):
        row: list = [None] * len(widths)
        lines_here = 1
        for (start, stop, width), line in zip(halves, (lines[k], *lines[down + k:down + k + 1]),
                                              strict=False):
            row[start] = (line, style)
            rows.merges.append(f"{get_column_letter(start + 1)}{len(rows.rows) + 1}:"
                               f"{get_column_letter(stop)}{len(rows.rows) + 1}")
            lines_here = max(lines_here, fit_lines(line, width, size))
        rows.rows.append(row)
        rows.heights[len(rows.rows)] = row_height(lines_here, size)


def _shown(value, key: str) -> str:
    """A figure's cell as it prints: "378 of 2,455" as written, 1,234 with its thousands
    separated, a ratio in percent (the cell's format)."""
    if isinstance(value, str) or value is None:
        return value or ""
    if FORMATS.get(key) == "0%":
        return f"{round(100 * value)}%"
    return f"{round(value):,}"


def _cells(st, r: ReviewRow, name: str) -> list[tuple]:
    out = []
    for key, _, _ in SHOWN:
        if key == "athlete":
            out.append((name, st.load_text()))
            continue
        v = r.value(key)
        if key == "reasons":
            out.append((v or None, st.load_text(wrap=True)))
        elif key in OF_COLUMNS:  # "23 of 43": the count of the days that could be logged
            out.append((r.cell(key), st.load_number("General")))
        elif v is None or isinstance(v, str):
            out.append((DASH if v is None else v, st.load_number("General")))
        else:
            fmt_ = FORMATS.get(key, "#,##0")
            out.append((v if fmt_ != "#,##0" else int(round(v)), st.load_number(fmt_)))
    return out


__all__ = ["SHEET", "write_review"]
