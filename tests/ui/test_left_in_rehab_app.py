"""Left the Squad… on a player in rehab: F5 said "No plan: the rules conflict" (AV-1 away in
rehab … (left the squad)) and the board kept drawing his rehab stages after the day he left,
though the status bar said nothing is planned from then. Now F5 gives a plan; his days from
then are drawn as days away, no stage, and the Inspector says he left."""

from __future__ import annotations

import datetime as dt

from planner.season import FIT
from planner.timeline import Timeline
from ui.desktop.mainwindow import MainWindow
from ui.desktop.panels import InspectorPanel

D = dt.date
LEAVES = D(2026, 8, 10)


def test_left_the_squad_in_rehab_then_f5_gives_a_plan_and_the_board_draws_no_stage_after(
        qtbot, dialogs, demo_season):
    win = MainWindow(demo_season, None)
    qtbot.addWidget(win)
    win.solve_time_limit = 30.0
    win.open_editor("squad")
    ed = win.squad_editor
    ed.select("A07")
    dialogs.dates = [LEAVES]
    ed.leave_button.click()
    assert "Kofi Mensah (A07) left the squad on Mon 10 Aug 2026" in win.statusBar().currentMessage()

    with qtbot.waitSignal(win.solve_finished, timeout=90_000) as got:
        win.solve_action.trigger()
    assert got.args[0].plan is not None, win.statusBar().currentMessage()
    s = win.season
    tl = Timeline(s)
    k = tl.index(LEAVES)
    ap = s.plan.for_athlete("A07")
    assert ap.stages[k - 1] not in (FIT, "INJ") and set(ap.intensity[k:]) == {0}
    (row,) = [r for r in win.board._rows if r.athlete_id == "A07"]
    assert [(a, b) for a, b, stage in row.runs if stage and b >= k] == []  # no stage drawn
    assert any(a <= k <= b for a, b in row.unavailable)  # hatched: a day away
    assert any(stage == ap.stages[k - 1] and b == k - 1 for _a, b, stage in row.runs)
    assert dict(InspectorPanel._plan_rows(s, tl, ap, k + 30))["Stage"] == \
        "<b>left the squad on Mon 10 Aug 2026</b>"
