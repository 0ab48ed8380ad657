"""Cold starts (planner.coldstart): a fit athlete's first speed day after RAMP's gap is a match he
starts; not a rule. The plans are solved and held against the plan checker."""

import pytest

from planner.check import check_plan
from planner.coldstart import cold_starts, cold_starts_added
from planner.season import Competition, IntensityPin, MatchRole, Unavailability
from tests.builders import day, season, solved_and_checked

FINAL = 33  # Sat of week 5


def away_three_weeks(pins=(), roles=()):
    """Two athletes, Saturday matches, the Cup final (A) on day 33; A1 away on international duty
    from Sun day 13 to Sun day 27 (the match of day 12 his last speed day), back Mon day 28."""
    final = Competition(id="final", name="Cup final", date=day(FINAL), priority="A")
    s = season(weeks=6, athletes=2, matches=[5, 12, 40], comps=[final], pins=pins,
               unavailable=(Unavailability(athlete="A1", start=day(13), end=day(27),
                                           reason="Intl duty"),))
    return s.model_copy(update={"roles": tuple(roles)})


def with_plan(s):
    out, _report = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def without_ramp(s):
    """``s`` with the 80 % day the solver put before the final for A1 taken back to the team
    session: the plan as it was before the solver ramped him (as a plan edited by hand, or one
    whose ramp step LD-1's weight would make a spike, keeps it)."""
    ap = s.plan.for_athlete("A1")
    it = tuple(70 if 13 <= k < FINAL and v == 80 else v for k, v in enumerate(ap.intensity))
    plan = s.plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": it}) if x.athlete == "A1" else x
        for x in s.plan.athletes)})
    return s.model_copy(update={"plan": plan})


@pytest.fixture(scope="module")
def ramped():
    return with_plan(away_three_weeks())


@pytest.fixture(scope="module")
def solved(ramped):
    return without_ramp(ramped)


def test_the_solver_ramps_a_player_back_from_three_weeks_away_before_the_final(ramped):
    """RAMP lets the match end the ramp, so the search had no reason to plan a step before it:
    the plan now holds RAMP's first step, 80 %, on a training day before the final (MD-3 or
    MD-4 when the rules allow), checked by the plan checker, at no cost."""
    it = ramped.plan.for_athlete("A1").intensity
    steps = [k for k in range(28, FINAL) if it[k] >= 80]
    assert it[FINAL] == 100 and len(steps) == 1 and it[steps[0]] == 80
    assert FINAL - steps[0] in (3, 4)
    assert cold_starts(ramped) == []
    cold = without_ramp(ramped)
    assert check_plan(cold, cold.plan).objective == check_plan(ramped, ramped.plan).objective
    assert not check_plan(ramped, ramped.plan).violations


def test_a_player_back_from_three_weeks_away_who_starts_the_final_cold_is_named(solved):
    it = solved.plan.for_athlete("A1").intensity
    assert it[FINAL] == 100 and not any(v >= 80 for v in it[13:FINAL])  # the plan the coach saw
    (c,) = cold_starts(solved)
    assert (c.athlete, c.day, c.last, c.without) == ("A1", day(FINAL), day(12), 20)
    words = c.text(solved)
    assert words.startswith("Athlete 1 (A1) starts Cup final (A, Sat 6 Feb) as their first speed "
                            "day after 20 days without one (the last on Sat 16 Jan; away Sun 17 "
                            "Jan – Sun 31 Jan: Intl duty): pin 80 % on ")
    assert "(MD-3)" in words and words.endswith("or set them bench for Cup final (Roles)")
    # anonymised: the absence without its reason
    assert "Intl duty" not in cold_starts(solved, anonymise=True)[0].text(solved)


def test_an_80_pin_before_the_final_or_the_bench_takes_the_notice_away(solved):
    (c,) = cold_starts(solved)
    on = c.open_days[0][0]
    assert on < day(FINAL)
    pinned = with_plan(away_three_weeks(pins=(IntensityPin(athlete="A1", date=on, intensity=80),)))
    assert pinned.plan.for_athlete("A1").intensity[FINAL] == 100
    assert cold_starts(pinned) == []
    # the plan edited instead: the same day at 80 % in the plan alone
    ap = solved.plan.for_athlete("A1")
    k = (on - day(0)).days
    edited_ap = ap.model_copy(update={"intensity": ap.intensity[:k] + (80,) + ap.intensity[k + 1:]})
    plan = solved.plan.model_copy(update={"athletes": tuple(
        edited_ap if x.athlete == "A1" else x for x in solved.plan.athletes)})
    assert cold_starts(solved.model_copy(update={"plan": plan})) == []
    bench = with_plan(away_three_weeks(roles=(MatchRole(competition="final", athlete="A1",
                                                        role="bench"),)))
    assert cold_starts(bench) == [] and cold_starts(without_ramp(bench)) == []


def test_only_from_today_on_and_a_what_if_names_only_the_ones_it_adds(solved):
    later = solved.model_copy(update={"calendar": solved.calendar.model_copy(
        update={"today": day(FINAL + 1)})})
    assert cold_starts(later) == []
    assert cold_starts_added(solved, solved) == []
    assert [c.athlete for c in cold_starts_added(None, solved)] == ["A1"]


def test_solve_check_and_a_what_if_say_it_on_the_command_line(solved, capsys):
    """``solve`` and ``record`` (print_summary) print it with the other notes, ``check`` on stderr,
    and a what-if names the one its scenario adds."""
    from planner.coldstart import COLD_HEAD
    from planner.scenarios import compare
    from ui.cli.commands import print_cold_starts

    (c,) = cold_starts(solved)
    print_cold_starts(solved)
    assert capsys.readouterr().out == f"{COLD_HEAD}:\n  {c.text(solved)}\n"
    base = without_ramp(with_plan(away_three_weeks(roles=(MatchRole(
        competition="final", athlete="A1", role="bench"),))))
    comp = compare(base, base.plan, solved, solved.plan)
    assert comp.cold == (c.text(solved),)
    assert f"  - {c.text(solved)}" in comp.text()
    assert compare(solved, solved.plan, solved, solved.plan).cold == ()


def test_two_matches_started_that_day_are_both_named_in_the_ways_out(solved):
    """A1 starts the Cup final and the Plate final on day 33: the bench named the first alone
    ("bench for Cup final"), which leaves the second started cold; both are named now."""
    plate = Competition(id="plate", name="Plate final", date=day(FINAL), priority="A")
    two = solved.model_copy(update={"competitions": (*solved.competitions, plate)})
    (c,) = cold_starts(two)
    assert [x.id for x in c.competitions] == ["final", "plate"]
    words = c.text(two)
    assert "starts Cup final and Plate final (A, Sat 6 Feb)" in words
    assert words.endswith("bench for Cup final and Plate final (Roles)"), words
