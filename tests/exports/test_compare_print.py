"""The what-if comparison's Summary printed: the demo's 24 players after a re-plan that moved the
team's weeks (an injury's) printed on five pages, every row repeating the team's six moves, the
totals on a page of their own. It prints on one page now, upright, at 8 pt or more on A4 and on
US Letter, nothing left out: the team's moves said once under the table."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from planner.scenarios import compare
from planner.text import date_short
from planner.timeline import Timeline
from planner.xlsx_compare import HEAD, build_comparison_workbook
from planner.xlsx_layout import A4, LETTER, fit_lines, print_points, printable, row_height
from tests.exports.demo import solved_demo

TEAM_WEEKS = "as the team (below)"  # the team's moves, said once: listed under the table


@pytest.fixture(scope="module")
def moved():
    """The demo's comparison with the team's weeks moved for every player (as the injury's
    re-plan moved them) and one player's own week besides: its Summary sheet and comparison."""
    s = solved_demo()
    comp = compare(s, s.plan, s, s.plan)
    tl = Timeline(s)
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in tl.days})
    team = [(weeks[k], "load", "deload") for k in (10, 15, 20, 22, 24, 26)]
    own = (weeks[3], "deload", "load")
    comp.team_weeks_moved = team
    comp.athletes = [replace(a, weeks_moved=[own, *team] if i == 4 else list(team), changed_days=5)
                     for i, a in enumerate(comp.athletes)]
    wb = build_comparison_workbook(comp, s, s.plan, s, s.plan, ["A05 hamstring strain"],
                                   dt.datetime(2026, 10, 20, 9))
    return wb, comp, team, own


def _scale(ws, paper) -> float:
    """The scale a one-page fit prints the Summary at on ``paper`` (portrait), from the sheet's
    own widths and row heights."""
    width = sum(print_points(ws.column_dimensions[c.column_letter].width) for c in ws[HEAD])
    height = sum(ws.row_dimensions[r].height or row_height(1) for r in range(1, ws.max_row + 1))
    room_w, room_h = printable(False, paper)
    return min(1.0, room_w / width, room_h / height)


def test_the_summary_of_a_squad_prints_on_one_upright_page_at_8_pt_or_more(moved):
    wb, comp, team, own = moved
    ws = wb["Summary"]
    assert len(comp.athletes) == 24
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
    assert not ws.row_breaks.brk
    for paper in (A4, LETTER):  # the type of a page fitted whole, on either paper
        assert 10 * _scale(ws, paper) >= 8, paper
    # every header word whole on its line (no "Chang-ed"), each header wrapped
    for c in ws[HEAD]:
        width = ws.column_dimensions[c.column_letter].width
        assert c.alignment.wrap_text, c.value
        assert all(fit_lines(word, width, 10, True) == 1 for word in c.value.split()), c.value
    # a cell's text wraps in its column, its row as tall as its lines
    widths = {c.column: ws.column_dimensions[c.column_letter].width for c in ws[HEAD]}
    for row in ws.iter_rows(min_row=HEAD + 1, max_row=HEAD + len(comp.athletes)):
        text = [c for c in row if isinstance(c.value, str)]
        assert all(c.alignment.wrap_text for c in text), row[0].value
        lines = max(fit_lines(c.value, widths[c.column]) for c in text)
        assert ws.row_dimensions[row[0].row].height == row_height(lines), row[0].value


def test_the_team_weeks_are_said_once_and_an_athletes_own_are_listed(moved):
    wb, comp, team, own = moved
    ws = wb["Summary"]
    col = next(c.column for c in ws[HEAD] if c.value == "Weeks moved")
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=col).value
             for r in range(HEAD + 1, HEAD + 1 + len(comp.athletes))}
    fifth = comp.athletes[4].athlete
    assert cells[fifth] == f"{date_short(own[0])} deload->load\n{TEAM_WEEKS}"
    assert {v for k, v in cells.items() if k != fifth} == {TEAM_WEEKS}
    below = [c.value for row in ws.iter_rows(min_row=HEAD + len(comp.athletes) + 1) for c in row
             if isinstance(c.value, str) and c.value.startswith("Team weeks changed")]
    assert len(below) == 1 and all(f"{date_short(w)} load -> deload" in below[0] for w, *_ in team)
    # an athlete with only some of the team's moves has them listed, each
    from planner.xlsx_compare import _weeks_moved

    assert _weeks_moved(team[:2], team) == "\n".join(f"{date_short(w)} load->deload" for w, *_ in team[:2])


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice (soffice) or poppler's pdfinfo is not installed: "
                           "apt-get install libreoffice-calc-nogui poppler-utils")
def test_the_summary_prints_on_one_page_of_a4_and_of_letter(moved, tmp_path):
    """Printed through LibreOffice, as a coach would: one page on either paper, every player and
    the totals' last line on it."""
    wb, comp, *_ = moved
    for name in wb.sheetnames[1:]:
        del wb[name]
    ws = wb["Summary"]
    for paper, size in (("a4", 9), ("letter", 1)):
        ws.page_setup.paperSize = size
        path = tmp_path / f"{paper}.xlsx"
        wb.save(path)
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                       check=True, timeout=600, capture_output=True)
        pdf = path.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (paper, info)
        page = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        squashed = " ".join(page.split())
        assert all(a.athlete in squashed for a in comp.athletes), paper
        assert "Team weeks changed" in squashed and "TP-3 instances" in squashed, paper


def test_the_lines_under_the_totals_wrap_within_the_page(moved):
    """Printed, the comparison cut "Each run has 72 h or less … set bench or out for some of these
    matches (Roles)" at "(Rol": written in column B alone, the line ran on over the empty cells
    beside it, past the page's edge. Each line under the totals now wraps across the table's
    width, its row as tall as its lines, and is whole in the cell."""
    from planner.xlsx_layout import col_points, text_width

    _, comp, _, _ = moved
    s = solved_demo()
    congested = ("Leo Martin (A12) starts on 2 match days in 4 days (Wed 23 Sep, Sat 26 Sep)",
                 "Each run has 72 h or less between its matches, where more than 72 h are needed "
                 "to recover (Nedelec12); to rotate, set bench or out for some of these matches "
                 "(Roles)")
    wb = build_comparison_workbook(replace(comp, congested=congested), s, s.plan, s, s.plan,
                                   ["A05 hamstring strain"], dt.datetime(2026, 10, 20, 9))
    ws = wb["Summary"]
    spans = {m.min_row: (m.min_col, m.max_col) for m in ws.merged_cells.ranges}
    widths = [ws.column_dimensions[c.column_letter].width for c in ws[HEAD]]
    found = []
    for row in ws.iter_rows(min_row=HEAD + len(comp.athletes) + 1):
        for c in row:
            if not isinstance(c.value, str) or c.column != 2:
                continue
            a, b = spans.get(c.row, (2, 2))
            width = sum(widths[a - 1:b])
            if text_width(c.value, 10) + 4 > col_points(width):  # more than the cell's one line
                assert c.alignment.wrap_text, c.value
                assert ws.row_dimensions[c.row].height >= row_height(fit_lines(c.value, width)), c.value
            found.append(c.value)
    assert "Congested fixtures the scenario adds (not a rule)" in found
    assert congested[1] in found and congested[0] in found
