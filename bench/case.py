"""One benchmark case in its own process (so peak memory is the case's own):
``python -m bench.case demo`` or ``python -m bench.case 40`` prints one JSON line."""

from __future__ import annotations

import json
import resource
import sys
import time


def run(spec: str, time_limit: float = 60.0) -> dict:
    from bench.baseline import baseline_plan
    from bench.generate import generated_season
    from planner.check import check_plan
    from solver import SolveRequest, solve

    if spec == "demo":
        from planner.seasonfile import loads
        from templates import path

        season = loads(path("demo.season.json").read_text(encoding="utf-8"))
        label = "demo (24 x 40 weeks)"
    else:
        season = generated_season(int(spec), 52)
        label = f"generated {spec} x 52"
    first: list[float] = []
    t0 = time.monotonic()
    out = solve(SolveRequest(season, time_limit=time_limit),
                on_progress=lambda p: first.append(time.monotonic() - t0) if not first else None)
    wall = time.monotonic() - t0
    t1 = time.monotonic()
    report = check_plan(season, out.plan) if out.plan else None
    check_s = time.monotonic() - t1
    base = check_plan(season, baseline_plan(season))
    return {
        "case": label,
        "status": out.status.value,
        "first_plan_s": first[0] if first else None,
        "total_s": wall,
        "objective": out.objective,
        "gap": out.gap,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "hard_violations": len(report.violations) if report else None,
        "check_s": check_s,
        "solver_penalties": report.penalties() if report else {},
        "baseline_objective": base.objective,
        "baseline_penalties": base.penalties(),
        "baseline_hard": len(base.violations),
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 60.0)))
