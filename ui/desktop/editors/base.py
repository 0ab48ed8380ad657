"""What the season's editors share: ``Editor`` (the dock editors' base: ``edit_requested``,
``set_season``, Enter in a form, typing not applied), the date and table helpers, a problem in a
form's words (``form_words``) and the typing a move to another athlete would lose (``unapplied``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.season import Season
from planner.text import clean_message, day_long, name_sort_key, validation_problems
from ui.desktop import tabchain
from ui.desktop.datefield import DateField
from ui.desktop.layout import dock_of
from ui.desktop.theme import ink

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


def first_day(season: Season) -> QDate:
    """The day a new record's form proposes: today (the planning start), within the season."""
    from planner.validate import planning_start

    return qdate(min(planning_start(season), season.calendar.end))


def bad_dates(fields) -> list[str]:
    """``name: why`` for each of the date ``fields`` in use (enabled) whose text is not a date
    it accepts: a typed date is never replaced by another behind the coach's back."""
    return [f"{f.accessibleName()}: {f.problem()}" for f in fields
            if f.isEnabled() and not f.is_valid()]


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


def _keeps_space(label: QLabel, lines: int = 0) -> QWidget:
    """``label`` in a box that keeps its space while the label is hidden (a form row gives it
    up): a note coming with the first letter typed moved the fields above it from under the
    pointer. ``lines``: the room it keeps, in lines of text, however short its words (a note
    of three lines coming and going moved the fields below it, and the list above it took or
    gave up the room)."""
    keep = label.sizePolicy()
    keep.setRetainSizeWhenHidden(True)
    label.setSizePolicy(keep)
    if lines:
        label.setMinimumHeight(lines * label.fontMetrics().lineSpacing())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(label)
    return box


keeps_space = _keeps_space  # the name the rest of the app imports (the New Scenario form)


class FlowRow(QLayout):
    """A row of a form that goes on to the next line where the dock is too narrow for it (the
    weekdays "on Mo Tu … Su" at 125 % on a 1280 x 720 screen were cut before Sunday, and the
    dock scrolled sideways, the Add button half out of sight). ``fill``: the widget that takes
    the rest of its line (a date field beside its check box)."""

    def __init__(self, *widgets: QWidget, fill: QWidget | None = None, spacing: int = 6):
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)
        self._items: list = []
        self._fill = fill
        for w in widgets:
            self.addWidget(w)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, max((i.sizeHint().height() for i in shown), default=0))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in lines within ``rect`` (``move``: set their geometry); the
        height taken."""
        lines: list[list] = [[]]
        x = 0
        for item in (i for i in self._items if not i.isEmpty()):
            w = item.sizeHint().width()
            if lines[-1] and x + w > rect.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += w + self.spacing()
        y = rect.y()
        for line in lines:
            tall = max((i.sizeHint().height() for i in line), default=0)
            x = rect.x()
            for item in line:
                w = item.sizeHint().width()
                if item.widget() is self._fill and item is line[-1]:
                    w = max(w, rect.right() + 1 - x)
                if move:
                    h = item.sizeHint().height()
                    item.setGeometry(QRect(x, y + (tall - h) // 2, w, h))
                x += w + self.spacing()
            y += tall + self.spacing()
        return y - rect.y() - self.spacing()


def _say_day_off_matches(label: QLabel, pairs) -> None:
    """Under a form: each of ``pairs`` (day, competitions, day-off reason) that is a declared day
    off on a competition's day, said (the match is still played); hidden without one."""
    from planner.validate import day_off_words

    lines = [w for day, comps, reason in pairs if (w := day_off_words(day, comps, reason))]
    more = f"\n… and {len(lines) - 3} more such days." if len(lines) > 3 else ""
    label.setText("\n".join(lines[:3]) + more)
    label.setVisible(bool(lines))


def _into_view(widget: QWidget) -> None:
    """Scroll the dock (or any scroll area) ``widget`` is in until it shows."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None and widget.isVisible():
        area.ensureWidgetVisible(widget, 0, 8)


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


def _selected_keys(table: QTableWidget) -> list:
    """The keys of every selected row, top to bottom (a list whose rows Shift+click or
    Ctrl+click select several)."""
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()}) \
        if table.selectionModel() else []
    return [item.data(Qt.ItemDataRole.UserRole) for r in rows if (item := table.item(r, 0))]


def _select_keys(table: QTableWidget, keys) -> list:
    """The rows of ``keys`` still listed selected again, the others not (a refill after a
    change); the keys found."""
    found = []
    with QSignalBlocker(table):
        table.clearSelection()
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) in keys:
                table.selectionModel().select(
                    table.model().index(r, 0), QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)
                found.append(item.data(Qt.ItemDataRole.UserRole))
    table.itemSelectionChanged.emit()
    return found


def delete_key(table: QTableWidget, delete) -> QAction:
    """The Delete key (and Backspace) on ``table`` calls ``delete``: the selected rows
    deleted as the Delete button does (the key did nothing); on the list's menu too."""
    action = QAction("&Delete Selected", table)
    action.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(delete)
    table.addAction(action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def _select_key(table: QTableWidget, key) -> bool:
    for r in range(table.rowCount()):
        item = table.item(r, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            # that row alone, whatever keys are held (selectRow added it to the selection
            # while Shift or Ctrl was down, in a list that selects several)
            table.selectionModel().setCurrentIndex(
                table.model().index(r, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return True
    table.clearSelection()
    return False


def _buttons(*labels: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    out = []
    for text in labels:
        b = QPushButton(text)
        b.setAccessibleName(text.replace("&", ""))
        # as narrow as its words in a narrow dock (the style's 80 pixels a button put the
        # Squad editor's fourth one past the dock's edge, scrolled sideways), as wide otherwise
        words = b.fontMetrics().horizontalAdvance(text.replace("&", ""))
        b.setMinimumWidth(min(b.sizeHint().width(), words + 2 * b.fontMetrics().averageCharWidth() + 8))
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
    hint = Signal(str)  # a passing word for the status bar, not kept (Tab going round)
    unsaid = Signal(str)  # a refusal said (``said``) no longer holds: the status bar's copy goes

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tabchain.install()  # tells a Tab pressed (focusNextPrevChild)
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

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab go round the editor's own controls in sight (list, form, buttons,
        and back to the first): Tab from the last button went on into other panels, some out
        of sight, and into the Log's grid, moving its cell. Going round, from the last to the
        first or back, the status bar says how to leave (:meth:`_went_round`). Asked while it
        is no Tab pressed (a panel hidden or deleted with the keyboard in it), it is Qt's."""
        if not tabchain.tab_pressed(self):
            return super().focusNextPrevChild(forward)
        return (tabchain.move_focus(self, forward, self._tab_stop, self._went_round)
                or super().focusNextPrevChild(forward))

    def _went_round(self) -> None:
        dock = dock_of(self)
        name = f"the {dock.windowTitle()} editor" if dock is not None else "this editor"
        self.hint.emit(f"Tab goes round {name}: Esc or F6 puts the keyboard on the board")

    def _tab_stop(self, widget: QWidget) -> bool:
        """One of this editor's controls, the editor in front (one behind another's tab leaves
        Tab to the window's: ``ui.desktop.tabchain``)."""
        return self.isAncestorOf(widget) and not tabchain.behind(widget)

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

    def refuse(self, what: str, error: Exception, fields: dict[str, str] | None = None) -> None:
        """A form that does not make a valid object: say why, like a refused edit, in the
        season file's words with the form's field names (``fields``: a field's label by its
        name, else its name in words): pydantic's own text reached the coach ("String should
        have at most 200 characters", "1 validation error for Athlete")."""
        self.problem.emit(what, "\n".join(refusal_lines(error, fields or {})))

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

    def unsay(self, label: QLabel) -> None:
        """The refusal in ``label`` is old news (the field typed again, the next form, Add
        done): hidden, and its copy in the status bar goes too (it stayed there, "Not added: ID
        A01 is Max Muster's already …", while the ID read A02)."""
        if label.isHidden():
            return
        label.hide()
        if label.text():
            self.unsaid.emit(label.text())


def refusal_lines(error: Exception, fields: dict[str, str]) -> list[str]:
    """Why a form's values make no valid object (a pydantic ``ValidationError``, or another
    ValueError), a line per problem as the season file says it (``planner.text.
    validation_problems``), each led by the form's name of its field: ``Name: 'Very long…'
    (210 characters) is too long; use at most 200 characters``."""
    if not hasattr(error, "errors"):
        return [clean_message(str(error))]
    out = []
    for problem in validation_problems(error.errors()):
        where, sep, why = problem.partition(": ")
        if not sep or where == "(top level)":
            out.append(why if sep else problem)
            continue
        last = re.sub(r"\[\d+\]", "", where).rsplit(".", 1)[-1]
        out.append(f"{fields.get(last, last.replace('_', ' ').capitalize())}: {why}")
    return out


def error_line(name: str) -> QLabel:
    """A red line under a form's buttons that says why it changed nothing (hidden when all is
    well); ``name`` for a screen reader."""
    label = QLabel("")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setStyleSheet(f"color: {ink('error')}")
    label.hide()
    return label


_SEASON_PATH = re.compile(r"\b[a-z_]+(?:\[\d+\])+(?:\.[a-z_]+(?:\[\d+\])?)*: ")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


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
