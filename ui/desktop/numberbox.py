"""A number box that reads what is typed itself (:class:`RangeSays`): the Rules panel's rule
values and the What-if form's "Change a rule value"."""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox

_TYPED = re.compile(r"([+-]?)(\d*)(?:([.,])(\d*))?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:([.,])\d{3})+(?:[.,]\d*)?")


class RangeSays:
    """A rule's value box reads what is typed itself, so that nothing typed is half applied or
    misread: a number outside the range stays in the box as typed (Qt would refuse the keystroke,
    leaving "30" of a typed "300", or "5" of "-5", to be applied), and on Enter or leaving the box
    it is said once (``refused``) and the rule keeps its value. A decimal comma reads as a point
    and more decimals than the box shows are rounded (1,45 is 1.45; 1.234 is 1.23); a number that
    may hold a thousands separator ("20,000" in a whole-number box: 20000 or 20?) is refused with
    both readings, never guessed (Qt read "4,5" as 45)."""

    refused = None  # set per box: a callable (typed text, what is wrong, the fix)
    _said: str | None = None  # the text last refused (said once, not at every commit signal)

    def _read(self, text: str) -> tuple[float | None, str | None]:
        """(the number typed, None) or (None, what is wrong with the text); (None, None): empty."""
        t = text.strip()
        unit = self.suffix().strip()  # "95 min" as the box shows it
        if unit and t.endswith(unit):
            t = t[:-len(unit)].strip()
        if not t:
            return None, None
        m = _TYPED.fullmatch(t)
        if m is None or not (m[2] or m[4]):
            if _GROUPED.fullmatch(t) or ("," in t and "." in t):
                return None, "has a thousands separator"
            return None, "is not a number"
        sign, whole, sep, frac = m[1], m[2] or "0", m[3], m[4] or ""
        if len(whole.lstrip("0")) > 15:  # far outside any range (and float() would reach inf)
            return None, "is outside"
        if (sep and len(frac) == 3 and int(whole) != 0
                and (isinstance(self, QSpinBox) or self.maximum() >= 1000)):
            big, small = f"{sign}{int(whole + frac)}", f"{sign}{int(whole)}.{frac}"
            return None, f"could be {big} or {small.rstrip('0').rstrip('.')}"
        return float(f"{sign}{whole}.{frac or 0}"), None

    def _taken(self, number: float) -> float | None:
        """The box's value for ``number`` when it takes it, else None."""
        if isinstance(self, QSpinBox):
            if number != int(number):
                return None
            value = int(number)
        else:
            value = round(number, self.decimals())
        return value if self.minimum() <= value <= self.maximum() else None

    def validate(self, text: str, pos: int):
        if text != self._said:
            self._said = None
        number, _ = self._read(text)
        if number is not None and self._taken(number) is not None:
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)  # said and undone on commit (fixup)

    def valueFromText(self, text: str):  # noqa: N802 - Qt's name
        number, _ = self._read(text)
        value = None if number is None else self._taken(number)
        return value if value is not None else self.value()

    def problem(self, text: str) -> tuple[str, str] | None:
        """(what is wrong, the fix) of a typed ``text`` the box does not take; None when it
        takes it, or it is empty."""
        typed = text.strip()
        number, why = self._read(typed)
        if not typed or (number is not None and self._taken(number) is not None):
            return None
        fix = "type a value in that range"
        if why is None:
            if isinstance(self, QSpinBox) and number != int(number):
                why, fix = "is not a whole number", "type a whole number in that range"
            else:
                why = "is outside"
        elif why not in ("is not a number", "is outside"):  # a thousands separator, or perhaps one
            fix = "type it without a thousands separator"
        return why, fix

    def fixup(self, text: str):
        typed = text.strip()
        if typed and self.refused is not None and typed != self._said:
            said = self.problem(typed)
            if said is not None:  # validate takes a number in range, so Qt asks only outside it
                self._said = text
                self.refused(typed, *said)
        return text  # as typed: Qt's own fixup drops a comma ("4,5" became 45)
