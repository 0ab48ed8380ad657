"""A protocol file is read strictly: every field it may hold is known, every problem located by
the stage's index and id, and nothing a physio wrote is guessed at (docs/architecture.md "Where
a new protocol goes")."""

from __future__ import annotations

import copy
import json

import pytest

from planner.errors import InputError
from planner.protocols import available_protocols, load_protocol, parse_protocol
from templates import path as template_path

HAMSTRING = json.loads(template_path("protocols/hamstring-strain.json").read_text("utf-8"))


def _problems(edit) -> list[str]:
    data = copy.deepcopy(HAMSTRING)
    edit(data)
    with pytest.raises(InputError) as got:
        parse_protocol(data, "templates/protocols/x.json")
    assert got.value.source == "templates/protocols/x.json"
    return got.value.problems


def _pain_gate(data) -> dict:
    crit = data["stages"][0]["criteria"][0]
    assert crit["name"] == "Pain on single-leg squat" and crit["better"] == "lower"
    return crit


def test_every_bundled_protocol_says_which_way_each_criterion_passes():
    for pid in available_protocols():
        for stage in load_protocol(pid).stages:
            assert all(c.better in ("higher", "lower") for c in stage.criteria), (pid, stage.id)


@pytest.mark.parametrize("word", ["less", "LOWR", 1])
def test_a_criterion_better_that_is_not_higher_or_lower_is_refused(word):
    problems = _problems(lambda d: _pain_gate(d).update(better=word))
    assert problems == [f"stages[0].criteria[0].better: {word!r} is not 'higher' or 'lower'"]


def test_a_criterion_without_better_is_refused_not_read_as_higher():
    problems = _problems(lambda d: _pain_gate(d).pop("better"))
    assert problems == ['stages[0].criteria[0].better: missing; add "higher" or "lower" '
                        '(which way a result passes)']


def test_a_capitalised_better_is_read_and_a_pain_of_6_fails_a_gate_of_at_most_1():
    data = copy.deepcopy(HAMSTRING)
    _pain_gate(data)["better"] = "Lower"
    gate = parse_protocol(data, "x.json").stages[0].criteria[0]
    assert gate.better == "lower" and gate.bar == "≤ 1/10"
    assert not gate.passes(6) and gate.passes(0)
