"""The plan checker: verifies any plan against the rules, independently of the solver.

Contract: ``shared/rules-spec.md`` sections 1-6, as read in ``docs/semantics.md``. Every hard rule
instance that a plan breaks is a :class:`Violation` (rule id, athlete, dates and one sentence for a
coach); every soft-rule instance is a :class:`planner.season.SoftViolation` with its penalty points.
Rules are checked from ``p0`` (the later of the season start and ``today``) on; weeks wholly in the
past are not checked and do not count in DL-2's runs.

Readings taken where neither page decides (see also the module's tests):

- A day before ``p0`` is a fact: it is a speed day / HV exposure by its recorded intensity alone;
  from ``p0`` on a played competition day is a speed day and an HV exposure whatever the plan says
  (AV-1 reports a played day whose intensity is not 100).
- The stages held before ``p0`` are taken from the injury record (``planner.rehab.segments``), not
  from the plan's past days; days before the season count 0 towards an exit requirement.
- An athlete's week kind is the team's when the athlete is ``FIT`` on the week's first day, else
  the athlete's own; a plan whose athlete week disagrees is a DL-2 violation. DL-2 runs of an
  athlete made only of team weeks are the team's violation and are reported once, for the team.
- TP-3 and TEAM look at the whole of a week that is not wholly past (recorded past days count);
  HV-1, HV-DAY and STAB days start at ``p0``.
- RTS gives no entry for an athlete already FIT at ``p0`` (0 days); TEAM gives one entry per week
  whose penalty is weight x extra days (semantics.md, not the spec's one entry per extra day).
- A soft rule set ``hard`` turns each of its instances into a Violation; for RTS only the missed
  target competition can be a violation (the days-to-FIT measure stays out of both lists).
- A flare-up and a stage record on the same day are folded as ``planner.rehab.segments`` does
  (the record first, then the flare-up moves back from it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner import text
from planner.errors import InputError
from planner.protocols import Protocol, load_protocol
from planner.rehab import back, flare_steps, segments, stage_on, stage_order
from planner.rules import SOFT_RULES, RuleSet
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    LADDER,
    LEVELS,
    REHAB_STAGES,
    SPEED_DAY,
    Injury,
    Plan,
    Season,
    SoftViolation,
)
from planner.timeline import Timeline

# Caps of the default template, used only for a rehab stage the athlete's protocol does not know
# (that plan already breaks RH-STAGE).
DEFAULT_CAPS = {**dict(zip(REHAB_STAGES, (0, 70, 80, 90, 95, 100), strict=True)), FIT: 100, INJ: 0}
REHAB = frozenset(REHAB_STAGES)


@dataclass(frozen=True)
class Violation:
    """A hard-rule instance the plan breaks: rule id, athlete (None: the team), dates, a sentence."""

    rule: str
    athlete: str | None
    start: dt.date
    end: dt.date
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CheckReport:
    """Hard violations (sorted by date) and soft-rule instances (grouped by rule) of one plan."""

    violations: tuple[Violation, ...]
    soft: tuple[SoftViolation, ...]
    rules: tuple[str, ...] = ()  # the soft rules counted in ``soft`` (listed even with no instance)

    @property
    def ok(self) -> bool:
        return not self.violations

    def penalties(self) -> dict[str, int]:
        out = dict.fromkeys(self.rules, 0)
        for v in self.soft:
            out[v.rule] = out.get(v.rule, 0) + v.penalty
        return out

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(self.rules, 0)
        for v in self.soft:
            out[v.rule] = out.get(v.rule, 0) + 1
        return out

    @property
    def objective(self) -> int:
        return sum(v.penalty for v in self.soft)

    def hard_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in self.violations:
            out[v.rule] = out.get(v.rule, 0) + 1
        return out


@dataclass
class _StageRun:
    """The stage segment RH-STAGE is walking: its stage, first day (None: fit before the onset),
    days at the stage's cap so far, whether its maximum was reported, and whether it was entered
    by an allowed move (a stage entered by a reported move is not checked again on leaving)."""

    stage: str
    start: int | None
    at_cap: int = 0
    max_reported: bool = False
    checked: bool = True


class _Athlete:
    """One athlete's plan, with the per-day facts every rule reads."""

    __slots__ = ("id", "who", "st", "it", "wk", "off", "inj", "proto", "plays", "speed", "hv",
                 "given", "kind", "own", "caps")

    def __init__(self, ck: _Checker, athlete_id: str, ap) -> None:
        tl, p0 = ck.tl, ck.p0
        self.id = athlete_id
        self.who = ck.season.athlete_label(athlete_id)
        self.st: tuple[str, ...] = ap.stages
        self.it: tuple[int, ...] = ap.intensity
        self.wk: tuple[str, ...] = ap.weeks
        self.off = tl.unavailable(athlete_id)
        self.inj: Injury | None = ck.season.injury_of(athlete_id)
        self.proto: Protocol | None = load_protocol(self.inj.protocol) if self.inj else None
        caps = dict(DEFAULT_CAPS)
        if self.proto is not None:
            caps.update({s.id: s.cap for s in self.proto.stages})
        self.caps = caps
        st, it, off, comp = self.st, self.it, self.off, tl.is_comp
        n = tl.n
        self.plays = [comp[i] and st[i] == FIT and i not in off for i in range(n)]
        self.speed = [it[i] >= SPEED_DAY or (i >= p0 and self.plays[i]) for i in range(n)]
        self.hv = [it[i] >= HV_LEVEL or (i >= p0 and self.plays[i]) for i in range(n)]
        self.given = [i < p0 or self.plays[i] for i in range(n)]
        # resulting week kinds: the team's when FIT on the week's first day, else the athlete's own
        self.own = [st[w.first] != FIT for w in tl.weeks]
        self.kind = [self.wk[w.index] if self.own[w.index] else ck.team[w.index] for w in tl.weeks]


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
        self.team: tuple[str, ...] = plan.team_weeks
        by_id = {ap.athlete: ap for ap in plan.athletes}
        self.athletes = [_Athlete(self, a.id, by_id[a.id]) for a in season.athletes]

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
                problems.append(f"plan.athletes: no plan for {self.season.athlete_label(a.id)}; {fix}")
                continue
            for name, seq, n in (("stages", ap.stages, tl.n), ("intensity", ap.intensity, tl.n),
                                 ("weeks", ap.weeks, len(tl.weeks))):
                if len(seq) != n:
                    problems.append(f"plan.athletes[{a.id}].{name}: has {len(seq)} entries, "
                                    f"expected {n}; {fix}")
            bad = [v for v in ap.intensity if v not in LEVELS]
            if bad:
                problems.append(f"plan.athletes[{a.id}].intensity: {bad[0]} is not one of {LEVELS}")
        if problems:
            raise InputError("plan", problems)

    def d(self, i: int) -> dt.date:
        return self.days[i] if 0 <= i < self.n else self.tl.start + dt.timedelta(days=i)

    def f(self, i: int) -> str:
        return self.day_text[i] if 0 <= i < self.n else text.day(self.d(i))

    def idx(self, day: dt.date) -> int:
        """Day index of ``day``, also outside the season (negative before the start)."""
        return (day - self.tl.start).days

    def bad(self, rule: str, athlete: str | None, a: int, b: int, message: str) -> None:
        self.hard.append(Violation(rule, athlete, self.d(a), self.d(b), f"{rule}: {message}"))

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
                self.av1(ath)
                self.hv5(ath)
                self.hv2(ath)
                self.hv6_hv7(ath)
                self.rh_cap(ath)
                resets = self.rh_stage(ath)
                self.rh11(ath, resets)
                self.dl2_athlete(ath)
            self.dl2_team()
            self.tp1()
            self.pins()
        counted = []
        if self.p0 < self.n:
            soft_rules = [r for r in SOFT_RULES if r != "STAB" or self.reference is not None]
            for rule in soft_rules:
                if not self.wants(rule):
                    continue
                if self.rs.mode(rule) == "soft":
                    counted.append(rule)
                getattr(self, "soft_" + rule.replace("-", "_").lower())()
        hard = sorted(self.hard, key=lambda v: (v.start, v.end, v.rule, v.athlete or ""))
        return CheckReport(tuple(hard), tuple(self.soft), tuple(counted))

    # -- hard rules ----------------------------------------------------------------------------
    def av1(self, a: _Athlete) -> None:
        tl, it = self.tl, a.it
        for i in range(self.p0, self.n):
            v = it[i]
            if a.plays[i]:
                if v != 100:
                    self.bad("AV-1", a.id, i, i, f"{a.who} plays {self.comp_name(i)} on {self.f(i)}, "
                             f"so the day has intensity 100 %, not {v} %.")
                continue
            if not v:
                continue
            if i in a.off:
                why = "a day the athlete is unavailable"
            elif tl.is_comp[i]:
                why = (f"the day of {self.comp_name(i)}, which the athlete does not play (stage "
                       f"{a.st[i]}; the staff are at the match)")
            elif i in tl.non_training:
                why = "a declared non-training day"
            elif not tl.is_training[i]:
                why = f"not a training day (no training on {self.d(i):%A}s)"
            else:
                continue
            self.bad("AV-1", a.id, i, i, f"{a.who} has intensity {v} % on {self.f(i)}, {why}; "
                     f"plan no running (0) that day.")

    def _speed_text(self, a: _Athlete, i: int) -> str:
        if a.plays[i]:
            return f"{self.f(i)} (match {self.comp_name(i)})"
        if i < self.p0:
            return f"{self.f(i)} (past, {a.it[i]} %)"
        return f"{self.f(i)} ({a.it[i]} %)"

    def hv5(self, a: _Athlete) -> None:
        r = self.rs.value("HV-5", "rest_days")
        sp = [i for i in range(self.n) if a.speed[i]]
        for k, e in enumerate(sp):
            if e < self.p0:
                continue
            j = k - 1
            while j >= 0 and e - sp[j] <= r:
                d = sp[j]
                if not (a.given[d] and a.given[e]):
                    self.bad("HV-5", a.id, d, e, f"{a.who} has speed days on {self._speed_text(a, d)} "
                             f"and {self._speed_text(a, e)}; speed days need "
                             f"{text.plural(r, 'rest day')} between them.")
                j -= 1

    def hv2(self, a: _Athlete) -> None:
        hi = self.rs.value("HV-2", "max_speed_days")
        lo = self.rs.value("HV-2", "max_speed_days_deload")
        for w in self.tl.weeks[self.open_week:]:
            given = [i for i in w.days if a.speed[i] and a.given[i]]
            planned = [i for i in w.days if a.speed[i] and not a.given[i]]
            kind = a.kind[w.index]
            cap = lo if kind == "deload" else hi
            allowed = max(0, cap - len(given))
            if len(planned) > allowed:
                extra = f", besides {text.plural(len(given), 'match or past speed day')}" if given else ""
                self.bad("HV-2", a.id, w.first, w.last,
                         f"{a.who} has {text.plural(len(planned), 'planned speed day')} in the {kind} "
                         f"{self.wof(w.index)} ({', '.join(self.f(i) for i in planned)}){extra}; "
                         f"a {kind} week allows {text.plural(cap, 'speed day')}, so at most {allowed} "
                         f"may be planned.")

    def hv6_hv7(self, a: _Athlete) -> None:
        tl = self.tl
        k = self.rs.value("HV-6", "days_after")
        md1 = self.rs.value("HV-7", "enabled") >= 1
        after = " or ".join(f"MD+{x}" for x in range(1, k + 1))
        for i in range(self.p0, self.n):
            if tl.is_comp[i] or a.st[i] != FIT or a.it[i] < SPEED_DAY:
                continue
            j = tl.md_after[i]
            if j is not None and j <= k:
                self.bad("HV-6", a.id, i, i, f"{a.who} has a speed day ({a.it[i]} %) on {self.f(i)}, "
                         f"MD+{j} after {self.comp_name(i - j)} on {self.f(i - j)}; no speed work on "
                         f"{after} for a fit athlete.")
            if md1 and tl.md_before[i] == 1:
                self.bad("HV-7", a.id, i, i, f"{a.who} has a speed day ({a.it[i]} %) on {self.f(i)}, "
                         f"the day before {self.comp_name(i + 1)}; MD-1 is for activation only.")

    def rh_cap(self, a: _Athlete) -> None:
        for i in range(self.p0, self.n):
            cap = a.caps.get(a.st[i], 0)
            if a.it[i] > cap:
                self.bad("RH-CAP", a.id, i, i, f"{a.who} is in {a.st[i]} on {self.f(i)} with "
                         f"intensity {a.it[i]} %, above the stage's cap of {cap} %.")

    def rh_stage(self, a: _Athlete) -> dict[int, str]:
        """Checks the stage sequence from p0 on; returns the ladder resets at or after p0."""
        if a.inj is None or a.proto is None:
            self._rh_stage_uninjured(a)
            return {}
        inj, proto, p0 = a.inj, a.proto, self.p0
        order = stage_order(proto)
        nxt = {order[k]: order[k + 1] for k in range(len(order) - 1)}
        records = {self.idx(r.start): r.stage for r in inj.stages if self.idx(r.start) >= p0}
        flares = {self.idx(f) for f in inj.flare_ups if self.idx(f) >= p0}
        run = self._stage_run_before_p0(a)
        resets: dict[int, str] = {}
        for i in range(p0, self.n):
            s = a.st[i]
            forced, why = self._forced_stage(a, i, run.stage, records, flares)
            allowed = True  # False: a move already reported
            if forced is not None:
                if i in records or i in flares:
                    resets[i] = forced
                if s != forced:
                    self.bad("RH-STAGE", a.id, i, i, f"{a.who} is in {s} on {self.f(i)}, but {why}, "
                             f"so the stage that day is {forced}.")
                new = s != run.stage or i in records or i in flares
            elif s == run.stage:
                new = False
            elif nxt.get(run.stage) == s:
                new = True
                self._rh_stage_exit(a, run, i)
            else:
                new, allowed = True, False
                self.bad("RH-STAGE", a.id, i, i, self._stage_move_text(a, i, run.stage))
            if new:
                run = _StageRun(s, i, checked=allowed)
            self._rh_stage_day(a, run, i)
        return resets

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

    def _stage_run_before_p0(self, a: _Athlete) -> _StageRun:
        """The recorded stage on the day before p0, when it started and its days at the cap."""
        inj, proto, p0 = a.inj, a.proto, self.p0
        onset = self.idx(inj.onset)
        segs = segments(inj, proto, until=self.d(p0 - 1))
        if segs:
            run = _StageRun(segs[-1].stage, self.idx(segs[-1].start))
        elif onset <= p0 - 1:
            run = _StageRun(INJ, onset)
        else:
            run = _StageRun(FIT, None)
        if run.stage in proto.stage_ids:
            cap = proto.cap(run.stage)
            run.at_cap = sum(1 for i in range(max(run.start, 0), p0) if a.it[i] >= cap)
        return run

    def _forced_stage(self, a: _Athlete, i: int, prev: str, records: dict[int, str],
                      flares: set[int]) -> tuple[str | None, str]:
        """The stage the injury record sets on day ``i`` (onset, a recorded start, a flare-up, or
        FIT before the onset) and why; None when the plan may choose."""
        inj, proto = a.inj, a.proto
        onset = self.idx(inj.onset)
        forced, why = None, ""
        if i == onset:
            forced, why = INJ, f"the injury's onset is {self.f(i)}"
        if i in records:
            forced, why = records[i], f"the injury record starts {records[i]} on {self.f(i)}"
        if i in flares:
            base = forced if forced is not None else prev
            if base in stage_order(proto):
                forced = back(proto, base, flare_steps(inj.flare_ups, self.d(i)))
                why = f"the flare-up on {self.f(i)} moves {a.who} back from {base} to {forced}"
        if forced is None and i < onset:
            forced, why = FIT, f"the injury's onset is {text.day(inj.onset)}"
        return forced, why

    def _rh_stage_exit(self, a: _Athlete, run: _StageRun, i: int) -> None:
        """Leaving ``run``'s stage for the next one on day ``i``: its minimum days and exit."""
        prev = run.stage
        if prev not in a.proto.stage_ids or not run.checked:
            return
        spec = a.proto.stage(prev)
        length = i - run.start
        if length < spec.min_days:
            self.bad("RH-STAGE", a.id, max(run.start, 0), i - 1,
                     f"{a.who} leaves {prev} on {self.f(i)} after "
                     f"{text.plural(length, 'day')} (from {self.f(run.start)}); {prev} lasts "
                     f"at least {spec.min_days} days.")
        if spec.exit_kind == "days_at_cap" and run.at_cap < spec.exit_days:
            self.bad("RH-STAGE", a.id, max(run.start, 0), i - 1,
                     f"{a.who} leaves {prev} on {self.f(i)} with "
                     f"{text.plural(run.at_cap, 'day')} at {spec.cap} % in the stage; {prev} "
                     f"needs {spec.exit_days} days at {spec.cap} % before moving on.")

    def _stage_move_text(self, a: _Athlete, i: int, prev: str) -> str:
        """Why the move from ``prev`` to the plan's stage on day ``i`` is not allowed."""
        s, proto = a.st[i], a.proto
        order = stage_order(proto)
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

    def _rh_stage_day(self, a: _Athlete, run: _StageRun, i: int) -> None:
        """Day ``i`` of ``run``: counts a day at the cap; reports the stage's maximum once."""
        s = a.st[i]
        if s not in a.proto.stage_ids:
            return
        spec = a.proto.stage(s)
        if a.it[i] >= spec.cap:
            run.at_cap += 1
        length = i - run.start + 1
        if length > spec.max_days and not run.max_reported:
            run.max_reported = True
            self.bad("RH-STAGE", a.id, max(run.start, 0), i,
                     f"{a.who} is still in {s} on {self.f(i)}, day {length} of the stage "
                     f"(started {self.f(run.start)}); {s} lasts at most {spec.max_days} days.")

    def rh11(self, a: _Athlete, future_resets: dict[int, str]) -> None:
        if a.inj is None or a.proto is None:
            return
        proto, p0 = a.proto, self.p0
        s_req = self.rs.value("RH-11", "sessions_per_step")
        resets: dict[int, str] = {}
        before: str | None = None  # the stage entered at the latest reset before the season
        for seg in segments(a.inj, proto, until=self.d(p0 - 1)):
            k = self.idx(seg.start)
            if k < 0:
                before = seg.stage
            else:
                resets[k] = seg.stage
        resets.update(future_resets)

        def credit(stage: str | None) -> tuple[dict[int, int], int]:
            if stage not in proto.stage_ids:
                return {}, 0
            c = proto.previous_cap(stage)
            return {v: s_req for v in LADDER if v <= c}, c

        done, top = credit(before)
        for i in range(self.n):
            if i in resets:
                done, top = credit(resets[i])
            if a.st[i] not in REHAB:
                continue
            v = a.it[i]
            if v < 60:
                continue
            if i >= p0:
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
            done[v] = done.get(v, 0) + 1
            top = max(top, v)

    def _dl2(self, kinds, owned, athlete: _Athlete | None) -> None:
        """Runs of load weeks and deloads next to a deload/taper, over the open weeks."""
        weeks = self.tl.weeks
        m = self.rs.value("DL-2", "max_load_weeks")
        who = athlete.who if athlete else "The team"
        aid = athlete.id if athlete else None
        w0, nw = self.open_week, len(weeks)
        w = w0
        while w < nw:
            if kinds[w] != "load":
                w += 1
                continue
            e = w
            while e + 1 < nw and kinds[e + 1] == "load":
                e += 1
            if e - w + 1 > m and any(owned[w:e + 1]):
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

    def dl2_team(self) -> None:
        self._dl2(self.team, [True] * len(self.team), None)

    def dl2_athlete(self, a: _Athlete) -> None:
        for w in self.tl.weeks[self.open_week:]:
            k = w.index
            if not a.own[k] and a.wk[k] != self.team[k]:
                self.bad("DL-2", a.id, w.first, w.last,
                         f"{a.who} is FIT on {self.f(w.first)}, so {self.week_text(k)} is the team's "
                         f"{self.team[k]} week, but the plan gives {a.wk[k]}.")
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

    def pins(self) -> None:
        tl = self.tl
        by_id = {a.id: a for a in self.athletes}
        for pin in self.season.pins:
            if pin.kind == "week":
                w = tl.week_index_of_date(pin.week)
                if w is None or w < self.open_week:
                    continue
                wk = tl.weeks[w]
                if pin.athlete is None:
                    if self.team[w] != pin.week_kind:
                        self.bad("PIN", None, wk.first, wk.last,
                                 f"The coach pinned the team's {self.wof(w)} as "
                                 f"{pin.week_kind}, but the plan makes it {self.team[w]}.")
                    continue
                a = by_id.get(pin.athlete)
                if a is not None and a.kind[w] != pin.week_kind:
                    self.bad("PIN", a.id, wk.first, wk.last,
                             f"The coach pinned {a.who}'s {self.wof(w)} as {pin.week_kind}, "
                             f"but the plan makes it {a.kind[w]}.")
                continue
            a = by_id.get(pin.athlete)
            i = tl.index(pin.date)
            if a is None or i is None or i < self.p0:
                continue
            if pin.kind == "intensity":
                if a.it[i] != pin.intensity:
                    self.bad("PIN", a.id, i, i, f"The coach pinned {a.who} to {pin.intensity} % on "
                             f"{self.f(i)}, but the plan has {a.it[i]} %.")
            else:  # stage_start
                if i > self.p0:
                    before = a.st[i - 1]
                elif a.inj is not None and a.proto is not None:
                    before = stage_on(a.inj, a.proto, self.d(i - 1))
                else:
                    before = FIT
                if a.st[i] != pin.stage or before == pin.stage:
                    what = (f"is in {a.st[i]} that day" if a.st[i] != pin.stage else
                            f"is already in {pin.stage} on {self.f(i - 1)}")
                    self.bad("PIN", a.id, i, i, f"The coach pinned {a.who}'s start of {pin.stage} "
                             f"on {self.f(i)}, but the plan {what}.")

    # -- soft rules ----------------------------------------------------------------------------
    def soft_rts(self) -> None:
        rs, p0, n = self.rs, self.p0, self.n
        weight = rs.value("RTS", "weight")
        target_weight = rs.value("RTS", "target_weight")
        hard = rs.mode("RTS") == "hard"
        for a in self.athletes:
            if a.inj is None or a.proto is None:
                continue
            segs = segments(a.inj, a.proto, until=self.d(p0))
            frm = max(p0, self.idx(segs[-1].start)) if segs else p0
            if frm < n and not hard:
                first = next((i for i in range(frm, n) if a.st[i] == FIT), n)
                days = first - frm
                if days > 0:
                    when = (f"is back to FIT on {self.f(first)}" if first < n else
                            "is not back to FIT by the season end")
                    self.penal("RTS", a.id, frm, min(first, n - 1),
                               f"{a.who} {when}: {text.plural(days, 'day')} from {self.f(frm)} "
                               f"({weight} points a day).", weight * days)
            c = self.season.competition(a.inj.target_competition) if a.inj.target_competition else None
            i = self.tl.index(c.date) if c else None
            if i is not None and i >= p0 and a.st[i] != FIT:
                self.penal("RTS", a.id, i, i, f"{a.who} is in {a.st[i]} on {self.f(i)} and misses "
                           f"the target competition '{c.name}'.", target_weight)

    def soft_hv_1(self) -> None:
        g = self.rs.value("HV-1", "max_gap_days")
        weight = self.rs.value("HV-1", "weight")
        p0, n = self.p0, self.n
        for a in self.athletes:
            # prefix sums of days that break a window (not FIT/available, or an exposure)
            cut = [0] * (n + 1)
            for i in range(n):
                ok = a.st[i] == FIT and i not in a.off and not a.hv[i]
                cut[i + 1] = cut[i] + (0 if ok else 1)
            for s in range(p0, n - g + 1):
                if cut[s + g] == cut[s]:
                    self.penal("HV-1", a.id, s, s + g - 1,
                               f"{a.who} has no high-velocity exposure (>= {HV_LEVEL} %) from "
                               f"{self.f(s)} to {self.f(s + g - 1)} ({g} days, all FIT and available).",
                               weight)

    def soft_tp_3(self) -> None:
        weight = self.rs.value("TP-3", "weight")
        for w in self.tl.weeks[self.open_week:]:
            if self.team[w.index] != "taper":
                continue
            for a in self.athletes:
                if a.st[w.first] != FIT or all(i in a.off for i in w.days):
                    continue
                if not any(a.hv[i] for i in w.days):
                    self.penal("TP-3", a.id, w.first, w.last,
                               f"{a.who} has no high-velocity exposure (>= {HV_LEVEL} %) in the taper "
                               f"{self.wof(w.index)}.", weight)

    def soft_team(self) -> None:
        weight = self.rs.value("TEAM", "weight")
        tl, n = self.tl, self.n
        start = tl.weeks[self.open_week].first if self.open_week < len(tl.weeks) else n
        used = [False] * n
        for a in self.athletes:
            st, it = a.st, a.it
            for i in range(start, n):
                if not used[i] and not tl.is_comp[i] and st[i] == FIT and it[i] >= HV_LEVEL:
                    used[i] = True
        for w in tl.weeks[self.open_week:]:
            days = [i for i in w.days if used[i]]
            if len(days) > 1:
                extra = len(days) - 1
                self.penal("TEAM", None, w.first, w.last,
                           f"The squad uses {len(days)} different HV training days in "
                           f"{self.week_text(w.index)} ({', '.join(self.f(i) for i in days)}); "
                           f"{text.plural(extra, 'day')} more than one shared team day.", weight * extra)

    def soft_dl_7(self) -> None:
        wb, wc = self.rs.value("DL-7", "weight_b"), self.rs.value("DL-7", "weight_c")
        tl = self.tl
        for w in tl.weeks[self.open_week:]:
            if self.team[w.index] != "deload":
                continue
            for i in w.days:
                pr = tl.best_priority(i)
                if pr in ("B", "C"):
                    self.penal("DL-7", None, i, i,
                               f"The team's deload {self.wof(w.index)} has the {pr} competition "
                               f"{self.comp_name(i)} on {self.f(i)}.", wb if pr == "B" else wc)

    def soft_hv_day(self) -> None:
        w2, wo = self.rs.value("HV-DAY", "weight_md2"), self.rs.value("HV-DAY", "weight_other")
        tl = self.tl
        labels: dict[int, str | None] = {}
        for a in self.athletes:
            for i in range(self.p0, self.n):
                if tl.is_comp[i] or a.st[i] != FIT or a.it[i] < HV_LEVEL:
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
            if r is None:
                continue
            m = min(self.n, len(r.stages), len(r.intensity))
            for i in range(self.p0, m):
                if a.st[i] != r.stages[i] or a.it[i] != r.intensity[i]:
                    self.penal("STAB", a.id, i, i,
                               f"{a.who} on {self.f(i)}: {a.st[i]} at {a.it[i]} % instead of "
                               f"{r.stages[i]} at {r.intensity[i]} %.", weight)
            for w in range(self.open_week, min(len(weeks), len(r.weeks))):
                if a.wk[w] != r.weeks[w]:
                    self.penal("STAB", a.id, weeks[w].first, weeks[w].last,
                               f"{a.who}'s {self.wof(w)} is {a.wk[w]} instead of "
                               f"{r.weeks[w]}.", weight)


def check_plan(season: Season, plan: Plan, rules_in_objective: set[str] | None = None,
               reference: Plan | None = None) -> CheckReport:
    """Every hard-rule violation and soft-rule instance of ``plan`` for ``season``.

    ``rules_in_objective``: the soft rules to count in ``soft`` (None: all); a soft rule the coach
    set ``hard`` is reported as a violation whatever this says, one set ``off`` never.
    ``reference``: the plan a re-plan should stay close to (STAB is counted only with it).
    A plan of the wrong shape (athletes, days or weeks missing) raises ``InputError``.
    """
    return _Checker(season, plan, rules_in_objective, reference).run()
