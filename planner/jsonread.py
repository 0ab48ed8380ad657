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
        self.twice: list[tuple[int, str, list]] = []  # (id of the object, key, its values in order)

    def __call__(self, items: list[tuple[str, object]]) -> dict:
        out = dict(items)
        if len(out) != len(items):
            values: dict[str, list] = {}
            for key, value in items:
                values.setdefault(key, []).append(value)
            self.twice += [(id(out), key, said) for key, said in values.items() if len(said) > 1]
        return out

    def problems(self, data: object) -> list[str]:
        return _repeated_keys(data, self.twice) if self.twice else []


def _repeated_keys(data: object, twice: list[tuple[int, str, list]]) -> list[str]:
    """Each field written more than once in one object of the file (JSON reads only the last),
    at its path, once with all its values: a hand edit that added a field without removing the
    old one."""
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

    def said(key: str, values: list) -> str:
        times, ones = ("twice", "the one") if len(values) == 2 else (f"{len(values)} times", "the ones")
        written = ", ".join(shown(v) for v in values[:-1])
        return (f"{key}: written {times} in one object ({written}, then {shown(values[-1])}); "
                f"delete {ones} that {'is' if len(values) == 2 else 'are'} wrong (only the last "
                f"would be read)")

    return [said(error_path(paths.get(obj, ()) + (key,)), values)
            for obj, key, values in sorted(twice, key=lambda t: order.get(t[0], 0))]


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


_CLOSER = {"{": "}", "[": "]"}


def _unclosed(doc: str) -> list[str]:
    """The brackets of ``doc`` left open at its end, outermost first (those inside texts are
    not brackets)."""
    return [doc[i] for i in _opened_at(doc)]


def _opened_at(doc: str) -> list[int]:
    """Where the brackets of ``doc`` left open at its end are, outermost first."""
    stack: list[int] = []
    in_text = escaped = False
    for i, ch in enumerate(doc):
        if in_text:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_text = False
        elif ch == '"':
            in_text = True
        elif ch in "[{":
            stack.append(i)
        elif ch in "]}" and stack:
            stack.pop()
    return stack


def _line_end_before(doc: str, pos: int) -> tuple[int, int] | None:
    """(line, column) just after the last character before ``pos`` on the lines above it, when
    ``pos`` is the first thing on its line (only blanks before it there); None otherwise."""
    start = doc.rfind("\n", 0, pos) + 1
    if doc[start:pos].strip():
        return None
    before = doc[:start].rstrip()
    if not before:
        return None
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def json_problem(e: json.JSONDecodeError, whole: str = "season") -> str:
    """Where the JSON reader stopped and why, in words: "line L, column C: not valid JSON (…)";
    a value or field name missing between a comma and the end of its list or object asks whether
    it is a comma after the last item (a hand edit that removed an item, or added a comma out of
    habit); ``[1,, 2]`` does not. A comma or colon expected first on a line is missing at the end
    of the line before (said there, where it goes), and one expected where the file ends is a
    closing bracket missing; one expected before a bracket that closes another kind (a ``}``
    where a list is open) is the list's ``]`` missing, said with the line the list opened at. A
    comment (``//``, ``#``, ``/*``) is said as one: JSON has none."""
    delimiter = e.msg.startswith("Expecting '") and "delimiter" in e.msg
    if delimiter and not e.doc[e.pos:].strip() and (open_ := _unclosed(e.doc)):
        closers = "".join(_CLOSER[c] for c in reversed(open_))
        at = _line_end_before(e.doc, len(e.doc)) or (e.lineno, e.colno)
        missing = ("a closing bracket is missing" if len(closers) == 1 else
                   f"closing brackets are missing ({' '.join(closers)})" if len(closers) <= 4 else
                   f"{len(closers)} closing brackets are missing")
        return (f"line {at[0]}, column {at[1]}: not valid JSON (the file ends before its last "
                f"{closers[-1]} closes: {missing})")
    if e.doc.startswith(("//", "#", "/*"), e.pos):
        return (f"line {e.lineno}, column {e.colno}: not valid JSON (comments are not allowed in "
                f"JSON; delete it)")
    closer = e.doc[e.pos:e.pos + 1]
    if delimiter and closer in ("]", "}") and (open_at := _opened_at(e.doc[:e.pos])) \
            and _CLOSER[e.doc[open_at[-1]]] != closer:
        opener = e.doc[open_at[-1]]
        line = e.doc.count("\n", 0, open_at[-1]) + 1
        return (f"line {e.lineno}, column {e.colno}: not valid JSON (a {_CLOSER[opener]} is "
                f"missing before this {closer}; the {opener} opened at line {line})")
    if delimiter and (at := _line_end_before(e.doc, e.pos)):
        return (f"line {at[0]}, column {at[1]}: not valid JSON ({json_words(e.msg, whole)} at "
                f"the end of line {at[0]})")
    said = f"line {e.lineno}, column {e.colno}: not valid JSON ({json_words(e.msg, whole)})"
    if e.msg.startswith(("Expecting value", "Expecting property name")) \
            and e.doc[:e.pos].rstrip().endswith(",") and e.doc[e.pos:].lstrip()[:1] in ("]", "}"):
        said += "; a comma after the last item? delete it"
    return said
