"""Rules v2 through the engine: each plan is checked by the independent plan checker, and the
day's explanation (why) names the rule that shaped it."""

from __future__ import annotations

from planner import edits as E
from planner.check import check_plan
from planner.returns import returns
from planner.season import (
    FIT,
    Competition,
    CriteriaTest,
    Injury,
    IntensityPin,
    MatchRole,
    RuleSettings,
    Session,
    StageRecord,
)
from planner.text import day_long
from planner.timeline import Timeline
from planner.why import RECOVERY_WORDS, why_day
from solver import SolveRequest, Status, solve
from tests.builders import day, injury, season, solved_and_checked


def solved(s, **kw):
    """The plan of ``s``, held against the plan checker (tests.builders.solved_and_checked)."""
    return solved_and_checked(s, **kw)[0].plan


def rules_of(s, plan, athlete, i):
    """Rule id -> what the day's explanation says for it (every reason of that rule)."""
    out: dict[str, str] = {}
    for r in why_day(s, plan, athlete, day(i)).reasons:
        out[r.rule] = (out.get(r.rule, "") + " " + r.text).strip()
    return out


def test_roles_start_bench_and_out_on_a_match_day():
    s = season(weeks=3, athletes=3, matches=[5, 12, 19])
    s = s.model_copy(update={
        "athletes": (s.athletes[0], s.athletes[1].model_copy(update={"role": "bench"}),
                     s.athletes[2].model_copy(update={"role": "out"})),
        "roles": (MatchRole(competition="m1", athlete="A1", role="out"),)})
    plan = solved(s)
    a1, a2, a3 = (plan.for_athlete(a).intensity for a in ("A1", "A2", "A3"))
    assert a1[5] == 100 and a1[12] not in (80, 100) and a2[5] == 80 and a2[19] == 80
    assert all(a3[i] not in (80, 100) for i in (5, 12, 19))
    assert "On the bench" in rules_of(s, plan, "A2", 5)["FACT"]  # the role, not AV-1
    assert "Out of the squad" in rules_of(s, plan, "A3", 12)["FACT"]
    assert "AV-1" not in rules_of(s, plan, "A2", 5)


def test_a_player_who_did_not_play_may_have_a_compensation_session_the_day_after():
    # Wednesday and Saturday matches; Thursday of week 2 (day 10) is MD+1 of Wednesday's match
    # (week 1 is the speed ramp of the season start)
    s = season(weeks=3, athletes=2, matches=[2, 5, 9, 12, 16, 19])
    s = s.model_copy(update={"athletes": (s.athletes[0], s.athletes[1].model_copy(update={"role": "out"}))})
    comp = s.model_copy(update={"pins": (IntensityPin(athlete="A2", date=day(10), intensity=95),)})
    plan = solved(comp)
    assert plan.for_athlete("A2").intensity[10] == 95
    hv6 = rules_of(comp, plan, "A2", 10)["HV-6"]
    assert hv6.startswith("Out of the squad on Wednesday") and "HV-6 allows MD+1 for non-players" in hv6
    assert "compensation session" in rules_of(comp, plan, "A2", 10)["TEAM"]
    # unpinned, no compensation session is planned: HV-6 only allows one, it bounds nothing (it
    # was listed under "Bound by" beside an ordinary 70 % team session)
    from planner.why import Explainer

    free = solved(s)
    assert free.for_athlete("A2").intensity[10] < 80
    (r,) = [r for r in Explainer(s, free).day("A2", day(10)).reasons if r.rule == "HV-6"]
    assert r.kind == "fact" and r.text.endswith("none is planned.")
    starter = s.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(10), intensity=95),)})
    out = solve(SolveRequest(starter, time_limit=30))
    assert out.status == Status.INFEASIBLE and {"HV-5", "HV-6"} & {c.rule for c in out.explanation}


def test_back_two_days_after_a_match_spent_in_rehab_the_why_says_so():
    """The first FIT day is MD+2 of a match the athlete spent in S3: the why names the rehab, not
    'Not playing' (a coach read that as a player left out)."""
    s = season(weeks=4, athletes=2, matches=[2, 9, 16, 23],
               injuries=(injury("A1", "S3", start_day=-3),))
    plan = solved(s)
    stages = plan.for_athlete("A1").stages
    back = stages.index("FIT")
    assert Timeline(s).md_after[back] in (1, 2) and stages[back - Timeline(s).md_after[back]] == "S3"
    hv6 = rules_of(s, plan, "A1", back)["HV-6"]
    assert hv6.startswith("In rehab (S3) on Wednesday ('Match 1')"), hv6


def test_no_speed_on_a_flare_up_day_and_the_calm_days_after_it():
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=-12, flare_days=(15,)),))
    plan = solved(s)
    it = plan.for_athlete("A1").intensity
    assert it[15] == 0 and it[16] <= 60 and it[17] <= 60
    assert "No running" in rules_of(s, plan, "A1", 15)["RH-FL"]


def test_the_calm_days_after_a_friday_flare_up_are_monday_and_tuesday():
    """Back to FIT, then a flare-up on Friday 8 Jan (back to S3) before Saturday's match (no rehab
    session) and Sunday (no training): the two calm days are the next two days trained, Monday and
    Tuesday (the calendar reading spent them on Saturday and Sunday, and Monday was a 90 %
    sprint). A flare-up on Tuesday keeps Wednesday and Thursday calm, as before."""
    for flare, calm in ((4, (7, 8)), (1, (2, 3))):
        s = season(weeks=3, athletes=1, matches=[5, 12, 19], injuries=(
            injury("A1", "FIT", start_day=-5, history=(("S3", -20),), flare_days=(flare,)),))
        it = solved(s).for_athlete("A1").intensity
        assert it[flare] == 0 and all(it[d] <= 60 for d in calm), it[:14]
        assert max(it[calm[-1] + 1:calm[-1] + 6]) > 60, it[:14]  # the calm days end there


def test_a_failing_criteria_test_holds_the_stage_until_a_retest():
    base = injury("A1", "P3", start_day=-20)
    held = base.model_copy(update={"tests": (CriteriaTest(date=day(0), name="Hip-flexor strength LSI",
                                                          value=82, unit="%"),)})
    s_free = season(weeks=8, athletes=1, injuries=(base,))
    s_held = season(weeks=8, athletes=1, injuries=(held,),
                    rules=RuleSettings(values={"RH-CRIT": {"retest_days": 14}}))
    free, hold = solved(s_free), solved(s_held)
    leave = lambda p: next(i for i, st in enumerate(p.for_athlete("A1").stages) if st != "P3")  # noqa: E731
    assert leave(free) < 14 <= leave(hold)  # held until day 0 + 14
    assert "P3 held until retest on Mon 18 Jan 2027" in rules_of(s_held, hold, "A1", 3)["RH-CRIT"]
    ret = returns(s_held, hold)[0]
    assert ret.provisional  # the latest result fails: the exit is provisional too


def test_back_from_rehab_an_athlete_trains_before_playing_a_match():
    s = season(weeks=6, athletes=1, matches=[5, 12, 19, 26, 33, 40],
               injuries=(injury("A1", "S3", start_day=-6),))
    plan = solved(s)
    ap = plan.for_athlete("A1")
    back = next(i for i, st in enumerate(ap.stages) if st == "FIT")
    first = next(i for i in Timeline(s).comp_days if i >= back and ap.intensity[i] == 100)
    sessions = [i for i in range(back, first) if ap.intensity[i] >= 60 and not Timeline(s).is_comp[i]]
    assert len(sessions) >= 3
    held = [i for i in Timeline(s).comp_days if back <= i < first]
    for i in held:
        assert "team sessions done" in rules_of(s, plan, "A1", i)["RE-1"]
    # the first day back says what comes next (it said only "FIT, 70 %")
    said = rules_of(s, plan, "A1", back)["RE-1"]
    assert said.startswith("First day back in full training, after S3")
    assert "RE-1: 3 team sessions with running (60 % or more) before a competition" in said
    assert f"first match {day_long(Timeline(s).days[first])}" in said


def test_the_season_starts_with_a_speed_ramp():
    s = season(weeks=3, athletes=1, matches=[])
    plan = solved(s)
    it = plan.for_athlete("A1").intensity
    speed = [i for i, v in enumerate(it) if v >= 80]
    assert it[speed[0]] == 80 and it[speed[1]] <= 90
    assert "at most 80" in rules_of(s, plan, "A1", speed[0])["RAMP"]


def test_a_planned_operation_is_planned_from_its_date():
    op = Injury(athlete="A2", protocol="ankle-sprain", onset=day(20),
                stages=(StageRecord(stage="P1", start=day(21)),))
    s = season(weeks=10, athletes=2, injuries=(op,))
    plan = solved(s)
    st = plan.for_athlete("A2").stages
    assert set(st[:20]) == {"FIT"} and st[20] == "INJ" and st[21] == "P1"
    ret = next(r for r in returns(s, plan) if r.athlete == "A2")
    assert ret.fit is not None and ret.fit > day(21)


def test_a_re_injury_takes_over_from_the_earlier_record():
    first = injury("A1", "S2", start_day=-3)
    again = Injury(athlete="A1", protocol="hamstring-strain", onset=day(30),
                   stages=(StageRecord(stage="P1", start=day(30)),))
    s = season(weeks=10, athletes=1, injuries=(first, again))
    plan = solved(s)
    st = plan.for_athlete("A1").stages
    assert "FIT" in st[:30] and st[30] == "P1"
    assert len(returns(s, plan)) == 2


def test_solving_again_keeps_the_stored_plan():
    s = season(weeks=6, athletes=4, injuries=(injury("A1", "P3", start_day=-12),))
    first = solved(s)
    again = solve(SolveRequest(s.model_copy(update={"plan": first}), time_limit=30))
    assert again.plan.athletes == first.athletes and again.plan.team_weeks == first.team_weeks


def test_goalkeepers_are_exempt_from_hv1():
    s = season(weeks=4, athletes=2, matches=[])
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"position": "Goalkeeper"}),
                                          s.athletes[1])})
    plan = solved(s)
    assert sum(1 for v in plan.for_athlete("A2").intensity if v >= 90) >= 3
    report = check_plan(s, plan)
    assert not [v for v in report.soft if v.rule == "HV-1" and v.athlete == "A1"]


def test_goalkeepers_are_exempt_from_tp3_the_outfield_player_is_not():
    """A reserve keeper (role out) was given a ramp into 95 % sprints in the taper before a final,
    "Serves: TP-3"; HV-1 asks his position for no exposure, so TP-3 asks none either."""
    final = Competition(id="final", name="Final", date=day(40), priority="A")
    s = season(weeks=7, athletes=2, comps=[final])
    keeper = s.athletes[0].model_copy(update={"position": "GK", "role": "out"})
    s = s.model_copy(update={"athletes": (keeper, s.athletes[1])})
    plan = solved(s)
    report = check_plan(s, plan)
    tl = Timeline(s)
    tapers = [w for w, k in enumerate(plan.team_weeks) if k == "taper"]
    assert tapers == [3, 4]
    assert report.counts()["TP-3"] == 0
    for w in tapers:
        days = tl.weeks[w].days
        assert max(plan.for_athlete("A1").intensity[i] for i in days) < 90, w
        assert max(plan.for_athlete("A2").intensity[i] for i in days) >= 90, w
    # a keeper's 95 % in a taper week, if the coach sets one, serves no TP-3
    i = next(i for i in tl.weeks[3].days if plan.for_athlete("A2").intensity[i] >= 90)
    assert "TP-3" in rules_of(s, plan, "A2", i)
    aps = tuple(ap.model_copy(update={"intensity": plan.for_athlete("A2").intensity})
                if ap.athlete == "A1" else ap for ap in plan.athletes)
    assert "TP-3" not in rules_of(s, plan.model_copy(update={"athletes": aps}), "A1", i)


def test_the_demos_flare_up_what_ifs_plan_no_speed_on_the_day_or_the_two_after():
    import datetime as dt

    from planner.seasonfile import loads
    from templates import path

    demo = loads(path("demo.season.json").read_text(encoding="utf-8"))
    tl = Timeline(demo)
    for when in ("2026-10-20", "2026-09-24"):
        d = dt.date.fromisoformat(when)
        s = E.RecordFlareUp(athlete="A07", date=d).apply(demo)
        plan = solved(s)
        it = plan.for_athlete("A07").intensity
        i = tl.index(d)
        assert it[i] == 0 and max(it[i + 1], it[i + 2]) <= 60, (when, it[i:i + 3])


def test_a_stage_redone_after_a_flare_up_may_take_twice_its_maximum():
    """A hamstring athlete in S3 has a flare-up: back to S2, whose exit needs 2 days at 100 %,
    with the ladder credited only to 90 % and two calm days first. With a match and a rest day
    a week and HV-5's recovery, that cannot fit in S2's 10-day maximum: read literally the season
    became infeasible the moment the coach recorded the flare-up. A stage a flare-up that happened
    enters may last twice its maximum (docs/semantics.md, "Flare-ups"): the plan passes the
    checker, and why says so. The same holds when a stage record shares the flare-up's date,
    today; every other stage keeps its maximum; a stage redone at the protocol's start (P1 after
    a flare-up in P1) is still bounded, and why counts its days from the flare-up."""
    from planner.protocols import load_protocol

    proto = load_protocol("hamstring-strain")
    inj = injury("A1", "S3", start_day=-3, history=(("S2", -10),)).model_copy(
        update={"protocol": "hamstring-strain"})
    s = season(weeks=6, athletes=2, injuries=(inj,), today=day(3))
    for flared in (E.RecordFlareUp(athlete="A1", date=day(2)).apply(s),
                   s.model_copy(update={"injuries": (inj.model_copy(update={
                       "flare_ups": (day(3),),
                       "stages": inj.stages + (StageRecord(stage="S2", start=day(3)),)}),)})):
        out = solve(SolveRequest(flared, time_limit=30))
        assert out.status in (Status.OPTIMAL, Status.FEASIBLE), out.explanation
        assert check_plan(flared, out.plan).violations == ()
        st = out.plan.for_athlete("A1").stages
        start = flared.injuries[0].flare_ups[0]
        s2 = [i for i in range(len(st)) if st[i] == "S2" and day(i) >= start]
        assert proto.stage("S2").max_days < len(s2) <= 2 * proto.stage("S2").max_days
        bound = [r.text for r in why_day(flared, out.plan, "A1", day(s2[-1])).reasons
                 if r.rule == "RH-STAGE"]
        assert any("after the flare-up it lasts 2-20 days (twice the protocol's 10" in t
                   for t in bound), bound
        s3 = [i for i in range(s2[-1] + 1, len(st)) if st[i] == "S3"]
        assert 0 < len(s3) <= proto.stage("S3").max_days  # the next stage keeps its maximum
        # the first day one level above the flare-up's credit (two below S2's cap): the step
        # below it is credited, not run (it read "met")
        it = out.plan.for_athlete("A1").intensity
        ladder_levels = (60, 70, 80, 90, 95, 100)
        top = ladder_levels.index(proto.cap("S2")) - 2
        first_up = next(i for i in s2 if it[i] == ladder_levels[top + 1])
        ladder = [r.text for r in why_day(flared, out.plan, "A1", day(first_up)).reasons
                  if r.rule == "RH-11"]
        ran80 = sum(1 for i in s2 if i < first_up and it[i] == ladder_levels[top])
        said = f"credited after the flare-up of {day_long(start)}"
        assert any(said in t and ("not run since" if ran80 == 0 else f"run on {ran80} since") in t
                   for t in ladder), ladder
    # P1 redone after a flare-up in P1 (the stage does not change): bounded by twice its
    # maximum, and why counts the days from the flare-up
    p1 = Injury(athlete="A1", protocol="hamstring-strain", onset=day(3),
                stages=(StageRecord(stage="P1", start=day(3)),), flare_ups=(day(6),))
    s = season(weeks=6, athletes=2, injuries=(p1,), today=day(8))
    out = solve(SolveRequest(s, time_limit=30))
    st = out.plan.for_athlete("A1").stages
    assert check_plan(s, out.plan).violations == ()
    last = max(i for i in range(len(st)) if st[i] == "P1")
    assert last - 6 + 1 <= 2 * proto.stage("P1").max_days
    text = next(r.text for r in why_day(s, out.plan, "A1", day(last)).reasons if r.rule == "RH-STAGE")
    assert text.startswith(f"Day {last - 6 + 1} of P1 (started {day(6):%a} ")
    # P1 has no running, so no ladder to restart: the doubled maximum is said plainly (it read
    # "(twice the protocol's 10: the ladder restarts lower)")
    assert proto.cap("P1") == 0
    assert (f"after the flare-up it lasts {proto.stage('P1').min_days}-"
            f"{2 * proto.stage('P1').max_days} days (twice the protocol's "
            f"{proto.stage('P1').max_days});") in text, text
    assert "ladder" not in text and text.count("flare-up") == 1, text


def test_a_what_if_flare_up_after_a_planned_return_gets_the_same_room_as_a_recorded_one():
    """"What if he flares up again?" before a tournament, with his return planned but not yet
    recorded: the flare-up on a day after today sends him back to S3 (the protocol's last stage),
    whose exit (2 days at 100 %) needs 95 % twice first, after two calm days, with HV-2's two
    speed days a week and no running on match days: more than S3's 14 days. Only a flare-up that
    happened had twice the maximum, so the what-if had no plan, while recording the same
    flare-up once it happened gave one. A flare-up in a what-if is that flare-up once it
    happens: the same room, the plan passes the checker, and the stage after keeps its maximum.
    The checker still refuses a stage beyond twice the maximum."""
    from planner.protocols import load_protocol

    spec = load_protocol("iliopsoas-tendinopathy").stage("S3")
    for flare_day in (28, 21, 14):
        s = season(weeks=7, athletes=2, injuries=(injury("A1", "S3", start_day=-5,
                                                         flare_days=(flare_day,)),))
        out = solve(SolveRequest(s, time_limit=30))
        assert out.status in (Status.OPTIMAL, Status.FEASIBLE), [c.text for c in out.explanation]
        assert check_plan(s, out.plan).violations == ()
        st = out.plan.for_athlete("A1").stages
        assert st[flare_day - 1] == FIT and st[flare_day] == "S3"
        redone = [i for i in range(flare_day, len(st)) if st[i] == "S3"]
        assert spec.max_days < len(redone) <= 2 * spec.max_days, (flare_day, len(redone))
    # beyond twice the maximum (S3 from day 14 to the season's end, day 48) the checker says so
    ap = out.plan.for_athlete("A1")
    longer = ap.model_copy(update={"stages": ap.stages[:flare_day] + ("S3",) * (len(st) - flare_day),
                                   "intensity": ap.intensity[:flare_day] + tuple(
                                       min(v, 60) for v in ap.intensity[flare_day:])})
    plan = out.plan.model_copy(update={"athletes": tuple(
        longer if a.athlete == "A1" else a for a in out.plan.athletes)})
    said = [v.message for v in check_plan(s, plan).violations if v.rule == "RH-STAGE"]
    assert any(f"{2 * spec.max_days} days after a flare-up (twice its maximum)" in t for t in said), said


def test_a_starter_recovers_on_the_first_training_day_after_the_match():
    """MD+1 recovery (domain.md HV-7): every starter's first training day after a match started,
    MD+1 or MD+2, was the 70 % team session (75 min x RPE 4, as heavy as MD-3). It is a recovery
    session (0 %, 30 x 2 AU); a bench player trains; a midweek match gets its own MD+1."""
    from planner.loadtable import LoadTable, athlete_load
    from planner.rules import RuleSet

    # Sat 5, Wed 9 (a cup), Sat 12 (day 0 is a Monday; Sundays are days off)
    s = season(weeks=3, athletes=2, matches=[5, 9, 12, 19])
    s = s.model_copy(update={"athletes": (s.athletes[0], s.athletes[1].model_copy(update={"role": "bench"}))})
    plan = solved(s)
    tl = Timeline(s)
    assert [tl.days[d].weekday() for d in (5, 7, 9, 10)] == [5, 0, 2, 3]
    starter, bench = plan.for_athlete("A1").intensity, plan.for_athlete("A2").intensity
    assert starter[7] == 0 and starter[10] == 0 and starter[14] == 0  # Mon MD+2, Thu MD+1, Mon
    assert not tl.trains(6, True, False)  # Sunday off: Monday is the first training day
    assert starter[8] > 0 and starter[11] > 0  # only the first day after: Tue, Fri train
    assert bench[7] > 0 and bench[10] > 0
    rec = LoadTable.of(RuleSet(s.rules)).recovery
    loads = athlete_load(s, plan, "A1")
    assert loads.load[loads.index(tl.days[7])] == rec[0] * rec[1] == 60
    said = rules_of(s, plan, "A1", 10)["FACT"]
    assert "The first training day after 'Match 2', which Athlete 1 (A1) started on Wed" in said
    # Monday is MD+2 (Sunday off): its recovery is said without an MD label that contradicts it
    monday = why_day(s, plan, "A1", day(7))
    assert "MD+2" in monday.summary
    said = rules_of(s, plan, "A1", 7)["FACT"]
    assert f"started on Sat 9 Jan 2027: {RECOVERY_WORDS}." in said and "MD+1" not in said, said


def test_a_player_back_from_rehab_recovers_after_the_matches_started_too():
    """The recovery day came only where the start was certain when the model was built: a player
    whose return (and so whose first start, after RE-1) the solver decides had the 70 % team
    session after each match, the players who need the recovery most."""
    # S1, S2, S3 of 7-14 days each: back between day 18 and day 39, the solver's choice
    s = season(weeks=8, athletes=2, matches=[5, 12, 19, 26, 33, 40, 47, 54],
               injuries=(injury("A1", "S1", start_day=-3),))
    plan = solved(s)
    tl = Timeline(s)
    ap = plan.for_athlete("A1")
    starts = [k for k in tl.comp_days if ap.stages[k] == "FIT" and ap.intensity[k] == 100]
    assert len(starts) >= 3, "the returner starts some matches"
    seen = 0
    for k in starts:
        first = next((d for d in range(k + 1, tl.n) if tl.trains(d, True, False)), None)
        if first is None:
            continue  # the season's last match
        assert first - k <= 2 and ap.intensity[first] == 0, (k, first, ap.intensity[k:first + 1])
        seen += 1
    assert seen >= 2 and ap.stages[0] != "FIT"  # back during the season


def test_a_returner_out_of_the_match_the_day_after_his_start_recovers_on_it():
    """Two matches on Tue and Wed, the returner out of Wednesday's: started on Tuesday, he ran a
    70 % team session on Wednesday (while a player fit from the start recovers), when the solver
    decides his return; the day he sits out is his recovery day, and Thursday trains."""
    from planner.season import MatchRole

    s = season(weeks=8, athletes=2, matches=[5, 12, 19, 26, 29, 30, 33, 40, 47, 54],
               injuries=(injury("A1", "S1", start_day=-3),))
    out = next(c.id for c in s.competitions if c.date == day(30))
    s = s.model_copy(update={"roles": (MatchRole(competition=out, athlete="A1", role="out"),)})
    plan = solved(s)  # held against the plan checker
    ap = plan.for_athlete("A1")
    assert ap.stages[29] == "FIT" and ap.intensity[29] == 100, ap.intensity[26:32]  # started
    assert ap.intensity[30] == 0 and ap.intensity[31] == 70, ap.intensity[26:32]
    assert f": {RECOVERY_WORDS}." in rules_of(s, plan, "A1", 30)["FACT"]


def test_the_recovery_day_is_the_first_training_day_after_a_start_in_every_case():
    """Review cases: today on MD+2 after a past MD+1 training day made a second recovery day;
    a competition the starter sits out (and trains on) the day after got none; HV-6 at 1 day
    (MD+2 open to speed) turned the MD+2 recovery into 70 %."""
    from planner.season import MatchRole

    # Sat 5, Wed 9, Sat 12, Sat 19: Thu 10 is the recovery after Wednesday, Fri 11 trains
    s = season(weeks=3, athletes=1, matches=[5, 9, 12, 19])
    full = solved(s).for_athlete("A1").intensity
    assert full[10] == 0 and full[11] == 70
    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(11)})})
    out = solve(SolveRequest(moved.model_copy(update={"plan": None}), time_limit=30))
    assert out.plan.for_athlete("A1").intensity[11] == 70  # today: Thursday was the recovery
    assert check_plan(moved, out.plan).violations == ()
    # a cup on Thursday 10 the starter is out of: Thursday trains, and it is the recovery day
    cup = season(weeks=3, athletes=1, matches=[5, 9, 10, 12, 19])
    cup = cup.model_copy(update={"roles": (MatchRole(competition="m2", athlete="A1", role="out"),)})
    it = solved(cup).for_athlete("A1").intensity
    assert it[9] == 100 and it[10] == 0 and it[11] == 70
    # HV-6 at 1 day: MD+2 may hold speed, and without it is still the recovery session
    one = season(weeks=3, athletes=1, matches=[5, 12, 19], rules=RuleSettings(values={"HV-6": {"days_after": 1}}))
    it = solved(one).for_athlete("A1").intensity
    assert it[7] in (0, 80, 90, 95) and it[14] in (0, 80, 90, 95)  # Mondays: recovery or speed


def test_a_squad_meeting_twice_a_week_trains_on_its_md_plus_2():
    """Tuesday and Thursday evenings, Sunday matches: every Tuesday was "Recovery: pool or bike"
    for the whole squad, half its sessions. A squad on fewer than 3 training weekdays trains on
    MD+2 (no speed: HV-6); one on 3 or more keeps the recovery there (MD+1 a day off)."""
    from planner.why import why_day

    def twice(days):
        s = season(weeks=3, athletes=2, matches=[6, 13, 20])  # Sundays
        return s.model_copy(update={"calendar": s.calendar.model_copy(update={
            "training_days": days})})

    s = twice(("tue", "thu"))
    plan = solved(s)  # held against the plan checker
    it = plan.for_athlete("A1").intensity
    assert [it[d] for d in (6, 13)] == [100, 100]  # he starts
    assert [it[d] for d in (8, 15)] == [70, 70]  # the Tuesdays after: the team's session
    assert "recovery" not in " ".join(r.text for r in why_day(s, plan, "A1", day(8)).reasons).lower()
    three = twice(("tue", "wed", "thu"))
    it = solved(three).for_athlete("A1").intensity
    assert [it[d] for d in (8, 15)] == [0, 0] and it[9] == 70  # MD+2 recovery, then training
    # a plan stored by planner version 5, with its Tuesday recoveries, is not kept by a solve:
    # no rule prices 0 against 70 there, so "one season, one plan" would keep it for good
    from planner.season import PLANNER_VERSION

    ap = plan.for_athlete("A1")
    old_it = tuple(0 if d in (8, 15) else v for d, v in enumerate(ap.intensity))
    old = plan.model_copy(update={"planner_version": 5, "athletes": tuple(
        x.model_copy(update={"intensity": old_it}) if x.athlete == "A1" else x
        for x in plan.athletes)})
    assert PLANNER_VERSION > 5 and check_plan(s, old).violations == ()
    again = solve(SolveRequest(s.model_copy(update={"plan": old}), time_limit=30)).plan
    assert [again.for_athlete("A1").intensity[d] for d in (8, 15)] == [70, 70]


def test_a_returner_after_a_certain_start_recovers_and_the_explanation_model_agrees():
    """A returner back (FIT since day -5 after S3) starts Sat 5 and Sat 12 for certain; Monday
    after each is his recovery day (0 %). The explanation model, where fit is not taken as
    certain, still held that Monday to 60/70 % running: the plan's recovery day read as a
    conflict there, one the solver does not have. Both models now agree: the recovery day holds
    in the explanation model with every rule on, and 60 or 70 % is ruled out on it."""
    from solver.explain import _infeasible_with
    from solver.model import PlanModel

    s = season(weeks=3, athletes=2, matches=[5, 12, 19],
               injuries=(injury("A1", "FIT", start_day=-5, history=(("S3", -12),)),))
    ap = solved(s).for_athlete("A1")  # held against the plan checker
    assert [ap.intensity[d] for d in (5, 12)] == [100, 100]  # started
    assert [ap.intensity[d] for d in (7, 14)] == [0, 0], ap.intensity[:16]  # Mondays: recovery
    assert not Timeline(s).trains(6, True, False)  # Sunday off: Monday is the first day after
    # the solving model takes him as fit: no rehab running to hold on those Mondays
    assert all(60 not in PlanModel(s).unit("A1").lv[d] for d in (7, 14))

    def guarded(**levels):
        """The explanation model with A1's Mondays at no level, or (``at``) at that one."""
        model = PlanModel(s, guarded=True)
        u = model.unit("A1")
        assert u.play[5] is True and u.play[12] is True  # starts he certainly makes there
        for d in (7, 14):
            for lvl, x in u.lv[d].items():
                model.m.add(x == int(lvl == levels.get("at")))
        return model

    model = guarded()
    assert not _infeasible_with(model, list(model.groups), 10, None)[0]  # no conflict named
    for at in (60, 70):
        model = guarded(at=at)
        assert _infeasible_with(model, list(model.groups), 10, None)[0], at


def test_a_flare_up_after_a_start_keeps_the_rehab_running_of_the_days_after():
    """A returner who starts on Saturday 26 and flares up on Sunday 27 is back in rehab on
    Monday: the start no longer makes Monday a recovery day (it lost its 60 % rehab running)."""
    s = season(weeks=8, athletes=2, matches=[5, 12, 19, 26, 33, 40, 47, 54],
               injuries=(injury("A1", "S1", start_day=-3, flare_days=(27,)),))
    ap = solved(s).for_athlete("A1")
    assert ap.stages[26] == "FIT" and ap.intensity[26] == 100  # started, then flared up
    assert ap.stages[28] != "FIT" and ap.intensity[28] >= 60  # Monday: rehab running again


def test_a_plan_an_earlier_planner_made_is_replanned_not_kept():
    """A plan stored before the recovery sessions (planner version 1) had the team session on a
    starter's MD+1. No rule is broken by it, so solving again kept it (one season, one plan) and a
    re-plan from a later today kept its future (minimal change): the recovery days never came.
    A plan of an earlier planner version is now re-planned; one of this version is still kept."""
    from planner.season import PLANNER_VERSION, Plan
    from planner.seasonfile import dumps, loads
    from solver.whatif import replan_from_today

    s = season(weeks=3, athletes=2, matches=[5, 9, 12, 19])
    plan = solved(s)
    assert plan.planner_version == PLANNER_VERSION > 1
    assert loads(dumps(s.model_copy(update={"plan": plan}))).plan.planner_version == PLANNER_VERSION
    recovery = [d for d in (7, 10, 14) if plan.for_athlete("A1").intensity[d] == 0]
    assert recovery == [7, 10, 14]

    def stored(version: int):
        aps = []
        for ap in plan.athletes:
            it = list(ap.intensity)
            for d in recovery if ap.athlete == "A1" else ():
                it[d] = 70  # what version 1 planned there
            aps.append(ap.model_copy(update={"intensity": tuple(it)}))
        old = Plan.model_validate({**plan.model_dump(), "athletes": aps, "planner_version": version})
        return s.model_copy(update={"plan": old})

    # a season file written before the version was recorded reads as version 1
    body = dumps(stored(1)).replace('"planner_version": 1,', "")
    assert '"planner_version"' not in body and loads(body).plan.planner_version == 1

    for version, kept in ((1, False), (PLANNER_VERSION, True)):
        s_old = stored(version)
        again = solve(SolveRequest(s_old, time_limit=30))
        assert not check_plan(s_old, again.plan).violations
        assert (again.plan.for_athlete("A1").intensity[10] == 70) is kept, version
        later = E.AdvanceToday(today=day(9)).apply(s_old)
        out = replan_from_today(s_old, later, time_limit=30)
        assert not check_plan(later, out.plan).violations
        assert (out.plan.for_athlete("A1").intensity[14] == 70) is kept, (version, out.message)
        assert ("earlier version of Periodize" in out.message) is not kept


def test_a_flare_up_recorded_afterwards_keeps_the_past_weeks_planned_load():
    """A flare-up recorded for a day already past sends the athlete's days from it back a
    stage, in the plan's past too (what happened). Their planned load was re-priced at the
    lower stage: the week's 'planned' changed after the fact (1200 -> 885 AU on the demo).
    Planned is what was planned before it happened (docs/load.md)."""
    from planner.loadtable import athlete_load
    from planner.seasonfile import dumps, loads
    from solver.whatif import replan, replan_from_today

    s = season(weeks=6, athletes=2, matches=[5, 12, 19, 26, 33, 40],
               injuries=(injury("A1", "P2", start_day=-3),))
    s = s.model_copy(update={"plan": solved(s)})
    later = E.AdvanceToday(today=day(14)).apply(s)
    out = replan_from_today(s, later, time_limit=30)
    later = later.model_copy(update={"plan": out.plan})
    assert out.plan.for_athlete("A1").stages[7:14] == ("P2",) * 7
    week = athlete_load(later, later.plan, "A1").week_of(day(7))
    flared = E.RecordFlareUp(athlete="A1", date=day(9)).apply(later)
    out = replan(later, flared, later.plan, time_limit=30)
    assert not check_plan(flared, out.plan).violations
    ap = out.plan.for_athlete("A1")
    assert ap.stages[9:14] == ("P1",) * 5  # what happened: back a stage from the flare-up
    assert ap.planned_stages == {day(i): "P2" for i in range(9, 14)}
    flared = flared.model_copy(update={"plan": out.plan})
    after = athlete_load(flared, flared.plan, "A1").week_of(day(7))
    assert after.planned == week.planned
    assert after.load < week.load  # the load itself is what happened: P1 sessions
    again = loads(dumps(flared))  # kept in the season file
    assert again.plan.for_athlete("A1").planned_stages == ap.planned_stages


def _flared_on_day_3_at(top: int, inj: Injury | None = None):
    """A1 in S2 (or ``inj``), today day 7; logged day 3 at ``top`` % and a flare-up that day (back
    to S1): the season and its re-plan from today (checked)."""
    from solver.whatif import replan_from_today

    s = season(weeks=6, athletes=2, matches=[12, 19, 26, 33, 40],
               injuries=(inj or injury("A1", "S2", start_day=-3),))
    s = s.model_copy(update={"plan": solved(s)})
    later = E.AdvanceToday(today=day(7)).apply(s)
    logs = tuple(Session(athlete="A1", date=day(d), minutes=60, rpe=5, top_speed_pct=tp)
                 for d, tp in ((0, 90), (1, 60), (2, 90), (3, top), (4, 50), (5, 50)))
    later = E.LogSessions(sessions=logs).apply(later)
    later = E.RecordFlareUp(athlete="A1", date=day(3)).apply(later)
    out = replan_from_today(s, later, time_limit=30)
    assert not check_plan(later, out.plan).violations
    return later, out


def test_the_session_that_flared_up_is_no_ladder_or_exit_progress():
    """A1 ran at 90 % on the day of a flare-up that sent A1 back from S2 to S1, whose exit is
    two days at 90 % (pain-free). That session counted as one of them: A1 left S1 after a single
    day at 90 after the flare-up. The plan and the plan checker now leave it out."""
    later, out = _flared_on_day_3_at(90)
    ap = out.plan.for_athlete("A1")
    assert ap.stages[3] == "S1" and ap.intensity[3] == 90  # what happened on the flare-up's day
    exit_day = ap.stages.index("S2", 4)
    at_cap = [d for d in range(4, exit_day) if ap.intensity[d] >= 90]
    assert len(at_cap) >= 2, (at_cap, ap.intensity[:exit_day])
    # a plan leaving S1 the day after the first 90 % day since the flare-up breaks RH-STAGE
    early = at_cap[0] + 1
    stages = ap.stages[:early] + ("S2",) * (exit_day - early) + ap.stages[exit_day:]
    bad = out.plan.model_copy(update={"athletes": tuple(
        x.model_copy(update={"stages": stages}) if x.athlete == "A1" else x for x in out.plan.athletes)})
    said = [v.message for v in check_plan(later, bad).violations if v.rule == "RH-STAGE"]
    assert any("1 day at 90 %" in m for m in said), said


def test_the_session_that_flared_up_is_no_step_of_the_sprint_ladder():
    """The same at 80 %: back in S1 (credited up to 70 %), 90 % needs two days at 80 % since the
    flare-up; the 80 % session that flared up was one of them."""
    _later, out = _flared_on_day_3_at(80)
    ap = out.plan.for_athlete("A1")
    assert ap.intensity[3] == 80
    first90 = next(d for d in range(4, len(ap.intensity)) if ap.intensity[d] >= 90)
    assert sum(1 for d in range(4, first90) if ap.intensity[d] == 80) >= 2, ap.intensity[:first90 + 1]


def test_after_a_flare_up_at_90_the_first_speed_day_back_is_at_most_90():
    """A returner (FIT, after S3) logs 90 % with pain and the flare-up is recorded: back to S3,
    whose cap of 100 % gave RH-11's credit up to 90 %, so the first speed day after the calm days
    was 95 %, above the speed that flared up. The credit now stays a level below the top speed
    logged on the flare-up's day (80 %): the first speed day back is at most 90 %, the plan checker
    counts the same credit, and explain says why."""
    back = injury("A1", "FIT", start_day=-3, history=(("S3", -20),))
    later, out = _flared_on_day_3_at(90, back)
    ap = out.plan.for_athlete("A1")
    assert ap.stages[3] == "S3"
    first = next(d for d in range(6, len(ap.intensity)) if ap.intensity[d] >= 80)
    assert ap.stages[first] == "S3" and ap.intensity[first] <= 90, ap.intensity[:first + 1]
    up90 = next(d for d in range(6, len(ap.intensity)) if ap.intensity[d] == 90)
    ladder = [r.text for r in why_day(later, out.plan, "A1", day(up90)).reasons if r.rule == "RH-11"]
    assert any(f"credited after the flare-up of {day_long(day(3))}, only below the 90 % it flared "
               f"up at" in t for t in ladder), ladder
    # 95 % on that first speed day breaks RH-11 for the checker too
    it = ap.intensity[:first] + (95,) + ap.intensity[first + 1:]
    bad = out.plan.model_copy(update={"athletes": tuple(
        x.model_copy(update={"intensity": it}) if x.athlete == "A1" else x for x in out.plan.athletes)})
    assert any(v.rule == "RH-11" and v.athlete == "A1" for v in check_plan(later, bad).violations)


def test_the_rules_flare_up_credit_holds_when_the_flared_session_left_it_above():
    """Credited a level below the speed that flared up, and never above the rule's own credit
    (two levels below the new stage's cap): a flare-up at 100 % in S3 credits up to 90 %, one
    with no top speed logged as well, one at 90 % up to 80 % and one at 60 % nothing."""
    from planner.history import ladder_credit
    from planner.protocols import load_protocol
    from planner.rehab import Segment

    proto = load_protocol("iliopsoas-tendinopathy")
    rec = injury("A1", "FIT", start_day=-3, history=(("S3", -20),))
    rec = rec.model_copy(update={"flare_ups": (day(3),)})
    seg = Segment(day(3), "S3", "flare-up")
    for top, credited in ((100, 90), (None, 90), (90, 80), (60, 0)):
        logs = () if top is None else (Session(athlete="A1", date=day(3), minutes=60, rpe=5,
                                               top_speed_pct=top),)
        s = season(weeks=2, athletes=2, injuries=(rec,)).model_copy(update={"sessions": logs})
        got = ladder_credit(s, rec, proto, seg, 2, 2)
        assert max(got, default=0) == credited, (top, got)
        assert all(n == 2 for n in got.values())


def test_a_past_weeks_handout_says_a_flare_up_happened_not_that_it_is_planned():
    """The athlete sheet's week of a flare-up already recorded read "planned: S1 from ...":
    a past change is said as what happened."""
    from planner.handout import handout_weeks

    later, out = _flared_on_day_3_at(90)
    (week,) = handout_weeks(later, out.plan, ["A1"], [0])
    assert "S1 from " in week.milestone and "(flare-up)" in week.milestone, week.milestone
    assert "planned: S1" not in week.milestone
    later_week = handout_weeks(later, out.plan, ["A1"], [2])[0]  # from today on: still planned
    assert "planned: S2 from" in later_week.milestone, later_week.milestone


def test_the_second_ramp_step_after_a_logged_speed_day_is_open_to_the_solver():
    """A player logged a speed day at 80 % on the season's first day (RAMP's step 1), then was ill.
    The solver let him only 95 % afterwards, which RAMP's step 2 forbids: no speed day until the
    match, HV-1 windows missed, and a plan called optimal that a pin at 90 % beat."""
    s = season(weeks=4, athletes=2, matches=[12, 19, 26])
    s = s.model_copy(update={"plan": solved(s)})
    later = E.AdvanceToday(today=day(7)).apply(s)
    logs = (Session(athlete="A1", date=day(0), minutes=60, rpe=5, top_speed_pct=80),) + tuple(
        Session(athlete="A1", date=day(d), minutes=0, rpe=0) for d in range(1, 7))
    later = E.LogSessions(sessions=logs).apply(later)
    free = solve(SolveRequest(later, time_limit=30))
    assert free.status == Status.OPTIMAL and not check_plan(later, free.plan).violations
    ap = free.plan.for_athlete("A1")
    assert ap.intensity[0] == 80 and 90 in ap.intensity[7:12], ap.intensity[:12]
    pinned = E.AddPin(pin=IntensityPin(athlete="A1", date=day(7), intensity=90)).apply(later)
    other = solve(SolveRequest(pinned, time_limit=30))
    assert other.plan is not None and free.objective <= other.objective  # a pin cannot beat it


def test_the_handout_and_why_leave_out_the_session_that_flared_up_too():
    """The plan and the checker left the flare-up day's 90 % out, but the handout still said
    "1 session at 90 % to leave S1 (1 done)" and why "highest level reached before this day
    90 %" while the ladder had restarted."""
    from planner.handout import handout_weeks

    later, out = _flared_on_day_3_at(90)
    ap = out.plan.for_athlete("A1")
    (week,) = handout_weeks(later, out.plan, ["A1"], [1])  # today's week, in S1
    assert ap.stages[7] == "S1" and "2 sessions at 90 % to leave S1" in week.milestone, week.milestone
    first80 = next(d for d in range(7, 21) if ap.intensity[d] == 80)
    said = rules_of(later, out.plan, "A1", first80)["RH-11"]
    assert "highest level reached before this day 70 %" in said, said
    # a later rehab day at a level reached already is no step: "70 % needs 60 % done on 2 days
    # first (met); highest level reached before this day 90 %" read as one
    again = next(d for d in range(first80 + 1, len(ap.intensity)) if ap.stages[d] not in
                 ("FIT", "INJ") and 70 <= ap.intensity[d] <= max(ap.intensity[7:d]))
    said = rules_of(later, out.plan, "A1", again)["RH-11"]
    assert f"Sprint ladder: {ap.intensity[again]} % is no new step" in said, said
    assert "needs" not in said, said


def test_the_calm_days_after_a_flare_up_hold_when_the_athlete_is_recorded_fit():
    """A flare-up on day 2, then FIT recorded on day 3 (records after a flare-up stand): the
    solver took days 3-4 for certain fit days (70 % or speed) and ran 80 % the day after the
    flare-up, which RH-FL forbids. A calm day allows at most 60 %, fit or not."""
    inj = injury("A1", "S3", start_day=-10, flare_days=(2,))
    inj = inj.model_copy(update={"stages": inj.stages + (StageRecord(stage="FIT", start=day(3)),)})
    for matches in ([], [3]):
        s = season(weeks=2, athletes=1, matches=matches, injuries=(inj,))
        ap = solved(s).for_athlete("A1")
        assert ap.stages[3:5] == ("FIT", "FIT") and max(ap.intensity[2:5]) <= 60, ap.intensity[:7]


def test_the_week_in_progress_is_the_athletes_own_once_a_flare_up_puts_them_back_in_rehab():
    """A flare-up recorded afterwards has a returned athlete in S3 on the Monday of the taper
    week in progress: the week kept its stored 'taper', and an athlete in rehab on a week's first
    day has a week of their own, load or deload (DL-2)."""
    from planner.progress import projected_transitions
    from planner.season import Competition

    s = season(weeks=5, athletes=1, matches=[],
               comps=[Competition(id="cup", name="Cup", date=day(30), priority="A")],
               injuries=(injury("A1", "S3", start_day=-6),))
    s = s.model_copy(update={"plan": solved(s)})
    assert s.plan.team_weeks[2] == "taper" and s.plan.for_athlete("A1").stages[14] == "FIT"
    acc = tuple(E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
                for t in projected_transitions(s, day(16)))
    s = E.AdvanceToday(today=day(16), accepted=acc).apply(s)
    s = E.RecordFlareUp(athlete="A1", date=day(11)).apply(s)
    ap = solved(s).for_athlete("A1")
    assert ap.stages[14] == "S3" and ap.weeks[2] in ("load", "deload")


def test_a_pin_on_a_match_day_follows_whether_the_athlete_plays():
    """A returner's first match (whether he plays is the model's, RE-1): a pin of the plan's own
    100 % was infeasible, and a pin at 0 % was ignored (the plan still started him). A pin at 80
    on the match day of a player who is out was taken for training at 80, which is playing."""
    from planner.timeline import Timeline

    s = season(weeks=4, athletes=1, matches=[5, 12, 19, 26], injuries=(injury("A1", "S3", start_day=-6),))
    free = solved(s).for_athlete("A1")
    d = next(i for i in Timeline(s).comp_days if free.intensity[i] == 100)
    pinned = E.AddPin(pin=IntensityPin(athlete="A1", date=day(d), intensity=100)).apply(s)
    assert solved(pinned).for_athlete("A1").intensity[d] == 100
    held = E.AddPin(pin=IntensityPin(athlete="A1", date=day(d), intensity=0)).apply(s)
    out = solve(SolveRequest(held, time_limit=30))
    assert out.status == Status.INFEASIBLE or out.plan.for_athlete("A1").intensity[d] == 0
    s = season(weeks=2, athletes=1, matches=[5])
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"role": "out"}),)})
    for level in (80, 100):
        out = solve(SolveRequest(E.AddPin(pin=IntensityPin(athlete="A1", date=day(5), intensity=level)).apply(s),
                                 time_limit=30))
        assert out.status == Status.INFEASIBLE and {c.rule for c in out.explanation} >= {"PIN"}
    assert solved(E.AddPin(pin=IntensityPin(athlete="A1", date=day(5), intensity=70)).apply(s)
                  ).for_athlete("A1").intensity[5] == 70


def test_a_failed_test_still_holds_after_the_stage_is_recorded_again():
    """After a flare-up and a failed strength test, the way on past the stage's maximum is to
    record the stage again ("still in S3 on 23 Nov"). That record started a new episode, so the
    failed test no longer counted: the player was planned back to full training the day before
    his retest, and nothing mentioned the test. A record of the stage held already restarts its
    durations, not its episode: the failed result still holds him until the retest."""
    failed = CriteriaTest(date=day(-5), name="Hip-flexor strength LSI", value=82, unit="%")
    base = injury("A1", "P3", start_day=-20)
    again = base.model_copy(update={"tests": (failed,), "stages": base.stages + (
        StageRecord(stage="P3", start=day(-1)),)})
    rules = RuleSettings(values={"RH-CRIT": {"retest_days": 14}})
    s_free = season(weeks=8, athletes=1, injuries=(base,), rules=rules)
    s_again = season(weeks=8, athletes=1, injuries=(again,), rules=rules)
    free, hold = solved(s_free), solved(s_again)  # each held against the plan checker
    leave = lambda p: next(i for i, st in enumerate(p.for_athlete("A1").stages) if st != "P3")  # noqa: E731
    assert leave(free) < 9 <= leave(hold)  # held until day -5 + 14
    early = check_plan(s_again, free)
    assert "RH-CRIT" in [v.rule for v in early.violations]
    assert "held until retest" in rules_of(s_again, hold, "A1", 3)["RH-CRIT"]
    assert returns(s_again, hold)[0].provisional


def test_speed_work_after_a_match_the_athlete_was_away_for_is_not_called_compensation():
    """TEAM exempts HV training on MD+1/MD+2 of any match not played (rules-spec section 5), but
    the board and the handout call it a compensation session only after a match the athlete
    could have played. The explanation of an away player's MD+2 sprint said both "not a match
    the athlete could play; speed work" and "A compensation session after a match the athlete
    did not play"."""
    from planner.season import Unavailability

    s = season(weeks=3, athletes=2, matches=[5, 12, 19],
               unavailable=(Unavailability(athlete="A2", start=day(5), end=day(5),
                                           reason="International duty"),))
    plan = solved(s)
    ap = plan.for_athlete("A2")
    edited = plan.model_copy(update={"athletes": tuple(
        x if x.athlete != "A2" else x.model_copy(update={"intensity": ap.intensity[:7] + (95,)
                                                       + ap.intensity[8:]})
        for x in plan.athletes)})
    said = rules_of(s, edited, "A2", 7)
    assert "not a match the athlete could play; speed work" in said["HV-6"]
    assert said["TEAM"] == ("Speed work on MD+2 of a match the athlete did not play (away): it "
                            "does not count as another team speed day.")
    assert "compensation" not in said["TEAM"].lower()


def test_a_return_after_a_flare_up_ahead_is_priced_and_planned_at_its_earliest():
    """A returned athlete's flare-up dated after today (a what-if "he flares up") moved him back
    to the last stage, but RTS counted only his first return (or nothing, for one fit on
    today): the days back after the flare-up cost nothing, the plan put the return off by one
    to two weeks, and the what-if understated the flare-up. Each return is priced now."""
    from planner.rules import RuleSet
    from solver.queries import return_report

    back = injury("A1", "FIT", start_day=-10, history=(("S3", -20),), flare_days=(12,))
    s = season(weeks=8, athletes=2, injuries=(back,))
    out, report = solved_and_checked(s)
    stages = out.plan.for_athlete("A1").stages
    assert stages[11] == FIT and stages[12] != FIT  # back in rehab from the flare-up
    fit = next(i for i in range(12, len(stages)) if stages[i] == FIT)
    (rts,) = [x for x in report.soft if x.rule == "RTS"]
    weight = RuleSet(s.rules).value("RTS", "weight")
    assert rts.penalty == weight * (fit - 12)
    assert "back in rehab (S3) from" in rts.message and "(a flare-up)" in rts.message
    ahead = return_report(s, "A1")
    assert day(fit) == ahead.earliest_fit  # not put off
    assert ahead.text(s).startswith(f"Athlete 1 (A1), in rehab since the flare-up of "
                                    f"{day_long(day(12))}:")  # not "in INJ"
    # the plan that puts it off a week costs a week of RTS more
    later = out.plan.model_copy(update={"athletes": tuple(
        x if x.athlete != "A1" else x.model_copy(update={
            "stages": x.stages[:fit] + ("S3",) * 7 + x.stages[fit + 7:]})
        for x in out.plan.athletes)})
    assert check_plan(s, later).penalties()["RTS"] >= report.penalties()["RTS"] + 7 * weight


def test_explain_return_says_a_return_after_a_flare_up_ahead_is_provisional_as_the_returns_do():
    """A fit athlete's flare-up ahead sends him back to S3, whose tests he passed before it (they
    count in that episode only): the Returns panel and solve said the return was provisional on
    S3's tests, `explain --return` gave it as a firm date (it worked out the tests on its own
    and read "in rehab" as no stage). Both read the same returns now."""
    from planner.season import CriteriaTest
    from solver.queries import return_report

    back = injury("A1", "FIT", start_day=-10, history=(("S3", -20),), flare_days=(12,))
    back = back.model_copy(update={"tests": (
        CriteriaTest(date=day(-12), name="Hip-flexor strength LSI", value=95, unit="%"),
        CriteriaTest(date=day(-12), name="Pain during max sprint", value=0, unit="/10"))})
    s = season(weeks=8, athletes=2, injuries=(back,))
    out, _report = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    ahead = return_report(s, "A1")
    [ret] = [r for r in returns(s, out.plan) if r.athlete == "A1" and r.setback is not None]
    words = (" (provisional: S3's Hip-flexor strength LSI (≥ 90 %) and Pain during max sprint "
             "(≤ 2/10) not passed yet)")
    assert ret.back_note() == words
    assert ahead.earliest_fit == ret.fit
    assert f"earliest return to FIT: {day_long(ahead.earliest_fit)}{words}\n" in ahead.text(s) + "\n"


def test_the_checker_reads_the_weeks_before_today_as_the_solver_does_without_a_stored_plan():
    """A season with today mid-season and no stored plan: the solver reads the weeks before
    today as load weeks and plans a deload; the checker read them as unknown and passed the
    same plan without it, three points cheaper than the solver's 'optimal' one."""
    s = season(weeks=8, athletes=2, today=day(35))
    out, _ = solved_and_checked(s)
    assert out.plan.team_weeks[5] in ("deload", "taper")  # five load weeks done: one now
    load = lambda wk: wk[:5] + ("load",) + wk[6:]  # noqa: E731
    no_deload = out.plan.model_copy(update={"team_weeks": load(out.plan.team_weeks), "athletes": tuple(
        x.model_copy(update={"weeks": load(x.weeks)}) for x in out.plan.athletes)})
    (dl2,) = [v for v in check_plan(s, no_deload).violations if v.rule == "DL-2"]
    assert "counting the 5 before today" in dl2.message


def test_a_returns_first_match_is_before_a_flare_up_that_follows_it():
    """In rehab today, back on a planned day, then a flare-up dated after today: the return's
    "first start" was a match after the second return, a match he played as another return."""
    rec = injury("A1", "S2", start_day=-3, history=(("S1", -12),), flare_days=(16,))
    s = season(weeks=8, athletes=2, injuries=(rec,))
    plan = solved(s)
    st = plan.for_athlete("A1").stages
    fit = st.index(FIT)
    assert fit < 16 and st[16] != FIT
    (ret,) = [r for r in returns(s, plan) if r.athlete == "A1"]
    assert ret.fit == day(fit)
    for when in (ret.first_match, ret.first_start):
        assert when is None or when < day(16), (ret.first_match, ret.first_start)


def test_a_stage_outlasted_before_today_says_its_maximum_counts_again_from_today():
    """"Day 16 of S1 (started …): it lasts 2-10 days" read as a rule broken: the stage had gone
    past its maximum before today (a change the plan projected was not recorded), and the
    maximum counts again from today, as the plan checker reads it."""
    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="S1", start=day(-5)),))
    s = season(weeks=5, athletes=2, injuries=(rec,), today=day(10))
    plan = solved(s)
    assert plan.for_athlete("A1").stages[10] == "S1"
    said = rules_of(s, plan, "A1", 10)["RH-STAGE"]
    assert said.startswith(f"Day 16 of S1 (started {day_long(day(-5))}): it lasts 2-10 days; its "
                           f"maximum had gone by before today, so it counts again from today, "
                           f"{day_long(day(10))} (day 1 since)"), said


def test_explain_return_says_a_failed_test_holds_the_stage_until_the_retest():
    """`explain --return` gave the earliest return a failed result had pushed back, and never
    said why."""
    from solver.queries import return_report

    rec = injury("A1", "P2", start_day=-30).model_copy(update={"tests": (CriteriaTest(
        date=day(1), name="Hip-flexor strength LSI", value=60, unit="%"),)})
    s = season(weeks=8, athletes=2, injuries=(rec,), today=day(2))
    said = return_report(s, "A1").text(s)
    assert (f"  held in P2 until the retest, {day_long(day(8))}: Hip-flexor strength LSI 60 % "
            f"on {day_long(day(1))} (pass mark ≥ 80 %)") in said, said
    free = season(weeks=8, athletes=2, injuries=(injury("A1", "P2", start_day=-30),), today=day(2))
    assert "held in" not in return_report(free, "A1").text(free)


def test_the_ladder_after_a_flare_up_says_it_restarted_there():
    """A returner plays 90 minutes at 100 % and flares up that day (back to S3): explain's RH-11
    said "highest level reached before this day 90 %" beside the match sprints he had logged, as
    if they were not read. RH-11 resets at a flare-up and credits up to two levels below S3's cap
    (rules-spec section 6): the line says the ladder restarted there and what it credits."""
    from tests.builders import flared_on_a_match_played

    s = flared_on_a_match_played()
    ap = s.plan.for_athlete("A2")
    assert (ap.stages[4], ap.stages[5], ap.intensity[6], ap.intensity[7]) == ("FIT", "S3", 0, 60)
    (said,) = [r.text for r in why_day(s, s.plan, "A2", day(7)).reasons if r.rule == "RH-11"]
    assert said == ("Sprint ladder: highest level reached before this day 90 % (the ladder "
                    "restarted at the flare-up of Sat 9 Jan 2027: credited up to 90 %, what was "
                    "run before it not counted).")
