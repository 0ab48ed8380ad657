"""The what-if comparison: the baseline and a scenario side by side.

Two season boards (baseline | scenario) scroll and select together, opened at today's week (or
the first change's, when later); the days the scenario changed, and the weeks it gave another
kind, are outlined on the scenario's board. Below them: a row per athlete (return date,
HV days (rehab runs too), changed days, deload and taper weeks moved, soft-rule instances; click a
row to see the athlete on both boards), the totals (objective, hard and soft rules, team weeks
moved, the scenario's changes) and, for the selected day, why the scenario plans it so. The
comparison exports to Excel (``planner.xlsx_compare``). The window never changes the season:
adopting the scenario goes out as ``adopt_requested(name)``.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.congestion import RECOVERY_HOURS
from planner.errors import PeriodizeError
from planner.rules import RULES
from planner.scenarios import HV_WHAT, AthleteDiff, Comparison
from planner.season import Season
from planner.text import date_long, date_short, plural, week_of
from planner.timeline import Timeline
from ui.desktop import legendview
from ui.desktop.board import BoardLegend, SeasonBoard
from ui.desktop.folders import dialog_folder, remember_dialog_folder
from ui.desktop.interaction import QtInteraction, default_interaction
from ui.desktop.layout import fitting_size, scrolled, show_one
from ui.desktop.panels import InspectorPanel
from ui.desktop.theme import ink

XLSX_FILTER = "Excel workbook (*.xlsx)"
COLUMN_TIPS = (
    "", "The day the injured athlete is back to FIT for good, in the season's plan",
    "… and in the scenario's plan",
    f"{HV_WHAT}; in the season's plan (the cell's tooltip says how many are rehab runs)",
    "… and in the scenario's plan", "Days whose stage or intensity differ; \"roles 2\": the "
    "match roles changed on 2 days (the cell's tooltip names them)",
    "Soft-rule instances of this athlete (penalised, never forbidden): baseline → scenario",
    "The athlete's weeks whose kind (load, deload, taper) differs: baseline→scenario; \"the "
    "team's\": the same weeks as the team's, named above the boards")
CHANGED_TEXT = "changed from the baseline"
# HV base, HV scen., Days, Soft rules: right-aligned under right-aligned headers. Soft rules
# was left-aligned beside the right-aligned Days, and an unchanged player read "– 6", as one value
NUMBER_COLUMNS = (3, 4, 5, 6)


def _esc(text: object) -> str:
    return html.escape(str(text))


def _return_words(back: str) -> str:
    """"back 14 Jan 2027", "fit throughout" or "not back this season" from AthleteDiff.back."""
    return {"fit": "fit throughout", "not this season": "not back this season"}.get(back, f"back {back}")


def _date(d: dt.date | None) -> str:
    return date_long(d) if d else ""


def _weeks(moved: list[tuple[dt.date, str, str]], limit: int = 3) -> str:
    text = ", ".join(f"{date_short(w)} {a}→{b}" for w, a, b in moved[:limit])
    if len(moved) > limit:
        text += f" (+{len(moved) - limit} more)"
    return text


def _objective(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


class CompareWindow(QWidget):
    """A window of its own (kept by the main window). ``show_comparison`` fills it."""

    adopt_requested = Signal(str)  # the scenario's name
    exported = Signal(str)  # the path written
    closed = Signal()  # Close, Escape or the window's ×

    # short headers (the tooltips say them whole): at 1024 px the HV and days columns were cut
    COLUMNS = ["Athlete", "Back (baseline)", "Back (scenario)", "HV base", "HV scen.",
               "Days", "Soft rules", "Weeks"]

    def __init__(self, parent: QWidget | None = None, interaction=None):
        super().__init__(parent, Qt.WindowType.Window)
        # the real dialogs belong to this window: parented to the main window (the what-if
        # panel's), Export comparison's file dialog opened over it and the comparison dropped
        # behind the main window until the dialog closed
        if interaction is None or isinstance(interaction, QtInteraction):
            interaction = default_interaction(self)
        self.interaction = interaction
        self.setAccessibleName("What-if comparison")
        self.setWindowTitle("What if — Periodize")
        self.name = ""
        self.comparison: Comparison | None = None
        self.baseline: Season | None = None
        self.scenario: Season | None = None
        self.edit_texts: list[str] = []
        self._syncing = False

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(f"color: {ink('error')}")
        self.stale.hide()
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addWidget(self.heading)
        top_lay.addWidget(self.stale)
        # the heading and the stale notice scroll in a strip of their own: at 1024 x 600 they
        # took a quarter of the window, and each board showed two athletes
        self.top = scrolled(top)
        self.top.setAccessibleName("What the scenario changes")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._boards())
        split.addWidget(self._details())
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 180])
        self.bottom.setSizes([780, 290, 290])
        self.split = split
        # the panes under the boards keep DETAILS_SHARE of the height until the coach drags the
        # handle (then the coach's split is kept as the window resizes)
        self._split_dragged = False
        split.splitterMoved.connect(self._split_moved)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addWidget(self.top)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        lay.addWidget(split, 1)
        lay.addLayout(self._buttons())
        self._connect()
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)  # as the Help window
        close.activated.connect(self.close)
        # the key folded to one line says "Key: Ctrl+K": here too (it did nothing here)
        key = QShortcut(QKeySequence(legendview.SHORTCUT), self)
        key.activated.connect(self.show_key)
        self.resize(fitting_size(self, QSize(1400, 860)))

    # the heading's strip: its title and a line of text, and TOP_SHARE of the window's height
    # above SHORT (it scrolls beyond): at 125 % and 150 % on a 1366 x 768 screen, with a 3-line
    # key and a bottom row of fixed heights, each board showed 2 or 3 athletes
    TOP_SHARE = 0.16
    SHORT = 600
    DETAILS_SHARE = 0.22  # of the boards' and the panes' height, for the panes under the boards

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._level_titles()
        self._fit_top()
        self._share_split()

    def _fit_top(self) -> None:
        """The heading's strip: as tall as its text, at most its title and one line of text,
        more in a tall window (:data:`TOP_SHARE` of the height above :data:`SHORT`); it
        scrolls beyond. Its foot is a line's foot: at 150 % the strip showed the top of a second
        line of text, cut through its letters, as if something were hidden behind it."""
        self.top.fit()
        need = self.top.widget().minimumHeight()
        feet = self._line_feet()
        if len(feet) < 2:
            self.top.setFixedHeight(need)
            return
        cap = feet[1] + max(0, int(self.TOP_SHARE * (self.height() - self.SHORT)))
        if need <= cap:
            self.top.setFixedHeight(need)
            return
        self.top.setFixedHeight(max(f for f in feet if f <= cap))

    def _line_feet(self) -> list[int]:
        """Where each line of the strip's text ends, from the strip's top, in pixels: the
        heading's (its title first), then the stale notice's, as wrapped at their widths now."""
        feet: list[int] = []
        top = self.top.widget()
        width = max(1, self.top.viewport().width())
        for label in (self.heading, self.stale):
            if not label.isVisibleTo(self) or not label.text():
                continue
            doc = QTextDocument()
            doc.setDefaultFont(label.font())
            doc.setDocumentMargin(0)
            if label.textFormat() == Qt.TextFormat.RichText:
                doc.setHtml(label.text())
            else:
                doc.setPlainText(label.text())
            doc.setTextWidth(label.contentsRect().width() if label.width() > 1 else width)
            y0 = label.mapTo(top, label.contentsRect().topLeft()).y()
            block = doc.begin()
            while block.isValid():
                at = doc.documentLayout().blockBoundingRect(block).top()
                lines = block.layout()
                for k in range(lines.lineCount()):
                    line = lines.lineAt(k)
                    feet.append(y0 + math.ceil(at + line.y() + line.height()))
                block = block.next()
        return feet

    def _split_moved(self, *_args) -> None:
        self._split_dragged = True

    def _share_split(self) -> None:
        """The boards get the height first: the panes under them :data:`DETAILS_SHARE` of it
        (as far as their least height allows), until the coach drags the handle between."""
        if self._split_dragged:
            return
        total = sum(self.split.sizes())
        if total <= 0:
            return
        details = int(self.DETAILS_SHARE * total)
        if self.split.sizes()[1] != details:
            self.split.setSizes([total - details, details])

    def show_key(self) -> QWidget:
        """The whole key in a window of its own (Ctrl+K, as in the main window)."""
        return show_one(self, legendview.KeyWindow, lambda dlg: dlg.close_button)

    def _level_titles(self) -> None:
        """The two boards' titles as tall as the taller: a scenario title on two lines put the
        scenario's rows 14 px below the baseline's, side by side."""
        labels = (self.label_a, self.label_b)
        for label in labels:
            label.setMinimumHeight(0)
        tallest = max(label.heightForWidth(max(1, label.width())) for label in labels)
        for label in labels:
            label.setMinimumHeight(tallest)

    # -- building --------------------------------------------------------------------------
    @staticmethod
    def _column(*widgets, stretch_last: bool = True) -> QWidget:
        """Widgets one under the other, without margins; the last one takes the room."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for k, w in enumerate(widgets):
            lay.addWidget(w, 1 if stretch_last and k == len(widgets) - 1 else 0)
        return box

    def _boards(self) -> QWidget:
        """The two boards side by side, the legend under them."""
        self.board_a = SeasonBoard(self)
        self.board_a.setAccessibleName("Baseline board")
        self.board_b = SeasonBoard(self)
        self.board_b.setAccessibleName("Scenario board")
        self.label_a = QLabel("<b>Baseline</b> — the season's current plan")
        self.label_b = QLabel()
        for label in (self.label_a, self.label_b):
            label.setWordWrap(True)  # a long scenario name must not widen its half
        boards = QSplitter(Qt.Orientation.Horizontal)
        boards.addWidget(self._column(self.label_a, self.board_a))
        boards.addWidget(self._column(self.label_b, self.board_b))
        boards.setStretchFactor(0, 1)
        boards.setStretchFactor(1, 1)
        boards.setSizes([1000, 1000])  # two equal halves, whatever the window's width
        boards.splitterMoved.connect(lambda *_a: self._level_titles())
        self.boards = boards
        self.legend = BoardLegend(self, changed=CHANGED_TEXT)
        # one line (the outline, the intensity marks, "Key: Ctrl+K"; the whole key in its
        # tooltip): at 125 % its three lines took the rows of three athletes from each board
        self.legend.MAX_LINES = 1
        outline = [f"c:{CHANGED_TEXT}"]
        self.legend.COMPACT_FORMS = tuple(outline + form for form in BoardLegend.COMPACT_FORMS) + (
            outline,)
        top = self._column(boards, self.legend, stretch_last=False)
        top.layout().setStretch(0, 1)
        return top

    def _details(self) -> QSplitter:
        """Under the boards: the table per athlete, the totals, and why (in the scenario)."""
        self.table = QTreeWidget()
        self.table.setAccessibleName("Comparison per athlete")
        self.table.setColumnCount(len(self.COLUMNS))
        self.table.setHeaderLabels(self.COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A missed target takes a line of its own, so the row grows instead of the column; the
        # weeks moved come last, where a long "28 Sep load→deload, 5 Oct deload→load" is cut
        # at the window's edge (the tooltip lists them) instead of pushing Soft rules out of
        # sight at 1280 px.
        self.table.setUniformRowHeights(False)
        # each cell's text kept clear of its neighbours' (a right-aligned "6 → 7" ran into the
        # Weeks beside it)
        self.table.setStyleSheet("QTreeView::item { padding: 0px 6px; }")
        head = self.table.header()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        for c, tip in enumerate(COLUMN_TIPS):
            if tip:
                self.table.headerItem().setToolTip(c, tip)
        for c in NUMBER_COLUMNS:
            self.table.headerItem().setTextAlignment(
                c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.totals = QTextBrowser()
        self.totals.setAccessibleName("Comparison totals and the scenario's changes")
        self.totals.setOpenLinks(False)
        self.inspector = InspectorPanel(self)
        self.inspector.setAccessibleName("Why, in the scenario")
        self.inspector.setAccessibleDescription("Why the scenario plans the selected day as it does")
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self._column(
            QLabel("<b>Per athlete</b> (click a row to see the athlete on both boards)"), self.table))
        bottom.addWidget(self.totals)
        bottom.addWidget(self._column(QLabel("<b>The selected day in the scenario</b>"), self.inspector))
        for k, stretch in enumerate((5, 3, 3)):
            bottom.setStretchFactor(k, stretch)
        self.bottom = bottom
        return bottom

    def _buttons(self) -> QHBoxLayout:
        self.day_button = QPushButton("&Day zoom")
        self.week_button = QPushButton("&Week zoom")
        self.zoom_group = QButtonGroup(self)
        for b in (self.day_button, self.week_button):
            b.setCheckable(True)
            self.zoom_group.addButton(b)
        self.day_button.setChecked(True)
        self.status = QLabel()
        self.export_button = QPushButton("&Export comparison…")
        self.export_button.setToolTip("Write this comparison to an Excel workbook: the summary, "
                                      "the scenario's changes and every changed athlete-day")
        self.adopt_button = QPushButton("&Adopt scenario")
        self.adopt_button.setToolTip("Make this scenario the season's plan (Edit ▸ Undo takes it back)")
        self.close_button = QPushButton("&Close")
        # access keys as every other dialog has them (Alt+A did nothing here): D, W, E, A, C,
        # none shared with another control of the window
        buttons = QHBoxLayout()
        for b in (self.day_button, self.week_button, self.status, self.export_button,
                  self.adopt_button, self.close_button):
            if b is not self.status:
                b.setAccessibleName(b.text().replace("…", "").replace("&", ""))
            buttons.addWidget(b, 1 if b is self.status else 0)
        return buttons

    def _connect(self) -> None:
        # The boards move together: scrolling, zoom and the selected cell.
        for one, two in ((self.board_a, self.board_b), (self.board_b, self.board_a)):
            one.horizontalScrollBar().valueChanged.connect(two.horizontalScrollBar().setValue)
            one.verticalScrollBar().valueChanged.connect(two.verticalScrollBar().setValue)
        self.board_a.current_changed.connect(lambda a, d: self._follow(self.board_b, a, d))
        self.board_b.current_changed.connect(lambda a, d: self._follow(self.board_a, a, d))
        self.day_button.clicked.connect(lambda: self.set_zoom("day"))
        self.week_button.clicked.connect(lambda: self.set_zoom("week"))
        self.table.currentItemChanged.connect(self._row_chosen)
        self.table.itemClicked.connect(lambda item, _c: self._row_chosen(item))
        self.export_button.clicked.connect(lambda: self.export())
        self.adopt_button.clicked.connect(lambda: self.adopt_requested.emit(self.name))
        self.close_button.clicked.connect(self.close)

    # -- content ---------------------------------------------------------------------------
    def show_comparison(self, name: str, baseline: Season, scenario: Season, comp: Comparison,
                        edit_texts: list[str], note: str = "") -> None:
        """Show ``baseline`` (with its plan) and ``scenario`` (the scenario's season with its
        plan) and their comparison. ``note``: how the scenario was planned (the re-plan's
        message), or a warning."""
        # another scenario opens on its own first change; the same one keeps the selected day
        same = name == getattr(self, "name", None)
        self.name, self.baseline, self.scenario, self.comparison = name, baseline, scenario, comp
        self.edit_texts = list(edit_texts)
        self.setWindowTitle(f"What if: {name} — Periodize")
        weeks = (f", {plural(len(comp.team_weeks_moved), 'team week')} of another kind"
                 if comp.team_weeks_moved else "")
        self.label_b.setText(f"<b>Scenario “{_esc(name)}”</b> — re-planned; "
                             f"<span style='color:{self.board_b.theme().changed.name()}'>outlined</span>: "
                             f"{plural(comp.changed_days, 'changed athlete-day')}{weeks}")
        self._level_titles()
        self.heading.setText(self._heading_html(note))
        self.set_stale("")
        self.status.clear()
        cur = self.board_a.current() if same else None
        self.board_a.set_season(baseline)
        self.board_b.set_season(scenario)
        for board, season in ((self.board_a, baseline), (self.board_b, scenario)):
            board.set_returns(_return_rows(season))  # a missed target: the red ! by the name
        # one order for both (the scenario's: an athlete it injures comes first on both boards)
        self.board_a.follow_order(self.board_b.athlete_order())
        self.board_b.set_highlights(comp.changed_cells, "Changed in the scenario (the baseline "
                                                       "plans this day differently)")
        self.board_b.set_changed_weeks(self._changed_weeks())
        self._fill_table()
        self.totals.setHtml(self._totals_html(note))
        if cur is not None:
            self.select(cur[0], cur[1])
            return
        # another scenario opens at today, or at its first change when that is later: the
        # season's start showed weeks long gone, and no change in sight
        for board in (self.board_a, self.board_b):
            board.show_from(self.opening_day())
        first = self.first_change()
        if first is not None:
            self.select(first[0], first[1], center=False)
        else:
            self.inspector.show_nothing()

    def set_stale(self, text: str) -> None:
        """A warning that the season changed since this comparison (empty: none)."""
        self.stale.setText(text)
        self.stale.setVisible(bool(text))
        QTimer.singleShot(0, self, self._fit_top)  # the strip follows the heading's new text
        self.adopt_button.setEnabled(not text and self.comparison is not None)
        # a greyed button says why (its tooltip said what it would do, not why it would not)
        self.adopt_button.setToolTip(
            f"Not now: {text[:1].lower()}{text[1:]}" if text else
            "Make this scenario the season's plan (Edit ▸ Undo takes it back)")

    def first_change(self) -> tuple[str, dt.date] | None:
        """The first changed day, on the topmost athlete that has one."""
        comp, scenario = self.comparison, self.scenario
        if comp is None or scenario is None or not comp.changed_cells:
            return None
        tl = Timeline(scenario)
        order = {a: i for i, a in enumerate(self.board_b.athlete_order())}
        aid, d = min(comp.changed_cells, key=lambda c: (order.get(c[0], 1 << 30), c[1]))
        return aid, tl.days[d]

    def _changed_weeks(self) -> dict[str | None, dict[int, str]]:
        """The weeks whose kind the scenario changed, by week index: the team's (key None) and,
        per athlete, his own where it moved other than the team's did."""
        comp, scenario = self.comparison, self.scenario
        assert comp is not None and scenario is not None
        tl = Timeline(scenario)
        team = set(comp.team_weeks_moved)
        out: dict[str | None, dict[int, str]] = {
            None: {tl.week_index_of_date(w): f"{a} → {b}" for w, a, b in comp.team_weeks_moved}}
        for ath in comp.athletes:
            own = {tl.week_index_of_date(w): f"{a} → {b}" for w, a, b in ath.weeks_moved if (w, a, b) not in team}
            if own:
                out[ath.athlete] = own
        return out

    def opening_day(self) -> dt.date | None:
        """The first day the boards show: the first day of today's week, or of the first change's
        when that is later (a changed day, a match role, a week of another kind)."""
        comp, scenario = self.comparison, self.scenario
        if comp is None or scenario is None:
            return None
        tl = Timeline(scenario)
        days = [d for _a, d in comp.changed_cells | set(comp.role_cells)]
        days += [tl.index(w) for w, _a, _b in comp.team_weeks_moved]
        days += [tl.index(w) for a in comp.athletes for w, _x, _y in a.weeks_moved]
        first = min((d for d in days if d is not None), default=0)
        d = min(max(tl.p0, first), tl.n - 1)
        return tl.days[tl.weeks[tl.week_of[d]].first]

    def _heading_html(self, note: str) -> str:
        comp = self.comparison
        assert comp is not None
        changed = [a for a in comp.athletes if a.changed_days]
        if len(changed) == len(comp.athletes) and len(changed) > 3:
            who = " (every athlete)"
        elif len(changed) > 3:
            who = f" ({len(changed)} athletes)"
        else:
            who = (" (" + ", ".join(a.name.split(" (")[0] for a in changed) + ")") if changed else ""
        # a placeholder planned in the other plan: said once, not as a return ("back not planned")
        returns = [a for a in comp.athletes if a.back("a") != a.back("b") and not a.planned_words()]
        sentences = [_esc(comp.changed_words() + who)]
        if comp.load_days:  # a match added on a match day changes loads, not days
            said = comp.load_words(shown=2)
            sentences.append(_esc(said[:1].lower() + said[1:]))
        sentences += [_esc(x.rstrip(".")) for x in comp.shared_days]
        sentences += [f"{_esc(a.name.split(' (')[0])} {_esc(w)}" for a in comp.athletes
                      if (w := a.planned_words())]
        for a in returns[:3]:
            sentences.append(f"{_esc(a.name.split(' (')[0])} "
                             f"{_esc(_return_words(a.back('b')))} instead of "
                             f"{_esc(_return_words(a.back('a')))}")
        sentences += _match_sentences(comp)
        if comp.targets_unchanged():
            sentences.append(_esc(comp.targets_unchanged_words()))
        if comp.team_weeks_moved:
            # a moved deload changes the sessions of every athlete on the team's weeks, not only
            # the days counted above (their levels stay; their minutes change)
            sentences.append("team weeks moved: " + _esc(_weeks(comp.team_weeks_moved, 4))
                             + " (the team sessions' length changes for every athlete on the "
                               "team's week)")
        ruled = comp.rules_changed
        # a rule value changed (LD-1 given a weight): the scenario's points are counted under
        # its own values, and read as a worse plan though it had fewer load spikes
        unlike = (f" (counted under the scenario's own {', '.join(ruled)} setting"
                  f"{'s' if len(ruled) > 1 else ''}, so not like for like: compare the rule "
                  f"counts below)") if ruled else ""
        # a role-only change read "objective 0 → 4" with nothing that accounted for the 4: the
        # re-plan's own points for the days it changed (STAB), said as the command line says them
        stab = comp.stab_words("b")
        sentences.append(f"objective {_objective(comp.objective_a)} → {_objective(comp.objective_b)} "
                         f"penalty points{_esc(f' ({stab})' if stab else '')}{_esc(unlike)}; "
                         f"hard-rule violations {comp.hard_a} → {comp.hard_b}")
        for c in comp.runs[:2]:  # not a rule: what a tournament what-if is asked for
            sentences.append(f"<b>congested</b>: {_esc(c.short(self.scenario, 2))}, {RECOVERY_HOURS} h "
                             f"or less apart (set roles to rotate)")
        for t in comp.tapers[:2]:  # not a rule either: a taper made heavier
            # a stretched taper's way out is the A's priority, not roles (TaperMatch.way)
            sentences.append(f"<b>in a taper</b>: {_esc(t.short())} ({_esc(t.way(short=True))})")
        for x in comp.cold[:2]:  # nor this: a match started as the first speed day after a break
            sentences.append(f"<b>started cold</b>: {_esc(x)}")
        if comp.broken_b:
            more = f" (and {len(comp.broken_b) - 1} more)" if len(comp.broken_b) > 1 else ""
            sentences.append(f"the scenario breaks {_esc(comp.broken_b[0].rstrip('.'))}{more}")
        return (f"<h3 style='margin:0'>What if: {_esc(self.name)}</h3>"
                f"<p style='margin:2px 0'>{'; '.join(sentences)}.</p>")

    def _fill_table(self) -> None:
        comp, scenario = self.comparison, self.scenario
        assert comp is not None and scenario is not None
        self.table.clear()
        grey = self.palette().color(self.palette().ColorRole.PlaceholderText)
        order = {a: i for i, a in enumerate(self.board_b.athlete_order())}  # injured first
        rows = sorted(comp.athletes, key=lambda a: (not a.changed, order.get(a.athlete, 0)))
        for a in rows:
            item = QTreeWidgetItem(self._cells(a, scenario, comp.team_weeks_moved))
            item.setData(0, Qt.ItemDataRole.UserRole, a.athlete)
            for c in NUMBER_COLUMNS:
                item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            soft = sorted(set(a.soft_a) | set(a.soft_b))
            item.setToolTip(6, "\n".join(f"{r}: {a.soft_a.get(r, 0)} → {a.soft_b.get(r, 0)}"
                                         for r in soft) or "none")
            item.setToolTip(5, _days_tip(a))
            for c, which in ((3, "a"), (4, "b")):
                item.setToolTip(c, f"{a.hv_words(which)} HV days (90 % or more) from today on")
            if a.weeks_moved:
                item.setToolTip(7, "\n".join(f"{week_of(w)}: {x} → {y}"
                                             for w, x, y in a.weeks_moved))
            else:  # "–" in the middle: clear of the right-aligned Soft rules beside it
                item.setTextAlignment(7, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
            if not a.changed:
                for c in range(len(self.COLUMNS)):
                    item.setForeground(c, grey)
            self.table.addTopLevelItem(item)

    @staticmethod
    def _cells(a: AthleteDiff, scenario: Season, team_moved=()) -> list[str]:
        """The row's cells. Weeks: an athlete whose weeks moved as the team's did reads "the
        team's" (the same dates on every row were cut at the column's edge)."""
        soft_a, soft_b = sum(a.soft_a.values()), sum(a.soft_b.values())
        def back(which: str) -> str:  # a missed target said where the return is
            # "(provisional)" on a line of its own: the two Back columns on one line pushed
            # Weeks behind a sideways scroll bar at 1366 px
            return (a.back(which).replace(" (provisional)", "\n(provisional)")
                    + ("\n⚠ target missed" if a.missed(which) else ""))

        # one short line each ("2\nroles changed on 1 day" ran into the next column and was cut
        # at 1024 px; an unchanged "1 → 1" read as a change): the tooltip says the days in full
        days = [str(a.changed_days)] if a.changed_days else []
        days += [f"roles {len(a.roles)}"] if a.roles else []
        def hv(which: str) -> str:  # a placeholder's 0 is no plan's: "not planned"
            return a.hv_words(which) if a.unplanned(which) else str(a.hv_a if which == "a" else a.hv_b)

        return [a.name, back("a"), back("b"), hv("a"), hv("b"),
                " · ".join(days) or "–",
                f"{soft_a} → {soft_b}" if soft_a != soft_b else (str(soft_a) if soft_a else "–"),
                "the team's" if a.weeks_moved and list(a.weeks_moved) == list(team_moved)
                else _weeks(a.weeks_moved) or "–"]  # none moved: "–", as the other columns

    def _totals_html(self, note: str) -> str:
        comp = self.comparison
        assert comp is not None
        out = ["<p style='margin-top:0'><b>The scenario's changes</b></p><ol style='margin-top:0'>"]
        out += [f"<li>{_esc(t)}</li>" for t in self.edit_texts] or ["<li><i>none</i></li>"]
        out.append("</ol>")
        if note:
            out.append(f"<p style='margin-top:0'><i>{_esc(note)}</i></p>")
        out.append("<table cellspacing=0 cellpadding=2><tr><th align=left></th>"
                   "<th align=right nowrap>baseline</th><th align=right nowrap>scenario</th></tr>")
        rows = [("Objective (penalty points)", _objective(comp.objective_a), _objective(comp.objective_b))]
        if comp.stab("b"):  # the part of it for the days the re-plan changed
            rows.append((f"of it: STAB {RULES['STAB'].title}", comp.stab("a"), comp.stab("b")))
        rows.append(("Hard-rule violations", comp.hard_a, comp.hard_b))
        for rule in sorted(set(comp.soft_a) | set(comp.soft_b)):
            a, b = comp.soft_a.get(rule, 0), comp.soft_b.get(rule, 0)
            if a or b:
                r = RULES.get(rule)
                rows.append((f"{rule} {r.title if r else ''}".strip(), a, b))
        for label, a, b in rows:
            mark = " style='font-weight:bold'" if str(a) != str(b) else ""
            out.append(f"<tr{mark}><td>{_esc(label)}&nbsp;</td><td align=right nowrap>{_esc(a)}</td>"
                       f"<td align=right nowrap>{_esc(b)}</td></tr>")
        out.append("</table>")
        if comp.team_weeks_moved:  # with why, as far as the deload rules say it
            out.append(f"<p>{_esc(comp.team_weeks_words())}</p>")
        else:
            out.append("<p>The team's deload and taper weeks are unchanged.</p>")
        return "".join(out)

    # -- navigation ------------------------------------------------------------------------
    def set_zoom(self, zoom: str) -> None:
        for board in (self.board_a, self.board_b):
            board.set_zoom(zoom)
        (self.day_button if zoom == "day" else self.week_button).setChecked(True)
        # The boards kept their own anchors; line them up again.
        self.board_b.horizontalScrollBar().setValue(self.board_a.horizontalScrollBar().value())

    def select(self, athlete: str, day: dt.date, center: bool = True) -> None:
        """Select the athlete's day on both boards (``center``: in the middle of the view
        when it is near an edge; otherwise scrolled just into view)."""
        self.board_a.set_current(athlete, day, center)
        self.board_b.set_current(athlete, day, center)
        self._show_why()

    def _follow(self, other: SeasonBoard, athlete: str, day) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if day is not None:
                other.set_current(athlete or None, day, center=False)
            self._show_why()
        finally:
            self._syncing = False

    def _show_why(self) -> None:
        cur = self.board_b.current()
        if cur is None or self.scenario is None:
            self.inspector.show_nothing()
            return
        self.inspector.show_cell(self.scenario, cur[0], cur[1])

    def _row_chosen(self, item: QTreeWidgetItem | None, *_args) -> None:
        if item is None or self.comparison is None or self.scenario is None:
            return
        aid = item.data(0, Qt.ItemDataRole.UserRole)
        tl = Timeline(self.scenario)
        days = sorted(d for a, d in self.comparison.changed_cells | set(self.comparison.role_cells)
                      if a == aid)
        cur = self.board_b.current()
        if days:
            day = tl.days[days[0]]
        elif cur is not None:
            day = cur[1]
        else:
            first = self.board_b._visible()[0]
            day = tl.days[first]
        self.select(aid, day)

    # -- export ----------------------------------------------------------------------------
    def export(self, path: str | None = None) -> bool:
        """Export the comparison to Excel; errors are shown, never raised."""
        comp, a, b = self.comparison, self.baseline, self.scenario
        if comp is None or a is None or b is None:
            return False
        if path is None:
            folder = dialog_folder(self.parentWidget(), "comparison")  # the season's window
            safe = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in self.name).strip()
            suggestion = str(Path(str(folder)) / f"what-if {safe or 'scenario'}.xlsx")
            chosen = self.interaction.save_file("Export comparison", suggestion, XLSX_FILTER)
            # the comparison in front again once the dialog closes (it is this window's own)
            self.raise_()
            self.activateWindow()
            if chosen is None:
                return False
            path = chosen[0]
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        from planner.xlsx_compare import export_comparison

        try:
            export_comparison(path, comp, a, a.plan, b, b.plan, self.edit_texts)
        except PeriodizeError as e:
            self.interaction.error("Comparison not exported", str(e))
            return False
        except OSError as e:
            self.interaction.error("Comparison not exported",
                                   f"{path}: could not be written ({e.strerror or e})")
            return False
        QSettings().setValue("lastDir", str(Path(path).parent))
        remember_dialog_folder(self.parentWidget(), "comparison", path)
        self.status.setText(f"Wrote {Path(path).name}")
        self.exported.emit(str(path))
        return True


def _match_sentences(comp: Comparison) -> list[str]:
    """The heading's sentences of each athlete's matches (the coach's first question of an
    injury: which ones he misses) and of the targets the scenario misses or makes."""
    out = [f"<b>{_esc(a.name.split(' (')[0])} {_esc(a.matches_words())}</b>"
           for a in comp.athletes if a.matches_lost or a.matches_gained]
    for a in comp.athletes:
        # a target missed in both with the same return is no news (one gone by is left out)
        for name in a.missed("b") if a.target_moved() else ():
            was = "missed in the baseline too" if name in a.missed("a") else "met in the baseline"
            why = next((f"{w}; " for n, _met, w in a.targets_b if n == name and w), "")
            out.append(f"<b>{_esc(a.name.split(' (')[0])} misses the target "
                       f"'{_esc(name)}'</b> ({_esc(why)}{was})")
        for name in a.missed("a"):
            if name not in a.missed("b"):
                out.append(f"{_esc(a.name.split(' (')[0])} makes the target "
                           f"'{_esc(name)}' (missed in the baseline)")
    return out


def _days_tip(a: AthleteDiff) -> str:
    """The Days cell said in full: the days whose intensity or stage changed, and the match
    roles changed at the same intensity, each with the day's load."""
    lines = [f"Intensity or stage changed on {plural(a.changed_days, 'day')}"] if a.changed_days else []
    if a.roles:
        lines.append(f"Match roles changed on {plural(len(a.roles), 'day')} (the day's planned "
                     f"load, scenario - baseline):")
        lines += a.roles
    return "\n".join(lines)


def _return_rows(season: Season) -> list:
    """The season's returns for a board (none when they cannot be worked out)."""
    from ui.desktop.returnspanel import return_rows

    if season.plan is None:
        return []
    try:
        return return_rows(season)
    except PeriodizeError:
        return []
