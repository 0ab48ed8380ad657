"""The plan checker: verifies any plan against the rules, independently of the solver.

Every rule decision is made here, from the rules' text (a stage's maximum after a flare-up:
:func:`stage_max`; RH-11's credit at a reset: :func:`rh11_credit`; LD-1's day loads:
``_Checker._day_load``; RH-CRIT's retest day). What the checker shares with the solver is the reading of the season's
facts: the stage history the records give (``planner.rehab.segments``), the log
(``planner.history``; the load series' logged days and full weeks), HV-1's exemption by position
(``planner.squad.hv1_exempt``), the calendar, and the criteria results that count in a stage
against their pass marks (``planner.criteria.latest_results``);
``tests/planner/test_shared_readings.py`` holds them against hand-worked examples
(docs/architecture.md, "The plan checker").

Contract: ``shared/rules-spec.md`` (version 2) sections 1-8, as read in
``docs/semantics.md``. Every hard rule instance that a plan breaks is a :class:`Violation` (rule id,
athlete, dates and one sentence for a coach); every soft-rule instance is a
:class:`planner.season.SoftViolation` with its penalty points. Rules are checked from ``p0`` (the
later of the season start and ``today``) on; weeks wholly in the past are not checked. The team's
first DL-2 run after them counts the recorded load weeks it continues (docs/semantics.md,
"Deload rhythm across today"). The facts several rules read (who plays, training days, RE-1 readiness, the
governing injury record, the stage runs) come from ``planner.returns``.

Readings taken where neither page decides (see also the module's tests and ``planner.returns``):

- A competition day is *played* exactly when the plan has the athlete ``FIT`` and available at
  100 or 80 there (before ``p0``: ``FIT`` at 100 or 80). A played day with role ``out`` is an AV-1
  violation, one before RE-1 allows it an RE-1 violation, one at the other role's level an AV-1
  violation; an athlete the rules have play (role ``start``/``bench``, ``FIT``, available, RE-1
  ready) who does not is an AV-1 violation. Every other rule reads the plan as it is: a played day
  is given, a speed day by its intensity (>= 80), an HV exposure from 90.
- Days before ``p0`` are facts: their stage as the plan records them, their intensity (and so who
  played) as rules-spec.md section 9 reads it from the log over the checked plan, each day
  under the stage the injury records give it, as the solver reads it
  (``planner.history.past_days``). A plan the solver wrote already holds that past; a stored plan
  whose past went otherwise since (sessions logged, ``today`` moved without a re-plan) is checked
  against what happened, not against what it had planned. The stage run
  held at ``p0`` (its start, also before the season, and the ladder credit) comes from the injury
  records, as in version 1; days before the season count 0 towards an exit requirement. LD-1
  prices an unlogged day before ``p0`` at the recorded stage's session too (a projected stage
  change nobody recorded did not happen), as the solver and the load figures do.
- An athlete's week kind is the team's when the athlete is ``FIT`` on the week's first day, else
  the athlete's own; a plan whose athlete week disagrees is a DL-2 violation. DL-2 runs of an
  athlete made only of team weeks are the team's violation and are reported once, for the team.
- TP-3 and TEAM look at the whole of a week that is not wholly past (recorded past days count);
  HV-1, HV-DAY and STAB days start at ``p0``. TEAM and HV-DAY count HV training also on a
  competition day the athlete does not play (label ``MD``: HV-DAY's other days).
- RTS: an entry only when its days are more than 0, one more for each return after a flare-up
  dated after today (``planner.returns.rehab_runs_after``); its target entry only for a record RTS counts,
  when the target's first day is in the season on or after ``p0`` (also when it lies after a later
  record's onset). A soft rule set ``hard`` turns each of its instances into a Violation; for RTS
  only the missed target competition can be a violation (the days-to-FIT measure stays out of both
  lists). TEAM gives one entry per extra HV training day of a week (the days other than the
  one most athletes use), each of penalty weight.
- A stage entered by a move that is already a violation (a wrong stage on a day the records set,
  a skip, a step back) is not checked again when it ends; RH-CRIT is checked with the other exit
  requirements, when a stage is left by progression.
- RAMP: the season start ends a gap unless a speed day was logged in the gap days before it.
- HV-1: every window that reaches today or later; its past days count with what happened.

Each soft rule of the rule table is checked by the method :func:`soft_check_name` names
(``soft_hv_1`` for HV-1); a rule without one fails loudly here and in the tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from planner import text
from planner.criteria import failed_words, latest_results
from planner.errors import InputError
from planner.history import as_lived, flared_level, pre_season_speed_levels
from planner.load import fmt_figure
from planner.loadtable import LoadTable, athlete_load
from planner.rehab import Segment, segments
from planner.returns import (
    REHAB,
    AthleteFacts,
    RecordSpan,
    StageRun,
    counted_records,
    day_match_roles,
    rehab_runs_after,
    stage_walk,
)
from planner.rules import CALM_CAP, LOAD_STAGES, SOFT_RULES, RuleSet
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    LADDER,
    LEVELS,
    PLAY_LEVEL,
    RAMP_STEPS,
    SPEED_DAY,
    Plan,
    Season,
    SoftViolation,
)
from planner.squad import hv1_exempt
from planner.timeline import Timeline

# A stage entered by a flare-up may last this many times its protocol maximum (docs/semantics.md,
# "Flare-ups"). The checker's own number, not the solver's ``planner.rehab.FLARE_MAX_FACTOR``: a
# change there is a plan this checker reports until the rule's reading changes here too.
FLARE_STAGE_MAX_TIMES = 2


def stage_max(spec, after_flare: bool) -> int:
    """RH-STAGE's most days for a stage (``spec``, a protocol stage): its maximum, and after a
    flare-up twice it (rules-spec.md sections 3 and 6, as docs/semantics.md reads them)."""
    return spec.max_days * (FLARE_STAGE_MAX_TIMES if after_flare else 1)


def rh11_credit(season: Season, rec, proto, seg: Segment, sessions: int,
                flare_levels: int) -> dict[int, int]:
    """RH-11's credit (level -> days counted done) at the ladder reset ``seg`` of the injury
    record ``rec``, worked from the rule's text (rules-spec.md section 3, RH-11; docs/semantics.md)
    and not from the solver's ``planner.history.ladder_credit``:

    - a stage record credits every ladder level up to the cap of the protocol's stage before the
      one recorded (none for its first stage), each ``sessions`` times;
    - a flare-up, or a stage record on a flare-up's date, only the levels up to ``flare_levels``
      below the new stage's cap on the ladder (none when that falls below 60, or the cap is 0), and
      only those below the top speed logged on the flare-up's day (the log's reading,
      ``planner.history.flared_level``; no bound when none was logged).
    """
    ids = proto.stage_ids
    if seg.stage not in ids:
        return {}
    if seg.cause == "flare-up" or seg.start in rec.flare_ups:
        cap = proto.stage(seg.stage).cap
        if cap not in LADDER or LADDER.index(cap) < flare_levels:
            return {}
        flared = flared_level(season, rec.athlete, seg.start)
        return {v: sessions for v in LADDER[:LADDER.index(cap) - flare_levels + 1]
                if flared is None or v < flared}
    k = ids.index(seg.stage)
    before = proto.stage(ids[k - 1]).cap if k else 0
    return {v: sessions for v in LADDER if v <= before}


@dataclass(frozen=True)
class Violation:
    """A hard-rule instance the plan breaks: rule id, athlete (None: the team), dates and a
    sentence."""

    rule: str
    athlete: str | None
    start: dt.date
    end: dt.date
    message: str
    # RH-STAGE: a stage left on ``end`` + 1 without its minimum or its exit work (what a log
    # that fell short of a projected stage change shows: planner.progress)
    exit: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ViolationGroup:
    """Violations of one rule by one athlete for one cause on several days (a hand edit that
    breaks the sprint ladder breaks it again on every later running day): read as one finding,
    ``message``, with each day kept in ``members``."""

    members: tuple[Violation, ...]
    message: str

    @property
    def first(self) -> Violation:
        return self.members[0]


def group_violations(violations) -> list[ViolationGroup]:
    """``violations`` (in date order) with those of the same rule, athlete and sentence but for
    their day gathered into one group each, in the order of their first day. A sentence that
    does not name its day once (``on Mon 3 Aug``) stays alone."""
    groups: dict[tuple, list[Violation]] = {}
    for v in violations:
        said = f"on {text.day(v.start)}"
        key = ((v.rule, v.athlete, v.message.replace(said, "\x00"))
               if v.start == v.end and v.message.count(said) == 1 else (id(v),))
        groups.setdefault(key, []).append(v)
    out = []
    for members in groups.values():
        message, more = members[0].message, [text.day(m.start) for m in members[1:]]
        if len(more) > 2:
            message += f" The same on {len(more)} more days, to {more[-1]}."
        elif more:
            message += f" The same on {text.join_and(more)}."
        out.append(ViolationGroup(tuple(members), message))
    return out


# the verb after an athlete's name in the checker's sentences, for several athletes
PLURAL_VERBS = {"has": "have", "is": "are", "goes": "go", "leaves": "leave", "moves": "move",
                "plays": "play", "runs": "run"}


def squad_groups(season: Season, violations, way: str = "solve again (F5)"
                 ) -> list[ViolationGroup]:
    """``planner.check.group_violations`` of ``violations`` with, in turn, the groups of one rule
    on the same days whose sentences differ only by the athlete gathered into one line: a day
    off added to a solved season broke AV-1 once per athlete, 24 near-identical lines. Said "24
    athletes have intensity 70 % on Fri 16 Oct, …" with the way out (``way``); the members
    are each athlete's days in turn, the first athlete's first the one a click selects. Pins and
    the team's lines stay alone."""
    merged: dict[tuple, list[ViolationGroup]] = {}
    words: dict[tuple, tuple[str, str, str]] = {}  # before the name, its verb, after it
    for g in group_violations(violations):
        v = g.first
        label = season.athlete_label(v.athlete) if v.athlete else ""
        head, _, rest = g.message.partition(f"{label} ") if label else ("", "", "")
        verb, _, rest = rest.partition(" ")
        if not label or g.message.count(label) != 1 or v.rule == "PIN" \
                or verb not in PLURAL_VERBS:
            merged[(id(g),)] = [g]
            continue
        key = (v.rule, tuple((m.start, m.end) for m in g.members), head, verb, rest)
        merged.setdefault(key, []).append(g)
        words[key] = (head, verb, rest)
    out = []
    for key, groups in merged.items():
        if len(groups) == 1:
            out.append(groups[0])
            continue
        head, verb, rest = words[key]
        message = (f"{head}{len(groups)} athletes {PLURAL_VERBS[verb]} {rest.removesuffix('.')}"
                   f" — {way}.")
        out.append(ViolationGroup(tuple(m for g in groups for m in g.members), message))
    return out


def squad_athletes(group: ViolationGroup) -> list[str]:
    """The athletes of a line of ``squad_groups``, in its order (one for most lines)."""
    return list(dict.fromkeys(m.athlete for m in group.members if m.athlete))


@dataclass(frozen=True)
class SoftGroup:
    """Soft-rule instances read as one: HV-1's overlapping windows of one gap (a 12-day gap is 5
    windows of 8 days, each an instance with its penalty, but one thing to fix)."""

    members: tuple[SoftViolation, ...]
    message: str

    @property
    def first(self) -> SoftViolation:
        return self.members[0]

    @property
    def end(self) -> dt.date:
        return self.members[-1].end

    @property
    def penalty(self) -> int:
        return sum(m.penalty for m in self.members)


def group_soft(soft) -> list[SoftGroup]:
    """``soft`` with each run of an athlete's HV-1 windows starting on consecutive days gathered
    into one group (the gap they share), in the order of their first; every other instance
    alone."""
    out: list[SoftGroup] = []
    run: list[SoftViolation] = []

    def close() -> None:
        if not run:
            return
        if len(run) == 1:
            out.append(SoftGroup((run[0],), run[0].message))
        else:
            a, b = run[0], run[-1]
            who = a.message.split(" has no high-velocity exposure", 1)[0].removeprefix("HV-1: ")
            days = (b.end - a.start).days + 1
            out.append(SoftGroup(tuple(run), (
                f"HV-1: {who} has no high-velocity exposure (>= {HV_LEVEL} %) from "
                f"{text.day(a.start)} to {text.day(b.end)} ({days} days): {len(run)} overlapping "
                f"windows of {(a.end - a.start).days + 1} days without one, a penalty each "
                f"({sum(m.penalty for m in run):,} in all). "
                + _days_off_said(run))))
        run.clear()

    for v in soft:
        if v.rule == "HV-1" and run and v.athlete == run[-1].athlete \
                and (v.start - run[-1].start).days == 1:
            run.append(v)
            continue
        close()
        if v.rule == "HV-1":
            run.append(v)
        else:
            out.append(SoftGroup((v,), v.message))
    close()
    return out


UNAVOIDABLE = "no plan avoids it"  # the end of an HV-1 window inside the team's days off


def _days_off_said(run: list[SoftViolation]) -> str:
    """The end of a gap's line: how many of its windows lie inside the team's days off, counted
    (the bench's 816 windows of 3 matches a week, 42 of them in a break, read "Some of its days
    are the team's days off", as if the break were why), else that one exposure covers them."""
    off = sum(1 for m in run if UNAVOIDABLE in m.message)
    if not off:
        return "One exposure in the gap covers them."
    if off == len(run):
        return "All of them lie in the team's days off: no plan avoids those."
    return f"{off} of them lie in the team's days off: no plan avoids those."


def unavoidable(soft) -> int:
    """How many of the soft-rule instances ``soft`` are HV-1 windows inside the team's days off
    (a winter break): no plan avoids them, though a count alone reads as the plan's choice."""
    return sum(1 for v in soft if v.rule == "HV-1" and UNAVOIDABLE in v.message)


def unavoidable_said(n: int) -> str:
    """``82 in the team's days off: no plan avoids them``, after HV-1's count (CLI and app)."""
    return f"{n} in the team's days off: no plan avoids them"


@dataclass(frozen=True)
class CheckReport:
    """Hard violations (sorted by date) and soft-rule instances (grouped by rule) of one plan."""

    violations: tuple[Violation, ...]
    soft: tuple[SoftViolation, ...]
    rules: tuple[str, ...] = ()  # the soft rules counted in ``soft`` (listed even with no instance)
    unplanned: tuple[str, ...] = ()  # athletes not planned yet (Plan.unplanned): left out

    @property
    def ok(self) -> bool:
        return not self.violations

    def broken(self) -> list[Violation]:
        """The hard violations less the pins the plan does not follow yet (made after it, or
        against a hand edit): the next solve plans those, so they wait rather than break."""
        return [v for v in self.violations if v.rule != "PIN"]

    def broken_note(self, anonymise: bool = False) -> str | None:
        """What a coach is told before handing out a plan that breaks hard rules of the season as
        it is now (an edit kept the plan: a moved match, a new absence; or a hand edit); None
        when it keeps them. ``anonymise``: the first one by rule, athlete ID and date only (its
        sentence may name a stage's content or a protocol)."""
        broken = self.broken()
        if not broken:
            return None
        v = broken[0]
        when = text.day_long(v.start)
        if anonymise:
            first = f"{v.rule}, {v.athlete or 'the team'}, {when}."
        else:
            said = v.message.removeprefix(f"{v.rule}: ")
            first = f"{v.rule} on {when}: {said[:1].upper()}{said[1:]}"
        return (f"This plan breaks {text.plural(len(broken), 'hard rule')} of the season as it is "
                f"now: the season changed after the solve, or the plan was edited by hand. The "
                f"first, {first} Solve again before handing it out.")

    def penalties(self) -> dict[str, int]:
        out = dict.fromkeys(self.rules, 0)
        for v in self.soft:
            out[v.rule] = out.get(v.rule, 0) + v.penalty
        return out

    def counts(self) -> dict[str, int]:
        """Each soft rule's instances; STAB's team lines are said, not counted (team_line)."""
        out = dict.fromkeys(self.rules, 0)
        for v in self.soft:
            out[v.rule] = out.get(v.rule, 0) + (not team_line(v))
        return out

    @property
    def objective(self) -> int:
        return sum(v.penalty for v in self.soft)

    def unavoidable(self) -> int:
        """HV-1's windows inside the team's days off (a winter break): no plan avoids them."""
        return unavoidable(self.soft)

    def hard_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in self.violations:
            out[v.rule] = out.get(v.rule, 0) + 1
        return out


def ramp_walk(speed, played, before, g: int):
    """RAMP's walk over an athlete's speed days (rules-spec.md section 3), as the checker reads
    them: for each day ``i`` with ``speed[i]``, (i, the speed day before it or None, whether ``g``
    days or more without one lie before it, its step: 1 or 2, else 0). ``before``: the speed
    days logged before the season start (negative indexes), which end a gap there. A played
    competition day (``played[i]``) is never a step: it ends the ramp, even after a gap."""
    logged = sorted(before)
    last, last_step1 = (logged[-1] if logged else None), False
    for i, on in enumerate(speed):
        if not on:
            continue
        gap = last is None or i - last > g
        step = 0 if played[i] else 1 if gap else 2 if last_step1 else 0
        yield i, last, gap, step
        last, last_step1 = i, step == 1


def hv_gap_day(a: AthleteFacts, i: int) -> bool:
    """Is day ``i`` one HV-1 counts towards a gap: the athlete available, FIT or in a stage
    allowing an exposure, and no exposure that day? Any other day breaks a window (HV-1, and
    the season review's longest gap, ``planner.review``)."""
    return i not in a.off and (a.st[i] == FIT or a.cap(i) >= HV_LEVEL) and not a.hv[i]


class _Athlete(AthleteFacts):
    """One athlete's plan: the shared facts plus the name, position and resulting week kinds."""

    def __init__(self, ck: _Checker, ap) -> None:
        super().__init__(ck.season, ck.tl, ck.rs, ap)
        self.ck = ck
        self.who = ck.season.athlete_label(self.id)
        athlete = ck.season.athlete(self.id)
        self.position = athlete.position if athlete is not None else ""
        # speed days logged before the season start (negative index -> level): RAMP and HV-5
        # look back at them (section 9)
        self.pre = pre_season_speed_levels(ck.season, self.id)
        weeks = ck.tl.weeks
        # resulting week kinds: the team's when FIT on the week's first day, else the athlete's own
        self.own = [self.st[w.first] != FIT for w in weeks]
        self.kind = [self.wk[w.index] if self.own[w.index] else ck.team[w.index] for w in weeks]


def _stages_of(lived: Plan, plan: Plan) -> Plan:
    """``lived`` with each athlete's stages as ``plan`` has them (``lived`` itself when equal)."""
    own = {ap.athlete: ap.stages for ap in plan.athletes}
    athletes = tuple(ap if own.get(ap.athlete, ap.stages) == ap.stages
                     else ap.model_copy(update={"stages": own[ap.athlete]}) for ap in lived.athletes)
    if all(x is y for x, y in zip(athletes, lived.athletes, strict=True)):
        return lived
    return lived.model_copy(update={"athletes": athletes})



class _Checker:
    def __init__(self, season: Season, plan: Plan, rules_in_objective, reference) -> None:
        self.season = season
        self.plan = plan
        self.tl = tl = Timeline(season)
        self.rs = RuleSet(season.rules)
        self.p0 = tl.p0
        self.n = tl.n
        self.days = tl.days
        self.day_text = [text.day(d) for d in tl.days]
        self.open_week = tl.first_open_week
        self.objective_rules = None if rules_in_objective is None else set(rules_in_objective)
        self.reference = reference
        self.hard: list[Violation] = []
        self.soft: list[SoftViolation] = []
        self._shape()
        # the days before today as they happened, each under its recorded stage (section 9);
        # ``recorded`` has the recorded stages too (LD-1 prices the past by them), ``plan`` keeps
        # the plan's own (the stage rules read the plan as it is)
        self.recorded = as_lived(season, plan, tl, stages=True)
        self.plan = plan = _stages_of(self.recorded, plan)
        self.team: tuple[str, ...] = plan.team_weeks
        by_id = {ap.athlete: ap for ap in plan.athletes}
        self.athletes = [_Athlete(self, by_id[a.id]) for a in season.athletes]

    # -- helpers -------------------------------------------------------------------------------
    def _shape(self) -> None:
        tl, plan = self.tl, self.plan
        problems = []
        fix = "re-solve the season or fix the plan file"
        if len(plan.team_weeks) != len(tl.weeks):
            problems.append(f"plan.team_weeks: has {len(plan.team_weeks)} weeks, the season has "
                            f"{len(tl.weeks)}; {fix}")
        by_id = {ap.athlete: ap for ap in plan.athletes}
        for a in self.season.athletes:
            ap = by_id.get(a.id)
            if ap is None:
                who = self.season.athlete_label(a.id)
                problems.append(f"plan.athletes: no plan for {who}; {fix}")
                continue
            for name, seq, n in (("stages", ap.stages, tl.n), ("intensity", ap.intensity, tl.n),
                                 ("weeks", ap.weeks, len(tl.weeks))):
                if len(seq) != n:
                    problems.append(f"plan.athletes[{a.id}].{name}: has {len(seq)} entries, "
                                    f"expected {n}; {fix}")
            bad = [v for v in ap.intensity if v not in LEVELS]
            if bad:
                levels = ", ".join(map(str, LEVELS))
                problems.append(f"plan.athletes[{a.id}].intensity: {bad[0]} is not one of {levels}")
        if problems:
            raise InputError("plan", problems)

    def d(self, i: int) -> dt.date:
        return self.days[i] if 0 <= i < self.n else self.tl.start + dt.timedelta(days=i)

    def f(self, i: int) -> str:
        return self.day_text[i] if 0 <= i < self.n else text.day(self.d(i))

    def idx(self, day: dt.date) -> int:
        """Day index of ``day``, also outside the season (negative before the start)."""
        return (day - self.tl.start).days

    def bad(self, rule: str, athlete: str | None, a: int, b: int, message: str,
            exit: bool = False) -> None:
        self.hard.append(Violation(rule, athlete, self.d(a), self.d(b), f"{rule}: {message}", exit))

    def wants(self, rule: str) -> bool:
        mode = self.rs.mode(rule)
        if mode == "off":
            return False
        if mode == "hard":
            return True
        return self.objective_rules is None or rule in self.objective_rules

    def penal(self, rule: str, athlete: str | None, a: int, b: int, message: str,
              penalty: int) -> None:
        sentence = f"{rule}: {message}"
        if self.rs.mode(rule) == "hard":
            self.hard.append(Violation(rule, athlete, self.d(a), self.d(b), sentence))
        else:
            self.soft.append(SoftViolation.model_construct(
                rule=rule, athlete=athlete, start=self.d(a), end=self.d(b), message=sentence,
                penalty=int(penalty)))

    def comp_name(self, i: int) -> str:
        return " / ".join(f"'{c.name}'" for c in self.tl.comp_on[i])

    def wof(self, w: int) -> str:
        return f"week of {self.f(self.tl.weeks[w].first)}"

    def week_text(self, w: int) -> str:
        return f"the {self.wof(w)}"

    # -- run -----------------------------------------------------------------------------------
    def run(self) -> CheckReport:
        if self.p0 < self.n:
            for ath in self.athletes:
                self._hard_rules(ath)
            self.dl2_team()
            self.tp1()
            self.pins()
        counted = []
        if self.p0 < self.n:
            soft_rules = [r for r in SOFT_RULES if r != "STAB" or self.reference is not None]
            for rule in soft_rules:
                if not self.wants(rule):
                    continue
                method = getattr(self, soft_check_name(rule))
                if self.rs.mode(rule) == "soft":
                    counted.append(rule)
                method()
        hard = sorted(self.hard, key=lambda v: (v.start, v.end, v.rule, v.athlete or ""))
        return CheckReport(tuple(hard), tuple(self.soft), tuple(counted))

    def _hard_rules(self, a: _Athlete) -> None:
        self.av1(a)
        self.re1(a)
        self.hv5(a)
        self.hv2(a)
        self.hv6(a)
        self.hv7(a)
        self.rh_cap(a)
        resets = self.rh_stage(a)  # RH-CRIT is checked where a stage is left (rh_crit)
        self.rh11(a, resets)
        self.rh_fl(a)
        self.ramp(a)
        self.dl2_athlete(a)

    # -- AV-1, RE-1 ----------------------------------------------------------------------------
    def av1(self, a: _Athlete) -> None:
        tl = self.tl
        for i in range(self.p0, self.n):
            if tl.is_comp[i] and a.st[i] == FIT and i not in a.off:
                self._av1_match(a, i)
            elif a.it[i]:
                self._av1_rest(a, i)

    def _av1_match(self, a: _Athlete, i: int) -> None:
        """A competition day of an available FIT athlete: plays at the role's level, or trains."""
        v, role, comp = a.it[i], a.role[i], self.comp_name(i)
        if a.played[i]:
            if role == "out":
                self.bad("AV-1", a.id, i, i, f"{a.who} plays {comp} on {self.f(i)} ({v} %), but "
                         f"the athlete's role for it is out; an athlete who is out trains or rests "
                         f"that day (not at 80 or 100 %).")
            elif a.ready[i] and v != PLAY_LEVEL[role]:
                self._av1_level(a, i)
            return
        if a.should_play(i):
            self._av1_level(a, i)
        elif v and not self.tl.training_weekday[i]:
            why = "role out" if role == "out" else "held out by RE-1"
            self.bad("AV-1", a.id, i, i, f"{a.who} has intensity {v} % on {self.f(i)}, the day of "
                     f"{comp}, which the athlete does not play ({why}) and which is not a training "
                     f"day; plan no running (0) that day.")

    def _av1_level(self, a: _Athlete, i: int) -> None:
        role = a.role[i]
        level = PLAY_LEVEL[role]
        bench = " on the bench" if role == "bench" else ""
        self.bad("AV-1", a.id, i, i, f"{a.who} plays {self.comp_name(i)} on {self.f(i)}{bench}, so "
                 f"the day has intensity {level} %, not {a.it[i]} %.")

    def _av1_rest(self, a: _Athlete, i: int) -> None:
        tl, v = self.tl, a.it[i]
        if i in a.off:
            why = "a day the athlete is unavailable"
        elif tl.is_comp[i]:
            why = (f"the day of {self.comp_name(i)}, which the athlete does not play (stage "
                   f"{a.st[i]}; the staff are at the match)")
        elif i in tl.non_training:
            why = "a declared non-training day" + (f" ({tl.off_reason[i]})" if i in tl.off_reason else "")
        elif not tl.is_training[i]:
            why = f"not a training day (no training on {text.weekday_name(self.d(i))}s)"
        else:
            return
        self.bad("AV-1", a.id, i, i, f"{a.who} has intensity {v} % on {self.f(i)}, {why}; "
                 f"plan no running (0) that day.")

    def re1(self, a: _Athlete) -> None:
        s = self.rs.value("RE-1", "team_sessions")
        for i in range(self.p0, self.n):
            if not a.played[i] or a.role[i] == "out" or a.ready[i]:
                continue
            done = text.plural(a.done[i], "FIT training day")
            self.bad("RE-1", a.id, i, i, f"{a.who} plays {self.comp_name(i)} on {self.f(i)} after "
                     f"{done} with running since returning to FIT on {self.f(a.back[i])}; the "
                     f"first match comes after "
                     f"{text.plural(s, 'such session')} (until then the athlete trains while the "
                     f"team plays).")

    # -- speed days ----------------------------------------------------------------------------
    def _speed_text(self, a: _Athlete, i: int) -> str:
        if i < 0:
            return f"{self.f(i)} (logged before the season start, {a.pre[i]} %)"
        if a.played[i]:
            return f"{self.f(i)} (match {self.comp_name(i)})"
        if i < self.p0:
            return f"{self.f(i)} (past, {a.it[i]} %)"
        return f"{self.f(i)} ({a.it[i]} %)"

    def hv5(self, a: _Athlete) -> None:
        r = self.rs.value("HV-5", "rest_days")
        for e in range(self.p0, self.n):
            if not a.speed[e]:
                continue
            for d in self.hv5_clashes(a, e, a.speed):
                if d > e:
                    continue
                one, two = self._speed_text(a, d), self._speed_text(a, e)
                # a day logged before the season start is named, the span kept inside the season
                self.bad("HV-5", a.id, d if d >= 0 else e, e, f"{a.who} has speed days on "
                         f"{one} and {two}; speed days need {text.plural(r, 'rest day')} between "
                         f"them.")

    def hv5_clashes(self, a: _Athlete, i: int, speed) -> list[int]:
        """HV-5: the speed days (``speed[j]``) within its rest days of a speed day on day ``i``,
        the nearest first, less those given with it (two matches played, past days); a speed day
        logged before the season start is a past day too."""
        r = int(self.rs.value("HV-5", "rest_days"))
        near = sorted(range(max(0, i - r), min(self.n, i + r + 1)), key=lambda j: abs(i - j))
        out = [j for j in near if j != i and speed[j] and not (a.given[i] and a.given[j])]
        return out + ([] if a.given[i] else sorted((j for j in a.pre if i - j <= r), reverse=True))

    def hv2(self, a: _Athlete) -> None:
        for w in self.tl.weeks[self.open_week:]:
            cap, given = self.hv2_cap(a, w)
            planned = [i for i in w.days if a.speed[i] and not a.given[i]]
            kind = a.kind[w.index]
            allowed = max(0, cap - len(given))
            if len(planned) > allowed:
                extra = (f", besides {text.plural(len(given), 'match or past speed day')}"
                         if given else "")
                days = ", ".join(self.f(i) for i in planned)
                self.bad("HV-2", a.id, w.first, w.last,
                         f"{a.who} has {text.plural(len(planned), 'planned speed day')} in the "
                         f"{kind} {self.wof(w.index)} ({days}){extra}; a {kind} week allows "
                         f"{text.plural(cap, 'speed day')}, so at most {allowed} may be planned.")

    def hv2_cap(self, a: _Athlete, w) -> tuple[int, list[int]]:
        """HV-2: the speed days week ``w`` allows ``a`` (its deload cap in a deload week) and the
        ones given in it (matches played, past days); the rest may be planned."""
        deload = a.kind[w.index] == "deload"
        cap = self.rs.value("HV-2", "max_speed_days_deload" if deload else "max_speed_days")
        return cap, [i for i in w.days if a.speed[i] and a.given[i]]

    def hv6(self, a: _Athlete) -> None:
        k = self.rs.value("HV-6", "days_after")
        after = " or ".join(f"MD+{x}" for x in range(1, k + 1))
        for d in range(self.p0, self.n):
            if not a.speed[d] or a.given[d]:
                continue
            c = self.hv6_match(a, d)
            if c is None:
                continue
            self.bad("HV-6", a.id, d, d, f"{a.who} has a speed day ({a.it[d]} %) on {self.f(d)}, "
                     f"MD+{d - c} after {self.played_names(a, c)} on {self.f(c)}, which the "
                     f"athlete played; no speed work on {after} after a played match.")

    def hv6_match(self, a: _Athlete, d: int) -> int | None:
        """HV-6: the day of the match played, within its days after, that a speed day planned on
        day ``d`` follows (the latest); None when there is none."""
        k = int(self.rs.value("HV-6", "days_after"))
        return next((d - j for j in range(1, k + 1) if d - j >= 0 and a.played[d - j]), None)

    def played_names(self, a: _Athlete, i: int) -> str:
        """The competitions of day ``i`` the athlete played ('m1', not 'm1 / m2' when he was out
        of m2), by the role set for each; all of them where no role says (a day logged)."""
        comps = self.tl.comp_on[i]
        roles = day_match_roles([self.season.role_of(a.id, c.id) for c in comps], a.it[i])
        names = [f"'{c.name}'" for c, r in zip(comps, roles, strict=True) if r != "out"]
        return text.join_and(names) if names else self.comp_name(i)

    def hv7(self, a: _Athlete) -> None:
        for d in range(self.p0, self.n):
            if a.speed[d] and not a.given[d] and self.hv7_md1(a, d):
                self.bad("HV-7", a.id, d, d, f"{a.who} has a speed day ({a.it[d]} %) on "
                         f"{self.f(d)}, the day before {self.comp_name(d + 1)}, which the athlete "
                         f"plays; MD-1 is for activation only.")

    def hv7_md1(self, a: _Athlete, d: int) -> bool:
        """HV-7 (when on): is day ``d`` the day before a match ``a`` plays, no day for speed?"""
        return self.rs.value("HV-7", "enabled") >= 1 and d + 1 < self.n and a.played[d + 1]

    def speed_day_breaks(self, a: _Athlete, i: int, speed) -> list[str]:
        """Which of HV-2, HV-5, HV-6 and HV-7 a speed day planned on day ``i`` would break, with
        the speed days ``speed[j]`` kept (HV-2 counts the week's given ones), in the words of
        the checks above: an empty list when one could stand there."""
        tl = self.tl
        cap, given = self.hv2_cap(a, tl.weeks[tl.week_of[i]])
        return [rule for rule, broken in (
            ("HV-2", len(given) >= cap), ("HV-5", bool(self.hv5_clashes(a, i, speed))),
            ("HV-6", self.hv6_match(a, i) is not None), ("HV-7", self.hv7_md1(a, i))) if broken]

    def ramp(self, a: _Athlete) -> None:
        for i, last, _gap, step in ramp_walk(a.speed, a.played, a.pre, self.rs.value("RAMP", "gap_days")):
            if step and i >= self.p0 and a.st[i] == FIT:
                self._ramp_day(a, i, last, step == 1, step == 2)

    def _ramp_day(self, a: _Athlete, i: int, last: int | None, step1: bool, step2: bool) -> None:
        g, v = self.rs.value("RAMP", "gap_days"), a.it[i]
        if step1 and v > RAMP_STEPS[0]:
            since = ("the first speed day of the season" if last is None else
                     f"the first speed day after {text.plural(i - last - 1, 'day')} without one "
                     f"(the last on {self.f(last)})")
            self.bad("RAMP", a.id, i, i, f"{a.who} has {v} % on {self.f(i)}, {since}; after "
                     f"{g} days or more without a speed day the first is at most {RAMP_STEPS[0]} %.")
        elif step2 and v > RAMP_STEPS[1]:
            self.bad("RAMP", a.id, i, i, f"{a.who} has {v} % on {self.f(i)}, the second speed day "
                     f"after a break (the first on {self.f(last)}); the second is at most {RAMP_STEPS[1]} %.")

    # -- rehab ---------------------------------------------------------------------------------
    def rh_cap(self, a: _Athlete) -> None:
        for i in range(self.p0, self.n):
            cap = a.cap(i)
            if a.it[i] > cap:
                self.bad("RH-CAP", a.id, i, i, f"{a.who} is in {a.st[i]} on {self.f(i)} with "
                         f"intensity {a.it[i]} %, above the stage's cap of {cap} %.")

    def rh_stage(self, a: _Athlete) -> dict[int, tuple[str, str, int]]:
        """Checks the stage sequence from p0 on; returns the ladder resets at or after p0
        (day -> stage, cause, record)."""
        if not a.records:
            self._rh_stage_uninjured(a)
            return {}
        resets: dict[int, tuple[str, str, int]] = {}
        for i, old, run, forced, cause, kind in stage_walk(a, self.p0):
            s = a.st[i]
            if forced is not None:
                if cause in ("record", "flare-up"):
                    resets[i] = (forced, cause, a.gov[i])
                if s != forced:
                    why = self._forced_why(a, i, old.stage, forced, cause)
                    self.bad("RH-STAGE", a.id, i, i, f"{a.who} is in {s} on {self.f(i)}, but "
                             f"{why}, so the stage that day is {forced}.")
            elif kind == "progress":
                self._rh_stage_exit(a, old, i)
            elif kind == "bad":
                self.bad("RH-STAGE", a.id, i, i, self._stage_move_text(a, i, old.stage))
            self._rh_stage_day(a, run, i)
        return resets

    def _forced_why(self, a: _Athlete, i: int, prev: str, forced: str, cause: str) -> str:
        if cause == "before-onset":
            return f"the injury's onset is {text.day(a.records[0].onset)}"
        if cause == "onset":
            return f"the injury's onset is {self.f(i)}"
        if cause == "injured":
            rec = a.records[a.gov[i]]
            first = min(s.start for s in rec.stages)
            return (f"the injury of {text.day(rec.onset)} has no stage recorded before "
                    f"{text.day(first)}")
        if cause == "record":
            return f"the injury record starts {forced} on {self.f(i)}"
        return f"the flare-up on {self.f(i)} moves {a.who} back from {prev} to {forced}"

    def _rh_stage_uninjured(self, a: _Athlete) -> None:
        """An athlete without an injury record is FIT: each run of other stages is one violation."""
        st, i = a.st, self.p0
        while i < self.n:
            if st[i] == FIT:
                i += 1
                continue
            j = i
            while j + 1 < self.n and st[j + 1] == st[i]:
                j += 1
            self.bad("RH-STAGE", a.id, i, j, f"{a.who} has no injury on record but is in "
                     f"{st[i]} from {self.f(i)} to {self.f(j)}; an uninjured athlete is FIT.")
            i = j + 1

    def _rh_stage_exit(self, a: _Athlete, run: StageRun, i: int) -> None:
        """Leaving ``run``'s stage for the next one on day ``i``: its minimum days, its exit
        requirement and its criteria (RH-CRIT)."""
        proto = a.protos[run.rec]
        prev = run.stage
        if prev not in proto.stage_ids or not run.checked:
            return
        spec = proto.stage(prev)
        length = i - run.start
        first = max(run.start, 0)
        last = max(i - 1, first)  # left on the season's first day: that day (not the one before)
        if length < spec.min_days:
            self.bad("RH-STAGE", a.id, first, last,
                     f"{a.who} leaves {prev} on {self.f(i)} after "
                     f"{text.plural(length, 'day')} (from {self.f(run.start)}); {prev} lasts "
                     f"at least {spec.min_days} days.", exit=True)
        if spec.exit_kind == "days_at_cap" and run.at_cap < spec.exit_days:
            self.bad("RH-STAGE", a.id, first, last,
                     f"{a.who} leaves {prev} on {self.f(i)} with "
                     f"{text.plural(run.at_cap, 'day')} at {spec.cap} % in the stage; {prev} "
                     f"needs {spec.exit_days} days at {spec.cap} % before moving on.", exit=True)
        self.rh_crit(a, run, i)

    def rh_crit(self, a: _Athlete, run: StageRun, i: int) -> None:
        """Leaving ``run``'s stage on day ``i`` while a failed criteria test still holds it."""
        t = self.rs.value("RH-CRIT", "retest_days")
        rec, proto = a.records[run.rec], a.protos[run.rec]
        # the latest result of each of the stage's tests taken in it, a test on the day of the
        # move included (docs/semantics.md, RH-CRIT): the records' reading; the gate is the
        # rule's: a failed one holds the stage until its date + retest_days. A result dated
        # after today (p0) is not read until today passes it, as the solver reads it
        # (planner.validate's note says so): it held the solver's own plan as an RH-CRIT
        latest = latest_results(rec, proto, run.stage, self.d(run.start),
                                self.d(min(i, self.p0)) + dt.timedelta(days=1))
        failing = [r for r in latest.values() if not r.passed]
        if not failing:
            return
        until = max(r.test.date for r in failing) + dt.timedelta(days=t)
        if self.d(i) >= until:
            return
        self.bad("RH-CRIT", a.id, i, i, f"{a.who} leaves {run.stage} on {self.f(i)}, but the "
                 f"latest result fails: {failed_words(failing, text.day)}; {run.stage} holds "
                 f"until a retest, not before {text.day(until)}.")

    def _stage_move_text(self, a: _Athlete, i: int, prev: str) -> str:
        """Why the move from ``prev`` to the plan's stage on day ``i`` is not allowed."""
        s, proto = a.st[i], a.proto_of(i)
        order = proto.stage_ids + (FIT,)
        if s == INJ:
            return (f"{a.who} is marked INJ (injured, no stage) on {self.f(i)}, after the "
                    f"rehab started; the stage is {prev} or the next one.")
        if s not in order:
            return (f"{a.who} is in {s} on {self.f(i)}, which is not a stage of {proto.name} "
                    f"({', '.join(proto.stage_ids)}).")
        if prev not in order:
            return (f"{a.who} moves from {prev} to {s} on {self.f(i)}; the rehab stages start "
                    f"only as the injury record says.")
        if order.index(s) < order.index(prev):
            return (f"{a.who} goes back from {prev} to {s} on {self.f(i)} without a recorded "
                    f"flare-up; stages never go backwards otherwise.")
        skipped = order[order.index(prev) + 1:order.index(s)]
        return (f"{a.who} moves from {prev} to {s} on {self.f(i)}, skipping "
                f"{', '.join(skipped)}; every stage of the protocol is done in order.")

    def _rh_stage_day(self, a: _Athlete, run: StageRun, i: int) -> None:
        """Day ``i`` of ``run``: counts a day at the cap; reports the stage's maximum once."""
        s = a.st[i]
        if run.rec is None or s not in a.protos[run.rec].stage_ids:
            return
        spec = a.protos[run.rec].stage(s)
        if a.it[i] >= spec.cap and i not in a.flared:  # the session that flared up is no progress
            run.at_cap += 1
        mx = stage_max(spec, run.flare)  # redone after a flare-up: twice (docs/semantics.md)
        start = run.start
        if start < self.p0 and self.p0 - start >= mx:
            # outlasted before today (a projected change not done): the maximum counts from
            # today (rules-spec section 9; docs/semantics.md, "A stage outlasted before today")
            start = self.p0
        length = i - start + 1
        if length > mx and not run.max_reported:
            run.max_reported = True
            since = (f"day {length} of the stage (started {self.f(run.start)})" if start == run.start
                     else f"day {length} since today ({self.f(start)}; the stage had outlasted its "
                          f"maximum by today, so its maximum counts from today)")
            self.bad("RH-STAGE", a.id, max(start, 0), i,
                     f"{a.who} is still in {s} on {self.f(i)}, {since}; {s} lasts at most "
                     f"{mx} days" + (" after a flare-up (twice its maximum)." if run.flare else "."))

    def _ladder_resets(self, a: _Athlete, future: dict[int, tuple[str, str, int]]
                       ) -> tuple[dict[int, int], dict[int, dict[int, int]]]:
        """RH-11's credit at the latest reset before the season, and at each reset in it."""
        s_req = self.rs.value("RH-11", "sessions_per_step")
        levels = self.rs.value("RH-11", "flare_credit_levels")
        initial: dict[int, int] = {}
        latest = None
        resets: dict[int, dict[int, int]] = {}
        for rec, proto in zip(a.records, a.protos, strict=True):
            for seg in segments(rec, proto, until=self.d(self.p0 - 1)):
                i = self.idx(seg.start)
                credit = rh11_credit(self.season, rec, proto, seg, s_req, levels)
                if i >= 0:
                    resets[i] = credit
                elif latest is None or i > latest:
                    initial, latest = credit, i
        for i, (stage, cause, k) in future.items():
            seg = Segment(self.d(i), stage, cause)
            resets[i] = rh11_credit(self.season, a.records[k], a.protos[k], seg, s_req, levels)
        return initial, resets

    def rh11(self, a: _Athlete, future_resets: dict[int, tuple[str, str, int]]) -> None:
        if not a.records:
            return
        s_req = self.rs.value("RH-11", "sessions_per_step")
        initial, resets = self._ladder_resets(a, future_resets)
        done = dict(initial)
        top = max(done, default=0)
        for i in range(self.n):
            if i in resets:
                done = dict(resets[i])
                top = max(done, default=0)
            v = a.it[i]
            if a.st[i] not in REHAB or v < 60:
                continue
            if i >= self.p0:
                self._rh11_day(a, i, done, top, s_req)
            if i in a.flared:
                continue  # the session that flared up is no progress
            done[v] = done.get(v, 0) + 1
            top = max(top, v)

    def _rh11_day(self, a: _Athlete, i: int, done: dict[int, int], top: int, s_req: int) -> None:
        v = a.it[i]
        j = LADDER.index(v)
        top_j = LADDER.index(top) if top >= 60 else -1
        if j > top_j + 1:
            highest = f"{top} %" if top else "none yet"
            self.bad("RH-11", a.id, i, i, f"{a.who} runs at {v} % on {self.f(i)} but the "
                     f"highest ladder level reached is {highest}; go up one level at a time.")
        elif j > 0 and done.get(LADDER[j - 1], 0) < s_req:
            below = LADDER[j - 1]
            self.bad("RH-11", a.id, i, i, f"{a.who} runs at {v} % on {self.f(i)} after only "
                     f"{text.plural(done.get(below, 0), 'day')} at {below} %; {v} % needs "
                     f"{s_req} days at {below} % first.")

    def rh_fl(self, a: _Athlete) -> None:
        calm = self.rs.value("RH-FL", "calm_days")
        for rec in a.records:
            for flare in rec.flare_ups:
                f0 = self.idx(flare)
                if self.p0 <= f0 < self.n and a.it[f0] > 0:
                    self.bad("RH-FL", a.id, f0, f0, f"{a.who} runs at {a.it[f0]} % on "
                             f"{self.f(f0)}, the day of a flare-up; no running that day.")
                for i in self.tl.calm_days(flare, calm, a.id):
                    if i >= self.p0 and a.it[i] > CALM_CAP:
                        self.bad("RH-FL", a.id, i, i, f"{a.who} runs at {a.it[i]} % on "
                                 f"{self.f(i)}, a calm day after the flare-up on {self.f(f0)}; "
                                 f"at most {CALM_CAP} % until {a.who} has trained {text.plural(calm, 'day')} "
                                 f"after it (days off and match days do not count).")

    # -- weeks ---------------------------------------------------------------------------------
    def _dl2(self, kinds, owned, athlete: _Athlete | None) -> None:
        """Runs of load weeks and deloads next to a deload/taper, over the open weeks."""
        weeks = self.tl.weeks
        m = self.rs.value("DL-2", "max_load_weeks")
        who = athlete.who if athlete else "The team"
        aid = athlete.id if athlete else None
        w0, nw = self.open_week, len(weeks)
        carry = self._carried(kinds, m, athlete)
        w = w0
        while w < nw:
            if kinds[w] != "load":
                w += 1
                continue
            e = w
            while e + 1 < nw and kinds[e + 1] == "load":
                e += 1
            if w == w0 and carry is not None:  # the load weeks done before today count on
                r, window = carry
                if e >= window[-1] and any(owned[w - r:e + 1]):
                    self.bad("DL-2", aid, weeks[w].first, weeks[e].last,
                             f"{who} has {e - w + 1 + r} load weeks in a row, counting the {r} "
                             f"before today, to {self.week_text(e)}; at most {m} load weeks come "
                             f"before a deload.")
            elif e - w + 1 > m and any(owned[w:e + 1]):
                self.bad("DL-2", aid, weeks[w].first, weeks[e].last,
                         f"{who} has {e - w + 1} load weeks in a row, from {self.week_text(w)} to "
                         f"{self.week_text(e)}; at most {m} load weeks come before a deload.")
            w = e + 1
        for w in range(w0, nw - 1):
            x, y = kinds[w], kinds[w + 1]
            if "deload" in (x, y) and x in ("deload", "taper") and y in ("deload", "taper") \
                    and (owned[w] or owned[w + 1]):
                self.bad("DL-2", aid, weeks[w].first, weeks[w + 1].last,
                         f"{who} has a {x} week ({self.week_text(w)}) next to a {y} week "
                         f"({self.week_text(w + 1)}); a deload week never sits next to another "
                         f"deload or a taper week.")

    def _carried(self, kinds, most: int, athlete: _Athlete | None):
        """The team's load weeks done before today that DL-2's first open run counts on (None:
        none; Timeline.carried_run). Only the team's sequence: an athlete's own rehab weeks do
        not carry."""
        if athlete is not None:
            return None
        # the weeks before today as the season recorded them (its stored plan), else load weeks,
        # as the solver reads them and its plan then records them: read from the plan checked,
        # a plan JSON with a deload in the past passed where the solver had to plan one
        rec = self.season.plan
        weeks = self.tl.weeks
        past = (rec.team_weeks if rec is not None and len(rec.team_weeks) == len(weeks)
                else ("load",) * len(weeks))
        recorded = tuple(past[w] if weeks[w].first < self.p0 else kinds[w]
                         for w in range(len(weeks)))
        return self.tl.carried_run(recorded, most, self.rs.value("TP-1", "taper_weeks"))

    def dl2_team(self) -> None:
        self._dl2(self.team, [True] * len(self.team), None)

    def dl2_athlete(self, a: _Athlete) -> None:
        for w in self.tl.weeks[self.open_week:]:
            k = w.index
            if not a.own[k] and a.wk[k] != self.team[k]:
                self.bad("DL-2", a.id, w.first, w.last,
                         f"{a.who} is FIT on {self.f(w.first)}, so {self.week_text(k)} is the "
                         f"team's {self.team[k]} week, but the plan gives {a.wk[k]}.")
            elif a.own[k] and a.wk[k] == "taper":
                self.bad("DL-2", a.id, w.first, w.last,
                         f"{a.who} is in {a.st[w.first]} on {self.f(w.first)}, so "
                         f"{self.week_text(k)} is the athlete's own week, which is load or deload, "
                         f"never taper.")
        self._dl2(a.kind, a.own, a)

    def tp1(self) -> None:
        weeks = self.tl.weeks
        tw = self.tl.taper_weeks(self.rs.value("TP-1", "taper_weeks"))
        aw = self.tl.a_weeks()
        for w in range(self.open_week, len(weeks)):
            kind = self.team[w]
            if w in tw and kind != "taper":
                c = tw[w]
                self.bad("TP-1", None, weeks[w].first, weeks[w].last,
                         f"The team's {self.wof(w)} is {kind}, but it is a taper week before "
                         f"the A competition '{c.name}' on {text.day(c.date)}.")
            elif w not in tw and kind == "taper":
                self.bad("TP-1", None, weeks[w].first, weeks[w].last,
                         f"The team's {self.wof(w)} is a taper week, but no A competition "
                         f"follows within {self.rs.value('TP-1', 'taper_weeks')} weeks; "
                         f"make it load or deload.")
            if w in aw and kind == "deload":
                c = aw[w]
                self.bad("TP-1", None, weeks[w].first, weeks[w].last,
                         f"The team's {self.wof(w)} is a deload week, but the A competition "
                         f"'{c.name}' is on {text.day(c.date)}; that week is not a deload.")

    # -- pins ----------------------------------------------------------------------------------
    def pins(self) -> None:
        by_id = {a.id: a for a in self.athletes}
        for pin in self.season.pins:
            if pin.kind == "week":
                self._week_pin(pin, by_id)
                continue
            a = by_id.get(pin.athlete)
            i = self.tl.index(pin.date)
            if a is None or i is None or i < self.p0:
                continue
            if pin.kind == "intensity":
                if a.it[i] != pin.intensity:
                    self.bad("PIN", a.id, i, i, f"The coach pinned {a.who} to {pin.intensity} % on "
                             f"{self.f(i)}, but the plan has {a.it[i]} %.")
            else:
                self._stage_pin(pin, a, i)

    def _week_pin(self, pin, by_id: dict[str, _Athlete]) -> None:
        tl = self.tl
        w = tl.week_index_of_date(pin.week)
        if w is None or w < self.open_week:
            return
        wk = tl.weeks[w]
        if pin.athlete is None:
            if self.team[w] != pin.week_kind:
                self.bad("PIN", None, wk.first, wk.last,
                         f"The coach pinned the team's {self.wof(w)} as "
                         f"{pin.week_kind}, but the plan makes it {self.team[w]}.")
            return
        a = by_id.get(pin.athlete)
        if a is not None and a.kind[w] != pin.week_kind:
            self.bad("PIN", a.id, wk.first, wk.last,
                     f"The coach pinned {a.who}'s {self.wof(w)} as {pin.week_kind}, "
                     f"but the plan makes it {a.kind[w]}.")

    def _stage_pin(self, pin, a: _Athlete, i: int) -> None:
        before = a.st[i - 1] if i > self.p0 else a.recorded_stage(i - 1)
        if a.st[i] != pin.stage or before == pin.stage:
            what = (f"is in {a.st[i]} that day" if a.st[i] != pin.stage else
                    f"is already in {pin.stage} on {self.f(i - 1)}")
            self.bad("PIN", a.id, i, i, f"The coach pinned {a.who}'s start of {pin.stage} "
                     f"on {self.f(i)}, but the plan {what}.")

    # -- soft rules ----------------------------------------------------------------------------
    def soft_rts(self) -> None:
        hard = self.rs.mode("RTS") == "hard"
        for a in self.athletes:
            for span in counted_records(a):
                if not hard:
                    self._rts_days(a, span)
                self._rts_target(a, span)
            if not hard:  # a return after a flare-up dated after today: its days back too
                for span in rehab_runs_after(a):
                    self._rts_days(a, span)

    def _rts_days(self, a: _Athlete, span: RecordSpan) -> None:
        weight, n = self.rs.value("RTS", "weight"), self.n
        end = span.fit if span.fit is not None else span.stop
        days = end - span.base
        if days <= 0:
            return
        if span.fit is not None:
            when = f"is back to FIT on {self.f(span.fit)}"
        elif span.stop == a.gone < n:  # his return is no longer this squad's from then
            when = f"is not back to FIT when leaving the squad on {self.f(span.stop)}"
        elif span.stop < n:
            when = f"is not back to FIT before the next injury on {self.f(span.stop)}"
        else:
            when = "is not back to FIT by the season end"
        who = a.who
        if span.setback:
            why = " (a flare-up)" if self.tl.days[span.base] in span.record.flare_ups else ""
            who += f", back in rehab ({a.st[span.base]}) from {self.f(span.base)}{why},"
        elif len(a.records) > 1:
            who += f", after the injury of {text.day(span.record.onset)},"
        last = span.fit if span.fit is not None else span.stop - 1
        self.penal("RTS", a.id, span.base, last,
                   f"{who} {when}: {text.plural(days, 'day')} from {self.f(span.base)} "
                   f"({weight} points a day).", weight * days)

    def _rts_target(self, a: _Athlete, span: RecordSpan) -> None:
        rec = span.record
        c = self.season.competition(rec.target_competition) if rec.target_competition else None
        i = self.tl.index(c.date) if c else None
        if i is None or i < self.p0 or i >= a.gone or a.played[i]:
            return  # a target on or after the day he left the squad is no longer this squad's
        self.penal("RTS", a.id, i, i, f"{a.who} {self._not_playing(a, i)} and misses the target "
                   f"competition '{c.name}'.", self.rs.value("RTS", "target_weight"))

    def _not_playing(self, a: _Athlete, i: int) -> str:
        """Why the athlete does not play competition day ``i``."""
        if a.st[i] != FIT:
            return f"is in {a.st[i]} on {self.f(i)}"
        if i in a.off:
            return f"is unavailable on {self.f(i)}"
        if a.role[i] == "out":
            return f"is out (role) on {self.f(i)}"
        if not a.ready[i]:
            s = self.rs.value("RE-1", "team_sessions")
            return (f"is held out by RE-1 on {self.f(i)} ({a.done[i]} of {s} team sessions since "
                    f"returning to FIT on {self.f(a.back[i])})")
        return f"does not play on {self.f(i)}"

    def soft_hv_1(self) -> None:
        g = self.rs.value("HV-1", "max_gap_days")
        weight = self.rs.value("HV-1", "weight")
        p0, n = self.p0, self.n
        for a in self.athletes:
            if hv1_exempt(self.rs, a.position):
                continue
            # prefix sums of days that break a window (unavailable, a stage capped below 90, or
            # an exposure)
            cut = [0] * (n + 1)
            for i in range(n):
                cut[i + 1] = cut[i] + (0 if hv_gap_day(a, i) else 1)
            # windows that reach today or later; past days count with what happened (section 9)
            for s in range(max(0, p0 - g + 1), n - g + 1):
                if cut[s + g] == cut[s]:
                    # a window inside the team's days off (a winter break) has no day a plan
                    # could give an exposure on: said, as a coach reads the entry as a choice
                    tl = self.tl
                    why = (" None of these days has team training or a competition (the team's "
                           f"days off), so {UNAVOIDABLE}." if not any(
                               tl.is_training[i] or tl.is_comp[i] for i in range(s, s + g)) else "")
                    self.penal("HV-1", a.id, s, s + g - 1,
                               f"{a.who} has no high-velocity exposure (>= {HV_LEVEL} %) from "
                               f"{self.f(s)} to {self.f(s + g - 1)} ({g} days, all available and "
                               f"FIT or in a stage allowing {HV_LEVEL} %).{why}", weight)

    def soft_tp_3(self) -> None:
        weight = self.rs.value("TP-3", "weight")
        for w in self.tl.weeks[self.open_week:]:
            if self.team[w.index] != "taper":
                continue
            for a in self.athletes:
                if a.st[w.first] != FIT or all(i in a.off for i in w.days):
                    continue
                if hv1_exempt(self.rs, a.position):  # HV-1 asks it no exposure: none to keep
                    continue
                if not any(a.hv[i] for i in w.days):
                    self.penal("TP-3", a.id, w.first, w.last,
                               f"{a.who} has no high-velocity exposure (>= {HV_LEVEL} %) in the "
                               f"taper {self.wof(w.index)}.", weight)

    def _hv_training(self, a: _Athlete, i: int) -> bool:
        """HV training of a FIT athlete: >= 90 % on a day the athlete does not play."""
        return a.st[i] == FIT and a.hv[i] and not a.played[i]

    def _compensation(self, a: _Athlete, i: int) -> bool:
        """HV training on MD+1 or MD+2 of a competition day the athlete did not play."""
        j = self.tl.md_after[i]
        return j is not None and j <= 2 and not a.played[i - j]

    def soft_team(self) -> None:
        """One entry per extra HV training day of a week (rules-spec.md section 5: "one penalty
        (and one ``soft`` entry) per extra distinct HV training day"; one entry per week, weight x
        extra days, counted a week of three such days as one instance). The week's shared day is
        the one most athletes use (the earliest of equals); each other day is an entry of its own,
        naming who trains apart that day."""
        weight = self.rs.value("TEAM", "weight")
        tl, n = self.tl, self.n
        start = tl.weeks[self.open_week].first if self.open_week < len(tl.weeks) else n
        used: dict[int, list[_Athlete]] = {}
        for a in self.athletes:
            for i in range(start, n):
                if self._hv_training(a, i) and not self._compensation(a, i):
                    used.setdefault(i, []).append(a)
        for w in tl.weeks[self.open_week:]:
            days = [i for i in w.days if i in used]
            if len(days) < 2:
                continue
            shared = max(days, key=lambda i: (len(used[i]), -i))
            for i in days:
                if i == shared:
                    continue
                group = used[i]
                who = (text.join_and([a.who for a in group]) if len(group) <= 3
                       else text.plural(len(group), "athlete"))
                self.penal("TEAM", None, i, i,
                           f"Another HV training day of the squad in {self.week_text(w.index)} "
                           f"({len(days)} in all): {who} at 90 % or more, apart from the "
                           f"shared day, {self.f(shared)} "
                           f"({text.plural(len(used[shared]), 'athlete')}); one shared team day "
                           f"a week is asked.", weight)

    def soft_dl_7(self) -> None:
        wb, wc = self.rs.value("DL-7", "weight_b"), self.rs.value("DL-7", "weight_c")
        tl = self.tl
        for w in tl.weeks[self.open_week:]:
            if self.team[w.index] != "deload":
                continue
            for i in w.days:
                pr = tl.best_priority(i)
                if pr in ("B", "C"):  # one penalty a day, at its highest priority
                    self.penal("DL-7", None, i, i,
                               f"The team's deload {self.wof(w.index)} has "
                               f"{self._comps_by_priority(i)} on {self.f(i)}.", wb if pr == "B" else wc)

    def _comps_by_priority(self, i: int) -> str:
        """"the B competition 'm1' and the C competition 'm2'": each named with its own priority."""
        parts = []
        for pr in ("A", "B", "C"):
            names = [f"'{c.name}'" for c in self.tl.comp_on[i] if c.priority == pr]
            if names:
                kind = "competition" if len(names) == 1 else "competitions"
                parts.append(f"the {pr} {kind} {text.join_and(names)}")
        return text.join_and(parts)

    def soft_ld_1(self) -> None:
        """LD-1 (rules-spec.md sections 5 and 8): a week above acwr_max x its chronic load."""
        a100 = round(100 * self.rs.value("LD-1", "acwr_max"))
        weight = self.rs.value("LD-1", "weight")
        table = LoadTable.of(self.rs)
        # a day before today is priced at the stage the records give it, as the solver prices it
        # and the load figures read it (a projected change nobody recorded did not happen)
        lived = self.recorded
        for a in self.athletes:
            ap = lived.for_athlete(a.id)
            same = ap is None or ap.stages == a.st
            al = (athlete_load(self.season, self.plan, a.id, table=table, tl=self.tl, facts=a)
                  if same else athlete_load(self.season, lived, a.id, table=table, tl=self.tl))
            # the series gives the log and which weeks are full; every season day it prices from
            # the table is priced again here, by the checker's own reading of section 8
            f = a if same else AthleteFacts(self.season, self.tl, self.rs, ap)
            load = list(al.load)
            for i in range(self.n):
                k = al.season_start + i
                if not al.as_logged(k):
                    load[k] = round(self._day_load(f, i, al.kinds[k]))
            sums = [sum(load[al.index(w.start):al.index(w.start) + w.days]) for w in al.weeks]
            for k, w in enumerate(al.weeks):
                last = al.index(w.start) + w.days - 1 - al.season_start
                if last < self.p0 or w.chronic is None:
                    continue
                four = sum(sums[k - 4:k])
                if 400 * sums[k] <= a100 * four:
                    continue
                self._ld1_spike(a, al.weeks, sums, k, a100, weight)

    def _ld1_spike(self, a: _Athlete, weeks, sums: list[float], k: int, a100: int,
                   weight: int) -> None:
        """LD-1's entry for week ``k`` of ``weeks``, whose loads are ``sums``."""
        w, load, chronic = weeks[k], sums[k], sum(sums[k - 4:k]) / 4
        i = self.idx(w.start)
        j = min(range(k - 4, k), key=lambda x: sums[x])
        light = weeks[j]
        why = (f" The {text.week_of(light.start)} had only {sums[j]:.0f} AU"
               + (f" ({light.kind} week)" if light.kind in ("deload", "taper") else "")
               + ", which keeps the chronic load low."
               if sums[j] < 0.6 * load else "")
        # 1.304 is "1.304", not "1.30" beside "the most is 1.3 times"
        times = (f"{fmt_figure(load / chronic, (a100 / 100,))} times the chronic "
                 f"load of {chronic:.0f} AU"
                 if chronic else "after no load at all")  # four empty weeks: no ratio
        self.penal("LD-1", a.id, i, i + w.days - 1,
                   f"{a.who}'s planned load in the {text.week_of(w.start)} is "
                   f"{load:.0f} AU, {times} (the four weeks before); the most is "
                   f"{a100 / 100:g} times.{why}", weight)

    def _day_load(self, f: AthleteFacts, i: int, kind: str | None) -> float:
        """Day ``i``'s planned load in AU (rules-spec.md section 8), looked up here from the rule
        set's LD-1 values and the protocol's own stage loads, not from the solver's
        ``planner.loadtable.LoadTable``: a competition played counts each match the athlete
        plays that day (started at 100, from the bench at 80); no session (away, not a training
        day, ``INJ``) 0; ``FIT`` on a training day the recovery session at 0, else the week
        kind's session length x the RPE of the level's band; a rehab stage its session."""
        v = self.rs.value
        stage, level = f.st[i], f.it[i]
        if f.played[i]:
            roles = ("start" if level >= PLAY_LEVEL["start"] else "bench",) + f.other_matches(i)
            return sum(v("LD-1", f"minutes_{r}") * v("LD-1", f"rpe_{r}") for r in roles)
        if i in f.off or not f.train[i] or stage == INJ:
            return 0.0
        if stage == FIT:
            if level <= 0:
                return v("LD-1", "minutes_recovery") * v("LD-1", "rpe_recovery")
            band = "rpe_90" if level >= HV_LEVEL else "rpe_80" if level >= SPEED_DAY else "rpe_70"
            return v("LD-1", f"minutes_{kind}") * v("LD-1", band)
        proto = f.proto_of(i)
        own = proto.stage(stage).load if proto is not None and stage in proto.stage_ids else None
        if own is not None:
            return own[0] * own[1]
        return v("LD-1", f"{stage}_minutes") * v("LD-1", f"{stage}_rpe") if stage in LOAD_STAGES else 0.0

    def soft_hv_day(self) -> None:
        w2, wo = self.rs.value("HV-DAY", "weight_md2"), self.rs.value("HV-DAY", "weight_other")
        tl = self.tl
        labels: dict[int, str | None] = {}
        for a in self.athletes:
            for i in range(self.p0, self.n):
                if not self._hv_training(a, i):
                    continue
                if i not in labels:
                    labels[i] = tl.label(i)
                lab = labels[i]
                if lab in ("MD-3", "MD-4"):
                    continue
                where = lab or "a day with no match within 7 days"
                self.penal("HV-DAY", a.id, i, i,
                           f"{a.who} has HV training ({a.it[i]} %) on {self.f(i)} ({where}); "
                           f"MD-3 and MD-4 are preferred.", w2 if lab == "MD-2" else wo)

    def soft_stab(self) -> None:
        ref = self.reference
        weight = self.rs.value("STAB", "weight")
        by_id = {ap.athlete: ap for ap in ref.athletes}
        weeks = self.tl.weeks
        for a in self.athletes:
            r = by_id.get(a.id)
            if r is None or a.id in ref.unplanned:  # a placeholder row is no plan to keep
                continue
            m = min(self.n, len(r.stages), len(r.intensity))
            for i in range(self.p0, m):
                if i in a.off:  # forced by his absence: no change the coach can undo
                    continue
                if a.st[i] != r.stages[i] or a.it[i] != r.intensity[i]:
                    self.penal("STAB", a.id, i, i,
                               f"{a.who} on {self.f(i)}: {a.st[i]} at {a.it[i]} % instead of "
                               f"{r.stages[i]} at {r.intensity[i]} %.", weight)
            for w in range(self.open_week, min(len(weeks), len(r.weeks))):
                if a.wk[w] != r.weeks[w] and not stab_away(weeks[w], self.p0, a.off):
                    self.penal("STAB", a.id, weeks[w].first, weeks[w].last,
                               f"{a.who}'s {self.wof(w)} is {a.wk[w]} instead of "
                               f"{r.weeks[w]}.", weight)
        if self.rs.mode("STAB") != "hard":  # what moved for the whole squad, said once
            for first, last, words in team_weeks_moved(self.tl, ref.team_weeks,
                                                       self.team):
                self.penal("STAB", None, first, last, words + ".", 0)


def stab_away(week, p0: int, off) -> bool:
    """STAB leaves out a week whose days from ``p0`` the athlete is away on every one of
    (unavailable, not with the squad): its kind is none he trains in."""
    days = [d for d in week.days if d >= p0]
    return bool(days) and all(d in off for d in days)


def team_line(v) -> bool:
    """A STAB entry naming a team week a re-plan moved (no athlete, no cost): said in words,
    never counted as an instance ("STAB 94 / 93" counted it beside the 93 athletes' changes)."""
    return v.rule == "STAB" and v.athlete is None


def team_weeks_moved(tl: Timeline, before, after) -> list[tuple[int, int, str]]:
    """The team's week kinds a re-plan changed (``before`` and ``after``: two plans'
    ``team_weeks``), from the first week not wholly past, as a coach reads them: a deload or
    taper week gone from one week and come to another is a move ("Team: deload week moved from
    Mon 11 Jan to Mon 18 Jan"), the rest are said one week each. ``(first day, last day,
    words)`` each, by date: the command line, the app's status after a re-plan, Plan Check and
    the Cover (STAB) say the same."""
    weeks = [w for w in tl.weeks[tl.first_open_week:min(len(before), len(after))]
             if before[w.index] != after[w.index]]

    def on(w) -> str:
        return text.day(tl.days[w.first])

    out = []
    for kind in ("deload", "taper"):
        lost = [w for w in weeks if before[w.index] == kind]
        got = [w for w in weeks if after[w.index] == kind]
        for a, b in zip(lost, got, strict=False):  # the moves; the rest below
            out.append((min(a.first, b.first), max(a.last, b.last),
                        f"Team: {kind} week moved from {on(a)} to {on(b)}"))
        for a in lost[len(got):]:
            out.append((a.first, a.last, f"Team: the {kind} week of {on(a)} is now a "
                                         f"{after[a.index]} week"))
        for b in got[len(lost):]:
            out.append((b.first, b.last, f"Team: the week of {on(b)} is now a {kind} week "
                                         f"(was a {before[b.index]} week)"))
    return sorted(out)


def with_plan_stab(report: CheckReport, plan: Plan) -> CheckReport:
    """``report`` with the STAB entries ``plan`` holds (its last re-plan's own count) when the
    check counted none: the checker has no plan from before the re-plan to compare with, so Plan
    Check and ``periodize check`` said a penalty one STAB day under the Cover's plan score
    ("19,586" beside "plan score 19,587"). A report checked against a reference is as it was."""
    if "STAB" in report.rules or any(v.rule == "STAB" for v in report.soft):
        return report
    out = set(report.unplanned)
    stab = tuple(v for v in plan.soft if v.rule == "STAB" and v.athlete not in out)
    if not stab:
        return report
    return replace(report, soft=report.soft + stab, rules=(*report.rules, "STAB"))


def soft_check_name(rule: str) -> str:
    """The checker method of a soft rule: ``soft_`` and its id in lower case, ``-`` as ``_``."""
    return "soft_" + rule.replace("-", "_").lower()


def check_plan(season: Season, plan: Plan, rules_in_objective: set[str] | None = None,
               reference: Plan | None = None) -> CheckReport:
    """Every hard-rule violation and soft-rule instance of ``plan`` for ``season``.

    ``rules_in_objective``: the soft rules to count in ``soft`` (None: all); a soft rule the coach
    set ``hard`` is reported as a violation whatever this says, one set ``off`` never.
    ``reference``: the plan a re-plan should stay close to (STAB is counted only with it).
    A plan of the wrong shape (athletes, days or weeks missing), or a season whose stage has
    lasted its maximum by its first day (``planner.validate.plannable``), raises ``InputError``.
    The athletes not planned yet (``Plan.unplanned``) are left out: their rows are placeholders.
    """
    from planner.validate import plannable

    plannable(season)
    report = _Checker(season, plan, rules_in_objective, reference).run()
    if not plan.unplanned:
        return report
    # their rows are placeholders until a solve (Plan.unplanned): not checked, not counted
    out = set(plan.unplanned)
    return replace(report, violations=tuple(v for v in report.violations if v.athlete not in out),
                   soft=tuple(v for v in report.soft if v.athlete not in out),
                   unplanned=tuple(a.id for a in season.athletes if a.id in out))
