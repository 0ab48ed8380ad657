"""The season board as a printable PDF: A4 landscape, one page per month (QPdfWriter).

A squad too large for readable rows on one page (more than about 45 athletes) gets as many
pages per month as it needs, the athletes split evenly.

Each page shows the month's days as columns and the squad as rows (injured first, then by
position, as on the board): rehab stages as coloured cells with their code where a stretch
starts, the planned intensity as the board's glyphs, team deload and taper weeks as tinted
columns, days without training in grey, unavailable days hatched, competitions as priority
discs above the days, and a legend and page number at the foot. The colours and glyphs are the
board's (``ui.desktop.board``), so the paper reads like the screen.

``export_board_pdf(season, path)`` works headless: the command line sets
``QT_QPA_PLATFORM=offscreen`` when there is no display before a QGuiApplication is created
(:func:`ensure_gui`). The file is written atomically; with ``anonymise=True`` athletes appear
by ID.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
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

from planner.season import FIT, Season
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
POSITION_ORDER = {"goalkeeper": 0, "defender": 1, "midfielder": 2, "forward": 3}


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


def _rows(season: Season) -> list:
    injured = {i.athlete for i in season.injuries if i.current.stage != FIT}
    plan = season.plan
    if plan is not None:
        injured |= {ap.athlete for ap in plan.athletes if any(s != FIT for s in ap.stages)}

    def key(a):
        return (a.id not in injured, POSITION_ORDER.get(a.position.strip().lower(), 9), a.id)

    return sorted(season.athletes, key=key)


def export_board_pdf(season: Season, path: str | os.PathLike, *, anonymise: bool = False,
                     exported: dt.date | None = None) -> int:
    """Write the board of ``season`` (its stored plan, if any) to ``path``; returns the pages."""
    from planner.seasonfile import atomic_write

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


class _Pages:
    def __init__(self, season: Season, painter: QPainter, writer: QPdfWriter, anonymise: bool,
                 exported: dt.date):
        from ui.desktop import board

        self.b = board
        self.season, self.p, self.writer = season, painter, writer
        self.anonymise, self.exported = anonymise, exported
        self.tl = Timeline(season)
        self.athletes = _rows(season)
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
        p, tl, b = self.p, self.tl, self.b
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        days = [i for i in range(tl.n) if first <= tl.days[i] < nxt]
        labels = {a.id: a.id if self.anonymise else a.name for a in athletes}
        # geometry -------------------------------------------------------------------------------
        name_font = self._font(7.0)
        fm = QFontMetricsF(name_font)
        widest = max((fm.horizontalAdvance(t) for t in labels.values()), default=40.0)
        name_w = max(60.0, min(NAME_W_MAX, widest + 36.0))  # name, 4 pt, position (28 pt)
        x0, top = MARGIN + name_w, MARGIN + TITLE_H
        grid_top = top + WEEK_H + KIND_H + DAY_H
        foot = self.h - MARGIN - LEGEND_H - FOOTER_H
        n_rows = max(1, len(athletes))
        row_h = min(ROW_H_MAX, (foot - grid_top - 4) / n_rows)
        cell_w = (self.w - MARGIN - x0) / 31.0  # the same day width on every page
        if row_h < 10:
            name_font = self._font(max(4.5, row_h * 0.72))

        def x(i: int) -> float:
            return x0 + (i - days[0]) * cell_w

        def y(r: int) -> float:
            return grid_top + r * row_h

        bottom = y(len(athletes))
        right = x(days[-1] + 1)

        # title -------------------------------------------------------------------------------------
        p.setPen(TEXT)
        p.setFont(self._font(13, bold=True))
        p.drawText(QRectF(MARGIN, MARGIN, self.w / 2, TITLE_H), Qt.AlignmentFlag.AlignLeft
                   | Qt.AlignmentFlag.AlignTop, self.season.name)
        p.setFont(self._font(13))
        p.drawText(QRectF(self.w / 2, MARGIN, self.w / 2 - MARGIN, TITLE_H),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, first.strftime("%B %Y") + part)

        # columns: team week tint and days without training -------------------------------------------
        for i in days:
            col = QRectF(x(i), top + WEEK_H, cell_w, bottom - top - WEEK_H)
            kind = self.team_weeks[tl.week_of[i]] if self.team_weeks else None
            tint = b.WEEK_TINT.get(kind) if kind else None
            if tint is not None:
                p.fillRect(col, tint)
            if not tl.is_training[i] and not tl.is_comp[i]:
                p.fillRect(QRectF(x(i), grid_top, cell_w, bottom - grid_top), OFF_DAY)

        # header: weeks, team week kinds, days and competitions ----------------------------------------
        p.setFont(self._font(6.5))
        weeks = sorted({tl.week_of[i] for i in days})
        for w in weeks:
            wd = [i for i in days if tl.week_of[i] == w]
            rect = QRectF(x(wd[0]), top, len(wd) * cell_w, WEEK_H)
            start = tl.days[tl.weeks[w].first]
            p.setPen(MUTED)
            p.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       f"W{w + 1} · {start.day} {start:%b}")
            kind = self.team_weeks[w] if self.team_weeks else None
            if kind in ("deload", "taper"):
                p.setPen(TEXT)
                p.drawText(QRectF(x(wd[0]) + 2, top + WEEK_H, len(wd) * cell_w, KIND_H),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, kind)
        marker = self._font(6.5, bold=True)
        for i in days:
            d = tl.days[i]
            rect = QRectF(x(i), top + WEEK_H + KIND_H, cell_w, DAY_H)
            prio = tl.best_priority(i)
            p.setPen(TEXT if tl.is_training[i] or tl.is_comp[i] else MUTED)
            p.setFont(self._font(6.5))
            p.drawText(QRectF(rect.x(), rect.y(), cell_w, DAY_H / 2), Qt.AlignmentFlag.AlignCenter,
                       f"{'MTWTFSS'[d.weekday()]}{d.day}")
            if prio is not None:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                size = min(cell_w, DAY_H / 2)
                b.draw_priority(p, QRectF(rect.center().x() - size / 2, rect.y() + DAY_H / 2, size, size),
                                prio, marker)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

        # rows: stages, unavailability, names ------------------------------------------------------------
        stage_font = self._font(max(3.5, min(6.0, row_h * 0.55)), bold=True)
        for r, a in enumerate(athletes):
            ap = self.plans.get(a.id)
            yy = y(r)
            if ap is not None:
                prev = None
                for i in days:
                    stage = ap.stages[i]
                    colour = b.STAGE_COLOURS.get(stage)
                    if colour is not None:
                        p.fillRect(QRectF(x(i), yy, cell_w, row_h), colour)
                        if stage != prev:
                            p.setFont(stage_font)
                            p.setPen(QColor("white") if stage == "INJ" else TEXT)
                            p.drawText(QRectF(x(i) + 1, yy, cell_w * 2, row_h),
                                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, stage)
                    prev = stage
            off = self.unavailable[a.id]
            for i in days:
                if i in off:
                    p.fillRect(QRectF(x(i), yy + 0.5, cell_w, row_h - 1), b.HATCH)
            p.setFont(name_font)
            p.setPen(TEXT)
            name = QFontMetricsF(name_font).elidedText(labels[a.id], Qt.TextElideMode.ElideRight,
                                                       name_w - 32)
            p.drawText(QRectF(MARGIN, yy, name_w - 31, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            p.setPen(MUTED)
            pos = a.position.strip()
            short = {"goalkeeper": "GK", "defender": "DF", "midfielder": "MF", "forward": "FW"}.get(
                pos.lower(), pos[:3])
            p.drawText(QRectF(MARGIN + name_w - 28, yy, 24, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, short)

        # grid lines ------------------------------------------------------------------------------------
        p.setPen(QPen(GRID, 0.4))
        for r in range(len(athletes) + 1):
            p.drawLine(MARGIN, y(r), right, y(r))
        for i in days + [days[-1] + 1]:
            week_start = i == days[0] or i > days[-1] or tl.week_of[i] != tl.week_of[i - 1]
            p.setPen(QPen(WEEK_LINE if week_start else GRID, 0.8 if week_start else 0.4))
            p.drawLine(x(i), top, x(i), bottom)

        # glyphs over everything ------------------------------------------------------------------------
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scale = min(1.0, row_h / 15.0)
        for r, a in enumerate(athletes):
            ap = self.plans.get(a.id)
            if ap is None:
                continue
            cy = y(r) + row_h / 2
            for i in days:
                level = ap.intensity[i]
                if level > 0:
                    b.draw_glyph(p, level, x(i) + cell_w * 0.62, cy, scale=scale)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if not self.plans:
            p.setPen(MUTED)
            p.setFont(self._font(9))
            p.drawText(QRectF(x0, grid_top, right - x0, bottom - grid_top), Qt.AlignmentFlag.AlignCenter,
                       "Not planned yet: solve the season (periodize solve SEASON --save)")

        self._legend(foot + 4)
        p.setFont(self._font(6.5))
        p.setPen(MUTED)
        p.drawText(QRectF(MARGIN, self.h - MARGIN - FOOTER_H, self.w - 2 * MARGIN, FOOTER_H),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   f"Periodize · exported {self.exported:%d %b %Y}"
                   + (" · anonymised: athlete IDs, no diagnoses" if self.anonymise else ""))
        p.drawText(QRectF(MARGIN, self.h - MARGIN - FOOTER_H, self.w - 2 * MARGIN, FOOTER_H),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
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
        for stage in ("INJ", "P1", "P2", "P3", "S1", "S2", "S3"):
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

