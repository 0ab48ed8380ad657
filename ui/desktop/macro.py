"""Several ``planner.edits`` edits as one step of Edit ▸ Undo (orange-canvas-core's macros).

:class:`EditGroup` has the two calls :class:`ui.desktop.document.Document` needs of an edit
(``apply`` and ``describe``), so a group goes through ``MainWindow.apply_edit`` like any edit:
one undo step, refused as a whole (the season unchanged) when one of its edits is refused.
It lives only in the app's undo stack; scenarios and files never store it.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.season import Season


class EditGroup:
    """``edits`` applied in order, described as ``text``."""

    def __init__(self, edits: Sequence, text: str):
        self.edits = tuple(edits)
        self.text = text

    def apply(self, season: Season) -> Season:
        for edit in self.edits:
            season = edit.apply(season)
        return season

    def describe(self, season: Season) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"EditGroup({self.text!r}, {len(self.edits)} edits)"
