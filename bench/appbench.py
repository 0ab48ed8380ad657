"""The Qt side of ``python -m bench.app``: the start of a fresh app
process to its first painted board, the event-loop stall while solving, and the board's paint
time at 60 x 364. ``bench/app.py`` runs these and writes bench/APP.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import tempfile
import time


def isolate() -> tempfile.TemporaryDirectory:
    """Settings and recovery copies of the benchmark go to a temporary folder."""
    scratch = tempfile.TemporaryDirectory(prefix="periodize-bench-")
    os.environ["PERIODIZE_STATE_DIR"] = scratch.name
    # the same pictures and figures whatever the day: no notice of a season's today behind
    # the computer's date (a date no season holds stands for it)
    os.environ.setdefault("PERIODIZE_CLOCK", "2000-01-01")
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    return scratch


# -- 1. start ---------------------------------------------------------------------------------
def child_start() -> int:
    """Runs in a fresh process: open the demo season, print the time of the first paint."""
    scratch = isolate()
    from ui.desktop.app import create_main_window, make_app

    app = make_app()
    window = create_main_window(None, recover=False)
    deadline = time.monotonic() + 30
    while window.board.paint_count == 0 and time.monotonic() < deadline:
        app.processEvents()
    painted = time.time()
    print(json.dumps({"painted": painted, "paint_ms": window.board.last_paint_ms}), flush=True)
    window.set_modified(False)
    window.close()
    scratch.cleanup()
    return 0


# -- 2. stall while solving -------------------------------------------------------------------------
def measure_stall(app) -> dict:
    """Open the demo as the app does (OR-Tools then loads in the background), wait for that
    load, then solve; the probe's longest gap in each phase."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.desktop.app import create_main_window

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(5)
    probe.timeout.connect(tick)
    window = create_main_window(None, recover=False)
    window.resize(1400, 860)
    app.processEvents()
    probe.start()
    last[0] = time.perf_counter()
    deadline = time.monotonic() + 60
    while (getattr(window, "prewarm_thread", None) is None or window.prewarm_thread.is_alive()) \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    for _ in range(40):  # let the probe settle
        app.processEvents()
        time.sleep(0.001)
    load_gaps = list(gaps)
    gaps.clear()
    window.solve_time_limit = 60.0
    loop = QEventLoop()
    outcomes = []
    window.solve_finished.connect(lambda o: (outcomes.append(o), QTimer.singleShot(200, loop.quit)))
    last[0] = time.perf_counter()
    t0 = time.perf_counter()
    window.solve_action.trigger()
    loop.exec()
    probe.stop()
    wall = time.perf_counter() - t0
    outcome = outcomes[0]
    worst = max(gaps) if gaps else 0.0
    window.set_modified(False)
    window.close()
    return {"stall_ms": max(0.0, worst - 5.0), "solve_status": outcome.status.value,
            "solve_wall_s": wall, "ticks": len(gaps),
            "p99_gap_ms": sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0.0,
            "load_stall_ms": max(0.0, max(load_gaps, default=5.0) - 5.0)}


# -- 3. board paint ----------------------------------------------------------------------------------
def big_season():
    from planner.season import (
        Athlete,
        AthletePlan,
        Calendar,
        Injury,
        Plan,
        Season,
        StageRecord,
    )
    from planner.timeline import Timeline
    from ui.desktop.mainwindow import load_demo_season

    demo = load_demo_season()
    start = dt.date(2026, 7, 6)
    positions = ("Goalkeeper", "Defender", "Midfielder", "Forward")
    athletes = tuple(Athlete(id=f"X{i:02d}", name=f"Player {i:02d}", position=positions[i % 4])
                     for i in range(60))
    injuries = tuple(Injury(athlete=f"X{i:02d}", protocol="hamstring-strain", onset=start,
                            stages=(StageRecord(stage="P1", start=start),)) for i in range(0, 60, 10))
    season = Season(name="Bench 60 x 364",
                    calendar=Calendar(start=start, end=start + dt.timedelta(days=363)),
                    competitions=tuple(c for c in demo.competitions if c.date >= start),
                    blocks=demo.blocks, athletes=athletes, injuries=injuries)
    tl = Timeline(season)
    levels = (0, 60, 70, 80, 90, 95, 100)
    stages_cycle = ("P1",) * 10 + ("P2",) * 20 + ("P3",) * 20 + ("S1",) * 10 + ("S2",) * 10
    team = tuple("deload" if w.index % 4 == 3 else "load" for w in tl.weeks)
    plans = []
    for i, a in enumerate(athletes):
        injured = i % 10 == 0
        stages = tuple((stages_cycle[k] if k < len(stages_cycle) else "FIT") if injured else "FIT"
                       for k in range(tl.n))
        # A fit athlete's week is the team's; an injured athlete's own weeks are all load, so
        # its rows carry the "own week" band (semantics.md, DL-2).
        weeks = tuple("load" for _ in tl.weeks) if injured else team
        plans.append(AthletePlan(athlete=a.id, stages=stages,
                                 intensity=tuple(levels[(i + k) % 7] for k in range(tl.n)),
                                 weeks=weeks))
    return season.model_copy(update={"plan": Plan(status="manual", team_weeks=team,
                                                  athletes=tuple(plans))})


def measure_paint(app, repaints: int = 30) -> dict:
    from ui.desktop.board import SeasonBoard

    board = SeasonBoard()
    board.resize(1400, 800)
    board.show()
    board.set_season(big_season())
    out = {}
    for zoom in ("day", "week"):
        board.set_zoom(zoom)
        hb, vb = board.horizontalScrollBar(), board.verticalScrollBar()
        hb.setValue(hb.maximum() // 2)
        vb.setValue(vb.maximum() // 2)
        board.set_current(board.athlete_order()[30], dt.date(2027, 1, 6))
        app.processEvents()
        times = []
        for _ in range(repaints):
            board.viewport().repaint()
            times.append(board.last_paint_ms)
        out[f"paint_{zoom}_ms"] = statistics.median(times)
        out[f"paint_{zoom}_max_ms"] = max(times)
        out[f"glyphs_{zoom}"] = board.painted_glyphs
    out["paint_ms"] = max(out["paint_day_ms"], out["paint_week_ms"])
    board.close()
    return out
