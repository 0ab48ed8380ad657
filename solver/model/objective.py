"""Soft rules: one penalty method per rule (RTS, HV-1, TP-3, TEAM, DL-7, HV-DAY, STAB)."""

from __future__ import annotations

from planner.season import FIT
from solver.model.core import FIT_HV_LEVEL, STEADY, ModelBase, neg
from solver.model.units import Unit


class ObjectiveMixin(ModelBase):
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
                fit = u.fit[s]
                if fit is False:
                    continue
                lits = [hv[d] for d in win]
                if any(x is True for x in lits):
                    continue
                lits = [x for x in lits if x is not False]
                if mode == "hard":
                    enf = self.guard("HV-1", u.key, s, s + G - 1)
                    self.clause(lits + [neg(fit)], enf)
                    continue
                p = m.new_bool_var(f"{u.key}_hv1_{s}")
                # p >= fit - sum(lits)
                self.clause(lits + [neg(fit), p], [])
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
                    self.clause(lits + [neg(f)], self.guard("TP-3", u.key, days[0], days[-1]))
                    continue
                p = m.new_bool_var(f"{u.key}_tp3_{w}")
                self.clause(lits + [neg(f), p], [])
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
                self.clause([neg(dl)], self.guard("DL-7", None, w, w))
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
                    self.clause([neg(h), neg(f)], self.guard("HV-DAY", u.key, d, d))
                    continue
                if f is True:
                    self._penalty("HV-DAY", cost, h)
                elif h is True:
                    self._penalty("HV-DAY", cost, f)
                else:
                    a = m.new_bool_var(f"{u.key}_hvday_{d}")
                    self.clause([neg(h), neg(f), a], [])
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
                want = [dl if kind == "deload" else neg(dl), tp if kind == "taper" else neg(tp)]
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
            conds += [self.stage_lit(u, k, d), neg(self.stage_lit(u, k + 1, d))]
        elif stage != FIT:
            return False
        level = self._same_level(u, d, value)
        if level is None:
            return False
        conds += level
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

    def _same_level(self, u: Unit, d: int, value: int) -> list | None:
        """Conditions for the unit-day's final intensity to equal ``value`` (None: impossible)."""
        lv = u.lv[d]
        if not lv:
            base = self._fit_default(u, d) if (u.fit[d] is True and not u.fixed[d]) else u.fixed[d]
            return [] if base == value else None
        if u.fit[d] is True and set(lv) == {FIT_HV_LEVEL}:
            if value == FIT_HV_LEVEL:
                return [lv[FIT_HV_LEVEL]]
            return [neg(lv[FIT_HV_LEVEL])] if value == STEADY else None
        if value in lv:
            return [lv[value]]
        if value == 0:
            return [neg(x) for x in lv.values()]
        return None

    def _objective(self) -> None:
        if self.objective_terms:
            self.m.minimize(sum(w * e for w, e in self.objective_terms))
