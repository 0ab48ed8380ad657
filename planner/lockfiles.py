"""Whether a file is open in an office program (LibreOffice, Excel): the lock file each writes
beside the file it has open. An export over such a file would be overwritten again when the
program saves, so the CLI and the app say so before writing (``open_elsewhere``)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from planner.errors import InputError

_READ = 4096  # a lock file is a line or two; never more read


def _lock_files(p: Path) -> list[tuple[Path, str]]:
    """The lock files a program may keep beside ``p``, with the program's name: LibreOffice's
    ``.~lock.NAME#``; Excel's owner file ``~$NAME``, or ``~$`` over the name's first two
    characters (a longer name)."""
    out = [(p.with_name(f".~lock.{p.name}#"), "LibreOffice"), (p.with_name(f"~${p.name}"), "Excel")]
    if len(p.stem) > 2:
        out.append((p.with_name(f"~${p.name[2:]}"), "Excel"))
    return out


def _lo_fields(text: str) -> list[str]:
    """A LibreOffice lock line's fields: split at the commas it does not escape (a name with a
    comma is written ``Smith\\, Jo``), each unescaped."""
    fields, cur, esc = [], [], False
    for ch in text:
        if esc:
            cur.append(ch)
            esc = False
        elif ch == "\\":
            esc = True
        elif ch in ",;":
            fields.append("".join(cur))
            cur = []
            if ch == ";":
                break
        else:
            cur.append(ch)
    else:
        fields.append("".join(cur))
    return fields


def _user(raw: bytes, program: str) -> str:
    """Who has the file open, as the lock file says ("" when it does not)."""
    if program == "LibreOffice":
        # LibreOffice's fields (svl's lockfilecommon): the name set in its options, the login,
        # the host, the time, the profile's URL: the name when set, else the login
        fields = _lo_fields(raw.decode("utf-8", errors="replace"))
        names = [fields[i].strip() for i in (0, 1) if len(fields) > i]
        return next((n for n in names if n), "")
    n = raw[0] if raw else 0  # Excel: the user name's length, then the name
    return raw[1:1 + n].decode("cp1252", errors="replace").strip() if 0 < n < len(raw) else ""


def _held(path: str | os.PathLike) -> tuple[Path, str, str] | None:
    """The lock file beside ``path``, the program that keeps it and its user ("" when it does
    not say); None when no lock file is there."""
    p = Path(path)
    for lock, program in _lock_files(p):
        if lock.name == p.name:  # '~$good.xlsx' chosen itself: its own name is no lock of it
            continue
        try:
            if not lock.is_file():
                continue
            with lock.open("rb") as f:
                raw = f.read(_READ)
        except OSError:
            continue
        return lock, program, _user(raw, program)
    return None


def open_elsewhere(path: str | os.PathLike) -> str | None:
    """Why ``path`` should not be written now, after its name ("is open in LibreOffice (user
    Coach), …"): it is open in LibreOffice or Excel (its lock file is beside it), said with the
    user and the way on; None when no lock file is there."""
    if (held := _held(path)) is None:
        return None
    lock, program, user = held
    who = f" (user {user})" if user else ""
    return (f"is open in {program}{who}, which would write over the export when it "
            f"saves: close it there first, or export under another name (if it is not open, "
            f"delete {lock.name} beside it, left by a program that ended without closing it)")


def unsaved_note(path: str | os.PathLike) -> str | None:
    """A note for a file read while LibreOffice or Excel has it open (its lock file beside it):
    the read is safe, but what the coach typed there and did not save is not in it. None when
    no lock file is there."""
    if (held := _held(path)) is None:
        return None
    _lock, program, user = held
    who = f" (user {user})" if user else ""
    return (f"{Path(path).name} is open in {program}{who}: what is not saved there is not read; "
            f"save it in {program} first if you changed it")


def said_when_refused(read):
    """``read(path, …)`` whose refusal (an :class:`InputError`, a log's ``LogError`` as well)
    says first that the file is open in LibreOffice or Excel (:func:`unsaved_note`): a coach
    who fixed the rows there and did not save got the same refusal again, with no hint why."""

    @functools.wraps(read)
    def reading(path, *args, **kwargs):
        try:
            return read(path, *args, **kwargs)
        except InputError as e:
            if (held := unsaved_note(path)) is not None and held not in e.problems:
                # the problems and the message again, the error's own fields kept (bad_rows())
                InputError.__init__(e, e.source, [held, *e.problems], e.more, e.note)
            raise

    return reading
