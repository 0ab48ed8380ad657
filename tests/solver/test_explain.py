"""Infeasibility explanations, "why" for days and weeks, and return-date queries."""

from __future__ import annotations

import datetime as dt

from planner import edits as E
from planner.check import check_plan
from planner.season import IntensityPin, NonTrainingDay, RuleSettings, StagePin, Unavailability
from planner.text import date_long, day_long
from planner.timeline import Timeline
from planner.why import why_day, why_week
from solver import SolveRequest, Status, solve
from solver.queries import return_report
from tests import demoplan
from tests.builders import day, injury, season, solved_and_checked
from tests.solver.test_solver import solved


def test_stage_that_can_no_longer_meet_its_exit_is_infeasible_and_named():
    # P2 (21-42 days) since 21 days before the season: its exit (60, 60, 70, 70) must be done in
    # the 21 days left, and the athlete is away for all of them (with less than its minimum
    # left, a stage's maximum would count again from today: docs/semantics.md)
    away = (Unavailability(athlete="A1", start=day(0), end=day(20)),)
    s = season(weeks=4, athletes=2, injuries=(injury("A1", "P2", start_day=-21),), unavailable=away)
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert out.explanation and all(c.athlete == "A1" for c in out.explanation if c.athlete)
    assert {c.rule for c in out.explanation} & {"RH-STAGE", "RH-11"}
    assert any("Athlete 1 (A1)" in c.text for c in out.explanation)
    # the absence leaves too few days, not the team's calendar: no training days named
    assert not any("training days" in c.text for c in out.explanation)
    assert all(r.kind != "training-days" for r in out.remedies)


def test_a_stage_out_of_days_offers_recording_it_from_today_and_that_record_gives_a_plan():
    # P2 (21-42 days) since 7 days before the season; today is day 14 and the athlete is away
    # until day 34, so P2 must end by day 35 with its exit (two days at 70 %) never done. An
    # athlete who is simply not ready is recorded in P2 again from today: its days count anew
    away = (Unavailability(athlete="A1", start=day(14), end=day(34)),)
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=away, today=day(14))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert any(c.rule == "RH-STAGE" and "must end by" in c.text for c in out.explanation)
    assert [(r.athlete, r.stage, r.date) for r in out.remedies] == [("A1", "P2", day(14).isoformat())]
    # the cause first (the stage's maximum), then the physio's re-assessment
    assert out.remedies[0].text == (
        f"Athlete 1 (A1) has been in P2 since {date_long(day(-7))}, and P2 lasts at most 42 days: "
        f"it must end by {date_long(day(34))}. If the physio re-assesses Athlete 1 (A1) as still "
        f"in P2 on {date_long(day(14))} (P2's 21-42 days restarting from that day), record that, "
        f"and the season has a plan.")
    recorded = E.RecordStage(athlete="A1", stage="P2", start=day(14)).apply(s)
    again = solve(SolveRequest(recorded, time_limit=20))
    assert again.plan is not None
    assert not check_plan(recorded, again.plan).violations  # the independent checker
    assert again.plan.for_athlete("A1").stages[35] == "P2"  # past the maximum it had


def test_an_absence_a_stage_cannot_outlast_is_named_with_the_ways_on():
    """An athlete in a stage whose days left are fewer than a known absence: no plan (the
    stage's maximum is a hard rule), and the explanation listed only RH-STAGE items, never the
    absence that causes them, with advice ("a pin, a date, a rule value") naming nothing to do.
    Absences outside the stage's days, and another athlete's, are no cause: not named."""
    from planner.text import date_long
    from planner.text import span as span_of

    away = (Unavailability(athlete="A1", start=day(14), end=day(34), reason="Home for Christmas"),
            Unavailability(athlete="A1", start=day(38), end=day(39)),
            Unavailability(athlete="A2", start=day(15), end=day(16)))
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=away, today=day(14))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    named = [c for c in out.explanation if c.rule == "AV-1"]
    assert [(c.athlete, c.start, c.end) for c in named] == [("A1", day(14).isoformat(), day(34).isoformat())]
    text = named[0].text
    assert (f"Athlete 1 (A1) away {span_of(day(14), day(34))} (Home for Christmas): P2 must end "
            f"by {date_long(day(34))} and no stage work is done while away") in text
    assert "enter the absence a week at a time" in text and "record the stage as it stands" in text
    # the RH-STAGE item it explains says the same end
    assert any(c.rule == "RH-STAGE" and f"must end by {date_long(day(34))}" in c.text
               for c in out.explanation)


def test_a_signings_days_before_he_joined_are_named_as_such_with_ways_on_that_fit_him():
    """A signing in rehab whose stage's maximum runs out before he joins read "AV-1 (away in
    rehab): … away … (not in the squad yet): … Ways on: enter the absence a week at a time as it
    happens": he is not away, and a week at a time fits no signing. It says he joins then, that
    his rehab before counts as far as it is logged, and the ways on that fit: log his sessions
    from before he joined, or record the stage on the day he joined."""
    from planner.squad import JOINED_REASON
    from planner.text import date_long, day_long

    before = (Unavailability(athlete="A1", start=day(0), end=day(34), reason=JOINED_REASON),)
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=before, today=day(14))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    (named,) = [c for c in out.explanation if c.rule == "AV-1"]
    assert named.text.startswith(f"AV-1 (not in the squad yet): Athlete 1 (A1) joins on "
                                 f"{day_long(day(35))}: P2 must end by {date_long(day(34))} and "
                                 f"nothing is planned before Athlete 1 joins")
    assert "log the sessions from before Athlete 1 joined" in named.text
    assert "away" not in named.text and "a week at a time" not in named.text


def test_pins_that_break_spacing_are_infeasible_and_name_rule_and_dates():
    pins = (IntensityPin(athlete="A2", date=day(8), intensity=95),
            IntensityPin(athlete="A2", date=day(9), intensity=95))
    s = season(weeks=3, athletes=3, matches=[5, 19], pins=pins)
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    rules = {c.rule for c in out.explanation}
    assert "HV-5" in rules and "PIN" in rules
    dates = {c.start for c in out.explanation} | {c.end for c in out.explanation}
    assert {day(8).isoformat(), day(9).isoformat()} <= dates
    # no stage ran out of days: nothing to record; either pin changed gives a plan (said only)
    assert not [r for r in out.remedies if r.records]
    assert sorted((r.kind, r.date) for r in out.remedies) == [
        ("pin", day(8).isoformat()), ("pin", day(9).isoformat())]


def test_why_a_match_day_an_md_plus_1_and_an_unavailable_day():
    s = season(weeks=3, athletes=2, matches=[5, 12, 19],
               unavailable=(Unavailability(athlete="A2", start=day(8), end=day(9)),))
    out, _ = solved(s)
    w = why_day(s, out.plan, "A1", day(5))
    # the role decides a match day, not the rest rule (it read "Bound by: AV-1")
    assert any(r.kind == "bound" and r.text.startswith("Starts 'Match 1' (the player's default "
                                                       "role") for r in w.reasons)
    assert not any(r.rule == "AV-1" for r in w.reasons)
    assert any(r.rule == "HV-1" and r.kind == "serves" for r in w.reasons)
    w = why_day(s, out.plan, "A1", day(6))  # Sunday MD+1
    assert any(r.rule == "AV-1" for r in w.reasons)
    w = why_day(s, out.plan, "A1", day(13))  # Monday MD+1
    assert any(r.rule == "HV-6" for r in w.reasons)
    w = why_day(s, out.plan, "A2", day(8))
    assert any(r.rule == "AV-1" and "unavailable" in r.text for r in w.reasons)
    assert "A1" in why_day(s, out.plan, "A1", day(4)).summary or "Athlete 1" in why_day(s, out.plan, "A1", day(4)).summary


def test_why_a_rehab_day_and_a_pinned_day_and_weeks():
    pins = (IntensityPin(athlete="A2", date=day(8), intensity=0),)
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=-10),), pins=pins,
               rules=RuleSettings(values={"DL-2": {"max_load_weeks": 2}}))
    out, _ = solved(s)
    w = why_day(s, out.plan, "A1", day(3))
    rules = {r.rule for r in w.reasons}
    assert {"RH-CAP", "RH-STAGE"} <= rules
    assert any("Day 14 of P3" in r.text for r in w.reasons if r.rule == "RH-STAGE")
    assert any(r.rule == "PIN" for r in why_day(s, out.plan, "A2", day(8)).reasons)
    deload = out.plan.team_weeks.index("deload")
    ww = why_week(s, out.plan, None, day(deload * 7))
    assert any(r.rule == "DL-2" and ("at most 2 load weeks" in r.text if r.kind == "bound" else
                                     "allows up to 2 in a row" in r.text) for r in ww.reasons)
    assert "deload" in ww.summary


def test_return_report_matches_a_plan_and_latest_entries_are_tight():
    target_day = 40
    s = season(weeks=8, athletes=1, injuries=(injury("A1", "P3", start_day=-20, target="m5"),),
               matches=[5, 12, 19, 26, 33, 40, 47, 54])
    assert s.competition("m5").date == day(target_day)
    rep = return_report(s, "A1")
    out, _ = solved(s)
    first_fit = out.plan.for_athlete("A1").stages.index("FIT")
    assert rep.earliest_fit == day(first_fit)  # RTS dominates the objective
    assert rep.target_reachable is True
    latest = dict(rep.latest_entries)
    assert set(latest) == {"S1", "S2", "S3", "FIT"}
    s3 = latest["S3"]
    assert s3 <= day(target_day - 7)  # S3 lasts at least 7 days
    # entering S3 on the latest day still makes the target; a day later does not
    hard = RuleSettings(modes={"RTS": "hard"})
    ok = s.model_copy(update={"rules": hard, "pins": (StagePin(athlete="A1", stage="S3", date=s3),)})
    assert solve(SolveRequest(ok, time_limit=20)).status in (Status.OPTIMAL, Status.FEASIBLE)
    late = s.model_copy(update={"rules": hard, "pins": (StagePin(athlete="A1", stage="S3",
                                                                date=s3 + dt.timedelta(days=1)),)})
    assert solve(SolveRequest(late, time_limit=20)).status == Status.INFEASIBLE


def test_return_report_says_when_the_stored_plan_returns_later_than_the_earliest():
    s = season(weeks=8, athletes=1, injuries=(injury("A1", "P3", start_day=-20, target="m5"),),
               matches=[5, 12, 19, 26, 33, 40, 47, 54])
    out, _ = solved(s)
    first_fit = out.plan.for_athlete("A1").stages.index("FIT")
    assert "stored plan" not in return_report(s.model_copy(update={"plan": out.plan}), "A1").text(s)
    # a plan that keeps the athlete in S3 three days longer (a stale or a traded-off plan)
    ap = out.plan.for_athlete("A1")
    later = ap.model_copy(update={"stages": ap.stages[:first_fit] + ("S3",) * 3 + ap.stages[first_fit + 3:]})
    stale = s.model_copy(update={"plan": out.plan.model_copy(update={"athletes": (later,)})})
    rep = return_report(stale, "A1")
    assert rep.earliest_fit == day(first_fit) and rep.planned_fit == day(first_fit + 3)
    text = rep.text(stale)
    assert "the stored plan has the return 3 days later" in text
    assert f"--stage-start A1 FIT {day(first_fit).isoformat()}" in text
    # a command that runs as printed: the season file named, the scenario named
    assert (f"periodize whatif club.season.json --new 'Earliest return' --stage-start A1 FIT "
            f"{day(first_fit).isoformat()}") in rep.text(stale, "club.season.json")


def test_return_report_for_an_unreachable_target():
    s = season(weeks=4, athletes=1, injuries=(injury("A1", "P2", start_day=-2, target="m1"),))
    rep = return_report(s, "A1")
    assert rep.target_reachable is False
    assert "can no longer be made" in rep.text(s)


def test_a_target_played_before_a_later_flare_up_reads_met_in_every_place():
    """A1 is back, plays the target (m1) and has a flare-up two days later. The day after, the
    target is history: explain --return says it was met (played), as the Returns panel does, and
    the Returns line says the return shown is the one after the setback."""
    from planner.returns import return_text, returns
    from tests.builders import target_played_then_flared

    s, target, t = target_played_then_flared()
    rep = return_report(s, "A1")
    assert rep.target_played is True
    assert f"target '{target.name}' ({day_long(target.date)}) is in the past: met (played)." in rep.text(s)
    (r,) = [r for r in returns(s, s.plan, history=True) if r.athlete == "A1"]
    assert r.target_met and r.fit > target.date
    assert "met (played before the setback this return follows)" in return_text(s, r)
    # today is set; the setback this return follows is named before it
    assert (" (flare-up of Mon 18 Jan, 17 days after the return of Fri 1 Jan; now S3 heavy "
            "football session)") in return_text(s, r)
    no_today = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": None})})
    assert "; at the season start S3 heavy football session)" in return_text(no_today, r)


def test_pin_on_an_unavailable_day_names_availability_and_the_pin():
    s = season(weeks=2, athletes=2, unavailable=(Unavailability(athlete="A1", start=day(2), end=day(3)),),
               pins=(IntensityPin(athlete="A1", date=day(3), intensity=95),))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert {c.rule for c in out.explanation} == {"AV-1", "PIN"}
    assert all(c.start == day(3).isoformat() for c in out.explanation)


def test_a_stage_start_pin_before_the_minimum_days_names_the_stage_beside_the_pin():
    """The explanation named the pin alone ("PIN (the coach's pin S1 starts 10 Jan)"), not the
    rule it contradicts. A1 is in P3 (21-42 days) from day -3."""
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=-3),),
               pins=(StagePin(athlete="A1", stage="S1", date=day(6)),))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    texts = sorted(c.text for c in out.explanation)
    assert texts == [
        f"PIN (the coach's pin S1 starts {day(6).day} Jan) for Athlete 1 (A1), {day_long(day(6))}",
        f"RH-STAGE (P3 lasts at least 21 days from {day(-3).day} Jan 2027: S1 starts on "
        f"{day(18).day} Jan 2027 at the soonest) for Athlete 1 (A1), 4 Jan to 14 Feb 2027"], texts
    # two stages on: the minimum days of the stage between are counted, and said
    s = s.model_copy(update={"pins": (StagePin(athlete="A1", stage="S2", date=day(20)),)})
    out = solve(SolveRequest(s, time_limit=20))
    rh = [c.text for c in out.explanation if c.rule == "RH-STAGE"]
    assert rh == [f"RH-STAGE (P3 lasts at least 21 days from {day(-3).day} Jan 2027, and S1 its "
                  f"minimum days after it: S2 starts on {day(25).day} Jan 2027 at the soonest) for "
                  f"Athlete 1 (A1), 4 Jan to 14 Feb 2027"], out.explanation


def test_why_a_week_names_a_tournament_once():
    from planner.season import Competition

    cup = Competition(id="t", name="Sevens", date=day(16), end_date=day(19), priority="B")
    s = season(weeks=3, athletes=2, matches=[5], comps=[cup])
    out, _ = solved(s)
    facts = [r.text for r in why_week(s, out.plan, None, day(14)).reasons if r.rule == "FACT"]
    assert "Competitions this week: 'Sevens' (B)." in facts


def test_a_pin_on_a_match_day_the_athlete_plays_names_the_role():
    s = season(weeks=2, athletes=2, matches=[5, 12],
               pins=(IntensityPin(athlete="A1", date=day(5), intensity=90),))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    texts = [c.text for c in out.explanation]
    assert any(t.startswith("AV-1 (plays 'Match 1' that day as start, at 100 %: set the role to "
                            "out (Roles panel, or --role) to pin 90 %)") for t in texts), texts
    assert any(t.startswith("PIN") for t in texts)


def test_a_100_pin_for_a_bench_player_on_a_match_day_says_set_the_role_to_start():
    """The advice read "set the role to bench or out" for a player already on the bench: for
    100 % the role is start."""
    from planner.season import MatchRole

    for level, role, fix in ((100, "bench", "start"), (80, "start", "bench")):
        s = season(weeks=2, athletes=2, matches=[5, 12],
                   pins=(IntensityPin(athlete="A1", date=day(5), intensity=level),))
        s = s.model_copy(update={"roles": (MatchRole(competition="m0", athlete="A1", role=role),)})
        out = solve(SolveRequest(s, time_limit=20))
        assert out.status == Status.INFEASIBLE
        av1 = [c.text for c in out.explanation if c.rule == "AV-1"]
        assert av1 and av1[0].startswith(
            f"AV-1 (plays 'Match 1' that day as {role}, at {180 - level} %: set the role to {fix} "
            f"(Roles panel, or --role) to pin {level} %)"), out.explanation


def test_why_a_forced_load_week_names_the_rule_not_a_choice():
    """The A final's own week is a load week because TP-1 forbids a deload there: why names TP-1
    and does not add that the week 'serves DL-7', as if the kind had been chosen; a load week with
    a match that could have been a deload does say it serves DL-7."""
    from planner.season import Competition

    comps = [Competition(id=f"c{k}", name=f"Match {k + 1}", date=day(5 + 7 * k), priority="C")
             for k in range(6)]
    comps.append(Competition(id="fin", name="Final", date=day(47), priority="A"))
    s = season(weeks=7, athletes=2, matches=[], comps=comps)
    out = solve(SolveRequest(s, time_limit=30))
    assert out.plan is not None and out.plan.team_weeks[6] == "load"
    final = why_week(s, out.plan, None, day(47)).reasons
    assert any(r.rule == "TP-1" and r.kind == "bound" for r in final)
    assert not any(r.rule == "DL-7" for r in final)
    free = [w for w in range(7) if out.plan.team_weeks[w] == "load" and not any(
        r.kind == "bound" and (r.rule == "TP-1" or r.text.startswith("Next to"))
        for r in why_week(s, out.plan, None, day(7 * w)).reasons)]
    assert free and all(any(r.rule == "DL-7" and r.kind == "serves"
                            for r in why_week(s, out.plan, None, day(7 * w)).reasons) for w in free)


def test_return_report_names_where_the_stage_it_starts_from_comes_from():
    """'now in P1' beside solve's 'now P2' (the plan moves on at the planning start): the report
    says the stage is the one recorded, and since when; after a flare-up, since the flare-up."""
    s = season(weeks=8, athletes=2, injuries=(injury("A1", "S1", start_day=-5, history=(("P3", -30),)),),
               today=day(0))
    first = return_report(s, "A1").text(s).splitlines()[0]
    assert first == f"Athlete 1 (A1), in S1 since {day_long(day(-5))} (recorded):"
    flared = s.model_copy(update={"injuries": (injury("A1", "S1", start_day=-5, history=(("P3", -30),),
                                                      flare_days=(-2,)),)})
    first = return_report(flared, "A1").text(flared).splitlines()[0]
    assert first == f"Athlete 1 (A1), in P3 since the flare-up of {day_long(day(-2))}:"
    back = season(weeks=8, athletes=2, today=day(0),
                  injuries=(injury("A1", "FIT", start_day=-10, history=(("S3", -20),)),))
    text = return_report(back, "A1").text(back)  # it read "now in FIT: earliest return to FIT: today"
    assert text == f"Athlete 1 (A1): back to full training since {day_long(day(-10))} (recorded)."


def test_an_md3_without_speed_work_says_the_matches_cover_the_windows():
    """A starter's MD-3 at 70 % read only 'MD-3' and its load: a coach asks why no speed work on
    the preferred day. It says which exposures cover the HV-1 windows around it, and the checker
    agrees that none is missed there."""
    s = season(weeks=4, athletes=2, matches=[5, 12, 19, 26])
    out, report = solved(s)
    ap, tl = out.plan.for_athlete("A1"), Timeline(s)
    md3 = [i for i in range(len(tl.days)) if tl.label(i) == "MD-3" and 0 < ap.intensity[i] < 90]
    assert md3, "a match a week is the starter's exposure: some MD-3 has no speed work"
    seen = 0
    for i in md3:
        w = why_day(s, out.plan, "A1", tl.days[i])
        if any(r.kind == "bound" for r in w.reasons):
            continue
        said = [r.text for r in w.reasons if r.rule == "HV-1"]
        if not said:  # no exposure before the first match: nothing to claim
            assert not any(ap.intensity[j] >= 90 for j in range(i))
            continue
        (said,) = said
        assert said.startswith("MD-3 is the preferred day for high-velocity work, but none is planned")
        assert "(a match)" in said and "keep every 8-day window covered" in said
        assert not any(v.rule == "HV-1" and v.athlete == "A1" and v.start <= tl.days[i] <= v.end
                       for v in report.soft)
        seen += 1
    assert seen


def test_a_team_deload_forced_by_a_player_back_from_rehab_says_who():
    """The team's deload after one load week read 'After 1 load week: at most 3 load weeks in a
    row' as its bound: the athlete who returns that week after three load weeks of rehab (DL-2
    counts them, rules-spec section 2) is what forces it."""
    from planner.season import AthletePlan, Plan

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "S3", start_day=-3),))
    tl = Timeline(s)
    back = tl.weeks[4].first
    team = ("load", "deload", "load", "load", "deload", "load")
    a1 = AthletePlan(athlete="A1", stages=tuple("S3" if i < back else "FIT" for i in range(tl.n)),
                     intensity=(0,) * tl.n, weeks=("load", "load", "load", "load", "deload", "load"))
    a2 = AthletePlan(athlete="A2", stages=("FIT",) * tl.n, intensity=(0,) * tl.n, weeks=team)
    plan = Plan(status="feasible", team_weeks=team, athletes=(a1, a2))
    reasons = why_week(s, plan, None, tl.days[back]).reasons
    dl2 = [(r.kind, r.text) for r in reasons if r.rule == "DL-2"]
    # the load week after it (the season's last) makes four weeks that need a deload somewhere
    assert ("bound", "After 2 load weeks, with 1 load week after it before the season's end: 4 "
                     "weeks in which DL-2 (at most 3 load weeks in a row) needs a deload; the "
                     "solver chose this one of them (to try another, right-click a day of this "
                     "week ▸ Pin week kind for the team ▸ load, and solve).") in dl2
    assert ("bound", "Athlete 1 (A1) has 4 load weeks before it, counting the rehab weeks before "
                     "the return (DL-2 counts them): the team's week would be the next in a "
                     "row.") in dl2
    # the team's own deload after three load weeks stays the bound it is, and names nobody else
    plan2 = Plan(status="feasible", team_weeks=("load",) * 3 + ("deload", "load", "load"),
                 athletes=(a2.model_copy(update={"weeks": ("load",) * 3 + ("deload", "load", "load")}),
                           a1.model_copy(update={"stages": ("FIT",) * tl.n,
                                                 "weeks": ("load",) * 3 + ("deload", "load", "load")})))
    dl2 = [(r.kind, r.text) for r in why_week(s, plan2, None, tl.days[tl.weeks[3].first]).reasons
           if r.rule == "DL-2"]
    assert dl2 == [("bound", "After 3 load weeks: at most 3 load weeks in a row.")]


def test_a_deload_the_rhythm_does_not_force_says_the_solver_chose_it_and_how_to_move_it():
    """A deload after one load week read "the run alone does not force this deload" and nothing
    else: the coach was not told why it is there. When the load weeks after it make the run too
    long, the weeks that need a deload are counted; when nothing does, the week is said to be
    the solver's choice, with the pin that tries another."""
    from planner.season import AthletePlan, Plan

    s = season(weeks=6, athletes=1)
    tl = Timeline(s)

    def dl2(team, w, athlete=None):
        plan = Plan(status="feasible", team_weeks=team, athletes=(AthletePlan(
            athlete="A1", stages=("FIT",) * tl.n, intensity=(0,) * tl.n, weeks=team),))
        return [(r.kind, r.text) for r in why_week(s, plan, athlete, tl.days[tl.weeks[w].first]).reasons
                if r.rule == "DL-2"]

    assert dl2(("load", "deload", "load", "load", "load", "deload"), 1) == [(
        "bound", "After 1 load week, with 3 load weeks after it before the next lighter week: 5 "
                 "weeks in which DL-2 (at most 3 load weeks in a row) needs a deload; the solver "
                 "chose this one of them (to try another, right-click a day of this week ▸ Pin "
                 "week kind for the team ▸ load, and solve).")]
    said = dl2(("load", "deload", "load", "deload", "load", "deload"), 3, "A1")
    assert said == [("fact", "After 1 load week; DL-2 allows up to 3 in a row, so the run alone "
                             "does not force this deload: the solver chose this week (to try "
                             "another, right-click a day of it ▸ Pin week kind for Athlete 1 ▸ "
                             "load, and solve).")], said


def test_a_fit_athletes_deload_in_the_week_of_today_gives_the_teams_reason():
    """A fit athlete's deload in the week of today read "Bound by DL-2: After 0 load weeks from
    today on (...): at most 3 load weeks in a row": the athlete's own run, cut by today, forced
    nothing. The week is the team's deload, whose run counts the weeks before today: that is the
    reason given, as the team's. A week of the athlete's own (in rehab on its first day) that the
    run from today does not force is no longer said to be bound by it."""
    from planner.season import AthletePlan, Plan

    s = season(weeks=6, athletes=2, today=day(15), injuries=(injury("A2", "S3", start_day=-3),))
    tl = Timeline(s)
    assert tl.first_open_week == 2
    team = ("load", "load", "deload", "load", "load", "load")
    own = ("load", "load", "deload", "load", "load", "deload")
    a1 = AthletePlan(athlete="A1", stages=("FIT",) * tl.n, intensity=(0,) * tl.n, weeks=team)
    a2 = AthletePlan(athlete="A2", stages=("S3",) * tl.n, intensity=(0,) * tl.n, weeks=own)
    plan = Plan(status="feasible", team_weeks=team, athletes=(a1, a2))
    s = s.model_copy(update={"plan": plan})  # the team's recorded weeks before today

    def dl2(athlete):
        return [(r.kind, r.text) for r in why_week(s, plan, athlete, day(15)).reasons
                if r.rule == "DL-2"]

    teams = ("after 2 load weeks, with 3 load weeks after it before the season's end: 6 weeks in "
             "which DL-2 (at most 3 load weeks in a row) needs a deload; the solver chose this one "
             "of them (to try another, right-click a day of this week ▸ Pin week kind for the team "
             "▸ load, and solve).")
    assert dl2(None) == [("bound", "A" + teams[1:])]
    assert dl2("A1") == [("bound", "The team's deload week, which Athlete 1 follows: " + teams)]
    said = dl2("A2")  # in rehab: the athlete's own week, the run from today on is 0
    assert said == [("fact", "After 0 load weeks from today on (the 2 load weeks before today do "
                             "not count in an athlete's run, rules-spec section 1; the team's run counts "
                             "them); DL-2 allows up to 3 in a row, so the run alone does not force "
                             "this deload: the solver chose this week (to try another, right-click "
                             "a day of it ▸ Pin week kind for Athlete 2 ▸ load, and solve).")], said


def test_a_load_week_of_a_run_cut_by_today_says_the_load_weeks_before_today():
    """Review 277 F1: an athlete in rehab with load weeks on 10, 17 and 24 Aug, today Mon 31 Aug,
    read "Bound by: DL-2 … Load week 1 of at most 3 in a row" for the week of 31 Aug, the 4th
    load week in a row: as if a loading block had just begun. An athlete's own run counts from
    today (rules-spec section 1), and the reason says so, with the weeks it leaves out, as the
    deload branch does; a run that starts after a deload from today on is not cut by today."""
    from planner.season import AthletePlan, Plan

    s = season(weeks=8, athletes=2, today=day(21), injuries=(injury("A2", "S3", start_day=-3),))
    tl = Timeline(s)
    assert tl.first_open_week == 3
    team = ("load", "load", "deload", "load", "load", "deload", "load", "load")
    own = ("load", "load", "load", "load", "load", "deload", "load", "load")
    a1 = AthletePlan(athlete="A1", stages=("FIT",) * tl.n, intensity=(0,) * tl.n, weeks=team)
    a2 = AthletePlan(athlete="A2", stages=("S3",) * tl.n, intensity=(0,) * tl.n, weeks=own)
    plan = Plan(status="feasible", team_weeks=team, athletes=(a1, a2))
    s = s.model_copy(update={"plan": plan})

    def dl2(i):
        return [r.text for r in why_week(s, plan, "A2", day(i)).reasons if r.rule == "DL-2"]

    cut = ("from today on (the 3 load weeks before today do not count in an athlete's run, "
           "rules-spec section 1; the team's run counts them).")
    assert dl2(21) == ["Load week 1 of at most 3 in a row " + cut], dl2(21)
    assert dl2(28)[-1] == "Load week 2 of at most 3 in a row " + cut, dl2(28)
    assert dl2(49) == ["Load week 2 of at most 3 in a row."], dl2(49)


def test_a_day_without_speed_work_claims_covered_windows_only_where_they_are():
    """A goalkeeper's day said 'the exposures on 19 Dec and 9 Jan keep every 8-day window
    covered' (21 days apart; HV-1 does not apply to the position at all)."""
    s = season(weeks=4, athletes=2, matches=[5, 12, 19, 26])
    s = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"position": "GK"}),
                                          s.athletes[1])})
    out, _ = solved(s)
    tl = Timeline(s)
    gk, ap = s.athletes[0].id, out.plan.for_athlete(s.athletes[0].id)
    days = [i for i in range(tl.n) if 0 < ap.intensity[i] < 90 and not tl.is_comp[i]]
    said = [r.text for i in days for r in why_day(s, out.plan, gk, tl.days[i]).reasons if r.rule == "HV-1"]
    assert said and all("HV-1 does not apply to the GK position" in x for x in said)
    assert not any("window covered" in x for x in said)
    # a hand-made plan with one exposure in four weeks: no day claims the windows are covered
    other = s.athletes[1].id
    lone = out.plan.model_copy(update={"athletes": tuple(
        a if a.athlete != other else a.model_copy(update={"intensity": tuple(
            100 if i == 5 else (70 if v else 0) for i, v in enumerate(a.intensity))})
        for a in out.plan.athletes)})
    texts = [r.text for i in range(tl.n) if lone.for_athlete(other).intensity[i] == 70
             for r in why_day(s, lone, other, tl.days[i]).reasons if r.rule == "HV-1"]
    assert not any("window covered" in x for x in texts)


def test_each_speed_day_of_a_week_gives_the_week_count_not_a_day_number():
    """HV-2's text on the first of two speed days said "Speed day 2 of at most 2": the count was
    the week's, printed as the day's ordinal. Both days now say what the week holds."""
    pins = (IntensityPin(athlete="A1", date=day(8), intensity=90),
            IntensityPin(athlete="A1", date=day(10), intensity=90))
    s = season(weeks=3, athletes=2, matches=[5, 19], pins=pins)
    out, _ = solved(s)
    ap = out.plan.for_athlete("A1")
    speed = [i for i in range(7, 14) if ap.intensity[i] >= 80]
    assert speed == [8, 10]
    for i in speed:
        said = [r.text for r in why_day(s, out.plan, "A1", day(i)).reasons if r.rule == "HV-2"]
        assert said == [f"This {ap.weeks[1]} week has 2 of at most 2 speed days (2 planned speed days)."], said


def test_matches_above_the_weekly_cap_are_said_to_be_played_all_the_same():
    """A tournament week: four matches against a cap of two speed days. The handout printed the
    cap beside "4 speed days incl. 4 matches", the inspector the count and the cap, and neither
    said why that is no broken rule."""
    from planner.handout import handout_weeks

    s = season(weeks=3, athletes=2, matches=[8, 9, 10, 11])
    out = solve(SolveRequest(s, time_limit=30))
    assert out.plan is not None
    s = s.model_copy(update={"plan": out.plan})
    week = next(w for w in handout_weeks(s, out.plan) if w.athlete == "A1" and w.week == 2)
    assert week.played == 4 and "you play them even beyond it: then no other speed day" in week.kind_text
    text = " ".join(r.text for r in why_day(s, out.plan, "A1", day(9)).reasons)
    assert "4 matches played this load week, whose cap is 2 speed days. A match is played even " \
           "above the cap; the plan adds no speed day that week." in text


def test_an_exposure_after_a_gap_longer_than_hv1s_window_says_so():
    """A bench player went 12 days without a near-maximal sprint; the inspector said "the
    previous one was 12 days earlier" as if that were fine."""
    s = season(weeks=4, athletes=1, matches=[])
    tl = Timeline(s)
    levels = [0] * tl.n
    levels[2] = levels[14] = 90  # 12 days apart
    hand = hand_plan_of(s, levels)
    text = " ".join(r.text for r in why_day(s, hand, "A1", day(14)).reasons if r.rule == "HV-1")
    assert "the previous one was 12 days earlier, more than 8: the days between leave an HV-1 " \
           "window without one" in text
    # the checker agrees: an HV-1 instance between the two
    assert any(v.rule == "HV-1" and day(2) < v.start and v.end < day(14)
               for v in check_plan(s, hand).soft)
    # a goalkeeper (exempt by default) or the rule off: the same gap is no broken window
    keeper = s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"position": "Goalkeeper"}),)})
    off = E.SetRuleMode(rule="HV-1", mode="off").apply(s)
    for other in (keeper, off):
        text = " ".join(r.text for r in why_day(other, hand, "A1", day(14)).reasons if r.rule == "HV-1")
        # HV-1 exempts the keeper's position and the rule off is no rule: neither says a gap, nor
        # calls the day an exposure HV-1 asks for
        assert text == "", text
        assert not any(v.rule == "HV-1" for v in check_plan(other, hand).soft)
    levels[10], levels[14] = 90, 0
    text = " ".join(r.text for r in why_day(s, hand_plan_of(s, levels), "A1", day(10)).reasons
                    if r.rule == "HV-1")
    assert "8 days earlier" in text and "more than" not in text
    # two exposures on days running (a cup's matches): "1 days earlier" read in review 278
    levels[11] = 90
    text = " ".join(r.text for r in why_day(s, hand_plan_of(s, levels), "A1", day(11)).reasons
                    if r.rule == "HV-1")
    assert "the previous one was 1 day earlier." in text, text


def hand_plan_of(s, levels):
    """One fit athlete's plan with the given levels, load weeks."""
    from planner.season import AthletePlan, Plan

    tl = Timeline(s)
    weeks = ("load",) * len(tl.weeks)
    return Plan(status="feasible", team_weeks=weeks, athletes=(AthletePlan(
        athlete="A1", stages=("FIT",) * tl.n, intensity=tuple(levels), weeks=weeks),))


def test_a_soft_rule_switched_off_is_no_reason_and_a_costly_day_is_not_bound():
    """With TEAM, HV-DAY and TP-3 off the Inspector still said "TEAM serves: a shared team
    speed day" and "HV-DAY bound: … this day costs a little", though nothing is counted; and a
    soft rule's price is no hard bound: it is listed under "Costs"."""
    from planner.why import REASON_KINDS

    s = season(weeks=4, athletes=3, matches=[12])  # few matches: speed work in training
    out = solve(SolveRequest(s, time_limit=30))
    tl = Timeline(s)
    hv = [(a.athlete, i) for a in out.plan.athletes for i in range(tl.n)
          if a.intensity[i] >= 90 and not tl.is_comp[i]]
    assert hv
    on = [why_day(s, out.plan, a, tl.days[i]) for a, i in hv]
    assert any(r.rule == "TEAM" for w in on for r in w.reasons)
    assert not any(r.rule == "HV-DAY" and r.kind == "bound" for w in on for r in w.reasons)
    costly = [r for w in on for r in w.reasons if r.rule == "HV-DAY" and "costs a little" in r.text]
    assert costly and all(r.kind == "costs" for r in costly)
    assert "Costs:\n  - HV-DAY" in next(w for w in on if costly[0] in w.reasons).text()
    assert [k for k, _ in REASON_KINDS] == ["fact", "bound", "serves", "costs"]
    off = s.model_copy(update={"rules": RuleSettings(modes={"TEAM": "off", "HV-DAY": "off",
                                                            "TP-3": "off"})})
    for a, i in hv:
        w = why_day(off, out.plan, a, tl.days[i])
        assert not {r.rule for r in w.reasons} & {"TEAM", "HV-DAY", "TP-3"}, w.text()
        assert any(r.rule == "HV-1" for r in w.reasons)  # a rule still on is still said


def test_a_rehab_that_cannot_pass_a_break_names_the_days_off():
    """A stage that must end with work at its cap cannot be held across a run of days off as
    long as its maximum: the season has no plan, and the explanation listed the athlete's
    RH-STAGE, RH-11 and RH-CAP instances without the winter break that causes them."""

    s = season(weeks=8, athletes=2, matches=[], injuries=(injury("A1", "S1", start_day=-2),))
    off = tuple(NonTrainingDay(date=day(d), reason="Winter break") for d in range(3, 31))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": off})})
    out = solve(SolveRequest(s, time_limit=30))
    assert out.status == Status.INFEASIBLE
    first = out.explanation[0]
    assert first.rule == "CALENDAR" and first.athlete == "A1"
    assert (first.start, first.end) == (day(3).isoformat(), day(30).isoformat())
    assert "runs into 28 days without training" in first.text and ": Winter break)" in first.text
    assert "(S1 at most 14 days, S2 at most 14 days" in first.text  # in the protocol's order
    assert "Shorten the days off" in first.text
    assert "The plan puts rehab work on the team's training days only" in first.text  # the cause
    # a short run of days off is no cause: not named
    short = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"non_training_days": off[:5]})})
    assert solve(SolveRequest(short, time_limit=30)).status in (Status.OPTIMAL, Status.FEASIBLE)


def test_a_break_the_conflict_does_not_reach_is_not_named():
    """A pin above the stage's cap a month before a break: the break is no cause and was named
    first ("Shorten the days off")."""

    s = season(weeks=10, athletes=2, matches=[], injuries=(injury("A1", "P2", start_day=-2),))
    off = tuple(NonTrainingDay(date=day(d), reason="Winter break") for d in range(42, 56))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": off})})
    assert solve(SolveRequest(s, time_limit=30)).status in (Status.OPTIMAL, Status.FEASIBLE)
    pinned = s.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(2), intensity=100),)})
    out = solve(SolveRequest(pinned, time_limit=30))
    assert out.status == Status.INFEASIBLE
    assert not any(c.rule == "CALENDAR" for c in out.explanation)
    assert any(c.rule == "PIN" for c in out.explanation)


def test_the_return_report_of_a_returner_with_an_injury_recorded_ahead_is_that_injurys():
    """Back under the record governing today, with a hamstring strain recorded for later: the
    report said only "back to full training … latest day to enter each stage:" (an empty list),
    while the plan JSON and the Returns sheet gave the new injury's return."""
    from planner.season import Injury, StageRecord

    back = injury("A1", "FIT", start_day=2, history=(("S3", -20),), target="m1")
    s = season(weeks=12, athletes=1, injuries=(back,), today=day(4))
    said = return_report(s, "A1").text(s)
    assert said.endswith("can be made.") and "latest day to enter" not in said, said
    ahead = Injury(athlete="A1", protocol="hamstring-strain", onset=day(20),
                   stages=(StageRecord(stage="P1", start=day(20)),))
    s = s.model_copy(update={"injuries": (back, ahead)})
    rep = return_report(s, "A1")
    assert rep.current_stage == "P1" and rep.earliest_fit is not None and rep.earliest_fit > day(20)
    assert rep.text(s).startswith(f"Athlete 1 (A1), in P1 from {day_long(day(20))} (an injury "
                                  f"recorded ahead; fit until then):")


def test_a_stage_at_its_maximum_by_a_moved_today_is_explained_from_today():
    """P2 (at most 42 days) has lasted exactly 42 days by today: its maximum counts again from
    today, in the explanation as in the solver and the checker (it said "must end by" yesterday).
    The athlete away until after that: no plan, and the day named is today's maximum's."""
    from planner.text import date_long

    away = (Unavailability(athlete="A1", start=day(7), end=day(55)),)
    s = season(weeks=10, athletes=2, injuries=(injury("A1", "P2", start_day=7 - 42),),
               unavailable=away, today=day(7))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert any(c.rule == "RH-STAGE" and f"must end by {date_long(day(7 + 42 - 1))}" in c.text
               for c in out.explanation), out.explanation


def test_shrinking_the_conflict_leaves_half_the_time_for_the_ways_on(monkeypatch):
    """On a busy machine each trial of the conflict's shrinking takes long: it had used all the
    time, so the ways on (the flare-up a painful session proposes, a stage recorded from today)
    were tried with the 2-second floor and were no longer found. The shrinking stops at half
    the time; the ways on are tried with the rest."""
    import solver.explain as X

    away = (Unavailability(athlete="A1", start=day(14), end=day(34)),)
    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-7),),
               unavailable=away, today=day(14))
    clock = [0.0]
    monkeypatch.setattr(X.time, "monotonic", lambda: clock[0])
    real = X._infeasible_with

    def slow(model, keys, time_limit, stop):  # each trial takes a quarter of the time allowed
        clock[0] += 5.0
        return real(model, keys, time_limit, stop)

    given = {}
    monkeypatch.setattr(X, "_infeasible_with", slow)
    monkeypatch.setattr(X, "_flare_ups", lambda m, c, st, t: given.setdefault("flare", t) and ())
    monkeypatch.setattr(X, "_stage_restarts", lambda m, c, st, t: given.setdefault("stage", t) and ())
    conflicts, _ = X.explain(s, time_limit=20.0)
    assert conflicts
    assert given["flare"] >= 10.0 - 5.0, given  # the half left (less one trial that began in it)


def test_a_pin_in_a_week_whose_matches_take_hv2s_speed_days_says_so_and_the_way_on():
    """A 95 % pin in a week of a Saturday and a Sunday match read "HV-2 (speed days per week)"
    and the pin, no word of the matches (a match played counts as a speed day) or of the
    setting that makes room; with that setting the pin has a plan."""
    from planner.season import Competition

    sunday = Competition(id="sun", name="Sunday match", date=day(13), priority="C")
    pin = (IntensityPin(athlete="A1", date=day(9), intensity=95),)
    s = season(weeks=3, athletes=2, comps=[sunday], pins=pin)
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    hv2 = [c.text for c in out.explanation if c.rule == "HV-2"]
    assert hv2 == ["HV-2 (speed days per week) for Athlete 1 (A1), 11 to 17 Jan 2027: Sat 16 Jan "
                   "and Sun 17 Jan are matches: the week's 2 speed days (HV-2) are taken; pin "
                   "another week (the week of Mon 18 Jan may have a speed day free), or set "
                   "the athlete "
                   "out of one of these matches (Roles panel, or --role), or allow 3 (Rules panel, "
                   "or --rule HV-2.max_speed_days=3)"], out.explanation
    three = s.model_copy(update={"rules": RuleSettings(values={"HV-2": {"max_speed_days": 3}})})
    out = solve(SolveRequest(three, time_limit=20))
    assert out.plan is not None and not check_plan(three, out.plan).violations
    assert out.plan.for_athlete("A1").intensity[9] == 95
    # at HV-2's top value, no higher one is offered
    top = s.model_copy(update={"rules": RuleSettings(values={"HV-2": {"max_speed_days": 3}}),
                               "competitions": s.competitions + (
                                   Competition(id="fri", name="Friday match", date=day(11), priority="C"),)})
    out = solve(SolveRequest(top, time_limit=20))
    hv2 = [c.text for c in out.explanation if c.rule == "HV-2"]
    assert hv2 and hv2[0].endswith("Fri 15 Jan, Sat 16 Jan and Sun 17 Jan are matches: the week's "
                                   "3 speed days (HV-2) are taken; pin another week (the week of "
                                   "Mon 18 Jan may have a speed day free), or set the athlete out of one "
                                   "of these matches (Roles panel, or --role)"), out.explanation


def test_a_pin_in_a_tournament_week_names_a_way_that_works_when_the_next_week_is_as_full():
    """A bench player's 95 % pin on the Tuesday of a Thu-Fri-Sun tournament was refused with
    "pin another week", and the next week (Mon and Sat matches) was as full: the refusal names
    the first week with a speed day free and how many matches to set him out of, and each way
    it names gives a plan that holds the pin."""
    from planner.season import MatchRole

    pin = IntensityPin(athlete="A1", date=day(8), intensity=95)  # Tue 12 Jan
    s = season(weeks=4, athletes=2, matches=[5, 10, 11, 13, 14, 19, 26], pins=(pin,))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    hv2 = [c.text for c in out.explanation if c.rule == "HV-2"]
    assert hv2 and hv2[0].endswith(
        "Thu 14 Jan, Fri 15 Jan and Sun 17 Jan are matches: the week's 2 speed days (HV-2) are "
        "taken; pin another week (the week of Mon 25 Jan may have a speed day free), or set the "
        "athlete out of 2 of these matches (Roles panel, or --role)"), out.explanation
    assert "allow" not in hv2[0]  # 3 matches and the pin: above HV-2's top value
    out_of_two = s.model_copy(update={"roles": tuple(
        MatchRole(competition=c.id, athlete="A1", role="out") for c in s.competitions
        if c.date in (day(10), day(11)))})
    moved = s.model_copy(update={"pins": (pin.model_copy(update={"date": day(22)}),)})
    for ok, d in ((out_of_two, 8), (moved, 22)):
        got = solve(SolveRequest(ok, time_limit=20))
        assert got.plan is not None and not check_plan(ok, got.plan).violations
        assert got.plan.for_athlete("A1").intensity[d] == 95
    # away the week of Mon 25 Jan, he has no day for a speed level there: that week is not
    # named, and the one named is said as a week that may have room (it may be a deload)
    away = Unavailability(athlete="A1", start=day(21), end=day(27), reason="ill")
    gone = s.model_copy(update={"unavailability": (away,)})
    out = solve(SolveRequest(gone, time_limit=20))
    hv2 = [c.text for c in out.explanation if c.rule == "HV-2"]
    assert hv2 and "25 Jan" not in hv2[0] and hv2[0].endswith(
        "taken; pin another week (the week of Mon 4 Jan may have a speed day free), or set the "
        "athlete out of 2 of these matches (Roles panel, or --role)"), out.explanation
    ok = out_of_two.model_copy(update={"unavailability": (away,)})
    got = solve(SolveRequest(ok, time_limit=20))
    assert got.plan is not None and not check_plan(ok, got.plan).violations


def test_hv2_with_room_for_no_more_planned_speed_days_names_no_matches():
    """Three speed sessions pinned in a week without a match: HV-2's cap is reached by the pins,
    not by matches, and nothing says matches took it."""
    pins = tuple(IntensityPin(athlete="A1", date=day(d), intensity=95) for d in (7, 9, 11))
    s = season(weeks=3, athletes=2, matches=[19], pins=pins)
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    hv2 = [c.text for c in out.explanation if c.rule == "HV-2"]
    assert hv2 == ["HV-2 (speed days per week) for Athlete 1 (A1), 11 to 17 Jan 2027"], out.explanation


def test_a_stage_start_pin_past_the_held_stages_maximum_says_how_to_hold_him_in_it_longer():
    """'S3 starts on day 28' for an athlete in S2 since day 7 (7-14 days): the conflict named S2's
    end and the pin, and no way to model a slip. It says the stage's days are the protocol's
    and the record that holds him in it longer (still in S2 today), with the latest start it
    gives; that record, made, gives the pinned start a plan the checker passes."""
    from planner.season import StagePin

    def pinned(on: int):
        return season(weeks=8, athletes=2, injuries=(injury("A1", "S2", start_day=7),),
                      today=day(14), pins=(StagePin(athlete="A1", stage="S3", date=day(on)),))

    out = solve(SolveRequest(pinned(28), time_limit=20))
    assert out.status == Status.INFEASIBLE
    pin = [c.text for c in out.explanation if c.rule == "PIN"]
    assert pin == ["PIN (the coach's pin S3 starts 1 Feb) for Athlete 1 (A1), Mon 1 Feb 2027: S2 "
                   "lasts at most 14 days (the protocol's, no setting), so S3 starts by 25 Jan "
                   "2027. If Athlete 1 is still in S2 today, record that in the season (periodize "
                   "record FILE --stage A1 S2 2027-01-18 --save, or Season ▸ Injuries, Record "
                   "stage): its 7-14 days then count from today, S3 by 1 Feb 2027 at the latest"], out.explanation
    recorded = E.RecordStage(athlete="A1", stage="S2", start=day(14)).apply(pinned(28))
    again = solve(SolveRequest(recorded, time_limit=20))
    assert again.plan is not None and not check_plan(recorded, again.plan).violations
    stages = again.plan.for_athlete("A1").stages
    assert stages[27] == "S2" and stages[28] == "S3"
    # a slip past what a record today allows: said, not promised
    out = solve(SolveRequest(pinned(30), time_limit=20))
    pin = [c.text for c in out.explanation if c.rule == "PIN"]
    assert pin and pin[0].endswith("S3 by 1 Feb 2027 at the latest; a stay after that is recorded "
                                   "on the day it is known, not ahead"), out.explanation
    # a pin of a stage start before the maximum ends has nothing of it
    out = solve(SolveRequest(pinned(16), time_limit=20))
    assert all("no setting" not in c.text for c in out.explanation)


def test_a_signing_whose_stage_cannot_end_in_time_reads_his_case_alone_recorded_the_day_he_joins():
    """A signing in S1 since before he joins, too few of its days left for its exit work: the
    explanation ran to 93 lines of HV-5 and HV-6 instances of the whole season that hid his
    case, and the way on was a record dated today, before he joins (refused on his joining day).
    It is his few rule groups now, and the record is dated the day he joins (his assessment
    here), which gives a plan the checker passes."""
    from planner.squad import JOINED_REASON

    before = (Unavailability(athlete="A1", start=day(0), end=day(16), reason=JOINED_REASON),)
    s = season(weeks=8, athletes=3, matches=[5, 12, 19, 26, 33, 40, 47],
               injuries=(injury("A1", "S1", start_day=5),), unavailable=before, today=day(14))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert {c.athlete for c in out.explanation} == {"A1"}
    assert len(out.explanation) <= 8, [c.text for c in out.explanation]
    assert out.explanation[0].text.startswith("AV-1 (not in the squad yet)")
    (way,) = out.remedies
    assert way.date == day(17).isoformat() and "when joining on" in way.text
    recorded = E.RecordStage(athlete="A1", stage=way.stage, start=day(17)).apply(s)
    solved_and_checked(recorded, time_limit=20)


def test_too_few_training_days_for_a_stages_rehab_are_named_and_offered_before_a_stage_record():
    """A team training on Tuesdays and Thursdays: P2 (21-42 days, left after two days at 70 %)
    since 35 days before the season must end by Sun 10 Jan, and its rehab needs 4 days (2 at
    60 %, 2 at 70 %) where the team trains on 1 (Tue 5 Jan is a match day). The explanation
    listed RH-STAGE and RH-11 only, and its one way on recorded the athlete in P2 again, a
    history the physio never saw; more training days come first, and give a plan."""
    s = season(weeks=3, athletes=2, matches=[1], injuries=(injury("A1", "P2", start_day=-35),))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"training_days": ("tue", "thu")})})
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    note = out.explanation[0]
    assert (note.rule, note.athlete) == ("CALENDAR", "A1")
    assert (note.start, note.end) == (day(0).isoformat(), day(6).isoformat())
    assert ("Athlete 1 (A1) needs 4 rehab days at rising speed to finish P2 by Sun 10 Jan 2027 "
            "(2 at 60 % and 2 at 70 %" in note.text)
    assert ("the team trains on 1 day from Mon 4 Jan to then (Tuesdays and Thursdays, less 1 "
            "match day)" in note.text)
    assert "Tick more training days (Season ▸ Season Settings)" in note.text
    assert [r.kind for r in out.remedies] == ["training-days", "stage"]  # the settings first
    way = out.remedies[0]
    assert not way.records and way.option() == ""  # said only: no record, no command
    assert way.text.startswith("Tick more training days (Season ▸ Season Settings, or 'Training "
                               "days' in the coach workbook): Athlete 1 (A1) needs 4 rehab days to finish P2 by Sun 10 Jan 2027, and the "
                               "team trains on 1 day up to then (Tuesdays and Thursdays)")
    # the way on holds: the team training every weekday has a plan the checker passes
    more = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"training_days": ("mon", "tue", "wed", "thu", "fri")})})
    solved_and_checked(more, time_limit=30)
    # a holiday on Thu 7 Jan takes the other training day: the note says it, beside the match
    off = s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "non_training_days": (NonTrainingDay(date=day(3), reason="Holiday"),)})})
    out = solve(SolveRequest(off, time_limit=20))
    assert out.status == Status.INFEASIBLE
    note = out.explanation[0]
    assert (note.rule, note.athlete) == ("CALENDAR", "A1")
    assert ("the team trains on 0 days from Mon 4 Jan to then (Tuesdays and Thursdays, less 1 "
            "day off and 1 match day)" in note.text)


def test_too_few_training_days_say_how_many_more_weekdays_would_do_and_which():
    """"Tick more training days" did not say how many would do: a coach ticked Saturday for the
    whole season not knowing whether one was enough. The way on names the fewest more weekdays
    that give the stage's rehab its days, and which; the plan it names holds (the checker)."""
    def tue_thu(start_day, more=()):
        s = season(weeks=3, athletes=2, matches=[1], injuries=(injury("A1", "P2", start_day=start_day),))
        return s.model_copy(update={"calendar": s.calendar.model_copy(
            update={"training_days": ("tue", "thu", *more)})})

    # P2 by Sun 17 Jan: 4 rehab days, 3 team days (Tue 5 Jan a match day); each other weekday
    # adds 2, so any one is enough
    out = solve(SolveRequest(tue_thu(-28), time_limit=20))
    assert out.status == Status.INFEASIBLE
    one = ("one more weekday is enough: Monday, Wednesday, Friday, Saturday or Sunday would "
           "each do")
    assert out.remedies[0].kind == "training-days" and out.remedies[0].text.endswith(
        f"(Tuesdays and Thursdays); {one}."), out.remedies[0].text
    assert out.explanation[0].text.endswith(f"to give the rehab its sessions; {one}.")
    solved_and_checked(tue_thu(-28, ("sat",)), time_limit=30)
    # P2 by Sun 10 Jan: 4 rehab days, 1 team day; each other weekday adds 1: three are needed
    out = solve(SolveRequest(tue_thu(-35), time_limit=20))
    assert out.remedies[0].text.endswith(
        "; 3 more weekdays are needed, e.g. Monday, Wednesday and Friday."), out.remedies[0].text
    solved_and_checked(tue_thu(-35, ("mon", "wed", "fri")), time_limit=30)


def test_more_weekdays_are_counted_with_hv2_s_speed_days_a_week():
    """With one speed day a week (HV-2) the advice named weekdays that gave the days but not the
    speed days: "Monday or Wednesday would each do" for a P3 that needs 2 days at 80 % by Mon
    11 Jan, the team training on Thu 7 Jan only (Tue 5 Jan a match day), and Wednesday gives a
    second speed day in Thursday's week. Only Monday is named, and the plan with it holds (the
    checker); an S1 that needs 2 days at 90 % by Thu 7 Jan, within one week, is no matter of
    training days: no weekday is promised."""
    def tue_thu(stage, start_day, more=()):
        s = season(weeks=3, athletes=2, matches=[1], injuries=(injury("A1", stage, start_day=start_day),),
                   rules=RuleSettings(values={"HV-2": {"max_speed_days": 1}}))
        return s.model_copy(update={"calendar": s.calendar.model_copy(
            update={"training_days": ("tue", "thu", *more)})})

    out = solve(SolveRequest(tue_thu("P3", -34), time_limit=20))
    assert out.status == Status.INFEASIBLE
    (more,) = [r for r in out.remedies if r.kind == "training-days"]
    assert more.text.endswith("; one more weekday is enough: Monday."), more.text
    assert out.explanation[0].text.endswith("its sessions; one more weekday is enough: Monday.")
    solved_and_checked(tue_thu("P3", -34, ("mon",)), time_limit=30)
    assert solve(SolveRequest(tue_thu("P3", -34, ("wed",)), time_limit=20)).status == \
        Status.INFEASIBLE
    out = solve(SolveRequest(tue_thu("S1", -10), time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert not [r for r in out.remedies if r.kind == "training-days"], out.remedies
    assert "weekday" not in " ".join(c.text for c in out.explanation)


def test_no_return_within_the_season_says_what_the_stages_need_at_the_least():
    """In S1 since Tue 29 Dec with one speed day a week (HV-2) and a season of three weeks:
    'explain --return' read only "cannot be back to FIT within the season under the current
    rules". It says what S1 to S3 still need at the least (S1's 90 %, S2's 95 % and S3's 100 %
    on 2 days each: 6 speed days, the ladder below 90 % credited by the S1 record), at one a week
    from Mon 4 Jan: the sixth on Mon 8 Feb, back Tue 9 Feb, after the season ends, and the rules
    that set it."""
    s = season(weeks=3, athletes=1, injuries=(injury("A1", "S1", start_day=-6),),
               rules=RuleSettings(values={"HV-2": {"max_speed_days": 1}}))
    rep = return_report(s, "A1")
    assert rep.earliest_fit is None
    text = rep.text(s)
    assert "cannot be back to FIT within the season under the current rules: S1 to S3 need at " \
           "the least 6 speed days: the sprint ladder's levels, 2 days each (RH-11)" in text, text
    assert "at most 1 speed day a week (HV-2)" in text and "minimum days (RH-STAGE)" in text
    assert text.endswith("Back to FIT not before Tue 9 Feb 2027, after the season ends on "
                         f"{day_long(s.calendar.end)}."), text


def test_the_least_a_return_needs_waits_out_each_stages_minimum_days():
    """Where RH-STAGE's minimum days, not the ladder, set the date. In P2 of an iliopsoas
    tendinopathy since Tue 29 Dec 2026 (day -6), a season of three weeks (Mon 4 Jan to Sun 24 Jan
    2027), training Monday to Saturday: P2's sessions (the ladder below 70 % and 2 days at 70 %)
    fit in its first days, yet P2 holds 21 days, to Tue 19 Jan (day 15); P3 21 days, to Tue 9 Feb
    (day 36); S1, S2 and S3 7 days each (their 2 speed days fit in a Tuesday and Wednesday), to
    Tue 16 Feb, Tue 23 Feb and Tue 2 Mar (day 57 = -6 + 21 + 21 + 7 + 7 + 7). Counted from the
    sessions alone (at most 2 speed days a week), the date would be a month early: Tue 2 Feb."""
    s = season(weeks=3, athletes=1, injuries=(injury("A1", "P2", start_day=-6),))
    rep = return_report(s, "A1")
    assert rep.earliest_fit is None
    text = rep.text(s)
    assert "P2 to S3 need at the least 4 running days below 80 % and 8 speed days" in text, text
    assert text.endswith("Back to FIT not before Tue 2 Mar 2027, after the season ends on "
                         "Sun 24 Jan 2027."), text
    assert day(57) == dt.date(2027, 3, 2)


def test_the_least_a_return_needs_is_never_after_the_solvers_earliest_return():
    """The count is a lower bound: over six weeks the solver finds a return, and the count's day
    is not after it; with a slower ladder (3 days a level) both move later."""
    from planner.leastreturn import least_return
    from planner.protocols import load_protocol

    proto = load_protocol("iliopsoas-tendinopathy")
    order = (*proto.stage_ids, "FIT")
    got = []
    for sps in (2, 3):
        s = season(weeks=6, athletes=1, injuries=(injury("A1", "P3", start_day=-20),),
                   rules=RuleSettings(values={"RH-11": {"sessions_per_step": sps}}))
        earliest = return_report(s, "A1").earliest_fit
        # P3 recorded: the ladder below its cap (80 %) credited
        least = least_return(s, "A1", proto, order, order.index("P3"), -20, 0,
                             {60: sps, 70: sps}, 0)
        assert earliest is not None and least.fit <= earliest, (least, earliest)
        # 80 % on 2 days to leave P3, 90, 95 and 100 % on 2 days each to leave S1 to S3; a
        # ladder of 3 days a level also wants one more day at 80, 90 and 95 % (the days at a
        # cap count at its level)
        assert least.speed == 8 + 3 * (sps - 2), least
        got.append((least.fit, earliest))
    assert got[1][0] > got[0][0] and got[1][1] > got[0][1], got


def test_a_count_within_the_season_names_the_rules_it_leaves_out():
    """No return found, yet the count reaches a day in the season: the words say a rule the
    count leaves out holds him, and name them."""
    from planner.leastreturn import LeastReturn

    s = season(weeks=3, athletes=1)
    words = LeastReturn(stages=("S2", "S3"), slow=0, speed=4, sps=2, per_week=2,
                        fit=day(10)).words(s)
    assert words.startswith("S2 to S3 need at the least 4 speed days: ") and \
        "within the season: a rule this count leaves out holds the athlete (HV-5's rest days" in words


def test_return_report_says_a_re_injury_after_a_recorded_return():
    """Back to full training in pre-season, the same injury again in week 2: `periodize solve`
    said "the same injury again, 20 days after the return of ..."; `explain --return` did not."""
    before = injury("A1", "FIT", start_day=-12, history=(("S3", -25),))
    again = injury("A1", "P1", start_day=9, onset_day=8)
    s = season(weeks=8, athletes=2, injuries=(before, again))
    lines = return_report(s, "A1").text(s).splitlines()
    assert lines[1] == f"  the same injury again, 20 days after the return of {day(-12):%a} " \
                       f"{day(-12).day} {day(-12):%b}."
    assert lines[0].startswith("Athlete 1 (A1), in P1 ") and len(lines) > 2
    first = return_report(season(weeks=8, athletes=2, injuries=(again,)), "A1")
    assert first.again == "" and "again" not in first.text(s)



def _ankle_before_a_break(break_days: range):
    """An ankle sprain in P2 (5-21 days, left with 2 days at 80 %) from day 0, a winter break on
    ``break_days``, and the first week logged with the two 70 % days at 66 % (counted as 60 %,
    rules-spec.md section 9): today day 7, the stored plan the one made before. (before, after)."""
    from planner.season import Injury, Session, StageRecord

    s = season(weeks=5, athletes=2, matches=[],
               injuries=(Injury(athlete="A1", protocol="ankle-sprain", onset=day(-2),
                                stages=(StageRecord(stage="P2", start=day(0)),)),))
    off = tuple(NonTrainingDay(date=day(d), reason="Winter break") for d in break_days)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": off})})
    before = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    log = tuple(Session(athlete="A1", date=day(d), minutes=60, rpe=4, top_speed_pct=p)
                for d, p in enumerate((62, 62, 66, 66, 55, 55)))
    after = E.LogSessions(sessions=log).apply(E.AdvanceToday(today=day(7)).apply(before))
    return before, after


def test_a_replan_a_break_leaves_without_a_plan_names_the_break_and_a_way_on_as_solve_does():
    """Review 229 A1/A2: a week logged lower than planned left an ankle's P2 unable to end
    before a winter break; the re-plan (and a solve of the same season) listed RH-STAGE, RH-11
    and HV-5 but neither the break nor a way on: the days off were named only when a stage's
    maximum was no longer than they are. Now both name the break and say, cause first, the
    physio's re-assessment that gives a plan; that record does (the independent checker)."""
    from solver.whatif import replan_from_today

    before, after = _ankle_before_a_break(range(10, 21))
    cause = ("The 11 days off of 14 to 24 Jan 2027 (Winter break) hold no rehab session, and P2 "
             "lasts at most 21 days: since 4 Jan 2027 it must end by 24 Jan 2027. ")
    for out in (solve(SolveRequest(after, time_limit=20)), replan_from_today(before, after, 20)):
        assert out.status == Status.INFEASIBLE
        first = out.explanation[0]
        assert first.rule == "CALENDAR" and first.athlete == "A1", first.text
        assert (first.start, first.end) == (day(10).isoformat(), day(20).isoformat())
        assert "runs into 11 days without training" in first.text and ": Winter break)" in first.text
        assert "(P2 at most 21 days: P2 since 4 Jan 2027 must end by 24 Jan 2027)" in first.text
        assert [(r.athlete, r.stage, r.date, r.kind) for r in out.remedies] == [
            ("A1", "P2", day(7).isoformat(), "stage")]
        assert out.remedies[0].text == cause + (
            f"If the physio re-assesses Athlete 1 (A1) as still in P2 on {date_long(day(7))} "
            f"(P2's 5-21 days restarting from that day), record that, and the season has a plan.")
    solved_and_checked(E.RecordStage(athlete="A1", stage="P2", start=day(7)).apply(after))


def test_a_sprint_ladder_setting_is_the_way_on_when_no_record_gives_a_plan():
    """A break too long for P2 restarted today to end before it: no record gives a plan, and the
    re-plan said nothing to do, while a ladder of one day a level did (the coach found it).
    Said, cause first, with the setting's --rule; the setting gives a plan (the checker)."""
    from planner.rules import RULES
    from solver.whatif import replan_from_today

    before, after = _ankle_before_a_break(range(11, 30))
    label = next(p for p in RULES["RH-11"].params if p.name == "sessions_per_step").label
    for out in (solve(SolveRequest(after, time_limit=20)), replan_from_today(before, after, 20)):
        assert out.status == Status.INFEASIBLE
        assert out.explanation[0].rule == "CALENDAR" and "Winter break" in out.explanation[0].text
        (way,) = out.remedies
        assert way.kind == "rule" and not way.records
        assert way.text.startswith("The 19 days off of 15 Jan to 2 Feb 2027 (Winter break) hold no "
                                   "rehab session"), way.text
        assert (f"Set the sprint ladder's {label} (RH-11) from 2 to 1 (Rules panel, or --rule "
                f"RH-11.sessions_per_step=1), and the season has a plan") in way.text
    solved_and_checked(E.SetRuleValue(rule="RH-11", param="sessions_per_step", value=1.0).apply(after))


def test_the_ways_on_are_not_solved_past_the_explanations_time(monkeypatch):
    """The sprint ladder's setting (and a stage recorded from today) were each solved with at
    least 2 s, and the season's model built outside the count, when the explanation's time was
    already spent: a season hard to make feasible ran past it. With the time spent, neither
    solve is run; with time left, the setting is found (the test above)."""
    import solver.explain as X

    _before, after = _ankle_before_a_break(range(11, 30))
    calls = []
    real = X._has_plan
    monkeypatch.setattr(X, "_has_plan", lambda s, t, st: calls.append(t) or real(s, t, st))
    _conflicts, ways = X.explain(after, time_limit=20.0)
    assert [w.kind for w in ways] == ["rule"] and calls and min(calls) >= X.LEAST_SOLVE
    calls.clear()
    clock = [0.0]

    def slow():  # each look at the clock: 4 s later (the conflict's own solves take the time)
        clock[0] += 4.0
        return clock[0]

    monkeypatch.setattr(X.time, "monotonic", slow)
    _conflicts, ways = X.explain(after, time_limit=20.0)
    assert ways == () and calls == []


def test_a_way_ons_model_build_counts_against_its_time(monkeypatch):
    """A model built in all the time given is no solve: no plan said, the solver not run."""
    import solver.explain as X

    _before, after = _ankle_before_a_break(range(11, 30))
    clock = [0.0]
    monkeypatch.setattr(X.time, "monotonic", lambda: clock[0])
    real, solves = X.PlanModel, []

    def built(season, *a, **k):
        clock[0] += 3.0
        return real(season, *a, **k)

    monkeypatch.setattr(X, "PlanModel", built)
    monkeypatch.setattr(X.cp_model.CpSolver, "solve", lambda self, m, *a: solves.append(m))
    assert not X._has_plan(after, 2.5, None) and solves == []
    X._has_plan(after, 4.0, None)
    assert len(solves) == 1


def test_return_report_names_the_deload_week_that_holds_the_return_back():
    """S2's exit met in the athlete's deload week, whose HV-2 cap of 1 speed day moved the next
    stage's day at 100 % a week on: explain --return listed "at most 2 speed days a week (HV-2)"
    only, and a coach could not see why the return was where it was. It names the deload week;
    a deload week allowing a load week's speed days holds nothing back and is not named (and
    the earliest return is then earlier: the deload was what held it)."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-5),
                 stages=(StageRecord(stage="P3", start=day(-2)),))
    s = season(weeks=10, athletes=2, injuries=(rec,))
    rep = return_report(s, "A1")
    said = rep.text(s)
    (line,) = [x for x in said.splitlines() if "deload" in x]
    week = line.split(" the week of ", 1)[1].split(" is a deload", 1)[0]
    monday = next(day(d) for d in range(0, 70, 7) if f"{day(d):%a} {day(d).day} {day(d):%b}" == week)
    assert day(0) <= monday < rep.earliest_fit, (week, rep.earliest_fit)
    # no stored plan: the week is the plan's of the earliest return, and said so
    assert line == (f"  in the plan that returns A1 earliest, the week of {week} is a deload week, "
                    f"which allows 1 speed day (HV-2): the speed days the stages left need wait "
                    f"for the week after it; a deload week is due after at most 3 load weeks "
                    f"in a row (DL-2)."), line
    same = s.model_copy(update={"rules": RuleSettings(values={"HV-2": {"max_speed_days_deload": 2}})})
    rep2 = return_report(same, "A1")
    assert "deload" not in rep2.text(same) and rep2.earliest_fit < rep.earliest_fit


def test_return_reports_deload_week_says_dl2_runs_from_todays_week_so_it_may_move():
    """Left alone last stop: explain --return named the deload week that holds a return back but
    not why one is there, and an athlete's DL-2 run counts from today's week only (rules-spec
    section 1), so moving today on can move the week and the return with no new information. The
    line says DL-2 is why and where its run starts; the week named lies after that start, within
    DL-2's run length of it plus the run (a deload is due after at most 3 load weeks)."""
    from planner.season import Injury, StageRecord
    from planner.text import day as day_words

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-5),
                 stages=(StageRecord(stage="P3", start=day(-2)),))
    s = season(weeks=12, athletes=2, injuries=(rec,))
    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(9)})})
    rep = return_report(moved, "A1")
    (line,) = [x for x in rep.text(moved).splitlines() if "deload" in x]
    monday = day(7)  # today, day 9, is a Wednesday: its week starts on day 7
    assert line.endswith(f"; a deload week is due after at most 3 load weeks in a row (DL-2), "
                         f"counted from the week of today, {day_words(monday)}, so the week may "
                         f"move when today moves."), line
    weeks = _deload_mondays(line, moved)
    tl = Timeline(moved)
    assert all(7 <= tl.weeks[w].first <= 7 + 7 * 3 for w in weeks), (weeks, line)


def test_a_pin_the_sprint_ladder_cannot_reach_offers_changing_the_pin_before_a_rule_setting():
    """Review 256 item 1: a coach's pin of 90 % that the sprint ladder could no longer reach
    (80 % on two days first, a day between speed days) was offered only a ladder of one day a
    level, a setting for every athlete in rehab all season. The pin, one day the coach changed,
    comes first now, named with its day and level; lowering it and removing it each give a plan
    (the independent checker), as the setting after it does."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="P3", start=day(0)),))  # cap 90 %, from today
    pin = IntensityPin(athlete="A1", date=day(2), intensity=90)  # Wednesday
    s = season(weeks=4, athletes=2, injuries=(rec,), pins=(pin,))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert [r.kind for r in out.remedies] == ["pin", "rule"]
    way = out.remedies[0]
    assert not way.records and (way.athlete, way.date) == ("A1", day(2).isoformat())
    assert way.text.startswith(f"The pin of 90 % on {day_long(day(2))} for Athlete 1 (A1) cannot "
                               f"hold now: lower it to 80 % (--pin A1 {day(2).isoformat()} 80) or "
                               f"remove it"), way.text
    lowered = E.AddPin(pin=pin.model_copy(update={"intensity": 80})).apply(s)
    for changed in (lowered, E.RemovePin(pin=pin).apply(s)):
        solved_and_checked(changed)


def test_a_speed_pin_before_a_match_played_names_the_highest_level_that_holds():
    """Review 281 F1: a pin of 100 % on MD-1 of a match the athlete plays breaks HV-5 (a match
    played is a speed day), and so does one level lower; the way on said only "remove it". It
    now names 70 %, the highest level below a speed day, which gives a plan (the independent
    checker)."""
    pin = IntensityPin(athlete="A1", date=day(4), intensity=100)  # Friday, MD-1 of Match 1
    s = season(weeks=2, athletes=2, matches=[5, 12], pins=(pin,))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    way = next(r for r in out.remedies if r.kind == "pin")
    assert way.text.startswith(f"The pin of 100 % on {day_long(day(4))} for Athlete 1 (A1) "
                               f"cannot hold now: lower it to 70 % (--pin A1 {day(4).isoformat()} "
                               f"70) or remove it"), way.text
    solved_and_checked(E.AddPin(pin=pin.model_copy(update={"intensity": 70})).apply(s))


def _deload_mondays(line: str, s) -> list[int]:
    """The week indexes a return report's deload line names ("… of Mon 24 Aug and Mon 31 Aug
    …"), read back through the season's calendar."""
    from planner.text import day as day_words

    tl = Timeline(s)
    line = line.split("; a deload week is due", 1)[0]  # DL-2's run start is no deload week
    named = [w.index for w in tl.weeks if day_words(tl.days[w.first]) in line]
    assert named, line
    return named


def _earliest_plans(monkeypatch) -> list:
    """The (season, plan) of each earliest-return query's own plan, as the queries make them."""
    import solver.queries as Q

    plans = []
    real = Q._earliest

    def earliest(pm, *a, **k):
        back, path = real(pm, *a, **k)
        plans.append((pm.season, path))
        return back, path

    monkeypatch.setattr(Q, "_earliest", earliest)
    return plans


def test_return_reports_deload_weeks_are_deload_weeks_of_the_plan_they_name(demo_season, monkeypatch):
    """The demo solved and stored: explain --return A19 said "the deload week of Mon 24 Aug
    allows 1 speed day (HV-2)", a deload week of the query's own plan of the earliest return,
    while the stored plan, returning A19 the same day, has 24 Aug as a load week (its deloads:
    3 and 31 Aug), as the board and explain --athlete show. With the stored plan's return the
    earliest, the weeks named are its deload weeks; without a stored plan they are the earliest
    return's plan's, said to be that plan's. Each held against the plan (its week kinds), the
    plan against the plan checker."""

    plans = _earliest_plans(monkeypatch)
    # the demo's 60-second solve, searched once per test process (tests/demoplan.py), held
    # against the plan checker as solved_and_checked holds it
    season_solved, out = demoplan.demo_solved()
    assert season_solved == demo_season and out.status in (Status.OPTIMAL, Status.FEASIBLE)
    report = check_plan(demo_season, out.plan)
    assert [str(v) for v in report.violations] == [] and out.objective == report.objective
    stored = demo_season.model_copy(update={"plan": out.plan})
    differ = False
    # A12's return is the day the stages' minimum days reach: no deload week holds it (Review
    # 262 item 1; test_return_report_names_the_minimum_days_not_a_deload_week_when_they_set_the_return)
    a12 = return_report(stored, "A12")
    assert a12.deload == "" and a12.set_by.startswith("set by the stages' minimum days"), a12
    for aid in ("A19",):
        rep = return_report(stored, aid)
        assert rep.planned_fit == rep.earliest_fit, (aid, rep.planned_fit, rep.earliest_fit)
        assert rep.deload.startswith("the deload week"), rep.deload
        alone, path = plans[-1]
        assert not check_plan(alone, path).violations
        weeks = _deload_mondays(rep.deload, stored)
        assert all(out.plan.for_athlete(aid).weeks[w] == "deload" for w in weeks), (aid, rep.deload)
        differ |= (out.plan.for_athlete(aid).weeks[:10] != path.for_athlete(aid).weeks[:10])
    assert differ, "the stored plan's deload weeks are the return plans': nothing to tell apart"
    # no stored plan: the weeks are the earliest return's plan's, and the words say whose
    rep = return_report(demo_season, "A19")
    alone, path = plans[-1]
    assert not check_plan(alone, path).violations
    assert rep.deload.startswith("in the plan that returns A19 earliest, the week"), rep.deload
    assert all(path.for_athlete("A19").weeks[w] == "deload"
               for w in _deload_mondays(rep.deload, demo_season)), rep.deload


def test_return_report_names_the_minimum_days_not_a_deload_week_when_they_set_the_return(
        demo_season, monkeypatch):
    """Review 262 item 1: the demo's A07 (P1 since 27 Jul) and A12 (P3 since 22 Jul) return on
    the very day their stages' minimum days reach, yet explain --return named a deload week
    ("the speed days the stages left need wait for the week after it") and, for A12, "held in P3
    until the retest, Sat 8 Aug" although P3's own 21 days hold him to 12 Aug: a coach pinned the
    week to load for nothing. The minimum days are named as what sets the date, worked out here
    from the protocol's stages; no deload week, no retest hold (which the provisional words
    still say). The plan of the earliest return passes the plan checker."""
    from planner.protocols import load_protocol
    from planner.text import day as day_words

    plans = _earliest_plans(monkeypatch)
    for aid in ("A07", "A12"):
        rec = demo_season.injury_of(aid)
        held = rec.stages[-1]
        proto = load_protocol(rec.protocol)
        left = proto.stage_ids[proto.stage_ids.index(held.stage):]
        minimum = sum(proto.stage(s).min_days for s in left)
        # the earliest return proved, not the first found: a loaded machine stopped the query at
        # 10 s with a return two months late
        rep = return_report(demo_season, aid, time_limit=120)
        alone, path = plans[-1]
        assert not check_plan(alone, path).violations
        assert path.for_athlete(aid).stages[Timeline(alone).index(rep.earliest_fit)] == "FIT"
        assert rep.earliest_fit == held.start + dt.timedelta(days=minimum), (aid, rep.earliest_fit)
        said = rep.text(demo_season)
        assert (f"  set by the stages' minimum days (RH-STAGE): {minimum} days from "
                f"{held.stage}'s start on {day_words(held.start)}.") in said.splitlines(), said
        assert "deload" not in said and "held in" not in said, said
    assert "retest from" in rep.provisional  # A12's failed test is still said
