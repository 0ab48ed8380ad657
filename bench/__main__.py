"""``make bench``: solver benchmarks; prints a table and writes bench/RESULTS.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import sys
import time
from pathlib import Path

from bench.generate import generated_season
from planner.check import check_plan
from solver import SolveRequest, solve
from solver.model import SOFT_IN_V1

HERE = Path(__file__).resolve().parent


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def bench_solve(label: str, season, time_limit: float = 60.0) -> dict:
    first = []
    t0 = time.monotonic()
    out = solve(SolveRequest(season, time_limit=time_limit),
                on_progress=lambda p: first.append(time.monotonic() - t0) if not first else None)
    wall = time.monotonic() - t0
    report = check_plan(season, out.plan, rules_in_objective=set(SOFT_IN_V1)) if out.plan else None
    return {
        "case": label,
        "status": out.status.value,
        "first plan s": f"{first[0]:.2f}" if first else "-",
        "total s": f"{wall:.2f}",
        "objective": f"{out.objective:g}" if out.objective is not None else "-",
        "gap %": f"{(out.gap or 0) * 100:.1f}" if out.objective is not None else "-",
        "hard violations": str(len(report.violations)) if report else "-",
    }


def main() -> int:
    from planner.seasonfile import loads
    from templates import path

    rows = []
    demo = loads(path("demo.season.json").read_text(encoding="utf-8"))
    rows.append(bench_solve("demo (24 x 40 weeks)", demo))
    for n in (20, 40):
        rows.append(bench_solve(f"generated {n} x 52", generated_season(n, 52)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(r[c] for c in cols) + " |" for r in rows]
    table = "\n".join(lines)
    print(table)
    print(f"peak memory: {peak:.0f} MiB")
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    text = (f"# Benchmark results\n\nMeasured {stamp} on {_machine()} by `make bench` "
            f"(default mode: every core, 60 s limit). Machines are noisy: compare ratios within one run.\n\n"
            f"{table}\n\nPeak memory of the benchmark process: {peak:.0f} MiB.\n")
    (HERE / "RESULTS.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
