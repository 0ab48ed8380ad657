"""``make bench``: solver benchmarks; prints a table and writes bench/RESULTS.md.

Each case runs in its own process. Targets on a 2-core machine (issue 3): 40 x 52 proven
optimal in <= 10 s with a first plan in <= 1 s; 120 x 52 first plan <= 5 s, optimal <= 60 s.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from bench import machine

HERE = Path(__file__).resolve().parent
CASES = ("demo", "20", "40", "60", "120")


def _f(v, fmt="{:.2f}") -> str:
    return "-" if v is None else fmt.format(v)


def main() -> int:
    rows = []
    for spec in CASES:
        out = subprocess.run([sys.executable, "-m", "bench.case", spec], capture_output=True, text=True,
                             cwd=HERE.parent, timeout=600)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['case']}: {r['status']} first {_f(r['first_plan_s'])} s, total {_f(r['total_s'])} s",
              flush=True)
    head = ["case", "status", "first plan s", "optimal/total s", "gap %", "peak MiB", "hard viol.",
            "check s", "solver penalty", "baseline penalty", "baseline hard viol."]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join([
            r["case"], r["status"], _f(r["first_plan_s"]), _f(r["total_s"]),
            _f((r["gap"] or 0) * 100, "{:.1f}"), _f(r["peak_mib"], "{:.0f}"), str(r["hard_violations"]),
            _f(r["check_s"], "{:.3f}"), _f(r["objective"], "{:g}"), str(r["baseline_objective"]),
            str(r["baseline_hard"]),
        ]) + " |")
    rules = sorted({k for r in rows for k in (r["solver_penalties"] | r["baseline_penalties"])})
    pen = ["| case | " + " | ".join(f"{k} solver / baseline" for k in rules) + " |",
           "|" + "---|" * (len(rules) + 1)]
    for r in rows:
        pen.append(f"| {r['case']} | " + " | ".join(
            f"{r['solver_penalties'].get(k, 0)} / {r['baseline_penalties'].get(k, 0)}" for k in rules) + " |")
    table, ptable = "\n".join(lines), "\n".join(pen)
    out = subprocess.run([sys.executable, "-m", "bench.whatif"], capture_output=True, text=True,
                         cwd=HERE.parent, timeout=900)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return 1
    wrows = [json.loads(x) for x in out.stdout.strip().splitlines()]
    wlines = ["| scenario (40 x 52) | re-plan s | cold solve s | time ratio (<= 0.25) | changed days re-plan "
              "| changed days cold re-solve | change ratio (<= 0.3) | status | hard viol. |",
              "|" + "---|" * 9]
    for r in wrows:
        wlines.append(f"| {r['scenario']} | {r['replan_s']:.2f} | {r['cold_s']:.2f} | {r['time_ratio']:.2f} | "
                      f"{r['changed_replan']} | {r['changed_cold']} | {r['change_ratio']:.2f} | {r['status']} | "
                      f"{r['hard']} |")
    wtable = "\n".join(wlines)
    print(wtable)
    print(table)
    print(ptable)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    notes = (HERE / "NOTES.md").read_text(encoding="utf-8") if (HERE / "NOTES.md").exists() else ""
    text = (f"# Benchmark results\n\nMeasured {stamp} on {machine()} by `make bench` "
            f"(default solve mode, 60 s limit, each case in its own process). Machines are noisy: "
            f"compare within one run.\n\n{table}\n\n"
            f"Soft-rule penalties of the solver's plan against the rule-template baseline "
            f"(`bench/baseline.py`: deload every 4th week, HV on MD-3, stages at their minimum "
            f"durations). The baseline's hard violations are rules a spreadsheet plan breaks.\n\n"
            f"{ptable}\n\n## What-if re-plans\n\nOne-edit scenarios on the generated 40 x 52 season, "
            f"re-planned from the cold plan (`bench/whatif.py`). Changed days are the plan checker's STAB "
            f"count against the cold plan.\n\n{wtable}\n\n{notes}")
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
