"""Logs never hold athletes' names or diagnoses (issue 15, privacy).

What Periodize logs is an unexpected error with its traceback (``ui.desktop.app``,
``ui.desktop.jobs``). The traceback's frames are source lines; the exception's *message* may
quote the season (``"athletes[3].name: 'Kofi Mensah' ..."``, a protocol, a reason for absence).
:func:`install` sets a log-record factory that keeps each exception's type and frames and
replaces its message (and those of its causes) by its length, for every logger, so no handler
or future log call can leak it. Log messages themselves are written by Periodize as fixed text.
"""

from __future__ import annotations

import logging
import traceback

WITHHELD = "(message not logged: it may name athletes)"
_installed = False


def redacted_traceback(kind, value, tb) -> str:
    """The traceback of an exception (and its causes) with every message withheld."""
    out: list[str] = []
    seen: set[int] = set()
    chain = []
    exc = value
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    for i, exc in enumerate(reversed(chain)):
        if i:
            out.append("\nThe above exception led to the following one:\n\n")
        out.append("Traceback (most recent call last):\n")
        out.extend(traceback.format_tb(exc.__traceback__ if exc is not value else tb))
        out.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {WITHHELD}\n")
    return "".join(out).rstrip("\n")


def install() -> None:
    """Make every log record from now on carry a redacted traceback instead of the exception."""
    global _installed
    if _installed:
        return
    make = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = make(*args, **kwargs)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redacted_traceback(*record.exc_info)
            record.exc_info = None
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
