"""Reading a JSON file a person may have edited: each field written twice in one object found
(:class:`KeysOnce`), and the reader's complaints in words with where they are (:func:`json_problem`)."""

from __future__ import annotations

import json

from planner.errors import error_path, quoted


class KeysOnce:
    """A JSON reader's ``object_pairs_hook`` that notes each field written twice in one object
    (JSON itself keeps only the last): :meth:`problems` says them at their paths. Every JSON
    file Periodize reads (a season, a plan, a protocol) is read with one."""

    def __init__(self) -> None:
        self.twice: list[tuple[int, str, object, object]] = []  # (id of the object, key, first, last)

    def __call__(self, items: list[tuple[str, object]]) -> dict:
        out = dict(items)
        if len(out) != len(items):
            seen: dict[str, object] = {}
            for key, value in items:
                if key in seen:
                    self.twice.append((id(out), key, seen[key], value))
                seen.setdefault(key, value)
        return out

    def problems(self, data: object) -> list[str]:
        return _repeated_keys(data, self.twice) if self.twice else []


def _repeated_keys(data: object, twice: list[tuple[int, str, object, object]]) -> list[str]:
    """Each field written twice in one object of the file (JSON reads only the last), at its
    path: a hand edit that added a field without removing the old one."""
    paths: dict[int, tuple] = {}  # by id, in the file's order
    stack: list[tuple[object, tuple]] = [(data, ())]
    while stack:  # iterative: the paths of the objects, however deep
        obj, loc = stack.pop()
        if isinstance(obj, dict):
            paths[id(obj)] = loc
            stack += reversed([(v, loc + (k,)) for k, v in obj.items()])
        elif isinstance(obj, list):
            stack += reversed([(v, loc + (i,)) for i, v in enumerate(obj)])
    order = {obj: n for n, obj in enumerate(paths)}

    def shown(v: object) -> str:
        return "{…}" if isinstance(v, dict) else "[…]" if isinstance(v, list) else quoted(v, 40)

    return [f"{error_path(paths.get(obj, ()) + (key,))}: written twice in one object ({shown(first)}, "
            f"then {shown(last)}); delete the one that is wrong (only the last would be read)"
            for obj, key, first, last in sorted(twice, key=lambda t: order.get(t[0], 0))]


def json_words(msg: str, whole: str = "season") -> str:
    """The JSON reader's complaint in a reader's words (``whole``: what the file holds)."""
    for start, words in (("Unterminated string", "a text runs to the end without its closing quote"),
                         ("Expecting value", "a value is missing"),
                         ("Expecting property name", "a field name is missing"),
                         ("Expecting ',' delimiter", "a comma is missing"),
                         ("Illegal trailing comma", "a comma after the last item; delete it"),
                         ("Expecting ':' delimiter", "a colon is missing"),
                         ("Extra data", f"more follows the end of the {whole}"),
                         ("Invalid control character", "a line break or tab inside a text"),
                         ("Invalid \\escape", "a backslash that is no escape")):
        if msg.startswith(start):
            return words
    return msg.lower()


def json_problem(e: json.JSONDecodeError, whole: str = "season") -> str:
    """Where the JSON reader stopped and why, in words: "line L, column C: not valid JSON (…)";
    a value or field name missing right after a comma asks whether it is a comma after the last
    item (a hand edit that removed an item, or added a comma out of habit)."""
    said = f"line {e.lineno}, column {e.colno}: not valid JSON ({json_words(e.msg, whole)})"
    if e.msg.startswith(("Expecting value", "Expecting property name")) \
            and e.doc[:e.pos].rstrip().endswith(","):
        said += "; a comma after the last item? delete it"
    return said
