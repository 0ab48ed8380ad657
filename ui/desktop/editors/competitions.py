"""The Competitions editor: add, move, delete, priority, multi-day events and weekly series."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.season import WEEKDAYS, Competition, Season
from planner.text import day, day_long, join_and, plural
from ui.desktop.editors.base import (
    WEEKDAY_NAMES,
    Editor,
    EnterRows,
    FlowRow,
    _buttons,
    _fill,
    _follow,
    _keeps_space,
    _say_day_off_matches,
    _select_key,
    _select_keys,
    _selected_keys,
    _table,
    _wrapped,
    date_edit,
    delete_key,
    error_line,
    first_day,
    pydate,
    qdate,
)

COMPETITION_FIELDS = {"name": "Name", "date": "Date", "end_date": "Last day",
                      "priority": "Priority"}  # the form's names of a competition's fields
PRIORITY_TEXT = {"A": "A — main target (taper before it)", "B": "B — important", "C": "C — minor"}
NEW_PRIORITY = "C"  # a new competition's, until the coach chooses another for it
NAME_COLUMN = 2


def same_name_words(season: Season, name: str, but: str | None = None) -> str:
    """The competitions of ``season`` (other than ``but``) already called ``name``, said as a
    note where the name is typed ("" when none is): a second 'Cup round 5' went in without a
    word, and the handouts and status lines, which name matches in quotes, read both alike.
    Never a refusal: a coach has many a 'Friendly'."""
    name = name.strip()
    same = [c for c in season.competitions
            if name and c.id != but and c.name.strip().casefold() == name.casefold()]
    if not same:
        return ""
    days = join_and([day_long(c.date) for c in same[:3]]) + (" …" if len(same) > 3 else "")
    who = ("Another competition is called" if len(same) == 1 else
           f"{len(same)} other competitions are called")
    return f"{who} '{same[0].name}' ({days}): the names would read alike."


class OneLineNote(QLabel):
    """A note kept to one line however long its words: cut with "…" at its width, the whole
    of it in its tooltip. Wrapped to two lines, the same-name note pushed the Date field 28 px
    down under the pointer, and a click meant for Date put the date in the name. Hidden, it
    keeps its line (in a form, put it in ``_keeps_space``: a form row gives it up)."""

    def __init__(self, name: str):
        super().__init__()
        self._words = ""
        self.setAccessibleName(name)
        keep = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        keep.setRetainSizeWhenHidden(True)
        self.setSizePolicy(keep)
        self._fix_height()
        self.hide()

    def words(self) -> str:
        """The whole note ("" when there is none), however it is cut on the screen."""
        return self._words

    def say(self, words: str) -> None:
        self._words = words
        self.setToolTip(words)
        self.setAccessibleDescription(words)
        self._fit()
        self.setVisible(bool(words))

    def _fix_height(self) -> None:
        m = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() + m.top() + m.bottom())

    def _fit(self) -> None:
        QLabel.setText(self, self.fontMetrics().elidedText(
            self._words, Qt.TextElideMode.ElideRight, max(0, self.contentsRect().width())))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fix_height()
            self._fit()


def note_same_name(note: OneLineNote, season: Season | None, name: str,
                   but: str | None = None, typed: bool = False) -> None:
    """The same-name note under a competition's name field. Said when the name is finished
    (the field left, Enter): said at every key, 'League match 1' was noted while 'League
    match 17' was being typed. ``typed`` (a key pressed): a note that no longer fits the name
    goes, none comes."""
    words = "" if season is None else same_name_words(season, name, but)
    if typed and words != note.words():
        words = ""
    if not typed or not words:
        note.say(words)


def _end_text(c) -> str:
    """A several-day competition's last day in the list: ``Sun 6 Dec``, the year said only
    when it is not the first day's (``Sun 2 Jan 2028``); "" for one day."""
    if c.end_date is None:
        return ""
    return day(c.end_date) if c.end_date.year == c.date.year else day_long(c.end_date)


class CompetitionsEditor(Editor):
    """The competitions: add, move, delete, priority and multi-day events."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Competitions editor")
        self._shown = None  # what the form was loaded from (reloaded when the season changes it)
        self._proposed = QDate()  # the empty form's date as proposed (followed while unchanged)
        self.table = _table(["Date", "Ends", "Name", "Priority"], "Competitions")
        # the league matches of a winter break deleted at once: Shift+click, Ctrl+click, Delete
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)  # a name cut on one line, not "L…" over "6"
        # cut in its middle ("League…me 27"): "League game…" on every row of a weekly fixture
        # hid the number that tells them apart (the whole name is each cell's tooltip)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.ask = None  # the window's questions (ui.desktop.interaction); None: nothing asked
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
        # the priority chosen by the coach since the form showed a competition: only that one
        # goes with Add (the selected B "Derby" gave its B to the tournament typed next, unseen)
        self._priority_chosen = False
        self.priority.activated.connect(self._choose_priority)
        self._fresh()
        form = QFormLayout()
        form.addRow("Name", self.name)
        # another competition of that name: said under it once the name is typed, never
        # refused (one line, kept, so the fields below stay under the pointer as the note
        # comes and goes)
        self.name_note = OneLineNote("Same name note")
        form.addRow("", _keeps_space(self.name_note))
        form.addRow("Date", self.date)
        form.addRow("", FlowRow(self.multi, self.end, fill=self.end))
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
        form.addRow("", FlowRow(self.weekly, self.weekly_end, fill=self.weekly_end))
        # a league of two or three games a week: its weekdays, the date's own always among them
        # (one series, numbered in date order: Tue 'League 1', Sat 'League 2', …)
        self.weekly_days: list[QCheckBox] = []
        # on a narrow dock, two lines: "on Mo Tu We Th Fr" and "Sa Su" (Sunday, a league's
        # match day, was cut)
        on = FlowRow(spacing=2)
        on.addWidget(QLabel("on "))
        for wd in WEEKDAYS:
            box = QCheckBox(WEEKDAY_NAMES[wd][:2])
            box.setAccessibleName(f"Every week on {WEEKDAY_NAMES[wd]}")
            box.setToolTip(f"Every week on {WEEKDAY_NAMES[wd]} too: several weekdays are one "
                           f"series numbered in date order (the date's weekday is always one)")
            self.weekly_days.append(box)
            on.addWidget(box)
        form.addRow("", on)
        form.addRow("Priority", self.priority)
        # the competition on a declared day off; never empty, so the editor's height is
        # worked out the same way with a note or without (the list took 120 pixels more, and
        # the buttons moved down, the first time one came)
        self.day_off_note = _wrapped(" ")
        self.day_off_note.setAccessibleName("Day off note")
        self.day_off_note.setVisible(False)
        buttons, (self.add_button, self.apply_button, self.delete_button) = _buttons(
            "&Add", "Appl&y", "&Delete")
        self.add_button.setToolTip("Add a new competition with these details; its priority is "
                                   "C unless you choose another for it")
        self.apply_button.setToolTip("Change the selected competition to these details")
        self.delete_button.setToolTip("Delete the selected competitions (Delete on the list; "
                                      "Shift+click or Ctrl+click selects several)")
        self.delete_action = delete_key(self.table, self.delete)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        # why Add changed nothing, under it: an empty form added a C match named 'Competition'
        # on the proposed day, and a second Return another on the same day, unsaid
        # on an empty season, its room kept: the line coming took its height from the list
        # above, and Name, Date and Add moved up 34 px under the pointer (a click aimed at Date
        # ticked "Several days", the date typed went into Name); two lines hold its words
        self.form_error = error_line("Why the competition was not added")
        lay.addWidget(_keeps_space(self.form_error, lines=2))
        self.name.textEdited.connect(lambda _t: self.unsay(self.form_error))
        # under the buttons, its room kept: a note of one to four lines coming and going moved
        # the Delete button from under the pointer
        lay.addWidget(_keeps_space(self.day_off_note, lines=4))
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
        self.name.textChanged.connect(lambda _t: self._say_same_name(typed=True))
        self.name.editingFinished.connect(self._say_same_name)
        self.weekly.toggled.connect(self._say_same_name)  # a series is numbered: no two alike
        self.priority.currentIndexChanged.connect(self._day_off_note)
        self.table.itemSelectionChanged.connect(self._load)
        self.table.itemSelectionChanged.connect(self._say_same_name)  # the row's own name: unsaid
        self.add_button.clicked.connect(self.add)
        self.apply_button.clicked.connect(self.apply)
        self.delete_button.clicked.connect(self.delete)
        self._update_buttons()

    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.competitions, season.calendar)):
            return  # (the days off too: a note about one deleted stayed)
        keys, shown = _selected_keys(self.table), self._shown
        # an end in its start's year without the year ("Sun 6 Dec"): the names beside a
        # tournament read "League …", every league match alike (the whole day in its tooltip)
        _fill(self.table, [(c.id, [day_long(c.date), _end_text(c), c.name, c.priority])
                           for c in season.competitions])
        for r in range(self.table.rowCount()):
            c = season.competition(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
            if c is not None and c.end_date is not None:
                self.table.item(r, 1).setToolTip(day_long(c.end_date))
        # the dates and the priority at their contents' width, the name in the room they leave
        # (cut with "…", whole in its tooltip): at 1366 x 768 a tournament's end date pushed
        # Priority behind a sideways scroll bar, A, B and C out of sight
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col in range(self.table.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == NAME_COLUMN
                                        else QHeaderView.ResizeMode.ResizeToContents)
        cal = season.calendar
        for w in (self.date, self.end, self.weekly_end):
            w.setDateRange(qdate(cal.start), qdate(cal.end))
        if not keys and self.date.date() in (qdate(cal.start), self._proposed):
            # the empty form, its date not chosen: a match added mid-season lies ahead, so
            # today when the season has one inside it, else the first day
            inside = cal.today is not None and cal.start <= cal.today <= cal.end
            self._proposed = qdate(cal.today if inside else cal.start)
            self.date.setDate(self._proposed)
        if len(keys) > 1:  # those still listed, selected again
            _select_keys(self.table, keys)
        if len(keys) != 1:
            self._update_buttons()
        elif not _select_key(self.table, keys[0]):
            self._update_buttons()
        elif season.competition(keys[0]) != self._shown:  # the same row selected again emits
            self._load(follow=False)  # nothing: after an undo the form showed the undone values
        if shown is not None and season.competition(shown.id) is None:
            self.blank_form()  # deleted: its name, date and priority are no one's any more
        self._day_off_note()
        self._say_same_name()

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

    def _say_same_name(self, *_args, typed: bool = False) -> None:
        note_same_name(self.name_note, None if self.weekly.isChecked() else self.season,
                       self.name.text(), self.selected_id(), typed)

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
        """The competition selected, None when none is or several are (the form shows one)."""
        keys = _selected_keys(self.table)
        return keys[0] if len(keys) == 1 else None

    def selected_ids(self) -> list[str]:
        return _selected_keys(self.table)

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
        if len(self.selected_ids()) > 1:  # several selected: Enter neither adds nor applies
            return EnterRows([])
        return self.add_or_apply(self.add_button, self.apply_button, form)

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(self.selected_id() is not None)
        self.delete_button.setEnabled(bool(self.selected_ids()))

    def _load(self, follow: bool = True) -> None:
        """The selected competition into the form (``follow``: the board scrolls to it); the
        form is reloaded after a change of the season only when this competition changed, so
        what the coach is typing stays."""
        self.form_error.hide()  # the last form's refusal
        self._update_buttons()
        if len(self.selected_ids()) > 1:  # several to delete: the form stays as it was
            return
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
        self._priority_chosen = False  # the row's own, not chosen for a new one

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
        self.priority.setCurrentIndex(self.priority.findData(NEW_PRIORITY))
        self._priority_chosen = False

    def _choose_priority(self, _index: int = 0) -> None:
        self._priority_chosen = True

    def new_priority(self) -> str:
        """The priority Add gives a new competition: the one the coach chose in the form, else
        the new competition's own (C) — not the selected row's, shown in the form for Apply."""
        if self._shown is not None and not self._priority_chosen:
            return NEW_PRIORITY
        return self.priority.currentData()

    def _form(self) -> tuple[str, dt.date, dt.date | None, str]:
        end = pydate(self.end.date()) if self.multi.isChecked() else None
        return (self.name.text().strip(), pydate(self.date.date()), end,
                self.priority.currentData())

    def add(self) -> None:
        """A new competition, or a weekly series, of the form's details; none without a name
        (said under Add, the form kept)."""
        if self.season is None:
            return
        self.form_error.hide()
        if not self.dates_ok("Add competition", self.date, self.end):
            return
        if not self.name.text().strip():
            self.say(self.form_error, "Not added: Name is empty; type the competition's name, "
                                      "then Add.")
            self.name.setFocus()
            return
        if self.weekly.isChecked():
            self.add_weekly()
            return
        name, day, end, shown = self._form()
        prio = self.new_priority()
        cid = E.new_competition_id(self.season)
        try:
            comp = Competition(id=cid, name=name, date=day, end_date=end, priority=prio)
        except ValueError as e:
            self.refuse("Add competition", e, COMPETITION_FIELDS)
            return
        before = self.season
        self.request(E.AddCompetition(competition=comp))
        _select_key(self.table, cid)
        if self.season is not before and shown != prio:  # the form showed the selected row's
            self.hint.emit(f"'{comp.name}' added at {prio}, not at the selected row's {shown}: "
                           f"choose a priority before Add to give a new competition another")

    def add_weekly(self) -> None:
        """One competition a week on the form's weekday, from its date to the weekly last day,
        numbered after the form's name ("League 1", "League 2", …), as one undo step; a week
        whose day (or one of its days) is a day off or another competition's day (a cup
        weekend) is left out."""
        what = "Add weekly competitions"
        if not self.dates_ok(what, self.weekly_end):
            return
        name, day, end, _prio = self._form()
        prio = self.new_priority()
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
        left = "; ".join(E.series_left_out(out, weekdays, days))
        if not days:
            self.problem.emit(what, f"Every week until {day_long(last)} adds none: {left}.")
            return
        try:
            edits = E.weekly_competitions(self.season, name, days,
                                          span if end is not None else None, prio)
        except ValueError as e:
            self.refuse(what, e, COMPETITION_FIELDS)
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
        """The selected competitions deleted as one undo step; several only once the coach
        said yes to their names."""
        comps = [c for cid in self.selected_ids()
                 if self.season is not None and (c := self.season.competition(cid))]
        if len(comps) == 1:
            self.request(E.RemoveCompetition(competition=comps[0].id))
            return
        if not comps:
            return
        names = [f"'{c.name}' ({day_long(c.date)})" for c in comps]
        what = f"Delete {plural(len(comps), 'competition')}"
        if self.ask is not None and not self.ask().confirm(
                what, f"{what}: {join_and(names)}? Their match roles go with them; Edit ▸ Undo "
                      f"brings them back.", default=False):
            return
        from ui.desktop.macro import EditGroup

        quoted = join_and([f"'{c.name}'" for c in comps])
        self.request(EditGroup([E.RemoveCompetition(competition=c.id) for c in comps],
                               f"{what}: {quoted}"))
