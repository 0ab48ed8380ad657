"""The squad editor's max-speed box: m/s as the rules read it, km/h as GPS vests report it.

A plain ``QDoubleSpinBox`` of 0-15 m/s dropped what it could not read: "31.5 km/h" became
3.5 m/s, "34.6" 3.6 and "9,6" 9, each accepted without a word, and every sprint target of the
plan is a percentage of this value. Here a comma is a decimal point, a number with "km/h" (or
a bare one from 20, :data:`~planner.season.BARE_KMH_MIN`, which no sprinter reaches in m/s) is
read as km/h and converted, and what cannot be a speed is not taken: above 12.5 m/s, or a
bare number above that and below 20 (``planner.season.FASTEST_MAX_SPEED``, ``BARE_KMH_MIN``).
Such a text stays in the box as typed and :meth:`SpeedBox.problem` says why, in the words of
the coach workbook and a paste: refusing the keystroke that made it (Qt's ``Invalid``) left
"9" of a "99" typed, and the athlete was added at 9.0 m/s without a word; leaving the box
(Tab, Return) put the last speed it read back in, so "12.9" became 12.0 m/s."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from planner.coachform.cells import Bad, parse_max_speed
from planner.season import (
    BARE_KMH_MIN,
    FASTEST_MAX_SPEED,
    KMH_MAX,
    MAX_MAX_SPEED,
    max_speed_from_kmh,
)

_SPEED = re.compile(r"^\s*(\d{0,3}(?:[.,]\d*)?)\s*(k(?:m(?:/(?:h)?|h)?)?|m(?:/(?:s)?)?)?\s*$",
                    re.IGNORECASE)


def read_speed(text: str) -> tuple[float | None, bool]:
    """(m/s, complete) of what was typed: ``(None, True)`` cannot be a speed, ``(None, False)``
    may become one as typing goes on ("9," or "34 k")."""
    m = _SPEED.match(text)
    if m is None:
        return None, True
    number, unit = m[1].replace(",", "."), (m[2] or "").lower()
    if number in ("", "."):
        return None, False
    value = float(number)
    if unit.startswith("k"):
        return (max_speed_from_kmh(value) if value <= KMH_MAX else None), unit in ("km/h", "kmh")
    if unit.startswith("m"):
        return (value if value <= FASTEST_MAX_SPEED else None), unit == "m/s"
    if FASTEST_MAX_SPEED < value < BARE_KMH_MIN:  # neither m/s nor km/h: "15 km/h" may follow
        return None, False
    if value >= BARE_KMH_MIN:  # km/h, as a GPS vest reports it
        return (max_speed_from_kmh(value) if value <= KMH_MAX else None), True
    return value, True


def speed_text(ms: float) -> str:
    """A max speed as the squad shows it: m/s to two decimals, a second decimal of 0 left off
    ("9.2 m/s", "8.75 m/s")."""
    said = f"{ms:.2f}"
    return f"{said[:-1] if said.endswith('0') else said} m/s"


class SpeedBox(QDoubleSpinBox):
    """0 (the special "not measured") to 15 m/s, two decimals; typed text may be km/h.

    Two decimals keep a speed typed in km/h as typed: with one, "31.5 km/h" was stored as
    8.8 m/s (31.7 km/h), and a GPS max of 33.2 km/h typed over a 9.2 m/s max stayed 9.2, so the
    session log's "faster than the max speed on record: update it" came back on every read."""

    refused = Signal(str)  # the box left holding what is no speed: why, with the fix

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(0.0, MAX_MAX_SPEED)
        self.setDecimals(2)
        self.setSingleStep(0.1)
        # the unit is part of the text, not a suffix: typed over, a suffix stayed ("34.6 km/h m/s")
        self.setToolTip("In m/s, or type km/h (\"34.6 km/h\", or any number from 20) and it is "
                        "converted")

    def _typed(self, text: str) -> str:
        text = text.strip()
        if self.specialValueText() and text == self.specialValueText():
            return "0"
        return text

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return speed_text(value)

    def validate(self, text: str, pos: int):  # noqa: D401 (Qt's name)
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        value, complete = read_speed(self._typed(text))
        if value is None:  # kept as typed, said by problem(): never a keystroke dropped unsaid
            return QValidator.State.Intermediate, text, pos
        return (QValidator.State.Acceptable if complete else QValidator.State.Intermediate), text, pos

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt's name)
        value, _complete = read_speed(self._typed(text))
        return round(value, self.decimals()) if value is not None else self.value()

    def fixup(self, text: str) -> str:
        value, _complete = read_speed(self._typed(text))
        return self.textFromValue(value) if value is not None else text

    def problem(self) -> str | None:
        """Why the text in the box is no max speed, with the fix, as the coach workbook and a
        paste say it ("'99' is not a top running speed, in m/s or in km/h; write m/s from 4 to
        12.5 …"); None when it reads as one (or is empty: not measured)."""
        text = self._typed(self.lineEdit().text())
        if not text or read_speed(text)[0] is not None:
            return None
        try:
            parse_max_speed(text)
        except Bad as e:
            return str(e)
        return (f"'{text}' is not a speed; write it in m/s, e.g. 9.2, or in km/h as '33.1 km/h' "
                f"(or leave it empty)")

    def _keeping_typed(self, qt_handler, event) -> None:
        """Qt's handling of ``event`` (leaving the box, Return), which puts the last speed read
        back in for a text that is none: the text kept as typed, and why said (``refused``)."""
        typed = self.lineEdit().text()
        why = self.problem()
        qt_handler(event)
        if why is not None:
            if self.lineEdit().text() != typed:
                self.lineEdit().setText(typed)
            self.refused.emit(why)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._keeping_typed(super().focusOutEvent, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._keeping_typed(super().keyPressEvent, event)
        else:
            super().keyPressEvent(event)
