"""The season file (``*.season.json``): versioned JSON, validated on load, saved atomically.

Layout and every field: ``docs/file-format.md``. Older schema versions are upgraded by the
functions registered in ``MIGRATIONS`` (version n -> n+1) before validation.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from planner.errors import InputError, SaveError
from planner.season import Season
from planner.text import validation_problems
from planner.validate import season_problems

FORMAT = "periodize-season"
SCHEMA_VERSION = 3


def _v1_to_v2(data: dict) -> dict:
    """Schema 2 (rules v2): criteria tests move from each stage record to the injury record (the
    stage a test was taken in follows from its date); roles, several injury records per athlete
    and flare-up notes are new and optional."""
    out = dict(data)
    injuries = []
    for inj in data.get("injuries") or []:
        if not isinstance(inj, dict):
            injuries.append(inj)
            continue
        inj = dict(inj)
        tests = list(inj.get("tests") or [])
        stages = []
        for rec in inj.get("stages") or []:
            if isinstance(rec, dict) and "tests" in rec:
                rec = dict(rec)
                tests += list(rec.pop("tests") or [])
            stages.append(rec)
        inj["stages"] = stages
        if tests:
            inj["tests"] = tests
        injuries.append(inj)
    if "injuries" in data:
        out["injuries"] = injuries
    return out


def _v2_to_v3(data: dict) -> dict:
    """Schema 3 (a season in progress): a logged session gains the optional top speed (% or m/s),
    minutes played, pain and note, and its numbers keep the order a coach logs them; a schema-2
    session (athlete, date, rpe, minutes) is read as it is. The bump makes an older Periodize
    refuse a file with the new session fields by its version rather than by a field it does not
    know."""
    out = dict(data)
    if isinstance(data.get("sessions"), list):
        out["sessions"] = [dict(x) if isinstance(x, dict) else x for x in data["sessions"]]
    return out


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3}  # from-version -> version + 1
_PIN_KINDS = ("intensity", "week", "stage_start")  # a pin's kind, a tag in its error paths
_UMASK = os.umask(0o022)  # read once (at import, before any thread) ...
os.umask(_UMASK)  # ... and put back


def season_from_dict(data: object, source: str = "") -> Season:
    if not isinstance(data, dict):
        raise InputError(source, ["not a season file: the top level must be a JSON object"])
    fmt = data.get("format")
    if fmt != FORMAT:
        raise InputError(source, [f"format: {fmt!r} is not {FORMAT!r}; this is not a Periodize season file"])
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise InputError(source, [f"schema_version: {version!r} is not a version number"])
    if version > SCHEMA_VERSION:
        raise InputError(source, [
            f"schema_version: {version} is newer than this Periodize understands ({SCHEMA_VERSION}); "
            f"update Periodize to open it"
        ])
    data = dict(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    body = {k: v for k, v in data.items() if k not in ("format", "schema_version")}
    try:
        season = Season.model_validate(body)
    except ValidationError as e:
        raise InputError(source, validation_problems(e.errors(), tags=_PIN_KINDS)) from None
    problems = season_problems(season)
    if problems:
        raise InputError(source, problems)
    return season


def season_to_dict(season: Season) -> dict:
    body = season.model_dump(mode="json", exclude_none=False)
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, **body}


def loads(text: str, source: str = "") -> Season:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(source, [f"line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"]) from None
    return season_from_dict(data, source)


def dumps(season: Season) -> str:
    return json.dumps(season_to_dict(season), indent=1, ensure_ascii=False) + "\n"


def load_season(path: str | os.PathLike) -> Season:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(str(p), ["no such file; check the path"]) from None
    except IsADirectoryError:
        raise InputError(str(p), ["is a folder, not a season file"]) from None
    except OSError as e:
        raise InputError(str(p), [f"cannot be read ({e.strerror})"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(p), ["is not UTF-8 text; is it really a .season.json file?"]) from None
    return loads(text, str(p))


def atomic_write(path: str | os.PathLike, data: bytes | str, backup: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    A temporary file in the same folder is written and fsynced, then renamed over the target.
    With ``backup`` the previous file is kept as ``<name>.bak``.
    """
    p = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(f"{p}: the folder {folder} does not exist; choose an existing folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise SaveError(f"{p}: cannot write in {folder} ({e.strerror}); choose another folder") from None
    try:
        # mkstemp makes the file private (0600); give it the mode the user's files get
        os.chmod(tmp, (p.stat().st_mode & 0o777) if p.exists() else (0o666 & ~_UMASK))
    except OSError:
        pass
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and p.exists():
            shutil.copy2(p, p.with_name(p.name + ".bak"))
        os.replace(tmp, p)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, PermissionError) and p.exists():  # e.g. Windows: open in Excel
            raise SaveError(f"{p}: could not be replaced ({e.strerror}); is it open in another "
                            f"program (Excel, a viewer) or read-only? close it and save again; "
                            f"the previous file is unchanged") from None
        raise SaveError(f"{p}: could not be saved ({e.strerror}); the previous file is unchanged") from None
    try:  # make the rename durable where the platform allows it
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def save_season(season: Season, path: str | os.PathLike, backup: bool = True) -> None:
    atomic_write(path, dumps(season), backup=backup)
