"""A date field that takes a date as a coach types it, and a calendar popup.

``QDateEdit`` edits a date section by section: typing "28/12/2026" or "Mon 28 Dec 2026" into
it left other dates behind (issue 14, item 3). :class:`DateField` is a line edit that reads the
whole text with :func:`parse_date` (``28/12/2026``, ``28.12.26``, ``2026-12-28``, ``Mon 28 Dec
2026``, ``28 December``, ``Dec 28, 2026``, ``today``…; a weekday before it as the coach
workbook reads one, English or German, ``Sa 4.9.``, or in the computer's language, which must be
the date's), says at once what it understood or why
it cannot (a red frame and a line under the field's tooltip), and shows the date in the app's
own words (``Mon 28 Dec 2026``) when the coach leaves the field. A text that is not a date, or a
date outside the field's range, is never silently replaced: :meth:`DateField.is_valid` is False
and the editors refuse their action with the reason (``ui.desktop.editors``).

The widget keeps ``QDateEdit``'s calls that the editors use (``date()`` as a ``QDate``,
``setDate``, ``setDateRange``, ``dateChanged``); Up/Down move a day, Page Up/Down a week,
Alt+Down or F4 opens the calendar; Space on a date all selected (as Tab leaves it) keeps it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.coachform.cells import Bad, parse_weekday
from planner.season import WEEKDAYS as DAY_KEYS
from planner.text import (
    DAY_NAMES,
    MONTH_ABBRS,
    MONTH_NAMES,
    computer_date,
    date_long,
    day_long,
)

# English names first (the app's own words); the computer's language's names are read too where
# they name no other month or day ("Dez", "janv.")
MONTHS = {name.lower(): i + 1 for names in (MONTH_NAMES, MONTH_ABBRS) for i, name in enumerate(names)}
MONTHS["sept"] = 9
for _i, _name in [*enumerate(calendar.month_name), *enumerate(calendar.month_abbr)]:
    if _name:
        MONTHS.setdefault(_name.lower().rstrip("."), _i)
# weekdays: English and German as the coach workbook reads them (``parse_weekday``: "Sat",
# "Tues", "Sa", "Do", "Samstag"), then the computer's language's names ("sam.", "jeu." in French)
WEEKDAYS = {}
for _i, _name in [*enumerate(calendar.day_name), *enumerate(calendar.day_abbr)]:
    WEEKDAYS.setdefault(_name.lower().rstrip("."), _i)
EXAMPLES = "e.g. 28/12/2026 or Mon 28 Dec 2026"


class DateError(ValueError):
    """A text that is not a date the field accepts; the message says why, in a coach's words."""


def _year(y: str) -> int:
    n = int(y)
    return 2000 + n if len(y) <= 2 else n


def _make(y: int | None, m: int, d: int, lo: dt.date | None, hi: dt.date | None,
          near: dt.date | None = None) -> dt.date:
    """The date, the year chosen when none was typed: of the years that put it inside the range,
    the one nearest to ``near`` (the field's date; else today, within the range); else the year
    that puts it nearest to the range (then the refusal names the bound the coach is near)."""
    if not 1 <= m <= 12:
        raise DateError(f"{m} is not a month (1 to 12)")
    if y is not None:
        try:
            return dt.date(y, m, d)
        except ValueError:
            raise DateError(f"{MONTH_NAMES[m - 1]} {y} has no day {d}") from None
    anchor = near or computer_date()
    if lo is not None and anchor < lo:
        anchor = lo
    if hi is not None and anchor > hi:
        anchor = hi
    years = {anchor.year - 1, anchor.year, anchor.year + 1}
    years |= {x.year for x in (lo, hi) if x is not None}
    cands = []
    for year in sorted(years):
        try:
            cands.append(dt.date(year, m, d))
        except ValueError:
            continue
    if not cands:
        raise DateError(f"{MONTH_NAMES[m - 1]} has no day {d}")
    inside = [c for c in cands if (lo is None or c >= lo) and (hi is None or c <= hi)]
    if inside:
        return min(inside, key=lambda c: abs((c - anchor).days))
    return min(cands, key=lambda c: (_outside_by(c, lo, hi), abs((c - anchor).days)))


def _outside_by(day: dt.date, lo: dt.date | None, hi: dt.date | None) -> int:
    """How many days ``day`` lies outside ``lo``..``hi`` (0 inside): "3.8." typed in a season
    ending 1 Aug 2027 is 3 Aug 2027, two days after its end, not 3 Aug 2026, months before it."""
    if lo is not None and day < lo:
        return (lo - day).days
    if hi is not None and day > hi:
        return (day - hi).days
    return 0


def _numeric(text: str, lo, hi, day_first: bool, near: dt.date | None = None) -> dt.date | None:
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:  # ISO: 2026-12-28
        return _make(int(m[1]), int(m[2]), int(m[3]), lo, hi, near)
    # "28.9." and "28.9.2026.": a closing dot, as German and the Nordic languages write a date
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?\.?", text)
    if not m:
        return None
    a, b = int(m[1]), int(m[2])
    year = _year(m[3]) if m[3] else None
    if a > 12 and b <= 12:
        d, mo = a, b
    elif b > 12 and a <= 12:
        d, mo = b, a
    else:  # dots are day first wherever they are written (5.10.26, never 10 May on a US laptop)
        d, mo = (a, b) if day_first or "." in text else (b, a)
    return _make(year, mo, d, lo, hi, near)


def weekday(word: str) -> int | None:
    """The weekday (0 = Monday) ``word`` names: English or German as the coach workbook reads
    a weekday (``planner.coachform.cells.parse_weekday``), or in the computer's language; None
    when it names none."""
    w = word.strip().lower().rstrip(".,")
    if not w or not w.isalpha():
        return None
    try:
        return DAY_KEYS.index(parse_weekday(w))
    except Bad:
        return WEEKDAYS.get(w)


def _said_weekday(out: dt.date, day: int | None) -> dt.date:
    """``out``, when it is the weekday typed before it (``day``; None: none typed)."""
    if day is not None and out.weekday() != day:
        raise DateError(f"{date_long(out)} is a {DAY_NAMES[out.weekday()]}, not a {DAY_NAMES[day]}")
    return out


def _weekday_numeric(text: str, lo, hi, day_first: bool, near: dt.date | None) -> dt.date | None:
    """``Sa 4.9.``, ``Sat, 04/09/2027``, ``sam. 4.9.27``: a weekday, then a date in numbers; the
    weekday must be the date's. None when ``text`` is not one."""
    m = re.fullmatch(r"([^\W\d_]+)\.?,?\s*(\d.*)", text)
    if m is None or (day := weekday(m[1])) is None:
        return None
    out = _numeric(m[2].strip(), lo, hi, day_first, near)
    return None if out is None else _said_weekday(out, day)


def _words(text: str, lo, hi, near: dt.date | None = None) -> dt.date | None:
    """``Mon 28 Dec 2026``, ``28 December``, ``Dec 28, 2026``, ``Monday, 28th Dec 26``,
    ``Samstag, 4. September``."""
    tokens = [t for t in re.split(r"[\s,./-]+", text.lower()) if t]
    day_named = None  # a month's name first is the month ("Mar 4": French "mar." is Tuesday)
    if tokens and tokens[0] not in MONTHS and (day_named := weekday(tokens[0])) is not None:
        tokens.pop(0)
    day = month = year = None
    for t in tokens:
        t = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", t)
        if t.isdigit():
            if day is None and int(t) <= 31 and len(t) <= 2:
                day = int(t)
            elif year is None:
                year = _year(t)
            else:
                return None
        elif t in MONTHS and month is None:
            month = MONTHS[t]
        else:
            return None
    if day is None or month is None:
        return None
    return _said_weekday(_make(year, month, day, lo, hi, near), day_named)


def parse_date(text: str, lo: dt.date | None = None, hi: dt.date | None = None,
               day_first: bool = True, today: dt.date | None = None,
               near: dt.date | None = None) -> dt.date:
    """The date a coach typed; ``DateError`` with the reason when it is not one, or when it lies
    outside ``lo``..``hi``. Numbers are read day first (``day_first``) unless only the other
    order makes a date (``12/28/2026``); a date without a year takes the year that puts it in
    the range, nearest to ``near`` (the date the field showed), else the year nearest to the
    range."""
    raw = " ".join(text.strip().split())
    if not raw:
        raise DateError(f"no date typed; type one ({EXAMPLES})")
    low = raw.lower()
    if low in ("today", "tomorrow", "yesterday"):
        base = today or computer_date()
        out = base + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[low])
    else:
        out = _numeric(low, lo, hi, day_first, near)
        if out is None:
            out = _weekday_numeric(low, lo, hi, day_first, near)
        if out is None:
            out = _words(low, lo, hi, near)
        if out is None:
            raise DateError(f"“{raw}” is not a date; type one like 28/12/2026 or Mon 28 Dec 2026")
    if lo is not None and out < lo:
        raise DateError(f"{day_long(out)} is before the first day allowed here ({day_long(lo)})")
    if hi is not None and out > hi:
        raise DateError(f"{day_long(out)} is after the last day allowed here ({day_long(hi)})")
    return out


def locale_day_first(locale: QLocale | None = None) -> bool:
    """Whether the locale writes the day before the month (``28/12/2026``; not the US order)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat).lower()
    d, m = fmt.find("d"), fmt.find("m")
    return not (0 <= m < d)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def popup_position(field: QWidget, size: QSize) -> QPoint:
    """Where the calendar opens: under the field, or above it when the screen ends below it
    (a field near the bottom of a 720-pixel screen), kept inside the screen."""
    below = field.mapToGlobal(QPoint(0, field.height()))
    screen = field.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return below
    free = screen.availableGeometry()
    x, y = below.x(), below.y()
    if y + size.height() > free.bottom() + 1:
        y = field.mapToGlobal(QPoint(0, 0)).y() - size.height()
    x = max(free.left(), min(x, free.right() + 1 - size.width()))
    y = max(free.top(), y)
    return QPoint(x, y)


class _CalendarPopup(QFrame):
    """The calendar under the field: a click or Enter on a day picks it."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        # the month and day names in the app's English, not the computer's language
        self.calendar.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.calendar.setAccessibleName("Calendar")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(1, 1, 1, 1)
        lay.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def _pick(self, q: QDate) -> None:
        self.hide()
        self.picked.emit(q)


class DateField(QWidget):
    """A typed date with a calendar popup (see the module text).

    ``dateChanged(QDate)`` fires when the understood date changes (typing, the calendar, the
    arrow keys or :meth:`setDate`).
    """

    dateChanged = Signal(QDate)  # noqa: N815 - QDateEdit's name, kept for the editors
    problemChanged = Signal(str)  # noqa: N815 - why the text is not a date ("" once it is again)

    def __init__(self, name: str = "Date", parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.line = QLineEdit()
        self.line.setAccessibleName(name)
        self.line.setPlaceholderText(EXAMPLES)
        self.line.setClearButtonEnabled(False)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setAccessibleName(f"{name}: calendar")
        self.button.setToolTip("Pick the day on a calendar (Alt+Down)")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.line)
        fm = self.line.fontMetrics()
        self.line.setMinimumWidth(fm.horizontalAdvance("Wed 30 Sep 2026") + 16)
        self._lo: dt.date | None = None
        self._hi: dt.date | None = None
        self._date = dt.date(2000, 1, 1)
        self._problem = ""
        self.day_first = locale_day_first()
        self._popup: _CalendarPopup | None = None
        self._base_tip = f"{name}: type a date ({EXAMPLES}) or pick it on the calendar"
        self.line.setToolTip(self._base_tip)
        self.line.setText(day_long(self._date))
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._finished)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.show_calendar)

    # -- QDateEdit's calls -----------------------------------------------------------------
    def date(self) -> QDate:
        """The date understood last (while the text is not a date: the one before it)."""
        return to_qdate(self._date)

    def setDate(self, day: QDate | dt.date) -> None:  # noqa: N802 - QDateEdit's name
        """Show ``day`` (moved into the range, as QDateEdit does for a program's value)."""
        d = to_date(day) if isinstance(day, QDate) else day
        if self._lo is not None and d < self._lo:
            d = self._lo
        if self._hi is not None and d > self._hi:
            d = self._hi
        self._show_problem("")
        self.line.setText(day_long(d))
        self._set(d)

    def setDateRange(self, lo: QDate | dt.date, hi: QDate | dt.date) -> None:  # noqa: N802
        self._lo = to_date(lo) if isinstance(lo, QDate) else lo
        self._hi = to_date(hi) if isinstance(hi, QDate) else hi
        if not self._problem:
            self.setDate(self._date)

    def minimumDate(self) -> QDate:  # noqa: N802
        return to_qdate(self._lo) if self._lo else QDate(100, 1, 1)

    def maximumDate(self) -> QDate:  # noqa: N802
        return to_qdate(self._hi) if self._hi else QDate(9999, 12, 31)

    # -- typed text ------------------------------------------------------------------------
    def value(self) -> dt.date:
        """The date as a ``datetime.date``; ``DateError`` with the reason while the text is
        not a date the field accepts."""
        if self._problem:
            raise DateError(f"{self.accessibleName()}: {self._problem}")
        return self._date

    def text(self) -> str:
        return self.line.text()

    def is_valid(self) -> bool:
        return not self._problem

    def problem(self) -> str:
        """Why the text is not accepted ("" when it is)."""
        return self._problem

    def set_text(self, text: str) -> bool:
        """Type ``text`` as a coach would (tests, scripts); True when it is a date."""
        self.line.setText(text)
        self._typed(text)
        return self.is_valid()

    def _parse(self, text: str) -> dt.date:
        return parse_date(text, self._lo, self._hi, self.day_first, near=self._date)

    def _typed(self, text: str) -> None:
        try:
            d = self._parse(text)
        except DateError as e:
            self._show_problem(str(e))
            return
        self._show_problem("")
        self.line.setToolTip(f"{day_long(d)}\n{self._base_tip}")
        self._set(d)

    def _finished(self) -> None:
        """Leaving the field: a date reads in the app's words; a problem stays visible, and is
        said under the field (a red frame alone left the coach to find the reason by hovering)."""
        if self._problem:  # after the focus has moved on: the move itself closes a tooltip
            QTimer.singleShot(0, self._say_problem)
        elif self.line.text() != day_long(self._date):
            self._retype(day_long(self._date))

    def _retype(self, text: str) -> None:
        """``text`` in the line as one more step of its own undo: ``setText`` wiped the
        line's history, so Ctrl+Z after Tab found nothing typed to undo and undid the season's
        last step instead, leaving the typed date in the field."""
        self.line.selectAll()
        self.line.insert(text)
        self.line.deselect()

    def _say_problem(self) -> None:
        if self._problem and self.line.isVisible():
            QToolTip.showText(self.line.mapToGlobal(self.line.rect().bottomLeft()),
                              self._problem, self.line, QRect(), 6000)  # no rect: the mouse is
            # elsewhere (the coach clicked the next field) and would close it at once

    def _set(self, d: dt.date) -> None:
        if d != self._date:
            self._date = d
            self.dateChanged.emit(to_qdate(d))

    def _show_problem(self, text: str) -> None:
        changed = text != self._problem
        self._problem = text
        if changed:
            self.problemChanged.emit(text)
        if text:
            self.line.setStyleSheet("QLineEdit { border: 2px solid #d32f2f; }")
            self.line.setToolTip(f"{text}\n{self._base_tip}")
            self.line.setAccessibleDescription(text)
        else:
            self.line.setStyleSheet("")
            self.line.setToolTip(self._base_tip)
            self.line.setAccessibleDescription("")

    # -- keys and the calendar -------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.line and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            alt = bool(mods & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
                self.show_calendar()
                return True
            if key == Qt.Key.Key_Space and self._blanks():
                return True  # a Space that would leave no date is no edit: the date is kept
            steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_PageUp: 7,
                     Qt.Key.Key_PageDown: -7}
            if key in steps and not alt:  # a day on: one step of the line's undo, as typing
                d = self._date + dt.timedelta(days=steps[key])
                if self._lo is not None and d < self._lo:
                    d = self._lo
                if self._hi is not None and d > self._hi:
                    d = self._hi
                self._retype(day_long(d))
                return True
        return super().eventFilter(obj, event)

    def _blanks(self) -> bool:
        """Whether typing a space now leaves the field blank: every character selected (as Tab
        into the field leaves it) or none typed. Space on a field reached with Tab, as on a
        check box, replaced a valid date with a red "no date typed"."""
        text, chosen = self.line.text(), self.line.selectedText()
        return not text.strip() or (chosen == text and self.line.hasSelectedText())

    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        cal = self._popup.calendar
        cal.setDateRange(self.minimumDate(), self.maximumDate())
        cal.setSelectedDate(self.date())
        self._popup.adjustSize()
        self._popup.move(popup_position(self, self._popup.size()))
        self._popup.show()
        cal.setFocus()

    def _picked(self, q: QDate) -> None:
        """A day picked on the calendar: as if typed (one step of the field's undo, and typing
        not applied for the editors to ask about)."""
        self._retype(day_long(to_date(q)))
        self.line.setFocus()
