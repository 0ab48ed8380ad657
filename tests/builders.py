"""Small hand-made seasons for tests."""

from __future__ import annotations

import datetime as dt

from planner.season import (
    Athlete,
    Calendar,
    Competition,
    Injury,
    MatchRole,
    RuleSettings,
    Season,
    StageRecord,
    Unavailability,
)

D = dt.date.fromisoformat
MONDAY = D("2027-01-04")


def tiny_season() -> Season:
    """Two weeks, three athletes, one match; Cara is in P2 of an iliopsoas tendinopathy."""
    return Season(
        name="Tiny FC",
        calendar=Calendar(start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 15)),
        competitions=(Competition(id="m1", name="League match", date=dt.date(2026, 3, 14), priority="B"),),
        athletes=(
            Athlete(id="A1", name="Ana Keeper", position="Goalkeeper"),
            Athlete(id="A2", name="Ben Striker", position="Forward"),
            Athlete(id="A3", name="Cara Mid", position="Midfielder"),
        ),
        unavailability=(Unavailability(athlete="A2", start=dt.date(2026, 3, 9), end=dt.date(2026, 3, 10),
                                       reason="family"),),
        injuries=(
            Injury(athlete="A3", protocol="iliopsoas-tendinopathy", onset=dt.date(2026, 2, 10),
                   stages=(StageRecord(stage="P2", start=dt.date(2026, 2, 16)),)),
        ),
    )


def day(i: int) -> dt.date:
    """Day i of the standard test season (day 0 = Monday 4 Jan 2027)."""
    return MONDAY + dt.timedelta(days=i)


def season(
    weeks: int = 4,
    athletes: int = 3,
    matches: list[int] | None = None,  # day indexes of C matches
    comps: list[Competition] | None = None,
    injuries: tuple[Injury, ...] = (),
    unavailable: tuple[Unavailability, ...] = (),
    rules: RuleSettings | None = None,
    pins: tuple = (),
    today: dt.date | None = None,
    plan=None,
) -> Season:
    matches = [5, 12, 19, 26, 33, 40, 47, 54][: weeks * 2] if matches is None else matches
    comp_list = [Competition(id=f"m{i}", name=f"Match {i + 1}", date=day(d), priority="C")
                 for i, d in enumerate(m for m in matches if m < weeks * 7)]
    comp_list += list(comps or [])
    return Season(
        name="Test season",
        calendar=Calendar(start=MONDAY, end=day(weeks * 7 - 1), today=today),
        competitions=tuple(sorted(comp_list, key=lambda c: c.date)),
        athletes=tuple(Athlete(id=f"A{i + 1}", name=f"Athlete {i + 1}", position="Midfielder")
                       for i in range(athletes)),
        injuries=injuries,
        unavailability=unavailable,
        rules=rules or RuleSettings(),
        pins=pins,
        plan=plan,
    )


def tournament_season(ld1_weight: float, roles: dict[str, str] | tuple = ()) -> Season:
    """Two athletes, nine weeks, and a tournament on ``day(40)``, a Saturday: its matches 't1'-'t3'
    are each a competition of their own beside the season's match of that day; LD-1 at
    ``ld1_weight``; ``roles``: A2's role in t1-t3 by competition id."""
    comps = [Competition(id=f"t{k}", name=f"Tournament {k}", date=day(40), priority="C")
             for k in (1, 2, 3)]
    s = season(weeks=9, athletes=2, comps=comps,
               rules=RuleSettings(values={"LD-1": {"weight": ld1_weight}}))
    return s.model_copy(update={"roles": tuple(
        MatchRole(competition=c, athlete="A2", role=r) for c, r in dict(roles).items())})


def injury(athlete: str = "A1", stage: str = "P2", start_day: int = -3, onset_day: int | None = None,
           flare_days: tuple[int, ...] = (), target: str | None = None,
           history: tuple[tuple[str, int], ...] = ()) -> Injury:
    onset = day(onset_day if onset_day is not None else min([start_day] + [d for _, d in history]) - 1)
    records = tuple(StageRecord(stage=s, start=day(d)) for s, d in history)
    records += (StageRecord(stage=stage, start=day(start_day)),)
    return Injury(athlete=athlete, protocol="iliopsoas-tendinopathy", onset=onset, stages=records,
                  flare_ups=tuple(day(d) for d in flare_days), target_competition=target)


_SOLVED: dict[str, object] = {}  # solved_once's outcomes, by the request's content


def solved_once(request):
    """``solve(request)`` for a setup helper, remembered for the test process: a request equal
    in content to one solved before (the season's JSON, every setting, the reference and hint
    plans) returns the outcome found then. Seasons, plans and outcomes are immutable. Why: the
    suite's time (about a minute of solves repeated with the same input; ``make test`` must stay
    well under 10 minutes on 2 cores). An outcome without a plan is not kept (a search cut short
    on a loaded machine searches again). A test that solves on purpose (the same plan twice,
    progress, a stop, timing, what-if) calls ``solve`` itself, never this."""
    import dataclasses
    import hashlib
    import json

    from solver import solve

    def content(value):
        if hasattr(value, "model_dump_json"):
            return value.model_dump_json()
        if isinstance(value, frozenset):
            return sorted(value)
        return float(value) if type(value) is int else value  # a time limit of 30 is 30.0's

    key = hashlib.sha256(json.dumps([[f.name, content(getattr(request, f.name))]
                                     for f in dataclasses.fields(request)]).encode()).hexdigest()
    if key in _SOLVED:
        return _SOLVED[key]
    out = solve(request)
    if out.plan is not None:
        _SOLVED[key] = out
    return out


def solved_and_checked(s: Season, time_limit: float = 30.0, **request_kw):
    """Solve ``s`` and hold the plan against the independent plan checker: a plan (optimal or
    feasible), no hard-rule violation, and the solver's objective equal to what the checker counts
    (every soft rule; STAB against ``reference`` when the request has one). (outcome, report).
    The solve is :func:`solved_once`'s (one per request's content and test process); the check
    is made on every call."""
    from planner.check import check_plan
    from solver import SolveRequest, Status

    out = solved_once(SolveRequest(s, time_limit=time_limit, **request_kw))
    assert out.status in (Status.OPTIMAL, Status.FEASIBLE), (out.status, out.message, out.explanation)
    report = check_plan(s, out.plan, reference=request_kw.get("reference"))
    assert [str(v) for v in report.violations] == []
    assert out.objective == report.objective, (out.objective, report.penalties())
    return out, report


def flared_on_a_match_played() -> Season:
    """A2 back (FIT since day -5 after S3), plays the match of day 5 (90 minutes logged at 100 %),
    and a flare-up is recorded on that day; today day 7; solved before and after it and checked."""
    from planner import edits as E
    from planner.season import Session

    s = season(weeks=4, athletes=2, today=day(7), injuries=(
        injury("A2", "FIT", start_day=-5, history=(("S3", -12),)),))
    s = s.model_copy(update={"sessions": (Session(
        athlete="A2", date=day(5), minutes=95, rpe=8, top_speed_pct=100, minutes_played=90),)})
    assert s.competitions[0].date == day(5)
    out, _ = solved_and_checked(s, time_limit=20)  # he plays the match
    s = E.RecordFlareUp(athlete="A2", date=day(5)).apply(s.model_copy(update={"plan": out.plan}))
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})


def flared_from_s3(flare: int = 3) -> Season:
    """A1 (iliopsoas) back since day -10 after S3 flares up on day ``flare`` (back to S3); solved
    and checked from today day 0."""
    s = season(weeks=4, athletes=2, today=day(0), injuries=(
        injury("A1", "FIT", start_day=-10, history=(("S3", -20),), flare_days=(flare,)),))
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})



def flared_back_to_s2(flare: int = 3) -> Season:
    """A1 (iliopsoas) in S3 since day -5 flares up on day ``flare`` and goes back to S2, whose
    stage below (S1) has the same kicking and change of direction; solved and checked from today
    day 0."""
    s = season(weeks=4, athletes=2, today=day(0), injuries=(
        injury("A1", "S3", start_day=-5, history=(("S2", -15),), flare_days=(flare,)),))
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})


def flared_in_a_logged_s3_session(d: int = 3, later: tuple = ()) -> Season:
    """A1 (iliopsoas) in S3 since day -3 logs a 100 % session with pain 6/10 on day ``d`` (a
    Thursday), recorded as a flare-up that day (back to S2); ``later``: more logged sessions;
    today ``d + 3``; solved and checked."""
    from planner import edits as E
    from planner.season import Session

    s = season(weeks=4, athletes=2, today=day(d + 3),
               injuries=(injury("A1", "S3", start_day=-3, history=(("S2", -12),)),))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(d), minutes=75, rpe=6,
                                                  top_speed_pct=100, pain=6),) + tuple(later)})
    s = E.RecordFlareUp(athlete="A1", date=day(d)).apply(s)
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})


def logged_in_p2_then_flared() -> Season:
    """A1 in P2 logs 70 % on days 1-4 (60 min, RPE 5); a flare-up recorded afterwards on day 0
    puts those days in P1 (no running); today day 8; solved and checked."""
    from planner import edits as E
    from planner.season import Session

    s = season(weeks=4, athletes=2, today=day(8), injuries=(injury("A1", "P2", start_day=-20),))
    s = s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(d), minutes=60, rpe=5, top_speed_pct=70) for d in (1, 2, 3, 4))})
    s = E.RecordFlareUp(athlete="A1", date=day(0)).apply(s)
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})


def flared_in_s3_then(stage: str, on: int, flare: int = 3) -> Season:
    """A1 (iliopsoas) back since day -10 after S3 flares up on day ``flare`` (back to S3, whose 7
    days' minimum it restarts), and the physio records ``stage`` on day ``on``, within that
    minimum: ``FIT`` (the stage ends early) or an earlier stage with a second flare-up that day
    (a step back); solved and checked from today day 0."""
    flares = (flare,) if stage == "FIT" else (flare, on)
    s = season(weeks=4, athletes=2, today=day(0), injuries=(
        injury("A1", stage, start_day=on, history=(("S3", -20), ("FIT", -10)), flare_days=flares),))
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})

def target_played_then_flared():
    """A1 back (FIT), plays his target 'm1' on day t, flares up on day t + 2; today t + 3; planned
    before and after the flare-up (hamstring strain). (season, the target, t)."""
    from planner import edits as E
    from solver import SolveRequest

    back = injury("A1", "FIT", start_day=-3, history=(("S3", -12),), target="m1")
    s = season(weeks=8, athletes=1, injuries=(back.model_copy(update={"protocol": "hamstring-strain"}),))
    target = s.competition("m1")
    t = (target.date - s.calendar.start).days
    plan = solved_once(SolveRequest(s, time_limit=20)).plan
    assert plan.for_athlete("A1").intensity[t] == 100  # plays the target
    s = s.model_copy(update={"plan": plan, "calendar": s.calendar.model_copy(update={"today": day(t + 3)})})
    s = E.RecordFlareUp(athlete="A1", date=day(t + 2)).apply(s)
    return s.model_copy(update={"plan": solved_once(SolveRequest(s, time_limit=20)).plan}), target, t


def returner_back_on_day_2(today: int = 2):
    """A1 back to full training (FIT) on day 2 after S3, league matches on days 5, 12 and 19,
    today ``today``; no plan (season, the sessions that make him play early): on day 3 he is
    logged without running, and on day 5 he starts the match, 90 minutes, with RE-1's team
    sessions not done."""
    from planner.season import Session

    rec = injury("A1", "FIT", start_day=2, history=(("S3", -20),))
    s = season(weeks=3, athletes=1, matches=[5, 12, 19], injuries=(rec,), today=day(today))
    early = (Session(athlete="A1", date=day(3), minutes=30, rpe=2, top_speed_pct=30),
             Session(athlete="A1", date=day(5), minutes=95, rpe=8, top_speed_pct=99,
                     minutes_played=90))
    return s, early
