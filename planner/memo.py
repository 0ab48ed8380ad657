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


__all__ = ["by_identity"]
