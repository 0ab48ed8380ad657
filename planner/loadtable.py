"""Planned session load of every athlete-day and week (rules-spec.md section 8).

A day's load is minutes x RPE (CR-10) in arbitrary units (AU), from the table of the rule set
(LD-1's parameters, :data:`planner.rules.LOAD_PARAMS`) or, for a rehab stage, from the protocol
template's own ``load`` when it sets one:

- no session (not a training day for the athlete, unavailable, ``INJ``): 0;
- ``FIT`` on a training day: at 0 % a recovery session (30 x 2); at 60/70, 80 or 90+ % the team
  session, M x RPE 4, 5 or 6, where M is the session length of the athlete's week kind (load 75,
  deload 45, taper 40 minutes);
- a competition played: started 95 x 8, from the bench 30 x 7; on a day with several
  competitions each one the athlete plays counts, in his role for it (the first, best-role one at
  the day's level; docs/semantics.md, "Several competitions on one day");
- a rehab stage on a training day (any intensity): the stage's minutes x RPE.

A day before ``today`` with a logged session has the logged minutes x RPE instead.

Weeks follow the season's week start. The load **series** of an athlete runs from the first
session logged before the season (when there is one: the weeks from it count, days without a
session at 0; its week's days before it were not logged, and are not in the series:
:func:`series_origin`) to the season's end; a week is **full** when all 7 of its days are in the series
and the athlete is with the squad on each of them, or logged a session in the week
(:func:`counted_weeks`; a day "not in the squad yet" or after he "left the squad" has a load
that is not known, not a rest day's 0, docs/semantics.md). The **chronic** load of a full week
is the mean of the four weeks before it when those four are full, and does not exist otherwise
(LD-1 then does not apply). The plan checker and the solver both read the weeks so.

This module is pure Python (the solver builds LD-1 from :class:`LoadTable` and the same weeks);
the monitoring figures on top of it (EWMA, monotony, strain, flags) are in ``planner/load.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from planner.history import logged_days, planned_level, stage_cause
from planner.protocols import Protocol
from planner.returns import AthleteFacts
from planner.rules import LOAD_STAGES, RuleSet
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    SPEED_DAY,
    WEEKDAYS,
    Plan,
    Season,
    planning_start,
)
from planner.squad import not_with_squad
from planner.timeline import Timeline
from planner.validate import PRE_SEASON_LOG_DAYS

# logged load said beside the plan's (a handout's day, the weekly "logged differs from the
# plan" lines) when the two differ by more than this share
LOAD_NOTED = 0.2

KINDS = ("load", "deload", "taper")


@dataclass(frozen=True)
class LoadTable:
    """The rule set's session-load table (rules-spec.md section 8)."""

    minutes: dict[str, float]  # week kind -> M, the team session's length
    rpe_by_band: tuple[float, float, float]  # RPE of a fit training day at 60/70, 80, 90+
    recovery: tuple[float, float]  # (minutes, RPE) of a fit training day at 0 %
    start: tuple[float, float]  # a competition started
    bench: tuple[float, float]  # a competition from the bench
    stages: dict[str, tuple[float, float]]  # rehab stage -> (minutes, RPE)
    start_from: float  # minutes played from which a logged match is a start (LD-1.start_from_played)

    @classmethod
    def of(cls, rules: RuleSet) -> LoadTable:
        v = rules.value
        return cls(
            minutes={k: v("LD-1", f"minutes_{k}") for k in KINDS},
            rpe_by_band=(v("LD-1", "rpe_70"), v("LD-1", "rpe_80"), v("LD-1", "rpe_90")),
            recovery=(v("LD-1", "minutes_recovery"), v("LD-1", "rpe_recovery")),
            start=(v("LD-1", "minutes_start"), v("LD-1", "rpe_start")),
            bench=(v("LD-1", "minutes_bench"), v("LD-1", "rpe_bench")),
            stages={s: (v("LD-1", f"{s}_minutes"), v("LD-1", f"{s}_rpe")) for s in LOAD_STAGES},
            start_from=v("LD-1", "start_from_played"),
        )

    @classmethod
    def of_season(cls, season: Season) -> LoadTable:
        return cls.of(RuleSet(season.rules))

    def fit_rpe(self, level: int) -> float:
        """The RPE of a fit athlete's team session at ``level`` (> 0)."""
        lo, mid, hi = self.rpe_by_band
        return hi if level >= HV_LEVEL else mid if level >= SPEED_DAY else lo

    def volume_change(self, kind: str) -> int | None:
        """A ``kind`` week's team session against a load week's, in % (-40: 40 % shorter);
        None when a load-week session has no minutes."""
        m, full = self.minutes[kind], self.minutes["load"]
        return None if full <= 0 else round(100 * (m / full - 1))

    def volume_words(self, kind: str, noun: str = "volume") -> str:
        """How a ``kind`` week's team sessions compare with a load week's: ``40 % less volume
        than a load week``, ``20 % more volume …``, ``as much volume …`` (any session lengths
        the rules panel allows, a load week of 0 minutes too)."""
        change = self.volume_change(kind)
        if change is None:
            return "load-week sessions have no minutes to compare with"
        if change == 0:
            return f"as much {noun} as a load week"
        return f"{abs(change)} % {'less' if change < 0 else 'more'} {noun} than a load week"

    def stage_session(self, stage: str, proto: Protocol | None) -> tuple[float, float]:
        """(minutes, RPE) of a training day in rehab ``stage``: the template's own, else the table's."""
        if proto is not None and stage in proto.stage_ids:
            own = proto.stage(stage).load
            if own is not None:
                return own
        return self.stages.get(stage, (0.0, 0.0))

    def match(self, role: str) -> tuple[float, float]:
        """(minutes, RPE) of a competition played in ``role`` (``start``, else the bench)."""
        return self.start if role == "start" else self.bench

    def split(self, *, stage: str, level: int, played: bool, training: bool, available: bool,
              proto: Protocol | None = None, also: tuple[str, ...] = ()) -> tuple[float, float]:
        """``(r, c)``: the day's planned load is ``M(week kind) x r + c`` (r > 0 only for a fit
        athlete's team session). ``also``: the roles of the day's other competitions played
        (``planner.returns.other_matches``), each one's load counted too."""
        if played:
            m, r = self.start if level >= PLAY_LEVEL["start"] else self.bench
            return 0.0, m * r + sum(x * y for x, y in map(self.match, also))
        if not available or not training or stage == INJ:
            return 0.0, 0.0
        if stage == FIT:
            if level <= 0:
                return 0.0, self.recovery[0] * self.recovery[1]
            return self.fit_rpe(level), 0.0
        m, r = self.stage_session(stage, proto)
        return 0.0, m * r

    def day(self, kind: str, **facts) -> float:
        r, c = self.split(**facts)
        return self.minutes[kind] * r + c

    def dose(self, kind: str, **facts) -> tuple[float, float] | None:
        """``(minutes, RPE)`` of the session the day's planned load is made of (None: no load).
        The prescription shows these, so minutes x RPE on a handout is the load it prints."""
        r, c = self.split(**facts)
        if r:
            return self.minutes[kind], r
        if not c:
            return None
        if facts["played"]:
            m, r = self.start if facts["level"] >= PLAY_LEVEL["start"] else self.bench
            also = facts.get("also", ())
            if not also:
                return m, r
            # several matches in a day: their minutes, at the RPE that makes the day's load
            minutes = m + sum(self.match(x)[0] for x in also)
            return minutes, (round(c / minutes, 1) if minutes else r)
        if facts["stage"] == FIT:
            return self.recovery
        return self.stage_session(facts["stage"], facts.get("proto"))

    def describe(self, kind: str, **facts) -> str:
        """``45 min x RPE 6 (deload week)``: how the day's planned load is made, or ``""``."""
        dose = self.dose(kind, **facts)
        if dose is None:
            return ""
        m, r = dose
        stage, level = facts["stage"], facts["level"]
        if facts["played"]:
            roles = ("start" if level >= PLAY_LEVEL["start"] else "bench",) + tuple(facts.get("also", ()))
            if len(roles) > 1:  # several matches in a day: each one's load
                return " + ".join(f"{_n(x)} min x RPE {_n(y)} ({_ROLE_NOTE[role]})"
                                  for role in roles for x, y in [self.match(role)])
            note = _ROLE_NOTE[roles[0]]
        elif stage == FIT and self.split(**facts)[0]:
            note = f"{kind} week" if kind != "load" else ""
        elif stage == FIT:
            note = "recovery"
        else:
            note = f"{stage} rehab session"
        return f"{_n(m)} min x RPE {_n(r)}" + (f" ({note})" if note else "")


def _n(x: float) -> str:
    return f"{x:g}"


_ROLE_NOTE = {"start": "started", "bench": "from the bench"}


# -- an athlete's loads ---------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekLoad:
    start: dt.date  # the week's first day in the series
    days: int  # days of the week in the series (7: a full week)
    load: float
    # the plan's load, what was logged replaced by nothing (days before today too); None for a
    # week wholly before the season (nothing was planned)
    planned: float | None
    logged: float | None  # the logged load of its days (None: nothing logged in the week)
    kind: str | None  # the athlete's week kind (None before the season)
    chronic: float | None  # mean of the four full weeks before (None: not four)
    in_season: bool
    # days of the week whose load is not known: not with the squad, nothing logged (7: a week
    # wholly before he joined or after he left)
    unknown: int = 0
    # days of the week the athlete is away (any unavailability: ill, with his country, on loan)
    absent: int = 0
    # of ``unknown``, the days before the season was first planned, nothing logged in the week
    # (:func:`unplanned_days`): not known because never planned, not because not with the squad
    unplanned: int = 0
    # the logged load of its days in the season (None: nothing logged on them): ``logged`` less
    # what a week holding the season's first day logged before it, where nothing was planned
    season_logged: float | None = None

    @property
    def full(self) -> bool:
        return self.days == 7

    @property
    def counted(self) -> bool:
        """A full week with the squad (or logged) on all 7 days: the chronic load reads it."""
        return self.full and not self.unknown

    @property
    def away(self) -> bool:
        """Wholly not with the squad: no load known, no figure."""
        return self.unknown >= self.days

    @property
    def away_all_week(self) -> bool:
        """Away (any unavailability, not with the squad too) on every day of it: its 0 AU is no
        training week of his (a week away raises no flag, docs/load.md)."""
        return self.absent >= self.days

    @property
    def ratio(self) -> float | None:
        if self.chronic is None or self.chronic <= 0:
            return None
        return self.load / self.chronic


@dataclass(frozen=True)
class AthleteLoad:
    """One athlete's daily load series (see the module's text)."""

    athlete: str
    origin: dt.date  # the series' first day
    season_start: int  # index of the season's first day in the series
    today: int  # index of ``today`` in the series (days before it are the past)
    load: tuple[float, ...]  # per day: the planned load, a logged one before ``logged_until``
    # per day: the plan's load; a past day that went otherwise (the plan's ``planned`` levels):
    # the load planned for it before it happened; pre-season days: 0 (nothing planned)
    planned: tuple[float, ...]
    logged: tuple[float | None, ...]  # per day: the logged load (None: no session logged)
    kinds: tuple[str | None, ...]  # per day: the athlete's week kind (None before the season)
    weeks: tuple[WeekLoad, ...]
    # the first day whose logged session does not count: today (rules-spec.md section 8), or the
    # day after when the monitoring figures count a session already logged today
    logged_until: int = -1
    # per day: its load is not known (not with the squad, nothing logged that counts)
    unknown: tuple[bool, ...] = ()
    # per day: the athlete is away (any unavailability; pre-season days: not)
    absent: tuple[bool, ...] = ()
    # per past season day that went otherwise (its index in the series): what the plan had for it,
    # (level, stage, played) as :func:`planned_past_day` found it; a day not here went as planned
    planned_past_days: Mapping[int, tuple[int, str, bool]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.logged_until < 0:
            object.__setattr__(self, "logged_until", self.today)

    def date(self, k: int) -> dt.date:
        return self.origin + dt.timedelta(days=k)

    def as_logged(self, k: int) -> bool:
        """Whether day ``k``'s ``load`` is the logged one rather than the plan's."""
        return counts_log(self.logged, k, self.logged_until)

    def index(self, day: dt.date) -> int:
        return (day - self.origin).days

    def week_of(self, day: dt.date) -> WeekLoad | None:
        for w in self.weeks:
            if w.start <= day < w.start + dt.timedelta(days=w.days):
                return w
        return None


# a deload or taper week this many points less lighter than its team sessions (a starter's
# two-match deload: 1 % below the load weeks around it, the sessions 40 % shorter) is named with
# its own figure: "Deload week for the team: your week is 2,000 AU, 1 % below ..."
OWN_WEEK_SHORTFALL = 10


@dataclass(frozen=True)
class Lighter:
    """A deload or taper week's load against the nearest full load weeks before and after it
    (:func:`lighter_than_around`): ``load`` the week's, ``change`` in % (-1: 1 % below),
    ``around`` their mean, ``both``: a load week on each side (else the nearest one alone).
    Each week's load as the Load row counts it: logged where logged, else planned. A week with
    sessions logged in it also has the plan's own figures (``planned``, ``planned_change``,
    ``planned_around``: the week's planned load against the same load weeks' planned loads):
    a deload logged at 1,740 AU read "11 % below the load weeks around it" where the plan was
    40 % below, taken for the deload's design. None for a week not logged (one figure)."""

    load: float
    change: int
    around: float
    both: bool
    planned: float | None = None
    planned_change: int | None = None
    planned_around: float | None = None

    @property
    def logged(self) -> bool:
        """The week has sessions logged in it: the plan's figures and the lived ones both."""
        return self.planned_change is not None

    @property
    def around_words(self) -> str:
        """The weeks it is compared with: "the load weeks around it" or "the nearest load week"."""
        return "the load weeks around it" if self.both else "the nearest load week"

    @staticmethod
    def size_words(change: int) -> str:
        """A change in words: "40 % below", "5 % above", "as much as"; every sentence says what
        it compares with after it ("as much as the load weeks around it", :attr:`around_words`)."""
        return f"{abs(change)} % {'below' if change < 0 else 'above'}" if change else "as much as"

    def not_lighter(self, planned: bool = False) -> bool:
        """The week is as heavy as the load weeks around it or heavier (its change 0 % or above):
        the words say so ("this week's matches keep it as heavy as a load week") rather than
        promise a lighter week. ``planned``: of the plan's figure where the week is logged."""
        return (self.planned_change if planned and self.logged else self.change) >= 0

    def barely(self, nominal: int | None, planned: bool = False) -> bool:
        """A lighter week in name only: :data:`OWN_WEEK_SHORTFALL` points or more short of
        ``nominal``, its team sessions' change (``LoadTable.volume_change``: -40, so 30 % below or
        less). The handout's heading ("your week is …") and the why's "the matches and rehab
        sessions keep their length" both ask this: one said it of a week 25 % below, the other
        not. False when the team sessions have no change to compare with (``nominal`` None).
        ``planned``: of the plan's figure where the week is logged (what the plan built in)."""
        change = self.planned_change if planned and self.logged else self.change
        return nominal is not None and change - nominal >= OWN_WEEK_SHORTFALL


def lighter_than_around(series: AthleteLoad, wl: WeekLoad) -> Lighter | None:
    """How much lighter ``wl`` (a week of ``series``) is than the nearest full load weeks
    around it; None with no such week or no load in them. The shorter team sessions of a
    deload or taper week say "40 % less volume", but matches and rehab sessions keep their length,
    so a starter's two-match deload is barely lighter: every word about it reads this figure.
    Each week as lived (``WeekLoad.load``: logged where logged, else planned), as the Load row
    beside it counts: a player benched the week before logged 1,470 AU where 2,020 was planned,
    and the heading's "1 % below" stood over the Load row's "+36 % on the week before". A load
    week he was away on any day of (ill, with his country, not with the squad) is skipped for the
    next one: a week away all of (0 AU) made a planned deload 40 % lighter than the week before
    "20 % above", and a week ill Monday to Friday (300 AU, one session on the Saturday) made a
    deload 40 % lighter than his training weeks "4 % above". A week with sessions logged in it
    has the plan's figures too (``Lighter.planned_change``), against the same weeks' planned
    loads."""
    k = series.weeks.index(wl)

    def trained(w: WeekLoad) -> bool:  # a full load week he was with the squad for every day of
        return w.counted and w.kind == "load" and not w.absent

    before = next((w for w in reversed(series.weeks[:k]) if trained(w)), None)
    after = next((w for w in series.weeks[k + 1:] if trained(w)), None)
    weeks = [w for w in (before, after) if w is not None and w.in_season]
    near = [w.load for w in weeks]
    if not wl.in_season or not near or not (mean := sum(near) / len(near)):
        return None
    lighter = Lighter(wl.load, round(100 * (wl.load / mean - 1)), mean, len(near) == 2)
    plan = [w.planned for w in weeks]
    if wl.logged is None or wl.planned is None or None in plan or not (planned := sum(plan) / len(plan)):
        return lighter
    return replace(lighter, planned=wl.planned, planned_change=round(100 * (wl.planned / planned - 1)),
                   planned_around=planned)


def series_origin(season: Season, logged: dict[dt.date, object], tl: Timeline) -> dt.date:
    """The first day of an athlete's series: the first logged day of the earliest pre-season
    week of the unbroken run of weeks with a logged session that reaches the season's start, else
    the season's first day; never before the earliest day a session can be logged (a week
    reaching before it would count days nobody could log as rest). A pre-season week with nothing
    logged ends the run: one session weeks before the season, with nothing logged since, made the
    weeks between rest and the first season week a spike (ACWR 9.3). The run's first week starts
    on its first logged day, a partial week when that is not the week's first day: its days
    before were not logged, not rest (a coach who started logging on a Saturday had Monday to
    Friday read as 0 AU, the week a chronic load's base and the first season week "+889 %")."""
    before = sorted((d for d in logged if d < tl.start), reverse=True)
    if not before:
        return tl.start
    ws = WEEKDAYS.index(season.calendar.week_start)
    earliest = tl.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    # the week that holds the season's first day (it starts before it when the season starts on
    # another weekday than week_start): its days before the season belong to that week
    first = tl.start - dt.timedelta(days=(tl.start.weekday() - ws) % 7)
    origin = max(earliest, first) if before[0] >= first else tl.start  # before[0]: the latest
    while first > earliest:
        last = first - dt.timedelta(days=1)
        first = max(earliest, last - dt.timedelta(days=6))
        if not any(first <= d <= last for d in before):
            break
        origin = first
    return min((d for d in before if d >= origin), default=origin)


def week_bounds(season: Season, origin: dt.date, n: int) -> list[tuple[int, int]]:
    """(first, last) day indexes (from ``origin``) of the weeks of an ``n``-day series."""
    ws = WEEKDAYS.index(season.calendar.week_start)
    bounds, first = [], 0
    for k in range(1, n + 1):
        if k == n or (origin + dt.timedelta(days=k)).weekday() == ws:
            bounds.append((first, k - 1))
            first = k
    return bounds


def known_from(season: Season) -> dt.date:
    """The first season day whose load the plan knows without a log. A season first planned from
    a ``today`` after its start (File ▸ New's "Plan from today", a coach workbook with a Today)
    holds no plan for its days before it: rules-spec.md section 1 gives them intensity 0, but
    nobody knows what was done (the games played, the sessions run), so where nothing is logged
    their load is not known, not a recovery week's 60 AU a day (every player read "ACWR 6.57" in
    the first week planned). The day is the stored plan's ``planned_from`` (None: the season's
    start, or a plan stored before it was recorded: then the first day the stored plan has any
    athlete at more than 0 %, when the days before it hold a competition nobody played, which
    no plan gives), or, with no plan stored, the planning start; never after the planning start
    (a ``today`` moved back plans the days from it). The solver, the plan checker and the
    monitoring figures read it alike (:func:`unknown_days`), and the solver's plan records it."""
    start, p0 = season.calendar.start, planning_start(season)
    plan = season.plan
    if plan is None:
        first = p0
    elif plan.planned_from is not None:
        first = plan.planned_from
    else:
        first = _first_planned(season, plan, p0)
    return max(start, min(first, p0))


def planned_from(season: Season) -> dt.date | None:
    """What a plan made for ``season`` records as its ``planned_from``: :func:`known_from`, or
    None when that is the season's start (a season planned from its start writes nothing)."""
    first = known_from(season)
    return first if first > season.calendar.start else None


def _first_planned(season: Season, plan: Plan, p0: dt.date) -> dt.date:
    """A stored plan without ``planned_from``: the first day before ``p0`` it has an athlete at
    more than 0 % when a competition day before it has none (nobody played: no day of a plan,
    only the past given nothing), else the season's start."""
    start = season.calendar.start
    rows = [ap.intensity for ap in plan.athletes if ap.athlete not in plan.unplanned]
    n = (p0 - start).days
    if n <= 0 or not rows:
        return start
    end = next((i for i in range(n) if any(i < len(r) and r[i] for r in rows)), n)
    last = start + dt.timedelta(days=end - 1)
    if any(c.date <= last for c in season.competitions if (c.end_date or c.date) >= start):
        return start + dt.timedelta(days=end)
    return start


def unplanned_days(season: Season, origin: dt.date, bounds: list[tuple[int, int]],
                   logged: set[int]) -> list[bool]:
    """Per day of the series from ``origin`` (its weeks ``bounds``): a season day before
    :func:`known_from` (no plan was ever made for it) in a week with no session logged on such a
    day (``logged``: the indexes of the days with a session that counts). A week with one
    counts as a logged pre-season week does, its other days as the plan has them."""
    first = (known_from(season) - origin).days
    begin = (season.calendar.start - origin).days
    out = [False] * (bounds[-1][1] + 1 if bounds else 0)
    for a, b in bounds:
        days = range(max(a, begin), min(b + 1, first))
        if days and not any(k in logged for k in days):
            for k in days:
                out[k] = True
    return out


def unknown_days(season: Season, athlete: str, origin: dt.date, bounds: list[tuple[int, int]],
                 logged: set[int]) -> list[bool]:
    """Per day of the series from ``origin`` (its weeks ``bounds``, :func:`week_bounds`): is the
    athlete's load that day not known, a day not with the squad (``planner.squad.not_with_squad``)
    in a week with no session logged that counts (``logged``: their indexes) on such a day? A
    week whose days not with the squad have sessions logged (his old club's log typed in) counts
    as a logged pre-season week does, its days without a session at 0; sessions logged on his
    days with the squad make nothing known: a signing who joined on Thursday and logged Thursday
    and Friday had his Monday to Wednesday read as rest, and the week a spike's chronic base. A
    day not known is no rest day: the weeks that hold it are not full (:func:`counted_weeks`).
    A day before the season was first planned with nothing logged in its week is one too
    (:func:`unplanned_days`)."""
    away = not_with_squad(season, athlete)
    out = unplanned_days(season, origin, bounds, logged)
    for a, b in bounds:
        days = [k for k in range(a, b + 1) if origin + dt.timedelta(days=k) in away]
        if not any(k in logged for k in days):
            for k in days:
                out[k] = True
    return out


def counted_weeks(bounds: list[tuple[int, int]], unknown: list[bool]) -> list[bool]:
    """Per week (``bounds``, :func:`week_bounds`): does it count for a chronic load, 7 days
    with no day of unknown load (:func:`unknown_days`)? LD-1 in the plan checker and in the
    solver, and the monitoring figures, all read the weeks so."""
    return [b - a == 6 and not any(unknown[a:b + 1]) for a, b in bounds]


def chronic_of(loads: list[float], full: list[bool], k: int) -> float | None:
    """The mean of weeks k-4 .. k-1 when week k and all four are full, else None."""
    if k < 4 or not full[k] or not all(full[k - 4:k]):
        return None
    return sum(loads[k - 4:k]) / 4


def planned_past_day(season: Season, ap, f: AthleteFacts, i: int) -> tuple[int, str, bool] | None:
    """What the plan had for past day ``i`` that went otherwise (None: a day from today on, or
    one that went as planned, ``f``'s as it is): its level, stage and whether it had him play,
    as every place reads it (``planned_level``): a projected stage change nobody recorded did
    not happen, its days planned within the recorded stage; a flare-up or an injury recorded
    afterwards keeps the session planned. ``ap``: the plan as lived, remembering what it had
    (``planner.history.lived_for_load``); the planned load and the review's exposures planned."""
    tl = f.tl
    day = tl.days[i]
    if i >= tl.p0 or (day not in ap.planned and day not in ap.planned_stages):
        return None
    was = planned_level(season, ap, day, tl)
    was = f.it[i] if was is None else was
    was_stage = (None if stage_cause(season, ap, day)[0] == "not recorded"
                 else ap.planned_stages.get(day))
    st = f.st[i] if was_stage is None else was_stage
    return was, st, bool(tl.is_comp[i] and st == FIT and was in PLAYED_LEVELS)


def athlete_load(season: Season, plan: Plan, athlete: str, *, table: LoadTable | None = None,
                 tl: Timeline | None = None, facts: AthleteFacts | None = None,
                 count_today: bool = False) -> AthleteLoad:
    """The athlete's daily load series. ``count_today``: a session already logged on ``today``
    counts too (the monitoring figures: the coach logs tonight's session tonight); the plan's
    loads (LD-1, the plan JSON) count logged sessions before today only (rules-spec.md section 8)."""
    tl = tl or Timeline(season)
    table = table or LoadTable.of_season(season)
    ap = plan.for_athlete(athlete)
    if ap is None:
        raise KeyError(athlete)
    f = facts or AthleteFacts(season, tl, RuleSet(season.rules), ap)
    log = logged_days(season, athlete)
    origin = series_origin(season, log, tl)
    off = (tl.start - origin).days
    n = off + tl.n
    planned = [0.0] * n
    logged: list[float | None] = [None] * n
    kinds: list[str | None] = [None] * n
    for day, v in log.items():
        k = (day - origin).days
        if 0 <= k < n:
            logged[k] = v.au
    # before the season nothing was planned: planned stays 0, what happened is the log
    happened = [logged[k] or 0.0 for k in range(off)] + [0.0] * tl.n
    planned_past_days: dict[int, tuple[int, str, bool]] = {}
    for i in range(tl.n):
        kind = ap.weeks[tl.week_of[i]]
        kinds[off + i] = kind
        facts = {"stage": f.st[i], "available": i not in f.off, "proto": f.proto_of(i)}
        happened[off + i] = planned[off + i] = round(table.day(
            kind, level=f.it[i], played=f.played[i], training=f.train[i], also=f.other_matches(i),
            **facts))
        got = planned_past_day(season, ap, f, i)
        if got is not None:
            # a past day that went otherwise: planned is what was planned for it
            planned_past_days[off + i] = got
            was, st, played = got
            facts["stage"] = st
            planned[off + i] = round(table.day(kind, level=was, played=played,
                                               training=tl.trains(i, st == FIT, played),
                                               also=f.other_matches(i, was, played), **facts))
    today = off + tl.p0
    until = today + 1 if count_today and today < n and logged[today] is not None else today
    load = [logged[k] if counts_log(logged, k, until) else happened[k] for k in range(n)]
    bounds = week_bounds(season, origin, n)
    counted = {k for k in range(until) if logged[k] is not None}
    unknown = unknown_days(season, athlete, origin, bounds, counted)
    absent = [False] * off + [i in f.off for i in range(tl.n)]
    weeks = _weeks(origin, tl, off, load, planned, logged, kinds, until, unknown, absent,
                   unplanned_days(season, origin, bounds, counted))
    return AthleteLoad(athlete, origin, off, today, tuple(load), tuple(planned), tuple(logged),
                       tuple(kinds), weeks, until, tuple(unknown), tuple(absent),
                       MappingProxyType(planned_past_days))


def counts_log(logged: list[float | None] | tuple[float | None, ...], k: int, until: int) -> bool:
    """Whether day ``k`` counts its logged load (rules-spec.md section 8): a session logged on a
    day before ``until`` (today, or the day after when today's session counts)."""
    return k < until and logged[k] is not None


def lived_load(season: Season, plan: Plan, athlete: str, **kw) -> AthleteLoad:
    """:func:`athlete_load` of ``plan`` with its days before today as lived, under the recorded
    stages (``planner.history.lived_for_load``): what the monitoring figures and the week's
    reasons read. A stored plan whose projected stage change was not recorded (today moved on
    without a re-plan) then counts those days at the recorded stage's session, as the plan
    checker and the Log panel do, and plans them so too (``planner.history.planned_level``)."""
    from planner.history import lived_for_load

    ap = plan.for_athlete(athlete)
    if ap is None:
        raise KeyError(athlete)
    one = lived_for_load(season, plan.model_copy(update={"athletes": (ap,)}), kw.get("tl"))
    return athlete_load(season, one, athlete, **kw)


def _weeks(origin, tl, off, load, planned, logged, kinds, until: int, unknown: list[bool],
           absent: list[bool], unplanned: list[bool]) -> tuple[WeekLoad, ...]:
    """The weeks of the series; a week's ``logged`` sums the sessions its ``load`` counts (those
    before ``until``: a session logged on a later day, after today moved back, waits)."""
    bounds = week_bounds(tl.season, origin, len(load))
    sums = [sum(load[a:b + 1]) for a, b in bounds]
    full = counted_weeks(bounds, unknown)
    out = []
    for k, (a, b) in enumerate(bounds):
        logs = [x for x in logged[a:min(b + 1, until)] if x is not None]
        ours = [x for x in logged[max(a, off):min(b + 1, until)] if x is not None]
        out.append(WeekLoad(
            start=origin + dt.timedelta(days=a), days=b - a + 1, load=sums[k],
            planned=sum(planned[a:b + 1]) if b >= off else None, logged=sum(logs) if logs else None,
            kind=kinds[b] if b >= off else None, chronic=chronic_of(sums, full, k),
            in_season=b >= off, unknown=sum(unknown[a:b + 1]), absent=sum(absent[a:b + 1]),
            unplanned=sum(unplanned[a:b + 1]), season_logged=sum(ours) if ours else None))
    return tuple(out)


def season_loads(season: Season, plan: Plan | None = None) -> dict[str, AthleteLoad]:
    """Every athlete's load series for ``plan`` (the season's current plan by default)."""
    plan = plan or season.plan
    if plan is None or not plan.athletes:
        return {}
    tl = Timeline(season)
    table = LoadTable.of_season(season)
    return {ap.athlete: athlete_load(season, plan, ap.athlete, table=table, tl=tl)
            for ap in plan.athletes}


__all__ = ["KINDS", "AthleteLoad", "LoadTable", "Lighter", "WeekLoad", "athlete_load",
           "chronic_of", "counted_weeks", "known_from", "lighter_than_around", "planned_from", "lived_load", "season_loads", "series_origin", "unknown_days",
           "unplanned_days", "week_bounds"]
