"""What-if ▸ New Scenario…: the dialog that composes a scenario from a form.

A scenario is a named list of edits replayed on the baseline (``planner.scenarios``). The dialog
builds one page per kind of change; ``add_change()`` turns the page into an edit and checks it
against the scenario as it stands, so a refused change shows its message inline and is not
added. ``edit()`` is the ``AddScenario`` the dialog makes; the What-if controller
(``ui.desktop.scenarios``) applies it as one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.errors import InputError, PeriodizeError
from planner.rehab import FLARE_BACK
from planner.rules import RULES, RuleSet, change_problem
from planner.scenarios import (
    ROLE_NOW,
    matches_lost_to_injury,
    past_change_problem,
    past_role_problem,
    same_role_problem,
    stage_pin_problem,
)
from planner.season import (
    INJ,
    LEVELS,
    Competition,
    IntensityPin,
    NonTrainingDay,
    Season,
    StagePin,
    Unavailability,
)
from planner.text import REHAB_STAGE_IDS, clean_message, day_long, plural, short_title
from planner.timeline import Timeline
from planner.validate import planning_start
from ui.desktop import wheelguard
from ui.desktop.boardmenu import LEVEL_TEXT, ZERO_TEXT, ZERO_TIP, level_texts
from ui.desktop.editors import (
    PRIORITY_TEXT,
    OneLineNote,
    date_edit,
    keeps_space,
    note_same_name,
    pydate,
    qdate,
)
from ui.desktop.interaction import QtInteraction
from ui.desktop.layout import fit_dialog, keep_on_screen, scroll_dialog
from ui.desktop.numberbox import RangeSays
from ui.desktop.theme import ink

# The kinds of change the dialog composes: key -> label.
# an athlete's role for a match, as "Leo Martin is … for League match 5"

KINDS = {
    "move": "Move a competition to another date",
    "priority": "Change a competition's priority",
    "add": "Add a competition",
    "remove": "Remove a competition",
    "flare": "An injured athlete flares up",
    "injury": "An athlete is injured (a re-injury, a planned operation)",
    "role": "An athlete's role for a match (start, bench, out)",
    "stage": "A rehab stage starts on a date (delay or advance it)",
    "away": "An athlete is unavailable",
    "dayoff": "A day off for the squad (no training)",
    "rule": "Change a rule value",
    "pin": "Pin an athlete's intensity on a day",
}


def clean_error(error: Exception) -> str:
    """A refused change as a coach reads it: the InputError's text, or pydantic's messages
    without their prefixes and links (``planner.text.clean_message``)."""
    if isinstance(error, PeriodizeError):
        return str(error)
    errors = getattr(error, "errors", None)
    if callable(errors):
        try:
            return "\n".join(clean_message(str(x.get("msg", x))) for x in errors())
        except Exception:  # noqa: BLE001 - fall back to the plain text
            pass
    return str(error)


def _error_label() -> QLabel:
    """A red line that says why something was refused (hidden while there is nothing to say)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ink('error')}")
    label.hide()
    return label



class _ValueBox(RangeSays, QDoubleSpinBox):
    """A rule's new value, read as the Rules panel reads it (:class:`RangeSays`)."""


def _first_choice(s) -> int:
    """The competition a what-if proposes first: in a season under way the next one from today
    (mid-season the question is about the coming matches; the season's last final was
    proposed), else the first A competition (before the season, the usual question is the final)."""
    today = s.calendar.today
    if today is not None and today > s.calendar.start:
        nxt = [(c.date, k) for k, c in enumerate(s.competitions) if c.date >= today]
        if nxt:
            return min(nxt)[1]
    return next((k for k, c in enumerate(s.competitions) if c.priority == "A"), 0)


def _next_match(s) -> int:
    """The match a role is proposed for: the first on or after the season's today (its first
    day before it starts): the Cup final was proposed in May for a season starting in August,
    League match 1 scrolled to in a list of 43. None left: :func:`_first_choice`."""
    start = planning_start(s)
    nxt = [(c.date, k) for k, c in enumerate(s.competitions) if c.date >= start]
    return min(nxt)[1] if nxt else _first_choice(s)


def _move_suggestion(s, day: dt.date) -> dt.date:
    """The date a what-if proposes for a competition on ``day``: a week earlier, or, when that is
    before today (a competition before today is refused), a week later; today when neither
    lies between today and the season's end."""
    first, week = planning_start(s), dt.timedelta(days=7)
    return next((d for d in (day - week, day + week) if first <= d <= s.calendar.end), first)


class _ChangeList(QListWidget):
    """The scenario's changes; empty, it says so in one line, greyed, as a field's placeholder."""

    EMPTY = "No changes yet: choose one above and press Add this change."

    def __init__(self, refit: Callable[[], None]):
        super().__init__()
        self.refit = refit  # the list's height for its changes, wrapped at its new width

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and self.count():
            QTimer.singleShot(0, self, self.refit)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.count():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        room = self.viewport().rect().adjusted(6, 0, -6, 0)
        text = self.fontMetrics().elidedText(self.EMPTY, Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class _Pages(QWidget):
    """The change's form, one page a kind of change, only the page shown laid out, so the form
    is as tall as that page: a QStackedWidget keeps its tallest page's height, and at 150 % on
    a 1366 x 768 screen the move's page stood over a blank band of 110 pixels."""

    def __init__(self):
        super().__init__()
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        self._lay.addWidget(page)
        if self._current is None:
            self._current = page
        else:
            page.hide()

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - QStackedWidget's name
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


class _DateField(QWidget):
    """A date edit with the season week it falls in ("week 12"), as coaches count."""

    def __init__(self, name: str, timeline: Timeline, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = date_edit(name)
        self.week = QLabel()
        self.week.setMinimumWidth(70)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.week)
        self.timeline = timeline
        self.edit.setDateRange(qdate(timeline.start), qdate(timeline.end))
        self.edit.dateChanged.connect(self._show_week)
        self.edit.line.textChanged.connect(self._show_week)
        self._show_week()

    def date(self) -> dt.date:
        """The date typed or picked; ``DateError`` (a ValueError) with the reason while the text
        is not a date inside the season."""
        return self.edit.value()

    def set_date(self, day: dt.date) -> None:
        self.edit.setDate(qdate(min(max(day, self.timeline.start), self.timeline.end)))

    def _show_week(self, *_args) -> None:
        i = self.timeline.index(pydate(self.edit.date())) if self.edit.is_valid() else None
        self.week.setText(f"week {self.timeline.week_of[i] + 1}" if i is not None else "")


class ScenarioDialog(QDialog):
    """What-if ▸ New Scenario…: a name and a list of changes composed from a form.

    ``add_change()`` turns the form into an edit and checks it on the scenario as it stands
    (``current``); a refused change shows its message in ``error`` and is not added.
    ``edit()`` is the ``AddScenario`` the dialog makes.
    """

    def __init__(self, season: Season, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New What-if Scenario")
        self.setAccessibleName("New what-if scenario")
        self.base = season.model_copy(update={"scenarios": ()})
        self.taken = {sc.name.casefold() for sc in season.scenarios}
        self.season = season
        self.changes: list[E.Edit] = []
        self.current: Season = self.base
        self.timeline = Timeline(self.base)
        self._lived = None  # (season, timeline, its plan as lived): _not_playing

        self.name = QLineEdit()
        self.name.setAccessibleName("Scenario name")
        self.name.setPlaceholderText("e.g. Final a week earlier (blank: named after the first change)")
        self.name.setMaxLength(100)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of change")
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.stack = _Pages()
        self.pages: dict[str, QWidget] = {}
        for build in (self._move_page, self._priority_page, self._add_page, self._remove_page,
                      self._flare_page, self._injury_page, self._role_page, self._stage_page, self._away_page, self._dayoff_page, self._rule_page,
                      self._pin_page):
            build()
        self._layout(self._change_box(), self._list_box())
        self._connect()
        self._refill()
        self._fill_params()
        self._fill_injury_stages()
        self._set_first_dates()
        # as tall as the kind shown needs (it grows for a taller kind, never shrinks): 560 pixels
        # stood the move of a competition over an empty band of 170
        self.resize(620, 200)
        # the form scrolls; Add this change with its refusal, the changes with Remove change,
        # Re-plan and compare, the error said on Create and the buttons stay in sight below it
        # (at 1366 x 768 a note under the injury's dates scrolled Remove change and the check
        # box out of view; at 150 % the orange warning and a clash note put Add this change
        # below the fold, and Create scenario said to press it)
        scroll_dialog(self, self.add_row, self.list_box, self.replan_now, self.ok_error,
                      self.buttons)
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field
        # the keyboard starts in the name (Qt gave it to Create scenario, the default button,
        # as the first control in Qt's order is a button: a name took two Tabs to type)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.interaction = QtInteraction(self)  # the window's, when it opens the dialog

    # -- building: one page per kind of change ---------------------------------------------------
    def _page(self, key: str) -> QFormLayout:
        w = QWidget()
        form = QFormLayout(w)
        form.setContentsMargins(0, 4, 0, 0)
        self.pages[key] = w
        self.stack.addWidget(w)
        return form

    @staticmethod
    def _combo(name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        return box

    @staticmethod
    def _priorities(box: QComboBox) -> QComboBox:
        for p, text in PRIORITY_TEXT.items():
            box.addItem(text, p)
        return box

    def _move_page(self) -> None:
        f = self._page("move")
        self.move_comp = self._combo("Competition to move")
        self.move_date = _DateField("New date", self.timeline)
        f.addRow("Competition", self.move_comp)
        f.addRow("New date", self.move_date)
        self.move_clash = QLabel()  # another competition on the new date
        self.move_clash.setWordWrap(True)
        self.move_clash.setAccessibleName("Competition clash")
        f.addRow("", self.move_clash)
        self.move_date.edit.dateChanged.connect(self._say_clash)

    def _priority_page(self) -> None:
        f = self._page("priority")
        self.priority_comp = self._combo("Competition")
        self.priority = self._priorities(self._combo("New priority"))
        f.addRow("Competition", self.priority_comp)
        f.addRow("New priority", self.priority)

    def _add_page(self) -> None:
        f = self._page("add")
        self.add_name = QLineEdit()
        self.add_name.setAccessibleName("New competition name")
        self.add_name.setPlaceholderText("e.g. Friendly")
        self.add_date = _DateField("New competition date", self.timeline)
        self.add_priority = self._priorities(self._combo("New competition priority"))
        self.add_priority.setCurrentIndex(self.add_priority.findData("C"))
        self.add_days = QCheckBox("Over several days (a tournament)")
        self.add_days.setAccessibleName("New competition over several days")
        self.add_last = _DateField("New competition's last day", self.timeline)
        self.add_last.setEnabled(False)
        self.add_days.toggled.connect(self._several_days)
        # greyed, the last day follows the date (it showed the season's first day)
        self.add_date.edit.dateChanged.connect(lambda _q: self._last_follows())
        self._last_follows()
        f.addRow("Name", self.add_name)
        # another competition of that name: said once the name is typed, never refused (one
        # line, kept: wrapped to two as it came, it moved the Date field from under the pointer)
        self.add_same = OneLineNote("Same name note")
        f.addRow("", keeps_space(self.add_same))
        self.add_name.textChanged.connect(lambda _t: self._say_same_name(typed=True))
        self.add_name.editingFinished.connect(self._say_same_name)
        f.addRow("Date", self.add_date)
        f.addRow("", self.add_days)
        f.addRow("Last day", self.add_last)
        f.addRow("Priority", self.add_priority)

    def _last_follows(self) -> None:
        if not self.add_days.isChecked() and self.add_date.edit.is_valid():
            self.add_last.set_date(self.add_date.date())

    def _several_days(self, on: bool) -> None:
        self.add_last.setEnabled(on)
        if on and self.add_date.edit.is_valid():
            self.add_last.set_date(self.add_date.date() + dt.timedelta(days=2))
        self._last_follows()  # unticked: greyed, it is the date again

    def _remove_page(self) -> None:
        f = self._page("remove")
        self.remove_comp = self._combo("Competition to remove")
        f.addRow("Competition", self.remove_comp)

    def _flare_page(self) -> None:
        f = self._page("flare")
        self.flare_athlete = self._combo("Injured athlete")
        self.flare_date = _DateField("Flare-up date", self.timeline)
        f.addRow("Athlete", self.flare_athlete)
        f.addRow("Flares up on", self.flare_date)
        self.flare_words = QLabel(f"From that day {FLARE_BACK}.")
        self.flare_words.setWordWrap(True)
        f.addRow(self.flare_words)

    def _injury_page(self) -> None:
        from planner.protocols import readable_protocols

        f = self._page("injury")
        self.injury_athlete = self._combo("Athlete injured")
        self.injury_protocol = self._combo("Protocol")
        for proto in readable_protocols()[0]:  # a file that does not read: said once at start
            self.injury_protocol.addItem(proto.name, proto.id)
        # no protocol until one is chosen, as in the Injuries editor: the first in the list
        # (an adductor injury) was taken for a striker's hamstring strain asked in a hurry
        self.injury_protocol.setPlaceholderText("Choose the injury…")
        self.injury_protocol.setCurrentIndex(-1)
        self.injury_date = _DateField("Injury date", self.timeline)
        self.injury_stage = self._combo("Stage on that day")
        self.injury_stage.setPlaceholderText("the injury's stages")
        f.addRow("Athlete", self.injury_athlete)
        f.addRow("Protocol", self.injury_protocol)
        f.addRow("From", self.injury_date)
        f.addRow("In stage", self.injury_stage)
        self.injury_match = QLabel()  # the injury's day is a match the athlete plays
        self.injury_match.setWordWrap(True)
        self.injury_match.setAccessibleName("Match on the injury's day")
        self.injury_match.hide()
        f.addRow("", self.injury_match)
        f.addRow(QLabel("A new injury record from that day (before the athlete is back it "
                        "takes over as a re-injury)."))

    def _role_page(self) -> None:
        from ui.desktop.boardmenu import ROLE_MENU

        f = self._page("role")
        self.role_comp = self._combo("Match")
        self.role_athlete = self._combo("Athlete")
        self.role = self._combo("Role")
        for role, words in ROLE_MENU.items():
            self.role.addItem(words, role)
        self.role.addItem("The player's default role", None)
        self.role_now = QLabel()  # the role he has for that match: a change to it changes nothing
        self.role_now.setAccessibleName("Role now")
        self.role_now.setWordWrap(True)  # ", but in P1 that day: does not play" (_word_roles)
        self.role_now.setStyleSheet("color: palette(placeholder-text)")
        # two lines' room whatever it says: "now: in the starting line-up" wrapped, "now: on the
        # bench" did not, and the Role list moved under the pointer between two clicks
        self.role_now.setMinimumHeight(2 * self.role_now.fontMetrics().lineSpacing())
        row = QHBoxLayout()
        row.addWidget(self.role, 1)
        row.addWidget(self.role_now)
        f.addRow("Match", self.role_comp)
        f.addRow("Athlete", self.role_athlete)
        f.addRow("Role", row)

    def _stage_page(self) -> None:
        f = self._page("stage")
        self.stage_athlete = self._combo("Injured athlete")
        self.stage = self._combo("Stage")
        self.stage_date = _DateField("Stage start", self.timeline)
        f.addRow("Athlete", self.stage_athlete)
        f.addRow("Stage", self.stage)
        f.addRow("Starts on", self.stage_date)

    def _away_page(self) -> None:
        f = self._page("away")
        self.away_athlete = self._combo("Athlete")
        self.away_from = _DateField("Unavailable from", self.timeline)
        self.away_to = _DateField("Unavailable until", self.timeline)
        self.away_reason = QLineEdit()
        self.away_reason.setAccessibleName("Reason")
        self.away_reason.setPlaceholderText("e.g. international duty")
        f.addRow("Athlete", self.away_athlete)
        f.addRow("From", self.away_from)
        f.addRow("Until (inclusive)", self.away_to)
        f.addRow("Reason", self.away_reason)

    def _dayoff_page(self) -> None:
        """A rest day for the whole squad (a day off, as Season ▸ Days Off adds it): the squad's
        rest day as 24 pins was 24 changes to type (the command line has whatif --day-off)."""
        f = self._page("dayoff")
        self.dayoff_date = _DateField("Day off", self.timeline)
        self.dayoff_reason = QLineEdit()
        self.dayoff_reason.setAccessibleName("Reason for the day off")
        self.dayoff_reason.setPlaceholderText("e.g. rest before the tournament")
        f.addRow("Day", self.dayoff_date)
        f.addRow("Reason", self.dayoff_reason)

    def _rule_page(self) -> None:
        f = self._page("rule")
        self.rule = self._combo("Rule")
        for r in RULES.values():
            if any(p.text is None for p in r.params):  # a number to change (not a list of names)
                self.rule.addItem(f"{r.id} {r.title}", r.id)
        self.param = self._combo("Rule value")
        # what is typed stays as typed: a QDoubleSpinBox dropped the "9" of HV-5 (1–2) without a
        # word, and Add said the rule was 1 already
        self.value = _ValueBox()
        self.value.setAccessibleName("New value")
        self.value.refused = self._value_refused
        self.value_said = ""  # the value typed and refused, until typed again: what Add says
        self.value.lineEdit().textEdited.connect(lambda _t: setattr(self, "value_said", ""))
        self.value_unit = QLabel()
        vrow = QHBoxLayout()
        vrow.addWidget(self.value, 1)
        vrow.addWidget(self.value_unit)
        f.addRow("Rule", self.rule)
        f.addRow("Value", self.param)
        f.addRow("New value", vrow)

    def _pin_page(self) -> None:
        f = self._page("pin")
        self.pin_athlete = self._combo("Athlete")
        self.pin_date = _DateField("Pinned day", self.timeline)
        self.pin_level = self._combo("Intensity")
        for lv in LEVELS:  # 0 %: named for the athlete and day chosen (_name_zero)
            self.pin_level.addItem(ZERO_TEXT[None] if lv == 0 else LEVEL_TEXT.get(lv, f"{lv} %"), lv)
            if lv == 0:  # a session all the same on a training day, not a day off
                self.pin_level.setItemData(self.pin_level.count() - 1, ZERO_TIP,
                                           Qt.ItemDataRole.ToolTipRole)
        f.addRow("Athlete", self.pin_athlete)
        f.addRow("Day", self.pin_date)
        f.addRow("Intensity", self.pin_level)
        self.pin_athlete.currentIndexChanged.connect(self._name_zero)
        self.pin_date.edit.dateChanged.connect(self._name_zero)
        self.pin_date.edit.line.textChanged.connect(self._name_zero)

    def _name_zero(self, *_args) -> None:
        """The pin's 0 % named for what the athlete's day gives at 0 %, as the board's cell menu
        names it: a recovery session, the rehab session, or no running (injured, away, a day
        without training); "0 % — recovery session" for a rehab athlete misled."""
        athlete = self.pin_athlete.currentData()
        try:
            day = self.pin_date.date()
        except ValueError:
            day = None
        said = (level_texts(self.current, athlete, day)[0] if athlete is not None
                and day is not None else ZERO_TEXT[None])
        self.pin_level.setItemText(self.pin_level.findData(0), said)

    # -- building: the change, the list, the dialog ---------------------------------------------
    def _change_box(self) -> QGroupBox:
        self.add_button = QPushButton("&Add this change ↓")  # Alt+A typed an "a" in a date
        self.add_button.setAccessibleName("Add this change")
        self.add_button.setToolTip("Check this change on the scenario and add it to the list below")
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.error = _error_label()
        self.error.setAccessibleName("Why the change cannot be made")
        box = QGroupBox("Add a change")
        self.change_box = box  # Enter in it adds the change
        lay = QVBoxLayout(box)
        lay.addWidget(self.kind)
        lay.addWidget(self.stack)
        # the button and the refusal beside it under the form, outside its scroll (at 150 % the
        # form scrolled them below its fold); the refusal grows the row upwards, the button at
        # its foot: neither the button nor the Role list above moves under the pointer (the next
        # click picked another role), and no room is kept for a refusal not said
        self.add_row = QWidget()
        row = QHBoxLayout(self.add_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.error, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        for field in box.findChildren(_DateField):
            # a date corrected after a refusal: the refusal ("February has no day 30") is old news
            field.edit.problemChanged.connect(lambda t: None if t else self._show_error(""))
        return box

    def _list_box(self) -> QGroupBox:
        self.list = _ChangeList(lambda: self._fit_list())
        self.list.setAccessibleName("Changes in this scenario")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.remove_button = QPushButton("Re&move change")
        self.remove_button.setAccessibleName("Remove change")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        box = QGroupBox("Changes in this scenario (applied in this order)")
        self.list_box = box
        # Remove change beside the list, not under it: a row less under the form
        lay = QHBoxLayout(box)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self._fit_list()
        return box

    def _fit_list(self) -> None:
        """The list as tall as its changes, from one line ("No changes yet") to five, then it
        scrolls: at 125 % and 150 % on a 1366 x 768 screen the empty list took 130 to 150 pixels
        under the form, and "Add this change" was below the fold of the form's scroll area. The
        dialog grows by what the list grows, as far as the screen allows."""
        row = self.list.fontMetrics().lineSpacing() + 6
        self.list.doItemsLayout()  # each change as wrapped at the list's width (two lines, some)
        lines = sum(self.list.visualItemRect(self.list.item(i)).height()
                    for i in range(self.list.count()))
        frame = 2 * self.list.frameWidth()
        height = frame + min(max(lines, row), 5 * row)
        self.list.setAccessibleDescription("" if self.list.count() else _ChangeList.EMPTY)
        grown = height - self.list.height() if self.list.isVisible() else 0
        self.list.setFixedHeight(height)
        if grown > 0 and getattr(self, "scroll_body", None) is not None:
            self.wanted_size = QSize(self.width(), self.height() + grown)
            fit_dialog(self)
            keep_on_screen(self)

    def _layout(self, change_box: QGroupBox, list_box: QGroupBox) -> None:
        self.replan_now = QCheckBox("Re-plan and compare with the current plan when created")
        self.replan_now.setAccessibleName("Re-plan when created")
        self.replan_now.setChecked(True)
        self.ok_error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Create scenario")
        intro = QLabel("A scenario changes a copy of the season; the season itself stays as it "
                       "is until you adopt the scenario. Re-planning starts from the current plan "
                       "and changes only what the changes require.")
        intro.setWordWrap(True)
        self.stale = QLabel()  # the current plan breaks rules of the season as it is now
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("color: #b26a00")
        self.stale.setAccessibleName("The current plan is out of date")
        self.stale.hide()
        # the way on the warning names, here: its keys did nothing in the form (Ctrl+R belongs to
        # the window behind it), so the form closed with Cancel first
        self.first_button = QPushButton("&Re-plan First")
        self.first_button.setAccessibleName("Re-plan the current plan first; the form comes back "
                                            "with its changes")
        self.first_button.hide()
        self.first_button.clicked.connect(self._plan_first)
        self._first_action: QAction | None = None
        # the window's keeper of a draft while it plans (WhatIf): called with the draft and the
        # action; it reopens the form with them when the plan is made. None: the form closes
        self.plan_first = None
        self._first_keys = QShortcut(self)
        self._first_keys.activated.connect(self._plan_first)
        warning = QHBoxLayout()
        warning.addWidget(self.stale, 1)
        warning.addWidget(self.first_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.addRow("Scenario name", self.name)
        lay = QVBoxLayout(self)
        for item in (intro, warning, form, change_box, self.add_row, list_box, self.replan_now):
            if isinstance(item, QFormLayout | QHBoxLayout):
                lay.addLayout(item)
            else:
                lay.addWidget(item)
        lay.addStretch(1)  # a form shorter than its scroll area: the room under it, not in it

    def set_stale(self, text: str, first: QAction | None = None) -> None:
        """Say that the current plan is not re-planned since the season changed (``text``; ""
        hides it): the comparison would credit that re-plan to the scenario. ``first``: the
        window's action the text names (Re-plan from Today, Ctrl+R; Solve, F5), offered as a
        button and its keys here: the form closes (a draft asked about first) and it runs."""
        self.stale.setText(f"⚠ {text}" if text else "")
        self.stale.setVisible(bool(text))
        self._first_action = first if text else None
        shown = self._first_action is not None
        self.first_button.setVisible(shown)
        if shown:
            self.first_button.setText("&Re-plan First" if "Re-plan" in first.text() else "&Solve First")
            self.first_button.setEnabled(first.isEnabled())
        self._first_keys.setKey(first.shortcut() if shown else QKeySequence())

    def _plan_first(self) -> None:
        """Re-plan First: the form's draft handed to the window, which plans and opens the form
        again with it (the changes typed were gone, the form with them); without a keeper, close
        the form (Discard or Keep Editing asked of a draft), then plan."""
        action = self._first_action
        if action is None or not action.isEnabled():
            return
        if self.plan_first is not None:
            draft = self.draft()
            self.done(QDialog.DialogCode.Rejected)  # not reject(): nothing is discarded
            self.plan_first(draft, action)
            return
        self.reject()
        if not self.isVisible():  # not kept for editing
            action.trigger()

    def _connect(self) -> None:
        self.move_comp.currentIndexChanged.connect(self._suggest_move)
        self.priority_comp.currentIndexChanged.connect(self._current_priority)
        self.stage_athlete.currentIndexChanged.connect(self._fill_stages)
        self.injury_protocol.currentIndexChanged.connect(self._fill_injury_stages)
        self.injury_athlete.currentIndexChanged.connect(self._say_injury_match)
        self.role_comp.currentIndexChanged.connect(self._word_roles)
        self.role_athlete.currentIndexChanged.connect(self._word_roles)
        # another match, athlete or role: a refusal of the one before is old news (it stood
        # under the next athlete's form, beside a role that would be allowed)
        for box in (self.role_comp, self.role_athlete, self.role, self.priority_comp, self.priority):
            box.currentIndexChanged.connect(lambda *_a: self._show_error(""))
        self.injury_date.edit.dateChanged.connect(self._say_injury_match)
        self.rule.currentIndexChanged.connect(self._fill_params)
        self.param.currentIndexChanged.connect(self._show_param)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(lambda: self.add_change())
        self.remove_button.clicked.connect(lambda: self.remove_change())
        self.list.currentRowChanged.connect(lambda r: self.remove_button.setEnabled(r >= 0))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def _set_first_dates(self) -> None:
        """Every date starts on the season's present (a week for an absence)."""
        first = planning_start(self.current)  # (today after the season: its last day, clamped)
        for field in (self.flare_date, self.stage_date, self.away_from, self.pin_date, self.add_date,
                      self.injury_date, self.dayoff_date):
            field.set_date(first)
        self.away_to.set_date(first + dt.timedelta(days=6))

    # -- the form ----------------------------------------------------------------------------
    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def kind_key(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self, *_args) -> None:
        self.stack.setCurrentWidget(self.pages[self.kind_key()])
        self._show_error("")
        self._grow_for_form()

    def _grow_for_form(self) -> None:
        """The dialog grown, as far as the screen allows, when the kind of change shown needs
        more height than the form has (the form is as tall as its page; it never shrinks, so
        Create and Cancel do not move as the coach looks through the kinds)."""
        area = getattr(self, "scroll_body", None)
        if area is None or not self.isVisible():
            return
        body = area.widget().layout()
        body.activate()
        width = area.viewport().width()
        need = body.totalHeightForWidth(width) if body.hasHeightForWidth() else -1
        need = max(need, body.totalMinimumSize().height())
        grown = need - area.viewport().height()
        if grown > 0:
            self.wanted_size = QSize(self.width(), self.height() + grown)
            fit_dialog(self)
            keep_on_screen(self)

    def _refill(self) -> None:
        """Fill the choices from the scenario as it stands (an added competition can be moved)."""
        s = self.current
        comps = [(c.id, f"{c.name} — {c.priority}, {day_long(c.date)}") for c in s.competitions]
        moving, weighed = self.move_comp.currentData(), self.priority_comp.currentData()
        for box in (self.move_comp, self.priority_comp, self.remove_comp, self.role_comp):
            key = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                for cid, text in comps:
                    box.addItem(text, cid)
                i = box.findData(key) if key is not None else -1
                if i < 0 and comps:
                    i = _next_match(s) if box is self.role_comp else _first_choice(s)
                box.setCurrentIndex(i)
        if self.move_comp.currentData() != moving:
            self._suggest_move()
        if self.priority_comp.currentData() != weighed:
            self._current_priority()
        injured = [(a.id, s.athlete_label(a.id)) for a in s.athletes if s.injury_of(a.id) is not None]
        everyone = [(a.id, s.athlete_label(a.id)) for a in s.athletes]
        for box, items in ((self.flare_athlete, injured), (self.stage_athlete, injured),
                           (self.away_athlete, everyone), (self.pin_athlete, everyone),
                           (self.injury_athlete, everyone), (self.role_athlete, everyone)):
            key = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                for aid, text in items:
                    box.addItem(text, aid)
                i = box.findData(key) if key is not None else -1
                box.setCurrentIndex(i if i >= 0 else (0 if items else -1))
        self._fill_stages()
        self._word_roles()
        self._name_zero()
        self._say_same_name()  # a competition the scenario added has a name now

    def _word_roles(self, *_args) -> None:
        """The roles in the words of the match and player chosen: Out of a match on a day he
        plays another is out of that match alone (``boardmenu.role_menu``)."""
        from ui.desktop.boardmenu import role_menu

        athlete, comp = self.role_athlete.currentData() or "", self.role_comp.currentData() or ""
        words = role_menu(self.current, athlete, comp)
        for k in range(self.role.count()):
            if self.role.itemData(k) in words:
                self.role.setItemText(k, words[self.role.itemData(k)])
        known = self.current.competition(comp) is not None and self.current.athlete(athlete)
        now = self.current.role_of(athlete, comp) if known else None
        away = self._not_playing(athlete, comp) if now in ("start", "bench") else None
        # a player in rehab that day read "on the bench", as if in the squad
        but = "" if away is None else (", but away that day: does not play" if away == "away"
                                       else ", but injured that day: does not play" if away == INJ
                                       else f", but in {away} that day: does not play")
        self.role_now.setText(f"now: {ROLE_NOW[now]}{but}" if known else "")

    def _not_playing(self, athlete: str, comp: str) -> str | None:
        """The stage (or "away") that keeps ``athlete`` out of every day of the match in the
        plan, its days up to today as the records read them (``roles.not_playing``); None when he
        may play or there is no plan."""
        from ui.desktop.roles import lived_plan, not_playing

        s = self.current
        if s.plan is None:
            return None
        if self._lived is None or self._lived[0] is not s:
            tl = Timeline(s)
            self._lived = (s, tl, lived_plan(s, tl))
        _s, tl, plan = self._lived
        ap = plan.for_athlete(athlete)
        if ap is None or len(ap.stages) != tl.n:
            return None
        return not_playing(ap, tl, s.competition(comp))

    def _current_priority(self, *_args) -> None:
        """The New priority box starts on the competition's own (a C match read "A — main
        target", as if it were one); an unchanged priority is refused when added."""
        c = self.current.competition(self.priority_comp.currentData() or "")
        if c is not None:
            self.priority.setCurrentIndex(self.priority.findData(c.priority))

    def _suggest_move(self, *_args) -> None:
        c = self.current.competition(self.move_comp.currentData() or "")
        if c is not None:
            # "a week earlier"; mid-season never a day before today (League match 16 of
            # Sat 28 Nov, today Mon 23 Nov, was offered for Sat 21 Nov)
            self.move_date.set_date(_move_suggestion(self.current, c.date))
        self._say_clash()

    def _say_clash(self, *_args) -> None:
        """The competitions the new date puts on the same day, and those it puts less than 72 h
        away (planner.congestion: a semi two days after a league match said nothing until the
        comparison listed the starters' congested run)."""
        from planner.congestion import near_matches, near_words

        cid = self.move_comp.currentData()
        day = pydate(self.move_date.edit.date())
        ok = bool(cid) and self.move_date.edit.is_valid()
        others = E.clashes(self.current, cid, day) if ok else []
        near = near_matches(self.current, cid, day) if ok else []
        said = ([f"⚠ {day_long(day)} is the day of {', '.join(repr(c.name) for c in others)} too: "
                 f"they would be played on one day."] if others else []) + (
            [near_words(day, near)] if near else [])
        self.move_clash.setText("\n".join(said))
        self.move_clash.setVisible(bool(said))

    def _say_same_name(self, *_args, typed: bool = False) -> None:
        """A name another competition of the scenario has: a second 'Cup round 5' was added
        and adopted without a word, and the two read alike wherever a match is named. Said when
        the name is finished (``note_same_name``)."""
        note_same_name(self.add_same, self.current, self.add_name.text(), typed=typed)

    def _say_injury_match(self, *_args) -> None:
        """"Strains a hamstring in Saturday's match" dated on the match day takes the player
        out of it (in rehab from that day, no running on a match day): say so, and how to
        have the match played."""
        aid = self.injury_athlete.currentData()
        day = pydate(self.injury_date.edit.date()) if self.injury_date.edit.is_valid() else None
        played = matches_lost_to_injury(self.current, aid, day) if aid and day is not None else []
        if played:
            who = self.current.athlete(aid).name
            self.injury_match.setText(
                f"⚠ {day_long(day)} is the day of {', '.join(repr(c.name) for c in played)}: "
                f"injured from that day, {who} does not play it. Hurt during the match? Take "
                f"the day after, so the match counts as played.")
        self.injury_match.setVisible(bool(played))

    def _fill_stages(self, *_args) -> None:
        aid = self.stage_athlete.currentData()
        inj = self.current.injury_of(aid) if aid else None
        stages: tuple[str, ...] = REHAB_STAGE_IDS + ("FIT",)
        if inj is not None:
            from planner.protocols import load_protocol

            try:
                stages = load_protocol(inj.protocol).stage_ids + ("FIT",)
            except (PeriodizeError, OSError):
                pass
        key = self.stage.currentData()
        with QSignalBlocker(self.stage):
            self.stage.clear()
            for st in stages:
                self.stage.addItem(st, st)
            i = self.stage.findData(key) if key else -1
            if i < 0 and inj is not None and inj.current.stage in stages:
                i = min(len(stages) - 1, stages.index(inj.current.stage) + 1)  # the next stage
            self.stage.setCurrentIndex(max(0, i))

    def _fill_injury_stages(self, *_args) -> None:
        from planner.protocols import load_protocol

        pid = self.injury_protocol.currentData()
        proto = load_protocol(pid) if pid is not None else None
        with QSignalBlocker(self.injury_stage):
            self.injury_stage.clear()
            for st in proto.stages if proto is not None else ():
                self.injury_stage.addItem(st.choice, st.id)
            self.injury_stage.setCurrentIndex(0)

    def _fill_params(self, *_args) -> None:
        rule = RULES.get(self.rule.currentData() or "")
        with QSignalBlocker(self.param):
            self.param.clear()
            for p in rule.params if rule else ():
                if p.text is None:  # HV-1's exempt positions are a list, set in the Rules panel
                    self.param.addItem(p.row_text, p.name)
            self.param.setCurrentIndex(0 if self.param.count() else -1)
        self._show_param()

    def _show_param(self, *_args) -> None:
        rule = RULES.get(self.rule.currentData() or "")
        name = self.param.currentData()
        if rule is None or name is None:
            return
        p = rule.param(name)
        self.value_said = ""
        self.value.setDecimals(0 if p.integer else 2)
        self.value.setRange(p.min, p.max)
        self.value.setValue(RuleSet(self.current.rules).value(rule.id, name))
        self.value_unit.setText(f"{p.unit} ({p.min:g}–{p.max:g}, default {p.default:g})")

    def form_edit(self) -> E.Edit:
        """The edit the form describes (raises ValueError / InputError with a readable text)."""
        build = getattr(self, f"_edit_{self.kind_key()}", None)
        if build is None:
            raise InputError("", [f"unknown kind of change {self.kind_key()!r}"])
        return build()

    @staticmethod
    def _need(box: QComboBox, what: str) -> str:
        value = box.currentData()
        if value is None:
            raise InputError("", [what])
        return value

    def _edit_move(self) -> E.Edit:
        return E.MoveCompetition(competition=self._need(self.move_comp, "There is no competition to move."),
                                 date=self.move_date.date())

    def _edit_priority(self) -> E.Edit:
        edit = E.UpdateCompetition(competition=self._need(self.priority_comp, "There is no competition."),
                                   priority=self.priority.currentData())
        c = self.current.competition(edit.competition)
        # a scenario of it would change nothing ("0 changed athlete-days"), as a role already held
        if c is not None and not edit.changed_fields(c):
            raise InputError("", [f"{c.name} is priority {c.priority} already: choose another "
                                  f"New priority."])
        return edit

    def _edit_add(self) -> E.Edit:
        first = self.add_date.date()
        last = self.add_last.date() if self.add_days.isChecked() else None
        if last is not None and last < first:
            raise ValueError(f"The last day ({day_long(last)}) is before the first "
                             f"({day_long(first)}); a tournament ends on or after its first day.")
        return E.AddCompetition(competition=Competition(
            id=E.new_competition_id(self.current), name=self.add_name.text().strip() or "Competition",
            date=first, end_date=last if last != first else None,
            priority=self.add_priority.currentData()))

    def _edit_remove(self) -> E.Edit:
        return E.RemoveCompetition(competition=self._need(self.remove_comp, "There is no competition to remove."))

    def _edit_flare(self) -> E.Edit:
        return E.RecordFlareUp(athlete=self._need(self.flare_athlete, "No athlete has an injury recorded; "
                                                  "record it in the Injuries editor first."),
                               date=self.flare_date.date())

    def _edit_injury(self) -> E.Edit:
        aid = self._need(self.injury_athlete, "The squad is empty.")
        onset = self.injury_date.date()
        if (taken := E.onset_taken(self.current, aid, onset)) is not None:
            # the season's own record is changed in its editor; one of this scenario's, here
            where = ("choose it in Season ▸ Injuries (Injury)" if E.onset_taken(self.base, aid, onset)
                     else "select its change below and Remove change")
            raise InputError("", [f"{taken}; to change it, {where}, or give the new one another onset."])
        return E.AddInjury(athlete=aid,
                           protocol=self._need(self.injury_protocol, "Choose the injury (its protocol)."),
                           onset=onset, stage=self.injury_stage.currentData())

    def _edit_role(self) -> E.Edit:
        edit = E.SetRole(competition=self._need(self.role_comp, "There is no match."),
                         athlete=self._need(self.role_athlete, "The squad is empty."),
                         role=self.role.currentData())
        # a scenario of it changed nothing ("0 changed athlete-days") and said no word why
        if problem := same_role_problem(self.current, edit):
            raise InputError("", [problem])
        return edit

    def _edit_stage(self) -> E.Edit:
        return E.AddPin(pin=StagePin(
            athlete=self._need(self.stage_athlete, "No athlete has an injury recorded; record it in the "
                                                   "Injuries editor first."),
            stage=self.stage.currentData(), date=self.stage_date.date()))

    def _edit_away(self) -> E.Edit:
        return E.AddUnavailability(unavailability=Unavailability(
            athlete=self._need(self.away_athlete, "The squad is empty."), start=self.away_from.date(),
            end=self.away_to.date(), reason=self.away_reason.text().strip() or "What-if"))

    def _edit_dayoff(self) -> E.Edit:
        day = self.dayoff_date.date()
        if any(x.date == day for x in self.current.calendar.non_training_days):
            raise InputError("", [f"{day_long(day)} is a day off already; choose a day that is "
                                  f"not off."])
        return E.AddNonTrainingDay(day=NonTrainingDay(
            date=day, reason=self.dayoff_reason.text().strip() or "What-if"))

    def _edit_rule(self) -> E.Edit:
        rule = RULES.get(self.rule.currentData() or "")
        name = self.param.currentData()
        if rule is None or name is None:
            raise InputError("", ["Choose a rule and the value to change."])
        p = rule.param(name)
        # an emptied or half-typed box still reports its last value (leaving the box puts that
        # value back in view; until then it is refused)
        if (said := self.value.problem(self.value.cleanText())) is not None:
            raise InputError("", [self._value_refusal(self.value.cleanText().strip(), *said)])
        if self.value_said:  # refused on leaving the box, which then showed the rule's value
            raise InputError("", [self.value_said])
        if not self.value.cleanText().strip() or not self.value.hasAcceptableInput():
            raise InputError("", [f"Type the new value ({p.min:g}–{p.max:g} {p.unit})."])
        # the rule's value as the box shows it (a season's 1.277 shows as 1.28)
        problem = change_problem(self.current.rules, rule.id, name, self.value.value(),
                                 self.value.decimals())
        if problem is not None:
            raise InputError("", [f"{rule.id}: {p.description} {problem}; type another value to try."])
        return E.SetRuleValue(rule=rule.id, param=name, value=self.value.value())

    def _value_refused(self, typed: str, why: str, fix: str) -> None:
        self.value_said = self._value_refusal(typed, why, fix)
        self._show_error(self.value_said)

    def _value_refusal(self, typed: str, why: str, fix: str) -> str:
        """The Rules panel's words for a value the box does not take: "HV-5 rest days …: '9' is
        outside 1–2 days; type a value in that range (the rule keeps 1)."."""
        rule = RULES.get(self.rule.currentData() or "")
        p = rule.param(self.param.currentData()) if rule is not None else None
        if p is None:
            return f"'{typed}' {why}; {fix}."
        what = f"{why} {p.range_text}" if why == "is outside" else f"{why} ({p.range_text})"
        kept = self.value.textFromValue(RuleSet(self.current.rules).value(rule.id, p.name))
        return f"{rule.id} {p.label}: '{typed}' {what}; {fix} (the rule keeps {kept})."

    def _edit_pin(self) -> E.Edit:
        return E.AddPin(pin=IntensityPin(athlete=self._need(self.pin_athlete, "The squad is empty."),
                                         date=self.pin_date.date(),
                                         intensity=self.pin_level.currentData()))

    # -- the list ------------------------------------------------------------------------------
    def add_change(self, edit: E.Edit | None = None) -> bool:
        """Add ``edit`` (default: the form's) when the scenario accepts it; else say why."""
        try:
            edit = edit if edit is not None else self.form_edit()
            problem = (past_change_problem(self.current, edit) or stage_pin_problem(self.current, edit)
                       or past_role_problem(self.current, edit) or self._pin_limit_problem(edit))
            if problem is not None:
                raise InputError("", [problem[0].upper() + problem[1:] + "."])
            after = edit.apply(self.current)
        except (PeriodizeError, ValueError) as e:
            self._show_error(clean_error(e))
            return False
        text = edit.describe(self.current)
        self.changes.append(edit)
        self.current = after
        item = QListWidgetItem(f"{len(self.changes)}. {text}")
        item.setToolTip(text)
        self.list.addItem(item)
        self._fit_list()
        self._show_error("")
        self.ok_error.hide()
        self._refill()
        return True

    def _pin_limit_problem(self, edit) -> str | None:
        """An intensity pin above the level the board's Pin intensity menu allows on that day
        (``rehabview.pin_limit``: a stage's cap, HV-5 and HV-6 around a match played), said in the board's words:
        the form took one the board greys, and the re-plan searched 15-20 s to no plan."""
        if not isinstance(edit, E.AddPin) or not isinstance(edit.pin, IntensityPin):
            return None
        from planner.handout import keep_units
        from ui.desktop.rehabview import pin_header, pin_limit

        pin = edit.pin
        limit = pin_limit(self.current, pin.athlete, pin.date)
        if limit is None or pin.intensity <= limit[0]:
            return None
        head = pin_header(self.current, pin.athlete, pin.date) or ""
        if limit[0] < 0:
            return head
        # a number and its unit kept together ("a pin of 95 / %" wrapped apart, review 281)
        return keep_units(f"{head}, so a pin of {pin.intensity} % leaves the scenario without a "
                          f"plan (the board's Pin intensity menu offers up to {limit[0]} % on "
                          f"this day); pin {limit[0]} % or less")

    def remove_change(self, row: int | None = None) -> bool:
        """Remove a change (default: the selected one); refused when a later change needs it."""
        row = self.list.currentRow() if row is None else row
        if not 0 <= row < len(self.changes):
            return False
        rest = self.changes[:row] + self.changes[row + 1:]
        try:
            after = E.apply_all(self.base, rest)
        except PeriodizeError as e:
            self._show_error(f"A later change needs this one; remove that first. ({e})")
            return False
        self.changes = rest
        self.current = after
        self._relist()
        self._show_error("")
        self._refill()
        return True

    def change_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _relist(self) -> None:
        self.list.clear()
        s = self.base
        for i, e in enumerate(self.changes):
            text = e.describe(s)
            s = e.apply(s)
            item = QListWidgetItem(f"{i + 1}. {text}")
            item.setToolTip(text)
            self.list.addItem(item)
        self._fit_list()
        self.remove_button.setEnabled(False)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter on a focused button presses it; Enter in the change's form adds the change
        (it pressed Create scenario, which said to add a change first); elsewhere it creates."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
                return
            if focus is not None and self.change_box.isAncestorOf(focus):
                self.add_change()
                return
        super().keyPressEvent(event)

    def draft(self) -> tuple[str, str, list[tuple[E.Edit, str]]]:
        """(the name typed, the kind of change shown, the changes added with their words): what
        the form is opened again with after Re-plan First (:meth:`restore`)."""
        return self.name.text(), self.kind_key(), [
            (e, self.list.item(i).toolTip()) for i, e in enumerate(self.changes)]

    def restore(self, draft: tuple[str, str, list[tuple[E.Edit, str]]]) -> None:
        """The form as :meth:`draft` left it, its changes added again to the season as it is
        now; one the re-plan made impossible is left out, said under the form."""
        name, kind, changes = draft
        self.name.setText(name)
        self.set_kind(kind)
        refused = []
        for edit, words in changes:
            if not self.add_change(edit):
                refused.append(f"{words} ({self.error.text().rstrip('.')})")
        if refused:
            self._show_error("Not added again after the re-plan: " + "; ".join(refused) + ". Change "
                             "it above and press Add this change, or create the scenario without it.")

    def has_draft(self) -> bool:
        """A name typed or a change added: something Escape would throw away."""
        return bool(self.name.text().strip() or self.changes)

    def reject(self) -> None:
        """Escape, Cancel or the window's close: with a draft, asked first (a name typed and a
        change added were gone with one Escape)."""
        if self.has_draft():
            name = self.name.text().strip()
            text = (f"The new scenario{f' “{name}”' if name else ''} "
                    f"({plural(len(self.changes), 'change')} added) is not created yet. "
                    "Discard it, or keep editing?")
            if self.interaction.choose("Discard this scenario?", text,
                                       ("discard", "keepediting"), "keepediting") != "discard":
                return
        super().reject()

    # -- result --------------------------------------------------------------------------------
    def scenario_name(self) -> str:
        name = self.name.text().strip()
        if name or not self.changes:
            return name
        name = short_title(self.changes[0].describe(self.base))
        base, n = name, 2
        while name.casefold() in self.taken:
            suffix = f" ({n})"
            name = base[: 100 - len(suffix)] + suffix
            n += 1
        return name

    def edit(self) -> E.AddScenario:
        return E.AddScenario(name=self.scenario_name(), edits=tuple(e.to_dict() for e in self.changes))

    def _check(self) -> None:
        if not self.changes:
            self._ok_problem("Add at least one change: choose it above and press Add this change.")
            return
        try:
            self.edit().apply(self.season)
        except (PeriodizeError, ValueError) as e:
            self._ok_problem(clean_error(e))
            return
        self.accept()

    def _ok_problem(self, text: str) -> None:
        self.ok_error.setText(text)
        self.ok_error.show()
