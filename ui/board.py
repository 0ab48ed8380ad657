"""The season board: athletes as rows, the days of the season as columns, grouped by week.

A read-only, custom-painted view (``QAbstractScrollArea``): only the visible rows and columns
are painted, so a full squad over a full season stays fast. The left column (athlete names) and
the header rows (months, weeks, blocks, team week kinds, days and competitions) stay in place
while the grid scrolls.

Every colour has a second cue, so the board reads without colour: rehab stages carry their
name at the start of each stretch, intensity is a glyph whose size grows with the level
(dot, triangle, star), priorities carry their letter and unavailable days are hatched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from planner.season import Season
from planner.timeline import Timeline

# -- geometry --------------------------------------------------------------------------------
CELL_W = 14
ROW_H = 20
MONTH_H = 16
WEEK_H = 16
BLOCK_H = 14
KIND_H = 14
DAY_H = 18
HEADER_H = MONTH_H + WEEK_H + BLOCK_H + KIND_H + DAY_H
NAME_MIN, NAME_MAX = 150, 240
BAND_H = 3  # the athlete's own week kind, at the foot of the row

# -- colours ---------------------------------------------------------------------------------
STAGE_COLOURS = {
    "INJ": QColor("#6b6b6b"),
    "P1": QColor("#f2a0a0"),
    "P2": QColor("#f7c38a"),
    "P3": QColor("#f3df74"),
    "S1": QColor("#cfeab8"),
    "S2": QColor("#97cf87"),
    "S3": QColor("#86cdc4"),
}
STAGE_TEXT = {"INJ": QColor("#ffffff")}
STAGE_NAMES = {
    "INJ": "injured (no training)",
    "P1": "P1 rehab",
    "P2": "P2 rehab",
    "P3": "P3 rehab",
    "S1": "S1 return to sport",
    "S2": "S2 return to sport",
    "S3": "S3 return to sport",
    "FIT": "fit",
}
WEEK_TINT = {"deload": QColor("#dbe9f8"), "taper": QColor("#fbe6b8")}
WEEK_BAND = {"load": QColor("#9a9a9a"), "deload": QColor("#5b9bd8"), "taper": QColor("#e6a42a")}
PRIORITY_COLOURS = {"A": QColor("#d32f2f"), "B": QColor("#ef7d00"), "C": QColor("#8c8c8c")}
INTENSITY_COLOURS = {
    60: QColor("#8aa4c4"),
    70: QColor("#5f82ad"),
    80: QColor("#325f97"),
    90: QColor("#1f437c"),
    95: QColor("#142f5e"),
    100: QColor("#0b1a3a"),
}
LINE = QColor("#e3e3e3")
WEEK_LINE = QColor("#9e9e9e")
MONTH_LINE = QColor("#5e5e5e")
NON_TRAINING = QColor(238, 238, 238, 140)  # Sundays and days off, under the cells
HEADER_BG = QColor("#f7f7f7")
NAMES_BG = QColor("#fbfbfb")
HATCH = QBrush(QColor(60, 60, 60, 150), Qt.BrushStyle.BDiagPattern)
INJURED_MARK = QColor("#c62828")

POSITION_ORDER = {"goalkeeper": 0, "defender": 1, "midfielder": 2, "forward": 3}
POSITION_SHORT = {"goalkeeper": "GK", "defender": "DF", "midfielder": "MF", "forward": "FW"}
WEEKDAY_LETTERS = "MTWTFSS"


def _intensity_path(level: int) -> QPainterPath | None:
    """The glyph of an intensity level, centred on (0, 0)."""
    path = QPainterPath()
    if level <= 0:
        return None
    if level < 70:
        path.addEllipse(QPointF(0, 0), 1.8, 1.8)
    elif level < 80:
        path.addEllipse(QPointF(0, 0), 2.8, 2.8)
    elif level < 100:
        half, h = {80: (3.2, 5.5), 90: (4.5, 7.5), 95: (5.5, 9.0)}.get(level, (4.5, 7.5))
        path.addPolygon(QPolygonF([QPointF(-half, h / 2), QPointF(half, h / 2), QPointF(0, -h / 2)]))
        path.closeSubpath()
    else:
        import math

        pts = []
        for k in range(10):
            r = 6.3 if k % 2 == 0 else 2.6
            a = -math.pi / 2 + k * math.pi / 5
            pts.append(QPointF(r * math.cos(a), r * math.sin(a) + 0.6))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    return path


GLYPHS: dict[int, QPainterPath | None] = {lv: _intensity_path(lv) for lv in (0, 60, 70, 80, 90, 95, 100)}


def glyph_for(level: int) -> QPainterPath | None:
    if level in GLYPHS:
        return GLYPHS[level]
    return _intensity_path(level)


def intensity_colour(level: int) -> QColor:
    best = 60
    for lv in INTENSITY_COLOURS:
        if lv <= level:
            best = lv
    return INTENSITY_COLOURS[best]


def draw_glyph(painter: QPainter, level: int, cx: float, cy: float) -> None:
    path = glyph_for(level)
    if path is None:
        return
    painter.save()
    painter.translate(cx, cy)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(intensity_colour(level))
    painter.drawPath(path)
    painter.restore()


def draw_priority(painter: QPainter, rect: QRectF, priority: str, font: QFont) -> None:
    """A priority marker: a coloured disc with the white priority letter."""
    d = min(rect.width(), rect.height()) - 2
    disc = QRectF(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PRIORITY_COLOURS.get(priority, PRIORITY_COLOURS["C"]))
    painter.drawEllipse(disc)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, priority)


def _position_rank(position: str) -> int:
    return POSITION_ORDER.get(position.strip().lower(), len(POSITION_ORDER))


def _short_position(position: str) -> str:
    p = position.strip()
    return POSITION_SHORT.get(p.lower(), p[:3])


@dataclass(frozen=True)
class _Row:
    athlete_id: str
    name: str
    position: str
    injured: bool
    stages: tuple[str, ...] | None  # per day, from the plan
    intensity: tuple[int, ...] | None
    weeks: tuple[str, ...] | None  # the athlete's own week kinds
    runs: tuple[tuple[int, int, str], ...]  # (first day, last day, stage) stretches
    unavailable: tuple[tuple[int, int], ...]


def _runs(values: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((start, i - 1, values[start]))
            start = i
    return tuple(out)


def _spans(days: set[int]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for d in sorted(days):
        if out and out[-1][1] == d - 1:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return tuple(out)


class SeasonBoard(QAbstractScrollArea):
    """The read-only season board. ``set_season`` shows a season (with or without a plan)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Season board")
        self.setAccessibleDescription(
            "Athletes as rows and the days of the season as columns: rehab stages, planned "
            "intensity, deload and taper weeks and competitions. Hover a cell for details."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)

        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() * 0.85))
        self._small = QFont(self._font)
        self._small.setPointSizeF(max(6.5, self._font.pointSizeF() * 0.85))
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._marker_font = QFont(self._small)
        self._marker_font.setBold(True)

        self._season: Season | None = None
        self._tl: Timeline | None = None
        self._rows: list[_Row] = []
        self._team_weeks: tuple[str, ...] | None = None
        self._name_w = NAME_MIN
        self._signature = ""
        self._non_training_reason: dict[int, str] = {}
        self._update_scrollbars()

    # -- public ----------------------------------------------------------------------------
    def season(self) -> Season | None:
        return self._season

    def set_season(self, season: Season | None) -> None:
        """Show ``season``: its calendar and competitions, and its plan when it has one."""
        self._season = season
        self._tl = Timeline(season) if season is not None else None
        self._rows = self._build_rows() if season is not None else []
        self._team_weeks = None
        if season is not None and season.plan is not None and self._tl is not None:
            if len(season.plan.team_weeks) == len(self._tl.weeks):
                self._team_weeks = tuple(season.plan.team_weeks)
        self._non_training_reason = {}
        if season is not None and self._tl is not None:
            for nt in season.calendar.non_training_days:
                i = self._tl.index(nt.date)
                if i is not None:
                    self._non_training_reason[i] = nt.reason or "non-training day"
        self._name_w = self._measure_names()
        self._signature = self._compute_signature()
        self._update_scrollbars()
        self.viewport().update()

    def content_signature(self) -> str:
        """A short hash of what the board shows (athlete order, stages, intensity, week kinds)."""
        return self._signature

    def cell_at(self, pos: QPoint) -> tuple[str, dt.date] | None:
        """The (athlete id, date) under a viewport position, or None outside the grid."""
        hit = self._grid_hit(pos)
        if hit is None:
            return None
        row, day = hit
        assert self._tl is not None
        return self._rows[row].athlete_id, self._tl.days[day]

    def athlete_order(self) -> list[str]:
        return [r.athlete_id for r in self._rows]

    def scroll_to_date(self, day: dt.date) -> None:
        if self._tl is None:
            return
        i = self._tl.clamp_index(day)
        self.horizontalScrollBar().setValue(i * CELL_W)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1000, 600)

    # -- model -------------------------------------------------------------------------------
    def _build_rows(self) -> list[_Row]:
        season, tl = self._season, self._tl
        assert season is not None and tl is not None
        injured = {i.athlete for i in season.injuries}
        plan = season.plan
        rows = []
        for a in season.athletes:
            stages = intensity = weeks = None
            ap = plan.for_athlete(a.id) if plan is not None else None
            if ap is not None:
                if len(ap.stages) == tl.n:
                    stages = tuple(ap.stages)
                if len(ap.intensity) == tl.n:
                    intensity = tuple(ap.intensity)
                if len(ap.weeks) == len(tl.weeks):
                    weeks = tuple(ap.weeks)
            rows.append(_Row(
                athlete_id=a.id,
                name=a.name,
                position=a.position,
                injured=a.id in injured,
                stages=stages,
                intensity=intensity,
                weeks=weeks,
                runs=_runs(stages) if stages else (),
                unavailable=_spans(tl.unavailable(a.id)),
            ))
        rows.sort(key=lambda r: (not r.injured, _position_rank(r.position), r.athlete_id))
        return rows

    def _measure_names(self) -> int:
        fm = QFontMetrics(self._font)
        widest = max((fm.horizontalAdvance(r.name) for r in self._rows), default=0)
        return max(NAME_MIN, min(NAME_MAX, widest + 22 + 8 + fm.horizontalAdvance("MMM")))

    def _compute_signature(self) -> str:
        h = hashlib.blake2b(digest_size=12)
        if self._season is not None and self._tl is not None:
            h.update(f"{self._tl.start}:{self._tl.n}".encode())
            h.update(repr(self._team_weeks).encode())
            for r in self._rows:
                h.update(repr((r.athlete_id, r.stages, r.intensity, r.weeks)).encode())
            h.update(repr([(c.id, c.date, c.priority) for c in self._season.competitions]).encode())
        return h.hexdigest()

    # -- geometry ----------------------------------------------------------------------------
    def _content_size(self) -> tuple[int, int]:
        n = self._tl.n if self._tl else 0
        return n * CELL_W, len(self._rows) * ROW_H

    def _grid_rect(self) -> QRect:
        vp = self.viewport().rect()
        return QRect(self._name_w, HEADER_H, max(0, vp.width() - self._name_w),
                     max(0, vp.height() - HEADER_H))

    def _update_scrollbars(self) -> None:
        cw, ch = self._content_size()
        g = self._grid_rect()
        hb, vb = self.horizontalScrollBar(), self.verticalScrollBar()
        hb.setRange(0, max(0, cw - g.width()))
        hb.setPageStep(max(CELL_W, g.width()))
        hb.setSingleStep(CELL_W)
        vb.setRange(0, max(0, ch - g.height()))
        vb.setPageStep(max(ROW_H, g.height()))
        vb.setSingleStep(ROW_H)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt API
        self.viewport().update()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Shift+wheel, or a board with nothing to scroll vertically, scrolls through the season.
        d = event.angleDelta()
        if d.x() == 0 and (event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                           or self.verticalScrollBar().maximum() == 0):
            hb = self.horizontalScrollBar()
            hb.setValue(hb.value() - int(d.y() / 120 * CELL_W * 7))
            event.accept()
            return
        super().wheelEvent(event)

    def _grid_hit(self, pos: QPoint) -> tuple[int, int] | None:
        if self._tl is None:
            return None
        g = self._grid_rect()
        if not g.contains(pos):
            return None
        x = pos.x() - g.left() + self.horizontalScrollBar().value()
        y = pos.y() - g.top() + self.verticalScrollBar().value()
        day, row = x // CELL_W, y // ROW_H
        if 0 <= day < self._tl.n and 0 <= row < len(self._rows):
            return row, day
        return None

    def _visible(self) -> tuple[int, int, int, int]:
        """First and last visible day and row (inclusive; last < first when none)."""
        g = self._grid_rect()
        x0, y0 = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        n = self._tl.n if self._tl else 0
        d0 = max(0, x0 // CELL_W)
        d1 = min(n - 1, (x0 + g.width()) // CELL_W)
        r0 = max(0, y0 // ROW_H)
        r1 = min(len(self._rows) - 1, (y0 + g.height()) // ROW_H)
        return d0, d1, r0, r1

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self.viewport())
        try:
            vp = self.viewport().rect()
            p.fillRect(vp, self.palette().color(QPalette.ColorRole.Base))
            if self._tl is None:
                p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                p.drawText(vp, Qt.AlignmentFlag.AlignCenter, "No season open")
                return
            self._paint_grid(p)
            self._paint_header(p)
            self._paint_names(p)
            self._paint_corner(p)
        finally:
            p.end()

    def _x(self, day: int) -> int:
        return self._name_w + day * CELL_W - self.horizontalScrollBar().value()

    def _y(self, row: int) -> int:
        return HEADER_H + row * ROW_H - self.verticalScrollBar().value()

    def _paint_grid(self, p: QPainter) -> None:
        tl = self._tl
        assert tl is not None
        g = self._grid_rect()
        d0, d1, r0, r1 = self._visible()
        if d1 < d0:
            return
        p.save()
        p.setClipRect(g)
        rows_bottom = min(g.bottom() + 1, self._y(len(self._rows)))
        col_h = max(0, rows_bottom - g.top())

        # Columns: team week kind tint and non-training days (under every row).
        if self._team_weeks:
            for w in range(tl.week_of[d0], tl.week_of[d1] + 1):
                tint = WEEK_TINT.get(self._team_weeks[w])
                if tint is not None:
                    wk = tl.weeks[w]
                    x = self._x(wk.first)
                    p.fillRect(QRect(x, g.top(), (wk.last - wk.first + 1) * CELL_W, col_h), tint)
        for d in range(d0, d1 + 1):
            if not tl.is_training[d] and not tl.is_comp[d]:
                p.fillRect(QRect(self._x(d), g.top(), CELL_W, col_h), NON_TRAINING)

        # Rows: rehab stage stretches and unavailable hatching.
        p.setFont(self._small)
        for r in range(r0, r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            for a, b, stage in row.runs:
                if b < d0 or a > d1:
                    continue
                colour = STAGE_COLOURS.get(stage)
                if colour is None:
                    continue
                rect = QRect(self._x(a), y, (b - a + 1) * CELL_W, ROW_H)
                p.fillRect(rect, colour)
            for a, b in row.unavailable:
                if b < d0 or a > d1:
                    continue
                rect = QRect(self._x(a), y + 1, (b - a + 1) * CELL_W, ROW_H - 2)
                p.fillRect(rect, HATCH)

        # Grid lines: light between days, darker between weeks, darkest between months.
        right = min(g.right(), self._x(tl.n))
        p.setPen(QPen(LINE, 1))
        for r in range(r0, r1 + 2):
            y = self._y(r)
            p.drawLine(g.left(), y, right, y)
        bottom = g.top() + col_h
        for d in range(d0, min(d1 + 1, tl.n - 1) + 1):
            x = self._x(d)
            if tl.days[d].day == 1 and d > 0:
                p.setPen(QPen(MONTH_LINE, 1))
            elif self._is_week_start(d):
                p.setPen(QPen(WEEK_LINE, 1))
            else:
                p.setPen(QPen(LINE, 1))
            p.drawLine(x, g.top(), x, bottom)
        p.setPen(QPen(WEEK_LINE, 1))
        p.drawLine(self._x(tl.n), g.top(), self._x(tl.n), bottom)

        # Over the lines: where a stage starts (a darker edge), and the athlete's own week kind
        # as a band at the foot of the row where it differs from the team's.
        for r in range(r0, r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            for a, _b, stage in row.runs:
                if a == 0 or a < d0 or a > d1:
                    continue
                colour = STAGE_COLOURS.get(stage, STAGE_COLOURS.get(row.runs[0][2]))
                edge = (colour or QColor("#9e9e9e")).darker(150)
                p.fillRect(QRect(self._x(a), y + 1, 2, ROW_H - 1), edge)
            if row.weeks and self._team_weeks:
                for w in range(tl.week_of[d0], tl.week_of[d1] + 1):
                    own = row.weeks[w]
                    if own != self._team_weeks[w]:
                        wk = tl.weeks[w]
                        p.fillRect(QRect(self._x(wk.first) + 2, y + ROW_H - BAND_H - 1,
                                         (wk.last - wk.first + 1) * CELL_W - 3, BAND_H),
                                   WEEK_BAND[own])

        # Stage names where a stretch has room (two days without a glyph), then the glyphs.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = QFontMetrics(self._small)
        for r in range(r0, r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            for a, b, stage in row.runs:
                if b < d0 or a > d1 or stage == "FIT":
                    continue
                cells = (fm.horizontalAdvance(stage) + 3 + CELL_W - 1) // CELL_W
                spot = self._label_spot(row, max(a, d0), min(b, d1), cells)
                if spot is not None:
                    p.setPen(STAGE_TEXT.get(stage, QColor("#3a3a3a")))
                    p.drawText(QRect(self._x(spot), y, cells * CELL_W + 1, ROW_H - BAND_H),
                               Qt.AlignmentFlag.AlignCenter, stage)
            if row.intensity is None:
                continue
            cy = y + (ROW_H - BAND_H) / 2 + 0.5
            for d in range(d0, d1 + 1):
                lv = row.intensity[d]
                if lv > 0:
                    draw_glyph(p, lv, self._x(d) + CELL_W / 2, cy)
        p.restore()

    @staticmethod
    def _label_spot(row: _Row, a: int, b: int, cells: int) -> int | None:
        """The first day in [a, b] that starts ``cells`` days without a glyph, or None."""
        if row.intensity is None:
            return a if b - a + 1 >= cells else None
        free = 0
        for d in range(a, b + 1):
            free = free + 1 if row.intensity[d] <= 0 else 0
            if free == cells:
                return d - cells + 1
        return None

    def _is_week_start(self, d: int) -> bool:
        tl = self._tl
        assert tl is not None
        return d == 0 or tl.week_of[d] != tl.week_of[d - 1]

    def _paint_header(self, p: QPainter) -> None:
        tl = self._tl
        assert tl is not None
        vp = self.viewport().rect()
        area = QRect(self._name_w, 0, max(0, vp.width() - self._name_w), HEADER_H)
        d0, d1, _, _ = self._visible()
        p.save()
        p.setClipRect(area)
        p.fillRect(area, HEADER_BG)
        if d1 < d0:
            p.restore()
            return
        y_month, y_week = 0, MONTH_H
        y_block = y_week + WEEK_H
        y_kind = y_block + BLOCK_H
        y_day = y_kind + KIND_H
        right_edge = self._x(tl.n)

        # Months.
        p.setFont(self._bold)
        start = d0
        while start <= d1:
            day = tl.days[start]
            nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            end = min(tl.n - 1, start + (nxt - day).days - 1)
            x0, x1 = self._x(start), self._x(end + 1)
            p.setPen(QPen(MONTH_LINE, 1))
            p.drawLine(x0, y_month, x0, y_month + MONTH_H)
            p.setPen(QColor("#202020"))
            label_x = max(x0, self._name_w) + 4
            p.drawText(QRect(label_x, y_month, max(0, x1 - label_x - 2), MONTH_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       day.strftime("%B %Y"))
            start = end + 1

        # Weeks, blocks and team week kinds.
        p.setFont(self._small)
        fm = QFontMetrics(self._small)
        for w in range(tl.week_of[d0], tl.week_of[d1] + 1):
            wk = tl.weeks[w]
            x0, x1 = self._x(wk.first), self._x(wk.last + 1)
            kind = self._team_weeks[w] if self._team_weeks else None
            tint = WEEK_TINT.get(kind) if kind else None
            if tint is not None:
                p.fillRect(QRect(x0, y_kind, x1 - x0, KIND_H), tint)
                p.fillRect(QRect(x0, y_kind + KIND_H - 3, x1 - x0, 3), WEEK_BAND[kind])
            p.setPen(QPen(WEEK_LINE, 1))
            p.drawLine(x0, y_week, x0, HEADER_H)
            p.setPen(QColor("#303030"))
            first = tl.days[wk.first]
            lx = max(x0, self._name_w)  # a week cut by the left edge keeps its label in view
            room = x1 - lx - 4
            text = f"W{w + 1}  {first.day} {first.strftime('%b')}"
            if fm.horizontalAdvance(text) > room:
                text = f"W{w + 1}"
            p.drawText(QRect(lx + 3, y_week, max(0, room), WEEK_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            if kind in ("deload", "taper"):
                p.setPen(QColor("#2b2b2b"))
                p.drawText(QRect(lx + 3, y_kind, max(0, room), KIND_H - 2),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           fm.elidedText(kind, Qt.TextElideMode.ElideRight, max(0, room)))
        season = self._season
        assert season is not None
        for blk in season.blocks:
            a, b = tl.index(blk.start), tl.index(blk.end)
            if a is None or b is None or b < d0 or a > d1:
                continue
            x0, x1 = self._x(a), self._x(b + 1)
            rect = QRect(x0 + 1, y_block + 1, x1 - x0 - 2, BLOCK_H - 2)
            p.fillRect(rect, QColor("#e4e0f0"))
            p.setPen(QColor("#b7aed6"))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            p.setPen(QColor("#3b3163"))
            label_x = max(x0, self._name_w) + 4
            p.drawText(QRect(label_x, y_block, max(0, x1 - label_x - 3), BLOCK_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(blk.name + (f" · {blk.emphasis}" if blk.emphasis else ""),
                                     Qt.TextElideMode.ElideRight, max(0, x1 - label_x - 3)))

        # Days: weekday letters, or a priority marker on a competition day.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for d in range(d0, d1 + 1):
            x = self._x(d)
            rect = QRectF(x, y_day, CELL_W, DAY_H)
            prio = tl.best_priority(d)
            if prio is not None:
                draw_priority(p, rect, prio, self._marker_font)
            else:
                p.setFont(self._small)
                p.setPen(QColor("#9a9a9a") if not tl.is_training[d] else QColor("#555555"))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, WEEKDAY_LETTERS[tl.days[d].weekday()])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(QPen(QColor("#bdbdbd"), 1))
        for y in (y_week, y_block, y_kind, y_day):
            p.drawLine(area.left(), y, min(area.right(), right_edge), y)
        p.setPen(QPen(MONTH_LINE, 1))
        p.drawLine(area.left(), HEADER_H - 1, area.right(), HEADER_H - 1)
        p.restore()

    def _paint_names(self, p: QPainter) -> None:
        vp = self.viewport().rect()
        area = QRect(0, HEADER_H, self._name_w, max(0, vp.height() - HEADER_H))
        _, _, r0, r1 = self._visible()
        p.save()
        p.setClipRect(area)
        p.fillRect(area, NAMES_BG)
        fm = QFontMetrics(self._font)
        for r in range(r0, r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            p.setPen(QPen(LINE, 1))
            p.drawLine(0, y + ROW_H, self._name_w, y + ROW_H)
            if row.injured:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(INJURED_MARK)
                cx, cy = 9, y + ROW_H / 2
                p.drawRect(QRectF(cx - 4.5, cy - 1.5, 9, 3))
                p.drawRect(QRectF(cx - 1.5, cy - 4.5, 3, 9))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pos = _short_position(row.position)
            pos_w = fm.horizontalAdvance("MMM")
            p.setFont(self._font)
            p.setPen(QColor("#1c1c1c"))
            name_rect = QRect(20, y, self._name_w - 20 - pos_w - 8, ROW_H)
            p.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(row.name, Qt.TextElideMode.ElideRight, name_rect.width()))
            p.setPen(QColor("#7a7a7a"))
            p.drawText(QRect(self._name_w - pos_w - 6, y, pos_w, ROW_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, pos)
        # A rule under the injured group.
        n_injured = sum(1 for r in self._rows if r.injured)
        if 0 < n_injured < len(self._rows):
            y = self._y(n_injured)
            p.setPen(QPen(QColor("#9e9e9e"), 1))
            p.drawLine(0, y, vp.width(), y)
        p.setPen(QPen(MONTH_LINE, 1))
        p.drawLine(self._name_w - 1, HEADER_H, self._name_w - 1, area.bottom())
        p.restore()
        if 0 < n_injured < len(self._rows):
            # Continue the rule across the grid.
            y = self._y(n_injured)
            if HEADER_H <= y <= vp.height():
                p.setPen(QPen(QColor("#9e9e9e"), 1))
                p.drawLine(self._name_w, y, min(vp.width(), self._x(self._tl.n)), y)

    def _paint_corner(self, p: QPainter) -> None:
        rect = QRect(0, 0, self._name_w, HEADER_H)
        p.fillRect(rect, HEADER_BG)
        p.setFont(self._small)
        p.setPen(QColor("#6b6b6b"))
        labels = (("", MONTH_H), ("week", WEEK_H), ("block", BLOCK_H), ("team week", KIND_H),
                  ("day · match", DAY_H))
        y = 0
        for text, h in labels:
            if text:
                p.drawText(QRect(4, y, self._name_w - 10, h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            y += h
        if self._season is not None:
            p.setFont(self._bold)
            p.setPen(QColor("#202020"))
            fm = QFontMetrics(self._bold)
            p.drawText(QRect(6, 0, self._name_w - 10, MONTH_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText("Athletes", Qt.TextElideMode.ElideRight, self._name_w - 10))
        p.setPen(QPen(MONTH_LINE, 1))
        p.drawLine(0, HEADER_H - 1, self._name_w - 1, HEADER_H - 1)
        p.drawLine(self._name_w - 1, 0, self._name_w - 1, HEADER_H - 1)

    # -- tooltips ----------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            text = self.tooltip_at(pos)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip text for a viewport position (empty where there is nothing to say)."""
        tl, season = self._tl, self._season
        if tl is None or season is None:
            return ""
        hit = self._grid_hit(pos)
        if hit is not None:
            return self._cell_tooltip(*hit)
        g = self._grid_rect()
        if pos.y() < HEADER_H and pos.x() >= self._name_w:
            x = pos.x() - g.left() + self.horizontalScrollBar().value()
            d = x // CELL_W
            if 0 <= d < tl.n:
                return self._day_tooltip(d, pos.y())
        if pos.x() < self._name_w and pos.y() >= HEADER_H:
            r = (pos.y() - HEADER_H + self.verticalScrollBar().value()) // ROW_H
            if 0 <= r < len(self._rows):
                return self._athlete_tooltip(self._rows[r])
        return ""

    def _week_text(self, w: int) -> str:
        tl = self._tl
        assert tl is not None
        wk = tl.weeks[w]
        a, b = tl.days[wk.first], tl.days[wk.last]
        text = f"Week {w + 1}: {a.day} {a.strftime('%b')} – {b.day} {b.strftime('%b %Y')}"
        if self._team_weeks:
            text += f" · team week: {self._team_weeks[w]}"
        return text

    def _day_tooltip(self, d: int, y: int) -> str:
        tl = self._tl
        assert tl is not None and self._season is not None
        day = tl.days[d]
        lines = [day.strftime("%a %d %b %Y").replace(" 0", " "), self._week_text(tl.week_of[d])]
        for blk in self._season.blocks:
            if blk.start <= day <= blk.end:
                lines.append(f"Block: {blk.name}" + (f" ({blk.emphasis})" if blk.emphasis else ""))
        label = tl.label(d)
        if label:
            lines.append(label)
        for c in tl.comp_on[d]:
            lines.append(f"{c.name} — priority {c.priority}")
        if d in self._non_training_reason:
            lines.append(f"No training: {self._non_training_reason[d]}")
        elif not tl.is_training[d] and not tl.is_comp[d]:
            lines.append("No training")
        return "\n".join(lines)

    def _cell_tooltip(self, r: int, d: int) -> str:
        tl, season = self._tl, self._season
        assert tl is not None and season is not None
        row = self._rows[r]
        day = tl.days[d]
        head = f"{row.name} ({row.athlete_id})" + (f" · {row.position}" if row.position else "")
        when = day.strftime("%a %d %b %Y").replace(" 0", " ")
        label = tl.label(d)
        if label:
            when += f" · {label}"
        lines = [head, when]
        for c in tl.comp_on[d]:
            lines.append(f"{c.name} — priority {c.priority}")
        if d in self._non_training_reason:
            lines.append(f"No training: {self._non_training_reason[d]}")
        elif not tl.is_training[d] and not tl.is_comp[d]:
            lines.append("No training")
        if row.stages is not None:
            lines.append(f"Stage: {STAGE_NAMES.get(row.stages[d], row.stages[d])}")
        if row.intensity is not None:
            lv = row.intensity[d]
            lines.append(f"Intensity: {lv} % of max speed" if lv else "Intensity: none (0)")
        w = tl.week_of[d]
        if row.weeks is not None:
            own = row.weeks[w]
            team = self._team_weeks[w] if self._team_weeks else None
            text = f"Week: {own}"
            if team is not None and team != own:
                text += f" (team: {team})"
            lines.append(text)
        elif self._team_weeks:
            lines.append(f"Team week: {self._team_weeks[w]}")
        if row.stages is None and row.intensity is None:
            lines.append("Not planned yet: solve the season (Plan ▸ Solve)")
        for u in season.unavailability:
            if u.athlete == row.athlete_id and u.start <= day <= u.end:
                lines.append("Unavailable" + (f": {u.reason}" if u.reason else ""))
        return "\n".join(lines)

    def _athlete_tooltip(self, row: _Row) -> str:
        season = self._season
        assert season is not None
        lines = [f"{row.name} ({row.athlete_id})" + (f" · {row.position}" if row.position else "")]
        inj = season.injury_of(row.athlete_id)
        if inj is not None:
            cur = inj.current
            lines.append(f"Injury: {inj.protocol}, onset {inj.onset.isoformat()}")
            lines.append(f"Recorded stage: {cur.stage} since {cur.start.isoformat()}")
            if inj.target_competition:
                c = season.competition(inj.target_competition)
                if c is not None:
                    lines.append(f"Target: {c.name} ({c.date.isoformat()})")
        return "\n".join(lines)


class BoardLegend(QWidget):
    """A one-line key to the board's colours and glyphs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Board legend")
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() * 0.85))
        self._marker_font = QFont(self._font)
        self._marker_font.setBold(True)
        self._marker_font.setPointSizeF(max(6.5, self._font.pointSizeF() * 0.85))
        self.setMinimumHeight(24)
        self.setToolTip(
            "Stages: rehab P1–P3 and return to sport S1–S3 (white cells: fit). "
            "Intensity in % of max speed: dot 60/70, small triangle 80, triangle 90/95, star 100. "
            "Team deload and taper weeks shade the columns; a band at the foot of a row marks an "
            "athlete's own week when it differs from the team's. Hatched: unavailable."
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(900, 24)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        try:
            p.setFont(self._font)
            fm = QFontMetrics(self._font)
            h = self.height()
            cy = h / 2
            x = 6.0

            def text(t: str, gap: float = 12.0) -> None:
                nonlocal x
                p.setFont(self._font)
                p.setPen(QColor("#303030"))
                w = fm.horizontalAdvance(t)
                p.drawText(QRectF(x, 0, w + 2, h), Qt.AlignmentFlag.AlignVCenter, t)
                x += w + gap

            def swatch(colour: QColor | QBrush, label: str, w: float = 14) -> None:
                nonlocal x
                rect = QRectF(x, cy - 7, w, 14)
                p.fillRect(rect, colour)
                p.setPen(QColor("#9e9e9e"))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
                x += w + 3
                text(label, 9)

            text("Stage:", 5)
            for st in ("INJ", "P1", "P2", "P3", "S1", "S2", "S3"):
                swatch(STAGE_COLOURS[st], st)
            x += 8
            text("Intensity:", 5)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for lv in (60, 70, 80, 90, 95, 100):
                draw_glyph(p, lv, x + 6, cy)
                x += 14
                text(str(lv), 7)
            x += 8
            text("Weeks:", 5)
            swatch(WEEK_TINT["deload"], "deload")
            swatch(WEEK_TINT["taper"], "taper")
            swatch(QBrush(WEEK_BAND["deload"]), "own week ≠ team", w=14)
            x += 8
            text("Match:", 5)
            for pr in ("A", "B", "C"):
                draw_priority(p, QRectF(x, cy - 8, 16, 16), pr, self._marker_font)
                x += 20
            x += 8
            swatch(HATCH, "unavailable")
        finally:
            p.end()
