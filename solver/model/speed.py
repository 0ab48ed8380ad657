"""Speed-day families: AV-1, HV-5, HV-2, HV-6, HV-7, RAMP and RE-1.

A **given** speed day is a competition day the athlete plays, or a past speed day; a **planned**
speed day is a training level >= 80 (the two exclude each other on one day).
"""

from __future__ import annotations

import datetime as dt

from planner.season import RAMP_STEPS, SPEED_DAY
from solver.model.core import ModelBase, neg
from solver.model.units import Unit


class SpeedMixin(ModelBase):
    def av_1(self) -> None:
        """AV-1: no running when unavailable, nor on a day that is neither a training day for the
        athlete nor a competition day the athlete plays; a played day is at 100 (start) or 80
        (bench).

        Built into the day domains: unavailable and rest days get no training level at all, a
        played competition day's value is its role's, and a competition day's training levels
        imply that the athlete does not play it."""

    def re_1(self) -> None:
        """RE-1: back to FIT from rehab, an athlete plays no competition before `team_sessions` fit
        training days with running. Built into ``play``: a competition day is played only when the
        S-th training day before it (in the same epoch) was already fit."""

    def hv_5(self) -> None:
        """HV-5: no planned speed day within `rest_days` of another speed day (two given days,
        e.g. consecutive competition days, are allowed)."""
        r = self.rules.value("HV-5", "rest_days")
        for u in self.units:
            ps, gs = self.planned_speed_lits(u), self.given_speed_lits(u)
            for d in range(max(0, self.p0 - r), self.n):
                for e in range(max(d + 1, self.p0), min(self.n, d + r + 1)):
                    pairs = ((ps[d], ps[e]), (ps[d], gs[e]), (gs[d], ps[e]))
                    for a, b in pairs:
                        if a is False or b is False:
                            continue
                        self.clause([neg(a), neg(b)], self.guard("HV-5", u.key, d, e))
            self._hv5_logged(u, ps, r)

    def _hv5_logged(self, u: Unit, ps: list, r: int) -> None:
        """HV-5 back across the season start: a speed day logged before it (``u.pre_speed``, a
        past day) leaves no planned speed day within `rest_days` after it; the guard names the
        logged day (solver/explain.py)."""
        for x in sorted(u.pre_speed):
            for e in range(max(0, self.p0), min(self.n, x + r + 1)):
                if ps[e] is not False:
                    what = (self.tl.start + dt.timedelta(days=x)).isoformat()
                    self.clause([neg(ps[e])], self.guard("HV-5", u.key, e, e, what))

    def hv_2(self) -> None:
        """HV-2: planned speed days in a week <= max(0, cap - given speed days), the cap lower in a
        deload week."""
        capn = self.rules.value("HV-2", "max_speed_days")
        capd = self.rules.value("HV-2", "max_speed_days_deload")
        for u in self.units:
            ps, gs = self.planned_speed_lits(u), self.given_speed_lits(u)
            for w in self.open_weeks:
                days = self.tl.weeks[w].days
                planned = [ps[d] for d in days if ps[d] is not False]
                if not planned:
                    continue
                given = [gs[d] for d in days if gs[d] is not False]
                enf = self.guard("HV-2", u.key, days[0], days[-1])
                self._week_cap(u, w, planned, given, capn, capd, enf)

    def _week_cap(self, u: Unit, w: int, planned: list, given: list, capn: int, capd: int,
                  enf: list) -> None:
        m = self.m
        gconst = sum(1 for x in given if x is True)
        gvars = [x for x in given if x is not True]
        lits = [x for x in planned if x is not True]
        const = sum(1 for x in planned if x is True)
        dl = u.deload[w]
        if not gvars:
            an, ad = max(0, capn - gconst), max(0, capd - gconst)
            if isinstance(dl, bool):
                self.linear_le(planned, 0, ad if dl else an, enf)
            else:
                m.add(sum(lits) + const <= an - (an - ad) * dl).only_enforce_if(enf)
            return
        allow = m.new_int_var(0, capn, f"{u.key}_allow_{w}")
        capx = (capd if dl else capn) if isinstance(dl, bool) else capn - (capn - capd) * dl
        m.add_max_equality(allow, [0, capx - gconst - sum(gvars)])
        m.add(sum(lits) + const <= allow).only_enforce_if(enf)

    def hv_6(self) -> None:
        """HV-6: no planned speed day on the `days_after` days after a competition day the athlete
        played; after a match the athlete did not play, a compensation session is allowed."""
        k = self.rules.value("HV-6", "days_after")
        for u in self.units:
            ps = self.planned_speed_lits(u)
            for c in range(max(0, self.p0 - k), self.n):
                played = u.play[c]
                if played is False:
                    continue
                for d in range(max(c + 1, self.p0), min(self.n, c + k + 1)):
                    if ps[d] is not False:
                        self.clause([neg(played), neg(ps[d])], self.guard("HV-6", u.key, d, d))

    def hv_7(self) -> None:
        """HV-7: no planned speed day on the day before a competition the athlete plays."""
        if not self.rules.value("HV-7", "enabled"):
            return
        for u in self.units:
            ps = self.planned_speed_lits(u)
            for d in range(self.p0, self.n - 1):
                if ps[d] is not False and u.play[d + 1] is not False:
                    self.clause([neg(ps[d]), neg(u.play[d + 1])], self.guard("HV-7", u.key, d, d))

    # -- RAMP -----------------------------------------------------------------------------------
    def ramp(self) -> None:
        """RAMP: after `gap_days` without a speed day, a fit athlete's first planned speed day is at
        most 80 % and the second at most 90 %; a played competition day ends the ramp. Days before
        the season start have no speed day."""
        g = self.rules.value("RAMP", "gap_days")
        for u in self.units:
            if u.frozen is not None:
                continue
            sp = self.speed_lits(u)
            step1 = self._ramp_step1(u, g)
            after1 = self._after_step1(u, sp, step1)
            for d in range(self.p0, self.n):
                above_step1 = [x for lvl, x in u.lv[d].items() if lvl > RAMP_STEPS[0]]
                if not above_step1:
                    continue
                enf = self.guard("RAMP", u.key, d, d)
                window = self._window(sp, d - g, d, u.pre_speed)
                if window is not True:  # a step 1: at most 80
                    for x in above_step1:
                        self.clause([neg(x), neg(u.fit[d])] + window, enf)
                if after1[d] is not False:  # a step 2: at most 90
                    for lvl, x in u.lv[d].items():
                        if lvl > RAMP_STEPS[1]:
                            self.clause([neg(x), neg(u.fit[d]), neg(after1[d])], enf)

    def _after_step1(self, u: Unit, sp: list, step1: list) -> list:
        """Per day d: the latest speed day before d was a ramp step 1 (forced true when it was;
        a speed day that is no step 1, e.g. a played match, clears it)."""
        out: list = [False]
        for d in range(self.n):
            prev, s1 = out[-1], step1[d]
            carry = prev if sp[d] is False or prev is False else (False if sp[d] is True else None)
            if s1 is False and carry is False:
                out.append(False)
                continue
            if s1 is True or carry is True:
                out.append(True)
                continue
            r = self.m.new_bool_var(f"{u.key}_after1_{d + 1}")
            self.clause([neg(s1), r], [])
            if carry is None:  # the previous state carries over a day without speed
                self.clause([neg(prev), sp[d], r], [])
            elif carry is not False:
                self.clause([neg(prev), r], [])
            out.append(r)
        return out[: self.n]

    @staticmethod
    def _window(sp: list, a: int, b: int, before: frozenset[int] = frozenset()):
        """The speed literals of days a..b-1: True if one is certainly a speed day (``before``:
        speed days logged before the season, negative indexes), else the list of those that may
        be."""
        if a < 0 and any(a <= x < 0 for x in before):
            return True
        lits = []
        for x in range(max(0, a), b):
            if sp[x] is True:
                return True
            if sp[x] is not False:
                lits.append(sp[x])
        return lits

    def _ramp_step1(self, u: Unit, g: int) -> list:
        """Per day: is it a ramp step 1 (a speed day that is no played match, with no speed day in
        the g days before)? Exact for the past; from p0 a literal forced true when it is one."""
        sp, ps = self.speed_lits(u), self.planned_speed_lits(u)
        out: list = []
        for e in range(self.n):
            if e < self.p0:
                nonmatch = u.fixed[e] >= SPEED_DAY and not u.past_played[e]
                window = self._window(sp, e - g, e, u.pre_speed)
                out.append(nonmatch and window is not True and not window)
                continue
            if ps[e] is False:
                out.append(False)
                continue
            window = self._window(sp, e - g, e, u.pre_speed)
            if window is True:
                out.append(False)
                continue
            s = self.m.new_bool_var(f"{u.key}_step1_{e}")
            self.clause([s, neg(ps[e])] + window, [])
            out.append(s)
        return out
