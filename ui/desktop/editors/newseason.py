"""File ▸ New: the New Season dialog (an empty season, the season after the open one, or a
bundled template), the empty season and dates it proposes, and the templates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.rules import RULES, RuleSet, match_length_values, match_length_words
from planner.season import LONGEST_SEASON_DAYS, Calendar, Season
from planner.text import computer_date, day_long, plural
from ui.desktop import wheelguard
from ui.desktop.editors.base import _keeps_space, _wrapped, date_edit, pydate, qdate
from ui.desktop.editors.settings import TrainingDayTicks
from ui.desktop.layout import grow_dialog, scroll_dialog
from ui.desktop.numberbox import RangeSays


def new_season_dates(today: dt.date) -> tuple[dt.date, dt.date]:
    """A new season's first and last day as File ▸ New proposes them: from the next Monday
    (today when it is one), 40 weeks."""
    start = today + dt.timedelta(days=(7 - today.weekday()) % 7)
    return start, start + dt.timedelta(days=7 * 40 - 1)


def empty_season(name: str = "New season") -> Season:
    """File ▸ New's empty season with the dates it proposes (the app's start when neither the
    file asked for nor the demo season opens)."""
    start, end = new_season_dates(computer_date())
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
        start, end = new_season_dates(computer_date())
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
        # the end moved with the start, said (it went from Sun 12 Sep 2027 to Sat 26 Feb 2028
        # unsaid); its two lines kept while empty, so that nothing under the pointer moves
        self.end_note = _wrapped("")
        self.end_note.setAccessibleName("Season end moved")
        self.end_note.setMinimumWidth(340)
        self.end_note.hide()
        form.addRow("", _keeps_space(self.end_note, lines=2))
        # a match's minutes, in the load of every start and bench appearance (a basketball
        # coach's season counted football's 95 minutes a start): LD-1's three match settings
        # what is typed stays as typed and is said when refused: a QSpinBox read "abc9999" as
        # 99 and put back 120 for a typed 3 without a word
        self.match = _MinutesBox()
        self.match.refused = self._match_refused
        self.match_said = ""  # the minutes typed and refused, until typed again: what OK says
        self.match.lineEdit().textEdited.connect(self._match_typed)
        self.match.setAccessibleName("Minutes a starter plays")
        low, high = RULES["LD-1"].param("minutes_start").min, RULES["LD-1"].param("minutes_start").max
        self.match.setRange(max(10, int(low)), int(high))
        self.match.setSuffix(" min")
        # a starter's minutes, not the match's: an ice hockey starter plays about 20 of 60
        self.match.setToolTip("The minutes a starter plays in a match of your sport: football 95 "
                              "(with added time), rugby 80, basketball about 30 of 48, ice "
                              "hockey about 20 of 60 (shifts)")
        self.match.setValue(self._match_minutes(current))  # the open season's: the same sport
        self.match_note = _wrapped(match_length_words(self.match.value()))
        self.match_note.setAccessibleName("Starter minutes note")
        self.match_note.setMinimumWidth(340)
        self.match.valueChanged.connect(lambda m: self.match_note.setText(match_length_words(m)))
        form.addRow("A starter plays", self.match)
        form.addRow("", _keeps_space(self.match_note, lines=3))
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
        # the room the dialog has over its form's needs goes under the form: without this,
        # the rows of a season started before today, shown while "1.8.27" was being typed
        # ("1.8": 1 Aug 2026), grew the dialog by 100 px, and hidden again at "1.8.27" they
        # left the height to the layout, which opened a blank band under "Start from:" and
        # moved every field down from under the pointer (the end typed next went nowhere)
        lay.addStretch(1)
        # the red line's two lines kept from the start, above OK: the first refusal of "A
        # starter plays" ("'3' is outside 10–240 min; …", two lines) grew the dialog, and OK
        # moved down under the pointer (a longer reason still grows it, shown whole)
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.error)
        # the rows of a season started before today hidden before the dialog is sized: sized
        # with them, it opened with a blank row under "Start from:", gone at the first date
        # typed, and the fields moved up from under the pointer
        self._started_before_today(grow=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        scroll_dialog(self, self.error, self.buttons)  # on a short screen the form scrolls, OK in sight
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
            field.line.editingFinished.connect(self._started_before_today)
        self._started_before_today()
        cal = self.current.calendar if self.current is not None else None
        if cal is not None and cal.today is not None and cal.today > cal.end - dt.timedelta(days=7):
            self.following.setChecked(True)  # the open season is in its last week: its next is
            # the likely choice
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field

    @staticmethod
    def _match_minutes(season: Season | None) -> int:
        """A start's minutes in ``season``'s load (the default's without one)."""
        if season is None:
            return int(RULES["LD-1"].param("minutes_start").default)
        return int(RuleSet(season.rules).value("LD-1", "minutes_start"))

    def _with_match_length(self, season: Season) -> Season:
        """``season`` with LD-1's match settings for the minutes a starter plays, chosen, when it is not the
        one ``season`` already counts (a next season's carried settings stand otherwise)."""
        minutes = self.match.value()
        if minutes == self._match_minutes(season):
            return season
        values = dict(season.rules.values)
        values["LD-1"] = {**values.get("LD-1", {}), **match_length_values(minutes)}
        return season.model_copy(update={"rules": season.rules.model_copy(update={"values": values})})

    def _form_shown(self, *_args) -> None:
        self.form.setEnabled(self.empty.isChecked() or bool(
            self.following and self.following.isChecked()))

    def _follow(self, on: bool) -> None:
        """The next season's proposed name, dates and weekdays (the open season's, moved on), or
        File ▸ New's own again."""
        from planner.nextseason import proposed_dates, proposed_name

        self._form_shown()
        cur = self.current
        start, end = proposed_dates(cur) if on else new_season_dates(computer_date())
        self._end_typed = False
        self.start.setDate(qdate(start))
        self.end.setDate(qdate(end))
        self._length = end - start
        self.name.setText(proposed_name(cur, start) if on else "")
        self.training.set_chosen(cur.calendar.training_days if on
                                 else Calendar.model_fields["training_days"].default)
        self.end_note.hide()  # the dates proposed together: no end moved by the coach's start

    def _started_before_today(self, *_args, grow: bool = True) -> None:
        """A season that started before today (entered mid-season) is planned from its first day
        unless the coach ticks "Plan from today"; the board's "today" then sat on the first day
        and a test of last week was refused as "after today" without a word why. Its rows are
        the form's last, so they move no field above them; shown or hidden once the date typed is
        left, not at each key ("1.8" on the way to "1.8.27" read 1 Aug of the year before)."""
        if _args and QApplication.focusWidget() in (self.start.line, self.end.line):
            return  # a date still being typed ("1.8" on the way to "1.8.27"): when it is left
        today = computer_date()
        start, end = pydate(self.start.date()), pydate(self.end.date())
        shown = start < today <= end
        self.from_today.setText(f"Plan from today ({day_long(today)})")
        self.from_today_note.setText(
            f"The season started before today. Ticked: the days before today are history (log "
            f"what happened, or leave them empty) and the plan starts today. Not ticked: the "
            f"plan starts on {day_long(start)} (Season Settings ▸ Plan from changes it later).")
        was = not self.from_today.isHidden()
        for widget in (self.from_today, self.from_today_note):
            self._dates_form.setRowVisible(widget, shown)
        if grow and (shown or shown != was):  # shown: the note's lines may change
            # the form's layout brought up to its rows first: sized on its rows of before, the
            # dialog kept the 100 px of the rows just hidden
            self._dates_form.activate()
            grow_dialog(self)

    def _end_follows(self, *_args) -> None:
        if self._end_typed or not self.start.is_valid():
            return
        self._following = True
        before = self.end.date()
        try:
            self.end.setDate(qdate(pydate(self.start.date()) + self._length))
        finally:
            self._following = False
        if self.end.date() != before:
            days = self._length.days + 1
            length = plural(days // 7, "week") if days % 7 == 0 else plural(days, "day")
            self.end_note.setText(f"Ends moved with Starts to {day_long(pydate(self.end.date()))}: "
                                  f"the season keeps its {length}.")
            self.end_note.show()

    def _end_chosen(self, *_args) -> None:
        if not self._following:
            self._end_typed = True  # the coach's own end stays where it is
            self.end_note.hide()  # (its room kept)

    def choose_template(self, key: str) -> None:
        self.template_buttons[key].setChecked(True)

    def _match_refused(self, typed: str, why: str, fix: str) -> None:
        typed = typed.removesuffix(self.match.suffix()).strip()
        what = (f"{why} {self.match.minimum()}–{self.match.maximum()} min" if why == "is outside"
                else f"{why} ({self.match.minimum()}–{self.match.maximum()} min)")
        self.match_said = (f"A starter plays: '{typed}' {what}; {fix} (it keeps "
                           f"{self.match.value()} min).")
        self.training.say(self.match_said)

    def _match_typed(self, _text: str) -> None:
        """The minutes typed again: the refusal of the last ones is old news, in the red line
        too ("'abc' is not a number … (it keeps 95 min)" stayed beside "A start counts 80 min");
        another reason said there stays."""
        if self.match_said and self.error.text() == self.match_said:
            self.training.say("")
        self.match_said = ""

    def _check(self) -> None:
        if (said := self.match.problem(self.match.text())) is not None:
            self._match_refused(self.match.text(), *said)
            return
        if self.match_said:  # refused on leaving the box, which then showed the minutes kept
            self.training.say(self.match_said)
            return
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
        today = computer_date()
        planned_from = today if self.from_today.isChecked() and start < today <= end else None
        calendar = Calendar(start=start, end=end, today=planned_from,
                            training_days=self.training.chosen())
        if self.following is not None and self.following.isChecked():
            return self._with_match_length(self._next_season(name, calendar))
        return self._with_match_length(Season(name=name, calendar=calendar))

    def _next_season(self, name: str, calendar: Calendar) -> Season:
        from planner.errors import InputError
        from planner.nextseason import next_season

        try:
            made = next_season(self.current, calendar.start, calendar.end, name,
                               training_days=calendar.training_days)
        except InputError as e:
            raise ValueError("The next season " + "; ".join(e.problems) + ".") from None
        self.notes = made.notes
        cal = made.season.calendar.model_copy(update={"today": calendar.today,
                                                      "training_days": calendar.training_days})
        return made.season.model_copy(update={"calendar": cal})


class _MinutesBox(RangeSays, QSpinBox):
    """The minutes a starter plays, read as a rule value is (:class:`RangeSays`)."""


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
