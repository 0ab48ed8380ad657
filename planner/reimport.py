"""A coach workbook read in again over a season: what the season holds that the workbook does not
carry, and a season that keeps it.

A coach who keeps the squad and the fixtures in a spreadsheet edits the workbook (a new signing, a
moved match) and imports it again. The workbook carries the season's parts (squad, calendar,
competitions, injuries with their stage history, roles, logged sessions, today) but not the pins,
the rule settings, the what-if scenarios or the stored plan, and a workbook written before the
latest sessions and rehab records were entered lacks those too. :func:`season_loses` names them;
:func:`keep_over` gives the workbook's season with each of them put back where it still fits
(an athlete still in the squad, a date still in the season), and names what could not be.

Each part is put back as a whole and the season checked again (``planner.validate``): a part
that no longer fits (a pin on a day that is now a competition, a plan made for another squad) is
left out and named with the first reason, so the result is always a season that loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.season import Season
from planner.text import join_and, plural
from planner.validate import season_problems

_HISTORY = (  # (words, the records of an injury as keys, the injury with its records added)
    ("recorded stage change", lambda i: {r.start: r for r in i.stages}),
    ("criteria test result", lambda i: {(t.date, t.name): t for t in i.tests}),
    ("flare-up", lambda i: {d: d for d in i.flare_ups}),
)


def season_loses(old: Season, new: Season) -> str:
    """What ``old`` (the season file's season) holds that ``new`` (a season read from a coach
    workbook) cannot carry, in words ("a stored plan, 3 pins and 45 logged sessions"): the plan,
    pins, rule settings, what-if scenarios, sessions on athlete-days the workbook has none for (a
    session edited in the workbook is the coach's change), rehab records the workbook has not got
    and a later today; "" when nothing."""
    lost = []
    if old.plan is not None and new.plan is None:
        lost.append("a stored plan")
    pins = {p.model_dump_json() for p in new.pins}
    if gone := sum(1 for p in old.pins if p.model_dump_json() not in pins):
        lost.append(plural(gone, "pin"))
    if old.rules != new.rules and (old.rules.values or old.rules.modes):
        lost.append("rule settings")
    names = {x.name for x in new.scenarios}
    if gone := sum(1 for x in old.scenarios if x.name not in names):
        lost.append(plural(gone, "what-if scenario"))
    if gone := len(_sessions_missing(old, new)):
        lost.append(plural(gone, "logged session") + " on days the workbook has none for")
    # the rehab history recorded since the workbook was written (a stage change recorded by
    # 'advance --accept' or in the app, a test result, a flare-up): on a day the workbook has no
    # record of that athlete's for (a record the workbook changes is the coach's change)
    for what, records in _HISTORY:
        have = {(i.athlete, k) for i in new.injuries for k in records(i)}
        if gone := sum(1 for i in old.injuries for k in records(i) if (i.athlete, k) not in have):
            lost.append(plural(gone, what) + " not in the workbook")
    was, now = old.calendar.today, new.calendar.today
    if _later_today(old, new):
        lost.append(f"today, {was.isoformat()} (the workbook's Today is "
                    f"{now.isoformat() if now else 'empty'}: the days since would be planned again)")
    return join_and(lost)


def _later_today(old: Season, new: Season) -> bool:
    was, now = old.calendar.today, new.calendar.today
    return was is not None and was > old.calendar.start and (now is None or now < was)


def _sessions_missing(old: Season, new: Season) -> list:
    days = {(x.athlete, x.date) for x in new.sessions}
    return [x for x in old.sessions if (x.athlete, x.date) not in days]


@dataclass
class Kept:
    """The season :func:`keep_over` gives, what it put back and what it could not (in words)."""

    season: Season
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def words(self) -> str:
        out = f"Kept from the season: {join_and(self.kept)}." if self.kept else ""
        if self.dropped:
            out += (" " if out else "") + f"Not kept: {'; '.join(self.dropped)}."
        return out


def keep_over(old: Season, new: Season) -> Kept:
    """``new`` (read from a coach workbook) with what ``old`` holds that the workbook does not carry,
    each part put back where it still fits, and the words for what was kept and what was not."""
    out = Kept(new)
    squad = {a.id for a in new.athletes}
    cal = new.calendar

    def fits(athlete: str | None, day: dt.date) -> bool:
        return (athlete is None or athlete in squad) and cal.start <= day <= cal.end

    if _later_today(old, new) and old.calendar.today <= cal.end:
        _try(out, f"today, {old.calendar.today.isoformat()}",
             lambda s: s.model_copy(update={"calendar": s.calendar.model_copy(
                 update={"today": old.calendar.today})}))
    elif _later_today(old, new):  # season_loses named it: the summary says where it went
        out.dropped.append(f"today, {old.calendar.today.isoformat()} (after the workbook's season "
                           f"end, {cal.end.isoformat()}: the days since are planned again)")
    if old.rules != new.rules and (old.rules.values or old.rules.modes):
        _try(out, "rule settings", lambda s: s.model_copy(update={"rules": old.rules}))
    _keep_history(out, old)
    missing = _sessions_missing(old, new)
    sessions = [x for x in missing if fits(x.athlete, x.date)]
    _try(out, plural(len(sessions), "logged session"),
         lambda s: s.model_copy(update={"sessions": s.sessions + tuple(sessions)}),
         outside=len(missing) - len(sessions))
    have = {p.model_dump_json() for p in new.pins}
    gone = [p for p in old.pins if p.model_dump_json() not in have]
    pins = [p for p in gone if fits(p.athlete, getattr(p, "date", None) or p.week)]
    _try(out, plural(len(pins), "pin"), lambda s: s.model_copy(update={"pins": s.pins + tuple(pins)}),
         outside=len(gone) - len(pins))
    names = {x.name for x in new.scenarios}
    scenarios = tuple(x for x in old.scenarios if x.name not in names)
    _try(out, plural(len(scenarios), "what-if scenario"),
         lambda s: s.model_copy(update={"scenarios": s.scenarios + scenarios}))
    if old.plan is not None and new.plan is None:
        if [a.id for a in old.athletes] != [a.id for a in new.athletes] or (
                (old.calendar.start, old.calendar.end) != (cal.start, cal.end)):
            out.dropped.append("the stored plan (made for another squad or season dates: solve "
                               "again)")
        else:
            _try(out, "the stored plan", lambda s: s.model_copy(update={"plan": old.plan}))
    return out


def _try(out: Kept, words: str, put: Callable[[Season], Season], outside: int = 0) -> None:
    """Put one part back into ``out.season`` if the season still holds together with it."""
    if outside:
        out.dropped.append(f"{plural(outside, _noun(words))} for athletes or days no longer in "
                           f"the season")
    if words.startswith("0 "):
        return
    season = put(out.season)
    problems = season_problems(season)
    if problems:
        out.dropped.append(f"{words} ({problems[0]})")
    else:
        out.season = season
        out.kept.append(words)


def _noun(words: str) -> str:
    """"3 pins" -> "pin"."""
    noun = words.split(" ", 1)[1]
    return noun[:-1] if noun.endswith("s") else noun


def _keep_history(out: Kept, old: Season) -> None:
    """Each injury's records the workbook has not got (stage changes, test results, flare-ups
    entered since it was written), put back on the same athlete's injury of the same onset."""
    onsets = {(i.athlete, i.onset) for i in out.season.injuries}
    for was in old.injuries:
        if (was.athlete, was.onset) not in onsets:
            out.dropped.append(f"the records of {old.athlete_label(was.athlete)}'s injury of "
                               f"{was.onset.isoformat()} (the workbook has no such injury)")
    for inj in out.season.injuries:
        was = next((i for i in old.injuries if i.athlete == inj.athlete and i.onset == inj.onset), None)
        if was is None:
            continue
        added, now = [], inj
        for what, records in _HISTORY:
            have, had = records(now), records(was)
            extra = [k for k in had if k not in have]
            if not extra:
                continue
            added.append(plural(len(extra), what))
            now = _with_records(now, what, [had[k] for k in extra])
        if added:
            label = f"{join_and(added)} of {out.season.athlete_label(inj.athlete)}"
            _try(out, label, lambda s, i=inj, n=now: s.model_copy(update={
                "injuries": tuple(n if x is i else x for x in s.injuries)}))


def _with_records(inj, what: str, records: list):
    if what == "recorded stage change":
        return inj.model_copy(update={"stages": tuple(sorted(inj.stages + tuple(records),
                                                              key=lambda r: r.start))})
    if what == "criteria test result":
        return inj.model_copy(update={"tests": tuple(sorted(inj.tests + tuple(records),
                                                            key=lambda t: t.date))})
    return inj.model_copy(update={"flare_ups": tuple(sorted(inj.flare_ups + tuple(records)))})
