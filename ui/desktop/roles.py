"""The Roles panel: the squad × competitions grid of match roles (rules-spec.md v2 section 2).

Rows are the athletes in the board's order; the first column is each player's **default** role,
then one column per competition in date order. A cell shows ``start``, ``bench`` or ``out``; a
role set for that match is bold, one that follows the default is greyed, an athlete the plan
holds out by RE-1 (back from injury, team sessions not done yet) is marked ``⊘``, and one the plan
has in rehab or away on every day of the match shows the stage (``bench · P3``, ``start · away``): the role
does not make him play then (a regular in rehab set to come off the bench read as a substitute).
A match before today with minutes played logged says them (``out · played 20 min``): they, not
the role, decide how it counted (rules-spec.md section 9). Each match's header ends with how many
start and how many are on the bench (``11 start · 5 bench``), counted once per season change
(:meth:`RolesModel.count_words`): thirteen players left on the default "start" went unseen.

Keyboard first: type ``s``, ``b`` or ``o`` on the selected cells, ``Delete`` (or ``-``) puts a
match cell back to the player's default. On one cell the key then selects the next player down, so
a match's column is typed in one go; the line above the grid says so, and the status bar names who
got the role and who is selected next ("Roles: Tim Becker starts 'Liga 1'; next: Oskar
Hartmann"). A ``Down`` pressed right after such a key moves no further: a coach used to a
spreadsheet types the letter, then Down, and every other player was skipped. **Copy to Next Match**
(``Ctrl+Shift+Right``) copies the current match's roles to the next match, and **Fill Default**
(``Ctrl+Shift+D``) clears the current player's per-match roles so every match follows the
default. Each of these is one undo step (``planner.edits.SetRole`` / ``UpdateAthlete``, several
in one ``ui.desktop.macro.EditGroup``). A change the season would refuse is said under the grid
and nothing changes. A key that would change more than ``ASK_ABOVE`` cells is asked about first,
with the count and the match named: a click on a column header selects the whole match, and one
stray letter then set the whole squad to bench for a cup final.
"""

from __future__ import annotations

import os
from collections import Counter

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.daymarks import day_marks
from planner.errors import PeriodizeError
from planner.history import START_MINUTES, as_lived, logged_days, role_of_minutes, start_minutes
from planner.returns import injury_not_planned
from planner.season import FIT, INJ, Season
from planner.squad import display_order
from planner.text import day as day_text
from planner.text import plural
from planner.timeline import Timeline, in_day_order
from ui.desktop.interaction import default_interaction
from ui.desktop.layout import dock_of, open_under_board, scrolled
from ui.desktop.macro import EditGroup
from ui.desktop.theme import ink

KEYS = {Qt.Key.Key_S: "start", Qt.Key.Key_B: "bench", Qt.Key.Key_O: "out"}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Minus)
MIN_COLUMN = 104  # px: a match column at least this wide
ASK_ABOVE = 5  # one key changing more cells than this asks first
NO_KEEPER = "⚠ no GK starting"  # a match header's count, when no goalkeeper starts: a note
ROLE_TIP = {"start": "starts: plays, the match is a high-velocity exposure (100 %)",
            "bench": "on the bench: a substitute's sprints (80 %), no high-velocity exposure",
            "out": "out of the squad: trains that day; a compensation session may follow"}


def lived_plan(season: Season, tl: Timeline):
    """The stored plan with its days up to today under the stages the records give, as the Log
    greys them (``planner.history.as_lived`` with ``stages`` and ``today``, as
    ``LogModel.lived_plan``); the days after today as planned."""
    return as_lived(season, season.plan, tl, stages=True, today=True)


def not_playing(ap, tl: Timeline, comp, skip: set[int] = frozenset()) -> str | None:
    """The stage (``P3``, ``INJ``) or ``"away"`` that keeps the athlete of ``ap`` from playing on
    every day of ``comp`` (days in ``skip`` left out: a role the marks read already), or None."""
    off = tl.unavailable(ap.athlete)
    days = [i for d in comp.days() if (i := tl.index(d)) is not None]
    what = ["away" if i in off else ap.stages[i] if ap.stages[i] != FIT else None
            for i in days if i not in skip]
    return what[0] if days and len(what) == len(days) and None not in what else None


def played_tip(minutes: float, start_from: float) -> str:
    """A past match's logged minutes played and the role they give it (rules-spec.md section 9)."""
    counted = ("started" if minutes >= start_from else "from the bench" if minutes > 0
               else "did not play (out)")
    return (f"Logged: played {minutes:g} min, so the match counts as {counted} "
            f"({start_from:g} min or more: start, Rules ▸ LD-1; less: bench; 0: out), whatever role "
            f"is set here")


HEADER_NAME = 16  # a match's name in its column header: at most this many characters
HEADER_TAIL = 7  # the end of a long name kept after "…" where cut ends would read alike


def header_names(names: list[str]) -> list[str]:
    """Each match's name for its column header, at most :data:`HEADER_NAME` characters: cut at
    the end ("Cup quarter-fin…"); where cut so two names would read alike (a tournament's "Regional
    Series 1 D1 M1", "… D1 M2", "… D1 M3" all read "Regional Series…"), cut in the middle,
    keeping their last words ("Regional…1 D1 M1"), more of them while that still reads alike
    ("Regiona…10 D1 M1" beside "Regiona…11 D1 M1"); names differing too far from both ends for
    that are shown around where they differ ("…s 10 Division O…")."""
    def end_cut(name: str) -> str:
        return name if len(name) <= HEADER_NAME else name[:HEADER_NAME - 1] + "…"

    cut = [end_cut(n) for n in names]
    groups: dict[str, list[str]] = {}
    for c, n in zip(cut, names, strict=True):
        if c != n:
            groups.setdefault(c, []).append(n)
    apart: dict[str, str] = {}
    for group in groups.values():
        if len(set(group)) > 1:
            apart.update(_read_apart(sorted(set(group))))
    return [apart.get(n, c) for c, n in zip(cut, names, strict=True)]


def _middle_cut(name: str, longest: int) -> str:
    """``name`` cut in the middle, keeping its last words up to ``longest`` characters."""
    words = name.split()
    tail = words[-1][-longest:]
    for w in reversed(words[:-1]):
        if len(w) + 1 + len(tail) > longest:
            break
        tail = f"{w} {tail}"
    return f"{name[:HEADER_NAME - len(tail) - 1].rstrip()}…{tail}"


def _read_apart(names: list[str]) -> dict[str, str]:
    """Long names that read alike cut at the end, each cut so they read apart: in the middle,
    keeping as few last words as tell them apart; else around where they first differ."""
    for longest in range(HEADER_TAIL, HEADER_NAME - 2):
        cuts = {n: _middle_cut(n, longest) for n in names}
        if len(set(cuts.values())) == len(names):
            return cuts
    differ = len(os.path.commonprefix(names))
    start = max(0, differ - 4)

    def around(name: str) -> str:
        part = name[start:start + HEADER_NAME - 2]
        return "…" + part + ("…" if start + len(part) < len(name) else "")

    return {n: around(n) for n in names}


class RolesModel(QAbstractTableModel):
    """Athletes × (default, competitions); read-only: the panel turns keys into edits."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.season: Season | None = None
        self.athletes: list = []
        self.comps: list = []
        self.names: list[str] = []  # each match's name as its header shows it (header_names)
        self.held: set[tuple[str, str]] = set()  # (athlete, competition) held out by RE-1
        # (athlete, competition) -> the plan's stage on the match day when not FIT, or "away"
        self.absent: dict[tuple[str, str], str] = {}
        # (athlete, competition) in ``absent`` by an injury recorded and not planned yet
        self.unplanned: set[tuple[str, str]] = set()
        # (athlete, competition) -> the minutes played logged on a match before today
        self.played: dict[tuple[str, str], float] = {}
        self._overrides: dict[tuple[str, str], str] = {}
        # competition -> how many start, bench, out, and "missing" (set to play, not playing)
        self.counts: dict[str, Counter] = {}
        self.no_keeper: set[str] = set()  # matches with starters and no keeper among them

    def set_season(self, season: Season) -> None:
        self.beginResetModel()
        self.season = season
        self.athletes = list(display_order(season))
        self.comps = in_day_order(season.competitions)
        self.names = header_names([c.name for c in self.comps])
        self._overrides = {(r.athlete, r.competition): r.role for r in season.roles}
        self.held = set()
        self.absent, self.unplanned = {}, set()
        self._logged(season)
        if season.plan is not None:
            tl = Timeline(season)
            marks = day_marks(season, tl)
            for aid, m in marks.items():
                for d, role in m.role.items():
                    if role == "held":
                        self.held |= {(aid, c.id) for c in tl.comp_on[d]}
            self._absent(season, tl, marks)
        self._count()
        self.endResetModel()

    def _count(self) -> None:
        """Each match's players by how they take part: ``start``, ``bench``, ``out``, and
        ``missing`` (set to start or bench, not playing: in rehab, away or held out by RE-1); a
        past match's logged minutes count as the role they give (rules-spec.md section 9)."""
        self.counts, self.no_keeper = {}, set()
        line = start_minutes(self.season) if self.season is not None else START_MINUTES
        keepers = self._keepers()
        for k, comp in enumerate(self.comps):
            n = Counter()
            for r, a in enumerate(self.athletes):
                key = (a.id, comp.id)
                if (played := self.played.get(key)) is not None:
                    n[role_of_minutes(played, line)] += 1
                    n["keeper"] += a.id in keepers and role_of_minutes(played, line) == "start"
                    continue
                value, _own = self.role(r, k + 1)
                playing = value == "out" or (key not in self.held and key not in self.absent)
                n[value if playing else "missing"] += 1
                n["keeper"] += a.id in keepers and playing and value == "start"
            self.counts[comp.id] = n
            if keepers and n["start"] and not n["keeper"]:
                self.no_keeper.add(comp.id)

    def _keepers(self) -> set[str]:
        """The squad's goalkeepers (GK, or a position HV-1's exempt_positions names)."""
        if self.season is None:
            return set()
        from planner.rules import RuleSet
        from planner.squad import keeper

        rules = RuleSet(self.season.rules)
        return {a.id for a in self.athletes if keeper(rules, a.position)}

    def count_words(self, comp_id: str) -> str:
        """``11 start · 5 bench``: a match header's last line (and under it ``⚠ no GK
        starting`` when the squad's keepers are all out of the starters)."""
        n = self.counts.get(comp_id, Counter())
        # under the count: beside it, every match column grew twice as wide
        gk = f"\n{NO_KEEPER}" if comp_id in self.no_keeper else ""
        return f"{n['start']} start · {n['bench']} bench{gk}"

    def count_tip(self, comp_id: str) -> str:
        """What the header's count says, who it leaves out and how to change it."""
        n = self.counts.get(comp_id, Counter())
        text = f"{n['start']} start and {n['bench']} on the bench ({n['out']} out)"
        if n["missing"]:
            text += (f"; {plural(n['missing'], 'more player')} set to start or bench "
                     f"{'does' if n['missing'] == 1 else 'do'} not play: in rehab, away or held "
                     f"out by RE-1")
        if any((a.id, comp_id) in self.played for a in self.athletes):
            text += "; the minutes played logged count as the role they give"
        if comp_id in self.no_keeper:
            text += (". No goalkeeper starts: select one in this column and type s (start). "
                     "A note, not a rule: the plan does not change")
        return (text + ". Too many starters? Select the players in this column who do not "
                       "start and type b (bench) or o (out).")

    def _logged(self, season: Season) -> None:
        """The minutes played logged on the matches before today: they, not the role set here,
        decide how the match counted (rules-spec.md section 9); the grid read "out" for a player
        logged with 20 minutes played."""
        today = season.calendar.today
        past = [c for c in self.comps if today is not None and c.date < today]
        if not past or not season.sessions:
            self.played = {}
            return
        self.played = {}
        for a in self.athletes:
            days = logged_days(season, a.id)
            for c in past:
                got = [days[d].played for d in c.days() if d < today and d in days
                       and days[d].played is not None]
                if got:
                    self.played[(a.id, c.id)] = max(got)

    def _absent(self, season: Season, tl: Timeline, marks: dict) -> None:
        """The matches the plan has an athlete in rehab (or injured) or away on every day of:
        no role plays. A day of it he plays (a tournament's second day, back by then; a past
        match played while recorded away) leaves the role to be read as it is. Days up to today
        under the stages the records give, as the Log reads them (:func:`lived_plan`): after a
        flare-up recorded and not re-planned the grid read "bench · S2" where the Log said S1.
        Days from today on under an injury recorded that the plan does not hold yet
        (``planner.returns.injury_not_planned``): a fit starter just recorded injured read
        "start" and counted among the eleven until a re-plan."""
        lived = lived_plan(season, tl)
        for a in self.athletes:
            ap, m = lived.for_athlete(a.id), marks.get(a.id)
            if ap is None or m is None or len(ap.stages) != tl.n:
                continue
            hurt = self._hurt(season, tl, a.id)
            if hurt:
                ap = ap.model_copy(update={"stages": tuple(
                    hurt.get(i, st) for i, st in enumerate(ap.stages))})
            skip = set(m.role) - set(hurt)  # m.role: played, out or held (as planned)
            for c in self.comps:
                what = not_playing(ap, tl, c, skip)
                if what is not None:
                    self.absent[(a.id, c.id)] = what
                    if any(i in hurt for d in c.days() if (i := tl.index(d)) is not None):
                        self.unplanned.add((a.id, c.id))

    def _hurt(self, season: Season, tl: Timeline, athlete: str) -> dict[int, str]:
        """The match days (from today on) an injury recorded and not planned yet holds
        ``athlete`` in a stage the plan does not have: day index -> the recorded stage."""
        stored = season.plan.for_athlete(athlete) if season.plan is not None else None
        if stored is None or len(stored.stages) != tl.n or not season.injuries_of(athlete):
            return {}
        days = {i for c in self.comps for d in c.days() if (i := tl.index(d)) is not None}
        return {i: st for i in sorted(days)
                if (st := injury_not_planned(season, stored, i)) is not None}

    def played_cells(self) -> list[tuple[int, int]]:
        """(row, column) of the cells of past matches with minutes played logged."""
        rows = {a.id: r for r, a in enumerate(self.athletes)}
        cols = {c.id: k + 1 for k, c in enumerate(self.comps)}
        return [(rows[a], cols[c]) for a, c in self.played if a in rows and c in cols]

    # -- the grid ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.athletes)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else 1 + len(self.comps)

    def cell(self, row: int, col: int) -> tuple[str, str | None]:
        """(athlete id, competition id or None for the default column)."""
        return self.athletes[row].id, (self.comps[col - 1].id if col > 0 else None)

    def role(self, row: int, col: int) -> tuple[str, bool]:
        """The cell's role and whether it is set for that match (not the default)."""
        a = self.athletes[row]
        if col == 0:
            return a.role, True
        own = self._overrides.get((a.id, self.comps[col - 1].id))
        return (own, True) if own is not None else (a.role, False)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        value, own = self.role(r, c)
        held = c > 0 and (self.athletes[r].id, self.comps[c - 1].id) in self.held
        absent = self.absent.get((self.athletes[r].id, self.comps[c - 1].id)) if c > 0 else None
        played = self.played.get((self.athletes[r].id, self.comps[c - 1].id)) if c > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if played is not None:
                return f"{value} · played {played:g} min"
            return value + (" ⊘" if held else f" · {absent}" if absent else "")
        if role == Qt.ItemDataRole.FontRole and own and c > 0:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and not own:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.BackgroundRole and c == 0:
            return QBrush(QColor(127, 127, 127, 28))
        if role == Qt.ItemDataRole.ToolTipRole and played is not None:
            return self._tooltip(r, c, value, own, False) + "\n" + played_tip(played, start_minutes(self.season))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, c, value, own, held) + (
                "" if absent is None else
                f"\nInjured ({absent} recorded), not in the plan yet: no match; Plan ▸ Re-plan "
                f"from Today (Ctrl+R) plans the injury. The role holds once back and through "
                f"RE-1's team sessions" if (self.athletes[r].id, self.comps[c - 1].id) in self.unplanned
                else
                "\nAway that day: does not play; the role holds once available" if absent == "away"
                else "\nInjured that day in the plan, no rehab stage yet: no match; the role holds "
                     "once back and through RE-1's team sessions" if absent == INJ
                else f"\nIn rehab ({absent}) that day in the plan: no match (no running on match "
                     f"days in rehab); the role holds once back and through RE-1's team sessions")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, r: int, c: int, value: str, own: bool, held: bool) -> str:
        a = self.athletes[r]
        if c == 0:
            return f"{a.name}'s default role: {ROLE_TIP[value]}"
        comp = self.comps[c - 1]
        where = "set for this match" if own else "the player's default"
        text = f"{a.name} for '{comp.name}' ({day_text(comp.date)}): {ROLE_TIP[value]} ({where})"
        if held:
            text += ("\n⊘ Held out by RE-1: back from injury, the team sessions are not done "
                     "yet, so the match counts as 'out' in the plan")
        return text

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.athletes):
                a = self.athletes[section]
                return a.label
            return None
        if section == 0:
            return {Qt.ItemDataRole.DisplayRole: "Default",
                    Qt.ItemDataRole.ToolTipRole: "The player's role for every match not set "
                                                 "below"}.get(role)
        comp = self.comps[section - 1]
        days = (comp.end_date - comp.date).days + 1 if comp.end_date else 1
        if role == Qt.ItemDataRole.DisplayRole:
            name = self.names[section - 1]
            more = f" +{days - 1}d" if days > 1 else ""
            return (f"{name}\n{day_text(comp.date)}{more} ({comp.priority})\n"
                    f"{self.count_words(comp.id)}")
        if role == Qt.ItemDataRole.ToolTipRole:
            text = (f"{comp.name}, {day_text(comp.date)}, priority {comp.priority}\n"
                    f"{self.count_tip(comp.id)}")
            if days > 1:  # one role holds for every day of it
                text += (f"\n{days} days: a role holds for all of them. To rotate the squad day "
                         f"by day, enter each match as a competition of its own (Competitions "
                         f"editor).")
            return text
        return None

    # -- edits ---------------------------------------------------------------------------------
    def edit_for(self, row: int, col: int, role: str | None):
        """The edit that gives the cell ``role`` (None: back to the default), or None when it
        already has it."""
        aid, cid = self.cell(row, col)
        if cid is None:
            a = self.athletes[row]
            return None if role is None or role == a.role else E.UpdateAthlete(athlete=aid, role=role)
        cur = self._overrides.get((aid, cid))
        return None if cur == role else E.SetRole(competition=cid, athlete=aid, role=role)


class RolesView(QTableView):
    """The grid: s / b / o set the selected cells, Delete puts them back to the default."""

    typed = Signal(object)  # the role typed (None: the default)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # a role key just moved the cursor to the next player: a Down now stays there (the
        # spreadsheet habit, letter then Down, skipped every other player); any other key or
        # a click forgets it
        self.moved_on = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        moved_on, self.moved_on = self.moved_on, False
        if key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.NoModifier and moved_on:
            return  # the key before moved down already
        if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if key in KEYS:
                self.typed.emit(KEYS[key])
                return
            if key in CLEAR_KEYS:
                self.typed.emit(None)
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.moved_on = False
        super().mousePressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.moved_on = False
        super().focusOutEvent(event)


HINT = ("Type <b>s</b> start, <b>b</b> bench, <b>o</b> out, <b>Delete</b> default: then the <b>next "
        "player</b> is selected (↓ right after: stays). Bold: set for that match; grey: the "
        "default; ⊘ held out by RE-1; · P3 (a stage) or · away: not playing that day.")

# a role as the status bar says it for one player and one match ("Tim Becker starts 'Liga 1'")
ROLE_DONE = {"start": "{who} starts '{match}'", "bench": "{who} on the bench for '{match}'",
             "out": "{who} out of the squad for '{match}'",
             None: "{who} follows the default role ({default}) for '{match}'"}


class RolesPanel(QWidget):
    """The Roles panel (see the module text): ``edit_requested(edit)`` for the window."""

    edit_requested = Signal(object)
    # what a role key on one cell did, for the status bar: (text, after, edited): ``text`` the
    # role in words ("Roles: Tim Becker starts 'Liga 1'", the edit's name when ``edited``),
    # ``after`` who is selected next ("; next: Oskar Hartmann")
    said = Signal(str, str, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Roles panel")
        self.season: Season | None = None
        self.interaction = None  # the window's (install); None: the default one
        self.model = RolesModel(self)
        self.view = RolesView()
        self.view.setAccessibleName("Match roles")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setDefaultSectionSize(MIN_COLUMN)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.typed.connect(self.type_role)
        self.copy_button = QPushButton("Copy to &Next Match")
        self.copy_button.setToolTip("Copy the current match's roles to the next match "
                                    "(Ctrl+Shift+Right)")
        self.fill_button = QPushButton("F&ill Default")
        self.fill_button.setToolTip("Every match of the current player follows the default role "
                                    "(Ctrl+Shift+D)")
        self.copy_button.clicked.connect(self.copy_to_next)
        self.fill_button.clicked.connect(self.fill_default)
        for text, keys, slot in (("Copy to Next Match", "Ctrl+Shift+Right", self.copy_to_next),
                                 ("Fill Default", "Ctrl+Shift+D", self.fill_default)):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
        hint = self.hint = QLabel(HINT)
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setAccessibleName("Why the roles were not changed")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ink('error')}")
        self.error.hide()
        row = QHBoxLayout()  # the key on a line of its own: beside the buttons, in a dock
        row.addWidget(self.copy_button)  # beside the Log, it wrapped a word or two a line
        row.addWidget(self.fill_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(row)
        lay.addWidget(hint)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.error)

    def set_season(self, season: Season) -> None:
        """Show ``season``; the current cell and the selection stay on their players and matches
        (by ID): a re-plan lists the injured first and a match added before the current one
        shifts the columns, and the cursor kept at its row and column numbers moved to another
        player or match, so the next s, b or o changed the wrong role. A cell whose player or
        match is gone is left out: no cell of someone else is current instead."""
        cur = self.view.currentIndex()
        filled = self.model.season is not None
        current = self.model.cell(cur.row(), cur.column()) if filled and cur.isValid() else None
        chosen = ([self.model.cell(i.row(), i.column())
                   for i in self.view.selectionModel().selectedIndexes()] if filled else [])
        self.season = season
        self.model.set_season(season)
        # the header's height follows its lines ("⚠ no GK starting" under the count): the view
        # kept the old height in the real window, and the header's first and last lines were cut
        self.view.updateGeometries()
        self._fit_columns()
        self._fit_dock()
        self._least_height()
        if not filled or (current is None and not chosen):  # first shown: the next match
            r, c = 0, min(self._next_match(season), self.model.columnCount() - 1)
            if r < self.model.rowCount() and c >= 0:
                self.view.setCurrentIndex(self.model.index(r, c))
            return
        self._keep_cells(current, chosen)

    def _keep_cells(self, current: tuple[str, str | None] | None,
                    chosen: list[tuple[str, str | None]]) -> None:
        """Make the cell of ``current`` (athlete ID, competition ID or None for the default
        column) current again and select the cells of ``chosen``, wherever their rows and columns
        now are; those whose player or match is gone are left out."""
        rows = {a.id: r for r, a in enumerate(self.model.athletes)}
        cols = {None: 0} | {c.id: k + 1 for k, c in enumerate(self.model.comps)}

        def index(cell: tuple[str, str | None] | None) -> QModelIndex:
            if cell is None or cell[0] not in rows or cell[1] not in cols:
                return QModelIndex()
            return self.model.index(rows[cell[0]], cols[cell[1]])

        sel = self.view.selectionModel()
        picked = QItemSelection()
        for i in (index(cell) for cell in chosen):
            if i.isValid():
                picked.select(i, i)
        at = index(current)
        if picked.isEmpty() and at.isValid():
            picked.select(at, at)
        sel.select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        sel.setCurrentIndex(at, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _fit_columns(self) -> None:
        """Every match column as wide as the widest header in bold (the current match's header
        is bold): at 104 px "League match 12" was cut on both sides to "eague match 1"; and as
        wide as a cell with the minutes played, which read "bench · played 90 ..."."""
        head = self.view.horizontalHeader()
        bold = QFont(head.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        widest = max((fm.horizontalAdvance(line)
                      for c in range(self.model.columnCount())
                      for line in str(self.model.headerData(c, Qt.Orientation.Horizontal) or "").split("\n")),
                     default=0)
        # a past match's cell that says the minutes played ("bench · played 90 min") is wider
        cells = [self.model.index(r, c) for r, c in self.model.played_cells()]
        widest = max([widest] + [fm.horizontalAdvance(str(self.model.data(i))) for i in cells])
        head.setDefaultSectionSize(max(MIN_COLUMN, widest + 2 * fm.horizontalAdvance("x")))

    def grid_width(self) -> int:
        """The narrowest the panel shows the players' names, the Default column and one match
        column whole, its header included ("League match / Sat 15 Aug (C" at 125 %, the match
        number cut off in a dock beside the Log)."""
        v, m = self.view, self.layout().contentsMargins()
        return (v.verticalHeader().sizeHint().width()
                + 2 * v.horizontalHeader().defaultSectionSize()
                + v.verticalScrollBar().sizeHint().width() + 2 * v.frameWidth()
                + m.left() + m.right() + 4)

    LEAST_ROWS = 2  # the players the grid shows at least; in a shorter dock the panel scrolls

    def _least_height(self) -> None:
        """The grid's least height: its header and :data:`LEAST_ROWS` players. A shorter dock
        takes the rest of the grid's height first (it scrolls itself), so the buttons and the
        key above it stay in sight (``layout.FitScrollArea``'s ``fill``)."""
        v = self.view
        rows = min(self.LEAST_ROWS, max(1, self.model.rowCount()))
        v.setMinimumHeight(v.horizontalHeader().sizeHint().height()
                           + rows * v.verticalHeader().defaultSectionSize()
                           + v.horizontalScrollBar().sizeHint().height() + 2 * v.frameWidth())

    def _fit_dock(self) -> None:
        """The dock holding the panel (beside the Log, about 220 px wide, it showed a part of
        one match) never narrower than :meth:`grid_width`, nor than half the window."""
        dock = dock_of(self)
        if dock is not None:
            window = dock.parentWidget()
            room = window.width() // 2 if window is not None and window.width() > 0 else 0
            dock.setMinimumWidth(min(self.grid_width(), room or self.grid_width()))

    @staticmethod
    def _next_match(season: Season) -> int:
        """The grid column of the first match from the planning start (the one a coach sets
        next), or the first match."""
        start = season.calendar.today or season.calendar.start
        comps = in_day_order(season.competitions)
        return 1 + next((k for k, c in enumerate(comps) if c.date >= start), 0)

    # -- actions -----------------------------------------------------------------------------
    def _cells(self) -> list[tuple[int, int]]:
        cells = {(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()}
        cur = self.view.currentIndex()
        if not cells and cur.isValid():
            cells = {(cur.row(), cur.column())}
        return sorted(cells)

    def type_role(self, role: str | None) -> bool:
        """Give the selected cells ``role`` (None: the default); on one cell the cursor then
        moves to the next player down, and the status bar says who got the role and who is
        selected next (:attr:`said`)."""
        cells = self._cells()
        changed = [(r, c, e) for r, c in cells
                   if (e := self.model.edit_for(r, c, role)) is not None]
        if len(changed) > ASK_ABOVE and not self._confirm_many(changed, role):
            return False
        if len(cells) != 1:
            words = role or "the default role"
            return self._request([e for _r, _c, e in changed],
                                 f"Roles: {words} for {len(changed)} cells")
        (r, c), = cells
        text = f"Roles: {self._role_words(r, c, role)}"
        done = self._request([e for _r, _c, e in changed], text, named=True)
        if changed and not done:  # refused: said under the grid, the cursor stays on it
            return False
        nxt = r + 1 if r + 1 < self.model.rowCount() else None
        if nxt is not None:
            self.view.setCurrentIndex(self.model.index(nxt, c))
            self.view.moved_on = True
        after = (f"; next: {self.model.athletes[nxt].name}" if nxt is not None
                 else "; that was the last player")
        self.said.emit(text if done else f"{text} already", after, done)
        return done

    def _role_words(self, row: int, col: int, role: str | None) -> str:
        """"Tim Becker starts 'Liga 1'": the role ``role`` of the cell, in words."""
        a = self.model.athletes[row]
        if col == 0:
            return f"{a.name}'s default role: {role or a.role}"
        return ROLE_DONE[role].format(who=a.name, match=self.model.comps[col - 1].name,
                                      default=a.role)

    def _confirm_many(self, changed: list, role: str | None) -> bool:
        """Ask before one key changes many roles; True for yes."""
        interaction = self.interaction or default_interaction(self)
        return interaction.confirm("Set many roles at once?", self._many_question(changed, role),
                                   default=False)

    def _many_question(self, changed: list, role: str | None) -> str:
        """"Set 21 players to bench for 'County Cup final'?" and why it is asked."""
        rows = sorted({r for r, _c, _e in changed})
        cols = sorted({c for _r, c, _e in changed})
        who = (self.model.athletes[rows[0]].name if len(rows) == 1
               else f"{len(rows)} players" + (f" ({len(changed)} cells)" if len(changed) > len(rows) else ""))
        names = [f"'{self.model.comps[c - 1].name}'" for c in cols if c > 0]
        where = []
        if len(names) > 3:
            where.append(f"for {len(names)} matches, {names[0]} to {names[-1]}")
        elif names:
            where.append("for " + (names[0] if len(names) == 1
                                   else ", ".join(names[:-1]) + " and " + names[-1]))
        if 0 in cols:
            where.append("as the default role (every match without a role of its own)")
        what = f"to {role}" if role is not None else "back to the default role"
        return (f"Set {who} {what} {' and '.join(where)}?\n\nOne key sets every selected cell, "
                f"and a click on a match's or a player's header selects all of its cells. "
                f"Edit ▸ Undo takes it back.")

    def copy_to_next(self) -> bool:
        """The current match's roles (as the players' effective roles) to the next match."""
        cur = self.view.currentIndex()
        col = cur.column() if cur.isValid() else 0
        if col < 1 or col >= self.model.columnCount() - 1:
            self._say("Choose a match that has a next one (a cell in its column), then Copy "
                      "to Next Match.")
            return False
        edits, own = [], 0
        for r in range(self.model.rowCount()):
            role, _own = self.model.role(r, col)
            nxt, set_there = self.model.role(r, col + 1)
            if nxt != role:
                edits.append(self.model.edit_for(r, col + 1, role))
                own += bool(set_there)
        nxt, edits = self.model.comps[col], [e for e in edits if e is not None]
        src = self.model.comps[col - 1].name
        if own:  # it replaces roles set for the next match one by one: asked first
            interaction = self.interaction or default_interaction(self)
            if not interaction.confirm(
                    "Copy to the next match?",
                    f"Copy the roles of '{src}' to '{nxt.name}'? The roles of {len(edits)} players "
                    f"in '{nxt.name}' change, {own} of them set for it one by one.\n\nEdit ▸ Undo "
                    f"takes it back.", default=False):
                return False
        done = self._request(edits, f"Roles of '{src}' copied to '{nxt.name}'")
        self.view.setCurrentIndex(self.model.index(cur.row(), col + 1))
        return done

    def fill_default(self) -> bool:
        """Every match of the current player back to the player's default role."""
        cur = self.view.currentIndex()
        if not cur.isValid():
            return False
        edits = [e for c in range(1, self.model.columnCount())
                 if (e := self.model.edit_for(cur.row(), c, None)) is not None]
        name = self.model.athletes[cur.row()].name
        return self._request(edits, f"{name}: the default role for every match")

    def _request(self, edits: list, text: str, named: bool = False) -> bool:
        """Check ``edits`` on the season (one undo step, named ``text`` when more than one or
        ``named``); a refusal is said under the grid."""
        if not edits or self.season is None:
            return False
        edit = edits[0] if len(edits) == 1 and not named else EditGroup(edits, text)
        try:
            edit.apply(self.season)
        except PeriodizeError as e:
            self._say(str(e))
            return False
        self._say("")
        self.edit_requested.emit(edit)
        return True

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


def install(window) -> RolesPanel:
    """The Roles dock under the board (hidden until Season ▸ Match Roles opens it, and filled
    then), kept in step with the document; its edits go through the window (one undo step
    each)."""
    panel = RolesPanel(window)
    panel.interaction = window.interaction
    dock = QDockWidget("Roles", window)
    dock.setObjectName("dock-roles")
    dock.setAccessibleName("Roles panel")
    # a short dock scrolls (the window fits the screen); the grid gives up its height first
    dock.setWidget(scrolled(panel, fill=panel.view))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    window.docks["roles"] = dock
    panel.edit_requested.connect(window.apply_edit)
    panel.said.connect(lambda text, after, edited: tell(window, text, after, edited))
    window.document.changed.connect(lambda: follow(window, panel, dock))
    # filled when first shown (follow, show): filling the hidden grid of 40 x 52 took 0.5 s
    # before the window's first paint
    dock.visibilityChanged.connect(lambda shown: shown and follow(window, panel, dock))
    action = QAction("Match &Roles", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    action.setStatusTip("Who starts, who is on the bench and who is out, match by match")
    action.triggered.connect(lambda: show(window))
    window.addAction(action)
    window.roles_action = action
    return panel


def tell(window, text: str, after: str, edited: bool) -> None:
    """What a role key did in the status bar: ``text`` (the role), ``after`` (who is selected
    next), then what the window said of the edit after its name (``edited``: "The plan now
    breaks …"). ``window.edit_said`` stays the edit's, so what a plan check ending later adds
    still follows (``MainWindow._said_when_checked``)."""
    said = window.edit_said if edited else ""
    rest = said[len(text):] if said.startswith(text) else ""
    window.statusBar().showMessage(f"{text}{after}{rest or '.'}", 8000)


def follow(window, panel: RolesPanel, dock: QDockWidget) -> None:
    """The grid brought up to the document's season: at once while the dock is open; a hidden
    dock waits until it is shown (its roles and marks cost a solve's accept a fifth of its time)."""
    if not dock.isHidden() and panel.season is not window.season:
        panel.set_season(window.season)


def show(window) -> None:
    dock = window.docks["roles"]
    if dock.isHidden():  # brought up to date before it shows (follow waits while hidden)
        window.roles_panel.set_season(window.season)
    was_hidden = dock.isHidden()
    dock.show()
    dock.raise_()
    if was_hidden:
        open_under_board(window, dock, max(220, int(window.height() * 0.38)), window.board)
    view = window.roles_panel.view
    view.setFocus()
    if view.currentIndex().isValid():  # the next match in sight, not the season's first
        view.scrollTo(view.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
