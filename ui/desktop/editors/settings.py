"""The Season Settings dialog: name, dates, week start, training weekdays and "today"."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from planner import edits as E
from planner.errors import PeriodizeError
from planner.season import WEEKDAYS, Season
from planner.text import computer_date, day_long
from ui.desktop import wheelguard
from ui.desktop.editors.base import (
    WEEKDAY_NAMES,
    _keeps_space,
    _wrapped,
    bad_dates,
    date_edit,
    qdate,
)
from ui.desktop.layout import grow_dialog, scroll_dialog
from ui.desktop.theme import ink


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
        # unset: the computer's date, within the season (a season of another year proposed a
        # "Plan from" outside it)
        self.today.setDate(qdate(cal.today or min(max(computer_date(), cal.start), cal.end)))
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
        # two lines kept for it: the form gave it the height of one and a half at 1280 x 720,
        # and its first line was cut at the top
        self.note = _wrapped("Changing the dates or weekdays clears the plan: solve again (F5). "
                             "A new today opens Move Today: the stage changes it records, then a "
                             "re-plan.")
        form.addRow(_keeps_space(self.note, lines=2))
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
        scroll_dialog(self, self.buttons)  # on a short screen the form scrolls, OK in sight
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
        grow_dialog(self)  # grown to show the note whole (the refusal above it overlapped it)

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
        grow_dialog(self.window())


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
