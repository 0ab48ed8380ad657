"""The coach workbook form, declared once: its sheets, columns, Season keys and header aliases.

The reader (:mod:`planner.coachform.read`) matches a workbook against these declarations and the
writer (:mod:`planner.coachform.write`) makes the template and the season's form from them, so
the two never disagree. Layout and meaning: ``interfaces.md`` section 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.rehab import FLARE_BACK
from planner.season import FIT, REHAB_STAGES, ROLES, TOP_PCT_MAX

TEMPLATE_NAME = "import-template.xlsx"  # the shipped template, in templates/
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PRIORITIES = ("A", "B", "C")
STAGE_CHOICES = REHAB_STAGES + (FIT,)
ROLE_CHOICES = ROLES  # start, bench, out


def row_id(n: int) -> str:
    """The id a Competitions row without an ID is given: ``c`` and a number (``c007``)."""
    return f"c{n:03d}"


def written_id(cid: str) -> bool:
    """A competition id not of the form a row without an ID is given (``c007``): one a coach
    wrote (``league-04``), which names its competition whatever its row's name and date; an id
    of that form may be a row's place, which moves when a row above it is deleted."""
    return not (cid[:1] == "c" and cid[1:].isdigit() and len(cid) >= 4)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool
    kind: str  # "text", "id", "date", "priority", "number", "protocol", "stage", "role", "criterion"
    width: float
    help: str


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: tuple[Column, ...]
    required: bool = False
    help: str = ""
    written: bool = True  # False: still read, but no longer part of the form that is written

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


SEASON_SHEET = "Season"
SEASON_KEYS: tuple[tuple[str, str, bool, str], ...] = (  # (key, label, required, help)
    ("name", "Name", True, "the season's name, e.g. Riverside FC 2026/27"),
    ("start", "Start", True, "the first day of the season (a date)"),
    ("end", "End", True, "the last day of the season (a date, at most two years after Start)"),
    ("week_start", "Week starts", False, "the weekday weeks start on (default Monday)"),
    ("training_days", "Training days", False,
     "weekdays with training, e.g. Mon-Sat or Mon, Tue, Thu, Fri (default Mon-Sat)"),
    ("today", "Today", False,
     "optional: days before it are the past and keep what happened (a date)"),
    # beyond interfaces.md's keys (other readers ignore a key they do not know): File ▸ New's
    # "A starter plays", LD-1's match settings (planner.rules.match_length_values)
    ("starter_minutes", "Starter minutes", False,
     "optional: the minutes a starter plays in a match, e.g. 80 for 2 x 40 (default 95, "
     "football's); a start and a bench appearance count in the load from it"),
)
STARTER_MINUTES_MIN = 10  # as File ▸ New's "A starter plays" takes it (LD-1 minutes_start's max)
# other names a coach writes for a Season key or a sheet's column (as matched, :func:`norm`)
ALIASES: dict[str, dict[str, str]] = {
    SEASON_SHEET: {"week start": "week_start", "first day of the week": "week_start"},
    "Athletes": {"pos": "position", "pos.": "position", "positions": "position",
                 "position(s)": "position"},
}
KEY_ALIASES = ALIASES[SEASON_SHEET]  # Season keys
# names a coach may head a form's column with that are too far from its own to be found by their
# spelling (as matched, :func:`norm`): a column so headed, holding values, is refused with the
# header to write, not read (a "Code" could be another code) nor dropped
NEAR_NAMES: dict[str, dict[str, str]] = {
    "Competitions": {"code": "id", "competition code": "id", "match code": "id"},
    "Athletes": {"vmax": "max_speed", "max velocity": "max_speed", "top speed": "max_speed",
                 "sprint speed": "max_speed", "usual role": "role", "match role": "role"},
}
# the units a column's header may name after its own ("Max speed (km/h)", a wrapped "Max
# speed (m/s)", as a GPS report heads it): unit as written (matched, :func:`norm`) -> as read
HEADER_UNITS: dict[tuple[str, str], dict[str, str]] = {
    ("Athletes", "max_speed"): {"m/s": "m/s", "ms": "m/s", "km/h": "km/h", "kmh": "km/h",
                                "kph": "km/h"},
}
# what an optional column of the form costs when the sheet has none (a column renamed past
# recognition is not read): said with the columns not read
LOST = {
    ("Athletes", "position"): "no positions, so goalkeepers are planned as outfield players (HV-1's "
                              "goalkeeper exemption reads the position)",
    ("Athletes", "max_speed"): "no max speeds, so no speed targets in m/s",
    ("Athletes", "role"): "every athlete's usual role is start",
    ("Competitions", "end_date"): "every competition is one day long",
    ("Competitions", "id"): "every competition gets a new id (c001, c002 ... by row), so the ids "
                            "commands name and the calendars' events change",
    ("Injuries", "target"): "no injury has a target competition",
    ("Non-training days", "end"): "each row is one day off",
}

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("Competitions", (
        Column("Date", "date", True, "date", 13, "the competition's (first) day"),
        Column("Name", "name", True, "text", 30, "e.g. League match 12 (names need not be unique)"),
        Column("Priority", "priority", True, "priority", 10, "A, B or C (A: tapered for)"),
        Column("End date", "end_date", False, "date", 13, "optional: last day of a multi-day event"),
        Column("ID", "id", False, "id", 12,
               "optional: a unique code for the competition, e.g. cup-final, as commands, pins "
               "and calendar events name it (empty: c001, c002 ... by row)"),
    ), help="One row per competition; every competition lies inside the season."),
    SheetSpec("Athletes", (
        Column("ID", "id", True, "id", 10,
               "a short unique code no other athlete has, e.g. initials or a shirt number"),
        Column("Name", "name", True, "text", 26, "the athlete's name"),
        Column("Position", "position", False, "text", 14, "e.g. Defender"),
        Column("Max speed", "max_speed", False, "number", 11, "optional: in m/s, e.g. 9.2"),
        Column("Role", "role", False, "role", 9,
               "optional: the usual match role, start, bench or out (default start)"),
    ), required=True, help="One row per athlete of the squad."),
    SheetSpec("Injuries", (
        Column("Athlete ID", "athlete", True, "id", 11, "an ID from the Athletes sheet"),
        Column("Protocol", "protocol", True, "protocol", 24, "the rehab protocol (dropdown)"),
        Column("Onset", "onset", True, "date", 13,
               "the day of injury (a future day for a planned operation)"),
        Column("Stage", "stage", True, "stage", 8, "a stage of that protocol (dropdown)"),
        Column("Stage start", "stage_start", True, "date", 13,
               "the day that stage started or will start (on or after the onset)"),
        Column("Target competition", "target", False, "text", 28,
               "optional: the competition's name on the Competitions sheet"),
    ), help="One row per stage start of an injury: an athlete's rows with the same Onset are one "
            "injury and its stage history (same protocol and target on each); rows with another "
            "Onset are another injury (an earlier one, a re-injury, or a planned operation)."),
    SheetSpec("Stage history", (
        Column("Athlete ID", "athlete", True, "id", 11, "an athlete with a row on the Injuries sheet"),
        Column("Stage", "stage", True, "stage", 8, "an earlier stage of that injury's protocol"),
        Column("Start", "start", True, "date", 13, "the day that stage started"),
    ), help="Optional, from older workbooks: more stage starts, each added to the athlete's injury "
            "of that date on the Injuries sheet (new workbooks write them there).", written=False),
    SheetSpec("Roles", (
        Column("Competition", "competition", True, "text", 28,
               "the competition's name on the Competitions sheet"),
        Column("Athlete ID", "athlete", True, "id", 11, "an ID from the Athletes sheet"),
        Column("Role", "role", True, "role", 9, "start, bench or out for that competition"),
    ), help="Optional: an athlete's role for one competition, overriding the Role on the "
            "Athletes sheet."),
    SheetSpec("Flare-ups", (
        Column("Athlete ID", "athlete", True, "id", 11, "an athlete with an injury before that date"),
        Column("Date", "date", True, "date", 13, "the day of the flare-up"),
        Column("Note", "note", False, "text", 34, "optional, e.g. pain after sprint drills"),
    ), help="Optional: flare-ups, each on the athlete's injury of that date; from a flare-up's "
            f"day {FLARE_BACK}."),
    SheetSpec("Tests", (
        Column("Athlete ID", "athlete", True, "id", 11, "an athlete with an injury before that date"),
        Column("Date", "date", True, "date", 13, "the day of the test (on or before Today)"),
        Column("Test", "test", True, "criterion", 30,
               "a criteria test of that injury's protocol (listed at the end of the Help sheet)"),
        Column("Value", "value", True, "number", 9, "the result, e.g. 84 for an LSI of 84 %"),
    ), help="Optional: criteria test results, each on the athlete's injury of that date."),
    SheetSpec("Sessions", (
        Column("Athlete ID", "athlete", True, "id", 11, "an ID from the Athletes sheet"),
        Column("Date", "date", True, "date", 13, "the day of the session (before Today)"),
        Column("Minutes", "minutes", True, "number", 9, "the session's length, 0-600"),
        Column("RPE", "rpe", True, "number", 7, "session RPE, 0-10 (CR-10)"),
        Column("Top speed %", "top_pct", False, "number", 11, f"optional: % of max speed, 0-{TOP_PCT_MAX}"),
        Column("Top speed m/s", "top_ms", False, "number", 12, "optional: m/s (with a max speed)"),
        Column("Minutes played", "played", False, "number", 13,
               "optional: minutes played in a match that day"),
        Column("Pain", "pain", False, "number", 7, "optional: pain 0-10"),
        Column("Note", "note", False, "text", 28, "optional"),
    ), help="Optional: what happened, one row per session (several on a day add up); days "
            "before Today keep what was logged."),
    SheetSpec("Unavailable", (
        Column("Athlete ID", "athlete", True, "id", 11, "an ID from the Athletes sheet"),
        Column("From", "start", True, "date", 13, "first day away"),
        Column("To", "end", True, "date", 13, "last day away (inclusive)"),
        Column("Reason", "reason", False, "text", 30, "optional, e.g. national team"),
    ), help="Days an athlete is away: no running load is planned."),
    SheetSpec("Non-training days", (
        Column("Date", "date", True, "date", 13, "a day without training (holiday, travel)"),
        Column("Reason", "reason", False, "text", 30, "optional"),
        Column("To", "end", False, "date", 13, "optional: the last day of a run of days off, "
               "e.g. a winter break (inclusive)"),
    ), help="Declared days off for the whole team: a day a row, or a run of days with To."),
    SheetSpec("Blocks", (
        Column("Name", "name", True, "text", 24, "e.g. Pre-season"),
        Column("From", "start", True, "date", 13, "first day of the block"),
        Column("To", "end", True, "date", 13, "last day of the block"),
        Column("Emphasis", "emphasis", False, "text", 34, "optional, e.g. aerobic base"),
    ), help="Training blocks (mesocycles), shown as a band on the board."),
)
SHEET_ORDER = (SEASON_SHEET,) + tuple(s.title for s in SHEETS)
WRITTEN_SHEETS = tuple(s for s in SHEETS if s.written)


def norm(text: object) -> str:
    """A name as matched: lower case, ``-``/``_`` as spaces, runs of spaces as one, trimmed."""
    return " ".join(str(text).replace("_", " ").replace("-", " ").split()).casefold()


def sheet_spec(title: str) -> SheetSpec:
    return next(s for s in SHEETS if s.title == title)


FIELD_COLUMN = {  # a season field's path (without indexes) -> the column it is written in
    ("competitions", ".date"): "date", ("competitions", ".end_date"): "end_date",
    ("competitions", ".name"): "name", ("competitions", ".priority"): "priority",
    ("competitions", ".id"): "id",
    ("athletes", ".id"): "id", ("athletes", ".name"): "name", ("athletes", ".position"): "position",
    ("athletes", ".max_speed"): "max_speed", ("athletes", ".role"): "role",
    ("injuries", ".athlete"): "athlete", ("injuries", ".protocol"): "protocol",
    ("injuries", ".onset"): "onset", ("injuries", ".target_competition"): "target",
    ("roles", ".competition"): "competition", ("roles", ".athlete"): "athlete",
    ("roles", ".role"): "role",
    ("unavailability", ".athlete"): "athlete", ("unavailability", ".start"): "start",
    ("unavailability", ".end"): "end",
    ("calendar.non_training_days", ".date"): "date",
    ("blocks", ".start"): "start", ("blocks", ".end"): "end", ("blocks", ".name"): "name",
    ("sessions", ".athlete"): "athlete", ("sessions", ".date"): "date",
    ("sessions", ".top_speed_ms"): "top_ms", ("sessions", ".top_speed_pct"): "top_pct",
}
SESSION_COLUMN = {  # a Session field -> its column on the Sessions sheet
    "athlete": "athlete", "date": "date", "minutes": "minutes", "rpe": "rpe",
    "top_speed_pct": "top_pct", "top_speed_ms": "top_ms", "minutes_played": "played",
    "pain": "pain", "note": "note",
}
RECORD_COLUMN = {  # (sheet, path inside an injury's stage record, flare-up or test) -> column
    ("Injuries", ".stage"): "stage", ("Injuries", ".start"): "stage_start",
    ("Stage history", ".stage"): "stage", ("Stage history", ".start"): "start",
    ("Flare-ups", ""): "date", ("Tests", ".name"): "test", ("Tests", ".date"): "date",
    ("Tests", ".value"): "value",
}
