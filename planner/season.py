"""The season document: everything a coach keeps about one season.

Every object is immutable (frozen pydantic models holding tuples). A change is an edit that
returns a new document (``planner.edits``). Field-level checks live on the models; checks that
span the document (references, dates inside the season, rehab records against their protocol)
live in :func:`season_problems`, which returns every problem with the path of the bad value.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    field_validator,
    model_validator,
)

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Priority = Literal["A", "B", "C"]
RehabStage = Literal["P1", "P2", "P3", "S1", "S2", "S3"]
REHAB_STAGES: tuple[str, ...] = get_args(RehabStage)  # the one list of stage ids, in order
FIT = "FIT"
INJ = "INJ"
RecordedStage = Literal[RehabStage, "FIT"]  # a stage the injury record or a pin can name
PlanStage = Literal[RehabStage, "FIT", "INJ"]
WeekKind = Literal["load", "deload", "taper"]
Role = Literal["start", "bench", "out"]  # a match role (rules-spec.md section 2)
ROLES: tuple[str, ...] = ("start", "bench", "out")
LEVELS: tuple[int, ...] = (0, 60, 70, 80, 90, 95, 100)
LADDER: tuple[int, ...] = tuple(v for v in LEVELS if v >= 60)  # the sprint ladder (RH-11)
SPEED_DAY = 80  # a speed day has intensity >= 80
HV_LEVEL = 90  # an HV exposure has intensity >= 90
PLAY_LEVEL = {"start": 100, "bench": 80}  # a competition day played: the level of each role
PLAYED_LEVELS = tuple(PLAY_LEVEL.values())  # a FIT athlete's competition day at one is played
RAMP_STEPS = (80, 90)  # RAMP: the most the first and the second speed day after a break may be



# the invisible marks that set the direction of the text after them (right-to-left override,
# embeddings, isolates, the left-to-right and right-to-left marks): one in a name turned the
# rest of the board's row and the Excel sheet's heading around ("LTR" for "RTL")
DIRECTION_MARKS = frozenset("\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F)))
                            + "".join(map(chr, range(0x2066, 0x206A))))


def control_problem(text: str) -> str | None:
    """Why ``text``, a name a coach types, cannot be one: it holds a control character (a bell
    or an escape rang and coloured the terminal it was printed in; a NUL vanished from the Excel
    export; a tab or a line break is no part of a name either) or a text-direction mark
    (:data:`DIRECTION_MARKS`), or None."""
    bad = next((c for c in text if unicodedata.category(c) == "Cc" or c in DIRECTION_MARKS), None)
    if bad is None:
        return None
    if bad in DIRECTION_MARKS:
        return (f"holds a text-direction mark (U+{ord(bad):04X}), which turns the text after it "
                f"around on the board and in exports; remove it")
    return f"holds a control character (U+{ord(bad):04X}); remove it"


def _no_control(text: str) -> str:
    if problem := control_problem(text):
        raise ValueError(problem)
    return text


NoControl = AfterValidator(_no_control)
# free text a coach types as a name or a label: no control characters (a note may hold lines)
Text = Annotated[str, Field(max_length=200), NoControl]
Name = Annotated[str, Field(min_length=1, max_length=200), NoControl]
Note = Annotated[str, Field(max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=40)]
OwnId = Annotated[str, Field(min_length=1, max_length=40), NoControl]  # where an ID is given


def number_words(v: float) -> str:
    """A float as a JSON file writes it: ``NaN``, ``Infinity``, ``-Infinity``, else ``6.5``."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return f"{v:g}"


def _date_as_text(v: object) -> object:
    """A date is written as text ("2026-09-14"): a number in a date field is refused, not read
    as seconds since 1970 (0 was read as 1 Jan 1970, -1 and 6.5 were "not a date")."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        said = str(v) if isinstance(v, int) else number_words(v)
        kind = "a number, not a date" if said[-1].isdigit() else "not a date"  # NaN, Infinity
        raise ValueError(f'{said} is {kind}; write the date as text in quotes, e.g. "2026-09-14"')
    return v


# a day of a season file: a date, or its ISO text; never a number
Day = Annotated[dt.date, BeforeValidator(_date_as_text)]


_INDEXES: dict[tuple[int, int], tuple[tuple, dict]] = {}


def _index(items: tuple, key) -> dict:
    """``{key(item): item}`` of an immutable tuple of a season (the first item wins a repeated
    key), built once per tuple: lookups by id run many times per athlete in the solver, the
    plan check and the figures. The cache holds the tuple, so its id is not reused meanwhile."""
    k = (id(items), id(key.__code__))
    hit = _INDEXES.get(k)
    if hit is not None and hit[0] is items:
        return hit[1]
    out: dict = {}
    for x in items:
        out.setdefault(key(x), x)
    if len(_INDEXES) >= 64:
        _INDEXES.clear()
    _INDEXES[k] = (items, out)
    return out


class Model(BaseModel):
    # every number is strict (StrictFloat, StrictInt, ``strict=True``): a hand-edited "75" or
    # true is refused where a number goes ("'75' is not a number"), as a max speed always was
    # (a number is also finite: NaN and Infinity, which JSON written by other programs may hold,
    # are refused, not shown as "nan %")
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              allow_inf_nan=False)


class NonTrainingDay(Model):
    date: Day
    reason: Text = ""


LONGEST_SEASON_DAYS = 731  # a season spans at most two years (its last day 731 days after its first)


class Calendar(Model):
    start: Day
    end: Day
    week_start: Weekday = "mon"
    training_days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat")
    non_training_days: tuple[NonTrainingDay, ...] = ()
    today: Day | None = None

    @model_validator(mode="after")
    def _span(self) -> Calendar:
        if self.end < self.start:
            raise ValueError("the season ends before it starts; set 'end' on or after 'start'")
        if (self.end - self.start).days > LONGEST_SEASON_DAYS:
            raise ValueError("a season may span at most two years; shorten it")
        if len(set(self.training_days)) != len(self.training_days):
            raise ValueError("training_days lists a weekday twice; list each once")
        return self


class Competition(Model):
    id: OwnId
    name: Name
    date: Day
    end_date: Day | None = None
    priority: Priority

    @model_validator(mode="after")
    def _span(self) -> Competition:
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError("end_date is before date; a multi-day event ends on or after its first day")
        return self

    @property
    def last(self) -> dt.date:
        return self.end_date or self.date

    def days(self) -> list[dt.date]:
        n = (self.last - self.date).days
        return [self.date + dt.timedelta(days=i) for i in range(n + 1)]


class Block(Model):
    name: Name
    start: Day
    end: Day
    emphasis: Text = ""

    @model_validator(mode="after")
    def _span(self) -> Block:
        if self.end < self.start:
            raise ValueError("the block ends before it starts; set 'end' on or after 'start'")
        return self


MIN_MAX_SPEED = 4.0  # m/s (14.4 km/h): no athlete's top sprint is slower
# m/s (45 km/h): no athlete's top sprint is faster (the world record is about 12.4 m/s); a max
# speed entered above it is refused (the workbook notes one above 11 m/s, still read)
FASTEST_MAX_SPEED = 12.5
MAX_MAX_SPEED = 15.0  # m/s (54 km/h): the field's own bound; a season file's old max still opens
KMH_MAX = MAX_MAX_SPEED * 3.6  # 54 km/h: the most a max speed typed in km/h may be
# km/h: a number typed without a unit is read as km/h from this on (the Squad editor, the
# workbook, record --max-speed); one above FASTEST_MAX_SPEED and below this is neither (slower
# than any athlete sprints in km/h, faster in m/s): refused
BARE_KMH_MIN = 20.0
# % of the athlete's max speed: the most a logged top speed may be (in % or in m/s, the app's Log
# cell, a session log read, a season file's sessions); above it, a typo or another unit
TOP_PCT_MAX = 110
TOP_SPEED_FACTOR = TOP_PCT_MAX / 100  # 1.1: a top speed in m/s is at most this times the max


def speed_kept(ms):
    """A speed in m/s worked out from another unit, kept to 0.01 m/s (no GPS unit measures
    finer): 23.4 km/h is stored as 6.5, not 6.499999999999999. A number, or a pandas Series of
    them (a log's column)."""
    return round(ms, 2)


def max_speed_from_kmh(kmh: float) -> float:
    """A max speed given in km/h (as GPS vests report it) in m/s, kept to two decimals, as the
    workbook and the Squad editor both store it: 34.6 km/h is 9.61 m/s, so a new max typed from
    the log reads as typed (to one decimal, 9.6 m/s is 34.56 km/h)."""
    return speed_kept(kmh / 3.6)


def max_speed_problem(v: float) -> str | None:
    """Why ``v`` m/s cannot be an athlete's max speed, with the unit and the km/h reading: below
    :data:`MIN_MAX_SPEED` (a fraction, a percentage or a speed in another unit) or above
    :data:`FASTEST_MAX_SPEED` (a typo, or km/h); None when it can be one. The Squad editor, the
    workbook, ``record --max-speed`` and a max speed taken from a log all ask it."""
    if MIN_MAX_SPEED <= v <= FASTEST_MAX_SPEED:
        return None
    slow = v < MIN_MAX_SPEED
    bound = MIN_MAX_SPEED if slow else FASTEST_MAX_SPEED
    # to the decimal that tells the two apart: 3.99 m/s is 14.36 km/h, not "14.4" beside 4's
    places = next((d for d in (1, 2, 3) if round(v * 3.6, d) != round(bound * 3.6, d)), 3)
    return (f"{v:g} m/s ({v * 3.6:.{places}f} km/h) is {'slower' if slow else 'faster'} than any "
            f"athlete sprints; a max speed is in m/s, at {'least' if slow else 'most'} {bound:g} "
            f"({bound * 3.6:.1f} km/h): write the top speed in m/s, e.g. 9.2 (33.1 km/h), or "
            f"leave it empty")


def above_top_speed(ms: float, max_speed: float | None) -> bool:
    """A top speed of ``ms`` m/s is more than 10 % above the max speed (:data:`TOP_PCT_MAX`),
    compared in percent to the hundredth as the inputs are given (speeds to the centimetre):
    in floats 4.972 m/s was above 110 % of 4.52 m/s, so 110 % is always taken and 110.01 %
    never; without a max speed (None or 0) every speed is."""
    if not max_speed:
        return ms > 0
    return round(100 * ms / max_speed, 2) > TOP_PCT_MAX


def top_speed_problem(ms: float, max_speed: float, who: str) -> str | None:
    """Why a top speed of ``ms`` m/s cannot be logged for ``who`` (an athlete's name or label)
    whose max speed is ``max_speed``: more than 10 % above it, said with the most it may be;
    None when it can. The speed is said to the centimetre as typed, and both to the decimal that
    tells them apart ("9.94 m/s … at most 9.9 m/s", not "9.9 m/s … (9 m/s)"). The caller adds
    where and the fix. The app's Log cell, a session log read and a season file's sessions all
    ask it."""
    if not above_top_speed(ms, max_speed):
        return None
    most = max_speed * TOP_SPEED_FACTOR
    places = max(1, len(f"{round(ms, 2):g}".partition(".")[2]))  # to the centimetre, as typed
    while places < 6 and f"{ms:.{places}f}" == f"{most:.{places}f}":
        places += 1
    return (f"{round(ms, places):g} m/s is more than {TOP_PCT_MAX - 100} % above {who}'s max "
            f"speed ({max_speed:g} m/s: at most {round(most, places):g} m/s)")


class Athlete(Model):
    id: OwnId
    name: Name
    position: Text = ""
    # m/s, strict: a hand-edited true is refused, not read as 1.0 m/s. Below MIN_MAX_SPEED it is
    # refused here too, as the workbook, the Squad editor and record --max-speed refuse it: a
    # season file's 2 or 0.5 (a slip for 9.2, a fraction) was read without a word, and every
    # sprint target and logged top speed in % of it was wrong
    max_speed: Annotated[float, Field(strict=True, allow_inf_nan=False,
                                      le=MAX_MAX_SPEED)] | None = None
    role: Role = "start"  # default match role; ``Season.roles`` sets it per competition

    @field_validator("max_speed")
    @classmethod
    def _a_sprint(cls, v: float | None) -> float | None:
        if v is not None and v < MIN_MAX_SPEED:
            raise ValueError(max_speed_problem(v))
        return v

    @property
    def label(self) -> str:
        """"Leo Martin (A12)"; the ID alone when the name is the ID (an anonymised season's,
        or a squad typed by ID): "A1", not "A1 (A1)"."""
        return f"{self.name} ({self.id})" if self.name != self.id else self.id


class Unavailability(Model):
    athlete: Id
    start: Day
    end: Day
    reason: Text = ""

    @model_validator(mode="after")
    def _span(self) -> Unavailability:
        if self.end < self.start:
            raise ValueError("'end' is before 'start'; the range is inclusive, so end >= start")
        return self


class CriteriaTest(Model):
    """A recorded criteria test (e.g. hip-flexor strength LSI 84 %, pain 2/10)."""

    date: Day
    name: Name
    value: StrictFloat
    unit: Text = ""


class StageRecord(Model):
    """A stage start in the history (``FIT``: returned to full competition on that date)."""

    stage: RecordedStage
    start: Day


class Injury(Model):
    athlete: Id
    protocol: Id
    onset: Day
    stages: Annotated[tuple[StageRecord, ...], Field(min_length=1)]
    flare_ups: tuple[Day, ...] = ()
    target_competition: Id | None = None
    tests: tuple[CriteriaTest, ...] = ()  # criteria results; each taken in the stage held that day
    flare_notes: dict[dt.date, str] = Field(default_factory=dict)  # flare-up date -> note

    @property
    def current(self) -> StageRecord:
        return self.stages[-1]


class MatchRole(Model):
    """One athlete's role for one competition (overrides the athlete's default role)."""

    competition: Id
    athlete: Id
    role: Role


class RuleSettings(Model):
    """Coach changes to the default rule set: parameter values and soft/hard/off modes.

    ``values`` maps a rule id to its changed parameters, e.g. ``{"HV-2": {"max_speed_days": 1}}``;
    ``modes`` maps a soft rule id to ``"soft"``, ``"hard"`` or ``"off"``. Anything not listed
    keeps the default of ``planner.rules``.
    """

    # strict numbers: a hand-edited true or "1.3" is refused, not read as 1.0 or 1.3
    values: dict[str, dict[str, StrictFloat | StrictInt | tuple[str, ...]]] = Field(
        default_factory=dict)
    modes: dict[str, Literal["soft", "hard", "off"]] = Field(default_factory=dict)

    @field_validator("values", mode="before")
    @classmethod
    def _names_as_lists(cls, v):
        """A setting that takes names (HV-1's exempt positions) given one name as text: a list
        of the comma-separated names, as the rules panel reads what is typed."""
        from planner.rules import RULES

        if not isinstance(v, dict):
            return v
        out = {}
        for rid, params in v.items():
            rule = RULES.get(rid) if isinstance(rid, str) else None
            if rule is None or not isinstance(params, dict):
                out[rid] = params
                continue
            texts = {p.name for p in rule.params if p.text is not None}
            out[rid] = {k: (tuple(x.strip() for x in val.split(",") if x.strip())
                            if k in texts and isinstance(val, str) else val)
                        for k, val in params.items()}
        return out


class IntensityPin(Model):
    kind: Literal["intensity"] = "intensity"
    athlete: Id
    date: Day
    intensity: StrictInt

    @field_validator("intensity")
    @classmethod
    def _level(cls, v: int) -> int:
        if v not in LEVELS:
            raise ValueError(f"{v} is not an intensity level; use one of {', '.join(map(str, LEVELS))}")
        return v


class WeekPin(Model):
    """Pins a week's kind for the team (``athlete`` None) or for one athlete's own week."""

    kind: Literal["week"] = "week"
    athlete: Id | None = None
    week: Day  # any day of the week
    week_kind: WeekKind


class StagePin(Model):
    kind: Literal["stage_start"] = "stage_start"
    athlete: Id
    stage: RecordedStage
    date: Day


Pin = Annotated[IntensityPin | WeekPin | StagePin, Field(discriminator="kind")]


class Session(Model):
    """A logged session (rules-spec.md section 9): what happened on a day. Several on one day add
    up (minutes and load; the highest top speed, the most minutes played, the worst pain)."""

    athlete: Id
    date: Day
    minutes: Annotated[StrictFloat, Field(ge=0, le=600)]
    rpe: Annotated[StrictFloat, Field(ge=0, le=10)]  # CR-10 session RPE
    top_speed_pct: Annotated[StrictFloat, Field(ge=0, le=TOP_PCT_MAX)] | None = None  # % of the athlete's max
    top_speed_ms: Annotated[StrictFloat, Field(gt=0, le=16.5)] | None = None  # m/s (with a max speed)
    minutes_played: Annotated[StrictFloat, Field(ge=0, le=600)] | None = None  # in a competition
    pain: Annotated[StrictFloat, Field(ge=0, le=10)] | None = None  # 0-10
    note: Note = ""

    @property
    def load(self) -> float:
        """Session load in AU: minutes x RPE (sRPE)."""
        return self.minutes * self.rpe


class SoftViolation(Model):
    rule: Id
    athlete: Id | None = None
    start: Day
    end: Day
    message: str
    penalty: StrictInt = 0


class AthletePlan(Model):
    athlete: Id
    stages: tuple[PlanStage, ...]
    intensity: tuple[StrictInt, ...]
    weeks: tuple[WeekKind, ...]
    # days before today whose level (what happened) differs from the level planned for them
    # before they happened: date -> the planned level (rules-spec.md section 9)
    planned: dict[dt.date, StrictInt] = Field(default_factory=dict)
    # the same for the stage (a flare-up recorded afterwards sends past days back a stage):
    # date -> the stage planned for the day; the planned load prices what was planned
    planned_stages: dict[dt.date, PlanStage] = Field(default_factory=dict)


# The planner's version, raised when the solver plans the same season differently in a way no
# rule states: 2, a starter's first training day after a match is a recovery session; 3, a fit
# athlete's 80 % and 90 % speed days only as RAMP's steps (solver/polish.py; docs/semantics.md);
# 4, the recovery day of a returner whose start the solver decides, on a competition day he sits
# out too (he ran the 70 % session there).
# A stored plan of an earlier version is not kept as it is: solving keeps the new plan and a
# re-plan covers the whole future (solver/run.py, solver/whatif.py).
# 5: RAMP's 80 % step before a match started cold (solver.polish); 6: MD+2 trains in a squad on
# fewer than 3 training weekdays (Timeline.recovery_md2)
PLANNER_VERSION = 6


class Plan(Model):
    """A plan for every athlete-day and athlete-week of the season (rules-spec.md section 2)."""

    # the planner version that made it; 1 for a plan stored before the version was recorded
    planner_version: StrictInt = Field(default=1, ge=1)
    status: Literal["optimal", "feasible", "infeasible", "cancelled", "timeout", "manual"]
    objective: StrictFloat | None = None
    bound: StrictFloat | None = None
    solve_seconds: StrictFloat | None = None
    team_weeks: tuple[WeekKind, ...]
    athletes: tuple[AthletePlan, ...]
    soft: tuple[SoftViolation, ...] = ()
    # the session log it was made with: per athlete, per day logged, a short digest of that day's
    # sessions (``log_basis``); None when made before this was recorded
    logged_with: dict[str, dict[str, str]] | None = None
    # the athletes whose rows are placeholders at 0 % (added to a plan made without them: Add
    # athlete, a coach workbook imported again with ``--keep``) until a solve or re-plan plans
    # them; every reader says "not planned yet" for them, never a session
    unplanned: tuple[str, ...] = ()
    # the first day the season was planned from, when after its start (the ``today`` of the first
    # plan made with no plan stored, carried by every plan made from one): its days before hold
    # no plan, only what is logged, so their load is not known where nothing is logged
    # (planner.loadtable.known_from); None: from the season's start, or made before it was
    # recorded (then read from the stored days)
    planned_from: Day | None = None

    def for_athlete(self, athlete_id: str) -> AthletePlan | None:
        for ap in self.athletes:
            if ap.athlete == athlete_id:
                return ap
        return None


class Scenario(Model):
    """A what-if branch: a name, the plan it branches from, the edits replayed on the baseline
    (``planner.edits`` dicts), and its own plan."""

    name: Annotated[str, Field(min_length=1, max_length=100), NoControl]
    edits: tuple[dict, ...] = ()
    base_plan: Plan | None = None
    plan: Plan | None = None
    # what the season was when ``plan`` was made: a short digest of each part of it
    # (``plan_basis``); None when not planned, or planned before this was recorded
    planned_for: dict[str, str] | None = None


class Season(Model):
    name: Name
    calendar: Calendar
    competitions: tuple[Competition, ...] = ()
    blocks: tuple[Block, ...] = ()
    athletes: tuple[Athlete, ...] = ()
    unavailability: tuple[Unavailability, ...] = ()
    injuries: tuple[Injury, ...] = ()
    rules: RuleSettings = Field(default_factory=RuleSettings)
    pins: tuple[Pin, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    plan: Plan | None = None
    sessions: tuple[Session, ...] = ()
    roles: tuple[MatchRole, ...] = ()

    # -- lookups -----------------------------------------------------------------
    def athlete(self, athlete_id: str) -> Athlete | None:
        return _index(self.athletes, lambda a: a.id).get(athlete_id)

    def injuries_of(self, athlete_id: str) -> list[Injury]:
        """The athlete's injury records, by onset (each governs until the next one's onset)."""
        return sorted((i for i in self.injuries if i.athlete == athlete_id), key=lambda i: i.onset)

    def injury_of(self, athlete_id: str) -> Injury | None:
        """The athlete's latest injury record (by onset), or None."""
        recs = self.injuries_of(athlete_id)
        return recs[-1] if recs else None

    def role_of(self, athlete_id: str, competition_id: str) -> str:
        """The athlete's role for a competition: the per-competition entry, else the default."""
        r = _index(self.roles, lambda r: (r.athlete, r.competition)).get((athlete_id, competition_id))
        if r is not None:
            return r.role
        a = self.athlete(athlete_id)
        return a.role if a is not None else "start"

    def competition(self, comp_id: str) -> Competition | None:
        return next((c for c in self.competitions if c.id == comp_id), None)

    def athlete_label(self, athlete_id: str) -> str:
        a = self.athlete(athlete_id)
        return a.label if a is not None else athlete_id


# -- what a plan was made for ---------------------------------------------------------------------
# The parts of a season a plan depends on, with the words a coach reads when one changed. The
# season's name, its scenarios and its plan are left out: renaming the season or planning it
# again does not make a scenario's plan out of date.
BASIS_PARTS: dict[str, str] = {
    "calendar": "the calendar (the season's dates or today)", "competitions": "the competitions",
    "blocks": "the training blocks", "athletes": "the squad", "unavailability": "the absences",
    "injuries": "the injuries", "roles": "the match roles", "rules": "the rules",
    "pins": "the pins", "sessions": "the session log",
}
COMPETITION_DAYS = "competition_days"  # planned_for's list of the competitions, beside the digests
_last_basis: tuple = (None, None)  # the last season asked about and its basis


def solve_inputs(season: Season) -> Season:
    """``season`` as a solve or a re-plan reads it: its what-if scenarios left out. A result
    is for an older season (offered, not applied) only when this changed while it ran: a
    scenario added or undone meanwhile asked "Apply this plan anyway?" of a plan exactly right."""
    return season.model_copy(update={"scenarios": ()}) if season.scenarios else season


def planning_start(season: Season) -> dt.date:
    """The first day that may still be planned: the later of the season start and ``today``."""
    cal = season.calendar
    return max(cal.start, cal.today) if cal.today else cal.start


def plan_basis(season: Season) -> dict[str, str]:
    """A short digest of each part of ``season`` a plan depends on (``BASIS_PARTS``): two
    seasons with the same basis ask for the same plan."""
    global _last_basis
    last, basis = _last_basis
    if last is season:
        return basis
    import hashlib
    import json

    data = season.model_dump(mode="json", include=set(BASIS_PARTS))
    basis = {part: hashlib.blake2b(json.dumps(data[part], sort_keys=True, separators=(",", ":"))
                                   .encode(), digest_size=8).hexdigest()
             for part in BASIS_PARTS}
    # the competitions themselves (a few dozen, small): which one moved can then be said
    basis[COMPETITION_DAYS] = json.dumps([[c.id, c.name, c.date.isoformat(),
                                           c.end_date.isoformat() if c.end_date else None,
                                           c.priority] for c in season.competitions],
                                         separators=(",", ":"))
    _last_basis = (season, basis)
    return basis


_last_log: tuple = (None, None)  # the last session log asked about and its basis
# a session's fields the planner reads (the load, the past's level, who played, pain), in the
# model's order: a note, or the order a day's sessions were logged in, changes no plan
PLANNED_FROM = ("minutes", "rpe", "top_speed_pct", "top_speed_ms", "minutes_played", "pain")


def log_basis(sessions: tuple[Session, ...]) -> dict[str, dict[str, str]]:
    """A short digest of each athlete-day's logged sessions, by athlete and ISO day: a plan
    records the one it was made with (``Plan.logged_with``), so the days logged otherwise since
    can be named after the season is saved and opened again. Only what the planner reads
    (``PLANNED_FROM``) counts, whatever the order of a day's sessions."""
    global _last_log
    last, basis = _last_log
    if last is sessions:
        return basis
    import hashlib

    days: dict[tuple[str, dt.date], list[str]] = {}
    for x in sessions:  # the fields given (a field added later, unset, changes no digest)
        days.setdefault((x.athlete, x.date), []).append(repr(
            [(k, v) for k in PLANNED_FROM if (v := getattr(x, k)) is not None]))
    basis: dict[str, dict[str, str]] = {}
    for (athlete, day), logged in days.items():
        basis.setdefault(athlete, {})[day.isoformat()] = hashlib.blake2b(
            "\n".join(sorted(logged)).encode(), digest_size=4).hexdigest()
    _last_log = (sessions, basis)
    return basis


def basis_changes(season: Season, scenario: Scenario) -> list[str]:
    """The parts of ``season`` (in a coach's words) that changed since ``scenario``'s plan was
    made; empty when none did, or when it has no plan or its plan predates the record."""
    if scenario.plan is None or not scenario.planned_for:
        return []
    now = plan_basis(season)
    return [words for part, words in BASIS_PARTS.items()
            if scenario.planned_for.get(part) != now[part]]
