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
