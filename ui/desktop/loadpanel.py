"""The Load panel and the load flags where the coach looks (issue 12, items 4 and 6).

The figures come from ``planner.load`` (weekly planned and logged load, the ACWR, monotony,
strain, flags; rules-spec.md section 8); this module only shows them:

- the **Load** dock under the board (View ▸ Load, hidden until opened): per athlete, weekly
  planned and logged load as bars with the ACWR and EWMA ratio lines in the 0.8–1.3 band and
  monotony below; or the team (one EWMA ratio line per athlete, the squad's median, the flags
  listed). A click on a week
  selects that week on the board. The charts (``ui.desktop.loadcharts``, pyqtgraph) are built
  the first time the dock is shown, so the window opens without pyqtgraph or pandas;
- the **flag**: an athlete whose logged EWMA ratio (acute 7 : chronic 28 days, logged sessions
  only) is above :data:`FLAG_RATIO` is marked on the board's name column and in the inspector
  with the figure and its evidence tag (LM-5: a study association, disputed; a flag, never a
  rule).

A figure that does not exist (a division by zero, too few weeks) is shown as "—", never inf or
NaN; a season with no logged session shows the planned figures only and says so.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.load import (  # noqa: F401 - the list's rules
    GROUP_FROM,
    NAME_UP_TO,
    grouped,
    grouped_planned_apart,
    now_lines,
    off_plan_heading,
    off_plan_lines,
)
from planner.season import WEEKDAYS, Season
from planner.text import date_short, day_long
from ui.desktop.layout import open_under_board, scrolled
from ui.desktop.loadwords import (
    LoadFlag,
    load_flags,
    load_waits,
    no_log_note,
    season_figure_steps,
    season_figures,
)

FIGURES_FAILED = ("The load figures could not be worked out: a fault in Periodize (the details "
                  "are in its log), not in your season.")
NO_FLAGS_SHOWN = ("No load flag is shown until they can be: that does not mean there is none. "
                  "A change to the plan or the log tries again.")


# -- the panel -------------------------------------------------------------------------------------
class LoadPanel(QWidget):
    """The Load dock's widget: an athlete's chart or the team's (see the module text)."""

    week_requested = Signal(str, object)  # athlete id ("" for the current one), a day
    day_requested = Signal(str, object)  # athlete id, the very day (a flag chosen)
    athlete_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Load")
        self.setAccessibleDescription("Weekly planned and logged load, the ACWR, the EWMA ratio "
                                      "and monotony, "
                                      "per athlete or for the team")
        self.figs: dict = {}
        self.season: Season | None = None
        self.athlete: str | None = None
        self.week: dt.date | None = None
        self.athlete_chart = None  # ui.desktop.loadcharts, built on the first show
        self.team_chart = None
        self.flag_lines: list[tuple[str, str, dt.date, str, int]] = []
        self._listed: tuple | None = None  # the team chart's flags and the weeks they are of

        self.who = QComboBox()
        self.who.setAccessibleName("Athlete of the load chart")
        self.who.setMinimumContentsLength(16)
        self.who.currentIndexChanged.connect(self._athlete_chosen)
        self.athlete_button = QRadioButton("Athlete")
        self.team_button = QRadioButton("Team")
        self.athlete_button.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.athlete_button, 0)
        self.mode.addButton(self.team_button, 1)
        self.mode.idToggled.connect(self._mode_toggled)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Load note")
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.hide()
        self.stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.athlete_button)
        top.addWidget(self.who)
        top.addSpacing(12)
        top.addWidget(self.team_button)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        # a row of its own, kept to the dock's width (LoadView.add_dock): beside the selector,
        # in a dock sharing the bottom with Roles, it was cut at the dock's edge
        lay.addWidget(self.note)
        lay.addWidget(self.stack, 1)

    def _say_note(self, text: str) -> None:
        """The notice above the charts, hidden when there is none: empty, it still took a line's
        spacing from a dock that has no height to spare at 1280 x 720."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def wrapped(self) -> list[QLabel]:
        """The texts that wrap at the dock's width, never past it, when the charts are wider:
        the notice and each chart's readout."""
        return [self.note] + [c.readout for c in (self.athlete_chart, self.team_chart)
                              if c is not None]

    # -- what it shows ---------------------------------------------------------------------
    def set_figures(self, season: Season, figs: dict,
                    flag_lines: list[tuple[str, str, dt.date, str, int]] | None = None) -> None:
        """Show ``figs`` (``planner.load.figures`` of ``season``); ``flag_lines``: the team's
        flags (:func:`grouped_flags`), each with its athlete and the day it is about."""
        self.season, self.figs = season, figs
        self.flag_lines = list(flag_lines or [])
        with QSignalBlocker(self.who):
            self.who.clear()
            for aid, f in figs.items():
                self.who.addItem(f.name, aid)
            k = self.who.findData(self.athlete)
            self.who.setCurrentIndex(max(k, 0))
        if self.athlete not in figs:
            self.athlete = next(iter(figs), None)
        self._show()

    def working(self) -> None:
        """The figures are being worked out (the first time the dock opens on a season)."""
        self.placeholder.setText("Working out the load figures…")
        self.stack.setCurrentWidget(self.placeholder)

    def failed(self) -> None:
        """The figures could not be worked out (a fault of ours): said, never shown as a season
        without load."""
        self.figs = {}
        self.flag_lines = []
        self.placeholder.setText(f"{FIGURES_FAILED}\n\n{NO_FLAGS_SHOWN}")
        self._say_note("")
        self.stack.setCurrentWidget(self.placeholder)

    def select(self, athlete: str | None, day: dt.date | None) -> None:
        """Follow the board's selected cell: its athlete's chart, its week marked."""
        changed = athlete is not None and athlete != self.athlete and athlete in self.figs
        if changed:
            self.athlete = athlete
            with QSignalBlocker(self.who):
                self.who.setCurrentIndex(max(self.who.findData(athlete), 0))
        self.week = day
        if changed and not self.team_button.isChecked():  # the team chart stays as it is
            self._show()
        else:
            if self.athlete_chart is not None:
                self.athlete_chart.mark_day(day)
            if self.team_chart is not None and self.figs:
                self._mark_team()

    def show_team(self, team: bool = True) -> None:
        (self.team_button if team else self.athlete_button).setChecked(True)

    def _athlete_chosen(self, k: int) -> None:
        aid = self.who.itemData(k)
        if aid and aid != self.athlete:
            self.athlete = aid
            self._show()
            self.athlete_changed.emit(aid)

    def _mode_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._show()

    def _show(self) -> None:
        team = self.team_button.isChecked()
        self.who.setEnabled(not team and bool(self.figs))
        if not self.figs:
            no_plan = self.season is None or self.season.plan is None
            self.placeholder.setText(
                "No plan yet: solve the season (Plan ▸ Solve, F5) to see its planned load."
                if no_plan else "The plan does not fit the season: solve again (F5) to see "
                "its load.")
            self._say_note("")
            self.stack.setCurrentWidget(self.placeholder)
            return
        from ui.desktop import loadcharts  # pyqtgraph: only once the charts are shown

        if team:
            if self.team_chart is None:
                self.team_chart = loadcharts.TeamChart(self)
                self.team_chart.week_clicked.connect(lambda d: self.week_requested.emit("", d))
                self.team_chart.athlete_clicked.connect(self._athlete_from_team)
                self.team_chart.flag_chosen.connect(self._flag_chosen)
                self.stack.addWidget(self.team_chart)
            lines, said, day = self._team_flags()
            self.team_chart.set_figures(self.figs, lines, self.athlete, self._today(), said)
            self._listed = (lines, said)
            self.team_chart.mark_day(day)
            self._say_note(no_log_note(self.figs, season=self.season))
            self.stack.setCurrentWidget(self.team_chart)
            return
        if self.athlete_chart is None:
            self.athlete_chart = loadcharts.AthleteChart(self)
            self.athlete_chart.week_clicked.connect(
                lambda d: self.week_requested.emit(self.athlete or "", d))
            self.stack.addWidget(self.athlete_chart)
        f = self.figs.get(self.athlete)
        self.athlete_chart.set_athlete(f, self._today())
        self.athlete_chart.mark_day(self.week)
        self._say_note(no_log_note(self.figs, self.athlete, self.season))
        self.stack.setCurrentWidget(self.athlete_chart)

    def _team_flags(self) -> tuple[list, str, dt.date | None]:
        """The team chart's flags, the weeks they are of, and the day it marks: the week
        selected on the board (else now's). Last week and this week list the flags of now (the
        board's tags; in a season without today, the plan's first week); another week its own."""
        from planner.load import now_week, week_at, week_flag_lines

        now = now_week(self.figs, self.season)
        day = self.week or (now.start if now is not None else None)
        week = week_at(self.figs, day) if day is not None else None
        last = week_at(self.figs, now.start - dt.timedelta(days=1)) if now and self._today() else None
        if now is None or week is None or week.start in (now.start, last and last.start):
            said = ("last week and this week" if self._today() is not None or now is None else
                    f"the plan's first week, the week of {date_short(now.start)}")
            return self.flag_lines, said, day
        lines = grouped_flags(self.season, week_flag_lines(self.season, self.figs, week.start))
        return lines, f"the week of {date_short(week.start)}", day

    def _mark_team(self) -> None:
        """The week selected on the board, marked on the team chart, its flags listed."""
        lines, said, day = self._team_flags()
        if (lines, said) != self._listed:  # a flag clicked in the list keeps its list
            self.team_chart.set_flags(lines, said)
            self._listed = (lines, said)
        self.team_chart.mark_day(day)

    def _athlete_from_team(self, athlete: str, day) -> None:
        """A line of the team chart clicked: the athlete, that week on the board."""
        if self._take(athlete):
            self.week_requested.emit(athlete, day)

    def _flag_chosen(self, athlete: str, day) -> None:
        """A flag chosen: the athlete, on the very day the flag is about."""
        if self._take(athlete):
            self.day_requested.emit(athlete, day)

    def _take(self, athlete: str) -> bool:
        """Make ``athlete`` the panel's athlete (False when the figures do not know them)."""
        if athlete not in self.figs:
            return False
        self.athlete = athlete
        with QSignalBlocker(self.who):
            self.who.setCurrentIndex(max(self.who.findData(athlete), 0))
        return True

    def _today(self) -> dt.date | None:
        return self.season.calendar.today if self.season is not None else None

    def texts(self) -> list[str]:
        """Every text the panel shows (tests: "—", never "nan" or "inf")."""
        out = [self.note.text()]
        chart = self.stack.currentWidget()
        if chart is self.placeholder:
            out.append(self.placeholder.text())
        elif chart is not None:
            out += chart.texts()
        return out


# the parts of a season the figures never read: a pin only shapes the next solve, the name and
# the scenarios nothing of the plan's load
NOT_READ = frozenset({"name", "pins", "scenarios"})


def _inputs(season: Season) -> tuple:
    """What ``planner.load.figures`` reads of a season: every part but :data:`NOT_READ` (the
    planned load of a match day reads the match roles and the competitions as well as the plan).
    An edit keeps the parts it does not change, so ``is`` tells whether they changed."""
    return tuple(getattr(season, f) for f in type(season).model_fields if f not in NOT_READ)


# -- the controller -------------------------------------------------------------------------------
SLICE_S = 0.03  # the longest the window waits for the load figures between two events
PAINT_WAIT_MS, PAINT_WAITS = 20, 100  # the figures wait for the board's first paint (2 s at most)


def grouped_flags(season: Season, lines: list[tuple], figs: dict | None = None) -> list[tuple]:
    """The team's flags as the list shows them (``planner.load.grouped``): a sentence several
    athletes share is one line whose tooltip names them; choosing it selects the first. With
    ``figs`` (the flags of now), a ratio below 0.8 in a planned taper or deload week is one line
    per week after the others (``planner.load.grouped_planned_apart``)."""
    return grouped(season, lines) if figs is None else grouped_planned_apart(season, figs, lines)


class LoadView(QObject):
    """The Load dock and the load flags of one main window.

    After each change of the season the figures are worked out between the window's events, one
    athlete at a time in slices of at most ``SLICE_S`` (the window does not wait half a second
    after each logged cell; no worker thread, so no Qt object is ever touched or collected
    outside the GUI thread); the latest season wins, and figures are kept by what they read, so undo, redo
    or a pin cost nothing, and an edit to one athlete (a match role, an injury, a session logged)
    works out that athlete's figures alone (``planner.load.athlete_inputs``). With the figures, the flags go to the board's name column and the
    inspector, and the charts are refreshed while the dock is open. Only a season with a plan
    and logged sessions can have a flag, so without the dock nothing else is worked out."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = LoadPanel(window)
        self.dock: QDockWidget | None = None
        self.flags: dict[str, LoadFlag] = {}
        self._cache: list[tuple[tuple, dict]] = []  # (the inputs, their figures), newest first
        self._shown_for: dict | None = None  # the figures the charts show
        self._running: tuple | None = None  # the inputs being worked out
        self._failed: tuple | None = None  # the inputs whose figures could not be worked out
        self._wanted: Season | None = None  # the season to work out next
        self._steps = None  # the figures being worked out (loadwords.season_figure_steps)
        self._paint_waits = 0  # the times the first slice waited for the board's first paint
        self._timer = QTimer(self)  # the next slice of them
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self.panel.week_requested.connect(self.select_week)
        self.panel.day_requested.connect(self.select_day)
        self.panel.athlete_changed.connect(self._athlete_chosen)
        window.document.changed.connect(self.refresh)
        window.board.current_changed.connect(self._on_current)

    def add_dock(self) -> QDockWidget:
        """The Load dock under the board (tabbed with the Log), hidden until the coach opens it
        (View ▸ Load)."""
        w = self.window
        dock = QDockWidget("Load", w)
        dock.setObjectName("dock-load")
        dock.setAccessibleName("Load panel")
        # a short dock scrolls (the window fits the screen), and shows its top again once it
        # has the room
        dock.setWidget(scrolled(self.panel, top_when_grown=True, within=self.panel.wrapped))
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if "log" in w.docks:
            w.tabifyDockWidget(w.docks["log"], dock)
        dock.hide()
        dock.visibilityChanged.connect(self._on_visibility)
        w.docks["load"] = dock
        self.dock = dock
        self.refresh()
        return dock

    def show(self, team: bool = False) -> None:
        """Open the Load dock at a good height (the athlete's chart, or the team's)."""
        if self.dock is None:
            return
        w = self.window
        self.panel.show_team(team)
        was_hidden = self.dock.isHidden()
        self.dock.show()
        self.dock.raise_()
        if was_hidden:
            open_under_board(w, self.dock, max(260, int(w.height() * 0.42)), w.board)
        self.refresh()

    # -- the figures -------------------------------------------------------------------------
    def cached(self, season: Season) -> dict | None:
        """The season's figures when what they read (the plan, the log, the roles and every
        other part but :data:`NOT_READ`) was worked out before, else None."""
        key = _inputs(season)
        for seen, figs in self._cache:
            if len(seen) == len(key) and all(a is b for a, b in zip(seen, key, strict=True)):
                return figs
        return None

    def figures(self, season: Season) -> dict:
        """The season's figures, now (from the cache, or worked out in this thread)."""
        figs = self.cached(season)
        if figs is None:
            figs = season_figures(season)
            self._remember(_inputs(season), figs)
        return figs

    def _remember(self, key: tuple, figs: dict) -> None:
        self._cache = [(key, figs)] + self._cache[:7]

    def idle(self) -> bool:
        """No figures being worked out (tests, screenshots)."""
        return self._running is None and self._wanted is None

    def _start(self, season: Season) -> None:
        self._wanted = season
        if self._running is None:
            self._launch()

    def _launch(self) -> None:
        season, self._wanted = self._wanted, None
        if season is None:
            return
        self._running = _inputs(season)
        self._steps = season_figure_steps(season)
        self._timer.start()

    @Slot()
    def _step(self) -> None:
        """One slice of the figures being worked out; the next one after the window's events.
        The first waits for the board's first paint (at most :data:`PAINT_WAITS` times
        :data:`PAINT_WAIT_MS`): it imports pandas, and on 40 x 52 the window opened 0.9 s later."""
        steps, key = self._steps, self._running
        if steps is None or key is None:
            return
        board = self.window.board
        if board.paint_count == 0 and board.isVisible() and self._paint_waits < PAINT_WAITS:
            self._paint_waits += 1
            self._timer.start(PAINT_WAIT_MS)
            return
        self._timer.setInterval(0)
        t0 = time.perf_counter()
        try:
            out = next(steps)
            while out is None:
                if time.perf_counter() - t0 > SLICE_S:
                    self._timer.start()
                    return
                out = next(steps)
        except Exception:  # a fault of ours: said, never cached as figures without a flag
            logging.getLogger(__name__).exception("load figures failed")
            self._steps = None
            self._on_failed(key)
            return
        self._steps = None
        self._on_ready(key, out)

    def _on_ready(self, key: tuple, figs: dict) -> None:
        self._remember(key, figs)
        self._running = None
        self._next()
        self.refresh()

    def _on_failed(self, key: tuple) -> None:
        """The figures of ``key`` could not be worked out: not tried again for the same inputs
        (the same fault, at every event), and said in the status bar and the Load panel."""
        self._failed = key
        self._running = None
        self._next()
        self.window.statusBar().showMessage(f"{FIGURES_FAILED} Load flags are not shown.", 15000)
        self.refresh()

    def _next(self) -> None:
        """Work out the season changed to meanwhile, unless its figures are known (or failed)."""
        wanted = self._wanted
        if wanted is not None and self.cached(wanted) is None and not self.failed(wanted):
            self._launch()
        else:
            self._wanted = None

    def failed(self, season: Season) -> bool:
        """True when the season's figures could not be worked out (a fault of ours) for what
        they read now."""
        key, seen = _inputs(season), self._failed
        return seen is not None and all(a is b for a, b in zip(seen, key, strict=True))

    # -- showing them ------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """After a change (or new figures): the flags and, when the dock is open, the charts;
        figures not worked out yet are asked for, and shown when they come."""
        season = self.window.season
        visible = self.dock is not None and self.dock.isVisible()
        wanted = season.plan is not None and (bool(season.sessions) or visible)
        figs = self.cached(season) if wanted else {}
        if figs is None and self.failed(season):
            self._show_failure(visible)
            return
        if figs is None:
            self._start(season)
            if visible and self._shown_for is None:
                self.panel.working()
            return
        self._apply_flags(load_flags(figs) if season.sessions else {},
                          load_waits(figs) if season.sessions else {}, figs)
        if visible:
            self._fill(season, figs)

    def _show_failure(self, visible: bool) -> None:
        """No figures, by a fault of ours: no flag is shown, and the panel says why (the dock's
        title calls for a look)."""
        self._apply_flags({}, {})
        if self.dock is not None:
            self.dock.setWindowTitle("Load ⚠")
        if visible:
            self.panel.failed()
            self._shown_for = None

    def _apply_flags(self, flags: dict[str, LoadFlag], waits: dict[str, str] | None = None,
                     figs: dict | None = None) -> None:
        inspector = self.window.inspector
        changed = (flags != self.flags or (waits or {}) != inspector.load_waits
                   or (flags and (figs or {}) is not inspector.load_figures))
        self.flags = flags
        self.window.board.set_load_flags(flags)
        inspector.set_load_flags(flags, waits or {}, figs)
        if self.dock is not None:
            self.dock.setWindowTitle("Load ⚠" if flags else "Load")
        cur = self.window.board.current()
        if changed and cur is not None:
            self.window.inspector.show_cell(self.window.season, cur[0], cur[1],
                                            self.window.board.violations_at(*cur))

    def _fill(self, season: Season, figs: dict) -> None:
        if self._shown_for is figs:  # the same inputs: the same charts
            return
        # the board's order (the picker, the team's lines); the flags as the command line lists
        # them (planner.load.now_lines): what happened (last week, the logged ratio) before the
        # plan (this week, planned), the same kinds together: the planned rebound after a
        # deload is the common flag, a logged spike the one to see first
        order = self.window.board.athlete_order()
        rank = {aid: k for k, aid in enumerate(order)}
        shown = dict(sorted(figs.items(), key=lambda kv: rank.get(kv[0], len(rank))))
        lines = grouped_flags(season, now_lines(season, shown, order), shown)
        # first, as the command line prints them, the athletes whose logged week is far off the
        # plan (not flags: counted apart, 0)
        why = off_plan_heading().rstrip(":") + "."
        lines = [(x, aid, day, why, 0) for x, aid, day in off_plan_lines(season, shown, order)] + lines
        cur = self.window.board.current()
        if cur is not None:
            self.panel.athlete = cur[0]
            self.panel.week = cur[1]
        self.panel.set_figures(season, shown, lines)
        self._shown_for = figs

    @Slot(bool)
    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.refresh()

    @Slot(str, object)
    def _on_current(self, athlete: str, day) -> None:
        if self.dock is not None and self.dock.isVisible():
            self.panel.select(athlete or None, day)

    @Slot(str)
    def _athlete_chosen(self, athlete: str) -> None:
        """An athlete chosen above the chart: the board selects the athlete's row too."""
        cur = self.window.board.current()
        day = cur[1] if cur else (self.window.season.calendar.today
                                  or self.window.season.calendar.start)
        self.window.board.set_current(athlete, day)

    @Slot(str, object)
    def select_day(self, athlete: str, day: dt.date) -> None:
        """A flag chosen: its athlete's row on the day the flag is about."""
        season = self.window.season
        self.window.board.set_current(athlete, min(max(day, season.calendar.start), season.calendar.end))

    @Slot(str, object)
    def select_week(self, athlete: str, day: dt.date | None) -> None:
        """A week clicked on a chart: that week on the board (the athlete's row; the selected
        athlete when the click names none), on the same weekday as the selected cell. A week
        partly in the season (the season starts on a Wednesday) shows its nearest season day
        without a word; only a week wholly outside the season says so (the week of Mon 3 Aug,
        the season from Wed 5 Aug, read "outside the season")."""
        w = self.window
        season = w.season
        cur = w.board.current()
        athlete = athlete or (cur[0] if cur else None) or self.panel.athlete
        day = day or (cur[1] if cur else None) or season.calendar.today
        if not athlete or day is None:
            return
        # the clicked week's days (its first in a series may be a mid-week day)
        ws = WEEKDAYS.index(season.calendar.week_start)
        week_first = day - dt.timedelta(days=(day.weekday() - ws) % 7)
        when = day
        if cur is not None:
            when = week_first + dt.timedelta(days=(cur[1].weekday() - ws) % 7)
        first, last = season.calendar.start, season.calendar.end
        if week_first + dt.timedelta(days=6) < first or week_first > last:
            w.statusBar().showMessage(f"The week of {day_long(week_first)} is outside the season: "
                                      f"the board shows its nearest day.", 6000)
        when = min(max(when, first), last)
        w.board.set_current(athlete, when)
