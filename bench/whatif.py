"""What-if benchmark (issue 6): on 40 x 52, one-edit scenarios re-planned from the cold plan.

Reports the median re-plan time / median cold solve time (3 runs each) (target <= 0.25) and changed athlete-days of the re-plan /
changed athlete-days of a cold re-solve of the edited season (target <= 0.3); changed days are
counted by the plan checker's STAB measure (athlete-days and athlete-weeks that differ).
``python -m bench.whatif`` prints one JSON line per scenario."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time

from bench.generate import START, generated_season
from planner import edits as E
from planner.check import check_plan
from planner.season import Unavailability
from solver import SolveRequest, solve
from solver.whatif import replan


def main(n: int = 40) -> list[dict]:
    s = generated_season(n, 52)
    times = []
    for _ in range(3):  # the median of three runs: these machines are noisy
        t = time.monotonic()
        cold = solve(SolveRequest(s, time_limit=60))
        times.append(time.monotonic() - t)
    t_cold = statistics.median(times)
    p0 = cold.plan
    s0 = s.model_copy(update={"plan": p0})
    inj = s.injuries[0].athlete
    a_comp = next(c for c in s.competitions if c.priority == "A")
    fit = next(a.id for a in s.athletes if s.injury_of(a.id) is None)
    scenarios = {
        "flare-up in week 12": E.RecordFlareUp(athlete=inj, date=START + dt.timedelta(days=12 * 7 + 2)),
        "A competition a week earlier": E.MoveCompetition(competition=a_comp.id, date=a_comp.date - dt.timedelta(days=7)),
        "athlete unavailable 10 days": E.AddUnavailability(unavailability=Unavailability(
            athlete=fit, start=START + dt.timedelta(days=105), end=START + dt.timedelta(days=114))),
    }
    rows = []
    for name, edit in scenarios.items():
        after = edit.apply(s0)
        times = []
        for _ in range(3):
            t = time.monotonic()
            re = replan(s0, after, p0, time_limit=60)
            times.append(time.monotonic() - t)
        t_re = statistics.median(times)
        again = solve(SolveRequest(after, time_limit=60))
        ch_re = check_plan(after, re.plan, reference=p0).counts().get("STAB", 0)
        ch_cold = check_plan(after, again.plan, reference=p0).counts().get("STAB", 0)
        rows.append({"scenario": name, "cold_s": t_cold, "replan_s": t_re, "time_ratio": t_re / t_cold,
                     "changed_replan": ch_re, "changed_cold": ch_cold,
                     "change_ratio": ch_re / max(1, ch_cold), "status": re.status.value,
                     "hard": len(check_plan(after, re.plan).violations),
                     "objective_replan": re.objective, "objective_cold": again.objective})
    return rows


if __name__ == "__main__":
    for row in main():
        print(json.dumps(row))
