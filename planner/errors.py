"""Errors a coach can read: each names the place of the problem and the fix."""

from __future__ import annotations


class PeriodizeError(Exception):
    """Base class of every error Periodize shows to a user (never with a traceback)."""


class InputError(PeriodizeError):
    """Bad input: a file, sheet, row or field that cannot be used as it is.

    ``problems`` holds every located problem found (not only the first), each a
    plain sentence that starts with its place, e.g.
    ``"athletes[3].id: 'A07' is used twice; give each athlete a unique id"``.
    """

    def __init__(self, source: str, problems: list[str], more: int = 0, note: str = ""):
        self.source = source
        self.problems = list(problems)
        self.more = more  # problems found but not listed (a long list is cut)
        self.note = note  # said after the problems, not one of them (e.g. "nothing was saved")
        head = f"{source}: " if source else ""
        if len(self.problems) == 1 and not more:
            text = head + self.problems[0]
        else:
            total = len(self.problems) + more
            text = head + f"{total:,} problems" + (f" (the first {len(self.problems)}):" if more
                                                    else ":") + "\n" + "\n".join(
                f"  - {p}" for p in self.problems
            ) + (f"\n  ... and {more:,} more" if more else "")
        if note:
            text += f"\n{note}"
        super().__init__(text)


class SaveError(PeriodizeError):
    """A file could not be written; the previous file is untouched."""
