"""The ``periodize`` command line: no Qt and no OR-Tools at import (the solver is imported by the
commands that solve, the desktop app by ``periodize open``).

``main.py`` holds the parser and the entry point, ``commands.py`` the commands, ``outputs.py``
the files they write and ``whatif.py`` the what-if command.

The package imports none of them itself: ``python -m ui.cli.main`` would find ``ui.cli.main``
imported already and warn. ``build_parser`` and the exit statuses are read from here on first
use; the entry point is ``ui.cli.main:main`` (``ui.cli.main`` is the module).
"""

import time
from importlib import import_module

# the command's start, before the imports of its modules (OR-Tools, pandas, openpyxl: seconds):
# the solve's time "in all" counts them (``ui.cli.main.main``)
STARTED = time.monotonic()

_FROM = {"build_parser": "ui.cli.main", "EXIT_INFEASIBLE": "ui.cli.commands", "EXIT_INPUT": "ui.cli.commands",
         "EXIT_NO_PLAN": "ui.cli.commands", "EXIT_OK": "ui.cli.commands", "EXIT_VIOLATIONS": "ui.cli.commands"}

__all__ = sorted(_FROM)


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module 'ui.cli' has no attribute {name!r}")
    return getattr(import_module(_FROM[name]), name)
