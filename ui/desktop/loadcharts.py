"""The load charts (pyqtgraph), imported by ``ui.desktop.loadpanel`` the first time they are shown.

- :class:`AthleteChart`: an athlete's weeks: planned load (faint bars) and logged load (bars that
  stand out, on a dark palette too: ``theme.ChartTheme``), the ACWR (the week's load / the mean of the four full weeks before, as LD-1 reads it)
  and the EWMA ratio (acute 7 : chronic 28 days, dashed) on their own axis with the 0.8–1.3 band
  and the EWMA ratio's 1.5 flag line, "today" as a vertical line; monotony per week below with its 2.0 line. The week under the
  mouse or the board's selected week is read out in words above the chart (its flags
  too), where it is seen without scrolling the dock: under the chart it was below the fold.
- :class:`TeamChart`: the EWMA ratio of every athlete, one thin line each (a flagged athlete's in
  orange), the squad's median as a thick line in the text colour, the same band; the flags
  listed beside it.

Both are a :class:`ChartView`: the mouse wheel over a chart scrolls the Load panel (the dock's
scroll area), Ctrl+wheel zooms the chart, as its tooltip says; a chart asks for no more than its
least height, so the dock shows it whole, its dates included, or scrolls over it whole.

A click on a week emits ``week_clicked(first day)``; a click on an athlete's line in the team
chart emits ``athlete_clicked(athlete, first day)``. Weeks are placed on x by their start: x is
the number of weeks from the season's first week (pre-season weeks negative).
"""

from __future__ import annotations

import datetime as dt
import html
import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.text import date_short
from ui.desktop.loadwords import (
    BAND,
    FLAG_EVIDENCE,
    FLAG_EVIDENCE_TIP,
    FLAG_RATIO,
    MONOTONY_FLAG,
    finite,
    fmt,
    load_flags,
    season_logged,
    week_text,
)
from ui.desktop.theme import ChartTheme
from ui.desktop.wheelguard import to_panel

BAND_FILL = (49, 163, 84, 45)
RATIO_CAP = 4.0  # the ratio axis ends here at most; a ratio above it is written at the top
SELECTED_WEEK = (255, 193, 7, 60)


def limit_words(limit: float) -> str:
    """LD-1's ACWR limit in the athlete chart's legend."""
    return f"ACWR limit {limit:g} (LD-1)"


def _nan(x) -> float:
    v = finite(x)
    return math.nan if v is None else v


def _set_data(curve, xs: list[float], ys: list[float]) -> None:
    """``curve``'s points; none when every value is undefined (pyqtgraph's symbols then warned
    "All-NaN slice encountered" on every repaint of an all-zero season)."""
    if all(math.isnan(y) for y in ys):
        curve.setData([], [])
    else:
        curve.setData(xs, ys)


def _colours(widget: QWidget) -> tuple[QColor, QColor, ChartTheme]:
    """The palette's background and text colours and the chart's colours for it (the system's
    dark mode included)."""
    pal = widget.palette()
    return (pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text),
            ChartTheme.from_palette(pal))


class _WeekAxis:
    """Week start <-> x: whole weeks from the week of ``anchor`` (the season's first day)."""

    def __init__(self, anchor: dt.date, week_start: int):
        self.origin = anchor - dt.timedelta(days=(anchor.weekday() - week_start) % 7)

    def x(self, day: dt.date) -> int:
        return (day - self.origin).days // 7

    def day(self, x: float) -> dt.date:
        return self.origin + dt.timedelta(days=7 * round(x))

    def ticks(self, starts: list[dt.date]) -> list:
        """A labelled tick on the first week of each month, a small one on every week."""
        major, minor, seen = [], [], set()
        for d in starts:
            x = self.x(d)
            key = (d.year, d.month)
            if key not in seen:
                seen.add(key)
                major.append((x, date_short(d)))
            else:
                minor.append((x, ""))
        return [major, minor]


def _style_plot(plot, text: QColor) -> None:
    for side in ("left", "bottom", "right"):
        ax = plot.getAxis(side)
        ax.setTextPen(pg.mkPen(text))
        ax.setPen(pg.mkPen(text))
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # the first month's label
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)


def _week_region(brush) -> pg.LinearRegionItem:
    region = pg.LinearRegionItem(values=(0, 1), orientation="vertical", movable=False,
                                 brush=pg.mkBrush(*brush), pen=pg.mkPen(None))
    region.setZValue(-20)
    region.hide()
    return region


def _text_item(text: str, colour, anchor=(0, 1), fill: QColor | None = None) -> pg.TextItem:
    """``fill``: a background behind the text, which then reads over the bars."""
    item = pg.TextItem(text, color=colour, anchor=anchor,
                       fill=None if fill is None else QColor(fill.red(), fill.green(), fill.blue(), 215))
    font = QFont()
    font.setPointSizeF(8)
    item.setFont(font)
    return item


LEGEND_H = 22  # the legend's row above a chart, in pixels
# the athlete chart's legend: planned, logged, ACWR, EWMA ratio, band, LD-1's limit on one row;
# a sample this close to its name and the entries this far apart (pyqtgraph's 25 px between
# every two cells: six entries took 890 px, five took 680)
LEGEND_COLS = 6
LEGEND_GAPS = (2, 12)
MONOTONY_MAX_H = 60  # the monotony strip under the load plot (with the dates), at most
MONOTONY_MIN_H = 52  # ... and at least (its name is written in it, not along its axis)
# the load plot's least height: at 1366 x 768 and 125 % it was 45 px, its ratio ticks 0.5, 1.0
# and 1.5 printed over each other and the EWMA flag's name was cut at the top; at this height
# the ratio axis keeps its labels 0.5 apart and each limit's name has room beside its line
LOAD_MIN_H = 76
# a chart's least height (the legend, the load plot, the monotony strip with the dates): a
# dock dragged smaller scrolls over the chart whole rather than squeezing it; the Load dock
# under the board at 1280 x 720 still holds the selector, the readout and the chart unscrolled
CHART_MIN_H = LEGEND_H + LOAD_MIN_H + MONOTONY_MIN_H + 20  # 20: the plots' margins and axes
TICK_ROOM = 1.2  # labelled ticks on a value axis at least this many text lines apart (a fifth clear)


class SparseAxis(pg.AxisItem):
    """A value axis that leaves out the labels that would print over each other: each level's
    ticks are thinned (every second, fifth, ...) until they are ``TICK_ROOM`` lines of text
    apart; a short plot's ratio axis read "1.5", "1.0" and "0.5" on top of each other."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph API
        levels = super().tickValues(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or maxVal == minVal or size <= 0:
            return levels
        per_unit = size / (abs(maxVal - minVal) * self.scale)
        need = TICK_ROOM * self.text_height()
        out = []
        for spacing, values in levels:
            gap = spacing * per_unit
            if gap >= need or not len(values):
                out.append((spacing, values))
                continue
            k = next(k for k in (2, 4, 5, 10, 20, 50, 100, 10**9) if gap * k >= need)
            kept = [v for v in values if round(v / spacing) % k == 0]
            out.append((spacing * k, kept))
            break  # the finer levels would fill the gaps again
        return out

    def text_height(self) -> float:
        font = self.style.get("tickFont") or self.font()
        return QFontMetricsF(font).height()


MONTH_ROOM = "  "  # the least room between two dates under a chart: two spaces of its font


class MonthAxis(pg.AxisItem):
    """The dates under a chart (``_WeekAxis.ticks``: a label on each month's first week), as
    many as its width holds: every second, third, ... month's label when the labels would meet,
    the first one always; the months left out keep a small tick. The team chart beside the
    flags at 1280 x 720 read "4 Jan1 Feb1 Mar 5 Apr"."""

    def __init__(self, orientation: str = "bottom"):
        super().__init__(orientation)
        self._months: list | None = None  # the ticks given (setTicks), every month labelled

    def setTicks(self, ticks=None) -> None:  # noqa: N802 - pyqtgraph API
        self._months = ticks
        super().setTicks(ticks)

    def generateDrawSpecs(self, p):  # noqa: N802 - pyqtgraph API
        if self._months is not None:
            self._tickLevels = self.fitted(self.mapRectFromParent(self.geometry()).width())
        return super().generateDrawSpecs(p)

    def fitted(self, width: float) -> list | None:
        """The ticks given, with labels only as many as ``width`` pixels hold apart."""
        if not self._months or len(self._months[0]) < 2:
            return self._months
        major, minor = self._months[0], list(self._months[1]) if len(self._months) > 1 else []
        lo, hi = self.range
        if hi <= lo or width <= 0:
            return self._months
        per_x = width / (hi - lo)
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        room = metrics.horizontalAdvance(MONTH_ROOM)

        def fits(kept) -> bool:  # each label centred on its tick: half of each between two
            return all((b[0] - a[0]) * per_x >= (metrics.horizontalAdvance(a[1])
                                                 + metrics.horizontalAdvance(b[1])) / 2 + room
                       for a, b in zip(kept, kept[1:], strict=False))

        step = next((k for k in (1, 2, 3, 4, 6, 12) if fits(major[::k])), len(major))
        kept = major[::step]
        left_out = [(x, "") for x, _t in major if (x, _t) not in kept]
        return [kept, sorted(minor + left_out)]

    def shown(self) -> list[tuple[float, str]]:
        """The dates drawn at the axis's width now (tests)."""
        levels = self.fitted(self.mapRectFromParent(self.geometry()).width()) or [[]]
        return [(x, t) for x, t in levels[0] if t]


def _value_axes() -> dict:
    return {"left": SparseAxis("left"), "right": SparseAxis("right"), "bottom": MonthAxis()}
CHART_MIN_W = 600  # ... and width: the legend's row (cut at the right below it)


ZOOM_TIP = ("Mouse wheel: scrolls the Load panel. Ctrl+wheel: zooms the chart; drag it to move "
            "along the weeks.")


class ChartView(pg.GraphicsLayoutWidget):
    """A chart's drawing area. The wheel alone goes on to the panel around it (the Load dock
    scrolls), Ctrl+wheel zooms the chart: at 1366 x 768 the wheel over the team chart zoomed it
    where the coach meant to scroll down to its dates. Its size hint is its least height: a
    word-wrapped notice above it made the dock's panel as tall as the chart's hint (480 px),
    so the dock scrolled and cut the chart's date axis off below."""

    def __init__(self, base):
        super().__init__()
        self.setBackground(base)
        self.setMinimumHeight(CHART_MIN_H)
        self.setToolTip(ZOOM_TIP)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        if not to_panel(self, event):  # the dock's scroll area scrolls
            event.ignore()


class _Readout(QLabel):
    """The figures above a chart, in a height of their own: four wrapped lines kept, or, told
    the texts it will show (:meth:`fit`), the lines the longest of them takes at its width: four
    lines at 1280 x 720 held one line of figures and pushed the chart's dates and the monotony
    strip out of the dock. No fewer either: capped at four, at 150 % the figures took four lines
    and the flags' line ("⚑ load +16 %"), the one a coach must not miss, showed its top pixels. A word-wrapped label's height follows its width,
    and a squeezed dock gave it that height out of the chart's, drawing it over the dates; this
    one never asks for more than it keeps, and its height does not change from week to week
    (the chart under the mouse would move). The Load dock scrolls its panel
    (``layout.scrolled``): a dock squeezed below the panel's least height (beside the Roles,
    the no-log note on four lines) no longer draws it over the chart."""

    LINES = 4  # the height kept until the texts are known (the figures and the flags)

    def __init__(self, accessible: str):
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(accessible)
        self._texts: list[str] = []
        self._fitted: tuple[int, int] | None = None  # (width, texts) of the height set
        self.setFixedHeight(self._lines_height(self.LINES))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False

    def _lines_height(self, lines: int) -> int:
        return lines * self.fontMetrics().lineSpacing() + 4

    def fit(self, texts: list[str]) -> None:
        """Keep the height the longest of ``texts`` (rich text) takes at the label's width."""
        self._texts = list(texts)
        self._fitted = None
        self._fit()

    def _fit(self) -> None:
        key = (self.width(), id(self._texts))
        if not self._texts or key == self._fitted:
            return
        self._fitted = key
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(0)
        doc.setTextWidth(max(self.width(), 1))
        needed = 0.0
        for text in self._texts:
            doc.setHtml(text)
            needed = max(needed, doc.size().height())
        self.setFixedHeight(math.ceil(needed) + 4)  # the flags' line whole, however many lines

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()


def _readout(accessible: str = "The week's figures") -> QLabel:
    return _Readout(accessible)


class AthleteChart(QWidget):
    """One athlete's weeks (see the module text). ``set_athlete(figures, today)``."""

    week_clicked = Signal(object)  # the first day of the week clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Load chart of the athlete")
        self.figures = None
        self.weeks: tuple = ()
        self.axis: _WeekAxis | None = None
        base, text, c = _colours(self)
        self.colours = c
        self.view = ChartView(base)
        self.view.setMinimumWidth(CHART_MIN_W)
        self.view.setAccessibleName("Weekly load, ACWR, EWMA ratio and monotony")
        # the legend on its own row above the plots: over a plot it hid the first weeks' bars
        self.legend = pg.LegendItem(colCount=LEGEND_COLS, labelTextColor=text)
        self._legend_for: tuple | None = None  # (logged, LD-1's limit) the legend was built for
        self.view.addItem(self.legend, row=0, col=0)
        self.load_plot = self.view.addPlot(row=1, col=0, axisItems=_value_axes())
        self.mono_plot = self.view.addPlot(row=2, col=0, axisItems=_value_axes())
        self.legend.layout.setContentsMargins(4, 0, 4, 0)
        for col in range(LEGEND_COLS):  # each sample close to its name, the entries apart
            self.legend.layout.setColumnSpacing(2 * col, LEGEND_GAPS[0])
            self.legend.layout.setColumnSpacing(2 * col + 1, LEGEND_GAPS[1])
        self.view.ci.layout.setRowFixedHeight(0, LEGEND_H)
        self.view.ci.layout.setRowStretchFactor(1, 3)
        self.view.ci.layout.setRowStretchFactor(2, 1)
        self.view.ci.layout.setRowMinimumHeight(1, LOAD_MIN_H)
        self.view.ci.layout.setRowMaximumHeight(2, MONOTONY_MAX_H)  # the load plot gets the rest
        self.view.ci.layout.setRowMinimumHeight(2, MONOTONY_MIN_H)
        for plot in (self.load_plot, self.mono_plot):
            _style_plot(plot, text)
        self.load_plot.setLabel("left", "load (AU)")
        self.load_plot.setLabel("right", "ratio")
        # its name written in the strip, over the last weeks' bars as the flag line's: along an
        # axis this short it was cut ("ny")
        self.mono_label = _text_item("monotony", text, anchor=(1, 0), fill=base)
        self.mono_plot.addItem(self.mono_label)
        self.mono_plot.setXLink(self.load_plot)
        self.load_plot.getAxis("bottom").setStyle(showValues=False)  # the dates: under monotony
        self.load_plot.getAxis("bottom").setHeight(4)
        self.mono_plot.setYRange(0, 3)
        self.mono_plot.getAxis("left").setWidth(self.load_plot.getAxis("left").width())
        self.load_plot.getAxis("left").setWidth(56)
        self.mono_plot.getAxis("left").setWidth(56)
        self.mono_plot.showAxis("right")
        self.mono_plot.getAxis("right").setStyle(showValues=False)
        self.mono_plot.getAxis("right").setWidth(44)
        self.load_plot.getAxis("right").setWidth(44)

        # The ACWR on its own axis (the right one): a second view box over the load plot.
        self.ratio_box = pg.ViewBox()
        self.ratio_box.setMouseEnabled(False, False)
        self.load_plot.scene().addItem(self.ratio_box)
        self.load_plot.getAxis("right").linkToView(self.ratio_box)
        self.ratio_box.setXLink(self.load_plot)
        self.ratio_box.setYRange(0, 2.0, padding=0)
        self.ratio_box.setZValue(10)  # over the plot (and its bars): the line stays in sight
        self.load_plot.vb.sigResized.connect(self._sync_boxes)

        self.planned_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=c.planned,
                                            pen=pg.mkPen(None), name="planned")
        self.logged_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=c.logged,
                                           pen=pg.mkPen(None), name="logged")
        self.load_plot.addItem(self.planned_bars)
        self.load_plot.addItem(self.logged_bars)
        self.band = pg.LinearRegionItem(values=BAND, orientation="horizontal", movable=False,
                                        brush=pg.mkBrush(*BAND_FILL), pen=pg.mkPen(None))
        self.band.setZValue(-10)
        self.ratio_box.addItem(self.band)
        self.flag_line = pg.InfiniteLine(pos=FLAG_RATIO, angle=0, movable=False,
                                         pen=pg.mkPen(c.flag, width=1, style=Qt.PenStyle.DashLine))
        self.ratio_box.addItem(self.flag_line)
        self.ratio_curve = pg.PlotDataItem([], [], pen=pg.mkPen(c.ratio, width=2), connect="finite",
                                           symbol="o", symbolSize=5, symbolBrush=c.ratio,
                                           symbolPen=pg.mkPen(None), name="ACWR")
        self.ratio_box.addItem(self.ratio_curve)
        self.ewma_curve = pg.PlotDataItem([], [], connect="finite", name="EWMA ratio 7:28",
                                          pen=pg.mkPen(c.ewma, width=1.5, style=Qt.PenStyle.DashLine))
        self.ratio_box.addItem(self.ewma_curve)
        self.band_sample = pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(*BAND_FILL),
                                           pen=pg.mkPen(None))
        self.legend.addItem(self.band_sample, f"band {BAND[0]:g}–{BAND[1]:g}")
        self.flag_label = _text_item(f"EWMA ratio flag {FLAG_RATIO:g} [{FLAG_EVIDENCE}]", c.flag,
                                     anchor=(1, 1), fill=base)  # over the last weeks' bars
        self.ratio_box.addItem(self.flag_label)
        # LD-1's limit, the ACWR the plan's load flags read: only the band's top edge showed it
        limit_pen = pg.mkPen(c.ratio, width=1, style=Qt.PenStyle.DashDotLine)
        self.limit_line = pg.InfiniteLine(pos=BAND[1], angle=0, movable=False, pen=limit_pen)
        self.ratio_box.addItem(self.limit_line)
        # its name in the legend, with a piece of its line: written in the chart at the left,
        # it covered the first weeks' bars (at the right, the last weeks')
        self.limit_sample = pg.PlotDataItem([], [], pen=limit_pen)
        self._off_scale: list = []  # values of ratios above the axis (_mark_off_scale)

        self.mono_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=c.monotony,
                                         pen=pg.mkPen(None))
        self.mono_plot.addItem(self.mono_bars)
        self.mono_line = pg.InfiniteLine(pos=MONOTONY_FLAG, angle=0, movable=False,
                                         pen=pg.mkPen(c.flag, width=1,
                                                      style=Qt.PenStyle.DashLine))
        self.mono_plot.addItem(self.mono_line)

        self.today_lines = [pg.InfiniteLine(angle=90, movable=False,
                                            pen=pg.mkPen(c.today, width=1, style=Qt.PenStyle.DotLine))
                            for _ in range(2)]
        self.load_plot.addItem(self.today_lines[0])
        self.mono_plot.addItem(self.today_lines[1])
        self.today_label = _text_item("today", c.today, anchor=(0, 0))
        self.load_plot.addItem(self.today_label)
        self.selected = [_week_region(SELECTED_WEEK), _week_region(SELECTED_WEEK)]
        self.load_plot.addItem(self.selected[0])
        self.mono_plot.addItem(self.selected[1])

        self.readout = _readout()
        self.readout.setToolTip(FLAG_EVIDENCE_TIP)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        # the readout first: under the chart, at 1366 x 768 the tab bar cut it and its flags
        # needed scrolling, and at 1024 x 600 it was out of sight (what a click on a week is for)
        lay.addWidget(self.readout)
        lay.addWidget(self.view, 1)
        self._marked: int | None = None
        self.view.scene().sigMouseClicked.connect(self._clicked)
        self.view.scene().sigMouseMoved.connect(self._moved)

    def _sync_boxes(self) -> None:
        self.ratio_box.setGeometry(self.load_plot.vb.sceneBoundingRect())
        self.ratio_box.linkedViewChanged(self.load_plot.vb, self.ratio_box.XAxis)
        self._place_labels()

    def _place_labels(self) -> None:
        """The EWMA flag's name beside its line, on the side away from LD-1's limit line (named
        in the legend): above it when the limit is lower (1.3), below it when higher; a name
        with no room above its line (a short plot) goes below it, inside the chart, not cut at
        its top."""
        limit = self.limit_line.value() if self.limit_line.isVisible() else None
        flag_up = limit is None or limit <= FLAG_RATIO
        if flag_up:
            self._room_for(FLAG_RATIO, self.flag_label)
        self.flag_label.setAnchor((1, 1) if flag_up and self._room_above(FLAG_RATIO, self.flag_label)
                                  else (1, 0))

    def _room_for(self, value: float, label: pg.TextItem) -> None:
        """The ratio axis raised (up to RATIO_CAP) so that ``label`` fits above the line at
        ``value``: on a short plot the flag's name had no room there, and under its line it
        crossed LD-1's."""
        bottom, top = self.ratio_box.viewRange()[1]
        height = self.ratio_box.sceneBoundingRect().height()
        room = 1 - (label.boundingRect().height() + 2) / height if height > 0 else 0
        if room <= 0:
            return
        need = min(RATIO_CAP, bottom + (value - bottom) / room)
        if need > top + 1e-6:
            self.ratio_box.setYRange(bottom, need, padding=0)

    def _room_above(self, value: float, label: pg.TextItem) -> bool:
        """Is there room for ``label`` between the line at ``value`` and the plot's top?"""
        top, bottom = self.ratio_box.viewRange()[1][1], self.ratio_box.viewRange()[1][0]
        height = self.ratio_box.sceneBoundingRect().height()
        if top <= bottom or height <= 0:
            return True
        return (top - value) / (top - bottom) * height >= label.boundingRect().height()

    # -- data --------------------------------------------------------------------------------
    def set_athlete(self, figures, today: dt.date | None = None) -> None:
        """Show an athlete's ``planner.load.AthleteFigures`` (None: nothing)."""
        self.figures = figures
        self.weeks = tuple(figures.weeks) if figures is not None else ()
        if not self.weeks:
            for item in (self.planned_bars, self.logged_bars, self.mono_bars):
                item.setOpts(x=[], height=[])
            self.ratio_curve.setData([], [])
            self._mark_off_scale([], RATIO_CAP)
            self.readout.setText("")
            self._describe(None)
            return
        first_in = next((w.start for w in self.weeks if w.in_season), self.weeks[0].start)
        self.axis = axis = _WeekAxis(first_in, first_in.weekday())
        xs = [axis.x(w.start) for w in self.weeks]
        has_log = bool(figures.has_log)
        self.planned_bars.setOpts(x=[x - (0.2 if has_log else 0) for x in xs],
                                  height=[finite(w.planned) or 0.0 for w in self.weeks],
                                  width=0.4 if has_log else 0.7)
        # beside its planned bar, on the same days (a week begun before the season: its season's)
        logged = [(x + 0.2, season_logged(w)) for x, w in zip(xs, self.weeks, strict=True)
                  if finite(w.logged) is not None]
        self.logged_bars.setOpts(x=[x for x, _ in logged], height=[v for _, v in logged])
        self.logged_bars.setVisible(has_log)
        self._legend_logged(has_log, figures.acwr_max)
        _set_data(self.ratio_curve, xs, [_nan(w.acwr) for w in self.weeks])
        _set_data(self.ewma_curve, xs, [_nan(w.ewma_ratio) for w in self.weeks])
        monos = [(x, finite(w.monotony)) for x, w in zip(xs, self.weeks, strict=True)]
        # seven equal days: monotony undefined ("—") but flagged, the most monotonous week there
        # is; a bar to the strip's top, not a gap that read as the least monotonous week
        top = max([v for _, v in monos if v is not None] + [MONOTONY_FLAG + 0.5])
        monos = [(x, top if v is None and any(f.startswith("monotony") for f in w.flags) else v)
                 for (x, v), w in zip(monos, self.weeks, strict=True)]
        self.mono_bars.setOpts(x=[x for x, v in monos if v is not None],
                               height=[v for _, v in monos if v is not None],
                               # orange where the week is flagged (weeks over, with a log)
                               brushes=[pg.mkBrush(self.colours.flag if any(
                                   f.startswith("monotony") for f in w.flags) else self.colours.monotony)
                                        for (_, v), w in zip(monos, self.weeks, strict=True)
                                        if v is not None])
        self._scale(xs)
        self._place_limit(figures.acwr_max)
        self._place_today(today)
        self._marked = None
        self.readout.fit([week_text(figures, w) for w in self.weeks])
        k = self._default_week(today)
        self._read(k)
        self._describe(k)

    def _legend_logged(self, has_log: bool, limit: float | None = None) -> None:
        """The legend, with "logged" only when something was logged, and LD-1's ACWR limit
        while LD-1 is on. Rebuilt only when that changes: pyqtgraph's legend moves itself to
        the view's corner while it is rebuilt, and under X that left a clipped copy above the
        chart after choosing another athlete."""
        if self._legend_for == (has_log, limit):
            return
        self._legend_for = (has_log, limit)
        self.legend.clear()
        self.legend.addItem(self.planned_bars, "planned")
        if has_log:
            self.legend.addItem(self.logged_bars, "logged")
        self.legend.addItem(self.ratio_curve, "ACWR")
        self.legend.addItem(self.ewma_curve, "EWMA ratio 7:28")
        self.legend.addItem(self.band_sample, f"band {BAND[0]:g}–{BAND[1]:g}")
        if limit is not None:
            self.legend.addItem(self.limit_sample, limit_words(limit))
        self.view.ci.layout.invalidate()  # back in its row, and the old place repainted
        self.view.viewport().update()

    def _scale(self, xs: list[int]) -> None:
        top = max([finite(w.planned) or 0.0 for w in self.weeks]
                  + [finite(season_logged(w)) or 0.0 for w in self.weeks] + [1.0])
        self.load_plot.setXRange(min(xs) - 0.7, max(xs) + 0.7, padding=0)
        self.load_plot.setYRange(0, top * 1.25, padding=0)
        ratios = [finite(r) for w in self.weeks for r in (w.acwr, w.ewma_ratio)]
        high = max([r for r in ratios if r is not None] + [FLAG_RATIO + 0.2])
        cap = min(high * 1.2, RATIO_CAP)
        self.ratio_box.setYRange(0, cap, padding=0)
        self._mark_off_scale(xs, cap)
        monos = [finite(w.monotony) for w in self.weeks]
        mono_top = max([m for m in monos if m is not None] + [MONOTONY_FLAG + 0.5]) * 1.1
        self.mono_plot.setYRange(0, mono_top, padding=0)
        ticks = self.axis.ticks([w.start for w in self.weeks])
        for plot in (self.load_plot, self.mono_plot):
            plot.getAxis("bottom").setTicks(ticks)
        self.flag_label.setPos(max(xs) + 0.6, FLAG_RATIO)
        self.mono_label.setPos(max(xs) + 0.6, mono_top)
        self._sync_boxes()

    def _place_limit(self, limit: float | None) -> None:
        """LD-1's ACWR limit as a line (named in the legend); none while LD-1 is off."""
        self.limit_line.setVisible(limit is not None)
        if limit is not None:
            self.limit_line.setValue(limit)
        self._place_labels()

    def _mark_off_scale(self, xs: list[int], cap: float) -> None:
        """A ratio above the axis (ACWR 13.2 after weeks without load) as its value at the top,
        with an arrow: the line leaves the chart there and would show nothing."""
        for item in self._off_scale:
            self.ratio_box.removeItem(item)
        self._off_scale = []
        for x, w in zip(xs, self.weeks, strict=True):
            tops = [r for r in (finite(w.acwr), finite(w.ewma_ratio)) if r is not None and r > cap]
            if tops:
                item = _text_item(f"{max(tops):.1f}↑", self.colours.ratio, anchor=(0.5, 0))
                item.setPos(x, cap)
                self.ratio_box.addItem(item)
                self._off_scale.append(item)

    def off_scale_texts(self) -> list[str]:
        """The values written at the top for ratios above the axis (tests)."""
        return [item.toPlainText() for item in self._off_scale]

    def _place_today(self, today: dt.date | None) -> None:
        show = today is not None and self.axis is not None and bool(self.weeks)
        for line in self.today_lines:
            line.setVisible(show)
        self.today_label.setVisible(show)
        if not show:
            return
        wk = self.axis.x(today)
        x = wk - 0.5 + (today - self.axis.day(wk)).days / 7  # the week's bars span wk ± 0.5
        for line in self.today_lines:
            line.setValue(x)
        self.today_label.setPos(x, self.load_plot.vb.viewRange()[1][1])
        for item in self._off_scale:  # a value at the top beside "today": a line lower
            item.setAnchor((0.5, -1.1) if -0.6 < item.pos().x() - x < 1.6 else (0.5, 0))

    def _default_week(self, today: dt.date | None) -> int | None:
        """The week the readout starts on: the last week with a logged session, else the week
        of today, else the first."""
        logged = [k for k, w in enumerate(self.weeks) if w.logged is not None]
        if logged:
            return logged[-1]
        if today is not None:
            k = self.week_index(today)
            if k is not None:
                return k
        return 0 if self.weeks else None

    # -- weeks -------------------------------------------------------------------------------
    def week_index(self, day: dt.date | None) -> int | None:
        if day is None:
            return None
        for k, w in enumerate(self.weeks):
            if w.start <= day < w.start + dt.timedelta(days=w.days):
                return k
        return None

    def mark_day(self, day: dt.date | None) -> None:
        """Mark the week of ``day`` (the board's selected cell) and read it out."""
        k = self.week_index(day)
        self._marked = k
        for region in self.selected:
            region.setVisible(k is not None)
            if k is not None:
                x = self.axis.x(self.weeks[k].start)
                region.setRegion((x - 0.5, x + 0.5))
        if k is not None:
            self._read(k)
            self._describe(k)

    def _describe(self, k: int | None) -> None:
        """The chart's accessible description: week ``k``'s figures in the readout's words (its
        ACWR, EWMA ratio, monotony and any flag), which a screen reader cannot take from the
        drawing; none without a week."""
        text = ""
        if k is not None and self.figures is not None and 0 <= k < len(self.weeks):
            html_text = week_text(self.figures, self.weeks[k]).replace("<br>", "; ")
            text = QTextDocumentFragment.fromHtml(html_text).toPlainText()
        self.view.setAccessibleDescription(text)

    def _read(self, k: int | None) -> None:
        if k is None or self.figures is None or not 0 <= k < len(self.weeks):
            self.readout.setText("")
            return
        self.readout.setText(week_text(self.figures, self.weeks[k]))

    def _week_at(self, scene_pos) -> int | None:
        if self.axis is None:
            return None
        for plot in (self.load_plot, self.mono_plot):
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                x = plot.vb.mapSceneToView(scene_pos).x()
                return self.week_index(self.axis.day(x))
        return None

    def _clicked(self, event) -> None:
        k = self._week_at(event.scenePos())
        if k is None:
            return
        self.week_clicked.emit(self.weeks[k].start)

    def _moved(self, pos) -> None:
        k = self._week_at(pos)
        self._read(k if k is not None else self._marked)

    def click_week(self, k: int) -> None:
        """Click the middle of week ``k``'s bars (tests)."""
        x = self.axis.x(self.weeks[k].start)
        pos = self.load_plot.vb.mapViewToScene(QPointF(x, 1.0))
        self._clicked(_Click(pos))

    # -- tests -------------------------------------------------------------------------------
    def bar_count(self) -> tuple[int, int]:
        """(planned bars, logged bars) drawn."""
        return (len(self.planned_bars.opts["x"]),
                len(self.logged_bars.opts["x"]) if self.logged_bars.isVisible() else 0)

    def texts(self) -> list[str]:
        """Every text shown: the readout, the legend, the axis labels and ticks, the labels."""
        out = [self.readout.text(), self.flag_label.toPlainText(), self.today_label.toPlainText(),
               self.mono_label.toPlainText()]
        out += [label.text for _sample, label in self.legend.items]
        for plot in (self.load_plot, self.mono_plot):
            for side in ("left", "bottom", "right"):
                ax = plot.getAxis(side)
                out.append(ax.labelText)
                for level in ax._tickLevels or ():
                    out += [t for _x, t in level]
        return out


class _Click:
    """A stand-in for pyqtgraph's mouse click event (tests)."""

    def __init__(self, pos):
        self._pos = pos

    def scenePos(self):  # noqa: N802 - pyqtgraph API
        return self._pos


class TeamChart(QWidget):
    """The squad's EWMA ratio: a line per athlete, the median, the flags (see the module
    text)."""

    week_clicked = Signal(object)
    athlete_clicked = Signal(str, object)
    flag_chosen = Signal(str, object)  # a flag's athlete and the day it is about

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Load chart of the team")
        base, text, c = _colours(self)
        self.colours = c
        self.view = ChartView(base)
        self.legend = pg.LegendItem(colCount=4, labelTextColor=text)  # a row above the plot
        self.view.addItem(self.legend, row=0, col=0)
        self.plot = self.view.addPlot(row=1, col=0, axisItems=_value_axes())
        self.legend.layout.setContentsMargins(4, 0, 4, 0)
        self.view.ci.layout.setRowFixedHeight(0, LEGEND_H)
        _style_plot(self.plot, text)
        self.plot.setLabel("left", "EWMA ratio 7:28")
        self.band = pg.LinearRegionItem(values=BAND, orientation="horizontal", movable=False,
                                        brush=pg.mkBrush(*BAND_FILL), pen=pg.mkPen(None))
        self.band.setZValue(-10)
        self.plot.addItem(self.band)
        self.flag_line = pg.InfiniteLine(pos=FLAG_RATIO, angle=0, movable=False,
                                         pen=pg.mkPen(c.flag, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.flag_line)
        self.selected = _week_region(SELECTED_WEEK)
        self.plot.addItem(self.selected)
        self.today_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen(c.today, width=1, style=Qt.PenStyle.DotLine))
        self.today_line.hide()
        self.plot.addItem(self.today_line)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.median = pg.PlotDataItem([], [], pen=pg.mkPen(text, width=3), connect="finite")
        self.median.setZValue(10)
        self.plot.addItem(self.median)
        self.flag_list = QListWidget()
        self.flag_list.setAccessibleName("Load flags")
        self.flag_list.setToolTip(FLAG_EVIDENCE_TIP)
        self.flag_list.setWordWrap(True)  # a flag is a sentence: read whole, not cut
        self.flag_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flag_list.itemActivated.connect(self._flag_chosen)
        self.flag_list.itemClicked.connect(self._flag_chosen)
        self.flags_title = QLabel()
        self.flags_title.setToolTip(FLAG_EVIDENCE_TIP)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self.flags_title)
        side_lay.addWidget(self.flag_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 300])
        split.setMinimumHeight(CHART_MIN_H)  # a splitter reads its children's hints, not minima
        # ... and asks for the flag list's height (a list's 192 px): no more than its least,
        # so the dock's panel is no taller than the chart needs (ChartView)
        split.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.readout = _readout("The team's figures")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.readout)  # above the chart, as the athlete's: seen without scrolling
        lay.addWidget(split, 1)
        self.figs: dict = {}
        self.axis: _WeekAxis | None = None
        self.median_points: list = []
        self.view.scene().sigMouseClicked.connect(self._clicked)

    def set_figures(self, figs: dict, flag_lines: list[tuple[str, str, dt.date, str, int]],
                    athlete: str | None = None, today: dt.date | None = None,
                    flags_of: str = "last week and this week") -> None:
        """Show the squad's ``planner.load.figures``, the flags (``loadpanel.grouped_flags``:
        sentence, athlete, day, tooltip, how many) of the weeks ``flags_of`` names; ``athlete``'s
        line a little thicker."""
        from planner.load import team_median

        self.figs = figs
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.curves = {}
        self.legend.clear()
        starts = sorted({w.start for f in figs.values() for w in f.weeks if w.in_season})
        if not starts:
            return
        self.axis = axis = _WeekAxis(starts[0], starts[0].weekday())
        flagged = load_flags(figs)
        sample = None
        for aid, f in figs.items():
            xs = [axis.x(w.start) for w in f.weeks]
            ys = [_nan(w.ewma_ratio) for w in f.weeks]
            hot = aid in flagged
            pen = pg.mkPen(self.colours.flag if hot else pg.mkColor(*self.colours.athlete_line),
                           width=2 if hot or aid == athlete else 1)
            curve = pg.PlotDataItem(xs, ys, pen=pen, connect="finite")
            curve.setCurveClickable(True, width=6)
            curve.sigClicked.connect(lambda _c, ev, a=aid: self._curve_clicked(a, ev))
            curve.setToolTip(f.name)
            self.plot.addItem(curve)
            self.curves[aid] = curve
            sample = sample or curve
        self.median_points = [(d, finite(v)) for d, v in team_median(figs)]
        _set_data(self.median, [axis.x(d) for d, _v in self.median_points],
                  [_nan(v) for _d, v in self.median_points])
        if sample is not None:
            self.legend.addItem(sample, "an athlete")
        self.legend.addItem(self.median, "squad median")
        if flagged:
            self.legend.addItem(self.curves[next(iter(flagged))],
                                "⚠ on the board (logged load high)")
        xs = [axis.x(d) for d in starts]
        self.plot.setXRange(min(xs) - 0.7, max(xs) + 0.7, padding=0)
        highs = [finite(w.ewma_ratio) for f in figs.values() for w in f.weeks]
        self.plot.setYRange(0, min(max([h for h in highs if h is not None] + [FLAG_RATIO + 0.2])
                                   * 1.05, 4.0), padding=0)
        self.plot.getAxis("bottom").setTicks(axis.ticks(starts))
        self.today_line.setVisible(today is not None)
        if today is not None:
            self.today_line.setValue(axis.x(today) - 0.5 + (today - axis.day(axis.x(today))).days / 7)
        self.set_flags(flag_lines, flags_of)
        # the readout keeps the height its longest text takes (a line clicked with the longest
        # name), not four lines for the median's one: the chart had a gap above it
        longest = max(figs.values(), key=lambda f: len(f.name))
        self.readout.fit([self._median_text(None),
                          self._line_text(longest.name, longest.weeks[-1], longest.weeks[-1].start)])
        self.readout.setText(self._median_text(None))

    def set_flags(self, lines: list[tuple[str, str, dt.date, str, int]], flags_of: str) -> None:
        """The flags listed beside the chart, those of the weeks ``flags_of`` names (the week the
        chart marks: "the week of Mon 9 Mar 2026", or "last week and this week"); a line that
        counts 0 (``planner.load.off_plan_lines``: logged far off the plan) is counted apart."""
        self.flag_list.clear()
        for line, aid, day, tip, _n in lines:
            item = QListWidgetItem(line)
            if tip:  # a flag several athletes share: the tooltip names them
                item.setToolTip(tip)
            # plain strings (no Python object held by a Qt item): the athlete and the ISO day
            item.setData(Qt.ItemDataRole.UserRole, aid)
            item.setData(Qt.ItemDataRole.UserRole + 1, day.isoformat())
            self.flag_list.addItem(item)
        if not lines:
            self.flag_list.addItem(QListWidgetItem("No flag."))
        # the flags are those of the week the chart marks: said, so that a spike in January is
        # not looked for here; a line several athletes share names them, so the count is the
        # flags' (24 on one "All 24 athletes" line read as a miscount when the heading also
        # counted lines)
        count = sum(n for *_x, n in lines)
        # a line that counts 0 is no flag: an athlete whose logged week is far off the plan
        off = sum(1 for *_x, n in lines if n == 0)
        also = f" · {off} logged off the plan" if off else ""
        self.flags_title.setText(f"<b>Flags</b> of {html.escape(flags_of, quote=False)} ({count})"
                                 f"{also} <small>[{FLAG_EVIDENCE}]</small>")

    def _median_text(self, k_day: dt.date | None) -> str:
        pts = [(d, v) for d, v in self.median_points if k_day is None or d <= k_day]
        if not pts:
            return ""
        d, v = pts[-1]
        return (f"Squad median EWMA ratio (7:28), week of {date_short(d)}: <b>{fmt(v)}</b>"
                f" · band {BAND[0]:g}–{BAND[1]:g} · flag above {FLAG_RATIO:g} [{FLAG_EVIDENCE}]")

    def mark_day(self, day: dt.date | None) -> None:
        if day is None or self.axis is None:
            self.selected.hide()
            return
        x = self.axis.x(day)
        self.selected.setRegion((x - 0.5, x + 0.5))
        self.selected.show()
        self.readout.setText(self._median_text(day))

    def _day_at(self, scene_pos) -> dt.date | None:
        if self.axis is None or not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        return self.axis.day(self.plot.vb.mapSceneToView(scene_pos).x())

    def _clicked(self, event) -> None:
        if getattr(event, "_periodize_athlete", False):
            return
        day = self._day_at(event.scenePos())
        if day is not None:
            self.week_clicked.emit(day)

    def _curve_clicked(self, athlete: str, event) -> None:
        day = self._day_at(event.scenePos()) if event is not None else None
        if event is not None:
            event._periodize_athlete = True
        self.athlete_clicked.emit(athlete, day)
        self.say_line(athlete, day)

    def say_line(self, athlete: str, day: dt.date | None) -> None:
        """Name the line a click chose (24 lines cross: which athlete the board now shows)."""
        f = self.figs.get(athlete)
        if f is None:
            return
        week = next((w for w in f.weeks if day is not None and w.start <= day <= w.end), None)
        self.readout.setText(self._line_text(f.name, week, day))

    def _line_text(self, name: str, week, day: dt.date | None) -> str:
        value = (f": EWMA ratio {fmt(week.ewma_ratio)}, week of {date_short(week.start)}"
                 if week is not None else "")
        return (f"Line clicked: <b>{html.escape(name)}</b>{value} (selected on the board). "
                + self._median_text(day))

    def _flag_chosen(self, item: QListWidgetItem) -> None:
        """The flag's athlete and the day it is about (a week's first day, or the day of the
        ratio) on the board."""
        aid, day = item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)
        if aid and day:
            self.flag_chosen.emit(aid, dt.date.fromisoformat(day))

    def texts(self) -> list[str]:
        out = [self.readout.text(), self.flags_title.text()]
        out += [self.flag_list.item(i).text() for i in range(self.flag_list.count())]
        out += [label.text for _sample, label in self.legend.items]
        for side in ("left", "bottom"):
            ax = self.plot.getAxis(side)
            out.append(ax.labelText)
            for level in ax._tickLevels or ():
                out += [t for _x, t in level]
        return out
