"""View ▸ Season Review…: the window of the season review (planner.review), its table a row per
athlete (read-only, sortable, the squad's order until a heading is clicked), the period it
counts, the Whole season tick box and Save as CSV…"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt

from planner.review import CSV_COLUMNS
from planner.squad import display_order
from tests.planner.test_review import _review_season
from ui.desktop.mainwindow import MainWindow
from ui.desktop.review import ROWS_SHOWN, SHOWN, ReviewWindow, two_lines


def _open(qtbot, s=None) -> tuple[MainWindow, ReviewWindow]:
    s = s or _review_season()
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    item = next(a for a in view.actions() if a.text() == "Season &Review…")
    item.trigger()
    dlg = w.findChild(ReviewWindow)
    assert dlg is not None and dlg.isVisible()
    return w, dlg


def _column(dlg: ReviewWindow, heading: str) -> list[str]:
    if heading == "Name":  # the rows' headings
        return [dlg.table.verticalHeaderItem(r).text() for r in range(dlg.table.rowCount())]
    j = [h for _, h, _ in SHOWN].index(heading)
    return [dlg.table.item(r, j).text() for r in range(dlg.table.rowCount())]


def test_the_table_has_a_row_per_athlete_in_the_squads_order(qtbot):
    w, dlg = _open(qtbot)
    s = w.season
    assert dlg.table.rowCount() == len(s.athletes) == 4
    assert _column(dlg, "Name") == [f"{a.name} ({a.id})" for a in display_order(s, s.plan)]
    assert dlg.period.text() == ("Season so far: 4 to 24 Jan 2027 (to the day before today, "
                                 "Mon 25 Jan 2027). Logged: 3 of 60 athlete-days planned before "
                                 "today (5 %), the rest counted as planned; Sundays, days off and "
                                 "days away not counted unless a session was logged on them.")
    row = _column(dlg, "Name").index("Athlete 1 (A1)")
    assert _column(dlg, "HV done")[row] == "4" and _column(dlg, "Longest gap")[row] == "1 wk 3 d"
    assert _column(dlg, "HV ahead")[row] == "—"
    assert (_column(dlg, "HV planned (past)")[row], _column(dlg, "HV done ÷ planned")[row]) == (
        "6", "33 %")  # over his days logged (1, 5, 8): 1 of 3
    assert dlg.total.text().startswith("Squad: Started 8 · Bench 1 · Not played 0 · Missed injured "
                                       "2 · Minutes 30")
    # read-only, and a heading click sorts by its value, not its text
    assert dlg.table.editTriggers() == dlg.table.EditTrigger.NoEditTriggers
    j = [h for _, h, _ in SHOWN].index("Rehab days")
    dlg.table.sortItems(j, Qt.SortOrder.DescendingOrder)
    assert _column(dlg, "Name")[0] == "Athlete 2 (A2)" and _column(dlg, "Rehab days")[0] == "12"
    # by text "3 d" comes before "1 wk 3 d" going down; by value 10 days before 3
    j = [h for _, h, _ in SHOWN].index("Longest gap")
    dlg.table.sortItems(j, Qt.SortOrder.DescendingOrder)
    assert _column(dlg, "Longest gap")[:2] == ["1 wk 3 d", "3 d"]
    assert _column(dlg, "Name")[0] == "Athlete 1 (A1)"


def test_the_injuries_of_the_period_are_listed_under_the_total(qtbot):
    """The review had "Rehab days" and "Not played" and no list of the season's injuries. A
    table under the squad's total gives each: onset, back, days lost, matches missed injured."""
    w, dlg = _open(qtbot)
    assert dlg.injuries.isVisible() and dlg.injuries.rowCount() == 1
    assert [dlg.injuries.horizontalHeaderItem(j).text() for j in range(6)] == [
        "Athlete", "Injury", "Onset", "Back", "Days lost", "Matches missed"]
    assert [dlg.injuries.item(0, j).text() for j in range(6)] == [
        "Athlete 2 (A2)", "Persistent iliopsoas tendinopathy", "Wed 6 Jan 2027",
        "Mon 18 Jan 2027", "12", "2"]
    assert dlg.injuries_label.text().startswith("Injuries (days lost: from the onset")
    _, dlg = _open(qtbot, w.season.model_copy(update={"injuries": ()}))
    assert not dlg.injuries.isVisible() and dlg.injuries_label.text() == "Injuries: none in the period."


def test_ticking_whole_season_changes_the_period_and_the_planned_exposures(qtbot):
    _w, dlg = _open(qtbot)
    dlg.whole.setChecked(True)
    assert dlg.period.text().startswith("Whole season: 4 to 31 Jan 2027 (done before Mon 25 Jan")
    row = _column(dlg, "Name").index("Athlete 1 (A1)")
    assert _column(dlg, "HV ahead")[row] == "2" and _column(dlg, "HV planned (past)")[row] == "6"
    dlg.whole.setChecked(False)
    assert dlg.period.text().startswith("Season so far:")


def test_a_season_past_its_end_ticks_whole_season_as_its_heading_says(qtbot):
    """Today past the season's end: the heading read "Whole season: … (ended)" beside an
    unticked Whole season box. The box is ticked, and fixed so (nothing else to count)."""
    import datetime as dt

    s = _review_season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"today": s.calendar.end + dt.timedelta(days=1)})})
    _w, dlg = _open(qtbot, s)
    assert dlg.period.text().startswith("Whole season: ") and "(ended)" in dlg.period.text()
    assert dlg.whole.isChecked() and not dlg.whole.isEnabled()
    assert "ended" in dlg.whole.toolTip()


def test_save_as_csv_writes_the_review(qtbot, dialogs, tmp_path):
    w, dlg = _open(qtbot)
    dialogs.files = [str(tmp_path / "review")]  # typed without .csv
    assert dlg.save_csv()
    out = tmp_path / "review.csv"
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 5  # four athletes and the squad
    assert {r["athlete"]: r["hv_done"] for r in rows}["A1"] == "4"
    assert "Saved the season review as" in w.statusBar().currentMessage()


def test_the_names_stay_in_view_scrolled_sideways_and_columns_fit_their_figures(qtbot):
    """Scrolled right to the load columns, the Name column was gone (whose 93 % is it?); and
    "Unavailable days" was some 140 px wide for a "0"."""
    _w, dlg = _open(qtbot)
    table = dlg.table
    heads = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    assert not any(h.startswith("Name") for h in heads)  # the names are the rows' headings
    table.resize(400, 300)  # narrower than the columns: it scrolls sideways
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0
    names = table.verticalHeader()
    assert names.isVisible() and names.width() >= table.fontMetrics().horizontalAdvance(
        "Athlete 1 (A1)")
    assert _column(dlg, "Name")[0] == "Athlete 1 (A1)"
    # a heading on two lines, its column as wide as its longer line, not the heading's whole
    j = [h for _, h, _ in SHOWN].index("Unavailable days")
    assert heads[j] == "Unavailable\ndays"
    header = table.horizontalHeader()
    wide = header.sectionSize(j)
    assert wide == header.sectionSizeHint(j) >= table.sizeHintForColumn(j)  # "0" under it
    table.horizontalHeaderItem(j).setText("Unavailable days")  # on one line: wider
    assert header.sectionSizeHint(j) > wide
    assert [two_lines(h) for h in ("Logged ÷ planned", "Minutes", "HV planned (past)")] == [
        "Logged ÷\nplanned", "Minutes", "HV planned\n(past)"]


def test_it_opens_tall_enough_for_twenty_rows_within_the_screen(qtbot):
    """At 1280 x 800 the window opened showing 11 rows of 24."""
    from planner.season import AthletePlan, Plan
    from planner.timeline import Timeline
    from tests.builders import day, season
    from tests.planner.test_review import _intensity

    s = season(weeks=4, athletes=24, today=day(21))
    weeks = ("load",) * len(Timeline(s).weeks)
    s = s.model_copy(update={"plan": Plan(status="manual", team_weeks=weeks, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * 28, intensity=_intensity(), weeks=weeks)
        for a in s.athletes))})
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    w.review_action.trigger()
    dlg = w.findChild(ReviewWindow)
    assert dlg.table.rowCount() == 24
    rows = dlg.table.viewport().height() // dlg.table.verticalHeader().defaultSectionSize()
    assert rows >= ROWS_SHOWN
    free = dlg.screen().availableGeometry()
    assert dlg.height() <= free.height() and dlg.width() <= free.width()


def test_save_as_csv_starts_in_the_season_files_folder_and_says_saved_in_the_window(
        qtbot, dialogs, tmp_path, monkeypatch):
    """Save as CSV… opened in the program's working folder, and "Saved …" showed on the main
    window, behind the review."""
    from planner.seasonfile import save_season

    club = tmp_path / "club"
    club.mkdir()
    save_season(_review_season(), club / "riverside.season.json")
    monkeypatch.chdir(tmp_path)  # the program's working folder: not the season's
    w, dlg = _open(qtbot)
    w.set_document(w.season, str(club / "riverside.season.json"))
    dialogs.files = [str(tmp_path / "out" / "review.csv")]
    (tmp_path / "out").mkdir()
    assert dlg.save_csv()
    assert [Path(x) for x in dialogs.suggested] == [club / "riverside-review.csv"]
    assert dlg.saved.text() == f"Saved the season review as review.csv in {tmp_path / 'out'}"
    # the next one starts where the last was saved
    dialogs.files = [None]
    assert not dlg.save_csv()
    assert Path(dialogs.suggested[-1]) == tmp_path / "out" / "riverside-review.csv"


def test_the_review_is_sorted_and_left_by_keyboard(qtbot):
    """A keyboard-only coach could not sort the review (a heading click alone), could not see
    the column he was in (the whole row turned blue) and Tab went from cell to cell, never out
    of the table. Enter sorts by the selected cell's column, highest first, then lowest; one
    cell is selected; Tab leaves the table."""
    from PySide6.QtTest import QTest

    _w, dlg = _open(qtbot)
    table = dlg.table
    j = [h for _, h, _ in SHOWN].index("Longest gap")
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    table.setFocus()
    table.setCurrentCell(1, j)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert dlg.saved.text().startswith("Sorted by Longest gap, highest first")
    assert _column(dlg, "Longest gap")[0] == "1 wk 3 d"  # by value, highest first
    # the current cell at the top of the column sorted, where the keyboard reads on from
    assert (table.currentRow(), table.currentColumn()) == (0, j)
    table.setCurrentCell(2, j)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert _column(dlg, "Longest gap")[-1] == "1 wk 3 d"  # lowest first
    assert dlg.saved.text().startswith("Sorted by Longest gap, lowest first")
    assert (table.currentRow(), table.currentColumn()) == (0, j)
    assert len(table.selectedItems()) == 1
    # Tab leaves the table for the next control, cell and column unchanged
    assert dlg.focusWidget() is table
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is not table and not table.hasFocus()
    assert (table.currentRow(), table.currentColumn()) == (0, j)


def test_edits_in_a_row_are_counted_once_and_not_while_the_window_is_closed(qtbot, monkeypatch):
    """Every edit counted the whole review again at once while the window was open (0.13-0.23 s
    an edit on a 30-player season with its log): quick edits are counted once, after the last,
    and a closed window is counted when it shows again."""
    import datetime as dt

    import planner.edits as E
    import ui.desktop.review as review_module
    from planner.season import Unavailability
    from tests.builders import day

    w, dlg = _open(qtbot)
    counted = []
    real = review_module.season_review
    monkeypatch.setattr(review_module, "season_review",
                        lambda *a, **k: counted.append(1) or real(*a, **k))
    row = _column(dlg, "Name").index("Athlete 1 (A1)")
    assert _column(dlg, "Unavailable days")[row] == "0"

    def away(first: int, days: int) -> E.AddUnavailability:
        return E.AddUnavailability(unavailability=Unavailability(
            athlete="A1", start=day(first), end=day(first) + dt.timedelta(days=days - 1),
            reason="Illness"))

    for first in (2, 6, 10):  # one day, one day, then two: 4 days away
        w.document.apply(away(first, 2 if first == 10 else 1))
    assert counted == [] and dlg.out_of_date  # not yet: the edits come first
    qtbot.waitUntil(lambda: not dlg.out_of_date)
    assert len(counted) == 1
    assert _column(dlg, "Unavailable days")[_column(dlg, "Name").index("Athlete 1 (A1)")] == "4"
    # closed: edits are not counted until it shows again
    dlg.reject()
    w.document.apply(away(14, 1))
    qtbot.wait(20)
    assert len(counted) == 1 and dlg.out_of_date
    w.review_action.trigger()
    assert len(counted) == 2 and not dlg.out_of_date
    assert _column(dlg, "Unavailable days")[_column(dlg, "Name").index("Athlete 1 (A1)")] == "5"
    # shown again with nothing changed: nothing counted again
    w.review_action.trigger()
    assert len(counted) == 2


def _named_by_id(s, *ids):
    return s.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": a.id}) if a.id in ids else a for a in s.athletes)})


def test_a_player_named_by_his_id_heads_his_row_with_the_id_alone(qtbot):
    """A squad typed in by IDs (the name the ID, as an anonymised season's) read "A1 (A1)" in the
    rows' headings: the label every other place gives him is "A1"; a sort keeps it."""
    _w, dlg = _open(qtbot, _named_by_id(_review_season(), "A1", "A3"))
    assert sorted(_column(dlg, "Name")) == ["A1", "A3", "Athlete 2 (A2)", "Athlete 4 (A4)"]
    j = [h for _, h, _ in SHOWN].index("Rehab days")
    dlg.table.sortItems(j, Qt.SortOrder.AscendingOrder)
    assert _column(dlg, "Name")[-1] == "Athlete 2 (A2)"  # his 12 rehab days last
    assert not any("(A1)" in name or "(A3)" in name for name in _column(dlg, "Name"))
