"""Left the Squad… on a player in rehab: F5 said "No plan: the rules conflict" (AV-1 away in
rehab … (left the squad)) and the board kept drawing his rehab stages after the day he left,
with a broken RH-STAGE, though the status bar said nothing is planned from then. Now his days
from then are drawn as days away, no stage, the Inspector says he left, nothing of his rehab
breaks a rule after it, and F5 gives a plan."""

from __future__ import annotations

import datetime as dt

from planner.season import FIT
from planner.timeline import Timeline
from ui.desktop.mainwindow import MainWindow
from ui.desktop.panels import InspectorPanel

D = dt.date
LEAVES = D(2026, 8, 10)


def solve(win, qtbot):
    with qtbot.waitSignal(win.solve_finished, timeout=90_000) as got:
        win.solve_action.trigger()
    assert got.args[0].plan is not None, win.statusBar().currentMessage()


def drawn_as_left(win, k: int) -> None:
    """The board draws no stage on his days from ``k`` (hatched: days away); the Inspector says
    he left."""
    s = win.season
    (row,) = [r for r in win.board._rows if r.athlete_id == "A07"]
    assert [(a, b) for a, b, stage in row.runs if stage and b >= k] == []
    assert any(a <= k <= b for a, b in row.unavailable)
    ap = s.plan.for_athlete("A07")
    assert any(stage == ap.stages[k - 1] and b == k - 1 for _a, b, stage in row.runs)
    assert dict(InspectorPanel._plan_rows(s, Timeline(s), ap, k + 30))["Stage"] == \
        "<b>left the squad on Mon 10 Aug 2026</b>"


def test_left_the_squad_in_rehab_is_drawn_as_left_and_f5_gives_a_plan(qtbot, dialogs, demo_season):
    win = MainWindow(demo_season, None)
    qtbot.addWidget(win)
    win.solve_time_limit = 30.0
    solve(win, qtbot)
    k = Timeline(win.season).index(LEAVES)
    assert win.season.plan.for_athlete("A07").stages[k] not in (FIT, "INJ")  # in rehab then
    win.open_editor("squad")
    win.squad_editor.select("A07")
    dialogs.dates = [LEAVES]
    win.squad_editor.leave_button.click()
    said = win.statusBar().currentMessage()
    assert "Kofi Mensah (A07) left the squad on Mon 10 Aug 2026" in said and "breaks" not in said
    drawn_as_left(win, k)

    solve(win, qtbot)
    ap = win.season.plan.for_athlete("A07")
    assert ap.stages[k - 1] not in (FIT, "INJ") and set(ap.stages[k:]) == {ap.stages[k - 1]}
    assert set(ap.intensity[k:]) == {0}
    drawn_as_left(win, k)


def test_a_signings_days_before_he_joined_are_drawn_away_not_as_his_rehab(qtbot):
    """A signing whose rehab began with his old squad: the board drew his days before he joined
    as his stage (or dark-grey INJ, "no running"), as if this squad had him in rehab then. They
    are hatched as days away, no stage; his stage is drawn from the day he joined."""
    from planner.season import Unavailability
    from planner.squad import JOINED_REASON
    from tests.builders import day, injury, season

    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=(Unavailability(athlete="A1", start=day(0), end=day(9),
                                           reason=JOINED_REASON),))
    win = MainWindow(s, None)
    qtbot.addWidget(win)
    (row,) = [r for r in win.board._rows if r.athlete_id == "A1"]
    assert [(a, b) for a, b, stage in row.runs if stage and a <= 9] == []
    assert (0, 9) in row.unavailable
    assert row.runs[1][0] == 10 and row.runs[1][2] == "P2"  # from the day he joined
