"""Writes templates/demo-sessions.csv: what the demo squad did from the season start to 30 Nov 2026,
as a GPS / athlete-monitoring export would have it (players by name, duration, RPE, top speed in
km/h, minutes played, pain, notes).

The days follow the demo's plan (solved with --deterministic's one search thread) with a few seeded
surprises: a missed session, a faster day than planned, a starter subbed early, a painful rehab
day. Try it with::

    periodize advance demo.season.json --today 2026-12-01 --accept --log templates/demo-sessions.csv

Run ``python scripts/make_demo_sessions.py`` after changing the demo; the CSV file is what ships.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner.seasonfile import load_season  # noqa: E402
from planner.simulate import log_week  # noqa: E402
from solver import SolveRequest, solve  # noqa: E402

LAST = dt.date(2026, 11, 30)
HEADER = ("Player", "Date", "Duration", "RPE", "Max Velocity (km/h)", "Minutes played", "Pain",
          "Notes")


def main() -> int:
    season = load_season(ROOT / "templates" / "demo.season.json")
    outcome = solve(SolveRequest(season, time_limit=120, deterministic=True))
    if outcome.plan is None:
        print(f"the demo has no plan: {outcome.message}", file=sys.stderr)
        return 1
    season = season.model_copy(update={"plan": outcome.plan})
    names = {a.id: a.name for a in season.athletes}
    speeds = {a.id: a.max_speed for a in season.athletes}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for x in sorted(log_week(season, season.calendar.start, LAST, seed=2026),
                    key=lambda x: (x.date, x.athlete)):
        # km/h to one decimal, rounded up: the speed reached is at least the planned level
        kmh = ("" if x.top_speed_pct is None else
               f"{math.ceil(speeds[x.athlete] * x.top_speed_pct / 100 * 36 - 1e-9) / 10:.1f}")
        note = "Match" if x.minutes_played else ("Pain in rehab" if x.pain else "")
        w.writerow((names[x.athlete], x.date.isoformat(), f"{x.minutes:g}", f"{x.rpe:g}", kmh,
                    "" if x.minutes_played is None else f"{x.minutes_played:g}",
                    "" if x.pain is None else f"{x.pain:g}", note))
    out = ROOT / "templates" / "demo-sessions.csv"
    out.write_text(buf.getvalue(), encoding="utf-8")
    print(f"Wrote {out.relative_to(ROOT)} ({buf.getvalue().count(chr(10)) - 1} sessions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
