"""The Load dock at 1280 x 720: the team chart beside the flags (and the Solver Explanation) read
its dates on top of each other ("4 Jan1 Feb1 Mar 5 Apr"), and the athlete chart's "ACWR limit
1.3 (LD-1)" was written over the first weeks' bars. The dates under a chart are as many as its
width holds apart; LD-1's limit is named in the legend, over no bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from planner import load as L
from tests.planner.test_load import _season


@pytest.fixture(scope="module")
def season_figs():
    return L.figures(_season(weeks=52))  # a whole season: 12 months of dates


def _dates(plot) -> list[tuple[float, str, float]]:
    """The dates drawn under ``plot``: (x in pixels, text, text width), left to right."""
    axis = plot.getAxis("bottom")
    metrics = QFontMetricsF(axis.style.get("tickFont") or axis.font())
    major = (axis._tickLevels or [[]])[0]
    return sorted((plot.vb.mapViewToScene(QPointF(x, 0)).x(), t, metrics.horizontalAdvance(t))
                  for x, t in major if t)


def _apart(dates) -> bool:
    """No two dates (each centred on its tick) meet."""
    return all(b[0] - a[0] >= (a[2] + b[2]) / 2 for a, b in zip(dates, dates[1:], strict=False))


def _shown(qtbot, widget, width: int, height: int):
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.grab()  # painted: the axis works out its labels for its width


def test_the_team_charts_dates_are_as_many_as_its_width_holds(qtbot, season_figs):
    from ui.desktop.loadcharts import TeamChart

    months = len({(w.start.year, w.start.month) for f in season_figs.values() for w in f.weeks
                  if w.in_season})
    team = TeamChart()
    qtbot.addWidget(team)
    team.set_figures(season_figs, [])
    _shown(qtbot, team, 640, 260)  # beside the flags in a half-width dock: the chart ~400 px
    narrow = _dates(team.plot)
    assert _apart(narrow), narrow
    assert 3 <= len(narrow) < months, narrow  # fewer, and still dated
    first = min(w.start for f in season_figs.values() for w in f.weeks if w.in_season)
    assert narrow[0][1] == team.axis.ticks([first])[0][0][1]  # the season's first date kept
    _shown(qtbot, team, 2400, 260)  # wide: every month named
    wide = _dates(team.plot)
    assert len(wide) == months and _apart(wide), wide


def test_the_athlete_charts_dates_do_not_meet_and_ld1s_limit_covers_no_bar(qtbot, season_figs):
    from ui.desktop.loadcharts import CHART_MIN_W, AthleteChart

    f = season_figs["A1"]
    assert f.acwr_max is not None
    chart = AthleteChart()
    qtbot.addWidget(chart)
    chart.set_athlete(f)
    _shown(qtbot, chart, CHART_MIN_W, chart.minimumSizeHint().height())
    dates = _dates(chart.mono_plot)
    assert len(dates) >= 3 and _apart(dates), dates
    # LD-1's limit is named in the legend, whole on its row in a Load dock beside another
    # (half of 1280 px and a little), as the five other entries were before it ...
    name = f"ACWR limit {f.acwr_max:g} (LD-1)"
    legend = dict((label.text, label) for _s, label in chart.legend.items)
    assert name in legend
    _shown(qtbot, chart, 700, chart.minimumSizeHint().height())
    assert legend[name].sceneBoundingRect().right() <= chart.view.width(), \
        (legend[name].sceneBoundingRect(), chart.view.width())
    # ... and no text of the chart that names it lies over a bar, planned or logged
    vb = chart.load_plot.vb
    bars = []
    for item in (chart.planned_bars, chart.logged_bars):
        width = item.opts["width"]
        for x, h in zip(item.opts["x"], item.opts["height"], strict=True):
            bars.append(vb.mapViewToScene(QRectF(x - width / 2, 0, width, h)).boundingRect())
    assert bars
    texts = [t for t in chart.view.scene().items()
             if hasattr(t, "toPlainText") and "LD-1" in t.toPlainText() and t.isVisible()]
    for t in texts:
        rect = t.sceneBoundingRect()
        assert not any(rect.intersects(b) for b in bars), (t.toPlainText(), rect)
