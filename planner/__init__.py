"""Periodize domain: the season document, rules, rehab protocols, plans and the plan checker.

Pure Python: this package imports neither Qt nor OR-Tools.
"""

from planner.errors import InputError, PeriodizeError, SaveError

__all__ = ["InputError", "PeriodizeError", "SaveError"]
__version__ = "0.1.0"
