"""Units and their day values (rules-spec.md sections 1, 2 and 4).

Athletes without an injury whose constraints are identical (availability, pins, recorded past,
reference plan) are interchangeable: one unit, one set of variables, penalties multiplied by the
unit's size. Each injured athlete is a unit of its own; in a re-plan, athletes the change cannot
reach are constant units taken from the reference plan.

A unit-day holds Boolean literals only for the intensity levels that can matter there
(``lv[d][level]``); everything a rule fixes anyway (rest days, unavailable days, played
competition days at 100, the past) is a Python constant in ``fixed``. An injured athlete's
stages are monotone "reached" literals ``R[k][d]`` split into epochs at future flare-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.protocols import Protocol, load_protocol
from planner.rehab import flare_steps, segments, stage_on
from planner.season import FIT, HV_LEVEL, SPEED_DAY, AthletePlan
from solver.model.core import FIT_HV_LEVEL, RUN_LEVELS, STEADY, ModelBase


@dataclass
class Epoch:
    """Days [first, end) of an injured athlete between future flare-ups."""

    first: int
    end: int
    R: list[list]  # R[k][d - first]: stage index >= k on day d (k = 0 always true)
    start_stage: int | None  # known stage at the epoch start (first epoch) or None (after a flare)
    start_day: int  # start of the stage held at ``first`` (may be before the season)
    flare_steps: int = 0


@dataclass
class Unit:
    key: str
    athletes: list[str]
    protocol: Protocol | None = None
    order: tuple[str, ...] = (FIT,)
    fixed: list[int] = field(default_factory=list)  # intensity where no variable decides it
    lv: list[dict] = field(default_factory=list)  # per day: level -> literal
    given: list[bool] = field(default_factory=list)
    fit: list = field(default_factory=list)  # per day: True/False or literal
    epochs: list[Epoch] = field(default_factory=list)
    week_fit: list = field(default_factory=list)
    deload: list = field(default_factory=list)
    taper: list = field(default_factory=list)
    own_deload: dict = field(default_factory=dict)
    past_stage: list[str] = field(default_factory=list)
    credit_cap: int = 0  # ladder credit at the first epoch (cap of the stage before)
    past_counts: dict = field(default_factory=dict)  # level -> days done since the reset (past)
    past_cap_days: int = 0  # days at the current stage's cap already done (past)
    frozen: AthletePlan | None = None  # taken from the reference plan as it is (a re-plan)
    speed: list | None = None  # per day: is a speed day (literal or bool), built on first use
    hv: list | None = None  # per day: is an HV exposure (literal or bool), built on first use

    @property
    def size(self) -> int:
        return len(self.athletes)

    @property
    def injured(self) -> bool:
        return self.protocol is not None



class UnitsMixin(ModelBase):
    def _units(self) -> None:
        season, tl = self.season, self.tl
        injured = {i.athlete: i for i in season.injuries}
        pins_of: dict[str, list] = {}
        for p in season.pins:
            if getattr(p, "athlete", None):
                pins_of.setdefault(p.athlete, []).append(p)
        rec = self.recorded
        groups: dict[tuple, list[str]] = {}
        self.units: list[Unit] = []
        frozen: dict[tuple, list[str]] = {}
        for a in season.athletes:
            rp = self.reference.for_athlete(a.id) if a.id in self.frozen else None
            if rp is not None and len(rp.intensity) == tl.n and len(rp.weeks) == len(tl.weeks):
                key = (rp.stages, rp.intensity, rp.weeks, frozenset(tl.unavailable(a.id)), a.id in injured)
                frozen.setdefault(key if a.id not in injured else (a.id,), []).append(a.id)
        for i, ids in enumerate(frozen.values()):
            self.units.append(self._frozen_unit(f"frozen{i}", ids))
        done = {a for ids in frozen.values() for a in ids}
        for a in season.athletes:
            if a.id in injured or a.id in done:
                continue
            past = ()
            if rec is not None and self.p0 > 0:
                ap = rec.for_athlete(a.id)
                if ap is not None:
                    past = (tuple(ap.intensity[: self.p0]), tuple(ap.weeks[: tl.first_open_week + 1]))
            ref = ()
            if self.reference is not None:
                rp = self.reference.for_athlete(a.id)
                ref = (rp.stages, rp.intensity, rp.weeks) if rp is not None else ()
            sig = (
                frozenset(d for d in tl.unavailable(a.id) if d >= self.p0 - 2),
                tuple(sorted(p.model_dump_json() for p in pins_of.get(a.id, []))),
                past,
                ref,
            )
            groups.setdefault(sig, []).append(a.id)
        for i, ids in enumerate(groups.values()):
            u = Unit(key=f"group{i}", athletes=ids)
            self._fit_days(u)
            self.units.append(u)
        for a in season.athletes:
            if a.id in injured and a.id not in done:
                u = Unit(key=a.id, athletes=[a.id])
                self._injured_days(u, injured[a.id])
                self.units.append(u)

    def _frozen_unit(self, key: str, ids: list[str]) -> Unit:
        """Athletes a re-plan does not touch: every value is the reference plan's constant."""
        ref = self.reference.for_athlete(ids[0])
        tl = self.tl
        u = Unit(key=key, athletes=ids, frozen=ref)
        u.fixed = list(ref.intensity)
        u.lv = [dict() for _ in range(self.n)]
        u.given = [d < self.p0 or tl.is_comp[d] for d in range(self.n)]
        u.fit = [st == FIT for st in ref.stages]
        u.past_stage = list(ref.stages[: self.p0])
        return u

    def _past_intensity(self, athlete: str) -> list[int]:
        if self.recorded is None or self.p0 == 0:
            return [0] * self.p0
        ap = self.recorded.for_athlete(athlete)
        if ap is None or len(ap.intensity) != self.n:
            return [0] * self.p0
        return list(ap.intensity[: self.p0])

    def _fit_days(self, u: Unit) -> None:
        """A never-injured unit: FIT every day; HV training is a Boolean per candidate day."""
        tl, m = self.tl, self.m
        aid = u.athletes[0]
        off = tl.unavailable(aid)
        past = self._past_intensity(aid)
        n, p0 = self.n, self.p0
        u.given = [d < p0 or tl.is_comp[d] for d in range(n)]
        u.fit = [True] * n
        u.past_stage = [FIT] * p0
        u.fixed = [past[d] if d < p0 else (100 if tl.is_comp[d] and d not in off else 0)
                   for d in range(n)]
        u.lv = [dict() for _ in range(n)]
        pinned = {tl.index(p.date) for p in self.season.pins
                  if p.kind == "intensity" and p.athlete == aid}
        for d in range(p0, n):
            if d in off or tl.is_comp[d]:
                continue
            if d in pinned:
                u.lv[d] = {lvl: m.new_bool_var(f"{u.key}_{d}_{lvl}") for lvl in RUN_LEVELS}
                m.add_at_most_one(u.lv[d].values())
            elif tl.is_training[d] and self._fit_candidate(u, d):
                u.lv[d] = {FIT_HV_LEVEL: m.new_bool_var(f"{u.key}_hv_{d}")}

    def _fit_candidate(self, u: Unit, d: int) -> bool:
        """Can a fit athlete do HV training on open training day d at all? (HV-5, HV-6 and HV-7
        against given days, decided here instead of by the solver)."""
        if self.guarded:
            return True
        tl = self.tl
        k6 = self.rules.value("HV-6", "days_after")
        if tl.md_after[d] is not None and tl.md_after[d] <= k6:
            return False
        if self.rules.value("HV-7", "enabled") and tl.md_before[d] == 1:
            return False
        r = self.rules.value("HV-5", "rest_days")
        return not any(u.given[e] and u.fixed[e] >= SPEED_DAY
                       for e in range(max(0, d - r), min(self.n, d + r + 1)) if e != d)

    def _injured_days(self, u: Unit, inj) -> None:
        tl, m = self.tl, self.m
        proto = load_protocol(inj.protocol)
        u.protocol = proto
        u.order = proto.stage_ids + (FIT,)
        K = len(u.order)
        aid = u.athletes[0]
        off = tl.unavailable(aid)
        past = self._past_intensity(aid)
        n, p0 = self.n, self.p0
        u.fixed = [0] * n
        u.lv = [dict() for _ in range(n)]
        u.given = [d < p0 or tl.is_comp[d] for d in range(n)]
        u.past_stage = [stage_on(inj, proto, tl.days[d]) for d in range(p0)]
        u.fit = [s == FIT for s in u.past_stage] + [None] * (n - p0)
        for d in range(p0):
            u.fixed[d] = past[d]
        if p0 >= n:
            return
        # the first epoch starts from the recorded state at p0
        segs = segments(inj, proto, until=tl.days[p0])
        cur = segs[-1] if segs else None
        if cur is None:  # onset recorded but no stage yet: validation prevents this for p0
            raise ValueError(f"{aid}: no recorded stage at the planning start")
        c = u.order.index(cur.stage)
        sc = (cur.start - tl.start).days
        u.credit_cap = proto.previous_cap(cur.stage) if cur.stage != FIT else 100
        counts: dict[int, int] = {}
        for d in range(max(0, sc), p0):
            if past[d] >= 60:
                counts[past[d]] = counts.get(past[d], 0) + 1
        u.past_counts = counts
        cap_c = proto.cap(cur.stage)
        u.past_cap_days = sum(1 for d in range(max(0, sc), p0) if cap_c > 0 and past[d] == cap_c)
        flares = sorted(tl.index(f) for f in inj.flare_ups if tl.days[p0] < f <= tl.end)
        bounds = [p0] + flares + [n]
        for e in range(len(bounds) - 1):
            first, end = bounds[e], bounds[e + 1]
            # stage k cannot start before the minimum durations allow, and has started once the
            # maximum durations are used up (first epoch only: later ones start at a flare-up)
            lo, hi = [0] * K, [end] * K
            if e == 0:
                ek, lk = sc, sc
                for k in range(c + 1, K):
                    spec = proto.stage(u.order[k - 1])
                    ek += spec.min_days
                    lk += spec.max_days
                    lo[k], hi[k] = max(ek, first), max(lk, first)
            R = [[True] * (end - first)]
            for k in range(1, K):
                row: list = []
                for d in range(first, end):
                    if e == 0 and k <= c:
                        row.append(True)
                    elif e == 0 and d < lo[k]:
                        row.append(False)
                    elif e == 0 and d >= hi[k] and not self.guarded:
                        row.append(True)
                    else:
                        row.append(m.new_bool_var(f"{aid}_R{k}_{d}"))
                R.append(row)
            ep = Epoch(first, end, R, c if e == 0 else None, sc if e == 0 else first,
                       0 if e == 0 else flare_steps(inj.flare_ups, tl.days[first]))
            u.epochs.append(ep)
        for ep in u.epochs:
            for d in range(ep.first, ep.end):
                u.fit[d] = ep.R[K - 1][d - ep.first]
        # day values: competition days first (their values decide which days are candidates)
        for d in range(p0, n):
            if tl.is_comp[d] and d not in off:
                if u.fit[d] is True:
                    u.fixed[d] = 100
                elif u.fit[d] is not False:
                    u.lv[d] = {100: u.fit[d]}  # plays at 100 when fit, else no running
        for d in range(p0, n):
            if d in off or tl.is_comp[d]:
                continue
            if u.fit[d] is True and not self.guarded and not self._pinned(aid, d):
                # certainly back: like a fit unit, steady running or an HV session
                if tl.is_training[d] and self._fit_candidate(u, d):
                    u.lv[d] = {FIT_HV_LEVEL: m.new_bool_var(f"{aid}_hv_{d}")}
            elif tl.is_training[d] or self.guarded:
                # every level: RH-CAP ties each to the stage that allows it
                u.lv[d] = {lvl: m.new_bool_var(f"{aid}_{d}_{lvl}") for lvl in RUN_LEVELS}
                m.add_at_most_one(u.lv[d].values())

    def _pinned(self, athlete: str, d: int) -> bool:
        return (athlete, d) in self.pinned_days

    def stage_lit(self, u: Unit, k: int, d: int):
        """Literal/bool: on day d (>= p0) the athlete's stage index is >= k."""
        if k <= 0:
            return True
        if k >= len(u.order):
            return False
        for ep in u.epochs:
            if ep.first <= d < ep.end:
                return ep.R[k][d - ep.first]
        raise IndexError(d)

    def lits_at_least(self, u: Unit, d: int, threshold: int) -> tuple[list, int]:
        """(literals, constant): the unit-day's intensity is >= threshold iff sum == 1."""
        lits = [lit for lvl, lit in u.lv[d].items() if lvl >= threshold]
        const = 1 if (not u.lv[d] and u.fixed[d] >= threshold) else 0
        lits = [x for x in lits if x is not False]
        if any(x is True for x in lits):
            return [], 1
        return lits, const

    def is_speed(self, u: Unit, d: int):
        lits, const = self.lits_at_least(u, d, SPEED_DAY)
        if const:
            return True
        if not lits:
            return False
        if len(lits) == 1:
            return lits[0]
        b = self.m.new_bool_var(f"{u.key}_speed_{d}")
        self.m.add(sum(lits) == b)
        return b

    def speed_lits(self, u: Unit) -> list:
        if u.speed is None:
            u.speed = [self.is_speed(u, d) for d in range(self.n)]
        return u.speed

    def hv_lits(self, u: Unit) -> list:
        if u.hv is None:
            out = []
            for d in range(self.n):
                lits, const = self.lits_at_least(u, d, HV_LEVEL)
                if const:
                    out.append(True)
                elif not lits:
                    out.append(False)
                elif len(lits) == 1:
                    out.append(lits[0])
                else:
                    b = self.m.new_bool_var(f"{u.key}_hv_{d}")
                    self.m.add(sum(lits) == b)
                    out.append(b)
            u.hv = out
        return u.hv

    def _fit_default(self, u: Unit, d: int) -> int:
        """A fit unit's intensity on a day without variables: steady running on training days."""
        off = self.tl.unavailable(u.athletes[0])
        if d in off or not self.tl.is_training[d]:
            return u.fixed[d]
        return STEADY
