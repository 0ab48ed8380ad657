"""Errors a coach can read: each names the place of the problem and the fix."""

from __future__ import annotations

from collections.abc import Collection


class PeriodizeError(Exception):
    """Base class of every error Periodize shows to a user (never with a traceback)."""


class InputError(PeriodizeError):
    """Bad input: a file, sheet, row or field that cannot be used as it is.

    ``problems`` holds every located problem found (not only the first), each a
    plain sentence that starts with its place, e.g.
    ``"athletes[3].id: 'A07' is used twice; give each athlete a unique id"``.
    """

    def __init__(self, source: str, problems: list[str], more: int = 0, note: str = ""):
        self.source = source
        self.problems = list(problems)
        self.more = more  # problems found but not listed (a long list is cut)
        self.note = note  # said after the problems, not one of them (e.g. "nothing was saved")
        head = f"{source}: " if source else ""
        if len(self.problems) == 1 and not more:
            text = head + self.problems[0]
        else:
            total = len(self.problems) + more
            text = head + f"{total:,} problems" + (f" (the first {len(self.problems)}):" if more
                                                    else ":") + "\n" + "\n".join(
                f"  - {p}" for p in self.problems
            ) + (f"\n  ... and {more:,} more" if more else "")
        if note:  # a paragraph of its own: never run on from the last problem
            text += f"\n\n{note}"
        super().__init__(text)


class NewerFileError(InputError):
    """A file written by a newer Periodize: its ``schema_version`` (``version``) is newer than
    this Periodize reads. Nothing is wrong with the file; an updated Periodize opens it."""

    def __init__(self, source: str, problems: list[str], version: int):
        super().__init__(source, problems)
        self.version = version


class SaveError(PeriodizeError):
    """A file could not be written; the previous file is untouched."""


class ChangedOnDiskError(SaveError):
    """A save over a file that another program saved after it was read (``planner.safefile``'s
    ``expected``): nothing was written, so the other save is not lost. ``when``: the other
    save's time as a coach reads it ("15:28")."""

    def __init__(self, path: str, when: str, since: str = "since it was read",
                 fix: str = "open it again to see the other change"):
        self.path, self.when = path, when
        super().__init__(f"{path}: changed on disk {since} (another program saved it at {when}): "
                         f"nothing was written; {fix}")

    def said(self, since: str, fix: str) -> ChangedOnDiskError:
        """The same refusal in a caller's words (``since this command read it``, its fix)."""
        return ChangedOnDiskError(self.path, self.when, since, fix)


NOT_ENOUGH_MEMORY = ("not enough memory for this; close other programs, or make the season smaller "
                     "(fewer athletes or a shorter season)")


def unexpected_words(e: BaseException) -> str:
    """An error nobody expected (a fault in Periodize) in a coach's words: its kind, its message
    and whose fault it is, e.g. "unexpected error (KeyError): 'A3'; this is a fault in Periodize,
    not in your files". Never the bare message: a ``KeyError('A3')`` alone reads "'A3'"."""
    text = " ".join(str(e).split())
    if len(text) > 300:
        text = text[:300] + "…"
    said = f": {text}" if text else ""
    return (f"unexpected error ({type(e).__name__}){said}; this is a fault in Periodize, not in "
            f"your files")


def error_words(e: BaseException) -> str:
    """Any error as one sentence for a coach: Periodize's own words for an error it expects,
    the memory sentence, or :func:`unexpected_words` for a fault."""
    if isinstance(e, PeriodizeError):
        return str(e) or unexpected_words(e)  # an empty message said nothing at all
    if isinstance(e, MemoryError):
        return NOT_ENOUGH_MEMORY
    return unexpected_words(e)


def not_a_known_field(key: str, known: Collection[str] = ()) -> str:
    """What a field a file may not hold is, with the fix: the ``known`` one it seems a misspelling
    of ("kickng": did you mean 'kicking'?), else remove it or check its spelling."""
    import difflib

    near = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
    fix = f"did you mean {near[0]!r}?" if near else "remove it or check its spelling"
    return f"not a known field; {fix}"


def quoted(value: object, keep: int = 60) -> str:
    """``repr(value)``, cut to about ``keep`` characters: a message never echoes a huge input; a
    true, false or null as the season file writes it."""
    text = (("true" if value else "false") if isinstance(value, bool) else
            "null" if value is None else repr(value))
    if len(text) <= keep:
        return text
    return f"{text[:keep]}… ({len(str(value)):,} characters)"


def error_path(loc: tuple, tags: Collection[str] = ()) -> str:
    """``athletes[3].max_speed`` from a pydantic location tuple. A part in ``tags`` that follows
    an index names the kind of a union item (a pin's ``intensity``, ``week``...): it adds nothing
    for a reader and is left out."""
    out = ""
    after_index = False
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not (after_index and part in tags):
            part = str(part)
            out += ("." if out else "") + (part if len(part) <= 60 else quoted(part))
        after_index = isinstance(part, int)
    return out
