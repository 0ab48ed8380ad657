"""Players pasted from a spreadsheet into the Squad list: one a line, Name, Position and Max
speed, tab- or comma-separated (a header line ``Name, Position, …`` is passed over). Every line
is read first, as the Squad form and the coach workbook's Athletes sheet read them (the max
speed as the workbook does: m/s, or km/h); one line that cannot be used adds nothing, and each
such line is named by its number with the fix. The IDs are the next free ones in the squad's
own pattern (:func:`planner.squad.next_ids`)."""

from __future__ import annotations

import csv
import re
from typing import NamedTuple

from pydantic import ValidationError

from planner.season import Athlete, Season
from planner.squad import next_ids, read_position, unknown_position_note
from planner.text import join_and, validation_problems

COLUMNS = ("Name", "Position", "Max speed")
_HEADER = {"name", "athlete", "player", "athlete name"}
NOTES_NAMED = 3  # the position notes said, then "… and N more"


class Pasted(NamedTuple):
    """What a paste gives: the ``athletes`` to add (none when there are ``problems``: "line 3:
    …" with the fix), and ``notes`` on what is added as typed (a position of its own, no max
    speed)."""
    athletes: list[Athlete]
    problems: list[str]
    notes: list[str]


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each line with something in it; the separator is the tab when
    the text has one (a spreadsheet's copy), else the comma ("9,6" in quotes stays a number)."""
    lines = text.splitlines()
    sep = "\t" if "\t" in text else ","
    rows = [(i, [c.strip() for c in cells]) for i, cells in
            enumerate(csv.reader(lines, delimiter=sep, skipinitialspace=True), start=1)]
    rows = [(i, _decimal_comma(cells) if sep == "," else cells) for i, cells in rows if any(cells)]
    if rows and rows[0][1][0].casefold() in _HEADER:  # the sheet's header copied with it
        rows = rows[1:]
    return rows


def _decimal_comma(cells: list[str]) -> list[str]:
    """``Ann, Forward, 9,6``: a max speed with a decimal comma, not a fourth column."""
    if len(cells) == len(COLUMNS) + 1 and all(re.fullmatch(r"\d+", c) for c in cells[2:]):
        return [*cells[:2], f"{cells[2]},{cells[3]}"]
    return cells


def _speed(text: str) -> float | None:
    """The max speed of a cell as the coach workbook reads it; ValueError with the fix."""
    from planner.coachform.cells import Bad, parse_max_speed

    if not text:
        return None
    try:
        return parse_max_speed(text)[0]
    except Bad as e:
        raise ValueError(f"Max speed: {e}") from None


def name_taken(same) -> str:
    """Why a name already in the squad (``same``'s) is refused, and what to type instead:
    two players of one name could not be told apart in a session log or the coach workbook,
    which name their players (a youth squad has namesakes)."""
    return (f"{same.name} ({same.id}) is in the squad already, and two players of one name "
            f"cannot be told apart in a session log or the coach workbook: add what tells them "
            f"apart, such as a birth year or an initial ('{same.name} 2008')")


def read_pasted(text: str, season: Season, role: str = "start") -> Pasted:
    """The athletes of a pasted ``text`` for ``season`` (each with ``role``), or the problems of
    its lines; see the module's words."""
    names = {a.name.casefold(): a for a in season.athletes}
    seen: dict[str, int] = {}
    good: list[tuple[int, str, str, float | None]] = []
    problems: list[str] = []
    for line, cells in _rows(text):
        name = " ".join(cells[0].split())
        try:
            if len(cells) > len(COLUMNS) and any(cells[len(COLUMNS):]):
                raise ValueError(f"{len(cells)} columns; paste {', '.join(COLUMNS)} (the IDs "
                                 f"are given)")
            if not name:
                raise ValueError("no name; put the athlete's name first")
            if name.casefold() in names:
                same = names[name.casefold()]
                raise ValueError(f"{name_taken(same)}, or leave the line out")
            if name.casefold() in seen:
                raise ValueError(f"{name} is on line {seen[name.casefold()]} too; leave one out")
            seen[name.casefold()] = line
            position = " ".join(cells[1].split()) if len(cells) > 1 else ""
            good.append((line, name, position, _speed(cells[2] if len(cells) > 2 else "")))
        except ValueError as e:
            problems.append(f"line {line}: {e}")
    if not good and not problems:
        problems.append(f"nothing to add; copy rows of {', '.join(COLUMNS)} from a spreadsheet")
    ids = next_ids([a.id for a in season.athletes], len(good))
    athletes: list[Athlete] = []
    for aid, (line, name, position, speed) in zip(ids, good, strict=True):
        try:
            athletes.append(Athlete(id=aid, name=name, position=read_position(position),
                                    max_speed=speed,
                                    role=role))
        except ValidationError as e:  # as the season file says it, by the column's name
            problems += [f"line {line}: {_column_words(p)}" for p in validation_problems(e.errors())]
    if problems:
        return Pasted([], problems, [])
    return Pasted(athletes, problems, [*_notes(season, good), *_no_speed(athletes)])


def _column_words(problem: str) -> str:
    """A season-file problem (``name: holds a control character …``) led by the pasted column's
    name (``Name: …``): pydantic's own "1 validation error for Athlete / name /" reached the
    coach."""
    field, sep, why = problem.partition(": ")
    named = {"name": "Name", "position": "Position", "max_speed": "Max speed"}.get(field)
    return f"{named}: {why}" if sep and named else problem


def _no_speed(athletes: list[Athlete]) -> list[str]:
    """The players pasted without a max speed, said: they went in silently, and only Plan Check
    told after a solve that their speed days had no speed to aim at. The fact only: the place
    the paste was made in says how to record it there."""
    from planner.sessions import NO_MAX_SPEED

    none = [f"{a.name} ({a.id})" for a in athletes if a.max_speed is None]
    if not none:
        return []
    who = join_and(none if len(none) <= NOTES_NAMED
                   else [*none[:NOTES_NAMED], f"{len(none) - NOTES_NAMED} more"])
    return [f"{len(none)} without a max speed: {who} (until one is recorded "
            f"their speed days say '{NO_MAX_SPEED}')"]


def _notes(season: Season, good) -> list[str]:
    """A position of its own or seemingly misspelt, said once for its first line (the squad's
    and the other lines' positions are the ones offered: :func:`planner.squad.near_position`)."""
    squad = [a.position for a in season.athletes]
    notes, said = [], set()
    for line, _name, position, _speed in good:
        others = squad + [p for at, _n, p, _s in good if at != line]
        note = unknown_position_note(position, others)
        if note and position.casefold() not in said:
            said.add(position.casefold())
            notes.append(f"line {line}: {note}")
    more = len(notes) - NOTES_NAMED
    return notes[:NOTES_NAMED] + ([f"… and {more} more"] if more > 0 else [])
