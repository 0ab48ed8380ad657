"""The facts of a plan that several rules read, and each injured athlete's return.

Contract: ``shared/rules-spec.md`` (version 2) sections 2-4 and 7, as read in ``docs/semantics.md``
("Who plays, and given days", RE-1, RH-STAGE, RH-CRIT and "The return"). Written from those texts,
independently of the solver; the plan checker (``planner.check``) reads the same facts.

- :class:`AthleteFacts`: one athlete's plan with who plays, the athlete's training days, RE-1
  readiness, the governing injury record of each day and the stages the records force.
- :func:`stage_walk`: the stage runs of an athlete from ``p0`` on (what RH-STAGE, RH-11's resets
  and the provisional exits read), to the day he left the squad for good.
- :func:`returns`: one :class:`Return` per injury record that RTS counts.
- :func:`provisional_days`: per athlete and day, whether the stage depends on a criteria result
  not yet passed (RH-CRIT).

Readings taken where neither page decides:

- On a competition day an available ``FIT`` athlete *plays* exactly when the plan has 100 or 80
  there (semantics.md RE-1: "intensity 100 or 80 on a competition day"); whether the role and RE-1
  allow it is the checker's question (AV-1, RE-1). So an athlete who does not play a competition
  day may train there at 60, 70, 90 or 95, never at 80 or 100. Before ``p0`` a played day needs no
  availability (the past is a fact). Two competitions on one day: the athlete's best role of them
  counts (``start`` over ``bench`` over ``out``) for the day's level; each competition keeps its
  own role, never better than the day's (:func:`day_match_roles`), and each one played counts in
  the day's load (:func:`other_matches`, ``planner.loadtable``).
- RE-1's return day R also follows ``INJ`` (an injury with no stage recorded is rehab too, as in
  "Who plays"). Stages before the season come from the injury records; from the season start on,
  from the plan.
- The return: ``fit`` and ``first_match`` are searched from the record's first day from ``p0`` to
  the end of its span inside the season; ``target_met`` is None when the target competition is not
  a competition of the season or its first day lies outside the season.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from planner.criteria import Result, criterion, latest_results, not_passed, tests_until
from planner.history import logged_days
from planner.memo import by_identity
from planner.protocols import Protocol, load_protocol
from planner.rehab import athlete_stage_on, back, flare_steps, played_hurt, segments, stage_order
from planner.rules import RuleSet
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    REHAB_STAGES,
    SPEED_DAY,
    AthletePlan,
    Injury,
    Plan,
    Season,
    planning_start,
)
from planner.squad import gone_from, hv1_exempt, left_words
from planner.text import join_and, rehab_where, with_note
from planner.timeline import Timeline

# Caps of the default template, used only for a rehab stage the governing protocol does not know
# (a plan that already breaks RH-STAGE).
DEFAULT_CAPS = {**dict(zip(REHAB_STAGES, (0, 70, 80, 90, 95, 100), strict=True)), FIT: 100, INJ: 0}
REHAB = frozenset(REHAB_STAGES)
RETURN_FROM = REHAB | {INJ}  # RE-1: reaching FIT from one of these is a return
# a returner's first match not played because his default role is out and no match has a role
# of its own for him (a signing added without a role): said once, with where to set it
OUT_BY_DEFAULT = "not in the matchday squad, out by default: no role set for a match yet (Roles panel)"
_ROLE_RANK = {"start": 0, "bench": 1, "out": 2}


def day_match_roles(roles, level: int, played: bool = True) -> tuple[str, ...]:
    """Each competition's role on a day with several (``roles``: as set for each, in the day's
    order) when the day is planned at ``level``: the role set for it, never better than the day's
    played role (100 ``start``, 80 ``bench``; a day not played: ``out`` for every one, whatever
    holds the athlete out: RE-1, rehab, away)."""
    day = ("start" if level >= PLAY_LEVEL["start"] else "bench" if level >= PLAY_LEVEL["bench"]
           else "out") if played else "out"
    return tuple(max(r, day, key=_ROLE_RANK.__getitem__) for r in roles)


def other_matches(roles, level: int, played: bool = True) -> tuple[str, ...]:
    """The roles of the competitions played on a day beside the first (best-role) one, which the
    day's level is: each counts in the day's load (docs/semantics.md, "Several competitions on
    one day"); none on a day with one competition."""
    if len(roles) < 2:  # nearly every day: no list built
        return ()
    got = sorted((r for r in day_match_roles(roles, level, played) if r in PLAY_LEVEL),
                 key=_ROLE_RANK.__getitem__)
    return tuple(got[1:])


@dataclass
class StageRun:
    """A stage run RH-STAGE walks: its stage, first day (None: fit before any onset), governing
    record (index into the athlete's records), days at the stage's cap so far, whether its maximum
    was reported, and whether it was entered by an allowed move (a run entered by a move that is
    already a violation is not checked again when it ends)."""

    stage: str
    start: int | None
    rec: int | None
    at_cap: int = 0
    max_reported: bool = False
    checked: bool = True
    flare: bool = False  # entered by a flare-up (or a record on its date): twice its maximum


def ran_in(stages: tuple[str, ...], intensity: tuple[int, ...], i: int, flared: bool) -> str:
    """The stage day ``i``'s session was run in (``flared``: a flare-up is recorded that day): on
    a flare-up's day with running, the stage held the day before, else the day's stage
    (:meth:`AthleteFacts.session_stage`)."""
    if 0 < i < len(stages) and flared and intensity[i] > 0:
        return stages[i - 1]
    return stages[i]


def flare_back(rec: Injury, proto: Protocol, day: dt.date, prev: str) -> str | None:
    """The stage a flare-up of ``rec`` on ``day`` sends an athlete held in ``prev`` the day before
    back to (RH-FL: a stage, two for a second flare-up in a short time); None when ``prev`` is no
    stage of the protocol."""
    if prev not in stage_order(proto):
        return None
    return back(proto, prev, flare_steps(rec.flare_ups, day))


def flared_to(season: Season, ap: AthletePlan, i: int) -> str | None:
    """The stage the flare-up recorded on day ``i`` sends the athlete to, as RH-FL reads it
    (:meth:`AthleteFacts.forced`): the stage recorded that day, else back from the stage the plan
    holds the day before. None on a day without a flare-up (or nothing to go back from)."""
    from planner.errors import PeriodizeError
    from planner.rehab import governing

    day = season.calendar.start + dt.timedelta(days=i)
    rec = governing(season.injuries_of(ap.athlete), day)
    if rec is None or day not in rec.flare_ups or not 0 < i < len(ap.stages):
        return None
    recorded = next((r.stage for r in rec.stages if r.start == day), None)
    if recorded is not None:
        return recorded
    try:
        return flare_back(rec, load_protocol(rec.protocol), day, ap.stages[i - 1])
    except PeriodizeError:
        return None


def _day_stages(season: Season, ap: AthletePlan, i: int) -> tuple[str, str, str | None]:
    """(the stage day ``i``'s session ran in, the day's stage, and the stage a flare-up recorded
    that day sends the athlete to when the plan does not hold it: a plan made before the flare-up
    was recorded, None otherwise). The first two differ on a flare-up's day with running
    (:func:`ran_in`)."""
    day = season.calendar.start + dt.timedelta(days=i)
    flared = any(day in r.flare_ups for r in season.injuries_of(ap.athlete))
    new = flared_to(season, ap, i) if flared else None
    return ran_in(ap.stages, ap.intensity, i, flared), ap.stages[i], new if new != ap.stages[i] else None


def injury_not_planned(season: Season, ap: AthletePlan, i: int) -> str | None:
    """The stage a recorded injury holds the athlete in on day ``i``, today or later, when the
    plan, made before the injury was recorded, has the athlete fit on every day from its onset
    to day ``i``: "P1" for a hamstring strain recorded on Monday with its onset on Saturday, the
    plan still holding the player fit. None otherwise: the plan holds the injury (a stage not
    FIT since the onset), the day is before today (a re-plan from today does not change it), the
    records hold the athlete fit, or the onset is before the season start (a record the first
    plan was made with)."""
    from planner.rehab import governing

    cal = season.calendar
    if not 0 <= i < len(ap.stages) or ap.stages[i] != FIT:
        return None
    day = cal.start + dt.timedelta(days=i)
    if cal.today is not None and day < cal.today:
        return None
    records = season.injuries_of(ap.athlete)
    rec = governing(records, day) if records else None
    if rec is None or rec.onset < cal.start:
        return None
    if any(st != FIT for st in ap.stages[(rec.onset - cal.start).days:i]):
        return None
    held = athlete_stage_on(records, day)
    return None if held == FIT else held


def day_stage_words(season: Season, ap: AthletePlan, i: int) -> str:
    """Day ``i``'s stage as the Inspector's and explain's first lines say it: "S3 → S2
    (flare-up)" on a flare-up's day whose session was run in the stage before (a 100 % day under
    "S2, cap 95 %" read as a breach), else the stage. A flare-up the plan does not hold yet (the
    plan still has P3 that day, the records P1): "P2 → P1 (flare-up, not planned yet)", from the
    stage held the day before, never "P2 → P3" as if the flare-up moved the athlete on. An
    injury recorded that the plan does not hold yet (:func:`injury_not_planned`): "FIT → P1
    (injury recorded, not planned yet)", not "FIT" above the record's "P1 since Sat 5 Dec"."""
    if (hurt := injury_not_planned(season, ap, i)) is not None:
        return f"{ap.stages[i]} → {hurt} (injury recorded, not planned yet)"
    run, st, new = _day_stages(season, ap, i)
    if new is not None:
        return f"{ap.stages[i - 1]} → {new} (flare-up, not planned yet)"
    return st if run == st else f"{run} → {st} (flare-up)"


# the stages no protocol titles, as the Inspector explains them
STAGE_MEANINGS = {INJ: "injured: no training", FIT: "fit: full training and matches"}


def stage_meaning(season: Season, athlete: str, stage: str) -> str:
    """A stage as the Inspector explains it: the protocol's title and cap for a rehab stage of
    the athlete's injury ("Controlled sprinting, cap 95 %"), else the stage's name
    (``planner.text.stage_name``; "rehab" for a stage its protocol does not read)."""
    from planner.errors import PeriodizeError
    from planner.text import stage_name

    if stage in STAGE_MEANINGS:
        return STAGE_MEANINGS[stage]
    inj = season.injury_of(athlete)
    if inj is None:
        return stage_name(stage)
    try:
        spec = load_protocol(inj.protocol).stage(stage)
    except (PeriodizeError, KeyError):
        return "rehab"
    return f"{spec.title}, cap {spec.cap} %"


def day_stage_meaning(season: Season, ap: AthletePlan, i: int) -> str:
    """What day ``i``'s stage means, beside :func:`day_stage_words` in the Inspector: the stage
    explained (:func:`stage_meaning`); on a flare-up's day whose session ran in the stage before,
    both ("the session ran in S3 (…, cap 100 %) and flared up; S2 (…, cap 95 %) from then on"),
    its intensity and session being the earlier stage's. An injury recorded the plan does not
    hold yet: the stage the records give and the plan's, with the way to plan it."""
    if (hurt := injury_not_planned(season, ap, i)) is not None:
        from planner.rehab import governing
        from planner.text import day as day_text

        rec = governing(season.injuries_of(ap.athlete), season.calendar.start + dt.timedelta(days=i))
        assert rec is not None  # injury_not_planned found it
        return (f"an injury with its onset on {day_text(rec.onset)}: {hurt} "
                f"({stage_meaning(season, ap.athlete, hurt)}) as recorded; the plan, made before "
                f"it was recorded, still has {ap.stages[i]} here: re-plan from today to plan it")
    run, st, new = _day_stages(season, ap, i)
    if new is not None:
        held = ap.stages[i - 1]
        how = (f"the session ran in {held} ({stage_meaning(season, ap.athlete, held)}) and flared up"
               if ap.intensity[i] > 0 else f"a flare-up in {held} ({stage_meaning(season, ap.athlete, held)})")
        return (f"{how}: back to {new} ({stage_meaning(season, ap.athlete, new)}) from this day; "
                f"the plan, made before it was recorded, still has {st} here: re-plan from today "
                f"to plan it")
    if run == st:
        return stage_meaning(season, ap.athlete, st)
    return (f"the session ran in {run} ({stage_meaning(season, ap.athlete, run)}) and flared up; "
            f"{st} ({stage_meaning(season, ap.athlete, st)}) from then on")


class AthleteFacts:
    """One athlete's plan with the per-day facts several rules read (day indexes from the season
    start; negative indexes are days before it)."""

    def __init__(self, season: Season, tl: Timeline, rs: RuleSet, ap: AthletePlan) -> None:
        self.id = ap.athlete
        self.tl = tl
        self.p0 = tl.p0
        self.n = tl.n
        self.st: tuple[str, ...] = ap.stages
        self.it: tuple[int, ...] = ap.intensity
        self.wk: tuple[str, ...] = ap.weeks
        self.off = tl.unavailable(self.id)
        self.records: list[Injury] = season.injuries_of(self.id)
        athlete = season.athlete(self.id)
        # HV-1 asks no exposure of the position (goalkeepers by default): his match is his session
        self.exempt = athlete is not None and hv1_exempt(rs, athlete.position)
        self.protos: list[Protocol] = [load_protocol(r.protocol) for r in self.records]
        # the day he left the squad for good (the season's end when he did not): from it on his
        # rehab is history, no stage rule binds (docs/semantics.md, "Left the squad in rehab")
        left = gone_from(season, self.id)
        self.gone = self.n if left is None else min(self.n, max(0, self.idx(left)))
        self._events()
        self.gov: list[int | None] = [self.gov_at(i) for i in range(self.n)]
        self._roles(season)
        self._who_plays()
        self.sessions = rs.value("RE-1", "team_sessions")
        self._re_entry(self.sessions)

    # -- records -------------------------------------------------------------------------------
    def idx(self, day: dt.date) -> int:
        return (day - self.tl.start).days

    def date(self, i: int) -> dt.date:
        return self.tl.start + dt.timedelta(days=i)

    def _events(self) -> None:
        """Day index of each record's onset, stage records and flare-ups (a flare-up on the date of
        one of its record's stage records is already in that record, rules-spec.md section 6)."""
        self.onsets = [self.idx(r.onset) for r in self.records]
        self.first_records = [self.idx(min(s.start for s in r.stages)) for r in self.records]
        self.rec_days: dict[int, tuple[str, int]] = {}
        self.flare_days: dict[int, int] = {}
        # every flare-up's day: its own session, the one that flared up, is no ladder or exit
        # progress (docs/semantics.md)
        self.flared: set[int] = {self.idx(f) for r in self.records for f in r.flare_ups}
        for k, r in enumerate(self.records):
            recorded = {s.start for s in r.stages}
            for s in r.stages:
                self.rec_days[self.idx(s.start)] = (s.stage, k)
            for f in r.flare_ups:
                if f not in recorded:
                    self.flare_days[self.idx(f)] = k

    def gov_at(self, i: int) -> int | None:
        """Index of the record governing day ``i`` (None before the first onset)."""
        out = None
        for k, o in enumerate(self.onsets):
            if o <= i:
                out = k
        return out

    def span_stop(self, k: int) -> int:
        """One past the last day (inside the season) that record ``k`` governs: the next record's
        onset, or the day he left the squad for good (``gone``: his return is no longer this
        squad's, docs/semantics.md "Left the squad in rehab")."""
        nxt = [o for o in self.onsets if o > self.onsets[k]]
        return min([self.gone] + nxt)

    def proto_of(self, i: int) -> Protocol | None:
        k = self.gov[i] if 0 <= i < self.n else self.gov_at(i)
        return None if k is None else self.protos[k]

    def cap(self, i: int) -> int:
        s = self.st[i]
        proto = self.proto_of(i)
        if proto is not None and s in proto.stage_ids:
            return proto.cap(s)
        return DEFAULT_CAPS.get(s, 0)

    def session_stage(self, i: int) -> str:
        """The stage day ``i``'s session was run in: on a flare-up's day with running, the stage
        held the day before (the session came before the flare-up: it is the one that flared
        up), else the day's stage. A 100 % session that flared up in S3 was shown as "Rehab S2:
        4 × 30 m at 100 %", above S2's cap, a session nobody ran."""
        return ran_in(self.st, self.it, i, i in self.flared)

    def recorded_stage(self, i: int) -> str:
        """The stage the records give for day ``i`` (any index), flare-ups folded in."""
        return athlete_stage_on(self.records, self.date(i))

    def forced(self, i: int, prev: str) -> tuple[str | None, str]:
        """The stage the records set on day ``i`` (``prev``: the stage held the day before) and its
        cause (``before-onset``, ``onset``, ``injured`` (INJ until the first stage record),
        ``record``, ``flare-up``); (None, "") when the plan may choose."""
        k = self.gov[i]
        if k is None:
            return FIT, "before-onset"
        if i in self.rec_days:
            return self.rec_days[i][0], "record"
        if i < self.first_records[k]:
            return INJ, "onset" if i == self.onsets[k] else "injured"
        if i in self.flare_days:
            new = flare_back(self.records[k], self.protos[k], self.date(i), prev)
            if new is not None:
                return new, "flare-up"
        return None, ""

    def next_stage(self, run: StageRun) -> str | None:
        if run.rec is None:
            return None
        order = stage_order(self.protos[run.rec])
        if run.stage not in order or run.stage == FIT:
            return None
        return order[order.index(run.stage) + 1]

    def run_before(self, p0: int) -> StageRun:
        """The run held on day ``p0 - 1`` by the records, with its days at the cap in the season."""
        k = self.gov_at(p0 - 1)
        if k is None:
            return StageRun(FIT, None, None)
        rec, proto = self.records[k], self.protos[k]
        segs = segments(rec, proto, until=self.date(p0 - 1))
        if segs:
            run = StageRun(segs[-1].stage, self.idx(segs[-1].start), k,
                           flare=segs[-1].start in rec.flare_ups)
        else:
            run = StageRun(INJ, self.onsets[k], k)
        if run.stage in proto.stage_ids:
            cap = proto.cap(run.stage)
            run.at_cap = sum(1 for i in range(max(run.start, 0), p0)
                             if self.it[i] >= cap and i not in self.flared)
        return run

    # -- who plays -----------------------------------------------------------------------------
    def _roles(self, season: Season) -> None:
        """The athlete's role on each competition day (None on other days)."""
        self.role: list[str | None] = [None] * self.n
        self.roles_set: list[tuple[str, ...]] = [()] * self.n  # per competition of the day
        # competition days with a role picked for one of its matches (the others follow the
        # athlete's default role)
        picked = {r.competition for r in season.roles if r.athlete == self.id}
        self.picked = {i for i in self.tl.comp_days if any(c.id in picked for c in self.tl.comp_on[i])}
        for i in self.tl.comp_days:
            roles = self.roles_set[i] = tuple(season.role_of(self.id, c.id)
                                              for c in self.tl.comp_on[i])
            self.role[i] = min(roles, key=_ROLE_RANK.__getitem__)

    def could_play(self, m: int) -> bool:
        """Was the athlete free to play competition day ``m``: fit, available and not held out by
        RE-1? A compensation session is for such an athlete the match did without; one in rehab,
        away or held out that day has no match to make up (TEAM still exempts his MD+1/MD+2 HV
        session, as rules-spec section 5 defines a compensation session by the match not played)."""
        return self.st[m] == FIT and m not in self.off and self.ready[m]

    def compensation(self, i: int) -> bool:
        """Is day ``i`` a compensation session as the board's C, the handout and the explanation
        name it: HV training on MD+1 or MD+2 (rules-spec section 5) of a competition day the
        athlete did not play but could have (:meth:`could_play`)?"""
        j = self.tl.md_after[i]
        return (self.st[i] == FIT and self.it[i] >= HV_LEVEL and not self.played[i]
                and j in (1, 2) and not self.played[i - j] and self.could_play(i - j))

    def hv_exposure(self, i: int, level: int | None = None, played: bool | None = None) -> bool:
        """Is day ``i`` a high-velocity exposure of the athlete's as every count of them says
        (handout, athlete sheets, what-if comparison, the season review): at >= 90 %, but a match
        played by a position HV-1 exempts (goalkeepers by default) is his session, never his
        exposure. ``level``, ``played``: the day read so (a past day as it was planned)."""
        level = self.it[i] if level is None else level
        played = self.played[i] if played is None else played
        return level >= HV_LEVEL and not (self.exempt and played)

    def hv_exposures(self, days) -> int:
        """How many of ``days`` (day indexes) are :meth:`hv_exposure` days."""
        return sum(1 for i in days if self.hv_exposure(i))

    def match_roles(self, i: int) -> tuple[str, ...]:
        """The athlete's role in each competition of day ``i`` (``tl.comp_on[i]``'s order) as the
        plan has the day: the role set for it, never better than the day's."""
        return day_match_roles(self.roles_set[i], self.it[i], self.played[i])

    def other_matches(self, i: int, level: int | None = None, played: bool | None = None
                      ) -> tuple[str, ...]:
        """:func:`other_matches` of day ``i`` as planned (or at ``level``, ``played``)."""
        if len(self.roles_set[i]) < 2:
            return ()
        return other_matches(self.roles_set[i], self.it[i] if level is None else level,
                             self.played[i] if played is None else played)

    def matches_played(self, i: int) -> int:
        """How many competitions of day ``i`` the athlete plays as planned (0 on a day not played;
        a day of several counts each one played). HV-2 counts the day once: one speed day."""
        return 1 + len(self.other_matches(i)) if self.played[i] else 0

    def _who_plays(self) -> None:
        tl, st, it, off, p0 = self.tl, self.st, self.it, self.off, self.p0
        self.played = [tl.is_comp[i] and st[i] == FIT and it[i] in PLAYED_LEVELS
                       and (i < p0 or i not in off) for i in range(self.n)]
        self.train = [tl.trains(i, st[i] == FIT, self.played[i]) for i in range(self.n)]
        self.speed = [v >= SPEED_DAY for v in it]
        self.hv = [v >= HV_LEVEL for v in it]
        self.given = [i < p0 or self.played[i] for i in range(self.n)]

    def _re_entry(self, sessions: int) -> None:
        """RE-1: per day, the return day of the FIT run it lies in while re-entry sessions are still
        missing (``back``), the sessions done from it before the day (``done``), and ``ready``."""
        n, st = self.n, self.st
        self.back: list[int | None] = [None] * n
        self.done = [0] * n
        self.ready = [True] * n
        prev, prev_gov = self.recorded_stage(-1), self.gov_at(-1)
        ret, count = None, 0
        for i in range(n):
            if st[i] != FIT:
                ret = None
            elif prev in RETURN_FROM and self.gov[i] is not None and self.gov[i] == prev_gov:
                ret, count = i, 0
            if ret is not None:
                self.back[i], self.done[i] = ret, count
                self.ready[i] = count >= sessions
                if self.train[i] and self.it[i] >= 60:
                    count += 1
            prev, prev_gov = st[i], self.gov[i]

    def should_play(self, i: int) -> bool:
        """The rules have the athlete play competition day ``i`` (role, FIT, available, RE-1)."""
        return (self.tl.is_comp[i] and self.st[i] == FIT and i not in self.off
                and self.role[i] in PLAY_LEVEL and self.ready[i])


def stage_walk(f: AthleteFacts, p0: int) -> Iterator[tuple[int, StageRun, StageRun, str | None,
                                                          str, str]]:
    """The athlete's stage runs from ``p0`` on, one step a day: (day, run before it, run holding it,
    forced stage, its cause, kind). Kind: ``forced`` (the records set the day), ``hold``,
    ``progress`` (the next stage of the protocol), ``bad`` (any other move). An athlete without an
    injury record has no walk. The walk ends on the day he left the squad for good
    (``f.gone``): nothing of his is planned or checked after it."""
    run = f.run_before(p0)
    for i in range(p0, f.gone):
        s = f.st[i]
        forced, cause = f.forced(i, run.stage)
        old = run
        if forced is not None:
            kind = "forced"
            if s != run.stage or cause in ("onset", "record", "flare-up"):
                # a flare-up (or a stage record on its date, which holds its regression) frees
                # its stage's maximum, one that happened and a what-if's alike
                k = f.gov[i]
                run = StageRun(s, i, k, checked=s == forced, flare=k is not None
                               and f.date(i) in f.records[k].flare_ups)
        elif s == run.stage:
            kind = "hold"
        elif f.next_stage(run) == s:
            kind = "progress"
            run = StageRun(s, i, f.gov[i])
        else:
            kind = "bad"
            run = StageRun(s, i, f.gov[i], checked=False)
        yield i, old, run, forced, cause, kind


@dataclass(frozen=True)
class PassedOver:
    """What a stage recorded on the physio's word passes over of the stage held the day before
    (:func:`passed_over`): ``held``, whether a failed criteria test holds it, and the words."""

    held: str
    failed: bool
    words: str

    @property
    def question(self) -> str:
        """The question asked before recording it."""
        return ("Record it over a failed test?" if self.failed
                else f"Record it before {self.held} is done?")


def passed_over(season: Season, athlete: str, stage: str, day: dt.date) -> PassedOver | None:
    """What recording ``stage`` from ``day`` passes over of the stage held the day before, None
    when nothing: its minimum days (RH-STAGE), its exit work at the cap (RH-STAGE: the days at
    the cap the plan holds, history before today) and a failing latest criteria result that holds
    the athlete there until its retest (RH-CRIT). Recorded, the stage stands on the physio's word
    (the records move him on, and the checker reads them as history), so the coach hears every
    one of them first: S1 recorded on P3's 15th day (at least 21 needed), with 1 of its 2 days at
    80 % done, was said only as a failed test, and the plan put a 90 % sprint on the next day."""
    from planner.criteria import failed_test_hold_words
    from planner.rehab import governing
    from planner.text import day_long, short_stay_words, skipped_words

    inj = governing(list(season.injuries_of(athlete)), day)
    if inj is None:
        return None
    proto = load_protocol(inj.protocol)
    segs = segments(inj, proto, until=day - dt.timedelta(days=1))
    order = stage_order(proto)
    if not segs or segs[-1].stage not in proto.stage_ids or stage not in order \
            or order.index(stage) <= order.index(segs[-1].stage):
        return None
    held, since = segs[-1].stage, segs[-1].start
    spec = proto.stage(held)
    parts = [x for x in (short_stay_words(proto, held, since, day),) if x]
    done = _days_at_cap(season, athlete, day)
    if spec.exit_kind == "days_at_cap" and done is not None and done < spec.exit_days:
        parts.append(f"{done} of {spec.exit_days} days at {spec.cap} % done")
    test = failed_test_hold_words(season, inj, proto, held, since, day)
    if test:
        parts.append(test)
    if not parts:
        return None
    # what an early record passes over beyond the stage held: the stages between, and a first
    # match back started with no sprint since
    also = [x for x in (skipped_words(proto, held, stage),
                        first_start_words(season, athlete, day) if stage == FIT else "") if x]
    return PassedOver(held, bool(test), (
        f"{season.athlete_label(athlete)} has not finished {held} on {day_long(day)}: "
        f"{'; '.join(parts)}. Once recorded, {stage} from {day_long(day)} stands on the physio's "
        f"word and {'none of these holds the athlete any' if len(parts) > 1 else 'this holds the athlete no'} "
        f"more" + "".join(f"; {x}" for x in also)))


def passed_over_all(season: Season, entries, record_stage) -> list[PassedOver]:
    """:func:`passed_over` of each stage change in ``entries`` (each with an athlete, a stage and
    a date: Move Today's ``StageEntry``, ``advance --accept``'s ``Transition``), in date order, each read on the
    season the earlier ones leave: S2, S3 and FIT of one athlete ticked together, S3 is not
    said to pass over P2. Move Today asked nothing of a stage change over a failed test that the
    injuries editor asks about. ``record_stage``: planner.edits.RecordStage (which imports
    this module's importers: passed in, not imported)."""
    from planner.errors import PeriodizeError

    cur, out = season, []
    for e in sorted(entries, key=lambda e: e.date):
        if (over := passed_over(cur, e.athlete, e.stage, e.date)) is not None:
            out.append(over)
        try:
            cur = record_stage(athlete=e.athlete, stage=e.stage, start=e.date).apply(cur)
        except PeriodizeError:
            break  # refused when the move is made, with the reason
    return out


def passed_over_question(overs: list[PassedOver]) -> tuple[str, str]:
    """(title, text) of the question asked before recording the stage changes ``overs`` come
    from (:func:`passed_over_all`): the injuries editor's, one paragraph a change."""
    title = next((o for o in overs if o.failed), overs[0]).question
    them = "the stage change" if len(overs) == 1 else "these stage changes"
    return title, "\n\n".join(f"{o.words}." for o in overs) + f"\n\nRecord {them} anyway?"


def _days_at_cap(season: Season, athlete: str, day: dt.date) -> int | None:
    """The days at the cap (flare-up days not counted) of the stage the records hold the day
    before ``day``, in the stored plan up to ``day``; None without a plan of the athlete."""
    tl = Timeline(season)
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    i = (day - tl.start).days
    if ap is None or len(ap.stages) != tl.n or len(ap.intensity) != tl.n or not 0 < i <= tl.n:
        return None
    return AthleteFacts(season, tl, RuleSet(season.rules), ap).run_before(i).at_cap


# -- the return ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordSpan:
    """A record RTS counts: its index, first day from ``p0``, one past its last day in the season,
    the day RTS counts from (``base``) and the first FIT day (None: never in its span).
    ``setback``: a record the athlete is FIT under from ``p0`` until the plan puts him back in
    rehab (a flare-up ahead): ``first`` is that day (:func:`setbacks_ahead`)."""

    k: int
    record: Injury
    first: int
    stop: int
    base: int
    fit: int | None
    setback: bool = False


def counted_records(f: AthleteFacts) -> list[RecordSpan]:
    """The records that govern a day from ``p0`` on and whose athlete is not FIT on the first."""
    out = []
    p0 = f.p0
    for k, rec in enumerate(f.records):
        first, stop = max(p0, f.onsets[k]), f.span_stop(k)
        if first >= stop or f.st[first] == FIT:
            continue
        # the later of p0 and the start of the stage held then; INJ is no stage, so a record
        # without a stage recorded yet counts from its first stage record
        base = max(p0, f.idx(min(s.start for s in rec.stages)))
        fit = next((i for i in range(first, stop) if f.st[i] == FIT), None)
        out.append(RecordSpan(k, rec, first, stop, base, fit))
    return out


def rehab_runs_after(f: AthleteFacts) -> list[RecordSpan]:
    """Every return RTS prices after the first: each run of rehab days from ``p0`` on that
    follows a FIT day in a record's span (a flare-up dated after today moves an athlete back
    from FIT, rules-spec section 6), from its first day to the next FIT day (None: not back in
    the span). Without them a return after a what-if flare-up cost nothing, so the plan put it
    off freely and the what-if understated the flare-up."""
    # a run of the record's after its first day (so after a FIT day) and after p0
    return [RecordSpan(k, rec, i, f.span_stop(k), i, fit, setback=True)
            for k, rec in enumerate(f.records) for i, fit in rehab_runs(f, k)
            if i > max(f.p0, f.onsets[k])]


def setbacks_ahead(f: AthleteFacts) -> list[RecordSpan]:
    """The records the athlete is FIT under on their first day from ``p0`` whose plan puts him
    back in rehab later in their span: a flare-up dated after today (a what-if adopted), or a
    stage recorded ahead. The span runs from the first rehab day to its stop. RTS does not count
    them (:func:`counted_records`: nothing of the return is left to plan on ``p0``), but the
    athlete is out of full training then: without them a striker the board showed in S3 for two
    weeks from Wednesday was missing from the returns ("everyone is fit")."""
    out = []
    for k, rec in enumerate(f.records):
        first, stop = max(f.p0, f.onsets[k]), f.span_stop(k)
        if first >= stop or f.st[first] != FIT:
            continue
        ahead = next((i for i in range(first, stop) if f.st[i] != FIT), None)
        if ahead is None:
            continue
        fit = next((i for i in range(ahead, stop) if f.st[i] == FIT), None)
        out.append(RecordSpan(k, rec, ahead, stop, ahead, fit, setback=True))
    return out


# a first match back started, as the coach's views say it (domain.md 2.1: a first match back with
# its minutes capped): the Returns panel and inspector, the Returns sheet, the solve's summary
STARTER_WORDS = ("as a starter (to cap the minutes of the first match back, set bench for it in "
                 "the Roles panel)")


def starter_words(starts: tuple[str, ...] = ()) -> str:
    """:data:`STARTER_WORDS`; on a first match day of several competitions, the ones started
    (``starts``, by name): benched for one, he still started the other, and the advice named none
    ("as a starter in 'League Round 3 M2' (to cap ..., set bench for it ...)")."""
    if not starts:
        return STARTER_WORDS
    names = join_and([f"'{x}'" for x in starts])
    return STARTER_WORDS.replace("as a starter", f"as a starter in {names}", 1).replace(
        "for it", "for it" if len(starts) == 1 else "for them", 1)


# a first start this soon after a return recorded early is said when nothing on record prepared
# it: the plan has little room before it to ramp the athlete up
FIRST_START_DAYS = 7


def first_start_words(season: Season, athlete: str, back: dt.date) -> str:
    """For a return recorded on ``back``: "the first start back, 'League 17' on Sat 5 Dec 2026
    (4 days after), comes with no sprint at 90 % or more on record since Sat 28 Nov 2026 (to cap
    the minutes ..., set bench for it ...)" when the athlete starts a competition within
    ``FIRST_START_DAYS`` and no day from ``back`` to it before today holds an HV exposure ("" otherwise,
    and for a position HV-1 exempts). A full training recorded early after two flare-ups put a
    90-minute start four days later as his first sprint, and nothing said so."""
    from planner.text import day_long, plural

    a = season.athlete(athlete)
    comp = min((c for c in season.competitions if c.date >= back
                and season.role_of(athlete, c.id) == "start"), key=lambda c: c.date, default=None)
    if a is None or comp is None or (comp.date - back).days > FIRST_START_DAYS \
            or hv1_exempt(RuleSet(season.rules), a.position):
        return ""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    start, until = season.calendar.start, min(comp.date, planning_start(season))
    hv = [start + dt.timedelta(days=i) for i, v in enumerate(ap.intensity if ap else ())
          if v >= HV_LEVEL and start + dt.timedelta(days=i) < until]
    last = max(hv, default=None)
    if last is not None and last >= back:
        return ""
    since = f"since {day_long(last)}" if last is not None else "this season"
    after = (comp.date - back).days
    return (f"the first start back, '{comp.name}' on {day_long(comp.date)} "
            f"({plural(after, 'day') + ' after' if after else 'that day'}), comes with no sprint "
            f"at {HV_LEVEL} % or more on record {since} "
            f"{STARTER_WORDS.removeprefix('as a starter ')}")


def started_in(comps, roles) -> tuple[str, ...]:
    """The names of the competitions of a day with several (``comps``, each in its role of
    ``roles``) that are started; () on a day of one (its day says it)."""
    if len(comps) < 2:
        return ()
    return tuple(c.name for c, r in zip(comps, roles, strict=True) if r == "start")


def back_words(fit: dt.date, session: dt.date | None, day_fmt, again: bool = False) -> str:
    """A return in a coach's words: ``back to full training Thu 18 Feb 2027`` on the first team
    session he can join (``session``), with the first FIT day beside it when that is no training
    day of the team (``(fit from Wed 17 Feb)``; the plan JSON's ``return.fit`` stays that FIT day,
    rules-spec.md section 7). ``session`` None: the FIT day alone (it is a session, or none
    follows it before the season ends). ``day_fmt`` writes the return's day; ``again``: a return
    after an earlier one and a setback (``back to full training again Thu 18 Feb``, a handout's)."""
    lead = "back to full training again" if again else "back to full training"
    if session is None or session == fit:
        return f"{lead} {day_fmt(fit)}"
    from planner.text import day

    since = day(fit) if fit.year == session.year else day_fmt(fit)
    return f"{lead} {day_fmt(session)} (fit from {since})"


def _first_session(f: AthleteFacts, fit: int, stop: int) -> int | None:
    """The first day from ``fit`` up to ``stop`` (excluded) the team trains and the athlete is
    not away: his first team session (a match day on a training weekday is one for a fit athlete
    who does not play it, rules-spec.md section 2); None when ``fit`` is one, or none follows."""
    i = next((i for i in range(fit, stop) if f.tl.trains(i, True, f.played[i]) and i not in f.off),
             None)
    return None if i == fit else i


def first_match_day_words(first_match: dt.date, role: str | None, first_start: dt.date | None,
                          day_fmt, starter: bool = False, starts: tuple[str, ...] = ()) -> str:
    """A return's first match as every view says it: ``Sat 10 Oct 2026 off the bench (first start
    Sat 17 Oct 2026)`` when played from the bench, the day alone when started (``starter``: with
    :func:`starter_words` of ``starts``, the competitions started on a day of several, for the
    coach); ``day_fmt`` writes a date. A first start not after the first match (a role set to the
    bench since the solve, which still starts him there) is left unsaid."""
    out = day_fmt(first_match)
    if role == "start" and starter:
        out += f" {starter_words(starts)}"
    if role == "bench":
        out += " off the bench"
        if first_start is not None and first_start > first_match:
            out += f" (first start {day_fmt(first_start)})"
    return out


@dataclass(frozen=True)
class Return:
    """An injured athlete's return under one injury record (rules-spec.md section 7).

    ``stage_at_p0``: the plan's stage on the record's first day from ``p0`` (``INJ`` for an onset
    after ``p0``); ``fit``: the first FIT day in its span; ``first_match``: the first competition
    day from ``fit`` in the span that the athlete plays; ``target_met``: whether the athlete plays
    the target competition's first day; ``provisional``: ``fit`` depends on a criteria result not
    yet passed.
    """

    athlete: str
    onset: dt.date
    protocol: str
    stage_at_p0: str
    fit: dt.date | None
    first_match: dt.date | None
    target: str | None  # the target competition's name (names need not be unique)
    target_date: dt.date | None
    target_met: bool | None
    provisional: bool
    past: bool = False  # back before today (a return the season already saw)
    target_id: str | None = None  # the target competition's id
    counted: bool = True  # RTS counts it (False: back before or on today, or fit on today and
    # back in rehab later, a setback ahead: nothing of the return left to plan on today)
    recorded_stage: str | None = None  # the stage the records give that day (None: none yet)
    # a stage the plan projects that day (``stage_at_p0`` not ``recorded_stage``): the day the
    # recorded one began, whether a flare-up began it, and the day the plan's began
    recorded_since: dt.date | None = None
    recorded_flare: bool = False
    planned_from: dt.date | None = None
    # a later injury record of the athlete governs that day: its onset (this record healed, or
    # left behind, before it; stage_at_p0 is the later record's)
    injured_again: dt.date | None = None
    # the return recorded (a FIT stage record) while criteria of the stage left had no passing
    # latest result: their names with the stage (RH-CRIT allowed it; the physio must still see it)
    untested: tuple[str, ...] = ()
    # a provisional return: per stage left on the way, in order, (the stage, its criteria not
    # passed yet named with their pass marks) that make it so (:func:`provisional_note`)
    pending: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # of the first stage in ``pending``, its criteria tested and failed in the stage held today,
    # or passed before a flare-up sent the athlete back to it: (the name as in ``pending``,
    # "failed 82 % on Mon 26 Oct 2026, retest from Mon 2 Nov 2026", "passed 80 % on Tue 13 Oct
    # 2026, before the flare-up: retest")
    failed: tuple[tuple[str, str], ...] = ()
    # why the target is not played: back before it, RE-1's sessions not done, away, out of the
    # squad; back only after it, the stage start that sets the return (a MISSED said with its
    # reason, :func:`late_why`)
    missed_why: str = ""
    # back, but no match played after the return in its span: the first competition after it
    # and why it is not played ("Cup final (Sat 8 May): 2 of the 3 team sessions ..."); "" when
    # no competition follows the return
    no_match_why: str = ""
    # the role in the first match (``start`` or ``bench``) and, after a first match off the
    # bench, the first match the athlete starts in the span (None: none): a returner eased in
    # from the bench read "first match Sat 10 Oct" as if he started it
    first_role: str | None = None
    first_start: dt.date | None = None
    first_starts: tuple[str, ...] = ()  # a first match day of several: the ones started (names)
    # fit on today, back in rehab later under this record (planner.returns.setbacks_ahead): the
    # first rehab day, its stage, and whether a flare-up of the record falls on it
    setback: dt.date | None = None
    setback_stage: str | None = None
    flare_up: bool = False
    # a past target the log shows played while the records hold the athlete in rehab that day
    # (a flare-up recorded after the fact): the minutes played logged and where the records put
    # him ("in P1", "injured"); met, as the log has it, and said so (:meth:`target_played_words`)
    target_minutes: float | None = None
    target_rehab: str = ""
    # the day he left the squad for good before he was back (planner.squad.gone_from): his return
    # is no longer this squad's, nor is a target after it (no verdict); ``left_stage`` the stage
    # he left in
    left: dt.date | None = None
    left_stage: str | None = None
    # the first team session he can join from ``fit`` (None: ``fit`` itself, or no session
    # before the return's run ends): a FIT day is a calendar day, and a team training on
    # Tuesdays and Thursdays read "back to full training Wed 17 Feb" (:func:`back_words`)
    session: dt.date | None = None
    # a return after an earlier return of the same record and a setback (a flare-up, or a
    # stage recorded back): the setback's first rehab day, its stage, whether a flare-up of the
    # record falls on it, and the earlier return's FIT day (:func:`again_words`); None: the
    # record's first return
    again_from: dt.date | None = None
    again_stage: str | None = None
    again_flare: bool = False
    again_after: dt.date | None = None

    def left_words(self, day_fmt) -> str:
        """``left the squad on Thu 20 Aug 2026 in P2`` (a return that left with him), else ""."""
        if self.left is None:
            return ""
        return left_words(self.left, self.left_stage, day_fmt)

    def target_played_words(self, to_player: bool = False) -> str:
        """``played (90 min logged) though the records have them in P1 that day: worth a word
        with the physio``, or "" (a target played as planned, or not played): the handout, the
        Returns panel and ``explain --return`` said "missed (not played)" of a match the log has
        him playing 90 minutes. ``to_player``: what he did alone, ``played (90 min logged)``."""
        if not self.target_rehab:
            return ""
        played = f"played ({self.target_minutes:g} min logged)"
        return played if to_player else (f"{played} though the records have them "
                                         f"{self.target_rehab} that day: worth a word with the physio")

    def setback_words(self, day_fmt) -> str:
        """``the flare-up on Wed 21 Oct 2026 (S3)`` (a setback ahead), else ""."""
        if self.setback is None:
            return ""
        what = "the flare-up" if self.flare_up else "the setback"
        return f"{what} on {day_fmt(self.setback)} ({self.setback_stage})"

    def back_words(self, day_fmt, again: bool = False) -> str:
        """``back to full training Thu 18 Feb 2027 (fit from Wed 17 Feb)``: :func:`back_words`
        of the return (``fit`` set)."""
        return back_words(self.fit, self.session, day_fmt, again)

    def back_day(self) -> dt.date | None:
        """The day the words say he is back (:func:`back_words`): the first team session he can
        join, else the FIT day (None: not back this season)."""
        return self.session or self.fit

    def first_match_words(self, day_fmt, starter: bool = False) -> str:
        """``first match Sat 10 Oct 2026 off the bench (first start Sat 17 Oct 2026)``, or the
        words for no match (:meth:`no_match_words`); ``day_fmt`` writes a date; ``starter``: a
        first match started says so, and how to cap its minutes (for the coach)."""
        if self.first_match is None:
            return self.no_match_words()
        return "first match " + first_match_day_words(self.first_match, self.first_role,
                                                      self.first_start, day_fmt, starter,
                                                      self.first_starts)

    @property
    def target_before_setback(self) -> bool:
        """The target was played before the setback (a flare-up, a re-injury) this return
        follows: "met", said alone beside a return after the target's date, reads as a
        contradiction (or, on a handout, "on track" for a match a month gone)."""
        return bool(self.target_met and self.fit is not None and self.target_date is not None
                    and self.target_date < self.fit and not self.target_rehab)

    def no_match_words(self) -> str:
        """What the return's first match reads when there is none: the season has no match
        after it, or the first one after it and why it is not played ("no match after" read as
        if the Cup final two days later did not exist)."""
        if self.no_match_why:
            return f"no match played after it ({self.no_match_why})"
        return "no match after it this season"

    def back_note(self, named: bool = True) -> str:
        """`` (provisional: …)``, `` (recorded without a passing test: …)`` or nothing.
        ``named`` False: no test's name (an anonymised export: "Hamstring strength LSI" names
        the injury)."""
        return back_note(self.provisional, self.pending, self.untested, named, self.failed)

    def provisional_words(self, named: bool = True) -> str:
        """The Provisional column: ``yes``, ``no``, or the return recorded untested (``named``
        False: without the tests' names, as :meth:`back_note`)."""
        if self.provisional:
            return (f"yes: {pending_words(self.pending, self.failed)}"
                    if self.pending and named else "yes")
        if self.untested:
            return untested_words(self.untested if named else ())
        return "no"

    def starts_later(self, season: Season) -> bool:
        """The onset lies after the day the stage is read on (today, or the season's start): a
        planned operation or an injury entered ahead, whose stage is its first, not "now"."""
        return self.onset > planning_start(season)

    def first_stage(self, season: Season) -> str:
        """The injury record's first recorded stage (``stage_at_p0`` without a record to read)."""
        rec = next((x for x in season.injuries_of(self.athlete) if x.onset == self.onset), None)
        return min(rec.stages, key=lambda x: x.start).stage if rec and rec.stages else self.stage_at_p0

    def stage_words(self) -> str:
        """``P2``, or ``P2 (planned; P1 recorded)`` when the plan's stage that day is a change the
        records do not hold yet (a P1 recorded a week before the season read "P2 at the season
        start", P2 being the plan's projection from its first day); a setback ahead: ``FIT until
        the flare-up on Wed 21 Oct 2026 (S3)``; a later record governing that day: ``healed;
        injured again Sun 11 Oct``."""
        from planner.text import day

        if self.setback is not None:
            return f"{self.stage_at_p0} until {self.setback_words(day)}"
        if self.injured_again is not None:
            # the day's stage is the later record's: "P1 (planned; FIT recorded)" on the row of
            # a hamstring healed in September read as this record's P1
            return (f"healed; injured again {day(self.injured_again)}" if self.recorded_stage == FIT
                    else f"{self.recorded_stage} when injured again {day(self.injured_again)}")
        if self.recorded_stage is None or self.recorded_stage == self.stage_at_p0:
            return self.stage_at_p0
        since, planned = held_and_planned(self.recorded_since, self.recorded_flare,
                                          self.stage_at_p0, self.planned_from, day)
        return f"{self.recorded_stage} ({since}; {planned})"

    def recorded_then_planned(self, fmt, name=lambda stage: stage) -> str:
        """``P1 again since the flare-up on Thu 10 Dec; P2 planned from Mon 14 Dec``: the stage
        the records hold and since when, then the one the plan projects and from when (``fmt``
        writes a day, ``name`` a stage); "" when the plan's is the recorded one."""
        if self.recorded_stage is None or self.recorded_stage == self.stage_at_p0:
            return ""
        since, planned = held_and_planned(self.recorded_since, self.recorded_flare,
                                          self.stage_at_p0, self.planned_from, fmt, name)
        return f"{name(self.recorded_stage)} {since}; {planned}"

    @property
    def target_missed(self) -> bool:
        """The target not played as a miss of the return: RTS counts the record, or the target
        came before the athlete was back. A target after a return RTS no longer counts (back on
        or before today) is a choice of selection: not played, not missed."""
        if self.target is None or self.target_met is not False:
            return False
        return self.counted or self.fit is None or (
            self.target_date is not None and self.target_date < self.fit)


@by_identity(keyed=2, values=("injured",), size=8)
def _facts(season: Season, plan: Plan,
           injured: bool = False) -> tuple[Timeline, tuple[AthleteFacts, ...]]:
    """The timeline and each planned athlete's facts, kept for the (season, plan) objects last
    asked about (``planner.memo``): a solve's summary, its plan JSON and its workbook asked for
    the returns of one plan seven times, each building every athlete's facts again.
    ``injured``: only the athletes with an injury record (the only ones with a return: each
    edit on 40 x 52 built the other 37's facts for the Returns panel)."""
    tl = Timeline(season)
    rs = RuleSet(season.rules)
    hurt = {r.athlete for r in season.injuries} if injured else None
    out = []
    for a in season.athletes:
        if hurt is not None and a.id not in hurt:
            continue
        ap = plan.for_athlete(a.id)
        if ap is not None and len(ap.stages) == tl.n and len(ap.intensity) == tl.n:
            out.append(AthleteFacts(season, tl, rs, ap))
    return tl, tuple(out)


def hv_exposure_counts(season: Season, plan: Plan, in_rehab: bool = False) -> dict[str, int]:
    """Each planned athlete's high-velocity exposures (:meth:`AthleteFacts.hv_exposure`) from
    today (``p0``) to the season's end; ``in_rehab``: those of them in a rehab stage, the
    sprint-ladder runs (a match, which a goalkeeper's exemption concerns, is played fit only)."""
    tl, facts = _facts(season, plan)
    return {f.id: f.hv_exposures(i for i in range(tl.p0, tl.n) if not in_rehab or f.st[i] != FIT)
            for f in facts}


def provisional_of(f: AthleteFacts) -> list[bool]:
    """Per day: it lies, within one governing record, on or after a progression made from ``p0``
    on out of a stage some of whose criteria have no passing latest result in that stage episode."""
    return [bool(x) for x in provisional_tests(f)]


def provisional_tests(f: AthleteFacts) -> list[tuple[str, ...]]:
    """Per day, the criteria that make it provisional (see :func:`provisional_of`): those of the
    first such progression without a passing latest result; () when the day is not."""
    return [tuple(dict.fromkeys(n for _stage, names in steps for n in names))
            for steps in provisional_steps(f)]


def provisional_steps(f: AthleteFacts) -> list[tuple[tuple[str, tuple[str, ...]], ...]]:
    """Per day, each provisional progression it lies on or after, in order: (the stage left, its
    criteria without a passing latest result); () when the day is not provisional."""
    out: list[tuple[tuple[str, tuple[str, ...]], ...]] = [()] * f.n
    if not f.records:
        return out
    for i, old, _run, _forced, _cause, kind in stage_walk(f, f.p0):
        if kind != "progress" or old.rec is None:
            continue
        names = not_passed_names(f.records[old.rec], f.protos[old.rec], old.stage,
                                 f.date(old.start), f.date(i))
        if not names:
            continue
        for j in range(i, f.span_stop(old.rec)):  # each provisional step's tests, in order
            out[j] = tuple(dict.fromkeys(out[j] + ((old.stage, names),)))
    return out


def not_passed_names(rec: Injury, proto: Protocol, stage: str, since: dt.date,
                     exit_day: dt.date) -> tuple[str, ...]:
    """The criteria of ``stage`` (held from ``since``) without a passing latest result for a move
    out of it on ``exit_day`` (:func:`planner.criteria.not_passed`), by name."""
    return tuple(c.name for c in not_passed(rec, proto, stage, since, tests_until(exit_day)))


def pending_words(pending: tuple[tuple[str, tuple[str, ...]], ...],
                  failed: tuple[tuple[str, str], ...] = ()) -> str:
    """What the provisional stages wait on, each stage's criteria named with it: ``P2's
    Hamstring strength LSI (≥ 75 %), S3's … not passed yet``; a criterion of the first stage
    tested and failed (``failed``, :attr:`Return.failed`) said so first, with its retest: ``P2's
    Adduction strength LSI (≥ 90 %) failed 82 % on Mon 26 Oct 2026, retest from Mon 2 Nov
    2026`` ("not passed yet" read as never tested)."""
    fail = dict(failed)
    said = [f"{stage_tests_words(pending[0][0], [n])} {fail[n]}"
            for n in (pending[0][1] if pending else ()) if n in fail]
    rest = [(stage, left) for k, (stage, names) in enumerate(pending)
            if (left := [n for n in names if k or n not in fail])]
    if rest:
        said.append(f"{', '.join(stage_tests_words(*p) for p in rest)} not passed yet")
    return "; ".join(said)


def provisional_note(pending: tuple[tuple[str, tuple[str, ...]], ...],
                     failed: tuple[tuple[str, str], ...] = ()) -> str:
    """`` (provisional: P2's Hamstring strength LSI (≥ 75 %) not passed yet, then S3's tests)``;
    ``pending``: (stage, criteria names) per stage, as :attr:`Return.pending`; without it (the
    tests unnamed, or not known) a criteria test. Every provisional
    return says it so. Several stages' tests: the next gate named with its pass marks, the later
    ones by their stage (five stages' tests in one parenthesis were a paragraph a physio had to
    take apart for the next one)."""
    from planner.text import join_and

    if not pending:
        return " (provisional: a criteria test is not passed yet)"
    later = [f"{stage}'s" for stage, _names in pending[1:]]
    then = f", then {join_and(later)} tests" if later else ""
    return f" (provisional: {pending_words(pending[:1], failed)}{then})"


def back_note(provisional: bool, pending: tuple[tuple[str, tuple[str, ...]], ...],
              untested: tuple[str, ...], named: bool = True,
              failed: tuple[tuple[str, str], ...] = ()) -> str:
    """What a return stands on besides its date, wherever it is said: `` (recorded without a
    passing test: …)`` for a stage recorded over criteria not passed on the way to it, then ``
    (provisional: …)`` for the tests still ahead of it; "" for neither. A stage recorded over a
    failed test was said nowhere once a later stage's test made the return provisional.
    ``named`` False: no test's name (:meth:`Return.back_note`)."""
    out = untested_note(untested if named else ()) if untested else ""
    if provisional:
        out = with_note(out, provisional_note(pending if named else (), failed))
    return out


def untested_words(untested: tuple[str, ...]) -> str:
    """``recorded without a passing test (S3's Hip-flexor strength LSI (≥ 90 %))``: the
    workbook's Provisional column, and every place that says a return so in its words; without
    ``untested`` (the tests unnamed) no test is named."""
    return f"recorded without a passing test ({', '.join(untested)})" if untested else \
        "recorded without a passing test"


def recorded_untested(rec: Injury, back: dt.date) -> tuple[str, ...]:
    """:attr:`Return.untested` of the return to full training ``rec`` records on ``back``."""
    return _untested(rec, load_protocol(rec.protocol), back)


def untested_note(untested: tuple[str, ...]) -> str:
    """`` (recorded without a passing test: Hip-flexor strength LSI)``: a return recorded
    without a passing result of those criteria; without ``untested`` (the tests unnamed) a
    criteria test. Every return recorded so says it so."""
    if untested:
        return f" (recorded without a passing test: {', '.join(untested)})"
    return " (recorded without a passing criteria test)"


def stage_tests_words(stage: str, names) -> str:
    """Criteria named with the stage they are of: ``S3's Hip-flexor strength LSI and Pain during
    max sprint``. A return "provisional: Hip-flexor strength LSI not passed yet" after a passing
    P3 retest read as the result lost: it meant S3's test of the same name."""
    from planner.text import join_and

    return f"{stage}'s {join_and(list(names))}"


def marked(proto: Protocol, stage: str, names) -> list[str]:
    """Criteria of ``stage`` named with their pass marks: ``Hamstring strength LSI (≥ 75 %)``
    (the same test of a later stage has a higher one: "S3's tests" hid a second LSI at 90 %)."""
    bars = {c.name: c.bar for c in proto.stage(stage).criteria} if stage in proto.stage_ids else {}
    return [f"{n} ({bars[n]})" if n in bars else n for n in names]


def provisional_days(season: Season, plan: Plan) -> dict[str, list[bool]]:
    """Athlete id -> per day of the season, whether the day's stage is provisional (RH-CRIT)."""
    _tl, facts = _facts(season, plan)
    return {f.id: provisional_of(f) for f in facts}


def _return(season: Season, f: AthleteFacts, span: RecordSpan, provisional: list,
            counted: bool = True) -> Return:
    tl, rec = f.tl, span.record
    fit = span.fit
    first_match = first_start = session = None
    if fit is not None:
        # up to the next rehab day (a flare-up dated after today sends him back): a start after
        # that belongs to the next return, not this one
        back = next((i for i in range(fit, span.stop) if f.st[i] != FIT), span.stop)
        session = _first_session(f, fit, back)
        first_match = next((i for i in range(fit, back) if f.played[i]), None)
        # a played competition day at 100 is a start, at 80 a bench appearance (section 2)
        first_start = next((i for i in range(fit, back) if f.played[i] and f.it[i] == PLAY_LEVEL["start"]),
                           None)
    comp = season.competition(rec.target_competition) if rec.target_competition else None
    ti = tl.index(comp.date) if comp is not None else None
    # he left the squad before he was back: the return, and a target from the day he left, are
    # no longer this squad's
    left = span.stop if fit is None and span.stop == f.gone < f.n else None
    if left is not None and ti is not None and ti >= left:
        comp = ti = None
    in_rehab = _played_in_rehab(season, f, ti) if ti is not None and not f.played[ti] else None
    now = span.first if span.first >= f.p0 else min(f.p0, f.n - 1)  # a past return: today's stage
    if span.setback:  # fit today: today's stage, the setback said apart
        now = min(f.p0, f.n - 1)
    proto = load_protocol(rec.protocol)
    segs = segments(rec, proto, until=tl.days[now])
    since = segs[-1].start if segs and segs[-1].stage != f.st[now] else None
    return Return(
        athlete=f.id, onset=rec.onset, protocol=rec.protocol, stage_at_p0=f.st[now],
        recorded_stage=segs[-1].stage if segs else None,
        recorded_since=since, planned_from=None if since is None else
        planned_from(f.st, tl.days, now, since),
        recorded_flare=since is not None and (segs[-1].cause == "flare-up"
                                              or since in rec.flare_ups),
        injured_again=min((x.onset for x in season.injuries_of(f.id)
                           if rec.onset < x.onset <= tl.days[now]), default=None),
        fit=None if fit is None else tl.days[fit],
        session=None if session is None else tl.days[session],
        first_match=None if first_match is None else tl.days[first_match],
        first_role=None if first_match is None else (
            "start" if f.it[first_match] == PLAY_LEVEL["start"] else "bench"),
        first_start=None if first_start is None else tl.days[first_start],
        first_starts=() if first_match is None else started_in(tl.comp_on[first_match],
                                                               f.match_roles(first_match)),
        target=comp.name if comp else None, target_date=comp.date if comp else None,
        target_id=comp.id if comp else None,
        target_met=None if ti is None else f.played[ti] or in_rehab is not None,
        provisional=fit is not None and bool(provisional[fit]),
        pending=() if fit is None else tuple((st, tuple(marked(proto, st, names)))
                                             for st, names in provisional[fit]),
        failed=() if fit is None or not provisional[fit] else _failed(
            season, rec, proto, provisional[fit][0], tl.days[min(f.p0, f.n - 1)]),
        past=fit is not None and fit < f.p0,
        counted=counted,
        untested=() if fit is None else _untested(rec, proto, tl.days[fit]),
        missed_why="" if ti is None else _missed_why(f, fit, ti) if fit is not None and fit <= ti
        else late_why(season, rec, tl.days[ti], None if fit is None else tl.days[fit], f.st),
        no_match_why=_no_match_why(f, fit, span.stop) if fit is not None and first_match is None
        else "",
        setback=tl.days[span.first] if span.setback else None,
        setback_stage=f.st[span.first] if span.setback else None,
        flare_up=span.setback and tl.days[span.first] in rec.flare_ups,
        target_minutes=None if in_rehab is None else in_rehab[0],
        target_rehab="" if in_rehab is None else in_rehab[1],
        left=None if left is None else tl.days[left],
        left_stage=None if left is None else f.st[left - 1],
        **({} if span.setback else _setback_before(f, span)),
    )


def _failed(season: Season, rec: Injury, proto: Protocol, step: tuple[str, tuple[str, ...]],
            today: dt.date) -> tuple[tuple[str, str], ...]:
    """:attr:`Return.failed` of the first provisional step ``step`` (stage, criteria names):
    those failed in the stage held ``today`` (planner.criteria.failed_retests), and those passed
    before the stage began again, a flare-up's (planner.criteria.passed_before: "passed 80 % on
    …, before the flare-up: retest", where "not passed yet" read as never passed)."""
    from planner.criteria import failed_retests, passed_before

    stage, names = step
    fail = passed_before(rec, proto, stage, today) | failed_retests(
        rec, proto, stage, today, RuleSet(season.rules).value("RH-CRIT", "retest_days"))
    return tuple((m, fail[n]) for n, m in zip(names, marked(proto, stage, names), strict=True)
                 if n in fail)


def _setback_before(f: AthleteFacts, span: RecordSpan) -> dict:
    """The :class:`Return` fields of a setback the span's run of rehab follows within its record
    (``again_from`` and the rest), or {} for the record's first run: the day a FIT run of the
    record ended, and that run's first day."""
    rec, onset = span.record, max(0, f.onsets[span.k])
    j = min(span.first, f.n - 1)
    while j > onset and f.st[j - 1] != FIT:
        j -= 1
    if j <= onset or f.st[j] == FIT:
        return {}
    e = j - 1
    while e > onset and f.st[e - 1] == FIT:
        e -= 1
    day = f.date(j)
    earlier = f.date(e) if e > 0 else max(
        (s.start for s in rec.stages if s.stage == FIT and s.start < day), default=f.date(e))
    return {"again_from": day, "again_stage": f.st[j], "again_flare": day in rec.flare_ups,
            "again_after": earlier}


def _played_in_rehab(season: Season, f: AthleteFacts, i: int) -> tuple[float, str] | None:
    """Day ``i`` before today logged with minutes played on a competition day while the records
    hold the athlete in rehab (planner.progress.played_in_rehab's days): (the minutes, ``in P1``
    or ``injured``), else None. The plan keeps the recorded stage, so it has him not playing.
    An injury's onset is no such day: the match played that day is where it happened."""
    if i >= f.p0 or not f.tl.is_comp[i] or played_hurt(season.injuries_of(f.id), f.date(i)):
        return None
    got = logged_days(season, f.id).get(f.date(i))
    stage = f.recorded_stage(i)
    if got is None or not got.played or stage == FIT:
        return None
    return got.played, rehab_where((stage,))


def _no_match_why(f: AthleteFacts, fit: int, stop: int) -> str:
    """The first competition from ``fit`` before ``stop`` and why the athlete does not play it
    ("" when there is none)."""
    from planner.text import day

    tl = f.tl
    ci = next((i for i in range(fit, stop) if tl.is_comp[i]), None)
    if ci is None:
        return ""
    names = " / ".join(f"'{c.name}'" for c in tl.comp_on[ci])
    return f"{names} on {day(tl.days[ci])}: {_missed_why(f, fit, ci) or 'not planned to play'}"


def _missed_why(f: AthleteFacts, fit: int, ti: int) -> str:
    """Why target day ``ti`` is not played by an athlete back on ``fit`` (before or on it): the
    reason a coach reads beside MISSED ("" when played, or back only after it)."""
    if f.played[ti] or ti < fit:
        return ""
    if ti in f.off:
        return "recorded away that day"
    if f.st[ti] != FIT:
        return f"in {f.st[ti]} again that day"
    if not f.ready[ti] and f.back[ti] is not None:
        return (f"{f.done[ti]} of the {f.sessions} team session{'s' if f.sessions != 1 else ''}"
                f" RE-1 asks before a first match done by then")
    if f.role[ti] not in PLAY_LEVEL:
        # out by default, no match picked: a selection gap to fill, not a decision on the return
        return "out of the squad for it" if ti in f.picked else OUT_BY_DEFAULT
    return ""


def _flare_stage(season: Season, rec: Injury, proto: Protocol, g, stages) -> str:
    """The stage flare-up segment ``g`` sends the athlete to: back from the stage the plan
    (``stages``, one a day from the season's start) holds the day before, as RH-FL and the solver
    read it (rules-spec section 6: "from the stage held on D-1"); the records' chain alone when
    there is no plan or no day before it in the season."""
    i = (g.start - season.calendar.start).days
    if stages is None or not 0 < i < len(stages):
        return g.stage
    return flare_back(rec, proto, g.start, stages[i - 1]) or g.stage


def late_why(season: Season, rec: Injury, target: dt.date, back: dt.date | None,
             stages: tuple[str, ...] | None = None) -> str:
    """Why a return on ``back`` (None: not within the season) comes after ``target``, in a few
    words beside MISSED: the latest stage start before the return (a recorded stage, a flare-up's
    regression or a stage start set by the coach) when it lies after the target, or when the
    stages from it take at least their minimum days past it ("" when neither explains it). The
    day those minimum days end is said only when it is the return itself (a later return is the
    ladder's or the plan's), and a target before today reads only what sent him back ("flare-up
    of Thu 15 Oct"); so does a flare-up whose stages' minimum would still make the target (the
    plan's return is later: the flare-up is the news, not a day it sets). A flare-up's stage is
    the one the plan (``stages``, the athlete's plan a day each from the season's start) holds
    the day before, moved back: "back to P2" beside a plan in S1 from the flare-up (the records
    alone read P3 back to P2) gave a return a month after the plan's."""
    from planner.text import day, plural

    proto = load_protocol(rec.protocol)
    until = back - dt.timedelta(days=1) if back is not None else season.calendar.end
    marks = []
    for g in segments(rec, proto, until=until):
        if g.cause == "flare-up":
            to = _flare_stage(season, rec, proto, g, stages)
            marks.append((g.start, to, f"back to {to} by the flare-up of {day(g.start)}",
                          f"flare-up of {day(g.start)}"))
        else:
            marks.append((g.start, g.stage, f"{g.stage} recorded from {day(g.start)}", ""))
    nxt = min((x.onset for x in season.injuries_of(rec.athlete) if x.onset > rec.onset), default=None)
    marks += [(p.date, p.stage, f"{p.stage} set to start {day(p.date)}", "") for p in season.pins
              if getattr(p, "kind", "") == "stage_start" and p.athlete == rec.athlete
              and rec.onset <= p.date <= until and (nxt is None or p.date < nxt)]
    marks = [m for m in marks if m[1] in proto.stage_ids]
    if not marks:
        return ""
    start, stage, what, short = max(marks, key=lambda m: m[0])
    rest = proto.stage_ids[proto.stage_ids.index(stage):]
    days = sum(proto.stage(x).min_days for x in rest)
    earliest = start + dt.timedelta(days=days)
    if start >= target:
        return f"{what}, after the target"
    gone_by = season.calendar.today is not None and target < season.calendar.today
    if earliest <= target:
        # the stages' minimum would make it: a flare-up is still what moved the return
        return "" if not short else short if gone_by else what
    if gone_by:
        # a target gone by: what sent him back is the news, as `explain --return` says it
        return short or what
    span = stage if len(rest) == 1 else f"{stage} to {rest[-1]}"
    least = f"{what}, and {span} {'takes' if len(rest) == 1 else 'take'} at least {plural(days, 'day')}"
    if back is None or back > earliest:
        # the stages' minimum is no return date: "back Thu 22 Oct at the earliest" beside a
        # return on Fri 30 Oct (the ladder's days) had the coach pencil him in for 24 Oct
        return least
    return f"{least}: back {day(earliest)} at the earliest"


def _untested(rec: Injury, proto: Protocol, back: dt.date) -> tuple[str, ...]:
    """The criteria without a passing latest result of the stage the return's FIT record left,
    and those with a failed latest result of each stage a record moved the athlete on from on
    the way to it (history: a planned exit is provisional instead), since the last flare-up or
    setback before it: S2 recorded over P2's failed hop test stands on the physio's word, and the
    return it leads to read as plain as one every test passed."""
    segs = segments(rec, proto, until=back)
    order = stage_order(proto)
    out = []
    for prev, cur in zip(segs, segs[1:], strict=False):
        if order.index(cur.stage) < order.index(prev.stage):
            out = []  # sent back: what is recorded after it is the way to this return
            continue
        if cur.cause != "record" or cur.stage == prev.stage or prev.stage not in proto.stage_ids:
            continue
        names = not_passed_names(rec, proto, prev.stage, prev.start, cur.start)
        if cur.stage != FIT:  # on the way: a failed result on record, not one never entered
            # (a club that records no tests read "recorded without a passing test: P1's …" on
            # every return, for stages left long before the season)
            tried = latest_results(rec, proto, prev.stage, prev.start, tests_until(cur.start))
            names = tuple(n for n in names if n in tried)
        # a pass taken after the move, up to the return, confirms it (the physio moves him on
        # and retests on the day planned: the note stood for good, a retest in the next stage
        # counting for no stage held)
        names = tuple(n for n in names if n not in _passed_since(rec, proto, prev.stage,
                                                                  cur.start, back))
        if names:
            out.append(stage_tests_words(prev.stage, marked(proto, prev.stage, names)))
    return tuple(out)


def _passed_since(rec: Injury, proto: Protocol, stage: str, moved: dt.date,
                  back: dt.date) -> set[str]:
    """The criteria of ``stage`` with a passing result taken from the day after ``moved`` (the
    day the athlete was recorded out of it) up to ``back``, whatever stage he held then."""
    out = set()
    for t in rec.tests:
        c = criterion(proto, stage, t.name)
        if c is not None and moved < t.date < tests_until(back) and Result(t, c).passed:
            out.add(c.name)
    return out


def returns(season: Season, plan: Plan, history: bool = False) -> list[Return]:
    """One :class:`Return` per injury record that RTS counts, athletes in squad order, records by
    onset (docs/semantics.md "The return"), and the return that falls on ``today`` itself (RTS
    counts no day of it); with ``history`` also the returns the season saw before ``today`` (an
    athlete back before today: ``past``), for the printed season. A fit athlete the plan puts
    back in rehab later (a flare-up ahead) has a return too, not counted by RTS (``setback``)."""
    _tl, facts = _facts(season, plan, injured=True)  # no record, no return
    out = []
    for f in facts:
        spans = counted_records(f)
        # A return on today itself (the plan's move to FIT falls on p0) leaves RTS nothing to
        # count, but it is this week's news, not history: without it the athlete read "not
        # planned yet" beside a board showing the FIT days.
        counted = {s.k for s in spans}
        ahead = setbacks_ahead(f)
        # a record back on today with a flare-up ahead is one return, the setback's ("fit until
        # the flare-up …"): two returns of one injury made a move of it out of nothing wherever
        # returns are matched by athlete and onset (history lists both, the setback last)
        later = {s.k for s in ahead}
        past = [s for s in past_records(f) if history or (s.fit == f.p0 and s.k not in later)]
        if past or ahead:
            spans = sorted(past + spans + ahead, key=lambda s: (s.k, s.first))
        if not spans:
            continue
        prov = provisional_steps(f)
        out.extend(_return(season, f, s, prov, s.k in counted) for s in spans)
    return out


def untested_lately(season: Season, plan: Plan, day: dt.date, days: int) -> list[Return]:
    """The returns recorded without a passing test (:func:`untested_returns`) back on or before
    ``day`` and no more than ``days`` before it: once back before today a return leaves what RTS
    counts, and the Returns panel read "everyone is fit" of a return the physio still had a
    test to confirm."""
    return [r for r in untested_returns(season, plan) if 0 <= (day - r.fit).days <= days]


def untested_returns(season: Season, plan: Plan) -> list[Return]:
    """The returns of the season recorded without a passing test (:attr:`Return.untested`),
    each the athlete's latest return (none not back yet, none sent back to rehab since)."""
    rets = returns(season, plan, history=True)
    latest = {}
    for r in rets:
        if r.fit is None or r.setback is not None:
            latest[r.athlete] = None  # in rehab ahead of it, or not back: no return to say
        elif r.athlete not in latest or (latest[r.athlete] is not None
                                          and latest[r.athlete].fit < r.fit):
            latest[r.athlete] = r
    return [r for r in rets if r.untested and latest.get(r.athlete) is r]


def rehab_runs(f: AthleteFacts, k: int) -> list[tuple[int, int | None]]:
    """Record ``k``'s runs of rehab days in the season, in order: (the first day, the first FIT
    day after it; None: not back in its span). A run after the first follows a return and a
    setback (a flare-up, a stage recorded back)."""
    first, stop = max(0, f.onsets[k]), f.span_stop(k)
    out: list[tuple[int, int | None]] = []
    i = first
    while i < stop:
        if f.st[i] == FIT:
            i += 1
            continue
        fit = next((j for j in range(i, stop) if f.st[j] == FIT), None)
        out.append((i, fit))
        i = stop if fit is None else fit
    return out


def past_records(f: AthleteFacts) -> list[RecordSpan]:
    """The season's returns RTS no longer counts: each run of rehab begun before ``p0`` that is
    not the one RTS counts (back to FIT by ``p0``, or the record's span ended before it). A
    record with a flare-up after its return has a span for each return: the season review
    showed the October return of a player back again in April after a flare-up."""
    counted = {s.k for s in counted_records(f)}
    out = []
    for k, rec in enumerate(f.records):
        stop = f.span_stop(k)
        for start, fit in rehab_runs(f, k):
            if start >= min(stop, f.p0) or (k in counted and (fit is None or fit > f.p0)):
                continue  # ahead of today, or the run RTS counts
            again = start > max(0, f.onsets[k])  # a setback after a return of the record
            base = start if again else max(0, f.idx(min(s.start for s in rec.stages)))
            out.append(RecordSpan(k, rec, start, stop, base, fit))
    return out


__all__ = ["AthleteFacts", "RecordSpan", "Return", "StageRun", "again_words", "back_words", "counted_records",
           "late_why", "past_records", "rehab_runs",
           "provisional_days", "rehab_runs_after", "setbacks_ahead", "provisional_of", "returns", "stage_walk",
           "PassedOver", "back_note", "first_start_words", "passed_over", "passed_over_all", "passed_over_question",
           "provisional_steps", "stage_tests_words", "untested_lately",
           "recorded_untested", "untested_returns", "untested_words"]


def again_words(season: Season, rets: list[Return], r: Return) -> str:
    """``the same injury again, 30 days after the return of Fri 1 Oct`` for a record that follows
    an earlier return of the same athlete (a re-injury), else "". The earlier returns: those of
    ``rets``, and the returns to ``FIT`` the season records (a player back in pre-season, before
    the season's first day, has no return in ``rets``). A return after a setback of its own
    record: ``flare-up of Thu 8 Apr, 185 days after the return of Mon 5 Oct`` (or ``back to S3
    on ...`` for a stage recorded back)."""
    from planner.text import day, plural

    if r.again_from is not None:  # a setback of the record itself after its return
        what = (f"flare-up of {day(r.again_from)}" if r.again_flare
                else f"back to {r.again_stage} on {day(r.again_from)}")
        return (f"{what}, {plural((r.again_from - r.again_after).days, 'day')} after the return "
                f"of {day(r.again_after)}")
    before = [(x.fit, x.protocol) for x in rets if x.athlete == r.athlete and x.onset < r.onset
              and x.fit is not None and x.fit <= r.onset]
    before += [(s.start, inj.protocol) for inj in season.injuries_of(r.athlete)
               if inj.onset < r.onset for s in inj.stages if s.stage == FIT and s.start <= r.onset]
    if not before:
        return ""
    fit, protocol = max(before, key=lambda x: x[0])
    what = "the same injury again" if protocol == r.protocol else "injured again"
    return f"{what}, {plural((r.onset - fit).days, 'day')} after the return of {day(fit)}"


def planned_from(stages, days, i: int, since: dt.date) -> dt.date:
    """The first day of the plan's run of ``stages[i]`` that holds day ``i`` (``days``: the
    season's), after ``since`` (the day the recorded stage began): the day a stage the plan
    projects, and the records do not hold yet, begins."""
    k = i
    while k > 0 and stages[k - 1] == stages[i] and days[k - 1] > since:
        k -= 1
    return days[k]


def held_and_planned(since: dt.date | None, flare: bool, planned: str,
                     planned_day: dt.date | None, fmt,
                     name=lambda stage: stage) -> tuple[str, str]:
    """(``again since the flare-up on Thu 10 Dec`` or ``since Mon 7 Dec``, ``P2 planned from
    Mon 14 Dec``): since when the records hold the stage they hold (a flare-up sent the athlete
    back to it, or a record), and the stage the plan projects with its first day (``fmt`` writes a
    day, ``name`` a stage); the one wording of the CLI, the Returns panel and the workbook."""
    held = (f"again since the flare-up on {fmt(since)}" if flare and since is not None
            else f"since {fmt(since)}" if since is not None else "recorded")
    then = f" from {fmt(planned_day)}" if planned_day is not None else ""
    return held, f"{name(planned)} planned{then}"


def return_text(season: Season, r: Return, rets: list[Return] = ()) -> str:
    """One line for a coach: who, which injury, back when, first match, target met or missed.
    ``rets``: the plan's returns, for a re-injury's words."""
    from planner.protocols import protocol_name
    from planner.text import day_long, stage_name

    who = season.athlete_label(r.athlete)
    # "now" only when today is set: without it the stage is the plan's on the season's first day
    # (a P1 recorded weeks before the start read "now P2"); an onset still to come starts in its
    # first stage ("now P1" read as if the player were injured already)
    cal = season.calendar
    again = again_words(season, list(rets), r)
    when = "now" if cal.today is not None and cal.today >= cal.start else "at the season start"
    if r.starts_later(season):
        stage = f"starting in {stage_name(r.first_stage(season), r.protocol)}"
    elif r.injured_again is not None:  # "now P1" is the later record's
        stage = r.stage_words()
    elif r.setback is not None:  # fit now: "now full competition" alone read as back already
        stage = f"{when} {stage_name(r.stage_at_p0, r.protocol)} until {r.setback_words(day_long)}"
    elif said := r.recorded_then_planned(day_long, lambda x: stage_name(x, r.protocol)):
        # "now P2, planned; P1 recorded" left the stage held today to guess
        stage = f"in {said}"
    else:
        stage = f"{when} {stage_name(r.stage_at_p0, r.protocol)}"
    what = (f"{who}, {protocol_name(r.protocol).lower()} from {day_long(r.onset)} "
            f"({again + '; ' if again else ''}{stage})")
    if r.left is not None:
        back = r.left_words(day_long)
    elif r.fit is None:
        back = "not back to full training this season"
    else:
        back = with_note(r.back_words(day_long), r.back_note())
        back += f", {r.first_match_words(day_long, starter=True)}"
    target = ""
    if r.target is not None:
        when = day_long(r.target_date) if r.target_date else "?"
        target = f"; target '{r.target}' ({when}) " + (
            r.target_played_words() or "met" if r.target_met else "MISSED" if r.target_missed else "not played (back "
            "before it; a choice of selection RTS no longer counts)")
        if r.target_missed and r.missed_why:
            target += f" ({r.missed_why})"
        if r.target_met and r.fit is not None and r.target_date and r.target_date < r.fit:
            target += " (played before the setback this return follows)"
    return f"{what}: {back}{target}"
