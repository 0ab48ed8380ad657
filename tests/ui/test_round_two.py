"""The app, round two (issue 14): what a coach who read only the README ran into, each kept as a
test (the typed dates are in test_dates.py, the Returns panel in test_returns.py, the layout at
1280 x 720 in test_small_screen.py, dragging in test_drag.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner import edits as E
from planner.protocols import load_protocol
from planner.season import IntensityPin, Scenario
from solver.api import Conflict, Outcome, Status
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.mainwindow import MainWindow

D = dt.date


@pytest.fixture
def w(qtbot):
    season = tiny_season()
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


# -- item 2: Squad ▸ Add keeps the typed name -----------------------------------------------------
def test_add_keeps_the_typed_name_and_the_id_can_be_typed(w, qtbot, dialogs):
    ed = w.squad_editor
    w.show_dock("squad")
    before = w.season
    ed.add_button.click()  # an empty form: nothing added ("Athlete A4" was, unsaid), said why
    assert w.season == before
    assert ed.form_error.text() == "Not added: Name is empty; type the athlete's name, then Add."
    ed.name.setText("Ann Lee")
    ed.add_button.click()
    first = w.season.athletes[-1]
    assert first.name == "Ann Lee"
    ed.select(first.id)  # typed over the selected athlete's form, then Add: a new one
    ed.name.selectAll()
    qtbot.keyClicks(ed.name, "Ben Hart")
    ed.add_button.click()
    ben = w.season.athletes[-1]
    assert ben.name == "Ben Hart" and ben.id != first.id
    assert w.season.athlete(first.id) == first  # the selected athlete is untouched
    assert not ed.athlete_id.isReadOnly()
    ed.athlete_id.setText("7")
    ed.name.setText("Sam Cole")
    ed.add_button.click()
    assert w.season.athlete("7").name == "Sam Cole"
    ed.name.setText("Sam Cole")
    ed.add_button.click()  # Sam Cole again: refused, nothing added
    assert [a.name for a in w.season.athletes].count("Sam Cole") == 1
    # said under the buttons, where Add's other refusals are (review 281: a box, with the last
    # refusal left standing in the status bar)
    said = ed.form_error.text()
    assert dialogs.kinds() == [] and said.startswith("Not added: Sam Cole (7) is in the squad "
                                                      "already")
    # a youth squad's namesakes: what to type instead, not only that the name is taken
    assert said.endswith("add what tells them apart, such as a birth year or an initial "
                         "('Sam Cole 2008'), then Add.")


# -- item 4: no explanation outlives its cause -----------------------------------------------------
class ScriptedSolve:
    """Infeasible while the season has a pin on A1, else the hand plan."""

    def __call__(self, request, on_progress=None, stop=None):
        season = request.season
        if any(p.athlete == "A1" for p in season.pins):
            conflict = Conflict(rule="PIN", athlete="A1", start="2026-03-13", end="2026-03-13",
                                text="the coach's pin of Ana Keeper at 100 % on Fri 13 Mar")
            return Outcome(Status.INFEASIBLE, None, explanation=(conflict,),
                           message="No plan satisfies every hard rule.")
        return Outcome(Status.OPTIMAL, hand_plan(season), objective=0.0, bound=0.0)


def test_the_explanation_goes_when_its_pin_is_undone_and_a_plan_is_found(qtbot):
    season = tiny_season()
    w = MainWindow(season, None, solve_fn=ScriptedSolve())
    qtbot.addWidget(w)
    w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A1", date=D(2026, 3, 13), intensity=100)))
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    assert "pin of Ana Keeper" in w.explanation.toPlainText()
    w.undo_action.trigger()  # the pin goes: what was listed no longer holds
    assert "pin of Ana Keeper" not in w.explanation.toPlainText()
    w.redo_action.trigger()  # back to the season explained: the conflict shows again
    assert "pin of Ana Keeper" in w.explanation.toPlainText()
    w.undo_action.trigger()
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    assert w.season.plan is not None
    assert "pin of Ana Keeper" not in w.explanation.toPlainText()
    assert "found a plan" in w.explanation.toPlainText()


def test_the_explanation_goes_after_adopting_a_scenario(qtbot, dialogs):
    """Adopting a scenario that changes the season withdraws the explanation of its last solve
    (one that changes nothing leaves the season, and so the explanation, as they were)."""
    from planner.season import NonTrainingDay

    season = tiny_season()
    rest = E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="rest"))
    scenario = Scenario(name="Rest Ben", edits=(rest.to_dict(),))
    w = MainWindow(season.model_copy(update={"scenarios": (scenario,)}), None,
                   solve_fn=ScriptedSolve())
    qtbot.addWidget(w)
    w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A1", date=D(2026, 3, 13), intensity=100)))
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    assert "pin of Ana Keeper" in w.explanation.toPlainText()
    dialogs.answer = "yes"
    assert w.whatif.adopt("Rest Ben")
    assert "pin of Ana Keeper" not in w.explanation.toPlainText()


def test_a_new_file_has_no_explanation_of_the_old_one(qtbot):
    w = MainWindow(tiny_season(), None, solve_fn=ScriptedSolve())
    qtbot.addWidget(w)
    w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A1", date=D(2026, 3, 13), intensity=100)))
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    w.set_document(tiny_season(), None)
    assert "Ana Keeper" not in w.explanation.toPlainText()


# -- item 8: a click on the board shows the inspector ---------------------------------------------
def test_a_click_on_the_board_brings_the_inspector_forward(w, qtbot):
    w.docks["competitions"].show()
    w.tabifyDockWidget(w.docks["inspector"], w.docks["competitions"])  # as the coach had them
    w.show_dock("competitions")
    QApplication.processEvents()
    inspector = w.docks["inspector"]
    assert inspector.visibleRegion().isEmpty()  # behind the Competitions tab
    pos = w.board.cell_rect("A2", D(2026, 3, 4)).center()
    qtbot.mouseClick(w.board.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()
    assert not inspector.visibleRegion().isEmpty()
    assert "Ben Striker" in w.inspector.toPlainText()
    w.docks["inspector"].close()  # closed by the coach: a click does not reopen it
    qtbot.mouseClick(w.board.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.docks["inspector"].isHidden()


# -- item 6: only pins that can work are offered; a new pin waits for the next solve -------------
def _levels(menu) -> dict[int, bool]:
    sub = next(a.menu() for a in menu.actions() if a.menu() and "intensity" in a.text()
               and "Pin" in a.text())
    return {int(a.text().split(" %")[0]): a.isEnabled() for a in sub.actions()
            if a.text()[:1].isdigit()}


def test_the_pin_menu_offers_only_levels_the_athlete_can_reach(w):
    from tests.ui.test_board import open_menu

    # Cara is in P2 (cap 70 %) since 16 Feb; P2 lasts at least 21 days, so P3 (80 %) is
    # possible from Mon 9 Mar.
    levels = _levels(open_menu(w, "A3", D(2026, 3, 4)))
    assert levels == {0: True, 60: True, 70: True, 80: False, 90: False, 95: False, 100: False}
    sub = next(a.menu() for a in w.cell_menu.actions() if a.menu() and "intensity" in a.text())
    assert "P2" in sub.actions()[0].text() and "70 %" in sub.actions()[0].text()
    assert _levels(open_menu(w, "A3", D(2026, 3, 10)))[80] is True
    assert _levels(open_menu(w, "A3", D(2026, 3, 10)))[90] is False
    assert _levels(open_menu(w, "A2", D(2026, 3, 9))) == {  # Ben is away: no running
        0: True, 60: False, 70: False, 80: False, 90: False, 95: False, 100: False}
    assert all(_levels(open_menu(w, "A1", D(2026, 3, 4))).values())  # fit: every level


def test_the_pin_menus_first_line_says_the_planned_stage_and_the_stage_a_higher_pin_needs(w):
    """Review 256 item 5: on a day the plan has in P3 (cap 90 %), the pin menu read "Up to 100 %
    here: still S2 (cap 100 %) until Fri 14 Aug at the earliest": S2 was only the furthest stage
    the minimum days allow, and the line ran off a 1024-pixel screen. Now it says the plan's
    stage and cap, then the stage the highest level needs and the day it can come at the
    earliest; without a plan, the furthest stage is said as that, not as "still"."""
    from tests.ui.test_board import open_menu
    from ui.desktop.rehabview import pin_header

    season = w.season
    rec = season.injury_of("A3")  # P2 since 16 Feb: P3 (80 %) from Mon 9 Mar at the earliest
    proto = load_protocol(rec.protocol)
    p3 = rec.stages[-1].start + dt.timedelta(days=proto.stage("P2").min_days)
    assert season.plan.for_athlete("A3").stages[0] == "P2"  # the hand plan: P2 every day
    head = (f"P2 here (cap {proto.cap('P2')} %); {proto.cap('P3')} % needs P3, not before "
            f"{p3:%a} {p3.day} {p3:%b}")
    assert pin_header(season, "A3", D(2026, 3, 10)) == head
    open_menu(w, "A3", D(2026, 3, 10))
    sub = next(a.menu() for a in w.cell_menu.actions() if a.menu() and "intensity" in a.text())
    assert sub.actions()[0].text() == head and len(head) <= 64
    bare = season.model_copy(update={"plan": None})
    assert pin_header(bare, "A3", D(2026, 3, 10)) == (
        f"Up to {proto.cap('P3')} % here: P3 at the furthest by then (cap {proto.cap('P3')} %)")
    # the stage the records hold: "still", as before
    assert pin_header(season, "A3", D(2026, 3, 4)).startswith("Up to 70 % here: still P2 (cap 70 %)")


def test_the_pin_menu_holds_a_stage_that_a_failed_criteria_test_holds():
    from planner.season import CriteriaTest
    from ui.desktop.rehabview import pin_limit

    s = E.SetRuleValue(rule="RH-CRIT", param="retest_days", value=10).apply(tiny_season())
    rec = s.injury_of("A3")  # P2 since 16 Feb, 21 days at least: P3 possible from 9 Mar
    failed = CriteriaTest(date=D(2026, 3, 2), name="Hip-flexor strength LSI", value=72, unit="%")
    held = E.SetInjury(injury=rec.model_copy(update={"tests": (failed,)})).apply(s)
    assert pin_limit(s, "A3", D(2026, 3, 10))[0] == 80
    level, why = pin_limit(held, "A3", D(2026, 3, 10))  # the retest is 10 days after 2 Mar
    assert level == 70 and "until Thu 12 Mar" in why and "failed criteria test" in why, why
    assert pin_limit(held, "A3", D(2026, 3, 12))[0] == 80


def test_a_pin_of_what_the_plan_has_already_says_so_not_solve_again(w):
    """Pinning the level the plan already had said "Solve again (F5) to plan it": a useless
    solve. A week pin of the team's planned kind said the same."""
    from planner.season import WeekPin

    day = D(2026, 3, 4)
    i = (day - w.season.calendar.start).days
    level = w.season.plan.for_athlete("A1").intensity[i]
    assert w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A1", date=day, intensity=level)))
    said = w.statusBar().currentMessage()
    assert said.endswith("Already planned so: kept by every solve."), said
    assert "to plan it" not in said
    assert not w.board._waiting_pins
    kind = w.season.plan.team_weeks[0]
    assert w.apply_edit(E.AddPin(pin=WeekPin(week=w.season.calendar.start, week_kind=kind)))
    assert w.statusBar().currentMessage().endswith("Already planned so: kept by every solve.")
    other = next(k for k in ("load", "deload") if k != kind)  # one the plan has not: a solve
    assert w.apply_edit(E.AddPin(pin=WeekPin(week=w.season.calendar.start, week_kind=other)))
    assert "Solve again (F5) to plan it." in w.statusBar().currentMessage()


def test_a_new_pin_waits_for_the_next_solve_instead_of_breaking_a_rule(w):
    before = w.docks["check"].windowTitle()
    day = D(2026, 3, 4)
    assert w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A1", date=day, intensity=95)))
    assert "Solve again (F5) to plan it" in w.statusBar().currentMessage()
    summary = w.violations_panel.summary.text()
    assert "1 pin not in the plan yet" in summary
    assert w.docks["check"].windowTitle() == before  # not counted as a broken rule
    assert ("A1", (day - w.season.calendar.start).days) in w.board._waiting_pins
    tip = w.board.tooltip_at(w.board.cell_rect("A1", day).center())
    assert "Not in the plan yet" in tip and "⚠ PIN" not in tip
    w.board.set_current("A1", day)
    assert "Pinned, not in the plan yet" in w.inspector.toPlainText()
    broken_here = w.inspector.toPlainText().split("Rules broken here")[-1].split("Pinned")[0]
    assert "PIN" not in broken_here


# -- item 7: an export says where it went and opens it ----------------------------------------------
def test_an_export_says_where_it_went_and_opens_it(w, tmp_path, dialogs, export_now):
    target = tmp_path / "out" / "test-united.xlsx"
    target.parent.mkdir()
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    assert export_now(w, target, "xlsx")
    assert target.exists()
    assert w.notice.isVisible()
    assert "test-united.xlsx" in w.notice.text() and str(target.parent) in w.notice.text()
    w.notice.open_button.click()
    w.notice.folder_button.click()
    assert dialogs[-2:] == [("shown", "", str(target)), ("shown", "", str(target.parent))]
    assert str(target) in w.statusBar().currentMessage()


def test_calendars_go_into_a_new_folder(calendars_now, w, tmp_path, dialogs):

    folder = tmp_path / "not" / "there" / "yet"
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    assert calendars_now(w, folder)
    assert len(list(folder.glob("*.ics"))) == len(w.season.athletes) + 1  # and Team.ics
    assert w.notice.isVisible() and "4 calendar files (one per athlete, and Team.ics for the staff)" \
        in w.notice.text()
    w.notice.folder_button.click()
    assert dialogs[-1] == ("shown", "", str(folder))
    assert not [d for d in dialogs if d[0] in ("error", "warn")]


def test_an_export_never_replaces_the_season_file(qtbot, tmp_path, dialogs):
    from planner.seasonfile import save_season
    from ui.desktop import fileio

    season = tiny_season()
    path = tmp_path / "tiny.season.json"
    save_season(season, path)
    before = path.read_bytes()
    win = MainWindow(season, path)
    qtbot.addWidget(win)
    assert not fileio.export_to(win, path, "pdf")
    assert path.read_bytes() == before
    assert dialogs.kinds() == ["error"] and "season file itself" in dialogs[0][2]


# -- item 9: the smaller things ------------------------------------------------------------------
def _pixel(board, x: int, y: int):
    from PySide6.QtGui import QColor

    return QColor(board.viewport().grab().toImage().pixel(x, y))


def test_the_unsolved_board_shows_the_recorded_stages(qtbot):
    w = MainWindow(tiny_season(), None)  # no plan
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    board = w.board
    cara = board._rows[board.athlete_order().index("A3")]
    # P2 since 16 Feb; P2 lasts at least 21 days: P2 is certain to Sun 8 Mar, then the plan decides
    assert cara.runs[0] == (0, 6, "P2")
    rect = board.cell_rect("A3", D(2026, 3, 4))
    assert _pixel(board, rect.left() + 3, rect.top() + 4) == board.theme().stages["P2"]
    assert "P2 concentric and eccentric loading (from the injury record)" in board.tooltip_at(rect.center())


def test_week_zoom_fits_the_whole_season_in_the_board(qtbot):
    w = MainWindow(load_demo(), None)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    QApplication.processEvents()
    w.week_zoom_action.trigger()
    d0, d1, _r0, _r1 = w.board._visible()
    assert (d0, d1) == (0, w.board._tl.n - 1)
    assert w.board.horizontalScrollBar().maximum() == 0
    w.resize(1280, 690)  # a smaller window: still the whole season
    QApplication.processEvents()
    assert w.board._visible()[1] == w.board._tl.n - 1


def load_demo():
    from ui.desktop.mainwindow import load_demo_season

    return load_demo_season()


def test_the_today_badge_leaves_the_week_labels_alone(qtbot):
    from ui.desktop.board import WEEK_H, Y_WEEK, SeasonBoard

    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(800, 300)
    season = tiny_season()
    board.set_season(season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": D(2026, 3, 9)})}))
    x = board._x(7)
    today = board.theme().today
    row = [_pixel(board, xx, Y_WEEK + WEEK_H // 2) for xx in range(x + 3, x + 40)]
    assert today not in row  # the week row keeps its label
    assert today in [_pixel(board, xx, 8) for xx in range(x + 3, x + 40)]  # the badge: month row


def test_the_status_bar_and_the_plan_check_give_one_penalty(qtbot):
    """A proven plan's status line gave "Soft-rule penalty 31,063 + 2 for days changed from the
    previous plan", a figure a coach could not read, and the line was cut before the days the
    re-solve changed: a proven plan's penalty is in Plan Check alone; a plan not proven the best
    gives Plan Check's figure (not the solver's, with the days changed counted), said as what it is."""
    from planner.check import check_plan

    season = tiny_season()
    plan = hand_plan(season, level=70)
    penalty = check_plan(season.model_copy(update={"plan": plan}), plan).objective

    def solved(request, on_progress=None, stop=None):  # a re-solve: 3 for days changed (STAB)
        return Outcome(Status.OPTIMAL, plan, objective=float(penalty + 3), bound=float(penalty + 3))

    w = MainWindow(season, None, solve_fn=solved)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    text = w.statusBar().currentMessage()
    assert f"penalty {penalty:,}" in w.violations_panel.summary.text()
    assert "penalty" not in text and "changed from the previous plan" not in text
    assert text.startswith("Solved") and "the best plan the rules allow (proven)." in text

    def not_proven(request, on_progress=None, stop=None):
        return Outcome(Status.FEASIBLE, plan, objective=float(penalty + 3), bound=float(penalty))

    w._solve_fn = not_proven
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    text = w.statusBar().currentMessage()
    assert text.endswith(f" Soft-rule penalty {penalty:,}, lower is better."), text


def test_a_re_solve_line_fits_a_1280_window_with_the_days_it_changed(qtbot):
    """At 1280 x 720 the line after a re-solve was cut in its middle: "… Soft-rule penalty
    31,063 + 2 for days changed from the previo…". Without the proven plan's penalty, the line
    with the days changed fits; the whole of it is still the bar's tooltip."""
    from planner.check import check_plan

    tiny = tiny_season()
    season = tiny.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": f"{a.name} Fontaine-Laurent"}) for a in tiny.athletes)})
    after = hand_plan(season, level=70)
    penalty = check_plan(season.model_copy(update={"plan": after}), after).objective

    def solved(request, on_progress=None, stop=None):  # every speed day changed: counted (STAB)
        return Outcome(Status.OPTIMAL, after, objective=float(penalty + 9),
                       bound=float(penalty + 9), wall_time=1.0)

    w = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None, solve_fn=solved)
    qtbot.addWidget(w)
    w.resize(1280, 690)  # maximised on a 1280 x 720 screen
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    QApplication.processEvents()
    bar = w.statusBar()
    text = bar.currentMessage()
    assert ("Days changed: Ana Keeper Fontaine-Laurent Mon 2 Mar (90 % → 70 %), Tue 3 Mar "
            "(90 % → 70 %)") in text
    assert "more." in text and "penalty" not in text
    assert not bar.is_elided(), bar.shown_text()
    assert bar.toolTip() == text


def test_a_plan_stopped_by_the_time_limit_says_it_is_not_proven_and_by_how_much(qtbot):
    from planner.check import check_plan

    season = tiny_season()
    plan = hand_plan(season, level=70)
    penalty = check_plan(season.model_copy(update={"plan": plan}), plan).objective

    def solved(request, on_progress=None, stop=None):
        return Outcome(Status.FEASIBLE, plan, objective=float(penalty), bound=float(penalty) * 0.9)

    w = MainWindow(season, None, solve_fn=solved)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.solve_finished, timeout=5000):
        w.solve_action.trigger()
    text = w.statusBar().currentMessage()
    assert "the best plan found in the time allowed, at most 10.0 % from the best possible." in text
    assert len(text) < 150, text  # the status bar shows about that much at 1366 px


def test_a_day_no_rule_shapes_says_so(qtbot):
    from types import SimpleNamespace

    from ui.desktop.panels import InspectorPanel

    text = InspectorPanel._reasons_html("Why this day", SimpleNamespace(reasons=[], away=""))
    assert "No rule bounds or shapes it" in text


def test_the_changed_days_keep_their_stage_colour(qtbot):
    from ui.desktop.board import SeasonBoard

    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(800, 300)
    season = tiny_season()
    board.set_season(season.model_copy(update={"plan": hand_plan(season, level=0)}))
    board.set_highlights({("A3", 2)})
    rect = board.cell_rect("A3", D(2026, 3, 4))
    assert _pixel(board, rect.left() + 5, rect.top() + 5) == board.theme().stages["P2"]
    assert _pixel(board, rect.left() + 1, rect.top() + 5) == board.theme().changed  # outlined


def test_protocols_read_by_name(w):
    y = w.board.cell_rect("A3", D(2026, 3, 4)).center().y()
    tip = w.board.tooltip_at(w.board.cell_rect("A3", D(2026, 3, 4)).center().__class__(30, y))
    assert "Persistent iliopsoas tendinopathy" in tip and "iliopsoas-tendinopathy" not in tip
    w.board.set_current("A3", D(2026, 3, 4))
    text = w.inspector.toPlainText()
    assert "Persistent iliopsoas tendinopathy" in text and "iliopsoas-tendinopathy" not in text


def test_a_team_week_pin_leaves_the_block_band_its_colour(qtbot):
    """Seen in the screenshots: a team week pin's flag left its brush on the painter and the
    block band under it was painted black."""
    from planner.season import Block, WeekPin
    from ui.desktop.board import BLOCK_H, Y_BLOCK, SeasonBoard

    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(800, 300)
    season = tiny_season().model_copy(update={
        "blocks": (Block(name="Build", start=D(2026, 3, 2), end=D(2026, 3, 15)),),
        "pins": (WeekPin(athlete=None, week=D(2026, 3, 2), week_kind="deload"),)})
    board.set_season(season)
    x = board._x(10)
    assert _pixel(board, x, Y_BLOCK + BLOCK_H // 2) == board.theme().block_fill


def test_the_plan_check_summary_counts_each_soft_rule_and_says_what_is_listed_at_no_cost():
    from planner.check import check_plan
    from planner.season import SoftViolation
    from ui.desktop.panels import check_summary

    season = tiny_season()
    plan = hand_plan(season, level=70)
    report = check_plan(season.model_copy(update={"plan": plan}), plan)
    spike = SoftViolation(rule="LD-1", athlete=season.athletes[0].id, start=season.calendar.start,
                          end=season.calendar.start, message="LD-1: a spike", penalty=0)
    report = report.__class__(**{**report.__dict__, "soft": report.soft + (spike,)})
    text = check_summary(report)
    counts, penalties = report.counts(), report.penalties()
    # no season: the words of a solve of everything, from the one helper that says them
    from ui.desktop.solving import plan_again_words

    assert plan_again_words(None) == "solve again (F5)"
    from planner.rules import RULES

    assert counts["LD-1"] >= 1 and f"LD-1 no planned load spike {counts['LD-1']} (listed, no cost)" in text
    assert "Listed, not avoided" not in text  # a line of the list (its weight a double-click away)
    assert text.count("no planned load spike") == 1
    for rule, n in counts.items():  # each by id and title, as the coach reads them
        if n and penalties[rule]:
            title = RULES[rule].title
            assert f"{rule} {title[:1].lower()}{title[1:]} {n:,} ({penalties[rule]:,})" in text


def test_the_pin_menu_holds_the_days_after_a_match_the_athlete_plays():
    """HV-6 in the plan as it stands: on MD+1 and MD+2 of a match the plan has the athlete play,
    a speed day cannot be pinned (the solve would only explain the conflict)."""
    from solver import SolveRequest, solve
    from tests.builders import day, season
    from ui.desktop.rehabview import pin_limit

    s = season(weeks=2, athletes=2, matches=[5, 12])
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=20)).plan})
    assert s.plan.for_athlete("A1").intensity[5] in (80, 100)  # plays Saturday's match
    level, why = pin_limit(s, "A1", day(7))  # Monday: MD+2
    assert level == 70 and "MD+2 after 'Match 1'" in why and "HV-6" in why, why
    assert pin_limit(s, "A1", day(8)) is None  # MD+3: every level
    assert pin_limit(s.model_copy(update={"plan": None}), "A1", day(7)) is None  # no plan yet
    # set out of that match since the plan was made: he no longer plays it, nothing to hold
    from planner import edits as E

    out = E.SetRole(competition="m0", athlete="A1", role="out").apply(s)
    assert pin_limit(out, "A1", day(7)) is None


def test_the_pin_menu_holds_md1_of_a_match_the_athlete_plays_at_70():
    """Review 281 F1: on MD-1 of a match the plan has the athlete play, the Pin intensity menu
    offered 80-100 % ungreyed and the form took 100 %; its re-plan searched to no plan (HV-5: a
    match played is a speed day). It now says "Up to 70 %", naming the match and HV-5; 70 %
    holds (the independent checker) and 80 % has no plan; HV-5's own rest days set the reach."""
    from planner import edits as E
    from planner.season import IntensityPin, RuleSettings
    from solver import SolveRequest, Status, solve
    from tests.builders import day, season, solved_and_checked
    from ui.desktop.rehabview import pin_header, pin_limit

    s = season(weeks=2, athletes=2, matches=[5, 12])
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=20)).plan})
    assert s.plan.for_athlete("A1").intensity[5] in (80, 100)  # plays Saturday's match
    assert pin_header(s, "A1", day(4)) == (
        "Up to 70 % here: MD-1 before 'Match 1', which the plan has the athlete play: a match "
        "played is a speed day, and speed days need 1 rest day between them (HV-5)")
    assert pin_limit(s, "A1", day(3)) is None  # MD-2: every level
    pin = IntensityPin(athlete="A1", date=day(4), intensity=70)
    solved_and_checked(E.AddPin(pin=pin).apply(s))
    at80 = E.AddPin(pin=pin.model_copy(update={"intensity": 80})).apply(s)
    assert solve(SolveRequest(at80, time_limit=20)).status == Status.INFEASIBLE
    # two rest days: MD-2 too, and MD+2 by HV-5 where HV-6 keeps only MD+1
    two = s.model_copy(update={"rules": RuleSettings(values={"HV-5": {"rest_days": 2},
                                                             "HV-6": {"days_after": 1}})})
    level, why = pin_limit(two, "A1", day(3))
    assert level == 70 and "MD-2 before 'Match 1'" in why and "2 rest days" in why, why
    level, why = pin_limit(two, "A1", day(7))  # Monday: MD+2
    assert level == 70 and "MD+2 after 'Match 1'" in why and why.endswith("(HV-5)"), why
    out = E.SetRole(competition="m0", athlete="A1", role="out").apply(s)
    assert pin_limit(out, "A1", day(4)) is None  # no longer plays it


def test_the_plan_check_summary_says_which_hv1_misses_no_plan_can_avoid():
    """'HV-1 regular high-velocity exposure 82 (2,460)' after a winter break read as the plan's
    choice; the app now says, in the command line's words, how many lie in the team's days off."""
    from planner.check import check_plan
    from planner.season import Calendar, NonTrainingDay
    from ui.desktop.panels import check_summary

    season = tiny_season()
    start = season.calendar.start
    season = season.model_copy(update={"unavailability": (), "calendar": Calendar(
        start=start, end=season.calendar.end, non_training_days=tuple(
            NonTrainingDay(date=start + dt.timedelta(days=k), reason="Break") for k in range(11)))})
    plan = hand_plan(season)
    report = check_plan(season.model_copy(update={"plan": plan}), plan)
    forced = sum(1 for v in report.soft if v.rule == "HV-1" and "no plan avoids it" in v.message)
    assert forced > 0 and report.unavoidable() == forced
    n, cost = report.counts()["HV-1"], report.penalties()["HV-1"]
    text = check_summary(report)
    assert (f"HV-1 regular high-velocity exposure {n:,} ({cost:,}; {forced} in the team's days "
            f"off: no plan avoids them)") in text


def test_the_app_s_last_message_stays_until_the_next_and_comes_back_after_a_tip(w, qtbot):
    """A result ("Re-planned from today … Returns moved: …") went from the status bar after 8
    to 20 s, before a slow reader had read it, and a menu item's status tip under the mouse
    wiped it for good; it now stays until the app says something else."""
    from PySide6.QtGui import QStatusTipEvent

    bar = w.statusBar()
    bar.showMessage("Re-planned from today. Returns moved: Kofi Mensah.", 50)
    qtbot.wait(200)  # past the timeout the caller gave
    assert bar.currentMessage() == "Re-planned from today. Returns moved: Kofi Mensah."
    QApplication.sendEvent(w, QStatusTipEvent("Open a season file"))  # the mouse on a menu item
    assert bar.currentMessage() == "Open a season file"
    QApplication.sendEvent(w, QStatusTipEvent(""))  # and off it
    qtbot.waitUntil(lambda: bar.currentMessage() == "Re-planned from today. Returns moved: "
                                                    "Kofi Mensah.", timeout=2000)
    bar.hint("Drop on Tue 3 Mar", 50)
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Re-planned"), timeout=2000)
    bar.showMessage("Saved x.season.json", 50)
    bar.clearMessage()
    qtbot.wait(50)
    assert bar.currentMessage() == ""


def test_a_failure_said_in_the_status_bar_goes_once_it_is_mended(w):
    """The bar keeps the app's last message until the next: "The plan could not be checked"
    and "The returns could not be worked out" stayed after the next check and returns worked."""
    bar = w.statusBar()
    for words in ("The plan could not be checked: a protocol file is damaged",
                  "The returns could not be worked out: a protocol file is damaged"):
        bar.showMessage(words)
        w.document.changed.emit()  # the plan checked and the returns worked out again
        assert w.check_report is not None
        assert bar.currentMessage() != words
    bar.showMessage("Saved x.season.json")
    w.run_check()
    assert bar.currentMessage() == "Saved x.season.json"  # what else the app said stays
