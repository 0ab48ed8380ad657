"""Season-in-progress benchmark (rules-spec.md section 9): the generated 40 x 52 season lived
week by week. Ten weeks are advanced with logged sessions (each re-planned from today); then
one more week is advanced and re-planned, timed to its first plan and to its end, against a cold
solve of the same advanced season (same history, no stored plan to keep) to proven optimal (each
the faster of two runs).
The log import reads a whole season's log (40 athletes x 300 days) from CSV and adds it.
``python -m bench.progress`` prints one JSON line per figure."""

from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import generated_season
from planner import edits as E
from planner.check import check_plan
from planner.progress import next_week_start, projected_transitions
from planner.simulate import log_week
from solver import SolveRequest, solve
from solver.whatif import replan_from_today


def _advance(s, seed: int):
    """(advanced season, its plan's outcome, first-plan seconds, total seconds)."""
    today = next_week_start(s)
    moves = projected_transitions(s, today)
    after = E.AdvanceToday(today=today, accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date) for t in moves)).apply(s)
    first = max(today - dt.timedelta(days=7), s.calendar.start)
    after = E.LogSessions(sessions=log_week(after, first, today - dt.timedelta(days=1), seed)).apply(after)
    firsts: list[float] = []
    t = time.monotonic()
    out = replan_from_today(s, after, 120, on_progress=lambda _p: firsts.append(time.monotonic() - t))
    total = time.monotonic() - t
    return after.model_copy(update={"plan": out.plan}), out, (firsts[0] if firsts else total), total


def weekly(n: int = 40) -> dict:
    s = generated_season(n, 52)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=120)).plan})
    weeks = []
    for k in range(10):
        s, out, first, total = _advance(s, k)
        weeks.append(total)
    # the timed week and its cold solve: each the faster of two runs of the same search, the one
    # the machine's noise disturbed least
    s11, out, first, total = min((_advance(s, 10) for _ in range(2)), key=lambda r: r[3])
    hard = len(check_plan(s11, out.plan).violations)
    t_cold = float("inf")
    for _ in range(2):
        t = time.monotonic()
        cold = solve(SolveRequest(s11, time_limit=120, keep_stored=False))
        t_cold = min(t_cold, time.monotonic() - t)
    return {"figure": "advance", "weeks_logged": 10, "sessions": len(s11.sessions),
            "first_s": first, "replan_s": total, "status": out.status.value, "hard": hard,
            "cold_s": t_cold, "cold_status": cold.status.value, "ratio": total / t_cold,
            "weekly_median_s": statistics.median(weeks), "weekly_max_s": max(weeks),
            "objective_replan": float(sum(check_plan(s11, out.plan).penalties().values())),
            "objective_cold": float(sum(check_plan(s11, cold.plan).penalties().values()))}


def log_import(n: int = 40, days: int = 300) -> dict:
    from planner.sessionlog import read_sessions

    s = generated_season(n, 52)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=120)).plan})
    today = s.calendar.start + dt.timedelta(days=days)
    s = E.AdvanceToday(today=today).apply(s)
    rows = log_week(s, s.calendar.start, today - dt.timedelta(days=1), seed=5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "season-log.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Player", "Date", "Duration", "RPE", "Top speed %", "Minutes played",
                        "Pain", "Notes"])
            names = {a.id: a.name for a in s.athletes}
            for x in rows:
                w.writerow([names[x.athlete], x.date.isoformat(), x.minutes, x.rpe,
                            x.top_speed_pct or "", x.minutes_played or "", x.pain or "", x.note])
        read_sessions(path, s)  # pandas imported and warm, as in the app after the first import
        t = time.monotonic()
        result = read_sessions(path, s)
        t_read = time.monotonic() - t
        t = time.monotonic()
        E.LogSessions(sessions=tuple(result.sessions)).apply(s)
        t_add = time.monotonic() - t
    return {"figure": "log import", "rows": len(rows), "read_s": t_read, "add_s": t_add,
            "total_s": t_read + t_add}


def main() -> None:
    print(json.dumps(log_import()), flush=True)
    print(json.dumps(weekly()), flush=True)


if __name__ == "__main__":
    main()
