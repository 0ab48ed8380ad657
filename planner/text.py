"""The one place coach words are made: dates, counts, stage names, cleaned messages.

Every view (CLI, app, exports) formats through these helpers so a date or a stage reads the
same everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from planner.errors import error_path, not_a_known_field, quoted  # noqa: F401 (the texts' own names)
from planner.season import INJ, REHAB_STAGES, WEEKDAYS
from planner.units import measure  # noqa: F401 (the texts' own name for it)


def computer_date() -> dt.date:
    """This computer's date. ``PERIODIZE_CLOCK`` (YYYY-MM-DD), when set, stands for it: the
    tests set it, so that what the CLI and the app say does not depend on the day they run."""
    try:
        return dt.date.fromisoformat(os.environ["PERIODIZE_CLOCK"])
    except (KeyError, ValueError):
        return dt.date.today()

STAGE_NAMES = {
    "P1": "P1 isometric",
    "P2": "P2 concentric/eccentric",
    "P3": "P3 power and hip control",
    "S1": "S1 non-contact drills",
    "S2": "S2 controlled sprinting",
    "S3": "S3 sport-specific drills",
    "FIT": "full competition",
    "INJ": "injured (no stage recorded)",
}
REHAB_STAGE_IDS: tuple[str, ...] = REHAB_STAGES  # declared once, in planner.season


# -- dates ------------------------------------------------------------------------------------
# English names, fixed: strftime's %a/%b and Qt's month names follow the computer's language,
# which would put "So 20 Dez" inside an English sentence on a German computer
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBRS = tuple(name[:3] for name in MONTH_NAMES)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBRS = tuple(name[:3] for name in DAY_NAMES)


def month_abbr(d: dt.date) -> str:
    """``Dec``: a month's English abbreviation, whatever the computer's language."""
    return MONTH_ABBRS[d.month - 1]


def weekday_name(d: dt.date) -> str:
    """``Monday``."""
    return DAY_NAMES[d.weekday()]


def weekday_word(wd: str) -> str:
    """``Monday`` for ``mon``: a weekday as the calendar keeps it (``mon`` .. ``sun``) in words."""
    return DAY_NAMES[WEEKDAYS.index(wd)]


def weekdays_words(days: Collection[str]) -> str:
    """``Tuesdays and Thursdays``: weekdays (``mon`` .. ``sun``, as the calendar's training
    days are kept) in words, in the week's order."""
    return join_and([f"{weekday_word(d)}s" for d in WEEKDAYS if d in days])


def day(d: dt.date) -> str:
    """``Mon 7 Dec``: a day inside the season being discussed."""
    return f"{DAY_ABBRS[d.weekday()]} {d.day} {month_abbr(d)}"


def day_long(d: dt.date) -> str:
    """``Mon 7 Dec 2026``: a day named on its own."""
    return f"{day(d)} {d.year}"


def date_short(d: dt.date) -> str:
    """``7 Dec``."""
    return f"{d.day} {month_abbr(d)}"


def date_long(d: dt.date) -> str:
    """``7 Dec 2026``."""
    return f"{date_short(d)} {d.year}"


ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # 2026-02-30: a date's form, maybe no day
# an ISO date, maybe with the time of day after it and its time zone, as exports and APIs write
# a session's start (2027-01-08T18:00:00Z, 2027-01-08 18:00+01:00, 2027-01-08T18:00:00.000)
_ISO_DATE_TIME = re.compile(ISO_DAY.pattern + r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                                              r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def iso_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date, a time and a time zone after it let be: the date as
    written (the day the coach or the export saw); None for text of another form. The one reader
    of ISO dates of the workbook, the session log and the command line."""
    m = _ISO_DATE_TIME.fullmatch(text.strip())
    return None if m is None else (int(m[1]), int(m[2]), int(m[3]))


def iso_day(text: str) -> dt.date | None:
    """The day of an ISO date (``2026-09-14``, ``2026-11-3T18:00:00Z``: :func:`iso_parts`); None
    for text of another form or a day no calendar has (:func:`iso_not_a_day` says why)."""
    parts = iso_parts(text)
    try:
        return None if parts is None else dt.date(*parts)
    except ValueError:
        return None


def no_such_day(year: int, month: int, day: int) -> str | None:
    """"31 February" for a day that no such month has ("29 February 2027" off leap years);
    None for a month or day out of every range."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    name = MONTH_NAMES[month - 1]
    return f"{day} {name} {year}" if (month, day) == (2, 29) else f"{day} {name}"


def not_a_day(year: int, month: int, day: int) -> str | None:
    """Why a date written year, month, day is no day of the calendar, said after the value
    ("is not a day of the calendar (30 February does not exist)"; a month 13 offers the day and
    month swapped); None when it is a day. The one wording of every reader of dates: the season
    file, the sessions log and the coach workbook."""
    try:
        dt.date(year, month, day)
        return None
    except ValueError:
        pass
    if gone := no_such_day(year, month, day):
        why = f"{gone} does not exist"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
        try:
            swapped = dt.date(year, day, month)
            why += f"; day and month swapped, it is {day_long(swapped)}: {swapped.isoformat()}"
        except ValueError:
            pass
    else:
        why = f"{MONTH_NAMES[month - 1]} has no day {day}"
    return f"is not a day of the calendar ({why})"


def iso_not_a_day(text: str) -> str | None:
    """:func:`not_a_day` of a text in the form YYYY-MM-DD (a time after it is let be); None when
    it is a day or not in that form (another message says how to write a date)."""
    parts = iso_parts(text)
    return None if parts is None else not_a_day(*parts)


# Dates written with numbers, slashes or dots, as the session log and the coach workbook read
# them: 14/09/2026, 14.9.2026, 14/09/2026 09:30 (a GPS export's session start), 14.9.26 (Excel's
# short date in many locales, saved as shown: the year in this century, as the app's date fields
# read it)
NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
DATE_FORMS = "YYYY-MM-DD (e.g. 2026-09-14) or DD/MM/YYYY (14/09/2026)"


def numeric_parts(text: str) -> tuple[int, int, int] | None:
    """The three numbers of a date written with slashes or dots (:data:`NUMERIC_DATE`)."""
    m = NUMERIC_DATE.match(text.strip())
    return None if m is None else (int(m[1]), int(m[2]), int(m[3]))


def numeric_date(parts: tuple[int, int, int], day_first: bool) -> dt.date | None:
    """The day of :func:`numeric_parts` read in one order; None when it is no day."""
    a, b, year = parts
    year += 2000 if year < 100 else 0
    d, m = (a, b) if day_first else (b, a)
    try:
        return dt.date(year, m, d)
    except ValueError:
        return None


TEXT_DATE_FIX = "make the cell an Excel date or write it as YYYY-MM-DD"


def numeric_problem(text: str, parts: tuple[int, int, int],
                    readings: dict[bool, dt.date] | None = None) -> str:
    """Why a date typed with slashes or dots is refused, said after where it is: the two days
    it can be (``readings``: day first -> its day, month first -> its day), each with the text
    to write, or the day that does not exist."""
    shown = f"'{str(text).strip()[:40]}'"
    if readings and len(set(readings.values())) == 2:
        a, b = readings[True], readings[False]
        return (f"{shown} could be {day_long(a)} (day first) or {day_long(b)} (month first); "
                f"{TEXT_DATE_FIX}: {a:%Y-%m-%d} or {b:%Y-%m-%d}")
    x, y, year = parts
    year += 2000 if year < 100 else 0
    gone = list(dict.fromkeys(g for day, month in ((x, y), (y, x)) if (g := no_such_day(year, month, day))))
    if gone:  # 31/02/2028: no reading is a day of the calendar
        return (f"{shown} is not a date: {' and '.join(gone)} "
                f"{'does' if len(gone) == 1 else 'do'} not exist; correct the day and {TEXT_DATE_FIX}")
    return f"{shown} is not a date; {TEXT_DATE_FIX}, e.g. 2027-01-04"


@dataclass
class TextDates:
    """One column's dates typed with slashes or dots, read (:func:`read_text_dates`)."""

    days: dict = field(default_factory=dict)  # a row -> the day read
    problems: dict = field(default_factory=dict)  # a row -> why it is refused
    note: str = ""  # how the column was read, with an example ("" when none was)


def settled_order(cells: dict) -> tuple[bool, object] | None:
    """(True for day first, else month first; the place of one) of the order the dates among
    ``cells`` (a place -> its text) readable one way only by their numbers agree on
    ('25/06/2027': day first); None when none so reads, or they disagree. A coach workbook's
    other sheets give its Sessions sheet so its order (:func:`read_text_dates`' ``settled``)."""
    found: dict[bool, object] = {}
    for place, text in cells.items():
        if (parts := numeric_parts(str(text))) is None:
            continue
        ways = [o for o in (True, False) if numeric_date(parts, o) is not None]
        if len(ways) == 1:
            found.setdefault(ways[0], place)
    return next(iter(found.items())) if len(found) == 1 else None


def read_text_dates(cells: dict, where: str, lo: dt.date | None = None,
                    hi: dt.date | None = None, also: tuple = (),
                    last: dt.date | None = None,
                    settled: tuple[bool, str] | None = None) -> TextDates:
    """The dates of one column typed with slashes or dots (``cells``: a row as the coach finds
    it -> its text), read by the one policy of the session log and the coach workbook:

    1. dots are day first (14.9.2026: no export writes month first with dots, and the app's
       date fields read them so);
    2. the rows whose numbers read one way only ('14/09/2026') decide the order of the
       column's other rows, when they agree ('09/14/2026' makes a US export's '09/04/2026'
       4 September). A row is read by its numbers before the season is asked: a friendly
       typed '05/06/2027' in a day-first column is 5 June, refused as after the season, not
       6 May read into the season unsaid;
    3. when no row decides, the season does (``lo``..``hi``, the days the column may hold): an
       order that puts a row outside it is not the column's ('04/08/2026' in a season from
       3 August is 4 August; a week's export of 7-12 Nov is not July to December);
    4. when the season leaves both orders, ``last`` (the last day the column may hold rows
       of, a log's today) and the rows' span do, when what they say agrees (:func:`_settled`):
       an order that puts every row after ``last`` is not the column's (a week of 04/01-06/01
       in January is not 1 April to 1 June), and an order that puts the rows within
       :data:`COMPACT_DAYS` is, when the other spreads them over :data:`SPREAD_DAYS` or more (a
       week's export of 07/12-12/12 is 7-12 December, not July to December);
    5. a row that still reads two ways is refused, with both days and the text to write.

    One note for the column (``where``: "Competitions, Date"): how many were read, how, and
    an example. ``also``: the texts of the column's rows left out of the reading (a log read up
    to today, its later rows): they give the order (2.), and are neither read nor counted.
    ``settled``: (the order, the words saying whose) that other columns of the same typist
    settle (a coach workbook's other sheets, :func:`settled_order`), taken after 2. and before
    3.: said in the note ("as the workbook's other sheets' dates are (…)")."""
    read: dict = {}  # row -> {day first: its day, month first: its day}
    for row, text in cells.items():
        if (parts := numeric_parts(str(text))) is not None:
            read[row] = (parts, _readings(str(text), parts))
    orders = {o for _, r in read.values() if len(r) == 1 for o in r} | {
        o for t in also if (parts := numeric_parts(str(t))) is not None
        and len(r := _readings(str(t), parts)) == 1 for o in r}
    order = orders.pop() if len(orders) == 1 else None
    by_season = None  # the day the season (or ``last``) ends when it decides the order
    spread = ""  # the rows' span, when it decides the order
    by_others = ""  # whose dates settled the order, when other columns' did
    if not orders and order is None and settled is not None:
        order, by_others = settled
    if not orders and order is None:
        two = [r for _, r in read.values() if len(set(r.values())) == 2]
        fits = [o for o in (True, False) if all((lo is None or lo <= r[o])
                                                and (hi is None or r[o] <= hi) for r in two)]
        if two and len(fits) == 1:
            order, by_season = fits[0], hi
        elif two:
            both = [r for _, r in read.values() if len(r) == 2] + [
                r for t in also if (parts := numeric_parts(str(t))) is not None
                and len(r := _readings(str(t), parts)) == 2]
            order, spread = _settled(two, both, last)
            by_season = last if order is not None and not spread else None
    out, decided = TextDates(), 0
    for row, (parts, r) in read.items():
        if len(set(r.values())) == 1:
            out.days[row] = next(iter(r.values()))
        elif r and order is not None:
            out.days[row], decided = r[order], decided + 1
        else:
            out.problems[row] = numeric_problem(cells[row], parts, r)
    if out.days:
        out.note = _dates_note(out, cells, read, where, order, decided,
                               _other_order(read, cells, order, lo, by_season, hi)
                               if by_season and decided else spread if decided else "",
                               by_others if decided else "")
    return out


COMPACT_DAYS = 14  # a week's or a fortnight's export: its rows within 14 days
SPREAD_DAYS = 28  # the other order spreads the same rows over four weeks or more


def _settled(two: list, both: list, last: dt.date | None) -> tuple[bool | None, str]:
    """The order of :func:`read_text_dates` (step 4) that today and the rows' span settle
    when the season leaves both (``two``: the readings of the rows that read two days;
    ``both``: those of every row that reads both ways, one day or two, the rows left out with
    them), and the words that say so when the span alone settles it ("" when today does:
    :func:`_other_order` names the row). Today: an order that puts every row after ``last``
    (a log holds no day after today) loses to one that does not; the span: an order that puts
    every row within :data:`COMPACT_DAYS` wins over one that spreads them over
    :data:`SPREAD_DAYS` or more. None when neither says, or they disagree."""
    votes, today = set(), False
    if last is not None:
        every = {o: all(r[o] > last for r in two) for o in (True, False)}
        if today := every[True] != every[False]:
            votes.add(every[False])  # the order that leaves a row on or before today
    ends = {o: (min(r[o] for r in both), max(r[o] for r in both)) for o in (True, False)}
    width = {o: (b - a).days for o, (a, b) in ends.items()}
    compact = [o for o in (True, False)
               if width[o] < COMPACT_DAYS and width[not o] >= SPREAD_DAYS]
    votes.update(compact)
    if len(votes) != 1:
        return None, ""
    order = votes.pop()
    if today:  # the plainer reason, said with the row it names
        return order, ""
    (a, b), (x, y) = ends[order], ends[not order]
    form = "one week" if width[order] < 7 else "two weeks"
    return order, (f"so the rows fall within {form}, {span(a, b)}; "
                   f"{'month' if order else 'day'} first they would spread from {span(x, y)}")


def _other_order(read: dict, cells: dict, order: bool, lo, end: dt.date, hi) -> str:
    """``the other order puts row 5 '07/01/2027' outside the season (Thu 1 Jul 2027)``: the
    row whose other reading decided the order of :func:`read_text_dates` (``end``: the last day
    the column may hold, the season's end ``hi`` or today)."""
    for row, (_parts, r) in read.items():
        if len(set(r.values())) == 2 and ((lo is not None and r[not order] < lo)
                                          or r[not order] > end):
            other = r[not order]
            inside = (lo is None or lo <= other) and (hi is None or other <= hi)
            why = "after today" if end != hi and inside else "outside the season"
            return (f"the other order puts row {row} '{str(cells[row]).strip()}' {why} "
                    f"({day_long(other)})")
    return "the other order puts a date outside the season"


def _dates_note(out: TextDates, cells: dict, read: dict, where: str, order, decided: int,
                other: str, by_others: str = "") -> str:
    """How :func:`read_text_dates` read a column, with an example (``other``: the row whose
    other order is no day of the column, when the season decided the order; ``by_others``: the
    dates elsewhere that settled it)."""
    # the example reads one way by its numbers ('01/12/2026' is no example of that)
    row = next((x for x in out.days if len(read[x][1]) == 1), next(iter(out.days)))
    example = f"row {row} '{str(cells[row]).strip()}' = {day_long(out.days[row])}"
    n = plural(len(out.days), "date")
    first = f"read {'day' if order else 'month'} first ({'dd/mm/yyyy' if order else 'mm/dd/yyyy'})"
    if other:
        return f"{n} typed as text in {where}, {first}: {other}"
    if by_others:
        return f"{n} typed as text in {where}, {first}, as {by_others} (e.g. {example})"
    how = (f"{first}, as its dates readable one way only are" if decided else
           ("each " if len(out.days) > 1 else "") + "readable one way only")
    return f"{n} typed as text in {where}, {how} (e.g. {example})"


def _readings(text: str, parts) -> dict:
    """{day first (True) or month first: its day} of a date typed with slashes or dots (its
    ``numeric_parts``): dots are day first."""
    both = {o: d for o in (True, False) if (d := numeric_date(parts, o)) is not None}
    return {True: both[True]} if "." in text and True in both else both


def season_past(calendar, show=dt.date.isoformat) -> str | None:
    """"today (2027-03-06) is after the season's end (2027-02-28): the whole season is past,
    nothing is left to plan" (rules-spec.md section 1), each date as ``show`` writes it; None
    when today is not after the end. The command line's solve and the app say it alike."""
    today, end = calendar.today, calendar.end
    if today is None or today <= end:
        return None
    return (f"today ({show(today)}) is after the season's end ({show(end)}): the whole season "
            f"is past, nothing is left to plan")


def span(a: dt.date, b: dt.date) -> str:
    """``7 Dec 2026``, ``7 to 13 Dec 2026``, ``28 Dec 2026 to 3 Jan 2027``."""
    if a == b:
        return date_long(a)
    if a.year != b.year:
        return f"{date_long(a)} to {date_long(b)}"
    if a.month != b.month:
        return f"{date_short(a)} to {date_long(b)}"
    return f"{a.day} to {date_long(b)}"


def week_of(d: dt.date) -> str:
    """``week of 7 Dec 2026``."""
    return f"week of {date_long(d)}"


# -- counts -----------------------------------------------------------------------------------
def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 day``, ``2 days``; ``many`` for irregular plurals."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {many or word + 's'}"


def count(n: int, word: str, many: str | None = None) -> str:
    """``2,381 sessions``: :func:`plural` with thousands separated (:func:`number`)."""
    return plural(n, word, many).replace(str(n), number(n), 1)


def match_days(days: int, matches: int) -> str:
    """Match days a week counts as speed days (HV-2: a day is one however many matches it has):
    ``2 matches`` when each has one, ``2 match days (3 matches)`` when a day has several."""
    if matches <= days:
        return plural(days, "match", "matches")
    return f"{plural(days, 'match day')} ({plural(matches, 'match', 'matches')})"


def number(x: float) -> str:
    """A number a coach reads: thousands separated, no trailing ``.0``."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.1f}"


_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
DATE_WRITTEN = "YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY"


def not_a_date(text: str) -> str:
    """Why :func:`read_date` read no day in ``text``, said after it: "is not a day of the
    calendar (31 February does not exist)" for a date written in one of its forms that no
    calendar has, else "is not a date" (the form to write follows it)."""
    text = text.strip()
    if m := _DAY_FIRST.fullmatch(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        if why := not_a_day(year, int(m[2]), int(m[1])):
            return why
    return iso_not_a_day(text) or "is not a date"


def read_date(text: str) -> dt.date | None:
    """A date as a coach types it on the command line: ``2027-05-31``, or day first as the
    app's date fields and the session log read it, ``31/05/2027``, ``31.5.2027`` or with the
    year in two digits, ``31.5.27`` (:func:`numeric_date`: this century); None when it is
    neither."""
    text = text.strip()
    try:
        if m := _DAY_FIRST.fullmatch(text):
            return numeric_date((int(m[1]), int(m[2]), int(m[3])), day_first=True)
        if re.fullmatch(r"\d{8}", text):  # ISO's 20270531
            return dt.date.fromisoformat(text)
    except ValueError:
        return None
    return iso_day(text)  # 2027-05-31, or with a time (and zone) after it


def name_key(text: object) -> str:
    """A name or an ID as compared: case, spacing and Unicode composition do not matter (a file
    saved on a Mac writes "José" as "Jose" and a combining accent, which looks the same)."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


def without_accents(text: str) -> str:
    """``text`` without its accents: GPS units, older systems and keyboards write 'Jose Muller'
    for José Müller."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# letters with no accent to take off (NFD leaves them whole): read as the letter they are
# filed under in a team sheet
_SORT_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
                               "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})
# the apostrophes phones and word processors type for ' (N’Golo); the hyphens, read as a space
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_HYPHENS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " "})


def plain_name(text: object, hyphens: bool = False) -> str:
    """A name as an ASCII-only export writes it: case, spacing and accents aside, the letters
    with no accent to take off as the ones they are written with ("Lukasz Wojcik" for Łukasz
    Wójcik, "Soren Odegaard" for Søren Ødegaard, "Aevar Thorsson" for Ævar Þórsson), any
    apostrophe as ' and a hyphen as a space ("Jose Maria Nunez" for José-María Núñez);
    ``hyphens``: kept (a double first name stays one word: "NUNEZ Jose-Maria")."""
    folded = without_accents(name_key(text)).translate(_SORT_LETTERS).translate(_APOSTROPHES)
    return " ".join((folded if hyphens else folded.translate(_HYPHENS)).split())


def name_sort_key(name: str) -> str:
    """A name as a list of names is sorted: case and accents do not count ("Łukasz" next to
    "Luis", "Ömer" next to "Olaf"; by code point they came after "Zoë")."""
    return without_accents(name_key(name)).translate(_SORT_LETTERS)


def csv_safe(value: str) -> str:
    """Coach text in a CSV cell: a leading ``= + - @`` (which a spreadsheet would run as a
    formula) gets a quote in front (the load CSV, the season review's)."""
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def join_and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def rehab_where(stages: Collection[str]) -> str:
    """Where the injury's records hold an athlete on days he is logged playing, after "while" or
    "put him": ``in P1``, ``injured`` (INJ: no stage recorded yet; "in INJ" read as a code),
    ``in P2 and in P3`` when the days span stages. Every "played in rehab" sentence says it so:
    the log's and ``record``'s, the Returns panel's and the counted level's."""
    return join_and(["injured" if st == INJ else f"in {st}" for st in stages])


def runs(values, together) -> list[list]:
    """``values`` (in order) cut into runs: a value joins the run before it when
    ``together(last, value)`` (consecutive days, days a few apart)."""
    out: list[list] = []
    for v in values:
        if out and together(out[-1][-1], v):
            out[-1].append(v)
        else:
            out.append([v])
    return out


def without_boms(data: bytes) -> bytes:
    """``data`` without the byte-order marks before its text: one ("UTF-8 with BOM", as Notepad
    saves) or more (a file saved so twice), each a valid UTF-8 character no reader expects."""
    while data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data


def not_utf8_place(data: bytes, e: UnicodeDecodeError) -> str:
    """"line 3 (at 'Tom Müller')": where ``data`` (:func:`without_boms`), read as UTF-8, first
    holds a byte that is not UTF-8 (``e``), with the text around it as an editor in Windows text
    shows it (a name typed in Notepad and saved as 'ANSI': "Müller" as one byte). The season file
    and the session log say it alike, each with its own fix."""
    line = data[:e.start].count(b"\n") + 1
    start = data.rfind(b"\n", 0, e.start) + 1
    end = data.find(b"\n", e.start)
    end = end if end >= 0 else len(data)
    shown = data[max(start, e.start - 30):min(end, e.start + 30)].decode("cp1252", errors="replace")
    return f"line {line} (at {shown.strip()!r})"


def nothing_logged_on(days: list[dt.date]) -> str:
    """``nothing logged on Tue 29 Sep 2026, Wed 30 Sep 2026 and Thu 1 Oct 2026``: an athlete's
    days without a session logged, as the load figures and Move Today name them."""
    return f"nothing logged on {join_and([day_long(d) for d in days])}"


# -- stages -----------------------------------------------------------------------------------
def stage_allows(cap: int) -> str:
    """What a rehab stage's speed cap allows: ``no running`` (0), ``at most 80 %``."""
    return "no running" if cap == 0 else f"at most {cap} %"


def above_stage(stage: str, cap: int) -> str:
    """``above P1 (no running)``: a day logged faster than its stage allows, as every page of the
    past says it (a P1 day read "above P1's 0 %")."""
    return f"above {stage} ({stage_allows(cap)})"


def stage_name(stage: str, protocol: str | None = None) -> str:
    """``P2 concentric/eccentric``; with the ``protocol`` of the athlete's injury its own stage
    title (``P2 strength and balance`` for an ankle sprain); unknown ids as given."""
    if protocol is not None and stage in REHAB_STAGES:
        from planner.errors import PeriodizeError
        from planner.protocols import load_protocol

        try:
            title = load_protocol(protocol).stage(stage).title
        except (PeriodizeError, KeyError, ValueError):
            title = ""
        if title and title != stage:
            return f"{stage} {title[:1].lower()}{title[1:]}"
    return STAGE_NAMES.get(stage, stage)


def stage_name_on(season, athlete: str, stage: str, day: dt.date) -> str:
    """:func:`stage_name` in the protocol of the injury record that governs ``athlete`` on
    ``day`` (the latest onset on or before it; the first record before any)."""
    from planner.rehab import governing

    records = sorted(season.injuries_of(athlete), key=lambda r: r.onset)
    rec = governing(records, day) or (records[0] if records else None)
    return stage_name(stage, rec.protocol if rec is not None else None)



def second_flare_words(injury, protocol, day: dt.date, fmt=None) -> str:
    """What a flare-up on ``day`` does when it is the second within 7 days ("" otherwise), from
    the stage the records hold the day before: "two stages back, to P1"; "one stage back, to P1,
    the first" (only one behind); "stays in P1; P1's minimum restarts from Mon 30 Nov 2026" (in
    the first already). "Two stages back" was said to an athlete in P1, who cannot go back.
    ``fmt`` writes a date (``planner.text.date_long`` by default)."""
    from planner.rehab import back, flare_steps, stage_on, stage_order

    if flare_steps(injury.flare_ups, day) < 2:
        return ""
    held = stage_on(injury, protocol, day - dt.timedelta(days=1))
    order = stage_order(protocol)
    if held not in order:
        return ""
    new = back(protocol, held, 2)
    steps = order.index(held) - order.index(new)
    if steps == 0:
        return f"stays in {held}; {held}'s minimum restarts from {(fmt or date_long)(day)}"
    if steps == 1:
        return f"one stage back, to {new}, the first"
    return f"two stages back, to {new}"


def second_flare_clause(words: str, before: dt.date | None = None, fmt=None) -> str:
    """"the second within 7 days (after Wed 9 Dec 2026): two stages back, to P1": what
    :func:`second_flare_words` says (``words``; "" gives ""), after the flare-up ``before`` it
    when given. ``fmt`` writes the date (``planner.text.date_long`` by default)."""
    if not words:
        return ""
    after = f" (after {(fmt or date_long)(before)})" if before is not None else ""
    return f"the second within 7 days{after}: {words}"


def short_stay_words(protocol, held: str, since: dt.date, left: dt.date) -> str:
    """"P3 has had 6 days (from Thu 13 Aug); it needs at least 21" when ``held``, entered on
    ``since``, is left on ``left`` before its minimum days ("" otherwise): "P1 day 3 of at least
    3" read as done on the day it was not."""
    spec = protocol.stage(held)
    served = (left - since).days
    if served >= spec.min_days:
        return ""
    return (f"{held} has had {plural(served, 'day')} (from {day(since)}); it needs at least "
            f"{spec.min_days}")


def skipped_words(protocol, held: str, stage: str) -> str:
    """"P2, P3, S1, S2 and S3 are skipped, and with them the sprints at 90, 95 and 100 %" ("" when
    none is): an early record said the stage held was not finished, never that the sprint stages
    were passed over."""
    from planner.rehab import skipped_stages
    from planner.season import HV_LEVEL

    skipped = skipped_stages(protocol, held, stage)
    if not skipped:
        return ""
    sprints = sorted({protocol.cap(x) for x in skipped if protocol.cap(x) >= HV_LEVEL})
    said = f"{join_and(list(skipped))} {'is' if len(skipped) == 1 else 'are'} skipped"
    if sprints:
        said += (f", and with {'it' if len(skipped) == 1 else 'them'} the sprints at "
                 f"{join_and([str(v) for v in sprints])} %")
    return said


def stepped_down_sentence(flared: dt.date, down: str, stage: str, until: dt.date | None,
                          after: tuple[dt.date, str] | None, limits: str = "") -> str:
    """The one sentence of a stage's kicking and change of direction stepped down after a
    flare-up (RH-4), for the handout's week and the calendar's stage event: ``After the flare-up
    of Thu 7 Jan, kicking and change of direction are S2's until Tue 12 Jan (kicking: …), then
    S3's own.`` ``until`` None: to the week's end ("this week"). What follows is said as it is:
    the stage's own limits only when the day after is still ``stage``; else full training, or
    the stage it moves to (a second flare-up steps back, the physio records one early)."""
    said = f" ({limits})" if limits else ""
    if until is None:
        return (f"After the flare-up of {day(flared)}, kicking and change of direction are "
                f"{down}'s this week{said}.")
    then = ""
    if after is not None:
        when, st = after
        then = (f", then {stage}'s own" if st == stage else
                f", then full training from {day(when)}" if st == "FIT" else
                f", then injured, no running, from {day(when)}" if st == "INJ" else
                f", then stage {st} from {day(when)}")
    return (f"After the flare-up of {day(flared)}, kicking and change of direction are {down}'s "
            f"until {day(until)}{said}{then}.")

# -- validation messages ----------------------------------------------------------------------
_PREFIXES = ("Value error, ", "Assertion failed, ")
DATE_EXAMPLE_FIX = "write it as YYYY-MM-DD (for example 2026-09-14)"


# a pydantic location part naming a member of a union type (``float``, ``tuple[constrained-str, ...]``)
_UNION_MEMBER = re.compile(r"^(float|int|str|bool|(tuple|list|dict|set)\[.*\]|constrained-\w+)$")
_PLAIN = (
    (re.compile(r"^Input should be less than or equal to (\S+)$"), r"is more than \1; use at most \1"),
    (re.compile(r"^Input should be greater than or equal to (\S+)$"), r"is less than \1; use at least \1"),
    (re.compile(r"^Input should be less than (\S+)$"), r"is too large; use less than \1"),
    (re.compile(r"^Input should be greater than (\S+)$"), r"is too small; use more than \1"),
    (re.compile(r"^Input should be a valid number.*$"), "is not a number; write a number"),
    (re.compile(r"^Input should be a valid string$"), "is not a name; write it as text"),
    (re.compile(r"^Input should be (('[^']*', )*'[^']*' or '[^']*')$"), r"is not one of \1; use one of them"),
    (re.compile(r"^Input should be a valid date.*$"), f"is not a date; {DATE_EXAMPLE_FIX}"),
    (re.compile(r"^Datetimes provided to dates should have zero time.*$"),
     f"is not a date; {DATE_EXAMPLE_FIX}"),
    (re.compile(r"^Input should be a valid (tuple|list).*$"), "is not a list; write it as [ ... ]"),
    (re.compile(r"^Input should be a valid dictionary.*$"), "is not an object; write it as { ... }"),
    (re.compile(r"^Input should be a valid boolean.*$"), "is not true or false; write true or false"),
    (re.compile(r"^Input should be a valid integer.*$"), "is not a whole number; write a whole number"),
    (re.compile(r"^String should have at least 1 character.*$"), "is empty; write it"),
    (re.compile(r"^(?:Tuple|List) should have at least 1 item after validation, not 0$"),
     "is empty; give at least one"),
    (re.compile(r"^String should have at most (\d+) characters?.*$"), r"is too long; use at most \1 characters"),
)


def _meant_day(text: str) -> dt.date | None:
    """The day a date written in another form than YYYY-MM-DD reads as: 2026-8-3 or a time
    after it; 03.08.2026 or 03/08/2026 day first (month first when that alone is a day)."""
    if (d := iso_day(text)) is not None:
        return d
    parts = numeric_parts(text)
    return None if parts is None else numeric_date(parts, True) or numeric_date(parts, False)


def date_fix(text: str) -> str:
    """How to write a date the season file refused: ``text`` rewritten when it reads as a day
    ("write it as YYYY-MM-DD: 2026-08-03 if you meant Mon 3 Aug 2026"); else the form with an
    example, said as one (a sample date alone was read as the value proposed)."""
    meant = _meant_day(text)
    if meant is None:
        return DATE_EXAMPLE_FIX
    return f"write it as YYYY-MM-DD: {meant.isoformat()} if you meant {day_long(meant)}"


def _union_at(loc: tuple) -> int | None:
    """Where a location names a member of a union type (``float``, ``tuple[...]``), if it does."""
    return next((i for i, part in enumerate(loc) if isinstance(part, str) and _UNION_MEMBER.match(part)),
                None)


def _union_branches(errors: list[dict]) -> dict[tuple, str]:
    """For each value that failed every member of a union: the member the value was meant for
    (a list or tuple given: the list member; anything else: the first, a number)."""
    members: dict[tuple, list[str]] = {}
    given: dict[tuple, object] = {}
    for e in errors:
        loc = tuple(e["loc"])
        at = _union_at(loc)
        if at is None:
            continue
        members.setdefault(loc[:at], []).append(loc[at])
        if len(loc) == at + 1 and "input" in e:
            given.setdefault(loc[:at], e["input"])
    out = {}
    for prefix, names in members.items():
        seq = isinstance(given.get(prefix), list | tuple)
        out[prefix] = next((m for m in names if m.startswith(("tuple[", "list[")) == seq), names[0])
    return out


def _plain(msg: str) -> str:
    """A few of pydantic's messages as a coach reads them (with the fix)."""
    for pattern, repl in _PLAIN:
        if pattern.match(msg):
            return pattern.sub(repl, msg)
    return msg


def shown(text: str) -> str:
    """``text`` as it can be printed: a byte of a file name that is not UTF-8 (which Python holds
    as a lone surrogate, printed as 'caf\\udce9' or as a raw byte) written as ``\\xe9``, the
    way a shell's $'caf\\xe9' names it."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def clean_message(msg: str) -> str:
    """A pydantic error message without its ``Value error,`` prefix and documentation link."""
    for p in _PREFIXES:
        if msg.startswith(p):
            msg = msg[len(p):]
    msg = re.sub(r"\s*\[type=[^\]]*\]", "", msg)
    msg = re.sub(r"\s*For further information visit \S+", "", msg)
    return msg.strip()


def as_written(value: object, keep: int = 60) -> str:
    """``value`` as a JSON file writes it (``{}``, ``{"A1": {}}``), cut as :func:`quoted` cuts."""
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return quoted(value, keep)
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


# pydantic's errors of a value given where a number goes (NaN and Infinity refused there as
# not numbers; elsewhere, a name or a list, the field's own message says what it needs)
_NUMBER_ERRORS = frozenset({
    "finite_number", "float_type", "float_parsing", "int_type", "int_parsing", "int_from_float",
    "greater_than", "greater_than_equal", "less_than", "less_than_equal", "multiple_of",
})


def validation_problems(errors: list[dict], tags: Collection[str] = (),
                        note: Callable[[dict], str] | None = None) -> list[str]:
    """``path: message`` for each pydantic error (``ValidationError.errors()``) as a coach reads it:
    the path as :func:`error_path` writes it, the message cleaned, a missing or unknown field said
    plainly with its fix, and a rejected value (not a whole object) quoted before other messages;
    ``note(error)``, when given, is added to its message (the season file's km/h reading)."""
    out = []
    chosen = _union_branches(errors)
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "too_short" and any(len(o["loc"]) > len(loc) and tuple(o["loc"][:len(loc)]) == loc
                                            for o in errors):
            continue  # its items were refused (each said): that it is left empty says nothing more
        at = _union_at(loc)
        if at is not None:  # one branch of "a number or a list of names": the one meant only
            if chosen.get(loc[:at]) != loc[at]:
                continue
            loc = loc[:at] + loc[at + 1:]
        where = error_path(loc, tags) or "(top level)"
        msg = _plain(clean_message(e["msg"]))
        if e["type"] in ("union_tag_not_found", "union_tag_invalid"):
            where, msg = _tag_problem(e, loc, tags)
        elif e["type"] == "missing":
            msg = "missing; add it"
        elif e["type"] == "extra_forbidden":
            msg = not_a_known_field(loc[-1] if loc else "")
        elif isinstance(e.get("input"), float) and not math.isfinite(e["input"]):
            # NaN and Infinity, which JSON files written by other programs may hold: where a
            # number goes, not one; elsewhere the field's own fix (a name, a list, an object)
            what = "NaN" if e["input"] != e["input"] else "Infinity" if e["input"] > 0 else "-Infinity"
            if e["type"] in _NUMBER_ERRORS:
                msg = f"{what} is not a number; write a number"
            elif e["type"] != "value_error":  # a validator's own words say the value already
                msg = f"{what}{' ' if msg.startswith('is ') else ': '}{msg}"
        elif e["type"].startswith("date") and isinstance(e.get("input"), str):
            # no such day (2026-02-30), or a date in another form: rewritten when it reads as one
            said = iso_not_a_day(e["input"]) or "is not a date"
            msg = f"{quoted(e['input'])} {said}; {date_fix(e['input'])}"
        elif "input" in e and e["type"] != "value_error" and not isinstance(e["input"], dict | list):
            msg = f"{quoted(e['input'])}{' ' if msg.startswith('is ') else ': '}{msg}"
        elif isinstance(e.get("input"), dict | list) and msg.startswith(("is not a list", "is not an object")):
            msg = f"{as_written(e['input'])} {msg}"  # "athletes": {} read "athletes: is not a list"
        if len(loc) == 3 and loc[:2] == ("rules", "values") and e["type"] == "dict_type":
            msg = _rule_value_fix(str(loc[2]), e.get("input"))
        out.append(f"{where}: {msg}{note(e) if note else ''}")
    return out


def _rule_value_fix(key: str, value: object) -> str:
    """What a rule setting written beside its rule, not inside it, reads as, with the nested
    form: ``"LD-1.minutes_start": -5`` read "-5 is not an object; write it as { … }", as if the
    setting had to be an object."""
    import json

    rule, dot, param = key.partition(".")
    if dot and rule and param:
        nested = json.dumps({rule: {param: value}}, ensure_ascii=False)
        return (f"a setting goes inside its rule, not after a dot; write it as {nested} in "
                f"\"values\"")
    return (f"{as_written(value)} is not a rule's settings; write them inside the rule by name, "
            f"e.g. {{\"LD-1\": {{\"minutes_start\": 80}}}}")


def _tag_problem(e: dict, loc: tuple, tags: Collection[str]) -> tuple[str, str]:
    """(path, message) of an item of a tagged union (a pin's ``kind``, an edit's ``op``) whose
    tag is missing or unknown, said at the tag's own field with the tags it may take (``tags``:
    the document's tags, where pydantic's error does not list them)."""
    field = str(e.get("ctx", {}).get("discriminator", "kind")).strip("'")
    where = error_path(loc + (field,))
    known = str(e.get("ctx", {}).get("expected_tags", "")).replace("'", "") or ", ".join(tags)
    given = e.get("input", {}).get(field) if isinstance(e.get("input"), dict) else None
    if e["type"] == "union_tag_not_found" or given is None:
        return where, f"missing; {f'one of {known}' if known else 'add it'}"
    return where, f"{quoted(given)} is not a known {field}; use one of {known}"


def short_title(text: str, limit: int = 70) -> str:
    """``text`` as a title: the long asides in brackets at its end dropped (a short one such as
    "(C)" kept, and brackets inside, e.g. in a competition's name, left alone), then cut at a word
    before ``limit`` characters with "…" (a scenario named after its change was cut
    mid-parenthesis)."""
    said = " ".join(text.split())
    while said.endswith(")"):
        depth, k = 0, len(said) - 1
        for k in range(len(said) - 1, -1, -1):  # the "(" that the last ")" closes
            depth += {")": 1, "(": -1}.get(said[k], 0)
            if depth == 0:
                break
        if depth or len(said) - k - 2 <= 12 or not said[:k].strip():
            break  # unbalanced, short, or the whole text: kept
        said = said[:k].rstrip(" :,;")
    if len(said) <= limit:
        return said
    cut = said[:limit - 1].rsplit(" ", 1)[0].rstrip(" :,;")
    return cut + "…"


_EDIT_PATHS = (  # a season file's path in a problem -> words, where an edit (not a file) said it
    (r"^competitions\[\d+\]\.date \((.+?)\): ", "the date of '{0}': "),
    (r"^competitions\[\d+\]\.end_date \((.+?)\): ", "the last day of '{0}': "),
    (r"^blocks\[\d+\]\.start \((.+?)\): ", "the first day of the block '{0}': "),
    (r"^blocks\[\d+\]\.end \((.+?)\): ", "the last day of the block '{0}': "),
    (r"^calendar\.non_training_days\[\d+\]\.date: ", "the day off: "),
    (r"^sessions\[\d+\]\.date: ", "the session's date: "),
    (r"^injuries\[\d+\]\.tests\[\d+\]\.date: ", "the test's date: "),
    (r"^rules\.values\.([\w-]+)\.(\w+): ", "{0} {1}: "),
    (r"^rules\.values\.([\w-]+): ", "{0}: "),
    (r"^rules\.modes\.([\w-]+): ", "{0} mode: "),
)


def edit_words(problem: str) -> str:
    """A season problem as an edit's refusal says it: "competitions[42].date (Cup final): …"
    reads "the date of 'Cup final': …" (the coach typed a command or a form, not the file)."""
    import re

    for pattern, words in _EDIT_PATHS:
        m = re.match(pattern, problem)
        if m:
            return words.format(*m.groups()) + problem[m.end():]
    return problem


def no_conflict_set_text(more_time: str, take_back: str) -> str:
    """What a coach reads when a solve proved that no plan satisfies every hard rule but no small
    conflicting set was found in the time allowed (an empty ``Outcome.explanation``): what to do
    instead, never "change one of them" over nothing. ``more_time``: how to give the search
    more time, ``take_back``: how to take back changes, each in the words of the place (the
    command line, the app)."""
    return (f"No small set of rules that cannot all hold together was found in the time "
            f"allowed, so none is named. {more_time}; or {take_back} one at a time (a pin, a "
            f"date, an absence, a rule value), solving after each: the change after which no "
            f"plan exists is the one to look at.")


def with_note(words: str, note: str) -> str:
    """``words`` and a ``note`` in parentheses after them, one parenthesis where ``words`` end in
    one: "back to full training Tue 6 Oct (fit from Mon 5 Oct; provisional: …)", not two in a
    row."""
    if words.endswith(")") and note.startswith(" ("):
        return f"{words[:-1]}; {note[2:]}"
    return words + note
