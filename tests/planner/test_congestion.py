"""Congested fixtures (planner.congestion): starts 72 h or less apart, listed as runs; not a rule."""

from planner.congestion import added, congestion, congestion_lines
from planner.rules import RULES
from planner.season import AthletePlan, MatchRole, Plan
from tests.builders import day, season
from tests.guidetext import readme_section


def _runs(s):
    return [(c.athletes, tuple((d - day(0)).days for d in c.days)) for c in congestion(s)]


def test_a_tournament_is_one_run_and_the_ordinary_two_match_week_is_not_listed():
    # Sat 5, Tue 8, Wed 9, Fri 11: each within 3 days of the one before; Wed 16 five days later
    assert _runs(season(weeks=3, matches=[5, 8, 9, 11, 16])) == [(("A1", "A2", "A3"), (5, 8, 9, 11))]
    # Sat, Wed, Sat (4 and 3 days apart): the in-season week HV-6 plans around, not listed
    assert _runs(season(weeks=3, matches=[5, 9, 12])) == []
    assert _runs(season(weeks=2, matches=[5, 8])) == []  # 72 h apart, two only
    assert _runs(season(weeks=2, matches=[5, 7])) == [(("A1", "A2", "A3"), (5, 7))]  # 48 h


def test_a_player_rotated_out_has_his_own_run_and_today_cuts_the_past():
    s = season(weeks=3, matches=[5, 8, 9, 11, 16])
    out = s.competitions[2]  # Wed 9
    assert out.date == day(9)
    s = s.model_copy(update={"roles": (MatchRole(competition=out.id, athlete="A2", role="out"),)})
    # A2 starts Sat 5, Tue 8, Fri 11: still 3 days apart each; the others Sat 5 to Fri 11
    assert _runs(s) == [(("A1", "A3"), (5, 8, 9, 11)), (("A2",), (5, 8, 11))]
    words = congestion(s)[1].text(s)
    assert words.startswith("Athlete 2 (A2) starts on 3 match days in 7 days (Sat 9 Jan, "
                            "Tue 12 Jan, Fri 15 Jan): 72 h or less between them")
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(9)})})
    assert _runs(later) == _runs(s)  # under way at today: listed whole
    over = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(12)})})
    assert _runs(over) == []  # over before today (the Wed 16 match starts no run)


def test_a_run_under_way_at_today_is_not_cut():
    s = season(weeks=2, matches=[5, 6, 9])  # Sat, Sun, Wed
    assert _runs(s) == [(("A1", "A2", "A3"), (5, 6, 9))]
    today = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(6)})})
    assert _runs(today) == [(("A1", "A2", "A3"), (5, 6, 9))]  # it dropped out: 6 and 9 are 72 h



def test_a_what_if_adds_only_the_runs_the_baseline_has_not():
    """Rotating one player out of a match split the baseline's group in two, and the comparison
    named both as new congestion although there was less of it."""
    base = season(weeks=3, matches=[5, 8, 9, 11, 16])
    rotated = base.model_copy(update={"roles": (
        MatchRole(competition=base.competitions[2].id, athlete="A2", role="out"),)})
    assert added(base, rotated) == []
    assert added(base, base) == []
    busier = season(weeks=3, matches=[5, 8, 9, 11, 12, 16])  # one more match, Sat 16 Jan
    (c,) = added(base, busier)
    assert c.athletes == ("A1", "A2", "A3") and [(d - day(0)).days for d in c.days] == [5, 8, 9, 11, 12]
    assert [c.athletes for c in added(None, base)] == [("A1", "A2", "A3")]


def test_a_match_moved_inside_a_congested_run_adds_no_congestion():
    """A semi-final moved a day earlier in the same tournament: the baseline's starters were
    on 4 match days in 6 days, and so are the scenario's; the comparison named it as
    congestion the scenario adds."""
    base = season(weeks=3, matches=[5, 6, 8, 10])  # Sat, Sun, Tue, Thu
    moved = season(weeks=3, matches=[5, 7, 8, 10])  # the Sunday match on Monday
    assert [(len(c.days), c.span) for c in congestion(base)] == [(4, 6)]
    assert [(len(c.days), c.span) for c in congestion(moved)] == [(4, 6)]
    assert added(base, moved) == []
    tighter = season(weeks=3, matches=[5, 6, 7, 9])  # the same four in five days: said
    (c,) = added(base, tighter)
    assert (len(c.days), c.span) == (4, 5)
    later = season(weeks=3, matches=[5, 6, 8, 10, 18, 19, 20])  # another run, a week on
    assert [(len(c.days), c.span) for c in added(base, later)] == [(3, 3)]



def _back_on_friday():
    """A1 back to full training Fri 8 Jan (day 4), A2 fit; both start Wed 13 and Sat 16 Jan
    (72 h apart): a plan the checker passes."""
    from planner.check import check_plan
    from tests.builders import injury

    s = season(weeks=2, athletes=2, matches=[9, 12], injuries=(injury("A1", "S3", start_day=-8),))
    back = (100, 70, 100, 70, 70, 70, 0, 70, 70, 100, 0, 70, 100, 0)
    fit = (80, 70, 90, 70, 70, 70, 0, 70, 70, 100, 0, 70, 100, 0)
    plan = Plan(status="manual", team_weeks=("load", "load"), athletes=(
        AthletePlan(athlete="A1", stages=("S3",) * 4 + ("FIT",) * 10, intensity=back,
                    weeks=("load", "load")),
        AthletePlan(athlete="A2", stages=("FIT",) * 14, intensity=fit, weeks=("load", "load"))))
    assert check_plan(s, plan).ok
    return s.model_copy(update={"plan": plan})


def test_two_starts_72_h_apart_soon_after_a_return_are_listed_for_the_returner_alone():
    """A player back on Friday who starts Wednesday and Saturday (72 h apart): the Returns
    sheet's legend promised him in "Congested soon after", and the column read "–"."""
    from planner.congestion import after_return_words, soon_after_return

    s = _back_on_friday()
    assert _runs(s) == [(("A1",), (9, 12))]  # A2's Wed-Sat week stays unlisted
    (c,) = congestion(s)
    assert c.returned == (("A1", day(4)),)
    assert soon_after_return(congestion(s), "A1", day(4)) == c
    assert after_return_words(c) == ("starts on 2 match days in 4 days from Wed 13 Jan (72 h or "
                                     "less apart, soon after the return)")
    # the same two starts more than three weeks after the return: the ordinary week again
    later = season(weeks=5, athletes=1, matches=[30, 33], injuries=s.injuries)
    it = [100 if k in (30, 33) else 70 for k in range(35)]
    later = later.model_copy(update={"plan": Plan(status="manual", team_weeks=("load",) * 5, athletes=(
        AthletePlan(athlete="A1", stages=("S3",) * 4 + ("FIT",) * 31, intensity=tuple(it),
                    weeks=("load",) * 5),))})
    assert _runs(later) == []


def _three_starts_from(first: int):
    """A1 back to full training Fri 8 Jan (day 4, as :func:`_back_on_friday`), then starting
    three matches in five days from day ``first``."""
    s = _back_on_friday()
    matches = [first, first + 2, first + 4]
    later = season(weeks=5, athletes=1, matches=matches, injuries=s.injuries)
    it = tuple(100 if k in matches else 70 for k in range(35))
    return later.model_copy(update={"plan": Plan(status="manual", team_weeks=("load",) * 5, athletes=(
        AthletePlan(athlete="A1", stages=("S3",) * 4 + ("FIT",) * 31, intensity=it,
                    weeks=("load",) * 5),))})


def test_the_runs_and_the_returns_panel_read_soon_after_a_return_alike_at_21_days():
    """Back within three weeks means a run 20 days after the return at most, in the list of runs
    and in the Returns panel alike: Leo, back Wed 2 Sep, starting a run on Wed 23 Sep was said
    "Congested soon after" in the Returns panel and not "back" in Plan Check's line."""
    from planner.congestion import soon_after_return

    for first, soon in ((24, True), (25, False)):  # 20 and 21 days after Fri 8 Jan
        runs = congestion(_three_starts_from(first))
        (c,) = runs
        assert (c.returned == (("A1", day(4)),)) is soon
        assert (soon_after_return(runs, "A1", day(4)) == c) is soon


def returner_on_the_bench():
    """:func:`_back_on_friday` with A1, back on Fri 8 Jan, planned off the bench in both matches
    of Wed 13 and Sat 16 Jan: a congested run of his alone (no starter's run over those days)."""
    s = _back_on_friday()
    bench = tuple(MatchRole(competition=c.id, athlete="A1", role="bench") for c in s.competitions)
    a1 = s.plan.athletes[0]
    it = tuple(80 if k in (9, 12) else v for k, v in enumerate(a1.intensity))
    plan = s.plan.model_copy(update={"athletes": (a1.model_copy(update={"intensity": it}),
                                                  s.plan.athletes[1])})
    return s.model_copy(update={"roles": bench, "plan": plan})


def test_a_returner_planned_off_the_bench_in_a_congested_run_is_named():
    """A returner 11 days back, on the bench in all six matches of a tournament weekend, was in no
    congestion note: only starts counted. Back within three weeks and planned to play a run of
    matches 72 h or less apart, some off the bench, he is named: with the starters' run over the
    same days, else on a line of his own."""
    from planner.check import check_plan

    s = returner_on_the_bench()
    plan = s.plan
    assert check_plan(s, plan).ok
    (c,) = congestion(s)  # A2's Wed-Sat starts stay the ordinary week
    # one match a day: "on 2 days" read as two days in a row beside Wed and Sat
    assert (c.athletes, c.played_back) == ((), (("A1", day(4), "bench in 2 matches"),))
    assert c.text(s).startswith("⚠ Athlete 1 (A1), back Fri 8 Jan: bench in 2 matches "
                                "(Wed 13 Jan, Sat 16 Jan): 72 h or less between them, soon after "
                                "the return"), c.text(s)
    # a tournament: A2 starts three matches on two days, A1 is on the bench in all three
    t = season(weeks=2, athletes=2, matches=[12, 12, 13], injuries=s.injuries)
    t_plan = plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": a.intensity[:9] + (70, 0, 70, lv, lv)})
        for a, lv in zip(plan.athletes, (80, 100), strict=True))})
    t = t.model_copy(update={"roles": tuple(MatchRole(competition=c.id, athlete="A1", role="bench")
                                            for c in t.competitions), "plan": t_plan})
    assert check_plan(t, t_plan).violations == ()
    (c,) = congestion(t)
    said = "⚠ Athlete 1 (A1), back Fri 8 Jan: bench in 3 matches on 2 days (Sat 16 Jan, Sun 17 Jan)"
    assert c.athletes == ("A2",) and c.played_back == (("A1", day(4), said[2:].split(": ")[1]),)
    assert c.text(t).endswith(f"; {said}")
    # the note names him first, on a line of his own, before the starters' run
    lines = congestion_lines(t, [c])
    assert [x.text for x in lines][:2] == [
        said, "Athlete 2 (A2) starts 3 matches on 2 days in 2 days (Sat 16 Jan, Sun 17 Jan)"]
    # a click on his line goes to him, not to the run's first starter
    assert [x.athlete for x in lines][:2] == ["A1", "A2"]
    # starts alone are said as before (``returned``), and a fit player's bench is no note
    assert not any(x.played_back for x in congestion(_back_on_friday()))
    fit = t.model_copy(update={"injuries": ()})
    fit = fit.model_copy(update={"plan": fit.plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"stages": ("FIT",) * 14}) for a in fit.plan.athletes)})})
    assert [x.played_back for x in congestion(fit)] == [()]


def test_a_day_of_three_matches_started_says_where_their_minutes_come_from():
    """A sevens day of three matches counted 3 x 95 min at RPE 8 (285 min) with no word of it: the
    note of a day with three matches started or more says it is LD-1's setting and how to change
    it, at the season's own values; a day of two is left alone."""
    from planner.season import RuleSettings

    s = season(weeks=2, matches=[5, 5, 5])
    (c,) = congestion(s)
    assert c.text(s).endswith("; each match started counts 95 min at RPE 8 in the planned load, "
                              "and each from the bench 30 min at RPE 7, settings of LD-1's load "
                              "table: for shorter matches set LD-1's \"A competition started: "
                              "minutes\" and \"A competition from the bench: minutes\" (Rules "
                              "panel, or periodize record FILE --rule LD-1.minutes_start=MINUTES "
                              "--rule LD-1.minutes_bench=MINUTES --save; README, \"Another sport\")")
    # the README's "Another sport" (short since the guide moved to docs/guide.md) names both
    other_sport = readme_section("Another sport")
    assert all(f'"{RULES["LD-1"].param(n).row_text}"' in other_sport
               for n in ("minutes_start", "minutes_bench"))
    sevens = s.model_copy(update={"rules": RuleSettings(values={"LD-1": {"minutes_start": 14,
                                                                          "minutes_bench": 7}})})
    assert ("each match started counts 14 min at RPE 8 in the planned load, and each from the "
            "bench 7 min at RPE 7") in congestion(sevens)[0].text(sevens)
    two = season(weeks=2, matches=[5, 5, 6])
    assert "LD-1" not in congestion(two)[0].text(two)


def test_a_tournament_counts_the_matches_started_not_the_match_days():
    """Two matches on Saturday and one on Sunday, all started: "start on 2 match days in 2
    days" hid a third match; a day of two matches started is itself congested."""
    s = season(weeks=2, matches=[5, 5, 6])
    (c,) = congestion(s)
    assert (c.matches, c.starts) == (3, (2, 1))
    assert c.short(s).startswith("Athlete 1 (A1), Athlete 2 (A2) and Athlete 3 (A3) start 3 "
                                 "matches on 2 days in 2 days (Sat 9 Jan, Sun 10 Jan)")
    (c,) = congestion(season(weeks=2, matches=[5, 5, 12]))
    assert (c.days, c.matches) == ((day(5),), 2)
    assert c.short(s).endswith("start 2 matches on one day (Sat 9 Jan)")
    # benched in one of the two Saturday matches: one start that day, grouped apart
    two = season(weeks=2, matches=[5, 5, 6])
    two = two.model_copy(update={"roles": (
        MatchRole(competition=two.competitions[1].id, athlete="A2", role="bench"),)})
    assert [(c.athletes, c.matches) for c in congestion(two)] == [(("A1", "A3"), 3), (("A2",), 2)]


def test_a_b_match_started_in_the_taper_before_an_a_is_said_not_counted_as_a_rule():
    """A league weekend in the taper before the final: its starters play it in full and the
    'taper' week read heavier than the load week before it, with no word of why."""
    from planner.check import check_plan
    from planner.congestion import taper_matches
    from planner.season import Competition
    from tests.builders import solved_and_checked

    final = Competition(id="fin", name="Final", date=day(26), priority="A")
    s = season(weeks=4, matches=[5, 12, 19], comps=[final])  # TP-1: weeks of days 7-20 taper
    out, _report = solved_and_checked(s)
    planned = s.model_copy(update={"plan": out.plan})
    assert check_plan(planned, out.plan).ok  # the plan the advisory reads holds every hard rule
    found = taper_matches(planned)  # the same starters in both: one line
    assert [([c.name for c in t.competitions], t.a.name, t.starters) for t in found] == [
        (["Match 2", "Match 3"], "Final", ("A1", "A2", "A3"))]
    assert found[0].text(planned) == (
        "Match 2 and Match 3 (C, Sat 16 Jan – Sat 23 Jan) lie in the taper before Final (A, Sat 30 "
        "Jan): their 3 starters play them in full; set bench or out for some (Roles) to keep the "
        "taper")
    # the whole squad on the bench for Match 3: no starter, nothing said; Match 1 (before the
    # taper) never is
    bench = planned.model_copy(update={"roles": tuple(
        MatchRole(competition="m2", athlete=f"A{k}", role="bench") for k in (1, 2, 3))})
    assert [t.competition.name for t in taper_matches(bench)] == ["Match 2"]
    # one week of taper (TP-1's value): Match 2 is no longer in it; from today after Match 3
    # on, nothing is left to say
    from planner.season import RuleSettings

    one = planned.model_copy(update={"rules": RuleSettings(values={"TP-1": {"taper_weeks": 1}})})
    assert [t.competition.name for t in taper_matches(one)] == ["Match 3"]
    later = planned.model_copy(update={"calendar": planned.calendar.model_copy(
        update={"today": day(20)})})
    assert taper_matches(later) == []


def test_the_matches_of_one_tournament_weekend_in_a_taper_are_one_line():
    """League Round 5 M1 and M2 on Saturday and M3 on Sunday in the taper were three lines, each
    'its 3 starters play it in full'; a match a few days later with other starters stays a line
    of its own."""
    from planner.congestion import taper_matches
    from planner.season import Competition

    final = Competition(id="fin", name="Final", date=day(26), priority="A")
    s = season(weeks=4, matches=[5, 12, 19, 19, 20], comps=[final])  # taper: days 7-20
    # A1 rotated out of Saturday's second match and Sunday's: he still starts the first; A2 out
    # of Match 2, whose starters are then not the weekend's
    s = s.model_copy(update={"roles": tuple(
        MatchRole(competition=c.id, athlete="A1", role="out") for c in s.competitions[3:5]) + (
        MatchRole(competition=s.competitions[1].id, athlete="A2", role="out"),)})
    found = taper_matches(s)
    assert [[c.name for c in t.competitions] for t in found] == [
        ["Match 2"], ["Match 3", "Match 4", "Match 5"]]
    assert found[1].starters == ("A1", "A2", "A3")
    assert found[1].text(s) == (
        "Match 3, Match 4 and Match 5 (C, Sat 23 Jan – Sun 24 Jan) lie in the taper before Final "
        "(A, Sat 30 Jan): their 3 starters play them in full; set bench or out for some (Roles) "
        "to keep the taper")
    assert found[0].text(s).startswith("Match 2 (C, Sat 16 Jan) lies in the taper before Final")


def test_the_league_games_of_a_taper_with_the_same_starters_are_one_line_counted():
    """A basketball league's five games in the two weeks before a cup (Wed, Sat, Sun, Wed, Sat)
    were four lines, each 'its 5 starters play it in full; set bench or out …': the games
    before the same A with the same starters are one line, numbered names as a range and the
    games counted; one with other starters breaks the line."""
    from planner.congestion import taper_matches
    from planner.season import Competition

    cup = Competition(id="cup", name="Cup", date=day(33), priority="A")
    s = season(weeks=5, matches=[5, 16, 19, 20, 23, 26], comps=[cup])  # taper: days 14-27
    (t,) = taper_matches(s)
    assert [c.name for c in t.competitions] == [f"Match {k}" for k in range(2, 7)]
    assert t.text(s) == (
        "Match 2–6 (C, 5 matches, Wed 20 Jan – Sat 30 Jan) lie in the taper before Cup (A, Sat 6 "
        "Feb): their 3 starters play them in full; set bench or out for some (Roles) to keep the "
        "taper")
    # A3 rested in the Wednesday game: Sat and Sun before it stay with the games before them,
    # the Wednesday is a line, Saturday's starters are the first's again but not the Wednesday's
    rested = s.model_copy(update={"roles": (
        MatchRole(competition=s.competitions[4].id, athlete="A3", role="out"),)})
    assert [[c.name for c in t.competitions] for t in taper_matches(rested)] == [
        ["Match 2", "Match 3", "Match 4"], ["Match 5"], ["Match 6"]]


def friendly_in_the_taper():
    """(baseline, scenario), each with its plan solved and checked: the scenario adds a Wednesday
    friendly (C) in the taper before the final (A)."""
    from planner.season import Competition
    from tests.builders import solved_and_checked

    final = Competition(id="fin", name="Final", date=day(26), priority="A")
    base = season(weeks=4, matches=[5], comps=[final])  # TP-1: weeks of days 7-20 taper
    friendly = Competition(id="fr", name="Friendly", date=day(16), priority="C")
    more = base.model_copy(update={"competitions": base.competitions + (friendly,)})
    out = [s.model_copy(update={"plan": solved_and_checked(s)[0].plan}) for s in (base, more)]
    return out[0], out[1]


def test_a_what_if_names_the_match_it_adds_in_a_taper():
    """A friendly added on the Wednesday before the final: the comparison listed the congestion a
    scenario adds, and said the taper it makes heavier only once adopted (in Plan Check)."""
    from planner.check import check_plan
    from planner.congestion import taper_matches, tapers_added
    from planner.scenarios import compare

    base, more = friendly_in_the_taper()
    assert check_plan(more, more.plan).ok
    assert taper_matches(base) == [] and [t.competition.name for t in taper_matches(more)] == ["Friendly"]
    comp = compare(base, base.plan, more, more.plan)
    said = ("Friendly (C, Wed 20 Jan) lies in the taper before Final (A, Sat 30 Jan): its 3 "
            "starters play it in full; set bench or out for some (Roles) to keep the taper")
    assert f"Matches in a taper the scenario adds (not a rule):\n  - {said}" in comp.text()
    from planner.xlsx_compare import build_comparison_workbook

    ws = build_comparison_workbook(comp, base, base.plan, more, more.plan, [])["Summary"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Matches in a taper the scenario adds (not a rule)" in cells and said in cells
    # what the baseline had already is no news; nor a scenario without the friendly
    assert tapers_added(more, more) == [] and compare(more, more.plan, more, more.plan).tapers == ()


def test_a_returners_run_of_starts_and_bench_says_its_days_in_the_same_parenthesis():
    """"2 matches on 2 days (1 started, 1 off the bench) (Wed 13 Jan, Sat 16 Jan)" read as two
    parentheses in a row: the days join the first."""
    from planner.congestion import Congestion

    s = returner_on_the_bench()
    c = Congestion((), (day(9), day(12)), played_back=(
        ("A1", day(4), "2 matches (1 started, 1 off the bench)"),))
    assert c.text(s).startswith("⚠ Athlete 1 (A1), back Fri 8 Jan: 2 matches (1 started, "
                                "1 off the bench; Wed 13 Jan, Sat 16 Jan): 72 h or less"), c.text(s)


def test_a_returners_matches_one_a_day_are_not_said_on_n_days():
    """The record output read "2 matches on 2 days (1 started, 1 off the bench; Wed 2 Dec, Sat 5
    Dec)", as if on two days in a row: one match a day gives the count alone (a tournament's
    days with several matches keep "on N days":
    test_a_returner_planned_off_the_bench_in_a_congested_run_is_named)."""
    from planner.check import check_plan

    s = returner_on_the_bench()  # A1 back Fri 8 Jan, on the bench Wed 13 and Sat 16 Jan
    first = s.competitions[0].id  # Wed's: he starts it
    roles = tuple(r.model_copy(update={"role": "start"}) if r.competition == first else r
                  for r in s.roles)
    a1 = s.plan.athletes[0]
    it = tuple(100 if k == 9 else v for k, v in enumerate(a1.intensity))
    plan = s.plan.model_copy(update={"athletes": (a1.model_copy(update={"intensity": it}),
                                                  *s.plan.athletes[1:])})
    s = s.model_copy(update={"roles": roles, "plan": plan})
    assert check_plan(s, plan).ok
    (c,) = congestion(s)
    assert c.played_back == (("A1", day(4), "2 matches (1 started, 1 off the bench)"),)
    assert c.text(s).startswith("⚠ Athlete 1 (A1), back Fri 8 Jan: 2 matches (1 started, 1 off "
                                "the bench; Wed 13 Jan, Sat 16 Jan): 72 h or less"), c.text(s)


def tournament_over_a_weeks_end():
    """A matches Thu 21, Fri 22 and Mon 25 Jan, each its own competition (a tournament whose
    last day falls in the next calendar week)."""
    from planner.season import Competition

    a = [Competition(id=f"t{k}", name=f"Tournament M{k}", date=day(d), priority="A")
         for k, d in ((1, 17), (2, 18), (4, 21))]
    return season(weeks=5, matches=[], comps=a)


def test_an_a_competition_in_the_taper_of_a_later_a_is_said_with_the_taper_it_stretches():
    """Four A matches Thursday to Monday gave a three-week taper (TP-1 tapers the weeks before
    each A, and the Monday's falls in the next week), the tournament's own week planned as a
    taper, and nothing said it: the list of matches in a taper now names it, the taper's length
    and the ways to taper once."""
    from planner.congestion import a_in_tapers, taper_matches, tapers_added
    from tests.builders import solved_and_checked

    s = tournament_over_a_weeks_end()
    out, _report = solved_and_checked(s)
    planned = s.model_copy(update={"plan": out.plan})
    assert [str(k) for k in out.plan.team_weeks[:4]] == ["taper", "taper", "taper", "load"]
    (t,) = taper_matches(planned)
    assert [c.name for c in t.competitions] == ["Tournament M1", "Tournament M2"]
    assert t.a.name == "Tournament M4" and t.starters == ("A1", "A2", "A3")
    assert t.text(planned) == (
        "Tournament M1 and Tournament M2 (A, Thu 21 Jan – Fri 22 Jan) lie in the taper before "
        "Tournament M4 (A, Mon 25 Jan): TP-1 tapers the weeks before each A competition, so the "
        "taper runs 3 weeks (from Mon 4 Jan to Sun 24 Jan) and their week is planned as a taper "
        "week; make Tournament M4 B (Competitions) to taper once, or, when the tournament's days "
        "run on, enter it as one competition over several days (Competitions: Several days, until)")
    # the way out, short for a heading or a tooltip
    assert t.way(short=True) == "make Tournament M4 B to taper once"
    # M4 made B: one taper of 2 weeks, nothing to say of the A matches (M4 is a B match
    # started after the A's week, in no taper)
    b = planned.model_copy(update={"competitions": tuple(
        c.model_copy(update={"priority": "B"}) if c.id == "t4" else c for c in s.competitions)})
    assert a_in_tapers(b) == [] and taper_matches(b) == []
    # a what-if that adds the Monday's A match names it; the baseline's own is no news
    assert [[c.name for c in x.competitions] for x in tapers_added(b, planned)] == [
        ["Tournament M1", "Tournament M2"]]
    assert tapers_added(planned, planned) == []



def test_a_matches_in_a_later_as_taper_are_one_line_a_tournament_said_while_the_tournament_is_ahead():
    """A matches on Thu 21 and Fri 22 Jan before an A on Mon 25 Jan read as one tournament
    "(A, Thu 21 Jan – Fri 22 Jan)"; matches days apart are a line each, as B and C matches in a
    taper are (Mon 18 and Fri 22 Jan). Making M2 B takes the week of Mon 18 Jan (the tournament's own, planned as a
    taper week) out of the taper, so "make M2 B" is said while that week is ahead or in
    progress, also once the stretched taper's first week (Mon 4 – Sun 10 Jan) is lived."""
    from planner.congestion import a_in_tapers
    from planner.season import Competition

    def at(days, today=None):
        a = tuple(Competition(id=f"t{k}", name=f"M{k}", date=day(d), priority="A")
                  for k, d in enumerate(days))
        s = season(weeks=5, matches=[], comps=a)
        if today is not None:
            s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(today)})})
        return s

    apart = a_in_tapers(at([14, 18, 21]))
    assert [[c.name for c in t.competitions] for t in apart] == [["M0"], ["M1"]]
    assert apart[0].short().startswith("M0 (A, Mon 18 Jan) lies in the taper before M2 (A, Mon 25 Jan)")
    assert [[c.name for c in t.competitions] for t in a_in_tapers(at([17, 18, 21]))] == [["M0", "M1"]]
    for today in (6, 7, 14, 17):  # Sun 10, Mon 11, Mon 18 and Thu 21 Jan
        (t,) = a_in_tapers(at([17, 18, 21], today=today))
        assert "make M2 B" in t.text(), today
        assert [c.name for c in t.competitions] == ["M0", "M1"]


def test_a_dense_season_says_a_group_once_with_its_runs_and_the_remedy_once(capsys):
    """A basketball season (games Wed, Sat and Sun) printed eleven lines of the same five starters,
    each ending in the same reason and remedy, and the returners' lines drowned: the same group's
    runs are one line now, the longest first and the rest counted, and why and what to do are
    said once, under them, in the command line as in Plan Check and the what-if."""
    from planner.congestion import CongestionLine
    from ui.cli.commands import print_congestion

    s = season(weeks=9, matches=[2, 5, 6, 12, 15, 16, 19, 26, 29, 30, 33, 36, 37, 44, 47, 48, 54, 55])
    runs = congestion(s)
    assert len(runs) == 5 and {c.athletes for c in runs} == {("A1", "A2", "A3")}
    lines = congestion_lines(s, runs)
    assert [x.text for x in lines] == [
        "Athlete 1 (A1), Athlete 2 (A2) and Athlete 3 (A3) start on 6 match days in 12 days (Sat 30 "
        "Jan – Wed 10 Feb); on 4 match days in 8 days (Sat 16 Jan, Tue 19 Jan, Wed 20 Jan, Sat 23 "
        "Jan); on 3 match days in 5 days (Wed 6 Jan, Sat 9 Jan, Sun 10 Jan); and 2 more runs, none "
        "longer",
        "Each run has 72 h or less between its matches, where more than 72 h are needed to recover "
        "(Nedelec12); to rotate, set bench or out for some of these matches (Roles)"]
    assert lines[0].runs == tuple(runs) and (lines[0].athlete, lines[0].day) == ("A1", day(26))
    assert lines[1] == CongestionLine(lines[1].text)  # the note goes nowhere on a click
    print_congestion(s)
    out = capsys.readouterr().out
    assert out.count("Athlete 1 (A1)") == 1 and out.count("set bench or out") == 1, out
