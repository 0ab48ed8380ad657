"""LD-1: no planned load spike (rules-spec.md sections 5 and 8; planner/loadtable.py).

A unit-week's load is ``W = 75 r_load + 45 r_deload + 40 r_taper + c``: ``r`` sums the RPE of the
fit athlete's team sessions (their length M depends on the week kind), ``c`` everything else (a
match, a recovery day, a rehab session, a logged day). ``r_kind`` equals ``r`` in a week of that
kind and is 0 otherwise, so the product of kind and volume stays linear. A week with a chronic
load (the four full weeks before it, logged pre-season weeks included; a week with a day not with
the squad is not full, ``planner.loadtable.counted_weeks``) is penalised when
``100 x 4 x W > round(100 x acwr_max) x (sum of the four)``.
"""

from __future__ import annotations

import itertools

from ortools.sat.python import cp_model

from planner.history import logged_days
from planner.loadtable import LoadTable, counted_weeks, series_origin, unknown_days, week_bounds
from planner.protocols import load_protocol
from planner.returns import other_matches
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
        if mode == "soft" and not self.rules.value("LD-1", "weight"):
            return  # listed by the plan checker at no cost; nothing to optimise
        table = LoadTable.of(self.rules)
        a100 = round(100 * self.rules.value("LD-1", "acwr_max"))
        weight = self.rules.value("LD-1", "weight")
        for u in self.units:
            parts, full, open_from = self._unit_week_loads(u, table)
            weeks = [self._week_load(u, w, [t for day in days for t in day], c, table)
                     for c, days, w, _ in parts]
            for k in range(4, len(weeks)):
                if k < open_from or not full[k] or not all(full[k - 4:k]):
                    continue
                lo, hi = self._ld1_span(u, parts[k - 4:k + 1], a100, table)
                if hi <= 0:
                    continue  # no pattern of kinds and sessions makes this week a spike
                if lo > 0 and mode != "hard":
                    self._penalty("LD-1", weight * u.size, 1)
                    continue
                over = 400 * weeks[k] - a100 * sum(weeks[k - 4:k])
                p = self._ld1_week(u, k, over, mode, weight, None if self.guarded else hi)
                if p is not None:
                    self._ld1_kind_cuts(u, parts[k - 4:k + 1], p, a100, table)

    def _ld1_patterns(self, u: Unit, parts: list, a100: int, table: LoadTable):
        """(pattern, lowest over, highest over) for each DL-2 pattern of kinds of five weeks;
        ``over`` is 400 x the week's load - round(100 acwr_max) x the four weeks before."""
        options = [self._kind_options(u, w) for _, _, w, _ in parts]
        ranges = [{k: self._load_range(c, days, self._speed_cap(k, played)) for k, _ in opts}
                  for (c, days, _, played), opts in zip(parts, options, strict=True)]
        first_open = self.tl.first_open_week
        dl2 = [w is not None and w >= first_open for _, _, w, _ in parts]  # DL-2 binds open weeks
        for pattern in itertools.product(*options):
            kinds = [k for k, _ in pattern]
            if any(dl2[i] and dl2[i + 1] and (a == "deload" and b in ("deload", "taper")
                                               or b == "deload" and a == "taper")
                   for i, (a, b) in enumerate(zip(kinds, kinds[1:], strict=False))):
                continue
            lows = [rg[k][0][0] + table.minutes[k] * rg[k][1][0] for rg, k in zip(ranges, kinds, strict=True)]
            highs = [rg[k][0][1] + table.minutes[k] * rg[k][1][1] for rg, k in zip(ranges, kinds, strict=True)]
            yield (pattern, 400 * lows[-1] - a100 * sum(highs[:-1]),
                   400 * highs[-1] - a100 * sum(lows[:-1]))

    def _ld1_span(self, u: Unit, parts: list, a100: int, table: LoadTable) -> tuple[int, int]:
        spans = [(lo, hi) for _, lo, hi in self._ld1_patterns(u, parts, a100, table)]
        if not spans:
            return 0, 0
        return min(lo for lo, _ in spans), max(hi for _, hi in spans)

    def _ld1_kind_cuts(self, u: Unit, parts: list, p, a100: int, table: LoadTable) -> None:
        """Clauses that show the search what the week kinds alone decide: a pattern of kinds of
        the five weeks under which even the lowest load of the week against the highest of the
        four before is a spike implies ``p``."""
        for pattern, lo, _ in self._ld1_patterns(u, parts, a100, table):
            if lo > 0:
                self.clause([neg(x) for _, lits in pattern for x in lits] + [p], [])

    def _kind_options(self, u: Unit, w: int | None) -> list[tuple[str, list]]:
        """(kind, the literals that say it) for each kind week ``w`` can have."""
        if w is None:
            return [("load", [])]
        dl, tp = u.deload[w], u.taper[w]
        if not self.guarded:  # TP-1: taper weeks are exactly the weeks before A competitions
            if w not in self.taper_set:
                tp = False
            elif tp is self.team_taper[w]:
                tp = True
        out = []
        if dl is not True and tp is not True:
            out.append(("load", [neg(x) for x in (dl, tp) if not isinstance(x, bool)]))
        if dl is not False:
            out.append(("deload", [] if dl is True else [dl]))
        if tp is not False:
            out.append(("taper", [] if tp is True else [tp]))
        return out

    def _speed_cap(self, kind: str, played: int) -> int:
        """HV-2: planned speed days a week of ``kind`` can still have beside its played matches."""
        cap = self.rules.value("HV-2", "max_speed_days_deload" if kind == "deload" else "max_speed_days")
        return max(0, cap - played)

    @staticmethod
    def _load_range(c, days: list, cap: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """Bounds of a week's constant part and of its team-session RPE sum: at most one of a
        day's exclusive terms ("x", "s") holds, and at most ``cap`` days take a speed extra ("s")."""
        rlo = rhi = 0
        extras = []
        for terms in days:
            for cf, x, tag in terms:
                if isinstance(x, int):
                    rlo += cf * x
                    rhi += cf * x
                elif tag == "n":
                    rlo += min(cf, 0)
                    rhi += max(cf, 0)
            excl = [cf for cf, x, tag in terms if tag in ("x", "s") and not isinstance(x, int)]
            if excl:
                rlo += min(0, min(excl))
                top = max(0, max(excl))
                if any(tag == "s" for _, _, tag in terms):
                    extras.append(top)
                else:
                    rhi += top
        rhi += sum(sorted(extras, reverse=True)[:cap])
        return _bounds(c), (rlo, rhi)

    def _ld1_week(self, u: Unit, k: int, over, mode: str, weight: int, top: int | None = None):
        """The penalty literal of week ``k`` (None when the week is decided or LD-1 is hard)."""
        if isinstance(over, int):
            if over > 0 and mode != "hard":
                self._penalty("LD-1", weight * u.size, 1)
            return None
        lo, hi = _bounds(over)
        if hi <= 0:
            return None
        if mode == "hard":
            ct = self.m.add(over <= 0)
            enf = self.guard("LD-1", u.key, k, k)
            if enf:
                ct.only_enforce_if(enf)
            return None
        if lo > 0:
            self._penalty("LD-1", weight * u.size, 1)
            return None
        p = self.m.new_bool_var(f"{u.key}_ld1_{k}")
        self.m.add(over <= min(hi, top if top is not None else hi) * p)
        self._penalty("LD-1", weight * u.size, p)
        return p

    # -- a unit's weekly loads --------------------------------------------------------------------
    def _unit_week_loads(self, u: Unit, table: LoadTable) -> tuple[list, list[bool], int]:
        """Per series week (pre-season logged weeks first): the load (int or expression), whether
        the week is full, and the first week index that is not wholly past."""
        tl = self.tl
        log = logged_days(self.season, u.athletes[0])
        origin = series_origin(self.season, log, tl)
        off = (tl.start - origin).days
        logged = {(day - origin).days: v.au for day, v in log.items()}
        bounds = week_bounds(self.season, origin, off + tl.n)
        # a week with a day not with the squad (nothing logged on it) is no full week
        full = counted_weeks(bounds, unknown_days(self.season, u.athletes[0], origin, bounds,
                                                  {x for x in logged if x < off + self.p0}))
        loads = []
        open_from = len(bounds)
        for k, (a, b) in enumerate(bounds):
            if b - off >= self.p0 and open_from == len(bounds):
                open_from = k
            days, c = [], 0
            for x in range(a, b + 1):
                if x < off + self.p0 and x in logged:
                    c += logged[x]
                elif x >= off:
                    rr, cc = self._day_load(u, x - off, table)
                    days.append(rr)
                    c += cc
            w = tl.week_of[b - off] if b >= off else None
            played = sum(1 for x in range(max(a, off), b + 1) if u.play[x - off] is True)
            loads.append((c, days, w, played))
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
        for coef, x, _ in r:
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
        # the day's matches played (several on a tournament day), all with play[d]
        match = 0 if play is False else round(table.split(
            stage=FIT, level=u.play_level[d], played=True, training=False, available=True,
            also=self._other_matches(aid, d, u.play_level[d]))[1])
        c = 0 if play is False else match * (1 if play is True else play)
        cal_train = tl.is_training[d] or (tl.is_comp[d] and tl.training_weekday[d])
        if not available or not cal_train or play is True:
            return [], c
        r, cc = (self._fit_day(u, d, table) if not u.injured else self._injured_day(u, d, table))
        return r, c + cc

    def _given_day_load(self, u: Unit, d: int, table: LoadTable, available: bool):
        tl = self.tl
        stages = u.frozen.stages if u.frozen is not None else u.past_stage
        played = bool(u.play[d]) if u.frozen is not None else u.past_played[d]
        training = tl.trains(d, stages[d] == FIT, played)
        rec = self._governing(u, tl.days[d]) if u.records else None
        proto = load_protocol(rec.protocol) if rec is not None else None
        r, c = table.split(stage=stages[d], level=u.fixed[d], played=played, training=training,
                           available=available, proto=proto,
                           also=self._other_matches(u.athletes[0], d, u.fixed[d]) if played else ())
        return ([(round(r), 1, "n")] if r else []), round(c)

    def _other_matches(self, athlete: str, d: int, level: int) -> tuple[str, ...]:
        """The roles of day ``d``'s other competitions the athlete plays at ``level`` (their
        loads count too: planner.returns.other_matches, as the plan checker reads it)."""
        comps = self.tl.comp_on[d]
        if len(comps) < 2:
            return ()
        return other_matches([self.season.role_of(athlete, c.id) for c in comps], level)

    def _fit_day(self, u: Unit, d: int, table: LoadTable) -> tuple[list, object]:
        """A fit unit's training day: the steady session, or the chosen level's."""
        lits = u.lv[d]
        if u.steady[d]:
            base = table.fit_rpe(70)
            return [(base, 1, "n")] + [(table.fit_rpe(lv) - base, x, "s") for lv, x in lits.items()], 0
        rec = round(table.recovery[0] * table.recovery[1])
        r = [(table.fit_rpe(lv), x, "x") for lv, x in lits.items()]
        return r, rec - rec * sum(lits.values()) if lits else rec

    def _injured_day(self, u: Unit, d: int, table: LoadTable) -> tuple[list, object]:
        ep = u.epoch_at(d)
        if ep.kind == "inj":
            return [], 0
        f = u.fit[d]
        # a rehab session on training days only: a competition day has none (rules-spec.md
        # section 2), only the fit athlete's team session or match
        c = 0 if self.tl.is_comp[d] else self._stage_load(u, ep, d, table)
        if u.steady[d]:  # certainly fit: the team session unless the athlete plays (RE-1 decides)
            r, cc = self._fit_day(u, d, table)
            play = u.play[d]
            if play is not False:
                r = [(r[0][0], neg(play), "n")] + r[1:]
            return r, c + cc
        if f is False:
            return [], c
        # fit on day d: the chosen level's team session, else a recovery day (not when playing)
        rec = round(table.recovery[0] * table.recovery[1])
        r = []
        chosen = []
        for lv, x in u.lv[d].items():
            g = self._and([f, x], f"{u.key}_ldg_{d}_{lv}")
            r.append((table.fit_rpe(lv), g, "x"))
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
