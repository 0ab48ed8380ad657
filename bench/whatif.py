"""What-if benchmark: one-edit scenarios on the generated 40 x 52 season (rotation, three
injured), each re-planned from the cold plan as the app and ``periodize whatif`` re-plan it
(``replan_scenario``: an injury's days before its onset kept as planned), against a cold solve of
the edited season.

Per scenario: re-plan time / cold solve time of the edited season (target <= 0.25; each the
faster of two runs of the same search), the return
penalties (RTS: days back and missed targets) of the re-plan against the cold optimum's (target:
equal), changed athlete-days of the re-plan against a cold re-solve (the plan checker's STAB
count), whether the re-plan is proven optimal, and hard violations (0).
``python -m bench.whatif`` prints one JSON line per scenario."""

from __future__ import annotations

import datetime as dt
import json
import time

from bench.generate import START, generated_season
from planner import edits as E
from planner.check import check_plan
from planner.season import Unavailability
from solver import SolveRequest, solve
from solver.whatif import replan_scenario


def scenarios(s) -> dict:
    injured = [i.athlete for i in s.injuries]
    a_comp = next(c for c in s.competitions if c.priority == "A")
    fit = [a.id for a in s.athletes if not s.injuries_of(a.id) and a.role == "start"
           and a.position != "Goalkeeper"]
    return {
        "flare-up in week 4": E.RecordFlareUp(athlete=injured[0], date=START + dt.timedelta(days=3 * 7 + 2)),
        "A competition a week earlier": E.MoveCompetition(competition=a_comp.id,
                                                          date=a_comp.date - dt.timedelta(days=7)),
        "athlete unavailable 10 days": E.AddUnavailability(unavailability=Unavailability(
            athlete=fit[0], start=START + dt.timedelta(days=105), end=START + dt.timedelta(days=114))),
        "striker strains a hamstring": E.AddInjury(athlete=fit[1], protocol="hamstring-strain",
                                                   onset=a_comp.date - dt.timedelta(days=21)),
        "a starter rested for the A match": E.SetRole(competition=a_comp.id, athlete=fit[2], role="out"),
    }


def _faster_of_two(run):
    """(result, seconds) of the faster of two runs of the same search (fixed seed, fixed
    workers): the faster run is the one the machine's noise disturbed least."""
    best = None
    for _ in range(2):
        t = time.monotonic()
        out = run()
        took = time.monotonic() - t
        if best is None or took < best[1]:
            best = (out, took)
    return best


def main(n: int = 40) -> list[dict]:
    s = generated_season(n, 52)
    cold0 = solve(SolveRequest(s, time_limit=120))
    p0 = cold0.plan
    s0 = s.model_copy(update={"plan": p0})
    rows = []
    for name, edit in scenarios(s).items():
        after = edit.apply(s0)
        re, t_re = _faster_of_two(lambda a=after: replan_scenario(s0, a, p0, time_limit=120))
        cold, t_cold = _faster_of_two(
            lambda a=after: solve(SolveRequest(a.model_copy(update={"plan": None}), time_limit=120)))
        rts_re = check_plan(after, re.plan).penalties().get("RTS", 0)
        rts_cold = check_plan(after, cold.plan).penalties().get("RTS", 0)
        rows.append({
            "scenario": name, "cold_s": t_cold, "replan_s": t_re, "time_ratio": t_re / t_cold,
            "rts_replan": rts_re, "rts_cold": rts_cold,
            "changed_replan": check_plan(after, re.plan, reference=p0).counts().get("STAB", 0),
            "changed_cold": check_plan(after, cold.plan, reference=p0).counts().get("STAB", 0),
            "status": re.status.value, "cold_status": cold.status.value,
            "hard": len(check_plan(after, re.plan).violations),
        })
        print(json.dumps(rows[-1]), flush=True)
    return rows


if __name__ == "__main__":
    main()
