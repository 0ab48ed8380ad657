"""iCalendar export: one ``.ics`` per athlete with the plan's days that matter to the athlete.

Each calendar holds all-day events for

- **HV sessions**: training days at >= 90 % of max speed (``HV_LEVEL``; match days are listed as
  competitions instead), with the day's MD label, stage and week kind and why it is planned;
- **stage changes**: the days the athlete's rehab stage changes (and the return to full
  training), with the stage's speed cap;
- **competitions**: every competition of the season (multi-day events span their days).

UIDs are stable (season, athlete, kind, date or competition id), so a calendar app that
subscribes to or re-imports the file updates its events instead of duplicating them. With
``anonymise=True`` the season is anonymised by :mod:`planner.anonymise` (the athlete named by ID
only) and a calendar carries no protocol or stage content (the stage codes stay). Files are
written atomically; ``periodize export SEASON --ics DIR`` and ``periodize solve ... --ics DIR``
call :func:`export_calendars`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from icalendar import Calendar, Event

from planner.anonymise import anonymised, name_pairs, scrub
from planner.errors import InputError, SaveError
from planner.protocols import load_protocol
from planner.season import FIT, HV_LEVEL, INJ, Plan, Season
from planner.seasonfile import atomic_write
from planner.squad import display_order
from planner.timeline import Timeline
from planner.validate import plan_problems
from planner.why import Explainer

__all__ = ["athlete_calendar", "calendar_file_names", "export_calendars"]

PRODID = "-//Periodize//Season plan//EN"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "season"


def _safe_file_stem(text: str) -> str:
    """A file name stem every system accepts: letters, digits, space, ``-``, ``_``, ``.``."""
    stem = re.sub(r"[^\w\- .]+", "_", text, flags=re.UNICODE)
    stem = " ".join(stem.split()).strip(" .")[:80]
    return stem or "athlete"


def calendar_file_names(season: Season, anonymise: bool = False) -> dict[str, str]:
    """Athlete id -> the ``.ics`` file name (unique, also on case-insensitive file systems).

    Names are given in the squad's order, not the display order, so that an athlete's file keeps
    its name when someone is injured (a calendar app subscribed to it keeps finding it)."""
    taken: set[str] = set()
    out = {}
    for a in season.athletes:
        stem = _safe_file_stem(a.id if anonymise else f"{a.id} {a.name}")
        name, n = stem, 2
        while name.casefold() in taken:
            name = f"{stem} ({n})"
            n += 1
        taken.add(name.casefold())
        out[a.id] = name + ".ics"
    return out


def _stage_text(season: Season, athlete: str, stage: str, anonymise: bool) -> str:
    if stage == FIT:
        return "Back in full training and competition (FIT)."
    if stage == INJ:
        return "Injured: no running until the first rehab stage."
    inj = season.injury_of(athlete)
    if inj is None:
        return f"Stage {stage}."
    proto = load_protocol(inj.protocol)
    try:
        spec = proto.stage(stage)
    except KeyError:
        return f"Stage {stage}."
    cap = "no running" if spec.cap == 0 else f"running up to {spec.cap} % of max speed"
    if anonymise:
        return f"Stage {stage}: {cap}."
    return f"Stage {stage}, {spec.title}: {cap}. To move on: {spec.exit_text}"


def athlete_calendar(season: Season, plan: Plan, athlete: str, *, anonymise: bool = False,
                     stamp: dt.datetime | None = None) -> Calendar:
    """The iCalendar of one athlete (see the module text)."""
    if anonymise:
        season, plan = anonymised(season, plan)
    return _calendar(season, plan, athlete, anonymise, stamp)


def _calendar(season: Season, plan: Plan, athlete: str, anonymise: bool,
              stamp: dt.datetime | None) -> Calendar:
    """The calendar of ``athlete`` from a season that is already anonymised when asked."""
    a = season.athlete(athlete)
    if a is None:
        raise InputError("", [f"no athlete has id {athlete!r}; use an id from the squad"])
    ap = plan.for_athlete(athlete)
    tl = Timeline(season)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    names = name_pairs(season) if anonymise else []  # an anonymised label "A1 (A1)" reads "A1"
    who = scrub(season.athlete_label(a.id), names)
    base = f"{_slug(season.name)}-{_slug(a.id)}"

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{season.name}: {who}")
    cal.add("x-wr-caldesc", f"The {season.name} plan for {who}: high-velocity sessions, rehab "
                            f"stage changes and competitions (from Periodize).")

    def event(uid: str, day: dt.date, summary: str, description: str, category: str,
              last: dt.date | None = None) -> None:
        ev = Event()
        ev.add("uid", f"{base}-{uid}@periodize")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", (last or day) + dt.timedelta(days=1))  # all-day: the end is exclusive
        ev.add("summary", summary)
        if description:
            ev.add("description", description)
        ev.add("categories", [category])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)

    for c in sorted(season.competitions, key=lambda c: (c.date, c.name)):
        event(f"competition-{_slug(c.id)}", c.date, f"{c.name} ({c.priority})",
              f"Competition, priority {c.priority}.", "Competition", c.last)

    if ap is not None:
        explainer = Explainer(season, plan, tl)
        prev = None
        for i, day in enumerate(tl.days):
            stage = ap.stages[i]
            if stage != prev and not (prev is None and stage == FIT):
                title = ("Back to full training (FIT)" if stage == FIT else
                         "Injured (INJ)" if stage == INJ else
                         f"In rehab stage {stage}" if prev is None else f"Rehab stage {stage} starts")
                event(f"stage-{day.isoformat()}", day, title,
                      _stage_text(season, athlete, stage, anonymise), "Rehab")
            prev = stage
            level = ap.intensity[i]
            if level >= HV_LEVEL and not tl.is_comp[i]:
                label = tl.label(i)
                week = ap.weeks[tl.week_of[i]]
                bound = [r for r in explainer.day(athlete, day).reasons if r.kind != "fact"]
                lines = [f"High-velocity session at {level} % of max speed"
                         + (f" ({label})" if label else "") + f"; stage {stage}; {week} week."]
                for r in bound:
                    if anonymise and r.rule == "RH-STAGE":
                        continue
                    lines.append(f"{r.rule}: {scrub(r.text, names)}")
                event(f"hv-{day.isoformat()}", day, f"HV session {level} %", "\n".join(lines),
                      "Training")
    return cal


def export_calendars(season: Season, plan: Plan, folder: str | os.PathLike, *,
                     anonymise: bool = False, stamp: dt.datetime | None = None) -> list[Path]:
    """One ``.ics`` per athlete into ``folder`` (created when missing); returns the files, in the
    squad's display order (:func:`planner.squad.display_order`)."""
    problems = plan_problems(season, plan)
    if problems:
        raise InputError("iCalendar export", problems[:-1] + [
            problems[-1] + " (the plan no longer fits the season: solve again, then export)"])
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), ["is a file; give a folder for the calendar files"])
    if not out.exists():
        if not out.parent.is_dir():
            raise InputError(str(out), [f"the folder {out.parent} does not exist; create it or "
                                        f"choose another"])
        try:
            out.mkdir()
        except OSError as e:
            raise SaveError(f"{out}: the folder could not be created ({e.strerror})") from None
    stamp = stamp or dt.datetime.now(dt.UTC)
    names = calendar_file_names(season, anonymise)
    if anonymise:
        season, plan = anonymised(season, plan)
    files = []
    for a in display_order(season, plan):
        cal = _calendar(season, plan, a.id, anonymise, stamp)
        path = out / names[a.id]
        atomic_write(path, cal.to_ical())
        files.append(path)
    return files
