"""The Injuries editor: an athlete's injury records (protocol, onset, stages, target
competition), flare-ups and criteria tests; and the question before a flare-up dated before
matches played (``played_after_question``, also the Log panel's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.criteria import counted_in, result_criterion
from planner.errors import PeriodizeError
from planner.protocols import protocol_name
from planner.rehab import FLARE_BACK, Segment, segments
from planner.season import CriteriaTest, Injury, Season, StageRecord
from planner.text import date_short, day_long, measure, name_sort_key
from ui.desktop.datefield import DateField
from ui.desktop.editors.base import (
    Editor,
    _buttons,
    _fill,
    _table,
    _wrapped,
    date_edit,
    form_words,
    pydate,
    qdate,
)
from ui.desktop.theme import ink

NO_RESULT = -1000.0  # a criteria test's result box before a result is typed (shown "—")


def _any_date(name: str) -> DateField:
    """A date field for a record that may lie outside the season (an onset, a test)."""
    w = date_edit(name)
    w.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
    return w


def shown_choice(box: QComboBox) -> str:
    """A combo box's choice as its field shows it: cut in its middle with "…" when it does not
    fit, so that its end stays ("Persistent iliop…from Fri 24 Jul 2026"; the field cut it
    unmarked at 150 %, "Persistent iliopsoas tendinopathy from Fri 24", the date lost)."""
    opt = QStyleOptionComboBox()
    box.initStyleOption(opt)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    return box.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideMiddle,
                                        max(1, field.width() - 4))


def fit_popup(box: QComboBox) -> None:
    """The list of ``box`` at least as wide as its longest choice: a style that opens it at the
    combo box's width (Windows) cut the choices of a narrow dock."""
    view = box.view()
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0)
    view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width()
                         + 2 * view.frameWidth() + 2 * metrics.averageCharWidth())


def _fit_open(view: QAbstractItemView) -> None:
    """The list ``view`` of a combo box, as it opens, as wide as its longest choice
    (:func:`fit_popup`)."""
    box = view.parentWidget()
    while box is not None and not isinstance(box, QComboBox):
        box = box.parentWidget()
    if box is not None:
        fit_popup(box)


class _WholeText(QObject):
    """Shows a narrowed combo box's whole choice on hover, above its own tooltip: in a narrow
    dock "Acute hamstring strain (sprint-type)" reads "Acute hamstring str…"; and paints a
    choice that does not fit cut with "…" (:func:`shown_choice`), not clipped unmarked."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(obj, QAbstractItemView):
            _fit_open(obj)
            return False
        box = obj if isinstance(obj, QComboBox) else obj.parent()  # an editable one's line edit
        if event.type() == QEvent.Type.ToolTip and isinstance(box, QComboBox):
            tip = "\n\n".join(x for x in (box.currentText(), box.toolTip()) if x)
            if tip:
                QToolTip.showText(event.globalPos(), tip, box)
                return True
        if event.type() == QEvent.Type.Paint and obj is box and not box.isEditable():
            return self._paint(box)
        return False

    @staticmethod
    def _paint(box: QComboBox) -> bool:
        """QComboBox's own painting with the choice as :func:`shown_choice` says it; False (Qt
        paints) when it fits."""
        text = shown_choice(box)
        if text == box.currentText():
            return False
        painter = QStylePainter(box)
        painter.setPen(box.palette().color(QPalette.ColorRole.Text))
        opt = QStyleOptionComboBox()
        box.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = text
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
        painter.end()
        return True


_WHOLE_TEXT: _WholeText | None = None


def _narrow(combo: QComboBox) -> None:
    """A combo box that keeps a narrow panel narrow (long protocol and stage names); hovering it
    shows its whole choice (:class:`_WholeText`)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    _whole_text(combo)


def _whole_text(combo: QComboBox) -> None:
    """Hovering ``combo`` shows its whole choice (:class:`_WholeText`), a choice cut in the field
    is marked "…", and its list opens as wide as its longest choice (:func:`fit_popup`)."""
    global _WHOLE_TEXT
    if _WHOLE_TEXT is None:
        _WHOLE_TEXT = _WholeText()
    combo.installEventFilter(_WHOLE_TEXT)
    if combo.lineEdit() is not None:
        combo.lineEdit().installEventFilter(_WHOLE_TEXT)
    # the list as wide as its longest choice, measured as it opens: measured at each choice
    # added, a refill of n choices (every season change) measured n times n choices
    combo.view().installEventFilter(_WHOLE_TEXT)


def _flare_words(inj, day: dt.date) -> str:
    """`` (flare-up)``, or `` (flare-up: pain 6/10 logged)`` with the note kept with it."""
    note = inj.flare_notes.get(day)
    return f" (flare-up: {note})" if note else " (flare-up)"


def _test_words(proto, inj: Injury, t) -> str:
    """A result in the Rehab progress table: "Hamstring strength LSI 68 % (18 Sep) ✗ not passed
    (≥ 75 %)" when it is below the pass mark it is read against (planner.criteria
    .result_criterion), as the red line above says a failing result."""
    found = result_criterion(proto, inj, t.name, t.date)
    c = found[1] if found else None
    said = f"{t.name} {measure(t.value, t.unit)} ({date_short(t.date)})"
    return said + (f" ✗ not passed ({c.bar})" if c is not None and not c.passes(t.value) else "")


def _row_tests(proto, inj: Injury, row: Segment, end: dt.date | None) -> list:
    """The results in the Rehab progress table's row of ``row`` (to ``end``), newest first: the
    ones taken in that stage (planner.criteria.counted_in: a retest dated on the day a record
    moved the athlete on, under the stage it let him leave). Newest first: the cell shows two
    lines, and the first failed result hid the passing retest after it."""
    def here(t) -> bool:
        held = counted_in(inj, proto, t.name, t.date) if inj.protocol == proto.id else None
        if held is not None:
            return held == (row.stage, row.start)
        return row.start <= t.date and (end is None or t.date < end)
    return sorted((t for t in inj.tests if here(t)), key=lambda t: t.date, reverse=True)


def _tests_heading(proto, stage: str, offered) -> str:
    """What the Test list offers, said above it: "Criteria test of P2, the current stage (then
    earlier stages'):", "Criteria test: P1 has none; P2's, to leave P2:", "P3 has none; S3's,
    before the return" (S3, the last stage)..."""
    ids = list(proto.stage_ids)
    if not offered:
        return (f"Criteria test: {proto.name} has none." if stage in ids or stage == "FIT"
                else "Criteria test:")
    first = offered[0][0]
    then = " (then earlier stages')" if any(sid != first for sid, _c in offered) else ""
    if first == stage:
        return f"Criteria test of {stage}, the current stage{then}:"
    # said as the other stage's: under "of the current stage" a P3 without tests read as if S3's
    # hamstring strength LSI were P3's
    if stage not in ids:
        last = "the last stage" if first == ids[-1] else "the last stage with tests"
        return f"Criteria test of {first}, {last}{then}:"
    if ids.index(first) < ids.index(stage):
        return f"Criteria test: {stage} has none; earlier stages':"
    # what the test gates: an ankle's P2 hop gates leaving P2, weeks before the return
    when = "before the return" if first == ids[-1] else f"to leave {first}"
    return f"Criteria test: {stage} has none; {first}'s, {when}{then}:"


def _error_line(name: str) -> QLabel:
    """A red line next to a form that says why it changed nothing (hidden when all is well)."""
    label = _wrapped("")
    label.setAccessibleName(name)
    label.setStyleSheet(f"color: {ink('error')}")
    label.hide()
    return label


INJURY_FIELDS = {"onset": "Onset", "start": "Stage started", "stage": "Stage", "date": "Date",
                 "value": "Result", "name": "Test", "target_competition": "Target",
                 "flare_ups": "Flare-up", "protocol": "Injury"}


class InjuriesEditor(Editor):
    """An athlete's injury: protocol (from the templates), onset, stage and stage start, target
    competition, flare-ups and criteria tests with the template's pass mark."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Injuries editor")
        # (title, text) -> yes: asked before a stage change is recorded before the stage held is
        # done (the window's question; None records it at once)
        self.confirm: Callable[[str, str], bool] | None = None
        self.athlete = QComboBox()
        self.athlete.setAccessibleName("Injured athlete")
        # its list drops below it, the chosen athlete highlighted: opened over the field (the
        # style's way) at the screen's top, it put another athlete under the pointer, whom a
        # click or the pointer's move chose instead (Leo Martin highlighted, Mateo Silva meant)
        self.athlete.setStyleSheet("QComboBox { combobox-popup: 0; }")
        self.athlete.setMaxVisibleItems(15)
        self.record = QComboBox()
        self.record.setAccessibleName("Injury record")
        self.record.setToolTip("The athlete's injury records by onset: earlier injuries, a "
                               "re-injury, a planned operation; or a new one")
        _narrow(self.record)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.back = QLabel()
        self.back.setWordWrap(True)
        self.back.setAccessibleName("Planned return")
        self._returns: list = []
        self._want_onset: dt.date | None = None  # the record to select after the next refill
        self._tests_for: tuple | None = None  # the injury the criteria result box was typed for
        details, buttons = self._details()
        self.rehab = QGroupBox("Rehab progress")
        rlay = QVBoxLayout(self.rehab)
        rlay.addWidget(self._history_table(), 1)
        rlay.addWidget(_wrapped("Next stage reached (the history records what happened):"))
        self.stage_row = self._stage_row()
        rlay.addLayout(self.stage_row)
        rlay.addWidget(_wrapped("Flare-up (symptoms back):"))
        self.flare_row = self._flare_row()
        rlay.addLayout(self.flare_row)
        rlay.addWidget(self.flares)
        self.test_heading = _wrapped("Criteria test of the current stage:")
        rlay.addWidget(self.test_heading)
        self.test_row = self._test_form()
        rlay.addLayout(self.test_row)
        self.gate = _wrapped("")
        self.gate.setAccessibleName("Criteria gate")
        self.rehab_error = _error_line("Why the rehab record was not changed")
        rlay.addWidget(self.rehab_error)
        self.record_error = _error_line("Why the injury was not changed")
        top = QFormLayout()
        top.addRow("Athlete", self.athlete)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.back)
        lay.addWidget(self.gate)
        lay.addLayout(details)
        lay.addLayout(buttons)
        lay.addWidget(self.record_error)
        lay.addWidget(self.rehab, 1)
        self._connect()
        self.watch_typing(self.athlete, self.record)

    # building ---------------------------------------------------------------------------
    def _details(self) -> tuple[QFormLayout, QHBoxLayout]:
        """The injury record: protocol, onset, first stage and its start, target; its buttons."""
        from planner.protocols import readable_protocols

        self.protocol = QComboBox()
        self.protocol.setAccessibleName("Rehab protocol")
        for proto in readable_protocols()[0]:  # a file that does not read: said once at start
            self.protocol.addItem(proto.name, proto.id)
        # no protocol until one is chosen: the first in the list was taken for a hamstring
        # strain entered in a hurry
        self.protocol.setPlaceholderText("Choose the injury…")
        self.protocol.setCurrentIndex(-1)
        self.onset = _any_date("Injury onset")
        self.first_stage = QComboBox()
        self.first_stage.setAccessibleName("Stage")
        self.first_stage.setPlaceholderText("the injury's stages")
        for combo in (self.protocol, self.first_stage):
            _narrow(combo)
        self.first_start = _any_date("Stage start")
        self.target = QComboBox()
        self.target.setAccessibleName("Target competition")
        _whole_text(self.target)
        self.onset.dateChanged.connect(lambda _q: self._targets_from_onset())
        # a new injury's first stage starts on or after its onset: typed later, it follows
        self._own_start = None  # the stage start the coach set apart from the onset
        self._following = False
        self.first_start.dateChanged.connect(self._start_set)
        self.onset.dateChanged.connect(self._start_follows_onset)
        details = QFormLayout()
        details.addRow("Injury", self.record)
        details.addRow("Protocol", self.protocol)
        details.addRow("Onset", self.onset)
        self.first_stage_label = QLabel("Stage")
        self.first_start_label = QLabel("Stage started")
        details.addRow(self.first_stage_label, self.first_stage)
        details.addRow(self.first_start_label, self.first_start)
        details.addRow("Target", self.target)
        buttons, (self.record_button, self.apply_button, self.remove_button) = _buttons(
            "&Record injury", "Appl&y", "Remove inj&ury")
        self.record_button.setToolTip("Record an injury for this athlete with these details")
        self.apply_button.setToolTip("Change the protocol, onset or target competition")
        self.remove_button.setToolTip("Delete the chosen injury record (the others stay)")
        return details, buttons

    def _history_table(self) -> QTableWidget:
        """The stages recorded so far, with their tests."""
        self.history = _table(["Stage", "From", "Tests"], "Rehab history")
        return self.history

    def _stage_row(self) -> QFormLayout:
        """The next stage reached, and when."""
        self.stage = QComboBox()
        self.stage.setAccessibleName("New stage")
        _narrow(self.stage)
        self.stage_start = _any_date("New stage start")
        self.stage_button = QPushButton("Record sta&ge")
        self.stage_button.setAccessibleName("Record stage")
        self.stage_button.setToolTip("The athlete entered this stage on this date")
        srow = QFormLayout()
        srow.addRow("Entered", self.stage)
        son = QHBoxLayout()
        son.addWidget(self.stage_start, 1)
        son.addWidget(self.stage_button)
        srow.addRow("on", son)
        return srow

    def _flare_row(self) -> QVBoxLayout:
        self.flare_date = _any_date("Flare-up date")
        self.flare_button = QPushButton("Record f&lare-up")
        self.flare_button.setAccessibleName("Record flare-up")
        self.flare_button.setToolTip(f"Symptoms came back: {FLARE_BACK}")
        self.flare_note = QLineEdit()
        self.flare_note.setAccessibleName("Flare-up note")
        self.flare_note.setPlaceholderText("What happened (optional), e.g. hip sore after sprints")
        self.flare_note.setToolTip("Kept with the flare-up and shown with it here, e.g. "
                                   "\"hamstring tight after the sprints, pain 6/10\"")
        self.flares = _wrapped("")
        # the note on a line of its own: beside the date and the button it was a few letters wide
        frow = QHBoxLayout()
        frow.addWidget(self.flare_date, 1)
        frow.addWidget(self.flare_button)
        col = QVBoxLayout()
        col.addWidget(self.flare_note)
        col.addLayout(frow)
        return col

    def _test_form(self) -> QFormLayout:
        """A criteria test of the current stage: its result and date, and the pass mark."""
        self.test_name = QComboBox()
        self.test_name.setEditable(True)  # before _whole_text: its line edit shows the tip
        _whole_text(self.test_name)
        self.test_name.setAccessibleName("Criteria test")
        self.test_value = QDoubleSpinBox()
        # its lowest value is "not typed yet": a default of 0.0 /10 read as a passing pain score
        self.test_value.setRange(NO_RESULT, 1000)
        self.test_value.setSpecialValueText("—")  # short: a wider box widened the whole panel
        self.test_value.setToolTip("The test's result: type it (the pass mark is said below)")
        self.test_value.setValue(NO_RESULT)
        self.test_value.setDecimals(1)
        self.test_value.setAccessibleName("Test result")
        self.test_date = _any_date("Test date")
        self.pass_mark = _wrapped("")
        self.pass_mark.setAccessibleName("Pass mark")
        self.test_button = QPushButton("Record &test")
        self.test_button.setAccessibleName("Record test")
        tform = QFormLayout()
        tform.addRow("Test", self.test_name)
        trow = QHBoxLayout()
        trow.addWidget(self.test_value)
        trow.addWidget(QLabel("on"))
        trow.addWidget(self.test_date, 1)
        tform.addRow("Result", trow)
        tform.addRow("", self.pass_mark)
        tform.addRow("", self.test_button)
        return tform

    def _connect(self) -> None:
        self.athlete.currentIndexChanged.connect(self._fill_records)
        self.record.currentIndexChanged.connect(self._load)
        self.athlete.activated.connect(lambda _i: self.athlete_selected.emit(self.selected_athlete() or ""))
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        self.protocol.activated.connect(lambda _i: self.record_error.hide())  # chosen: said no more
        self.test_name.currentIndexChanged.connect(self._show_pass_mark)
        self.test_name.editTextChanged.connect(self._show_pass_mark)
        self.test_value.valueChanged.connect(self._show_pass_mark)
        self.test_date.dateChanged.connect(self._show_pass_mark)  # the stage held that day
        self.record_button.clicked.connect(self.record_injury)
        self.apply_button.clicked.connect(self.apply)
        self.remove_button.clicked.connect(self.remove)
        self.stage_button.clicked.connect(self.record_stage)
        self.stage.currentIndexChanged.connect(  # no stage chosen (none left): nothing to record
            lambda i: self.stage_button.setEnabled(i >= 0))
        self.flare_button.clicked.connect(self.record_flare_up)
        self.test_button.clicked.connect(self.record_test)

    # state ------------------------------------------------------------------------------
    def set_season(self, season: Season) -> None:
        if self.unchanged(season, (season.athletes, season.injuries, season.competitions,
                                   season.calendar, season.rules)):
            return
        # an undo, a redo or another panel's change: what the lines said is old news ("Recorded.
        # …" stood under "No injury recorded" after Ctrl+Z); a change made here says its own
        # note after this (record_injury, record_test)
        self.record_error.hide()
        self.rehab_error.hide()
        key = self.selected_athlete()
        injured = {i.athlete for i in season.injuries}
        with QSignalBlocker(self.athlete):
            self.athlete.clear()
            for a in sorted(season.athletes, key=lambda a: (a.id not in injured,
                                                             name_sort_key(a.name))):
                # the mark after the name: typing a name's first letters finds the athlete
                mark = "  ✚ injury recorded" if a.id in injured else ""
                self.athlete.addItem(f"{a.label}{mark}", a.id)
            i = self.athlete.findData(key) if key else -1
            self.athlete.setCurrentIndex(i if i >= 0 else (0 if self.athlete.count() else -1))
        self._fill_targets(season)
        self._fill_records()
        self._targets_from_onset()

    def _fill_targets(self, season: Season) -> None:
        """"none", the competitions from today on (the target is one of them), then below a
        separator the ones over before today: the list opened on a season's 35 past matches,
        greyed, with the Cup final at its very bottom."""
        from planner.validate import planning_start

        today = planning_start(season)
        ahead = [c for c in season.competitions if c.last >= today]
        over = [c for c in season.competitions if c.last < today]
        with QSignalBlocker(self.target):
            self.target.clear()
            self.target.addItem("none", None)
            for k, c in enumerate([*ahead, *over]):
                if k == len(ahead) and k:  # the past ones under a line (none ahead: no line)
                    self.target.insertSeparator(self.target.count())
                self.target.addItem(f"{c.name} ({c.priority}, {day_long(c.date)})", c.id)

    def blank_form(self) -> None:
        """The rest of the form is the record's (shown afresh by :meth:`set_season`): a
        criteria result and a flare-up note typed for the last season's record are not."""
        self.test_value.setValue(NO_RESULT)
        self.flare_note.setText("")

    def _start_follows_onset(self, _q=None) -> None:
        """The stage start follows the onset, and never comes before it; one the coach set
        apart stays: an onset typed digit by digit ("29/1…" on the way to 29/11/2026) moved it
        to 29 January, where it stayed, and the injury was recorded in P1 from two months on."""
        if not self.first_start.is_valid():
            return
        own, onset = self._own_start, self.onset.date()
        new = own if own is not None and own > onset else onset
        self._following = True
        try:
            self.first_start.setDate(new)
        finally:
            self._following = False

    def _start_set(self, _q=None) -> None:
        if not self._following:
            start = self.first_start.date()
            self._own_start = None if start == self.onset.date() else start

    def say(self, label: QLabel, text: str, kind: str = "error") -> None:
        """As the form's ``say``; the injury's line in the colour of ``kind``: "flag" for a note
        on what was recorded (it read as a refusal in red)."""
        if label is self.record_error:
            label.setStyleSheet(f"color: {ink(kind)}")
        super().say(label, text)

    def _targets_from_onset(self) -> None:
        """A competition over before the injury's onset cannot be its target: greyed, with the
        reason (the list offered them all)."""
        from PySide6.QtGui import QStandardItemModel

        model = self.target.model()
        if self.season is None or not isinstance(model, QStandardItemModel):
            return
        onset = self.onset.date().toPython() if self.onset.is_valid() else None
        for k in range(1, self.target.count()):
            if self.target.itemData(k) is None:  # the line above the competitions over
                continue
            c = self.season.competition(self.target.itemData(k))
            item = model.item(k)
            before = onset is not None and c is not None and c.last < onset
            item.setEnabled(not before)
            item.setToolTip(f"Over before the onset ({day_long(onset)}): it cannot be the "
                            f"target" if before else "")

    def _fill_records(self, *_args) -> None:
        """The selected athlete's records by onset, then "New injury…"; the selection stays on
        the same onset (or goes to the one just recorded, else the latest)."""
        aid = self.selected_athlete()
        if aid != getattr(self, "_records_for", aid):  # another athlete: an old refusal goes
            self.record_error.hide()
            self.rehab_error.hide()
        self._records_for = aid
        records = self.season.injuries_of(aid) if self.season and aid else []
        want = self._want_onset if self._want_onset is not None else self.record.currentData()
        self._want_onset = None
        with QSignalBlocker(self.record):
            self.record.clear()
            for r in records:
                self.record.addItem(f"{protocol_name(r.protocol)} from {day_long(r.onset)}", r.onset)
            # short: "New injury (a re-injury, a planned operation…)" was cut in the dock at
            # 1280 x 720; the form's words under it say what a new record may be
            self.record.addItem("New injury…", None)
            self.record.setItemData(self.record.count() - 1, "A new injury record: a "
                                    "re-injury, or a planned operation", Qt.ItemDataRole.ToolTipRole)
            i = self._record_index(want) if want is not None else -1
            self.record.setCurrentIndex(i if i >= 0 else max(0, len(records) - 1))
        self._load()

    def selected_athlete(self) -> str | None:
        return self.athlete.currentData()

    def set_returns(self, rows) -> None:
        """The returns of the plan (``ui.desktop.returnspanel.ReturnRow``): the selected
        athlete's is shown under the injury."""
        self._returns = list(rows)
        self._show_return()

    def _show_return(self) -> None:
        aid = self.selected_athlete()
        rows = [r for r in self._returns if r.athlete == aid]
        texts = []
        for r in rows:
            text = r.body()  # the athlete and injury are chosen above
            if r.again:  # ... but not that it is a re-injury (the Returns panel says it)
                text = f"{r.again[0].upper()}{r.again[1:]}: {text}"
            texts.append(f"<b style='color:{ink('error')}'>{text}</b>" if r.missed else text)
        self.back.setText("<br>".join(f"<i>Plan:</i> {t}" for t in texts))
        self.back.setVisible(bool(texts))

    def select(self, athlete_id: str) -> bool:
        i = self.athlete.findData(athlete_id)
        if i >= 0:
            self.athlete.setCurrentIndex(i)
        return i >= 0

    def injury(self) -> Injury | None:
        """The chosen record (None: "New injury" is chosen, or the athlete has none)."""
        aid, onset = self.selected_athlete(), self.record.currentData()
        if self.season is None or aid is None or onset is None:
            return None
        return next((r for r in self.season.injuries_of(aid) if r.onset == onset), None)

    def _record_index(self, onset: dt.date | None) -> int:
        return next((i for i in range(self.record.count()) if self.record.itemData(i) == onset), -1)

    def select_record(self, onset: dt.date | None) -> bool:
        i = self._record_index(onset)
        if i >= 0:
            self.record.setCurrentIndex(i)
        return i >= 0

    def _protocol(self):
        """The chosen protocol (None: none chosen yet)."""
        from planner.protocols import load_protocol

        pid = self.protocol.currentData()
        return load_protocol(pid) if pid is not None else None

    def _load(self) -> None:
        self._show_return()
        season = self.season
        inj = self.injury()
        key = (inj.athlete, inj.onset) if inj is not None else None
        if self._tests_for is not None and key != self._tests_for:  # another injury: no result
            self.test_value.setValue(NO_RESULT)  # and no note of another injury's flare-up
            self.flare_note.setText("")
        self._tests_for = key
        # the stage start follows this record's onset: one set apart for the last athlete's
        # injury (2 Jan) was kept, and another athlete's new injury typed with onset 20 Dec
        # showed stage started 2 Jan, a date never typed for it
        self._own_start = None
        self.forget_typing()  # the form shows the record afresh
        has = inj is not None
        for w in (self.first_stage, self.first_start, self.first_stage_label,
                  self.first_start_label, self.record_button):
            w.setVisible(not has)
        for w in (self.apply_button, self.remove_button):
            w.setVisible(has)
        self.rehab.setEnabled(has)
        self.record_button.setEnabled(self.selected_athlete() is not None)
        if season is None:
            return
        self.gate.setText("")
        self.gate.hide()
        if not has:
            self.status.setText("No injury recorded: the athlete is fit. To record one, choose "
                                "the protocol, onset and the stage the athlete is in."
                                if self.record.count() <= 1 else
                                "A new injury record: a re-injury, or a planned operation (an "
                                "onset after today is planned as the record says). Choose the "
                                "protocol, onset and the stage it starts in.")
            # no stage held: the last athlete's "none: FIT since Tue 8 Sep" stood greyed there
            self.stage.setPlaceholderText("")
            start = season.calendar.today or season.calendar.start
            # the disabled rehab rows too: after File > New they showed the last season's days
            for w in (self.onset, self.first_start, self.stage_start, self.flare_date,
                      self.test_date):
                w.setDate(qdate(start))
            self.target.setCurrentIndex(0)
            with QSignalBlocker(self.protocol):
                self.protocol.setCurrentIndex(-1)  # a new injury: chosen, never assumed
            self._protocol_changed()
            _fill(self.history, [])
            self.flares.setText("")
            return
        proto_i = self.protocol.findData(inj.protocol)
        with QSignalBlocker(self.protocol):
            self.protocol.setCurrentIndex(max(0, proto_i))
        self._protocol_changed()
        self.onset.setDate(qdate(inj.onset))
        ti = self.target.findData(inj.target_competition)
        self.target.setCurrentIndex(max(0, ti))
        cur = inj.current
        proto = self._protocol()
        # the last stage the records and flare-ups give, as the inspector says it (a flare-up
        # after the last stage record moves the athlete back)
        segs = segments(inj, proto) if inj.protocol == proto.id else []
        last = segs[-1] if segs else Segment(cur.start, cur.stage, "record")
        title = proto.stage(last.stage).title if last.stage in proto.stage_ids else "back to full training"
        how = " (flare-up)" if last.cause == "flare-up" else ""
        self.status.setText(f"{proto.name}: recorded stage {last.stage} ({title}) since "
                            f"{day_long(last.start)}{how}.")
        # the stages in date order as the records and flare-ups give them: a flare-up's row says
        # the stage it sent the athlete back to (two rows of P3 with no P2 between read as an error)
        rows = segs or [Segment(r.start, r.stage, "record") for r in inj.stages]
        ends = [s.start for s in rows[1:]] + [None]
        _fill(self.history, [(i, [s.stage, day_long(s.start) + (
            _flare_words(inj, s.start) if s.cause == "flare-up" or s.start in inj.flare_ups else ""),
            "; ".join(_test_words(proto, inj, t) for t in _row_tests(proto, inj, s, end))])
            for i, (s, end) in enumerate(zip(rows, ends, strict=True))])
        self.flares.setText("Flare-ups: " + (", ".join(
            day_long(d) + (f" ({inj.flare_notes[d]})" if inj.flare_notes.get(d) else "")
            for d in inj.flare_ups) or "none"))
        default_day = season.calendar.today or max(cur.start, season.calendar.start)
        for w in (self.stage_start, self.flare_date, self.test_date):
            w.setDate(qdate(default_day))
        ids = list(proto.stage_ids) + ["FIT"]
        nxt = ids[min(len(ids) - 1, ids.index(last.stage) + 1)] if last.stage in ids else ids[0]
        # back to full training since a day the records hold: no next stage to record
        held = nxt == last.stage and last.start <= default_day
        self.stage.setPlaceholderText(f"none: {last.stage} since {day_long(last.start)}" if held
                                      else "the stage entered")
        self.stage.setCurrentIndex(-1 if held else max(0, self.stage.findData(nxt)))
        self.stage_button.setEnabled(self.stage.currentIndex() >= 0)
        self._fill_tests(proto, last.stage)  # a flare-up's stage, not the last record's
        self._show_gate(inj)

    def _show_gate(self, inj: Injury) -> None:
        """RH-CRIT at the planning start: a failing result holds the stage until a retest."""
        from html import escape

        from planner.why import gate_texts

        lines = gate_texts(self.season, inj)  # a retest date gone by said as due
        self.gate.setText("<br>".join(
            f"<b style='color:{ink('error')}'>{escape(t)}</b>" if "held until" in t
            else f"⚠ {escape(t)} (record results under Criteria test, below)"
            for t in lines))  # escaped: "82 % < 90 %" is no tag
        self.gate.setVisible(bool(lines))

    def _protocol_changed(self) -> None:
        proto = self._protocol()
        for combo, extra in ((self.first_stage, False), (self.stage, True)):
            with QSignalBlocker(combo):
                combo.clear()
                if proto is None:  # no injury chosen: no stages to offer
                    continue
                for s in proto.stages:
                    combo.addItem(s.choice, s.id)
                if extra:
                    combo.addItem("FIT — back to full training", "FIT")
                combo.setCurrentIndex(0)  # a placeholder keeps a filled combo on none
        # nothing to choose until the injury is: drawn disabled, told from the Protocol box
        # that is there to choose in (both showed the same pale placeholder)
        self.first_stage.setEnabled(proto is not None)
        self.stage_button.setEnabled(self.stage.currentIndex() >= 0)
        if proto is None:
            self._offered = ()
            with QSignalBlocker(self.test_name):
                self.test_name.clear()
            self._show_pass_mark()
            return
        inj = self.injury()
        self._fill_tests(proto, inj.current.stage if inj else proto.stages[0].id)

    def _fill_tests(self, proto, stage: str) -> None:
        """The tests a result may be recorded for (planner.criteria.offered_criteria): the
        stage's own first, the earlier stages' after them (a result taken the day before a stage
        change), and for a stage without tests the next stage's that has some (an ankle in P1:
        P2's single-leg hop; S3 has none)."""
        from planner.criteria import offered_criteria

        self._offered = offered_criteria(proto, stage)
        self.test_heading.setText(_tests_heading(proto, stage, self._offered))
        with QSignalBlocker(self.test_name):
            self.test_name.clear()
            for sid, c in self._offered:
                self.test_name.addItem(c.name, sid)
        self._show_pass_mark()

    def criterion(self):
        """The criterion a result of the typed test taken on the Test date is judged against
        (planner.criteria.result_criterion, as `periodize record --test` and the Rehab progress
        table read it); the first stage's of the protocol for a new injury not recorded yet."""
        proto = self._protocol()
        name = self.test_name.currentText().strip()
        if proto is None or not name:
            return None
        found = result_criterion(proto, self.injury(), name, pydate(self.test_date.date()))
        return found[1] if found else None

    def _show_pass_mark(self, *_args) -> None:
        c = self.criterion()
        if c is None:
            self._unit_suffix("")
            self.pass_mark.setText("No pass mark in the template for this test.")
            return
        self._unit_suffix(f" {c.unit}" if c.unit != "%" else " %")
        if self.test_value.value() == NO_RESULT:
            self.pass_mark.setText(f"Pass mark {c.sign} {measure(c.pass_mark, c.unit)}: type the result.")
            return
        from planner.validate import test_value_problem

        value = self.test_value.value()
        if problem := test_value_problem(c, value):  # 780 % previewed as passing, then refused
            self.pass_mark.setText(f"Pass mark {c.sign} {measure(c.pass_mark, c.unit)}: {problem}.")
            return
        verdict = "passes" if c.passes(value) else "does not pass yet"
        self.pass_mark.setText(f"Pass mark {c.sign} {measure(c.pass_mark, c.unit)}: this result {verdict}.")

    def _unit_suffix(self, suffix: str) -> None:
        """The result box's unit, set only when it changes: set on every keystroke it rewrote
        the text ("82,0 %", the cursor after the unit), so the decimal typed next was lost and
        82.5 was recorded as 82."""
        if self.test_value.suffix() != suffix:
            self.test_value.setSuffix(suffix)

    # actions ----------------------------------------------------------------------------
    def _target(self) -> str | None:
        return self.target.currentData()

    def _check(self, edit, label: QLabel, row=None) -> bool:
        """Request ``edit`` when the season accepts it; otherwise say why in ``label`` (next to
        the form; the rehab line under ``row``, the one whose button was pressed) and change
        nothing."""

        for line in (self.record_error, self.rehab_error):
            line.hide()
        try:
            edit.apply(self.season)
        except PeriodizeError as e:
            why = form_words(str(e), INJURY_FIELDS)
            if row is not None:
                self._refuse_rehab(why, row)
            else:
                self.say(label, why)
            self._want_onset = None
            return False
        self.request(edit)
        return True

    def _refuse_rehab(self, text: str, row, kind: str = "error") -> None:
        """The rehab line moved under ``row`` (stage, flare-up or test), then said in the colour
        of ``kind``: "flag" for a note on what was recorded (it read as a refusal in red)."""
        self.rehab_error.setStyleSheet(f"color: {ink(kind)}")
        lay = self.rehab.layout()
        lay.removeWidget(self.rehab_error)
        at = next(i for i in range(lay.count()) if lay.itemAt(i).layout() is row)
        lay.insertWidget(at + 1, self.rehab_error)
        self.say(self.rehab_error, text)

    def record_injury(self) -> None:
        shown = self.first_start.date()  # what "Stage started" showed at the click
        aid = self.selected_athlete()
        if aid is None or not self.dates_ok("Record injury", self.onset, self.first_start):
            return
        onset = pydate(self.onset.date())
        if (taken := E.onset_taken(self.season, aid, onset)) is not None:
            self.say(self.record_error, f"{taken}; to change it, choose it in Injury above, or "
                     f"give the new one another onset.")
            return
        if self.protocol.currentData() is None:
            self.say(self.record_error, "Not recorded: choose the injury in Protocol first "
                     "(its rehab protocol gives the stages and the tests).")
            return
        try:
            inj = Injury(athlete=aid, protocol=self.protocol.currentData(), onset=onset,
                         stages=(StageRecord(stage=self.first_stage.currentData(),
                                             start=pydate(self.first_start.date())),),
                         target_competition=self._target())
        except ValueError as e:
            self.refuse("Record injury", e, INJURY_FIELDS)
            return
        self._want_onset = onset
        start = inj.stages[0].start
        if self._check(E.SetInjury(injury=inj), self.record_error) and start != pydate(shown):
            # recorded from another day than the field showed: said, never a silent change. A
            # start that followed the onset as it was typed is on screen already: "Recorded.
            # Stage started followed the onset (it showed Mon 7 Dec)" in the warning colour
            # named a date the coach no longer saw
            self.say(self.record_error, f"Recorded. {inj.stages[0].stage} recorded from "
                     f"{day_long(start)} (Stage started showed {day_long(pydate(shown))}).",
                     "flag")

    def apply(self) -> None:
        inj = self.injury()
        if inj is None or not self.dates_ok("Change injury", self.onset):
            return
        protocol, onset, target = self.protocol.currentData(), pydate(self.onset.date()), self._target()
        if (protocol, onset) == (inj.protocol, inj.onset):
            if target != inj.target_competition:
                self._check(E.SetTargetCompetition(athlete=inj.athlete, competition=target,
                                                   onset=inj.onset), self.record_error)
            return
        if onset != inj.onset and any(r.onset == onset for r in self.season.injuries_of(inj.athlete)):
            self.say(self.record_error, f"Another injury of this athlete starts on "
                     f"{day_long(onset)}; two records may not share an onset.")
            return
        self._want_onset = onset
        self._check(E.SetInjury(injury=inj.model_copy(update={
            "protocol": protocol, "onset": onset, "target_competition": target}),
            replaces=inj.onset), self.record_error)

    def typing_rows(self) -> list[tuple[QPushButton, tuple[QWidget, ...]]]:
        record = (self.protocol, self.onset, self.first_stage, self.first_start, self.target)
        return [(self.apply_button, record), (self.record_button, record),
                (self.stage_button, (self.stage, self.stage_start)),
                (self.flare_button, (self.flare_note, self.flare_date)),
                (self.test_button, (self.test_name, self.test_value, self.test_date))]

    def remove(self) -> None:
        inj = self.injury()
        if inj is not None:
            self._check(E.RemoveInjury(athlete=inj.athlete, onset=inj.onset), self.record_error)

    def record_stage(self) -> None:
        inj = self.injury()
        if inj is not None and self.dates_ok("Record stage", self.stage_start):
            from planner.returns import passed_over

            over = passed_over(self.season, inj.athlete, self.stage.currentData(),
                               pydate(self.stage_start.date()))
            if over is not None and self.confirm is not None and not self.confirm(
                    over.question, f"{over.words}.\n\nRecord the stage change anyway?"):
                return
            self._want_onset = inj.onset
            self._check(E.RecordStage(athlete=inj.athlete, stage=self.stage.currentData(),
                                      start=pydate(self.stage_start.date())), self.rehab_error,
                        self.stage_row)

    def record_flare_up(self) -> None:
        inj = self.injury()
        if inj is not None and self.dates_ok("Record flare-up", self.flare_date):
            later = E.flare_up_not_yet(self.season, pydate(self.flare_date.date()))
            if later is not None:
                self.record_error.hide()
                self._refuse_rehab(f"Not recorded: {later}. To see what it would change, plan it "
                                   f"in a what-if (What-if ▸ New Scenario).", self.flare_row)
                return
            edit = E.RecordFlareUp(athlete=inj.athlete, date=pydate(self.flare_date.date()),
                                   note=self.flare_note.text())
            if not self._played_after_asked(edit):
                return
            self._want_onset = inj.onset
            if self._check(edit, self.rehab_error, self.flare_row):
                self.flare_note.setText("")  # not clear(): its Ctrl+Z brought the note back

    def _played_after_asked(self, edit) -> bool:
        """A flare-up dated before matches the log shows played, which it would put in rehab,
        is asked about first (:func:`played_after_question`). True: record it."""
        return self.confirm is None or played_after_question(
            self.season, edit, self.confirm, "record it on that day instead: the date beside "
                                             "Record flare-up")

    def record_test(self) -> None:
        inj = self.injury()
        name = self.test_name.currentText().strip()
        if inj is None or not self.dates_ok("Record test", self.test_date):
            return
        if not name or self.test_value.value() == NO_RESULT:
            self._refuse_rehab("Name the criteria test (one of the protocol's)." if not name
                               else "Type the test's result, then Record test.", self.test_row)
            return
        c = self.criterion()
        self._want_onset = inj.onset
        test = CriteriaTest(date=pydate(self.test_date.date()), name=name,
                            value=self.test_value.value(), unit=c.unit if c else "")
        if self._check(E.RecordCriteriaTest(athlete=inj.athlete, test=test), self.rehab_error,
                       self.test_row):
            self.test_value.setValue(NO_RESULT)  # a second test was recorded with this result
            from planner.criteria import uncounted_test_words

            if words := uncounted_test_words(self.season, inj.athlete, test):
                self._refuse_rehab(f"Recorded. {words}", self.test_row, "flag")


def played_after_question(season: Season, edit, confirm, fix: str) -> bool:
    """Ask ``confirm`` (title, text) -> bool before recording the flare-up ``edit`` when it
    lies before matches the log shows played that it would put in rehab (with the stage changes
    recorded after it kept or removed: the window asks which next); ``fix``: how to date it
    after them. Recorded at once, a flare-up back-dated before 9 matches played restarted a
    two-month rehab. True: record it (nothing to ask, or the coach said yes)."""
    from planner.progress import played_after_flare_words

    days = edit.played_after(season, either=True)
    if not days:
        return True
    words = played_after_flare_words(season, edit.athlete, edit.date, days, fix,
                                     "record it all the same")
    return confirm("Played after the flare-up?", f"{words[0].upper()}{words[1:]}.\n\nRecord "
                   f"the flare-up on {day_long(edit.date)} anyway?")
