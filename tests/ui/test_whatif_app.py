"""What-if in the app (issue 6): "the final a week earlier" and "a flare-up in week 3" asked in
the scenario dialog, re-planned in the background, compared side by side and adopted, renamed,
duplicated or deleted, each one undo step. Small seasons built here keep the solves short."""

from __future__ import annotations

import datetime as dt
import html
import threading
import time

import openpyxl
import pytest
from PySide6.QtCore import QRect, Qt

from planner import edits as E
from planner.scenarios import logged_since, scenario_season
from planner.season import (
    AthletePlan,
    Competition,
    IntensityPin,
    NonTrainingDay,
    Plan,
    Season,
    StagePin,
)
from planner.text import day_long
from solver import SolveRequest, Status, solve
from tests.builders import day, injury, season
from tests.ui.conftest import solved
from ui.desktop.mainwindow import MainWindow

TIMEOUT = 60_000  # ms: a re-plan of these seasons takes well under a second


def small_season() -> Season:
    """Eight weeks, ten athletes, a C match every Saturday and the A final on the last
    Saturday; Athlete 1 is in P3 of an iliopsoas tendinopathy."""
    return season(weeks=8, athletes=10, matches=[5, 12, 19, 26, 33, 40, 47],
                  comps=[Competition(id="final", name="Cup final", date=day(54), priority="A")],
                  injuries=(injury("A1", "P3", start_day=-15),))


@pytest.fixture(scope="module")
def planned() -> Season:
    return solved(small_season())


@pytest.fixture
def window(shown_window, planned):
    return shown_window(planned, (1300, 800))


def changed_cells(a: Plan, b: Plan) -> set[tuple[str, int]]:
    """Counted here from the two plans, independently of planner.scenarios.compare."""
    out = set()
    for x in a.athletes:
        y = b.for_athlete(x.athlete)
        out |= {(x.athlete, d) for d in range(len(x.intensity))
                if x.intensity[d] != y.intensity[d] or x.stages[d] != y.stages[d]}
    return out


def ask(qtbot, w, name: str, *changes) -> list[str]:
    """The coach's question through the dialog: each change is (kind, form setter); returns
    the changes as the dialog listed them."""
    dlg = w.whatif.new_dialog()
    dlg.name.setText(name)
    for kind, fill in changes:
        dlg.set_kind(kind)
        fill(dlg)
        assert dlg.add_change(), dlg.error.text()
    texts = dlg.change_texts()
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        dlg.buttons.accepted.emit()
    assert done.args[0].plan is not None, done.args[0].message
    return texts


def final_a_week_earlier(qtbot, w):
    def fill(dlg):
        assert dlg.move_comp.currentData() == "final"  # the A competition is offered first
        assert dlg.move_date.date() == day(47)  # and a week earlier is suggested

    return ask(qtbot, w, "Final a week earlier", ("move", fill))


# -- the two questions of the issue ----------------------------------------------------------------
def test_final_a_week_earlier_is_asked_replanned_and_compared(qtbot, window, planned):
    w = window
    steps = w.undo_stack.count()
    assert final_a_week_earlier(qtbot, w) == ["1. Move competition 'Cup final' to 20 Feb 2027 (the same day as 'Match 7')"]

    sc = w.season.scenarios[0]
    assert sc.name == "Final a week earlier" and sc.plan is not None
    assert w.season.plan == planned.plan  # the baseline is untouched
    # the scenario and its plan: one action, one undo step (they were two)
    assert w.undo_stack.count() == steps + 1
    assert w.undo_stack.text(steps) == "New scenario 'Final a week earlier'"
    assert w.whatif.panel.names() == ["Final a week earlier"]
    assert w.whatif.panel.table.item(0, 1).text() == "planned"

    win = w.whatif.compare_window
    assert win is not None and win.isVisible()
    # it fits the screen (a 1400 x 860 window hid its buttons on a 1366 x 768 laptop)
    free = win.screen().availableGeometry()
    assert win.width() <= free.width() - 16 and win.height() <= free.height() - 48
    a, b = win.boards.sizes()  # the two boards share the width (a long scenario title made
    assert abs(a - b) <= 2, (a, b)  # the baseline's half 270 px at 1366 x 768)
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    for width in (win.width(), 1000):  # 1024 x 768: the scenario's title takes two lines
        win.resize(width, win.height())
        QApplication.processEvents()
        # the boards' rows side by side: the titles above them equally tall
        assert win.board_a.mapTo(win, QPoint(0, 0)).y() == win.board_b.mapTo(win, QPoint(0, 0)).y()
    expected = changed_cells(planned.plan, sc.plan)
    assert win.board_b.highlighted() == expected
    assert len(win.board_b.highlighted()) == win.comparison.changed_days == len(expected)
    assert win.board_a.highlighted() == set()
    # The taper follows the final: the team's weeks moved, and the summary says so.
    assert win.comparison.team_weeks_moved
    totals = win.totals.toPlainText()
    assert "Move competition 'Cup final' to 20 Feb 2027" in totals
    assert "Team weeks changed" in totals and "taper" in totals
    # the days counted are the changed levels; a moved week changes every team session's length
    assert "the team sessions' length changes for every athlete on the team's week" in win.heading.text()
    assert "free to change every athlete's days" in totals  # how the plan was made
    assert "then the whole season was searched" in totals
    assert win.table.topLevelItemCount() == 10
    # the fit athletes' weeks moved as the team's: said once above, "the team's" in their rows;
    # the injured athlete (her own weeks in rehab) has her own dates
    rows = {win.table.topLevelItem(k).data(0, Qt.ItemDataRole.UserRole): win.table.topLevelItem(k)
            for k in range(10)}
    assert rows.pop("A1").text(7) == "15 Feb taper→load"
    assert all(r.text(7) == "the team's" and "→" in r.toolTip(7) for r in rows.values())
    assert win.board_a.season().competition("final").date == day(54)
    assert win.board_b.season().competition("final").date == day(47)
    w.undo_action.trigger()  # one Undo takes the scenario back, plan and all
    assert w.season.scenarios == () and w.undo_stack.index() == steps


def test_a_flare_up_in_week_3_changes_only_that_athlete(qtbot, window, planned):
    w = window

    def fill(dlg):
        assert [dlg.flare_athlete.itemData(i) for i in range(dlg.flare_athlete.count())] == ["A1"]
        dlg.flare_date.set_date(day(20))
        assert dlg.flare_date.week.text() == "week 3"

    ask(qtbot, w, "Flare-up in week 3", ("flare", fill))
    sc = w.season.scenarios[0]
    win = w.whatif.compare_window
    cells = win.board_b.highlighted()
    assert cells == changed_cells(planned.plan, sc.plan)
    assert cells and {a for a, _d in cells} == {"A1"}  # the change reaches only her
    row = next(a for a in win.comparison.athletes if a.athlete == "A1")
    assert row.changed_days == len(cells)
    assert row.return_b is not None and row.return_a is not None and row.return_b > row.return_a
    # The scenario's flare-up is on its board, not on the baseline.
    assert win.scenario.injury_of("A1").flare_ups == (day(20),)
    assert w.season.injury_of("A1").flare_ups == ()


def test_an_athlete_the_scenario_injures_is_on_the_same_row_of_both_boards(qtbot, window):
    """The scenario injures Athlete 7 today: its board lists him among the injured, first. The
    baseline board follows that order, so each row shows one athlete on both boards."""
    w = window

    def fill(dlg):
        dlg.injury_athlete.setCurrentIndex(dlg.injury_athlete.findData("A7"))
        dlg.injury_protocol.setCurrentIndex(dlg.injury_protocol.findData("hamstring-strain"))
        dlg.injury_date.set_date(day(0))

    ask(qtbot, w, "Striker injured", ("injury", fill))
    win = w.whatif.compare_window
    order = win.board_b.athlete_order()
    assert order.index("A7") < order.index("A2")  # injured in the scenario only: first there
    assert win.board_a.athlete_order() == order


def test_a_what_if_injury_keeps_the_days_before_it_and_the_comparison_says_so(qtbot, window, planned):
    """Review 249 #3 in the app: the injury on day 45 (the taper week before the final) is not
    foreseen: Athlete 2's days before it stay as planned, and "how re-planned" says so."""
    w = window

    def fill(dlg):
        dlg.injury_athlete.setCurrentIndex(dlg.injury_athlete.findData("A2"))
        dlg.injury_protocol.setCurrentIndex(dlg.injury_protocol.findData("hamstring-strain"))
        dlg.injury_date.set_date(day(45))

    ask(qtbot, w, "Tear", ("injury", fill))
    plan = w.season.scenarios[0].plan
    assert plan.for_athlete("A2").intensity[:45] == planned.plan.for_athlete("A2").intensity[:45]
    assert plan.for_athlete("A2").stages[45] != "FIT"
    totals = w.whatif.compare_window.totals.toPlainText()
    assert (f"Athlete 2's days before the injury on {day_long(day(45))} stay as the current plan "
            "has them: the injury is not foreseen.") in " ".join(totals.split())


# -- the comparison view ---------------------------------------------------------------------------
def test_the_boards_scroll_and_select_together(qtbot, window):
    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    win.resize(1000, 420)  # the boards shorter than the squad of 10: they scroll
    a, b = win.board_a, win.board_b
    assert a.verticalScrollBar().maximum() > 0 and a.horizontalScrollBar().maximum() > 0
    for one, two in ((a, b), (b, a)):
        for bar in ("horizontalScrollBar", "verticalScrollBar"):
            src, dst = getattr(one, bar)(), getattr(two, bar)()
            target = src.maximum() // 2 + (1 if src.value() == src.maximum() // 2 else 0)
            src.setValue(target)
            assert src.value() == target and dst.value() == target
    # A click on the scenario's board selects the same cell on the baseline's.
    b.ensure_visible(b.athlete_order().index("A4"), 30)
    rect = b.cell_rect("A4", day(30))
    qtbot.mouseClick(b.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert b.current() == ("A4", day(30)) and a.current() == ("A4", day(30))
    assert "Athlete 4" in win.inspector.toPlainText()
    # The zoom follows too.
    win.week_button.click()
    assert a.zoom() == b.zoom() == "week"


def test_a_summary_row_selects_the_athlete_on_both_boards(qtbot, window):
    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    changed = sorted(d for aid, d in win.comparison.changed_cells if aid == "A3")
    item = next(win.table.topLevelItem(i) for i in range(win.table.topLevelItemCount())
                if win.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "A3")
    win.table.scrollToItem(item)  # (the window fits the test screen: the row may be below)
    rect = win.table.visualItemRect(item)
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center().__class__(20, rect.center().y()))  # on the name
    assert win.board_a.current()[0] == win.board_b.current()[0] == "A3"
    assert win.board_a.current()[1] == win.board_b.current()[1]
    assert changed  # the final a week earlier moves A3's match day
    assert win.board_b.current()[1] == day(changed[0])  # its first changed day


def test_export_comparison_writes_the_workbook_and_explains_a_failure(qtbot, window, tmp_path,
                                                                      dialogs):
    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    target = tmp_path / "what-if"
    dialogs.files = [target]
    with qtbot.waitSignal(win.exported):
        win.export_button.click()
    wb = openpyxl.load_workbook(tmp_path / "what-if.xlsx")
    assert wb.sheetnames == ["Summary", "Edits", "Changes"]
    assert wb["Edits"]["B3"].value == "Move competition 'Cup final' to 20 Feb 2027 (the same day as 'Match 7')"
    assert wb["Changes"].max_row - 2 == win.comparison.changed_days  # a title line, a header
    assert not win.export(str(tmp_path / "missing" / "x.xlsx"))
    assert dialogs[-1][0] == "error" and "does not exist" in dialogs[-1][2]
    assert "Traceback" not in dialogs[-1][2]


# -- managing scenarios ----------------------------------------------------------------------------
def test_adopt_is_one_undo_step_and_undo_restores_the_season_exactly(qtbot, window):
    w = window
    final_a_week_earlier(qtbot, w)
    before = w.season
    sc = before.scenarios[0]
    steps = w.undo_stack.count()
    win = w.whatif.compare_window
    win.adopt_button.click()
    assert w.undo_stack.count() == steps + 1
    assert w.undo_stack.text(steps) == "Adopt scenario 'Final a week earlier' as the baseline"
    assert w.season.competition("final").date == day(47)
    assert w.season.plan == sc.plan and w.season.scenarios == ()
    assert w.season == scenario_season(before, sc)
    assert not win.isVisible()  # the comparison was of the scenario just adopted
    w.undo_action.trigger()
    assert w.season is before
    assert w.whatif.panel.names() == ["Final a week earlier"]
    w.redo_action.trigger()
    assert w.season.competition("final").date == day(47)


def test_the_comparisons_buttons_have_access_keys_and_alt_a_adopts(qtbot, window):
    """With the comparison open, Alt+A did nothing: "Export comparison…", "Adopt scenario" and
    "Close" had no access keys, as every other dialog of the day had. Each has its own now."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton

    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    keys = {b.text(): QKeySequence.mnemonic(b.text()).toString()
            for b in (win.day_button, win.week_button, win.export_button, win.adopt_button,
                      win.close_button)}
    assert keys == {"&Day zoom": "Alt+D", "&Week zoom": "Alt+W", "&Export comparison…": "Alt+E",
                    "&Adopt scenario": "Alt+A", "&Close": "Alt+C"}
    others = [QKeySequence.mnemonic(b.text()).toString() for b in win.findChildren(QAbstractButton)]
    assert all(others.count(k) == 1 for k in keys.values()), others  # none taken twice
    assert win.adopt_button.accessibleName() == "Adopt scenario"
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    steps = w.undo_stack.count()
    qtbot.keyClick(win, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.undo_stack.count() == steps + 1)
    assert w.undo_stack.text(steps) == "Adopt scenario 'Final a week earlier' as the baseline"


def test_the_comparisons_export_dialog_opens_over_the_comparison_not_the_main_window(
        qtbot, window, monkeypatch, tmp_path):
    """Alt+E opened "Export comparison" over the main window, and the comparison went behind
    the main window until the dialog closed: the file dialog was the main window's. It is the
    comparison's own now (its messages too)."""
    from PySide6.QtWidgets import QFileDialog

    from ui.desktop.compare import CompareWindow
    from ui.desktop.interaction import QtInteraction, use_interaction

    w = window
    final_a_week_earlier(qtbot, w)
    shown = w.whatif.compare_window
    use_interaction(None)  # the real dialogs, as the app has them (the fixture sets it back)
    win = CompareWindow(w, QtInteraction(w))  # as the what-if panel makes it
    qtbot.addWidget(win)
    sc = w.season.scenarios[0]
    win.show_comparison(sc.name, shown.baseline, shown.scenario, shown.comparison,
                        shown.edit_texts)
    over = []

    def save_name(parent, title, *_args):
        over.append((parent, title))
        return str(tmp_path / "what-if.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    assert win.export()
    assert over == [(win, "Export comparison")]
    assert (tmp_path / "what-if.xlsx").exists()
    win.close()


def test_a_competition_added_under_a_name_the_season_has_is_noted_not_refused(qtbot, window):
    """"Cup round 5" on 16 Dec was added and adopted beside the season's own 'Cup round 5':
    the two read alike wherever a match is named. The form says so under the name, and still
    adds it (a coach has many a 'Friendly'). It says it when the name is finished, on one
    line whose room is kept: said at every key and wrapped to two lines, it came while the
    name was still being typed and moved the Date field from under the pointer."""
    from PySide6.QtCore import QPoint

    dlg = window.whatif.new_dialog()
    dlg.set_kind("add")
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    note = dlg.add_same
    date_at = dlg.add_date.mapTo(dlg, QPoint(0, 0))
    dlg.add_name.setFocus()
    qtbot.keyClicks(dlg.add_name, "Cup final ")  # as typed, a space after it
    assert not note.isVisibleTo(dlg)  # still being typed
    dlg.add_date.edit.setFocus()  # the name finished: on to the date
    assert note.isVisibleTo(dlg)
    said = "Another competition is called 'Cup final' (Sat 27 Feb 2027): the names would read alike."
    assert note.words() == note.toolTip() == said
    assert note.height() < 2 * note.fontMetrics().lineSpacing()  # one line, cut with "…"
    assert said.startswith(note.text().removesuffix("…"))
    assert dlg.add_date.mapTo(dlg, QPoint(0, 0)) == date_at  # Date stayed under the pointer
    dlg.add_name.setText("Cup semi-final")
    assert not note.isVisibleTo(dlg)
    dlg.add_name.setText("Friendly")
    dlg.add_date.set_date(day(31))
    assert dlg.add_change(), dlg.error.text()  # never refused
    assert not dlg.error.isVisibleTo(dlg)
    assert note.isVisibleTo(dlg)  # the scenario has a 'Friendly' now: a second one is said
    assert note.words().startswith(
        f"Another competition is called 'Friendly' ({day_long(day(31))})")
    assert dlg.add_date.mapTo(dlg, QPoint(0, 0)) == date_at
    dlg.reject()


def test_duplicate_rename_and_delete_are_undo_steps(qtbot, window, dialogs):
    w = window
    w.apply_edit(E.AddScenario(name="Busy week", edits=(
        E.MoveCompetition(competition="m3", date=day(18)).to_dict(),)))
    wi = w.whatif
    assert wi.panel.selected_name() == "Busy week"
    assert [a.isEnabled() for a in (wi.replan_action, wi.compare_action, wi.adopt_action)] == [
        True, False, True]  # nothing to compare before a plan
    start = w.undo_stack.count()

    dialogs.texts = ["Busy week B"]
    wi.duplicate_action.trigger()
    assert wi.panel.names() == ["Busy week", "Busy week B"]
    assert wi.panel.selected_name() == "Busy week B"
    assert w.season.scenarios[1].edits == w.season.scenarios[0].edits

    dialogs.texts = ["Two matches"]
    wi.rename_action.trigger()
    assert wi.panel.names() == ["Busy week", "Two matches"]

    dialogs.texts = ["busy WEEK"]  # names are compared without case: refused, explained
    wi.rename_action.trigger()
    assert dialogs[-1][0] == "warn" and "exists already" in dialogs[-1][2]
    assert wi.panel.names() == ["Busy week", "Two matches"]

    wi.delete_action.trigger()
    assert wi.panel.names() == ["Busy week"]
    assert w.undo_stack.count() == start + 3
    w.undo_action.trigger()
    assert wi.panel.names() == ["Busy week", "Two matches"]
    w.undo_stack.setIndex(start)
    assert wi.panel.names() == ["Busy week"]

    wi.duplicate_action.trigger()  # the coach cancels the name: nothing happens
    assert wi.panel.names() == ["Busy week"] and w.undo_stack.index() == start


def test_a_refused_change_shows_its_message_and_adds_nothing(qtbot, window, dialogs):
    w = window
    dlg = w.whatif.new_dialog()
    dlg.set_kind("flare")
    dlg.flare_date.set_date(day(20))
    assert dlg.add_change()
    assert not dlg.add_change()  # the same flare-up again
    assert "already recorded" in dlg.error.text() and dlg.error.isVisibleTo(dlg)
    assert dlg.list.count() == 1 and len(dlg.changes) == 1
    dlg.set_kind("away")
    dlg.away_from.set_date(day(30))
    dlg.away_to.set_date(day(28))
    assert not dlg.add_change()
    assert "before 'start'" in dlg.error.text()
    assert "pydantic" not in dlg.error.text() and "Traceback" not in dlg.error.text()
    assert dlg.list.count() == 1
    # A later change that needs an earlier one keeps it from being removed.
    dlg.set_kind("add")
    dlg.add_name.setText("Friendly")
    dlg.add_date.set_date(day(31))
    assert dlg.add_change()
    dlg.set_kind("move")
    cid = next(c.id for c in dlg.current.competitions if c.name == "Friendly")
    dlg.move_comp.setCurrentIndex(dlg.move_comp.findData(cid))
    dlg.move_date.set_date(day(30))
    assert dlg.add_change(), dlg.error.text()
    assert not dlg.remove_change(1)
    assert "later change needs this one" in dlg.error.text() and dlg.list.count() == 3
    assert dlg.remove_change(0) and dlg.change_texts()[0].startswith("1. Add competition 'Friendly'")
    # OK without a name names the scenario after its first change.
    dlg.replan_now.setChecked(False)
    dlg.buttons.accepted.emit()
    assert [s.name for s in w.season.scenarios] == ["Add competition 'Friendly' (C) on 4 Feb 2027"]
    assert len(w.season.scenarios[0].edits) == 2
    assert not dialogs  # no message box: every problem was shown in the dialog


def test_a_stage_start_before_the_minimum_days_is_refused_as_the_board_refuses_it(qtbot, window,
                                                                                 dialogs):
    # Athlete 1 entered P3 on day -15: P3's 21 days, then S1, S2 and S3 of 7 each, put his
    # earliest day back at full training on day 27. The board refuses a drop before it; the
    # dialog took it, and the re-plan found no plan, explained by the coach's pin alone.
    w = window
    dlg = w.whatif.new_dialog()
    dlg.set_kind("stage")
    dlg.stage_athlete.setCurrentIndex(dlg.stage_athlete.findData("A1"))
    dlg.stage.setCurrentIndex(dlg.stage.findData("FIT"))
    dlg.stage_date.set_date(day(10))
    assert not dlg.add_change()
    assert "cannot start full training before" in dlg.error.text()
    assert "minimum days" in dlg.error.text() and dlg.list.count() == 0
    dlg.stage_date.set_date(day(27))
    assert dlg.add_change(), dlg.error.text()
    assert dlg.list.count() == 1 and not dialogs


def test_a_what_if_injury_takes_no_protocol_until_one_is_chosen(qtbot, window, dialogs):
    # "What if our striker strains a hamstring": an athlete and a date were enough to add the
    # first protocol of the list, an adductor injury, as the Injuries editor once did.
    dlg = window.whatif.new_dialog()
    dlg.set_kind("injury")
    dlg.injury_athlete.setCurrentIndex(dlg.injury_athlete.findData("A2"))
    dlg.injury_date.set_date(day(10))
    assert dlg.injury_protocol.currentData() is None and dlg.injury_stage.count() == 0
    assert not dlg.add_change()
    assert "Choose the injury" in dlg.error.text() and dlg.list.count() == 0
    dlg.injury_protocol.setCurrentIndex(dlg.injury_protocol.findData("hamstring-strain"))
    assert dlg.injury_stage.currentData() == "P1"
    assert dlg.add_change(), dlg.error.text()
    assert "hamstring" in dlg.change_texts()[0] and not dialogs


def test_an_injury_dated_on_a_match_day_says_the_player_misses_that_match(qtbot, window):
    # "strains a hamstring in Saturday's match", dated on Saturday: the scenario had him out of
    # that match without a word (in rehab from that day, no running on a match day)
    dlg = window.whatif.new_dialog()
    dlg.show()
    dlg.set_kind("injury")
    dlg.injury_athlete.setCurrentIndex(dlg.injury_athlete.findData("A2"))
    dlg.injury_date.set_date(day(12))  # a Saturday match
    assert dlg.injury_match.isVisibleTo(dlg)
    text = dlg.injury_match.text()
    assert "'Match 2'" in text and "Athlete 2 does not play it" in text, text
    assert "the day after" in text
    dlg.injury_date.set_date(day(13))
    assert not dlg.injury_match.isVisibleTo(dlg)
    dlg.reject()


def test_a_rule_change_says_its_objective_is_not_like_for_like(qtbot, window):
    # LD-1 given a weight: the scenario's points counted the spikes the baseline's did not,
    # and 'objective 3,988 -> 5,146' read as a worse plan though it had fewer load spikes
    w = window

    def fill(dlg):
        dlg.rule.setCurrentIndex(dlg.rule.findData("LD-1"))
        dlg.param.setCurrentIndex(dlg.param.findData("weight"))
        dlg.value.setValue(20)

    ask(qtbot, w, "Steer load spikes", ("rule", fill))
    heading = html.unescape(w.whatif.compare_window.heading.text())
    assert "counted under the scenario's own LD-1 setting, so not like for like" in heading, heading
    final_a_week_earlier(qtbot, w)  # the same rules: nothing said
    assert "like for like" not in w.whatif.compare_window.heading.text()


def test_a_role_for_a_match_opens_on_the_next_match_not_the_final(qtbot, window):
    """"An athlete's role for a match" opened on the Cup final in May: League match 1 was
    scrolled to in a list of 43. The next match from the season's today is proposed."""
    w = window

    def next_match(s):
        start = s.calendar.today or s.calendar.start
        return min((c for c in s.competitions if c.date >= start), key=lambda c: c.date).id

    dlg = w.whatif.new_dialog()
    dlg.set_kind("role")
    assert dlg.role_comp.currentData() == next_match(w.season) != "final"
    assert dlg.move_comp.currentData() == "final"  # before the season, moving the final is asked
    dlg.reject()
    w.apply_edit(E.SetSeasonSettings(today=day(14)))  # two matches played
    dlg = w.whatif.new_dialog()
    dlg.set_kind("role")
    assert dlg.role_comp.currentData() == next_match(w.season)
    assert w.season.competition(dlg.role_comp.currentData()).date >= day(14)
    dlg.reject()


def test_a_role_for_a_match_already_played_is_refused(qtbot, window):
    # "bench him in last Saturday's match" was taken and planned, changing nothing: the past
    # keeps what happened
    w = window
    w.apply_edit(E.SetSeasonSettings(today=day(14)))  # Match 1 (day 5) and Match 2 (12) played
    dlg = w.whatif.new_dialog()
    dlg.set_kind("role")
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("m1"))
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A2"))
    dlg.role.setCurrentIndex(dlg.role.findData("bench"))
    assert not dlg.add_change()
    assert "'Match 2'" in dlg.error.text() and "before today" in dlg.error.text()
    assert dlg.list.count() == 0
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("m2"))  # Saturday's, still to come
    assert dlg.add_change(), dlg.error.text()
    dlg.reject()


def test_the_refusal_line_moves_nothing_in_the_new_scenario_form(qtbot, window):
    """Review 249 #7: the red refusal under "Add this change" grew the form when it came, so
    the button and the Role list moved under the pointer (and a scroll bar came): the next
    click picked another role, and a change was not added. The line keeps its room."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    w = window
    dlg = w.whatif.new_dialog()
    qtbot.waitExposed(dlg)
    dlg.set_kind("role")
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("m2"))
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A3"))
    dlg.role.setCurrentIndex(dlg.role.findData("start"))  # the role A3 has: refused
    QApplication.processEvents()

    def where() -> list:
        return [x.mapTo(dlg, QPoint(0, 0)) for x in (dlg.add_button, dlg.role, dlg.list)] + [
            dlg.size(), dlg.list.height()]

    before = where()
    assert not dlg.add_change() and dlg.error.isVisibleTo(dlg)
    assert "already: choose another role." in dlg.error.text()
    QApplication.processEvents()
    assert where() == before
    # the refusal whole in its room (two lines here), and none of it once gone
    assert dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width())
    dlg.role.setCurrentIndex(dlg.role.findData("bench"))
    assert dlg.add_change(), dlg.error.text()
    QApplication.processEvents()
    assert not dlg.error.isVisibleTo(dlg) and where()[:2] == before[:2]
    dlg.reject()


def test_moving_a_match_less_than_72_h_from_another_is_said(qtbot, window):
    """Review 249 #8: the Cup semi moved to Monday, two days after a league match, said nothing
    (only a same-day clash was said); the congested starters came only in the comparison."""
    w = window
    dlg = w.whatif.new_dialog()
    dlg.set_kind("move")
    dlg.move_comp.setCurrentIndex(dlg.move_comp.findData("final"))
    dlg.move_date.set_date(day(49))  # Monday: Match 7 was on Saturday, day 47
    assert dlg.move_clash.isVisibleTo(dlg)
    assert dlg.move_clash.text() == (
        f"⚠ {day_long(day(49))} is 2 days after 'Match 7' ({day_long(day(47))}): less than 72 h "
        "between the matches for a player who starts both, where more than 72 h are needed to "
        "recover (Nedelec12).")
    dlg.move_date.set_date(day(38))  # Thursday: 2 days before Match 6 (Saturday, day 40)
    assert "is 2 days before 'Match 6'" in dlg.move_clash.text()
    dlg.move_date.set_date(day(50))  # 3 days after Match 7: 72 h, not said here
    assert not dlg.move_clash.isVisibleTo(dlg)
    dlg.reject()


def test_a_stage_with_no_running_reads_so_in_the_injury_lists(qtbot, window):
    """Review 249 #9: "P1 (≤ 0 %) Pain-free isometrics" in the New Scenario form's stage list
    (and the Injuries editor's): a cap of 0 reads "no running", the others "≤ 70 %"."""
    from planner.protocols import available_protocols, load_protocol

    w = window
    dlg = w.whatif.new_dialog()
    dlg.set_kind("injury")
    ed = w.injuries_editor
    assert ed.select("A2")
    zero = 0
    for pid in available_protocols():
        dlg.injury_protocol.setCurrentIndex(dlg.injury_protocol.findData(pid))
        ed.protocol.setCurrentIndex(ed.protocol.findData(pid))
        stages = load_protocol(pid).stages
        want = [f"{st.id} ({'no running' if st.cap == 0 else f'≤ {st.cap} %'}) {st.title}"
                for st in stages]
        for combo in (dlg.injury_stage, ed.first_stage):
            assert [combo.itemText(k) for k in range(len(stages))] == want, pid
        zero += sum(st.cap == 0 for st in stages)
    assert zero  # a protocol with a stage of no running was read
    dlg.reject()


def test_a_role_the_player_has_already_is_shown_and_refused(qtbot, window):
    """Bench a player already on the bench made a scenario of "0 changed athlete-days" with no
    word why: the form shows his role for the match, and refuses the same one."""
    w = window
    w.apply_edit(E.SetRole(competition="m2", athlete="A2", role="bench"))
    dlg = w.whatif.new_dialog()
    dlg.set_kind("role")
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("m2"))
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A2"))
    assert dlg.role_now.text() == "now: on the bench"
    dlg.role.setCurrentIndex(dlg.role.findData("bench"))
    assert not dlg.add_change()
    name, match = w.season.athlete("A2").name, w.season.competition("m2").name
    assert dlg.error.text() == (f"{name} is on the bench for {match} already: choose another "
                                f"role."), dlg.error.text()
    assert dlg.list.count() == 0
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A3"))  # his default: start
    assert dlg.role_now.text() == "now: in the starting line-up"
    dlg.role.setCurrentIndex(dlg.role.findData(None))  # back to his default: he has it
    assert not dlg.add_change() and f"in the starting line-up for {match} already" in dlg.error.text()
    dlg.role.setCurrentIndex(dlg.role.findData("bench"))
    assert dlg.add_change(), dlg.error.text()
    assert dlg.role_now.text() == "now: on the bench"  # in the scenario as it stands
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A2"))
    dlg.role.setCurrentIndex(dlg.role.findData("start"))
    assert dlg.add_change(), dlg.error.text()
    assert dlg.list.count() == 2
    dlg.reject()


def test_ok_needs_a_change_and_a_free_name(qtbot, window):
    w = window
    w.apply_edit(E.AddScenario(name="Taken", edits=()))
    dlg = w.whatif.new_dialog()
    dlg.buttons.accepted.emit()
    assert "at least one change" in dlg.ok_error.text() and dlg.isVisible()
    dlg.set_kind("rule")
    dlg.rule.setCurrentIndex(dlg.rule.findData("HV-2"))
    dlg.param.setCurrentIndex(dlg.param.findData("max_speed_days"))
    assert dlg.value.value() == 2 and dlg.value.maximum() == 3
    assert not dlg.add_change()  # the value the rule has: no change to try
    assert "speed days in a load or taper week is 2 days/week already" in dlg.error.text()
    dlg.value.lineEdit().clear()  # an emptied box still reports its last value
    assert dlg.value.value() == 2 and not dlg.add_change()
    assert "Type the new value (1–3 days/week)" in dlg.error.text() and not dlg.changes
    dlg.value.setValue(1)
    assert dlg.add_change()
    assert dlg.change_texts() == ["1. Set HV-2: speed days in a load or taper week to 1"]
    dlg.name.setText("taken")
    dlg.buttons.accepted.emit()
    assert "exists already" in dlg.ok_error.text()
    assert [s.name for s in w.season.scenarios] == ["Taken"]


def test_a_season_without_a_plan_is_planned_first_in_the_same_job(qtbot, dialogs):
    w = MainWindow(small_season(), None, autosave=False)
    qtbot.addWidget(w)
    w.apply_edit(E.AddScenario(name="Flare", edits=(E.RecordFlareUp(athlete="A1", date=day(20)).to_dict(),)))
    steps = w.undo_stack.count()
    assert not w.whatif.replan("Flare")  # the coach says no: nothing starts
    assert dialogs.kinds() == ["confirm"] and not w.whatif.is_replanning()
    dialogs.answer = "yes"
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT):
        assert w.whatif.replan("Flare")
    assert w.season.plan is not None and w.season.scenarios[0].plan is not None
    assert [w.undo_stack.text(i) for i in range(steps, w.undo_stack.count())] == [
        E.SetPlan(plan=w.season.plan).describe(w.season), "Store the plan of scenario 'Flare'"]
    assert w.whatif.compare_window.isVisible()
    w.whatif.shutdown()


def test_a_change_while_replanning_drops_the_result(qtbot, window):
    w = window
    w.apply_edit(E.AddScenario(name="Flare", edits=(E.RecordFlareUp(athlete="A1", date=day(20)).to_dict(),)))
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT):
        assert w.whatif.replan("Flare")
        assert not w.whatif.replan_action.isEnabled() and w.whatif.cancel_action.isEnabled()
        w.apply_edit(E.SetRuleValue(rule="HV-1", param="max_gap_days", value=9))
    assert w.season.scenarios[0].plan is None
    assert "changed while re-planning" in w.statusBar().currentMessage()
    assert w.whatif.compare_window is None


def test_a_stale_comparison_says_so(qtbot, window):
    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    assert not win.stale.isVisibleTo(win) and win.adopt_button.isEnabled()
    w.whatif.delete("Final a week earlier")
    assert win.stale.isVisibleTo(win) and "no longer in the season" in win.stale.text()
    assert not win.adopt_button.isEnabled()
    w.undo_action.trigger()
    assert not win.stale.isVisibleTo(win) and win.adopt_button.isEnabled()


def test_a_scenario_planned_before_another_was_adopted_is_out_of_date(qtbot, window, dialogs):
    """Two scenarios branch from one plan; adopting one changes the season under the other, whose
    plan then ignores that change (its match days, its taper). The panel, the comparison and
    Adopt say so, and offer a re-plan; undoing the adoption makes it current again."""
    w, wi = window, window.whatif

    def fill(dlg):
        dlg.flare_date.set_date(day(20))

    ask(qtbot, w, "Flare-up in week 3", ("flare", fill))
    final_a_week_earlier(qtbot, w)
    assert [wi.panel.table.item(r, 1).text() for r in range(2)] == ["planned", "planned"]
    flare_plan = w.season.scenarios[0].plan
    assert wi.adopt("Final a week earlier")
    assert wi.panel.names() == ["Flare-up in week 3"]
    state = wi.panel.table.item(0, 1)
    assert state.text() == "out of date"
    assert "planned before the competitions changed ('Cup final' moved from 27 Feb to 20 Feb), so" in state.toolTip()
    import html

    assert ("Out of date: planned before the competitions changed ('Cup final' moved from 27 Feb "
            "to 20 Feb), so") in html.unescape(wi.panel.details.text())
    # the comparison shows it, with Adopt off
    win = wi.compare("Flare-up in week 3")
    assert win.stale.isVisibleTo(win) and "planned before the competitions changed ('Cup final' moved from 27 Feb to 20 Feb), so" in win.stale.text()
    assert not win.adopt_button.isEnabled() and win.adopt_button.toolTip().startswith("Not now: ")
    # Adopt from the panel asks first, saying what the old plan breaks: Cancel changes nothing
    adopted = w.season
    dialogs.choices = ["cancel"]
    assert not wi.adopt("Flare-up in week 3")
    assert dialogs[-1][1] == "Scenario out of date" and w.season is adopted
    from planner.check import check_plan
    from planner.text import plural

    n = len(check_plan(scenario_season(adopted, adopted.scenarios[0]), flare_plan).broken())
    assert n and f"that plan has {plural(n, 'hard-rule violation')}" in dialogs[-1][2]
    # Re-plan first: a new plan, made for the season as it is now
    dialogs.choices = ["replan"]
    with qtbot.waitSignal(wi.replan_finished, timeout=TIMEOUT) as done:
        assert not wi.adopt("Flare-up in week 3")
    assert done.args[0].plan is not None
    assert w.season.scenarios[0].plan != flare_plan
    # from the season's plan as it is now (the adopted one), not the one it first branched from:
    # the flare-up changes her days only, the moved final's taper stays as adopted
    assert w.season.scenarios[0].base_plan == w.season.plan
    assert {a for a, _d in changed_cells(w.season.plan, w.season.scenarios[0].plan)} == {"A1"}
    assert wi.panel.table.item(0, 1).text() == "planned"
    win = wi.compare_window
    assert not win.stale.isVisibleTo(win) and win.adopt_button.isEnabled()
    # undo the re-plan, then the adoption: the old plan is current again on the old season
    w.undo_action.trigger()
    assert wi.panel.table.item(0, 1).text() == "out of date"
    w.undo_action.trigger()
    assert [wi.panel.table.item(r, 1).text() for r in range(2)] == ["planned", "planned"]
    # Adopt Anyway takes the old plan as it is
    assert wi.adopt("Final a week earlier")
    dialogs.choices = ["adopt"]
    assert wi.adopt("Flare-up in week 3")
    assert w.season.plan == flare_plan and w.season.competition("final").date == day(47)
    assert f"the plan has {plural(n, 'hard-rule violation')}: solve again (F5)" in w.statusBar().currentMessage()


def test_the_what_if_menu_and_panel_are_reachable(window):
    w = window
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&What-if")
    texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert texts == ["New Scenario…", "Re-plan Scenario", "Cancel Re-plan", "Compare with the Plan",
                     "Adopt as the Plan", "Duplicate Scenario…", "Rename Scenario…",
                     "Delete Scenario", "Scenarios Panel"]
    w.whatif.panel_action.trigger()
    assert w.docks["scenarios"].isVisible()
    assert set(w.whatif.panel.buttons) == {"New…", "Re-plan", "Compare", "Adopt", "Duplicate…",
                                           "Rename…", "Delete"}
    assert w.whatif.panel.intro.isVisibleTo(w.whatif.panel)  # no scenarios yet: what it is for


def test_a_scenario_the_rules_refuse_is_explained_not_planned(qtbot, window, dialogs):
    w = window
    w.apply_edit(E.AddScenario(name="Sprint in rehab", edits=(
        E.AddPin(pin=IntensityPin(athlete="A1", date=day(2), intensity=100)).to_dict(),)))
    steps = w.undo_stack.count()
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        assert w.whatif.replan()
    assert done.args[0].status == Status.INFEASIBLE
    assert w.season.scenarios[0].plan is None and w.undo_stack.count() == steps
    assert w.docks["explanation"].isVisible()
    text = w.explanation.toPlainText()
    assert "Scenario “Sprint in rehab”" in text and "RH-CAP" in text and "PIN" in text
    assert "has no plan" in w.statusBar().currentMessage()
    assert not dialogs and w.whatif.compare_window is None


def test_a_stored_stage_pin_before_the_minimum_days_is_explained_with_them(qtbot, window):
    # a scenario stored before the dialog refused such a pin: its explanation named the pin alone
    w = window
    w.apply_edit(E.AddScenario(name="Fast-tracked", edits=(
        E.AddPin(pin=StagePin(athlete="A1", stage="FIT", date=day(10))).to_dict(),)))
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        assert w.whatif.replan()
    assert done.args[0].status == Status.INFEASIBLE
    text = w.explanation.toPlainText()
    assert "PIN" in text and "cannot start full training before" in text, text
    assert "minimum days" in text


def test_cancel_stops_the_replan(qtbot, window):
    """The re-plan is held until the coach cancels (it cannot end by itself first); the real
    re-plan then starts with the stop requested and gives up before searching."""
    from ui.desktop.solving import replan_work

    w = window
    held = threading.Event()

    def held_work(*args):
        work = replan_work(*args)

        def run(report, stop):
            held.set()
            while not stop.is_set():
                time.sleep(0.01)
            return work(report, stop)

        return run

    w.whatif.replan_work = held_work
    w.apply_edit(E.AddScenario(name="Flare", edits=(E.RecordFlareUp(athlete="A1", date=day(20)).to_dict(),)))
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        assert w.whatif.replan("Flare")
        assert held.wait(10) and w.whatif.is_replanning()
        assert w.whatif.cancel_button.isVisible()
        w.whatif.cancel_action.trigger()
        assert w.whatif.progress_label.text() == "Stopping…"
    assert done.args[0].status == Status.CANCELLED
    assert w.whatif.job.stop.is_set()
    assert w.season.scenarios[0].plan is None
    assert "cancelled before a plan was found" in w.statusBar().currentMessage()
    assert not w.whatif.cancel_button.isVisible() and w.whatif.replan_action.isEnabled()


def test_a_target_gone_by_and_missed_in_both_plans_is_no_headline(qtbot):
    """In April the comparison headlined "misses the target 'League Round 1 M1' (missed in the
    baseline too)" for a January match: no news of the scenario, it is left out (nor is it
    counted). Nor is a target still ahead, missed in both with the same return: every comparison
    repeated it; it is counted."""
    from planner.scenarios import compare
    from tests.planner.test_returns import make, plan
    from ui.desktop.compare import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    base = make(target="m0")  # RE-1 holds A1 out of 'Match 1' (Sat 9 Jan): missed
    for today, missed in ((day(7), []), (day(3), ["Match 1"])):
        s = base.model_copy(update={"calendar": base.calendar.model_copy(update={"today": today}),
                                    "plan": plan()})
        comp = compare(s, s.plan, s, s.plan)
        assert comp.athletes[0].missed("b") == missed, today
        win.show_comparison("Again", s, s, comp, [])
        assert "misses the target" not in win.heading.text(), today
        assert ("; 1 target unchanged (the same verdict and return);" in win.heading.text()) == bool(missed)
        assert "Target" not in comp.text() and ("target unchanged" in comp.text()) == bool(missed)


def test_follow_order_keeps_the_selection_on_its_athlete(window):
    board = window.board
    first = board.athlete_order()
    board.set_current(first[0], window.season.calendar.start)
    board.follow_order(list(reversed(first)))
    assert board.athlete_order() == list(reversed(first))
    assert board.current() == (first[0], window.season.calendar.start)


def test_the_comparison_window_says_a_missed_target_and_marks_it_on_the_board(qtbot):
    """The comparison said a missed target nowhere (RTS 4 -> 5 only) and its boards had no red !
    although their legend lists it."""
    from planner.scenarios import compare
    from tests.solver.test_whatif import derby_flare_up
    from ui.desktop.compare import CompareWindow

    s, after, plan_b = derby_flare_up()
    # and A1's own weeks moved (a deload a week later), for the table's last column
    a1 = plan_b.for_athlete("A1")
    w = next(i for i in range(1, len(a1.weeks) - 1)
             if a1.weeks[i] == "deload" and a1.weeks[i + 1] == "load" and a1.weeks[i - 1] == "load")
    weeks = a1.weeks[:w] + ("load", "deload") + a1.weeks[w + 2:]
    plan_b = plan_b.model_copy(update={"athletes": tuple(
        a.model_copy(update={"weeks": weeks}) if a.athlete == "A1" else a for a in plan_b.athletes)})
    scenario = after.model_copy(update={"plan": plan_b})
    win = CompareWindow()
    qtbot.addWidget(win)
    win.show_comparison("Flare", s, scenario, compare(s, s.plan, after, plan_b), [])
    assert ("Athlete 1 misses the target 'Derby'</b> (in S3 again that day; met in the baseline)"
            in win.heading.text())
    assert win.board_b.missed_target("A1") and not win.board_a.missed_target("A1")
    # and the matches the flare-up takes from him, each with its day, the Derby among them
    import html

    diff = next(a for a in win.comparison.athletes if a.athlete == "A1")
    assert diff.matches_words().startswith("misses ") and "'Derby' " in diff.matches_words()
    assert f"<b>Athlete 1 {html.escape(diff.matches_words())}</b>" in win.heading.text()
    row = next(win.table.topLevelItem(i) for i in range(win.table.topLevelItemCount())
               if win.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "A1")
    assert row.text(2).endswith("\n⚠ target missed") and "target" not in row.text(1)
    # the HV columns say what they count: rehab runs as well as matches, and how many
    from planner.scenarios import HV_WHAT

    assert win.table.headerItem().toolTip(3).startswith(HV_WHAT)
    assert row.toolTip(3) == f"{diff.hv_words('a')} HV days (90 % or more) from today on"
    assert "in rehab)" in row.toolTip(3)
    # At 1280 x 720 every column of the table is in sight, each line of every cell whole, but
    # the last (the weeks moved, listed whole in its tooltip): on one line with the missed target
    # and the weeks before Soft rules, they pushed Weeks and Soft rules out of the table.
    from PySide6.QtWidgets import QApplication

    win.resize(1264, 690)
    win.show()
    QApplication.processEvents()
    table, head = win.table, win.table.header()
    fm = table.fontMetrics()
    items = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    last = table.columnCount() - 1
    assert win.COLUMNS[last] == "Weeks"
    moved = [it for it in items if it.text(last) not in ("", "–")]
    assert moved and all(it.toolTip(last) for it in moved)  # A1's weeks moved
    for c in range(last):
        widest = max(fm.horizontalAdvance(line) for it in items for line in it.text(c).split("\n"))
        assert widest <= table.columnWidth(c), (win.COLUMNS[c], widest, table.columnWidth(c))
        assert head.sectionViewportPosition(c) + widest <= table.viewport().width(), win.COLUMNS[c]
    assert head.sectionViewportPosition(last) + 40 < table.viewport().width()


def test_another_scenarios_comparison_opens_on_its_first_change(qtbot, window, planned):
    """The comparison window is reused: a second scenario opened on the day selected in the first
    (in another month) instead of on its own changes; the same scenario shown again keeps the
    selected day."""
    w = window
    final_a_week_earlier(qtbot, w)
    win = w.whatif.compare_window
    first = win.first_change()
    assert first is not None and win.board_b.current() == first
    elsewhere = (first[0], w.season.calendar.start)
    win.select(*elsewhere)
    assert win.board_b.current() == elsewhere
    win.show_comparison(win.name, win.baseline, win.scenario, win.comparison, [])  # the same again
    assert win.board_b.current() == elsewhere
    win.show_comparison("Another scenario", win.baseline, win.scenario, win.comparison, [])
    assert win.board_b.current() == win.first_change() == first


def test_a_rule_change_offers_numbers_only_and_takes_a_value_as_the_box_shows_it(qtbot, window):
    """HV-1's exempt positions are a list of names (set in the Rules panel): they were offered
    as "0 positions", and a season that had set them crashed the form. A season's 1.277 shows
    as 1.28: pressing Add without typing added 1.28, a change nobody typed."""
    w = window
    assert w.apply_edit(E.SetRuleValue(rule="LD-1", param="acwr_max", value=1.277))
    dlg = w.whatif.new_dialog()
    dlg.set_kind("rule")
    dlg.rule.setCurrentIndex(dlg.rule.findData("HV-1"))
    names = [dlg.param.itemData(i) for i in range(dlg.param.count())]
    assert "max_gap_days" in names and "exempt_positions" not in names
    dlg.rule.setCurrentIndex(dlg.rule.findData("HV-5"))
    assert dlg.value.value() == 1 and not dlg.add_change()
    assert "is 1 day already" in dlg.error.text()  # not "1 days"
    dlg.rule.setCurrentIndex(dlg.rule.findData("LD-1"))
    dlg.param.setCurrentIndex(dlg.param.findData("acwr_max"))
    assert dlg.value.text() == "1.28"
    assert not dlg.add_change() and "already" in dlg.error.text() and not dlg.changes
    dlg.value.setValue(1.4)
    assert dlg.add_change(), dlg.error.text()
    assert dlg.changes[0].value == 1.4


def test_a_rule_value_typed_outside_its_range_is_said_not_dropped(qtbot, window):
    """HV-5 (1-2 days): a typed "9" was dropped by the box without a word (it showed 1), and
    Add said "is 1 day already": the 9 is kept as typed, refused in the Rules panel's words on
    leaving the box and again on Add, and nothing is added until a value in range is typed."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    dlg = window.whatif.new_dialog()
    qtbot.addWidget(dlg)
    dlg.set_kind("rule")
    dlg.rule.setCurrentIndex(dlg.rule.findData("HV-5"))
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.value.lineEdit().selectAll()
    QTest.keyClicks(dlg.value.lineEdit(), "9")
    assert dlg.value.text() == "9"  # kept as typed while in the box
    QTest.keyClick(dlg.value.lineEdit(), Qt.Key.Key_Return)  # Enter: as Add this change
    QApplication.processEvents()
    said = "HV-5 rest days required between two speed days: '9' is outside 1–2 days"
    assert dlg.error.text().startswith(said), dlg.error.text()
    assert "(the rule keeps 1)" in dlg.error.text()
    assert not dlg.add_change() and not dlg.changes
    assert dlg.error.text().startswith(said), dlg.error.text()  # not "is 1 day already"
    dlg.value.lineEdit().selectAll()
    QTest.keyClicks(dlg.value.lineEdit(), "2")
    assert dlg.add_change(), dlg.error.text()
    assert dlg.changes[0].value == 2


def test_a_squad_day_off_is_one_change_of_the_form_and_its_plan_rests_everyone(qtbot, window):
    """Review 278: the app's form had no rest day for the squad (the command line's whatif
    --day-off has one): 24 pins to type, and a slow re-plan. "A day off for the squad" is one
    change; its plan, checked by the independent checker, has nobody training that day; a day
    off already is refused."""
    from planner.check import check_plan

    w = window
    rest = day(18)  # a Friday: a training day of the small season
    assert all(x.intensity[18] > 0 for x in w.season.plan.athletes if x.stages[18] == "FIT")

    def fill(dlg):
        dlg.dayoff_date.set_date(rest)
        dlg.dayoff_reason.setText("rest before the tournament")

    texts = ask(qtbot, w, "Rest Friday", ("dayoff", fill))
    assert len(texts) == 1 and "a non-training day" in texts[0]
    sc = next(x for x in w.season.scenarios if x.name == "Rest Friday")
    after = scenario_season(w.season, sc)
    assert any(x.date == rest and x.reason == "rest before the tournament"
               for x in after.calendar.non_training_days)
    assert sc.plan is not None
    assert all(x.intensity[18] == 0 for x in sc.plan.athletes)  # nobody trains that day
    assert not check_plan(after, sc.plan).violations
    dlg = w.whatif.new_dialog()
    dlg.set_kind("dayoff")
    dlg.dayoff_date.set_date(rest)
    assert dlg.add_change()
    assert not dlg.add_change() and "is a day off already" in dlg.error.text()


def test_a_scenario_without_a_plan_is_explained_as_the_scenarios_not_the_seasons(qtbot, window):
    """A scenario whose changes conflict with the rules (a deload pinned the week before the
    final's taper): the explanation says it is the scenario's. After the season changed, it said
    "The last solve found no plan" as if the season's own plan were broken; it names the
    scenario and says the season's plan is not concerned."""
    from planner.season import WeekPin

    w = window
    pin = WeekPin(week=day(28), week_kind="deload")  # week 5; weeks 6-7 are the final's taper
    assert w.apply_edit(E.AddScenario(name="Deload late", edits=(E.AddPin(pin=pin).to_dict(),)))
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        assert w.whatif.replan("Deload late")
    assert done.args[0].plan is None and done.args[0].status == Status.INFEASIBLE
    text = w.explanation.toPlainText()
    assert "Scenario “Deload late”: its changes cannot all hold with the rules" in text
    assert w.season.plan is not None
    w.apply_edit(E.SetRole(competition=w.season.competitions[0].id, athlete="A2", role="bench"))
    text = w.explanation.toPlainText()
    assert "Scenario “Deload late” had no plan" in text and "season's own plan is not concerned" in text
    assert "The last solve found no plan" not in text
    w.undo_stack.undo()  # back to the season it was explained for: the conflict again
    assert "its changes cannot all hold" in w.explanation.toPlainText()


def test_a_tournament_what_if_says_who_is_congested(qtbot, window):
    """In a tournament what-if every starter played 5 matches in 8 days and nothing said so:
    the comparison's heading names the congested run the baseline has not (not a rule)."""
    from planner.congestion import congestion

    w = window

    def fill(dlg):
        dlg.add_name.setText("Easter tournament")
        dlg.add_date.set_date(day(29))  # Fri of week 5, after the Saturday match of day 26
        assert dlg.add_last.date() == day(29)  # greyed, it follows the date (not the season start)
        dlg.add_days.setChecked(True)
        assert dlg.add_last.date() == day(31)
        dlg.add_days.setChecked(False)
        assert dlg.add_last.date() == day(29)
        dlg.add_days.setChecked(True)
        dlg.add_last.set_date(day(31))

    ask(qtbot, w, "Tournament", ("add", fill))
    win = w.whatif.compare_window
    runs = congestion(win.scenario)
    assert runs and not congestion(win.baseline)
    first = runs[0]
    # Sat 26, the tournament Fri 29 to Sun 31, Sat 33: each within 3 days of the one before
    assert [(d - day(0)).days for d in first.days] == [26, 29, 30, 31, 33]
    heading = win.heading.text()
    assert "<b>congested</b>: " in heading and "on 5 match days in 8 days (Sat 30 Jan – Sat 6 Feb)" in heading
    assert "72 h or less apart (set roles to rotate)" in heading


def test_mid_season_the_next_match_is_proposed_first(qtbot, planned):
    """With today in the season, the dialog proposed the season's last final; the coach's
    question before a busy week is about the coming match. Before the season: the A final."""
    w = MainWindow(planned, None, autosave=False)
    qtbot.addWidget(w)
    dlg = w.whatif.new_dialog()
    assert dlg.move_comp.currentData() == "final"
    dlg.reject()
    cal = planned.calendar.model_copy(update={"today": day(15)})
    w2 = MainWindow(planned.model_copy(update={"calendar": cal}), None, autosave=False)
    qtbot.addWidget(w2)
    dlg = w2.whatif.new_dialog()
    nxt = min((c for c in planned.competitions if c.date >= day(15)), key=lambda c: c.date)
    assert dlg.move_comp.currentData() == nxt.id and nxt.date == day(19)
    dlg.reject()
    w.whatif.shutdown()
    w2.whatif.shutdown()


def test_mid_season_no_change_is_proposed_before_today(qtbot):
    """Today in the season (the demo on Mon 23 Nov): the dialog offered the next match, League
    match 16 of Sat 28 Nov, "a week earlier" on Sat 21 Nov, two days before today, where a
    competition before today is refused. Every change's default lies from today on."""
    from ui.desktop.scenariodialog import ScenarioDialog

    base = small_season()  # matches on days 5, 12, 19, ..., 47, the final on day 54
    today = day(15)
    s = base.model_copy(update={"calendar": base.calendar.model_copy(update={"today": today})})
    dlg = ScenarioDialog(s)
    qtbot.addWidget(dlg)
    assert dlg.move_comp.currentData() == "m2"  # Match 3 (day 19): the first not yet played
    assert dlg.move_date.date() == day(26)  # a week later: a week earlier is before today
    dlg.set_kind("move")
    assert dlg.add_change(), dlg.error.text()  # and the scenario takes it
    for c in s.competitions:  # each competition from today on: never a date before today
        if c.date >= today:
            dlg.move_comp.setCurrentIndex(dlg.move_comp.findData(c.id))
            assert dlg.move_date.date() >= today, c.name
    dlg.move_comp.setCurrentIndex(dlg.move_comp.findData("final"))
    assert dlg.move_date.date() == day(47)  # a week earlier where that is still to come
    for field in (dlg.add_date, dlg.add_last, dlg.flare_date, dlg.injury_date, dlg.stage_date,
                  dlg.away_from, dlg.away_to, dlg.pin_date):
        assert field.date() >= today, field.edit.accessibleName()
    # today after the season's end: the dialog did not open (IndexError); its last day now
    over = base.model_copy(update={"calendar": base.calendar.model_copy(
        update={"today": base.calendar.end + dt.timedelta(days=3)})})
    late = ScenarioDialog(over)
    qtbot.addWidget(late)
    assert late.flare_date.date() == late.away_to.date() == base.calendar.end


def test_a_scenario_overtaken_by_today_says_it_can_no_longer_apply(qtbot):
    """A scenario whose change today has passed (a match it moves, now played): re-planning it
    is refused, so the panel offers deleting it, not "Re-plan, Shift+F5"."""
    from planner.season import Scenario
    from ui.desktop.scenarios import ScenariosPanel

    move = E.MoveCompetition(competition="m2", date=day(13)).to_dict()  # Match 3, day 12
    s = season(weeks=4, athletes=2).model_copy(
        update={"scenarios": (Scenario(name="Later match", edits=(move,)),)})
    panel = ScenariosPanel()
    qtbot.addWidget(panel)
    panel.set_season(s)
    assert panel.table.item(0, 1).text() == "not planned"
    panel.set_season(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})}))
    assert panel.table.item(0, 1).text() == "can no longer apply"
    assert "Delete it (What-if ▸ Delete Scenario)" in panel.table.item(0, 1).toolTip()
    panel.select("Later match")
    text = html.unescape(panel.details.text())
    assert "Can no longer apply: edit 1 (Move competition 'Match 3'" in text
    assert "is before today" in text and "Re-plan" not in text


def test_a_scenario_whose_pins_all_lie_before_today_says_it_changes_nothing(qtbot, shown_window,
                                                                            dialogs):
    """Review 278 F4: a rest Friday pinned in a scenario, then today moved past it: the panel
    said only "out of date", and Re-plan searched for half a minute to change 0 days. The row
    says it changes nothing now and why, and Re-plan says so instead of searching."""
    from planner.season import Scenario
    from planner.text import date_long
    from ui.desktop.scenarios import ScenariosPanel

    pins = tuple(E.AddPin(pin=IntensityPin(athlete=a, date=day(11), intensity=0)).to_dict()
                 for a in ("A1", "A2"))
    s = solved(season(weeks=4, athletes=2)).model_copy(
        update={"scenarios": (Scenario(name="Rest Friday", edits=pins),)})
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    panel = ScenariosPanel()
    qtbot.addWidget(panel)
    panel.set_season(later)
    why = (f"both its changes lie before today ({date_long(day(14))}), the last on "
           f"{date_long(day(11))}, and the past keeps what happened: re-planning it would change "
           f"nothing")
    assert panel.table.item(0, 1).text() == "changes nothing now"
    assert why in panel.table.item(0, 1).toolTip()
    panel.select("Rest Friday")
    assert why in html.unescape(panel.details.text())
    w = shown_window(later, (1300, 800))
    assert not w.whatif.replan("Rest Friday")
    assert not w.whatif.job.is_running()
    assert dialogs[-1][0] == "inform" and why in dialogs[-1][2], list(dialogs)


def test_the_comparison_window_says_the_load_a_match_added_on_a_match_day_brings(qtbot):
    """A competition added on the day of another changes no day's level: the window's heading
    read "0 athlete-days changed" and nothing else, while the command line said the load it adds
    and the day's other match."""
    import html

    from planner.scenarios import compare
    from planner.season import Competition
    from tests.planner.test_several_matches import CUP
    from tests.planner.test_xlsx_export import _day, small_plan, small_season
    from ui.desktop.compare import CompareWindow

    base = small_season()
    base = base.model_copy(update={"plan": small_plan(base)})
    cup2b = Competition(id="c2b", name="Cup round 2b", date=_day(CUP), priority="B")
    more = base.model_copy(update={"competitions": base.competitions + (cup2b,)})
    win = CompareWindow()
    qtbot.addWidget(win)
    win.show_comparison("Second match", base, more.model_copy(update={"plan": base.plan}),
                        compare(base, base.plan, more, base.plan), [])
    heading = html.unescape(win.heading.text())
    # with its figures, as the command line says them
    assert ("Intensity or stage changed on 0 athlete-days; planned load changed on 3 athlete-days, "
            "all at the same intensity and stage (the session's minutes or RPE follow the week's "
            "kind and the match days): Wed 13 Jan +2,280 AU (3 athletes);") in heading, heading
    assert "'Cup round 2b' is on Wed 13 Jan with 'Cup round 2', a match day already" in heading


def test_the_comparison_window_names_a_match_the_scenario_adds_in_a_taper(qtbot):
    """A Wednesday friendly added in the taper before the final: the heading named the congestion
    a scenario adds, and the taper it makes heavier only after adopting it."""
    import html

    from planner.scenarios import compare
    from tests.planner.test_congestion import friendly_in_the_taper
    from ui.desktop.compare import CompareWindow

    base, more = friendly_in_the_taper()
    win = CompareWindow()
    qtbot.addWidget(win)
    win.show_comparison("Friendly", base, more, compare(base, base.plan, more, more.plan), [])
    heading = html.unescape(win.heading.text())
    assert ("in a taper</b>: Friendly (C, Wed 20 Jan) lies in the taper before Final (A, Sat 30 "
            "Jan): its 3 starters play it in full (set roles to keep the taper)") in heading, heading


def test_the_comparison_window_names_a_taper_an_a_match_stretches_with_its_own_way_out(qtbot):
    """A tournament's last match made A in a scenario stretches the taper to three weeks: the
    heading said it with "(set roles to keep the taper)", no way out for it; its own words say
    the ways (make it B, or one competition over several days)."""
    import html

    from planner.scenarios import compare
    from solver import SolveRequest, solve
    from tests.planner.test_congestion import tournament_over_a_weeks_end

    more = tournament_over_a_weeks_end()
    base = more.model_copy(update={"competitions": tuple(
        c.model_copy(update={"priority": "B"}) if c.name == "Tournament M4" else c
        for c in more.competitions)})
    base = base.model_copy(update={"plan": solve(SolveRequest(base, time_limit=20)).plan})
    more = more.model_copy(update={"plan": solve(SolveRequest(more, time_limit=20)).plan})
    from ui.desktop.compare import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    win.show_comparison("M4 as A", base, more, compare(base, base.plan, more, more.plan), [])
    heading = html.unescape(win.heading.text())
    assert "in a taper</b>: Tournament M1 and Tournament M2 (A, " in heading, heading
    assert "make Tournament M4 B" in heading and "set roles to keep the taper" not in heading, heading


def test_out_of_one_match_of_a_tournament_day_is_worded_as_such_where_a_role_is_chosen(qtbot):
    """Out of the second match of a day the player plays the first of: the board's menu and the
    what-if dialog said "Out of the squad (trains; compensation session after)", and he neither
    trains nor has a compensation session that day."""
    from tests.planner.test_several_matches import CUP, tournament
    from tests.planner.test_xlsx_export import _day
    from ui.desktop.boardmenu import ROLE_MENU, cell_menu
    from ui.desktop.scenariodialog import ScenarioDialog

    s = tournament()  # A1 starts Cup round 2 and is out of Cup round 2b; A4 plays both

    def outs(athlete):
        menu = cell_menu(s, athlete, _day(CUP))
        subs = {a.text().replace("&", ""): a.menu() for a in menu.actions() if a.menu() is not None}
        return [a.text() for k in ("Role for 'Cup round 2'", "Role for 'Cup round 2b'")
                for a in subs[k].actions() if a.data().role == "out"]

    assert outs("A4") == ["Out of this match (plays 'Cup round 2b' that day)",
                          "Out of this match (plays 'Cup round 2' that day)"]
    # A1 is out of the second match already: out of the first is out of the squad that day
    assert outs("A1") == [ROLE_MENU["out"], "Out of this match (plays 'Cup round 2' that day)"]
    dlg = ScenarioDialog(s)
    qtbot.addWidget(dlg)
    dlg.set_kind("role")
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A4"))
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("c2b"))
    out = dlg.role.itemText(dlg.role.findData("out"))
    assert out == "Out of this match (plays 'Cup round 2' that day)"
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("l3"))  # a match alone on its day
    assert dlg.role.itemText(dlg.role.findData("out")) == ROLE_MENU["out"]


def test_the_comparison_closes_on_escape_and_its_heading_leaves_the_boards_room(qtbot):
    """At 1024 x 600 the heading and the stale notice took a quarter of the window (each board
    showed two athletes) and Escape did nothing: the coach closed it with Alt+F4. The heading
    now scrolls in a strip of a sixth of the window at most, and Escape closes the window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from planner.scenarios import compare
    from tests.planner.test_returns import make, plan
    from ui.desktop.compare import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    s = make(target="m0").model_copy(update={"plan": plan()})
    win.show_comparison("Final a week earlier", s, s, compare(s, s.plan, s, s.plan), [])
    win.set_stale("Scenario 'Final a week earlier' was planned before the session log changed, "
                  "so its plan does not take that change into account; re-plan it to see it "
                  "against the season as it is now (What-if ▸ Re-plan Scenario, Shift+F5). " * 3)
    win.resize(1000, 560)
    win.show()
    qtbot.waitExposed(win)
    for _ in range(3):
        QApplication.processEvents()
    strip = win.top
    assert win.stale.isVisibleTo(win)
    assert strip.height() <= 0.2 * win.height()
    assert strip.verticalScrollBar().maximum() > 0  # the rest is scrolled to, not cut
    assert win.board_b.height() >= 0.25 * win.height()
    win.activateWindow()
    qtbot.waitActive(win)
    qtbot.keyClick(win.table, Qt.Key.Key_Escape)
    assert not win.isVisible()


def test_enter_in_a_change_adds_it_and_alt_a_adds_it_without_typing_an_a(qtbot, window, dialogs):
    """Enter in the change's date fired Create scenario ("Add at least one change…"), Enter on
    the focused Add button did nothing, and Alt+A typed an "a" into the date field. (An
    editor open behind the dialog keeps its own "&Add" to itself.)"""
    from PySide6.QtTest import QTest

    window.show_dock("squad")
    dlg = window.whatif.new_dialog()
    qtbot.waitUntil(dlg.isVisible)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.set_kind("move")
    line = dlg.move_date.edit.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dlg.isVisible() and len(dlg.changes) == 1, dlg.error.text()
    assert not dlg.ok_error.isVisible() and window.season.scenarios == ()
    dlg.set_kind("flare")
    line = dlg.flare_date.edit.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    typed = line.text()
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(dlg.changes) == 2, timeout=2000)  # (a mnemonic's animated click)
    assert line.text() == typed and dlg.flare_date.edit.is_valid()
    from tests.ui.reach import button_letters

    assert button_letters(dlg)["Create scenario"] == "c"  # Alt+C, as Move Today's buttons
    dlg.list.setCurrentRow(1)
    dlg.remove_button.setFocus()
    qtbot.waitUntil(dlg.remove_button.hasFocus)
    qtbot.keyClick(dlg.remove_button, Qt.Key.Key_Return)  # Enter presses the focused button
    assert len(dlg.changes) == 1 and dlg.isVisible()
    dlg.name.setFocus()
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)  # outside the change: Create scenario
    qtbot.waitUntil(lambda: len(window.season.scenarios) == 1, timeout=5000)
    window.whatif.cancel()


def test_escape_with_a_draft_asks_before_discarding_it(qtbot, window, dialogs):
    """A name typed and a change added were gone with one Escape, unasked."""
    dlg = window.whatif.new_dialog()
    qtbot.waitUntil(dlg.isVisible)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    qtbot.keyClicks(dlg.name, "Test esc")
    dlg.set_kind("move")
    assert dlg.add_change(), dlg.error.text()
    dialogs.answer = "keepediting"
    qtbot.keyClick(dlg.name, Qt.Key.Key_Escape)
    assert dlg.isVisible() and dlg.name.text() == "Test esc" and len(dlg.changes) == 1
    assert [(c[0], c[1]) for c in dialogs] == [("choose", "Discard this scenario?")]
    assert "“Test esc” (1 change added)" in dialogs[0][2]
    dialogs.answer = "discard"
    qtbot.keyClick(dlg.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert window.season.scenarios == ()
    empty = window.whatif.new_dialog()  # nothing typed: Escape closes it unasked
    qtbot.waitUntil(empty.isVisible)
    empty.activateWindow()
    qtbot.waitUntil(empty.isActiveWindow)
    qtbot.keyClick(empty.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not empty.isVisible())
    assert len(dialogs) == 2


def test_the_flare_up_change_says_what_it_does_to_a_player_back_to_full_training(qtbot):
    """"From that day the rehab goes back a stage" was all the form said, also for a player back
    to full training, who goes back to the last stage of their injury's protocol (rules-spec
    section 6)."""
    from ui.desktop.scenariodialog import ScenarioDialog

    dlg = ScenarioDialog(small_season())
    qtbot.addWidget(dlg)
    dlg.set_kind("flare")
    words = dlg.flare_words.text()
    assert "goes back a stage (two when another flare-up came in the week before)" in words
    assert "back to full training goes back to the last stage of their injury's protocol" in words


def test_a_scenario_on_a_plan_out_of_date_says_the_comparison_counts_the_re_plan(qtbot, window):
    """A flare-up recorded and not re-planned: the plan breaks hard rules of the season as it is
    now, and a scenario's re-plan makes that re-plan too. The comparison credited it to the
    scenario (a priority change "made" the athlete miss a target) with no word that the plan was
    out of date; the form and the comparison now say so, and how to re-plan first."""
    from ui.desktop.panels import broken

    w = window
    dlg = w.whatif.new_dialog()  # the plan keeps every rule: nothing to say
    assert not dlg.stale.isVisibleTo(dlg)
    dlg.reject()
    assert w.apply_edit(E.RecordFlareUp(athlete="A1", date=day(3)))
    n = len(broken(w.check_report))
    assert n > 0
    said = (f"The current plan is not re-planned since the season changed (Plan Check: {n} "
            f"violation{'s' if n > 1 else ''}): the comparison counts the re-plan too. Solve "
            f"again (F5) first to see the scenario's changes alone.")

    def fill(dlg):
        assert dlg.stale.isVisibleTo(dlg) and said in dlg.stale.text(), dlg.stale.text()
        dlg.priority_comp.setCurrentIndex(2)  # a C match
        assert dlg.priority.findData("A") >= 0
        dlg.priority.setCurrentIndex(dlg.priority.findData("A"))

    ask(qtbot, w, "A match made an A", ("priority", fill))
    win = w.whatif.compare_window
    assert said in win.totals.toPlainText(), win.totals.toPlainText()


def test_a_scenario_on_a_plan_made_without_the_days_logged_since_says_so(qtbot):
    """Athlete 2's past match logged after the plan was made: the scenario's re-plan read it,
    the current plan did not, and the comparison listed his past day among the scenario's
    changes with no word why. The form and the comparison now say it, and how to re-plan first."""
    from planner.season import Session

    s = small_season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    w = MainWindow(s, None, autosave=False)
    qtbot.addWidget(w)
    w.show()
    try:
        dlg = w.whatif.new_dialog()
        assert not dlg.stale.isVisibleTo(dlg)  # the plan was made with the log as it is
        dlg.reject()
        assert w.weekly._log_edit(E.LogSessions(sessions=(
            Session(athlete="A2", date=day(12), minutes=95, rpe=8, minutes_played=60),),
            replace=(("A2", day(12)),)))
        assert logged_since(w.season) == [("A2", day(12))]
        said = ("The plan was made without 1 athlete-day logged since: the comparison counts the "
                "re-plan too. Re-plan from today (Ctrl+R) first to see this change alone.")

        def fill(dlg):
            assert dlg.stale.isVisibleTo(dlg) and said in dlg.stale.text(), dlg.stale.text()
            dlg.priority_comp.setCurrentIndex(2)  # a C match
            dlg.priority.setCurrentIndex(dlg.priority.findData("A"))

        ask(qtbot, w, "A match made an A", ("priority", fill))
        win = w.whatif.compare_window
        assert said in win.totals.toPlainText(), win.totals.toPlainText()
    finally:
        w.whatif.shutdown()
        w.weekly.shutdown()


def _saved_with_a_day_logged_since(tmp_path):
    """A small season at day 14, solved, then A2's day 12 logged (a match played): its plan was
    made without that day. Saved; its path."""
    from planner.season import Session
    from planner.seasonfile import save_season

    s = small_season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})})
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    s = E.LogSessions(sessions=(Session(athlete="A2", date=day(12), minutes=95, rpe=8,
                                        minutes_played=60),), replace=(("A2", day(12)),)).apply(s)
    path = tmp_path / "s.season.json"
    save_season(s, path)
    return path


def test_the_days_logged_since_the_plan_was_made_are_said_after_the_season_is_opened_again(
        qtbot, tmp_path):
    """A day logged, the season saved and opened again the next day: the plan was still the one
    made without it, but the app took the log as it found it for the plan's, so What-if said
    nothing and the comparison credited the pending re-plan to the scenario. The plan records
    the log it was made with, so the form says it after reopening, as the status bar does."""
    from planner.season import Session
    from planner.seasonfile import load_season

    path = _saved_with_a_day_logged_since(tmp_path)
    w = MainWindow(load_season(path), str(path), autosave=False)
    qtbot.addWidget(w)
    w.show()
    try:
        assert logged_since(w.season) == [("A2", day(12))]
        dlg = w.whatif.new_dialog()
        said = "The plan was made without 1 athlete-day logged since: the comparison counts"
        assert dlg.stale.isVisibleTo(dlg) and said in dlg.stale.text(), dlg.stale.text()
        dlg.reject()
        assert w.weekly._log_edit(E.LogSessions(sessions=(
            Session(athlete="A3", date=day(13), minutes=40, rpe=3),), replace=(("A3", day(13)),)))
        assert "The plan was made without 2 athlete-days logged since" in \
            w.statusBar().currentMessage(), w.statusBar().currentMessage()
    finally:
        w.whatif.shutdown()
        w.weekly.shutdown()


def test_the_form_re_plans_first_and_opening_the_season_names_the_days_logged_since(
        qtbot, tmp_path, dialogs):
    """The form said "Re-plan from Today (Ctrl+R) first", but Ctrl+R did nothing in it: the coach
    had to Cancel and find the action. It has Re-plan First (and Ctrl+R) now, which re-plans and
    opens the form again with the name and changes typed in it (it closed, and they were gone).
    Opening a season whose plan was made without days logged since said only the plan's status;
    it names them now, as after a Log entry."""
    from PySide6.QtGui import QKeySequence

    from tests.ui.test_app import tiny_season

    path = _saved_with_a_day_logged_since(tmp_path)
    w = MainWindow(tiny_season(), None, autosave=False)
    qtbot.addWidget(w)
    w.show()
    try:
        assert w.open_path(path)
        said = w.statusBar().currentMessage()
        assert said.startswith("Opened s.season.json. The plan was made without 1 athlete-day "
                               f"logged since ({w.season.athlete_label('A2')} "), said
        assert "Plan ▸ Re-plan from Today (Ctrl+R) plans with them. " in said
        dlg = w.whatif.new_dialog()
        assert dlg.first_button.isVisibleTo(dlg) and dlg.first_button.text() == "&Re-plan First"
        assert dlg._first_keys.key() == QKeySequence("Ctrl+R")  # the keys the warning names
        dlg.name.setText("Steer spikes")
        dlg.set_kind("rule")
        dlg.rule.setCurrentIndex(dlg.rule.findData("LD-1"))
        dlg.param.setCurrentIndex(dlg.param.findData("weight"))
        dlg.value.setValue(20)
        assert dlg.add_change(), dlg.error.text()
        typed = dlg.change_texts()
        dlg.first_button.click()  # the draft is kept: nothing asked
        assert dialogs.kinds() == [] and not dlg.isVisible()
        qtbot.waitUntil(lambda: not logged_since(w.season), timeout=60000)
        qtbot.waitUntil(lambda: w.whatif.dialog is not dlg and w.whatif.dialog.isVisible(), timeout=60000)
        again = w.whatif.dialog  # made with the log now: no warning, no button; the draft in it
        assert not again.stale.isVisibleTo(again) and not again.first_button.isVisibleTo(again)
        assert again.name.text() == "Steer spikes" and again.change_texts() == typed
        assert again.kind_key() == "rule" and not again.error.isVisibleTo(again)
        assert not w.season.scenarios  # nothing made yet: the coach creates it
        dialogs.answer = "discard"
        again.reject()
        assert not again.isVisible()
    finally:
        w.whatif.shutdown()
        w.weekly.shutdown()


def test_a_draft_opened_again_leaves_out_a_change_the_season_no_longer_takes(qtbot, window):
    """After Re-plan First the form comes back with its changes, each added again to the season
    as it is now: one it refuses is left out, said with its words and the reason."""
    w = window
    keep = E.RemoveCompetition(competition="final")
    gone = E.RemoveCompetition(competition="no-such-match")
    dlg = w.whatif.new_dialog(("Two changes", "remove", [(keep, "Remove 'Cup final'"),
                                                         (gone, "Remove 'Old match'")]))
    assert dlg.name.text() == "Two changes" and dlg.changes == [keep]
    said = dlg.error.text()
    assert dlg.error.isVisibleTo(dlg) and said.startswith("Not added again after the re-plan: "
                                                          "Remove 'Old match' ("), said
    assert said.endswith("Change it above and press Add this change, or create the scenario without it.")
    dlg.done(0)


def test_re_plan_first_that_starts_nothing_opens_the_form_again_at_once(qtbot, window):
    """Re-plan First whose action plans nothing (a plan in the making already): the form is
    opened again at once with its draft, never lost waiting for a plan."""
    from PySide6.QtGui import QAction

    w = window
    dlg = w.whatif.new_dialog()
    dlg.name.setText("Kept")
    idle = QAction("Re-plan from Today", w)  # triggers nothing
    dlg.set_stale("The plan is out of date.", idle)
    dlg.first_button.click()
    again = w.whatif.dialog
    assert again is not dlg and again.isVisible() and again.name.text() == "Kept"
    again.done(0)


def test_the_role_form_says_a_player_in_rehab_on_the_match_day_does_not_play(qtbot, window):
    """Athlete 1 is in rehab (P3 of an iliopsoas tendinopathy) on the first match day: the form
    read "now: on the bench", and a coach took him for one of the squad. A refusal for another
    athlete also stayed under the form after the athlete, the match or the role changed."""
    w = window
    ap = w.season.plan.for_athlete("A1")
    m = next(c for c in w.season.competitions if c.date > w.season.calendar.start
             and ap.stages[(c.date - w.season.calendar.start).days] not in ("FIT",))
    stage = ap.stages[(m.date - w.season.calendar.start).days]
    w.apply_edit(E.SetRole(competition=m.id, athlete="A1", role="bench"))
    fit = next(a.id for a in w.season.athletes
               if w.season.plan.for_athlete(a.id).stages[(m.date - w.season.calendar.start).days] == "FIT")
    dlg = w.whatif.new_dialog()
    dlg.set_kind("role")
    dlg.role_comp.setCurrentIndex(dlg.role_comp.findData(m.id))
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A1"))
    assert dlg.role_now.text() == f"now: on the bench, but in {stage} that day: does not play"
    dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData(fit))  # fit: the role alone
    assert dlg.role_now.text().startswith("now: ") and "does not play" not in dlg.role_now.text()
    role = w.season.role_of(fit, m.id)
    for change in ("athlete", "match", "role"):
        dlg.role_comp.setCurrentIndex(dlg.role_comp.findData(m.id))
        dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData(fit))
        dlg.role.setCurrentIndex(dlg.role.findData(role))  # the role he has: refused
        assert not dlg.add_change() and dlg.error.isVisibleTo(dlg) and dlg.error.text()
        if change == "athlete":
            dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData("A1"))
        elif change == "match":
            dlg.role_comp.setCurrentIndex((dlg.role_comp.currentIndex() + 1) % dlg.role_comp.count())
        else:
            dlg.role.setCurrentIndex(dlg.role.findData("out" if role != "out" else "start"))
        assert not dlg.error.isVisibleTo(dlg) and dlg.error.text() == "", (change, dlg.error.text())
    dlg.reject()


def test_a_role_only_scenario_says_the_points_of_the_days_its_re_plan_changed(qtbot, window):
    """Two players out of the final read "objective 2,903 → 2,907" with no row that accounted for
    the 4 (the command line said "(… of it for the days changed from the plan it re-plans)"); the
    Days cell read "1" over "roles changed on 1 day", into the next column; an unchanged soft-rule
    count read "1 → 1"."""
    from planner.check import check_plan
    from planner.rules import RULES

    w = window

    def out(aid):
        def fill(dlg):
            dlg.role_comp.setCurrentIndex(dlg.role_comp.findData("final"))
            dlg.role_athlete.setCurrentIndex(dlg.role_athlete.findData(aid))
            dlg.role.setCurrentIndex(dlg.role.findData("out"))
        return fill

    ask(qtbot, w, "Two out", ("role", out("A5")), ("role", out("A8")))
    win = w.whatif.compare_window
    sc = w.season.scenarios[0]
    after = scenario_season(w.season, sc)
    # counted here by the plan checker against the plan it re-planned
    stab = check_plan(after, sc.plan, reference=w.season.plan).penalties()["STAB"]
    assert stab > 0 and win.comparison.stab("b") == stab
    said = f"({stab} of it for the days changed from the plan it re-plans)"
    assert said in win.comparison.text()  # the command line's words
    heading = html.unescape(win.heading.text())
    assert f"penalty points {said}; hard-rule violations" in heading, heading
    totals = win.totals.toPlainText().split("\n")
    row = totals.index(f"of it: STAB {RULES['STAB'].title} ")
    assert totals[row + 1:row + 3] == ["0", str(stab)], totals
    cells = {}
    for i in range(win.table.topLevelItemCount()):
        item = win.table.topLevelItem(i)
        cells[item.data(0, Qt.ItemDataRole.UserRole)] = item
    a5 = next(a for a in win.comparison.athletes if a.athlete == "A5")
    assert cells["A5"].text(5) == f"{a5.changed_days} · roles 1" and "\n" not in cells["A5"].text(5)
    assert "out of the squad for 'Cup final'" in cells["A5"].toolTip(5)
    for a in win.comparison.athletes:  # a count the scenario keeps reads as one number
        soft_a, soft_b = sum(a.soft_a.values()), sum(a.soft_b.values())
        if soft_a == soft_b:
            assert cells[a.athlete].text(6) == (str(soft_a) if soft_a else "–")
        else:
            assert cells[a.athlete].text(6) == f"{soft_a} → {soft_b}"
    assert any(sum(a.soft_a.values()) == sum(a.soft_b.values()) > 0 for a in win.comparison.athletes)
    # compared again later (no re-plan to tell): the same points, counted by the checker
    w.whatif.compare(sc.name)
    assert w.whatif.compare_window.comparison.stab("b") == stab


def test_the_comparison_table_says_the_days_a_role_changed_on():
    """A player rested for one match of a tournament day (the same intensity) read "–" in the
    Days column, like every unchanged athlete: the row says the days his roles changed."""
    from planner.scenarios import AthleteDiff
    from ui.desktop.compare import CompareWindow

    a = AthleteDiff("A2", "Sam Bell (A02)", None, None, 7, 7, [], 0, {}, {},
                    roles=("Sat 10 Apr out of the squad for 'Pool v Hawks' (-760 AU)",
                           "Sun 11 Apr on the bench for 'Quarter-final' (-550 AU)"), load_days=2)
    assert a.changed
    assert CompareWindow._cells(a, None)[5] == "roles 2"


def test_the_new_scenario_form_opens_with_the_keyboard_in_its_name(qtbot, window):
    """It opened with the keyboard on Create scenario: the coach had to Tab twice to type a
    name."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dlg = window.whatif.new_dialog()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert QApplication.focusWidget() is dlg.name
    qtbot.keyClicks(QApplication.focusWidget(), "Final earlier")
    assert dlg.name.text() == "Final earlier"
    dlg.reject()


def _hand_planned(weeks: int, today: int) -> Season:
    """A season of ``weeks`` weeks, today on day ``today``, with a plan made by hand: three fit
    athletes at 70 % every day, every week a load week (no solve: the comparison alone)."""
    s = season(weeks=weeks, athletes=3, today=day(today))
    n = weeks * 7
    plan = Plan(status="manual", team_weeks=("load",) * weeks, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * n, intensity=(70,) * n, weeks=("load",) * weeks)
        for a in s.athletes))
    return s.model_copy(update={"plan": plan})


def _with_weeks(s: Season, team: dict[int, str], own: dict[tuple[str, int], str] = {}) -> Season:  # noqa: B006
    """``s`` with its plan's team weeks ``team`` (week -> kind) of another kind, every athlete's
    with them, and the athlete-weeks ``own`` besides; days and intensities the same."""
    def kinds(old: tuple[str, ...], aid: str | None) -> tuple[str, ...]:
        return tuple(own.get((aid, w), team.get(w, k)) for w, k in enumerate(old))

    plan = s.plan.model_copy(update={
        "team_weeks": kinds(s.plan.team_weeks, None),
        "athletes": tuple(a.model_copy(update={"weeks": kinds(a.weeks, a.athlete)})
                          for a in s.plan.athletes)})
    return s.model_copy(update={"plan": plan})


def _shown_window(qtbot):
    from ui.desktop.compare import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    win.resize(1300, 700)
    win.show()  # as the app does: the boards have their size before the comparison fills them
    qtbot.waitExposed(win)
    return win


def _changed_colour_in(board, rect) -> bool:
    """Whether the board's viewport paints the theme's "changed" colour inside ``rect``."""
    image = board.viewport().grab().toImage()
    want = board.theme().changed.rgb()
    return any(image.pixel(x, y) == want for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def test_a_comparison_of_week_kinds_alone_opens_at_today_and_outlines_the_weeks(qtbot):
    """Cup round 3 made an A: the scenario moved two team weeks (load -> taper, deload -> load)
    and no day's intensity or stage. The comparison opened on the season's first week, five
    weeks before today, said "outlined: 0 changed athlete-days", and nothing on screen differed.
    It opens at today's week, and outlines the team weeks of another kind (and an athlete's own
    week moved apart from the team's) as it outlines changed days."""
    from planner.scenarios import compare
    from ui.desktop.boardgeom import KIND_H, Y_KIND

    base = _hand_planned(weeks=16, today=38)  # a Thursday in week 6
    after = _with_weeks(base, {5: "taper", 6: "deload"}, {("A2", 9): "deload"})
    win = _shown_window(qtbot)
    win.show_comparison("Week kinds", base, after, compare(base, base.plan, after, after.plan), [])
    for board in (win.board_a, win.board_b):
        assert board._visible()[0] == 35  # the first day of today's week (week 6), not day 0
    assert win.label_b.text().endswith("</span>: 0 changed athlete-days, 2 team weeks of another kind")
    b = win.board_b
    assert b.changed_week(None, 5) == "load → taper" and b.changed_week(None, 6) == "load → deload"
    assert not b.changed_week(None, 9) and b.changed_week("A2", 9) == "load → deload"
    assert not b.changed_week("A1", 5)  # the team's move is said once, on the team week row
    # painted: the team week row of week 6 on the scenario's board, not on the baseline's
    x = b.cell_rect("A1", day(35)).left()
    header = QRect(x, Y_KIND, 7 * 14, KIND_H)
    assert _changed_colour_in(b, header) and not _changed_colour_in(win.board_a, header)
    assert "Team week changed in the scenario: load → taper" in b._week_text(5)
    # and A2's own week 10 across his row, said in its cells' tooltips
    cell = b.cell_rect("A2", day(64))
    assert _changed_colour_in(b, QRect(b.cell_rect("A2", day(63)).left(), cell.top(), 7 * 14, cell.height()))
    r = b.athlete_order().index("A2")
    assert "Own week kind changed in the scenario: load → deload" in b._cell_tooltip(r, 64)


def test_a_comparison_opens_at_its_first_change_when_that_is_after_today(qtbot):
    from planner.scenarios import compare

    base = _hand_planned(weeks=16, today=3)
    after = _with_weeks(base, {8: "deload"})  # week 9, from day 56
    win = _shown_window(qtbot)
    win.show_comparison("Later", base, after, compare(base, base.plan, after, after.plan), [])
    assert win.opening_day() == day(56)
    assert win.board_a._visible()[0] == win.board_b._visible()[0] == 56
    # with no change at all, at today's week
    win.show_comparison("Nothing", base, base, compare(base, base.plan, base, base.plan), [])
    assert win.opening_day() == day(0) and win.board_b._visible()[0] == 0
    assert "team week" not in win.label_b.text()


def test_the_new_priority_starts_on_the_competitions_own_and_an_unchanged_one_is_refused(qtbot, window):
    """"Change a competition's priority" offered "A — main target" for a C match, as if it were
    one. The box starts on the chosen competition's priority and follows the competition; a
    priority left as it is would make a scenario that changes nothing, and is refused, named."""
    dlg = window.whatif.new_dialog()
    dlg.set_kind("priority")
    for k in range(dlg.priority_comp.count()):
        dlg.priority_comp.setCurrentIndex(k)
        c = window.season.competition(dlg.priority_comp.currentData())
        assert dlg.priority.currentData() == c.priority, c.name
    dlg.priority_comp.setCurrentIndex(dlg.priority_comp.findData("m2"))  # Match 3, a C match
    assert dlg.priority.currentData() == "C"
    assert not dlg.add_change()
    assert dlg.error.text() == "Match 3 is priority C already: choose another New priority."
    assert dlg.change_texts() == []
    dlg.priority.setCurrentIndex(dlg.priority.findData("A"))
    assert not dlg.error.isVisibleTo(dlg)  # the refusal goes with the choice it was about
    assert dlg.add_change(), dlg.error.text()
    assert dlg.change_texts() == ["1. Match 3: priority C → A"]
    dlg.reject()


def test_the_pins_zero_names_what_the_athletes_day_gives_as_the_board_does(qtbot):
    """The what-if pin list said "0 % — recovery session" for every athlete and day, a rehab
    athlete's, an injured one's and a day without training too. Its 0 % names what the chosen
    athlete's day gives, as the board's cell menu does."""
    from planner.timeline import Timeline
    from tests.ui.test_app import hand_plan, tiny_season
    from ui.desktop.scenariodialog import ScenarioDialog

    season = tiny_season()
    season = season.model_copy(update={"plan": hand_plan(season)})
    tl = Timeline(season)
    dlg = ScenarioDialog(season)
    qtbot.addWidget(dlg)
    dlg.set_kind("pin")
    seen = set()
    for ap in season.plan.athletes:
        if ap.athlete in {u.athlete for u in season.unavailability}:
            continue
        dlg.pin_athlete.setCurrentIndex(dlg.pin_athlete.findData(ap.athlete))
        for i in range(tl.p0, tl.n):
            if tl.is_comp[i]:
                continue
            st = ap.stages[i]
            want = ("0 % — no running" if st == "INJ" or not tl.is_training[i] else
                    "0 % — recovery session, no running" if st == "FIT" else
                    "0 % — rehab session, no running")
            dlg.pin_date.set_date(tl.days[i])
            assert dlg.pin_level.itemText(dlg.pin_level.findData(0)) == want, (ap.athlete, i)
            seen.add(want)
    assert len(seen) == 3  # each of the three met


def test_a_scenario_being_replanned_reads_so_and_is_not_adopted_under_its_replan(qtbot, window):
    """While a scenario was re-planned the Scenarios list said "not planned" beside the status
    bar's "Re-planning …", and Adopt, Rename and Delete stayed enabled for it."""
    w = window
    dlg = w.whatif.new_dialog()
    dlg.name.setText("Flare in week 3")
    dlg.set_kind("flare")
    dlg.flare_date.set_date(day(20))
    assert dlg.add_change(), dlg.error.text()
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT) as done:
        dlg.buttons.accepted.emit()
        row = [w.whatif.panel.table.item(r, 0).text()
               for r in range(w.whatif.panel.table.rowCount())].index("Flare in week 3")
        assert w.whatif.panel.table.item(row, 1).text() == "re-planning…"
        w.whatif.panel.table.selectRow(row)
        assert not w.whatif.adopt_action.isEnabled() and not w.whatif.delete_action.isEnabled()
        assert w.whatif.duplicate_action.isEnabled()
    assert done.args[0].plan is not None
    assert w.whatif.panel.table.item(row, 1).text() == "planned"
    w.whatif.panel.table.selectRow(row)
    assert w.whatif.adopt_action.isEnabled()


def test_the_per_athlete_days_and_soft_rules_read_as_two_values(qtbot):
    """In the Per-athlete table the right-aligned Days ("–") ran into the left-aligned Soft
    rules ("6"): an unchanged player read "– 6". The two read apart, at least two characters'
    room between them, on every row; the numbers sit under right-aligned headers."""
    from PySide6.QtWidgets import QApplication

    from planner.scenarios import compare
    from tests.planner.test_returns import make, plan
    from ui.desktop.compare import CompareWindow

    win = CompareWindow()
    qtbot.addWidget(win)
    s = make(target="m0").model_copy(update={"plan": plan()})
    win.show_comparison("Again", s, s, compare(s, s.plan, s, s.plan), [])
    win.resize(1366, 738)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    table, header = win.table, win.table.header()
    days, soft = win.COLUMNS.index("Days"), win.COLUMNS.index("Soft rules")
    fm = table.fontMetrics()
    right = Qt.AlignmentFlag.AlignRight

    def text_span(item, c: int) -> tuple[int, int]:
        left, width = header.sectionViewportPosition(c), header.sectionSize(c)
        size = max(fm.horizontalAdvance(line) for line in item.text(c).split("\n"))
        if Qt.AlignmentFlag(item.textAlignment(c)) & right:
            return left + width - size, left + width
        if Qt.AlignmentFlag(item.textAlignment(c)) & Qt.AlignmentFlag.AlignHCenter:
            return left + (width - size) // 2, left + (width + size) // 2
        return left, left + size

    assert table.topLevelItemCount() > 0
    apart = 2 * fm.averageCharWidth()
    for r in range(table.topLevelItemCount()):
        item = table.topLevelItem(r)
        item.setText(soft, "16 → 17")  # the widest Soft rules sizes its column
        QApplication.processEvents()
        assert item.text(days) and item.text(soft)
        for c in range(len(win.COLUMNS) - 1):  # each cell's text clear of the next one's
            if item.text(c) and item.text(c + 1):
                gap = text_span(item, c + 1)[0] - text_span(item, c)[1]
                assert gap >= apart, (win.COLUMNS[c], item.text(c), item.text(c + 1))
    for c in (days, soft):
        assert Qt.AlignmentFlag(table.headerItem().textAlignment(c)) & right


def test_the_per_athlete_table_says_provisional_on_its_own_line_and_no_weeks_as_a_dash(qtbot):
    """At 1366 px a hockey coach met the Per-athlete table's Weeks behind a sideways scroll bar
    (both Back columns on one line: "2 Sep 2026 (provisional)"), and scrolled to it found it
    empty on every row. "(provisional)" takes a line of its own, and no week moved reads "–",
    as the other columns' nothing does."""
    import dataclasses

    from PySide6.QtWidgets import QApplication

    from planner.scenarios import compare
    from tests.planner.test_returns import make, plan
    from ui.desktop.compare import CompareWindow

    s = make(target="m0").model_copy(update={"plan": plan()})
    comp = compare(s, s.plan, s, s.plan)
    day = s.calendar.start + dt.timedelta(days=20)
    first = dataclasses.replace(comp.athletes[0], return_a=day, return_b=day, provisional_a=True,
                                provisional_b=True, weeks_moved=[])
    comp = dataclasses.replace(comp, athletes=[first, *comp.athletes[1:]])
    win = CompareWindow()
    qtbot.addWidget(win)
    win.show_comparison("Again", s, s, comp, [])
    win.resize(1366, 738)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    table = win.table
    rows = {table.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole): table.topLevelItem(r)
            for r in range(table.topLevelItemCount())}
    item = rows[first.athlete]
    back_a, back_b = win.COLUMNS.index("Back (baseline)"), win.COLUMNS.index("Back (scenario)")
    for c in (back_a, back_b):
        assert item.text(c).split("\n")[:2] == [first.back("a").removesuffix(" (provisional)"),
                                                "(provisional)"], item.text(c)
    weeks = win.COLUMNS.index("Weeks")
    assert all(table.topLevelItem(r).text(weeks) for r in range(table.topLevelItemCount()))
    assert item.text(weeks) == "–"
    fm = table.fontMetrics()
    assert table.header().sectionSize(back_a) < fm.horizontalAdvance(first.back("a"))


def test_the_form_refuses_a_pin_the_board_greys_in_the_boards_words(qtbot, planned):
    """Review 278 F2: the New What-if form took a pin of 95 % on a day the board's Pin
    intensity menu greys above 70 % (MD+1 after a cup), and the re-plan searched 15-20 s to "No
    plan satisfies every hard rule". The form refuses it with the menu's own words; a level the
    menu offers is taken."""
    from ui.desktop.boardmenu import PIN_MENU, cell_menu
    from ui.desktop.scenariodialog import ScenarioDialog

    athlete, when = "A1", day(2)  # Athlete 1 in P3 of an iliopsoas tendinopathy
    menu = cell_menu(planned, athlete, when)
    qtbot.addWidget(menu)
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == PIN_MENU)
    levels = [a for a in sub.actions() if a.data() is not None and not a.isSeparator()]
    greyed = [a for a in levels if not a.isEnabled()]
    offered = [a for a in levels if a.isEnabled()]
    assert greyed and offered
    header = next(a.text() for a in sub.actions() if not a.isEnabled() and a.data() is None
                  and a.text().startswith("Up to"))
    dlg = ScenarioDialog(planned)
    qtbot.addWidget(dlg)
    assert not dlg.add_change(greyed[-1].data())
    said = dlg.error.text()
    assert header.replace(" %", "\u00a0%") in said and "leaves the scenario without a plan" in said, said
    assert dlg.changes == []
    assert dlg.add_change(offered[-1].data()), dlg.error.text()


def test_the_form_refuses_a_speed_pin_on_md1_of_a_match_played_its_level_and_unit_whole(qtbot):
    """Review 281 F1 and F8(d): the form took a pin of 100 % on MD-1 of a match the athlete
    starts (its re-plan searched to no plan, HV-5); it refuses it now, naming the match and
    HV-5, and "a pin of 95 / %" no longer wraps a number from its unit. 70 % is taken."""
    from ui.desktop.scenariodialog import ScenarioDialog

    s = solved(season(weeks=2, athletes=2, matches=[5, 12]))
    dlg = ScenarioDialog(s)
    qtbot.addWidget(dlg)
    pin = IntensityPin(athlete="A1", date=day(4), intensity=95)  # Friday, MD-1 of Match 1
    assert not dlg.add_change(E.AddPin(pin=pin))
    said = dlg.error.text()
    assert said.startswith("Up to 70\u00a0% here: MD-1 before 'Match 1', which the plan has the "
                           "athlete play"), said
    assert "(HV-5)" in said and "a pin of 95\u00a0% leaves the scenario without a plan" in said
    assert " %" not in said and dlg.changes == []
    assert dlg.add_change(E.AddPin(pin=pin.model_copy(update={"intensity": 70}))), dlg.error.text()


def test_a_scenario_without_a_plan_gets_the_way_on_in_its_words(qtbot):
    """Review 278 F2: a scenario's explanation gave no "A way on" where the season's solve
    gives one. The pin is the scenario's, so the way on is to leave it out or lower it, said
    without the season's Record link; a pin of the season's own is said as a solve says it."""
    from planner.season import Injury, StageRecord
    from ui.desktop.panels import ExplanationPanel

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    base = season(weeks=4, athletes=2, injuries=(rec,))
    pin = E.AddPin(pin=IntensityPin(athlete="A1", date=day(2), intensity=90))
    after = pin.apply(base)
    out = solve(SolveRequest(after, time_limit=20))
    assert out.status == Status.INFEASIBLE and out.remedies
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.show_outcome(after, out, basis=base, scenario="Sprint Wednesday")
    text = " ".join(panel.toPlainText().split())
    assert (f"A way on: The scenario's pin of 90 % on {day_long(day(2))} for Athlete 1 (A1) "
            f"cannot hold: make the scenario again without it, or with it at 80 %") in text, text
    assert "Record it and solve again" not in panel.toHtml()
    panel.show_outcome(after, out, basis=after, scenario="Sprint Wednesday")  # the season's pin
    assert "--unpin A1" in " ".join(panel.toPlainText().split())


def test_a_scenarios_no_plan_stays_explained_when_another_scenario_is_added(qtbot):
    """Review 281 F5: adding a second scenario replaced the first one's "no plan" explanation
    and its way on with "The season changed … re-plan the scenario", though nothing it explains
    changed. It stays; a rule changed, or the scenario's own changes, withdraw it, and undo
    back to that season shows it again."""
    from planner.season import Injury, StageRecord
    from ui.desktop.panels import ExplanationPanel

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    base = season(weeks=4, athletes=2, injuries=(rec,))
    pin = E.AddPin(pin=IntensityPin(athlete="A1", date=day(2), intensity=90))
    doc = E.AddScenario(name="Sprint Wednesday", edits=(pin.to_dict(),)).apply(base)
    after = pin.apply(base)
    out = solve(SolveRequest(after, time_limit=20))
    assert out.status == Status.INFEASIBLE and out.remedies
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.show_outcome(after, out, basis=doc, scenario="Sprint Wednesday")

    def said() -> str:
        return " ".join(panel.toPlainText().split())

    way = "A way on: The scenario's pin of 90 % on"
    assert way in said()
    two = E.AddScenario(name="A day off", edits=(E.AddNonTrainingDay(
        day=NonTrainingDay(date=day(3), reason="Rest")).to_dict(),)).apply(doc)
    panel.document_changed(two)
    assert way in said() and "The season changed" not in said(), said()
    ruled = E.SetRuleValue(rule="HV-5", param="rest_days", value=2.0).apply(two)
    panel.document_changed(ruled)
    assert said().startswith("The season changed") and way not in said(), said()
    panel.document_changed(two)  # undo
    assert way in said()
    unpinned = E.SetScenarioEdits(name="Sprint Wednesday", edits=()).apply(two)
    panel.document_changed(unpinned)
    assert said().startswith("The season changed"), said()


def test_a_scenario_whose_replan_found_no_plan_says_so_and_adopt_says_it_truly(qtbot,
                                                                                shown_window,
                                                                                dialogs):
    """Review 278 F2: a scenario whose re-plan found no plan read "not planned" with no reason,
    and Adopt said it "is not planned yet", though it was known to have none. Its row says "no
    plan" with the rules in the way, Adopt says so; a reopened file, which does not keep that,
    says it may be either."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    base = solved(season(weeks=4, athletes=2, injuries=(rec,)))
    w = shown_window(base, (1300, 800))
    pin = E.AddPin(pin=IntensityPin(athlete="A1", date=day(2), intensity=90))
    w.apply_edit(E.AddScenario(name="Sprint Wednesday", edits=(pin.to_dict(),)))
    with qtbot.waitSignal(w.whatif.replan_finished, timeout=TIMEOUT):
        assert w.whatif.replan("Sprint Wednesday")
    item = w.whatif.panel.table.item(0, 1)
    assert item.text() == "no plan"
    assert ("Scenario “Sprint Wednesday” has no plan: its changes conflict with the rules ("
            in item.toolTip() and "PIN" in item.toolTip()), item.toolTip()
    assert not w.whatif.adopt("Sprint Wednesday")  # the coach says no
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Adopt without a plan?" and "not planned yet" not in text
    assert "has no plan: its changes conflict with the rules" in text, text
    # the file opened again: nothing says its re-plan found none
    w.whatif._on_replaced()
    w.whatif.panel.set_season(w.season)
    item = w.whatif.panel.table.item(0, 1)
    assert item.text() == "not planned"
    assert ("has not been re-planned since the file was opened, or its last re-plan found none"
            in item.toolTip()), item.toolTip()
