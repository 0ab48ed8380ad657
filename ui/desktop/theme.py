"""Colours that follow the system's light or dark mode.

``BoardTheme.from_palette`` derives every colour of the board and its legend from the widget's
palette: on a dark palette the stage and week colours are muted against the dark base and the
intensity glyphs get lighter, so text and glyphs keep their contrast. ``ChartTheme.from_palette``
does the same for the load charts (lighter lines and bars on a dark palette). ``follow_system_scheme``
gives the application a dark Fusion palette when the system asks for dark mode and the platform
style does not switch by itself (e.g. Linux without a desktop theme plugin); :class:`Themes`
holds the coach's choice of View ▸ Theme (System, Light or Dark) over it. Every palette the app
sets has readable placeholders (``readable_placeholders``). The application's style is always a
:class:`SteadyDocks` over the platform's or Fusion (``steady_style``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

_STAGES_LIGHT = {
    "INJ": "#6b6b6b", "P1": "#f2a0a0", "P2": "#f7c38a", "P3": "#f3df74",
    "S1": "#cfeab8", "S2": "#97cf87", "S3": "#86cdc4",
}
# The dark mode's own stages, the light ones' hues darker and more saturated: blended 55 % into
# the dark base, S1, S2 and S3 came out three close grey-greens and P3 an olive close to S1,
# told apart under the provisional hatch only by their names. Every two differ by as much as the
# light palette's closest two (S1 and S2, about 20 in CIELAB), the intensity marks read on each
# at 3:1 or more and the stage names at 4.5:1 (tests/ui/test_board_key.py)
_STAGES_DARK = {
    "INJ": "#8a8a8a", "P1": "#8f4646", "P2": "#8a5828", "P3": "#70661e",
    "S1": "#52772a", "S2": "#2d6a40", "S3": "#235e78",
}
# 60's dash and 70's dot are as dark as 90's mark (a pale grey-blue all but vanished on the
# teal and orange stages, and 60 is a rehab athlete's first running day): they are told from
# each other and from 80-95 by their shapes, a dash and a dot, not by paleness; at least 3:1
# on every stage that runs, light and dark (70's ring for a recovery day takes its colour too)
_INTENSITY_LIGHT = {60: "#1f437c", 70: "#1f437c", 80: "#325f97", 90: "#1f437c", 95: "#142f5e",
                    100: "#0b1a3a"}
_INTENSITY_DARK = {60: "#d8e6fb", 70: "#d8e6fb", 80: "#bcd0ec", 90: "#d8e6fb", 95: "#eef4ff",
                   100: "#ffffff"}
PRIORITY = {"A": "#d32f2f", "B": "#ef7d00", "C": "#8c8c8c"}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


FLAG_COLOUR = "#e65100"  # the load chart's flag line on a light palette

# Text colours that say something (a problem, a target met, a load flag), light and dark: the
# light ones read at 4.5:1 or more on a white base, the dark ones on a dark one (#c62828 read at
# about 2:1 on a dark palette's base; the chart's flag orange, FLAG_COLOUR, is a line's colour
# and reads at 3.8:1 as text on white, so the flag's text is a deeper orange)
_INK = {"error": ("#c62828", "#ef5350"), "ok": ("#2e7d32", "#66bb6a"),
        "flag": ("#bf360c", "#ffb74d")}


def ink(kind: str, palette: QPalette | None = None) -> str:
    """The colour of ``kind`` ("error", "ok", "flag") text for ``palette`` (the application's by
    default), as ``#rrggbb`` for a style sheet or a rich text's ``color``."""
    if palette is None:
        from PySide6.QtWidgets import QApplication

        palette = QApplication.palette()
    light, dark = _INK[kind]
    return dark if is_dark(palette) else light


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


@dataclass
class BoardTheme:
    dark: bool
    base: QColor
    text: QColor
    dim_text: QColor
    header_bg: QColor
    names_bg: QColor
    line: QColor
    week_line: QColor
    month_line: QColor
    non_training: QColor
    past: QColor
    stages: dict[str, QColor]
    stage_text: dict[str, QColor]
    week_tint: dict[str, QColor]
    week_band: dict[str, QColor]
    priority: dict[str, QColor]
    intensity: dict[int, QColor]
    hatch: QBrush
    day_off: QBrush  # the team's declared days off (a winter break), across the column
    injured: QColor
    block_fill: QColor
    block_edge: QColor
    block_text: QColor
    pin: QColor
    violation: QColor
    today: QColor
    selection: QColor
    changed: QColor  # what-if comparison: a day that differs from the baseline

    @classmethod
    def from_palette(cls, palette: QPalette) -> BoardTheme:
        dark = is_dark(palette)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        window = palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if dark:
            stages = {k: QColor(v) for k, v in _STAGES_DARK.items()}
            stage_text = {k: QColor("#f2f2f2") for k in stages}
            stage_text["INJ"] = QColor("#101010")
            return cls(
                dark=True, base=base, text=text, dim_text=blend(text, base, 0.45),
                header_bg=blend(window, base, 0.3), names_bg=blend(base, text, 0.04),
                line=blend(base, text, 0.14), week_line=blend(base, text, 0.38),
                month_line=blend(base, text, 0.6), non_training=QColor(255, 255, 255, 22),
                past=QColor(0, 0, 0, 70),
                stages=stages, stage_text=stage_text,
                week_tint={"deload": QColor("#25384f"), "taper": QColor("#4a3b1c")},
                week_band={"load": QColor("#8a8a8a"), "deload": QColor("#6ea8e0"),
                           "taper": QColor("#f0b43c")},
                priority={k: QColor(v) for k, v in PRIORITY.items()},
                intensity={k: QColor(v) for k, v in _INTENSITY_DARK.items()},
                hatch=QBrush(QColor(230, 230, 230, 150), Qt.BrushStyle.BDiagPattern),
                day_off=QBrush(QColor(200, 200, 200, 70), Qt.BrushStyle.FDiagPattern),
                injured=QColor("#ef5350"),
                block_fill=QColor("#3a3552"), block_edge=QColor("#6c62a0"),
                block_text=QColor("#e4defc"),
                pin=QColor("#f5f5f5"), violation=QColor("#ff5252"), today=QColor("#ff9800"),
                selection=highlight.lighter(130), changed=QColor("#e879f9"),
            )
        stage_text = {k: QColor("#3a3a3a") for k in _STAGES_LIGHT}
        stage_text["INJ"] = QColor("#ffffff")
        return cls(
            dark=False, base=base, text=text, dim_text=blend(text, base, 0.5),
            header_bg=QColor("#f7f7f7"), names_bg=QColor("#fbfbfb"),
            line=QColor("#e3e3e3"), week_line=QColor("#9e9e9e"), month_line=QColor("#5e5e5e"),
            non_training=QColor(238, 238, 238, 140), past=QColor(0, 0, 0, 18),
            stages={k: QColor(v) for k, v in _STAGES_LIGHT.items()}, stage_text=stage_text,
            week_tint={"deload": QColor("#dbe9f8"), "taper": QColor("#fbe6b8")},
            week_band={"load": QColor("#9a9a9a"), "deload": QColor("#5b9bd8"),
                       "taper": QColor("#e6a42a")},
            priority={k: QColor(v) for k, v in PRIORITY.items()},
            intensity={k: QColor(v) for k, v in _INTENSITY_LIGHT.items()},
            hatch=QBrush(QColor(60, 60, 60, 150), Qt.BrushStyle.BDiagPattern),
            day_off=QBrush(QColor(120, 120, 120, 110), Qt.BrushStyle.FDiagPattern),
            injured=QColor("#c62828"),
            block_fill=QColor("#e4e0f0"), block_edge=QColor("#b7aed6"), block_text=QColor("#3b3163"),
            pin=QColor("#111111"), violation=QColor("#d50000"), today=QColor("#e65100"),
            selection=highlight, changed=QColor("#9c27b0"),
        )

    @staticmethod
    def over(under: QColor, top: QColor) -> QColor:
        """``top`` (with alpha) composed over the opaque ``under``."""
        return blend(under, QColor(top.red(), top.green(), top.blue()), top.alphaF())

    def intensity_colour(self, level: int) -> QColor:
        best = 60
        for lv in self.intensity:
            if lv <= level:
                best = lv
        return self.intensity[best]


@dataclass(frozen=True)
class ChartTheme:
    """The load charts' colours (``ui.desktop.loadcharts``). On a dark palette every line and bar
    keeps at least 3:1 against the dark base, and text 4.5:1: the light theme's EWMA-ratio brown
    read at 1.7:1 there, the logged bars' blue at 3.2:1 and the red "today" at 3:1."""

    planned: str  # planned load: the lighter bars on white, the dimmer ones on a dark base
    logged: str
    ratio: str  # the ACWR
    ewma: str  # the EWMA ratio (dashed)
    monotony: str
    today: str
    flag: str  # the flag lines, their label and a flagged athlete's line
    athlete_line: tuple[int, int, int, int]  # the team chart's other athletes (translucent)

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartTheme:
        return CHART_DARK if is_dark(palette) else CHART_LIGHT


CHART_LIGHT = ChartTheme(planned="#9ecae1", logged="#2171b5", ratio="#e6550d", ewma="#8c2d04",
                         monotony="#8c6bb1", today="#d50000", flag=FLAG_COLOUR,
                         athlete_line=(120, 120, 120, 110))
CHART_DARK = ChartTheme(planned="#5d8fb8", logged="#9ecae1", ratio="#fd8d3c", ewma="#fdd0a2",
                        monotony="#b1a2d8", today="#ff5252", flag="#ff9800",
                        athlete_line=(190, 190, 190, 120))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    def lum(c: QColor) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    lo, hi = sorted((lum(a), lum(b)))
    return (hi + 0.05) / (lo + 0.05)


PLACEHOLDER_CONTRAST = 4.5  # WCAG's for text, against the field's and the list box's ground


def readable_placeholders(palette: QPalette) -> QPalette:
    """``palette`` with its placeholder text ("Choose the injury…") readable at 4.5:1 on a field
    and on a list box, still paler than typed text, and a disabled box's placeholder as pale as
    its disabled text. Qt's light palette gave both the same half-transparent black: an empty
    Protocol box to choose from read like the disabled Stage box under it."""
    out = QPalette(palette)
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for g in (group.Active, group.Inactive):
        grounds = [palette.color(g, role.Base), palette.color(g, role.Button)]
        text = palette.color(g, role.Text)
        ground = palette.color(g, role.Base)
        colour = text
        for step in range(60, -1, -5):  # as pale as reads: from 60 % towards the ground
            colour = blend(text, ground, step / 100)
            if all(contrast(colour, x) >= PLACEHOLDER_CONTRAST + 0.1 for x in grounds):
                break
        out.setColor(g, role.PlaceholderText, colour)
    out.setColor(group.Disabled, role.PlaceholderText, palette.color(group.Disabled, role.Text))
    return out


def dark_palette() -> QPalette:
    """A dark Fusion palette (the platform's own when it has one is preferred)."""
    p = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e8e8e8")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor("#262626"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3a3a"), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: QColor("#333333"),
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#ff5252"),
        QPalette.ColorRole.Link: QColor("#7fb4ff"), QPalette.ColorRole.Highlight: QColor("#2f6fd0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.PlaceholderText: QColor("#8a8a8a"),
        QPalette.ColorRole.Mid: QColor("#444444"), QPalette.ColorRole.Dark: QColor("#151515"),
        QPalette.ColorRole.Light: QColor("#505050"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return readable_placeholders(p)


class SteadyDocks(QProxyStyle):
    """The style with the main window's panels moved at once, not slid (no widget animation).

    Qt slides a dock or a dock's tab bar to its place with an animation that is a child of it;
    Qt 6 deletes tab bars the layout no longer uses while their slide runs, and the slide's end
    then shows the tab bar being deleted: the app died with a segmentation fault (exit 139). A
    saved layout with tabbed panels, restored on a laptop screen with a message box at start-up
    ("Opened, with notes"), met it every time. Without the slide the layout places the panels
    in one step and no animation is made."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802 - Qt API
        if hint == QStyle.StyleHint.SH_Widget_Animation_Duration:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def steady_style(name: str = "") -> QStyle:
    """``name``'s style (the platform's when empty) as :class:`SteadyDocks`."""
    return SteadyDocks(name) if name else SteadyDocks()


def style_name(style: QStyle | None) -> str:
    """The name of ``style``, of the style under a :class:`SteadyDocks` ("fusion")."""
    if isinstance(style, QProxyStyle) and style.baseStyle() is not None:
        return style.baseStyle().name()
    return style.name() if style is not None else ""


def keep_docks_steady(app) -> None:
    """The application's style made :class:`SteadyDocks` (once; the style it has stays under it)."""
    if not isinstance(app.style(), SteadyDocks):
        app.setStyle(steady_style(style_name(app.style())))


THEMES = {"system": "&System", "light": "&Light", "dark": "&Dark"}  # View ▸ Theme


class Themes:
    """The application's light or dark look: the system's (``"system"``: a dark Fusion palette
    when the system is in dark mode and the style stayed light), or the coach's ``"light"`` or
    ``"dark"`` whatever the system says (View ▸ Theme: a Linux laptop without a desktop theme
    plugin never passed its dark mode on). The palette and style the app started with are the
    light ones (or the system's own dark ones, kept for Dark); ``hints``: the style hints to
    follow (the application's by default), followed again when the system switches."""

    def __init__(self, app, hints=None, choice: str = "system"):
        self.app = app
        self.hints = hints if hints is not None else QGuiApplication.styleHints()
        self.start_palette = QPalette(app.palette())
        self.start_style = style_name(app.style())
        self.choice = choice if choice in THEMES else "system"
        self.apply()
        self.hints.colorSchemeChanged.connect(self.apply)

    def choose(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else "system"
        self.apply()

    def wants_dark(self) -> bool:
        if self.choice != "system":
            return self.choice == "dark"
        scheme = self.hints.colorScheme()
        if scheme == Qt.ColorScheme.Unknown:
            return is_dark(self.start_palette)
        return scheme == Qt.ColorScheme.Dark

    def apply(self, *_args) -> None:
        dark, started_dark = self.wants_dark(), is_dark(self.start_palette)
        if dark == started_dark:  # the style's own (light, or the platform's dark)
            style, palette = self.start_style, self.start_palette
        elif dark:
            style, palette = "Fusion", dark_palette()
        else:  # the system started the app dark: Fusion's own light palette
            style = "Fusion"
            palette = QStyleFactory.create("Fusion").standardPalette()
        if style and style_name(self.app.style()).lower() != style.lower():
            self.app.setStyle(steady_style(style))
        self.app.setPalette(readable_placeholders(palette))


def follow_system_scheme(app, hints=None) -> Themes:
    """Use a dark palette when the system is in dark mode and the style stayed light.

    Connected to ``colorSchemeChanged``, so switching the system's mode while the app runs
    switches the app too. The board and legend repaint on the palette change. ``hints``: the
    style hints to follow (the application's by default). The :class:`Themes` that follows it
    is kept on the application (``app_themes``) for View ▸ Theme.
    """
    themes = Themes(app, hints)
    _KEPT[id(app)] = themes
    return themes


_KEPT: dict[int, Themes] = {}


def app_themes(app) -> Themes:
    """The application's :class:`Themes` (made following the system when there is none yet)."""
    themes = _KEPT.get(id(app))
    if themes is None or themes.app is not app:
        themes = follow_system_scheme(app)
    return themes
