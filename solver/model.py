"""The CP-SAT model: validated input -> variables -> constraints (one method per rule) ->
objective -> result.

Structure that keeps the model small:
- **Units.** Athletes without an injury whose constraints are identical (availability, pins,
  recorded past) are interchangeable: they are planned as one unit and expanded afterwards.
  Each injured athlete is a unit of its own.
- **Day values.** A unit-day holds Boolean literals only for the intensity levels that can matter
  there (``lv[d][level]``). Everything a rule fixes anyway (rest days, unavailable days, played
  competition days at 100, the past) is a Python constant, not a variable.
- **Stages.** An injured athlete's stages are monotone "reached" literals ``R[k][d]`` (stage k or
  later on day d), split into epochs at future flare-ups.
- **Coupling.** Units meet only in team variables: the team's week kinds and the team HV days.

Ordinary running below the speed-day threshold is not a decision: after solving, free training
days get steady running (docs/semantics.md, "Intensities the rules leave free").
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.protocols import Protocol, load_protocol
from planner.rehab import flare_steps, segments, stage_on
from planner.rules import RuleSet
from planner.season import FIT, HV_LEVEL, LEVELS, SPEED_DAY, AthletePlan, Plan, Season
from planner.timeline import Timeline
from planner.validate import check_season
from solver.api import Outcome, Progress, SolveRequest, Status, StopToken

RUN_LEVELS = tuple(lv for lv in LEVELS if lv > 0)  # 60 .. 100
FIT_HV_LEVEL = 95  # a fit athlete's HV training session (the "vaccine" dose)
STEADY = 70  # ordinary running below the speed threshold
SOFT_IN_V1 = ("RTS", "HV-1", "TP-3", "TEAM", "DL-7", "HV-DAY", "STAB")  # every soft rule


def _true(x) -> bool:
    return x is True or (isinstance(x, int) and not isinstance(x, cp_model.IntVar) and x == 1)


def _neg(x):
    if isinstance(x, bool):
        return not x
    return x.Not()


# ----------------------------------------------------------------------------------------------
# Units
# ----------------------------------------------------------------------------------------------
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

    @property
    def size(self) -> int:
        return len(self.athletes)

    @property
    def injured(self) -> bool:
        return self.protocol is not None


class PlanModel:
    """Builds the CP-SAT model of a season. ``guarded`` puts every hard-rule instance behind an
    assumption literal (used to explain infeasibility)."""

    def __init__(self, season: Season, reference: Plan | None = None, guarded: bool = False,
                 frozen: frozenset[str] = frozenset()):
        self.season = season
        self.frozen = frozenset(frozen) if reference is not None else frozenset()
        self.tl = Timeline(season)
        self.rules = RuleSet(season.rules)
        self.reference = reference
        self.guarded = guarded
        self.m = cp_model.CpModel()
        self.groups: dict[str, object] = {}  # group name -> assumption literal
        self.group_info: dict[str, tuple] = {}
        self.objective_terms: list[tuple[int, object]] = []  # (weight, expr)
        self.penalty_terms: dict[str, list[tuple[int, object]]] = {}
        tl = self.tl
        self.n = tl.n
        self.p0 = tl.p0
        self.W = len(tl.weeks)
        self.open_weeks = list(range(tl.first_open_week, self.W))
        self.recorded = season.plan
        self.taper_set = tl.taper_weeks(self.rules.value("TP-1", "taper_weeks"))
        self._build()

    # -- guards -------------------------------------------------------------------------------
    def guard(self, rule: str, athlete: str | None, first: int, last: int, what: str = "") -> list:
        if not self.guarded:
            return []
        key = f"{rule}|{athlete or ''}|{first}|{last}|{what}"
        lit = self.groups.get(key)
        if lit is None:
            lit = self.m.new_bool_var(key)
            self.groups[key] = lit
            self.group_info[key] = (rule, athlete, first, last, what)
        return [lit]

    def clause(self, lits: list, enf: list) -> None:
        """At least one of ``lits`` (literals or Python bools) holds, when ``enf`` holds."""
        out = []
        for x in lits:
            if isinstance(x, bool):
                if x:
                    return
                continue
            out.append(x)
        ct = self.m.add_bool_or(out) if out else self.m.add_bool_or([False])
        if enf:
            ct.only_enforce_if(enf)

    def linear_le(self, terms: list, const: int, rhs, enf: list) -> None:
        """sum(terms) + const <= rhs (rhs an int or expression); terms are literals or bools."""
        lits = [t for t in terms if not isinstance(t, bool)]
        const += sum(1 for t in terms if t is True)
        if not lits and isinstance(rhs, int):
            if const > rhs:
                self.clause([], enf)
            return
        ct = self.m.add(sum(lits) + const <= rhs)
        if enf:
            ct.only_enforce_if(enf)

    # -- build --------------------------------------------------------------------------------
    def _build(self) -> None:
        self._team_weeks()
        self._units()
        for u in self.units:
            self._unit_weeks(u)
        # hard rules, one method each
        self.av_1()
        self.rh_cap()
        self.rh_stage()
        self.rh_11()
        self.hv_5()
        self.hv_2()
        self.hv_6()
        self.hv_7()
        self.dl_2()
        self.tp_1()
        self.pin()
        self.steady_running()
        # soft rules
        self.rts()
        self.hv_1()
        self.tp_3()
        self.team()
        self.dl_7()
        self.hv_day()
        self.stab()
        self._objective()

    def _team_weeks(self) -> None:
        m = self.m
        self.team_deload: list = []
        self.team_taper: list = []
        rec = self.recorded.team_weeks if self.recorded is not None else None
        for w in range(self.W):
            if self.tl.weeks[w].first < self.p0:  # past or in progress: keep what was recorded
                kind = rec[w] if rec is not None and len(rec) == self.W else "load"
                self.team_deload.append(kind == "deload")
                self.team_taper.append(kind == "taper")
            else:
                d, t = m.new_bool_var(f"team_deload_{w}"), m.new_bool_var(f"team_taper_{w}")
                m.add_implication(d, t.Not())
                self.team_deload.append(d)
                self.team_taper.append(t)

    # -- units --------------------------------------------------------------------------------
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
        if not hasattr(self, "_pinned_days"):
            self._pinned_days = {(p.athlete, self.tl.index(p.date)) for p in self.season.pins
                                 if p.kind == "intensity"}
        return (athlete, d) in self._pinned_days

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

    # -- week kinds -----------------------------------------------------------------------------
    def _unit_weeks(self, u: Unit) -> None:
        m, tl = self.m, self.tl
        rec = self.recorded.for_athlete(u.athletes[0]) if self.recorded is not None else None
        for w in range(self.W):
            first = tl.weeks[w].first
            if first < self.p0:
                kind = rec.weeks[w] if rec is not None and len(rec.weeks) == self.W else None
                if kind is None:
                    kind = "taper" if _true(self.team_taper[w]) else ("deload" if _true(self.team_deload[w]) else "load")
                u.week_fit.append(u.fit[first] if first < len(u.fit) else True)
                u.deload.append(kind == "deload")
                u.taper.append(kind == "taper")
                continue
            f = u.fit[first]
            u.week_fit.append(f)
            if f is True:
                u.deload.append(self.team_deload[w])
                u.taper.append(self.team_taper[w])
                continue
            if u.frozen is not None:  # f is a constant here: False (own week)
                u.deload.append(u.frozen.weeks[w] == "deload")
                u.taper.append(False)
                continue
            own = m.new_bool_var(f"{u.key}_own_deload_{w}")
            u.own_deload[w] = own
            if f is False:  # certainly in rehab on the week's first day: the athlete's own week
                u.deload.append(own)
                u.taper.append(False)
                continue
            dl, tp = m.new_bool_var(f"{u.key}_deload_{w}"), m.new_bool_var(f"{u.key}_taper_{w}")
            td, tt = self.team_deload[w], self.team_taper[w]
            # dl == (f and td) or (not f and own); tp == f and tt
            self.clause([_neg(f), _neg(td), dl], [])
            self.clause([_neg(f), td, _neg(dl)], [])
            self.clause([f, _neg(own), dl], [])
            self.clause([f, own, _neg(dl)], [])
            self.clause([_neg(tp), f], [])
            self.clause([_neg(tp), tt], [])
            self.clause([_neg(f), _neg(tt), tp], [])
            u.deload.append(dl)
            u.taper.append(tp)

    # -- helpers over day values ------------------------------------------------------------------
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
        if not hasattr(u, "_speed"):
            u._speed = [self.is_speed(u, d) for d in range(self.n)]
        return u._speed

    def hv_lits(self, u: Unit) -> list:
        if not hasattr(u, "_hv"):
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
            u._hv = out
        return u._hv

    # ==========================================================================================
    # Hard rules
    # ==========================================================================================
    def av_1(self) -> None:
        """AV-1: no running when unavailable or on a day that is neither a training day nor (for a
        fit athlete) a competition day; a played competition day is at 100.

        Built into the day domains: unavailable and rest days get no level literal at all, a
        competition day's only level is 100 tied to the athlete being fit that day."""

    def rh_cap(self) -> None:
        """RH-CAP: intensity never exceeds the cap of the day's stage."""
        for u in self.units:
            if not u.injured:
                continue
            caps = [u.protocol.cap(s) for s in u.order]
            for d in range(self.p0, self.n):
                if self.tl.is_comp[d]:
                    continue
                for lvl, lit in u.lv[d].items():
                    k = next(i for i, c in enumerate(caps) if c >= lvl)
                    if k > 0:
                        enf = self.guard("RH-CAP", u.key, d, d)
                        self.clause([_neg(lit), self.stage_lit(u, k, d)], enf)

    def rh_stage(self) -> None:
        """RH-STAGE: stages in protocol order without skipping, within min-max days, left only after
        the exit requirement is met inside the stage; a flare-up moves back (one epoch each)."""
        for u in self.units:
            if not u.injured:
                continue
            for ei, ep in enumerate(u.epochs):
                self._stage_epoch(u, ei, ep)

    def _stage_epoch(self, u: Unit, ei: int, ep: Epoch) -> None:
        m = self.m
        K = len(u.order)
        specs = [u.protocol.stage(s) for s in u.order[:-1]]
        R, first, end = ep.R, ep.first, ep.end
        L = end - first
        c, sc = ep.start_stage, ep.start_day  # c is None after a flare-up

        def reached(k: int, x: int):
            """Stage >= k on absolute day x, or before the epoch: has stage k started by x?"""
            if k <= 0:
                return x >= (sc if c is not None else first)
            if x >= first:
                return R[k][x - first]
            if c is not None:  # first epoch: only the recorded stage started before p0
                return k < c or (k == c and x >= sc)
            return False

        def span(k: int) -> range:
            """Epoch offsets where R[k] is a variable (outside it, the row is constant)."""
            if k <= 0 or k >= K:
                return range(0)
            idx = [i for i, x in enumerate(R[k]) if not isinstance(x, bool)]
            return range(idx[0], idx[-1] + 1) if idx else range(0)

        spans = [span(k) for k in range(K + 1)]
        order_enf = self.guard("RH-STAGE", u.key, first, end - 1, "order")
        for k in range(1, K):  # monotone in time and in stage order
            sk = spans[k]
            for i in range(max(0, sk.start - 1), min(L - 1, sk.stop)):
                self.clause([_neg(R[k][i]), R[k][i + 1]], order_enf)
            if k + 1 < K:
                both = [r for r in (spans[k], spans[k + 1]) if r]
                if both:
                    for i in range(min(r.start for r in both), max(r.stop for r in both)):
                        self.clause([_neg(R[k + 1][i]), R[k][i]], order_enf)
        if c is None:  # flare-up on `first`: the stage held the day before, moved back
            prev = u.epochs[ei - 1]
            fenf = self.guard("RH-STAGE", u.key, first, first, "flare-up")
            for k in range(1, K):
                src = prev.R[k + ep.flare_steps][-1] if k + ep.flare_steps < K else False
                self.clause([_neg(R[k][0]), src], fenf)
                self.clause([_neg(src), R[k][0]], fenf)
        for k in range(K - 1):
            spec = specs[k]
            denf = self.guard("RH-STAGE", u.key, first, end - 1, f"{u.order[k]} duration")
            # minimum: entering k+1 on day d needs stage k started by d - min_days
            sn = spans[k + 1]
            for d in range(max(first if c is not None else first + 1, first + sn.start), first + sn.stop):
                nxt = R[k + 1][d - first]
                if isinstance(nxt, bool):
                    continue
                self.clause([_neg(nxt), reached(k + 1, d - 1), reached(k, d - spec.min_days)], denf)
            # maximum: stage k held on day x -> stage k+1 by x + max_days
            mx = spec.max_days
            if c is not None and k == c:
                t = sc + mx
                if first <= t < end:
                    self.clause([R[k + 1][t - first]], denf)
                elif t < first:
                    self.clause([], denf)  # validation normally rejects this input
            elif c is None or k > c:
                sk, sn = spans[k], spans[k + 1]
                xs = set(range(first + sk.start, first + sk.stop)) | set(
                    range(first + sn.start - mx, first + sn.stop - mx))
                if k == 0:
                    xs.add(first)
                for x in sorted(xs):
                    if first <= x < end - mx:
                        self.clause([_neg(reached(k, x)), R[k + 1][x + mx - first]], denf)
            # exit requirement: leaving k by progression inside this epoch
            if spec.exit_kind != "days_at_cap":
                continue
            left = R[k + 1][L - 1]
            if left is False or (c is not None and k < c):
                continue
            cond = [] if left is True else [left]
            if c is None:
                if R[k + 1][0] is True:
                    continue
                cond.append(_neg(R[k + 1][0]))
            ys = []
            for d in range(first, end):
                lit = u.lv[d].get(spec.cap)
                if lit is None or isinstance(lit, bool) or self.tl.is_comp[d]:
                    continue
                y = m.new_bool_var(f"{u.key}_exit{k}_{d}")
                m.add_implication(y, lit)
                self.clause([_neg(y), reached(k, d)], [])
                self.clause([_neg(y), _neg(R[k + 1][d - first])], [])
                ys.append(y)
            need = spec.exit_days - (u.past_cap_days if c is not None and k == c else 0)
            if need <= 0:
                continue
            eenf = self.guard("RH-STAGE", u.key, first, end - 1, f"{u.order[k]} exit")
            if len(ys) < need:
                self.clause([_neg(x) for x in cond], eenf)
            else:
                m.add(sum(ys) >= need).only_enforce_if(cond + eenf)

    def _ladder_ok(self, u: Unit, ei: int, ep: Epoch, lower: int, sps: int) -> list:
        """Per day of the epoch: has level ``lower`` been done on ``sps`` days since the ladder's
        last reset (credit and recorded past included)? Exact sequential-counter literals."""
        key = (u.key, ei, lower)
        cache = self.__dict__.setdefault("_ladder_cache", {})
        if key in cache:
            return cache[key]
        m = self.m
        # counts matter only while the athlete may still be in rehab
        L = next((d - ep.first for d in range(ep.first, ep.end) if u.fit[d] is True), ep.end - ep.first)
        L_full = ep.end - ep.first
        caps = [u.protocol.cap(s) for s in u.order]
        if ei == 0:
            cred, base = lower <= u.credit_cap, u.past_counts.get(lower, 0)
        else:  # credited when the stage entered at the flare-up has a previous cap >= lower
            kk = next((k for k in range(1, len(u.order)) if caps[k - 1] >= lower), None)
            cred, base = (ep.R[kk][0] if kk is not None else False), 0
        need = sps - base
        if cred is True or need <= 0:
            cache[key] = [True] * L_full
            return cache[key]
        prev = [True] * (L + 1)  # "done >= 0 times"
        for t in range(1, need + 1):
            row: list = [False]
            for i in range(1, L + 1):
                d = ep.first + i - 1
                x = False if self.tl.is_comp[d] else u.lv[d].get(lower, False)
                if x is False and prev[i - 1] is not True and row[i - 1] is False:
                    row.append(False)
                    continue
                c = m.new_bool_var(f"{u.key}_lad{lower}_{t}_{i}")
                # c == row[i-1] or (prev[i-1] and x)
                self.clause([_neg(c), row[i - 1], prev[i - 1]], [])
                self.clause([_neg(c), row[i - 1], x], [])
                self.clause([_neg(row[i - 1]), c], [])
                self.clause([_neg(prev[i - 1]), _neg(x), c], [])
                row.append(c)
            prev = row
        ok = prev[:L]
        if cred is not False:
            out = []
            for i in range(L):
                if ok[i] is False:
                    out.append(cred)
                    continue
                o = m.new_bool_var(f"{u.key}_ladok{lower}_{i}")
                self.clause([_neg(o), ok[i], cred], [])
                self.clause([_neg(ok[i]), o], [])
                self.clause([_neg(cred), o], [])
                out.append(o)
            ok = out
        ok = list(ok) + [True] * (L_full - L)  # certainly fit: no ladder any more
        cache[key] = ok
        return ok

    def rh_11(self) -> None:
        """RH-11: sprint ladder. A rehab day above 60 % needs the level below done on
        `sessions_per_step` days since the last reset (record or flare-up), credit included."""
        sps = self.rules.value("RH-11", "sessions_per_step")
        for u in self.units:
            if not u.injured:
                continue
            for ei, ep in enumerate(u.epochs):
                for j in range(1, len(RUN_LEVELS)):
                    lower, lvl = RUN_LEVELS[j - 1], RUN_LEVELS[j]
                    users = [d for d in range(ep.first, ep.end)
                             if lvl in u.lv[d] and not self.tl.is_comp[d] and u.fit[d] is not True]
                    if not users:
                        continue
                    ok = self._ladder_ok(u, ei, ep, lower, sps)
                    enf = self.guard("RH-11", u.key, ep.first, ep.end - 1, f"{lvl}")
                    for d in users:
                        self.clause([_neg(u.lv[d][lvl]), u.fit[d], ok[d - ep.first]], enf)

    def hv_5(self) -> None:
        """HV-5: no planned speed day within `rest_days` of another speed day (two given days,
        e.g. consecutive competition days, are allowed)."""
        r = self.rules.value("HV-5", "rest_days")
        for u in self.units:
            sp = self.speed_lits(u)
            for d in range(max(0, self.p0 - r), self.n):
                if sp[d] is False:
                    continue
                for e in range(d + 1, min(self.n, d + r + 1)):
                    if sp[e] is False or (u.given[d] and u.given[e]) or e < self.p0:
                        continue
                    enf = self.guard("HV-5", u.key, d, e)
                    self.clause([_neg(sp[d]), _neg(sp[e])], enf)

    def hv_2(self) -> None:
        """HV-2: planned speed days in a week <= max(0, cap - given speed days), the cap lower in a
        deload week."""
        capn = self.rules.value("HV-2", "max_speed_days")
        capd = self.rules.value("HV-2", "max_speed_days_deload")
        m = self.m
        for u in self.units:
            sp = self.speed_lits(u)
            for w in self.open_weeks:
                days = self.tl.weeks[w].days
                planned = [sp[d] for d in days if not u.given[d] and sp[d] is not False]
                if not planned:
                    continue
                given = [sp[d] for d in days if u.given[d] and sp[d] is not False]
                enf = self.guard("HV-2", u.key, days[0], days[-1])
                gconst = sum(1 for x in given if x is True)
                gvars = [x for x in given if x is not True]
                dl = u.deload[w]
                if not gvars:
                    an, ad = max(0, capn - gconst), max(0, capd - gconst)
                    if dl is True or dl is False:
                        self.linear_le(planned, 0, ad if dl else an, enf)
                    else:
                        lits = [x for x in planned if x is not True]
                        const = sum(1 for x in planned if x is True)
                        m.add(sum(lits) + const <= an - (an - ad) * dl).only_enforce_if(enf)
                else:
                    allow = m.new_int_var(0, capn, f"{u.key}_allow_{w}")
                    capx = capn - (capn - capd) * dl if not isinstance(dl, bool) else (capd if dl else capn)
                    m.add_max_equality(allow, [0, capx - gconst - sum(gvars)])
                    lits = [x for x in planned if x is not True]
                    const = sum(1 for x in planned if x is True)
                    m.add(sum(lits) + const <= allow).only_enforce_if(enf)

    def _no_speed_when_fit(self, rule: str, days: list[int]) -> None:
        for u in self.units:
            sp = self.speed_lits(u)
            for d in days:
                if d < self.p0 or sp[d] is False or self.tl.is_comp[d]:
                    continue
                enf = self.guard(rule, u.key, d, d)
                self.clause([_neg(sp[d]), _neg(u.fit[d])], enf)

    def hv_6(self) -> None:
        """HV-6: no speed day for a fit athlete on MD+1 (.. MD+`days_after`)."""
        k = self.rules.value("HV-6", "days_after")
        self._no_speed_when_fit("HV-6", [d for d in range(self.n)
                                         if self.tl.md_after[d] is not None and self.tl.md_after[d] <= k])

    def hv_7(self) -> None:
        """HV-7: no speed day for a fit athlete on MD-1."""
        if self.rules.value("HV-7", "enabled"):
            self._no_speed_when_fit("HV-7", [d for d in range(self.n) if self.tl.md_before[d] == 1])

    def _dl2_sequence(self, key: str | None, deload: list, taper: list) -> None:
        mx = self.rules.value("DL-2", "max_load_weeks")
        weeks = self.open_weeks
        for i, w in enumerate(weeks):
            if i + 1 < len(weeks):
                v = weeks[i + 1]
                enf = self.guard("DL-2", key, w, v, "adjacent")
                self.clause([_neg(deload[w]), _neg(deload[v])], enf)
                self.clause([_neg(deload[w]), _neg(taper[v])], enf)
                self.clause([_neg(taper[w]), _neg(deload[v])], enf)
            if i + mx < len(weeks):
                run = weeks[i: i + mx + 1]
                enf = self.guard("DL-2", key, run[0], run[-1], "run")
                self.clause([deload[x] for x in run] + [taper[x] for x in run], enf)

    def dl_2(self) -> None:
        """DL-2: at most `max_load_weeks` load weeks in a row; no deload next to a deload or taper,
        for the team and for each athlete's resulting sequence."""
        self._dl2_sequence(None, self.team_deload, self.team_taper)
        for u in self.units:
            if u.injured:
                self._dl2_sequence(u.key, u.deload, u.taper)

    def tp_1(self) -> None:
        """TP-1: the weeks before each A competition's week are taper, its own week is not a
        deload, and no other week is a taper."""
        a_weeks = self.tl.a_weeks()
        for w in self.open_weeks:
            if w in self.taper_set:
                enf = self.guard("TP-1", None, w, w, "taper")
                self.clause([self.team_taper[w]], enf)
            else:
                enf = self.guard("TP-1", None, w, w, "no taper")
                self.clause([_neg(self.team_taper[w])], enf)
            if w in a_weeks:
                enf = self.guard("TP-1", None, w, w, "A week")
                self.clause([_neg(self.team_deload[w])], enf)
        for _u in self.units:  # an athlete's own weeks are never taper (built in: tp == f and tt)
            pass

    def pin(self) -> None:
        """PIN: pinned intensities, week kinds and stage starts hold."""
        tl = self.tl
        unit_of = {a: u for u in self.units for a in u.athletes}
        for i, p in enumerate(self.season.pins):
            if p.kind == "intensity":
                d = tl.index(p.date)
                u = unit_of.get(p.athlete)
                if d is None or u is None or d < self.p0:
                    continue
                enf = self.guard("PIN", p.athlete, d, d, str(i))
                if p.intensity > 0 and not u.lv[d] and u.fixed[d] != p.intensity and (
                        d in tl.unavailable(p.athlete) or not (tl.is_training[d] or tl.is_comp[d])):
                    enf = enf + self.guard("AV-1", p.athlete, d, d)  # the day allows no running
                for lvl, lit in u.lv[d].items():
                    self.clause([lit] if lvl == p.intensity else [_neg(lit)], enf)
                if p.intensity > 0 and p.intensity not in u.lv[d]:
                    if not (not u.lv[d] and u.fixed[d] == p.intensity):
                        self.clause([], enf)
                elif p.intensity == 0 and not u.lv[d] and u.fixed[d] != 0:
                    self.clause([], enf)
            elif p.kind == "week":
                w = tl.week_index_of_date(p.week)
                if w is None or w < tl.first_open_week:
                    continue
                enf = self.guard("PIN", p.athlete, w, w, str(i))
                if p.athlete is None:
                    dl, tp = self.team_deload[w], self.team_taper[w]
                else:
                    u = unit_of.get(p.athlete)
                    if u is None:
                        continue
                    dl, tp = u.deload[w], u.taper[w]
                want_dl, want_tp = p.week_kind == "deload", p.week_kind == "taper"
                self.clause([dl if want_dl else _neg(dl)], enf)
                self.clause([tp if want_tp else _neg(tp)], enf)
            elif p.kind == "stage_start":
                d = tl.index(p.date)
                u = unit_of.get(p.athlete)
                if d is None or u is None or not u.injured or p.stage not in u.order:
                    continue
                enf = self.guard("PIN", p.athlete, d, d, str(i))
                k = u.order.index(p.stage)
                if d < self.p0:
                    ok = u.past_stage[d] == p.stage and (d == 0 or u.past_stage[d - 1] != p.stage)
                    if not ok:
                        self.clause([], enf)
                    continue
                self.clause([self.stage_lit(u, k, d)], enf)
                self.clause([_neg(self.stage_lit(u, k + 1, d))], enf)
                if d - 1 >= self.p0:
                    self.clause([_neg(self.stage_lit(u, k, d - 1))], enf)
                elif d - 1 >= 0 and u.past_stage[d - 1] == p.stage:
                    self.clause([], enf)

    def steady_running(self) -> None:
        """Ordinary running (no rule; docs/semantics.md). A rehab athlete runs on every available
        training day the stage allows: at 60 % until the sprint ladder allows 70 %, then at
        70 % unless the day is a planned speed day. A fit injured athlete's training day is
        70 % or an HV session. Fit units need nothing: their free days are 70 % by construction."""
        sps = self.rules.value("RH-11", "sessions_per_step")
        pinned = {(p.athlete, self.tl.index(p.date)) for p in self.season.pins if p.kind == "intensity"}
        for u in self.units:
            if not u.injured:
                continue
            caps = [u.protocol.cap(s) for s in u.order]
            k60 = next(k for k, c in enumerate(caps) if c >= 60)
            k70 = next(k for k, c in enumerate(caps) if c >= 70)
            for ei, ep in enumerate(u.epochs):
                ok70 = self._ladder_ok(u, ei, ep, 60, sps)
                for d in range(ep.first, ep.end):
                    lv = u.lv[d]
                    if self.tl.is_comp[d] or 60 not in lv or (u.key, d) in pinned:
                        continue
                    self.clause(list(lv.values()) + [_neg(self.stage_lit(u, k60, d))], [])
                    fit = u.fit[d]
                    self.clause([_neg(lv[60]), _neg(self.stage_lit(u, k70, d)), _neg(ok70[d - ep.first])], [])
                    for lvl in (60, 80):
                        self.clause([_neg(lv[lvl]), _neg(fit)], [])

    # ==========================================================================================
    # Soft rules
    # ==========================================================================================
    def _penalty(self, rule: str, weight: int, expr) -> None:
        if weight:
            self.objective_terms.append((weight, expr))
        self.penalty_terms.setdefault(rule, []).append((weight, expr))

    def _soft(self, rule: str) -> str:
        return self.rules.mode(rule)

    def rts(self) -> None:
        """RTS: each injured athlete back to FIT as early as possible; missing the target
        competition costs much more."""
        mode = self._soft("RTS")
        if mode == "off":
            return
        wday = self.rules.value("RTS", "weight")
        wtgt = self.rules.value("RTS", "target_weight")
        m = self.m
        for u in self.units:
            if not u.injured:
                continue
            inj = self.season.injury_of(u.key)
            first_ep = u.epochs[0] if u.epochs else None
            if first_ep is None:
                continue
            base = max(self.p0, first_ep.start_day)
            ever = []
            prev = False
            for d in range(self.p0, self.n):
                f = u.fit[d]
                if len(u.epochs) == 1:
                    e = f
                else:
                    if prev is False:
                        e = f
                    else:
                        e = m.new_bool_var(f"{u.key}_ever_{d}")
                        m.add_bool_or([prev, f]).only_enforce_if(e)
                        m.add_implication(prev, e)
                        m.add_implication(f, e)
                prev = e
                ever.append((d, e))
            for d, e in ever:
                if d >= base and e is not True:
                    self._penalty("RTS", wday, 1 - e)
            if inj.target_competition:
                comp = self.season.competition(inj.target_competition)
                t = self.tl.index(comp.date) if comp else None
                if t is not None and t >= self.p0:
                    f = u.fit[t]
                    if mode == "hard":
                        enf = self.guard("RTS", u.key, t, t, "target")
                        self.clause([f], enf)
                    elif f is not True:
                        self._penalty("RTS", wtgt, 1 - f)

    def hv_1(self) -> None:
        """HV-1: an HV exposure in every window of `max_gap_days` days that is wholly fit and
        available; one penalty per window without one."""
        mode = self._soft("HV-1")
        if mode == "off":
            return
        G = self.rules.value("HV-1", "max_gap_days")
        weight = self.rules.value("HV-1", "weight")
        m = self.m
        for u in self.units:
            hv = self.hv_lits(u)
            off = self.tl.unavailable(u.athletes[0])
            bounds = {ep.first for ep in u.epochs[1:]}
            for s in range(self.p0, self.n - G + 1):
                win = range(s, s + G)
                if any(d in off for d in win) or any(b in bounds for b in win if b != s):
                    continue
                if any(b == s for b in bounds):
                    continue  # a flare-up day is never fit
                fit = u.fit[s] if not u.injured else u.fit[s + G - 1] if False else u.fit[s]
                if fit is False:
                    continue
                lits = [hv[d] for d in win]
                if any(x is True for x in lits):
                    continue
                lits = [x for x in lits if x is not False]
                if mode == "hard":
                    enf = self.guard("HV-1", u.key, s, s + G - 1)
                    self.clause(lits + [_neg(fit)], enf)
                    continue
                p = m.new_bool_var(f"{u.key}_hv1_{s}")
                # p >= fit - sum(lits)
                self.clause(lits + [_neg(fit), p], [])
                self._penalty("HV-1", weight * u.size, p)

    def tp_3(self) -> None:
        """TP-3: an athlete on the team plan has an HV exposure in each taper week."""
        mode = self._soft("TP-3")
        if mode == "off":
            return
        weight = self.rules.value("TP-3", "weight")
        m = self.m
        for u in self.units:
            hv = self.hv_lits(u)
            off = self.tl.unavailable(u.athletes[0])
            for w in self.open_weeks:
                if w not in self.taper_set:
                    continue
                days = list(self.tl.weeks[w].days)
                if all(d in off for d in days):
                    continue
                f = u.week_fit[w]
                if f is False:
                    continue
                lits = [hv[d] for d in days]
                if any(x is True for x in lits):
                    continue
                lits = [x for x in lits if x is not False]
                if mode == "hard":
                    self.clause(lits + [_neg(f)], self.guard("TP-3", u.key, days[0], days[-1]))
                    continue
                p = m.new_bool_var(f"{u.key}_tp3_{w}")
                self.clause(lits + [_neg(f), p], [])
                self._penalty("TP-3", weight * u.size, p)

    def team(self) -> None:
        """TEAM: fit athletes share HV training days; a penalty per extra team HV day in a week."""
        mode = self._soft("TEAM")
        if mode == "off":
            return
        weight = self.rules.value("TEAM", "weight")
        m = self.m
        for w in self.open_weeks:
            day_lits = []
            for d in self.tl.weeks[w].days:
                if self.tl.is_comp[d]:
                    continue
                members = []
                const = False
                for u in self.units:
                    h = self.hv_lits(u)[d]
                    f = u.fit[d]
                    if h is False or f is False:
                        continue
                    if h is True and f is True:
                        const = True
                        break
                    if f is True:
                        members.append(h)
                    elif h is True:
                        members.append(f)
                    else:
                        a = m.new_bool_var(f"{u.key}_fithv_{d}")
                        m.add_bool_and([h, f]).only_enforce_if(a)
                        m.add_bool_or([h.Not(), f.Not(), a])
                        members.append(a)
                if const:
                    day_lits.append(True)
                elif members:
                    t = m.new_bool_var(f"team_hv_{d}")
                    for x in members:
                        m.add_implication(x, t)
                    m.add_bool_or(members).only_enforce_if(t)
                    day_lits.append(t)
            if len(day_lits) <= 1:
                continue
            lits = [x for x in day_lits if x is not True]
            const = sum(1 for x in day_lits if x is True)
            if mode == "hard":
                enf = self.guard("TEAM", None, w, w)
                m.add(sum(lits) + const <= 1).only_enforce_if(enf) if enf else m.add(sum(lits) + const <= 1)
                continue
            p = m.new_int_var(0, len(day_lits), f"team_pen_{w}")
            m.add(p >= sum(lits) + const - 1)
            self._penalty("TEAM", weight, p)

    def dl_7(self) -> None:
        """DL-7: the team's deload weeks avoid competitions (a penalty per B and per C day)."""
        mode = self._soft("DL-7")
        if mode == "off":
            return
        wb, wc = self.rules.value("DL-7", "weight_b"), self.rules.value("DL-7", "weight_c")
        for w in self.open_weeks:
            dl = self.team_deload[w]
            if dl is False:
                continue
            prios = [self.tl.best_priority(d) for d in self.tl.weeks[w].days]
            cost = sum(wb for p in prios if p == "B") + sum(wc for p in prios if p == "C")
            if not any(p in ("B", "C") for p in prios):
                continue
            if mode == "hard":
                self.clause([_neg(dl)], self.guard("DL-7", None, w, w))
            elif dl is True:
                self._penalty("DL-7", cost, 1)
            else:
                self._penalty("DL-7", cost, dl)

    def hv_day(self) -> None:
        """HV-DAY: HV training prefers MD-3 and MD-4; a small penalty on MD-2, a smaller one on
        other days."""
        mode = self._soft("HV-DAY")
        if mode == "off":
            return
        w2, wo = self.rules.value("HV-DAY", "weight_md2"), self.rules.value("HV-DAY", "weight_other")
        m = self.m
        for u in self.units:
            hv = self.hv_lits(u)
            for d in range(self.p0, self.n):
                h, f = hv[d], u.fit[d]
                if self.tl.is_comp[d] or h is False or f is False:
                    continue
                lab = self.tl.label(d)
                if lab in ("MD-3", "MD-4"):
                    continue
                cost = (w2 if lab == "MD-2" else wo) * u.size
                if mode == "hard":
                    self.clause([_neg(h), _neg(f)], self.guard("HV-DAY", u.key, d, d))
                    continue
                if f is True:
                    self._penalty("HV-DAY", cost, h)
                elif h is True:
                    self._penalty("HV-DAY", cost, f)
                else:
                    a = m.new_bool_var(f"{u.key}_hvday_{d}")
                    self.clause([_neg(h), _neg(f), a], [])
                    self._penalty("HV-DAY", cost, a)

    def stab(self) -> None:
        """STAB: in a re-plan, each athlete-day (stage or intensity) or athlete-week (kind) that
        differs from the reference plan costs a little."""
        ref = self.reference
        if ref is None or self._soft("STAB") == "off":
            return
        weight = self.rules.value("STAB", "weight")
        m = self.m
        for u in self.units:
            rp = ref.for_athlete(u.athletes[0])
            if rp is None or len(rp.intensity) != self.n or len(rp.weeks) != self.W:
                continue
            for d in range(self.p0, self.n):
                same = self._same_day(u, d, rp.stages[d], rp.intensity[d])
                if same is True:
                    continue
                if same is False:
                    self._penalty("STAB", weight * u.size, 1)
                    continue
                self._penalty("STAB", weight * u.size, 1 - same)
            for w in self.open_weeks:
                kind = rp.weeks[w]
                dl, tp = u.deload[w], u.taper[w]
                want = [dl if kind == "deload" else _neg(dl), tp if kind == "taper" else _neg(tp)]
                if any(x is False for x in want):
                    self._penalty("STAB", weight * u.size, 1)
                    continue
                lits = [x for x in want if x is not True]
                if not lits:
                    continue
                same = m.new_bool_var(f"{u.key}_stabw_{w}")
                for x in lits:
                    m.add_implication(same, x)
                self._penalty("STAB", weight * u.size, 1 - same)

    def _same_day(self, u: Unit, d: int, stage: str, value: int):
        """Literal/bool: the unit's stage and final intensity on day d equal (stage, value)."""
        m = self.m
        if u.frozen is not None:
            return u.frozen.stages[d] == stage and u.frozen.intensity[d] == value
        conds = []
        if u.injured:
            if stage not in u.order:
                return False
            k = u.order.index(stage)
            conds += [self.stage_lit(u, k, d), _neg(self.stage_lit(u, k + 1, d))]
        elif stage != FIT:
            return False
        lv = u.lv[d]
        if not lv:
            base = self._fit_default(u, d) if (u.fit[d] is True and not u.fixed[d]) else u.fixed[d]
            if base != value:
                return False
        elif u.fit[d] is True and set(lv) == {FIT_HV_LEVEL}:
            if value == FIT_HV_LEVEL:
                conds.append(lv[FIT_HV_LEVEL])
            elif value == STEADY:
                conds.append(_neg(lv[FIT_HV_LEVEL]))
            else:
                return False
        elif value in lv:
            conds.append(lv[value])
        elif value == 0:
            conds += [_neg(x) for x in lv.values()]
        else:
            return False
        conds = [c for c in conds if c is not True]
        if any(c is False for c in conds):
            return False
        if not conds:
            return True
        if len(conds) == 1:
            return conds[0]
        same = m.new_bool_var(f"{u.key}_same_{d}")
        for c in conds:
            m.add_implication(same, c)
        return same

    def _fit_default(self, u: Unit, d: int) -> int:
        """A fit unit's intensity on a day without variables: steady running on training days."""
        off = self.tl.unavailable(u.athletes[0])
        if d in off or not self.tl.is_training[d]:
            return u.fixed[d]
        return STEADY

    def _objective(self) -> None:
        if self.objective_terms:
            self.m.minimize(sum(w * e for w, e in self.objective_terms))

    # ==========================================================================================
    # Hint
    # ==========================================================================================
    def add_hint(self, plan: Plan) -> int:
        """Start the search from ``plan`` (e.g. the reference of a re-plan), repaired for this
        season in Python first: taper weeks where TP-1 now puts them, nothing on days the edit
        closed. Returns the number of hinted variables."""
        m = self.m
        seen: set[int] = set()

        def hint(x, v: bool) -> None:  # each variable once (a model with two hints is invalid)
            if isinstance(x, bool) or x.index in seen:
                return
            seen.add(x.index)
            m.add_hint(x, bool(v))

        if len(plan.team_weeks) != self.W:
            return 0
        a_weeks = self.tl.a_weeks()
        team_kind = []
        for w in range(self.W):
            k = plan.team_weeks[w]
            if w in self.taper_set:
                k = "taper"
            elif k == "taper" or (k == "deload" and w in a_weeks):
                k = "load"
            team_kind.append(k)
            hint(self.team_taper[w], k == "taper")
            hint(self.team_deload[w], k == "deload")
        for u in self.units:
            ref = plan.for_athlete(u.athletes[0])
            if ref is None or len(ref.intensity) != self.n or len(ref.weeks) != self.W:
                continue
            for d in range(self.p0, self.n):
                v = ref.intensity[d]
                lv = u.lv[d]
                if set(lv) == {FIT_HV_LEVEL}:
                    hint(lv[FIT_HV_LEVEL], v >= HV_LEVEL)
                else:
                    for lvl, lit in lv.items():
                        hint(lit, v == lvl)
            if u.injured:
                for ep in u.epochs:
                    for d in range(ep.first, ep.end):
                        st = ref.stages[d]
                        idx = u.order.index(st) if st in u.order else 0
                        for k in range(1, len(u.order)):
                            hint(ep.R[k][d - ep.first], idx >= k)
                for w, own in u.own_deload.items():
                    hint(own, ref.weeks[w] == "deload")
                for w in self.open_weeks:
                    f = u.week_fit[w]
                    fit_ref = ref.stages[self.tl.weeks[w].first] == FIT
                    kind = team_kind[w] if fit_ref else ("deload" if ref.weeks[w] == "deload" else "load")
                    if u.deload[w] is not self.team_deload[w]:
                        hint(u.deload[w], kind == "deload")
                        hint(u.taper[w], kind == "taper")
                    del f
        return len(seen)

    def freeze(self, plan: Plan, free_units: set[str], window: tuple[int, int], all_units_in_window: bool) -> int:
        """Fix every decision outside the re-plan's neighbourhood to ``plan``'s value: units not in
        ``free_units`` keep their reference days (also inside ``window`` unless
        ``all_units_in_window``), free units keep their days before the window, and team weeks
        outside the window keep their kind. Returns the number of fixed variables."""
        m = self.m
        lo, hi = window
        fixed: set[int] = set()

        def fix(x, v: bool) -> None:
            if isinstance(x, bool) or x.index in fixed:
                return
            fixed.add(x.index)
            m.add(x == int(bool(v)))

        for w in self.open_weeks:
            week = self.tl.weeks[w]
            if week.last < lo or week.first > hi:
                k = plan.team_weeks[w]
                fix(self.team_taper[w], k == "taper")
                fix(self.team_deload[w], k == "deload")
        for u in self.units:
            ref = plan.for_athlete(u.athletes[0])
            if ref is None or len(ref.intensity) != self.n:
                continue
            free = u.key in free_units or any(a in free_units for a in u.athletes)
            for d in range(self.p0, self.n):
                inside = lo <= d <= hi
                keep = (not free and not (all_units_in_window and inside)) or (free and d < lo)
                if not keep:
                    continue
                v = ref.intensity[d]
                lv = u.lv[d]
                if set(lv) == {FIT_HV_LEVEL}:
                    fix(lv[FIT_HV_LEVEL], v >= HV_LEVEL)
                else:
                    for lvl, lit in lv.items():
                        fix(lit, v == lvl)
                if u.injured:
                    st = ref.stages[d]
                    idx = u.order.index(st) if st in u.order else 0
                    for k in range(1, len(u.order)):
                        fix(self.stage_lit(u, k, d), idx >= k)
            if u.injured and not free:
                for w, own in u.own_deload.items():
                    fix(own, ref.weeks[w] == "deload")
        return len(fixed)

    # ==========================================================================================
    # Result
    # ==========================================================================================
    def extract(self, value) -> Plan:
        """Read the solution (``value(lit) -> int``) into a Plan, expanding units to athletes."""

        def val(x) -> int:
            if isinstance(x, bool):
                return int(x)
            if isinstance(x, int):
                return x
            return int(value(x))

        team = []
        for w in range(self.W):
            team.append("taper" if val(self.team_taper[w]) else "deload" if val(self.team_deload[w]) else "load")
        plans: dict[str, AthletePlan] = {}
        for u in self.units:
            if u.frozen is not None:
                weeks = tuple("taper" if val(u.taper[w]) else "deload" if val(u.deload[w]) else "load"
                              for w in range(self.W))
                for aid in u.athletes:
                    plans[aid] = u.frozen.model_copy(update={"athlete": aid, "weeks": weeks})
                continue
            intens = list(u.fixed)
            for d in range(self.p0, self.n):
                chosen = next((lvl for lvl, lit in u.lv[d].items() if val(lit)), None)
                if chosen is not None:
                    intens[d] = chosen
                elif u.fit[d] is True and len(u.lv[d]) <= 1:  # a pinned day has every level
                    intens[d] = self._fit_default(u, d)
                else:
                    intens[d] = 0
            stages = list(u.past_stage)
            for d in range(self.p0, self.n):
                if not u.injured:
                    stages.append(FIT)
                    continue
                k = sum(1 for kk in range(1, len(u.order)) if val(self.stage_lit(u, kk, d)))
                stages.append(u.order[k])
            weeks = []
            for w in range(self.W):
                weeks.append("taper" if val(u.taper[w]) else "deload" if val(u.deload[w]) else "load")
            for aid in u.athletes:
                plans[aid] = AthletePlan(athlete=aid, stages=tuple(stages), intensity=tuple(intens),
                                         weeks=tuple(weeks))
        return Plan(status="feasible", team_weeks=tuple(team),
                    athletes=tuple(plans[a.id] for a in self.season.athletes))


# ----------------------------------------------------------------------------------------------
# Solving
# ----------------------------------------------------------------------------------------------
class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, on_progress, start: float, stop: StopToken | None):
        super().__init__()
        self.on_progress = on_progress
        self.start = start
        self.stop = stop
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self.on_progress is not None:
            self.on_progress(Progress(self.ObjectiveValue(), self.BestObjectiveBound(),
                                      time.monotonic() - self.start, self.solutions))
        if self.stop is not None and self.stop.is_set():
            self.stop_search()


def _configure(solver: cp_model.CpSolver, request: SolveRequest, time_limit: float) -> None:
    """Default: a portfolio of at least 4 workers (on 2 cores the 2-worker portfolio lacks the
    lower-bounding subsolvers that prove optimality; bench/RESULTS.md). Deterministic:
    interleaved search with a fixed seed and a deterministic time limit."""
    p = solver.parameters
    # The model is built already reduced (fixed values precomputed in Python); CP-SAT's presolve
    # then costs more than it saves: first plan 2.2 s -> 0.25 s on 40 x 52 (bench/RESULTS.md).
    p.cp_model_presolve = False
    if request.deterministic:
        p.num_workers = 4
        p.interleave_search = True
        p.random_seed = request.seed
        p.max_deterministic_time = max(1.0, time_limit)
    else:
        p.num_workers = request.workers or max(4, os.cpu_count() or 1)
        p.max_time_in_seconds = max(0.1, time_limit)


def solve(request: SolveRequest, on_progress=None, stop: StopToken | None = None, prepare=None) -> Outcome:
    """Plan ``request.season``. ``prepare(model)``, if given, may add constraints (a re-plan's
    neighbourhood) before the search; an infeasible prepared model is reported as such without
    an explanation (the caller widens it)."""
    t0 = time.monotonic()
    season = check_season(request.season)
    if stop is not None and stop.is_set():
        return Outcome(Status.CANCELLED, None, wall_time=time.monotonic() - t0,
                       message="Cancelled before the search started.")
    model = PlanModel(season, reference=request.reference, frozen=request.frozen)
    start_from = request.hint or request.reference
    if start_from is not None:
        model.add_hint(start_from)
    if prepare is not None:
        prepare(model)
    if stop is not None and stop.is_set():
        return Outcome(Status.CANCELLED, None, wall_time=time.monotonic() - t0,
                       message="Cancelled before the search started.")
    solver = cp_model.CpSolver()
    remaining = request.time_limit - (time.monotonic() - t0)
    _configure(solver, request, remaining)
    cb = _Progress(on_progress, t0, stop)
    done = threading.Event()

    def watchdog() -> None:  # honours a stop requested at any moment, also before Solve starts
        while not done.wait(0.05):
            if stop is not None and stop.is_set():
                solver.stop_search()

    watcher = threading.Thread(target=watchdog, daemon=True) if stop is not None else None
    if watcher:
        watcher.start()
    try:
        status = solver.solve(model.m, cb)
    finally:
        done.set()
        if watcher:
            watcher.join()
    wall = time.monotonic() - t0
    cancelled = stop is not None and stop.is_set()
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan = model.extract(solver.value)
        optimal = status == cp_model.OPTIMAL
        st = Status.OPTIMAL if optimal else (Status.CANCELLED if cancelled else Status.FEASIBLE)
        objective = solver.objective_value if model.objective_terms else 0.0
        bound = solver.best_objective_bound if model.objective_terms else 0.0
        return _finish(season, plan, st, objective, bound, wall, request.reference)
    if status == cp_model.INFEASIBLE:
        if prepare is not None:
            return Outcome(Status.INFEASIBLE, None, wall_time=wall, message="No plan in this neighbourhood.")
        from solver.explain import explain

        conflicts = explain(season, stop=stop, time_limit=max(5.0, request.time_limit / 2))
        text = "No plan satisfies every hard rule."
        return Outcome(Status.INFEASIBLE, None, wall_time=time.monotonic() - t0,
                       explanation=conflicts, message=text)
    if status == cp_model.MODEL_INVALID:  # a bug in the model, never the coach's input
        raise RuntimeError(f"invalid CP-SAT model: {model.m.validate()}")
    if cancelled:
        return Outcome(Status.CANCELLED, None, wall_time=wall, message="Cancelled before a plan was found.")
    return Outcome(Status.TIMEOUT, None, wall_time=wall,
                   message=f"No plan found within {request.time_limit:g} s; allow more time.")


def _finish(season: Season, plan: Plan, status: Status, objective: float, bound: float,
            wall: float, reference: Plan | None = None) -> Outcome:
    from planner.check import check_plan

    report = check_plan(season, plan, rules_in_objective=set(SOFT_IN_V1), reference=reference)
    plan = plan.model_copy(update={
        "status": status.value, "objective": objective, "bound": bound,
        "solve_seconds": round(wall, 3), "soft": report.soft,
    })
    return Outcome(status, plan, objective=objective, bound=bound, wall_time=wall,
                   penalties=report.penalties(), counts=report.counts(),
                   message=f"{status.value}: objective {objective:g}, bound {bound:g}")


__all__ = ["PlanModel", "solve", "dt"]
