"""The season board as a printable PDF: A4 landscape, one page per month (QPdfWriter).

A squad too large for readable rows on one page (more than about 45 athletes) gets as many
pages per month as it needs, the athletes split evenly; a small squad gets taller rows, so the
page is filled.

Each page shows the month's days as columns and the squad as rows in the squad's display order
(``planner.squad``, as on the board and in the exports): the month's competitions named in a line
under the title ("Sun 13 1/3 Winter Cup quarter-final": a day's matches in the season file's
order), each week's number and first day, the team's deload and taper weeks, the days as
weekday (``Mo`` … ``Su``: never read as a stage) and date with a priority disc under a competition
day; rehab stages as coloured cells with their code where a stretch starts, the planned intensity
as the board's glyphs, days without training in grey, unavailable days hatched; the full legend
and page numbers at the foot. The colours and glyphs are the board's (``ui.desktop.board``), so
the paper reads like the screen.

Every label is measured on the PDF device and placed where it fits (a week label shortens, a name
is elided, a stage code shrinks); :func:`board_labels` returns the boxes of every label and glyph
of every page, so a test checks that none overlaps another at any squad size.

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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
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
    QPolygonF,
)

from planner.season import Season
from planner.squad import display_order, fitted_position, short_position
from planner.text import DAY_ABBRS, computer_date, date_long, date_short, plural
from planner.timeline import Timeline, in_day_places

RESOLUTION = 72  # painter units are points
MARGIN = 24.0
TITLE_H = 20.0
COMP_LINE_H = 9.5
WEEK_H = 12.0
KIND_H = 10.0
DAY_H = 30.0  # weekday, date, priority disc
LEGEND_LINE_H = 13.0
FOOTER_H = 11.0
NAME_W_MAX = 190.0
ROW_H_MAX = 60.0  # a small squad's rows grow up to this, filling the page
ROW_H_MIN = 9.0  # below this a row is hard to read on paper: a large squad gets more pages
WEEKDAYS = tuple(d[:2] for d in DAY_ABBRS)  # a day column's head: "Mo" … "Su" (narrow)
GRID = QColor("#d9d9d9")
WEEK_LINE = QColor("#8c8c8c")
OFF_DAY = QColor(225, 225, 225)
TEXT = QColor("#1c1c1c")
MUTED = QColor("#6b6b6b")
FLARE = QColor("#c62828")  # as on the board (ui/desktop/boardmarks.py)
TODAY = QColor("#e65100")  # the board's today line (light theme)
LEVELS = (60, 70, 80, 90, 95, 100)


def ensure_gui() -> QGuiApplication:
    """The running QGuiApplication (the app's), or a new one on the offscreen platform: a PDF
    printed without the app needs no display (a DISPLAY naming a dead X server aborted it)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
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


def _render(season: Season, anonymise: bool, exported: dt.date | None,
            boxes: list | None, progress=None) -> tuple[bytes, int]:
    if anonymise:
        from planner.anonymise import anonymised

        season, _ = anonymised(season)
    return render_a4_landscape(f"{season.name}: season board", lambda painter, writer: _Pages(
        season, painter, writer, anonymise, exported or computer_date(), boxes).paint(progress))


def render_a4_landscape(title: str, paint) -> tuple[bytes, int]:
    """The PDF bytes of A4 landscape pages drawn by ``paint(painter, writer)`` (which returns
    the number of pages), in points (:data:`RESOLUTION`), without margins; and that number."""
    ensure_gui()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Periodize")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        pages = paint(painter, writer)
    finally:
        painter.end()
        buf.close()
    return bytes(data.data()), pages


class PagesCancelled(Exception):
    """The coach stopped a PDF export (Cancel beside its pages' progress): nothing was written."""


def export_board_pdf(season: Season, path: str | os.PathLike, *, anonymise: bool = False,
                     exported: dt.date | None = None, backup: bool = False, progress=None) -> int:
    """Write the board of ``season`` (its stored plan, if any) to ``path`` (``backup``: the file
    replaced kept as ``NAME.bak``); returns the pages. ``progress(done, total)`` is told before
    each page; when it returns False the export stops (:class:`PagesCancelled`) and nothing is
    written."""
    from planner.seasonfile import atomic_write

    data, pages = _render(season, anonymise, exported, None, progress)
    atomic_write(Path(path), data, backup=backup)
    return pages


def board_labels(season: Season, *, anonymise: bool = False) -> list[list[tuple[QRectF, str]]]:
    """Per page, the box of every label and glyph painted (in points), with its text (a glyph:
    ``"glyph 95"``; a swatch or disc: ``"mark"``; an athlete's own week: ``"band A07 W3 deload"``,
    at the row's foot): what a test checks for overlaps."""
    boxes: list = []
    _render(season, anonymise, None, boxes)
    return boxes


@dataclass(frozen=True)
class _Month:
    """One page's month and geometry (points): its days, its athletes and where they go."""

    first: dt.date
    days: list[int]  # the season's day indexes in this month
    athletes: list
    name_font: QFont
    name_w: float
    pos_w: float
    x0: float  # the first day's left edge
    top: float  # the week header's top
    grid_top: float
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


def _hit(a: QRectF, b: QRectF) -> bool:
    i = a.intersected(b)
    return i.width() > 0.25 and i.height() > 0.25


class _Pages:
    def __init__(self, season: Season, painter: QPainter, writer: QPdfWriter, anonymise: bool,
                 exported: dt.date, boxes: list | None = None):
        from ui.desktop import board

        self.b = board
        self.season, self.p, self.writer = season, painter, writer
        self.anonymise, self.exported = anonymise, exported
        self.boxes = boxes
        self.page_boxes: list[tuple[QRectF, str]] = []
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
        from ui.desktop.pastview import past_marks

        self.pain = past_marks(season, self.tl).pain if season.sessions else {}  # as the board
        self.recovery = {aid: board.recovery_days(self.tl, ap.stages, ap.intensity,
                                                  self.unavailable.get(aid, set()))
                         for aid, ap in self.plans.items()}  # the board's ring, on paper too
        page = writer.pageLayout().fullRectPoints()
        self.w, self.h = float(page.width()), float(page.height())
        self.font = QFont("DejaVu Sans")
        self.font.setStyleHint(QFont.StyleHint.SansSerif)
        self.font.setPointSizeF(7.0)
        self.letters = self._day_letters()
        self.calm = self._calm_days()
        self.left_taken: set[tuple[str, int]] = set()  # cells whose left half holds a code
        self.legend_lines = self._legend(MARGIN, 0.0, paint=False)

    def _day_letters(self) -> dict[str, dict[int, str]]:
        """Rules v2's marks as letters (planner.daymarks): the match role (S, B, O, R), a
        compensation session (C), a flare-up (!)."""
        if not self.plans:
            return {}
        from planner.daymarks import ROLE_LETTER, day_marks

        out: dict[str, dict[int, str]] = {}
        for aid, m in day_marks(self.season, self.tl).items():
            letters = {d: ROLE_LETTER[role] for d, role in m.role.items() if role in ROLE_LETTER}
            letters.update(dict.fromkeys(m.compensation, "C"))
            letters.update(dict.fromkeys(m.flare, "!"))
            out[aid] = letters
        return out

    def _calm_days(self) -> dict[str, set[int]]:
        """The calm days after a flare-up (RH-FL), as the board marks them (planner.daymarks)."""
        if not self.plans:
            return {}
        from planner.daymarks import day_marks

        return {aid: set(m.calm) for aid, m in day_marks(self.season, self.tl).items() if m.calm}

    def _calm(self, m: _Month, aid: str, y: float) -> None:
        """A calm day: the board's dotted red line along the top of the cell."""
        from ui.desktop.boardmarks import draw_calm

        width = max(0.8, min(1.6, m.row_h * 0.12))
        for i in sorted(self.calm.get(aid, ())):
            if m.days[0] <= i <= m.days[-1]:
                x0, x1, top = m.x(i) + 1, m.x(i) + m.cell_w - 1, y + 0.4 + width / 2
                draw_calm(self.p, x0, x1, top, width)
                self.mark(QRectF(x0, top - width / 2, x1 - x0, width), f"calm {aid} {i}")

    def _font(self, size: float, bold: bool = False) -> QFont:
        f = QFont(self.font)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def fm(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.writer)  # measured on the PDF, not on the screen

    def text(self, rect: QRectF, flags, value: str, font: QFont, colour: QColor = TEXT) -> QRectF:
        """Draw ``value`` in ``rect`` and record the box it covers."""
        p = self.p
        p.setFont(font)
        p.setPen(colour)
        box = self.fm(font).boundingRect(rect, int(flags), value)
        p.drawText(rect, int(flags), value)
        self.page_boxes.append((box, value))
        return box

    def mark(self, rect: QRectF, what: str = "mark") -> None:
        self.page_boxes.append((rect, what))

    def paint(self, progress=None) -> int:
        """Paint every page; returns how many. ``progress(done, total)`` before each page: False
        stops the painting (:class:`PagesCancelled`)."""
        fixed = (2 * MARGIN + TITLE_H + 2 * COMP_LINE_H + WEEK_H + KIND_H + DAY_H
                 + len(self.legend_lines) * LEGEND_LINE_H + FOOTER_H + 8)
        per_page = max(1, int((self.h - fixed) // ROW_H_MIN))
        n = len(self.athletes)
        chunks = max(1, -(-n // per_page))
        size = -(-n // chunks) if n else 0
        groups = [self.athletes[k * size:(k + 1) * size] for k in range(chunks)] if n else [[]]
        pages = [(y, m, g) for (y, m) in months(self.season) for g in range(len(groups))]
        for number, (y, m, g) in enumerate(pages, start=1):
            if progress is not None and not progress(number - 1, len(pages)):
                raise PagesCancelled
            if number > 1:
                self.writer.newPage()
            part = "" if len(groups) == 1 else (
                f" · athletes {g * size + 1}\u2013{g * size + len(groups[g])} of {n}")
            self.page_boxes = []
            self._page(y, m, groups[g], part, number, len(pages))
            if self.boxes is not None:
                self.boxes.append(self.page_boxes)
        return len(pages)

    # -- one month ------------------------------------------------------------------------------
    def _page(self, year: int, month: int, athletes: list, part: str, number: int,
              total: int) -> None:
        """One page: a month's days for ``athletes``, painted in layers bottom to top."""
        first = dt.date(year, month, 1)
        comp_top = MARGIN + TITLE_H
        comp_h = self._competitions(first, comp_top, paint=False)
        m = self._month(first, athletes, comp_top + comp_h)
        self._title(m, part)
        self._competitions(first, comp_top, paint=True)
        self._columns(m)
        self._week_header(m)
        self._day_header(m)
        self._rows(m)
        self._grid_lines(m)
        self._glyphs(m)
        self._today_line(m)
        legend_top = self.h - MARGIN - FOOTER_H - len(self.legend_lines) * LEGEND_LINE_H - 4
        self._legend(MARGIN, max(m.bottom + 6, legend_top), paint=True)
        self._footer(number, total)

    def _month(self, first: dt.date, athletes: list, top: float) -> _Month:
        """The page's geometry: the names column fits the widest name and position; rows share
        the room (up to ``ROW_H_MAX``: a small squad fills the page)."""
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        days = [i for i in range(self.tl.n) if first <= self.tl.days[i] < nxt]
        grid_top = top + WEEK_H + KIND_H + DAY_H
        room = (self.h - MARGIN - FOOTER_H - len(self.legend_lines) * LEGEND_LINE_H - 10) - grid_top
        row_h = max(1.0, min(ROW_H_MAX, room / max(1, len(athletes))))
        name_font = self._font(max(4.5, min(9.0, row_h * 0.62)))
        fm = self.fm(name_font)
        everyone = self.athletes  # the same columns on every page of the season
        pos_w = max((fm.horizontalAdvance(short_position(a.position)) for a in everyone), default=0.0)
        pos_w = min(pos_w, 90.0) + (6.0 if pos_w else 0.0)
        widest = max((fm.horizontalAdvance(a.name) for a in everyone), default=40.0)
        name_w = max(60.0, min(NAME_W_MAX, widest + pos_w + 10.0))
        x0 = MARGIN + name_w
        return _Month(first=first, days=days, athletes=athletes, name_font=name_font,
                      name_w=name_w, pos_w=pos_w, x0=x0, top=top, grid_top=grid_top, row_h=row_h,
                      cell_w=(self.w - MARGIN - x0) / 31.0)  # the same day width on every page

    def _title(self, m: _Month, part: str) -> None:
        right = self.b.month_title(m.first) + part
        font_r = self._font(13)
        rw = self.fm(font_r).horizontalAdvance(right) + 4
        self.text(QRectF(self.w - MARGIN - rw, MARGIN, rw, TITLE_H),
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right, font_r)
        font_l = self._font(13, bold=True)
        room = self.w - 2 * MARGIN - rw - 12
        name = self.fm(font_l).elidedText(self.season.name, Qt.TextElideMode.ElideRight, room)
        self.text(QRectF(MARGIN, MARGIN, room, TITLE_H), Qt.AlignmentFlag.AlignLeft
                  | Qt.AlignmentFlag.AlignTop, name, font_l)

    def _competitions(self, first: dt.date, top: float, paint: bool) -> float:
        """The month's competitions, a disc and the date before each, wrapped on as many lines as
        they need; a day's matches in the season file's order with their place ("1/3"), as the
        calendars and the workbook list them (``planner.timeline.in_day_places``); returns the height
        used."""
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        comps = [(c, place) for c, place in in_day_places(self.season.competitions)
                 if first <= c.date < nxt or (c.date < first <= c.last)]
        if not comps:
            return 0.0
        font, bold = self._font(6.5), self._font(6.5, bold=True)
        fm, fmb = self.fm(font), self.fm(bold)
        x, y = MARGIN, top
        label = "Competitions:"
        if paint:
            self.text(QRectF(x, y, fmb.horizontalAdvance(label) + 2, COMP_LINE_H),
                      Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label, bold)
        x += fmb.horizontalAdvance(label) + 6
        for c, place in comps:
            when = f"{DAY_ABBRS[c.date.weekday()]} {c.date.day}" + (
                f"\u2013{c.last.day}" if c.end_date and c.last != c.date else "")
            item = f"{when} {place}{c.name}"
            width = 10 + fm.horizontalAdvance(item) + 10
            if x + width > self.w - MARGIN and x > MARGIN + 60:
                x, y = MARGIN + fmb.horizontalAdvance(label) + 6, y + COMP_LINE_H
            if paint:
                disc = QRectF(x, y + (COMP_LINE_H - 8.5) / 2, 8.5, 8.5)
                self.p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                self.b.draw_priority(self.p, disc, c.priority, self._font(5, bold=True))
                self.p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self.mark(disc)
                self.text(QRectF(x + 10, y, width - 10, COMP_LINE_H),
                          Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, item, font)
            x += width
        return y + COMP_LINE_H + 2 - top

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
        """Each week's number and first day (shorter where the month shows few of its days), and
        its team week kind when a deload or taper."""
        tl = self.tl
        font = self._font(6.5)
        fm = self.fm(font)
        for w in sorted({tl.week_of[i] for i in m.days}):
            wd = [i for i in m.days if tl.week_of[i] == w]
            room = len(wd) * m.cell_w - 4
            full = f"W{w + 1} · {date_short(tl.days[tl.weeks[w].first])}"
            label = next((t for t in (full, f"W{w + 1}") if fm.horizontalAdvance(t) <= room), "")
            if label:
                self.text(QRectF(m.x(wd[0]) + 2, m.top, room, WEEK_H),
                          Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label, font, MUTED)
            kind = self.team_weeks[w] if self.team_weeks else None
            if kind in ("deload", "taper"):
                label = next((t for t in (kind, kind[0].upper()) if fm.horizontalAdvance(t) <= room), "")
                if label:
                    self.text(QRectF(m.x(wd[0]) + 2, m.top + WEEK_H, room, KIND_H),
                              Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label, font)

    def _day_header(self, m: _Month) -> None:
        """Each day's weekday (two letters) over its date, and a priority disc under a
        competition day."""
        tl = self.tl
        font, bold, marker = self._font(6), self._font(6.5, bold=True), self._font(5.5, bold=True)
        top = m.top + WEEK_H + KIND_H
        for i in m.days:
            d = tl.days[i]
            colour = TEXT if tl.is_training[i] or tl.is_comp[i] else MUTED
            x = m.x(i)
            self.text(QRectF(x, top, m.cell_w, 9), Qt.AlignmentFlag.AlignCenter,
                      WEEKDAYS[d.weekday()], font, colour)
            self.text(QRectF(x, top + 9, m.cell_w, 9), Qt.AlignmentFlag.AlignCenter,
                      str(d.day), bold, colour)
            prio = tl.best_priority(i)
            if prio is not None:
                size = min(m.cell_w - 2, 10.0)
                disc = QRectF(x + (m.cell_w - size) / 2, top + 19, size, size)
                self.p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                self.b.draw_priority(self.p, disc, prio, marker)
                self.p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self.mark(disc)

    def _rows(self, m: _Month) -> None:
        """Rows: stages (coloured, their code where a stretch starts), unavailable days, names."""
        p = self.p
        for r, a in enumerate(m.athletes):
            ap = self.plans.get(a.id)
            if ap is not None:
                self._stages(m, ap, m.y(r))
                self._own_weeks(m, ap, m.y(r))
            off = self.unavailable[a.id]
            for i in m.days:
                if i in off:
                    p.fillRect(QRectF(m.x(i), m.y(r) + 0.5, m.cell_w, m.row_h - 1), self.b.HATCH)
            self._letters(m, a.id, m.y(r))
            self._calm(m, a.id, m.y(r))
            self._name(m, a, m.y(r))

    def _letters(self, m: _Month, aid: str, y: float) -> None:
        """A day's v2 letter in the left half of its cell (where no stage code is)."""
        letters = self.letters.get(aid)
        if not letters:
            return
        size = max(3.0, min(6.0, m.row_h * 0.5))
        font = self._font(size, bold=True)
        while self.fm(font).horizontalAdvance("O") > self.code_room(m) and size > 2.5:
            size -= 0.5
            font = self._font(size, bold=True)
        for i in m.days:
            letter = letters.get(i)
            if letter is None or (aid, i) in self.left_taken:
                continue
            self.left_taken.add((aid, i))
            self.text(QRectF(m.x(i) + 1, y, self.code_room(m), m.row_h),
                      Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, letter, font,
                      FLARE if letter == "!" else TEXT)

    def code_room(self, m: _Month) -> float:
        """The width a stage code may take in its cell (the glyph keeps the right part)."""
        return m.cell_w * 0.5 - 1.5

    def _stages(self, m: _Month, ap, y: float) -> None:
        p, prev = self.p, None
        size = max(3.5, min(6.5, m.row_h * 0.55))
        for i in m.days:
            stage = ap.stages[i]
            colour = self.b.STAGE_COLOURS.get(stage)
            if colour is not None:
                p.fillRect(QRectF(m.x(i), y, m.cell_w, m.row_h), colour)
                if stage != prev or i == m.days[0]:
                    self.left_taken.add((ap.athlete, i))
                if stage != prev:
                    # a flare-up mostly starts a stage (the one it sends the athlete back to):
                    # its "!" follows the code, where the letter would have gone
                    flare = self.letters.get(ap.athlete, {}).get(i) == "!"
                    label = stage + ("!" if flare else "")
                    font = self._font(size, bold=True)
                    while self.fm(font).horizontalAdvance(label) > self.code_room(m) and size > 3.0:
                        size -= 0.5
                        font = self._font(size, bold=True)
                    left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                    box = self.text(QRectF(m.x(i) + 1, y, self.code_room(m), m.row_h), left, stage,
                                    font, QColor("white") if stage == "INJ" else TEXT)
                    if flare:
                        self.text(QRectF(box.right(), y, self.fm(font).horizontalAdvance("!") + 1,
                                         m.row_h), left, "!", font, FLARE)
            prev = stage

    def _own_weeks(self, m: _Month, ap, y: float) -> None:
        """The athlete's own week kind where it differs from the team's (in rehab on the week's
        first day, rules-spec.md section 2): a band at the foot of the row, as on the board."""
        tl, band = self.tl, max(1.2, m.row_h * 0.16)
        for w in sorted({tl.week_of[i] for i in m.days}):
            own = ap.weeks[w] if w < len(ap.weeks) else None
            if own is None or own == self.team_weeks[w]:
                continue
            days = [i for i in tl.weeks[w].days if m.days[0] <= i <= m.days[-1]]
            x0, x1 = m.x(days[0]) + 1, m.x(days[-1]) + m.cell_w - 1
            rect = QRectF(x0, y + m.row_h - band - 0.6, x1 - x0, band)
            self.p.fillRect(rect, self.b.WEEK_BAND[own])
            self.mark(rect, f"band {ap.athlete} W{w + 1} {own}")

    def _name(self, m: _Month, athlete, y: float) -> None:
        fm = self.fm(m.name_font)
        room = m.name_w - m.pos_w - 8
        name = fm.elidedText(athlete.name, Qt.TextElideMode.ElideRight, room)
        self.text(QRectF(MARGIN, y, room, m.row_h),
                  Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name, m.name_font)
        if m.pos_w:
            short = fm.elidedText(fitted_position(athlete.position,
                                                  lambda t: fm.horizontalAdvance(t) <= m.pos_w - 4),
                                  Qt.TextElideMode.ElideRight, m.pos_w - 4)
            self.text(QRectF(MARGIN + m.name_w - m.pos_w - 2, y, m.pos_w - 2, m.row_h),
                      Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, short,
                      m.name_font, MUTED)

    def _grid_lines(self, m: _Month) -> None:
        p, tl, days = self.p, self.tl, m.days
        p.setPen(QPen(GRID, 0.4))
        for r in range(len(m.athletes) + 1):
            p.drawLine(MARGIN, m.y(r), m.right, m.y(r))
        for i in days + [days[-1] + 1]:
            week_start = i == days[0] or i > days[-1] or tl.week_of[i] != tl.week_of[i - 1]
            p.setPen(QPen(WEEK_LINE if week_start else GRID, 0.8 if week_start else 0.4))
            top = m.top if week_start else m.top + WEEK_H + KIND_H  # week labels run across days
            p.drawLine(m.x(i), top, m.x(i), m.bottom)

    def _glyphs(self, m: _Month) -> None:
        """The planned intensity as the board's glyphs, over everything (or a note: no plan). In
        a cell that shows a stage code the glyph sits in the cell's right half."""
        p = self.p
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # one size for every glyph of the page (its size is the intensity, as in the legend): the
        # size that fits the right half of a cell showing a stage code
        scale = min(1.3, m.row_h / 15.0, m.cell_w / 15.0, (m.cell_w * 0.5 - 1.5) / 12.6, m.row_h / 14.0)
        for r, a in enumerate(m.athletes):
            ap = self.plans.get(a.id)
            if ap is None:
                continue
            cy = m.y(r) + m.row_h / 2
            for i in m.days:
                level = ap.intensity[i]
                coded = (a.id, i) in self.left_taken
                cx = m.x(i) + (m.cell_w * 0.75 if coded else m.cell_w * 0.5)
                if level <= 0:
                    if i in self.recovery.get(a.id, ()):
                        self.b.draw_recovery(p, cx, cy, self.b.intensity_colour(70))
                        self.mark(QRectF(cx - 3.6, cy - 3.6, 7.2, 7.2), "ring")
                    continue
                self.b.draw_glyph(p, level, cx, cy, scale=scale)
                self.mark(self._glyph_box(level, cx, cy, scale), f"glyph {level}")
        self._pain_marks(m)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if not self.plans:
            self.text(QRectF(m.x0, m.grid_top, m.right - m.x0, max(20.0, m.bottom - m.grid_top)),
                      Qt.AlignmentFlag.AlignCenter,
                      "Not planned yet: solve the season (periodize solve SEASON --save)",
                      self._font(9), MUTED)

    def _pain_marks(self, m: _Month) -> None:
        """A logged pain to look at (a flare-up proposed, or a pain listed): the board's red
        triangle at the cell's bottom left, up to today."""
        from ui.desktop.pastview import PAIN

        size = max(2.5, min(5.0, m.row_h * 0.4, m.cell_w * 0.35))
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(PAIN)
        for r, a in enumerate(m.athletes):
            days = self.pain.get(a.id, ())
            top, foot = m.y(r) + 0.5, m.y(r) + m.row_h - 0.5
            for i in m.days:
                if i not in days or i > self.tl.p0:  # up to today, as the board
                    continue
                left, right = m.x(i) + 0.5, m.x(i) + m.cell_w - 0.5 - size
                # a corner of the cell that no code, letter or glyph drawn in it takes
                taken = [b for b, t in self.page_boxes if not t.startswith("band ")
                         and b.intersects(QRectF(m.x(i), m.y(r), m.cell_w, m.row_h))]
                corners = [QRectF(x, y, size, size) for y in (foot - size, top)
                           for x in (left, right)]
                box = next((c for c in corners if not any(_hit(c, b) for b in taken)), None)
                if box is None:  # a crowded small cell: a red bar in the room left above
                    cell_top = m.y(r)
                    room = min([b.top() - cell_top for b in taken] + [1.6])
                    bar = QRectF(m.x(i) + 0.5, cell_top + 0.2, m.cell_w - 1, max(0.6, room - 0.2))
                    self.p.fillRect(bar, PAIN)
                    self.mark(bar, "pain")
                    continue
                self.p.drawPolygon(QPolygonF([box.bottomLeft(), box.bottomRight(),
                                              QPointF(box.center().x(), box.top())]))
                self.mark(box, "pain")

    def _glyph_box(self, level: int, cx: float, cy: float, scale: float) -> QRectF:
        r = self.b.glyph_for(level).boundingRect()
        return QRectF(cx + r.x() * scale, cy + r.y() * scale, r.width() * scale, r.height() * scale)

    def _today_line(self, m: _Month) -> None:
        """The season's today as on the board: a line at its left edge, labelled, on the page of
        its month (a wall copy mid-season showed no line between what happened and the plan)."""
        today = self.season.calendar.today
        i = self.tl.index(today) if today is not None else None
        if i is None or i not in m.days:
            return
        x = m.x(i)
        self.p.setPen(QPen(TODAY, 1.6))
        self.p.drawLine(x, m.top, x, m.bottom)  # the footer says what it is
        self.mark(QRectF(x - 0.8, m.top, 1.6, m.bottom - m.top), "band today")  # runs under glyphs

    def _footer(self, number: int, total: int) -> None:
        font = self._font(6.5)
        top = self.h - MARGIN - FOOTER_H
        right = f"Page {number} of {total}"
        rw = self.fm(font).horizontalAdvance(right) + 4
        self.text(QRectF(self.w - MARGIN - rw, top, rw, FOOTER_H),
                  Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, right, font, MUTED)
        today = self.season.calendar.today
        left = (f"Periodize · exported {date_long(self.exported)} · "
                + (f"today {date_long(today)}, the orange line (the days before it as logged) · "
                   if today else "")
                + f"{plural(len(self.athletes), 'athlete')}"
                + (" · anonymised: athlete IDs, no diagnoses" if self.anonymise else ""))
        self.text(QRectF(MARGIN, top, self.w - 2 * MARGIN - rw - 8, FOOTER_H),
                  Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, left, font, MUTED)

    # -- the legend ----------------------------------------------------------------------------------
    def _legend_items(self) -> list[tuple[str, list]]:
        """The legend's groups: a heading and its entries, each (kind, key, label)."""
        b = self.b
        return [
            ("Stage (code where it starts):", [("swatch", b.STAGE_COLOURS[s], s) for s in b.LEGEND_STAGES]),
            ("% of max speed:", [("glyph", lv, str(lv)) for lv in LEVELS]
             + [("ring", None, "recovery")]),
            ("Own week ≠ team (rehab):", [("band", b.WEEK_BAND["deload"], "deload"),
                                          ("band", b.WEEK_BAND["load"], "load")]),
            # the legend's second line is full (two lines keep 45 athletes a page): its words
            # are short ("Weeks, days", "A (taper)", "R held") to leave calm days room
            ("Weeks, days:", [("swatch", b.WEEK_TINT["deload"], "deload"),
                              ("swatch", b.WEEK_TINT["taper"], "taper"),
                              ("swatch", OFF_DAY, "no training"),
                              ("swatch", b.HATCH, "unavailable"),
                              ("pain", None, "pain flagged")]),
            ("Priority:", [("disc", "A", "A (taper)"), ("disc", "B", "B"), ("disc", "C", "C")]),
            ("Letters:", [("text", None, "S start, B bench, O out, R held (RE-1), "
                                         "C compensation, ! flare-up"),
                          ("calm", None, "calm days")]),
        ]

    def _legend(self, left: float, top: float, paint: bool) -> list[float]:
        """Lay the legend out in as many lines as the page width needs (a group never splits);
        returns the lines' tops (relative) when not painting."""
        font = self._font(6.5)
        fm = self.fm(font)
        right = self.w - MARGIN
        x, line = left, 0
        lines = [0.0]
        for head, entries in self._legend_items():
            width = fm.horizontalAdvance(head) + 4 + sum(
                (13 if kind != "text" else 0) + fm.horizontalAdvance(label) + 6
                for kind, _, label in entries) + 10
            if x + width > right and x > left:
                x, line = left, line + 1
                lines.append(line * LEGEND_LINE_H)
            if paint:
                self._legend_group(x, top + line * LEGEND_LINE_H, head, entries, font)
            x += width
        return lines

    def _legend_group(self, x: float, top: float, head: str, entries: list, font: QFont) -> None:
        p, b, fm = self.p, self.b, self.fm(font)
        cy = top + LEGEND_LINE_H / 2
        w = fm.horizontalAdvance(head)
        self.text(QRectF(x, top, w + 2, LEGEND_LINE_H), Qt.AlignmentFlag.AlignVCenter, head, font)
        x += w + 4
        for kind, key, label in entries:
            if kind == "swatch":
                rect = QRectF(x, cy - 4.5, 10, 9)
                p.fillRect(rect, key)
                p.setPen(QPen(GRID, 0.4))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
                self.mark(rect)
                x += 13
            elif kind == "band":  # an own week: a cell with the band at its foot
                rect = QRectF(x, cy - 4.5, 10, 9)
                p.fillRect(QRectF(x + 0.5, cy + 2.5, 9, 1.8), key)
                p.setPen(QPen(GRID, 0.4))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
                self.mark(rect)
                x += 13
            elif kind == "glyph":
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                b.draw_glyph(p, key, x + 5, cy, scale=0.75)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self.mark(self._glyph_box(key, x + 5, cy, 0.75), "glyph")
                x += 13
            elif kind == "pain":
                from ui.desktop.pastview import PAIN

                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(PAIN)
                p.drawPolygon(QPolygonF([QPointF(x + 2, cy + 3), QPointF(x + 8, cy + 3),
                                         QPointF(x + 5, cy - 3)]))
                self.mark(QRectF(x + 2, cy - 3, 6, 6), "legend pain")
                x += 13
            elif kind == "ring":
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                b.draw_recovery(p, x + 5, cy, b.intensity_colour(70))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self.mark(QRectF(x + 1.4, cy - 3.6, 7.2, 7.2), "ring")
                x += 13
            elif kind == "calm":  # a cell with the board's dotted line along its top
                from ui.desktop.boardmarks import draw_calm

                rect = QRectF(x, cy - 4.5, 10, 9)
                p.setPen(QPen(GRID, 0.4))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
                draw_calm(p, x + 1, x + 9, cy - 3.5, 1.2)
                self.mark(rect, "legend calm")
                x += 13
            elif kind == "disc":
                rect = QRectF(x, cy - 5, 10, 10)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                b.draw_priority(p, rect, key, self._font(6, bold=True))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self.mark(rect)
                x += 13
            lw = fm.horizontalAdvance(label)
            self.text(QRectF(x, top, lw + 2, LEGEND_LINE_H), Qt.AlignmentFlag.AlignVCenter, label, font)
            x += lw + 6
