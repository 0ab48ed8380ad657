"""The season file (``*.season.json``): versioned JSON, validated on load, saved atomically.

Layout and every field: ``docs/file-format.md``. Older schema versions are upgraded by the
functions registered in ``MIGRATIONS`` (version n -> n+1) before validation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from planner import limits
from planner.coachform.cells import Bad, parse_max_speed
from planner.errors import InputError, NewerFileError, error_path
from planner.jsonread import KeysOnce, json_problem
from planner.safefile import atomic_write, digest
from planner.season import FIT, AthletePlan, Pin, Season, Unavailability, planning_start
from planner.squad import JOINED_REASON
from planner.text import (
    date_long,
    day_long,
    join_and,
    not_utf8_place,
    validation_problems,
    without_boms,
)
from planner.validate import (
    plan_problems,
    season_notes,
    season_problems,
    shared_name_notes,
    squad_first,
    without_early_targets,
)

FORMAT = "periodize-season"
SCHEMA_VERSION = 6


class FileReadError(InputError):
    """A season file the system would not let Periodize read (permission denied, an I/O error)
    or that is not there (``missing``): nothing is known to be wrong with what it holds, and a
    read that failed now may succeed later."""

    def __init__(self, source: str, problems: list[str], missing: bool = False):
        super().__init__(source, problems)
        self.missing = missing


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


def _v3_to_v4(data: dict) -> dict:
    """Schema 4: a plan records the planner version that made it (``planner_version``; a plan
    without one was made before it was recorded: version 1) and, per athlete, the stage it had
    planned for a past day that went otherwise (``planned_stages``). Nothing to convert; the bump
    makes an older Periodize refuse the file by its version ("update Periodize") instead of asking
    the coach to delete fields it does not know."""
    return dict(data)


def _v4_to_v5(data: dict) -> dict:
    """Schema 5: a scenario records what the season was when its plan was made
    (``planned_for``, a digest of each part; absent: planned before it was recorded, never
    called out of date). Nothing to convert; the bump makes an older Periodize refuse the file
    by its version instead of by a field it does not know."""
    return dict(data)


def _v5_to_v6(data: dict) -> dict:
    """Schema 6: a plan records the session log it was made with (``logged_with``, a digest per
    athlete-day logged), so the days logged since are named after the file is opened again;
    absent: made before it was recorded, no day called logged since. Nothing to convert; the
    bump makes an older Periodize refuse the file by its version instead of by a field it does
    not know."""
    return dict(data)


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                 4: _v4_to_v5, 5: _v5_to_v6}  # from -> + 1
# a pin's kind, a tag in its error paths and the kinds a pin without one is told of
_PIN_KINDS = tuple(m.model_fields["kind"].default for m in get_args(get_args(Pin)[0]))


def season_from_dict(data: object, source: str = "", notes: list[str] | None = None) -> Season:
    """The season of a season file's JSON; InputError with every located problem otherwise.
    ``notes``: a list that receives what it holds that a coach should hear of (a competition on
    a day off, an injury after the season; planner.validate.season_notes) and a target
    competition over before its injury's onset, which is ignored."""
    if not isinstance(data, dict):
        raise InputError(source, ["not a season file: the top level must be a JSON object"])
    fmt = data.get("format")
    if fmt != FORMAT:
        said = ("it has no \"format\" entry" if fmt is None else
                f"its \"format\" is {_short(fmt)}, not {FORMAT!r}")
        raise InputError(source, [f"this is not a Periodize season file ({said})"])
    deep = limits.nesting_problem(data)
    if deep:
        raise InputError(source, [deep])
    version = data.get("schema_version")
    if "schema_version" not in data:  # said as the other missing entries are, with what to write
        raise InputError(source, [f"schema_version: missing; add \"schema_version\": "
                                  f"{SCHEMA_VERSION} after \"format\" if the file was written by "
                                  f"this Periodize, or open a copy saved by Periodize"])
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(source, [f"schema_version: {_short(version)} is not a version number; a "
                                  f"season file has a whole number from 1 to {SCHEMA_VERSION} there "
                                  f"(this Periodize writes {SCHEMA_VERSION}): check the file, or "
                                  f"open a copy saved by Periodize"])
    if version > SCHEMA_VERSION:
        raise NewerFileError(source, [
            f"schema_version: {version} is newer than this Periodize understands ({SCHEMA_VERSION}); "
            f"update Periodize to open it"
        ], version)
    too_big = limits.count_problems(data)
    if too_big:
        raise InputError(source, too_big)
    data = dict(data)
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](data)
        except (TypeError, AttributeError, ValueError, KeyError) as e:  # a malformed old file
            raise InputError(source, [f"schema_version {version}: cannot be upgraded to "
                                      f"{version + 1} ({e.__class__.__name__}); the file is damaged "
                                      f"or was not written by Periodize"]) from None
        version += 1
    body = _with_shared_log({k: v for k, v in data.items() if k not in ("format", "schema_version")})
    season, unread = _validated(body, source)
    plan, season = season.plan, season.model_copy(update={"plan": None})
    problems = season_problems(season) + scenario_problems(season)
    if problems:
        raise InputError(source, *squad_first(data, problems))  # a missing or empty squad first
    unfit = _plan_value_problems(unread, season) if unread else plan_problems(season, plan)
    kept = ""
    if unfit and not unread and (fitted := squad_fitted(season, plan)) is not None:
        season, plan, kept = fitted  # a squad changed in the file: the plan kept, as an edit does
        unfit = []
    if not unfit and plan is not None:
        season = season.model_copy(update={"plan": plan})
    if notes is not None:
        notes += (season_notes(season) + shared_name_notes(season) + ([kept] if kept else [])
                  + ([left_out_note(unfit, under_way(season) and plan is not None)]
                     if unfit else []))
    return without_early_targets(season, notes)


def _validated(body: dict, source: str) -> tuple[Season, list[dict]]:
    """The season of ``body`` and the validation errors of its stored plan, when only the plan
    is damaged (the season is read without it); InputError when any other part is."""
    try:
        return Season.model_validate(body), []
    except ValidationError as e:
        errors = e.errors()
    rest = [x for x in errors if x["loc"][:1] != ("plan",)]
    if not rest:
        try:
            return Season.model_validate({**body, "plan": None}), errors
        except ValidationError as e:
            rest = e.errors()
    raise InputError(source, validation_problems(rest, tags=_PIN_KINDS, note=kmh_note)) from None


def kmh_note(e: dict) -> str:
    """What an athlete's max speed refused as above 15 m/s reads as when it is a speed in km/h,
    as the coach workbook reads a bare number (``parse_max_speed``: the same range): " (33 looks
    like km/h: ...)"; "" for any other error or value. A coach who typed a GPS vest's figure
    into the file by hand was told only "33 is more than 15"."""
    value = e.get("input")
    if e.get("type") != "less_than_equal" or e["loc"][-1:] != ("max_speed",) \
            or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    try:
        ms, kmh = parse_max_speed(value)
    except Bad:
        return ""
    if not kmh:
        return ""
    return (f" ({value:g} looks like km/h: {value:g} km/h is {ms:g} m/s; max_speed is in m/s, "
            f"so write {ms:g})")


def _plan_value_problems(errors: list[dict], season: Season) -> list[str]:
    """The stored plan's validation errors located as :func:`planner.validate.plan_problems`
    locates a value: ``plan.athletes[0].intensity[5] (2026-08-08)`` (a plan has no pin kinds to
    leave out of the path)."""
    from planner.timeline import Timeline

    days = Timeline(season).days
    out = []
    for problem, e in zip(validation_problems(errors), errors, strict=False):
        loc = tuple(e["loc"])
        if len(loc) == 5 and loc[3] in ("stages", "intensity") and isinstance(loc[4], int) \
                and loc[4] < len(days):
            where = error_path(loc)
            problem = problem.replace(where, f"{where} ({days[loc[4]].isoformat()})", 1)
        out.append(problem)
    return out


def left_out_note(problems: list[str], past: bool = False) -> str:
    """The one note of a stored plan that no longer fits its season, which is read without it:
    the plan is derived data, made again by solving. ``past``: the season is under way, and the
    plan was the only record of what was planned for the days before today (their levels, the
    deload weeks): a solve plans them as logged, which is said with the way to keep them."""
    more = f", and {len(problems) - 1} more" if len(problems) > 1 else ""
    first = problems[0].split("; ")[0]  # its place and value: the way on is said once, here
    said = (f"the stored plan no longer fits the season ({first}{more}); it was left out: solve "
            f"again (F5 in the app, or periodize solve SEASON --save); the file keeps the old plan "
            f"until the season is saved")
    if past:
        said += ("; the season is under way and that plan is the only record of what was planned "
                 "for the days before today (their levels, the deload and taper weeks): solved "
                 "again, they read as logged and those planned figures are lost once the season "
                 "is saved; to keep them, correct the file before saving (its backup, the file "
                 "name with .bak, holds the version before the last save)")
    return said


def under_way(season: Season) -> bool:
    """Whether ``season`` has days before today: a stored plan holds what was planned for them."""
    cal = season.calendar
    return cal.today is not None and cal.today > cal.start


def squad_fitted(season: Season, plan) -> tuple[Season, object, str] | None:
    """A stored plan that does not fit the squad only because athletes were added to or removed
    from the file by hand, kept as the app's Add athlete and Delete athlete keep it
    (``planner.edits``): the others' rows as they were (in a season under way the plan is the
    only record of the past's week kinds and planned levels), a newcomer's at 0 % and listed as
    not planned (``Plan.unplanned``) until the next solve, a removed athlete's row dropped. A
    newcomer to a season under way with nothing of theirs recorded before today joins today, as
    Add athlete has them join: the days before are "not in the squad yet". Returns the season,
    the plan and the note saying so; None when the plan does not fit for another reason too."""
    if plan is None or not plan.athletes:
        return None
    ids = [a.id for a in season.athletes]
    rows = [ap.athlete for ap in plan.athletes]
    if len(set(rows)) != len(rows):
        return None  # an athlete planned twice: no squad change
    added = [aid for aid in ids if aid not in set(rows)]
    gone = [aid for aid in rows if aid not in set(ids)]
    kept = tuple(ap for ap in plan.athletes if ap.athlete not in gone)
    if not (added or gone) or not kept:
        return None
    n = len(kept[0].intensity)
    fitted = plan.model_copy(update={
        "athletes": kept + tuple(AthletePlan(athlete=aid, stages=(FIT,) * n, intensity=(0,) * n,
                                             weeks=plan.team_weeks) for aid in added),
        "status": "manual",
        "unplanned": (*(x for x in plan.unplanned if x not in gone), *added)})
    if plan_problems(season, fitted):
        return None
    cal = season.calendar
    joins = planning_start(season)
    joined = [aid for aid in added if under_way(season) and joins <= cal.end
              and not _recorded_before(season, aid, joins)]
    if joined:
        with_them = season.model_copy(update={"unavailability": season.unavailability + tuple(
            Unavailability(athlete=aid, start=cal.start, end=joins - dt.timedelta(days=1),
                           reason=JOINED_REASON) for aid in joined)})
        if season_problems(with_them):
            joined = []
        else:
            season = with_them
    said = [f"{join_and([season.athlete_label(x) for x in added])} added in the file"] if added else []
    said += [f"{join_and(gone)} no longer in the squad"] if gone else []
    edits = join_and(["Add athlete"] * bool(added) + ["Delete athlete"] * bool(gone))
    note = (f"the stored plan did not fit the squad ({'; '.join(said)}): it is kept as the app's "
            f"{edits} {'keeps' if len(said) == 1 else 'keep'} it, the others' rows as they were "
            f"(their days before today as planned)")
    if added:
        names = join_and([season.athlete(x).name for x in added])
        note += (f"; {names} {'is' if len(added) == 1 else 'are'} not planned until you solve "
                 f"again (F5 in the app, or periodize solve SEASON --save)")
    if joined:
        who = "they join" if joined == added else (
            f"{join_and([season.athlete(x).name for x in joined])} "
            f"{'joins' if len(joined) == 1 else 'join'}")
        note += (f"; {who} the squad today, "
                 f"{day_long(joins)}: the days before are \"{JOINED_REASON}\" (an absence, to "
                 f"change if they joined earlier)")
    if gone:
        note += f"; the plan's row{'s' if len(gone) > 1 else ''} of {join_and(gone)} dropped"
    return season, fitted, note


def _recorded_before(season: Season, aid: str, day: dt.date) -> bool:
    """Whether anything of ``aid``'s is recorded before ``day`` (a session, an injury, an
    absence): then they were with the squad, not a signing joining today."""
    return (any(x.athlete == aid and x.date < day for x in season.sessions)
            or any(i.athlete == aid for i in season.injuries)
            or any(u.athlete == aid and u.start < day for u in season.unavailability))


def scenario_problems(season: Season) -> list[str]:
    """Each scenario edit that does not read as an edit, located by scenario and edit."""
    from planner.edits import check_edit_dicts

    out = []
    for i, sc in enumerate(season.scenarios):
        for j, edit in enumerate(sc.edits):
            try:
                check_edit_dicts((edit,), sc.name)
            except InputError as e:
                where = f"scenarios[{i}].edits[{j}] (scenario '{sc.name}', edit {j + 1})"
                out += [f"{where}: {p}" for p in e.problems]
    return out


def _short(value: object, keep: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text)} characters)"


def season_to_dict(season: Season) -> dict:
    body = season.model_dump(mode="json", exclude_none=False)
    # a scenario's plan made with the season plan's log (most are) is written without it: one
    # copy a file (67 KB on the logged demo), not one a scenario plan (_with_shared_log reads it)
    for plan in (body["plan"], *(sc[k] for sc in body["scenarios"] for k in _SCENARIO_PLANS)):
        if plan is not None and not plan["unplanned"]:
            del plan["unplanned"]  # written only when some rows are placeholders
        if plan is not None and plan["planned_from"] is None:
            del plan["planned_from"]  # written only for a season planned from after its start
    shared = season.plan.logged_with if season.plan is not None else None
    if shared is not None:
        for sc, out in zip(season.scenarios, body["scenarios"], strict=True):
            for key in _SCENARIO_PLANS:
                if getattr(sc, key) is not None and getattr(sc, key).logged_with == shared:
                    del out[key]["logged_with"]
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, **body}


_SCENARIO_PLANS = ("base_plan", "plan")  # a scenario's plans


def _with_shared_log(body: dict) -> dict:
    """``body`` with each scenario plan written without ``logged_with`` given the season plan's
    (``season_to_dict``; an explicit ``null`` stays none). A file from before it was recorded
    has none in the season's plan either, so its scenario plans stay without."""
    plan, scenarios = body.get("plan"), body.get("scenarios")
    if not isinstance(plan, dict) or plan.get("logged_with") is None or not isinstance(scenarios, list):
        return body
    out = []
    for sc in scenarios:
        if isinstance(sc, dict):
            sc = {k: ({**v, "logged_with": plan["logged_with"]}
                      if k in _SCENARIO_PLANS and isinstance(v, dict) and "logged_with" not in v
                      else v) for k, v in sc.items()}
        out.append(sc)
    return {**body, "scenarios": out}


def loads(text: str, source: str = "", notes: list[str] | None = None) -> Season:
    once = KeysOnce()
    try:
        data = json.loads(text, object_pairs_hook=once)
    except json.JSONDecodeError as e:
        if not text.strip():
            raise InputError(source, ["the file is empty; it is not a season (a save that never "
                                      "finished does not leave one: was it made elsewhere?)"]) from None
        raise InputError(source, [f"{json_problem(e)}; the file is damaged or cut "
                                  f"short"]) from None
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        long = re.search(r"\d{4301,}", text)
        if long is not None:
            line = text.count("\n", 0, long.start()) + 1
            column = long.start() - (text.rfind("\n", 0, long.start()) + 1) + 1
            raise InputError(source, [f"line {line}, column {column}: a number of "
                                      f"{len(long.group()):,} digits; no season holds one: the file "
                                      f"is damaged or was not written by Periodize"]) from None
        raise InputError(source, [f"not a season file Periodize can read ({str(e)[:80]})"]) from None
    except RecursionError:
        raise InputError(source, [f"nested more than {limits.MAX_DEPTH} levels deep (far more: "
                                  f"Python cannot even read it); this is not a file Periodize "
                                  f"wrote"]) from None
    if twice := once.problems(data):
        raise InputError(source, twice)
    return season_from_dict(data, source, notes)


def dumps(season: Season) -> str:
    return json.dumps(season_to_dict(season), indent=1, ensure_ascii=False) + "\n"


def load_season(path: str | os.PathLike, notes: list[str] | None = None,
                digests: list[str] | None = None) -> Season:
    """The season file at ``path`` (``notes``: as :func:`season_from_dict`). ``digests``: the
    :func:`planner.safefile.digest` of the bytes read is appended, for :func:`save_season`'s
    ``expected`` (a save over the file read refused when another program saved it since)."""
    p = Path(path)
    if why := limits.not_a_file(p, "season file"):
        raise InputError(str(p), [why])
    try:
        size = p.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise InputError(str(p), [f"is {size / 2**20:,.0f} MB; a season file is at most "
                                      f"{limits.MAX_FILE_BYTES // 2**20} MB (a 300-athlete, "
                                      f"two-year season with a plan is about 6 MB)"])
        with p.open("rb") as f:  # at most the limit, also from a device or a pipe (/dev/zero)
            raw = f.read(limits.MAX_FILE_BYTES + 1)
        if len(raw) > limits.MAX_FILE_BYTES:
            raise InputError(str(p), [f"holds more than {limits.MAX_FILE_BYTES // 2**20} MB; a "
                                      f"season file is at most that"])
    except FileNotFoundError:
        raise FileReadError(str(p), ["no such file; check the path"], missing=True) from None
    except IsADirectoryError:
        raise InputError(str(p), ["is a folder, not a season file"]) from None
    except OSError as e:
        raise FileReadError(str(p), [f"cannot be read ({e.strerror})"]) from None
    if digests is not None:
        digests.append(digest(raw))
    if wrong := _other_kind(raw, p.name):
        raise InputError(str(p), [wrong])
    body = without_boms(raw)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(str(p), [_not_utf8(body, e)], note=_backup_note(p)) from None
    try:
        return loads(text, str(p), notes)
    except InputError as e:
        note = _backup_note(p) if not e.note else e.note
        if not note:
            raise
        raise InputError(e.source, e.problems, e.more, note=note) from None


def _other_kind(raw: bytes, name: str) -> str | None:
    """What a file given as a season file is when it is plainly another kind a coach has at
    hand, with the way to read it: an Excel workbook (a zip file holding ``xl/``), or a session
    log (a first line of separated cells that names the athlete and the date, as
    ``planner.logfile`` reads its headers). None for anything else."""
    if raw.startswith(b"PK\x03\x04"):
        if b"xl/" not in raw:
            return ("is a zip file, not a season: open the .season.json file Periodize saved "
                    "(File ▸ Open)")
        return (f"is an Excel workbook, not a season: to make a season of a coach workbook, use "
                f"File ▸ Import Excel Workbook… (periodize import {name} -o NEW.season.json)")
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's 'Unicode text'
    first = raw[:4096].decode("utf-16" if utf16 else "utf-8-sig", errors="replace")
    first = first.lstrip().partition("\n")[0]
    sep = next((c for c in (";", "\t", ",") if c in first), None)
    if first.startswith("{") or sep is None:
        return None
    from planner.logfile import header_keys

    if not {"athlete", "date"} <= header_keys([cell.strip().strip('"') for cell in first.split(sep)]):
        return None
    return (f"looks like a session log (its first line is a table's header), not a season: to "
            f"add its sessions to a season, use File ▸ Import Sessions… (periodize log "
            f"SEASON.season.json {name})")


def _not_utf8(body: bytes, e: UnicodeDecodeError) -> str:
    """Why a season file that is not UTF-8 cannot be read (``body``: its bytes without their
    byte-order marks, :func:`planner.text.without_boms`): a season edited by hand and saved in
    the editor's own encoding (Notepad's "ANSI": "Müller" as one byte) names the line and the
    fix; anything else is no season file."""
    if not body.lstrip().startswith(b"{") or b"\x00" in body[:4096]:
        return "is not UTF-8 text; is it really a .season.json file?"
    return (f"{not_utf8_place(body, e)} is not UTF-8 text: the file was saved in another "
            f"encoding (an editor's 'ANSI' or 'Western'); open it in the editor and save it again "
            f"as UTF-8")


def readable_backup(path: str | os.PathLike) -> Path | None:
    """The backup of a season file (the version before the last save), when it can be read:
    the way back from a file that cannot be."""
    p = Path(path)
    bak = p.with_name(p.name + ".bak")
    if p.suffix == ".bak" or not bak.is_file() or not reads_as_season(bak):
        return None
    return bak


def reads_as_season(path: str | os.PathLike) -> bool:
    """Whether the file at ``path`` opens as a season (a cut-short copy does not)."""
    return read_problem(path) is None


def intact(path: str | os.PathLike) -> bool:
    """Whether the file at ``path`` is a whole season file: it opens, or a newer Periodize wrote
    it (not damaged: only this one cannot read it). The backup rule of :func:`save_season` sets
    aside only a file that is not."""
    try:
        load_season(path)
    except NewerFileError:
        return True
    except (InputError, OSError):
        return False
    return True


def read_problem(path: str | os.PathLike) -> str | None:
    """Why the file at ``path`` does not open as a season, in the words a coach sees ("line
    1430, column 6: not valid JSON …"), or None when it opens."""
    try:
        load_season(path)
    except InputError as e:
        return "; ".join(e.problems)
    except OSError as e:
        return f"cannot be read ({e.strerror or e.__class__.__name__})"
    return None


def _backup_note(p: Path) -> str:
    """When a season file cannot be read: its backup, if that one can be, named with the way back."""
    bak = readable_backup(p)
    try:
        when = dt.datetime.fromtimestamp(bak.stat().st_mtime) if bak else None
    except OSError:
        return ""
    if when is None:
        return ""
    return (f"Its backup {bak.name} (the version before the last save, {date_long(when)} {when:%H:%M}) "
            f"can be read: open it (File ▸ Open), or copy it over {p.name}.")


def save_season(season: Season, path: str | os.PathLike, backup: bool = True,
                expected: str | None = None, set_aside: list[Path] | None = None) -> str:
    """Save atomically (``planner.safefile``): the previous file kept as ``.bak``, a new file
    readable by its owner only; a previous file that does not read as a season never replaces a
    ``.bak`` that does: it is kept as ``NAME.damaged-YYYYMMDD-HHMM``, appended to ``set_aside``. ``expected``: the digest of the file as it was read
    (:func:`load_season`'s ``digests``); when another program saved it since,
    :class:`planner.errors.ChangedOnDiskError` and nothing is written. Returns the digest of
    what was written (``expected`` of a later save over it)."""
    data = dumps(season).encode("utf-8")
    kept = atomic_write(path, data, backup=backup, private=True, expected=expected,
                        sound=intact)
    if kept is not None and not kept.name.endswith(".bak") and set_aside is not None:
        set_aside.append(kept)
    return digest(data)


# the bytes a plan adds to a season file per athlete and season day (about 45 written; a
# margin for longer stage and week names), and the room kept free beyond a save's own files
PLAN_BYTES_PER_ATHLETE_DAY = 64
ROOM_MARGIN = 1 << 20  # 1 MiB


def expected_size(season: Season) -> int:
    """About the bytes of ``season``'s file once planned (its plan written out, or an earlier
    plan replaced): the rest as it is now, and the plan from the squad and the season's days."""
    rest = len(dumps(season.model_copy(update={"plan": None})).encode("utf-8"))
    days = (season.calendar.end - season.calendar.start).days + 1
    return rest + PLAN_BYTES_PER_ATHLETE_DAY * max(1, len(season.athletes)) * days + 4096


def room_problem(season: Season, path: str | os.PathLike) -> str | None:
    """Why the season file at ``path`` could not take ``season`` planned, said before long work
    (a solve) rather than after it: the disk has too little free space for the new file and the
    backup the save copies beside it, with :data:`ROOM_MARGIN` over; None when it has room (or
    cannot be told). The words and fix are a full disk's (``planner.safefile.save_failure``)."""
    import shutil

    from planner.safefile import ANOTHER_FOLDER

    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    try:
        free = shutil.disk_usage(folder).free
        old = p.stat().st_size if p.is_file() else 0
    except OSError:
        return None  # the save says what is wrong
    need = expected_size(season) + old + ROOM_MARGIN
    if free >= need:
        return None
    return (f"{path}: too little free space to save it (the disk has {_size(free)} free; the "
            f"planned season needs about {_size(need)} with its backup); nothing was solved or "
            f"changed; free some space on the disk, or {ANOTHER_FOLDER}")


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{max(1, round(n / 1024))} KB"
