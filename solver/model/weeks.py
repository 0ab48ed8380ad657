"""Week kinds: the team's load/deload/taper weeks, each athlete's resulting sequence, DL-2 and TP-1."""

from __future__ import annotations

from solver.model.core import ModelBase, is_true, neg
from solver.model.units import Unit


class WeeksMixin(ModelBase):
    def _team_weeks(self) -> None:
        m = self.m
        self.team_deload: list = []
        self.team_taper: list = []
        rec = self.recorded.team_weeks if self.recorded is not None else None
        if rec is not None and len(rec) != self.W:
            rec = None
        keep = self.keep
        kept = keep.plan.team_weeks if keep is not None and len(keep.plan.team_weeks) == self.W else None
        for w in range(self.W):
            week = self.tl.weeks[w]
            if self._kind_given(w):  # past, or in progress: keep what was recorded
                kind = rec[w] if rec is not None else "load"
                self.team_deload.append(kind == "deload")
                self.team_taper.append(kind == "taper")
            elif kept is not None and keep.keeps_week(week.first, week.last):
                # a re-plan's outside: the reference's kind, as ``freeze`` would fix it
                self.team_deload.append(kept[w] == "deload")
                self.team_taper.append(kept[w] == "taper")
            else:
                d, t = m.new_bool_var(f"team_deload_{w}"), m.new_bool_var(f"team_taper_{w}")
                m.add_implication(d, t.Not())
                self.team_deload.append(d)
                self.team_taper.append(t)

    def _kind_given(self, w: int) -> bool:
        """Week ``w``'s kinds are facts: it is past, or in progress with its kind recorded by the
        stored plan. A week in progress that no plan recorded is planned like the weeks after it
        (fixed to load, a taper week before an A competition had no plan: TP-1 could not hold)."""
        week = self.tl.weeks[w]
        if week.first >= self.p0:
            return False
        return week.last < self.p0 or (self.recorded is not None
                                       and len(self.recorded.team_weeks) == self.W)

    def _unit_weeks(self, u: Unit) -> None:
        m, tl = self.m, self.tl
        rec = self.recorded.for_athlete(u.athletes[0]) if self.recorded is not None else None
        for w in range(self.W):
            first = tl.weeks[w].first
            if self._kind_given(w):
                kind = rec.weeks[w] if rec is not None and len(rec.weeks) == self.W else None
                if kind is None:
                    kind = "taper" if is_true(self.team_taper[w]) else ("deload" if is_true(self.team_deload[w]) else "load")
                f0 = u.fit[first] if first < len(u.fit) else True
                if (kind == "taper" and f0 is False and tl.weeks[w].last >= self.p0
                        and u.frozen is None):
                    # the week in progress, stored as the team's taper, but a stage recorded
                    # since (a flare-up) has the athlete in rehab on its first day: the athlete's
                    # own week, load or deload, never a taper (DL-2)
                    own = m.new_bool_var(f"{u.key}_own_deload_{w}")
                    u.own_deload[w] = own
                    u.week_fit.append(False)
                    u.deload.append(own)
                    u.taper.append(False)
                    continue
                u.week_fit.append(f0)
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
            self.clause([neg(f), neg(td), dl], [])
            self.clause([neg(f), td, neg(dl)], [])
            self.clause([f, neg(own), dl], [])
            self.clause([f, own, neg(dl)], [])
            self.clause([neg(tp), f], [])
            self.clause([neg(tp), tt], [])
            self.clause([neg(f), neg(tt), tp], [])
            u.deload.append(dl)
            u.taper.append(tp)

    def _dl2_sequence(self, key: str | None, deload: list, taper: list) -> None:
        mx = self.rules.value("DL-2", "max_load_weeks")
        weeks = self.open_weeks
        if key is None and weeks:
            # the team's load weeks done before today count on (Timeline.carried_run; not an
            # athlete's own rehab weeks: a forced own deload could block the stage work before a
            # fixed date); the kinds of the past weeks and the week in progress are recorded
            # (without a stored plan: load weeks, as the plan then records them and the checker
            # later reads them)
            past = ["taper" if taper[w] is True else "deload" if deload[w] is True else "load"
                    for w in range(self.W)]
            carry = self.tl.carried_run(past, mx, self.rules.value("TP-1", "taper_weeks"))
            if carry is not None:
                _, window = carry
                enf = self.guard("DL-2", key, window[0], window[-1], "run")
                self.clause([deload[x] for x in window] + [taper[x] for x in window], enf)
        for i, w in enumerate(weeks):
            if i + 1 < len(weeks):
                v = weeks[i + 1]
                enf = self.guard("DL-2", key, w, v, "adjacent")
                self.clause([neg(deload[w]), neg(deload[v])], enf)
                self.clause([neg(deload[w]), neg(taper[v])], enf)
                self.clause([neg(taper[w]), neg(deload[v])], enf)
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
                self.clause([neg(self.team_taper[w])], enf)
            if w in a_weeks:
                enf = self.guard("TP-1", None, w, w, "A week")
                self.clause([neg(self.team_deload[w])], enf)
        # an athlete's own weeks are never taper: built into _unit_weeks (taper == fit and team taper)
