"""The ``periodize`` command line: no Qt and no OR-Tools at import (the solver is imported by the
commands that solve, the desktop app by ``periodize open``).

``main.py`` holds the parser and the entry point, ``commands.py`` the commands, ``outputs.py``
the files they write and ``whatif.py`` the what-if command.
"""

from ui.cli.commands import EXIT_INFEASIBLE, EXIT_INPUT, EXIT_NO_PLAN, EXIT_OK, EXIT_VIOLATIONS
from ui.cli.main import build_parser, main

__all__ = ["EXIT_INFEASIBLE", "EXIT_INPUT", "EXIT_NO_PLAN", "EXIT_OK", "EXIT_VIOLATIONS", "build_parser", "main"]
