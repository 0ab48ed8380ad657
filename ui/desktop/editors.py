"""Editors of the season: competitions, blocks, days off, squad and injuries (dock panels), and
the season settings and new-season dialogs.

An editor never changes the season: each button issues one ``planner.edits`` edit through the
``edit_requested`` signal, and the window applies it as one undo step. ``set_season`` refreshes
an editor after any change (an edit, undo, redo or a new file) and keeps its selection.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.errors import PeriodizeError
from planner.protocols import protocol_name
from planner.rehab import FLARE_BACK, Segment, segments
from planner.season import (
    FIT,
    LONGEST_SEASON_DAYS,
    WEEKDAYS,
    Athlete,
    Block,
    Calendar,
    Competition,
    CriteriaTest,
    Injury,
    NonTrainingDay,
    Season,
    StageRecord,
    Unavailability,
)
from planner.squad import (
    POSITION_ORDER,
    history_counts,
    is_absence,
    left_on,
    unknown_position_note,
)
from planner.text import (
    clean_message,
    date_short,
    day_long,
    join_and,
    measure,
    name_sort_key,
    plural,
    span,
)
from planner.text import day as day_text
from ui.desktop import wheelguard
from ui.desktop.datefield import DateField
from ui.desktop.speedbox import SpeedBox, speed_text
from ui.desktop.theme import ink

NO_RESULT = -1000.0  # a criteria test's result box before a result is typed (shown "—")
POSITIONS = tuple(p.capitalize() for p in POSITION_ORDER)  # the known positions (planner.squad)
PRIORITY_TEXT = {"A": "A — main target (taper before it)", "B": "B — important", "C": "C — minor"}
Row = tuple[QPushButton, tuple[QWidget, ...]]  # a form's button and its fields


class EnterRows(NamedTuple):
    """What Enter in a field may press: ``rows`` (a button and its fields, in order of
    preference) and ``choice``, the Apply of a list's form with a record selected, which Enter
    presses no more than its Add and instead says which keys do."""
    rows: list[Row]
    choice: Row | None = None


WEEKDAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
                 "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(name: str) -> DateField:
    """A date field that reads a typed date (``28/12/2026``, ``Mon 28 Dec 2026``) or a pick on
    its calendar (``ui.desktop.datefield``)."""
    return DateField(name)


def _any_date(name: str) -> DateField:
    """A date field for a record that may lie outside the season (an onset, a test)."""
    w = date_edit(name)
    w.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
    return w


def first_day(season: Season) -> QDate:
    """The day a new record's form proposes: today (the planning start), within the season."""
    from planner.validate import planning_start

    return qdate(min(planning_start(season), season.calendar.end))


def bad_dates(fields) -> list[str]:
    """``name: why`` for each of the date ``fields`` in use (enabled) whose text is not a date
    it accepts: a typed date is never replaced by another behind the coach's back."""
    return [f"{f.accessibleName()}: {f.problem()}" for f in fields
            if f.isEnabled() and not f.is_valid()]


class _WholeText(QObject):
    """Shows a narrowed combo box's whole choice on hover, above its own tooltip: in a narrow
    dock "Acute hamstring strain (sprint-type)" reads "Acute hamstring str…"."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        box = obj if isinstance(obj, QComboBox) else obj.parent()  # an editable one's line edit
        if event.type() == QEvent.Type.ToolTip and isinstance(box, QComboBox):
            tip = "\n\n".join(x for x in (box.currentText(), box.toolTip()) if x)
            if tip:
                QToolTip.showText(event.globalPos(), tip, box)
                return True
        return False


_WHOLE_TEXT: _WholeText | None = None


def _narrow(combo: QComboBox) -> None:
    """A combo box that keeps a narrow panel narrow (long protocol and stage names); hovering it
    shows its whole choice (:class:`_WholeText`)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    _whole_text(combo)


def _whole_text(combo: QComboBox) -> None:
    """Hovering ``combo`` shows its whole choice (:class:`_WholeText`)."""
    global _WHOLE_TEXT
    if _WHOLE_TEXT is None:
        _WHOLE_TEXT = _WholeText()
    combo.installEventFilter(_WHOLE_TEXT)
    if combo.lineEdit() is not None:
        combo.lineEdit().installEventFilter(_WHOLE_TEXT)


def _follow(first: DateField, last: DateField, several: bool = True) -> None:
    """A range's last day follows its first while it is not after it (always when ``several``
    is False: a one-day entry)."""
    if last.is_valid() and (not several or last.date() < first.date()):
        last.setDate(first.date())


def _wrapped(text: str) -> QLabel:
    """A label that wraps: a narrow panel stays narrow."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _keeps_space(label: QLabel) -> QWidget:
    """``label`` in a box that keeps its space while the label is hidden (a form row gives it
    up): a note coming with the first letter typed moved the fields above it from under the
    pointer."""
    keep = label.sizePolicy()
    keep.setRetainSizeWhenHidden(True)
    label.setSizePolicy(keep)
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(label)
    return box


def _say_day_off_matches(label: QLabel, pairs) -> None:
    """Under a form: each of ``pairs`` (day, competitions, day-off reason) that is a declared day
    off on a competition's day, said (the match is still played); hidden without one."""
    from planner.validate import day_off_words

    lines = [w for day, comps, reason in pairs if (w := day_off_words(day, comps, reason))]
    more = f"\n… and {len(lines) - 3} more such days." if len(lines) > 3 else ""
    label.setText("\n".join(lines[:3]) + more)
    label.setVisible(bool(lines))


def _flare_words(inj, day: dt.date) -> str:
    """`` (flare-up)``, or `` (flare-up: pain 6/10 logged)`` with the note kept with it."""
    note = inj.flare_notes.get(day)
    return f" (flare-up: {note})" if note else " (flare-up)"


def _into_view(widget: QWidget) -> None:
    """Scroll the dock (or any scroll area) ``widget`` is in until it shows."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None and widget.isVisible():
        area.ensureWidgetVisible(widget, 0, 8)


def _error_line(name: str) -> QLabel:
    """A red line next to a form that says why it changed nothing (hidden when all is well)."""
    label = _wrapped("")
    label.setAccessibleName(name)
    label.setStyleSheet(f"color: {ink('error')}")
    label.hide()
    return label


class _Table(QTableWidget):
    """An editor's list: a click in the empty space below its rows clears the selection (as
    Ctrl+click on the selected row does), so the form is for a new record again. It is framed in
    the highlight colour while it has the keyboard, as the board is (Shift+Tab from a field
    landed on the list unseen)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.setStyleSheet("QTableWidget:focus { border: 2px solid palette(highlight); }")

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.indexAt(event.position().toPoint()).isValid():
            self.clearSelection()
        super().mousePressEvent(event)


def _table(columns: list[str], name: str) -> QTableWidget:
    t = _Table(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the list for the form (a table's Tab went round its cells for ever); the
    # arrow keys choose the row
    t.setTabKeyNavigation(False)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def rows_tall(table: QTableWidget, rows: int) -> int:
    """The height that shows ``rows`` rows of ``table`` under its header (and a scroll bar's
    room): a list's least height in a dock that scrolls."""
    header = table.horizontalHeader().sizeHint().height()
    bar = table.horizontalScrollBar().sizeHint().height()
    return header + rows * table.verticalHeader().defaultSectionSize() + bar + 2 * table.frameWidth()


class _SortedItem(QTableWidgetItem):
    """A cell a coach can sort by (a list whose header is clicked): names as a list of names is
    sorted (accents and case do not count: "Łukasz" beside "Luis"), numbers by their value
    ("9.8 m/s" before "10.1 m/s"), an empty cell last."""

    def _key(self) -> tuple:
        text = self.text().strip()
        number = re.match(r"\d+(?:[.,]\d+)?", text)
        natural = name_sort_key(re.sub(r"\d+", lambda m: m[0].zfill(9), text))  # A9 before A10
        if number:
            return (0, float(number[0].replace(",", ".")), natural)
        return (1 if text else 2, 0.0, natural)

    def __lt__(self, other) -> bool:
        if isinstance(other, _SortedItem):
            return self._key() < other._key()
        return super().__lt__(other)


def sortable(table: QTableWidget) -> None:
    """A list sorted by a click on a column's header (again: the other way); shown in the
    season's order until one is clicked."""
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


def _fill(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    """Rows of (key, cells); the key is kept in the first cell's UserRole.

    Columns are sized once at the end (sizing them to contents on every item made a refill
    of 40 competitions take 100 ms).
    """
    header = table.horizontalHeader()
    none = _selected_key(table) is None
    sorting = table.isSortingEnabled()  # rows sorted as they are set moved under the loop
    with QSignalBlocker(table):
        table.setSortingEnabled(False)
        table.setUpdatesEnabled(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setRowCount(len(rows))
        if none:  # fewer rows moved the current row onto the last one and selected it, unsaid:
            table.clearSelection()  # Apply and Delete then acted on a row the form did not show
        for r, (key, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = _SortedItem(text)
                item.setToolTip(text)  # a narrow dock cuts the last column ("role: bench")
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, key)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        header.setStretchLastSection(False)  # re-applied: the last column fills the width
        header.setStretchLastSection(True)
        table.setSortingEnabled(sorting)  # sorted again by the column the coach chose
        table.setUpdatesEnabled(True)


def _selected_key(table: QTableWidget):
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def _select_key(table: QTableWidget, key) -> bool:
    for r in range(table.rowCount()):
        item = table.item(r, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            table.selectRow(r)
            return True
    table.clearSelection()
    return False


def _buttons(*labels: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    out = []
    for text in labels:
        b = QPushButton(text)
        b.setAccessibleName(text.replace("&", ""))
        row.addWidget(b)
        out.append(b)
    row.addStretch(1)
    return row, out


class Editor(QWidget):
    """Base of the dock editors: ``edit_requested(Edit)`` and ``set_season``."""

    edit_requested = Signal(object)
    problem = Signal(str, str)  # what was tried, why it cannot be done
    said = Signal(str)  # a refusal shown in the form, for the status bar too
    date_selected = Signal(object)  # a selected item's date: the board scrolls to it
    athlete_selected = Signal(str)  # the coach chose an athlete here: the board follows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.season: Season | None = None
        self._view: object = None  # what the editor shows, to skip refills when unchanged
        # the window's document: another season opened in it empties the form (new_document)
        replaced = getattr(getattr(parent, "document", None), "replaced", None)
        if replaced is not None:
            replaced.connect(self.new_document)

    def new_document(self) -> None:
        """Another season in the window (File ▸ Open, New, a workbook imported as a new season,
        a recovery): nothing selected, and the form as for a first entry in it; what was typed
        for the last season ("Club event", a date) was kept and added to this one. An edit, an
        undo or a reload of the same season keep the form (the coach may be typing)."""
        table = getattr(self, "table", None)
        if table is not None:
            table.clearSelection()
        self.blank_form()
        self.forget_typing()

    def blank_form(self) -> None:
        """The form as for a first entry in :attr:`season` (no record selected)."""

    def unchanged(self, season: Season, view: object) -> bool:
        """Keep ``season``; True when ``view`` (the part of it shown) is what is shown already."""
        self.season = season
        if view == self._view:
            return True
        self._view = view
        return False

    def request(self, edit) -> None:
        before = self.season
        self.edit_requested.emit(edit)
        if self.season is not before:  # made: what was typed for it is the season's now
            self.forget_typing()

    # typing not applied: one way for every field of a form ---------------------------------
    def watch_typing(self, *navigation: QWidget) -> None:
        """Note what the coach types in any field of the form (a line, a date, a number, an
        editable list's text) or chooses in a list, until the form shows a record afresh or a
        change made from it; ``navigation`` (the lists that choose what the form shows) are
        not typing."""
        self._typed: dict[QWidget, None] = {}
        for line in self.findChildren(QLineEdit):
            owner = line.parentWidget()
            if not isinstance(owner, (QComboBox, QAbstractSpinBox, DateField)):
                owner = line
            if owner not in navigation:
                line.textEdited.connect(lambda _t, o=owner: self._typed.setdefault(o))
        for combo in self.findChildren(QComboBox):
            if combo not in navigation:  # chosen from the list (an editable one too)
                combo.activated.connect(lambda _i, c=combo: self._typed.setdefault(c))

    def forget_typing(self) -> None:
        if hasattr(self, "_typed"):
            self._typed.clear()

    def typed(self) -> list[QWidget]:
        """The fields showing typing not applied (in the order typed), those in sight."""
        return [w for w in getattr(self, "_typed", {}) if w.isVisibleTo(self) and w.isEnabled()]

    def pending(self) -> list[str]:
        """The fields typed and not applied, by their names (what Apply would change)."""
        return [w.accessibleName() or "a field" for w in self.typed()]

    def typing_rows(self) -> list[tuple[QPushButton, tuple[QWidget, ...]]]:
        """The form's rows: the button that applies each and its fields."""
        return []

    def enter_rows(self) -> EnterRows:
        """The buttons Enter presses in a field, each with its fields, in order of preference
        (the first shown and enabled of a field's rows): the rows that apply typing, unless an
        editor gives its own (a list's form: Add while no record is selected)."""
        return EnterRows(self.typing_rows())

    @staticmethod
    def add_or_apply(add: QPushButton, apply: QPushButton, form: tuple[QWidget, ...]) -> EnterRows:
        """A list's form for Enter: Add while no record is selected. With one selected, Enter
        cannot tell a change of it (Apply) from the next one to add (Add): after Add the new
        record stays selected, and the next name typed and Enter renamed it. So it presses
        neither (the choice given back) and :meth:`keyPressEvent` says which keys do."""
        return EnterRows([] if apply.isEnabled() else [(add, form)], (apply, form))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter on a focused button presses it, and Enter in a field presses its row's button
        (Add, Record, Add dates): in a dock, unlike a dialog, both did nothing."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                if focus.isEnabled():
                    focus.click()
                return
            def holds(fields) -> bool:
                return focus is not None and any(f is focus or f.isAncestorOf(focus) for f in fields)
            rows, choice = self.enter_rows()
            for button, fields in rows:
                if button.isVisibleTo(self) and button.isEnabled() and holds(fields):
                    button.click()
                    return
            apply, form = choice or (None, ())
            if apply is not None and apply.isEnabled() and holds(form):
                self.said.emit("A record is selected: Alt+Y applies what you typed to it, Alt+A "
                               "adds it as a new one (Enter does not guess which).")
                return
        super().keyPressEvent(event)

    def apply_typed(self) -> None:
        """Each row with typing not applied, applied as its button would; a row that made no
        change (refused and said why, or a question declined) keeps its typing. Told by the
        season itself: a note after a change made ("Recorded. … does not count yet") is no
        refusal, and a refusal said in the form is one whatever its signal."""
        typed = self.typed()
        rows = [b for b, fields in self.typing_rows()  # (the form's button shown: Record
                if b.isVisibleTo(self) and any(w in typed for w in fields)]  # or Apply)
        left: dict[QWidget, None] = {}
        for button in rows:
            before = self.season
            button.click()
            if self.season is before:  # nothing made: its typing stays
                left.update({w: None for b, fields in self.typing_rows() if b is button
                             for w in fields if w in typed})
        self._typed = left

    def dates_ok(self, what: str, *fields: DateField) -> bool:
        """False (and the reason to the coach) when one of ``fields`` holds a text that is not a
        date it accepts; an action reads its dates only after this."""
        bad = bad_dates(fields)
        if bad:
            self.problem.emit(what, "\n".join(bad))
        return not bad

    def refuse(self, what: str, error: Exception) -> None:
        """A form that does not make a valid object: say why, like a refused edit."""
        errors = error.errors() if hasattr(error, "errors") else [{"msg": str(error)}]
        msgs = [clean_message(str(x.get("msg", x))) for x in errors]
        self.problem.emit(what, "\n".join(msgs))

    def set_season(self, season: Season) -> None:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def say(self, label: QLabel, text: str) -> None:
        """``text`` in ``label`` next to the form, in the status bar too, and the label
        scrolled into view: a refusal at the bottom of the dock, below the fold of a 720-pixel
        screen, looked like a button that did nothing."""
        label.setText(text)
        label.show()
        self.said.emit(text)
        QTimer.singleShot(0, self, lambda: _into_view(label))


_SEASON_PATH = re.compile(r"\b[a-z_]+(?:\[\d+\])+(?:\.[a-z_]+(?:\[\d+\])?)*: ")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
INJURY_FIELDS = {"onset": "Onset", "start": "Stage started", "stage": "Stage", "date": "Date",
                 "value": "Result", "name": "Test", "target_competition": "Target",
                 "flare_ups": "Flare-up", "protocol": "Injury"}


def form_words(message: str, fields: dict[str, str]) -> str:
    """A refused edit's message in the words of the form it came from: a season path such as
    ``injuries[4].stages[0].start:`` becomes the field's label (``Stage started:``), and ISO
    dates read as days (``Wed 2 Dec 2026``)."""
    def label(m: re.Match) -> str:
        last = re.sub(r"\[\d+\]", "", m.group(0)[:-2]).rsplit(".", 1)[-1]
        return f"{fields.get(last, last.replace('_', ' ').capitalize())}: "

    def day(m: re.Match) -> str:
        try:
            return day_long(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m.group(0)

    return _ISO_DAY.sub(day, _SEASON_PATH.sub(label, message))


def _rehab_status(season: Season, athlete: str) -> str | None:
    """The Squad table's word for an athlete's injuries at the planning start: ``injured (P2)``,
    ``back (injury history)``, ``injury planned`` (an onset still ahead); None without one."""
    from planner.protocols import available_protocols, load_protocol
    from planner.rehab import governing, stage_on
    from planner.validate import planning_start

    records = season.injuries_of(athlete)
    if not records:
        return None
    today = planning_start(season)
    rec = governing(records, today)
    if rec is None or rec.protocol not in available_protocols():
        return "injury planned" if rec is None else "injured"
    stage = stage_on(rec, load_protocol(rec.protocol), today)
    if stage != FIT:
        return f"injured ({stage})"
    return "injury planned" if any(r.onset > today for r in records) else "back (injury history)"


# -- competitions -------------------------------------------------------------------------------
SERIES_NAMED = 3  # the days left out a weekly series names, then "…"
SERIES_WEEKDAY_NAMED = 5  # the dates of a weekday it wholly left out (a month's), then "…"


def series_left_out(out: dict[str, list[dt.date]], weekdays: list[int],
                    days: list[dt.date]) -> list[str]:
    """What a weekly series (``days`` added on ``weekdays``, ``out`` left out by why, from
    planner.edits.weekly_days) left out, named: "2 days on another competition's day left out:
    Tue 12 Jan, Tue 26 Jan" (weeks for a series on one weekday: that week has none); a weekday
    none of which was added, first and as a whole: "the 4 Wednesdays (6, 13, 20, 27 Jan) are
    on another competition's day, left out"."""
    unit = "week" if len(weekdays) == 1 else "day"
    added = {d.weekday() for d in days}
    rest = {why: list(its) for why, its in out.items()}
    parts = []
    for k in weekdays if days and len(weekdays) > 1 else ():
        its = sorted(d for ds in out.values() for d in ds if d.weekday() == k)
        if k in added or not its:
            continue
        whys = [why for why, ds in out.items() if any(d.weekday() == k for d in ds)]
        for why in whys:
            rest[why] = [d for d in rest[why] if d.weekday() != k]
        name = WEEKDAY_NAMES[WEEKDAYS[k]]
        shown = its[:SERIES_WEEKDAY_NAMED]  # "30 Dec, 6, 13 Jan": a month named once
        dates = ", ".join(date_short(d) if i + 1 == len(shown) or shown[i + 1].month != d.month
                          else str(d.day) for i, d in enumerate(shown))
        dates += ", …" if len(its) > len(shown) else ""
        said = " or ".join(whys)
        parts.append(f"the {len(its)} {name}s ({dates}) are {said}, left out" if len(its) > 1
                     else f"the one {name} ({dates}) is {said}, left out")
    parts += [f"{plural(len(its), unit)} {why} left out: "
              + ", ".join(day_text(d) for d in its[:SERIES_NAMED])
              + (", …" if len(its) > SERIES_NAMED else "") for why, its in rest.items() if its]
    return parts


class CompetitionsEditor(Editor):
    """The competitions: add, move, delete, priority and multi-day events."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Competitions editor")
        self._shown = None  # what the form was loaded from (reloaded when the season changes it)
        self._proposed = QDate()  # the empty form's date as proposed (followed while unchanged)
        self.table = _table(["Date", "Ends", "Name", "Priority"], "Competitions")
        self.name = QLineEdit()
        self.name.setAccessibleName("Competition name")
        self.name.setPlaceholderText("e.g. Cup final")
        self.date = date_edit("Competition date")
        self.multi = QCheckBox("Several days, until")
        self.multi.setAccessibleName("Multi-day competition")
        self.end = date_edit("Competition end date")
        self.priority = QComboBox()
        self.priority.setAccessibleName("Competition priority")
        for p, text in PRIORITY_TEXT.items():
            self.priority.addItem(text, p)
        self._fresh()
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Date", self.date)
        ends = QHBoxLayout()
        ends.addWidget(self.multi)
        ends.addWidget(self.end, 1)
        form.addRow("", ends)
        # a league's match day: one competition a week, added in one step
        self.weekly = QCheckBox("Every week, until")
        self.weekly.setAccessibleName("Weekly competition")
        self.weekly.setToolTip("Add: the same weekday every week up to this day (a league's "
                               "match day), numbered 1, 2, … (on from the last of that "
                               "name); weeks whose day is a day off (a winter break) or "
                               "another competition's are left out")
        self.weekly_end = date_edit("Last weekly date")
        width = max(b.sizeHint().width() for b in (self.multi, self.weekly))
        for b in (self.multi, self.weekly):  # the two "until" dates one above the other
            b.setMinimumWidth(width)
        repeat = QHBoxLayout()
        repeat.addWidget(self.weekly)
        repeat.addWidget(self.weekly_end, 1)
        form.addRow("", repeat)
        # a league of two or three games a week: its weekdays, the date's own always among them
        # (one series, numbered in date order: Tue 'League 1', Sat 'League 2', …)
        self.weekly_days: list[QCheckBox] = []
        on = QHBoxLayout()
        on.setSpacing(2)
        on.addWidget(QLabel("on"))
        on.addSpacing(4)
        for wd in WEEKDAYS:
            box = QCheckBox(WEEKDAY_NAMES[wd][:2])
            box.setAccessibleName(f"Every week on {WEEKDAY_NAMES[wd]}")
            box.setToolTip(f"Every week on {WEEKDAY_NAMES[wd]} too: several weekdays are one "
                           f"series numbered in date order (the date's weekday is always one)")
            self.weekly_days.append(box)
            on.addWidget(box)
        on.addStretch(1)
        form.addRow("", on)
        form.addRow("Priority", self.priority)
        self.day_off_note = _wrapped("")  # the competition on a declared day off
        self.day_off_note.setAccessibleName("Day off note")
        self.day_off_note.setVisible(False)
        form.addRow("", _keeps_space(self.day_off_note))
        buttons, (self.add_button, self.apply_button, self.delete_button) = _buttons(
            "&Add", "Appl&y", "&Delete")
        self.add_button.setToolTip("Add a competition with these details")
        self.apply_button.setToolTip("Change the selected competition to these details")
        self.delete_button.setToolTip("Delete the selected competition")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        self.multi.toggled.connect(self.end.setEnabled)
        self.end.setEnabled(False)
        self.weekly.toggled.connect(self.weekly_end.setEnabled)
        self.weekly_end.setEnabled(False)
        self.weekly.toggled.connect(self._weekday_boxes)
        self.date.dateChanged.connect(self._weekday_boxes)
        self._weekday = pydate(self.date.date()).weekday()
        self._weekday_boxes()
        self.date.dateChanged.connect(self._follow_date)
        for field in (self.date, self.end):
            field.dateChanged.connect(self._day_off_note)
        self.multi.toggled.connect(self._day_off_note)
        self.name.textChanged.connect(self._day_off_note)
        self.priority.currentIndexChanged.connect(self._day_off_note)
        self.table.itemSelectionChanged.connect(self._load)
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self._update_buttons()

    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.competitions, season.calendar.start, season.calendar.end,
                                   season.calendar.today)):
            return
        key = self.selected_id()
        _fill(self.table, [(c.id, [day_long(c.date), day_long(c.end_date) if c.end_date else "",
                                   c.name, c.priority]) for c in season.competitions])
        cal = season.calendar
        for w in (self.date, self.end, self.weekly_end):
            w.setDateRange(qdate(cal.start), qdate(cal.end))
        if key is None and self.date.date() in (qdate(cal.start), self._proposed):
            # the empty form, its date not chosen: a match added mid-season lies ahead, so
            # today when the season has one inside it, else the first day
            inside = cal.today is not None and cal.start <= cal.today <= cal.end
            self._proposed = qdate(cal.today if inside else cal.start)
            self.date.setDate(self._proposed)
        if key is None or not _select_key(self.table, key):
            self._update_buttons()
        elif season.competition(key) != self._shown:  # the same row selected again emits
            self._load(follow=False)  # nothing: after an undo the form showed the undone values
        self._day_off_note()

    def _day_off_note(self, *_args) -> None:
        """The form's competition on a declared day off: it is still played (said, not refused);
        not for the untouched empty form (a day off on the season's first day was said of a
        'Competition' nobody had typed). Hidden, the note keeps its last words and so its space."""
        if self.season is None:
            return
        note, last = self.day_off_note, self.day_off_note.text()
        self._say_day_off()
        if not self._form_touched():
            note.hide()
        if note.isHidden() and not note.text():
            note.setText(last)
        note.parentWidget().setVisible(bool(note.text()))  # no note yet: no empty line either

    def _form_touched(self) -> bool:
        """A competition selected, or the empty form given a name, a date or several days."""
        return (self.selected_id() is not None or bool(self.name.text().strip())
                or self.date.date() != self._proposed or self.multi.isChecked())

    def _say_day_off(self) -> None:
        name, day, end, prio = self._form()
        try:
            comp = Competition(id="form", name=name or "Competition", date=day, end_date=end,
                               priority=prio)
        except ValueError:  # an end before the date: said when added
            comp = None
        off = {d.date: d.reason for d in self.season.calendar.non_training_days}
        _say_day_off_matches(self.day_off_note, [
            (d, [comp], off[d]) for d in (comp.days() if comp is not None else ()) if d in off])

    def selected_id(self) -> str | None:
        return _selected_key(self.table)

    def select(self, comp_id: str) -> bool:
        return _select_key(self.table, comp_id)

    def _weekday_boxes(self, _x=None) -> None:
        """The date's weekday ticked and fixed (the one a series always has; the one of the date
        before untied), the others enabled with Every week."""
        day = pydate(self.date.date()).weekday()
        if day != self._weekday:
            self.weekly_days[self._weekday].setChecked(False)
            self._weekday = day
        for k, box in enumerate(self.weekly_days):
            if k == day:
                box.setChecked(True)
            box.setEnabled(self.weekly.isChecked() and k != day)

    def series_weekdays(self) -> list[int]:
        """The weekdays of a series (0 Monday), the date's own among them."""
        return [k for k, box in enumerate(self.weekly_days) if box.isChecked()]

    def _follow_date(self, _q=None) -> None:
        """The last day follows the first while it is not after it (or one day only)."""
        _follow(self.date, self.end, self.multi.isChecked())
        _follow(self.date, self.weekly_end)

    def enter_rows(self) -> EnterRows:
        form = (self.name, self.date, self.multi, self.end, self.weekly, self.weekly_end,
                self.priority)
        return self.add_or_apply(self.add_button, self.apply_button, form)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.apply_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _load(self, follow: bool = True) -> None:
        """The selected competition into the form (``follow``: the board scrolls to it); the
        form is reloaded after a change of the season only when this competition changed, so
        what the coach is typing stays."""
        self._update_buttons()
        c = self.season.competition(self.selected_id()) if self.season else None
        self._shown = c
        if c is None:  # the form is for a new competition again
            self._fresh()
            return
        if follow:
            self.date_selected.emit(c.date)
        self.name.setText(c.name)
        self.date.setDate(qdate(c.date))
        self.multi.setChecked(c.end_date is not None)
        self.end.setDate(qdate(c.end_date or c.date))
        self.priority.setCurrentIndex(self.priority.findData(c.priority))

    def blank_form(self) -> None:
        if self.season is None:
            return
        self.name.clear()
        self._proposed = first_day(self.season)
        self.date.setDate(self._proposed)
        self.weekly.setChecked(False)
        self._fresh()
        self._day_off_note()

    def _fresh(self) -> None:
        """A new competition is one day and minor until said otherwise: an A brings a two-week
        taper, and a friendly added in a hurry came in as one; with no competition selected any
        more, the last one's "Several days" and B stayed in the form, and the next match nearly
        went in as a 3-day B. The name and date stay (typed, and in sight)."""
        self.multi.setChecked(False)
        self.priority.setCurrentIndex(self.priority.findData("C"))

    def _form(self) -> tuple[str, dt.date, dt.date | None, str]:
        end = pydate(self.end.date()) if self.multi.isChecked() else None
        return (self.name.text().strip(), pydate(self.date.date()), end,
                self.priority.currentData())

    def add(self) -> None:
        if self.season is None or not self.dates_ok("Add competition", self.date, self.end):
            return
        if self.weekly.isChecked():
            self.add_weekly()
            return
        name, day, end, prio = self._form()
        cid = E.new_competition_id(self.season)
        try:
            comp = Competition(id=cid, name=name or "Competition", date=day, end_date=end,
                               priority=prio)
        except ValueError as e:
            self.refuse("Add competition", e)
            return
        self.request(E.AddCompetition(competition=comp))
        _select_key(self.table, cid)

    def add_weekly(self) -> None:
        """One competition a week on the form's weekday, from its date to the weekly last day,
        numbered after the form's name ("League 1", "League 2", …), as one undo step; a week
        whose day (or one of its days) is a day off or another competition's day (a cup
        weekend) is left out."""
        what = "Add weekly competitions"
        if not self.dates_ok(what, self.weekly_end):
            return
        name, day, end, prio = self._form()
        name = name or "Match"
        last = pydate(self.weekly_end.date())
        span = (end - day) if end is not None else dt.timedelta(0)
        if span.days >= 7:
            self.problem.emit(what, f"'{name}' lasts {span.days + 1} days: every week, each "
                                    f"would overlap the next; shorten it to a week or less, or "
                                    f"untick Every week.")
            return
        weekdays = self.series_weekdays()
        if len(weekdays) > 1 and end is not None:
            self.problem.emit(what, f"'{name}' lasts {span.days + 1} days: on several weekdays, "
                                    f"one would overlap the next; keep the date's weekday "
                                    f"alone, or untick Several days.")
            return
        days, out = E.weekly_days(self.season, day, last, span, weekdays)
        every_one = len(days) + sum(len(its) for its in out.values())
        if every_one < 2:
            self.problem.emit(what, f"Every week until {day_long(last)} gives "
                                    f"{plural(every_one, 'competition')}; "
                                    f"set the last day a week or more after the first, or "
                                    f"untick Every week.")
            return
        left = "; ".join(series_left_out(out, weekdays, days))
        if not days:
            self.problem.emit(what, f"Every week until {day_long(last)} adds none: {left}.")
            return
        try:
            edits = E.weekly_competitions(self.season, name, days,
                                          span if end is not None else None, prio)
        except ValueError as e:
            self.refuse(what, e)
            return
        from ui.desktop.macro import EditGroup

        left = f"; {left}" if left else ""
        held = sorted({d.weekday() for d in days})  # a weekday wholly left out is not said held
        every = ("every week" if len(weekdays) == 1 else "every " + join_and(
            [WEEKDAY_NAMES[WEEKDAYS[k]][:3] for k in held]))
        if len(edits) == 1:  # the other weeks left out: not "'League 1' to 'League 1'"
            text = f"Add '{edits[0].competition.name}' on {day_long(days[0])}{left}"
        else:
            text = (f"Add '{edits[0].competition.name}' to '{edits[-1].competition.name}', "
                    f"{every} from {day_long(days[0])} to {day_long(days[-1])}{left}")
        self.request(EditGroup(edits, text))
        if self.season.competition(edits[0].competition.id) is not None:
            self.weekly.setChecked(False)  # added: the next competition is a single one again
            for k, box in enumerate(self.weekly_days):
                box.setChecked(k == self._weekday)
            _select_key(self.table, edits[0].competition.id)

    def apply(self) -> None:
        c = self.season.competition(self.selected_id()) if self.season else None
        if c is None or not self.dates_ok("Change competition", self.date, self.end):
            return
        name, day, end, prio = self._form()
        if (name, day, end, prio) == (c.name, c.date, c.end_date, c.priority):
            return
        if (name, prio) == (c.name, c.priority):
            self.request(E.MoveCompetition(competition=c.id, date=day,
                                           end_date=end if end is not None else day))
        elif (name, day, end) == (c.name, c.date, c.end_date):
            self.request(E.UpdateCompetition(competition=c.id, priority=prio))
        else:
            self.request(E.UpdateCompetition(competition=c.id, name=name or c.name, priority=prio,
                                             date=day, end_date=end, single_day=end is None))

    def delete(self) -> None:
        cid = self.selected_id()
        if cid is not None:
            self.request(E.RemoveCompetition(competition=cid))


# -- blocks -------------------------------------------------------------------------------------
class BlocksEditor(Editor):
    """Training blocks (mesocycles): a name, dates and an emphasis, shown as a band."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Blocks editor")
        self.table = _table(["Start", "End", "Name", "Emphasis"], "Blocks")
        self.name = QLineEdit()
        self.name.setAccessibleName("Block name")
        self.name.setPlaceholderText("e.g. Pre-season")
        self.start = date_edit("Block start")
        self.end = date_edit("Block end")
        self.emphasis = QLineEdit()
        self.emphasis.setAccessibleName("Block emphasis")
        self.emphasis.setPlaceholderText("e.g. Aerobic base, speed reintroduction")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Emphasis", self.emphasis)
        buttons, (self.add_button, self.apply_button, self.delete_button) = _buttons(
            "&Add", "Appl&y", "&Delete")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._load)
        self.start.dateChanged.connect(lambda _q: _follow(self.start, self.end))
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self._update_buttons()

    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.blocks, season.calendar.start, season.calendar.end)):
            return
        key = self.selected_index()
        _fill(self.table, [(i, [day_long(b.start), day_long(b.end), b.name, b.emphasis])
                           for i, b in enumerate(season.blocks)])
        for w in (self.start, self.end):
            w.setDateRange(qdate(season.calendar.start), qdate(season.calendar.end))
        if key is None or key >= len(season.blocks) or not _select_key(self.table, key):
            self._update_buttons()

    def selected_index(self) -> int | None:
        return _selected_key(self.table)

    def blank_form(self) -> None:
        if self.season is None:
            return
        self.name.clear()
        self.emphasis.clear()
        for w in (self.start, self.end):
            w.setDate(first_day(self.season))

    def enter_rows(self) -> EnterRows:
        return self.add_or_apply(self.add_button, self.apply_button,
                                 (self.name, self.start, self.end, self.emphasis))

    def _update_buttons(self) -> None:
        has = self.selected_index() is not None
        self.apply_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _load(self, follow: bool = True) -> None:
        """The selected block into the form (``follow``: the board scrolls to it)."""
        self._update_buttons()
        i = self.selected_index()
        if self.season is None or i is None:
            return
        b = self.season.blocks[i]
        if follow:
            self.date_selected.emit(b.start)
        self.name.setText(b.name)
        self.start.setDate(qdate(b.start))
        self.end.setDate(qdate(b.end))
        self.emphasis.setText(b.emphasis)

    def _block(self, what: str) -> Block | None:
        if not self.dates_ok(what, self.start, self.end):
            return None
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:  # said in the form's words (the season said 'end' and 'start')
            self.problem.emit(what, f"To ({day_long(end)}) is before From ({day_long(start)}); "
                                    f"pick a To on or after From.")
            return None
        try:
            return Block(name=self.name.text().strip() or "Block", start=pydate(self.start.date()),
                         end=pydate(self.end.date()), emphasis=self.emphasis.text().strip())
        except ValueError as e:
            self.refuse(what, e)
            return None

    def add(self) -> None:
        b = self._block("Add block")
        if b is not None:
            before = self.season
            self.request(E.AddBlock(block=b))
            if self.season is not before:  # shown selected, as a competition or athlete added:
                # a second Enter added the same block again (the board stays where it is: the
                # band shows the block, and a move would ask about another form's typing)
                with QSignalBlocker(self.table):
                    _select_key(self.table, next((i for i, x in enumerate(self.season.blocks)
                                                  if x == b), None))
                self._load(follow=False)

    def apply(self) -> None:
        i = self.selected_index()
        if i is None or self.season is None:
            return
        b = self._block("Edit block")
        if b is not None and b != self.season.blocks[i]:
            self.request(E.UpdateBlock(index=i, block=b))

    def delete(self) -> None:
        i = self.selected_index()
        if i is not None:
            self.request(E.RemoveBlock(index=i))


# -- non-training days ---------------------------------------------------------------------------
class DaysOffEditor(Editor):
    """Declared non-training days (holidays, travel): no running load on them. A stretch of
    days (a winter break) is added, and selected days deleted, as one undo step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Days off editor")
        self._shown = None  # what the form was loaded from (reloaded when the season changes it)
        self.table = _table(["Date", "Reason"], "Non-training days")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.date = date_edit("Day off date")
        self.multi = QCheckBox("Several days, until")
        self.multi.setAccessibleName("Several days off")
        self.end = date_edit("Last day off")
        self.end.setEnabled(False)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Day off reason")
        self.reason.setPlaceholderText("e.g. Christmas")
        form = QFormLayout()
        form.addRow("Date", self.date)
        until = QHBoxLayout()
        until.addWidget(self.multi)
        until.addWidget(self.end, 1)
        form.addRow("", until)
        form.addRow("Reason", self.reason)
        self.match_note = _wrapped("")  # a day off on a competition's day
        self.match_note.setAccessibleName("Competition day note")
        self.match_note.setVisible(False)
        form.addRow("", self.match_note)
        buttons, (self.add_button, self.delete_button) = _buttons("&Add", "&Delete")
        self.add_button.setToolTip("Make the day (or every day of the stretch) a non-training day")
        self.delete_button.setToolTip("Make the selected days training days again")
        note = QLabel("Weekly rest days are set in Season ▸ Season Settings.")
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(note)
        self.table.itemSelectionChanged.connect(self._load)
        self.multi.toggled.connect(self.end.setEnabled)
        self.date.dateChanged.connect(self._follow_start)
        for field in (self.date, self.end):
            field.dateChanged.connect(self._match_note)
        self.multi.toggled.connect(self._match_note)
        self.reason.textChanged.connect(self._match_note)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self._load()

    def enter_rows(self) -> EnterRows:
        return EnterRows([(self.add_button, (self.date, self.multi, self.end, self.reason))])

    def blank_form(self) -> None:
        if self.season is None:
            return
        self.reason.clear()
        self.multi.setChecked(False)
        for w in (self.date, self.end):
            w.setDate(first_day(self.season))
        self._match_note()

    def set_season(self, season: Season) -> None:
        if self.unchanged(season, season.calendar):
            return
        key = self.selected_date()
        _fill(self.table, [(d.date.isoformat(), [day_long(d.date), d.reason])
                           for d in season.calendar.non_training_days])
        for w in (self.date, self.end):
            w.setDateRange(qdate(season.calendar.start), qdate(season.calendar.end))
        if key is None or not _select_key(self.table, key.isoformat()):
            self._load()
        elif self._day_off(key) != self._shown:  # the same row selected again emits nothing:
            self._load(follow=False)  # after an undo the form showed the undone reason
        self._match_note()

    def _match_note(self, *_args) -> None:
        """The form's days that are a competition's day: the match is still played (said, not
        refused: a day off takes the training away, not the match)."""
        if self.season is None:
            return
        from planner.validate import competitions_on

        reason = self.reason.text().strip()
        _say_day_off_matches(self.match_note, [
            (d, competitions_on(self.season, d), reason) for d in self.days()])

    def selected_date(self) -> dt.date | None:
        key = _selected_key(self.table)
        return dt.date.fromisoformat(key) if key else None

    def selected_dates(self) -> list[dt.date]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            item = self.table.item(r, 0)
            if item is not None:
                out.append(dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _follow_start(self, _q=None) -> None:
        """The last day follows the first while it is not after it, and always while one day
        only is asked for: a date typed digit by digit ("24/1…" on the way to 24/12/2026) left
        it in January, and ticking "Several days" then added a 32-day break."""
        _follow(self.date, self.end, self.multi.isChecked())

    def _day_off(self, day: dt.date) -> NonTrainingDay | None:
        return next((d for d in self.season.calendar.non_training_days if d.date == day), None) \
            if self.season is not None else None

    def _load(self, follow: bool = True) -> None:
        """The selected day off into the form (``follow``: the board scrolls to it)."""
        day = self.selected_date()
        self.delete_button.setEnabled(day is not None)
        self._shown = self._day_off(day) if day is not None else None
        if day is None or self.season is None:
            return
        if follow:
            self.date_selected.emit(day)
        self.date.setDate(qdate(day))
        if self._shown is not None:
            self.reason.setText(self._shown.reason)

    def days(self) -> list[dt.date]:
        """The days the form names: the date, or every day from it to the last day."""
        first = pydate(self.date.date())
        last = pydate(self.end.date()) if self.multi.isChecked() else first
        return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]

    def add(self) -> None:
        if self.season is None or not self.dates_ok("Add days off", self.date, self.end):
            return
        days = self.days()
        if not days:
            self.problem.emit("Add days off", "The last day is before the first; set it on or "
                                              "after the first day.")
            return
        taken = {d.date for d in self.season.calendar.non_training_days}
        reason = self.reason.text().strip()
        edits = [E.AddNonTrainingDay(day=NonTrainingDay(date=d, reason=reason))
                 for d in days if d not in taken]
        if not edits:
            self.problem.emit("Add days off", "Every one of these days is a non-training day "
                                              "already.")
            return
        if len(edits) == 1:
            self.request(edits[0])
            return
        from ui.desktop.macro import EditGroup

        self.request(EditGroup(edits, f"Make {span(days[0], days[-1])} non-training days "
                                      f"({plural(len(edits), 'day')})"))

    def delete(self) -> None:
        days = self.selected_dates()
        if len(days) == 1:
            self.request(E.RemoveNonTrainingDay(date=days[0]))
        elif days:
            from ui.desktop.macro import EditGroup

            self.request(EditGroup([E.RemoveNonTrainingDay(date=d) for d in days],
                                   f"Make {plural(len(days), 'day')} training days again"))


# -- squad --------------------------------------------------------------------------------------
class SquadEditor(Editor):
    """The squad: add, edit and delete athletes, and their unavailable dates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Squad editor")
        self._shown = None  # what the form was loaded from (reloaded when the season changes it)
        self._away_for: str | None = None  # the athlete the absence form was filled for
        self.table = _table(["ID", "Name", "Position", "Max speed", "Status"], "Squad")
        # five athletes at least: at 1024 x 600 the list showed 1½ rows beside its own form
        # (the dock scrolls instead)
        self.table.setMinimumHeight(rows_tall(self.table, 5))
        sortable(self.table)  # 25 players: a coach looks one up by name or groups a position
        self.athlete_id = QLineEdit()
        self.athlete_id.setAccessibleName("Athlete ID")
        self.athlete_id.setToolTip("A short unique code (A07, or a shirt number); it cannot change "
                                   "once the athlete exists. Add takes the next free one when "
                                   "this one is taken.")
        self.name = QLineEdit()
        self.name.setAccessibleName("Athlete name")
        self.position = QComboBox()
        self.position.setEditable(True)
        self.position.addItems(POSITIONS)
        self.position.setAccessibleName("Athlete position")
        self.position.setCurrentIndex(-1)
        self.position.lineEdit().setPlaceholderText("e.g. Midfielder")
        self.max_speed = SpeedBox()  # m/s, or km/h as typed from a GPS report
        self.max_speed.setSpecialValueText("not measured")
        self.max_speed.setAccessibleName("Athlete max speed")
        self.role = QComboBox()
        self.role.setAccessibleName("Default match role")
        self.role.setToolTip("The player's role for every match not set in the Roles panel "
                             "(Season ▸ Match Roles)")
        for role, words in (("start", "start (plays)"), ("bench", "bench"), ("out", "out of the squad")):
            self.role.addItem(words, role)
        form = QFormLayout()
        form.addRow("ID", self.athlete_id)
        form.addRow("Name", self.name)
        form.addRow("Position", self.position)
        self.position_note = _wrapped("")  # a position none of the four groups knows
        self.position_note.setAccessibleName("Position note")
        self.position_note.setVisible(False)
        form.addRow("", self.position_note)
        self.position.editTextChanged.connect(self._note_position)
        form.addRow("Max speed", self.max_speed)
        form.addRow("Match role", self.role)
        buttons, (self.add_button, self.apply_button, self.delete_button, self.leave_button) = \
            _buttons("&Add", "Appl&y", "&Delete", "&Left the Squad…")
        self.add_button.setToolTip("Add an athlete with these details (the plan must be solved again)")
        self.delete_button.setToolTip("Delete the selected athlete with their whole history: logged "
                                      "sessions, injuries, pins and dates")
        self.leave_button.setToolTip("The selected athlete leaves the squad on a day you give: his "
                                     "past is kept, nothing is planned for him from then")
        self.ask = None  # the window's questions (ui.desktop.interaction); None: nothing asked

        self.away = QGroupBox("Unavailable (selected athlete)")
        self.away_table = _table(["From", "To", "Reason"], "Unavailable dates")
        self.away_table.setMinimumHeight(rows_tall(self.away_table, 3))  # an absence and his leaving
        self.away_from = date_edit("Unavailable from")
        self.away_to = date_edit("Unavailable to")
        self.away_reason = QLineEdit()
        self.away_reason.setAccessibleName("Unavailable reason")
        self.away_reason.setPlaceholderText("e.g. national team")
        aform = QFormLayout()
        self.away_from.dateChanged.connect(lambda _q: _follow(self.away_from, self.away_to))
        aform.addRow("From", self.away_from)
        aform.addRow("To", self.away_to)
        aform.addRow("Reason", self.away_reason)
        abuttons, (self.away_add, self.away_remove) = _buttons("Add da&tes", "&Remove dates")
        alay = QVBoxLayout(self.away)
        alay.addWidget(self.away_table)
        alay.addLayout(aform)
        alay.addLayout(abuttons)

        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 2)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.away, 1)
        self.table.itemSelectionChanged.connect(self._load)
        self.table.itemClicked.connect(lambda _item: self._chosen())
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self.leave_button.clicked.connect(self.leave)
        self.away_table.itemSelectionChanged.connect(self._update_buttons)
        self.away_add.clicked.connect(self.add_away)
        self.away_remove.clicked.connect(self.remove_away)
        self._update_buttons()
        self.watch_typing()

    def set_season(self, season: Season) -> None:
        # the injuries and today in full: the status read "injured (S2)" after Move Today had
        # recorded his return (the same athletes injured, another record)
        if self.unchanged(season, (season.athletes, season.injuries, season.unavailability,
                                   season.calendar.start, season.calendar.end,
                                   season.calendar.today, season.plan is None)):
            return
        key = self.selected_id()
        away = {u.athlete for u in season.unavailability
                if is_absence(u)}
        rows = []
        for a in season.athletes:
            rehab = _rehab_status(season, a.id)
            left = left_on(season, a.id)
            status = ", ".join(x for x, on in ((rehab, rehab is not None),
                                               ("dates away", a.id in away),
                                               (f"left the squad on {day_long(left)}" if left
                                                else "", left is not None),
                                               (f"role: {a.role}", a.role != "start")) if on)
            rows.append((a.id, [a.id, a.name, a.position,
                                speed_text(a.max_speed) if a.max_speed else "", status]))
        _fill(self.table, rows)
        first = qdate(season.calendar.start)
        for w in (self.away_from, self.away_to):
            w.setDateRange(first, qdate(season.calendar.end))
            if w.date() == first:  # not chosen yet: an absence is most often from today on
                w.setDate(first_day(season))
        if key is None or not _select_key(self.table, key):
            self._clear_form()
        elif season.athlete(key) != self._shown:  # the same row selected again emits nothing:
            self._load()  # after an undo the form showed the undone name
        self._fill_away()

    def free_id(self) -> str:
        """The next free athlete ID in the squad's own pattern: H19 after H01-H18 (the prefix
        and width most IDs share), A01, A02, … for an empty squad or IDs without a number."""
        import re
        from collections import Counter

        ids = [a.id for a in self.season.athletes] if self.season else []
        taken = set(ids)
        # over the squad in its order: a tie goes to the pattern met first (a set's order
        # followed the hash seed)
        parts = [(m[1], m[2]) for t in ids if (m := re.fullmatch(r"(\D*)(\d+)", t))]
        shapes = Counter((p, len(d)) for p, d in parts)
        prefix, width = shapes.most_common(1)[0][0] if shapes else ("A", 2)
        n = max((int(d) for p, d in parts if (p, len(d)) == (prefix, width)), default=0) + 1
        while f"{prefix}{n:0{width}d}" in taken:
            n += 1
        return f"{prefix}{n:0{width}d}"

    def _clear_form(self) -> None:
        if self.season is None:
            return
        self.athlete_id.setText(self.free_id())
        self.name.clear()
        self.position.setCurrentIndex(-1)  # no position until the coach picks one
        self.max_speed.setValue(0.0)
        # a player added to a season under way is out of the matchday squad until picked in
        # Roles: three signings left at "start" made 14 starters a match, unsaid
        self.role.setCurrentIndex(self.role.findData("out" if joins_on(self.season) else "start"))
        self._update_buttons()

    def selected_id(self) -> str | None:
        return _selected_key(self.table)

    def select(self, athlete_id: str) -> bool:
        return _select_key(self.table, athlete_id)

    def _chosen(self) -> None:
        aid = self.selected_id()
        if aid:
            self.athlete_selected.emit(aid)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.apply_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.leave_button.setEnabled(has)
        self.away.setEnabled(has)
        self.away_remove.setEnabled(_selected_key(self.away_table) is not None)

    def _load(self) -> None:
        """The selected athlete into the form; after a change of the season it is reloaded only
        when this athlete changed, so what the coach is typing stays."""
        a = self.season.athlete(self.selected_id()) if self.season else None
        was, self._shown = self._shown, a
        if a is None and was is not None:  # the selection cleared: the form is for a new
            self._clear_form()  # athlete (his ID and max speed were left in it)
        if a is not None:
            self.athlete_id.setText(a.id)
            self.name.setText(a.name)
            self.position.setCurrentText(a.position)
            self.max_speed.setValue(a.max_speed or 0.0)
            self.role.setCurrentIndex(max(0, self.role.findData(a.role)))
            if self._away_for is not None and a.id != self._away_for:
                self._fresh_away()  # another athlete's dates and reason were left in the form
            self._away_for = a.id
        self._fill_away()
        self._update_buttons()
        self.forget_typing()  # the form shows the athlete afresh

    def _fresh_away(self) -> None:
        """The absence form as for a first entry: from today (the planning start), no reason."""
        if self.season is not None:
            self.away_from.setDate(first_day(self.season))
            self.away_to.setDate(first_day(self.season))
        self.away_reason.clear()

    def blank_form(self) -> None:
        self._clear_form()
        self._fresh_away()

    def _fill_away(self) -> None:
        aid = self.selected_id()
        rows = []
        if self.season is not None and aid is not None:
            rows = [(i, [day_long(u.start), day_long(u.end), u.reason])
                    for i, u in enumerate(self.season.unavailability) if u.athlete == aid]
        _fill(self.away_table, rows)
        self._update_buttons()

    def _note_position(self, text: str) -> None:
        note = unknown_position_note(text)
        self.position_note.setText(note or "")
        self.position_note.setVisible(note is not None)

    def add(self) -> None:
        """A new athlete with the form's details: the typed name is kept; the ID is the typed
        one when free, else the next free one (a selected athlete's ID is taken)."""
        if self.season is None:
            return
        speed = self.max_speed.value() or None
        aid = self.athlete_id.text().strip()
        if not aid or self.season.athlete(aid) is not None:
            aid = self.free_id()
        name = self.name.text().strip() or f"Athlete {aid}"
        same = next((a for a in self.season.athletes if a.name.casefold() == name.casefold()), None)
        if same is not None:
            self.problem.emit("Add athlete", f"{same.name} ({same.id}) is in the squad already; "
                                             f"type the new athlete's name, then Add.")
            return
        try:
            athlete = Athlete(id=aid, name=name, position=self.position.currentText().strip(),
                              max_speed=speed, role=self.role.currentData())
        except ValueError as e:
            self.refuse("Add athlete", e)
            return
        self.request(E.AddAthlete(athlete=athlete, joins=joins_on(self.season)))
        _select_key(self.table, aid)

    def apply(self) -> None:
        a = self.season.athlete(self.selected_id()) if self.season else None
        if a is None:
            return
        if self.athlete_id.text().strip() not in ("", a.id):
            self.problem.emit("Change athlete", f"An athlete's ID cannot change ({a.id}); Add "
                                                f"makes a new athlete with the ID typed.")
            return
        speed = self.max_speed.value() or None
        name, pos = self.name.text().strip(), self.position.currentText().strip()
        role = self.role.currentData()
        if (name, pos, speed, role) == (a.name, a.position, a.max_speed, a.role):
            return
        before = self.season
        self.request(E.UpdateAthlete(athlete=a.id, name=name or a.name, position=pos,
                                     max_speed=speed, clear_max_speed=speed is None, role=role))
        if self.season is before:  # refused (said why): the form shows what is stored, not
            self._load()  # "not measured" beside the list's 9.0 m/s

    def delete(self) -> None:
        """Delete the selected athlete; one with a history (logged sessions, injury records,
        tests, absences) only once the coach said so, with Left the Squad… offered instead."""
        aid = self.selected_id()
        if aid is None or self.season is None:
            return
        had = history_counts(self.season, aid)
        if had and self.ask is not None:
            who = self.season.athlete_label(aid)
            answer = self.ask().choose(
                "Delete athlete", f"Delete {who} and his {join_and(had)}? To keep his history, "
                f"use Left the Squad… instead.", ("delete", "leftsquad", "cancel"), "cancel")
            if answer == "leftsquad":
                self.leave()
            if answer != "delete":
                return
        self.request(E.RemoveAthlete(athlete=aid))

    def leave_default(self, aid: str) -> dt.date:
        """The day Left the Squad… offers: the day ``aid`` is recorded as leaving, else today,
        or the season's first day after the date today when the season has no today (within the
        season)."""
        cal = self.season.calendar
        day = left_on(self.season, aid) or cal.today or dt.date.today() + dt.timedelta(days=1)
        return min(max(day, cal.start), cal.end)

    def leave(self) -> None:
        """The selected athlete leaves the squad on the day the coach gives (his past is kept)."""
        from planner.scenarios import past_change_problem

        aid = self.selected_id()
        if aid is None or self.season is None or self.ask is None:
            return
        cal, who = self.season.calendar, self.season.athlete_label(aid)
        was = left_on(self.season, aid)
        moves = f"{who} is recorded as leaving on {day_long(was)}; a new day moves it. " if was else ""
        leaves = self.ask().ask_date(  # the date field of the forms here, not free text
            "Left the squad", f"{moves}{who}'s first day away (his past is kept; nothing is "
            f"planned for him from that day):", self.leave_default(aid), cal.start, cal.end)
        if leaves is None:
            return
        edit = E.LeaveSquad(athlete=aid, leaves=leaves)
        past = past_change_problem(self.season, edit)
        if past is not None:
            self.problem.emit("Left the squad", f"{who}: {past}.")
            return
        self.request(edit)

    def typing_rows(self) -> list[tuple[QPushButton, tuple[QWidget, ...]]]:
        return [(self.apply_button, (self.athlete_id, self.name, self.position, self.max_speed,
                                     self.role)),
                (self.away_add, (self.away_from, self.away_to, self.away_reason))]

    def enter_rows(self) -> EnterRows:
        rows = self.typing_rows()
        details = self.add_or_apply(self.add_button, self.apply_button, rows[0][1])
        return EnterRows([*details.rows, *rows[1:]], details.choice)

    def add_away(self) -> None:
        aid = self.selected_id()
        if aid is None or not self.dates_ok("Unavailable dates", self.away_from, self.away_to):
            return
        start, end = pydate(self.away_from.date()), pydate(self.away_to.date())
        if end < start:
            self.problem.emit("Unavailable dates", f"To ({day_long(end)}) is before From "
                                                   f"({day_long(start)}); pick a To on or after From.")
            return
        try:
            u = Unavailability(athlete=aid, start=pydate(self.away_from.date()),
                               end=pydate(self.away_to.date()), reason=self.away_reason.text().strip())
        except ValueError as e:
            self.refuse("Unavailable dates", e)
            return
        from planner.scenarios import past_change_problem

        edit = E.AddUnavailability(unavailability=u)
        past = past_change_problem(self.season, edit)
        if past is not None:  # as the command line's 'record' refuses it
            self.problem.emit("Unavailable dates", f"From {past}.")
            return
        self.request(edit)

    def remove_away(self) -> None:
        i = _selected_key(self.away_table)
        if i is not None:
            self.request(E.RemoveUnavailability(index=i))


# -- injuries -----------------------------------------------------------------------------------
class InjuriesEditor(Editor):
    """An athlete's injury: protocol (from the templates), onset, stage and stage start, target
    competition, flare-ups and criteria tests with the template's pass mark."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Injuries editor")
        # (title, text) -> yes: asked before a stage change is recorded before the stage held is
        # done (the window's question; None records it at once)
        self.confirm: Callable[[str, str], bool] | None = None
        self.athlete = QComboBox()
        self.athlete.setAccessibleName("Injured athlete")
        self.record = QComboBox()
        self.record.setAccessibleName("Injury record")
        self.record.setToolTip("The athlete's injury records by onset: earlier injuries, a "
                               "re-injury, a planned operation; or a new one")
        _narrow(self.record)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.back = QLabel()
        self.back.setWordWrap(True)
        self.back.setAccessibleName("Planned return")
        self._returns: list = []
        self._want_onset: dt.date | None = None  # the record to select after the next refill
        self._tests_for: tuple | None = None  # the injury the criteria result box was typed for
        details, buttons = self._details()
        self.rehab = QGroupBox("Rehab progress")
        rlay = QVBoxLayout(self.rehab)
        rlay.addWidget(self._history_table(), 1)
        rlay.addWidget(_wrapped("Next stage reached (the history records what happened):"))
        self.stage_row = self._stage_row()
        rlay.addLayout(self.stage_row)
        rlay.addWidget(_wrapped("Flare-up (symptoms back):"))
        self.flare_row = self._flare_row()
        rlay.addLayout(self.flare_row)
        rlay.addWidget(self.flares)
        self.test_heading = _wrapped("Criteria test of the current stage:")
        rlay.addWidget(self.test_heading)
        self.test_row = self._test_form()
        rlay.addLayout(self.test_row)
        self.gate = _wrapped("")
        self.gate.setAccessibleName("Criteria gate")
        self.rehab_error = _error_line("Why the rehab record was not changed")
        rlay.addWidget(self.rehab_error)
        self.record_error = _error_line("Why the injury was not changed")
        top = QFormLayout()
        top.addRow("Athlete", self.athlete)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.back)
        lay.addWidget(self.gate)
        lay.addLayout(details)
        lay.addLayout(buttons)
        lay.addWidget(self.record_error)
        lay.addWidget(self.rehab, 1)
        self._connect()
        self.watch_typing(self.athlete, self.record)

    # building ---------------------------------------------------------------------------
    def _details(self) -> tuple[QFormLayout, QHBoxLayout]:
        """The injury record: protocol, onset, first stage and its start, target; its buttons."""
        from planner.protocols import readable_protocols

        self.protocol = QComboBox()
        self.protocol.setAccessibleName("Rehab protocol")
        for proto in readable_protocols()[0]:  # a file that does not read: said once at start
            self.protocol.addItem(proto.name, proto.id)
        # no protocol until one is chosen: the first in the list was taken for a hamstring
        # strain entered in a hurry
        self.protocol.setPlaceholderText("Choose the injury…")
        self.protocol.setCurrentIndex(-1)
        self.onset = _any_date("Injury onset")
        self.first_stage = QComboBox()
        self.first_stage.setAccessibleName("Stage")
        self.first_stage.setPlaceholderText("the injury's stages")
        for combo in (self.protocol, self.first_stage):
            _narrow(combo)
        self.first_start = _any_date("Stage start")
        self.target = QComboBox()
        self.target.setAccessibleName("Target competition")
        _whole_text(self.target)
        self.onset.dateChanged.connect(lambda _q: self._targets_from_onset())
        # a new injury's first stage starts on or after its onset: typed later, it follows
        self._own_start = None  # the stage start the coach set apart from the onset
        self._following = False
        self.first_start.dateChanged.connect(self._start_set)
        self.onset.dateChanged.connect(self._start_follows_onset)
        details = QFormLayout()
        details.addRow("Injury", self.record)
        details.addRow("Protocol", self.protocol)
        details.addRow("Onset", self.onset)
        self.first_stage_label = QLabel("Stage")
        self.first_start_label = QLabel("Stage started")
        details.addRow(self.first_stage_label, self.first_stage)
        details.addRow(self.first_start_label, self.first_start)
        details.addRow("Target", self.target)
        buttons, (self.record_button, self.apply_button, self.remove_button) = _buttons(
            "&Record injury", "Appl&y", "Remove inj&ury")
        self.record_button.setToolTip("Record an injury for this athlete with these details")
        self.apply_button.setToolTip("Change the protocol, onset or target competition")
        self.remove_button.setToolTip("Delete the chosen injury record (the others stay)")
        return details, buttons

    def _history_table(self) -> QTableWidget:
        """The stages recorded so far, with their tests."""
        self.history = _table(["Stage", "From", "Tests"], "Rehab history")
        return self.history

    def _stage_row(self) -> QFormLayout:
        """The next stage reached, and when."""
        self.stage = QComboBox()
        self.stage.setAccessibleName("New stage")
        _narrow(self.stage)
        self.stage_start = _any_date("New stage start")
        self.stage_button = QPushButton("Record sta&ge")
        self.stage_button.setAccessibleName("Record stage")
        self.stage_button.setToolTip("The athlete entered this stage on this date")
        srow = QFormLayout()
        srow.addRow("Entered", self.stage)
        son = QHBoxLayout()
        son.addWidget(self.stage_start, 1)
        son.addWidget(self.stage_button)
        srow.addRow("on", son)
        return srow

    def _flare_row(self) -> QVBoxLayout:
        self.flare_date = _any_date("Flare-up date")
        self.flare_button = QPushButton("Record f&lare-up")
        self.flare_button.setAccessibleName("Record flare-up")
        self.flare_button.setToolTip(f"Symptoms came back: {FLARE_BACK}")
        self.flare_note = QLineEdit()
        self.flare_note.setAccessibleName("Flare-up note")
        self.flare_note.setPlaceholderText("What happened (optional), e.g. hip sore after sprints")
        self.flare_note.setToolTip("Kept with the flare-up and shown with it here, e.g. "
                                   "\"hamstring tight after the sprints, pain 6/10\"")
        self.flares = _wrapped("")
        # the note on a line of its own: beside the date and the button it was a few letters wide
        frow = QHBoxLayout()
        frow.addWidget(self.flare_date, 1)
        frow.addWidget(self.flare_button)
        col = QVBoxLayout()
        col.addWidget(self.flare_note)
        col.addLayout(frow)
        return col

    def _test_form(self) -> QFormLayout:
        """A criteria test of the current stage: its result and date, and the pass mark."""
        self.test_name = QComboBox()
        self.test_name.setEditable(True)  # before _whole_text: its line edit shows the tip
        _whole_text(self.test_name)
        self.test_name.setAccessibleName("Criteria test")
        self.test_value = QDoubleSpinBox()
        # its lowest value is "not typed yet": a default of 0.0 /10 read as a passing pain score
        self.test_value.setRange(NO_RESULT, 1000)
        self.test_value.setSpecialValueText("—")  # short: a wider box widened the whole panel
        self.test_value.setToolTip("The test's result: type it (the pass mark is said below)")
        self.test_value.setValue(NO_RESULT)
        self.test_value.setDecimals(1)
        self.test_value.setAccessibleName("Test result")
        self.test_date = _any_date("Test date")
        self.pass_mark = _wrapped("")
        self.pass_mark.setAccessibleName("Pass mark")
        self.test_button = QPushButton("Record &test")
        self.test_button.setAccessibleName("Record test")
        tform = QFormLayout()
        tform.addRow("Test", self.test_name)
        trow = QHBoxLayout()
        trow.addWidget(self.test_value)
        trow.addWidget(QLabel("on"))
        trow.addWidget(self.test_date, 1)
        tform.addRow("Result", trow)
        tform.addRow("", self.pass_mark)
        tform.addRow("", self.test_button)
        return tform

    def _connect(self) -> None:
        self.athlete.currentIndexChanged.connect(self._fill_records)
        self.record.currentIndexChanged.connect(self._load)
        self.athlete.activated.connect(lambda _i: self.athlete_selected.emit(self.selected_athlete() or ""))
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        self.protocol.activated.connect(lambda _i: self.record_error.hide())  # chosen: said no more
        self.test_name.currentIndexChanged.connect(self._show_pass_mark)
        self.test_name.editTextChanged.connect(self._show_pass_mark)
        self.test_value.valueChanged.connect(self._show_pass_mark)
        self.record_button.clicked.connect(self.record_injury)
        self.apply_button.clicked.connect(self.apply)
        self.remove_button.clicked.connect(self.remove)
        self.stage_button.clicked.connect(self.record_stage)
        self.flare_button.clicked.connect(self.record_flare_up)
        self.test_button.clicked.connect(self.record_test)

    # state ------------------------------------------------------------------------------
    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.athletes, season.injuries, season.competitions,
                                   season.calendar, season.rules)):
            return
        key = self.selected_athlete()
        injured = {i.athlete for i in season.injuries}
        with QSignalBlocker(self.athlete):
            self.athlete.clear()
            for a in sorted(season.athletes, key=lambda a: (a.id not in injured,
                                                             name_sort_key(a.name))):
                # the mark after the name: typing a name's first letters finds the athlete
                mark = "  ✚ injury recorded" if a.id in injured else ""
                self.athlete.addItem(f"{a.name} ({a.id}){mark}", a.id)
            i = self.athlete.findData(key) if key else -1
            self.athlete.setCurrentIndex(i if i >= 0 else (0 if self.athlete.count() else -1))
        with QSignalBlocker(self.target):
            self.target.clear()
            self.target.addItem("none", None)
            for c in season.competitions:
                self.target.addItem(f"{c.name} ({c.priority}, {day_long(c.date)})", c.id)
        self._fill_records()
        self._targets_from_onset()

    def blank_form(self) -> None:
        """The rest of the form is the record's (shown afresh by :meth:`set_season`): a
        criteria result and a flare-up note typed for the last season's record are not."""
        self.test_value.setValue(NO_RESULT)
        self.flare_note.setText("")

    def _start_follows_onset(self, _q=None) -> None:
        """The stage start follows the onset, and never comes before it; one the coach set
        apart stays: an onset typed digit by digit ("29/1…" on the way to 29/11/2026) moved it
        to 29 January, where it stayed, and the injury was recorded in P1 from two months on."""
        if not self.first_start.is_valid():
            return
        own, onset = self._own_start, self.onset.date()
        self._following = True
        try:
            self.first_start.setDate(own if own is not None and own > onset else onset)
        finally:
            self._following = False

    def _start_set(self, _q=None) -> None:
        if not self._following:
            start = self.first_start.date()
            self._own_start = None if start == self.onset.date() else start

    def _targets_from_onset(self) -> None:
        """A competition over before the injury's onset cannot be its target: greyed, with the
        reason (the list offered them all)."""
        from PySide6.QtGui import QStandardItemModel

        model = self.target.model()
        if self.season is None or not isinstance(model, QStandardItemModel):
            return
        onset = self.onset.date().toPython() if self.onset.is_valid() else None
        for k in range(1, self.target.count()):
            c = self.season.competition(self.target.itemData(k))
            item = model.item(k)
            before = onset is not None and c is not None and c.last < onset
            item.setEnabled(not before)
            item.setToolTip(f"Over before the onset ({day_long(onset)}): it cannot be the "
                            f"target" if before else "")

    def _fill_records(self, *_args) -> None:
        """The selected athlete's records by onset, then "New injury…"; the selection stays on
        the same onset (or goes to the one just recorded, else the latest)."""
        aid = self.selected_athlete()
        if aid != getattr(self, "_records_for", aid):  # another athlete: an old refusal goes
            self.record_error.hide()
            self.rehab_error.hide()
        self._records_for = aid
        records = self.season.injuries_of(aid) if self.season and aid else []
        want = self._want_onset if self._want_onset is not None else self.record.currentData()
        self._want_onset = None
        with QSignalBlocker(self.record):
            self.record.clear()
            for r in records:
                self.record.addItem(f"{protocol_name(r.protocol)} from {day_long(r.onset)}", r.onset)
            self.record.addItem("New injury (a re-injury, a planned operation…)", None)
            i = self._record_index(want) if want is not None else -1
            self.record.setCurrentIndex(i if i >= 0 else max(0, len(records) - 1))
        self._load()

    def selected_athlete(self) -> str | None:
        return self.athlete.currentData()

    def set_returns(self, rows) -> None:
        """The returns of the plan (``ui.desktop.returnspanel.ReturnRow``): the selected
        athlete's is shown under the injury."""
        self._returns = list(rows)
        self._show_return()

    def _show_return(self) -> None:
        aid = self.selected_athlete()
        rows = [r for r in self._returns if r.athlete == aid]
        texts = []
        for r in rows:
            text = r.sentence().split(": ", 1)[-1]
            texts.append(f"<b style='color:{ink('error')}'>{text}</b>" if r.missed else text)
        self.back.setText("<br>".join(f"<i>Plan:</i> {t}" for t in texts))
        self.back.setVisible(bool(texts))

    def select(self, athlete_id: str) -> bool:
        i = self.athlete.findData(athlete_id)
        if i >= 0:
            self.athlete.setCurrentIndex(i)
        return i >= 0

    def injury(self) -> Injury | None:
        """The chosen record (None: "New injury" is chosen, or the athlete has none)."""
        aid, onset = self.selected_athlete(), self.record.currentData()
        if self.season is None or aid is None or onset is None:
            return None
        return next((r for r in self.season.injuries_of(aid) if r.onset == onset), None)

    def _record_index(self, onset: dt.date | None) -> int:
        return next((i for i in range(self.record.count()) if self.record.itemData(i) == onset), -1)

    def select_record(self, onset: dt.date | None) -> bool:
        i = self._record_index(onset)
        if i >= 0:
            self.record.setCurrentIndex(i)
        return i >= 0

    def _protocol(self):
        """The chosen protocol (None: none chosen yet)."""
        from planner.protocols import load_protocol

        pid = self.protocol.currentData()
        return load_protocol(pid) if pid is not None else None

    def _load(self) -> None:
        self._show_return()
        season = self.season
        inj = self.injury()
        key = (inj.athlete, inj.onset) if inj is not None else None
        if self._tests_for is not None and key != self._tests_for:  # another injury: no result
            self.test_value.setValue(NO_RESULT)  # and no note of another injury's flare-up
            self.flare_note.setText("")
        self._tests_for = key
        self.forget_typing()  # the form shows the record afresh
        has = inj is not None
        for w in (self.first_stage, self.first_start, self.first_stage_label,
                  self.first_start_label, self.record_button):
            w.setVisible(not has)
        for w in (self.apply_button, self.remove_button):
            w.setVisible(has)
        self.rehab.setEnabled(has)
        self.record_button.setEnabled(self.selected_athlete() is not None)
        if season is None:
            return
        self.gate.setText("")
        self.gate.hide()
        if not has:
            self.status.setText("No injury recorded: the athlete is fit. To record one, choose "
                                "the protocol, onset and the stage the athlete is in."
                                if self.record.count() <= 1 else
                                "A new injury record: a re-injury, or a planned operation (an "
                                "onset after today is planned as the record says). Choose the "
                                "protocol, onset and the stage it starts in.")
            start = season.calendar.today or season.calendar.start
            # the disabled rehab rows too: after File > New they showed the last season's days
            for w in (self.onset, self.first_start, self.stage_start, self.flare_date,
                      self.test_date):
                w.setDate(qdate(start))
            self.target.setCurrentIndex(0)
            with QSignalBlocker(self.protocol):
                self.protocol.setCurrentIndex(-1)  # a new injury: chosen, never assumed
            self._protocol_changed()
            _fill(self.history, [])
            self.flares.setText("")
            return
        proto_i = self.protocol.findData(inj.protocol)
        with QSignalBlocker(self.protocol):
            self.protocol.setCurrentIndex(max(0, proto_i))
        self._protocol_changed()
        self.onset.setDate(qdate(inj.onset))
        ti = self.target.findData(inj.target_competition)
        self.target.setCurrentIndex(max(0, ti))
        cur = inj.current
        proto = self._protocol()
        # the last stage the records and flare-ups give, as the inspector says it (a flare-up
        # after the last stage record moves the athlete back)
        segs = segments(inj, proto) if inj.protocol == proto.id else []
        last = segs[-1] if segs else Segment(cur.start, cur.stage, "record")
        title = proto.stage(last.stage).title if last.stage in proto.stage_ids else "back to full training"
        how = " (flare-up)" if last.cause == "flare-up" else ""
        self.status.setText(f"{proto.name}: recorded stage {last.stage} ({title}) since "
                            f"{day_long(last.start)}{how}.")
        # the stages in date order as the records and flare-ups give them: a flare-up's row says
        # the stage it sent the athlete back to (two rows of P3 with no P2 between read as an error)
        rows = segs or [Segment(r.start, r.stage, "record") for r in inj.stages]
        ends = [s.start for s in rows[1:]] + [None]
        _fill(self.history, [(i, [s.stage, day_long(s.start) + (
            _flare_words(inj, s.start) if s.cause == "flare-up" or s.start in inj.flare_ups else ""),
            "; ".join(
            f"{t.name} {measure(t.value, t.unit)} ({date_short(t.date)})" for t in inj.tests
            if s.start <= t.date and (end is None or t.date < end))])
            for i, (s, end) in enumerate(zip(rows, ends, strict=True))])
        self.flares.setText("Flare-ups: " + (", ".join(
            day_long(d) + (f" ({inj.flare_notes[d]})" if inj.flare_notes.get(d) else "")
            for d in inj.flare_ups) or "none"))
        default_day = season.calendar.today or max(cur.start, season.calendar.start)
        for w in (self.stage_start, self.flare_date, self.test_date):
            w.setDate(qdate(default_day))
        ids = list(proto.stage_ids) + ["FIT"]
        nxt = ids[min(len(ids) - 1, ids.index(last.stage) + 1)] if last.stage in ids else ids[0]
        self.stage.setCurrentIndex(max(0, self.stage.findData(nxt)))
        self._fill_tests(proto, last.stage)  # a flare-up's stage, not the last record's
        self._show_gate(inj)

    def _show_gate(self, inj: Injury) -> None:
        """RH-CRIT at the planning start: a failing result holds the stage until a retest."""
        from html import escape

        from planner.why import gate_texts

        lines = gate_texts(self.season, inj)  # a retest date gone by said as due
        self.gate.setText("<br>".join(
            f"<b style='color:{ink('error')}'>{escape(t)}</b>" if "held until" in t
            else f"⚠ {escape(t)} (record results under Criteria test, below)"
            for t in lines))  # escaped: "82 % < 90 %" is no tag
        self.gate.setVisible(bool(lines))

    def _protocol_changed(self) -> None:
        proto = self._protocol()
        for combo, extra in ((self.first_stage, False), (self.stage, True)):
            with QSignalBlocker(combo):
                combo.clear()
                if proto is None:  # no injury chosen: no stages to offer
                    continue
                for s in proto.stages:
                    combo.addItem(f"{s.id} (≤ {s.cap} %) {s.title}", s.id)
                if extra:
                    combo.addItem("FIT — back to full training", "FIT")
                combo.setCurrentIndex(0)  # a placeholder keeps a filled combo on none
        if proto is None:
            self._criteria = {}
            with QSignalBlocker(self.test_name):
                self.test_name.clear()
            self._show_pass_mark()
            return
        inj = self.injury()
        self._fill_tests(proto, inj.current.stage if inj else proto.stages[0].id)

    def _fill_tests(self, proto, stage: str) -> None:
        self._criteria = {}
        if stage in proto.stage_ids:
            for c in proto.stage(stage).criteria:
                self._criteria[c.name] = c
        heading = f"Criteria test of {stage}, the current stage:"
        if not self._criteria:  # FIT or a stage without criteria: the last stage's tests
            last = proto.stages[-1]
            for c in last.criteria:
                self._criteria[c.name] = c
            # said as the last stage's: under "of the current stage" a P3 without tests read
            # as if S3's hamstring strength LSI were P3's
            heading = (f"Criteria test: {stage} has none; {last.id}'s, before the return:"
                       if stage in proto.stage_ids else f"Criteria test of {last.id}, the last stage:")
        self.test_heading.setText(heading)
        with QSignalBlocker(self.test_name):
            self.test_name.clear()
            for name, c in self._criteria.items():
                self.test_name.addItem(name, c.name)
        self._show_pass_mark()

    def criterion(self):
        return getattr(self, "_criteria", {}).get(self.test_name.currentText().strip())

    def _show_pass_mark(self, *_args) -> None:
        c = self.criterion()
        if c is None:
            self.test_value.setSuffix("")
            self.pass_mark.setText("No pass mark in the template for this test.")
            return
        self.test_value.setSuffix(f" {c.unit}" if c.unit != "%" else " %")
        if self.test_value.value() == NO_RESULT:
            self.pass_mark.setText(f"Pass mark {c.sign} {measure(c.pass_mark, c.unit)}: type the result.")
            return
        verdict = "passes" if c.passes(self.test_value.value()) else "does not pass yet"
        self.pass_mark.setText(f"Pass mark {c.sign} {measure(c.pass_mark, c.unit)}: this result {verdict}.")

    # actions ----------------------------------------------------------------------------
    def _target(self) -> str | None:
        return self.target.currentData()

    def _check(self, edit, label: QLabel, row=None) -> bool:
        """Request ``edit`` when the season accepts it; otherwise say why in ``label`` (next to
        the form; the rehab line under ``row``, the one whose button was pressed) and change
        nothing."""
        from planner.errors import PeriodizeError

        for line in (self.record_error, self.rehab_error):
            line.hide()
        try:
            edit.apply(self.season)
        except PeriodizeError as e:
            why = form_words(str(e), INJURY_FIELDS)
            if row is not None:
                self._refuse_rehab(why, row)
            else:
                self.say(label, why)
            self._want_onset = None
            return False
        self.request(edit)
        return True

    def _refuse_rehab(self, text: str, row) -> None:
        """The rehab line moved under ``row`` (stage, flare-up or test), then said."""
        lay = self.rehab.layout()
        lay.removeWidget(self.rehab_error)
        at = next(i for i in range(lay.count()) if lay.itemAt(i).layout() is row)
        lay.insertWidget(at + 1, self.rehab_error)
        self.say(self.rehab_error, text)

    def record_injury(self) -> None:
        aid = self.selected_athlete()
        if aid is None or not self.dates_ok("Record injury", self.onset, self.first_start):
            return
        onset = pydate(self.onset.date())
        if any(r.onset == onset for r in self.season.injuries_of(aid)):
            self.say(self.record_error, f"{self.season.athlete_label(aid)} already has an "
                     f"injury from {day_long(onset)}; choose it above to change it.")
            return
        if self.protocol.currentData() is None:
            self.say(self.record_error, "Not recorded: choose the injury in Protocol first "
                     "(its rehab protocol gives the stages and the tests).")
            return
        try:
            inj = Injury(athlete=aid, protocol=self.protocol.currentData(), onset=onset,
                         stages=(StageRecord(stage=self.first_stage.currentData(),
                                             start=pydate(self.first_start.date())),),
                         target_competition=self._target())
        except ValueError as e:
            self.refuse("Record injury", e)
            return
        self._want_onset = onset
        self._check(E.SetInjury(injury=inj), self.record_error)

    def apply(self) -> None:
        inj = self.injury()
        if inj is None or not self.dates_ok("Change injury", self.onset):
            return
        protocol, onset, target = self.protocol.currentData(), pydate(self.onset.date()), self._target()
        if (protocol, onset) == (inj.protocol, inj.onset):
            if target != inj.target_competition:
                self._check(E.SetTargetCompetition(athlete=inj.athlete, competition=target,
                                                   onset=inj.onset), self.record_error)
            return
        if onset != inj.onset and any(r.onset == onset for r in self.season.injuries_of(inj.athlete)):
            self.say(self.record_error, f"Another injury of this athlete starts on "
                     f"{day_long(onset)}; two records may not share an onset.")
            return
        self._want_onset = onset
        self._check(E.SetInjury(injury=inj.model_copy(update={
            "protocol": protocol, "onset": onset, "target_competition": target}),
            replaces=inj.onset), self.record_error)

    def typing_rows(self) -> list[tuple[QPushButton, tuple[QWidget, ...]]]:
        record = (self.protocol, self.onset, self.first_stage, self.first_start, self.target)
        return [(self.apply_button, record), (self.record_button, record),
                (self.stage_button, (self.stage, self.stage_start)),
                (self.flare_button, (self.flare_note, self.flare_date)),
                (self.test_button, (self.test_name, self.test_value, self.test_date))]

    def remove(self) -> None:
        inj = self.injury()
        if inj is not None:
            self._check(E.RemoveInjury(athlete=inj.athlete, onset=inj.onset), self.record_error)

    def record_stage(self) -> None:
        inj = self.injury()
        if inj is not None and self.dates_ok("Record stage", self.stage_start):
            from planner.returns import passed_over

            over = passed_over(self.season, inj.athlete, self.stage.currentData(),
                               pydate(self.stage_start.date()))
            if over is not None and self.confirm is not None and not self.confirm(
                    over.question, f"{over.words}.\n\nRecord the stage change anyway?"):
                return
            self._want_onset = inj.onset
            self._check(E.RecordStage(athlete=inj.athlete, stage=self.stage.currentData(),
                                      start=pydate(self.stage_start.date())), self.rehab_error,
                        self.stage_row)

    def record_flare_up(self) -> None:
        inj = self.injury()
        if inj is not None and self.dates_ok("Record flare-up", self.flare_date):
            later = E.flare_up_not_yet(self.season, pydate(self.flare_date.date()))
            if later is not None:
                self.record_error.hide()
                self._refuse_rehab(f"Not recorded: {later}. To see what it would change, plan it "
                                   f"in a what-if (What-if ▸ New Scenario).", self.flare_row)
                return
            edit = E.RecordFlareUp(athlete=inj.athlete, date=pydate(self.flare_date.date()),
                                   note=self.flare_note.text())
            if not self._played_after_asked(edit):
                return
            self._want_onset = inj.onset
            if self._check(edit, self.rehab_error, self.flare_row):
                self.flare_note.setText("")  # not clear(): its Ctrl+Z brought the note back

    def _played_after_asked(self, edit) -> bool:
        """A flare-up dated before matches the log shows played, which it would put in rehab,
        is asked about first (:func:`played_after_question`). True: record it."""
        return self.confirm is None or played_after_question(
            self.season, edit, self.confirm, "record it on that day instead: the date beside "
                                             "Record flare-up")

    def record_test(self) -> None:
        inj = self.injury()
        name = self.test_name.currentText().strip()
        if inj is None or not self.dates_ok("Record test", self.test_date):
            return
        if not name or self.test_value.value() == NO_RESULT:
            self._refuse_rehab("Name the criteria test (one of the protocol's)." if not name
                               else "Type the test's result, then Record test.", self.test_row)
            return
        c = self.criterion()
        self._want_onset = inj.onset
        test = CriteriaTest(date=pydate(self.test_date.date()), name=name,
                            value=self.test_value.value(), unit=c.unit if c else "")
        if self._check(E.RecordCriteriaTest(athlete=inj.athlete, test=test), self.rehab_error,
                       self.test_row):
            self.test_value.setValue(NO_RESULT)  # a second test was recorded with this result
            from planner.criteria import uncounted_test_words

            if words := uncounted_test_words(self.season, inj.athlete, test):
                self._refuse_rehab(f"Recorded. {words}", self.test_row)


def played_after_question(season: Season, edit, confirm, fix: str) -> bool:
    """Ask ``confirm`` (title, text) -> bool before recording the flare-up ``edit`` when it
    lies before matches the log shows played that it would put in rehab (with the stage changes
    recorded after it kept or removed: the window asks which next); ``fix``: how to date it
    after them. Recorded at once, a flare-up back-dated before 9 matches played restarted a
    two-month rehab. True: record it (nothing to ask, or the coach said yes)."""
    from planner.progress import played_after_flare_words

    days = edit.played_after(season, either=True)
    if not days:
        return True
    words = played_after_flare_words(season, edit.athlete, edit.date, days, fix,
                                     "record it all the same")
    return confirm("Played after the flare-up?", f"{words[0].upper()}{words[1:]}.\n\nRecord "
                   f"the flare-up on {day_long(edit.date)} anyway?")


# -- dialogs ------------------------------------------------------------------------------------
class SeasonSettingsDialog(QDialog):
    """Name, dates, week start, training weekdays and "today" (the past is frozen before it)."""

    def __init__(self, season: Season, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Season Settings")
        self.setAccessibleName("Season settings")
        self.season = season
        cal = season.calendar
        self.name = QLineEdit(season.name)
        self.name.setAccessibleName("Season name")
        self.start = date_edit("Season start")
        self.start.setDate(qdate(cal.start))
        self.end = date_edit("Season end")
        self.end.setDate(qdate(cal.end))
        self.week_start = QComboBox()
        self.week_start.setAccessibleName("Weeks start on")
        for d in WEEKDAYS:
            self.week_start.addItem(WEEKDAY_NAMES[d], d)
        self.week_start.setCurrentIndex(WEEKDAYS.index(cal.week_start))
        self.training = TrainingDayTicks(cal.training_days)
        self.error = self.training.error
        self.days = self.training.days
        self.use_today = QCheckBox("Plan from")
        self.use_today.setAccessibleName("Freeze the past")
        self.use_today.setToolTip("Days before this date keep what happened; the solver plans "
                                  "from it on")
        self.today = date_edit("Today")
        self.today.setDate(qdate(cal.today or dt.date.today()))
        self.use_today.setChecked(cal.today is not None)
        self.today.setEnabled(cal.today is not None)
        self.use_today.toggled.connect(self.today.setEnabled)
        trow = QHBoxLayout()
        trow.addWidget(self.use_today)
        trow.addWidget(self.today, 1)
        form = QFormLayout(self)
        form.addRow("Season name", self.name)
        form.addRow("Starts", self.start)
        form.addRow("Ends", self.end)
        form.addRow("Weeks start on", self.week_start)
        form.addRow("Training days", self.training)
        form.addRow("Today", trow)
        note = QLabel("Changing the dates or weekdays clears the plan: solve again (F5). A new "
                      "today opens Move Today: the stage changes it records, then a re-plan.")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.error)
        # an earlier end refused for what falls after it: the way to end there all the same
        self.shortening: E.ShortenSeason | None = None  # chosen: applied with the settings
        self.shortening_offered: E.ShortenSeason | None = None
        self.shorten_note = _wrapped("")
        self.shorten_button = QPushButton()
        self.shorten_button.clicked.connect(self._shorten)
        form.addRow(self.shorten_note)
        form.addRow(self.shorten_button)
        self._offer_shortening(None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field

    def _check(self) -> None:
        """OK: closes only when every date is understood (the reason stays in the dialog)."""
        bad = bad_dates((self.start, self.end, self.today))
        if bad:
            self.training.say("\n".join(bad))
            return
        edit = self.edit()
        if edit is not None:  # what the season would refuse is said here, the edits kept
            rest = edit.model_copy(update={"today": None, "clear_today": False})
            try:
                rest.apply(self.season)
            except PeriodizeError as e:
                self.training.say(_settings_problem(e, self._next_season_hint()))
                self._offer_shortening(rest)
                return
        self._offer_shortening(None)
        self.accept()

    def _offer_shortening(self, rest: E.SetSeasonSettings | None) -> None:
        """An earlier end the season refused (competitions, days off or blocks after it): the
        choice to end it there all the same, what it removes listed; or why it cannot (before
        today, before a logged session). A later start keeps its refusal alone."""
        self._say_shortening(self._shortening_for(rest))
        self.adjustSize()  # grown to show the note whole (the refusal above it overlapped it)

    def _say_shortening(self, shorten: E.ShortenSeason | None) -> None:
        self.shorten_button.setVisible(shorten is not None)
        if shorten is None:
            self.shorten_note.setText("")
            self.shorten_note.hide()
            return
        why = E.shorten_problem(self.season, shorten.end)
        self.shorten_note.show()
        if why is not None:
            self.shorten_button.hide()
            self.shorten_note.setText(f"The season cannot end on {day_long(shorten.end)} by removing "
                                      f"what falls after it: {why}.")
            return
        self.shortening_offered = shorten
        gone = shorten.removed(self.season)
        self.shorten_note.setText(
            f"Or end the season on {day_long(shorten.end)} and remove what falls after it "
            f"(one step, Undo takes it back):\n" + "\n".join(f"• {x}" for x in gone)
            + ("\nThe plan is cleared: solve again (F5)." if self.season.plan is not None else ""))
        self.shorten_button.setText(f"End the season on {day_long(shorten.end)} and remove what "
                                    f"falls after it")

    def _shortening_for(self, rest: E.SetSeasonSettings | None) -> E.ShortenSeason | None:
        """The shortening to offer for the refused settings ``rest``: an earlier end, the start
        not later, and the other settings fine on the shortened season (else None)."""
        cal = self.season.calendar
        if rest is None or rest.end is None or not cal.start <= rest.end < cal.end or (
                rest.start is not None and rest.start > cal.start):
            return None  # no earlier end inside the season, or a later start: refused alone
        shorten = E.ShortenSeason(end=rest.end)
        if E.shorten_problem(self.season, rest.end) is not None:
            return shorten  # said why not
        try:
            rest.apply(shorten.apply(self.season))
        except PeriodizeError:
            return None  # another problem: the refusal says it
        return shorten

    def _shorten(self) -> None:
        """The coach chose to end the season earlier: applied with the other settings."""
        self.shortening = self.shortening_offered
        self.accept()

    def _next_season_hint(self) -> str:
        """Dates moved wholly past the season's end: the next season, said as the way to it."""
        if self.start.value() <= self.season.calendar.end:
            return ""
        return ("To start the next season from this one, use File ▸ New ▸ Next season after "
                f"“{self.season.name}”: it carries the squad and the rehab in progress, and this "
                "season's file stays as it is.")

    def edit(self) -> E.SetSeasonSettings | None:
        """The edit these settings make, or None when nothing changed."""
        cal = self.season.calendar
        days = self.training.chosen()
        today = self.today.value() if self.use_today.isChecked() else None
        new = dict(name=self.name.text().strip() or self.season.name,
                   start=self.start.value(), end=self.end.value(),
                   week_start=self.week_start.currentData(), training_days=days)
        old = dict(name=self.season.name, start=cal.start, end=cal.end, week_start=cal.week_start,
                   training_days=cal.training_days)
        if new == old and today == cal.today:
            return None
        return E.SetSeasonSettings(**new, today=today, clear_today=today is None)


class TrainingDayTicks(QWidget):
    """The training weekdays as a row of ticks (Season Settings, File ▸ New). The last one
    ticked stays ticked, and ``error`` says why: a season without one plans nothing. ``error``
    is the dialog's red line under its form, for its other reasons too (:meth:`say`)."""

    def __init__(self, chosen, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = _wrapped("")
        self.error.setStyleSheet(f"color: {ink('error')}")
        self.days: dict[str, QCheckBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for d in WEEKDAYS:
            box = QCheckBox(WEEKDAY_NAMES[d][:3])
            box.setAccessibleName(f"Train on {WEEKDAY_NAMES[d]}")
            box.setChecked(d in chosen)
            box.toggled.connect(lambda on, day=d: self._keep_one(day, on))
            self.days[d] = box
            row.addWidget(box)

    def chosen(self) -> tuple[str, ...]:
        """The weekdays ticked, Monday first."""
        return tuple(d for d in WEEKDAYS if self.days[d].isChecked())

    def set_chosen(self, days) -> None:
        """Tick ``days`` alone (the ones to tick first, so the last one is never refused)."""
        for d in WEEKDAYS:
            if d in days:
                self.days[d].setChecked(True)
        for d in WEEKDAYS:
            if d not in days:
                self.days[d].setChecked(False)

    def _keep_one(self, day: str, on: bool) -> None:
        if on or self.chosen():
            if on and self.error.text().startswith(_LAST_TRAINING_DAY):
                self.say("")
            return
        self.days[day].setChecked(True)
        self.say(f"{_LAST_TRAINING_DAY}: {WEEKDAY_NAMES[day]} stays ticked. Tick another "
                  f"training day first, then untick {WEEKDAY_NAMES[day]}.")

    def say(self, text: str) -> None:
        """The reason under the form, the dialog grown to show it whole."""
        self.error.setText(text)
        self.window().adjustSize()


_LAST_TRAINING_DAY = "A season needs at least one training weekday"


SETTINGS_PROBLEMS_SHOWN = 4  # kinds of problem the dialog lists (a season's dates moved a year
# on refused every logged session, one line each: the dialog grew past the screen)
_SAME_KIND = re.compile(r"'[^']*'|\[\d+\]|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|"
                        r"Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d[\d,./:-]*")


def _settings_problem(e: PeriodizeError, hint: str = "") -> str:
    """A refused setting in the dialog's words: the calendar's field names as the form shows them,
    the problems that differ only in their names, dates and numbers said once and counted, and
    ``hint`` first (the way on, seen whatever the screen cuts)."""
    words = {"'end'": "Ends", "'start'": "Starts", "'today'": "Today"}
    problems = getattr(e, "problems", None) or [str(e)]
    groups: dict[str, list[str]] = {}
    for p in problems:
        for key, label in words.items():
            p = p.replace(key, label)
        p = p[0].upper() + p[1:] if p else p
        groups.setdefault(_SAME_KIND.sub("#", p), []).append(p)
    out = [same[0] + (f" (and {len(same) - 1:,} more like it)" if len(same) > 1 else "")
           for same in list(groups.values())[:SETTINGS_PROBLEMS_SHOWN]]
    rest = sum(len(same) for same in list(groups.values())[SETTINGS_PROBLEMS_SHOWN:])
    if rest:
        out.append(f"… and {rest:,} other problems")
    return "\n".join(([hint] if hint else []) + out) + ("\nNothing was changed; correct it or "
                                                        "press Cancel.")


def new_season_dates(today: dt.date) -> tuple[dt.date, dt.date]:
    """A new season's first and last day as File ▸ New proposes them: from the next Monday
    (today when it is one), 40 weeks."""
    start = today + dt.timedelta(days=(7 - today.weekday()) % 7)
    return start, start + dt.timedelta(days=7 * 40 - 1)


def empty_season(name: str = "New season") -> Season:
    """File ▸ New's empty season with the dates it proposes (the app's start when neither the
    file asked for nor the demo season opens)."""
    start, end = new_season_dates(dt.date.today())
    return Season(name=name, calendar=Calendar(start=start, end=end))


class NewSeasonDialog(QDialog):
    """File ▸ New: an empty season (name, dates and training weekdays), the season after the open
    one (``current``: its squad, rehab in progress and last four weeks' load,
    :mod:`planner.nextseason`) or a copy of a bundled season template."""

    def __init__(self, parent: QWidget | None = None, current: Season | None = None):
        super().__init__(parent)
        self.setWindowTitle("New Season")
        self.setAccessibleName("New season")
        self.templates = season_templates()
        self.empty = QRadioButton("Empty season")
        self.empty.setChecked(True)
        self.template_buttons: dict[str, QRadioButton] = {}
        self.current = current if current is not None and current.athletes else None
        self.notes: list[str] = []  # what the next season carried and left (said once it opens)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Start from:"))
        lay.addWidget(self.empty)
        self.following = None
        if self.current is not None:
            self.following = QRadioButton(f"Next season after “{self.current.name}”")
            self.following.setToolTip("Its squad with max speeds, the rehab in progress and the "
                                      "last four weeks' load; the competitions and the plan stay "
                                      "in its file, which is not changed")
            self.following.setAccessibleName("Next season after the open season")
            lay.addWidget(self.following)
        for key, (title, _path) in self.templates.items():
            b = QRadioButton(title)
            b.setAccessibleName(title)
            self.template_buttons[key] = b
            lay.addWidget(b)
        self.name = QLineEdit()
        self.name.setAccessibleName("Season name")
        self.name.setPlaceholderText("e.g. Riverside FC 2027/28")
        start, end = new_season_dates(dt.date.today())
        self.start = date_edit("Season start")
        self.start.setDate(qdate(start))
        self.end = date_edit("Season end")
        self.end.setDate(qdate(end))
        self.training = TrainingDayTicks(Calendar.model_fields["training_days"].default)
        self.error = self.training.error
        self.training.setToolTip("The weekdays the team trains; Season Settings changes them "
                                 "later")
        self.days = self.training.days
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Starts", self.start)
        form.addRow("Ends", self.end)
        form.addRow("Training days", self.training)
        # a season that started before today: plan from its first day or from today
        self.from_today = QCheckBox()
        self.from_today.setAccessibleName("Plan from today")
        self.from_today_note = _wrapped("")
        self.from_today_note.setMinimumWidth(340)  # wrapped in a few lines, not a dozen
        form.addRow("", self.from_today)
        form.addRow("", self.from_today_note)
        self._dates_form = form
        self.form = QWidget()
        self.form.setLayout(form)
        lay.addWidget(self.form)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.empty.toggled.connect(self._form_shown)
        if self.following is not None:
            self.following.toggled.connect(self._follow)
        # the end keeps the season's length while only the start is typed (1 Aug 2026 left the
        # end of a season starting in December: 13 months)
        self._length = pydate(self.end.date()) - start
        self._end_typed = self._following = False
        self.start.dateChanged.connect(self._end_follows)
        self.end.dateChanged.connect(self._end_chosen)
        for field in (self.start, self.end):
            field.dateChanged.connect(self._started_before_today)
        self._started_before_today()
        cal = self.current.calendar if self.current is not None else None
        if cal is not None and cal.today is not None and cal.today > cal.end - dt.timedelta(days=7):
            self.following.setChecked(True)  # the open season is in its last week: its next is
            # the likely choice
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field

    def _form_shown(self, *_args) -> None:
        self.form.setEnabled(self.empty.isChecked() or bool(
            self.following and self.following.isChecked()))

    def _follow(self, on: bool) -> None:
        """The next season's proposed name, dates and weekdays (the open season's, moved on), or
        File ▸ New's own again."""
        from planner.nextseason import proposed_dates, proposed_name

        self._form_shown()
        cur = self.current
        start, end = proposed_dates(cur) if on else new_season_dates(dt.date.today())
        self._end_typed = False
        self.start.setDate(qdate(start))
        self.end.setDate(qdate(end))
        self._length = end - start
        self.name.setText(proposed_name(cur, start) if on else "")
        self.training.set_chosen(cur.calendar.training_days if on
                                 else Calendar.model_fields["training_days"].default)

    def _started_before_today(self, *_args) -> None:
        """A season that started before today (entered mid-season) is planned from its first day
        unless the coach ticks "Plan from today"; the board's "today" then sat on the first day
        and a test of last week was refused as "after today" without a word why."""
        today = dt.date.today()
        start, end = pydate(self.start.date()), pydate(self.end.date())
        shown = start < today <= end
        self.from_today.setText(f"Plan from today ({day_long(today)})")
        self.from_today_note.setText(
            f"The season started before today. Ticked: the days before today are history (log "
            f"what happened, or leave them empty) and the plan starts today. Not ticked: the "
            f"plan starts on {day_long(start)} (Season Settings ▸ Plan from changes it later).")
        for widget in (self.from_today, self.from_today_note):
            self._dates_form.setRowVisible(widget, shown)
        self.adjustSize()

    def _end_follows(self, *_args) -> None:
        if self._end_typed or not self.start.is_valid():
            return
        self._following = True
        try:
            self.end.setDate(qdate(pydate(self.start.date()) + self._length))
        finally:
            self._following = False

    def _end_chosen(self, *_args) -> None:
        if not self._following:
            self._end_typed = True  # the coach's own end stays where it is

    def choose_template(self, key: str) -> None:
        self.template_buttons[key].setChecked(True)

    def _check(self) -> None:
        try:
            self.season()
        except ValueError as e:
            self.training.say(str(e))
            return
        self.accept()

    def season(self) -> Season:
        """The new document (raises ValueError / PeriodizeError with a readable text)."""
        for key, b in self.template_buttons.items():
            if b.isChecked():
                from planner.seasonfile import loads

                _title, path = self.templates[key]
                return loads(path.read_text(encoding="utf-8"), path.name)
        name = self.name.text().strip()
        if not name:
            raise ValueError("Give the season a name.")
        start, end = self.start.value(), self.end.value()
        if end < start:
            raise ValueError("The season ends before it starts.")
        if (end - start).days > LONGEST_SEASON_DAYS:
            raise ValueError("A season may span at most two years.")
        today = dt.date.today()
        planned_from = today if self.from_today.isChecked() and start < today <= end else None
        calendar = Calendar(start=start, end=end, today=planned_from,
                            training_days=self.training.chosen())
        if self.following is not None and self.following.isChecked():
            return self._next_season(name, calendar)
        return Season(name=name, calendar=calendar)

    def _next_season(self, name: str, calendar: Calendar) -> Season:
        from planner.errors import InputError
        from planner.nextseason import next_season

        try:
            made = next_season(self.current, calendar.start, calendar.end, name)
        except InputError as e:
            raise ValueError("The next season " + "; ".join(e.problems) + ".") from None
        self.notes = made.notes
        cal = made.season.calendar.model_copy(update={"today": calendar.today,
                                                      "training_days": calendar.training_days})
        return made.season.model_copy(update={"calendar": cal})


def unapplied(editors, season: Season, athlete: str) -> str | None:
    """What the board's move to ``athlete`` would throw away: the fields typed and not
    applied in ``editors`` ((title, editor) pairs showing another athlete), in words; None when
    nothing would be lost."""
    lines = []
    for title, editor, shown in editors:
        fields = editor.pending() if shown not in (None, athlete) else []
        if fields:
            lines.append(f"{title} editor: {', '.join(fields)} of {season.athlete_label(shown)}")
    if not lines:
        return None
    return ("Typed and not applied yet:\n" + "\n".join(lines) + "\n\nApply it before showing "
            f"{season.athlete_label(athlete)}, discard it, or cancel and stay?")


def season_templates() -> dict[str, tuple[str, object]]:
    """The bundled season templates: key -> (title, resource)."""
    import json

    from templates import path

    out = {}
    folder = path("")
    for res in sorted(folder.iterdir(), key=lambda p: p.name):
        if res.name.endswith(".season.json"):
            key = res.name.removesuffix(".season.json")
            try:
                name = json.loads(res.read_text(encoding="utf-8")).get("name", key)
            except (OSError, ValueError):
                continue
            title = f"{'Demo' if key == 'demo' else key.title()} season ({name})"
            out[key] = (title, res)
    return out


def joins_on(season) -> dt.date | None:
    """The day a player added now joins a season under way (planned, today inside it): the days
    before it are "not in the squad yet"; None for a squad built before the season is planned."""
    from planner.validate import planning_start

    cal = season.calendar
    if season.plan is None or cal.today is None:
        return None
    day = planning_start(season)
    return day if cal.start < day <= cal.end else None
