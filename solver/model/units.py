"""Units, epochs and day values (rules-spec.md sections 1, 2 and 4; docs/semantics.md).

Athletes with no injury record whose constraints are identical (availability, pins, roles,
recorded past, reference plan, HV-1 exemption) are interchangeable: one unit, one set of
variables, penalties multiplied by the unit's size. An athlete with injury records is a unit of its
own; in a re-plan, athletes the change cannot reach are constant units taken from the reference.

A unit-day holds Boolean literals only for the training levels that can matter there
(``lv[d][level]``). Everything a rule fixes anyway (rest days, unavailable days, flare-up days, the
past) is a Python constant in ``fixed``. A competition day the athlete plays is ``play[d]`` (a
literal or a bool) at ``play_level[d]`` (100 ``start``, 80 ``bench``); the training levels of a
competition day imply that the athlete does not play it.

An injured athlete's days from ``p0`` are cut into **epochs** at every future onset, stage record
and flare-up. Inside an epoch the stage is given by monotone "reached" literals ``R[k][d]`` (stage
index ``k`` or later on day ``d``) over the governing record's stage order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.criteria import gate, tests_until
from planner.history import ladder_credit, logged_days, past_days, pre_season_speed_days
from planner.protocols import Protocol, load_protocol
from planner.rehab import FLARE_MAX_FACTOR, flare_steps, max_days, segments, stage_on
from planner.rules import CALM_CAP
from planner.season import (
    FIT,
    HV_LEVEL,
    INJ,
    PLAY_LEVEL,
    PLAYED_LEVELS,
    RAMP_STEPS,
    SPEED_DAY,
    AthletePlan,
    Injury,
)
from planner.squad import gone_from, hv1_exempt, not_with_squad
from solver.model.core import FIT_HV_LEVEL, RUN_LEVELS, STEADY, ModelBase, level_values, neg

RAMP_LEVELS = (*RAMP_STEPS, FIT_HV_LEVEL)  # a fit athlete's speed training where RAMP may bind
FIT_TRAINING = (70, 80, 90, FIT_HV_LEVEL)  # what a fit athlete's training day can be


@dataclass
class Epoch:
    """Days [first, end) of an injured athlete that one stage order governs without a recorded
    event inside: ``kind`` is ``fit`` (before the first onset), ``inj`` (onset, no stage yet),
    ``known`` (the state at p0 or a stage record: the start stage is known), ``flare`` or
    ``gone`` (from the day he left the squad for good: the stage held then, no rule binding)."""

    first: int
    end: int
    kind: str
    order: tuple[str, ...]
    caps: tuple[int, ...]
    protocol: Protocol | None = None
    record: Injury | None = None
    R: list[list] = field(default_factory=list)  # R[k][d - first]: stage index >= k on day d
    start_stage: int | None = None  # index of the stage held at ``first`` (None after a flare-up)
    start_day: int = 0  # start of the stage held at ``first`` (may be before the season)
    flare_steps: int = 0
    credit: dict[int, int] = field(default_factory=dict)  # RH-11 credit of a known start
    past_counts: dict[int, int] = field(default_factory=dict)  # level -> days done before p0
    past_cap_days: int = 0  # days at the start stage's cap done before p0
    gate: int | None = None  # RH-CRIT: first day the start stage may be left
    reentry_done: int | None = None  # RE-1 sessions done before p0; None: re-entry complete
    open_max: bool = False  # the stage held at p0 was entered by a flare-up: twice its maximum

    @property
    def K(self) -> int:
        return len(self.order)

    @property
    def rehab(self) -> bool:
        return self.kind in ("known", "flare")

    def stage_lit(self, k: int, d: int):
        if k <= 0:
            return True
        if k >= self.K:
            return False
        return self.R[k][d - self.first]

    def fit(self, d: int):
        if self.order[-1] != FIT:
            return False
        return self.R[self.K - 1][d - self.first]

    def level_stage(self, level: int) -> int:
        """The first stage index whose cap allows ``level``."""
        return next((k for k, c in enumerate(self.caps) if c >= level), self.K)


@dataclass
class Unit:
    key: str
    athletes: list[str]
    records: list[Injury] = field(default_factory=list)
    exempt: bool = False  # HV-1 does not apply (an exempt position, e.g. goalkeepers)
    fixed: list[int] = field(default_factory=list)  # intensity where no variable decides it
    lv: list[dict] = field(default_factory=list)  # per day: training level -> literal
    steady: list[bool] = field(default_factory=list)  # no level chosen means steady running
    fit: list = field(default_factory=list)  # per day: True/False or literal
    play: list = field(default_factory=list)  # per day: plays a competition (bool or literal)
    play_level: list[int] = field(default_factory=list)  # 100 start, 80 bench, 0 otherwise
    trainable: list[bool] = field(default_factory=list)  # may be a training day for the athlete
    flare_days: frozenset[int] = frozenset()
    calm_days: frozenset[int] = frozenset()
    epochs: list[Epoch] = field(default_factory=list)
    week_fit: list = field(default_factory=list)
    deload: list = field(default_factory=list)
    taper: list = field(default_factory=list)
    own_deload: dict = field(default_factory=dict)
    past_stage: list[str] = field(default_factory=list)
    past_played: list[bool] = field(default_factory=list)
    pre_speed: frozenset[int] = frozenset()  # speed days logged before the season (negative)
    frozen: AthletePlan | None = None  # taken from the reference plan as it is (a re-plan)
    planned_speed: list | None = None  # per day: a planned speed day (literal or bool)
    given_speed: list | None = None  # per day: a given speed day (played or past)
    speed: list | None = None  # per day: any speed day
    hv: list | None = None  # per day: an HV exposure
    hv_training: list | None = None  # per day: HV training (not a played match)

    @property
    def size(self) -> int:
        return len(self.athletes)

    @property
    def injured(self) -> bool:
        return bool(self.epochs)

    def epoch_at(self, d: int) -> Epoch:
        for ep in self.epochs:
            if ep.first <= d < ep.end:
                return ep
        raise IndexError(d)


@dataclass(frozen=True)
class _Past:
    """An athlete's recorded past (days before p0): intensity, stage and played matches."""

    intensity: tuple[int, ...]
    stages: tuple[str, ...]
    played: tuple[bool, ...]


class UnitsMixin(ModelBase):
    # -- building the units -------------------------------------------------------------------
    def _units(self) -> None:
        season = self.season
        self.units: list[Unit] = []
        done = self._frozen_units()
        groups: dict[tuple, list[str]] = {}
        for a in season.athletes:
            if a.id in done or season.injuries_of(a.id):
                continue
            groups.setdefault(self._signature(a), []).append(a.id)
        for i, ids in enumerate(groups.values()):
            u = Unit(key=f"group{i}", athletes=ids, exempt=self._exempt(ids[0]))
            self._fit_unit(u)
            self.units.append(u)
        for a in season.athletes:
            if a.id not in done and season.injuries_of(a.id):
                u = Unit(key=a.id, athletes=[a.id], records=season.injuries_of(a.id),
                         exempt=self._exempt(a.id))
                self._injured_unit(u)
                self.units.append(u)

    def _frozen_units(self) -> set[str]:
        """Athletes a re-plan does not touch, as constant units; returns their ids."""
        tl = self.tl
        frozen: dict[tuple, list[str]] = {}
        for a in self.season.athletes:
            rp = self.reference.for_athlete(a.id) if a.id in self.frozen else None
            if rp is None or len(rp.intensity) != tl.n or len(rp.weeks) != len(tl.weeks):
                continue
            injured = bool(self.season.injuries_of(a.id))
            past = self._past(a.id)
            key = (a.id,) if injured else (rp.stages, rp.intensity, rp.weeks, past,
                                           frozenset(tl.unavailable(a.id)), self._roles(a.id),
                                           self._several(a.id), self._exempt(a.id))
            frozen.setdefault(key, []).append(a.id)
        for i, ids in enumerate(frozen.values()):
            self.units.append(self._frozen_unit(f"frozen{i}", ids, self._past(ids[0])))
        return {a for ids in frozen.values() for a in ids}

    def _signature(self, a) -> tuple:
        tl = self.tl
        pins = tuple(sorted(p.model_dump_json() for p in self.season.pins
                            if getattr(p, "athlete", None) == a.id))
        ref = ()
        if self.reference is not None:
            rp = self.reference.for_athlete(a.id)
            ref = (rp.stages, rp.intensity, rp.weeks) if rp is not None else ()
        past = self._past(a.id)
        weeks = ()
        if self.recorded is not None and self.p0 > 0:
            ap = self.recorded.for_athlete(a.id)
            weeks = tuple(ap.weeks[: tl.first_open_week + 1]) if ap is not None else ()
        return (frozenset(d for d in tl.unavailable(a.id) if d >= self.p0 - 2), pins, past, weeks,
                ref, self._roles(a.id), self._several(a.id), self._exempt(a.id), self._pre_speed(a.id),
                self._past_loads(a.id))

    def _past_loads(self, athlete: str) -> tuple:
        """The logged loads before ``today`` and the days not with the squad (LD-1 reads them;
        nothing when it is off)."""
        mode = self.rules.mode("LD-1")
        if mode == "off" or (mode == "soft" and not self.rules.value("LD-1", "weight")):
            return ()
        p0 = self.tl.days[self.p0] if self.p0 < self.n else self.tl.end
        # the days not with the squad too: the weeks LD-1 reads differ with them
        return (tuple(sorted((day, v.au) for day, v in logged_days(self.season, athlete).items()
                             if day < p0)), frozenset(not_with_squad(self.season, athlete)))

    def _pre_speed(self, athlete: str) -> frozenset[int]:
        return frozenset(pre_season_speed_days(self.season, athlete))

    def _roles(self, athlete: str) -> tuple[str | None, ...]:
        """The athlete's role on each competition day (None on other days)."""
        cached = self.roles_of.get(athlete)
        if cached is None:
            cached = self.roles_of[athlete] = self._day_roles(athlete)
        return cached

    def _day_roles(self, athlete: str) -> tuple[str | None, ...]:
        tl = self.tl
        a = self.season.athlete(athlete)
        default = a.role if a is not None else "start"
        out: list[str | None] = []
        for d in range(self.n):
            comps = tl.comp_on[d]
            if not comps:
                out.append(None)
                continue
            roles = [self.role_index.get((athlete, c.id), default) for c in comps]
            # two competitions on one day: the athlete plays if either role plays, at the higher level
            out.append("start" if "start" in roles else "bench" if "bench" in roles else "out")
        return tuple(out)

    def _several(self, athlete: str) -> tuple:
        """The athlete's role in each competition of a day with several (a tournament day): each
        match played counts in the day's load (LD-1), so athletes who differ in one of them are
        not one unit though their best role of the day is the same."""
        tl = self.tl
        a = self.season.athlete(athlete)
        default = a.role if a is not None else "start"
        return tuple((d, tuple(self.role_index.get((athlete, c.id), default) for c in tl.comp_on[d]))
                     for d in range(self.n) if len(tl.comp_on[d]) > 1)

    def _exempt(self, athlete: str) -> bool:
        a = self.season.athlete(athlete)
        return a is not None and hv1_exempt(self.rules, a.position)

    def _past(self, athlete: str) -> _Past:
        """Intensity, stage and played matches before p0: what the log says, else the stored plan,
        else nothing (planner/history.py, rules-spec.md section 9)."""
        p0, tl = self.p0, self.tl
        records = self.season.injuries_of(athlete)
        stages = tuple(self._stage_by_records(records, tl.days[d]) for d in range(p0))
        past = past_days(self.season, athlete, stages, tl, self.recorded)
        return _Past(past.intensity, stages, past.played)

    @staticmethod
    def _stage_by_records(records: list[Injury], day: dt.date) -> str:
        rec = None
        for r in records:
            if r.onset <= day:
                rec = r
        if rec is None:
            return FIT
        return stage_on(rec, load_protocol(rec.protocol), day)

    def _frozen_unit(self, key: str, ids: list[str], past: _Past) -> Unit:
        """Athletes a re-plan does not touch: every value is the reference plan's constant, the
        past what happened (the log)."""
        p0 = self.p0
        ref = self.reference.for_athlete(ids[0])
        ref = ref.model_copy(update={"intensity": past.intensity + ref.intensity[p0:],
                                     "stages": past.stages + ref.stages[p0:]})
        tl, n = self.tl, self.n
        u = Unit(key=key, athletes=ids, frozen=ref, exempt=self._exempt(ids[0]))
        u.fixed = list(ref.intensity)
        u.lv = [dict() for _ in range(n)]
        u.steady = [False] * n
        u.fit = [st == FIT for st in ref.stages]
        u.play = [tl.is_comp[d] and u.fit[d] and ref.intensity[d] in PLAYED_LEVELS for d in range(n)]
        u.play_level = [ref.intensity[d] if u.play[d] else 0 for d in range(n)]
        u.trainable = [False] * n
        u.past_stage = list(ref.stages[: self.p0])
        u.past_played = list(u.play[: self.p0])
        return u

    def _base_days(self, u: Unit, past: _Past) -> None:
        """Arrays every unit has, with the past filled in."""
        n, p0 = self.n, self.p0
        u.fixed = list(past.intensity) + [0] * (n - p0)
        u.lv = [dict() for _ in range(n)]
        u.steady = [False] * n
        u.play = list(past.played) + [False] * (n - p0)
        u.play_level = [past.intensity[d] if past.played[d] else 0 for d in range(p0)] + [0] * (n - p0)
        u.trainable = [False] * n
        u.past_stage = list(past.stages)
        u.past_played = list(past.played)
        u.pre_speed = self._pre_speed(u.athletes[0])
        u.fit = [s == FIT for s in past.stages] + [None] * (n - p0)

    def _can_train(self, d: int, off: set[int]) -> bool:
        """Day d may be a training day for the athlete (a competition day only if not played)."""
        tl = self.tl
        return d not in off and (tl.is_training[d] or (tl.is_comp[d] and tl.training_weekday[d]))

    # -- a unit without injury records --------------------------------------------------------
    def _fit_unit(self, u: Unit) -> None:
        """FIT every day; plays by role; HV training a Boolean per candidate training day."""
        tl = self.tl
        aid = u.athletes[0]
        off = tl.unavailable(aid)
        self._base_days(u, self._past(aid))
        roles = self._roles(aid)
        for d in range(self.p0, self.n):
            u.fit[d] = True
            if d in off:
                continue
            if roles[d] in ("start", "bench"):
                u.play[d] = True
                u.play_level[d] = PLAY_LEVEL[roles[d]]
                u.fixed[d] = u.play_level[d]
                continue
            u.trainable[d] = self._can_train(d, off)
        kept = self._kept_days(u)
        for d in range(self.p0, self.n):
            if not u.trainable[d]:
                continue
            if self._pinned(aid, d):  # on a match day not played, 80 and 100 would be playing
                u.lv[d] = self._level_lits(u, d, self._off_match(d, RUN_LEVELS), kept.get(d), 1)
                continue
            # the first training day after a match started is a recovery session (0) unless
            # a speed level is chosen (HV-6 may allow one on MD+2); otherwise steady running
            u.steady[d] = not self._after_start(u, d)
            levels = self._fit_levels(u, d)
            if levels:
                u.lv[d] = self._level_lits(u, d, levels, kept.get(d), 2)

    def _level_lits(self, u: Unit, d: int, levels: tuple[int, ...], kept: int | None,
                    exclusive_from: int) -> dict:
        """A fit unit-day's training levels: a Boolean each (at most one of them, stated from
        ``exclusive_from`` levels on), or, on a day a re-plan keeps at ``kept``, the constants
        that level gives them (as ``WarmStartMixin.freeze`` would fix them)."""
        if kept is not None:
            return level_values(levels, kept)
        lv = {lvl: self.m.new_bool_var(f"{u.key}_{d}_{lvl}") for lvl in levels}
        if len(lv) >= exclusive_from:
            self.m.add_at_most_one(lv.values())
        return lv

    def _kept_days(self, u: Unit) -> dict[int, int]:
        """Day -> the reference intensity, for the days a re-plan keeps (``self.keep``)."""
        if self.keep is None:
            return {}
        ref, days = self.keep.kept_days(u, self.p0, self.n)
        return {d: ref.intensity[d] for d in days}

    def _after_start(self, u: Unit, d: int) -> bool:
        """Day ``d`` is certainly the first training day after a match the unit starts, on MD+1
        or MD+2 (MD+2 in a squad training on 3 weekdays or more: ``Timeline.recovery_md2``): a
        recovery session (intensity 0 on a training day, rules-spec.md section 8's
        30 x 2), not the steady 70 (docs/semantics.md). A bench appearance is not followed by one."""
        return self._start_before(u, d) is True

    def _start_before(self, u: Unit, d: int, same_epoch: bool = False):
        """True, a literal, or None: the unit starts the match that day ``d`` is the first
        training day after (MD+1, or MD+2 with no training day between). A literal where the
        start is the model's (an athlete back from rehab plays once RE-1 allows it).
        ``same_epoch``: only a match in ``d``'s epoch (a start before a later flare-up says
        nothing of a rehab day after it)."""
        if u.play[d] is not False:
            return None  # a match day the athlete (may) play(s)
        off = self.tl.unavailable(u.athletes[0])
        for j in (1, 2) if self.tl.recovery_md2 else (1,):
            k = d - j
            if k < 0:
                return None
            if self.tl.is_comp[k] and u.play[k] is not False and u.play_level[k] == PLAY_LEVEL["start"]:
                if same_epoch and (k < self.p0 or u.epoch_at(k) is not u.epoch_at(d)):
                    return None
                return u.play[k]
            if u.play[k] is not False or self._trained(u, k, off):
                return None  # a match or a training day in between: not the first after it
        return None

    def _trained(self, u: Unit, k: int, off) -> bool:
        """Day ``k`` was (or may be) a training day for the unit; before today, as the past has it."""
        if k >= self.p0:
            return u.trainable[k]
        stage = u.past_stage[k] if k < len(u.past_stage) else FIT
        played = u.past_played[k] if k < len(u.past_played) else False
        return k not in off and self.tl.trains(k, stage == FIT, played)

    def _fit_levels(self, u: Unit, d: int) -> tuple[int, ...]:
        """A fit athlete's speed-training options on day d: none where HV-5/6/7 against the given
        days forbid it, 80/90/95 where RAMP may bind, else the 95 % session."""
        if not self.guarded and not self._fit_candidate(u, d):
            return ()
        levels = RAMP_LEVELS if self._ramp_possible(u, d) else (FIT_HV_LEVEL,)
        return self._off_match(d, levels)

    def _off_match(self, d: int, levels: tuple[int, ...]) -> tuple[int, ...]:
        """On a competition day 80 and 100 mean playing (bench, start): an athlete who does not
        play trains at any other level (docs/semantics.md, AV-1)."""
        if not self.tl.is_comp[d]:
            return levels
        return tuple(lvl for lvl in levels if lvl not in PLAYED_LEVELS)

    def _ramp_possible(self, u: Unit, d: int) -> bool:
        """Could day d be a RAMP step 1 or 2? Not when a played match lies in the G days before it
        (d is no step 1, and the match ended any ramp), nor when two certain speed days do (the
        later one cannot be a step 1, so d is no step 2). One past speed day there may be the
        ramp's step 1, and d its step 2: an athlete back from a week off after one logged speed
        day had 95 % as the only speed level, and so no speed day at all until a match."""
        if self.guarded:
            return True
        g = self.rules.value("RAMP", "gap_days")
        certain = 0
        for x in range(max(0, d - g), d):
            if x >= self.p0 and u.play[x] is True:
                return False
            if x < self.p0 and u.fixed[x] >= SPEED_DAY:
                certain += 1
        return certain < 2

    def _fit_candidate(self, u: Unit, d: int) -> bool:
        """Can a fit athlete do speed training on day d at all? (HV-5, HV-6 and HV-7 against the
        days that are certainly speed days, decided here instead of by the solver)."""
        k6 = self.rules.value("HV-6", "days_after")
        for c in range(max(0, d - k6), d):
            if u.play[c] is True:
                return False
        if self.rules.value("HV-7", "enabled") and d + 1 < self.n and u.play[d + 1] is True:
            return False
        r = self.rules.value("HV-5", "rest_days")
        for e in range(max(0, d - r), min(self.n, d + r + 1)):
            if e == d:
                continue
            certain = u.fixed[e] >= SPEED_DAY if e < self.p0 else u.play[e] is True
            if certain:
                return False
        return True

    def _pinned(self, athlete: str, d: int) -> bool:
        return (athlete, d) in self.pinned_days

    # -- an athlete with injury records -------------------------------------------------------
    def _injured_unit(self, u: Unit) -> None:
        tl = self.tl
        aid = u.athletes[0]
        past = self._past(aid)
        self._base_days(u, past)
        if self.p0 >= self.n:
            return
        self._flare_days(u)
        self._build_epochs(u, past)
        for ep in u.epochs:
            for d in range(ep.first, ep.end):
                u.fit[d] = ep.fit(d)
        off = tl.unavailable(aid)
        for d in range(self.p0, self.n):
            u.trainable[d] = self._can_train(d, off) and d not in u.flare_days
        roles = self._roles(aid)
        for d in range(self.p0, self.n):
            if d not in off and roles[d] in ("start", "bench"):
                u.play[d] = self._plays(u, d)
                u.play_level[d] = PLAY_LEVEL[roles[d]]
        for d in range(self.p0, self.n):
            if u.trainable[d]:
                self._injured_levels(u, d)

    def _flare_days(self, u: Unit) -> None:
        calm = self.rules.value("RH-FL", "calm_days")
        flares, calms = set(), set()
        for rec in u.records:
            for f in rec.flare_ups:
                flares.add((f - self.tl.start).days)
                calms.update(self.tl.calm_days(f, calm, u.athletes[0]))
        u.flare_days = frozenset(flares)
        u.calm_days = frozenset(calms - flares)

    def _injured_levels(self, u: Unit, d: int) -> None:
        """Training-level literals of an injured unit's training day."""
        m = self.m
        ep = u.epoch_at(d)
        if ep.kind == "inj":
            return
        aid = u.athletes[0]
        calm = d in u.calm_days  # RH-FL holds whatever the stage, FIT included
        certain_fit = u.fit[d] is True and not self.guarded and not self._pinned(aid, d) and not calm
        if certain_fit:
            u.steady[d] = u.play[d] is not True
            levels = self._fit_levels(u, d) if u.steady[d] else ()
            start = self._start_before(u, d) if u.steady[d] else None
            if start is True:
                u.steady[d] = False  # a recovery session after a match started (0), or speed
            elif start is not None:
                # started or not is the model's (RE-1): the steady 70 becomes a level of its
                # own, and without speed the day is a recovery session exactly when the athlete
                # started
                u.steady[d] = False
                u.lv[d] = {lvl: m.new_bool_var(f"{aid}_{d}_{lvl}") for lvl in (STEADY,) + levels}
                m.add_at_most_one(u.lv[d].values())
                self.clause([start] + list(u.lv[d].values()), [])
                self.clause([neg(start), neg(u.lv[d][STEADY])], [])
                return
        elif calm:
            levels = (CALM_CAP,)  # RH-FL: nothing faster (0: no level at all)
        else:
            levels = self._off_match(d, RUN_LEVELS)
        if not levels:
            return
        u.lv[d] = {lvl: m.new_bool_var(f"{aid}_{d}_{lvl}") for lvl in levels}
        if len(levels) > 1:
            m.add_at_most_one(u.lv[d].values())
        if self.tl.is_comp[d]:  # training on a competition day: fit and not playing it
            for lit in u.lv[d].values():
                self.clause([u.fit[d]], [lit])
                self.clause([neg(u.play[d])], [lit])

    # -- epochs ---------------------------------------------------------------------------------
    def _build_epochs(self, u: Unit, past: _Past) -> None:
        gone = self._gone(u)
        bounds = self._epoch_starts(u, gone)
        for i, b in enumerate(bounds):
            end = bounds[i + 1] if i + 1 < len(bounds) else self.n
            if b == gone:
                u.epochs.append(self._gone_epoch(u, b, end))
                continue
            ep = self._epoch_at_p0(u, past, end) if i == 0 else self._epoch_at_event(u, b, end)
            self._reached_rows(u, ep)
            u.epochs.append(ep)

    def _gone(self, u: Unit) -> int | None:
        """The first day from p0 on which the athlete has left the squad for good
        (``planner.squad.gone_from``), or None."""
        left = gone_from(self.season, u.athletes[0])
        return None if left is None else max(self.p0, (left - self.tl.start).days)

    def _epoch_starts(self, u: Unit, gone: int | None) -> list[int]:
        """p0 and every later day with an onset, a stage record or a flare-up, up to the day he
        left the squad for good (``gone``: one epoch from it to the season's end)."""
        tl, p0 = self.tl, self.p0
        stop = self.n if gone is None else gone
        days = {p0} if gone is None else {min(p0, gone), gone}
        for rec in u.records:
            dates = [rec.onset] + [r.start for r in rec.stages] + list(rec.flare_ups)
            for x in dates:
                i = (x - tl.start).days
                if p0 < i < stop:
                    days.add(i)
        return sorted(days)

    def _gone_epoch(self, u: Unit, b: int, end: int) -> Epoch:
        """The days from ``b``, the day he left the squad for good, to the season's end: no rule
        of the rehab binds them (docs/semantics.md, "Left the squad in rehab"). The stage stays
        the one held the day before he left, its history: the stage of the epoch before, or, when
        he left before today, the one the records give the day before he left."""
        L = end - b
        if u.epochs:
            prev = u.epochs[-1]
            return Epoch(b, end, "gone", prev.order, prev.caps, prev.protocol, prev.record,
                         R=[[row[-1]] * L for row in prev.R])
        left = gone_from(self.season, u.athletes[0])
        day = left - dt.timedelta(days=1)
        rec = self._governing(u, day)
        stage = self._stage_by_records(u.records, day)
        proto = load_protocol(rec.protocol) if rec is not None else None
        cap = proto.cap(stage) if proto is not None and stage in proto.stage_ids else (
            100 if stage == FIT else 0)
        return Epoch(b, end, "gone", (stage,), (cap,), proto, rec, R=[[True] * L])

    def _governing(self, u: Unit, day: dt.date) -> Injury | None:
        rec = None
        for r in u.records:
            if r.onset <= day:
                rec = r
        return rec

    def _order(self, proto: Protocol) -> tuple[tuple[str, ...], tuple[int, ...]]:
        order = proto.stage_ids + (FIT,)
        return order, tuple(proto.cap(s) for s in order)

    def _epoch_at_p0(self, u: Unit, past: _Past, end: int) -> Epoch:
        tl, p0 = self.tl, self.p0
        rec = self._governing(u, tl.days[p0])
        if rec is None:
            return Epoch(p0, end, "fit", (FIT,), (100,))
        proto = load_protocol(rec.protocol)
        segs = segments(rec, proto, until=tl.days[p0])
        if not segs:
            return Epoch(p0, end, "inj", (INJ,), (0,), proto, rec)
        cur = segs[-1]
        order, caps = self._order(proto)
        c = order.index(cur.stage)
        sc = (cur.start - tl.start).days
        ep = Epoch(p0, end, "known", order, caps, proto, rec, start_stage=c, start_day=sc,
                   credit=self._credit(proto, rec, cur), open_max=cur.start in rec.flare_ups)
        # a flare-up's own session (the one that flared up) is no ladder or exit progress, as the
        # plan checker counts (docs/semantics.md)
        flared = {(f - tl.start).days for r in u.records for f in r.flare_ups}
        days = [d for d in range(max(0, sc), p0) if d not in flared]
        for d in days:
            if past.intensity[d] >= 60 and past.stages[d] in proto.stage_ids:
                ep.past_counts[past.intensity[d]] = ep.past_counts.get(past.intensity[d], 0) + 1
        cap_c = caps[c]
        ep.past_cap_days = sum(1 for d in days if cap_c > 0 and past.intensity[d] >= cap_c)
        if cur.stage in proto.stage_ids:
            g, _ = gate(rec, proto, cur.stage, cur.start, tests_until(tl.days[p0]),
                        self.rules.value("RH-CRIT", "retest_days"))
            ep.gate = (g - tl.start).days if g is not None else None
        if cur.stage == FIT:
            ep.reentry_done = self._past_sessions(u, past, sc)
        return ep

    def _past_sessions(self, u: Unit, past: _Past, start: int) -> int | None:
        """RE-1 sessions done before p0 since the return on day ``start`` (None: complete)."""
        need = self.rules.value("RE-1", "team_sessions")
        if start < 0:
            return None  # returned before the season: counted as complete
        off = self.tl.unavailable(u.athletes[0])
        done = sum(1 for d in range(start, self.p0)
                   if past.stages[d] == FIT and not past.played[d] and self._can_train(d, off)
                   and past.intensity[d] >= 60)
        return None if done >= need else done

    def _credit(self, proto: Protocol, rec: Injury, seg) -> dict[int, int]:
        return ladder_credit(self.season, rec, proto, seg,
                             self.rules.value("RH-11", "sessions_per_step"),
                             self.rules.value("RH-11", "flare_credit_levels"))

    def _epoch_at_event(self, u: Unit, b: int, end: int) -> Epoch:
        day = self.tl.days[b]
        rec = self._governing(u, day)
        proto = load_protocol(rec.protocol)
        order, caps = self._order(proto)
        record = next((r for r in rec.stages if r.start == day), None)
        if record is not None:
            seg = segments(rec, proto, until=day)[-1]
            ep = Epoch(b, end, "known", order, caps, proto, rec, start_stage=order.index(record.stage),
                       start_day=b, credit=self._credit(proto, rec, seg),
                       open_max=day in rec.flare_ups)  # it holds the flare-up's regression
            if record.stage == FIT:
                ep.reentry_done = 0
            return ep
        if rec.onset == day:
            return Epoch(b, end, "inj", (INJ,), (0,), proto, rec)
        return Epoch(b, end, "flare", order, caps, proto, rec, start_day=b,
                     flare_steps=flare_steps(rec.flare_ups, day))

    def _reached_rows(self, u: Unit, ep: Epoch) -> None:
        """R[k] rows: constants where the durations decide, literals elsewhere."""
        m, K, L = self.m, ep.K, ep.end - ep.first
        ep.R = [[True] * L]
        if not ep.rehab:
            return
        lo, hi = self._stage_window(ep)
        for k in range(1, K):
            row: list = []
            for d in range(ep.first, ep.end):
                if ep.start_stage is not None and k <= ep.start_stage:
                    row.append(True)
                elif d < lo[k]:
                    row.append(False)
                elif d >= hi[k] and not self.guarded:
                    row.append(True)
                else:
                    row.append(m.new_bool_var(f"{u.key}_R{k}_{d}"))
            ep.R.append(row)

    def _stage_window(self, ep: Epoch) -> tuple[list[int], list[int]]:
        """Per stage index: the first day it can start (minimum durations, the criteria gate) and
        the day by which it has certainly started (maximum durations); known starts only."""
        K, first, end = ep.K, ep.first, ep.end
        lo, hi = [0] * K, [end] * K
        if ep.start_stage is None:  # after a flare-up the stage follows the day before: it is
            # unknown but at least the protocol's first, so the maxima still bound every later one
            # (the stage the flare-up entered, whichever it is, may last twice its maximum)
            lk, longest = first, 0
            for k in range(1, K):
                mx = ep.protocol.stage(ep.order[k - 1]).max_days
                lk += mx
                longest = max(longest, mx * (FLARE_MAX_FACTOR - 1))
                hi[k] = lk + longest
            return lo, hi
        c, sc = ep.start_stage, ep.start_day
        ek = lk = sc
        for k in range(c + 1, K):
            spec = ep.protocol.stage(ep.order[k - 1])
            ek += spec.min_days
            mx = max_days(spec, ep.open_max and k == c + 1)  # after a flare-up: twice
            lk += mx
            if k == c + 1 and lk <= first:  # its maximum reached by today: again from today
                lk = first + mx
            lo[k], hi[k] = max(ek, first), max(lk, first)
            if k == c + 1 and ep.gate is not None:
                lo[k] = max(lo[k], ep.gate)
                hi[k] = max(hi[k], lo[k])
        return lo, hi

    # -- RE-1 -----------------------------------------------------------------------------------
    def _plays(self, u: Unit, d: int):
        """An injured unit plays competition day d when fit and through RE-1: the S-th session
        day before d (inside the epoch) is already fit, so S sessions lie between (fit is monotone
        inside an epoch and every fit training day has running)."""
        ep = u.epoch_at(d)
        fit = u.fit[d]
        if fit is False:
            return False
        if ep.kind == "fit" or (ep.start_stage == ep.K - 1 and ep.reentry_done is None):
            return fit
        need = self.rules.value("RE-1", "team_sessions") - (ep.reentry_done or 0)
        if need <= 0:
            return fit
        seen = 0
        for t in range(d - 1, ep.first - 1, -1):
            if u.trainable[t] and not self._pinned_low(u.athletes[0], t):
                seen += 1
                if seen == need:
                    return u.fit[t]
        return False

    def _pinned_low(self, athlete: str, d: int) -> bool:
        return any(p.kind == "intensity" and p.athlete == athlete and self.tl.index(p.date) == d
                   and p.intensity < 60 for p in self.season.pins)

    # -- reading a unit-day -------------------------------------------------------------------------
    def stage_lit(self, u: Unit, k: int, d: int):
        """Literal/bool: on day d (>= p0) the athlete's stage index is >= k (in that day's
        epoch's order)."""
        return u.epoch_at(d).stage_lit(k, d)

    def _any(self, lits: list, name: str):
        """A literal (or bool) true iff one of the mutually exclusive ``lits`` is."""
        lits = [x for x in lits if x is not False]
        if any(x is True for x in lits):
            return True
        if not lits:
            return False
        if len(lits) == 1:
            return lits[0]
        b = self.m.new_bool_var(name)
        self.m.add(sum(lits) == b)
        return b

    def planned_speed_lits(self, u: Unit) -> list:
        """Per day: a planned speed day (a training level >= 80); never before p0."""
        if u.planned_speed is None:
            u.planned_speed = [False] * self.n
            if u.frozen is None:
                for d in range(self.p0, self.n):
                    lits = [x for lvl, x in u.lv[d].items() if lvl >= SPEED_DAY]
                    u.planned_speed[d] = self._any(lits, f"{u.key}_ps_{d}")
        return u.planned_speed

    def given_speed_lits(self, u: Unit) -> list:
        """Per day: a given speed day (a played match, or the past); a frozen unit's every day."""
        if u.given_speed is None:
            if u.frozen is not None:
                u.given_speed = [u.fixed[d] >= SPEED_DAY for d in range(self.n)]
            else:
                u.given_speed = [u.fixed[d] >= SPEED_DAY for d in range(self.p0)] + u.play[self.p0:]
        return u.given_speed

    def speed_lits(self, u: Unit) -> list:
        if u.speed is None:
            ps, gs = self.planned_speed_lits(u), self.given_speed_lits(u)
            u.speed = [self._any([ps[d], gs[d]], f"{u.key}_speed_{d}") for d in range(self.n)]
        return u.speed

    def hv_training_lits(self, u: Unit) -> list:
        """Per day: HV training (>= 90 on a day the athlete does not play)."""
        if u.hv_training is None:
            if u.frozen is not None:
                u.hv_training = [u.fixed[d] >= HV_LEVEL and not u.play[d] for d in range(self.n)]
            else:
                u.hv_training = [u.fixed[d] >= HV_LEVEL and not u.past_played[d]
                                 for d in range(self.p0)]
                for d in range(self.p0, self.n):
                    lits = [x for lvl, x in u.lv[d].items() if lvl >= HV_LEVEL]
                    u.hv_training.append(self._any(lits, f"{u.key}_hvt_{d}"))
        return u.hv_training

    def hv_lits(self, u: Unit) -> list:
        """Per day: an HV exposure (HV training, or a match played as ``start``)."""
        if u.hv is None:
            ht = self.hv_training_lits(u)
            u.hv = []
            for d in range(self.n):
                if d < self.p0 or u.frozen is not None:
                    u.hv.append(u.fixed[d] >= HV_LEVEL)
                    continue
                match = u.play[d] if u.play_level[d] >= HV_LEVEL else False
                u.hv.append(self._any([ht[d], match], f"{u.key}_hv_{d}"))
        return u.hv

    def _fit_default(self, u: Unit, d: int) -> int:
        """The intensity of a unit-day where no training level is chosen."""
        return STEADY if u.steady[d] else u.fixed[d]


__all__ = ["Epoch", "Unit", "UnitsMixin", "RAMP_LEVELS", "FIT_TRAINING"]
