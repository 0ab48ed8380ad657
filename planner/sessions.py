"""From percentages to sessions: the session catalogue and each planned day's prescription.

The plan says, per athlete and day, a stage and an intensity (% of the athlete's max speed). What
a coach hands out is a session. :class:`Prescriber` names the session of every athlete-day from

- the **context**: a match the athlete starts or comes off the bench in, a rest day, a day away,
  recovery after a match the athlete played, activation the day before one, team training, a
  speed session, a **compensation** session (a speed day on MD+1/MD+2 of a match the athlete did
  not play, HV-6), an injured or rehab day (the stage's own content), a flare-up day or one of
  its calm days (RH-FL);
- the **intensity** level of the day and the **week kind** (deload and taper variants);

and gives it the catalogue's content, duration and target RPE, the kicking and change-of-direction
limits of the athlete's stage (the catalogue's own for a fit athlete), and target speeds in m/s and
km/h from the athlete's max speed when it is known.

The catalogue is ``templates/sessions.json`` (documented in ``docs/sessions.md``); a copy named
by the ``PERIODIZE_SESSIONS`` environment variable replaces it. It is checked on load: every
problem is located, and every context and level the planner can produce must have a session
that applies in any week.

Every prescription also carries the day's planned training **load** (minutes x RPE, AU) of
rules-spec.md section 8, from the rule set's load table (:mod:`planner.loadtable`), not from the
catalogue's minutes and RPE: the load is what LD-1 and the load figures (``planner/load.py``)
count, whatever session the catalogue names for the day. :func:`planned_load` is the one place the
exports ask for it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from planner.caution import caution_notes, logged_idle
from planner.errors import InputError, not_a_known_field
from planner.history import logged_days
from planner.loadtable import LoadTable
from planner.protocols import load_protocol
from planner.rehab import played_hurt
from planner.returns import AthleteFacts
from planner.rules import CALM_CAP, RuleSet
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    LADDER,
    LEVELS,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    REHAB_STAGES,
    SPEED_DAY,
    Plan,
    Season,
)
from planner.squad import hv1_exempt, is_absence
from planner.text import above_stage, plural, stage_allows, stepped_down_sentence, weekday_name
from planner.text import day as day_words
from planner.timeline import Timeline

__all__ = ["CONTEXTS", "Catalogue", "Prescriber", "Prescription", "SessionSpec", "load_catalogue",
           "planned_load", "run_speed", "session_ids", "speed_text"]

FORMAT = "periodize-sessions"
ENV = "PERIODIZE_SESSIONS"

_SPEED_LEVELS = tuple(v for v in LEVELS if v >= SPEED_DAY)  # 80, 90, 95, 100
# context -> (what it is, the levels a plan can give it: each needs a session for any week)
CONTEXTS: dict[str, tuple[str, tuple[int, ...]]] = {
    "match": ("a competition the athlete starts (100 %)", (PLAY_LEVEL["start"],)),
    "bench": ("a competition the athlete comes off the bench in (80 %)", (PLAY_LEVEL["bench"],)),
    "rest": ("no training: not a training day, a declared day off, a match the athlete is not in "
             "on a day without training, or a match day in rehab", (0,)),
    "unavailable": ("the athlete is away (an unavailability)", (0,)),
    "recovery": ("a fit athlete's training day at 0 % (no running): the first training day "
                 "after a match the athlete started, or a day the plan gives no running", (0,)),
    "activation": ("a fit athlete's training day up to 70 % the day before a match the athlete "
                   "plays", (60, 70)),
    "team": ("a fit athlete's training day up to 70 % otherwise", (60, 70)),
    "speed": ("a fit athlete's speed day (>= 80 %) that is not a compensation session",
              _SPEED_LEVELS),
    "compensation": ("a fit athlete's speed day on MD+1/MD+2 of a match the athlete did not play "
                     "(HV-6)", _SPEED_LEVELS),
    "injured": ("injured, no rehab stage recorded yet (INJ), on a training day", (0,)),
    "rehab": ("a rehab stage (P1-S3) on a training day: the stage's content, and running or the "
              "sprint ladder at the day's level", (0, 60, 70, 80, 90, 95, 100)),
    "flare-up": ("the day a flare-up is recorded (RH-FL)", (0,)),
    "calm": (f"a calm day after a flare-up (RH-FL: at most {CALM_CAP} %)", (0, CALM_CAP)),
}
WEEK_KINDS = ("load", "deload", "taper")
# the fields a catalogue session may hold ("minutes" and "rpe" only to be refused with their reason)
SESSION_FIELDS = ("id", "context", "levels", "week", "day", "name", "content", "minutes", "rpe", "kicking",
                  "cod", "drill", "notes")
FIELDS = ("level", "stage", "stage_cap", "ceiling", "slower", "stage_title", "stage_content", "stage_between",
          "pain_rule", "reason", "match", "exposure", "drill")
# {exposure}: what a match started is to the player; HV-1 asks no exposure of an exempt position
EXPOSURE = "the match is your high-velocity exposure"
EXEMPT_EXPOSURE = "the match is your session"
# {pain_rule} where the protocol has none, or in an anonymised export (the protocol's words are left
# out there): a rule that holds for every protocol
PAIN_RULE_DEFAULT = "Stop and tell the physio if the injured area hurts."
# {stage_between} in an anonymised export: a day between two loading days keeps its session (the
# lighter running, its ceiling) and says what the day is without the protocol's words (which name
# the tendon, so the diagnosis)
BETWEEN_DEFAULT = "Between loading days: the physio's lighter exercises only, no heavy loading today"
NO_LIMIT = "no limit"
# the level is a target, not a ceiling; in rehab every running level (60 % and up) is too: it is
# a ladder step, and a logged top speed under it counts as the level below (rules-spec.md sec. 9)
TEAM_STAGES = ("S1", "S2", "S3")  # return-to-sport stages: sessions with the team (rules-spec 4)
TARGET_CONTEXTS = ("speed", "compensation", "rehab")
# days that keep their own kicking and change of direction after a flare-up (RH-FL's calm days,
# no session): no step-down is in use on them
KEEP_OWN_LIMITS = ("flare-up", "calm", "rest", "unavailable")
NO_SESSION = ("rest", "unavailable")  # the contexts of a day without a session


@dataclass(frozen=True)
class Drill:
    reps: int
    distance_m: float
    rest: str


@dataclass(frozen=True)
class SessionSpec:
    """One catalogue entry (see docs/sessions.md)."""

    id: str
    context: str
    levels: tuple[int, ...]  # empty: any level
    week: str | None  # None: any week kind
    name: str
    content: str
    kicking: str
    cod: str
    drill: Drill | None
    day: str | None = None  # "between": only on a rehab day between two loading days

    def applies(self, level: int, week: str) -> bool:
        return (not self.levels or level in self.levels) and self.week in (None, week)


@dataclass(frozen=True)
class Catalogue:
    source: str
    notes: str
    sessions: tuple[SessionSpec, ...]

    def find(self, context: str, level: int, week: str, between: bool = False) -> SessionSpec | None:
        """The first entry for ``context`` at ``level`` made for ``week``, else the first for any
        week (the file's order decides between equals). ``between``: a rehab day between two
        loading days takes an entry made for it (``"day": "between"``) when there is one; other
        days never do."""
        if between:
            got = self.find_day(context, level, week, "between")
            if got is not None:
                return got
        return self.find_day(context, level, week, None)

    def find_day(self, context: str, level: int, week: str, day: str | None) -> SessionSpec | None:
        fallback = None
        for s in self.sessions:
            if s.context != context or s.day != day or not s.applies(level, week):
                continue
            if s.week == week:
                return s
            if fallback is None:
                fallback = s
        return fallback

    def get(self, session_id: str) -> SessionSpec | None:
        return next((s for s in self.sessions if s.id == session_id), None)


# -- loading --------------------------------------------------------------------------------------
def load_catalogue(path: str | os.PathLike | None = None) -> Catalogue:
    """The session catalogue: ``path``, else the file named by ``PERIODIZE_SESSIONS``, else the
    bundled ``templates/sessions.json``. InputError with every located problem."""
    if path is None:
        path = os.environ.get(ENV) or None
    if path is None:
        return _bundled()
    return _read(Path(path))


@cache
def _bundled() -> Catalogue:
    from templates import path as template_path

    res = template_path("sessions.json")
    return _parse_text(res.read_text(encoding="utf-8"), "templates/sessions.json")


def _read(p: Path) -> Catalogue:
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(p), ["no such file; check the path (or unset PERIODIZE_SESSIONS)"]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(p), [f"cannot be read ({e})"]) from None
    return _parse_text(text, str(p))


def _parse_text(text: str, source: str) -> Catalogue:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(source, [f"line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"]) from None
    except RecursionError:
        raise InputError(source, ["nested too deeply to be a session catalogue"]) from None
    return parse_catalogue(data, source)


def parse_catalogue(data: object, source: str) -> Catalogue:
    """A catalogue from its JSON object; InputError listing every located problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(source, [f"format: not a session catalogue (expected \"format\": \"{FORMAT}\")"])
    if data.get("version") != 1:
        raise InputError(source, [f"version: {data.get('version')!r} is not 1"])
    items = data.get("sessions")
    if not isinstance(items, list) or not items:
        raise InputError(source, ["sessions: missing or empty; list the sessions"])
    reader = _Reader()
    specs = [s for i, raw in enumerate(items) if (s := reader.entry(raw, f"sessions[{i}]"))]
    problems = reader.problems + _gaps(specs)
    if problems:
        raise InputError(source, problems)
    return Catalogue(source, str(data.get("notes", "")), tuple(specs))


def _gaps(specs: list[SessionSpec]) -> list[str]:
    """Every context and level a plan can give needs an entry that applies in any week."""
    out = []
    for context, (_, levels) in CONTEXTS.items():
        missing = [lv for lv in levels
                   if not any(s.context == context and s.week is None and s.day is None
                              and s.applies(lv, "load")
                              for s in specs)]
        if missing:
            out.append(f"sessions: no session for context {context!r} at "
                       f"{', '.join(f'{lv} %' for lv in missing)} in any week; add one "
                       f"(without \"week\")")
    return out


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.ids: set[str] = set()

    def bad(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def text(self, raw: dict, key: str, where: str, default: str | None = None) -> str:
        v = raw.get(key, default)
        if not isinstance(v, str) or (default is None and not v.strip()):
            self.bad(f"{where}.{key}", f"{v!r} is not text; write it as text" if key in raw
                     else "missing; add it")
            return ""
        self.fields(v, f"{where}.{key}")
        return v.strip()

    def fields(self, text: str, where: str) -> None:
        try:
            parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text)
                     if f is not None]
        except ValueError as e:
            self.bad(where, f"{e}; write a literal brace as {{{{ or }}}}")
            return
        for name, spec, conv in parts:
            if name not in FIELDS:
                self.bad(where, f"{{{name}}} is not a field; use "
                                f"{', '.join('{' + f + '}' for f in FIELDS)}")
            elif spec or conv:
                # every field is text already written as the handouts print it: a format
                # ('{match:d}') failed or ('{level:>99999}') swelled each export of the session
                shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
                self.bad(where, f"{shown}: a field takes no format; write {{{name}}}")

    def number(self, raw: dict, key: str, where: str, hi: float) -> float | None:
        v = raw.get(key)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= hi:
            self.bad(f"{where}.{key}", f"{v!r} is not a number from 0 to {hi:g} (or null)")
            return None
        return float(v)

    def entry(self, raw: object, w: str) -> SessionSpec | None:
        if not isinstance(raw, dict):
            self.bad(w, "not an object")
            return None
        sid = self.text(raw, "id", w)
        if sid in self.ids:
            self.bad(f"{w}.id", f"{sid!r} is used twice; give each session its own id")
        self.ids.add(sid)
        context = raw.get("context")
        if context not in CONTEXTS:
            self.bad(f"{w}.context", f"{context!r} is not one of {', '.join(CONTEXTS)}")
        levels = raw.get("levels", [])
        if not isinstance(levels, list) or any(isinstance(v, bool) or v not in LEVELS for v in levels):
            self.bad(f"{w}.levels", f"{levels!r} is not a list of levels from {LEVELS}")
            levels = []
        week = raw.get("week")
        if week not in (None, *WEEK_KINDS):
            self.bad(f"{w}.week", f"{week!r} is not load, deload or taper (or leave it out)")
        for field in ("minutes", "rpe"):
            if field in raw:
                self.bad(f"{w}.{field}", "a session's minutes and target RPE come from the rules' "
                         "load table (rules panel, LD-1; a protocol's stage 'load'), so that a "
                         "handout's minutes x RPE is the load it prints; delete this field")
        day = raw.get("day")
        if day not in (None, "between"):
            self.bad(f"{w}.day", f"{day!r} is not between (a rehab day between two loading days) "
                     f"or left out")
            day = None
        elif day is not None and context != "rehab":
            self.bad(f"{w}.day", "only a rehab session has days between loading days")
        for key in sorted(set(raw) - set(SESSION_FIELDS)):
            self.bad(w, f"{key}: {not_a_known_field(key, SESSION_FIELDS)}")
        return SessionSpec(
            id=sid, context=str(context), levels=tuple(levels), week=week,
            name=self.text(raw, "name", w), content=self.text(raw, "content", w, ""),
            kicking=self.text(raw, "kicking", w, NO_LIMIT), cod=self.text(raw, "cod", w, NO_LIMIT),
            drill=self.drill(raw.get("drill"), f"{w}.drill"), day=day,
        )

    def drill(self, raw: object, w: str) -> Drill | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.bad(w, "not an object like {\"reps\": 4, \"distance_m\": 30, \"rest\": \"walk back\"}")
            return None
        reps, dist = raw.get("reps"), raw.get("distance_m")
        if isinstance(reps, bool) or not isinstance(reps, int) or not 1 <= reps <= 50:
            self.bad(f"{w}.reps", f"{reps!r} is not a whole number from 1 to 50")
            reps = 1
        if isinstance(dist, bool) or not isinstance(dist, int | float) or not 0 < dist <= 1000:
            self.bad(f"{w}.distance_m", f"{dist!r} is not a distance in metres (1 to 1000)")
            dist = 1
        rest = raw.get("rest", "")
        if not isinstance(rest, str):
            self.bad(f"{w}.rest", f"{rest!r} is not text")
            rest = ""
        return Drill(reps, float(dist), rest.strip())


# -- prescriptions --------------------------------------------------------------------------------
def stage_limits(spec) -> str:
    """A protocol stage's own kicking and change of direction: ``kicking: medium kicks; change
    of direction: planned`` (either left out when the protocol gives none)."""
    return "; ".join(x for x in (f"kicking: {spec.kicking}" if spec.kicking else "",
                                 f"change of direction: {spec.cod}" if spec.cod else "") if x)


@dataclass(frozen=True)
class StepDown:
    """A stage's days with the stage before it's kicking and change of direction after a
    flare-up (:meth:`Prescriber.stepped_down_run`): ``after`` is (the day, its stage) that follows
    the last of them, None at the season's end."""

    days: tuple[int, ...]
    spec: object  # the protocol stage stepped down to
    flared: dt.date
    after: tuple[int, str] | None

    def sentence(self, tl: Timeline, stage: str, last: int | None = None, limits: bool = False) -> str:
        """The words of :func:`planner.text.stepped_down_sentence` for the days up to ``last``
        (a week's last day: "this week" when they go on past it); ``limits``: the stage stepped
        down to's kicking and change of direction said too."""
        upto = [j for j in self.days if last is None or j <= last]
        if not upto:
            return ""
        beyond = last is not None and self.days[-1] > last
        after = None if beyond or self.after is None else (tl.days[self.after[0]], self.after[1])
        return stepped_down_sentence(
            self.flared, self.spec.id, stage, None if beyond else tl.days[upto[-1]], after,
            stage_limits(self.spec) if limits else "")


@dataclass(frozen=True)
class Prescription:
    """The session of one athlete-day.

    ``summary`` is one line a player understands (``Speed: 4 × 30 m at 95 % (8.6 m/s)``);
    ``speed_ms``/``speed_kmh`` the day's speed from the athlete's max speed (None when unknown or
    no running), a target for speed and compensation sessions and every rehab running level
    (``speed_is_target``: a ladder step to reach), else a ceiling; ``kicking`` and ``cod`` the day's limits; ``note`` what
    else the day needs said (not in the squad, a re-entry session, a provisional stage); ``load``
    the day's planned load in AU (rules-spec.md section 8) and ``load_how`` how it is made
    (``75 min x RPE 6``, ``""`` for no load); ``as_logged``: a day before today logged faster
    than the stage the records give it (a flare-up recorded after the fact): its words say what
    was logged, never a session of that stage (:meth:`Prescriber.above_stage`).
    """

    session: str
    context: str
    name: str
    summary: str
    content: str
    minutes: float | None
    rpe: float | None
    level: int
    stage: str
    speed_ms: float | None
    speed_kmh: float | None
    speed_is_target: bool
    kicking: str
    cod: str
    note: str = ""
    load: float | None = None
    load_how: str = ""
    as_logged: bool = False
    no_max_speed: bool = False
    hurt: bool = False  # an injury's onset as logged: the match or session it happened in

    @property
    def speed(self) -> str:
        """``8.6 m/s · 31.0 km/h`` (``up to …`` for a ceiling), ``max speed not measured`` for a
        run at a % of a max speed not on record whose speed would be a target, or ``""``."""
        if self.no_max_speed:
            return NO_MAX_SPEED
        return speed_text(self.speed_ms, self.speed_kmh, target=self.speed_is_target)

    @property
    def limits(self) -> str:
        """``kicking: medium kicks; change of direction: planned`` (``""`` without limits)."""
        parts = []
        if self.kicking != NO_LIMIT:
            parts.append(f"kicking: {self.kicking}")
        if self.cod != NO_LIMIT:
            parts.append(f"change of direction: {self.cod}")
        return "; ".join(parts)


# a run at a % of max speed for an athlete whose max speed is not on record (a signing added
# without one): the % has no speed to aim at, said where the speed would be (the handouts' cell)
# and in full where there is room (the Inspector)
NO_MAX_SPEED = "max speed not measured"
# where a page's header gives the max speed (the handout, the workbook's athlete page): what to do
NO_MAX_SPEED_HEADER = (f"{NO_MAX_SPEED}: time their first near-max sprint (a flying 30 m) to "
                       f"set it")
NO_MAX_SPEED_SAID = ("No max speed on record: the % has no speed to aim at; measure the athlete's max speed "
                     "(a flying 30–40 m sprint, fully recovered) before speed work, and enter it "
                     "in Season ▸ Squad")


def max_speed_header(ms: float | None) -> str:
    """``max speed 9.1 m/s (32.8 km/h)``, or :data:`NO_MAX_SPEED_HEADER` for none on record: the
    athlete's max speed where a page's header gives it (a handout, the workbook's athlete page),
    so that the % of his runs is not read against a speed nobody measured."""
    if not ms:
        return NO_MAX_SPEED_HEADER
    return f"max speed {ms:g} m/s ({ms * 3.6:.1f} km/h)"


def run_speed(ms: float) -> tuple[float, float]:
    """A run's speed as every page says it: (m/s, km/h), each rounded once to 0.1 from the same
    speed. 95 % of 8.47 m/s is 8.0465 m/s: 8.0 m/s and 29.0 km/h in the session's words, the
    speed column and the Inspector alike (a m/s kept to 8.05 first read 8.1 beside "(8.0 m/s)")."""
    return round(ms, 1), round(ms * 3.6, 1)


def speed_text(ms: float | None, kmh: float | None, target: bool = True) -> str:
    """``8.0 m/s · 29.0 km/h`` (``up to …`` for a ceiling) from a prescription's
    :func:`run_speed` pair, ``""`` for none."""
    if ms is None or kmh is None:
        return ""
    return ("" if target else "up to ") + f"{ms:.1f} m/s · {kmh:.1f} km/h"


# a match role in a handout's, a calendar's or a session's words
ROLE_WORDS = {"start": "you start", "bench": "on the bench", "out": "not in the squad"}


def planned_load(prescription: Prescription) -> float | None:
    """The day's planned training load (session-RPE load, AU, rules-spec.md section 8): what the
    :class:`Prescriber` put in the prescription from the rule set's load table (None only for a
    prescription made without one)."""
    return prescription.load


def _ceiling(lvl: int, stage_spec) -> str:
    """A rehab run's ceiling in words: the day's own speed ("no faster"), the stage's cap named
    only where the day runs at it (a 70 % run read "no faster than the stage's 100 %", which a
    player took for leave to run at 100 %)."""
    if stage_spec is not None and lvl >= stage_spec.cap:
        return f"no faster than the stage's {stage_spec.cap} %"
    return "no faster"


def _slower(lvl: int) -> str:
    """What a run under a rehab run's speed counts as (rules-spec.md section 9): the ladder's
    step below, or at its lowest step (60 %) none, there being no step below it (it read "a
    slower run counts as the step below" at 60 %)."""
    if lvl <= LADDER[0]:
        return "a slower run does not count as a step"
    return "a slower run counts as the step below"


class _Fmt(dict):
    def __missing__(self, key: str) -> str:
        return ""


def away_reason(season: Season, athlete: str, day: dt.date, anonymise: bool = False) -> str:
    """Why ``athlete`` is away on ``day`` (the absence's reason; "Unavailable" without one, or
    anonymised: a leaver's "left the squad" and a signing's "not in the squad yet" stay, as
    :mod:`planner.anonymise` keeps them, since they say nothing of the player's health)."""
    for u in season.unavailability:
        if (u.athlete == athlete and u.start <= day <= u.end and u.reason
                and not (anonymise and is_absence(u))):
            return u.reason
    return "Unavailable"


class Days(Sequence):
    """An athlete's prescriptions, day by day, each made when first read: a handout of one week
    reads its 7 days (and the few its lines look at), not the season's 364 (a squad of 40's
    handouts for a week made 14,560 days, 2.4 s with the window frozen). A day's prescription
    reads the plan's days around it through the athlete's facts, never the prescriptions made
    before it, so it is the same made alone as made with the season's."""

    def __init__(self, make: Callable[[int], Prescription], n: int):
        self._make = make
        self._made: list[Prescription | None] = [None] * n

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._made)))]
        got = self._made[i]
        if got is None:
            got = self._made[i] = self._make(i if i >= 0 else i + len(self._made))
        return got

    def made(self) -> int:
        """How many days are made so far."""
        return sum(1 for p in self._made if p is not None)


class Prescriber:
    """The sessions of a season's plan, athlete by athlete (facts and protocols built once)."""

    def __init__(self, season: Season, plan: Plan, catalogue: Catalogue | None = None, *,
                 anonymise: bool = False, timeline: Timeline | None = None,
                 to_player: bool = False):
        self.season, self.plan = season, plan
        self.cat = catalogue or load_catalogue()
        self.anonymise = anonymise
        self.to_player = to_player  # the cautions in the player's words (his handout)
        self.tl = timeline or Timeline(season)
        self.rs = RuleSet(season.rules)
        self.days_after = int(self.rs.value("HV-6", "days_after"))
        self.calm = int(self.rs.value("RH-FL", "calm_days"))
        self.sessions_needed = int(self.rs.value("RE-1", "team_sessions"))
        self.loads = LoadTable.of(self.rs)
        self._facts: dict[str, AthleteFacts] = {}
        self._words: dict[tuple, tuple[str, str, str]] = {}
        self._between: dict[str, list[bool]] = {}
        self._cautions: dict[str, dict[dt.date, str]] = {}
        self._calm: dict[str, dict[int, int]] = {}  # athlete -> RH-FL's days -> days since the flare-up
        self._max_speed = {a.id: a.max_speed for a in season.athletes}
        self._off_reason = {d.date: d.reason for d in season.calendar.non_training_days}

    def facts(self, athlete: str) -> AthleteFacts | None:
        f = self._facts.get(athlete)
        if f is None:
            ap = self.plan.for_athlete(athlete)
            if ap is None or len(ap.stages) != self.tl.n or len(ap.intensity) != self.tl.n:
                return None
            f = self._facts[athlete] = AthleteFacts(self.season, self.tl, self.rs, ap)
        return f

    def athlete(self, athlete: str) -> list[Prescription] | None:
        """Every day's prescription of ``athlete`` (None without a plan for the athlete)."""
        f = self.facts(athlete)
        if f is None:
            return None
        return [self._day(f, i) for i in range(self.tl.n)]

    def days(self, athlete: str) -> Days | None:
        """:meth:`athlete`, each day made when first read (:class:`Days`)."""
        f = self.facts(athlete)
        if f is None:
            return None
        return Days(lambda i: self._day(f, i), self.tl.n)

    def day(self, athlete: str, i: int) -> Prescription | None:
        f = self.facts(athlete)
        return None if f is None else self._day(f, i)

    def planned(self, f: AthleteFacts, i: int, level: int) -> Prescription:
        """Day ``i``'s session had it been run at ``level``: a past day's planned session
        (``planner.history.planned_level``), said beside what was logged (a 70 % team training
        logged at 80 % read "Speed: 4 × 40 m at 80 %", neither planned nor logged). An injury's
        onset the plan had the athlete fit on (:meth:`hurt`): the fit session planned (a match
        to start read "Rehab P1: 4 × 30 m at 100 %", the record's stage and the match's level)."""
        ap = self.plan.for_athlete(f.id)
        if self.hurt(f, i) is not None and ap is not None and \
                ap.planned_stages.get(self.tl.days[i], FIT) == FIT:
            played = self.tl.is_comp[i] and level in PLAYED_LEVELS
            role = next((r for r, v in PLAY_LEVEL.items() if v == level), None) if played else None
            return self._fit_session(f, i, level, role)
        return self._day(f, i, level)

    # -- the context of a day -------------------------------------------------------------------
    def context(self, f: AthleteFacts, i: int, level: int | None = None) -> tuple[str, str]:
        """(context, reason): the reason words a rest day or a day away (``level``: the day had
        it been run at that level, else as the plan has it)."""
        tl, st = self.tl, f.session_stage(i)
        lvl = f.it[i] if level is None else level
        if i in f.off and lvl == 0:
            return "unavailable", self.away_reason(f.id, i)
        if f.played[i]:
            return ("match" if lvl == PLAY_LEVEL["start"] else "bench"), ""
        if i < tl.p0 and lvl == 0 and self._logged_idle(f, i):
            return "rest", "Did not train: logged with 0 minutes"
        flare = self._flare(f, i)
        if flare == 0 and lvl == 0:
            return "flare-up", ""
        # a rehab player's match day is a rest day with no rehab session, a calm day or not
        # (one read "Calm day: pain-free exercises only" beside "no running on a match day"); so
        # is a day without training between the calm days (RH-FL counts the days trained)
        if flare and lvl <= CALM_CAP and not (lvl == 0 and (not f.train[i]
                                                      or (st != FIT and tl.is_comp[i]))):
            return "calm", ""
        if lvl == 0 and (not f.train[i] or (st != FIT and tl.is_comp[i])):
            return "rest", self._rest_reason(f, i)
        if st == INJ:
            return ("injured" if lvl == 0 else "rehab"), ""
        if st != FIT:
            return "rehab", ""
        return self._fit_context(f, i, lvl), ""

    def has_session(self, athlete: str, i: int) -> bool:
        """Does the plan give ``athlete`` a session on day ``i``, one with minutes to log (not a
        rest day: a match day in rehab, a match he is not in on a day without training; nor a
        day away; nor a day injured before any rehab stage, INJ at 0 %: treatment with the
        medical staff, no minutes and no load)? An athlete without a plan has every day's, the
        plan saying nothing against it."""
        f = self.facts(athlete)
        return f is None or self.context(f, i)[0] not in (*NO_SESSION, "injured")

    def _fit_context(self, f: AthleteFacts, i: int, lvl: int) -> str:
        tl = self.tl
        if lvl == 0:
            return "recovery"
        if lvl >= SPEED_DAY:  # one definition with the board's C and the explanation
            return "compensation" if lvl == f.it[i] and f.compensation(i) else "speed"
        # a day with running after a match played is the team's session, priced as one: the
        # recovery session is the 0 % day (a starter's MD+1, docs/semantics.md)
        if i + 1 < tl.n and f.played[i + 1]:  # the day before a match: activation
            return "activation"
        return "team"

    def _logged_idle(self, f: AthleteFacts, i: int) -> bool:
        """A day before today logged with no minutes (ill, rested): it was no session at all."""
        return logged_idle(self.season, f.id, self.tl.days[i])

    def caution(self, athlete: str, i: int) -> str:
        """What the log asks the coach to check before day ``i``'s sprints or match
        (planner.caution: a pain logged, days logged without training), in the player's words
        for his handout (``to_player``), "" when nothing; never in anonymised words."""
        if self.anonymise:
            return ""
        got = self._cautions.get(athlete)
        if got is None:
            got = self._cautions[athlete] = caution_notes(self.season, athlete, self.plan, self.tl,
                                                          to_player=self.to_player,
                                                          facts=self.facts(athlete))
        return got.get(self.tl.days[i], "")

    def _flare(self, f: AthleteFacts, i: int) -> int | None:
        """Days since the latest flare-up when day ``i`` is its day (0) or one of its calm days
        (RH-FL, Timeline.calm_days), or None."""
        calm = self._calm.get(f.id)
        if calm is None:
            calm = self._calm[f.id] = {}
            for rec in f.records:
                for fd in rec.flare_ups:
                    f0 = (fd - self.tl.start).days
                    for j in [f0] + self.tl.calm_days(fd, self.calm, f.id):
                        calm[j] = min(calm.get(j, j - f0), j - f0)
        return calm.get(i)

    def away_reason(self, athlete: str, i: int) -> str:
        """Why ``athlete`` is away on day ``i`` (:func:`away_reason`)."""
        return away_reason(self.season, athlete, self.tl.days[i], self.anonymise)

    def _rest_reason(self, f: AthleteFacts, i: int) -> str:
        tl = self.tl
        day = tl.days[i]
        if tl.is_comp[i]:
            match = self.match_names(i)
            if f.st[i] != FIT:
                return f"{match}: match day, no rehab session"
            why = "not in the match squad" if f.role[i] == "out" else "not playing"
            return f"{match}: {why}, no training"
        if i in tl.non_training:
            return f"{self._off_reason.get(day) or 'Day off'}: no training"
        return f"No training on {weekday_name(day)}s"

    def _exempt(self, athlete: str) -> bool:
        """Does HV-1 exempt the athlete's position (goalkeepers by default): his match is not
        called his high-velocity exposure."""
        a = self.season.athlete(athlete)
        return a is not None and hv1_exempt(self.rs, a.position)

    def match_names(self, i: int) -> str:
        return " / ".join(c.name for c in self.tl.comp_on[i])

    # -- the prescription -----------------------------------------------------------------------
    def _day(self, f: AthleteFacts, i: int, level: int | None = None) -> Prescription:
        context, reason = self.context(f, i, level)
        tl, st = self.tl, f.session_stage(i)
        lvl = f.it[i] if level is None else level
        week = f.wk[tl.week_of[i]]
        # anonymised too: only the stage's words are left out, never the day between's session
        between = context == "rehab" and self._between_days(f)[i]
        spec = (self.cat.find(context, lvl, week, between)
                or self.cat.find(context, lvl, "load", between))
        stage_spec = self.stage_spec(f, i, st)
        match = self._match_of(f, i, context)
        others = ""
        roles = f.match_roles(i) if context in ("match", "bench") else ()
        own = "start" if context == "match" else "bench"
        if len(set(roles)) > 1 and own in roles:
            # several competitions, another role in each: the session is the ones in the day's
            # role, the others said beside it (a player set out for M2 read "M1 / M2 (start)")
            pairs = list(zip(tl.comp_on[i], roles, strict=True))
            match = " / ".join(c.name for c, r in pairs if r == own)
            others = "; ".join(f"{c.name}: {ROLE_WORDS[r]}" for c, r in pairs if r != own)
        max_speed = self._max_speed.get(f.id)
        ms = max_speed * lvl / 100 if max_speed and lvl >= 60 else None
        if context in ("match", "bench"):
            ms = None
        kmh = None
        if ms is not None:  # as every page says them: the session's words and the speed column
            ms, kmh = run_speed(ms)
        # a day between two loading days is easy running: its level a ceiling, as before
        target = context in TARGET_CONTEXTS and not between
        # a run at a % of a max speed not on record, whose speed would be a target to reach: the
        # handouts say so where the speed goes (a ceiling day has nothing to aim at: says nothing)
        no_max = not max_speed and lvl >= 60 and context not in ("match", "bench") and target
        if spec is None:  # only a catalogue that skipped the completeness check
            kicking, cod, sid = NO_LIMIT, NO_LIMIT, f"{context}-{lvl}"
        else:
            kicking, cod, sid = spec.kicking, spec.cod, spec.id
        proto = f.proto_of(i) if stage_spec is not None and not self.anonymise else None
        pain_rule = proto.pain_rule if proto is not None else ""
        # a fit player not playing trains while the team plays: no "with the team"
        team_away = (tl.is_comp[i] and st == FIT and not f.played[i]
                     and context not in ("rest", "unavailable"))
        exempt = context == "match" and self._exempt(f.id)
        key = (sid, context, lvl, st, reason, match, ms, id(stage_spec), pain_rule, between,
               team_away, exempt)
        words = self._words.get(key)
        if words is None:  # the same day in words is made once (a season repeats them a lot)
            words = self._texts(spec, context, lvl, st, reason, match, ms, stage_spec,
                                pain_rule, between, exempt)
            words = self._words[key] = _while_the_team_plays(*words) if team_away else words
        name, content, summary = words
        if context == "compensation" and (j := tl.md_after[i]) and self._logged_idle(f, i - j):
            content = _missed_logged(content, match)
        if others:
            summary = f"{summary}; {others}"
        day_facts = {"stage": st, "level": lvl, "played": f.played[i], "training": f.train[i],
                     "available": i not in f.off, "proto": f.proto_of(i),
                     "also": f.other_matches(i)}
        minutes, rpe = self.loads.dose(week, **day_facts) or (None, None)
        if context in ("flare-up", "calm"):
            pass  # RH-FL's day: the catalogue's calm limits hold, whatever the stage allows
        elif stage_spec is not None:  # the stage's limits win over the catalogue's
            down = self.stepped_down(f, i)  # after a flare-up, the stage before's (RH-4)
            limits = stage_spec if down is None else down[0]
            kicking, cod = limits.kicking or kicking, limits.cod or cod
        elif st == INJ:
            kicking, cod = "none", "none"
        p = Prescription(
            session=sid, context=context, name=name, summary=summary,
            content=content, minutes=minutes, rpe=rpe, level=lvl, stage=st,
            speed_ms=ms, speed_kmh=kmh,
            speed_is_target=target, kicking=kicking, cod=cod,
            note=self._note(f, i, context, stage_spec is not None),
            load=round(self.loads.day(week, **day_facts)), load_how=self.loads.describe(week, **day_facts),
            no_max_speed=no_max,
        )
        if level is None and (got := self.hurt(f, i)) is not None:
            return self._hurt_as_logged(p, f, i, got)
        fast = self.above_stage(f, i) if level is None else None
        return p if fast is None else self._as_logged(p, f, i, fast)

    def hurt(self, f: AthleteFacts, i: int):
        """The logged day (planner.history) when day ``i`` before today is an injury's onset on
        which the log has a match played or running above the stage the record gives the day
        from then: the session in which the injury happened, not a session of that stage (its
        rehab words read "Rehab P1: 4 × 30 m at 100 %" under P1's no running, on the day of a
        match he played 60 minutes of); else None."""
        tl = self.tl
        if i >= tl.p0 or f.st[i] == FIT or not played_hurt(f.records, tl.days[i]):
            return None
        got = logged_days(self.season, f.id).get(tl.days[i])
        if got is None or not ((got.played and tl.is_comp[i]) or f.it[i] > f.cap(i)):
            return None
        return got

    def _hurt_as_logged(self, p: Prescription, f: AthleteFacts, i: int, got) -> Prescription:
        """Day ``i``, an injury's onset (:meth:`hurt`), as logged: the match played (or the
        session run), injured that day; its session id the fit session it was (a match started
        or from the bench, by the minutes played), never the stage's rehab session."""
        tl, st, cap = self.tl, f.st[i], f.cap(i)
        played = bool(got.played and tl.is_comp[i])
        if played:
            role = "start" if got.played >= self.loads.start_from else "bench"
            fit = self._fit_session(f, i, PLAY_LEVEL[role], role)
            summary = f"{self.match_names(i)}: played {got.played:g} min (logged), injured that day"
        else:
            fit = self._fit_session(f, i, f.it[i])
            summary = f"Logged {f.it[i]} %, injured that day"
        what = "match" if played else "session"
        return replace(
            p, session=fit.session, context=fit.context, name="Logged", summary=summary,
            content=(f"The {what} the injury happened in, not a session "
                     f"of {st}. From then {st}: {stage_allows(cap)}."),
            speed_ms=None, speed_kmh=None, speed_is_target=False, kicking=NO_LIMIT, cod=NO_LIMIT,
            minutes=None, rpe=None, note="", as_logged=True, no_max_speed=False, hurt=True)

    def _fit_session(self, f: AthleteFacts, i: int, lvl: int, role: str | None = None) -> Prescription:
        """Day ``i``'s session for a fit athlete at ``lvl`` (``role``: the match played, start or
        bench): what an injury's onset was planned as, or was, before the record made it a
        stage's day (:meth:`hurt`)."""
        tl = self.tl
        week = f.wk[tl.week_of[i]]
        context = ("match" if role == "start" else "bench") if role else self._fit_context(f, i, lvl)
        spec = self.cat.find(context, lvl, week) or self.cat.find(context, lvl, "load")
        max_speed = self._max_speed.get(f.id)
        ms = kmh = None
        if max_speed and lvl >= 60 and not role:
            ms, kmh = run_speed(max_speed * lvl / 100)
        match = self.match_names(i) if tl.is_comp[i] else self._match_of(f, i, context)
        name, content, summary = self._texts(spec, context, lvl, FIT, "", match, ms, None)
        return Prescription(
            session=f"{context}-{lvl}" if spec is None else spec.id, context=context, name=name,
            summary=summary, content=content, minutes=None, rpe=None, level=lvl, stage=FIT,
            speed_ms=ms, speed_kmh=kmh, speed_is_target=context in TARGET_CONTEXTS,
            kicking=NO_LIMIT if spec is None else spec.kicking, cod=NO_LIMIT if spec is None else spec.cod)

    def above_stage(self, f: AthleteFacts, i: int) -> int | None:
        """The speed (whole % of max) logged on day ``i`` when it lies above the stage the records
        give the day, else None: a day before today only, below a 100 % cap (more is a new max),
        not an onset's day nor a flare-up's that moved the stage (the session it happened in, run
        before it; a flare-up in the stage already held flared up in it: :meth:`AthleteFacts.
        session_stage`). The
        plan keeps what was logged (rules-spec.md section 9), so once a flare-up is recorded after
        the fact its past days hold 95 % in P1: a session made from them read "Rehab P1: 4 × 30
        m at 95 %" under P1's no running."""
        if i >= self.tl.p0 or f.st[i] == FIT or f.session_stage(i) != f.st[i]:
            return None
        day = self.tl.days[i]
        if any(day == rec.onset for rec in f.records):
            return None
        cap, lvl = f.cap(i), f.it[i]
        got = logged_days(self.season, f.id).get(day)
        top = round(got.top_pct) if got is not None and got.top_pct is not None else None
        fast = top if top is not None and top > lvl else lvl
        return fast if cap < 100 and fast > cap else None

    def _as_logged(self, p: Prescription, f: AthleteFacts, i: int, fast: int) -> Prescription:
        """Day ``i``'s words as logged, above its stage: no target speed, no limits, no session."""
        st, cap = f.st[i], f.cap(i)
        got = logged_days(self.season, f.id).get(self.tl.days[i])
        if got is None:  # the plan's level kept (nothing logged), not one of this stage's
            summary = f"Not logged: the plan's {fast} % — {above_stage(st, cap)}"
            content = f"No session logged; the plan's {fast} % is not a session of {st}"
        else:
            played = f", {got.played:g} min played" if got.played and self.tl.is_comp[i] else ""
            summary = f"Logged {fast} %{played} — {above_stage(st, cap)}"
            content = f"What was logged, not a session of {st}"
        return replace(
            p, name="Logged" if got is not None else "Not logged", summary=summary,
            content=(f"{content}: {st} allows {stage_allows(cap)}. Worth a word with the athlete "
                     f"and the physio."),
            speed_ms=None, speed_kmh=None, speed_is_target=False, kicking=NO_LIMIT, cod=NO_LIMIT,
            minutes=None, rpe=None, note="", as_logged=True, no_max_speed=False)

    def _texts(self, spec, context: str, lvl: int, st: str, reason: str, match: str,
               ms: float | None, stage_spec, pain_rule: str = "",
               between: bool = False, exempt: bool = False) -> tuple[str, str, str]:
        """(name, content, summary) of a session on a day; ``between``: a tendon stage's day
        between two loading days, its words first (docs/sessions.md)."""
        values = _Fmt(level=str(lvl), stage=st, reason=reason, match=match,
                      stage_cap="" if stage_spec is None else str(stage_spec.cap),
                      ceiling=_ceiling(lvl, stage_spec), slower=_slower(lvl),
                      stage_title="" if self.anonymise or stage_spec is None else stage_spec.title,
                      stage_content="" if self.anonymise or stage_spec is None else stage_spec.content,
                      stage_between="" if stage_spec is None or not stage_spec.between
                      else BETWEEN_DEFAULT if self.anonymise else stage_spec.between.rstrip("."),
                      pain_rule=pain_rule or PAIN_RULE_DEFAULT,
                      exposure=EXEMPT_EXPOSURE if exempt else EXPOSURE)
        name, content, drill = ((context.capitalize(), "", None) if spec is None else
                                (spec.name, spec.content, spec.drill))
        values["drill"] = _drill_text(drill, lvl, ms, rest=True) if drill else ""
        name = _tidy(name.format_map(values))
        content = _tidy(content.format_map(values))
        title = values["stage_title"]
        if title and st in TEAM_STAGES and ("session" in title.lower() or "team" in title.lower()):
            # a football session of the return-to-sport stages is the team's, not exercises of
            # his own ("The exercises of your stage (Heavy football session)" said neither)
            content = content.replace(f"The exercises of your stage ({title})",
                                      f"With the team: {title[:1].lower()}{title[1:]}")
        if between and (spec is None or spec.day != "between"):  # a catalogue without one
            name += ", day between"
            content = f"{values['stage_between']}. {content}"
        return name, content, self._summary(name, context, drill, lvl, ms, reason, match)

    def stage_spec(self, f: AthleteFacts, i: int, stage: str | None = None):
        """Day ``i``'s stage in the protocol (``stage``: another stage of that day's, the one
        its session was run in)."""
        st = f.st[i] if stage is None else stage
        if st not in REHAB_STAGES:
            return None
        proto = self._proto(f, i, st)
        try:
            return proto.stage(st) if proto is not None else None
        except KeyError:
            return None

    def _proto(self, f: AthleteFacts, i: int, stage: str | None = None):
        """The protocol of day ``i``'s stage (the governing record's, else the athlete's injury's)."""
        proto = f.proto_of(i)
        if proto is None or (f.st[i] if stage is None else stage) not in proto.stage_ids:
            k = self.season.injury_of(f.id)
            proto = load_protocol(k.protocol) if k is not None else None
        return proto

    def stepped_down(self, f: AthleteFacts, i: int):
        """RH-4 as docs/semantics.md reads it: from the day after a recorded flare-up until the minimum of
        the stage it put the athlete in has passed (the flare-up restarts it, rules-spec.md
        section 6), the day's kicking and change of direction are the stage's before it in the
        protocol (P1 keeps its own): (that stage's spec, the flare-up's day), else None. Full
        kicks and reactive change of direction read on S3's first running day after the calm
        days of an iliopsoas flare-up, the provoking component not stepped down. A stage below
        with the same kicking and change of direction is no step-down (the iliopsoas S1 and
        S2): "stepped down a stage (S1's)" on every day changed nothing."""
        spec = self.stage_spec(f, i)
        # the flare-up's own session came before it (it is what flared up): from the day after
        j = max((j for j in f.flared if j < i), default=None)
        if spec is None or j is None or i >= j + spec.min_days \
                or any(f.st[k] != f.st[i] for k in range(max(j, 0), i)):
            return None
        order = self._proto(f, i).stage_ids
        below = self._proto(f, i).stage(order[max(0, order.index(f.st[i]) - 1)])
        if (below.kicking, below.cod) == (spec.kicking, spec.cod):
            return None
        return below, f.date(j)

    def stepped_down_run(self, f: AthleteFacts, i: int) -> StepDown | None:
        """The step-down of the stage held from day ``i`` as its days use it: the days of that
        stage whose sessions have the stage before it's kicking and change of direction
        (:meth:`stepped_down`; a flare-up's day, a calm day, a rest day or a day away keeps its
        own limits), the stage stepped down to, the flare-up's day, and what follows the last
        such day (the stage's own limits, another stage, full training: ``after``), else None.
        The handout's week and the calendar's stage event say it (:func:`planner.text.
        stepped_down_sentence`), the day notes follow the same days (:meth:`_note`)."""
        n, end = self.tl.n, i
        while end < n and f.st[end] == f.st[i]:
            end += 1
        down = {k: d for k in range(i, end) if (d := self.stepped_down(f, k))}
        days = tuple(k for k in down if self.context(f, k)[0] not in KEEP_OWN_LIMITS)
        if not days:
            return None
        k = days[-1] + 1
        while k in down:  # calm or rest days still stepped down: what follows comes after them
            k += 1
        return StepDown(days, *down[days[0]], (k, f.st[k]) if k < n else None)

    def _match_of(self, f: AthleteFacts, i: int, context: str) -> str:
        """The match a day refers to: its own, the missed one a compensation session follows, or
        the played one a recovery day follows."""
        if self.tl.is_comp[i]:
            return self.match_names(i)
        if context == "compensation":
            j = self.tl.md_after[i]
            return self.match_names(i - j) if j is not None else ""
        if context == "recovery":
            x = next((x for x in range(i - 1, max(-1, i - 1 - self.days_after), -1) if f.played[x]), None)
            return self.match_names(x) if x is not None else ""
        return ""

    @staticmethod
    def _summary(name: str, context: str, drill: Drill | None, lvl: int, ms: float | None,
                 reason: str, match: str) -> str:
        if drill is not None and lvl >= 60:
            return f"{name}: {_drill_text(drill, lvl, ms, rest=False)}"
        if context == "match":
            return f"{name}: {match} (start)"
        if context == "bench":
            return f"{name}: {match}"
        if context in NO_SESSION:
            short = reason.split(":")[0] if ":" in reason else ""
            return f"{name}: {short}" if short else name
        return f"{name}: up to {lvl} %" if lvl > 0 else f"{name}: no running"

    def _note(self, f: AthleteFacts, i: int, context: str, rehab: bool = False) -> str:
        tl = self.tl
        notes = []
        if (run := f.session_stage(i)) != f.st[i]:
            # as explain's fact says it: the session came before the flare-up that day
            notes.append("The session that flared up, run in "
                         + ("full training" if run == FIT else run))
        if rehab and context not in KEEP_OWN_LIMITS and (down := self.stepped_down(f, i)):
            notes.append(f"Kicking and change of direction stepped down a stage ({down[0].id}'s) "
                         f"after the flare-up of {day_words(down[1])}")
        if context == "rest" and tl.is_comp[i] and f.st[i] != FIT and (k := self._flare(f, i)):
            # between the calm days, none itself: RH-FL counts the days trained
            notes.append(f"A match day uses none of the {plural(self.calm, 'calm day')} after the "
                         f"flare-up of {day_words(tl.days[i] - dt.timedelta(days=k))} (RH-FL)")
        if tl.is_comp[i] and not f.played[i] and f.st[i] == FIT and context not in NO_SESSION:
            if f.role[i] != "out" and f.ready[i] and i < tl.p0:
                # picked and did not play (0 min logged, say): "not playing yet" is RE-1's words
                # for a returner, and whether he trained apart or sat on the bench is not known
                notes.append(f"{self.match_names(i)}: did not play")
            else:
                why = ("not in the match squad" if f.role[i] == "out" else "not playing yet"
                       if not f.ready[i] else "not playing in this plan")
                notes.append(f"{self.match_names(i)}: {why}; you train while the team plays")
        if f.st[i] == FIT and f.back[i] is not None and not f.ready[i] and f.train[i] and f.it[i] >= 60:
            early = any(f.played[j] for j in range(f.back[i], i))  # played, logged, before them
            notes.append(f"Back in team training: session {f.done[i] + 1} of {self.sessions_needed} "
                         f"before your {'next' if early else 'first'} match")
        if caution := self.caution(f.id, i):
            notes.append(caution)
        return "; ".join(notes)

    def _between_days(self, f: AthleteFacts) -> list[bool]:
        """Per day: a rehab day between two tendon-loading days of a stage loaded every second
        day (its ``between`` words). A speed-ladder day (80 % or more) is always a loading day;
        another rehab day is one unless the day before was one or the day after is a ladder day
        (no two loading days in a row); a day without a rehab session (rest, a match, away, a
        flare-up) is none. A day's stage is the one its session was run in (a flare-up's day
        with running: the stage before it, :meth:`AthleteFacts.session_stage`): such a day
        logged in S1 read "Rehab S1, day between", a day S1 does not have, P3's flag with S1's
        words (and a stray ". Then easy running", S1 having no words for it)."""
        got = self._between.get(f.id)
        if got is None:
            n = self.tl.n
            ok = [False] * n
            for j in range(n):
                spec = self.stage_spec(f, j, f.session_stage(j))
                ok[j] = spec is not None and bool(spec.between) and self.context(f, j)[0] == "rehab"
            got, loaded = [False] * n, False
            for j in range(n):
                if not ok[j]:
                    loaded = False
                elif f.it[j] >= SPEED_DAY:
                    loaded = True
                elif loaded or (j + 1 < n and ok[j + 1] and f.it[j + 1] >= SPEED_DAY):
                    got[j], loaded = True, False
                else:
                    loaded = True
            self._between[f.id] = got
        return got


# a fit player out of the match squad (or held out by RE-1) trains on the match day while the
# team plays: the catalogue's team words ("with the team", "Team training after") read as if the
# team were there
_TEAM_WORDS = (("Team training (", "Training ("), ("Team training:", "Training:"),
               ("with the team", "with the players not in the match squad"),
               ("Team training after.", "Training after."),
               ("A short team session after.", "A short session after."))


def _while_the_team_plays(*texts: str) -> tuple[str, ...]:
    out = []
    for t in texts:
        for old, new in _TEAM_WORDS:
            t = t.replace(old, new)
        out.append(t if t != "Team training" else "Training")
    return tuple(out)


def _drill_text(drill: Drill, level: int, ms: float | None, rest: bool) -> str:
    dist = f"{drill.distance_m:g}"
    out = f"{drill.reps} × {dist} m at {level} %"
    if ms is not None:
        out += f" ({ms:.1f} m/s)"
    if rest and drill.rest:
        out += f", {drill.rest}"
    return out


def _missed_logged(content: str, match: str) -> str:
    """A compensation session's words after a match day logged as not training (ill, absent):
    "You missed League match 7 (logged as not training)." for the catalogue's "You did not play
    League match 7: a top-up.", which read as a squad decision; other words are kept."""
    head = f"You did not play {match}"
    if not content.startswith(head):
        return content
    end = content.find(".")
    return f"You missed {match} (logged as not training)" + (content[end:] if end > 0 else ".")


def _tidy(text: str) -> str:
    text = " ".join(text.replace("()", "").split())
    return text.replace(" .", ".").replace(" ,", ",").replace("..", ".").strip()


def shown_session(prescriber: Prescriber, plan: Plan, athlete: str, i: int) -> Prescription | None:
    """The session of day ``i`` as the Inspector and ``explain`` say it: None for a day before
    today that went otherwise (its session would be made up from the logged level; the day's
    "went otherwise" words say it) or an athlete without a plan."""
    from planner.history import planned_level, went_otherwise

    ap = plan.for_athlete(athlete)
    if ap is None:
        return None
    was = planned_level(prescriber.season, ap, prescriber.tl.days[i], prescriber.tl)
    p = prescriber.day(athlete, i)
    if p is not None and p.hurt:  # the injury's onset: the match or session logged, as it was
        return p
    if was is not None and went_otherwise(ap.stages[i], was, ap.intensity[i]):
        return None
    return p


def session_ids(season: Season, plan: Plan, *,
                anonymise: bool = False) -> dict[str, list[str | None]]:
    """Athlete id -> each day's session id (the plan JSON's ``session``). None on a day before
    today above the stage the records now give it (a flare-up recorded after it was logged:
    :meth:`Prescriber.above_stage`): the pages say what was logged, "not a session of P3", so
    the id is no session either; the JSON's id read "rehab-speed" with ``stage`` P3 at 90 %, a P3
    session above P3's cap that nobody ran. An injury's onset as logged keeps the session it
    was (``match-start``)."""
    p = Prescriber(season, plan, anonymise=anonymise)
    out = {}
    for a in season.athletes:
        days = p.athlete(a.id)
        if days is not None:
            out[a.id] = [None if d.as_logged and not d.hurt else d.session for d in days]
    return out


NAMED_WITHOUT_MAX = 4  # the athletes a line of speed_without_max_line names, the others counted


@dataclass(frozen=True)
class SpeedWithoutMax:
    """An athlete without a max speed on record planned speed work from today on: the % of his
    sessions has no speed to aim at (a signing added without one). Not a rule of the plan: Plan
    Check and ``periodize solve``/``check`` list it beside the congested fixtures."""

    athlete: str
    first: dt.date  # the first day from today on planned at HV_LEVEL or more with a % target


def speed_without_max(season: Season, plan: Plan | None = None) -> list[SpeedWithoutMax]:
    """The athletes with no max speed planned a running day at ``HV_LEVEL`` % or more from
    today on whose session gives a % to reach (a match played gives none), in the squad's order."""
    plan = plan if plan is not None else season.plan
    unmeasured = [a.id for a in season.athletes if not a.max_speed]
    if plan is None or not unmeasured:
        return []
    p = Prescriber(season, plan)
    out = []
    for aid in unmeasured:
        ap = plan.for_athlete(aid)
        if ap is None or len(ap.intensity) != p.tl.n:
            continue
        first = next((i for i in range(p.tl.p0, p.tl.n) if ap.intensity[i] >= HV_LEVEL
                      and (s := p.day(aid, i)) is not None and s.no_max_speed), None)
        if first is not None:
            out.append(SpeedWithoutMax(aid, p.tl.days[first]))
    return out


def speed_without_max_line(season: Season, found: list[SpeedWithoutMax]) -> str:
    """``2 athletes with speed days planned and no max speed: Diego Santos (A26) from Mon 4 Jan,
    …: enter it in Season ▸ Squad or the workbook's Athletes sheet`` (``""`` for none)."""
    if not found:
        return ""
    who = ", ".join(f"{season.athlete_label(x.athlete)} from {day_words(x.first)}"
                    for x in found[:NAMED_WITHOUT_MAX])
    if len(found) > NAMED_WITHOUT_MAX:  # a squad without any max speed on record: not 24 names
        who += f" and {plural(len(found) - NAMED_WITHOUT_MAX, 'other')}"
    return (f"{plural(len(found), 'athlete')} with speed days planned and no max speed: {who}: "
            f"enter it in Season ▸ Squad or the workbook's Athletes sheet")
