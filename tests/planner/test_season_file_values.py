"""A season file holds what the coach workbook takes: a test result in its unit's range, a
finite number wherever a number goes, a date written as text; and a value of the wrong kind
is told the field's own fix (review 259, A5 and A6)."""

from __future__ import annotations

import json

import pytest

from planner.errors import InputError
from planner.seasonfile import season_from_dict, season_to_dict
from planner.validate import TEST_RANGES
from tests.builders import day, injury, season

NAN, INF = float("nan"), float("inf")


def _problems(data: dict) -> list[str]:
    # through JSON text as a file holds it (NaN and Infinity are what Python writes for them)
    data = json.loads(json.dumps(data))
    with pytest.raises(InputError) as e:
        season_from_dict(data, "s.season.json")
    return e.value.problems


def _with_test(value, date=None) -> dict:
    inj = injury(stage="P3", start_day=-3)
    data = season_to_dict(season(weeks=2, injuries=(inj,), today=day(1)))
    data["injuries"][0]["tests"] = [{"date": date or day(0).isoformat(),
                                     "name": "Hip-flexor strength LSI", "value": value, "unit": "%"}]
    return data


def test_a_test_result_in_range_opens():
    season_from_dict(json.loads(json.dumps(_with_test(92))), "s.season.json")


@pytest.mark.parametrize("value", [-1, 1e18, 250])
def test_a_test_result_outside_its_units_range_is_refused_as_the_workbook_refuses_it(value):
    lo, hi = TEST_RANGES["%"]
    assert not lo <= value <= hi
    assert _problems(_with_test(value)) == [
        f"injuries[0].tests[0].value: {value:g} % is outside {lo:g}-{hi:g} % (Hip-flexor strength "
        f"LSI is scored in %); correct the value"]


@pytest.mark.parametrize("value, said", [(NAN, "NaN"), (INF, "Infinity"), (-INF, "-Infinity")])
def test_a_test_result_that_is_no_finite_number_is_refused(value, said):
    assert _problems(_with_test(value)) == [
        f"injuries[0].tests[0].value: {said} is not a number; write a number"]


def test_a_test_dated_after_the_season_is_refused():
    data = _with_test(92, date="9999-12-31")
    assert _problems(data) == [
        f"injuries[0].tests[0].date: 9999-12-31 is after the season end "
        f"({data['calendar']['end']}); correct the date"]


@pytest.mark.parametrize("value, said", [(0, "0 is a number, not a date"),
                                         (-1, "-1 is a number, not a date"),
                                         (6.5, "6.5 is a number, not a date"),
                                         (NAN, "NaN is not a date")])
@pytest.mark.parametrize("field", ["onset", "unavailability", "calendar", "flare_ups"])
def test_a_number_in_a_date_field_is_refused_not_read_as_1970(field, value, said):
    """0 was read as 1 Jan 1970 (an onset, an athlete unavailable from 1970 on)."""
    data = _with_test(92)
    if field == "onset":
        data["injuries"][0]["onset"], where = value, "injuries[0].onset"
    elif field == "unavailability":
        data["unavailability"] = [{"athlete": "A1", "start": value, "end": day(3).isoformat()}]
        where = "unavailability[0].start"
    elif field == "calendar":
        data["calendar"]["today"], where = value, "calendar.today"
    else:
        data["injuries"][0]["flare_ups"], where = [value], "injuries[0].flare_ups[0]"
    assert _problems(data) == [
        f'{where}: {said}; write the date as text in quotes, e.g. "2026-09-14"']


def test_infinity_in_a_rule_value_is_no_number():
    data = season_to_dict(season(weeks=1))
    data["rules"] = {"values": {"LD-1": {"acwr_max": INF}}}
    assert _problems(data) == ["rules.values.LD-1.acwr_max: Infinity is not a number; write a number"]


@pytest.mark.parametrize("value, said", [(NAN, "NaN"), (INF, "Infinity")])
@pytest.mark.parametrize("path, fix", [
    (("name",), "is not a name; write it as text"),
    (("calendar",), "is not an object; write it as { ... }"),
    (("competitions",), "is not a list; write it as [ ... ]"),
    (("blocks",), "is not a list; write it as [ ... ]"),
    (("unavailability",), "is not a list; write it as [ ... ]"),
    (("calendar", "training_days"), "is not a list; write it as [ ... ]"),
    (("athletes", 0, "name"), "is not a name; write it as text"),
])
def test_nan_where_no_number_goes_gets_the_fields_own_fix(path, fix, value, said):
    """``"name": NaN`` read "name: NaN is not a number; write a number": the field needs text."""
    data = season_to_dict(season(weeks=1))
    at = data
    for k in path[:-1]:
        at = at[k]
    at[path[-1]] = value
    where = ".".join(str(k) for k in path).replace(".0.", "[0].")
    assert _problems(data) == [f"{where}: {said} {fix}"]


def test_a_rule_setting_written_after_a_dot_is_shown_nested():
    """``"LD-1.minutes_start": -5`` read "-5 is not an object; write it as { … }", as if the
    setting had to be an object (review 259, A11)."""
    data = season_to_dict(season(weeks=1))
    data["rules"] = {"values": {"LD-1.minutes_start": -5}}
    assert _problems(data) == [
        'rules.values.LD-1.minutes_start: a setting goes inside its rule, not after a dot; write '
        'it as {"LD-1": {"minutes_start": -5}} in "values"']
    data["rules"] = {"values": {"LD-1": 80}}
    assert _problems(data) == [
        "rules.values.LD-1: 80 is not a rule's settings; write them inside the rule by name, "
        'e.g. {"LD-1": {"minutes_start": 80}}']


def test_athletes_who_share_a_name_are_said_with_their_ids():
    """24 athletes named alike read without a word, though the board, handouts and exports
    cannot tell them apart, and a session log that names them is refused (review 259, A11)."""
    from planner.sessionlog import AthleteMatch

    data = season_to_dict(season(weeks=1, athletes=4))
    for k, name in ((0, "Sam Lee"), (2, "sam  LEE"), (3, "Sam Lee")):
        data["athletes"][k]["name"] = name
    notes: list[str] = []
    s = season_from_dict(json.loads(json.dumps(data)), "s.season.json", notes)
    ids = [s.athletes[k].id for k in (0, 2, 3)]
    assert [n for n in notes if "named" in n] == [
        f"athletes[2].name: 3 athletes are named 'Sam Lee' ({ids[0]}, {ids[1]} and {ids[2]}); "
        f"the board, handouts and exports cannot tell them apart, and a session log must name "
        f"them by ID: give each their own name (Season ▸ Squad)"]
    # names are no keys: a log naming them is refused, the IDs read
    match = AthleteMatch((a.id, a.name) for a in s.athletes)
    assert match.read("Sam Lee") == (None, "shared") and match.read(ids[1]) == (ids[1], "id")
    # distinct names: no note
    notes = []
    season_from_dict(season_to_dict(season(weeks=1, athletes=4)), "s.season.json", notes)
    assert not [n for n in notes if "named" in n]
