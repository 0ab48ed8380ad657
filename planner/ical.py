"""iCalendar export: one ``.ics`` per athlete with the days of the plan that matter to the athlete.

Each calendar holds all-day events, in words a player understands:

- **sessions** (:mod:`planner.sessions`): every speed session, compensation session and rehab
  session, e.g. ``Speed: 4 × 30 m at 95 % (8.6 m/s)``, with what to do, the target speed in m/s
  and km/h, minutes, target RPE, kicking and change-of-direction limits, the week and why the
  day is planned so (the reasons in words, without rule codes);
- **stage changes**: the days the rehab stage changes and the return to full training, with what
  the stage allows;
- **competitions**: every competition with the athlete's role (``League match 7: you start``);
  multi-day events span their days.

UIDs are stable (season, athlete, kind, date or competition id), so a calendar app that
subscribes to or re-imports the file updates its events instead of duplicating them; an event
whose content changed since the calendar in the folder was written gets the next ``SEQUENCE``
(each event carries a fingerprint of its content, ``X-PERIODIZE-FINGERPRINT``, to tell).

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
from pathlib import Path

from icalendar import Calendar, Event, vText

from planner.anonymise import anonymised, name_pairs, scrub
from planner.errors import InputError
from planner.filegroup import athlete_file_names, prepare_folder, write_group
from planner.handout import Handouts, match_role
from planner.history import logged_days
from planner.protocols import load_protocol
from planner.season import FIT, INJ, Plan, Season
from planner.sessions import Prescriber, Prescription, stage_limits
from planner.squad import display_order
from planner.text import day_long
from planner.timeline import Timeline
from planner.validate import export_problems
from planner.why import Explainer

__all__ = ["athlete_calendar", "calendar_file_names", "export_calendars"]

PRODID = "-//Periodize//Season plan//EN"
FINGERPRINT = "X-PERIODIZE-FINGERPRINT"
SESSION_CONTEXTS = ("speed", "compensation", "rehab", "calm", "flare-up")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters other than tab and LF
_YEAR = re.compile(r"(\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}) \d{4}\b")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")[:40] or "season"


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


def _stage_text(season: Season, proto, stage: str, anonymise: bool, down: str = "") -> str:
    if stage == FIT:
        return "Back in full training: every session and match again."
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


class _Events:
    """The events of one calendar, with their fingerprints and the sequence numbers they get."""

    def __init__(self, cal: Calendar, base: str, stamp: dt.datetime, previous: dict[str, tuple[int, str]]):
        self.cal, self.base, self.stamp, self.previous = cal, base, stamp, previous

    def add(self, uid: str, day: dt.date, summary: str, description: str, category: str,
            last: dt.date | None = None) -> None:
        uid = f"{self.base}-{uid}@periodize"
        summary, description = one_line(summary), multi_line(description)
        end = (last or day) + dt.timedelta(days=1)  # all-day: the end is exclusive
        mark = hashlib.sha256("\x1f".join((summary, description, day.isoformat(), end.isoformat(),
                                           category)).encode("utf-8")).hexdigest()[:16]
        seq, old = self.previous.get(uid, (0, mark))
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", self.stamp)
        ev.add("dtstart", day)
        ev.add("dtend", end)
        ev.add("sequence", seq if old == mark else seq + 1)
        ev.add("summary", summary)
        if description:
            ev.add("description", description)
        ev.add("categories", [category])
        ev.add("transp", "TRANSPARENT")
        ev.add(FINGERPRINT, vText(mark))
        self.cal.add_component(ev)


def previous_events(data: bytes | None) -> dict[str, tuple[int, str]]:
    """UID -> (sequence, fingerprint) of the events of a calendar written before (none when it
    cannot be read: every event then starts again at its sequence)."""
    if not data:
        return {}
    try:
        old = Calendar.from_ical(data)
    except (ValueError, TypeError, KeyError, IndexError):
        return {}
    out = {}
    for ev in old.walk("VEVENT"):
        try:
            seq = int(ev.get("sequence", 0))
        except (TypeError, ValueError):
            seq = 0
        out[str(ev.get("uid"))] = (seq, str(ev.get(FINGERPRINT, "")))
    return out


def athlete_calendar(season: Season, plan: Plan, athlete: str, *, anonymise: bool = False,
                     stamp: dt.datetime | None = None, previous: bytes | None = None) -> Calendar:
    """The iCalendar of one athlete (see the module text); ``previous``: the calendar written
    before for the athlete, whose events' sequence numbers are continued."""
    if anonymise:
        season, plan = anonymised(season, plan)
    return _calendar(season, plan, athlete, anonymise, stamp, previous_events(previous),
                     Prescriber(season, plan, anonymise=anonymise))


def _calendar(season: Season, plan: Plan, athlete: str, anonymise: bool,
              stamp: dt.datetime | None, previous: dict, prescriber: Prescriber,
              explainer: Explainer | None = None, handouts: Handouts | None = None) -> Calendar:
    """The calendar of ``athlete`` from a season that is already anonymised when asked."""
    a = season.athlete(athlete)
    if a is None:
        raise InputError("", [f"no athlete has id {athlete!r}; use an id from the squad"])
    tl = prescriber.tl
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    names = name_pairs(season) if anonymise else []  # an anonymised label "A1 (A1)" reads "A1"
    who = one_line(scrub(season.athlete_label(a.id), names))
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(one_line(f"{season.name}: {who}")))
    cal.add("x-wr-caldesc", vText(one_line(
        f"The {season.name} plan for {who}: speed and rehab sessions, rehab stages and matches "
        f"(from Periodize).")))
    events = _Events(cal, f"{_slug(season.name)}-{_slug(a.id)}", stamp, previous)
    days = prescriber.athlete(athlete)
    f = prescriber.facts(athlete)
    _competitions(season, tl, f, events)
    if days is not None and f is not None:
        _stages(season, prescriber, f, anonymise, events)
        _sessions(season, prescriber, f, days, explainer or Explainer(season, plan, tl), anonymise,
                  names, events, handouts or Handouts(season, plan, anonymise=anonymise,
                                                      prescriber=prescriber, timeline=tl))
    return cal


def _competitions(season: Season, tl: Timeline, f, events: _Events) -> None:
    logged = logged_days(season, f.id) if f is not None else None
    for c in sorted(season.competitions, key=lambda c: (c.date, c.name)):
        i = tl.index(c.date)
        role = match_role(f, i, logged, c) if f is not None and i is not None else ""
        events.add(f"competition-{_slug(c.id)}", c.date, f"{c.name}: {role}" if role else c.name,
                   f"Competition, priority {c.priority}." + (f" {role[:1].upper()}{role[1:]}." if role else ""),
                   "Competition", c.last)


def _stages(season: Season, prescriber: Prescriber, f, anonymise: bool, events: _Events) -> None:
    tl = prescriber.tl
    prev = None
    for i, day in enumerate(tl.days):
        stage = f.st[i]
        if stage != prev and not (prev is None and stage == FIT):
            title = ("Back to full training" if stage == FIT else
                     "Injured: no running" if stage == INJ else
                     f"In rehab stage {stage}" if prev is None else f"Rehab stage {stage} starts")
            proto = f.proto_of(i) or (load_protocol(season.injury_of(f.id).protocol)
                                      if season.injury_of(f.id) else None)
            run = None if anonymise else prescriber.stepped_down_run(f, i)
            down = run.sentence(tl, stage, limits=True) if run is not None else ""
            events.add(f"stage-{day.isoformat()}", day, title,
                       _stage_text(season, proto, stage, anonymise, down), "Rehab")
        prev = stage


def _sessions(season: Season, prescriber: Prescriber, f, days: list[Prescription],
              explainer: Explainer, anonymise: bool, names, events: _Events,
              handouts: Handouts) -> None:
    tl = prescriber.tl
    blocks = season.blocks
    for i, p in enumerate(days):
        # a past day logged: what was logged, beside what was planned, as the handout's row
        # says it (a 70 % team training logged at 80 % read "Speed: 4 × 40 m at 80 % … RPE 5",
        # neither planned nor logged)
        past = handouts.past_day(f.id, i) if i < tl.p0 else None
        if past is not None and past.logged_load is None:
            past = None
        went = past is not None and past.planned_level is not None
        planned = past.planned_session if went else None
        if p.context not in SESSION_CONTEXTS and not (
                planned is not None and planned.context in SESSION_CONTEXTS):
            continue
        day = tl.days[i]
        reasons = []
        for r in explainer.day(f.id, day).reasons:
            if r.kind != "bound" or (anonymise and r.rule == "RH-STAGE"):
                continue
            reasons.append(_YEAR.sub(r"\1", scrub(r.text, names)))
        kind = f.wk[tl.week_of[i]]
        block = next((b.name for b in blocks if b.start <= day <= b.end), "")
        md = tl.day_label(i)  # "MD+2 · MD-1" between two matches, as the handouts say it
        week = f"{kind.capitalize()} week" + (f" ({block})" if block else "") + (
            f"; {md}" if md else "") + f"; {day_long(day)}."
        category = "Rehab" if p.context in ("rehab", "calm", "flare-up") else "Training"
        # the stage the session was run in (a flare-up's day: the one before it), as its name
        spec = None if anonymise else prescriber.stage_spec(f, i, p.stage)
        stage = f"Your stage, {p.stage} {spec.title}: {spec.content}" if spec is not None else ""
        summary, text_ = p.summary, _session_text(p, week, reasons, stage)
        if went:
            what = (planned.summary if planned is not None
                    else past.planned_words or "no running")
            summary = f"{past.logged_summary} — planned: {what[:1].lower()}{what[1:]}"
            text_ = (f"{past.logged_summary}.\n{past.said}" + (f"Planned: {_session_text(planned, week, reasons, stage)}"
                                  if planned is not None else week))
        elif past is not None:
            text_ = past.said + text_
        events.add(f"session-{day.isoformat()}", day, summary, text_, category)


def export_calendars(season: Season, plan: Plan, folder: str | os.PathLike, *,
                     anonymise: bool = False, stamp: dt.datetime | None = None,
                     keep: frozenset[str] = frozenset()) -> list[Path]:
    """One ``.ics`` per athlete into ``folder`` (created when missing), all or none (see the
    module text); returns the files, in the squad's display order (:func:`planner.squad.display_order`)."""
    problems = export_problems(season, plan)
    if problems:
        raise InputError("iCalendar export", problems)
    out = prepare_folder(folder, "calendar files")
    stamp = stamp or dt.datetime.now(dt.UTC)
    names = calendar_file_names(season, anonymise)
    if anonymise:
        season, plan = anonymised(season, plan)
    prescriber = Prescriber(season, plan, anonymise=anonymise)
    explainer = Explainer(season, plan, prescriber.tl)
    handouts = Handouts(season, plan, anonymise=anonymise, prescriber=prescriber,
                        timeline=prescriber.tl)
    files: dict[str, bytes] = {}
    for a in display_order(season, plan):
        path = out / names[a.id]
        try:
            old = path.read_bytes() if path.is_file() else None
        except OSError:
            old = None
        cal = _calendar(season, plan, a.id, anonymise, stamp, previous_events(old), prescriber,
                        explainer, handouts)
        files[names[a.id]] = cal.to_ical()
    return write_group(out, files, keep)  # keep: the names kept as NAME.bak
