"""Cell values of the coach workbook: text, dates, numbers, priorities, weekdays, roles.

Each converter takes a cell's raw value (as openpyxl gives it) and returns the value the season
needs, or raises :class:`Bad` whose text says what is wrong and the fix; the reader
(:mod:`planner.coachform.read`) adds the sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from planner.coachform.spec import PRIORITIES, WEEKDAY_NAMES
from planner.season import (
    BARE_KMH_MIN,
    FASTEST_MAX_SPEED,
    KMH_MAX,
    MAX_MAX_SPEED,
    MIN_MAX_SPEED,
    ROLES,
    WEEKDAYS,
    max_speed_from_kmh,
    max_speed_problem,
)
from planner.text import (
    day_long,
    iso_day,
    iso_parts,
    join_and,
    no_such_day,
    not_a_day,
    numeric_parts,
    read_text_dates,
)
from planner.validate import NO_TRAINING_WEEKDAY


class Bad(Exception):
    """A cell's value cannot be used: ``str(self)`` says what is wrong and the fix."""


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def describe(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value:%Y-%m-%d}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def error_value(cell) -> str | None:
    """The error a formula shows (``#N/A``, ``#REF!`` ...), or None for an ordinary value."""
    if getattr(cell, "data_type", None) == "e":
        return str(cell.value)
    return None


def to_text(value: object, what: str) -> str:
    if isinstance(value, bool):
        raise Bad(f"{describe(value)} is a yes/no value, not {what}; type the {what}")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise Bad(f"{describe(value)} is a date, not {what}; type the {what} as text")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # one spelling of an accent: a name pasted from a Mac ("Cla" + a combining accent + "sico")
    # looks the same as the one typed in Excel, and matches it
    return unicodedata.normalize("NFC", str(value)).strip()


def to_date(value: object) -> dt.date:
    """An Excel date, or a date typed as text: ISO (2027-01-04), or with slashes or dots when it
    reads as one day only (14/09/2026: no month 14). Text that reads as two days (03/02/2027:
    3 February or 2 March, depending on who typed it) is refused with both: read alone, nothing
    says the order (the reader gives a column's cells its order and the season's days,
    ``planner.text.read_text_dates``, as the session log reads its dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    fix = "use an Excel date or write it as YYYY-MM-DD, e.g. 2027-01-04"
    if isinstance(value, str):
        text = value.strip()
        if (day := iso_day(text)) is not None:
            return day
        if (parts := iso_parts(text)) is not None:
            raise Bad(f"{describe(value)} {not_a_day(*parts)}; {fix}")
        if numeric_parts(text) is not None:
            got = read_text_dates({0: text}, "")
            if got.problems:
                raise Bad(got.problems[0])
            return got.days[0]
        if (words := _date_in_words(text)) is not None:
            raise Bad(_words_hint(value, *words))
        raise Bad(f"{describe(value)} is not a date; {fix}")
    if isinstance(value, dt.time):
        raise Bad(f"{value:%H:%M} is a time of day, not a date; {fix}")
    if isinstance(value, bool):
        raise Bad(f"{describe(value)} is not a date; {fix}")
    if isinstance(value, int | float):
        # a date cell formatted as a number shows Excel's day count: say which day it is
        day = ""
        if float(value).is_integer() and 1 <= value <= 2958465:
            d = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
            day = f" (as an Excel date it is {day_long(d)}: {d.isoformat()})"
        raise Bad(f"{describe(value)} is a number, not a date{day}; format the cell as a date "
                  f"or write it as YYYY-MM-DD, e.g. 2027-01-04")
    raise Bad(f"{describe(value)} is not a date; {fix}")


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# 12 Mar 2028, 12 March 2028, 12-Mar-28, Mar 12 2028, March 12, 2028, Sun 12 Mar 2028
_DAY_MONTH = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\.?[\s./-]*([a-z]{3,9})\.?[\s./,-]*"
                                   r"(\d{4}|\d{2})", re.I)
_MONTH_DAY = re.compile(_WEEKDAY + r"([a-z]{3,9})\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s./-]*"
                                   r"(\d{4}|\d{2})", re.I)


def _month(word: str) -> int | None:
    w = word.casefold()
    hit = [k for k, m in enumerate(MONTHS, start=1) if m.startswith(w) or (w == "sept" and k == 9)]
    return hit[0] if len(hit) == 1 else None


def _date_in_words(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written with its month in words, or None."""
    for pattern, day_at, month_at in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        m = pattern.fullmatch(text)
        if m and (month := _month(m[month_at])) is not None:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return year, month, int(m[day_at])
    return None


def _words_hint(value: str, year: int, month: int, day: int) -> str:
    """A date in words is one reading only: it is offered in the form the workbook takes."""
    try:
        d = dt.date(year, month, day)
    except ValueError:
        gone = no_such_day(year, month, day) or f"day {day} of {MONTHS[month - 1].capitalize()}"
        return (f"{describe(value)} is not a date: {gone} does not exist; correct the day and "
                f"make the cell an Excel date or write it as YYYY-MM-DD")
    return (f"{describe(value)} is text, not a date; make the cell an Excel date or write "
            f"{d:%Y-%m-%d} ({day_long(d)})")


# "1,080" and "1.080": a thousands separator or a decimal one? Text only: a number cell holds no
# separator, whatever the cell shows
_GROUPED = re.compile(r"[+-]?0*([1-9]\d{0,2})([.,])(\d{3})")


def grouping_problem(text: str) -> str | None:
    """Why a number written as text cannot be read without a guess ("1,080": 1080 or 1.08?), with
    the fix; None when it can (``7,5``, ``0,125``, ``1.5``, ``1080``). Text with both a comma and a
    dot, or one of them followed by exactly three digits after a non-zero whole part, is
    ambiguous: European exports group thousands with a dot and write decimals with a comma."""
    t = text.strip().rstrip("%").strip()
    if "," in t and "." in t:
        return (f"{text.strip()!r} has both a comma and a dot, so one of them may be a thousands "
                f"separator: write the number without a thousands separator and with one decimal "
                f"separator (e.g. 1080.5)")
    m = _GROUPED.fullmatch(t)
    if m is None:
        return None
    whole, sep, frac = m[1], m[2], m[3]
    sign = "-" if t.startswith("-") else ""
    big = f"{sign}{int(whole + frac)}"
    small = f"{sign}{whole}.{frac}".rstrip("0").rstrip(".")
    other = small if len(small.partition(".")[2]) != 3 else small + "0"
    return (f"{text.strip()!r} could be {big} or {small}: write it without a thousands separator "
            f"({big}), or as a decimal without three digits after the '{sep}' ({other})")


NUMBER_FIX = "write a number (such as 6 or 7.5)"


def percent_problem(value: object, what: str) -> str | None:
    """A percent sign typed in a field that is not a percentage (RPE ``85%``, Starter minutes
    ``85%``): said with what was typed, never read as its number (the % gone from the message,
    or 85 minutes read without a word); ``what`` says what the field takes."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return f"{describe(value.strip())} is a percentage; {what}"
    return None


def to_number(value: object, percent_cell: bool = False, fix: str = NUMBER_FIX) -> float:
    """A number: a number cell (times 100 when ``percent_cell``: a cell formatted as a percentage
    holds 0.95 for the 95 % it shows), or text such as ``7.5``, ``7,5`` or ``95 %``; ``fix`` what
    a text that is none is told to write."""
    if isinstance(value, bool):
        raise Bad(f"{describe(value)} is not a number; {fix}")
    if isinstance(value, int | float):
        return round(float(value) * 100, 9) if percent_cell else float(value)
    if isinstance(value, str):
        if problem := grouping_problem(value):
            raise Bad(problem)
        try:
            return float(value.strip().removesuffix("%").strip().replace(",", "."))
        except ValueError:
            pass
    raise Bad(f"{describe(value)} is not a number; {fix}")


# a duration in hours and minutes with an h: "1h30", "1 h 30", "1h", "2h05", "1h 30min"; the h
# says hours, so it reads one way only ("1h5", minutes of one digit without a unit: 1 h 05 or
# 1 h 50?, is not read)
_HOURS_TEXT = re.compile(r"(\d{1,2})\s*h(?:\s*(?:([0-5]\d)|(\d{1,2})\s*(?:min|mins|minutes))"
                         r"\s*(?:min|mins|minutes)?)?", re.IGNORECASE)


def hours_text(text: str) -> float | None:
    """The minutes of a duration written with an h (``1h30`` and ``1 h 30`` are 90, ``1h``
    60); None for a text of another form."""
    m = _HOURS_TEXT.fullmatch(text.strip())
    if m is None or (m[3] is not None and int(m[3]) >= 60):
        return None
    return float(int(m[1]) * 60 + int(m[2] or m[3] or 0))


_HMS = re.compile(r"(\d{1,3}):([0-5]\d):([0-5]\d)(?:\.\d+)?")  # 01:15:00
_CLOCK = re.compile(r"(\d{1,3}):([0-5]\d)")  # 1:15: hours:minutes or minutes:seconds?


def to_minutes(value: object, example: str = "90") -> float:
    """A duration in minutes: a number, a time cell (1:15 formatted as a time is 75 minutes), or
    text written as a clock, ``01:15:30`` (hours:minutes:seconds, as GPS exports write it), or
    with an h (``1h30``: :func:`hours_text`);
    ``1:15`` typed as text is refused with both of its readings (a Sessions row's Minutes reads it
    as hours:minutes first, as the app's Log does: ``read._session_minutes``). A text that is
    none is told to write the minutes, e.g. ``example`` (not "6 or 7.5", which read as hours)."""
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 60
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute + value.second / 60
    if isinstance(value, str):
        text = value.strip()
        if m := _HMS.fullmatch(text):
            return int(m[1]) * 60 + int(m[2]) + int(m[3]) / 60
        if m := _CLOCK.fullmatch(text):
            a, b = int(m[1]), int(m[2])
            hours = f"{a * 60 + b:g} if it is hours:minutes, or " if a * 60 + b <= 600 else ""
            raise Bad(f"{text!r} is a time, not a number of minutes: write {hours}"
                      f"{a + b / 60:.4g} if it is minutes:seconds")
        if (minutes := hours_text(text)) is not None:
            return minutes
    return to_number(value, fix=f"write the minutes, e.g. {example}")


# "9.6", "9,6 m/s", "34.6 km/h", "34.6kmh": as the app's Squad editor reads a typed max speed
# (ui/desktop/speedbox.py): km/h, or a bare number from 20 (BARE_KMH_MIN, no sprinter's m/s), is
# converted to m/s; a bare one above 12.5 and below 20 is neither, refused
_SPEED = re.compile(r"\s*([+-]?\d+(?:[.,]\d*)?|[+-]?[.,]\d+)\s*(km/h|kmh|m/s)?\s*", re.IGNORECASE)


def parse_max_speed(value: object, percent_cell: bool = False,
                    column_unit: str | None = None) -> tuple[float, bool]:
    """(m/s, read as km/h) of a Max speed cell: a number or text in m/s (``9.2``, ``9,2``,
    ``9.6 m/s``), or in km/h (``34.6 km/h``, or a bare number from 20, which no athlete runs in
    m/s), converted to m/s to two decimals as the Squad editor does (34.6 km/h is 9.61 m/s). ``column_unit`` ("m/s" or
    "km/h"): the unit the column's header gives (``Max speed (km/h)``), that of a number without
    its own. Refused: a cell formatted as a percentage, and a speed no athlete sprints at (below
    4 m/s, above 12.5 m/s or 45 km/h: ``planner.season.max_speed_problem``), and a number
    without a unit from 12.5 to 20, neither m/s nor km/h (:data:`BARE_KMH_MIN`)."""
    fix = "write it in m/s, e.g. 9.2, or in km/h as '33.1 km/h' (or leave it empty)"
    if isinstance(value, bool):
        raise Bad(f"{describe(value)} is not a speed; {fix}")
    if isinstance(value, int | float):
        if percent_cell:
            raise Bad(f"{describe(value)} is formatted as a percentage (it shows "
                      f"{value * 100:g} %), and a max speed is a speed, not a percentage; format "
                      f"the cell as a number and {fix}")
        number, unit = float(value), ""
    elif isinstance(value, str):
        if problem := grouping_problem(value):
            raise Bad(problem)
        m = _SPEED.fullmatch(value)
        if m is None:
            raise Bad(f"{describe(value)} is not a speed; {fix}")
        number, unit = float(m[1].replace(",", ".")), m[2].casefold() if m[2] else ""
    else:
        raise Bad(f"{describe(value)} is not a speed; {fix}")
    unit = unit or column_unit or ""
    if unit in ("km/h", "kmh") or (not unit and number > MAX_MAX_SPEED):
        if not 0 < number <= KMH_MAX:
            raise Bad(f"{describe(value)} is not a top running speed, in m/s or in km/h; "
                      f"write m/s from {MIN_MAX_SPEED:g} to {FASTEST_MAX_SPEED:g}, e.g. 9.2, or km/h "
                      f"from {MIN_MAX_SPEED * 3.6:.1f} to {FASTEST_MAX_SPEED * 3.6:g}, e.g. '33.1 "
                      f"km/h' (or leave "
                      f"it empty)")
        ms = max_speed_from_kmh(number)
        kmh = True
        if not unit and number < BARE_KMH_MIN:  # "16": not 16 m/s, and 16 km/h is 4.44 m/s
            raise Bad(f"{describe(value)} read as km/h ({ms:g} m/s) is slower than any athlete "
                      f"sprints, and read as m/s faster; a max speed is at least {BARE_KMH_MIN:g} "
                      f"km/h, at most {FASTEST_MAX_SPEED:g} m/s: {fix}")
        if unit == column_unit and not max_speed_problem(number) and max_speed_problem(ms):
            raise Bad(f"{describe(value)} read as km/h, as the column's header says, is {ms:g} "
                      f"m/s, slower than any athlete sprints; if the column holds m/s, head it "
                      f"'Max speed (m/s)' (or write each speed with its unit, e.g. '33.1 km/h')")
    else:
        ms, kmh = number, False
    if ms <= 0:
        raise Bad(f"{describe(value)} is not a speed; {fix}")
    if max_speed_problem(ms):
        shown = f"{describe(value)} ({ms:g} m/s)" if kmh else f"{ms:g} m/s ({ms * 3.6:.1f} km/h)"
        slow = ms < MIN_MAX_SPEED
        bound = MIN_MAX_SPEED if slow else FASTEST_MAX_SPEED
        raise Bad(f"{shown} is {'slower' if slow else 'faster'} than any athlete sprints; a max "
                  f"speed is at {'least' if slow else 'most'} {bound:g} m/s "
                  f"({bound * 3.6:.1f} km/h): {fix}")
    return ms, kmh


def parse_priority(value: object) -> str:
    text = to_text(value, "priority").upper()
    if text not in PRIORITIES:
        raise Bad(f"{describe(value)} is not A, B or C; write A, B or C")
    return text


# German day names and their abbreviations, as a workbook saved in a German locale writes them
# ("Mo, Do, Fr": 'Do' was no weekday; 'Mo', 'Fr', 'Sa' matched English by chance)
GERMAN_WEEKDAYS = {"montag": "mon", "mo": "mon", "dienstag": "tue", "di": "tue",
                   "mittwoch": "wed", "mi": "wed", "donnerstag": "thu", "do": "thu",
                   "freitag": "fri", "fr": "fri", "samstag": "sat", "sonnabend": "sat", "sa": "sat",
                   "sonntag": "sun", "so": "sun",
                   "die": "tue", "mit": "wed", "don": "thu", "fre": "fri", "sam": "sat", "son": "sun"}
NOT_WEEKDAY_FIX = "write a weekday such as Monday or Mon"


def parse_weekday(text: str) -> str:
    """``'Monday'``, ``'mon'``, ``'Tues'``, ``'THU'``, German ``'Do'``, ``'Die'``, ``'Dienstag'``
    ... -> ``'mon'`` ... (WEEKDAYS)."""
    t = text.strip().casefold().rstrip(".")
    if t in GERMAN_WEEKDAYS:
        return GERMAN_WEEKDAYS[t]
    english = _english_weekday(t)
    if english is not None:
        return english
    raise Bad(f"{text.strip()!r} is not a weekday; {NOT_WEEKDAY_FIX}")


def _english_weekday(t: str) -> str | None:
    """The weekday an English name or its start (``t`` casefolded) names, if one."""
    if len(t) >= 2:
        hits = [WEEKDAYS[i] for i, name in enumerate(WEEKDAY_NAMES) if name.casefold().startswith(t)]
        if len(hits) == 1 and (len(t) >= 3 or t in ("mo", "tu", "we", "th", "fr", "sa", "su")):
            return hits[0]
    return None


def german_weekdays_note(text: str) -> str | None:
    """What a weekday cell read as German says (``'Do' read as Thursday (German)``): 'Do' and
    'Di' are Sunday in other languages; None when every name is English (``Mo``, ``Fr`` and
    ``Sa`` read the same in both) or a whole German name (``Dienstag``)."""
    said = {}
    for word in re.findall(r"[^\W\d_]+", text):
        t = word.casefold()
        if len(t) <= 3 and t in GERMAN_WEEKDAYS and _english_weekday(t) is None:
            said.setdefault(word, WEEKDAY_NAMES[WEEKDAYS.index(GERMAN_WEEKDAYS[t])])
    if not said:
        return None
    first, *rest = said.items()
    return join_and([f"{first[0]!r} read as {first[1]}"] + [f"{w!r} as {d}" for w, d in rest]) + " (German)"


NO_DAYS = "none"  # the Training days cell of a season with none: refused when read back


def parse_training_days(value: object) -> tuple[str, ...]:
    """``'Mon-Sat'``, ``'mon, tue, thu'``, ``'Mon-Fri, Sun'``, ``'Sat-Mon'`` -> weekdays in order."""
    text = to_text(value, "list of weekdays")
    if text.strip().casefold() == NO_DAYS:
        raise Bad(f"{NO_TRAINING_WEEKDAY}: write e.g. Mon-Sat or Tue, Thu")
    text = re.sub(r"\s*(?:-|–|—|\bto\b)\s*", "-", text, flags=re.I)
    parts = [p for p in re.split(r"[,;/&+\s]+|\band\b", text, flags=re.I) if p and p.strip()]
    days: set[str] = set()
    unread: list[str] = []  # every name of the cell that is no weekday, said at once
    for part in parts:
        ends = part.strip("-").split("-")
        if len(ends) > 2:
            raise Bad(f"{part.strip()!r} is not a weekday or a range such as Mon-Sat")
        read = [_weekday_or_none(end) for end in ends]
        unread += [end.strip() for end, got in zip(ends, read, strict=True) if got is None]
        if None not in read:
            days.update(_day_range(*read) if len(read) == 2 else read)
    if unread:
        listed = join_and([repr(x) for x in dict.fromkeys(unread)])
        raise Bad(f"{listed} {'is not a weekday' if len(unread) == 1 else 'are not weekdays'}; "
                  f"{NOT_WEEKDAY_FIX}")
    if not days:
        raise Bad(f"{NO_TRAINING_WEEKDAY}: write e.g. Mon-Sat or Tue, Thu")
    return tuple(d for d in WEEKDAYS if d in days)

def _weekday_or_none(text: str) -> str | None:
    try:
        return parse_weekday(text)
    except Bad:
        return None


def _day_range(first: str, last: str) -> list[str]:
    """``'fri', 'mon'`` -> fri, sat, sun, mon: a range of weekdays, across the week's end."""
    k, b = WEEKDAYS.index(first), WEEKDAYS.index(last)
    out = [WEEKDAYS[k]]
    while k != b:
        k = (k + 1) % 7
        out.append(WEEKDAYS[k])
    return out


def parse_role(value: object) -> str:
    """``'Start'``, ``' BENCH '``, ``'out'`` -> a match role (rules-spec.md section 2)."""
    text = to_text(value, "role").casefold()
    if text not in ROLES:
        raise Bad(f"{describe(value)} is not a match role; write start, bench or out")
    return text


def parse_test_value(value: object, unit: str, percent_cell: bool = False) -> float:
    """A criteria test's result: a number, text such as ``84 %`` or ``2/10`` (the criterion's
    unit written after it), or a cell formatted as a percentage (``84 %`` is stored as 0.84)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) * 100 if percent_cell else float(value)
    if isinstance(value, str):
        text = value.strip()
        for suffix in dict.fromkeys((unit.strip(), "%")):
            if suffix and text.endswith(suffix):
                text = text[: -len(suffix)].strip()
                break
        if problem := grouping_problem(text):
            raise Bad(problem)
        try:
            return float(text.replace(",", "."))
        except ValueError:
            pass
    shown = f" {unit}" if unit else ""
    raise Bad(f"{describe(value)} is not a test result; write the number measured, e.g. 84{shown}")
