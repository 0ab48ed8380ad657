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
                 season: Callable[[], object]):
        super().__init__(parent)
        self.season = season  # the document's season now
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
                field.textEdited.connect(lambda _text, f=field: self.typed.add(f))

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
        if event.type() == QEvent.Type.ShortcutOverride and (line := self.lines.get(obj)):
            for key, available in ((QKeySequence.StandardKey.Undo, line.isUndoAvailable),
                                   (QKeySequence.StandardKey.Redo, line.isRedoAvailable)):
                if event.matches(key) and (line not in self.typed or not available()):
                    return True  # left unaccepted: the window's Undo / Redo shortcut takes it
        return False
