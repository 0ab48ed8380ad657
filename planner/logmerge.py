"""A log read into a season that already has sessions on some of its athlete-days.

Reading a log drops the sessions the season already holds exactly (``planner.sessionlog``); what
is left may still fall on athlete-days with other sessions logged: a second export of the same
week (another tool's numbers for the same training), or a real second session that day. Adding
both silently would count the day twice, so the coach chooses, for those days only:

- ``replace``: the log's sessions replace what was logged on those days;
- ``add``: both count (a second session that day);
- ``skip``: what is logged stays; the log's sessions on those days are left out.

And ``speed`` (:func:`speeds`), for a GPS export without RPE read after the RPE: each row's top
speed goes to the one session logged on its athlete-day, minutes and RPE as logged.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from planner.season import Season, Session
from planner.text import day as day_text
from planner.text import number

POLICIES = ("replace", "add", "skip")  # and "speed": :func:`speeds`


@dataclass(frozen=True)
class Overlap:
    """One athlete-day the log and the season both have (different) sessions on."""

    athlete: str
    date: dt.date
    logged: tuple[Session, ...]  # already in the season
    incoming: tuple[Session, ...]  # from the log

    def text(self, season: Season) -> str:
        return (f"{season.athlete_label(self.athlete)} on {self.date.isoformat()}: logged "
                f"{_sessions(self.logged)}; the log has {_sessions(self.incoming)}")


def _sessions(xs: tuple[Session, ...]) -> str:
    return " + ".join(_one(x) for x in xs)


def _one(x: Session) -> str:
    """``95 min RPE 8, top 31 km/h, played 90 min, pain 2/10, 'tight hip'``: every field a
    coach may have to choose by (two logs of a day can differ only in the top speed or the note)."""
    parts = [f"{number(x.minutes)} min RPE {x.rpe:g}"]  # 72.7 min, as 01:12:40 reads
    if x.top_speed_ms is not None:
        parts.append(f"top {x.top_speed_ms * 3.6:.1f} km/h")
    elif x.top_speed_pct is not None:
        parts.append(f"top {x.top_speed_pct:.0f} %")
    if x.minutes_played is not None:
        parts.append(f"played {number(x.minutes_played)} min")
    if x.pain is not None:
        parts.append(f"pain {x.pain:g}/10")
    if x.note.strip():
        note = " ".join(x.note.split())
        parts.append(repr(note if len(note) <= 40 else note[:39] + "…"))
    return ", ".join(parts)


def overlaps(season: Season, sessions, already=()) -> list[Overlap]:
    """The athlete-days of ``sessions`` (new to the season) that already have other sessions in
    ``season``. ``already``: the log's sessions the season holds exactly so (the reader counts
    them once and leaves them out of ``sessions``); on such a day they are the log's too, so a day
    whose every logged session is among them is no overlap: the log adds a second session to it."""
    have: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for x in season.sessions:
        have[(x.athlete, x.date)].append(x)
    new: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for x in sessions:
        if (x.athlete, x.date) in have:
            new[(x.athlete, x.date)].append(x)
    shared: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for x in already:
        if (x.athlete, x.date) in new:
            shared[(x.athlete, x.date)].append(x)
    out = []
    for key, xs in sorted(new.items()):
        others = list(have[key])
        for x in shared[key]:
            if x in others:
                others.remove(x)
        if others:
            out.append(Overlap(key[0], key[1], tuple(have[key]), tuple(xs + shared[key])))
    return out


class Merge(NamedTuple):
    """What a log adds under a policy: ``sessions`` to add, the athlete-days whose logged
    sessions go first (``replace``), and how many of ``sessions`` are new to the season (a
    replaced day gets back the log's sessions it held already: they are not counted as added)."""

    sessions: tuple[Session, ...]
    replace: tuple[tuple[str, dt.date], ...]
    new: int

    @property
    def added(self) -> tuple[Session, ...]:
        """The sessions new to the season (the re-kept ones come last in ``sessions``)."""
        return self.sessions[:self.new]


def resolve(sessions, found: list[Overlap], policy: str | None) -> Merge:
    """The log's ``sessions`` under ``policy`` on the ``found`` days. Replaced, a day holds exactly
    the log's sessions of that day (those it shared with the season too)."""
    sessions = tuple(sessions)
    if not found or policy == "add":
        return Merge(sessions, (), len(sessions))
    days = {(o.athlete, o.date) for o in found}
    if policy == "replace":
        kept = tuple(x for o in found for x in o.incoming if x not in sessions)
        return Merge(sessions + kept, tuple(sorted(days)), len(sessions))
    if policy == "skip":
        left = tuple(x for x in sessions if (x.athlete, x.date) not in days)
        return Merge(left, (), len(left))
    raise ValueError(f"unknown policy {policy!r}; one of {', '.join(POLICIES)}")


def _pct(season: Season, x: Session) -> float | None:
    """A session's top speed in % of the athlete's max (as given, or from its m/s)."""
    if x.top_speed_pct is not None:
        return x.top_speed_pct
    top = season.athlete(x.athlete).max_speed
    return 100 * x.top_speed_ms / top if x.top_speed_ms is not None and top else None


def speeds(season: Season, sessions) -> tuple[Merge, list[str]]:
    """``--overlap speed``: each of ``sessions``' top speeds (a GPS export read after the RPE)
    given to the one session logged on its athlete-day (the higher of both when it has one;
    minutes, RPE and the rest as logged): the merge, and a problem for each athlete-day with no
    session logged or several (which one the speed belongs to is not known)."""
    have: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for x in season.sessions:
        have[(x.athlete, x.date)].append(x)
    best: dict[tuple[str, dt.date], Session] = {}
    for x in sessions:  # the fastest of an athlete-day's rows
        key = (x.athlete, x.date)
        if key not in best or (_pct(season, x) or 0) > (_pct(season, best[key]) or 0):
            best[key] = x
    updated, problems = [], []
    for (aid, day), x in sorted(best.items()):
        logged = have.get((aid, day), [])
        where = f"{season.athlete_label(aid)} on {day.isoformat()}"
        if len(logged) != 1:
            problems.append(f"{where}: {'no session is' if not logged else f'{len(logged)} sessions are'} "
                            f"logged that day, so its top speed has no session to go to; "
                            + ("import the day's RPE first" if not logged else
                               "type it on the session it belongs to (the app's Log panel)"))
            continue
        (old,) = logged
        if _pct(season, x) is None or (_pct(season, old) or 0) >= _pct(season, x):
            continue  # no speed in the row, or the session's own is as high
        updated.append(old.model_copy(update={"top_speed_ms": x.top_speed_ms,
                                              "top_speed_pct": x.top_speed_pct}))
    return Merge(tuple(updated), tuple((x.athlete, x.date) for x in updated), 0), problems


class MaxSpeeds(NamedTuple):
    """The max speeds a log gives its athletes with none (:func:`max_speeds_from_log`): the
    season with them, the edits that set them (``planner.edits.UpdateAthlete``), and a line
    each saying it."""

    season: Season
    edits: tuple
    lines: tuple[str, ...]


# a fastest more than this above the athlete's next fastest is a typo as likely as a max speed
FAR_ABOVE_NEXT = 0.15


def max_speeds_from_log(season: Season, no_max: dict, source: str = "") -> MaxSpeeds:
    """Each athlete of ``no_max`` (``planner.sessionlog.NoMaxSpeed`` by athlete: a log's top
    speeds in m/s with no max speed to read them against) takes the fastest of them as his max
    speed, to two decimals as the Squad editor stores it. InputError (``source``) when one cannot
    be a max speed (``planner.season.max_speed_problem``: slower or faster than any athlete
    sprints) or lies more than :data:`FAR_ABOVE_NEXT` above his next fastest (a typo as likely
    as his max): neither is taken."""
    from planner.edits import UpdateAthlete
    from planner.errors import InputError

    edits, lines, problems = [], [], []
    for aid, x in no_max.items():
        ms = round(x.fastest, 2)
        who = season.athlete_label(aid)
        of = f"their {x.count} logged sessions" if x.count > 1 else "their one logged session"
        if wrong := _not_a_max(ms, x, of):
            problems.append(f"{who}: {wrong[0]}; check {wrong[1]}, "
                            f"or give their max speed measured (Season ▸ Squad, or periodize record "
                            f"SEASON --max-speed {aid} SPEED)")
            continue
        edits.append(UpdateAthlete(athlete=aid, max_speed=ms))
        when = f" ({day_text(x.day)})" if isinstance(x.day, dt.date) else ""
        lines.append(f"{who}: max speed set to {ms:g} m/s ({ms * 3.6:.1f} km/h), the fastest of "
                     f"{of}{when}; measure it properly when you can")
    if problems:
        raise InputError(source, problems)
    for edit in edits:
        season = edit.apply(season)
    return MaxSpeeds(season, tuple(edits), tuple(lines))


def _not_a_max(ms: float, x, of: str) -> tuple[str, str] | None:
    """Why the fastest ``ms`` of ``x`` (``NoMaxSpeed``, ``of`` his sessions) cannot be taken as
    his max speed, and what to check; None when it can."""
    from planner.season import max_speed_problem

    if wrong := max_speed_problem(ms):
        return (f"the fastest of {of} ({x.words()}) cannot be their max speed: "
                f"{wrong.split(': write')[0]}", "the log's top speed column")
    if x.second is not None and ms > x.second * (1 + FAR_ABOVE_NEXT):
        when = f", {day_text(x.day)}" if isinstance(x.day, dt.date) else ""
        return (f"the fastest of {of}, {ms:g} m/s ({ms * 3.6:.1f} km/h) on {x.row}{when}, is far "
                f"above their next, {x.second:g} m/s, and is not taken as their max speed", x.row)
    return None


def read_taking_max_speeds(read, season: Season) -> tuple[MaxSpeeds, object]:
    """``read(season)``, a log's reader (``planner.sessionlog.read_sessions`` as the place reads
    it); refused for athletes with no max speed, they take the fastest the log gives them
    (:func:`max_speeds_from_log`) and the log is read again with them, as the others' rows. The
    max speeds (none when the log needed none) and the log's ``LogResult``; the reader's
    InputError for any other problem."""
    from planner.sessionlog import LogError

    try:
        return MaxSpeeds(season, (), ()), read(season)
    except LogError as e:
        if not e.no_max:
            raise
        taken = max_speeds_from_log(season, e.no_max, e.source)
    return taken, read(taken.season)


def summary(season: Season, found: list[Overlap], most: int = 5) -> str:
    """``3 athlete-days already have other sessions logged: A04 Jonas Lind on ...; ...``."""
    n = len(found)
    head = (f"{n} athlete-day{'s' if n != 1 else ''} of the log already "
            f"{'have' if n != 1 else 'has'} other sessions logged")
    lines = [o.text(season) for o in found[:most]]
    more = f"; and {n - most} more" if n > most else ""
    return f"{head}: " + "; ".join(lines) + more


__all__ = ["POLICIES", "MaxSpeeds", "Merge", "Overlap", "max_speeds_from_log", "overlaps",
           "read_taking_max_speeds", "resolve", "speeds", "summary"]
