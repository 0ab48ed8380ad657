"""Several files written as one: all new, or the old ones untouched.

The calendar and handout exports write one file per athlete into a folder. A failure half-way
(a full disk, an immutable or locked file, a file name the system refuses) must not leave some
files new and others old. :func:`write_group` therefore

1. writes every file as a temporary file in the folder and fsyncs it (a full disk fails here,
   before anything is replaced);
2. moves each existing target aside to a temporary name (an immutable or locked file fails here;
   the ones already moved are moved back);
3. renames each new file into place (on a failure the new ones are removed and the old ones moved
   back);
4. removes the old copies, or keeps one as ``NAME.bak`` where the export asked so (``keep``,
   decided before it was built: ``planner.safefile.can_keep``; only now, so a failed group
   leaves every older ``.bak`` as it was), and fsyncs the folder.

Either way no temporary file is left behind; one left by an export that was killed (``kill -9``)
is removed by the next write of the same name, as a single file's save does
(``planner.safefile.clean_stale_temps``; a live writer's temporary files are locked and stay).
Files of the folder the group does not name are never touched. :func:`athlete_file_names` gives
the files' names, one per athlete.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Collection
from pathlib import Path

from planner.errors import InputError, SaveError
from planner.safefile import PRIVATE, TempFile, clean_stale_temps, sync_folder

__all__ = ["athlete_file_names", "kept_only_if_written", "prepare_folder", "safe_file_stem",
           "write_group"]


def safe_file_stem(text: str) -> str:
    """A file name stem every system accepts: letters, digits, space, ``-``, ``_``, ``.``."""
    stem = re.sub(r"[^\w\- .]+", "_", text, flags=re.UNICODE)
    stem = " ".join(stem.split()).strip(" .")[:80]
    return stem or "athlete"


def athlete_file_names(season, anonymise: bool, suffix: str) -> dict[str, str]:
    """Athlete id -> a file name (unique, also on case-insensitive file systems), in the squad's
    order, so an athlete's file keeps its name when the display order changes."""
    taken: set[str] = set()
    out = {}
    for a in season.athletes:
        stem = safe_file_stem(a.id if anonymise else f"{a.id} {a.name}")
        name, n = stem, 2
        while name.casefold() in taken:
            name = f"{stem} ({n})"
            n += 1
        taken.add(name.casefold())
        out[a.id] = name + suffix
    return out


def prepare_folder(folder: str | os.PathLike, what: str) -> Path:
    """The output folder (created when missing, its parent must exist); InputError or SaveError."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), [f"is a file; give a folder for the {what}"])
    if not out.exists():
        if not out.parent.is_dir():
            raise InputError(str(out), [f"the folder {out.parent} does not exist; create it or "
                                        f"choose another"])
        try:
            out.mkdir()
        except OSError as e:
            raise SaveError(f"{out}: the folder could not be created ({e.strerror})") from None
    return out


@contextlib.contextmanager
def kept_only_if_written(folder: str | os.PathLike):
    """Around an export into ``folder``: a folder it creates is removed again when the export
    fails and leaves it empty (a full disk), so no empty folder looks like an export."""
    folder = Path(folder)
    existed = folder.exists()
    try:
        yield
    except BaseException:
        if not existed:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        raise


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _mode(target: Path) -> int:
    umask = os.umask(0)
    os.umask(umask)
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~umask


def _write_temp(folder: Path, name: str, data: bytes) -> TempFile:
    """``data`` in a locked temporary file next to ``name`` (a save's: ``planner.safefile``),
    fsynced; the caller closes it."""
    tmp = TempFile(folder, name, _mode(folder / name))
    try:
        tmp.write(data)
        tmp.sync()
    except BaseException:
        tmp.close()
        raise
    return tmp


def write_group(folder: str | os.PathLike, files: dict[str, bytes],
                keep: Collection[str] = ()) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder`` all at once (see the module text); returns
    the paths in the order given. ``keep``: the names whose file there now is kept as
    ``NAME.bak`` once every new file is in place. SaveError naming the file and the cause when
    any fails, with every previous file as it was."""
    folder = Path(folder)
    for name in files:  # a killed export's leftovers, as a single file's save removes them
        clean_stale_temps(folder, name)
    kept = {name for name in files if name in keep}
    temps: dict[str, TempFile] = {}
    try:
        return _write_all(folder, files, temps, kept)
    finally:
        for tmp in temps.values():
            tmp.close()  # removed unless renamed into place


def _write_all(folder: Path, files: dict[str, bytes], temps: dict[str, TempFile],
               kept: set[str]) -> list[Path]:
    try:
        for name, data in files.items():
            temps[name] = _write_temp(folder, name, data)
    except OSError as e:
        raise SaveError(f"{folder}: could not write {name} ({e.strerror or e}); no file was "
                        f"changed") from None
    aside: dict[str, str] = {}
    placed: list[str] = []
    failing = ""
    try:
        for name in files:
            failing = name
            target = folder / name
            if target.exists():
                fd, old = tempfile.mkstemp(prefix=f".{name}.", suffix=".old", dir=folder)
                os.close(fd)
                try:
                    os.replace(target, old)
                except OSError:
                    _unlink(old)
                    raise
                aside[name] = old
        for name in files:
            failing = name
            temps[name].rename(folder / name)
            placed.append(name)
    except OSError as e:
        for done in placed:
            _unlink(folder / done)
        for done, old in aside.items():
            try:
                os.replace(old, folder / done)
            except OSError:
                pass
        hint = "; is it open in another program or read-only?" if isinstance(e, PermissionError) else ""
        raise SaveError(f"{folder / failing}: could not be replaced ({e.strerror or e}){hint}; "
                        f"every file in {folder} is as it was") from None
    for name, old in aside.items():
        if name in kept:  # the file replaced: its NAME.bak, now that the new one is in place
            _keep_as_backup(folder, name, old)
        else:
            _unlink(old)
    sync_folder(folder)
    return [folder / name for name in files]


def _keep_as_backup(folder: Path, name: str, old: str) -> None:
    try:
        os.chmod(old, PRIVATE)
        os.replace(old, folder / f"{name}.bak")
    except OSError as e:
        _unlink(old)
        raise SaveError(f"{folder / name}: written, but the previous file could not be kept as "
                        f"{name}.bak ({e.strerror or e}); {name}.bak holds an earlier "
                        f"version") from None


def left_over(folder: str | os.PathLike, written: list[Path], what: str,
              also: tuple[Path | None, ...] = ()) -> str:
    """A sentence naming the other files of the same kind (suffix) in ``folder`` that this export
    did not write (an earlier export's, e.g. with names before an anonymised one, or before an
    athlete was renamed), or "" when there are none. They are left as they were: a folder handed
    out could carry them along unseen. ``also``: the command's other outputs (a board PDF written
    into the handouts folder is not an earlier export's)."""
    if not written:
        return ""
    suffix = written[0].suffix.lower()
    mine = {p.resolve() for p in (*written, *(a for a in also if a is not None))}
    try:
        others = sorted(p.name for p in Path(folder).iterdir()
                        if p.is_file() and p.suffix.lower() == suffix and p.resolve() not in mine)
    except OSError:
        return ""
    if not others:
        return ""
    shown = ", ".join(f"'{n}'" for n in others[:3]) + (" …" if len(others) > 3 else "")
    one = len(others) == 1
    return (f"The folder also holds {len(others)} other {what}{'' if one else 's'} ({shown}) "
            f"that this export did not write: from an earlier export or an athlete since renamed. "
            f"{'It was' if one else 'They were'} left as {'it was' if one else 'they were'}; "
            f"remove {'it' if one else 'them'} before you share the folder.")

