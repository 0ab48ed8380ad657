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
    assert problems == [f"stages[0] (P1).criteria[0].better: {word!r} is not 'higher' or 'lower'"]


def test_a_criterion_without_better_is_refused_not_read_as_higher():
    problems = _problems(lambda d: _pain_gate(d).pop("better"))
    assert problems == ['stages[0] (P1).criteria[0].better: missing; add "higher" or "lower" '
                        '(which way a result passes)']


def test_a_capitalised_better_is_read_and_a_pain_of_6_fails_a_gate_of_at_most_1():
    data = copy.deepcopy(HAMSTRING)
    _pain_gate(data)["better"] = "Lower"
    gate = parse_protocol(data, "x.json").stages[0].criteria[0]
    assert gate.better == "lower" and gate.bar == "≤ 1/10"
    assert not gate.passes(6) and gate.passes(0)


@pytest.mark.parametrize("where, key, meant", [
    (lambda d: d["stages"][1], "kickng", "stages[1] (P2).kickng: not a known field; did you mean 'kicking'?"),
    (lambda d: d, "pain_flar", "protocol.pain_flar: not a known field; did you mean 'pain_flare'?"),
    (lambda d: d["stages"][1]["exit"], "dayz", "stages[1] (P2).exit.dayz: not a known field; did you mean 'days'?"),
    (lambda d: d["stages"][0]["criteria"][0], "uint", "stages[0] (P1).criteria[0].uint: not a known field; "
                                                      "did you mean 'unit'?"),
    (lambda d: d["stages"][2], "colour", "stages[2] (P3).colour: not a known field; remove it or check its spelling"),
])
def test_an_unknown_field_is_refused_with_the_known_one_it_seems_to_mean(where, key, meant):
    assert _problems(lambda d: where(d).update({key: "x"})) == [meant]


@pytest.mark.parametrize("days, said", [("two", "'two' is not a whole number"), (2.7, "2.7 is not a whole number")])
def test_exit_days_that_are_not_a_whole_number_are_a_located_problem(days, said):
    assert _problems(lambda d: d["stages"][1]["exit"].update(days=days)) == [f"stages[1] (P2).exit.days: {said}"]


def test_a_missing_min_days_is_one_problem_not_three():
    assert _problems(lambda d: d["stages"][1].pop("min_days")) == ["stages[1] (P2).min_days: missing; add it"]


def test_criteria_written_as_an_object_are_one_problem():
    def edit(d):
        d["stages"][0]["criteria"] = d["stages"][0]["criteria"][0]
    problems = _problems(edit)
    assert len(problems) == 1 and problems[0].startswith("stages[0] (P1).criteria: an object, not a list")


def test_caps_that_fall_from_one_stage_to_the_next_are_refused_in_the_file():
    assert [s["cap"] for s in HAMSTRING["stages"][1:3]] == [70, 90]
    assert _problems(lambda d: d["stages"][2].update(cap=60)) == [
        "stages[2] (P3).cap: 60 is below P2's 70; caps rise stage by stage"]


def test_an_unknown_citation_key_is_refused_naming_the_file_of_the_known_ones():
    problems = _problems(lambda d: d["citations"].append("Green20"))
    assert problems == [f"protocol.citations[{len(HAMSTRING['citations'])}]: 'Green20' is not a key of "
                        f"planner/citations.py; add the reference there or use a key it lists"]


def trailing_comma(folder, pid: str) -> str:
    """``pid``'s file in ``folder`` with a comma after its last stage (a hand edit that removed
    a stage, or added one out of habit); the problem the reader says."""
    from planner import protocols

    f = folder / f"{pid}.json"
    text = f.read_text("utf-8")
    last = text.rindex("}", 0, text.rindex("]"))  # the last stage's closing brace
    f.write_text(text[:last + 1] + "," + text[last + 1:], "utf-8")
    protocols.load_protocol.cache_clear()
    with pytest.raises(InputError) as e:
        protocols.load_protocol(pid)
    return str(e.value)


def test_a_comma_after_the_last_stage_is_said_with_its_line_column_and_fix(protocol_folder):
    said = trailing_comma(protocol_folder, "hamstring-strain")
    text = (protocol_folder / "hamstring-strain.json").read_text("utf-8")
    comma = text.rindex(",", 0, text.rindex("]"))
    line = text.count("\n", 0, comma) + 1
    assert said.startswith(f"{protocol_folder / 'hamstring-strain.json'}: line {line + 1}, column ")
    assert said.endswith("not valid JSON (a value is missing); a comma after the last item? "
                         "delete it")


def test_a_missing_comma_is_not_taken_for_one_after_the_last_item(protocol_folder):
    from planner import protocols

    f = protocol_folder / "ankle-sprain.json"
    text = f.read_text("utf-8")
    f.write_text(text.replace('",\n', '"\n', 1), "utf-8")
    protocols.load_protocol.cache_clear()
    with pytest.raises(InputError) as e:
        protocols.load_protocol("ankle-sprain")
    line = text[:text.index('",\n')].count("\n") + 1  # where the comma was taken out
    assert f"line {line}, column " in str(e.value)
    assert f"not valid JSON (a comma is missing at the end of line {line})" in str(e.value)
    assert "last item" not in str(e.value)


def test_a_protocol_saved_with_a_bom_reads_as_without(protocol_folder):
    from planner import protocols

    plain = load_protocol("ankle-sprain")
    f = protocol_folder / "ankle-sprain.json"
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())  # Notepad's "UTF-8"
    protocols.load_protocol.cache_clear()
    assert protocols.load_protocol("ankle-sprain") == plain


def test_a_field_written_twice_in_a_protocol_is_refused_at_its_path(protocol_folder):
    from planner import protocols

    f = protocol_folder / "ankle-sprain.json"
    text = f.read_text("utf-8")
    cap = text.index('"cap"')
    f.write_text(text[:cap] + '"cap": 99, ' + text[cap:], "utf-8")  # the first stage's cap twice
    protocols.load_protocol.cache_clear()
    with pytest.raises(InputError) as e:
        protocols.load_protocol("ankle-sprain")
    assert e.value.source == str(protocol_folder / "ankle-sprain.json")
    assert len(e.value.problems) == 1
    assert e.value.problems[0].startswith("stages[0].cap: written twice in one object (99, then ")
