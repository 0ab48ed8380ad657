"""The season board as a printable PDF: A4 landscape, one page per month (QPdfWriter).

A squad too large for readable rows on one page (more than about 45 athletes) gets as many
pages per month as it needs, the athletes split evenly.

Each page shows the month's days as columns and the squad as rows in the squad's display order
(``planner.squad``, as on the board and in the exports): rehab stages as coloured cells with their code where a stretch
starts, the planned intensity as the board's glyphs, team deload and taper weeks as tinted
columns, days without training in grey, unavailable days hatched, competitions as priority
discs above the days, and a legend and page number at the foot. The colours and glyphs are the
board's (``ui.desktop.board``), so the paper reads like the screen.

``export_board_pdf(season, path)`` works headless: the command line sets
``QT_QPA_PLATFORM=offscreen`` when there is no display before a QGuiApplication is created
(:func:`ensure_gui`). The file is written atomically; with ``anonymise=True`` the season is
anonymised first (``planner.anonymise``: athletes appear by ID).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from planner.season import Season
from planner.squad import display_order, short_position
from planner.text import date_long, date_short
from planner.timeline import Timeline

RESOLUTION = 72  # painter units are points
MARGIN = 24.0
TITLE_H = 22.0
WEEK_H = 12.0
KIND_H = 11.0
DAY_H = 20.0
LEGEND_H = 18.0
FOOTER_H = 12.0
NAME_W_MAX = 150.0
ROW_H_MAX = 16.0
ROW_H_MIN = 9.0  # below this a row is hard to read on paper: a large squad gets more pages
GRID = QColor("#d9d9d9")
WEEK_LINE = QColor("#8c8c8c")
OFF_DAY = QColor(225, 225, 225)
TEXT = QColor("#1c1c1c")
MUTED = QColor("#6b6b6b")


def ensure_gui() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1] or ["periodize"])


def months(season: Season) -> list[tuple[int, int]]:
    """(year, month) of every month the season touches, in order: one page each."""
    cal = season.calendar
    out = []
    y, m = cal.start.year, cal.start.month
    while (y, m) <= (cal.end.year, cal.end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def export_board_pdf(season: Season, path: str | os.PathLike, *, anonymise: bool = False,
                     exported: dt.date | None = None) -> int:
    """Write the board of ``season`` (its stored plan, if any) to ``path``; returns the pages."""
    from planner.seasonfile import atomic_write

    if anonymise:
        from planner.anonymise import anonymised

        season, _ = anonymised(season)
    ensure_gui()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{season.name}: season board")
    writer.setCreator("Periodize")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        pages = _Pages(season, painter, writer, anonymise, exported or dt.date.today()).paint()
    finally:
        painter.end()
        buf.close()
    atomic_write(Path(path), bytes(data.data()))
    return pages


@dataclass(frozen=True)
class _Month:
    """One page's month and geometry (points): its days, its athletes and where they go."""

    first: dt.date
    days: list[int]  # the season's day indexes in this month
    athletes: list
    name_font: QFont
    name_w: float
    x0: float  # the first day's left edge
    top: float  # the header's top
    grid_top: float
    foot: float  # the legend's top
    row_h: float
    cell_w: float

    def x(self, i: int) -> float:
        return self.x0 + (i - self.days[0]) * self.cell_w

    def y(self, r: int) -> float:
        return self.grid_top + r * self.row_h

    @property
    def bottom(self) -> float:
        return self.y(len(self.athletes))

    @property
    def right(self) -> float:
        return self.x(self.days[-1] + 1)


class _Pages:
    def __init__(self, season: Season, painter: QPainter, writer: QPdfWriter, anonymise: bool,
                 exported: dt.date):
        from ui.desktop import board

        self.b = board
        self.season, self.p, self.writer = season, painter, writer
        self.anonymise, self.exported = anonymise, exported
        self.tl = Timeline(season)
        self.athletes = display_order(season)
        plan = season.plan
        self.plans = {}
        if plan is not None and len(plan.team_weeks) == len(self.tl.weeks):
            for ap in plan.athletes:
                if len(ap.stages) == self.tl.n and len(ap.intensity) == self.tl.n:
                    self.plans[ap.athlete] = ap
        self.team_weeks = plan.team_weeks if self.plans else None
        self.unavailable = {a.id: self.tl.unavailable(a.id) for a in self.athletes}
        page = writer.pageLayout().fullRectPoints()
        self.w, self.h = float(page.width()), float(page.height())
        self.font = QFont("DejaVu Sans")
        self.font.setStyleHint(QFont.StyleHint.SansSerif)
        self.font.setPointSizeF(7.0)

    def _font(self, size: float, bold: bool = False) -> QFont:
        f = QFont(self.font)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def paint(self) -> int:
        """Paint every page; returns how many."""
        room = self.h - 2 * MARGIN - TITLE_H - WEEK_H - KIND_H - DAY_H - LEGEND_H - FOOTER_H - 4
        per_page = max(1, int(room // ROW_H_MIN))
        n = len(self.athletes)
        chunks = max(1, -(-n // per_page))
        size = -(-n // chunks) if n else 0
        groups = [self.athletes[k * size:(k + 1) * size] for k in range(chunks)] if n else [[]]
        pages = [(y, m, g) for (y, m) in months(self.season) for g in range(len(groups))]
        for number, (y, m, g) in enumerate(pages, start=1):
            if number > 1:
                self.writer.newPage()
            part = "" if len(groups) == 1 else (
                f" · athletes {g * size + 1}\u2013{g * size + len(groups[g])} of {n}")
            self._page(y, m, groups[g], part, number, len(pages))
        return len(pages)

    # -- one month ------------------------------------------------------------------------------
    def _page(self, year: int, month: int, athletes: list, part: str, number: int,
              total: int) -> None:
        """One page: a month's days for ``athletes``, painted in layers bottom to top."""
        m = self._month(year, month, athletes)
        self._title(m, part)
        self._columns(m)
        self._week_header(m)
        self._day_header(m)
        self._rows(m)
        self._grid_lines(m)
        self._glyphs(m)
        self._legend(m.foot + 4)
        self._footer(number, total)

    def _month(self, year: int, month: int, athletes: list) -> _Month:
        """The page's geometry: the names column fits the widest name; rows share the room."""
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        days = [i for i in range(self.tl.n) if first <= self.tl.days[i] < nxt]
        name_font = self._font(7.0)
        fm = QFontMetricsF(name_font)
        widest = max((fm.horizontalAdvance(a.name) for a in athletes), default=40.0)
        name_w = max(60.0, min(NAME_W_MAX, widest + 36.0))  # name, 4 pt, position (28 pt)
        x0, top = MARGIN + name_w, MARGIN + TITLE_H
        grid_top = top + WEEK_H + KIND_H + DAY_H
        foot = self.h - MARGIN - LEGEND_H - FOOTER_H
        row_h = min(ROW_H_MAX, (foot - grid_top - 4) / max(1, len(athletes)))
        if row_h < 10:
            name_font = self._font(max(4.5, row_h * 0.72))
        return _Month(first=first, days=days, athletes=athletes, name_font=name_font,
                      name_w=name_w, x0=x0, top=top, grid_top=grid_top, foot=foot, row_h=row_h,
                      cell_w=(self.w - MARGIN - x0) / 31.0)  # the same day width on every page

    def _title(self, m: _Month, part: str) -> None:
        p = self.p
        p.setPen(TEXT)
        p.setFont(self._font(13, bold=True))
        p.drawText(QRectF(MARGIN, MARGIN, self.w / 2, TITLE_H), Qt.AlignmentFlag.AlignLeft
                   | Qt.AlignmentFlag.AlignTop, self.season.name)
        p.setFont(self._font(13))
        p.drawText(QRectF(self.w / 2, MARGIN, self.w / 2 - MARGIN, TITLE_H),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                   self.b.month_title(m.first) + part)

    def _columns(self, m: _Month) -> None:
        """Columns: the team week kind's tint and the days without training."""
        p, tl = self.p, self.tl
        for i in m.days:
            kind = self.team_weeks[tl.week_of[i]] if self.team_weeks else None
            tint = self.b.WEEK_TINT.get(kind) if kind else None
            if tint is not None:
                p.fillRect(QRectF(m.x(i), m.top + WEEK_H, m.cell_w, m.bottom - m.top - WEEK_H), tint)
            if not tl.is_training[i] and not tl.is_comp[i]:
                p.fillRect(QRectF(m.x(i), m.grid_top, m.cell_w, m.bottom - m.grid_top), OFF_DAY)

    def _week_header(self, m: _Month) -> None:
        """Each week's number and first day, and its team week kind when a deload or taper."""
        p, tl = self.p, self.tl
        p.setFont(self._font(6.5))
        for w in sorted({tl.week_of[i] for i in m.days}):
            wd = [i for i in m.days if tl.week_of[i] == w]
            rect = QRectF(m.x(wd[0]), m.top, len(wd) * m.cell_w, WEEK_H)
            p.setPen(MUTED)
            p.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       f"W{w + 1} · {date_short(tl.days[tl.weeks[w].first])}")
            kind = self.team_weeks[w] if self.team_weeks else None
            if kind in ("deload", "taper"):
                p.setPen(TEXT)
                p.drawText(QRectF(m.x(wd[0]) + 2, m.top + WEEK_H, len(wd) * m.cell_w, KIND_H),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, kind)

    def _day_header(self, m: _Month) -> None:
        """Each day's letter and date, and a priority disc under a competition day."""
        p, tl = self.p, self.tl
        marker = self._font(6.5, bold=True)
        for i in m.days:
            d = tl.days[i]
            rect = QRectF(m.x(i), m.top + WEEK_H + KIND_H, m.cell_w, DAY_H)
            p.setPen(TEXT if tl.is_training[i] or tl.is_comp[i] else MUTED)
            p.setFont(self._font(6.5))
            p.drawText(QRectF(rect.x(), rect.y(), m.cell_w, DAY_H / 2), Qt.AlignmentFlag.AlignCenter,
                       f"{'MTWTFSS'[d.weekday()]}{d.day}")
            prio = tl.best_priority(i)
            if prio is not None:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                size = min(m.cell_w, DAY_H / 2)
                self.b.draw_priority(p, QRectF(rect.center().x() - size / 2, rect.y() + DAY_H / 2,
                                               size, size), prio, marker)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _rows(self, m: _Month) -> None:
        """Rows: stages (coloured, their code where a stretch starts), unavailable days, names."""
        p = self.p
        stage_font = self._font(max(3.5, min(6.0, m.row_h * 0.55)), bold=True)
        for r, a in enumerate(m.athletes):
            ap = self.plans.get(a.id)
            if ap is not None:
                self._stages(m, ap, m.y(r), stage_font)
            off = self.unavailable[a.id]
            for i in m.days:
                if i in off:
                    p.fillRect(QRectF(m.x(i), m.y(r) + 0.5, m.cell_w, m.row_h - 1), self.b.HATCH)
            self._name(m, a, m.y(r))

    def _stages(self, m: _Month, ap, y: float, font: QFont) -> None:
        p, prev = self.p, None
        for i in m.days:
            stage = ap.stages[i]
            colour = self.b.STAGE_COLOURS.get(stage)
            if colour is not None:
                p.fillRect(QRectF(m.x(i), y, m.cell_w, m.row_h), colour)
                if stage != prev:
                    p.setFont(font)
                    p.setPen(QColor("white") if stage == "INJ" else TEXT)
                    p.drawText(QRectF(m.x(i) + 1, y, m.cell_w * 2, m.row_h),
                               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, stage)
            prev = stage

    def _name(self, m: _Month, athlete, y: float) -> None:
        p = self.p
        p.setFont(m.name_font)
        p.setPen(TEXT)
        name = QFontMetricsF(m.name_font).elidedText(athlete.name, Qt.TextElideMode.ElideRight,
                                                     m.name_w - 32)
        p.drawText(QRectF(MARGIN, y, m.name_w - 31, m.row_h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        p.setPen(MUTED)
        short = QFontMetricsF(m.name_font).elidedText(short_position(athlete.position),
                                                      Qt.TextElideMode.ElideRight, 24)
        p.drawText(QRectF(MARGIN + m.name_w - 28, y, 24, m.row_h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, short)

    def _grid_lines(self, m: _Month) -> None:
        p, tl, days = self.p, self.tl, m.days
        p.setPen(QPen(GRID, 0.4))
        for r in range(len(m.athletes) + 1):
            p.drawLine(MARGIN, m.y(r), m.right, m.y(r))
        for i in days + [days[-1] + 1]:
            week_start = i == days[0] or i > days[-1] or tl.week_of[i] != tl.week_of[i - 1]
            p.setPen(QPen(WEEK_LINE if week_start else GRID, 0.8 if week_start else 0.4))
            p.drawLine(m.x(i), m.top, m.x(i), m.bottom)

    def _glyphs(self, m: _Month) -> None:
        """The planned intensity as the board's glyphs, over everything (or a note: no plan)."""
        p = self.p
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scale = min(1.0, m.row_h / 15.0)
        for r, a in enumerate(m.athletes):
            ap = self.plans.get(a.id)
            if ap is None:
                continue
            cy = m.y(r) + m.row_h / 2
            for i in m.days:
                level = ap.intensity[i]
                if level > 0:
                    self.b.draw_glyph(p, level, m.x(i) + m.cell_w * 0.62, cy, scale=scale)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if not self.plans:
            p.setPen(MUTED)
            p.setFont(self._font(9))
            p.drawText(QRectF(m.x0, m.grid_top, m.right - m.x0, m.bottom - m.grid_top),
                       Qt.AlignmentFlag.AlignCenter,
                       "Not planned yet: solve the season (periodize solve SEASON --save)")

    def _footer(self, number: int, total: int) -> None:
        p = self.p
        p.setFont(self._font(6.5))
        p.setPen(MUTED)
        rect = QRectF(MARGIN, self.h - MARGIN - FOOTER_H, self.w - 2 * MARGIN, FOOTER_H)
        p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   f"Periodize · exported {date_long(self.exported)}"
                   + (" · anonymised: athlete IDs, no diagnoses" if self.anonymise else ""))
        p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                   f"Page {number} of {total}")

    def _legend(self, top: float) -> None:
        p, b = self.p, self.b
        font = self._font(6.5)
        fm = QFontMetricsF(font)
        x = MARGIN
        cy = top + LEGEND_H / 2

        def text(t: str, gap: float = 8.0) -> None:
            nonlocal x
            p.setFont(font)
            p.setPen(TEXT)
            w = fm.horizontalAdvance(t)
            p.drawText(QRectF(x, top, w + 2, LEGEND_H), Qt.AlignmentFlag.AlignVCenter, t)
            x += w + gap

        def swatch(brush, label: str) -> None:
            nonlocal x
            p.fillRect(QRectF(x, cy - 4.5, 10, 9), brush)
            p.setPen(QPen(GRID, 0.4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x, cy - 4.5, 10, 9))
            x += 13
            text(label, 6)

        text("Stage:", 4)
        for stage in b.LEGEND_STAGES:
            swatch(b.STAGE_COLOURS[stage], stage)
        x += 6
        text("Intensity % of max speed:", 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for level in (60, 70, 80, 90, 95, 100):
            b.draw_glyph(p, level, x + 5, cy, scale=0.8)
            x += 11
            text(str(level), 5)
        x += 6
        text("Weeks:", 4)
        swatch(b.WEEK_TINT["deload"], "deload")
        swatch(b.WEEK_TINT["taper"], "taper")
        swatch(OFF_DAY, "no training")
        swatch(b.HATCH, "unavailable")
        x += 6
        text("Match:", 4)
        for prio in ("A", "B", "C"):
            b.draw_priority(p, QRectF(x, cy - 5, 10, 10), prio, self._font(6, bold=True))
            x += 13
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

