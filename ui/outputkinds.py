"""What an existing file is, and how an export replaces it: the one guard of the command line
(``ui.cli.outputs``) and the app (``ui.desktop.fileio``, ``ui.desktop.handouts``). No Qt.

An export replaces unasked only a file Periodize wrote as the same kind of output
(:func:`written_kind`); any other file (a coach workbook, the coach's own calendar or PDF) is
replaced only when the coach says so, and is kept as ``NAME.bak``, which a later export never
writes over (:func:`keep_backup_for`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

SEASON_SUFFIXES = (".season.json", ".season.json.bak")

# the output kinds whose earlier file an export may replace unasked: a file Periodize wrote as
# the same kind of output (last week's workbook). Never a coach workbook ("template"): the
# coach fills that in, and its rows are the season's data.
REPLACEABLE = frozenset({"json", "xlsx", "pdf", "csv", "review", "compare", "violations"})
KIND_WORDS = {"json": "a plan JSON Periodize wrote", "xlsx": "a plan workbook Periodize exported",
              "pdf": "a PDF Periodize wrote", "csv": "a load table Periodize wrote",
              "review": "a season review Periodize wrote (CSV)",
              "compare": "a what-if comparison workbook Periodize wrote",
              "violations": "a list of rule violations Periodize wrote (check --json)",
              "template": "a coach workbook (the form a season is imported from: perhaps filled in)"}
NOT_OURS = "was not written by Periodize (a workbook, session log or export of your own?)"
# what a file of the coach's under an output's name may be, by the output's kind
_OWN = {"pdf": "a document of your own?", "handouts": "a document of your own?",
        "ics": "a calendar of your own?"}


def not_ours(kind: str) -> str:
    """``NOT_OURS`` in the words of output ``kind`` (a PDF is no session log)."""
    own = _OWN.get(kind)
    return NOT_OURS if own is None else f"was not written by Periodize ({own})"


def earlier_bak(kind: str, p: Path) -> Path | None:
    """Where :func:`keep_backup_for` will move the ``NAME.bak`` that holds the coach's own file
    before the file at ``p`` takes its name (None: nothing is moved), for the question asked
    before it happens."""
    bak = p.with_name(p.name + ".bak")
    if not (exists(bak) and bak.is_file() and written_kind(bak) not in REPLACEABLE):
        return None
    if written_kind(p) == kind and kind in REPLACEABLE:
        return None
    return next(p.with_name(f"{p.name}.{n}.bak") for n in range(1, 10_000)
                if not exists(p.with_name(f"{p.name}.{n}.bak")))


def exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError:  # e.g. a name too long for the system
        return False


def holds_season(p: Path) -> bool:
    """Whether ``p`` names a season file: by its name, or by what an existing file holds."""
    if p.name.lower().endswith(SEASON_SUFFIXES):
        return True
    try:
        if not p.is_file():
            return False
        with open(p, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"periodize-season"' in head


def written_kind(p: Path) -> str | None:
    """Which Periodize output the existing file ``p`` is (``json``, ``xlsx``, ``pdf``,
    ``template``, ``csv`` (the load table), ``review`` (the season review's CSV), ``compare`` or
    ``violations``), or None: a file Periodize did not write (the coach's own workbook, a GPS
    export, a session log) or cannot be read."""
    import zipfile

    try:
        if not p.is_file():
            return None
        with open(p, "rb") as f:
            head = f.read(8192)
        if head.startswith(b"PK"):
            with zipfile.ZipFile(p) as z:
                core = z.read("docProps/core.xml") if "docProps/core.xml" in z.namelist() else b""
                if b">Periodize</dc:creator>" not in core:
                    return None
                if b"Periodize coach workbook" in core:
                    return "template"
                book = z.read("xl/workbook.xml")
            return "compare" if b'name="Edits"' in book and b'name="Changes"' in book else "xlsx"
        if head.startswith(b"%PDF"):
            data = p.read_bytes() if p.stat().st_size < 50_000_000 else head
            return "pdf" if b"Periodize" in data or "Periodize".encode("utf-16-be") in data else None
        text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
        if text.startswith("{") and '"periodize-plan"' in text:
            return "json"
        if _violations(text):
            return "violations"
        from planner.load import CSV_COLUMNS
        from planner.review import CSV_COLUMNS as REVIEW_COLUMNS

        header = text.splitlines()[:1]  # one kind each: neither replaces the other unasked
        return {",".join(CSV_COLUMNS): "csv", ",".join(REVIEW_COLUMNS): "review"}.get(
            header[0] if header else "")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None


def _violations(text: str) -> bool:
    """Whether ``text`` (a file's head) is what ``check --json`` writes: a list of objects whose
    first key is ``"rule"`` (``planner.planjson.violation_dict``), ``"severity"`` among them; or
    ``[]``, the plan breaking nothing. A file of the coach's holding only ``[]`` reads as one
    too: it holds nothing to lose, as an empty file (:func:`foreign`)."""
    if re.fullmatch(r"\[\s*\]\s*", text):
        return True
    return (re.match(r'\[\s*\{\s*"rule"\s*:', text) is not None and '"message"' in text
            and '"severity"' in text)


def foreign(kind: str, p: Path) -> str | None:
    """What the existing file ``p`` is ("is a coach workbook (…)", "was not written by
    Periodize (…)") when writing output ``kind`` there replaces a file that is not an earlier
    output of that kind; None when nothing is there or it may be replaced unasked."""
    if not exists(p) or not p.is_file():
        return None
    try:
        if p.stat().st_size == 0:  # an empty file (mkstemp's, a touch) holds nothing to lose
            return None
    except OSError:
        pass
    found = written_kind(p)
    if found == kind and kind in REPLACEABLE:
        return None
    return f"is {KIND_WORDS[found]}" if found in KIND_WORDS else not_ours(kind)


def ours_in_folder(kind: str, p: Path) -> bool:
    """Is the existing file ``p`` in a calendar (``ics``) or handouts folder one Periodize
    wrote there?"""
    if kind == "handouts":
        return written_kind(p) == "pdf"
    try:
        with open(p, "rb") as f:
            return b"PRODID:-//Periodize//" in f.read(4096)
    except OSError:
        return False


def folder_names(season, kind: str, anonymise: bool, folder: Path) -> list[str]:
    """The files the calendar (``ics``: the athletes' and ``Team.ics``, ``Team (2).ics`` beside
    a coach's own ``Team.ics``) or handouts export writes into ``folder``."""
    if kind == "ics":
        from planner.ical import folder_file_names

        return folder_file_names(season, anonymise, folder)
    from planner.filegroup import athlete_file_names

    return list(athlete_file_names(season, anonymise, ".pdf").values())


def strangers_in_folder(season, folder: Path, kind: str, anonymise: bool) -> list[Path]:
    """The files in the calendar or handouts ``folder`` under a name the export writes (one per
    athlete, and the team's calendar) that Periodize did not write there."""
    if not exists(folder):
        return []
    out = []
    for name in folder_names(season, kind, anonymise, folder):
        p = folder / name
        if exists(p) and p.is_file() and not ours_in_folder(kind, p):
            out.append(p)
    return out


def open_in_folder(season, folder: Path, kind: str, anonymise: bool) -> list[str]:
    """The files the calendar or handouts export writes in ``folder`` that an office program
    has open (``planner.lockfiles.open_elsewhere``: a handout PDF open in LibreOffice Draw, a
    calendar opened as text in Writer, which would write over the new file when it saves), a
    line each: "PATH: is open in LibreOffice (user Coach), …"."""
    from planner.lockfiles import open_elsewhere

    if not exists(folder):
        return []
    return [f"{folder / name}: {why}" for name in folder_names(season, kind, anonymise, folder)
            if (why := open_elsewhere(folder / name))]


def keep_backup_for(kind: str, p: Path, say: Callable[[str], None] = print) -> bool:
    """Whether the existing file ``p`` (about to be replaced by output ``kind``) is kept as
    ``NAME.bak``: True asks the write for it (``backup=True``, a group's ``keep``). A ``NAME.bak`` that holds a file Periodize did not write as such an
    output (the coach's file an earlier export took the place of) is never written over: an
    earlier output at ``p`` is then not kept (the season file writes it again), and any other
    file moves that ``.bak`` to ``NAME.1.bak`` first. What is done beside that is ``say``-ed."""
    from planner.errors import SaveError
    from planner.safefile import can_keep

    bak = p.with_name(p.name + ".bak")
    kept = exists(bak) and bak.is_file() and written_kind(bak) not in REPLACEABLE
    if kept and written_kind(p) == kind and kind in REPLACEABLE:
        say(f"{bak.name} (the file that was at {p.name} before Periodize wrote there) is left "
            f"as it is.")
        return False
    if kept:  # a file of the coach's in the .bak, and one at the name: both are kept
        older = earlier_bak(kind, p)
        try:
            os.replace(bak, older)
        except OSError as e:
            raise SaveError(f"{bak}: could not keep it as {older.name} before writing "
                            f"{p.name} ({e.strerror or e.__class__.__name__}); nothing was "
                            f"written") from None
        say(f"The earlier {bak.name} is kept as {older.name}.")
    return can_keep(p)
