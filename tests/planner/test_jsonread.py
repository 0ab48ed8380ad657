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


def _season_file_problem(tmp_path, text: str) -> str:
    from planner.errors import InputError
    from planner.seasonfile import load_season

    (tmp_path / "s.season.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_season(tmp_path / "s.season.json")
    (problem,) = e.value.problems
    return problem


def test_a_comma_missing_at_the_end_of_a_line_is_said_there(tmp_path):
    """A season file with the comma missing at the end of line 4 ("name": "…") read "line 5,
    column 2: … (a comma is missing)", where the parser stopped: the coach looked for it on line
    5. It is said at the end of line 4, where it goes."""
    from planner.seasonfile import dumps
    from tests.builders import season

    lines = dumps(season(weeks=2)).splitlines(keepends=True)
    k = next(i for i, line in enumerate(lines) if line.lstrip().startswith('"name"'))
    lines[k] = lines[k].replace('",\n', '"\n')
    end = len(lines[k].rstrip()) + 1
    said = _season_file_problem(tmp_path, "".join(lines))
    assert said.startswith(f"line {k + 1}, column {end}: not valid JSON (a comma is missing at "
                           f"the end of line {k + 1}); the file is damaged or cut short"), said
    # a comma missing inside a line is said where the parser stopped, as before
    assert _said('{"a": 1 "b": 2}') == "line 1, column 9: not valid JSON (a comma is missing)"
    # blank lines between: the last line with something on it
    assert _said('[1,\n  2\n\n   \n  3]') == ("line 2, column 4: not valid JSON (a comma is "
                                             "missing at the end of line 2)")


def test_a_file_that_ends_before_its_last_bracket_closes_says_so(tmp_path):
    """A season file of 1,048 lines without its final } read "line 1049, column 1: not valid
    JSON (a comma is missing)": no comma was missing, and there is no line 1049. It names the
    end of the file's last line and the bracket missing."""
    from planner.seasonfile import dumps
    from tests.builders import season

    text = dumps(season(weeks=2)).rstrip()
    assert text.endswith("}")
    cut = text[:-1].rstrip() + "\n"
    lines = cut.splitlines()
    said = _season_file_problem(tmp_path, cut)
    assert said.startswith(f"line {len(lines)}, column {len(lines[-1]) + 1}: not valid JSON (the "
                           f"file ends before its last }} closes: a closing bracket is missing)")
    # brackets inside texts are not counted; two left open are both named, innermost first
    assert _said('{"a": ["x]}", 1') == ("line 1, column 16: not valid JSON (the file ends before "
                                        "its last } closes: closing brackets are missing (] }))")


@pytest.mark.parametrize(("text", "said"), [
    ('{\n  "a": [1, 2\n}\n', "line 3, column 1: not valid JSON (a ] is missing before this }; the "
                             "[ opened at line 2)"),
    ('{\n  "x": 0,\n  "a": {"b": 1\n  ]\n}', "line 4, column 3: not valid JSON (a } is missing "
                                            "before this ]; the { opened at line 3)"),
    ('[\n  {"a": "}[",\n   "b": [1]\n]', "line 4, column 1: not valid JSON (a } is missing before "
                                        "this ]; the { opened at line 2)")])
def test_a_bracket_closing_the_wrong_kind_names_the_bracket_missing_and_where_it_opened(text, said):
    """'"a": [1, 2' then the object's } read "a comma is missing at the end of line 2": a comma
    there does not mend it. It is the list's ] that is missing, said before the } with the line
    the list opened at (brackets inside texts are not counted)."""
    assert _said(text) == said


@pytest.mark.parametrize("comment", ["// note", "# note", "/* note */"])
def test_a_comment_line_says_json_has_no_comments(comment):
    """A '// note' line read "a comma is missing at the end of line 2"."""
    assert _said('{\n  "a": 1\n  ' + comment + '\n  "b": 2\n}\n') == (
        "line 3, column 3: not valid JSON (comments are not allowed in JSON; delete it)")
    assert _said(comment + '\n{"a": 1}') == ("line 1, column 1: not valid JSON (comments are not "
                                              "allowed in JSON; delete it)")
