"""Dragging on the season board (issue 14): a competition marker to another day, and the start
of an injured athlete's rehab stage to another day (a stage-start pin).

:class:`BoardDrag` belongs to one :class:`ui.desktop.board.SeasonBoard` and reads its geometry.
The board hands it the viewport's mouse events; a drag shows where the drop would land (a ghost
marker or a line, and a sentence through the board's ``drag_hint`` signal) and a drop is
reported with ``competition_dropped(id, first day)`` or ``stage_dropped(athlete, stage, day)``.
The board never changes the season: the window turns a drop into one edit (one undo step) and
explains a refused drop in the status bar. Escape cancels a drag.

What can be dragged: a competition marker in the header's day row; a stage boundary (the darker
edge where a stage starts) of a planned injured athlete from the planning start on (the past
keeps what happened).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication

from planner.text import day as day_text

EDGE = 3  # px either side of a stage boundary that grab it


@dataclass
class Grab:
    """What the pointer holds: a competition (``comp``) or a stage start (``athlete``,
    ``stage``), grabbed on day ``start``; ``target``: the day under the pointer now."""

    kind: str  # "competition" or "stage"
    start: int
    target: int
    comp: str = ""
    name: str = ""
    athlete: str = ""
    stage: str = ""
    row: int = -1
    active: bool = False  # moved past the drag distance


class BoardDrag:
    def __init__(self, board):
        self.board = board
        self.grab: Grab | None = None
        self._press = QPoint()

    # -- what lies under the pointer ------------------------------------------------------------
    def _day_at_x(self, x: int) -> int | None:
        b = self.board
        if b._tl is None or x < b._name_w:
            return None
        d = (x - b._name_w + b.horizontalScrollBar().value()) // b._cw
        return d if 0 <= d < b._tl.n else None

    def competition_at(self, pos: QPoint) -> Grab | None:
        """A competition marker under ``pos`` (the header's day row)."""
        b = self.board
        if not b._g.y_day <= pos.y() < b._g.y_day + b._g.day_h:
            return None
        d = self._day_at_x(pos.x())
        if d is None:
            return None
        prio = {"A": 0, "B": 1, "C": 2}
        if b._zoom == "week":  # one marker per week: its highest priority, the earliest of those
            days = [i for i in b._tl.weeks[b._tl.week_of[d]].days if b._tl.comp_on[i]]
            if not days:
                return None
            d = min(days, key=lambda i: (min(prio.get(c.priority, 3) for c in b._tl.comp_on[i]), i))
        if not b._tl.comp_on[d]:
            return None
        comp = min(b._tl.comp_on[d], key=lambda c: prio.get(c.priority, 3))
        return Grab("competition", d, d, comp=comp.id, name=comp.name)

    def boundary_at(self, pos: QPoint) -> Grab | None:
        """A stage boundary of a planned injured athlete under ``pos`` (from the planning start)."""
        b = self.board
        if b._tl is None or pos.y() < b._g.header_h or pos.x() < b._name_w:
            return None
        r = (pos.y() - b._g.header_h + b.verticalScrollBar().value()) // b._g.row_h
        if not 0 <= r < len(b._rows):
            return None
        row = b._rows[r]
        if row.stages is None or not row.injured:
            return None
        for a, _end, stage in row.runs:
            if a == 0 or a < b._tl.p0 or stage in ("INJ", ""):
                continue
            if abs(pos.x() - b._x(a)) <= EDGE:
                return Grab("stage", a, a, athlete=row.athlete_id, stage=stage, row=r,
                            name=row.name)
        return None

    def cursor_at(self, pos: QPoint) -> Qt.CursorShape | None:
        if self.competition_at(pos) is not None:
            return Qt.CursorShape.OpenHandCursor
        if self.boundary_at(pos) is not None:
            return Qt.CursorShape.SizeHorCursor
        return None

    # -- the mouse --------------------------------------------------------------------------------
    def press(self, pos: QPoint, button) -> bool:
        """Grab what lies under ``pos`` (True: the board leaves the press alone)."""
        if button != Qt.MouseButton.LeftButton:
            return False
        grab = self.boundary_at(pos) or self.competition_at(pos)
        if grab is None:
            return False
        self.grab = grab
        self._press = QPoint(pos)
        return grab.kind == "stage"  # a marker click still selects its day

    def move(self, pos: QPoint) -> bool:
        """Follow the pointer (True while dragging)."""
        g = self.grab
        b = self.board
        if g is None:
            shape = self.cursor_at(pos)
            if shape is None:
                b.viewport().unsetCursor()
            else:
                b.viewport().setCursor(shape)
            return False
        if not g.active and (pos - self._press).manhattanLength() < QApplication.startDragDistance():
            return True
        g.active = True
        b.viewport().setCursor(Qt.CursorShape.ClosedHandCursor if g.kind == "competition"
                               else Qt.CursorShape.SizeHorCursor)
        x = min(max(pos.x(), b._name_w), b.viewport().width() - 1)
        d = self._day_at_x(x)
        if d is not None and d != g.target:
            g.target = d
            b.drag_hint.emit(self.hint())
        b.viewport().update()
        return True

    def release(self, pos: QPoint) -> bool:
        """Drop (True when a drag ended here)."""
        g, self.grab = self.grab, None
        b = self.board
        b.viewport().unsetCursor()
        if g is None:
            return False
        b.viewport().update()
        if not g.active:
            return g.kind == "stage"
        if g.target == g.start:
            b.drag_hint.emit("")
            return True
        day = b._tl.days[g.target]
        if g.kind == "competition":
            comp = b._season.competition(g.comp)
            first = comp.date + dt.timedelta(days=g.target - g.start) if comp else day
            b.competition_dropped.emit(g.comp, first)
        else:
            b.stage_dropped.emit(g.athlete, g.stage, day)
        return True

    def cancel(self) -> bool:
        if self.grab is None:
            return False
        self.grab = None
        self.board.viewport().unsetCursor()
        self.board.viewport().update()
        self.board.drag_hint.emit("Drag cancelled.")
        return True

    def hint(self) -> str:
        g = self.grab
        b = self.board
        if g is None or b._tl is None:
            return ""
        day = day_text(b._tl.days[g.target])
        if g.kind == "competition":
            return f"Drop to move ‘{g.name}’ to {day} (Esc cancels)"
        what = "back to full training" if g.stage == "FIT" else f"{g.stage} to start"
        return f"Drop to pin {g.name} {what} on {day} (Esc cancels)"

    # -- the preview ------------------------------------------------------------------------------
    def paint(self, p: QPainter) -> None:
        """Where the drop would land: a ghost marker and a line (competition), or the new stage
        edge on the athlete's row (stage)."""
        g = self.grab
        b = self.board
        if g is None or not g.active or b._tl is None:
            return
        th, cw, geom = b.theme(), b._cw, b._g
        x = b._x(g.target)
        vp = b.viewport().rect()
        p.save()
        p.setClipRect(QRect(b._name_w, 0, max(0, vp.width() - b._name_w), vp.height()))
        colour = QColor(th.selection)
        if g.kind == "competition":
            comp = b._season.competition(g.comp)
            size = max(cw, geom.px(13))
            p.setOpacity(0.7)
            p.drawPixmap(int(x + cw / 2 - size / 2), geom.y_day + (geom.day_h - size) // 2,
                         b._marker(comp.priority if comp else "C", size))
            p.setOpacity(1.0)
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            p.drawLine(x + cw // 2, geom.header_h, x + cw // 2, min(vp.height(), b._y(len(b._rows))))
        else:
            y = b._y(g.row)
            p.fillRect(QRect(x - 1, y, 3, geom.row_h), colour)
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            p.drawRect(QRect(x, y, max(cw, 4) * 2, geom.row_h - 1))
        p.restore()
