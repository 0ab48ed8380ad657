"""What the solver takes and gives back; nothing here touches OR-Tools."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import StrEnum

from planner.season import Plan, Season


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    CANCELLED = "cancelled"
    TIMEOUT = "timeout"


# A re-plan kept around a change (solver.whatif: a what-if, a weekly advance): optimal within the
# neighbourhood, stored as "feasible" without a bound. A whole-season solve that found a plan
# always has one (CP-SAT's), so a plan so stored is known by it.
NEIGHBOURHOOD_WORDS = ("the best plan that changes only what the change reaches (the rest kept "
                       "as planned), so no bound for the whole season")


def neighbourhood_plan(status: str, bound: float | None) -> bool:
    """Whether a plan's status and bound are a re-plan's kept around its change."""
    return status == Status.FEASIBLE.value and bound is None


@dataclass(frozen=True)
class SolveRequest:
    season: Season
    time_limit: float = 30.0  # seconds of wall time
    # one search thread: the same plan on every run and machine, slower on large squads
    deterministic: bool = False
    workers: int = 0  # > 0: the plain parallel portfolio with that many workers (not reproducible)
    reference: Plan | None = None  # the plan a what-if re-plan should change least (STAB)
    seed: int = 1
    hint: Plan | None = None  # a plan to start the search from (default: the reference)
    frozen: frozenset[str] = frozenset()  # athletes taken from the reference as they are (re-plans)
    keep_stored: bool = True  # the season's stored plan wins ties (and is the search's start)
    # the time an infeasible season's explanation may take (None: half the time limit, 5 s at
    # least); a re-plan's whole-season search, given what its first search left, passes what a
    # solve of the re-plan's limit has, so 'record' names the rules 'solve' names
    explain_time: float | None = None

    def explanation_time(self) -> float:
        """The time an infeasible season's explanation may take: :attr:`explain_time`, else
        half the time limit, 5 s at least."""
        return self.explain_time if self.explain_time is not None else max(5.0, self.time_limit / 2)


@dataclass(frozen=True)
class Progress:
    objective: float
    bound: float
    elapsed: float
    solutions: int


@dataclass(frozen=True)
class Conflict:
    """One hard-rule instance in an infeasibility explanation."""

    rule: str
    athlete: str | None
    start: str
    end: str
    text: str


@dataclass(frozen=True)
class Remedy:
    """A fact the coach can record that gives an infeasible season a plan again, found with the
    explanation. ``kind`` "stage": an athlete still in the stage held today when its maximum has
    run out is recorded in it from ``date`` (``planner.edits.RecordStage``), so its days count
    from then. ``kind`` "flare-up": a logged pain that proposes a flare-up (rules-spec.md section
    9) is recorded as one on ``date`` (``planner.edits.RecordFlareUp``; ``stage`` empty).
    ``kind`` "training-days": the team trains on too few days for the rehab of ``stage`` to be
    done by ``date``; more training weekdays is a change of the season's settings, said only
    (no record, no command: :meth:`records` is False). ``kind`` "rule": a rule setting that gives
    a plan (the sprint ladder's days at a level), said only too (``stage`` and ``date`` empty).
    ``kind`` "pin": the coach's intensity pin on ``date`` removed or lowered, said only, and
    offered before a rule setting (it changes one day, the setting every athlete's season).
    A way on's ``text`` says its cause first when one is known (the days off, the stage's
    maximum), then what to do."""

    athlete: str
    stage: str
    date: str  # ISO date
    text: str
    kind: str = "stage"

    @property
    def records(self) -> bool:
        """Is it a fact recorded with one click or command (not a change of the settings)?"""
        return self.kind in ("stage", "flare-up")

    def option(self) -> str:
        """The command-line option that records it (``periodize record``); "" when none does."""
        if not self.records:
            return ""
        if self.kind == "flare-up":
            return f"--flare-up {self.athlete} {self.date}"
        return f"--stage {self.athlete} {self.stage} {self.date}"


@dataclass(frozen=True)
class Outcome:
    status: Status
    plan: Plan | None
    objective: float | None = None
    bound: float | None = None
    wall_time: float = 0.0
    penalties: dict[str, int] = field(default_factory=dict)  # soft rule id -> penalty points
    counts: dict[str, int] = field(default_factory=dict)  # soft rule id -> violation instances
    hard: int = 0  # hard-rule violations the plan checker finds in the plan (0 for a solver's plan)
    explanation: tuple[Conflict, ...] = ()
    message: str = ""
    remedies: tuple[Remedy, ...] = ()  # for an infeasible season: what would give it a plan

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))


class StopToken:
    """Cancel a solve from another thread; honoured even before the search starts."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list = []
        self._lock = threading.Lock()

    def request(self) -> None:
        with self._lock:
            self._event.set()
            callbacks = list(self._callbacks)
        for cb in callbacks:
            cb()

    def is_set(self) -> bool:
        return self._event.is_set()

    def on_request(self, cb) -> None:
        with self._lock:
            self._callbacks.append(cb)
            fire = self._event.is_set()
        if fire:
            cb()
