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

Either way no temporary file is left behind, nor an old copy: one whose ``NAME.bak`` cannot be
made (a folder of that name, an immutable ``.bak``) is removed with the others, and the failures
are said together once every file is in place. What an export that was killed (``kill -9``)
left is settled by the next write of the same name: its temporary files are removed, as a single
file's save does (``planner.safefile.clean_stale_temps``), and so is an old copy
(``.NAME.XXXXXXXX.old``) whose NAME holds the killed export's new file (whole: it got there by a
rename); one whose NAME is missing (killed before the new file took its place) is the only copy
of that file and is put back at NAME, and the write stops there, so that the next export keeps
it as any file it replaces (:func:`clean_stale_asides`). A live writer's temporary files and old
copies are locked (``flock``) and stay.
Files of the folder the group does not name are never touched. :func:`athlete_file_names` gives
the files' names, one per athlete.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path

from planner.errors import InputError, SaveError
from planner.safefile import PRIVATE, TempFile, clean_stale_temps, hold, if_dead, sync_folder
from planner.text import join_and

__all__ = ["athlete_file_names", "clean_stale_asides", "group_file_name", "kept_only_if_written",
           "prepare_folder", "safe_file_stem", "write_group"]


def safe_file_stem(text: str) -> str:
    """A file name stem every system accepts: letters, digits, space, ``-``, ``_``, ``.``."""
    stem = re.sub(r"[^\w\- .]+", "_", text, flags=re.UNICODE)
    stem = " ".join(stem.split()).strip(" .")[:80]
    return stem or "athlete"


def _unique(stem: str, taken: set[str], free: Callable[[str], bool] | None = None) -> str:
    """``stem``, else ``stem (2)``, ``stem (3)``, … : the first not in ``taken`` (casefolded)
    and, with ``free``, one it says is free."""
    name, n = stem, 2
    while name.casefold() in taken or (free is not None and not free(name)):
        name = f"{stem} ({n})"
        n += 1
    taken.add(name.casefold())
    return name


def athlete_file_names(season, anonymise: bool, suffix: str) -> dict[str, str]:
    """Athlete id -> a file name (unique, also on case-insensitive file systems), in the squad's
    order, so an athlete's file keeps its name when the display order changes."""
    taken: set[str] = set()
    return {a.id: _unique(safe_file_stem(a.id if anonymise else f"{a.id} {a.name}"), taken) + suffix
            for a in season.athletes}


def group_file_name(season, anonymise: bool, stem: str, suffix: str,
                    free: Callable[[str], bool] | None = None) -> str:
    """The name of a file of the folder beside the athletes' (the staff's calendar, ``Team.ics``):
    ``stem``, else ``stem (2)``… when an athlete's file has that name (an athlete ``Team``) or,
    with ``free`` (given the file name), the name is not free (a coach's own file there)."""
    taken = {n.removesuffix(suffix).casefold()
             for n in athlete_file_names(season, anonymise, suffix).values()}
    return _unique(stem, taken, None if free is None else lambda name: free(name + suffix)) + suffix


def prepare_folder(folder: str | os.PathLike, what: str, choose: str = "") -> Path:
    """The output folder (created when missing, its parent must exist); InputError or SaveError,
    each with its fix, ``choose`` the way to give another folder where it is said (the CLI's
    `` (--handouts DIR)``)."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), [f"is a file; give a folder for the {what}"])
    if not out.exists():
        if not out.parent.is_dir():
            raise InputError(str(out), [f"the folder {out.parent} does not exist; create it or "
                                        f"choose another{choose}"])
        try:
            out.mkdir()
        except OSError as e:
            raise SaveError(f"{out}: the folder could not be created ({e.strerror}); choose "
                            f"another folder{choose}") from None
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
    back = []
    for name in files:  # a killed export's leftovers, as a single file's save removes them
        clean_stale_temps(folder, name)
        if clean_stale_asides(folder, name):
            back.append(name)
    if back:
        raise SaveError(f"{folder / back[0]}: an export that was stopped had left the previous "
                        f"file{'s' if len(back) > 1 else ''} of {_names(back)} aside; "
                        f"{'they are' if len(back) > 1 else 'it is'} back in place and nothing "
                        f"was written; export again")
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
    locks: list[int] = []  # the old copies', while they are aside: no other export's clean-up
    failed: dict[str, str] = {}  # name -> why its NAME.bak could not be made
    try:
        _replace_all(folder, files, temps, aside, locks)
        for name, old in aside.items():
            if name in kept:  # the file replaced: its NAME.bak, now that the new one is in place
                why = _keep_as_backup(folder, name, old)
                if why:
                    failed[name] = why
            else:
                _unlink(old)
    finally:
        for fd in locks:
            os.close(fd)
    sync_folder(folder)
    if failed:
        raise SaveError(_not_kept(folder, failed, len(kept & aside.keys()) - len(failed)))
    return [folder / name for name in files]


def _replace_all(folder: Path, files: dict[str, bytes], temps: dict[str, TempFile],
                 aside: dict[str, str], locks: list[int]) -> None:
    """Steps 2 and 3: every old file aside (``aside``: name -> its temporary name), every new
    one in place; on a failure, every old file back and SaveError."""
    placed: list[str] = []
    failing = ""
    try:
        for name in files:
            failing = name
            target = folder / name
            if target.exists():
                fd, old = tempfile.mkstemp(prefix=f".{name}.", suffix=".old", dir=folder)
                os.close(fd)
                lock = hold(target)
                if lock is not None:
                    locks.append(lock)
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
        stuck: dict[str, str] = {}  # name -> its old copy, which could not be put back
        for done, old in aside.items():
            try:
                os.replace(old, folder / done)
            except OSError:
                stuck[done] = Path(old).name
        hint = "; is it open in another program or read-only?" if isinstance(e, PermissionError) else ""
        raise SaveError(f"{folder / failing}: could not be replaced ({e.strerror or e}){hint}; "
                        f"{_as_it_was(folder, stuck)}") from None


def _as_it_was(folder: Path, stuck: dict[str, str]) -> str:
    """What a rolled-back group left in ``folder``: every file as it was, or, for the previous
    files that could not be put back (``stuck``: name -> the hidden copy that holds it), where
    each one is (:func:`clean_stale_asides` puts it back at the next export there)."""
    if not stuck:
        return f"every file in {folder} is as it was"
    kept = "; ".join(f"the previous {name} is kept as {old}" for name, old in stuck.items())
    them = "it is" if len(stuck) == 1 else "they are"
    return (f"every other file in {folder} is as it was, but {kept}; {them} put back at the next "
            f"export to this folder")


def _keep_as_backup(folder: Path, name: str, old: str) -> str:
    """The old copy ``old`` of ``name`` as ``NAME.bak``: "" when done, else why not (the copy
    is then removed: no hidden copy stays behind)."""
    try:
        os.chmod(old, PRIVATE)
        os.replace(old, folder / f"{name}.bak")
    except OSError as e:
        _unlink(old)
        return e.strerror or e.__class__.__name__
    return ""


def _names(names: list[str]) -> str:
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more"
    return join_and(names)


def _not_kept(folder: Path, failed: dict[str, str], others: int) -> str:
    """What a group says when ``failed`` (name -> why) could not be kept as ``NAME.bak``:
    where, why, what ``NAME.bak`` is now, and the way on; ``others``: how many were kept."""
    parts = []
    for name, why in failed.items():
        bak = folder / f"{name}.bak"
        if bak.is_dir():
            parts.append(f"{bak.name} (a folder has that name; move or rename it)")
            continue
        now = "it holds an earlier version" if bak.is_file() else "there is no earlier one"
        parts.append(f"{bak.name} ({why}; {now})")
    rest = (f"; the other {others} previous file{'' if others == 1 else 's'} "
            f"{'is' if others == 1 else 'are'} kept as NAME.bak") if others else ""
    if len(failed) == 1:
        name = next(iter(failed))
        return (f"{folder / name}: written, but the previous file could not be kept as "
                f"{parts[0]} and was removed{rest}")
    return (f"{folder}: every file is written, but {len(failed)} previous files could not be "
            f"kept as NAME.bak and were removed: {', '.join(parts[:3])}"
            f"{' …' if len(parts) > 3 else ''}{rest}")


def _old_pattern(name: str) -> re.Pattern:
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.old")


def clean_stale_asides(folder: Path, name: str) -> bool:
    """Settle the old copies of ``name`` (``.NAME.XXXXXXXX.old``) an export that was killed
    left and no live writer holds: removed when ``name`` is there (the killed export's new file,
    whole), else the newest put back at ``name`` (it is the only copy of that file). Returns
    whether one was put back."""
    pattern = _old_pattern(name)
    try:
        olds = [folder / e for e in os.listdir(folder) if pattern.fullmatch(e)]
    except OSError:
        return False
    target = folder / name
    back = False

    def settle(old: Path) -> None:
        nonlocal back
        if os.path.lexists(target):
            os.unlink(old)
        else:
            os.replace(old, target)
            back = True

    for old in sorted(olds, key=_mtime, reverse=True):
        if_dead(old, settle)
    return back


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


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

