"""HV-1's windows read as runs per athlete (planner.hv1.hv1_runs): with 2-3 matches a week the
bench had ~100 windows each, said as "HV-1 ... 400 / 12000" and "400 times (4 athletes)", and no
output named the players or the weeks without an exposure."""

from __future__ import annotations

import datetime as dt

from planner import text
from planner.hv1 import hv1_advice, hv1_runs
from planner.season import RuleSettings
from tests.builders import day, season, solved_and_checked

# Tue+Fri+Sat, then Wed+Sat, week after week (a basketball league)
CONGESTED = [d for w in range(0, 6, 2) for d in (7 * w + 1, 7 * w + 4, 7 * w + 5,
                                                    7 * w + 9, 7 * w + 12)]


def congested(**values) -> object:
    s = season(weeks=6, athletes=3, matches=CONGESTED,
               rules=RuleSettings(values=values) if values else None)
    athletes = tuple(a.model_copy(update={"role": "bench"}) if a.id != "A1" else a
                     for a in s.athletes)
    return s.model_copy(update={"athletes": athletes})


def test_the_bench_of_a_congested_season_is_one_run_that_names_them_and_the_settings():
    s = congested()
    out, report = solved_and_checked(s)
    assert report.counts()["HV-1"] > 20  # the windows, still counted as they were
    runs = hv1_runs(s, out.plan, report.soft)
    assert len(runs) == 1, [r.text(s) for r in runs]
    run = runs[0]
    assert run.athletes == ("A2", "A3") and run.matches
    assert run.start == day(0) and run.days >= 5 * 7
    words = run.text(s)
    assert words.startswith("Athlete 2 (A2) and Athlete 3 (A3): no high-velocity exposure (>= 90 %) "
                            "from Mon 4 Jan to ")
    assert f"({run.days // 7} weeks); matches from the bench (2 or more a week) are no " \
           "exposure" in words
    advice = hv1_advice(s, runs)
    assert advice is not None and "raise HV-2's speed days in a load or taper week (now 2, at " \
                                  "most 3)" in advice
    assert "lower HV-6's days after a played match (now 2, at least 1)" in advice
    # the settings are the whole squad's: said, with what HV-6 at 1 allows after a match
    assert advice.endswith("in Rules. Both apply to every athlete, those in rehab too (the speed "
                           "days of a rehab stage), and HV-6 below 2 puts speed sessions within "
                           "72 h of a match played."), advice


def test_with_the_settings_changed_the_bench_has_exposures_and_nothing_more_is_pointed_at():
    s = congested(**{"HV-2": {"max_speed_days": 3}, "HV-6": {"days_after": 1}})
    out, report = solved_and_checked(s)
    runs = hv1_runs(s, out.plan, report.soft)
    # the bench gets speed days now: no run of weeks; and both settings are as far as they go
    assert runs and all(r.days < 14 for r in runs), [r.text(s) for r in runs]
    assert hv1_advice(s, runs) is None


def test_a_gap_the_matches_do_not_close_is_said_without_the_settings():
    """A plan whose second athlete never runs above 80 % in a season with no matches: a run of
    weeks, but not the matches' doing, and no settings pointed at."""
    from planner.check import check_plan

    s = season(weeks=4, athletes=2, matches=[])
    out, _ = solved_and_checked(s)
    slow = tuple(ap.model_copy(update={"intensity": tuple(min(v, 80) for v in ap.intensity)})
                 if ap.athlete == "A2" else ap for ap in out.plan.athletes)
    plan = out.plan.model_copy(update={"athletes": slow, "soft": ()})
    runs = hv1_runs(s, plan)  # the plan has no check: the plan checker's
    assert [(r.athletes, r.start, r.end, r.matches) for r in runs] == [
        (("A2",), day(0), day(27), False)]
    assert runs[0].text(s) == ("Athlete 2 (A2): no high-velocity exposure (>= 90 %) from Mon 4 Jan "
                               "to Sun 31 Jan (4 weeks)")
    assert len(check_plan(s, plan).soft) > len(runs)
    assert hv1_advice(s, runs) is None


def test_solve_and_check_name_the_bench_and_the_weeks_beside_the_count(tmp_path, capsys):
    """The solve summary's "HV-1 Regular high-velocity exposure N / P" stays (other tools read
    it), with the runs under it; 'periodize check' says them on stderr, beside the congestion."""
    from planner.seasonfile import save_season
    from ui.cli.main import main

    path = tmp_path / "s.season.json"
    save_season(congested(), path)
    assert main(["solve", str(path), "--deterministic", "--save"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "HV-1 Regular high-velocity exposure" in out
    # the cause once, the runs it closed as short lines under it
    assert ("Without a high-velocity exposure (>= 90 %; HV-1, the longest first, each cause "
            "once): Matches from the bench (2 or more a week) are no exposure and leave no "
            "training day free for one (HV-2 counts each as one of the week's speed days; HV-5, "
            "HV-6 and HV-7 keep the days around it free): Athlete 2 (A2) and Athlete 3 (A3): "
            "from Mon 4 Jan to ") in out
    assert (f"raise HV-2's speed days in a load or taper week (now 2, at most 3) or lower HV-6's "
            f"days after a played match (now 2, at least 1) ('periodize record {path} --rule "
            f"HV-2.max_speed_days=3 --rule HV-6.days_after=1 --save' sets both). Both apply to "
            f"every athlete") in out
    assert main(["check", str(path)]) == 0
    got = capsys.readouterr()
    assert "    Athlete 2 (A2) and Athlete 3 (A3): from Mon 4 Jan to " in got.out  # as solve says it
    assert got.err == ""  # stderr is for errors


def test_the_cover_keeps_the_count_and_names_the_runs():
    """The Cover read "Regular high-velocity exposure: 400 times (4 athletes)"."""
    from planner.xlsx_export import build_workbook

    s = congested()
    out, _ = solved_and_checked(s)
    s = s.model_copy(update={"plan": out.plan})
    rows = {r[0]: r[1] for r in build_workbook(s, out.plan)["Cover"].iter_rows(values_only=True)}
    n = sum(1 for v in out.plan.soft if v.rule == "HV-1")
    # the runs a coach reads, the overlapping windows HV-1 counts in smaller words ("400 times"
    # read as 400 gaps)
    assert rows["HV-1"].startswith(f"Regular high-velocity exposure: 1 run without a "
                                   f"high-velocity exposure (2 athletes; {n} windows of 8 days "
                                   "counted). Athlete 2 (A2) and Athlete 3 (A3): no high-velocity "
                                   "exposure (>= 90 %) from Mon 4 Jan to ")
    assert rows["HV-1"].endswith("lower HV-6's days after a played match (now 2, at least 1) in "
                                 "the app's Rules panel. Both apply to every athlete, those in "
                                 "rehab too (the speed days of a rehab stage), and HV-6 below 2 "
                                 "puts speed sessions within 72 h of a match played.")


def _demo_runs(demo, tuesdays: bool = False):
    """The demo season (one match a week, a cup tie some midweeks), solved and checked, with its
    HV-1 runs; ``tuesdays``: a league match on every Tuesday from 5 Jan to 27 Apr too (2 a week)."""
    from planner.season import Competition

    s = demo
    if tuesdays:
        extra = tuple(Competition(id=f"tue{k}", name=f"Midweek {k}", date=dt.date(2027, 1, 5)
                                  + dt.timedelta(weeks=k), priority="C") for k in range(17))
        s = s.model_copy(update={"competitions": s.competitions + extra})
    out, report = solved_and_checked(s, time_limit=60, deterministic=True)
    return s, hv1_runs(s, out.plan, report.soft)


def test_the_demo_s_bench_gaps_say_their_deload_weeks_and_no_settings_are_pointed_at(demo_season):
    """The demo, a squad with one match a week, was told "With 2 or 3 matches a week, a player
    off the bench has no day left …" and to change HV-2 and HV-6 for the whole squad, while the
    six longest lines said no reason: their gaps lie around deload weeks, whose one speed day a
    match from the bench takes (raising HV-2's load-week cap cannot help), and a run's last day,
    next to the exposure that ends it, read as a day left open."""
    s, runs = _demo_runs(demo_season)
    assert hv1_advice(s, runs) is None, [r.text(s) for r in runs]
    assert all(r.cause for r in runs[:6]), [r.text(s) for r in runs[:6]]
    first = next(r for r in runs if "A04" in r.athletes and r.start == dt.date(2026, 10, 22))
    assert (first.end, first.cause, first.deload_weeks) == (
        dt.date(2026, 11, 3), "deload", (dt.date(2026, 10, 26),))
    assert first.text(s).endswith(
        "(13 days); the deload week of Mon 26 Oct allows 1 speed day, which a match from the "
        "bench takes (HV-2's speed days in a deload week), and HV-5, HV-6 and HV-7 keep the days "
        "around the matches free"), first.text(s)
    # Kofi Mensah, in S3 until Sun 4 Oct: a run of his first week back is no bench player's
    back = [r for r in runs if "A07" in r.athletes]
    assert back and not any(r.settled for r in back)


def test_two_matches_every_week_name_the_settings_and_for_whom(demo_season):
    """The demo with a match every Tuesday too from January: the bench's gap of weeks is the
    matches' doing, and the settings are named with what they change beyond the bench."""
    s, runs = _demo_runs(demo_season, tuesdays=True)
    longest = runs[0]
    assert longest.matches and longest.settled and longest.days > 100, longest.text(s)
    assert "matches from the bench (2 or more a week) are no exposure" in longest.text(s)
    advice = hv1_advice(s, runs)
    assert advice is not None and advice.startswith("With 2 or 3 matches a week"), advice
    assert "Both apply to every athlete, those in rehab too" in advice


def test_a_player_just_back_from_rehab_is_not_counted_for_the_settings():
    """Only runs of athletes FIT through them, and not back from rehab within 21 days before,
    count: the settings would move a returning player's speed days too."""
    from planner.hv1 import Hv1Run

    s = congested()
    assert hv1_advice(s, [Hv1Run(("A2",), day(7), day(20), cause="matches", settled=False)]) is None
    assert hv1_advice(s, [Hv1Run(("A2",), day(7), day(20), cause="matches")]) is not None


def test_every_place_names_the_same_runs_and_counts_the_athletes_of_those_named():
    """The solve, the check, Plan Check and the Cover each kept a limit and an "and N shorter"
    of their own, and Plan Check's header counted the athletes of runs of two weeks or more over
    a list that began with runs of 12 and 13 days (the demo): the header said nothing of them."""
    from planner.hv1 import HV1_SHOWN, Hv1Run, hv1_lines

    s = congested()
    runs = [Hv1Run(("A2", "A3"), day(0), day(12)), Hv1Run(("A1",), day(14), day(25))] + [
        Hv1Run((f"A{k % 3 + 1}",), day(k), day(k + 11 - (k > 5))) for k in range(7)]
    runs.sort(key=lambda r: (-r.days, r.start, r.athletes))
    said = hv1_lines(s, runs)
    assert said.runs == tuple(runs[:HV1_SHOWN]) and said.more == len(runs) - HV1_SHOWN == 3
    assert said.lines[0] == ("Athlete 2 (A2) and Athlete 3 (A3): no high-velocity exposure "
                             "(>= 90 %) from Mon 4 Jan to Sat 16 Jan (13 days)")
    assert said.shorter() == "and 3 more runs, none longer"
    # the header's count and threshold are the list's: every athlete of a run as long as the
    # shortest named (12 days: one left out too), all three here
    assert (said.least(), said.athletes) == ("12 days", 3)
    two = hv1_lines(s, runs, limit=1)
    assert (two.least(), two.athletes, two.shorter()) == ("13 days", 2, "and 8 more runs, none longer")
    weeks = hv1_lines(s, [Hv1Run(("A2",), day(0), day(40))])
    assert (weeks.least(), weeks.athletes, weeks.more, weeks.shorter()) == ("5 weeks", 1, 0, "")
    assert hv1_lines(s, []).athletes == 0


def test_the_cover_names_the_same_athletes_once_with_each_of_their_runs():
    """The demo's Cover repeated "Jonas Lind (A04), Adam Kowalski (A11) and Pavel Dvorak (A20)"
    for each of six runs (and its row kept a blank gap): grouped, their names come once, then
    their runs by date, and each reason once with the runs it is about. A list whose rows are
    runs (the solve, the check, Plan Check) keeps a line a run."""
    from planner.hv1 import Hv1Run, hv1_lines

    s = congested()
    trio = ("A2", "A3")
    runs = [Hv1Run(trio, day(22), day(34), "matches"),
            Hv1Run(trio, day(8), day(19), "deload", deload_weeks=(day(14),)),
            Hv1Run(("A1",), day(0), day(11)),
            Hv1Run(trio, day(36), day(47), "deload", deload_weeks=(day(42),))]
    runs.sort(key=lambda r: (-r.days, r.start, r.athletes))
    said = hv1_lines(s, runs, grouped=True)
    assert said.runs == tuple(runs) and said.more == 0 and said.athletes == 3
    both, one = said.lines
    assert both.count("Athlete 2 (A2)") == 1 and "Athlete 1" not in both
    assert both.startswith("Athlete 2 (A2) and Athlete 3 (A3): no high-velocity exposure (>= 90 %) "
                           "from Tue 12 Jan to Sat 23 Jan (12 days), from Tue 26 Jan to Sun 7 Feb "
                           "(13 days) and from Tue 9 Feb to Sat 20 Feb (12 days); in the runs from "
                           "Tue 12 Jan and Tue 9 Feb, the deload weeks of Mon 18 Jan and Mon 15 Feb "
                           "allow 1 speed day, which a match from the bench takes"), both
    assert "; in the run from Tue 26 Jan, matches from the bench (2 or more a week)" in both
    assert both.count("deload weeks of") == 1
    assert one == ("Athlete 1 (A1): no high-velocity exposure (>= 90 %) from "
                                       "Mon 4 Jan to Fri 15 Jan (12 days)")
    # one reason for all the runs: said once, without naming the runs
    same = hv1_lines(s, [Hv1Run(trio, day(0), day(12), "matches"),
                         Hv1Run(trio, day(20), day(31), "matches")], grouped=True).lines
    assert len(same) == 1 and same[0].count("matches from the bench") == 1
    assert "in the run" not in same[0]
    assert len(hv1_lines(s, runs).lines) == 4  # ungrouped: a line a run


def test_a_gap_s_cause_asks_the_plan_checker_s_own_speed_day_rules(monkeypatch):
    """The cause of a gap re-stated HV-2, HV-5, HV-6 and HV-7 as day arithmetic of its own, so a
    change to one of those rules would not reach the words. It asks the checker now: a speed
    day placed where the checker's predicates say HV-5, HV-6 or HV-7 breaks is a violation of
    them, and an HV-2 without a cap and an HV-6 of 0 days open the bench's days, in the check and in the gap's words
    alike."""
    from planner.check import _Checker, check_plan

    s = congested()
    out, report = solved_and_checked(s)
    ck = _Checker(s, out.plan, None, None)
    a = next(x for x in ck.athletes if x.id == "A2")
    for i in range(ck.p0, ck.n):
        if a.played[i] or a.speed[i] or not ck.tl.is_training[i]:
            continue
        said = set(ck.speed_day_breaks(a, i, a.speed)) & {"HV-5", "HV-6", "HV-7"}
        ap = next(x for x in out.plan.athletes if x.athlete == "A2")
        it = tuple(95 if j == i else v for j, v in enumerate(ap.intensity))
        plan = out.plan.model_copy(update={"athletes": tuple(
            x.model_copy(update={"intensity": it}) if x is ap else x for x in out.plan.athletes)})
        found = {v.rule for v in check_plan(s, plan).violations
                 if v.rule in said | {"HV-5", "HV-6", "HV-7"} and v.athlete == "A2"
                 and v.start <= ck.d(i) <= v.end}
        assert found == said, (ck.d(i), said, found)
    assert hv1_runs(s, out.plan, report.soft)[0].matches
    # HV-2 without a cap and HV-6 at 0 days in the checker: the gap's words follow
    monkeypatch.setattr(_Checker, "hv2_cap", lambda self, a, w: (7, []))
    monkeypatch.setattr(_Checker, "hv6_match", lambda self, a, d: None)
    hv1_runs.forget()  # the same season and plan, asked again under other rules' code
    runs = hv1_runs(s, out.plan, report.soft)
    assert runs and not any(r.matches for r in runs), [r.text(s) for r in runs]


def test_the_plan_checker_holds_no_coach_advice_and_one_recovery_figure_is_read(monkeypatch):
    """HV-1's runs, causes, lines and advice (the ``periodize record … --rule`` command among
    them) lived in the plan checker; the 72 h of Nédélec 2012 was a constant there and another in
    planner.congestion, and HV-1's "not just back" borrowed congestion's days after a return.
    They live in planner.hv1 now, with one recovery figure and days of their own."""
    import inspect

    import planner.check as check
    import planner.congestion as congestion
    import planner.hv1 as hv1
    from planner.hv1 import Hv1Run

    source = inspect.getsource(check)
    assert "periodize record" not in source and "def hv1_" not in source
    assert not hasattr(check, "HV6_RECOVERY_HOURS")
    assert congestion.GAP_DAYS * 24 == congestion.RECOVERY_HOURS == hv1.RECOVERY_HOURS
    s = congested()
    run = [Hv1Run(("A2",), day(7), day(20), cause="matches")]
    monkeypatch.setattr(hv1, "RECOVERY_HOURS", 96)  # the advice says the figure it reads
    assert hv1_advice(s, run).endswith("HV-6 below 3 puts speed sessions within 96 h of a "
                                       "match played.")
    monkeypatch.setattr(congestion, "AFTER_RETURN_DAYS", 0)  # congestion's own: HV-1's stays
    assert hv1.SETTLED_DAYS == 21


def test_a_list_of_runs_says_each_cause_once_and_each_run_short(demo_season):
    """The demo's check printed six HV-1 lines, five of them ending in the same 40 words ("the
    deload week of … allows 1 speed day, which their matches from the bench take …"), and at
    1366 x 768 they filled Plan Check's list. Each cause is said once over its runs (the command
    line), and a run's own line is short: who, when, a few words of why (Plan Check, the whole
    cause in its tooltip)."""
    from planner.hv1 import Hv1Run, hv1_lines

    s = congested()
    trio = ("A2", "A3")
    runs = [Hv1Run(trio, day(8), day(20), "deload", deload_weeks=(day(14),)),
            Hv1Run(trio, day(22), day(34), "matches"),
            Hv1Run(("A1",), day(36), day(47), "deload", deload_weeks=(day(42),)),
            Hv1Run(("A2",), day(0), day(11))]
    said = hv1_lines(s, runs)
    causes = said.by_cause(s)
    assert [(c[:40], [r.start for r in some]) for c, some in causes] == [
        ("A deload week allows 1 speed day, which ", [day(8), day(36)]),
        ("Matches from the bench (2 or more a week", [day(22)]),
        ("", [day(0)])]
    assert causes[0][0] == ("A deload week allows 1 speed day, which a match from the bench "
                            "takes (HV-2's speed days in a deload week), and HV-5, HV-6 and HV-7 "
                            "keep the days around the matches free")
    assert [r.short(s) for r in runs] == [
        "Athlete 2 (A2) and Athlete 3 (A3): no exposure from Tue 12 Jan to Sun 24 Jan (13 days); "
        "bench matches fill the deload week of Mon 18 Jan",
        "Athlete 2 (A2) and Athlete 3 (A3): no exposure from Tue 26 Jan to Sun 7 Feb (13 days); "
        "bench matches leave no day free",
        "Athlete 1 (A1): no exposure from Tue 9 Feb to Sat 20 Feb (12 days); bench matches fill "
        "the deload week of Mon 15 Feb",
        "Athlete 2 (A2): no exposure from Mon 4 Jan to Fri 15 Jan (12 days)"]


def _hoops(today: int | None = None):
    """Six weeks of a basketball league: matches on Tue, Fri and Sat, but the fourth week, the
    team's days off all week (an All-Star break, no match); A1 starts, A2 and A3 come off the
    bench; ``today``: the day index of today."""
    from planner.season import NonTrainingDay

    games = [7 * w + d for w in range(6) if w != 3 for d in (1, 4, 5)]
    s = season(weeks=6, athletes=3, matches=games, today=None if today is None else day(today))
    off = tuple(NonTrainingDay(date=day(i), reason="All-Star break") for i in range(21, 28))
    return s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"non_training_days": off}),
        "athletes": tuple(a.model_copy(update={"role": "bench"}) if a.id != "A1" else a
                          for a in s.athletes)})


def test_a_bench_gap_through_a_break_is_the_matches_doing_and_a_break_gap_the_days_off(
        tmp_path, capsys):
    """The bench of 3 matches a week went 19 weeks without an exposure, said "Some of it is the
    team's days off, where no plan gives one" for a 10-day break in it, and from a day before
    today: the break is the cause only of a gap that is mostly days off (the starter's across
    it), the bench's is their matches (HV-2, HV-5, HV-6, HV-7), each from today at the
    earliest, in the solve's and Plan Check's words alike."""
    from planner.check import group_soft
    from planner.seasonfile import save_season
    from ui.cli.main import main

    today = 2  # a Wednesday: the windows of the days before it are still counted
    s = _hoops(today)
    out, report = solved_and_checked(s)
    runs = hv1_runs(s, out.plan, report.soft)
    bench = [r for r in runs if "A2" in r.athletes]
    assert [(r.athletes, r.start) for r in bench] == [(("A2", "A3"), day(today))], \
        [r.text(s) for r in runs]
    run = bench[0]
    assert run.start <= day(21) and run.end >= day(27)  # the break lies inside the gap
    assert run.matches and not run.days_off, run
    assert "days off" not in run.text(s) and "matches from the bench" in run.text(s)
    assert hv1_advice(s, runs) is not None  # the settings that open a speed day are named
    # the starter's gap across the break (an exposure each side of it) is the break's
    starter = [r for r in runs if r.athletes == ("A1",) and r.start <= day(21) <= r.end]
    assert len(starter) == 1 and starter[0].days_off and not starter[0].matches, \
        [r.text(s) for r in runs]
    assert starter[0].cause_words(s) == ("most of it is the team's days off, where no plan "
                                         "gives one")
    # no run starts before today
    assert all(r.start >= day(today) for r in runs), [r.text(s) for r in runs]
    # Plan Check's line of the bench's windows counts the few in the break, no more
    line = next(g.message for g in group_soft(sorted(
        (v for v in report.soft if v.rule == "HV-1"), key=lambda v: (v.athlete, v.start)))
        if g.first.athlete == "A2" and len(g.members) > 1)
    assert "Some of its days are the team's days off" not in line
    assert " of them lie in the team's days off: no plan avoids those." in line, line
    # the solve says the same
    path = tmp_path / "s.season.json"
    save_season(s, path)
    assert main(["solve", str(path), "--deterministic"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert (f"Matches from the bench (2 or more a week) are no exposure and leave no training "
            f"day free for one (HV-2 counts each as one of the week's speed days; HV-5, HV-6 "
            f"and HV-7 keep the days around it free): Athlete 2 (A2) and Athlete 3 (A3): "
            f"from {text.day(day(today))} to ") in said, said
    assert "Most of it is the team's days off, where no plan gives one: Athlete 1 (A1): " in said


def test_free_weekdays_between_training_days_are_not_the_team_s_days_off():
    """An amateur side training on Mondays only, with matches on Wednesdays and Saturdays: the
    bench's 6 weeks without an exposure were put down to "the team's days off" (24 of the 42
    days have neither training nor a match), though the checker finds no window inside days off
    and Plan Check's line said one exposure covers them. A gap is the days off' only when half
    or more of its windows are ones the checker says no plan avoids."""
    from planner.check import UNAVOIDABLE, group_soft

    matches = [d for w in range(6) for d in (7 * w + 2, 7 * w + 5)]  # Wed + Sat
    s = season(weeks=6, athletes=3, matches=matches)
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"training_days": ("mon",)}),
        "athletes": tuple(a.model_copy(update={"role": "bench"}) if a.id != "A1" else a
                          for a in s.athletes)})
    out, report = solved_and_checked(s, time_limit=20)
    runs = hv1_runs(s, out.plan, report.soft)
    groups = {(g.first.athlete, g.first.start): g for g in group_soft(sorted(
        (v for v in report.soft if v.rule == "HV-1"), key=lambda v: (v.athlete, v.start)))}
    bench = [r for r in runs if "A2" in r.athletes]
    assert bench, [r.text(s) for r in runs]
    for r in runs:  # each run's days off agree with the checker's windows of its gap
        g = next(g for (a, _), g in groups.items()
                 if a in r.athletes and g.first.start <= r.start <= g.end == r.end)
        off = sum(1 for v in g.members if UNAVOIDABLE in v.message)
        assert r.days_off == (off * 2 >= len(g.members)), (r.text(s), off, len(g.members))
        if not off:
            assert "days off" not in r.text(s), r.text(s)
            assert "days off" not in g.message, g.message
    assert report.unavoidable() == 0  # no window of this season lies inside days off
    assert not any(r.days_off for r in bench), [r.text(s) for r in bench]
    # so the real cause is said: the matches from the bench leave no training day free
    assert any(r.matches for r in bench), [r.text(s) for r in bench]
