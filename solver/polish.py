"""Speed levels no rule chooses, set as a coach reads them (docs/semantics.md, "Intensities the
rules leave free").

A fit athlete's speed training is the 95 % session; 80 % and 90 % are RAMP's first and second
steps after a gap. No rule prices an 80 % day or a 90 % one against the 95 % session, so the
search leaves them wherever they cost nothing: a player out of the squad got 90 % sessions all
season and 80 % "speed days" that are no high-velocity exposure. Stating it in the model costs
the proof of 40 x 52 a quarter of its time (bench/NOTES.md), so it is done on the plan found:

- a 90 % day that is not RAMP's second step becomes the 95 % session (both are HV exposures and
  the same load: no rule and no penalty changes);
- an 80 % day that is not RAMP's first step becomes the 70 % team session (no speed day: HV-2
  and HV-5 only loosen, and no HV exposure is lost), unless without it a later speed day would
  become a ramp step it is too fast for.

Only days the plan decides: from today on, `FIT`, not pinned, and not a competition day the
athlete plays (80 and 100 there are the match). The caller checks the result with the plan
checker and keeps it only when it breaks nothing and costs no more (``solver.run._finish``).

Then the cold starts (``planner.coldstart``): a fit athlete whose first speed day after RAMP's
gap is a match he starts (back from three weeks away, the first match after the winter break)
gets RAMP's first step, 80 %, on the training day before it that the plan checker's HV-2, HV-5,
HV-6 and HV-7 allow (MD-3 or MD-4 first, as the notice names them): RAMP lets the match end the
ramp, so the search had no reason to plan one, and the plan sent a whole squad into its first
match after a break cold. Kept, as above, only when the checker finds it breaks nothing and
costs no more (with LD-1 weighted, a step that makes a week a spike is not added: the notice
stays).
"""

from __future__ import annotations

from planner.check import ramp_walk
from planner.history import pre_season_speed_days
from planner.rules import RuleSet
from planner.season import FIT, PLAYED_LEVELS, RAMP_STEPS, SPEED_DAY, Plan, Season
from planner.timeline import Timeline

SESSION = 95  # a fit athlete's HV training session
STEADY = 70  # the team session without speed work
STEP1_MAX, STEP2_MAX = RAMP_STEPS


def _steps(it: list[int], played: list[bool], before: list[int], g: int) -> tuple[set[int], set[int]]:
    """RAMP's first and second steps (rules-spec.md section 3), as the plan checker walks them
    (``planner.check.ramp_walk``): a speed day that is no played match after ``g`` or more days
    without one (the season start counts as such a gap unless a speed day was logged in the
    ``g`` days before it), and the speed day right after a first."""
    walk = list(ramp_walk([v >= SPEED_DAY for v in it], played, before, g))
    return ({i for i, _l, _g, step in walk if step == 1},
            {i for i, _l, _g, step in walk if step == 2})


def _ramp_holds(it: list[int], played: list[bool], before: list[int], g: int, fit: list[bool],
                p0: int) -> bool:
    step1, step2 = _steps(it, played, before, g)
    return all(it[i] <= STEP1_MAX for i in step1 if i >= p0 and fit[i]) and all(
        it[i] <= STEP2_MAX for i in step2 if i >= p0 and fit[i])


def canonical_levels(season: Season, plan: Plan, raise_only: bool = False) -> Plan | None:
    """``plan`` with the free 80 % and 90 % days set as above (``raise_only``: only the 90 % days
    raised, which changes no load); None when nothing changes."""
    tl = Timeline(season)
    g = int(RuleSet(season.rules).value("RAMP", "gap_days"))
    pinned = {(p.athlete, tl.index(p.date)) for p in season.pins if p.kind == "intensity"}
    changed = False
    athletes = []
    for ap in plan.athletes:
        it = list(ap.intensity)
        fit = [s == FIT for s in ap.stages]
        played = [bool(tl.is_comp[i]) and it[i] in PLAYED_LEVELS for i in range(tl.n)]
        before = pre_season_speed_days(season, ap.athlete)
        free = [i for i in range(tl.p0, tl.n) if fit[i] and not played[i]
                and (ap.athlete, i) not in pinned and it[i] in (STEP1_MAX, STEP2_MAX)]
        if not free:
            athletes.append(ap)
            continue
        step1, step2 = _steps(it, played, before, g)
        new = list(it)
        for i in free:
            if it[i] == STEP2_MAX and i not in step2:
                new[i] = SESSION
        if not _ramp_holds(new, played, before, g, fit, tl.p0):
            new = list(it)  # never: a raised day is no step, and steps depend on speed days only
        for i in [] if raise_only else free:
            if it[i] == STEP1_MAX and i not in step1:
                new[i] = STEADY
                if not _ramp_holds(new, played, before, g, fit, tl.p0):
                    new[i] = STEP1_MAX  # it keeps a later speed day out of a ramp
        if new != it:
            changed = True
            athletes.append(ap.model_copy(update={"intensity": tuple(new)}))
        else:
            athletes.append(ap)
    return plan.model_copy(update={"athletes": tuple(athletes)}) if changed else None


def ramped_cold_starts(season: Season, plan: Plan) -> Plan | None:
    """``plan`` with an 80 % day on the first open training day named for each cold start (a
    team session, not pinned); None when there is none to add."""
    from planner.coldstart import cold_starts

    tl = Timeline(season)
    pinned = {(p.athlete, tl.index(p.date)) for p in season.pins if p.kind == "intensity"}
    new = {ap.athlete: list(ap.intensity) for ap in plan.athletes}
    added = False
    for c in cold_starts(season.model_copy(update={"plan": plan})):
        it = new.get(c.athlete)
        days = [tl.index(d) for d, _label in c.open_days]
        k = next((k for k in days if k is not None and (c.athlete, k) not in pinned
                  and it is not None and 0 < it[k] < SPEED_DAY), None)
        if k is not None:
            it[k] = STEP1_MAX
            added = True
    if not added:
        return None
    return plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": tuple(new[ap.athlete])}) if new[ap.athlete] != list(ap.intensity)
        else ap for ap in plan.athletes)})


__all__ = ["canonical_levels", "ramped_cold_starts"]
