"""View ▸ Season Review…: the season review (``planner.review.season_review``) in a window of
its own: the period it counts, a read-only table of one row per athlete (click a heading to sort
by it), the squad's total under it, a "Whole season" tick box and Save as CSV… (the CSV of
``periodize load --review --csv``, written safely, an earlier one kept as ``NAME.bak``, in the
season file's folder first; "Saved …" said in the window).

The athletes' names are the table's row headings: scrolled right to the load columns, the names
stay in view. Each column is as wide as its figures, its heading on two lines; the window opens
tall enough for some 20 rows, never larger than the screen.

Not modal: the board stays in use, and the table follows the season as it changes: a change
marks the review out of date, and it is counted again once the changes in a row are made (a
zero-timer: several quick edits, one count), never while the window is closed or minimised (it
is counted again when it shows).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from planner.review import COLUMNS, INJURY_COLUMNS, Review, ReviewRow, csv_text, season_review
from ui.desktop.layout import show_one

NO_PLAN = "No plan yet: solve the season first (Plan ▸ Solve), and the review counts it."
# the name, with the ID, is the row's heading (it stays in view scrolled sideways)
SHOWN = tuple((k, h, what) for k, h, what in COLUMNS if k not in ("athlete", "name"))
SORT = Qt.ItemDataRole.UserRole + 1
# a row's "Name (ID)" on its first cell (Season.athlete_label: the ID alone when the name is the
# ID, as an anonymised season's): the row's heading
NAME = Qt.ItemDataRole.UserRole + 2
ROWS_SHOWN = 20  # the rows the window opens tall enough for (at 1280 x 800)
INJURY_ROWS_SHOWN = 6  # the injury table's rows in sight; more scroll


def two_lines(heading: str) -> str:
    """``heading`` on two lines, broken at the space that makes the longer line shortest
    ("Unavailable\ndays", "Logged ÷\nplanned"); one word stays whole."""
    words = heading.split()
    if len(words) < 2:
        return heading
    cut = min(range(1, len(words)),
              key=lambda k: max(len(" ".join(words[:k])), len(" ".join(words[k:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


class _Item(QTableWidgetItem):
    """A cell shown as the review writes it ("2,820", "1 wk 6 d", "—") and sorted by its value
    (a number; "—" and "exempt" below every number)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT), other.data(SORT)
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine) < str(theirs)
        return mine < theirs


def _sort_key(row: ReviewRow, key: str):
    v = row.value(key)
    if isinstance(v, str):
        return v.casefold() if key == "reasons" else -1.0
    return -1.0 if v is None else float(v)


class ReviewWindow(QDialog):
    """The season review of the window's season; ``refresh`` reads it again, ``bring_up_to_date``
    only when the season changed since."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window_ = window
        self.review: Review | None = None
        self.out_of_date = False  # the season changed since the review was counted
        self._later = QTimer(self)  # the count after a change: once for several in a row
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._count_if_seen)
        self.setWindowTitle("Season Review")
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.period.setAccessibleName("The period the review counts")
        self.whole = QCheckBox("&Whole season")
        self.whole.setToolTip("Count the whole season, what is still planned from today included; "
                              "unticked, the season so far (to the day before today)")
        self.whole.toggled.connect(self.refresh)
        self.table = QTableWidget(0, len(SHOWN))
        self.table.setAccessibleName("The season review: a row per athlete")
        self.table.setHorizontalHeaderLabels([two_lines(h) for _, h, _ in SHOWN])
        for j, (_, h, what) in enumerate(SHOWN):
            self.table.horizontalHeaderItem(j).setToolTip(f"{h}: {what}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # one cell selected, its row's name and its column's heading lit: a coach moving by the
        # arrows sees the column he is in (a row selected hid it); Tab leaves the table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setHighlightSections(True)
        self.table.verticalHeader().setHighlightSections(True)
        self.table.setTabKeyNavigation(False)
        self.table.setToolTip("Enter sorts by the column of the selected cell, highest first; "
                              "Enter again, lowest first")
        self.table.installEventFilter(self)  # Enter sorts (eventFilter)
        names = self.table.verticalHeader()
        names.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        names.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        names.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # a sort moves the cells, not the row headings: each row's name follows its cells
        self.table.model().layoutChanged.connect(self._name_rows)
        # the squad's display order until the coach clicks a heading (no column sorted yet)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setAccessibleName("The squad's total")
        # the season's injuries, a row each: time lost and matches missed (a season report's)
        self.injuries_label = QLabel()
        self.injuries_label.setWordWrap(True)
        self.injuries = QTableWidget(0, len(INJURY_COLUMNS))
        self.injuries.setAccessibleName("The injuries of the period: a row each")
        self.injuries.setHorizontalHeaderLabels(list(INJURY_COLUMNS))
        self.injuries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.injuries.setTabKeyNavigation(False)
        self.injuries.verticalHeader().hide()
        self.injuries.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.injuries.horizontalHeader().setStretchLastSection(False)  # each count by its heading
        self.save_button = QPushButton("Save as &CSV…")
        self.save_button.setToolTip("The review as a CSV file (UTF-8, as the load CSV)")
        self.save_button.clicked.connect(self.save_csv)
        self.saved = QLabel()  # "Saved the season review as …": here, not behind this window
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("C&lose")
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.whole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.total)
        lay.addWidget(self.injuries_label)
        lay.addWidget(self.injuries)
        lay.addLayout(bottom)
        signal = getattr(window, "document_changed", None)
        if signal is not None:
            signal.connect(self.mark_out_of_date)
        self.refresh()
        self.resize(self._opening_size())

    def mark_out_of_date(self) -> None:
        """The season changed: the review is counted again once control is back in the event
        loop (the edits of one action, an undo of several: one count), if the window is seen."""
        self.out_of_date = True
        if self._seen():
            self._later.start()

    def _seen(self) -> bool:
        return self.isVisible() and not self.isMinimized()

    def _count_if_seen(self) -> None:
        if self._seen():
            self.bring_up_to_date()

    def bring_up_to_date(self) -> None:
        """Count the review again if the season changed since it was counted."""
        if self.out_of_date:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Shown again (opened, restored from the taskbar): counted first if out of date."""
        self.bring_up_to_date()
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.out_of_date and self._seen():
            self._later.start()  # restored from minimised

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Enter in the table sorts by the current cell's column (not the dialog's default
        button)."""
        if (obj is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.sort_current()
            return True
        return super().eventFilter(obj, event)

    def sort_current(self) -> None:
        """Sort by the column of the current cell (the keyboard's heading click): highest first,
        then, again on the same column, lowest first; said under the table."""
        j = self.table.currentColumn()
        if j < 0:
            return
        head = self.table.horizontalHeader()
        again = head.sortIndicatorSection() == j and head.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        order = Qt.SortOrder.AscendingOrder if again else Qt.SortOrder.DescendingOrder
        self.table.sortItems(j, order)
        head.setSortIndicator(j, order)
        self.table.setCurrentCell(0, j)  # the top of the column sorted
        self.saved.setText(f"Sorted by {SHOWN[j][1]}, {'lowest' if again else 'highest'} first "
                           f"(Enter again: {'highest' if again else 'lowest'} first)")

    def _opening_size(self) -> QSize:
        """As wide as the table's columns and tall enough for its rows, :data:`ROWS_SHOWN` at most,
        within the screen's free area (a 1280 x 800 screen showed 11 rows of 24)."""
        from ui.desktop.layout import fitting_size

        table = self.table
        width = (table.verticalHeader().sizeHint().width() + table.horizontalHeader().length()
                 + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth())
        rows = min(ROWS_SHOWN, max(table.rowCount(), 3)) * table.verticalHeader().defaultSectionSize()
        height = (table.horizontalHeader().sizeHint().height() + rows
                  + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth())
        margins = self.layout().contentsMargins()
        rest = self.sizeHint().height() - table.sizeHint().height()  # the period, total, buttons
        return fitting_size(self, QSize(width + margins.left() + margins.right(), height + rest))

    def _name_rows(self) -> None:
        """Each row's heading: the athlete's label its first cell carries (after a sort too)."""
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            name = first.data(NAME) if first is not None else ""
            head = self.table.verticalHeaderItem(r)
            if head is None:
                self.table.setVerticalHeaderItem(r, QTableWidgetItem(name))
            elif head.text() != name:
                head.setText(name)

    def refresh(self) -> None:
        """Read the review of the window's season again, for the period ticked."""
        self.out_of_date = False
        self._later.stop()
        season = self.window_.season
        self.review = review = season_review(season, whole=self.whole.isChecked())
        self.table.setSortingEnabled(False)  # filled in order, then sorted as the coach chose
        self.table.setRowCount(len(review.rows))
        for r, row in enumerate(review.rows):
            for j, (key, _, _) in enumerate(SHOWN):
                item = _Item(row.cell(key))
                item.setData(SORT, _sort_key(row, key))
                if j == 0:
                    item.setData(NAME, season.athlete_label(row.athlete))
                if key != "reasons":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, j, item)
        self.table.setSortingEnabled(True)
        self._name_rows()
        self._tick_period(review)
        if season.plan is None:
            self.period.setText(f"{review.period.words()}. {NO_PLAN}")
        else:
            self.period.setText(review.heading() + ".")
        total = review.total
        self.total.setText("Squad: " + " · ".join(f"{h} {total.cell(k)}" for k, h, _ in SHOWN
                                                  if k != "reasons")
                           + (f" · unavailable by reason: {total.cell('reasons')}"
                              if total.reasons else ""))
        self.save_button.setEnabled(bool(review.rows))
        self._fill_injuries(review)

    def _fill_injuries(self, review: Review) -> None:
        """The injury table under the total: athlete, injury, onset, back (or the stage still
        held), days lost and matches missed while injured; hidden without an injury."""
        rows = review.injuries
        self.injuries_label.setText(
            "Injuries (days lost: from the onset to the return, within the period; matches "
            "missed while injured):" if rows else "Injuries: none in the period.")
        self.injuries.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for j, cell in enumerate(row.cells()):
                item = QTableWidgetItem(cell)
                if j >= 4:  # the counts
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.injuries.setItem(r, j, item)
        self.injuries.setVisible(bool(rows))
        if rows:  # as tall as its rows, INJURY_ROWS_SHOWN at most (the squad's table keeps the room)
            head = self.injuries.horizontalHeader().sizeHint().height()
            body = sum(self.injuries.rowHeight(r) for r in range(min(len(rows), INJURY_ROWS_SHOWN)))
            self.injuries.setFixedHeight(head + body + 2 * self.injuries.frameWidth() + 2)

    def _tick_period(self, review: Review) -> None:
        """The tick box says the period the heading says: a season whose today is past its end
        is counted whole, ticked and fixed so (the heading read "Whole season" beside an
        unticked box)."""
        ended = review.period.whole and review.period.today is None
        if ended and not self.whole.isChecked():
            blocked = self.whole.blockSignals(True)
            self.whole.setChecked(True)
            self.whole.blockSignals(blocked)
        self.whole.setEnabled(not ended)
        self.whole.setToolTip("The season has ended: the review counts all of it" if ended else
                              "Count the whole season, what is still planned from today "
                              "included; unticked, the season so far (to the day before today)")

    def save_csv(self) -> bool:
        """Ask where, then write the review's CSV safely (an earlier one kept as ``NAME.bak``);
        a file that cannot be written is said, with where and why."""
        from planner.errors import PeriodizeError
        from planner.safefile import atomic_write
        from ui.desktop.fileio import keep_previous, may_replace, written
        from ui.desktop.folders import dialog_folder, remember_dialog_folder

        window = self.window_
        stem = Path(window.path).name.removesuffix(".season.json") if window.path else "season"
        # in the season file's folder (or the last one a review was saved in), not the program's
        suggestion = str(Path(dialog_folder(window, "review")) / f"{stem}-review.csv")
        chosen = window.interaction.save_file("Save the Season Review as CSV", suggestion,
                                              "CSV files (*.csv)")
        # the file dialog belongs to the main window, which came to the front when it closed
        self.raise_()
        self.activateWindow()
        if chosen is None or self.review is None:
            return False
        path = Path(chosen[0])
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        remember_dialog_folder(window, "review", path)
        if not may_replace(window, path, "review"):
            return False
        try:
            backup, kept = keep_previous(path, "review")
            # UTF-8 with its byte-order mark, as the load CSV (docs/load.md)
            atomic_write(path, "\ufeff" + csv_text(self.review), backup=backup)
        except (PeriodizeError, OSError) as e:
            window.interaction.error("Review not saved",
                                     f"{path}: {getattr(e, 'strerror', None) or e}. Choose "
                                     f"another folder or name, or close the program that holds it.")
            return False
        # said here too: the main window's notice is behind this window
        self.saved.setText(written(window, "Saved the season review as", path.resolve(),
                                   path.resolve().parent, kept=kept))
        return True


def install(window: QMainWindow, menu: QMenu) -> QAction:
    """The View menu's Season Review…; it shows the one window of ``window``, brought up to
    date."""
    action = QAction("Season &Review…", window)
    action.setStatusTip("Per player over the season: matches, minutes, HV exposures done and "
                        "planned, days in rehab and away, load logged against planned")

    def show() -> None:
        shown = window.findChild(ReviewWindow)
        if shown is not None:  # brought up to date before it shows (a new one is made so)
            shown.bring_up_to_date()
        show_one(window, ReviewWindow, lambda dlg: dlg.table)

    action.triggered.connect(show)
    menu.addAction(action)
    return action
