"""Checks of a workbook's printed layout: no text wider than its printed column, no wrapped text
taller than its row (the widths are Arial's, the same in Excel and LibreOffice; see
``planner.xlsx_layout`` and ``tests/ui/test_handouts.py``, which measures them against Liberation
Sans)."""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from planner.xlsx_layout import CELL_PAD_PT, col_points, fit_lines, line_height, text_width

DEFAULT_ROW_H = 12.75  # Arial 10's default row height (what a row without a height prints at)


def _shown(cell) -> str | None:
    """The text a cell shows, for the formats the exports use."""
    v = cell.value
    if v is None:
        return None
    fmt = (cell.number_format or "General").removeprefix("[$-409]")  # English whatever the locale
    if isinstance(v, dt.datetime | dt.date):
        d = v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day)
        if fmt.startswith('"'):  # a literal in front of the date ("W5  "d mmm)
            lead, _, rest = fmt[1:].partition('"')
            return lead + _shown(type("C", (), {"value": v, "number_format": rest})())
        if fmt.startswith("ddd"):
            return f"{d:%a} {d.day} {d:%b}" + (f" {d.year}" if "yyyy" in fmt else "") + (
                f" {d:%H:%M}" if "hh" in fmt else "")
        if fmt in ("d mmm", "dd mmm"):
            return f"{d.day:02d} {d:%b}"
        return f"{d.day:02d} {d:%b} {d.year}" + (f" {d:%H:%M}" if "hh" in fmt else "")
    if isinstance(v, int | float) and not isinstance(v, bool):
        if fmt.startswith('"'):  # a stage code in front of the number ("P2 "0;;"P2")
            code = fmt.split('"')[1]
            return code + (f"{v:g}" if v else "")
        if fmt.startswith("0;-0;;") and v == 0:
            return None
        return f"{v:g}"
    return str(v)


def _merged(ws) -> dict[str, tuple[int, int, int, int]]:
    out = {}
    for rng in ws.merged_cells.ranges:
        c0, r0, c1, r1 = range_boundaries(str(rng))
        out[f"{get_column_letter(c0)}{r0}"] = (c0, r0, c1, r1)
    return out


def _width(ws, c0: int, c1: int) -> float:
    total = 0.0
    for c in range(c0, c1 + 1):
        w = ws.column_dimensions[get_column_letter(c)].width
        total += w if w else 8.43
    return total


def _height(ws, r0: int, r1: int) -> float:
    return sum((ws.row_dimensions[r].height or DEFAULT_ROW_H) for r in range(r0, r1 + 1))


def layout_problems(ws, limit: int = 20) -> list[str]:
    """Cells whose text would not fit their printed column (or wrapped, their row)."""
    merged = _merged(ws)
    inside = set()
    for c0, r0, c1, r1 in merged.values():
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    inside.add((r, c))
    out = []
    for row in ws.iter_rows():
        for cell in row:
            if (cell.row, cell.column) in inside:
                continue
            problem = _cell_problem(ws, cell, merged)
            if problem:
                out.append(f"{ws.title}!{cell.coordinate}: {problem}")
                if len(out) >= limit:
                    return out
    return out


def _cell_problem(ws, cell, merged) -> str | None:
    shown = _shown(cell)
    if not shown:
        return None
    c0, r0, c1, r1 = merged.get(cell.coordinate, (cell.column, cell.row, cell.column, cell.row))
    width, height = _width(ws, c0, c1), _height(ws, r0, r1)
    size = float(cell.font.sz or 10)
    bold = bool(cell.font.b)
    al = cell.alignment
    lines = shown.split("\n")
    if al.text_rotation in (90, 180):
        need = max(text_width(line, size, bold) for line in lines)
        if need > height + 1 or len(lines) * line_height(size) > col_points(width) + 1:
            return f"rotated {shown!r} needs {need:.0f} pt, the row has {height:.0f}"
        return None
    if al.wrap_text:
        need = fit_lines(shown, width, size, bold) * line_height(size)
        if need > height + 1:
            return f"{shown[:40]!r} needs {need:.0f} pt of height, the row has {height:.0f}"
        return None
    need = max(text_width(line, size, bold) for line in lines)
    room = col_points(width) - CELL_PAD_PT
    if al.shrink_to_fit:  # the spreadsheet shrinks it to fit: no smaller than 6 pt to be read
        need = need * 6 / size
    if need > room + 0.5:
        return f"{shown[:40]!r} needs {need:.0f} pt, the column has {room:.0f}"
    if len(lines) * line_height(size) > height + 1:
        return f"{len(lines)} lines in a row of {height:.0f} pt"
    return None


def column_of(letter: str) -> int:
    return column_index_from_string(letter)
