"""Questions and messages go through ui/desktop/interaction.py only, so every controller runs in
a test with the fake interaction (tests/ui/conftest.py) and never opens a modal dialog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui.desktop.interaction import QtInteraction, default_interaction, use_interaction

DESKTOP = Path(__file__).resolve().parents[2] / "ui" / "desktop"
DIALOGS = re.compile(r"\b(QMessageBox|QFileDialog|QInputDialog)\b")


def on_message_box(act) -> None:
    """``act(box)`` on the message box once it shows (called before the call that shows it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        act(box)

    QTimer.singleShot(0, look)


def test_only_the_interaction_module_opens_standard_dialogs():
    users = sorted(f.name for f in DESKTOP.rglob("*.py")
                   if f.name != "interaction.py" and DIALOGS.search(f.read_text(encoding="utf-8")))
    assert users == []


def test_windows_get_the_installed_interaction(dialogs):
    assert default_interaction(None) is dialogs  # installed by the conftest for every test
    use_interaction(None)
    try:
        assert isinstance(default_interaction(None), QtInteraction)
    finally:
        use_interaction(dialogs)


@pytest.mark.parametrize("answer, expected", [("yes", True), ("no", False), ("discard", False)])
def test_the_fake_answers_as_scripted(dialogs, answer, expected):
    dialogs.answer = answer
    assert dialogs.confirm("t", "x") is expected
    assert dialogs.choose("t", "x", ("save", "discard", "cancel"), "save") == (
        answer if answer in ("save", "discard", "cancel") else "cancel")


def test_an_error_box_heads_its_text_with_its_title(qtbot):
    """A long title is cut by the window manager on a narrow box ("The re-plan from t…n
    error"): the real box repeats it, in bold, above the text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = {}

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(title=box.windowTitle(), text=box.text(), more=box.informativeText())
        box.accept()

    QTimer.singleShot(0, close)
    QtInteraction(None).error("The re-plan from today stopped with an error", "Details here.")
    assert seen == {"title": "The re-plan from today stopped with an error",
                    "text": "The re-plan from today stopped with an error", "more": "Details here."}


@pytest.mark.parametrize("key, answer", [("D", "discard"), ("S", "save"), ("C", "cancel")])
def test_every_button_of_a_question_has_an_alt_key(qtbot, key, answer):
    """The Unsaved changes question had no key for Discard (Alt+D did nothing): each button has
    its Alt key, and the one it belongs to gives its answer."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown = {}

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)  # not shown yet
            return
        shown.update({b.shortcut().toString(QKeySequence.SequenceFormat.PortableText): b
                      for b in box.buttons()})
        button = shown.get(f"Alt+{key}")
        button.click() if button is not None else box.reject()  # (never a hanging test)

    QTimer.singleShot(0, press)
    got = QtInteraction(None).choose("Unsaved changes", "Save first?", ("save", "discard", "cancel"),
                                     "save")
    assert sorted(shown) == ["Alt+C", "Alt+D", "Alt+S"] and got == answer


@pytest.mark.parametrize("answers, key, answer", [
    (("importanyway", "cancel"), "I", "importanyway"), (("importanyway", "cancel"), "C", "cancel"),
    (("exportother", "cancel"), "E", "exportother"), (("exportother", "cancel"), "C", "cancel"),
    (("keepover", "workbook", "cancel"), "C", "cancel"),
    # a log past today: "Yes / No / Import up to Today", No read as either answer
    (("movetoday", "untiltoday", "cancel"), "M", "movetoday"),
    (("movetoday", "untiltoday", "cancel"), "I", "untiltoday"),
    (("movetoday", "untiltoday", "cancel"), "C", "cancel")])
def test_every_button_of_a_worded_question_answers_its_alt_key(qtbot, answers, key, answer):
    """Cancel had no Alt key beside Import Anyway or Export Board or Workbook… (only Tab and
    Shift+Tab reached it): each button answers its own Alt key, pressed in the box."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or QApplication.activeWindow() is not box:
            if isinstance(box, QMessageBox):
                box.activateWindow()
            QTimer.singleShot(20, press)  # not shown (or not active) yet
            return
        QTest.keyClick(QApplication.focusWidget() or box, getattr(Qt.Key, f"Key_{key}"),
                       Qt.KeyboardModifier.AltModifier)
        # no answer to the key: the default button (never a hanging test)
        QTimer.singleShot(200, lambda: box.isVisible() and box.defaultButton().click())

    QTimer.singleShot(0, press)
    other = next(a for a in answers if a != answer)
    assert QtInteraction(None).choose("Question", "Which?", answers, other) == answer


def test_show_details_shows_fifteen_lines_at_once(qtbot):
    """Qt's Show Details… box is 100 px tall: 5 lines of an import's 86 problems at 768 px. It
    shows 15 lines now (half the screen on a screen too low for them)."""
    from PySide6.QtWidgets import QTextEdit

    from ui.desktop.interaction import DETAILS_LINES

    seen = {}

    def look(box) -> None:
        shown = box.findChild(QTextEdit)
        seen.update(height=shown.minimumHeight(), line=shown.fontMetrics().lineSpacing(),
                    half=box.screen().availableGeometry().height() // 2)
        box.accept()

    on_message_box(look)
    details = "\n".join(f"• Roles, row {n}, Role: 'sub' is no role" for n in range(2, 88))
    QtInteraction(None).error("Could not import the workbook", "86 problems", details)
    assert seen["height"] >= min(DETAILS_LINES * seen["line"], seen["half"]) > 100


def test_the_fake_keeps_each_error_until_the_test_looks_at_the_record_or_expects_it():
    """What the dialogs fixture fails a test on at teardown: an error said after the test last
    looked at the record, unless the test declared it expected."""
    from tests.ui.conftest import FakeInteraction

    log = FakeInteraction()
    log.inform("Saved", "All saved.")
    log.error("Could not save", "The disk is full.")
    assert len(log) == 2 and log.unseen_errors == [("error", "Could not save", "The disk is full.")]
    assert log.kinds() == ["inform", "error"] and log.unseen_errors == []
    log.error("Could not export", "The folder is gone.")
    assert len(log.unseen_errors) == 1  # the earlier look does not cover a later error
    assert log[-1][1] == "Could not export" and log.unseen_errors == []
    log.error("Could not open", "Not a season file.")
    log.expect_error()
    log.error("Could not open", "Not a season file either.")
    assert log.unseen_errors == []


def test_the_folder_chooser_takes_the_name_of_a_folder_not_made_yet(qtbot, tmp_path):
    """Export Calendars' folder chooser refused a new folder's name typed in it ("Directory not
    found"), though the export makes its folder when missing: the name is taken (the export
    makes it), and an existing folder is chosen as before."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

    seen: list[str] = []

    def type_name(name: str):
        def run() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QFileDialog)
            dialog.findChild(QLineEdit, "fileNameEdit").setText(name)
            QTimer.singleShot(50, refused)
            dialog.accept()
        return run

    def refused() -> None:  # Qt's "Directory not found": noted, closed, the chooser cancelled
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
            QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())

    QTimer.singleShot(0, type_name("calendars 2027"))
    got = QtInteraction(None).choose_folder("Folder for the calendar files", str(tmp_path))
    assert seen == [] and got == str(tmp_path / "calendars 2027")
    assert not (tmp_path / "calendars 2027").exists()  # the export makes it, not the chooser
    (tmp_path / "mine").mkdir()
    QTimer.singleShot(0, type_name("mine"))
    assert QtInteraction(None).choose_folder("Folder", str(tmp_path)) == str(tmp_path / "mine")
    assert seen == []


def test_the_folder_choosers_choose_button_takes_a_new_folders_name_by_mouse(qtbot, tmp_path):
    """With a new folder's name typed, Qt greyed Choose out: only Enter took the name."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from ui.desktop.interaction import _FolderDialog

    dialog = _FolderDialog(None, "Folder for the calendar files", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    choose = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    dialog.findChild(QLineEdit, "fileNameEdit").setText("Kalender Herbst")
    assert choose.isEnabled()
    choose.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.selectedFiles() == [str(tmp_path / "Kalender Herbst")]
    assert not (tmp_path / "Kalender Herbst").exists()  # the export makes it


def test_a_notice_with_details_holds_them_behind_show_details(qtbot):
    """The real notice box: its text, and the whole list under Show Details…, as an error's."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = {}

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(title=box.windowTitle(), text=box.text(), details=box.detailedText(),
                    icon=box.icon())
        box.accept()

    QTimer.singleShot(0, close)
    QtInteraction(None).inform("Imported, with notes", "• a\n… and 1 more", details="• a\n• b")
    assert seen == {"title": "Imported, with notes", "text": "• a\n… and 1 more",
                    "details": "• a\n• b", "icon": QMessageBox.Icon.Information}


def test_every_message_box_title_is_short_enough_for_a_small_box():
    """A small box's title bar cut 'Could not import the sessions' to 'Could not impo… ns':
    every title written in the app's code for a message box is at most 24 characters (the long
    words belong in the text)."""
    import ast
    from pathlib import Path

    import ui.desktop

    kinds = {"inform", "warn", "error", "confirm", "choose"}
    long = []
    for path in sorted(Path(ui.desktop.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in kinds and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and len(node.args[0].value) > 24):
                long.append(f"{path.name}:{node.lineno} {node.args[0].value!r}")
    assert long == [], long


@pytest.mark.parametrize("kind", ["inform", "warn", "error", "confirm"])
def test_a_box_is_wide_enough_for_its_title_as_the_title_bar_shows_it(qtbot, kind):
    """A short box cut "Sessions not imported — Periodize" in its title bar to "Sessions …
    Periodize": every box is at least as wide as its title with the application's name and
    the title bar's buttons."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.desktop.interaction import TITLE_BAR_BUTTONS

    seen = {}

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close)
            return
        shown = box.windowTitle() + " — " + (QApplication.applicationDisplayName() or "")
        seen.update(width=box.width(), needs=box.fontMetrics().horizontalAdvance(shown)
                    + TITLE_BAR_BUTTONS)
        box.reject()

    QTimer.singleShot(0, close)
    getattr(QtInteraction(None), kind)("Sessions not imported", "Row 3: no date.")
    assert seen["width"] >= seen["needs"], seen


@pytest.mark.parametrize("kind", ["choose", "error", "inform"])
def test_a_long_problem_list_never_makes_a_box_taller_than_the_screen(qtbot, kind):
    """A season of 81 unknown-athlete problems gave a 'Season not opened' box taller than the
    screen at 1366 x 768 and at 1024 x 600: OK and Open the Backup below the bottom edge, only
    Escape closed it. The list is cut to the lines that fit ("… and N more"), the whole message
    behind Show Details…, and the paragraphs around the list (the backup that can be read) kept."""
    from PySide6.QtWidgets import QApplication, QPushButton

    seen = {}

    def look(box) -> None:
        for details in [b for b in box.findChildren(QPushButton) if "Details" in b.text()][:1]:
            details.click()  # open too, the box still fits
        QApplication.processEvents()
        screen = box.screen().availableGeometry()
        seen.update(text=box.informativeText() or box.text(), details=box.detailedText(),
                    height=box.frameGeometry().height(), screen=screen.height(),
                    buttons=[b.mapToGlobal(b.rect().bottomLeft()).y() - screen.top()
                             for b in box.buttons() if b.isVisible()])
        box.accept()

    on_message_box(look)
    problems = "\n".join(f"  - roles[{i}].athlete: no athlete has id 'A{i:02}'; use an id from the "
                         f"squad" for i in range(80)) + "\n  ... and 12 more"
    text = (f"club.season.json: 93 problems (the first 81):\n{problems}\n\nIts backup "
            f"club.season.json.bak can be read: open it (File ▸ Open).")
    ui = QtInteraction(None)
    if kind == "choose":
        ui.choose("Season not opened", text, ("openbackup", "ok"), "openbackup")
    else:
        getattr(ui, kind)("Season not opened", text)
    assert seen["height"] <= seen["screen"] and max(seen["buttons"]) <= seen["screen"]
    kept = seen["text"].split("\n")
    assert kept[0] == "club.season.json: 93 problems (the first 81):"
    assert kept[1].startswith("  - roles[0].athlete") and 3 < len(kept) < 60
    gone = 80 - sum(line.startswith("  - roles[") for line in kept)
    assert kept[-3] == f"… and {gone + 12} more (Show Details… shows them all, to read or copy)"
    assert seen["text"].endswith("\n\nIts backup club.season.json.bak can be read: open it (File ▸ Open).")
    assert seen["details"] == text


def test_a_day_is_asked_in_the_date_field_of_the_forms_and_a_text_no_day_is_refused(qtbot):
    """Left the Squad… took its day as free text where the forms beside it have a date field
    with a calendar. The question is that field, the day offered; OK on a text that is no day
    in the range says why and keeps the dialog open."""
    import datetime as dt

    from ui.desktop.datefield import DateField
    from ui.desktop.interaction import DateDialog

    d = DateDialog(None, "Left the squad", "His first day away:", dt.date(2026, 3, 9),
                   dt.date(2026, 3, 2), dt.date(2026, 3, 15))
    qtbot.addWidget(d)
    assert isinstance(d.field, DateField) and d.field.value() == dt.date(2026, 3, 9)
    assert d.field.button.toolTip().startswith("Pick the day on a calendar")
    d.show()
    assert not d.field.set_text("31/02/2026")
    d.accept()
    assert d.isVisible() and d.result() != d.DialogCode.Accepted
    assert d.problem.isVisibleTo(d) and d.problem.text()
    assert d.field.set_text("12/03/2026")
    d.accept()
    assert d.result() == d.DialogCode.Accepted and d.field.value() == dt.date(2026, 3, 12)
