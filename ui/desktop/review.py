"""View ▸ Season Review…: the season review (``planner.review.season_review``) in a window of
its own: the period it counts, a read-only table of one row per athlete (click a heading to sort
by it), the squad's total under it, a "Whole season" tick box and Save as CSV… (the CSV of
``periodize load --review --csv``, written safely, an earlier one kept as ``NAME.bak``).

Not modal: the board stays in use, and the table follows the season as it changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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

from planner.review import COLUMNS, Review, ReviewRow, csv_text, season_review

NO_PLAN = "No plan yet: solve the season first (Plan ▸ Solve), and the review counts it."
SHOWN = tuple((k, h, what) for k, h, what in COLUMNS if k != "athlete")  # the name says the ID
SORT = Qt.ItemDataRole.UserRole + 1


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
    if key == "name":
        return row.name.casefold()
    if isinstance(v, str):
        return v.casefold() if key == "reasons" else -1.0
    return -1.0 if v is None else float(v)


class ReviewWindow(QDialog):
    """The season review of the window's season; ``refresh`` reads it again."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window_ = window
        self.review: Review | None = None
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
        self.table.setHorizontalHeaderLabels([h for _, h, _ in SHOWN])
        for j, (_, h, what) in enumerate(SHOWN):
            self.table.horizontalHeaderItem(j).setToolTip(f"{h}: {what}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the squad's display order until the coach clicks a heading (no column sorted yet)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setAccessibleName("The squad's total")
        self.save_button = QPushButton("Save as &CSV…")
        self.save_button.setToolTip("The review as a CSV file (UTF-8, as the load CSV)")
        self.save_button.clicked.connect(self.save_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("C&lose")
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.whole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.total)
        lay.addLayout(bottom)
        width = self.fontMetrics().averageCharWidth()
        self.resize(190 * width, 34 * self.fontMetrics().lineSpacing())
        signal = getattr(window, "document_changed", None)
        if signal is not None:
            signal.connect(lambda: self.refresh() if self.isVisible() else None)
        self.refresh()

    def refresh(self) -> None:
        """Read the review of the window's season again, for the period ticked."""
        season = self.window_.season
        self.review = review = season_review(season, whole=self.whole.isChecked())
        self.table.setSortingEnabled(False)  # filled in order, then sorted as the coach chose
        self.table.setRowCount(len(review.rows))
        for r, row in enumerate(review.rows):
            for j, (key, _, _) in enumerate(SHOWN):
                text = f"{row.name} ({row.athlete})" if key == "name" else row.cell(key)
                item = _Item(text)
                item.setData(SORT, _sort_key(row, key))
                if key not in ("name", "reasons"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, j, item)
        self.table.setSortingEnabled(True)
        if season.plan is None:
            self.period.setText(f"{review.period.words()}. {NO_PLAN}")
        else:
            self.period.setText(review.period.words() + ".")
        total = review.total
        self.total.setText("Squad: " + " · ".join(f"{h} {total.cell(k)}" for k, h, _ in SHOWN
                                                  if k not in ("name", "reasons"))
                           + (f" · unavailable by reason: {total.cell('reasons')}"
                              if total.reasons else ""))
        self.save_button.setEnabled(bool(review.rows))

    def save_csv(self) -> bool:
        """Ask where, then write the review's CSV safely (an earlier one kept as ``NAME.bak``);
        a file that cannot be written is said, with where and why."""
        from planner.errors import PeriodizeError
        from planner.safefile import atomic_write
        from ui.desktop.fileio import keep_previous, may_replace, written

        window = self.window_
        stem = Path(window.path).name.removesuffix(".season.json") if window.path else "season"
        chosen = window.interaction.save_file("Save the Season Review as CSV",
                                              f"{stem}-review.csv", "CSV files (*.csv)")
        if chosen is None or self.review is None:
            return False
        path = Path(chosen[0])
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        if not may_replace(window, path, "csv"):
            return False
        try:
            backup, kept = keep_previous(path, "csv")
            # UTF-8 with its byte-order mark, as the load CSV (docs/load.md)
            atomic_write(path, "\ufeff" + csv_text(self.review), backup=backup)
        except (PeriodizeError, OSError) as e:
            window.interaction.error("Review not saved",
                                     f"{path}: {getattr(e, 'strerror', None) or e}. Choose "
                                     f"another folder or name, or close the program that holds it.")
            return False
        written(window, "Saved the season review as", path.resolve(), path.resolve().parent,
                kept=kept)
        return True


def install(window: QMainWindow, menu: QMenu) -> QAction:
    """The View menu's Season Review…; it shows the one window of ``window``, brought up to
    date."""
    action = QAction("Season &Review…", window)
    action.setStatusTip("Per player over the season: matches, minutes, HV exposures done and "
                        "planned, days in rehab and away, load logged against planned")

    def show() -> None:
        dlg = window.findChild(ReviewWindow) or ReviewWindow(window)
        dlg.refresh()
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()
        dlg.table.setFocus()

    action.triggered.connect(show)
    menu.addAction(action)
    return action
