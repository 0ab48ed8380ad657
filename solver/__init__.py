"""OR-Tools CP-SAT planning of high-velocity exposures, deloads, tapers and rehab stages.

``solve(request, on_progress=None, stop=None) -> Outcome``. Imports planner, never Qt or ui.
"""

from solver.api import Conflict, Outcome, Progress, Remedy, SolveRequest, Status, StopToken


def solve(request, on_progress=None, stop=None):
    from solver.run import solve as _solve  # OR-Tools is imported only when solving

    return _solve(request, on_progress=on_progress, stop=stop)


__all__ = ["Conflict", "Outcome", "Progress", "Remedy", "SolveRequest", "Status", "StopToken", "solve"]
