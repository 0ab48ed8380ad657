"""The season review (planner.review): each count of a small season worked out by hand."""

from __future__ import annotations

import pytest

from planner.review import COLUMNS, gap_words, injury_lines, season_review
from planner.season import (
    AthletePlan,
    Injury,
    NonTrainingDay,
    Plan,
    Session,
    StageRecord,
    Unavailability,
)
from planner.timeline import Timeline
from tests.builders import day, injury, season

WEEK = [0, 95, 0, 70, 0, 100, 0]  # Tue a speed day, Sat the match (days 5, 12, 19, 26) started
TODAY = 21  # Mon of week 4: days 0-20 are the season so far


def _intensity(zero=()) -> tuple[int, ...]:
    return tuple(0 if i in zero else WEEK[i % 7] for i in range(28))


def _review_season(today: int = TODAY):
    # A2: injured on day 2 (INJ), P3 from day 3, a flare-up on day 8 back to P2, FIT on day 14;
    # ill on days 6-7 while in rehab (counted as rehab, once)
    rehab = injury("A2", "FIT", start_day=14, history=(("P3", 3),), flare_days=(8,))
    away = (Unavailability(athlete="A2", start=day(6), end=day(7), reason="Illness"),
            Unavailability(athlete="A3", start=day(8), end=day(10), reason="Illness"),
            Unavailability(athlete="A3", start=day(15), end=day(16), reason="International duty"),
            Unavailability(athlete="A4", start=day(17), end=day(27), reason="left the squad"))
    s = season(weeks=4, athletes=4, injuries=(rehab,), unavailable=away, today=day(today))
    tl = Timeline(s)
    a2_stages = tuple("FIT" if i < 2 or i >= 14 else "INJ" if i == 2 else "P3" if i < 8 else "P2"
                      for i in range(28))
    plans = {"A1": (_intensity(), ("FIT",) * 28),
             "A2": (_intensity(range(2, 14)), a2_stages),
             "A3": (_intensity({8, 9, 10, 15, 16}), ("FIT",) * 28),
             "A4": (_intensity(range(17, 28)), ("FIT",) * 28)}
    plan = Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
        AthletePlan(athlete=a, stages=st, intensity=it, weeks=("load",) * len(tl.weeks))
        for a, (it, st) in plans.items()))
    # A1's log: a 96 % sprint on day 1 (an exposure), 30 minutes off the bench on day 5 (a match
    # from the bench: no exposure), an 80 % top speed on day 8 (the 95 % planned went otherwise)
    log = (Session(athlete="A1", date=day(1), minutes=60, rpe=6, top_speed_pct=96),
           Session(athlete="A1", date=day(5), minutes=30, rpe=7, minutes_played=30),
           Session(athlete="A1", date=day(8), minutes=60, rpe=5, top_speed_pct=80))
    return s.model_copy(update={"plan": plan, "sessions": log})


def _rows(review):
    return {r.athlete: r for r in review.rows}


def test_season_so_far_counts_each_athlete_by_hand():
    review = season_review(_review_season())
    assert review.period.first == day(0) and review.period.last == day(20)
    assert not review.period.whole
    assert review.period.words() == ("Season so far: 4 to 24 Jan 2027 (to the day before today, "
                                     "Mon 25 Jan 2027)")
    rows = _rows(review)
    a1, a2, a3, a4 = rows["A1"], rows["A2"], rows["A3"], rows["A4"]
    # A1: bench on day 5 (30 minutes logged), started 12 and 19; exposures on days 1, 12, 15, 19
    assert (a1.started, a1.bench, a1.not_played, a1.minutes) == (2, 1, 0, 30.0)
    assert a1.hv_done == 4 and a1.hv_ahead is None
    assert a1.longest_gap == 10  # days 2-11: the bench match and the 80 % day are no exposure
    assert (a1.rehab, a1.unavailable, a1.not_with_squad) == (0, 0, 0)
    assert a1.logged == 60 * 6 + 30 * 7 + 60 * 5
    assert a1.planned_past == a1.planned > a1.logged
    # the ratio over the days logged alone (1, 5, 8), their plan by rules-spec section 8: the
    # 95 % days 75 min x RPE 6 each, the match of day 5 planned started 95 x 8 (three sessions
    # logged in a season read 1 % against every day's plan)
    assert a1.planned_logged == 75 * 6 + 95 * 8 + 75 * 6
    assert a1.ratio == pytest.approx(a1.logged / a1.planned_logged)
    # A2: rehab days 2-13 (his two days ill inside them counted once, as rehab); the matches of
    # days 5 and 12 missed in rehab (not "not played"), 19 started; exposures 1, 15, 19; the
    # longest gap 16-18
    assert (a2.started, a2.bench, a2.not_played, a2.missed_injured, a2.minutes) == (1, 0, 0, 2, None)
    assert a2.hv_done == 3 and a2.longest_gap == 3
    assert (a2.rehab, a2.unavailable, a2.reasons, a2.not_with_squad) == (12, 0, (), 0)
    assert a2.logged is None and a2.ratio is None and a2.cell("logged") == "—"
    # A3: ill 8-10, with his country 15-16 (the speed days 8 and 15 missed)
    assert (a3.started, a3.hv_done, a3.longest_gap) == (3, 4, 3)
    assert a3.unavailable == 5 and a3.reasons == (("Illness", 3), ("International duty", 2))
    assert a3.cell("reasons") == "Illness 3, International duty 2"
    # A4: left on day 17: the match of day 19 is none of his, days 17-20 not with the squad
    assert (a4.started, a4.not_played, a4.hv_done, a4.not_with_squad) == (2, 0, 5, 4)
    total = review.total
    assert (total.started, total.bench, total.not_played, total.missed_injured, total.minutes) == (
        8, 1, 0, 2, 30.0)
    assert (total.hv_done, total.longest_gap, total.rehab, total.unavailable,
            total.not_with_squad) == (16, 10, 12, 5, 4)
    assert total.logged == a1.logged


def test_whole_season_adds_what_is_still_planned():
    review = season_review(_review_season(), whole=True)
    assert review.period.whole and review.period.last == day(27)
    assert review.period.words().startswith("Whole season: 4 to 31 Jan 2027 (done before Mon 25 Jan")
    rows = _rows(review)
    # the planned speed day 22 and match 26 each; the leaver none, his 11 days not with the squad
    assert [rows[a].hv_ahead for a in ("A1", "A2", "A3", "A4")] == [2, 2, 2, 0]
    assert rows["A1"].hv_done == 4  # done is the past's alone
    assert rows["A4"].not_with_squad == 11
    assert rows["A1"].planned > rows["A1"].planned_past  # the ratio reads the past alone
    assert review.total.hv_ahead == 6


def test_period_after_the_season_is_the_whole_season_and_before_it_empty():
    after = season_review(_review_season(today=30))
    assert after.period.whole and after.period.words() == "Whole season: 4 to 31 Jan 2027 (ended)"
    assert _rows(after)["A1"].hv_ahead is None
    first = season_review(_review_season(today=0))
    assert first.period.days == 0 and "no day yet" in first.period.words()
    assert _rows(first)["A1"].hv_done == 0 and _rows(first)["A1"].started == 0


def test_exempt_position_and_the_cells():
    s = _review_season()
    keeper = s.athletes[0].model_copy(update={"position": "Goalkeeper"})
    s = s.model_copy(update={"athletes": (keeper,) + s.athletes[1:]})
    row = _rows(season_review(s))["A1"]
    assert row.longest_gap is None and row.cell("longest_gap") == "exempt"
    assert row.hv_done == 2  # his speed days 1 and 15; his matches are his sessions, no exposure
    assert [gap_words(d) for d in (0, 5, 7, 17)] == ["0 d", "5 d", "1 wk 0 d", "2 wk 3 d"]
    assert len({k for k, _, _ in COLUMNS}) == len(COLUMNS)


def test_no_plan_no_rows():
    s = _review_season().model_copy(update={"plan": None})
    review = season_review(s)
    assert review.rows == () and review.total.hv_done == 0


def test_minutes_logged_after_he_left_and_anonymised_reasons_are_not_counted_or_said():
    """Minutes logged on a match day after A4 left the squad were summed while the match itself
    was not counted; and an anonymised CSV kept the reasons of absence, which an anonymised
    workbook drops."""
    from planner.review import csv_text

    s = _review_season()
    s = s.model_copy(update={"sessions": (*s.sessions, Session(
        athlete="A4", date=day(19), minutes=90, rpe=8, minutes_played=90))})
    a4 = _rows(season_review(s))["A4"]
    assert (a4.started, a4.bench, a4.minutes) == (_rows(season_review(_review_season()))["A4"].started,
                                                   0, None)
    plain, anon = csv_text(season_review(s)), csv_text(season_review(s), anonymise=True)
    assert "International duty" in plain and "International duty" not in anon
    assert "Athlete 3" not in anon


def test_the_match_he_was_injured_in_counts_by_the_minutes_logged():
    """A3 pulls a hamstring in the match of day 19 after 70 minutes (onset and P1 that day): the
    review counted the day "Not played" (his stage that day is P1) while its 70 minutes were in
    Minutes. 70 minutes logged are a start (rules-spec section 9), whatever the stage."""
    s = _review_season()
    hurt = injury("A3", "P1", start_day=19, onset_day=19)
    a3 = s.plan.for_athlete("A3")
    a3 = a3.model_copy(update={"stages": ("FIT",) * 19 + ("P1",) * 9,
                               "intensity": a3.intensity[:19] + (0,) * 9})
    s = s.model_copy(update={
        "injuries": (*s.injuries, hurt),
        "plan": s.plan.model_copy(update={"athletes": tuple(
            a3 if ap.athlete == "A3" else ap for ap in s.plan.athletes)}),
        "sessions": (*s.sessions, Session(athlete="A3", date=day(19), minutes=70, rpe=8,
                                          minutes_played=70))})
    row = _rows(season_review(s))["A3"]
    # matches of days 5, 12 and 19, all started: day 19 by its 70 minutes
    assert (row.started, row.bench, row.not_played, row.minutes) == (3, 0, 0, 70.0)
    assert row.rehab == 2  # days 19 and 20 in P1
    # and the start is his exposure, as every start is: 4 as before the injury, not 3
    assert row.hv_done == _rows(season_review(_review_season()))["A3"].hv_done == 4
    # 20 minutes logged in the same match: the bench
    s20 = s.model_copy(update={"sessions": (*s.sessions[:-1], s.sessions[-1].model_copy(
        update={"minutes": 20, "minutes_played": 20}))})
    row = _rows(season_review(s20))["A3"]
    assert (row.started, row.bench, row.not_played, row.minutes) == (2, 1, 0, 20.0)
    assert row.hv_done == 3  # from the bench: no exposure


def test_hv_planned_for_the_same_days_as_hv_done_by_hand():
    """HV done could not be compared with what the plan had for the same days (the load could:
    Planned AU, Logged ÷ planned). HV planned (past) counts the exposures the plan had for the
    period's days before today, as it was made; HV ahead the ones still planned."""
    review = season_review(_review_season())
    rows = _rows(review)
    a1 = rows["A1"]
    # A1's plan had exposures on the speed days 1, 8, 15 (95 %) and the starts of 5, 12, 19: 6.
    # Done: day 1 (96 % logged), 12, 15, 19; the 95 % day 8 logged at 80 % is planned 1, done 0;
    # the start of day 5 played 30 minutes off the bench, planned 1, done 0
    assert (a1.hv_done, a1.hv_planned_past) == (4, 6)
    # the ratio over the days logged alone (1, 5, 8), as Logged ÷ planned: planned 3 (the speed
    # days 1 and 8, the start of 5), done 1 (day 1's 96 %); days 12, 15, 19, with nothing
    # logged, read as planned and are done by construction
    assert (a1.hv_done_logged, a1.hv_planned_logged) == (1, 3)
    assert a1.hv_ratio == pytest.approx(1 / 3) and a1.cell("hv_ratio") == "33 %"
    assert a1.hv_ahead is None and a1.cell("hv_ahead") == "—"
    # A2's plan as made had him in rehab on days 2-13: exposures 1, 15, 19, all done
    # A3's had none on his days away (8, 15): 1, 5, 12, 19; A4's none after he left: 1, 5, 8, 12, 15
    assert [(rows[a].hv_done, rows[a].hv_planned_past) for a in ("A2", "A3", "A4")] == [
        (3, 3), (4, 4), (5, 5)]
    # nothing logged for A2: his done is the plan's, and 100 % would read as compliance
    assert rows["A2"].logged is None and rows["A2"].cell("hv_ratio") == "—"
    total = review.total
    assert (total.hv_done, total.hv_planned_past) == (16, 18)
    # the squad's ratio adds up the days logged: A1's 1 of 3 alone (A2, A3 and A4 logged
    # nothing), not 16 of 18, which read 89 %
    assert (total.hv_done_logged, total.hv_planned_logged) == (1, 3)
    assert total.cell("hv_ratio") == "33 %"
    # the whole season: the past's planned exposures alone, the rest ahead
    whole = _rows(season_review(_review_season(), whole=True))["A1"]
    assert (whole.hv_done, whole.hv_planned_past, whole.hv_ahead) == (4, 6, 2)


def test_hv_planned_past_of_a_goalkeeper_and_with_no_day_yet():
    s = _review_season()
    keeper = s.athletes[0].model_copy(update={"position": "Goalkeeper"})
    s = s.model_copy(update={"athletes": (keeper,) + s.athletes[1:]})
    row = _rows(season_review(s))["A1"]
    # his speed days 1, 8 and 15 planned; his matches are his sessions, never an exposure. The
    # ratio over his days logged (1, 5, 8): the speed days 1 and 8 planned, day 1 done
    assert (row.hv_done, row.hv_planned_past, row.cell("hv_ratio")) == (2, 3, "50 %")
    first = _rows(season_review(_review_season(today=0)))["A1"]
    assert first.hv_planned_past == 0 and first.hv_ratio is None and first.cell("hv_ratio") == "—"


def test_the_anonymised_season_counts_a_leaver_and_a_signing_as_the_season_does():
    """The anonymised workbook's Season review counted A4's days after leaving the squad (and a
    signing's before he joined) as "Unavailable, no reason given": the anonymisation dropped the
    reasons the review tells them from an absence by. It keeps those two, never an absence's."""
    import dataclasses

    from planner.anonymise import anonymised_season
    from planner.squad import is_absence

    s = _review_season()
    signing = Unavailability(athlete="A3", start=day(0), end=day(1), reason="Not in the  Squad yet")
    s = s.model_copy(update={"unavailability": (signing, *s.unavailability)})
    anon = anonymised_season(s)

    def figures(row):
        out = dataclasses.asdict(row)
        del out["name"]
        out["reasons"] = sum(days for _, days in out["reasons"])  # one "no reason given" anonymised
        return out

    plain, hidden = season_review(s), season_review(anon)
    assert [figures(r) for r in hidden.rows] == [figures(r) for r in plain.rows]
    assert figures(hidden.total) == figures(plain.total)
    # the review does see them: A4's days after he left and A3's before he joined
    rows = _rows(plain)
    assert (rows["A4"].not_with_squad, rows["A4"].unavailable) == (4, 0)
    assert rows["A3"].not_with_squad == 2
    # no reason of an absence is left: illness and international duty are gone
    assert all(u.reason == "" for u in anon.unavailability if is_absence(u))
    assert sorted(u.reason for u in anon.unavailability if not is_absence(u)) == [
        "Not in the  Squad yet", "left the squad"]
    assert sum(1 for u in anon.unavailability if u.reason == "") == 3


def test_the_squads_hv_ratio_adds_up_the_athletes_with_one_and_is_a_dash_without():
    """Two athletes with a log: A1 done 1 of the 3 planned on his days logged (1, 5, 8); A3,
    60 minutes logged on day 1 (his 95 % speed day, 70 % logged: no exposure), done 0 of 1. The
    squad: (1 + 0) ÷ (3 + 1) = 25 %; A2 and A4, with nothing logged, count for nothing, nor does
    A2's exposure logged on a day none was planned (A2's own ratio "—"). No log at all: "—"."""
    s = _review_season()
    s = s.model_copy(update={"sessions": (*s.sessions, Session(
        athlete="A3", date=day(1), minutes=60, rpe=6, top_speed_pct=70))})
    review = season_review(s)
    a3 = _rows(review)["A3"]
    assert (a3.hv_done, a3.hv_planned_past, a3.cell("hv_ratio")) == (3, 4, "0 %")
    assert review.total.cell("hv_ratio") == "25 %"
    assert (review.total.hv_done, review.total.hv_planned_past) == (15, 18)  # still every row's
    # A2 logs 96 % on day 3, a 70 % day: an exposure done on a day none was planned, A2's own
    # ratio "—"; it lifted the squad's numerator alone (2 of 4, 50 %)
    a2 = s.model_copy(update={"sessions": (*s.sessions, Session(
        athlete="A2", date=day(3), minutes=60, rpe=6, top_speed_pct=96))})
    review = season_review(a2)
    row = _rows(review)["A2"]
    assert (row.hv_done_logged, row.hv_planned_logged, row.cell("hv_ratio")) == (1, 0, "—")
    assert review.total.cell("hv_ratio") == "25 %"
    assert (review.total.hv_done_logged, review.total.hv_planned_logged) == (1, 4)
    none = season_review(s.model_copy(update={"sessions": ()}))
    assert none.total.hv_planned_past == 18 and none.total.cell("hv_ratio") == "—"


def test_the_hv_ratio_reads_the_days_logged_alone_as_the_load_ratio_does():
    """A day with nothing logged reads as planned, so it is done by construction: A1 with only
    his day-8 session kept (the 95 % speed day logged at 80 %) read 5 of 6 (83 %) though the one
    speed day measured was missed. Over the days logged, as Logged ÷ planned: 0 of 1. With only
    his day-1 session kept (96 % on the 95 % day), 1 of 1: the one day measured went as planned."""
    s = _review_season()
    day8 = _rows(season_review(s.model_copy(update={"sessions": s.sessions[2:]})))["A1"]
    assert (day8.hv_done, day8.hv_planned_past) == (5, 6)  # the columns shown: every past day
    assert (day8.hv_done_logged, day8.hv_planned_logged, day8.cell("hv_ratio")) == (0, 1, "0 %")
    day1 = _rows(season_review(s.model_copy(update={"sessions": s.sessions[:1]})))["A1"]
    assert (day1.hv_done, day1.hv_planned_past) == (6, 6)
    assert (day1.hv_done_logged, day1.hv_planned_logged, day1.cell("hv_ratio")) == (1, 1, "100 %")
    # the load ratio reads the same day: 60 x 6 logged against 75 x 6 planned
    assert day1.cell("ratio") == "80 %"
    # a session logged on a day the plan had no exposure (day 3, 70 %) and nothing else: "—"
    day3 = _rows(season_review(s.model_copy(update={"sessions": (Session(
        athlete="A1", date=day(3), minutes=60, rpe=5, top_speed_pct=70),)})))["A1"]
    assert day3.logged == 300 and day3.hv_planned_logged == 0 and day3.cell("hv_ratio") == "—"


def test_what_the_plan_had_for_a_past_day_is_worked_out_once_per_athlete_day(monkeypatch):
    """The review asked what the plan had for each past day again after the load series had
    (192 calls for 112 athlete-days): it reads the series' own now, with the same counts."""
    from collections import Counter

    from planner import loadtable

    calls: Counter = Counter()
    real = loadtable.planned_level

    def counted(season, ap, day, tl):  # asked by planned_past_day of a day that went otherwise
        calls[(ap.athlete, day)] += 1
        return real(season, ap, day, tl)

    monkeypatch.setattr(loadtable, "planned_level", counted)
    rows = _rows(season_review(_review_season()))
    assert calls == {("A1", day(5)): 1, ("A1", day(8)): 1}
    # the same figures worked out by hand above: A1's day 5 (a start played off the bench) and
    # day 8 (95 % logged at 80 %) went otherwise, their planned exposures counted all the same
    assert [rows[a].hv_planned_past for a in ("A1", "A2", "A3", "A4")] == [6, 3, 4, 5]
    assert (rows["A1"].hv_done_logged, rows["A1"].hv_planned_logged) == (1, 3)
    s = _review_season()
    load = loadtable.lived_load(s, s.plan, "A1")  # the plan as lived, as the review reads it
    assert {load.date(k): got for k, got in load.planned_past_days.items()} == {
        day(5): (100, "FIT", True), day(8): (95, "FIT", False)}


def test_each_row_says_its_matches_and_days_logged_and_the_plan_of_those_days():
    """"Started 43 … Minutes 2,070" read as 48 minutes a match when 23 of 43 had minutes logged,
    and "Logged AU 856,785 · Planned AU 1,657,480 · 99 %" as a wrong sum. Each row now says the
    match days with minutes and the days logged, of how many, and the planned AU of the days
    logged beside the ratio; the heading says how much of the period was logged."""
    s = _review_season()
    review = season_review(s)
    rows = _rows(review)
    a1 = rows["A1"]
    # counted by hand: A1's past match days 5, 12 and 19; minutes logged on day 5 alone
    assert (a1.matches_logged, a1.cell("matches_logged")) == (1, "1 of 3")
    assert a1.cell("minutes") == "30"
    # days logged: 1, 5 and 8 of the 18 days of 0-20 with something planned (the Sundays 6, 13
    # and 20 had nothing); A2: not 2 (the injury's day), 7 (ill; 6 a Sunday), nor the match days
    # 5 and 12 in rehab (no session planned): 14; A3: ill 8-10, away 15-16: 13; A4 left the squad
    # on day 17: Mon-Sat of days 0-16, 15
    assert (a1.days_logged, a1.cell("days_logged")) == (3, "3 of 18")
    assert [rows[a].cell("days_logged") for a in ("A2", "A3", "A4")] == [
        "0 of 14", "0 of 13", "0 of 15"]
    # the ratio is the ratio of the two figures beside it
    assert a1.cell("planned_logged") == f"{75 * 6 + 95 * 8 + 75 * 6:,}"
    assert a1.ratio == pytest.approx(a1.logged / a1.planned_logged)
    assert a1.planned > a1.planned_logged  # the period's plan, a figure of its own
    total = review.total
    assert (total.days_logged, total.days_planned) == (3, 18 + 14 + 13 + 15)
    assert total.cell("matches_logged") == f"1 of {sum(r.matches for r in rows.values())}"
    assert total.ratio == pytest.approx(total.logged / total.planned_logged)
    assert review.heading() == (review.period.words() + ". Logged: 3 of 60 athlete-days planned "
                                "before today (5 %), the rest counted as planned; Sundays, days "
                                "off and days away not counted unless a session was logged on them")
    # the columns sit by the figures they qualify, and the CSV gives the counts as numbers
    keys = [k for k, _, _ in COLUMNS]
    assert keys.index("matches_logged") == keys.index("minutes") + 1
    assert keys[keys.index("days_logged"):keys.index("ratio") + 1] == [
        "days_logged", "planned_logged", "ratio"]
    from planner.review import csv_text

    header, first = csv_text(review).splitlines()[:2]
    row = dict(zip(header.split(","), first.split(","), strict=True))
    assert (row["matches_logged"], row["days_logged"], row["days_planned"], row["planned_logged"]) == (
        "1", "3", "18", str(75 * 6 + 95 * 8 + 75 * 6))


def test_a_season_logged_on_every_training_day_reads_all_of_it_logged():
    """A head coach who logged every session and match of the season read "Logged: 5,499 of
    6,720 athlete-days before today (82 %), the rest counted as planned", "232 of 280" a player:
    the 18 % were the Sundays and the team's days off, with nothing planned. The days counted are
    those with a session or match planned (or logged), and the heading says what is not."""
    s = _review_season()
    off = day(10)  # a team day off on a Thursday: nothing planned for anyone
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "non_training_days": (NonTrainingDay(date=off, reason="Club day"),)})})
    tl = Timeline(s)
    one = s.plan.athletes[0].model_copy(update={"intensity": tuple(
        0 if tl.days[i] == off else x for i, x in enumerate(s.plan.athletes[0].intensity))})
    s = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": (one,)}),
                             "athletes": s.athletes[:1], "injuries": (), "unavailability": ()})
    # A1 logged on every Mon-Sat of days 0-20 but the day off
    worked = [i for i in range(TODAY) if tl.days[i].weekday() != 6 and tl.days[i] != off]
    s = s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(i), minutes=60, rpe=5) for i in worked)})
    review = season_review(s)
    a1 = _rows(review)["A1"]
    assert len(worked) == 17 and (a1.days_logged, a1.days_planned) == (17, 17)
    assert a1.cell("days_logged") == "17 of 17"
    assert review.heading() == (review.period.words() + ". Logged: 17 of 17 athlete-days "
                                "planned before today (100 %), the rest counted as planned; "
                                "Sundays, days off and days away not counted unless a session "
                                "was logged on them")
    # a team training every day: no weekday to name
    every = s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "training_days": ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})})
    assert season_review(every).heading().endswith(
        "; days off and days away not counted unless a session was logged on them")


def test_a_session_logged_on_a_day_away_is_counted_and_the_heading_says_so():
    """The review said "days away not counted" and counted 5 sessions logged on international
    duty (2,455 athlete-days where Move Today said 2,450 for the same past): such a day counts
    once a session is logged on it, and the heading says so."""
    s = _review_season()
    before = _rows(season_review(s))["A3"]
    duty = day(15)  # A3 on international duty (days 15-16), nothing planned
    s = s.model_copy(update={"sessions": (*s.sessions, Session(athlete="A3", date=duty, minutes=50,
                                                               rpe=6))})
    review = season_review(s)
    a3 = _rows(review)["A3"]
    assert (a3.days_logged, a3.days_planned) == (before.days_logged + 1, before.days_planned + 1)
    assert review.heading().endswith("; Sundays, days off and days away not counted unless a "
                                     "session was logged on them")


def test_the_injuries_of_the_period_with_the_days_lost_and_matches_missed():
    """At the end of a season the review had "Rehab days" and "Not played", which mixed a role
    out (a goalkeeper's 43) with the matches missed in rehab, and no list of injuries. The matches
    missed in rehab are a column of their own, and a table gives each injury of the period: its
    onset, return, days lost and matches missed while injured (by hand: A2 injured on day 2,
    back on day 14; the matches of days 5 and 12 in rehab)."""
    s = _review_season()
    # an injury closed before the season (back on day -5) is none of this season's
    old = Injury(athlete="A3", protocol="hamstring-strain", onset=day(-30),
                 stages=(StageRecord(stage="P1", start=day(-30)), StageRecord(stage="FIT", start=day(-5))))
    s = s.model_copy(update={"injuries": s.injuries + (old,)})
    review = season_review(s)
    (a2,) = review.injuries
    assert (a2.athlete, a2.name, a2.protocol) == ("A2", "Athlete 2 (A2)", "Persistent iliopsoas tendinopathy")
    assert (a2.onset, a2.back, a2.days_lost, a2.missed) == (day(2), day(14), 12, 2)
    assert a2.cells() == ("Athlete 2 (A2)", "Persistent iliopsoas tendinopathy", "Wed 6 Jan 2027",
                          "Mon 18 Jan 2027", "12", "2")
    assert _rows(review)["A2"].missed_injured == 2 and _rows(review)["A2"].not_played == 0
    lines = injury_lines(review)
    assert lines[0].startswith("Injuries (days lost: from the onset to the return")
    assert lines[1].split("  ")[0] == "Athlete" and lines[2].startswith("Athlete 2 (A2)  ")
    assert lines[2].split()[-2:] == ["12", "2"]
    # the season so far to day 9: still in rehab (P2 from the flare-up of day 8), 8 days lost,
    # the match of day 5 missed
    early = season_review(_review_season(today=10))
    (a2,) = early.injuries
    assert (a2.back, a2.until, a2.days_lost, a2.missed) == (None, "still in rehab: P2", 8, 1)
    assert a2.cells()[3] == "still in rehab: P2"
    # the whole season asked then: the return the plan has, said planned
    whole = season_review(_review_season(today=10), whole=True)
    assert whole.injuries[0].cells()[3:5] == ("Mon 18 Jan 2027 (planned)", "12")
    # none: said so
    fit = s.model_copy(update={"injuries": ()})
    assert injury_lines(season_review(fit)) == ["Injuries: none in the period."]
