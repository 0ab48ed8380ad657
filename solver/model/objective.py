"""Soft rules: one penalty method per rule (RTS, HV-1, TP-3, TEAM, DL-7, HV-DAY, STAB)."""

from __future__ import annotations

from planner.check import stab_away
from planner.season import FIT, HV_LEVEL, Injury
from solver.model.core import FIT_HV_LEVEL, STEADY, ModelBase, neg
from solver.model.units import Unit


class ObjectiveMixin(ModelBase):
    def _penalty(self, rule: str, weight: int, expr) -> None:
        if weight:
            self.objective_terms.append((weight, expr))
        self.penalty_terms.setdefault(rule, []).append((weight, expr))

    def _soft(self, rule: str) -> str:
        return self.rules.mode(rule)

    def _and(self, lits: list, name: str):
        """A literal (or bool) true iff every one of ``lits`` is."""
        lits = [x for x in lits if x is not True]
        if any(x is False for x in lits):
            return False
        if not lits:
            return True
        if len(lits) == 1:
            return lits[0]
        a = self.m.new_bool_var(name)
        for x in lits:
            self.m.add_implication(a, x)
        self.clause([neg(x) for x in lits] + [a], [])
        return a

    # -- RTS ------------------------------------------------------------------------------------
    def rts(self) -> None:
        """RTS: each injured athlete back to FIT as early as possible (per injury record, each day
        not FIT from the later of p0 and the stage start to the first FIT day, and each later run
        of rehab days after a FIT day to the next one: docs/semantics.md); missing the record's
        target competition (not playing its first day, RE-1 included) costs much more."""
        mode = self._soft("RTS")
        if mode == "off":
            return
        for u in self.units:
            if not u.injured or u.frozen is not None:
                continue
            floor = 0
            for rec in u.records:
                governs = self._record_days(u, rec)
                if governs is None:
                    continue
                if u.fit[governs[0]] is True:
                    # back on its first day (planner.returns.counted_records): only a return
                    # after a flare-up ahead is left to count (rehab_runs_after)
                    if mode != "hard":
                        floor += self._rts_days(u, *governs)
                    continue
                span = self._record_span(u, rec, *governs)
                if span is not None and mode != "hard":
                    floor += self._rts_days(u, *span)
                floor += self._rts_target(u, rec, mode, governs[0])
            self.rts_floor[u.athletes[0]] = floor

    def _record_days(self, u: Unit, rec: Injury) -> tuple[int, int] | None:
        """(first, last): the first day from p0 that ``rec`` governs and the last day it governs
        (the day before a later record's onset, or before he left the squad for good); None when it
        governs no day from p0. The record counts (its days back and its target) unless the
        athlete is FIT on ``first``."""
        later = [r.onset for r in u.records if r.onset > rec.onset]
        last = min(self.n - 1, (min(later) - self.tl.start).days - 1) if later else self.n - 1
        gone = self._gone(u)  # left the squad for good: his return is no longer this squad's
        if gone is not None:
            last = min(last, gone - 1)
        first = max(self.p0, (rec.onset - self.tl.start).days)
        if first > last or u.epoch_at(first).record is not rec:
            return None
        return first, last

    def _record_span(self, u: Unit, rec: Injury, first: int, last: int) -> tuple[int, int] | None:
        """(base, last) day indexes of the days back RTS counts for ``rec``: from the later of p0
        and the stage start (a future record: its first stage record) to the last day it governs;
        None when no stage is recorded in it (nothing but INJ days, no return to count)."""
        ep = u.epoch_at(first)
        if ep.kind == "inj":
            nxt = next((e for e in u.epochs if e.first > first and e.record is rec and e.kind != "inj"),
                       None)
            if nxt is None:
                return None
            base = nxt.first
        else:
            base = max(self.p0, ep.start_day) if ep.start_stage is not None else first
        return (base, last) if base <= last else None

    def _rts_days(self, u: Unit, base: int, last: int) -> int:
        """One penalty per day from ``base`` on that the athlete is not FIT: the days before the
        first FIT day, and those of every return after it (a flare-up dated after today moves a
        returned athlete back to the last stage, rules-spec section 6; planner.returns.
        rehab_runs_after). Returns the part no plan can avoid: the days certainly not FIT."""
        wday = self.rules.value("RTS", "weight")
        floor = 0
        for d in range(base, last + 1):
            f = u.fit[d]
            if f is True:
                continue
            self._penalty("RTS", wday, 1 - f if f is not False else 1)
            if f is False:
                floor += wday
        return floor

    def _rts_target(self, u: Unit, rec: Injury, mode: str, first: int) -> int:
        """The missed-target penalty; returns it when no plan can avoid it (else 0). Like the
        days back, it counts only when the athlete is not FIT on ``first``, the record's first
        day from p0 (an athlete the plan has back on that day has no return left to plan: the
        checker's ``planner.returns.counted_records``), also when no day back is counted (a
        knock: the record's first stage is FIT after a few injured days)."""
        if not rec.target_competition:
            return 0
        comp = self.season.competition(rec.target_competition)
        t = self.tl.index(comp.date) if comp else None
        gone = self._gone(u)
        if t is None or t < self.p0 or (gone is not None and t >= gone):
            return 0  # a target on or after the day he left the squad is no longer this squad's
        plays = u.play[t]
        back = u.fit[first]  # never True here
        if mode == "hard":
            self.clause([plays, back], self.guard("RTS", u.key, t, t, "target"))
        elif plays is not True:
            weight = self.rules.value("RTS", "target_weight")
            if back is False:
                self._penalty("RTS", weight, 1 - plays if plays is not False else 1)
                return weight if plays is False else 0
            missed = self.m.new_bool_var(f"{u.key}_target_{t}")
            self.clause([back, plays, missed], [])
            self._penalty("RTS", weight, missed)
        return 0

    # -- HV-1 -----------------------------------------------------------------------------------
    def _hv1_open(self, u: Unit, d: int):
        """HV-1 applies on day d: available and FIT or in a stage whose cap is >= 90."""
        if d in self.tl.unavailable(u.athletes[0]):
            return False
        if not u.injured or u.frozen is not None:
            return u.fit[d] is True
        ep = u.epoch_at(d)
        if not ep.rehab:
            return ep.kind == "fit"
        return ep.stage_lit(ep.level_stage(HV_LEVEL), d)

    def hv_1(self) -> None:
        """HV-1: an HV exposure in every window of `max_gap_days` days in which the athlete is
        available and FIT or in a stage capped at 90 % or more; goalkeepers (the exempt positions)
        are exempt. One penalty per window without one."""
        mode = self._soft("HV-1")
        if mode == "off":
            return
        G = self.rules.value("HV-1", "max_gap_days")
        weight = self.rules.value("HV-1", "weight")
        for u in self.units:
            if u.exempt:
                continue
            hv = self.hv_lits(u)
            open_ = [self._hv1_open(u, d) if d >= self.p0 else self._hv1_open_past(u, d)
                     for d in range(self.n)]
            windows: dict[int, object] = {}
            # days up to d that are certainly closed or certainly an HV exposure: a window holding
            # one needs no penalty (counted once, not per window)
            settled = [0]
            for d in range(self.n):
                settled.append(settled[-1] + (open_[d] is False or hv[d] is True))
            # every window that reaches today or later; its past days count as they happened
            for s in range(max(0, self.p0 - G + 1), self.n - G + 1):
                win = range(s, s + G)
                if settled[s + G] != settled[s]:
                    continue
                cond = self._window_open(u, s, G, open_)
                lits = [hv[d] for d in win if hv[d] is not False]
                if mode == "hard":
                    self.clause(lits + [neg(cond)], self.guard("HV-1", u.key, s, s + G - 1))
                    continue
                p = self.m.new_bool_var(f"{u.key}_hv1_{s}")
                self.clause(lits + [neg(cond), p], [])
                self._penalty("HV-1", weight * u.size, p)
                windows[s] = p
            self._hv1_deload_cuts(u, windows, G)

    def _hv1_deload_cuts(self, u: Unit, windows: dict[int, object], g: int) -> None:
        """Implied cuts that show the LP what a deload costs: in a deload week whose played
        matches already reach the deload cap, the athlete has no HV training, so a window whose
        every other day can have no HV exposure either is missed (p >= deload)."""
        if u.injured or u.frozen is not None or not windows:
            return
        capd = self.rules.value("HV-2", "max_speed_days_deload")
        hv = self.hv_lits(u)
        gs = self.given_speed_lits(u)
        for w in self.open_weeks:
            dl = u.deload[w]
            if isinstance(dl, bool):
                continue
            days = self.tl.weeks[w].days
            if capd - sum(1 for d in days if gs[d] is True) > 0:
                continue  # a deload still allows planned speed here
            match_hv = {d for d in days if u.play[d] is True and u.play_level[d] >= HV_LEVEL}
            for s in range(max(self.p0, days[0] - g + 1), days[-1] + 1):
                p = windows.get(s)
                if p is None:
                    continue
                win = range(s, s + g)
                if not any(d in days for d in win) or any(d in match_hv for d in win):
                    continue
                if all(hv[d] is False for d in win if d not in days):
                    self.clause([neg(dl), p], [])

    def _hv1_open_past(self, u: Unit, d: int) -> bool:
        """HV-1 applies on past day d: available and FIT or in a stage capped at 90 % or more."""
        if d in self.tl.unavailable(u.athletes[0]):
            return False
        stage = u.past_stage[d] if d < len(u.past_stage) else FIT
        if stage == FIT:
            return True
        from planner.protocols import load_protocol
        from planner.rehab import governing

        rec = governing(u.records, self.tl.days[d])
        proto = load_protocol(rec.protocol) if rec is not None else None
        return proto is not None and stage in proto.stage_ids and proto.cap(stage) >= HV_LEVEL

    def _window_open(self, u: Unit, s: int, g: int, open_: list):
        """Every day of the window is open: per epoch, its first day in the window (monotone);
        past days are constants."""
        firsts = [max(s, self.p0)] + [ep.first for ep in u.epochs if max(s, self.p0) < ep.first < s + g]
        if not u.injured or u.frozen is not None:
            return True
        # inside an epoch the stage only rises, so "cap >= 90" holds from its first day on;
        # across a flare-up, its first day decides for the rest
        return self._and([open_[d] for d in firsts], f"{u.key}_hv1open_{s}")

    # -- TP-3 -----------------------------------------------------------------------------------
    def tp_3(self) -> None:
        """TP-3: an athlete on the team plan has an HV exposure in each taper week; the positions
        HV-1 exempts (goalkeepers) are exempt here too."""
        mode = self._soft("TP-3")
        if mode == "off":
            return
        weight = self.rules.value("TP-3", "weight")
        for u in self.units:
            if u.exempt:  # no exposure is asked of the position, so none is kept in a taper
                continue
            hv = self.hv_lits(u)
            off = self.tl.unavailable(u.athletes[0])
            for w in self.open_weeks:
                if w not in self.taper_set:
                    continue
                days = list(self.tl.weeks[w].days)
                f = u.week_fit[w]
                if all(d in off for d in days) or f is False or any(hv[d] is True for d in days):
                    continue
                lits = [hv[d] for d in days if hv[d] is not False]
                if mode == "hard":
                    self.clause(lits + [neg(f)], self.guard("TP-3", u.key, days[0], days[-1]))
                    continue
                p = self.m.new_bool_var(f"{u.key}_tp3_{w}")
                self.clause(lits + [neg(f), p], [])
                self._penalty("TP-3", weight * u.size, p)

    # -- TEAM -----------------------------------------------------------------------------------
    def _team_member(self, u: Unit, d: int):
        """The unit counts for the team's HV day d: fit HV training that is no compensation session
        (MD+1 or MD+2 of a competition day the athlete did not play)."""
        h, f = self.hv_training_lits(u)[d], u.fit[d]
        if h is False or f is False:
            return False
        k = self.tl.md_after[d]
        counts = True
        if k is not None and k <= 2 and not self.tl.is_comp[d]:
            counts = u.play[d - k]  # a compensation session when the athlete did not play
        return self._and([h, f, counts], f"{u.key}_teamhv_{d}")

    def team(self) -> None:
        """TEAM: fit athletes share HV training days; a penalty per extra team HV day in a week.
        Compensation sessions of athletes who did not play do not count."""
        mode = self._soft("TEAM")
        if mode == "off":
            return
        weight = self.rules.value("TEAM", "weight")
        m = self.m
        for w in self.open_weeks:
            day_lits = []
            for d in self.tl.weeks[w].days:
                members = [self._team_member(u, d) for u in self.units]
                members = [x for x in members if x is not False]
                if any(x is True for x in members):
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
                ct = m.add(sum(lits) + const <= 1)
                enf = self.guard("TEAM", None, w, w)
                if enf:
                    ct.only_enforce_if(enf)
                continue
            p = m.new_int_var(0, len(day_lits), f"team_pen_{w}")
            m.add(p >= sum(lits) + const - 1)
            self._penalty("TEAM", weight, p)

    # -- DL-7 -----------------------------------------------------------------------------------
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
            if not any(p in ("B", "C") for p in prios):
                continue
            cost = sum(wb for p in prios if p == "B") + sum(wc for p in prios if p == "C")
            if mode == "hard":
                self.clause([neg(dl)], self.guard("DL-7", None, w, w))
            else:
                self._penalty("DL-7", cost, 1 if dl is True else dl)

    # -- HV-DAY ---------------------------------------------------------------------------------
    def hv_day(self) -> None:
        """HV-DAY: HV training prefers MD-3 and MD-4; a small penalty on MD-2, a smaller one on
        other days."""
        mode = self._soft("HV-DAY")
        if mode == "off":
            return
        w2, wo = self.rules.value("HV-DAY", "weight_md2"), self.rules.value("HV-DAY", "weight_other")
        for u in self.units:
            ht = self.hv_training_lits(u)
            for d in range(self.p0, self.n):
                h, f = ht[d], u.fit[d]
                lab = self.tl.label(d)
                if h is False or f is False or lab in ("MD-3", "MD-4"):
                    continue
                cost = (w2 if lab == "MD-2" else wo) * u.size
                if mode == "hard":
                    self.clause([neg(h), neg(f)], self.guard("HV-DAY", u.key, d, d))
                    continue
                a = self._and([h, f], f"{u.key}_hvday_{d}")
                self._penalty("HV-DAY", cost, 1 if a is True else a)

    # -- STAB -----------------------------------------------------------------------------------
    def stab(self) -> None:
        """STAB: in a re-plan, each athlete-day (stage or intensity) or athlete-week (kind) that
        differs from the reference plan costs a little; not a day the athlete is unavailable
        (or not with the squad), nor a week he is away all of from p0: what that forces is no
        change a coach can undo (planner.check, soft_stab, leaves them out alike); nor an athlete
        the reference holds as a placeholder (``Plan.unplanned``): he had no plan to keep."""
        ref = self.reference
        if ref is None or self._soft("STAB") == "off":
            return
        weight = self.rules.value("STAB", "weight")
        for u in self.units:
            rp = ref.for_athlete(u.athletes[0])
            if (rp is None or len(rp.intensity) != self.n or len(rp.weeks) != self.W
                    or u.athletes[0] in ref.unplanned):
                continue
            cost = weight * u.size
            off = self.tl.unavailable(u.athletes[0])  # one unit's athletes share it from p0 - 2
            for d in range(self.p0, self.n):
                if d in off:
                    continue
                same = self._same_day(u, d, rp.stages[d], rp.intensity[d])
                if same is not True:
                    self._penalty("STAB", cost, 1 if same is False else 1 - same)
            for w in self.open_weeks:
                if stab_away(self.tl.weeks[w], self.p0, off):
                    continue
                kind = rp.weeks[w]
                dl, tp = u.deload[w], u.taper[w]
                want = [dl if kind == "deload" else neg(dl), tp if kind == "taper" else neg(tp)]
                same = self._and(want, f"{u.key}_stabw_{w}")
                if same is not True:
                    self._penalty("STAB", cost, 1 if same is False else 1 - same)

    def _same_day(self, u: Unit, d: int, stage: str, value: int):
        """Literal/bool: the unit's stage and final intensity on day d equal (stage, value)."""
        if u.frozen is not None:
            return u.frozen.stages[d] == stage and u.frozen.intensity[d] == value
        conds = []
        if u.injured:
            ep = u.epoch_at(d)
            if stage not in ep.order:
                return False
            k = ep.order.index(stage)
            conds += [ep.stage_lit(k, d), neg(ep.stage_lit(k + 1, d))]
        elif stage != FIT:
            return False
        level = self._same_level(u, d, value)
        if level is None:
            return False
        return self._and(conds + level, f"{u.key}_same_{d}")

    def _same_level(self, u: Unit, d: int, value: int) -> list | None:
        """Conditions for the unit-day's final intensity to equal ``value`` (None: impossible)."""
        lv, play = u.lv[d], u.play[d]
        if play is True:
            return [] if value == u.play_level[d] else None
        if play is not False and value == u.play_level[d]:
            return [play]
        conds = [neg(play)] if play is not False else []
        if value in lv:
            return conds + [lv[value]]
        none = [neg(x) for x in lv.values()]
        default = STEADY if u.steady[d] else u.fixed[d]
        if value == default:
            return conds + none
        if value == 0 and u.steady[d] is False:
            return conds + none
        return None


    def _objective(self) -> None:
        if self.objective_terms:
            self.m.minimize(sum(w * e for w, e in self.objective_terms))


__all__ = ["ObjectiveMixin", "FIT_HV_LEVEL"]
