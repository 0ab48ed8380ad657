"""The Move Today dialog (Season ▸ New Week, Season ▸ Move Today…, a new today in Season
Settings): what moving today records, before anything changes.

The stored plan's stage changes before the new today (``planner.progress.projected_transitions``)
are listed, one row each: ticked, the change happened on the date shown (editable: a typed date
or the calendar); unticked, it did **not** happen and the athlete stays in the stage (a stage with less than its
minimum left gets its maximum again from today, docs/semantics.md). A stage change needs the ones before it
of the same athlete: ticking one ticks its predecessors, unticking one unticks those after it,
and the dialog says so. Moving today back lists what then lies after it (kept: it counts again
once today passes it). "Import this week's sessions…" reads a log for the season as it will be
after the move; its sessions are added in the same undo step.

``edit()`` is one ``AdvanceToday`` edit (with the week's log, one ``EditGroup`` of the move and
the ``LogSessions``): one undo step. The dialog refuses OK while a date is not understood or the
edit would be refused, and says why.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner import logmerge
from planner.errors import PeriodizeError
from planner.history import starts_read_as_bench
from planner.progress import (
    PAIN_NAMED_DAYS,
    Transition,
    later_records,
    logged_while_away,
    next_week_start,
    pain_alert_lines,
    pending_flare_ups,
    projected_transitions,
)
from planner.rehab import FLARE_BACK, athlete_stage_on
from planner.season import FIT, Season
from planner.text import count, date_short, day_long, join_and, plural, season_past, stage_name_on
from planner.text import day as day_text
from planner.unlogged import (
    COUNTED_PLAYED,
    MATCH_NOT_PLAYED,
    empty_days,
    nothing_added_words,
    unlogged_athletes,
    unlogged_text,
)
from planner.validate import planning_start
from ui.desktop import wheelguard
from ui.desktop.datefield import EXAMPLES, DateField
from ui.desktop.interaction import default_interaction
from ui.desktop.macro import EditGroup
from ui.desktop.sessionimport import (
    AS_PROPOSED,
    ONLY_SQUAD,
    TAKE_MAX,
    LogReadError,
    OtherRowsDialog,
    new_alerts,
    new_proposals,
    read_log_taking,
    summary,
)
from ui.desktop.theme import ink

# where the days the move puts in the past are logged: not before it (they are after today)
LOG_AFTER_MOVE = ("import them here (Import this week's sessions…) or log them after the move "
                  "(Season ▸ Log Sessions), then re-plan (Plan ▸ Re-plan from Today, Ctrl+R)")

MAX_LATER = 12  # records listed when moving back; the rest are counted
MAX_PAIN_LINES = 5  # pain lines of a kind under the log's summary; the rest are counted
MAX_UNLOGGED = 4  # athletes named with nothing logged; the rest are counted
# a move forward by more than this many days, leaving stage changes unticked or days with
# nothing logged, is asked about before it is made (a week's move, the weekly loop, is not)
FAR_AHEAD = 21


def _stage_words(season, t, stage: str | None = None) -> str:
    """Transition ``t``'s stage (or ``stage``, the athlete's on ``t``'s date) in the words of
    the athlete's own protocol."""
    stage = t.stage if stage is None else stage
    return "full training" if stage == FIT else stage_name_on(season, t.athlete, stage, t.date)


TABLE_HEIGHT = 540  # the dialog's height with projected stage changes to tick
TABLE_ROWS = 5  # the stage changes kept in sight as a log's text grows (the dialog grows)


class _WrapCheckBox(QCheckBox):
    """A check box whose words wrap to the dialog's width (a QCheckBox's own text is one line:
    a flare-up's sentence made the dialog's contents wider than the dialog at 1280 x 720, cut
    mid-word with 'Next week' out of reach). ``row`` is what goes in the layout; ``text()``
    is the whole sentence, and a click on the words ticks the box as its own text would."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._words = text
        self.row = QWidget()
        lay = QHBoxLayout(self.row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.mousePressEvent = lambda _e: self.click_text()
        self._frame(False)
        lay.addWidget(self, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.label, 1)

    def _frame(self, focused: bool) -> None:
        """The focus shown on the words, highlighted: a style draws it around a check box's own
        text, and this one has none, so a box reached with Tab looked like none had the focus.
        (Colours only: a frame would change the words' width and wrap them anew.)"""
        role = QPalette.ColorRole
        self.label.setAutoFillBackground(focused)
        self.label.setBackgroundRole(role.Highlight if focused else role.Window)
        self.label.setForegroundRole(role.HighlightedText if focused else role.WindowText)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self._frame(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._frame(False)

    def text(self) -> str:  # noqa: D102 - the sentence beside the box
        return self._words

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt's name
        super().setToolTip(tip)
        self.label.setToolTip(tip)

    def click_text(self) -> None:
        if self.isEnabled():
            self.toggle()


class _ChangesTable(QTableWidget):
    """The stage changes to tick: asks for the height of its rows (a few at most), not Qt's
    default 192 px; a dialog with room to spare still gives it more (its stretch), while on a
    small screen one row no longer kept 190 px as the log's text below it had to scroll."""

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        rows = sum(self.rowHeight(r) for r in range(min(self.rowCount(), TABLE_ROWS)))
        hint.setHeight(max(self.minimumHeight(),
                           self.horizontalHeader().height() + rows + 2 * self.frameWidth()))
        return hint

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """On a row's "On" cell, typing (or F2, Enter) goes into its date field: the arrows
        reached the cell behind the field, and what was typed there changed nothing."""
        field = self.cellWidget(self.currentRow(), 2) if self.currentColumn() == 2 else None
        edit = event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        typed = event.text().isprintable() and event.text().strip() and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                 | Qt.KeyboardModifier.AltModifier))
        if isinstance(field, DateField) and (edit or typed):
            field.line.setFocus(Qt.FocusReason.OtherFocusReason)
            field.line.selectAll()
            if typed:
                QApplication.sendEvent(field.line, event)
            return
        super().keyPressEvent(event)


class AdvanceDialog(QDialog):
    """Move today to a new day and record (or not) the stage changes the plan projected."""

    def __init__(self, season: Season, today: dt.date, parent: QWidget | None = None,
                 choose_log: Callable[[], str | None] | None = None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Move Today")
        self.setAccessibleName("Move today")
        self.season = season
        self.old_today = planning_start(season)
        self.choose_log = choose_log
        self.moves: list[Transition] = []
        self.date_fields: list[DateField] = []
        self.log_path: str | None = None  # the log read for the new today (None: none, or unread)
        self.log_source: str | None = None  # the log the coach chose: re-read when today changes
        self.log_error = ""  # why it could not be read for the new today
        self.log_result = None
        self._log_said = ""  # the log's summary under its pain lines (_show_pains)
        self.log_kept = 0  # the log's athlete-days left out, already logged otherwise
        self.take_max = False  # athletes of the log with no max speed take its fastest
        self.as_proposed = False  # the log's names proposed as athletes are read as them
        self.only_squad = False  # the log's rows of players not in this squad are left out
        self.skip_bad = False  # the log's rows with problems are left out (Import the Other Rows)
        self.refusal: LogReadError | None = None  # why the log was not read, its rows named
        self.max_speeds = ()  # the edits that set them (planner.logmerge.MaxSpeeds.edits)
        self._ticked: set[tuple[str, dt.date]] = set()  # flare-ups ticked, kept across re-reads
        self._undid: dict[tuple[str, dt.date], list[int]] = {}  # rows a ticked flare-up unticked
        # what the coach set in a row (its date, ticked or not), kept when the new today changes
        # and the rows are listed again ("Next week" threw an edited date away)
        self._set: dict[tuple[str, str], dict] = {}
        self._flaring = False
        self.after: Season | None = None  # the edit applied (set when OK is accepted)
        self._syncing = False
        self._unlogged = False  # the days the move passes have nothing logged (_show_intro)
        self.interaction = default_interaction(self)  # the window's, when it opens the dialog
        self._build(note)
        self.set_today(today)
        self._opened_on = today
        self.today_field.setFocus()
        self.today_field.line.selectAll()  # a date typed at once replaces it ("Mon 10 Aug 202631 Aug")
        if not self.moves:  # nothing to tick: no half-empty 780 x 540 dialog
            self.resize(self.width(), max(240, self.sizeHint().height()))
        self._fit_screen()
        wheelguard.guard(self)  # the wheel scrolls, it does not change an unclicked field

    # -- layout ----------------------------------------------------------------------------
    def _build(self, note: str) -> None:
        cal = self.season.calendar
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.today_field = DateField("New today")
        self.today_field.setDateRange(cal.start, cal.end + dt.timedelta(days=1))
        self.next_week_button = QPushButton("&Next week")
        self.next_week_button.setToolTip("The first day of the week after the one shown: each "
                                         "click a week on")
        # never the default, not even with the focus on it: Enter there moved the date a week on
        # where the coach meant Move Today (Space or Alt+N press it)
        self.next_week_button.setAutoDefault(False)
        row = QHBoxLayout()
        new_today = QLabel("New &today:")  # Alt+T: the date field, as Alt+N and Alt+I the buttons
        new_today.setBuddy(self.today_field)
        row.addWidget(new_today)
        row.addWidget(self.today_field, 1)
        row.addWidget(self.next_week_button)
        self.table = _ChangesTable(0, 4)
        self.table.setAccessibleName("Projected stage changes")
        self.table.setHorizontalHeaderLabels(["Happened", "Stage change", "On", "Then"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Tab leaves the ticks for the rows' dates, in row order (_fill_table), not cell by cell
        # past the date fields
        self.table.setTabKeyNavigation(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # the stage change and what not doing it means share the width, each wrapped onto a
        # second line where it needs one (the last column was cut to "not don..." beside a long
        # stage name)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.rule_note = QLabel()
        self.rule_note.setWordWrap(True)
        self.rule_note.setAccessibleName("Why other rows changed")
        self.later = QLabel()
        self.later.setWordWrap(True)
        self.later.setAccessibleName("Kept after today")
        self.import_button = QPushButton("&Import this week's sessions…")
        self.import_button.setToolTip("Read a GPS or monitoring export (CSV or XLSX); its sessions "
                                      "are added with the move, in the same undo step")
        self.import_button.setEnabled(self.choose_log is not None)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.log_label.setAccessibleName("Sessions to add")
        self.leave_out_button = QPushButton("Leave the sessions out")
        self.leave_out_button.setToolTip("Move today without the sessions file chosen above "
                                         "(import it later with File ▸ Import Sessions)")
        self.leave_out_button.hide()
        self.take_max_button = QPushButton("Take the Fastest as Max Speed")
        self.take_max_button.setToolTip(TAKE_MAX)
        self.take_max_button.hide()
        self.as_proposed_button = QPushButton("Read as Proposed")
        self.as_proposed_button.setToolTip(AS_PROPOSED)
        self.as_proposed_button.hide()
        self.only_squad_button = QPushButton("Read Only This Squad")
        self.only_squad_button.setToolTip(ONLY_SQUAD)
        self.only_squad_button.hide()
        # the log refused for rows each named: the others read, those left out (as File ▸
        # Import Sessions offers it, in its dialog)
        self.other_rows_button = QPushButton("Import the Other Rows…")
        self.other_rows_button.setToolTip("The rows with problems left out, said with what the "
                                          "move adds; the file is left as it is")
        self.other_rows_button.hide()
        log_row = QHBoxLayout()
        log_row.addWidget(self.import_button)
        log_row.addWidget(self.leave_out_button)
        log_row.addWidget(self.take_max_button)
        log_row.addWidget(self.as_proposed_button)
        log_row.addWidget(self.only_squad_button)
        log_row.addWidget(self.other_rows_button)
        log_row.addWidget(self.log_label, 1)
        # the flare-ups the log's pain proposes, each to tick (none is recorded unless ticked)
        self.flare_boxes: list[tuple[QCheckBox, object]] = []
        self.flare_col = QVBoxLayout()
        self.flare_note = QLabel()
        self.flare_note.setWordWrap(True)
        self.flare_note.setAccessibleName("Stage changes unticked by a flare-up")
        self.flare_note.hide()
        # pains older than the week before today still propose a flare-up, not offered here:
        # said, so that they do not drop out of sight (the Log marks them, the Cover lists them)
        self.older_flares = QLabel()
        self.older_flares.setWordWrap(True)
        self.older_flares.setAccessibleName("Earlier flare-ups not offered")
        self.older_flares.hide()
        self.replan_box = QCheckBox("Re-plan from the new today (in the background), keeping the "
                                    "plan wherever changing it gains nothing")
        self.replan_box.setChecked(True)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ink('error')}")
        self.error.setAccessibleName("Problem")
        # beside OK: whose stage changes are all unticked (a coach who only pressed Move Today
        # kept three athletes a month behind, the rows' "not done" out of sight above)
        self.unticked_note = QLabel()
        self.unticked_note.setWordWrap(True)
        self.unticked_note.setAccessibleName("Athletes with nothing ticked")
        self.unticked_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.unticked_note.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Move Today")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        # everything but the buttons scrolls: on a small screen (1024 x 600) a long log or a
        # list of its problems was squeezed under its wrapped height, its rows out of reach
        body = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.table.setMinimumHeight(90)  # its header and a row or two, however long the text
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll, 1)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        self._body = lay
        for w in (self.intro, self.note):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addWidget(self.table, 100)
        lay.addWidget(self.later)
        lay.addLayout(log_row)
        lay.addLayout(self.flare_col)
        lay.addWidget(self.older_flares)
        lay.addWidget(self.replan_box)
        # the notes a tick shows, below every box: above the boxes they moved them 15-35 px under
        # the pointer (the next click, aimed at a flare-up's box, landed on a note); the table
        # keeps its height from the first tick (_hold_table), so they take the room below
        for w in (self.rule_note, self.flare_note, self.error):
            lay.addWidget(w)
        lay.addStretch(1)  # without stage changes to list, the rest stays together at the top
        self._tail = (lay, lay.count() - 1)  # no stretch while the table takes the room
        self._held = self._filling = False
        # the body as wide with the scroll bar as without: one appearing re-wrapped every text
        # above the boxes, and they moved
        self.scroll.verticalScrollBar().rangeChanged.connect(self._gutter)
        self._gutter(0, 0)
        # beside OK, out of the scrolled body: it was cut at the dialog's foot
        outer.addWidget(self.unticked_note)
        outer.addWidget(self.buttons)
        self.today_field.dateChanged.connect(lambda _q: self._today_changed())
        self.today_field.problemChanged.connect(lambda _t: self._today_changed())
        self.next_week_button.clicked.connect(self._next_week)
        self.table.itemChanged.connect(self._item_changed)
        self.import_button.clicked.connect(self.import_log)
        self.leave_out_button.clicked.connect(self.leave_log_out)
        self.take_max_button.clicked.connect(self.take_fastest_as_max)
        self.as_proposed_button.clicked.connect(self.read_as_proposed)
        self.only_squad_button.clicked.connect(self.read_only_squad)
        self.other_rows_button.clicked.connect(self.import_other_rows)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.resize(780, TABLE_HEIGHT)

    def has_draft(self) -> bool:
        """A tick or a date the coach set (a row's, a flare-up's, another today): what the
        question on Cancel names. A sessions file chosen is none: a file not read asked about
        "the ticks and dates set here" where none was set, and one read is read again."""
        today = self.today_field.value() if self.today_field.is_valid() else None
        return bool(self._set or self._ticked) or today != self._opened_on

    def reject(self) -> None:
        """Escape, Cancel or the window's close: with ticks or dates set, asked first (Escape
        to leave a row's date closed the dialog, the ticks gone)."""
        if self.has_draft() and self.interaction.choose(
                "Discard what you set?", "The ticks and dates set here are not recorded yet: "
                "today does not move. Discard them, or keep editing?",
                ("discard", "keepediting"), "keepediting") != "discard":
            return
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter in a date field confirms the date, not the dialog: it moved today, recorded the
        ticked stage changes and re-planned while the coach was typing a date. It takes the date
        and moves on to the next field, as Tab does (it did nothing a coach could see), past Next
        week (a second Return there moved the date typed a week on). Elsewhere
        (a tick, the table) Enter presses Move Today, the default button, as it is drawn; Alt+M
        presses it from anywhere."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None \
                and isinstance(focus.parentWidget(), DateField):
            event.accept()
            self.focusNextChild()
            if self.focusWidget() is self.next_week_button:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    # -- the new today -----------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.today_field.value()

    def _next_week(self) -> None:
        """The week after the one the field shows (each click a week on; it stayed on the same
        day once that was the week after today's), or after today's while the field is wrong."""
        shown = self.today_field.value() if self.today_field.is_valid() else None
        base = self.season if shown is None else self.season.model_copy(update={
            "calendar": self.season.calendar.model_copy(update={"today": shown})})
        self.set_today(min(next_week_start(base), self.today_field.maximumDate().toPython()))

    def set_today(self, day: dt.date) -> None:
        self.today_field.setDate(day)
        self._today_changed()

    def _today_changed(self) -> None:
        if not self.today_field.is_valid():
            # the summary would name the last date understood (typing "31/11" passes "31/1")
            self.intro.setText(f"<b>New today: {html.escape(self.today_field.problem())}</b>. "
                               f"Type a date ({EXAMPLES}) or pick it on the calendar.")
            self.table.setVisible(False)  # OK refuses the move until the text is a date
            # nor what the last date understood showed under it: "Nothing ticked for …" beside
            # OK named the athletes of a table no longer shown
            for note in (self.unticked_note, self.rule_note, self.later):
                note.setText("")
                note.setMinimumHeight(0)
                note.hide()
            self._choose_default()
            return
        today = self.today_field.value()
        self.moves = projected_transitions(self.season, today, self._logged_sessions())
        self._fill_table()
        if self.moves and self.height() < TABLE_HEIGHT:  # a table to tick appeared: room for it
            self.resize(self.width(), min(TABLE_HEIGHT, self._room()))
            self._keep_on_screen()
        lay, k = self._tail
        lay.setStretch(k, 0 if self.moves else 1)  # a note shown takes its room from the table
        self._show_intro(today)
        self._show_later(today)
        QTimer.singleShot(0, self._fit_height)
        # the rows left out were agreed for the other today: asked again for this one
        self.skip_bad = False
        if self.log_source and self._read_log(self.log_source):
            self.error.setText("")
        elif not self.log_source:
            self.error.setText("")
            self._offer_flare_ups(self._moved(), ())  # the pains logged already that propose one

    def _show_intro(self, today: dt.date) -> None:
        old = self.old_today
        days = (today - old).days
        if days > 0:
            move = f"forward {plural(days, 'day')}"
        elif days < 0:
            move = f"back {plural(-days, 'day')}"
        else:
            move = "nowhere: it is today already"
        text = (f"Today moves from <b>{day_long(old)}</b> to <b>{day_long(today)}</b> ({move}). "
                f"Days before today keep what happened: the logged sessions, else the plan.")
        past = season_past(self.season.calendar.model_copy(update={"today": today}), day_long)
        if past:  # as the command line's solve says it: nothing would be left to plan
            text = (f"<b>{html.escape(past[:1].upper() + past[1:], quote=False)}.</b> Move today back to a day "
                    f"of the season to plan the days after it. {text}")
        if self.moves:
            text += (" The stored plan projected these stage changes before the new today. "
                     "<b>Tick those that happened</b> (edit the date if it was another day); an "
                     "unticked change did <b>not</b> happen: the athlete stays in the stage (one "
                     "with less than its minimum left gets its maximum again from today).")
            short = [m for m in self.moves if m.short]
            if short:
                text += (f" {plural(len(short), 'change')} ⚠ {'is' if len(short) == 1 else 'are'}"
                         f" not borne out by the log (the stage's exit work was not logged as "
                         f"done), so {'it starts' if len(short) == 1 else 'they start'} unticked,"
                         f" with the changes after {'it' if len(short) == 1 else 'them'}: tick"
                         f" {'it' if len(short) == 1 else 'one'} if the physio says it was done.")
            waiting = [m for m in self.moves if m.waits_on]
            if waiting:
                text += (f" {plural(len(waiting), 'change')} ⚠ {'waits' if len(waiting) == 1 else 'wait'}"
                         f" on a criteria test not passed, so {'it starts' if len(waiting) == 1 else 'they start'}"
                         f" unticked, with the changes after {'it' if len(waiting) == 1 else 'them'}: tick"
                         f" what happened.")
        elif days > 0 and not self.note.text():
            text += (" No stage change was projected before it." if self.season.plan is not None
                     else " The season has no plan, so no stage change is projected.")
        sessions = self.log_result.sessions if self.log_result else ()
        gap = unlogged_text(self.season, today, sessions, how=LOG_AFTER_MOVE)
        self._unlogged = bool(gap)
        self._choose_default()
        if gap:
            text += f"<br><b>{html.escape(gap.split(':')[0])}</b>:{html.escape(gap.split(':', 1)[1])}"
            text += self._unlogged_names(today, sessions)
        self.intro.setText(text)
        self.table.setVisible(bool(self.moves))

    def _unlogged_names(self, today: dt.date, sessions) -> str:
        """Who has nothing logged, a few named and the rest counted, as a line of the intro: the
        count of athlete-days alone left a player missing the whole week unnamed."""
        who = unlogged_athletes(self.season, today, sessions)
        if not who:
            return ""
        rest = len(who) - MAX_UNLOGGED if len(who) > MAX_UNLOGGED + 1 else 0
        named = who[:len(who) - rest] + ([f"and {plural(rest, 'other')}"] if rest else [])
        # a match so named counts as played: what logging that it was not takes, once
        fix = f" {MATCH_NOT_PLAYED}" if any(COUNTED_PLAYED in x for x in named) else ""
        return f"<br>{html.escape('; '.join(named))}.{html.escape(fix)}"

    def _show_later(self, today: dt.date) -> None:
        later = later_records(self.season, today) if today < self.old_today else []
        if not later:
            self.later.setText("")
            self.later.hide()
            return
        lines = [x.text(self.season.athlete_label(x.athlete), day_text) for x in later[:MAX_LATER]]
        if len(later) > MAX_LATER:
            lines.append(f"… and {len(later) - MAX_LATER} more")
        self.later.setText("<b>Moving back:</b> these now lie after today and are <b>kept</b> "
                           "(they count again once today passes them):<br>" + "<br>".join(lines))
        self.later.show()

    # -- the table of stage changes -------------------------------------------------------------
    def _hold_table(self) -> None:
        """The coach ticks: the table keeps the height it has, and a note shown or hidden below
        the boxes takes its room from the space below them (the table's stretch gave it, and
        every box moved), so what the coach aims at stays where it is."""
        if self._held or self._filling or not self.isVisible():
            return
        self._held = True
        self.table.setFixedHeight(self.table.height())
        lay, k = self._tail
        lay.setStretch(k, 1)

    def _release_table(self) -> None:
        """Rows listed again (another new today): the table takes its room again."""
        self._held = False
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(16777215)

    def _gutter(self, _low: int, high: int) -> None:
        lay = self._body
        bar = self.scroll.verticalScrollBar()
        right = 0 if high > 0 else bar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent,
                                                          None, bar)
        if lay.contentsMargins().right() != right:
            lay.setContentsMargins(0, 0, right, 0)

    def _fill_table(self) -> None:
        self._release_table()
        self._undid = {}  # rows listed afresh: the flare-ups ticked untick theirs again (_offer_flare_ups)
        self._filling = True  # the ticks restored are no click of the coach's (_hold_table)
        try:
            self._fill_rows()
        finally:
            self._filling = False

    def _fill_rows(self) -> None:
        self._syncing = True
        self.table.setRowCount(len(self.moves))
        self._heights: dict[int, int] = {}  # each row's tallest height since listed
        self.unticked_note.setMinimumHeight(0)  # the note's room too (_refresh_status)
        self.unticked_note.hide()
        self.date_fields = []
        today = self.today_field.value()
        for i, t in enumerate(self.moves):
            who = QTableWidgetItem(self.season.athlete_label(t.athlete))
            who.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            # a change that waits on a criteria test not passed is not ticked for the coach: the
            # records would move the athlete on past the gate (RH-CRIT) with one click of OK
            # nor is one the log does not bear out (the stage's exit work logged short)
            earlier = any(m.athlete == t.athlete and (m.waits_on or m.short)
                          for m in self.moves[:i])
            happened = not t.waits_on and not t.short and not earlier
            who.setCheckState(Qt.CheckState.Checked if happened else Qt.CheckState.Unchecked)
            who.setToolTip("Ticked: it happened (recorded on the date shown). Unticked: it did "
                           "not happen; the athlete stays in the stage")
            self.table.setItem(i, 0, who)
            what = QTableWidgetItem(f"→ {_stage_words(self.season, t)}"
                                    + (" ⚠ waits on a test" if t.waits_on else "")
                                    + (" ⚠ not in the log" if t.short else "")
                                    + (" ⚠ after a pain" if t.pain is not None else ""))
            what.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tips = []
            if t.short:
                tips.append(f"Not borne out by the log: {t.short} Unticked: tick it if the physio "
                            f"says the stage was done (a session the log missed)")
            if t.waits_on:
                tips.append(f"Provisional: {', '.join(t.waits_on)} not passed (no passing "
                            f"result recorded). Unticked: tick it if the athlete passed, and "
                            f"record the result in the injury's tests")
            if t.pain is not None:
                tips.append(f"A pain of {t.pain.pain:g}/10 logged on {day_long(t.pain.date)} "
                            f"proposes a flare-up: the plan that projected this change did not "
                            f"know of it. If it was one, tick its box below (this change is then "
                            f"unticked)")
            if tips:
                what.setToolTip("\n".join(tips))
            self.table.setItem(i, 1, what)
            field = DateField(f"{self.season.athlete_label(t.athlete)}: {t.stage} on")
            field.setDateRange(self.season.calendar.start - dt.timedelta(days=366),
                               today - dt.timedelta(days=1))
            field.setDate(t.date)
            field.dateChanged.connect(lambda _q, i=i: self._date_set(i))
            self.date_fields.append(field)
            self.table.setCellWidget(i, 2, field)
            status = QTableWidgetItem()
            status.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(i, 3, status)
        self._syncing = False
        self.rule_note.setText("")
        self.rule_note.hide()
        self._restore_set(today)
        self._refresh_status()

    def _tab_chain(self) -> list[tuple[QWidget, int | None]]:
        """The dialog's controls top to bottom, as Tab walks them: each row's Happened box (the
        table at that row) then its date, the log's buttons, each flare-up's box, Re-plan,
        Move Today and Cancel; a stop is (widget, row), the row only for the table."""
        ok, cancel = (self.buttons.button(b) for b in (QDialogButtonBox.StandardButton.Ok,
                                                       QDialogButtonBox.StandardButton.Cancel))
        rows = [stop for i, f in enumerate(self.date_fields)
                for stop in ((self.table, i), (f.line, None))]
        return [(self.today_field.line, None), (self.next_week_button, None), *rows,
                *((w, None) for w in (self.import_button, self.leave_out_button,
                                      self.take_max_button, self.as_proposed_button,
                                      self.only_squad_button, self.other_rows_button,
                                      *(box for box, _p in self.flare_boxes), self.replan_box,
                                      ok, cancel))]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Tab and Shift+Tab walk ``_tab_chain`` round, every control shown once: Qt's own
        order never reached the boxes of the flare-ups a log proposes (added after the rest),
        so a coach on the keyboard could not tick one, and the table was one stop, so the
        second athlete's Happened box was passed by (Tab went from the first date to the
        second)."""
        chain = [(w, r) for w, r in self._tab_chain() if w.isVisibleTo(self) and w.isEnabled()]
        focus = self.focusWidget()
        here = (focus, self.table.currentRow() if focus is self.table else None)
        if here not in chain:
            return super().focusNextPrevChild(next)
        target, row = chain[(chain.index(here) + (1 if next else -1)) % len(chain)]
        if row is not None:
            self.table.setCurrentCell(row, 0)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        self.scroll.ensureWidgetVisible(target)
        return True

    def _date_set(self, i: int) -> None:
        if not self._syncing and self.date_fields[i].is_valid():
            t = self.moves[i]
            self._set.setdefault((t.athlete, t.stage), {})["date"] = self.date_fields[i].value()
        self._refresh_status()

    def _restore_set(self, today: dt.date) -> None:
        """The dates and ticks the coach set in rows listed again for another new today."""
        for i, t in enumerate(self.moves):
            mine = self._set.get((t.athlete, t.stage), {})
            if "date" in mine and mine["date"] < today:
                self._syncing = True
                self.date_fields[i].setDate(mine["date"])
                self._syncing = False
            if "ticked" in mine and mine["ticked"] != self.is_accepted(i):
                self._syncing = True  # as the coach left the athlete's rows, no cascade
                self.set_accepted(i, mine["ticked"])
                self._syncing = False

    def is_accepted(self, i: int) -> bool:
        return self.table.item(i, 0).checkState() == Qt.CheckState.Checked

    def set_accepted(self, i: int, on: bool) -> None:
        """Tick or untick row ``i`` as the coach's click does (predecessors follow)."""
        self.table.item(i, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_date(self, i: int, text: str | dt.date) -> bool:
        """Type a date into row ``i``; True when it is understood."""
        field = self.date_fields[i]
        if isinstance(text, dt.date):
            field.setDate(text)
            return True
        return field.set_text(text)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._syncing or item.column() != 0:
            return
        self._hold_table()
        i = item.row()
        on = self.is_accepted(i)
        t = self.moves[i]
        same = [j for j, m in enumerate(self.moves) if m.athlete == t.athlete]
        follow = [j for j in same if (j < i if on else j > i) and self.is_accepted(j) != on]
        self._syncing = True
        for j in follow:
            self.set_accepted(j, on)
        self._syncing = False
        if follow:
            names = join_and([_stage_words(self.season, self.moves[j]) for j in follow])
            who = self.season.athlete_label(t.athlete)
            self.rule_note.setText(
                f"A stage change needs the ones before it: {who} reaching "
                f"{_stage_words(self.season, t)} means {names} happened too (ticked)." if on else
                f"A stage change needs the ones before it: without {_stage_words(self.season, t)}, "
                f"{who} did not reach {names} either (unticked).")
        else:
            self.rule_note.setText("")
        self.rule_note.setVisible(bool(self.rule_note.text()))
        if not self._flaring:  # the coach's click: every row of the athlete as it now stands
            for j in same:
                m = self.moves[j]
                self._set.setdefault((m.athlete, m.stage), {})["ticked"] = self.is_accepted(j)
            # ... and the rows the click changed (the row and those that followed it) are the
            # coach's own from now on: unticking a flare-up gives none of them back
            touched = {i, *follow}
            for key, rows in self._undid.items():
                if key[0] == t.athlete:
                    self._undid[key] = [j for j in rows if j not in touched]
        self._refresh_status()

    def _refresh_status(self) -> None:
        """Each row's last column: recorded, or the stage the athlete stays in; and the log's
        pain lines, in the stages the ticks now give (:meth:`_show_pains`)."""
        self._show_pains()
        ticked = {(p.athlete, p.date) for box, p in self.flare_boxes if box.isChecked()}
        # each athlete's recorded stage, the one an unticked change leaves the athlete in
        held = {a: athlete_stage_on(self.season.injuries_of(a), self.old_today - dt.timedelta(days=1))
                for a in dict.fromkeys(t.athlete for t in self.moves)}
        staying = dict(held)  # ... moved on by each ticked row, for the rows after it
        for i, t in enumerate(self.moves):
            item = self.table.item(i, 3)
            if item is None:
                continue
            done = "happened: recorded on this day" + self._short_stage(i)
            flares = [f for a, f in ticked if a == t.athlete and f <= t.date]
            not_done = (f"not done: the flare-up of {day_text(max(flares))} sends the athlete "
                        f"back a stage" if flares else  # "stays in" would be untrue
                        f"not done: stays in {_stage_words(self.season, t, staying[t.athlete])}")
            if self.is_accepted(i):
                staying[t.athlete] = t.stage
            self._steady_height(i, item, done, not_done, done if self.is_accepted(i) else not_done)
        flared = {a for a, _f in ticked}  # the flare-up note says what happens to them
        none, part = [], []
        for a in dict.fromkeys(t.athlete for t in self.moves):
            rows = [i for i, t in enumerate(self.moves) if t.athlete == a]
            ticked = [i for i in rows if self.is_accepted(i)]
            if a in flared or len(ticked) == len(rows):
                continue
            if not ticked:
                none.append(a)
            else:  # ticking a change does not tick the ones after it: said, they may be out of sight
                left = [self.moves[i].stage for i in rows if not self.is_accepted(i)]
                part.append(f"{self.season.athlete_label(a)} stays in "
                            f"{_stage_words(self.season, self.moves[ticked[-1]])} "
                            f"({join_and(left)} not ticked)")
        lines = []
        if none:
            who = join_and([self.season.athlete_label(a) for a in none])
            # each athlete's recorded stage named: "the stages recorded before Mon 3 Aug" read as
            # if the records after that day were thrown away
            kept = (", ".join(f"{self.season.athlete(a).name} {held[a]}" for a in none)
                    if len(none) > 1 else held[none[0]])
            lines.append(f"<b>Nothing ticked for {html.escape(who)}</b>: Move Today keeps "
                         f"{'them in their' if len(none) > 1 else 'the athlete in the'} "
                         f"recorded stage{'s' if len(none) > 1 else ''} ({html.escape(kept)}).")
        if part:
            lines.append("<b>Partly ticked</b>: " + html.escape("; ".join(part)) + ".")
        if lines:
            lines.append("Tick the changes that happened.")
        note = self.unticked_note
        note.setText(" ".join(lines))
        if lines and note.isHidden():  # shown: its room is the table's
            note.show()
            QTimer.singleShot(0, self._fit_height)
        # once shown it keeps its room, empty when every change is ticked: hidden (or shorter),
        # its room went to the table above, and every box below moved under the pointer (the
        # next click, meant for a flare-up's tick, opened the sessions import)
        if not note.isHidden():
            # the note's own width once laid out (it sits above the buttons); before the dialog
            # shows, a narrow guess kept 7 lines of room for 2
            width = self.buttons.width() if self.isVisible() else 0
            tall = note.heightForWidth(width) if width > 0 else -1
            note.setMinimumHeight(max(note.minimumHeight(), tall))

    def _steady_height(self, i: int, item: QTableWidgetItem, *texts: str) -> None:
        """Row ``i`` as tall as the tallest of its texts (the last one is shown) and never
        shorter than it was since the rows were listed: a tick that changed a row's last column
        from one line to two (or another row's "stays in ...") moved every row below, so the
        next click landed on another athlete's row."""
        tallest = self._heights.get(i, 0)
        for text in texts:
            item.setText(text)
            self.table.resizeRowToContents(i)
            tallest = max(tallest, self.table.rowHeight(i))
        self._heights[i] = tallest
        self.table.setRowHeight(i, tallest)

    def _short_stage(self, i: int) -> str:
        """`` (P2 lasted 1 day; its minimum is 21)`` when the ticked change before row ``i`` of
        the same athlete makes its stage shorter than the protocol's minimum: what happened is
        recorded as it was, but a coach should see it (a slip of the date, most often)."""
        from planner.protocols import load_protocol
        from planner.rehab import governing

        t = self.moves[i]
        prev = [j for j in range(i) if self.moves[j].athlete == t.athlete and self.is_accepted(j)]
        if not prev or not self.date_fields[i].is_valid() or not self.date_fields[prev[-1]].is_valid():
            return ""
        j = prev[-1]
        start, end = self.date_fields[j].value(), self.date_fields[i].value()
        rec = governing(sorted(self.season.injuries_of(t.athlete), key=lambda r: r.onset), start)
        stage = self.moves[j].stage
        if rec is None or stage == FIT:
            return ""
        proto = load_protocol(rec.protocol)
        if stage not in proto.stage_ids:
            return ""
        days, least = (end - start).days, proto.stage(stage).min_days
        return f" ({stage} lasted {plural(days, 'day')}; its minimum is {least})" if 0 < days < least else ""

    def accepted(self) -> tuple[E.StageEntry, ...]:
        return tuple(E.StageEntry(athlete=t.athlete, stage=t.stage, date=self.date_fields[i].value())
                     for i, t in enumerate(self.moves) if self.is_accepted(i))

    # -- the week's log ----------------------------------------------------------------------
    def read_log_file(self, path: str, take_max: bool = False, as_proposed: bool = False,
                      only_squad: bool = False) -> bool:
        """Read ``path`` as if the coach had chosen it with Import (it is re-read when today
        changes). A flare-up ticked stays ticked while it is offered. The answers given to its
        questions before (Import Sessions, which opened Move Today with it) are read with it."""
        self.log_source = path
        # a new file: its questions are asked again, but those answered already
        self.take_max, self.as_proposed, self.only_squad = take_max, as_proposed, only_squad
        self.skip_bad = False
        return self._read_log(path)

    def leave_log_out(self) -> None:
        """Forget the sessions file chosen (one that cannot be read for this today, say): the
        move goes on without it."""
        self.log_source = self.log_path = self.log_result = None
        self.log_error = ""
        self.take_max, self.as_proposed, self.max_speeds = False, False, ()
        self.only_squad = self.skip_bad = False
        self._hide_questions()
        self.log_label.setText("")
        self.error.setText("")
        self._clear_flare_boxes()
        self.leave_out_button.hide()
        self._reread_moves()
        if self.today_field.is_valid():  # the pains logged already still propose theirs
            self._offer_flare_ups(self._moved(), ())
        self._choose_default()

    def _choose_default(self) -> None:
        """Return imports the week's sessions while the days the move passes have nothing
        logged and no file is chosen (a coach whose click missed the import, the layout moved
        by the stage changes above it, typed on and pressed Return: today moved with nothing
        imported); else Return is Move Today. While the new today is no date of the season,
        Move Today is the default and greyed: Return does nothing (it pressed Next week, or
        imported a week's sessions for a day the move cannot make)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        valid = self.today_field.is_valid()
        first = valid and self._unlogged and self.import_button.isEnabled() and not self.log_source
        self.import_button.setDefault(first)
        ok.setDefault(not first)
        ok.setEnabled(valid)

    def import_log(self) -> bool:
        path = self.choose_log() if self.choose_log is not None else None
        if not path:
            return False
        return self.read_log_file(path)

    def take_fastest_as_max(self) -> bool:
        """The log refused for athletes with no max speed read again, each taking the fastest
        it gives him (set with the move, in its undo step)."""
        self.take_max = True
        return self._read_log(self.log_source) if self.log_source else False

    def read_as_proposed(self) -> bool:
        """The log refused for names proposed as athletes read again, each as the athlete
        proposed (said in what it adds)."""
        self.as_proposed = True
        return self._read_log(self.log_source) if self.log_source else False

    def read_only_squad(self) -> bool:
        """The log refused for rows of players not in this squad read again without them
        (said in what it adds)."""
        self.only_squad = True
        return self._read_log(self.log_source) if self.log_source else False

    def import_other_rows(self) -> bool:
        """The log refused for problems each naming its row: File ▸ Import Sessions' question
        (:class:`OtherRowsDialog`); Import reads it again without those rows (said in what the
        move adds), Cancel leaves it refused (nothing added)."""
        if self.refusal is None or not self.log_source:
            return False
        if not self.interaction.ask_dialog(OtherRowsDialog(self, self.log_error, self.refusal)):
            return False
        self.skip_bad = True
        return self._read_log(self.log_source)

    def _hide_questions(self) -> None:
        for button in (self.take_max_button, self.as_proposed_button, self.only_squad_button,
                       self.other_rows_button):
            button.hide()
        self.refusal = None

    def _read_log(self, path: str) -> bool:
        """Read ``path`` for the season as it will be after the move; problems are listed and
        nothing is taken."""
        self._release_table()  # the log's text takes its room from the table again
        self.log_path, self.log_result = None, None
        self.log_source = self.log_source or path
        self.leave_out_button.show()
        self.log_label.setText("")
        if not self.today_field.is_valid():
            return False
        moved = self._moved()
        self.max_speeds = ()
        self._hide_questions()
        try:
            taken, result = read_log_taking(path, moved, in_move_today=True, take_max=self.take_max,
                                            as_proposed=self.as_proposed, only_squad=self.only_squad,
                                            skip_bad=self.skip_bad)
        except LogReadError as e:
            self._say_refusal(e)
            self._reread_moves()
            # a file not read changes nothing else: the pains logged already offer their
            # flare-ups, ticked as the coach left them (they went, and OK recorded neither the
            # flare-up nor the stage change its tick had unticked)
            self._offer_flare_ups(moved, ())
            QTimer.singleShot(0, self._fit_height)  # the list of problems: room for it
            return False
        self.error.setText("")
        self.log_error = ""
        # days already logged keep what is logged (nothing counted twice, nothing lost); File ▸
        # Import Sessions asks whether to replace them (planner/logmerge.py)
        found = logmerge.overlaps(self.season, result.sessions, result.already)
        kept = ""
        if found:
            result.sessions = list(logmerge.resolve(result.sessions, found, "skip").sessions)
            kept = (f"<br>{plural(len(found), 'athlete-day')} of the log already "
                    f"{'have' if len(found) != 1 else 'has'} other sessions logged: kept as "
                    f"logged, the log's sessions on them left out (File ▸ Import Sessions after "
                    f"the move asks whether to replace them).")
        self.log_path, self.log_result, self.max_speeds = path, result, taken.edits
        self.log_kept = len(found)
        # the pain first: after the summary and the columns read it sat below the fold of a
        # dialog at its first size, the one line a coach must not miss
        self._log_said = (("Adds " if result.sessions else "Nothing new in ")
                          # the rows counted once in one line: a line each pushed the
                          # flare-up to record below the fold
                          + html.escape(summary(result, path, short=True)).replace("\n", "<br>")
                          + "".join(f"<br>{html.escape(line)}." for line in
                                    [*taken.lines, *logged_while_away(moved, result.sessions),
                                     *starts_read_as_bench(moved, result.sessions)])
                          + kept)
        self._reread_moves()  # first: rows listed again are then unticked by the ticks kept
        self._offer_flare_ups(moved, result.sessions)
        self._show_pains()
        self._show_intro(self.today_field.value())  # the days the log fills are logged now
        QTimer.singleShot(0, self._fit_height)
        return True

    def _say_refusal(self, e: LogReadError) -> None:
        """Why the log was not read, with its questions as buttons: those with an answer that
        reads it again first; when none is left and each problem names its row, Import the
        Other N Rows (File ▸ Import Sessions' offer)."""
        self.log_error = str(e)
        self.error.setText(f"The sessions were not read:\n{e}"
                           + (f"\n\n{ONLY_SQUAD}" if e.others else "")
                           + (f"\n\n{TAKE_MAX}" if e.no_max else "")
                           + (f"\n\n{AS_PROPOSED}" if e.proposed else ""))
        self.only_squad_button.setVisible(bool(e.others))
        self.take_max_button.setVisible(bool(e.no_max))
        self.as_proposed_button.setVisible(bool(e.proposed))
        others = e.offered_rows() if not (e.others or e.no_max or e.proposed) else 0
        self.refusal = e if others else None
        self.other_rows_button.setText(f"Import the Other {count(others, 'Row')}…")
        self.other_rows_button.setVisible(bool(others))

    def _reread_moves(self) -> None:
        """The stage changes read again against the log as it now is (read, left out, or not
        readable): a change marked "not in the log" by a log left out stayed unticked, and OK
        dropped a change nothing argued against any more."""
        if not self.today_field.is_valid():
            return
        moves = projected_transitions(self.season, self.today_field.value(), self._logged_sessions())
        if [(m.short, m.pain) for m in moves] != [(m.short, m.pain) for m in self.moves]:
            self.moves = moves
            self._fill_table()
            self._show_intro(self.today_field.value())

    def _moved(self) -> Season:
        """The season with the new today (the field's date, understood)."""
        return self.season.model_copy(update={"calendar": self.season.calendar.model_copy(
            update={"today": self.today_field.value()})})

    def _logged_sessions(self):
        """The season's sessions with the log read for the new today (None: no log read)."""
        if self.log_result is None or not self.log_result.sessions:
            return None
        return self.season.sessions + tuple(self.log_result.sessions)

    def _fit_height(self) -> None:
        """Without a table to tick, the dialog grows to its text (the log read, the flare-ups
        it proposes): at its first height the days left unlogged and the columns read were cut
        off until the coach maximised it. At most the screen's height."""
        if not self.isVisible():
            return
        room = self._room()
        lay = self._body
        width = self.scroll.viewport().width()
        need = (lay.totalHeightForWidth(width) if lay.hasHeightForWidth()
                else lay.totalSizeHint().height())
        # and the text its wrapped height (squeezed under it, the intro lost its last line,
        # "... have nothing logged: they", and the log's text its last three): what the screen
        # cannot hold scrolls, Move Today and Cancel in sight below
        need += self.height() - self.scroll.viewport().height()
        if need > self.height() and self.height() < room:
            self.resize(self.width(), min(need, room))
        self._keep_on_screen()

    def _room(self) -> int:
        """The dialog's greatest height: the screen's, less its title bar and some margin."""
        return self.screen().availableGeometry().height() - 60

    def _fit_screen(self) -> None:
        """The dialog made no larger than the screen's room (:meth:`_room`): it opened 780 x 540
        on a 1366 x 768 screen at 150 % (910 x 512), Move Today and Cancel below the screen's
        foot; what does not fit scrolls above the buttons."""
        screen = self.screen()
        if screen is None:
            return
        width = min(self.width(), screen.availableGeometry().width() - 20)
        height = min(self.height(), self._room())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._fit_screen()  # it may open on another screen than it was built for
        super().showEvent(event)
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """A dialog grown below the screen's edge is moved up (at 1280 x 720 and 125 % its title
        bar went above the screen once the log was read, and it could not be dragged)."""
        if not self.isVisible():
            return
        geo, frame = self.screen().availableGeometry(), self.frameGeometry()
        top = max(geo.top(), min(frame.top(), geo.bottom() + 1 - frame.height()))
        if top != frame.top():
            self.move(self.x(), self.y() + top - frame.top())

    # -- flare-ups the log proposes ------------------------------------------------------------
    def _clear_flare_boxes(self) -> None:
        for box, _p in self.flare_boxes:
            box.blockSignals(True)  # the ticks are kept in _ticked for the boxes that follow
            self.flare_col.removeWidget(box.row)
            box.row.deleteLater()
        self.flare_boxes = []
        self.flare_note.hide()
        self.older_flares.hide()

    def _offer_flare_ups(self, moved: Season, sessions) -> None:
        """The flare-ups to tick listed again for the log as it now is (read, left out, or not
        readable): a tick the coach gave one still offered is kept, with the stage changes it
        unticked; one no longer offered gives them back, as unticking it would (its tick is
        remembered: a today typed a digit at a time passes days that do not offer it)."""
        self._clear_flare_boxes()
        self._add_flare_boxes(moved, sessions)
        offered = {(p.athlete, p.date) for _box, p in self.flare_boxes}
        for key in self._ticked - offered:
            self._flare_rows(key, False)
            self._ticked.add(key)
        self._refresh_status()
        self._show_flare_note()

    def _add_flare_boxes(self, moved: Season, sessions) -> None:
        """A box for each flare-up the log being read proposes, and for each pain logged
        already (the log panel) since a week before the old today that proposes one not
        recorded: the move records what happened, and the dialog is where the coach says so."""
        props = []
        if sessions:
            try:
                props = new_proposals(moved, E.LogSessions(sessions=tuple(sessions)).apply(moved))
            except PeriodizeError:
                pass
        have = {(p.athlete, p.date) for p in props}
        offered, older = pending_flare_ups(moved, self.old_today, self.today())
        props += [p for p in offered if (p.athlete, p.date) not in have]
        older = [p for p in older if (p.athlete, p.date) not in have]
        self._say_older_pains(moved, older)
        for p in sorted(props, key=lambda p: (p.date, p.athlete)):
            box = _WrapCheckBox(f"⚑ Record the flare-up: {p.text(moved)}")
            box.setAccessibleName(f"Record the flare-up of {p.athlete} on {p.date.isoformat()}")
            box.setToolTip("Ticked, the flare-up is recorded with the move (one undo step): from "
                           f"that day {FLARE_BACK}; unticked, nothing changes")
            box.toggled.connect(lambda on, prop=p: self._flare_toggled(prop, on))
            self.flare_col.addWidget(box.row)
            self.flare_boxes.append((box, p))
            if (p.athlete, p.date) in self._ticked:  # ticked before today changed: still ticked
                self._filling = True
                try:
                    box.setChecked(True)
                finally:
                    self._filling = False

    def _say_older_pains(self, moved: Season, older: list) -> None:
        """The pains of more than a week before today that propose a flare-up not recorded:
        those of the last four weeks named, the ones before counted (a pain of August was named
        again at every Move Today through April)."""
        self.older_flares.setVisible(bool(older))
        if not older:
            return
        since = self.today() - dt.timedelta(days=PAIN_NAMED_DAYS)
        named = [p for p in older if p.date >= since]
        days = ", ".join(f"{moved.athlete_label(p.athlete)} {date_short(p.date)}"
                         for p in named[:4]) + (f" and {len(named) - 4} more" if len(named) > 4 else "")
        if gone := len(older) - len(named):
            where = "older than four weeks: Season ▸ Log Sessions"
            days = (f"{days}, and {gone} {where}" if named
                    else f"{'all ' if gone > 1 else ''}{where}")
        self.older_flares.setText(
            f"Not offered here, more than a week before today: {plural(len(older), 'pain')} "
            f"that {'proposes' if len(older) == 1 else 'propose'} a flare-up not recorded "
            f"({days}). Record one from the board (right-click the day ▸ Record flare-up) if "
            f"it was one; the Log marks them ⚑.")

    def _flare_toggled(self, prop, on: bool) -> None:
        """A flare-up ticked: the athlete's projected stage changes from its date on did not
        happen as projected (the flare-up sends the athlete back), so they are unticked; unticked
        again, they are ticked back."""
        self._hold_table()
        self._flaring = True  # the rows it ticks or unticks are not the coach's own setting
        try:
            self._flare_rows((prop.athlete, prop.date), on)
        finally:
            self._flaring = False
        self._refresh_status()
        self._show_flare_note()

    def _flare_rows(self, key: tuple[str, dt.date], on: bool) -> None:
        athlete, date = key
        if not on:
            self._ticked.discard(key)
            for i in self._undid.pop(key, []):
                before = [j for j in range(i) if self.moves[j].athlete == athlete]
                if all(self.is_accepted(j) for j in before):  # else ticking it would tick
                    self.set_accepted(i, True)                # rows before it the coach unticked
            return
        self._ticked.add(key)
        undone = []
        for i, t in enumerate(self.moves):
            if t.athlete == athlete and self.is_accepted(i) and self.date_fields[i].is_valid() \
                    and self.date_fields[i].value() >= date:
                undone.append(i)
        for i in undone:
            if self.is_accepted(i):  # (unticking one may have unticked the later ones)
                self.set_accepted(i, False)
        # ticked again as the offers are listed again, the rows it unticked before stay its own
        self._undid[key] = sorted({*self._undid.get(key, ()), *undone})

    def _show_flare_note(self) -> None:
        """What the ticked flare-ups change besides themselves: projected changes unticked, and a
        stage change already recorded on a flare-up's date that it undoes (rules-spec.md 6)."""
        lines = []
        for box, p in self.flare_boxes:
            if not box.isChecked():
                continue
            who = self.season.athlete_label(p.athlete)
            rows = self._undid.get((p.athlete, p.date), [])
            if rows:
                lines.append(f"{who}: unticked {join_and([self.moves[i].stage for i in rows])} "
                             f"from {day_long(p.date)} on: the flare-up sends the athlete back.")
            undoes = E.RecordFlareUp(athlete=p.athlete, date=p.date).undoes(self.season)
            if undoes:
                lines.append(f"{who}: the flare-up on {day_long(p.date)} {undoes}.")
            recorded = E.RecordFlareUp(athlete=p.athlete, date=p.date).later_records(self.season)
            if recorded:
                lines.append(f"{who}: the stage changes recorded after {day_long(p.date)} "
                             f"({recorded}) are removed: the flare-up sends the athlete back, "
                             f"and the plan projects them again.")
            close = self._flare_within_week(p)
            if close is not None:
                lines.append(f"{who}: the flare-up on {day_long(p.date)} follows the one on "
                             f"{day_long(close)} within 7 days: a second flare-up, two stages "
                             f"back; if the two pains were one flare-up, tick only the first.")
        self.flare_note.setText("\n".join(lines))
        self.flare_note.setVisible(bool(lines))

    def _flare_within_week(self, p) -> dt.date | None:
        """The latest flare-up under the same injury record, recorded or ticked here, in the 7
        days before ``p``'s: with it, ``p``'s counts as a second one (rules-spec.md section 6,
        planner.rehab.flare_steps), which a coach ticking every painful day "to be safe" would
        not mean."""
        from planner.rehab import flare_steps, governing

        records = self.season.injuries_of(p.athlete)
        rec = governing(records, p.date)
        if rec is None:
            return None
        days = set(rec.flare_ups) | {q.date for box, q in self.flare_boxes if box.isChecked()
                                     and q.athlete == p.athlete and governing(records, q.date) is rec}
        before = [d for d in days if d < p.date]
        return max(before) if flare_steps(before, p.date) == 2 else None

    def flare_ups(self) -> list[E.RecordFlareUp]:
        # as the projected changes after it are unticked, those recorded after it go
        sessions = (*self.season.sessions, *(self.log_result.sessions if self.log_result else ()))
        return [E.RecordFlareUp(athlete=p.athlete, date=p.date, note=p.note(sessions), later="drop")
                for box, p in self.flare_boxes if box.isChecked()]

    def _show_pains(self) -> None:
        """The log's text: its pain lines first, in the stages the ticked changes and
        flare-ups give the athletes (a pain of Thu 22 Oct read "in P1" with → P2 of Tue 20 Oct
        ticked, where `check` says "in P2" after the move), then what it adds."""
        if self.log_result is None or not self.today_field.is_valid():
            return
        moved = self._moved()
        try:  # as OK records them; a tick OK would refuse (a date out of order) reads none
            if not all(f.is_valid() for f in self.date_fields):
                raise PeriodizeError("a date not understood")
            moved = E.AdvanceToday(today=moved.calendar.today, accepted=self.accepted()).apply(
                self.season)
        except PeriodizeError:
            pass
        self.log_label.setText(self._pain_lines(moved, self.log_result.sessions, self.flare_ups())
                               + self._log_said)

    @staticmethod
    def _pain_lines(moved: Season, sessions, flares=()) -> str:
        """The pains the log brings that are listed (a fit athlete's, one just below a protocol's
        flare-up threshold: :func:`new_alerts`), as the command line prints them (the flare-ups
        the log's pain proposes are boxes to tick, below): the coach reads them before moving on.
        ``moved``: the season moved, with the stage changes ticked; ``flares``: those ticked."""
        if not sessions:
            return ""
        try:
            added = E.LogSessions(sessions=tuple(sessions)).apply(moved)
        except PeriodizeError:
            return ""  # refused when Move Today applies it, with the reason
        for f in flares:
            try:
                added = f.apply(added)
            except PeriodizeError:
                pass
        alerts = new_alerts(moved, added)
        # what to do said once a kind; the dialog stays on the screen, the Log panel has all
        lines = pain_alert_lines(added, alerts, "⚠ Pain: ", MAX_PAIN_LINES, " (⚠ in the Log panel)")
        return "".join(f"<b>{html.escape(x)}</b><br>" for x in lines)

    # -- OK ----------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        out = [f"{f.accessibleName()}: {f.problem()}" for f in [self.today_field] + self.date_fields
               if not f.is_valid()]
        if out:
            return out
        today = self.today_field.value()
        if today == self.old_today:
            return [f"Today is {day_long(today)} already; choose another day."]
        if self.log_source and self.log_path is None:  # chosen, but not read for this today
            said = self.log_error.rstrip()
            return [f"The week's sessions were not read for {day_long(today)}: {said}"
                    f"{'' if said.endswith('.') else '.'} Choose another new today, import the "
                    f"sessions again, or leave them out."]
        if self.log_result is not None and not self.log_result.sessions and empty_days(
                self.season, today):  # the week before's log read again: nothing of this week
            return [nothing_added_words(
                Path(self.log_path).name, self.log_result,
                "Today has not moved. Import this week's sessions, or leave them out (Leave the "
                "sessions out) to count the days as planned.", self.log_kept)]
        last: dict[str, E.StageEntry] = {}
        for e in self.accepted():
            who = self.season.athlete_label(e.athlete)
            if e.date >= today:
                out.append(f"{who}: {e.stage} on {day_long(e.date)} is not before the new today; "
                           f"a change recorded now happened before it")
            prev = last.get(e.athlete)
            if prev is not None and e.date <= prev.date:
                out.append(f"{who}: {e.stage} on {day_long(e.date)} is not after {prev.stage} on "
                           f"{day_long(prev.date)}; put the stage changes in their order")
            last[e.athlete] = e
        for f in self.flare_ups():
            later = [e for e in self.accepted() if e.athlete == f.athlete and e.date >= f.date]
            if later:
                out.append(f"{self.season.athlete_label(f.athlete)}: the stage change to "
                           f"{later[0].stage} on {day_long(later[0].date)} comes after the flare-up "
                           f"on {day_long(f.date)} you record; untick one of them")
        return out

    def edit(self):
        """The move (the week's log and the flare-ups ticked) as one edit: one undo step."""
        move = E.AdvanceToday(today=self.today_field.value(), accepted=self.accepted())
        sessions = tuple(self.log_result.sessions) if self.log_result is not None else ()
        flares = self.flare_ups()
        if not sessions and not flares:
            return move
        text = move.describe(self.season)
        if sessions:
            text += f", {plural(len(sessions), 'session')} logged"
        if flares:
            text += f", {plural(len(flares), 'flare-up')} recorded"
            undone = [u for f in flares if (u := f.undoes(self.season))]
            text += f" ({'; '.join(undone)})" if undone else ""
        logged = [*self.max_speeds, E.LogSessions(sessions=sessions)] if sessions else []
        if sessions and self.max_speeds:
            text += f", {plural(len(self.max_speeds), 'max speed')} taken from the log"
        return EditGroup([move, *logged, *flares], text)

    def _passed_over_confirmed(self) -> bool:
        """No ticked stage change passes over what holds the athlete (a failed test, the stage's
        minimum days or exit work), or the coach records it anyway."""
        from planner.returns import passed_over_all, passed_over_question

        overs = passed_over_all(self.season, self.accepted(), E.RecordStage)
        return not overs or self.interaction.confirm(*passed_over_question(overs))

    def far_ahead_question(self) -> str:
        """The question asked before a move of more than three weeks forward that leaves stage
        changes the plan projected unticked or days with nothing logged ("" when none is asked):
        one click on Move Today with nothing ticked moved a season 30 weeks on, three rehab
        players planned as stuck in their stages for 7 months and 174 days left unlogged."""
        today = self.today_field.value()
        days = (today - self.old_today).days
        if days <= FAR_AHEAD:
            return ""
        flared = {p.athlete for box, p in self.flare_boxes if box.isChecked()}
        unticked = sum(1 for i, t in enumerate(self.moves)
                       if not self.is_accepted(i) and t.athlete not in flared)
        sessions = self.log_result.sessions if self.log_result else ()
        empty = empty_days(self.season, today, sessions)
        if not unticked and not empty:
            return ""
        weeks, rest = divmod(days, 7)
        span = plural(weeks, "week") + (f" and {plural(rest, 'day')}" if rest else "")
        text = f"Move today {span} on, to {day_long(today)}?"
        if unticked:
            text += (f"\n\n{plural(unticked, 'stage change')} the plan projected "
                     f"{'is' if unticked == 1 else 'are'} not ticked: those athletes stay in "
                     f"their recorded stages all that time.")
        if empty:
            text += (f"\n\n{plural(empty, 'training and match day')} with nothing logged: "
                     f"they count as planned.")
        return text + ("\n\nMove today, or Cancel to tick what happened or import the "
                       "sessions first?")

    def _check(self) -> None:
        """OK closes only when the move can be made; the reason stays in the dialog. A stage
        change ticked over a failed test (or before the stage held is done) is asked about
        first, as the injuries editor asks (planner.returns.passed_over); so is a move far
        ahead that leaves changes unticked or days with nothing logged."""
        problems = self.problems()
        if not problems and not self._passed_over_confirmed():
            self.error.setText("Nothing recorded yet: untick the stage change (or date it "
                               "later), then OK.")
            return
        if not problems and (question := self.far_ahead_question()) and self.interaction.choose(
                "Move today far ahead?", question, ("movetoday", "cancel"), "cancel") != "movetoday":
            self.error.setText("Today has not moved: tick the stage changes that happened, "
                               "import the sessions, or choose a nearer day.")
            return
        if not problems:
            edit = self.edit()
            try:
                self.after = edit.apply(self.season)
            except PeriodizeError as e:
                problems = [str(e)]
        if problems:
            self.error.setText("\n".join(problems))
            return
        self.accept()
