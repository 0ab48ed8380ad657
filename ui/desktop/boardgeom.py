"""The season board's geometry (pixels), shared by the board and its drag handling.

The constants are the sizes at an ordinary font (up to 15 px, 11 pt on a 96 dpi screen: the
default of Windows, macOS, KDE and GNOME). A larger font (a coach who set 15 pt to read the
screen) grows the cells, rows, header rows and marks with it (:func:`board_geom`,
:func:`font_scale`): at a fixed 14 px a day's letter ran into the next one's.
"""

from __future__ import annotations

from dataclasses import dataclass

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
GLYPH = 16  # an intensity mark's pixmap (its mark centred in it)
REFERENCE_PX = 15  # the largest font (pixels) the sizes above are drawn for


def font_scale(pixel_size: int) -> float:
    """How much the board grows for a font ``pixel_size`` pixels high: 1 up to REFERENCE_PX,
    in proportion above (a 20 px font, 15 pt: 1.33)."""
    return max(1.0, pixel_size / REFERENCE_PX)


@dataclass(frozen=True)
class BoardGeom:
    """The board's sizes at one font scale (:func:`board_geom`); at 1 the constants above."""

    scale: float
    cell_w: int
    row_h: int
    month_h: int
    week_h: int
    block_h: int
    kind_h: int
    day_h: int
    band_h: int
    glyph: int
    name_min: int
    name_max: int

    @property
    def header_h(self) -> int:
        return self.month_h + self.week_h + self.block_h + self.kind_h + self.day_h

    @property
    def y_month(self) -> int:
        return 0

    @property
    def y_week(self) -> int:
        return self.month_h

    @property
    def y_block(self) -> int:
        return self.y_week + self.week_h

    @property
    def y_kind(self) -> int:
        return self.y_block + self.block_h

    @property
    def y_day(self) -> int:
        return self.y_kind + self.kind_h

    @property
    def zooms(self) -> dict[str, int]:
        # week zoom: at most WEEK_DAY_W grown by the font; narrower where it takes that to fit
        # the season in view (SeasonBoard._zoom_width)
        return {"day": self.cell_w, "week": self.px(WEEK_DAY_W)}

    def px(self, value: float) -> int:
        """A size drawn at the default font (``value`` pixels), at this scale."""
        return round(value * self.scale)


def board_geom(scale: float = 1.0) -> BoardGeom:
    """The board's geometry grown by ``scale`` (never below the default sizes)."""
    s = max(1.0, scale)

    def px(v: int) -> int:
        return round(v * s)

    return BoardGeom(scale=s, cell_w=px(CELL_W), row_h=px(ROW_H), month_h=px(MONTH_H),
                     week_h=px(WEEK_H), block_h=px(BLOCK_H), kind_h=px(KIND_H), day_h=px(DAY_H),
                     band_h=px(BAND_H), glyph=px(GLYPH), name_min=px(NAME_MIN),
                     name_max=px(NAME_MAX))


DEFAULT = board_geom(1.0)
