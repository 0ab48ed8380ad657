"""Held-out seasons for rules v2: small random seasons with rotation, re-injuries, failing
criteria, flare-ups and future injuries. Every plan the solver returns for them must pass the
independent plan checker with no hard violation."""

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
    NonTrainingDay,
    Season,
    StageRecord,
    Unavailability,
)
from planner.validate import TEST_RANGES

START = dt.date(2027, 1, 4)  # a Monday
PROTOCOLS = ("iliopsoas-tendinopathy", "hamstring-strain", "adductor-groin", "ankle-sprain",
             "patellar-tendinopathy")


def _day(i: int) -> dt.date:
    return START + dt.timedelta(days=i)


def _competitions(rng: random.Random, days: int) -> list[Competition]:
    comps = []
    for w in range(days // 7):
        sat = w * 7 + 5
        if rng.random() < 0.85:
            prio = "A" if w == days // 7 - 2 and rng.random() < 0.7 else rng.choice("BCC")
            comps.append(Competition(id=f"m{w}", name=f"Match {w}", date=_day(sat), priority=prio))
        if rng.random() < 0.25:
            comps.append(Competition(id=f"c{w}", name=f"Cup {w}", date=_day(w * 7 + 2),
                                     priority=rng.choice("BC")))
    return sorted(comps, key=lambda c: c.date)


def _record(rng: random.Random, athlete: str, onset: int, protocol: str, future: bool) -> Injury:
    from planner.protocols import load_protocol

    proto = load_protocol(protocol)
    stages = proto.stage_ids
    if future:  # a planned operation or a what-if injury: P1 (or the first stage) from the onset
        return Injury(athlete=athlete, protocol=protocol, onset=_day(onset),
                      stages=(StageRecord(stage=stages[0], start=_day(onset + rng.randint(0, 2))),))
    k = rng.randrange(len(stages))
    spec = proto.stage(stages[k])
    start = -rng.randint(0, max(0, min(spec.max_days - spec.min_days, spec.max_days - 14)))
    tests = ()
    if spec.criteria and rng.random() < 0.6:
        c = rng.choice(spec.criteria)
        good = rng.random() < 0.4
        value = c.pass_mark + (5 if good else -10) * (1 if c.better == "higher" else -1)
        lo, hi = TEST_RANGES[c.unit]
        value = min(hi, max(lo, value))  # a pain score stays on its 0-10 scale (still failing)
        tests = (CriteriaTest(date=_day(0), name=c.name, value=value, unit=c.unit),)
    return Injury(athlete=athlete, protocol=protocol, onset=_day(start - 1 - rng.randint(0, 5)),
                  stages=(StageRecord(stage=stages[k], start=_day(start)),), tests=tests)


def heldout_season(seed: int, athletes: int = 6, weeks: int = 10) -> Season:
    rng = random.Random(seed)
    days = weeks * 7
    comps = _competitions(rng, days)
    squad = [Athlete(id=f"H{i + 1}", name=f"Held {i + 1}",
                     position="Goalkeeper" if i == 0 else rng.choice(("Defender", "Midfielder", "Forward")),
                     role=rng.choice(("start", "start", "bench", "out")))
             for i in range(athletes)]
    roles = [MatchRole(competition=c.id, athlete=a.id, role=rng.choice(("start", "bench", "out")))
             for c in comps for a in squad if rng.random() < 0.15]
    injuries = []
    for a in rng.sample(squad[1:], 2):
        proto = rng.choice(PROTOCOLS)
        rec = _record(rng, a.id, 0, proto, future=False)
        if rng.random() < 0.3 and rec.stages[-1].stage in ("P2", "P3"):
            rec = rec.model_copy(update={"flare_ups": (_day(rng.randint(10, 20)),)})
        injuries.append(rec)
        if rng.random() < 0.4:  # a re-injury or a later injury inside the season
            injuries.append(_record(rng, a.id, rng.randint(days // 2, days - 20), rng.choice(PROTOCOLS),
                                    future=True))
    fit = [a for a in squad[1:] if a.id not in {i.athlete for i in injuries}]
    if fit and rng.random() < 0.7:  # a planned operation for a fit athlete
        injuries.append(_record(rng, rng.choice(fit).id, rng.randint(14, days - 21),
                                rng.choice(PROTOCOLS), future=True))
    unav = [Unavailability(athlete=a.id, start=_day(s), end=_day(s + rng.randint(1, 6)), reason="Ill")
            for a in squad if rng.random() < 0.2 for s in [rng.randint(21, days - 8)]]
    off = [NonTrainingDay(date=_day(d), reason="Off") for d in sorted(rng.sample(range(days), 2))]
    return Season(name=f"Held-out {seed}", calendar=Calendar(start=START, end=_day(days - 1),
                                                             non_training_days=tuple(off)),
                  competitions=tuple(comps), athletes=tuple(squad), injuries=tuple(injuries),
                  unavailability=tuple(unav), roles=tuple(roles))
