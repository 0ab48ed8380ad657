"""The season's weeks to choose from, as the board labels them: the handouts' weeks
(``ui.desktop.handouts``) and the Excel plan's (``ui.desktop.exportweeks``) are chosen alike."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox

from planner import text
from planner.timeline import Timeline


def week_label(tl: Timeline, w: int) -> str:
    week = tl.weeks[w]
    return f"Week {w + 1} · {text.span(tl.days[week.first], tl.days[week.last])}"


def current_week(tl: Timeline, today: dt.date | None = None) -> int:
    """The week holding ``today`` (default: the season's today, else its start, as the planner
    reads it), clamped to the season: a season opens on its own week, not the computer's."""
    day = today or tl.season.calendar.today or tl.season.calendar.start
    i = tl.index(day)
    if i is None:
        i = min(tl.p0, tl.n - 1) if day > tl.end or day < tl.start else 0
    return tl.week_of[i]


def board_selection(window) -> tuple[str, dt.date] | None:
    """The (athlete id, day) selected on ``window``'s board, None when none (or no board): the
    week a week choice opens on is the one the coach is looking at."""
    board = getattr(window, "board", None)
    return board.current() if board is not None else None


def week_combo(tl: Timeline, name: str, week: int) -> QComboBox:
    """A choice of the season's weeks as the board labels them ("Week 12 · 14-20 Dec 2026"),
    ``week`` (0-based) chosen: its data is the week's index."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for w in range(len(tl.weeks)):
        combo.addItem(week_label(tl, w), w)
    combo.setCurrentIndex(week)
    return combo


def weeks_span(weeks: list[int]) -> str:
    """The weeks (0-based, in order) in a file's name: "week 3", "week 3-4"."""
    return f"week {weeks[0] + 1}" + ("" if len(weeks) == 1 else f"-{weeks[-1] + 1}")


def chosen_span(first: QComboBox, last: QComboBox) -> list[int]:
    """The weeks from one combo's to the other's (either way round), 0-based, in order."""
    a, b = first.currentData(), last.currentData()
    return list(range(min(a, b), max(a, b) + 1))
