"""The window stays responsive while a solve runs and when its plan is accepted: what the
board, Plan Check and the Returns panel read from the plan (day marks, congested runs) is
worked out in the solve's worker thread, a hidden Roles grid waits until it is shown, and the
interpreter hands the lock to the window often (bench/APP.md measures the stall)."""

from __future__ import annotations

import sys
import threading

import pytest

import planner.congestion
import planner.daymarks
from tests.ui.test_returns import late_return
from ui.desktop.mainwindow import MainWindow


def watch(monkeypatch, module, name: str) -> list:
    """(thread is the GUI thread, season) of every call of ``module.name``."""
    calls = []
    real = getattr(module, name)

    def spy(season, *args, **kwargs):
        calls.append((threading.current_thread() is threading.main_thread(), season))
        return real(season, *args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def test_accepting_a_plan_works_out_its_marks_in_the_worker_not_the_window(qtbot, monkeypatch):
    w = MainWindow(late_return(), None, autosave=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.solve_time_limit = 30.0
    marks = watch(monkeypatch, planner.daymarks, "_flares")  # once per athlete and season
    runs = watch(monkeypatch, planner.congestion, "regroup")  # once per season
    with qtbot.waitSignal(w.solve_finished, timeout=60_000) as got:
        w.solve_action.trigger()
    assert got.args[0].plan is not None and w.season.plan is not None
    accepted = w.season
    assert any(s is accepted for _, s in marks) and any(s is accepted for _, s in runs)
    assert not [s for gui, s in marks if gui and s is accepted]  # the board, Returns, Plan Check
    assert not [s for gui, s in runs if gui and s is accepted]
    # what they show is the accepted plan's
    assert w.board.marks_of("A01") is planner.daymarks.day_marks(accepted)["A01"]
    assert [r.athlete for r in w.returns_panel.rows] == ["A01"]


def test_the_app_hands_the_interpreter_to_the_window_often():
    from ui.desktop.app import SWITCH_INTERVAL_S, make_app

    make_app()
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert SWITCH_INTERVAL_S <= 0.001
