"""Questions and messages to the coach, behind one small object (git-cola's ``Interaction``).

Controllers (the main window, the what-if controller, the job runner, file import and export,
recovery) never call ``QMessageBox``, ``QFileDialog`` or ``QInputDialog`` themselves: they ask
their :class:`Interaction`. :class:`QtInteraction` shows the real dialogs; tests give the window
a recording fake (``tests/ui/conftest.py``), so a controller runs in a test without a modal
dialog and without monkeypatching Qt.

A window gets its interaction from :func:`default_interaction` unless one is passed in;
:func:`use_interaction` makes every window created afterwards use a given one (tests).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.datefield import DateField

DETAILS_LINES = 15  # the lines Show Details… shows at once (Qt's box: about 5)

# The answers ``choose`` knows, as the buttons of a message box: standard ones, and buttons
# with their own words and role.
_BUTTONS = {
    "yes": QMessageBox.StandardButton.Yes,
    "no": QMessageBox.StandardButton.No,
    "ok": QMessageBox.StandardButton.Ok,
    "save": QMessageBox.StandardButton.Save,
    "discard": QMessageBox.StandardButton.Discard,
    "cancel": QMessageBox.StandardButton.Cancel,
}
_WORDED = {
    "reload": ("&Reload from Disk", QMessageBox.ButtonRole.AcceptRole),
    "overwrite": ("&Overwrite", QMessageBox.ButtonRole.DestructiveRole),
    "saveas": ("Save &As…", QMessageBox.ButtonRole.ActionRole),
    "replace": ("&Replace Those Days", QMessageBox.ButtonRole.AcceptRole),
    "add": ("&Add Both", QMessageBox.ButtonRole.ActionRole),
    "skip": ("&Keep What Is Logged", QMessageBox.ButtonRole.ActionRole),
    "replan": ("&Re-plan First", QMessageBox.ButtonRole.AcceptRole),
    "adopt": ("&Adopt Anyway", QMessageBox.ButtonRole.DestructiveRole),
    "keepover": ("&Keep Them", QMessageBox.ButtonRole.AcceptRole),
    "workbook": ("Use the &Workbook Alone", QMessageBox.ButtonRole.DestructiveRole),
    "importanyway": ("&Import Anyway", QMessageBox.ButtonRole.DestructiveRole),
    "exportother": ("&Export Board or Workbook…", QMessageBox.ButtonRole.AcceptRole),
    "dropstages": ("&Remove Them", QMessageBox.ButtonRole.AcceptRole),
    "keepstages": ("&Keep Them", QMessageBox.ButtonRole.ActionRole),
    "keepediting": ("&Keep Editing", QMessageBox.ButtonRole.RejectRole),
    "apply": ("&Apply", QMessageBox.ButtonRole.AcceptRole),
    "untiltoday": ("&Import up to Today", QMessageBox.ButtonRole.ActionRole),
    "delete": ("&Delete", QMessageBox.ButtonRole.DestructiveRole),
    "leftsquad": ("&Left the Squad…", QMessageBox.ButtonRole.ActionRole),
    "movetoday": ("&Move Today", QMessageBox.ButtonRole.AcceptRole),
    "fastestmax": ("&Take the Fastest as Max Speed", QMessageBox.ButtonRole.AcceptRole),
    "asproposed": ("&Read as Proposed", QMessageBox.ButtonRole.AcceptRole),
    "onlysquad": ("Read &Only This Squad", QMessageBox.ButtonRole.AcceptRole),
    "openbackup": ("&Open the Backup", QMessageBox.ButtonRole.AcceptRole),
    "exportas": ("Export under Another &Name…", QMessageBox.ButtonRole.AcceptRole),
    "suggested": ("&Use the Suggestion", QMessageBox.ButtonRole.AcceptRole),
    "astyped": ("Keep as &Typed", QMessageBox.ButtonRole.ActionRole),
    "notnow": ("&Not Now", QMessageBox.ButtonRole.RejectRole),
    "quitsolve": ("&Quit and Lose It", QMessageBox.ButtonRole.DestructiveRole),
    "waitsolve": ("&Wait for It", QMessageBox.ButtonRole.AcceptRole),
}


class Interaction(Protocol):
    """What a controller may ask or tell the coach."""

    def inform(self, title: str, text: str, details: str = "") -> None:
        """``details`` as for :meth:`error` (every note of an import, a list ``text`` cuts short)."""
        ...

    def warn(self, title: str, text: str) -> None: ...

    def error(self, title: str, text: str, details: str = "") -> None:
        """``details``: the whole of a list ``text`` cuts short (every problem of a workbook),
        behind Show Details…, to read and copy."""
        ...

    def about(self, title: str, text: str) -> None: ...

    def confirm(self, title: str, text: str, default: bool = True) -> bool:
        """A yes/no question; True for yes."""
        ...

    def choose(self, title: str, text: str, answers: Sequence[str], default: str,
               details: str = "") -> str:
        """One of ``answers``: keys of the standard buttons (yes, no, ok, save, discard, cancel)
        or of the worded ones (reload, overwrite, saveas); ``details`` as for :meth:`error`."""
        ...

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """A line of text, stripped; None when the coach cancels or leaves it blank."""
        ...

    def ask_date(self, title: str, label: str, day: dt.date, lo: dt.date, hi: dt.date
                 ) -> dt.date | None:
        """A day from ``lo`` to ``hi``, ``day`` offered, in the editors' date field (typed or
        picked on its calendar); None when the coach cancels."""
        ...

    def ask_dialog(self, dialog: QDialog) -> bool:
        """Show one of the app's own dialogs (the weeks of an export) and wait; True when the
        coach accepted it (its fields then hold the answer)."""
        ...

    def open_file(self, title: str, folder: str, filters: str) -> str | None: ...

    def save_file(self, title: str, suggestion: str, filters: str,
                  selected: str = "", names: dict[str, str] | None = None,
                  ask_replace: bool = True) -> tuple[str, str] | None:
        """The chosen path and the chosen filter; None when cancelled. ``names``: the file name
        suggested for each filter, put in place of the one shown when the coach picks another
        file type (while the name is still a suggestion, not one typed). ``ask_replace`` False:
        the dialog asks nothing about a file that exists (the caller does)."""
        ...

    def choose_folder(self, title: str, folder: str) -> str | None:
        """A folder; perhaps one not made yet (a new name typed in a folder that exists): the
        caller makes it."""
        ...

    def show_externally(self, path: str) -> bool:
        """Open a file or folder in the program the system uses for it (an exported workbook in
        Excel, a folder in the file manager); False when that fails."""
        ...


def question_box(parent, title: str, text: str, answers: Sequence[str], default: str) -> QMessageBox:
    """A question with the standard buttons of ``answers``, each with an Alt key (Alt+D for
    Discard: Qt's standard buttons have none on Linux and Windows)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    used: set[str] = set()
    for key in answers:
        _give_letter(box.addButton(_BUTTONS[key]), used)
    box.setDefaultButton(_BUTTONS[default])
    return box


def _give_letter(button, used: set[str]) -> None:
    """An Alt key for a standard button: the first letter of its words not in ``used``."""
    label = button.text().replace("&", "")
    k = next((i for i, ch in enumerate(label) if ch.isalpha() and ch.lower() not in used), None)
    if k is not None:
        used.add(label[k].lower())
        button.setText(label[:k] + "&" + label[k:])


class DateDialog(QDialog):
    """A question whose answer is a day: the editors' date field (``ui.desktop.datefield``: a
    date typed as a coach writes it, or picked on its calendar), ``day`` offered; OK is refused,
    the reason under the field, while its text is no day from ``lo`` to ``hi``."""

    def __init__(self, parent, title: str, label: str, day: dt.date, lo: dt.date, hi: dt.date):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        text = QLabel(label)
        text.setWordWrap(True)
        lay.addWidget(text)
        self.field = DateField(title)
        self.field.setDateRange(lo, hi)
        self.field.setDate(day)
        lay.addWidget(self.field)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        lay.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.field.problemChanged.connect(lambda _t: self.problem.setVisible(False))

    def accept(self) -> None:
        if not self.field.is_valid():
            self.problem.setText(self.field.problem())
            self.problem.setVisible(True)
            return
        super().accept()


class QtInteraction:
    """The real dialogs, parented to ``parent`` (a window, or None)."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def inform(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                          self.parent)
        _with_details(box, details)
        fit_screen(box)
        title_room(box)
        box.exec()

    def warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self.parent)
        fit_screen(box)
        title_room(box)
        box.exec()

    def error(self, title: str, text: str, details: str = "") -> None:
        # the title also heads the text: a window manager cuts a long title on a narrow box
        # ("The re-plan from t…n error"), and some show none
        box = QMessageBox(QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok,
                          self.parent)
        box.setInformativeText(text)
        _with_details(box, details)
        fit_screen(box)
        title_room(box)
        box.exec()

    def about(self, title: str, text: str) -> None:
        QMessageBox.about(self.parent, title, text)

    def confirm(self, title: str, text: str, default: bool = True) -> bool:
        return self.choose(title, text, ("yes", "no"), "yes" if default else "no") == "yes"

    def choose(self, title: str, text: str, answers: Sequence[str], default: str,
               details: str = "") -> str:
        if any(key in _WORDED for key in answers):
            return self._choose_worded(title, text, answers, default, details)
        box = question_box(self.parent, title, text, answers, default)
        _with_details(box, details)
        fit_screen(box)
        title_room(box)
        box.exec()
        answer = box.standardButton(box.clickedButton()) if box.clickedButton() else None
        return next((key for key in answers if _BUTTONS[key] == answer), answers[-1])

    def _choose_worded(self, title: str, text: str, answers: Sequence[str], default: str,
                       details: str = "") -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                          self.parent)
        buttons = {}
        # the worded buttons' Alt keys first; then the standard ones (Cancel) get one of their own
        used = {_WORDED[key][0].split("&")[1][0].lower() for key in answers if key in _WORDED}
        for key in answers:
            if key in _WORDED:
                words, role = _WORDED[key]
                buttons[key] = box.addButton(words, role)
            else:
                buttons[key] = box.addButton(_BUTTONS[key])
                _give_letter(buttons[key], used)
        box.setDefaultButton(buttons[default])
        _with_details(box, details)
        escape = next((buttons[k] for k in ("cancel", "keepediting", "notnow", "ok") if k in buttons),
                      None)
        if escape is not None:  # Escape: nothing is lost (OK: a message read)
            box.setEscapeButton(escape)
        fit_screen(box)
        title_room(box)
        box.exec()
        clicked = box.clickedButton()
        return next((key for key, b in buttons.items() if b is clicked), answers[-1])

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, text)
        value = (value or "").strip()
        return value if ok and value else None

    def ask_date(self, title: str, label: str, day: dt.date, lo: dt.date, hi: dt.date
                 ) -> dt.date | None:
        dlg = DateDialog(self.parent, title, label, day, lo, hi)
        return dlg.field.value() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def ask_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return path or None

    def save_file(self, title: str, suggestion: str, filters: str,
                  selected: str = "", names: dict[str, str] | None = None,
                  ask_replace: bool = True) -> tuple[str, str] | None:
        if not names and ask_replace:
            path, chosen = QFileDialog.getSaveFileName(self.parent, title, suggestion, filters,
                                                       selected)
            return (path, chosen) if path else None
        dialog = save_dialog(self.parent, title, suggestion, filters, selected, names or {})
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not ask_replace)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()

    def choose_folder(self, title: str, folder: str) -> str | None:
        dialog = _FolderDialog(self.parent, title, folder)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return dialog.selectedFiles()[0] or None

    def show_externally(self, path: str) -> bool:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


TITLE_BAR_BUTTONS = 140  # px a window manager's title bar keeps for its buttons and margins


def answer_shown(parent: QWidget, title: str, answer: str) -> None:
    """The question ``title`` open over ``parent``, if it shows, answered ``answer`` (a button's
    words): for a question the app no longer needs (a solve asked about has ended)."""
    for box in parent.findChildren(QMessageBox):
        if box.isVisible() and box.windowTitle() == title:
            button = next((b for b in box.buttons() if b.text().replace("&", "") == answer), None)
            if button is not None:
                button.click()


def title_room(box: QMessageBox) -> None:
    """Make ``box`` wide enough for its title as the title bar shows it (" — Periodize" added):
    a short box cut "Sessions not imported — Periodize" to "Sessions … Periodize". QMessageBox
    takes no minimum width, so a spacer as wide as the title spans its grid's last row."""
    from PySide6.QtWidgets import QApplication, QGridLayout, QSizePolicy, QSpacerItem

    shown = box.windowTitle()
    name = QApplication.applicationDisplayName()
    if name and not shown.endswith(name):
        shown += f" — {name}"
    grid = box.layout()
    if not isinstance(grid, QGridLayout):
        return
    width = box.fontMetrics().horizontalAdvance(shown) + TITLE_BAR_BUTTONS
    grid.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum),
                 grid.rowCount(), 0, 1, grid.columnCount())


def _with_details(box: QMessageBox, details: str) -> None:
    """``details`` behind the box's Show Details… button: a read-only text the coach scrolls,
    selects and copies (Ctrl+A, Ctrl+C), for a list the message itself cuts short. Qt's own is
    100 px tall (5 lines of 86 problems at 768 px); it shows ``DETAILS_LINES`` lines, or half the
    screen's height on a screen too low for them."""
    if not details:
        return
    box.setDetailedText(details)
    shown = box.findChild(QTextEdit)
    if shown is None:
        return
    lines = DETAILS_LINES * shown.fontMetrics().lineSpacing() + 2 * shown.frameWidth() + 8
    screen = box.screen()
    half = screen.availableGeometry().height() // 2 if screen is not None else lines
    shown.setFixedHeight(min(lines, half))


SCREEN_MARGIN = 60  # px of a screen's height a box leaves for its title bar and frame
_COUNTED = re.compile(r"^\s*(?:\.\.\.|…) and ([\d,]+) more\b")  # "… and 49 more"
_ITEM = re.compile(r"^\s*(?:[-•◌⚠]|\.\.\. and|… and) ")  # a line of a list, or its count


def fit_screen(box: QMessageBox) -> None:
    """A box never taller than its screen: a message of 81 problems put OK and Open the Backup
    below the bottom edge at 1366 x 768, reachable only with Escape. The longest paragraph of
    its text keeps its first lines (as many as fit, with Show Details… open too), then "… and N
    more"; the whole text goes behind Show Details… (unless the box has details of its own).
    The paragraphs around it (a backup that can be read, the question) are kept."""
    screen = box.screen()
    if screen is None:
        return
    room = screen.availableGeometry().height() - SCREEN_MARGIN
    if _shown_height(box) <= room:
        return
    informative = bool(box.informativeText())
    text = box.informativeText() if informative else box.text()
    put = box.setInformativeText if informative else box.setText
    paragraphs = text.split("\n\n")
    at = max(range(len(paragraphs)), key=lambda i: paragraphs[i].count("\n"))
    lines = paragraphs[at].split("\n")
    items = [i for i, line in enumerate(lines) if _ITEM.match(line)]
    # the list's lines are cut, the lines around it (its head, a note after it) kept
    first, last = (items[0], items[-1] + 1) if len(items) > 1 else (0, len(lines))
    if not box.detailedText():
        _with_details(box, text)
    shown = box.findChild(QTextEdit)
    room -= shown.height() if shown is not None else 0  # Show Details… opened: still on screen

    def cut(keep: int) -> str:
        gone = sum(int(m[1].replace(",", "")) if (m := _COUNTED.match(line)) else 1
                   for line in lines[first + keep:last] if _ITEM.match(line) or not items)
        more = f"… and {gone:,} more (Show Details… shows them all, to read or copy)"
        return "\n\n".join([*paragraphs[:at], "\n".join(
            [*lines[:first + keep], more, *lines[last:]]), *paragraphs[at + 1:]])

    low, high = 1, last - first - 1  # the most lines of the list that fit (at least one)
    while low < high:
        mid = (low + high + 1) // 2
        put(cut(mid))
        low, high = (mid, high) if _shown_height(box) <= room else (low, mid - 1)
    put(cut(low))


def _shown_height(box: QMessageBox) -> int:
    """The height ``box`` takes once shown: Qt then wraps its text at half the screen's width (at
    most 500 px; its size hint before that wraps none)."""
    from PySide6.QtWidgets import QLabel

    for label in box.findChildren(QLabel):
        if label.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            label.setWordWrap(True)
    grid = box.layout()
    width = max(min(box.screen().availableGeometry().width() // 2, 500),
                grid.totalMinimumSize().width())
    return grid.totalHeightForWidth(width) if grid.hasHeightForWidth() else box.sizeHint().height()


def save_dialog(parent, title: str, suggestion: str, filters: str, selected: str,
                names: dict[str, str]) -> QFileDialog:
    """A save dialog whose suggested name follows the file type picked in it: the coach workbook
    for import was written under the plan workbook's suggested name ("team-plan.xlsx"), and next
    week's plan export met it there. A name the coach typed is left as typed."""
    dialog = QFileDialog(parent, title, str(Path(suggestion).parent), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if selected:
        dialog.selectNameFilter(selected)
    dialog.selectFile(Path(suggestion).name)

    def follow(chosen: str) -> None:
        shown = dialog.selectedFiles()
        if chosen in names and (not shown or Path(shown[0]).name in names.values()):
            dialog.selectFile(names[chosen])

    dialog.filterSelected.connect(follow)
    return dialog


class _FolderDialog(QFileDialog):
    """Qt's folder chooser (the same on every system), which also takes the name of a folder
    not made yet, typed in a folder that exists: Qt's own refuses it ("Directory not found"),
    though the exports make their folder when missing."""

    def __init__(self, parent, title: str, folder: str):
        super().__init__(parent, title, folder)
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # accept() below runs
        # Qt greys Choose out while the name typed is no folder yet: Enter alone took it
        self._name = self.findChild(QLineEdit, "fileNameEdit")
        if self._name is not None:
            self._name.textChanged.connect(self._choose_enabled)

    def _new_folder(self) -> Path | None:
        """The folder not made yet the name typed names (in the folder shown), else None."""
        text = self._name.text().strip() if self._name is not None else ""
        if not text:
            return None
        new = Path(self.directory().absolutePath()) / text
        return new if not new.exists() and new.parent.is_dir() else None

    def _choose_enabled(self, _text: str = "") -> None:
        """After Qt's own update of the button (connected after it): enabled for a new name."""
        box = self.findChild(QDialogButtonBox)
        button = box.button(QDialogButtonBox.StandardButton.Open) if box is not None else None
        if button is not None and self._new_folder() is not None:
            button.setEnabled(True)

    def accept(self) -> None:
        chosen = self.selectedFiles()
        new = Path(chosen[0]) if chosen else None
        if new is not None and not new.exists() and new.parent.is_dir():
            QDialog.accept(self)  # the caller makes it
            return
        super().accept()


_factory: Callable[[QWidget | None], Interaction] = QtInteraction


def default_interaction(parent: QWidget | None = None) -> Interaction:
    """The interaction a window uses when none is passed in (the real dialogs)."""
    return _factory(parent)


def use_interaction(interaction: Interaction | None) -> None:
    """Every window created from now on uses ``interaction`` (None: the real dialogs again)."""
    global _factory
    _factory = QtInteraction if interaction is None else (lambda _parent: interaction)
