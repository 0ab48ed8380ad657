"""Speed-day families: AV-1, HV-5, HV-2, HV-6, HV-7."""

from __future__ import annotations

from solver.model.core import ModelBase, neg


class SpeedMixin(ModelBase):
    def av_1(self) -> None:
        """AV-1: no running when unavailable or on a day that is neither a training day nor (for a
        fit athlete) a competition day; a played competition day is at 100.

        Built into the day domains: unavailable and rest days get no level literal at all, a
        competition day's only level is 100 tied to the athlete being fit that day."""

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
                    self.clause([neg(sp[d]), neg(sp[e])], enf)

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
                self.clause([neg(sp[d]), neg(u.fit[d])], enf)

    def hv_6(self) -> None:
        """HV-6: no speed day for a fit athlete on MD+1 (.. MD+`days_after`)."""
        k = self.rules.value("HV-6", "days_after")
        self._no_speed_when_fit("HV-6", [d for d in range(self.n)
                                         if self.tl.md_after[d] is not None and self.tl.md_after[d] <= k])

    def hv_7(self) -> None:
        """HV-7: no speed day for a fit athlete on MD-1."""
        if self.rules.value("HV-7", "enabled"):
            self._no_speed_when_fit("HV-7", [d for d in range(self.n) if self.tl.md_before[d] == 1])
