"""Seeded generated seasons for benchmarks: N athletes x W weeks with weekly matches, midweek
games, two A competitions and about 15 % of the squad in rehab."""

from __future__ import annotations

import datetime as dt
import random

from planner.season import (
    Athlete,
    Calendar,
    Competition,
    Injury,
    Season,
    StageRecord,
    Unavailability,
)

START = dt.date(2027, 1, 4)  # a Monday
POSITIONS = ("Goalkeeper", "Defender", "Midfielder", "Forward")


def generated_season(athletes: int = 40, weeks: int = 52, seed: int = 7, injured_share: float = 0.15) -> Season:
    rng = random.Random(seed)
    end = START + dt.timedelta(days=weeks * 7 - 1)
    comps: list[Competition] = []
    a_weeks = {weeks * 2 // 5, weeks - 2}
    for w in range(1, weeks):
        sat = START + dt.timedelta(days=w * 7 + 5)
        prio = "A" if w in a_weeks else ("B" if w % 6 == 0 else "C")
        comps.append(Competition(id=f"w{w:02d}", name=f"Match week {w}", date=sat, priority=prio))
        if w % 4 == 2 and w not in a_weeks and (w + 1) not in a_weeks:
            wed = START + dt.timedelta(days=w * 7 + 2)
            comps.append(Competition(id=f"cup{w:02d}", name=f"Cup week {w}", date=wed,
                                     priority="B" if w % 8 == 2 else "C"))
    squad = [Athlete(id=f"P{i + 1:03d}", name=f"Player {i + 1}", position=POSITIONS[i % 4],
                     max_speed=round(rng.uniform(8.2, 9.8), 1)) for i in range(athletes)]
    n_inj = max(1, round(athletes * injured_share))
    injured = rng.sample(range(athletes), n_inj)
    stages = [("P1", 21), ("P2", 42), ("P3", 42), ("S1", 14), ("S2", 14)]
    injuries = []
    for i in injured:
        stage, mx = rng.choice(stages)
        # leave at least two weeks of the stage: enough to meet its exit requirement
        start = START - dt.timedelta(days=rng.randint(0, max(0, mx - 15)))
        injuries.append(Injury(athlete=squad[i].id, protocol="iliopsoas-tendinopathy",
                               onset=start - dt.timedelta(days=2),
                               stages=(StageRecord(stage=stage, start=start),)))
    unav = []
    for i in rng.sample(range(athletes), max(1, athletes // 10)):
        s = START + dt.timedelta(days=rng.randint(0, weeks * 7 - 10))
        unav.append(Unavailability(athlete=squad[i].id, start=s, end=s + dt.timedelta(days=rng.randint(2, 8)),
                                   reason="Away"))
    return Season(name=f"Generated {athletes}x{weeks}", calendar=Calendar(start=START, end=end),
                  competitions=tuple(sorted(comps, key=lambda c: c.date)), athletes=tuple(squad),
                  injuries=tuple(injuries), unavailability=tuple(unav))
