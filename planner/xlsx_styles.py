"""The plan workbook's colours and cell styles, registered once per workbook as named styles.

Every font is Arial (``planner.xlsx_layout``: the same widths in Excel and LibreOffice). A cell
takes a style by name, which is cheap; no style object is made in a hot loop.
"""

from __future__ import annotations

import functools

import openpyxl
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.indexed_list import IndexedList

from planner.season import FIT, HV_LEVEL, INJ, REHAB_STAGES, SPEED_DAY
from planner.xlsx_layout import FONT

# Week-kind fills (load: no fill) and stage colours (FIT: no marker). RGB hex.
KIND_FILL = {"deload": "CFE2F3", "taper": "FFE0A3"}
DELOAD_EDGE = "1F5FAF"  # a deload week in rehab: the stage's cell underlined
STAGE_COLOUR = {
    INJ: "595959",  # dark grey
    "P1": "D32F2F",  # red
    "P2": "F57C00",  # orange
    "P3": "F2C200",  # yellow (dark enough to see as an edge)
    "S1": "9CCC65",  # light green
    "S2": "388E3C",  # green
    "S3": "00897B",  # teal
}
STAGE_TINT = {  # light versions for the Calendar grid (the board's colours)
    INJ: "BDBDBD", "P1": "F2A0A0", "P2": "F7C38A", "P3": "F3DF74", "S1": "CFEAB8", "S2": "97CF87",
    "S3": "86CDC4",
}
BLOCK_FILLS = ("E8EAF6", "E0F2F1", "FFF8E1", "FCE4EC", "EDE7F6", "E3F2FD", "F1F8E9")
STAGE_ORDER = (INJ, *REHAB_STAGES, FIT)
STAGE_TEXT_WHITE = {INJ, "P1", "S2", "S3"}  # stages whose fill needs white text
NO_HV_FONT = "C62828"  # a week without any HV exposure
HEADER_FILL = "EDEDED"
MUTED = "595959"
LINK = "0563C1"
BASE_SIZE = 10
# A date format's locale: English (US), so that Excel and LibreOffice print "Sat 8 May" on any
# computer, as every text cell beside it says ("Sa 8 Mai" on a German one without it)
ENGLISH = "[$-409]"


def english(number_format: str) -> str:
    """A date number format with its day and month names in English, whatever the computer's
    language."""
    return number_format if number_format.startswith(ENGLISH) else ENGLISH + number_format


def base_font(wb: openpyxl.Workbook) -> None:
    """Make Arial 10 the workbook's default font (the Normal style and the column-width unit)."""
    font = Font(name=FONT, size=BASE_SIZE)
    wb._fonts = IndexedList([font])
    normal = wb._named_styles["Normal"]
    normal.font = font


def _once(method):
    """A style method whose answer is remembered per arguments (styles are asked for per cell)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kw):
        key = (method.__name__, args, tuple(sorted(kw.items())))
        if key not in self._memo:
            self._memo[key] = method(self, *args, **kw)
        return self._memo[key]

    return wrapper


class Styles:
    """Named styles registered on first use; cells then take a style by name (cheap)."""

    def __init__(self, wb: openpyxl.Workbook):
        self.wb = wb
        self._named: dict[str, NamedStyle] = {}
        self._memo: dict[tuple, str | None] = {}
        thin = Side(style="thin", color="BFBFBF")
        self.thin = thin
        self.grid = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.center = Alignment(horizontal="center", vertical="center")
        self.fills = {k: PatternFill("solid", start_color=c, end_color=c) for k, c in KIND_FILL.items()}
        self.stage_fills = {
            s: PatternFill("solid", start_color=c, end_color=c) for s, c in STAGE_COLOUR.items()
        }
        self.font = self.f()
        self.bold = self.f(bold=True)
        self.white = self.f(color="FFFFFF")

    @staticmethod
    def f(size: float = BASE_SIZE, **kw) -> Font:
        return Font(name=FONT, size=size, **kw)

    @staticmethod
    def fill(colour: str) -> PatternFill:
        return PatternFill("solid", start_color=colour, end_color=colour)

    def add(self, name: str, **kw) -> str:
        if name not in self._named:  # (a style is built once; later calls only look it up)
            kw.setdefault("font", self.font)
            style = NamedStyle(name=name, **kw)
            self.wb.add_named_style(style)
            self._named[name] = style
        return name

    def array(self, name: str | None) -> StyleArray | None:
        """The style array of a registered named style: a new Cell copies it (cheap)."""
        return None if name is None else self._named[name].as_tuple()

    # -- shared -------------------------------------------------------------------------------
    @_once
    def header(self) -> str:
        return self.add(
            "Periodize header", font=self.bold, border=self.grid,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            fill=self.fill(HEADER_FILL))

    @_once
    def header_left(self) -> str:
        return self.add(
            "Periodize header left", font=self.bold, border=self.grid,
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
            fill=self.fill(HEADER_FILL))

    @_once
    def header_rotated(self) -> str:
        return self.add(
            "Periodize header rotated", font=self.bold, border=self.grid,
            alignment=Alignment(horizontal="center", vertical="bottom", text_rotation=90),
            fill=self.fill(HEADER_FILL))

    @_once
    def title(self, size: float = 14) -> str:
        return self.add(f"Periodize title {size:g}", font=self.f(size, bold=True),
                        alignment=Alignment(vertical="center"))

    @_once
    def label(self) -> str:
        return self.add("Periodize label", font=self.bold, alignment=Alignment(vertical="top"))

    @_once
    def wrap(self, size: float = BASE_SIZE) -> str:
        return self.add(f"Periodize wrap {size:g}", font=self.f(size),
                        alignment=Alignment(vertical="top", wrap_text=True))

    @_once
    def warning(self) -> str:
        """Bold red: a plan that breaks hard rules of the season as it is now."""
        return self.add("Periodize warning", font=self.f(bold=True, color=NO_HV_FONT),
                        alignment=Alignment(vertical="top", wrap_text=True))

    @_once
    def note(self, size: float = 9) -> str:
        return self.add("Periodize note" + (f" {size:g}" if size != 9 else ""),
                        font=self.f(size, italic=True, color=MUTED),
                        alignment=Alignment(vertical="top", wrap_text=True))

    @_once
    def link(self) -> str:
        return self.add("Periodize link", font=self.f(color=LINK, underline="single"),
                        alignment=Alignment(vertical="top"))

    @_once
    def text(self) -> str:
        return self.add("Periodize text", border=self.grid, alignment=Alignment(vertical="center"))

    @_once
    def number(self) -> str:
        return self.add("Periodize number", alignment=self.center)

    @_once
    def number_top(self) -> str:
        return self.add("Periodize number top", alignment=Alignment(horizontal="center",
                                                                       vertical="top"))

    @_once
    def date(self) -> str:
        return self.add("Periodize date", number_format=english("dd mmm yyyy"),
                        alignment=Alignment(horizontal="left", vertical="top"))

    @_once
    def table_date(self) -> str:
        """A date in a bordered table (``Fri 24 Jul 2026``)."""
        return self.add("Periodize table date", number_format=english("ddd d mmm yyyy"), border=self.grid,
                        alignment=Alignment(horizontal="left", vertical="top"))

    @_once
    def week_header(self) -> str:
        return self.add(
            "Periodize week header", font=self.bold, border=self.grid, number_format=english("d mmm"),
            alignment=Alignment(horizontal="center", vertical="bottom", text_rotation=90),
            fill=self.fill(HEADER_FILL))

    @_once
    def stage(self, stage: str, size: float = BASE_SIZE) -> str:
        if stage not in self.stage_fills:  # FIT: no colour
            return self.add(f"Periodize stage FIT {size:g}", font=self.f(size),
                            alignment=Alignment(horizontal="center", vertical="top"))
        font = self.f(size, color="FFFFFF") if stage in STAGE_TEXT_WHITE else self.f(size)
        return self.add(f"Periodize stage {stage} {size:g}", fill=self.stage_fills[stage],
                        font=font, alignment=Alignment(horizontal="center", vertical="top"))

    @_once
    def kind(self, kind: str) -> str | None:
        if kind not in self.fills:
            return None
        return self.add(f"Periodize kind {kind}", fill=self.fills[kind],
                        alignment=Alignment(horizontal="center", vertical="center"))

    @_once
    def swatch_text(self) -> str:
        return self.add("Periodize swatch text", font=self.f(9), alignment=Alignment(vertical="center"))

    # -- Overview ------------------------------------------------------------------------------
    @_once
    def block_band(self, k: int) -> str:
        colour = BLOCK_FILLS[k % len(BLOCK_FILLS)]
        return self.add(f"Periodize block {k % len(BLOCK_FILLS)}", font=self.f(8, bold=True),
                        fill=self.fill(colour), border=self.grid,
                        alignment=Alignment(horizontal="center", vertical="center", shrink_to_fit=False))

    @_once
    def month_band(self, shrink: bool = False) -> str:
        """A month's label over its weeks; ``shrink``: shrunk to fit one week's column ("May"
        of a season's last week read "M")."""
        return self.add(f"Periodize month{' shrink' if shrink else ''}", font=self.f(8, bold=True),
                        border=self.grid, alignment=Alignment(horizontal="left", vertical="center",
                                                              shrink_to_fit=shrink))

    @_once
    def comp_rotated(self, a_level: bool) -> str:
        return self.add(f"Periodize comp rotated {'A' if a_level else 'BC'}",
                        font=self.f(7, bold=a_level), border=self.grid,
                        alignment=Alignment(horizontal="center", vertical="bottom",
                                            text_rotation=90, wrap_text=True))

    @_once
    def team_kind(self, kind: str) -> str:
        kw = {"alignment": self.center, "border": self.grid, "font": self.f(8, bold=True)}
        if kind in self.fills:
            kw["fill"] = self.fills[kind]
        return self.add(f"Periodize team week {kind}", **kw)

    @_once
    def cell(self, kind: str | None, stage: str | None, no_hv: bool, size: float = 9) -> str:
        """An athlete-week cell: a rehab stage as its colour (code as text), else the week kind's
        fill with the speed-day count; red bold when the week has no HV exposure."""
        if stage in self.stage_fills:
            font = self.f(size - 1, bold=True, color="FFFFFF" if stage in STAGE_TEXT_WHITE else "000000")
            # a rehab athlete's own deload week: underlined in the deload's blue (the stage's
            # colour fills the cell)
            border = self.grid if kind != "deload" else Border(
                left=self.thin, right=self.thin, top=self.thin,
                bottom=Side(style="thick", color=DELOAD_EDGE))
            return self.add(f"Periodize ov stage {stage}{' deload' if kind == 'deload' else ''} "
                            f"{size:g}", font=font, fill=self.stage_fills[stage], border=border,
                            alignment=self.center)
        kind_key = kind if kind in self.fills else "load"
        font = self.f(size, bold=no_hv, color=NO_HV_FONT if no_hv else "000000")
        kw = {"alignment": self.center, "border": self.grid, "font": font}
        if kind_key in self.fills:
            kw["fill"] = self.fills[kind_key]
        return self.add(f"Periodize ov {kind_key} {'nohv' if no_hv else 'hv'} {size:g}", **kw)

    @_once
    def away(self, size: float = 9) -> str:
        return self.add(f"Periodize ov away {size:g}", font=self.f(size - 1, color=MUTED),
                        fill=PatternFill("lightUp", start_color="A6A6A6", end_color="FFFFFF"),
                        border=self.grid, alignment=self.center)

    @_once
    def name_cell(self, size: float = 9) -> str:
        return self.add(f"Periodize name {size:g}", font=self.f(size, color=LINK),
                        border=self.grid, alignment=Alignment(vertical="center"))

    @_once
    def small_cell(self, size: float = 8, wrap: bool = False) -> str:
        return self.add(f"Periodize small {size:g}" + (" wrap" if wrap else ""), font=self.f(size),
                        border=self.grid, alignment=Alignment(vertical="center", wrap_text=wrap))

    # -- Calendar ------------------------------------------------------------------------------
    @_once
    def cal(self, stage: str | None, level: int | None, off: bool, code: bool = False,
            role: str = "") -> str:
        """A Calendar cell: the stage as a tint (its code shown where ``code``), HV bold dark blue,
        speed blue, zero blank; ``role``: a match day's role letter after the level (S, B, O, R)."""
        stage_key = stage if stage in STAGE_TINT else FIT
        if level is None:
            band = "none"
        elif level >= HV_LEVEL:
            band = "hv"
        elif level >= SPEED_DAY:
            band = "speed"
        else:
            band = "low"
        show = code and stage_key != FIT
        role = "" if show else role
        name = (f"Periodize cal {stage_key} {band}{' off' if off else ''}{' code' if show else ''}"
                f"{f' role {role}' if role else ''}")
        if name in self._named:
            return name
        colour = {"hv": "0B1A3A", "speed": "325F97", "low": "595959", "none": "595959"}[band]
        fmt = (f'"{stage_key} "0;-0;"{stage_key}";@' if show
               else f'0" {role}";-0;"{role}";@' if role else "0;-0;;@")
        kw = {"font": self.f(9, bold=band == "hv", color=colour), "alignment": self.center,
              "number_format": fmt}
        if off:
            kw["fill"] = PatternFill("lightUp", start_color="A6A6A6", end_color="FFFFFF")
        elif stage_key in STAGE_TINT:
            kw["fill"] = self.fill(STAGE_TINT[stage_key])
        return self.add(name, **kw)

    @_once
    def cal_date(self) -> str:
        return self.add("Periodize cal date", number_format=english("ddd d mmm yyyy"), font=self.f(9),
                        alignment=Alignment(horizontal="left", vertical="center"))

    @_once
    def cal_text(self, bold: bool = False, wrap: bool = False) -> str:
        """``wrap``: the competitions' column, a tournament day's matches on lines of their own,
        and the MD cell of a day between two matches, its two labels."""
        return self.add(f"Periodize cal text{' bold' if bold else ''}{' wrap' if wrap else ''}",
                        font=self.f(9, bold=bold), alignment=Alignment(vertical="center", wrap_text=wrap))

    @_once
    def cal_kind(self, kind: str) -> str:
        kw = {"font": self.f(9), "alignment": Alignment(vertical="center")}
        if kind in self.fills:
            kw["fill"] = self.fills[kind]
        return self.add(f"Periodize cal kind {kind}", **kw)

    # -- athlete sheets ------------------------------------------------------------------------
    @_once
    def week_title(self) -> str:
        return self.add("Periodize week title", font=self.f(13, bold=True),
                        alignment=Alignment(vertical="center"),
                        border=Border(bottom=Side(style="medium", color="404040")))

    @_once
    def info_label(self) -> str:
        return self.add("Periodize info label", font=self.f(9, bold=True, color=MUTED),
                        alignment=Alignment(vertical="top"))

    @_once
    def info(self, kind: str | None = None, size: float = 10) -> str:
        kw = {"font": self.f(size), "alignment": Alignment(vertical="top", wrap_text=True)}
        if kind in self.fills:
            kw["fill"] = self.fills[kind]
        return self.add(f"Periodize info {kind or 'plain'}" + (f" {size:g}" if size != 10 else ""),
                        **kw)

    @_once
    def day_cell(self, bold: bool = False, size: float = 9, shade: bool = False) -> str:
        kw = {"font": self.f(size, bold=bold), "border": self.grid,
              "alignment": Alignment(vertical="top", wrap_text=True)}
        if shade:
            kw["fill"] = self.fill("F5F5F5")
        return self.add(f"Periodize day {size:g}{' bold' if bold else ''}{' shade' if shade else ''}",
                        **kw)

    @_once
    def day_center(self, size: float = 9, shade: bool = False) -> str:
        kw = {"font": self.f(size), "border": self.grid,
              "alignment": Alignment(horizontal="center", vertical="top", wrap_text=True)}
        if shade:
            kw["fill"] = self.fill("F5F5F5")
        return self.add(f"Periodize day center {size:g}{' shade' if shade else ''}", **kw)

    @_once
    def day_stage(self, stage: str, size: float = 9) -> str:
        if stage not in self.stage_fills:
            return self.day_center(size)
        font = self.f(size, bold=True, color="FFFFFF" if stage in STAGE_TEXT_WHITE else "000000")
        return self.add(f"Periodize day stage {stage} {size:g}", font=font, border=self.grid,
                        fill=self.stage_fills[stage],
                        alignment=Alignment(horizontal="center", vertical="top"))

    @_once
    def why(self, size: float = 8) -> str:
        return self.add(f"Periodize why {size:g}", font=self.f(size, color="404040"),
                        border=self.grid, alignment=Alignment(vertical="top", wrap_text=True))

    # -- the Load sheet ----------------------------------------------------------------------------
    @_once
    def load_number(self, number_format: str) -> str:
        """A figure in the load table (``—`` when undefined, centred like the numbers)."""
        return self.add(f"Periodize load {number_format}", number_format=number_format,
                        font=self.f(9), border=self.grid,
                        alignment=Alignment(horizontal="center", vertical="top"))

    @_once
    def load_text(self, wrap: bool = False) -> str:
        return self.add(f"Periodize load text{' wrap' if wrap else ''}", font=self.f(9),
                        border=self.grid, alignment=Alignment(vertical="top", wrap_text=wrap))

    @_once
    def chart_data(self, number_format: str = "General") -> str:
        return self.add(f"Periodize chart data {number_format}", number_format=number_format,
                        font=self.f(9, color=MUTED), alignment=Alignment(horizontal="right"))
