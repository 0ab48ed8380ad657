"""Rehab families: RH-CAP, RH-STAGE, RH-11, RH-FL, RH-CRIT, and the steady running of rehab days."""

from __future__ import annotations

from planner.history import flared_level
from planner.rehab import below_flared, max_days
from planner.rules import CALM_CAP
from planner.season import LADDER, SPEED_DAY
from solver.model.core import RUN_LEVELS, ModelBase, neg
from solver.model.units import Epoch, Unit


class RehabMixin(ModelBase):
    def rh_cap(self) -> None:
        """RH-CAP: intensity never exceeds the cap of the day's stage."""
        for u in self.units:
            if not u.injured:
                continue
            for d in range(self.p0, self.n):
                ep = u.epoch_at(d)
                for lvl, lit in u.lv[d].items():
                    k = ep.level_stage(lvl)
                    if k > 0:
                        enf = self.guard("RH-CAP", u.key, d, d)
                        self.clause([neg(lit), ep.stage_lit(k, d)], enf)

    def rh_fl(self) -> None:
        """RH-FL: no running on a flare-up's day and at most ``CALM_CAP`` % on its calm days (up to the
        `calm_days`-th day after it the athlete trains: planner.timeline.Timeline.calm_days).

        Built into the day domains (a flare-up day has no training level, a calm day only ``CALM_CAP``);
        the guarded model of an explanation states it as clauses instead."""
        if not self.guarded:
            return
        for u in self.units:
            for d in sorted(u.flare_days | u.calm_days):
                if not (self.p0 <= d < self.n):
                    continue
                limit = 0 if d in u.flare_days else CALM_CAP
                enf = self.guard("RH-FL", u.key, d, d)
                for lvl, lit in u.lv[d].items():
                    if lvl > limit:
                        self.clause([neg(lit)], enf)

    def rh_crit(self) -> None:
        """RH-CRIT: a failing latest criteria result holds the athlete in the stage until the
        test's date + `retest_days`. Built into the stage windows of the epoch at p0 (the only
        stage that can have results: tests are history); provisional exits are reported by the
        planner, never constrained."""

    def rh_stage(self) -> None:
        """RH-STAGE: stages in protocol order without skipping, within min-max days, left only after
        the exit requirement is met inside the stage; a flare-up moves back (one epoch each); a
        stage record or an onset starts a new epoch at its recorded state."""
        for u in self.units:
            for ei, ep in enumerate(u.epochs):
                if ep.rehab:
                    self._stage_epoch(u, ei, ep)

    def _stage_epoch(self, u: Unit, ei: int, ep: Epoch) -> None:
        spans = [self._span(ep, k) for k in range(ep.K + 1)]
        self._stage_order(u, ep, spans)
        if ep.start_stage is None:
            self._stage_flare_link(u, ep, u.epochs[ei - 1])
        for k in range(ep.K - 1):
            enf = self.guard("RH-STAGE", u.key, ep.first, ep.end - 1, f"{ep.order[k]} duration")
            self._stage_min(ep, k, spans, enf)
            self._stage_max(ep, k, spans, enf)
            self._stage_exit(u, ep, k)

    @staticmethod
    def _span(ep: Epoch, k: int) -> range:
        """Epoch offsets where R[k] is a variable (outside it, the row is constant)."""
        if k <= 0 or k >= ep.K:
            return range(0)
        idx = [i for i, x in enumerate(ep.R[k]) if not isinstance(x, bool)]
        return range(idx[0], idx[-1] + 1) if idx else range(0)

    @staticmethod
    def _reached(ep: Epoch, k: int, x: int):
        """Stage >= k on absolute day x, or before the epoch: has stage k started by x?"""
        c, sc, first = ep.start_stage, ep.start_day, ep.first
        if k <= 0:
            return x >= (sc if c is not None else first)
        if x >= first:
            return ep.R[k][x - first]
        if c is not None:  # a known start: only the recorded stage started before the epoch
            return k < c or (k == c and x >= sc)
        return False

    def _stage_order(self, u: Unit, ep: Epoch, spans: list[range]) -> None:
        """Monotone in time and in stage order."""
        R, L = ep.R, ep.end - ep.first
        enf = self.guard("RH-STAGE", u.key, ep.first, ep.end - 1, "order")
        for k in range(1, ep.K):
            sk = spans[k]
            for i in range(max(0, sk.start - 1), min(L - 1, sk.stop)):
                self.clause([neg(R[k][i]), R[k][i + 1]], enf)
            if k + 1 < ep.K:
                both = [r for r in (spans[k], spans[k + 1]) if r]
                if both:
                    for i in range(min(r.start for r in both), max(r.stop for r in both)):
                        self.clause([neg(R[k + 1][i]), R[k][i]], enf)

    def _stage_flare_link(self, u: Unit, ep: Epoch, prev: Epoch) -> None:
        """A flare-up on the epoch's first day: the stage held the day before, moved back."""
        enf = self.guard("RH-STAGE", u.key, ep.first, ep.first, "flare-up")
        for k in range(1, ep.K):
            j = k + ep.flare_steps
            src = prev.R[j][-1] if j < prev.K else False
            self.clause([neg(ep.R[k][0]), src], enf)
            self.clause([neg(src), ep.R[k][0]], enf)

    def _stage_min(self, ep: Epoch, k: int, spans: list[range], enf: list) -> None:
        """Entering k+1 on day d needs stage k started by d - min_days."""
        first, c = ep.first, ep.start_stage
        spec = ep.protocol.stage(ep.order[k])
        sn = spans[k + 1]
        for d in range(max(first if c is not None else first + 1, first + sn.start), first + sn.stop):
            nxt = ep.R[k + 1][d - first]
            if isinstance(nxt, bool):
                continue
            self.clause([neg(nxt), self._reached(ep, k + 1, d - 1),
                         self._reached(ep, k, d - spec.min_days)], enf)

    def _stage_max(self, ep: Epoch, k: int, spans: list[range], enf: list) -> None:
        """Stage k held on day x -> stage k+1 by x + max_days."""
        first, end, c = ep.first, ep.end, ep.start_stage
        spec = ep.protocol.stage(ep.order[k])
        mx = spec.max_days
        if c is not None and k == c:
            mx = max_days(spec, ep.open_max)  # redone after a flare-up: twice the maximum
            t = ep.start_day + mx
            if t <= first:  # its maximum reached before today (a projected change not done):
                t = first + mx  # it counts again from today (rules-spec section 9, semantics.md)
            if t < end:
                self.clause([ep.R[k + 1][t - first]], enf)
            return
        if c is not None and k < c:
            return
        sk, sn = spans[k], spans[k + 1]
        xs = set(range(first + sk.start, first + sk.stop)) | set(
            range(first + sn.start - mx, first + sn.stop - mx))
        if k == 0:
            xs.add(first)
        # after a flare-up the stage it entered (the one held on the epoch's first day) may last
        # twice its maximum (docs/semantics.md): its run is bounded from the first day alone
        flare = ep.kind == "flare"
        held = self._reached(ep, k, first) if flare else False
        if flare:
            longest = max_days(spec, True)
            if first + longest < end:
                self.clause([neg(held), ep.R[k + 1][first + longest - first]], enf)
        for x in sorted(xs):
            if first <= x < end - mx and not (flare and x == first):
                self.clause([neg(self._reached(ep, k, x)), held, ep.R[k + 1][x + mx - first]], enf)

    def _stage_exit(self, u: Unit, ep: Epoch, k: int) -> None:
        """Leaving k by progression inside the epoch needs its days at the cap inside the stage."""
        spec = ep.protocol.stage(ep.order[k])
        if spec.exit_kind != "days_at_cap":
            return
        c, first, end = ep.start_stage, ep.first, ep.end
        left = ep.R[k + 1][end - first - 1]
        if left is False or (c is not None and k < c):
            return
        cond = [] if left is True else [left]
        if c is None:
            if ep.R[k + 1][0] is True:
                return
            cond.append(neg(ep.R[k + 1][0]))
        ys = []
        for d in range(first, end):
            lit = u.lv[d].get(spec.cap)
            if lit is None or isinstance(lit, bool) or self.tl.is_comp[d]:
                continue
            if self._reached(ep, k, d) is False or ep.R[k + 1][d - first] is True:
                continue  # not in stage k that day, whatever the plan
            y = self.m.new_bool_var(f"{u.key}_exit{k}_{d}")
            self.m.add_implication(y, lit)
            self.clause([neg(y), self._reached(ep, k, d)], [])
            self.clause([neg(y), neg(ep.R[k + 1][d - first])], [])
            ys.append(y)
        need = spec.exit_days - (ep.past_cap_days if c is not None and k == c else 0)
        if need <= 0:
            return
        enf = self.guard("RH-STAGE", u.key, first, end - 1, f"{ep.order[k]} exit")
        if len(ys) < need:
            self.clause([neg(x) for x in cond], enf)
        else:
            self.m.add(sum(ys) >= need).only_enforce_if(cond + enf)

    # -- RH-11 ----------------------------------------------------------------------------------
    def _credited(self, ep: Epoch, lower: int):
        """Is ``lower`` credited at the epoch's reset? A bool, or after a flare-up the literal
        "the stage entered has a cap at least `flare_credit_levels` levels above ``lower``", and
        ``lower`` below the top speed logged on the flare-up's day (planner.rehab.ladder_credit)."""
        if ep.start_stage is not None:
            return lower in ep.credit
        day = self.tl.days[ep.first]
        if not below_flared(lower, flared_level(self.season, ep.record.athlete, day)):
            return False
        f = self.rules.value("RH-11", "flare_credit_levels")
        j = LADDER.index(lower) + f
        if j >= len(LADDER):
            return False
        kk = ep.level_stage(LADDER[j])
        return ep.R[kk][0] if kk < ep.K - 1 else False

    def _ladder_ok(self, u: Unit, ep: Epoch, lower: int, sps: int) -> list:
        """Per day of the epoch: has level ``lower`` been done on ``sps`` days since the ladder's
        last reset (credit and recorded past included)? Exact sequential-counter literals."""
        key = (u.key, ep.first, lower)
        if key in self.ladder_cache:
            return self.ladder_cache[key]
        # counts matter only while the athlete may still be in rehab
        L_full = ep.end - ep.first
        L = next((d - ep.first for d in range(ep.first, ep.end) if u.fit[d] is True), L_full)
        cred = self._credited(ep, lower)
        need = sps - ep.past_counts.get(lower, 0)
        if cred is True or need <= 0:
            ok = [True] * L_full
        else:
            ok = self._counter(u, ep, lower, need, L)
            if cred is not False:
                ok = [self._or2(x, cred, f"{u.key}_ladok{lower}_{ep.first + i}") for i, x in enumerate(ok)]
            ok = list(ok) + [True] * (L_full - L)  # certainly fit: no ladder any more
        self.ladder_cache[key] = ok
        return ok

    def _counter(self, u: Unit, ep: Epoch, lower: int, need: int, L: int) -> list:
        """ok[i]: level ``lower`` done on at least ``need`` days among the epoch's first i days."""
        prev: list = [True] * (L + 1)  # "done >= 0 times"
        for t in range(1, need + 1):
            row: list = [False]
            for i in range(1, L + 1):
                d = ep.first + i - 1
                x = False if self.tl.is_comp[d] else u.lv[d].get(lower, False)
                if x is False and prev[i - 1] is not True and row[i - 1] is False:
                    row.append(False)
                    continue
                c = self.m.new_bool_var(f"{u.key}_lad{lower}_{t}_{d}")
                # c == row[i-1] or (prev[i-1] and x)
                self.clause([neg(c), row[i - 1], prev[i - 1]], [])
                self.clause([neg(c), row[i - 1], x], [])
                self.clause([neg(row[i - 1]), c], [])
                self.clause([neg(prev[i - 1]), neg(x), c], [])
                row.append(c)
            prev = row
        return prev[:L]

    def _or2(self, a, b, name: str):
        if a is True or b is True:
            return True
        if a is False:
            return b
        if b is False:
            return a
        o = self.m.new_bool_var(name)
        self.clause([neg(o), a, b], [])
        self.clause([neg(a), o], [])
        self.clause([neg(b), o], [])
        return o

    def rh_11(self) -> None:
        """RH-11: sprint ladder. A rehab day above 60 % needs the level below done on
        `sessions_per_step` days since the last reset (stage record or flare-up), credit
        included; after a flare-up only `flare_credit_levels` below the new stage's cap are
        credited."""
        sps = self.rules.value("RH-11", "sessions_per_step")
        for u in self.units:
            for ep in u.epochs:
                if not ep.rehab:
                    continue
                for j in range(1, len(RUN_LEVELS)):
                    lower, lvl = RUN_LEVELS[j - 1], RUN_LEVELS[j]
                    users = [d for d in range(ep.first, ep.end)
                             if lvl in u.lv[d] and not self.tl.is_comp[d] and u.fit[d] is not True]
                    if not users:
                        continue
                    ok = self._ladder_ok(u, ep, lower, sps)
                    enf = self.guard("RH-11", u.key, ep.first, ep.end - 1, f"{lvl}")
                    for d in users:
                        self.clause([neg(u.lv[d][lvl]), u.fit[d], ok[d - ep.first]], enf)

    def steady_running(self) -> None:
        """Ordinary running (no rule; docs/semantics.md). A rehab athlete runs on every available
        training day the stage allows: at 60 % until the sprint ladder allows 70 %, then at 70 %
        unless the day is a planned speed day. A fit day of an injured athlete (training, or a
        competition day not played) is 70 % or speed training at 80-95 %."""
        sps = self.rules.value("RH-11", "sessions_per_step")
        for u in self.units:
            for ep in u.epochs:
                if not ep.rehab:
                    continue
                k60, k70 = ep.level_stage(60), ep.level_stage(70)
                ok70 = self._ladder_ok(u, ep, 60, sps)
                for d in range(ep.first, ep.end):
                    lv = u.lv[d]
                    if 60 not in lv or (u.key, d) in self.pinned_days:
                        continue
                    fit = u.fit[d]
                    # the first training day after a match the athlete started (back from rehab)
                    # is a recovery session, no running (docs/semantics.md): a competition day
                    # he sits out too (a returner out of the second of two matches ran 70 %)
                    # (a certain start, as the guarded model may meet where fit is not certain:
                    # the must-run clause holds at once and every level below 80 is out)
                    start = self._start_before(u, d, same_epoch=True)
                    after = [start] if start is not None else []
                    if self.tl.is_comp[d]:  # only a fit athlete who does not play trains then
                        self.clause(list(lv.values()) + [neg(fit), u.play[d]] + after, [])
                    else:
                        self.clause(list(lv.values()) + [neg(ep.stage_lit(k60, d))] + after, [])
                    if start is not None:  # no steady running then (speed if HV-6 allows)
                        for lvl, x in lv.items():
                            if lvl < SPEED_DAY:
                                self.clause([neg(start), neg(x)], [])
                    if 70 in lv:
                        self.clause([neg(lv[60]), neg(ep.stage_lit(k70, d)),
                                     neg(ok70[d - ep.first])], [])
                    for lvl in (60, 100):
                        # fit, the athlete runs at 70 or faster; a calm day allows no more than
                        # CALM_CAP (RH-FL), fit or not
                        if lvl in lv and not (lvl == CALM_CAP and d in u.calm_days):
                            self.clause([neg(lv[lvl]), neg(fit)], [])
