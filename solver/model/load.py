"""LD-1: no planned load spike (rules-spec.md sections 5 and 8; planner/loadtable.py).

A unit-week's load is ``W = 75 r_load + 45 r_deload + 40 r_taper + c``: ``r`` sums the RPE of the
fit athlete's team sessions (their length M depends on the week kind), ``c`` everything else (a
match, a recovery day, a rehab session, a logged day). ``r_kind`` equals ``r`` in a week of that
kind and is 0 otherwise, so the product of kind and volume stays linear. A week with a chronic
load (the four full weeks before it, logged pre-season weeks included) is penalised when
``100 x 4 x W > round(100 x acwr_max) x (sum of the four)``.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from planner.history import logged_days
from planner.loadtable import LoadTable, series_origin, week_bounds
from planner.protocols import load_protocol
from planner.season import FIT, INJ
from solver.model.core import ModelBase, neg
from solver.model.units import Unit


class LoadMixin(ModelBase):
    def ld_1(self) -> None:
        """LD-1: one penalty per athlete-week whose planned load is above ``acwr_max`` times the
        athlete's chronic load (hard when the coach makes it so)."""
        mode = self.rules.mode("LD-1")
        if mode == "off" or self.p0 >= self.n:
            return
        table = LoadTable.of(self.rules)
        a100 = round(100 * self.rules.value("LD-1", "acwr_max"))
        weight = self.rules.value("LD-1", "weight")
        for u in self.units:
            weeks, full, open_from = self._unit_week_loads(u, table)
            for k in range(4, len(weeks)):
                if k < open_from or not full[k] or not all(full[k - 4:k]):
                    continue
                over = 400 * weeks[k] - a100 * sum(weeks[k - 4:k])
                self._ld1_week(u, k, over, mode, weight)

    def _ld1_week(self, u: Unit, k: int, over, mode: str, weight: int) -> None:
        if isinstance(over, int):
            if over > 0 and mode != "hard":
                self._penalty("LD-1", weight * u.size, 1)
            return
        lo, hi = _bounds(over)
        if hi <= 0:
            return
        if mode == "hard":
            ct = self.m.add(over <= 0)
            enf = self.guard("LD-1", u.key, k, k)
            if enf:
                ct.only_enforce_if(enf)
            return
        if lo > 0:
            self._penalty("LD-1", weight * u.size, 1)
            return
        p = self.m.new_bool_var(f"{u.key}_ld1_{k}")
        self.m.add(over <= hi * p)  # the penalty's linear relaxation: tight in p
        self._penalty("LD-1", weight * u.size, p)

    # -- a unit's weekly loads --------------------------------------------------------------------
    def _unit_week_loads(self, u: Unit, table: LoadTable) -> tuple[list, list[bool], int]:
        """Per series week (pre-season logged weeks first): the load (int or expression), whether
        the week is full, and the first week index that is not wholly past."""
        tl = self.tl
        log = logged_days(self.season, u.athletes[0])
        origin = series_origin(self.season, log, tl)
        off = (tl.start - origin).days
        logged = {(day - origin).days: round(v.load) for day, v in log.items()}
        bounds = week_bounds(self.season, origin, off + tl.n)
        loads, full = [], []
        open_from = len(bounds)
        for k, (a, b) in enumerate(bounds):
            full.append(b - a == 6)
            if b - off >= self.p0 and open_from == len(bounds):
                open_from = k
            r, c = [], 0
            for x in range(a, b + 1):
                if x < off + self.p0 and x in logged:
                    c += logged[x]
                elif x >= off:
                    rr, cc = self._day_load(u, x - off, table)
                    r += rr
                    c += cc
            loads.append(self._week_load(u, tl.week_of[b - off] if b >= off else None, r, c, table))
        return loads, full, open_from

    def _week_load(self, u: Unit, w: int | None, r: list, c, table: LoadTable):
        """c + M(kind) x sum(r), linear: a team-session term ``coef x x`` in a deload week is
        ``coef x (75 x - 30 (x and deload))``; ``x and deload`` is the kind itself when x is 1."""
        if not r:
            return c
        full = table.minutes["load"]
        kinds = {"deload": False, "taper": False} if w is None else \
            {"deload": u.deload[w], "taper": u.taper[w]}
        out = c
        for coef, x in r:
            out = out + coef * full * x
            for k, kind in kinds.items():
                cut = full - table.minutes[k]
                if kind is False or not cut:
                    continue
                both = kind if isinstance(x, int) else self._and([x, kind], f"{u.key}_ld{k}_{w}")
                if isinstance(x, int) and x != 1:
                    both = x * kind
                out = out - coef * cut * (1 if both is True else both)
        return out

    def _day_load(self, u: Unit, d: int, table: LoadTable) -> tuple[list, object]:
        """([(rpe coefficient, literal or 1)], constant or expression) of unit-day ``d``."""
        tl = self.tl
        aid = u.athletes[0]
        available = d not in tl.unavailable(aid)
        if d < self.p0 or u.frozen is not None:
            return self._given_day_load(u, d, table, available)
        play = u.play[d]
        match = table.start if u.play_level[d] >= 100 else table.bench
        c = 0 if play is False else round(match[0] * match[1]) * (1 if play is True else play)
        cal_train = tl.is_training[d] or (tl.is_comp[d] and tl.training_weekday[d])
        if not available or not cal_train or play is True:
            return [], c
        r, cc = (self._fit_day(u, d, table) if not u.injured else self._injured_day(u, d, table))
        return r, c + cc

    def _given_day_load(self, u: Unit, d: int, table: LoadTable, available: bool):
        tl = self.tl
        stages = u.frozen.stages if u.frozen is not None else u.past_stage
        played = bool(u.play[d]) if u.frozen is not None else u.past_played[d]
        training = tl.is_training[d] or (tl.is_comp[d] and tl.training_weekday[d] and not played)
        rec = self._governing(u, tl.days[d]) if u.records else None
        proto = load_protocol(rec.protocol) if rec is not None else None
        r, c = table.split(stage=stages[d], level=u.fixed[d], played=played, training=training,
                           available=available, proto=proto)
        return ([(round(r), 1)] if r else []), round(c)

    def _fit_day(self, u: Unit, d: int, table: LoadTable) -> tuple[list, object]:
        """A fit unit's training day: the steady session, or the chosen level's."""
        lits = u.lv[d]
        if u.steady[d]:
            base = table.fit_rpe(70)
            return [(base, 1)] + [(table.fit_rpe(lv) - base, x) for lv, x in lits.items()], 0
        rec = round(table.recovery[0] * table.recovery[1])
        r = [(table.fit_rpe(lv), x) for lv, x in lits.items()]
        return r, rec - rec * sum(lits.values()) if lits else rec

    def _injured_day(self, u: Unit, d: int, table: LoadTable) -> tuple[list, object]:
        ep = u.epoch_at(d)
        if ep.kind == "inj":
            return [], 0
        f = u.fit[d]
        c = self._stage_load(u, ep, d, table)
        if u.steady[d]:  # certainly fit: the team session unless the athlete plays (RE-1 decides)
            r, cc = self._fit_day(u, d, table)
            play = u.play[d]
            if play is not False:
                r = [(r[0][0], neg(play))] + r[1:]
            return r, c + cc
        if f is False:
            return [], c
        # fit on day d: the chosen level's team session, else a recovery day (not when playing)
        rec = round(table.recovery[0] * table.recovery[1])
        r = []
        chosen = []
        for lv, x in u.lv[d].items():
            g = self._and([f, x], f"{u.key}_ldg_{d}_{lv}")
            r.append((table.fit_rpe(lv), g))
            chosen.append(g)
        idle = self._and([f, neg(u.play[d])] + [neg(x) for x in u.lv[d].values()],
                         f"{u.key}_ldr_{d}")
        if idle is not False:
            c = c + rec * (1 if idle is True else idle)
        return r, c

    def _stage_load(self, u: Unit, ep, d: int, table: LoadTable):
        """The rehab session's load on day d: sum over stages of its load x [stage == k]."""
        loads = []
        for st in ep.order:
            if st in (FIT, INJ):
                loads.append(0)
            else:
                m, r = table.stage_session(st, ep.protocol)
                loads.append(round(m * r))
        out = loads[0]
        for k in range(1, ep.K):
            step = loads[k] - loads[k - 1]
            if not step:
                continue
            lit = ep.stage_lit(k, d)
            if lit is True:
                out += step
            elif lit is not False:
                out = out + step * lit
        return out


def _bounds(expr) -> tuple[int, int]:
    """Lower and upper bound of a linear expression over Boolean literals and constants."""
    if isinstance(expr, int):
        return expr, expr
    flat = cp_model.FlatIntExpr(expr)
    lo = sum(min(cf, 0) for cf in flat.coeffs)
    hi = sum(max(cf, 0) for cf in flat.coeffs)
    return lo + int(flat.offset), hi + int(flat.offset)


__all__ = ["LoadMixin"]
