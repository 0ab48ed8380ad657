"""The app notices that its file changed on disk (issue 15, item 4): open a season, edit it,
let another program save over the file (as ``periodize solve FILE --save`` does), then save in
the app: the coach chooses to reload, overwrite or save as, and nothing is lost unasked. The
questions go through the window's interaction (tests/ui/conftest.py), no monkeypatching."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from planner import edits as E
from planner.season import NonTrainingDay
from planner.seasonfile import load_season, save_season
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.diskstate import DiskStamp, changed_on_disk
from ui.desktop.mainwindow import MainWindow

D = dt.date


@pytest.fixture
def setup(qtbot, tmp_path):
    path = tmp_path / "tiny.season.json"
    season = tiny_season()
    save_season(season, path)
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    # Another program stores a plan in the file meanwhile (periodize solve FILE --save).
    other = season.model_copy(update={"plan": hand_plan(season)})
    save_season(other, path)
    return w, path, other


def asked(dialogs) -> list:
    return [d for d in dialogs if d[0] == "choose" and d[1] == "The file changed on disk"]


def test_cancel_keeps_the_other_programs_file(setup, dialogs):
    w, path, other = setup
    dialogs.answer = "cancel"
    assert not w.save() and w.modified
    assert load_season(path) == other
    (q,) = asked(dialogs)
    assert "tiny.season.json" in q[2] and "periodize solve" in q[2]
    # a second Periodize window on the same file is as likely the other writer: it is named
    assert ("“tiny.season.json” was changed by another program or another Periodize window (for "
            "example periodize solve --save) at ") in q[2]


def test_overwrite_saves_the_apps_season(setup, dialogs):
    w, path, _other = setup
    theirs = path.read_bytes()
    dialogs.answer = "overwrite"
    w.save_action.trigger()
    assert load_season(path) == w.season and not w.modified
    assert (path.parent / (path.name + ".bak")).read_bytes() == theirs  # readable: rotated
    assert not list(path.parent.glob("*.damaged-*"))
    w.apply_edit(E.RemoveNonTrainingDay(date=D(2026, 3, 11)))
    w.save_action.trigger()  # saved by the app since: no question
    assert len(asked(dialogs)) == 1 and load_season(path) == w.season


def test_reload_opens_the_file_as_it_is_on_disk(setup, dialogs):
    w, path, other = setup
    dialogs.answer = "reload"
    w.save_action.trigger()
    assert w.season == other and w.season.plan is not None
    assert not w.modified and load_season(path) == other
    assert "choose" not in [d[0] for d in dialogs if d not in asked(dialogs)]  # no save prompt


def test_save_as_keeps_both(setup, dialogs, tmp_path):
    w, path, other = setup
    dialogs.answer = "saveas"
    mine = tmp_path / "mine.season.json"
    dialogs.files = [mine]
    assert w.save()
    assert load_season(path) == other
    assert load_season(mine) == w.season and w.path == mine and not w.modified


def test_no_question_when_only_the_time_changed(qtbot, tmp_path, dialogs):
    path = tmp_path / "tiny.season.json"
    save_season(tiny_season(), path)
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11))))
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touched, same bytes
    w.save_action.trigger()
    assert not asked(dialogs) and not w.modified


def test_a_file_opened_later_is_stamped_when_read(qtbot, tmp_path, dialogs):
    path = tmp_path / "tiny.season.json"
    save_season(tiny_season(), path)
    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    assert w.open_path(path)
    assert w.document.disk_stamp == DiskStamp.of(path)
    save_season(tiny_season().model_copy(update={"name": "Changed FC"}), path)
    assert changed_on_disk(w.document.disk_stamp, path) is not None
    dialogs.answer = "cancel"
    w.save_action.trigger()
    assert len(asked(dialogs)) == 1


def test_a_file_deleted_while_open_is_saved_again_and_that_is_said(qtbot, tmp_path, dialogs):
    """Deleted (or moved) while open, the file was silently written again on Ctrl+S."""
    path = tmp_path / "tiny.season.json"
    save_season(tiny_season(), path)
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    path.unlink()
    assert w.save() and load_season(path) == w.season
    assert "had been deleted or moved since it was opened" in w.statusBar().currentMessage()
    w.apply_edit(E.RemoveNonTrainingDay(date=D(2026, 3, 11)))
    assert w.save() and w.statusBar().currentMessage() == f"Saved {path}"


def test_coming_back_to_the_window_says_the_file_changed_and_offers_reload(qtbot, tmp_path,
                                                                          dialogs):
    """A coach running 'periodize record … --save' in a terminal came back to the app and read
    the old return date on the board: nothing said the file had changed until a save asked.
    Coming back to the window now says it above the board, once per change, with Reload."""
    from PySide6.QtCore import QEvent

    path = tmp_path / "tiny.season.json"
    season = tiny_season()
    save_season(season, path)
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    assert not w.notice_disk_change()  # unchanged: nothing said
    other = season.model_copy(update={"plan": hand_plan(season)})
    save_season(other, path)
    assert w.notice_disk_change()
    assert w.notice.isVisibleTo(w) and w.notice.reload_button.isVisibleTo(w.notice)
    assert ("tiny.season.json was changed by another program or another Periodize window at "
            in w.notice.label.toolTip())
    assert "replaces your changes" not in w.notice.text()  # none made here
    assert not w.notice_disk_change()  # the same change: said once
    w.changeEvent(QEvent(QEvent.Type.ActivationChange))  # not active offscreen: nothing more
    w.notice.reload_button.click()
    assert w.season == other and not w.modified and w.notice.isHidden()
    assert not w.notice_disk_change()
    # with changes here, Reload asks first; declined, they stay
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    save_season(season, path)
    assert w.notice_disk_change() and "Reload replaces your changes here (Undo gives them back)." in \
        w.notice.text()
    dialogs.answer = "no"
    w.notice.reload_button.click()
    assert w.modified and dialogs[-1][0] == "confirm"
    # saved over it (Overwrite): the notice would now be wrong
    dialogs.answer = "overwrite"
    assert w.save() and w.notice.isHidden()


def test_the_changed_on_disk_notice_takes_one_line_at_1024x600(qtbot, tmp_path):
    """The notice wrapped to two lines (five beside an open editor) above the board and left
    room for 4 athletes at 1024 x 600. It is one line now, cut with "…" where it must be, the
    whole sentence in its tooltip."""
    path = tmp_path / "tiny.season.json"
    season = tiny_season()
    save_season(season, path)
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    qtbot.waitExposed(w)
    save_season(season.model_copy(update={"plan": hand_plan(season)}), path)
    assert w.notice_disk_change()
    qtbot.wait(10)
    notice, label = w.notice, w.notice.label
    assert notice.text().startswith("tiny.season.json changed on disk (another program, ")
    assert notice.text().endswith("): this window shows it as opened.")
    assert "(for example periodize … --save)" in label.toolTip()
    one_line = label.fontMetrics().height()
    assert label.height() < 2 * one_line and notice.height() <= w.notice.reload_button.height() + 12
    notice.resize(300, notice.height())  # narrower than the words: cut, still one line
    qtbot.wait(10)
    assert label.text().endswith("…") and label.height() < 2 * one_line


def test_reload_is_one_undo_step_that_gives_back_the_windows_season(setup, dialogs):
    """Reload after another program saved the file cleared the whole undo history unsaid: the
    changes made here before it could not be undone. It is one Edit ▸ Undo step now, as an
    import over the season is: Undo gives back the window's version, and the steps before it."""
    w, path, other = setup
    mine = w.season
    assert w.undo_stack.count() == 1
    assert w.notice_disk_change() and "Undo gives them back" in w.notice.label.toolTip()
    dialogs.answer = "yes"
    w.notice.reload_button.click()
    assert w.season == other and not w.modified and w.notice.isHidden()
    assert w.undo_stack.count() == 2 and w.undo_action.text() == "&Undo Reload tiny.season.json"
    assert "Edit ▸ Undo gives back the season as it was here" in w.statusBar().currentMessage()
    w.undo_action.trigger()
    assert w.season == mine and w.modified
    w.undo_action.trigger()  # the change made here before the reload
    assert w.season == tiny_season()
    w.redo_action.trigger()
    w.redo_action.trigger()
    assert w.season == other and not w.modified and load_season(path) == other


def test_a_save_made_between_the_check_and_the_write_is_not_overwritten(setup, dialogs,
                                                                        monkeypatch):
    """The app looked at the file, found it as it had read it, and wrote: a save another
    program made in between (``periodize record … --save`` finishing its solve) was overwritten
    unsaid. The write now takes the file as checked; changed since, the coach is asked."""
    w, path, other = setup
    save_season(tiny_season(), path)  # the file as the window read it: no change to ask about
    w.document.disk_stamp = DiskStamp.of(path)
    check = w._check_disk
    raced = []

    def check_then_another_save(p):
        verdict = check(p)
        if not raced:  # the other program's save lands just after the check
            raced.append(save_season(other, path))
        return verdict

    monkeypatch.setattr(w, "_check_disk", check_then_another_save)
    dialogs.answer = "cancel"
    assert not w.save() and w.modified and "*" in w.windowTitle()
    assert load_season(path) == other and len(asked(dialogs)) == 1
    dialogs.answer = "overwrite"
    assert w.save() and not w.modified
    assert load_season(path) == w.season
    assert load_season(path.parent / (path.name + ".bak")) == other  # kept, as Overwrite says


def test_closing_asks_when_another_program_saved_over_the_windows_save(setup, dialogs):
    """The app saved; another program then wrote over that save; Ctrl+Q closed the window
    without a question, and the season saved here survived only in the .bak. The window's
    season is in no file then: it counts as not saved, and closing asks."""
    w, path, other = setup
    dialogs.answer = "overwrite"
    assert w.save() and not w.modified
    mine = w.season
    save_season(other, path)  # over the app's save, by a program that did not look
    dialogs.answer = "cancel"
    assert not w.close()
    (q,) = [d for d in dialogs if d[1] == "Unsaved changes"]
    assert "was saved here, then another program saved over it" in q[2]
    assert w.modified and "*" in w.windowTitle() and w.season == mine
    # noticed on coming back to the window too: Reload is one undo step, and the file's again
    assert w.notice_disk_change()
    assert "this window shows it as saved" in w.notice.text()
    dialogs.answer = "yes"
    w.notice.reload_button.click()
    assert w.season == other and not w.modified
    w.undo_action.trigger()  # the season saved here, back on screen: not in the file
    assert w.season == mine and w.modified
    w.redo_action.trigger()
    asked_before = len(dialogs)
    assert w.close() and len(dialogs) == asked_before  # the file's season: nothing to ask



def test_a_write_over_the_apps_save_at_once_is_still_found(setup, dialogs, monkeypatch):
    """The stamp of a save was read back from the disk after the write: another program's file
    written in that instant became the stamp, its change was never noticed, and closing let
    the window's season go. The stamp is of the bytes written; the file holding others is a
    change."""
    import planner.seasonfile as seasonfile

    w, path, other = setup
    save = seasonfile.save_season

    def save_then_another_program(season, p, **kw):
        written = save(season, p, **kw)
        save(other, p, backup=False)  # in the same instant
        return written

    monkeypatch.setattr(seasonfile, "save_season", save_then_another_program)
    dialogs.answer = "overwrite"
    assert w.save()
    monkeypatch.setattr(seasonfile, "save_season", save)
    assert w.notice_disk_change() and w.modified
    dialogs.answer = "cancel"
    assert not w.close()


@pytest.fixture
def damaged(qtbot, tmp_path):
    """A season saved twice (its .bak reads), open with a change, then cut short on disk by
    another program (a sync client's broken copy)."""
    path = tmp_path / "tiny.season.json"
    season = tiny_season()
    save_season(season, path)
    save_season(season.model_copy(update={"plan": hand_plan(season)}), path)
    good_bak = (tmp_path / "tiny.season.json.bak").read_bytes()
    w = MainWindow(load_season(path), path)
    qtbot.addWidget(w)
    w.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    cut = path.read_bytes()[:300]
    path.write_bytes(cut)
    return w, path, good_bak, cut


def test_a_damaged_file_on_disk_is_said_and_reload_is_not_offered(damaged, dialogs):
    w, path, good_bak, cut = damaged
    dialogs.answer = "reload"  # not among the answers: the fake takes the last, Cancel
    assert not w.save()
    assert w.modified and w.season.calendar.non_training_days[-1].reason == "Travel"
    assert path.read_bytes() == cut
    (q,) = [d for d in dialogs if d[0] == "choose"]
    assert q[1] == "File on disk damaged"
    assert "does not read as a season (line " in q[2] and "not valid JSON" in q[2]
    assert "Reload" not in q[2]
    assert "the backup tiny.season.json.bak (" in q[2] and ") is kept" in q[2]
    assert w.notice_disk_change() and not w.notice.reload_button.isVisibleTo(w)
    assert "does not read" in w.notice.label.toolTip() and "not valid JSON" in w.notice.label.toolTip()


def test_overwrite_over_a_damaged_file_keeps_the_good_backup(damaged, dialogs, tmp_path):
    w, path, good_bak, cut = damaged
    dialogs.answer = "overwrite"
    assert w.save() and not w.modified
    assert load_season(path) == w.season
    assert (tmp_path / "tiny.season.json.bak").read_bytes() == good_bak
    (aside,) = tmp_path.glob("tiny.season.json.damaged-*")
    assert aside.read_bytes() == cut
    said = w.statusBar().currentMessage()
    assert aside.name in said and "tiny.season.json.bak is still the backup" in said


def _two_windows(qtbot, tmp_path):
    """(path, window A, window B): two windows open on one saved season file, B opened first."""
    path = tmp_path / "club.season.json"
    save_season(tiny_season(), path)
    b = MainWindow(load_season(path), path)
    qtbot.addWidget(b)
    a = MainWindow(load_season(path), path)
    qtbot.addWidget(a)
    return path, a, b


def test_a_window_that_changed_nothing_stays_saved_when_another_window_saves(qtbot, tmp_path,
                                                                            dialogs):
    """Two windows on one file: window B saved (Ctrl+S, nothing changed), window A then saved a
    pin. B's title got the * and closing it asked Save / Discard about changes B never made
    ("another program saved over it"), though the app knew the writer was its other window. B
    now stays saved, names the other window, and still never overwrites it unasked."""
    path, a, b = _two_windows(qtbot, tmp_path)
    assert b.save() and not b.modified and b.document.saved_here
    a.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    dialogs.answer = "overwrite"  # in case B's save changed the bytes A read
    assert a.save() and load_season(path) == a.season

    assert b.notice_disk_change() and b.notice.reload_button.isVisibleTo(b.notice)
    assert not b.modified and "*" not in b.windowTitle()
    assert b.notice.text().startswith("club.season.json changed on disk (another Periodize "
                                      "window, ")
    assert "was changed by another Periodize window at " in b.notice.label.toolTip()
    assert "another program" not in b.notice.label.toolTip()
    dialogs.answer = "cancel"  # saving B still asks first: A's change is not lost unasked
    assert not b.save() and load_season(path) == a.season
    (q,) = asked(dialogs)
    assert "“club.season.json” was changed by another Periodize window at " in q[2]
    before = len(dialogs)
    assert b.close() and len(dialogs) == before  # nothing of B's own to save: no question
    for w in (a, b):
        w.autosaver.stop()


def test_a_window_with_its_own_saved_changes_asks_when_another_window_saves_over_them(
        qtbot, tmp_path, dialogs):
    """B saved a change of its own; A, open since before, overwrote it (A asked, the coach chose
    Overwrite): B's change is in no file, so B counts as not saved and closing asks, naming the
    other window, not "another program"."""
    path, a, b = _two_windows(qtbot, tmp_path)
    b.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 11), reason="Travel")))
    assert b.save() and not b.modified
    a.apply_edit(E.AddNonTrainingDay(day=NonTrainingDay(date=D(2026, 3, 12), reason="Cup")))
    dialogs.answer = "overwrite"
    assert a.save() and load_season(path) == a.season
    assert b.notice_disk_change() and b.modified and "*" in b.windowTitle()
    dialogs.answer = "cancel"
    assert not b.close()
    (q,) = [d for d in dialogs if d[1] == "Unsaved changes"]
    assert "was saved here, then another Periodize window saved over it at " in q[2]
    dialogs.answer = "discard"
    for w in (a, b):
        w.autosaver.stop()
