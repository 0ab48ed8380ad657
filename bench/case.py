"""One benchmark case in its own process (so peak memory is the case's own):
``python -m bench.case demo`` or ``python -m bench.case 40`` prints one JSON line.

Cases: the demo (24 x 40 weeks with rotation), generated seasons N x 52 with rotation (a third
of the squad on the bench or out by default, per-match changes, two goalkeepers) and three
injured athletes (a failing criteria test, a flare-up, a plain one); ``40n`` is the same without
rotation. ``--workers K`` uses the plain parallel portfolio instead of the default interleaved
search. Times run from the solve call with OR-Tools already loaded (the app loads it after it
starts; the command line pays about 0.25 s more once)."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import sys
import time


def season_of(spec: str):
    """A case's season; a trailing ``l`` sets LD-1's weight to 20 (the solver then avoids load
    spikes; with the default weight 0 they are only listed)."""
    if spec.endswith("l"):
        from planner.edits import SetRuleValue

        season, label = season_of(spec[:-1])
        return (SetRuleValue(rule="LD-1", param="weight", value=20.0).apply(season),
                label + ", LD-1 weight 20")
    from bench.generate import generated_season

    if spec == "demo":
        from planner.seasonfile import loads
        from templates import path

        return loads(path("demo.season.json").read_text(encoding="utf-8")), "demo (24 x 40 weeks)"
    n, rotation = int(spec.rstrip("n")), not spec.endswith("n")
    return generated_season(n, 52, rotation=rotation), (
        f"generated {n} x 52" + ("" if rotation else " (no rotation)"))


def digest(plan) -> str:
    """A short fingerprint of every athlete-day and week of a plan."""
    body = json.dumps([[a.athlete, a.stages, a.intensity, a.weeks] for a in plan.athletes]
                      + [list(plan.team_weeks)])
    return hashlib.sha1(body.encode()).hexdigest()[:16]


def run(spec: str, time_limit: float = 60.0, workers: int = 0, deterministic: bool = False) -> dict:
    import solver.run  # noqa: F401 - OR-Tools loaded first, as the app does after it starts
    from bench.baseline import baseline_plan
    from planner.check import check_plan
    from solver import SolveRequest, solve

    season, label = season_of(spec)
    first: list[float] = []
    t0 = time.monotonic()
    out = solve(SolveRequest(season, time_limit=time_limit, workers=workers, deterministic=deterministic),
                on_progress=lambda p: first.append(time.monotonic() - t0) if not first else None)
    wall = time.monotonic() - t0
    t1 = time.monotonic()
    report = check_plan(season, out.plan) if out.plan else None
    check_s = time.monotonic() - t1
    base = check_plan(season, baseline_plan(season))
    return {
        "case": label, "spec": spec, "status": out.status.value,
        "first_plan_s": first[0] if first else None, "total_s": wall,
        "objective": out.objective, "gap": out.gap,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "hard_violations": len(report.violations) if report else None,
        "check_s": check_s,
        "solver_penalties": report.penalties() if report else {},
        "ld1_spikes": report.counts().get("LD-1", 0) if report else None,
        "baseline_objective": base.objective, "baseline_penalties": base.penalties(),
        "baseline_hard": len(base.violations),
        "digest": digest(out.plan) if out.plan else None,
        "plan_days": {a.athlete: [a.stages, a.intensity] for a in out.plan.athletes} if out.plan else {},
    }


def _args(argv: list[str]) -> argparse.Namespace:
    """The case's arguments; a wrong one is said in one line, not a traceback."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.case", description=__doc__.split("\n\n")[0],
        epilog="cases: demo, N (N x 52 with rotation), Nn (without rotation), Nl (LD-1 at weight 20)")
    parser.add_argument("case", help="demo, or a squad size such as 40, 40n or 40l")
    parser.add_argument("seconds", nargs="?", type=float, default=60.0,
                        help="the solver's time limit (default 60)")
    parser.add_argument("--workers", type=int, default=0,
                        help="use the plain parallel portfolio with K workers")
    parser.add_argument("--deterministic", action="store_true")
    args = parser.parse_args(argv)
    if not re.fullmatch(r"demo|[1-9][0-9]*n?l?|demol", args.case):
        parser.error(f"case {args.case!r}: give demo or a squad size such as 40, 40n or 40l")
    return args


if __name__ == "__main__":
    a = _args(sys.argv[1:])
    print(json.dumps(run(a.case, a.seconds, a.workers, a.deterministic)))
