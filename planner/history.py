"""What happened: the logged sessions read as the past of a plan (rules-spec.md section 9).

For a day before ``today`` the plan's intensity is the highest level at or below the logged top
speed when one was logged, otherwise the stored plan's intensity (at most the cap of the stage the
athlete was in: a projected stage change that was not recorded did not happen; 0 on a recorded
flare-up's day and at most 60 on its calm days, RH-FL), otherwise 0. A day logged with no minutes
at all (the coach's way to say "did not train") reached no speed: 0. Minutes played set the role
of a past competition day: LD-1's ``start_from_played`` (45 by default) or more ``start``, fewer
``bench``, 0 ``out`` (:func:`start_minutes`, :func:`role_of_minutes`); without logged minutes
the stored plan's role stands (100 start, 80 bench), and with neither the athlete did not play. A
past match the athlete played is a speed day (an HV exposure when started) whatever speed was
logged: its intensity is 100 (start) or 80 (bench).

Several sessions on one day add up: minutes and load sum, the top speed and the pain are the
day's highest, the minutes played the day's most. The solver writes this past into every plan;
the plan checker reads it again over the plan it checks (a stored plan may be older than the log).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from planner.rules import RuleSet
from planner.season import (
    FIT,
    LEVELS,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    SPEED_DAY,
    Athlete,
    Injury,
    Plan,
    Season,
    Session,
)
from planner.timeline import Timeline

if TYPE_CHECKING:
    from planner.protocols import Protocol
    from planner.rehab import Segment

START_MINUTES = 45  # the default of LD-1's start_from_played (rules-spec.md section 9): read a season's
# own line with start_minutes(season)


PLAYED_AS_PLANNED = {"start": 90.0, "bench": 20.0}  # minutes played by a planned start, bench


def played_as_planned(role: str, minutes: float, start_from: float = START_MINUTES) -> float:
    """The minutes played a match day of ``role`` (``start`` or ``bench``) logs as planned, in a
    session of ``minutes`` (a shorter match, a youth team's 70, is played whole), read against
    the season's start line ``start_from`` (LD-1's ``start_from_played``): a start at least the
    line, so it still reads as a start when the line is above its minutes (100, or 45 over a
    40-minute match), and a bench appearance under it (19 for a line of 20). A start's minutes
    played may so exceed the session's ``minutes``: the session is then as long as them."""
    played = min(PLAYED_AS_PLANNED[role], float(minutes))
    if role == "start":
        return max(played, float(start_from))
    if played >= start_from:
        played = max(start_from - 1, start_from / 2)
    return float(played)


def start_minutes(season: Season) -> float:
    """The minutes played from which a logged match counts as started, the season's setting
    (LD-1's ``start_from_played``; :data:`START_MINUTES`, rules-spec.md section 9's 45, by
    default): a basketball starter plays about 30 of 48 minutes."""
    return RuleSet(season.rules).value("LD-1", "start_from_played")


@dataclass(frozen=True)
class LoggedDay:
    """One athlete-day of the log, its sessions folded together."""

    minutes: float
    load: float
    top_pct: float | None  # the highest top speed, as % of the athlete's max speed
    played: float | None  # minutes played in a competition (None: not logged)
    pain: float | None
    sessions: int
    top_level: int | None = None  # the level the day's top speeds reached (:func:`session_level`)
    top_ms: float | None = None  # the highest top speed in m/s (:func:`top_speed_ms`)
    # the RPE logged, as the day's sessions give it: their load over their minutes, or on a day
    # of 0 minutes (a session logged at 0 minutes keeps its RPE 7) the mean of their RPEs
    rpe: float | None = None

    @property
    def au(self) -> int:
        """The day's load in whole AU (:func:`au`). Every reader of a logged load (the solver's
        LD-1, the plan check, the load figures, the words) uses this one value."""
        return au(self.load)


def au(load: float) -> int:
    """A load in whole AU, a half rounded up as a spreadsheet's ROUND does (45 min x RPE 6.5 =
    292.5 -> 293; Python's round() would give 292)."""
    return math.floor(round(load, 6) + 0.5)


def top_speed_pct(s: Session, athlete: Athlete | None) -> float | None:
    """The session's top speed as % of the athlete's max speed (m/s needs a max speed)."""
    if s.top_speed_pct is not None:
        return s.top_speed_pct
    if s.top_speed_ms is not None and athlete is not None and athlete.max_speed:
        return 100.0 * s.top_speed_ms / athlete.max_speed
    return None


def top_speed_ms(s: Session, athlete: Athlete | None) -> float | None:
    """The session's top speed in m/s (a percentage needs the athlete's max speed)."""
    if s.top_speed_ms is not None:
        return s.top_speed_ms
    if s.top_speed_pct is not None and athlete is not None and athlete.max_speed:
        return s.top_speed_pct * athlete.max_speed / 100.0
    return None


_INDEX: dict[int, tuple[tuple, dict[str, list[Session]]]] = {}


def sessions_of(season: Season, athlete: str) -> list[Session]:
    """The athlete's logged sessions, from an index of the season's log built once per log (the
    log is an immutable tuple: the index holds it, so its id cannot be reused while cached)."""
    log = season.sessions
    hit = _INDEX.get(id(log))
    if hit is None or hit[0] is not log:
        by: dict[str, list[Session]] = defaultdict(list)
        for s in log:
            by[s.athlete].append(s)
        if len(_INDEX) >= 8:
            _INDEX.clear()
        hit = _INDEX[id(log)] = (log, dict(by))
    return hit[1].get(athlete, [])


_DAYS: dict[tuple[int, str], tuple[tuple, Athlete | None, Mapping[dt.date, LoggedDay]]] = {}


def logged_days(season: Season, athlete: str) -> Mapping[dt.date, LoggedDay]:
    """The athlete's logged sessions by date, each day's sessions folded together (read-only;
    worked out once per log and athlete: the solver, the plan check and the load figures all
    read it, many times per athlete)."""
    a = season.athlete(athlete)
    key = (id(season.sessions), athlete)
    hit = _DAYS.get(key)
    if hit is not None and hit[0] is season.sessions and hit[1] is a:
        return hit[2]
    out = MappingProxyType(_fold(season, athlete, a))
    if len(_DAYS) >= 512:
        _DAYS.clear()
    _DAYS[key] = (season.sessions, a, out)  # holds the log: its id cannot be reused meanwhile
    return out


def ran_at_least(season: Season, athlete: str, level: int) -> bool:
    """Has the athlete run at ``level`` % or more here: a logged day whose top speed reached it
    (the level it counts as, :func:`session_level`), or a day before today the plan keeps at it
    (what RH-11 counts as run without a log)? A signing's first day here has neither."""
    if any(d.top_level is not None and d.top_level >= level
           for d in logged_days(season, athlete).values()):
        return True
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    return ap is not None and any(v >= level for v in ap.intensity[: Timeline(season).p0])


def _fold(season: Season, athlete: str, a: Athlete | None) -> dict[dt.date, LoggedDay]:
    by_day: dict[dt.date, list[Session]] = defaultdict(list)
    for s in sessions_of(season, athlete):
        by_day[s.date].append(s)
    out = {}
    for day, ss in by_day.items():
        tops = [t for t in (top_speed_pct(s, a) for s in ss) if t is not None]
        speeds = [t for t in (top_speed_ms(s, a) for s in ss) if t is not None]
        levels = [v for v in (session_level(s, a) for s in ss) if v is not None]
        played = [s.minutes_played for s in ss if s.minutes_played is not None]
        pains = [s.pain for s in ss if s.pain is not None]
        out[day] = LoggedDay(sum(s.minutes for s in ss), sum(s.load for s in ss),
                             max(tops) if tops else None, max(played) if played else None,
                             max(pains) if pains else None, len(ss),
                             max(levels) if levels else None, max(speeds) if speeds else None,
                             _day_rpe(ss))
    return out


def _day_rpe(ss: list[Session]) -> float:
    """The RPE of a day's sessions: their load over their minutes, to one decimal (60 min at RPE
    4 and 30 at 5: 4.3); on a day of 0 minutes the mean of the RPEs logged."""
    minutes = sum(s.minutes for s in ss)
    if minutes:
        return round(sum(s.load for s in ss) / minutes, 1)
    return round(sum(s.rpe for s in ss) / len(ss), 1)


# A top speed logged as a speed (m/s, or km/h read as m/s) counts as a level it misses by no more
# than the rounding of the speed a coach copies: the handouts print each level's speed to 0.1 m/s
# (95 % of 9.7 m/s: "9.2 m/s", 94.85 %) and a GPS export gives 0.1 km/h (95 % of a 32.0 km/h max
# logged as 30.4 km/h reads 94.88 %); read as 90 either held a rehab athlete's sprint ladder back
# a step after the very run the handout asked for. A top speed logged as a percentage is read as
# rules-spec section 9 says: the highest level at or below it (89.6 % is the 80 % level).
SPEED_ROUNDING_MS = 0.05


def session_level(s: Session, athlete: Athlete | None) -> int | None:
    """The intensity level a session's logged top speed reached (None: no top speed, or m/s
    without the athlete's max speed): :func:`level_at_or_below` of its % of max, a speed logged
    in m/s given :data:`SPEED_ROUNDING_MS` of rounding."""
    pct = top_speed_pct(s, athlete)
    if pct is None:
        return None
    if s.top_speed_pct is not None or athlete is None or not athlete.max_speed:
        return level_at_or_below(pct)
    return level_at_or_below(pct, 100.0 * SPEED_ROUNDING_MS / athlete.max_speed)


def went_otherwise(stage: str, planned: int, level: int) -> bool:
    """Is a past day whose level ``level`` differs from the ``planned`` one worth saying as "went
    otherwise" (the board's corner, the Inspector, the handouts)? Not a fit athlete's day below
    its ceiling when neither is a speed day: "team training up to 70 %" logged at 68 % counts as
    the 60 % level, which no rule reads differently from 70 %, and the coach chased a phantom.
    A day with no running (0) where running was planned did go otherwise: a player ill on a
    training day read "done as planned". The same level never went otherwise."""
    return level != planned and not (stage == FIT and 0 < level <= planned < SPEED_DAY)


def level_at_or_below(pct: float, rounding: float = 0.0) -> int:
    """The highest intensity level at or below ``pct`` % (0 below 60); ``rounding``: how far
    (in % of max speed) a level may be missed by the rounding of the speed logged and count as
    reached (:func:`session_level`)."""
    return max((lv for lv in LEVELS if lv <= pct + rounding + 1e-9), default=0)


def starts_read_as_bench(season: Season, sessions) -> list[str]:
    """One note (or none) for a log being added to ``season``: when most of the match days its
    ``sessions`` log minutes played for, and the stored plan had as starts, fall under the
    season's start line (:func:`start_minutes`), so the rules read them from the bench (a
    basketball starter's 32 of 48 minutes under football's 45): the count, the minutes logged and
    the setting to change. More than half of three or more such days, counted per athlete and
    match day (one basketball match with 5 starters is 5); a starter subbed early now and then is
    no note. The value advised is the shortest of the bulk of the short starts (not under half
    their lower median), in whole minutes; shorter ones are named as far shorter than the rest."""
    from planner.rules import RULES
    from planner.text import join_and

    if season.plan is None:
        return []
    tl = Timeline(season)
    played: dict[tuple[str, int], float] = {}
    for s in sessions:
        d = tl.index(s.date)
        if s.minutes_played is None or d is None or d >= tl.p0 or not tl.is_comp[d]:
            continue
        played[(s.athlete, d)] = max(played.get((s.athlete, d), 0.0), s.minutes_played)
    line = start_minutes(season)
    planned = []  # the minutes logged on the days the plan had as starts
    for (athlete, d), m in played.items():
        ap = season.plan.for_athlete(athlete)
        if (ap is not None and len(ap.intensity) == tl.n and ap.stages[d] == FIT
                and ap.intensity[d] == PLAY_LEVEL["start"]):
            planned.append(m)
    short = sorted(m for m in planned if 0 < m < line)
    if len(planned) < 3 or 2 * len(short) <= len(planned):
        return []
    name = RULES["LD-1"].param("start_from_played").label
    lo, hi, bench = short[0], short[-1], PLAY_LEVEL["bench"]
    got = f"{lo:g} min" if lo == hi else f"{lo:g} to {hi:g} min"
    # the advice comes from the bulk of the short starts, not the shortest (a starter hurt
    # after 2 minutes gave "2 or less", which makes every cameo a start): the shortest start
    # not under half their lower median, in whole minutes (the setting is an integer)
    median = short[(len(short) - 1) // 2]
    odd = [m for m in short if m < median / 2]
    advice = max(1, math.floor(min(m for m in short if m >= median / 2)))
    if odd:
        got += (f"; {join_and([f'{m:g}' for m in odd])} min far shorter than the rest, "
                f"a starter taken off early, say")
    many = f"All {len(planned)}" if len(short) == len(planned) else f"{len(short)} of the {len(planned)}"
    return [f"{many} match days the plan had as starts were logged "
            f"with fewer than {line:g} minutes played ({got}), so they count as from the bench "
            f"({bench} %, no high-velocity exposure). If a start is shorter in your sport, set "
            f"LD-1's \"{name[:1].upper() + name[1:]}\" to {advice} or less (Rules panel, or periodize record "
            f"FILE --rule LD-1.start_from_played=MINUTES --save), then re-plan"]


def role_of_minutes(minutes: float, start_from: float) -> str:
    """The role ``minutes`` played give a past match: ``start`` from ``start_from`` minutes on
    (:func:`start_minutes` of the season), ``bench`` below, ``out`` for 0."""
    return "start" if minutes >= start_from else "bench" if minutes > 0 else "out"



@dataclass(frozen=True)
class Past:
    """An athlete's days before ``today``: intensity and whether (and how) a match was played."""

    intensity: tuple[int, ...]
    played: tuple[bool, ...]  # a competition day the athlete played (start or bench)


def not_played_level(level: int) -> int:
    """The level a top speed logged on a competition day not played counts as: 100 and 80 mean
    playing there, so one level lower (95, 70; docs/semantics.md); any other level as it is."""
    return {PLAY_LEVEL["start"]: 95, PLAY_LEVEL["bench"]: 70}.get(level, level)


def counted_lower_why(got: LoggedDay | None, level: int, stage: str, comp_day: bool) -> str:
    """Why a past competition day counts a level under its logged top speed
    (:func:`not_played_level`): ``a match played while the records put the athlete in S3 counts a level
    lower``, or for a match not played ``a top speed logged on a match day not played counts a
    level lower``; "" for any other day. ``got``: the day's log, ``level``: the level it counts
    as, ``stage``: the stage the records give it. The Inspector, ``explain`` and the handout say
    the one sentence ("counts as 95 %" under a logged 100 % read as a slip of the log)."""
    from planner.text import rehab_where

    top = got.top_level if got is not None else None
    if got is None or top is None or top == level or not_played_level(top) != level or not comp_day:
        return ""
    if got.played and stage != FIT:
        return f"a match played while the records put the athlete {rehab_where((stage,))} counts a level lower"
    return "a top speed logged on a match day not played counts a level lower"


def past_days(season: Season, athlete: str, stages: tuple[str, ...], tl: Timeline | None = None,
              stored: Plan | None = None) -> Past:
    """The athlete's past (days before p0) from the log and the stored plan; ``stages`` are the
    athlete's stages on those days (only a FIT athlete plays)."""
    tl = tl if tl is not None else Timeline(season)
    p0 = tl.p0
    stored = season.plan if stored is None else stored
    ap = stored.for_athlete(athlete) if stored is not None else None
    plan_it = list(ap.intensity[:p0]) if ap is not None and len(ap.intensity) == tl.n else [0] * p0
    log = logged_days(season, athlete)
    cap = _stage_caps(season, athlete, stages, tl)
    calm = flare_calm_caps(season, athlete, tl)
    start_from = start_minutes(season)
    intensity, played = [], []
    for d in range(p0):
        day = log.get(tl.days[d])
        role = _past_role(tl, d, stages[d], plan_it[d], day, start_from)
        if role in ("start", "bench"):
            intensity.append(PLAY_LEVEL[role])
            played.append(True)
            continue
        played.append(False)
        # on a competition day 100 and 80 mean playing: a match not played that the plan had as
        # played ran no match speed, and a top speed logged in training there counts one level
        # lower (docs/semantics.md). Read before RH-FL's calm days, so the past is the same
        # whichever way and order the facts came (a flare-up recorded before or after the
        # re-plan that read the match as not played)
        if day is not None and day.top_level is not None:
            value = day.top_level
            if tl.is_comp[d]:
                value = not_played_level(value)
        elif day is not None and day.minutes <= 0:
            value = 0  # logged with no minutes (ill, absent): the athlete did not run at all
        else:
            value = plan_it[d]
            if value > cap[d]:
                # as planned, within the stage the athlete was in: a stage change the plan
                # projected that did not happen (not recorded) leaves the athlete under the old
                # stage's cap
                value = level_at_or_below(cap[d])
            if tl.is_comp[d] and (plan_it[d] in PLAYED_LEVELS or value in PLAYED_LEVELS):
                # planned as playing, or capped to a playing level (a stage capped at 80): read
                # again over its own result, a 80 left here would turn into 0 (a fixed point,
                # as the solver writes this past and the plan checker reads it again)
                value = 0
            if d in calm:
                # a flare-up recorded afterwards: the session the plan had that day, or on its
                # calm days, is not taken as done (RH-FL), so it never counts as a pain-free
                # session towards the ladder or the stage's exit
                value = min(value, calm[d])
        intensity.append(value)
    return Past(tuple(intensity), tuple(played))


def as_lived(season: Season, plan: Plan, tl: Timeline | None = None, *,
             stages: bool = False, today: bool = False) -> Plan:
    """``plan`` with every athlete's days before ``p0`` as what happened reads them (section 9):
    the intensity from the log, else the plan's within the stage the injury records give the
    day (:func:`past_days`, as the solver reads it). With ``stages`` the past days' stages are
    the recorded ones too (a projected change nobody recorded did not happen): what a coach is
    shown as "went as planned" before a re-plan. With ``today`` (and ``stages``) today itself,
    the last day a session may be logged, is read so too when the plan's stages had already
    left the records before it (a stale projection: today's stage is the recorded one, its level
    within that stage's cap); a plan whose past agrees keeps today as planned, a stage change it
    plans on today included. ``plan`` itself when nothing differs."""
    from planner.rehab import athlete_stage_on

    tl = tl if tl is not None else Timeline(season)
    p0 = tl.p0
    if p0 <= 0:
        return plan
    athletes, changed = [], False
    for ap in plan.athletes:
        if len(ap.intensity) != tl.n or len(ap.stages) != tl.n:
            athletes.append(ap)  # a plan of another shape: validation says where
            continue
        records = season.injuries_of(ap.athlete)
        past_st = tuple(athlete_stage_on(records, tl.days[d]) for d in range(p0)) if records \
            else ("FIT",) * p0
        past_it = past_days(season, ap.athlete, past_st, tl, stored=plan).intensity
        update = {}
        if tuple(ap.intensity[:p0]) != past_it:
            update["intensity"] = tuple(past_it) + tuple(ap.intensity[p0:])
        if stages and tuple(ap.stages[:p0]) != past_st:
            update["stages"] = past_st + tuple(ap.stages[p0:])
            if today and p0 < tl.n and ap.stages[p0 - 1] != past_st[-1]:
                st0, lv0 = _recorded_day(season, records, tl, p0, ap.intensity[p0])
                update["stages"] = past_st + (st0,) + tuple(ap.stages[p0 + 1:])
                update["intensity"] = (tuple(update.get("intensity", ap.intensity)[:p0]) + (lv0,)
                                       + tuple(ap.intensity[p0 + 1:]))
        if update:
            changed = True
            ap = ap.model_copy(update=update)
        athletes.append(ap)
    return plan.model_copy(update={"athletes": tuple(athletes)}) if changed else plan


def with_planned(stored: Plan | None, new: Plan, tl: Timeline) -> Plan:
    """``new`` remembering, for each day before today, the level ``stored`` planned for it when
    that differs from what happened (``new``'s past): what the board marks as not as planned;
    and the stage, where a stage change recorded afterwards (a flare-up) moved the day's stage,
    so that its planned load stays what was planned, or a projected one was not recorded (its
    days then read within the recorded stage: :func:`planned_level`, docs/load.md). The
    solver's plans and :func:`lived_for_load` use it."""
    if stored is None or tl.p0 == 0:
        return new
    by_id = {ap.athlete: ap for ap in stored.athletes}
    athletes = []
    for ap in new.athletes:
        old = by_id.get(ap.athlete)
        if old is None or len(old.intensity) != len(ap.intensity):
            athletes.append(ap)
            continue
        planned, stages = {}, {}
        for d in range(tl.p0):
            day = tl.days[d]
            was = old.planned.get(day, old.intensity[d])
            if was != ap.intensity[d]:
                planned[day] = was
            was_stage = old.planned_stages.get(day, old.stages[d])
            if was_stage != ap.stages[d]:
                stages[day] = was_stage
        athletes.append(ap.model_copy(update={"planned": planned, "planned_stages": stages}))
    return new.model_copy(update={"athletes": tuple(athletes)})


def reopened(plan: Plan, start: dt.date, today: dt.date) -> Plan:
    """``plan`` after ``today`` moved back to ``today``: the days from it on are planned again, so
    each holds what the plan had planned for it where it had remembered that (``planned``,
    ``planned_stages``: the day went otherwise) and remembers nothing. ``start``: the season's
    first day (the plan's day 0). The log of those days is kept; it counts again once today
    passes them."""
    athletes, changed = [], False
    for ap in plan.athletes:
        later = [d for d in (*ap.planned, *ap.planned_stages) if d >= today]
        if not later:
            athletes.append(ap)
            continue
        changed = True
        intensity, stages = list(ap.intensity), list(ap.stages)
        for day, level in ap.planned.items():
            k = (day - start).days
            if day >= today and 0 <= k < len(intensity):
                intensity[k] = level
        for day, stage in ap.planned_stages.items():
            k = (day - start).days
            if day >= today and 0 <= k < len(stages):
                stages[k] = stage
        athletes.append(ap.model_copy(update={
            "intensity": tuple(intensity), "stages": tuple(stages),
            "planned": {d: v for d, v in ap.planned.items() if d < today},
            "planned_stages": {d: v for d, v in ap.planned_stages.items() if d < today}}))
    return plan.model_copy(update={"athletes": tuple(athletes)}) if changed else plan


def lived_for_load(season: Season, plan: Plan, tl: Timeline | None = None) -> Plan:
    """``plan`` as the load figures read it: its days before today as lived, under the recorded
    stages (:func:`as_lived`), each remembering what the plan had for it. A stored plan whose
    projected stage change was not recorded (today moved on without a re-plan) then prices the
    days just lived at the recorded stage's session, and plans them so (:func:`planned_level`)."""
    tl = tl if tl is not None else Timeline(season)
    lived = as_lived(season, plan, tl, stages=True)
    return plan if lived is plan else with_planned(plan, lived, tl)


def within_recorded_stage(season: Season, athlete: str, day: dt.date, planned: int,
                          tl: Timeline | None = None) -> int:
    """``planned`` read within the stage the records give ``day`` (the stage's cap; a match planned
    as played is not played out of FIT): a past day's level as planned, as the Log greys it once
    a projected stage change was left unrecorded (:func:`as_lived`)."""
    tl = tl if tl is not None else Timeline(season)
    d = tl.index(day)
    if d is None:
        return planned
    return _recorded_day(season, season.injuries_of(athlete), tl, d, planned)[1]


def planned_level(season: Season, ap, day: dt.date, tl: Timeline | None = None) -> int | None:
    """The level planned for a past day as the records now read the plan (None: nothing was
    planned otherwise): the stored plan's level (``AthletePlan.planned``), within the stage the
    records give the day when the plan had projected a stage change nobody recorded. The board,
    the Inspector, the Log, the handouts, ``explain`` and the sessions shown all compare with
    this one figure: the app said "went as planned" of a day the handout said "planned 90 %" of."""
    was = ap.planned.get(day)
    i = (day - season.calendar.start).days
    if was is None or not 0 <= i < len(ap.intensity):
        return None
    if stage_cause(season, ap, day)[0] == "not recorded":
        return within_recorded_stage(season, ap.athlete, day, was, tl)
    return was


def stage_cause(season: Season, ap, day: dt.date) -> tuple[str, dt.date | None]:
    """Why a past day's stage differs from the one the plan had for it: ``("injury", onset)``
    (recorded after the plan), ``("flare-up", date)``, ``("not recorded", None)`` (a stage change
    the plan projected that nobody recorded, or recorded later), or ``("", None)`` (it does not
    differ)."""
    from planner.errors import PeriodizeError
    from planner.protocols import load_protocol
    from planner.rehab import governing, segments

    i = (day - season.calendar.start).days
    planned, stage = ap.planned_stages.get(day), ap.stages[i]
    rec = governing(season.injuries_of(ap.athlete), day) if planned not in (None, stage) else None
    if rec is None:
        return "", None
    k = (rec.onset - season.calendar.start).days
    if 0 <= k < len(ap.stages) and ap.planned_stages.get(rec.onset, ap.stages[k]) == FIT:
        return "injury", rec.onset
    try:
        segs = segments(rec, load_protocol(rec.protocol))
    except PeriodizeError:
        segs = []
    now_seg = [g for g in segs if g.start <= day]
    if now_seg and now_seg[-1].cause == "flare-up" and now_seg[-1].stage == stage:
        return "flare-up", now_seg[-1].start
    return "not recorded", None


def _recorded_day(season: Season, records, tl: Timeline, d: int, planned: int) -> tuple[str, int]:
    """Day ``d``'s recorded stage and ``planned`` within its cap (a match planned as played is
    not played out of FIT)."""
    from planner.rehab import athlete_stage_on

    stage = athlete_stage_on(records, tl.days[d])
    cap = _cap(records, tl.days[d], stage)
    level = planned if planned <= cap else level_at_or_below(cap)
    if tl.is_comp[d] and stage != "FIT" and (planned in PLAYED_LEVELS or level in PLAYED_LEVELS):
        level = 0
    return stage, level


def flared_level(season: Season, athlete: str, day: dt.date) -> int | None:
    """The top speed logged on a flare-up's ``day``, as the level the log reads
    (:func:`session_level`); None when none was logged."""
    got = logged_days(season, athlete).get(day)
    return got.top_level if got is not None else None


def ladder_credit(season: Season, rec: Injury, protocol: Protocol, seg: Segment, sessions: int,
                  flare_levels: int) -> dict[int, int]:
    """RH-11's credit at the reset ``seg`` of ``rec`` (:func:`planner.rehab.reset_credit`), after
    a flare-up below the top speed logged on its day: the one credit the solver, the plan checker,
    explain and the record's notes read."""
    from planner.rehab import reset_credit

    return reset_credit(protocol, seg, set(rec.flare_ups), sessions, flare_levels,
                        flared_level(season, rec.athlete, seg.start))


def calm_window(season: Season, flare: dt.date, athlete: str | None = None,
                tl: Timeline | None = None) -> list[tuple[dt.date, int]]:
    """The days RH-FL keeps calm for a flare-up on ``flare`` (recorded, or proposed by a logged
    pain), each with its highest intensity: 0 on the day, ``CALM_CAP`` on its calm days in the season (up
    to the ``calm_days``-th day after it ``athlete`` trains, :meth:`Timeline.calm_days`; with no
    athlete, the days the team trains)."""
    from planner.rules import CALM_CAP, RuleSet

    tl = tl if tl is not None else Timeline(season)
    days = int(RuleSet(season.rules).value("RH-FL", "calm_days"))
    return [(flare, 0)] + [(tl.days[j], CALM_CAP) for j in tl.calm_days(flare, days, athlete)]


def flare_calm_caps(season: Season, athlete: str, tl: Timeline) -> dict[int, int]:
    """Past days (index -> highest intensity) that RH-FL makes calm (:func:`calm_window`). A past
    day with nothing logged counts at most this."""
    out: dict[int, int] = {}
    for rec in season.injuries_of(athlete):
        for flare in rec.flare_ups:
            for day, cap in calm_window(season, flare, athlete, tl):
                d = (day - tl.start).days
                if 0 <= d < tl.p0:
                    out[d] = min(out.get(d, 100), cap)
    return out


def flare_hold(season: Season, athlete: str, day: dt.date,
               tl: Timeline | None = None) -> tuple[dt.date, int] | None:
    """The latest recorded flare-up whose RH-FL window (:func:`calm_window`: its day and the
    calm days the athlete trains after it) holds ``day``, with the day's highest intensity
    there (0 on the flare-up's day, ``CALM_CAP`` on a calm day); None when no flare-up holds it."""
    tl = tl if tl is not None else Timeline(season)
    held = [(flare, cap) for rec in season.injuries_of(athlete) for flare in rec.flare_ups
            if flare <= day for d, cap in calm_window(season, flare, athlete, tl) if d == day]
    return max(held) if held else None


def level_text(level: int) -> str:
    """``90 %``; 0 as ``0 % (no speed work)``."""
    return f"{level} %" if level else "0 % (no speed work)"


def read_as(season: Season, ap, day: dt.date, was: int, now: int,
            tl: Timeline | None = None) -> str:
    """Why a past day with no top speed logged has a level (``now``) other than the plan's
    (``was``), as :func:`past_days` reads it: a flare-up's day or calm day (RH-FL,
    :func:`flare_hold`), or a stage change recorded after the plan (the recorded stage's cap);
    "" otherwise. Nothing was logged at that level: "logged 0 %" contradicted "no session was
    logged"."""
    from planner.text import day as day_text

    got = logged_days(season, ap.athlete).get(day)
    if got is not None and got.top_pct is not None:
        return ""  # the logged top speed set the level
    level = "no running" if now == 0 else f"{now} %"
    held = flare_hold(season, ap.athlete, day, tl)
    if held is not None and held[0] == day:
        return f"the flare-up's day: counted as no running (RH-FL), planned {level_text(was)}"
    if held is not None and now <= held[1]:
        return (f"a calm day after the flare-up of {day_text(held[0])}: counted as {level} "
                f"(RH-FL), planned {level_text(was)}")
    said = f"read as {ap.stages[(day - season.calendar.start).days]}, {level} (planned {level_text(was)})"
    cause, when = stage_cause(season, ap, day)
    if cause == "injury":
        return f"the injury of {day_text(when)} was recorded after the plan: {said}"
    if cause == "flare-up":
        return f"after the flare-up of {day_text(when)}: {said}"
    return ""


def _stage_caps(season: Season, athlete: str, stages: tuple[str, ...], tl: Timeline) -> list[int]:
    """The cap of the stage held on each past day (100 when fit or the stage is unknown)."""
    records = season.injuries_of(athlete)
    if not records:  # most of a squad: every check and re-plan reads each one's past
        return [100] * len(stages)
    return [_cap(records, tl.days[d], stage) if stage != "FIT" else 100
            for d, stage in enumerate(stages)]


def _cap(records, day: dt.date, stage: str) -> int:
    """The cap of ``stage`` under the record governing ``day`` (100 when fit or unknown)."""
    from planner.errors import PeriodizeError
    from planner.protocols import load_protocol
    from planner.rehab import governing

    rec = governing(records, day)
    if rec is None or stage == "FIT":
        return 100
    try:
        return load_protocol(rec.protocol).cap(stage)
    except (KeyError, PeriodizeError):  # an unknown stage or protocol: validation says where
        return 100


def _past_role(tl: Timeline, d: int, stage: str, planned: int, day: LoggedDay | None,
               start_from: float) -> str | None:
    """The role of a past competition day (None on other days, or when the athlete was not FIT);
    ``start_from``: the season's :func:`start_minutes`."""
    if not tl.is_comp[d] or stage != "FIT":
        return None
    if day is not None and day.played is not None:
        return role_of_minutes(day.played, start_from)
    if day is not None and day.minutes <= 0:
        return "out"  # logged with no minutes at all (ill, absent): did not play either
    if planned == PLAY_LEVEL["start"]:
        return "start"
    if planned == PLAY_LEVEL["bench"]:
        return "bench"
    return "out"


def pre_season_speed_days(season: Season, athlete: str) -> list[int]:
    """Negative day indexes (before the season start) with a logged speed day (a top speed of
    80 % or more): RAMP's gap before the season is then not a gap (rules-spec.md section 3), and
    HV-5 looks back at them across the start as at a past day (section 9)."""
    return sorted(pre_season_speed_levels(season, athlete))


def pre_season_speed_levels(season: Season, athlete: str) -> dict[int, int]:
    """The speed days logged before the season start (:func:`pre_season_speed_days`), each with
    the level it counts as (section 9: the highest level at or below the logged top speed)."""
    start = season.calendar.start
    return {(day - start).days: v.top_level for day, v in logged_days(season, athlete).items()
            if day < start and v.top_level is not None and v.top_level >= SPEED_DAY}
