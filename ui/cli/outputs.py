"""The files a command writes: paths checked before any work is done, then every requested
output of a plan (JSON, Excel, iCal, the board PDF, the coach workbook), anonymised on request
(``planner.anonymise``).

An output never replaces one of the command's inputs, a season file (``*.season.json``, or any
file that holds one) or another output of the same command; only the commands that save a season
(``demo -o``, ``import -o``, ``--save``) write season files, each keeping the previous file as
``.bak``. An export that replaces a file keeps it as ``NAME.bak`` too.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from planner.lockfiles import open_elsewhere  # an office program has the file open

# what an existing file is and how it is replaced: shared with the app (ui.outputkinds)
from ui.outputkinds import exists as _exists
from ui.outputkinds import (
    foreign,
    holds_season,
    keep_backup_for,
    open_in_folder,
    ours_in_folder,
    strangers_in_folder,
)

KINDS = ("json", "xlsx", "ics", "pdf", "template", "handouts")
NEED_A_PLAN = ("xlsx", "json", "ics", "handouts")
FOLDERS = ("ics", "handouts")  # outputs that are a folder of files, one per athlete
_WHAT = {"season": "season file", "json": "plan JSON", "xlsx": "workbook", "pdf": "PDF", "template": "workbook",
         "ics": "calendar folder", "csv": "CSV", "review": "season review CSV",
         "compare": "comparison workbook", "handouts": "handouts folder", "violations": "violations JSON"}


# the ending a written file must have, by what it is: Excel data in a .csv name (or a table in
# an .xlsx name) opens as neither, and could replace a session log of that name
SUFFIX = {"workbook": ".xlsx", "comparison workbook": ".xlsx", "plan JSON": ".json",
          "violations JSON": ".json", "PDF": ".pdf",
          "CSV": ".csv"}


def out_path(path: str, what: str) -> Path:
    """A file the command will write: its folder must exist, it must not be a folder, its name
    must fit (with the temporary file a safe save needs) and end as its kind does (:data:`SUFFIX`)."""
    from planner.errors import InputError
    from planner.safefile import name_problem

    p = Path(path)
    problem = name_problem(p)
    if problem:
        raise InputError(_short(path), [problem])
    want = SUFFIX.get(what)
    # a season file there is refused by guard(), which says that (the graver problem)
    if want is not None and p.suffix.lower() != want and not holds_season(p):
        raise InputError(str(p), [f"a {what}'s name ends in {want}; give a name ending in {want}"
                                  f" (e.g. {p.stem or 'plan'}{want})"])
    if _exists(p) and p.is_dir():
        raise InputError(str(p), [f"is a folder; give a file name for the {what}"])
    if not _exists(p.parent if str(p.parent) else Path(".")):
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


def writable(p: Path | str) -> Path:
    """``p`` when it can be written now; else the save's own refusal (a read-only file, a folder
    that lets no file be made in it), said before the work, not after a whole solve."""
    from planner.errors import SaveError
    from planner.safefile import write_problem

    if problem := write_problem(p):
        raise SaveError(problem)
    return Path(p)


def folder_writable(p: Path, kind: str) -> None:
    """A calendar or handout folder that can take its files, said before the work, not after a
    whole solve: one that is there lets a file be made in it, a missing one lets its parent make
    it (each tried with a save's temporary file, removed at once). The refusal says why, in
    the words of ``write_problem`` (permission denied, a read-only file system, a folder that
    holds no files), said of the folder, with the option that gives another."""
    from planner.errors import SaveError
    from planner.safefile import write_problem

    probe = p / p.name if p.is_dir() else p
    problem = write_problem(probe)
    if problem is not None:  # its words name the probe, no file of the coach's: the folder instead
        raise SaveError(f"{p}: {_FILES[kind]} cannot be written there: "
                        f"{problem.removeprefix(f'{probe}: ')} (--{kind} DIR)")


# a command that saves over its season file (record, log, advance --save) names no other path:
# the way out of a folder that takes no file is a copy where one can be written
SEASON_COPY_FIX = ("copy the season file to a folder you can write in and run the command on "
                   "the copy")


def _season_fix(e) -> Exception:
    """A refusal to save the season file with the way out a command that saves over it has."""
    from planner.errors import SaveError
    from planner.safefile import ANOTHER_FOLDER

    said = str(e)
    for fix in (ANOTHER_FOLDER, SAVE_ELSEWHERE):  # a full disk's fix says "save to …"
        if fix in said:
            return SaveError(said.replace(fix, SEASON_COPY_FIX))
    return e


SAVE_ELSEWHERE = "save to another folder"  # planner.safefile.save_failure's words


def save_target(args, season=None) -> None:
    """With --save, the season file must be writable before the command solves or re-plans,
    and its disk must have room for ``season`` planned (``planner.seasonfile.room_problem``):
    a full disk was found after an 18-second solve, whose plan was then lost."""
    from planner.errors import SaveError
    from planner.seasonfile import room_problem

    if getattr(args, "save", False):
        try:
            writable(args.season)
            if season is not None and (problem := room_problem(season, args.season)):
                raise SaveError(problem)
        except SaveError as e:
            raise _season_fix(e) from None


def season_name(p: Path) -> Path:
    """A season file the command will write (``import -o``, ``demo -o``): its name must end in
    ``.season.json``, as every season file's does, so that a season never lands on a workbook's or
    a log's name and every export knows it for one."""
    from planner.errors import InputError

    if not p.name.lower().endswith(".season.json"):
        stem = p.name.split(".")[0] or "team"
        raise InputError(str(p), [f"a season file's name ends in .season.json; give a name ending "
                                  f"in .season.json (e.g. {stem}.season.json)"])
    return p


def kept_words(path: str | os.PathLike, existed: bool = True, aside: Path | None = None) -> str:
    """`` (the previous file is kept as NAME.bak)`` after a season file is saved over the file
    that ``existed`` there (a save keeps it), else "": the weekly loop's way back relies on it.
    ``aside``: where a previous file that did not read as a season went instead
    (:func:`store_season`), the good ``.bak`` kept."""
    name = Path(path).name
    if aside is not None:
        return (f" (the file that was there did not read as a season: it is kept as {aside.name}; "
                f"{name}.bak is still the backup)")
    return f" (the previous file is kept as {name}.bak)" if existed else ""


def _short(text: str, keep: int = 80) -> str:
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text)} characters)"


_FILES = {"ics": "the calendar files", "handouts": "the handouts"}  # a folder's files, one per athlete


def folder(path: str, kind: str = "ics") -> Path:
    """The folder for one file per athlete of ``kind`` (calendars, handouts; created when
    missing)."""
    from planner.errors import InputError
    from planner.safefile import name_problem

    p = Path(path)
    problem = name_problem(p)
    if problem:
        raise InputError(_short(path), [problem])
    if _exists(p) and not p.is_dir():
        raise InputError(str(p), [f"is a file; give a folder for {_FILES[kind]} (one per athlete)"])
    if not _exists(p) and not _exists(p.parent if str(p.parent) else Path(".")):
        raise InputError(str(p), [f"the folder {p.parent} does not exist; create it or choose another"])
    return p


def made_folder(path: Path, kind: str) -> None:
    """The folder of ``kind`` (calendars, handouts) created now, when missing: one that cannot
    be says which option gives another (``--handouts DIR``), as the export's own would not."""
    from planner.filegroup import prepare_folder

    prepare_folder(path, _FILES[kind], choose=f" (--{kind} DIR)")


def requested(args) -> dict[str, Path | None]:
    """The requested output paths (None: not asked for), checked before any work is done."""
    out: dict[str, Path | None] = {}
    for kind in KINDS:
        value = getattr(args, kind, None)
        if not value:
            out[kind] = None
        elif kind in FOLDERS:
            out[kind] = folder(value, kind)
        else:
            out[kind] = out_path(value, _WHAT[kind])
    return out


# -- what an output may replace ------------------------------------------------------------------
def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file (through links, ``..`` or a second hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


_READ: dict[str, str] = {}  # the season files this command read: real path -> digest of the bytes


def load_season(path: str | os.PathLike, notes: list[str] | None = None):
    """The season file at ``path``, as ``planner.seasonfile.load_season``; what was read is
    remembered, so that :func:`store_season` over it refuses when another program saved it
    since."""
    from planner.seasonfile import load_season as load

    digests: list[str] = []
    season = load(path, notes, digests)
    _READ[os.path.realpath(path)] = digests[0]
    return season


def store_season(season, path: str | os.PathLike, chosen: bool = False) -> Path | None:
    """Save ``season`` over the season file at ``path`` (the previous one kept as ``.bak``; one
    that did not read as a season set aside beside it, its path returned: :func:`kept_words`).
    When the command read that file and another program (the app, another command) saved it
    since, nothing is written: SaveError naming the file, the other save's time and the fix.
    ``chosen``: ``path`` is one the command was given to write (``-o``), so another folder is a
    way out; else the command saves over the season it read, and the way out is a copy."""
    from planner.errors import ChangedOnDiskError, SaveError
    from planner.seasonfile import save_season

    key = os.path.realpath(path)
    aside: list[Path] = []
    try:
        _READ[key] = save_season(season, path, expected=_READ.get(key), set_aside=aside)
    except ChangedOnDiskError as e:
        raise _changed(season, path, e) from None
    except SaveError as e:
        if chosen:
            raise
        raise _not_stored(season, Path(path), _season_fix(e)) from None
    return aside[0] if aside else None


def _not_stored(season, path: Path, e) -> Exception:
    """A save over the season file that failed after the work (a disk that filled during a long
    solve): the result is kept as a new file beside it, or in Periodize's own folder when the
    season's folder takes none, and named with the way to use it; else the way to make it again."""
    from planner.errors import SaveError
    from ui.statedir import not_stored_dir

    kept = _kept_beside(season, path)
    if kept is None:
        try:
            folder = not_stored_dir()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            kept = _kept_beside(season, folder / path.name)
        except OSError:
            kept = None
    said = str(e).rstrip(".")
    if kept is None:
        return SaveError(f"{said}. Nothing of this command's result is kept: run it again once "
                         f"the file can be saved")
    return SaveError(
        f"{said}. This command's result is kept instead as {kept}: to use it, open it "
        f"('periodize open {shlex.quote(str(kept))}') and save it as {path}, or copy it over "
        f"{path.name} once the disk has room")


def _changed(season, path: str | os.PathLike, e) -> Exception:
    """The refusal of a save over a season file another program saved since it was read."""
    from planner.errors import SaveError

    beside = _kept_beside(season, Path(path))
    if beside is None:
        return SaveError(str(e.said("since this command read it", "run the command again")))
    return SaveError(str(e.said(
        "since this command read it",
        f"this command's result is kept beside it instead, as '{beside.name}': "
        f"run the command again on the file as it is now, or, to keep that result instead "
        f"of the other save, open it ('periodize open {shlex.quote(str(beside))}') and save it as "
        f"{Path(path).name}")))


def _kept_beside(season, path: Path) -> Path | None:
    """Save ``season`` as a new file next to ``path`` that says it was not stored and when
    ("s (not stored 15.31).season.json"), so a long solve's work is not lost; None when it
    cannot be written either."""
    import datetime as dt

    from planner.errors import SaveError
    from planner.seasonfile import save_season

    stem = path.name.removesuffix(".season.json").removesuffix(".json")
    when = dt.datetime.now().strftime("%H.%M")  # no colon: not in a Windows file name
    for n in range(1, 100):
        beside = path.with_name(f"{stem} (not stored {when}{f' {n}' if n > 1 else ''}).season.json")
        if _exists(beside):
            continue
        try:
            save_season(season, beside, backup=False)
        except (SaveError, OSError):
            return None
        return beside
    return None


def season_there(path: Path):
    """The season in the file at ``path`` (None when no file is there); InputError when the file
    is there but is no season Periodize can read."""
    from planner.errors import InputError, NewerFileError, PeriodizeError

    if not path.exists():
        return None
    try:
        return load_season(path)
    except NewerFileError as e:  # a season, of a newer Periodize: never offered to --replace
        raise InputError(str(path), [f"is a season written by a newer Periodize ({p}); give "
                                     f"another file name" for p in e.problems]) from None
    except PeriodizeError:
        raise InputError(str(path), ["is there already and is not a season Periodize can read; "
                                     "give another file name, or add --replace (the file is then "
                                     f"kept as {path.name}.bak)"]) from None


REPLACE_HELP = ("write over a file that is not an earlier output of the same kind (a workbook or "
                "log of your own, a coach workbook); it is kept as NAME.bak")


def _replaces(kind: str, p: Path) -> str | None:
    """Why writing output ``kind`` at the existing file ``p`` needs --replace (None: it may)."""
    what = foreign(kind, p)
    if what is None:
        return None
    return (f"{p}: is there already and {what}; writing the {_WHAT.get(kind, kind)} there would "
            f"replace it: give another file name, or add --replace (the file is then kept as "
            f"{p.name}.bak)")


def guard(outputs: dict[str, Path | None], inputs: dict[str, Path],
          saves: frozenset[str] | set[str] = frozenset(), replace: bool = False) -> None:
    """Refuse, before any work, an output that would replace an input of the command, a season
    file (unless its kind is in ``saves``: the command saves a season there), another output of
    the same command (InputError naming both), unless ``replace``, a file that is not an
    earlier output of the same kind (:func:`written_kind`), and then a file that cannot be
    written (:func:`writable`)."""
    from planner.errors import InputError

    problems: list[str] = []
    seen: list[tuple[str, Path]] = []
    for kind, p in outputs.items():
        if p is None:
            continue
        what = _WHAT.get(kind, kind)
        clash = next((f"the {name}" for name, q in inputs.items() if same_file(p, q)), None)
        if clash is None:
            clash = next((f"the {_WHAT.get(k, k)} (--{k})" for k, q in seen if same_file(p, q)), None)
        if clash is not None:
            problems.append(f"{p}: is also {clash}; writing the {what} there would destroy it; "
                            f"give another file name")
        elif kind not in FOLDERS and kind not in saves and holds_season(p):
            problems.append(f"{p}: is a season file; writing the {what} there would destroy it; "
                            f"give another file name (season files are written only by "
                            f"'--save', 'import -o' and 'demo -o')")
        elif not replace and kind not in FOLDERS and kind not in saves and (why := _replaces(kind, p)):
            problems.append(why)
        if clash is None and kind not in FOLDERS and kind not in saves and (why := open_elsewhere(p)):
            problems.append(f"{p}: {why}")
        seen.append((kind, p))
    if problems:
        raise InputError("", problems)
    for kind, p in outputs.items():
        if p is not None and kind in FOLDERS:
            folder_writable(p, kind)
        elif p is not None:
            writable(p)


def guard_folders(outputs: dict[str, Path | None], season, anonymise: bool,
                  replace: bool) -> dict[str, frozenset[str]]:
    """The calendar and handout folders: a file there under a name this export writes (one per
    athlete) that Periodize did not write is refused, named, unless ``replace``; with it, the
    file is kept as ``NAME.bak`` when the export writes its own. Returns, by output, the names
    kept so (:func:`write`'s ``kept``)."""
    from planner.errors import InputError

    problems: list[str] = []
    kept: dict[str, frozenset[str]] = {}
    for kind in ("ics", "handouts"):
        folder = outputs.get(kind)
        if folder is None:
            continue
        problems += open_in_folder(season, folder, kind, anonymise)  # as a single file's export
        for p in strangers_in_folder(season, folder, kind, anonymise):
            if replace:
                if keep_backup_for(kind, p):
                    kept[kind] = kept.get(kind, frozenset()) | {p.name}
            else:
                problems.append(f"{p}: is there already and was not written by Periodize; the "
                                f"{_WHAT[kind]} would replace it: move it, give another folder, or "
                                f"add --replace (the file is then kept as {p.name}.bak)")
    if problems:
        raise InputError("", problems[:20], more=max(0, len(problems) - 20))
    return kept


def keep_backups(outputs: dict[str, Path | None]) -> set[str]:
    """The outputs whose existing file is kept as ``NAME.bak`` when the export replaces it (the
    write's ``backup``; :func:`say_kept` says it once written). An earlier output of the same kind is not kept over a
    ``NAME.bak`` that is not: that backup is the file of the coach's that an export with
    --replace took the place of, and the earlier output can be written again from the season
    file."""
    kept = set()
    for kind, p in outputs.items():
        if p is None or kind in FOLDERS or not _exists(p) or not p.is_file():
            continue
        if keep_backup_for(kind, p):
            kept.add(kind)
    return kept


def say_kept(kind: str, path: Path, backup: set[str], file=None) -> None:
    """"The file that was at NAME is kept as NAME.bak.", once output ``kind`` is written at
    ``path`` and :func:`keep_backups` kept the file there (said before the write, it was untrue
    when the write then failed: the file was still at its name, and no .bak)."""
    if kind in backup:
        print(f"The file that was at {Path(path).name} is kept as {Path(path).name}.bak.", file=file)


def keep_handout_backups(season, folder: Path, anonymise: bool) -> frozenset[str]:
    """The earlier handout PDFs the export is about to replace that are kept as
    ``NAME.pdf.bak`` (the group's ``keep``; said once written, :func:`say_kept_in_folder`; a
    file of the coach's there is kept by :func:`guard_folders`)."""
    from planner.filegroup import athlete_file_names

    kept = []
    for name in athlete_file_names(season, anonymise, ".pdf").values():
        p = folder / name
        if _exists(p) and p.is_file() and ours_in_folder("handouts", p) and keep_backup_for("pdf", p):
            kept.append(name)
    return frozenset(kept)


def say_kept_in_folder(folder: Path, ours: frozenset[str], strangers: frozenset[str]) -> None:
    """Once a calendar or handout folder is written: the earlier outputs there kept as
    ``NAME.bak`` (``ours``, in one line) and each file of the coach's kept so (``strangers``)."""
    from planner.text import plural

    for name in sorted(strangers):
        print(f"The file that was at {folder / name} is kept as {name}.bak.")
    kept = sorted(ours - strangers)
    if len(kept) == 1:
        print(f"The handout that was at {folder / kept[0]} is kept as {kept[0]}.bak.")
    elif kept:
        print(f"The {plural(len(kept), 'handout PDF')} that were in {folder} are kept as NAME.pdf.bak "
              f"(e.g. {kept[0]}.bak).")


def headless_qt() -> None:
    """Qt for the command line's PDFs: the offscreen platform, set before Qt starts (unless
    QT_QPA_PLATFORM says otherwise). Printing to a file needs no display, and a DISPLAY naming
    a dead X server (an ssh session's leftover) aborted the export with nothing written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write(season, plan, outputs: dict[str, Path | None], anonymise: bool, check=None,
          weeks: list[int] | None = None, kept: dict[str, frozenset[str]] | None = None) -> None:
    """Write every requested output of ``plan`` (None: only those that need no plan); a file
    replaced is kept as ``NAME.bak``. ``check``: the plan checker's report of ``plan``, if the
    caller made one (the workbook's cover says what it finds). ``weeks``: the handouts' weeks and
    the workbook's Calendar, week pages and Load table (0-based; None: every week). ``kept``: the files of the coach's in the calendar and
    handout folders kept as ``NAME.bak`` (:func:`guard_folders`)."""
    note = " (anonymised)" if anonymise else ""
    if plan is not None and any(outputs.get(k) for k in ("json", "xlsx", "ics", "handouts")):
        from planner.sessions import load_catalogue

        load_catalogue()  # a session catalogue with a problem is said before any file is touched
    backup = keep_backups({k: p for k, p in outputs.items()
                           if plan is not None or k not in NEED_A_PLAN})
    if plan is not None:
        _write_plan_files(season, plan, outputs, anonymise, note, check, weeks, backup, kept or {})
    if outputs.get("pdf"):
        _write_pdf(season, plan, outputs["pdf"], anonymise, note, "pdf" in backup)
        say_kept("pdf", outputs["pdf"], backup)
    if outputs.get("template"):
        from planner.coachform.write import save_template_form

        save_template_form(season, outputs["template"], backup="template" in backup)
        print(f"Wrote the season as a coach workbook to {outputs['template']} (edit it, then "
              f"'periodize import {shlex.quote(str(outputs['template']))} -o FILE.season.json')")
        say_kept("template", outputs["template"], backup)


def write_no_plan(season, outcome, path: Path | None, anonymise: bool) -> bool:
    """The plan JSON of a solve that found no plan (``outcome``: infeasible, cancelled or
    timed out) at ``path``, the file there kept as ``NAME.bak`` as any export's; said on
    stdout. A pipeline that reads the file finds the status, not an earlier solve's plan.
    Returns whether a file was written."""
    if path is None:
        return False
    from planner.anonymise import scrub, text_pairs
    from planner.planjson import NO_PLAN, no_plan_to_json
    from planner.seasonfile import atomic_write

    status = outcome.status.value if outcome.status.value in NO_PLAN else "timeout"
    pairs = text_pairs(season) if anonymise else []  # no names, no injury dates
    conflicts = [{"rule": c.rule, "athlete": c.athlete, "from": c.start, "to": c.end,
                  "message": scrub(c.text, pairs)} for c in outcome.explanation]
    backup = keep_backups({"json": path})
    atomic_write(path, no_plan_to_json(season, status, outcome.wall_time, conflicts),
                 backup="json" in backup)
    print(f"Wrote the solve's status ({status}: no plan, objective and bound null) to {path}")
    say_kept("json", path, backup)
    return True


def _one_check(season, plan):
    """The plan checker's report of ``plan`` for the plan JSON and the workbook alike (each made
    its own: 0.4 s for a squad of 14 over 29 weeks); None when the plan cannot be checked (an
    athlete missing: each export says it as before)."""
    from planner.check import check_plan
    from planner.errors import PeriodizeError

    try:
        return check_plan(season, plan)
    except PeriodizeError:
        return None


def _write_plan_files(season, plan, outputs, anonymise: bool, note: str, check,
                      weeks: list[int] | None, backup: set[str],
                      kept: dict[str, frozenset[str]]) -> None:
    """``backup``: the outputs whose file is kept as NAME.bak (:func:`keep_backups`); ``kept``:
    the names kept so in the calendar and handout folders (:func:`guard_folders`)."""
    if check is None and outputs.get("json") and outputs.get("xlsx"):
        check = _one_check(season, plan)
    if outputs.get("json"):
        from planner.anonymise import anonymised
        from planner.planjson import plan_to_json
        from planner.seasonfile import atomic_write

        s, p = anonymised(season, plan) if anonymise else (season, plan)
        atomic_write(outputs["json"], plan_to_json(s, p, anonymise, check), backup="json" in backup)
        print(f"Wrote the plan{note} to {outputs['json']}")
        say_kept("json", outputs["json"], backup)
    if outputs.get("xlsx"):
        from planner.xlsx_export import export_workbook

        export_workbook(season, plan, outputs["xlsx"], anonymise=anonymise, check=check,
                        backup="xlsx" in backup, weeks=weeks)
        from planner.handout import weeks_words

        chosen = weeks_words(season, weeks)
        print(f"Wrote the workbook{note} to {outputs['xlsx']}"
              + (f"; its Calendar, week pages and Load table hold {chosen}" if chosen else ""))
        say_kept("xlsx", outputs["xlsx"], backup)
    if outputs.get("ics"):
        from planner.filegroup import kept_only_if_written, left_over
        from planner.ical import (
            coachs_team_files,
            export_calendars,
            no_earlier_calendars,
            team_file_words,
        )

        fresh = no_earlier_calendars(season, outputs["ics"], anonymise)
        said: list[str] = []
        with kept_only_if_written(outputs["ics"]):
            made_folder(outputs["ics"], "ics")
            files = export_calendars(season, plan, outputs["ics"], anonymise=anonymise,
                                     keep=kept.get("ics", frozenset()), notes=said)
        print(f"Wrote {len(files)} calendar file(s){note} to {outputs['ics']}: one per athlete, "
              f"and {files[-1].name} for the staff")
        for line in said:
            print(line)
        if beside := team_file_words(season, outputs["ics"], anonymise):
            print(beside)
        if fresh:
            print(fresh)
        say_kept_in_folder(outputs["ics"], frozenset(), kept.get("ics", frozenset()))
        mine = tuple(coachs_team_files(season, outputs["ics"], anonymise))  # said just above
        if extra := left_over(outputs["ics"], files, "calendar file", (*outputs.values(), *mine)):
            print(extra, file=sys.stderr)
    if outputs.get("handouts"):
        headless_qt()
        from planner.filegroup import kept_only_if_written, left_over
        from ui.desktop.handouts import export_handouts  # Qt, only for the PDFs

        keep = keep_handout_backups(season, outputs["handouts"], anonymise)
        with kept_only_if_written(outputs["handouts"]):
            made_folder(outputs["handouts"], "handouts")
            files = export_handouts(season, plan, outputs["handouts"], anonymise=anonymise,
                                    weeks=weeks, keep=keep | kept.get("handouts", frozenset()))
        print(f"Wrote {len(files)} handout PDF(s){note}, a page per athlete and week"
              f"{_weeks_words(season, weeks)}, to {outputs['handouts']}")
        from planner.handout import (
            away_left_out,
            away_left_out_words,
            gone_before,
            gone_words,
            idle_left_out,
            idle_left_out_words,
        )
        from planner.squad import display_ids, unplanned_line

        for line in gone_words(season, gone_before(season, weeks), anonymise):
            print(f"  {line}.")
        if said := unplanned_line(season, plan, anonymise, fix="solve, then export again"):
            print(f"  {said}.")
        away = away_left_out(season, display_ids(season, plan), weeks, anonymise=anonymise)
        if away:
            print(f"  {away_left_out_words(season, away, weeks, anonymise)}: no handout.")
        if idle := idle_left_out_words(idle_left_out(season, weeks)):
            print(f"  {idle}.")
        say_kept_in_folder(outputs["handouts"], keep, kept.get("handouts", frozenset()))
        if extra := left_over(outputs["handouts"], files, "PDF file", tuple(outputs.values())):
            print(extra, file=sys.stderr)


def _weeks_words(season, weeks: list[int] | None) -> str:
    """`` (week 12, 14-20 Dec 2026)``: the weeks chosen when not the whole season."""
    from planner.handout import weeks_words

    words = weeks_words(season, weeks)
    return f" ({words})" if words else ""


def _write_pdf(season, plan, path: Path, anonymise: bool, note: str, backup: bool) -> None:
    from planner.text import plural

    headless_qt()
    from ui.desktop.pdf import export_board_pdf  # Qt, only for the PDF

    pages = export_board_pdf(season.model_copy(update={"plan": plan}), path, anonymise=anonymise,
                             backup=backup)
    print(f"Wrote the season board ({plural(pages, 'page')}){note} to {path}"
          + ("" if plan is not None else "; no plan yet, so no intensities"))
