"""Crash safety: a recovery copy of a modified document, and the recovery prompt at start-up.

Each window's :class:`Autosaver` writes the document every ~10 s, only while it has unsaved
changes, to the user state directory (``platformdirs.user_state_dir("Periodize")/recovery``,
``PERIODIZE_STATE_DIR`` overrides it): ``<id>.season.json`` (written atomically), ``<id>.json``
(the original file path and the time) and ``<id>.lock`` (a ``QLockFile`` held while the window
lives; all owner-only, 0600). A clean exit, a save and a discarded document remove the copy; a
start removes the locks a killed window left (:func:`remove_stale_locks`). At the next start,
:func:`find_recoveries` lists the copies whose lock is free (their process is gone) and the
app offers each (:func:`ask_recover`, through the window's interaction).

A copy is the coach's only record of unsaved work: a failure never deletes it. A copy that cannot
be loaded (damaged, or a fault in Periodize) is moved to ``recovery/unreadable`` and never offered
again; a copy the system would not let Periodize read (permission denied, an I/O error) stays and
is offered again at the next start; a copy written by a newer Periodize stays, marked
``<id>.newer``, and is offered again once Periodize reads its version. The message says where the
copy is.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from planner.errors import NOT_ENOUGH_MEMORY, NewerFileError, PeriodizeError, unexpected_words
from planner.text import date_short, plural
from ui.desktop.diskstate import DiskStamp, changed_on_disk
from ui.statedir import state_dir

INTERVAL_MS = 10_000
UNREADABLE = "unreadable"  # the subfolder of copies that could not be read: kept, never offered
NEWER = ".newer"  # beside a copy of a newer Periodize: the schema version it was written in
OPEN = ".open"  # beside a window's lock: the season file it has open (open_elsewhere)
log = logging.getLogger(__name__)


def recovery_dir() -> Path:
    return state_dir() / "recovery"


def interval_ms() -> int:
    try:
        return max(50, int(os.environ.get("PERIODIZE_AUTOSAVE_MS", INTERVAL_MS)))
    except ValueError:
        return INTERVAL_MS


@dataclass(frozen=True)
class Recovery:
    """A recovery copy left by a process that ended without closing its window."""

    key: str
    season_file: Path
    original: Path | None  # the season file it was editing (None: never saved)
    name: str
    saved_at: dt.datetime | None
    base: DiskStamp | None = None  # the file as the crashed session had read or saved it

    def file_gone(self) -> bool:
        """True when the season file the copy was made from is no longer where it was (moved or
        deleted after the crash): recovered, it is saved where the coach says."""
        if self.original is None:
            return False
        try:
            return not self.original.exists()
        except OSError:
            return False  # cannot tell: the save itself will say

    def changed_since(self) -> DiskStamp | None:
        """The file's stamp now when another program changed it after the crashed session had
        read or saved it (None: unchanged, or nothing to compare)."""
        if self.original is None or self.base is None:
            return None
        return changed_on_disk(self.base, self.original)

    def load(self):
        from planner.seasonfile import load_season

        return load_season(self.season_file)

    def remove(self) -> None:
        for suffix in (".season.json", ".json", ".lock", ".season.json.bak", NEWER, OPEN):
            try:
                (self.season_file.parent / (self.key + suffix)).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass

    def set_aside(self) -> Path | None:
        """Move the copy (with its note and backup) into the ``unreadable`` subfolder, readable
        by the coach only, where it is never offered again; its new path, or None when it could
        not be moved (it stays where it is)."""
        folder = self.season_file.parent / UNREADABLE
        target = folder / self.season_file.name
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            os.replace(self.season_file, target)
        except OSError:
            return None
        for suffix in (".json", ".season.json.bak"):
            try:
                os.replace(self.season_file.parent / (self.key + suffix), folder / (self.key + suffix))
            except OSError:
                pass  # gone, or none: the copy itself is what matters
        for suffix in (".lock", NEWER, OPEN):
            try:
                (self.season_file.parent / (self.key + suffix)).unlink()
            except OSError:
                pass
        return target

    def mark_newer(self, version: int) -> None:
        """Note that the copy needs a Periodize that reads ``version``: it is not offered again
        until one does (each start would otherwise ask, and fail, again)."""
        try:
            (self.season_file.parent / (self.key + NEWER)).write_text(str(version), encoding="utf-8")
        except OSError:
            pass  # offered again at the next start: a question too many, the copy is safe


class Autosaver(QObject):
    """Writes a recovery copy of ``document`` while it is modified; removes it when not.

    ``failed`` carries what to tell the coach when a copy cannot be written (a read-only or full
    disk): once, at the first failure, and again only after a copy was written or the season
    saved in between; ``written`` follows each copy written, or save, after a failure."""

    failed = Signal(str)
    written = Signal()

    def __init__(self, document, parent: QObject | None = None, interval: int | None = None):
        super().__init__(parent)
        self.document = document
        self.key = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder = recovery_dir()
        self._lock: QLockFile | None = None
        self._saved: str | None = None  # the digest of this window's last save of its file
        self._saved_revision = -1
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval if interval is not None else interval_ms())
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        document.modified_changed.connect(self._on_modified)

    @property
    def path(self) -> Path:
        return self.folder / f"{self.key}.season.json"

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            self.remove()
            if self.last_error is not None:  # saved: nothing is unprotected now; the next
                self.last_error = None       # failed copy is said again
                self.written.emit()

    def tick(self) -> bool:
        """Write the copy now if the document changed since the last one; True when written."""
        doc = self.document
        if not doc.modified:
            return False
        if doc.revision == self._saved_revision and self.path.exists():
            return False
        from planner.seasonfile import atomic_write, dumps

        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # gone since: said as such
            self._hold_lock()
            atomic_write(self.path, dumps(doc.season), private=True)
            # absolute: a file opened by a relative name is matched to its own file only, never
            # to a file of the same name opened from another folder
            meta = {"path": str(_absolute(doc.path)) if doc.path else None, "name": doc.season.name,
                    "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
                    "pid": os.getpid()}
            stamp = doc.disk_stamp
            if doc.path and stamp is not None:  # the file these changes were made on
                meta["disk"] = {"mtime_ns": stamp.mtime_ns, "size": stamp.size,
                                "digest": stamp.digest}
            atomic_write(self.folder / f"{self.key}.json", json.dumps(meta), private=True)
        except (OSError, PeriodizeError) as e:  # a full disk must not stop the coach's work
            first = self.last_error is None
            self.last_error = str(e)
            if first:  # said once: a timer every 10 s must not repeat it
                self.failed.emit(self.failure_words(e))
            return False
        self._saved_revision = doc.revision
        if self.last_error is not None:
            self.last_error = None
            self.written.emit()
        return True

    def failure_words(self, e: Exception) -> str:
        """The coach's sentence for a copy that could not be written: where, why and what to do."""
        why = None
        cause: BaseException | None = e
        while cause is not None and why is None:  # the system's reason under a SaveError
            if isinstance(cause, OSError):
                why = cause.strerror or str(cause)
            cause = cause.__cause__ or cause.__context__
        return (f"Recovery copies cannot be written to {self.folder} ({why or e}): "
                f"save often (Ctrl+S)")

    def _hold_lock(self) -> None:
        """The window's lock, taken once (the folder made): held while it lives, so that other
        windows and the next start see it open."""
        if self._lock is None:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = self.folder / f"{self.key}.lock"
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock
                try:  # it names the process, the computer and its boot: the owner's alone
                    os.chmod(path, 0o600)
                except OSError:
                    pass

    def mark_open(self, path: Path | None) -> str | None:
        """Note that this window has the season file ``path`` open (``<key>.open``, beside its
        lock) and say, when another live Periodize window has it open too, what that means: a
        notice, never a block. A window whose process is gone (its lock free, or held by a
        dead process) is not one: its note is removed. None when no other window has it."""
        self._saved = None  # a save this window makes there is noted (note_saved)
        if not self._write_note(path) or path is None or not open_elsewhere(path, exclude={self.key}):
            return None
        return (f"“{path.name}” is already open in another Periodize window: changes made in "
                f"both cannot be merged (saving one asks about the other's). Make them in one "
                f"window and close the other.")

    def note_saved(self, path: Path, digest: str) -> None:
        """This window saved ``path`` as the bytes of ``digest``: noted beside its lock, so that
        another window on the file can say who wrote over its copy (:func:`saved_by_window`)."""
        self._saved = digest
        self._write_note(path)

    def _write_note(self, path: Path | None) -> bool:
        """The ``<key>.open`` note of the file this window has open (and its last save there);
        removed when none. False when it cannot be written (no state folder: nothing to compare,
        the work goes on)."""
        marker = self.folder / f"{self.key}{OPEN}"
        try:
            if path is None:
                marker.unlink(missing_ok=True)
                return False
            from planner.safefile import atomic_write

            self._hold_lock()
            note = {"path": str(_absolute(path)), "pid": os.getpid()}
            if self._saved is not None:
                note["saved"] = self._saved
            atomic_write(marker, json.dumps(note), private=True)
        except (OSError, PeriodizeError):
            return False
        return True

    def remove(self) -> None:
        """Remove the copy (after a save, a discard or a clean exit); the lock stays held."""
        for suffix in (".season.json", ".json"):
            try:
                (self.folder / f"{self.key}{suffix}").unlink()
            except OSError:
                pass
        self._saved_revision = -1

    def stop(self) -> None:
        """A clean exit: no copy is left behind."""
        self.timer.stop()
        self.remove()
        try:
            (self.folder / f"{self.key}{OPEN}").unlink(missing_ok=True)
        except OSError:
            pass
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def open_elsewhere(path: Path, exclude: set[str] = frozenset()) -> bool:
    """Whether another live Periodize window has the season file ``path`` open: an ``.open``
    note of it whose window's lock is held by a running process. The notes of windows whose
    process is gone are removed (a stale lock, of a dead process, is taken and let go)."""
    return any(True for _ in _live_notes(path, exclude))


def saved_by_window(path: Path, digest: str, exclude: set[str] = frozenset()) -> bool:
    """Whether the bytes of ``digest`` in ``path`` are another live Periodize window's save
    (its ``.open`` note names its last save there): that window, not another program, wrote
    over this one's copy."""
    return any(note.get("saved") == digest for note in _live_notes(path, exclude))


def _live_notes(path: Path, exclude: set[str]):
    """The ``.open`` notes of ``path`` whose window lives (see :func:`open_elsewhere`)."""
    folder = recovery_dir()
    try:
        notes = sorted(folder.glob(f"*{OPEN}"))
    except OSError:
        return
    for note in notes:
        key = note.name.removesuffix(OPEN)
        if key in exclude:
            continue
        meta = _metadata(note)
        said = meta.get("path")
        if not isinstance(said, str) or "\x00" in said or not _same_file(Path(said), Path(path)):
            continue
        lock = QLockFile(str(folder / f"{key}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            yield meta  # its window lives
            continue
        lock.unlock()
        try:
            note.unlink(missing_ok=True)  # its window is gone
            (folder / f"{key}.lock").unlink(missing_ok=True)
        except OSError:
            pass


def remove_stale_locks(exclude: set[str] = frozenset()) -> int:
    """At a start: the ``.lock`` files (and ``.open`` notes) of windows whose process is gone
    (killed: a clean exit removes its own), unless a recovery copy still waits with them (it is
    offered, and its lock goes with it); they stayed for good after later clean exits. How many
    were removed; never raises."""
    folder = recovery_dir()
    try:
        locks = sorted(folder.glob("*.lock"))
    except OSError:
        return 0
    removed = 0
    for path in locks:
        key = path.name.removesuffix(".lock")
        if key in exclude or (folder / f"{key}.season.json").exists():
            continue
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # its window lives
        lock.unlock()  # removes the file
        try:
            path.unlink(missing_ok=True)
            (folder / f"{key}{OPEN}").unlink(missing_ok=True)
        except OSError:
            continue
        removed += 1
    return removed


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def find_recoveries(exclude: set[str] = frozenset()) -> list[Recovery]:
    """Recovery copies whose process is gone, newest first. Whatever the folder holds (a damaged
    or hostile metadata file, a copy removed meanwhile, an unreadable folder), this never
    raises: a copy whose metadata cannot be read is offered with what is known."""
    folder = recovery_dir()
    try:
        if not folder.is_dir():
            return []
        copies = sorted(folder.glob("*.season.json"))
    except OSError:
        return []
    out = []
    for f in copies:
        key = f.name.removesuffix(".season.json")
        if key in exclude or not key or _too_new(folder / (key + NEWER)):
            continue
        try:
            rec = _recovery(folder, key, f)
        except (OSError, ValueError, OverflowError):
            continue  # gone meanwhile, or unusable: the next start tries again
        if rec is not None:
            out.append(rec)
    out.sort(key=lambda r: r.saved_at or dt.datetime.min, reverse=True)
    return out


def _too_new(marker: Path) -> bool:
    """True when a copy's ``.newer`` note says it needs a newer Periodize than this one."""
    from planner.seasonfile import SCHEMA_VERSION

    try:
        return int(marker.read_text(encoding="utf-8")[:20]) > SCHEMA_VERSION
    except (OSError, ValueError):  # none; or damaged: offered, and said again if it is newer
        return False


def _recovery(folder: Path, key: str, f: Path) -> Recovery | None:
    lock = QLockFile(str(folder / f"{key}.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        return None  # another running window owns it
    lock.unlock()
    meta = _metadata(folder / f"{key}.json")
    saved = None
    if isinstance(meta.get("saved_at"), str):
        try:
            saved = dt.datetime.fromisoformat(meta["saved_at"][:40])
        except ValueError:
            saved = None
    if saved is None:
        saved = dt.datetime.fromtimestamp(f.stat().st_mtime)
    path = meta.get("path")
    original = Path(path) if isinstance(path, str) and path and "\x00" not in path and len(path) < 4096 else None
    if original is not None and not original.is_absolute():
        original = None  # relative to a folder no longer known: never taken for another file
    name = meta.get("name")
    name = " ".join(name.split())[:200] if isinstance(name, str) and name.strip() else key
    return Recovery(key, f, original, name, saved, _base(meta.get("disk")))


def _base(disk) -> DiskStamp | None:
    """The stamp of the file the copy's changes were made on, from its metadata (None: an older
    copy without one, or damaged)."""
    if not isinstance(disk, dict):
        return None
    mtime, size, digest = disk.get("mtime_ns"), disk.get("size"), disk.get("digest")
    if not (isinstance(mtime, int) and isinstance(size, int) and isinstance(digest, str)
            and len(digest) == 64):
        return None
    return DiskStamp(mtime, size, digest)


def _metadata(path: Path) -> dict:
    """The metadata of a recovery copy: a dict, empty when missing, damaged or not an object."""
    try:
        if path.stat().st_size > 1_000_000:  # a few hundred bytes when Periodize wrote it
            return {}
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


class Recovered:
    """The recovered changes as one edit on the file as saved: Undo goes back to the file.

    Not a ``planner.edits.Edit`` (never stored in a file or a scenario): it has the two calls
    ``MainWindow.apply_edit`` and the undo stack need, ``apply`` and ``describe``, as
    ``ui.desktop.macro.EditGroup`` does; ``stores_plan`` tells ``Document.rules_of_plan`` that
    its plan was made under its own rules."""

    stores_plan = True  # its plan is the one the recovered session had (made under its rules)

    def __init__(self, season, saved_at=None):
        self.season = season
        self.saved_at = saved_at

    def apply(self, _season):
        return self.season

    def describe(self, _season) -> str:
        when = f" (kept at {self.saved_at:%H:%M})" if self.saved_at else ""
        return f"Recover the unsaved changes{when}"


def _saved(path: Path | None):
    """The season of ``path`` as saved, or None (never saved, gone, unreadable)."""
    from planner.seasonfile import load_season

    if path is None:
        return None
    try:
        return load_season(path)
    except (PeriodizeError, OSError):
        return None


def ask_recover(interaction, rec: Recovery, others: list[Recovery] | tuple = ()) -> str:
    """Ask whether to recover ``rec``: "yes" (recover), "discard" (delete the copy) or "notnow"
    (keep the copy, offered again at the next start; Escape, and the window's close button: a
    coach who wanted to look at the saved file first had only Yes and Discard). ``others``: the
    copies offered after it (two windows crashed), named so that none is a surprise later."""
    where = f"“{rec.original.name}”" if rec.original else "a season that was never saved"
    when = f" at {rec.saved_at:%H:%M} on {date_short(rec.saved_at)}" if rec.saved_at else ""
    newer = rec.changed_since()
    gone = "" if not rec.file_gone() else (
        f"\n\n{rec.original.name} is no longer in {rec.original.parent} (moved or deleted "
        f"since). Recovered, saving asks where to save the season.")
    since = gone if newer is None else (
        f"\n\n{rec.original.name} was changed after that (at {newer.modified:%H:%M} on "
        f"{date_short(newer.modified)}, by another program or window). Recovered, your changes "
        f"replace that version on screen; saving then asks whether to overwrite it or to save "
        f"as another file. Discard keeps the file as it is now.")
    answer = interaction.choose(
        "Recover unsaved changes?",
        f"Periodize did not close properly last time. Unsaved changes to “{rec.name}” "
        f"({where}) were kept{when}.{since}{_waiting(others)}\n\nRecover them? (Discard "
        f"deletes the recovery copy; Not Now keeps it, opens the file as saved, and offers it "
        f"again at the next start.)", ("yes", "discard", "notnow"), "yes")
    return answer if answer in ("yes", "discard") else "notnow"


def _waiting(others) -> str:
    """The other copies waiting after the one offered, in a sentence ('' when none)."""
    if not others:
        return ""
    named = ", ".join(
        f"“{r.name}”" + (f" kept at {r.saved_at:%H:%M} on {date_short(r.saved_at)}" if r.saved_at else "")
        for r in others[:3]) + (", …" if len(others) > 3 else "")
    more = "Another recovery copy is" if len(others) == 1 else f"{len(others)} other recovery copies are"
    windows = "another window" if len(others) == 1 else "other windows"
    return (f"\n\n{more} kept too ({named}), from {windows} that did not close properly: "
            f"offered after this one is discarded or put off, or at the next start.")


def offer_recovery(window, exclude: set[str] = frozenset(), opened: Path | None = None) -> bool:
    """Offer the newest recovery copy (if any) and load it into ``window``; True if recovered.

    ``opened``: the file the coach asked to open. Only that file's copy is offered then (the
    coach opens that file, not another one); the other copies wait for a start without a file,
    or for their own file. A copy that cannot be read is reported and kept (:func:`_unloadable`).
    """
    offers = [rec for rec in find_recoveries(exclude)
              if opened is None or _same_file(rec.original, opened)]
    for i, rec in enumerate(offers):
        answer = ask_recover(window.interaction, rec, offers[i + 1:])
        if answer == "discard":
            rec.remove()
        if answer != "yes":
            continue
        try:
            season = rec.load()
        except Exception as e:  # noqa: BLE001 - a copy that cannot be read must never stop the app starting
            window.interaction.warn("Could not recover", _unloadable(rec, e))
            continue
        original = _saved(rec.original)
        newer = rec.changed_since()
        if original is not None:  # the file as saved, then the changes as one undo step
            # changed since by another program: the stamp the changes were made on, so that
            # saving asks before overwriting the newer file (never a silent overwrite)
            window.set_document(original, rec.original, stamp=rec.base if newer else None)
            window.apply_edit(Recovered(season, rec.saved_at), plan_rules=season.rules)
        else:
            window.set_document(season, rec.original, modified=True)
            if rec.file_gone():  # never re-created at the old name without a word
                window.lost_file = rec.original
        # ``periodize open`` of a file gone since the crash opened File ▸ New's dialog: left
        # open over the recovered season, its OK replaced the work with an empty season
        window.close_new_dialog()
        rec.remove()
        left = len(offers) - i - 1
        later = "" if not left else (
            f" {plural(left, 'other recovery copy', 'other recovery copies')} "
            f"{'is' if left == 1 else 'are'} offered at the next start.")
        window.statusBar().showMessage(
            f"Recovered the unsaved changes to “{season.name}”. Save them (Ctrl+S).{later}", 15000)
        return True
    return False


def _unloadable(rec: Recovery, e: Exception) -> str:
    """Keep a copy that could not be loaded (never delete it: it is the coach's only record of
    the unsaved work) and say why and where it is, in a coach's words.

    - A newer Periodize's copy stays where it is, offered again once Periodize is updated.
    - Out of memory, or a read the system refused (permission denied, an I/O error): it stays,
      offered again at the next start.
    - Gone (another program moved or deleted it meanwhile): said, nothing is kept.
    - Damaged, or a fault in Periodize: moved to the ``unreadable`` subfolder, never offered
      again (each start would ask, and fail, again)."""
    from planner.seasonfile import FileReadError

    gone = (f"The recovery copy {rec.season_file} is no longer there (another program moved or "
            f"deleted it): there is nothing to recover.")
    if isinstance(e, FileReadError):
        if e.missing:
            return gone
        return (f"{e}\n\nThe recovery copy is kept, not deleted, and offered again at the next "
                f"start (a file the system cannot read now often can be later). It is "
                f"{rec.season_file}.")
    if isinstance(e, NewerFileError):
        rec.mark_newer(e.version)
        return (f"{e}\n\nThe recovery copy is kept, not deleted: update Periodize and it is "
                f"offered again at the next start. It is {rec.season_file}.")
    if isinstance(e, MemoryError):
        return (f"The recovery copy could not be read: {NOT_ENOUGH_MEMORY}.\n\nIt is kept, not "
                f"deleted, and offered again at the next start. It is {rec.season_file}.")
    if isinstance(e, PeriodizeError):
        why = str(e)
    else:  # a fault of ours: the copy may be sound
        log.exception("a recovery copy could not be loaded")
        why = (f"The recovery copy could not be read: {unexpected_words(e)} (the details are in "
               f"the log).")
    kept = rec.set_aside()
    if kept is None and not rec.season_file.exists():
        return gone
    if kept is None:
        return f"{why}\n\nThe recovery copy is kept, not deleted. It is {rec.season_file}."
    return (f"{why}\n\nThe recovery copy is kept, not deleted, and not offered again. It is "
            f"{kept}.")
