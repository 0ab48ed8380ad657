"""Reading logged sessions from a CSV or an Excel workbook (interfaces.md section 2, `Sessions`).

Columns: `Athlete ID`, `Date`, `Minutes`, `RPE`, and optional `Top speed %`, `Top speed m/s`,
`Minutes played`, `Pain`, `Note`, in any order and case. Column names as GPS and
athlete-monitoring exports write them are recognised where unambiguous (`Player`, `Duration`,
`sRPE`, `Max Velocity`, `Max Velocity (km/h)`..., German and French ones: `Spieler`, `Datum`,
`Durée`...); the result names the mapping it used. An
athlete is named by ID or by name. Every problem is located ("sessions.csv, row 7, RPE: ...")
and nothing is added while there is one (asked, ``skip_bad``, the rows the problems name are left
out and the others read, each left out said); a row that repeats another (or a session already in
the season) is reported and counted once.

Read with pandas, column at a time: a season's log (40 athletes x 300 days) in well under a
second.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import InputError
from planner.history import au
from planner.lockfiles import said_when_refused, unsaved_note
from planner.logfile import (
    ALIASES,
    CELL_ATTRS,
    ENCODING_NOTES,
    MAX_ROWS,
    REQUIRED,
    ROW_ATTRS,
    WINDOWS,
    WINDOWS_NOTE,
    KeptDict,
    KeptList,
    fold,
    read_frame,
)
from planner.season import (
    KMH_MAX,
    MAX_MAX_SPEED,
    TOP_PCT_MAX,
    Season,
    Session,
    above_top_speed,
    speed_kept,
)
from planner.text import (
    DATE_FORMS,
    TEXT_DATE_FIX,
    date_short,
    day_long,
    iso_day,
    iso_not_a_day,
    join_and,
    name_key,
    numeric_date,
    numeric_parts,
    plain_name,
    read_text_dates,
)
from planner.text import day as day_text

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Collection

    from planner.loadtable import LoadTable


DAY_MINUTES = 24 * 60  # an athlete's sessions of one day add up to at most this
REPEATS_SHOWN = 8  # rows counted once, listed one by one (the rest are counted)
ALREADY = "is already in the season"  # a row counted once as the season holds it
# the way out for rows counted once as repeats of another row of the log (a double session)
SEPARATE = ("if they were separate sessions, give each a different Note (e.g. AM, PM) and "
            "import again")
LABEL = {"athlete": "Athlete ID", "date": "Date", "minutes": "Minutes", "rpe": "RPE",
         "top_pct": "Top speed %", "top_ms": "Top speed m/s", "top_kmh": "Top speed km/h",
         "played": "Minutes played", "pain": "Pain", "note": "Note", "drill": "Drill",
         "session": "Session"}

# column key -> (lowest, highest, what a value means): the Session model's bounds in a coach's words
LIMITS: dict[str, tuple[float, float, str]] = {
    "minutes": (0, 600, "a session's length in minutes"),
    "rpe": (0, 10, "session RPE on the CR-10 scale"),
    "top_pct": (0, TOP_PCT_MAX, "top speed in % of the athlete's max speed"),
    "top_ms": (0, 16.5, "top speed in m/s"),
    "played": (0, 600, "minutes played in a match"),
    "pain": (0, 10, "pain on a 0-10 scale"),
}
NOTE_LENGTH = 200  # a session note's most characters (planner.season.Text)


def limit_problem(key: str, value: float, what: str = "") -> str | None:
    """Why ``value`` cannot be in column ``key`` (None when it can); ``what``: the value to write
    instead of :data:`LIMITS`' words (a log's rows: :data:`SESSION_VALUE`)."""
    lo, hi, said = LIMITS[key]
    what = what or said
    if key == "top_ms" and value == 0:
        return "0 m/s is no top speed; leave the cell empty when no speed was measured"
    if key == "top_pct" and 0 < value <= 1.5:
        # 0.85: a fraction (or a cell formatted as % whose value is read): 85 % or 0.85 %?
        return (f"{value:g} reads as a fraction of the max speed, not a percentage; write it in % "
                f"({100 * value:g}), or leave the cell empty when no speed was measured")
    if lo <= value <= hi:
        return None
    shown = f"{value:g}" if float(f"{value:g}") == value else f"{value:.12g}"  # not "10 is outside 0-10"
    if key == "top_ms" and hi < value <= hi * 3.6:
        # 32 in a "Max Velocity" column is 32 km/h, 8.9 m/s
        return (f"{shown} is outside {lo:g}-{hi:g}; write {what} (if the column is in km/h, "
                f"name it 'Top speed km/h')")
    return f"{shown} is outside {lo:g}-{hi:g}; write {what}"


# minutes: a session with an effort (RPE above 0) or a sprint lasts longer (a warm-up alone
# does); a duration in decimal hours, as some GPS exports write it (1.25 for 75 minutes), is
# under it for any session up to 4 hours, so such a value is refused as hours, not read
SHORTEST_SESSION = 5


def hours_problem(minutes: float | None, rpe: float | None, top_speed: bool,
                  write: str = "write", played: float | None = None) -> str | None:
    """Why ``minutes`` (a session with RPE ``rpe``, with a top speed logged or not) reads as a
    duration in hours, with the minutes to write; None when it can be minutes. Checked where
    sessions are entered as numbers (a log, the workbook's Sessions sheet, a log cell; a clock
    such as ``0:01:15`` says its unit). A match appearance (``played`` minutes) is no such
    session: a substitute's 3 minutes at RPE 7 are real. ``write``: the verb of the place
    ("type" in a cell, where no clock is read)."""
    if minutes is None or not 0 < minutes < SHORTEST_SESSION or not ((rpe or 0) > 0 or top_speed) \
            or (played or 0) > 0:
        return None
    effort = f"RPE {rpe:g}" if rpe else "a top speed"
    clock = (f", or as a clock, 0:{minutes:02g}:00, if it was {minutes:g} minutes"
             if write == "write" and float(minutes).is_integer() else "")
    return (f"{minutes:g} min with {effort}: hours? {write} {round(minutes * 60):g} (minutes; a "
            f"session with an effort or a sprint lasts {SHORTEST_SESSION} minutes or more{clock})")


def played_problem(minutes: float | None, played: float | None, fix: str = "") -> str | None:
    """Why minutes played cannot go with a session of ``minutes`` (None when they can): a
    session's minutes include the match it played, and its load is minutes x RPE. Checked where
    sessions are entered (a log, the workbook, a log cell), not in season files, which older
    versions wrote with a bench session's 30 minutes for up to 44 minutes played. ``fix``: the
    fix in the words of the place (default: a file's columns)."""
    if minutes is None or played is None or not played > minutes:
        return None
    fix = fix or (f"write at least {played:g} minutes, or check that the columns are the right "
                  f"way round")
    return (f"{played:g} minutes played is more than the session's {minutes:g} minutes (they "
            f"include the match): {fix}")


def match_session(played: float, table: LoadTable) -> tuple[float, float]:
    """(minutes, RPE) of a match session logged as minutes played alone (the Log panel's
    ``m20``, a workbook row with only Minutes played): the match session of ``table``, the
    season's load table (``LoadTable.of_season``; rules-spec.md section 8, by default started
    95 x 8, from the bench 30 x 7; started from ``table.start_from`` minutes played on, 45 by
    default), so a match logged so weighs what the plan gave it."""
    minutes, rpe = table.match("start" if played >= table.start_from else "bench")
    # a bench session is 30 minutes: m40 is 40 minutes played, so a 40-minute session
    return max(minutes, played), rpe


@dataclass(frozen=True)
class AloneWords:
    """A place's words for minutes played alone that it refuses (:func:`match_alone`):
    ``instead`` what to give for a player who did not play; ``named`` how the place names what
    was typed (``"m{:g} alone"``, the Log panel's: a refusal starts with it), or "" (a file's
    row, whose refusal of a day without a match is said of the row); ``zero`` 0 played so
    (default ``named`` with 0)."""

    instead: str
    named: str = ""
    zero: str = ""


# a log's or a workbook's row: Minutes played with neither Minutes nor RPE
FILE_WORDS = AloneWords("give the session's Minutes and RPE (e.g. 45 and 5), or 0 and 0 for no "
                        "training", zero="0 without Minutes and RPE")
NONE_PLAYED = "none played"  # 0 minutes played: no match, so no match session (said at the cell)
NO_MATCH_DAY = "no match that day"  # no competition is on that day (its fix in another column)


@dataclass(frozen=True)
class Refusal:
    """Why minutes played alone give no session (:func:`match_alone`): ``kind``
    :data:`NONE_PLAYED` or :data:`NO_MATCH_DAY`, ``words`` the sentence in the place's words."""

    kind: str
    words: str


def competition_days(competitions) -> set[dt.date]:
    """Every day one of ``competitions`` is on (each day of a multi-day one)."""
    return {c.date + dt.timedelta(days=k) for c in competitions
            for k in range((c.last - c.date).days + 1)}


def match_alone(played: float, table: LoadTable, day: dt.date | None = None,
                match_days: Collection[dt.date] | None = None, words: AloneWords = FILE_WORDS
                ) -> tuple[float, float] | Refusal:
    """A session given as minutes played alone, neither minutes nor RPE (a workbook's Sessions
    row, a log's row, the Log panel's ``m90``): (minutes, RPE) of its match session
    (:func:`match_session`), or the :class:`Refusal` (in the place's ``words``) of 0 minutes
    played (no match, no match session) or of a ``day`` not in ``match_days``
    (:func:`competition_days`: a 95-minute RPE 8 match session made up on a training day; not
    checked when either is None, unread)."""
    if not played:
        return Refusal(NONE_PLAYED, f"{words.zero or words.named.format(0)}: no match was played, "
                                    f"so there is no match session to log; {words.instead}")
    if day is not None and match_days is not None and day not in match_days:
        said = ("minutes played alone on a day with no competition; write the session's minutes "
                "and RPE, or the competition's date")
        return Refusal(NO_MATCH_DAY, f"{words.named.format(played)}: {said}" if words.named
                       else said[0].upper() + said[1:])
    return match_session(played, table)


def match_alone_note(rows: list, table: LoadTable) -> str:
    """``row 4: minutes played without Minutes and RPE, read as the load table's match session
    (...)``: the note of the rows :func:`match_alone` read (their numbers as the file shows them)."""
    # a bench match of 1 minute played (its session at least that long), whatever the start line
    (sm, sr), (bm, br) = match_session(table.start_from, table), table.match("bench")
    bm = max(bm, 1)
    where = f"row {rows[0]}" if len(rows) == 1 else f"{len(rows)} rows from row {rows[0]}"
    return (f"{where}: minutes played without Minutes and RPE, read as the load table's match "
            f"session (started {sm:g} min x RPE {sr:g}, from the bench {bm:g} x {br:g}), as the "
            f"app's Log reads m90 alone")


@dataclass
class LogResult:
    sessions: list[Session]
    mapping: dict[str, str]  # field -> the header it was read from
    repeated: list[str] = field(default_factory=list)  # rows counted once
    # the rows counted once as repeats of another row of the log: how many, their load (AU)
    again: int = 0
    again_load: float = 0.0
    notes: list[str] = field(default_factory=list)  # how ambiguous columns were read
    # said before anything else: a column that looks like the top speed, not read, when none is
    loud: list[str] = field(default_factory=list)
    already: list[Session] = field(default_factory=list)  # in the log and in the season already
    later: int = 0  # rows dated after today, left out (read until today)
    later_days: tuple[dt.date, dt.date] | None = None  # the first and last of their dates
    # rows of players not in this squad left out (read with ``only_squad``): name -> rows
    others: dict[str, int] = field(default_factory=dict)
    # the problems of the rows left out, read with ``skip_bad`` (each names its row)
    skipped: list[str] = field(default_factory=list)
    # the rows a problem of ``skipped`` stands for, said in one line (``LogError.covers``)
    covers: dict[int, list[int]] = field(default_factory=dict)

    def skipped_line(self) -> str:
        """``3 rows left out: row 47 (Theo Vidal, 2026-09-22), row 82 (…), …`` (empty when none
        was): the rows a log read with ``skip_bad`` left out, each by its place (``rows 2, 3, …``
        those of a column's dates that read two ways, said in one line)."""
        places: dict[str, None] = {}
        rows: set[int] = set()
        for p in self.skipped:
            if many := self.covers.get(_row_number(p)):
                rows.update(many)
                places["rows " + ", ".join(map(str, many[:REPEATS_SHOWN]))
                       + (" …" if len(many) > REPEATS_SHOWN else "")] = None
            else:
                rows.add(_row_number(p))
                places[_place(p)] = None
        if not places:
            return ""
        listed = ", ".join(list(places)[:REPEATS_SHOWN]) + (" …" if len(places) > REPEATS_SHOWN else "")
        return f"{len(rows):,} row{'s' if len(rows) != 1 else ''} left out: {listed}"

    def others_line(self, names: bool = True) -> str:
        """``131 rows of 24 players not in this squad left out: Tom Berger, …`` (empty when
        none was; ``names``: False for the count alone)."""
        return others_said(self.others, "left out", names)

    def left_out(self) -> str:
        """``2,219 rows after today left out`` (empty when none was)."""
        if not self.later:
            return ""
        return f"{self.later:,} row{'s' if self.later != 1 else ''} after today left out"

    def nothing_new(self) -> str:
        """Why a log adds nothing, the same words in the CLI and the app: no row up to today (the
        later ones left out), every row logged already, or a header row alone."""
        later = f" ({self.left_out()})" if self.later else ""
        if self.others and not self.already and not self.later:
            return f"No row of the log is of this squad: {self.others_line()}."
        if self.already:
            return f"Every session in it{' up to today' if self.later else ''} is already logged{later}."
        if self.later:
            return f"No session in the log is dated up to today{later}."
        return "The log holds no session: a header row only."

    def text(self, short: bool = False, loud: bool = True) -> str:
        """The columns read, the rows left out, the notes and the rows counted once, a line
        each (``short``: the rows counted once in one line, for a dialog: a whole season's
        export imported every week listed them under the choice to make). :attr:`loud` first
        (``loud=False``: left to the caller, which says them above its own first line)."""
        lines = (self.loud if loud else []) + ["Columns read: " + ", ".join(f"{LABEL[k]} <- '{v}'" for k, v in self.mapping.items())]
        if self.later_days:
            first, last = self.later_days
            days = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
            lines.append(f"Left out: {self.left_out().removesuffix(' after today left out')} "
                         f"dated after today ({days}); import them once they happened")
        if self.others:
            lines.append(self.others_line())  # a number first: no capital to give
        lines += [f"Left out: {x}" for x in self.skipped]
        lines += self.notes
        if short:
            if self.repeated:
                lines.append(self.repeats_line())
            return "\n".join(lines)
        lines += [f"Counted once: {r}" for r in self.repeated[:REPEATS_SHOWN]]
        more = len(self.repeated) - REPEATS_SHOWN
        if more > 0:  # a log imported twice repeats every row: a screenful says it no better
            lines.append(f"Counted once: {more:,} more rows like these "
                         f"({len(self.repeated):,} in all)")
        if self.again == 1 and more <= 0:  # the one row's line says the way out
            at = next(i for i, line in enumerate(lines) if line.endswith(" AU left out)"))
            lines[at] += f"; {SEPARATE}"
        elif self.again:  # once for them all, not on every line
            lines.append(f"Counted once: {self.again_said()}; {SEPARATE}")
        return "\n".join(lines)

    def again_said(self) -> str:
        """``2 rows repeating another row of the log, 585 AU left out``."""
        return (f"{self.again:,} row{'s' if self.again != 1 else ''} repeating another row of "
                f"the log, {au(self.again_load):,} AU left out")


    def repeats_line(self) -> str:
        """``1,950 rows already in the season, counted once`` (and those repeating a row of the
        log): the rows counted once in one line."""
        old = sum(1 for r in self.repeated if r.endswith(ALREADY))
        again = len(self.repeated) - old
        said = [f"{n:,} row{'s' if n != 1 else ''} {what}" for n, what in
                ((old, "already in the season"), (again, "repeating another row of the log")) if n]
        lost = f" ({au(self.again_load):,} AU left out; {SEPARATE})" if again else ""
        return " and ".join(said) + ", counted once" + lost


@said_when_refused  # refused while open in Excel: said first (unsaved edits are not read)
def read_sessions(path: str | Path, season: Season, until_today: bool = False,
                  late_fix: str = "", speeds: bool = False, speed_fix: str = "",
                  as_proposed: bool = False, max_fix: str = "", only_squad: bool = False,
                  squad_fix: str = "", skip_bad: bool = False) -> LogResult:
    """The sessions of a CSV or XLSX log for ``season``, or InputError with every problem.
    ``until_today``: rows dated after today are left out and counted (``LogResult.later``), not
    refused: a GPS export of the whole season read week by week. ``late_fix``: the fix for rows
    after today in the words of the place (default :data:`LATE_FIX`, the command line's).
    ``speeds``: a log read for its top speeds alone (``planner.logmerge.speeds``): a top speed
    column is needed, minutes and RPE are not (0 where the file has none). ``speed_fix``: how
    the place adds a GPS export's speeds to sessions logged (default :data:`SPEED_FIX`).
    ``as_proposed``: a name that is another spelling of one athlete's ("M. Ruiz") is read as him,
    said, rather than refused with the proposal (the refusal's note says how: :data:`NAMES_FIX`).
    ``max_fix``: how the place takes a max speed from the log (default :data:`MAX_FIX`).
    ``only_squad``: the rows whose athlete is no one of the squad (:func:`other_squad_rows`: a
    club-wide export's other squads) are left out and said in one line (``LogResult.others``),
    not refused; refused, the note says how with ``squad_fix`` (default :data:`SQUAD_FIX`).
    ``skip_bad``: a log refused only for problems each naming its row (``LogError.skippable``)
    is read again without those rows, the rest read as any log, the problems of the rows left
    out in ``LogResult.skipped`` (refused still when what is left has problems of its own)."""
    frame = read_frame(path)
    sheet = frame.attrs.get("sheet")
    source = str(path) + (f", sheet {sheet}" if sheet else "")
    args = (season, source, until_today, late_fix, speeds, speed_fix, as_proposed, max_fix,
            only_squad, squad_fix)
    try:
        result = sessions_from_frame(frame, *args)
    except LogError as e:
        if not skip_bad or not e.skippable:
            raise
        frame = read_frame(path)  # as read: the first reading may have changed it
        result = sessions_from_frame(frame, *args, leave_out=e.bad_rows())
        result.skipped, result.covers = e.skippable, e.covers
    sheets = frame.attrs.get("sheets") or {}
    if len(sheets) > 1:
        mark = " (hidden)" if sheets[sheet] != sheet else ""
        result.notes.insert(0, f"Read sheet '{sheet}'{mark} of {len(sheets)} "
                               f"({', '.join(sheets.values())}); name the log's sheet 'Sessions' "
                               f"to read another")
    if frame.attrs.get("encoding") in ENCODING_NOTES:
        result.notes.insert(0, ENCODING_NOTES[frame.attrs["encoding"]])
    if held := unsaved_note(path):  # open in Excel or LibreOffice: unsaved edits are not read
        result.notes.insert(0, held)
    hidden = frame.attrs.get("hidden") or []
    if hidden:
        result.notes.append(f"Rows hidden in Excel (or filtered out) were read too: "
                            f"{', '.join(hidden[:10])}{' …' if len(hidden) > 10 else ''}")
    return result


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


# the fields whose values two columns could disagree on (a file with an ID and a name column is
# common: the first alias, the ID, is read; a weekday column next to the date is "Day")
NUMBERS = ("minutes", "rpe", "top_pct", "top_ms", "top_kmh", "played", "pain")


# how the command line adds a GPS export's top speeds to the sessions logged (the app: its words)
SPEED_FIX = ("import the RPE first and then this file with --overlap speed, which adds each row's "
             "top speed to the session already logged that day")
TOPS = ("top_pct", "top_ms", "top_kmh")  # the columns of a top speed


def _mapping(columns: list, source: str, frame=None, speeds: bool = False,
             speed_fix: str = "") -> dict[str, str]:
    folded = {fold(c): c for c in columns}
    mapping: dict[str, str] = {}
    for key, names in ALIASES.items():
        hit = next((folded[n] for n in names if n in folded and folded[n] not in mapping.values()), None)
        if hit is not None:
            mapping[key] = hit
    twice = []
    for key in NUMBERS:
        # every column that could hold the field: its spellings, and a header repeated (pandas
        # names the second 'RPE' 'RPE.1'), which the coach would not know which one is read
        cols = [c for c in columns if fold(c) in ALIASES[key] or (
            (m := re.fullmatch(r"(.*)\.(\d+)", str(c))) and fold(m.group(1)) in ALIASES[key]
            and m.group(1) in [str(x) for x in columns])]
        if key == "rpe" and any(fold(c) != "srpe" for c in cols):
            # an export's RPE and its sRPE (the load, minutes x RPE): the RPE is read
            cols = [c for c in cols if fold(c) != "srpe"]
        if len(cols) > 1 and frame is not None and all(
                frame[c].astype(str).str.strip().equals(frame[cols[0]].astype(str).str.strip())
                for c in cols[1:]):
            continue  # the same values twice: nothing to choose between (the first is read)
        if len(cols) > 1:
            names = " and ".join(column_label(c, columns) for c in cols)
            twice.append(f"two columns could be {LABEL[key]}: {names}; keep one (delete the "
                         f"other, or rename it so that it is not read)")
    if twice:
        raise InputError(source, twice)
    if not set(TOPS) & set(mapping) and (mph := _mph(columns)):
        raise InputError(source, [mph])  # every sprint of the log lost, or misread by 1.6
    missing = [LABEL[k] for k in REQUIRED if k not in mapping
               and not (speeds and k in ("minutes", "rpe"))]
    if speeds and not set(TOPS) & set(mapping):
        missing.append("a top speed (Top speed m/s, Top speed km/h or Top speed %)")
    if "RPE" in missing and set(TOPS) & set(mapping):  # a GPS export: no column to rename
        raise InputError(source, [f"this file has top speeds but no RPE (a GPS export): add an "
                                  f"RPE column (from your wellness/RPE app), or "
                                  f"{speed_fix or SPEED_FIX}"])
    if missing:
        raise InputError(source, [f"no column for {', '.join(missing)}; the columns are "
                                  f"{', '.join(column_label(c, columns) for c in columns) or 'none'}; name them "
                                  f"Athlete ID, Date, Minutes, RPE (and optionally Top speed %, Top "
                                  f"speed m/s, Minutes played, Pain, Note)"])
    return mapping


def _mph(columns: list) -> str:
    """The refusal of a top speed column in miles per hour (``Top Speed (mph)``), the first of
    ``columns``, none read: Periodize reads m/s and km/h, and the speeds of an mph column read as
    either would be wrong by 1.6 or 2.2 times ("" when there is none)."""
    for c in columns:
        name = fold(c)
        if re.search(r"\bmph\b", name) and _SPEEDLIKE.search(name) and not _NO_SPEED.search(name):
            return (f"{column_label(c, columns)} is in miles per hour, which Periodize does not "
                    f"read: convert its speeds to m/s (mph ÷ 2.237) and head the column 'Top "
                    f"speed m/s', or to km/h (mph × 1.609) and head it 'Top speed km/h'")
    return ""


def sessions_from_frame(frame, season: Season, source: str, until_today: bool = False,
                        late_fix: str = "", speeds: bool = False, speed_fix: str = "",
                        as_proposed: bool = False, max_fix: str = "", only_squad: bool = False,
                        squad_fix: str = "", leave_out: Collection[int] = ()) -> LogResult:
    """The sessions of a log's ``frame`` (:func:`read_sessions`, its arguments); ``leave_out``:
    the rows (their numbers as the file shows them) left out before any is read."""
    import pandas as pd

    if len(frame) > MAX_ROWS:
        raise InputError(source, [f"has more than {MAX_ROWS:,} rows; a season's log is far smaller"])
    mapping = _mapping(list(frame.columns), source, frame, speeds, speed_fix)
    frame, absent = _speeds_only(_without_rows(frame, leave_out), mapping)
    if "drill" not in mapping:  # a session's title groups a per-drill export's rows alone
        mapping.pop("session", None)
    later_days: list[dt.date] = []
    left: tuple = ()  # the dates of the rows left out: the column's order, not read
    if until_today:  # left out before the rows are read: a blank RPE on a later row refused it all
        frame, later_days, left = _up_to_today(frame, mapping["date"], season)
    # a club-wide export's other squads: said (and left out, asked) once the later rows are
    theirs, others, frame = _other_squads(frame, mapping, season, only_squad)
    # each row's number as the spreadsheet (or the editor) shows it: blank rows are left out
    rows = pd.Series(_row_numbers(frame), index=frame.index)
    theirs = set() if only_squad else {_row_number(f"row {rows[i]}") for i in theirs}
    read = len(frame)  # the rows a refusal could leave out and import the rest of
    problems: list[str] = []
    # (InputError names the file); ``who``: the row's athlete and date as written (True: read
    # from the row, :func:`_who_when`, but the cell the line says), which a line saying a cell's
    # value gives: the coach finds the row of a sorted or filtered export by them, not by
    # counting rows
    where = lambda i, key, who="": (  # noqa: E731
        f"row {rows[i]}{_who_when(frame, mapping, i, key) if who is True else who}, {mapping[key]}")
    from planner.coachform.guard import NO_VALUE

    # formulas without a calculated value: said instead of what their cells, read as empty, give
    unvalued = {f"{where(i, key)}:": f"{where(i, key, True)}:" for key, column in mapping.items()
                for i in sorted(frame.attrs.get("uncached", {}).get(column, ()))}
    notes: list[str] = []
    covers: dict[int, list[int]] = {}  # a problem's row -> the rows its one line stands for
    dates, dates_read = _dates(frame[mapping["date"]], problems, where, rows, season, also=left,
                               covers=covers)
    if dates_read:
        notes.append(dates_read)
    proposed: dict[str, str] = {}  # names read as the athlete proposed, or to be (as_proposed)
    proposed_rows: list[str] = []  # their rows' numbers
    athletes = _athletes(frame[mapping["athlete"]], season, problems, where, notes, proposed,
                         as_proposed, proposed_rows)
    # a per-drill export's rows of one session: its RPE is judged once they are one
    drills = _drill_groups(frame, mapping, athletes, dates)
    # rows with minutes played alone: the match session (their problems said with the column's)
    played = _numbers(frame, mapping, "played", [], where) if "played" in mapping else None
    alone = _match_alone(frame, mapping, played, season, problems, where, notes, rows,
                         dict(zip(frame.index, dates, strict=True)))
    grouped = {i for idx in drills for i in idx}
    # 0 minutes and no RPE: a player who did not train, as monitoring exports write him
    alone.update(_no_training(frame, mapping, notes, rows, grouped))
    nums = {k: _numbers(frame, mapping, k, problems, where, alone, grouped, notes) for k in
            ("minutes", "rpe", "top_pct", "top_ms", "top_kmh", "played", "pain") if k in mapping}
    speedlike = _unread_speeds(list(frame.columns), mapping)
    notes += _unread(frame, mapping, speedlike)
    guessed = _speed_unit(nums, mapping, notes)
    slow = _slow_kmh(nums, mapping, athletes, season, where, problems)
    kmh = "top_kmh" in mapping  # read as m/s below; said in km/h
    _ranges(nums, problems, where, notes, mapping, frame, guessed)
    if drills:  # a per-drill export: its rows of one session made one
        frame, athletes, dates, nums = _per_drill(_LogRows(frame, athletes, dates, nums), mapping,
                                                  drills, problems, notes, where)
        rows = pd.Series(_row_numbers(frame), index=frame.index)  # ``where`` reads them
    _played(nums, dates, season, problems, where, notes)
    _in_hours(frame[mapping["minutes"]], nums, problems, where)
    _today(dates, season, problems, where, until_today, late_fix)
    _day_totals(athletes, dates, nums.get("minutes"), problems, where, frame, mapping)
    _long_sessions(athletes, nums.get("minutes"), season, notes, where)
    _rpe_zero(nums, notes, where)
    no_max: dict[str, NoMaxSpeed] = {}
    faster = _max_speeds(athletes, nums.get("top_ms"), season, problems, where, kmh, dates, no_max,
                         max_fix)
    _speeds_agree(athletes, nums.get("top_pct"), nums.get("top_ms"), season, problems, where,
                  mapping, kmh)
    _note_lengths(frame, mapping, problems, where)
    if unvalued:
        problems = [x for x in problems if not _unnamed(x).startswith(tuple(unvalued))]
        problems += [f"{w} {NO_VALUE}" for w in unvalued.values()]
    problems = _not_sessions(frame, mapping, athletes, rows, problems)
    if problems:
        problems = sorted(problems, key=_row_number)  # row by row, as the coach reads the file
        alone = all(_row_number(x) in theirs for x in problems)  # other squads' rows alone
        problems, squad = _squad_first(problems, {} if only_squad else others, theirs, squad_fix)
        raise LogError(source, problems[:200], more=max(0, len(problems) - 200),
                       note=_refusal_note(dates_read, proposed_rows, as_proposed,
                                          _lost_letters(frame, problems), squad),
                       no_max=no_max, proposed={} if as_proposed else proposed,
                       others={} if only_squad else others, others_alone=alone,
                       # a per-drill export's problem names one row of a session of several:
                       # leaving that row out would read the session short, so no offer
                       skippable=problems if all(map(_row_number, problems)) and not drills
                       else [], rows=read, covers=covers)
    if kmh and "top_ms" in nums:  # checked and said as read; stored to 0.01 m/s (6.5, not 6.4999…)
        nums["top_ms"] = speed_kept(nums["top_ms"])
    old: set[int] = set()  # the rows the season holds already: said before, not news
    result = _build(frame, mapping, athletes, dates, nums, season, rows, old)
    if said := _faster_note([f for f in faster if f[0] not in old], season, kmh):
        notes.append(said)
    result.notes = notes + result.notes
    if speedlike and not {"top_pct", "top_ms"} & set(mapping):  # no top speed read: said first
        result.loud = list(speedlike.values())
    else:
        result.notes = list(speedlike.values()) + result.notes
    if slow:  # m/s under a km/h header, perhaps: every sprint read as a jog
        result.loud.insert(0, slow)
    if later_days:
        result.later, result.later_days = len(later_days), (later_days[0], later_days[-1])
    result.others = others
    # the speeds said in the unit they were read in (divided by 3.6 to m/s)
    result.mapping = {"top_kmh" if kmh and k == "top_ms" else k: v
                      for k, v in result.mapping.items() if v not in absent}
    return result


# how the command line reads a GPS export's names as the athletes proposed (the app asks, in
# the dialog that lists the problems, without the note)
NAMES_FIX = "run the command again with --read-names-as-proposed"


def _lost_letters(frame, problems: list[str]) -> str:
    """:data:`WINDOWS_NOTE` when the log was read as Windows text and a value a problem quotes
    holds a '?' (a letter Excel could not save there: '?ukasz' for Łukasz), else nothing."""
    if frame.attrs.get("encoding") != WINDOWS:
        return ""
    return WINDOWS_NOTE + "." if any(re.search(r"'[^']*\?[^']*'", x) for x in problems) else ""


def _refusal_note(dates_read: str, rows: list, as_proposed: bool, lost: str = "",
                  squad: str = "") -> str:
    """What a refused log's problems are followed by: why a name holds a '?' (``lost``:
    :func:`_lost_letters`), how its dates were read, how the names proposed as athletes (on
    ``rows``, their numbers) can be read so (:data:`NAMES_FIX`), and how a few rows of players
    not in this squad can be left out (``squad``: :func:`_squad_first`)."""
    said = [lost, f"{dates_read}; write dates as YYYY-MM-DD if that is not how the file writes "
                  f"them." if dates_read else ""]
    if rows and not as_proposed:
        listed = ", ".join(rows[:REPEATS_SHOWN]) + (" …" if len(rows) > REPEATS_SHOWN else "")
        said.append(f"To read the name{'s' if len(rows) > 1 else ''} on row"
                    f"{'s' if len(rows) > 1 else ''} {listed} as the athlete proposed for each "
                    f"(each said), {NAMES_FIX}.")
    said.append(squad)
    return " ".join(x for x in said if x)


# how the command line leaves out the rows of players not in this squad (the app: its button)
SQUAD_FIX = "run the command again with --only-this-squad"
OTHERS_SHOWN = 8  # names of players not in this squad listed; the rest are counted
OTHERS_ROWS_LISTED = 3  # a refusal's rows of players not in this squad located each; more: one line


def others_said(others: dict[str, int], what: str = "", names: bool = True) -> str:
    """``131 rows of 24 players not in this squad left out: Tom Berger, Luis Ortega, …``
    (``others``: each name as written -> its rows; ``what``: what befalls them; ``names``:
    False for the count alone)."""
    if not others:
        return ""
    rows = sum(others.values())
    count = (f"{rows:,} row{'s' if rows != 1 else ''} of {len(others)} player"
             f"{'s' if len(others) != 1 else ''} not in this squad{' ' + what if what else ''}")
    if not names:
        return count
    listed = ", ".join(n[:40] for n in list(others)[:OTHERS_SHOWN]) + (
        ", …" if len(others) > OTHERS_SHOWN else "")
    return f"{count}: {listed}"


def _squad_note(others: dict[str, int], fix: str) -> str:
    """A refused log's line for the rows of players not in this squad, and the way to leave
    them out (``fix``; default :data:`SQUAD_FIX`)."""
    return (f"{others_said(others)}; to leave their rows out and read this "
            f"squad's, {fix or SQUAD_FIX}.")


def other_squad_rows(frame, mapping: dict, season: Season) -> dict:
    """{row index: the name as written} of the rows whose athlete is no one of the squad: not
    an ID or name (in any case, accents aside), no other spelling of one athlete's or several
    athletes' (:func:`_forms`) and no near miss (:func:`_near`): a club-wide export's
    players of another squad. A blank cell, a summary row and a repeated header are none (the
    log's problems say them)."""
    column = mapping["athlete"]
    match = AthleteMatch((a.id, a.name) for a in season.athletes)
    every = _forms((a.id, a.name) for a in season.athletes)
    headers = set(_header_rows(frame, mapping))
    known: dict[str, bool] = {}  # a name as written -> whether it is no one's
    out = {}
    for i, v in frame[column].items():
        written = " ".join(unicodedata.normalize("NFC", str(v)).split())
        if i in headers or not written or fold(written) in ("nan", "none") or \
                _SUMMARY.fullmatch(fold(written)):
            continue
        if written not in known:
            known[written] = (match.read(v) == (None, "unknown")
                              and _plain_name(written) not in every
                              and _near(written, season) is None)
        if known[written]:
            out[i] = written
    return out


def _other_squads(frame, mapping: dict, season: Season, only_squad: bool) -> tuple:
    """(the row indexes of players not in this squad (:func:`other_squad_rows`), {name as
    written: its rows}, the frame): without those rows when ``only_squad``."""
    rows = other_squad_rows(frame, mapping, season)
    others: dict[str, int] = {}
    for name in rows.values():
        others[name] = others.get(name, 0) + 1
    return list(rows), others, (_keep_rows(frame, list(rows)) if only_squad and rows else frame)


def _squad_first(problems: list[str], others: dict[str, int], theirs: set[int],
                 fix: str) -> tuple[list[str], str]:
    """(A refused log's problems, the line for its note) with the rows of players not in this
    squad (their numbers ``theirs``) said in one line with the way to leave them out
    (:func:`_squad_note`): first, in place of their rows' problems, then the others' (a near
    miss of a squad member's) row by row; for :data:`OTHERS_ROWS_LISTED` rows at most (a name
    mistyped in the squad's own log), each row located with the squad's IDs and the line in
    the note."""
    if not others:
        return problems, ""
    if len(theirs) <= OTHERS_ROWS_LISTED:
        return problems, _squad_note(others, fix)
    return [_squad_note(others, fix)] + [x for x in problems if _row_number(x) not in theirs], ""


def _unread(frame, mapping: dict, speedlike: dict) -> list[str]:
    """The line naming the columns not read (none: no line), but those that look like a top
    speed (:func:`_unread_speeds`, said apart) and an unnamed one left empty."""
    columns = list(frame.columns)
    unread = [column_label(c, columns) for c in columns if c not in mapping.values()
              and c not in speedlike
              and (not str(c).startswith("Unnamed: ") or frame[c].astype(str).str.strip().any())]
    return [f"Not read: {', '.join(unread)} (not a column Periodize knows, or a repeated one; the "
            f"column names are in the README, \"File formats\", and docs/file-format.md, \"The "
            f"session log\")"] if unread else []


def _not_sessions(frame, mapping: dict, athletes: list, rows, problems: list) -> list[str]:
    """``problems`` with a row that is no session said in one line instead of its cells' lines:
    a header repeated (two exports joined), a report's "Total" or "Average" row."""
    lines = {i: f"row {rows[i]}: repeats the header (two exports joined into one file?); delete "
                f"the row" for i in _header_rows(frame, mapping)}
    lines.update({i: f"row {rows[i]}: '{str(frame.at[i, mapping['athlete']]).strip()[:40]}' is a "
                     f"summary of the rows, not a session; delete the row"
                  for i, aid in zip(frame.index, athletes, strict=True) if aid is None
                  and _SUMMARY.fullmatch(fold(frame.at[i, mapping["athlete"]]))})
    said = tuple(f"row {rows[i]}, " for i in lines)
    return [x for x in problems if not _unnamed(x).startswith(said)] + list(lines.values())


def _speeds_only(frame, mapping: dict) -> tuple:
    """A log read for its top speeds alone (``speeds``): the minutes and RPE it has no column
    for read as 0, which the speeds leave as logged. The frame and {column added: key}."""
    absent = {f"({LABEL[k]} not in the log)": k for k in ("minutes", "rpe") if k not in mapping}
    if absent:
        frame = frame.assign(**dict.fromkeys(absent, "0"))
        mapping.update({k: column for column, k in absent.items()})
    return frame, absent


# a per-drill export's row that is its session's total, named where the drill goes
TOTAL_DRILLS = ("full session", "session", "total", "all", "entire session")


@dataclass
class _LogRows:
    """A log's rows as read: the frame, each row's athlete and date, and its numbers by field
    (:data:`NUMBERS`), each a Series on the frame's index."""
    frame: object
    athletes: list
    dates: list
    nums: dict

    def __iter__(self):
        return iter((self.frame, self.athletes, self.dates, self.nums))


def _drill_groups(frame, mapping: dict, athletes: list, dates: list) -> list[list]:
    """A per-drill export's sessions of more than one row (a ``drill`` column; none without):
    the row labels of each athlete, day and session (the ``session`` column's, when there is
    one), in the file's order."""
    if "drill" not in mapping:
        return []
    titles = (frame[mapping["session"]].astype(str).map(fold).tolist() if "session" in mapping
              else [""] * len(frame))
    groups: dict[tuple, list] = {}
    for i, athlete, day, title in zip(frame.index, athletes, dates, titles, strict=True):
        if athlete is not None and isinstance(day, dt.date):
            groups.setdefault((athlete, day, title), []).append(i)
    return [idx for idx in groups.values() if len(idx) > 1]


def _per_drill(log: _LogRows, mapping: dict, groups: list[list], problems: list, notes: list,
               where) -> _LogRows:
    """A per-drill export (a ``drill`` column): the rows of one session (``groups``,
    :func:`_drill_groups`) are one session, minutes summed, the highest top speed, minutes
    played and pain, the notes joined, the session's RPE (the one its rows give; rows that
    disagree on it are a problem naming them, and so is a session none of whose rows gives one);
    a row named as the session's total (:data:`TOTAL_DRILLS`) beside drill rows is the session,
    its drill rows left out and what it leaves blank (top speed, minutes played, pain) taken from
    them, its RPE compared with theirs; a second total row that repeats it is left out with them.
    Returns the sessions (rows numbered as the file does, :func:`_keep_rows`), in a time linear
    in the rows (a season's export of 20,000 drill rows)."""
    import pandas as pd

    frame = log.frame
    drill = frame[mapping["drill"]].astype(str).map(fold)
    label = pd.Series({i: g for g, idx in enumerate(groups) for i in idx})  # row -> its session
    total = drill[label.index].isin(TOTAL_DRILLS)
    heads = [next((i for i in idx if total[i]), idx[0]) for idx in groups]  # the row kept
    nums = {key: v.astype(float) for key, v in log.nums.items()}
    repeats = _repeated_totals(nums, groups, total, heads)
    _drill_rpe(frame, mapping, nums["rpe"], label, groups, heads, problems, where)
    has_total = total.groupby(label).any().reindex(range(len(groups)), fill_value=False)
    of_drills = label[~total.to_numpy()]
    for key, how in (("minutes", "sum"), ("top_ms", "max"), ("top_pct", "max"),
                     ("played", "max"), ("pain", "max")):
        if key in nums:
            part = nums[key][of_drills.index].groupby(of_drills)
            theirs = (part.sum(min_count=1) if how == "sum" else part.max()).reindex(range(len(groups)))
            own = pd.Series(nums[key][heads].to_numpy())
            keep = has_total & (own.notna() if how == "max" else True)
            nums[key].loc[heads] = own.where(keep, theirs).to_numpy()
    plain = [h for g, h in enumerate(heads) if not has_total[g]]
    if "note" in mapping and plain:
        texts = frame[mapping["note"]].astype(str).str.strip()[label.index]
        joined = texts.groupby(label).agg(lambda t: "; ".join(dict.fromkeys(x for x in t if x)))
        frame.loc[plain, mapping["note"]] = [joined[g] for g, h in enumerate(heads) if not has_total[g]]
    kept = set(heads) | set(total.index[total])  # a second total of its own is a session too
    gone = [i for idx in groups for i in idx if i not in kept]
    if plain:
        notes.append(f"Per-drill rows read as one session per athlete and day: minutes summed, the "
                     f"highest top speed: {len(frame):,} rows → {len(frame) - len(gone):,} session{'s' if len(frame) - len(gone) != 1 else ''}")
    notes += _totals_said(frame, mapping, groups, total, heads, repeats, where)
    gone_set = set(gone)
    keep_at = [k for k, i in enumerate(frame.index) if i not in gone_set]
    return _LogRows(_keep_rows(frame, gone), [log.athletes[k] for k in keep_at],
                    [log.dates[k] for k in keep_at],
                    {key: v.drop(gone).reset_index(drop=True) for key, v in nums.items()})


def _repeated_totals(nums: dict, groups: list[list], total, heads: list) -> dict:
    """{a session's kept total row: the total rows beside it that repeat it, number for number}
    (an export that wrote the total twice); a second total that differs stays a session of its
    own. The rows repeating it are made drill rows, left out with them."""
    out: dict = {}
    for idx, head in zip(groups, heads, strict=True):
        if not total[head]:
            continue
        same = [i for i in idx if i != head and total[i] and all(
            v[i] == v[head] or (v[i] != v[i] and v[head] != v[head]) for v in nums.values())]
        if same:
            out[head] = same
            total[same] = False
    return out


def _drill_rpe(frame, mapping: dict, rpe, label, groups: list[list], heads: list, problems: list,
               where) -> None:
    """The RPE of each session of a per-drill export (:func:`_per_drill`) in its kept row: the
    one its rows give (on one of them, the others blank, or on each); rows that give two are a
    problem naming them, and so is a session none of whose rows gives one."""
    given = rpe[label.index]
    differ = given.groupby(label).nunique()
    first = given.groupby(label).first().reindex(range(len(groups)))
    apart = ("" if "session" in mapping else "; if these are two sessions, add a 'Session' column "
             "(AM/PM) to tell them apart")
    for g in differ.index[differ > 1]:
        idx, head = groups[g], heads[g]
        named = _total_named(frame, mapping, head)
        listed = ", ".join(f"row {_row_of(where, i)}{named if i == head else ''}: {given[i]:g}"
                           for i in idx if given[i] == given[i])
        rows = "the session's total and its drill rows" if named else "the drill rows of one session"
        problems.append(f"{where(idx[0], 'rpe', True)}: {rows} give different RPEs ({listed}); the "
                        f"session has one RPE: write it on each of its rows{'' if named else apart}")
    for g in first.index[first.isna()]:
        idx = groups[g]
        problems.append(f"{where(idx[0], 'rpe', _who_when(frame, mapping, idx[0]))}: missing on "
                        f"each of the session's drill rows ({_rows_listed(idx, where)}); every "
                        f"session has minutes and an RPE")
    rpe.loc[heads] = first.to_numpy()


def _total_named(frame, mapping: dict, i) -> str:
    """`` 'Full Session'`` for a row that is its session's total, to tell it from the drills."""
    text = str(frame.at[i, mapping["drill"]]).strip()
    return f" '{text[:40]}'" if fold(text) in TOTAL_DRILLS else ""


def _rows_listed(idx: list, where) -> str:
    """``rows 2, 3, 4`` (``row 2`` for one)."""
    return f"row{'s' if len(idx) != 1 else ''} " + ", ".join(_row_of(where, i) for i in idx)


def _totals_said(frame, mapping: dict, groups: list[list], total, heads: list, repeats: dict,
                 where) -> list[str]:
    """One line for each session of a per-drill export its total row gives: ``row 4 'Full
    Session' is the session's total: its 2 drill rows are left out`` (and the rows repeating it)
    (:data:`REPEATS_SHOWN` of them, the rest counted)."""
    said = []
    for idx, head in zip(groups, heads, strict=True):
        if not total[head]:
            continue
        again = repeats.get(head, [])
        drills = [i for i in idx if i != head and i not in again and not total[i]]
        if not drills and not again:
            continue
        line = f"row {_row_of(where, head)} '{str(frame.at[head, mapping['drill']]).strip()}' is the session's total"
        if again:
            line += f" ({_rows_listed(again, where)} repeat{'s' if len(again) == 1 else ''} it)"
        if drills:
            line += (f": its {len(drills)} drill row{'s' if len(drills) != 1 else ''} "
                     f"{'are' if len(drills) != 1 else 'is'} left out")
        said.append(line)
    if len(said) > REPEATS_SHOWN:  # a whole squad's export with its totals: a screenful says no more
        said = said[:REPEATS_SHOWN] + [f"… and {len(said) - REPEATS_SHOWN:,} more sessions' total "
                                       f"rows like these"]
    return said


# a header that names a top speed (a distance or a count at a speed is none)
_SPEEDLIKE = re.compile(r"veloc|\bvel\b|speed|vmax|\bmax v\b")
_NO_SPEED = re.compile(r"distance|\bdist\b|running|effort|zone|count|metres|meters|\bm\b|time|"
                       r"duration|minutes|load")
_SPEED_FIX = "head a column 'Top speed m/s' or 'Max Speed (km/h)'"


def _unread_speeds(columns: list, mapping: dict) -> dict:
    """{column: the line that says it} of the columns not read whose header looks like a top
    speed (``Max Vel (% Max)``, ``Max Speed (mph)``): said apart from the other columns not
    read, since a top speed lost makes every exposure of the log count as none."""
    read = mapping.get("top_ms") or mapping.get("top_kmh") or mapping.get("top_pct")
    out = {}
    for c in columns:
        name = fold(c)
        if c in mapping.values() or not _SPEEDLIKE.search(name) or _NO_SPEED.search(name):
            continue
        why = ("a percentage of the GPS system's own max" if re.search(r"%|pct|percent", name)
               else "not a header Periodize knows")
        fix = f"the top speed is read from '{read}'" if read else _SPEED_FIX
        out[c] = f"{column_label(c, columns)} looks like a top speed but was not read ({why}): {fix}"
    return out


def _speed_unit(nums: dict, mapping: dict, notes: list) -> bool:
    """A top speed column whose header names no unit (Catapult's ``Maximum Velocity`` follows
    the account's setting) read as km/h when every value is one a km/h can be and the column's
    bulk (its median) is more than a log takes in m/s (:data:`LIMITS`, 16.5), or all are more
    than anyone's max speed (:data:`~planner.season.MAX_MAX_SPEED`, 15): a rehab player's or a
    goalkeeper's 13.5 beside the squad's 31.2 is 13.5 km/h, and one typo's 18.9 among 8.4 to 8.7
    leaves the column m/s, the 18.9 refused with its row (:func:`_ranges`). Said, in one note
    (True), with the values that would read in m/s too; a column that reads in both units stays
    m/s (and what is out of range is refused)."""
    header = mapping.get("top_ms")
    if header is None or re.search(r"m/?s\b", fold(header)):
        return False
    given = nums["top_ms"].dropna()
    given = given[given > 0]
    most = LIMITS["top_ms"][1]  # the fastest a log takes in m/s
    bulk = not given.empty and given.median() > most
    if given.empty or (given > KMH_MAX).any() or not (bulk or (given > MAX_MAX_SPEED).all()):
        return False
    nums["top_kmh"], mapping["top_kmh"] = nums.pop("top_ms"), mapping.pop("top_ms")
    above = most if bulk else MAX_MAX_SPEED
    low = sorted(set(given[given <= most]))  # would read in m/s too: each said
    also = "; ".join(f"{v:g} is {v / 3.6:.2f} m/s" for v in low[:3]) + ("; …" if len(low) > 3 else "")
    notes.append(f"'{header}' names no unit and its values ({given.min():g} to {given.max():g}) "
                 f"go above {above:g}, which no one sprints in m/s: read as km/h, each "
                 f"speed divided by 3.6 to give m/s{f' ({also})' if also else ''}")
    return True


# what a reader of a log (read_frame) notes in ``frame.attrs``, by how it follows the rows: one
# entry a row, by position; for each column, the positions of some of its rows; the whole file


def _row_numbers(frame) -> list[str]:
    """Each row's number as the file shows it (``attrs['rows']``; a frame without: 2, 3, …)."""
    return frame.attrs.get("rows") or [str(k) for k in range(2, len(frame) + 2)]


def _keep_rows(frame, drop):
    """``frame`` without the rows ``drop`` (index labels), numbered again from 0, and every note
    its reader keeps of the rows by their places (:data:`ROW_ATTRS`, :data:`CELL_ATTRS`) moved
    with them: the readers pair a row with its notes by position (a number cell of 7.125 m/s
    below a row left out was read as text under that row's flag)."""
    gone = set(drop)
    kept = [k for k, i in enumerate(frame.index) if i not in gone]
    place = {old: new for new, old in enumerate(kept)}
    attrs = {**frame.attrs, "rows": _row_numbers(frame)}
    for key in ROW_ATTRS:
        if key in attrs:
            attrs[key] = KeptList([attrs[key][k] for k in kept])
    for key in CELL_ATTRS:
        if key in frame.attrs:
            attrs[key] = KeptDict({c: {place[k] for k in cells if k in place}
                                   for c, cells in frame.attrs[key].items()})
    out = frame.iloc[kept].reset_index(drop=True)
    out.attrs = attrs
    return out


def _up_to_today(frame, column, season: Season) -> tuple:
    """A log read up to today: ``frame`` without its rows dated after today (:func:`_after_today`,
    their dates read as the column's, :func:`_dates`; a slashed one after today whichever way it
    reads is one of them), their days in order, and their dates' texts (which still give the
    column its order)."""
    import pandas as pd

    from planner.validate import planning_start

    rows = pd.Series(_row_numbers(frame), index=frame.index)
    dates, _ = _dates(frame[column], [], lambda i, key: "", rows, season, planning_start(season))
    later = _after_today(frame.index, dates, season)
    gone = set(later)
    days = sorted(d for i, d in zip(frame.index, dates, strict=True) if i in gone)
    return _keep_rows(frame, later), days, tuple(frame[column].astype(str).str.strip().loc[later])


def _after_today(index, dates: list, season: Season) -> list:
    """The rows (of ``index``) a log read up to today leaves out: dated after today (today's own
    count: a session is logged once it happened, as the Log panel logs it) and not after the
    season's end (such a date is wrong, and refused)."""
    from planner.validate import planning_start

    last = planning_start(season)  # today, or the season start while today is not set
    return [i for i, d in zip(index, dates, strict=True)
            if d is not None and last < d <= season.calendar.end]


# a report's summary row, named where the athlete goes ("Total", "Team average", "Squad avg.")
_SUMMARY = re.compile(r"(?:(?:team|squad|group|grand)\s+)?(?:total|totals|sum|average|avg\.?|mean|"
                      r"median|summary)(?:\s*:)?")


def _header_rows(frame, mapping: dict) -> list:
    """The rows that repeat the header, cell for cell in the columns read (a second export
    pasted below the first, its byte-order mark and all)."""
    import pandas as pd

    same = pd.Series(True, index=frame.index)
    for column in mapping.values():
        cells = frame[column].astype(str).str.replace("\ufeff", "", regex=False).map(fold)
        same &= cells == fold(str(column).replace("\ufeff", ""))
    return list(frame.index[same])


def _near_name(key: str, season: Season) -> str | None:
    """The squad's one name (with its ID) close to ``key`` ("Jon Lind": Jonas Lind (A04))."""
    import difflib

    names = {name_key(a.name): a for a in season.athletes}
    close = difflib.get_close_matches(key, list(names), n=2, cutoff=0.75)
    if len(close) != 1:
        return None
    return names[close[0]].label


def _near(written: str, season: Season) -> str | None:
    """The squad's one athlete ``written`` is a near miss of, with his ID: his ID but for
    spacing, case or leading zeros ("A 05", "A5": :func:`planner.squad.near_id`), else his name
    (:func:`_near_name`)."""
    from planner.squad import near_id

    aid = near_id(written, [a.id for a in season.athletes])
    return season.athlete_label(aid) if aid else _near_name(written.casefold(), season)


class AthleteMatch:
    """An athlete named in a cell, as a session log names them: the ID as written, the one ID
    it is in another case ("a07" is A07), the one athlete whose name it is (case and spacing
    aside), or accents aside ("Jose Muller" is José Müller). The coach workbook's sheets read
    their Athlete ID cells with it too. ``athletes``: (ID, name) pairs."""

    def __init__(self, athletes):
        self.exact: set[str] = set()
        self.by_key: dict[str, list[str]] = {}  # IDs whatever their case
        self.by_name: dict[str, list[str]] = {}
        self.by_plain: dict[str, list[str]] = {}  # names without their accents
        for aid, name in athletes:
            self.exact.add(aid)
            self.by_key.setdefault(name_key(aid), []).append(aid)
            if name:
                self.by_name.setdefault(name_key(name), []).append(aid)
                self.by_plain.setdefault(plain_name(name), []).append(aid)

    def read(self, value: object) -> tuple[str | None, str]:
        """(the athlete's ID, how it was read): "id", "name", "plain" (a name, accents aside);
        (None, why) otherwise: "cased" (the ID of several athletes in other cases), "shared"
        (the name of several athletes) or "unknown"."""
        written = " ".join(unicodedata.normalize("NFC", str(value)).split())
        key = written.casefold()
        cased = self.by_key.get(key, [])
        # the ID as written, else the one ID it is in another case (a file made before IDs had
        # to differ in more than case may hold "A01" and "a01": those need the exact ID)
        if written in self.exact:
            return written, "id"
        if len(cased) == 1:
            return cased[0], "id"
        if len(cased) > 1:
            return None, "cased"
        named = self.by_name.get(key, [])
        if len(named) == 1:
            return named[0], "name"
        if len(named) > 1:
            return None, "shared"
        plain = self.by_plain.get(plain_name(key), [])
        if len(plain) == 1:
            return plain[0], "plain"  # the one athlete whose name it is, accents aside
        return (None, "shared") if plain else (None, "unknown")


def _plain_name(text: object) -> str:
    """A name as a GPS export's other spellings are compared: case, accents, dots and commas
    aside ("M. Ruiz", "RUIZ, Marco"), as :func:`planner.text.plain_name` reads a name."""
    return " ".join(plain_name(text, hyphens=True).replace(".", " ").replace(",", " ").split())


def _forms(athletes) -> dict[str, list[str]]:
    """{spelling: the IDs of the athletes it may be} of the ways GPS exports write an athlete's
    name that are not the name itself (``athletes``: (ID, name) pairs): initial and surname
    ("m ruiz"), SURNAME Firstname ("ruiz marco"), the surname alone ("ruiz"); a spelling of
    several athletes too (a surname two share: "ruiz")."""
    forms: dict[str, list[str]] = {}
    for aid, name in athletes:
        words = _plain_name(name or "").split()
        if len(words) < 2:
            continue
        first = words[0]
        for last in dict.fromkeys((" ".join(words[1:]), words[-1])):
            for form in (f"{first[0]} {last}", f"{last} {first}", last):
                ids = forms.setdefault(form, [])
                if aid not in ids:
                    ids.append(aid)
    return forms


def _proposals(rows: dict, forms: dict, season: Season, where, as_proposed: bool = False) -> list[str]:
    """One problem a name written as another spelling of one athlete's (``rows``: the name as
    written -> its row indexes; ``forms``: {spelling: ID} of :func:`_forms`' spellings of one
    athlete only), proposing the athlete: never
    read as them unasked. ``as_proposed`` (asked): one note a name, saying whom it was read as."""
    out = []
    for written, idx in rows.items():
        listed = ", ".join(_row_of(where, i) for i in idx[:REPEATS_SHOWN])
        rows_said = f"row{'s' if len(idx) > 1 else ''} {listed}{' …' if len(idx) > REPEATS_SHOWN else ''}"
        who = season.athlete_label(forms[_plain_name(written)])
        others = f" ({rows_said})" if len(idx) > 1 else ""  # one row: the line's own, said once
        out.append(f"'{written[:60]}' read as {who} ({rows_said})" if as_proposed else
                   f"{where(idx[0], 'athlete')}: '{written[:60]}'{others} is no athlete: "
                   f"{who}? write the squad's name or ID")
    return out


def _athletes(col, season: Season, problems: list, where, notes: list | None = None,
              names: dict | None = None, as_proposed: bool = False,
              rows: list | None = None) -> list[str | None]:
    """Each row's athlete (None: a problem said). A name that is another spelling of one
    athlete's (:func:`_forms`) is proposed, in ``problems``, and given in ``names`` ({as
    written: ID}), its rows' numbers in ``rows``; ``as_proposed``: read as him instead, said in
    ``notes``. One several athletes' spelling ('RUIZ') names them."""
    match = AthleteMatch((a.id, a.name) for a in season.athletes)
    exact = match.exact
    every = _forms((a.id, a.name) for a in season.athletes)
    forms = {form: ids[0] for form, ids in every.items() if len(ids) == 1}
    proposed: dict[str, list] = {}  # a name as written -> its rows, another spelling of one athlete's
    plain_read: dict[str, str] = {}  # a name as written -> the athlete it was read as
    out = []
    for i, v in col.items():
        written = " ".join(unicodedata.normalize("NFC", str(v)).split())
        key = written.casefold()
        aid, how = match.read(v)
        if how == "cased":
            cased = match.by_key[key]
            problems.append(f"{where(i, 'athlete')}: '{written[:60]}' is the ID of "
                            f"{' and of '.join(cased)} in another case; write it exactly")
            out.append(None)
            continue
        if how == "plain":
            plain_read.setdefault(written, aid)
        if aid is None and how == "unknown" and _plain_name(written) in forms:
            proposed.setdefault(written, []).append(i)
            aid = forms[_plain_name(written)] if as_proposed else None
        elif aid is None and not written:  # a totals row's empty name: the row, not a name
            problems.append(f"{where(i, 'athlete').split(',')[0]} has no athlete (its "
                            f"'{where(i, 'athlete').split(', ', 1)[1].strip()}' is empty): a "
                            f"totals row? delete it; else write the athlete's ID or name")
        elif aid is None:
            shared = how == "shared"
            near = None if shared else _near(written, season)
            may = every.get(_plain_name(written), ())
            hint = ("two athletes share that name; use the ID" if shared
                    else f"{' or '.join(season.athlete_label(a) for a in may)}? write the first "
                         f"name or ID" if len(may) > 1
                    else f"no athlete has that ID or name; did you mean {near}?" if near
                    else f"no athlete has that ID or name (IDs: {', '.join(sorted(exact)[:8])}"
                         f"{', ...' if len(exact) > 8 else ''})")
            problems.append(f"{where(i, 'athlete')}: '{str(v)[:60]}': {hint}")
        out.append(aid)
    said = _proposals(proposed, forms, season, where, as_proposed)
    if not as_proposed:
        problems += said
    elif notes is not None:
        notes += said
    if names is not None:
        names.update({w: forms[_plain_name(w)] for w in proposed})
    if rows is not None:
        rows += sorted({_row_of(where, i) for idx in proposed.values() for i in idx}, key=int)
    if plain_read and notes is not None:
        said = [f"'{w[:60]}' as {season.athlete_label(a)}" for w, a in list(plain_read.items())[:5]]
        more = f" and {len(plain_read) - 5} more" if len(plain_read) > 5 else ""
        notes.append(f"Names read without their accents: {', '.join(said)}{more}")
    return out


def _row_number(problem: str) -> int:
    """The row a problem names ("row 4, RPE: ..."), for sorting (problems without one first)."""
    m = re.match(r"row (\d+)", problem)
    return int(m.group(1)) if m else 0


def _place(problem: str) -> str:
    """The row a problem names, with its athlete and date when it says them: ``row 47 (Theo
    Vidal, 2026-09-22)`` of "row 47 (Theo Vidal, 2026-09-22), RPE: missing; …"."""
    m = re.match(r"row \d+(?: \(line \d+\))?(?: \([^()]*\))?", problem)
    return m.group(0) if m else problem


def _without_rows(frame, rows: Collection[int]):
    """``frame`` without the rows numbered ``rows`` (as the file shows them: :func:`_row_number`)."""
    if not rows:
        return frame
    gone = set(rows)
    return _keep_rows(frame, [i for i, n in zip(frame.index, _row_numbers(frame), strict=True)
                              if _row_number(f"row {n}") in gone])


def _dates(col, problems: list, where, rows, season: Season, after: dt.date | None = None,
           also: tuple = (), covers: dict | None = None) -> tuple[list[dt.date | None], str]:
    """The column's dates: ISO (``2026-09-14``, an Excel date) or written with slashes or dots,
    read as the coach workbook reads them (``planner.text.read_text_dates``: the rows that read
    one way only give the others their order, then the season; a row that still reads two ways
    is refused with both); and the note of how. ``after``: a log read up to that day, whose
    rows after it are left out: a row whose two readings both lie after it (and in the season)
    is one of them, not refused for its order. ``also``: the dates of the rows left out so,
    which still give the column its order (``read_text_dates``). ``covers``: given, the rows
    that read two ways, said in one line, by the row that line names (:func:`_two_ways`)."""

    from planner.validate import PRE_SEASON_LOG_DAYS, planning_start

    text = col.astype(str).str.strip()
    parsed = text.map(iso_day)  # the one ISO reader (planner.text), as the workbook
    slashed = {rows[i]: t for i, t in text.items() if numeric_parts(t) is not None}
    cal = season.calendar
    read = read_text_dates(slashed, f"the column '{col.name}'",
                           cal.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS), cal.end, also,
                           last=planning_start(season))  # a log holds no day after today
    out = []
    two_ways: list = []  # the rows that still read two ways: said once for the column
    for i, v in parsed.items():
        if rows[i] in slashed:
            later = _later_both_ways(slashed[rows[i]], after, cal.end) if after else None
            if rows[i] in read.problems and later is None:
                two_ways.append(i)
            out.append(read.days.get(rows[i], later))
        elif text[i] in ("", "nan", "None", "NaT"):
            problems.append(f"{where(i, 'date')}: missing; every session has a date: write it as {DATE_FORMS}")
            out.append(None)
        elif re.fullmatch(r"\d{5}(?:\.0)?", text[i]) and 20000 < float(text[i]) < 80000:
            serial = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text[i])))
            problems.append(f"{where(i, 'date')}: {text[i].removesuffix('.0')} is a number, not a "
                            f"date (as an Excel date it is {serial.isoformat()}); format the cell "
                            f"as a date, or write it as {DATE_FORMS}")
            out.append(None)
        elif v is None and (impossible := iso_not_a_day(text[i])):  # 2026-13-03: a day/month swap
            problems.append(f"{where(i, 'date')}: '{str(text[i])[:40]}' {impossible}; write it as "
                            f"{DATE_FORMS}")
            out.append(None)
        elif v is None:  # neither 2026-09-14 (a start time and zone after it let be) nor slashed
            problems.append(f"{where(i, 'date')}: '{str(text[i])[:40]}' is not a date; write it "
                            f"as {DATE_FORMS}")
            out.append(None)
        else:
            out.append(v)
    problems += _two_ways(two_ways, read.problems, rows, where, col.name, len(slashed), covers)
    return out, read.note


def _two_ways(idx: list, said: dict, rows, where, column, typed: int,
              covers: dict | None = None) -> list[str]:
    """The problems of the rows of a date column that read two ways (``said``: row -> why,
    ``read_text_dates``): one line for the column, not one per row of a week's export, each
    the same but for the date; a lone row (or one that is no date at all) at its row.
    ``covers``: given, {the row the one line names: every row it stands for} (what leaving the
    rows with problems out leaves out: ``LogError.bad_rows``)."""
    ambiguous = [i for i in idx if " could be " in said[rows[i]]]
    if len(ambiguous) < 2:
        return [f"{where(i, 'date')}: {said[rows[i]]}" for i in idx]
    if covers is not None:
        covers[_row_number(f"row {rows[ambiguous[0]]}")] = [_row_number(f"row {rows[i]}")
                                                            for i in ambiguous]
    first = said[rows[ambiguous[0]]].split(f"; {TEXT_DATE_FIX}")[0]
    n = f"all {typed:,}" if len(ambiguous) == typed else f"{len(ambiguous):,}"
    listed = ", ".join(str(rows[i]) for i in ambiguous[:REPEATS_SHOWN])
    more = " …" if len(ambiguous) > REPEATS_SHOWN else ""
    return [f"{where(i, 'date')}: {said[rows[i]]}" for i in idx if i not in ambiguous] + [
        f"{where(ambiguous[0], 'date')}: {n} dates in '{column}' read two ways (rows {listed}{more}; "
        f"e.g. {first}); make the cells Excel dates or write them as YYYY-MM-DD"]


def _later_both_ways(text: str, after: dt.date, end: dt.date) -> dt.date | None:
    """The earlier reading of a slashed date both of whose readings lie after ``after`` and not
    after ``end`` (a row a log read up to today leaves out, whichever its order); else None."""
    parts = numeric_parts(text)
    days = [d for o in (True, False) if (d := numeric_date(parts, o)) is not None] if parts else []
    return min(days) if len(days) == 2 and all(after < d <= end for d in days) else None


def _played(nums: dict, dates: list, season: Season, problems: list, where, notes: list) -> None:
    """Minutes played above the session's minutes are refused (the session's minutes include
    the match, and its load is minutes x RPE); minutes played on a day without a competition
    are said not to be used (they set the role of a competition day only, rules-spec.md §9)."""
    played, minutes = nums.get("played"), nums.get("minutes")
    if played is None:
        return
    match_days = competition_days(season.competitions)
    unused = []
    for i, p in played.items():
        if p != p or p is None:  # NaN: not given
            continue
        m = minutes.get(i) if minutes is not None else None
        ok = m is not None and m == m and 0 <= m <= 600 and 0 <= p <= 600
        if ok and (problem := played_problem(m, p)):
            problems.append(f"{where(i, 'played', True)}: {problem}")
        elif p > 0 and isinstance(dates[i], dt.date) and dates[i] not in match_days:
            unused.append(where(i, "played").split(",")[0])
    if unused:
        more = f" and {len(unused) - 5} more" if len(unused) > 5 else ""
        notes.append(f"Minutes played not used on {', '.join(unused[:5])}{more}: no competition "
                     f"of the season is on that day (minutes played set the role of a "
                     f"competition day only)")


# what GPS and monitoring exports write in a cell with no value: read as empty (where a value is
# required, minutes and RPE, as missing: a '-' for the RPE a player did not give is no typo)
NOT_MEASURED = r"-+|–|—|n/?a|none|null|nan|\?"
# what a row missing its minutes or its RPE needs (a file's rows; the Log panel types 0 alone)
NO_TRAINING = "or 0 minutes and RPE 0 for a day without training"
# what a log's row writes in its minutes or RPE: said where one is missing, no number or out of range
SESSION_VALUE = {"minutes": "the session's minutes", "rpe": "the session RPE (0-10)"}
MISSING_FIX = {key: f"write {what}, {NO_TRAINING}" for key, what in SESSION_VALUE.items()}


def _cells(frame, mapping: dict, key: str):
    """The column ``key``'s cells as text, stripped, an export's mark for "not measured"
    (:data:`NOT_MEASURED`) read as empty."""
    raw = frame[mapping[key]].astype(str).str.strip()
    return raw.where(~raw.str.fullmatch(NOT_MEASURED, case=False), "")


def _no_training(frame, mapping: dict, notes: list, rows, grouped) -> dict:
    """{row index: (0, 0)} of the rows with 0 minutes and no RPE (or RPE 0 already, read as
    such): what monitoring exports write for a player who did not train (ill, absent), read as
    the Log panel reads ``0``, a day without training, and said in one note. A per-drill
    export's rows of a session of several (``grouped``) are left to their session's RPE."""
    import pandas as pd

    minutes = pd.to_numeric(_cells(frame, mapping, "minutes").str.replace(",", ".", regex=False)
                            .where(lambda x: x != "", None), errors="coerce")
    idle = [i for i in frame.index[(minutes == 0) & (_cells(frame, mapping, "rpe") == "")]
            if i not in grouped]
    if idle:
        notes.append(no_training_note([rows[i] for i in idle]))
    return dict.fromkeys(idle, (0.0, 0.0))


SAME_DAY_SHOWN = 5  # athlete-days of two sessions or more named in the note, the rest counted


def same_day_note(label: Callable[[str], str], sessions) -> str | None:
    """One note for the athlete-days that ``sessions`` (new ones: (session, row) pairs, in the
    file's order) give two sessions or more, each athlete said by ``label`` (an ID -> words):
    rows with different notes are two sessions, both counted (a double session), but a copy
    pasted with another note doubles the day's load without a word. ``Rows 298, 300: Nico Ferreira (A10) has 2 sessions on Tue 1 Dec 2026
    (1,080 AU that day); if one is a copy, delete its row``. None when there is none."""
    from planner.history import au

    days: dict[tuple, list] = {}
    for x, row in sessions:
        days.setdefault((x.athlete, x.date), []).append((x, row))
    many = [(key, got) for key, got in days.items() if len(got) > 1]
    if not many:
        return None

    def one(key, got, rows: bool) -> str:
        load = f"{au(sum(x.load for x, _ in got)):,} AU that day"
        at = f"rows {', '.join(str(r) for _, r in got)}; " if rows else ""
        return (f"{label(key[0])} has {len(got)} sessions on {day_long(key[1])} "
                f"({at}{load})")

    if len(many) == 1:
        (key, got), = many
        listed = ", ".join(str(r) for _, r in got)
        return f"Rows {listed}: {one(key, got, False)}; if one is a copy, delete its row"
    shown = "; ".join(one(key, got, True) for key, got in many[:SAME_DAY_SHOWN])
    more = len(many) - SAME_DAY_SHOWN
    return (f"{len(many)} athlete-days have two sessions or more: {shown}"
            f"{f'; and {more} more' if more > 0 else ''}; if one is a copy, delete its row")


def no_training_note(rows: list) -> str:
    """``Rows 82, 105: 0 minutes and no RPE, read as days without training …``: the one note
    for the rows (their numbers) read as days without training, a log's and the coach
    workbook's Sessions sheet's alike."""
    listed = ", ".join(str(n) for n in rows[:REPEATS_SHOWN]) + (
        " …" if len(rows) > REPEATS_SHOWN else "")
    return (f"Row{'s' if len(rows) > 1 else ''} {listed}: 0 minutes and no RPE, read as "
            f"{'days' if len(rows) > 1 else 'a day'} without training (0 minutes, RPE 0), "
            f"as the app's Log reads 0")


def rpe_zero_note(rows: list) -> str | None:
    """``Row 6: 75 minutes at RPE 0 count 0 AU …``: the one note for the sessions with minutes
    at RPE 0 (``rows``: (row number, minutes) pairs), a log's and the coach workbook's Sessions
    sheet's alike. CR-10's 0 is rest, so they are read as written, but a form whose blank
    answer was saved as 0 erases the session from the load, the ACWR and the monotony. None
    when there is none."""
    if not rows:
        return None
    listed = ", ".join(str(n) for n, _ in rows[:REPEATS_SHOWN]) + (
        " …" if len(rows) > REPEATS_SHOWN else "")
    if len(rows) == 1:
        what = f"{rows[0][1]:g} minutes at RPE 0 count 0 AU"
    else:
        what = (f"minutes at RPE 0 count 0 AU ({', '.join(f'{m:g}' for _, m in rows[:REPEATS_SHOWN])}"
                f"{' …' if len(rows) > REPEATS_SHOWN else ''} minutes)")
    return (f"Row{'s' if len(rows) > 1 else ''} {listed}: {what}, read as written (RPE 0 is "
            f"rest); if the RPE was not given (a form's blank answer saved as 0), write the "
            f"session's RPE and import again")


def _rpe_zero(nums: dict, notes: list, where) -> None:
    """:func:`rpe_zero_note` of a log's rows with minutes and RPE 0."""
    minutes, rpe = nums.get("minutes"), nums.get("rpe")
    if minutes is None or rpe is None:
        return
    rows = [(int(_row_of(where, i)), float(minutes[i])) for i in minutes.index
            if minutes[i] == minutes[i] and minutes[i] > 0 and rpe[i] == 0]
    if said := rpe_zero_note(rows):
        notes.append(said)


def _match_alone(frame, mapping: dict, played, season: Season, problems: list, where,
                 notes: list, rows, days: dict) -> dict:
    """{row index: (minutes, RPE)} of the rows with minutes played and neither minutes nor RPE:
    the season's match session (:func:`match_alone`, as the coach workbook and the Log panel
    read them), said in one note; 0 minutes played so, or on a day (``days``: row index ->
    its date, None when it did not read) no competition is on, is refused at its row."""
    from planner.loadtable import LoadTable

    if played is None:
        return {}
    blank = (_cells(frame, mapping, "minutes") == "") & (_cells(frame, mapping, "rpe") == "")
    table = LoadTable.of_season(season)
    on = competition_days(season.competitions)
    out: dict = {}
    for i in played.index[blank & played.notna()]:
        day = days.get(i)
        got = match_alone(played[i], table, day if isinstance(day, dt.date) else None, on)
        if isinstance(got, Refusal) and got.kind == NO_MATCH_DAY:  # the row: the fix is in another column
            problems.append(f"{_place(where(i, 'played', True))}: {got.words}")
        elif isinstance(got, Refusal):
            problems.append(f"{where(i, 'played', True)}: {got.words}")
        out[i] = got
    if read := [rows[i] for i, got in out.items() if not isinstance(got, Refusal)]:
        said = match_alone_note(read, table)
        notes.append(said[0].upper() + said[1:])
    return out


def _numbers(frame, mapping: dict, key: str, problems: list, where, alone: dict | None = None,
             grouped: set | frozenset = frozenset(), notes: list | None = None):
    """The column ``key`` as numbers, each cell that is none said at its row. ``alone``: the
    rows given as minutes played alone (:func:`_match_alone`), whose minutes and RPE it gives
    (None where refused); ``grouped``: a per-drill export's rows of a session of several, whose
    RPE the session's rows give together (:func:`_drill_rpe`), a blank one no problem alone."""
    import pandas as pd

    raw = _cells(frame, mapping, key)
    cleaned = raw.str.replace(",", ".", regex=False).str.rstrip("%").str.strip()
    values = pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce")
    typed = _percent_typed(raw, key, problems, where)  # said, and not again below
    if typed:
        values = values.astype(float)
        values[typed] = float("nan")
    clocks = _written_forms(raw, cleaned, values, key, problems, where, notes, mapping[key])
    if clocks:
        values = values.astype(float)
        for i, v in clocks.items():
            values[i] = v
    ambiguous, took = _grouped(frame, raw, mapping, key, problems, where)
    if took:
        values = values.astype(float)
        for i, v in took.items():
            values[i] = v
        if notes is not None:
            notes.append(_one_reading_note(raw, took, key, mapping[key], where))
    if ambiguous:
        values = values.astype(float)
        values[ambiguous] = float("nan")
    bad = values.isna() & (cleaned != "") & ~raw.index.isin(ambiguous + list(clocks) + typed)
    what = LIMITS[key][2] if key in LIMITS else "the top speed in km/h"
    for i in values.index[bad]:
        if key in MISSING_FIX:  # said as a missing one is: whose, which day, and the fix
            problems.append(f"{where(i, key, _who_when(frame, mapping, i))}: '{raw[i][:40]}' is "
                            f"not a number; {MISSING_FIX[key]}")
        else:
            problems.append(f"{where(i, key, _who_when(frame, mapping, i))}: '{raw[i][:40]}' is "
                            f"not a number; write {what}, or leave the cell empty")
    if key in MISSING_FIX:
        alone = alone or {}
        for i in values.index[values.isna() & (cleaned == "")]:
            if i not in alone and not (key == "rpe" and i in grouped):
                problems.append(f"{where(i, key, _who_when(frame, mapping, i))}: missing; "
                                f"{MISSING_FIX[key]}")
        if read := {i: got[key == "rpe"] for i, got in alone.items() if not isinstance(got, Refusal)}:
            values = values.astype(float)
            for i, v in read.items():
                values[i] = v
    return values


# a number with its unit, as RPE apps and forms write it: "75 min", "75 mins", "75'" (75′, 75’)
# minutes; "7/10" an RPE or pain on the 0-10 scale ("7/5" or "7 / 20" is no such form: refused)
_MINUTES_FORM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:mins?\.?|minutes?|minuten|'|′|’)",
                           re.IGNORECASE)
_OF_TEN = re.compile(r"(\d+(?:[.,]\d+)?)\s*/\s*10")
UNIT_FORMS = {"minutes": _MINUTES_FORM, "played": _MINUTES_FORM, "rpe": _OF_TEN, "pain": _OF_TEN}


def unit_form(text: str, key: str) -> float | None:
    """The number of ``text`` written with its unit as column ``key`` takes it (:data:`UNIT_FORMS`:
    "75 min", "75'" minutes; "7/10" an RPE or a pain), else None: a log and the coach workbook's
    Sessions sheet read them alike."""
    form = UNIT_FORMS.get(key)
    m = form.fullmatch(text.strip()) if form is not None else None
    return float(m[1].replace(",", ".")) if m is not None else None

# where a number grouped like a thousand ("31,250": 31250 or 31.25?) can be one only: the column's
# values that can be (a session of minutes at least SHORTEST_SESSION long: 1.08 minutes is none).
# Not the RPE: an sRPE column holds loads ("1,080" AU), read as minutes x RPE
_PLAUSIBLE = {"minutes": (SHORTEST_SESSION, LIMITS["minutes"][1]), "top_pct": LIMITS["top_pct"][:2],
              "top_ms": (0, LIMITS["top_ms"][1] * 3.6),  # a header with no unit may be km/h
              "top_kmh": (0, LIMITS["top_ms"][1] * 3.6)}


def _one_reading(text: str, key: str) -> float | None:
    """The one reading of ``text`` ("31,250", "7,500") in column ``key``'s range
    (:data:`_PLAUSIBLE`) when the other, its thousands (31250 km/h), cannot be; None when both
    or neither can (refused, as ``coachform.cells.grouping_problem`` says)."""
    m = re.fullmatch(r"\+?0*([1-9]\d{0,2})[.,](\d{3})", text.strip())
    if m is None or key not in _PLAUSIBLE:
        return None
    lo, hi = _PLAUSIBLE[key]
    big, small = float(m[1] + m[2]), float(f"{m[1]}.{m[2]}")
    fits = [v for v in (big, small) if lo <= v <= hi and v > 0]
    return fits[0] if len(fits) == 1 else None


def _one_reading_note(raw, took: dict, key: str, header: str, where) -> str:
    """One note for a column's numbers read the one way they can (:func:`_one_reading`)."""
    i, v = next(iter(took.items()))
    other = raw[i].strip().replace(",", "").replace(".", "").lstrip("+0")
    more = f" and {len(took) - 1} more like it" if len(took) > 1 else ""
    return (f"'{header}': {where(i, key).split(',')[0]} '{raw[i].strip()}' read as {v:g} "
            f"({other} cannot be in this column){more}")


def _written_forms(raw, cleaned, values, key: str, problems: list, where, notes: list | None,
                   header: str) -> dict:
    """{row index: value} of column ``key``'s cells not read as plain numbers (``values`` NaN)
    that are written forms of one: minutes as a clock (:func:`_clock_minutes`) or with an h
    ("1h30"), and a number with its unit (:data:`UNIT_FORMS`: "75 min", "7/10")."""
    clocks = (_clock_minutes(raw, key, problems, where, notes, header)
              if key in ("minutes", "played") else {})
    unread = values.index[values.isna() & (cleaned != "")]
    if key in ("minutes", "played"):  # "1h30", "1 h 30", "1h": 90, 90, 60 (coachform.cells)
        from planner.coachform.cells import hours_text

        clocks.update({i: got for i in unread
                       if i not in clocks and (got := hours_text(raw[i])) is not None})
    if key in UNIT_FORMS:  # "75 min", "75'" (minutes); "7/10" (RPE, pain): the number said
        clocks.update({i: got for i in unread if i not in clocks
                       and (got := unit_form(raw[i], key)) is not None})
    return clocks


def _grouped(frame, raw, mapping: dict, key: str, problems: list, where) -> tuple[list, dict]:
    """"1,080" or "1.080" written as text: 1080 or 1.08? Refused, not guessed (a number cell of a
    workbook holds no separator, whatever it shows), at its row (the first, its rows' indexes),
    unless one reading alone can be in the column (the second, {row index: value}:
    :func:`_one_reading`, "31,250" km/h is 31.25)."""
    from planner.coachform.cells import grouping_problem

    numeric = frame.attrs.get("numeric", {}).get(mapping[key], set())
    maybe = raw.str.contains(r"[.,]\d{3}%?$|,.*\.|\..*,", regex=True)
    ambiguous = []
    took: dict = {}
    for i in raw.index[maybe]:
        if i not in numeric and (problem := grouping_problem(raw[i])):
            if (one := _one_reading(raw[i], key)) is not None:
                took[i] = one
                continue
            problems.append(f"{where(i, key, True)}: {problem}")
            ambiguous.append(i)
    return ambiguous, took


def _percent_typed(raw, key: str, problems: list, where) -> list:
    """The rows of column ``key`` (not a percentage) holding a "%" ("85%" for an RPE), each said
    as typed: it read as 85, "RPE: 85 is outside 0-10", the % gone from the message."""
    if key == "top_pct" or key not in LIMITS:
        return []
    from planner.coachform.cells import percent_problem

    lo, hi, what = LIMITS[key]
    typed = list(raw.index[raw.str.endswith("%")])
    for i in typed:
        problems.append(f"{where(i, key, True)}: {percent_problem(raw[i], f'write {what} ({lo:g}-{hi:g})')}")
    return typed


def _who_when(frame, mapping: dict, i, said_cell: str = "") -> str:
    """`` (Adam Kowalski, 21/09/2026)``: the row's athlete and date as written, to find the row
    by (either alone when the other cell is empty; "" for neither): "row 12, RPE: missing" sent
    the coach to count rows in the file. ``said_cell`` ("athlete" or "date"): the cell the line
    says as written already, left out (`` (21/09/2026)``, Player: 'Totalx': no athlete …)."""
    said = []
    for key in ("athlete", "date"):
        if key == said_cell:
            continue
        text = str(frame.at[i, mapping[key]]).strip()
        if text not in ("", "nan", "None", "NaT"):
            # an Excel date reads "2026-09-21 00:00:00"; brackets would end the place early
            text = " ".join(text.removesuffix(" 00:00:00").replace("(", "").replace(")", "").split())
            said.append(text[:40])
    return f" ({', '.join(said)})" if said else ""


def _unnamed(problem: str) -> str:
    """``problem``'s place without the row's athlete and date (:func:`_who_when`): "row 12 (Adam
    Kowalski, 21/09/2026), RPE: ..." -> "row 12, RPE: ...", to compare places."""
    return re.sub(r"^(row \d+(?: \(line \d+\))?) \([^()]*\),", r"\1,", problem, count=1)


def _in_hours(raw, nums: dict, problems: list, where) -> None:
    """Durations that read as hours (``hours_problem``: 1.25 with RPE 5 and a sprint) are
    refused at their row; one written as a clock (``0:01:15``) or with its unit (``3 min``) says
    its unit."""
    minutes, rpe, played = nums["minutes"], nums["rpe"], nums.get("played")
    tops = [nums[k] for k in ("top_pct", "top_ms") if k in nums]
    for i in minutes.index[(minutes > 0) & (minutes < SHORTEST_SESSION)]:
        top = any(t[i] == t[i] and t[i] > 0 for t in tops)
        match = played[i] if played is not None and played[i] == played[i] else None
        said = ":" in str(raw[i]) or _MINUTES_FORM.fullmatch(str(raw[i]).strip())
        if not said and (problem := hours_problem(minutes[i], rpe[i], top, played=match)):
            problems.append(f"{where(i, 'minutes', True)}: {problem}")


CLOCK = re.compile(r"\d{1,3}:\d{2}(?::\d{2}(?:\.\d+)?)?")


def clock_minutes(text: str) -> float | None:
    """A duration written as a clock, as GPS exports and a time cell of a workbook write it:
    ``01:15:00`` (hours:minutes:seconds) is 75 minutes; ``1:15`` could be hours:minutes or
    minutes:seconds and is refused with both readings (``coachform.cells.Bad``, as the coach
    workbook reads it: ``coachform.cells.to_minutes``); None for a text that is no clock. The
    app's Log cells read minutes with it; a log's file reads its ``1:15`` by the column
    (:func:`_clock_minutes`)."""
    if not CLOCK.fullmatch(text):
        return None
    from planner.coachform.cells import to_minutes

    return to_minutes(text)


# a clock a:bb's first part from which it can only be minutes:seconds (90:00, 75:30), and so is
# every clock of its column; a column of clocks below it is hours:minutes (1:15, 0:45): no session
# lasts 1 min 15 s, and 5:00 as hours is a day's training in one go (_clock_minutes)
MMSS_FROM = 5
_SHORT_CLOCK = re.compile(r"(\d{1,3}):([0-5]\d)")


def hours_minutes(text: str) -> float | None:
    """The minutes of a session's duration written ``h:mm`` (``1:15`` is 75 minutes, ``0:45``
    is 45: no session lasts 1 min 15 s), as a coach types it in the app's Log and as a log's
    Minutes column of such clocks is read (:func:`_clock_minutes`); None for a text of another
    form (a number, ``1:15:00``, or ``90:00``, whose first part from :data:`MMSS_FROM` can only
    be minutes). ``coachform.cells.Bad`` with both readings for one too short for a session
    (``0:03``: 3 minutes or 3 s?) or longer than :data:`LONG_SESSION` (``4:30``)."""
    m = _SHORT_CLOCK.fullmatch(text.strip())
    if m is None or int(m[1]) >= MMSS_FROM:
        return None
    minutes = int(m[1]) * 60 + int(m[2])
    if 0 < minutes < SHORTEST_SESSION or minutes > LONG_SESSION:
        from planner.coachform.cells import to_minutes

        to_minutes(text.strip())  # refused, with both readings
    return float(minutes)


def _clock_minutes(raw, key: str, problems: list, where, notes: list | None = None,
                   label: str = "") -> dict:
    """:func:`clock_minutes` of a column: {row index: minutes, NaN where refused} of the
    clocks. A clock ``a:bb`` (an export's [h]:mm or mm:ss duration) is read by the column as a
    whole: when one has a first part from :data:`MMSS_FROM` (90:00 can only be minutes:seconds),
    every one is minutes:seconds, except that in Minutes a short one is then too short for a
    session and refused in one line (1:15 beside 75:30: 1 min 15 s or 1 h 15 min?); else they
    are hours:minutes (1:15 is 75 minutes, no session lasts 1 min 15 s), but refused with both
    readings in Minutes played (a substitute's 3:20), in Minutes when one would be longer than
    :data:`LONG_SESSION` (drills of 4:30 are no 4.5 hours) and at its row when too short for a
    session (0:03). Said in one note (``notes``) naming the column (``label``) and an example,
    or, for a clock or two among numbers, naming those cells."""
    from planner.coachform.cells import Bad, to_minutes

    out: dict = {}
    short: dict = {}  # a:bb below MMSS_FROM: index -> (a, b)
    long: dict = {}  # from MMSS_FROM
    numbers = 0
    for i, t in raw.items():
        if (m := _SHORT_CLOCK.fullmatch(t)) is not None:
            a, b = int(m[1]), int(m[2])
            (short if a < MMSS_FROM else long)[i] = (a, b)
            continue
        numbers += bool(_PLAIN_NUMBER.fullmatch(t))
        try:
            minutes = clock_minutes(t)
        except Bad as e:
            problems.append(f"{where(i, key, True)}: {e}")
            minutes = float("nan")
        if minutes is not None:
            out[i] = minutes
    for i, (a, b) in long.items():
        out[i] = a + b / 60
    if long and key == "minutes" and short:  # in minutes:seconds too short for a session
        first = next(iter(long))
        problems.append(_both_readings(raw, short, label, where,
                                       f"as '{raw[first]}' (row {_row_of(where, first)}) is"))
        out.update(dict.fromkeys(short, float("nan")))
        short = {}
    elif short and not long and key == "minutes" and max(a * 60 + b for a, b in short.values()) > LONG_SESSION:
        i = max(short, key=lambda k: short[k][0] * 60 + short[k][1])
        a, b = short[i]
        problems.append(_both_readings(raw, short, label, where,
                                       f"and '{raw[i]}' as hours:minutes is {a * 60 + b} minutes, "
                                       f"more than {LONG_SESSION // 60} hours"))
        out.update(dict.fromkeys(short, float("nan")))
        short = {}
    read, how = [], "minutes:seconds" if long else "hours:minutes"
    for i, (a, b) in short.items():
        if long:
            out[i] = a + b / 60
            read.append(i)
            continue
        try:  # a substitute's 3:20; 0:03: 3 minutes or 3 s? (refused with both readings)
            if key == "played" and a * 60 + b > 0:
                to_minutes(raw[i])
            out[i] = hours_minutes(raw[i]) if key == "minutes" else a * 60 + b
            read.append(i)
        except Bad as e:
            problems.append(f"{where(i, key, True)}: {e}")
            out[i] = float("nan")
    read = sorted(read + list(long), key=list(raw.index).index)
    if notes is None or not read:
        return out
    if len(read) <= 2 and len(read) < numbers:  # a clock or two among numbers: those cells
        said = [f"'{raw[i]}' on row {_row_of(where, i)} read as {out[i]:g} minutes" for i in read]
        notes.append(f"'{label}': {' and '.join(said)} ({how})")
    else:
        notes.append(f"'{label}' holds durations as {how}: '{raw[read[0]]}' (row "
                     f"{_row_of(where, read[0])}) read as {out[read[0]]:g} minutes")
    return out


_PLAIN_NUMBER = re.compile(r"\s*\d+(?:[.,]\d+)?\s*")


def _both_readings(raw, short: dict, label: str, where, why: str) -> str:
    """One line for the clocks ``short`` of a column ({index: (a, b)}) that could be
    hours:minutes or minutes:seconds, ``why`` saying why neither is read, with the fix."""
    idx = list(short)
    shown = list(dict.fromkeys(raw[i] for i in idx))
    said = " and ".join(f"'{x}'" for x in shown[:3]) + (", ..." if len(shown) > 3 else "")
    a, b = short[idx[0]]
    return (f"{_rows_listed(idx, where)}, {label}: {said} could be hours:minutes or "
            f"minutes:seconds, {why}; write the minutes as a number ({a * 60 + b} if "
            f"'{raw[idx[0]]}' is hours:minutes, {a + b / 60:.4g} if minutes:seconds), or "
            f"hours:minutes:seconds ({a:02d}:{b:02d}:00)")


def _holds_loads(rpe, minutes) -> bool:
    """Does an "sRPE" column hold session loads (minutes x RPE), judged by the column as a whole:
    at least as many rows read only as a load (above 10, and RPE 1-10 once divided by the
    minutes) as read only as an RPE (10 or less, where minutes x even RPE 1 would be more)? One
    RPE typed 11 among RPEs of 5 is then that row's typo, not a column of loads."""
    as_load = (rpe > 10) & (rpe >= minutes) & (rpe <= 10 * minutes)
    as_rpe = (rpe > 0) & (rpe <= 10) & (minutes > rpe)
    return bool(as_load.any()) and int(as_load.sum()) >= int(as_rpe.sum())


def _ranges(nums: dict, problems: list, where, notes: list, mapping: dict, frame,
            guessed: bool = False) -> None:
    """Each number within its field's bounds (:data:`LIMITS`), a speed in km/h said in km/h, each
    with the row's athlete and date (:func:`_who_when`: "row 12, RPE: 14 is outside 0-10" sent the
    coach to count rows, a top speed or minutes played too); an sRPE of loads read back as the
    RPE; km/h divided by 3.6, said (unless ``guessed``: :func:`_speed_unit` said it)."""
    rpe = nums["rpe"]
    if fold(mapping["rpe"]) == "srpe" and "minutes" in nums and _holds_loads(rpe, nums["minutes"]):
        # an export's "sRPE" holding session loads (minutes x RPE): read back as the RPE
        minutes = nums["minutes"]
        big = rpe.index[rpe > 10][0]
        # a value that reads as an RPE (10 or less) where minutes x even RPE 1 would be more:
        # the column is mixed, and dividing it would make that RPE a fraction
        for i in rpe.index[(rpe > 0) & (rpe <= 10) & (minutes > rpe)]:
            problems.append(f"{where(i, 'rpe', True)}: {rpe[i]:g} reads as an RPE, but the column holds "
                            f"session loads (minutes x RPE) in other rows (row "
                            f"{_row_of(where, big)}: {rpe[big]:g}); write this row's load "
                            f"({minutes[i]:g} x RPE), or RPEs in every row")
        nums["rpe"] = (rpe / minutes.where(minutes > 0)).where(~((minutes == 0) & (rpe == 0)), 0.0)
        for i in rpe.index[(minutes == 0) & (rpe > 0)]:
            problems.append(f"{where(i, 'rpe', True)}: a load of {rpe[i]:g} in 0 minutes; give the "
                            f"session's minutes (a day without training is 0 and 0)")
        notes.append(f"'{mapping['rpe']}' holds session loads (minutes x RPE): RPE = load / minutes")
    kmh = "top_kmh" in nums
    if kmh:
        nums["top_ms"] = nums.pop("top_kmh") / 3.6
        mapping["top_ms"] = mapping.pop("top_kmh")
        if not guessed:
            notes.append(f"'{mapping['top_ms']}' is in km/h: each speed is divided by 3.6 to give m/s")
    for key, (lo, hi, _) in LIMITS.items():
        if key not in nums:
            continue
        v = nums[key]
        fraction = (v > 0) & (v <= 1.5) & (key == "top_pct")  # 0.85 for 85 %
        for i in v.index[(v < lo) | (v > hi) | ((v == 0) & (key == "top_ms")) | fraction]:
            problem = limit_problem(key, v[i], SESSION_VALUE.get(key, "")) if not (
                kmh and key == "top_ms") else _kmh_problem(v[i])  # said in the column's own unit
            problems.append(f"{where(i, key, _who_when(frame, mapping, i))}: {problem}")
    _pct_in_a_speed_unit(nums.get("top_pct"), where, notes, mapping.get("top_pct"))


LOW_PCT = 40  # a log's top speeds in % all at or below this: more likely km/h or m/s


def speeds_in_pct(values) -> tuple[object, float, str] | None:
    """A 'Top speed %' column holding speeds (31.5 km/h, 8.9 m/s typed into the form's column)
    reads as 31.5 % of the max: in range, so taken, and the day counted as no speed work. From
    ``values`` ((key, value) pairs), when every value above 1.5 is at or below ``LOW_PCT`` (none
    of them a speed day): (the highest's key, the highest, the unit it reads as); else None."""
    given = [(k, v) for k, v in values if v is not None and v == v and v > 1.5]
    if not given:
        return None
    key, top = max(given, key=lambda kv: kv[1])
    return None if top > LOW_PCT else (key, top, "km/h" if top >= 15 else "m/s")


def _pct_in_a_speed_unit(pct, where, notes: list, header: str | None) -> None:
    """:func:`speeds_in_pct` of a log's column, said with the column name that reads them as
    speeds; the sessions are still read (a log of rehab jogging may be so)."""
    got = speeds_in_pct(pct.items()) if pct is not None else None
    if got is None:
        return
    at, top, unit = got
    notes.append(f"'{header}' has no value above {LOW_PCT} % (the highest, "
                 f"{where(at, 'top_pct').split(',')[0]}, is {top:g}): no session reached "
                 f"a speed day. If the column holds speeds in {unit}, not % of the athlete's "
                 f"max, name it 'Top speed {unit}' and read the log again (replacing the sessions stored "
                 f"from it, if saved)")


# a km/h column whose every speed is below this (jogging pace) for this many athletes or more:
# m/s under a km/h header (a GPS tool's export setting, or the wrong column pasted), refused;
# one or two players' log (a physio's rehab export) may be a slow rehab jog: said first, loud
SLOW_KMH = 12.0
SLOW_KMH_ATHLETES = 3
# ... and whose speeds, read as m/s, are what the athletes run: each one's fastest within this
# share of the max speed, for most athletes with one (a recovery jog's 11 km/h is 3 m/s, far
# below any max; read as m/s it is above the max)
# read as m/s, an athlete's fastest up to 115 % of the max on record is a sprint of a log in m/s
# (a GPS peak passes a max tested months before); no lower bound: a recovery day in m/s is slow
SLOW_KMH_AS_MS = (0.0, 1.15)


def _reads_as_ms(given, athletes: list, season: Season) -> bool:
    """Whether the speeds ``given`` (by row), read as m/s, are the athletes' sprints: each
    athlete's fastest within :data:`SLOW_KMH_AS_MS` of the max speed, for more than half of
    the athletes with one. With no max speed known, nothing says otherwise: True."""
    fastest: dict[str, float] = {}
    for i, v in given.items():
        aid = athletes[i] if i < len(athletes) else None
        if aid is not None:
            fastest[aid] = max(v, fastest.get(aid, 0.0))
    maxes = {aid: a.max_speed for aid in fastest
             if (a := season.athlete(aid)) is not None and a.max_speed}
    if not maxes:
        return True
    lo, hi = SLOW_KMH_AS_MS
    near = sum(lo <= fastest[aid] / m <= hi for aid, m in maxes.items())
    return near * 2 > len(maxes)


def _slow_kmh(nums: dict, mapping: dict, athletes: list, season: Season, where,
              problems: list) -> str | None:
    """A column headed in km/h whose speeds, read as km/h, are all slower than anyone sprints
    (below :data:`SLOW_KMH`) and, read as m/s, are the athletes' sprints (:func:`_reads_as_ms`)
    holds m/s: every sprint of the log would be lost. For :data:`SLOW_KMH_ATHLETES` athletes or
    more refused with the header to write, as the coach workbook refuses a max speed so
    (``planner.coachform.cells.parse_max_speed``); for one or two (a rehab player's slow jog may
    be so) read as headed, and the line to say first returned: the rows, what each athlete's
    fastest is as m/s, and the header to write. A recovery day's jog logged in km/h, too fast
    for m/s, is read as headed without a word."""
    kmh = nums.get("top_kmh")
    if kmh is None:
        return None
    given = kmh[kmh > 0].dropna()
    who = {athletes[i] for i in given.index if i < len(athletes) and athletes[i] is not None}
    if given.empty or given.max() >= SLOW_KMH or not who:
        return None
    if not _reads_as_ms(given, athletes, season):
        return None
    fastest = given.idxmax()
    if len(who) >= SLOW_KMH_ATHLETES:
        problems.append(f"{mapping['top_kmh']}: every top speed of its {len(who)} athletes is below "
                        f"{SLOW_KMH:g} km/h (the fastest is {given[fastest]:g}, "
                        f"{where(fastest, 'top_kmh').split(',')[0]}): read as km/h, as the column's "
                        f"header says, {given[fastest]:g} is {given[fastest] / 3.6:.2f} m/s, slower "
                        f"than any athlete sprints, and no session would count as a sprint; if the "
                        f"column holds m/s, head it 'Top speed m/s'")
        return None
    rows = [_row_of(where, i) for i in given.index]
    each = []
    for aid in sorted(who):
        mine = given[[i for i in given.index if i < len(athletes) and athletes[i] == aid]]
        top = float(mine.max())
        a = season.athlete(aid)
        label = f"{a.name} ({aid})" if a is not None else aid
        share = (f", {100 * top / 3.6 / a.max_speed:.0f} % of max speed (as m/s: "
                 f"{100 * top / a.max_speed:.0f} %)" if a is not None and a.max_speed else "")
        each.append(f"{label}'s fastest, {top:g}, reads as {top / 3.6:.2f} m/s{share}")
    return (f"'{mapping['top_kmh']}' (row{'s' if len(rows) > 1 else ''} {', '.join(rows[:REPEATS_SHOWN])}"
            f"{' …' if len(rows) > REPEATS_SHOWN else ''}): every top speed is below {SLOW_KMH:g} km/h, "
            f"a jog; {'; '.join(each)}. If these are m/s, head the column 'Top speed m/s' and "
            f"read the log again (replacing the sessions stored from it, if saved)")


def _kmh_problem(ms: float) -> str:
    """Why a top speed read from a km/h column (``ms`` after the division) cannot be."""
    lo, hi, _ = LIMITS["top_ms"]
    value = round(ms * 3.6, 9)
    if value == 0:
        return "0 km/h is no top speed; leave the cell empty when no speed was measured"
    return f"{value:g} is outside {lo * 3.6:g}-{hi * 3.6:g}; write top speed in km/h"



def _row_of(where, i) -> str:
    """The row number ``where`` names for index ``i`` ("row 7, sRPE" -> "7")."""
    return where(i, "rpe").split(",")[0].removeprefix("row ")


def _day_totals(athletes: list, dates: list, minutes, problems: list, where,
                frame=None, mapping: dict | None = None) -> None:
    """An athlete's sessions of one day add up to more than the day has: a typo (600 for 60)
    or a file of several days read as one; or rows that repeat another cell for cell
    (``frame``'s columns of ``mapping``): the same session again, said so with the rows to
    remove (a week's export pasted 70 times over read "correct the minutes (60, not 600?)",
    though no minutes were wrong)."""
    if minutes is None:
        return
    totals: dict[tuple, list] = {}
    for i, (a, d) in enumerate(zip(athletes, dates, strict=True)):
        m = minutes.iloc[i]
        if a is not None and d is not None and m == m:
            totals.setdefault((a, d), []).append(i)
    for (a, d), idx in totals.items():
        total = sum(float(minutes.iloc[i]) for i in idx)
        if total > DAY_MINUTES:
            rows = ", ".join(_row_of(where, minutes.index[i]) for i in idx[:6])
            said = (f"{where(minutes.index[idx[0]], 'minutes')}: {a}'s sessions on "
                    f"{d.isoformat()} (rows {rows}) add up to {total:g} minutes, more than a day has")
            repeats = _repeated_rows(idx, minutes, frame, mapping)
            if repeats is None:
                problems.append(f"{said}; correct the minutes (60, not 600?)")
                continue
            again, first = repeats
            shown = [_row_of(where, minutes.index[i]) for i in again[:6]]
            listed = join_and(shown + ([f"{len(again) - 6:,} more"] if len(again) > 6 else []))
            of = (f"row {_row_of(where, minutes.index[first[0]])}" if len(first) == 1
                  else "earlier rows")
            many = len(again) > 1
            problems.append(f"{said}: {'rows' if many else 'row'} {listed} "
                            f"{'repeat' if many else 'repeats'} {of} cell for cell, the same "
                            f"session again; remove the repeated rows")


def _repeated_rows(idx: list, minutes, frame, mapping: dict | None) -> tuple[list, list] | None:
    """(the rows of ``idx`` that repeat an earlier one cell for cell, the rows they repeat) when
    without them the day's minutes fit in a day; None otherwise (or with no frame to compare)."""
    if frame is None or not mapping:
        return None
    columns = list(dict.fromkeys(mapping.values()))
    seen: dict[tuple, int] = {}
    again: list = []
    first: list = []
    for i in idx:
        cells = tuple(map(str, frame.loc[minutes.index[i], columns]))
        if cells in seen:
            again.append(i)
            if seen[cells] not in first:
                first.append(seen[cells])
        else:
            seen[cells] = i
    if not again or sum(float(minutes.iloc[i]) for i in seen.values()) > DAY_MINUTES:
        return None
    return again, first


LONG_SESSION = 240  # minutes: longer sessions are read, and the import says them


def _long_sessions(athletes: list, minutes, season: Season, notes: list, where) -> None:
    """Sessions longer than ``LONG_SESSION`` minutes are read (a tournament day can be that
    long) and said: a typo (600 for 60) makes a load ten times the session's and lifts the
    athlete's ACWR for a month."""
    if minutes is None:
        return
    long = [(i, float(m)) for i, m in minutes.items()
            if m == m and LONG_SESSION < m <= LIMITS["minutes"][1]]
    if long:
        said = "; ".join(f"{where(i, 'minutes')}: {m:g} minutes"
                         + (f" ({season.athlete_label(athletes[i])})"
                            if i < len(athletes) and athletes[i] else "")
                         for i, m in long[:5])
        more = f" and {len(long) - 5} more" if len(long) > 5 else ""
        notes.append(f"Sessions longer than {LONG_SESSION // 60} hours read as written: {said}{more}. "
                     f"A typo (600 for 60)? Correct the file and import it again")


# how far above the max speed on record a logged top speed is said (a share of the max): a GPS
# unit's top speed varies by more than 0.1 km/h, and every percentage read against a max 1 %
# low moves by 1 %, less than any level's band; "faster by 0.1 km/h" for the same five players
# every week was noise the coach learnt to skip (docs/semantics.md)
NEW_MAX_MARGIN = 0.01


def _faster(v: float, max_speed: float) -> bool:
    """Is a logged top speed (m/s) more than :data:`NEW_MAX_MARGIN` above the max speed on
    record? (A max of 32.8 km/h is stored as 9.11 m/s, 32.796 km/h: the margin also keeps a
    32.8 km/h logged against it from reading as a new max.)"""
    return v > max_speed * (1 + NEW_MAX_MARGIN)


# how the command line takes a max speed from the log (the app: its Take the Fastest button)
MAX_FIX = "--max-speed-from-log"


@dataclass(frozen=True)
class NoMaxSpeed:
    """An athlete of a log with top speeds in m/s (or km/h) and no max speed to read them
    against: how many, the fastest, its day and its row ("row 7"), and the next fastest of his
    other rows (None: one row)."""

    athlete: str
    count: int
    fastest: float  # m/s
    day: dt.date | None
    row: str
    second: float | None = None  # m/s

    def words(self) -> str:
        """``8.75 m/s = 31.5 km/h, Tue 12 Jan, row 7``."""
        when = f", {day_text(self.day)}" if isinstance(self.day, dt.date) else ""
        return f"{self.fastest:.2f} m/s = {self.fastest * 3.6:.1f} km/h{when}, {self.row}"

    def problem(self, season: Season, fix: str = "") -> str:
        """The reader's one line for the athlete (not one a row); ``fix``: how the place takes
        a max speed from the log (default :data:`MAX_FIX`, the command line's)."""
        speeds = (f"their {self.count} top speeds" if self.count > 1 else "their top speed")
        fastest = "fastest " if self.count > 1 else ""
        return (f"{season.athlete_label(self.athlete)} has no max speed, so {speeds} in m/s "
                f"({fastest}{self.words()}) cannot be read: give their max speed (Season ▸ Squad, "
                f"the workbook's Athletes sheet, or {fix or MAX_FIX}), or log their top "
                f"speeds in %")


class LogError(InputError):
    """A log refused; ``no_max``: its athletes with top speeds in m/s and no max speed (a max
    speed taken from the log reads them: :func:`planner.logmerge.max_speeds_from_log`);
    ``proposed``: {a name as written: the athlete's ID} of the names refused with the athlete
    they are another spelling of (read so with ``read_sessions(..., as_proposed=True)``);
    ``others``: {a name as written: its rows} of the players not in this squad (left out with
    ``read_sessions(..., only_squad=True)``); ``others_alone``: their rows are all the log's
    problems; ``skippable``: every problem, when each names its
    row (``read_sessions(..., skip_bad=True)`` leaves those rows out), else none; ``rows``: the
    rows read; ``covers``: {the row a problem names: every row its one line stands for} (a
    column's dates that read two ways, said once)."""

    def __init__(self, *args, no_max: dict[str, NoMaxSpeed] | None = None,
                 proposed: dict[str, str] | None = None, others: dict[str, int] | None = None,
                 skippable: list[str] | None = None, rows: int = 0, others_alone: bool = False,
                 covers: dict[int, list[int]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.no_max = no_max or {}
        self.proposed = proposed or {}
        self.others = others or {}
        self.others_alone = bool(self.others) and others_alone
        self.skippable = skippable or []
        self.rows = rows
        self.covers = covers or {}

    def bad_rows(self) -> list[int]:
        """The rows :attr:`skippable` names, each once, in order, with the rows a line names
        for them all (:attr:`covers`; none: no skip)."""
        return sorted({r for p in self.skippable
                       for r in self.covers.get(_row_number(p), [_row_number(p)])})

    def most_left_out(self) -> str:
        """Why leaving out the rows with problems is not offered (the CLI's --skip-bad-rows,
        the app's Import the Other N Rows): it would leave out more than half the rows read, most
        of the week (a column of dates that read two ways), with what to do instead; "" when it
        would not, or would leave no row (nothing to offer: the problems say what to correct)."""
        bad = len(self.bad_rows())
        if not bad or 2 * bad <= self.rows or bad >= self.rows:
            return ""
        dates = any(r in self.covers for r in map(_row_number, self.skippable))
        fix = ("make the date cells Excel dates or write them as YYYY-MM-DD" if dates else
               "correct those rows in the file")
        return (f"Leaving out the rows with problems would leave out {bad:,} of the "
                f"{self.rows:,} rows, most of the file, so it is not offered: {fix}.")


def _no_max(top_ms, athletes: list, season: Season, where, dates: list | None) -> dict:
    """The athletes with top speeds in m/s and no max speed, each once (:class:`NoMaxSpeed`)."""
    lo, hi, _ = LIMITS["top_ms"]
    rows: dict[str, list] = {}
    for i, v in top_ms.items():
        aid = athletes[i] if i < len(athletes) else None
        if aid is not None and v == v and lo < v <= hi and not season.athlete(aid).max_speed:
            rows.setdefault(aid, []).append((v, i))
    out: dict[str, NoMaxSpeed] = {}
    for aid, speeds in rows.items():
        v, i = max(speeds, key=lambda x: x[0])  # the first of the fastest
        day = dates[i] if dates is not None and i < len(dates) else None
        others = [float(x) for x, j in speeds if j != i]
        out[aid] = NoMaxSpeed(aid, len(speeds), float(v), day, where(i, "top_ms").split(",")[0],
                              max(others) if others else None)
    return out


def _max_speeds(athletes: list, top_ms, season: Season, problems: list, where,
                kmh: bool = False, dates: list | None = None,
                no_max: dict | None = None, max_fix: str = "") -> list[tuple]:
    """A top speed in m/s needs the athlete's max speed and is at most 10 % above it (``kmh``:
    the column is in km/h, and the problem says the value as written first). The athletes with
    none are said once each (``max_fix``: :meth:`NoMaxSpeed.problem`), and put in ``no_max``
    (:func:`_no_max`). The rows above the max
    speed (within the 10 %) are read, and returned as (row, athlete, m/s, date) for
    :func:`_faster_note`: a new max makes every percentage of the athlete read lower than it was."""
    from planner.validate import top_speed_ms_problem

    if top_ms is None:
        return []
    found = _no_max(top_ms, athletes, season, where, dates)
    problems.extend(x.problem(season, max_fix) for x in found.values())
    if no_max is not None:
        no_max.update(found)
    lo, hi, _ = LIMITS["top_ms"]
    faster: list[tuple] = []
    for i, v in top_ms.items():
        aid = athletes[i] if i < len(athletes) else None
        if aid is None or aid in found or v != v or not lo < v <= hi:  # unknown athlete, no
            continue  # speed, out of range: reported already; no max speed: said once above
        a = season.athlete(aid)
        problem = top_speed_ms_problem(season, a, v)
        if problem:
            said = f"{round(v * 3.6, 9):g} km/h = " if kmh and problem[:1].isdigit() else ""
            problems.append(f"{where(i, 'top_ms', True)}: {said}{problem}")
        elif a.max_speed and _faster(v, a.max_speed):
            faster.append((i, aid, v, dates[i] if dates is not None and i < len(dates) else None))
    return faster


def _faster_note(faster: list[tuple], season: Season, kmh: bool = False) -> str:
    """``Faster than the max speed on record by more than 1 %: …``, each athlete's fastest of the rows
    (:func:`_max_speeds`'s) once ("" for none): given the rows the import adds only, a whole
    season's export imported every week said the same rows' new max every week."""
    best: dict[str, tuple[float, object]] = {}
    for _i, aid, v, d in faster:
        if aid not in best or v > best[aid][0]:
            best[aid] = (v, d)
    if not best:
        return ""

    def speed(ms: float) -> str:
        return f"{ms * 3.6:.1f} km/h" if kmh else f"{ms:.2f} m/s"

    said = "; ".join(f"{season.athlete_label(a)} {speed(v)}"
                     + (f" on {date_short(d)}" if isinstance(d, dt.date) else "")
                     + f" (max {speed(season.athlete(a).max_speed)})"
                     for a, (v, d) in best.items())
    typed = f" (as the log writes it: {speed(max(v for v, _d in best.values()))})" if kmh else ""
    return (f"Faster than the max speed on record by more than {NEW_MAX_MARGIN * 100:g} %: {said}. A new "
            f"max? Type it as the player's Max speed in the app's Season ▸ Squad{typed}, then "
            f"Apply, or in the coach workbook's Athletes sheet imported again, so that the "
            f"percentages of max speed read right")


def _speeds_agree(athletes: list, top_pct, top_ms, season: Season, problems: list, where,
                  mapping: dict, kmh: bool = False) -> None:
    """A row with a top speed in % and in m/s: the two must say the same
    (``planner.validate.speeds_disagree``)."""
    from planner.validate import speeds_disagree

    if top_pct is None or top_ms is None:
        return
    for i in top_pct.index:
        pct, ms = top_pct[i], top_ms[i]
        aid = athletes[i] if i < len(athletes) else None
        a = season.athlete(aid) if aid is not None else None
        if pct != pct or ms != ms or a is None or not 0 < ms or above_top_speed(ms, a.max_speed):
            continue  # one of the two missing, or reported already
        said = speeds_disagree(a, pct, ms)
        if said is not None:
            speed = f"{round(ms * 3.6, 9):g} km/h" if kmh else f"{ms:g} m/s"  # as the column has it
            problems.append(f"{where(i, 'top_pct', True)}: {pct:g} % disagrees with {mapping['top_ms']} "
                            f"({speed} is {said:.0f} % of {season.athlete_label(a.id)}'s max "
                            f"speed, {a.max_speed:g} m/s); correct one of them, or keep one of the "
                            f"two columns")


def _note_lengths(frame, mapping: dict, problems: list, where) -> None:
    """A note is at most ``NOTE_LENGTH`` characters, as in the coach workbook (never cut short)."""
    if "note" not in mapping:
        return
    for i, x in frame[mapping["note"]].items():
        text = "" if x is None or x != x else str(x).strip()
        if len(text) > NOTE_LENGTH:
            problems.append(f"{where(i, 'note', True)}: is {len(text):,} characters long; at most "
                            f"{NOTE_LENGTH} are allowed, shorten it")


# what a row after today needs, in the CLI's words (the app passes its own: ui/desktop/sessionimport.py)
LATE_FIX = ("move today on first (periodize advance --today DATE), or read the rows up to today "
            "alone (--until-today)")


def _today(dates: list, season: Season, problems: list, where, until_today: bool = False,
           fix: str = "") -> None:
    """The rows dated after today and the rows outside the days a log may hold, refused (``fix``:
    what a row after today needs, in the place's words; default :data:`LATE_FIX`). A log read
    ``until_today`` has left its later rows out already (:func:`_up_to_today`): what is left
    after today lies after the season's end, and is said so."""
    from planner.validate import PRE_SEASON_LOG_DAYS, planning_start

    cal = season.calendar
    last = planning_start(season)  # today, or the season start while today is not set
    first = cal.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    fix = fix or LATE_FIX
    # after the season's end: no new today reaches it (a slip of the year), said apart
    late = [] if until_today else [i for i, d in enumerate(dates)
                                   if d is not None and last < d <= cal.end]
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
    window = (f"the season and the four weeks before it ({first.isoformat()} to "
              f"{cal.end.isoformat()})")
    early = [i for i, d in enumerate(dates) if d is not None and d < first]
    if len(early) > 3:  # an export of the whole year, last season's sessions too: one line
        problems.append(f"{_rows_dated(early, dates, where)}, before "
                        f"{first.isoformat()} (the four weeks before the season, which count, start "
                        f"then); leave them out of the log (or check the year)")
    after_end = [i for i, d in enumerate(dates) if d is not None and d > cal.end]
    if len(after_end) > 3:  # a week's export with the year typed wrong: one line
        problems.append(f"{_rows_dated(after_end, dates, where)}, after the season ends "
                        f"({day_long(cal.end)}); check the year, or leave them out of the log")
    for i, d in enumerate(dates):
        if d is None:
            continue
        if d > cal.end:
            if len(after_end) <= 3:
                problems.append(f"{where(i, 'date')}: {d.isoformat()} is after the season ends "
                                f"({day_long(cal.end)}); check the date (the year?), or leave "
                                f"the row out")
        elif d > last and not until_today:
            if len(late) <= 3:
                problems.append(f"{where(i, 'date')}: {d.isoformat()} is after {when}; log a "
                                f"session once it happened, or {fix}")
        elif d < first and len(early) <= 3:
            problems.append(f"{where(i, 'date')}: {d.isoformat()} is outside {window}; check "
                            f"the date (the year?), or leave the row out")


def _rows_dated(rows: list[int], dates: list, where) -> str:
    """``40 rows (the first: row 2, Date) are dated 2028-01-04 to 2028-02-02``: rows summarised
    in one line (:func:`_today`)."""
    days = sorted(dates[i] for i in rows)
    return (f"{len(rows):,} rows (the first: {where(rows[0], 'date')}) are dated "
            f"{days[0].isoformat()} to {days[-1].isoformat()}")


def _column(values) -> list:
    """A numeric column as a list of floats and None (NaN: not given)."""
    if values is None:
        return []
    return [None if v != v else float(v) for v in values.tolist()]  # v != v: NaN


def _build(frame, mapping: dict, athletes: list, dates: list, nums: dict, season: Season,
           rows, old: set[int] | None = None) -> LogResult:
    """The sessions, each row checked already (ranges, dates, athletes): built without a second
    validation, a column at a time (a season's log in a fraction of a second). ``old`` gets
    the rows the season holds already (by their index, as :func:`_max_speeds` names them)."""
    # the season's sessions, each by itself and with its top speed kept to 0.01 m/s: one stored
    # from km/h before speeds were kept so (6.499999999999999) is the log's 23.4 km/h row still
    have = {x: x for x in season.sessions}
    for x in season.sessions:
        if x.top_speed_ms is not None:
            have.setdefault(x.model_copy(update={"top_speed_ms": speed_kept(x.top_speed_ms)}), x)
    seen: dict[Session, int] = {}
    out: list[Session] = []
    repeated: list[str] = []
    already: list[Session] = []  # sessions of the log the season holds exactly so already
    again: list[float] = []  # the loads of the rows repeating another row of the log
    n = len(frame)
    cols = {k: _column(nums.get(k)) or [None] * n
            for k in ("minutes", "rpe", "top_pct", "top_ms", "played", "pain")}
    notes = ([str(x).strip() for x in frame[mapping["note"]].tolist()] if "note" in mapping
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
            s = have[s]  # as the season holds it
            repeated.append(f"row {row} {ALREADY}")
            if old is not None:
                old.add(frame.index[i])  # as _max_speeds names the row
            if s not in already:
                already.append(s)
        elif s in seen:
            repeated.append(f"row {row} repeats row {seen[s]} ({au(s.load):,} AU left out)")
            again.append(s.load)
        else:
            seen[s] = row
            out.append(s)
    said = same_day_note(season.athlete_label, [(x, seen[x]) for x in out])
    return LogResult(out, dict(mapping), repeated, again=len(again), again_load=sum(again),
                     already=already, notes=[said] if said else [])
