"""An injured athlete's rehab history, with flare-ups folded in (rules-spec.md sections 4 and 6).

The injury record gives the stage starts (history, the last one is the current stage) and the
flare-ups. A flare-up on day D moves the athlete back one stage from D; a flare-up that comes
within 7 days after an earlier one moves back two stages (docs/rules.md, "Flare-ups"). Each
move restarts the stage's durations and the sprint-ladder progress from D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.protocols import Protocol
from planner.season import FIT, Injury


@dataclass(frozen=True)
class Segment:
    start: dt.date
    stage: str  # a protocol stage or FIT
    cause: str  # "record" or "flare-up"


def stage_order(protocol: Protocol) -> tuple[str, ...]:
    return protocol.stage_ids + (FIT,)


def flare_steps(flare_ups: tuple[dt.date, ...] | list[dt.date], day: dt.date) -> int:
    """Stages a flare-up on ``day`` moves back: 2 if another came in the 7 days before, else 1."""
    earlier = [f for f in flare_ups if dt.timedelta(days=1) <= day - f <= dt.timedelta(days=7)]
    return 2 if earlier else 1


def back(protocol: Protocol, stage: str, steps: int) -> str:
    order = stage_order(protocol)
    return order[max(0, order.index(stage) - steps)]


def segments(injury: Injury, protocol: Protocol, until: dt.date | None = None) -> list[Segment]:
    """Effective stage segments from the records and the flare-ups dated on or before ``until``."""
    events: list[tuple[dt.date, int, object]] = [(r.start, 0, r) for r in injury.stages]
    recorded = {r.start for r in injury.stages}
    # a stage recorded on a flare-up's date already says where the flare-up put the athlete
    events += [(f, 1, f) for f in injury.flare_ups if f not in recorded]
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[Segment] = []
    for day, kind, obj in events:
        if until is not None and day > until:
            break
        if kind == 0:
            out.append(Segment(day, obj.stage, "record"))
        elif out:
            new = back(protocol, out[-1].stage, flare_steps(injury.flare_ups, day))
            out.append(Segment(day, new, "flare-up"))
    return out


def stage_on(injury: Injury, protocol: Protocol, day: dt.date) -> str:
    """The recorded stage on ``day`` (FIT before the onset, INJ before the first record)."""
    if day < injury.onset:
        return FIT
    cur = "INJ"
    for s in segments(injury, protocol, until=day):
        cur = s.stage
    return cur


def future_flare_ups(injury: Injury, after: dt.date) -> list[dt.date]:
    return sorted(f for f in injury.flare_ups if f > after)
