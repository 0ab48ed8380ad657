"""Seeded generated seasons for benchmarks: N athletes x W weeks with weekly matches, midweek
games, two A competitions, rotation and three injured athletes.

Rotation (rules-spec.md section 2): two goalkeepers (one starts, one is out), about a third of the
outfield squad on the bench or out by default, and a few per-match role changes every week.
Injured: one in P2 with a failing criteria test (RH-CRIT holds the stage), one in P3 with a
flare-up three weeks into the season, one in P3 with nothing special.
"""

from __future__ import annotations

import datetime as dt
import random

from planner.season import (
    Athlete,
    Calendar,
    Competition,
    CriteriaTest,
    Injury,
    MatchRole,
    Season,
    StageRecord,
    Unavailability,
)

START = dt.date(2027, 1, 4)  # a Monday
OUTFIELD = ("Defender", "Midfielder", "Forward")


def _competitions(weeks: int) -> list[Competition]:
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
    return sorted(comps, key=lambda c: c.date)


def _squad(athletes: int, rng: random.Random, rotation: bool) -> list[Athlete]:
    squad = []
    for i in range(athletes):
        position = "Goalkeeper" if i < 2 else OUTFIELD[i % 3]
        role = "start"
        if rotation:
            role = "out" if i == 1 else ("bench" if i % 6 == 4 else "out" if i % 6 == 5 else "start")
        squad.append(Athlete(id=f"P{i + 1:03d}", name=f"Player {i + 1}", position=position,
                             max_speed=round(rng.uniform(8.2, 9.8), 1), role=role))
    return squad


def _role_changes(squad: list[Athlete], comps: list[Competition], rng: random.Random) -> list[MatchRole]:
    """Two outfield players change role for each league match (a starter rests, a sub starts)."""
    out = []
    outfield = [a for a in squad if a.position != "Goalkeeper"]
    for c in comps:
        if not c.id.startswith("w"):
            continue
        for a in rng.sample(outfield, 2):
            new = "bench" if a.role == "start" else "start"
            out.append(MatchRole(competition=c.id, athlete=a.id, role=new))
    return out


def _injuries(squad: list[Athlete], rng: random.Random, count: int) -> list[Injury]:
    picks = rng.sample(range(2, len(squad)), min(count, len(squad) - 2))
    out = []
    for n, i in enumerate(picks):
        aid = squad[i].id
        if n % 3 == 0:  # P2 with a failing strength test: held until a retest
            start = START - dt.timedelta(days=10)
            out.append(Injury(athlete=aid, protocol="iliopsoas-tendinopathy",
                              onset=start - dt.timedelta(days=9),
                              stages=(StageRecord(stage="P1", start=start - dt.timedelta(days=8)),
                                      StageRecord(stage="P2", start=start)),
                              tests=(CriteriaTest(date=START, name="Hip-flexor strength LSI",
                                                  value=72, unit="%"),)))
        elif n % 3 == 1:  # P3 with a flare-up three weeks into the season
            start = START - dt.timedelta(days=3)
            out.append(Injury(athlete=aid, protocol="iliopsoas-tendinopathy",
                              onset=start - dt.timedelta(days=60),
                              stages=(StageRecord(stage="P3", start=start),),
                              flare_ups=(START + dt.timedelta(days=rng.randint(18, 24)),)))
        else:
            start = START - dt.timedelta(days=rng.randint(0, 20))
            out.append(Injury(athlete=aid, protocol="iliopsoas-tendinopathy",
                              onset=start - dt.timedelta(days=2),
                              stages=(StageRecord(stage="P3", start=start),)))
    return out


def generated_season(athletes: int = 40, weeks: int = 52, seed: int = 7, injured: int = 3,
                     rotation: bool = True) -> Season:
    rng = random.Random(seed)
    end = START + dt.timedelta(days=weeks * 7 - 1)
    comps = _competitions(weeks)
    squad = _squad(athletes, rng, rotation)
    roles = _role_changes(squad, comps, rng) if rotation else []
    unav = []
    for i in rng.sample(range(athletes), max(1, athletes // 10)):
        s = START + dt.timedelta(days=rng.randint(0, weeks * 7 - 10))
        unav.append(Unavailability(athlete=squad[i].id, start=s,
                                   end=s + dt.timedelta(days=rng.randint(2, 8)), reason="Away"))
    return Season(name=f"Generated {athletes}x{weeks}", calendar=Calendar(start=START, end=end),
                  competitions=tuple(comps), athletes=tuple(squad),
                  injuries=tuple(_injuries(squad, rng, injured)), unavailability=tuple(unav),
                  roles=tuple(roles))
