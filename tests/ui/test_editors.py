"""Every editor changes the season through its widgets as one undo step, and undo restores the
season exactly (pytest-qt, offscreen; dialogs are opened non-blocking and accepted)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from planner import edits as E
from planner.protocols import load_protocol
from planner.season import (
    FIT,
    Athlete,
    Block,
    Calendar,
    Competition,
    CriteriaTest,
    NonTrainingDay,
    Session,
    StageRecord,
    Unavailability,
)
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.editors.squad import POSITIONS
from ui.desktop.mainwindow import MainWindow
from ui.desktop.theme import ink

D = dt.date


def q(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def tiny_window(qtbot, active: bool = False) -> MainWindow:
    """The window on the tiny season with a hand-made plan, shown (``active``: and the active
    window, for tests of the keyboard)."""
    season = tiny_season()
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    if active:
        win.activateWindow()
        qtbot.waitUntil(lambda: win.isActiveWindow())
    return win


@pytest.fixture
def w(qtbot):
    return tiny_window(qtbot)


def undo_all(w: MainWindow, before) -> None:
    """Undo every step and check the season is exactly the one before; redo works again."""
    after = w.season
    n = w.undo_stack.index()
    for _ in range(n):
        w.undo_action.trigger()
    assert w.season == before
    assert not w.modified
    for _ in range(n):
        w.redo_action.trigger()
    assert w.season == after


# -- competitions -------------------------------------------------------------------------------
def test_the_empty_competition_form_proposes_today_mid_season(qtbot):
    """Eleven weeks into the season the empty form proposed its first day, and every match added
    (they lie ahead) had its date retyped; without a today inside the season: its first day."""
    from ui.desktop.editors import CompetitionsEditor

    season = tiny_season()
    ed = CompetitionsEditor()
    qtbot.addWidget(ed)
    ed.set_season(season)
    assert ed.selected_id() is None and ed.date.date() == q(season.calendar.start)
    mid = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": D(2026, 3, 9)})})
    ed.set_season(mid)
    assert ed.date.date() == q(D(2026, 3, 9))
    later = mid.model_copy(update={"calendar": mid.calendar.model_copy(
        update={"today": D(2026, 3, 11)})})
    ed.set_season(later)  # Move Today: the date not chosen yet follows
    assert ed.date.date() == q(D(2026, 3, 11))
    ed.date.setDate(q(D(2026, 3, 13)))  # chosen by the coach: kept
    ed.set_season(later.model_copy(update={"name": "Tiny FC 2", "competitions": ()}))
    assert ed.date.date() == q(D(2026, 3, 13))


def test_the_window_opens_the_competitions_form_on_today(qtbot):
    season = tiny_season()
    season = season.model_copy(update={
        "calendar": season.calendar.model_copy(update={"today": D(2026, 3, 10)}),
        "plan": hand_plan(season)})
    win = MainWindow(season, None, autosave=False)
    qtbot.addWidget(win)
    win.open_editor("competitions")
    assert win.competitions_editor.date.date() == q(D(2026, 3, 10))


def _add_competition(ed, name: str, first: dt.date, last: dt.date, priority: str) -> None:
    """A several-day competition typed into the Competitions form and added."""
    ed.name.setText(name)
    ed.date.setDate(q(first))
    ed.multi.setChecked(True)
    ed.end.setDate(q(last))
    ed.priority.setCurrentIndex(ed.priority.findData(priority))
    ed.add_button.click()


def test_competitions_add_move_priority_multi_day_delete(w, dialogs):
    ed = w.competitions_editor
    before = w.season
    w.show_dock("competitions")
    _add_competition(ed, "Spring Cup", D(2026, 3, 7), D(2026, 3, 8), "A")
    cup = [c for c in w.season.competitions if c.name == "Spring Cup"]
    assert cup == [Competition(id=cup[0].id, name="Spring Cup", date=D(2026, 3, 7),
                               end_date=D(2026, 3, 8), priority="A")]
    assert w.undo_stack.count() == 1
    assert ed.selected_id() == cup[0].id
    assert "Spring Cup — priority A" in w.board.tooltip_at(w.board.cell_rect("A1", D(2026, 3, 8)).center())

    # Move it: only the date changes (a MoveCompetition keeps its two days).
    ed.date.setDate(q(D(2026, 3, 10)))
    ed.end.setDate(q(D(2026, 3, 11)))
    ed.apply_button.click()
    moved = w.season.competition(cup[0].id)
    assert (moved.date, moved.end_date) == (D(2026, 3, 10), D(2026, 3, 11))
    assert "Move competition 'Spring Cup'" in w.undo_stack.undoText()

    ed.priority.setCurrentIndex(ed.priority.findData("B"))
    ed.apply_button.click()
    assert w.season.competition(cup[0].id).priority == "B"
    assert w.undo_stack.undoText() == "Spring Cup: priority A → B"

    ed.multi.setChecked(False)  # a single day again
    ed.name.setText("Spring Cup final")
    ed.apply_button.click()
    assert w.season.competition(cup[0].id).end_date is None
    assert w.season.competition(cup[0].id).name == "Spring Cup final"

    ed.select("m1")
    ed.delete_button.click()
    assert w.season.competition("m1") is None
    assert w.undo_stack.count() == 5
    assert dialogs == []
    undo_all(w, before)


def test_enter_rows_give_the_choice_enter_does_not_make_with_them(w):
    """Enter's rows came back as a list while the Apply it would not press was kept on the
    editor (``_choice``) and read back with getattr on the key press: now it comes with them."""
    w.show_dock("competitions")
    ed = w.competitions_editor
    ed.table.clearSelection()
    rows, choice = ed.enter_rows()
    assert [b for b, _fields in rows] == [ed.add_button] and choice[0] is ed.apply_button
    ed.select(w.season.competitions[0].id)
    rows, choice = ed.enter_rows()
    assert rows == [] and choice[0] is ed.apply_button and ed.name in choice[1]
    assert not hasattr(ed, "_choice")
    days_off = w.days_off_editor
    assert days_off.enter_rows().choice is None  # no list form: Enter adds


def test_enter_in_a_field_presses_its_forms_button_and_enter_on_a_button_presses_it(w, qtbot):
    """In a dock (unlike a dialog) Enter did nothing, in a field or on the focused Add; Space
    and Alt+A were the only keys that added."""
    w.show_dock("competitions")
    ed = w.competitions_editor
    before = w.season
    ed.table.clearSelection()
    ed.name.setText("Spring Cup")
    ed.date.setDate(q(D(2026, 3, 7)))
    ed.name.setFocus()
    qtbot.keyClick(ed.name, Qt.Key.Key_Return)  # nothing selected: Enter adds
    cup = [c for c in w.season.competitions if c.name == "Spring Cup"]
    assert len(cup) == 1 and cup[0].date == D(2026, 3, 7)
    assert ed.selected_id() == cup[0].id
    # selected (the one just added): the next name typed and Enter renamed it; now Enter
    # presses neither Apply nor Add and says which keys do
    said = []
    ed.said.connect(said.append)
    ed.name.setText("Spring Cup final")
    qtbot.keyClick(ed.name, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert w.season.competition(cup[0].id).name == "Spring Cup"
    assert len(w.season.competitions) == len(before.competitions) + 1
    assert said == ["A record is selected: Alt+Y applies what you typed to it, Alt+A adds it as "
                    "a new one (Enter does not guess which)."]

    blocks = w.blocks_editor
    blocks.table.clearSelection()
    blocks.name.setText("Camp")
    blocks.start.setDate(q(D(2026, 3, 9)))
    blocks.end.setDate(q(D(2026, 3, 10)))
    blocks.name.setFocus()
    n = len(w.season.blocks)
    qtbot.keyClick(blocks.name, Qt.Key.Key_Return)
    qtbot.keyClick(blocks.name, Qt.Key.Key_Return)  # the block added is selected: not added twice
    assert [b.name for b in w.season.blocks].count("Camp") == 1 and len(w.season.blocks) == n + 1
    assert w.season.blocks[blocks.selected_index()].name == "Camp"

    days = w.days_off_editor
    days.date.setDate(q(D(2026, 3, 11)))
    days.date.line.setFocus()
    qtbot.keyClick(days.date.line, Qt.Key.Key_Return)  # Enter in the date adds the day off
    assert [d.date for d in w.season.calendar.non_training_days] == [D(2026, 3, 11)]
    days.table.clearSelection()
    days.delete_button.setFocus()
    qtbot.keyClick(days.delete_button, Qt.Key.Key_Return)  # disabled: nothing happens
    assert [d.date for d in w.season.calendar.non_training_days] == [D(2026, 3, 11)]

    squad = w.squad_editor
    squad.table.clearSelection()
    squad.name.setText("Dana New")
    squad.add_button.setFocus()
    qtbot.keyClick(squad.add_button, Qt.Key.Key_Return)  # the focused button is pressed
    assert [a.name for a in w.season.athletes][-1] == "Dana New"
    squad.select("A1")
    squad.away_from.setDate(q(D(2026, 3, 5)))
    squad.away_to.setDate(q(D(2026, 3, 6)))
    squad.away_reason.setText("national team")
    squad.away_reason.setFocus()
    qtbot.keyClick(squad.away_reason, Qt.Key.Key_Return)  # its own row: Add dates
    assert Unavailability(athlete="A1", start=D(2026, 3, 5), end=D(2026, 3, 6),
                          reason="national team") in w.season.unavailability
    assert w.season.athlete("A1") == before.athlete("A1")  # not Apply of the athlete's row
    qtbot.keyClick(squad.away_reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.undo_stack.count() == 5  # Ctrl+Enter is not Enter
    undo_all(w, before)


def test_a_refused_edit_is_explained_and_changes_nothing(w, dialogs):
    ed = w.competitions_editor
    before = w.season
    ed.select("m1")
    ed.multi.setChecked(True)
    ed.end.setDate(q(D(2026, 3, 3)))  # before the first day
    ed.apply_button.click()
    assert w.season == before
    assert dialogs.kinds() == ["warn"]
    assert "end_date is before date" in dialogs[0][2]
    assert "Traceback" not in dialogs[0][2]
    assert w.undo_stack.count() == 0


# -- blocks and days off -----------------------------------------------------------------------
def test_blocks_add_edit_delete(w):
    ed = w.blocks_editor
    before = w.season
    ed.name.setText("Build")
    ed.start.setDate(q(D(2026, 3, 2)))
    ed.end.setDate(q(D(2026, 3, 8)))
    ed.emphasis.setText("Speed")
    ed.add_button.click()
    assert w.season.blocks == (Block(name="Build", start=D(2026, 3, 2), end=D(2026, 3, 8),
                                     emphasis="Speed"),)
    ed.table.selectRow(0)
    ed.name.setText("Build 1")
    ed.end.setDate(q(D(2026, 3, 9)))
    ed.apply_button.click()
    assert w.season.blocks[0].name == "Build 1" and w.season.blocks[0].end == D(2026, 3, 9)
    assert "Build 1" in w.board.tooltip_at(w.board.cell_rect("A1", D(2026, 3, 9)).center().__class__(
        w.board._x(7) + 3, 40))
    ed.table.selectRow(0)
    ed.delete_button.click()
    assert w.season.blocks == ()
    undo_all(w, before)


def test_another_season_opened_empties_the_forms_an_edit_keeps_them(w, tmp_path):
    """After File ▸ Open of another season, the Days Off form still read "Club event" (and a
    date) typed for the last one, ready to be added to this one. An edit of the same season
    (here another editor's, then its undo) keeps what the coach is typing."""
    from planner.seasonfile import save_season

    days, comps, blocks, squad = (w.days_off_editor, w.competitions_editor, w.blocks_editor,
                                  w.squad_editor)
    injuries = w.injuries_editor

    def type_everywhere() -> None:
        days.date.setDate(q(D(2026, 3, 11)))
        days.multi.setChecked(True)
        days.reason.setText("Club event")
        comps.name.setText("Cup")
        comps.date.setDate(q(D(2026, 3, 12)))
        comps.multi.setChecked(True)
        blocks.name.setText("Speed")
        blocks.emphasis.setText("Top speed")
        squad.name.setText("Dan New")
        squad.away_reason.setText("wedding")
        injuries.flare_note.setText("after sprints")
        injuries.test_value.setValue(80)

    type_everywhere()
    w.apply_edit(E.AddBlock(block=Block(name="Base", start=D(2026, 3, 2), end=D(2026, 3, 8))))
    w.undo_action.trigger()
    assert (days.reason.text(), days.multi.isChecked(), days.date.date().toPython()) == (
        "Club event", True, D(2026, 3, 11))
    assert (comps.name.text(), blocks.name.text(), squad.name.text()) == ("Cup", "Speed", "Dan New")
    assert squad.away_reason.text() == "wedding" and injuries.flare_note.text() == "after sprints"

    other = tiny_season().model_copy(update={
        "name": "Other FC", "calendar": Calendar(start=D(2026, 9, 7), end=D(2026, 9, 27),
                                                 today=D(2026, 9, 14)),
        "competitions": (), "unavailability": (), "injuries": ()})
    save_season(other, tmp_path / "other.season.json")
    assert w.open_path(tmp_path / "other.season.json")
    assert (days.reason.text(), days.multi.isChecked(), days.date.date().toPython()) == (
        "", False, D(2026, 9, 14))  # today: a day off added mid-season lies ahead
    assert (comps.name.text(), comps.multi.isChecked(), comps.date.date().toPython()) == (
        "", False, D(2026, 9, 14))
    assert (blocks.name.text(), blocks.emphasis.text()) == ("", "")
    assert (squad.name.text(), squad.away_reason.text(), squad.athlete_id.text()) == ("", "", "A4")
    assert injuries.flare_note.text() == "" and injuries.test_value.value() < 0
    for ed in (days, comps, blocks, squad):
        assert ed.typed() == [] and ed.table.selectedItems() == []
    # Undo has nothing of the last season to give back: its typing is no field's to undo
    assert w.editor_undo.unapplied() == []


def test_days_off_add_and_delete(w):
    ed = w.days_off_editor
    before = w.season
    ed.date.setDate(q(D(2026, 3, 11)))
    ed.reason.setText("Travel")
    ed.add_button.click()
    assert w.season.calendar.non_training_days == (NonTrainingDay(date=D(2026, 3, 11),
                                                                  reason="Travel"),)
    assert "No training: Travel" in w.board.tooltip_at(w.board.cell_rect("A1", D(2026, 3, 11)).center())
    ed.table.selectRow(0)
    ed.delete_button.click()
    assert w.season.calendar.non_training_days == ()
    undo_all(w, before)


def test_a_day_off_on_a_match_day_is_added_and_the_match_said_to_stand(w, dialogs):
    ed = w.days_off_editor
    before = w.season
    ed.date.setDate(q(D(2026, 3, 13)))
    assert ed.match_note.isHidden()  # no competition that day
    ed.date.setDate(q(D(2026, 3, 14)))  # 'League match' (B)
    ed.reason.setText("Travel")
    ed.add_button.click()
    assert w.season.calendar.non_training_days == (NonTrainingDay(date=D(2026, 3, 14),
                                                                  reason="Travel"),)
    assert w.season.competitions == before.competitions and dialogs == []
    assert not ed.match_note.isHidden()
    assert ed.match_note.text() == (
        "Sat 14 Mar 2026 is the day of 'League match' (B): the match is still played; the day "
        "off (Travel) only takes the day's training away (a player not in the match rests)")
    undo_all(w, before)


def test_a_competition_on_a_day_off_is_added_and_said_to_be_played(w, dialogs):
    before = w.season
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Holiday")))
    ed = w.competitions_editor
    ed.name.setText("Cup")
    ed.date.setDate(q(D(2026, 3, 10)))
    assert ed.day_off_note.isHidden()
    ed.multi.setChecked(True)
    ed.end.setDate(q(D(2026, 3, 11)))  # its second day is the day off
    ed.add_button.click()
    assert [c.name for c in w.season.competitions] == ["Cup", "League match"] and dialogs == []
    assert ed.day_off_note.text() == (
        "Wed 11 Mar 2026 is the day of 'Cup' (C): the match is still played; the day off "
        "(Holiday) only takes the day's training away (a player not in the match rests)")
    assert not ed.day_off_note.isHidden()
    undo_all(w, before)


def test_the_untouched_empty_competition_form_says_nothing_of_a_day_off(qtbot):
    """A winter break from the season's first day: the empty form, nothing typed, said "Mon 2 Mar
    2026 is the day of 'Competition' (C): the match is still played...". Said once a name is
    typed or the date moved; and the note coming does not move the fields above it."""
    from ui.desktop.editors import CompetitionsEditor

    season = tiny_season()
    cal = season.calendar.model_copy(update={"non_training_days": tuple(
        NonTrainingDay(date=D(2026, 3, d), reason="Winter break") for d in (2, 3))})
    season = season.model_copy(update={"calendar": cal})
    ed = CompetitionsEditor()
    qtbot.addWidget(ed)
    ed.resize(400, 700)
    ed.set_season(season)
    ed.show()
    qtbot.waitExposed(ed)
    assert ed.date.date() == q(D(2026, 3, 2)) and ed.day_off_note.isHidden()
    at = ed.name.mapTo(ed, ed.name.rect().topLeft())
    qtbot.keyClicks(ed.name, "Cup")
    assert not ed.day_off_note.isHidden()
    assert ed.day_off_note.text().startswith("Mon 2 Mar 2026 is the day of 'Cup' (C)")
    qtbot.wait(10)
    assert ed.name.mapTo(ed, ed.name.rect().topLeft()) == at  # nothing moved under the pointer
    ed.name.clear()
    assert ed.day_off_note.isHidden()
    ed.date.set_text("3.3.")  # the date moved: said, of the form's default name
    assert ed.day_off_note.text().startswith("Tue 3 Mar 2026 is the day of 'Competition' (C)")
    assert not ed.day_off_note.isHidden()
    ed.date.set_text("4.3.")  # no day off: gone
    assert ed.day_off_note.isHidden()


def test_a_competition_added_after_another_starts_as_one_day_c(w, qtbot):
    """After a 3-day B tournament was added, the form kept "Several days" ticked and priority B
    once the coach cleared the selection to add the next match: the A final nearly went in as a
    3-day B. Added, the new competition is still selected and shown; with the selection cleared
    the form is one day and C again, its name and date as typed."""
    from PySide6.QtCore import QPoint

    ed = w.competitions_editor
    w.show_dock("competitions")
    _add_competition(ed, "Easter tournament", D(2026, 3, 6), D(2026, 3, 8), "B")
    added = ed.selected_id()
    assert w.season.competition(added).end_date == D(2026, 3, 8)
    assert ed.multi.isChecked() and ed.priority.currentData() == "B"  # the form shows it
    ed.name.setText("Final")  # the selected one renamed and moved: Apply keeps its days and B
    ed.date.setDate(q(D(2026, 3, 9)))
    ed.end.setDate(q(D(2026, 3, 11)))
    ed.apply_button.click()
    assert w.season.competition(added) == Competition(
        id=added, name="Final", date=D(2026, 3, 9), end_date=D(2026, 3, 11), priority="B")
    table = ed.table
    below = table.visualItemRect(table.item(table.rowCount() - 1, 0)).bottomLeft() + QPoint(5, 8)
    assert table.viewport().rect().contains(below)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=below)  # the empty space
    assert ed.selected_id() is None
    assert not ed.multi.isChecked() and ed.priority.currentData() == "C"
    assert ed.name.text() == "Final" and ed.date.date() == q(D(2026, 3, 9))
    ed.name.setText("Cup final")
    ed.date.setDate(q(D(2026, 3, 14)))
    ed.add_button.click()
    final = w.season.competition(ed.selected_id())
    assert (final.name, final.date, final.end_date, final.priority) == (
        "Cup final", D(2026, 3, 14), None, "C")



def test_add_with_a_b_selected_gives_the_new_competition_c_unless_another_is_chosen(w, qtbot):
    """A basketball coach set League 5 to B ("Derby"), then, with it still selected, typed the
    State Championship over the form and pressed Add: it went in as B, said only in the status
    bar. A new competition takes the priority chosen for it; the selected row's, shown for
    Apply, is not chosen: C, as on an empty form."""
    ed = w.competitions_editor
    w.show_dock("competitions")
    _add_competition(ed, "Derby", D(2026, 3, 7), D(2026, 3, 7), "B")
    derby = ed.selected_id()
    ed.set_season(w.season)
    assert ed.priority.currentData() == "B"  # the Derby's, in the form
    ed.name.setText("State Championship")  # typed over the form, the Derby still selected
    ed.date.setDate(q(D(2026, 3, 13)))
    ed.multi.setChecked(True)
    ed.end.setDate(q(D(2026, 3, 15)))
    ed.add_button.click()
    champ = w.season.competition(ed.selected_id())
    assert champ.id != derby and champ.name == "State Championship"
    assert champ.priority == "C" and w.season.competition(derby).priority == "B"
    # the B on screen not taken, said (a hockey coach saw only "(C)" in the status bar)
    assert w.statusBar().currentMessage() == (
        "'State Championship' added at C, not at the selected row's B: choose a priority before "
        "Add to give a new competition another")
    assert ed.priority.currentData() == "C"  # the new one, selected, shows its own
    # chosen for the new one (the list opened, an item picked): that one goes with Add
    assert ed.select(derby)
    ed.name.setText("Play-off")
    ed.date.setDate(q(D(2026, 3, 21)))
    index = ed.priority.findData("A")
    ed.priority.setCurrentIndex(index)
    ed.priority.activated.emit(index)
    ed.add_button.click()
    assert w.season.competition(ed.selected_id()).priority == "A"


# -- squad ---------------------------------------------------------------------------------------
def test_squad_add_edit_delete_and_unavailable_dates(w, dialogs):
    ed = w.squad_editor
    before = w.season
    assert ed.athlete_id.text() == "A4"  # the next free id, in the squad's own pattern (A1-A3)
    ed.name.setText("Dana New")
    ed.position.setCurrentText("Defender")
    ed.max_speed.setValue(8.9)
    ed.add_button.click()
    assert w.season.athlete("A4") == Athlete(id="A4", name="Dana New", position="Defender",
                                              max_speed=8.9)
    # the squad's plan is kept, with a row for the newcomer (a season not under way: no today)
    assert w.season.plan is not None and w.season.plan.athletes[:3] == before.plan.athletes
    assert "Dana New is not planned yet: solve again (F5)" in w.statusBar().currentMessage()
    assert not any(u.athlete == "A4" for u in w.season.unavailability)
    assert "A4" in w.board.athlete_order()
    row = next(r for r in range(ed.table.rowCount()) if ed.table.item(r, 0).text() == "A4")
    # a cell's whole text in its tooltip: a narrow dock cut the Status column ("role: ben"); the
    # position is short (DF, as on the board), whole in its tooltip
    assert [ed.table.item(row, c).toolTip() for c in range(ed.table.columnCount())] == \
        [ed.table.item(row, c).text() if c != 2 else "Defender" for c in range(ed.table.columnCount())]
    assert ed.table.item(row, 2).text() == "DF"

    ed.select("A4")
    assert ed.athlete_id.text() == "A4"  # shown, and a new ID may be typed for Add
    ed.name.setText("Dana Newer")
    ed.max_speed.setValue(0.0)  # "not measured"
    ed.apply_button.click()
    assert w.season.athlete("A4") == Athlete(id="A4", name="Dana Newer", position="Defender")
    # the new name is said: "Edit athlete Dana New (A4)" read as if the rename had not taken;
    # the max speed cleared with it is no rename's
    assert w.undo_stack.undoText() == "Edit athlete Dana New (A4), renamed Dana Newer"
    ed.name.setText("Dana New")
    ed.apply_button.click()
    assert w.undo_stack.undoText() == "Rename athlete Dana Newer (A4) to Dana New"

    ed.select("A1")
    said = []
    ed.problem.connect(lambda what, text: said.append((what, text)))
    ed.away_from.setDate(q(D(2026, 3, 8)))
    ed.away_to.setDate(q(D(2026, 3, 5)))
    ed.away_add.click()  # reversed: said in the form's words, nothing added
    assert said == [("Unavailable dates", "To (Thu 5 Mar 2026) is before From (Sun 8 Mar 2026); "
                                          "pick a To on or after From.")]
    assert not any(u.athlete == "A1" for u in w.season.unavailability)
    ed.away_from.setDate(q(D(2026, 3, 5)))
    ed.away_to.setDate(q(D(2026, 3, 6)))
    ed.away_reason.setText("national team")
    ed.away_add.click()
    assert Unavailability(athlete="A1", start=D(2026, 3, 5), end=D(2026, 3, 6),
                          reason="national team") in w.season.unavailability
    assert ed.away_table.rowCount() == 1
    ed.away_table.selectRow(0)
    ed.away_remove.click()
    assert not any(u.athlete == "A1" for u in w.season.unavailability)

    ed.select("A2")
    dialogs.choices = ["delete"]  # he has an absence: asked first
    ed.delete_button.click()
    assert dialogs[-1][:2] == ("choose", "Delete athlete")
    assert w.season.athlete("A2") is None
    assert not any(u.athlete == "A2" for u in w.season.unavailability)
    undo_all(w, before)


def test_an_absence_may_end_after_the_season_as_the_command_line_takes_it(qtbot, dialogs):
    """Unavailable refused a loan to July ("Unavailable to: … is after the last day allowed
    here") that 'periodize record --unavailable' takes and the next season carries. The To may
    now lie after the season's end (the From stays within it), and Add says where those days go."""
    win = squad_with_history(qtbot)  # today Mon 9 Mar, the season ends Sun 15 Mar 2026
    ed = win.squad_editor
    ed.select("A1")
    assert ed.away_to.set_text("31/07/2026"), ed.away_to.problem()
    assert not ed.away_from.set_text("16/03/2026")  # an absence still starts within the season
    assert "after the last day allowed here (Sun 15 Mar 2026)" in ed.away_from.problem()
    assert ed.away_from.set_text("12/03/2026")
    ed.away_reason.setText("Loan")
    ed.away_add.click()
    assert Unavailability(athlete="A1", start=D(2026, 3, 12), end=D(2026, 7, 31),
                          reason="Loan") in win.season.unavailability
    assert not ed.away_note.isHidden()
    assert ed.away_note.text() == (
        "Ana Keeper (A1) away to Fri 31 Jul 2026: the days after the season's last day "
        "(Sun 15 Mar 2026) are kept for the next season (File ▸ New ▸ Next season carries them).")
    ed.select("A2")  # another athlete's form: the note was about A1's absence
    assert ed.away_note.isHidden()


def test_removing_an_absence_keeps_its_past_and_adding_over_one_joins_them(qtbot, dialogs):
    """Remove Dates erased a loan begun three weeks before today, past days and all, without a
    word (and adding it back from its first day was refused: the past keeps what happened). It
    ends now the day before today, said, one undo step; one wholly past is refused as adding
    it is. An absence added over one of the same reason (a loan extended) joins it: one row."""
    win = squad_with_history(qtbot)  # today Mon 9 Mar 2026
    loan = Unavailability(athlete="A1", start=D(2026, 3, 3), end=D(2026, 3, 11), reason="Loan")
    gone = Unavailability(athlete="A1", start=D(2026, 3, 2), end=D(2026, 3, 2), reason="Ill")
    win.apply_edit(E.AddUnavailability(unavailability=loan))
    win.apply_edit(E.AddUnavailability(unavailability=gone))
    ed, steps = win.squad_editor, win.undo_stack.index()
    said = []
    ed.problem.connect(lambda what, text: said.append((what, text)))
    ed.select("A1")
    ed.away_table.selectRow(0)
    ed.away_remove.click()
    cut = loan.model_copy(update={"end": D(2026, 3, 8)})
    assert [u for u in win.season.unavailability if u.athlete == "A1"] == [cut, gone]
    assert win.undo_stack.index() == steps + 1
    assert ed.away_note.text() == ("Remove Ana Keeper (A1)'s Loan from today on: kept Tue 3 Mar "
                                   "to Sun 8 Mar 2026, the past; removed from today on.")
    assert not ed.away_note.isHidden()
    win.undo_stack.undo()  # the loan whole again: the note no longer holds
    assert ed.away_note.isHidden()
    win.undo_stack.redo()
    ed.away_table.selectRow(0)  # the loan, now wholly past: refused, nothing changed
    ed.away_remove.click()
    assert said[-1] == ("Unavailable dates", "Loan 3 to 8 Mar 2026 is before today (9 Mar 2026): "
                                             "the past keeps what happened; remove an absence "
                                             "that runs on to today or later.")
    assert win.undo_stack.index() == steps + 1
    ed.away_from.setDate(q(D(2026, 3, 9)))  # the loan extended from today: one row
    ed.away_to.setDate(q(D(2026, 3, 14)))
    ed.away_reason.setText("loan")
    ed.away_add.click()
    assert [u for u in win.season.unavailability if u.athlete == "A1"] == [
        cut.model_copy(update={"end": D(2026, 3, 14)}), gone]
    assert ed.away_table.rowCount() == 2
    assert "joined with 3 to 8 Mar 2026 (Loan): one absence 3 to 14 Mar 2026" in (
        win.undo_stack.undoText())


def squad_with_history(qtbot):
    """tiny_season under way (today Mon 9 Mar) with five logged sessions of Ben Striker's."""
    season = tiny_season()
    season = season.model_copy(update={
        "calendar": season.calendar.model_copy(update={"today": D(2026, 3, 9)}),
        "sessions": tuple(Session(athlete="A2", date=D(2026, 3, d), minutes=60, rpe=5)
                          for d in range(2, 7))})
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    return win


def test_deleting_an_athlete_with_a_history_asks_and_offers_left_the_squad(qtbot, dialogs):
    """Delete on a sold player ran at one click and took his logged sessions and his absence
    with it. It asks now, naming what goes; Cancel keeps everything, Left the Squad… keeps his
    past and plans nothing for him from the day given; an athlete with no history goes at once."""
    win = squad_with_history(qtbot)
    ed, before = win.squad_editor, win.season
    ed.select("A2")
    dialogs.choices = ["cancel"]
    ed.delete_button.click()
    assert dialogs[-1] == ("choose", "Delete athlete", "Delete Ben Striker (A2) and their 5 logged "
                           "sessions and 1 absence? To keep their history, use Left the Squad… instead.")
    assert win.season == before and win.undo_stack.index() == 0

    dialogs.choices, dialogs.dates = ["leftsquad"], [D(2026, 3, 11)]
    ed.delete_button.click()
    assert dialogs[-1][:2] == ("date", "Left the squad")  # the forms' date field, not free text
    assert dialogs.offered[-1] == (D(2026, 3, 9), D(2026, 3, 2), D(2026, 3, 15))  # today offered
    after = win.season
    assert after.athlete("A2") == before.athlete("A2") and after.sessions == before.sessions
    assert [u for u in after.unavailability if u.athlete == "A2"] == [
        *(u for u in before.unavailability if u.athlete == "A2"),
        Unavailability(athlete="A2", start=D(2026, 3, 11), end=D(2026, 3, 15), reason="left the squad")]
    row, was = after.plan.for_athlete("A2"), before.plan.for_athlete("A2")
    assert set(row.intensity[9:]) == {0} and row.intensity[:9] == was.intensity[:9]
    assert any(was.intensity[9:])  # he was planned after he left: the edit took it away
    said = "Ben Striker (A2) left the squad on Wed 11 Mar 2026: their past is kept; nothing is planned from then"
    assert win.undo_stack.undoText() == said and win.statusBar().currentMessage().startswith(said)
    win.undo_action.trigger()
    assert win.season == before

    dialogs.dates = ["offered"]  # the button itself, OK on the day offered (today)
    ed.select("A2")
    assert ed.leave_button.text() == "&Left the Squad…" and ed.leave_button.isEnabled()
    ed.leave_button.click()
    assert win.season.sessions == before.sessions
    assert ("A2", D(2026, 3, 9)) in {(u.athlete, u.start) for u in win.season.unavailability
                                     if u.reason == "left the squad"}
    dialogs.dates = [D(2026, 3, 6)]  # before today: the past keeps what happened
    ed.leave_button.click()
    assert win.undo_stack.index() == 1
    assert dialogs[-1] == ("warn", "Change not made", "Left the squad: Ben Striker (A2): 6 Mar 2026 "
                           "is before today (9 Mar 2026): the past keeps what happened; give today "
                           "as their first day away (the days since they went are logged with 0 "
                           "minutes, or left unlogged).")

    n = len(dialogs)
    ed.select("A1")  # no history: no question
    ed.delete_button.click()
    assert win.season.athlete("A1") is None and len(dialogs) == n


def test_left_the_squad_again_offers_his_recorded_day_and_says_what_is_not_restored(qtbot, dialogs):
    """Left the Squad… for a player recorded as leaving offered today and did not say he was
    recorded as leaving; moving the day later quietly kept his absence as the first day had cut
    it. It offers his recorded day, says a new day moves it, and the move says the cut absence
    is not restored. The Unavailable list shows three rows at 1366 × 768 (it showed 1.5)."""
    win = squad_with_history(qtbot)  # "family" 9-10 Mar
    win.resize(1366, 768)
    win.show()
    win.open_editor("squad")
    qtbot.waitExposed(win)
    ed = win.squad_editor
    ed.select("A2")
    dialogs.dates = [D(2026, 3, 10)]
    ed.leave_button.click()
    assert "recorded as leaving" not in dialogs[-1][2]
    dialogs.dates = ["offered"]
    ed.leave_button.click()
    assert dialogs.offered[-1][0] == D(2026, 3, 10)
    assert dialogs[-1][2].startswith("Ben Striker (A2) is recorded as leaving on Tue 10 Mar 2026; "
                                     "a new day moves it. ")
    dialogs.dates = [D(2026, 3, 12)]
    ed.leave_button.click()
    assert "they were recorded as leaving Tue 10 Mar 2026: the absences cut or removed then are not " \
        "restored (family 9 Mar 2026 ends the day before it)" in win.undo_stack.undoText()
    assert [(u.start, u.end) for u in win.season.unavailability if u.athlete == "A2"] == [
        (D(2026, 3, 9), D(2026, 3, 9)), (D(2026, 3, 12), D(2026, 3, 15))]
    ed.select("A2")
    table = ed.away_table
    assert table.rowCount() == 2
    assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()


def test_a_player_who_left_reads_so_in_the_inspector_and_his_later_absence_goes_undoably(qtbot):
    """After Left the Squad… the Inspector read "Stage FIT — fit: full training and matches" on
    his days after leaving, and his absence on those days stayed listed above "left the squad".
    The stage line says he left; their absence from that day goes, and undo gives it back."""
    from planner.timeline import Timeline
    from ui.desktop.panels import InspectorPanel

    win = squad_with_history(qtbot)
    before = win.season
    assert win.apply_edit(E.LeaveSquad(athlete="A2", leaves=D(2026, 3, 9)))
    s = win.season
    assert [(u.start, u.reason) for u in s.unavailability if u.athlete == "A2"] == [
        (D(2026, 3, 9), "left the squad")]  # "family" 9-10 Mar is gone
    assert "their absence from then removed: family 9 to 10 Mar 2026" in win.undo_stack.undoText()
    tl, ap = Timeline(s), s.plan.for_athlete("A2")
    assert dict(InspectorPanel._plan_rows(s, tl, ap, 10))["Stage"] == \
        "<b>left the squad on Mon 9 Mar 2026</b>"
    assert dict(InspectorPanel._plan_rows(s, tl, ap, 6))["Stage"].startswith("<b>FIT</b> — fit")
    win.board.set_current("A2", D(2026, 3, 11))
    assert "full training and matches" not in win.inspector.toPlainText()
    win.undo_action.trigger()
    assert win.season == before
    win.squad_editor.select("A2")
    assert win.squad_editor.away_table.rowCount() == 1  # "family" listed again


def test_a_player_added_to_a_season_under_way_joins_today(qtbot):
    """Added with today inside the season, the newcomer is "not in the squad yet" before today
    (one undo step with the add), and the squad's plan stays as it was."""
    season = tiny_season()
    season = season.model_copy(update={
        "plan": hand_plan(season),
        "calendar": season.calendar.model_copy(update={"today": D(2026, 3, 9)})})
    win = MainWindow(season, None)
    qtbot.addWidget(win)
    ed = win.squad_editor
    ed.name.setText("Eli Signing")
    ed.add_button.click()
    new = next(a for a in win.season.athletes if a.name == "Eli Signing")
    (away,) = [u for u in win.season.unavailability if u.athlete == new.id]
    assert (away.start, away.end, away.reason) == (D(2026, 3, 2), D(2026, 3, 8), E.JOINED_REASON)
    assert win.season.plan.athletes[:3] == season.plan.athletes
    assert "with the squad from" in win.undo_stack.text(win.undo_stack.index() - 1)
    # out of the matchday squad until picked (three signings at "start" made 14 starters)
    assert new.role == "out"
    assert win.statusBar().currentMessage().startswith(
        f"Add athlete Eli Signing ({new.id}), with the squad from 9 Mar 2026, out of the "
        f"matchday squad until you pick them in Roles")
    win.undo_stack.undo()
    assert win.season == season
    ed.name.setText("Fay Bench")
    ed.role.setCurrentIndex(ed.role.findData("bench"))  # a role the coach chose stays
    ed.add_button.click()
    assert next(a for a in win.season.athletes if a.name == "Fay Bench").role == "bench"


def test_clearing_a_max_speed_his_logged_speeds_need_says_one_sentence_and_the_form_goes_back(qtbot, dialogs):
    """Max speed "not measured" and Apply for a player with sessions logged in m/s: ten lines of
    ``sessions[…].top_speed_ms`` and, after OK, a form showing "not measured" beside the list's
    9.0 m/s. One sentence now, and the form shows the max speed stored."""
    season = tiny_season()
    season = season.model_copy(update={
        "athletes": tuple(a.model_copy(update={"max_speed": 9.0}) if a.id == "A2" else a
                          for a in season.athletes),
        "sessions": tuple(Session(athlete="A2", date=D(2026, 3, d), minutes=60, rpe=5,
                                  top_speed_ms=7.0) for d in (2, 3, 5))})
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    ed = win.squad_editor
    ed.select("A2")
    ed.max_speed.setValue(0.0)
    assert ed.max_speed.text() == "not measured"
    ed.apply_button.click()
    assert dialogs[-1] == ("warn", "Change not made", "Edit athlete Ben Striker (A2): Ben Striker "
                           "has 3 sessions logged in m/s (2 to 5 Mar 2026): they need a max speed "
                           "to be read, so it cannot be removed; correct it instead")
    assert win.season.athlete("A2").max_speed == 9.0 and win.undo_stack.count() == 0
    assert ed.max_speed.value() == 9.0 and ed.max_speed.text() != "not measured"


# -- injuries ------------------------------------------------------------------------------------
def test_record_an_injury_then_stage_flare_up_test_target_and_remove(w):
    ed = w.injuries_editor
    before = w.season
    assert ed.select("A1")
    assert not ed.rehab.isEnabled() and ed.record_button.isVisibleTo(ed)
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.onset.setDate(q(D(2026, 2, 20)))
    ed.first_stage.setCurrentIndex(ed.first_stage.findData("P2"))
    ed.first_start.setDate(q(D(2026, 2, 25)))
    ed.target.setCurrentIndex(ed.target.findData("m1"))
    ed.record_button.click()
    inj = w.season.injury_of("A1")
    assert (inj.protocol, inj.onset, inj.stages, inj.target_competition) == (
        "hamstring-strain", D(2026, 2, 20), (StageRecord(stage="P2", start=D(2026, 2, 25)),), "m1")
    assert set(w.board.athlete_order()[:2]) == {"A1", "A3"}  # the injured come first
    assert ed.rehab.isEnabled() and ed.remove_button.isVisibleTo(ed)

    # The history records what happened: a stage started before the planning start.
    ed.stage.setCurrentIndex(ed.stage.findData("P3"))
    ed.stage_start.setDate(q(D(2026, 3, 1)))
    ed.stage_button.click()
    assert w.season.injury_of("A1").current == StageRecord(stage="P3", start=D(2026, 3, 1))

    ed.flare_date.setDate(q(D(2026, 3, 9)))
    ed.flare_button.click()  # after the season's start, with no today: not happened yet
    assert w.season.injury_of("A1").flare_ups == () and "once it happened" in ed.rehab_error.text()
    w.apply_edit(E.SetSeasonSettings(today=D(2026, 3, 9)), after=w.season.model_copy(update={
        "calendar": w.season.calendar.model_copy(update={"today": D(2026, 3, 9)})}))
    ed.flare_button.click()
    assert w.season.injury_of("A1").flare_ups == (D(2026, 3, 9),)
    assert "9 Mar" in ed.flares.text()
    # the header says where the flare-up put the athlete, as the inspector does, and the next
    # stage offered is the one after it
    assert "recorded stage P2 (" in ed.status.text() and "since Mon 9 Mar 2026 (flare-up)" in ed.status.text()
    assert ed.stage.currentData() == "P3"

    ed.target.setCurrentIndex(0)  # none
    ed.apply_button.click()
    assert w.season.injury_of("A1").target_competition is None
    assert w.undo_stack.undoText().startswith("Target of Ana Keeper")

    ed.remove_button.click()
    assert w.season.injury_of("A1") is None
    undo_all(w, before)


def test_no_next_stage_is_offered_to_an_athlete_the_records_hold_fit(w):
    """Kofi, back to full training since 23 Apr, was offered "Entered FIT — back to full
    training" with Record Stage: nothing was left to record. The row offers no stage then
    (Record Stage greyed) until one is picked; an athlete in rehab is offered the next stage."""
    ed = w.injuries_editor
    assert ed.select("A1")
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.onset.setDate(q(D(2026, 2, 20)))
    ed.first_stage.setCurrentIndex(ed.first_stage.findData("S3"))
    ed.first_start.setDate(q(D(2026, 2, 25)))
    ed.record_button.click()
    assert ed.stage.currentData() == "FIT" and ed.stage_button.isEnabled()
    ed.stage_start.setDate(q(D(2026, 3, 1)))
    ed.stage_button.click()
    assert w.season.injury_of("A1").current == StageRecord(stage="FIT", start=D(2026, 3, 1))
    assert ed.stage.currentIndex() == -1 and not ed.stage_button.isEnabled()
    assert ed.stage.placeholderText() == "none: FIT since Sun 1 Mar 2026"
    assert ed.select("A2") and ed.select("A1")  # shown afresh: still nothing proposed
    assert ed.stage.currentIndex() == -1 and not ed.stage_button.isEnabled()
    ed.stage.setCurrentIndex(ed.stage.findData("S3"))  # a stage picked by hand: recordable
    assert ed.stage_button.isEnabled()


def test_an_injury_after_the_season_or_a_target_before_it_is_refused_in_the_editor(w):
    ed = w.injuries_editor
    before = w.season
    assert ed.select("A1")
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.onset.setDate(q(D(2027, 3, 10)))  # a year late: the season ends on 15 Mar 2026
    ed.first_stage.setCurrentIndex(ed.first_stage.findData("P1"))
    ed.record_button.click()
    assert w.season == before
    assert (
        "Onset: Wed 10 Mar 2027 is after the season ends (Sun 15 Mar 2026), so the injury does "
        "not count and Ana Keeper (A1) is planned fit all season; check the year of the onset"
    ) in ed.record_error.text()
    ed.onset.setDate(q(D(2026, 3, 10)))
    ed.record_button.click()
    assert w.season.injury_of("A1").onset == D(2026, 3, 10)
    ed.select("A3")  # onset 10 Feb 2026; the target list greys out what is over before it
    w.apply_edit(E.AddCompetition(competition=Competition(id="f1", name="Friendly",
                                                          date=D(2026, 3, 3), priority="C")))
    ed.select("A1")  # onset 10 Mar 2026: the friendly of 3 Mar cannot be its target
    ed.target.setCurrentIndex(ed.target.findData("f1"))
    ed.apply_button.click()
    assert w.season.injury_of("A1").target_competition is None
    assert "Target: Ana Keeper (A1)'s target 'Friendly' is on Tue 3 Mar 2026, before the " \
           "onset Tue 10 Mar 2026; a target competition comes after the injury" in ed.record_error.text()
    undo_all(w, before)


def test_a_criteria_test_shows_the_templates_pass_mark(w):
    from PySide6.QtTest import QTest

    ed = w.injuries_editor
    before = w.season
    assert ed.select("A3")  # P2 of the iliopsoas protocol: hip-flexor strength LSI >= 80 %
    assert ed.test_name.currentText() == "Hip-flexor strength LSI"
    assert ed.test_heading.text() == "Criteria test of P2, the current stage (then earlier stages'):"
    # nothing typed yet: 0.0 was shown, and for a pain score 0 /10 passes
    assert ed.test_value.text() == "—" and ed.pass_mark.text().endswith("type the result.")
    ed.test_date.setDate(q(D(2026, 3, 1)))
    ed.test_button.click()
    assert w.season.injury_of("A3").tests == ()
    assert ed.rehab_error.text() == "Type the test's result, then Record test."
    ed.test_value.setValue(76)
    assert "Pass mark ≥ 80 %" in ed.pass_mark.text()
    assert "does not pass yet" in ed.pass_mark.text()
    ed.test_value.lineEdit().selectAll()  # typed as a coach types it: the decimal was lost
    QTest.keyClicks(ed.test_value, "82.5")
    assert ed.test_value.value() == 82.5 and ed.test_value.text() == "82.5 %"
    ed.test_value.setValue(780)  # a typo for 78: it read "passes" until Record refused it
    assert ed.pass_mark.text() == ("Pass mark ≥ 80 %: 780 % is outside 0-200 % (Hip-flexor strength "
                                   "LSI is scored in %); correct the value.")
    ed.test_value.setValue(84)
    assert "this result passes" in ed.pass_mark.text()
    ed.test_date.setDate(q(D(2026, 3, 1)))  # a result is history: on or before the planning start
    ed.test_button.click()
    assert w.season.injury_of("A3").tests == (CriteriaTest(date=D(2026, 3, 1), name="Hip-flexor strength LSI",
                                                           value=84, unit="%"),)
    assert "Hip-flexor strength LSI 84 %" in ed.history.item(0, 2).text()
    undo_all(w, before)


def test_changing_the_protocol_of_an_injury(w):
    ed = w.injuries_editor
    before = w.season
    ed.select("A3")
    ed.protocol.setCurrentIndex(ed.protocol.findData("adductor-groin"))
    ed.onset.setDate(q(D(2026, 2, 12)))
    ed.apply_button.click()
    inj = w.season.injury_of("A3")
    assert (inj.protocol, inj.onset) == ("adductor-groin", D(2026, 2, 12))
    undo_all(w, before)


# -- season settings dialog -----------------------------------------------------------------------
def test_season_settings_dialog(w):
    before = w.season
    w.settings_action.trigger()
    dlg = w.settings_dialog
    assert dlg.isVisible() and dlg.isModal()  # window-modal, opened without blocking
    dlg.name.setText("Tiny FC 2026")
    dlg.days["sat"].setChecked(False)
    dlg.use_today.setChecked(True)
    dlg.today.setDate(q(D(2026, 3, 9)))
    dlg.accept()
    move = w.weekly.dialog  # a new today goes through Move Today (tests/ui/test_progress_app.py)
    assert move.isVisible() and move.today() == D(2026, 3, 9)
    move.replan_box.setChecked(False)
    move.buttons.accepted.emit()
    cal = w.season.calendar
    assert w.season.name == "Tiny FC 2026"
    assert cal.training_days == ("mon", "tue", "wed", "thu", "fri")
    assert cal.today == D(2026, 3, 9)
    assert w.season.plan is None  # the calendar changed
    assert w.undo_stack.count() == 2 and "Tiny FC 2026" in w.windowTitle()
    undo_all(w, before)


def test_season_settings_keep_one_training_weekday_ticked(w):
    w.settings_action.trigger()
    dlg = w.settings_dialog
    for d in ("mon", "tue", "wed", "thu", "fri", "sat"):
        dlg.days[d].setChecked(False)
    assert [d for d, box in dlg.days.items() if box.isChecked()] == ["sat"]
    assert dlg.error.text().startswith("A season needs at least one training weekday: Saturday "
                                       "stays ticked")
    dlg.days["tue"].setChecked(True)
    assert dlg.error.text() == ""
    dlg.days["sat"].setChecked(False)
    dlg.accept()
    assert w.season.calendar.training_days == ("tue",)


def test_season_settings_without_change_make_no_undo_step(w):
    w.settings_action.trigger()
    w.settings_dialog.accept()
    assert w.undo_stack.count() == 0


def test_season_settings_refused_when_the_end_is_before_the_start(w, dialogs):
    before = w.season
    w.settings_action.trigger()
    dlg = w.settings_dialog
    dlg.end.setDate(q(D(2026, 2, 1)))
    dlg.accept()
    assert w.season == before
    assert dialogs.kinds() == ["warn"] and "ends before it starts" in dialogs[0][2]


def test_season_settings_moved_a_year_on_say_each_kind_of_problem_once(w):
    """Dates moved past a season with a log refused every logged session in a line of its own:
    the dialog grew past the screen, OK out of reach. Each kind is said once and counted, and
    the way to the next season is given."""
    from planner.season import Session

    sessions = tuple(Session(athlete=a, date=D(2026, 3, 2) + dt.timedelta(days=k), minutes=60,
                             rpe=5) for a in ("A1", "A2") for k in range(10))
    w.set_document(w.season.model_copy(update={"sessions": sessions}), None)
    w.settings_action.trigger()
    dlg = w.settings_dialog
    dlg.end.setDate(q(D(2027, 3, 14)))
    dlg.start.setDate(q(D(2027, 3, 1)))
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and len(w.season.sessions) == 20  # refused, nothing changed
    lines = dlg.error.text().splitlines()
    assert len(lines) <= 8, lines
    assert any(line.endswith("(and 19 more like it)") for line in lines), lines
    assert lines[0].startswith("To start the next season from this one")  # seen first
    assert "use File ▸ New ▸ Next season after “Tiny FC”" in dlg.error.text()
    assert dlg.height() < 700
    dlg.reject()


def _cut_short(w):
    """Season Settings with the end moved from 15 to 11 Mar (the match, a day off after it and
    the block across it), OK pressed: refused, with the shortening offered."""
    from planner.season import Block, NonTrainingDay

    s = w.season
    w.set_document(s.model_copy(update={
        "blocks": (Block(name="March", start=D(2026, 3, 2), end=D(2026, 3, 15)),),
        "calendar": s.calendar.model_copy(update={"non_training_days": (
            NonTrainingDay(date=D(2026, 3, 13), reason="Travel"),)})}), None)
    w.settings_action.trigger()
    dlg = w.settings_dialog
    dlg.end.setDate(q(D(2026, 3, 11)))
    dlg.buttons.accepted.emit()
    return dlg


def test_an_earlier_end_refused_offers_to_remove_what_falls_after_it_as_one_step(w):
    """A season cut short was refused until each competition, day off and block after the new
    end was deleted one by one; the refusal now offers to end it there, saying what goes."""
    dlg = _cut_short(w)
    before = w.season
    assert dlg.isVisible() and w.season.calendar.end == D(2026, 3, 15)  # refused as it was
    assert "'League match'" in dlg.error.text() and "Nothing was changed" in dlg.error.text()
    assert dlg.shorten_button.isVisible()
    assert dlg.shorten_button.text() == ("End the season on Wed 11 Mar 2026 and remove what falls "
                                         "after it")
    note = dlg.shorten_note.text()
    assert "• 1 competition removed: 'League match'" in note
    assert "• 1 day off removed: 13 Mar 2026 (Travel)" in note
    assert "• 1 block cut to end on Wed 11 Mar 2026: 'March'" in note
    assert "• 1 absence" not in note  # Ben's (9 to 10 Mar) is before the new end
    assert "solve again (F5)" in note  # the plan was made for the longer season
    # grown to show the note whole: the refusal above it overlapped it at the old size
    assert dlg.height() >= dlg.sizeHint().height()
    dlg.shorten_button.click()
    after = w.season
    assert not dlg.isVisible()
    assert after.calendar.end == D(2026, 3, 11) and after.competitions == ()
    assert after.calendar.non_training_days == () and after.blocks[0].end == D(2026, 3, 11)
    assert after.plan is None and after.unavailability == before.unavailability
    assert w.undo_stack.count() == 1
    assert w.undo_stack.text(0).startswith("End the season on Wed 11 Mar 2026 (1 competition removed")
    undo_all(w, before)


def test_an_earlier_end_before_a_logged_session_says_why_it_cannot_be_reached(w):
    from planner.season import Session

    w.set_document(w.season.model_copy(update={"sessions": (
        Session(athlete="A1", date=D(2026, 3, 12), minutes=60, rpe=5),)}), None)
    dlg = _cut_short(w)
    assert not dlg.shorten_button.isVisible()
    assert dlg.shorten_note.text() == (
        "The season cannot end on Wed 11 Mar 2026 by removing what falls after it: sessions "
        "are logged up to Thu 12 Mar 2026: end the season on that day or later, or delete the "
        "sessions after it first (the Log panel).")
    dlg.start.setDate(q(D(2026, 3, 3)))  # a later start keeps its refusal alone
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and not dlg.shorten_button.isVisible() and dlg.shorten_note.text() == ""
    dlg.reject()


# -- rules panel -----------------------------------------------------------------------------------
def test_the_mouse_wheel_over_a_rule_scrolls_and_sets_nothing(w, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    w.show()
    rp = w.rules_panel
    box = rp.value_boxes[("HV-6", "days_after")]
    mode = rp.mode_boxes["TEAM"]
    before = w.season

    def wheel(widget, notches: int) -> None:
        ev = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                         QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                         Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, ev)

    wheel(box, 3)
    wheel(mode, 3)
    assert w.season is before and w.undo_stack.count() == 0
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    value = box.value()
    wheel(box, 1)  # clicked into: the wheel steps the value, one edit
    assert box.value() == value - 1 and w.undo_stack.count() == 1


def test_a_rules_words_wrap_in_a_narrow_panel_instead_of_being_cut(qtbot):
    from PySide6.QtGui import QFontMetrics

    from ui.desktop.panels import RulesPanel

    rp = RulesPanel()
    qtbot.addWidget(rp)
    rp.resize(380, 700)
    rp.show()
    qtbot.waitExposed(rp)
    item = rp.items["LD-1"]
    child = next(item.child(k) for k in range(item.childCount())
                 if item.child(k).text(0).startswith("Team session length in a deload week"))
    words = child.text(0)
    fm = QFontMetrics(rp.tree.font())
    assert fm.horizontalAdvance(words) > rp.tree.columnWidth(0)  # too long for one line here
    rect = rp.tree.visualItemRect(child)
    assert rect.height() >= 2 * fm.height()  # so it takes two lines or more, not "Team s..."
    box = rp.value_boxes[("LD-1", "minutes_deload")]
    assert box.height() < rect.height()  # the box keeps its own height in the taller row


def test_a_rule_value_typed_outside_its_range_is_said(w, qtbot):
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", "acwr_max")]
    said = []
    rp.refused.connect(said.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "2")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 1.3 and w.undo_stack.count() == 0
    assert said and "LD-1 highest week load / chronic load: '2' is outside 1.1" in said[-1]
    assert "type a value in that range (the rule keeps 1.30)" in said[-1]
    assert said[-1] in w.statusBar().currentMessage()


def test_a_deload_session_longer_than_a_load_weeks_is_refused_where_typed(w, qtbot):
    """200 minutes in a deload week was taken (0-240 is the box's range), making every deload
    week the heaviest of the plan."""
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", "minutes_deload")]
    before, said = box.value(), []
    rp.refused.connect(said.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "200")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == before and w.undo_stack.count() == 0
    assert said and ("a deload week's session (200 min) would be longer than a load week's "
                     "(75 min, the default)") in said[-1], said
    assert said[-1] in w.statusBar().currentMessage()


def test_a_refused_rule_value_moves_neither_the_status_bar_nor_the_load_panel(w, qtbot):
    """A refused value's message took two lines of the status bar and pushed the Load panel up
    by a line; it is said on the bar's one line, whole in its tooltip."""
    from PySide6.QtWidgets import QApplication

    w.show_dock("rules")
    w.show_dock("load")
    for _ in range(3):
        QApplication.processEvents()
    bar, load = w.statusBar(), w.docks["load"]
    before = (bar.height(), load.geometry())
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", "minutes_deload")]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "200")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    message = bar.currentMessage()
    assert "would be longer than a load week's" in message
    assert bar.fontMetrics().horizontalAdvance(message) > bar.message_rect().width()
    for _ in range(3):
        QApplication.processEvents()
    assert (bar.height(), load.geometry()) == before
    assert bar.toolTip() == message and bar.is_elided()


@pytest.mark.parametrize("typed", ["300", "9999", "-5", "abc"])
def test_a_rule_value_typed_whole_is_refused_whole_never_a_part_of_it(w, qtbot, typed):
    """Typing 300 into a 0-240 box: Qt refused the third key and applied the 30 left in the box
    (9999 became 99, -5 became 5, with a deload session longer than a load week's). The typed
    text stays as typed; Enter says why it is refused and the rule keeps its value."""
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", "minutes_deload")]
    before = box.value()
    said = []
    rp.refused.connect(said.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    assert box.lineEdit().text() == typed  # as typed, no key dropped
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == before and w.undo_stack.count() == 0
    assert said and f"'{typed}'" in said[-1] and f"the rule keeps {before}" in said[-1]
    assert ("is not a number" if typed == "abc" else "is outside 0") in said[-1]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "50")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 50 and w.undo_stack.count() == 1  # a value in range: one edit


def test_typed_words_find_a_rule_or_a_setting(w, qtbot):
    """LD-1's weight sat some sixty lines down the panel: 'load spike weight' keeps the line."""
    rp = w.rules_panel
    qtbot.keyClicks(rp.find, "load spike weight")
    shown = [rid for rid, item in rp.items.items() if not item.isHidden()]
    assert shown == ["LD-1"]
    ld1 = rp.items["LD-1"]
    lines = [ld1.child(k).text(0) for k in range(ld1.childCount()) if not ld1.child(k).isHidden()]
    assert lines == ["Cost of a week above the ratio (0: spikes are listed, not avoided)"]
    assert rp.filter("deload") > 2  # a word in several rules' headings or settings
    rp.find.setText("LD-1")
    assert rp.items["HV-2"].isHidden() and not ld1.isHidden()
    assert all(not ld1.child(k).isHidden() for k in range(ld1.childCount()))  # the whole rule
    rp.find.setText("HV-5")
    assert rp.show_rule("LD-1") and rp.find.text() == "" and not ld1.isHidden()  # asked for: shown
    assert all(not item.isHidden() for item in rp.items.values())


def test_match_game_and_competition_find_one_another_in_the_rules(w, qtbot):
    """A basketball coach typed "match" for the minutes of a game started, and LD-1's rows say
    "competition": nothing was found."""
    rp = w.rules_panel

    def lines(rid: str) -> list[str]:
        item = rp.items[rid]
        return [item.child(k).text(0) for k in range(item.childCount())
                if not item.child(k).isHidden()]

    for typed in ("match minutes", "game minutes", "Games started"):
        rp.find.setText(typed)
        assert "A competition started: minutes" in lines("LD-1"), typed
        assert "A competition from the bench: minutes" in lines("LD-1") or typed == "Games started"
    rp.find.setText("competition")
    assert not rp.items["HV-7"].isHidden()  # "No speed the day before a match"
    rp.find.setText("minutes")  # a word of no group finds only itself
    assert rp.items["HV-7"].isHidden()


def test_rules_panel_values_and_modes(w):
    rp = w.rules_panel
    before = w.season
    box = rp.value_boxes[("HV-2", "max_speed_days")]
    assert (box.minimum(), box.maximum(), box.value()) == (1, 3, 2)
    box.setValue(3)
    assert w.season.rules.values == {"HV-2": {"max_speed_days": 3}}
    assert w.undo_stack.undoText() == "Set HV-2: speed days in a load or taper week to 3"
    box.setValue(99)  # clamped to the range
    assert w.season.rules.values["HV-2"]["max_speed_days"] == 3
    mode = rp.mode_boxes["TEAM"]
    mode.setCurrentIndex(mode.findData("hard"))
    assert w.season.rules.modes == {"TEAM": "hard"}
    assert w.undo_stack.count() == 2
    w.undo_action.trigger()
    assert mode.currentData() == "soft"  # the panel follows undo
    w.undo_action.trigger()
    assert box.value() == 2
    assert w.season == before
    w.redo_action.trigger()
    assert box.value() == 3


def test_rules_panel_lists_every_rule_with_range_unit_evidence_and_citation(w):
    from planner.citations import cite
    from planner.rules import RULES

    rp = w.rules_panel
    assert set(rp.items) == set(RULES)
    item = rp.items["HV-1"]
    assert item.text(0) == "HV-1  Regular high-velocity exposure  [E+J]"
    assert cite("Malone17") in item.toolTip(0)
    assert item.child(0).text(0) == "Mode" and rp.mode_boxes["HV-1"].count() == 3
    child = item.child(1)
    assert child.text(2) == "7–10" and child.text(3) == "days"
    assert rp.items["HV-5"].text(0).endswith("[J] · hard") and "HV-5" not in rp.mode_boxes
    w.show_rule("HV-1")
    assert rp.current_rule() == "HV-1"
    assert cite("Malone17") in rp.details.toPlainText()
    assert not w.docks["rules"].isHidden()


def test_editors_lead_the_board_to_what_they_select(w, qtbot):
    w.board.set_current("A1", D(2026, 3, 4))
    ed = w.squad_editor
    row = next(r for r in range(ed.table.rowCount()) if ed.table.item(r, 0).text() == "A2")
    rect = ed.table.visualItemRect(ed.table.item(row, 1))
    w.show_dock("squad")
    qtbot.mouseClick(ed.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.board.current() == ("A2", D(2026, 3, 4))
    w.competitions_editor.select("m1")
    assert w.board.current() == ("A2", D(2026, 3, 14))
    # An edit refreshes the editors without moving the board's selection.
    w.apply_edit(E.SetRuleValue(rule="HV-2", param="max_speed_days", value=1))
    assert w.board.current() == ("A2", D(2026, 3, 14))


def test_season_settings_ok_keeps_the_dialog_open_on_an_end_before_the_start(w, dialogs):
    """OK with an end before the start: the dialog stays open, says why in its own words and
    keeps every field typed; nothing changes until it is corrected (or Cancel)."""
    before = w.season
    w.settings_action.trigger()
    dlg = w.settings_dialog
    dlg.name.setText("Renamed FC")
    dlg.end.setDate(q(D(2026, 2, 1)))
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and dialogs.kinds() == []
    assert "Ends" in dlg.error.text() and "Nothing was changed" in dlg.error.text()
    assert dlg.name.text() == "Renamed FC" and w.season == before
    dlg.end.setDate(q(before.calendar.end))
    dlg.buttons.accepted.emit()
    assert not dlg.isVisible() and w.season.name == "Renamed FC"
    undo_all(w, before)


def test_an_injured_athlete_is_found_by_typing_the_name(w, qtbot):
    """Injured athletes come first in the Injuries editor, marked after the name, so typing a
    name's first letters selects the athlete as in any list."""
    box = w.injuries_editor.athlete
    assert box.itemText(0) == "Cara Mid (A3)  ✚ injury recorded" and box.itemData(0) == "A3"
    box.setCurrentIndex(box.findData("A1"))
    box.setFocus()
    qtbot.keyClicks(box, "Ca")
    assert box.currentData() == "A3"


@pytest.mark.parametrize("name, typed, value", [
    ("acwr_max", "1,45", 1.45), ("acwr_max", "1.234", 1.23), ("acwr_max", "1.4", 1.4),
    ("minutes_deload", "50.0", 50), ("minutes_deload", "50,", 50), ("minutes_deload", " 60 ", 60),
    ("minutes_deload", "+70", 70)])
def test_a_value_typed_with_a_comma_more_decimals_or_a_zero_fraction_is_taken(w, qtbot, name, typed, value):
    """1,45 (a decimal comma) and 1.234 (three decimals in a two-decimal box) were reverted to
    the old value without a word once out-of-range text was kept as typed; so was '50.0' in a
    whole-number box (Qt refused it and no reason was found)."""
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", name)]
    said = []
    rp.refused.connect(said.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == pytest.approx(value) and w.undo_stack.count() == 1 and not said


def test_a_refusal_is_said_once_and_a_fraction_in_a_whole_number_box_is_refused(w, qtbot):
    from PySide6.QtWidgets import QApplication

    rp = w.rules_panel
    said = []
    rp.refused.connect(said.append)
    box = rp.value_boxes[("LD-1", "acwr_max")]
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "2")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    box.clearFocus()
    QApplication.processEvents()
    assert len(said) == 1
    days = rp.value_boxes[("LD-1", "minutes_deload")]
    days.lineEdit().selectAll()
    qtbot.keyClicks(days.lineEdit(), "45.5")
    qtbot.keyClick(days.lineEdit(), Qt.Key.Key_Return)
    assert "is not a whole number" in said[-1] and w.undo_stack.count() == 0


@pytest.mark.parametrize("rule, name, typed, said", [
    ("TEAM", "weight", "4,5", "'4,5' is not a whole number (0–10000 points); type a whole number"),
    ("RTS", "weight", "20,000", "'20,000' could be 20000 or 20 (0–10000 points/day); type it "
                                "without a thousands separator"),
    ("RTS", "target_weight", "2,000,000", "'2,000,000' has a thousands separator (0–1000000 "
                                          "points); type it without a thousands separator"),
    ("LD-1", "minutes_deload", "300", "'300' is outside 0–240 min; type a value in that range"),
])
def test_a_rule_value_with_a_comma_is_never_read_as_another_number(w, qtbot, rule, name, typed, said):
    """Qt's whole-number box dropped a thousands separator where its maximum is 1000 or more:
    '4,5' set the TEAM weight to 45; '20,000' was reverted without a word."""
    rp = w.rules_panel
    box = rp.value_boxes[(rule, name)]
    before, got = box.value(), []
    rp.refused.connect(got.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == before and w.undo_stack.count() == 0
    assert len(got) == 1 and said in got[0] and f"(the rule keeps {before:g})" in got[0]


@pytest.mark.parametrize("digits", [309, 5000])
def test_a_huge_number_pasted_into_a_rule_box_is_refused_not_a_crash(w, qtbot, digits):
    """309 nines made float() infinite and int() raised inside Qt's validate: the app died."""
    rp = w.rules_panel
    box = rp.value_boxes[("LD-1", "minutes_deload")]
    before, said = box.value(), []
    rp.refused.connect(said.append)
    box.lineEdit().selectAll()
    box.lineEdit().insert("9" * digits)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == before and w.undo_stack.count() == 0
    assert said and "is outside 0–240 min; type a value in that range" in said[-1]
    assert f"'{'9' * 20}… ({digits} characters)'" in said[-1] and len(said[-1]) < 200



def test_the_squad_table_says_who_is_injured_now_and_who_is_back(qtbot):
    """The Status column said "injured" for every athlete with an injury record, also once he
    was back in full training (the Returns panel then said everyone is fit)."""
    from tests.builders import day, injury, season

    s = season(weeks=4, athletes=3, today=day(0), injuries=(
        injury("A1", "FIT", start_day=-10, history=(("S3", -20),)), injury("A2", "P2", start_day=-3)))
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    table = win.squad_editor.table

    def status(aid: str) -> str:
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == aid)
        return table.item(row, 4).text()

    assert (status("A1"), status("A2"), status("A3")) == ("back from injury", "injured (P2)", "")
    # his return recorded (Move Today): the status follows, though the same athletes have
    # injury records; a player let go reads as gone, not as "dates away"
    back = s.model_copy(update={"injuries": (s.injuries[0], injury(
        "A2", "FIT", start_day=0, history=(("P2", -30), ("P3", -25), ("S1", -20), ("S2", -15),
                                           ("S3", -10))))})
    win.squad_editor.set_season(back)
    assert status("A2") == "back from injury"
    gone = E.LeaveSquad(athlete="A3", leaves=day(5)).apply(back)
    win.squad_editor.set_season(gone)
    assert status("A3") == f"left the squad on {day(5):%a} {day(5).day} {day(5):%b %Y}"
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "A2")
    assert table.item(row, 4).toolTip() == "back from injury"


def test_after_add_the_form_is_the_next_players_with_the_id_he_will_get(w, qtbot, dialogs):
    """Typing the second player, the form still showed "ID A01", the first player's (Add then
    gave A02). After Add the form is the next player's: the ID Add gives him, no name, position
    or max speed carried over; the one added is in the list, not selected, so Alt+Y renames
    no one; a refused Add keeps what was typed."""
    ed = w.squad_editor
    w.show_dock("squad")
    ed.name.setText("Owen Price")
    ed.position.setEditText("Defender")
    ed.max_speed.setValue(9.19)
    ed.max_speed.setFocus()  # the last field typed, then Alt+A
    ed.add_button.click()
    assert w.season.athlete("A4").name == "Owen Price"
    assert ed.selected_id() is None and not ed.apply_button.isEnabled()
    assert (ed.athlete_id.text(), ed.name.text(), ed.position.currentText(),
            ed.max_speed.value()) == ("A5", "", "", 0.0)
    assert ed.focusWidget() is ed.name  # typing on: the next name
    qtbot.keyClicks(ed.name, "Sam Patel")
    assert ed.athlete_id.text() == "A5"  # the ID he will get, while he is typed
    ed.add_button.click()
    assert w.season.athlete("A5").name == "Sam Patel" and ed.athlete_id.text() == "A6"
    ed.name.setText("Sam Patel")  # in the squad already: refused, the typing kept
    ed.add_button.click()
    assert ed.name.text() == "Sam Patel" and ed.athlete_id.text() == "A6"
    dialogs.unseen_errors.clear()
    # a pasted player without a max speed is said in the paste's note, with the fix
    assert ed.paste_players("Sid Nash\tDefender\t\n")
    assert ed.paste_note.text().endswith(
        "1 without a max speed: Sid Nash (A6) (until one is recorded their speed days say 'max speed "
        "not measured')\nTo record it: select them in the list and type it under Max speed, then "
        "Apply."), ed.paste_note.text()
    assert ed.paste_players("Ida Cole\tDefender\t\nJo Lee\tForward\t\n")
    assert ed.paste_note.text().endswith("select each in the list and type it under Max speed, "
                                         "then Apply.")
    assert ed.paste_players("Kai Moss\tForward\t9.4\n")
    assert "To record it" not in ed.paste_note.text()


def test_a_cleared_squad_form_is_for_a_new_athlete(w):
    """Ctrl+click on the selected athlete left "ID A25" and "Max speed 9.5 m/s" in the form:
    the next signing added took his max speed unseen. Cleared, the form shows the next free ID
    and no max speed ("not measured")."""
    w.apply_edit(E.UpdateAthlete(athlete="A2", max_speed=9.5))
    ed = w.squad_editor
    ed.select("A2")
    assert (ed.athlete_id.text(), ed.max_speed.value()) == ("A2", 9.5)
    ed.table.clearSelection()  # what Ctrl+click on the row, or a click below the rows, does
    assert (ed.athlete_id.text(), ed.max_speed.value(), ed.name.text()) == ("A4", 0.0, "")
    assert ed.max_speed.text() == "not measured"
    ed.name.setText("Gil New")
    ed.add_button.click()
    assert w.season.athlete("A4").max_speed is None


def test_the_position_field_asks_for_any_sports_position(w):
    """A basketball coach read "e.g. Midfielder" in an empty Position field: the example names
    other sports' positions too, and a position the list does not offer is kept as typed."""
    ed = w.squad_editor
    ed.table.clearSelection()
    hint = ed.position.lineEdit().placeholderText()
    assert hint.startswith("e.g. ") and "Guard" in hint and "Guard" not in POSITIONS, hint
    assert "your sport's position" in ed.position.toolTip()
    ed.name.setText("Jalen Brooks")
    ed.position.setEditText("Point guard")
    ed.add_button.click()
    assert [a.position for a in w.season.athletes if a.name == "Jalen Brooks"] == ["Point guard"]


def test_dates_away_start_at_today_not_at_the_seasons_first_day(qtbot):
    from tests.builders import day, season

    win = MainWindow(season(weeks=4, athletes=2, today=day(10)), None)
    qtbot.addWidget(win)
    ed = win.squad_editor
    assert ed.away_from.date() == q(day(10)) and ed.away_to.date() == q(day(10))


def test_a_narrowed_injury_combo_shows_its_whole_choice_on_hover(w, monkeypatch):
    """In the 380 px dock the protocol and stage combos elide ("Acute hamstring str…"); only
    the list showed the whole text. Hovering one now shows it, above the combo's own tooltip."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    ed = w.injuries_editor
    assert ed.select("A1")
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    shown = {}
    monkeypatch.setattr(QToolTip, "showText",
                        lambda pos, text, widget=None, *rest: shown.__setitem__(widget, text))
    for box in (ed.protocol, ed.first_stage, ed.record, ed.test_name.lineEdit()):
        event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(box, event)
    assert shown[ed.protocol] == ed.protocol.currentText() and "hamstring" in shown[ed.protocol].lower()
    assert shown[ed.first_stage] == ed.first_stage.currentText() != ""
    assert shown[ed.record].endswith(ed.record.toolTip())  # its own words stay, below the choice
    assert ed.test_name in shown  # an editable combo: hovered through its line edit


def test_a_cut_injury_choice_is_marked_and_its_list_shows_every_choice_whole(qtbot, monkeypatch):
    """At 150 % the Injury list read "Persistent iliopsoas tendinopathy from Fri 24", cut
    unmarked, the date lost; a style that opens a list at the combo box's width (Windows) cut
    its choices too. The field cuts a choice in its middle with "…", so the date stays; the
    list opens as wide as its longest choice; hovering shows the choice whole."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QToolTip

    from ui.desktop.editors.injuries import shown_choice
    from ui.desktop.mainwindow import load_demo_season

    drawn = []

    class Seen(QProxyStyle):  # the text the style is asked to draw in the field
        def drawControl(self, element, opt, painter, widget=None):  # noqa: N802 - Qt API
            if element == QStyle.ControlElement.CE_ComboBoxLabel and widget is box:
                drawn.append(opt.currentText)
            super().drawControl(element, opt, painter, widget)

    win = MainWindow(load_demo_season(), None, autosave=False)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    win.open_editor("injuries")
    ed = win.injuries_editor
    athlete = next(i for i in range(ed.athlete.count()) if ed.select(ed.athlete.itemData(i))
                   and "iliopsoas" in ed.record.currentText().lower())
    assert athlete is not None
    box = ed.record
    whole = box.currentText()
    assert whole.endswith("Jul 2026")
    metrics = box.fontMetrics()
    box.setFixedWidth(metrics.horizontalAdvance(whole) * 2 // 3)  # a narrow dock at 150 %
    seen = Seen()
    box.setStyle(seen)
    QApplication.processEvents()
    shown = shown_choice(box)
    assert "…" in shown and shown.endswith("Jul 2026") and len(shown) < len(whole)
    drawn.clear()
    box.grab()  # the field paints the choice cut, marked
    assert drawn == [shown]
    windows = QStyleFactory.create("Windows")  # its list opens at the combo box's width
    box.setStyle(windows)
    box.view().setStyle(windows)
    box.showPopup()
    qtbot.waitUntil(lambda: box.view().isVisible())
    widest = max(box.view().fontMetrics().horizontalAdvance(box.itemText(i))
                 for i in range(box.count()))
    assert box.view().viewport().width() > widest > box.width()
    box.hidePopup()
    said = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, widget=None, *rest: said.append(text))
    QApplication.sendEvent(box, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5),
                                           box.mapToGlobal(QPoint(5, 5))))
    assert said and said[-1].startswith(whole)


def test_an_injury_combo_measures_its_list_as_it_opens_not_at_each_choice_added(qtbot):
    """The list's width was measured again at every choice added: the Target list, refilled
    with every competition at each season change, measured n choices n times (126 ms for 200).
    A refill measures nothing (the list is not yet as wide as its new longest choice); the
    list is measured as it opens, as wide as its longest choice."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from ui.desktop.mainwindow import load_demo_season

    season = load_demo_season()
    win = MainWindow(season, None, autosave=False)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    win.open_editor("injuries")
    ed = win.injuries_editor
    box = ed.target
    first = season.competitions[0]
    renamed = first.model_copy(update={"name": first.name + " (a much longer name, renamed)"})
    season = season.model_copy(update={"competitions": [renamed, *season.competitions[1:]]})
    ed.set_season(season)  # a season change: every list refilled
    assert box.count() == len(season.competitions) + 1 > 40
    assert box.itemText(1).startswith(renamed.name)
    widest = max(box.view().fontMetrics().horizontalAdvance(box.itemText(i))
                 for i in range(box.count()))
    assert box.view().minimumWidth() < widest  # no width computed while filling
    windows = QStyleFactory.create("Windows")  # its list opens at the combo box's width
    box.setStyle(windows)
    box.view().setStyle(windows)
    box.setFixedWidth(box.fontMetrics().averageCharWidth() * 12)
    QApplication.processEvents()
    box.showPopup()
    qtbot.waitUntil(lambda: box.view().isVisible())
    assert box.view().minimumWidth() > widest  # measured as it opened
    assert box.view().viewport().width() > widest > box.width()
    box.hidePopup()


# -- a coach building a season by hand (findings of a first-use session at 1280 x 720) ----------
def test_max_speed_typed_in_km_h_or_with_a_comma_is_read_not_garbled(w):
    """The box took 0-15 m/s and dropped what it could not read: "31.5 km/h" became 3.5 m/s,
    "34.6" 3.6 and "9,6" 9, each accepted without a word, and every sprint target is a
    percentage of it. Typed km/h (or any number above 15) is converted; a comma is a decimal."""
    from PySide6.QtTest import QTest

    box = w.squad_editor.max_speed
    w.squad_editor.select("A1")  # Enter applies nothing (a new player's form: Add, cleared after)
    got = {}
    for typed in ("31.5 km/h", "34.6", "9,6", "9.6", "8.4 m/s", "30 kmh"):
        box.setValue(0.0)
        box.setFocus()
        box.lineEdit().selectAll()
        QTest.keyClicks(box, typed)
        assert box.lineEdit().text() == typed  # as typed: a " m/s" suffix stayed behind "km/h"
        QTest.keyClick(box, Qt.Key.Key_Return)
        got[typed] = box.value()
    assert got == {"31.5 km/h": 8.75, "34.6": 9.61, "9,6": 9.6, "9.6": 9.6, "8.4 m/s": 8.4,
                   "30 kmh": 8.33}
    assert box.text() == "8.33 m/s"
    box.setValue(9.6)
    assert box.text() == "9.6 m/s"  # no trailing 0
    box.setValue(0.0)
    assert box.text() == "not measured"


def test_a_new_max_typed_in_km_h_as_the_log_asks_is_kept_and_the_note_goes(w, tmp_path):
    """The log said "Faster than the max speed on record: Marco Ruiz (A05) 33.2 km/h (max 33.1
    km/h) ... update it in the squad". Typed there as 33.2 km/h, the box kept one decimal of
    m/s, 9.2 again, so the note came back on every read of the log."""
    from PySide6.QtTest import QTest

    from planner.sessionlog import read_sessions

    ed = w.squad_editor
    w.apply_edit(E.UpdateAthlete(athlete="A2", max_speed=9.0))  # 32.4 km/h
    ed.table.selectRow([a.id for a in w.season.athletes].index("A2"))
    log = tmp_path / "gps.csv"
    log.write_text("Player,Date,Duration,RPE,Max Velocity (km/h)\n"
                   "Ben Striker,2026-03-03,75,6,33.2\n", encoding="utf-8")

    def notes() -> str:
        season = w.season.model_copy(update={"calendar": w.season.calendar.model_copy(
            update={"today": dt.date(2026, 3, 5)})})
        return " ".join(read_sessions(log, season).notes)

    assert ("Faster than the max speed on record by more than 1 %: Ben Striker (A2) 33.2 km/h"
            in notes())
    assert "Season ▸ Squad (as the log writes it: 33.2 km/h), then Apply" in notes()
    ed.max_speed.setFocus()
    ed.max_speed.lineEdit().selectAll()
    QTest.keyClicks(ed.max_speed, "33.2 km/h")
    QTest.keyClick(ed.max_speed, Qt.Key.Key_Return)
    ed.apply_button.click()
    assert w.season.athlete("A2").max_speed == 9.22
    assert ed.table.item(ed.table.currentRow(), 3).text() == "9.22 m/s"
    assert "Faster than" not in notes()


def test_read_speed_accepts_a_speed_as_coaches_write_it_and_nothing_else():
    from ui.desktop.speedbox import read_speed

    assert read_speed("9.6") == (9.6, True) and read_speed("9,6") == (9.6, True)
    assert read_speed("36 km/h") == (10.0, True) and read_speed("36") == (10.0, True)
    assert read_speed("36 k") == (10.0, False)  # "km/h" on its way
    assert read_speed("9,") == (9.0, True) and read_speed("") == (None, False)
    assert read_speed("abc") == (None, True) and read_speed("9.6 mph") == (None, True)
    assert read_speed("60") == (None, True)  # above 54 km/h (15 m/s): no sprinter
    assert read_speed("16 m/s") == (None, True)
    assert read_speed("12.6 m/s") == (None, True)  # faster than any athlete sprints
    # neither m/s (faster than any sprint) nor km/h (slower): not taken, a unit may follow
    assert read_speed("14.9") == (None, False) and read_speed("16") == (None, False)
    assert read_speed("12.5") == (12.5, True) and read_speed("20") == (5.56, True)


@pytest.mark.parametrize("typed", ["34.6", "34.6 km/h", "31.5 km/h", "30 kmh", "33.1", "20.5"])
def test_a_max_speed_in_km_h_is_the_same_in_the_workbook_and_the_squad_editor(qtbot, typed):
    """34.6 km/h became 9.6 m/s through the coach workbook but 9.61 m/s typed in the Squad
    editor: the same GPS max, two values, and the log's "faster than the max on record" came
    back for one of them."""
    from planner.coachform.cells import parse_max_speed
    from ui.desktop.speedbox import SpeedBox

    box = SpeedBox()
    qtbot.addWidget(box)
    in_workbook, _kmh = parse_max_speed(typed)
    in_editor = box.valueFromText(typed)
    assert in_workbook == in_editor == round(float(typed.split()[0]) / 3.6, 2)
    assert in_workbook != round(in_workbook, 1)  # the second decimal kept, not rounded off


def test_a_position_the_groups_do_not_know_is_said_and_football_names_are_known(w):
    """A keeper typed as "Goalie" lost HV-1's goalkeeper exemption and got outfield sprint days
    without a word; "CB" was filed apart from the defenders, and nothing said so."""
    from planner.squad import position_key

    assert [position_key(p) for p in ("Goalie", "goal keeper", "GK", "CB", "Winger")] == [
        "goalkeeper", "goalkeeper", "goalkeeper", "cb", "winger"]  # outfield names differ by sport
    ed = w.squad_editor
    ed.position.setEditText("Goalie")
    assert ed.position_note.isHidden()
    ed.position.setEditText("CB")
    assert not ed.position_note.isHidden() and ed.position_note.text().startswith("'CB' is a group")
    ed.position.setEditText("Libero")
    assert not ed.position_note.isHidden()
    assert ed.position_note.text() == ("'Libero' is a group of its own, not Goalkeeper, Defender, "
                                       "Midfielder or Forward (HV-1's goalkeeper exemption reads "
                                       "the position)")
    ed.position.setEditText("Midfielder")
    assert ed.position_note.isHidden()


def test_a_goalkeeper_typed_in_german_is_added_and_changed_as_goalkeeper(w):
    """'TW' typed in the Squad editor was "a group of its own, not Goalkeeper", and the keeper
    kept a field player's sprint days (HV-1's exemption names Goalkeeper): read as Goalkeeper,
    said under Position as it is typed, on Add and on Apply."""
    from planner.rules import RuleSet
    from planner.squad import hv1_exempt

    ed = w.squad_editor
    ed.table.clearSelection()
    ed.name.setText("Lukas Oeztuerk")
    ed.position.setEditText("Torwart")
    assert not ed.position_note.isHidden()
    assert ed.position_note.text() == "'Torwart' is read as Goalkeeper"
    ed.add_button.click()
    added = next(a for a in w.season.athletes if a.name == "Lukas Oeztuerk")
    assert added.position == "Goalkeeper" and hv1_exempt(RuleSet(w.season.rules), added.position)
    ed.select("A2")
    ed.position.setEditText(" tw ")
    ed.apply_button.click()
    assert w.season.athlete("A2").position == "Goalkeeper"


def test_a_one_day_entry_s_last_day_follows_its_date_both_ways(w):
    """Typing 24/12/2026 passes through "24/1" (a date in January): the greyed "until" followed
    it forward and never came back, and ticking "Several days" added a 32-day break."""
    ed = w.days_off_editor
    ed.date.setDate(q(D(2026, 3, 14)))
    ed.date.setDate(q(D(2026, 3, 4)))
    assert ed.end.date() == q(D(2026, 3, 4))  # stayed on 14 Mar
    ed.multi.setChecked(True)
    ed.end.setDate(q(D(2026, 3, 6)))
    ed.date.setDate(q(D(2026, 3, 3)))
    assert ed.end.date() == q(D(2026, 3, 6))  # several days: a later last day is the coach's


def test_an_absence_form_s_to_follows_from_and_starts_fresh_for_another_athlete(w):
    ed = w.squad_editor
    ed.select("A1")
    ed.away_from.setDate(q(D(2026, 3, 3)))
    ed.away_to.setDate(q(D(2026, 3, 3)))
    ed.away_from.setDate(q(D(2026, 3, 10)))
    assert ed.away_to.date() == q(D(2026, 3, 10))  # stayed on 3 Mar: Add dates was refused
    ed.away_to.setDate(q(D(2026, 3, 12)))
    ed.away_reason.setText("National team")
    ed.select("A3")  # the last athlete's dates and reason were left for this one
    assert ed.away_reason.text() == "" and ed.away_from.date() == ed.away_to.date()
    assert ed.away_from.date() != q(D(2026, 3, 10))


def test_after_an_undo_the_competition_form_shows_the_season_again(w):
    """After Ctrl+Z the form kept the undone date; changing only the priority and pressing Apply
    moved the match again."""
    ed = w.competitions_editor
    assert ed.select("m1")
    was = w.season.competition("m1").date
    ed.date.setDate(q(was + dt.timedelta(days=1)))
    ed.apply_button.click()
    assert w.season.competition("m1").date == was + dt.timedelta(days=1)
    w.undo_stack.undo()
    assert w.season.competition("m1").date == was
    assert ed.date.date() == q(was)
    ed.priority.setCurrentIndex(ed.priority.findData("A"))
    ed.apply_button.click()
    assert w.season.competition("m1").date == was and w.season.competition("m1").priority == "A"


def test_a_change_elsewhere_keeps_what_the_coach_is_typing_and_the_board_where_it_is(w):
    """The reload after an undo first fired on any change of the editor's part of the season: a
    half-typed name was lost when another match moved (and the board jumped to the selected
    one), or when an absence was added for the athlete being edited."""
    comps = w.competitions_editor
    w.apply_edit(E.AddCompetition(competition=Competition(id="m2", name="Cup", date=D(2026, 3, 7),
                                                          priority="C")))
    assert comps.select("m1")
    comps.name.setText("League match (half typ")
    w.board.set_current("A1", D(2026, 3, 3))
    w.apply_edit(E.MoveCompetition(competition="m2", date=D(2026, 3, 6)))
    assert comps.name.text() == "League match (half typ"
    assert w.board.current() == ("A1", D(2026, 3, 3))  # did not jump to m1's 14 Mar

    squad = w.squad_editor
    squad.select("A1")
    squad.name.setText("Ana Keeper-Half")
    squad.away_from.setDate(q(D(2026, 3, 4)))
    squad.away_to.setDate(q(D(2026, 3, 5)))
    squad.away_add.click()
    assert any(u.athlete == "A1" and u.start == D(2026, 3, 4) for u in w.season.unavailability)
    assert squad.name.text() == "Ana Keeper-Half"

    days = w.days_off_editor
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    days.table.selectRow(0)
    days.reason.setText("Travel (bus")
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 12), reason="Exams")))
    assert days.reason.text() == "Travel (bus"


def test_a_criteria_result_is_typed_for_each_test_and_each_injury(w):
    """The result box kept the last result: a second test, or another athlete's, was recorded
    with it (84 % passing) without anything typed."""
    ed = w.injuries_editor
    assert ed.select("A3")
    ed.test_value.setValue(84)
    ed.test_date.setDate(q(D(2026, 3, 1)))
    ed.test_button.click()
    assert len(w.season.injury_of("A3").tests) == 1
    assert ed.test_value.text() == "—"  # ready for the next result
    ed.test_value.setValue(84)
    w.apply_edit(E.AddInjury(athlete="A1", protocol="hamstring-strain", onset=D(2026, 2, 20)))
    assert ed.select("A1")
    assert ed.test_value.text() == "—"  # not A3's 84
    ed.test_button.click()
    assert w.season.injury_of("A1").tests == ()


def test_a_competition_over_before_the_onset_is_no_target(w):
    """The Target list offered competitions played before the injury: greyed now, with the
    reason, following the onset typed."""
    ed = w.injuries_editor
    ed.select("A1")
    first = min(w.season.competitions, key=lambda c: c.date)
    ed.onset.setDate(q(first.last + dt.timedelta(days=1)))
    model = ed.target.model()
    item = model.item(ed.target.findData(first.id))
    assert not item.isEnabled() and "Over before the onset" in item.toolTip()
    assert model.item(0).isEnabled()  # "none"
    ed.onset.setDate(q(first.date - dt.timedelta(days=1)))
    assert item.isEnabled() and item.toolTip() == ""


def test_a_new_athlete_and_a_new_competition_get_a_coachs_defaults(qtbot):
    """A squad numbered H01-H18 was offered A19 for its next player; a competition added in a
    hurry came in as an A, with a two-week taper before it."""
    from planner.season import Athlete
    from tests.builders import season as build

    base = build(weeks=3, athletes=0)
    squad = base.model_copy(update={"athletes": tuple(
        Athlete(id=f"H{k:02d}", name=f"Player {k}") for k in range(1, 19))})
    win = MainWindow(squad, None)
    qtbot.addWidget(win)
    assert win.squad_editor.free_id() == "H19"
    tie = MainWindow(base.model_copy(update={"athletes": tuple(
        Athlete(id=i, name=i) for i in ("B1", "B2", "A1", "A2"))}), None)
    qtbot.addWidget(tie)
    assert tie.squad_editor.free_id() == "B3"  # the pattern met first, whatever the hash seed
    empty = MainWindow(base.model_copy(update={"athletes": ()}), None)
    qtbot.addWidget(empty)
    assert empty.squad_editor.free_id() == "A01"
    ed = win.competitions_editor
    ed.table.clearSelection()
    assert ed.priority.currentData() == "C"


def _injuries_of_a3(qtbot, season, inj):
    """A window on ``season`` with ``inj`` its one injury and today 9 Mar; the Injuries editor
    on A3."""
    season = season.model_copy(update={
        "injuries": (inj,), "calendar": season.calendar.model_copy(update={"today": D(2026, 3, 9)})})
    win = MainWindow(season, None, autosave=False)
    qtbot.addWidget(win)
    ed = win.injuries_editor
    assert ed.select("A3")
    return win, ed


def test_the_rehab_history_lists_the_stage_a_flare_up_sent_the_athlete_back_to(qtbot):
    """After a flare-up (P3 -> P2) and P3 recorded again, the table read "P3 ... P3" with no P2
    between: a row for the flare-up's stage stands in its place in date order, with the tests
    taken in it."""
    from planner.season import Injury

    season = tiny_season()
    inj = Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=D(2026, 2, 10),
                 stages=(StageRecord(stage="P2", start=D(2026, 2, 16)),
                         StageRecord(stage="P3", start=D(2026, 2, 23)),
                         StageRecord(stage="P3", start=D(2026, 3, 5))),
                 flare_ups=(D(2026, 3, 1),),
                 tests=(CriteriaTest(date=D(2026, 3, 3), name="Hip-flexor strength LSI", value=84,
                                     unit="%"),))
    win, ed = _injuries_of_a3(qtbot, season, inj)
    table = ed.history
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [r[:2] for r in rows] == [["P2", "Mon 16 Feb 2026"], ["P3", "Mon 23 Feb 2026"],
                                     ["P2", "Sun 1 Mar 2026 (flare-up)"], ["P3", "Thu 5 Mar 2026"]]
    assert "Hip-flexor strength LSI 84 %" in rows[2][2] and rows[1][2] == rows[3][2] == ""


def test_the_rehab_history_lists_a_retest_of_the_day_a_stage_was_recorded_under_the_stage_left(qtbot):
    """P3's hip-flexor retest passed on the morning S1 was recorded (Move Today records the move
    on the retest day): the table listed the result in S1's row, as if taken in S1; it is the
    result P3 was left on, in P3's row."""
    from planner.season import Injury

    season = tiny_season()
    inj = Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=D(2026, 2, 10),
                 stages=(StageRecord(stage="P3", start=D(2026, 2, 16)),
                         StageRecord(stage="S1", start=D(2026, 3, 5))),
                 tests=(CriteriaTest(date=D(2026, 2, 26), name="Hip-flexor strength LSI", value=84,
                                     unit="%"),
                        CriteriaTest(date=D(2026, 3, 5), name="Hip-flexor strength LSI", value=92,
                                     unit="%")))
    win, ed = _injuries_of_a3(qtbot, season, inj)
    table = ed.history
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == ["P3", "S1"]
    assert rows[0][2].startswith("Hip-flexor strength LSI 92 % (5 Mar); Hip-flexor strength LSI 84 % (26 Feb) ✗"), rows
    assert rows[1][2] == "", rows


def test_a_new_injury_starts_with_no_protocol_and_add_asks_for_one(w):
    """The form started on "Persistent iliopsoas tendinopathy", the first in the list: a
    hamstring strain entered in a hurry was recorded with it."""
    ed = w.injuries_editor
    before = w.season
    w.show_dock("injuries")
    assert ed.select("A1") and ed.injury() is None  # no record: the new-injury form
    assert ed.protocol.currentIndex() == -1 and ed.protocol.currentData() is None
    assert ed.protocol.placeholderText() == "Choose the injury…"
    assert ed.first_stage.count() == 0
    ed.record_button.click()
    assert w.season == before and w.undo_stack.index() == 0
    assert "choose the injury in Protocol" in ed.record_error.text() and ed.record_error.isVisibleTo(ed)
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    assert ed.first_stage.currentData() == "P1"
    ed.record_button.click()
    assert w.season.injury_of("A1").protocol == "hamstring-strain"
    assert not ed.record_error.isVisibleTo(ed)
    # another athlete's new injury starts with none chosen again
    assert ed.select("A2") and ed.protocol.currentData() is None
    undo_all(w, before)



def test_a_stage_without_tests_says_whose_tests_are_offered(w):
    """A hamstring player in P3 (no criteria) was offered S3's "Hamstring strength LSI" under
    "Criteria test of the current stage"."""
    ed = w.injuries_editor
    proto = load_protocol("hamstring-strain")
    p3 = next(s for s in proto.stages if s.id == "P3")
    assert not p3.criteria and proto.stages[-1].criteria
    ed._fill_tests(proto, "P3")
    assert ed.test_heading.text() == (f"Criteria test: P3 has none; {proto.stages[-1].id}'s, "
                                      f"before the return (then earlier stages'):")
    assert ed.test_name.currentText() == proto.stages[-1].criteria[0].name
    ed._fill_tests(proto, "FIT")
    assert ed.test_heading.text() == f"Criteria test of {proto.stages[-1].id}, the last stage (then earlier stages'):"


def test_a_flare_up_recorded_with_a_note_keeps_it_and_shows_it(qtbot):
    """What happened is kept with the flare-up (the season's ``flare_notes``, written to the
    coach workbook) and said with it in the rehab history and the flare-ups line; the note field
    empties once recorded, and one Undo takes both away."""
    from planner.season import Injury

    season = tiny_season()
    inj = Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=D(2026, 2, 10),
                 stages=(StageRecord(stage="P2", start=D(2026, 2, 16)),
                         StageRecord(stage="P3", start=D(2026, 2, 23))))
    win, ed = _injuries_of_a3(qtbot, season, inj)
    ed.flare_date.setDate(q(D(2026, 3, 1)))
    ed.flare_note.setText("  hip sore after the sprints, pain 6/10 ")
    ed.flare_button.click()
    rec = win.season.injuries_of("A3")[0]
    assert rec.flare_ups == (D(2026, 3, 1),)
    assert rec.flare_notes == {D(2026, 3, 1): "hip sore after the sprints, pain 6/10"}
    assert ed.flare_note.text() == ""
    rows = [ed.history.item(r, 1).text() for r in range(ed.history.rowCount())]
    assert "Sun 1 Mar 2026 (flare-up: hip sore after the sprints, pain 6/10)" in rows
    assert ed.flares.text() == "Flare-ups: Sun 1 Mar 2026 (hip sore after the sprints, pain 6/10)"
    win.undo_stack.undo()
    assert win.season.injuries_of("A3")[0].flare_notes == {}
    assert ed.flares.text() == "Flare-ups: none"
    # a refused flare-up keeps the note typed (the same day twice)
    ed.flare_note.setText("again")
    ed.flare_button.click()
    ed.flare_note.setText("twice")
    ed.flare_button.click()
    assert ed.flare_note.text() == "twice" and ed.rehab_error.isVisibleTo(ed)


def test_ctrl_z_in_the_note_field_after_a_flare_up_recorded_brings_no_note_back(qtbot):
    """Record flare-up emptied the note field, and Ctrl+Z in it brought the note back, counted
    as typed and not applied: the next click on the board asked to apply it (a second note).
    The field's own history goes with the note recorded."""
    from PySide6.QtTest import QTest

    from planner.season import Injury

    season = tiny_season()
    inj = Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=D(2026, 2, 10),
                 stages=(StageRecord(stage="P2", start=D(2026, 2, 16)),
                         StageRecord(stage="P3", start=D(2026, 2, 23))))
    win, ed = _injuries_of_a3(qtbot, season, inj)
    win.show()
    ed.flare_date.setDate(q(D(2026, 3, 1)))
    qtbot.keyClicks(ed.flare_note, "hip sore")
    assert ed.pending() == ["Flare-up note"]
    ed.flare_button.click()
    assert win.season.injuries_of("A3")[0].flare_notes == {D(2026, 3, 1): "hip sore"}
    assert ed.flare_note.text() == "" and not ed.flare_note.isUndoAvailable()
    ed.flare_note.setFocus()
    QTest.keyClick(ed.flare_note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.flare_note.text() == "" and ed.pending() == []  # the board's click asks nothing


def _alt(widget, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def test_alt_letters_reach_the_editor_in_use_not_one_in_a_tab_behind(w, qtbot):
    """Squad and Blocks open (tabbed): Alt+A in the Blocks form adds a block, Alt+Y applies it,
    and once Squad is in front Alt+A adds an athlete (both Add buttons answered Alt+A: Qt only
    moved the focus between them and nothing was added)."""
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("squad")
    w.show_dock("blocks")
    ed = w.blocks_editor
    athletes = len(w.season.athletes)
    ed.name.setText("Build")
    ed.start.setDate(q(D(2026, 3, 2)))
    ed.end.setDate(q(D(2026, 3, 8)))
    ed.name.setFocus()
    _alt(ed.name, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: len(w.season.blocks) == 1, timeout=2000)
    assert len(w.season.athletes) == athletes
    ed.table.selectRow(0)
    ed.name.setText("Build 1")
    ed.name.setFocus()
    _alt(ed.name, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: w.season.blocks[0].name == "Build 1", timeout=2000)
    w.show_dock("squad")
    sq = w.squad_editor
    sq.name.setText("Nuno Gomes")
    sq.name.setFocus()
    _alt(sq.name, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: len(w.season.athletes) == athletes + 1, timeout=2000)
    assert len(w.season.blocks) == 1


def test_no_editor_button_takes_a_menus_letter_or_another_buttons(w):
    """Alt+P was both the Plan menu and "A&pply", Alt+F both File and "Record &flare-up", Alt+D
    both Delete and "Add &dates" in the Squad editor: an Alt key that two things answer does
    neither."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton

    menus = {QKeySequence.mnemonic(a.text()).toString() for a in w.menuBar().actions()}
    assert {"Alt+F", "Alt+P", "Alt+S"} <= menus
    for panel in (w.squad_editor, w.injuries_editor, w.competitions_editor, w.blocks_editor,
                  w.days_off_editor, w.roles_panel):
        letters = [QKeySequence.mnemonic(b.text()).toString()
                   for b in panel.findChildren(QAbstractButton)]
        letters = [x for x in letters if x]
        assert letters, panel
        assert not set(letters) & menus, (panel.accessibleName(), set(letters) & menus)
        assert len(letters) == len(set(letters)), (panel.accessibleName(), letters)


def test_every_menu_item_has_a_letter_of_its_own(w):
    """Season ▸ Injuries had no underlined letter (eight Downs to reach it), nor had View's
    panels; What-if's "&New Scenario…" and "Re&name Scenario…" shared N, so Alt+W N only
    highlighted Rename."""
    from ui.desktop.mnemonics import _letter

    menus = [a.menu() for a in w.menuBar().actions() if a.menu() is not None]
    assert len(menus) >= 7
    while menus:
        menu = menus.pop()
        items = [a for a in menu.actions() if not a.isSeparator()]
        menus += [a.menu() for a in items if a.menu() is not None]
        if menu is w.recent_menu:
            continue  # the file names, filled when it opens
        letters = [_letter(a.text()) for a in items]
        assert all(letters), (menu.title(), [a.text() for a in items if not _letter(a.text())])
        assert len(letters) == len(set(letters)), (menu.title(), [a.text() for a in items])
    season = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Season")
    assert any(a.text().replace("&", "") == "Injuries" and _letter(a.text())
               for a in season.actions())


def test_ctrl_equals_zooms_in_as_ctrl_plus_does(w, qtbot):
    w.board.set_zoom("week")
    w.board.setFocus()
    qtbot.keyClick(w.board, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.board.zoom() == "day", timeout=2000)


def test_a_blocks_to_follows_its_from_and_an_end_before_the_start_is_said_as_the_form_says_it(
        w, dialogs):
    """From typed after To (Mon 7 Dec, then 11 Jan) left To on 7 Dec, and Add said "set 'end' on
    or after 'start'": words the form does not use."""
    ed = w.blocks_editor
    ed.start.setDate(q(D(2026, 3, 3)))
    ed.end.setDate(q(D(2026, 3, 3)))
    ed.start.setDate(q(D(2026, 3, 9)))
    assert ed.end.date() == q(D(2026, 3, 9))
    ed.end.setDate(q(D(2026, 3, 12)))
    ed.start.setDate(q(D(2026, 3, 10)))
    assert ed.end.date() == q(D(2026, 3, 12))  # a later To is the coach's
    ed.end.setDate(q(D(2026, 3, 4)))
    ed.add_button.click()
    assert w.season.blocks == ()
    said = dialogs[-1][2]
    assert "To (Wed 4 Mar 2026) is before From (Tue 10 Mar 2026)" in said
    assert "'end'" not in said and "'start'" not in said


def test_a_new_injurys_stage_start_follows_an_onset_typed_after_it(w):
    """The form opened on the season's first day; an onset typed later (25 Jan) left "Stage
    started" on 7 Dec, and Record injury was refused for a stage before its onset."""
    ed = w.injuries_editor
    ed.select("A1")
    assert ed.injury() is None
    ed.onset.setDate(q(D(2026, 3, 2)))
    ed.first_start.setDate(q(D(2026, 3, 2)))
    ed.onset.setDate(q(D(2026, 3, 9)))
    assert ed.first_start.date() == q(D(2026, 3, 9))
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.record_button.click()
    inj = w.season.injuries_of("A1")[0]
    assert inj.onset == D(2026, 3, 9) and inj.stages[0].start == D(2026, 3, 9)


def test_a_stage_start_that_followed_the_onset_on_screen_is_not_said_again(w):
    """Onset typed, "Stage started" visibly followed it (Sat 5 Dec), then Record injury said
    "Recorded. Stage started followed the onset (it showed Mon 7 Dec 2026)…" in the warning
    colour: a day the coach no longer saw. Recorded as the form showed it, nothing is said; a
    stage start the coach typed is recorded as typed, with nothing to say either."""
    ed = w.injuries_editor
    ed.select("A1")
    assert ed.injury() is None
    default = ed.first_start.date().toPython()  # the form's default
    onset = default + dt.timedelta(days=7)
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    assert ed.onset.set_text(f"{onset.day}/{onset.month}/{onset.year}")
    shown = ed.first_start.text()  # what the coach saw before Alt+R
    ed.record_button.click()
    inj = w.season.injuries_of("A1")[0]
    assert inj.onset == onset and inj.stages[0].start == onset
    assert ed.first_start.date().toPython() == onset or not ed.first_start.isVisible()
    from planner.text import day_long

    assert shown == day_long(onset)
    assert ed.record_error.isHidden(), ed.record_error.text()
    assert "Stage started" not in w.statusBar().currentMessage()
    ed.select("A2")  # the coach's own stage start, after the onset: recorded as typed, unsaid
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.onset.setDate(q(onset))
    ed.first_start.setDate(q(onset + dt.timedelta(days=2)))
    ed.record_button.click()
    assert w.season.injuries_of("A2")[0].stages[0].start == onset + dt.timedelta(days=2)
    assert ed.record_error.isHidden() or "Stage started" not in ed.record_error.text()


def test_the_injury_forms_message_goes_when_an_undo_changes_the_season(w):
    """Record injury, then Ctrl+Z: the form said "No injury recorded: the athlete is fit" with
    the last message still under it. An undo or redo clears it, as the Log's does."""
    ed = w.injuries_editor
    ed.select("A1")
    ed.protocol.setCurrentIndex(ed.protocol.findData("hamstring-strain"))
    ed.record_button.click()
    assert w.season.injuries_of("A1")
    ed.record.setCurrentIndex(ed.record.findText("New injury…"))
    ed.record_button.click()  # the same onset again: refused, said
    assert not ed.record_error.isHidden()
    assert "already has an injury from" in ed.record_error.text()
    w.undo_action.trigger()
    assert not w.season.injuries_of("A1")
    assert ed.status.text().startswith("No injury recorded: the athlete is fit")
    assert ed.record_error.isHidden()
    ed.record_button.click()  # no protocol chosen now: refused, then a redo: gone again
    assert ed.record_error.text().startswith("Not recorded: choose the injury in Protocol")
    assert not ed.record_error.isHidden()
    w.redo_action.trigger()
    assert w.season.injuries_of("A1") and ed.record_error.isHidden()


def test_a_competition_named_as_another_is_noted_under_the_name_and_still_added(w):
    """Season ▸ Competitions took a second "League match 18" with no word, and the handouts
    and status lines, which name matches in quotes, read both alike. The form says it under the
    name once the name is typed (the field left), and adds it all the same; the selected row's
    own name is not said."""
    from planner.text import day_long

    ed = w.competitions_editor
    spring = w.season.competition("m1")
    note = ed.name_note
    ed.name.setText(spring.name.lower())
    assert note.isHidden()  # still being typed
    ed.name.editingFinished.emit()  # the field left
    assert not note.isHidden()
    assert note.words().startswith(f"Another competition is called '{spring.name}' "
                                   f"({day_long(spring.date)})")
    ed.name.setText(f"{spring.name} 2")
    assert note.isHidden()
    ed.name.setText(spring.name)
    ed.name.editingFinished.emit()
    ed.date.setDate(q(spring.date + dt.timedelta(days=3)))
    n = len(w.season.competitions)
    ed.add_button.click()  # a note, never a refusal
    assert len(w.season.competitions) == n + 1
    assert [c.name for c in w.season.competitions].count(spring.name) == 2
    ed.select(spring.id)  # its own name: nothing to say but the other one
    assert not note.isHidden() and note.words().count(day_long(spring.date)) == 0
    ed.weekly.setChecked(True)  # a series is numbered ("Spring Cup 1", …): no note
    assert note.isHidden()


def test_a_league_match_day_is_added_every_week_in_one_step_leaving_out_the_days_off(w):
    """A league plays every Sunday: the form added one competition at a time (twenty-odd for a
    season). Every week adds them numbered, as one undo step; a week whose day is a day off (the
    winter break) is left out and said."""
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 10), reason="Break")))
    before = w.season
    ed = w.competitions_editor
    ed.name.setText("Kreisliga")
    ed.date.setDate(q(D(2026, 3, 3)))
    ed.priority.setCurrentIndex(ed.priority.findData("B"))
    ed.weekly.setChecked(True)
    assert ed.weekly_end.isEnabled() and ed.weekly_end.date() == q(D(2026, 3, 3))
    ed.weekly_end.setDate(q(D(2026, 3, 15)))
    ed.add_button.click()
    added = [c for c in w.season.competitions if c.name.startswith("Kreisliga")]
    assert [(c.name, c.date, c.priority) for c in added] == [
        ("Kreisliga 1", D(2026, 3, 3), "B")]  # Tue 10 Mar is a day off: left out
    assert w.undo_stack.undoText() == (  # one added: said as one, not "from 1 to 1"
        "Add 'Kreisliga 1' on Tue 3 Mar 2026; 1 week on days off left out: Tue 10 Mar")
    w.undo_action.trigger()
    assert w.season == before
    w.redo_action.trigger()

    w.undo_action.trigger()  # a two-day event every week: both days kept apart from days off
    ed.weekly.setChecked(True)
    ed.name.setText("Turnier")
    ed.date.setDate(q(D(2026, 3, 2)))
    ed.multi.setChecked(True)
    ed.end.setDate(q(D(2026, 3, 3)))
    ed.weekly_end.setDate(q(D(2026, 3, 12)))
    ed.add_button.click()
    assert [(c.name, c.date, c.end_date) for c in w.season.competitions
            if c.name.startswith("Turnier")] == [("Turnier 1", D(2026, 3, 2), D(2026, 3, 3))]
    assert not ed.weekly.isChecked()  # the next one is a single competition again

    while w.undo_stack.canUndo():  # without the day off: every week, one undo step
        w.undo_action.trigger()
    assert w.undo_stack.index() == 0
    ed.weekly.setChecked(True)
    ed.multi.setChecked(False)
    ed.name.setText("Liga")
    ed.date.setDate(q(D(2026, 3, 2)))
    ed.weekly_end.setDate(q(D(2026, 3, 15)))
    ed.add_button.click()
    assert [(c.name, c.date) for c in w.season.competitions if c.name.startswith("Liga")] == [
        ("Liga 1", D(2026, 3, 2)), ("Liga 2", D(2026, 3, 9))]
    assert w.undo_stack.index() == 1

    ed.weekly.setChecked(True)  # the league added after the cup: the cup's Saturday is kept
    ed.name.setText("Pokal")
    ed.date.setDate(q(D(2026, 3, 7)))
    ed.weekly_end.setDate(q(D(2026, 3, 14)))
    ed.add_button.click()
    assert [(c.name, c.date) for c in w.season.competitions if c.name.startswith("Pokal")] == [
        ("Pokal 1", D(2026, 3, 7))]  # Sat 14 Mar holds 'League match'
    assert ("1 week on another competition's day left out: Sat 14 Mar"
            in w.undo_stack.undoText())


def add_weekly(ed, name: str, first: dt.date, until: dt.date,
               last_day: dt.date | None = None) -> None:
    """Fill the Competitions form for 'Every week, until' and press Add (``last_day``: an event
    of several days, its first week's last day)."""
    ed.name.setText(name)
    ed.date.setDate(q(first))
    if last_day is not None:
        ed.multi.setChecked(True)
        ed.end.setDate(q(last_day))
    ed.weekly.setChecked(True)
    ed.weekly_end.setDate(q(until))
    ed.add_button.click()


def test_every_week_without_a_second_week_is_refused_and_said(w, dialogs):
    ed = w.competitions_editor
    before = w.season
    add_weekly(ed, "Cup", D(2026, 3, 3), D(2026, 3, 8))
    assert w.season == before
    assert "gives 1 competition" in dialogs[-1][2]


def test_a_second_every_week_of_a_league_numbers_on_from_the_first(w):
    """The autumn half of a league added, then the spring half under the same name: the spring
    matches were numbered from 1 again, two 'Kreisliga 1' in the Roles grid and the target
    lists. They go on from the highest number, also when the form holds one of them."""
    ed = w.competitions_editor
    add_weekly(ed, "Kreisliga", D(2026, 3, 2), D(2026, 3, 9))
    add_weekly(ed, "Kreisliga", D(2026, 3, 3), D(2026, 3, 10))
    assert "Add 'Kreisliga 3' to 'Kreisliga 4'" in w.undo_stack.undoText()
    ed.name.setText("Kreisliga 4")  # the last one selected, to go on from it
    ed.date.setDate(q(D(2026, 3, 4)))
    ed.weekly.setChecked(True)
    ed.weekly_end.setDate(q(D(2026, 3, 11)))
    ed.add_button.click()
    assert [c.name for c in w.season.competitions if c.name.startswith("Kreisliga")] == [
        f"Kreisliga {k}" for k in (1, 3, 5, 2, 4, 6)]


def test_a_league_of_two_games_a_week_is_one_series_numbered_in_date_order(w, dialogs):
    """Tue and Sat games: two series of Every week read League 1, League 17, League 2, … by
    date. The Saturday ticked beside the date's Tuesday adds them as one series, numbered in
    date order, as one undo step."""
    ed = w.competitions_editor
    tue, sat = ed.weekly_days[1], ed.weekly_days[5]
    ed.date.setDate(q(D(2026, 3, 3)))  # a Tuesday: its box ticked, and fixed
    assert tue.isChecked() and not tue.isEnabled() and not sat.isEnabled()
    ed.weekly.setChecked(True)
    assert sat.isEnabled() and not tue.isEnabled()
    sat.setChecked(True)
    ed.date.setDate(q(D(2026, 3, 4)))  # the date moved: Wednesday fixed, Tuesday free again
    assert not tue.isChecked() and tue.isEnabled() and sat.isChecked()
    assert ed.series_weekdays() == [2, 5]
    ed.date.setDate(q(D(2026, 3, 3)))
    before = w.season
    add_weekly(ed, "Liga", D(2026, 3, 3), D(2026, 3, 14))
    assert not dialogs
    assert [(c.name, c.date) for c in w.season.competitions if c.name.startswith("Liga")] == [
        ("Liga 1", D(2026, 3, 3)), ("Liga 2", D(2026, 3, 7)), ("Liga 3", D(2026, 3, 10))]
    assert w.undo_stack.undoText() == (  # Sat 14 Mar holds 'League match'
        "Add 'Liga 1' to 'Liga 3', every Tue and Sat from Tue 3 Mar 2026 to Tue 10 Mar 2026; "
        "1 day on another competition's day left out: Sat 14 Mar")
    assert not ed.weekly.isChecked() and not sat.isChecked()  # the next one a single one again
    w.undo_action.trigger()
    assert w.season == before
    ed.multi.setChecked(True)  # several days on several weekdays would overlap: refused
    ed.end.setDate(q(D(2026, 3, 4)))
    ed.weekly.setChecked(True)
    sat.setChecked(True)
    ed.weekly_end.setDate(q(D(2026, 3, 14)))
    ed.name.setText("Liga")  # (the undo emptied the form; no name adds nothing)
    ed.add_button.click()
    assert w.season == before
    assert "on several weekdays, one would overlap the next" in dialogs[-1][2]


def test_a_series_on_several_weekdays_names_the_days_it_left_out(w, dialogs):
    """A Tue and Thu cup with a league match on a Tuesday: "1 week … left out" read as a week
    without a cup game, though that week's Thursday was added. The day left out is said and
    named, in the status line as in the Undo label."""
    w.apply_edit(E.AddCompetition(competition=Competition(
        id="m2", name="League match", date=D(2026, 3, 10), priority="B")))
    ed = w.competitions_editor
    ed.date.setDate(q(D(2026, 3, 3)))
    ed.weekly.setChecked(True)
    ed.weekly_days[3].setChecked(True)
    add_weekly(ed, "Cup", D(2026, 3, 3), D(2026, 3, 14))
    assert not dialogs
    assert [(c.name, c.date) for c in w.season.competitions if c.name.startswith("Cup")] == [
        ("Cup 1", D(2026, 3, 3)), ("Cup 2", D(2026, 3, 5)), ("Cup 3", D(2026, 3, 12))]
    said = ("Add 'Cup 1' to 'Cup 3', every Tue and Thu from Tue 3 Mar 2026 to Thu 12 Mar 2026; "
            "1 day on another competition's day left out: Tue 10 Mar")
    assert w.undo_stack.undoText() == said
    assert said in w.statusBar().currentMessage()


def test_a_series_weekday_wholly_taken_is_not_said_held(w, dialogs):
    """Mon, Wed and Fri friendlies with every Wednesday a league day: "every Mon, Wed and Fri"
    though no Wednesday was added. The weekdays added are said, and the Wednesdays as left
    out, with their dates."""
    for k, wed in enumerate((D(2026, 3, 4), D(2026, 3, 11))):
        w.apply_edit(E.AddCompetition(competition=Competition(
            id=f"l{k}", name=f"League {k + 1}", date=wed, priority="B")))
    ed = w.competitions_editor
    ed.date.setDate(q(D(2026, 3, 2)))
    ed.weekly.setChecked(True)
    ed.weekly_days[2].setChecked(True)
    ed.weekly_days[4].setChecked(True)
    add_weekly(ed, "Friendly", D(2026, 3, 2), D(2026, 3, 15))
    assert not dialogs
    assert [c.date for c in w.season.competitions if c.name.startswith("Friendly")] == [
        D(2026, 3, 2), D(2026, 3, 6), D(2026, 3, 9), D(2026, 3, 13)]
    said = ("Add 'Friendly 1' to 'Friendly 4', every Mon and Fri from Mon 2 Mar 2026 to "
            "Fri 13 Mar 2026; the 2 Wednesdays (4, 11 Mar) are on another competition's day, "
            "left out")
    assert w.undo_stack.undoText() == said
    assert said in w.statusBar().currentMessage()


def test_every_week_of_a_weekend_event_leaves_out_the_one_past_the_season(w, dialogs):
    """A Saturday-to-Monday event every week until the season's last Saturday: that last one's
    Monday is after the season, and the whole step was refused ('move it inside'). That week is
    left out and said, as a day off is."""
    w.apply_edit(E.RemoveCompetition(competition="m1"))
    ed = w.competitions_editor
    add_weekly(ed, "Camp", D(2026, 3, 7), D(2026, 3, 14), last_day=D(2026, 3, 9))
    assert not dialogs
    assert [(c.name, c.date, c.end_date) for c in w.season.competitions] == [
        ("Camp 1", D(2026, 3, 7), D(2026, 3, 9))]
    assert "1 week ending after the season left out: Sat 14 Mar" in w.undo_stack.undoText()


def test_every_week_of_an_event_longer_than_a_week_is_refused_and_said(w, dialogs):
    """A ten-day event every week: each overlapped the next (or the step was refused with a
    date past the season)."""
    w.apply_edit(E.RemoveCompetition(competition="m1"))
    before = w.season
    ed = w.competitions_editor
    add_weekly(ed, "Camp", D(2026, 3, 2), D(2026, 3, 9), last_day=D(2026, 3, 11))
    assert w.season == before
    assert "'Camp' lasts 10 days: every week, each would overlap the next" in dialogs[-1][2]


def test_undoing_two_every_weeks_leaves_no_row_selected_the_form_does_not_show(w):
    """Undo of an Every week (no row selected any more), then of an earlier one: the rows left
    were fewer than the current row, and the last (the league match) came up selected with the
    undone 'Camp 1' still in the form; Apply made the league match 'Camp 1'."""
    ed = w.competitions_editor
    w.show_dock("competitions")
    add_weekly(ed, "Liga", D(2026, 3, 2), D(2026, 3, 9))
    add_weekly(ed, "Camp", D(2026, 3, 4), D(2026, 3, 11), last_day=D(2026, 3, 5))
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert [c.name for c in w.season.competitions] == ["League match"]
    assert ed.selected_id() is None and not ed.apply_button.isEnabled()
    before = w.season
    ed.apply_button.click()
    ed.delete_button.click()
    assert w.season == before


def test_a_competition_renamed_is_said_with_its_new_name(w):
    """'Edit competition 'League match'' after typing 'League match (away)' and Apply read as if
    the rename had not taken, as it did for athletes."""
    ed = w.competitions_editor
    w.show_dock("competitions")
    assert ed.select("m1")
    ed.name.setText("League match (away)")
    ed.apply_button.click()
    assert w.season.competition("m1").name == "League match (away)"
    assert w.undo_stack.undoText() == "Rename competition 'League match' to 'League match (away)'"


def test_the_injuries_athlete_list_files_accented_names_with_their_letter(w):
    """By code point "Łukasz" and "ömer" came after "Zoë": a coach looking under L or O for
    them had to scroll to the end."""
    for aid, name in (("A7", "Zoë Berg"), ("A8", "Łukasz Wójcik"), ("A9", "ömer Çelik"),
                      ("A10", "Luis Ortega"), ("A11", "Olaf Berg")):
        w.apply_edit(E.AddAthlete(athlete=Athlete(id=aid, name=name, position="Defender")))
    combo = w.injuries_editor.athlete
    names = [combo.itemText(k).split(" (")[0] for k in range(combo.count())]
    fit = names[1:]  # Cara Mid, injured, first
    assert fit == ["Ana Keeper", "Ben Striker", "Luis Ortega", "Łukasz Wójcik", "Olaf Berg",
                   "ömer Çelik", "Zoë Berg"]


def blocks_form_for_a_week(w):
    """The Blocks editor shown, its dates 2 to 8 Mar typed, the cursor in Emphasis."""
    w.show_dock("blocks")
    ed = w.blocks_editor
    ed.start.setDate(q(D(2026, 3, 2)))
    ed.end.setDate(q(D(2026, 3, 8)))
    ed.emphasis.setFocus()
    return ed


def test_ctrl_z_after_add_undoes_the_add_not_the_typing_in_the_form(w, qtbot):
    """The cursor still in the form after Add, Ctrl+Z emptied the field just typed and left the
    block added. A field undoes only what was typed in it since the season last changed."""
    from PySide6.QtTest import QTest

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    ed = blocks_form_for_a_week(w)
    qtbot.keyClicks(ed.name, "Build")
    qtbot.keyClicks(ed.emphasis, "Speed")
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, ctrl)  # typing: the field's own undo
    assert ed.emphasis.text() == "" and w.undo_stack.index() == 0
    qtbot.keyClicks(ed.emphasis, "Speed")
    ed.add_button.click()
    assert len(w.season.blocks) == 1
    ed.emphasis.setFocus()
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, ctrl)
    assert w.season.blocks == () and ed.emphasis.text() == "Speed"
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert len(w.season.blocks) == 1


def test_tab_leaves_an_editors_list_for_its_form(w, qtbot):
    """Tab in the Rehab progress list went from cell to cell and round again: the keyboard
    never reached Record stage below it. Tab now leaves each list; the arrows choose a row."""
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    for key, table in (("injuries", w.injuries_editor.history), ("squad", w.squad_editor.table),
                       ("competitions", w.competitions_editor.table)):
        w.show_dock(key)
        if key == "injuries":
            w.injuries_editor.select("A3")  # Cara: an injury, a row of history
        QApplication.processEvents()
        assert table.rowCount() >= 1
        table.setFocus()
        table.setCurrentCell(0, 0)
        for _ in range(table.columnCount() * table.rowCount() + 1):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if not table.hasFocus():
                break
        assert not table.hasFocus(), key
    assert not w.whatif.panel.table.tabKeyNavigation()  # the Scenarios list, the same


def test_an_editors_list_is_framed_while_it_has_the_keyboard(w, qtbot):
    """Shift+Tab from the Competitions Name field landed on the list with no frame: the coach
    could not tell where the keys went. The list is framed in the highlight colour then, as the
    board is, and not once Tab has left it."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("competitions")
    ed = w.competitions_editor
    highlight = ed.table.palette().color(QPalette.ColorRole.Highlight)

    def edge():  # the middle of the list's left border
        QApplication.processEvents()
        return ed.table.grab().toImage().pixelColor(0, ed.table.height() // 2)

    ed.name.setFocus()
    qtbot.keyClick(ed.name, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: ed.table.hasFocus())
    assert edge() == highlight
    qtbot.keyClick(ed.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not ed.table.hasFocus())
    assert edge() != highlight


def test_ctrl_z_still_undoes_the_typing_after_a_change_made_elsewhere_or_refused(w, qtbot, dialogs):
    """A solve applied (or a pin set on the board) while the coach types in a form, and an Add
    refused, leave his typing his to undo: Ctrl+Z undid the season's last step instead."""
    from PySide6.QtTest import QTest

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("blocks")
    ed = w.blocks_editor
    ed.emphasis.setFocus()
    qtbot.keyClicks(ed.emphasis, "Speed")
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Trip")))
    steps = w.undo_stack.index()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, ctrl)
    assert ed.emphasis.text() == "" and w.undo_stack.index() == steps
    qtbot.keyClicks(ed.emphasis, "Speed")
    ed.start.setDate(q(D(2026, 3, 9)))
    ed.end.setDate(q(D(2026, 3, 4)))
    ed.add_button.click()  # To before From: refused, nothing changed
    assert w.season.blocks == ()
    ed.emphasis.setFocus()
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, ctrl)
    assert ed.emphasis.text() == "" and w.undo_stack.index() == steps


def test_ctrl_z_in_one_editor_still_undoes_its_typing_after_another_editors_add(w, qtbot):
    """A name half typed in the Squad form, a block added in the Blocks editor: back in the
    Squad form, Ctrl+Z took the block away and left the typing, which was no part of it."""
    from PySide6.QtTest import QTest

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("squad")
    sq = w.squad_editor
    sq.name.setFocus()
    qtbot.keyClicks(sq.name, "Nuno")
    ed = blocks_form_for_a_week(w)
    qtbot.keyClicks(ed.emphasis, "Speed")
    ed.add_button.click()
    assert len(w.season.blocks) == 1
    w.show_dock("squad")
    sq.name.setFocus()
    QTest.keyClick(sq.name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sq.name.text() == "" and len(w.season.blocks) == 1
    w.show_dock("blocks")
    ed.emphasis.setFocus()  # the Blocks form's own typing went with its Add
    QTest.keyClick(ed.emphasis, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.season.blocks == () and ed.emphasis.text() == "Speed"


def test_ctrl_z_after_add_in_a_combo_box_or_a_number_field_undoes_the_add(w, qtbot):
    """The Squad form's Position (a list you may type in) and Max speed (a number field) took
    Ctrl+Z for their own line, past the keys' filter: after Add it undid nothing at all."""
    from PySide6.QtTest import QTest

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("squad")
    sq = w.squad_editor
    n = len(w.season.athletes)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for field, typed in ((sq.position, "Forward"), (sq.max_speed, "9.1")):
        sq.name.setText("Nuno")
        sq.athlete_id.clear()
        field.setFocus()
        field.lineEdit().selectAll()
        qtbot.keyClicks(field, typed)
        sq.add_button.click()
        assert len(w.season.athletes) == n + 1
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_Z, ctrl)
        assert len(w.season.athletes) == n, type(field).__name__
    field = sq.position
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "Goalkeeper")
    steps = w.undo_stack.index()
    QTest.keyClick(field, Qt.Key.Key_Z, ctrl)  # typing since: the field's own, not a step
    assert w.undo_stack.index() == steps


def test_an_editor_opened_from_the_season_menu_takes_the_keyboard(w, qtbot):
    """Season ▸ Days Off with the keyboard: the focus stayed on the board, and typing a date
    went nowhere. The editor's first field now has it; Season ▸ Rules puts it in the Rules
    panel's find field, the panel already in front too (it stayed on the board)."""
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    season_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Season")
    for title, field in (("Days Off", w.days_off_editor.date.line),
                         ("Competitions", w.competitions_editor.name),
                         ("Squad", w.squad_editor.name),
                         ("Rules", w.rules_panel.find), ("Rules", w.rules_panel.find)):
        w.board.setFocus()
        next(a for a in season_menu.actions() if a.text().replace("&", "") == title).trigger()
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f, timeout=2000)


def test_an_athlete_added_off_the_bench_form_says_his_default_role(w):
    """The Squad form showed the athlete just added: the next one added kept his "bench" unseen,
    and the status bar said only "Add athlete …". The status says the role; the form is then the
    next player's, his role the default again."""
    ed = w.squad_editor
    ed.name.setText("Kai Bench")
    ed.role.setCurrentIndex(ed.role.findData("bench"))
    ed.add_button.click()
    assert "Kai Bench (A4), on the bench by default" in w.statusBar().currentMessage()
    assert ed.role.currentData() == "start"  # the next player's form
    ed.name.setText("Lou Next")
    ed.role.setCurrentIndex(ed.role.findData("bench"))
    ed.add_button.click()
    assert "Lou Next (A5), on the bench by default" in w.statusBar().currentMessage()
    ed.name.setText("Max Start")
    ed.add_button.click()
    assert "Max Start (A6)" in w.statusBar().currentMessage()
    assert "by default" not in w.statusBar().currentMessage()


def test_a_player_added_over_a_selected_one_takes_the_default_role_not_the_selected_ones(
        w, qtbot):
    """Season ▸ Squad with a player whose role is "out" selected: a new name typed over the
    form and Add gave the newcomer "out" ("out of the matchday squad until you pick …"). A new
    player gets the form's default role, unless the coach picked one for the new entry."""
    ed = w.squad_editor
    w.apply_edit(E.UpdateAthlete(athlete="A3", role="out"))
    assert ed.select("A3") and ed.role.currentData() == "out"
    ed.name.selectAll()
    qtbot.keyClicks(ed.name, "Zed Newman")
    ed.add_button.click()
    zed = next(a for a in w.season.athletes if a.name == "Zed Newman")
    assert zed.role == "start" and w.season.athlete("A3").role == "out"
    assert "out of the matchday squad" not in w.statusBar().currentMessage()
    # the role picked for the new player, over a selected one's, is the new player's
    assert ed.select("A3")
    ed.name.selectAll()
    qtbot.keyClicks(ed.name, "Ben Chosen")
    bench = ed.role.findData("bench")
    ed.role.setCurrentIndex(bench)
    ed.role.activated.emit(bench)  # chosen from the list, as the coach does
    ed.add_button.click()
    assert next(a for a in w.season.athletes if a.name == "Ben Chosen").role == "bench"
    assert w.season.athlete("A3").role == "out"


def test_ctrl_z_in_a_date_field_undoes_its_typing_after_tab_before_any_season_step(w, qtbot):
    """A match role set in the Roles panel, then an onset typed in the Injuries editor and
    Tab: back in the field, Ctrl+Z undid the role (the field's reformatted text had wiped its
    own undo) and left the typed date showing. The typing is undone first, back to the
    record; only then does Ctrl+Z reach the season's steps."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Trip")))
    steps = w.undo_stack.index()
    w.show_dock("injuries")
    ed = w.injuries_editor
    ed.select("A3")
    recorded = ed.onset.text()
    assert recorded == "Tue 10 Feb 2026"
    qtbot.keyClicks(ed.flare_note, "sore")
    line = ed.onset.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.selectAll()
    qtbot.keyClicks(line, "12/2")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert ed.onset.text() == "Thu 12 Feb 2026" and not line.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_Up)  # a day on with the arrow: undone the same way
    assert ed.onset.text() == "Fri 13 Feb 2026"
    ctrl = Qt.KeyboardModifier.ControlModifier
    for _ in range(10):
        if ed.onset.text() == recorded:
            break
        QTest.keyClick(line, Qt.Key.Key_Z, ctrl)
        assert w.undo_stack.index() == steps, ed.onset.text()  # the season untouched
    assert ed.onset.text() == recorded and ed.onset.date() == q(D(2026, 2, 10))
    QTest.keyClick(line, Qt.Key.Key_Z, ctrl)  # nothing typed left: the season's step
    assert w.undo_stack.index() == steps - 1 and ed.onset.text() == recorded
    said = w.statusBar().currentMessage()  # the note typed and not recorded is said
    assert said.startswith("Undone: ") and f"not applied yet: {ed.flare_note.accessibleName()}" in said


def test_f6_and_escape_take_the_keyboard_from_an_editor_to_the_board_and_f6_back(w, qtbot):
    """In the Injuries editor, Ctrl+T only scrolled the board (the arrows then moved the date
    field behind it, unseen); Escape, F6 and Ctrl+Tab did nothing: nine Tabs to the board."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.show_dock("injuries")
    line = w.injuries_editor.onset.line

    def framed() -> bool:  # the board's edge in the highlight colour: its focus is seen
        QApplication.processEvents()
        image = w.board.viewport().grab().toImage()
        colour = w.board.palette().color(QPalette.ColorRole.Highlight)
        return image.pixelColor(0, image.height() // 2).rgb() == colour.rgb()

    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    assert not framed()
    qtbot.keyClick(line, Qt.Key.Key_F6)
    assert w.board.hasFocus() and framed()
    qtbot.keyClick(w.board, Qt.Key.Key_F6)  # F6 again: back to the field
    assert line.hasFocus() and not framed()
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert w.board.hasFocus()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Go to Today
    assert w.board.hasFocus()
    shown, (who, day) = line.text(), w.board.current()
    qtbot.keyClick(w.board, Qt.Key.Key_Right)
    assert w.board.current() == (who, day + dt.timedelta(days=1))
    assert line.text() == shown  # the arrow moved on the board, not the date
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    go = next(a for a in view.actions() if a.text().replace("&", "") == "Go to the Board")
    assert go.shortcut().toString() == "F6"


def test_typing_not_applied_is_asked_about_before_the_board_shows_another_athlete(w, qtbot, dialogs):
    """" Jr" typed after Tom Berger's name, then a click on Jonas Lind on the board: the typing
    was gone unasked. Now: Apply, Discard or Cancel (the board goes back, the typing stays)."""
    day = w.season.calendar.start
    a1, a2 = w.season.athletes[0], w.season.athletes[1]
    w.show_dock("squad")
    sq = w.squad_editor
    w.board.set_current(a1.id, day)
    assert sq.selected_id() == a1.id and dialogs.kinds() == []
    sq.name.setFocus()
    sq.name.end(False)
    qtbot.keyClicks(sq.name, " Jr")
    dialogs.answer = "cancel"
    w.board.set_current(a2.id, day)
    assert [(c[0], c[1]) for c in dialogs] == [("choose", "Apply what you typed?")]
    assert f"Squad editor: Athlete name of {w.season.athlete_label(a1.id)}" in dialogs[0][2]
    assert w.board.current()[0] == a1.id and sq.selected_id() == a1.id
    assert sq.name.text() == f"{a1.name} Jr" and w.undo_stack.count() == 0
    dialogs.answer = "discard"
    w.board.set_current(a2.id, day)
    assert sq.selected_id() == a2.id and sq.name.text() == a2.name
    assert w.season.athlete(a1.id).name == a1.name and w.undo_stack.count() == 0
    w.board.set_current(a1.id, day)  # nothing typed: no question
    assert len(dialogs) == 2
    qtbot.keyClicks(sq.name, " Jr")
    dialogs.answer = "apply"
    w.board.set_current(a2.id, day)
    assert w.season.athlete(a1.id).name == f"{a1.name} Jr" and w.undo_stack.count() == 1
    assert sq.selected_id() == a2.id and w.board.current()[0] == a2.id and len(dialogs) == 3


def test_a_position_completed_as_offered_asks_nothing_and_the_guard_defaults_to_cancel(
        w, qtbot, dialogs, monkeypatch):
    """"d" in Position completed to "defender" (his own "Defender" in lower case) and counted
    as typing: the next board move asked "Apply what you typed?" with Apply the default, and a
    Return meant for the Log pressed it. Now the position picked from the list under the box is
    as offered, which is his own: the board moves on and nothing is asked; the question's
    default is Cancel (nothing lost)."""
    day = w.season.calendar.start
    a1, a2 = w.season.athletes[0], w.season.athletes[1]
    assert a1.position == "Goalkeeper"
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.show_dock("squad")
    sq = w.squad_editor
    w.board.set_current(a1.id, day)
    line = sq.position.lineEdit()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.selectAll()
    qtbot.keyClicks(line, "g")
    popup = sq.position.completer().popup()  # offered in a list, picked: as the list says it
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert line.text() == "Goalkeeper"
    w.board.set_current(a2.id, day)
    assert dialogs.kinds() == [] and sq.selected_id() == a2.id
    assert w.undo_stack.count() == 0 and w.season.athlete(a1.id).position == "Goalkeeper"
    defaults = []
    ask = dialogs.choose
    monkeypatch.setattr(dialogs, "choose", lambda title, text, answers, default, details="":
                        defaults.append(default) or ask(title, text, answers, default, details))
    sq.name.setFocus()
    sq.name.end(False)
    qtbot.keyClicks(sq.name, " Jr")
    dialogs.answer = "cancel"
    w.board.set_current(a1.id, day)
    assert defaults == ["cancel"] and w.board.current()[0] == a2.id


def test_a_position_retyped_in_another_case_is_applied(w, qtbot):
    """An athlete imported as "goalkeeper" is set to "Goalkeeper" by typing it: the form said
    nothing was pending and Apply did nothing."""
    a = w.season.athletes[0]
    lower = w.season.model_copy(update={"athletes": (
        a.model_copy(update={"position": "goalkeeper"}), *w.season.athletes[1:])})
    w.document.replace(lower, None)
    w.show_dock("squad")
    sq = w.squad_editor
    w.board.set_current(a.id, w.season.calendar.start)
    assert sq.position.currentText() == "goalkeeper"
    line = sq.position.lineEdit()
    line.setText("Goalkeeper")
    line.textEdited.emit(line.text())
    assert sq.pending() == ["Athlete position"]
    sq.apply_button.click()
    assert w.season.athlete(a.id).position == "Goalkeeper" and w.undo_stack.count() == 1


def test_typing_a_row_refuses_on_apply_stays_typed_and_the_board_goes_back(w, qtbot, dialogs):
    """Apply chosen for a date that is no date ("31/02/2027" in Unavailable from): the form said
    why, yet the board moved on and the typing was gone (the refusal was not told from a row
    applied)."""
    day = w.season.calendar.start
    a1, a2 = w.season.athletes[0], w.season.athletes[1]
    w.show_dock("squad")
    sq = w.squad_editor
    w.board.set_current(a1.id, day)
    sq.away_from.line.setFocus()
    sq.away_from.line.selectAll()
    qtbot.keyClicks(sq.away_from.line, "31/02/2027")
    assert sq.pending() == ["Unavailable from"]
    dialogs.answer = "apply"
    w.board.set_current(a2.id, day)
    assert w.board.current()[0] == a1.id and sq.selected_id() == a1.id  # back, and kept
    assert sq.away_from.line.text() == "31/02/2027" and sq.pending() == ["Unavailable from"]
    assert w.undo_stack.count() == 0
    assert ("warn", "Change not made") in [(c[0], c[1]) for c in dialogs]


def test_a_test_of_the_stage_a_flare_up_left_is_offered_no_more_and_said_not_to_count(w):
    """After a flare-up sent an athlete back from P2 to P1, the editor still offered "Criteria
    test of P2, the current stage" (the last stage record), and a failed P2 result held him
    nowhere, unsaid. The tests offered are the stage the flare-up left him in, and a result of
    another stage's criterion is said not to count until that stage is recorded."""
    ed = w.injuries_editor
    before = w.season
    w.apply_edit(E.RecordFlareUp(athlete="A3", date=D(2026, 2, 25)))
    assert ed.select("A3")
    assert ed.test_heading.text() == "Criteria test of P1, the current stage:"
    assert ed.test_name.findText("Hip-flexor strength LSI") == -1  # P2's
    ed.test_name.setEditText("Hip-flexor strength LSI")
    ed.test_value.setValue(60)
    ed.test_date.setDate(q(D(2026, 3, 1)))
    ed.test_button.click()
    assert [t.name for t in w.season.injury_of("A3").tests] == ["Hip-flexor strength LSI"]
    said = ed.rehab_error.text()
    assert said.startswith("Recorded. Hip-flexor strength LSI is a criterion of P2, P3 and S3; on "
                           "Sun 1 Mar 2026 Cara Mid (A3) is recorded in P1, so this result does "
                           "not count yet: it counts (a failing one holds the athlete in P2) once "
                           "P2 is recorded")
    assert ed.rehab_error.isVisibleTo(ed)
    assert ink("flag") in ed.rehab_error.styleSheet()  # a note on what was recorded, not a refusal
    ed.test_name.setEditText("")
    ed.test_button.click()
    assert ink("error") in ed.rehab_error.styleSheet()  # the next refusal is red again
    undo_all(w, before)


def test_a_stage_recorded_over_a_failed_test_is_asked_about_first(w, dialogs):
    """The editor showed "P2 held until retest" in red, and Record stage P3 went through at
    once: the failed result then held the athlete nowhere and was named nowhere. The coach is
    asked first, with the result, its pass mark and the retest day."""
    ed = w.injuries_editor
    before = w.season
    w.apply_edit(E.RecordCriteriaTest(athlete="A3", test=CriteriaTest(
        date=D(2026, 3, 1), name="Hip-flexor strength LSI", value=60, unit="%")))
    assert ed.select("A3")
    kind, title, text = _declined_stage(w, ed, dialogs, "P3", D(2026, 3, 2))
    assert (kind, title) == ("confirm", "Record it over a failed test?")
    assert text.startswith("Cara Mid (A3) has not finished P2 on Mon 2 Mar 2026: P2 has had 14 days "
                           "(from Mon 16 Feb); it needs at least 21; the latest Hip-flexor strength LSI 60 % on Sun 1 Mar 2026 "
                           "(pass mark ≥ 80 %) fails: RH-CRIT holds the athlete in P2 until the retest, Sun 8 Mar 2026. Once recorded")
    dialogs.answer = "yes"
    ed.stage_button.click()
    assert [r.stage for r in w.season.injury_of("A3").stages] == ["P2", "P3"], \
        ed.rehab_error.text()
    undo_all(w, before)


def _declined_stage(w, ed, dialogs, stage: str, day: dt.date):
    """Record ``stage`` from ``day`` in A3's injury form, answer No to the question asked, check
    nothing was recorded (A3 stays in P2), and give the question (kind, title, text)."""
    ed.stage.setCurrentIndex(ed.stage.findData(stage))
    ed.stage_start.setDate(q(day))
    dialogs.answer = "no"
    ed.stage_button.click()
    assert [r.stage for r in w.season.injury_of("A3").stages] == ["P2"]
    return dialogs[-1]


def test_a_stage_recorded_before_the_stage_held_is_done_is_asked_about_first(w, dialogs):
    """Recording P3 on P2's 18th day (at least 21) went through unasked: only a failed test was
    asked about. The coach is asked about the minimum days and the exit work too; the next stage
    recorded once P2 is done (23 days, its days at 70 % in the plan) asks nothing."""
    ed = w.injuries_editor
    before = w.season
    assert ed.select("A3")
    kind, title, text = _declined_stage(w, ed, dialogs, "P3", D(2026, 3, 5))
    assert (kind, title) == ("confirm", "Record it before P2 is done?")
    assert text.startswith("Cara Mid (A3) has not finished P2 on Thu 5 Mar 2026: P2 has had 17 days "
                           "(from Mon 16 Feb); it needs at least 21. Once recorded, P3 from Thu 5 Mar 2026 stands on the physio's "
                           "word and this holds the athlete no more.")
    ed.stage.setCurrentIndex(ed.stage.findData("P3"))
    ed.stage_start.setDate(q(D(2026, 3, 3)))  # the plan's Monday at 70 % is 1 of the 2 days
    ed.stage_button.click()
    assert dialogs[-1][2].startswith("Cara Mid (A3) has not finished P2 on Tue 3 Mar 2026: P2 has had "
                                     "15 days (from Mon 16 Feb); it needs at least 21; 1 of 2 days at 70 % done. Once recorded")
    asked = len(dialogs)
    ed.stage.setCurrentIndex(ed.stage.findData("P3"))
    ed.stage_start.setDate(q(D(2026, 3, 10)))
    ed.stage_button.click()
    assert len(dialogs) == asked
    assert [r.stage for r in w.season.injury_of("A3").stages] == ["P2", "P3"], \
        ed.rehab_error.text()
    undo_all(w, before)


def test_every_row_of_the_squad_and_injuries_forms_is_asked_about(w, qtbot, dialogs,
                                                                   monkeypatch):
    """A reason typed under Unavailable, a stage date typed for a stage record, a flare-up note
    and a test result were dropped unasked when the board moved to another athlete; the
    inspector already showed the athlete clicked while the question was open."""
    day = w.season.calendar.start
    a1, a2 = w.season.athletes[0], w.season.athletes[1]
    w.show_dock("squad")
    sq = w.squad_editor
    w.board.set_current(a1.id, day)
    qtbot.keyClicks(sq.away_reason, "national team")
    seen = []
    dialogs.answer = "cancel"
    ask = dialogs.choose
    monkeypatch.setattr(dialogs, "choose", lambda *a: (seen.append(w.inspector.toPlainText()),
                                                      ask(*a))[1])
    w.board.set_current(a2.id, day)
    assert dialogs.kinds() == ["choose"]
    assert f"Squad editor: Unavailable reason of {w.season.athlete_label(a1.id)}" in dialogs[0][2]
    assert a2.name not in seen[0] and a1.name in seen[0]  # the question is about a1, shown
    assert w.board.current()[0] == a1.id and sq.away_reason.text() == "national team"
    assert a1.name in w.inspector.toPlainText()
    dialogs.answer = "apply"
    w.board.set_current(a2.id, day)
    assert [(u.athlete, u.reason) for u in w.season.unavailability][-1] == (a1.id, "national team")
    assert w.board.current()[0] == a2.id and sq.selected_id() == a2.id
    sq.away_to.show_calendar()  # a day picked on the calendar is typing too
    sq.away_to._popup.calendar.clicked.emit(q(w.season.calendar.end))
    dialogs.answer = "cancel"
    w.board.set_current(a1.id, day)
    assert "Unavailable to of" in dialogs[-1][2] and w.board.current()[0] == a2.id
    dialogs.answer = "discard"
    w.board.set_current(a1.id, day)
    assert w.board.current()[0] == a1.id

    injured = w.season.injuries[0]
    other = next(a.id for a in w.season.athletes if a.id != injured.athlete)
    w.show_dock("injuries")
    inj = w.injuries_editor
    w.board.set_current(injured.athlete, day)
    n = len(dialogs)
    for field, text in ((inj.stage_start.line, "14.8.26"), (inj.flare_note, "sore"),
                        (inj.test_value.lineEdit(), "82")):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        dialogs.answer = "cancel"
        w.board.set_current(other, day)
        assert len(dialogs) == n + 1, field.accessibleName()
        assert w.board.current()[0] == injured.athlete
        n += 1
    assert "New stage start, Flare-up note, Test result of" in dialogs[-1][2]
    dialogs.answer = "discard"
    w.board.set_current(other, day)
    assert w.board.current()[0] == other and w.season.injuries[0] == injured
    w.board.set_current(injured.athlete, day)  # nothing typed now: no question
    assert len(dialogs) == n + 1


def test_redo_in_a_date_field_walks_back_the_way_undo_came(w, qtbot):
    """Ctrl+Z walked from the typed onset back to the record and on to a season step; Ctrl+Shift+Z
    then brought the field's typing back and left the season step undone. Redo now redoes the
    season step first, then the typing."""
    from PySide6.QtTest import QTest

    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.apply_edit(E.AddBlock(block=Block(name="Base", start=D(2026, 3, 2), end=D(2026, 3, 15))))
    steps = w.undo_stack.index()
    w.show_dock("injuries")
    ed = w.injuries_editor
    ed.select("A3")
    recorded = ed.onset.text()
    line = ed.onset.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.selectAll()
    qtbot.keyClicks(line, "12/2")
    ctrl = Qt.KeyboardModifier.ControlModifier
    redo = ctrl | Qt.KeyboardModifier.ShiftModifier
    for _ in range(10):
        if ed.onset.text() == recorded:
            break
        QTest.keyClick(line, Qt.Key.Key_Z, ctrl)
    assert ed.onset.text() == recorded and w.undo_stack.index() == steps
    QTest.keyClick(line, Qt.Key.Key_Z, ctrl)  # one too many: the season's step
    assert w.undo_stack.index() == steps - 1
    QTest.keyClick(line, Qt.Key.Key_Z, redo)  # the season's step again, the field as it was
    assert w.undo_stack.index() == steps and ed.onset.text() == recorded
    for _ in range(10):
        if ed.onset.text() == "12/2":
            break
        QTest.keyClick(line, Qt.Key.Key_Z, redo)
    assert ed.onset.text() == "12/2" and w.undo_stack.index() == steps  # then the typing


def test_every_date_of_the_injuries_editor_lies_in_a_new_empty_season(qtbot):
    """After File > New (an empty season from 4 Jan 2027), the disabled "Next stage ... on" and the
    flare-up date still showed the last season's days (Mon 3 Aug 2026): every date field shows
    the new season's today, else its first day."""
    from planner.season import Calendar, Season
    from ui.desktop.editors import InjuriesEditor

    ed = InjuriesEditor()
    qtbot.addWidget(ed)
    ed.set_season(tiny_season())
    assert ed.select("A3") and ed.injury() is not None  # Cara's injury: its rehab rows filled
    new = Season(name="New FC", calendar=Calendar(start=D(2027, 1, 4), end=D(2027, 8, 1)))
    ed.set_season(new)
    fields = (ed.onset, ed.first_start, ed.stage_start, ed.flare_date, ed.test_date)
    assert [f.date() for f in fields] == [q(D(2027, 1, 4))] * len(fields)
    later = new.model_copy(update={"calendar": new.calendar.model_copy(
        update={"today": D(2027, 3, 1)})})
    ed.set_season(later)  # a season under way: today
    assert [f.date() for f in fields] == [q(D(2027, 3, 1))] * len(fields)


def test_a_flare_up_dated_before_a_match_he_played_is_asked_about_first(qtbot, dialogs):
    """A flare-up back-dated before matches the log shows played was recorded at once, putting
    them in rehab (a two-month rehab restarted for a player who had played 9 matches). The
    coach is asked first, with the day after the last match to date it; No records nothing."""
    from planner.season import Injury, Session

    season = tiny_season()
    season = season.model_copy(update={
        "competitions": season.competitions + (Competition(
            id="m0", name="Friendly", date=D(2026, 3, 7), priority="C"),),
        "sessions": (Session(athlete="A3", date=D(2026, 3, 7), minutes=95, rpe=8,
                             minutes_played=90),)})
    inj = Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=D(2026, 2, 10),
                 stages=(StageRecord(stage="S3", start=D(2026, 2, 16)),
                         StageRecord(stage="FIT", start=D(2026, 3, 5))))
    win, ed = _injuries_of_a3(qtbot, season, inj)
    ed.flare_date.setDate(q(D(2026, 3, 6)))
    dialogs.answer = "no"
    ed.flare_button.click()
    assert win.season.injuries_of("A3")[0].flare_ups == ()
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Played after the flare-up?")
    assert text == ("The log has Cara Mid (A3) playing 1 competition on Sat 7 Mar 2026, after a "
                    "flare-up on Fri 6 Mar 2026: if the flare-up came after it, its date is the "
                    "day after their last match, Sun 8 Mar 2026 (record it on that day instead: the "
                    "date beside Record flare-up); if they played with it, record it all the same."
                    "\n\nRecord the flare-up on Fri 6 Mar 2026 anyway?")
    dialogs.answer = "yes"
    ed.flare_button.click()
    assert win.season.injuries_of("A3")[0].flare_ups == (D(2026, 3, 6),)
    # dated after the match: nothing to ask
    asked = len(dialogs)
    win.undo_stack.undo()
    ed.flare_date.setDate(q(D(2026, 3, 8)))
    ed.flare_button.click()
    assert win.season.injuries_of("A3")[0].flare_ups == (D(2026, 3, 8),)
    assert len(dialogs) == asked


def test_the_squad_list_sorts_by_the_column_clicked(w, qtbot):
    """A coach looks a player up by name: a header click sorts the list (accents and case do not
    count, max speeds by their value), the selection stays on its athlete, and a refill keeps
    the order chosen; until a click the list is in the season's order."""
    from PySide6.QtCore import QPoint

    from planner.season import Athlete

    squad = (Athlete(id="A9", name="Zoë Ångström", max_speed=9.8),
             Athlete(id="A10", name="Łukasz Wójcik", max_speed=10.1),
             Athlete(id="A2", name="luis Ortega"), Athlete(id="A11", name="Ömer Çelik", max_speed=8.9))
    w.set_document(w.season.model_copy(update={"athletes": squad, "injuries": (), "plan": None,
                                               "unavailability": ()}), None)
    w.show_dock("squad")
    table = w.squad_editor.table

    def column(c: int) -> list[str]:
        return [table.item(r, c).text() for r in range(table.rowCount())]

    assert column(0) == ["A9", "A10", "A2", "A11"]
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2))
    assert column(1) == ["luis Ortega", "Łukasz Wójcik", "Ömer Çelik", "Zoë Ångström"]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(0) == ["A2", "A9", "A10", "A11"]
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert column(0)[:3] == ["A11", "A9", "A10"]  # 8.9, 9.8, 10.1 m/s; not measured last
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    table.selectRow(1)
    assert w.squad_editor.selected_id() == "A10"
    w.apply_edit(E.SetSeasonSettings(name="Sorted FC"))  # a refill keeps the order and the row
    w.squad_editor.set_season(w.season.model_copy(update={"athletes": squad + (
        Athlete(id="A3", name="Kofi Mensah"),)}))
    assert column(1) == ["Kofi Mensah", "luis Ortega", "Łukasz Wójcik", "Ömer Çelik",
                         "Zoë Ångström"]
    assert w.squad_editor.selected_id() == "A10"


def test_a_position_typed_close_to_a_group_asks_did_you_mean_before_add(w, qtbot, dialogs):
    """"Midfeilder" was added as a group of its own without a word until after Add (the board
    then read "Mi…"). As it is typed, the note asks whether a known group or one of the squad's
    own was meant; Add can still take it as typed (a club may have a group of its own)."""
    from planner.squad import near_position

    assert near_position("Midfeilder") == "Midfielder"
    assert near_position("  GOALKEPER ") == "Goalkeeper"  # case and spaces do not count
    assert near_position("Wingr", ["Winger", "Winger", "CB"]) == "Winger"  # the squad's own too
    # one player's against one: which is the typo is not known, neither is offered
    assert near_position("Wingr", ["Winger", "CB"]) is None
    assert near_position("Winger", ["Wingr", "CB"]) is None
    assert near_position("Winger", ["Winger"]) is None  # itself is no misspelling
    assert near_position("Libero") is None and near_position("CB") is None
    ed = w.squad_editor
    ed.table.clearSelection()
    ed.name.setText("Ryan Jones")
    ed.position.lineEdit().setFocus()
    qtbot.keyClicks(ed.position.lineEdit(), "Midfeilder")
    assert ed.position.currentText() == "Midfeilder"
    assert not ed.position_note.isHidden()  # said while typing, before Add
    assert ed.position_note.text().startswith("Did you mean Midfielder? 'Midfeilder' as typed is "
                                              "a group of its own")
    dialogs.answer = "astyped"
    ed.add_button.click()
    added = next(a for a in w.season.athletes if a.name == "Ryan Jones")
    assert added.position == "Midfeilder"  # not refused
    ed.table.clearSelection()
    ed.position.setEditText("Midfeildr")  # close to the four's Midfielder before the squad's typo
    assert "Did you mean Midfielder?" in ed.position_note.text()
    ed.position.setEditText("Liberro")
    assert ed.position_note.text().startswith("'Liberro' is a group of its own, not Goalkeeper")


def test_did_you_mean_is_taken_in_one_step_by_adds_question(w, qtbot, dialogs):
    """"Did you mean Midfielder?" showed under Position, but nothing took it: a coach typing
    Tab, Alt+A never read it and Add took "Midfeilder". Add asks once, Midfielder the default; Keep as Typed keeps a group of the club's own
    (not asked again); Cancel adds nothing."""
    ed = w.squad_editor
    w.show_dock("squad")

    def typed(name, position):
        ed.table.clearSelection()
        ed.name.setText(name)
        ed.position.setEditText(position)

    typed("Dan Wood", "Midfeilder")
    before = w.season
    ed.add_button.click()  # the fake's answer: the last offered, Cancel
    assert w.season is before and dialogs[-1][0] == "choose"
    assert dialogs[-1][2].startswith("Did you mean Midfielder? 'Midfeilder' is none of the squad's")
    assert "Use the Suggestion: Dan Wood is added as Midfielder" in dialogs[-1][2]
    dialogs.answer = "suggested"  # the default button (Enter)
    ed.add_button.click()
    assert w.season.athletes[-1].name == "Dan Wood" and w.season.athletes[-1].position == "Midfielder"
    dialogs.answer = "astyped"
    typed("Sam Lee", "Midfeilder")
    ed.add_button.click()
    assert w.season.athletes[-1].position == "Midfeilder"
    asked = len(dialogs)
    dialogs.answer = "cancel"
    typed("Tom Ash", "Midfeilder")  # kept as typed once: his club's own group, not asked again
    ed.add_button.click()
    assert len(dialogs) == asked and w.season.athletes[-1].position == "Midfeilder"
    typed("Ed Fox", "Defender")  # a known group: nothing asked
    ed.add_button.click()
    assert len(dialogs) == asked and w.season.athletes[-1].name == "Ed Fox"


def test_the_right_spelling_typed_is_not_sent_to_one_players_typo(w):
    """Once one player had "Wingr", typing "Winger" asked "Did you mean Wingr?", also on the
    player himself when his typo was being put right."""
    ed = w.squad_editor
    w.show_dock("squad")
    wingr = w.season.athletes[0]
    w.apply_edit(E.UpdateAthlete(athlete=wingr.id, position="Wingr"))
    ed.table.clearSelection()  # a new player
    ed.position.setEditText("Winger")
    assert ed.position_note.text().startswith("'Winger' is a group of its own, not Goalkeeper")
    ed.select(wingr.id)  # his own Wingr put right
    ed.position.setEditText("Winger")
    assert "Did you mean" not in ed.position_note.text()
    assert ed.position_note.text().startswith("'Winger' is a group of its own")


def test_players_pasted_onto_the_squad_list_are_added_as_one_step_or_not_at_all(w, qtbot, dialogs):
    """Players 7 to 16 had to be typed one by one or sent through the coach workbook (which
    wanted IDs). Ctrl+V on the list takes rows copied from a spreadsheet: Name, Position, Max
    speed, the next free IDs, one undo step; a line that cannot be used adds nothing, named by
    its number with the fix."""
    from PySide6.QtGui import QGuiApplication

    from ui.desktop.editors.squad import PASTE_HINT, PASTE_TIP

    ed = w.squad_editor
    w.show_dock("squad")
    before = w.season
    assert ed.paste_note.text() == PASTE_HINT and ed.paste_note.isVisible()
    assert "Ctrl+V" in PASTE_HINT and ed.table.toolTip() == PASTE_TIP
    bad = ("Name\tPosition\tMax speed\n"
           "Owen Price\tForward\t31.2\n"
           "\tDefender\t8.9\n"
           "Matt Fox\tDefender\tfast\n"
           f"{before.athletes[0].name}\tMidfielder\t\n")
    QGuiApplication.clipboard().setText(bad)
    ed.table.setFocus()
    qtbot.keyClick(ed.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert w.season == before  # nothing added
    kind, title, text = dialogs[-1]
    assert kind == "warn" and "Paste players: Nothing added" in text
    assert "line 3: no name; put the athlete's name first" in text
    assert "line 4: Max speed: 'fast' is not a speed; write it in m/s" in text
    first = before.athletes[0]
    assert (f"line 5: {first.name} ({first.id}) is in the squad already, and two players of one "
            f"name cannot be told apart in a session log or the coach workbook: add what tells "
            f"them apart, such as a birth year or an initial ('{first.name} 2008'), or leave the "
            f"line out") in text
    assert "line 2" not in text

    good = ("Name\tPosition\tMax speed\n"
            "Owen Price\tForward\t31.2\n"
            "Matt Fox\tMidfeilder\t8.9\n"
            "\n"
            "Sam Lee\t\t\n")
    QGuiApplication.clipboard().setText(good)
    qtbot.keyClick(ed.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new = w.season.athletes[len(before.athletes):]
    assert [(a.name, a.position, a.max_speed) for a in new] == [
        ("Owen Price", "Forward", 8.67), ("Matt Fox", "Midfeilder", 8.9), ("Sam Lee", "", None)]
    ids = [a.id for a in new]
    assert [a.id for a in before.athletes] == ["A1", "A2", "A3"]
    assert ids == ["A4", "A5", "A6"]  # the next free ones in the squad's pattern, in order
    assert ed.table.rowCount() == len(w.season.athletes)
    note = ed.paste_note.text()
    assert note.startswith(f"Add 3 athletes pasted ({ids[0]} to {ids[-1]}).")
    assert "line 3: Did you mean Midfielder?" in note  # added as typed, the typo said
    assert w.undo_action.text() == "&Undo Add 3 athletes pasted (A4 to A6)"
    undo_all(w, before)  # one undo step takes the three away


def _hamstring_in_p2(w) -> None:
    """Ana: a hamstring strain on Fri 20 Feb, P1 from Sat 21 Feb, P2 from Sat 28 Feb."""
    from planner.season import Injury

    w.apply_edit(E.SetInjury(injury=Injury(
        athlete="A1", protocol="hamstring-strain", onset=D(2026, 2, 20),
        stages=(StageRecord(stage="P1", start=D(2026, 2, 21)),
                StageRecord(stage="P2", start=D(2026, 2, 28))))))


def test_a_result_of_the_stage_before_is_offered_and_recorded(w):
    """Once Mateo was in P2, the P1 "Pain on single-leg squat" result taken the day before
    could not be picked: the Test list offered P2's alone. It offers P2's first, then P1's."""
    ed = w.injuries_editor
    before = w.season
    _hamstring_in_p2(w)
    assert ed.select("A1")
    items = [ed.test_name.itemText(i) for i in range(ed.test_name.count())]
    assert items == ["Hamstring strength LSI", "Pain on single-leg squat"]
    assert ed.test_heading.text() == "Criteria test of P2, the current stage (then earlier stages'):"
    ed.test_name.setCurrentIndex(1)
    ed.test_value.setValue(3)
    assert ed.pass_mark.text() == "Pass mark ≤ 1/10: this result does not pass yet."
    ed.test_date.setDate(q(D(2026, 2, 27)))
    ed.test_button.click()
    (t,) = w.season.injury_of("A1").tests
    assert (t.name, t.value, t.unit, t.date) == ("Pain on single-leg squat", 3, "/10", D(2026, 2, 27))
    assert not ed.rehab_error.isVisibleTo(ed)  # taken in P1: it counts, nothing to say
    undo_all(w, before)


def test_an_ankle_in_p1_is_offered_the_next_stage_with_tests(w):
    """An ankle sprain in P1: "P1 has none; S3's, before the return:" over an empty Test list,
    though S3 has none and P2 has the single-leg hop. P2's hop gates leaving P2, weeks before the
    return: said so ("before the return" is kept for the last stage's test)."""
    from planner.season import Injury

    ed = w.injuries_editor
    before = w.season
    w.apply_edit(E.SetInjury(injury=Injury(athlete="A1", protocol="ankle-sprain", onset=D(2026, 2, 27),
                                           stages=(StageRecord(stage="P1", start=D(2026, 2, 27)),))))
    assert ed.select("A1")
    assert ed.test_heading.text() == "Criteria test: P1 has none; P2's, to leave P2:"
    assert [ed.test_name.itemText(i) for i in range(ed.test_name.count())] == ["Single-leg hop LSI"]
    assert ed.pass_mark.text() == "Pass mark ≥ 90 %: type the result."
    undo_all(w, before)


def test_a_result_in_a_stage_without_tests_is_read_against_the_next_stage_s_pass_mark(w):
    """A hamstring strength LSI of 80 % taken in P3 (no tests): the form said "≥ 90 %" (S3's)
    and the history table listed it unmarked (P2's 75 %). Both read S3's, and the form follows
    the Test date (P2's 75 % for a result taken in P2)."""
    from planner.season import Injury

    ed = w.injuries_editor
    before = w.season
    w.apply_edit(E.SetInjury(injury=Injury(
        athlete="A1", protocol="hamstring-strain", onset=D(2026, 2, 20),
        stages=(StageRecord(stage="P1", start=D(2026, 2, 21)),
                StageRecord(stage="P2", start=D(2026, 2, 25)),
                StageRecord(stage="P3", start=D(2026, 3, 1))),
        tests=(CriteriaTest(date=D(2026, 3, 2), name="Hamstring strength LSI", value=80.0, unit="%"),))))
    assert ed.select("A1")
    cell = ed.history.item(ed.history.rowCount() - 1, 2).text()
    assert cell == "Hamstring strength LSI 80 % (2 Mar) ✗ not passed (≥ 90 %)", cell
    ed.test_name.setCurrentText("Hamstring strength LSI")
    ed.test_value.setValue(80.0)
    ed.test_date.setDate(q(D(2026, 3, 2)))
    assert ed.pass_mark.text() == "Pass mark ≥ 90 %: this result does not pass yet."
    ed.test_date.setDate(q(D(2026, 2, 27)))
    assert ed.pass_mark.text() == "Pass mark ≥ 75 %: this result passes."
    undo_all(w, before)


def test_the_rehab_progress_table_marks_a_result_below_its_pass_mark(w):
    """"Hamstring strength LSI 68 % (18 Sep)" was listed as a passing one; a failed result is
    marked as not passed, with its pass mark; a passing one is not."""
    ed = w.injuries_editor
    before = w.season
    _hamstring_in_p2(w)
    for value, when in ((68.0, D(2026, 3, 1)), (80.0, D(2026, 3, 2))):
        w.apply_edit(E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(
            date=when, name="Hamstring strength LSI", value=value, unit="%")))
    assert ed.select("A1")
    cell = ed.history.item(ed.history.rowCount() - 1, 2).text()
    # newest first: the cell shows two lines, and the passing retest was only in the tooltip
    assert cell == ("Hamstring strength LSI 80 % (2 Mar); "
                    "Hamstring strength LSI 68 % (1 Mar) ✗ not passed (≥ 75 %)"), cell
    undo_all(w, before)


def test_the_target_list_opens_on_the_competitions_still_to_come(qtbot):
    """Injuries ▸ Target opened on the season's past competitions, greyed, with the Cup final at
    the very bottom. It lists the ones from today on first, then the ones over below a line;
    the target stored and the keyboard are as before."""
    from PySide6.QtGui import QStandardItemModel

    from tests.builders import day, injury
    from tests.builders import season as build

    s = build(weeks=6, athletes=2, injuries=(injury("A1", "P1", start_day=20, onset_day=20),),
              today=day(21))  # matches on days 5, 12, 19 (over), 26, 33, 40
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    win.show()
    ed = win.injuries_editor
    assert ed.select("A1")
    box = ed.target
    assert [box.itemData(k) for k in range(box.count())] == [None, "m3", "m4", "m5", None, "m0",
                                                             "m1", "m2"]
    model = box.model()
    assert isinstance(model, QStandardItemModel)
    assert box.itemText(4) == "" and not model.item(4).isSelectable()  # the line
    assert [model.item(k).isEnabled() for k in (1, 2, 3, 5, 6, 7)] == [True] * 3 + [False] * 3
    box.setCurrentIndex(0)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # from "none": the next competition, not August's
    assert box.currentData() == "m3"
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last one enabled: the line and the greyed skipped
    assert box.currentData() == "m5"
    box.setCurrentIndex(box.findData("m4"))
    ed.apply_button.click()
    assert win.season.injury_of("A1").target_competition == "m4"
    assert ed.target.currentData() == "m4"  # shown again after the change, from the same list


# -- several competitions deleted at once; notes and forms following the season ----------------
def _matches_in_a_break(qtbot, dialogs, height: int = 700):
    """Four Saturday matches, the two middle ones inside a declared break, in the window."""
    season = tiny_season()
    season = season.model_copy(update={
        "calendar": Calendar(start=D(2026, 3, 2), end=D(2026, 3, 29), non_training_days=tuple(
            NonTrainingDay(date=D(2026, 3, 9) + dt.timedelta(days=k), reason="Winter break")
            for k in range(14))),
        "competitions": tuple(Competition(id=f"c{k}", name=f"League {k}", priority="B",
                                          date=D(2026, 3, 7) + dt.timedelta(weeks=k - 1))
                              for k in range(1, 5))})
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(win)
    win.resize(1200, height)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    return win


def _shift_select(table, first: int, last: int) -> None:
    """Rows ``first`` to ``last`` selected, as a click on the first and Shift+click on the last
    do (whatever keys the test run left held)."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    model, rows = table.model(), QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(
        model.index(first, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | rows)
    table.selectionModel().select(QItemSelection(model.index(first, 0), model.index(last, 0)),
                                  QItemSelectionModel.SelectionFlag.Select | rows)


def test_several_competitions_are_deleted_with_the_delete_key_as_one_step_after_one_question(
        qtbot, dialogs):
    """The league matches of a winter break: Shift+click selected one row only, the Delete key
    did nothing, and each match took a click of its own. Now the rows selected go at once,
    named in one question, as one undo step; a 'no' deletes nothing."""
    w = _matches_in_a_break(qtbot, dialogs)
    before = w.season
    w.show_dock("competitions")
    ed = w.competitions_editor
    _shift_select(ed.table, 1, 2)
    assert ed.selected_ids() == ["c2", "c3"]
    assert ed.delete_button.isEnabled() and not ed.apply_button.isEnabled()
    assert ed.enter_rows().rows == []  # Enter adds no copy of the form's match
    ed.table.setFocus()
    dialogs.answer = "no"
    qtbot.keyClick(ed.table, Qt.Key.Key_Delete)
    assert w.season == before and dialogs[-1] == (
        "confirm", "Delete 2 competitions", "Delete 2 competitions: 'League 2' (Sat 14 Mar 2026) "
        "and 'League 3' (Sat 21 Mar 2026)? Their match roles go with them; Edit ▸ Undo brings "
        "them back.")
    dialogs.answer = "yes"
    qtbot.keyClick(ed.table, Qt.Key.Key_Delete)
    assert [c.name for c in w.season.competitions] == ["League 1", "League 4"]
    assert w.undo_stack.count() == 1
    assert w.undo_stack.undoText() == "Delete 2 competitions: 'League 2' and 'League 3'"
    assert ed.selected_ids() == [] and not ed.delete_button.isEnabled()
    undo_all(w, before)
    ed.table.clearSelection()
    ed.select("c4")
    ed.delete_button.click()  # one: no question, as before
    assert w.season.competition("c4") is None and len(dialogs) == 2


def test_a_deleted_competitions_form_and_the_notes_naming_it_follow_the_season(qtbot, dialogs):
    """After deleting matches in the break, the Days Off form still said 'Sat 14 Mar 2026 is the
    day of League 2 …: the match is still played' and the Competitions form still held the
    deleted 'League 3' with its note, its priority flipped to C. Now the form is a new
    competition's, and both notes are said afresh."""
    w = _matches_in_a_break(qtbot, dialogs)
    comps, days = w.competitions_editor, w.days_off_editor
    w.show_dock("daysoff")
    days.date.setDate(q(D(2026, 3, 9)))
    days.multi.setChecked(True)
    days.end.setDate(q(D(2026, 3, 22)))
    days.reason.setText("Winter break")
    assert not days.match_note.isHidden()
    assert days.match_note.text().startswith("Sat 14 Mar 2026 is the day of 'League 2' (B)")
    w.show_dock("competitions")
    comps.select("c3")
    assert comps.name.text() == "League 3" and not comps.day_off_note.isHidden()
    assert comps.priority.currentData() == "B"
    dialogs.answer = "yes"
    comps.table.clearSelection()
    _shift_select(comps.table, 1, 2)
    comps.delete_button.click()
    assert [c.id for c in w.season.competitions] == ["c1", "c4"]
    assert comps.name.text() == "" and comps.selected_id() is None
    assert comps.day_off_note.isHidden()
    assert days.match_note.isHidden()  # no match left in the break
    w.undo_action.trigger()  # back: said again
    assert not days.match_note.isHidden()
    assert "'League 2'" in days.match_note.text()
    # a day off removed: the competition's note about it goes too
    comps.select("c2")
    assert not comps.day_off_note.isHidden()
    w.apply_edit(E.RemoveNonTrainingDay(date=D(2026, 3, 14)))
    assert comps.day_off_note.isHidden()


def test_the_delete_button_stays_put_as_a_day_off_note_comes_and_goes(qtbot, dialogs):
    """The note under the Competitions and Days Off forms came and went with the row chosen or
    the date typed, and moved the Delete button from under the pointer (clicks missed) in a
    dock that scrolls, as on a 1280 x 720 screen at 125 %."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from ui.desktop.editors import CompetitionsEditor, DaysOffEditor

    season = _matches_in_a_break(qtbot, dialogs).season
    for ed, note in ((CompetitionsEditor(), "day_off_note"), (DaysOffEditor(), "match_note")):
        area = QScrollArea()  # as in a dock: shorter than the editor, which scrolls
        area.setWidgetResizable(True)
        area.setWidget(ed)
        qtbot.addWidget(area)
        area.resize(380, 300)
        ed.set_season(season)
        area.show()
        qtbot.waitExposed(area)

        def at(ed=ed, area=area) -> int:
            for _ in range(3):
                QApplication.processEvents()
            assert area.verticalScrollBar().maximum() > 0
            return ed.delete_button.mapTo(ed, ed.delete_button.rect().topLeft()).y()

        first = at()
        for row in range(ed.table.rowCount()):  # in the break or not: a note or none
            _shift_select(ed.table, row, row)
            assert at() == first
        ed.table.clearSelection()
        ed.date.setDate(q(D(2026, 3, 14)))  # a match in the break: the note comes
        if isinstance(ed, CompetitionsEditor):
            ed.name.setText("Cup")
        assert not getattr(ed, note).isHidden()
        assert at() == first


def test_season_settings_propose_a_plan_from_day_within_the_season(w):
    """With no today set, "Plan from" proposed the computer's date even when the season lies
    in another year (Sat 1 Jan 2000 beside a season of 2026): it is kept within the season."""
    assert w.season.calendar.today is None
    w.settings_action.trigger()
    dlg = w.settings_dialog
    from ui.desktop.editors.base import pydate

    cal = w.season.calendar
    assert cal.start <= pydate(dlg.today.date()) <= cal.end
    dlg.reject()


def test_the_new_season_dialog_keeps_its_layout_and_says_the_end_moved_with_the_start(qtbot):
    """File ▸ New opened with a blank row under "Start from:", gone at the first date typed:
    the fields moved up and a click meant for Ends landed in Starts. The start then moved the
    end from Sun 12 Sep 2027 to Sat 26 Feb 2028 without a word. The fields stay where they are,
    and the dialog names the end the start moved."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from planner.text import day_long
    from ui.desktop.editors import NewSeasonDialog

    dlg = NewSeasonDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QApplication.processEvents()

    def places():
        return [w.mapTo(dlg, QPoint(0, 0)) for w in (dlg.empty, dlg.name, dlg.start, dlg.end,
                                                      dlg.training, dlg.buttons)]

    opened, height = places(), dlg.height()
    assert dlg.end_note.isHidden()
    end = dlg.end.value()
    new_start = end - dt.timedelta(days=10)  # typed in Starts: an end date meant for Ends
    dlg.name.setText("Westside Hoops 2027")
    dlg.start.setDate(q(new_start))
    QApplication.processEvents()
    assert places() == opened and dlg.height() == height  # nothing moved under the pointer
    moved = dlg.end.value()
    assert moved > end and dlg.end_note.isVisible()
    assert day_long(moved) in dlg.end_note.text() and "Ends" in dlg.end_note.text()
    dlg.end.setDate(q(new_start + dt.timedelta(days=100)))  # the coach's own end: the note goes
    QApplication.processEvents()
    assert dlg.end_note.isHidden() and places() == opened and dlg.height() == height
    assert dlg.season().calendar.end == new_start + dt.timedelta(days=100)


def test_typing_the_first_date_moves_no_field_of_the_new_season_dialog(qtbot):
    """Review 276: Starts typed "1.8.27", then Tab: "1.8" on the way read 1 Aug of the year
    before, a season started before today, whose "Plan from today" rows grew the dialog; hidden
    again at "1.8.27", they left a blank band under "Start from:" and every field 100 px lower,
    so the click aimed at Ends landed on the radio rows and the end typed went nowhere. The
    fields, the buttons and the dialog's height stay as they were; a date before today, once
    typed, shows its rows under the form and moves nothing above them."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from planner.text import computer_date
    from ui.desktop.editors import NewSeasonDialog

    dlg = NewSeasonDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QApplication.processEvents()
    fields = (dlg.empty, dlg.name, dlg.start, dlg.end, dlg.training, dlg.match)

    def places():
        return [w.mapTo(dlg, QPoint(0, 0)) for w in fields]

    def typed(field, text: str) -> None:
        field.line.setFocus()
        field.line.selectAll()
        qtbot.keyClicks(field.line, text)
        qtbot.keyClick(field.line, Qt.Key.Key_Tab)
        for _ in range(3):
            QApplication.processEvents()

    opened, height, ok = places(), dlg.height(), dlg.buttons.mapTo(dlg, QPoint(0, 0))
    dlg.name.setText("U19 Musterstadt")
    past = computer_date() - dt.timedelta(days=120)  # "d.m" alone: this day, before today
    past -= dt.timedelta(days=(past.month, past.day) == (2, 29))
    start = past.replace(year=past.year + 1)  # the date typed whole: after today
    typed(dlg.start, f"{start.day}.{start.month}.{start.year % 100:02d}")
    assert dlg.start.value() == start and dlg.end_note.isVisible()
    assert places() == opened and dlg.height() == height
    assert dlg.buttons.mapTo(dlg, QPoint(0, 0)) == ok
    assert dlg.from_today.isHidden()
    # a season started before today: its rows come under the form, nothing above them moves
    typed(dlg.start, f"{past.day}.{past.month}.{past.year}")
    assert dlg.from_today.isVisible() and places() == opened
    typed(dlg.end, f"{start.day}.{start.month}.{start.year}")
    assert dlg.season().calendar.end == start and places() == opened


def test_the_minutes_a_starter_plays_are_read_as_typed_and_refused_with_the_range(qtbot):
    """Review 280: "abc9999" in New Season's "A starter plays" became 99 min, and 3 then Tab
    went back to 120 without a word. What is typed stays as typed; Enter or OK says why it is
    refused, with the range, and makes no season; minutes in range are taken."""
    from ui.desktop.editors import NewSeasonDialog

    dlg = NewSeasonDialog(None)
    qtbot.addWidget(dlg)
    dlg.name.setText("U19")
    box = dlg.match.lineEdit()
    for typed, why in (("abc9999", "is not a number"), ("3", "is outside 10–")):
        box.selectAll()
        qtbot.keyClicks(box, typed)
        assert dlg.match.cleanText() == typed  # no keystroke dropped
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert dlg.error.text().startswith(f"A starter plays: '{typed}' {why}"), dlg.error.text()
        dlg._check()
        assert dlg.result() != dlg.DialogCode.Accepted and dlg.error.text().startswith(
            f"A starter plays: '{typed}'")
    box.selectAll()
    qtbot.keyClicks(box, "80")
    dlg._check()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.season().rules  # rugby's 80 minutes: LD-1's match settings set

def test_an_athlete_without_injury_shows_no_stage_of_the_last_one_s(qtbot, demo_season):
    """Review 251: choosing a player with no injury after Isaac Boateng (back to FIT) showed his
    greyed "Entered: none: FIT since Tue 8 Sep 2026" under the fit player's form."""
    from ui.desktop.editors.injuries import InjuriesEditor

    ed = InjuriesEditor()
    qtbot.addWidget(ed)
    ed.set_season(demo_season)
    held = next(r.athlete for r in demo_season.injuries if r.current.stage == FIT)
    fit = next(a.id for a in demo_season.athletes if not demo_season.injuries_of(a.id))
    assert ed.select(held) and ed.stage.placeholderText().startswith("none: FIT since")
    assert ed.select(fit) and ed.injury() is None
    assert ed.stage.currentIndex() == -1 and ed.stage.placeholderText() == ""


def test_the_athlete_list_opens_with_no_other_athlete_under_the_pointer(qtbot, demo_season):
    """Review 251: the athlete list opened over the field at the screen's top, so the row under
    the pointer (and highlighted as it moved) was another athlete than the one chosen: an injury
    was easily recorded on the wrong player. It drops below the field, the chosen one current."""
    from PySide6.QtCore import QPoint

    from ui.desktop.editors.injuries import InjuriesEditor

    ed = InjuriesEditor()
    qtbot.addWidget(ed)
    ed.set_season(demo_season)
    ed.move(0, 0)
    ed.show()
    box = ed.athlete
    for k in (4, box.count() - 2):  # a few rows down, and deep in the list
        box.setCurrentIndex(k)
        box.showPopup()
        popup = box.view().window()
        qtbot.waitUntil(popup.isVisible)
        pointer = box.mapToGlobal(box.rect().center())  # where the coach clicked to open it
        assert not popup.geometry().contains(pointer), (k, popup.geometry(), pointer)
        assert box.view().currentIndex().row() == k
        assert popup.geometry().top() >= box.mapToGlobal(QPoint(0, box.height() - 1)).y()
        box.hidePopup()


def test_a_name_with_a_control_character_is_refused_in_the_squad_editor(w, dialogs):
    """A bell or an escape in a name (pasted from a chat or a terminal) was stored: printed, it
    rang and coloured the coach's terminal; a NUL vanished from the Excel export. Add and Apply
    refuse it, saying which character, and nothing changes."""
    ed = w.squad_editor
    said = []
    ed.problem.connect(lambda what, text: said.append((what, text)))
    before = w.season
    ed.name.setText("Dana\x07New")
    ed.add_button.click()
    assert w.season is before
    assert ed.form_error.text() == "Not added: Name: holds a control character (U+0007); remove it."
    ed.select("A1")
    ed.name.setText("Ann\x1b[31m")
    ed.apply_button.click()
    assert w.season == before and "\x1b" not in w.season.athlete("A1").name
    told = [t for _, t in said] + [text for _kind, _title, text in dialogs]
    assert any("holds a control character (U+001B); remove it" in t for t in told), told


@pytest.mark.parametrize("mark", ["\u202e", "\u2067", "\u200f"])
def test_a_name_with_a_text_direction_mark_is_refused_in_the_squad_editor(w, mark):
    """Review 259: a right-to-left override pasted into a name was stored, and turned the rest
    of the board's row and the Excel sheet's heading around. Add refuses it, saying which mark,
    and nothing changes."""
    ed = w.squad_editor
    before = w.season
    ed.name.setText(f"Dana {mark}RTL")
    ed.add_button.click()
    assert w.season is before
    assert ed.form_error.text() == (f"Not added: Name: holds a text-direction mark "
                                    f"(U+{ord(mark):04X}), which turns the text after it around "
                                    f"on the board and in exports; remove it.")


def test_a_position_typed_g_and_tab_stays_g_not_goalkeeper(w, qtbot):
    """Review 252: a basketball coach typed Name, Tab, G, Tab, 7.4, Alt+A; the position box's
    completer (football's positions) had filled in "Goalkeeper" inline, Tab kept it, and the
    guard was GK on the board and exempt from HV-1. A completion is now only offered in a list
    under the box: what the coach typed is kept unless they pick one (Down, then Tab or Return)."""
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.open_editor("squad")
    ed = w.squad_editor
    ed.table.clearSelection()
    ed.name.setFocus()
    qtbot.waitUntil(ed.name.hasFocus)
    qtbot.keyClicks(ed.name, "Noah Reid")
    qtbot.keyClick(ed.name, Qt.Key.Key_Tab)
    line = ed.position.lineEdit()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, "G")
    assert line.text() == "G" and line.selectedText() == ""  # nothing filled in after the G
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not line.hasFocus())
    assert ed.position.currentText() == "G"
    qtbot.keyClicks(QApplication.focusWidget(), "7.4")
    ed.add_button.click()
    added = next(a for a in w.season.athletes if a.name == "Noah Reid")
    assert added.position == "G" and added.max_speed == 7.4
    # no known position is reached by its first letter alone, whichever letter is typed
    for word in POSITIONS:
        ed.table.clearSelection()
        line.setFocus()
        line.clear()
        qtbot.keyClicks(line, word[0])
        assert line.text() == word[0], word
    # a completion the coach picks is taken, as the list offers it
    line.clear()
    qtbot.keyClicks(line, "g")
    popup = ed.position.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert ed.position.currentText() == "Goalkeeper"


def test_a_cut_competition_name_keeps_its_game_number(w, qtbot):
    """Review 252: a weekly fixture "League game 1…35" beside a tournament (so the Ends column
    shows) read "League game…" on every row of a 370 px dock: the number, the one thing that
    tells the rows apart, was cut. A name is now cut in its middle, the whole name its tooltip."""
    from PySide6.QtWidgets import QApplication

    from ui.desktop.editors.competitions import NAME_COLUMN

    games = tuple(Competition(id=f"g{n}", name=f"League game {n}", priority="C",
                              date=w.season.calendar.start + dt.timedelta(days=n))
                  for n in range(1, 36))
    final = Competition(id="ff", name="Playoff Final Four", priority="A",
                        date=w.season.calendar.end - dt.timedelta(days=3),
                        end_date=w.season.calendar.end - dt.timedelta(days=1))
    w.set_document(w.season.model_copy(update={"competitions": games + (final,)}), None)
    w.open_editor("competitions")
    ed = w.competitions_editor
    w.resizeDocks([w.docks["competitions"]], [370], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert ed.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    row = next(r for r in range(ed.table.rowCount())
               if ed.table.item(r, NAME_COLUMN).text() == "League game 27")
    item = ed.table.item(row, NAME_COLUMN)
    assert item.toolTip() == "League game 27"
    metrics, width = ed.table.fontMetrics(), ed.table.columnWidth(NAME_COLUMN) - 8  # margins
    assert metrics.horizontalAdvance(item.text()) > width  # too long for the column: cut
    shown = metrics.elidedText(item.text(), ed.table.textElideMode(), width)
    assert shown.endswith("27") and "…" in shown, shown  # the number still read


def test_a_refused_starter_minutes_keeps_the_form_whole_and_ok_in_place(qtbot):
    """Review 281 F3/F4: "3", Enter in "A starter plays" squeezed the form into a scroll area
    (both bars) with the help under the box cut mid-line; "abc", Enter then grew the dialog and
    moved OK down 28 px under the pointer; and after "80", Tab the red line still said "'abc' is
    not a number … (it keeps 95 min)" beside "A start counts 80 min". The form stays whole, OK
    stays where it is, and a value typed again takes the refusal away."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from ui.desktop.editors import NewSeasonDialog

    dlg = NewSeasonDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QApplication.processEvents()
    dlg.name.setText("Test FC 27/28")
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    area = dlg.scroll_body
    box = dlg.match.lineEdit()

    def settle():
        for _ in range(3):
            QApplication.processEvents()

    def where():
        return ok.mapToGlobal(QPoint(0, 0)), dlg.match.mapToGlobal(QPoint(0, 0))

    def whole():
        note = dlg.match_note
        return (not area.verticalScrollBar().isVisible()
                and not area.horizontalScrollBar().isVisible()
                and note.height() >= note.heightForWidth(note.width()))

    settle()
    opened = where()
    assert whole()
    for typed, why in (("3", "is outside 10–240 min"), ("abc", "is not a number (10–240 min)")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        settle()
        assert dlg.error.text().startswith(f"A starter plays: '{typed}' {why}")
        assert dlg.error.isVisible()
        assert whole(), "the form scrolls, the help under the box cut"
        assert where() == opened, "OK or the box moved under the pointer"
        assert dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width())  # read whole
    # a reason of more lines than the room kept: the dialog grows to show it, the form whole,
    # by its lines and no more (a blank band of 56 px opened above OK)
    height, lines = dlg.height(), dlg.error.height()
    dlg.training.say("The next season " + "; ".join(["a long reason said in a few lines"] * 6))
    settle()
    assert whole() and dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width())
    assert dlg.height() - height == dlg.error.height() - lines > 0


def test_minutes_typed_again_take_their_refusal_away(qtbot):
    """Review 281 F4: after "abc" was refused, "80", Tab showed "80 min" and "A start counts
    80 min", while the red line still said "'abc' is not a number … (it keeps 95 min)"."""
    from ui.desktop.editors import NewSeasonDialog

    dlg = NewSeasonDialog(None)
    qtbot.addWidget(dlg)
    dlg.name.setText("Test FC 27/28")
    box = dlg.match.lineEdit()
    box.selectAll()
    qtbot.keyClicks(box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dlg.error.text().startswith("A starter plays: 'abc' is not a number")
    box.selectAll()
    qtbot.keyClicks(box, "80")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert dlg.match_note.text().startswith("A start counts 80 min")
    assert dlg.error.text() == ""  # 'abc' is old news: 80 is taken
    # another reason in the red line is not the minutes': typing them leaves it
    for box_ in dlg.training.days.values():  # the last one ticked stays, said why
        box_.setChecked(False)
    kept = dlg.error.text()
    assert kept.startswith("A season needs at least one training weekday")
    box.selectAll()
    qtbot.keyClicks(box, "90")
    assert dlg.error.text() == kept
    dlg._check()
    assert dlg.result() == dlg.DialogCode.Accepted
