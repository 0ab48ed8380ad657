"""The season board: athletes as rows, the days of the season as columns, grouped by week.

A custom-painted view (``QAbstractScrollArea``): only the visible rows and columns are painted,
so a full squad over a full season stays fast. The left column (athlete names) and the header
rows (months, weeks, blocks, team week kinds, days and competitions) stay in place while the
grid scrolls. The board never changes the season: it shows it, keeps a selected cell (mouse or
arrow keys), and asks for a context menu; the window turns menu choices into edits.

Every colour has a second cue, so the board reads without colour: rehab stages carry their
name at the start of each stretch, intensity is a glyph whose shape and size grow with the
level (dash, dot, triangle, star), priorities carry their letter, unavailable days are hatched (the team's declared days
off too, the other way, across the column), pins
are a corner flag and rule violations a red frame. Colours come from the palette
(``ui.desktop.theme``), so the board follows the system's dark mode.

Two zooms: ``day`` (a column per day, with every day's glyph) and ``week`` (the whole season
in view, each athlete-week showing its speed days as glyphs).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLine, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from planner.daymarks import day_marks
from planner.season import SPEED_DAY, Season
from planner.squad import (
    NO_SQUAD_YET,
    NOT_PLANNED,
    POSITION_ROOM,
    display_order,
    fitted_position,
    is_injured,
    not_with_squad,
    position_key,
)
from planner.text import (
    MONTH_NAMES,
    REHAB_STAGE_IDS,
    date_long,
    date_short,
    day_long,
    month_abbr,
    plural,
    span,
    stage_name,
    stage_name_on,
)
from planner.timeline import Timeline

# -- geometry: ui/desktop/boardgeom.py (the sizes at an ordinary font; a board grows them with a
# larger one: SeasonBoard._g). Named here for the tests and scripts that read the default sizes.
from ui.desktop.boardgeom import (  # noqa: F401
    BAND_H,
    BLOCK_H,
    CELL_W,
    DAY_H,
    HEADER_H,
    KIND_H,
    MONTH_H,
    NAME_MAX,
    NAME_MIN,
    ROW_H,
    WEEK_DAY_W,
    WEEK_H,
    Y_BLOCK,
    Y_DAY,
    Y_KIND,
    Y_MONTH,
    Y_WEEK,
    ZOOMS,
    BoardGeom,
    board_geom,
    font_scale,
)
from ui.desktop.boardmarks import (
    BADGE_W,
    FLARE,
    badge_days,
    badge_font,
    draw_badge,
    draw_calm,
    mark_room,
    paint_day_marks,
    paint_provisional,
)
from ui.desktop.boardmarks import mark_lines as v2_lines
from ui.desktop.pastview import PastMarks, paint_legend_mark, paint_past, past_marks
from ui.desktop.pastview import day_lines as past_lines
from ui.desktop.rehabview import recorded_stages
from ui.desktop.solving import plan_it
from ui.desktop.theme import BoardTheme, ink

# -- colours of the light theme (kept for modules that draw outside a board) ------------------
_LIGHT = BoardTheme.from_palette(QPalette(QColor("#efefef"), QColor("#ffffff")))
STAGE_COLOURS = _LIGHT.stages
FOCUS_W = 2  # the frame round the board while it has the keyboard
LEGEND_STAGES = ("INJ",) + REHAB_STAGE_IDS  # the stages with a colour, in the legends
WEEK_TINT = _LIGHT.week_tint
WEEK_BAND = _LIGHT.week_band
PRIORITY_COLOURS = _LIGHT.priority
HATCH = _LIGHT.hatch

WEEKDAY_LETTERS = "MTWTFSS"
LOAD_FLAG = "#e65100"  # a high logged load ratio on the name column (ui.desktop.loadwords)
LOAD_TAG_ROOM = ("EWMA 8.8888", "ACWR 8.8888")  # the room kept for a load tag: 4 decimals, as a
# ratio next to its limit shows (fmt_figure: "1.5003"), whose tag came after As planned and
# widened the column


def _intensity_path(level: int) -> QPainterPath | None:
    """The glyph of an intensity level, centred on (0, 0)."""
    path = QPainterPath()
    if level <= 0:
        return None
    if level < 70:  # a dash: told from 70's dot by its shape, not its size only (a laptop's board)
        path.addRoundedRect(QRectF(-3.2, -1.3, 6.4, 2.6), 0.6, 0.6)
    elif level < SPEED_DAY:
        path.addEllipse(QPointF(0, 0), 2.8, 2.8)
    elif level < 100:
        half, h = {80: (3.2, 5.5), 90: (5.0, 8.2), 95: (5.5, 9.0)}.get(level, (5.0, 8.2))
        path.addPolygon(QPolygonF([QPointF(-half, h / 2), QPointF(half, h / 2), QPointF(0, -h / 2)]))
        path.closeSubpath()
        if 90 <= level < 95:  # 90 hollow, 95 filled: at 1280 x 720 they looked alike
            k, cy = 0.45, h / 6  # the hole: the triangle shrunk about its centre
            path.addPolygon(QPolygonF([QPointF(-half * k, cy + (h / 2 - cy) * k),
                                       QPointF(half * k, cy + (h / 2 - cy) * k),
                                       QPointF(0, cy + (-h / 2 - cy) * k)]))
            path.closeSubpath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
    else:
        pts = []
        for k in range(10):
            r = 6.3 if k % 2 == 0 else 2.6
            a = -math.pi / 2 + k * math.pi / 5
            pts.append(QPointF(r * math.cos(a), r * math.sin(a) + 0.6))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    return path


GLYPHS: dict[int, QPainterPath | None] = {lv: _intensity_path(lv) for lv in (0, 60, 70, 80, 90, 95, 100)}


def glyph_for(level: int) -> QPainterPath | None:
    if level in GLYPHS:
        return GLYPHS[level]
    return _intensity_path(level)


def intensity_colour(level: int) -> QColor:
    return _LIGHT.intensity_colour(level)


def glyph_rect(level: int, cx: float, cy: float, scale: float = 1.0) -> QRectF:
    """Where :func:`draw_glyph` draws the level's mark (an empty rect for none)."""
    path = glyph_for(level)
    if path is None:
        return QRectF()
    r = path.boundingRect()
    return QRectF(cx + r.x() * scale, cy + r.y() * scale, r.width() * scale, r.height() * scale)


def fitted_glyph(level: int, room: QRectF, most: float = 1.0) -> tuple[float, float, float]:
    """(cx, cy, scale): the level's mark centred in ``room``, shrunk (never grown past ``most``,
    the board's font scale) to fit in it with a quarter pixel to spare each way (a cell's room
    under its letter)."""
    path = glyph_for(level)
    if path is None:
        return room.center().x(), room.center().y(), most
    r = path.boundingRect()
    scale = min(most, (room.width() - 0.5) / r.width(), (room.height() - 0.5) / r.height())
    c = r.center()
    return room.center().x() - c.x() * scale, room.center().y() - c.y() * scale, scale


def draw_glyph(painter: QPainter, level: int, cx: float, cy: float,
               colour: QColor | None = None, scale: float = 1.0) -> None:
    path = glyph_for(level)
    if path is None:
        return
    painter.save()
    painter.translate(cx, cy)
    if scale != 1.0:
        painter.scale(scale, scale)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour if colour is not None else intensity_colour(level))
    painter.drawPath(path)
    painter.restore()


RECOVERY = -2  # the glyph key of a session without running (a recovery or rehab session)
RING_R, RING_PEN = 2.9, 1.3  # its ring's radius and line


def draw_recovery(painter: QPainter, cx: float, cy: float, colour: QColor,
                  radius: float = RING_R) -> None:
    """A hollow ring: a training day without running that still holds a session (a fit
    athlete's recovery session after a match started); an empty cell is a rest day."""
    painter.save()
    pen = QPen(colour)
    pen.setWidthF(RING_PEN)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(cx, cy), radius, radius)
    painter.restore()


def recovery_days(tl, stages, intensity, off) -> frozenset[int]:
    """The days drawn as a recovery ring: a fit athlete's training day at 0 (a session without
    running, as after a match started), not a day away (``off``)."""
    return frozenset(d for d in range(tl.n) if stages[d] == "FIT" and intensity[d] == 0
                     and d not in off and tl.trains(d, True, False))


def draw_priority(painter: QPainter, rect: QRectF, priority: str, font: QFont,
                  colours: dict[str, QColor] | None = None) -> None:
    """A priority marker: a coloured disc with the white priority letter."""
    colours = colours or PRIORITY_COLOURS
    d = min(rect.width(), rect.height()) - 2
    disc = QRectF(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.get(priority, colours["C"]))
    painter.drawEllipse(disc)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, priority)


def draw_missed(painter: QPainter, cx: float, cy: float, colour: QColor, font: QFont,
                mark: str = "!") -> None:
    """A missed target: a red disc with a white "!" (``mark``) centred on (cx, cy)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(cx, cy), 6, 6)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(QRectF(cx - 6, cy - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, mark)


def pin_colour(th, waiting: bool = False) -> QColor:
    """A pin's corner: the theme's pin colour, or today's orange for a pin the plan does not
    follow yet (solve again); the board and its key ask here, so they cannot drift apart."""
    return th.today if waiting else th.pin


def draw_pin_flag(painter: QPainter, x: float, y: float, colour: QColor, size: float = 5.0) -> None:
    """A pin: a small filled triangle in a cell's top-left corner."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + size, y), QPointF(x, y + size)]))


@dataclass(frozen=True)
class _Row:
    athlete_id: str
    name: str
    position: str
    injured: bool
    stages: tuple[str, ...] | None  # per day, from the plan
    intensity: tuple[int, ...] | None
    weeks: tuple[str, ...] | None  # the athlete's own week kinds
    runs: tuple[tuple[int, int, str], ...]  # (first day, last day, stage) stretches
    unavailable: tuple[tuple[int, int], ...]
    week_speed: tuple[tuple[int, ...], ...] | None  # per week, the levels of its speed days
    recorded: tuple[str, ...] | None = None  # no plan: the stages the records make certain
    recovery: frozenset[int] = frozenset()  # fit training days at 0: a recovery session
    unplanned: bool = False  # a placeholder row until a solve (Plan.unplanned): drawn as no plan

    @property
    def group(self) -> tuple[int, str]:
        """Rows of one group sit together (``planner.squad.display_order``): the injured, then
        each position; a rule is drawn between two groups."""
        return (0, "") if self.injured else (1, position_key(self.position))


@dataclass(frozen=True)
class _Frame:
    """The visible part of the grid during one paint: its rectangle, the first and last visible
    day, row and week, the x of day 0 and the height of the columns that have rows."""

    g: QRect
    d0: int
    d1: int
    r0: int
    r1: int
    w0: int
    w1: int
    ox: int
    col_h: int

    def sees(self, a: int, b: int) -> bool:
        """Whether the days ``a``..``b`` are (partly) visible."""
        return b >= self.d0 and a <= self.d1


def month_title(day: dt.date) -> str:
    """A month as a heading: ``September 2026`` (the printed board's page title)."""
    return month_forms(day)[0]


def month_forms(day: dt.date) -> tuple[str, ...]:
    """A month's heading from the longest to the shortest form, for the room there is: never
    ``Sep 26``, which reads as a date beside the week row's ``28 Sep``."""
    short = month_abbr(day)
    return (f"{MONTH_NAMES[day.month - 1]} {day.year}", f"{short} {day.year}",
            f"{short} \u2019{day.year % 100:02d}", short)


def _runs(values: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((start, i - 1, values[start]))
            start = i
    return tuple(out)


def _with_squad(stages: tuple[str, ...], tl: Timeline, gone: set[dt.date]) -> tuple[str, ...]:
    """``stages`` with no stage ("") on the days the athlete is not with the squad (before he
    joined, after he left: ``planner.squad.not_with_squad``): those days are drawn hatched as
    days away, never as a rehab stage or INJ (nothing of his is planned there)."""
    if not gone:
        return stages
    return tuple("" if tl.days[i] in gone else s for i, s in enumerate(stages))


def _spans(days: set[int]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for d in sorted(days):
        if out and out[-1][1] == d - 1:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return tuple(out)


class SeasonBoard(QAbstractScrollArea):
    """The season board. ``set_season`` shows a season (with or without a plan).

    Signals: ``current_changed(athlete_id, date)`` when the selected cell changes (``("", None)``
    when nothing is selected); ``cell_clicked(athlete_id, date)`` when the coach clicks a cell;
    ``cell_menu_requested(athlete_id, date, global_pos)`` on a right-click or the menu key;
    ``zoom_changed(name)``; and the drops of a drag (``ui.desktop.boarddrag``):
    ``competition_dropped(id, first_day)``, ``stage_dropped(athlete_id, stage, day)``, with
    ``drag_hint(text)`` while dragging.
    """

    current_changed = Signal(str, object)
    cell_menu_requested = Signal(str, object, QPoint)
    cell_clicked = Signal(str, object)  # a cell clicked with the mouse (athlete id, date)
    day_clicked = Signal(object)  # a day's header clicked with the mouse (its date)
    header_click = None  # that day while the click moves the current cell (day_clicked follows)
    zoom_changed = Signal(str)
    competition_dropped = Signal(str, object)  # a marker dragged: competition id, new first day
    stage_dropped = Signal(str, str, object)  # a stage edge dragged: athlete, stage, new start
    drag_hint = Signal(str)  # where a drag would drop, in words ("" when there is nothing to say)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._position_texts: dict[str, str] = {}  # position_text's, for this font and zoom
        self.setAccessibleName("Season board")
        self._base_description = (
            "Athletes as rows and the days of the season as columns: rehab stages, planned "
            "intensity, deload and taper weeks and competitions. Arrow keys move the selected "
            "cell; the menu key or Shift+F10 opens its pin menu."
        )
        self.setAccessibleDescription(self._base_description)
        # the scroll area's parts, named: a screen reader listed two nameless "client" objects
        self.viewport().setAccessibleName("Season board cells")
        for bar, name in ((self.horizontalScrollBar(), "Scroll the days"),
                          (self.verticalScrollBar(), "Scroll the athletes")):
            bar.setAccessibleName(name)
            bar.parentWidget().setAccessibleName(name)  # Qt's container around it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._pending_from: dt.date | None = None  # show_from before the board has its size

        self._g: BoardGeom = board_geom(1.0)
        self._glyph_cache: dict[tuple, QPixmap] = {}
        self._week_cache: dict[int, list] = {}  # week zoom: row -> its weeks' glyph cells
        self._set_fonts()

        self._theme = BoardTheme.from_palette(self.palette())
        self._zoom = "day"
        self._cw = self._g.cell_w
        self._season: Season | None = None
        self._tl: Timeline | None = None
        self._markers: tuple | None = None  # (timeline, week zoom's match markers)
        self._rows: list[_Row] = []
        self._row_of: dict[str, int] = {}
        self._team_weeks: tuple[str, ...] | None = None
        self._name_w = self._g.name_min
        self._signature = ""
        self._non_training_reason: dict[int, str] = {}
        self._pins: dict[tuple[str, int], list] = {}  # (athlete, day) -> pins shown on that cell
        self._team_pins: dict[int, object] = {}  # week -> team week pin
        self._violations: list = []
        self._bad_cells: dict[str, list[tuple[int, int]]] = {}  # athlete -> day spans
        self._bad_team: list[tuple[int, int]] = []
        self._waiting_pins: set[tuple[str | None, int]] = set()  # pins not in the plan yet
        self._highlights: dict[str, tuple[tuple[int, int], ...]] = {}  # athlete -> day spans
        self._highlight_text = ""
        # weeks whose kind a what-if scenario changed: None (the team) or an athlete id -> week
        # index -> "load → taper" (the baseline's kind and the scenario's)
        self._changed_weeks: dict[str | None, dict[int, str]] = {}
        self._returns: dict[str, list] = {}  # athlete -> ReturnRow (ui.desktop.returnspanel)
        self._load_flags: dict = {}  # athlete -> LoadFlag (ui.desktop.loadwords)
        self._cur: tuple[int, int] | None = None  # (row, day)
        self._today: int | None = None
        self._past = PastMarks()  # logged days and days that went otherwise (ui.desktop.pastview)
        self._marks: dict = {}  # rules v2 per athlete (planner.daymarks)
        self.today_override: dt.date | None = None  # tests and screenshots fix "today"
        from ui.desktop.boarddrag import BoardDrag

        self.drag = BoardDrag(self)
        self.viewport().setMouseTracking(True)
        self.painted_glyphs = 0  # glyphs drawn by the last paint (only the visible cells)
        self.paint_count = 0  # paints so far, and the duration of the last (bench/app.py)
        self.last_paint_ms = 0.0
        self._update_scrollbars()

    def _set_fonts(self) -> None:
        """The board's fonts from the widget's, and its sizes from their size: a coach's larger
        font (15 pt) grows the cells, rows, marks and letters with it (``boardgeom.font_scale``;
        at 14 px a day's letter ran into the next one's, and the marks stayed 6 px beside 15 pt
        names). At an ordinary font the sizes are the constants of ``boardgeom``."""
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() * 0.85))
        self._small = QFont(self._font)
        self._small.setPointSizeF(max(6.5, self._font.pointSizeF() * 0.85))
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._marker_font = QFont(self._small)
        self._marker_font.setBold(True)
        geom = board_geom(font_scale(QFontInfo(self.font()).pixelSize()))
        if geom != self._g:
            self._g = geom
            self._glyph_cache.clear()
            self._week_cache = {}
            if getattr(self, "_zoom", "day") == "day":
                self._cw = geom.cell_w

    def geometry_scale(self) -> float:
        """How much the board's cells and marks are grown for the font (1: the default sizes)."""
        return self._g.scale

    def row_height(self) -> int:
        return self._g.row_h

    def header_height(self) -> int:
        return self._g.header_h

    # -- public ----------------------------------------------------------------------------
    def season(self) -> Season | None:
        return self._season

    def set_season(self, season: Season | None) -> None:
        """Show ``season``: its calendar and competitions, and its plan when it has one.

        The selected cell stays on the same athlete and date when both still exist.
        """
        old = self.current()
        self._season = season
        self._tl = Timeline(season) if season is not None else None
        self._rows = self._build_rows() if season is not None else []
        self._week_cache = {}
        self._row_of = {r.athlete_id: i for i, r in enumerate(self._rows)}
        self._team_weeks = None
        if season is not None and season.plan is not None and self._tl is not None:
            if len(season.plan.team_weeks) == len(self._tl.weeks):
                self._team_weeks = tuple(season.plan.team_weeks)
        self._non_training_reason = {}
        self._pins, self._team_pins = {}, {}
        self._today = None
        self._marks = {}
        if season is not None and self._tl is not None:
            tl = self._tl
            for nt in season.calendar.non_training_days:
                i = tl.index(nt.date)
                if i is not None:
                    self._non_training_reason[i] = nt.reason or "non-training day"
            for pin in season.pins:
                day = pin.week if pin.kind == "week" else pin.date
                i = tl.index(day)
                if i is None:
                    continue
                if pin.kind == "week":
                    i = tl.weeks[tl.week_of[i]].first
                    if pin.athlete is None:
                        self._team_pins[tl.week_of[i]] = pin
                        continue
                self._pins.setdefault((pin.athlete, i), []).append(pin)
            # unset: the planning start, as the planner reads it (not the computer's date)
            today = self.today_override or season.calendar.today or season.calendar.start
            self._today = tl.index(today)
            self._past = past_marks(season, tl)
            self._marks = day_marks(season, tl)  # roles, compensation, flare-ups, provisional
        self._violations = []
        self._bad_cells, self._bad_team = {}, []
        self._highlights = {}
        self._changed_weeks = {}
        self._name_w = self._measure_names()
        self._cw = self._zoom_width(self._zoom)
        self._signature = self._compute_signature()
        self._cur = None
        if old is not None and season is not None and old[0] in self._row_of:
            d = self._tl.index(old[1]) if self._tl else None
            if d is not None:
                self._cur = (self._row_of[old[0]], d)
        self._update_scrollbars()
        self.viewport().update()
        new = self.current()
        if new != old:
            self._emit_current()

    def set_violations(self, violations) -> None:
        """Mark the plan checker's hard violations (``planner.check.Violation``) on the board."""
        self._violations = list(violations)
        self._bad_cells, self._bad_team = {}, []
        self._waiting_pins = set()
        tl = self._tl
        if tl is not None:
            for v in self._violations:
                if v.end < tl.start or v.start > tl.end:
                    continue
                a, b = tl.clamp_index(v.start), tl.clamp_index(v.end)
                if v.rule == "PIN":  # a pin the plan does not follow yet: its flag says so
                    self._waiting_pins.add((v.athlete, a))
                elif v.athlete is None:
                    self._bad_team.append((a, b))
                elif v.athlete in self._row_of:
                    self._bad_cells.setdefault(v.athlete, []).append((a, b))
        self.viewport().update()

    def set_returns(self, rows) -> None:
        """Each injured athlete's return (``ui.desktop.returnspanel.ReturnRow``): a missed target
        is marked on the name column, and the name's tooltip says when the athlete is back."""
        by: dict[str, list] = {}
        for row in rows:
            by.setdefault(row.athlete, []).append(row)
        self._returns = by
        self._remeasure_names()  # a missed target's disc takes room beside the name
        self.viewport().update()

    def missed_target(self, athlete_id: str) -> bool:
        return any(r.missed_in_plan for r in self._returns.get(athlete_id, ()))

    def missed_unproven(self, athlete_id: str) -> bool:
        """Every target the athlete's plan misses is missed by a plan far from the best
        possible: the mark reads as not final (an orange "?", not the red "!")."""
        rows = [r for r in self._returns.get(athlete_id, ()) if r.missed_in_plan]
        return bool(rows) and all(r.unproven for r in rows)

    def set_load_flags(self, flags: dict) -> None:
        """Athletes whose logged EWMA ratio is high (``ui.desktop.loadwords.LoadFlag``): the
        figure on the name column, the flag in words in the name's tooltip."""
        if flags != self._load_flags:
            self._load_flags = dict(flags)
            self._remeasure_names()  # the tags take room beside the names
            self.viewport().update()

    def load_flag(self, athlete_id: str):
        """The athlete's load flag, or None."""
        return self._load_flags.get(athlete_id)

    def set_highlights(self, cells, text: str = "Changed") -> None:
        """Outline cells, given as (athlete id, day index), in the theme's ``changed`` colour
        (the days a what-if scenario changed); ``text`` goes into their tooltips. Kept as day
        spans per athlete, so painting costs only the visible rows' spans. ``set_season``
        clears them."""
        by: dict[str, set[int]] = {}
        n = self._tl.n if self._tl else 0
        for aid, d in cells:
            if aid in self._row_of and 0 <= d < n:
                by.setdefault(aid, set()).add(d)
        self._highlights = {aid: _spans(days) for aid, days in by.items()}
        self._highlight_text = text
        self.viewport().update()

    def set_changed_weeks(self, weeks: dict[str | None, dict[int, str]]) -> None:
        """Outline weeks whose kind a what-if scenario changed, in the theme's ``changed`` colour:
        the team's (key None) on the team week row, an athlete's own (key: his id) across his
        row. Each week index maps to the change in words ("load → taper"), said in the week's
        tooltips. ``set_season`` clears them."""
        n = len(self._tl.weeks) if self._tl else 0
        self._changed_weeks = {
            who: {w: text for w, text in by.items() if w is not None and 0 <= w < n}
            for who, by in weeks.items() if who is None or who in self._row_of}
        self.viewport().update()

    def changed_week(self, who: str | None, w: int) -> str:
        """The change of week ``w``'s kind for the team (None) or an athlete, or ""."""
        return self._changed_weeks.get(who, {}).get(w, "")

    def highlighted(self) -> set[tuple[str, int]]:
        """The highlighted cells as (athlete id, day index)."""
        return {(aid, d) for aid, spans in self._highlights.items()
                for a, b in spans for d in range(a, b + 1)}

    def is_highlighted(self, athlete_id: str, d: int) -> bool:
        return any(a <= d <= b for a, b in self._highlights.get(athlete_id, ()))

    def violations_at(self, athlete_id: str, day: dt.date) -> list:
        """The marked violations that cover the athlete's day (the team's included)."""
        return [v for v in self._violations
                if v.start <= day <= v.end and v.athlete in (None, athlete_id)]

    def content_signature(self) -> str:
        """A short hash of what the board shows (athlete order, stages, intensity, week kinds)."""
        return self._signature

    def cell_at(self, pos: QPoint) -> tuple[str, dt.date] | None:
        """The (athlete id, date) under a viewport position, or None outside the grid."""
        hit = self._grid_hit(pos)
        if hit is None:
            return None
        row, day = hit
        assert self._tl is not None
        return self._rows[row].athlete_id, self._tl.days[day]

    def cell_rect(self, athlete_id: str, day: dt.date) -> QRect | None:
        """The viewport rectangle of a cell (it may lie outside the visible area)."""
        r = self._row_of.get(athlete_id)
        d = self._tl.index(day) if self._tl else None
        if r is None or d is None:
            return None
        return QRect(self._x(d), self._y(r), self._cw, self._g.row_h)

    def athlete_order(self) -> list[str]:
        return [r.athlete_id for r in self._rows]

    def follow_order(self, order: list[str]) -> None:
        """Rows in ``order`` (athletes it does not name keep theirs, after it): the comparison's
        two boards list the same athlete on the same row."""
        current = self.current()
        rank = {a: i for i, a in enumerate(order)}
        self._rows.sort(key=lambda r: rank.get(r.athlete_id, len(rank)))
        self._row_of = {r.athlete_id: i for i, r in enumerate(self._rows)}
        self._week_cache = {}  # keyed by row
        if current is not None and self._cur is not None:  # the selection stays on its athlete
            self._cur = (self._row_of[current[0]], self._cur[1])
        self.viewport().update()

    def scroll_to_date(self, day: dt.date) -> None:
        if self._tl is None:
            return
        i = self._tl.clamp_index(day)
        self.horizontalScrollBar().setValue(i * self._cw)

    def show_from(self, day: dt.date) -> None:
        """Scroll so that ``day`` is the first column shown, now or, before the board has its
        size (a window being built), as soon as it has one."""
        self._pending_from = day
        self._apply_pending_scroll()

    def _apply_pending_scroll(self) -> None:
        day = self._pending_from
        if day is None or self._tl is None or self.horizontalScrollBar().maximum() <= 0:
            return
        self._pending_from = None
        self.scroll_to_date(day)

    # selection ---------------------------------------------------------------------------------
    def current(self) -> tuple[str, dt.date] | None:
        """The selected (athlete id, date), or None."""
        if self._cur is None or self._tl is None:
            return None
        r, d = self._cur
        return self._rows[r].athlete_id, self._tl.days[d]

    def set_current(self, athlete_id: str | None, day: dt.date | None, center: bool = True) -> bool:
        """Select a cell and scroll it into view; None clears. False when it does not exist.

        With an athlete that is not on the board (``None`` or unknown) the date is still shown:
        the current row stays (or the first row is used).
        """
        if day is None:
            changed = self._cur is not None
            self._cur = None
            self.viewport().update()
            if changed:
                self._emit_current()
            return True
        if self._tl is None or not self._rows:
            return False
        d = self._tl.index(day)
        if d is None:
            return False
        if athlete_id in self._row_of:
            r = self._row_of[athlete_id]
        else:
            r = self._cur[0] if self._cur is not None else 0
        self._move_to(r, d, center)
        return athlete_id is None or athlete_id in self._row_of

    def _move_to(self, r: int, d: int, center: bool = False) -> None:
        assert self._tl is not None
        r = max(0, min(len(self._rows) - 1, r))
        d = max(0, min(self._tl.n - 1, d))
        changed = self._cur != (r, d)
        self._cur = (r, d)
        self.ensure_visible(r, d, center)
        self.viewport().update()
        if changed:
            self._emit_current()

    def _emit_current(self) -> None:
        cur = self.current()
        if cur is None:
            self.setAccessibleDescription(self._base_description)
            self.current_changed.emit("", None)
            return
        r, d = self._cur
        self.setAccessibleDescription(self._cell_tooltip(r, d).replace("\n", "; "))
        self.current_changed.emit(cur[0], cur[1])

    def ensure_visible(self, r: int, d: int, center: bool = False) -> None:
        """Scroll the cell into view: just enough (arrow keys), or to the middle of the view
        when it is near an edge or hidden (a jump from a link, a list or an editor)."""
        g = self._grid_rect()
        hb, vb = self.horizontalScrollBar(), self.verticalScrollBar()
        x0, x1 = d * self._cw, (d + 1) * self._cw
        if center:
            mx, my = 3 * self._cw, self._g.row_h
            if x0 - mx < hb.value() or x1 + mx > hb.value() + g.width():
                hb.setValue(x0 - (g.width() - self._cw) // 2)
            y0 = r * self._g.row_h
            if y0 - my < vb.value() or y0 + self._g.row_h + my > vb.value() + g.height():
                vb.setValue(y0 - (g.height() - self._g.row_h) // 2)
            return
        if x0 < hb.value():
            hb.setValue(x0)
        elif x1 > hb.value() + g.width():
            hb.setValue(x1 - g.width())
        y0, y1 = r * self._g.row_h, (r + 1) * self._g.row_h
        if y0 < vb.value():
            vb.setValue(y0)
        elif y1 > vb.value() + g.height():
            vb.setValue(y1 - g.height())

    # zoom --------------------------------------------------------------------------------------
    def zoom(self) -> str:
        return self._zoom

    def set_zoom(self, zoom: str) -> None:
        """``"day"``: a column per day; ``"week"``: the season at a glance, speed days per week."""
        if zoom not in self._g.zooms or zoom == self._zoom:
            return
        # Keep the day at the left edge (or the selected day) in view.
        anchor = self._cur[1] if self._cur is not None else self.horizontalScrollBar().value() // self._cw
        self._zoom = zoom
        self._cw = self._zoom_width(zoom)
        self._week_cache = {}
        self._position_texts.clear()
        self._update_scrollbars()
        if self._cur is not None:
            self.ensure_visible(*self._cur)
        else:
            self.horizontalScrollBar().setValue(anchor * self._cw)
        self.viewport().update()
        self.zoom_changed.emit(zoom)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1000, 600)

    # -- model -------------------------------------------------------------------------------
    def _build_rows(self) -> list[_Row]:
        """A row per athlete in the squad's display order (``planner.squad``), as the PDF and
        the exports list them."""
        season, tl = self._season, self._tl
        assert season is not None and tl is not None
        plan = season.plan
        rows = []
        for a in display_order(season):
            stages = intensity = weeks = week_speed = None
            unplanned = plan is not None and a.id in plan.unplanned
            ap = plan.for_athlete(a.id) if plan is not None and not unplanned else None
            if ap is not None:
                if len(ap.stages) == tl.n:
                    stages = tuple(ap.stages)
                if len(ap.intensity) == tl.n:
                    intensity = tuple(ap.intensity)
                    week_speed = tuple(tuple(intensity[d] for d in wk.days if intensity[d] >= SPEED_DAY)
                                       for wk in tl.weeks)
                if len(ap.weeks) == len(tl.weeks):
                    weeks = tuple(ap.weeks)
            recorded = recorded_stages(season, a.id, tl) if stages is None else None
            off = tl.unavailable(a.id)
            recovery = recovery_days(tl, stages, intensity, off) if stages and intensity else frozenset()
            rows.append(_Row(
                athlete_id=a.id,
                name=a.name,
                position=a.position,
                injured=is_injured(season, a.id, p0=tl.p0),  # in rehab from today on
                stages=stages,
                intensity=intensity,
                weeks=weeks,
                runs=_runs(_with_squad(stages or recorded, tl, not_with_squad(season, a.id)))
                if stages or recorded else (),
                unavailable=_spans(tl.unavailable(a.id)),
                week_speed=week_speed,
                recorded=recorded,
                recovery=recovery,
                unplanned=unplanned,
            ))
        return rows

    NAME_SHARE = 0.4  # the most of a narrow board the names take (they elide; tooltips whole)

    def _measure_names(self) -> int:
        """The name column: the widest name's room, up to NAME_MAX; on a narrow board (an
        editor open on a 1024-pixel screen) at most NAME_SHARE of it, so days stay in view."""
        fm = QFontMetrics(self._font)
        widest = max((fm.horizontalAdvance(r.name) + self._marks_room(r.athlete_id)
                      for r in self._rows), default=0)
        want = max(self._g.name_min, min(self._g.name_max, widest + 22 + 8 + fm.horizontalAdvance(POSITION_ROOM)))
        if self.isVisible() and self.viewport().width() > 0:
            want = min(want, max(self._g.name_min, int(self.NAME_SHARE * self.viewport().width())))
        return want

    def _marks_room(self, athlete_id: str) -> int:
        """The room the marks beside a name take: a missed target's disc, a load flag's tag
        ("EWMA 1.79" squeezed "Marco Ruiz" to "Ma…"). A season with a plan and logged
        sessions, the only one that can have a flag, keeps a tag's room beside every name
        whether one is shown or not: a tag that came with the load figures (after Move Today)
        widened the column by 40 px and the whole board moved right under the coach's eyes."""
        room = 15 if self.missed_target(athlete_id) else 0
        fm = QFontMetrics(self._marker_font)
        flag = self._load_flags.get(athlete_id)
        tag = fm.horizontalAdvance(flag.figure) + 12 if flag is not None else 0
        season = self._season
        if season is not None and season.plan is not None and season.sessions:
            tag = max(tag, max(fm.horizontalAdvance(t) for t in LOAD_TAG_ROOM) + 12)
        return room + tag

    def _compute_signature(self) -> str:
        h = hashlib.blake2b(digest_size=12)
        if self._season is not None and self._tl is not None:
            h.update(f"{self._tl.start}:{self._tl.n}".encode())
            h.update(repr(self._team_weeks).encode())
            for r in self._rows:
                h.update(repr((r.athlete_id, r.stages, r.intensity, r.weeks)).encode())
            h.update(repr([(c.id, c.date, c.priority) for c in self._season.competitions]).encode())
            h.update(repr(self._season.pins).encode())
        return h.hexdigest()

    # -- geometry ----------------------------------------------------------------------------
    def _content_size(self) -> tuple[int, int]:
        n = self._tl.n if self._tl else 0
        return n * self._cw, len(self._rows) * self._g.row_h

    def _grid_rect(self) -> QRect:
        vp = self.viewport().rect()
        return QRect(self._name_w, self._g.header_h, max(0, vp.width() - self._name_w),
                     max(0, vp.height() - self._g.header_h))

    def _update_scrollbars(self) -> None:
        cw, ch = self._content_size()
        g = self._grid_rect()
        hb, vb = self.horizontalScrollBar(), self.verticalScrollBar()
        hb.setRange(0, max(0, cw - g.width()))
        hb.setPageStep(max(self._cw, g.width()))
        hb.setSingleStep(self._cw if self._zoom == "day" else self._cw * 7)
        vb.setRange(0, max(0, ch - g.height()))
        vb.setPageStep(max(self._g.row_h, g.height()))
        vb.setSingleStep(self._g.row_h)
        self._apply_pending_scroll()

    def _zoom_width(self, zoom: str) -> int:
        """A day's width: 14 px in day zoom; in week zoom the widest (4 px down to 2) that puts
        the whole season in the board's width (both grown with a larger font, as the board's
        rows: ``boardgeom.font_scale``; week zoom still fits the season first)."""
        if zoom != "week" or self._tl is None:
            return self._g.zooms[zoom]
        width = self.viewport().width() if self.isVisible() else self.width() - 20
        room = width - self._name_w - 2
        return max(2, min(self._g.zooms["week"], room // max(1, self._tl.n)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # the days' width before (the viewport has its new size already)
        first, old = self.horizontalScrollBar().value(), event.oldSize()
        width = self._grid_rect().width() + old.width() - event.size().width()
        super().resizeEvent(event)
        self._remeasure_names()
        if old.isValid():
            self._keep_today_ahead(first, width)

    PAST = 1  # days before today a narrowed board keeps in view, at most

    def _keep_today_ahead(self, first: int, width: int) -> None:
        """The board narrowed (a Season editor docked on the left at 1366 x 768) kept its left
        edge: two past weeks stayed at the left, today's week in the middle and a week and a
        half of the future in view. Today seen before, the board now starts at today's week,
        with :data:`PAST` day of the past at most (a Tuesday: from its Monday; a Sunday: from
        its Saturday), so the days shown are the days ahead (day zoom; a scroll the board waits
        to make is left to it; a board already starting later keeps its place)."""
        tl, today, cw = self._tl, self._today, self._cw
        now = self._grid_rect().width()
        if (tl is None or today is None or self._zoom != "day" or self._pending_from is not None
                or not self.isVisible() or not 0 < now < width):
            return
        if not first <= today * cw < first + width:  # today was not in view: nothing to keep
            return
        start = max(tl.weeks[tl.week_of[today]].first, today - self.PAST) * cw
        if first < start:
            self.horizontalScrollBar().setValue(start)

    def _remeasure_names(self) -> None:
        """The name column measured again (a resize, a mark beside a name), and the week zoom's
        day width, which takes what the names leave."""
        name_w = self._measure_names()
        if name_w != self._name_w:
            self._name_w = name_w
            self._week_cache = {}
            self.viewport().update()
        if self._zoom == "week":
            cw = self._zoom_width("week")
            if cw != self._cw:
                self._cw = cw
                self._week_cache = {}
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt API
        self.viewport().update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.StyleChange):
            self._theme = BoardTheme.from_palette(self.palette())
            self._glyph_cache.clear()
            self._week_cache = {}
            self.viewport().update()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange,
                            QEvent.Type.StyleChange):
            self._position_texts.clear()
            if event.type() != QEvent.Type.StyleChange and hasattr(self, "drag"):
                self._set_fonts()
                self._remeasure_names()
                self._update_scrollbars()
                self.viewport().update()
        super().changeEvent(event)

    def theme(self) -> BoardTheme:
        return self._theme

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Shift+wheel, or a board with nothing to scroll vertically, scrolls through the season.
        d = event.angleDelta()
        if d.x() == 0 and (event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                           or self.verticalScrollBar().maximum() == 0):
            hb = self.horizontalScrollBar()
            hb.setValue(hb.value() - int(d.y() / 120 * self._cw * 7))
            event.accept()
            return
        super().wheelEvent(event)

    def _grid_hit(self, pos: QPoint) -> tuple[int, int] | None:
        if self._tl is None:
            return None
        g = self._grid_rect()
        if not g.contains(pos):
            return None
        x = pos.x() - g.left() + self.horizontalScrollBar().value()
        y = pos.y() - g.top() + self.verticalScrollBar().value()
        day, row = x // self._cw, y // self._g.row_h
        if 0 <= day < self._tl.n and 0 <= row < len(self._rows):
            return row, day
        return None

    def weeks_shown(self) -> tuple[int, int]:
        """How many of the season's weeks the board shows whole, and how many it has."""
        if self._tl is None or not self._tl.weeks:
            return 0, 0
        x0, width = self.horizontalScrollBar().value(), self._grid_rect().width()
        whole = [w for w in self._tl.weeks
                 if w.first * self._cw >= x0 and (w.last + 1) * self._cw <= x0 + width]
        return len(whole), len(self._tl.weeks)

    def _visible(self) -> tuple[int, int, int, int]:
        """First and last visible day and row (inclusive; last < first when none)."""
        g = self._grid_rect()
        x0, y0 = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        n = self._tl.n if self._tl else 0
        d0 = max(0, x0 // self._cw)
        d1 = min(n - 1, (x0 + g.width()) // self._cw)
        r0 = max(0, y0 // self._g.row_h)
        r1 = min(len(self._rows) - 1, (y0 + g.height()) // self._g.row_h)
        return d0, d1, r0, r1

    # -- input -------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if self.drag.press(pos, event.button()):
            event.accept()
            return
        hit = self._grid_hit(pos)
        if hit is not None:
            self._move_to(*hit)
            cur = self.current()
            if cur is not None and event.button() == Qt.MouseButton.LeftButton:
                self.cell_clicked.emit(cur[0], cur[1])
        elif self._tl is not None and self._rows:
            if pos.y() < self._g.header_h and pos.x() >= self._name_w:  # a day in the header
                x = pos.x() - self._name_w + self.horizontalScrollBar().value()
                d = x // self._cw
                if 0 <= d < self._tl.n:
                    left = event.button() == Qt.MouseButton.LeftButton
                    # the squad's day follows: the Inspector builds no cell page first
                    self.header_click = self._tl.days[d] if left else None
                    try:
                        self._move_to(self._cur[0] if self._cur else 0, d)
                    finally:
                        self.header_click = None
                    if left:
                        self.day_clicked.emit(self._tl.days[d])
            elif pos.x() < self._name_w and pos.y() >= self._g.header_h:  # an athlete's name
                r = (pos.y() - self._g.header_h + self.verticalScrollBar().value()) // self._g.row_h
                if 0 <= r < len(self._rows):
                    self._move_to(r, self._cur[1] if self._cur else self._visible()[0])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.drag.move(event.position().toPoint()):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.drag.release(event.position().toPoint()):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.reason() == event.Reason.Mouse:
            hit = self._grid_hit(event.pos())  # delivered through the viewport: its coordinates
            if hit is None:
                return
            self._move_to(*hit)
            gpos = event.globalPos()
        else:
            if self._cur is None:
                return
            r, d = self._cur
            gpos = self.viewport().mapToGlobal(QPoint(self._x(d) + self._cw // 2,
                                                      self._y(r) + self._g.row_h // 2))
        cur = self.current()
        if cur is not None:
            self.cell_menu_requested.emit(cur[0], cur[1], gpos)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self.drag.cancel():
            event.accept()
            return
        if self._tl is None or not self._rows:
            super().keyPressEvent(event)
            return
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        step = 7 if (self._zoom == "week" or ctrl) else 1
        if self._cur is None:
            d0, _, r0, _ = self._visible()
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                       Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._move_to(r0, d0)
                event.accept()
                return
            super().keyPressEvent(event)
            return
        r, d = self._cur
        page = max(1, self._grid_rect().height() // self._g.row_h - 1)
        moves = {
            Qt.Key.Key_Left: (r, d - step),
            Qt.Key.Key_Right: (r, d + step),
            Qt.Key.Key_Up: (r - 1, d),
            Qt.Key.Key_Down: (r + 1, d),
            Qt.Key.Key_PageUp: (r - page, d),
            Qt.Key.Key_PageDown: (r + page, d),
            Qt.Key.Key_Home: (0 if ctrl else r, 0),
            Qt.Key.Key_End: (len(self._rows) - 1 if ctrl else r, self._tl.n - 1),
        }
        if key in moves:
            self._move_to(*moves[key])
            event.accept()
            return
        super().keyPressEvent(event)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        t0 = time.perf_counter()
        p = QPainter(self.viewport())
        try:
            vp = self.viewport().rect()
            p.fillRect(vp, self._theme.base)
            self.painted_glyphs = 0
            if self._tl is None:
                p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                p.drawText(vp, Qt.AlignmentFlag.AlignCenter, "No season open")
                return
            self._paint_grid(p)
            self._paint_header(p)
            self._paint_names(p)
            self._paint_corner(p)
            self._paint_today(p)
            self.drag.paint(p)
            self._paint_focus(p)
            if not self._rows:
                p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                # wrapped in the whole empty viewport: with a panel docked on each side the grid
                # alone cut the sentence at both ends
                room = self.viewport().rect().adjusted(16, self._g.header_h, -16, 0)
                p.drawText(room, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                           f"{NO_SQUAD_YET}), the competitions (Season ▸ Competitions), then "
                           f"Plan ▸ Solve (F5).")
        finally:
            p.end()
            self.paint_count += 1
            self.last_paint_ms = (time.perf_counter() - t0) * 1000

    def _paint_focus(self, p: QPainter) -> None:
        """A frame in the highlight colour while the board has the keyboard (F6, Escape in an
        editor): the keys' target is seen, not guessed."""
        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_W)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_W // 2
            p.drawRect(self.viewport().rect().adjusted(half, half, -half - 1, -half - 1))

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.viewport().update()

    def _x(self, day: int) -> int:
        return self._name_w + day * self._cw - self.horizontalScrollBar().value()

    def _y(self, row: int) -> int:
        return self._g.header_h + row * self._g.row_h - self.verticalScrollBar().value()

    def _glyph(self, level: int, scale: float | None = None,
               off: tuple[float, float] = (0.0, 0.0)) -> QPixmap:
        """The glyph of a level, rendered once per theme into a 16 px pixmap (fast to blit; larger
        with a larger font: ``_g.glyph``), centred on its middle moved by ``off`` (a fraction of
        a pixel); ``scale`` None: the board's font scale."""
        scale = self._g.scale if scale is None else scale
        key: tuple = (level, scale, off)
        pix = self._glyph_cache.get(key)
        if pix is None:
            dpr = self.devicePixelRatioF() or 1.0
            size = self._g.glyph
            pix = QPixmap(int(size * dpr), int(size * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            gp = QPainter(pix)
            gp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            cx, cy = size / 2 + off[0], size / 2 + off[1]
            if level == RECOVERY:
                draw_recovery(gp, cx, cy, self._theme.intensity_colour(70), RING_R * scale)
            elif level == -1:  # "more than shown"
                gp.fillRect(QRectF(size / 2 - 2.5, size / 2 - 0.75, 5, 1.5), self._theme.text)
                gp.fillRect(QRectF(size / 2 - 0.75, size / 2 - 2.5, 1.5, 5), self._theme.text)
            else:
                draw_glyph(gp, level, cx, cy, self._theme.intensity_colour(level), scale)
            gp.end()
            self._glyph_cache[key] = pix
        return pix

    def _marker(self, priority: str, size: int) -> QPixmap:
        """A competition's priority marker, rendered once per theme."""
        key = (-3, priority, size)
        pix = self._glyph_cache.get(key)
        if pix is None:
            dpr = self.devicePixelRatioF() or 1.0
            pix = QPixmap(int(size * dpr), int(size * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            gp = QPainter(pix)
            gp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            draw_priority(gp, QRectF(0, 0, size, size), priority, self._marker_font, self._theme.priority)
            gp.end()
            self._glyph_cache[key] = pix
        return pix

    def _week_cells(self, r: int) -> list[tuple[int, int, QPixmap, int]]:
        """Week zoom, row ``r``: (week, x offset, pixmap, glyph count) of each week with speed
        days, computed once per season, zoom and theme."""
        cells = self._week_cache.get(r)
        if cells is None:
            tl, row = self._tl, self._rows[r]
            cells = []
            for w, levels in enumerate(row.week_speed or ()):
                if not levels:
                    continue
                wk = tl.weeks[w]
                pix = self._week_glyphs(levels)
                width = (wk.last - wk.first + 1) * self._cw
                dx = wk.first * self._cw + (width - round(pix.width() / pix.devicePixelRatio())) // 2
                cells.append((w, dx, pix, min(3, len(levels))))
            self._week_cache[r] = cells
        return cells

    def _week_glyphs(self, levels: tuple[int, ...]) -> QPixmap:
        """A week's speed days in week zoom (up to three small glyphs, "+" for more), rendered
        once per combination and theme: one blit per athlete-week."""
        items = levels[:3] + ((-1,) if len(levels) > 3 else ())
        week_w = 7 * self._cw  # a narrow week (a long season fitted in view): smaller glyphs
        step = 8 if week_w >= 26 else max(4, (week_w - 2) // len(items))
        key = (-2, items, step)
        pix = self._glyph_cache.get(key)
        if pix is None:
            dpr = self.devicePixelRatioF() or 1.0
            scale = 0.7 if step >= 7 else 0.5
            width, half = step * len(items), self._g.glyph // 2
            pix = QPixmap(int(width * dpr), int(self._g.glyph * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            gp = QPainter(pix)
            for k, lv in enumerate(items):
                gp.drawPixmap(k * step + step // 2 - half, 0, self._glyph(lv, scale if lv > 0 else 1.0))
            gp.end()
            self._glyph_cache[key] = pix
        return pix

    def _frame(self) -> _Frame | None:
        """What the visible part of the grid covers; None when no day is visible."""
        tl = self._tl
        assert tl is not None
        g = self._grid_rect()
        d0, d1, r0, r1 = self._visible()
        if d1 < d0:
            return None
        rows_bottom = min(g.bottom() + 1, self._y(len(self._rows)))
        return _Frame(g=g, d0=d0, d1=d1, r0=r0, r1=r1, w0=tl.week_of[d0], w1=tl.week_of[d1],
                      ox=self._x(0), col_h=max(0, rows_bottom - g.top()))

    def _paint_grid(self, p: QPainter) -> None:
        """The grid in layers, bottom to top; each layer paints only the visible days and rows."""
        f = self._frame()
        if f is None:
            return
        p.save()
        p.setClipRect(f.g)
        self._paint_columns(p, f)
        self._paint_stages(p, f)
        self._paint_lines(p, f)
        self._paint_edges_and_bands(p, f)
        self._paint_v2(p, f, provisional=True)
        self._paint_glyphs(p, f)
        self._paint_v2(p, f, provisional=False)
        self._paint_changed_outlines(p, f)
        self._paint_marks(p, f)
        self._paint_past(p, f)
        self._paint_selection(p, f)
        p.restore()

    def _paint_columns(self, p: QPainter, f: _Frame) -> None:
        """Columns, under every row: the team week kind's tint and the days without training."""
        tl, th, cw = self._tl, self._theme, self._cw
        p.setPen(Qt.PenStyle.NoPen)
        if self._team_weeks:
            tints: dict[str, list[QRect]] = {}
            for w in range(f.w0, f.w1 + 1):
                kind = self._team_weeks[w]
                if kind in th.week_tint:
                    wk = tl.weeks[w]
                    tints.setdefault(kind, []).append(
                        QRect(f.ox + wk.first * cw, f.g.top(), (wk.last - wk.first + 1) * cw, f.col_h))
            for kind, rects in tints.items():
                p.setBrush(th.week_tint[kind])
                p.drawRects(rects)
        # Days off: the shade already composed over the base or the week's tint (opaque
        # fills are much faster than blending).
        off: dict[str | None, list[QRect]] = {}
        for d in range(f.d0, f.d1 + 1):
            if not tl.is_training[d] and not tl.is_comp[d]:
                kind = self._team_weeks[tl.week_of[d]] if self._team_weeks else None
                off.setdefault(kind if kind in th.week_tint else None, []).append(
                    QRect(f.ox + d * cw, f.g.top(), cw, f.col_h))
        for kind, rects in off.items():
            p.setBrush(th.over(th.week_tint[kind] if kind else th.base, th.non_training))
            p.drawRects(rects)
        # the team's declared days off (a winter break) hatched, unlike a weekly rest day; a
        # match on one is still played, and not hatched
        declared = [QRect(f.ox + d * cw, f.g.top(), cw, f.col_h) for d in self._non_training_reason
                    if f.d0 <= d <= f.d1 and not tl.is_comp[d]]
        if declared:
            p.setBrush(th.day_off)
            p.drawRects(declared)

    def _paint_stages(self, p: QPainter, f: _Frame) -> None:
        """Rows: rehab stage stretches and unavailable hatching (rectangles batched by colour)."""
        th, cw = self._theme, self._cw
        fills: dict[str, list[QRect]] = {}
        for r in range(f.r0, f.r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            for a, b, stage in row.runs:
                if f.sees(a, b) and stage in th.stages:
                    fills.setdefault(stage, []).append(QRect(f.ox + a * cw, y, (b - a + 1) * cw, self._g.row_h))
            for a, b in row.unavailable:
                if f.sees(a, b):
                    p.fillRect(QRect(f.ox + a * cw, y + 1, (b - a + 1) * cw, self._g.row_h - 2), th.hatch)
        p.setPen(Qt.PenStyle.NoPen)
        for stage, rects in fills.items():
            p.setBrush(th.stages[stage])
            p.drawRects(rects)

    def _paint_lines(self, p: QPainter, f: _Frame) -> None:
        """Grid lines: light between days (day zoom), darker between weeks, darkest between
        months and under the injured group and each position group."""
        tl, th, cw, g = self._tl, self._theme, self._cw, f.g
        right = min(g.right(), self._x(tl.n))
        bottom = g.top() + f.col_h
        light = [QLine(g.left(), self._y(r), right, self._y(r)) for r in range(f.r0, f.r1 + 2)]
        weeks, months = [], []
        for d in range(f.d0, min(f.d1 + 1, tl.n - 1) + 1):
            x = f.ox + d * cw
            if tl.days[d].day == 1 and d > 0:
                months.append(QLine(x, g.top(), x, bottom))
            elif self._is_week_start(d):
                weeks.append(QLine(x, g.top(), x, bottom))
            elif self._zoom == "day":
                light.append(QLine(x, g.top(), x, bottom))
        weeks.append(QLine(self._x(tl.n), g.top(), self._x(tl.n), bottom))
        groups = [QLine(g.left(), self._y(r), right, self._y(r))
                  for r in range(max(1, f.r0), f.r1 + 1)
                  if self._rows[r].group != self._rows[r - 1].group]
        for lines, colour in ((light, th.line), (weeks, th.week_line), (months, th.month_line),
                              (groups, th.week_line)):
            if lines:
                p.setPen(QPen(colour, 1))
                p.drawLines(lines)

    def _paint_edges_and_bands(self, p: QPainter, f: _Frame) -> None:
        """Over the lines: where a stage starts (a darker edge), and the athlete's own week kind
        as a band at the foot of the row where it differs from the team's."""
        tl, th, cw = self._tl, self._theme, self._cw
        bands: dict[str, list[QRect]] = {}
        for r in range(f.r0, f.r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            for a, _b, stage in row.runs:
                if a == 0 or not f.d0 <= a <= f.d1 or stage == "":
                    continue
                colour = th.stages.get(stage, th.stages.get(row.runs[0][2]))
                p.fillRect(QRect(f.ox + a * cw, y + 1, 2, self._g.row_h - 1), (colour or th.week_line).darker(150))
            if not (row.weeks and self._team_weeks):
                continue
            for w in range(f.w0, f.w1 + 1):
                own = row.weeks[w]
                if own != self._team_weeks[w]:
                    wk = tl.weeks[w]
                    bands.setdefault(own, []).append(
                        QRect(f.ox + wk.first * cw + 2, y + self._g.row_h - self._g.band_h - 1,
                              (wk.last - wk.first + 1) * cw - 3, self._g.band_h))
        p.setPen(Qt.PenStyle.NoPen)
        for own, rects in bands.items():
            p.setBrush(th.week_band[own])
            p.drawRects(rects)

    def _changed_rects(self, f: _Frame, inset: int = 0) -> list[QRect]:
        """The visible stretches of changed days (a what-if comparison), row by row."""
        cw, out = self._cw, []
        for r in range(f.r0, f.r1 + 1):
            y = self._y(r)
            aid = self._rows[r].athlete_id
            weeks = [(self._tl.weeks[w].first, self._tl.weeks[w].last)
                     for w in self._changed_weeks.get(aid, ())]
            for a, b in (*self._highlights.get(aid, ()), *weeks):
                if f.sees(a, b):
                    out.append(QRect(f.ox + a * cw + inset, y + inset,
                                     (b - a + 1) * cw - 2 * inset, self._g.row_h - 2 * inset))
        return out

    def _paint_glyphs(self, p: QPainter, f: _Frame) -> None:
        """Stage names where a stretch has room (days without a glyph), then the glyphs."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self._small)
        fm = QFontMetrics(self._small)
        pix = {lv: self._glyph(lv) for lv in (60, 70, 80, 90, 95, 100)}
        pix.update({lv: self._glyph(lv) for r in range(f.r0, f.r1 + 1) if self._rows[r].intensity
                    for lv in set(self._rows[r].intensity[f.d0:f.d1 + 1]) - set(pix) if lv > 0})
        glyphs = 0
        for r in range(f.r0, f.r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            self._paint_stage_names(p, f, row, y, fm)
            if row.intensity is None:
                continue
            cy = y + (self._g.row_h - self._g.band_h) // 2 + 1 - self._g.glyph // 2
            if self._zoom == "day":
                glyphs += self._paint_day_glyphs(p, f, row, cy, pix)
            elif row.week_speed is not None:
                for w, dx, pix_w, n in self._week_cells(r):
                    if f.w0 <= w <= f.w1:
                        p.drawPixmap(f.ox + dx, cy, pix_w)
                        glyphs += n
        self.painted_glyphs = glyphs

    def _paint_stage_names(self, p: QPainter, f: _Frame, row: _Row, y: int, fm: QFontMetrics) -> None:
        for rect, stage, colour in self._stage_labels(f, row, y, fm):
            p.setPen(colour)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, stage)

    def _stage_labels(self, f: _Frame, row: _Row, y: int,
                      fm: QFontMetrics) -> list[tuple[QRect, str, QColor]]:
        """Each stage stretch's name (rect, stage, colour) where it has room: on days without a
        glyph, and past a day's letter (a flare-up's "!" starts the stage it sends the athlete
        back to: drawn over the name, "S3" read "!3"). In day zoom the name comes again in each
        later week of the stretch that has room, and a name at the view's left edge is drawn whole,
        past the names' column (under it, P2 read "2"): P2, S1 and S2 read as one khaki to a
        colour-blind coach, who could not tell a stage whose name was weeks away."""
        th, out = self._theme, []
        lettered = badge_days(self._marks.get(row.athlete_id)) if self._zoom == "day" else frozenset()
        hidden = max(0, self._name_w - self._x(f.d0))  # the first day's part under the names
        for k, (a, b, stage) in enumerate(row.runs):
            if row.recorded is not None and k + 1 < len(row.runs) and row.runs[k + 1][2] == "":
                b = row.runs[k + 1][1]  # no plan: the name may run into the days not known yet
            if not f.sees(a, b) or stage in ("FIT", ""):
                continue
            width = fm.horizontalAdvance(stage) + 3
            colour = th.stage_text.get(stage, th.text)
            lo, hi = max(a, f.d0), min(b, f.d1)
            while lo <= hi:
                found = self._label_spot(row, lo, hi, width, lettered)
                if found is not None and found[0] == f.d0 and hidden:  # its room partly hidden
                    found = (self._label_spot(row, lo, hi, width + hidden, lettered)
                             or self._label_spot(row, lo + 1, hi, width, lettered))
                if found is None:
                    break
                spot, cells, skip = found
                left = max(self._x(spot) + skip, self._name_w)  # whole in view, never cut
                out.append((QRect(left, y, self._x(spot + cells) + 1 - left,
                                  self._g.row_h - self._g.band_h),
                            stage, colour if spot + cells - 1 <= row.runs[k][1] else th.text))
                if self._zoom != "day":
                    break
                lo = self._next_week_start(spot + cells - 1)  # the name again a week on
        return out

    def _next_week_start(self, d: int) -> int:
        """The first day of the week after day ``d``'s."""
        tl = self._tl
        w = tl.week_of[d] + 1
        return tl.weeks[w].first if w < len(tl.weeks) else tl.n

    def stage_label_rects(self, athlete_id: str) -> list[tuple[QRect, str]]:
        """The visible stage names of an athlete's row: the box each name's text takes, and the
        name (as :meth:`_paint_stage_names` draws them)."""
        f, r = self._frame(), self._row_of.get(athlete_id)
        if f is None or r is None or not f.r0 <= r <= f.r1:
            return []
        fm = QFontMetrics(self._small)
        return [(fm.boundingRect(rect, int(Qt.AlignmentFlag.AlignCenter), stage), stage)
                for rect, stage, _c in self._stage_labels(f, self._rows[r], self._y(r), fm)]

    def _paint_day_glyphs(self, p: QPainter, f: _Frame, row: _Row, cy: int,
                          pix: dict[int, QPixmap]) -> int:
        cw, intensity = self._cw, row.intensity
        half = self._g.glyph // 2
        left = f.ox + cw // 2 - half
        n = 0
        ring = self._glyph(RECOVERY) if row.recovery else None
        lettered = badge_days(self._marks.get(row.athlete_id))
        top = cy + half - (self._g.row_h - self._g.band_h) // 2 - 1  # the row's top (cy: a glyph pixmap's)
        for d in range(f.d0, f.d1 + 1):
            lv = intensity[d]
            if lv <= 0 and (ring is None or d not in row.recovery):
                continue
            n += lv > 0
            if d in lettered:  # under the day's letter, fitted to the room it leaves
                x, y, under = self.glyph_spot(lv if lv > 0 else RECOVERY, self._x(d), top, True)
                p.drawPixmap(x, y, under)
            else:
                p.drawPixmap(left + d * cw, cy, pix[lv] if lv > 0 else ring)
        return n

    def glyph_spot(self, level: int, x: int, y: int, lettered: bool) -> tuple[int, int, QPixmap]:
        """Where and what a cell's intensity mark (``level``, or ``RECOVERY``) is blitted in day
        zoom: (left, top, pixmap), for the cell whose top left is ``(x, y)``. A cell with a letter
        (``lettered``: a role, C or !) has it under the letter, shrunk to the room left
        (``boardmarks.mark_room``): centred, the letter hid it."""
        g = self._g
        half = g.glyph // 2
        if not lettered:
            return x + self._cw // 2 - half, y + (g.row_h - g.band_h) // 2 + 1 - half, self._glyph(level)
        room = mark_room(x, y, self._cw, g.row_h - g.band_h, g.scale)
        if level == RECOVERY:
            cx, cy = room.center().x(), room.center().y()
            scale = min(g.scale, (room.height() - 0.5) / (2 * RING_R + RING_PEN))
        else:
            cx, cy, scale = fitted_glyph(level, room, g.scale)
        ix, iy = math.floor(cx), math.floor(cy)
        return ix - half, iy - half, self._glyph(level, round(scale, 3), (cx - ix, cy - iy))

    def _paint_v2(self, p: QPainter, f: _Frame, provisional: bool) -> None:
        """Rules v2 (``ui.desktop.boardmarks``): the provisional hatch under the glyphs; role
        letters, compensation sessions, flare-ups and calm days over them (day zoom)."""
        args = (self._marks, lambda r: self._rows[r].athlete_id, (f.d0, f.d1), (f.r0, f.r1),
                self._x, self._y, self._cw)
        if provisional:
            paint_provisional(p, *args, self._g.row_h, self._theme)
        elif self._zoom == "day":
            paint_day_marks(p, *args, self._theme, self._small, self._g.scale)

    def marks_of(self, athlete_id: str):
        """The athlete's v2 marks (``planner.daymarks.DayMarks``), or None."""
        return self._marks.get(athlete_id)

    def _paint_changed_outlines(self, p: QPainter, f: _Frame) -> None:
        """Changed days: an outline around each changed stretch (and an athlete's changed week)."""
        if not self._highlights and not self._changed_weeks:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(QPen(self._theme.changed, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRects(self._changed_rects(f, inset=1))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_marks(self, p: QPainter, f: _Frame) -> None:
        """Rule violations (a red frame and corner) and pins (a corner flag)."""
        th, cw = self._theme, self._cw
        for r in range(f.r0, f.r1 + 1):
            y = self._y(r)
            for a, b in self._bad_cells.get(self._rows[r].athlete_id, ()):
                if not f.sees(a, b):
                    continue
                p.setPen(QPen(th.violation, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRect(self._x(a) + 1, y + 1, (b - a + 1) * cw - 2, self._g.row_h - 2))
                x1 = self._x(a) + max(cw, 8)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(th.violation)
                p.drawPolygon(QPolygonF([QPointF(x1, y), QPointF(x1 - 6, y), QPointF(x1, y + 6)]))
        for (aid, d), _pins in self._pins.items():
            r = self._row_of.get(aid)
            if r is not None and f.r0 <= r <= f.r1 and f.d0 <= d <= f.d1:
                colour = pin_colour(th, (aid, d) in self._waiting_pins)
                draw_pin_flag(p, self._x(d) + 1, self._y(r) + 1, colour, self._g.px(6) if cw >= 8 else 5)

    def _paint_past(self, p: QPainter, f: _Frame) -> None:
        """Up to today (day zoom): a tick on a logged day, a corner on one that went otherwise, a
        red triangle on a logged pain to look at. Today once logged is marked as a day before
        it: a 4/10 logged today showed nothing on the board."""
        p0 = self._tl.p0
        if self._zoom == "day" and f.d0 <= p0:
            paint_past(p, self._past, lambda r: self._rows[r].athlete_id, (f.d0, min(f.d1, p0)),
                       (f.r0, f.r1), self._x, self._y, self._cw, self._theme.dark, self._theme.dim_text)

    def pain_mark(self, athlete_id: str, day: dt.date) -> bool:
        """Does the board mark the day's logged pain (a flare-up proposed, or a pain listed:
        ``planner.progress.listed_pains``), on a day up to today?"""
        d = self._tl.index(day) if self._tl is not None else None
        return d is not None and d <= self._tl.p0 and self._past.painful(athlete_id, d)

    def past_mark(self, athlete_id: str, day: dt.date) -> str | None:
        """``"logged"``, ``"otherwise"`` (planned one level, logged another) or None: the mark
        the board draws on a day up to today."""
        d = self._tl.index(day) if self._tl is not None else None
        return self._past.mark(athlete_id, d) if d is not None and d <= self._tl.p0 else None

    def _paint_selection(self, p: QPainter, f: _Frame) -> None:
        """The selected cell (and, in week zoom, its week)."""
        if self._cur is None:
            return
        r, d = self._cur
        if not (f.r0 <= r <= f.r1 and f.d0 <= d <= f.d1):
            return
        tl, th, cw = self._tl, self._theme, self._cw
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self._zoom == "week":
            wk = tl.weeks[tl.week_of[d]]
            p.setPen(QPen(th.selection, 1, Qt.PenStyle.DashLine))
            p.drawRect(QRect(self._x(wk.first), self._y(r), (wk.last - wk.first + 1) * cw - 1, self._g.row_h - 1))
        p.setPen(QPen(th.selection, 2))
        p.drawRect(QRect(self._x(d), self._y(r) + 1, max(cw - 1, 3), self._g.row_h - 2))

    def _label_spot(self, row: _Row, a: int, b: int, width: int,
                    lettered: frozenset[int] = frozenset()) -> tuple[int, int, int] | None:
        """Where a label ``width`` pixels wide goes in [a, b]: (its first day, the days it
        spans, the pixels it starts past that day's left edge), on days without a glyph; a day
        with a letter (``lettered``) may only start it, the label then past the letter; or None."""
        tl, cw = self._tl, self._cw
        if row.intensity is None:
            cells = (width + cw - 1) // cw
            return (a, cells, 0) if b - a + 1 >= cells else None
        start, skip = None, 0
        for d in range(a, b + 1):
            if self._zoom == "day":
                empty = row.intensity[d] <= 0
            else:
                empty = not (row.week_speed and row.week_speed[tl.week_of[d]])
            if not empty or (d in lettered and start is not None):
                start = None
            if empty and start is None:
                start, skip = d, (self._g.px(BADGE_W) + 1 if d in lettered else 0)
            if start is not None and (d - start + 1) * cw - skip >= width:
                return start, d - start + 1, skip
        return None

    def _is_week_start(self, d: int) -> bool:
        tl = self._tl
        assert tl is not None
        return d == 0 or tl.week_of[d] != tl.week_of[d - 1]

    def _paint_header(self, p: QPainter) -> None:
        """The header rows in layers: months, weeks (with the team week kinds), blocks, the
        team's rule violations, and days (weekday letters or competition markers)."""
        th = self._theme
        vp = self.viewport().rect()
        area = QRect(self._name_w, 0, max(0, vp.width() - self._name_w), self._g.header_h)
        d0, d1, _, _ = self._visible()
        p.save()
        p.setClipRect(area)
        p.fillRect(area, th.header_bg)
        if d1 >= d0:
            self._paint_months(p, d0, d1)
            self._paint_weeks(p, d0, d1)
            self._paint_blocks(p, d0, d1)
            self._paint_team_violations(p, d0, d1)
            self._paint_changed_team_weeks(p, d0, d1)
            self._paint_days(p, d0, d1)
            self._paint_header_rules(p, area)
        p.restore()

    def _paint_months(self, p: QPainter, d0: int, d1: int) -> None:
        tl, th = self._tl, self._theme
        p.setFont(self._bold)
        fmb = QFontMetrics(self._bold)
        self._month_spans = []  # the titles' x ranges (the today badge keeps clear of them)
        start = d0
        while start <= d1:
            day = tl.days[start]
            nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            end = min(tl.n - 1, start + (nxt - day).days - 1)
            x0, x1 = self._x(start), self._x(end + 1)
            p.setPen(QPen(th.month_line, 1))
            p.drawLine(x0, self._g.y_month, x0, self._g.y_month + self._g.month_h)
            p.setPen(th.text)
            label_x = max(x0, self._name_w) + 4
            if end == tl.n - 1:  # the season's last month may use the empty header after it
                x1 = max(x1, self.viewport().width())
            room = max(0, x1 - label_x - 2)
            forms = month_forms(day)
            if self._today is not None and x0 <= self._x(self._today) < x1:
                # today's badge sits right of its line: the title ends before the line, or
                # starts after the badge when the line is in the month's first days; where
                # neither leaves room for "Feb ’27" (week zoom) the title stays and the badge
                # gives way to a small flag
                tx = self._x(self._today)
                short = fmb.horizontalAdvance(forms[2])
                badge = QFontMetrics(self._marker_font).horizontalAdvance("today") + 6
                if tx - label_x >= short + 6:
                    room = min(room, tx - label_x - 4)
                elif x1 - (tx + badge + 6) - 2 >= short:
                    label_x = max(label_x, tx + badge + 6)
                    room = max(0, x1 - label_x - 2)
            text = next((t for t in forms if fmb.horizontalAdvance(t) <= room), forms[-1])
            shown = fmb.elidedText(text, Qt.TextElideMode.ElideRight, room)
            p.drawText(QRect(label_x, self._g.y_month, room, self._g.month_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
            self._month_spans.append((label_x, label_x + fmb.horizontalAdvance(shown)))
            start = end + 1

    def _paint_weeks(self, p: QPainter, d0: int, d1: int) -> None:
        """Each week's number and first day, its team week kind (tinted, named when a deload or
        taper) and the team's week pin."""
        tl, th = self._tl, self._theme
        p.setFont(self._small)
        fm = QFontMetrics(self._small)
        step = self.week_label_step(fm)
        for w in range(tl.week_of[d0], tl.week_of[d1] + 1):
            wk = tl.weeks[w]
            x0, x1 = self._x(wk.first), self._x(wk.last + 1)
            kind = self._team_weeks[w] if self._team_weeks else None
            tint = th.week_tint.get(kind) if kind else None
            if tint is not None:
                p.fillRect(QRect(x0, self._g.y_kind, x1 - x0, self._g.kind_h), tint)
                p.fillRect(QRect(x0, self._g.y_kind + self._g.kind_h - 3, x1 - x0, 3), th.week_band[kind])
            p.setPen(QPen(th.week_line, 1))
            p.drawLine(x0, self._g.y_week, x0, self._g.header_h)
            p.setPen(th.text)
            lx = max(x0, self._name_w)  # a week cut by the left edge keeps its label in view
            room = x1 - lx - 4
            if w % step == 0:  # narrow weeks: every step-th week's number, the others' room
                ends = self._x(tl.weeks[min(w + step, len(tl.weeks)) - 1].last + 1)
                wide = (ends - lx - 4) if step > 1 else room
                p.drawText(QRect(lx + 2, self._g.y_week, max(0, wide + 2), self._g.week_h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           self._week_label(w, fm, wide))
            if kind in ("deload", "taper"):
                label = kind if fm.horizontalAdvance(kind) <= room else kind[0].upper()
                p.drawText(QRect(lx + 3, self._g.y_kind, max(0, room), self._g.kind_h - 2),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            if w in self._team_pins:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                waiting = (None, wk.first) in self._waiting_pins
                draw_pin_flag(p, x0 + 1, self._g.y_kind + 1, pin_colour(th, waiting), self._g.px(6))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def week_label_step(self, fm: QFontMetrics | None = None) -> int:
        """Every how many weeks the header numbers one: 1 while the season's largest number fits
        a week's width, else the fewest weeks it fits (week zoom at a larger font: "10111213"
        ran into each other on 14 px weeks)."""
        if self._tl is None or not self._tl.weeks:
            return 1
        fm = fm or QFontMetrics(self._small)
        week_w = 7 * self._cw
        need = fm.horizontalAdvance(str(len(self._tl.weeks))) + 2
        return 1 if need <= week_w else -(-need // week_w)

    def _week_label(self, w: int, fm: QFontMetrics, room: int) -> str:
        """``W12  23 Sep``, or as much of it as fits."""
        text = f"W{w + 1}  {date_short(self._tl.days[self._tl.weeks[w].first])}"
        if fm.horizontalAdvance(text) > room:
            text = f"W{w + 1}"
        if fm.horizontalAdvance(text) > room + 3:
            text = str(w + 1)
        return text

    def _paint_blocks(self, p: QPainter, d0: int, d1: int) -> None:
        tl, th = self._tl, self._theme
        fm = QFontMetrics(self._small)
        for blk in self._season.blocks:
            a, b = tl.index(blk.start), tl.index(blk.end)
            if a is None or b is None or b < d0 or a > d1:
                continue
            x0, x1 = self._x(a), self._x(b + 1)
            rect = QRect(x0 + 1, self._g.y_block + 1, x1 - x0 - 2, self._g.block_h - 2)
            p.fillRect(rect, th.block_fill)
            p.setPen(th.block_edge)
            p.setBrush(Qt.BrushStyle.NoBrush)  # a team week pin's flag left its brush set
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            p.setPen(th.block_text)
            label_x = max(x0, self._name_w) + 4
            room = max(0, x1 - label_x - 3)
            p.drawText(QRect(label_x, self._g.y_block, room, self._g.block_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(blk.name + (f" · {blk.emphasis}" if blk.emphasis else ""),
                                     Qt.TextElideMode.ElideRight, room))

    def _paint_team_violations(self, p: QPainter, d0: int, d1: int) -> None:
        for a, b in self._bad_team:
            if b < d0 or a > d1:
                continue
            p.setPen(QPen(self._theme.violation, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRect(self._x(a) + 1, self._g.y_kind + 1, (b - a + 1) * self._cw - 2, self._g.kind_h - 2))

    def _paint_changed_team_weeks(self, p: QPainter, d0: int, d1: int) -> None:
        """The team weeks whose kind a what-if scenario changed: outlined as changed days are."""
        tl = self._tl
        for w in self._changed_weeks.get(None, ()):
            a, b = tl.weeks[w].first, tl.weeks[w].last
            if b < d0 or a > d1:
                continue
            p.setPen(QPen(self._theme.changed, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRect(self._x(a) + 1, self._g.y_kind + 1, (b - a + 1) * self._cw - 2, self._g.kind_h - 2))

    def _paint_days(self, p: QPainter, d0: int, d1: int) -> None:
        """Days: weekday letters, or a priority marker on a competition day; the selected day
        underlined."""
        tl, th, cw = self._tl, self._theme, self._cw
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        hx = self._x(0)
        p.setFont(self._small)
        if self._zoom == "week":
            self._paint_week_matches(p, d0, d1)
        for d in range(d0, d1 + 1) if self._zoom == "day" else ():
            x = hx + d * cw
            prio = tl.best_priority(d)
            if prio is not None:
                size = max(cw, self._g.px(13))
                p.drawPixmap(int(x + cw / 2 - size / 2), self._g.y_day + (self._g.day_h - size) // 2,
                             self._marker(prio, size))
            elif self._zoom == "day":
                if d in self._non_training_reason:  # a declared day off (its reason: tooltip)
                    p.fillRect(QRect(int(x), self._g.y_day, cw, self._g.day_h), th.day_off)
                p.setPen(th.dim_text if not tl.is_training[d] else th.text)
                p.drawText(QRectF(x, self._g.y_day, cw, self._g.day_h), Qt.AlignmentFlag.AlignCenter,
                           WEEKDAY_LETTERS[tl.days[d].weekday()])
        if self._cur is not None and d0 <= self._cur[1] <= d1:
            p.fillRect(QRect(self._x(self._cur[1]), self._g.header_h - 3, cw, 3), th.selection)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_week_matches(self, p: QPainter, d0: int, d1: int) -> None:
        """Week zoom: one marker per week with competitions, the week's highest priority, and
        how many competition days it holds when more than one (13 px markers on 4 px days drew
        a week's C matches over each other and over its B match)."""
        tl, cw = self._tl, self._cw
        size = self.week_marker_size()
        for w, prio, count in self.week_markers(d0, d1):
            wk = tl.weeks[w]
            left = int(self._x(wk.first) + ((wk.last - wk.first + 1) * cw - size) / 2)
            top = self._g.y_day + (self._g.day_h - size) // 2
            p.drawPixmap(left, top, self._marker(prio, size))
            if count > 1:  # their count in a badge on the marker's corner
                p.save()
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                p.setFont(badge_font(self._font))
                draw_badge(p, left + size - 4, top - 2, str(count), self._theme.text,
                           self._theme.base)
                p.restore()

    def week_marker_size(self) -> int:
        """Week zoom's match marker: 13 px grown with the font, never wider than a week (larger
        markers on 14 px weeks drew over each other)."""
        return min(self._g.px(13), max(7 * self._cw, 13))

    def week_markers(self, d0: int = 0, d1: int | None = None) -> list[tuple[int, str, int]]:
        """Week zoom's match row: (week index, the week's highest priority, its number of
        competition days) of each week with competitions between days ``d0`` and ``d1``."""
        tl = self._tl
        if tl is None:
            return []
        if self._markers is None or self._markers[0] is not tl:  # once per timeline, not per paint
            found = []
            for w, wk in enumerate(tl.weeks):
                prios = [q for q in (tl.best_priority(d) for d in wk.days) if q is not None]
                if prios:
                    found.append((w, min(prios), len(prios)))
            self._markers = (tl, found)
        d1 = tl.n - 1 if d1 is None else d1
        return [m for m in self._markers[1]
                if not (tl.weeks[m[0]].last < d0 or tl.weeks[m[0]].first > d1)]

    def _paint_header_rules(self, p: QPainter, area: QRect) -> None:
        th = self._theme
        p.setPen(QPen(th.line.darker(115), 1))
        for y in (self._g.y_week, self._g.y_block, self._g.y_kind, self._g.y_day):
            p.drawLine(area.left(), y, min(area.right(), self._x(self._tl.n)), y)
        p.setPen(QPen(th.month_line, 1))
        p.drawLine(area.left(), self._g.header_h - 1, area.right(), self._g.header_h - 1)

    def _paint_today(self, p: QPainter) -> None:
        """Today's line over the grid and the header (not across the labels of the week, the
        block and the team week), and a light veil over the past."""
        if self._today is None or self._tl is None:
            return
        th = self._theme
        vp = self.viewport().rect()
        x = self._x(self._today)
        p.save()
        p.setClipRect(QRect(self._name_w, 0, max(0, vp.width() - self._name_w), vp.height()))
        bottom = min(vp.height(), self._y(len(self._rows)))
        if self._season is not None and self._season.calendar.today is not None and x > self._name_w:
            p.fillRect(QRect(self._name_w, self._g.header_h, x - self._name_w, bottom - self._g.header_h), th.past)
        # over the month row (to its badge) and from the day row down: across the rows of the
        # week, the block and the team week the line cut their labels ("W1|8", "del|oad") on a
        # day that is not a Monday
        g = self._g
        p.fillRect(QRect(x - 1, 0, 2, g.y_week), th.today)
        p.fillRect(QRect(x - 1, g.y_day, 2, max(0, bottom - g.y_day)), th.today)
        p.setFont(self._marker_font)
        fm = QFontMetrics(self._marker_font)
        label = QRect(x + 1, self._g.y_month + 1, fm.horizontalAdvance("today") + 6, self._g.month_h - 2)
        spans = getattr(self, "_month_spans", [])

        def clear(r: QRect) -> bool:  # no month title under it, inside the view
            return r.right() < vp.width() - 1 and not any(
                r.left() <= b and r.right() >= a for a, b in spans)

        if not clear(label):
            left = QRect(label)
            left.moveRight(x - 2)
            label = left if clear(left) else None
        if label is not None:
            p.fillRect(label, th.today)
            p.setPen(QColor("white"))
            p.drawText(label, Qt.AlignmentFlag.AlignCenter, "today")
        else:  # no room beside the line: a small flag on it (its tooltip says "Today")
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(th.today)
            p.drawPolygon(QPolygonF([QPointF(x - 5, self._g.y_month), QPointF(x + 5, self._g.y_month),
                                     QPointF(x, self._g.y_month + 7)]))
        p.restore()

    def _paint_names(self, p: QPainter) -> None:
        th = self._theme
        vp = self.viewport().rect()
        area = QRect(0, self._g.header_h, self._name_w, max(0, vp.height() - self._g.header_h))
        _, _, r0, r1 = self._visible()
        p.save()
        p.setClipRect(area)
        p.fillRect(area, th.names_bg)
        fm = QFontMetrics(self._font)
        pos_w = fm.horizontalAdvance(POSITION_ROOM)
        for r in range(r0, r1 + 1):
            row = self._rows[r]
            y = self._y(r)
            if self._cur is not None and self._cur[0] == r:
                sel = QColor(th.selection)
                sel.setAlpha(60)
                p.fillRect(QRect(0, y, self._name_w, self._g.row_h), sel)
            p.setPen(QPen(th.line, 1))
            p.drawLine(0, y + self._g.row_h, self._name_w, y + self._g.row_h)
            if row.injured:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(th.injured)
                cx, cy = 9, y + self._g.row_h / 2
                p.drawRect(QRectF(cx - 4.5, cy - 1.5, 9, 3))
                p.drawRect(QRectF(cx - 1.5, cy - 4.5, 3, 9))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            name_rect = QRect(20, y, self._name_w - 20 - pos_w - 8, self._g.row_h)
            if self.missed_target(row.athlete_id):
                name_rect.setRight(name_rect.right() - 15)
                self._paint_missed(p, name_rect.right() + 9, y + self._g.row_h / 2,
                                   self.missed_unproven(row.athlete_id))
            flag = self._load_flags.get(row.athlete_id)
            if flag is not None:
                name_rect.setRight(self._paint_load_flag(p, flag.figure, name_rect.right(), y))
            p.setFont(self._font)
            p.setPen(th.text)
            p.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(row.name, Qt.TextElideMode.ElideRight, name_rect.width()))
            p.setPen(th.dim_text)
            p.drawText(QRect(self._name_w - pos_w - 6, y, pos_w, self._g.row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       self.position_text(row.position))
        # Rules between the groups: injured first, then each position.
        for r in range(max(1, r0), r1 + 1):
            if self._rows[r].group != self._rows[r - 1].group:
                y = self._y(r)
                boundary = self._rows[r - 1].injured and not self._rows[r].injured
                p.setPen(QPen(th.month_line if boundary else th.week_line, 1))
                p.drawLine(0, y, self._name_w, y)
        p.setPen(QPen(th.month_line, 1))
        p.drawLine(self._name_w - 1, self._g.header_h, self._name_w - 1, area.bottom())
        p.restore()
        n_injured = sum(1 for r in self._rows if r.injured)
        if 0 < n_injured < len(self._rows):
            # Continue the rule under the injured group across the grid.
            y = self._y(n_injured)
            if self._g.header_h <= y <= vp.height():
                p.setPen(QPen(th.month_line, 1))
                p.drawLine(self._name_w, y, min(vp.width(), self._x(self._tl.n)), y)

    def _paint_missed(self, p: QPainter, cx: float, cy: float, unproven: bool = False) -> None:
        """A missed target: a red disc with a white "!" (the name's tooltip says which); missed
        by a plan far from the best possible, not final, an orange disc with a "?"."""
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if unproven:
            draw_missed(p, cx, cy, QColor(ink("flag", self.palette())), self._marker_font, "?")
        else:
            draw_missed(p, cx, cy, self._theme.violation, self._marker_font)
        p.restore()

    def position_text(self, position: str) -> str:
        """The position as the names column shows it: whole, a short form that fits its room
        (:data:`POSITION_ROOM`), never cut with "…" when a short form fits ("Center" read "Ce…"
        beside PG and SF). Measured with the font's real (fractional) widths, as the "…" cut
        measures: a short form whose rounded width just met the room was still cut ("Att…",
        "Saf…"). Kept per position until the font or zoom changes: worked out on every paint of
        the names it made a paint 2.5 times as slow."""
        shown = self._position_texts.get(position)
        if shown is None:
            room = QFontMetrics(self._font).horizontalAdvance(POSITION_ROOM)  # the text's rect
            fm = QFontMetricsF(self._font)

            def fits(text: str) -> bool:
                return fm.horizontalAdvance(text) <= room

            shown = fitted_position(position, fits)
            if not fits(shown):  # nothing fitted: the label, cut
                shown = fm.elidedText(shown, Qt.TextElideMode.ElideRight, room)
            self._position_texts[position] = shown
        return shown

    def _paint_load_flag(self, p: QPainter, figure: str, right: int, y: int) -> int:
        """A high logged load ratio: the figure on an orange tag ending at ``right``; returns
        the name's new right edge."""
        fm = QFontMetrics(self._marker_font)
        w = fm.horizontalAdvance(figure) + 8
        rect = QRectF(right - w, y + 3, w, self._g.row_h - 6)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(LOAD_FLAG))
        p.drawRoundedRect(rect, 3, 3)
        p.setFont(self._marker_font)
        p.setPen(QColor("#ffffff"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, figure)
        p.restore()
        return int(rect.left()) - 4

    def _paint_corner(self, p: QPainter) -> None:
        th = self._theme
        rect = QRect(0, 0, self._name_w, self._g.header_h)
        p.fillRect(rect, th.header_bg)
        p.setFont(self._small)
        p.setPen(th.dim_text)
        labels = (("", self._g.month_h), ("week", self._g.week_h), ("block", self._g.block_h), ("team week", self._g.kind_h),
                  ("day · match" if self._zoom == "day" else "match", self._g.day_h))
        y = 0
        for text, h in labels:
            if text:
                p.drawText(QRect(4, y, self._name_w - 10, h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            y += h
        if self._season is not None:
            p.setFont(self._bold)
            p.setPen(th.text)
            fm = QFontMetrics(self._bold)
            title = "Athletes" + (" · week zoom" if self._zoom == "week" else "")
            p.drawText(QRect(6, 0, self._name_w - 10, self._g.month_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(title, Qt.TextElideMode.ElideRight, self._name_w - 10))
        p.setPen(QPen(th.month_line, 1))
        p.drawLine(0, self._g.header_h - 1, self._name_w - 1, self._g.header_h - 1)
        p.drawLine(self._name_w - 1, 0, self._name_w - 1, self._g.header_h - 1)

    # -- tooltips ----------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            text = self.tooltip_at(pos)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip text for a viewport position (empty where there is nothing to say)."""
        tl, season = self._tl, self._season
        if tl is None or season is None:
            return ""
        hit = self._grid_hit(pos)
        if hit is not None:
            return self._cell_tooltip(*hit)
        g = self._grid_rect()
        if pos.y() < self._g.header_h and pos.x() >= self._name_w:
            x = pos.x() - g.left() + self.horizontalScrollBar().value()
            d = x // self._cw
            if 0 <= d < tl.n:
                return self._day_tooltip(d, pos.y())
        if pos.x() < self._name_w and pos.y() >= self._g.header_h:
            r = (pos.y() - self._g.header_h + self.verticalScrollBar().value()) // self._g.row_h
            if 0 <= r < len(self._rows):
                return self._athlete_tooltip(self._rows[r])
        return ""

    def _week_text(self, w: int) -> str:
        tl = self._tl
        assert tl is not None
        wk = tl.weeks[w]
        a, b = tl.days[wk.first], tl.days[wk.last]
        text = f"Week {w + 1}: {span(a, b)}"
        if self._team_weeks:
            text += f" · team week: {self._team_weeks[w]}"
        if w in self._team_pins:
            text += " (pinned)"
        if self.changed_week(None, w):
            text += f"\nTeam week changed in the scenario: {self.changed_week(None, w)}"
        return text

    def _day_tooltip(self, d: int, y: int) -> str:
        tl = self._tl
        assert tl is not None and self._season is not None
        day = tl.days[d]
        if self._zoom == "week" and self._g.y_day <= y < self._g.y_day + self._g.day_h:  # the week's match marker
            wk = tl.weeks[tl.week_of[d]]
            matches = [f"{day_long(tl.days[i])}: {c.name} — priority {c.priority}"
                       for i in wk.days for c in tl.comp_on[i]]
            return "\n".join([self._week_text(tl.week_of[d])] + (matches or ["No competition"]))
        lines = [day_long(day), self._week_text(tl.week_of[d])]
        for blk in self._season.blocks:
            if blk.start <= day <= blk.end:
                lines.append(f"Block: {blk.name}" + (f" ({blk.emphasis})" if blk.emphasis else ""))
        label = tl.day_label(d)
        if label:
            lines.append(label)
        lines += self._day_lines(d)
        if d == self._today:
            lines.append("Today")
        for v in self._violations:
            if v.athlete is None and v.start <= day <= v.end:
                lines.append(f"⚠ {v.rule}: {v.message.removeprefix(v.rule + ': ')}")
        return "\n".join(lines)

    def _cell_tooltip(self, r: int, d: int) -> str:
        """The athlete-day in words: who and when, the day, the plan, and what marks the cell."""
        tl = self._tl
        assert tl is not None and self._season is not None
        row = self._rows[r]
        head = f"{row.name} ({row.athlete_id})" + (f" · {row.position}" if row.position else "")
        when = day_long(tl.days[d])
        label = tl.day_label(d)
        if label:
            when += f" · {label}"
        return "\n".join([head, when] + self._day_lines(d) + self._plan_lines(row, d)
                         + past_lines(self._season, row.athlete_id, tl.days[d])
                         + v2_lines(self._marks.get(row.athlete_id), d)
                         + self._mark_lines(row, d))

    def _day_lines(self, d: int) -> list[str]:
        """The day's competitions and whether the team trains."""
        tl = self._tl
        lines = [f"{c.name} — priority {c.priority}" for c in tl.comp_on[d]]
        if d in self._non_training_reason:
            lines.append(f"No training: {self._non_training_reason[d]}")
        elif not tl.is_training[d] and not tl.is_comp[d]:
            lines.append("No training")
        return lines

    def _no_running(self, row: _Row, d: int) -> str:
        """A day at 0 reads as rest on the board; a training day holds a session all the same:
        the recovery session of a fit athlete (after a match started), a stage's rehab session."""
        from ui.desktop.boardmenu import zero_session

        st = row.stages[d] if row.stages is not None else None
        return {"recovery": "Intensity: none (0): a recovery session (no running)",
                "rehab": "Intensity: none (0): the rehab session, no running",
                None: "Intensity: none (0)"}[zero_session(st, self._tl, d, row.athlete_id)]

    def _plan_lines(self, row: _Row, d: int) -> list[str]:
        """What the plan holds for the athlete-day: stage, intensity, speed days, week kind."""
        if row.unplanned:
            return [f"Plan: {NOT_PLANNED}"]
        lines = []
        if row.stages is not None:
            lines.append(f"Stage: {stage_name_on(self._season, row.athlete_id, row.stages[d], self._tl.days[d])}")
        if row.intensity is not None:
            lv = row.intensity[d]
            lines.append(f"Intensity: {lv} % of max speed" if lv else self._no_running(row, d))
        w = self._tl.week_of[d]
        if self._zoom == "week" and row.week_speed is not None:
            levels = row.week_speed[w]
            lines.append(f"Speed days this week: {len(levels)}"
                         + (f" (top {max(levels)} %)" if levels else ""))
        team = self._team_weeks[w] if self._team_weeks else None
        if row.weeks is not None:
            own = row.weeks[w]
            lines.append(f"Week: {own}" + (f" (team: {team})" if team is not None and team != own else ""))
        elif team is not None:
            lines.append(f"Team week: {team}")
        if row.stages is None and row.intensity is None:
            known = row.recorded[d] if row.recorded else ""
            if known and known != "FIT":
                lines.append(f"Stage: {stage_name_on(self._season, row.athlete_id, known, self._tl.days[d])} "
                             f"(from the injury record)")
            lines.append("Not planned yet: solve the season (Plan ▸ Solve)")
        return lines

    def _mark_lines(self, row: _Row, d: int) -> list[str]:
        """What marks the cell: unavailability, pins, broken rules, a what-if change."""
        day = self._tl.days[d]
        lines = ["Unavailable" + (f": {u.reason}" if u.reason else "")
                 for u in self._season.unavailability
                 if u.athlete == row.athlete_id and u.start <= day <= u.end]
        lines += ["⚑ " + _pin_text(pin) for pin in self._pins_of(row.athlete_id, d)]
        lines += [f"⚑ Not in the plan yet: {v.message.removeprefix('PIN: ')} {plan_it(self._season)}"
                  if v.rule == "PIN" else f"⚠ {v.rule}: {v.message.removeprefix(v.rule + ': ')}"
                  for v in self.violations_at(row.athlete_id, day)]
        if self._highlight_text and self.is_highlighted(row.athlete_id, d):
            lines.append(self._highlight_text)
        own = self.changed_week(row.athlete_id, self._tl.week_of[d])
        if own:
            lines.append(f"Own week kind changed in the scenario: {own}")
        return lines

    def _pins_of(self, athlete_id: str, d: int) -> list:
        tl = self._tl
        assert tl is not None
        first = tl.weeks[tl.week_of[d]].first
        out = list(self._pins.get((athlete_id, d), ()))
        if first != d:
            out += [p for p in self._pins.get((athlete_id, first), ()) if p.kind == "week"]
        return out

    def _athlete_tooltip(self, row: _Row) -> str:
        season = self._season
        assert season is not None
        lines = [f"{row.name} ({row.athlete_id})" + (f" · {row.position}" if row.position else "")]
        from planner.protocols import protocol_name

        for inj in season.injuries_of(row.athlete_id):  # several records: each in its turn
            cur = inj.current
            lines.append(f"Injury: {protocol_name(inj.protocol)}, onset {day_long(inj.onset)}")
            lines.append(f"Recorded stage: {stage_name(cur.stage, inj.protocol)} since {day_long(cur.start)}")
            flares = [d for d in inj.flare_ups if d > cur.start]
            if flares:  # the stage record said P3 while a flare-up since had sent him back
                lines.append(f"{plural(len(flares), 'flare-up')} since, the last on "
                             f"{day_long(flares[-1])}: the stage went back (Returns panel)")
            if inj.target_competition:
                c = season.competition(inj.target_competition)
                if c is not None:
                    lines.append(f"Target: {c.name} ({day_long(c.date)})")
        for ret in self._returns.get(row.athlete_id, ()):
            lines.append(("⚠ " if ret.missed_in_plan else "") + ret.sentence())
        if row.athlete_id in self._load_flags:
            lines.append(self._load_flags[row.athlete_id].text())
        if row.unplanned:
            lines.append(f"Plan: {NOT_PLANNED}")
        return "\n".join(lines)


def _pin_text(pin) -> str:
    if pin.kind == "intensity":
        return f"Pinned at {pin.intensity} % on this day"
    if pin.kind == "week":
        return f"Week pinned as {pin.week_kind}"
    return f"Pinned: {pin.stage} starts on {date_long(pin.date)}"


class BoardLegend(QWidget):
    """A one-line key to the board's colours and glyphs (palette-aware like the board)."""

    def __init__(self, parent: QWidget | None = None, changed: str = ""):
        super().__init__(parent)
        self.setAccessibleName("Board legend")
        self._changed = changed  # the label of highlighted cells (a what-if comparison), if any
        self._set_fonts()
        self.setMinimumHeight(24)
        self.setToolTip(
            "Stages: rehab P1–P3 and return to sport S1–S3 (plain cells: fit). "
            "Intensity in % of max speed: dash 60, dot 70, small triangle 80, hollow triangle 90, filled "
            "triangle 95, star 100; a ring: a recovery session, no running (a fit player's "
            "training day at 0). "
            "Team deload and taper weeks shade the columns; a band at the foot of a row marks an "
            "athlete's own week when it differs from the team's (in rehab): blue an own deload "
            "week, grey an own load week while the team deloads. Hatched: unavailable. "
            "Hatched columns: the team's days off (a winter break; the reason in the day's tooltip). "
            "A corner flag marks a pin (orange: a pin not in the plan yet; solve again), a red "
            "frame a broken rule. Before today (greyed), and "
            "today once logged: a grey tick marks a logged day, a teal corner a day whose level went "
            "otherwise than planned, a red triangle a logged pain to look at (one that proposes "
            "a flare-up, 4/10 or more from a player not in rehab, or one just below a rehab "
            "protocol's flare-up level). On match days a letter at the top left gives the athlete's "
            "role, with the day's intensity mark under it: S starts, B on the bench, O out "
            "of the squad, R held out until the team sessions of RE-1 are done; C marks a "
            "compensation session, ! a flare-up and a dotted top line its calm days; hatched "
            "stages are provisional (an exit that waits on a criteria test)."
            + (f" A purple outline: {changed}." if changed else "")
        )
        self.setAccessibleDescription(self.toolTip())

    LINE_H = 22  # three lines (rules v2 added one at 1280 px) still leave the whole squad in view
    _s = 1.0  # the font's scale (``boardgeom.font_scale``): the marks and lines grow with it
    MAX_LINES = 3  # a board narrowed by docks: more lines would take the board's rows
    # short enough to fit a board narrowed by a panel on each side (about 600 px)
    COLLAPSED = "The whole key: Ctrl+K, or point here"
    # the folded line, where it has room: the intensity marks (the ones read most) after the
    # ring of a recovery session (it fills every deload week: the line left it out), called
    # "recovery" as in the full key and in print (a "0" beside it read as the blank rest days),
    # then the way to the rest (it said only "close a panel to see it drawn", and not which)
    MARKS = [f"g:{lv}" for lv in (60, 70, 80, 90, 95, 100)] + ["t:%"]
    COMPACT = ["e:recovery"] + MARKS
    OWN_WEEKS = ["t:Own week ≠ team:", "b:deload", "b:load"]  # the row's bands, where they fit
    # the folded line's forms, widest first: the first with room is drawn; a narrower board
    # drops the bands, then the ring (never named otherwise than "recovery")
    COMPACT_FORMS = (COMPACT + OWN_WEEKS, COMPACT, MARKS)
    COMPACT_MORE = "Key: Ctrl+K"
    collapsed = False

    def _set_fonts(self) -> None:
        """The key's fonts from the widget's, and its scale from their size: with a coach's
        larger font (15 pt) its swatches, marks and lines grow as the board's cells do
        (``boardgeom.font_scale``; 22 px lines and 14 px swatches beside 17 px words clipped
        them); at an ordinary font the sizes are the constants."""
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() * 0.85))
        self._marker_font = QFont(self._font)
        self._marker_font.setBold(True)
        self._marker_font.setPointSizeF(max(6.5, self._font.pointSizeF() * 0.85))
        self._s = font_scale(QFontInfo(self.font()).pixelSize())
        # the marker font as drawn inside a mark's scaled painter (it is grown there)
        self._mark_font = QFont(self._marker_font)
        self._mark_font.setPointSizeF(self._marker_font.pointSizeF() / self._s)

    @property
    def line_h(self) -> int:
        """A line's height: :data:`LINE_H` grown with the font."""
        return round(self.LINE_H * self._s)

    def geometry_scale(self) -> float:
        """How much the key's marks and lines are grown for the font (1: the default sizes)."""
        return self._s

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(900, self.line_h)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.update()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._set_fonts()
            self._fit()
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Fold the key, or not, and take the height of its lines at the widget's width."""
        lines = self._paint(None)
        self.collapsed = lines > self.MAX_LINES
        if self.collapsed:  # one line that says where the key is (its tooltip holds all of it)
            lines = 1
        h = lines * self.line_h
        if self.minimumHeight() != h or self.maximumHeight() != h:
            self.setMinimumHeight(h)
            self.setMaximumHeight(h)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        try:
            if self.collapsed:
                th = BoardTheme.from_palette(self.palette())
                fm = QFontMetrics(self._font)
                x = 6.0
                words = self.COLLAPSED
                items = self.compact_items()
                if items:
                    self._paint_group(p, th, fm, items, x, 0, self.line_h)
                    x += sum(self._item_w(fm, i) for i in items) + 8 * self._s
                    words = self.COMPACT_MORE
                p.setFont(self._font)
                p.setPen(th.text)
                room = max(50, self.width() - x - 6)
                text = fm.elidedText(words, Qt.TextElideMode.ElideRight, int(room))
                p.drawText(QRectF(x, 0, room, self.line_h), Qt.AlignmentFlag.AlignVCenter, text)
            else:
                self._paint(p)
        finally:
            p.end()

    def compact_shown(self) -> bool:
        """Whether the folded line has room for the intensity marks (:data:`COMPACT_FORMS`)."""
        return bool(self.compact_items())

    def compact_items(self) -> list[str]:
        """The folded line's items: the widest of :data:`COMPACT_FORMS` with room (none when
        the key is not folded, or no form fits)."""
        if not self.collapsed:
            return []
        fm = QFontMetrics(self._font)
        for items in self.COMPACT_FORMS:
            need = (sum(self._item_w(fm, i) for i in items) + 8 * self._s
                    + fm.horizontalAdvance(self.COMPACT_MORE))
            if need + 12 <= self.width():
                return items
        return []

    def _groups(self) -> list[list[str]]:
        groups = [
            ["t:Stage:"] + [f"s:{st}" for st in LEGEND_STAGES],
            ["t:Intensity:"] + [f"g:{lv}" for lv in (60, 70, 80, 90, 95, 100)] + ["e:recovery"],
            ["t:Weeks:", "w:deload", "w:taper"],
            # the two bands the board draws under a row (_paint_edges_and_bands), as in print
            ["t:Own week ≠ team:", "b:deload", "b:load"],
            ["t:Match:", "m:A", "m:B", "m:C"],
            ["f:day off", "h:unavailable", "p:pinned", "u:pin not in plan", "v:rule broken",
             "x:target missed", "d:today"],
            ["t:Past:", "l:logged", "o:planned ≠ logged", "a:pain"],  # ui.desktop.pastview
            ["t:Role:", "r:S:starts", "r:B:bench", "r:O:out", "r:R:held (RE-1)",
             "r:C:compensation"],  # ui.desktop.boardmarks
            ["r:!:flare-up", "k:calm days", "q:provisional"],
        ]
        if self._changed:
            groups.insert(0, [f"c:{self._changed}"])
        return groups

    def _item_w(self, fm: QFontMetrics, item: str) -> float:
        """An item's width: its mark and gaps (grown with the font) and its words."""
        kind, _, label = item.partition(":")
        s = self._s
        if kind == "t":
            return fm.horizontalAdvance(label) + 5 * s
        if kind in ("g", "e"):
            return 14 * s + fm.horizontalAdvance(label) + 7 * s
        if kind == "m":
            return 20 * s
        if kind == "r":
            return 12 * s + fm.horizontalAdvance(label[2:]) + 9 * s
        if kind == "c":
            return 31 * s + fm.horizontalAdvance(label) + 14 * s
        return 17 * s + fm.horizontalAdvance(label) + 9 * s

    def height_for(self, width: int) -> int:
        """The key's height drawn whole at ``width`` (the Key to the Board window sizes itself
        by it before it is shown)."""
        old = self.width()
        self.resize(width, self.height())
        try:
            return self._paint(None) * self.line_h
        finally:
            self.resize(old, self.height())

    def _paint(self, p: QPainter | None) -> int:
        """Paint the key (``p`` None: only measure); returns the number of lines used.

        The key is a row of groups; a group that does not fit goes to the next line.
        """
        th = BoardTheme.from_palette(self.palette())
        fm = QFontMetrics(self._font)
        width = max(200, self.width())
        h = self.line_h
        lines, x = 1, 6.0
        for group in self._groups():
            gw = sum(self._item_w(fm, i) for i in group) + 8 * self._s
            if x > 6 and x + gw > width:
                lines += 1
                x = 6.0
            if p is not None:
                self._paint_group(p, th, fm, group, x, (lines - 1) * h, h)
            x += gw
        return lines

    def _paint_group(self, p: QPainter, th: BoardTheme, fm: QFontMetrics, group: list[str],
                     x: float, top: float, h: float) -> None:
        """Paint ``group`` from ``x`` on the line at ``top``: each mark in its size at the
        ordinary font grown by the key's scale (:meth:`_unit_mark`), its words in the key's
        font."""
        cy = top + h / 2
        s = self._s
        for item in group:
            kind, _, label = item.partition(":")
            if kind == "m":  # its letter in the key's marker font, grown already
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                draw_priority(p, QRectF(x, cy - 8 * s, 16 * s, 16 * s), label, self._marker_font,
                              th.priority)
                x += 20 * s
                continue
            words, gap = label, 5.0
            if kind in ("g", "e"):  # and the marks after it, as they always were drawn
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            if kind != "t":
                p.save()
                p.translate(x, cy)
                p.scale(s, s)
                p.setBrushOrigin(QPointF(-x / s, -cy / s))  # hatches as on the widget's grid
                width, gap, words = self._unit_mark(p, th, kind, label)
                p.restore()
                x += width * s
            p.setFont(self._font)
            p.setPen(th.text)
            w = fm.horizontalAdvance(words)
            p.drawText(QRectF(x, top, w + 2, h), Qt.AlignmentFlag.AlignVCenter, words)
            x += w + gap * s

    def _unit_mark(self, p: QPainter, th: BoardTheme, kind: str, label: str) -> tuple[float, float, str]:
        """Draw the mark of an item of ``kind`` in its size at the ordinary font, its left edge
        at x 0 and the line's middle at y 0 (the caller's painter grows it); returns (the width
        it takes, the gap after its words, its words)."""
        fills = {"s": lambda: th.stages[label], "w": lambda: th.week_tint[label],
                 "h": lambda: th.hatch, "f": lambda: th.day_off,
                 "q": lambda: QBrush(th.text, Qt.BrushStyle.BDiagPattern)}
        if kind in fills:  # a swatch
            rect = QRectF(0, -7, 14, 14)
            p.fillRect(rect, th.base)
            p.fillRect(rect, fills[kind]())
            p.setPen(th.week_line)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
            return 17, 9, label
        if kind in ("g", "e"):
            if kind == "g":
                draw_glyph(p, int(label), 6, 0, th.intensity_colour(int(label)))
            else:
                draw_recovery(p, 6, 0, th.intensity_colour(70))
            return 14, 7, label
        if kind == "b":  # a cell with the row's band at its foot, as on the board
            rect = QRectF(0, -7, 14, 14)
            p.fillRect(rect, th.base)
            p.fillRect(QRectF(1, 7 - BAND_H - 1, 13, BAND_H), th.week_band[label])
            p.setPen(th.week_line)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
            return 17, 9, label
        if kind == "r":
            letter, _, words = label.partition(":")
            p.setFont(badge_font(self._font))
            draw_badge(p, 0, -5, letter, FLARE if letter == "!" else th.text, th.base,
                       filled=letter == "!")
            return 12, 9, words
        return self._paint_marker(p, th, kind, 0, 0), 14 if kind == "c" else 9, label

    def _paint_marker(self, p: QPainter, th: BoardTheme, kind: str, x: float, cy: float) -> float:
        """A legend marker (pin, pin not planned yet, broken rule, changed, today, missed
        target) at ``x``, in its
        size at the ordinary font (the caller's painter grows it); returns the width it takes."""
        if kind in ("p", "u"):  # a pin, or one the plan does not follow yet: the board's corner
            p.fillRect(QRectF(x, cy - 7, 14, 14), th.base)
            draw_pin_flag(p, x + 1, cy - 6, pin_colour(th, kind == "u"), 7)
            p.setPen(th.week_line)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x, cy - 7, 14, 14))
        elif kind == "v":
            p.setPen(QPen(th.violation, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x + 1, cy - 6, 12, 12))
        elif kind == "c":  # an outline only: a tint would change the stage colours under it
            rect = QRectF(x + 1, cy - 7, 26, 14)
            p.fillRect(rect, th.base)
            p.setPen(QPen(th.changed, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
            return 31
        elif kind == "d":
            p.fillRect(QRectF(x + 6, cy - 8, 2, 16), th.today)
        elif kind == "x":
            draw_missed(p, x + 7, cy, th.violation, self._mark_font)
        elif kind in ("l", "o", "a"):
            paint_legend_mark(p, kind == "o", x, cy, th, pain=kind == "a")
        elif kind == "k":
            p.fillRect(QRectF(x, cy - 7, 14, 14), th.base)
            draw_calm(p, int(x + 1), int(x + 13), int(cy - 6))
            p.setPen(th.week_line)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x, cy - 7, 14, 14))
        return 17
