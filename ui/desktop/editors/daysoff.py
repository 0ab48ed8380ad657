"""The Days off editor: declared non-training days (holidays, travel), one or a stretch."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.season import NonTrainingDay, Season
from planner.text import day_long, plural, span
from ui.desktop.editors.base import (
    Editor,
    EnterRows,
    _buttons,
    _fill,
    _follow,
    _keeps_space,
    _say_day_off_matches,
    _select_key,
    _selected_key,
    _selected_keys,
    _table,
    _wrapped,
    date_edit,
    delete_key,
    first_day,
    pydate,
    qdate,
)


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
        buttons, (self.add_button, self.delete_button) = _buttons("&Add", "&Delete")
        self.add_button.setToolTip("Make the day (or every day of the stretch) a non-training day")
        self.delete_button.setToolTip("Make the selected days training days again (Delete on "
                                      "the list; Shift+click or Ctrl+click selects several)")
        self.delete_action = delete_key(self.table, self.delete)
        note = QLabel("Weekly rest days are set in Season ▸ Season Settings.")
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        # under the buttons, its room kept: the note coming as dates are typed moved Delete
        lay.addWidget(_keeps_space(self.match_note, lines=4))
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
        if self.unchanged(season, (season.calendar, season.competitions)):
            return  # (the competitions too: a note named a match deleted since)
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
        return [dt.date.fromisoformat(key) for key in _selected_keys(self.table)]

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
