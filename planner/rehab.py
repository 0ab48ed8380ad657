"""An injured athlete's rehab history, with flare-ups folded in (rules-spec.md sections 4 and 6).

The injury record gives the stage starts (history, the last one is the current stage) and the
flare-ups. A flare-up on day D moves the athlete back one stage from D (a player back to full
training goes back to the last stage of the protocol); a flare-up that comes within 7 days after
an earlier one moves back two stages (docs/semantics.md, "Flare-ups"). Each move restarts the
stage's durations and the sprint-ladder progress from D.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from planner.errors import PeriodizeError
from planner.protocols import Protocol
from planner.season import FIT, Injury, Season, planning_start


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


def skipped_stages(protocol: Protocol, held: str, stage: str) -> tuple[str, ...]:
    """The stages between ``held`` and ``stage`` (later in the order) that moving straight from
    one to the other passes over: P1 to FIT skips P2 to S3."""
    order = stage_order(protocol)
    if held not in order or stage not in order or order.index(stage) <= order.index(held):
        return ()
    return order[order.index(held) + 1:order.index(stage)]


# what a flare-up does (rules-spec.md section 6), said alike wherever one is recorded or planned
FLARE_BACK = ("the rehab goes back a stage (two when another flare-up came in the week before); "
              "a player back to full training goes back to the last stage of their injury's "
              "protocol")
# the same in a few words, where a line has no room for the whole of it
FLARE_BACK_SHORT = "back a stage, or to the protocol's last stage when back to full training"


# A stage redone after a flare-up may last this many times its protocol maximum: the ladder
# restarts lower and the calm days come first (docs/semantics.md, "Flare-ups")
FLARE_MAX_FACTOR = 2


def max_days(spec, after_flare: bool) -> int:
    """The most days a stage may last: the protocol's, or twice that when a flare-up entered it
    (one that happened or a what-if's: the same flare-up once it happens)."""
    return spec.max_days * (FLARE_MAX_FACTOR if after_flare else 1)


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


def stage_since(injury: Injury, protocol: Protocol, stage: str, run_first: dt.date,
                day: dt.date, season_start: dt.date) -> dt.date:
    """The day ``stage``, held on ``day`` in a run begun ``run_first``, counts its durations from:
    a record or flare-up that kept the stage restarts them (a flare-up in P1 leaves the athlete in
    P1 and restarts its minimum, rules-spec.md section 6), as RH-STAGE reads it; a run held since
    the season's start, its recorded start before it."""
    segs = segments(injury, protocol, until=day)
    if segs and segs[-1].stage == stage and (
            segs[-1].start > run_first or run_first == season_start):
        return segs[-1].start
    return run_first


def stage_on(injury: Injury, protocol: Protocol, day: dt.date) -> str:
    """The recorded stage on ``day`` (FIT before the onset, INJ before the first record)."""
    if day < injury.onset:
        return FIT
    cur = "INJ"
    for s in segments(injury, protocol, until=day):
        cur = s.stage
    return cur


# -- several records per athlete (rules-spec.md section 4, v2) -----------------------------------
def governing(records: list[Injury], day: dt.date) -> Injury | None:
    """The record that governs ``day``: the latest whose onset is on or before it (records sorted
    by onset), or None before the first onset."""
    out = None
    for r in records:
        if r.onset <= day:
            out = r
        else:
            break
    return out


def recorded_segment(records: list[Injury], day: dt.date) -> Segment | None:
    """The segment of the records (sorted by onset) that holds ``day``: its stage, since when
    and why (a record, a flare-up); None before the first onset or the first stage recorded."""
    rec = governing(records, day)
    segs = segments(rec, _protocol(rec), until=day) if rec is not None else []
    return segs[-1] if segs else None


def played_hurt(records: list[Injury], day: dt.date) -> bool:
    """``day`` is the onset of one of ``records``: a match or session logged that day is where
    the injury happened, neither played in rehab nor a sign that the athlete was back."""
    return any(r.onset == day for r in records)


def athlete_stage_on(records: list[Injury], day: dt.date) -> str:
    """The recorded stage of an athlete with ``records`` (sorted by onset) on ``day``."""
    rec = governing(records, day)
    if rec is None:
        return FIT
    return stage_on(rec, _protocol(rec), day)


def athlete_stages(records: list[Injury]) -> Callable[[dt.date], str]:
    """``day -> athlete_stage_on(records, day)`` for many days of one athlete: each record's
    segments are worked out once, not once a day (a season of logged days asked 97,392 times)."""
    from bisect import bisect_right

    kept: dict[int, tuple[list[dt.date], list[str]]] = {}

    def on(day: dt.date) -> str:
        rec = governing(records, day)
        if rec is None:
            return FIT
        if id(rec) not in kept:
            segs = segments(rec, _protocol(rec))
            kept[id(rec)] = ([s.start for s in segs], [s.stage for s in segs])
        starts, stages = kept[id(rec)]
        i = bisect_right(starts, day)  # segments(until=day) is the first i of them
        return stages[i - 1] if i else "INJ"

    return on


def reset_credit(protocol: Protocol, seg: Segment, flare_dates: set[dt.date], sessions: int,
                 flare_levels: int, flared: int | None = None) -> dict[int, int]:
    """RH-11's credit at a ladder reset: level -> days credited. A stage record credits every level
    up to the previous stage's cap; a flare-up (or a record on a flare-up's date) only the levels up
    to ``flare_levels`` below the new stage's cap, and below ``flared``, the top speed logged on the
    flare-up's day (docs/semantics.md). Use :func:`planner.history.ladder_credit`."""
    from planner.season import LADDER

    if seg.stage not in protocol.stage_ids:
        return {}
    if seg.cause == "flare-up" or seg.start in flare_dates:
        cap = protocol.cap(seg.stage)
        if cap not in LADDER:
            return {}
        top = LADDER.index(cap) - flare_levels
        return {v: sessions for v in LADDER[: top + 1] if below_flared(v, flared)} if top >= 0 else {}
    prev = protocol.previous_cap(seg.stage)
    return {v: sessions for v in LADDER if v <= prev}


def below_flared(level: int, flared: int | None) -> bool:
    """May ``level`` be credited after a flare-up whose session reached ``flared`` %? Only below
    it (None: no top speed logged that day, no bound): a flare at 90 % credits up to 80 %, so
    the first speed day back is at most 90 % (domain RH-4: a breach drops a progression step)."""
    return flared is None or level < flared


def _protocol(rec: Injury) -> Protocol:
    from planner.protocols import load_protocol

    return load_protocol(rec.protocol)


def earliest_start(season: Season, athlete: str, stage: str) -> dt.date | None:
    """The first day ``stage`` can start for the athlete's current record by the minimum days
    (None when the record's protocol has no such stage or it lies before the records)."""
    rec = season.injury_of(athlete)
    if rec is None:
        return None
    try:
        proto = _protocol(rec)
    except PeriodizeError:
        return None
    order = stage_order(proto)
    if stage not in order:
        return None
    segs = segments(rec, proto)
    if not segs:
        return None
    p0 = planning_start(season)
    cur, since = segs[0].stage, segs[0].start
    for seg in segs[1:]:
        if seg.cause == "flare-up" and seg.start >= p0:
            # a flare-up still to come moves back from the stage the plan holds the day before
            # (rules-spec.md section 6), as the solver and the checker read it: at the soonest,
            # the furthest the minimum days reach by then, not the last stage recorded
            held = _reached(proto, order, cur, since, seg.start - dt.timedelta(days=1))
            cur, since = back(proto, held, flare_steps(rec.flare_ups, seg.start)), seg.start
        else:
            cur, since = seg.stage, seg.start
    if order.index(stage) <= order.index(cur):
        return since if stage == cur else None
    while cur != stage:
        since = since + dt.timedelta(days=proto.stage(cur).min_days)
        cur = order[order.index(cur) + 1]
    return since


def _reached(proto: Protocol, order: tuple[str, ...], cur: str, since: dt.date, day: dt.date) -> str:
    """The furthest stage the minimum days take an athlete in ``cur`` from ``since`` by ``day``."""
    while cur != FIT and since + dt.timedelta(days=proto.stage(cur).min_days) <= day:
        since += dt.timedelta(days=proto.stage(cur).min_days)
        cur = order[order.index(cur) + 1]
    return cur
