"""Reading a JSON file a person edited: a field written more than once, and a comma too many."""

from __future__ import annotations

import json

import pytest

from planner.jsonread import KeysOnce, json_problem


def _problems(text: str) -> list[str]:
    once = KeysOnce()
    return once.problems(json.loads(text, object_pairs_hook=once))


def test_a_field_written_three_times_is_one_line_with_its_three_values():
    """It was said "written twice" twice, the second "(1, then 3)" and the first "(1, then 2)",
    where 2 is not what JSON reads."""
    assert _problems('{"a": 1, "b": {"c": 5, "c": "x"}, "a": 2, "a": 3}') == [
        "a: written 3 times in one object (1, 2, then 3); delete the ones that are wrong (only "
        "the last would be read)",
        "b.c: written twice in one object (5, then 'x'); delete the one that is wrong (only the "
        "last would be read)"]


def _said(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as e:
        json.loads(text)
    return json_problem(e.value)


@pytest.mark.parametrize("text", ["[1, 2,\n]", '{"a": 1, }'])
def test_a_comma_before_the_end_of_a_list_or_object_asks_about_the_last_item(text):
    assert _said(text).endswith("; a comma after the last item? delete it")


@pytest.mark.parametrize("text", ["[1,, 2]", '{"a": 1,, "b": 2}'])
def test_two_commas_inside_a_list_are_not_after_its_last_item(text):
    said = _said(text)
    assert said.startswith("line 1, column ") and "missing" in said
    assert "last item" not in said
