"""Excel export: the Cover, the one-page Overview, Returns, Calendar, Rules, the athlete sheets
(week pages laid out as the handout), Speed days; coach text as text, sheet titles, the layout
(no text wider than its column), saving. The printed pages themselves: tests/exports/test_print.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import os
import re
import subprocess
import sys
import zipfile
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from planner import xlsx_athlete
from planner.errors import InputError, SaveError
from planner.season import (
    Athlete,
    AthletePlan,
    Calendar,
    Competition,
    Injury,
    Plan,
    Season,
    StageRecord,
    Unavailability,
)
from planner.squad import display_ids
from planner.timeline import Timeline
from planner.xlsx_cells import safe_sheet_title, write_text
from planner.xlsx_export import (
    ATHLETE_HEADERS,
    CALENDAR_SHEET,
    COVER_SHEET,
    DEFINITIONS,
    KIND_FILL,
    LOAD_SHEET,
    OVERVIEW_SHEET,
    RETURNS_SHEET,
    SPEED_SHEET,
    STAGE_COLOUR,
    STAGE_TINT,
    SUMMARY_SHEETS,
    build_workbook,
    export_workbook,
    workbook_bytes,
)
from planner.xlsx_load import HEADER_ROW
from tests.exports.layout import layout_problems

START = dt.date(2027, 1, 4)  # a Monday
END = dt.date(2027, 1, 20)  # a Wednesday: 17 days, weeks of 7, 7 and 3 days
WEEK_DAYS = [range(0, 7), range(7, 14), range(14, 17)]
PROBES = ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "#N/A"]


def _day(i: int) -> dt.date:
    return START + dt.timedelta(days=i)


def small_season(**update) -> Season:
    season = Season(
        name="Riverside U19",
        calendar=Calendar(start=START, end=END),
        competitions=(
            Competition(id="l3", name="League match 3", date=_day(5), priority="C"),
            Competition(id="c2", name="Cup round 2", date=_day(9), priority="B"),
            Competition(id="l4", name="League match 4", date=_day(12), priority="C"),
        ),
        athletes=(
            Athlete(id="A1", name="Ann Ash", position="Defender"),
            Athlete(id="A2", name="Bo Birch", position="Goalkeeper"),
            Athlete(id="A3", name="Cy Cedar", position="Forward"),
            Athlete(id="A4", name="Di Dale", position="Defender"),
        ),
        unavailability=(
            Unavailability(athlete="A2", start=_day(14), end=_day(15), reason="Illness"),
        ),
        injuries=(
            Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=dt.date(2027, 1, 2),
                   stages=(StageRecord(stage="P1", start=_day(2)),)),
        ),
    )
    return season.model_copy(update=update) if update else season


def fit_plan(season: Season, athlete_id: str, pattern: list[int]) -> AthletePlan:
    tl = Timeline(season)
    off = tl.unavailable(athlete_id)
    intensity = []
    for i in range(tl.n):
        if i in off:
            intensity.append(0)
        elif tl.is_comp[i]:
            intensity.append(100)
        else:
            intensity.append(pattern[i % len(pattern)])
    return AthletePlan(athlete=athlete_id, stages=("FIT",) * tl.n, intensity=tuple(intensity),
                       weeks=("load", "deload", "taper"))


def small_plan(season: Season) -> Plan:
    n = Timeline(season).n
    rehab_stages = ("INJ", "INJ") + ("P1",) * 7 + ("P2",) * (n - 9)
    rehab_int = tuple(0 if s != "P2" else (60 if i % 2 else 70) for i, s in enumerate(rehab_stages))
    return Plan(
        status="optimal",
        team_weeks=("load", "deload", "taper"),
        athletes=(
            fit_plan(season, "A1", [0, 90, 0, 95, 0, 0, 80]),
            fit_plan(season, "A2", [0, 0, 90, 0, 0, 0, 0]),
            AthletePlan(athlete="A3", stages=rehab_stages, intensity=rehab_int,
                        weeks=("load", "load", "deload")),
            fit_plan(season, "A4", [80, 0, 0, 0, 0, 0, 0]),
        ),
    )


def hv_counts(ap: AthletePlan) -> list[int]:
    return [sum(1 for i in days if ap.intensity[i] >= 90) for days in WEEK_DAYS]


@pytest.fixture(scope="module")
def demo_book(demo_season):
    """The demo's workbook with blocks, as build_workbook makes it (built once for the module, a
    sheet's cells made when a test reads it)."""
    season = _with_blocks(demo_season)
    return _SheetBook(season, simple_plan(season))


@pytest.fixture(scope="module")
def demo_export(demo_season, tmp_path_factory):
    """The demo's workbook with :func:`simple_plan`, exported once for the module: its path."""
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    export_workbook(demo_season, simple_plan(demo_season), path)
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The small season's workbook, exported once for the module (the tests only read it)."""
    season = small_season()
    plan = small_plan(season)
    path = tmp_path_factory.mktemp("small") / "plan.xlsx"
    export_workbook(season, plan, path)
    return season, plan, path


EXPORTED_AT = dt.datetime(2027, 1, 21, 9, 30)
FIRST_ROW = 7  # Overview: title, months, blocks, weeks, competitions, team week, then athletes


def overview_rows(ws) -> dict[str, int]:
    """Athlete id -> row on the Overview (names read "Ann Ash (A1)")."""
    out = {}
    for row in range(FIRST_ROW, ws.max_row + 1):
        v = ws.cell(row=row, column=1).value
        if v == "Legend":
            break
        if v:
            out[v.rsplit("(", 1)[-1].rstrip(")")] = row
    return out


def week_blocks(ws) -> list[tuple[int, int, list[int]]]:
    """(title row, header row, day rows) of each week page of an athlete sheet."""
    out = []
    rows = ws.max_row
    r = 1
    while r <= rows:
        if ws.cell(row=r, column=1).value == "Day":
            title = r - 1
            while title > 0 and " · Week " not in str(ws.cell(row=title, column=1).value or ""):
                title -= 1
            days = []
            k = r + 1
            while k <= rows and ws.cell(row=k, column=1).value and " · Week " not in str(
                    ws.cell(row=k, column=1).value):
                days.append(k)
                k += 1
            out.append((title, r, days))
            r = k
        else:
            r += 1
    return out


def _cells(ws) -> dict[str, object]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


class _SheetBook:
    """What :func:`build_workbook` makes, built on the export's fast path, a sheet given its
    ordinary openpyxl cells by the export's own ``_put`` when a test first reads it: the sheets no
    test reads (a squad's athlete sheets, 40 week pages each, most of a build's time) are never
    made cell by cell. Held against build_workbook's in
    test_a_book_made_sheet_by_sheet_is_the_one_build_workbook_makes."""

    def __init__(self, season: Season, plan: Plan, *, anonymise: bool = False,
                 exported_at: dt.datetime | None = None, weeks: list[int] | None = None):
        from planner.xlsx_export import _build

        self._wb, ctx = _build(season, plan, anonymise=anonymise, exported_at=exported_at,
                               fast=True, weeks=weeks)
        self._ctx = dataclasses.replace(ctx, fast=False)  # _put: openpyxl cells
        self._rows = dict(ctx.deferred)

    @property
    def sheetnames(self) -> list[str]:
        return self._wb.sheetnames

    def __getitem__(self, title: str):
        from planner.xlsx_export import _put

        ws = self._wb[title]
        rows = self._rows.pop(title, None)
        if rows is not None:  # (its row breaks are on it already: the fast path put them there)
            _put(self._ctx, ws, SimpleNamespace(rows=rows.rows, heights=rows.heights,
                                                merges=getattr(rows, "merges", ())))
        return ws


def _overview_alone(s: Season):
    """The Overview of ``s``'s workbook with :func:`simple_plan`, written alone as the export
    writes it, first (``planner.xlsx_export._build``; ``overview_page_count`` lays it out so
    too): a large squad's athlete sheets, three quarters of a build's time, are not made. Held
    against the export's own Overview in test_an_overview_written_alone_is_the_exports."""
    from planner.handout import gone_before
    from planner.xlsx_export import _new_ctx, _returns_by
    from planner.xlsx_overview import write_overview
    from planner.xlsx_styles import base_font

    plan = simple_plan(s)
    wb = openpyxl.Workbook()
    base_font(wb)
    wb.active.title = COVER_SHEET
    ctx = _new_ctx(wb, s, plan, Timeline(s), gone_before(s), False, EXPORTED_AT, True)
    ws = wb.create_sheet(OVERVIEW_SHEET)
    write_overview(ctx, ws, _returns_by(s, plan)[1])
    return ws


def _values_book(path) -> openpyxl.Workbook:
    """The cell values of the workbook at ``path``, each where it is: read read-only and copied
    into plain cells (loading the demo's whole workbook, its 24 athletes' merged week pages,
    took most of a test's 26 s). No styles, merges or print settings: for tests reading values."""
    src = openpyxl.load_workbook(path, read_only=True)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for ws in src.worksheets:
        copy = out.create_sheet(ws.title)
        for row in ws.iter_rows(values_only=True):
            copy.append(row)
    src.close()
    return out


def _sheet_dump(ws) -> dict[str, object]:
    """All a test of this file reads of a sheet: each cell's value and look, the rows' heights,
    the columns' widths, merges, page breaks and the print setup."""
    from openpyxl.xml.functions import tostring

    looks: dict[tuple, tuple] = {}

    def look(c) -> tuple:  # a style's font, fill, border and alignment, once a style
        key = tuple(c._style)  # (indices into the workbook's fonts, fills, ...)
        if key not in looks:
            looks[key] = tuple(tostring(x.to_tree()) for x in (c.font, c.fill, c.border, c.alignment))
        return looks[key]

    ps = ws.page_setup
    return {
        "cells": [(c.coordinate, c.value, c.data_type, c.quotePrefix, c.number_format, *look(c),
                   c.hyperlink and c.hyperlink.location)
                  for row in ws.iter_rows() for c in row],
        "size": (ws.max_row, ws.max_column, ws.dimensions),
        "heights": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "merged": sorted(map(str, ws.merged_cells.ranges)),
        "breaks": ([b.id for b in ws.row_breaks.brk], [b.id for b in ws.col_breaks.brk]),
        "print": (ws.print_area, ws.print_title_rows, ws.print_title_cols, ps.orientation,
                  ps.scale, ps.fitToWidth, ps.fitToHeight, ps.paperSize, ps.pageOrder,
                  ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "header": [(p.left.text, p.center.text, p.right.text) for p in (ws.oddHeader, ws.oddFooter)],
        "panes": (ws.freeze_panes, ws.auto_filter.ref, len(ws._charts)),
    }


# ---------------------------------------------------------------------------------------------
# Sheets and the Overview
# ---------------------------------------------------------------------------------------------
def test_sheets_in_order_athletes_in_the_boards_order(exported):
    season, plan, path = exported
    wb = openpyxl.load_workbook(path)
    # the board's order (planner.squad): injured first (A3), the goalkeeper, then defenders by id
    assert wb.sheetnames == [*SUMMARY_SHEETS, "A3 Cy Cedar", "A2 Bo Birch", "A1 Ann Ash",
                             "A4 Di Dale", SPEED_SHEET]
    assert list(overview_rows(wb[OVERVIEW_SHEET])) == display_ids(season, plan)


def test_a_player_gone_before_the_season_has_no_athlete_sheet(tmp_path):
    """An athlete who left the squad before the weeks exported (here: the season's first day)
    has no athlete sheet, and his Overview row no link to one; one who left later keeps his
    sheet, the weeks he was with the squad."""
    season = small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=END, reason="left the squad"),
        Unavailability(athlete="A1", start=_day(10), end=END, reason="Left the squad")))
    plan = small_plan(season)
    for anonymise in (False, True):
        path = tmp_path / f"plan{anonymise}.xlsx"
        export_workbook(season, plan, path, anonymise=anonymise)
        wb = openpyxl.load_workbook(path)
        names = ("A3", "A2", "A1") if anonymise else ("A3 Cy Cedar", "A2 Bo Birch", "A1 Ann Ash")
        assert wb.sheetnames == [*SUMMARY_SHEETS, *names, SPEED_SHEET]
        ws = wb[OVERVIEW_SHEET]
        rows = overview_rows(ws) if not anonymise else None
        if rows is not None:
            assert ws.cell(rows["A4"], 1).hyperlink is None
            assert ws.cell(rows["A1"], 1).hyperlink is not None


def test_the_overview_is_the_season_on_one_page(exported):
    season, plan, path = exported
    ws = openpyxl.load_workbook(path)[OVERVIEW_SHEET]
    tl = Timeline(season)
    assert ws["A1"].value == f"{season.name}: the season on one page"
    assert [ws.cell(row=4, column=3 + w).value.date() for w in range(3)] == [_day(0), _day(7), _day(14)]
    # shown with the week's number, as the app and the handouts name the weeks
    assert [ws.cell(row=4, column=3 + w).number_format for w in range(3)] == [
        '[$-409]"W1  "d mmm', '[$-409]"W2  "d mmm', '[$-409]"W3  "d mmm']
    assert [ws.cell(row=5, column=3 + w).value for w in range(3)] == [
        "League match 3 (C)", "Cup round 2 (B)\nLeague match 4 (C)", None]
    assert [ws.cell(row=6, column=3 + w).value for w in range(3)] == [None, "D", "T"]
    rows = overview_rows(ws)
    seen_rehab_deload: set[bool] = set()
    for ap in plan.athletes:
        for w, week in enumerate(tl.weeks):
            cell = ws.cell(row=rows[ap.athlete], column=3 + w)
            if ap.stages[week.first] != "FIT":
                assert cell.value == ap.stages[week.first]
                assert cell.fill.fgColor.rgb.endswith(STAGE_COLOUR[ap.stages[week.first]])
                # the athlete's own deload week in rehab, hidden under the stage's colour before
                deload = ap.weeks[w] == "deload"
                assert (cell.border.bottom.style == "thick") == deload, (ap.athlete, w)
                seen_rehab_deload.add(deload)
            else:  # speed days (>= 80), red when the week has no HV exposure (>= 90)
                assert cell.value == sum(1 for i in week.days if ap.intensity[i] >= 80), ap.athlete
                no_hv = not any(ap.intensity[i] >= 90 for i in week.days)
                assert (cell.font.color.rgb.endswith("C62828")) == no_hv
    assert seen_rehab_deload == {True, False}
    a1 = rows["A1"]
    assert ws.cell(row=a1, column=4).fill.fgColor.rgb.endswith(KIND_FILL["deload"])
    assert ws.cell(row=a1, column=5).fill.fgColor.rgb.endswith(KIND_FILL["taper"])
    link = ws.cell(row=rows["A3"], column=1).hyperlink
    assert link is not None and link.location == "'A3 Cy Cedar'!A1"
    # one page, wide and tall, landscape, with a legend below
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
    assert ws.page_setup.orientation == "landscape"
    assert not ws.row_breaks.brk and not ws.print_title_rows  # a squad that fits: one page
    col_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert "Legend" in col_a and col_a.index("Legend") + 1 > max(rows.values())
    assert ws.print_area == f"'{OVERVIEW_SHEET}'!$A$1:$F${ws.max_row}"


def _printed_pages(ws) -> list[tuple[float, float, list[int]]]:
    """The Overview's printed pages as its print setup lays them out: each page's width and
    height in points at the sheet's print scale (the repeated columns and head rows included)
    and its athletes' rows. A print area starting past column A prints the names (A:B) beside
    it; a page after the first of an area prints the repeated head rows over it."""
    from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

    from planner.xlsx_layout import print_points

    scale = ws.page_setup.scale / 100
    athletes = set(overview_rows(ws).values())
    ends = [b.id for b in ws.row_breaks.brk]
    repeat = ws.print_title_rows == "$2:$6"
    cols = ws.print_title_cols
    pages = []
    for area in ws.print_area.split(","):
        c0, r0, c1, r1 = range_boundaries(area.split("!")[1].replace("$", ""))
        width = sum(print_points(ws.column_dimensions[get_column_letter(c)].width) for c in range(c0, c1 + 1))
        if c0 > 1:
            assert cols == "$A:$B"
            width += sum(print_points(ws.column_dimensions[x].width) for x in "AB")
        assert c0 == 1 or column_index_from_string("B") < c0
        cuts = [r0 - 1] + [e for e in ends if r0 <= e < r1] + [r1]
        for k, (lo, hi) in enumerate(zip(cuts, cuts[1:], strict=False)):
            rows = range(lo + 1, hi + 1)
            height = sum(ws.row_dimensions[r].height or 13.0 for r in rows)
            if k and repeat:
                height += sum(ws.row_dimensions[r].height or 13.0 for r in range(2, 7))
            pages.append((width * scale, height * scale, [r for r in rows if r in athletes]))
    return pages


def _assert_readable_pages(ws) -> list[tuple[float, float, list[int]]]:
    """Every printed page of the Overview fits A4 landscape, at a scale that prints its 9-point
    names and counts at 7.5 points or more, every athlete of the sheet printed on some page."""
    from planner.xlsx_layout import printable

    page_w, page_h = printable()
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.orientation == "landscape"
    assert 9 * ws.page_setup.scale / 100 >= 7.5, ws.page_setup.scale  # the names' and counts' 9 pt
    pages = _printed_pages(ws)
    for k, (w, h, _rows) in enumerate(pages):
        assert w <= page_w and h <= page_h, (k, w, h)
    printed = {r for _w, _h, rows in pages for r in rows}
    assert printed == set(overview_rows(ws).values())
    return pages


def test_a_large_squads_overview_prints_its_weeks_in_parts_and_its_athletes_over_pages():
    """120 athletes over 52 weeks printed on one A4 page: 3-point type on 60 % of its width;
    then as wide as the page, some 40 athletes a page: 4.5-point type. Now the weeks print in
    parts side by side, the names beside each, the athletes shared evenly between pages, the head
    on each, every page at a readable size."""
    from tests.builders import season as built

    s = built(weeks=52, athletes=120)
    ws = _overview_alone(s)
    assert ws["A1"].value == f"{s.name}: the season at a glance"
    assert ws.print_title_rows == "$2:$6"  # months, blocks, weeks, competitions, team week
    pages = _assert_readable_pages(ws)
    parts = ws.print_area.split(",")
    assert len(parts) >= 2
    counts = [len(rows) for _w, _h, rows in pages if rows]
    assert len(counts) % len(parts) == 0
    first = counts[:len(counts) // len(parts)]
    assert max(first[:-1]) - min(first[:-1]) <= 1 and first[-1] <= first[0] and sum(first) == 120  # shared evenly
    rows = sorted(overview_rows(ws).values())
    legend = next(r for r in range(rows[-1], ws.max_row + 1) if ws.cell(row=r, column=1).value == "Legend")
    assert legend > [b.id for b in ws.row_breaks.brk][-1]


def _overview_pages(ws):
    """The Overview ``ws`` as it prints: the sheet, the athletes' rows, the break rows, the
    legend's row and the height of rows a..b at the sheet's scale."""
    rows = sorted(overview_rows(ws).values())
    legend = next(r for r in range(rows[-1], ws.max_row + 1) if ws.cell(row=r, column=1).value == "Legend")

    def height(a: int, b: int) -> float:
        return sum(ws.row_dimensions[r].height or 13.0 for r in range(a, b + 1)) * ws.page_setup.scale / 100

    return ws, rows, [b.id for b in ws.row_breaks.brk], legend, height


def test_a_squad_that_fits_one_page_but_for_its_legend_prints_the_legend_alone_without_the_head():
    """The legend printed on a second page under the repeated months, blocks, weeks,
    competitions and team week: an empty grid over half the page, the legend under it."""
    from tests.builders import season as built

    ws, rows, ends, legend, _height = _overview_pages(_overview_alone(built(weeks=52, athletes=24)))
    _assert_readable_pages(ws)
    assert ws.print_title_rows is None  # nothing repeated over the legend
    assert ends == [rows[-1] + 1]  # every athlete on page 1, the legend alone on page 2
    assert ends[0] < legend


def _sevens_half_season(athletes: int):
    """26 weeks and six two-day sevens tournaments of three matches a day, named as a coach
    names them ("National Championship D1 M1"): a sheet as narrow as its weeks, its
    competitions' row tall with the tournaments' names."""
    from tests.builders import day
    from tests.builders import season as built

    names = ("Regional Series 1", "Regional Series 2", "National Qualifier", "Club Festival",
             "National Championship", "Invitational 7s")
    comps = [Competition(id=f"t{w}-{d}{m}", name=f"{name} D{d + 1} M{m}", date=day(7 * w + 5 + d),
                         priority="B")
             for w, name in zip((3, 6, 9, 12, 15, 18), names, strict=True) for d in (0, 1)
             for m in (1, 2, 3)]
    return built(weeks=26, athletes=athletes, matches=[], comps=comps)


def test_a_half_season_squad_prints_its_overview_readably_on_as_few_pages_as_it_can():
    """A sevens squad of 24 over 26 weeks printed its Overview on three pages of 7, 9 and 8
    athletes, each two-thirds empty (breaks forced at rows 14 and 22): the sheet as wide as the
    page held only 21 athletes under its tall head. Then it printed on one page, at 6-point type.
    Now its 24 athletes are one readable page (the legend on a second), and 60 share the fewest
    readable pages evenly."""
    ws, rows, ends, legend, _height = _overview_pages(_overview_alone(_sevens_half_season(24)))
    assert ws.row_dimensions[5].height > 80  # the tournaments' names: the head is tall
    pages = _assert_readable_pages(ws)
    assert len(rows) == 24 and [len(r) for _w, _h, r in pages] == [24, 0]
    assert ends == [rows[-1] + 1] and not ws.print_title_rows

    ws, rows, ends, legend, _height = _overview_pages(_overview_alone(_sevens_half_season(60)))
    assert ws.print_title_rows == "$2:$6"
    counts = [len(r) for _w, _h, r in _assert_readable_pages(ws)]
    assert sum(counts) == 60 and max(counts[:-1]) - min(counts[:-1]) <= 1 and counts[-1] <= counts[0]
    assert len(counts) == 3, counts  # the legend beside the last 14: not four or five pages
    assert ends[-1] < legend


def test_a_large_squads_legend_prints_under_its_last_athletes_a_page_more_when_needed():
    """96 athletes fit two pages, but the legend did not fit under the second's: it went on a
    third page under the repeated head, an empty grid. Now the pages share them evenly, and the
    legend is under the last of them."""
    from tests.builders import season as built

    ws, rows, ends, legend, _height = _overview_pages(_overview_alone(built(weeks=52, athletes=96)))
    assert ws.print_title_rows == "$2:$6"
    pages = _assert_readable_pages(ws)
    first_part = [p for p in pages if p[2] and p[2][0] <= rows[-1]][:len(ends) + 1]
    counts = [len(r) for _w, _h, r in first_part]  # as many on each, the last page's fewer
    assert sum(counts) == 96 and max(counts[:-1]) - min(counts[:-1]) <= 1 and counts[-1] <= counts[0]
    assert ends[-1] < rows[-1] < legend  # no break between the last athletes and the legend


def test_a_legend_half_a_page_tall_does_not_drive_every_page_down_to_the_last_ones_rows():
    """A 40-athlete squad's Overview printed on 10 pages of 8 athletes, about half of each page
    empty: the athletes were shared evenly over pages until the last of them held the legend
    (half a page tall) too, so every page held what the legend's page left. Now the last page
    holds the athletes that fit beside the legend and the others share the pages before it: two
    pages a part, not three (review 270 F4)."""
    from tests.builders import season as built

    ws, rows, ends, legend, _height = _overview_pages(_overview_alone(built(weeks=40, athletes=40)))
    pages = _assert_readable_pages(ws)
    parts = len(ws.print_area.split(","))
    counts = [len(r) for _w, _h, r in pages]
    assert len(counts) == 2 * parts, counts  # two pages a part (it was three of 14, 14, 12)
    first, last = counts[0], counts[1]
    assert first + last == 40 and first > last > 0, counts
    assert ends[-1] < rows[-1] < legend  # the legend under the last athletes, no page of its own


@pytest.mark.parametrize("athletes", [24, 36])
def test_the_cover_prints_its_words_at_8_points_or_more(athletes, demo_season):
    """The Cover, the first page a coach reads, was fitted to one page: 6.5-point type. It prints
    as wide as the page on the pages it fills, one fewer only when a scale a little lower holds
    it, so its 10-point words print at 8 points or more, and no page holds a few lines."""
    from planner.xlsx_layout import print_points, printable

    ws = _squad_book(demo_season, athletes)[COVER_SHEET]
    assert ws.page_setup.orientation == "portrait" and ws.sheet_properties.pageSetUpPr.fitToPage
    pages = ws.page_setup.fitToHeight
    assert ws.page_setup.fitToWidth == 1 and pages >= 1
    width = sum(print_points(ws.column_dimensions[c].width) for c in "AB")
    tall = sum(ws.row_dimensions[r].height or 12.75 for r in range(1, ws.max_row + 1))
    page_w, page_h = printable(False)
    scale = min(1.0, page_w / width, pages * page_h * 0.97 / tall)  # fitted to 1 x pages
    words = [c for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, str)]
    assert len(words) > 40
    assert min(c.font.sz for c in words) * scale >= 8, (scale, pages)
    assert tall * scale > (pages - 1) * page_h * 0.97 + page_h * 0.1  # a tenth of the last page


def test_the_returns_table_and_its_notes_print_at_8_points_or_more(demo_season):
    """Printed as wide as the page, the Returns sheet's notes were 5.9-point type and its table
    6.5: twelve columns of 220 character units on a landscape page. The columns are as narrow as
    their longest word or date (no word broken), the notes at the table's 10 points, so both
    print at 8 points or more, on the fewest pages."""
    from planner.xlsx_layout import print_points, printable, text_width, width_for

    ws = _squad_book(demo_season, 24)[RETURNS_SHEET]  # the demo's own squad
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    letters = [c.column_letter for c in ws[1]]
    width = sum(print_points(ws.column_dimensions[c].width) for c in letters)
    tall = sum(ws.row_dimensions[r].height or 12.75 for r in range(1, ws.max_row + 1))
    page_w, page_h = printable()
    pages = ws.page_setup.fitToHeight or float("inf")  # 0: as many as it takes
    scale = min(1.0, page_w / width, pages * page_h * 0.97 / tall)
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    notes = [c for c in cells if str(c.value).startswith("Back to full training: the first")]
    assert notes and len(cells) > 30
    for c in cells:
        assert c.font.sz * scale >= 8, (c.value, c.font.sz, scale)
    for c in cells:  # wrapped between words, never inside one
        if isinstance(c.value, str) and c not in notes and c.row > 1:
            longest = max(text_width(w, 10) for w in c.value.split())
            assert width_for(longest) <= ws.column_dimensions[c.column_letter].width, c.value


def _demo_squad(demo, athletes: int):
    """The demo with ``athletes`` in its squad: its 24, and fit ones copied as signings."""
    fit = [a for a in demo.athletes if not demo.injury_of(a.id)]
    more = tuple(a.model_copy(update={"id": f"A{25 + k}", "name": f"Signing Number{k + 1}"})
                 for k, a in enumerate(fit[:athletes - 24]))
    return demo.model_copy(update={"athletes": demo.athletes + more})


_SQUAD_BOOKS: dict[int, _SheetBook] = {}


def _squad_book(demo, athletes: int) -> _SheetBook:
    """The workbook of :func:`_demo_squad` with a simple plan, built once a squad size for the
    print tests that only read its sheets (each build of 36 athletes took 14 s), a sheet's cells
    made when a test reads it."""
    if athletes not in _SQUAD_BOOKS:
        season = _demo_squad(demo, athletes)
        _SQUAD_BOOKS[athletes] = _SheetBook(season, simple_plan(season), exported_at=EXPORTED_AT)
    return _SQUAD_BOOKS[athletes]


@pytest.mark.parametrize(("athletes", "pages"), [(24, [20, 20]), (36, [40])])
def test_the_speed_days_weeks_are_never_a_few_alone_on_a_page(athletes, pages, demo_season):
    """36 athletes' Speed days printed weeks 1 to 37 on a page and 38 to 40 alone on the next:
    fitted to the width alone. The weeks go on one page when a scale a little lower holds them,
    else they are shared evenly; each page fits A4 landscape at the scale written."""
    from planner.xlsx_layout import print_points, printable

    ws = _squad_book(demo_season, athletes)[SPEED_SHEET]
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    scale = ws.page_setup.scale / 100
    ends = [b.id for b in ws.row_breaks.brk] + [ws.max_row]
    weeks = [b - a for a, b in zip([1, *ends], ends, strict=False)]
    assert weeks == pages
    page_w, page_h = printable()
    width = sum(print_points(ws.column_dimensions[c.column_letter].width) for c in ws[1])
    assert width * scale <= page_w
    head = ws.row_dimensions[1].height
    for a, b in zip([1, *ends], ends, strict=False):
        rows = sum(ws.row_dimensions[r].height for r in range(a + 1, b + 1))
        assert (head + rows) * scale <= page_h * 0.97, (a, b)


@pytest.mark.parametrize("athletes", [24, 36])
def test_the_overviews_pages_are_full_for_24_and_36_athletes(athletes, demo_season):
    """36 athletes printed their Overview on three pages a part, of 14, 13 and 9 athletes, each
    about half empty: the scale that put the athletes on the fewest pages left the legend a page
    more, where a scale a few points lower put them and the legend on two. Now the pages are the
    fewest that hold the athletes and the legend, each athletes' page three quarters full or
    more, the legend under the last athletes; 24 fit one page whole, the legend on
    a second (no leftover athletes over it)."""
    from planner.xlsx_layout import printable

    ws, rows, ends, legend, height = _overview_pages(_squad_book(demo_season, athletes)[OVERVIEW_SHEET])
    pages = _assert_readable_pages(ws)
    parts = len(ws.print_area.split(","))
    per_part = len(pages) // parts
    first = pages[:per_part]
    assert sum(len(r) for _w, _h, r in first) == athletes
    room = printable()[1]
    if athletes == 24:  # the squad whole on a page (the legend under it, or on a second)
        assert len(first[0][2]) == 24 and all(not r for _w, _h, r in first[1:])
        assert ends in ([], [rows[-1] + 1])
    else:
        assert per_part == 2, [len(r) for _w, _h, r in pages]  # not three pages of 14, 13, 9
        assert ends[-1] < rows[-1] < legend  # the legend under the last athletes
    for k, (_w, h, r) in enumerate(first):
        if r:  # three quarters full at least (they were half empty)
            assert h >= room * 0.75, (k, len(r), h, room)


def test_the_overview_shows_blocks_and_each_return(tmp_path, demo_season):
    from planner.returns import returns

    season = _with_blocks(small_season())
    plan = small_plan(season)
    ws = build_workbook(season, plan)[OVERVIEW_SHEET]
    band = [ws.cell(row=3, column=3 + w).value for w in range(3)]
    assert band == ["PS", "CRI", None]  # a block of one week: its initials; the legend names it
    legend = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert "Blocks: Pre-season (4 to 10 Jan 2027): Base; Cup run-in (11 to 17 Jan 2027): Peak." in legend
    (ret,) = returns(season, plan)
    cell = ws.cell(row=overview_rows(ws)["A3"], column=6)
    assert cell.value == ("not back this season" if ret.fit is None else f"back {ret.fit.day} {ret.fit:%b}")


def test_a_month_of_one_week_is_named_whole_in_the_overview(demo_season, demo_book):
    """The demo's last week is the only one in May: its month printed as "M"; it is "May",
    shrunk to fit the week's column."""
    ws = demo_book[OVERVIEW_SHEET]
    tl = Timeline(demo_season)
    last = ws.cell(row=2, column=3 + len(tl.weeks) - 1)
    assert tl.days[tl.weeks[-1].first].month != tl.days[tl.weeks[-2].first].month
    assert last.value == "May" and last.alignment.shrink_to_fit
    assert not ws.cell(row=2, column=3).alignment.shrink_to_fit  # a month of several weeks


def test_a_block_or_month_printed_over_two_parts_is_named_on_each(tmp_path):
    """The Overview printed in parts side by side: a block over a part's edge was one merged band,
    its name centred over the whole, so the part where the block starts printed its weeks in the
    block's colour with no name (W23-W26 of a season in "Spring"'s band, the name on the next
    page only). Each part's band is now a band of its own, and it names its block; a month
    running over a part's edge is named on each part too."""
    from openpyxl.utils import range_boundaries

    from planner.season import Block
    from planner.xlsx_overview import FIRST_WEEK_COL
    from tests.builders import day
    from tests.builders import season as built

    s = built(weeks=52, athletes=24)
    s = s.model_copy(update={"blocks": (
        Block(name="Build", start=day(0), end=day(6)),
        Block(name="In-season maintenance", start=day(7), end=day(7 * 50 - 1)),
        Block(name="Peak", start=day(7 * 50), end=day(7 * 52 - 1)))})
    ws = _overview_alone(s)
    areas = [range_boundaries(a.split("!")[1].replace("$", "")) for a in ws.print_area.split(",")]
    parts = [(max(c0, FIRST_WEEK_COL), c1) for c0, _r0, c1, _r1 in areas]
    assert len(parts) >= 2  # printed in parts: the maintenance block runs over each edge
    tl = Timeline(s)
    for c0, c1 in parts:
        # no band runs over the part's edge (LibreOffice centres a merged cell's text over all of it)
        for m in ws.merged_cells.ranges:
            if m.min_row in (2, 3) and m.min_col >= FIRST_WEEK_COL:
                assert m.max_col < c0 or m.min_col > c1 or c0 <= m.min_col <= m.max_col <= c1, (str(m), c0, c1)
        named = {ws.cell(row=3, column=c).value for c in range(c0, c1 + 1)}
        weeks = range(c0 - FIRST_WEEK_COL, min(c1 - FIRST_WEEK_COL, len(tl.weeks) - 1) + 1)
        shown = {b.name for b in s.blocks for w in weeks
                 if sum(b.start <= tl.days[i] <= b.end for i in tl.weeks[w].days) * 2 > len(tl.weeks[w].days)}
        assert "In-season maintenance" in shown and shown <= named, (c0, c1, named)
        assert ws.cell(row=2, column=c0).value  # the month the part starts in, named


def _with_blocks(season: Season) -> Season:
    from planner.season import Block

    return season.model_copy(update={"blocks": (
        Block(name="Pre-season", start=_day(0), end=_day(6), emphasis="Base"),
        Block(name="Cup run-in", start=_day(7), end=_day(13), emphasis="Peak"))})


def _a3_back_on_day_14(season):
    """The small season's plan with A3 back to full training on day 14."""
    tl = Timeline(season)
    plan = small_plan(season)
    stages = plan.for_athlete("A3").stages[:14] + ("FIT",) * (tl.n - 14)
    return plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"stages": stages}) if a.athlete == "A3" else a for a in plan.athletes)})


def test_the_returns_sheet_lists_each_injured_athletes_return(tmp_path):
    from planner.returns import returns

    season = small_season()
    plan = _a3_back_on_day_14(season)  # the target League match 4 missed (day 12)
    season = season.model_copy(update={"injuries": (season.injuries[0].model_copy(
        update={"target_competition": "l4"}),)})
    ws = build_workbook(season, plan)[RETURNS_SHEET]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Athlete", "Position", "Injury"]
    (ret,) = returns(season, plan)
    row = {h: ws.cell(row=2, column=j).value for j, h in enumerate(header, start=1)}
    assert row["Athlete"] == "Cy Cedar (A3)" and row["Injury"] == "Persistent iliopsoas tendinopathy"
    assert row["Back to full training"] == _day(14) == ret.fit  # (build_workbook keeps dates)
    assert row["Target competition"] == "League match 4" and row["Target met"] == "no"
    assert row["Stage at the season start"] == "INJ" and (row["Provisional"] == "no" or row["Provisional"].startswith("yes"))
    # Today past the return: RTS no longer counts it, but the printed season still tells it
    later = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": _day(16)})})
    assert returns(later, plan) == []
    book = build_workbook(later, plan)
    ws = book[RETURNS_SHEET]
    header = [c.value for c in ws[1]]  # the stage column says its day: today
    row = {h: ws.cell(row=2, column=j).value for j, h in enumerate(header, start=1)}
    assert row["Athlete"] == "Cy Cedar (A3)" and row["Back to full training"] == _day(14)
    today = f"Stage today ({_day(16).day}\u00a0{_day(16):%b})"  # one line when wrapped
    # back by the plan, with the records still at the stage they hold: said as planned
    recorded = later.injuries[0].stages[-1].stage
    assert recorded != "FIT" and row[today].startswith(f"{recorded} (since ")
    from planner.text import day as text_day

    assert row[today].endswith(f"; FIT planned from {text_day(ret.fit)})"), row[today]
    assert row["Target met"] == "no"
    cover = book["Cover"]
    said = " ".join(str(c.value) for r in cover.iter_rows() for c in r if c.value)
    assert "No injured athlete" not in said


def solved_small_plan(season: Season) -> Plan:
    """The small season solved: a plan that keeps every hard rule (``small_plan`` is drawn by
    hand for the layout and breaks several)."""
    from solver import SolveRequest, solve

    out = solve(SolveRequest(season, time_limit=30))
    assert out.plan is not None and out.plan.status == "optimal"
    return out.plan


def test_the_covers_competitions_line_names_each_a_competition_and_its_day_once():
    """It read "1 A (Regional Cup Final (Sat 19 Jun 2027)), 1 B, 2 C": brackets in brackets."""
    from planner.xlsx_export import _competitions_words

    season = small_season()
    finals = season.competitions + (
        Competition(id="f", name="Regional Cup Final", date=_day(16), priority="A"),
        Competition(id="s", name="Regional Cup Semi-final", date=_day(2), priority="A"))
    assert _competitions_words(season.model_copy(update={"competitions": finals})) == (
        "5: 2 A, 1 B, 2 C. A: Regional Cup Semi-final on Wed 6 Jan 2027; "
        "Regional Cup Final on Wed 20 Jan 2027")
    assert _competitions_words(season) == "3: 0 A, 1 B, 2 C"


def test_the_cover_speaks_to_a_coach_and_defines_the_counts_once(tmp_path):
    season = small_season()
    plan = solved_small_plan(season).model_copy(update={"objective": 1234.0, "bound": 1200.0})
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes(season, plan, exported_at=EXPORTED_AT))
    wb = openpyxl.load_workbook(path)
    ws = wb["Cover"]
    assert ws["A1"].value == "Riverside U19"
    facts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
             for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value}
    assert facts["Season"] == "4 to 20 Jan 2027: 17 days, 3 weeks"
    assert facts["Plan"].startswith("The best plan the rules allow (proven); plan score 1,234")
    assert facts["Injured"].startswith("1 injured athlete this season: 0 of 1 without a target back this season")  # still out
    assert facts["Exported"] == EXPORTED_AT
    assert facts["Shared as"].startswith("with names")
    assert facts["Competitions"] == "3: 0 A, 1 B, 2 C"
    for key, meaning in DEFINITIONS:
        assert facts[key] == meaning
    # said once: no other sheet defines the two words again
    defined = [v for t in wb.sheetnames for v in _cells(wb[t]).values()
               if isinstance(v, str) and v.startswith(("a day at ≥ 80 %", "a high-velocity exposure"))]
    assert len(defined) == 2
    links = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=1).hyperlink
             for r in range(1, ws.max_row + 1)}
    for sheet in (OVERVIEW_SHEET, RETURNS_SHEET, "Calendar", "Rules", SPEED_SHEET):
        assert links[sheet] is not None and links[sheet].location == f"'{sheet}'!A1"
    p1 = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "P1")
    assert ws.cell(row=p1, column=1).fill.fgColor.rgb.endswith(STAGE_COLOUR["P1"])
    assert "penalty" not in " ".join(str(v) for v in _cells(ws).values())


def test_the_covers_above_the_stage_counts_each_stages_days_in_date_order():
    """The Cover listed some 40 days per athlete logged above the rehab stage, the fastest
    first ("14 Nov 100 %, 21 Aug 95 %, 5 Aug 80 %"), a third of the page. It gives each stage's
    days as a count and a range with the fastest of them, the athletes and their stages in the
    order of their first day (the days themselves are on the week pages, in date order)."""
    from planner import edits as E
    from planner.season import Session

    def injured(athlete, onset, *stages):
        return Injury(athlete=athlete, protocol="iliopsoas-tendinopathy", onset=onset,
                      stages=tuple(StageRecord(stage=st, start=_day(d)) for st, d in stages))

    season = small_season(
        calendar=Calendar(start=START, end=END, today=_day(16)),
        injuries=(injured("A3", dt.date(2027, 1, 2), ("P1", 2), ("P2", 8)),
                  injured("A4", dt.date(2027, 1, 1), ("P3", 0))))
    logged = {("A4", 1): 95, ("A4", 2): 80,  # P3 allows 80 %: the second is no breach
              ("A3", 3): 40, ("A3", 5): 40,  # P1: no running
              ("A3", 9): 100, ("A3", 10): 75, ("A3", 12): 100}  # P2: at most 70 %
    season = E.LogSessions(sessions=tuple(
        Session(athlete=a, date=_day(d), minutes=60, rpe=5, top_speed_pct=top)
        for (a, d), top in logged.items())).apply(season)
    ws = build_workbook(season, small_plan(season))["Cover"]
    said = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
            for r in range(1, ws.max_row + 1)}
    assert said["Above the stage"] == (
        "Di Dale (A4): 1 day 5 Jan 2027 logged above P3 (at most 80 %), at 95 %; "
        "Cy Cedar (A3): 2 days 7 to 9 Jan 2027 logged above P1 (no running), all at 40 %, "
        "then 3 days 13 to 16 Jan 2027 logged above P2 (at most 70 %), 2 of them at 100 %. "
        "Logged faster than the rehab stage allows: worth a word with the athlete and the physio "
        "(each day is said on its row of the athlete's week page, and in the app's Log).")


def test_the_cover_at_the_seasons_end_says_nothing_was_left_to_plan():
    """Today the day after the season: the Cover said "the solver stopped before proving it the
    best; plan score 0" and "Nothing: the plan meets every soft rule." when nothing was left to
    solve (soft rules are weighed from today on)."""
    season = small_season()
    plan = solved_small_plan(season).model_copy(update={"status": "feasible", "objective": 0.0})
    past = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": END + dt.timedelta(days=1)})})

    def said(s):
        ws = build_workbook(s, plan)["Cover"]
        return ({ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
                 for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value},
                [v for v in _cells(ws).values() if isinstance(v, str)])

    facts, texts = said(past)
    assert facts["Plan"].startswith("The whole season is past: nothing was left to plan")
    assert "plan score" not in facts["Plan"] and "stopped before proving" not in facts["Plan"]
    assert any(t.startswith("Nothing left to plan: the whole season is past.") for t in texts)
    assert "Nothing: the plan meets every soft rule." not in texts
    facts, texts = said(season)  # the same plan before the end: the solver's words
    assert facts["Plan"].startswith("A plan that keeps every hard rule; the solver stopped")
    assert not any(t.startswith("Nothing left to plan") for t in texts)


def test_the_cover_says_when_the_season_outgrew_the_plan_and_names_no_one_anonymised():
    """An absence entered after the solve: the plan has the athlete training on those days. The
    cover no longer calls it the best plan the rules allow; it says the plan breaks hard rules of
    the season as it is now, and to solve again before handing it out."""
    from planner import text
    from planner.check import check_plan
    from planner.edits import AddUnavailability
    from planner.season import Unavailability
    from planner.text import plural

    season = small_season()
    plan = solved_small_plan(season).model_copy(update={"objective": 1234.0, "bound": 1200.0})
    ap = plan.for_athlete("A2")
    d = next(i for i, x in enumerate(ap.intensity) if x > 0)
    day = season.calendar.start + dt.timedelta(days=d)
    away = AddUnavailability(unavailability=Unavailability(athlete="A2", start=day, end=day)).apply(
        season.model_copy(update={"plan": plan}))
    hard = check_plan(away, plan).violations
    assert hard and not check_plan(season, plan).violations

    def facts(wb) -> dict:
        ws = wb["Cover"]
        return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2)
                for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value}

    said = facts(build_workbook(away, plan))
    assert said["Plan"].value.startswith("A plan that breaks hard rules of the season as it is now "
                                         "(below); plan score 1,234")
    check = said["Check"]
    assert check.value.startswith(f"This plan breaks {plural(len(hard), 'hard rule')} of the "
                                  f"season as it is now")
    assert check.value.endswith("Solve again before handing it out.") and check.font.bold
    name = away.athlete("A2").name
    assert name in check.value
    anon = facts(build_workbook(away, plan, anonymise=True))["Check"].value
    # anonymised: the first broken rule by its id, the athlete's ID and the day, no sentence (it
    # may name a stage's content or a protocol)
    v = next(v for v in hard if v.rule != "PIN")
    assert f"The first, {v.rule}, {v.athlete}, {text.day_long(v.start)}. Solve again" in anon
    assert name not in anon and v.message.split(": ", 1)[1] not in anon
    assert "Check" not in facts(build_workbook(season, plan))


def test_the_cover_says_what_the_last_re_plan_changed_in_words(tmp_path):
    """'Minimal change in a re-plan: 136 times' read as a rule broken 136 times; it is how much
    the last re-plan changed."""
    from planner.season import SoftViolation

    season = small_season()
    plan = small_plan(season)
    soft = tuple(SoftViolation(rule="STAB", athlete=a, start=season.calendar.start,
                               end=season.calendar.start, message="changed", penalty=1)
                 for a in ("A1", "A1", "A2"))
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes(season, plan.model_copy(update={"soft": soft}),
                                    exported_at=EXPORTED_AT))
    said = [v for v in _cells(openpyxl.load_workbook(path)["Cover"]).values() if isinstance(v, str)]
    assert "Changed by the last re-plan: 3 days and weeks (2 athletes)" in said
    assert not any("Minimal change in a re-plan" in v for v in said)
    # the squad's deload week it moved (a flare-up recorded for one player did) is named, and
    # is no day or week of an athlete's in the count
    team = SoftViolation(rule="STAB", start=season.calendar.start, end=season.calendar.start,
                         message="STAB: Team: deload week moved from Mon 11 Jan to Mon 18 Jan.")
    path.write_bytes(workbook_bytes(season, plan.model_copy(update={"soft": soft + (team,)}),
                                    exported_at=EXPORTED_AT))
    said = [v for v in _cells(openpyxl.load_workbook(path)["Cover"]).values() if isinstance(v, str)]
    assert ("Changed by the last re-plan: 3 days and weeks (2 athletes). Team: deload week moved "
            "from Mon 11 Jan to Mon 18 Jan") in said


def test_the_cover_counts_returns_against_their_targets():
    from planner.returns import Return
    from planner.xlsx_export import _injured_sentence

    season = small_season()  # no injury records: the returns alone count

    def ret(aid, met, target="Cup", prov=False, past=False):
        return Return(athlete=aid, onset=_day(0), protocol="x", stage_at_p0="P2", fit=_day(3),
                      first_match=None, target=target, target_date=_day(9), target_met=met,
                      provisional=prov, past=past)

    assert _injured_sentence(season, [ret("A", True), ret("B", True), ret("C", False)]) == (
        "3 injured athletes this season: 2 back before their target, 1 misses it.")
    assert _injured_sentence(season, [ret("A", True, prov=True)]) == (
        "1 injured athlete this season: 1 back before their target (1 of the returns provisional: "
        "a criteria test is not passed yet).")
    # returns the season already saw are said apart: a coach counts who is injured today
    assert _injured_sentence(season, [ret("A", True, past=True), ret("B", True, past=True), ret("C", True)]) == (
        "3 injured athletes this season (2 back before today): 3 back before their target.")
    # with a re-injury too: one aside, not "(1 athlete injured again) (1 back before today)"
    again = Return(athlete="A", onset=_day(5), protocol="x", stage_at_p0="P2", fit=_day(8),
                   first_match=None, target=None, target_date=None, target_met=None,
                   provisional=False)
    assert _injured_sentence(season, [ret("A", True, past=True), again]).startswith(
        "1 injured athlete this season (2 injuries, 1 athlete injured again; 1 back before "
        "today): of the 2 returns, ")
    # athletes and returns apart: "4 back before today" counted a flare-up's second return as
    # an athlete, while one of the four was not back at all
    flared = dataclasses.replace(ret("A1", True, past=True), onset=_day(0), again_from=_day(4),
                                 again_flare=True)
    out = dataclasses.replace(ret("A3", False), fit=None, target_met=False)
    assert _injured_sentence(season, [ret("A1", True, past=True), flared, ret("A2", True, past=True),
                                      out]) == (
        "3 injured athletes this season (1 flare-up after a return; 2 back before today, Ann Ash "
        "(A1) twice; Cy Cedar (A3) not back this season): of the 4 returns, 3 back before their "
        "target, 1 misses it.")
    # anonymised (each name is the ID): the ID alone, as the rest of the workbook writes it
    from planner.anonymise import anonymised_season

    anon = anonymised_season(season)
    said = _injured_sentence(anon, [ret("A1", True, past=True), flared, out])
    assert "A1 twice; A3 not back this season" in said and "(A1)" not in said
    assert _injured_sentence(season, []) == "No injured athlete in this plan."
    # "1 of 1 without a target back this season" read as a puzzle
    assert _injured_sentence(season, [ret("A", None, target=None)]) == (
        "1 injured athlete this season: 1 without a target, back this season.")
    away = Return(athlete="B", onset=_day(0), protocol="x", stage_at_p0="P2", fit=None,
                  first_match=None, target=None, target_date=None, target_met=None,
                  provisional=False)
    assert _injured_sentence(season, [ret("A", None, target=None), away]) == (
        "2 injured athletes this season: 1 of 2 without a target back this season.")


def test_the_cover_says_a_winter_break_as_one_span():
    """14 days off with one reason were 14 dates on the Cover."""
    import datetime as dt

    from planner.season import NonTrainingDay
    from planner.xlsx_export import _calendar_lines

    season = small_season()
    first = season.calendar.start + dt.timedelta(days=3)
    days = tuple(NonTrainingDay(date=first + dt.timedelta(days=k), reason="Winter break")
                 for k in range(5)) + (NonTrainingDay(date=first + dt.timedelta(days=7),
                                                      reason="Travel"),)
    season = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"non_training_days": days})})
    lines = dict((k, v) for k, v in _calendar_lines(season))
    assert lines["Days off"] == "7 to 11 Jan 2027 Winter break; 14 Jan Travel"


# ---------------------------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------------------------
def test_calendar_is_the_intensity_grid_a_month_a_page(exported):
    season, plan, path = exported
    tl = Timeline(season)
    ws = openpyxl.load_workbook(path)["Calendar"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Date", "MD", "Team week", "Block", "Competition · day off"]
    assert header[5:] == ["A3 Cy Cedar", "A2 Bo Birch", "A1 Ann Ash", "A4 Di Dale"]
    assert ws.max_row == tl.n + 1
    for j, aid in enumerate(("A3", "A2", "A1", "A4"), start=6):
        got = [ws.cell(row=i + 2, column=j).value for i in range(tl.n)]
        assert got == list(plan.for_athlete(aid).intensity), aid
    assert ws.cell(row=2 + 5, column=5).value == "League match 3 (C)"
    assert ws.cell(row=2 + 7, column=3).value == "W2 deload"  # the week's number, as the app
    assert ws.freeze_panes == "F2" and ws.auto_filter.ref == f"A1:I{tl.n + 1}"
    # rehab days: the tint, and the stage's code where a stretch starts
    a3 = ws.cell(row=2 + 2, column=6)  # P1 from day 2
    assert a3.fill.fgColor.rgb.endswith(STAGE_TINT["P1"]) and a3.number_format.startswith('"P1 "')
    assert not ws.cell(row=2 + 3, column=6).number_format.startswith('"')
    away = ws.cell(row=2 + 14, column=7)  # A2, unavailable from day 14
    assert away.value == 0 and away.fill.fill_type == "lightUp"
    # a match day's role after the level, as the board's letters (an "out" player's 70 on a
    # match day read as playing at 70); the value stays the level
    from planner.daymarks import ROLE_LETTER, day_marks

    marks = day_marks(season.model_copy(update={"plan": plan}), tl)
    for j, aid in enumerate(("A3", "A2", "A1", "A4"), start=6):
        for i in tl.comp_days:
            fmt = ws.cell(row=i + 2, column=j).number_format
            role = marks[aid].role.get(i)
            if role is not None and plan.for_athlete(aid).stages[i] == "FIT":
                assert fmt == f'0" {ROLE_LETTER[role]}";-0;"{ROLE_LETTER[role]}";@', (aid, i, fmt)
            else:
                assert '" S"' not in fmt and '" O"' not in fmt, (aid, i, fmt)
    assert any(marks[a].role for a in ("A1", "A2", "A3", "A4"))
    # the legend in every page's footer, the header on every page
    assert "HV exposure" in ws.oddFooter.left.text and ws.print_title_rows == "$1:$1"
    assert "match day: S starts, B bench, O out, R held out (RE-1)" in ws.oddFooter.left.text
    df = pd.read_excel(path, sheet_name="Calendar")
    assert df["A1 Ann Ash"].tolist() == list(plan.for_athlete("A1").intensity)


def test_a_workbook_of_chosen_weeks_holds_their_days_and_week_pages_only(tmp_path, demo_season,
                                                                          demo_export):
    """A printed workbook was a page per athlete and week of the whole season (275 pages for a
    squad of 14): ``weeks`` (``export --weeks``) keeps the Calendar's days and each athlete's
    week pages to the weeks chosen, the Overview, the counts and the other sheets whole, and the
    Cover and the pages say which weeks they hold."""
    from planner.handout import handout_weeks

    season = demo_season
    plan = simple_plan(season)
    tl = Timeline(season)
    chosen = [12, 13]  # weeks 13-14: the last of October's Calendar page, the first of November's
    part = tmp_path / "part.xlsx"
    export_workbook(season, plan, part, weeks=chosen)
    wb, wp = _values_book(demo_export), openpyxl.load_workbook(part)  # (the whole: values read)
    days = [i for w in chosen for i in tl.weeks[w].days]
    cal = wp["Calendar"]
    assert cal.max_row == 1 + len(days) == 15
    assert [cal.cell(row=r, column=1).value.date() for r in range(2, cal.max_row + 1)] == \
        [tl.days[i] for i in days]
    assert cal.cell(row=2, column=3).value == "W13 " + plan.team_weeks[12]
    assert cal.auto_filter.ref.endswith(str(cal.max_row))
    assert [b.id for b in cal.row_breaks.brk] == [8]  # the header, then October's week
    assert "weeks 13-14" in cal.oddHeader.right.text
    aid = display_ids(season, plan)[0]
    title = next(t for t in wp.sheetnames if t.startswith(f"{aid} "))
    shown = week_blocks(wp[title])
    assert len(shown) == 2 and len(week_blocks(wb[title])) == len(tl.weeks)
    want = handout_weeks(season, plan, [aid], chosen)
    assert [wp[title].cell(row=t, column=1).value.split(" · ", 1)[1] for t, _, _ in shown] == \
        [w.title for w in want]
    # the first page's counts are the season's; it says what the pages hold
    counts = next(k for k, v in _cells(wb[title]).items() if v == "Counts")
    count = "B" + counts[1:]
    assert "speed days" in _cells(wb[title])[count] and _cells(wp[title])[count] == _cells(wb[title])[count]
    assert any("for weeks 13-14" in str(v) and "the counts below are the season's" in str(v)
               for v in _cells(wp[title]).values())
    # the Overview whole, the Load table the weeks' rows alone (its charts whole), the Cover says
    # which weeks the pages hold
    assert _cells(wp[OVERVIEW_SHEET]) == _cells(wb[OVERVIEW_SHEET])
    athletes = {wb["Load"].cell(row=r, column=1).value for r in range(HEADER_ROW + 1, wb["Load"].max_row + 1)}
    athletes.discard(None)
    assert wp["Load"].auto_filter.ref.endswith(f"L{HEADER_ROW + 2 * len(athletes)}")
    cover = _cells(wp["Cover"])
    row = next(k for k, v in cover.items() if v == "Weeks")
    assert cover["B" + row[1:]].startswith("Only weeks 13-14, 26 Oct to 8 Nov 2026 ")
    assert "and the Load table; the other sheets, and the Load charts," in cover["B" + row[1:]]
    assert "Weeks" not in _cells(wb["Cover"]).values()


def test_calendar_pages_hold_a_month_of_whole_weeks_and_say_days_off(demo_season, demo_book):
    """A page break falls on a Monday, never inside a week: each page holds the weeks whose
    Thursday is in its month (four or five), so a printed week is read on one page."""
    season = _with_blocks(demo_season)
    ws = demo_book["Calendar"]
    tl = Timeline(season)
    breaks = [b.id for b in ws.row_breaks.brk]
    firsts = [tl.days[r - 1] for r in breaks]  # row r holds day r - 2; a break after row r
    assert firsts and all(d.weekday() == 0 for d in firsts)
    for start, end in zip(firsts, firsts[1:], strict=False):  # the pages between two breaks
        assert (end - start).days in (28, 35), (start, end)
        thursdays = {(start + dt.timedelta(days=k)).month for k in range(3, (end - start).days, 7)}
        assert len(thursdays) == 1, start
    thursdays = {d + dt.timedelta(days=3 - d.weekday()) for d in tl.days}
    assert len(breaks) == len({(t.year, t.month) for t in thursdays}) - 1
    notes = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=5).value
             for r in range(2, ws.max_row + 1)}
    assert notes[dt.date(2026, 12, 25)] == "Day off: Christmas"
    # today's row says where what happened ends (a wall copy mid-season showed nothing)
    today = dt.date(2026, 10, 19)
    moved = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": today})})
    ws2 = _SheetBook(moved, simple_plan(moved))["Calendar"]
    said = {ws2.cell(row=r, column=1).value: ws2.cell(row=r, column=5).value
            for r in range(2, ws2.max_row + 1)}
    assert said[today].startswith("TODAY (above: as logged)")
    assert sum(1 for v in said.values() if v and "TODAY" in v) == 1
    assert ws.page_setup.scale and not ws.sheet_properties.pageSetUpPr.fitToPage


def test_a_one_week_calendar_and_a_seasons_months_print_at_8_pt_over_pages_wide(demo_season,
                                                                                   demo_book):
    """A week of the squad's Calendar printed at about 6 pt in the top third of one page: the
    scale was the width's, 25 athletes wide. Now a Calendar one page tall splits its athletes
    over the fewest pages wide that print its 9 pt type at 8 pt or more; so do a season's
    months (they printed at 63 %, 5.7 pt, the left columns a third of the page)."""
    from planner.xlsx_export import CALENDAR_FIXED, CALENDAR_MAX_ATHLETES, calendar_page
    from planner.xlsx_layout import print_points, printable, scale_for

    season = _with_blocks(demo_season)
    plan = simple_plan(season)
    ws = _SheetBook(season, plan, weeks=[10])["Calendar"]
    fixed, n = len(CALENDAR_FIXED), ws.max_column - len(CALENDAR_FIXED)
    assert n > 20  # the squad, a column each
    page_w, page_h = printable()
    scale = ws.page_setup.scale / 100
    assert 9 * scale >= 8, ws.page_setup.scale
    from planner.xlsx_export import CALENDAR_SHORT_SCALE, calendar_pages
    edges = [fixed] + [b.id for b in ws.col_breaks.brk] + [ws.max_column]
    assert len(edges) >= 3  # over pages wide
    letter = openpyxl.utils.get_column_letter
    fixed_pt = sum(print_points(ws.column_dimensions[letter(j)].width) for j in range(1, fixed + 1))
    widths = [fixed_pt + sum(print_points(ws.column_dimensions[letter(j)].width)
                             for j in range(a + 1, b + 1)) for a, b in zip(edges, edges[1:], strict=False)]
    assert all(w * scale <= page_w for w in widths), (widths, scale)
    tall = sum(ws.row_dimensions[r].height or 12.75 for r in range(1, ws.max_row + 1))
    assert tall * scale <= page_h
    # the fewest pages: one page fewer prints under 8 pt
    wider = -(-n // (len(edges) - 2)) * print_points(ws.column_dimensions[letter(fixed + 1)].width)
    assert scale_for(fixed_pt + wider, tall) < CALENDAR_SHORT_SCALE
    # the page count said before the export (File ▸ Export…, the Cover) counts them
    shown = [Timeline(season).days[i] for i in Timeline(season).weeks[10].days]
    labels = [ws.cell(row=1, column=j).value for j in range(fixed + 1, ws.max_column + 1)]
    assert calendar_pages(labels, shown, True) == len(edges) - 1
    week_pages = len(edges) - 1
    week_most = max(b - a for a, b in zip(edges, edges[1:], strict=False))
    # the season's Calendar: a month a page tall, its athletes shared evenly over pages wide,
    # its 9 pt type at 8 pt or more, each page as wide as the page
    full = demo_book["Calendar"]
    full_scale = full.page_setup.scale / 100
    assert 9 * full_scale >= 8, full.page_setup.scale
    edges = [fixed] + [b.id for b in full.col_breaks.brk] + [full.max_column]
    parts = [b - a for a, b in zip(edges, edges[1:], strict=False)]
    assert len(parts) == -(-n // max(parts)) >= 2 and max(parts) - min(parts) <= 1, parts
    assert max(parts) <= CALENDAR_MAX_ATHLETES
    for a, b in zip(edges, edges[1:], strict=False):
        w = sum(print_points(full.column_dimensions[letter(j)].width) for j in range(1, b + 1)
                if j <= fixed or j > a) * full_scale
        assert 0.9 * page_w <= w <= page_w, (w, page_w)
    months = {calendar_page(d) for d in Timeline(season).days}
    assert calendar_pages(labels, Timeline(season).days, False) == len(months) * len(parts)
    assert full.page_setup.pageOrder == "overThenDown"  # a month's pages one after the other
    # the header says how the pages side by side read (it said "Calendar" on both halves)
    assert full.oddHeader.right.text.endswith(
        f"Calendar · each month on {len(parts)} pages side by side, up to {max(parts)} athletes "
        f"each"), full.oddHeader.right.text
    assert ws.oddHeader.right.text.endswith(f"2026 · on {week_pages} pages side by side, up to "
                                            f"{week_most} athletes each")
    assert "week 11" in ws.oddHeader.right.text, ws.oddHeader.right.text


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------
def test_rules_sheet_lists_every_rule_in_words_with_this_seasons_values(tmp_path):
    from planner.citations import CITATIONS
    from planner.rules import RULES
    from planner.season import RuleSettings

    season = small_season(rules=RuleSettings(values={"HV-2": {"max_speed_days": 1}},
                                             modes={"HV-1": "hard", "TEAM": "off"}))
    path = tmp_path / "rules.xlsx"
    export_workbook(season, small_plan(season), path)
    df = pd.read_excel(path, sheet_name="Rules", nrows=sum(max(1, len(r.params)) for r in RULES.values()))
    assert set(df["Rule"]) == set(RULES)
    hv2 = df[df["Setting id (--rule)"] == "HV-2.max_speed_days"].iloc[0]
    assert hv2["Setting"] == "speed days in a load or taper week"
    assert (hv2["Value"], hv2["Default"], hv2["Range"]) == (1, 2, "1 to 3 days/week")
    assert hv2["Mode"] == "hard" and hv2["Evidence"] == "E+J (study, expert judgement)"
    rts = df[df["Setting id (--rule)"] == "RTS.target_weight"].iloc[0]
    assert rts["Range"] == "0 to no limit points"  # not "0–1e+06"
    # a rule's words once, on its first setting's row (LD-1's load table repeated them ~40 times)
    ld1 = df[df["Rule"] == "LD-1"]
    assert len(ld1) > 10 and ld1["What the rule says"].iloc[0] == RULES["LD-1"].summary
    assert set(ld1["What the rule says"].iloc[1:]) == {"(as above)"}
    modes = df.drop_duplicates("Rule").set_index("Rule")["Mode"]
    assert modes["HV-1"] == "hard" and modes["TEAM"] == "off" and modes["RTS"] == "soft"
    ws = openpyxl.load_workbook(path)["Rules"]
    assert CITATIONS["Colby18"] in _cells(ws).values()
    assert ws.freeze_panes == "C2"
    assert layout_problems(ws) == []


# ---------------------------------------------------------------------------------------------
# Athlete sheets: page 1 and a page per week
# ---------------------------------------------------------------------------------------------
def test_athlete_sheet_a_page_per_week_laid_out_as_the_handout(exported):
    from planner.handout import Handouts, handout_weeks, keep_units

    season, plan, path = exported
    tl = Timeline(season)
    wb = openpyxl.load_workbook(path)
    ws = wb["A1 Ann Ash"]
    blocks = week_blocks(ws)
    assert len(blocks) == len(tl.weeks)
    weeks = Handouts(season, plan).weeks("A1")  # the staff's words (the handout: the player's)
    assert [w.title for w in weeks] == [w.title for w in handout_weeks(season, plan, ["A1"])]
    breaks = [b.id for b in ws.row_breaks.brk]
    for (title, header, days), w in zip(blocks, weeks, strict=True):
        assert ws.cell(row=title, column=1).value == f"Ann Ash (A1) · {w.title}"
        assert [c.value for c in ws[header]] == [  # written out: a column moved or added shows
            "Day", "MD", "Stage", "Session", "What to do", "Target speed", "Min", "RPE", "Load AU",
            w.limits_head, "Why: the rules that bound the day (Rules sheet)"]
        # the limits' head, as the handout's: "Kicking" only above a week with a kicking limit
        assert w.limits_head in ("Kicking · change of direction", "Change of direction")
        assert len(days) == len(w.days)
        for r, d in zip(days, w.days, strict=True):
            assert ws.cell(row=r, column=1).value == d.day
            assert ws.cell(row=r, column=ATHLETE_HEADERS.index("Session") + 1).value == keep_units(
                d.session.summary)
        assert days[-1] in breaks  # each week ends its page
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
              for r in range(blocks[1][0], blocks[1][1])}
    # a week heavier than the load week beside it (two matches) says so, not "40 % less volume"
    assert labels["Week"].startswith(
        "Deload week for the team: your week is 2,180 AU, 18\u00a0% above the nearest load week")
    assert "at most 1 speed day" in labels["Week"] and "less volume" not in labels["Week"]
    assert "team sessions of 45\u00a0minutes, as many as in a load week" in labels["Week"]  # units never split
    assert labels["Load"].startswith(f"Planned load: {weeks[1].load_text}")
    assert "ACWR " in labels["Load"] and "monotony " in labels["Load"]
    for r, d in zip(blocks[1][2], weeks[1].days, strict=True):  # each day's planned load
        assert ws.cell(row=r, column=ATHLETE_HEADERS.index("Load AU") + 1).value == (d.session.load or None)
    # why each day is planned so, with the rule ids
    first_days = blocks[0][2]
    why = ATHLETE_HEADERS.index("Why: the rules that bound the day (Rules sheet)") + 1
    sunday = ws.cell(row=first_days[6], column=why).value
    assert "No running load on a day without training. (AV-1)" in sunday
    assert ("Starts 'League match 3' (the player's default role; Season ▸ Match Roles sets one "
            "for this match): the match is the exposure (100 %).") in ws.cell(
        row=first_days[5], column=why).value
    cy = wb["A3 Cy Cedar"]
    stage_rules = [cy.cell(row=r, column=2).value for r in range(1, cy.max_row + 1)
                   if cy.cell(row=r, column=1).value == "Stage rules"]
    assert any("Stage P1 allows no running. (RH-CAP)" in v for v in stage_rules)


def test_a_week_page_prints_as_wide_as_the_page_at_the_scale_its_tallest_week_allows(exported):
    """The tallest week sets a sheet's print scale; the text columns take the width the page has
    left at that scale, so their rows wrap into fewer lines and the scale rises (an injured
    athlete's weeks printed at 53 % with the right third of the page blank, 5 pt text)."""
    from planner.xlsx_athlete import COLUMNS
    from planner.xlsx_layout import print_points, printable

    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    page_w, page_h = printable()
    letters = [chr(ord("A") + j) for j in range(len(COLUMNS))]
    for title in ("A3 Cy Cedar", "A1 Ann Ash", "A2 Bo Birch", "A4 Di Dale"):
        ws = wb[title]
        scale = ws.page_setup.scale / 100
        width = sum(print_points(ws.column_dimensions[c].width) for c in letters) * scale
        assert 0.96 * page_w <= width <= page_w, (title, width, page_w)
        weeks = [sum(ws.row_dimensions[r].height or 12.75 for r in range(top, days[-1] + 1)) * scale
                 for top, _, days in week_blocks(ws)]
        assert max(weeks) <= page_h, title  # each week still on one page
        if title in ("A3 Cy Cedar", "A1 Ann Ash"):  # the tallest week sets the scale: it fills the page
            assert max(weeks) >= 0.9 * page_h, (title, max(weeks), page_h)
        assert layout_problems(ws) == [], title  # every row as tall as its wrapped text


def test_the_speed_days_week_number_reads_apart_from_its_date(exported):
    """The Week number, right-aligned against the left-aligned Week start, printed as one string:
    "10 Mon 5 Oct 2026". It is centred in its column."""
    _, _, path = exported
    speed = openpyxl.load_workbook(path)["Speed days"]
    weeks = [speed.cell(row=r, column=1) for r in range(2, speed.max_row + 1)]
    assert weeks and [c.value for c in weeks] == list(range(1, len(weeks) + 1))
    assert {c.alignment.horizontal for c in weeks} == {"center"}
    assert speed.cell(row=2, column=2).alignment.horizontal == "left"


def test_page_1_charts_the_speed_days_inside_the_print_area(exported):
    season, plan, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["A1 Ann Ash"]
    assert ws.print_area == f"'A1 Ann Ash'!$A$1:${xlsx_athlete.LAST_COL}${ws.max_row}"
    speed = wb["Speed days"]
    assert [c.value for c in speed[1]][:4] == ["Week", "Week start", "Team week", "A3 Cy Cedar"]
    col = {c.value: c.column for c in speed[1]}
    for ap in plan.athletes:
        a = season.athlete(ap.athlete)
        got = [speed.cell(row=r, column=col[f"{a.id} {a.name}"]).value for r in (2, 3, 4)]
        assert got == [sum(1 for i in days if ap.intensity[i] >= 80) for days in WEEK_DAYS]
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 4 + 2  # an athlete's speed days each, the Load sheet's two
        xml = "".join(z.read(n).decode() for n in charts)
        drawings = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/drawing")]
    assert xml.count("<barChart>") == 4 + 1 and "'Speed days'!$F$2:$F$4" in xml
    drawings = [d for d in drawings if d.count("twoCellAnchor>") == 2]  # one chart: an athlete's
    assert len(drawings) == 4
    for d in drawings:  # anchored from A8 to the bottom right of the last column's row 30: in
        # the print area, page 1
        frm = re.search(r"<(?:xdr:)?from><(?:xdr:)?col>(\d+)</(?:xdr:)?col>.*?<(?:xdr:)?row>(\d+)<", d, re.S)
        to = re.search(r"<(?:xdr:)?to><(?:xdr:)?col>(\d+)</(?:xdr:)?col>.*?<(?:xdr:)?colOff>(\d+)<"
                       r".*?<(?:xdr:)?row>(\d+)<.*?<(?:xdr:)?rowOff>(\d+)<", d, re.S)
        assert frm and to, d[:300]
        assert (int(frm[1]), int(frm[2])) == (0, 7)
        # the top-left corner of the cell past the last column, under row 30
        assert (int(to[1]), int(to[2]), int(to[3]), int(to[4])) == (xlsx_athlete.NCOLS, 0, 30, 0)
    assert 30 in [b.id for b in ws.row_breaks.brk]  # page 1 ends under the chart


def test_every_sheet_prints_a4_with_the_season_in_its_header(exported):
    season, _, path = exported
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        assert season.name in ws.oddHeader.left.text, ws.title
        assert "&P" in (ws.oddFooter.center.text or "") + (ws.oddFooter.right.text or ""), ws.title
    assert wb["Cover"].page_setup.orientation == "portrait"
    for title in ("Calendar", "Rules", "Speed days", "A1 Ann Ash", RETURNS_SHEET, OVERVIEW_SHEET):
        assert wb[title].page_setup.orientation == "landscape", title
    for title in ("Rules", "Speed days", RETURNS_SHEET):
        assert wb[title].print_title_rows == "$1:$1", title


def test_no_text_is_wider_than_its_printed_column(exported, demo_book):
    _, _, path = exported
    wb = openpyxl.load_workbook(path)
    problems = [p for ws in wb.worksheets for p in layout_problems(ws)]
    assert problems == []
    for title in demo_book.sheetnames[:len(SUMMARY_SHEETS) + 3]:  # the summary sheets, three athletes
        assert layout_problems(demo_book[title]) == [], title


def test_a_book_made_sheet_by_sheet_is_the_one_build_workbook_makes():
    """The tests of the demo's and the large squads' sheets read them from :class:`_SheetBook`:
    each of its sheets is build_workbook's, cell for cell, with the same rows, columns, merges,
    breaks and print setup (a season with blocks, an absence and an injury; whole, and a week)."""
    season = _with_blocks(small_season())
    plan = small_plan(season)
    for weeks in (None, [1]):
        want = build_workbook(season, plan, exported_at=EXPORTED_AT, weeks=weeks)
        got = _SheetBook(season, plan, exported_at=EXPORTED_AT, weeks=weeks)
        assert got.sheetnames == want.sheetnames
        for title in want.sheetnames:
            assert _sheet_dump(got[title]) == _sheet_dump(want[title]), (weeks, title)


def test_an_overview_written_alone_is_the_exports(demo_season):
    """The Overview print tests of large squads write the Overview alone
    (:func:`_overview_alone`): it is the export's, cell for cell, with the same rows, columns,
    merges, breaks and print setup (36 athletes printed in two parts; a signing, a leaver, an
    absence, an injury and blocks)."""
    ws = _squad_book(demo_season, 36)[OVERVIEW_SHEET]
    assert len(ws.print_area.split(",")) == 2  # printed in parts side by side
    assert _sheet_dump(_overview_alone(_demo_squad(demo_season, 36))) == _sheet_dump(ws)
    season = _with_blocks(small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
        Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad"),
        Unavailability(athlete="A2", start=_day(14), end=END, reason="Illness"))))
    want = build_workbook(season, simple_plan(season), exported_at=EXPORTED_AT)[OVERVIEW_SHEET]
    assert _sheet_dump(_overview_alone(season)) == _sheet_dump(want)


# ---------------------------------------------------------------------------------------------
# Coach text is text
# ---------------------------------------------------------------------------------------------
def _expected(probe: str) -> str:
    # XML turns a raw CR into LF on reading; write_text does that itself, on purpose
    return probe.replace("\r\n", "\n").replace("\r", "\n")


def _probe_season(probe: str) -> tuple[Season, Plan]:
    # model_construct keeps leading tabs/newlines that validation would strip: the export
    # must be safe even for text that did not come through the validator
    odd = Athlete.model_construct(id="X1", name=probe, position=probe, max_speed=None, role="start")
    base = small_season()
    comps = (Competition.model_construct(id="x", name=probe, date=_day(2), end_date=None,
                                         priority="C"),)
    season = base.model_copy(update={"name": probe, "athletes": base.athletes + (odd,),
                                     "competitions": base.competitions + comps})
    plan = small_plan(season)
    return season, plan.model_copy(update={"athletes": plan.athletes + (fit_plan(season, "X1", [0]),)})


@pytest.mark.parametrize("probe", PROBES, ids=repr)
def test_probes_come_back_as_text_in_every_sheet(tmp_path, probe):
    season, plan = _probe_season(probe)
    path = tmp_path / "probe.xlsx"
    export_workbook(season, plan, path)
    want = _expected(probe)
    quoted = want.startswith(("=", "+", "-", "@", "\t", "\n"))
    wb = openpyxl.load_workbook(path)
    athlete = next(t for t in wb.sheetnames if t.startswith("X1"))
    ov = wb[OVERVIEW_SHEET]
    spots = {
        "Cover": (wb["Cover"]["A1"], want),
        "Overview": (ov.cell(row=overview_rows(ov)["X1"], column=1), f"{want} (X1)"),
        "Calendar": (wb["Calendar"].cell(row=2 + 2, column=5), f"{want} (C)"),
        athlete: (wb[athlete]["A1"], f"{want} (X1) · {want}"),  # name, then position
    }
    for sheet, (cell, value) in spots.items():
        assert cell.data_type == "s" and cell.quotePrefix == quoted, sheet
        assert cell.value == value, sheet
    for sheet in ("Calendar", "Speed days"):
        assert f"X1 {want}" in [c.value for c in wb[sheet][1]], sheet
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type not in ("f", "e"), (ws.title, c.coordinate)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert "<f>" not in xml and 't="e"' not in xml
    df = pd.read_excel(path, sheet_name="Calendar", keep_default_na=False, na_values=[])
    assert df["Competition · day off"].iloc[2] == f"{want} (C)"


def test_write_text_on_a_plain_cell():
    wb = openpyxl.Workbook()
    ws = wb.active
    write_text(ws["A1"], "=HYPERLINK(\"http://x\")")
    write_text(ws["A2"], "Plain name")
    write_text(ws["A3"], "a\x01b\x07c")
    write_text(ws["A4"], "")
    write_text(ws["A5"], "#DIV/0!")
    assert ws["A1"].data_type == "s" and ws["A1"].quotePrefix
    assert ws["A2"].value == "Plain name" and not ws["A2"].quotePrefix
    assert ws["A3"].value == "abc"  # characters XML cannot hold are dropped
    assert ws["A4"].value is None
    assert ws["A5"].data_type == "s"


# ---------------------------------------------------------------------------------------------
# Sheet titles
# ---------------------------------------------------------------------------------------------
_BAD = re.compile(r"[\\/*?:\[\]]")


def _valid(title: str) -> bool:
    return (0 < len(title.encode("utf-16-le")) // 2 <= 31 and not _BAD.search(title)
            and not title.startswith("'") and not title.endswith("'"))


@pytest.mark.parametrize("ch", list("\\/*?:[]"))
def test_safe_sheet_title_replaces_each_forbidden_character(ch):
    title = safe_sheet_title(f"A1 Ann{ch}Ash", set())
    assert _valid(title) and title == "A1 Ann_Ash"


def test_safe_sheet_title_length_uniqueness_and_edge_cases():
    taken = {"team"}
    long = safe_sheet_title("A1 " + "Maximilian-Alexander " * 3, taken)
    assert _valid(long) and len(long) <= 31
    again = safe_sheet_title("A1 " + "Maximilian-Alexander " * 3, taken)
    assert again != long and again.endswith(" (2)") and len(again) <= 31
    third = safe_sheet_title("a1 " + "MAXIMILIAN-ALEXANDER " * 3, taken)
    assert third.endswith(" (3)")
    assert safe_sheet_title("Team", taken) == "Team (2)"
    assert safe_sheet_title("", set()) == "Sheet"
    assert safe_sheet_title("'''", set()) == "Sheet"
    assert safe_sheet_title("'quoted'", set()) == "quoted"
    assert safe_sheet_title("History", set()) == "History (2)"
    assert safe_sheet_title("tab\there\nnew", set()) == "tab here new"
    emoji = safe_sheet_title("A1 " + "\U0001F3C3" * 20, set())  # 2 UTF-16 units each
    assert _valid(emoji) and len(emoji.encode("utf-16-le")) // 2 <= 31
    assert all(t == t.lower() for t in taken) and long.lower() in taken


def hazard_season_and_plan() -> tuple[Season, Plan]:
    """The small season plus athletes whose sheet titles are hard to make."""
    base = small_season()
    hazards = (
        Athlete(id="K1", name="Kim Lee", position="Forward"),
        Athlete(id="k1", name="KIM LEE", position="Forward"),
        Athlete(id="L1", name="Name/With\\All*The?Bad:Chars[and]more", position="Forward"),
        Athlete(id="VeryLongIdentifierForAthlete01", name="Long Name", position="Forward"),
        Athlete(id="VeryLongIdentifierForAthlete02", name="Long Name", position="Forward"),
        Athlete(id="M1", name="Maximilian Alexander von Hohenberg-Schwarzenfels"),
        Athlete(id="O1", name="Dan O'Brien", position="Defender"),
        Athlete(id="H1", name="'quoted' & <tagged>", position="Left wing-back"),
    )
    season = base.model_copy(update={"athletes": base.athletes + hazards})
    plan = small_plan(season)
    extra = tuple(fit_plan(season, a.id, [0, 90, 0]) for a in hazards)
    return season, plan.model_copy(update={"athletes": plan.athletes + extra})


def test_sheet_title_hazards_in_a_real_export(tmp_path):
    season, plan = hazard_season_and_plan()
    path = tmp_path / "titles.xlsx"
    export_workbook(season, plan, path)
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    assert len(names) == len(SUMMARY_SHEETS) + len(season.athletes) + 1
    assert len({n.lower() for n in names}) == len(names)
    assert all(_valid(n) for n in names)
    assert "K1 Kim Lee" in names and "k1 KIM LEE (2)" in names
    assert "O1 Dan O'Brien" in names and "H1 'quoted' & <tagged>" in names
    # every Overview link points at an existing sheet, and that sheet is the athlete's
    ov = wb[OVERVIEW_SHEET]
    linked = []
    last = [r for r in range(FIRST_ROW, ov.max_row + 1) if ov.cell(row=r, column=1).value == "Legend"][0]
    for row in range(FIRST_ROW, last):
        if not ov.cell(row=row, column=1).value:
            continue
        loc = ov.cell(row=row, column=1).hyperlink.location
        title = loc[1:loc.rindex("'")].replace("''", "'")
        shown = ov.cell(row=row, column=1).value.split("…")[0].rstrip(")")  # "Name (ID)", cut to fit
        assert title in names and wb[title]["A1"].value.startswith(shown), (shown, title)
        linked.append(title)
    assert sorted(linked) == sorted(names[len(SUMMARY_SHEETS):-1])
    for ws in wb.worksheets:
        assert layout_problems(ws) == [], ws.title


# ---------------------------------------------------------------------------------------------
# The demo season, saving, and the import boundary
# ---------------------------------------------------------------------------------------------
def simple_plan(season: Season) -> Plan:
    tl = Timeline(season)
    athletes = []
    for a in season.athletes:
        stage = "INJ" if season.injury_of(a.id) else "FIT"
        athletes.append(AthletePlan(athlete=a.id, stages=(stage,) * tl.n,
                                    intensity=(0,) * tl.n, weeks=("load",) * len(tl.weeks)))
    return Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(athletes))


def test_demo_season_exports_and_reopens(demo_export, demo_season, demo_book):
    tl = Timeline(demo_season)
    names = openpyxl.load_workbook(demo_export, read_only=True).sheetnames  # it reopens
    assert names == demo_book.sheetnames
    wb = demo_book  # (the same rows, without reading 24 sheets back)
    assert len(wb.sheetnames) == len(SUMMARY_SHEETS) + len(demo_season.athletes) + 1
    ov = wb[OVERVIEW_SHEET]
    rows = overview_rows(ov)
    injured = {i.athlete for i in demo_season.injuries}
    assert set(list(rows)[: len(injured)]) == injured and len(rows) == len(demo_season.athletes)
    comps = [ov.cell(row=5, column=3 + w).value for w in range(len(tl.weeks))]
    assert sum(1 for c in comps if c) >= 20 and any("Cup final (A)" in (c or "") for c in comps)
    a = demo_season.athletes[0]
    ws = wb[safe_sheet_title(f"{a.id} {a.name}", {"cover"})]
    assert len(week_blocks(ws)) == len(tl.weeks)


def test_export_replaces_an_existing_file_and_reports_unwritable_targets(tmp_path):
    season = small_season()
    plan = small_plan(season)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old")
    export_workbook(season, plan, path)
    assert zipfile.is_zipfile(path)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    with pytest.raises(SaveError):
        export_workbook(season, plan, tmp_path / "no such folder" / "plan.xlsx")
    folder = tmp_path / "a folder.xlsx"
    folder.mkdir()
    with pytest.raises(SaveError):
        export_workbook(season, plan, folder)


def test_a_folder_without_write_permission_is_a_save_error(tmp_path, monkeypatch):
    # (tests may run as root, where chmod does not stop writes: fake the refusal instead)
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    season = small_season()
    with pytest.raises(SaveError, match="cannot write in"):
        export_workbook(season, small_plan(season), tmp_path / "plan.xlsx")
    assert not (tmp_path / "plan.xlsx").exists()


def test_a_plan_that_no_longer_fits_the_season_is_refused():
    season = small_season()
    plan = small_plan(season)
    longer = season.model_copy(update={
        "calendar": season.calendar.model_copy(update={"end": END + dt.timedelta(days=7)}),
    })
    with pytest.raises(InputError, match="solve again"):
        build_workbook(longer, plan)


def test_an_athlete_without_a_plan_still_gets_a_row_and_a_sheet():
    season = small_season()
    plan = small_plan(season)
    plan = plan.model_copy(update={"athletes": plan.athletes[:3]})  # A4 added after the solve
    wb = build_workbook(season, plan)
    ov = wb[OVERVIEW_SHEET]
    row = overview_rows(ov)["A4"]
    assert [ov.cell(row=row, column=c).value for c in (3, 4, 5)] == [None, None, None]
    ws = wb["A4 Di Dale"]
    assert ws["A1"].value.startswith("Di Dale (A4)") and week_blocks(ws) == []


def test_importing_planner_does_not_load_openpyxl():
    code = ("import sys, planner, planner.season, planner.timeline, planner.seasonfile; "
            "sys.exit(1 if 'openpyxl' in sys.modules else 0)")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


# ---------------------------------------------------------------------------------------------
# Anonymised, the fast path, saving
# ---------------------------------------------------------------------------------------------
def _all_text(path) -> list[str]:
    """Every part of a workbook as text: cells (inline strings), sheet titles, headers and
    footers, charts, properties (XML entities resolved)."""
    import html

    with zipfile.ZipFile(path) as z:
        return [html.unescape(z.read(n).decode()) for n in z.namelist() if n.endswith(".xml")]


def test_anonymised_export_has_ids_and_no_names_diagnoses_or_protocols(tmp_path, demo_season):
    from planner.protocols import load_protocol

    plan = simple_plan(demo_season)
    # give the injured athletes rehab stages in the plan, so stage texts would be written
    athletes = []
    for ap in plan.athletes:
        inj = demo_season.injury_of(ap.athlete)
        if inj is not None:
            stage = load_protocol(inj.protocol).stage_ids[1]
            ap = ap.model_copy(update={"stages": (stage,) * len(ap.stages)})
        athletes.append(ap)
    plan = plan.model_copy(update={"athletes": tuple(athletes)})
    season = demo_season.model_copy(update={"unavailability": demo_season.unavailability + (
        Unavailability(athlete="A05", start=demo_season.calendar.start,
                       end=demo_season.calendar.start, reason="Knee arthroscopy"),)})
    path = tmp_path / "anon.xlsx"
    export_workbook(season, plan, path, anonymise=True)
    text = "\n".join(_all_text(path))
    secrets = [a.name for a in season.athletes] + ["Knee arthroscopy"]
    for inj in season.injuries:
        proto = load_protocol(inj.protocol)
        secrets += [proto.id, proto.name, proto.id.replace("-", " ").capitalize()]
        secrets += [s.title for s in proto.stages]
        secrets += [s.exit_text for s in proto.stages] + [s.content for s in proto.stages]
        # a criteria test's name names the injury ("Hamstring strength LSI"): the provisional
        # return's words named them
        secrets += [c.name for s in proto.stages for c in s.criteria]
    for secret in secrets:
        assert secret not in text, secret
    wb = openpyxl.load_workbook(path, read_only=True)
    ids = [a.id for a in season.athletes]
    assert sorted(wb.sheetnames[len(SUMMARY_SHEETS):-1]) == sorted(ids)
    assert ">P2<" in text  # stage codes stay
    assert "anonymised: athlete IDs instead of names" in text
    export_workbook(season, plan, tmp_path / "named.xlsx")  # the same without: names (can fail)
    assert season.athletes[0].name in "\n".join(_all_text(tmp_path / "named.xlsx"))


def test_the_fast_path_writes_what_openpyxl_would(tmp_path):
    season, plan = hazard_season_and_plan()
    season = _with_blocks(season)
    fast = tmp_path / "fast.xlsx"
    fast.write_bytes(workbook_bytes(season, plan, exported_at=EXPORTED_AT))
    slow = tmp_path / "slow.xlsx"
    build_workbook(season, plan, exported_at=EXPORTED_AT).save(slow)
    a, b = openpyxl.load_workbook(fast), openpyxl.load_workbook(slow)
    assert a.sheetnames == b.sheetnames
    for title in a.sheetnames:
        wa, wb_ = a[title], b[title]
        assert wa.max_row == wb_.max_row and wa.max_column == wb_.max_column, title
        assert wa.dimensions == wb_.dimensions, title
        assert sorted(map(str, wa.merged_cells.ranges)) == sorted(map(str, wb_.merged_cells.ranges)), title
        assert [x.id for x in wa.row_breaks.brk] == [x.id for x in wb_.row_breaks.brk], title
        for ra, rb in zip(wa.iter_rows(), wb_.iter_rows(), strict=True):
            for ca, cb in zip(ra, rb, strict=True):
                where = (title, ca.coordinate)
                assert (ca.value, ca.data_type, ca.quotePrefix) == (cb.value, cb.data_type, cb.quotePrefix), where
                assert ca.number_format == cb.number_format, where
                assert (ca.font.b, ca.font.sz, ca.font.name) == (cb.font.b, cb.font.sz, cb.font.name), where
                assert (ca.fill.fill_type, ca.fill.fgColor.rgb) == (cb.fill.fill_type, cb.fill.fgColor.rgb), where
                assert (ca.alignment.text_rotation, ca.alignment.wrap_text) == (
                    cb.alignment.text_rotation, cb.alignment.wrap_text), where
        for r, dim in wb_.row_dimensions.items():
            if dim.height:
                assert wa.row_dimensions[r].height == dim.height, (title, r)


def test_an_export_to_a_file_open_in_excel_is_a_clear_save_error(tmp_path, monkeypatch):
    season = small_season()
    plan = small_plan(season)
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"the previous export")

    def locked(src, dst):  # what Windows does while Excel has the file open
        raise PermissionError(13, "The process cannot access the file because it is being used "
                                  "by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(SaveError) as err:
        export_workbook(season, plan, path)
    message = str(err.value)
    assert message.startswith(f"{path}: could not be replaced")
    assert "open in another program" in message and "close it" in message
    assert path.read_bytes() == b"the previous export"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_the_export_gets_the_mode_of_the_users_files(tmp_path, monkeypatch):
    import planner.safefile as sf

    monkeypatch.setattr(sf, "_UMASK", 0o027)  # read from the process at import
    season = small_season()
    path = tmp_path / "plan.xlsx"
    export_workbook(season, small_plan(season), path)
    assert path.stat().st_mode & 0o777 == 0o640  # not the 0600 of a temporary file
    path.chmod(0o600)
    export_workbook(season, small_plan(season), path)  # an existing file keeps its mode
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_cover_says_how_many_pages_the_whole_workbook_prints_and_how_to_print_less():
    """LibreOffice and 'print the workbook' print every sheet: a coach printed the demo's whole
    season, 1,034 pages, the Cover's "about 1,039 pages" in a note. Now it says how many of them
    the athletes' week pages are (athletes x weeks, and each athlete's first page), and how to
    print less: the sheets needed, or only some weeks exported (the Weeks choice, --weeks)."""
    from solver import SolveRequest, solve
    from tests.builders import season as built

    s = built(weeks=9, athletes=6)
    plan = solve(SolveRequest(s, time_limit=30)).plan
    for weeks, n in ((None, 9), ([2, 3, 4], 3)):
        wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(s, plan, exported_at=EXPORTED_AT,
                                                              weeks=weeks)), read_only=True)
        texts = [v for v in _cells(wb["Cover"]).values() if isinstance(v, str)]
        said = [t for t in texts if t.startswith("Printing the whole workbook makes about ")]
        if weeks is not None:  # 6 athletes' 3 weeks: a few pages, nothing said
            assert not said
            continue
        assert len(said) == 1, said
        m = re.match(r"Printing the whole workbook makes about ([\d,]+) pages: the athletes' sheets "
                     r"are ([\d,]+) of them \((\d+) athletes × (\d+) weeks, a page each, and each "
                     r"athlete's first page\)\. Print only the sheets you need", said[0])
        assert m, said[0]
        assert (int(m[3]), int(m[4])) == (6, n) and int(m[2]) == 6 * (n + 1) < int(m[1])
        assert "export only some weeks: File ▸ Export…'s Weeks" in said[0] and "--weeks" in said[0]
    # tests/exports/test_print.py holds the number against the pages LibreOffice prints
    small = small_season()
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(small, small_plan(small))), read_only=True)
    assert not any("Printing the whole" in str(v) for v in _cells(wb["Cover"]).values())  # a few pages


def test_a_workbook_of_some_weeks_says_how_to_export_others():
    """A workbook of some weeks that still prints many pages says so, and how to export others."""
    from planner.xlsx_export import print_words

    words = print_words(1234, 40, 20, whole=False)
    assert words.startswith("Printing the whole workbook makes about 1,234 pages: the athletes' "
                            "sheets are 840 of them (40 athletes × 20 weeks")
    assert "export other weeks the same way (File ▸ Export…'s Weeks, or --weeks)" in words


def test_a_plan_whose_rehab_stage_the_season_no_longer_has_is_refused_not_a_crash(tmp_path):
    """An ankle sprain recorded after the solve for an athlete planned in P3 of his hip injury:
    the ankle-sprain template has no P3, and the workbook and calendar exports stopped with
    KeyError 'P3'. Both now say which day and why, and to solve again."""
    from planner import edits as E
    from planner import text
    from planner.ical import export_calendars
    from tests.builders import day, injury, season

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P3", start_day=-3),))
    s = s.model_copy(update={"plan": solved_small_plan(s)})
    assert "P3" in s.plan.for_athlete("A1").stages[4:]
    after = E.AddInjury(athlete="A1", protocol="ankle-sprain", onset=day(4), stage="S2").apply(s)
    assert after.plan == s.plan  # the edit keeps the plan
    for export in (lambda: export_workbook(after, after.plan, tmp_path / "plan.xlsx"),
                   lambda: export_calendars(after, after.plan, tmp_path / "cal")):
        with pytest.raises(InputError) as e:
            export()
        (problem,) = e.value.problems
        assert problem.startswith(f"Athlete 1 (A1) is in P3 on {text.day_long(day(4))} in the plan, "
                                  f"which is no stage of the injury recorded since")
        assert "the plan no longer fits the season: solve again, then export" in problem
    assert not (tmp_path / "plan.xlsx").exists() and not (tmp_path / "cal").exists()


def test_the_cover_says_a_rule_of_weight_0_is_listed_not_traded_off():
    """LD-1 (weight 0 by default) was listed under "What the plan trades off" with the rules the
    plan weighs: a practitioner read it as a spike the plan chose."""
    import datetime as dt

    from planner.season import Plan, SoftViolation
    from planner.xlsx_export import _soft_words

    d = dt.date(2026, 9, 7)
    soft = (SoftViolation(rule="LD-1", athlete="A1", start=d, end=d, message="spike", penalty=0),
            SoftViolation(rule="LD-1", athlete="A2", start=d, end=d, message="spike", penalty=0),
            SoftViolation(rule="HV-1", athlete="A1", start=d, end=d, message="gap", penalty=30))
    words = dict(_soft_words(Plan(status="optimal", team_weeks=(), athletes=(), soft=soft)))
    assert words["HV-1"] == "Regular high-velocity exposure: 1 time (1 athlete)"
    assert words["LD-1"].startswith("No planned load spike: 2 times (2 athletes), listed only: its "
                                    "weight is 0, so the plan does not avoid them")


def test_a_re_injury_is_in_every_summary_and_said_as_one(tmp_path):
    """A1 back from a first injury, then injured again: the Cover counted only the first record
    per athlete, the Overview and the athlete page showed only the first return; the second is
    said everywhere, as a re-injury "N days after the return", and an injury still to come
    starts in its first stage rather than "now" or "at the season start"."""
    from planner.returns import return_text, returns
    from solver import SolveRequest, solve
    from tests.builders import injury, season

    first = injury("A1", "P3", start_day=-10)
    again = injury("A1", "P1", start_day=57, onset_day=56)
    s = season(weeks=12, athletes=2, injuries=(first, again))
    plan = solve(SolveRequest(s, time_limit=30)).plan
    r1, r2 = returns(s, plan)
    assert r1.fit is not None and r1.fit <= r2.onset
    days = (r2.onset - r1.fit).days
    line = return_text(s, r2, [r1, r2])
    assert f"(the same injury again, {days} days after the return of " in line
    assert "; starting in P1 " in line and "at the season start P1" not in line
    path = tmp_path / "plan.xlsx"
    export_workbook(s, plan, path)
    wb = openpyxl.load_workbook(path)
    cover = [v for v in _cells(wb["Cover"]).values() if isinstance(v, str)]
    assert any(v.startswith("1 injured athlete this season (2 injuries, 1 athlete injured again): "
                           "of the 2 returns, ")
               for v in cover), cover
    ov = [v for v in _cells(wb["Overview"]).values() if isinstance(v, str) and "\nagain: " in v]
    assert len(ov) == 1 and ov[0].count("\n") == 1
    rows = [[c.value for c in row] for row in wb["Returns"].iter_rows(min_row=2)]
    assert f"the same injury again, {days} days after the return" in rows[1][2]
    assert rows[1][4].endswith("(from its onset)") and not rows[0][4].endswith("(from its onset)")
    sheet = next(n for n in wb.sheetnames if "A1" in n or "Athlete 1" in n)
    page = [v for v in _cells(wb[sheet]).values() if isinstance(v, str) and "first stage P1" in v]
    assert len(page) == 1 and page[0].count("\n") == 1, (sheet, page)
    assert f"(the same injury again, {days} days after the return of " in page[0]


def test_the_covers_sheet_list_fits_a_long_first_athlete_name(tmp_path):
    """The Cover's sheet index named the first athlete's sheet ("A05 Jonas Player05") in its
    label column, and a long name ran into the words beside it; it is labelled "Athletes"."""
    season = small_season()
    lead = display_ids(season)[0]  # the first athlete sheet, as the board orders the squad
    season = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": "Maximilian-Alexander Vandenbroucke"}) if a.id == lead else a
        for a in season.athletes)})
    path = tmp_path / "plan.xlsx"
    export_workbook(season, small_plan(season), path)
    cover = openpyxl.load_workbook(path)["Cover"]
    assert layout_problems(cover) == []
    label = next(c for row in cover.iter_rows() for c in row if c.value == "Athletes")
    assert label.hyperlink is not None and "Maximilian" in label.hyperlink.location


def test_a_days_soft_price_is_said_on_the_week_page_not_dropped():
    """HV-DAY's price on a day that is not MD-3/MD-4 is a "costs" reason (no hard bound): the
    week page's why column said it while it was listed as a bound, then dropped it."""
    from planner.why import Reason, Why
    from planner.xlsx_athlete import why_lines

    why = Why("A1", "Mon 4 Jan 2027", "A1: FIT", [
        Reason("TEAM", "serves", "A shared team speed day."),
        Reason("HV-DAY", "costs", "MD-2: MD-3/MD-4 are preferred; this day costs a little.")])
    text, stage = why_lines(why, anonymise=False, names=(), before_p0=False)
    assert text.splitlines() == ["No hard rule bounds this day; it serves TEAM.",
                                 "MD-2: MD-3/MD-4 are preferred; this day costs a little. (HV-DAY)"]
    # a day lived says what was logged, not the rules' verdict on it
    lived = Why("A1", "Mon 4 Jan 2027", "A1: FIT", [
        Reason("FACT", "fact", "Logged 30 min at RPE 2 (60 AU).")])
    text, _ = why_lines(lived, anonymise=False, names=(), before_p0=True)
    assert text.splitlines() == ["Logged 30 min at RPE 2 (60 AU)."], text


def test_a_second_injury_during_the_first_ones_rehab_is_no_injured_again_on_the_cover():
    """The Cover counted every athlete with two records "injured again", while the Returns
    sheet says "again" only of an injury after a return: a second injury during the first's
    rehab read as a re-injury on one sheet and not on the other."""
    from planner.returns import again_words, returns
    from planner.xlsx_export import _injured_sentence
    from solver import SolveRequest, solve
    from tests.builders import injury, season

    first = injury("A1", "P1", start_day=-3)
    during = injury("A1", "P1", start_day=15, onset_day=14)
    s = season(weeks=12, athletes=2, injuries=(first, during))
    rets = returns(s, solve(SolveRequest(s, time_limit=30)).plan)
    assert len(rets) == 2 and not any(again_words(s, rets, r) for r in rets)
    words = _injured_sentence(s, rets)
    assert words.startswith("1 injured athlete this season (2 injuries): of the 2 returns, "), words
    assert "again" not in words


def test_a_re_injury_after_a_return_before_the_season_is_said_as_one(tmp_path):
    """Back to full training in pre-season (FIT recorded before the season's first day), the same
    injury again in week 2: that return is no return of the plan, and neither the Returns sheet,
    the Cover nor the coach's line said "again"."""
    from planner.returns import again_words, return_text, returns
    from planner.xlsx_export import _injured_sentence
    from solver import SolveRequest, solve
    from tests.builders import injury, season

    before = injury("A1", "FIT", start_day=-12, history=(("S3", -25),))
    again = injury("A1", "P1", start_day=9, onset_day=8)
    s = season(weeks=12, athletes=2, injuries=(before, again))
    plan = solve(SolveRequest(s, time_limit=30)).plan
    rets = returns(s, plan)
    assert [r.onset for r in rets] == [again.onset]  # the pre-season return is no return here
    words = "the same injury again, 20 days after the return of "
    assert again_words(s, rets, rets[0]).startswith(words)
    assert words in return_text(s, rets[0], rets)
    assert _injured_sentence(s, rets).startswith("1 injured athlete this season (1 athlete injured "
                                                 "again): ")
    path = tmp_path / "plan.xlsx"
    export_workbook(s, plan, path)
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path)["Returns"].iter_rows(min_row=2)]
    assert words in rows[0][2]


def _returned(start_day: int, roles: tuple = ()):
    """A four-week test season (matches each Saturday, day 5 to 26) solved, the plan held against
    the checker, with A1 in S3 of an iliopsoas tendinopathy since day ``start_day``: (his real
    return, the Returns sheet's row of it)."""
    from planner.returns import returns
    from tests.builders import injury, season, solved_and_checked

    s = season(weeks=4, athletes=3, injuries=(injury("A1", "S3", start_day=start_day),))
    s = s.model_copy(update={"roles": roles})
    out, _ = solved_and_checked(s)
    (ret,) = returns(s, out.plan)
    ws = build_workbook(s, out.plan)[RETURNS_SHEET]
    header = [c.value for c in ws[1]]
    return ret, {h: ws.cell(row=2, column=j).value for j, h in enumerate(header, start=1)}


def test_the_returns_sheet_says_why_a_return_has_no_first_match():
    """Back two days before the season's last match, too few team sessions done to play it: the
    First match column read a bare "–", as if no match followed; the athlete sheet and 'periodize
    solve' say "no match played after it ('Match 4' …)". In S3 since Thu 21 Jan, he is back on
    Thu 28 Jan, with 2 of RE-1's 3 team sessions done by Sat 30 Jan."""
    ret, row = _returned(17)
    assert ret.first_match is None and row["Back to full training"] == dt.date(2027, 1, 28)
    why = "'Match 4' on Sat 30 Jan: 2 of the 3 team sessions RE-1 asks before a first match done by then"
    assert row["First match"] == f"no match played after it ({why})"


def test_the_overviews_week_without_hv_is_told_by_more_than_its_colour():
    """Printed in black and white, "red = a week without any HV exposure" named the one thing a
    grey page loses: the legend names the bold the cell also has."""
    season = small_season()
    plan = small_plan(season)
    ws = build_workbook(season, plan)[OVERVIEW_SHEET]
    legend = " ".join(str(ws.cell(row=r, column=1).value) for r in range(1, ws.max_row + 1))
    assert "bold red = a week without any HV exposure" in legend
    no_hv = [c for row in ws.iter_rows() for c in row
             if c.font is not None and c.font.color is not None and c.font.color.rgb
             and str(c.font.color.rgb).endswith("C62828") and isinstance(c.value, int)]
    assert no_hv and all(c.font.b for c in no_hv)


def test_the_returns_sheet_says_a_first_match_off_the_bench():
    """A returner eased in from the bench while a squad player stands in: the First match
    column showed the date alone, read as his first start. Back on Thu 7 Jan, set on the bench
    for Match 2 (Sat 16 Jan), his first match back; he starts Match 3 (Sat 23 Jan)."""
    from planner.season import MatchRole

    ret, row = _returned(-10, roles=(MatchRole(competition="m1", athlete="A1", role="bench"),))
    assert (ret.first_role, ret.first_match) == ("bench", dt.date(2027, 1, 16))
    assert row["First match"] == "Sat 16 Jan 2027 off the bench (first start Sat 23 Jan 2027)"


def test_the_returns_sheet_says_a_first_match_started_and_how_to_cap_it():
    """A first match back started showed its date alone, beside "off the bench" for the others;
    the Returns panel said "as a starter" and how to cap its minutes. Back on Thu 7 Jan, he
    starts Match 2 (Sat 16 Jan), his first match back."""
    ret, row = _returned(-10)
    assert ret.first_role == "start" and ret.first_start == ret.first_match == dt.date(2027, 1, 16)
    assert row["First match"] == ("Sat 16 Jan 2027 as a starter (to cap the minutes of the first "
                                  "match back, set bench for it in the Roles panel)")


def test_the_overview_does_not_flag_a_goalkeepers_weeks_without_hv():
    """HV-1 exempts goalkeepers: the demo's two keepers out of the squad had every week in bold
    red ("no HV exposure"), two rows of alarms for what the rules intend."""
    season = small_season()
    base = small_plan(season)
    keeper = fit_plan(season, "A2", [80, 0, 0, 0, 0, 0, 0])  # as A4: speed, never an HV exposure
    plan = base.model_copy(update={"athletes": tuple(keeper if x.athlete == "A2" else x
                                                     for x in base.athletes)})
    ws = build_workbook(season, plan)[OVERVIEW_SHEET]

    def red(c) -> bool:
        return (c.font is not None and c.font.color is not None and bool(c.font.color.rgb)
                and str(c.font.color.rgb).endswith("C62828") and isinstance(c.value, int))

    rows = {str(ws.cell(row=r, column=1).value): r for r in range(1, ws.max_row + 1)}
    keeper_row = next(r for name, r in rows.items() if "Bo Birch" in name)
    ap = plan.for_athlete("A2")
    tl = Timeline(season)
    assert any(not any(ap.intensity[i] >= 90 for i in wk.days) and ap.stages[wk.first] == "FIT"
               for wk in tl.weeks)  # the keeper has a week without one
    assert not any(red(c) for c in ws[keeper_row])
    # an outfield player's week without one is still flagged
    assert any(red(c) for name, r in rows.items() if "Bo Birch" not in name for c in ws[r])
    legend = " ".join(str(ws.cell(row=r, column=1).value) for r in range(1, ws.max_row + 1))
    assert "except for the positions HV-1 exempts (goalkeepers by default)" in legend


def test_the_cover_says_the_squads_match_roles():
    """The demo's matchday squad (11 start, 5 on the bench, 8 out): the Cover said "24 athletes",
    and every count on the sheets after it (speed days, HV exposures, loads) follows the roles."""
    from planner.season import MatchRole
    from planner.xlsx_export import _squad_words

    season = small_season()
    assert _squad_words(season) == "4 athletes"  # everyone starts: nothing more to say
    squad = tuple(a.model_copy(update={"role": r})
                  for a, r in zip(season.athletes, ("start", "bench", "out", "out"), strict=True))
    comp = season.competitions[0].id
    season = season.model_copy(update={"athletes": squad, "roles": (
        MatchRole(competition=comp, athlete="A3", role="start"),)})
    assert _squad_words(season) == ("4 athletes; by default 1 start, 1 on the bench, 2 out of the "
                                    "matchday squad; roles set for single matches: 1")
    cover = [v for v in _cells(build_workbook(season, small_plan(season))["Cover"]).values()
             if isinstance(v, str)]
    assert _squad_words(season) in cover


def test_hv1_exempts_a_position_however_it_is_spelled():
    """The overview, the checker, the explanations and the solver read HV-1's exempt positions
    through one helper: a "Goalie" in a squad whose exempt list says "GK" is one position."""
    from planner.rules import RuleSet
    from planner.squad import hv1_exempt

    season = small_season()
    rs = RuleSet(season.rules)
    assert all(hv1_exempt(rs, p) for p in ("Goalkeeper", "GK", "goalie", " Goal  keeper "))
    assert not hv1_exempt(rs, "Defender")
    gk = RuleSet(season.rules.model_copy(update={"values": {"HV-1": {"exempt_positions": ["GK"]}}}))
    assert hv1_exempt(gk, "Goalie") and not hv1_exempt(gk, "Forward")
    none = RuleSet(season.rules.model_copy(update={"values": {"HV-1": {"exempt_positions": []}}}))
    assert not hv1_exempt(none, "Goalkeeper")


def test_the_overview_tells_not_yet_here_and_left_from_away_and_the_cover_names_who_left():
    """The Overview wrote "away" for a signing's weeks before he joined and for a sold player's
    weeks after he left, as for an illness; the Cover's "26 athletes" counted the sold player
    unsaid. "not yet here" and "left" (a run of weeks one cell), "away" for the rest, the
    legend says each; the Cover names who joined and who left, and when."""
    from planner.xlsx_export import _squad_words
    from planner.xlsx_overview import FIRST_WEEK_COL

    season = small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
        Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad"),
        Unavailability(athlete="A2", start=_day(14), end=END, reason="Illness")))
    # the signing named beside the leaver (the Cover named only who left)
    assert _squad_words(season) == ("4 athletes (1 joined: Di Dale on 11 Jan; "
                                    "1 left the squad: Ann Ash on 11 Jan)")
    wb = build_workbook(season, small_plan(season))
    ws = wb[OVERVIEW_SHEET]
    rows = overview_rows(ws)

    def week(aid: str, w: int):
        return ws.cell(row=rows[aid], column=FIRST_WEEK_COL + w).value

    assert week("A4", 0) == "not yet here"
    assert ws.cell(row=rows["A4"], column=FIRST_WEEK_COL).alignment.shrink_to_fit  # one week
    assert week("A4", 1) != "not yet here"
    assert week("A1", 1) == "left" and week("A1", 0) != "left"
    merged = {str(r) for r in ws.merged_cells.ranges}
    first = openpyxl.utils.get_column_letter(FIRST_WEEK_COL + 1)
    last = openpyxl.utils.get_column_letter(FIRST_WEEK_COL + 2)
    assert f"{first}{rows['A1']}:{last}{rows['A1']}" in merged  # his two weeks: one cell
    assert week("A2", 2) == "away"
    legend = " ".join(str(ws.cell(row=r, column=1).value) for r in range(1, ws.max_row + 1))
    assert "“not yet here” = weeks before a signing joined the squad" in legend
    assert "“left” = weeks after a player left it" in legend
    cover = [v for v in _cells(wb["Cover"]).values() if isinstance(v, str)]
    assert _squad_words(season) in cover


def _counts_line(ws) -> str:
    return next(ws.cell(row=r, column=2).value for r in range(1, 10)
                if ws.cell(row=r, column=1).value == "Counts")


def test_the_counts_name_the_weeks_with_the_squad_not_the_pages():
    """A signing's merged page of weeks before he joined is one week page, so the athlete sheet
    read "in 3 weeks" for a signing with the squad 2 weeks and for a leaver with it 1; the
    count is of the weeks with the squad, and a week away on loan is one of them, said."""
    season = small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
        Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad"),
        Unavailability(athlete="A2", start=_day(7), end=_day(13), reason="Loan")))
    wb = build_workbook(season, small_plan(season))
    assert " in 2 weeks with the squad;" in _counts_line(wb["A4 Di Dale"])
    assert " in 1 week with the squad;" in _counts_line(wb["A1 Ann Ash"])
    assert " in 3 weeks with the squad, 1 of them away;" in _counts_line(wb["A2 Bo Birch"])
    assert " in 3 weeks with the squad;" in _counts_line(wb["A3 Cy Cedar"])


def test_the_overview_and_calendar_say_why_the_injured_are_listed_first():
    """The board's order puts athletes in rehab first: on the printed Overview a forward above the
    goalkeepers, with nothing saying why, looked misfiled. The Overview's legend names them and
    the order, the Calendar's footer says its first columns are in rehab today; a squad with no
    one injured has neither."""
    season = small_season()
    wb = build_workbook(season, small_plan(season))
    legend = [str(c.value) for row in wb[OVERVIEW_SHEET].iter_rows(max_col=1) for c in row
              if c.value is not None]
    assert ("In rehab today, listed first: Cy Cedar; then by position (goalkeepers, defenders, "
            "midfielders, forwards).") in legend
    assert wb["Calendar"].oddFooter.left.text.endswith(" · in rehab today: the first columns")
    assert len(wb["Calendar"].oddFooter.left.text) + len(wb["Calendar"].oddFooter.right.text) < 250
    fit = small_season(injuries=())
    plan = small_plan(fit)
    plan = plan.model_copy(update={"athletes": tuple(
        fit_plan(fit, "A3", [0] * 7) if ap.athlete == "A3" else ap for ap in plan.athletes)})
    wb = build_workbook(fit, plan)
    assert not any("In rehab today" in str(c.value) for row in wb[OVERVIEW_SHEET].iter_rows(max_col=1)
                   for c in row)
    assert "rehab today" not in wb["Calendar"].oddFooter.left.text


def test_the_calendar_footer_legend_leaves_room_for_the_page_number():
    """Printed, the Calendar's footer read "… R held out (RE-1) · in rehab today: the first colum"
    then "Page 6 of 84": the legend ran under the page number. At its 8 points it leaves the page
    number room beside it on the page's width, the rehab note included."""
    from planner.xlsx_layout import printable, text_width

    season = small_season()
    foot = build_workbook(season, small_plan(season))["Calendar"].oddFooter
    assert foot.right.text == "&8Page &P of &N"
    legend = foot.left.text.removeprefix("&8")
    assert legend.startswith("% of max speed (blank: no running) · bold: HV exposure (≥ 90 %)")
    assert legend.endswith("R held out (RE-1) · in rehab today: the first columns")
    assert text_width(legend, 8) + text_width("Page 888 of 888", 8) + 12 <= printable()[0]


def test_speed_days_are_blank_in_the_weeks_not_with_the_squad():
    """A signing's weeks before joining (and a leaver's after he left) read "0" speed days on
    the Speed days sheet, and his chart drew them as empty bars from the season's start: "0" is
    a week trained without a sprint. Those cells are blank and grey (the chart has no bar for
    them); a week away on loan is still his, counted."""
    season = small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
        Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad"),
        Unavailability(athlete="A2", start=_day(7), end=_day(13), reason="Loan")))
    wb = build_workbook(season, small_plan(season))
    ws = wb[SPEED_SHEET]
    col = {ws.cell(row=1, column=j).value: j for j in range(4, ws.max_column + 1)}

    def weeks(name: str) -> list:
        j = next(c for label, c in col.items() if name in str(label))
        return [ws.cell(row=2 + w, column=j).value for w in range(3)]

    def fill(name: str, w: int) -> str:
        j = next(c for label, c in col.items() if name in str(label))
        return ws.cell(row=2 + w, column=j).fill.fill_type

    plan = small_plan(season)

    def planned(aid: str) -> list[int]:
        ap = plan.for_athlete(aid)
        return [sum(1 for i in days if ap.intensity[i] >= 80) for days in WEEK_DAYS]

    assert weeks("Di Dale") == [None, *planned("A4")[1:]]
    assert weeks("Ann Ash") == [planned("A1")[0], None, None]
    assert fill("Di Dale", 0) == "lightUp" and fill("Di Dale", 1) != "lightUp"
    assert weeks("Bo Birch") == planned("A2")  # on loan: his week, the plan's count


def test_a_past_week_with_nothing_logged_and_the_weeks_not_with_the_squad_say_so():
    """A past week with nothing logged read "past: nothing logged, as planned" over "Done: 1
    speed day", and a signing's weeks before he joined "past: nothing logged, as planned" as if
    he had been at the club: the counts are "Planned (nothing logged)", the weeks he was not
    here "not yet here" and after a player left "left"."""
    season = small_season(
        calendar=Calendar(start=START, end=END, today=_day(14)),
        unavailability=(
            Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
            Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad")))
    wb = build_workbook(season, small_plan(season))

    def column(title: str, col: int) -> list[str]:
        ws = wb[title]
        return [str(ws.cell(row=r, column=col).value) for r in range(1, ws.max_row + 1)
                if ws.cell(row=r, column=col).value is not None]

    titles = column("A4 Di Dale", 1)
    assert any(t.startswith("Di Dale (A4) · Week 1 · ") and t.endswith(" · not yet here")
               for t in titles), titles
    assert not any("as planned" in t for t in titles if "Week 1 ·" in t)
    assert any(t.startswith("Ann Ash (A1) · Weeks 2–3 · ") and t.endswith(" · left")
               for t in column("A1 Ann Ash", 1))
    weeks = [v for v in column("A2 Bo Birch", 2) if "speed day" in v and v[0].isupper()]
    past = [v for v in weeks if "Planned (nothing logged): " in v]
    assert len(past) == 2 and not any("Done: " in v for v in weeks), weeks


def test_the_athlete_page_says_his_max_speed_or_that_it_is_not_measured(tmp_path):
    """The handout's header said a signing's max speed was not measured and how to set it; the
    workbook's athlete page left it out, so its "at 95 %" had no speed to read against."""
    from planner.sessions import NO_MAX_SPEED_HEADER

    base = small_season()
    season = base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) if a.id == "A1" else a for a in base.athletes)})
    path = tmp_path / "plan.xlsx"
    export_workbook(season, small_plan(season), path)
    wb = openpyxl.load_workbook(path)
    measured = [v for v in _cells(wb["A1 Ann Ash"]).values() if isinstance(v, str)]
    unmeasured = [v for v in _cells(wb["A4 Di Dale"]).values() if isinstance(v, str)]
    assert any("max speed 9 m/s (32.4 km/h)" in v for v in measured)
    assert NO_MAX_SPEED_HEADER not in measured
    assert NO_MAX_SPEED_HEADER in unmeasured and "Max speed" in unmeasured


_NAME_CODE = re.compile(r"ddd|mmm", re.I)  # a day's or a month's name (yyyy-mm-dd: none)


def _date_codes(xml: str) -> list[str]:
    """The number formats in a part of the workbook (styles, charts) that name a day or a month:
    ddd or mmm outside the quoted literals and the [..] sections."""
    codes = re.findall(r'formatCode="([^"]*)"', xml)
    return [html.unescape(c) for c in codes
            if _NAME_CODE.search(re.sub(r'"[^"]*"|\[[^\]]*\]', "", html.unescape(c)))]


def test_every_date_format_prints_english_on_any_computer(demo_season, tmp_path):
    """Printed through LibreOffice on a German computer, the date cells read "Mo 1 Mär 2027",
    "Sa 8 Mai 2027" beside text cells "Sat 8 May": a date format without a locale takes the
    computer's. Every date format of the workbook (cells, named styles, the charts' axes) says
    English ([$-409]), and the dates still read back as dates."""
    season = demo_season
    path = tmp_path / "plan.xlsx"
    export_workbook(season, simple_plan(season), path, weeks=[0, 1])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()
                 if n == "xl/styles.xml" or n.startswith("xl/charts/")}
    assert any(n.startswith("xl/charts/") for n in parts)  # the charts' axes are looked at
    found = {n: _date_codes(x) for n, x in parts.items()}
    assert found["xl/styles.xml"], "no date format found: the scan finds none"
    assert {n: [c for c in codes if not c.startswith("[$-409]")] for n, codes in found.items()
            if any(not c.startswith("[$-409]") for c in codes)} == {}
    wb = openpyxl.load_workbook(path, read_only=True)  # (values and number formats read)
    dates = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, dt.datetime)]
    assert dates and all(c.is_date and c.number_format.startswith("[$-409]") for c in dates)
    assert {ws.title for ws in wb.worksheets if any(c.parent is ws for c in dates)} >= {
        COVER_SHEET, OVERVIEW_SHEET, CALENDAR_SHEET, LOAD_SHEET}


def test_a_day_logged_at_0_au_reads_0_and_keeps_its_rpe():
    """A session logged at RPE 0 (60 min) and one of 0 minutes at RPE 7: the athlete sheet left
    the Load cell blank on both (a blank reads as nothing logged on the printed sheet), and the
    0-minute day lost the RPE 7 logged. Both read 0 AU, each with the RPE logged; a day with
    nothing logged keeps its blank, and the handout's day the same figures."""
    from planner import edits as E
    from planner.handout import handout_weeks
    from planner.season import Session
    from planner.text import day as day_text

    season = small_season(calendar=Calendar(start=START, end=END, today=_day(7)))
    season = E.LogSessions(sessions=(
        Session(athlete="A1", date=_day(1), minutes=60.0, rpe=0.0),
        Session(athlete="A1", date=_day(3), minutes=0.0, rpe=7.0))).apply(season)
    plan = small_plan(season)
    book = build_workbook(season, plan)
    ws = next(book[n] for n in book.sheetnames if n.startswith("A1"))
    col = {h: j + 1 for j, h in enumerate(xlsx_athlete.HEADERS)}
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}

    def cells(i):
        r = rows[day_text(_day(i))]
        return tuple(ws.cell(row=r, column=col[h]).value for h in ("Min", "RPE", "Load AU"))

    assert cells(1) == (60, 0, 0)
    assert cells(3) == (0, 7, 0)
    (hw,) = handout_weeks(season, plan, ["A1"], [0])
    days = {d.date: d for d in hw.days}
    rest = [k for k in range(7) if days[_day(k)].load is None]  # no session, nothing logged
    assert rest and all(cells(k)[2] is None for k in rest)  # blank as before
    assert (days[_day(3)].rpe, days[_day(3)].load) == (7.0, 0)
    assert "Logged: 0 min, RPE 7" in days[_day(3)].logged_summary


def test_an_anonymised_workbook_keeps_a_leavers_and_a_signings_words_not_an_absences_reason():
    """Review 283 F5: anonymised, a leaver's sheet read "Away both weeks (Unavailable)" and lost
    its "· left", against docs/cli.md: "left the squad" and "not in the squad yet" say nothing of
    the player's health and stay; an illness's reason goes."""
    season = small_season(unavailability=(
        Unavailability(athlete="A4", start=START, end=_day(6), reason="not in the squad yet"),
        Unavailability(athlete="A1", start=_day(7), end=END, reason="left the squad"),
        Unavailability(athlete="A2", start=_day(7), end=_day(13), reason="Illness")))
    wb = build_workbook(season, small_plan(season), anonymise=True)

    def said(title: str) -> list[str]:
        return [v for row in wb[title].iter_rows(values_only=True) for v in row if isinstance(v, str)]

    assert "A1 · Weeks 2–3 · 11 to 20 Jan 2027 · left" in said("A1")
    assert "Away both weeks (left the squad): nothing planned." in said("A1")
    assert "A4 · Week 1 · 4 to 10 Jan 2027 · not yet here" in said("A4")
    assert "Away all week (not in the squad yet): nothing planned." in said("A4")
    assert "Away all week (Unavailable): nothing planned." in said("A2")
    assert not any("Illness" in v for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                   for v in row if isinstance(v, str))
