"""The season board's geometry (pixels), shared by the board and its drag handling."""

from __future__ import annotations

CELL_W = 14  # a day's width in day zoom
WEEK_DAY_W = 4  # a day's width in week zoom (a week is 28 px)
ROW_H = 20
MONTH_H = 16
WEEK_H = 16
BLOCK_H = 14
KIND_H = 14
DAY_H = 18
HEADER_H = MONTH_H + WEEK_H + BLOCK_H + KIND_H + DAY_H
Y_MONTH, Y_WEEK = 0, MONTH_H  # the header rows' tops
Y_BLOCK = Y_WEEK + WEEK_H
Y_KIND = Y_BLOCK + BLOCK_H
Y_DAY = Y_KIND + KIND_H
NAME_MIN, NAME_MAX = 150, 240
BAND_H = 3  # the athlete's own week kind, at the foot of the row
ZOOMS = {"day": CELL_W, "week": WEEK_DAY_W}
