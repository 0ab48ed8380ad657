"""Ctrl+Z in an editor's field: the typing in it, else the season's last step.

A line edit takes Ctrl+Z for itself whatever it holds, so after Add (the cursor still in the
form) Ctrl+Z emptied the field just typed and left the block added: an undo of the wrong thing.
A field answers Ctrl+Z (and Redo) only for what was typed in it since an editor last changed
the season and while it has that to undo; otherwise the keys reach Edit ▸ Undo and Redo. (A
solve applied while the coach types changes the season too, but not what he typed: his Ctrl+Z
still undoes his typing.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDockWidget, QLineEdit, QWidget


class EditorUndo(QObject):
    """Gives Ctrl+Z back to Edit ▸ Undo in the fields of ``docks`` (see the module)."""

    def __init__(self, parent: QObject, docks: Sequence[QDockWidget],
                 season: Callable[[], object], can_redo: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self.season = season  # the document's season now
        self.can_redo = can_redo  # Edit ▸ Redo has a season step to redo
        # the Ctrl+Z steps taken in the fields, the last last: the field whose typing was
        # undone, or None for a season step; Redo walks them back in reverse
        self._walk: list[QLineEdit | None] = []
        self._before: object = None
        self.typed: set[QLineEdit] = set()  # typed in since an editor last changed the season
        # the widget the keys reach, and its text: an editable combo box or a spin box takes
        # the shortcut keys itself and hands them to its line edit past any filter on it
        self.lines: dict[QWidget, QLineEdit] = {}
        for dock in docks:
            for field in dock.findChildren(QLineEdit):
                parent = field.parentWidget()
                owner = parent if isinstance(parent, (QComboBox, QAbstractSpinBox)) else field
                owner.installEventFilter(self)
                self.lines[owner] = field
                field.textEdited.connect(lambda _text, f=field: self._typing(f))

    def _typing(self, field: QLineEdit) -> None:
        self.typed.add(field)
        self._walk.clear()  # typed anew: nothing of the walk is redone any more

    def before(self, _edit=None) -> None:
        """An editor asks for a change: the season before it."""
        self._before = self.season()

    def after(self, _edit=None, editor: QWidget | None = None) -> None:
        """Made (not refused): what was typed for it (in ``editor``'s fields, else in every
        editor's) is no field's to undo any more; another editor's typing stays its own."""
        if self.season() is not self._before:
            self.forget(editor)
        self._before = None

    def forget(self, editor: QWidget | None = None) -> None:
        if editor is None:
            self.typed.clear()
        else:
            self.typed = {f for f in self.typed if not editor.isAncestorOf(f)}

    def unapplied(self) -> list[str]:
        """The fields still showing typing not applied (their accessible names), for the
        coach to be told when a season step is undone under them."""
        return sorted({f.accessibleName() or "a field" for f in self.typed
                       if f.isUndoAvailable() and f.isVisibleTo(f.window())})

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """True leaves the key unaccepted: the window's Undo / Redo shortcut takes it. Redo
        mirrors Undo: after Ctrl+Z walked from the typing back to the record and on to a
        season step, Redo redoes that season step first, then the field's typing."""
        if event.type() != QEvent.Type.ShortcutOverride or not (line := self.lines.get(obj)):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            own = line in self.typed and line.isUndoAvailable()
            self._walk.append(line if own else None)
            return not own
        if event.matches(QKeySequence.StandardKey.Redo):
            if self._walk and self._walk[-1] is None and self.can_redo():
                self._walk.pop()
                return True  # the season step undone last
            own = line in self.typed and line.isRedoAvailable()
            if own and self._walk and self._walk[-1] is line:
                self._walk.pop()
            return not own
        return False
