"""Alt+letter on the editors' buttons: only the editor the coach works in answers them.

The editors share one tab group on the left, and Qt counts a dock in a tab behind another as
shown: with Squad and Blocks open, Alt+A ("&Add" in both) was ambiguous, and Qt then only
moves the focus from one Add button to the other; nothing was added. So an editor's buttons
keep their letters only while it is the editor in use: the one holding the keyboard focus, else
the one brought to the front last. (A button's letter is never a menu's either: "A&pply" took
Alt+P from the Plan menu, and neither worked.) A menu's items each get a letter of their own
(:func:`unique_letters`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QMenu, QWidget
from shiboken6 import isValid


def _in_front(dock: QDockWidget) -> bool:
    """Shown to the coach: open, and not a tab behind another (Qt moves those out of sight)."""
    geo = dock.geometry()
    return dock.isVisible() and (dock.isFloating() or (geo.right() >= 0 and geo.bottom() >= 0))


class EditorKeys(QObject):
    """Gives the buttons' Alt+letters to one of ``docks`` at a time (see the module)."""

    def __init__(self, parent: QObject, docks: Sequence[QDockWidget]):
        super().__init__(parent)
        self.docks = list(docks)
        self.front = [d for d in self.docks if _in_front(d)]  # in front, the latest last
        for dock in self.docks:
            dock.visibilityChanged.connect(lambda on, d=dock: self._shown(d, on))
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus)  # a bound slot: let go with the window
        self.update()

    def _focus(self, _old, _new) -> None:
        self.update()

    def _shown(self, dock: QDockWidget, on: bool) -> None:
        if dock in self.front:
            self.front.remove(dock)
        if on:
            self.front.append(dock)
        self.update()

    def owner(self) -> QDockWidget | None:
        """The editor in use: the one holding the focus, else the one shown last."""
        w: QWidget | None = QApplication.focusWidget()
        while w is not None:
            if w in self.docks and w in self.front:
                return w
            w = w.parentWidget()
        return self.front[-1] if self.front else None

    def update(self) -> None:
        # the window closing: its docks go before this object, and the focus still moves
        self.docks = [d for d in self.docks if isValid(d)]
        self.front = [d for d in self.front if d in self.docks]
        owner = self.owner()
        for dock in self.docks:
            for b in dock.findChildren(QAbstractButton):
                letter = QKeySequence.mnemonic(b.text())
                if letter.isEmpty():
                    continue
                want = letter if dock is owner else QKeySequence()
                if b.shortcut() != want:
                    b.setShortcut(want)


def _letter(text: str) -> str:
    """The letter after a single "&" ("&&" is a literal ampersand), lower case; "" for none."""
    i = 0
    while (i := text.find("&", i)) != -1:
        if text[i + 1:i + 2] == "&":
            i += 2
            continue
        return text[i + 1:i + 2].lower() if text[i + 1:i + 2].isalnum() else ""
    return ""


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text.replace("&&", "\0")).replace("\0", "&&")


def _choices(plain: str) -> list[int]:
    """Where a letter of ``plain`` may go, best first: a word's first letter, then any."""
    ok = [i for i, c in enumerate(plain) if c.isalnum() and (i == 0 or plain[i - 1] != "&")]
    starts = [i for i in ok if i == 0 or not plain[i - 1].isalnum()]
    return starts + [i for i in ok if i not in starts]


def unique_letters(menu: QMenu) -> None:
    """Every item of ``menu`` (and of its submenus) gets an underlined letter of its own: one
    with none (Season ▸ Injuries took eight Downs) or with another item's letter ("&New
    Scenario…" and "Re&name Scenario…": Alt+W N only highlighted Rename) is given a free one,
    moving another item given one here to its next choice when that frees a letter; the first
    item holding a letter keeps it."""
    used: set[str] = set()
    pending: list[QAction] = []
    for a in menu.actions():
        if a.isSeparator():
            continue
        if a.menu() is not None:
            unique_letters(a.menu())
        letter = _letter(a.text())
        if letter and letter not in used:
            used.add(letter)
        else:
            pending.append(a)
    plains = [_plain(a.text()) for a in pending]
    owner: dict[str, int] = {}  # a free letter -> the pending item given it
    at: dict[int, int] = {}  # a pending item -> where its letter is

    def give(k: int, seen: set[str], move: bool) -> bool:  # Kuhn's augmenting path
        for i in _choices(plains[k]):
            c = plains[k][i].lower()
            if c in used or c in seen or (c in owner and not move):
                continue
            seen.add(c)
            if c not in owner or give(owner[c], seen, True):
                owner[c], at[k] = k, i
                return True
        return False

    for k in range(len(pending)):  # a free letter first; else move another item's
        give(k, set(), False) or give(k, set(), True)
    for k, i in at.items():
        pending[k].setText(f"{plains[k][:i]}&{plains[k][i:]}")
