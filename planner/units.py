"""A measured value with its unit, as the pages write it; no imports, so the rule templates
(planner.protocols) and the texts (planner.text) share it without an import circle."""

from __future__ import annotations


def measure(value: float, unit: str) -> str:
    """A test value with its unit as a coach writes it: ``82 %``, ``12 s``, ``4/10``: a space
    before a unit that is a word or a sign, none before a scale ("/10") or no unit."""
    return f"{value:g}{unit}" if not unit or unit.startswith("/") else f"{value:g} {unit}"
