"""Writes templates/demo.season.json, the bundled demo season.

Run ``python scripts/make_demo.py`` after changing it; the JSON file is what ships.
A 24-athlete football squad over 40 weeks (Aug-May): Saturday league matches, midweek cup
games, B derbies and cup ties, an A-priority cup final, a winter break and three athletes in rehab.
Rotation: eleven start, five come off the bench and eight are not in the matchday squad; a squad
player stands in for each starter in rehab until his target match, and the cup games rest three
regulars and start three squad players. One
athlete in rehab has a strength test below the pass mark; one had a hamstring strain last spring.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.season import (  # noqa: E402
    Athlete,
    Block,
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
from planner.seasonfile import dumps  # noqa: E402

D = dt.date.fromisoformat
START, END = D("2026-08-03"), D("2027-05-09")

SQUAD = [
    ("A01", "Tom Berger", "Goalkeeper", 8.1), ("A02", "Luis Ortega", "Goalkeeper", 8.0),
    ("A03", "Sam Okafor", "Goalkeeper", 8.3), ("A04", "Jonas Lind", "Defender", 9.0),
    ("A05", "Marco Ruiz", "Defender", 9.2), ("A06", "Ben Carter", "Defender", 8.9),
    ("A07", "Kofi Mensah", "Midfielder", 9.3), ("A08", "Elias Novak", "Defender", 9.1),
    ("A09", "Ryan Walsh", "Defender", 8.8), ("A10", "Nico Ferreira", "Midfielder", 9.4),
    ("A11", "Adam Kowalski", "Midfielder", 9.0), ("A12", "Leo Martin", "Defender", 9.2),
    ("A13", "Hugo Laurent", "Midfielder", 9.1), ("A14", "Omar Haddad", "Midfielder", 9.5),
    ("A15", "Finn Larsen", "Midfielder", 9.0), ("A16", "Yuki Tanaka", "Midfielder", 9.2),
    ("A17", "Dario Conti", "Defender", 9.0), ("A18", "Mateo Silva", "Forward", 9.6),
    ("A19", "Isaac Boateng", "Forward", 9.7), ("A20", "Pavel Dvorak", "Forward", 9.3),
    ("A21", "Chris Evans", "Forward", 9.4), ("A22", "Amir Rahimi", "Midfielder", 9.1),
    ("A23", "Jack Doyle", "Defender", 8.9), ("A24", "Theo Vidal", "Forward", 9.5),
]

BREAK = {D("2026-12-26"), D("2027-01-02")}
B_LEAGUE = {D("2026-10-17"): "Derby (home)", D("2027-03-06"): "Derby (away)"}
CUP = [  # midweek cup games (Wednesdays)
    (D("2026-09-23"), "Cup round 2", "C"), (D("2026-10-28"), "Cup round 3", "C"),
    (D("2026-12-02"), "Cup round 4", "C"), (D("2027-02-10"), "Cup round 5", "B"),
    (D("2027-03-17"), "Cup quarter-final", "B"), (D("2027-04-14"), "Cup semi-final", "B"),
]
FINAL = (D("2027-05-08"), "Cup final")


def competitions() -> list[Competition]:
    out: list[Competition] = []
    day, n = D("2026-08-15"), 0
    while day <= D("2027-05-01"):
        if day not in BREAK:
            n += 1
            name = B_LEAGUE.get(day, f"League match {n}")
            out.append(Competition(id=f"league-{n:02d}", name=name, date=day,
                                   priority="B" if day in B_LEAGUE else "C"))
        day += dt.timedelta(days=7)
    for date, name, prio in CUP:
        out.append(Competition(id=name.lower().replace(" ", "-"), name=name, date=date, priority=prio))
    out.append(Competition(id="cup-final", name=FINAL[1], date=FINAL[0], priority="A"))
    return sorted(out, key=lambda c: c.date)


# 4-4-2: a goalkeeper, four defenders, four midfielders, two forwards start. Three of the eleven
# are in rehab at the season start; a squad player stands in for each until the match the
# returner is aimed at, and the returner comes off the bench until then. Five come off the bench
# by default (the stand-ins and two squad players); the two other goalkeepers and six squad
# players are not in the matchday squad: they train instead.
STARTERS = ("A01", "A05", "A06", "A08", "A12", "A07", "A10", "A13", "A14", "A18", "A19")
BENCH = ("A04", "A11", "A20", "A15", "A21")
ROLES = {a: "start" if a in STARTERS else "bench" if a in BENCH else "out"
         for a, _n, _p, _v in SQUAD}
STAND_IN = {"A12": ("A04", "league-06"), "A07": ("A11", "league-10"), "A19": ("A20", "league-05")}
CUP_REST, CUP_START = ("A05", "A10", "A18"), ("A15", "A21", "A23")


def match_roles(comps: list[Competition]) -> tuple[MatchRole, ...]:
    """Stand-ins start until the returner's target match; cup games rotate: three regulars on
    the bench, three squad players start."""
    out = []
    when = {c.id: c.date for c in comps}
    for c in comps:
        for back, (stand_in, target) in STAND_IN.items():
            if c.date < when[target]:
                out += [MatchRole(competition=c.id, athlete=stand_in, role="start"),
                        MatchRole(competition=c.id, athlete=back, role="bench")]
    for _date, name, _prio in CUP:
        cid = name.lower().replace(" ", "-")
        out += [MatchRole(competition=cid, athlete=a, role="bench") for a in CUP_REST]
        out += [MatchRole(competition=cid, athlete=a, role="start") for a in CUP_START]
    return tuple(out)


def season() -> Season:
    comps = competitions()
    cal = Calendar(
        start=START, end=END,
        non_training_days=tuple(NonTrainingDay(date=D(d), reason=r) for d, r in (
            ("2026-12-24", "Christmas Eve"), ("2026-12-25", "Christmas"),
            ("2026-12-26", "Winter break"), ("2026-12-31", "New Year's Eve"),
            ("2027-01-01", "New Year"), ("2027-01-02", "Winter break"),
        )),
    )
    injuries = (
        Injury(athlete="A07", protocol="iliopsoas-tendinopathy", onset=D("2026-07-24"),
               stages=(StageRecord(stage="P1", start=D("2026-07-27")),),
               target_competition="league-10"),
        Injury(athlete="A12", protocol="iliopsoas-tendinopathy", onset=D("2026-06-18"),
               stages=(StageRecord(stage="P1", start=D("2026-06-22")),
                       StageRecord(stage="P2", start=D("2026-07-01")),
                       StageRecord(stage="P3", start=D("2026-07-22"))),
               tests=(CriteriaTest(date=D("2026-08-01"), name="Hip-flexor strength LSI", value=84,
                                   unit="%"),),
               target_competition="league-06"),
        Injury(athlete="A14", protocol="hamstring-strain", onset=D("2026-03-10"),
               stages=tuple(StageRecord(stage=st, start=D(day)) for st, day in (
                   ("P1", "2026-03-10"), ("P2", "2026-03-16"), ("P3", "2026-03-25"),
                   ("S1", "2026-04-05"), ("S2", "2026-04-10"), ("S3", "2026-04-14"),
                   ("FIT", "2026-04-20")))),
        Injury(athlete="A19", protocol="hamstring-strain", onset=D("2026-07-28"),
               stages=(StageRecord(stage="P1", start=D("2026-07-28")),
                       StageRecord(stage="P2", start=D("2026-08-01"))),
               target_competition="league-05"),
    )
    return Season(
        name="Riverside FC 2026/27",
        calendar=cal,
        competitions=tuple(comps),
        blocks=(
            Block(name="Pre-season", start=D("2026-08-03"), end=D("2026-08-30"),
                  emphasis="Aerobic base, speed reintroduction"),
            Block(name="Autumn", start=D("2026-08-31"), end=D("2026-12-20"), emphasis="In-season maintenance"),
            Block(name="Winter break", start=D("2026-12-21"), end=D("2027-01-03"), emphasis="Recovery"),
            Block(name="Spring", start=D("2027-01-04"), end=D("2027-04-18"), emphasis="In-season maintenance"),
            Block(name="Cup run-in", start=D("2027-04-19"), end=D("2027-05-09"), emphasis="Taper and peak"),
        ),
        athletes=tuple(Athlete(id=i, name=n, position=p, max_speed=v, role=ROLES[i])
                       for i, n, p, v in SQUAD),
        roles=match_roles(comps),
        unavailability=(
            Unavailability(athlete="A03", start=D("2026-09-07"), end=D("2026-09-13"), reason="International duty"),
            Unavailability(athlete="A22", start=D("2027-02-01"), end=D("2027-02-05"), reason="Illness"),
        ),
        injuries=injuries,
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "templates" / "demo.season.json"
    target.write_text(dumps(season()), encoding="utf-8")
    print(f"wrote {target}")
