"""The open document: the current ``planner.Season``, its file path and its undo stack.

Every change goes through :meth:`Document.apply`, which runs a ``planner.edits`` edit and
pushes one :class:`EditCommand` (orange-canvas-core style: one ``QUndoCommand`` per domain
verb); a coach workbook imported over the season, or the file reloaded from disk, is one
:class:`SeasonCommand`. A command stores the document before and after, so undo restores the exact previous
season. "Modified" is derived from the undo stack's clean state. ``disk_stamp`` is the file as
the document last read or wrote it (``ui.desktop.diskstate``): saving compares it with the disk.
``saved_here``: the stamp is of a save this window made (not of a file it read), so another
program's write over it takes the window's season out of the file: not saved any more, when the
season holds changes of the window's own (:meth:`own_changes`: not the season as last read).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.edits import (
    AddScenario,
    AdvanceToday,
    Edit,
    SetPlan,
    SetScenarioEdits,
    SetScenarioPlan,
)
from planner.season import Season
from ui.desktop.diskstate import DiskStamp


def _stores_plan(edit) -> bool:
    """Does ``edit`` store a plan made under the rules it leaves (a solve's, an adopted
    scenario's)?"""
    from planner.edits import AdoptScenario, SetPlan

    return isinstance(edit, SetPlan | AdoptScenario) or getattr(edit, "stores_plan", False) or any(
        _stores_plan(e) for e in getattr(edit, "edits", ()))


class SeasonCommand(QUndoCommand):
    """The whole season swapped for another as one step (a coach workbook imported over the open
    season, the file reloaded from disk): undo gives back the season as it was, redo the other;
    the file stays the same."""

    def __init__(self, document: Document, text: str, before: Season, after: Season):
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.document._set(self.after)

    def undo(self) -> None:
        self.document._set(self.before)


class EditCommand(SeasonCommand):
    """One applied edit: swaps the document between ``before`` and ``after``, named by the edit
    (and merged with the plan that completes it, :meth:`mergeWith`)."""

    def __init__(self, document: Document, edit: Edit, before: Season, after: Season,
                 plan_rules=None, text: str = ""):
        super().__init__(document, text or edit.describe(before), before, after)
        self.edit = edit
        self.plan_rules = plan_rules  # the rules a stored plan was made under, when not after's

    def id(self) -> int:  # noqa: A003 - Qt API: commands that may merge share an id
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """A scenario's plan stored right after the scenario was made or its changes set (its
        re-plan) joins that step, and so does the plan of the re-plan a Move Today starts:
        one Undo takes back the new scenario or the move, as each was one action (the move
        took two Undos, the first taking back only its re-plan)."""
        if not isinstance(other, EditCommand) or other.before is not self.after:
            return False
        scenario = (isinstance(other.edit, SetScenarioPlan)
                    and isinstance(self.edit, AddScenario | SetScenarioEdits)
                    and self.edit.name == other.edit.name)
        replan = isinstance(other.edit, SetPlan) and _is_move(self.edit)
        if not (scenario or replan):
            return False
        self.after = other.after
        if replan and other.plan_rules is not None:
            self.plan_rules = other.plan_rules
        return True


def _is_move(edit) -> bool:
    """Is ``edit`` a Move Today (alone, or with the week's log and flare-ups)?"""
    return isinstance(edit, AdvanceToday) or any(isinstance(e, AdvanceToday)
                                                 for e in getattr(edit, "edits", ()))


class Document(QObject):
    """The season being edited.

    ``changed`` fires after every change of the season (an edit, undo, redo or a new file);
    ``replaced`` fires after :meth:`replace` (a new file: the undo history starts again).
    ``revision`` counts every change; ``file_revision`` counts replacements only.
    """

    changed = Signal()
    replaced = Signal()
    modified_changed = Signal(bool)

    def __init__(self, season: Season, path: str | os.PathLike | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._season = season
        self._path: Path | None = Path(path) if path else None
        self.disk_stamp: DiskStamp | None = DiskStamp.of(path) if path else None
        self.saved_here = False
        self.read_season: Season | None = season if path else None  # as last read from the file
        self.revision = 0
        self.file_revision = 0
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- state ---------------------------------------------------------------------------
    @property
    def season(self) -> Season:
        return self._season

    @property
    def path(self) -> Path | None:
        return self._path

    @path.setter
    def path(self, value: str | os.PathLike | None) -> None:
        self._path = Path(value) if value else None

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def own_changes(self) -> bool:
        """Does the season hold changes made in this window: is it not the season as last read
        from its file (opened or reloaded)? A window that changed nothing, saved or not, has
        none: another program's save over the file takes nothing of this window's out of it."""
        return self.read_season is None or (self._season is not self.read_season
                                            and self._season != self.read_season)

    def set_modified(self, modified: bool) -> None:
        if modified:
            self.undo_stack.resetClean()  # no state of the stack is the saved one
        else:
            self.undo_stack.setClean()
        self.modified_changed.emit(self.modified)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def rules_of_plan(self):
        """The rule settings the stored plan was made under, as far as this session's undo
        history knows: those in force when the last plan was stored (a solve's ``SetPlan`` or
        an adopted scenario, alone or in a group; a solve's result applied after the rules changed
        keeps the rules it was solved under), else those of the season as opened."""
        stack = self.undo_stack
        for i in range(stack.index() - 1, -1, -1):
            cmd = stack.command(i)
            if isinstance(cmd, EditCommand) and _stores_plan(cmd.edit):
                return cmd.plan_rules if cmd.plan_rules is not None else cmd.after.rules
        if stack.index() > 0:
            first = stack.command(0)
            if isinstance(first, EditCommand):
                return first.before.rules
        return self._season.rules

    # -- changes -------------------------------------------------------------------------
    def apply(self, edit: Edit, after: Season | None = None, plan_rules=None,
              text: str = "") -> Season:
        """Apply ``edit`` as one undo step; raises ``planner.errors.InputError`` (nothing changes).

        ``after``: the result of ``edit.apply(season)`` already computed (in a worker thread)
        for exactly the current season. ``plan_rules``: the rule settings the plan ``edit``
        stores was made under, when they are not the season's (:meth:`rules_of_plan`).
        ``text``: the step's name in Edit ▸ Undo, when not the edit's own (what the coach did).
        """
        before = self._season
        if after is None:
            after = edit.apply(before)
        self.undo_stack.push(EditCommand(self, edit, before, after, plan_rules, text))
        return after

    def apply_season(self, season: Season, text: str, saved: Season | None = None) -> None:
        """``season`` in place of the current one as one undo step named ``text`` (the same file:
        an import over it); the history before it stays.

        ``saved``: the season as last saved, which ``season`` was built over because the coach
        discarded the changes on screen. They leave the history (Undo brought the discarded
        changes back): the stack goes back to where the file was saved, or starts again when
        no state of it is the saved one, and Undo gives back ``saved``."""
        if saved is not None:
            with QSignalBlocker(self):  # the discarded states are never shown
                if self.undo_stack.cleanIndex() >= 0:
                    self.undo_stack.setIndex(self.undo_stack.cleanIndex())  # the push drops the rest
                else:
                    self.undo_stack.clear()
                self._season = saved
        self.undo_stack.push(SeasonCommand(self, text, self._season, season))

    def replace(self, season: Season, path: str | os.PathLike | None,
                modified: bool = False, stamp: DiskStamp | None = None) -> None:
        """A new document (opened, created or recovered): the undo history starts again.
        ``stamp``: the file as it was read (default: as it is now)."""
        self.undo_stack.clear()
        self._path = Path(path) if path else None
        self.disk_stamp = stamp or (DiskStamp.of(path) if path else None)
        self.saved_here = False
        self.read_season = season if path and not modified else None  # recovered: changes
        self.file_revision += 1
        self._set(season)
        self.set_modified(modified)
        self.replaced.emit()

    def _set(self, season: Season) -> None:
        self._season = season
        self.revision += 1
        self.changed.emit()
