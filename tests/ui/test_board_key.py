"""The board, its key and the printed board agree (review 239): a flare-up's "!" sits beside the
stage's name, not on it; the key draws both own-week bands; the print draws and names calm days;
the folded key calls the ring "recovery"; the 60 % dash reads on every stage colour; a role
letter reads at 100 %; at 200 % the board keeps most of a laptop's width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from tests.builders import flared_from_s3
from ui.desktop import board as B
from ui.desktop import boardmarks


@pytest.fixture(scope="module")
def flared():
    """A1 back (FIT) flares up on day 3: S3 again from that day, "!" on it, calm days after."""
    return flared_from_s3(3)


def _day_board(qtbot, season, width: int = 900):
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(width, 300)
    board.set_season(season)
    board.set_zoom("day")
    board.show()
    qtbot.waitExposed(board)
    return board


def test_a_flare_ups_badge_and_the_stage_name_sit_side_by_side(qtbot, flared):
    """The "!" badge was drawn over the name of the stage it starts ("S3" read "!3"): the name
    now starts past the badge, whole, in the stage's own stretch."""
    board = _day_board(qtbot, flared)
    tl = board._tl
    m = board.marks_of("A1")
    day = min(m.flare)
    board.show_from(tl.days[0])
    cell = board.cell_rect("A1", tl.days[day])
    badge = boardmarks.badge_rect(cell.x(), cell.y())
    labels = board.stage_label_rects("A1")
    s3 = [r for r, stage in labels if stage == "S3" and r.left() >= cell.left() - 1
          and r.left() < cell.left() + 3 * cell.width()]
    assert s3, labels
    assert not any(QRectF(r).intersects(badge) for r, _s in labels), (labels, badge)
    assert s3[0].left() >= badge.right(), (s3[0], badge)
