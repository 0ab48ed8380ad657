"""The least rehab a return still needs, counted without the solver (``periodize explain
--return`` when the solver finds no return within the season).

A lower bound: each stage left needs its minimum days (RH-STAGE), the sprint-ladder levels below
its cap on ``sessions_per_step`` days each (RH-11: a level counts only at its level, across the
planned stages since the last reset), then its exit's days at its cap (RH-STAGE), one session a
day on the athlete's training days only (AV-1: the team's training days, not a match day, not
away), at most HV-2's speed days a week (a day at 80 % or more; a deload week allows fewer, which
the count leaves out). Everything else the solver weighs (HV-5's rest days, HV-6/HV-7 around
matches, deload weeks, RH-CRIT's retests, RH-FL's calm days) can only make the return later.
After the season's end the count goes on over the team's training weekdays.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from planner.protocols import StageSpec
from planner.season import FIT, LADDER, SPEED_DAY, WEEKDAYS, Season
from planner.timeline import Timeline


def stage_steps(spec: StageSpec, sps: int, done: dict[int, int], at_cap: int = 0
                ) -> tuple[tuple[int, int], ...]:
    """The rehab days a stage still needs to be left, as (level, days): each sprint-ladder level
    below its cap on ``sps`` days (RH-11) less the days ``done`` at it, then its days at the cap
    (RH-STAGE's exit) less ``at_cap``; none for a stage left by its days alone."""
    if spec.exit_kind != "days_at_cap":
        return ()
    ladder = [(lower, max(0, sps - done.get(lower, 0))) for lower in LADDER if lower < spec.cap]
    steps = [*ladder, (spec.cap, max(0, spec.exit_days - at_cap))]
    return tuple((lvl, n) for lvl, n in steps if n)


def exit_days_needed(spec: StageSpec, lasted: int) -> int:
    """The days a stage that has lasted ``lasted`` days still needs at the least: the rest of its
    minimum, or for an exit of days at its cap the days they take with 48 h between them (HV-5:
    two days at the cap take three), whichever is longer; never more than the stage may last."""
    at_cap = 2 * spec.exit_days - 1 if spec.exit_kind == "days_at_cap" else 0
    return min(spec.max_days, max(1, spec.min_days - lasted, at_cap))


@dataclass(frozen=True)
class OutOfTime:
    """A stage held on ``when`` that cannot end by its maximum: ``longest`` (twice the
    protocol's when a flare-up entered it), ``lasted`` by ``when``, ``needed`` days its exit
    needs at the least from ``when`` (more than the days left; ``lasted`` may be past
    ``longest``: outlasted)."""

    stage: str
    since: dt.date
    when: dt.date
    longest: int
    lasted: int
    needed: int

    def words(self, who: str, by: str) -> str:
        """``Diego Alvarez (N03): in P3 since Mon 19 Jul 2027, 14 days by Mon 2 Aug 2027 (P3 lasts
        at most 21: 7 days left, fewer than the 9 its exit needs at the least)``; ``by``: the
        day's words ("the new start")."""
        from planner.text import day_long, plural

        left = (f": {plural(self.longest - self.lasted, 'day')} left, fewer than the "
                f"{self.needed} its exit needs at the least" if self.lasted < self.longest else "")
        return (f"{who}: in {self.stage} since {day_long(self.since)}, {self.lasted} days by {by} "
                f"({self.stage} lasts at most {self.longest}{left})")

    def restart_words(self, credit: int | None = None) -> str:
        """``P3 restarts on Mon 2 Aug 2027, its sprint ladder counted as done to the stage
        before's cap (RH-11)``: what a record of the stage on ``when`` does. ``credit``: the
        stage before's cap (``Protocol.previous_cap``) when known; below running's first level
        (P1's 0 %, or no stage before) there is no ladder done, and the clause is left out (a P2
        restart after a P1 of no running read "counted as done to the stage before's cap")."""
        from planner.text import day_long

        ladder = credit is None or credit >= LADDER[0]
        return (f"{self.stage} restarts on {day_long(self.when)}" + (
            ", its sprint ladder counted as done to the stage before's cap (RH-11)" if ladder else ""))


def out_of_time(spec: StageSpec, seg, flare_ups, when: dt.date, least: int = 0) -> OutOfTime | None:
    """The stage of segment ``seg`` (:func:`planner.rehab.segments`), held on ``when``, when it
    cannot end by its maximum: the days left fewer than :func:`exit_days_needed` (or ``least``,
    a longer count of its exit work); None while there is room. A stage entered by a flare-up
    (one of ``flare_ups``, the record's, or recorded on one's date) may last twice its
    maximum, as the season's check reads it."""
    from planner.rehab import max_days

    longest = max_days(spec, seg.cause == "flare-up" or seg.start in flare_ups)
    lasted = (when - seg.start).days
    needed = max(exit_days_needed(spec, lasted), least)
    if longest - lasted >= needed:
        return None
    return OutOfTime(seg.stage, seg.start, when, longest, lasted, needed)


@dataclass(frozen=True)
class LeastReturn:
    """What the stages left need at the least, and the first FIT day that count reaches."""

    stages: tuple[str, ...]  # the stages left, the held one first
    slow: int  # running days below SPEED_DAY (the ladder's first levels)
    speed: int  # speed days (ladder levels and days at a cap of 80 % or more)
    sps: int  # RH-11's days at a level before the next
    per_week: int  # HV-2's speed days in a load week
    fit: dt.date  # the first FIT day the count allows

    def words(self, season: Season) -> str:
        """``P1 to S3 need at the least 4 running days below 80 % and 9 speed days: …. Back to
        FIT not before Tue 11 May 2027, after the season ends on Sun 9 May 2027``."""
        from planner.text import day_long

        span = self.stages[0] if len(self.stages) == 1 else f"{self.stages[0]} to {self.stages[-1]}"
        end = season.calendar.end
        when = (f"after the season ends on {day_long(end)}" if self.fit > end else
                "within the season: a rule this count leaves out holds the athlete (HV-5's rest days, "
                "HV-6 and HV-7 around matches, a deload week's speed days, RH-CRIT's retests, "
                "RH-FL's calm days)")
        return (f"{span} need{'s' if len(self.stages) == 1 else ''} at the least "
                f"{self.need_words(season)}. Back to FIT not before {day_long(self.fit)}, {when}")

    def need_words(self, season: Season) -> str:
        """``4 running days below 80 % and 9 speed days: the sprint ladder's levels, 2 days each
        (RH-11), each stage's days at its cap and minimum days (RH-STAGE), at most 2 speed days
        a week (HV-2), on the team's training days only (Mondays to Fridays, AV-1)``."""
        from planner.text import join_and, plural

        need = join_and([x for x in (
            plural(self.slow, "running day") + f" below {SPEED_DAY} %" if self.slow else "",
            plural(self.speed, "speed day") if self.speed else "") if x])
        if not need:
            return "each stage's minimum days (RH-STAGE)"
        return (f"{need}: the sprint ladder's levels, {plural(self.sps, 'day')} each (RH-11), each "
                f"stage's days at its cap and minimum days (RH-STAGE), at most "
                f"{plural(self.per_week, 'speed day')} a week (HV-2), on the team's training days only "
                f"({training_weekdays(season)}, AV-1)")


def training_weekdays(season: Season) -> str:
    """``Tuesdays and Thursdays``: the team's training weekdays, in the week's order."""
    from planner.text import weekdays_words

    return weekdays_words(season.calendar.training_days)


class RehabDays:
    """The athlete's rehab days from a day index on, past the season's end too: the days the team
    trains on ``weekdays`` (indices, 0 = Monday; the calendar's training days unless given), not
    a day off, not a match day, not away (AV-1)."""

    def __init__(self, season: Season, athlete: str, weekdays: Collection[int] | None = None
                 ) -> None:
        self.tl = Timeline(season)
        self.off = self.tl.unavailable(athlete)
        self.tdays = frozenset(self.tl.trained_weekdays if weekdays is None else weekdays)
        self.week_start = WEEKDAYS.index(season.calendar.week_start)

    def on(self, weekdays: Collection[int]) -> RehabDays:
        """The same athlete's rehab days had the team trained on ``weekdays`` (no new timeline)."""
        other = copy.copy(self)
        other.tdays = frozenset(weekdays)
        return other

    def date(self, i: int) -> dt.date:
        return self.tl.start + dt.timedelta(days=i)

    def rehab(self, i: int) -> bool:
        return self.idle(i) is None

    def idle(self, i: int) -> str | None:
        """Why day ``i`` holds no rehab session: ``"match"`` (a competition day of the team, AV-1),
        ``"off"`` (no training day), ``"away"``; None for a rehab day (any training day past the
        season's end)."""
        tl = self.tl
        inside = i < tl.n
        if inside and tl.is_comp[i]:
            return "match"
        if self.date(i).weekday() not in self.tdays or (inside and i in tl.non_training):
            return "off"
        return "away" if inside and i in self.off else None

    def week(self, i: int) -> dt.date:
        d = self.date(i)
        return d - dt.timedelta(days=(d.weekday() - self.week_start) % 7)

    def place(self, steps: Iterable[tuple[int, int]], i: int, per_week: int,
              used: dict | None = None) -> int:
        """The day index after the last session of ``steps`` (level, days; :func:`stage_steps`)
        done from day index ``i``, one a rehab day, a speed day (80 % or more) only while HV-2's
        ``per_week`` is not reached in its week (``used``: the speed days counted a week)."""
        used = {} if used is None else used
        for lvl, n in steps:
            for _ in range(n):
                i = _next_day(self, i, lvl >= SPEED_DAY, used, per_week) + 1
        return i


def least_return(season: Season, athlete: str, protocol, order: tuple[str, ...], held: int,
                 stage_start: int, today: int, done: dict[int, int], at_cap: int
                 ) -> LeastReturn | None:
    """The least the stages from ``order[held]`` (entered on day index ``stage_start``) need from
    day index ``today``: ``done`` the ladder days at each level since the last reset, ``at_cap``
    the days at the held stage's cap (:func:`stage_steps`). None: the team has no training day
    (nothing to count on)."""
    from planner.rules import RuleSet

    rs = RuleSet(season.rules)
    sps = int(rs.value("RH-11", "sessions_per_step"))
    per_week = int(rs.value("HV-2", "max_speed_days"))
    days = RehabDays(season, athlete)
    if not days.tdays or per_week < 1:
        return None
    done, used = dict(done), {}
    slow = speed = 0
    i, start = max(today, stage_start), stage_start
    stages = tuple(s for s in order[held:] if s != FIT)
    for k, stage in enumerate(stages):
        spec = protocol.stage(stage)
        steps = stage_steps(spec, sps, done, at_cap if k == 0 else 0)
        i = days.place(steps, i, per_week, used)
        for lvl, n in steps:
            done[lvl] = done.get(lvl, 0) + n
            slow, speed = slow + n * (lvl < SPEED_DAY), speed + n * (lvl >= SPEED_DAY)
        # the stage is left the day after its last session, or after its minimum days
        i = start = max(i, start + spec.min_days, today)
    return LeastReturn(stages=stages, slow=slow, speed=speed, per_week=per_week,
                       sps=sps, fit=days.date(i))


@dataclass(frozen=True)
class IdleDays:
    """The days from ``start`` to a return that hold no rehab session (AV-1): the team's
    competition days, its days off (a weekday it does not train on, a declared non-training day)
    and the athlete's days away; what the stages left need (:class:`LeastReturn`)."""

    start: dt.date
    days: int  # calendar days from start to the return
    matches: int
    off: int
    away: int
    least: LeastReturn | None  # what the stages left need at the least (None: not counted)
    minimum: int  # the stages' minimum days, added up (calendar days)

    @property
    def idle(self) -> int:
        return self.matches + self.off + self.away

    def words(self, season: Season) -> str:
        """``of the 31 days from Mon 5 Oct to it, 11 have no rehab session (AV-1): 11
        competition days of the team; the stages left need at the least 2 running days below 80 %
        and 10 speed days: … (LeastReturn.need_words), while their minimum days (13 in all) count
        calendar days``; "" without such days."""
        from planner.text import day, join_and, plural

        if not self.idle:
            return ""
        said = join_and([plural(n, one, many) for n, one, many in (
            (self.matches, "competition day of the team", "competition days of the team"),
            (self.off, "day off", "days off"), (self.away, "day away", "days away")) if n])
        line = (f"of the {plural(self.days, 'day')} from {day(self.start)} to it, {self.idle} "
                f"{'has' if self.idle == 1 else 'have'} no rehab session (AV-1): {said}")
        if self.least is not None and self.least.slow + self.least.speed:
            line += (f"; the stages left need at the least {self.least.need_words(season)}, while "
                     f"their minimum days ({self.minimum} in all) count calendar days")
        return line


def idle_days(season: Season, athlete: str, start: dt.date, back: dt.date,
              least: LeastReturn | None, protocol) -> IdleDays:
    """:class:`IdleDays` from ``start`` to ``back`` (the day before it the last), the season's
    days among them, read from its calendar as :class:`RehabDays` reads it (a competition day
    first, then a day off, then a day away): none when ``back`` is ``start`` or before it (a
    return on the season's first day); ``least``: what the stages left need, when counted."""
    days = RehabDays(season, athlete)
    tl = days.tl
    # the season's days from start to the day before back (an end past the season's cut to it)
    first = max((start - tl.start).days, 0)
    end = min((back - tl.start).days, tl.n)
    why = Counter(days.idle(i) for i in range(first, end))
    matches, off, away = why["match"], why["off"], why["away"]
    minimum = sum(protocol.stage(s).min_days for s in least.stages) if least is not None else 0
    return IdleDays(start, max((back - start).days, 0), matches, off, away, least, minimum)


def _next_day(days: RehabDays, i: int, fast: bool, used: dict, per_week: int) -> int:
    """The first rehab day from ``i`` that can hold the session (a speed day: HV-2's weekly cap
    not reached), counted in ``used``."""
    while not days.rehab(i) or (fast and used.get(days.week(i), 0) >= per_week):
        i += 1
    if fast:
        used[days.week(i)] = used.get(days.week(i), 0) + 1
    return i


__all__ = ["IdleDays", "LeastReturn", "RehabDays", "exit_days_needed", "idle_days", "least_return",
           "stage_steps"]
