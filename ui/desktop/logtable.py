"""The session log table: one week at a glance, athletes as rows and the week's days as
columns, typed like a spreadsheet.

A cell shows the athlete-day's logged sessions compactly (``75′ 6 95% m90 p3``: minutes, RPE,
top speed, minutes played, pain; ``ui.desktop.logcells`` reads and writes that text), or, not
logged, the planned level greyed (``(90 %)``, ``(S1 70 %)``, ``(match)``). Days after today are
shaded and cannot be typed into (a session is logged once it happened; the message says so).
A pain that proposes a flare-up shades the cell red and marks it ``⚑``; a pain listed
(``planner.progress.listed_pains``: the same pain of an athlete not in rehab, or one just below
the protocol's flare-up threshold) marks it ``⚠``; a top speed above the
rehab stage's cap (``planner.progress.above_stage``), or minutes played in a match while the
records hold the athlete in rehab (``planner.progress.played_in_rehab``), marks it ``▲``, its
tooltip says so.

Keys: typing starts an entry, Enter moves down and Tab right (as in a spreadsheet), F2 edits
the cell's text, Delete clears the selected days, Ctrl+D copies the cell above into the
selection (or the selection's top row into the rows under it), Ctrl+Shift+A fills the
selected empty days as planned (not the days soon after a pain marked ⚑ or ⚠: they are left
empty, the athletes named), Ctrl+C / Ctrl+V copy and paste cells (tab-separated, as a
spreadsheet does).

The table never changes the season: every entry is one ``planner.edits.LogSessions`` edit
(``edit_requested``): a typed cell, or a whole batch (a clear, a copy-down, an as-planned fill,
a paste): one undo step. A problem is said above the table, in the typing hint's place, naming
the athlete and the day, and nothing changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from planner import edits as E
from planner.history import START_MINUTES, au, played_as_planned, start_minutes
from planner.loadtable import LoadTable
from planner.progress import ABOVE_STAGE_ADVICE
from planner.season import FIT, PLAY_LEVEL, PLAYED_LEVELS, Athlete, Season, Session
from planner.sessionlog import competition_days
from planner.squad import display_order
from planner.text import day as day_text
from planner.text import day_long, number, plural, span
from planner.timeline import Timeline
from planner.validate import planning_start
from ui.desktop.logcells import (
    HINT,
    HINT_LINE,
    CellError,
    display_text,
    edit_text,
    keep_top_speed,
    parse_cell,
    words,
)
from ui.desktop.pastview import (
    ABOVE_MARK,
    above_stage,
    alerts,
    otherwise_text,
    played_in_rehab,
    played_in_rehab_words,
    proposals,
)
from ui.desktop.theme import ink

MATCH_SESSION = {"match": (95.0, 8.0), "bench": (30.0, 7.0)}  # a played match day's session
FUTURE_BG = QColor(0, 0, 0, 14)
FLARE_BG = QColor("#ffcdd2")
FLARE_TEXT = QColor("#3e2723")
DIM = QColor("#8a8a8a")


def default_week(season: Season, tl: Timeline | None = None) -> int:
    """The week before the one holding today (after New Week: the week just lived); the first
    week when today is in it; the last week when today is past the season's end (the week
    before today is then the season's last, the one logged last)."""
    tl = tl or Timeline(season)
    i = (planning_start(season) - season.calendar.start).days
    if i >= tl.n:
        return tl.week_of[tl.n - 1]
    return max(0, tl.week_of[max(0, i)] - 1)


class LogModel(QAbstractTableModel):
    """One week of the log: a row per athlete (the board's order), a column per day of the week
    and a last column with the week's load."""

    edit_requested = Signal(object)  # a planner.edits.LogSessions
    problem = Signal(str)
    lost = Signal(str)  # what was typed is not logged (the editor closed on it): kept in sight
    note = Signal(str)  # logged, but part of it is not used (minutes played on a day off matches)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.season: Season | None = None
        self.tl: Timeline | None = None
        self.edited_own_text = False  # set by the editor while the cell's own text, edited, commits
        self.loads: LoadTable | None = None  # the season's: the match session m90 alone logs
        self.match_days: frozenset[dt.date] = frozenset()  # the days m90 alone may be logged
        self.week = 0
        self.athletes: list[Athlete] = []
        self.days: list[int] = []  # day indexes of the week
        self.cells: dict[tuple[str, int], tuple[Session, ...]] = {}
        self.last_loggable = -1  # the last day index that may be logged (today)
        self._lived = None  # (season, the plan as lived): worked out on first use

    # -- the season and the week ---------------------------------------------------------
    def set_season(self, season: Season | None, week: int | None = None) -> None:
        before = ([a.id for a in self.athletes], list(self.days))
        self.season = season
        self.tl = Timeline(season) if season is not None else None
        self.loads = LoadTable.of_season(season) if season is not None else None
        self.match_days = (frozenset(competition_days(season.competitions)) if season is not None
                           else frozenset())
        self._lived = None  # (season, the plan as lived): worked out on first use
        if self.tl is not None:
            self.week = max(0, min(len(self.tl.weeks) - 1, self.week if week is None else week))
        self._fill()
        if ([a.id for a in self.athletes], self.days) != before:
            self.beginResetModel()
            self.endResetModel()
        elif self.athletes and self.days:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.athletes) - 1, len(self.days)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.days))

    def _fill(self) -> None:
        season, tl = self.season, self.tl
        if season is None or tl is None:
            self.athletes, self.days, self.cells = [], [], {}
            return
        self.athletes = display_order(season)
        self.days = list(tl.weeks[self.week].days)
        first, last = tl.days[self.days[0]], tl.days[self.days[-1]]
        cells: dict[tuple[str, int], list[Session]] = {}
        for s in season.sessions:
            if first <= s.date <= last:
                cells.setdefault((s.athlete, (s.date - tl.start).days), []).append(s)
        self.cells = {k: tuple(v) for k, v in cells.items()}
        self.last_loggable = (planning_start(season) - tl.start).days

    # -- cells -----------------------------------------------------------------------------
    def cell(self, index: QModelIndex) -> tuple[Athlete, int] | None:
        """The (athlete, day index) of a day cell (None for the week column)."""
        if not index.isValid() or index.column() >= len(self.days):
            return None
        return self.athletes[index.row()], self.days[index.column()]

    def sessions(self, athlete: str, d: int) -> tuple[Session, ...]:
        return self.cells.get((athlete, d), ())

    def loggable(self, d: int) -> bool:
        return d <= self.last_loggable

    def why_not(self, d: int) -> str:
        """Why the day cannot be logged ("" when it can)."""
        if self.loggable(d) or self.season is None:
            return ""
        today = planning_start(self.season)
        return (f"{day_long(self.tl.days[d])} is after today ({day_long(today)}): a session is "
                f"logged once it happened. Move today on first: Season ▸ New Week.")

    def lived_plan(self):
        """The stored plan with its days before today as they count (``planner.history.as_lived``):
        a stage change the plan projected but nobody recorded did not happen, so a day "as
        planned" (today's too) is the recorded stage's session, not the projected one (until the
        re-plan)."""
        season = self.season
        if season is None or season.plan is None:
            return None
        if self._lived is None or self._lived[0] is not season:
            from planner.history import as_lived

            self._lived = (season, as_lived(season, season.plan, self.tl, stages=True,
                                                 today=True))
        return self._lived[1]

    def planned_text(self, athlete: str, d: int) -> str:
        """The plan's level for a day not logged, as the greyed cell shows it (the past under
        its recorded stage)."""
        plan = self.lived_plan()
        ap = plan.for_athlete(athlete) if plan is not None else None
        if ap is None or len(ap.intensity) <= d:
            return ""
        lv, st = ap.intensity[d], ap.stages[d]
        if d in self.tl.unavailable(athlete):  # whatever an older plan said
            return "(away)"
        if self.tl.is_comp[d] and st == FIT and lv in PLAYED_LEVELS:
            return "(match)" if lv == PLAY_LEVEL["start"] else "(bench)"
        if lv:
            return f"({lv} %)" if st == FIT else f"({st} {lv} %)"
        # no running is not always rest: a training day holds a recovery session for a fit
        # athlete and a rehab session in a stage (rules-spec.md section 8 prices both)
        session = st != "INJ" and self.tl.trains(d, st == FIT, played=False)
        if st == FIT:
            return "(recovery)" if session else "(rest)"
        return f"({st} session)" if session else f"({st} rest)"

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.athletes)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        if (parent is not None and parent.isValid()) or not self.days:
            return 0
        return len(self.days) + 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        cell = self.cell(index)
        if cell is not None and self.loggable(cell[1]):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.season is None:
            return None
        a = self.athletes[index.row()]
        if index.column() == len(self.days):
            return self._week_data(a, role)
        d = self.days[index.column()]
        ss = self.sessions(a.id, d)
        if role == Qt.ItemDataRole.DisplayRole:
            text = display_text(ss, a) if ss else self.planned_text(a.id, d)
            if ss and self._proposal(a.id, d):
                return "⚑ " + text
            if ss and self._alert(a.id, d):
                return "⚠ " + text
            marked = ss and self._marked(a.id, d)
            return (f"{ABOVE_MARK} " + text) if marked else text
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(ss)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not ss:
                return QBrush(DIM)
            return QBrush(FLARE_TEXT) if self._proposal(a.id, d) else None  # dark on its red
        if role == Qt.ItemDataRole.FontRole and not ss:
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole:
            if ss and self._proposal(a.id, d):
                return QBrush(FLARE_BG)
            return None if self.loggable(d) else QBrush(FUTURE_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(a, d)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tooltip(a, d).replace("\n", "; ")
        return None

    def _week_data(self, a: Athlete, role: int):
        days = [self.sessions(a.id, d) for d in self.days]
        load = sum(au(sum(s.load for s in ss)) for ss in days if ss)  # each day as the figures count it
        n = sum(1 for ss in days if ss)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{number(round(load))} AU" if n else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            empty = sum(1 for d, ss in zip(self.days, days, strict=True) if self.loggable(d) and not ss)
            return (f"{a.name}: {plural(n, 'day')} logged this week, {number(round(load))} AU "
                    f"(minutes × RPE)" + (f"; the logged days only: {plural(empty, 'day')} before "
                                         f"today with nothing logged, where the load figures "
                                         f"count the planned load" if empty else ""))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _proposal(self, athlete: str, d: int):
        return proposals(self.season).get((athlete, self.tl.days[d]))

    def _alert(self, athlete: str, d: int):
        return alerts(self.season).get((athlete, self.tl.days[d]))

    def _above(self, athlete: str, d: int):
        return above_stage(self.season).get((athlete, self.tl.days[d]))

    def _marked(self, athlete: str, d: int) -> bool:
        """The cell's ▲ (a top speed above the stage's cap, a match played in rehab): looked up,
        as every paint asks; the sentences are the tooltip's."""
        key = (athlete, self.tl.days[d])
        return key in above_stage(self.season) or key in played_in_rehab(self.season)

    def _played_in_rehab(self, athlete: str, d: int) -> str:
        return played_in_rehab_words(self.season, athlete, self.tl.days[d])

    def tooltip(self, a: Athlete, d: int) -> str:
        day = self.tl.days[d]
        lines = [f"{a.label} · {day_long(day)}"]
        ss = self.sessions(a.id, d)
        lines += [f"Logged: {w}" for w in words(ss, a)]
        if not ss:
            planned = self.planned_text(a.id, d)
            lines.append(f"Not logged; planned {planned.strip('()')}" if planned else "Not logged")
        diff = otherwise_text(self.season, a.id, day)
        if diff:
            lines.append(f"Went otherwise: {diff}")
        p = self._proposal(a.id, d) if ss else None
        if p is not None:
            lines.append(f"⚑ Pain {p.pain:g}/10 proposes a flare-up (threshold {p.threshold}/10): "
                         f"right-click ▸ Record flare-up, or the inspector's button")
        q = self._alert(a.id, d) if ss else None
        if q is not None:
            lines.append(f"⚠ Pain {q.pain:g}/10, {q.cell_words()}")
        fast = self._above(a.id, d) if ss else None
        if fast is not None:
            lines.append(f"{ABOVE_MARK} Above the stage: {fast.text(self.season)}. "
                         f"{ABOVE_STAGE_ADVICE}.")
        played = self._played_in_rehab(a.id, d) if ss else ""
        if played:
            lines.append(f"{ABOVE_MARK} {played}.")
        why = self.why_not(d)
        lines.append(why if why else "Type minutes and RPE (75 6); Delete clears")
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        if self.tl is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if section >= len(self.athletes):
                return None
            a = self.athletes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return a.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return a.label + (f" · {a.position}" if a.position else "")
            return None
        return self._day_header(section, role)

    def _day_header(self, section: int, role: int):
        if section == len(self.days):
            return {Qt.ItemDataRole.DisplayRole: "Week",
                    Qt.ItemDataRole.ToolTipRole: "The week's logged load (minutes × RPE, AU)"}.get(role)
        if section > len(self.days):
            return None
        d = self.days[section]
        day = self.tl.days[d]
        label = self.tl.day_label(d, "/") or ""  # "MD+2/MD-1" in a narrow header
        comps = ", ".join(c.name for c in self.tl.comp_on[d])
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "today" if d == self.last_loggable and self.season.calendar.today else label
            return f"{day_text(day)}\n{mark}"
        if role == Qt.ItemDataRole.ToolTipRole:
            bits = [day_long(day)] + ([label] if label else []) + ([comps] if comps else [])
            bits.append(self.why_not(d) or "May be logged")
            return "\n".join(bits)
        if role == Qt.ItemDataRole.ForegroundRole and not self.loggable(d):
            return QBrush(DIM)
        if role == Qt.ItemDataRole.FontRole and self.tl.is_comp[d]:
            f = QFont()
            f.setBold(True)
            return f
        return None

    def problem_of(self, index: QModelIndex, text: str) -> str:
        """Why ``text`` cannot go into the cell ("" when it can)."""
        cell = self.cell(index)
        if cell is None:
            return ""
        a, d = cell
        if not self.loggable(d):
            return self.why_not(d)
        try:
            parse_cell(text, a, self.tl.days[d], self.loads, self.match_days)
        except CellError as e:
            return f"{a.name}, {day_long(self.tl.days[d])}: {e}"
        return ""

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        cell = self.cell(index)
        if cell is None or role != Qt.ItemDataRole.EditRole or self.season is None:
            return False
        a, d = cell
        if not self.loggable(d):
            self.problem.emit(self.why_not(d))
            return False
        text = str(value or "")
        old = self.sessions(a.id, d)
        if " ".join(text.split()) == " ".join(edit_text(old).split()):
            return True  # unchanged: no edit, no undo step
        try:
            sessions = parse_cell(text, a, self.tl.days[d], self.loads, self.match_days)
        except CellError as e:
            # the editor closed on it (a click on another cell; Enter keeps it open): say that
            # what was typed is not logged, not only why
            self.lost.emit(f"{a.name}, {day_long(self.tl.days[d])}: {e}. Not logged: "
                           f"'{' '.join(text.split())[:40]}' was left; the cell keeps what it had.")
            return False
        kept = ""
        if not self.edited_own_text:  # typed over the cell: a GPS top speed is not lost unsaid
            sessions, kept = keep_top_speed(old, sessions, a)
        where = f"{a.name}, {day_long(self.tl.days[d])}"
        keep = (f"{where}: top speed {kept} kept (not typed); to log the day without it, "
                f"delete it in the cell's text (F2).") if kept else ""
        if sessions == old:
            self.note.emit(keep)  # typed without its top speed, nothing else changed
            return True
        self.edit_requested.emit(E.LogSessions(sessions=sessions, replace=((a.id, self.tl.days[d]),)))
        if self.tl.days[d] not in self.match_days and any((s.minutes_played or 0) > 0 for s in sessions):
            # as a log file's import says it (planner.sessionlog): the role of a match day only
            self.note.emit(f"{where}: logged; the minutes played are not used, as no competition "
                           f"is on that day (minutes played set the role of a competition day "
                           f"only)." + (f" Top speed {kept} kept (not typed)." if kept else ""))
        elif keep:
            self.note.emit(keep)
        return True


# a key that ends a cell's entry, and how the editor closes on it (LogView.closeEditor moves on)
_ENDS = {Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
         Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
         Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
         Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem}


class LogDelegate(QStyledItemDelegate):
    """Keeps the cell's editor open on Enter or Tab while its text cannot be read (the reason
    is said above the table), as a spreadsheet does: nothing typed is lost.

    Enter commits at once, as Tab does. Qt's own delegate commits on Enter later, from the
    event queue, with the bare editor pointer: when the table was reset before that (a
    re-plan's result arriving reorders the athletes) and the released editor was deleted
    meanwhile, the commit used a deleted editor and the app crashed."""

    def __init__(self, panel: LogPanel):
        super().__init__(panel)
        self.panel = panel
        self.index: QModelIndex | None = None

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        self.index = QPersistentModelIndex(index)
        self.typed_over = False  # the editor opens on the cell's own text
        return super().createEditor(parent, option, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        """The cell's own text edited (its "70%" deleted) says the whole day; typed over (the
        text replaced from its first key) the day keeps a top speed logged before
        (:func:`keep_top_speed`)."""
        own = hasattr(model, "edited_own_text") and not getattr(self, "typed_over", True)
        if own:
            model.edited_own_text = True
        try:
            super().setModelData(editor, model, index)
        finally:
            if own:
                model.edited_own_text = False

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and hasattr(editor, "text") and (
                event.text().isprintable() and event.text()
                or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)) and (
                not editor.text() or editor.selectedText() == editor.text()):
            self.typed_over = True  # the whole text replaced or cleared: typed from empty
        if (event.type() == QEvent.Type.KeyPress and self.index is not None
                and event.key() in _ENDS and hasattr(editor, "text")):
            problem = self.panel.model.problem_of(QModelIndex(self.index), editor.text())
            if problem:
                self.panel.say(problem, error=True)
                editor.setStyleSheet("border: 2px solid #d32f2f")
                return True
            self.commitData.emit(editor)
            if isValid(editor):  # the commit's change may have reset the table and freed it
                self.closeEditor.emit(editor, _ENDS[event.key()])
            return True
        return super().eventFilter(editor, event)


class LogView(QTableView):
    """The table's keys: a spreadsheet's (see the module text)."""

    def __init__(self, panel: LogPanel):
        super().__init__(panel)
        self.panel = panel
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        handled = self._command(key, ctrl, shift, event)
        if handled:
            event.accept()
            return
        cur = self.currentIndex()
        text = event.text()
        if text and text.isprintable() and not ctrl and cur.isValid() \
                and not (self.model().flags(cur) & Qt.ItemFlag.ItemIsEditable):
            self.panel.explain(cur)  # typing into a day after today: say why nothing happens
            event.accept()
            return
        super().keyPressEvent(event)

    def _command(self, key: int, ctrl: bool, shift: bool, event) -> bool:
        p = self.panel
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not ctrl:
            p.clear_selected()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if shift else 1, 0)
        elif ctrl and key == Qt.Key.Key_D:
            p.copy_down()
        elif ctrl and shift and key == Qt.Key.Key_A:
            p.fill_as_planned()
        elif event.matches(QKeySequence.StandardKey.Copy):
            p.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            p.paste_text(QGuiApplication.clipboard().text())
        else:
            return False
        return True

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt API
        """Enter moves down, Tab right, Shift+Tab left (a spreadsheet's keys)."""
        H = QAbstractItemDelegate.EndEditHint
        move = {H.SubmitModelCache: (1, 0), H.EditNextItem: (0, 1), H.EditPreviousItem: (0, -1)}
        step = move.get(hint)
        super().closeEditor(editor, H.NoHint if step else hint)
        if step:
            self.step(*step)
        elif hint == H.RevertModelCache:  # Esc: what was typed is dropped, and its problem too
            self.panel.say("")

    def step(self, rows: int, cols: int) -> None:
        cur = self.currentIndex()
        if not cur.isValid():
            return
        m = self.model()
        r = max(0, min(m.rowCount() - 1, cur.row() + rows))
        c = max(0, min(m.columnCount() - 2, cur.column() + cols))
        self.setCurrentIndex(m.index(r, c))


class _MessageLine(QLabel):
    """A message on one line: cut with "…" when longer than the panel is wide (the whole of it
    in the tooltip and the status bar); ``text()`` is the whole message."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setWordWrap(False)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(20, self.width())
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class _HintLine(_MessageLine):
    """The typing hint on one line (``rich``, bold where it fits, else plain and cut with "…"),
    the whole hint (``full``) in its tooltip: on three wrapped lines above the table it left
    room for seven athletes at 1280 x 720."""

    def __init__(self, rich: str, full: str) -> None:
        super().__init__()
        self._rich = rich
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(QTextDocumentFragment.fromHtml(rich).toPlainText())
        self.setToolTip(full)
        self.setAccessibleDescription(QTextDocumentFragment.fromHtml(full).toPlainText())

    def _elide(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)  # the widest the bold words can make it
        if QFontMetrics(bold).horizontalAdvance(self._full) <= self.width():
            QLabel.setText(self, self._rich)
        else:
            super()._elide()


class _WeekLabel(QLabel):
    """The week shown: one line where the panel has the room (a word-wrapped label asks for a
    narrow block of three lines), wrapped in a narrow one."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(0)
        doc.setHtml(self.text())
        width = int(doc.idealWidth()) + 2 * self.margin() + 2
        return QSize(width, self.heightForWidth(width))


class LogPanel(QWidget):
    """The Log panel: the week chooser, the hint line (or the message in its place), the table."""

    edit_requested = Signal(object)  # a LogSessions edit (one undo step)
    cell_selected = Signal(str, object)  # the current cell: athlete id, date
    flare_requested = Signal(str, object)  # record the flare-up the cell's pain proposes
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Session log")
        self.model = LogModel(self)
        self._start: dt.date | None = None  # the planning start shown (a new today: last week)
        self._own_edit = False  # the next change is this panel's edit: its message stays
        # the message says typed text was not logged: a re-plan or the load figures finishing
        # in the background (a new season) must not clear it before the coach has read it
        self._keep = False
        self._season_key: tuple | None = None  # the season shown: its name and squad
        self._following = False  # the current cell follows the board's: not sent back to it
        self._build()
        self.model.edit_requested.connect(self._emit_edit)
        self.model.problem.connect(lambda text: self.say(text, error=True))
        self.model.note.connect(lambda text: self.say(text, keep=True))
        self.model.lost.connect(lambda text: self.say(text, error=True, keep=True))

    def _build(self) -> None:
        self.prev_button = QToolButton(text="◀")
        self.prev_button.setAccessibleName("Previous week")
        self.prev_button.setToolTip("The week before")
        self.next_button = QToolButton(text="▶")
        self.next_button.setAccessibleName("Next week")
        self.next_button.setToolTip("The week after")
        self.week_label = _WeekLabel()
        self.week_label.setAccessibleName("Week shown")
        self.last_week_button = QPushButton("Last week")
        self.last_week_button.setToolTip("The week before today: the one to log")
        self.planned_button = QPushButton("As planned")
        self.planned_button.setToolTip("Fill the selected empty days with the planned session "
                                       "(Ctrl+Shift+A)")
        self.copy_down_button = QPushButton("Copy down")
        self.copy_down_button.setToolTip("Copy the cell above into the selected cells (Ctrl+D)")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Clear the selected days (Delete)")
        self.week_label.setWordWrap(True)  # a narrow dock (200 %): two lines, not cut
        top = QHBoxLayout()
        for w in (self.prev_button, self.week_label, self.next_button, self.last_week_button):
            top.addWidget(w)
        top.addStretch(1)
        # the buttons that act on the cells: beside the week, or on a line of their own under
        # it when the dock is too narrow for both (at 200 % beside the Solver Explanation
        # "Copy down" was cut and Clear out of sight)
        self.actions = QWidget()
        row = QHBoxLayout(self.actions)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.planned_button, self.copy_down_button, self.clear_button):
            row.addWidget(w)
        self.top_row, self.action_row = top, QHBoxLayout()
        self.action_row.addStretch(1)
        top.addWidget(self.actions)
        self.actions.setMinimumWidth(1)  # beside the week they never hold the panel wide
        self.hint = _HintLine(HINT_LINE, HINT)
        self.hint.setAccessibleName("How to type a session")
        self.hint.setStyleSheet("color: palette(placeholder-text)")
        # one line of its own, always there: a message that comes or goes must not move the
        # grid under the coach's next click (a click then logged the row above); a message
        # takes the hint's place while it is said
        self.message = _MessageLine()
        self.message.setAccessibleName("Log message")
        self.message.hide()
        self.message_box = QWidget()
        box = QVBoxLayout(self.message_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.hint)
        box.addWidget(self.message)
        self.message_box.setFixedHeight(self.message.fontMetrics().lineSpacing() + 4)
        self.view = LogView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(LogDelegate(self))
        self.view.setAccessibleName("Session log table")
        hh = self.view.horizontalHeader()
        fm = self.view.fontMetrics()
        hh.setDefaultSectionSize(fm.horizontalAdvance("95′ 8 100% m90 p3 ✎") + 12)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setMinimumHeight(36)
        self.view.verticalHeader().setDefaultSectionSize(22)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(3)
        lay.addLayout(top)
        lay.addLayout(self.action_row)
        lay.addWidget(self.message_box)
        lay.addWidget(self.view, 1)
        self.prev_button.clicked.connect(lambda: self.show_week(self.model.week - 1))
        self.next_button.clicked.connect(lambda: self.show_week(self.model.week + 1))
        self.last_week_button.clicked.connect(self.show_last_week)
        self.planned_button.clicked.connect(self.fill_as_planned)
        self.copy_down_button.clicked.connect(self.copy_down)
        self.clear_button.clicked.connect(self.clear_selected)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self.current_changed)
        self.model.modelReset.connect(self._fit_week_column)
        self.model.dataChanged.connect(lambda *_a: self._fit_week_column())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_actions()

    def _place_actions(self) -> None:
        """The cell buttons beside the week when the panel has the width for the whole line
        (the week's words unwrapped), else on their own line under it, right-aligned."""
        top = self.top_row
        spacing = max(0, top.spacing())
        nav = (self.prev_button, self.next_button, self.last_week_button)
        words = self.week_label.sizeHint().width()
        m = self.layout().contentsMargins()
        need = (sum(w.sizeHint().width() for w in nav) + words + self.actions.sizeHint().width()
                + 5 * spacing + m.left() + m.right())
        beside = self.width() >= need
        if beside == (top.indexOf(self.actions) >= 0):
            return
        (self.action_row if beside else top).removeWidget(self.actions)
        if beside:
            top.addWidget(self.actions)
            self.actions.setMinimumWidth(1)
        else:
            self.action_row.addWidget(self.actions)
            self.actions.setMinimumWidth(0)  # their own width: whole

    def _fit_week_column(self) -> None:
        """The Week column at least as wide as its title and widest total ("1,450 AU"), and no
        wider where the table has no room: stretched to fill the table, it kept a day column's
        width, and at 1366 x 768 beside the Load dock "720 AU" was cut at the table's edge."""
        hh = self.view.horizontalHeader()
        last = hh.count() - 1
        if last >= 0:
            hh.resizeSection(last, max(self.view.sizeHintForColumn(last),
                                       hh.sectionSizeHint(last)))

    # -- the season and the week -------------------------------------------------------------
    def set_season(self, season: Season | None) -> None:
        """Show ``season``; a new today (or a new file) shows the week just lived."""
        start = planning_start(season) if season is not None else None
        week = None
        if season is not None and start != self._start:
            week = default_week(season)
        self._start = start
        key = None if season is None else (season.name, tuple(a.id for a in season.athletes))
        if key != self._season_key:  # another file (or none): its message is not this one's
            self._keep = False
        self._season_key = key
        if not self._own_edit and not self.message.isHidden() and not self._keep:
            self.say("")  # an undo, a redo or another panel's change: the message is old news
        self._own_edit = False
        cur = self.view.currentIndex()
        self.model.set_season(season, week)
        if week is not None and cur.isValid():
            self.view.setCurrentIndex(self.model.index(min(cur.row(), self.model.rowCount() - 1), 0))
        self._show_week_label()

    def show_week(self, week: int) -> None:
        if self.model.tl is None:
            return
        cur = self.view.currentIndex()
        self.model.set_season(self.model.season, week)
        if cur.isValid():
            self.view.setCurrentIndex(self.model.index(cur.row(), min(cur.column(), len(self.model.days) - 1)))
        self._show_week_label()

    def show_last_week(self) -> None:
        if self.model.season is not None:
            self.show_week(default_week(self.model.season, self.model.tl))

    @property
    def week(self) -> int:
        return self.model.week

    def _show_week_label(self) -> None:
        tl = self.model.tl
        if tl is None or not self.model.days:
            self.week_label.setText("")
            return
        w = self.model.week
        a, b = tl.days[self.model.days[0]], tl.days[self.model.days[-1]]
        note = ""
        if a <= planning_start(self.model.season) <= b:
            # (the week the log opens on while today is the season's first day)
            note = " · the week of today"
        elif w == default_week(self.model.season, tl):
            note = " · the week before today"
        elif self.model.days[0] > self.model.last_loggable:
            note = " · after today: not logged yet"
        self.week_label.setText(f"<b>Week {w + 1}</b>: {span(a, b)}{note}")
        self._place_actions()
        self.prev_button.setEnabled(w > 0)
        self.next_button.setEnabled(w < len(tl.weeks) - 1)

    # -- messages ------------------------------------------------------------------------------
    def say(self, text: str, error: bool = False, keep: bool = False) -> None:
        """The message in the hint's place (``keep``: until the coach's next step in the
        panel, not cleared by a season changed elsewhere)."""
        self._keep = keep and bool(text)
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ink('error')}" if error else "")
        self.message.setVisible(bool(text))
        self.hint.setVisible(not text)
        if text:
            self.status.emit(text)

    def explain(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        if cell is not None:
            self.say(self.model.why_not(cell[1]), error=True)
        else:
            self.say("The week column adds up the logged days; type into a day.", error=True)

    def _emit_edit(self, edit) -> None:
        self.say("")
        self._own_edit = True
        self.edit_requested.emit(edit)  # applied at once (or refused): the flag is spent
        self._own_edit = False

    def follow(self, athlete: str | None, day: dt.date | None) -> None:
        """The athlete selected on the board: his row made current and scrolled into view (on
        the board's day when it is in the week shown, else in the column current here), without
        moving the board (among 45 rows the Log stayed on the first while the board showed the
        last); a cell being typed into is left as it is."""
        model, view = self.model, self.view
        rows = {a.id: r for r, a in enumerate(model.athletes)}
        if athlete not in rows or model.tl is None or view.state() == view.State.EditingState:
            return
        d = model.tl.index(day) if day is not None else None
        cur = view.currentIndex()
        column = (model.days.index(d) if d in model.days
                  else cur.column() if cur.isValid() else 0)
        index = model.index(rows[athlete], column)
        if index != cur:
            self._following = True
            try:
                view.setCurrentIndex(index)
            finally:
                self._following = False
        view.scrollTo(index)

    def current_changed(self, current: QModelIndex) -> None:
        cell = self.model.cell(current)
        if cell is not None and not self._following:
            self.cell_selected.emit(cell[0].id, self.model.tl.days[cell[1]])

    # -- typing (tests and scripts type as the coach does) ------------------------------------
    def type_into(self, row: int, column: int, text: str) -> bool:
        """Enter ``text`` into a cell as typing it and pressing Enter does."""
        return self.model.setData(self.model.index(row, column), text)

    def select(self, cells) -> None:
        """Select the (row, column) cells; the first becomes current."""
        sm = self.view.selectionModel()
        sm.clearSelection()
        first = True
        for r, c in cells:
            idx = self.model.index(r, c)
            flag = QItemSelectionModel.SelectionFlag.Select
            if first:
                sm.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.NoUpdate)
                first = False
            sm.select(idx, flag)

    def selected_cells(self) -> list[tuple[int, int]]:
        """The selected day cells as (row, column), top to bottom, left to right."""
        cells = {(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()
                 if i.column() < len(self.model.days)}
        if not cells and self.model.cell(self.view.currentIndex()) is not None:
            cur = self.view.currentIndex()
            cells = {(cur.row(), cur.column())}
        return sorted(cells)

    # -- batches: one edit each ----------------------------------------------------------------
    def _batch(self, sessions: list[Session], days: list[tuple[str, dt.date]], what: str) -> bool:
        if not days:
            return False
        edit = E.LogSessions(sessions=tuple(sessions), replace=tuple(days))
        self.say(what)
        self._own_edit = True
        self.edit_requested.emit(edit)  # applied at once (or refused): the flag is spent
        self._own_edit = False
        return True

    def _split(self, cells) -> tuple[list, list]:
        """The cells that may be logged, and those after today."""
        ok, late = [], []
        for r, c in cells:
            a, d = self.model.athletes[r], self.model.days[c]
            (ok if self.model.loggable(d) else late).append((r, c, a, d))
        return ok, late

    def clear_selected(self) -> bool:
        """Delete: the selected days lose their sessions (one undo step)."""
        m = self.model
        days = [(a.id, m.tl.days[d]) for r, c in self.selected_cells()
                for a, d in [(m.athletes[r], m.days[c])] if m.sessions(a.id, d)]
        if not days:
            self.say("Nothing logged in the selected days to clear.")
            return False
        return self._batch([], days, f"Cleared {plural(len(days), 'day')}.")

    def copy_down(self) -> bool:
        """Ctrl+D: each selected column's top cell (or, one row selected, the cell above) is
        copied into the selected cells under it, as a spreadsheet does."""
        m = self.model
        by_col: dict[int, list[int]] = {}
        for r, c in self.selected_cells():
            by_col.setdefault(c, []).append(r)
        sessions, days, late = [], [], 0
        for c, rows in by_col.items():
            src = rows[0] - 1 if len(rows) == 1 else rows[0]
            targets = rows if len(rows) == 1 else rows[1:]
            if src < 0:
                continue
            d = m.days[c]
            if not m.loggable(d):
                late += len(targets)
                continue
            copied = m.sessions(m.athletes[src].id, d)
            for r in targets:
                a = m.athletes[r]
                days.append((a.id, m.tl.days[d]))
                sessions += [s.model_copy(update={"athlete": a.id}) for s in copied]
        if not days:
            if late:
                self.say(m.why_not(m.days[max(by_col)]), error=True)
            else:
                self.say("Select the cells under the one to copy: Ctrl+D copies the cell above.")
            return False
        return self._batch(sessions, days, f"Copied down into {plural(len(days), 'day')}.")

    def fill_as_planned(self) -> bool:
        """The selected empty days that may be logged get the plan's session: its minutes and
        RPE, the planned level as top speed on a training day, and on a match day played 90
        minutes for a start and 20 for a bench appearance (no top speed: see ``as_planned``)."""
        m = self.model
        season = m.season
        if season is None or season.plan is None:
            self.say("There is no plan to copy yet: solve the season first (Plan ▸ Solve).", error=True)
            return False
        from planner.sessions import Prescriber

        pr = Prescriber(season, m.lived_plan(), timeline=m.tl)
        ok, late = self._split(self.selected_cells())
        from planner.progress import pain_before, sore_pains

        sore = sore_pains(season)
        start_from = start_minutes(season)  # a bench appearance as planned stays under it
        sessions, days, rest, held = [], [], 0, {}
        for _r, _c, a, d in ok:
            if m.sessions(a.id, d):
                continue
            if (pain := pain_before(sore.get(a.id, ()), m.tl.days[d])) is not None:
                held[pain] = held.get(pain, 0) + 1
                continue
            s = as_planned(pr.day(a.id, d), a.id, m.tl.days[d], start_from)
            if s is None:
                rest += 1
                continue
            sessions.append(s)
            days.append((a.id, m.tl.days[d]))
        notes = []
        if rest:
            notes.append(f"{plural(rest, 'day')} planned as rest left empty")
        if held:
            notes.append(held_words(season, held))
        if late:
            notes.append(f"{plural(len(late), 'day')} after today left (logged once they happened)")
        if not days:
            self.say("No selected empty day to fill" + (f" ({'; '.join(notes)})" if notes else
                                                         ": select days not logged yet") + ".")
            return False
        return self._batch(sessions, days, f"Filled {plural(len(days), 'day')} as planned"
                           + (f"; {'; '.join(notes)}" if notes else "") + ".")

    def copy_selection(self) -> str:
        """Ctrl+C: the selected cells' texts, tab-separated rows (a spreadsheet pastes them)."""
        cells = self.selected_cells()
        if not cells:
            return ""
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        m = self.model
        text = "\n".join("\t".join(
            edit_text(m.sessions(m.athletes[r].id, m.days[c])) if (r, c) in cells else ""
            for c in cols) for r in rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste_text(self, text: str) -> bool:
        """Ctrl+V: tab-separated rows of cell texts from the current cell on; every cell is
        read first, and one problem changes nothing."""
        cur = self.view.currentIndex()
        m = self.model
        if not cur.isValid() or not text.strip():
            return False
        rows = text.rstrip("\n").split("\n")
        sessions, days, problems = [], [], []
        for i, line in enumerate(rows):
            for j, cell_text in enumerate(line.rstrip("\r").split("\t")):
                r, c = cur.row() + i, cur.column() + j
                if r >= len(m.athletes) or c >= len(m.days):
                    continue
                a, d = m.athletes[r], m.days[c]
                if not m.loggable(d):
                    problems.append(m.why_not(d))
                    continue
                try:
                    sessions += parse_cell(cell_text, a, m.tl.days[d], m.loads, m.match_days)
                except CellError as e:
                    problems.append(f"{a.name}, {day_long(m.tl.days[d])}: {e}")
                    continue
                days.append((a.id, m.tl.days[d]))
        if problems:
            self.say("Nothing pasted: " + " · ".join(dict.fromkeys(problems)), error=True)
            return False
        return self._batch(sessions, days, f"Pasted {plural(len(days), 'day')}.")

    # -- the context menu ------------------------------------------------------------------------
    def _menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        menu.addAction("As planned\tCtrl+Shift+A", self.fill_as_planned)
        menu.addAction("Copy down\tCtrl+D", self.copy_down)
        menu.addAction("Clear\tDelete", self.clear_selected)
        menu.addSeparator()
        menu.addAction("Copy\tCtrl+C", self.copy_selection)
        menu.addAction("Paste\tCtrl+V", lambda: self.paste_text(QGuiApplication.clipboard().text()))
        cell = self.model.cell(index)
        if cell is not None:
            day = self.model.tl.days[cell[1]]
            p = proposals(self.model.season).get((cell[0].id, day))
            if p is not None:
                menu.addSeparator()
                menu.addAction(f"Record flare-up of {cell[0].name} on {day_text(day)}",
                               lambda: self.flare_requested.emit(cell[0].id, day))
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))


def held_words(season: Season, held: dict) -> str:
    """``3 days after a pain left empty: Marco Ruiz (A05) ⚠ Thu 8 Oct; Kofi Mensah (A07) ⚑
    Wed 16 Sep (record it first, a flare-up or an injury, or type those days)``: ``held``, pain
    -> days left empty after it, grouped by athlete in the table's marks (⚑ a flare-up
    proposed, ⚠ a pain listed)."""
    from planner.progress import PainAlert

    by_athlete: dict[str, list] = {}
    for p in sorted(held, key=lambda p: (p.date, p.athlete)):
        by_athlete.setdefault(p.athlete, []).append(
            f"{'⚠' if isinstance(p, PainAlert) else '⚑'} {day_text(p.date)}")
    who = "; ".join(f"{season.athlete_label(a)} {', '.join(pains)}" for a, pains in by_athlete.items())
    return (f"{plural(sum(held.values()), 'day')} after a pain left empty: {who} (record it "
            f"first, a flare-up or an injury, or type those days)")


def as_planned(p, athlete: str, day: dt.date, start_from: float = START_MINUTES) -> Session | None:
    """The session the plan prescribed (``planner.sessions.Prescription``), as logged; None for
    a rest day. A match day has no top speed: a match's is measured, not planned (a played
    match is a speed day whatever its speed, rules-spec.md section 9), and "100 %" filled in
    for every starter, the goalkeeper too, fed the logged speed figures. ``start_from``: the
    season's start line (LD-1's start_from_played): a bench appearance's minutes played stay under
    it, so a line set to 20 does not read the planned bench as a start."""
    if p is None:
        return None
    minutes, rpe = p.minutes, p.rpe
    if p.context in MATCH_SESSION and (minutes is None or rpe is None):
        minutes, rpe = MATCH_SESSION[p.context]
    if not minutes or rpe is None:
        return None
    role = {"match": "start", "bench": "bench"}.get(p.context)
    played = None if role is None else played_as_planned(role, minutes, start_from)
    if played is not None:
        minutes = max(minutes, played)  # a session's minutes include the match played
    return Session(athlete=athlete, date=day, minutes=minutes, rpe=rpe,
                   top_speed_pct=float(p.level) if p.level > 0 and played is None else None,
                   minutes_played=played)
