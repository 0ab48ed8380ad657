"""Autosave of a recovery copy and the recovery prompt after a crash (pytest-qt).

The crash test runs the app in a subprocess, makes an edit, waits for the autosaved copy,
kills the process with SIGKILL and starts the app again in this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ui.desktop.recovery
from planner import edits as E
from planner.seasonfile import load_season, save_season
from tests.ui.test_app import tiny_season
from ui.desktop.mainwindow import MainWindow
from ui.desktop.recovery import Autosaver, find_recoveries, recovery_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def w(qtbot):
    win = MainWindow(tiny_season(), None)
    qtbot.addWidget(win)
    return win


def _meta(copy: Path) -> dict:
    """The note written beside a recovery copy (empty until it is written)."""
    try:
        return json.loads(copy.with_name(copy.name.replace(".season.json", ".json")).read_text())
    except (OSError, ValueError):
        return {}


def copies() -> list[Path]:
    folder = recovery_dir()
    return sorted(folder.glob("*.season.json")) if folder.exists() else []



def crash(window: MainWindow, name: str) -> None:
    """``window`` renames its season ``name`` and writes its recovery copy, then dies: its lock
    released as a dead process's is, the copy left behind."""
    window.apply_edit(E.SetSeasonSettings(name=name))
    assert window.autosaver.tick()
    window.autosaver._lock.unlock()  # as if the process had died
    window.autosaver._lock = None

def test_the_recovery_folder_is_the_isolated_state_dir(isolated_state):
    assert recovery_dir() == isolated_state / "recovery"


def test_autosave_only_when_modified(w):
    saver = w.autosaver
    assert saver.timer.interval() == 10_000
    assert not saver.tick() and copies() == []
    w.apply_edit(E.SetSeasonSettings(name="Autosaved FC"))
    assert saver.tick()
    assert copies() == [saver.path]
    assert load_season(saver.path) == w.season
    assert not saver.tick()  # nothing changed since
    w.apply_edit(E.SetRuleValue(rule="HV-2", param="max_speed_days", value=1))
    assert saver.tick()
    assert load_season(saver.path).rules.values == {"HV-2": {"max_speed_days": 1}}


def test_saving_or_undoing_to_the_saved_state_removes_the_copy(w, tmp_path):
    w.apply_edit(E.SetSeasonSettings(name="Autosaved FC"))
    assert w.autosaver.tick() and copies()
    assert w.save_to(tmp_path / "s.season.json")
    assert copies() == []
    w.apply_edit(E.SetSeasonSettings(name="Again"))
    assert w.autosaver.tick() and copies()
    w.undo_action.trigger()  # back to the saved state
    assert copies() == []


def test_a_clean_exit_leaves_no_copy(w, dialogs):
    w.apply_edit(E.SetSeasonSettings(name="Autosaved FC"))
    assert w.autosaver.tick() and copies()
    assert w.close()  # Discard (the conftest's answer)
    assert copies() == []
    assert find_recoveries() == []


def test_a_live_windows_copy_is_not_offered(w, qtbot):
    w.apply_edit(E.SetSeasonSettings(name="Autosaved FC"))
    assert w.autosaver.tick()
    assert find_recoveries() == []  # its lock is held: the window is alive
    other = Autosaver(w.document, interval=60_000)
    assert [r.key for r in find_recoveries(exclude={other.key})] == []
    other.stop()


def test_a_copy_that_cannot_be_written_is_said_once_where_the_coach_looks(w, tmp_path):
    """The state folder on a read-only or full disk: no copy was written and nobody was told, so
    a crash lost the work. The first failure is said in the status bar and above the board,
    not again at every tick, and again after a copy was written in between."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    saver = w.autosaver
    saver.folder = blocker / "recovery"  # as a read-only disk does: the folder cannot be made
    w.apply_edit(E.SetSeasonSettings(name="Unprotected FC"))
    assert not saver.tick()
    words = f"Recovery copies cannot be written to {saver.folder} (Not a directory): save often (Ctrl+S)"
    assert w.statusBar().currentMessage() == words
    assert not w.notice.isHidden() and w.notice.label.text() == words
    w.notice.hide()
    w.apply_edit(E.SetSeasonSettings(name="Still unprotected FC"))
    w.statusBar().clearMessage()
    assert not saver.tick()  # the same failure: not said again every 10 s
    assert w.statusBar().currentMessage() == "" and w.notice.isHidden()
    saver.folder = tmp_path / "state" / "recovery"  # the disk has room again
    assert saver.tick()
    saver.folder = blocker / "recovery"
    w.notice.offer(words)
    w.apply_edit(E.SetSeasonSettings(name="Unprotected again FC"))
    assert not saver.tick()  # a new failure after a success: said again
    assert w.statusBar().currentMessage() == words and not w.notice.isHidden()
    saver.folder = tmp_path / "state" / "recovery"
    assert saver.tick()
    assert w.notice.isHidden()  # the warning is gone once copies are written again
    assert w.statusBar().currentMessage() == ""  # from the status bar too (it stays till the next)


def test_the_timer_writes_the_copy(qtbot):
    win = MainWindow(tiny_season(), None, autosave=False)
    qtbot.addWidget(win)
    saver = Autosaver(win.document, win, interval=50)
    win.apply_edit(E.SetSeasonSettings(name="Timed FC"))
    qtbot.waitUntil(lambda: saver.path.exists(), timeout=3000)
    assert load_season(saver.path).name == "Timed FC"


def test_recover_after_a_crash(qtbot, tmp_path, isolated_state, dialogs):
    season_file = tmp_path / "club.season.json"
    save_season(tiny_season(), season_file)
    env = dict(os.environ, PERIODIZE_STATE_DIR=str(isolated_state), PERIODIZE_AUTOSAVE_MS="200",
               QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(season_file), str(tmp_path / "child-settings")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(_meta(p).get("name") == "Crashed FC" for p in copies()):
                break  # the copy and, written after it, its note of the file and the name
            if child.poll() is not None:
                pytest.fail(f"the app exited: {child.stderr.read()}")
            time.sleep(0.1)
        else:
            pytest.fail("no recovery copy was written")
    finally:
        child.kill()  # SIGKILL: no clean exit, the copy stays
        child.wait(10)
    assert child.returncode == -9
    assert len(find_recoveries()) == 1
    assert load_season(season_file).name == "Tiny FC"  # the file itself was never saved

    dialogs.answer = "yes"
    from ui.desktop.app import create_main_window

    window = create_main_window(str(season_file))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"]  # asked once
    assert "“Crashed FC”" in dialogs[0][2] and "“club.season.json”" in dialogs[0][2]
    assert window.season.name == "Crashed FC"
    assert window.path == season_file and window.modified
    assert "Recovered" in window.statusBar().currentMessage()
    assert find_recoveries(exclude={window.autosaver.key}) == []  # offered once only
    # the recovered changes are one undo step on the file as saved: Undo goes back to it
    assert window.undo_stack.count() == 1
    assert window.undo_stack.text(0).startswith("Recover the unsaved changes (kept at ")
    window.undo_action.trigger()
    assert window.season.name == "Tiny FC" and not window.modified
    window.redo_action.trigger()
    assert window.season.name == "Crashed FC" and window.modified
    assert window.save_action.isEnabled()
    window.save_action.trigger()
    assert load_season(season_file).name == "Crashed FC"
    assert not window.modified


def test_a_declined_recovery_deletes_the_copy(qtbot, dialogs):
    doc_window = MainWindow(tiny_season(), None)
    qtbot.addWidget(doc_window)
    crash(doc_window, "Lost FC")
    assert [r.name for r in find_recoveries()] == ["Lost FC"]
    dialogs.answer = "discard"
    from ui.desktop.app import create_main_window

    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.season.name == "Riverside FC 2026/27"
    assert find_recoveries(exclude={window.autosaver.key}) == []
    assert copies() == []


def test_the_prompt_names_the_season_and_the_file(qtbot, dialogs, tmp_path):
    rec = ui.desktop.recovery.Recovery("k", tmp_path / "k.season.json", tmp_path / "club.season.json",
                                       "Club FC", None)
    dialogs.answer = "yes"
    assert ui.desktop.recovery.ask_recover(dialogs, rec) == "yes"
    assert dialogs.kinds() == ["choose"]
    assert "Club FC" in dialogs[0][2] and "club.season.json" in dialogs[0][2]
    dialogs.answer = "discard"
    assert ui.desktop.recovery.ask_recover(dialogs, rec) == "discard"


def test_not_now_keeps_the_copy_opens_the_saved_file_and_offers_it_again(qtbot, dialogs, tmp_path):
    """The offer after a crash had only Yes and Discard (Escape and the window's close button
    did nothing): a coach who wanted to look at the saved file first could not. Not Now (the
    answer Escape gives) keeps the copy, opens the file as saved, and the next start offers it
    again; Yes then recovers it."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")
    crashed.autosaver.timer.stop()  # dead: it writes no copy again
    kept = crashed.autosaver.path
    written = kept.read_text()

    dialogs.answer = "notnow"
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"]
    assert "Not Now keeps it, opens the file as saved, and offers it again at the next start" \
        in dialogs[0][2]
    assert window.season.name == "Tiny FC" and not window.modified and window.path == club
    assert kept.read_text() == written  # the copy is kept as it was
    assert [r.key for r in find_recoveries(exclude={window.autosaver.key})] == [kept.name.removesuffix(
        ".season.json")]
    window.autosaver.stop()

    dialogs.answer = "yes"
    again = create_main_window(str(club))  # the next start: offered again, and recovered
    qtbot.addWidget(again)
    assert dialogs.kinds() == ["choose", "choose"]
    assert again.season.name == "Crashed FC" and again.modified
    assert not kept.exists()


def test_escape_on_the_recovery_offer_is_not_now(qtbot):
    """The real message box: a Not Now button, and Escape answers it (before, Escape did
    nothing and a box closed without a click answered Discard, deleting the copy)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.desktop.interaction import QtInteraction

    rec = ui.desktop.recovery.Recovery("k", Path("k.season.json"), None, "Club FC", None)
    seen = []

    def press_escape():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, press_escape)
            return
        seen.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        QTest.keyClick(box, Qt.Key.Key_Escape)
        QTimer.singleShot(500, lambda: box.isVisible() and box.buttons()[0].click())  # never hang

    QTimer.singleShot(50, press_escape)
    assert ui.desktop.recovery.ask_recover(QtInteraction(None), rec) == "notnow"
    assert seen == [["Discard", "Not Now", "Yes"]]


def test_opening_a_file_offers_only_that_files_recovery_copy(qtbot, dialogs, tmp_path):
    """A crashed session of club.season.json; the coach opens other.season.json: it opens, and
    no prompt offers to replace it with the other file's changes. Opening club.season.json
    (or starting without a file) offers that copy."""
    from ui.desktop.app import create_main_window

    club, other = tmp_path / "club.season.json", tmp_path / "other.season.json"
    save_season(tiny_season(), club)
    save_season(tiny_season().model_copy(update={"name": "Other FC"}), other)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")
    dialogs.answer = "yes"
    window = create_main_window(str(other))
    qtbot.addWidget(window)
    assert dialogs.kinds() == [] and window.season.name == "Other FC" and window.path == other
    assert [r.name for r in find_recoveries(exclude={window.autosaver.key})] == ["Crashed FC"]
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"] and window.season.name == "Crashed FC"
    assert window.path == club


def test_a_copy_of_a_file_opened_by_a_relative_name_is_offered_for_that_file_only(
        qtbot, dialogs, tmp_path, monkeypatch):
    """`periodize open demo.season.json` in one folder, a crash, then the same command in another
    folder: the copy was offered there (its note kept the name as typed, and the name matched),
    and Yes put the first folder's season into the second folder's file."""
    from ui.desktop.app import create_main_window

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    save_season(tiny_season().model_copy(update={"name": "Club A"}), a / "demo.season.json")
    save_season(tiny_season().model_copy(update={"name": "Club B"}), b / "demo.season.json")
    monkeypatch.chdir(a)
    crashed = create_main_window("demo.season.json")
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed A")
    assert _meta(crashed.autosaver.path)["path"] == str((a / "demo.season.json").resolve())
    dialogs.answer = "yes"
    monkeypatch.chdir(b)
    window = create_main_window("demo.season.json")
    qtbot.addWidget(window)
    assert dialogs.kinds() == [] and window.season.name == "Club B"
    # a note written with the name as typed (before it was made absolute) matches no file
    note = crashed.autosaver.path.with_name(crashed.autosaver.path.name.replace(".season.json", ".json"))
    note.write_text(json.dumps({**_meta(crashed.autosaver.path), "path": "demo.season.json"}))
    window = create_main_window("demo.season.json")
    qtbot.addWidget(window)
    assert dialogs.kinds() == [] and window.season.name == "Club B"
    monkeypatch.chdir(a)
    note.write_text(json.dumps({**_meta(crashed.autosaver.path), "path": str(a / "demo.season.json")}))
    window = create_main_window("demo.season.json")
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"] and window.season.name == "Crashed A"


def test_a_file_changed_after_the_crash_is_never_overwritten_silently(qtbot, dialogs, tmp_path):
    """A crash, then `periodize record FILE --save` changed the file, then the coach recovered
    and saved: the command line's change was overwritten without a word. The prompt says the file
    is newer, and saving asks (Reload / Overwrite / Save As) as for any change on disk."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")
    (rec,) = find_recoveries()
    assert rec.base is not None and rec.changed_since() is None
    save_season(tiny_season().model_copy(update={"name": "Changed by the CLI"}), club)
    assert rec.changed_since() is not None

    dialogs.answer = "yes"
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"]
    assert "was changed after that" in dialogs[0][2] and "Discard keeps the file" in dialogs[0][2]
    assert window.season.name == "Crashed FC" and window.modified
    window.undo_action.trigger()  # undo goes back to the file as it is now
    assert window.season.name == "Changed by the CLI"
    window.redo_action.trigger()
    dialogs.answer = "cancel"
    window.save_action.trigger()
    assert dialogs.kinds()[-1] == "choose" and "changed on disk" in dialogs[-1][1]
    assert load_season(club).name == "Changed by the CLI"  # nothing was written over it
    dialogs.answer = "overwrite"
    window.save_action.trigger()
    assert load_season(club).name == "Crashed FC"


def test_a_file_moved_away_after_the_crash_is_said_and_saving_asks_where(qtbot, dialogs, tmp_path):
    """The season file moved (or deleted) after a crash: the offer read as for an untouched file,
    and Save wrote the season again at the old name without a word. The offer says the file is
    gone, and the first save asks where."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")
    moved = tmp_path / "archive.season.json"
    club.rename(moved)

    dialogs.answer = "yes"
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"]
    assert f"club.season.json is no longer in {tmp_path} (moved or deleted since)" in dialogs[0][2]
    assert "saving asks where" in dialogs[0][2]
    assert window.season.name == "Crashed FC" and window.path == club and window.modified
    dialogs.answer = "cancel"
    window.save_action.trigger()
    assert dialogs.kinds()[-1] == "choose" and dialogs[-1][1] == "File not found"
    assert not club.exists() and window.modified  # nothing was written
    dialogs.choices = ["saveas"]
    dialogs.files = [str(moved)]  # where the coach had moved it
    window.save_action.trigger()
    assert load_season(moved).name == "Crashed FC" and window.path == moved
    assert not club.exists() and not window.modified
    window.apply_edit(E.SetSeasonSettings(name="Later FC"))
    window.save_action.trigger()  # its own file now: saved without a question
    assert dialogs.kinds()[-1] == "save" and load_season(moved).name == "Later FC"


def test_recovered_work_of_a_file_gone_is_not_replaced_by_the_new_season_dialog(
        qtbot, dialogs, tmp_path):
    """A crash, then the season file moved away: ``periodize open club.season.json`` took the
    missing name for a new season and opened File ▸ New's dialog; the recovery offer came over
    it, and after Yes the dialog stayed open, so its OK put an empty season in place of the
    recovered work with no question, and the recovery copy was already deleted. Recovered, the
    dialog closes: the recovered season stays, unsaved, with its copy's changes."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")
    club.rename(tmp_path / "moved.season.json")

    dialogs.answer = "yes"
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"] and dialogs[0][1] == "Recover unsaved changes?"
    assert window.season.name == "Crashed FC" and window.modified
    dialog = window.new_season_dialog
    assert not dialog.isVisible()  # closed: no OK left to replace the recovered season
    assert "Recovered the unsaved changes to “Crashed FC”" in window.statusBar().currentMessage()
    qtbot.wait(10)
    assert window.season.name == "Crashed FC" and window.modified


def test_the_offer_of_a_file_that_is_still_there_says_nothing_of_a_move(qtbot, dialogs, tmp_path):
    rec = ui.desktop.recovery.Recovery("k", tmp_path / "k.season.json", tmp_path / "club.season.json",
                                       "Club FC", None)
    dialogs.answer = "yes"
    ui.desktop.recovery.ask_recover(dialogs, rec)
    assert "no longer in" in dialogs[-1][2]
    save_season(tiny_season(), tmp_path / "club.season.json")
    ui.desktop.recovery.ask_recover(dialogs, rec)
    assert "no longer in" not in dialogs[-1][2]


def test_two_crashed_windows_on_one_season_both_copies_are_named(qtbot, dialogs, tmp_path):
    """Two windows on one season crashed: the first offer showed one copy and said nothing of
    the other, which surprised the coach at the next start. The first offer names it."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    first = MainWindow(load_season(club), club)
    qtbot.addWidget(first)
    crash(first, "First FC")
    second = MainWindow(load_season(club), club)
    qtbot.addWidget(second)
    crash(second, "Second FC")
    note = second.autosaver.path.with_name(second.autosaver.path.name.replace(".season.json", ".json"))
    note.write_text(json.dumps({**_meta(second.autosaver.path), "saved_at": "2099-01-01T10:00:00"}))

    dialogs.answer = "yes"
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"] and window.season.name == "Second FC"  # the newest
    assert "Another recovery copy is kept too (“First FC” kept at " in dialogs[0][2]
    assert "offered after this one is discarded or put off, or at the next start" in dialogs[0][2]
    assert "1 other recovery copy is offered at the next start" in window.statusBar().currentMessage()
    window.autosaver.stop()
    window = create_main_window(str(club))  # the next start: the other one, alone now
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose", "choose"] and window.season.name == "First FC"
    assert "recovery copy is kept too" not in dialogs[1][2]


def test_an_unchanged_file_recovers_without_the_warning(qtbot, dialogs, tmp_path):
    from ui.desktop.app import create_main_window

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crashed.apply_edit(E.SetSeasonSettings(name="Crashed FC"))
    assert crashed.autosaver.tick()
    crashed.autosaver._lock.unlock()
    crashed.autosaver._lock = None
    dialogs.answer = "yes"
    window = create_main_window(str(club))
    qtbot.addWidget(window)
    assert "was changed after that" not in dialogs[0][2]
    window.save_action.trigger()
    assert dialogs.kinds() == ["choose"] and load_season(club).name == "Crashed FC"


def test_a_fault_loading_a_copy_keeps_it_and_the_app_starts(qtbot, dialogs, monkeypatch, caplog):
    """A fault of Periodize's (here a KeyError in loading) is no damaged copy: the copy is kept,
    the coach reads one warning that says whose fault it is and where the copy is, the fault is
    logged with its traceback, and the app starts. The next start asks nothing."""
    import logging

    import planner.seasonfile
    from ui.desktop.app import create_main_window

    crashed = MainWindow(tiny_season(), None)
    qtbot.addWidget(crashed)
    crash(crashed, "Lost FC")
    crashed.autosaver.timer.stop()  # dead: it writes no copy again
    written = crashed.autosaver.path.read_text()

    def fault(*_args, **_kwargs):
        raise KeyError("A3")

    loader = planner.seasonfile.load_season
    monkeypatch.setattr(planner.seasonfile, "load_season", fault)
    dialogs.answer = "yes"
    with caplog.at_level(logging.ERROR):
        window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.season.name == "Riverside FC 2026/27" and not window.modified  # it started
    assert dialogs.kinds() == ["choose", "warn"]
    kept = recovery_dir() / "unreadable" / crashed.autosaver.path.name
    assert kept.read_text() == written  # the unsaved work, as written
    assert dialogs[1][2] == (
        "The recovery copy could not be read: unexpected error (KeyError): 'A3'; this is a fault "
        "in Periodize, not in your files (the details are in the log).\n\nThe recovery copy is "
        f"kept, not deleted, and not offered again. It is {kept}.")
    (record,) = [r for r in caplog.records if r.name == "ui.desktop.recovery"]
    # the traceback is logged: the exception itself, or redacted of its message once the app
    # has installed its private log records (ui.private_logs, in a process that opened one)
    assert (record.exc_info[0] is KeyError if record.exc_info
            else "builtins.KeyError" in (record.exc_text or ""))
    # the loader back alone: monkeypatch.undo() also undid the isolated state folder, and the
    # next start read the recovery copies of the machine's own user
    monkeypatch.setattr(planner.seasonfile, "load_season", loader)
    dialogs.clear()
    again = create_main_window(None)
    qtbot.addWidget(again)
    assert dialogs.kinds() == [] and kept.exists()


def test_the_no_recovery_notice_goes_when_the_season_is_saved_and_comes_back_with_the_next_failure(
        w, tmp_path):
    """The "Recovery copies cannot be written" notice stayed above the board after a save, with
    nothing unsaved; and the next failed copy was not said (the failure counted as said)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    saver = w.autosaver
    saver.folder = blocker / "recovery"
    w.apply_edit(E.SetSeasonSettings(name="Unprotected FC"))
    assert not saver.tick() and not w.notice.isHidden()
    assert w.save_to(tmp_path / "club.season.json")
    assert w.notice.isHidden()  # the work is on disk: nothing to warn of
    w.apply_edit(E.SetSeasonSettings(name="Unprotected again FC"))
    w.statusBar().clearMessage()
    assert not saver.tick()
    assert w.statusBar().currentMessage().startswith("Recovery copies cannot be written to")
    assert not w.notice.isHidden()


def test_a_file_that_cannot_be_opened_is_said_first_and_other_files_copies_wait(
        qtbot, dialogs, tmp_path):
    """`periodize open trunc.season.json` (cut short, its .bak readable) after crashes of other
    files: three 'Recover unsaved changes?' questions about those files came before 'Season not
    opened'. Now the failed open is said first, with Open the Backup, and no other file's copy
    is offered; the copies stay for their own files."""
    from ui.desktop.app import create_main_window

    club, trunc = tmp_path / "club.season.json", tmp_path / "trunc.season.json"
    save_season(tiny_season(), club)
    save_season(tiny_season().model_copy(update={"name": "Trunc FC"}), trunc)
    save_season(tiny_season().model_copy(update={"name": "Trunc FC"}), trunc)  # a .bak
    text = trunc.read_text()
    trunc.write_text(text[:len(text) // 2])
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")

    dialogs.answer = "openbackup"
    window = create_main_window(str(trunc))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"]
    kind, title, said = dialogs[0]
    assert title == "Season not opened" and "not valid JSON" in said
    assert "\n\nIts backup trunc.season.json.bak" in said
    assert window.season.name == "Trunc FC" and window.path == trunc and window.modified
    assert window.statusBar().currentMessage().startswith("Opened the backup of trunc.season.json")
    assert [r.name for r in find_recoveries(exclude={window.autosaver.key})] == ["Crashed FC"]

    dialogs.clear()
    dialogs.answer = "ok"  # no backup taken: the demo season, and still no other file's copy
    window = create_main_window(str(trunc))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["choose"] and window.path is None
    assert "Showing the demo season instead." in dialogs[0][2]

    dialogs.clear()
    trunc.with_name(trunc.name + ".bak").unlink()  # no backup: the error alone, first
    window = create_main_window(str(trunc))
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["error"] and window.path is None
    assert [r.name for r in find_recoveries(exclude={window.autosaver.key})] == ["Crashed FC"]


def test_the_demo_shown_for_a_file_that_did_not_open_says_so_and_open_starts_beside_it(
        qtbot, tmp_path, dialogs):
    """After "Season not opened … Showing the demo season instead." the window showed the demo
    under "Riverside FC 2026/27 — not saved", easy to take for the coach's own season, and File ▸
    Open started in the home folder. The title says it is the demo, not the file; File ▸ Open
    starts in the file's folder; another season opened, the title is that season's."""
    from ui.desktop.app import create_main_window

    club = tmp_path / "club"
    club.mkdir()
    broken = club / "mine.season.json"
    save_season(tiny_season(), broken)
    broken.write_bytes(broken.read_bytes()[:100])
    window = create_main_window(str(broken), recover=False)
    qtbot.addWidget(window)
    assert dialogs.kinds() == ["error"] and window.path is None
    demo = window.season.name
    assert window.windowTitle() == (f"Demo season: {demo} — not your file (mine.season.json did "
                                    f"not open) — Periodize")
    window.set_modified(True)
    assert window.windowTitle().startswith("Demo season*: ")
    window.set_modified(False)
    good = club / "good.season.json"
    save_season(tiny_season(), good)
    dialogs.files = [str(good)]
    window.open_action.trigger()
    assert dialogs.folders == [str(club.resolve())]
    assert window.path == good and window.windowTitle() == "Tiny FC — good.season.json — Periodize"


def test_a_new_file_name_starts_a_new_season_to_be_saved_there(qtbot, tmp_path, dialogs):
    """``periodize open myteam.season.json``, a file not there yet, said "no such file" and showed
    the demo season; File ▸ New's first save then proposed another name in the home folder. A new
    name in a folder that is there opens File ▸ New's dialog for a season saved under it; a
    missing folder or another extension is still said; a file that is there opens."""
    from ui.desktop.app import create_main_window

    new = tmp_path / "myteam.season.json"
    window = create_main_window(str(new), recover=False)
    qtbot.addWidget(window)
    assert dialogs.kinds() == [] and window.path is None and window.new_file == new
    assert window.windowTitle().endswith("myteam.season.json, not saved yet — Periodize")
    assert "to be saved as myteam.season.json" in window.statusBar().currentMessage()
    dialog = window.new_season_dialog
    assert dialog.isVisible()
    dialog.name.setText("My Team 2027")
    dialog.buttons.accepted.emit()
    assert window.season.name == "My Team 2027"
    assert "Ctrl+S proposes myteam.season.json." in window.statusBar().currentMessage()
    dialogs.files = [str(new)]
    assert window.save()
    assert dialogs.suggested == [str(new)]
    assert window.path == new and load_season(new).name == window.season.name
    assert window.windowTitle() == f"{window.season.name} — myteam.season.json — Periodize"
    window.new_action.trigger()  # the next new season: not proposed over the one saved
    window.new_season_dialog.name.setText("Second team")
    window.new_season_dialog.buttons.accepted.emit()
    assert window.season.name == "Second team"
    dialogs.files = [None]
    window.save()
    assert dialogs.suggested[-1] != str(new)

    for wrong in (tmp_path / "nofolder" / "myteam.season.json", tmp_path / "myteam.json"):
        dialogs.clear()
        window = create_main_window(str(wrong), recover=False)
        qtbot.addWidget(window)
        assert dialogs.kinds() == ["error"] and "Showing the demo season instead." in dialogs[0][2]
        assert window.new_file is None and window.windowTitle().startswith("Demo season: ")
    dialogs.clear()
    window = create_main_window(str(new), recover=False)  # there now: opened
    qtbot.addWidget(window)
    assert dialogs.kinds() == [] and window.path == new and window.new_file is None


def test_the_demo_at_a_start_without_a_file_keeps_its_plain_title(qtbot, dialogs):
    from ui.desktop.app import create_main_window

    window = create_main_window(None, recover=False)
    qtbot.addWidget(window)
    assert window.windowTitle() == f"{window.season.name} — not saved — Periodize"


def test_a_season_open_in_another_window_is_said_when_opened(qtbot, tmp_path):
    """Two windows on one season said nothing until one saved and the other met "changed on
    disk", where the coach had to lose one window's changes or write a second file. Opening a
    season another live window has open now says so above the board (a notice: it opens all
    the same); a window whose process is gone (its lock free, or held by a dead process) is
    not one."""
    from PySide6.QtCore import QSysInfo
    from PySide6.QtWidgets import QApplication

    from ui.desktop.recovery import OPEN

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    first = MainWindow(load_season(club), club)
    qtbot.addWidget(first)
    assert first.notice.isHidden() or "another Periodize window" not in first.notice.text()
    second = MainWindow(load_season(club), club)
    qtbot.addWidget(second)
    assert not second.notice.isHidden()
    assert second.notice.text() == (
        "“club.season.json” is already open in another Periodize window: changes made in both "
        "cannot be merged (saving one asks about the other's). Make them in one window and "
        "close the other.")
    assert second.season == first.season and second.path == club  # opened all the same

    # the second window closes cleanly (no note of its own left); the first one's process dies:
    # its lock let go, its note left behind
    second.autosaver.stop()
    assert not (recovery_dir() / f"{second.autosaver.key}{OPEN}").exists()
    first.autosaver.timer.stop()
    first.autosaver._lock.unlock()
    first.autosaver._lock = None
    third = MainWindow(load_season(club), club)
    qtbot.addWidget(third)
    assert "another Periodize window" not in third.notice.text() or third.notice.isHidden()
    assert not (recovery_dir() / f"{first.autosaver.key}{OPEN}").exists()  # the stale note goes

    # a lock held by a process that is gone (killed, its lock file left as it was)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (recovery_dir() / f"{gone}-dead{OPEN}").write_text(
        f'{{"path": "{club}", "pid": {gone}}}', encoding="utf-8")
    (recovery_dir() / f"{gone}-dead.lock").write_text(
        f"{gone}\n{QApplication.applicationName()}\n{QSysInfo.machineHostName()}\n",
        encoding="utf-8")
    third.autosaver.stop()
    fourth = MainWindow(load_season(club), club)
    qtbot.addWidget(fourth)
    said = "" if fourth.notice.isHidden() else fourth.notice.text()
    assert "another Periodize window" not in said, said
    assert not (recovery_dir() / f"{gone}-dead{OPEN}").exists()  # read as gone, its note removed
    fourth.autosaver.stop()


def test_lock_files_are_the_owners_and_a_start_removes_those_of_killed_windows(
        qtbot, tmp_path, dialogs):
    """The recovery folder's ``.lock`` files (the pid, the computer's name, its machine and boot
    ids) were readable by all (0644), and those of a killed window stayed after every later
    clean exit. A window's lock is the owner's alone (0600); a start removes the lock and
    ``.open`` note of a window whose process is gone, but not one that still lives, nor one a
    recovery copy waits with (offered again at the next start)."""
    import stat

    from PySide6.QtCore import QSysInfo
    from PySide6.QtWidgets import QApplication

    from ui.desktop.app import create_main_window
    from ui.desktop.recovery import OPEN

    club = tmp_path / "club.season.json"
    save_season(tiny_season(), club)
    live = MainWindow(load_season(club), club)
    qtbot.addWidget(live)
    lock = recovery_dir() / f"{live.autosaver.key}.lock"
    assert lock.exists() and stat.S_IMODE(lock.stat().st_mode) == 0o600
    crashed = MainWindow(load_season(club), club)
    qtbot.addWidget(crashed)
    crash(crashed, "Crashed FC")  # its copy waits, with its lock
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (recovery_dir() / f"{gone}-dead{OPEN}").write_text(
        f'{{"path": "{club}", "pid": {gone}}}', encoding="utf-8")
    for key in (f"{gone}-dead", crashed.autosaver.key):  # as a killed process leaves them
        (recovery_dir() / f"{key}.lock").write_text(
            f"{gone}\n{QApplication.applicationName()}\n{QSysInfo.machineHostName()}\n",
            encoding="utf-8")

    dialogs.answer = "cancel"  # Not Now: the crashed window's copy stays for the next start
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert [d[1] for d in dialogs] == ["Recover unsaved changes?"]
    left = sorted(p.name for p in recovery_dir().iterdir())
    assert f"{gone}-dead.lock" not in left and f"{gone}-dead{OPEN}" not in left
    assert f"{live.autosaver.key}.lock" in left and f"{live.autosaver.key}{OPEN}" in left
    assert f"{crashed.autosaver.key}.season.json" in left  # offered again at the next start
    live.autosaver.stop()
    window.autosaver.stop()


def test_save_as_moves_the_windows_open_note_to_the_new_file(qtbot, tmp_path, dialogs):
    """File ▸ Save As left the window's "open" note on the file it had before: a second window
    opening the new file was not told it is open here, and one opening the old file was told
    so wrongly. The note now follows the file, and Save As onto a file another window has open
    says so, as opening it does."""
    club = tmp_path / "club.season.json"
    copy = tmp_path / "copy.season.json"
    save_season(tiny_season(), club)
    first = MainWindow(load_season(club), club)
    qtbot.addWidget(first)
    dialogs.files = [str(copy)]
    assert first.save_as() and first.path == copy

    def said(window) -> str:
        return "" if window.notice.isHidden() else window.notice.text()

    on_copy = MainWindow(load_season(copy), copy)  # the file the first window has open now
    qtbot.addWidget(on_copy)
    assert said(on_copy).startswith("“copy.season.json” is already open in another Periodize window")
    on_club = MainWindow(load_season(club), club)  # the first window left it
    qtbot.addWidget(on_club)
    assert "another Periodize window" not in said(on_club)

    # Save As onto the file another window has open: said there and then
    dialogs.files = [str(club)]
    assert first.save_as() and first.path == club
    assert said(first).startswith("“club.season.json” is already open in another Periodize window")
    dialogs.files = [str(tmp_path / "third.season.json")]  # and away again: no longer true
    assert first.save_as()
    assert "another Periodize window" not in said(first)
    for window in (first, on_copy, on_club):
        window.autosaver.stop()
