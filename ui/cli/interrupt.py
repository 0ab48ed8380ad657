"""Ctrl+C while the solver works: the first stops the search (the best plan so far is kept, as
the app's Cancel does), a second quits at once without writing anything (exit status 4).

CP-SAT installs its own SIGINT handler while it searches, which stops the search as if the time
limit had come: the command could not tell an interrupt from a time-out. So SIGINT is blocked in
every thread for the duration (threads started inside inherit the mask) and one thread waits for
it with ``sigtimedwait``: the signal reaches nobody else. Where the platform has no signal masks
(Windows) CP-SAT's handling stays as it is.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

EXIT_NO_PLAN = 4


class Interrupts:
    """What happened while :func:`interruptible` was active."""

    def __init__(self) -> None:
        self.count = 0

    @property
    def interrupted(self) -> bool:
        return self.count > 0


@contextlib.contextmanager
def interruptible(stop=None, what: str = "the search"):
    """Route Ctrl+C to ``stop.request()`` (a :class:`solver.api.StopToken`) while the block
    runs; without ``stop`` the first Ctrl+C quits at once. Yields an :class:`Interrupts`."""
    state = Interrupts()
    if (not hasattr(signal, "pthread_sigmask") or not hasattr(signal, "sigtimedwait")
            or threading.current_thread() is not threading.main_thread()):
        yield state
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    done = threading.Event()

    def wait() -> None:
        while not done.is_set():
            if signal.sigtimedwait({signal.SIGINT}, 0.1) is None:
                continue
            state.count += 1
            if state.count == 1 and stop is not None:
                print(f"\nInterrupted: stopping {what}; the best plan found so far is kept "
                      f"(press Ctrl+C again to quit without writing anything).",
                      file=sys.stderr, flush=True)
                stop.request()
            else:
                print("\nInterrupted: nothing was written.", file=sys.stderr, flush=True)
                os._exit(EXIT_NO_PLAN)

    waiter = threading.Thread(target=wait, name="periodize-sigint", daemon=True)
    waiter.start()
    try:
        yield state
    finally:
        done.set()
        waiter.join()
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
