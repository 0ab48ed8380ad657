"""What-if scenarios in the app: the Scenarios panel, the new-scenario dialog, the What-if menu
and the background re-plan.

A scenario is a named list of edits replayed on the baseline (``planner.scenarios``). The
dialog composes the list from a form, checking each change against the scenario as it stands
(a refused change shows its message inline and is not added). Re-plan runs
``solver.whatif.replan`` in a ``SolveJob`` (first planning the season when it has no plan),
stores the plan with ``SetScenarioPlan`` and opens the comparison (``ui.desktop.compare``). Every
management action (new, adopt, duplicate, rename, delete, a stored plan) is one undoable edit
through ``MainWindow.apply_edit``.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.errors import InputError, PeriodizeError
from planner.rules import RULES, RuleSet
from planner.scenarios import compare, describe_edits, scenario_season
from planner.season import (
    LEVELS,
    Competition,
    IntensityPin,
    Scenario,
    Season,
    StagePin,
    Unavailability,
)
from planner.timeline import Timeline
from solver.api import Outcome, Progress, Status
from ui.desktop.editors import PRIORITY_TEXT, date_edit, pydate, qdate

LEVEL_TEXT = {0: "0 % — rest", 60: "60 %", 70: "70 %", 80: "80 % (speed day)",
              90: "90 % (high velocity)", 95: "95 %", 100: "100 % (max)"}
STAGES = ("P1", "P2", "P3", "S1", "S2", "S3", "FIT")

# The kinds of change the dialog composes: key -> label.
KINDS = {
    "move": "Move a competition to another date",
    "priority": "Change a competition's priority",
    "add": "Add a competition",
    "remove": "Remove a competition",
    "flare": "An injured athlete flares up",
    "stage": "A rehab stage starts on a date (delay or advance it)",
    "away": "An athlete is unavailable",
    "rule": "Change a rule value",
    "pin": "Pin an athlete's intensity on a day",
}


def message_of(error: Exception) -> str:
    """A refused change as a coach reads it: the InputError's text, or pydantic's messages
    without their prefixes and links."""
    if isinstance(error, PeriodizeError):
        return str(error)
    errors = getattr(error, "errors", None)
    if callable(errors):
        try:
            return "\n".join(str(x.get("msg", x)).removeprefix("Value error, ") for x in errors())
        except Exception:  # noqa: BLE001 - fall back to the plain text
            pass
    return str(error)


def _fmt(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


# -- the new-scenario dialog --------------------------------------------------------------------
class _DateField(QWidget):
    """A date edit with the season week it falls in ("week 12"), as coaches count."""

    def __init__(self, name: str, timeline: Timeline, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit: QDateEdit = date_edit(name)
        self.week = QLabel()
        self.week.setMinimumWidth(70)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.week)
        self.timeline = timeline
        self.edit.setDateRange(qdate(timeline.start), qdate(timeline.end))
        self.edit.dateChanged.connect(self._show_week)
        self._show_week()

    def date(self) -> dt.date:
        return pydate(self.edit.date())

    def set_date(self, day: dt.date) -> None:
        self.edit.setDate(qdate(min(max(day, self.timeline.start), self.timeline.end)))

    def _show_week(self, *_args) -> None:
        i = self.timeline.index(self.date())
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
        tl = Timeline(self.base)
        self.timeline = tl

        self.name = QLineEdit()
        self.name.setAccessibleName("Scenario name")
        self.name.setPlaceholderText("e.g. Final a week earlier (blank: named after the first change)")
        self.name.setMaxLength(100)

        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of change")
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}

        def page(key: str) -> QFormLayout:
            w = QWidget()
            form = QFormLayout(w)
            form.setContentsMargins(0, 4, 0, 0)
            self.pages[key] = w
            self.stack.addWidget(w)
            return form

        def comp_box(name: str) -> QComboBox:
            box = QComboBox()
            box.setAccessibleName(name)
            return box

        # move a competition
        f = page("move")
        self.move_comp = comp_box("Competition to move")
        self.move_date = _DateField("New date", tl)
        f.addRow("Competition", self.move_comp)
        f.addRow("New date", self.move_date)
        self.move_comp.currentIndexChanged.connect(self._suggest_move)
        # priority
        f = page("priority")
        self.priority_comp = comp_box("Competition")
        self.priority = QComboBox()
        self.priority.setAccessibleName("New priority")
        for p, text in PRIORITY_TEXT.items():
            self.priority.addItem(text, p)
        f.addRow("Competition", self.priority_comp)
        f.addRow("New priority", self.priority)
        # add a competition
        f = page("add")
        self.add_name = QLineEdit()
        self.add_name.setAccessibleName("New competition name")
        self.add_name.setPlaceholderText("e.g. Friendly")
        self.add_date = _DateField("New competition date", tl)
        self.add_priority = QComboBox()
        self.add_priority.setAccessibleName("New competition priority")
        for p, text in PRIORITY_TEXT.items():
            self.add_priority.addItem(text, p)
        self.add_priority.setCurrentIndex(self.add_priority.findData("C"))
        f.addRow("Name", self.add_name)
        f.addRow("Date", self.add_date)
        f.addRow("Priority", self.add_priority)
        # remove a competition
        f = page("remove")
        self.remove_comp = comp_box("Competition to remove")
        f.addRow("Competition", self.remove_comp)
        # flare-up
        f = page("flare")
        self.flare_athlete = QComboBox()
        self.flare_athlete.setAccessibleName("Injured athlete")
        self.flare_date = _DateField("Flare-up date", tl)
        f.addRow("Athlete", self.flare_athlete)
        f.addRow("Flares up on", self.flare_date)
        f.addRow(QLabel("From that day the rehab goes back a stage (two when another flare-up "
                        "came in the week before)."))
        # stage start
        f = page("stage")
        self.stage_athlete = QComboBox()
        self.stage_athlete.setAccessibleName("Injured athlete")
        self.stage = QComboBox()
        self.stage.setAccessibleName("Stage")
        self.stage_date = _DateField("Stage start", tl)
        f.addRow("Athlete", self.stage_athlete)
        f.addRow("Stage", self.stage)
        f.addRow("Starts on", self.stage_date)
        self.stage_athlete.currentIndexChanged.connect(self._fill_stages)
        # unavailable
        f = page("away")
        self.away_athlete = QComboBox()
        self.away_athlete.setAccessibleName("Athlete")
        self.away_from = _DateField("Unavailable from", tl)
        self.away_to = _DateField("Unavailable until", tl)
        self.away_reason = QLineEdit()
        self.away_reason.setAccessibleName("Reason")
        self.away_reason.setPlaceholderText("e.g. international duty")
        f.addRow("Athlete", self.away_athlete)
        f.addRow("From", self.away_from)
        f.addRow("Until (inclusive)", self.away_to)
        f.addRow("Reason", self.away_reason)
        # rule value
        f = page("rule")
        self.rule = QComboBox()
        self.rule.setAccessibleName("Rule")
        for r in RULES.values():
            if r.params:
                self.rule.addItem(f"{r.id} {r.title}", r.id)
        self.param = QComboBox()
        self.param.setAccessibleName("Rule value")
        self.value = QDoubleSpinBox()
        self.value.setAccessibleName("New value")
        self.value_unit = QLabel()
        vrow = QHBoxLayout()
        vrow.addWidget(self.value, 1)
        vrow.addWidget(self.value_unit)
        f.addRow("Rule", self.rule)
        f.addRow("Value", self.param)
        f.addRow("New value", vrow)
        self.rule.currentIndexChanged.connect(self._fill_params)
        self.param.currentIndexChanged.connect(self._show_param)
        # pin
        f = page("pin")
        self.pin_athlete = QComboBox()
        self.pin_athlete.setAccessibleName("Athlete")
        self.pin_date = _DateField("Pinned day", tl)
        self.pin_level = QComboBox()
        self.pin_level.setAccessibleName("Intensity")
        for lv in LEVELS:
            self.pin_level.addItem(LEVEL_TEXT.get(lv, f"{lv} %"), lv)
        f.addRow("Athlete", self.pin_athlete)
        f.addRow("Day", self.pin_date)
        f.addRow("Intensity", self.pin_level)

        self.add_button = QPushButton("Add this change ↓")
        self.add_button.setAccessibleName("Add this change")
        self.add_button.setToolTip("Check this change on the scenario and add it to the list below")
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.error = QLabel()
        self.error.setAccessibleName("Why the change cannot be made")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        change_box = QGroupBox("Add a change")
        cl = QVBoxLayout(change_box)
        cl.addWidget(self.kind)
        cl.addWidget(self.stack)
        arow = QHBoxLayout()
        arow.addStretch(1)
        arow.addWidget(self.add_button)
        cl.addLayout(arow)
        cl.addWidget(self.error)

        self.list = QListWidget()
        self.list.setAccessibleName("Changes in this scenario")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.remove_button = QPushButton("Remove change")
        self.remove_button.setAccessibleName("Remove change")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        list_box = QGroupBox("Changes in this scenario (applied in this order)")
        ll = QVBoxLayout(list_box)
        ll.addWidget(self.list, 1)
        rrow = QHBoxLayout()
        rrow.addStretch(1)
        rrow.addWidget(self.remove_button)
        ll.addLayout(rrow)

        self.replan_now = QCheckBox("Re-plan and compare with the current plan when created")
        self.replan_now.setAccessibleName("Re-plan when created")
        self.replan_now.setChecked(True)
        self.ok_error = QLabel()
        self.ok_error.setWordWrap(True)
        self.ok_error.setStyleSheet("color: #c62828")
        self.ok_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create scenario")

        intro = QLabel("A scenario changes a copy of the season; the season itself stays as it "
                       "is until you adopt the scenario. Re-planning starts from the current plan "
                       "and changes only what the changes require.")
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Scenario name", self.name)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(change_box)
        lay.addWidget(list_box, 1)
        lay.addWidget(self.replan_now)
        lay.addWidget(self.ok_error)
        lay.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(lambda: self.add_change())
        self.remove_button.clicked.connect(lambda: self.remove_change())
        self.list.currentRowChanged.connect(lambda r: self.remove_button.setEnabled(r >= 0))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self._refill()
        self._fill_params()
        self.flare_date.set_date(tl.days[tl.p0])
        self.stage_date.set_date(tl.days[tl.p0])
        self.away_from.set_date(tl.days[tl.p0])
        self.away_to.set_date(tl.days[min(tl.n - 1, tl.p0 + 6)])
        self.pin_date.set_date(tl.days[tl.p0])
        self.add_date.set_date(tl.days[tl.p0])
        self.resize(620, 560)

    # -- the form ----------------------------------------------------------------------------
    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def kind_key(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self, *_args) -> None:
        self.stack.setCurrentWidget(self.pages[self.kind_key()])
        self._show_error("")

    def _refill(self) -> None:
        """Fill the choices from the scenario as it stands (an added competition can be moved)."""
        s = self.current
        comps = [(c.id, f"{c.name} — {c.priority}, {_fmt(c.date)}") for c in s.competitions]
        moving = self.move_comp.currentData()
        for box in (self.move_comp, self.priority_comp, self.remove_comp):
            key = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                for cid, text in comps:
                    box.addItem(text, cid)
                # The A competitions first: the usual question is about the final.
                i = box.findData(key) if key is not None else -1
                if i < 0:
                    a = next((k for k, c in enumerate(s.competitions) if c.priority == "A"), 0)
                    i = a if comps else -1
                box.setCurrentIndex(i)
        if self.move_comp.currentData() != moving:
            self._suggest_move()
        injured = [(a.id, s.athlete_label(a.id)) for a in s.athletes if s.injury_of(a.id) is not None]
        everyone = [(a.id, s.athlete_label(a.id)) for a in s.athletes]
        for box, items in ((self.flare_athlete, injured), (self.stage_athlete, injured),
                           (self.away_athlete, everyone), (self.pin_athlete, everyone)):
            key = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                for aid, text in items:
                    box.addItem(text, aid)
                i = box.findData(key) if key is not None else -1
                box.setCurrentIndex(i if i >= 0 else (0 if items else -1))
        self._fill_stages()

    def _suggest_move(self, *_args) -> None:
        c = self.current.competition(self.move_comp.currentData() or "")
        if c is not None:
            self.move_date.set_date(c.date - dt.timedelta(days=7))  # "a week earlier"

    def _fill_stages(self, *_args) -> None:
        aid = self.stage_athlete.currentData()
        inj = self.current.injury_of(aid) if aid else None
        stages: tuple[str, ...] = STAGES
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

    def _fill_params(self, *_args) -> None:
        rule = RULES.get(self.rule.currentData() or "")
        with QSignalBlocker(self.param):
            self.param.clear()
            for p in rule.params if rule else ():
                self.param.addItem(p.description[:1].upper() + p.description[1:], p.name)
            self.param.setCurrentIndex(0 if self.param.count() else -1)
        self._show_param()

    def _show_param(self, *_args) -> None:
        rule = RULES.get(self.rule.currentData() or "")
        name = self.param.currentData()
        if rule is None or name is None:
            return
        p = rule.param(name)
        self.value.setDecimals(0 if p.integer else 2)
        self.value.setRange(p.min, p.max)
        self.value.setValue(RuleSet(self.current.rules).value(rule.id, name))
        self.value_unit.setText(f"{p.unit} ({p.min:g}–{p.max:g}, default {p.default:g})")

    def form_edit(self) -> E.Edit:
        """The edit the form describes (raises ValueError / InputError with a readable text)."""
        key = self.kind_key()
        s = self.current

        def need(box: QComboBox, what: str) -> str:
            value = box.currentData()
            if value is None:
                raise InputError("", [what])
            return value

        if key == "move":
            return E.MoveCompetition(competition=need(self.move_comp, "There is no competition to move."),
                                     date=self.move_date.date())
        if key == "priority":
            return E.UpdateCompetition(competition=need(self.priority_comp, "There is no competition."),
                                       priority=self.priority.currentData())
        if key == "add":
            return E.AddCompetition(competition=Competition(
                id=E.new_competition_id(s), name=self.add_name.text().strip() or "Competition",
                date=self.add_date.date(), priority=self.add_priority.currentData()))
        if key == "remove":
            return E.RemoveCompetition(competition=need(self.remove_comp, "There is no competition to remove."))
        if key == "flare":
            return E.RecordFlareUp(athlete=need(self.flare_athlete, "No athlete has an injury recorded; "
                                                "record it in the Injuries editor first."),
                                   date=self.flare_date.date())
        if key == "stage":
            return E.AddPin(pin=StagePin(
                athlete=need(self.stage_athlete, "No athlete has an injury recorded; record it in the "
                                                 "Injuries editor first."),
                stage=self.stage.currentData(), date=self.stage_date.date()))
        if key == "away":
            return E.AddUnavailability(unavailability=Unavailability(
                athlete=need(self.away_athlete, "The squad is empty."), start=self.away_from.date(),
                end=self.away_to.date(), reason=self.away_reason.text().strip() or "What-if"))
        if key == "rule":
            return E.SetRuleValue(rule=self.rule.currentData(), param=self.param.currentData(),
                                  value=self.value.value())
        if key == "pin":
            return E.AddPin(pin=IntensityPin(athlete=need(self.pin_athlete, "The squad is empty."),
                                             date=self.pin_date.date(),
                                             intensity=self.pin_level.currentData()))
        raise InputError("", [f"unknown kind of change {key!r}"])

    # -- the list ------------------------------------------------------------------------------
    def add_change(self, edit: E.Edit | None = None) -> bool:
        """Add ``edit`` (default: the form's) when the scenario accepts it; else say why."""
        try:
            edit = edit if edit is not None else self.form_edit()
            after = edit.apply(self.current)
        except (PeriodizeError, ValueError) as e:
            self._show_error(message_of(e))
            return False
        text = edit.describe(self.current)
        self.changes.append(edit)
        self.current = after
        item = QListWidgetItem(f"{len(self.changes)}. {text}")
        item.setToolTip(text)
        self.list.addItem(item)
        self._show_error("")
        self.ok_error.hide()
        self._refill()
        return True

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
        self.remove_button.setEnabled(False)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- result --------------------------------------------------------------------------------
    def scenario_name(self) -> str:
        name = self.name.text().strip()
        if name or not self.changes:
            return name
        name = self.changes[0].describe(self.base)[:100].strip()
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
            self._ok_problem("Add at least one change: choose it above and press Add change.")
            return
        try:
            self.edit().apply(self.season)
        except (PeriodizeError, ValueError) as e:
            self._ok_problem(message_of(e))
            return
        self.accept()

    def _ok_problem(self, text: str) -> None:
        self.ok_error.setText(text)
        self.ok_error.show()


# -- the panel ----------------------------------------------------------------------------------
class ScenariosPanel(QWidget):
    """The season's scenarios (name, planned or not, number of changes) with the selected
    one's changes below, and buttons for the What-if menu's actions."""

    selection_changed = Signal()
    activated = Signal(str)  # a double-clicked scenario

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Scenarios")
        self.season: Season | None = None
        self.intro = QLabel("<b>What if</b> the final moves a week earlier, or a player flares up "
                            "in week 12? <b>New…</b> makes a scenario: a list of changes, re-planned "
                            "from the current plan and compared side by side. The season itself "
                            "changes only when you adopt a scenario.")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Scenario", "Plan", "Changes"])
        self.table.setAccessibleName("What-if scenarios")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName("The selected scenario's changes")
        self.button_rows = (QHBoxLayout(), QHBoxLayout())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.details)
        for row in self.button_rows:
            lay.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda item: self.activated.emit(self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)))

    def add_buttons(self, first: list[QAction], second: list[QAction]) -> None:
        """Tool buttons for the actions (they follow the actions' enabled state)."""
        self.buttons: dict[str, QToolButton] = {}
        for row, actions in zip(self.button_rows, (first, second), strict=True):
            for a in actions:
                b = QToolButton()
                b.setDefaultAction(a)
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                b.setText(a.iconText())
                row.addWidget(b)
                self.buttons[a.iconText()] = b
            row.addStretch(1)

    def set_season(self, season: Season) -> None:
        old = self.season
        self.season = season
        key = self.selected_name()
        if old is not None and old.scenarios is season.scenarios:
            self._selection_changed()  # the changes' texts name the season's competitions
            return
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(season.scenarios))
            for r, sc in enumerate(season.scenarios):
                state = "planned" if sc.plan is not None else "not planned"
                cells = [sc.name, state, str(len(sc.edits))]
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if c == 0:
                        item.setData(Qt.ItemDataRole.UserRole, sc.name)
                    if c == 1 and sc.plan is not None:
                        item.setToolTip(f"{sc.plan.status} plan, objective "
                                        f"{sc.plan.objective if sc.plan.objective is not None else '–'}")
                    self.table.setItem(r, c, item)
        self.intro.setVisible(not season.scenarios)
        if key is None or not self.select(key):
            if season.scenarios and self.selected_name() is None:
                self.select(season.scenarios[-1].name)
            else:
                self._selection_changed()

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected(self) -> Scenario | None:
        name = self.selected_name()
        if name is None or self.season is None:
            return None
        return next((sc for sc in self.season.scenarios if sc.name == name), None)

    def select(self, name: str) -> bool:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole).casefold() == name.casefold():
                self.table.selectRow(r)
                self._selection_changed()
                return True
        self.table.clearSelection()
        return False

    def _selection_changed(self) -> None:
        sc = self.selected()
        if sc is None or self.season is None:
            self.details.setText("")
        else:
            import html

            texts = describe_edits(self.season, sc)
            lines = "".join(f"<li>{html.escape(t)}</li>" for t in texts) or "<li><i>no changes</i></li>"
            self.details.setText(f"<b>{html.escape(sc.name)}</b>:<ol style='margin:0'>{lines}</ol>")
        self.selection_changed.emit()


# -- the controller -----------------------------------------------------------------------------
class WhatIf(QObject):
    """The What-if menu, the Scenarios panel and the background re-plan of one main window."""

    replan_finished = Signal(object)  # the Outcome of a re-plan, after the document was updated
    replan_failed = Signal(str)
    compare_opened = Signal(object)  # the CompareWindow

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = ScenariosPanel(window)
        self.compare_window = None
        self.last_outcome: Outcome | None = None
        self._job = None
        self._pending: dict | None = None
        self._started = 0.0
        self._progress: Progress | None = None
        self._compared: tuple[str, Season, Scenario] | None = None

        def action(text: str, tip: str, slot, short: str | None = None) -> QAction:
            a = QAction(text, window)
            a.setStatusTip(tip)
            a.setToolTip(tip)
            if short:
                a.setIconText(short)
            a.triggered.connect(lambda _c=False: slot())
            return a

        self.new_action = action("&New Scenario…", "Make a what-if scenario: a list of changes to "
                                 "re-plan and compare", self.new_dialog, "New…")
        self.replan_action = action("&Re-plan Scenario", "Plan the selected scenario, changing the "
                                    "current plan only where its changes require", self.replan, "Re-plan")
        self.replan_action.setShortcut(QKeySequence("Shift+F5"))
        self.compare_action = action("&Compare with the Plan", "The selected scenario and the "
                                     "season's plan side by side", self.compare, "Compare")
        self.adopt_action = action("&Adopt as the Plan", "Make the selected scenario the season "
                                   "(its changes and its plan); Undo takes it back", self.adopt, "Adopt")
        self.duplicate_action = action("&Duplicate Scenario…", "Copy the selected scenario",
                                       self.duplicate, "Duplicate…")
        self.rename_action = action("Re&name Scenario…", "Rename the selected scenario", self.rename,
                                    "Rename…")
        self.delete_action = action("&Delete Scenario", "Delete the selected scenario (Undo brings "
                                    "it back)", self.delete, "Delete")
        self.cancel_action = action("&Cancel Re-plan", "Stop re-planning the scenario", self.cancel,
                                    "Cancel")
        self.panel_action = action("Scenarios &Panel", "Show the list of scenarios",
                                   lambda: self.window.show_dock("scenarios"))
        self.panel.add_buttons([self.new_action, self.replan_action, self.compare_action,
                                self.adopt_action],
                               [self.duplicate_action, self.rename_action, self.delete_action])
        window.addAction(self.replan_action)

        sb = window.statusBar()
        self.progress_label = QLabel(window)
        self.progress_bar = QProgressBar(window)
        self.progress_bar.setFixedWidth(140)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Re-plan progress")
        self.cancel_button = QPushButton("Cancel", window)
        self.cancel_button.setAccessibleName("Cancel re-plan")
        self.cancel_button.setToolTip("Stop re-planning the scenario")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            sb.addPermanentWidget(w)
            w.hide()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._show_progress)

        self.panel.selection_changed.connect(self.update_actions)
        self.panel.activated.connect(self._activated)
        window.document.changed.connect(self._on_document_changed)
        window.document.replaced.connect(self._on_replaced)
        self.panel.set_season(window.document.season)
        self.update_actions()

    def install_menu(self, menubar) -> None:
        menu = menubar.addMenu("&What-if")
        for a in (self.new_action, None, self.replan_action, self.cancel_action, self.compare_action,
                  None, self.adopt_action, self.duplicate_action, self.rename_action,
                  self.delete_action, None, self.panel_action):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        self.menu = menu

    # -- state ---------------------------------------------------------------------------------
    def is_replanning(self) -> bool:
        return self._job is not None

    def selected_name(self) -> str | None:
        return self.panel.selected_name()

    def _scenario(self, name: str | None) -> Scenario | None:
        name = name or self.panel.selected_name()
        if not name:
            self.window.statusBar().showMessage("Choose a scenario in the Scenarios panel first.", 6000)
            self.window.show_dock("scenarios")
            return None
        for sc in self.window.season.scenarios:
            if sc.name.casefold() == name.strip().casefold():
                return sc
        QMessageBox.warning(self.window, "No such scenario", f"There is no scenario called “{name}”.")
        return None

    @Slot()
    def update_actions(self) -> None:
        sc = self.panel.selected()
        busy = self._job is not None
        for a in (self.adopt_action, self.duplicate_action, self.rename_action, self.delete_action):
            a.setEnabled(sc is not None)
        self.replan_action.setEnabled(sc is not None and not busy)
        self.compare_action.setEnabled(sc is not None and sc.plan is not None)
        self.cancel_action.setEnabled(busy)

    @Slot()
    def _on_document_changed(self) -> None:
        season = self.window.document.season
        self.panel.set_season(season)
        self.update_actions()
        self._mark_stale(season)

    def _mark_stale(self, season: Season) -> None:
        win, shown = self.compare_window, self._compared
        if win is None or shown is None:
            return
        name, baseline, sc = shown
        now = next((s for s in season.scenarios if s.name == name), None)
        if now is None:
            text = (f"Scenario “{name}” is no longer in the season (adopted, renamed or deleted); "
                    "this comparison shows it as it was.")
        elif now.edits != sc.edits or now.plan is not sc.plan:
            text = "The scenario changed since this comparison: Compare again to see it as it is now."
        elif season.model_copy(update={"scenarios": ()}) != baseline:
            text = "The season changed since this comparison: Compare again to see it as it is now."
        else:
            text = ""
        win.set_stale(text)

    @Slot()
    def _on_replaced(self) -> None:
        if self._job is not None:
            self._job.cancel()  # its result is ignored (another file)
        if self.compare_window is not None:
            self.compare_window.close()
        self._compared = None

    # -- new -------------------------------------------------------------------------------------
    @Slot()
    def new_dialog(self) -> ScenarioDialog:
        """What-if ▸ New Scenario… (non-blocking); OK adds the scenario as one undo step."""
        dlg = ScenarioDialog(self.window.season, self.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._create_from(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _create_from(self, dlg: ScenarioDialog) -> None:
        edit = dlg.edit()
        if not self.window.apply_edit(edit):
            return
        name = edit.name.strip()
        self.panel.select(name)
        self.window.show_dock("scenarios")
        if dlg.replan_now.isChecked():
            self.replan(name)
        else:
            self.window.statusBar().showMessage(
                f"Scenario “{name}” made; What-if ▸ Re-plan Scenario (Shift+F5) plans it.", 10000)

    # -- re-plan ---------------------------------------------------------------------------------
    @Slot()
    def replan(self, name: str | None = None) -> bool:
        """Re-plan a scenario in the background (the selected one by default); False when it
        does not start (the reason is shown)."""
        sc = self._scenario(name)
        if sc is None:
            return False
        w = self.window
        if self._job is not None:
            w.statusBar().showMessage("A scenario is being re-planned already; wait or cancel it.", 6000)
            return False
        if w.is_solving():
            QMessageBox.information(w, "The season is being solved",
                                    "Wait for the solve to finish (or cancel it) before re-planning "
                                    "a scenario: the scenario starts from the season's plan.")
            return False
        season = w.season
        solve_first = season.plan is None
        if solve_first:
            answer = QMessageBox.question(
                w, "The season has no plan yet",
                "A scenario is re-planned from the season's plan and compared with it, and the "
                "season has no plan yet.\n\nPlan the season first, then the scenario? Both run in "
                "the background; the season's plan is one undo step, the scenario's another.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                w.statusBar().showMessage("Not re-planned: solve the season first (Plan ▸ Solve, F5).", 8000)
                return False
        try:
            after = scenario_season(season, sc.model_copy(update={"plan": None}))
        except PeriodizeError as e:
            QMessageBox.warning(w, "The scenario cannot be re-planned",
                                f"{e}\n\nThe season changed since the scenario was made, so one of "
                                "its changes no longer applies: make a new scenario, or delete "
                                "this one.")
            return False
        baseline = season.model_copy(update={"scenarios": ()})
        reference = sc.base_plan or season.plan
        limit = w.solve_time_limit
        result: dict = {}

        def run(request, on_progress=None, stop=None) -> Outcome:
            # In the worker thread: no widgets here.
            from solver import SolveRequest, solve
            from solver.whatif import replan

            before, ref = baseline, reference
            if solve_first:
                first = solve(SolveRequest(baseline, time_limit=limit), on_progress=on_progress, stop=stop)
                result["baseline"] = first
                if first.plan is None or (stop is not None and stop.is_set()):
                    return first
                before, ref = baseline.model_copy(update={"plan": first.plan}), first.plan
            return replan(before, after, ref, time_limit=limit, on_progress=on_progress, stop=stop)

        from ui.desktop.jobs import SolveJob

        job = SolveJob(after, time_limit=limit, solve_fn=run, parent=self, reference=reference)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self._job = job
        self._pending = {"name": sc.name, "baseline": baseline, "edits": sc.edits, "result": result,
                         "file": w.document.file_revision, "solve_first": solve_first}
        self._started = time.monotonic()
        self._progress = None
        self.progress_bar.setRange(0, max(1, int(limit * 10)))
        self.progress_bar.setValue(0)
        for x in (self.progress_label, self.progress_bar, self.cancel_button):
            x.show()
        self.cancel_button.setEnabled(True)
        self._show_progress()
        w.statusBar().showMessage(
            f"Planning the season, then scenario “{sc.name}”…" if solve_first
             else f"Re-planning scenario “{sc.name}” from the current plan…")
        self.update_actions()
        self._tick.start()
        job.start()
        return True

    @Slot()
    def cancel(self) -> None:
        if self._job is None:
            return
        self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Stopping…")

    def shutdown(self, msecs: int = 5000) -> None:
        """The window closes: stop a re-plan and wait for its thread."""
        job = self._job
        if job is None:
            return
        self._end_job()
        if not job.shutdown(msecs):
            from ui.desktop import mainwindow

            mainwindow._ORPHANS.append(job)
            job.setParent(None)

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self._progress = progress
        self._show_progress()

    @Slot()
    def _show_progress(self) -> None:
        if self._job is None or self._pending is None:
            return
        elapsed = time.monotonic() - self._started
        self.progress_bar.setValue(min(self.progress_bar.maximum(), int(elapsed * 10)))
        if not self.cancel_button.isEnabled():
            return
        text = f"Re-planning “{self._pending['name']}”… {elapsed:.1f} s"
        if self._progress is not None:
            text += f" · objective {self._progress.objective:,.0f}"
        self.progress_label.setText(text)

    def _end_job(self) -> dict | None:
        self._tick.stop()
        self._job = None
        pending, self._pending = self._pending, None
        for x in (self.progress_label, self.progress_bar, self.cancel_button):
            x.hide()
        self.update_actions()
        return pending

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._end_job()
        self.window.statusBar().showMessage("The re-plan stopped with an error.", 10000)
        QMessageBox.critical(self.window, "The re-plan stopped with an error", text)
        self.replan_failed.emit(text)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        pending = self._end_job()
        w = self.window
        if pending is None:
            return
        name = pending["name"]
        status = outcome.status.value if isinstance(outcome.status, Status) else str(outcome.status)
        season = w.season
        now = next((s for s in season.scenarios if s.name == name), None)
        if pending["file"] != w.document.file_revision:
            w.statusBar().showMessage(f"Re-plan of “{name}” ignored: another season was opened.", 10000)
        elif (now is None or now.edits != pending["edits"]
              or season.model_copy(update={"scenarios": ()}) != pending["baseline"]):
            w.statusBar().showMessage(
                f"The season or scenario “{name}” changed while re-planning; the result was "
                f"dropped. Re-plan again (Shift+F5).", 15000)
        else:
            self._store(name, pending, outcome, status)
        self.replan_finished.emit(outcome)

    def _store(self, name: str, pending: dict, outcome: Outcome, status: str) -> None:
        w = self.window
        first: Outcome | None = pending["result"].get("baseline")
        if pending["solve_first"]:
            if first is None or first.plan is None:
                what = first if first is not None else outcome
                if what.status == Status.INFEASIBLE:
                    w.explanation.show_outcome(w.season, what)
                    w.show_dock("explanation")
                    w.statusBar().showMessage("The season has no plan: the rules conflict (see "
                                              "Solver Explanation); the scenario was not planned.")
                else:
                    w.statusBar().showMessage("The season was not planned (stopped before a plan "
                                              "was found); the scenario was not planned.", 10000)
                return
            if not w.apply_edit(E.SetPlan(plan=first.plan)):
                return
        if outcome.plan is None:
            if outcome.status == Status.INFEASIBLE:
                explained = replace(outcome, message=(
                    f"Scenario “{name}”: its changes cannot all hold with the rules. "
                    f"{outcome.message}").strip())
                try:
                    shown = scenario_season(w.season, next(s for s in w.season.scenarios if s.name == name))
                except (PeriodizeError, StopIteration):
                    shown = w.season
                w.explanation.show_outcome(shown, explained)
                w.show_dock("explanation")
                w.statusBar().showMessage(f"Scenario “{name}” has no plan: its changes conflict with "
                                          "the rules (see Solver Explanation below the board).")
            elif outcome.status == Status.CANCELLED:
                w.statusBar().showMessage(f"Re-plan of “{name}” cancelled before a plan was found.", 10000)
            else:
                w.statusBar().showMessage(f"No plan found for “{name}” ({status}).", 10000)
                QMessageBox.warning(w, "No plan found", outcome.message
                                    or f"The solver found no plan for the scenario ({status}).")
            return
        if not w.apply_edit(E.SetScenarioPlan(name=name, plan=outcome.plan)):
            return
        self.last_outcome = outcome
        text = f"Scenario “{name}” re-planned in {outcome.wall_time:.1f} s"
        if outcome.status == Status.CANCELLED:
            text += " (stopped early: the best plan found so far)"
        w.statusBar().showMessage(text + "; the comparison with the plan is open.", 15000)
        self.compare(name, outcome=outcome)

    # -- compare ---------------------------------------------------------------------------------
    @Slot()
    def compare(self, name: str | None = None, outcome: Outcome | None = None):
        """Open the comparison of a planned scenario with the season's plan (None when it cannot
        be compared; the reason is shown). ``outcome``: the re-plan that just made its plan."""
        sc = self._scenario(name)
        if sc is None:
            return None
        w = self.window
        season = w.season
        if sc.plan is None:
            answer = QMessageBox.question(
                w, "The scenario has no plan yet",
                f"Scenario “{sc.name}” is not planned yet. Re-plan it now? The comparison opens "
                "when the plan is ready.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                self.replan(sc.name)
            return None
        if season.plan is None:
            QMessageBox.information(w, "The season has no plan",
                                    "There is no plan to compare the scenario with: plan the season "
                                    "first (Plan ▸ Solve, F5).")
            return None
        from planner.validate import plan_problems

        baseline = season.model_copy(update={"scenarios": ()})
        try:
            after = scenario_season(season, sc)
            if plan_problems(after, sc.plan):
                raise InputError("", [f"the plan of scenario “{sc.name}” no longer fits the season "
                                      "(the season changed since it was planned); re-plan it "
                                      "(What-if ▸ Re-plan Scenario)"])
            comp = compare(baseline, season.plan, after, sc.plan, "baseline", f"'{sc.name}'")
            texts = describe_edits(season, sc)
        except PeriodizeError as e:
            QMessageBox.warning(w, "The scenario cannot be compared", str(e))
            return None
        note = how_replanned(baseline, scenario_season(season, sc.model_copy(update={"plan": None})),
                             outcome)
        if sc.base_plan is not None and sc.base_plan != season.plan:
            note += (" The season was planned again after this scenario branched off; the "
                     "differences include that re-plan.")
        win = self._compare_window()
        win.show()  # first: the boards centre the first change in their real size
        win.show_comparison(sc.name, baseline, after, comp, texts, note)
        self._compared = (sc.name, baseline, sc)
        win.raise_()
        win.activateWindow()
        self.compare_opened.emit(win)
        return win

    def _compare_window(self):
        if self.compare_window is None:
            from ui.desktop.compare import CompareWindow

            win = CompareWindow(self.window)
            win.adopt_requested.connect(self.adopt)
            self.compare_window = win
        return self.compare_window

    # -- manage ----------------------------------------------------------------------------------
    @Slot()
    def adopt(self, name: str | None = None) -> bool:
        """Make a scenario the season (one undo step)."""
        sc = self._scenario(name)
        if sc is None:
            return False
        w = self.window
        if sc.plan is None:
            answer = QMessageBox.question(
                w, "Adopt a scenario without a plan?",
                f"Scenario “{sc.name}” is not planned yet. Adopt its changes anyway? The season "
                "will have no plan until you solve it (Plan ▸ Solve, F5).",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not w.apply_edit(E.AdoptScenario(name=sc.name)):
            return False
        w.statusBar().showMessage(f"Adopted scenario “{sc.name}”: its changes and plan are now the "
                                  "season's. Edit ▸ Undo takes it back.", 15000)
        if self.compare_window is not None and self._compared and self._compared[0] == sc.name:
            self.compare_window.close()
            self._compared = None
        return True

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self.window, title, label, QLineEdit.EchoMode.Normal, text)
        name = (name or "").strip()
        return name if ok and name else None

    @Slot()
    def duplicate(self, name: str | None = None, new_name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if new_name is None:
            taken = {s.name.casefold() for s in self.window.season.scenarios}
            suggestion, n = f"{sc.name} (copy)", 2
            while suggestion.casefold() in taken:
                suggestion, n = f"{sc.name} (copy {n})", n + 1
            new_name = self._ask_name("Duplicate scenario", f"Name of the copy of “{sc.name}”:",
                                      suggestion[:100])
            if new_name is None:
                return False
        if not self.window.apply_edit(E.DuplicateScenario(name=sc.name, new_name=new_name)):
            return False
        self.panel.select(new_name)
        return True

    @Slot()
    def rename(self, name: str | None = None, new_name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if new_name is None:
            new_name = self._ask_name("Rename scenario", f"New name of “{sc.name}”:", sc.name)
            if new_name is None or new_name == sc.name:
                return False
        if not self.window.apply_edit(E.RenameScenario(name=sc.name, new_name=new_name)):
            return False
        self.panel.select(new_name)
        return True

    @Slot()
    def delete(self, name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if not self.window.apply_edit(E.DeleteScenario(name=sc.name)):
            return False
        self.window.statusBar().showMessage(f"Deleted scenario “{sc.name}”. Edit ▸ Undo brings it back.",
                                            10000)
        return True

    def _activated(self, name: str) -> None:
        sc = self._scenario(name)
        if sc is None:
            return
        if sc.plan is not None:
            self.compare(sc.name)
        else:
            self.replan(sc.name)


def how_replanned(baseline: Season, after: Season, outcome: Outcome | None = None) -> str:
    """Where the scenario's changes may change the plan (``solver.whatif.change_scope``), as a
    coach reads it; with the re-plan's outcome, how long it took and whether it had to re-plan
    the whole season."""
    from solver.whatif import change_scope

    scope = change_scope(baseline, after)
    tl = Timeline(after)
    whole = scope.everything or (outcome is not None and "whole season" in (outcome.message or ""))
    if whole:
        why = (scope.reason if scope.everything
               else "the change could not be absorbed near its dates")
        text = (f"The whole season was re-planned from the current plan ({why}), changing as "
                "little as the rules allow.")
    elif scope.window[1] < scope.window[0]:
        text = "Nothing the plan depends on changed: the scenario keeps the current plan."
    else:
        first, last = tl.days[scope.window[0]], tl.days[scope.window[1]]
        parts = []
        if scope.team_days:
            parts.append(f"every athlete's days from {first.day} {first:%b} to "
                         f"{last.day} {last:%b %Y}")
        if scope.athletes:
            names = [after.athlete_label(a).split(" (")[0] for a in sorted(scope.athletes)]
            who = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            parts.append(f"{who}'s plan from {first.day} {first:%b %Y} on")
        text = ("Re-planned from the current plan, free to change " + " and ".join(parts)
                + " only; everything else stays as it was.")
    if outcome is not None and outcome.plan is not None:
        text += f" ({outcome.wall_time:.1f} s"
        if outcome.status == Status.CANCELLED:
            text += ", stopped early: the best plan found so far"
        text += ")"
    return text


__all__ = ["KINDS", "ScenarioDialog", "ScenariosPanel", "WhatIf", "how_replanned"]
