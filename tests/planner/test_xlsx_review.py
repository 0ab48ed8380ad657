"""The workbook's Season review sheet: after the Load sheet, the period in its heading, a row per
athlete in the squad's order with the counts of tests/planner/test_review.py, a line defining
each column, one landscape page wide; the same in the fast export path."""

from __future__ import annotations

import openpyxl
import pytest

from planner.xlsx_export import build_workbook, export_workbook
from planner.xlsx_review import SHEET, SHOWN
from tests.planner.test_review import _review_season


def _table(ws) -> dict[str, dict[str, object]]:
    header = [c.value for c in ws[3]]
    rows = {}
    for row in ws.iter_rows(min_row=4, values_only=True):
        if not row[0] or row[1] is None:
            break
        rows[row[0]] = dict(zip(header, row, strict=True))
    return rows


def _check(ws) -> None:
    assert ws["A1"].value == "Season review: per athlete"
    assert ws["A2"].value.startswith("Season so far: 4 to 24 Jan 2027 (to the day before today, "
                                     "Mon 25 Jan 2027). ")
    rows = _table(ws)
    assert len(rows) == 5 and list(rows)[-1] == "Squad"  # four athletes, the squad's total last
    a1 = rows["Athlete 1 (A1)"]
    assert (a1["Started"], a1["Bench"], a1["Minutes"], a1["HV done"], a1["HV planned (past)"],
            a1["HV ahead"], a1["Longest gap (days)"]) == (2, 1, 30, 4, 6, "—", 10)
    assert abs(a1["HV done ÷ planned"] - 1 / 3) < 1e-9  # over his days logged: 1 of 3
    assert a1["Logged AU"] == 870 and 0 < a1["Logged ÷ planned"] < 1
    # the days logged of those with something planned (a Sunday had nothing), as the heading says
    assert a1["Days logged"] == "3 of 18" and rows["Squad"]["Days logged"] == "3 of 60"
    assert ("Logged: 3 of 60 athlete-days planned before today (5 %), the rest counted as "
            "planned; Sundays, days off and days away not counted unless a session was logged on "
            "them." in ws["A2"].value)
    a3 = rows["Athlete 3 (A3)"]
    assert a3["Unavailable days"] == 5
    assert a3["Unavailable, by reason"] == "Illness 3, International duty 2"
    assert rows["Athlete 2 (A2)"]["Rehab days"] == 12 and rows["Athlete 2 (A2)"]["Logged AU"] == "—"
    assert (rows["Squad"]["HV done"], rows["Squad"]["HV planned (past)"]) == (16, 18)
    # the injuries under the table: A2's, its days lost and matches missed as numbers
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    at = next(k for k, r in enumerate(cells) if str(r[0]).startswith("Injuries (days lost"))
    assert [v for v in cells[at + 1] if v] == ["Athlete", "Injury", "Onset", "Back", "Days lost",
                                                "Matches missed"]
    assert [v for v in cells[at + 2] if v is not None] == [
        "Athlete 2 (A2)", "Persistent iliopsoas tendinopathy", "Wed 6 Jan 2027", "Mon 18 Jan 2027",
        12, 2]
    assert rows["Athlete 2 (A2)"]["Missed injured"] == 2 and rows["Athlete 2 (A2)"]["Not played"] == 0
    # a line defining each column, in two columns side by side under the table (one under the
    # other they ran onto a second page)
    where = {c.value.split(": ")[0]: (c.row, c.column) for row in ws.iter_rows(min_row=4)
             for c in row if isinstance(c.value, str) and ": " in c.value}
    assert [h for _, h, _ in SHOWN if h not in where] == []
    first, last = where[SHOWN[0][1]], where[SHOWN[-1][1]]
    down = (len(SHOWN) + 1) // 2  # the left column holds the first half, the right the rest
    assert first[1] == 1 and last[1] > 1 and last[0] - first[0] == len(SHOWN) - 1 - down


def test_the_sheet_follows_the_load_sheet_with_the_counts():
    s = _review_season()
    wb = build_workbook(s, s.plan)
    names = wb.sheetnames
    assert names[names.index("Load") + 1] == SHEET
    ws = wb[SHEET]
    _check(ws)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    # the table on one page: no headings repeated over the definitions on a page of their own
    assert ws.print_title_rows is None
    # the squad's order, as every sheet has it (planner.squad.display_order)
    from planner.squad import display_order
    order = [f"{a.name} ({a.id})" for a in display_order(s, s.plan)]
    assert list(_table(ws))[:-1] == order


def test_the_fast_export_writes_the_same_sheet(tmp_path):
    s = _review_season()
    out = tmp_path / "plan.xlsx"
    export_workbook(s, s.plan, out)
    _check(openpyxl.load_workbook(out)[SHEET])


def test_anonymised_the_rows_are_ids():
    s = _review_season()
    ws = build_workbook(s, s.plan, anonymise=True)[SHEET]
    assert {"A1", "A2", "A3", "A4", "Squad"} == set(_table(ws))
    assert not any("Athlete 1" in str(c.value) for row in ws.iter_rows() for c in row)
    # no protocol nor onset: the injury table stays with the medical staff
    assert not any("iliopsoas" in str(c.value) or "Injuries" in str(c.value)
                   for row in ws.iter_rows() for c in row)


def test_a_squad_named_by_id_is_labelled_by_the_id_alone_in_every_sheet(tmp_path):
    """A squad typed by shirt number (the name is the ID) read "A1 (A1)" on the workbook's
    sheets while the app and the command line said "A1"."""
    s = _review_season()
    s = s.model_copy(update={"athletes": [a.model_copy(update={"name": a.id}) for a in s.athletes]})
    path = tmp_path / "by-id.xlsx"
    export_workbook(s, s.plan, path)
    wb = openpyxl.load_workbook(path, read_only=True)
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    assert not [c for c in cells if "A1 (A1)" in c or "A2 (A2)" in c]
    assert "A1" in _table(wb[SHEET])  # the review row headed by the ID alone


def test_every_figure_fits_its_printed_column(monkeypatch):
    """A mid-season workbook printed the squad's Days logged as "378 of 2,4" (the value "378 of
    2,455"): the column was as wide as its heading's words. Now the figures are measured too."""
    import dataclasses

    import planner.xlsx_review as xr
    from tests.exports.layout import layout_problems

    real = xr.season_review

    def many_days(season, plan):  # a squad's season: thousands of athlete-days
        review = real(season, plan)
        total = dataclasses.replace(review.total, days_logged=378, days_planned=2455)
        return dataclasses.replace(review, total=total)

    monkeypatch.setattr(xr, "season_review", many_days)
    s = _review_season()
    ws = build_workbook(s, s.plan)[SHEET]
    assert _table(ws)["Squad"]["Days logged"] == "378 of 2,455"
    assert layout_problems(ws) == []


def test_a_pre_season_workbook_says_nothing_is_logged_yet_and_prints_no_rows_of_zeros():
    """A pre-season workbook's Season review said "no day yet (... tick the whole season to see
    what is planned)", the app dialog's words on paper where nothing can be ticked, over 24 rows
    of zeros. It now says nothing is logged yet and the table fills in as sessions are logged,
    with one line under the headings in place of the rows."""
    s = _review_season(today=0)
    ws = build_workbook(s, s.plan)[SHEET]
    note = ws["A2"].value
    assert note.startswith("Season so far: no day yet (today is the season's first day or before "
                           "it): nothing is logged yet, and the table fills in as sessions are "
                           "logged. ")
    assert "tick" not in note
    assert [c.value for c in ws[3]][:2] == ["Athlete", "Started"]
    assert ws["A4"].value.startswith("Nothing logged yet")
    cells = [c.value for row in ws.iter_rows(min_row=4) for c in row]
    assert not any(isinstance(v, str) and v.startswith(("Athlete 1", "Squad")) for v in cells)
    assert not [v for v in cells if isinstance(v, int | float)]  # no row of zeros


def test_a_table_longer_than_a_page_repeats_its_headings(monkeypatch):
    """Over pages, the table's headings head each page it goes on to."""
    import dataclasses

    import planner.xlsx_review as xr

    real = xr.season_review

    def squad_of_60(season, plan):  # the four athletes' rows, fifteen times over
        review = real(season, plan)
        return dataclasses.replace(review, rows=review.rows * 15)

    monkeypatch.setattr(xr, "season_review", squad_of_60)
    s = _review_season()
    assert build_workbook(s, s.plan)[SHEET].print_title_rows == "$3:$3"


@pytest.mark.parametrize("times", [1, 6, 9])
def test_the_definitions_print_at_8_points_and_never_a_few_lines_alone(monkeypatch, times):
    """Printed as wide as the page, the columns' definitions were 5.9-point type, and a page held
    the last 3 lines of them alone. They print at 8 points or more now, whole on the page under
    the table or on one of their own (a squad of 4, 24 and 36)."""
    import dataclasses

    import planner.xlsx_review as xr
    from planner.xlsx_layout import print_points, printable

    real = xr.season_review

    def squad(season, plan):  # the four athletes' rows, ``times`` over
        review = real(season, plan)
        return dataclasses.replace(review, rows=review.rows * times)

    monkeypatch.setattr(xr, "season_review", squad)
    s = _review_season()
    ws = build_workbook(s, s.plan)[SHEET]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    width = sum(print_points(ws.column_dimensions[c.column_letter].width) for c in ws[3])
    scale = min(1.0, printable()[0] / width)  # fitted to the page's width
    first = next(r for r in range(1, ws.max_row + 1)
                 if str(ws.cell(row=r, column=1).value or "").startswith("Athlete: "))
    for r in range(first, ws.max_row + 1):
        for c in ws[r]:
            if c.value:
                assert c.font.sz * scale >= 8, (c.value, c.font.sz, scale)
    # the pages as printed: the definitions start a page, or fit whole under what is before them
    head = 0.0 if ws.print_title_rows is None else ws.row_dimensions[3].height
    room = printable()[1] / scale
    breaks = {b.id for b in ws.row_breaks.brk}
    used, start = 0.0, 1
    for r in range(1, ws.max_row + 1):
        h = ws.row_dimensions[r].height or 12.75
        if used + h > room or r - 1 in breaks:
            used, start = head, r
        used += h
        if r == first:
            page_of_first = start
    assert page_of_first == first or start == page_of_first, (first, page_of_first, start)
