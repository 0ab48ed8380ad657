"""A season with notes, opened on a laptop screen with the layout a coach left (review 252): the
"Opened, with notes" box killed the app (segmentation fault, exit 139). Qt slid the panels' tab
bars into place with animations and deleted tab bars it no longer used while they slid; the box's
own event loop ran those deletions. The app's style now places panels at once
(``ui.desktop.theme.SteadyDocks``): no slide, no animation to outlive its tab bar.

The start-up test crashed without that style until the Solver Explanation, restored open with
nothing to explain, was also closed at start (the layout it needed is no longer restored); the
second test checks the style itself: a window's panels rearranged make no animation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPropertyAnimation, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle

from planner.season import NonTrainingDay
from planner.seasonfile import save_season
from tests.builders import tiny_season
from ui.desktop.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = ('{"synchronousWindowSystemEvents": false, "windowFrameMargins": false, "screens": '
          '[{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, '
          '"logicalBaseDpi": 96, "dpr": 1}]}')


def season_with_a_day_off_on_a_match_day(path: Path) -> Path:
    season = tiny_season()
    match = season.competitions[0]
    calendar = season.calendar.model_copy(update={"non_training_days": (
        NonTrainingDay(date=match.date, reason="Easter break"),)})
    save_season(season.model_copy(update={"calendar": calendar}), path)
    return path


def test_a_season_with_notes_opens_again_on_a_laptop_with_the_layout_left(tmp_path):
    season = season_with_a_day_off_on_a_match_day(tmp_path / "hoops.season.json")
    screen = tmp_path / "laptop.json"
    screen.write_text(LAPTOP, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               XDG_CONFIG_HOME=str(tmp_path / "config"), PERIODIZE_STATE_DIR=str(tmp_path / "state"))

    def child(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "tests.ui.reopen_child", str(season), *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)

    assert child("layout").returncode == 0  # a first session: the coach's layout saved
    assert (tmp_path / "config" / "Periodize" / "Periodize.conf").read_text().count("state=") == 1
    run = child()  # the same file opened again, as `periodize open` opens it
    assert run.returncode == 0, f"the app died (exit {run.returncode}): {run.stderr[-2000:]}"
    lines = run.stdout.splitlines()
    assert lines[0].startswith("box Opened, with notes: • Day off: Sat 14 Mar 2026 is the day of "
                               "'League match' (B): the match is still played")
    assert lines[-1] == "open Tiny FC — hoops.season.json — Periodize"  # the season, not the demo


def test_the_apps_style_places_the_panels_without_a_slide(qtbot):
    from ui.desktop.app import make_app
    from ui.desktop.theme import SteadyDocks, follow_system_scheme, steady_style, style_name

    app = QApplication.instance()
    steady, name = isinstance(app.style(), SteadyDocks), style_name(app.style())
    assert make_app() is app
    assert isinstance(app.style(), SteadyDocks) and style_name(app.style()) == name == "fusion"
    window = MainWindow(tiny_season(), None, autosave=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for key in ("log", "load", "roles", "squad", "injuries", "explanation"):  # tabbed groups
        window.docks[key].show()
    window.tabifyDockWidget(window.docks["log"], window.docks["explanation"])
    QApplication.processEvents()
    assert window.findChildren(QPropertyAnimation) == []  # placed at once: nothing slides
    dock = window.docks["squad"]
    assert app.style().styleHint(QStyle.StyleHint.SH_Widget_Animation_Duration, None, dock) == 0

    class Hints:  # the system switched to dark mode: Fusion, still without a slide
        colorSchemeChanged = QGuiApplication.styleHints().colorSchemeChanged

        @staticmethod
        def colorScheme():  # noqa: N802 - Qt API
            return Qt.ColorScheme.Dark

    palette = app.palette()
    try:
        follow_system_scheme(app, Hints())
        assert isinstance(app.style(), SteadyDocks) and style_name(app.style()) == "fusion"
        assert app.style().styleHint(QStyle.StyleHint.SH_Widget_Animation_Duration, None, dock) == 0
    finally:  # the style and palette the other tests of this process had
        app.setPalette(palette)
        app.setStyle(steady_style(name) if steady else name)
