"""The what-if comparison as an Excel workbook: summary per athlete, the matches each athlete whose
availability or stage changes misses or adds, the scenario's edits, and every changed athlete-day."""

from __future__ import annotations

import datetime as dt
import io
import os

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from planner import text
from planner.load import DASH
from planner.scenarios import HV_WHAT, Comparison
from planner.season import Plan, Season
from planner.seasonfile import atomic_write
from planner.text import join_and
from planner.timeline import Timeline
from planner.xlsx_cells import write_styled, write_text
from planner.xlsx_layout import (
    A4,
    FONT,
    LETTER,
    fit_lines,
    page_setup,
    print_points,
    printable,
    row_height,
)
from planner.xlsx_styles import BASE_SIZE, Styles, base_font

BOLD = Font(name=FONT, size=BASE_SIZE, bold=True)
TITLE = Font(name=FONT, size=12, bold=True)
CHANGED = PatternFill("solid", fgColor="FFF2CC")
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD = 2  # the tables' header row, under the title line


def _title(comp: Comparison, season: Season, exported_at: dt.datetime) -> str:
    """The line above every sheet: the season, the plans compared in full (A and B, the tables'
    columns), the date."""
    return (f"{season.name}: what if {comp.label_b} (B) against {comp.label_a} (A) · exported "
            f"{text.date_long(exported_at)}")


def _table(ws, header: list[str], rows: list[list], widths: list[int], title: str,
           exported_at: dt.datetime, season: Season, st: Styles, landscape: bool = True) -> None:
    """A sheet's title line, its table under it (header row :data:`HEAD`, wrapped), and its print:
    A4 landscape (or portrait), one page wide, the plan workbook's header and footer."""
    write_text(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(row=1, column=1).alignment = WRAP
    ws.row_dimensions[1].height = row_height(fit_lines(title, sum(widths), TITLE.sz, True), TITLE.sz)
    # the plan workbook's table cells: a grid around each (no figure reads glued to the text
    # beside it), text left and wrapped, figures centred, a day as "Mon 5 Oct 2026"
    for j, h in enumerate(header, 1):
        ws.cell(row=HEAD, column=j, value=h).style = st.header_left()
    ws.row_dimensions[HEAD].height = row_height(max(
        fit_lines(h, w, BASE_SIZE, True) for h, w in zip(header, widths, strict=True)))
    for i, row in enumerate(rows, HEAD + 1):
        for j, v in enumerate(row, 1):
            cell = ws.cell(row=i, column=j)
            if isinstance(v, dt.date):
                cell.value, cell.style = v, st.table_date()
            elif isinstance(v, (int, float)) or v == DASH:  # a figure, or its "—": centred
                cell.value, cell.style = v, st.day_center(size=BASE_SIZE)
            else:
                write_styled(cell, v, st.day_cell(size=BASE_SIZE))
        # a wrapped cell gets its lines: a row of the default height prints them over the next
        ws.row_dimensions[i].height = row_height(max(
            (fit_lines(v, w) for v, w in zip(row, widths, strict=True) if isinstance(v, str)), default=1))
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = f"A{HEAD + 1}"
    if rows:
        ws.auto_filter.ref = f"A{HEAD}:{get_column_letter(len(header))}{len(rows) + HEAD}"
    page_setup(ws, season.name, exported_at, title_rows=f"1:{HEAD}", landscape=landscape)


def build_comparison_workbook(comp: Comparison, season_a: Season, plan_a: Plan, season_b: Season,
                              plan_b: Plan, edits: list[str],
                              exported_at: dt.datetime | None = None) -> openpyxl.Workbook:
    """The comparison's sheets, each titled with the season, the plans compared (A, B) and
    ``exported_at`` (now by default)."""
    exported_at = exported_at or dt.datetime.now()
    title = _title(comp, season_b, exported_at)
    wb = openpyxl.Workbook()
    base_font(wb)  # Arial 10, as the plan workbook: the widths below are planned for it
    wb.properties.creator = "Periodize"  # an export recognises its own file by it (ui.cli.outputs)
    wb.properties.title = "Periodize what-if comparison"
    st = Styles(wb)  # the workbook's named styles, registered once
    ws = wb.active
    ws.title = "Summary"
    rows = []
    for a in comp.athletes:
        moved = _weeks_moved(a.weeks_moved, comp.team_weeks_moved)
        # a day ("Mon 5 Oct 2026", as the plan workbook's Returns sheet), or the words: not this
        # season, fit, a provisional return (RH-CRIT); text alike, one form in the column
        rows.append([a.athlete, a.name, a.back("a", text.day_long), a.back("b", text.day_long),
                     a.target("a") or None, a.target("b") or None,
                     # a placeholder's 0 is no plan's (AthleteDiff.hv_words says "not planned")
                     *(a.hv_words(w) if a.unplanned(w) else h for w, h in (("a", a.hv_a), ("b", a.hv_b))),
                     a.changed_days, moved, "; ".join(a.roles) or None])
    # A and B are named once, in the title line. Upright: a squad's rows and the totals under
    # them on one page (landscape printed the demo's 24 players on two pages at the least, the
    # totals on the second); the widths keep a one-page-wide print >= 8 pt on A4 and on Letter,
    # every header word whole on its line
    _table(ws, ["ID", "Athlete", "Return A", "Return B", "Target A", "Target B",
                "HV days A", "HV days B", "Changed days", "Weeks moved",
                "Match roles changed"], rows, SUMMARY_WIDTHS, title, exported_at, season_b, st,
           landscape=False)
    for i, a in enumerate(comp.athletes, HEAD + 1):
        if a.changed:
            for j in range(1, 12):
                ws.cell(row=i, column=j).fill = CHANGED
    _totals(ws, comp, len(rows) + HEAD + 2)
    _keep_totals_whole(ws, SUMMARY_WIDTHS, len(rows) + HEAD)

    played = [[a.athlete, a.name, join_and(list(a.matches_lost)) or None,
               join_and(list(a.matches_gained)) or None] for a in comp.athletes if a.fit_changed]
    if played:  # the coach's first question of an injury: which matches he misses
        ma = wb.create_sheet("Matches")
        _table(ma, ["ID", "Athlete", "Matches B misses (played in A)", "Matches B adds (not played in A)"],
               played, [6, 28, 70, 50], title, exported_at, season_b, st)

    broken = [[label, x] for label, items in (("A", comp.broken_a), ("B", comp.broken_b)) for x in items]
    if broken:
        hb = wb.create_sheet("Hard rules broken")
        _table(hb, ["Plan", "Hard rule broken"], broken, [6, 110], title, exported_at, season_b, st)

    ed = wb.create_sheet("Edits")
    _table(ed, ["#", "Edit"], [[i + 1, e] for i, e in enumerate(edits)], [5, 110], title,
           exported_at, season_b, st)

    ch = wb.create_sheet("Changes")
    tl = Timeline(season_b)
    rows = []
    # a day whose match role alone changed (the same intensity and stage) is a change too
    for aid, d in sorted(comp.changed_cells | set(comp.role_cells), key=lambda x: (x[1], x[0])):
        pa, pb = plan_a.for_athlete(aid), plan_b.for_athlete(aid)
        # why B plans the day so, as the app's Inspector says it first (Comparison.why_day)
        rows.append([tl.days[d], aid, season_b.athlete_label(aid), pa.stages[d],
                     _level(pa.intensity[d]), pb.stages[d], _level(pb.intensity[d]),
                     comp.role_cells.get((aid, d)), comp.why_day(aid, d) or None])
    # one page wide at 8 pt or more (175 character units)
    _table(ch, ["Date", "ID", "Athlete", "Stage A", "Intensity A", "Stage B", "Intensity B",
                "Match roles changed", "Why (in B)"], rows, [17, 6, 20, 8, 10, 8, 10, 36, 60],
           title, exported_at, season_b, st)
    return wb


SUMMARY_WIDTHS = [5, 18, 15, 15, 8, 8, 6, 6, 9, 18, 11]  # 119 units: 8.07 pt on A4 portrait
TEAM_WEEKS = "as the team (below)"  # the team's moves, listed once under the table


def _weeks_moved(moved: list[tuple[dt.date, str, str]], team: list[tuple[dt.date, str, str]]) -> str:
    """An athlete's weeks whose kind moved, a move a line ("21 Dec load->deload"); the team's
    moves, when the athlete's include them all, said once as :data:`TEAM_WEEKS` (the note under
    the table lists them): 24 players each with the team's six moves printed on five pages."""
    own = [m for m in moved if m not in team] if team and set(team) <= set(moved) else moved
    lines = [f"{text.date_short(w)} {x}->{y}" for w, x, y in own]
    return "\n".join(lines + ([TEAM_WEEKS] if own is not moved else []))


def _level(intensity: int) -> int | str:
    """A day's intensity in the Changes sheet: the % of max speed, "—" for no running (a rest
    day or a session without running: the board's empty cell), never a 0 read as a speed."""
    return intensity or DASH


def _totals(ws, comp: Comparison, tot: int) -> None:
    """The Summary's block under the athletes: the objective and the rule counts of plans A and B
    (columns C and D, headed so), then the fixtures the scenario adds."""
    for col, head in ((3, "A"), (4, "B")):
        c = ws.cell(row=tot, column=col, value=head)
        c.font, c.alignment = BOLD, Alignment(horizontal="right")
    def row(r: int, words: str, a, b) -> None:  # the words wrap: never cut by the A column
        write_text(ws.cell(row=r, column=2), words)
        ws.cell(row=r, column=2).alignment = WRAP
        ws.row_dimensions[r].height = row_height(fit_lines(words, ws.column_dimensions["B"].width))
        for col, value in ((3, a), (4, b)):  # level with the label's first line
            ws.cell(row=r, column=col, value=value).alignment = WRAP

    tot += 1
    row(tot, "Objective", comp.objective_a, comp.objective_b)
    row(tot + 1, "Hard violations", comp.hard_a, comp.hard_b)
    rules = sorted(set(comp.soft_a) | set(comp.soft_b))
    for k, rule in enumerate(rules):
        row(tot + 2 + k, f"{rule} instances", comp.soft_a.get(rule, 0), comp.soft_b.get(rule, 0))
    r = tot + 2 + len(rules)
    if comp.stab("a") or comp.stab("b"):  # the objective's part the rule counts do not show
        row(r, "Of the objective: days changed from the plan re-planned", comp.stab("a"), comp.stab("b"))
        r += 1
    _note(ws, r, HV_WHAT)  # what the HV columns count: a rehab run counts as a match does
    r += 1
    if comp.team_weeks_moved:  # with why, as far as the deload rules say it
        _note(ws, r, comp.team_weeks_words())
        r += 1
    # each list's lines wrapped across the columns: written in B alone, a long one ran on over
    # the empty cells beside it and printed cut at the page's edge ("… for some of these
    # matches (Rol")
    if comp.congested:
        _lines(ws, r + 1, "Congested fixtures the scenario adds (not a rule)", comp.congested)
        r += 2 + len(comp.congested)
    if comp.tapers:
        _lines(ws, r + 1, "Matches in a taper the scenario adds (not a rule)",
               [t.text() for t in comp.tapers])
        r += 2 + len(comp.tapers)
    if comp.cold:
        from planner.coldstart import COLD_WHAT

        _lines(ws, r + 1, f"{COLD_WHAT} that the scenario adds (not a rule)", comp.cold)


def _lines(ws, r: int, heading: str, lines) -> None:
    """A list under the Summary's totals: its ``heading`` at row ``r``, a line each under it."""
    for k, line in enumerate((heading, *lines)):
        _note(ws, r + k, line)


LEGIBLE_PT = 8  # the smallest type a page fitted whole may print at


def summary_scale(ws, widths: list[int], paper: tuple[float, float]) -> float:
    """The scale the Summary prints at on one page of ``paper`` (portrait), fitted whole."""
    room_w, room_h = printable(False, paper)
    rows = sum(ws.row_dimensions[r].height or row_height(1) for r in range(1, ws.max_row + 1))
    return min(1.0, room_w / sum(print_points(w) for w in widths), room_h / rows)


def _keep_totals_whole(ws, widths: list[int], last_athlete: int) -> None:
    """The Summary's print: on one page when the whole sheet fits it at :data:`LEGIBLE_PT` or
    more on A4 and on Letter (the printer's paper: a fitted page is scaled to it); else a page
    break after the athletes when the totals under them would be cut by a page end (the last two
    of them printed alone on a page)."""
    if min(BASE_SIZE * summary_scale(ws, widths, paper) for paper in (A4, LETTER)) >= LEGIBLE_PT:
        ws.page_setup.fitToHeight = 1
        return
    room_w, room_h = printable(False)
    scale = min(1.0, room_w / sum(print_points(w) for w in widths))
    heights = {r: (ws.row_dimensions[r].height or row_height(1)) * scale
               for r in range(1, ws.max_row + 1)}
    head = sum(heights[r] for r in range(1, HEAD + 1))  # repeated on every page
    used = head
    for r in range(HEAD + 1, ws.max_row + 1):
        if used + heights[r] > room_h:  # row r starts a page
            if r > last_athlete + 1:
                ws.row_breaks.append(Break(id=last_athlete))
                return
            used = head
        used += heights[r]


def _note(ws, r: int, words: str) -> None:
    """A line of words across the Summary's columns B to the last, wrapped."""
    last = ws.max_column
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=last)
    write_text(ws.cell(row=r, column=2), words)
    ws.cell(row=r, column=2).alignment = WRAP
    width = sum(ws.column_dimensions[get_column_letter(j)].width for j in range(2, last + 1))
    ws.row_dimensions[r].height = row_height(fit_lines(words, width))


def export_comparison(path: str | os.PathLike, *args, backup: bool = False) -> None:
    """The comparison workbook (``build_comparison_workbook``'s ``args``) at ``path``
    (``backup``: the file replaced kept as ``NAME.bak``)."""
    wb = build_comparison_workbook(*args)
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(path, buf.getvalue(), backup=backup)
