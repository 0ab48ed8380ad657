"""Athlete handouts: one printable A4 page per athlete and week (QPdfWriter), and the app's way to
ask for them (File ▸ Export Handouts…: a small dialog to pick athletes and weeks).

Each page is what :mod:`planner.handout` says about the week, laid out as the workbook's athlete
sheets: the athlete and the week at the top; the week's kind, block, stage with its limits, next
milestone, matches with the athlete's role and the planned load; a row per day with the session,
what to do, target speed (m/s and km/h from the athlete's max speed), minutes, target RPE, the
day's planned load and the kicking and change-of-direction limits; room for notes; the words used,
and page numbers, at the foot. Text is measured and wrapped; when a week is long the type gets smaller so the week stays on
one page.

- :func:`handouts_pdf` paints pages into PDF bytes (headless: ``ui.desktop.pdf.ensure_gui``);
- :func:`export_handouts_pdf` writes one PDF (the app: the chosen athletes and weeks);
- :func:`export_handouts` writes one PDF per athlete into a folder, all of them or none
  (``periodize export … --handouts DIR``);
- :class:`HandoutsDialog` and :func:`install` are the app's menu entry.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from planner import text
from planner.errors import PeriodizeError
from planner.handout import (
    LIMITS_HEAD,
    HandoutDay,
    HandoutWeek,
    away_left_out,
    away_left_out_words,
    day_texts,
    gone_before,
    gone_label,
    gone_words,
    handout_weeks,
    idle_left_out,
    idle_left_out_words,
    keep_units,
    page_terms,
)
from planner.season import Plan, Season
from planner.sessions import max_speed_header
from planner.squad import NOT_PLANNED, display_ids, display_order, unplanned, unplanned_line
from planner.timeline import Timeline
from ui.desktop import wheelguard
from ui.desktop.pdf import PagesCancelled
from ui.desktop.weekpick import (
    board_selection,
    chosen_span,
    current_week,
    week_combo,
    week_label,
    weeks_span,
)

__all__ = ["HandoutsDialog", "current_week", "export_handouts", "export_handouts_pdf", "handouts_pdf",
           "install", "week_label"]

MARGIN = 28.0
LABEL_W = 62.0
MIN_SIZE = 6.0  # the smallest type a week is set in to fit its page
TEXT = QColor("#1c1c1c")
MUTED = QColor("#5f5f5f")
GRID = QColor("#b8b8b8")
SHADE = QColor("#f2f2f2")
HEAD = QColor("#e6e6e6")
FOOT_H = 20.0  # the footer's least height (two lines of 7 pt), above the bottom margin: more
# when its terms wrap to more (_Painter._foot_rect)
REPORT_H = 12.0  # the player's line of what to tell the coach, above the footer (in the 34 pt kept)
KIND_TINT = {"deload": QColor("#cfe2f3"), "taper": QColor("#ffe0a3")}
# (header, share of the table's width, wrapped)
COLUMNS = (
    ("Day", 0.092, False), ("MD", 0.045, False), ("Stage", 0.045, False), ("Session", 0.177, True),
    ("What to do", 0.28, True), ("Target speed", 0.09, True), ("Min", 0.037, False),
    ("RPE", 0.05, False), ("Load AU", 0.045, True), (LIMITS_HEAD, 0.139, True),
)
RPE_COLUMN = 7  # headed by the week (HandoutWeek.rpe_head: "Target RPE" or a logged "RPE")
LIMITS_COLUMN = 9  # headed by the week too (HandoutWeek.limits_head: "Kicking" only when a day has it)


def _font(size: float, bold: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


# Qt's line breaking may break after a slash: "(5.6 m/" then "s)" in a narrow Session cell. A
# word joiner (U+2060: no width, no glyph, left out of the PDF's text) after it keeps the unit
# one word, as keep_units' no-break space keeps it with its number (the workbook's way)
_JOINED = (("m/s", "m/\u2060s"), ("km/h", "km/\u2060h"))


def _unbroken(value: str) -> str:
    """``value`` as a page paints it: :func:`keep_units`, and "m/s" and "km/h" never parted."""
    value = keep_units(value)
    for a, b in _JOINED:
        value = value.replace(a, b)
    return value


def _wrapped_height(fm: QFontMetricsF, width: float, value: str) -> float:
    if not value:
        return fm.height()
    r = fm.boundingRect(QRectF(0, 0, max(1.0, width), 1e6),
                        int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), value)
    return r.height()


@dataclass(frozen=True)
class _Cells:
    """One day's texts, in the order of :data:`COLUMNS`."""

    values: tuple[str, ...]
    bold_session: bool
    rest: bool
    stage: str


def _day_cells(d: HandoutDay) -> _Cells:
    t = day_texts(d)
    values = (d.day, d.md or "", d.stage if d.stage != "FIT" else "", t.summary, t.what, t.speed,
              "" if d.minutes is None else f"{d.minutes:g}", "" if d.rpe is None else f"{d.rpe:g}",
              "" if d.load is None else text.number(d.load), t.limits)  # a logged 0 AU reads 0
    return _Cells(tuple(_unbroken(v) for v in values), t.bold, t.rest, d.stage)


class _Painter:
    """Paints handout weeks, one a page."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, exported: dt.date):
        from ui.desktop import board

        self.b = board
        self.p, self.writer, self.exported = painter, writer, exported
        self.sizes: list[tuple[str, int, float, bool]] = []  # per page: athlete, week, type, fits
        page = writer.pageLayout().fullRectPoints()
        self.w, self.h = float(page.width()), float(page.height())
        self.inner = self.w - 2 * MARGIN

    def page(self, week: HandoutWeek, number: int, total: int) -> None:
        terms, page_no = page_terms(week), self._page_words(number, total)
        foot = self._foot_rect(terms, page_no)
        room = foot.top() - REPORT_H - 2  # the week's bottom: the player's line kept above the footer
        y = self._top(week)
        if week.away:  # one line: no load week, stage or day rows of a week he is not here
            self.sizes.append((week.athlete, week.week, 12.0, True))
            self.p.setPen(TEXT)
            self.p.setFont(_font(12, bold=True))
            self.p.drawText(QRectF(MARGIN, y + 6, self.inner, 24), Qt.AlignmentFlag.AlignLeft
                            | Qt.AlignmentFlag.AlignVCenter, week.kind_text + ".")
            if week.stage:  # in rehab: what is still asked of him while away
                self.p.setFont(_font(11))
                self.p.drawText(QRectF(MARGIN, y + 32, self.inner, 36), Qt.AlignmentFlag.AlignLeft
                                | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                                week.stage + ".")
            self._notes(y + (78 if week.stage else 44), foot.top() - 10)
            self._footer(foot, page_no, terms)
            return
        size = 9.5
        while True:  # the largest type at which the week fits its page
            info_h = self._info(week, y, size, paint=False)
            rows_h = self._table(week, y + info_h + 6, size, paint=False)
            fits = y + info_h + 6 + rows_h <= room
            if fits or size <= MIN_SIZE:
                break
            size -= 0.5
        self.sizes.append((week.athlete, week.week, size, fits))  # what the tests read
        info_h = self._info(week, y, size, paint=True)
        bottom = y + info_h + 6 + self._table(week, y + info_h + 6, size, paint=True)
        self._notes(bottom + 10, foot.top() - 10 - (REPORT_H if week.report else 0))
        self._report(week.report, foot.top())
        self._footer(foot, page_no, terms)

    # -- parts -----------------------------------------------------------------------------------
    def _top(self, w: HandoutWeek) -> float:
        p = self.p
        p.setPen(TEXT)
        p.setFont(_font(16, bold=True))
        p.drawText(QRectF(MARGIN, MARGIN, self.inner * 0.6, 22),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, w.who)
        head = _font(14, bold=True)
        p.setFont(head)
        # the whole title where it fits; else the week's days on the first line and what is
        # logged and what planned on the second, beside the season (it was cut at its left)
        whole = QFontMetricsF(head, self.writer).horizontalAdvance(w.title) <= self.inner * 0.6
        p.drawText(QRectF(MARGIN + self.inner * 0.4, MARGIN, self.inner * 0.6, 22),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   w.title if whole else w.heading)
        sub = [w.position] if w.position else []
        sub.append(max_speed_header(w.max_speed))  # "max speed not measured: time his first …"
        p.setPen(MUTED)
        p.setFont(_font(9))
        p.drawText(QRectF(MARGIN, MARGIN + 22, self.inner * 0.6, 14),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, " · ".join(sub))
        right = QRectF(MARGIN + self.inner * 0.4, MARGIN + 22, self.inner * 0.6, 14)
        if whole or not w.when:
            p.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, w.season)
        else:
            season_w = QFontMetricsF(_font(9), self.writer).horizontalAdvance(" · " + w.season)
            p.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       " · " + w.season)
            p.setPen(TEXT)
            p.setFont(_font(9, bold=True))
            p.drawText(right.adjusted(0, 0, -season_w, 0),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       w.when[:1].upper() + w.when[1:])
        p.setPen(QPen(TEXT, 1.2))
        p.drawLine(MARGIN, MARGIN + 40, self.w - MARGIN, MARGIN + 40)
        return MARGIN + 46

    def _info_rows(self, w: HandoutWeek) -> list[tuple[str, str, str | None]]:
        stage = w.stage + (f" Limits: {w.limits}." if w.limits else "")
        return [
            ("Week", f"{w.kind_text}. {w.speed_label}: {w.speed_line}.", "" if w.idle else w.kind),
            ("Block", w.block or "–", None),
            ("Stage", stage, None),
            *((("Pain", w.pain_rule, None),) if w.pain_rule else ()),
            *((("Running", w.run_rule, None),) if w.run_rule else ()),
            ("Next", w.milestone or "–", None),
            ("Matches", "; ".join(w.matches) if w.matches else "No match this week", None),
            ("Load", f"Planned load: {w.load_text}" + (
                f"; logged {text.number(w.logged_load)} AU (the days with a session logged)"
                if w.logged_load is not None else ""), None),
        ]

    def _info(self, w: HandoutWeek, top: float, size: float, paint: bool) -> float:
        p = self.p
        font, label = _font(size), _font(size - 0.5, bold=True)
        fm = QFontMetricsF(font, self.writer)
        width = self.inner - LABEL_W
        y = top
        for key, value, kind in self._info_rows(w):
            value = _unbroken(value)
            h = _wrapped_height(fm, width - 4, value) + 3
            if paint:
                if kind in KIND_TINT:
                    p.fillRect(QRectF(MARGIN + LABEL_W - 2, y, width + 2, h), KIND_TINT[kind])
                p.setPen(MUTED)
                p.setFont(label)
                p.drawText(QRectF(MARGIN, y + 1, LABEL_W, h), Qt.AlignmentFlag.AlignLeft
                           | Qt.AlignmentFlag.AlignTop, key)
                p.setPen(TEXT)
                p.setFont(font)
                p.drawText(QRectF(MARGIN + LABEL_W, y + 1, width - 4, h),
                           int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), value)
            y += h
        return y - top

    def _table(self, w: HandoutWeek, top: float, size: float, paint: bool) -> float:
        widths = [share * self.inner for _, share, _ in COLUMNS]
        head_font = _font(size - 0.5, bold=True)
        fm_head = QFontMetricsF(head_font, self.writer)
        heads = [w.rpe_head if j == RPE_COLUMN else w.limits_head if j == LIMITS_COLUMN else h
                 for j, (h, _, _) in enumerate(COLUMNS)]
        head_h = max(_wrapped_height(fm_head, wd - 6, h) for h, wd in zip(heads, widths, strict=True)) + 6
        if paint:
            self._row(heads, widths, top, head_h, head_font, head_font, fill=HEAD)
        y = top + head_h
        font, bold = _font(size), _font(size, bold=True)
        fm, fm_bold = QFontMetricsF(font, self.writer), QFontMetricsF(bold, self.writer)
        for d in w.days:
            cells = _day_cells(d)
            h = 0.0
            for j, (value, wd) in enumerate(zip(cells.values, widths, strict=True)):
                metrics = fm_bold if j == 3 and cells.bold_session else fm
                h = max(h, _wrapped_height(metrics, wd - 6, value))
            h += 6
            if paint:
                self._row(list(cells.values), widths, y, h, font, bold if cells.bold_session else font,
                          fill=SHADE if cells.rest else None, stage=cells.stage)
            y += h
        return y - top

    def _row(self, values: list[str], widths: list[float], y: float, h: float, font: QFont,
             session_font: QFont, fill: QColor | None = None, stage: str | None = None) -> None:
        p = self.p
        x = MARGIN
        for j, (value, wd) in enumerate(zip(values, widths, strict=True)):
            rect = QRectF(x, y, wd, h)
            colour = self.b.STAGE_COLOURS.get(stage) if j == 2 and stage else None
            if colour is not None:
                p.fillRect(rect, colour)
            elif fill is not None:
                p.fillRect(rect, fill)
            p.setPen(QPen(GRID, 0.5))
            p.drawRect(rect)
            p.setPen(QColor("white") if colour is not None and stage == "INJ" else TEXT)
            p.setFont(session_font if j == 3 else font)
            align = (Qt.AlignmentFlag.AlignHCenter if j in (1, 2, 5, 6, 7) else Qt.AlignmentFlag.AlignLeft)
            p.drawText(rect.adjusted(3, 3, -3, -3),
                       int(Qt.TextFlag.TextWordWrap | align | Qt.AlignmentFlag.AlignTop), value)
            x += wd

    def _notes(self, top: float, bottom: float) -> None:
        """Ruled lines for the athlete's or the coach's notes in the room left on the page."""
        if bottom - top < 36:
            return
        p = self.p
        p.setPen(MUTED)
        p.setFont(_font(8.5, bold=True))
        p.drawText(QRectF(MARGIN, top, 120, 12), Qt.AlignmentFlag.AlignLeft, "Notes")
        p.setPen(QPen(GRID, 0.5))
        y = top + 26
        while y <= bottom:
            p.drawLine(MARGIN, y, self.w - MARGIN, y)
            y += 18

    def _report(self, line: str, foot_top: float) -> None:
        """What the player tells the coach after training (HandoutWeek.report), one bold line
        right above the footer (its top ``foot_top``), in the room every page keeps there (the
        week's type unchanged)."""
        if not line:
            return
        self.p.setPen(TEXT)
        self.p.setFont(_font(8, bold=True))
        self.p.drawText(QRectF(MARGIN, foot_top - REPORT_H, self.inner, REPORT_H),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def _page_words(self, number: int, total: int) -> str:
        return f"Periodize · {text.date_long(self.exported)} · page {number} of {total}"

    def _terms_width(self, page_no: str) -> float:
        """The width the terms' last line wraps in: the footer's, less the page number at its
        right."""
        return self.inner - QFontMetricsF(_font(7), self.writer).horizontalAdvance(page_no) - 16

    def _terms_layout(self, terms: str, page_no: str) -> tuple[QTextLayout, float]:
        """The terms laid out (7 pt) and their height: every line the footer's whole width but
        the last, which keeps clear of the page number at its right (the terms wrapped beside
        it on every line took a third line where two hold them, and the week's type shrank)."""
        def lay(full: int) -> list:
            layout = QTextLayout(terms, _font(7), self.writer)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            layout.setTextOption(option)
            layout.beginLayout()
            lines, y = [], 0.0
            while (line := layout.createLine()).isValid():
                line.setLineWidth(self.inner if len(lines) < full else self._terms_width(page_no))
                line.setPosition(QPointF(0, y))
                y += line.height()
                lines.append(line)
            layout.endLayout()
            return [layout, y, lines]

        layout, high, lines = lay(1 << 30)
        if lines and lines[-1].naturalTextWidth() > self._terms_width(page_no):
            layout, high, lines = lay(len(lines) - 1)  # the last line beside the page number
        return layout, high

    def _foot_rect(self, terms: str, page_no: str) -> QRectF:
        """The footer's rectangle on the bottom margin: FOOT_H, or as high as its terms wrap
        (a week holding today, a deload with "≤" on it: three lines), measured, so that the
        player's line and the week above it keep clear of them."""
        high = max(FOOT_H, self._terms_layout(terms, page_no)[1] + 1) if terms else FOOT_H
        return QRectF(MARGIN, self.h - MARGIN - high, self.inner, high)

    def _footer(self, rect: QRectF, page_no: str, terms: str = "") -> None:
        """The page's terms (planner.handout.page_terms, 7 pt, wrapped in ``rect``:
        :meth:`_foot_rect`, :meth:`_terms_layout`) at the left, the export's date and page
        number at the right of their last line."""
        p = self.p
        p.setPen(MUTED)
        p.setFont(_font(7))
        p.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, page_no)
        if terms:
            layout, high = self._terms_layout(terms, page_no)
            layout.draw(p, QPointF(rect.left(), rect.bottom() - high))


class HandoutsCancelled(PagesCancelled):
    """The coach stopped a handout export: nothing was written."""


def handouts_pdf(season: Season, plan: Plan, athletes: list[str] | None = None,
                 weeks: list[int] | None = None, *, anonymise: bool = False,
                 exported: dt.date | None = None, progress=None,
                 sizes: list | None = None) -> tuple[bytes, int]:
    """The handout pages of ``athletes`` (ids; None: the whole squad in display order) and
    ``weeks`` (0-based indexes; None: every week) as PDF bytes, and the number of pages.
    ``progress(done, total)`` is told before each page; when it returns False the export stops
    (:class:`HandoutsCancelled`). ``sizes`` receives, per page, (athlete, week, type size, the
    week fits its page)."""
    from ui.desktop.pdf import render_a4_landscape

    if plan.unplanned:  # a placeholder row at 0 % until a solve: no page (Plan.unplanned)
        athletes = [a for a in (athletes if athletes is not None else display_ids(season, plan))
                    if a not in plan.unplanned]
    if anonymise:  # who left the squad read first: the anonymisation drops the reasons
        from planner.anonymise import anonymised

        gone = gone_before(season, weeks)
        athletes = [a for a in (athletes if athletes is not None else display_ids(season, plan))
                    if a not in gone]
        season, plan = anonymised(season, plan)
    weeks_out = handout_weeks(season, plan, athletes, weeks, anonymise=anonymise)

    def paint(painter: QPainter, writer) -> int:
        pages = _Painter(painter, writer, exported or text.computer_date())
        for n, w in enumerate(weeks_out, start=1):
            if progress is not None and not progress(n - 1, len(weeks_out)):
                raise HandoutsCancelled
            if n > 1:
                writer.newPage()
            pages.page(w, n, len(weeks_out))
        if sizes is not None:
            sizes.extend(pages.sizes)
        if not weeks_out:
            painter.setFont(_font(12))
            painter.drawText(QRectF(MARGIN, MARGIN, 500, 40), Qt.AlignmentFlag.AlignLeft,
                             "No handout: no athlete or week was chosen.")
        return max(1, len(weeks_out))

    return render_a4_landscape(f"{season.name}: handouts", paint)


def export_handouts_pdf(season: Season, plan: Plan, path: str | os.PathLike,
                        athletes: list[str] | None = None, weeks: list[int] | None = None, *,
                        anonymise: bool = False, progress=None, backup: bool = False) -> int:
    """One PDF with the chosen athlete-weeks, written atomically (nothing when ``progress``
    stops it: :func:`handouts_pdf`; ``backup``: the file replaced kept as ``NAME.bak``);
    returns the pages."""
    from planner.seasonfile import atomic_write

    _check(season, plan)
    data, pages = handouts_pdf(season, plan, athletes, weeks, anonymise=anonymise, progress=progress)
    atomic_write(Path(path), data, backup=backup)
    return pages


def export_handouts(season: Season, plan: Plan, folder: str | os.PathLike, *,
                    anonymise: bool = False, weeks: list[int] | None = None,
                    keep: frozenset[str] = frozenset()) -> list[Path]:
    """One PDF per athlete (a page per week) into ``folder`` (created when missing): every file
    new, or on a failure every previous file untouched (``planner.filegroup``; ``keep``: the
    names whose file there is kept as ``NAME.bak``)."""
    from planner.filegroup import athlete_file_names, prepare_folder, write_group

    _check(season, plan)
    out = prepare_folder(folder, "handouts")
    names = athlete_file_names(season, anonymise, ".pdf")
    gone = gone_before(season, weeks)  # left the squad before these weeks, or joins after: no file
    # away every day of the weeks (on loan): no file either (said by away_left_out_words)
    away = away_left_out(season, display_ids(season, plan), weeks)
    # every week chosen wholly in the team's days off (said by idle_left_out_words): no file
    idle = idle_left_out(season, weeks)
    every = len(Timeline(season).weeks) if weeks is None else len(weeks)
    files = {}
    for a in display_order(season, plan):
        if a.id not in gone and a.id not in away and a.id not in plan.unplanned and len(idle) < every:
            files[names[a.id]] = handouts_pdf(season, plan, [a.id], weeks, anonymise=anonymise)[0]
    return write_group(out, files, keep)


def _check(season: Season, plan: Plan) -> None:
    from planner.errors import InputError
    from planner.validate import export_problems

    problems = export_problems(season, plan)
    if problems:
        raise InputError("handouts", problems)


# -- the app ---------------------------------------------------------------------------------------
_LABEL = Qt.ItemDataRole.UserRole + 1  # an athlete's line as listed (greyed: "— left the squad")
_TICKED = Qt.ItemDataRole.UserRole + 2  # his tick before he was greyed


def first_working_week(tl: Timeline) -> int:
    """The week the dialog opens on when no day is chosen: the first from the planning start's
    (today's, under way) that holds a training or match day; the planning start's when none
    does. A season starting on a Sunday opened on its week 1, that Sunday alone with no session:
    22 pages of a rest day."""
    now = current_week(tl)
    return next((w.index for w in tl.weeks[now:]
                 if any(tl.is_training[i] or tl.is_comp[i] for i in w.days)),
                now)


class HandoutsDialog(QDialog):
    """Pick the athletes (checked in a list; Whole squad / None) and a range of weeks.

    ``athlete``: the athlete selected on the board, the only one ticked at first (a coach who
    selected one player and exported printed 24 pages); the whole squad is a click away."""

    def __init__(self, season: Season, parent=None, today: dt.date | None = None,
                 athlete: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export Handouts")
        self.setAccessibleName("Export handouts")
        self.tl = Timeline(season)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("One page per athlete and week, to print and hand out."))
        self.athletes = QListWidget()
        self.athletes.setAccessibleName("Athletes")
        self.season = season
        one = athlete if season.athlete(athlete or "") is not None else None
        self.unplanned = set(unplanned(season))  # no page until a solve plans them: greyed
        for a in display_order(season):
            item = QListWidgetItem(a.label + (f", {a.position}" if a.position else ""))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if one in (None, a.id)
                               else Qt.CheckState.Unchecked)
            if a.id in self.unplanned:
                item.setText(f"{item.text()} — {NOT_PLANNED}")
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.athletes.addItem(item)
            if a.id == one:
                self.athletes.setCurrentItem(item)
        layout.addWidget(self.athletes)
        row = QHBoxLayout()
        for label, state in (("&Whole squad", Qt.CheckState.Checked),
                             ("&None", Qt.CheckState.Unchecked)):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, s=state: self._check_all(s))
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        now = current_week(self.tl, today) if today is not None else first_working_week(self.tl)
        self.first, self.last = week_combo(self.tl, "First week", now), week_combo(self.tl, "Last week", now)
        form.addRow("From", self.first)
        form.addRow("To", self.last)
        self.anonymise = QCheckBox("Anonymised: athlete IDs, no diagnoses")
        form.addRow("", self.anonymise)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long left-out line wraps: the dialog kept widening
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.athletes.itemChanged.connect(self._update)
        self.first.currentIndexChanged.connect(self._update)
        self.last.currentIndexChanged.connect(self._update)
        self._update()
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field

    def _check_all(self, state: Qt.CheckState) -> None:
        for k in range(self.athletes.count()):
            item = self.athletes.item(k)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:  # not one who left before the weeks
                item.setCheckState(state)

    def chosen_athletes(self) -> list[str]:
        return [self.athletes.item(k).data(Qt.ItemDataRole.UserRole)
                for k in range(self.athletes.count())
                if self.athletes.item(k).checkState() == Qt.CheckState.Checked]

    def chosen_weeks(self) -> list[int]:
        return chosen_span(self.first, self.last)

    def away(self) -> dict[str, str]:
        """The athletes ticked with others but away every day of the weeks chosen: left out
        (planner.handout.away_left_out; one ticked alone keeps his page)."""
        return away_left_out(self.season, self.chosen_athletes(), self.chosen_weeks())

    def printed_athletes(self) -> list[str]:
        """The athletes ticked whose pages are printed: :meth:`away` left out."""
        away = self.away()
        return [a for a in self.chosen_athletes() if a not in away]

    def _grey_gone(self, gone: dict[str, dt.date]) -> None:
        """Those who left the squad before the weeks chosen, or join it after them: unticked and
        greyed, "left the squad on 4 Jan" ("joins the squad on 4 Jan") beside the name (he was
        listed and ticked, then "no handout"); ticked as they were again once the weeks chosen
        are some of his."""
        self.athletes.blockSignals(True)
        for k in range(self.athletes.count()):
            item = self.athletes.item(k)
            aid = item.data(Qt.ItemDataRole.UserRole)
            if aid in self.unplanned:
                continue  # greyed for good: not planned yet
            label = item.data(_LABEL)
            if label is None:
                item.setData(_LABEL, label := item.text())
            was_gone = not item.flags() & Qt.ItemFlag.ItemIsEnabled
            if aid in gone and not was_gone:
                item.setData(_TICKED, item.checkState())
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setText(f"{label} — {gone_label(self.season, aid, gone[aid])}")
            elif aid not in gone and was_gone:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(item.data(_TICKED))
                item.setText(label)
        self.athletes.blockSignals(False)

    def _update(self, *_args) -> None:
        weeks = self.chosen_weeks()
        gone = gone_before(self.season, weeks)
        self._grey_gone(gone)
        chosen = self.chosen_athletes()
        away = away_left_out(self.season, chosen, weeks)
        idle = idle_left_out(self.season, weeks)
        n = sum(1 for a in chosen if a not in gone and a not in away) * (len(weeks) - len(idle))
        left = gone_words(self.season, {a: gone[a] for a in chosen if a in gone})
        said = "; ".join(x for x in (away_left_out_words(self.season, away, weeks),
                                     idle_left_out_words(idle)) if x)
        left += [line] if (line := unplanned_line(self.season, fix="solve (F5) for their handouts")) else []
        self.summary.setText(f"{text.plural(n, 'page')} to print" + (f"; {said}" if said else "")
                             + "." + "".join(f" {line}." for line in left))
        self.ok.setEnabled(n > 0)

    def file_name(self) -> str:
        """The PDF's suggested name: the weeks, and the athlete when one is ticked, so that one
        player's handouts do not overwrite another's ("handouts Leo Martin week 3-4.pdf"; the
        athlete's id when anonymised), safe on every system."""
        from planner.filegroup import safe_file_stem

        span = weeks_span(self.chosen_weeks())
        chosen = self.chosen_athletes()
        a = self.season.athlete(chosen[0]) if len(chosen) == 1 else None
        who = "" if a is None else f" {a.id if self.anonymise.isChecked() else a.name}"
        return safe_file_stem(f"handouts{who} {span}") + ".pdf"


def export_handouts_to(window, path: str | Path, athletes: list[str], weeks: list[int],
                       anonymise: bool = False) -> bool:
    """Write the handouts of ``athletes`` and ``weeks`` to ``path``; False (and a message) on
    problems."""
    season = window.season
    if season.plan is None:
        window.interaction.inform("Nothing to export yet",
                                  "The season has no plan yet: solve it first (Plan ▸ Solve).")
        return False
    from ui.desktop.fileio import hand_out_anyway, keep_previous, may_replace

    if not may_replace(window, path, "pdf") or not hand_out_anyway(window):
        return False
    count = len(athletes) * len(weeks)
    from ui.desktop.pageprogress import page_dialog, page_step

    shown = (page_dialog(window, count, "Export Handouts", f"Writing {text.plural(count, 'handout page')}…")
             if count >= PROGRESS_PAGES else None)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        backup, kept = keep_previous(path, "pdf")  # as NAME.bak, as the command line does
        pages = export_handouts_pdf(season, season.plan, path, athletes, weeks, anonymise=anonymise,
                                    progress=None if shown is None else (lambda done, n: page_step(shown, done, n, every=10)),
                                    backup=backup)
    except HandoutsCancelled:
        window.statusBar().showMessage(f"Handouts not exported: stopped; {Path(path).name} was "
                                       f"not written.", 8000)
        return False
    except PeriodizeError as e:
        window.interaction.error("Handouts not exported", str(e))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
        if shown is not None:
            shown.close()
    # the notice above the board says this export, not an earlier one (it still said "Exported
    # plan.xlsx" after the handouts were written)
    from ui.desktop.fileio import written

    written(window, f"Wrote {text.plural(pages, 'handout page')} to", Path(path), Path(path).parent,
            kept=kept)
    return True


PROGRESS_PAGES = 100  # about half a second of pages: more get a progress bar with Cancel


def window_dialog(window) -> HandoutsDialog:
    """The dialog for ``window``: on the week of the day selected on the board (the week the
    coach is looking at), else on the first week from today's with a session
    (:func:`first_working_week`), and for the athlete selected there, if any. A
    day of a week already lived (the Log panel selects the days it logs) opens on today's week:
    the handout after logging was last week's, as logged."""
    cur = board_selection(window)
    day = cur[1] if cur else None
    if day is not None:
        tl = Timeline(window.season)
        i = tl.index(day)
        if i is not None and tl.week_of[i] < current_week(tl):
            day = None
    return HandoutsDialog(window.season, window, today=day, athlete=cur[0] if cur else None)


def handouts_dialog(window, dialog: HandoutsDialog | None = None) -> bool:
    """Ask for athletes and weeks, then for the PDF's name; export."""
    season = window.season
    if season.plan is None:
        window.interaction.inform("Nothing to export yet",
                                  "The season has no plan yet: solve it first (Plan ▸ Solve).")
        return False
    dialog = dialog or window_dialog(window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        athletes, weeks = dialog.printed_athletes(), dialog.chosen_weeks()
        name, anonymise = dialog.file_name(), dialog.anonymise.isChecked()
    finally:  # a child of the window: kept (with its squad list) after every export
        dialog.deleteLater()
    from ui.desktop.folders import dialog_folder, remember_dialog_folder

    suggestion = Path(dialog_folder(window, "handouts")) / name
    answer = window.interaction.save_file("Export Handouts", str(suggestion), "PDF (*.pdf)", "PDF (*.pdf)")
    if answer is None:
        return False
    path = answer[0] if answer[0].lower().endswith(".pdf") else answer[0] + ".pdf"
    remember_dialog_folder(window, "handouts", path)
    return export_handouts_to(window, path, athletes, weeks, anonymise)


def install(window, file_menu: QMenu) -> None:
    """File ▸ Export Handouts…: the menu hook of the main window."""
    window.export_handouts_action = QAction("Export &Handouts (PDF)…", window)
    window.export_handouts_action.setStatusTip(
        "One page per athlete and week to print and hand out: sessions, target speeds, limits")
    window.export_handouts_action.triggered.connect(lambda: handouts_dialog(window))
    file_menu.addAction(window.export_handouts_action)
