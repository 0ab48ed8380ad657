"""Rehab families: RH-CAP (stage caps), RH-STAGE (order, durations, exits), RH-11 (sprint ladder)."""

from __future__ import annotations

from solver.model.core import RUN_LEVELS, ModelBase, neg
from solver.model.units import Epoch, Unit


class RehabMixin(ModelBase):
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
                        self.clause([neg(lit), self.stage_lit(u, k, d)], enf)

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
                self.clause([neg(R[k][i]), R[k][i + 1]], order_enf)
            if k + 1 < K:
                both = [r for r in (spans[k], spans[k + 1]) if r]
                if both:
                    for i in range(min(r.start for r in both), max(r.stop for r in both)):
                        self.clause([neg(R[k + 1][i]), R[k][i]], order_enf)
        if c is None:  # flare-up on `first`: the stage held the day before, moved back
            prev = u.epochs[ei - 1]
            fenf = self.guard("RH-STAGE", u.key, first, first, "flare-up")
            for k in range(1, K):
                src = prev.R[k + ep.flare_steps][-1] if k + ep.flare_steps < K else False
                self.clause([neg(R[k][0]), src], fenf)
                self.clause([neg(src), R[k][0]], fenf)
        for k in range(K - 1):
            spec = specs[k]
            denf = self.guard("RH-STAGE", u.key, first, end - 1, f"{u.order[k]} duration")
            # minimum: entering k+1 on day d needs stage k started by d - min_days
            sn = spans[k + 1]
            for d in range(max(first if c is not None else first + 1, first + sn.start), first + sn.stop):
                nxt = R[k + 1][d - first]
                if isinstance(nxt, bool):
                    continue
                self.clause([neg(nxt), reached(k + 1, d - 1), reached(k, d - spec.min_days)], denf)
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
                        self.clause([neg(reached(k, x)), R[k + 1][x + mx - first]], denf)
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
                cond.append(neg(R[k + 1][0]))
            ys = []
            for d in range(first, end):
                lit = u.lv[d].get(spec.cap)
                if lit is None or isinstance(lit, bool) or self.tl.is_comp[d]:
                    continue
                y = m.new_bool_var(f"{u.key}_exit{k}_{d}")
                m.add_implication(y, lit)
                self.clause([neg(y), reached(k, d)], [])
                self.clause([neg(y), neg(R[k + 1][d - first])], [])
                ys.append(y)
            need = spec.exit_days - (u.past_cap_days if c is not None and k == c else 0)
            if need <= 0:
                continue
            eenf = self.guard("RH-STAGE", u.key, first, end - 1, f"{u.order[k]} exit")
            if len(ys) < need:
                self.clause([neg(x) for x in cond], eenf)
            else:
                m.add(sum(ys) >= need).only_enforce_if(cond + eenf)

    def _ladder_ok(self, u: Unit, ei: int, ep: Epoch, lower: int, sps: int) -> list:
        """Per day of the epoch: has level ``lower`` been done on ``sps`` days since the ladder's
        last reset (credit and recorded past included)? Exact sequential-counter literals."""
        key = (u.key, ei, lower)
        cache = self.ladder_cache
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
                self.clause([neg(c), row[i - 1], prev[i - 1]], [])
                self.clause([neg(c), row[i - 1], x], [])
                self.clause([neg(row[i - 1]), c], [])
                self.clause([neg(prev[i - 1]), neg(x), c], [])
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
                self.clause([neg(o), ok[i], cred], [])
                self.clause([neg(ok[i]), o], [])
                self.clause([neg(cred), o], [])
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
                        self.clause([neg(u.lv[d][lvl]), u.fit[d], ok[d - ep.first]], enf)

    def steady_running(self) -> None:
        """Ordinary running (no rule; docs/semantics.md). A rehab athlete runs on every available
        training day the stage allows: at 60 % until the sprint ladder allows 70 %, then at
        70 % unless the day is a planned speed day. A fit injured athlete's training day is
        70 % or an HV session. Fit units need nothing: their free days are 70 % by construction."""
        sps = self.rules.value("RH-11", "sessions_per_step")
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
                    if self.tl.is_comp[d] or 60 not in lv or (u.key, d) in self.pinned_days:
                        continue
                    self.clause(list(lv.values()) + [neg(self.stage_lit(u, k60, d))], [])
                    fit = u.fit[d]
                    self.clause([neg(lv[60]), neg(self.stage_lit(u, k70, d)), neg(ok70[d - ep.first])], [])
                    for lvl in (60, 80):
                        self.clause([neg(lv[lvl]), neg(fit)], [])
