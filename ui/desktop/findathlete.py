"""Edit ▸ Find Athlete… (Ctrl+F): a name, an ID or a position typed, the athlete's row shown.

Among 45 rows nothing found a player but scrolling. The dialog lists the athletes that match as
the coach types, in the board's order: an ID typed whole is that athlete alone; a name is read
as the rest of the app reads names (case, accents and spacing aside: ``planner.text.plain_name``),
each word typed the start of a word of the name ("erik b" is Erik Berger and Erik Brandt); a
position as the board groups them ("DF", "defender"). Up and Down choose among several, Enter
selects the athlete's row on the board (scrolled into view, the Inspector showing him).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from planner.season import Athlete, Season
from planner.squad import display_order, position_key, short_position
from planner.text import name_key, plain_name, plural


def _name_matches(words: list[str], name: str) -> bool:
    """Each typed word begins a word of ``name`` (in the order typed, each word used once)."""
    parts = plain_name(name).split()
    i = 0
    for w in words:
        while i < len(parts) and not parts[i].startswith(w):
            i += 1
        if i == len(parts):
            return False
        i += 1
    return True


def matching(season: Season | None, text: str) -> list[Athlete]:
    """The athletes ``text`` names, in the board's order: the one whose ID it is, else those
    whose name it begins (word by word), whose position it is, or whose ID it begins."""
    if season is None:
        return []
    squad = display_order(season)
    key = name_key(text)
    if not key:
        return squad
    exact = [a for a in squad if name_key(a.id) == key]
    if exact:
        return exact
    words = plain_name(key).split()
    position = position_key(key)
    return [a for a in squad if _name_matches(words, a.name)
            or (a.position and position_key(a.position) == position)
            or plain_name(a.id).startswith(plain_name(key))]


def label(a: Athlete) -> str:
    """An athlete as the list shows him: ``Erik Berger (P012) · DF``."""
    pos = short_position(a.position)
    return a.label + (f" · {pos}" if pos else "")


class FindAthleteDialog(QDialog):
    """The typed text, the athletes it matches, and what Enter does (see the module)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Find Athlete")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Name, ID or position (GK, DF, MF, FW)")
        self.field.setAccessibleName("Athlete to find")
        self.found = QListWidget()
        self.found.setAccessibleName("Athletes found")
        self.found.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 28))
        self.note = QLabel()
        self.note.setAccessibleName("What was found")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.show_button = self.buttons.addButton("Show", QDialogButtonBox.ButtonRole.AcceptRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.field)
        lay.addWidget(self.note)
        lay.addWidget(self.found, 1)
        lay.addWidget(self.buttons)
        self.field.textChanged.connect(self._refresh)
        self.field.installEventFilter(self)
        self.found.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._refresh("")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Up and Down in the field move through the athletes found (the text keeps the focus)."""
        if obj is self.field and event.type() == event.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.found.keyPressEvent(event)
            return True
        return super().eventFilter(obj, event)

    def _refresh(self, text: str) -> None:
        hits = matching(self.window.season, text)
        self.found.clear()
        for a in hits:
            item = QListWidgetItem(label(a))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.found.addItem(item)
        if hits:
            self.found.setCurrentRow(0)
        self.show_button.setEnabled(bool(hits))
        typed = " ".join(text.split())
        if not typed:
            self.note.setText("Type a name, an ID or a position.")
        elif not hits:
            self.note.setText(f"No athlete's name, ID or position matches '{typed}': check the "
                              f"spelling, or type less of it (the start of a name).")
        elif len(hits) > 1:
            self.note.setText(f"{plural(len(hits), 'athlete')} match '{typed}': choose with ↑ ↓, "
                              f"then Enter.")
        else:
            self.note.setText("Enter shows the athlete on the board.")

    def chosen(self) -> str | None:
        """The ID of the athlete highlighted in the list (None when nothing matches)."""
        item = self.found.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def accept(self) -> None:
        aid = self.chosen()
        if aid is None:  # nothing matches: the note says so, the dialog stays
            return
        super().accept()
        self.window.select_athlete(aid)  # scrolled to his row; the Inspector follows the board
        self.window.board.setFocus()
        self.window.show_inspector()


def find_athlete(window) -> FindAthleteDialog:
    """Open the dialog (window-modal: the window goes on drawing, the dialog has the keys)."""
    dialog = FindAthleteDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.field.setFocus()
    return dialog
