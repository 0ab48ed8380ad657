"""Reading logged sessions from a CSV or an Excel workbook (interfaces.md section 2, `Sessions`).

Columns: `Athlete ID`, `Date`, `Minutes`, `RPE`, and optional `Top speed %`, `Top speed m/s`,
`Minutes played`, `Pain`, `Note`, in any order and case. Column names as GPS and
athlete-monitoring exports write them are recognised where unambiguous (`Player`, `Duration`,
`sRPE`, `Max Velocity`, `Max Velocity (km/h)`...); the result names the mapping it used. An
athlete is named by ID or by name. Every problem is located ("sessions.csv, row 7, RPE: ...")
and nothing is added while there is one; a row that repeats another (or a session already in the
season) is reported and counted once.

Read with pandas, column at a time: a season's log (40 athletes x 300 days) in well under a
second.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import InputError
from planner.season import Season, Session

MAX_ROWS = 200_000  # a season's log is at most a few tens of thousands of rows

# field -> header spellings (lower case, spaces and punctuation folded)
ALIASES: dict[str, tuple[str, ...]] = {
    "athlete": ("athlete id", "athlete", "id", "player", "player id", "player name", "name",
                "athlete name"),
    "date": ("date", "session date", "day"),
    "minutes": ("minutes", "duration", "duration min", "duration mins", "session duration",
                "session minutes", "mins", "training minutes"),
    "rpe": ("rpe", "srpe", "session rpe", "cr10", "rpe cr10"),
    "top_pct": ("top speed %", "top speed pct", "top speed percent", "% max speed", "max speed %",
                "vmax %", "% vmax", "percent max speed"),
    "top_ms": ("top speed m/s", "top speed ms", "max velocity", "max velocity m/s", "max speed m/s",
               "vmax", "vmax m/s", "top speed", "peak speed", "peak speed m/s"),
    "top_kmh": ("max velocity km/h", "max velocity kmh", "top speed km/h", "top speed kmh",
                "max speed km/h", "peak speed km/h", "vmax km/h"),
    "played": ("minutes played", "mins played", "match minutes", "minutes on pitch", "playing time"),
    "pain": ("pain", "pain score", "pain 0-10", "pain 0 10", "pain vas"),
    "note": ("note", "notes", "comment", "comments"),
}
REQUIRED = ("athlete", "date", "minutes", "rpe")
LABEL = {"athlete": "Athlete ID", "date": "Date", "minutes": "Minutes", "rpe": "RPE",
         "top_pct": "Top speed %", "top_ms": "Top speed m/s", "top_kmh": "Top speed km/h",
         "played": "Minutes played", "pain": "Pain", "note": "Note"}

# column key -> (lowest, highest, what a value means): the Session model's bounds in a coach's words
LIMITS: dict[str, tuple[float, float, str]] = {
    "minutes": (0, 600, "a session's length in minutes"),
    "rpe": (0, 10, "session RPE on the CR-10 scale"),
    "top_pct": (0, 110, "top speed in % of the athlete's max speed"),
    "top_ms": (0, 16.5, "top speed in m/s"),
    "played": (0, 600, "minutes played in a match"),
    "pain": (0, 10, "pain on a 0-10 scale"),
}


def limit_problem(key: str, value: float) -> str | None:
    """Why ``value`` cannot be in column ``key`` (None when it can)."""
    lo, hi, what = LIMITS[key]
    if key == "top_ms" and value == 0:
        return "0 m/s is no top speed; leave the cell empty when no speed was measured"
    if lo <= value <= hi:
        return None
    return f"{value:g} is outside {lo:g}-{hi:g}; write {what}"


def fold(header: object) -> str:
    """A header as compared: lower case, brackets and repeated spaces folded."""
    text = str(header).strip().lower().replace("(", " ").replace(")", " ").replace("_", " ")
    return " ".join(text.split())


@dataclass
class LogResult:
    sessions: list[Session]
    mapping: dict[str, str]  # field -> the header it was read from
    repeated: list[str] = field(default_factory=list)  # rows counted once
    notes: list[str] = field(default_factory=list)  # how ambiguous columns were read

    def text(self) -> str:
        lines = ["Columns read: " + ", ".join(f"{LABEL[k]} <- '{v}'" for k, v in self.mapping.items())]
        lines += self.notes
        lines += [f"Counted once: {r}" for r in self.repeated]
        return "\n".join(lines)


def read_frame(path: str | Path):
    """The table of a CSV or an Excel workbook (the `Sessions` sheet, else the first)."""
    import pandas as pd

    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            sep = _separator(p)
            # a row with more fields than the header: pandas would make its first field the
            # index and shift the rest, so the wrong columns would be blamed
            long = _long_rows(p, sep)
            if long:
                raise InputError(str(path), long[:10], more=len(long) - 10 if len(long) > 10 else 0)
            return pd.read_csv(p, dtype=str, keep_default_na=False, sep=sep, index_col=False,
                               nrows=MAX_ROWS + 1, encoding="utf-8-sig")
        if suffix in (".xlsx", ".xlsm"):
            return _read_excel(p)
    except FileNotFoundError:
        raise InputError(str(path), ["no such file; check the path"]) from None
    except UnicodeDecodeError:
        raise InputError(str(path), [f"cannot be read as {suffix[1:].upper()}: it is not UTF-8 "
                                     f"text; save it again as 'CSV UTF-8' (Excel: File ▸ Save As)"]
                         ) from None
    except ValueError as e:
        raise InputError(str(path), [f"cannot be read as {suffix[1:].upper()}: {e}"]) from None
    raise InputError(str(path), [f"'{p.suffix or p.name}' is not a CSV or an Excel (.xlsx) file; "
                                 f"export the log as CSV or XLSX"])


def _long_rows(p: Path, sep: str) -> list[str]:
    """A problem for each row with more fields than the header."""
    import csv

    try:
        with p.open("r", encoding="utf-8-sig", errors="replace", newline="") as f:
            rows = csv.reader(f, delimiter=sep)
            width = len(next(rows, []))
            return [f"row {n} has {len(r)} fields but the header has {width}: remove the extra "
                    f"separators, or put a note that holds a '{sep}' in quotes"
                    for n, r in enumerate(rows, start=2) if len(r) > width]
    except csv.Error:  # not text a CSV reader takes: pandas says what is wrong with it
        return []


def _separator(p: Path) -> str:
    """The CSV's separator from its header line: `,`, `;` (European exports) or a tab."""
    with p.open("r", encoding="utf-8-sig", errors="replace") as f:
        head = f.readline()
    counts = {sep: head.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_excel(p: Path):
    import zipfile

    import pandas as pd

    from planner.coachform.guard import package_problems

    try:  # the workbook bounds of the coach form (parts, sizes, shared strings, cells, DTDs)
        too_big = package_problems(p)
    except (zipfile.BadZipFile, OSError):
        raise InputError(str(p), ["is not an Excel workbook (.xlsx); export the log as CSV or XLSX"]) from None
    if too_big:
        raise InputError(str(p), too_big)
    book = pd.ExcelFile(p, engine="openpyxl")
    sheet = next((n for n in book.sheet_names if fold(n) == "sessions"), book.sheet_names[0])
    frame = pd.read_excel(book, sheet_name=sheet, dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1)
    frame.attrs["sheet"] = sheet  # errors name it: "log.xlsx, sheet Sessions: row 2, RPE: ..."
    return frame


def read_sessions(path: str | Path, season: Season) -> LogResult:
    """The sessions of a CSV or XLSX log for ``season``, or InputError with every problem."""
    frame = read_frame(path)
    sheet = frame.attrs.get("sheet")
    return sessions_from_frame(frame, season, Path(path).name + (f", sheet {sheet}" if sheet else ""))


def column_label(column: object, columns: list) -> str:
    """A header as the coach wrote it: pandas names a repeated header ``RPE.1`` and an empty one
    ``Unnamed: 3``."""
    text = str(column)
    m = re.fullmatch(r"(.*)\.(\d+)", text)
    if m and m.group(1) in [str(c) for c in columns]:
        return f"a second '{m.group(1)}'"
    m = re.fullmatch(r"Unnamed: (\d+)", text)
    if m:
        return f"column {int(m.group(1)) + 1} (no header)"
    return repr(text)


def _mapping(columns: list, source: str) -> dict[str, str]:
    folded = {fold(c): c for c in columns}
    mapping: dict[str, str] = {}
    for key, names in ALIASES.items():
        hit = next((folded[n] for n in names if n in folded and folded[n] not in mapping.values()), None)
        if hit is not None:
            mapping[key] = hit
    missing = [LABEL[k] for k in REQUIRED if k not in mapping]
    if missing:
        raise InputError(source, [f"no column for {', '.join(missing)}; the columns are "
                                  f"{', '.join(column_label(c, columns) for c in columns) or 'none'}; name them "
                                  f"Athlete ID, Date, Minutes, RPE (and optionally Top speed %, Top "
                                  f"speed m/s, Minutes played, Pain, Note)"])
    return mapping


def sessions_from_frame(frame, season: Season, source: str) -> LogResult:
    import pandas as pd

    if len(frame) > MAX_ROWS:
        raise InputError(source, [f"has more than {MAX_ROWS:,} rows; a season's log is far smaller"])
    mapping = _mapping(list(frame.columns), source)
    rows = pd.Series(range(2, len(frame) + 2), index=frame.index)  # as a spreadsheet numbers them
    problems: list[str] = []
    where = lambda i, key: f"row {rows[i]}, {mapping[key]}"  # noqa: E731 (InputError names the file)
    athletes = _athletes(frame[mapping["athlete"]], season, problems, where)
    notes: list[str] = []
    dates = _dates(frame[mapping["date"]], problems, where, notes)
    nums = {k: _numbers(frame, mapping, k, problems, where) for k in
            ("minutes", "rpe", "top_pct", "top_ms", "top_kmh", "played", "pain") if k in mapping}
    columns = list(frame.columns)
    unread = [column_label(c, columns) for c in columns if c not in mapping.values()
              and (not str(c).startswith("Unnamed: ") or frame[c].astype(str).str.strip().any())]
    if unread:
        notes.append(f"Not read: {', '.join(unread)} (not a column Periodize knows, or a "
                     f"repeated one; see the README for the column names)")
    _ranges(nums, problems, where, notes, mapping)
    _today(dates, season, problems, where)
    _max_speeds(athletes, nums.get("top_ms"), season, problems, where)
    if problems:
        problems = sorted(problems, key=_row_number)  # row by row, as the coach reads the file
        read = next((n for n in notes if n.startswith("Dates with slashes")), None)
        raise InputError(source, problems[:200], more=max(0, len(problems) - 200),
                         note=f"{read}; write dates as YYYY-MM-DD if that is not how the file "
                              f"writes them." if read else "")
    result = _build(frame, mapping, athletes, dates, nums, season, rows)
    result.notes = notes + result.notes
    return result


def _near_name(key: str, season: Season) -> str | None:
    """The squad's one name (with its ID) close to ``key`` ("Jon Lind": Jonas Lind (A04))."""
    import difflib

    names = {" ".join(a.name.split()).casefold(): a for a in season.athletes}
    close = difflib.get_close_matches(key, list(names), n=2, cutoff=0.75)
    if len(close) != 1:
        return None
    a = names[close[0]]
    return f"{a.name} ({a.id})"


def _athletes(col, season: Season, problems: list, where) -> list[str | None]:
    by_key = {a.id.casefold(): a.id for a in season.athletes}
    by_name = {}
    for a in season.athletes:
        by_name.setdefault(" ".join(a.name.split()).casefold(), []).append(a.id)
    out = []
    for i, v in col.items():
        key = " ".join(str(v).split()).casefold()
        aid = by_key.get(key)
        if aid is None and len(by_name.get(key, [])) == 1:
            aid = by_name[key][0]
        if aid is None:
            near = _near_name(key, season) if len(by_name.get(key, [])) <= 1 else None
            hint = ("two athletes share that name; use the ID" if len(by_name.get(key, [])) > 1
                    else f"no athlete has that ID or name; did you mean {near}?" if near
                    else f"no athlete has that ID or name (IDs: {', '.join(sorted(by_key.values())[:8])}"
                         f"{', ...' if len(by_key) > 8 else ''})")
            problems.append(f"{where(i, 'athlete')}: '{str(v)[:60]}': {hint}")
        out.append(aid)
    return out


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# 2026-09-14, an Excel date read as 2026-09-14 00:00:00, or with a session's start time
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
# 14/09/2026, 14.9.2026, 14/09/2026 09:30 (a GPS export's session start)
DATE_FORMS = "YYYY-MM-DD (e.g. 2026-09-14) or DD/MM/YYYY (14/09/2026)"


def _row_number(problem: str) -> int:
    """The row a problem names ("row 4, RPE: ..."), for sorting (problems without one first)."""
    m = re.match(r"row (\d+)", problem)
    return int(m.group(1)) if m else 0


def _dates(col, problems: list, where, notes: list | None = None) -> list[dt.date | None]:
    """The column's dates: ISO (``2026-09-14``, an Excel date) or written with slashes or dots,
    read day first (``14/09/2026``) as the app's date fields read them — or month first when a
    row can only be read that way (``09/14/2026``: a US export) and none day first."""
    import pandas as pd

    text = col.astype(str).str.strip()
    parsed = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    slashed = {i: m.groups() for i, t in text.items() if (m := _SLASHED.match(t))}
    day_first = not any(int(b) > 12 >= int(a) for a, b, _ in slashed.values())
    if not day_first and any(int(a) > 12 for a, _, _ in slashed.values()):
        day_first = True  # both kinds in one file: read day first; the others are refused
    out = []
    for i, v in parsed.items():
        if i in slashed:
            a, b, y = (int(x) for x in slashed[i])
            d, m = (a, b) if day_first else (b, a)
            try:
                out.append(dt.date(y, m, d))
                continue
            except ValueError:
                pass
            order = "day/month/year" if day_first else "month/day/year (the file's other dates)"
            problems.append(f"{where(i, 'date')}: '{str(text[i])[:40]}' is not a date read as "
                            f"{order}; write it as {DATE_FORMS}")
            out.append(None)
        elif pd.isna(v) or not _DATE.match(text[i]):
            problems.append(f"{where(i, 'date')}: '{str(text[i])[:40]}' is not a date; write it "
                            f"as {DATE_FORMS}")
            out.append(None)
        else:
            out.append(v.date())
    if slashed and notes is not None:
        notes.append("Dates with slashes read as " + ("day/month/year (14/09/2026)" if day_first
                      else "month/day/year (09/14/2026: a day above 12 comes second)"))
    return out


def _numbers(frame, mapping: dict, key: str, problems: list, where):
    import pandas as pd

    raw = frame[mapping[key]].astype(str).str.strip()
    cleaned = raw.str.replace(",", ".", regex=False).str.rstrip("%").str.strip()
    values = pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce")
    bad = values.isna() & (cleaned != "")
    what = LIMITS[key][2] if key in LIMITS else "the top speed in km/h"
    for i in values.index[bad]:
        empty = "" if key in ("minutes", "rpe") else ", or leave the cell empty"
        problems.append(f"{where(i, key)}: '{raw[i][:40]}' is not a number; write {what}{empty}")
    if key in ("minutes", "rpe"):
        for i in values.index[values.isna() & (cleaned == "")]:
            problems.append(f"{where(i, key)}: missing; every session has minutes and an RPE")
    return values


def _ranges(nums: dict, problems: list, where, notes: list, mapping: dict) -> None:
    rpe = nums["rpe"]
    if fold(mapping["rpe"]) == "srpe" and (rpe > 10).any() and "minutes" in nums:
        # an export's "sRPE" holding session loads (minutes x RPE): read back as the RPE
        minutes = nums["minutes"]
        nums["rpe"] = (rpe / minutes.where(minutes > 0)).where(~((minutes == 0) & (rpe == 0)), 0.0)
        for i in rpe.index[(minutes == 0) & (rpe > 0)]:
            problems.append(f"{where(i, 'rpe')}: a load of {rpe[i]:g} in 0 minutes; give the "
                            f"session's minutes (a day without training is 0 and 0)")
        notes.append(f"'{mapping['rpe']}' holds session loads (minutes x RPE): RPE = load / minutes")
    if "top_kmh" in nums:
        nums["top_ms"] = nums.pop("top_kmh") / 3.6
        mapping["top_ms"] = mapping.pop("top_kmh")
        notes.append(f"'{mapping['top_ms']}' is in km/h: each speed is divided by 3.6 to give m/s")
    for key, (lo, hi, _) in LIMITS.items():
        if key not in nums:
            continue
        v = nums[key]
        for i in v.index[(v < lo) | (v > hi) | ((v == 0) & (key == "top_ms"))]:
            problems.append(f"{where(i, key)}: {limit_problem(key, v[i])}")


def _max_speeds(athletes: list, top_ms, season: Season, problems: list, where) -> None:
    """A top speed in m/s needs the athlete's max speed and is at most 10 % above it."""
    from planner.validate import top_speed_ms_problem

    if top_ms is None:
        return
    for i, v in top_ms.items():
        aid = athletes[i] if i < len(athletes) else None
        if aid is None or v != v:  # unknown athlete (reported) or no speed (NaN)
            continue
        problem = top_speed_ms_problem(season, season.athlete(aid), v)
        if problem:
            problems.append(f"{where(i, 'top_ms')}: {problem}")


def _today(dates: list, season: Season, problems: list, where) -> None:
    from planner.validate import PRE_SEASON_LOG_DAYS, planning_start

    cal = season.calendar
    last = planning_start(season)  # today, or the season start while today is not set
    first = cal.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    fix = "move today on first (periodize advance --today DATE)"
    late = [i for i, d in enumerate(dates) if d is not None and d > last]
    # today before the season counts as the season's first day: say so, not a date never set
    if cal.today is None:
        when = f"today ({last.isoformat()}: the season start, as today has not been moved yet)"
    elif cal.today < cal.start:
        when = f"the season start ({last.isoformat()}; today, {cal.today.isoformat()}, is before it)"
    else:
        when = f"today ({last.isoformat()})"
    if len(late) > 3:  # a log that runs on past today (a whole season's export): one line says it
        days = sorted(dates[i] for i in late)
        problems.append(f"{len(late):,} rows (the first: {where(late[0], 'date')}) are dated after "
                        f"{when}: {days[0].isoformat()} to "
                        f"{days[-1].isoformat()}; log sessions once they happened, or {fix}")
    for i, d in enumerate(dates):
        if d is None:
            continue
        if d > last:
            if len(late) <= 3:
                problems.append(f"{where(i, 'date')}: {d.isoformat()} is after {when}; log a "
                                f"session once it happened, or {fix}")
        elif d < first or d > cal.end:
            problems.append(f"{where(i, 'date')}: {d.isoformat()} is outside the season "
                            f"and the four weeks before it ({first.isoformat()} to "
                            f"{cal.end.isoformat()})")


def _opt(values, i):
    import pandas as pd

    if values is None:
        return None
    v = values.iloc[i]
    return None if pd.isna(v) else float(v)


def _column(values) -> list:
    """A numeric column as a list of floats and None (NaN: not given)."""
    if values is None:
        return []
    return [None if v != v else float(v) for v in values.tolist()]  # v != v: NaN


def _build(frame, mapping: dict, athletes: list, dates: list, nums: dict, season: Season,
           rows) -> LogResult:
    """The sessions, each row checked already (ranges, dates, athletes): built without a second
    validation, a column at a time (a season's log in a fraction of a second)."""
    have = set(season.sessions)
    seen: dict[Session, int] = {}
    out: list[Session] = []
    repeated: list[str] = []
    n = len(frame)
    cols = {k: _column(nums.get(k)) or [None] * n
            for k in ("minutes", "rpe", "top_pct", "top_ms", "played", "pain")}
    notes = ([str(x).strip()[:200] for x in frame[mapping["note"]].tolist()] if "note" in mapping
             else [""] * n)
    notes = ["" if x in ("nan", "None") else x for x in notes]
    numbers = rows.tolist()
    for i in range(n):
        s = Session.model_construct(
            athlete=athletes[i], date=dates[i], minutes=cols["minutes"][i],
            rpe=round(cols["rpe"][i], 2), top_speed_pct=cols["top_pct"][i],
            top_speed_ms=cols["top_ms"][i], minutes_played=cols["played"][i],
            pain=cols["pain"][i], note=notes[i])
        row = numbers[i]
        if s in have:
            repeated.append(f"row {row} is already in the season")
        elif s in seen:
            repeated.append(f"row {row} repeats row {seen[s]}")
        else:
            seen[s] = row
            out.append(s)
    return LogResult(out, dict(mapping), repeated)
