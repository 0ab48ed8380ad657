"""PIN: whatever the coach pinned (a day's intensity, a week's kind, a stage start) holds."""

from __future__ import annotations

from planner.season import PLAYED_LEVELS, IntensityPin, StagePin, WeekPin
from solver.model.core import ModelBase, neg
from solver.model.units import Unit


class PinsMixin(ModelBase):
    def pin(self) -> None:
        """PIN: pinned intensities, week kinds and stage starts hold."""
        unit_of = {a: u for u in self.units for a in u.athletes}
        for i, p in enumerate(self.season.pins):
            if p.kind == "intensity":
                self._pin_intensity(i, p, unit_of.get(p.athlete))
            elif p.kind == "week":
                self._pin_week(i, p, unit_of.get(p.athlete) if p.athlete else None)
            elif p.kind == "stage_start":
                self._pin_stage(i, p, unit_of.get(p.athlete))

    def _pin_intensity(self, i: int, p: IntensityPin, u: Unit | None) -> None:
        tl = self.tl
        d = tl.index(p.date)
        if d is None or u is None or d < self.p0:
            return
        enf = self.guard("PIN", p.athlete, d, d, str(i))
        if p.intensity > 0 and not u.lv[d] and u.fixed[d] != p.intensity and (
                d in tl.unavailable(p.athlete) or not (tl.is_training[d] or tl.is_comp[d])):
            enf = enf + self.guard("AV-1", p.athlete, d, d)  # the day allows no running
        elif tl.is_comp[d] and u.play[d] is True and p.intensity != u.play_level[d]:
            enf = enf + self.guard("AV-1", p.athlete, d, d, "plays")  # the match sets the level
        elif tl.is_comp[d] and u.play[d] is False and p.intensity in PLAYED_LEVELS:
            enf = enf + self.guard("AV-1", p.athlete, d, d, "out")  # 80 or 100 would be playing
        play = u.play[d]
        if tl.is_comp[d] and play is True:  # the athlete plays: the role sets the level
            if p.intensity != u.play_level[d]:
                self.clause([], enf)
            return
        if tl.is_comp[d] and not isinstance(play, bool):
            # whether the athlete plays is the model's (a return, RE-1): the pin decides it
            if p.intensity == u.play_level[d]:
                self.clause([play], enf)
                for lit in u.lv[d].values():
                    self.clause([neg(lit)], enf)
                return
            self.clause([neg(play)], enf)
        for lvl, lit in u.lv[d].items():
            self.clause([lit] if lvl == p.intensity else [neg(lit)], enf)
        if p.intensity > 0 and p.intensity not in u.lv[d]:
            if not (not u.lv[d] and u.fixed[d] == p.intensity):
                self.clause([], enf)
        elif p.intensity == 0 and not u.lv[d] and u.fixed[d] != 0:
            self.clause([], enf)

    def _pin_week(self, i: int, p: WeekPin, u: Unit | None) -> None:
        w = self.tl.week_index_of_date(p.week)
        if w is None or w < self.tl.first_open_week:
            return
        if p.athlete is None:
            dl, tp = self.team_deload[w], self.team_taper[w]
        elif u is None:
            return
        else:
            dl, tp = u.deload[w], u.taper[w]
        enf = self.guard("PIN", p.athlete, w, w, str(i))
        self.clause([dl if p.week_kind == "deload" else neg(dl)], enf)
        self.clause([tp if p.week_kind == "taper" else neg(tp)], enf)

    def _pin_stage(self, i: int, p: StagePin, u: Unit | None) -> None:
        d = self.tl.index(p.date)
        if d is None or u is None or not u.injured:
            return
        enf = self.guard("PIN", p.athlete, d, d, str(i))
        if d < self.p0:
            ok = u.past_stage[d] == p.stage and (d == 0 or u.past_stage[d - 1] != p.stage)
            if not ok:
                self.clause([], enf)
            return
        ep = u.epoch_at(d)
        if p.stage not in ep.order:
            self.clause([], enf)  # the stage order that day has no such stage
            return
        k = ep.order.index(p.stage)
        if ep.stage_lit(k, d) is False and ep.start_stage is not None and k > ep.start_stage:
            # the minimum days (or a failed test) from the stage held at the epoch's start rule
            # the day out: named beside the pin, or the explanation named the pin alone
            held = ep.order[ep.start_stage]
            enf = enf + self.guard("RH-STAGE", u.key, ep.first, ep.end - 1, f"{held} minimum {p.stage}")
        self.clause([ep.stage_lit(k, d)], enf)
        self.clause([neg(ep.stage_lit(k + 1, d))], enf)
        if d - 1 >= self.p0:
            before = u.epoch_at(d - 1)
            if p.stage in before.order:
                self.clause([neg(before.stage_lit(before.order.index(p.stage), d - 1))], enf)
        elif d - 1 >= 0 and u.past_stage[d - 1] == p.stage:
            self.clause([], enf)
