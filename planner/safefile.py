"""Writing a file so that nothing is ever lost: readers see the old file or the new one, never
half of one, and the previous version is kept as ``NAME.bak`` when asked.

Every write goes to a temporary file in the target's folder (``.NAME.XXXXXXXX.tmp``), is fsynced
and then renamed over the target; the backup is made the same way (the old file copied to a
temporary file, fsynced, and renamed to ``NAME.bak`` only once the new file is in place), so a
full disk, a crash or ``kill -9`` at any moment leaves the file and its ``.bak`` each complete (the
old version or the new one), and a replace that fails (an immutable or locked file) leaves the
``.bak`` as it was.

- An export asks :func:`can_keep`, before it is built, whether the file it replaces can be
  kept, and passes the answer to its write (:func:`atomic_write`'s ``backup``, a group's
  ``keep``), which keeps it as ``NAME.bak`` once the new file is in place: an export that fails
  or is cancelled leaves the older ``.bak`` as it was, and no later write keeps one unasked.
- A writer holds an exclusive ``flock`` on its temporary files while it lives; the next save of
  the same name removes the temporary files nobody holds (left by a killed save).
- A symbolic link stays a link: the file it points to is replaced, next to it.
- A target that exists and is not a regular file (``/dev/stdout``, a pipe) is written directly.
- ``private`` files (season files, their backups, recovery copies) are created readable and
  writable by the owner only (0600); an existing file keeps its mode. Backups are always 0600.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from planner.errors import ChangedOnDiskError, SaveError
from planner.text import date_long

try:  # POSIX: locks tell a live writer's temporary file from a dead one's
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted, which protects it just as well
    fcntl = None

_UMASK = os.umask(0o022)  # read once (at import, before any thread) ...
os.umask(_UMASK)  # ... and put back
PRIVATE = 0o600
# A temporary file is named ".NAME.XXXXXXXX.tmp" (mkstemp's 8 random characters), a backup's
# ".NAME.bak.XXXXXXXX.tmp": the longest NAME whose temporary files fit in 255 bytes.
MAX_NAME_BYTES = 255 - len("." + ".bak" + ".XXXXXXXX.tmp")


def name_problem(path: str | os.PathLike) -> str | None:
    """Why ``path``'s file name cannot be written (too long for its temporary file), or None."""
    name = Path(path).name
    n = len(os.fsencode(name))
    if n > MAX_NAME_BYTES:
        return (f"the file name is {n} bytes long; at most {MAX_NAME_BYTES} are possible, "
                f"choose a shorter name")
    return None


def target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces: a symbolic link's target (the link stays a link)."""
    p = Path(path)
    if p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def _is_special(p: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(p).st_mode)
    except OSError:
        return False


def _tmp_pattern(name: str) -> re.Pattern:
    return re.compile(rf"\.{re.escape(name)}(\.bak)?\.[a-z0-9_]{{8}}\.tmp")


def clean_stale_temps(folder: Path, name: str) -> int:
    """Remove the temporary files of ``name`` (and of its ``.bak``) that no live writer holds,
    left by a save that was killed; returns how many were removed."""
    pattern = _tmp_pattern(name)
    try:
        entries = os.listdir(folder)
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        if pattern.fullmatch(entry) and _remove_if_dead(folder / entry):
            removed += 1
    return removed


def _remove_if_dead(path: Path) -> bool:
    return if_dead(path, os.unlink)


def if_dead(path: Path, act) -> bool:
    """``act(path)`` unless a live writer holds ``path`` (its ``flock``; on Windows an open file
    refuses the act itself); whether it was done."""
    if fcntl is None:
        try:
            act(path)  # fails while another process has it open
            return True
        except OSError:
            return False
    fd = hold(path)
    if fd is None:
        return False  # gone, unreadable, or a live writer holds it
    try:
        act(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # also releases the lock


def hold(path: Path) -> int | None:
    """An open descriptor of ``path`` with the ``flock`` a live writer holds (None where there
    are no such locks, or the file cannot be opened); the caller closes it."""
    if fcntl is None:
        return None  # on Windows an open file could not be renamed
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


class TempFile:
    """A locked temporary file next to the target, removed unless it was renamed into place."""

    def __init__(self, folder: Path, name: str, mode: int):
        while True:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            if fcntl is None:
                break
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            if os.fstat(fd).st_nlink:  # not removed as stale between mkstemp and the lock
                break
            os.close(fd)
        self.fd, self.path, self.done = fd, tmp, False
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(tmp, mode)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def copy_from(self, src: Path) -> str:
        """Copy ``src`` in; the :func:`digest` of what was copied."""
        h = hashlib.sha256()
        with open(src, "rb") as f:
            while chunk := f.read(1 << 20):
                self.write(chunk)
                h.update(chunk)
        return h.hexdigest()

    def sync(self) -> None:
        os.fsync(self.fd)

    def rename(self, dest: Path) -> None:
        os.replace(self.path, dest)
        self.done = True

    def close(self) -> None:
        if not self.done:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes (hex), as ``expected`` takes it."""
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: str | os.PathLike, data: bytes | str, backup: bool = False,
                 private: bool = False, expected: str | None = None,
                 sound: Callable[[Path], bool] | None = None) -> Path | None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    With ``backup`` the previous file is kept as ``NAME.bak`` (itself written new-then-rename);
    ``sound``: whether a file reads as what ``path`` holds (a season); a previous file that does
    not, over a ``NAME.bak`` that does, is kept as ``NAME.damaged-YYYYMMDD-HHMM`` instead and the
    good backup stays (a sync client's cut-short copy never takes its place). Returns where the
    previous file was kept (None: not kept). ``private`` creates a new file readable by the owner
    only. ``expected``: the :func:`digest`
    of the file as its writer read it; when the file there now holds other bytes (another
    program saved it since), :class:`ChangedOnDiskError` and nothing is written (a file gone
    since is no loss: written). Raises :class:`SaveError` (the previous file and backup
    unchanged) when it cannot be written.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    link = Path(path)
    p = target(link)
    if _is_special(p):
        if p.is_dir():
            raise SaveError(f"{link}: is a folder; give a file name")
        _write_directly(link, p, data)
        return
    folder = _folder_of(link, p)
    problem = name_problem(p)
    if problem:
        raise SaveError(f"{link}: {problem}")
    clean_stale_temps(folder, p.name)
    try:
        old_mode = stat.S_IMODE(os.stat(p).st_mode)
    except FileNotFoundError:
        old_mode = None
    except OSError as e:
        raise SaveError(f"{link}: cannot be written ({e.strerror}); choose another file") from None
    if old_mode is not None and not old_mode & 0o222:
        # a rename needs the folder's permission only: without this a read-only file, which
        # its owner made so to keep it as it is, would be replaced all the same
        raise SaveError(_read_only(link))
    mode = old_mode if old_mode is not None else (PRIVATE if private else 0o666 & ~_UMASK)
    temps: list[TempFile] = []
    try:
        new = TempFile(folder, p.name, mode)
        temps.append(new)
        new.write(data)
        new.sync()
        bak = kept = None
        if backup and old_mode is not None:  # made under a temporary name: the .bak changes
            bak = TempFile(folder, p.name + ".bak", PRIVATE)  # only once the new file is in place
            temps.append(bak)
            copied = bak.copy_from(p)
            bak.sync()
            if expected is not None and copied != expected:
                raise _changed(link, p)
            kept = _backup_name(p, bak, sound)
        if expected is not None:  # again, just before the replace: the smallest window
            _check_unchanged(link, p, expected)
        new.rename(p)
        if bak is not None:
            _place_backup(link, p, bak, kept)
    except OSError as e:
        raise _save_error(link, p, folder, e, in_folder=not temps) from None
    finally:
        for t in temps:
            t.close()
    sync_folder(folder)
    return kept


def _backup_name(p: Path, bak: TempFile, sound: Callable[[Path], bool] | None) -> Path:
    """Where the previous file (copied to ``bak``) is kept: ``NAME.bak``, unless it is not
    ``sound`` and the ``NAME.bak`` there is: then ``NAME.damaged-YYYYMMDD-HHMM`` (a free name),
    the good backup kept."""
    good = p.with_name(p.name + ".bak")
    if sound is None or not good.is_file() or sound(Path(bak.path)) or not sound(good):
        return good
    stem = f"{p.name}.damaged-{dt.datetime.now():%Y%m%d-%H%M}"
    aside, n = p.with_name(stem), 1
    while aside.exists():
        n += 1
        aside = p.with_name(f"{stem}-{n}")
    return aside


def _check_unchanged(link: Path, p: Path, expected: str) -> None:
    try:
        with open(p, "rb") as f:
            now = digest(f.read())
    except FileNotFoundError:
        return  # gone since it was read: nothing of another program's to lose
    if now != expected:
        raise _changed(link, p)


def _changed(link: Path, p: Path) -> ChangedOnDiskError:
    try:
        when = dt.datetime.fromtimestamp(os.stat(p).st_mtime)
    except OSError:
        when = dt.datetime.now()
    shown = f"{when:%H:%M}" if when.date() == dt.date.today() else f"{date_long(when)} {when:%H:%M}"
    return ChangedOnDiskError(str(link), shown)


def _place_backup(link: Path, p: Path, bak: TempFile, kept: Path) -> None:
    """Move the ready backup to ``kept`` (``NAME.bak``) once the new file is in place."""
    try:
        bak.rename(kept)
    except OSError as e:
        raise SaveError(f"{link}: saved, but the previous file could not be kept as {kept.name} "
                        f"({e.strerror or e.__class__.__name__}); {p.name}.bak holds an earlier "
                        f"version") from None


def _not_a_folder(link: Path, folder: Path, name: str) -> str | None:
    """A file where the folder to write in should be ('plan.season.json/plan.xlsx'), said."""
    if not folder.is_file():
        return None
    return (f"{link}: {folder} is a file, not a folder; give a file name in a folder (e.g. "
            f"{folder.parent / name})")


def _folder_of(link: Path, p: Path) -> Path:
    """The folder ``p`` is written in; SaveError when there is none: a file where the folder
    should be, or a folder that does not exist."""
    folder = p.parent if str(p.parent) else Path(".")
    if problem := _not_a_folder(link, folder, p.name):
        raise SaveError(problem)
    if not folder.is_dir():
        raise SaveError(f"{link}: the folder {folder} does not exist; choose an existing folder")
    return folder


def _read_only(link: Path) -> str:
    # said for a save and for an export alike ("save again" after an export read wrong)
    return (f"{link}: is read-only; write to another file, or make it writable (its properties "
            f"or chmod u+w) and try again; the file is unchanged")


def write_problem(path: str | os.PathLike) -> str | None:
    """Why :func:`atomic_write` would refuse ``path`` now, in its words, or None: a read-only
    file, or a folder that lets no file be made in it (tried with the temporary file a save
    makes, removed at once). For a command to say so before long work (a solve), not after it.
    What a save cannot know before it writes (a full disk) is left to the save."""
    link = Path(path)
    p = target(link)
    folder = p.parent if str(p.parent) else Path(".")
    if problem := _not_a_folder(link, folder, p.name):
        return problem
    if _is_special(p) or not folder.is_dir():
        return None  # written directly, or said by the caller's checks of the name
    try:
        if not stat.S_IMODE(os.stat(p).st_mode) & 0o222:
            return _read_only(link)
    except OSError:
        pass  # no file yet (or none that can be looked at: the save says why)
    try:
        probe = TempFile(folder, p.name, PRIVATE)
    except PermissionError as e:
        return folder_refused(link, folder, e.strerror or e.__class__.__name__, p.exists())
    except OSError as e:  # a read-only file system; a folder that holds no files (/proc)
        return save_failure(link, e, p.exists())
    probe.close()
    return None


def _save_error(link: Path, p: Path, folder: Path, e: OSError, in_folder: bool) -> SaveError:
    """``in_folder``: no temporary file could be made next to the target, so the folder refused
    (read-only, immutable, not the coach's), whatever the file itself is."""
    why = e.strerror or e.__class__.__name__
    if isinstance(e, PermissionError) and (in_folder or not p.exists()):
        return SaveError(folder_refused(link, folder, why, existed=p.exists()))
    if isinstance(e, PermissionError):  # e.g. Windows: open in Excel
        return SaveError(f"{link}: could not be replaced ({why}); is it open in another program "
                         f"(Excel, a viewer) or read-only? close it and save again; the previous "
                         f"file is unchanged")
    return SaveError(save_failure(link, e, existed=p.exists()))


ANOTHER_FOLDER = "choose another folder"  # a save's way out where another path can be chosen


def folder_refused(link, folder: Path, why: str, existed: bool) -> str:
    """What a save says when ``folder`` lets no file be written in it."""
    kept = "; the previous file is unchanged" if existed else ""
    return f"{link}: cannot write in {folder} ({why}); {ANOTHER_FOLDER}{kept}"


def save_failure(path, e: OSError, existed: bool | None = None) -> str:
    """What a failed save says: why, what became of the file, and the fix (``existed``: the file
    was there before the save; None: look now, as a failed atomic save leaves it as it was)."""
    import errno

    why = e.strerror or str(e) or e.__class__.__name__
    existed = Path(path).exists() if existed is None else existed
    kept = "the previous file is unchanged" if existed else "nothing was written"
    if e.errno == errno.ENOSPC:
        fix = "free some space on the disk, or save to another folder"
    elif e.errno == errno.EROFS:
        fix = "save to another folder (this one is read-only)"
    else:
        fix = "save to another folder"
    return f"{path}: could not be saved ({why}); {kept}; {fix}"


def _write_directly(link: Path, p: Path, data: bytes) -> None:
    try:
        with open(p, "wb") as f:
            f.write(data)
    except OSError as e:
        raise SaveError(f"{link}: could not be written ({e.strerror or e.__class__.__name__})") from None


def sync_folder(folder: Path) -> None:
    """Make the renames durable where the platform allows it."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def can_keep(path: str | os.PathLike) -> bool:
    """Whether the current ``path`` is a file to keep as ``NAME.bak`` when a writer replaces it,
    for writers that say so before they build what they write (the exports): pass the answer to
    the write (:func:`atomic_write`'s ``backup``, ``planner.filegroup.write_group``'s ``keep``),
    which keeps it once the new file is in place, so an export that fails or is cancelled
    leaves the older ``.bak`` as it was. SaveError now when the file cannot be read (nothing
    was written)."""
    link = Path(path)
    p = target(link)
    if _is_special(p) or not p.is_file():
        return False
    try:
        with open(p, "rb"):
            pass
    except OSError as e:
        raise SaveError(f"{link}: could not keep the previous file as {p.name}.bak "
                        f"({e.strerror or e.__class__.__name__}); nothing was written") from None
    return True
