"""Edits: every change to a season is a small named object whose ``apply(season)`` returns a new
document (design.md section 2).

The desktop app wraps each edit in one undo step, what-if scenarios store lists of edits and
replay them on the baseline, and the CLI and tests use the same objects. Edits serialise to
plain dicts (``{"op": "move_competition", ...}``) for the season file.

``apply`` validates the result (``planner.validate.season_problems``) and raises
``InputError`` naming the problem, so an edit never produces an invalid document. An edit that
changes the calendar drops the stored plan (it no longer fits the season); a squad change keeps
the other athletes' rows (their past and their plan; a newcomer's row is at 0 % until the next
solve); other edits keep it, and the plan checker then reports what the change broke.

The replay of a list of edits (:func:`apply_all`, :func:`scenario_season`) lives here with the
edits, so ``planner.scenarios`` imports this module and this module never imports it back.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    TypeAdapter,
    ValidationError,
)

from planner.errors import InputError, PeriodizeError
from planner.history import reopened
from planner.protocols import load_protocol, protocol_name
from planner.rules import RULES, load_table_problem, settings_problems
from planner.season import (
    FIT,
    Athlete,
    AthletePlan,
    Block,
    Calendar,
    Competition,
    CriteriaTest,
    Day,
    Injury,
    IntensityPin,
    MatchRole,
    NonTrainingDay,
    Pin,
    Plan,
    Priority,
    RecordedStage,
    Role,
    RuleSettings,
    Scenario,
    Season,
    Session,
    StagePin,
    StageRecord,
    Unavailability,
    Weekday,
    WeekPin,
    max_speed_problem,
    plan_basis,
)
from planner.squad import JOINED_REASON, LEFT_REASON, left_on, not_planned_error, squad_reason
from planner.text import (
    clean_message,
    date_long,
    date_short,
    day_long,
    edit_words,
    join_and,
    measure,
    name_key,
    plural,
    span,
    validation_problems,
    week_of,
    weekday_name,
)
from planner.text import day as day_text
from planner.validate import (
    entry_problems,
    not_yet_problem,
    pin_target,
    plan_problems,
    planning_start,
    season_problems,
    today_after_season,
)


class Edit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)
    keeps_plan: bool = Field(default=True, exclude=True)

    def _apply(self, s: Season) -> Season:  # pragma: no cover - every edit overrides it
        raise NotImplementedError

    def describe(self, s: Season) -> str:  # pragma: no cover
        raise NotImplementedError

    def apply(self, s: Season) -> Season:
        new = self._apply(s)
        if new.plan is not None and (not self.keeps_plan or plan_problems(new)):
            new = new.model_copy(update={"plan": None})
        problems = season_problems(new) + entry_problems(s, new)
        if problems:
            raise InputError(self.describe(s), [edit_words(p) for p in problems])
        return new

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


def _competition(s: Season, cid: str) -> Competition:
    c = s.competition(cid)
    if c is None:
        raise InputError("", [f"no competition has id {cid!r}"])
    return c


def _known_athlete(s: Season, aid: str) -> None:
    """InputError unless ``aid`` is in the squad (a hand-edited scenario can name anyone)."""
    if s.athlete(aid) is None:
        raise InputError("", [f"no athlete has id {aid!r}; use an id from the squad"])


def _without(items: tuple, index: int, what: str) -> tuple:
    """``items`` less the one at ``index`` (the coach's "number index+1" in messages)."""
    if not 0 <= index < len(items):
        raise InputError("", [f"no {what} number {index + 1}"])
    return items[:index] + items[index + 1:]


def _replace(items: tuple, old, new) -> tuple:
    return tuple(new if x is old else x for x in items)


# -- season settings -------------------------------------------------------------------------
class SetSeasonSettings(Edit):
    op: Literal["set_season"] = "set_season"
    name: str | None = None
    start: Day | None = None
    end: Day | None = None
    week_start: Weekday | None = None
    training_days: tuple[Weekday, ...] | None = None
    today: Day | None = None
    clear_today: bool = False

    def _apply(self, s: Season) -> Season:
        cal = s.calendar
        upd = {k: v for k, v in (("start", self.start), ("end", self.end), ("week_start", self.week_start),
                                 ("training_days", self.training_days), ("today", self.today))
               if v is not None}
        if self.clear_today:
            upd["today"] = None
        try:
            new_cal = type(cal).model_validate({**cal.model_dump(), **upd})
        except ValidationError as e:
            raise InputError(self.describe(s), [clean_message(x["msg"]) for x in e.errors()]) from None
        if self.end is not None and new_cal.today and today_after_season(new_cal.today, new_cal.end):
            # an end moved before today (today as it stays): said as the end's, not today's
            raise InputError(self.describe(s), [
                f"the season's end, {day_long(new_cal.end)}, is before today "
                f"({day_long(new_cal.today)}): the days up to today happened; end the season on "
                f"{day_long(new_cal.today - dt.timedelta(days=1))} or later"])
        changed = new_cal != cal
        out = s.model_copy(update={"calendar": new_cal, "name": self.name or s.name})
        if changed and out.plan is not None:
            out = out.model_copy(update={"plan": None})
        return out

    def describe(self, s: Season) -> str:
        return "Change season settings"


SHORTEN_NAMED = 3  # the first few of each kind named where a shortening is listed


def _few(names: list[str]) -> str:
    """``'a', 'b', 'c' and 26 more``: the first few of a kind named, the rest counted."""
    more = len(names) - SHORTEN_NAMED
    return join_and(names) if more <= 0 else f"{', '.join(names[:SHORTEN_NAMED])} and {more} more"


def shorten_problem(s: Season, end: dt.date) -> str | None:
    """Why the season cannot end on ``end`` by removing what falls after it (None when it can):
    no earlier than its end, before today (those days happened), or before a logged session."""
    cal = s.calendar
    if end >= cal.end:
        return (f"{day_long(end)} is not before the season's end ({day_long(cal.end)}); a later "
                f"end is set in Season Settings as it is")
    if end < cal.start:
        return (f"{day_long(end)} is before the season starts ({day_long(cal.start)}); end it "
                f"on or after its first day")
    if cal.today is not None and end < cal.today:
        return (f"{day_long(end)} is before today ({day_long(cal.today)}): the days up to today "
                f"happened; end the season on today or later")
    last = max((x.date for x in s.sessions), default=None)
    if last is not None and end < last:
        return (f"sessions are logged up to {day_long(last)}: end the season on that day or "
                f"later, or delete the sessions after it first (the Log panel)")
    return None


def _names_gone(edit: dict, gone: set[str]) -> bool:
    """A scenario's edit (a dict) names one of the competitions ``gone``."""
    c = edit.get("competition")
    return (c in gone) or (isinstance(c, dict) and c.get("id") in gone)


class ShortenSeason(Edit):
    """The season ends earlier (a league stopped, a season cut short), as one step: what falls
    after ``end`` goes (competitions with their roles, days off, blocks, absences, pins, the
    scenarios' edits naming a removed competition), what runs across it is cut to it, then the
    end is set. Refused before today or a logged session (:func:`shorten_problem`). The stored
    plan goes (it was made for the longer season): solve again."""

    op: Literal["shorten_season"] = "shorten_season"
    end: Day
    keeps_plan: bool = Field(default=False, exclude=True)

    def _apply(self, s: Season) -> Season:
        if (why := shorten_problem(s, self.end)) is not None:
            raise InputError(self.describe(s), [why])
        end = self.end
        comps = tuple(c if c.last <= end else c.model_copy(update={"end_date": end if end > c.date else None})
                      for c in s.competitions if c.date <= end)
        gone = {c.id for c in s.competitions} - {c.id for c in comps}
        blocks = tuple(b if b.end <= end else b.model_copy(update={"end": end})
                       for b in s.blocks if b.start <= end)
        away = tuple(u if u.end <= end else u.model_copy(update={"end": end})
                     for u in s.unavailability if u.start <= end)
        injuries = tuple(i.model_copy(update={"target_competition": None})
                         if i.target_competition in gone else i for i in s.injuries)
        scenarios = tuple(sc.model_copy(update={"edits": tuple(e for e in sc.edits if not _names_gone(e, gone))})
                          for sc in s.scenarios)
        days_off = tuple(d for d in s.calendar.non_training_days if d.date <= end)
        calendar = s.calendar.model_copy(update={"end": end, "non_training_days": days_off})
        return s.model_copy(update={
            "calendar": calendar, "competitions": comps, "blocks": blocks, "unavailability": away,
            "injuries": injuries, "scenarios": scenarios,
            "roles": tuple(r for r in s.roles if r.competition not in gone),
            "pins": tuple(p for p in s.pins if _pin_day(p) <= end)})

    def removed(self, s: Season, named: bool = True) -> list[str]:
        """What ending on ``end`` removes or cuts, a line per kind: its count and the first few
        named (the Season Settings question lists them; ``describe`` says the counts)."""
        end = self.end
        comps = [c for c in s.competitions if c.date > end]
        gone = {c.id for c in comps}
        kinds = [
            ("competition", [repr(c.name) for c in comps], "removed"),
            ("competition", [f"{c.name!r} ({span(c.date, c.last)})" for c in s.competitions
                             if c.date <= end < c.last], f"cut to end on {day_long(end)}"),
            (("day off", "days off"), [f"{date_long(d.date)}" + (f" ({d.reason})" if d.reason else "")
                         for d in s.calendar.non_training_days if d.date > end], "removed"),
            ("block", [repr(b.name) for b in s.blocks if b.start > end], "removed"),
            ("block", [f"{b.name!r} ({span(b.start, b.end)})" for b in s.blocks
                       if b.start <= end < b.end], f"cut to end on {day_long(end)}"),
            ("absence", [f"{s.athlete_label(u.athlete)} {span(u.start, u.end)}"
                         for u in s.unavailability if u.start > end], "removed"),
            ("absence", [f"{s.athlete_label(u.athlete)} {span(u.start, u.end)}"
                         for u in s.unavailability if u.start <= end < u.end],
             f"cut to end on {day_long(end)}"),
            ("match role", [f"{s.athlete_label(r.athlete)} in {s.competition(r.competition).name!r}"
                            for r in s.roles if r.competition in gone], "removed"),
            ("pin", [_pin_what(p) for p in s.pins if _pin_day(p) > end], "removed"),
            ("return target", [s.athlete_label(i.athlete) for i in s.injuries
                               if i.target_competition in gone], "cleared"),
            ("scenario edit", [f"{sc.name!r} edit {k + 1}" for sc in s.scenarios
                               for k, e in enumerate(sc.edits) if _names_gone(e, gone)], "removed"),
        ]
        return [f"{plural(len(names), *(word if isinstance(word, tuple) else (word,)))} {done}"
                + (f": {_few(names)}" if named else "") for word, names, done in kinds if names]

    def describe(self, s: Season) -> str:
        said = f"End the season on {day_long(self.end)}"
        gone = self.removed(s, named=False)
        return said + (f" ({'; '.join(gone)})" if gone else "")


def _pin_day(p) -> dt.date:
    """The day a pin is of (a week pin: its week's date)."""
    return p.week if isinstance(p, WeekPin) else p.date


# -- competitions ------------------------------------------------------------------------------
class AddCompetition(Edit):
    op: Literal["add_competition"] = "add_competition"
    competition: Competition

    def _apply(self, s: Season) -> Season:
        return s.model_copy(update={"competitions": tuple(sorted(s.competitions + (self.competition,),
                                                                key=lambda c: c.date))})

    def describe(self, s: Season) -> str:
        c = self.competition
        when = (f"from {date_long(c.date)} to {date_long(c.last)}" if c.last != c.date
                else f"on {date_long(c.date)}")
        clash = [o for o in s.competitions if o.date <= c.last and c.date <= o.last]
        names = ", ".join(repr(o.name) for o in clash)
        one_day = c.last == c.date and all(o.last == o.date for o in clash)
        also = (f" (the same day as {names})" if one_day else f" (overlapping {names})") if clash else ""
        return f"Add competition '{c.name}' ({c.priority}) {when}{also}"


def clashes(season: Season, competition: str, day: dt.date) -> list[Competition]:
    """The other competitions on ``day`` (a tournament counts on each of its days): moving
    ``competition`` there puts two matches on one day, which the season allows and a coach
    rarely means (the what-if's "a week earlier" landed the Cup final on a league match)."""
    return [c for c in season.competitions if c.id != competition and c.date <= day <= c.last]


class MoveCompetition(Edit):
    op: Literal["move_competition"] = "move_competition"
    competition: str
    date: Day
    end_date: Day | None = None

    def _apply(self, s: Season) -> Season:
        c = _competition(s, self.competition)
        span = (c.last - c.date) if self.end_date is None else (self.end_date - self.date)
        end = self.date + span if span.days else None
        try:  # validated: an end before the first day is refused, not stored
            new = Competition.model_validate({**c.model_dump(), "date": self.date, "end_date": end})
        except ValidationError as e:
            raise InputError(self.describe(s), [clean_message(x["msg"]) for x in e.errors()]) from None
        return s.model_copy(update={"competitions": tuple(sorted(_replace(s.competitions, c, new),
                                                                key=lambda x: x.date))})

    def describe(self, s: Season) -> str:
        c = s.competition(self.competition)
        clash = clashes(s, self.competition, self.date)
        also = f" (the same day as {', '.join(repr(o.name) for o in clash)})" if clash else ""
        return f"Move competition '{c.name if c else self.competition}' to {date_long(self.date)}{also}"


class RemoveCompetition(Edit):
    op: Literal["remove_competition"] = "remove_competition"
    competition: str

    def _apply(self, s: Season) -> Season:
        c = _competition(s, self.competition)
        injuries = tuple(i.model_copy(update={"target_competition": None})
                         if i.target_competition == c.id else i for i in s.injuries)
        return s.model_copy(update={"competitions": tuple(x for x in s.competitions if x is not c),
                                    "injuries": injuries,
                                    "roles": tuple(r for r in s.roles if r.competition != c.id)})

    def describe(self, s: Season) -> str:
        c = s.competition(self.competition)
        text = f"Delete competition '{c.name if c else self.competition}'"
        targets = [s.athlete_label(i.athlete) for i in s.injuries
                   if c is not None and i.target_competition == c.id]
        if targets:  # the edit clears them: say so where the change is listed (undo, what-if)
            text += f" (the return target of {', '.join(targets)} too)"
        return text


class UpdateCompetition(Edit):
    op: Literal["update_competition"] = "update_competition"
    competition: str
    name: str | None = None
    priority: Priority | None = None
    date: Day | None = None
    end_date: Day | None = None
    single_day: bool = False

    def _apply(self, s: Season) -> Season:
        c = _competition(s, self.competition)
        upd = {k: v for k, v in (("name", self.name), ("priority", self.priority), ("date", self.date),
                                 ("end_date", self.end_date)) if v is not None}
        if self.single_day:
            upd["end_date"] = None
        try:
            new = Competition.model_validate({**c.model_dump(), **upd})
        except ValidationError as e:
            raise InputError(self.describe(s), [clean_message(x["msg"]) for x in e.errors()]) from None
        return s.model_copy(update={"competitions": tuple(sorted(_replace(s.competitions, c, new),
                                                                key=lambda x: x.date))})

    def describe(self, s: Season) -> str:
        """What changes, each field old → new ("Derby (home): priority B → A"): a scenario's
        change read "Edit competition 'Derby (home)'" and nobody could tell what it changed; a
        rename alone is said as one."""
        c = s.competition(self.competition)
        if c is None:
            return f"Edit competition '{self.competition}'"
        said = self.changed_fields(c)
        if [k for k, _old, _new in said] == ["name"]:
            return f"Rename competition '{c.name}' to '{self.name}'"
        if not said:
            return f"Edit competition '{c.name}' (nothing changed)"
        return f"{c.name}: " + ", ".join(f"{k} {old} → {new}" for k, old, new in said)

    def changed_fields(self, c: Competition) -> list[tuple[str, str, str]]:
        """(field, old, new) in words for each field of ``c`` the edit changes."""
        def when(d: dt.date | None) -> str:
            return "one day" if d is None else day_text(d)

        end = None if self.single_day else (self.end_date or c.end_date)
        out = []
        if self.date is not None and self.date != c.date:
            out.append(("date", day_text(c.date), day_text(self.date)))
        if self.priority is not None and self.priority != c.priority:
            out.append(("priority", c.priority, self.priority))
        if self.name is not None and self.name != c.name:
            out.append(("name", f"'{c.name}'", f"'{self.name}'"))
        if end != c.end_date:
            out.append(("end", when(c.end_date), when(end)))
        return out


def _changes(record, values: dict, clear=()) -> bool:
    """Whether ``values`` (None: kept, unless its key is in ``clear``) change ``record``: a
    rename said as one must change nothing else, or its undo puts back what was not said."""
    return any((v is not None or k in clear) and v != getattr(record, k)
               for k, v in values.items())


def new_competition_id(s: Season, taken: set[str] | None = None) -> str:
    """A competition id the season (and ``taken``, ids handed out for edits not applied yet)
    does not use."""
    taken = {c.id for c in s.competitions} | (taken or set())
    n = len(taken) + 1
    while f"c{n:03d}" in taken:
        n += 1
    return f"c{n:03d}"


def competition_series(name: str, competitions) -> tuple[str, int]:
    """The name weekly competitions are numbered after and their first number: after the
    highest of that name the season has ("Kreisliga 16" added in autumn: spring's start at 17,
    not a second "Kreisliga 1"); a name the season has and that is one of them ("Kreisliga 16",
    selected to go on from it) numbers after its series, not "Kreisliga 16 1".

    A number is a match's only when it could be one: at most two digits ("Turnier 2026" is no
    2026th match), and a name's own number only when it is the first or the season has another
    of that series ("Hallencup U 19" alone is a name: its weeks are "Hallencup U 19 1", … not
    "Hallencup U 20"). Names compare as :func:`planner.text.name_key` does ("kreisliga" typed
    goes on from "Kreisliga 16", spelt as the season spells it)."""
    names = {name_key(c.name): " ".join(c.name.split()) for c in competitions}

    def series_of(series: str) -> list[tuple[int, str]]:
        pattern = re.compile(re.escape(name_key(series)) + r" (\d{1,2})")
        return [(int(m.group(1)), names[n][:m.start(1)].rstrip())
                for n in names if (m := pattern.fullmatch(n))]

    name = " ".join(name.split())
    own = re.fullmatch(r"(.*\S) (\d{1,2})", name)
    if name_key(name) in names and own and (
            int(own.group(2)) == 1 or len(series_of(own.group(1))) > 1):
        name = own.group(1)
    found = series_of(name)
    if not found:
        return name, 1
    number, spelt = max(found)
    return spelt, number + 1


WEEKS_LEFT_OUT = ("on days off", "on another competition's day", "ending after the season")


def weekly_days(season: Season, day: dt.date, last: dt.date, span: dt.timedelta,
                weekdays: list[int] | None = None) -> tuple[list[dt.date], dict[str, list[dt.date]]]:
    """The first days of a competition of ``span`` + 1 days held every week from ``day`` to
    ``last``, in date order, and the first days left out, in date order, by why
    (:data:`WEEKS_LEFT_OUT`): one of its days is a day off or another competition's (a cup
    weekend), or it runs past the season's end (a weekend event whose Monday is after the last
    Sunday); named, since the coach has those games to place. ``weekdays`` (0 is Monday): two
    or three games a week, one series on each of those weekdays from ``day``'s week on,
    numbered in date order by :func:`weekly_competitions`; None: ``day``'s weekday."""
    off = {d.date for d in season.calendar.non_training_days}
    held = {d for c in season.competitions for d in c.days()}
    out: dict[str, list[dt.date]] = {why: [] for why in WEEKS_LEFT_OUT}
    days = []
    for k in sorted(set(weekdays)) if weekdays is not None else (day.weekday(),):
        first = day + dt.timedelta(days=(k - day.weekday()) % 7)
        while first <= last:
            its = {first + dt.timedelta(days=j) for j in range(span.days + 1)}
            why = (WEEKS_LEFT_OUT[0] if its & off else WEEKS_LEFT_OUT[1] if its & held
                   else WEEKS_LEFT_OUT[2] if first + span > season.calendar.end else None)
            (out[why] if why else days).append(first)
            first += dt.timedelta(days=7)
    return sorted(days), {why: sorted(its) for why, its in out.items()}


SERIES_NAMED = 3  # the days left out a weekly series names, then "…"
SERIES_WEEKDAY_NAMED = 5  # the dates of a weekday it wholly left out (a month's), then "…"


def series_left_out(out: dict[str, list[dt.date]], weekdays: list[int],
                    days: list[dt.date]) -> list[str]:
    """What a weekly series (``days`` added on ``weekdays``, ``out`` left out by why, from
    :func:`weekly_days`) left out, named: "2 days on another competition's day left out:
    Tue 12 Jan, Tue 26 Jan" (weeks for a series on one weekday: that week has none); a weekday
    none of which was added, first and as a whole: "the 4 Wednesdays (6, 13, 20, 27 Jan) are
    on another competition's day, left out"."""
    unit = "week" if len(weekdays) == 1 else "day"
    added = {d.weekday() for d in days}
    rest = {why: list(its) for why, its in out.items()}
    parts = []
    for k in weekdays if days and len(weekdays) > 1 else ():
        its = sorted(d for ds in out.values() for d in ds if d.weekday() == k)
        if k in added or not its:
            continue
        whys = [why for why, ds in out.items() if any(d.weekday() == k for d in ds)]
        for why in whys:
            rest[why] = [d for d in rest[why] if d.weekday() != k]
        name = weekday_name(its[0])
        shown = its[:SERIES_WEEKDAY_NAMED]  # "30 Dec, 6, 13 Jan": a month named once
        dates = ", ".join(date_short(d) if i + 1 == len(shown) or shown[i + 1].month != d.month
                          else str(d.day) for i, d in enumerate(shown))
        dates += ", …" if len(its) > len(shown) else ""
        said = " or ".join(whys)
        parts.append(f"the {len(its)} {name}s ({dates}) are {said}, left out" if len(its) > 1
                     else f"the one {name} ({dates}) is {said}, left out")
    parts += [f"{plural(len(its), unit)} {why} left out: "
              + ", ".join(day_text(d) for d in its[:SERIES_NAMED])
              + (", …" if len(its) > SERIES_NAMED else "") for why, its in rest.items() if its]
    return parts


def weekly_competitions(season: Season, name: str, days: list[dt.date], span: dt.timedelta | None,
                        priority) -> list[AddCompetition]:
    """One AddCompetition a week on ``days`` (from :func:`weekly_days`), numbered on from the
    season's highest of that name (:func:`competition_series`); ``span`` None: one day each.
    Raises ``ValueError`` for a competition the model refuses."""
    name, number = competition_series(name, season.competitions)
    taken: set[str] = set()
    edits = []
    for k, first in enumerate(days, start=number):
        cid = new_competition_id(season, taken)
        taken.add(cid)
        edits.append(AddCompetition(competition=Competition(
            id=cid, name=f"{name} {k}", date=first,
            end_date=first + span if span is not None else None, priority=priority)))
    return edits


# -- blocks and non-training days --------------------------------------------------------------
class AddBlock(Edit):
    op: Literal["add_block"] = "add_block"
    block: Block

    def _apply(self, s: Season) -> Season:
        return s.model_copy(update={"blocks": tuple(sorted(s.blocks + (self.block,), key=lambda b: b.start))})

    def describe(self, s: Season) -> str:
        return f"Add block '{self.block.name}'"


class UpdateBlock(Edit):
    op: Literal["update_block"] = "update_block"
    index: StrictInt
    block: Block

    def _apply(self, s: Season) -> Season:
        if not 0 <= self.index < len(s.blocks):
            raise InputError("", [f"no block number {self.index + 1}"])
        blocks = list(s.blocks)
        blocks[self.index] = self.block
        return s.model_copy(update={"blocks": tuple(sorted(blocks, key=lambda b: b.start))})

    def describe(self, s: Season) -> str:
        return f"Edit block '{self.block.name}'"


class RemoveBlock(Edit):
    op: Literal["remove_block"] = "remove_block"
    index: StrictInt

    def _apply(self, s: Season) -> Season:
        return s.model_copy(update={"blocks": _without(s.blocks, self.index, "block")})

    def describe(self, s: Season) -> str:
        name = s.blocks[self.index].name if 0 <= self.index < len(s.blocks) else self.index
        return f"Delete block '{name}'"


class AddNonTrainingDay(Edit):
    op: Literal["add_non_training_day"] = "add_non_training_day"
    day: NonTrainingDay

    def _apply(self, s: Season) -> Season:
        days = tuple(sorted(s.calendar.non_training_days + (self.day,), key=lambda x: x.date))
        return s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": days})})

    def describe(self, s: Season) -> str:
        return f"Make {date_long(self.day.date)} a non-training day"


class RemoveNonTrainingDay(Edit):
    op: Literal["remove_non_training_day"] = "remove_non_training_day"
    date: Day

    def _apply(self, s: Season) -> Season:
        days = tuple(x for x in s.calendar.non_training_days if x.date != self.date)
        if len(days) == len(s.calendar.non_training_days):
            raise InputError("", [f"{date_long(self.date)} is not a declared non-training day"])
        return s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": days})})

    def describe(self, s: Season) -> str:
        return f"Make {date_long(self.date)} a training day again"


# -- squad and availability ---------------------------------------------------------------------

class AddAthlete(Edit):
    """A new athlete. The stored plan is kept (the squad's past and plan stay as they were) with
    a row for the newcomer, at 0 % and listed in ``Plan.unplanned`` (every reader says "not
    planned yet") until the next solve plans it. ``joins``: the first day with
    the squad of an athlete signed in a season under way; the days before it are an
    unavailability ("not in the squad yet": no load, no rule asks anything of them)."""

    op: Literal["add_athlete"] = "add_athlete"
    athlete: Athlete
    joins: Day | None = None

    def _apply(self, s: Season) -> Season:
        key = self.athlete.id.casefold()
        taken = next((a for a in s.athletes if a.id.casefold() == key), None)
        if taken is not None:
            raise InputError(self.describe(s), [
                f"ID {self.athlete.id!r}: {taken.name} has the ID {taken.id!r} already; give "
                f"each athlete a unique ID (IDs that differ only in case count as the same)"])
        if self.athlete.max_speed is not None and (slow := max_speed_problem(self.athlete.max_speed)):
            raise InputError(self.describe(s), [f"max speed: {slow}"])
        upd: dict = {"athletes": s.athletes + (self.athlete,)}
        cal = s.calendar
        if self.joins is not None and cal.start < self.joins <= cal.end:
            upd["unavailability"] = s.unavailability + (Unavailability(
                athlete=self.athlete.id, start=cal.start,
                end=self.joins - dt.timedelta(days=1), reason=JOINED_REASON),)
        if s.plan is not None:
            n, weeks = len(s.plan.athletes[0].intensity) if s.plan.athletes else 0, s.plan.team_weeks
            if s.plan.athletes:
                row = AthletePlan(athlete=self.athlete.id, stages=(FIT,) * n, intensity=(0,) * n,
                                  weeks=weeks)
                upd["plan"] = s.plan.model_copy(update={
                    "athletes": s.plan.athletes + (row,), "status": "manual",
                    "unplanned": (*s.plan.unplanned, self.athlete.id)})  # said as not planned
            else:
                upd["plan"] = None  # nothing planned to keep
        return s.model_copy(update=upd)

    def describe(self, s: Season) -> str:
        joins = (f", with the squad from {date_long(self.joins)}"
                 if self.joins is not None and s.calendar.start < self.joins <= s.calendar.end else "")
        # a role other than start said: the Squad form keeps the last athlete's role, and a
        # bench the coach did not mean went unseen
        role = {"bench": ", on the bench by default",
                "out": ", out of the matchday squad until you pick them in Roles"}.get(
                    self.athlete.role, "")
        return f"Add athlete {self.athlete.name} ({self.athlete.id}){joins}{role}"


class UpdateAthlete(Edit):
    op: Literal["update_athlete"] = "update_athlete"
    athlete: str
    name: str | None = None
    position: str | None = None
    max_speed: StrictFloat | None = None
    clear_max_speed: bool = False
    role: Role | None = None  # the default match role

    def _apply(self, s: Season) -> Season:
        _known_athlete(s, self.athlete)
        a = s.athlete(self.athlete)
        upd = {k: v for k, v in (("name", self.name), ("position", self.position),
                                 ("max_speed", self.max_speed), ("role", self.role)) if v is not None}
        if self.clear_max_speed:
            if a.max_speed and (held := _speeds_held(s, a)):
                raise InputError(self.describe(s), [held])
            upd["max_speed"] = None
        elif self.max_speed is not None and self.max_speed != a.max_speed and (
                slow := max_speed_problem(self.max_speed)):  # entered now: refused (a season
            raise InputError(self.describe(s), [f"max speed: {slow}"])  # file's old one stays)
        try:
            new = Athlete.model_validate({**a.model_dump(), **upd})
        except ValidationError as e:
            raise InputError(self.describe(s), validation_problems(e.errors())) from None
        return s.model_copy(update={"athletes": _replace(s.athletes, a, new)})

    def describe(self, s: Season) -> str:
        a = s.athlete(self.athlete)
        if a is not None and self.name is not None and self.name != a.name:  # said by the new
            if _changes(a, {"position": self.position, "max_speed": self.max_speed,  # name too
                            "role": self.role}, clear={"max_speed"} if self.clear_max_speed else ()):
                return f"Edit athlete {s.athlete_label(self.athlete)}, renamed {self.name}"
            return f"Rename athlete {s.athlete_label(self.athlete)} to {self.name}"
        if a is not None and self.max_speed is not None and not _changes(
                a, {"name": self.name, "position": self.position, "role": self.role}):
            was = (f", was {a.max_speed:g} m/s" if a.max_speed and a.max_speed != self.max_speed
                   else "")  # an overwritten max said: it set every sprint target
            return (f"Set the max speed of {s.athlete_label(self.athlete)} to "
                    f"{self.max_speed:g} m/s ({self.max_speed * 3.6:.1f} km/h){was}")
        return f"Edit athlete {s.athlete_label(self.athlete)}"


def _speeds_held(s: Season, a) -> str | None:
    """Why ``a``'s max speed cannot be cleared: his sessions logged with a top speed in m/s,
    which are read against it (one sentence, not a problem per session)."""
    days = sorted(x.date for x in s.sessions if x.athlete == a.id and x.top_speed_ms is not None)
    if not days:
        return None
    return (f"{a.name} has {plural(len(days), 'session')} logged in m/s ({span(days[0], days[-1])}): "
            f"{'they need' if len(days) > 1 else 'it needs'} a max speed to be read, so it cannot "
            f"be removed; correct it instead")


class LeaveSquad(Edit):
    """A player who leaves the squad mid-season (sold, released), the mirror of
    :class:`AddAthlete`'s ``joins``: his days from ``leaves`` to the season's end are an
    unavailability "left the squad" (no load, no rule asks anything of them), and his stored
    plan from then is at 0 %. His past stays: logged sessions, injury records, absences, plan;
    his absences and pins from that day on go (an absence across it ends the day before), said."""

    op: Literal["leave_squad"] = "leave_squad"
    athlete: str
    leaves: Day

    def _apply(self, s: Season) -> Season:
        _known_athlete(s, self.athlete)
        cal = s.calendar
        if not cal.start <= self.leaves <= cal.end:
            raise InputError(self.describe(s), [
                f"leaves: {date_long(self.leaves)} is outside the season ({date_long(cal.start)} "
                f"to {date_long(cal.end)}); give their first day away, inside the season"])
        kept = []
        for u in s.unavailability:
            if u.athlete == self.athlete and self._after(u):
                continue  # from the day he left on (his leaving given again: moved)
            if u.athlete == self.athlete and u.end >= self.leaves:  # across it: to the day before
                u = u.model_copy(update={"end": self.leaves - dt.timedelta(days=1)})
            kept.append(u)
        later = self._later_pins(s)
        upd: dict = {"unavailability": (*kept, Unavailability(
            athlete=self.athlete, start=self.leaves, end=cal.end, reason=LEFT_REASON)),
            "pins": tuple(p for p in s.pins if p not in later)}
        row = s.plan.for_athlete(self.athlete) if s.plan is not None else None
        if row is not None:
            k = (self.leaves - cal.start).days
            new = row.model_copy(update={"intensity": row.intensity[:k] + (0,) * (len(row.intensity) - k)})
            upd["plan"] = s.plan.model_copy(update={"athletes": _replace(s.plan.athletes, row, new),
                                                    "status": "manual"})
        return s.model_copy(update=upd)

    def _later_pins(self, s: Season) -> list:
        """His pins from the day he leaves on (a day's intensity or a stage start on or after
        it, a week of his own starting on or after it): nothing is planned then for them to
        hold (kept, a stage pin after it gave no plan)."""
        from planner.timeline import Timeline

        tl = Timeline(s)

        def first_day(p) -> dt.date:
            w = tl.week_index_of_date(p.week)
            return p.week if w is None else tl.days[tl.weeks[w].first]

        return [p for p in s.pins if getattr(p, "athlete", None) == self.athlete and (
            first_day(p) if isinstance(p, WeekPin) else p.date) >= self.leaves]

    def _after(self, u: Unavailability) -> bool:
        """``u`` (his) goes: it starts on or after the day he left, or it is his leaving."""
        return u.start >= self.leaves or " ".join(u.reason.split()).lower() == LEFT_REASON

    def describe(self, s: Season) -> str:
        said = (f"{s.athlete_label(self.athlete)} left the squad on {day_long(self.leaves)}: their "
                f"past is kept; nothing is planned from then")
        mine = [u for u in s.unavailability if u.athlete == self.athlete
                and " ".join(u.reason.split()).lower() != LEFT_REASON]
        gone = [f"{u.reason or 'away'} {span(u.start, u.end)}" for u in mine if self._after(u)]
        cut = [f"{u.reason or 'away'} {span(u.start, u.end)}" for u in mine
               if u.start < self.leaves <= u.end]
        if gone:
            said += f"; their absence{'s' if len(gone) > 1 else ''} from then removed: {join_and(gone)}"
        if cut:
            said += f"; {join_and(cut)} now ends {day_long(self.leaves - dt.timedelta(days=1))}"
        pins = [_pin_what(p) for p in self._later_pins(s)]
        if pins:
            said += (f"; their {len(pins)} pin{'s' if len(pins) > 1 else ''} from then "
                     f"removed: {join_and(pins)}")
        return said + self._moved_later(s, mine)

    def _moved_later(self, s: Season, mine: list[Unavailability]) -> str:
        """What his leaving recorded earlier than ``leaves`` cut or removed, and this does not
        give back (the season no longer holds it): said, with the fix."""
        was = left_on(s, self.athlete)
        if was is None or was >= self.leaves:
            return ""
        ended = [f"{u.reason or 'away'} {span(u.start, u.end)}" for u in mine
                 if u.end == was - dt.timedelta(days=1)]
        which = f" ({join_and(ended)} ends the day before it)" if ended else ""
        return (f"; they were recorded as leaving {day_long(was)}: the absences cut or removed then "
                f"are not restored{which}: record again as an absence any that went on past it")


class RemoveAthlete(Edit):
    """An athlete deleted with every record of theirs (:class:`LeaveSquad` keeps a departed
    player's past); the stored plan keeps the others' rows as they are (their past and plan)."""

    op: Literal["remove_athlete"] = "remove_athlete"
    athlete: str

    def _apply(self, s: Season) -> Season:
        _known_athlete(s, self.athlete)
        aid = self.athlete
        plan = s.plan
        if plan is not None:
            rows = tuple(ap for ap in plan.athletes if ap.athlete != aid)
            plan = plan.model_copy(update={
                "athletes": rows, "status": "manual",
                "unplanned": tuple(x for x in plan.unplanned if x != aid)}) if rows else None
        return s.model_copy(update={
            "plan": plan,
            "athletes": tuple(a for a in s.athletes if a.id != aid),
            "injuries": tuple(i for i in s.injuries if i.athlete != aid),
            "unavailability": tuple(u for u in s.unavailability if u.athlete != aid),
            "pins": tuple(p for p in s.pins if getattr(p, "athlete", None) != aid),
            "sessions": tuple(x for x in s.sessions if x.athlete != aid),
            "roles": tuple(r for r in s.roles if r.athlete != aid),
        })

    def describe(self, s: Season) -> str:
        return f"Delete athlete {s.athlete_label(self.athlete)}"


def _same_reason(a: Unavailability, b: Unavailability) -> bool:
    return a.athlete == b.athlete and squad_reason(a) == squad_reason(b)


class AddUnavailability(Edit):
    """An absence; one of the athlete's with the same reason that it overlaps or adjoins (a loan
    extended) is joined with it into one, in that one's place, rather than two rows for a span."""

    op: Literal["add_unavailability"] = "add_unavailability"
    unavailability: Unavailability

    def joined(self, s: Season) -> list[Unavailability]:
        """The athlete's absences with the same reason this one overlaps or adjoins."""
        u, day = self.unavailability, dt.timedelta(days=1)
        return [o for o in s.unavailability
                if _same_reason(o, u) and o.start <= u.end + day and u.start <= o.end + day]

    def _apply(self, s: Season) -> Season:
        u, old = self.unavailability, self.joined(s)
        if not old:
            return s.model_copy(update={"unavailability": s.unavailability + (u,)})
        one = old[0].model_copy(update={"start": min(o.start for o in (u, *old)),  # its words
                                   "end": max(o.end for o in (u, *old))})
        kept = tuple(one if o is old[0] else o for o in s.unavailability if o is old[0] or o not in old)
        return s.model_copy(update={"unavailability": kept})

    def describe(self, s: Season) -> str:
        u, old = self.unavailability, self.joined(s)
        said = f"{s.athlete_label(u.athlete)} unavailable {date_long(u.start)} to {date_long(u.end)}"
        if old:
            first, last = min(o.start for o in (u, *old)), max(o.end for o in (u, *old))
            said += (f", joined with {join_and([span(o.start, o.end) for o in old])} "
                     f"({old[0].reason or 'away'}): one absence {span(first, last)}")
        return said


class RemoveUnavailability(Edit):
    """An absence removed; one that began before today keeps its past days (the past keeps what
    happened): it ends the day before today. One wholly in the past is refused where it is asked
    (planner.scenarios.past_change_problem)."""

    op: Literal["remove_unavailability"] = "remove_unavailability"
    index: StrictInt

    def kept_past(self, s: Season) -> Unavailability | None:
        """The absence's days before today, kept; None when it begins today or later."""
        if s.calendar.today is None or not 0 <= self.index < len(s.unavailability):
            return None
        # today itself, not the planning start: with today before the season's first day no
        # day of an absence in the season is past
        u, today = s.unavailability[self.index], s.calendar.today
        if u.start >= today:
            return None
        return u.model_copy(update={"end": min(u.end, today - dt.timedelta(days=1))})

    def _apply(self, s: Season) -> Season:
        past = self.kept_past(s)
        if past is None:
            return s.model_copy(update={"unavailability": _without(s.unavailability, self.index,
                                                                   "unavailability")})
        rows = s.unavailability
        return s.model_copy(update={"unavailability": rows[:self.index] + (past,) + rows[self.index + 1:]})

    def describe(self, s: Season) -> str:
        past = self.kept_past(s)
        if past is None:
            return "Remove an unavailability"
        kept = (day_long(past.start) if past.start == past.end
                else f"{day_text(past.start)} to {day_long(past.end)}")
        return (f"Remove {s.athlete_label(past.athlete)}'s {past.reason or 'absence'} from today "
                f"on: kept {kept}, the past; removed from today on")


# -- injuries and rehab -------------------------------------------------------------------------
class SetInjury(Edit):
    """Add an injury record, or replace the athlete's record with the same onset (or, with
    ``replaces``, the record whose onset was ``replaces``: the onset itself was edited)."""

    op: Literal["set_injury"] = "set_injury"
    injury: Injury
    replaces: Day | None = None

    def _apply(self, s: Season) -> Season:
        old = self.replaces or self.injury.onset
        others = tuple(i for i in s.injuries
                       if not (i.athlete == self.injury.athlete and i.onset == old))
        return s.model_copy(update={"injuries": others + (self.injury,)})

    def describe(self, s: Season) -> str:
        inj = self.injury
        return (f"Injury of {s.athlete_label(inj.athlete)} from {date_long(inj.onset)}: "
                f"{protocol_name(inj.protocol)}, {inj.current.stage} since {date_long(inj.current.start)}")


def onset_taken(s: Season, athlete: str, onset: dt.date) -> str | None:
    """Why a new injury of ``athlete`` on ``onset`` is refused: he has a record from that day
    (one record an onset; :class:`SetInjury` with it would replace that record). None when the
    day is free. The fact only: each place a new injury is entered (the Injuries editor, the New
    Scenario dialog, ``periodize record`` and ``whatif --injury``) adds how to change that
    record there."""
    if not any(i.onset == onset for i in s.injuries_of(athlete)):
        return None
    return f"{s.athlete_label(athlete)} already has an injury from {day_long(onset)}"


class AddInjury(Edit):
    """A new injury on ``onset`` (a re-injury, a planned operation, or a what-if): the protocol's
    first stage (or ``stage``) from that day."""

    op: Literal["add_injury"] = "add_injury"
    athlete: str
    protocol: str
    onset: Day
    stage: RecordedStage | None = None
    target: str | None = None

    def _apply(self, s: Season) -> Season:
        _known_athlete(s, self.athlete)
        if (taken := onset_taken(s, self.athlete, self.onset)) is not None:
            raise InputError("", [f"{taken}; give the new one another onset"])
        proto = load_protocol(self.protocol)
        stage = self.stage or proto.stage_ids[0]
        if (why := stage_problem(stage, proto.id)) is not None:
            raise InputError("", [why])
        inj = Injury(athlete=self.athlete, protocol=self.protocol, onset=self.onset,
                     stages=(StageRecord(stage=stage, start=self.onset),),
                     target_competition=self.target)
        return s.model_copy(update={"injuries": s.injuries + (inj,)})

    def describe(self, s: Season) -> str:
        stage = f" in {self.stage}" if self.stage else ""
        return (f"{s.athlete_label(self.athlete)} injured on {date_long(self.onset)} "
                f"({protocol_name(self.protocol).lower()}{stage})")


class RemoveInjury(Edit):
    """Remove one injury record (``onset``), or the athlete's latest one."""

    op: Literal["remove_injury"] = "remove_injury"
    athlete: str
    onset: Day | None = None

    def _apply(self, s: Season) -> Season:
        inj = _injury(s, self.athlete, self.onset)
        left = tuple(i for i in s.injuries if i is not inj)
        pins = s.pins if any(i.athlete == self.athlete for i in left) else tuple(
            p for p in s.pins if not (p.kind == "stage_start" and p.athlete == self.athlete))
        return s.model_copy(update={"injuries": left, "pins": pins})

    def describe(self, s: Season) -> str:
        when = f" from {date_long(self.onset)}" if self.onset else ""
        return f"Remove the injury{when} of {s.athlete_label(self.athlete)}"


def _injury(s: Season, athlete: str, onset: dt.date | None = None) -> Injury:
    """The athlete's record with ``onset``, or the latest one."""
    records = s.injuries_of(athlete)
    if onset is not None:
        records = [i for i in records if i.onset == onset]
    if not records:
        when = f" from {date_long(onset)}" if onset else ""
        raise InputError("", [f"{s.athlete_label(athlete)} has no injury{when} recorded; record the "
                              f"injury first"])
    return records[-1]


def _governing(s: Season, athlete: str, day: dt.date) -> Injury:
    """The record that governs ``day`` (a flare-up, a stage or a test belongs to it)."""
    from planner.rehab import governing

    _known_athlete(s, athlete)
    if (why := no_injury_problem(s, athlete, day)) is not None:
        raise InputError("", [why])
    return governing(s.injuries_of(athlete), day)


def no_injury_problem(s: Season, athlete: str, day: dt.date | None) -> str | None:
    """Why a flare-up, a stage or a test of ``athlete`` on ``day`` has no injury record to
    belong to (``day`` None, a date not read: any record), or None."""
    from planner.rehab import governing

    records = s.injuries_of(athlete)
    if day is None:
        return None if records else (f"{s.athlete_label(athlete)} has no injury recorded; "
                                     f"record the injury first")
    if governing(records, day) is None:
        return (f"{s.athlete_label(athlete)} has no injury before {date_long(day)}; record the "
                f"injury first")
    return None


def stage_problem(stage: str, protocol: str) -> str | None:
    """Why ``stage`` is no stage an injury record of ``protocol`` can name, with the ones it
    can, or None."""
    proto = load_protocol(protocol)
    if stage in proto.stage_ids + (FIT,):
        return None
    return (f"{stage} is not a stage of {proto.id} ({', '.join(proto.stage_ids)}, or FIT when "
            f"back in full training); use one of them")


def flare_up_not_yet(season: Season, day: dt.date) -> str | None:
    """Why a flare-up on ``day`` cannot go into the season itself: it lies after the planning
    start (``today``, or the season start), so it has not happened; a what-if scenario plans one
    (None: it may be recorded)."""
    return not_yet_problem(season, day, "a flare-up is recorded once it happened")


class RecordFlareUp(Edit):
    """``later``: the stage changes recorded after the flare-up's date, most often projected
    changes accepted when today moved before the flare-up was known, are kept ("keep", rules-spec
    section 6: they stand) or removed ("drop": the plan projects them again from the flare-up)."""

    op: Literal["record_flare_up"] = "record_flare_up"
    athlete: str
    date: Day
    note: str = ""
    later: Literal["keep", "drop"] = "keep"

    def _apply(self, s: Season) -> Season:
        inj = _governing(s, self.athlete, self.date)
        if self.date in inj.flare_ups:
            raise InputError("", [f"a flare-up on {date_long(self.date)} is already recorded"])
        notes = dict(inj.flare_notes)
        if self.note.strip():
            notes[self.date] = self.note.strip()
        step = self._undone_step(s)
        gone = self._later(inj) if self.later == "drop" else []
        new = inj.model_copy(update={
            "flare_ups": tuple(sorted(inj.flare_ups + (self.date,))), "flare_notes": notes,
            "stages": tuple(r for r in inj.stages if r is not step and r not in gone)})
        return s.model_copy(update={"injuries": _replace(s.injuries, inj, new)})

    def to_dict(self) -> dict:
        out = super().to_dict()
        if self.later == "keep":  # as written before there was a choice
            del out["later"]
        return out

    def _later(self, inj) -> list[StageRecord]:
        return [r for r in inj.stages if r.start > self.date]

    def _undone_step(self, s: Season) -> StageRecord | None:
        """A stage record on the flare-up's date that moves the athlete *on* (typically a projected
        stage change accepted when ``today`` moved past it). A record on a flare-up's date holds
        the flare-up's regression (rules-spec.md section 6), so this one would cancel the
        flare-up and restart the ladder in the new stage: the flare-up undoes it, and the athlete
        moves back from the stage held the day before (docs/semantics.md)."""
        from planner.rehab import athlete_stage_on

        inj = _governing(s, self.athlete, self.date)
        step = next((r for r in inj.stages if r.start == self.date), None)
        if step is None or inj.onset >= self.date or step is inj.stages[0]:
            return None  # (a flare-up on the first stage's date is refused by the validation)
        order = ("INJ",) + load_protocol(inj.protocol).stage_ids + ("FIT",)
        held = athlete_stage_on(s.injuries_of(self.athlete), self.date - dt.timedelta(days=1))
        if held not in order or held == "INJ" or step.stage not in order:
            return None
        return step if order.index(step.stage) > order.index(held) else None

    def undoes(self, s: Season) -> str:
        """What recording it on ``s`` undoes, in words ("" when nothing)."""
        try:
            step = self._undone_step(s)
        except InputError:
            return ""
        if step is None:
            return ""
        stage = "full training" if step.stage == "FIT" else step.stage
        return f"undoes the move to {stage} recorded for that day"

    def later_stages(self, s: Season) -> str:
        """The stage changes recorded after the flare-up, which stand (rules-spec.md section 6),
        in words ("" when none): a flare-up recorded afterwards leaves them as they are, so the
        athlete may go back a stage and then on to a later one; the coach should look at them."""
        said = self.later_records(s)
        if not said:
            return ""
        if self.later == "drop":
            return (f"the stage changes recorded after it are removed ({said}): the plan "
                    f"projects them again from the flare-up")
        over = self.later_passed_over(s)
        return (f"the stage changes recorded after it stand ({said})"
                + (f": after the flare-up, {over}; confirm them with the physio, or move them"
                   if over else ": move them") + " if the flare-up held the athlete back")

    def played_after(self, s: Season, either: bool = False) -> tuple[dt.date, ...]:
        """The matches logged played from the flare-up's date to today that recording it on
        ``s`` puts in rehab (planner.progress.played_after_flare_up); ``either``: with the stage
        changes recorded after it kept or removed (the app asks which after), whichever puts
        some there. () when it cannot be recorded (its refusal says why)."""
        from planner.progress import played_after_flare_up

        days: tuple[dt.date, ...] = ()
        for later in dict.fromkeys((self.later, "drop", "keep") if either else (self.later,)):
            try:
                after = self.model_copy(update={"later": later}).apply(s)
            except PeriodizeError:
                return ()
            days = days or played_after_flare_up(s, after, self.athlete, self.date)
        return days

    def later_passed_over(self, s: Season) -> str:
        """What the first stage change recorded after the flare-up, kept, passes over of the stage
        the flare-up puts the athlete in, in words ("" when nothing): "P3 has had 6 days (from
        Thu 13 Aug); it needs at least 21; S1 is skipped, ..." (planner.text), as an early
        stage record says it. Kept, the history skipped S1 and cut P3's 21 days to 6, unsaid."""
        from planner.rehab import segments
        from planner.text import short_stay_words, skipped_words

        try:
            inj = _governing(s, self.athlete, self.date)
            later = self._later(inj)
            if not later:
                return ""
            after = _governing(self.model_copy(update={"later": "keep"})._apply(s), self.athlete,
                               self.date)
            proto = load_protocol(inj.protocol)
        except PeriodizeError:
            return ""
        segs = segments(after, proto, until=later[0].start - dt.timedelta(days=1))
        if not segs or segs[-1].start < self.date or segs[-1].stage not in proto.stage_ids:
            return ""
        held, since = segs[-1].stage, segs[-1].start
        return "; ".join(x for x in (short_stay_words(proto, held, since, later[0].start),
                                     skipped_words(proto, held, later[0].stage)) if x)

    def later_records(self, s: Season) -> str:
        """The stage records after the flare-up's date in words ("P3 from Fri 18 Dec 2026 on"),
        "" when none."""
        try:
            later = self._later(_governing(s, self.athlete, self.date))
        except InputError:
            return ""
        if not later:
            return ""
        stage = "full training" if later[0].stage == "FIT" else later[0].stage
        return f"{stage} from {date_long(later[0].start)}{' on' if len(later) > 1 else ''}"

    def long_back(self, s: Season) -> str:
        """For an athlete back to full training for more than ``RECENT_RETURN_DAYS`` on the date:
        the stage it moves them back to and the other record to consider ("" otherwise). The
        flare-up is taken as rules-spec.md section 6 says, however long after the return."""
        from planner.progress import RECENT_RETURN_DAYS
        from planner.rehab import athlete_stage_on

        try:
            inj = _governing(s, self.athlete, self.date)
        except InputError:
            return ""
        if athlete_stage_on(s.injuries_of(self.athlete), self.date) != "FIT":
            return ""
        back = max((r.start for r in inj.stages if r.stage == "FIT" and r.start <= self.date),
                   default=None)
        if back is None or (self.date - back).days <= RECENT_RETURN_DAYS:
            return ""
        from planner.text import stage_name

        last = stage_name(load_protocol(inj.protocol).stage_ids[-1], inj.protocol)
        return (f"back to full training since {date_long(back)}, {(self.date - back).days} days "
                f"before: it moves them back to {last}; record a new injury instead if it is one")

    def past_not_done(self, s: Season) -> str:
        """The sessions the stored plan had on the flare-up's day and its calm days before today,
        not logged, which RH-FL now counts as not done (planner.history), in words ("" when
        none): the day's sprint turned into 0 % without a word."""
        from planner.history import calm_window, logged_days
        from planner.rules import CALM_CAP  # read when said, as calm_window reads it

        ap = s.plan.for_athlete(self.athlete) if s.plan is not None else None
        if ap is None:
            return ""
        logged, start, out = logged_days(s, self.athlete), planning_start(s), []
        for day, cap in calm_window(s, self.date, self.athlete):
            i = (day - s.calendar.start).days
            if day >= start or day in logged or not 0 <= i < len(ap.intensity):
                continue
            if ap.intensity[i] > cap:
                out.append(f"{ap.intensity[i]} % on {date_long(day)}")
        if not out:
            return ""
        return (f"the {', '.join(out)} planned and not logged now count as not done (no running "
                f"on a flare-up's day, at most {CALM_CAP} % after it): log what was run")

    def second(self, s: Season) -> str:
        """"the second within 7 days (after Wed 9 Dec 2026): two stages back, to P1" ("" otherwise,
        rules-spec.md section 6), or what it does to an athlete in the first stage ("stays in P1;
        P1's minimum restarts from ...", planner.text.second_flare_words)."""
        from planner.text import second_flare_clause, second_flare_words

        try:
            inj = _governing(s, self.athlete, self.date)
            words = second_flare_words(inj, load_protocol(inj.protocol), self.date)
        except PeriodizeError:
            return ""
        if not words:
            return ""
        before = max(f for f in inj.flare_ups if f < self.date)
        return second_flare_clause(words, before)

    def describe(self, s: Season) -> str:
        text = f"Flare-up of {s.athlete_label(self.athlete)} on {date_long(self.date)}"
        said = [x for x in (self.second(s), self.undoes(s), self.later_stages(s),
                            self.past_not_done(s), self.long_back(s)) if x]
        return f"{text} ({'; '.join(said)})" if said else text


class RecordStage(Edit):
    """Record that the athlete entered ``stage`` on ``start`` (the rehab history)."""

    op: Literal["record_stage"] = "record_stage"
    athlete: str
    stage: RecordedStage
    start: Day

    def _apply(self, s: Season) -> Season:
        inj = _governing(s, self.athlete, self.start)
        stages = tuple(sorted(tuple(r for r in inj.stages if r.start != self.start)
                              + (StageRecord(stage=self.stage, start=self.start),), key=lambda r: r.start))
        return s.model_copy(update={"injuries": _replace(s.injuries, inj, inj.model_copy(update={"stages": stages}))})

    def describe(self, s: Season) -> str:
        return f"{s.athlete_label(self.athlete)} entered {self.stage} on {date_long(self.start)}"


class RecordCriteriaTest(Edit):
    """Record a criteria test result (e.g. hip-flexor strength LSI, pain score); it belongs to the
    stage the athlete is in on the test's date."""

    op: Literal["record_test"] = "record_test"
    athlete: str
    test: CriteriaTest

    def _apply(self, s: Season) -> Season:
        inj = _governing(s, self.athlete, self.test.date)
        new = inj.model_copy(update={"tests": tuple(sorted(inj.tests + (self.test,),
                                                           key=lambda t: t.date))})
        return s.model_copy(update={"injuries": _replace(s.injuries, inj, new)})

    def describe(self, s: Season) -> str:
        t = self.test
        return f"{s.athlete_label(self.athlete)}: {t.name} {measure(t.value, t.unit)} on {date_long(t.date)}"


class SetTargetCompetition(Edit):
    op: Literal["set_target"] = "set_target"
    athlete: str
    competition: str | None
    onset: Day | None = None  # the record (default: the latest)

    def _apply(self, s: Season) -> Season:
        inj = _injury(s, self.athlete, self.onset)
        return s.model_copy(update={"injuries": _replace(
            s.injuries, inj, inj.model_copy(update={"target_competition": self.competition}))})

    def describe(self, s: Season) -> str:
        c = s.competition(self.competition) if self.competition else None
        return f"Target of {s.athlete_label(self.athlete)}: {c.name if c else 'none'}"


# -- a season in progress (rules-spec.md section 9) -----------------------------------------------
class LogSessions(Edit):
    """Add logged sessions (an import, or the log table's entries). An athlete-day listed in
    ``replace`` first loses the sessions it had (the table's cell is rewritten)."""

    op: Literal["log_sessions"] = "log_sessions"
    sessions: tuple[Session, ...]
    replace: tuple[tuple[str, Day], ...] = ()

    def _apply(self, s: Season) -> Season:
        gone = set(self.replace)
        kept = tuple(x for x in s.sessions if (x.athlete, x.date) not in gone)
        return s.model_copy(update={"sessions": kept + self.sessions})

    def describe(self, s: Season) -> str:
        days = {(x.athlete, x.date) for x in self.sessions} | set(self.replace)
        if len(days) == 1:
            aid, day = next(iter(days))
            return f"Log {s.athlete_label(aid)} on {date_long(day)}"
        return f"Log {len(self.sessions)} sessions"


class StageEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)
    athlete: str
    stage: RecordedStage
    date: Day


class AdvanceToday(Edit):
    """Move ``today`` (forwards or back) and record the projected stage changes the coach accepted
    (each with the date it happened); a change not accepted did not happen: the athlete stays in
    the stage."""

    op: Literal["advance_today"] = "advance_today"
    today: Day
    accepted: tuple[StageEntry, ...] = ()
    keeps_plan: bool = Field(default=True, exclude=True)  # the plan's past is what happened

    def _apply(self, s: Season) -> Season:
        cal = s.calendar.model_copy(update={"today": self.today})
        new = s.model_copy(update={"calendar": Calendar.model_validate(cal.model_dump())})
        if s.plan is not None and self.today < planning_start(s):
            # moved back: the days after the new today are planned again (what the plan had
            # planned for them), not a past that no longer fits the plan, which then was lost
            new = new.model_copy(update={"plan": reopened(s.plan, s.calendar.start, self.today)})
        for e in sorted(self.accepted, key=lambda e: e.date):
            new = RecordStage(athlete=e.athlete, stage=e.stage, start=e.date)._apply(new)
        return new

    def describe(self, s: Season) -> str:
        done = f", {plural(len(self.accepted), 'stage change')} recorded" if self.accepted else ""
        return f"Today is {date_long(self.today)}{done}"


# -- roles ----------------------------------------------------------------------------------------
class SetRole(Edit):
    """One athlete's role for one competition (``None``: back to the athlete's default role)."""

    op: Literal["set_role"] = "set_role"
    competition: str
    athlete: str
    role: Role | None

    def _apply(self, s: Season) -> Season:
        if s.competition(self.competition) is None:
            raise InputError("", [f"no competition has id {self.competition!r}"])
        _known_athlete(s, self.athlete)
        roles = tuple(r for r in s.roles
                      if not (r.competition == self.competition and r.athlete == self.athlete))
        if self.role is not None:
            roles += (MatchRole(competition=self.competition, athlete=self.athlete, role=self.role),)
        return s.model_copy(update={"roles": roles})

    def describe(self, s: Season) -> str:
        c = s.competition(self.competition)
        name = c.name if c else self.competition
        role = self.role or f"default role ({s.athlete(self.athlete).role if s.athlete(self.athlete) else '?'})"
        return f"{s.athlete_label(self.athlete)} for '{name}': {role}"


# -- rules ----------------------------------------------------------------------------------------
class SetRuleValue(Edit):
    op: Literal["set_rule_value"] = "set_rule_value"
    rule: str
    param: str
    value: StrictFloat | tuple[str, ...]  # a number, or a list of names (e.g. HV-1's exempt positions)

    def _apply(self, s: Season) -> Season:
        rules = self.apply_to_rules(s.rules)
        here = f"rules.values.{self.rule}.{self.param}:"
        if own := [x for x in settings_problems(rules) if x.startswith(here)]:
            raise InputError(self.describe(s), [edit_words(x) for x in own])  # said before the rest
        if self.rule == "LD-1" and (problem := load_table_problem(rules, self.param)):
            raise InputError(self.describe(s), [f"LD-1 {self.param}: {problem}"])
        return s.model_copy(update={"rules": rules})

    def apply_to_rules(self, rules: RuleSettings) -> RuleSettings:
        """``rules`` with this value set (not validated)."""
        values = {k: dict(v) for k, v in rules.values.items()}
        values.setdefault(self.rule, {})[self.param] = self.value
        return rules.model_copy(update={"values": values})

    def describe(self, s: Season) -> str:
        """``Set HV-2: speed days in a load or taper week to 3``: the parameter as the rules
        panel names it (its id when it is unknown), an on/off one "to on" or "to off"."""
        from planner.rules import plain

        rule = RULES.get(self.rule)
        param = next((p for p in rule.params if p.name == self.param), None) if rule else None
        if isinstance(self.value, tuple):
            shown = ", ".join(self.value) or "none"
        else:
            shown = plain(self.value) if param is None else param.value_text(self.value)
        if param is None:
            return f"Set {self.rule} {self.param} to {shown}"
        return f"Set {self.rule}: {param.label} to {shown}"


class SetRuleMode(Edit):
    op: Literal["set_rule_mode"] = "set_rule_mode"
    rule: str
    mode: Literal["soft", "hard", "off"]

    def _apply(self, s: Season) -> Season:
        modes = dict(s.rules.modes)
        modes[self.rule] = self.mode
        return s.model_copy(update={"rules": s.rules.model_copy(update={"modes": modes})})

    def describe(self, s: Season) -> str:
        return f"Make {self.rule} {self.mode}"


# -- pins -----------------------------------------------------------------------------------------
def _same_target(a, b) -> bool:
    return pin_target(a) == pin_target(b)  # a season holds one pin of each (validate)


def _pin_what(p) -> str:
    """What a pin holds, its athlete aside: "at 80 % on Tue 25 Aug 2026", "the week of ... as
    deload", "to start S1 on Tue 25 Aug 2026"."""
    if isinstance(p, IntensityPin):
        return f"at {p.intensity} % on {date_long(p.date)}"
    if isinstance(p, WeekPin):
        return f"the {week_of(p.week)} as {p.week_kind}"
    assert isinstance(p, StagePin)
    return f"to start {p.stage} on {date_long(p.date)}"


def pins_listed(s: Season, past: bool = False) -> list[tuple[str, str | None, dt.date]]:
    """The pins of ``s`` from the planning start (what every solve keeps) in words, by day then
    athlete, as (line, athlete or None for the team, day): "Jonas Lind (A04) at 95 % on Wed 12
    Aug 2026", "The team: the week of Mon 26 Oct 2026 as deload" — what a coach taking over asks
    first: what was pinned. ``past``: the pins before it instead (a week pin: its week over),
    history kept as lived: no solve plans those days again."""
    start, out = planning_start(s), []
    for p in sorted(s.pins, key=lambda p: (_pin_day(p), p.athlete or "")):
        end = p.week + dt.timedelta(days=6) if isinstance(p, WeekPin) else p.date
        if (end < start) != past:
            continue
        who = s.athlete_label(p.athlete) if p.athlete else "The team:"
        out.append((f"{who} {_pin_what(p)}", p.athlete, _pin_day(p)))
    return out


class AddPin(Edit):
    """Pin a day's intensity, a week's kind or a stage start (replacing a pin of the same thing)."""

    op: Literal["add_pin"] = "add_pin"
    pin: Pin

    def _apply(self, s: Season) -> Season:
        pins = tuple(p for p in s.pins if not _same_target(p, self.pin))
        return s.model_copy(update={"pins": pins + (self.pin,)})

    def describe(self, s: Season) -> str:
        p = self.pin
        if isinstance(p, WeekPin):
            who = s.athlete_label(p.athlete) if p.athlete else "the team"
            return f"Pin {_pin_what(p)} for {who}"
        return f"Pin {s.athlete_label(p.athlete)} {_pin_what(p)}"


class RemovePin(Edit):
    op: Literal["remove_pin"] = "remove_pin"
    pin: Pin

    def _apply(self, s: Season) -> Season:
        pins = tuple(p for p in s.pins if not _same_target(p, self.pin))
        if len(pins) == len(s.pins):
            raise InputError("", ["there is no such pin"])
        return s.model_copy(update={"pins": pins})

    def describe(self, s: Season) -> str:
        return "Unpin " + AddPin(pin=self.pin).describe(s).removeprefix("Pin ")


# -- plans ----------------------------------------------------------------------------------------
class SetPlan(Edit):
    """Accept a plan (from the solver or a manual change) as the season's plan."""

    op: Literal["set_plan"] = "set_plan"
    plan: Plan | None

    def _apply(self, s: Season) -> Season:
        if self.plan is not None:
            problems = plan_problems(s, self.plan)
            if problems:
                raise InputError("plan", problems)
        return s.model_copy(update={"plan": self.plan})

    def describe(self, s: Season) -> str:
        if self.plan is None:
            return "Clear the plan"
        # in a coach's words, not the solver's ("Accept the feasible plan")
        return {"manual": "Accept the plan edited by hand",
                "cancelled": "Accept the plan found before the stop",
                }.get(self.plan.status, f"Accept the plan ({self.quality()})")

    def quality(self) -> str:
        """How good the plan is, in a coach's words ("the best possible")."""
        return {"optimal": "the best possible", "manual": "edited by hand",
                "cancelled": "found before the stop",
                }.get(self.plan.status if self.plan else "", "the best found in the time allowed")


class SetDayIntensity(Edit):
    """A manual change of one planned day (the plan checker then reports what it breaks)."""

    op: Literal["set_day_intensity"] = "set_day_intensity"
    athlete: str
    date: Day
    intensity: StrictInt

    def _apply(self, s: Season) -> Season:
        if s.plan is None:
            raise InputError("", ["there is no plan to change; solve first"])
        if (why := not_planned_error(s, self.athlete)) is not None:  # a placeholder row: no plan
            raise InputError("", [why])
        i = (self.date - s.calendar.start).days
        ap = s.plan.for_athlete(self.athlete)
        if ap is None or not 0 <= i < len(ap.intensity):
            raise InputError("", [f"{date_long(self.date)} is not a day of the plan of {self.athlete}"])
        new_ap = ap.model_copy(update={"intensity": ap.intensity[:i] + (self.intensity,) + ap.intensity[i + 1:]})
        plan = s.plan.model_copy(update={"athletes": _replace(s.plan.athletes, ap, new_ap), "status": "manual"})
        return s.model_copy(update={"plan": plan})

    def describe(self, s: Season) -> str:
        return f"Set {s.athlete_label(self.athlete)} to {self.intensity} % on {date_long(self.date)}"


# -- what-if scenarios ----------------------------------------------------------------------------
def _scenario_index(s: Season, name: str) -> int:
    for i, sc in enumerate(s.scenarios):
        if sc.name.casefold() == name.strip().casefold():
            return i
    raise InputError("", [f"no scenario is called '{name}'"])


def _free_name(s: Season, name: str) -> None:
    if any(sc.name.casefold() == name.strip().casefold() for sc in s.scenarios):
        raise InputError("", [f"a scenario called '{name}' exists already; choose another name"])


class AddScenario(Edit):
    """Branch a scenario from the current plan with a list of edits (dicts of this module)."""

    op: Literal["add_scenario"] = "add_scenario"
    name: str = Field(min_length=1, max_length=100)
    edits: tuple[dict, ...] = ()

    def _apply(self, s: Season) -> Season:
        _free_name(s, self.name)
        check_edit_dicts(self.edits, self.name)
        sc = Scenario(name=self.name.strip(), edits=self.edits, base_plan=s.plan)
        return s.model_copy(update={"scenarios": s.scenarios + (sc,)})

    def describe(self, s: Season) -> str:
        return f"New scenario '{self.name}'"


class SetScenarioEdits(Edit):
    op: Literal["set_scenario_edits"] = "set_scenario_edits"
    name: str
    edits: tuple[dict, ...]

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        check_edit_dicts(self.edits, self.name)
        sc = s.scenarios[i].model_copy(update={"edits": self.edits, "plan": None,
                                               "planned_for": None})
        return s.model_copy(update={"scenarios": s.scenarios[:i] + (sc,) + s.scenarios[i + 1:]})

    def describe(self, s: Season) -> str:
        return f"Change the edits of scenario '{self.name}'"


class RenameScenario(Edit):
    op: Literal["rename_scenario"] = "rename_scenario"
    name: str
    new_name: str = Field(min_length=1, max_length=100)

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        if self.new_name.strip().casefold() != self.name.strip().casefold():
            _free_name(s, self.new_name)
        sc = s.scenarios[i].model_copy(update={"name": self.new_name.strip()})
        return s.model_copy(update={"scenarios": s.scenarios[:i] + (sc,) + s.scenarios[i + 1:]})

    def describe(self, s: Season) -> str:
        return f"Rename scenario '{self.name}' to '{self.new_name}'"


class DuplicateScenario(Edit):
    op: Literal["duplicate_scenario"] = "duplicate_scenario"
    name: str
    new_name: str = Field(min_length=1, max_length=100)

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        _free_name(s, self.new_name)
        sc = s.scenarios[i].model_copy(update={"name": self.new_name.strip()})
        return s.model_copy(update={"scenarios": s.scenarios + (sc,)})

    def describe(self, s: Season) -> str:
        return f"Duplicate scenario '{self.name}' as '{self.new_name}'"


class DeleteScenario(Edit):
    op: Literal["delete_scenario"] = "delete_scenario"
    name: str

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        return s.model_copy(update={"scenarios": s.scenarios[:i] + s.scenarios[i + 1:]})

    def describe(self, s: Season) -> str:
        return f"Delete scenario '{self.name}'"


class SetScenarioPlan(Edit):
    op: Literal["set_scenario_plan"] = "set_scenario_plan"
    name: str
    plan: Plan | None

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        # a re-plan starts from the season's plan as it is: the scenario now branches from it
        update = {"plan": self.plan, "planned_for": None}
        if self.plan is not None:
            update.update(planned_for=plan_basis(s), base_plan=s.plan)
        sc = s.scenarios[i].model_copy(update=update)
        return s.model_copy(update={"scenarios": s.scenarios[:i] + (sc,) + s.scenarios[i + 1:]})

    def describe(self, s: Season) -> str:
        return f"Store the plan of scenario '{self.name}'"


class AdoptScenario(Edit):
    """Make a scenario the new baseline: its edits applied to the season, its plan the plan.
    The other scenarios stay (they now branch from the new baseline)."""

    op: Literal["adopt_scenario"] = "adopt_scenario"
    name: str

    def _apply(self, s: Season) -> Season:
        i = _scenario_index(s, self.name)
        sc = s.scenarios[i]
        adopted = scenario_season(s, sc)
        return adopted.model_copy(update={"scenarios": s.scenarios[:i] + s.scenarios[i + 1:]})

    def describe(self, s: Season) -> str:
        return f"Adopt scenario '{self.name}' as the baseline"


AnyEdit = Annotated[
    SetSeasonSettings | ShortenSeason | AddCompetition | MoveCompetition | RemoveCompetition | UpdateCompetition
    | AddBlock | UpdateBlock | RemoveBlock | AddNonTrainingDay | RemoveNonTrainingDay
    | AddAthlete | UpdateAthlete | LeaveSquad | RemoveAthlete | AddUnavailability | RemoveUnavailability
    | SetInjury | AddInjury | RemoveInjury | RecordFlareUp | RecordStage | RecordCriteriaTest
    | SetTargetCompetition | SetRole | LogSessions | AdvanceToday
    | SetRuleValue | SetRuleMode | AddPin | RemovePin | SetPlan | SetDayIntensity
    | AddScenario | SetScenarioEdits | RenameScenario | DuplicateScenario | DeleteScenario
    | SetScenarioPlan | AdoptScenario,
    Field(discriminator="op"),
]
_ADAPTER: TypeAdapter = TypeAdapter(AnyEdit)


def edit_from_dict(data: dict, where: str = "edit") -> Edit:
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as e:
        raise InputError(where, validation_problems(e.errors())) from None


# -- replaying a list of edits --------------------------------------------------------------------
def apply_all(season: Season, edits) -> Season:
    """``season`` with ``edits`` (edits or their dicts) applied in order."""
    for e in edits:
        season = (edit_from_dict(e) if isinstance(e, dict) else e).apply(season)
    return season


EDIT_OPS: frozenset[str] = frozenset(
    t.model_fields["op"].default for t in typing.get_args(typing.get_args(AnyEdit)[0]))
SCENARIO_OPS = frozenset({"add_scenario", "set_scenario_edits", "rename_scenario",
                          "duplicate_scenario", "delete_scenario", "set_scenario_plan",
                          "adopt_scenario"})


def check_edit_dicts(edits: tuple[dict, ...], scenario: str) -> None:
    """Each dict reads as an edit of the season (not of its scenarios); InputError naming the
    scenario and the edit's number."""
    for i, e in enumerate(edits):
        where = f"scenario '{scenario}', edit {i + 1}"
        raw = e.get("op") if isinstance(e, dict) else None
        op = raw if isinstance(raw, str) else None  # a list or a number is no edit's name
        if not isinstance(e, dict):
            raise InputError(where, ["not an edit: an edit is an object with an 'op' and its fields"])
        if op in SCENARIO_OPS:
            raise InputError(where, [f"op: '{op}' changes the scenarios; a scenario's edits can "
                                     f"only change the season"])
        if op is None or op not in EDIT_OPS:
            shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:40] + "…"
            shown = "missing" if "op" not in e else f"{shown} is not an edit Periodize knows"
            raise InputError(where, [f"op: {shown}; the edits are "
                                     f"{', '.join(sorted(EDIT_OPS - SCENARIO_OPS))}"])
        edit_from_dict(e, where)


def scenario_season(season: Season, scenario: Scenario) -> Season:
    """The baseline with the scenario's edits applied, carrying the scenario's own plan."""
    base = season.model_copy(update={"scenarios": (), "plan": scenario.base_plan or season.plan})
    for i, e in enumerate(scenario.edits):
        where = f"scenario '{scenario.name}', edit {i + 1}"
        try:
            base = edit_from_dict(e, where).apply(base)
        except InputError as err:
            raise InputError(where, err.problems) from None
    return base.model_copy(update={"plan": scenario.plan})
