"""``make bench``: solver benchmarks; prints tables and writes bench/RESULTS.md.

Each case runs in its own process. Targets on a 2-core machine (rules v2, issue "The week as it
really is"): 40 x 52 with rotation proven optimal <= 5 s with a first plan <= 1 s, also with LD-1 steering (``40l``); 120 x 52
proven optimal <= 30 s; the same season solved twice in deterministic mode (another process,
another hash seed): 0 differing athlete-days; a what-if re-plan as good on returns and targets as
a cold solve in <= 0.25 x its time; the deterministic mode on 40 x 52 proven optimal <= 10 s.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from bench import machine

HERE = Path(__file__).resolve().parent
CASES = ("demo", "20", "40", "40n", "60", "120", "40l", "40nl", "demol")


def _f(v, fmt="{:.2f}") -> str:
    return "-" if v is None else fmt.format(v)


def _case(spec: str, *extra: str, hash_seed: str = "0", limit: str = "120") -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-m", "bench.case", spec, limit, *extra], capture_output=True,
                         text=True, cwd=HERE.parent, timeout=900, env=env)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _differing(a: dict, b: dict) -> int:
    """Athlete-days whose stage or intensity differ between two runs' plans."""
    n = 0
    for aid, (st, it) in a["plan_days"].items():
        st2, it2 = b["plan_days"][aid]
        n += sum(1 for x, y, p, q in zip(st, st2, it, it2, strict=True) if x != y or p != q)
    return n


def _solver_tables(rows: list[dict]) -> tuple[str, str]:
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
    return "\n".join(lines), "\n".join(pen)


def _whatif() -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "bench.whatif"], capture_output=True, text=True,
                         cwd=HERE.parent, timeout=1800)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return [json.loads(x) for x in out.stdout.strip().splitlines()]


def _whatif_table(rows: list[dict]) -> str:
    lines = ["| scenario (40 x 52) | re-plan s | cold solve s | time ratio (<= 0.25) | returns penalty "
             "re-plan / cold (equal) | changed days re-plan / cold | status | hard viol. |",
             "|" + "---|" * 8]
    for r in rows:
        lines.append(f"| {r['scenario']} | {r['replan_s']:.2f} | {r['cold_s']:.2f} | {r['time_ratio']:.2f} | "
                     f"{r['rts_replan']} / {r['rts_cold']} | {r['changed_replan']} / {r['changed_cold']} | "
                     f"{r['status']} | {r['hard']} |")
    return "\n".join(lines)


def _progress() -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "bench.progress"], capture_output=True, text=True,
                         cwd=HERE.parent, timeout=1800)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return {r["figure"]: r for r in (json.loads(x) for x in out.stdout.strip().splitlines())}


def _progress_rows(prog: dict[str, dict]) -> list[tuple]:
    adv, log = prog["advance"], prog["log import"]
    return [
        ("advance one week + re-plan, 40 x 52 with 10 weeks logged: first plan", "<= 1 s",
         f"{adv['first_s']:.2f} s ({adv['status']}, {adv['hard']} hard viol.)",
         adv["first_s"] <= 1 and adv["hard"] == 0),
        ("advance one week + re-plan: done / cold solve to proven optimal (each the faster of two runs)", "<= 0.25 x cold",
         f"{adv['replan_s']:.2f} s / {adv['cold_s']:.2f} s ({adv['cold_status']}) = "
         f"{adv['ratio']:.2f} x; penalty {adv['objective_replan']:g} vs cold {adv['objective_cold']:g}",
         adv["ratio"] <= 0.25),
        (f"log import, a season's CSV ({log['rows']} rows, 40 athletes x 300 days)", "<= 1 s",
         f"{log['total_s']:.2f} s (read {log['read_s']:.2f} s, add {log['add_s']:.2f} s)",
         log["total_s"] <= 1),
    ]


def _proof(r: dict) -> str:
    """A case's time and status, with its LD-1 spikes ("3.1 s (optimal, 5 spikes)")."""
    return f"{r['total_s']:.2f} s ({r['status']}, {r['ld1_spikes']} spikes)"


def _steering_rows(by: dict, steer: dict) -> list[tuple]:
    """LD-1 steering (weight 20) on 40 x 52: in the app's 30 s, and in the deterministic mode
    twice (other hash seeds), each against the best plan of the 120 s default run."""
    best, app, det = by["40l"], steer["app"], steer["det"]

    def plan(r: dict) -> str:
        return f"{r['objective']:g} ({r['ld1_spikes']} spikes, {r['total_s']:.1f} s)"

    return [
        ("40 x 52, LD-1 steering in the app's 30 s / `--deterministic` (120 s allowed): objective "
         "against the 120 s run's", "-",
         f"{plan(app)} / {plan(det[0])} against {best['objective']:g}", True),
        ("LD-1 steering, `--deterministic`, 40 x 52 solved twice: differing athlete-days", "0",
         str(steer["det_diff"]), steer["det_diff"] == 0),
    ]


def _targets(by: dict, twice: dict[str, int], det40: dict, parallel: dict, wrows: list[dict],
             prog: dict[str, dict] | None = None, steer: dict | None = None) -> str:
    c40, c120 = by["40"], by["120"]
    ratios = [r["time_ratio"] for r in wrows]
    equal = all(r["rts_replan"] == r["rts_cold"] for r in wrows)
    rows = [
        ("40 x 52, proven optimal (the faster of two runs)", "<= 5 s",
         f"{c40['total_s']:.2f} s ({c40['status']})",
         c40["status"] == "optimal" and c40["total_s"] <= 5),
        ("40 x 52, first plan (the faster of two runs)", "<= 1 s", f"{c40['first_plan_s']:.2f} s", c40["first_plan_s"] <= 1),
        ("40 x 52 with LD-1 steering the plan (weight 20), proven optimal", "<= 5 s",
         f"{by['40l']['total_s']:.2f} s ({by['40l']['status']}, gap "
         f"{(by['40l']['gap'] or 0) * 100:.1f} %)",
         by["40l"]["status"] == "optimal" and by["40l"]["total_s"] <= 5),
        ("40 x 52, LD-1 spikes in the plan: steered (weight 20) / listed only (weight 0)", "-",
         f"{by['40l']['ld1_spikes']} / {by['40']['ld1_spikes']} (objective with LD-1 "
         f"{by['40l']['objective']:g})", True),
        ("for comparison: LD-1 steering (weight 20) proven optimal on 40 x 52 without rotation / "
         "the demo", "-", f"{_proof(by['40nl'])} / {_proof(by['demol'])}", True),
        *(_steering_rows(by, steer) if steer else []),
        ("120 x 52, proven optimal", "<= 30 s", f"{c120['total_s']:.2f} s ({c120['status']})",
         c120["status"] == "optimal" and c120["total_s"] <= 30),
        ("same season solved twice, `--deterministic` (one search thread): differing athlete-days", "0",
         f"{twice['det40']} (40 x 52), {twice['detdemo']} (demo)",
         twice["det40"] == 0 and twice["detdemo"] == 0),
        ("for comparison: the default (interleaved threads) solved twice: differing athlete-days", "-",
         f"{twice['40']} (40 x 52), {twice['demo']} (demo)", True),
        ("what-if re-plan returns vs cold optimum; time (each the faster of two runs)", "equal; <= 0.25 x cold",
         f"{'equal' if equal else 'NOT equal'}; {min(ratios):.2f}-{max(ratios):.2f} x cold",
         equal and max(ratios) <= 0.25),
        ("deterministic mode (`--deterministic`), 40 x 52, proven optimal (the faster of two runs)",
         "<= 10 s", f"{det40['total_s']:.2f} s ({det40['status']}), first plan {det40['first_plan_s']:.2f} s",
         det40["status"] == "optimal" and det40["total_s"] <= 10),
        ("for comparison: the plain parallel portfolio, 40 x 52", "-",
         f"{parallel['total_s']:.2f} s ({parallel['status']}), not reproducible", True),
    ] + (_progress_rows(prog) if prog else [])
    out = ["| figure | target | measured | met |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {'yes' if ok else 'no'} |" for a, b, c, ok in rows]
    return "\n".join(out)


def main() -> int:
    rows = []
    for spec in CASES:
        r = _case(spec)
        rows.append(r)
        print(f"{r['case']}: {r['status']} first {_f(r['first_plan_s'])} s, total {_f(r['total_s'])} s",
              flush=True)
    by = {r["spec"]: r for r in rows}
    again = _case("40", hash_seed="12345")
    # the same search twice: its times are the less noisy of the two runs, so the 40 x 52 targets
    # quote the faster run
    best40 = {**by["40"], **{k: min(by["40"][k], again[k]) for k in ("first_plan_s", "total_s")}}
    det = [_case("40", "--deterministic", hash_seed=h) for h in ("0", "12345")]
    detdemo = [_case("demo", "--deterministic", hash_seed=h) for h in ("0", "777")]
    det40 = {**det[0], **{k: min(det[0][k], det[1][k]) for k in ("first_plan_s", "total_s")}}
    twice = {"40": _differing(by["40"], again), "demo": _differing(by["demo"], _case("demo", hash_seed="777")),
             "det40": _differing(*det), "detdemo": _differing(*detdemo)}
    parallel = _case("40", "--workers", "4")
    steer_det = [_case("40l", "--deterministic", hash_seed=h) for h in ("0", "4321")]
    steer = {"app": _case("40l", limit="30"), "det": steer_det, "det_diff": _differing(*steer_det)}
    print(f"solved twice, differing athlete-days: {twice}", flush=True)
    wrows = _whatif()
    prog = _progress()
    table, ptable = _solver_tables(rows)
    wtable = _whatif_table(wrows)
    targets = _targets({**by, "40": best40}, twice, det40, parallel, wrows, prog, steer)
    for t in (targets, table, ptable, wtable):
        print(t)
        print()
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    notes = (HERE / "NOTES.md").read_text(encoding="utf-8") if (HERE / "NOTES.md").exists() else ""
    text = (f"# Benchmark results\n\nMeasured {stamp} on {machine()} by `make bench` (the default "
            f"solve: interleaved search, fixed seed, 120 s limit, unless a row says otherwise; each case "
            f"in its own process). "
            f"Machines are noisy: compare within one run.\n\n## Targets\n\n{targets}\n\n"
            f"## Solver\n\nGenerated seasons have rotation (two goalkeepers, a third of the squad on "
            f"the bench or out by default, two role changes per league match) and three injured "
            f"athletes (a failed strength test, a flare-up, a plain one); `no rotation` drops the "
            f"roles.\n\n{table}\n\n"
            f"Soft-rule penalties of the solver's plan against the rule-template baseline "
            f"(`bench/baseline.py`: deload every 4th week, HV on MD-3, players at their role, stages "
            f"at their minimum durations). The baseline's hard violations are rules a spreadsheet "
            f"plan breaks.\n\n{ptable}\n\n## What-if re-plans\n\nOne-edit scenarios on the generated "
            f"40 x 52 season, re-planned from the cold plan (`bench/whatif.py`); the returns penalty "
            f"is RTS (days back and missed targets); changed days are the plan checker's STAB count "
            f"against the cold plan.\n\n{wtable}\n\n{notes}")
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
