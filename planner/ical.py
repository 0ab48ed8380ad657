"""iCalendar export: one ``.ics`` per athlete with the days of the plan that matter to the athlete,
and one for the staff (``Team.ics``, :func:`team_calendar`: the competitions with their priority,
the team's deload and taper weeks, the days off and the blocks).

Each calendar holds all-day events, in words a player understands:

- **sessions** (:mod:`planner.sessions`): every day the athlete has a session: the team's
  training, recovery and activation (``Team training: up to 70 %``), every speed session,
  compensation session and rehab session, e.g. ``Speed: 4 × 30 m at 95 % (8.6 m/s)``; a rest
  day, a day away or injured before any stage is none unless a session was logged on it (a past
  day logged is an event, below); each with what to do, the target speed in m/s
  and km/h, minutes, target RPE, kicking and change-of-direction limits and the week; a speed,
  compensation or rehab day also why it is planned so (the reasons in words, without rule
  codes), a team day being the team's; a past day logged reads as logged, the plan in its
  description (:attr:`planner.handout.HandoutDay.logged_title`: ``Logged: 90 min, RPE 6 —
  planned: team training: up to 70 %``), one with nothing logged says how its load counts
  (``Not logged: counted as planned.``, :data:`planner.load.NOT_LOGGED`);
- **provisional days**: a rehab day moved on before a criteria test was passed begins with the
  condition it waits on (:func:`provisional_conditions`): a run's first event in full, with the
  move, the later ones short, each event saying it itself; its stage change says it in full;
- **stage changes**: the days the rehab stage changes, with what the stage allows, and the return
  to full training on the first team session the athlete can join (:attr:`planner.returns.Return.session`);
  a first FIT day the team does not train on is "Rehab done: fit", naming that session;
- **competitions**: every competition with the athlete's role (``League match 7: you start``);
  multi-day events span their days; one day's several say their place among the day's in the
  season file's order (``2/3 Semi-final: you start``, :func:`planner.timeline.in_day_places`).

A UID is ``PREFIX-ATHLETE-KEY@periodize``. PREFIX is the one of the calendars already in the
folder (``X-PERIODIZE-UID-PREFIX``; in calendars written before it was said, read from their
UIDs: the season's name as a slug), else ``season-FIRSTDAY`` (:func:`uid_prefix`): never the
season's name as it is now, so renaming the season changes no UID. A calendar says the first day
of its season (``X-PERIODIZE-SEASON-START``): one of another season in the folder (last season's,
the folder reused: one not overlapping this season, its first day after this season's end or its
events all before this season's start) is not continued, neither its prefix nor its events, and
the export says so; the season's first day moved (pre-season a week earlier) continues them;
in one written before the header, the events wholly outside the season's days are left out, and
with none inside, its prefix too. Each event has a key
(``X-PERIODIZE-KEY``): ``competition-ID``, ``stage-DATE`` (``stage-DATE-back``: the return on the
first team session after a FIT day the team does not train on), and for a session
its place in its ISO week (``session-2026-W40-speed-2``: the athlete's second speed session of
week 40, a compensation session being one; ``team`` for team training, recovery and
activation; ``rehab`` for rehab, calm and flare-up days). An export
reads the calendar of the athlete already in the folder and continues each of its events under its
UID: a session is paired with the one of before on the same day, else the next of its week and
kind, so a session moved Thu -> Wed is the same event on its new day. An event whose content
changed gets the next ``SEQUENCE`` (each event carries a fingerprint of its content,
``X-PERIODIZE-FINGERPRINT``, to tell); one the plan no longer has is written once more as
``STATUS:CANCELLED`` ("Cancelled: …", the next ``SEQUENCE``, its day kept), so a calendar app that
re-imports the file removes or strikes it, until a week after its day (``CANCELLED_FOR`` before
the season's today). A calendar written while session UIDs named their day
(``SEASON-ATHLETE-session-DATE``) is read so too: its sessions keep those UIDs.

Text is escaped and folded as RFC 5545 asks (``icalendar``): a line break inside a name or a
reason (an Excel Alt+Enter, a CR) becomes a space in a summary and an escaped line break in a
description; other control characters are dropped. The calendars are written as one group
(:func:`planner.filegroup.write_group`): all new, or on any failure (a full disk, an immutable
file) every previous calendar untouched. With ``anonymise=True`` the season is anonymised by
:mod:`planner.anonymise` and a calendar carries no protocol or stage content (stage codes stay).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from icalendar import Calendar, Event, vText

from planner.anonymise import anonymised, name_pairs, scrub
from planner.errors import InputError
from planner.filegroup import athlete_file_names, group_file_name, prepare_folder, write_group
from planner.handout import Handouts, match_role, provisional_note
from planner.history import logged_days
from planner.load import NOT_COUNTED, NOT_LOGGED
from planner.loadtable import known_from
from planner.protocols import load_protocol
from planner.returns import back_words, provisional_of, returns
from planner.season import FIT, INJ, Plan, Season
from planner.sessions import Prescriber, Prescription, stage_limits
from planner.squad import gone_between, not_with_squad, planned_order, unplanned_line
from planner.text import day_long, join_and
from planner.timeline import Timeline, in_day_places
from planner.validate import export_problems
from planner.why import Explainer

__all__ = ["athlete_calendar", "calendar_file_names", "export_calendars", "folder_file_names",
           "no_earlier_calendars", "team_calendar", "team_file_name", "team_file_words",
           "coachs_team_files"]

PRODID = "-//Periodize//Season plan//EN"
FINGERPRINT = "X-PERIODIZE-FINGERPRINT"
PREFIX = "X-PERIODIZE-UID-PREFIX"  # the calendar's UIDs begin so (see export_calendars)
SEASON_START = "X-PERIODIZE-SEASON-START"  # the first day of the season the calendar is of
KEY = "X-PERIODIZE-KEY"  # what the event is, whatever its UID (see _Events)
CANCELLED_FOR = dt.timedelta(days=7)  # a dropped event is said cancelled until a week after it
# the days with a session, each an event: a team training (recovery and activation are the
# team's too), a speed day, a rehab day; a rest day, a day away or injured (INJ, with the medical
# staff) is none
TEAM_CONTEXTS = ("team", "recovery", "activation")
SESSION_CONTEXTS = (*TEAM_CONTEXTS, "speed", "compensation", "rehab", "calm", "flare-up")
BACK = "Back in full training: every session and match again"  # a return's event's text
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters other than tab and LF
_YEAR = re.compile(r"(\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}) \d{4}\b")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")[:40] or "season"


def _uid_part(value: str) -> str:
    """An id as it stands in a UID: its slug when that keeps the id whole (but for lower case),
    else the slug and ``_`` and a stable hash of the id, so "Ñ-9" and "9", "U20/07" and "U20-07"
    give two UIDs (no slug has a ``_``, no hashed part is another id's slug)."""
    slug = _slug(value)
    if slug == value.casefold():
        return slug
    return f"{slug}_{hashlib.sha256(value.encode('utf-8')).hexdigest()[:8]}"


def one_line(value: str) -> str:
    """Text for a one-line property (a summary, a calendar name): line breaks become spaces."""
    value = str(value).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return " ".join(_CONTROL.sub(" ", value).split())


def multi_line(value: str) -> str:
    """Text for a description: CR LF and CR become LF, other control characters go."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def calendar_file_names(season: Season, anonymise: bool = False) -> dict[str, str]:
    """Athlete id -> the ``.ics`` file name (unique, also on case-insensitive file systems).

    Names are given in the squad's order, not the display order, so that an athlete's file keeps
    its name when someone is injured (a calendar app subscribed to it keeps finding it)."""
    return athlete_file_names(season, anonymise, ".ics")


def team_file_name(season: Season, anonymise: bool = False,
                   folder: str | os.PathLike | None = None) -> str:
    """The staff's calendar: ``Team.ics`` (``Team (2).ics`` when an athlete's file is so named,
    or a ``Team.ics`` in ``folder`` is not a calendar Periodize wrote: a coach's own is left as
    it is)."""
    if folder is None:
        return group_file_name(season, anonymise, "Team", ".ics")
    return group_file_name(season, anonymise, "Team", ".ics",
                           lambda name: not (Path(folder) / name).exists()
                           or _written_here(Path(folder) / name))


def coachs_team_files(season: Season, folder: str | os.PathLike,
                      anonymise: bool = False) -> list[Path]:
    """The files of ``folder`` under the staff's calendar's names before the one it gets there
    (``Team.ics``, ``Team (2).ics`` …) that Periodize did not write: the coach's own, left as they
    are (:func:`team_file_name`), and no earlier export's left over."""
    usual, name = team_file_name(season, anonymise), team_file_name(season, anonymise, folder)
    if name == usual:
        return []
    stem = re.escape(usual.removesuffix(".ics"))
    return sorted(p for p in Path(folder).iterdir()
                  if re.fullmatch(rf"{stem}( \(\d+\))?\.ics", p.name, re.IGNORECASE)
                  and p.is_file() and not _written_here(p))


def team_file_words(season: Season, folder: str | os.PathLike, anonymise: bool = False) -> str:
    """Said after an export into ``folder`` whose staff's calendar is not the usual name, since a
    file of that name there is not Periodize's (:func:`coachs_team_files`); else ""."""
    mine = coachs_team_files(season, folder, anonymise)
    if not mine:
        return ""
    names = join_and([p.name for p in mine])
    return (f"{names} in {folder} {'is' if len(mine) == 1 else 'are'} not Periodize's "
            f"calendar{'' if len(mine) == 1 else 's'} and {'is' if len(mine) == 1 else 'are'} left "
            f"as {'it is' if len(mine) == 1 else 'they are'}: the staff's calendar is "
            f"{team_file_name(season, anonymise, folder)}.")


def _written_here(path: Path) -> bool:
    """Is the file at ``path`` a calendar Periodize wrote (its PRODID)?"""
    try:
        with open(path, "rb") as f:
            return b"PRODID:" + PRODID.encode() in f.read(4096)
    except OSError:
        return False


def folder_file_names(season: Season, anonymise: bool = False,
                      folder: str | os.PathLike | None = None) -> list[str]:
    """Every file an export writes into the calendar folder: the athletes' and the team's."""
    return [*calendar_file_names(season, anonymise).values(),
            team_file_name(season, anonymise, folder)]


def _stage_text(season: Season, proto, stage: str, anonymise: bool, down: str = "") -> str:
    if stage == FIT:
        return f"{BACK}."
    if stage == INJ:
        return "Injured: no running until the first rehab stage."
    if proto is None or stage not in proto.stage_ids:
        return f"Rehab stage {stage}."
    spec = proto.stage(stage)
    cap = "no running" if spec.cap == 0 else f"running up to {spec.cap} % of your max speed"
    if anonymise:
        return f"Rehab stage {stage}: {cap}."
    lines = [f"Rehab stage {stage}, {spec.title}: {cap}.", spec.content]
    if limits := stage_limits(spec):
        lines.append(f"{limits[:1].upper()}{limits[1:]}.")
    if down:
        lines.append(down)
    if spec.exit_text:
        lines.append(f"To move on: {spec.exit_text}")
    return "\n".join(x for x in lines if x)


def _session_text(p: Prescription, week: str, reasons: list[str], stage: str = "") -> str:
    lines = [p.content]
    if stage:
        lines.append(stage)
    if p.note:
        lines.append(p.note + ".")
    if p.speed:
        lines.append(f"Target speed: {p.speed}" if p.speed_is_target else f"Speed: {p.speed}")
    dose = []
    if p.minutes is not None:
        dose.append(f"{p.minutes:g} min")
    if p.rpe is not None:
        dose.append(f"target effort (RPE) {p.rpe:g} of 10")
    if dose:
        lines.append(" · ".join(dose))
    if p.limits:
        lines.append(p.limits[:1].upper() + p.limits[1:] + ".")
    lines.append(week)
    if reasons:
        lines.append("Why this day: " + " ".join(reasons))
    return "\n".join(lines)


def _mark(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Old:
    """An event of the calendar written before, as an export continues or cancels it."""

    key: str
    uid: str
    seq: int
    mark: str
    day: dt.date
    end: dt.date
    summary: str
    description: str
    category: str
    cancelled: bool


class _Events:
    """The events of one calendar, with their fingerprints and the sequence numbers they get.

    Each event has a key (``competition-ID``, ``stage-DATE``, ``session-2026-W40-speed-1``) and
    keeps the UID the calendar written before gave its key, so a calendar app updates it."""

    def __init__(self, cal: Calendar, base: str, stamp: dt.datetime, previous: dict[str, _Old]):
        self.cal, self.base, self.stamp, self.previous = cal, base, stamp, previous
        self.used: set[str] = set()  # the keys of the calendar before carried on
        self.pending: list[tuple[dt.date, str, str, str]] = []
        self.items: list[_Ev] = []  # the events, in the calendar's order

    def calendar(self) -> Calendar:
        """The calendar as ``icalendar`` builds it (its header, then the events)."""
        cal = self.cal.copy()
        cal.subcomponents = []
        for e in self.items:
            cal.add_component(_component(e, self.stamp))
        return cal

    def ics(self) -> bytes:
        """The calendar's file: what :meth:`calendar`'s ``to_ical()`` writes, the events' lines
        written and folded here (``icalendar`` took 12 s for a squad of 40 over a season)."""
        head = self.cal.to_ical()
        end = b"END:VCALENDAR\r\n"
        if not head.endswith(end):  # no calendar as expected: as icalendar writes it
            return self.calendar().to_ical()
        stamp = self.stamp.strftime("%Y%m%dT%H%M%SZ")
        lines = [_fold(line) for e in self.items for line in _lines(e, stamp)]
        return head[:-len(end)] + b"".join(line + b"\r\n" for line in lines) + end

    def add(self, key: str, day: dt.date, summary: str, description: str, category: str,
            last: dt.date | None = None, old: _Old | None = None) -> None:
        """``old``: the event of the calendar before this one continues (else the one of ``key``)."""
        summary, description = one_line(summary), multi_line(description)
        end = (last or day) + dt.timedelta(days=1)  # all-day: the end is exclusive
        mark = _mark(summary, description, day.isoformat(), end.isoformat(), category)
        old = old or self.previous.get(key)
        if old is not None and old.key in self.used:
            old = None
        if old is not None:
            self.used.add(old.key)
        uid = old.uid if old is not None else f"{self.base}-{key}@periodize"
        seq = 0 if old is None else old.seq if old.mark == mark else old.seq + 1
        self._event(uid, key, day, end, seq, summary, description, category, mark)

    def session(self, day: dt.date, summary: str, description: str, category: str,
                kind: str) -> None:
        """A session of ``kind`` (``team``, ``speed`` or ``rehab``: :func:`_group`), added by
        :meth:`add_sessions` once all are known."""
        self.pending.append((day, summary, description, category, kind))

    def add_sessions(self) -> None:
        """The sessions, each paired with one of the calendar before in its ISO week and kind:
        the one on the same day, else the next in date order (a session moved Thu -> Wed is that
        session, updated); one left without a pair is new, one of before left so is dropped."""
        olds: dict[tuple, list[_Old]] = {}
        for old in self.previous.values():
            if (group := _old_group(old)) is not None:
                olds.setdefault(group, []).append(old)
        news: dict[tuple, list[tuple]] = {}
        for *item, kind in self.pending:
            news.setdefault(_group(item[0], kind), []).append(tuple(item))
        for group, items in news.items():
            for item, old, key in _paired(group, items, olds.get(group, [])):
                self.add(key, *item, old=old)
        self.pending = []

    def cancel_dropped(self, since: dt.date) -> None:
        """Every event of the calendar before that this one no longer has, ending on or after
        ``since``, once more as ``STATUS:CANCELLED`` (an importing calendar app removes or
        strikes it; one that was cancelled already keeps its sequence)."""
        for old in self.previous.values():
            if old.key in self.used or old.end <= since:
                continue
            if old.cancelled:
                summary, seq, mark = old.summary, old.seq, old.mark
            else:
                summary, seq, mark = f"Cancelled: {old.summary}", old.seq + 1, _mark("cancelled", old.mark)
            self._event(old.uid, old.key, old.day, old.end, seq, summary, old.description,
                        old.category, mark, cancelled=True)

    def _event(self, uid: str, key: str, day: dt.date, end: dt.date, seq: int, summary: str,
               description: str, category: str, mark: str, cancelled: bool = False) -> None:
        self.items.append(_Ev(uid, key, day, end, seq, summary, description, category, mark,
                              cancelled))


@dataclass(frozen=True)
class _Ev:
    """An event of a calendar being written."""

    uid: str
    key: str
    day: dt.date
    end: dt.date
    seq: int
    summary: str
    description: str
    category: str
    mark: str
    cancelled: bool


def _component(e: _Ev, stamp: dt.datetime) -> Event:
    """``e`` as an ``icalendar`` event."""
    ev = Event()
    ev.add("uid", e.uid)
    ev.add("dtstamp", stamp)
    ev.add("dtstart", e.day)
    ev.add("dtend", e.end)
    ev.add("sequence", e.seq)
    ev.add("summary", e.summary)
    if e.description:
        ev.add("description", e.description)
    ev.add("categories", [e.category])
    ev.add("transp", "TRANSPARENT")
    ev.add(FINGERPRINT, vText(e.mark))
    ev.add(KEY, vText(e.key))
    if e.cancelled:
        ev.add("status", "CANCELLED")
    return ev


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 asks (and ``icalendar``'s ``vText`` does)."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def _date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _lines(e: _Ev, stamp: str) -> list[str]:
    """The content lines of ``e``, unfolded, in ``icalendar``'s order (its canonical properties
    first, the rest by name)."""
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_text(e.summary)}", f"DTSTART;VALUE=DATE:{_date(e.day)}",
             f"DTEND;VALUE=DATE:{_date(e.end)}", f"DTSTAMP:{stamp}", f"UID:{_text(e.uid)}",
             f"SEQUENCE:{e.seq}", f"CATEGORIES:{_text(e.category)}"]
    if e.description:
        lines.append(f"DESCRIPTION:{_text(e.description)}")
    if e.cancelled:
        lines.append("STATUS:CANCELLED")
    lines += ["TRANSP:TRANSPARENT", f"{FINGERPRINT}:{_text(e.mark)}", f"{KEY}:{_text(e.key)}",
              "END:VEVENT"]
    return lines


def _fold(line: str) -> bytes:
    """A content line in UTF-8, folded as RFC 5545 asks: at most 75 octets a line with the space
    that continues it, never inside a character, nor after an escaping backslash or caret (as
    ``icalendar`` folds, for the calendar apps that misread one)."""
    raw = line.encode("utf-8")
    if len(raw) < 75:
        return raw
    parts, start = [], 0
    while len(raw) - start > 74:
        end = start + 74
        while raw[end] & 0xC0 == 0x80:  # inside a character: before it
            end -= 1
        if raw[end - 1] in b"\\^":
            end -= 1
        parts.append(raw[start:end])
        start = end
    parts.append(raw[start:])
    return b"\r\n ".join(parts)


def _old_event(ev, athlete: str) -> _Old | None:
    """An event read back (None when it is no event of Periodize's)."""
    uid = str(ev.get("uid", ""))
    key = str(ev.get(KEY, "")) or _in_uid(uid, athlete)[1]
    try:
        seq = int(ev.get("sequence", 0))
        day = ev.decoded("dtstart")
        end = ev.decoded("dtend") if ev.get("dtend") is not None else day + dt.timedelta(days=1)
        cats = ev.get("categories")
        category = str(cats.cats[0]) if cats is not None and cats.cats else ""
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None
    if not key or not uid or isinstance(day, dt.datetime) or isinstance(end, dt.datetime):
        return None
    return _Old(key, uid, seq, str(ev.get(FINGERPRINT, "")), day, end, str(ev.get("summary", "")),
                str(ev.get("description", "")), category,
                str(ev.get("status", "")).upper() == "CANCELLED")


def _in_uid(uid: str, athlete: str) -> tuple[str, str]:
    """(prefix, key) of a UID Periodize made, ``PREFIX-ATHLETE-KEY@periodize`` (PREFIX: the
    season's name as a slug in calendars written before it was ``season-FIRSTDAY``)."""
    parts = "|".join(re.escape(p) for p in {_uid_part(athlete), _slug(athlete)})  # the slug: before
    m = re.match(rf"^(.+?)-(?:{parts})-((?:competition|stage|session)-.+)@periodize$", uid)
    return (m.group(1), m.group(2)) if m else ("", "")


@dataclass(frozen=True)
class _Earlier:
    """An athlete's calendar written before: its events by key and its UIDs' prefix; ``other``:
    it is of another season, whose events and prefix are not this season's to continue."""

    events: dict[str, _Old]
    prefix: str
    other: bool = False


def earlier_calendar(data: bytes | None, athlete: str, season: Season) -> _Earlier:
    """``athlete``'s calendar written before (nothing when it cannot be read: every event then
    starts again at its sequence). A calendar of another ``season`` gives nothing: next season's
    League match 1 is no update of last season's. Another season is one that does not overlap
    this one: the first day it says (``X-PERIODIZE-SEASON-START``) after this season's end, or
    before its start with every event ended by then; a first day moved (pre-season brought
    forward a week) is the same season, continued. In one written before that header, the
    events wholly outside the season's days are left out, and with none inside, its prefix too."""
    if not data:
        return _Earlier({}, "")
    try:
        old = Calendar.from_ical(data)
    except (ValueError, TypeError, KeyError, IndexError):
        return _Earlier({}, "")
    start, end = season.calendar.start, season.calendar.end
    said = _said_start(old)
    out = {}
    for ev in old.walk("VEVENT"):
        if (got := _old_event(ev, athlete)) is not None:
            out[got.key] = got
    if said is not None:  # another season's starts after this one ends, or ended before it began
        if said > end or (said < start and all(o.end <= start for o in out.values())):
            return _Earlier({}, "", other=True)
    elif out:  # written before the header: its days tell
        out = {k: o for k, o in out.items() if o.end > start and o.day <= end}
        if not out:
            return _Earlier({}, "", other=True)
    prefixes = Counter(_in_uid(o.uid, athlete)[0] for o in out.values())
    prefixes.pop("", None)
    prefix = str(old.get(PREFIX, "")) or (prefixes.most_common(1)[0][0] if prefixes else "")
    return _Earlier(out, prefix)


def _said_start(cal: Calendar) -> dt.date | None:
    """The season's first day a calendar says (``X-PERIODIZE-SEASON-START``), None when it says
    none readable."""
    try:
        return dt.date.fromisoformat(str(cal.get(SEASON_START, "")))
    except ValueError:
        return None


def uid_prefix(season: Season) -> str:
    """The UIDs' prefix of calendars made in a folder without earlier ones: from the season's
    first day, which a coach does not edit for looks as he may its name."""
    return f"season-{season.calendar.start.isoformat()}"


def athlete_calendar(season: Season, plan: Plan, athlete: str, *, anonymise: bool = False,
                     stamp: dt.datetime | None = None, previous: bytes | None = None) -> Calendar:
    """The iCalendar of one athlete (see the module text); ``previous``: the calendar written
    before for the athlete, whose events' sequence numbers are continued."""
    off = not_with_squad(season, athlete)  # before anonymising, which drops the reasons
    if anonymise:
        season, plan = anonymised(season, plan)
    earlier = earlier_calendar(previous, athlete, season)
    return _calendar(season, plan, athlete, anonymise, stamp, earlier.events,
                     earlier.prefix or uid_prefix(season),
                     Prescriber(season, plan, anonymise=anonymise, to_player=True),
                     off=off).calendar()


def _calendar(season: Season, plan: Plan, athlete: str, anonymise: bool,
              stamp: dt.datetime | None, previous: dict, prefix: str, prescriber: Prescriber,
              explainer: Explainer | None = None, handouts: Handouts | None = None,
              off: frozenset[dt.date] | set[dt.date] = frozenset(),
              backs: dict[tuple[str, dt.date], dt.date] | None = None) -> _Events:
    """The calendar of ``athlete`` from a season that is already anonymised when asked.
    ``off``: his days not with the squad (:func:`planner.squad.not_with_squad`: before he joined,
    after he left): no competition of his on them (an earlier calendar's are cancelled).
    ``backs``: :func:`back_sessions` of the season (None: worked out here)."""
    a = season.athlete(athlete)
    if a is None:
        raise InputError("", [f"no athlete has id {athlete!r}; use an id from the squad"])
    tl = prescriber.tl
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    names = name_pairs(season) if anonymise else []  # an anonymised label "A1 (A1)" reads "A1"
    who = one_line(scrub(season.athlete_label(a.id), names))
    cal = _header(season, f"{season.name}: {who}", f"The {season.name} plan for {who}: speed and "
                  f"rehab sessions, rehab stages and matches (from Periodize).", prefix)
    events = _Events(cal, f"{prefix}-{_uid_part(a.id)}", stamp, previous)
    f = prescriber.facts(athlete)
    _competitions(season, tl, f, events, off)
    if f is not None:
        handouts = handouts or Handouts(season, plan, anonymise=anonymise, prescriber=prescriber,
                                        timeline=tl)
        days = handouts.sessions(athlete)  # built once, for the handout's rows too
        row, whole = provisional_conditions(handouts, f)
        _stages(season, prescriber, f, anonymise, events,
                back_sessions(season, plan) if backs is None else backs, whole)
        _sessions(season, prescriber, f, days, explainer or Explainer(season, plan, tl), anonymise,
                  names, events, handouts, row)
        events.add_sessions()
    events.cancel_dropped((season.calendar.today or season.calendar.start) - CANCELLED_FOR)
    return events


def _header(season: Season, name: str, description: str, prefix: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(one_line(name)))
    cal.add("x-wr-caldesc", vText(one_line(description)))
    cal.add(PREFIX, vText(prefix))
    cal.add(SEASON_START, vText(season.calendar.start.isoformat()))
    return cal


def team_calendar(season: Season, plan: Plan, *, stamp: dt.datetime | None = None,
                  previous: bytes | None = None, prefix: str = "") -> Calendar:
    """The staff's calendar: every competition with its priority, the team's deload and taper
    weeks, the days off and the blocks, each spanning its days; ``previous``: the team calendar
    written before, whose events are continued (or cancelled) as an athlete's."""
    return _team_events(season, plan, stamp=stamp, previous=previous, prefix=prefix).calendar()


def _team_events(season: Season, plan: Plan, *, stamp: dt.datetime | None = None,
                 previous: bytes | None = None, prefix: str = "") -> _Events:
    """:func:`team_calendar`'s events."""
    earlier = earlier_calendar(previous, "", season)
    prefix = prefix or earlier.prefix or uid_prefix(season)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = _header(season, f"{season.name}: team", f"The {season.name} plan for the staff: competitions, "
                  f"deload and taper weeks, days off and blocks (from Periodize).", prefix)
    events = _Events(cal, f"{prefix}.team", stamp, earlier.events)  # "." is in no athlete's slug
    for c, place in in_day_places(season.competitions):
        events.add(f"competition-{_uid_part(c.id)}", c.date, f"{place}{c.name} (priority {c.priority})",
                   f"Competition, priority {c.priority}.", "Competition", c.last)
    tl = Timeline(season)
    for w, kind in zip(tl.weeks, plan.team_weeks, strict=False):
        if kind in ("deload", "taper"):
            first, last = tl.days[w.first], tl.days[w.last]
            events.add(f"week-{first.isoformat()}", first, f"{kind.capitalize()} week",
                       f"The team's {kind} week, week {w.index + 1} of the season.", "Training", last)
    for first, last, reason in _days_off(season):
        events.add(f"off-{first.isoformat()}", first, f"No training: {reason}" if reason else "No training",
                   "A day off declared for the team.", "Day off", last)
    seen: set[str] = set()
    for b in sorted(season.blocks, key=lambda b: (b.start, b.name)):
        key = f"block-{b.start.isoformat()}-{_slug(b.name)}"
        while key in seen:  # two blocks of one name from one day
            key += "-2"
        seen.add(key)
        events.add(key, b.start, f"Block: {b.name}", b.emphasis, "Block", b.end)
    events.cancel_dropped((season.calendar.today or season.calendar.start) - CANCELLED_FOR)
    return events


def _days_off(season: Season) -> list[tuple[dt.date, dt.date, str]]:
    """The declared days off as runs of consecutive days with one reason (a winter break once)."""
    out: list[tuple[dt.date, dt.date, str]] = []
    for d in sorted(season.calendar.non_training_days, key=lambda d: d.date):
        if out and out[-1][2] == d.reason and d.date - out[-1][1] == dt.timedelta(days=1):
            out[-1] = (out[-1][0], d.date, d.reason)
        else:
            out.append((d.date, d.date, d.reason))
    return out


def _competitions(season: Season, tl: Timeline, f, events: _Events,
                  off: frozenset[dt.date] | set[dt.date] = frozenset()) -> None:
    logged = logged_days(season, f.id) if f is not None else None
    for c, place in in_day_places(season.competitions):
        if c.date in off:
            continue
        i = tl.index(c.date)
        role = match_role(f, i, logged, c) if f is not None and i is not None else ""
        events.add(f"competition-{_uid_part(c.id)}", c.date, place + (f"{c.name}: {role}" if role else c.name),
                   f"Competition, priority {c.priority}." + (f" {role[:1].upper()}{role[1:]}." if role else ""),
                   "Competition", c.last)


def back_sessions(season: Season, plan: Plan) -> dict[tuple[str, dt.date], dt.date]:
    """(athlete, first FIT day) -> the first team session the athlete can join from it, for the returns
    whose FIT day is no training day of the team (:attr:`planner.returns.Return.session`)."""
    return {(r.athlete, r.fit): r.session for r in returns(season, plan, history=True)
            if r.fit is not None and r.session is not None and r.session != r.fit}


def _fit(events: _Events, day: dt.date, session: dt.date | None) -> None:
    """A return: "Back to full training" on the first team session the athlete can join (``session``,
    None: the FIT day is one); a FIT day the team does not train on is said for what it is,
    "Rehab done: fit", naming that session. The FIT day's event keeps the key ``stage-DATE`` the
    return had on it before, so a calendar already imported updates it rather than add one."""
    key = f"stage-{day.isoformat()}"
    if session is None:
        events.add(key, day, "Back to full training", f"{BACK}.", "Rehab")
        return
    back = back_words(day, session, day_long)
    events.add(key, day, "Rehab done: fit",
               f"Rehab done: you are fit from today. Back in full "
               f"training at the team's first session, {day_long(session)}: every session and "
               f"match again from then.", "Rehab")
    events.add(f"{key}-back", session, "Back to full training",
               f"{back[:1].upper()}{back[1:]}: every session and match again.", "Rehab")


def provisional_conditions(handouts: Handouts, f) -> tuple[dict[int, str], dict[int, str]]:
    """Per provisional day of ``f`` (its index): the condition its event says, and the condition
    in full. Every event of a run says it itself (a phone shows one event, "see Mon 16 Nov" sent
    the player looking for another): the run's first day in full (:func:`provisional_note`),
    the later ones short, without the move. Said of the day as planned: a session logged today
    keeps its condition on the calendar, whose event of today is the planned session (the
    handout's row says what was logged instead). A hamstring player's phone said "4 × 30 m at
    90 %" where his handout said "only once …"."""
    tl = handouts.tl
    weeks = sorted({tl.week_of[i] for i, p in enumerate(provisional_of(f)) if p})
    row: dict[int, str] = {}
    whole: dict[int, str] = {}
    told: set[tuple[int, str]] = set()  # (the stage's first day, the condition) said in full
    for w in handouts.weeks(f.id, weeks) if weeks else []:
        for d in w.days:
            planned = replace(d, logged_load=None, today_logged=False, provisional_said=None)
            if said := provisional_note(planned):
                i = (d.date - tl.start).days
                begun = i
                while begun > 0 and f.st[begun - 1] == f.st[i]:
                    begun -= 1
                first = (begun, said) not in told
                told.add((begun, said))
                row[i], whole[i] = said if first else provisional_note(planned, short=True), said
    return row, whole


def _stage_condition(f, i: int, whole: dict[int, str]) -> str:
    """The condition in full of the stage begun on day ``i``: its first day that says one, while
    the stage lasts ("" for none)."""
    j = i
    while j < len(f.st) and f.st[j] == f.st[i]:
        if j in whole:
            return whole[j]
        j += 1
    return ""


def _stages(season: Season, prescriber: Prescriber, f, anonymise: bool, events: _Events,
            backs: dict[tuple[str, dt.date], dt.date], whole: dict[int, str]) -> None:
    """The days the stage changes (``backs``: :func:`back_sessions`); ``whole``: the provisional
    conditions in full (:func:`provisional_conditions`), said first in a stage's event."""
    tl = prescriber.tl
    prev = None
    for i, day in enumerate(tl.days):
        stage = f.st[i]
        if stage == FIT and prev not in (None, FIT):
            _fit(events, day, backs.get((f.id, day)))
        elif stage != prev and not (prev is None and stage == FIT):
            title = ("Injured: no running" if stage == INJ else
                     f"In rehab stage {stage}" if prev is None else f"Rehab stage {stage} starts")
            proto = f.proto_of(i) or (load_protocol(season.injury_of(f.id).protocol)
                                      if season.injury_of(f.id) else None)
            run = None if anonymise else prescriber.stepped_down_run(f, i)
            down = run.sentence(tl, stage, limits=True) if run is not None else ""
            said = _stage_condition(f, i, whole)
            events.add(f"stage-{day.isoformat()}", day, title,
                       (f"{said}\n" if said else "") + _stage_text(season, proto, stage, anonymise,
                                                              down), "Rehab")
        prev = stage


_SESSION_KEY = re.compile(r"session-(\d{4})-W(\d{2})-(speed|rehab|team)-\d+")
_LEGACY_SESSION = re.compile(r"session-\d{4}-\d{2}-\d{2}")  # a session's key until it was by week


def _group(day: dt.date, kind: str) -> tuple[int, int, str]:
    """A session's ISO year, week and kind: ``team`` (a team training, recovery or activation),
    ``speed`` (a compensation session is one) or ``rehab``."""
    year, number, _ = day.isocalendar()
    return year, number, kind


def _old_group(old: _Old) -> tuple[int, int, str] | None:
    if m := _SESSION_KEY.fullmatch(old.key):
        return int(m[1]), int(m[2]), m[3]
    if _LEGACY_SESSION.fullmatch(old.key):  # written when a calendar held no team sessions
        return _group(old.day, "rehab" if old.category == "Rehab" else "speed")
    return None


def _paired(group: tuple[int, int, str], items: list[tuple], olds: list[_Old]):
    """(session, the event of before it continues or None, its key) for the sessions of
    ``group``, in date order; keys ``session-2026-W40-speed-2``, a new one's unused before."""
    free = sorted(olds, key=lambda o: (o.cancelled, o.day))  # a live one before a cancelled one
    pairs: list[_Old | None] = []
    for day, *_ in items:
        same = next((o for o in free if o.day == day), None)
        if same is not None:
            free.remove(same)
        pairs.append(same)
    for i, old in enumerate(pairs):
        if old is None and free:
            pairs[i] = free.pop(0)
    taken = {o.key for o in olds}
    year, number, what = group
    k = 0
    for item, old in zip(items, pairs, strict=True):
        key = old.key if old is not None and _SESSION_KEY.fullmatch(old.key) else ""
        while not key:
            k += 1
            key = f"session-{year}-W{number:02d}-{what}-{k}"
            key = "" if key in taken else key
        taken.add(key)
        yield item, old, key


def _sessions(season: Season, prescriber: Prescriber, f, days: Sequence[Prescription],
              explainer: Explainer, anonymise: bool, names, events: _Events,
              handouts: Handouts, conditions: dict[int, str]) -> None:
    """``conditions``: the provisional days' conditions as their events say them
    (:func:`provisional_conditions`), said first in those days' events."""
    tl = prescriber.tl
    blocks = season.blocks
    # the plan exported may not be the one stored (a what-if's): the days it holds from
    plan = prescriber.plan
    known = known_from(season if season.plan is plan else season.model_copy(update={"plan": plan}))
    for i, p in enumerate(days):
        # a past day logged: what was logged, beside what was planned, as the handout's row
        # says it (a 70 % team training logged at 80 % read "Speed: 4 × 40 m at 80 % … RPE 5",
        # neither planned nor logged)
        past = handouts.past_day(f.id, i) if i < tl.p0 else None
        if past is not None and past.logged_load is None:
            past = None
        # (logged above the stage at the level planned: the session planned too, as the row has it)
        went = past is not None and (past.planned_level is not None or past.planned_session is not None)
        planned = past.planned_session if went else None
        # a session logged on a day the plan gave none (away on international duty, a rest
        # day): what the player did is an event as on any past day logged, as the handout's row
        # and the workbook say it (the calendar had nothing on those days); a match played is
        # its competition's event
        done = past is not None and bool(past.logged_minutes) and p.context not in ("match", "bench")
        if p.context not in SESSION_CONTEXTS and not (
                planned is not None and planned.context in SESSION_CONTEXTS) and not done:
            continue
        day = tl.days[i]
        both = [x for x in (p, planned) if x is not None and x.context in SESSION_CONTEXTS]
        which = ("rehab" if p.context in ("rehab", "calm", "flare-up")
                 or (not both and p.stage != FIT) else "team"
                 if not both or both[0].context in TEAM_CONTEXTS else "speed")
        reasons = []
        # why the day is planned so is the player's own on a speed or rehab day; a team session
        # is the team's, its name and what to do enough (the explainer's lines there were of
        # the speed days around it)
        for r in [] if which == "team" else explainer.day(f.id, day).reasons:
            if r.kind != "bound" or (anonymise and r.rule == "RH-STAGE"):
                continue
            words = r.anonymised if anonymise and r.anonymised else r.text  # a test unnamed
            reasons.append(_YEAR.sub(r"\1", scrub(words, names)))
        reasons = list(dict.fromkeys(reasons))  # anonymised, two failed tests read alike: once
        kind = f.wk[tl.week_of[i]]
        block = next((b.name for b in blocks if b.start <= day <= b.end), "")
        md = tl.day_label(i)  # "MD+2 · MD-1" between two matches, as the handouts say it
        week = f"{kind.capitalize()} week" + (f" ({block})" if block else "") + (
            f"; {md}" if md else "") + f"; {day_long(day)}."
        category = "Rehab" if which == "rehab" else "Training"
        # the stage the session was run in (a flare-up's day: the one before it), as its name
        spec = None if anonymise else prescriber.stage_spec(f, i, p.stage)
        stage = f"Your stage, {p.stage} {spec.title}: {spec.content}" if spec is not None else ""
        summary, text_ = p.summary, _session_text(p, week, reasons, stage)
        if went:
            summary = past.logged_title  # the handout's words: what was done, then the plan
            text_ = (f"{past.logged_summary}.\n{past.said}" + (f"Planned: {_session_text(planned, week, reasons, stage)}"
                                  if planned is not None else week))
        elif past is not None and p.as_logged:  # its session is the log, above the stage
            text_ = past.said + text_
        elif past is not None:
            # logged as planned: the log first all the same (a phone showed "Recovery: no
            # running" on a day logged 90 min at RPE 6, past days a mix of plan and log)
            summary, text_ = past.logged_title, f"{past.said}Planned: {text_}"
        elif i < tl.p0:  # nothing logged: the load counts the plan (rules-spec: load), said
            text_ = f"{_unlogged(day, known)}.\n{text_}"
        if said := conditions.get(i):
            text_ = f"{said}\n{text_}"
        events.session(day, summary, text_, category, which)


def _unlogged(day: dt.date, known: dt.date) -> str:
    """A past day with nothing logged, as the Load sheet says its week: counted as planned, or
    before the season was first planned (``known``: :func:`planner.loadtable.known_from`) not
    counted."""
    said = NOT_LOGGED if day >= known else NOT_COUNTED
    return said[:1].upper() + said[1:]


def _earlier_calendars(folder: Path, names: dict[str, str], season: Season) -> dict[str, _Earlier]:
    """Athlete id -> the athlete's calendar in ``folder`` written before (empty when none, or of
    another season)."""
    return {aid: earlier_calendar(_read(folder / name), aid, season) for aid, name in names.items()}


def _other_season_note(season: Season, folder: str | os.PathLike, earlier: dict[str, _Earlier],
                       anonymise: bool) -> str:
    """What the export says of the calendars in ``folder`` of another season: all of them, or
    whose they are beside the ones continued ("" when none); by ID only when ``anonymise``."""
    other = [aid for aid, e in earlier.items() if e.other]
    kept = sum(1 for e in earlier.values() if not e.other and (e.events or e.prefix))
    if not other:
        return ""
    if not kept:
        return (f"The calendars in {folder} are of another season: this season's events are new "
                f"ones beside them.")
    whose = join_and([f"{aid if anonymise else season.athlete_label(aid)}'s" for aid in other])
    rest = "the other is" if kept == 1 else f"the {kept} others are"
    if len(other) == 1:
        return (f"{whose} calendar in {folder} is of another season: their events this season are "
                f"new ones beside it; {rest} continued.")
    return (f"{whose} calendars in {folder} are of another season: their events this season are "
            f"new ones beside them; {rest} continued.")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def no_earlier_calendars(season: Season, folder: str | os.PathLike, anonymise: bool = False) -> str:
    """The sentence said before an export into ``folder`` when it holds no athlete's calendar
    Periodize wrote (a new folder: no SEQUENCE continued, nothing cancelled), else ""."""
    out = Path(folder)
    if any(_written_here(out / name) for name in calendar_file_names(season, anonymise).values()):
        return ""
    return (f"No earlier calendars in {folder}: export into the folder the players' calendars "
            f"were made from, so changed sessions update them rather than appear twice.")


def export_calendars(season: Season, plan: Plan, folder: str | os.PathLike, *,
                     anonymise: bool = False, stamp: dt.datetime | None = None,
                     keep: frozenset[str] | Callable[[], frozenset[str]] = frozenset(),
                     notes: list[str] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     stopped: Callable[[], bool] | None = None) -> list[Path]:
    """One ``.ics`` per athlete into ``folder`` (created when missing) and the team's, all or none
    (see the module text); returns the files, the athletes' in the squad's display order
    (:func:`planner.squad.display_order`), then the team's. ``notes``: what the export has to
    say is appended there (the folder's calendars are of another season). ``keep``: the names
    kept as ``NAME.bak``, or what says them once every calendar is made, just before they are
    written. ``progress(done, n)`` after each calendar made; ``stopped()`` true between two
    (the app's Cancel): nothing is written and [] returned."""
    problems = export_problems(season, plan)
    if problems:
        raise InputError("iCalendar export", problems)
    out = prepare_folder(folder, "calendar files")
    stamp = stamp or dt.datetime.now(dt.UTC)
    names = calendar_file_names(season, anonymise)
    team = team_file_name(season, anonymise, out)  # not a coach's own Team.ics there
    # read before anonymising, which drops the absences' reasons: a player gone before the
    # season has no calendar, and none has a match on a day not with the squad (a signing's 23
    # matches before he joined read "League match 1: away")
    gone = gone_between(season, season.calendar.start, season.calendar.end)
    # a placeholder row until a solve: no calendar (said; planned_order leaves them out)
    if notes is not None and (said := unplanned_line(season, plan, anonymise,
                                                     fix="solve (F5) first")):
        notes.append(said)
    off = {a.id: not_with_squad(season, a.id) for a in season.athletes}
    if anonymise:
        season, plan = anonymised(season, plan)
    # the athletes' calendars are theirs: a caution in their words (the team's has no sessions)
    prescriber = Prescriber(season, plan, anonymise=anonymise, to_player=True)
    explainer = Explainer(season, plan, prescriber.tl)
    handouts = Handouts(season, plan, anonymise=anonymise, prescriber=prescriber,
                        timeline=prescriber.tl)
    earlier = _earlier_calendars(out, names, season)
    if notes is not None and (note := _other_season_note(season, folder, earlier, anonymise)):
        notes.append(note)
    prefixes = Counter(e.prefix for e in earlier.values() if e.prefix)
    prefix = prefixes.most_common(1)[0][0] if prefixes else uid_prefix(season)
    files: dict[str, bytes] = {}
    backs = back_sessions(season, plan)
    athletes = [a for a in planned_order(season, plan) if a.id not in gone]
    for done, a in enumerate(athletes):
        if stopped is not None and stopped():
            return []
        cal = _calendar(season, plan, a.id, anonymise, stamp, earlier[a.id].events, prefix,
                        prescriber, explainer, handouts, off=off[a.id], backs=backs)
        files[names[a.id]] = cal.ics()
        if progress is not None:
            progress(done + 1, len(athletes) + 1)
    files[team] = _team_events(season, plan, stamp=stamp, previous=_read(out / team),
                               prefix=prefix).ics()
    if stopped is not None and stopped():
        return []
    if progress is not None:
        progress(len(athletes) + 1, len(athletes) + 1)
    # keep: the names kept as NAME.bak
    return write_group(out, files, keep() if callable(keep) else keep)
