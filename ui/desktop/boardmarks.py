"""The board's marks of rules v2 (``planner.daymarks``), each readable without colour:

- a competition day's **role** as a letter in the cell's top-left corner: ``S`` plays (starts),
  ``B`` on the bench, ``O`` out of the squad, ``R`` held out by RE-1;
- a **compensation session** (HV training after a match the athlete did not play): ``C``;
- a **flare-up**: ``!`` in a filled box; its **calm days** (RH-FL): a dotted line along the
  top of the cell;
- **provisional** days (RH-CRIT: a stage exit that waits on a criterion not passed yet): a
  diagonal hatch over the rehab stages and the day back (the fit days after it stay provisional
  in the tooltip and the inspector, unhatched), and a dashed edge where the stage starts.

Day zoom draws them all; week zoom only the provisional hatch (its cells are 4 px wide). A cell
with a letter (:func:`badge_rect`, top left) draws its intensity mark below it, fitted to
:func:`mark_room`: drawn centred, the S badge hid the 100 % star and the O badge a 60/70 dot.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QTransform

from planner.daymarks import ROLE_LETTER, DayMarks, role_text
from planner.rules import CALM_CAP
from planner.text import day_long

FLARE = QColor("#c62828")
BADGE_W, BADGE_H = 8, 9  # draw_badge's box, drawn one pixel below a cell's top


def badge_size(scale: float = 1.0) -> tuple[int, int]:
    """A letter's box at the board's font scale (``boardgeom.font_scale``): 8 x 9 px at 1."""
    return round(BADGE_W * scale), round(BADGE_H * scale)


def badge_rect(x: float, y: float, scale: float = 1.0) -> QRectF:
    """Where a cell's letter (role, C, !) goes: its top left; ``(x, y)``: the cell's top left."""
    return QRectF(x, y + 1, *badge_size(scale))


def mark_room(x: float, y: float, cell_w: float, foot: float, scale: float = 1.0) -> QRectF:
    """The room left for the intensity mark in a cell with a letter: under the letter, above the
    row's foot (``foot``: the week band's top, from the cell's top), a pixel in from each side."""
    top = badge_rect(x, y, scale).bottom()
    return QRectF(x + 1, top, cell_w - 2, y + foot - top)


def badge_days(m: DayMarks | None) -> frozenset[int]:
    """The days of an athlete that carry a letter in day zoom (a role, C or !)."""
    if m is None:
        return frozenset()
    return frozenset(m.role) | frozenset(m.compensation) | frozenset(m.flare)


def badge_font(base: QFont) -> QFont:
    f = QFont(base)
    f.setPixelSize(7)
    f.setBold(True)
    return f


# A badge's letters drawn pixel by pixel at 100 % (4 x 5, a pixel clear of the frame each way):
# the S's round corners are not a 5's, the B's straight back not an 8's, the O is not a block,
# and it is a small round o, not a tall 0 (a coach read "O", out, as a zero)
PIXEL_LETTERS = {
    "S": (".###", "#...", ".##.", "...#", "###."),
    "B": ("###.", "#..#", "###.", "#..#", "###."),
    "O": ("....", ".##.", "#..#", "#..#", ".##."),  # round, as wide as tall: not a zero
    "R": ("###.", "#..#", "###.", "#.#.", "#..#"),
    "C": (".###", "#...", "#...", "#...", ".###"),
    "!": (".##.", ".##.", ".##.", "....", ".##."),
}


def draw_badge(p: QPainter, x: float, y: float, letter: str, fg: QColor, bg: QColor,
               filled: bool = False) -> None:
    """An 8 x 9 px box (``BADGE_W`` x ``BADGE_H``) with a letter: framed on the cell's own colour, or filled. The box and
    its frame are whole device pixels, the frame as thick on every side: at 125 % a 1 px pen
    stroked 1.25 device pixels, the S badge lost a line of its frame and read "5"."""
    dpr = p.device().devicePixelRatioF() or 1.0
    x0, y0 = round(x * dpr), round(y * dpr)
    outer = QRectF(x0 / dpr, y0 / dpr, round(BADGE_W * dpr) / dpr, round(BADGE_H * dpr) / dpr)
    frame = max(1, int(dpr)) / dpr  # 1 device pixel up to 200 %, 2 there
    p.fillRect(outer, fg)
    if not filled:
        p.fillRect(outer.adjusted(frame, frame, -frame, -frame), bg)
    cells = PIXEL_LETTERS.get(letter) if dpr < 1.2 else None
    if cells is not None:  # at 100 % a font's 7 px letter blurred: S read 5, B 8, O 0 or a block
        for row, line in enumerate(cells):
            for col, c in enumerate(line):
                if c == "#":
                    p.fillRect(QRectF(outer.x() + 2 + col, outer.y() + 2 + row, 1, 1),
                               bg if filled else fg)
        return
    inset = frame + 1 / dpr  # the frame and a device pixel clear of it
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg if filled else fg)
    p.drawPath(letter_path(letter, p.font(), outer.adjusted(inset, inset, -inset, -inset)))
    p.restore()


def letter_path(letter: str, font: QFont, room: QRectF) -> QPainterPath:
    """A badge's letter as large as its ``room`` (the box inside its frame): with a larger font
    or screen scale a 7 px letter stayed 9 px in its grown box beside 20 px names; an "O" is a
    ring as wide as it is tall, never read as a zero."""
    path = QPainterPath()
    if letter == "O":
        d = min(room.width(), room.height())
        c, ring = room.center(), max(1.0, 0.2 * d)
        path.addEllipse(c, d / 2, d / 2)
        path.addEllipse(c, d / 2 - ring, d / 2 - ring)
        path.setFillRule(Qt.FillRule.OddEvenFill)
        return path
    path = _outline(letter, font.family())
    box = path.boundingRect()
    if box.isEmpty():
        return QPainterPath(path)
    k = min(room.width() / box.width(), room.height() / box.height())
    t = QTransform()
    t.translate(room.center().x(), room.center().y())
    t.scale(k, k)
    t.translate(-box.center().x(), -box.center().y())
    return t.map(path)


@functools.lru_cache(maxsize=64)
def _outline(letter: str, family: str) -> QPainterPath:
    """``letter``'s outline at 64 px, bold, in ``family``: laid out once, not at each badge of
    each paint (a board shows hundreds). Callers map it and do not change it."""
    big = QFont(family)
    big.setPixelSize(64)
    big.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, big, letter)
    return path


def draw_calm(p: QPainter, x0: float, x1: float, y: float, width: float = 2.0) -> None:
    """A calm day's mark (RH-FL, after a flare-up): a dotted red line from ``x0`` to ``x1`` at
    ``y``, along the top of the cell; the board, its key and the printed board draw it."""
    p.save()
    p.setPen(QPen(FLARE, width, Qt.PenStyle.DotLine))
    p.drawLine(QPointF(x0, y), QPointF(x1, y))
    p.restore()


_BADGES: dict[tuple, QPixmap] = {}  # rendered badges: a day-zoom paint draws several hundred


def badge_pixmap(letter: str, fg: QColor, bg: QColor, filled: bool, font: QFont,
                 dpr: float, scale: float = 1.0) -> QPixmap:
    """``draw_badge`` rendered once into a pixmap (8 x 9 px with its frame, grown by ``scale``,
    the board's font scale), blitted after."""
    key = (letter, fg.rgba(), bg.rgba(), filled, font.key(), dpr, scale)
    pix = _BADGES.get(key)
    if pix is None:
        w, h = badge_size(scale)
        pix = QPixmap(round(w * dpr), round(h * dpr))
        pix.setDevicePixelRatio(dpr * scale)  # drawn in 8 x 9 units, then blitted grown
        pix.fill(Qt.GlobalColor.transparent)
        bp = QPainter(pix)
        bp.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        bp.setFont(font)
        draw_badge(bp, 0, 0, letter, fg, bg, filled)
        bp.end()
        pix.setDevicePixelRatio(dpr)  # blitted at its grown size
        _BADGES[key] = pix
    return pix


def paint_day_marks(p: QPainter, marks: dict[str, DayMarks], row_id, days: tuple[int, int],
                    rows: tuple[int, int], x_of, y_of, cell_w: int, theme, font: QFont,
                    scale: float = 1.0) -> None:
    """Role letters, compensation sessions, flare-ups and calm days on the visible cells
    (``scale``: the board's font scale, which grows the letters' boxes)."""
    d0, d1 = days
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    small = badge_font(font)
    dpr = p.device().devicePixelRatioF() or 1.0
    letters = {k: badge_pixmap(v, theme.text, theme.base, False, small, dpr, scale)
               for k, v in ROLE_LETTER.items()}
    comp = badge_pixmap("C", theme.text, theme.base, False, small, dpr, scale)
    flare = badge_pixmap("!", FLARE, theme.base, True, small, dpr, scale)
    for r in range(rows[0], rows[1] + 1):
        m = marks.get(row_id(r))
        if m is None:
            continue
        top = y_of(r)
        y = round(badge_rect(0, top, scale).top())
        for d, role in m.role.items():
            if d0 <= d <= d1:
                p.drawPixmap(x_of(d), y, letters[role])
        for d in m.compensation:
            if d0 <= d <= d1:
                p.drawPixmap(x_of(d), y, comp)
        for d in m.flare:
            if d0 <= d <= d1:
                p.drawPixmap(x_of(d), y, flare)
        calm = [d for d in m.calm if d0 <= d <= d1]
        for d in calm:
            draw_calm(p, x_of(d) + 1, x_of(d) + cell_w - 2, y + 1)
    p.restore()


def paint_provisional(p: QPainter, marks: dict[str, DayMarks], row_id, days: tuple[int, int],
                      rows: tuple[int, int], x_of, y_of, cell_w: int, row_h: int, theme) -> None:
    """A diagonal hatch over the provisional days and a dashed edge where each provisional
    stage starts."""
    d0, d1 = days
    brush = QBrush(theme.text, Qt.BrushStyle.BDiagPattern)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for r in range(rows[0], rows[1] + 1):
        m = marks.get(row_id(r))
        if m is None or not m.hatched:
            continue
        y = y_of(r)
        p.setOpacity(0.35)
        for d in range(d0, d1 + 1):
            if d in m.hatched:
                p.fillRect(QRect(x_of(d), y + 1, cell_w, row_h - 2), brush)
        p.setOpacity(1.0)
        p.setPen(QPen(theme.text, 2, Qt.PenStyle.DashLine))
        for e in m.exits:
            if d0 <= e.day <= d1:
                p.drawLine(x_of(e.day), y + 1, x_of(e.day), y + row_h - 2)
    p.restore()


def mark_lines(m: DayMarks | None, d: int) -> list[str]:
    """The tooltip lines of a cell's v2 marks."""
    if m is None:
        return []
    lines = []
    if d in m.role:
        lines.append(f"Match role: {role_text(m.role[d])} [{ROLE_LETTER[m.role[d]]}]")
    if d in m.compensation:
        lines.append("Compensation session [C]: high-velocity work after a match not played")
    if d in m.flare:
        lines.append("Flare-up recorded [!]: no running today (RH-FL)")
    if d in m.calm:
        lines.append(f"Calm day after the flare-up of {day_long(m.calm[d])} (RH-FL: at most {CALM_CAP} %)")
    for e in m.exits:
        if e.day == d:
            lines.append(f"Provisional: {e.stage} → {e.to} here waits on "
                         f"{', '.join(e.marks or e.missing)} (RH-CRIT)")
    if d in m.provisional and not any(e.day == d for e in m.exits):
        lines.append("Provisional: an earlier stage exit waits on a criteria test (RH-CRIT)")
    return lines
