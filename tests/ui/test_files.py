"""Files and desktop conventions: New from a template, the unsaved-changes prompt
(Save / Discard / Cancel), "modified" from the undo stack, About, shortcuts (pytest-qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence

from planner import __version__
from planner import edits as E
from planner.seasonfile import load_season
from planner.text import computer_date
from tests.ui.test_app import tiny_season
from ui.desktop.mainwindow import MainWindow

D = dt.date


@pytest.fixture
def w(qtbot):
    win = MainWindow(tiny_season(), None)
    qtbot.addWidget(win)
    win.show()
    return win


def rename(w: MainWindow, name: str = "Renamed FC") -> None:
    assert w.apply_edit(E.SetSeasonSettings(name=name))


# -- modified comes from the undo stack -------------------------------------------------------
def test_modified_follows_the_undo_stacks_clean_state(w, tmp_path):
    assert not w.modified
    rename(w)
    assert w.modified and "*" in w.windowTitle()
    w.undo_action.trigger()
    assert not w.modified and "*" not in w.windowTitle()
    w.redo_action.trigger()
    assert w.modified
    assert w.save_to(tmp_path / "a.season.json")
    assert not w.modified
    w.undo_action.trigger()  # back before the saved state: modified again
    assert w.modified and w.season.name == "Tiny FC"
    w.redo_action.trigger()
    assert not w.modified


def test_undo_and_redo_say_what_they_did(w):
    rename(w)
    assert w.undo_action.text() == "&Undo Change season settings"
    w.undo_action.trigger()
    assert w.statusBar().currentMessage() == "Undone: Change season settings"
    w.redo_action.trigger()
    assert w.statusBar().currentMessage() == "Redone: Change season settings"


# -- New ------------------------------------------------------------------------------------------
def test_new_season_after_the_open_one(w, dialogs):
    """File ▸ New ▸ Next season: the open season's squad and rehab in progress, the dates and
    name moved on, a new unsaved document, and a notice of what was carried and left."""
    old = w.season
    dlg = w.new_dialog()
    assert "Tiny FC" in dlg.following.text()
    dlg.following.setChecked(True)
    assert dlg.form.isEnabled()
    # Tiny FC runs Mon 2 to Sun 15 Mar 2026: 52 weeks on, the same weekdays
    assert (dlg.start.value(), dlg.end.value()) == (D(2027, 3, 1), D(2027, 3, 14))
    assert dlg.name.text() == "Tiny FC (next season)"
    dlg.name.setText("Tiny FC 2026/27")
    dlg.buttons.accepted.emit()
    assert w.season.name == "Tiny FC 2026/27" and w.path is None
    assert [a.id for a in w.season.athletes] == [a.id for a in old.athletes]
    assert w.season.competitions == () and w.season.calendar.start == D(2027, 3, 1)
    assert [i.athlete for i in w.season.injuries] == ["A3"]  # Cara, still in P2
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("inform", "Next season")
    assert "The last season's file is unchanged" in text
    assert "• Rehab carried: 1 injury still open as recorded (Cara Mid (A3))" in text
    # a year on: the first weeks are load weeks, and the way to a deload first week is said
    assert ("• First weeks: the new season starts after a break of 50 weeks (the last one ended "
            "Sun 15 Mar 2026, nothing logged since)") in text
    assert "right-click a day of the week of 1 Mar 2027: Pin week kind for the team ▸ deload" in text


def test_a_new_season_counts_the_match_length_chosen_in_its_load(w, dialogs):
    """A basketball coach's new season counted every start as football's 95 minutes at RPE 8, and
    nothing in File ▸ New said so. Its "A starter plays" sets LD-1's start and bench minutes and the
    minutes that make a logged match a start; football's 95 leaves the rules as they are, and a
    next season starts from the open season's length, carried as it was."""
    from planner.rules import RuleSet

    dlg = w.new_dialog()
    assert dlg.match.value() == 95 and "A start counts 95 min" in dlg.match_note.text()
    dlg.name.setText("Westside Hoops 2027")
    assert dlg.season().rules.values == {}  # football's length: no setting
    dlg.match.setValue(48)
    assert dlg.match_note.text() == (
        "A start counts 48 min and a bench appearance 15 in the planned load; a logged match of "
        "23 min or more is a start. LD-1 in the Rules panel changes each.")
    dlg.buttons.accepted.emit()
    rules = RuleSet(w.season.rules)
    assert [rules.value("LD-1", n) for n in ("minutes_start", "minutes_bench",
                                            "start_from_played")] == [48, 15, 23]
    assert w.season.name == "Westside Hoops 2027"
    again = w.new_dialog()  # opened on a 48-minute season: the same sport, 48 again
    assert again.match.value() == 48
    again.name.setText("Westside Hoops 2028")
    assert again.season().rules == w.season.rules


def test_the_next_season_carries_its_match_length_unless_another_is_chosen(qtbot, dialogs):
    from planner.rules import RuleSet, match_length_values
    from planner.season import RuleSettings

    s = tiny_season().model_copy(update={"rules": RuleSettings(
        values={"LD-1": match_length_values(80), "HV-1": {"max_gap_days": 9}})})
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    dlg = win.new_dialog()
    dlg.following.setChecked(True)
    assert dlg.match.value() == 80 and dlg.season().rules == s.rules  # carried as it was
    dlg.match.setValue(60)
    rules = RuleSet(dlg.season().rules)
    assert (rules.value("LD-1", "minutes_start"), rules.value("HV-1", "max_gap_days")) == (60, 9)


def test_the_next_seasons_notice_names_the_rule_settings_and_weekdays_carried(qtbot, dialogs):
    """File ▸ New ▸ Next season after a season with HV-1 at 9 days and DL-2 at 4 load weeks: the
    new season kept both and the notice named neither. It names them, and the training weekdays
    ticked when they are not the default's."""
    from planner.season import RuleSettings

    s = tiny_season().model_copy(update={"rules": RuleSettings(
        values={"HV-1": {"max_gap_days": 9}, "DL-2": {"max_load_weeks": 4}})})
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    dlg = win.new_dialog()
    dlg.following.setChecked(True)
    dlg.training.days["sat"].setChecked(False)  # the new season trains Monday to Friday
    dlg.buttons.accepted.emit()
    assert win.season.rules == s.rules and win.season.calendar.training_days == (
        "mon", "tue", "wed", "thu", "fri")
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("inform", "Next season")
    assert ("• Rule settings carried: DL-2 load weeks in a row before a deload: 4 weeks (default "
            "3), HV-1 window length: 9 days (default 8); training weekdays as chosen: Mondays, "
            "Tuesdays, Wednesdays, Thursdays and Fridays (default Monday to Saturday)") in text


def test_new_offers_the_next_season_first_in_the_seasons_last_week_and_saves_beside_it(
        qtbot, tmp_path, dialogs):
    from PySide6.QtCore import QSettings

    from planner.seasonfile import save_season

    s = tiny_season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": D(2026, 3, 12)})})
    (tmp_path / "club").mkdir()
    save_season(s, tmp_path / "club" / "tiny.season.json")
    win = MainWindow(s, tmp_path / "club" / "tiny.season.json")
    qtbot.addWidget(win)
    dlg = win.new_dialog()
    assert dlg.following.isChecked() and dlg.name.text() == "Tiny FC (next season)"
    dlg.buttons.accepted.emit()
    assert win.path is None and QSettings().value("lastDir") == str(tmp_path / "club")


def test_new_season_after_the_open_one_refuses_dates_before_its_end(w, qtbot):
    dlg = w.new_dialog()
    dlg.following.setChecked(True)
    dlg.start.setDate(QDate(2026, 3, 10))
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and w.season.name == "Tiny FC"
    assert dlg.error.text().startswith("The next season starts on Tue 10 Mar 2026, before the "
                                       "last one ends (Sun 15 Mar 2026)")
    dlg.reject()


def test_new_from_the_demo_template(w):
    rename(w)
    dlg = w.new_dialog()  # not modified-prompted: the conftest answers Discard
    assert dlg is not None and dlg.isVisible()
    assert "demo" in dlg.template_buttons
    dlg.choose_template("demo")
    dlg.buttons.accepted.emit()
    assert w.season.name == "Riverside FC 2026/27"
    assert len(w.season.athletes) == 24
    assert w.path is None and not w.modified
    assert w.undo_stack.count() == 0  # a new document starts a new history
    assert "not saved" in w.windowTitle()


def test_new_empty_season_needs_a_name_and_dates(w):
    w.new_action.trigger()
    dlg = w.new_season_dialog
    assert dlg.empty.isChecked()
    dlg.buttons.accepted.emit()  # no name yet
    assert dlg.isVisible() and "name" in dlg.error.text()
    assert w.season.name == "Tiny FC"
    dlg.name.setText("Youth U19 2027")
    dlg.start.setDate(QDate(2027, 1, 4))
    dlg.end.setDate(QDate(2026, 12, 1))
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "ends before it starts" in dlg.error.text()
    dlg.end.setDate(QDate(2027, 6, 27))
    dlg.buttons.accepted.emit()
    s = w.season
    assert (s.name, s.calendar.start, s.calendar.end) == ("Youth U19 2027", D(2027, 1, 4),
                                                          D(2027, 6, 27))
    assert s.athletes == () and s.plan is None
    assert w.board.athlete_order() == []


def test_new_empty_season_trains_on_the_weekdays_ticked(w):
    w.new_action.trigger()
    dlg = w.new_season_dialog
    # the ticks start at the season's default (Monday to Saturday), as Season Settings shows it
    assert dlg.training.chosen() == ("mon", "tue", "wed", "thu", "fri", "sat")
    dlg.name.setText("Three-day U15")
    dlg.start.setDate(QDate(2027, 1, 4))
    dlg.end.setDate(QDate(2027, 6, 27))
    for d in ("wed", "sat"):
        dlg.days[d].setChecked(False)
    dlg.buttons.accepted.emit()
    assert not dlg.isVisible()
    assert w.season.name == "Three-day U15"
    assert w.season.calendar.training_days == ("mon", "tue", "thu", "fri")


def test_new_empty_season_keeps_one_training_weekday_ticked(w):
    w.new_action.trigger()
    dlg = w.new_season_dialog
    for d in ("mon", "tue", "wed", "thu", "fri", "sat"):
        dlg.days[d].setChecked(False)
    assert dlg.training.chosen() == ("sat",)
    assert dlg.error.text().startswith("A season needs at least one training weekday: Saturday "
                                       "stays ticked")
    dlg.days["sun"].setChecked(True)
    assert dlg.error.text() == ""
    dlg.days["sat"].setChecked(False)
    dlg.name.setText("Sunday league")
    dlg.buttons.accepted.emit()
    assert w.season.calendar.training_days == ("sun",)


# -- the unsaved-changes prompt ---------------------------------------------------------------------
def test_cancel_keeps_the_document_and_the_window(w, dialogs):
    rename(w)
    dialogs.answer = "cancel"
    assert w.new_dialog() is None
    assert not w.close()
    assert dialogs.kinds() == ["choose", "choose"]
    assert "Renamed FC" in dialogs[0][2]
    assert w.season.name == "Renamed FC" and w.modified


def test_discard_drops_the_changes(w, dialogs):
    rename(w)
    dialogs.answer = "discard"
    assert w.close()
    assert dialogs.kinds() == ["choose"]


def test_save_writes_the_file_before_closing(w, dialogs, tmp_path):
    target = tmp_path / "saved.season.json"
    dialogs.files = [target]
    rename(w)
    dialogs.answer = "save"
    assert w.close()
    assert load_season(target).name == "Renamed FC"


def test_save_cancelled_in_the_file_dialog_keeps_the_window_open(w, dialogs):
    rename(w)
    dialogs.answer = "save"  # and then the coach chooses no file
    assert not w.close()


def test_no_prompt_without_changes(w, dialogs):
    assert w.close()
    assert dialogs == []


def test_a_solve_that_ends_while_new_is_open_is_asked_about_at_ok(qtbot, dialogs):
    """F5, then File ▸ New: the solve ended while the New Season dialog was open (the title got
    its *), and OK put an empty season in place of the solved plan without a question. OK now
    asks Save / Discard / Cancel when the season changed after the dialog opened; Cancel keeps
    the plan. Changes the coach already chose to discard when it opened are not asked again."""
    from tests.ui.test_app import hand_plan, solving

    tiny = tiny_season()
    plan = hand_plan(tiny)
    w, fake = solving(qtbot, tiny, plan, wait=30)
    dlg = w.new_dialog()  # nothing unsaved yet: no question
    assert dlg is not None and dialogs == []
    with qtbot.waitSignal(w.solve_finished, timeout=30_000):
        fake.release.set()
    assert w.season.plan == plan and w.modified and "*" in w.windowTitle()
    dlg.name.setText("Next FC")
    dialogs.answer = "cancel"
    dlg.buttons.accepted.emit()
    assert dialogs.kinds() == ["choose"]
    assert dialogs[0][1] == "Unsaved changes"
    assert dialogs[0][2] == ("The season changed while the New Season dialog was open.\n\n"
                             "Save the changes to “Tiny FC” first?")
    assert w.season.name == "Tiny FC" and w.season.plan == plan and w.modified
    assert w.statusBar().currentMessage() == "New season not started: “Tiny FC” is kept as it is."

    dialogs.clear()  # asked when it opens: Discard; OK then asks nothing more
    dialogs.answer = "discard"
    dlg = w.new_dialog()
    assert dialogs.kinds() == ["choose"]
    dlg.name.setText("Next FC")
    dlg.buttons.accepted.emit()
    assert dialogs.kinds() == ["choose"]
    assert w.season.name == "Next FC" and w.season.plan is None and not w.modified


# -- desktop conventions ----------------------------------------------------------------------------
def test_about_shows_the_version(w, dialogs):
    w.about_action.trigger()
    assert dialogs.kinds() == ["about"]
    assert __version__ in dialogs[0][2]


def test_standard_shortcuts_with_fallbacks(w):
    assert QKeySequence(QKeySequence.StandardKey.Undo) in w.undo_action.shortcuts()
    assert w.redo_action.shortcuts() and w.new_action.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.New) in w.new_action.shortcuts()
    assert w.settings_action.shortcuts()  # Preferences, or Ctrl+, where a platform has none
    assert w.day_zoom_action.shortcuts() and w.week_zoom_action.shortcuts()
    assert w.today_action.shortcut() == QKeySequence("Ctrl+T")
    for a in (w.undo_action, w.redo_action, w.new_action, w.solve_action):
        assert a in w.actions()  # reachable with the menu bar hidden


def test_menus_reach_every_editor(w):
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Season", "&Plan", "&What-if", "&Help"]
    season_menu = w.menuBar().actions()[3].menu()
    texts = [a.text().replace("&", "") for a in season_menu.actions() if a.text()]
    assert texts[0] == "Season Settings…"
    assert {"Competitions", "Blocks", "Days Off", "Squad", "Injuries", "Rules"} <= set(texts)
    w.docks["squad"].hide()
    next(a for a in season_menu.actions() if a.text().replace("&", "") == "Squad").trigger()
    assert not w.docks["squad"].isHidden()
    file_texts = [a.text() for a in w.menuBar().actions()[0].menu().actions()]
    assert file_texts[0] == "&New…"


def test_go_to_today(w):
    w.board.today_override = D(2026, 3, 10)
    w.today_action.trigger()
    assert w.board.current()[1] == D(2026, 3, 10)


def test_status_bar_messages_for_edits(w):
    w.apply_edit(E.SetRuleValue(rule="HV-2", param="max_speed_days", value=1))
    assert w.statusBar().currentMessage() == "Set HV-2: speed days in a load or taper week to 1"


def test_a_new_season_that_started_before_today_offers_to_plan_from_today(w):
    """Entered mid-season, a new season was planned from its first day: the board's "today" sat
    on the first day and a test of last week was refused as "after today", with no word of why."""
    import datetime as dt

    today = computer_date()
    w.new_action.trigger()
    dlg = w.new_season_dialog
    dlg.name.setText("Harbour United")
    dlg.start.setDate(QDate(today - dt.timedelta(days=80)))
    dlg.end.setDate(QDate(today + dt.timedelta(days=60)))
    assert dlg.from_today.isVisibleTo(dlg) and not dlg.from_today.isChecked()
    assert "The season started before today" in dlg.from_today_note.text()
    dlg.from_today.setChecked(True)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == today
    w.new_action.trigger()
    dlg = w.new_season_dialog
    dlg.name.setText("Next year")
    dlg.start.setDate(QDate(today + dt.timedelta(days=30)))
    dlg.end.setDate(QDate(today + dt.timedelta(days=200)))
    assert not dlg.from_today.isVisibleTo(dlg)  # nothing has happened yet
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today is None


def test_file_new_proposes_dates_from_the_computers_date_the_app_goes_by(w, monkeypatch):
    """File ▸ New read the real date while the window's "today is behind" notice and Move Today
    read the clock the app goes by (PERIODIZE_CLOCK): a coach whose computer's date was set saw
    a season proposed in another year than the one the notice spoke of."""
    import datetime as dt

    monkeypatch.setenv("PERIODIZE_CLOCK", "2031-03-05")  # a Wednesday
    w.new_action.trigger()
    dlg = w.new_season_dialog
    assert dlg.start.value() == dt.date(2031, 3, 10)  # the next Monday
    dlg.start.setDate(QDate(2031, 2, 3))
    dlg.end.setDate(QDate(2031, 9, 28))
    assert "Wed 5 Mar 2031" in dlg.from_today.text()
    dlg.reject()
