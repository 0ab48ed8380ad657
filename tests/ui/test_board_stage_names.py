"""A rehab stage is told by its name, not its colour only (review 256, #8): under deuteranopia
or protanopia P2, S1 and S2 become one khaki, and the name was drawn once per stretch, so a
stretch's later weeks, or a view scrolled past its start, could not be told. The name now comes
again in each week of the stretch that has room, and at the view's left edge it is drawn whole,
past the names' column."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFontMetrics

from planner.season import AthletePlan, Plan
from planner.timeline import Timeline
from tests.builders import tiny_season
from tests.ui.test_board_font import shown_board

P2_END = 20  # Cara (A3) in P2 for three weeks (Mon 2 to Sun 22 Mar), then S1 for one


def _season():
    s = tiny_season()
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"end": dt.date(2026, 3, 29)})})
    tl = Timeline(s)
    athletes = []
    for a in s.athletes:
        injured = a.id == "A3"
        stages = tuple(("P2" if d <= P2_END else "S1") if injured else "FIT" for d in range(tl.n))
        intensity = tuple((70 if injured else 90) if tl.is_training[d] and not tl.is_comp[d] else 0
                          for d in range(tl.n))
        athletes.append(AthletePlan(athlete=a.id, stages=stages, intensity=intensity,
                                    weeks=tuple("load" for _ in tl.weeks)))
    plan = Plan(status="manual", team_weeks=tuple("load" for _ in tl.weeks), athletes=tuple(athletes))
    return s.model_copy(update={"plan": plan})


def _board(qtbot, width: int):
    return shown_board(qtbot, _season(), "day", width, 300)


def _week(board, x: int) -> int:
    """The week of the day under ``x`` (viewport pixels)."""
    return board._tl.week_of[(x - board._x(0)) // board._cw]


def test_a_stage_s_name_comes_again_in_each_week_of_its_stretch(qtbot):
    board = _board(qtbot, 1000)
    tl = board._tl
    labels = board.stage_label_rects("A3")
    weeks = {stage: sorted(_week(board, r.left()) for r, s in labels if s == stage)
             for stage in ("P2", "S1")}
    p2_weeks = sorted({tl.week_of[d] for d in range(P2_END + 1)})
    assert len(p2_weeks) == 3
    assert weeks["P2"] == p2_weeks, labels  # once a week: before, once for the stretch
    assert weeks["S1"] == [tl.week_of[P2_END + 1]], labels
    for r, s in labels:  # each name in its own stage's days, the stages named apart
        d0, d1 = (r.left() - board._x(0)) // board._cw, (r.right() - board._x(0)) // board._cw
        assert {board._rows[board._row_of["A3"]].stages[d] for d in (d0, d1)} == {s}, (r, s)


def test_a_stage_s_name_at_the_view_s_left_edge_is_drawn_whole(qtbot):
    """Scrolled into P2's second weekend, its first day all but hidden under the names: the name
    is in the first week in view, whole, right of the names' column."""
    board = _board(qtbot, 320)
    cw, weekend = board._cw, 12  # Sat 14 Mar (Cara has no session on the match day)
    assert board.horizontalScrollBar().maximum() > weekend * cw
    board.horizontalScrollBar().setValue(weekend * cw + cw - 2)  # 2 px of Saturday still show
    fm = QFontMetrics(board._small)
    labels = [r for r, s in board.stage_label_rects("A3") if s == "P2"]
    assert labels, board.stage_label_rects("A3")
    first = min(labels, key=lambda r: r.left())
    assert _week(board, first.left()) == board._tl.week_of[weekend], labels
    assert first.left() >= board._name_w and first.width() >= fm.horizontalAdvance("P2"), (
        first, board._name_w)
