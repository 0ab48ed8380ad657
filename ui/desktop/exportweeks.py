"""The weeks of the Excel plan, asked before File ▸ Export…'s file dialog: the whole season (as
before), from this week on, this week, or weeks … to … (the handouts' week choice,
``ui.desktop.weekpick``). A big squad's whole season prints thousands of pages (every athlete's
every week); the command line's ``export --xlsx --weeks`` keeps the Calendar, each athlete's
week pages and the Load table to the weeks chosen, and the Cover says them: the app's export
now does the same.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from planner.filegroup import safe_file_stem
from planner.season import Season
from planner.timeline import Timeline
from ui.desktop import wheelguard
from ui.desktop.layout import scroll_dialog
from ui.desktop.weekpick import chosen_span, current_week, week_combo, week_label, weeks_span

WHOLE, FROM_NOW, THIS_WEEK, SPAN = "whole", "fromnow", "thisweek", "span"


class WorkbookWeeksDialog(QDialog):
    """Whole season / from this week on / this week / weeks … to …; ``chosen_weeks()`` the
    weeks (0-based), None for the whole season. The weeks … to … open on the week of
    ``selected`` (the day selected on the board), else on this week, "from" and "to" alike (to
    opened a week later, on today's week while the board was on the week before); "to" follows
    "from" when "from" moves past it. Opened on another week than this one, the Weeks choice
    says so: a coach saw "This week (Week 1 …)" above "Week 2 … to Week 2 …" with no word why."""

    def __init__(self, season: Season, parent=None, today: dt.date | None = None,
                 selected: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export: Weeks of the Excel Plan")
        self.setAccessibleName("Weeks of the Excel plan")
        self.tl = Timeline(season)
        self.now = current_week(self.tl, today)
        lay = QVBoxLayout(self)
        intro = QLabel("The Excel plan's Calendar, each athlete's week pages and the Load table "
                       "hold these weeks (the Cover says which); the other sheets, the board PDF "
                       "and the coach workbook hold the whole season.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        n = len(self.tl.weeks)
        start = self.now if selected is None else current_week(self.tl, selected)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, label in ((WHOLE, f"&Whole season (weeks 1-{n})"),
                           (FROM_NOW, f"From this week &on (weeks {self.now + 1}-{n})"),
                           (THIS_WEEK, f"&This week ({week_label(self.tl, self.now)})"),
                           (SPAN, "Wee&ks" + (" (from the week selected on the board)"
                                              if start != self.now else ""))):
            self.buttons[key] = button = QRadioButton(label)
            self.group.addButton(button)
            lay.addWidget(button)
        row = QHBoxLayout()
        self.first = week_combo(self.tl, "First week", start)
        self.last = week_combo(self.tl, "Last week", start)  # one week, as the handouts
        self.first.currentIndexChanged.connect(self._follow)
        row.addWidget(self.first)
        row.addWidget(QLabel("to"))
        row.addWidget(self.last)
        lay.addLayout(row)
        for combo in (self.first, self.last):  # a week picked: the span is what is meant
            combo.activated.connect(lambda _i: self.buttons[SPAN].setChecked(True))
        # how many pages the weeks chosen print, as the handouts' dialog says it (a coach printed
        # the whole season, 275 pages, with no word of it)
        self.pages = QLabel()
        self.pages.setWordWrap(True)
        lay.addWidget(self.pages)
        self._plan = season.plan
        self._season = season
        self._overview: int | None = None
        self.group.buttonToggled.connect(self._count)
        for combo in (self.first, self.last):
            combo.currentIndexChanged.connect(self._count)
        self.buttons[WHOLE].setChecked(True)  # as the export always was
        self._count()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        # Alt+F for the file (the radio buttons keep W, O, T, K; Cancel C)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose &File…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        scroll_dialog(self, buttons)  # on a short screen the choices scroll, the buttons in sight
        wheelguard.guard(self)

    def _follow(self, first: int) -> None:
        """"to" never before "from": moved along with it."""
        if self.last.currentIndex() < first:
            self.last.setCurrentIndex(first)

    def _count(self, *_args) -> None:
        """The pages the weeks chosen print, about (the Cover's count: ``print_count``); none
        said without a plan."""
        if self._plan is None:
            self.pages.setText("")
            return
        from planner.xlsx_export import overview_page_count, print_count

        if self._overview is None:  # the Overview holds the whole season: counted once
            self._overview = overview_page_count(self._season, self._plan)
        count = print_count(self._season, self._plan, self.chosen_weeks(), self._overview)
        self.pages.setText(count.words())

    def choose(self, key: str) -> None:
        self.buttons[key].setChecked(True)

    def chosen_weeks(self) -> list[int] | None:
        """The weeks chosen (0-based, in order); None: the whole season."""
        n = len(self.tl.weeks)
        if self.buttons[FROM_NOW].isChecked():
            return list(range(self.now, n))
        if self.buttons[THIS_WEEK].isChecked():
            return [self.now]
        if self.buttons[SPAN].isChecked():
            return chosen_span(self.first, self.last)
        return None


def weeks_stem(stem: str, weeks: list[int] | None) -> str:
    """A file name's stem with the weeks chosen ("team-plan week 23-48", as the handouts name
    theirs), so that a fortnight's workbook does not replace the season's; ``stem`` itself for
    the whole season."""
    return safe_file_stem(f"{stem} {weeks_span(weeks)}") if weeks else stem
