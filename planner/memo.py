"""Results kept for the seasons last asked about, looked up by identity.

A season is immutable (frozen models holding tuples), so what is worked out from one season
object stays true for it. After one edit the board, Plan Check, the Returns panel and the
Roles grid all ask for the same season's day marks, congested runs and HV-1 runs; the solve's
worker thread works them out before the window accepts its plan, so accepting it does not
freeze the window. Identity, not equality: comparing two seasons field by field costs as much
as working the answer out again.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def by_identity(keyed: int = 1, values: tuple[str, ...] = (), size: int = 4
                ) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Keep ``fn``'s results of its last ``size`` calls, looked up by the identity of its first
    ``keyed`` parameters and the value of the parameters named in ``values`` (however passed).
    The other arguments must follow from the keyed ones (a season's timeline, its day marks).
    Callers must not change what is returned: the next caller gets the same object."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        kept: list[tuple[tuple, tuple, R]] = []  # newest first
        lock = threading.Lock()
        sig = inspect.signature(fn)
        names = list(sig.parameters)[:keyed]

        @wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            # by name, however they were passed: day_marks(s, None, "A1") is day_marks(s, only="A1")
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            objs = tuple(bound.arguments[n] for n in names)
            said = tuple(bound.arguments[n] for n in values)
            with lock:
                for seen, seen_said, value in kept:
                    if seen_said == said and len(seen) == len(objs) \
                            and all(a is b for a, b in zip(seen, objs, strict=True)):
                        return value
            value = fn(*args, **kwargs)
            with lock:
                kept.insert(0, (objs, said, value))
                del kept[size:]
            return value

        call.forget = kept.clear  # type: ignore[attr-defined]  # for tests
        return call

    return wrap


class ByInputs:
    """Results kept by what they are read from, when the season they come from is another
    object but those inputs are not: ``objs`` compared by identity (a season's fields an edit
    did not touch are the same objects), ``values`` by equality (an athlete but for the name).
    The last ``size`` kept; thread-safe. Callers must not change what is returned."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._kept: list[tuple[tuple, tuple, object]] = []  # newest first
        self._lock = threading.Lock()

    def get(self, objs: tuple, values: tuple, default=None):
        with self._lock:
            for seen, said, result in self._kept:
                if said == values and len(seen) == len(objs) \
                        and all(a is b for a, b in zip(seen, objs, strict=True)):
                    return result
        return default

    def put(self, objs: tuple, values: tuple, result) -> None:
        with self._lock:
            self._kept.insert(0, (objs, values, result))
            del self._kept[self.size:]

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


def season_fields(season, not_read: frozenset[str]) -> tuple:
    """The season's fields but ``not_read``, as :class:`ByInputs` compares them (by identity)."""
    return tuple(getattr(season, k) for k in type(season).model_fields if k not in not_read)


def squad_values(season) -> tuple:
    """The squad as :class:`ByInputs` compares it: each athlete by value but for the name (a
    rename changes no mark, no congested run)."""
    return tuple(athlete_values(a) for a in season.athletes)


def athlete_values(a) -> tuple:
    return tuple(v for k, v in a if k != "name")


__all__ = ["ByInputs", "athlete_values", "by_identity", "season_fields", "squad_values"]
