"""A coach workbook imported again over a season (planner/reimport.py): what the workbook does
not carry is put back where it still fits, and what cannot be is named with its reason."""

from __future__ import annotations

from planner.reimport import keep_over, season_loses
from planner.season import IntensityPin, RuleSettings, StagePin
from planner.validate import season_problems
from tests.builders import day, injury, season, solved_and_checked


def _old():
    s = season(weeks=3, athletes=3, injuries=(injury("A1", stage="P2", start_day=-2),),
               rules=RuleSettings(values={"LD-1": {"weight": 5}}),
               pins=(IntensityPin(athlete="A3", date=day(10), intensity=0),
                     StagePin(athlete="A1", stage="P3", date=day(19))))
    return s.model_copy(update={"plan": solved_and_checked(s)[0].plan})


def test_the_workbook_without_a_player_and_an_injury_keeps_what_still_fits():
    old = _old()
    # the workbook: A3 has left, A1's injury was deleted
    new = season(weeks=3, athletes=2)
    assert season_loses(old, new) == ("a stored plan, 2 pins, rule settings and 1 recorded stage "
                                      "change not in the workbook")
    kept = keep_over(old, new)
    assert kept.kept == ["rule settings"]
    assert kept.dropped[0] == (f"the records of Athlete 1 (A1)'s injury of {day(-3).isoformat()} "
                               f"(the workbook has no such injury)")
    assert kept.dropped[1] == "1 pin for athletes or days no longer in the season"
    assert kept.dropped[2].startswith("1 pin (pins[0]: Athlete 1 (A1) has no injury")
    assert kept.dropped[3].startswith("the stored plan (made for another squad")
    assert kept.season.rules == old.rules and kept.season.pins == () and kept.season.plan is None
    assert season_problems(kept.season) == []
    assert kept.words().startswith("Kept from the season: rule settings. Not kept: the records of")


def test_the_same_squad_keeps_the_plan_and_the_pins():
    old = _old()
    new = season(weeks=3, athletes=3, injuries=old.injuries)
    kept = keep_over(old, new)
    assert kept.kept == ["rule settings", "2 pins", "the stored plan"] and kept.dropped == []
    assert kept.season.plan == old.plan and kept.season.pins == old.pins
    assert season_loses(old, kept.season) == ""
