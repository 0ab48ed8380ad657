"""Training load in the app (issue 12, items 4 and 6): the Load panel's charts render offscreen
with a real season's figures (a bar per week, the ACWR band, "—" and never "nan" in a label), a
click on a week selects it on the board, an athlete whose logged EWMA ratio is above 1.5 is
flagged on the board's name column and in the inspector (and no one else), and a season with no
logged session shows the planned figures only and says so."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from planner.season import AthletePlan, Plan, Season, Session
from planner.text import date_short, day_long, number
from planner.timeline import Timeline
from ui.desktop.board import LOAD_FLAG
from ui.desktop.loadwords import BAND, FLAG_RATIO, fmt, load_flags, week_text
from ui.desktop.mainwindow import MainWindow, load_demo_season

TODAY = dt.date(2026, 12, 1)


def planned(season: Season) -> Season:
    """The demo season with a plan of the right shape (every training day at a level of the
    weekly pattern, a deload every fourth week) and today on Tue 1 Dec 2026."""
    tl = Timeline(season)
    kinds = tuple("deload" if w.index % 4 == 3 else "load" for w in tl.weeks)
    athletes = []
    for a in season.athletes:
        stage = "P1" if season.injury_of(a.id) is not None else "FIT"
        athletes.append(AthletePlan(
            athlete=a.id, stages=(stage,) * tl.n, weeks=kinds,
            intensity=tuple((60, 80, 90, 70, 95, 0)[i % 6] if tl.is_training[i] else 0
                            for i in range(tl.n))))
    cal = season.calendar.model_copy(update={"today": TODAY})
    return season.model_copy(update={"calendar": cal, "plan": Plan(
        status="manual", team_weeks=kinds, athletes=tuple(athletes))})


@pytest.fixture(scope="module")
def unlogged() -> Season:
    return planned(load_demo_season())


@pytest.fixture(scope="module")
def logged(unlogged) -> Season:
    """The demo's log (templates/demo-sessions.csv: August to November) added."""
    from planner.sessionlog import read_sessions
    from templates import path as template_path

    log = read_sessions(template_path("demo-sessions.csv"), unlogged)
    return unlogged.model_copy(update={"sessions": tuple(log.sessions)})


def spiked(season: Season, athlete: str = "A03") -> Season:
    """``athlete`` logs an extra 150 min at RPE 9 on each of the seven days before today."""
    extra = tuple(Session(athlete=athlete, date=TODAY - dt.timedelta(days=k), minutes=150, rpe=9)
                  for k in range(1, 8))
    return season.model_copy(update={"sessions": season.sessions + extra})


def open_window(qtbot, season: Season, athlete: str = "A01") -> MainWindow:
    w = MainWindow(season, None, autosave=False)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.board.today_override = TODAY
    w.show()
    w.board.set_current(athlete, TODAY)
    settle(qtbot, w)
    return w


def settle(qtbot, w: MainWindow) -> None:
    """Wait for the figures worked out in the background (the flags and charts follow)."""
    qtbot.waitUntil(w.load_view.idle, timeout=20_000)
    qtbot.wait(10)


def no_bad_numbers(texts: list[str]) -> None:
    for t in texts:
        assert not re.search(r"\b(nan|inf|infinity)\b", t, re.IGNORECASE), t


# -- the charts ----------------------------------------------------------------------------------
def test_the_athlete_chart_renders_a_real_season(qtbot, logged):
    w = open_window(qtbot, logged, "A07")
    w.load_view.show()
    settle(qtbot, w)
    panel = w.load_view.panel
    chart = panel.athlete_chart
    assert chart is not None and panel.stack.currentWidget() is chart
    f = w.load_view.figures(w.season)["A07"]
    planned_bars, logged_bars = chart.bar_count()
    assert planned_bars == len(f.weeks) > 30
    assert logged_bars == sum(1 for wk in f.weeks if wk.logged is not None) > 10
    assert chart.band.getRegion() == pytest.approx(BAND)
    assert chart.band in chart.ratio_box.addedItems
    texts = chart.texts()
    assert {"ACWR", "EWMA ratio 7:28", "logged", "planned"} <= set(texts)
    # LD-1's limit, which the plan's load flags read, drawn and named (only the band's edge was)
    assert "ACWR limit 1.3 (LD-1)" in texts and chart.limit_line.value() == pytest.approx(f.acwr_max)
    chart.set_athlete(dataclasses.replace(f, acwr_max=None))  # LD-1 off: no limit drawn
    assert not chart.limit_line.isVisible() and not any("LD-1" in t for t in chart.texts())
    chart.set_athlete(f)
    image = chart.view.grab().toImage()
    assert not image.isNull() and image.width() > 300
    # The first week has no ACWR yet (too few days): "—", never nan.
    chart.mark_day(f.weeks[0].start)
    assert "—" in chart.readout.text()
    no_bad_numbers(panel.texts())
    # The board's selected cell marks its week on the chart.
    w.board.set_current("A07", dt.date(2026, 10, 7))
    assert "week of 5 Oct 2026" in chart.readout.text()
    # Another athlete with a log too: the legend stays as it is (rebuilt, it left a copy under X).
    labels = [label for _sample, label in chart.legend.items]
    panel.who.setCurrentIndex(panel.who.findData("A02"))
    assert panel.athlete == "A02" and [label for _s, label in chart.legend.items] == labels


def test_a_screen_reader_hears_the_charts_figures(qtbot, logged):
    """The chart had a name and no description: a screen reader said its title and none of its
    figures. Its description is the marked week's readout (ACWR, EWMA ratio, monotony, flags)."""
    from PySide6.QtGui import QTextDocument

    w = open_window(qtbot, logged, "A07")
    w.load_view.show()
    settle(qtbot, w)
    chart = w.load_view.panel.athlete_chart

    def shown() -> str:
        doc = QTextDocument()
        doc.setHtml(chart.readout.text())
        return doc.toPlainText().replace("\n", "; ")

    said = chart.view.accessibleDescription()
    assert said == shown() and "ACWR" in said and "EWMA ratio" in said and "monotony" in said
    w.board.set_current("A07", dt.date(2026, 10, 7))  # another week: its figures
    assert "week of 5 Oct 2026" in chart.view.accessibleDescription() != said
    assert chart.view.accessibleDescription() == shown()
    f = w.load_view.figures(w.season)["A07"]
    flagged = next(wk for wk in f.weeks if wk.flags)
    chart.mark_day(flagged.start)
    assert chart.view.accessibleDescription().endswith("⚑ " + "; ".join(flagged.flags))
    chart.set_athlete(None)
    assert chart.view.accessibleDescription() == ""


def test_the_team_chart_has_a_line_per_athlete_the_median_and_the_flags(qtbot, logged):
    w = open_window(qtbot, spiked(logged))
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    assert team is not None and len(team.curves) == len(w.season.athletes)
    assert team.median_points and any(v is not None for _d, v in team.median_points)
    texts = team.texts()
    assert any("Sam Okafor" in t for t in texts)  # the flag listed
    no_bad_numbers(w.load_view.panel.texts())
    assert not team.view.grab().toImage().isNull()


def test_choosing_a_flag_selects_its_athlete_on_the_day_it_is_about(qtbot, logged):
    w = open_window(qtbot, spiked(logged), "A05")
    w.board.set_current("A05", dt.date(2026, 12, 2))  # a Wednesday: the flag's day wins
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    items = [team.flag_list.item(i) for i in range(team.flag_list.count())]
    ratio = next(it for it in items if "Sam Okafor" in it.text() and "EWMA" in it.text())
    # a day as the app writes days: the ratio now is the mean of the 7 days to it
    assert "over the 7 days to Mon 30 Nov 2026 (the mean of their daily ratios)" in ratio.text()
    team.flag_list.itemClicked.emit(ratio)
    assert w.board.current() == ("A03", dt.date(2026, 11, 30))
    week = next((it for it in items if "week of" in it.text()), None)
    assert week is not None, "the spiked log flags a week too"
    aid = week.data(Qt.ItemDataRole.UserRole)
    day = dt.date.fromisoformat(week.data(Qt.ItemDataRole.UserRole + 1))
    assert f"week of {day.day} {day:%b %Y}" in week.text() and day.weekday() == 0
    team.flag_list.itemClicked.emit(week)
    assert w.board.current() == (aid, day)


def test_clicking_a_week_selects_it_on_the_board(qtbot, logged):
    w = open_window(qtbot, logged, "A05")
    w.board.set_current("A05", dt.date(2026, 12, 2))  # a Wednesday
    w.load_view.show()
    settle(qtbot, w)
    chart = w.load_view.panel.athlete_chart
    k = next(i for i, wk in enumerate(chart.weeks) if wk.start == dt.date(2026, 10, 12))
    chart.click_week(k)
    assert w.board.current() == ("A05", dt.date(2026, 10, 14))  # the same weekday, that week
    # The team chart: the selected athlete's row, the week clicked.
    w.load_view.show(team=True)
    w.load_view.panel.team_chart.week_clicked.emit(dt.date(2026, 9, 7))
    assert w.board.current() == ("A05", dt.date(2026, 9, 9))


# -- the flag ------------------------------------------------------------------------------------
def _orange_in_name_column(w: MainWindow, athlete: str) -> int:
    board = w.board
    rect = board.cell_rect(athlete, TODAY)
    image = board.viewport().grab().toImage()
    y = rect.center().y()
    name_w = board._name_w
    want = QColor(LOAD_FLAG).rgb()
    return sum(1 for x in range(name_w) for dy in (-3, 0, 3)
               if image.pixel(x, y + dy) == want)


def test_a_logged_ewma_ratio_above_1_5_is_flagged_on_the_board_and_in_the_inspector(qtbot, logged):
    season = spiked(logged, "A03")
    w = open_window(qtbot, season, "A03")
    figs = w.load_view.figures(w.season)
    ratio = figs["A03"].latest_logged_ewma_ratio
    assert ratio is not None and ratio > FLAG_RATIO
    # Flagged exactly when the logged ratio is above 1.5 or the last week logged spiked.
    assert set(w.load_view.flags) == {a for a, f in figs.items()
                                      if f.latest_logged_ewma_ratio is not None
                                      and f.latest_logged_ewma_ratio > FLAG_RATIO
                                      or f.logged_spike is not None}
    assert w.board.load_flag("A03") is not None and w.board.load_flag("A01") is None
    assert _orange_in_name_column(w, "A03") > 20
    assert _orange_in_name_column(w, "A01") == 0
    assert w.board.load_flag("A03").figure.startswith("EWMA ")  # which ratio it is
    row = next(r for r in w.board._rows if r.athlete_id == "A03")
    tip = w.board._athlete_tooltip(row)
    assert fmt(ratio) in tip and "E, disputed" in tip
    html = w.inspector.toHtml()
    assert fmt(ratio) in html and "E, disputed" in html
    assert w.docks["load"].windowTitle() == "Load ⚠"
    # Another athlete's day: no load row in the inspector.
    w.board.set_current("A01", TODAY)
    assert "E, disputed" not in w.inspector.toHtml()


def test_no_flag_without_a_spike(qtbot, logged):
    w = open_window(qtbot, logged, "A03")
    figs = w.load_view.figures(w.season)
    assert not any((f.latest_logged_ewma_ratio or 0) > FLAG_RATIO for f in figs.values())
    # only a logged week above LD-1's limit flags (the demo log has one: A24's week of 23 Nov)
    spiked = {a for a, f in figs.items() if f.logged_spike is not None}
    assert set(w.load_view.flags) == spiked and "A03" not in spiked
    assert w.board.load_flag("A03") is None
    assert _orange_in_name_column(w, "A03") == 0
    assert "E, disputed" not in w.inspector.toHtml()
    assert w.docks["load"].windowTitle() == ("Load ⚠" if spiked else "Load")


def test_load_flags_reads_the_latest_logged_ratio():
    class F:
        def __init__(self, ratio, has_log=True):
            self.name, self.latest_logged_ewma_ratio, self.has_log = "X", ratio, has_log

    flags = load_flags({"a": F(1.51), "b": F(1.5), "c": F(None), "d": F(float("nan")),
                        "e": F(float("inf")), "f": F(2.0, has_log=False)})
    assert set(flags) == {"a"} and flags["a"].figure == "EWMA 1.51"


def test_a_logged_week_above_ld1s_limit_is_flagged_though_the_ratio_is_not(qtbot, logged):
    """A week logged at far more than the weeks before (ACWR above 1.3) puts the tag on the
    name column with the week's ACWR, although the smoothed EWMA ratio stays under 1.5."""
    monday = TODAY - dt.timedelta(days=8)  # Mon 23 Nov: the last full week before today
    extra = tuple(Session(athlete="A05", date=monday + dt.timedelta(days=k), minutes=100, rpe=9)
                  for k in (0, 2, 4))
    w = open_window(qtbot, logged.model_copy(update={"sessions": logged.sessions + extra}), "A05")
    f = w.load_view.figures(w.season)["A05"]
    assert f.logged_spike is not None and f.logged_spike.start == monday
    assert f.latest_logged_ewma_ratio is None or f.latest_logged_ewma_ratio <= FLAG_RATIO
    flag = w.board.load_flag("A05")
    assert flag is not None and flag.figure == "ACWR " + fmt(f.logged_spike.acwr)
    assert _orange_in_name_column(w, "A05") > 20
    tip = w.board._athlete_tooltip(next(r for r in w.board._rows if r.athlete_id == "A05"))
    assert "week of 23 Nov (logged)" in tip and "above 1.3" in tip and "E, disputed" in tip
    html = w.inspector.toHtml()
    assert "week of 23 Nov (logged)" in html and "LD-1" in html


def test_load_flags_reads_a_logged_spike():
    import types

    week = types.SimpleNamespace(start=dt.date(2026, 11, 23), load=4600.0, logged=4600.0, acwr=1.65)
    none = types.SimpleNamespace(start=dt.date(2026, 11, 23), load=600.0, logged=600.0, acwr=None)
    # a day of the week with nothing logged counts as planned: said, beside the logged sum
    part = types.SimpleNamespace(start=dt.date(2026, 9, 14), load=2920.0, logged=2620.0, acwr=1.38)

    class F:
        def __init__(self, spike):
            self.name, self.latest_logged_ewma_ratio, self.has_log = "X", 1.1, True
            self.logged_spike, self.acwr_max = spike, 1.3

    flags = load_flags({"a": F(week), "b": F(None), "c": F(none)})
    assert set(flags) == {"a", "c"}
    assert flags["a"].figure == "ACWR 1.65" and flags["c"].figure == "load ⚠"
    assert flags["a"].text() == ("⚠ Load: week of 23 Nov (logged) 4,600 AU, ACWR 1.65, above 1.3 "
                                 "[E, disputed]")
    assert "after 4 weeks at 0" in flags["c"].text() and "above" not in flags["c"].text()
    assert load_flags({"d": F(part)})["d"].text().startswith(
        "⚠ Load: week of 14 Sep (logged 2,620 AU + 300 AU planned on days not logged) 2,920 AU, "
        "ACWR 1.38")


# -- no log, no plan, division by zero --------------------------------------------------------------
def test_a_season_with_no_log_shows_planned_figures_only_and_says_so(qtbot, unlogged):
    w = open_window(qtbot, unlogged)
    w.load_view.show()
    settle(qtbot, w)
    panel = w.load_view.panel
    assert "No session logged" in panel.note.text() and "planned" in panel.note.text()
    chart = panel.athlete_chart
    assert chart.bar_count() == (len(chart.weeks), 0)
    assert "logged" not in chart.texts()
    no_bad_numbers(panel.texts())
    assert w.load_view.flags == {}
    w.load_view.show(team=True)
    assert "No session logged" in panel.note.text()
    no_bad_numbers(panel.texts())


def test_without_a_plan_the_panel_says_to_solve(qtbot):
    w = open_window(qtbot, load_demo_season())
    w.load_view.show()
    panel = w.load_view.panel
    assert panel.stack.currentWidget() is panel.placeholder
    assert "Solve" in panel.placeholder.text()
    assert panel.athlete_chart is None  # no chart built for nothing


def test_a_figure_that_does_not_exist_is_a_dash():
    assert fmt(None) == fmt(float("nan")) == fmt(float("inf")) == fmt(float("-inf")) == "—"
    assert fmt(1.234) == "1.23"

    class W:
        start, days, kind, in_season = dt.date(2026, 8, 3), 7, "load", True
        planned, logged, load, change, chronic = 0.0, None, 0.0, None, 0.0
        acwr = ewma_ratio = rolling_ratio = monotony = strain = logged_ewma_ratio = None
        flags = ()

    class F:
        name = "Tom Berger"
        limits = staticmethod(lambda figure: ())

    text = week_text(F, W)
    assert "—" in text and "nan" not in text.lower() and "inf" not in text.lower()


def test_a_flag_keeps_its_limit_in_the_readout(qtbot):
    """The readout is rich text: "EWMA ratio < 0.8" lost its "< 0.8" as a would-be tag."""
    from PySide6.QtWidgets import QLabel

    class W:
        start, days, kind, in_season = dt.date(2026, 12, 28), 7, "load", True
        planned, logged, load, change, chronic = 540.0, None, 540.0, -0.6, 1800.0
        acwr, ewma_ratio, rolling_ratio, monotony, strain, logged_ewma_ratio = 0.3, 0.46, 0.4, 0.8, 433, None
        flags = ("EWMA ratio < 0.8", "ACWR > 1.3")

    class F:
        name = "Kofi <Mensah>"
        limits = staticmethod(lambda figure: ())

    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(week_text(F, W))
    qtbot.addWidget(label)
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    shown = doc.toPlainText()
    assert "⚑ EWMA ratio < 0.8; ACWR > 1.3" in shown and "Kofi <Mensah>" in shown


def test_the_window_opens_without_pyqtgraph():
    code = ("import sys, ui.desktop.mainwindow, ui.desktop.loadpanel; "
            "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph imported'; "
            "assert 'pandas' not in sys.modules, 'pandas imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_flag_follows_the_log_and_a_pin_costs_no_new_figures(qtbot, logged):
    from planner import edits as E
    from planner.season import IntensityPin

    w = open_window(qtbot, logged, "A03")
    before = w.load_view.figures(w.season)
    assert w.board.load_flag("A03") is None
    spike = spiked(logged).sessions[len(logged.sessions):]
    assert w.apply_edit(E.LogSessions(sessions=spike))
    settle(qtbot, w)
    assert w.board.load_flag("A03") is not None  # logged: flagged as soon as worked out
    assert "E, disputed" in w.inspector.toHtml()
    w.undo_stack.undo()
    assert w.board.load_flag("A03") is None
    assert w.load_view.figures(w.season) is before  # undo: the figures kept, not worked out
    assert w.apply_edit(E.AddPin(pin=IntensityPin(athlete="A01", date=dt.date(2027, 1, 12),
                                                  intensity=90)))
    assert w.load_view.figures(w.season) is before  # a pin changes no figure


def test_a_flag_in_the_team_list_goes_to_its_athlete(qtbot, logged):
    w = open_window(qtbot, spiked(logged), "A01")
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    items = [team.flag_list.item(i) for i in range(team.flag_list.count())]
    item = next(i for i in items if i.text().startswith("Sam Okafor") and "EWMA" in i.text())
    team._flag_chosen(item)
    athlete, day = w.board.current()
    assert athlete == "A03" and dt.date(2026, 11, 30) <= day <= TODAY  # the last logged week


def test_the_team_list_starts_with_who_logged_far_off_the_plan(qtbot, logged):
    """As 'periodize log' prints it: the athlete who logged five times his planned week comes
    before every flag (in the list, where flags the plan makes itself buried him), counted
    apart from the flags; one logged as planned is not named there."""
    from planner.load import now_lines, off_plan_heading, off_plan_lines

    w = open_window(qtbot, spiked(logged), "A01")
    w.load_view.show(team=True)
    settle(qtbot, w)
    team, figs = w.load_view.panel.team_chart, w.load_view.panel.figs
    items = [team.flag_list.item(i) for i in range(team.flag_list.count())]
    off = off_plan_lines(w.season, figs, w.board.athlete_order())
    assert off and all(aid != "A01" for _x, aid, _d in off)
    assert items[0].text().startswith("Sam Okafor (A03): week of 23 Nov 2026: logged ")
    assert items[0].toolTip() == off_plan_heading().rstrip(":") + "."
    assert [i.text() for i in items[:len(off)]] == [x for x, _a, _d in off]
    flags = len(now_lines(w.season, figs))
    assert (f"last week and this week ({flags}) · {len(off)} logged off the plan"
            in team.flags_title.text())
    team.flag_list.itemClicked.emit(items[0])
    assert w.board.current() == ("A03", dt.date(2026, 11, 23))


def test_the_chart_and_the_board_follow_each_other(qtbot, logged):
    w = open_window(qtbot, logged, "A01")
    w.load_view.show()
    settle(qtbot, w)
    panel = w.load_view.panel
    assert panel.athlete == "A01" and panel.athlete_chart.figures.athlete == "A01"
    w.board.set_current("A05", TODAY)  # the board's athlete: the chart's
    assert panel.athlete_chart.figures.athlete == "A05"
    panel.who.setCurrentIndex(panel.who.findData("A09"))  # the chart's athlete: the board's
    assert w.board.current() == ("A09", TODAY)


def test_a_season_under_way_opens_on_the_weeks_around_today(qtbot, logged):
    w = MainWindow(logged, None, autosave=False)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    hb = w.board.horizontalScrollBar()
    today = logged.calendar.today
    assert hb.maximum() > 0 and hb.value() > 0  # not the season's first day
    first = w.board._tl.index(today - dt.timedelta(days=14))
    assert hb.value() == min(hb.maximum(), first * w.board._cw)
    # another season without a today (an import) opens on its first day, not where this was
    fresh = logged.model_copy(update={"calendar": logged.calendar.model_copy(update={"today": None})})
    w.set_document(fresh, None, modified=True)
    QApplication.processEvents()
    assert hb.value() == 0
    # one whose today is past its end opens on its last weeks (it opened on its first day)
    cal = logged.calendar
    ended = logged.model_copy(update={"calendar": cal.model_copy(
        update={"today": cal.end + dt.timedelta(days=1)})})
    w.set_document(ended, None, modified=True)
    QApplication.processEvents()
    last = w.board._tl.index(cal.end - dt.timedelta(days=14))
    assert hb.maximum() > 0 and hb.value() == min(hb.maximum(), last * w.board._cw) > 0


@pytest.mark.parametrize("team", [False, True])
def test_a_squeezed_load_dock_keeps_its_chart_and_readout_apart(qtbot, logged, team):
    """At 1366 x 768 with the Solver Explanation beside it, the Load dock used to overprint the
    week's readout on the dates and clip the chart; now the dock keeps the height its chart and
    readout need (the board gives way)."""
    w = open_window(qtbot, logged, "A07")
    w.resize(1366, 768)
    w.show_dock("explanation")
    w.load_view.show()
    settle(qtbot, w)
    panel = w.load_view.panel
    panel.show_team(team)
    settle(qtbot, w)
    chart = panel.team_chart if team else panel.athlete_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.view.height() > 0)  # laid out in the dock
    dock = w.docks["load"]
    w.resizeDocks([dock], [120], Qt.Orientation.Vertical)  # dragged small
    # the drag is done when the dock is as small as its contents let it be
    qtbot.waitUntil(lambda: dock.height() <= max(120, dock.minimumSizeHint().height()))
    w.board.set_current("A07", dt.date(2026, 10, 7))
    if not team:
        assert chart.readout.text()
    from PySide6.QtCore import QPoint, QRect

    view = QRect(chart.view.mapTo(chart, QPoint(0, 0)), chart.view.size())  # the team's: in a splitter
    readout = chart.readout.geometry()
    assert view.height() >= chart.view.minimumHeight() > 0
    assert readout.bottom() < view.top(), (view, readout)  # above the chart, apart
    assert readout.height() >= chart.readout.minimumHeight() > 0
    assert chart.geometry().bottom() <= panel.stack.height()


def test_a_ratio_above_the_axis_is_written_at_the_top(qtbot):
    """ACWR 13.2 (a week of load after weeks with almost none) leaves the chart: its value is
    written at the top of the axis instead, and goes with the athlete."""
    from dataclasses import replace

    from planner import load as L
    from tests.planner.test_load import _season
    from ui.desktop.loadcharts import RATIO_CAP, AthleteChart

    f = L.figures(_season())["A1"]
    k = next(i for i, w in enumerate(f.weeks) if w.acwr is not None)
    f = replace(f, weeks=f.weeks[:k] + (replace(f.weeks[k], acwr=13.2),) + f.weeks[k + 1:])
    chart = AthleteChart()
    qtbot.addWidget(chart)
    chart.set_athlete(f)
    assert chart.off_scale_texts() == ["13.2↑"]
    assert chart.ratio_box.viewRange()[1][1] == pytest.approx(RATIO_CAP)
    (item,) = chart._off_scale
    assert tuple(item.anchor) == (0.5, 0)
    chart.set_athlete(f, today=f.weeks[k].start)  # "today" at the top there too: a line lower
    (item,) = chart._off_scale
    assert tuple(item.anchor) == (0.5, -1.1)
    chart.set_athlete(L.figures(_season())["A3"])
    assert chart.off_scale_texts() == []


def test_view_load_brings_the_tab_forward_in_board_order_with_what_happened_first(qtbot, logged):
    """View ▸ Load opened the dock as a tab behind the Log, out of sight; the athlete picker
    followed the IDs, not the board; the team's flags put this week's planned rebound after a
    deload before last week's logged spike. Now the tab comes forward, the picker follows the
    board, and the flags of what happened come first."""
    w = open_window(qtbot, spiked(logged))
    w.weekly.show_log()
    dock = w.docks["load"]
    action = dock.toggleViewAction()
    assert not action.isChecked()
    action.trigger()
    settle(qtbot, w)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5000)
    panel = w.load_view.panel
    picker = [panel.who.itemData(k) for k in range(panel.who.count())]
    assert picker == [a for a in w.board.athlete_order() if a in picker]
    w.load_view.show(team=True)
    settle(qtbot, w)
    items = [panel.team_chart.flag_list.item(k).text()
             for k in range(panel.team_chart.flag_list.count())]
    planned = [k for k, t in enumerate(items) if "planned)" in t]
    happened = [k for k, t in enumerate(items) if "planned)" not in t]
    assert happened and planned and max(happened) < min(planned), items


def test_a_log_too_short_for_a_ratio_says_why_no_flag_shows_yet(qtbot, unlogged):
    """Three weeks logged as planned: no spike, and the logged EWMA ratio needs 28 days of log.
    The inspector says so, with the days logged so far. The same three weeks logged heavy: the
    last one is above LD-1's limit, and that flags at once."""
    from planner.loadtable import season_loads

    al = season_loads(unlogged)["A03"]
    days = [TODAY - dt.timedelta(days=k) for k in range(1, 22)]
    extra = tuple(Session(athlete="A03", date=d, minutes=al.planned[al.index(d)] / 5, rpe=5)
                  for d in days if al.planned[al.index(d)] > 0)
    w = open_window(qtbot, unlogged.model_copy(update={"sessions": extra}), "A03")
    f = w.load_view.figures(w.season)["A03"]
    assert f.has_log and f.latest_logged_ewma_ratio is None and f.log_span == 21
    assert f.logged_spike is None and w.board.load_flag("A03") is None
    w.board.set_current("A03", TODAY)
    html = w.inspector.toHtml()
    first, last = (day_long(TODAY - dt.timedelta(days=k)) for k in (21, 1))
    assert f"until the log covers 28 days (it covers 21 days, {first} to {last}, the days" in html
    w.board.set_current("A01", TODAY)  # nothing logged: no such row
    assert "log covers 28 days" not in w.inspector.toHtml()
    heavy = tuple(Session(athlete="A03", date=TODAY - dt.timedelta(days=k), minutes=150, rpe=9)
                  for k in range(1, 22))
    w = open_window(qtbot, unlogged.model_copy(update={"sessions": heavy}), "A03")
    assert w.load_view.figures(w.season)["A03"].logged_spike is not None
    assert w.board.load_flag("A03") is not None


def test_the_flag_and_the_wait_say_their_figure_truthfully():
    """1.502 read "1.50, above 1.5" on the board; a log of 70 days at 0 AU read "until 28 days of
    log exist (70 so far)"; a log begun 27 days ago, its sessions planned after its second day not
    logged, read "its first session is 2 days back"."""
    from planner.load import AthleteFigures
    from ui.desktop.loadwords import LoadFlag, load_waits

    assert "1.502, above 1.5" in LoadFlag("A01", "X", 1.502).text()
    today = dt.date(2026, 10, 7)

    class F:
        has_log, latest_logged_ewma_ratio, thin_log, latest_days = True, None, 0, 0
        logged_when = AthleteFigures.logged_when
        logged_over, logged_days = AthleteFigures.logged_over, AthleteFigures.logged_days

        def __init__(self, span, to=today - dt.timedelta(days=1)):
            self.log_span, self.logged_to, self.today = span, to, today

    waits = load_waits({"a": F(70), "b": F(21), "c": F(1), "d": F(0), "e": F(2, dt.date(2026, 9, 11))})
    assert "the logged load is 0" in waits["a"] and "28 days" not in waits["a"]
    assert "(it covers 21 days, Wed 16 Sep 2026 to Tue 6 Oct 2026, the days without" in waits["b"]
    assert "(it covers 1 day, Tue 6 Oct 2026, the days without a session as rest)" in waits["c"]
    assert "(it covers no day yet: its first session is today)" in waits["d"]
    assert ("(it covers 2 days, Thu 10 Sep 2026 to Fri 11 Sep 2026: the sessions planned since are "
            "not logged yet)") in waits["e"]


def test_a_flag_the_whole_squad_shares_is_one_line_naming_them_in_its_tooltip(qtbot, unlogged):
    """The demo before anything is logged: every athlete's plan had "monotony > 2.0" in the
    plan's first week, 24 identical lines burying any other flag."""
    from ui.desktop.loadpanel import GROUP_FROM, NAME_UP_TO, grouped_flags

    w = open_window(qtbot, unlogged, "A01")
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    items = [team.flag_list.item(i) for i in range(team.flag_list.count())]
    figs = w.load_view.panel.figs
    raw = [(line, aid, day) for aid, f in figs.items()
           for line, day in zip(f.flags, f.flag_days, strict=True)]
    texts = [i.text() for i in items]
    assert len(texts) == len(set(texts)) < len(raw)  # grouped: no sentence twice
    shared = [i for i in items if i.toolTip()]
    assert shared and all(re.match(r"\d+ athletes", i.text()) for i in shared)
    # every flag is still there: a group counts its athletes, and names each in its tooltip
    groups = grouped_flags(w.season, raw)
    assert sum(n for *_x, n in groups) == len(raw)
    assert f"Flags</b> of last week and this week ({len(raw)})" in team.flags_title.text()
    for line, aid, _day, tip, n in groups:
        assert n == 1 or (n >= GROUP_FROM and tip.count(w.season.athlete(aid).name) == 1)
        # a few are named on the line itself, where the coach reads it
        named = w.season.athlete(aid).name in line
        assert named if GROUP_FROM <= n <= NAME_UP_TO else (n == 1 or not named)
    item = shared[0]
    team.flag_list.itemClicked.emit(item)  # goes to the first athlete named, on the flag's day
    first = next(a for a in w.board.athlete_order() if w.season.athlete(a).name in item.toolTip())
    assert w.board.current() == (first, dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole + 1)))


def test_a_line_clicked_on_the_team_chart_is_named_and_selected(qtbot, logged):
    """A click where 24 lines cross selected an athlete with nothing saying which line it was."""
    w = open_window(qtbot, logged, "A01")
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    from PySide6.QtCore import QPointF

    class Click:  # a click on A05's line in the week of 16 Nov, as pyqtgraph hands it over
        def __init__(self, pos):
            self.pos = pos

        def scenePos(self):  # noqa: N802 - pyqtgraph's name
            return self.pos

    x = team.axis.x(dt.date(2026, 11, 16))
    team._curve_clicked("A05", Click(team.plot.vb.mapViewToScene(QPointF(x, 1.0))))
    settle(qtbot, w)
    assert w.board.current()[0] == "A05"
    name = w.season.athlete("A05").name
    assert f"Line clicked: <b>{name}</b>: EWMA ratio " in team.readout.text()
    assert "week of 16 Nov" in team.readout.text() and "(selected on the board)" in team.readout.text()


def test_the_team_readout_is_as_tall_as_its_longest_text_not_four_lines(qtbot, logged):
    """The team chart's readout kept four lines for the squad median's one: a gap above the
    chart at 1366 x 768. It keeps the height of its longest text (a line clicked, with the
    squad's longest name), and that text is not cut."""
    from PySide6.QtGui import QTextDocument

    w = open_window(qtbot, logged, "A01")
    w.resize(1366, 768)
    w.load_view.show(team=True)
    settle(qtbot, w)
    team = w.load_view.panel.team_chart
    qtbot.waitUntil(lambda: team.readout.width() > 300)
    settle(qtbot, w)
    line = team.readout.fontMetrics().lineSpacing()
    assert team.readout.height() < 4 * line, team.readout.height()  # the median: 1-2 lines
    longest = max(w.season.athletes, key=lambda a: len(a.name)).id
    team.say_line(longest, dt.date(2026, 11, 16))
    doc = QTextDocument()
    doc.setDefaultFont(team.readout.font())
    doc.setDocumentMargin(0)
    doc.setTextWidth(team.readout.width())
    doc.setHtml(team.readout.text())
    assert doc.size().height() <= team.readout.height(), (doc.size().height(), team.readout.height())


def test_a_past_day_logged_without_a_top_speed_is_not_called_no_running(qtbot, unlogged):
    """A 120-minute session at RPE 9 on a day the plan had at 0 %: the inspector said "0 — no
    running"; it was a session, only not a speed day."""
    from planner.timeline import Timeline as TL

    tl = TL(unlogged)
    ap = unlogged.plan.for_athlete("A01")
    when = next(tl.days[i] for i in range(tl.index(TODAY) - 1, 0, -1)
                if ap.intensity[i] == 0 and tl.is_training[i])
    hard = Session(athlete="A01", date=when, minutes=120, rpe=9)
    w = open_window(qtbot, unlogged.model_copy(update={"sessions": (hard,)}), "A01")
    w.board.set_current("A01", when)
    assert "no speed day (a session was logged, but no top speed)" in w.inspector.toHtml()
    assert "no running" not in w.inspector.toHtml().split("Stage")[1].split("Week")[0]
    w.board.set_current("A01", when - dt.timedelta(days=7))  # nothing logged there
    html = w.inspector.toHtml()
    assert "no speed day" not in html


def test_a_flag_a_few_athletes_share_names_them_on_its_line():
    """"3 athletes: week of 28 Sep (last week): load +34 %" named them only in a tooltip."""
    from ui.desktop.loadpanel import NAME_UP_TO, grouped_flags
    from ui.desktop.mainwindow import load_demo_season

    s = load_demo_season()
    day = dt.date(2026, 9, 28)
    rest = "week of 28 Sep 2026 (last week): load +34 %."
    few = [a.id for a in s.athletes[:3]]
    many = [a.id for a in s.athletes[3:3 + NAME_UP_TO + 1]]
    lines = [(f"{s.athlete_label(a)}: {rest}", a, day) for a in few]
    lines += [(f"{s.athlete_label(a)}: {rest}".replace("+34", "+50"), a, day) for a in many]
    (line3, first3, _d, tip3, n3), (line6, _f, _d2, tip6, n6) = grouped_flags(s, lines)
    names = [s.athlete(a).name for a in few]
    assert (n3, first3) == (3, few[0])
    assert line3 == f"3 athletes ({', '.join(names)}): {rest}"
    assert n6 == NAME_UP_TO + 1 and line6.startswith(f"{n6} athletes: ")
    assert all(s.athlete(a).name in tip6 for a in many)


def test_the_readout_says_the_load_its_acwr_divides(qtbot):
    """A week lived with a day not logged counts that day's planned session: its ACWR divides
    neither the planned nor the logged sum shown beside it (Leo Martin's week of 31 Aug read
    "planned 2,560 · logged 2,260 · ACWR 1.54" while 2,260 over the four weeks before is 1.31;
    the 1.54 is of 2,710, the logged sum and 450 planned on the Thursday with nothing logged)."""
    from PySide6.QtGui import QTextDocument

    class W:
        start, days, kind, in_season = dt.date(2026, 8, 31), 7, "load", True
        planned, logged, load, change, chronic = 2560.0, 2260.0, 2710.0, 0.31, 1760.0
        season_logged = logged  # every day of it in the season
        acwr, ewma_ratio, rolling_ratio, monotony, strain, logged_ewma_ratio = 1.54, 1.14, 1.3, 1.69, 4572, 1.05
        flags = ("ACWR > 1.3",)

    class F:
        name = "Leo Martin"
        limits = staticmethod(lambda figure: ())

    doc = QTextDocument()
    doc.setHtml(week_text(F, W))
    shown = doc.toPlainText()
    assert "counted 2,710 AU" in shown and "450 AU planned" in shown, shown
    W.load = W.logged  # every day logged: no third figure
    doc.setHtml(week_text(F, W))
    assert "planned on" not in doc.toPlainText()


def test_the_readout_says_days_still_to_come_are_not_days_not_logged(logged):
    """The week of today counts its days to come at their planned load: the readout said "planned
    on days not logged" of days that cannot be logged yet."""
    from planner import load as L

    f = L.figures(logged)["A01"]
    w = next(x for x in f.weeks if x.start <= f.today <= x.end)
    assert w.logged is not None and w.load > w.logged
    text = week_text(f, w)
    assert "planned for the days to come" in text, text
    past = next(x for x in reversed(f.weeks) if x.end < f.today and x.logged is not None
                and x.load - x.logged > 0.5)
    text = week_text(f, past)
    assert "planned on days not logged" in text and "to come" not in text, text


def test_a_season_whose_loads_are_all_zero_draws_its_charts_without_warnings(qtbot, unlogged):
    """Every RPE of the load table at 0: no ratio exists anywhere. pyqtgraph's symbols warned
    "All-NaN slice encountered" on each repaint of the charts."""
    import warnings

    from planner.rules import LOAD_PARAMS
    from planner.season import RuleSettings

    zero = {p.name: 0 for p in LOAD_PARAMS if "rpe" in p.name}
    season = unlogged.model_copy(update={"rules": RuleSettings(values={"LD-1": zero})})
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        w = open_window(qtbot, season)
        for team in (False, True):
            w.load_view.show(team=team)
            settle(qtbot, w)
            w.load_view.panel.grab()
    assert not [x for x in seen if "All-NaN" in str(x.message)], [str(x.message) for x in seen]
    no_bad_numbers(w.load_view.panel.texts())


@pytest.mark.parametrize("kind", [RuntimeError, KeyError, IndexError, ValueError])
def test_figures_that_cannot_be_worked_out_are_said_never_shown_as_no_flags(qtbot, logged, kind,
                                                                           monkeypatch, caplog):
    """A fault of Periodize's working out the figures used to be cached as figures without a
    flag: every flag went, and nothing said so. Now the panel and the status bar say it, nothing
    is cached, and the next change of the log works the figures out again."""
    from planner import edits as E
    from planner import load
    from ui.desktop.loadpanel import FIGURES_FAILED

    def fault(*_args, **_kwargs):
        raise kind("a fault in the figures")  # a KeyError too: it was taken for "no plan"
        yield  # a generator, as figures_steps is

    steps = load.figures_steps
    monkeypatch.setattr(load, "figures_steps", fault)
    w = open_window(qtbot, logged, "A03")
    assert any(r.message == "load figures failed" and (r.exc_info or r.exc_text)
               for r in caplog.records)
    assert w.load_view.cached(w.season) is None and w.load_view.flags == {}
    assert w.statusBar().currentMessage().startswith(FIGURES_FAILED)
    w.load_view.show()
    settle(qtbot, w)
    assert FIGURES_FAILED in " ".join(w.load_view.panel.texts())
    assert "does not mean there is none" in " ".join(w.load_view.panel.texts())
    assert w.docks["load"].windowTitle() == "Load ⚠"
    assert w.load_view.cached(w.season) is None  # not taken for figures, even with the dock open
    monkeypatch.setattr(load, "figures_steps", steps)  # alone: undo() undid the isolated state too
    spike = spiked(logged).sessions[len(logged.sessions):]
    assert w.apply_edit(E.LogSessions(sessions=spike))
    settle(qtbot, w)
    assert w.load_view.cached(w.season) is not None
    assert w.board.load_flag("A03") is not None  # worked out: flagged
    assert FIGURES_FAILED not in " ".join(w.load_view.panel.texts())


def test_the_name_column_makes_room_for_a_tag_so_the_name_stays_whole(qtbot, logged):
    """"EWMA 1.79" beside the name squeezed "Marco Ruiz" to "Ma…": the column widens for it."""
    from PySide6.QtGui import QFontMetrics

    season = spiked(logged, "A03")
    season = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"name": "Samuel Okafor-Whitley"}) if a.id == "A03" else a
        for a in season.athletes)})
    w = open_window(qtbot, season, "A03")
    flag = w.board.load_flag("A03")
    assert flag is not None
    room = (QFontMetrics(w.board._font).horizontalAdvance("Samuel Okafor-Whitley")
            + QFontMetrics(w.board._marker_font).horizontalAdvance(flag.figure))
    assert w.board._name_w >= room + 20 + 8


def test_the_name_column_keeps_its_width_when_a_tag_comes_or_goes(qtbot, logged):
    """After Move Today an "ACWR 1.32" tag came with the figures, widened the name column by
    about 40 px and moved the whole board right: a logged season keeps the tag's room."""
    w = open_window(qtbot, spiked(logged, "A03"))
    flags = dict(w.load_view.flags)
    assert "A03" in flags and _orange_in_name_column(w, "A03") > 20
    board = w.board
    with_tag = (board._name_w, board.cell_rect("A01", TODAY).left())
    board.set_load_flags({})  # the figures before they are worked out: no tag
    assert _orange_in_name_column(w, "A03") == 0
    assert (board._name_w, board.cell_rect("A01", TODAY).left()) == with_tag
    board.set_load_flags(flags)  # and the tag back: nothing moves
    assert (board._name_w, board.cell_rect("A01", TODAY).left()) == with_tag
    # a ratio just above its limit shows more decimals ("EWMA 1.50003", not "1.50" above 1.5):
    # after As planned such a tag widened the column and shifted the board
    import dataclasses

    near = dataclasses.replace(flags["A03"], ratio=1.50003, spike=None)
    assert near.figure == "EWMA 1.50003"
    board.set_load_flags({**flags, "A03": near})
    assert (board._name_w, board.cell_rect("A01", TODAY).left()) == with_tag


def test_the_team_flags_are_those_of_the_week_the_chart_marks(qtbot, unlogged):
    """In a season without today the list named the plan's first week while the chart marked,
    and its readout named, the week selected on the board: one week now, said alike."""
    from planner.load import week_at

    season = unlogged.model_copy(update={"calendar": unlogged.calendar.model_copy(
        update={"today": None})})
    w = open_window(qtbot, season)
    w.load_view.show(team=True)
    settle(qtbot, w)
    team, figs = w.load_view.panel.team_chart, w.load_view.panel.figs
    first = week_at(figs, season.calendar.start)
    w.board.set_current("A01", first.start + dt.timedelta(days=2))
    assert (f"of the plan's first week, the week of {date_short(first.start)} ("
            in team.flags_title.text())
    assert f"week of {date_short(first.start)}:" in team.readout.text()
    # a later week with flags: the list is that week's, the heading and the readout name it
    later = next(wk for f in figs.values() for wk in f.weeks
                 if wk.start > first.end + dt.timedelta(days=14) and wk.flags)
    w.board.set_current("A01", later.start + dt.timedelta(days=1))
    items = [team.flag_list.item(i).text() for i in range(team.flag_list.count())]
    assert f"<b>Flags</b> of the week of {date_short(later.start)} (" in team.flags_title.text()
    assert f"week of {date_short(later.start)}:" in team.readout.text()
    said = f"week of {later.start.day} {later.start:%b %Y}"
    assert items and all(said in t for t in items), items
    assert not any("first week" in t for t in items)
    # back on the first week: the flags of the plan's first week again
    w.board.set_current("A01", first.start)
    assert "the plan's first week" in team.flags_title.text()


def test_a_role_changed_is_in_the_load_panel_at_once_not_at_the_next_solve(qtbot, unlogged):
    """A player set out of the second match of a day: the inspector, Plan Check and ``periodize
    load`` count the week without it, and so does the Load panel (it kept the week's old planned load until the
    next solve: its figures were kept by the plan, and a role changes no plan)."""
    from planner import edits as E
    from planner import load as L

    match = next(c for c in unlogged.competitions if c.date > TODAY + dt.timedelta(days=7))
    assert unlogged.role_of("A01", match.id) == "start"
    i = Timeline(unlogged).index(match.date)
    plan = unlogged.plan.model_copy(update={"athletes": tuple(
        p.model_copy(update={"intensity": p.intensity[:i] + (100,) + p.intensity[i + 1:]})
        for p in unlogged.plan.athletes)})  # the match played
    second = match.model_copy(update={"id": "m2", "name": f"{match.name} M2"})  # a tournament
    season = unlogged.model_copy(update={"plan": plan,
                                         "competitions": unlogged.competitions + (second,)})
    w = open_window(qtbot, season, "A01")
    w.load_view.show()
    settle(qtbot, w)

    def week(figs):
        return next(x for x in figs["A01"].weeks if x.start <= match.date <= x.end)

    before = week(w.load_view.panel.figs)
    assert w.apply_edit(E.SetRole(competition="m2", athlete="A01", role="out"))
    settle(qtbot, w)
    after = week(w.load_view.panel.figs)
    assert after.planned < before.planned
    assert after.planned == week(L.figures(w.season)).planned
    w.board.set_current("A01", match.date)
    assert f"planned <b>{after.planned:,.0f} AU</b>" in w.load_view.panel.athlete_chart.readout.text()


def _beside_the_roles(qtbot, season, width: int, height: int):
    """The window at ``width`` x ``height`` with Season ▸ Match Roles open, then View ▸ Load:
    the Load dock shares the bottom with the Roles."""
    w = MainWindow(season, None, autosave=False)
    qtbot.addWidget(w)
    w.resize(width, height)
    w.board.today_override = TODAY
    w.show()
    w.show_dock("roles")
    w.load_view.show()
    settle(qtbot, w)
    return w


def test_the_caption_never_covers_the_chart_beside_the_roles(qtbot, unlogged):
    """1280 x 720 with the Roles beside the Load: the dock was squeezed below what its panel
    needs (the no-log note wrapped on four lines above the chart), and the week's caption was
    drawn over the monotony bars and the dates. The panel now scrolls in its dock instead."""
    from PySide6.QtCore import QPoint, QRect

    w = _beside_the_roles(qtbot, unlogged, 1280, 690)
    panel = w.load_view.panel
    chart = panel.athlete_chart
    qtbot.waitUntil(lambda: chart is not None and chart.isVisible() and chart.view.height() > 0)
    w.board.set_current("A07", dt.date(2026, 10, 7))
    for size in (300, 160):  # the dock as it opens beside the Roles, then dragged small
        w.resizeDocks([w.docks["load"]], [size], Qt.Orientation.Vertical)
        for _ in range(3):
            QApplication.processEvents()
        assert panel.note.text() and chart.readout.text()

        def rect(widget):
            return QRect(widget.mapTo(panel, QPoint(0, 0)), widget.size())

        view, readout, note = rect(chart.view), rect(chart.readout), rect(panel.note)
        assert not readout.intersects(view), (size, view, readout)
        assert not note.intersects(view), (size, view, note)
        assert view.height() >= chart.view.minimumHeight()


def test_beside_the_roles_the_notice_wraps_in_the_dock_and_the_dock_grown_shows_its_top(
        qtbot, unlogged):
    """1366 x 768 with Season ▸ Match Roles open: View ▸ Load put the Load dock beside the Roles,
    its notice cut at the dock's edge ("No session logge…", scrolled sideways, not wrapped);
    closing the Roles left the dock scrolled down, its selector and notice out of view."""
    from PySide6.QtCore import QPoint, QRect

    w = _beside_the_roles(qtbot, unlogged, 1366, 740)
    dock, panel = w.docks["load"], w.load_view.panel
    area = dock.widget()
    qtbot.waitUntil(lambda: dock.width() < 0.5 * w.width() and panel.note.isVisible())
    QApplication.processEvents()
    note = panel.note
    assert "No session logged" in note.text()
    shown = QRect(note.mapTo(area.viewport(), QPoint(0, 0)), note.size())
    assert area.viewport().rect().contains(shown), (shown, area.viewport().rect())
    assert note.height() > 2 * note.fontMetrics().lineSpacing()  # wrapped, not cut
    chart = panel.athlete_chart  # wider than the dock: it scrolls sideways, its figures do not
    assert chart.view.width() > area.viewport().width() and chart.readout.text()
    figures = QRect(chart.readout.mapTo(area.viewport(), QPoint(0, 0)), chart.readout.size())
    assert 0 <= figures.left() and figures.right() <= area.viewport().width(), figures

    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())  # the coach scrolled down to the chart
    w.docks["roles"].close()
    qtbot.waitUntil(lambda: dock.width() > 0.9 * w.width())
    QApplication.processEvents()
    assert bar.value() == 0 and area.horizontalScrollBar().value() == 0
    selector = QRect(panel.who.mapTo(area.viewport(), QPoint(0, 0)), panel.who.size())
    assert area.viewport().rect().contains(selector)

    # shown again after being hidden: its top too (a shorter window: at 1366 x 768 the whole
    # panel fits the dock, with nothing to scroll)
    w.resize(1366, 560)
    w.resizeDocks([dock], [150], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    dock.hide()
    w.load_view.show()
    QApplication.processEvents()
    assert bar.value() == 0


def test_the_charts_lines_and_labels_read_on_a_dark_palette(qtbot):
    """On a dark palette the EWMA ratio's brown line read at 1.7:1, the logged bars at 3.2:1 and
    the red "today" at 3:1: the charts take their colours from the theme for the palette, lines
    and bars 3:1 at least against the background, text 4.5:1; the flag's label has the
    background behind it, so it reads over the bars."""
    from tests.ui.test_solve_panels import _contrast
    from ui.desktop.loadcharts import AthleteChart, TeamChart
    from ui.desktop.theme import CHART_DARK, CHART_LIGHT, dark_palette

    app = QApplication.instance()
    light = app.palette()
    bright = AthleteChart()
    qtbot.addWidget(bright)
    assert bright.colours is CHART_LIGHT
    try:
        app.setPalette(dark_palette())
        chart, team = AthleteChart(), TeamChart()
        qtbot.addWidget(chart)
        qtbot.addWidget(team)
    finally:
        app.setPalette(light)
    assert chart.colours is team.colours is CHART_DARK
    base = chart.view.backgroundBrush().color()
    assert base.lightness() < 100
    lines = {"planned": chart.planned_bars.opts["brush"], "logged": chart.logged_bars.opts["brush"],
             "ACWR": chart.ratio_curve.opts["pen"], "EWMA": chart.ewma_curve.opts["pen"],
             "monotony": chart.mono_bars.opts["brush"], "flag": chart.flag_line.pen,
             "LD-1 limit": chart.limit_line.pen,
             "today": chart.today_lines[0].pen, "team today": team.today_line.pen}
    for name, item in lines.items():
        colour = QColor(item) if isinstance(item, str) else item.color()
        assert _contrast(colour, base) >= 3, (name, colour.name(), base.name())
    assert _contrast(QColor(*CHART_DARK.athlete_line), base) >= 3  # the team chart's lines
    for label in (chart.flag_label, chart.today_label):
        assert _contrast(label.color, base) >= 4.5, (label.toPlainText(), label.color.name())
    assert chart.flag_label.fill.color().rgb() == base.rgb()  # the bars do not show through it


def test_a_week_partly_in_the_season_goes_to_its_first_season_day_without_outside_the_season(qtbot):
    """The season from Wed 5 Aug: clicking the week of Mon 3 Aug on the Load chart read "The week
    of Mon 3 Aug 2026 is outside the season", while 5 to 9 Aug are in it. The board goes to its
    first season day and says nothing; the chart's own first week (from Wed 5 Aug), clicked with a
    Monday selected, went to Mon 10 Aug, the week after. A week wholly before the season says so."""
    demo = load_demo_season()
    cal = demo.calendar.model_copy(update={"start": dt.date(2026, 8, 5)})
    season = planned(demo.model_copy(update={"calendar": cal}))
    w = open_window(qtbot, season, "A05")
    w.board.set_current("A05", dt.date(2026, 11, 30))  # a Monday
    w.load_view.show()
    settle(qtbot, w)
    bar = w.statusBar()
    bar.clearMessage()
    w.load_view.select_week("A05", dt.date(2026, 8, 3))
    assert w.board.current() == ("A05", dt.date(2026, 8, 5))
    assert "outside the season" not in bar.currentMessage()
    chart = w.load_view.panel.athlete_chart
    assert chart.weeks[0].start == dt.date(2026, 8, 5)
    w.board.set_current("A05", dt.date(2026, 11, 30))
    chart.click_week(0)
    assert w.board.current() == ("A05", dt.date(2026, 8, 5))
    assert "outside the season" not in bar.currentMessage()
    w.load_view.select_week("A05", dt.date(2026, 7, 27))
    assert w.board.current() == ("A05", dt.date(2026, 8, 5))
    assert bar.currentMessage() == ("The week of Mon 27 Jul 2026 is outside the season: the board "
                                    "shows its nearest day.")


def test_a_week_begun_before_a_thursday_season_reads_its_logged_load_on_the_season_days(qtbot):
    """The season from Thu 6 Aug, the demo's log from Mon 3 Aug: the week of 3 Aug plans its
    four season days and logged all seven. The Load panel read "planned 1,125 AU · logged 1,875
    AU" and drew the logged bar beside the planned one over seven days against four, while
    `periodize load` and the Load sheet say what was logged before the season apart. Now the
    readout and the bar give the season's days and the readout says the rest in their words."""
    from planner import load as L
    from planner.sessionlog import read_sessions
    from templates import path as template_path
    from ui.desktop.loadwords import au

    demo = load_demo_season()
    start = dt.date(2026, 8, 6)
    assert start.strftime("%A") == "Thursday"
    season = planned(demo.model_copy(update={"calendar": demo.calendar.model_copy(
        update={"start": start})}))
    log = read_sessions(template_path("demo-sessions.csv"), season)
    season = season.model_copy(update={"sessions": tuple(log.sessions)})
    w = open_window(qtbot, season, "A01")
    w.load_view.show()
    settle(qtbot, w)
    f = w.load_view.figures(w.season)["A01"]
    first = next(x for x in f.weeks if x.start <= start <= x.end)
    pre = L.before_season(first)
    # a week of the series holding days before the season, logged on them
    assert first.start < start and first.days == 7 and pre > 0.5
    assert first.season_logged is not None and first.logged == pytest.approx(first.season_logged + pre)
    chart = w.load_view.panel.athlete_chart
    w.board.set_current("A01", start)
    shown = chart.readout.text()
    assert f"planned <b>{au(first.planned)}</b>" in shown, shown
    assert f"logged <b>{au(first.season_logged)}</b> {L.ON_SEASON_DAYS}" in shown, shown
    assert f"logged <b>{au(first.logged)}</b>" not in shown, shown
    assert L.before_season_words(first) in shown  # the command line's and the Load sheet's note
    assert L.before_season_words(first) in first.notes
    # the logged bar stands beside the planned one on the same days; the weeks after as logged
    bars = dict(zip(chart.logged_bars.opts["x"], chart.logged_bars.opts["height"], strict=True))
    x = chart.axis.x(first.start) + 0.2
    assert bars[x] == pytest.approx(first.season_logged)
    after = next(x for x in f.weeks if x.start > start and x.logged is not None)
    assert bars[chart.axis.x(after.start) + 0.2] == pytest.approx(after.logged)
    w.board.set_current("A01", after.start)
    assert L.ON_SEASON_DAYS not in chart.readout.text()
    assert "before the season" not in chart.readout.text()


def test_one_session_logged_after_a_gap_in_logging_is_no_flag_and_says_why(qtbot, logged):
    """A03's log stops on 18 Oct; one ordinary session (75 min at RPE 7) on Mon 30 Nov. Read over
    six weeks of nothing logged the logged EWMA ratio was far above 1.5: an orange "EWMA" tag on
    the name column and a "Load ⚠" row in the inspector, while the Load panel's week read an
    ordinary load. Now no tag, and the inspector and the week's readout say the ratio is "—",
    too little logged to compare (one source: planner.load's thin_log)."""
    from planner import load as L

    gap = dt.date(2026, 10, 19)
    kept = tuple(x for x in logged.sessions if x.athlete != "A03" or x.date < gap)
    one = Session(athlete="A03", date=TODAY - dt.timedelta(days=1), minutes=75, rpe=7)
    season = logged.model_copy(update={"sessions": kept + (one,)})
    w = open_window(qtbot, season, "A03")
    f = w.load_view.figures(w.season)["A03"]
    assert f.logged_to == one.date and f.thin_log > L.UNLOGGED_MOST
    assert f.latest_logged_ewma_ratio is None
    # the ratio the gap made (the logged series read without the check): a spike
    series = f.daily["logged"][:str(one.date)].dropna()
    series = f.daily["logged"][str(series.index[0].date()):str(one.date)].fillna(0.0)
    assert L.ewma_ratio(series)[2].iloc[-1] > FLAG_RATIO
    assert w.board.load_flag("A03") is None and _orange_in_name_column(w, "A03") == 0
    w.board.set_current("A03", dt.date(2026, 11, 10))  # a day of his row before the session
    html = w.inspector.toHtml()
    assert "Load ⚠" not in html and "E, disputed" not in html
    assert (f"too little logged to compare (a gap in logging in the 28 days to {day_long(one.date)}: "
            f"{f.thin_log} days with a session planned") in html
    week = next(x for x in f.weeks if x.start <= one.date <= x.end)
    assert "logged EWMA ratio — (too little logged to compare)" in week_text(f, week)


def test_the_inspectors_load_row_says_the_day_its_ratio_is_read_on(qtbot, logged):
    """The "Load ⚠" row shows on every day of the athlete's row: it says the day its logged
    ratio is read on (the board's tooltip too), not as if it were of the day selected."""
    w = open_window(qtbot, spiked(logged, "A03"), "A03")
    f = w.load_view.figures(w.season)["A03"]
    flag = w.board.load_flag("A03")
    assert flag is not None and flag.day == f.logged_to == TODAY - dt.timedelta(days=1)
    w.board.set_current("A03", dt.date(2026, 10, 6))
    shown = w.inspector.toPlainText()
    # the ratio is the mean of the 7 days to that day (docs/load.md), as a week's is of its days
    assert (f"logged EWMA ratio {fmt(f.latest_logged_ewma_ratio)} over the 7 days to "
            f"{day_long(f.logged_to)}") in shown
    tip = w.board._athlete_tooltip(next(r for r in w.board._rows if r.athlete_id == "A03"))
    assert f"over the 7 days to {day_long(f.logged_to)}, above 1.5" in tip


def test_the_inspectors_load_row_gives_the_days_own_week_first_then_the_latest_flag(qtbot, logged):
    """A click on the week of 16 Nov in the Load panel selects Tue 17 Nov: the inspector's Load
    row read only the athlete's latest flag (a later week), though the clicked week's ACWR was
    the higher. Now the day's own week comes first, its figure and flags, then the latest flag,
    named as the latest; on a day of the flagged week itself the row is the flag alone. The
    board's badge stays the latest flag."""
    heavy = dt.date(2026, 11, 16)
    extra = tuple(Session(athlete="A03", date=heavy + dt.timedelta(days=k), minutes=150, rpe=9)
                  for k in range(7))
    extra += tuple(Session(athlete="A03", date=TODAY - dt.timedelta(days=k), minutes=100, rpe=9)
                   for k in range(2, 9))
    w = open_window(qtbot, logged.model_copy(update={"sessions": logged.sessions + extra}), "A03")
    f = w.load_view.figures(w.season)["A03"]
    flag = w.board.load_flag("A03")
    week16 = next(x for x in f.weeks if x.start == heavy)
    assert flag is not None and flag.spike is not None and flag.spike.start == heavy + dt.timedelta(7)
    assert week16.acwr > flag.spike.acwr > 1.3 and "ACWR > 1.3" in week16.flags
    w.board.set_current("A03", dt.date(2026, 11, 17))
    shown = w.inspector.toPlainText()
    own = (f"week of 16 Nov (logged) {number(round(week16.load))} AU, ACWR {fmt(week16.acwr)} "
           f"⚑ {'; '.join(week16.flags)}")
    assert own in shown, shown
    latest = f"Latest flag: week of 23 Nov (logged) {number(round(flag.spike.load))} AU"
    assert latest in shown and shown.index(own) < shown.index(latest)
    assert flag.figure == f"ACWR {fmt(flag.spike.acwr)}"  # the badge: still the latest
    w.board.set_current("A03", dt.date(2026, 11, 24))  # the flagged week itself: said once
    shown = w.inspector.toPlainText()
    assert "Latest flag" not in shown and shown.count("week of 23 Nov (logged)") == 1
    assert "week of 16 Nov" not in shown
    w.board.set_current("A03", dt.date(2026, 12, 8))  # a planned week: its own figure first
    week = next(x for x in f.weeks if x.start == dt.date(2026, 12, 7))
    shown = w.inspector.toPlainText()
    assert f"week of 7 Dec (planned) {number(round(week.load))} AU" in shown
    assert shown.index("week of 7 Dec") < shown.index("Latest flag: week of 23 Nov")


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_weeks_readout_and_its_flags_are_seen_without_scrolling(qtbot, logged, size):
    """View ▸ Load beside the Log: the week's readout (what a click on the chart answers) and its
    flag line sat under the chart, half cut by the dock's tab bar at 1366 x 768 (the flags
    needed scrolling) and out of sight at 1024 x 600. They are above the chart, inside the
    dock's visible area with the dock scrolled to its top."""
    from PySide6.QtCore import QPoint, QRect

    w = open_window(qtbot, logged, "A02")
    w.resize(*size)
    w.weekly.show_log()
    w.load_view.show()
    settle(qtbot, w)
    chart = w.load_view.panel.athlete_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.view.height() > 0)
    w.board.set_current("A02", dt.date(2026, 12, 8))  # week of 7 Dec: flagged "monotony > 2.0"
    qtbot.wait(50)
    assert "⚑" in chart.readout.text() and "week of 7 Dec" in chart.readout.text()
    area = w.docks["load"].widget()
    assert area.verticalScrollBar().value() == 0
    port = area.viewport()
    readout = QRect(chart.readout.mapTo(port, QPoint(0, 0)), chart.readout.size())
    assert port.rect().contains(readout), (port.rect(), readout)
    assert readout.bottom() < chart.view.mapTo(port, QPoint(0, 0)).y()


def test_at_1280_x_720_the_charts_and_their_dates_fit_the_dock_unscrolled(qtbot, logged):
    """View ▸ Load beside the Log at 1280 x 720: the readout kept four lines for one line of
    figures and the chart asked for 220 px, so the load chart's dates were out of view and the
    monotony strip cut ("ny") unless the coach scrolled inside the dock. The readout keeps the
    lines its longest week takes, the monotony strip is compact with its name written in it:
    the whole chart, dates and all, is in view."""
    from PySide6.QtCore import QPoint, QRect

    w = open_window(qtbot, logged, "A02")
    w.resize(1280, 690)  # the window on a 1280 x 720 screen, its frame and the panel bar off
    w.weekly.show_log()
    w.load_view.show()
    settle(qtbot, w)
    chart = w.load_view.panel.athlete_chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.view.height() > 0)
    for _ in range(3):
        QApplication.processEvents()
    area = w.docks["load"].widget()
    port = area.viewport()
    assert area.verticalScrollBar().maximum() == 0, (w.docks["load"].height(), area.widget().minimumSizeHint())
    shown = QRect(chart.view.mapTo(port, QPoint(0, 0)), chart.view.size())
    assert port.rect().contains(shown), (port.rect(), shown)
    dates = chart.mono_plot.getAxis("bottom").sceneBoundingRect()  # the dates, under monotony
    assert dates.bottom() <= chart.view.height() and dates.height() > 0
    assert "monotony" in chart.texts()
    # the readout: as tall as its longest week at this width (one line and the flags), and the
    # same height whatever week it reads (the chart under the mouse does not move)
    from PySide6.QtGui import QTextDocument

    line = chart.readout.fontMetrics().lineSpacing()
    assert chart.readout.height() < 4 * line
    heights = set()
    for k in range(0, len(chart.weeks), 5):
        chart.mark_day(chart.weeks[k].start)
        heights.add(chart.readout.height())
    assert len(heights) == 1
    flagged = next(wk for wk in chart.weeks if wk.flags)
    chart.mark_day(flagged.start)
    assert "⚑" in chart.readout.text()
    doc = QTextDocument()
    doc.setDefaultFont(chart.readout.font())
    doc.setDocumentMargin(0)
    doc.setTextWidth(chart.readout.width())
    doc.setHtml(chart.readout.text())
    assert doc.size().height() <= chart.readout.height()  # the flags' line is not cut


def test_the_readout_of_a_week_not_logged_between_weeks_logged_says_it_counts_the_plan():
    """The Load panel read "nothing logged" of a week missed between logged weeks, as of any
    week to come, and the week after it "load +58 %": now it says the plan was counted."""
    from planner import load as L
    from tests.planner.test_load import _a3_logged

    s, _mine = _a3_logged({0: 1.0, 1: 1.0, 3: 2.5})
    f = L.figures(s)["A3"]
    gap = next(w for w in f.weeks if w.not_logged)
    assert L.NOT_LOGGED in week_text(f, gap) and "nothing logged" not in week_text(f, gap)
    later = f.weeks[-1]  # a week to come: nothing logged, as before
    assert "nothing logged" in week_text(f, later) and L.NOT_LOGGED not in week_text(f, later)
    after = next(w for w in f.weeks if w.start == gap.start + dt.timedelta(days=7))
    assert "on a week not logged" in week_text(f, after)


def test_the_inspectors_load_row_on_another_week_with_ld1_off(qtbot, logged):
    """With LD-1 turned off, an athlete flagged for a high logged EWMA ratio: selecting a day of
    another week raised a TypeError in the inspector (the week's ACWR compared with no limit).
    Now the row gives the week's ACWR with no limit to be flagged against, and the latest flag."""
    from planner.season import RuleSettings

    season = spiked(logged, "A03").model_copy(update={"rules": RuleSettings(modes={"LD-1": "off"})})
    w = open_window(qtbot, season, "A03")
    f = w.load_view.figures(w.season)["A03"]
    flag = w.board.load_flag("A03")
    assert f.acwr_max is None and flag is not None and flag.spike is None and flag.ratio > FLAG_RATIO
    day = dt.date(2026, 11, 3)
    week = next(x for x in f.weeks if x.start <= day <= x.end)
    assert week.acwr is not None and not flag.about_week(week)
    w.board.set_current("A03", day)
    shown = w.inspector.toPlainText()
    assert "week of 2 Nov (logged" in shown, shown
    assert f") {number(round(week.load))} AU, ACWR {fmt(week.acwr)} ⚑" in shown, shown
    assert "Latest flag: logged EWMA ratio" in shown


def _wheel(widget, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One notch of the mouse wheel down over the middle of ``widget``."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("team", [True, False])
def test_the_wheel_over_a_chart_scrolls_the_panel_and_ctrl_wheel_zooms(qtbot, unlogged, team):
    """Load ▸ Team at 1366 x 768 with the no-log notice above it: the chart was cut at the
    bottom, its dates off-screen (the notice made the panel as tall as the chart's 480 px hint),
    and the wheel over it zoomed the chart instead of scrolling down to them. The chart now fits
    the dock whole; in a dock dragged shorter the wheel over it scrolls the panel and leaves the
    chart's range alone, Ctrl+wheel zooms it, and its tooltip says so."""
    from PySide6.QtCore import QPoint, QRect

    from ui.desktop.loadcharts import ZOOM_TIP

    w = MainWindow(unlogged, None, autosave=False)
    qtbot.addWidget(w)
    w.resize(1366, 740)  # the window on a 1366 x 768 screen, its frame off
    w.board.today_override = TODAY
    w.show()
    w.load_view.show(team=team)
    settle(qtbot, w)
    panel = w.load_view.panel
    chart = panel.team_chart if team else panel.athlete_chart
    qtbot.waitUntil(lambda: chart is not None and chart.isVisible() and chart.view.height() > 0)
    for _ in range(3):
        QApplication.processEvents()
    assert panel.note.isVisible() and panel.note.text()
    area = w.docks["load"].widget()
    assert area.verticalScrollBar().maximum() == 0, (w.docks["load"].height(), panel.minimumHeight())
    port = area.viewport()
    assert port.rect().contains(QRect(chart.view.mapTo(port, QPoint(0, 0)), chart.view.size()))
    assert chart.view.toolTip() == ZOOM_TIP and "Ctrl+wheel: zooms the chart" in ZOOM_TIP

    w.resizeDocks([w.docks["load"]], [150], Qt.Orientation.Vertical)  # dragged short: it scrolls
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    plot = chart.plot if team else chart.load_plot
    before = plot.vb.viewRange()
    bar = area.verticalScrollBar()
    bar.setValue(0)
    _wheel(chart.view.viewport())
    assert plot.vb.viewRange() == before
    assert bar.value() > 0  # the panel scrolled instead
    _wheel(chart.view.viewport(), Qt.KeyboardModifier.ControlModifier)
    assert plot.vb.viewRange() != before


# -- a season entered mid-season (docs/semantics.md, "LD-1 and days nobody planned") -------------
def entered(season: Season) -> Season:
    """``planned`` made from today with nothing logged before it: 0 on every day before today
    (nothing recorded), the plan records the day it was made from."""
    s = planned(season)
    k = (TODAY - s.calendar.start).days
    return s.model_copy(update={"plan": s.plan.model_copy(update={"planned_from": TODAY, "athletes": tuple(
        ap.model_copy(update={"intensity": (0,) * k + ap.intensity[k:]}) for ap in s.plan.athletes)})})


BEFORE = "Before Tue 1 Dec nothing is logged: those weeks are not counted; the ratios start 4 weeks after."


def test_a_season_entered_mid_season_flags_no_one_and_says_why_its_first_weeks_have_no_ratio(qtbot):
    season = entered(load_demo_season())
    w = open_window(qtbot, season)
    w.load_view.show()
    settle(qtbot, w)
    panel = w.load_view.panel
    assert BEFORE in panel.note.text()
    no_bad_numbers(panel.texts())
    assert w.load_view.flags == {}  # no orange "ACWR 6.21" on every name
    assert w.board.load_flag("A01") is None
    w.load_view.show(team=True)
    assert BEFORE in panel.note.text()
    no_bad_numbers(panel.texts())


def test_the_command_line_and_the_workbook_say_the_weeks_before_the_plan_are_not_counted(tmp_path, capsys):
    from planner.load import NOT_COUNTED, figures
    from planner.seasonfile import save_season
    from planner.xlsx_load import week_line
    from ui.cli.main import main

    season = entered(load_demo_season())
    path = tmp_path / "entered.season.json"
    save_season(season, path)
    assert main(["load", str(path), "--athlete", "A01"]) == 0
    out = capsys.readouterr().out
    assert BEFORE in out and NOT_COUNTED in out
    first = [x for x in out.splitlines() if re.match(r"20\d\d-\d\d-\d\d ", x) and x < "2026-12-28"]
    assert len(first) > 10 and not [x for x in first if re.search(r"ACWR|EWMA|load [+u]", x)], first
    no_bad_numbers([out])
    assert main(["load", str(path), "--csv", str(tmp_path / "load.csv")]) == 0
    no_bad_numbers([(tmp_path / "load.csv").read_text(encoding="utf-8-sig")])
    f = figures(season)["A01"]
    first = f.weeks[0]
    assert week_line(f, first.start, "420 AU") == f"Planned load: 420 AU; {NOT_COUNTED}."


def test_seven_equal_days_stand_at_the_top_of_the_monotony_strip_in_the_flags_colour(qtbot):
    """A week of seven equal sessions has no monotony figure (a deviation of 0) and left a gap in
    the monotony strip, so it looked the least monotonous week of the season; it is flagged
    (planner.load.equal_days) and drawn as a bar to the strip's top in the flag's colour."""
    from planner import load as L
    from tests.builders import day
    from tests.planner.test_load import _season
    from ui.desktop.loadcharts import MONOTONY_FLAG, AthleteChart

    s = _season()
    keep = tuple(x for x in s.sessions if x.athlete != "A1" or not 7 <= (x.date - day(0)).days < 14)
    s = s.model_copy(update={"sessions": keep + tuple(
        Session(athlete="A1", date=day(i), minutes=60.0, rpe=5.0) for i in range(7, 14))})
    f = L.figures(s)["A1"]
    k = next(j for j, w in enumerate(f.weeks) if w.start == day(7))
    assert f.weeks[k].monotony is None and any(x.startswith("monotony") for x in f.weeks[k].flags)
    chart = AthleteChart()
    qtbot.addWidget(chart)
    chart.set_athlete(f)
    x = chart.axis.x(day(7))
    bars = dict(zip(chart.mono_bars.opts["x"], chart.mono_bars.opts["height"], strict=True))
    values = [w.monotony for w in f.weeks if w.monotony is not None]
    assert bars[x] == pytest.approx(max(values + [MONOTONY_FLAG + 0.5]))
    brushes = chart.mono_bars.opts["brushes"]
    j = list(chart.mono_bars.opts["x"]).index(x)
    assert brushes[j].color() == QColor(chart.colours.flag)


def test_a_short_chart_keeps_its_ratio_axis_and_limit_names_readable(qtbot):
    """At 1366 x 768 and 125 % the load plot was 45 px tall: the ratio ticks 0.5, 1.0 and 1.5
    printed over each other, the EWMA flag's name was cut at the top and LD-1's "ACWR limit
    1.3" reached over the 1.5 line, reading as its name. The plot keeps a readable height (the
    dock scrolls), an axis leaves out the labels that would meet, and the flag's name sits
    beside its own line, clear of LD-1's, inside the chart (LD-1's limit is named in the
    legend)."""
    from planner import load as L
    from tests.planner.test_load import _season
    from ui.desktop.loadcharts import LOAD_MIN_H, TICK_ROOM, AthleteChart

    f = L.figures(_season())["A1"]
    assert f.acwr_max is not None and f.acwr_max != FLAG_RATIO
    chart = AthleteChart()
    qtbot.addWidget(chart)
    chart.resize(1000, chart.minimumSizeHint().height())  # as small as the dock lets it be
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_athlete(f)
    qtbot.wait(20)
    right = chart.load_plot.getAxis("right")
    line = QFontMetricsF(right.style.get("tickFont") or right.font()).height()
    vb = chart.load_plot.vb
    assert vb.height() >= LOAD_MIN_H - 8, vb.height()  # the dock scrolls before it squeezes it
    lo, hi = chart.ratio_box.viewRange()[1]
    for size in (40, 60, vb.height()):  # the labels the axis draws, a short plot's included
        major = right.tickValues(lo, hi, size)[0]
        assert major[0] * size / (hi - lo) >= TICK_ROOM * line, (size, major)  # clear of each other
    assert len(right.tickValues(lo, hi, vb.height())[0][1]) >= 3  # 0, 1 and 2 at least: it reads
    rect = chart.flag_label.mapRectToView(chart.flag_label.boundingRect())
    bottom, top = min(rect.top(), rect.bottom()), max(rect.top(), rect.bottom())
    assert min(abs(bottom - FLAG_RATIO), abs(top - FLAG_RATIO)) < 0.02 * (hi - lo)  # beside it
    assert not bottom < f.acwr_max < top, (bottom, top, f.acwr_max)  # clear of LD-1's line
    assert not (bottom < FLAG_RATIO - 0.02 and top > FLAG_RATIO + 0.02)  # not across its own
    assert lo <= bottom and top <= hi, (bottom, top, hi)  # inside the chart, not cut
    assert f"ACWR limit {f.acwr_max:g} (LD-1)" in [label.text for _s, label in chart.legend.items]


def test_the_load_figures_wait_for_the_boards_first_paint(qtbot, logged, monkeypatch):
    """Their first slice imports pandas: on 40 x 52 it ran before the board's first paint, and
    the window opened 0.9 s later."""
    from ui.desktop import loadpanel

    real, windows, painted = loadpanel.season_figure_steps, [], []

    def watched(season):
        painted.append(windows[0].board.paint_count if windows else None)  # at the first slice
        yield from real(season)

    monkeypatch.setattr(loadpanel, "season_figure_steps", watched)
    w = MainWindow(logged, None, autosave=False)
    windows.append(w)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    settle(qtbot, w)
    assert painted and painted[0] > 0
    assert w.load_view.cached(w.season)  # worked out all the same


def test_the_flags_line_is_whole_when_the_figures_take_four_lines(qtbot, logged):
    """Load beside the Roles at 150 %: the week's figures wrapped to four lines and the red
    flag line under them ("⚑ load +16 %") showed only its top pixels, the legend drawn over it
    (the readout kept at most four lines). The readout takes the lines its longest week needs:
    the flag line is whole, above the chart."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextDocument

    from planner import load as L
    from ui.desktop.loadcharts import AthleteChart

    f = L.figures(logged)["A02"]
    chart = AthleteChart()
    qtbot.addWidget(chart)
    font = chart.readout.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)  # the text at 150 %
    chart.readout.setFont(font)
    chart.resize(620, 700)  # a narrow Load dock
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_athlete(f)
    for _ in range(3):
        QApplication.processEvents()
    line = chart.readout.fontMetrics().lineSpacing()

    def lines(html: str) -> float:
        doc = QTextDocument()
        doc.setDefaultFont(chart.readout.font())
        doc.setDocumentMargin(0)
        doc.setTextWidth(chart.readout.width())
        doc.setHtml(html)
        return doc.size().height() / line

    texts = [(w, week_text(f, w)) for w in f.weeks if w.flags]
    week, text = next((w, t) for w, t in texts if lines(t.split("<br>")[0]) >= 4)  # the figures
    chart.mark_day(week.start)
    QApplication.processEvents()
    shown = chart.readout.text()
    assert "⚑ " in shown and week.flags[0] in html.unescape(shown)
    assert lines(shown) >= 5  # four lines of figures and the flags' line
    assert lines(shown) * line <= chart.readout.height(), (lines(shown), chart.readout.height())
    top = chart.view.mapTo(chart, QPoint(0, 0)).y()  # the chart (its legend) under it, apart
    assert chart.readout.geometry().bottom() < top, (chart.readout.geometry(), top)
