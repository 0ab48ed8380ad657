"""The day's "why" names the matches the athlete played, with the offset from that match."""

from __future__ import annotations

from planner.season import AthletePlan, MatchRole, Plan
from planner.why import why_day
from tests.builders import day, season


def _two_matches(roles: dict[str, str], it: list[int]):
    """Matches on Tue and Wed (days 1 and 2) of a one-athlete, two-week season; A1's roles per
    match and intensities for the first week (the second week rests)."""
    s = season(weeks=2, athletes=1, matches=[1, 2])
    s = s.model_copy(update={"roles": tuple(
        MatchRole(competition=c, athlete="A1", role=r) for c, r in roles.items())})
    ap = AthletePlan(athlete="A1", stages=("FIT",) * 14, intensity=tuple(it + [0] * 7),
                     weeks=("load", "load"))
    return s, Plan(status="manual", team_weeks=("load", "load"), athletes=(ap,))


def _hv6(s, plan, i: int) -> list[str]:
    return [r.text for r in why_day(s, plan, "A1", day(i)).reasons if r.rule == "HV-6"]


def test_hv6_names_the_match_played_from_the_bench_not_the_next_day_s_match_he_was_out_of():
    """Bench in the semi-final on Tuesday, out of the squad for the final on Wednesday: Thursday
    said "MD+1 after 'Match 2', which Athlete 1 played"."""
    s, plan = _two_matches({"m0": "bench", "m1": "out"}, [70, 80, 70, 70, 70, 70, 0])
    assert _hv6(s, plan, 3) == [
        "MD+2 after 'Match 1', which Athlete 1 (A1) played from the bench: no speed day."]


def test_hv6_names_the_latest_match_played_and_says_started():
    s, plan = _two_matches({"m0": "start", "m1": "bench"}, [70, 100, 80, 70, 70, 70, 0])
    assert _hv6(s, plan, 3) == ["MD+1 after 'Match 2', which Athlete 1 (A1) played from the bench: "
                                "no speed day."]
    s, plan = _two_matches({"m0": "out", "m1": "start"}, [70, 70, 100, 70, 70, 70, 0])
    assert _hv6(s, plan, 4) == ["MD+2 after 'Match 2', which Athlete 1 (A1) started: no speed day."]


def _match_day(s, plan, i: int) -> tuple[list, list]:
    """Day ``i``'s "Bound by" reasons as (rule, text), and the rules it serves."""
    reasons = why_day(s, plan, "A1", day(i)).reasons
    return ([(r.rule, r.text) for r in reasons if r.kind == "bound"],
            [r.rule for r in reasons if r.kind == "serves"])


def test_a_match_day_names_the_role_and_where_it_is_set_not_av1():
    """A starter's match day read "Bound by: AV-1 (Rest when unavailable or off): Starts 'League
    match 5'": the rest rule named as the reason a player plays. The role decides it."""
    s, plan = _two_matches({"m1": "bench"}, [70, 100, 80, 70, 70, 70, 0])
    bound, serves = _match_day(s, plan, 1)
    assert bound == [("FACT", "Starts 'Match 1' (the player's default role; Season ▸ Match Roles "
                               "sets one for this match): the match is the exposure (100 %).")]
    assert "HV-1" in serves
    bound, _ = _match_day(s, plan, 2)
    assert bound == [("FACT", "On the bench for 'Match 2' (the role set for this match in Season ▸ "
                               "Match Roles): a substitute's sprints (80 %), a speed day but no "
                               "high-velocity exposure.")]
    s, plan = _two_matches({"m0": "out"}, [70, 70, 100, 70, 70, 70, 0])
    bound, _ = _match_day(s, plan, 1)
    assert [rule for rule, _ in bound] == ["FACT", "HV-7"]  # HV-7: he plays Wednesday
    assert bound[0][1].startswith("Out of the squad for 'Match 1' (the role set for this match in "
                                  "Season ▸ Match Roles): a training day")
    # the explanation as the CLI prints it names no rule for the role
    said = why_day(s, plan, "A1", day(2)).text()
    assert "AV-1" not in said and "  - Starts 'Match 2' (the player's default role" in said


def test_a_goalkeeper_s_match_is_not_called_his_high_velocity_exposure():
    """HV-1 exempts goalkeepers: the keeper's match day said "the match is the exposure" and served
    HV-1, and his deload week "the match he starts is the week's high-velocity exposure"."""
    from planner.why import why_week

    s, plan = _two_matches({"m1": "out"}, [70, 100, 70, 70, 70, 70, 0])
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"position": "Goalkeeper"})
                                               for a in s.athletes)})
    plan = plan.model_copy(update={"team_weeks": ("deload", "load"), "athletes": tuple(
        ap.model_copy(update={"weeks": ("deload", "load")}) for ap in plan.athletes)})
    bound, serves = _match_day(s, plan, 1)
    assert bound == [("FACT", "Starts 'Match 1' (the player's default role; Season ▸ Match Roles "
                               "sets one for this match): played at 100 % (HV-1 exempts the "
                               "Goalkeeper position: no high-velocity exposure is asked of it).")]
    assert "HV-1" not in serves
    reasons = why_week(s, plan, "A1", day(0)).reasons
    week = " ".join(r.text for r in reasons)
    assert "The match Athlete 1 (A1) starts, with no speed session besides (HV-1 exempts" in week
    # said under HV-1, the rule it is about, not under LD-1 with the week's load
    assert [r.rule for r in reasons if "no speed session besides" in r.text] == ["HV-1"]
    assert not any("no speed session" in r.text for r in reasons if r.rule == "LD-1")
    assert "high-velocity exposure, with no" not in week
    # an outfield player's keeps both
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"position": "Forward"})
                                               for a in s.athletes)})
    assert "HV-1" in _match_day(s, plan, 1)[1]
    week = " ".join(r.text for r in why_week(s, plan, "A1", day(0)).reasons)
    assert "starts is the week's high-velocity exposure, with no speed session besides" in week


def test_no_compensation_session_is_offered_after_a_match_the_athlete_could_not_play():
    """Back on Monday after Saturday's match spent in rehab (S3), the why said "a compensation
    session would be allowed here (HV-6 allows MD+2 for non-players); none is planned": a
    compensation session is for a fit athlete the match did without, not for one in rehab or
    away. One left out of the squad keeps the offer."""
    from planner.season import Unavailability
    from tests.builders import injury, season

    s = season(weeks=2, athletes=1, matches=[5], injuries=(injury("A1", "S3", start_day=-3),))
    ap = AthletePlan(athlete="A1", stages=("S3",) * 6 + ("FIT",) * 8,
                     intensity=(100, 70, 70, 100, 70, 0, 0, 70, 70, 70, 70, 70, 0, 0),
                     weeks=("load", "load"))
    plan = Plan(status="manual", team_weeks=("load", "load"), athletes=(ap,))
    assert _hv6(s, plan, 7) == ["In rehab (S3) on Saturday ('Match 1'): not a match the athlete "
                                "could play, so no compensation session is due."]
    fit = AthletePlan(athlete="A1", stages=("FIT",) * 14, intensity=ap.intensity, weeks=ap.weeks)
    away = season(weeks=2, athletes=1, matches=[5], unavailable=(
        Unavailability(athlete="A1", start=day(5), end=day(5)),))
    fit_plan = plan.model_copy(update={"athletes": (fit,)})
    assert _hv6(away, fit_plan, 7) == ["Away on Saturday ('Match 1'): not a match the athlete "
                                       "could play, so no compensation session is due."]
    # back on Wednesday, Thursday's match comes before RE-1's team sessions: held out
    held = season(weeks=2, athletes=1, matches=[3], injuries=(injury("A1", "S3", start_day=-5),))
    back = AthletePlan(athlete="A1", stages=("S3",) * 2 + ("FIT",) * 12,
                       intensity=(100, 100, 70, 70, 70, 70, 0, 70, 70, 70, 70, 70, 0, 0),
                       weeks=("load", "load"))
    held_plan = plan.model_copy(update={"athletes": (back,)})
    assert _hv6(held, held_plan, 5) == ["Held out (RE-1) on Thursday ('Match 1'): not a match the "
                                        "athlete could play, so no compensation session is due."]
    out = away.model_copy(update={"unavailability": (), "roles": (
        MatchRole(competition="m0", athlete="A1", role="out"),)})
    assert _hv6(out, fit_plan, 7) == ["Out of the squad on Saturday ('Match 1'): a compensation "
                                      "session would be allowed here (HV-6 allows MD+2 for "
                                      "non-players); none is planned."]


def test_speed_work_after_a_match_the_athlete_could_not_play_is_no_compensation_anywhere():
    """A returner in rehab on Saturday's match and sprinting on Monday (MD+2): the explanation said
    "no compensation session is due" at 70 % but "compensation session" at 95 %, and the board's
    C and the handout called it one. One predicate (AthleteFacts.could_play) for all three; the
    plan checker's TEAM keeps rules-spec's definition (the match not played)."""
    from planner.daymarks import day_marks
    from planner.season import AthletePlan, Plan
    from planner.sessions import Prescriber
    from tests.builders import day, injury, season

    s = season(weeks=2, athletes=1, matches=[5], injuries=(injury("A1", "S3", start_day=-3),))
    ap = AthletePlan(athlete="A1", stages=("S3",) * 6 + ("FIT",) * 8,
                     intensity=(100, 70, 70, 100, 70, 0, 0, 95, 70, 70, 70, 70, 0, 0),
                     weeks=("load", "load"))
    plan = Plan(status="manual", team_weeks=("load", "load"), athletes=(ap,))
    s = s.model_copy(update={"plan": plan})
    said = [r.text for r in why_day(s, plan, "A1", day(7)).reasons if r.rule == "HV-6"]
    assert said == ["In rehab (S3) on Saturday ('Match 1'): not a match the athlete could play; "
                    "speed work (HV-6 allows MD+2 for non-players)."], said
    assert 7 not in day_marks(s)["A1"].compensation
    assert Prescriber(s, plan).athlete("A1")[7].summary.startswith("Speed:")
    # fit and out of the squad on Saturday: the same Monday is a compensation session everywhere
    fit = season(weeks=2, athletes=1, matches=[5])
    fit = fit.model_copy(update={"roles": (MatchRole(competition="m0", athlete="A1", role="out"),)})
    ap = ap.model_copy(update={"stages": ("FIT",) * 14,
                               "intensity": (70, 70, 70, 70, 70, 0, 0, 95, 70, 70, 70, 70, 0, 0)})
    plan = plan.model_copy(update={"athletes": (ap,)})
    fit = fit.model_copy(update={"plan": plan})
    said = [r.text for r in why_day(fit, plan, "A1", day(7)).reasons if r.rule == "HV-6"]
    assert any("compensation session (HV-6 allows MD+2" in t for t in said), said
    assert 7 in day_marks(fit)["A1"].compensation
    assert Prescriber(fit, plan).athlete("A1")[7].summary.startswith("Compensation")


def test_a_match_day_in_rehab_names_the_role_set_and_that_rehab_keeps_him_out_of_it():
    """Kofi Mensah (A07) in P2 on a match day: the Bound-by said only "AV-1: In rehab (P2) there
    is no running on match days" while the board showed "bench · P2". It names the role set and
    where, and that the role is not played in rehab; AV-1 stays, the rule the checker holds the
    day to."""
    from planner.check import check_plan
    from tests.builders import injury

    s, _ = _two_matches({"m0": "bench"}, [0] * 7)
    s = s.model_copy(update={"injuries": (injury("A1", "P2", start_day=-3),)})
    ap = AthletePlan(athlete="A1", stages=("P2",) * 14, intensity=(0,) * 14, weeks=("load", "load"))
    plan = Plan(status="manual", team_weeks=("load", "load"), athletes=(ap,))
    said = {i: [(r.rule, r.text) for r in why_day(s, plan, "A1", day(i)).reasons if r.kind == "bound"
                and r.rule == "AV-1"] for i in (1, 2)}
    assert said[1] == [("AV-1", "Set on the bench for 'Match 1' (the role set for this match in "
                                "Season ▸ Match Roles): in rehab (P2) the role is not played, and "
                                "there is no running on a match day (the staff are at the match).")]
    assert said[2] == [("AV-1", "Set to start 'Match 2' (the player's default role; Season ▸ Match "
                                "Roles sets one for this match): in rehab (P2) the role is not "
                                "played, and there is no running on a match day (the staff are at "
                                "the match).")]
    # AV-1 is the rule that bounds the day: a run on it breaks AV-1
    ran = plan.model_copy(update={"athletes": (ap.model_copy(update={
        "intensity": (0, 60) + (0,) * 12}),)})
    assert "AV-1" in {v.rule for v in check_plan(s, ran).violations}
    assert "AV-1" not in {v.rule for v in check_plan(s, plan).violations}


def test_the_handout_the_board_and_the_explanation_name_the_same_days_compensation():
    """With HV-6's days_after at 3 the handout called a sprint on MD+3 after a missed match
    "Compensation", the board showed no C (rules-spec's MD+1/MD+2), and an 80 % run on MD+2 was
    "Compensation" on paper only: one predicate (AthleteFacts.compensation) for all three."""
    from planner.daymarks import day_marks
    from planner.season import AthletePlan, Plan, RuleSettings
    from planner.sessions import Prescriber
    from tests.builders import day, season

    s = season(weeks=2, athletes=1, matches=[5],
               rules=RuleSettings(values={"HV-6": {"days_after": 3}}))
    s = s.model_copy(update={"roles": (MatchRole(competition="m0", athlete="A1", role="out"),)})
    for i, level, compensation in ((8, 95, False), (7, 80, False), (7, 95, True)):
        it = [70] * 14
        it[5] = it[6] = 0
        it[i] = level
        plan = Plan(status="manual", team_weeks=("load", "load"), athletes=(AthletePlan(
            athlete="A1", stages=("FIT",) * 14, intensity=tuple(it), weeks=("load", "load")),))
        s = s.model_copy(update={"plan": plan})
        on_paper = Prescriber(s, plan).athlete("A1")[i].summary.startswith("Compensation")
        said = any("compensation session (HV-6" in r.text
                   for r in why_day(s, plan, "A1", day(i)).reasons if r.rule == "HV-6")
        assert (i in day_marks(s)["A1"].compensation) == on_paper == said == compensation, \
            (i, level, on_paper, said)


def _weekend_tournament(roles: dict[str, str] = (), it: list[int] | None = None, stages=None,
                        injuries=()):
    """Three matches on Saturday (day 5) and three on Sunday (day 6), each a competition of its
    own, in a squad that trains Monday to Friday; A1's roles by competition id ('s1'-'s3',
    'u1'-'u3') and plan over two weeks."""
    from planner.season import Competition

    comps = [Competition(id=f"{d}{k}", name=f"Series D{n} M{k}", date=day(i), priority="B")
             for d, n, i in (("s", 1, 5), ("u", 2, 6)) for k in (1, 2, 3)]
    s = season(weeks=2, athletes=1, matches=[], comps=comps, injuries=injuries)
    s = s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"training_days": ("mon", "tue", "wed", "thu", "fri")}),
        "roles": tuple(MatchRole(competition=c, athlete="A1", role=r) for c, r in dict(roles).items())})
    it = it or [70, 95, 70, 70, 70, 100, 100, 0, 70, 70, 70, 70, 0, 0]
    ap = AthletePlan(athlete="A1", stages=stages or ("FIT",) * 14, intensity=tuple(it),
                     weeks=("load", "load"))
    return s, Plan(status="manual", team_weeks=("load", "load"), athletes=(ap,))


def test_a_returner_held_out_of_a_tournament_on_a_rest_day_is_told_it_is_a_rest_day():
    """Back to full training on Friday, held out by RE-1 of Saturday's three matches: the why
    read "1 of 3 team sessions done, so 'M1' / 'M2' / 'M3' is a training day, not a match" on
    a day the squad does not train, which the plan has as a rest day."""
    from tests.builders import injury

    stages = ("S3",) * 4 + ("FIT",) * 10
    s, plan = _weekend_tournament(it=[70, 70, 70, 70, 70, 0, 0, 70, 70, 70, 70, 70, 0, 0],
                                  stages=stages, injuries=(injury("A1", "S3", start_day=-5),))
    re1 = [r.text for r in why_day(s, plan, "A1", day(5)).reasons if r.rule == "RE-1"]
    assert re1 == ["Held out of 'Series D1 M1' / 'Series D1 M2' / 'Series D1 M3': back to full "
                   "training on Fri 8 Jan 2027, 1 of 3 team sessions done before a first match, "
                   "so a rest day (not a training weekday): neither a match nor training."]
    # on a training weekday the athlete trains instead
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={
        "training_days": ("mon", "tue", "wed", "thu", "fri", "sat")})})
    re1 = [r.text for r in why_day(s, plan, "A1", day(5)).reasons if r.rule == "RE-1"]
    assert len(re1) == 1 and re1[0].endswith("so a training day for the athlete instead.")


def test_hv6_names_only_the_tournament_matches_the_athlete_played_each_in_its_role():
    """On the bench for a tournament's first match and out of the other two, Monday read "MD+2
    after 'M1' / 'M2' / 'M3', which Athlete 1 played from the bench"."""
    sat = [70, 95, 70, 70, 70, 80, 0, 0, 70, 70, 70, 70, 0, 0]
    s, plan = _weekend_tournament({"s1": "bench", "s2": "out", "s3": "out",
                                   "u1": "out", "u2": "out", "u3": "out"}, sat)
    assert _hv6(s, plan, 7) == ["MD+2 after 'Series D1 M1', which Athlete 1 (A1) played from the "
                                "bench: no speed day."]
    # started two, on the bench in the third: each named with its role
    s, plan = _weekend_tournament({"s1": "start", "s2": "bench", "s3": "start",
                                   "u1": "out", "u2": "out", "u3": "out"},
                                  [70, 95, 70, 70, 70, 100, 0, 0, 70, 70, 70, 70, 0, 0])
    assert _hv6(s, plan, 7) == ["MD+2 after 'Series D1 M1' / 'Series D1 M3' (started) and "
                                "'Series D1 M2' (from the bench), which Athlete 1 (A1) played: no "
                                "speed day."]
    # and the recovery day after the matches started says the same matches
    fact = [r.text for r in why_day(s, plan, "A1", day(7)).reasons if "first training day" in r.text]
    assert fact == ["The first training day after 'Series D1 M1' / 'Series D1 M3' (started) and "
                    "'Series D1 M2' (from the bench), which Athlete 1 (A1) played on Sat 9 Jan "
                    "2027: the recovery after the match, a session with no running."]
    # all three started: named together, "started"
    s, plan = _weekend_tournament({"u1": "out", "u2": "out", "u3": "out"},
                                  [70, 95, 70, 70, 70, 100, 0, 0, 70, 70, 70, 70, 0, 0])
    assert _hv6(s, plan, 7) == ["MD+2 after 'Series D1 M1' / 'Series D1 M2' / 'Series D1 M3', which "
                                "Athlete 1 (A1) started: no speed day."]


def _hv5(s, plan, i: int) -> list[str]:
    return [r.text for r in why_day(s, plan, "A1", day(i)).reasons if r.rule == "HV-5"]


def test_hv5_calls_the_match_next_door_a_match_not_a_speed_day():
    """Every Friday before a tournament read "A speed day on Sat 9 Jan leaves no room for another
    speed day here (1 rest day needed)": the speed day was the tournament the athlete plays."""
    s, plan = _weekend_tournament({"s2": "out", "u1": "out", "u2": "out", "u3": "out"},
                                  [70, 95, 70, 70, 0, 100, 0, 0, 70, 70, 70, 70, 0, 0])
    assert _hv5(s, plan, 4) == ["The matches on Sat 9 Jan 2027 ('Series D1 M1' / 'Series D1 M3') "
                                "leave no room for another speed day here (1 rest day needed)."]
    # one match played: "The match"; a planned speed day beside it keeps its words
    s, plan = _weekend_tournament({"s2": "out", "s3": "out", "u1": "out", "u2": "out", "u3": "out"},
                                  [70, 70, 70, 95, 0, 80, 0, 0, 70, 70, 70, 70, 0, 0])
    assert _hv5(s, plan, 4) == ["A speed day on Thu 7 Jan 2027 and the match on Sat 9 Jan 2027 "
                                "('Series D1 M1') leave no room for another speed day here (1 rest "
                                "day needed)."]
    # a speed day alone, as before
    assert _hv5(s, plan, 2) == ["A speed day on Thu 7 Jan 2027 leaves no room for another speed "
                                "day here (1 rest day needed)."]
