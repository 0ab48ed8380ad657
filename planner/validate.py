"""Document-wide checks of a season: references, dates, rehab records against their protocol.

:func:`season_problems` returns every problem as ``"path: what is wrong; the fix"``. The loader,
the importers and the edits call it, so a bad season never reaches the solver.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import Counter

from planner.errors import InputError
from planner.protocols import Protocol, available_protocols, load_protocol
from planner.rehab import max_days, segments
from planner.rules import RULES, RuleSet, settings_problems
from planner.season import (  # planning_start: read here by many
    FIT,
    LEVELS,
    Competition,
    Injury,
    Season,
    StageRecord,
    planning_start,
    top_speed_problem,
)
from planner.text import date_long, day_long, join_and, plural, span
from planner.timeline import Timeline


def season_problems(season: Season) -> list[str]:
    """Every document-wide problem, section by section, each located with its fix."""
    return (_calendar_problems(season) + _squad_problems(season) + _competition_problems(season)
            + _block_problems(season) + _unavailability_problems(season)
            + _injury_problems(season) + _role_problems(season) + _session_problems(season)
            + _pin_problems(season)
            + settings_problems(season.rules) + plan_problems(season))


# a file with no squad (a hand edit deleted the "athletes" entry, or emptied it): said first, as
# the cause of the unknown athletes after it
MISSING_SQUAD = ('athletes: missing: the file has no "athletes" entry, so the athletes named below '
                 'are unknown; put the squad back ("athletes": [ … ]), e.g. from the file\'s backup')
EMPTY_SQUAD = ('athletes: empty: the file\'s squad has no athlete ("athletes": []), so the athletes '
               'named below are unknown; put the squad back ("athletes": [ … ]), e.g. from the '
               'file\'s backup')
SQUAD_SHOWN = 3  # the unknown athletes listed after a missing or empty squad; the rest counted


def squad_first(data: dict, problems: list[str]) -> tuple[list[str], int]:
    """``(problems, more)`` of a season file whose squad is missing or empty: that said first,
    then the problems it does not explain, then the first :data:`SQUAD_SHOWN` unknown athletes
    it makes (the rest counted in ``more``: 80 "no athlete has id" lines hid the one cause).
    Any other file: ``(problems, 0)``."""
    if "athletes" in data and data["athletes"] != []:
        return problems, 0
    cause = EMPTY_SQUAD if "athletes" in data else MISSING_SQUAD
    made = [p for p in problems if "no athlete has id" in p or ".athletes: does not match the squad" in p]
    other = [p for p in problems if p not in made]
    return [cause, *other, *made[:SQUAD_SHOWN]], max(0, len(made) - SQUAD_SHOWN)


def _outside(season: Season, day: dt.date, where: str) -> list[str]:
    """The problem of a date outside the season (none inside it)."""
    cal = season.calendar
    if cal.start <= day <= cal.end:
        return []
    return [f"{where}: {day_long(day)} is outside the season "
            f"({day_long(cal.start)} to {day_long(cal.end)}); move it inside"]


NO_TRAINING_WEEKDAY = ("lists no weekday; a season needs at least one training weekday, or "
                       "nothing can be planned")
# a file that already holds it still opens (a note: refusing it would lock the coach out of the
# season, and Season Settings gives it a weekday); entering it is refused (entry_problems)
NO_WEEKDAY_PROBLEM = (f"calendar.training_days: {NO_TRAINING_WEEKDAY}: list the weekdays the "
                      f"team trains, such as [\"tue\", \"thu\"] (Season ▸ Season Settings, "
                      f"Training days)")


def today_after_season(today: dt.date, end: dt.date) -> str | None:
    """Why ``today`` cannot be the season's today when it lies past the day after the season's
    ``end`` (all of it played: the latest `periodize advance --today` and Move Today take); None
    when it can. Said alike by a season file read and the coach workbook's Today row."""
    last = end + dt.timedelta(days=1)
    if today <= last:
        return None
    return (f"{today:%Y-%m-%d} is after the season ends ({end:%Y-%m-%d}); write a date up to "
            f"{last:%Y-%m-%d} (the day after the season: all of it played)")


def _calendar_problems(season: Season) -> list[str]:
    cal = season.calendar
    late = today_after_season(cal.today, cal.end) if cal.today else None
    days = cal.non_training_days
    out = [f"calendar.today: {late}"] if late else []
    out += [p for i, d in enumerate(days)
            for p in _outside(season, d.date, f"calendar.non_training_days[{i}].date")]
    for key, n in Counter(d.date for d in days).items():
        if n > 1:
            out.append(f"calendar.non_training_days: {key.isoformat()} is listed {n} times; list it once")
    return out


def _squad_problems(season: Season) -> list[str]:
    return _shared_ids(season.athletes, "athletes", "athlete")


def _shared_ids(items, where: str, one: str) -> list[str]:
    """One line per id used by several entries of ``where`` (``athletes``, ``competitions``),
    each holder named by its place and name: the second one is the one a hand edit often added."""
    ids = [x.id for x in items]
    out = []
    for key, n in Counter(ids).items():
        if n > 1:
            at = [i for i, x in enumerate(ids) if x == key]
            holders = ", ".join(f"{where}[{i}] {items[i].name!r}" for i in at)
            out.append(f"{where}[{at[0]}].id: {key!r} is used by {n} {where} ({holders}); give "
                       f"each {one} a unique id")
    return out


def _competition_problems(season: Season) -> list[str]:
    out = _shared_ids(season.competitions, "competitions", "competition")
    for i, c in enumerate(season.competitions):
        out += _outside(season, c.date, f"competitions[{i}].date ({c.name})")
        if c.end_date:
            out += _outside(season, c.end_date, f"competitions[{i}].end_date ({c.name})")
    return out


MAX_EVENT_DAYS = 7  # a competition's days at most: a longer one overlaps the next week's


def long_event_words(season: Season, c: Competition) -> str | None:
    """Why ``c`` is too long to be one competition (an End date typo made a Saturday match last
    16 days, over two other matches), or None: its days and the competitions it runs over."""
    n = (c.last - c.date).days + 1
    if n <= MAX_EVENT_DAYS:
        return None
    over = [f"'{o.name}'" for o in season.competitions
            if o is not c and o.id != c.id and o.date <= c.last and o.last >= c.date]
    return (f"{n} days ({span(c.date, c.last)}){', over ' + join_and(over) if over else ''}; a "
            f"competition lasts at most {MAX_EVENT_DAYS} days, so a longer one would overlap the "
            f"next week's: correct the end date, or enter a longer tournament's matches as "
            f"competitions of their own")


def long_event_problems(season: Season, before: Season | None = None) -> list[str]:
    """The competitions longer than a week (new ones only when ``before`` is given)."""
    old = set() if before is None else {(c.id, c.date, c.last) for c in before.competitions}
    return [f"competitions[{i}].end_date ({c.name}): {words}"
            for i, c in enumerate(season.competitions)
            if (c.id, c.date, c.last) not in old and (words := long_event_words(season, c))]


def _block_problems(season: Season) -> list[str]:
    out: list[str] = []
    for i, b in enumerate(season.blocks):
        out += _outside(season, b.start, f"blocks[{i}].start ({b.name})")
        out += _outside(season, b.end, f"blocks[{i}].end ({b.name})")
    return out


def _unknown_athlete(season: Season, athlete: str, where: str) -> list[str]:
    if season.athlete(athlete) is not None:
        return []
    return [f"{where}: no athlete has id {athlete!r}; use an id from the squad"]


FAR_DAYS = 365  # a date further than this outside the season is most likely a year typed wrong


def _unavailability_problems(season: Season) -> list[str]:
    """An unknown athlete; an absence wholly before or after the season (it would change
    nothing: a year typed wrong, refused as the coach workbook's Unavailable sheet refuses it;
    one over an edge of the season, a loan from the summer, is ordinary), or one ending more
    than a year after the season ends (2029 typed for 2027: away the rest of the season), as
    the workbook refuses its To."""
    cal = season.calendar
    outside = [i for i, u in enumerate(season.unavailability)
               if u.end < cal.start or u.start > cal.end]
    return [p for i, u in enumerate(season.unavailability)
            for p in _unknown_athlete(season, u.athlete, f"unavailability[{i}].athlete")] + [
        f"unavailability[{i}].start: {day_long(u.start)} to {day_long(u.end)} is outside the season "
        f"({day_long(cal.start)} to {day_long(cal.end)}); correct the dates (a year typed "
        f"wrong?), or delete it" for i in outside
        for u in (season.unavailability[i],)] + [
        f"unavailability[{i}].end: {day_long(u.end)} is more than a year after the season ends "
        f"({day_long(cal.end)}), so the athlete would be away for the rest of the season; check "
        f"the year (away to the end: write {cal.end.isoformat()})"
        for i, u in enumerate(season.unavailability)
        if i not in outside and (u.end - cal.end).days > FAR_DAYS]


# -- injuries ------------------------------------------------------------------------------------
def _injury_problems(season: Season) -> list[str]:
    """Every record: a known athlete and protocol; per athlete distinct onsets; stage records,
    flare-ups and tests inside the span the record governs (rules-spec.md section 4)."""
    out: list[str] = []
    protocols = available_protocols()
    where = {id(inj): f"injuries[{i}]" for i, inj in enumerate(season.injuries)}
    for i, inj in enumerate(season.injuries):
        out += _unknown_athlete(season, inj.athlete, f"injuries[{i}].athlete")
        if inj.protocol not in protocols:
            out.append(f"injuries[{i}].protocol: unknown protocol {inj.protocol!r}; use one of "
                       f"{', '.join(protocols)}")
    for athlete in dict.fromkeys(inj.athlete for inj in season.injuries):
        records = season.injuries_of(athlete)
        onsets = Counter(r.onset for r in records)
        for r in records:
            w = where[id(r)]
            if onsets[r.onset] > 1:
                out.append(f"{w}.onset: {season.athlete_label(athlete)} has two injuries with onset "
                           f"{r.onset.isoformat()}; merge them or correct one date")
                continue
            if r.protocol not in protocols:
                continue
            nxt = next((x.onset for x in records if x.onset > r.onset), None)
            out += _record_problems(season, r, load_protocol(r.protocol), w, nxt)
    return out


def _record_problems(season: Season, inj: Injury, proto: Protocol, w: str,
                     next_onset: dt.date | None) -> list[str]:
    own = (_stage_record_problems(season, inj, proto, w, next_onset)
           + _flare_up_problems(season, inj, w, next_onset)
           + _test_problems(season, inj, proto, w) + _target_problems(season, inj, w))
    return own


def _stage_record_problems(season: Season, inj: Injury, proto: Protocol, w: str,
                           next_onset: dt.date | None) -> list[str]:
    """Each record a stage of the protocol, on or after the onset and before the athlete's next
    injury, in date order, and following the one before (or moved by a flare-up). Records may lie
    in the future: a planned operation or a what-if is a plan."""
    out: list[str] = []
    order = proto.stage_ids + (FIT,)
    prev = None
    for j, rec in enumerate(inj.stages):
        rw = f"{w}.stages[{j}]"
        if rec.stage not in order:
            out.append(f"{rw}.stage: {rec.stage} is not a stage of {proto.id} "
                       f"({', '.join(proto.stage_ids)})")
            prev = None
            continue
        if rec.start < inj.onset:
            out.append(f"{rw}.start: {rec.start.isoformat()} is before the onset "
                       f"{inj.onset.isoformat()}; a stage starts on or after the onset")
        if next_onset is not None and rec.start >= next_onset:
            out.append(f"{rw}.start: {rec.start.isoformat()} is on or after the athlete's next "
                       f"injury ({next_onset.isoformat()}); the two injury records contradict each "
                       f"other: record this stage on the later injury, or correct the dates")
        if prev is not None:
            out += _stage_step_problems(inj, order, prev, rec, rw)
        prev = rec
    return out
def _stage_step_problems(inj: Injury, order: tuple[str, ...], prev: StageRecord, rec: StageRecord,
                         rw: str) -> list[str]:
    """A record after ``prev``: later, and the next stage unless a flare-up came in between."""
    if rec.start <= prev.start:
        return [f"{rw}.start: stage records must be in date order; "
                f"{rec.start.isoformat()} is not after {prev.start.isoformat()}"]
    if any(prev.start <= f <= rec.start for f in inj.flare_ups):
        return []
    a, b = order.index(prev.stage), order.index(rec.stage)
    if b > a + 1:
        return [f"{rw}.stage: {prev.stage} is followed by {rec.stage}, skipping "
                f"{', '.join(order[a + 1:b])}; record the skipped stage's start"]
    if b < a:
        return [f"{rw}.stage: {prev.stage} is followed by {rec.stage} without a "
                f"flare-up; record the flare-up date instead"]
    return []


def _flare_up_problems(season: Season, inj: Injury, w: str, next_onset: dt.date | None) -> list[str]:
    out: list[str] = []
    first = inj.stages[0].start
    for j, f in enumerate(inj.flare_ups):
        if f <= first:
            out.append(f"{w}.flare_ups[{j}]: {f.isoformat()} is not after the injury's first stage "
                       f"start {first.isoformat()}; a flare-up happens during or after rehab — "
                       f"record a new injury instead")
        elif next_onset is not None and f >= next_onset:
            out.append(f"{w}.flare_ups[{j}]: {f.isoformat()} is on or after the athlete's next "
                       f"injury ({next_onset.isoformat()}); record it on that injury")
        elif f > season.calendar.end:
            out.append(f"{w}.flare_ups[{j}]: {f.isoformat()} is after the season end")
    if len(set(inj.flare_ups)) != len(inj.flare_ups):
        out.append(f"{w}.flare_ups: a date is listed twice; list each flare-up once")
    for d in inj.flare_notes:
        if d not in inj.flare_ups:
            out.append(f"{w}.flare_notes: {d.isoformat()} is not a flare-up date of this injury; "
                       f"add the flare-up or remove the note")
    return out


def _test_problems(season: Season, inj: Injury, proto: Protocol, w: str) -> list[str]:
    """A test names a criterion of the protocol and is not dated before the injury. (A result is
    entered on or before today — ``entry_problems`` — but one that lies after today once today
    moved back is kept: it counts again when today passes it.)"""
    from planner.criteria import find_criterion

    out: list[str] = []
    names = sorted({c.name for s in proto.stages for c in s.criteria})
    for j, t in enumerate(inj.tests):
        tw = f"{w}.tests[{j}]"
        if find_criterion(proto, t.name) is None:
            known = "; ".join(names) if names else "none"
            out.append(f"{tw}.name: {t.name!r} is not a criterion of {proto.id} (its criteria: "
                       f"{known}); use one of them")
        if t.date < inj.onset:
            out.append(f"{tw}.date: {t.date.isoformat()} is before the injury's onset "
                       f"{inj.onset.isoformat()}")
        elif t.date > season.calendar.end:  # as a flare-up: a result is taken by today at the latest
            out.append(f"{tw}.date: {t.date.isoformat()} is after the season end "
                       f"({season.calendar.end.isoformat()}); correct the date")
        if (problem := _test_range_problem(inj, t)) is not None:
            out.append(f"{tw}.value: {problem}")
    return out


TEST_RANGES = {"/10": (0.0, 10.0), "%": (0.0, 200.0)}  # a criterion's unit -> its values


def _test_value_problem(inj: Injury, t, check=None) -> str | None:
    """``test_value_problem`` (or ``check``) of a recorded test, when its protocol and criterion
    are known."""
    from planner.criteria import find_criterion

    if inj.protocol not in available_protocols():
        return None
    found = find_criterion(load_protocol(inj.protocol), t.name)
    return (check or test_value_problem)(found[1], t.value) if found is not None else None


def _test_range_problem(inj: Injury, t) -> str | None:
    """``test_range_problem`` of a recorded test: a season file holding one is refused."""
    return _test_value_problem(inj, t, test_range_problem)


def test_range_problem(crit, value: float) -> str | None:
    """Why ``value`` cannot be a result of criterion ``crit`` on any reading: outside the range
    of its unit (:data:`TEST_RANGES`: -1 %, 10^18 %, 11/10), or not a finite number. None when
    it can."""
    lo, hi = TEST_RANGES.get(crit.unit, (float("-inf"), float("inf")))
    if lo <= value <= hi and math.isfinite(value):
        return None
    pct = " %" if crit.unit == "%" else ""
    scale = "in %" if crit.unit == "%" else f"out of {crit.unit.lstrip('/')}"
    if crit.unit not in TEST_RANGES:
        return f"{value:g} is not a number; write the result ({crit.name}) as a number"
    return (f"{value:g}{pct} is outside {lo:g}-{hi:g}{pct} ({crit.name} is scored {scale}); "
            f"correct the value")


def test_value_problem(crit, value: float) -> str | None:
    """Why ``value`` cannot be a result of criterion ``crit`` (None when it can): outside the
    range of its unit (:func:`test_range_problem`), or a ratio written where a percentage is
    meant (0.92 for 92 %): a typo that passes or fails a gate (``Criterion.passes``) without
    anyone noticing."""
    if (problem := test_range_problem(crit, value)) is not None:
        return problem
    if crit.unit == "%" and 0 < value <= 1.5:
        return (f"{value:g} reads as a ratio, not a percentage; write {value * 100:g} for "
                f"{value * 100:g} % ({crit.name})")
    return None


def _target_problems(season: Season, inj: Injury, w: str) -> list[str]:
    if inj.target_competition is None or season.competition(inj.target_competition) is not None:
        return []
    return [f"{w}.target_competition: no competition has id {inj.target_competition!r}; "
            f"pick one of the season's competitions or leave it empty"]


def overdue_problems(season: Season, kept: bool = False) -> list[str]:
    """Injury records typed in one go (a coach workbook) whose current stage has already
    outlasted its maximum by today: most likely a later stage change not typed yet. A season
    itself may hold one (today moved past a projected change that did not happen: the athlete
    stays in the stage and its maximum counts again from today, rules-spec.md section 9).
    ``kept``: with today moved into the season, each said as the season reads it (its maximum
    counted again from today) with the record to make if a later stage was reached: a note, so
    that a season's own workbook reads back as the season file does."""
    return _overdue(season, season_problems(season), kept=kept)


def today_moved_in(season: Season) -> bool:
    """Whether today has moved into the season (after its first day): a stage outlasted by then
    counts its maximum again from today (rules-spec.md section 9), not refused
    (:func:`outlasted_at_start`)."""
    cal = season.calendar
    return cal.today is not None and cal.today > cal.start


def outlasted_at_start(season: Season, located: bool = False) -> list[str]:
    """A stage that has already lasted its maximum days or more at the season's start, with no
    today moved into the season, is bad input for planning and checking (rules-spec.md section
    4): only a today moved past a projected change keeps it (section 9), its maximum counting
    again from today. The season still opens and takes edits, so the record can be put right
    (a season file that opened before must not be locked out). ``located``: each problem starts
    with the field of the season file (``injuries[3].stages[0].start: …``), as the command line
    says it after the file's name."""
    if today_moved_in(season):
        return []
    # a season that loaded: its records are sound
    return _overdue(season, [], at_start=True, located=located)


def unplannable_problems(season: Season) -> list[str]:
    """Why nothing can be planned in ``season`` whatever its records: no training weekday (a
    file may hold it and opens with a note; a plan of it can still be checked). Every front end
    refuses it so, as bad input, not as a season the rules make infeasible."""
    return [] if season.calendar.training_days else [NO_WEEKDAY_PROBLEM]


def plannable(season: Season, source: str = "", to_plan: bool = False) -> None:
    """Raise InputError when the season cannot be planned or checked as it is
    (:func:`outlasted_at_start`); ``to_plan``: it is about to be planned, so also when nothing
    can be planned in it (:func:`unplannable_problems`)."""
    problems = (unplannable_problems(season) if to_plan else []) + outlasted_at_start(season)
    if problems:
        raise InputError(source, problems)


def _overdue(season: Season, known: list[str], at_start: bool = False,
             located: bool = False, kept: bool = False) -> list[str]:
    out: list[str] = []
    for i, inj in enumerate(season.injuries):
        superseded = any(o.athlete == inj.athlete and inj.onset < o.onset <= planning_start(season)
                         for o in season.injuries)
        if inj.protocol in available_protocols() and not superseded and not any(
                p.startswith(f"injuries[{i}]") for p in known):
            out += _overdue_stage_problems(season, inj, load_protocol(inj.protocol),
                                           f"injuries[{i}]", at_start, located, kept)
    return out


def _overdue_stage_problems(season: Season, inj: Injury, proto: Protocol, w: str,
                            at_start: bool = False, located: bool = False,
                            kept: bool = False) -> list[str]:
    p_start = planning_start(season)
    if p_start > season.calendar.end or inj.onset > p_start:
        return []  # a future injury is a plan: nothing has lasted yet
    segs = segments(inj, proto, until=p_start)
    if not segs or segs[-1].stage == FIT:
        return []
    cur = segs[-1]
    spec = proto.stage(cur.stage)
    lasted = (p_start - cur.start).days
    longest = max_days(spec, cur.start in inj.flare_ups)  # after a flare-up: twice the maximum
    if lasted < longest or (lasted == longest and not at_start):
        return []
    who = season.athlete_label(inj.athlete)
    flare = " after a flare-up" if longest != spec.max_days else ""
    if at_start:  # said to a coach planning, and the way to put it right; the field on request
        ids = proto.stage_ids + (FIT,)
        nxt = ids[ids.index(cur.stage) + 1] if cur.stage in ids[:-1] else "STAGE"
        # the record, or the flare-up, that set the stage held
        field = (f"{w}.flare_ups[{list(inj.flare_ups).index(cur.start)}]: "
                 if cur.cause == "flare-up" else f"{w}.stages[{_record_index(inj, cur.start)}].start: ")
        return [f"{field if located else ''}{who} has been in {cur.stage} since "
                f"{date_long(cur.start)}: {lasted} days by "
                f"the season's first day, {date_long(p_start)}, and {cur.stage} lasts at most "
                f"{longest} days{flare} ({proto.id}); record the stage that followed and its "
                f"date (Season ▸ Injuries, Record stage; or periodize record SEASON --stage "
                f"{inj.athlete} {nxt} DATE --save), or correct the {cur.stage} date"]
    if kept:  # read as the season file reads it (docs/semantics.md, "A stage outlasted before today")
        latest = day_long(p_start + dt.timedelta(days=longest))
        return [f"{w}.stages[{len(inj.stages) - 1}].start: {who} has been in {cur.stage} since "
                f"{day_long(cur.start)} ({lasted} days by {day_long(p_start)}), more than the "
                f"{longest} days {proto.id} allows in {cur.stage}{flare}: read as the season file "
                f"reads a stage kept past its maximum, its days counted again from today "
                f"(the next stage starts on {latest} at the latest); if a later stage was reached, "
                f"record its start, or correct the date"]
    return [f"{w}.stages[{len(inj.stages) - 1}].start: {who} has been in {cur.stage} since "
            f"{day_long(cur.start)} ({lasted} days by {day_long(p_start)}), but "
            f"{proto.id} allows at most {longest} days in {cur.stage}{flare}; record the "
            f"later stage's start, or correct the date"]


def _record_index(inj: Injury, start: dt.date) -> int:
    """The index in ``inj.stages`` of the stage record starting on ``start`` (the last one when
    none does)."""
    return next((j for j, r in enumerate(inj.stages) if r.start == start), len(inj.stages) - 1)


# -- logged sessions --------------------------------------------------------------------------------
PRE_SEASON_LOG_DAYS = 28  # logged days before the season that still count (chronic load, RAMP)


def _session_problems(season: Season) -> list[str]:
    """Each logged session: a known athlete, inside the season or the four weeks before it, a top
    speed in m/s only with the athlete's max speed and at most 10 % above it."""
    out: list[str] = []
    earliest = season.calendar.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    for k, ses in enumerate(season.sessions):
        w = f"sessions[{k}]"
        a = season.athlete(ses.athlete)
        if a is None:
            out.append(f"{w}.athlete: no athlete has id {ses.athlete!r}; use an id from the squad")
            continue
        if not (earliest <= ses.date <= season.calendar.end):
            out.append(f"{w}.date: {ses.date.isoformat()} is outside the season and the four weeks "
                       f"before it ({earliest.isoformat()} to {season.calendar.end.isoformat()})")
        problem = top_speed_ms_problem(season, a, ses.top_speed_ms)
        if problem:
            out.append(f"{w}.top_speed_ms: {problem}")
    return out


def top_speed_ms_problem(season: Season, athlete, ms: float | None) -> str | None:
    """Why a top speed in m/s cannot be logged for ``athlete``: no max speed to read it against,
    or more than 10 % above it (None when it can)."""
    if ms is None:
        return None
    if not athlete.max_speed:
        return (f"{season.athlete_label(athlete.id)} has no max speed, so {ms:.2f} m/s cannot be "
                f"read; give the max speed or log the top speed in %")
    if problem := top_speed_problem(ms, athlete.max_speed, season.athlete_label(athlete.id)):
        return f"{problem}; check the value or update the max speed"
    return None


# -- roles ------------------------------------------------------------------------------------------
def _role_problems(season: Season) -> list[str]:
    out: list[str] = []
    seen: Counter = Counter((r.competition, r.athlete) for r in season.roles)
    for i, r in enumerate(season.roles):
        out += _unknown_athlete(season, r.athlete, f"roles[{i}].athlete")
        if season.competition(r.competition) is None:
            out.append(f"roles[{i}].competition: no competition has id {r.competition!r}; use one "
                       f"of the season's competitions")
        if seen[(r.competition, r.athlete)] > 1:
            out.append(f"roles[{i}]: {season.athlete_label(r.athlete)} has {seen[(r.competition, r.athlete)]} "
                       f"roles for competition {r.competition!r}; keep one")
            seen[(r.competition, r.athlete)] = 0  # report once
    return out


# -- pins -------------------------------------------------------------------------------------------
def pin_target(pin) -> tuple:
    """What a pin holds fixed: an athlete's day (a level), an athlete's or the team's week (its
    kind), an athlete's stage (its start). A second pin of one target contradicts the first (or
    repeats it): the app's pin replaces it (``edits.AddPin``), a file holding both is refused."""
    if pin.kind == "intensity":
        return pin.kind, pin.athlete, pin.date
    if pin.kind == "week":
        return pin.kind, pin.athlete, pin.week
    return pin.kind, pin.athlete, pin.stage


def _pin_held(pin) -> str:
    """What a pin holds, as the refusal of a second one names it ("80 %")."""
    if pin.kind == "intensity":
        return f"{pin.intensity} %"
    if pin.kind == "week":
        return pin.week_kind
    return f"{pin.stage} from {day_long(pin.date)}"


def _pin_again(season: Season, pin, first: int) -> str:
    """The refusal of a pin whose target pins[first] holds already."""
    was = _pin_held(season.pins[first])
    if pin.kind == "intensity":
        what = f"{season.athlete_label(pin.athlete)} on {day_long(pin.date)}"
    elif pin.kind == "week":
        who = season.athlete_label(pin.athlete) + "'s" if pin.athlete else "the team's"
        what = f"{who} week of {day_long(pin.week)}"
    else:
        what = f"{season.athlete_label(pin.athlete)}'s start of {pin.stage}"
    return f"{what} is already pinned (pins[{first}], {was}); keep one"


def _pin_problems(season: Season) -> list[str]:
    out: list[str] = []
    seen: dict[tuple, int] = {}
    for i, pin in enumerate(season.pins):
        w = f"pins[{i}]"
        first = seen.setdefault(pin_target(pin), i)
        if first != i:
            out.append(f"{w}: {_pin_again(season, pin, first)}")
            continue
        if pin.kind == "week" and pin.athlete is None:
            out += _outside(season, pin.week, f"{w}.week")
            continue
        unknown = _unknown_athlete(season, pin.athlete, f"{w}.athlete")
        if unknown:
            out += unknown
            continue
        if pin.kind == "week":
            out += _outside(season, pin.week, f"{w}.week")
        else:
            out += _outside(season, pin.date, f"{w}.date")
        if pin.kind == "stage_start":
            out += _stage_pin_problems(season, pin, w)
    return out


def _stage_pin_problems(season: Season, pin, w: str) -> list[str]:
    from planner.rehab import governing

    inj = governing(season.injuries_of(pin.athlete), pin.date) or season.injury_of(pin.athlete)
    if inj is None:
        return [f"{w}: {season.athlete_label(pin.athlete)} has no injury; a stage start can "
                f"only be pinned for an injured athlete"]
    if inj.protocol not in available_protocols():
        return []
    proto = load_protocol(inj.protocol)
    if pin.stage != FIT and pin.stage not in proto.stage_ids:
        return [f"{w}.stage: {pin.stage} is not a stage of {proto.id}"]
    return []


SPEED_AGREE_POINTS = 5  # % of max speed by which a session's two top speeds may differ


def speeds_disagree(athlete, pct: float | None, ms: float | None) -> float | None:
    """A session's top speed in m/s as % of ``athlete``'s max speed, when it differs from its top
    speed in % by more than ``SPEED_AGREE_POINTS`` (None: they agree, or one cannot be read). The
    % alone would count (``planner.history.top_speed_pct``): a GPS unit's % of its own top speed
    is not the season's."""
    if pct is None or ms is None or athlete is None or not athlete.max_speed:
        return None
    said = 100.0 * ms / athlete.max_speed
    return said if abs(said - pct) > SPEED_AGREE_POINTS else None


# -- what a season may hold that a coach should hear of ------------------------------------------
def competitions_on(season: Season, day: dt.date) -> list[Competition]:
    """The competitions played on ``day`` (a several-day one on each of its days)."""
    return [c for c in season.competitions if c.date <= day <= c.last]


def day_off_words(day: dt.date, comps: list[Competition], reason: str = "") -> str | None:
    """What a declared day off (``reason``) on the day of ``comps`` means (None without one):
    the match is still played; the day off takes the day's training away (docs/semantics.md)."""
    if not comps:
        return None
    names = join_and([f"'{c.name}' ({c.priority})" for c in comps])
    played = "the match is" if len(comps) == 1 else "the matches are"
    why = f" ({reason})" if reason else ""
    return (f"{day_long(day)} is the day of {names}: {played} still played; the day off{why} "
            f"only takes the day's training away (a player not in the match rests)")


DAY_OFF_FIX = "if the match is off, delete the competition"


def shared_day_notes(season: Season, rows=None) -> list[str]:
    """Each day two or more competitions are started on, once, located at the last of them (in
    the list): two matches started on one day, which a season may hold (a cup tie on a league
    day, a tournament's matches) and a workbook typed by hand rarely means (a Derby typed on a
    league Saturday); the solve then reads the day as a congested start. A several-day
    competition is said at the first day it shares. The days of ``MANY_MATCHES`` matches or more
    (a tournament's) are one note when there are several, at the first of them, with where
    their minutes come from said once (sixteen sevens days were sixteen notes of 600
    characters). ``rows``: a competition's index -> its row on a sheet, said with the matches
    (the coach workbook). The Competitions editor's weekly series leaves such a day out and
    names it, and adding or moving one onto it says "the same day as"."""
    days: dict[dt.date, tuple[int, list[int]]] = {}  # day -> (last index, every index in order)
    overlaps = _Overlaps(season.competitions)
    for j, c in enumerate(season.competitions):
        clash = overlaps.before(j)
        if not clash:
            continue
        day = max(c.date, min(season.competitions[i].date for i in clash))  # the first day they share
        seen = days.get(day, (j, []))[1]
        days[day] = (j, seen + [i for i in [*clash, j] if i not in seen])
    # by date: the competitions are in the sheet's row order, and "the last" was the last typed
    many = sorted(((d, j, g) for d, (j, g) in days.items() if len(g) >= MANY_MATCHES),
                  key=lambda x: x[0])
    out = []
    for day, (j, group) in days.items():
        if len(many) > 1 and len(group) >= MANY_MATCHES:
            if day == many[0][0]:
                out.append(_many_days_note(season, many, rows))
            continue
        names = join_and([f"'{season.competitions[i].name}' ({season.competitions[i].priority})"
                          for i in group])
        hint = f"; {match_minutes_hint(season)}" if len(group) >= MANY_MATCHES else ""
        out.append(f"competitions[{j}].date ({season.competitions[j].name}): {day_long(day)}: "
                   f"{len(group)} matches, {names}{_rows_words(group, rows)}, are started on one "
                   f"day, which the solve names a congested start; {_MOVE_ONE}{hint}")
    return out


class _Overlaps:
    """The competitions before one in the list that share a day with it, found by date, not by
    comparing each with every one before (10,000 rows took minutes): those of at most a week by
    their start, within a week of it; longer ones (refused at entry, rare in a file) each."""

    def __init__(self, comps):
        self.comps = comps
        short = [i for i, c in enumerate(comps) if (c.last - c.date).days < MAX_EVENT_DAYS]
        self.long = [i for i, c in enumerate(comps) if (c.last - c.date).days >= MAX_EVENT_DAYS]
        self.order = sorted(short, key=lambda i: comps[i].date)
        self.starts = [comps[i].date for i in self.order]

    def before(self, j: int) -> list[int]:
        c = self.comps[j]
        back = min(MAX_EVENT_DAYS, (c.date - dt.date.min).days)
        lo = bisect_left(self.starts, c.date - dt.timedelta(days=back))
        hi = bisect_right(self.starts, c.last)
        near = [i for i in self.order[lo:hi] if i < j] + [i for i in self.long if i < j]
        return sorted(i for i in near if self.comps[i].date <= c.last and c.date <= self.comps[i].last)


_MOVE_ONE = ("if one is played on another day, move it (its Date here, or Season ▸ Competitions "
             "after the import)")
MANY_MATCHES = 3  # matches on one day from which their minutes in the load table are hinted at
DAYS_NAMED = 3  # tournament days named in their one note, the rest counted


def _many_days_note(season: Season, many: list, rows) -> str:
    """The one note of several days of ``MANY_MATCHES`` matches or more (``many``, by date): their
    count, the first ``DAYS_NAMED`` and the last with their rows, the fix and where their minutes
    come from; located at the earliest day's competition."""
    said = [f"{day_long(d)}{_rows_words(g, rows)}" for d, _j, g in many]
    if len(said) > DAYS_NAMED + 1:
        said = [*said[:DAYS_NAMED], f"{len(said) - DAYS_NAMED - 1} more", f"the last {said[-1]}"]
    _d, j, _g = many[0]
    return (f"competitions[{j}].date ({season.competitions[j].name}): {len(many)} days each "
            f"hold {MANY_MATCHES} matches or more started, which the solve names congested "
            f"starts: {join_and(said)}; {_MOVE_ONE}; {match_minutes_hint(season)}")


def match_minutes_hint(season: Season) -> str:
    """Where a day of ``MANY_MATCHES`` matches or more counts its load from (a sevens
    tournament's day read as three football matches, 285 min, and a bench player's as three
    30-minute stints): LD-1's load table, started and from the bench, with the way to change
    both, named as the Rules panel and the workbook's Rules sheet name them."""
    rules = RuleSet(season.rules)
    start, bench = (f'"{RULES["LD-1"].param(n).row_text}"' for n in ("minutes_start", "minutes_bench"))
    minutes, rpe = rules.value("LD-1", "minutes_start"), rules.value("LD-1", "rpe_start")
    b_minutes, b_rpe = rules.value("LD-1", "minutes_bench"), rules.value("LD-1", "rpe_bench")
    return (f"each match started counts {minutes:g} min at RPE {rpe:g} in the planned load, and "
            f"each from the bench {b_minutes:g} min at RPE {b_rpe:g}, settings of LD-1's load "
            f"table: for shorter matches set LD-1's {start} and {bench} (Rules panel, or "
            f"periodize record FILE --rule LD-1.minutes_start=MINUTES --rule "
            f"LD-1.minutes_bench=MINUTES --save; README, \"Another sport\")")


def _rows_words(indexes: list[int], rows) -> str:
    """`` (rows 14–16)`` (or ``(rows 3, 5 and 9)``) of the competitions at ``indexes`` (``rows``:
    index -> row; empty without)."""
    if rows is None:
        return ""
    got = sorted(rows(i) for i in indexes)
    if got == list(range(got[0], got[0] + len(got))):
        return f" (rows {got[0]}–{got[-1]})"
    return f" (rows {join_and([str(r) for r in got])})"


def late_onset_words(season: Season, inj: Injury) -> str | None:
    """Why an injury whose onset is after the season's end cannot be meant (None otherwise)."""
    end = season.calendar.end
    if inj.onset <= end:
        return None
    return (f"{day_long(inj.onset)} is after the season ends ({day_long(end)}), so the "
            f"injury does not count and {season.athlete_label(inj.athlete)} is planned fit all "
            f"season; check the year of the onset (Season ▸ Injuries, Onset)")


def early_target(season: Season, inj: Injury) -> Competition | None:
    """The injury's target competition when it is over before the onset (it cannot be the
    target: the Injuries editor greys such a competition out, the coach workbook refuses it)."""
    c = season.competition(inj.target_competition) if inj.target_competition else None
    return c if c is not None and c.last < inj.onset else None


def early_target_words(season: Season, c: Competition, inj: Injury) -> str:
    return (f"{season.athlete_label(inj.athlete)}'s target {c.name!r} is on "
            f"{day_long(c.last)}, before the onset {day_long(inj.onset)}; "
            f"a target competition comes after the injury: check the year of the onset, or "
            f"choose a later target (Season ▸ Injuries, Target)")


def season_notes(season: Season) -> list[str]:
    """What a season may hold but a coach reading it in should hear of, each located: a
    competition on a declared day off (still played), an injury after the season's end (it does
    not count), a competition longer than a week (entering one is refused), a session logged
    or a criteria result dated after today (not read yet). A season file or workbook holding one
    still reads."""
    out: list[str] = unplannable_problems(season)
    for i, d in enumerate(season.calendar.non_training_days):
        if (words := day_off_words(d.date, competitions_on(season, d.date), d.reason)) is not None:
            out.append(f"calendar.non_training_days[{i}].date: {words}; {DAY_OFF_FIX}")
    for i, inj in enumerate(season.injuries):
        if (words := late_onset_words(season, inj)) is not None:
            out.append(f"injuries[{i}].onset: {words}")
    return out + long_event_problems(season) + today_notes(season)



SHARED_SHOWN = 6  # the IDs a shared name's note lists; the rest counted


def shared_name_notes(season: Season) -> list[str]:
    """A name several athletes hold (case and spacing aside), one note each at the second of
    them, naming their IDs: the board, handouts and exports show them alike, and a session log
    that names them is refused ("two athletes share that name; use the ID"). Names are no keys
    (IDs are), so the season still reads. A season file's (the coach workbook says it by row)."""
    from planner.text import name_key

    held: dict[str, list[int]] = {}
    for i, a in enumerate(season.athletes):
        held.setdefault(name_key(a.name), []).append(i)
    out = []
    for rows in held.values():
        if len(rows) < 2:
            continue
        ids = [season.athletes[i].id for i in rows]
        more = len(ids) - SHARED_SHOWN
        said = join_and(ids[:SHARED_SHOWN] + ([f"{more} more"] if more > 0 else []))
        first = season.athletes[rows[0]].name
        out.append(f"athletes[{rows[1]}].name: {len(ids)} athletes are named '{first}' ({said}); "
                   f"the board, handouts and exports cannot tell them apart, and a session log "
                   f"must name them by ID: give each their own name (Season ▸ Squad)")
    return out


def without_early_targets(season: Season, notes: list[str] | None = None) -> Season:
    """``season`` with each target competition over before its injury's onset ignored (a file
    written before such a target was refused: refusing it would lock the coach out of the
    season), each said in ``notes``."""
    injuries = []
    for i, inj in enumerate(season.injuries):
        c = early_target(season, inj)
        if c is not None:
            inj = inj.model_copy(update={"target_competition": None})
            if notes is not None:
                notes.append(f"injuries[{i}].target_competition: {early_target_words(season, c, inj)}; "
                             f"the target is ignored")
        injuries.append(inj)
    kept = tuple(injuries)
    return season if kept == season.injuries else season.model_copy(update={"injuries": kept})


def _injury_date_problems(season: Season) -> dict[tuple, str]:
    """An onset after the season's end, a target over before the onset: by what they are about
    (the athlete, onset and target), so an edit is refused only for those it brings."""
    out: dict[tuple, str] = {}
    for i, inj in enumerate(season.injuries):
        if (words := late_onset_words(season, inj)) is not None:
            out[("onset", inj.athlete, inj.onset)] = f"injuries[{i}].onset: {words}"
        if (c := early_target(season, inj)) is not None:
            out[("target", inj.athlete, inj.onset, c.id, c.last)] = (
                f"injuries[{i}].target_competition: {early_target_words(season, c, inj)}")
    return out


def not_yet_problem(season: Season, day: dt.date, done: str) -> str | None:
    """Why what is dated ``day`` cannot go into the season itself yet: it lies after the
    planning start (``today``, or the season start while no today is set or today is before it),
    so it has not happened. ``done``: when such a thing is recorded ("a flare-up is recorded once
    it happened"). None: it may be recorded."""
    if day <= planning_start(season):
        return None
    return f"{date_long(day)} is after {now_words(season)}: {done}"


def test_not_yet(season: Season, day: dt.date) -> str | None:
    """Why a criteria result taken on ``day`` cannot be recorded yet (``not_yet_problem``): the
    Injuries editor, the workbook and ``record --test`` say it alike."""
    return not_yet_problem(season, day, "a test result is recorded once it was taken")


def now_words(season: Season, when=date_long) -> str:
    """The first day of the plan as a date history may not pass, said after "is after" or "is
    before": ``today (18 Jan 2027)``, or the season start (without a today in it the season has
    not started): ``the season start (4 Jan 2027; no today is set)``. ``when`` writes the dates
    (``dt.date.isoformat`` beside an ISO date)."""
    p_start, today = planning_start(season), season.calendar.today
    if today and today >= season.calendar.start:
        return f"today ({when(p_start)})"
    why = "no today is set" if not today else f"today, {when(today)}, is before it"
    return f"the season start ({when(p_start)}; {why})"


def today_notes(season: Season) -> list[str]:
    """The notes of :func:`season_notes` that depend on today (a session logged after it): a
    command that moves today says them for the new today, not for the one the file was read
    with (``advance`` said, after moving today past the session, to move today on)."""
    return _future_session_note(season) + _future_test_notes(season)


def _future_test_notes(season: Season) -> list[str]:
    """Criteria results dated after today (a hand edit of the season file, or today moved back
    over them), one note each: a file holding one still opens (entering one is refused,
    :func:`entry_problems`), but RH-CRIT and the returns read a result once it was taken, so it
    is not read until today passes it. A physio's failing test typed into the file ahead of
    today was kept and dropped without a word (review 268, F4)."""
    from planner.units import measure

    p_start = planning_start(season)
    now = now_words(season, dt.date.isoformat)
    out = []
    for i, inj in enumerate(season.injuries):
        for j, t in enumerate(inj.tests):
            if t.date > p_start:
                out.append(f"injuries[{i}].tests[{j}].date: {season.athlete_label(inj.athlete)}'s "
                           f"{t.name} result ({measure(t.value, t.unit or '')}) of "
                           f"{t.date.isoformat()} is after {now}; a test result counts once it "
                           f"was taken, so it is not read until today passes it: correct the "
                           f"date, or move today on (periodize advance)")
    return out


def _future_session_note(season: Season) -> list[str]:
    """Logged sessions dated after today (a hand edit, or today moved back over them): kept,
    and counted once today passes them, but left out of the load until then; one note, at the
    first of them."""
    p_start = planning_start(season)
    later = [(k, s) for k, s in enumerate(season.sessions) if s.date > p_start]
    if not later:
        return []
    k, first = later[0]
    n = len(later) - 1
    more = (f", as {'is' if n == 1 else 'are'} {plural(n, 'more session')} after today (the "
            f"last on {max(s.date for _, s in later).isoformat()})" if n else "")
    now = now_words(season, dt.date.isoformat)
    return [f"sessions[{k}].date: {first.date.isoformat()} is after {now}; a "
            f"session counts in the load once it happened, so it is left out until today passes "
            f"it{more}: correct the date, or move today on (periodize advance)"]


# why a session dated after today is refused where it is entered (the workbook folds such rows)
SESSION_NOT_YET = "log a session once it happened, or move today on (periodize advance)"


def entry_problems(before: Season, after: Season) -> list[str]:
    """What may not be ENTERED though a document may hold it: a criteria result or a logged
    session dated after today (history is recorded after it happened), a test value off its
    scale, a session's two top speeds that disagree, an injury's onset after the season's end
    or its target competition over before the onset, a competition longer than a week (a file
    holding one opens with a note, :func:`season_notes`). Only the new ones count, so a file saved
    before a check was added still opens, and moving today back never makes a season invalid.
    Dates as long dates (``sessions[3].date: 20 Jan 2027 is after today (18 Jan 2027)``), as the
    workbook reads them once the path is its sheet, row and column."""
    p_start = planning_start(after)
    now = now_words(after)
    out: list[str] = []
    old_tests = {(i.athlete, i.onset, t) for i in before.injuries for t in i.tests}
    for i, inj in enumerate(after.injuries):
        for j, t in enumerate(inj.tests):
            if (inj.athlete, inj.onset, t) in old_tests:
                continue
            if (later := test_not_yet(after, t.date)) is not None:
                out.append(f"injuries[{i}].tests[{j}].date: {later}; set today to the test "
                           f"date or later first")
            if (problem := _test_value_problem(inj, t)) is not None \
                    and _test_range_problem(inj, t) is None:  # that one: season_problems
                out.append(f"injuries[{i}].tests[{j}].value: {problem}")
    old_sessions = set(before.sessions)
    for k, ses in enumerate(after.sessions):
        if ses.date > p_start and ses not in old_sessions:
            out.append(f"sessions[{k}].date: {date_long(ses.date)} is after {now}; "
                       f"{SESSION_NOT_YET}")
        a = after.athlete(ses.athlete)
        said = speeds_disagree(a, ses.top_speed_pct, ses.top_speed_ms) if ses not in old_sessions else None
        if said is not None:
            out.append(f"sessions[{k}].top_speed_pct: {ses.top_speed_pct:g} % disagrees with the top "
                       f"speed of {ses.top_speed_ms:g} m/s ({said:.0f} % of "
                       f"{after.athlete_label(a.id)}'s max speed, {a.max_speed:g} m/s); correct one "
                       f"of them, or give only one")
    known = _injury_date_problems(before)
    out += [p for key, p in _injury_date_problems(after).items() if key not in known]
    if before.calendar.training_days and not after.calendar.training_days:
        out.append(NO_WEEKDAY_PROBLEM)
    out += long_event_problems(after, before)
    return out


def export_problems(season: Season, plan) -> list[str]:
    """Why ``plan`` cannot be exported for ``season`` (its shape, :func:`plan_problems`, and a
    planned rehab stage that is no stage of the injury record governing that day: an injury
    entered after the solve with another protocol). Such a plan opens and is checked, but its
    days cannot be worded; the last problem says to solve again."""
    problems = plan_problems(season, plan) or plan_stage_problems(season, plan)
    if problems:
        problems[-1] += " (the plan no longer fits the season: solve again, then export)"
    return problems


def plan_stage_problems(season: Season, plan) -> list[str]:
    """A planned rehab stage that is no stage of the injury record governing its day, one per
    athlete (the plan's days must match the season's)."""
    from planner.protocols import protocol_name
    from planner.rehab import governing
    from planner.text import day_long

    tl = Timeline(season)
    out: list[str] = []
    for ap in plan.athletes:
        records = season.injuries_of(ap.athlete)
        for i, stage in enumerate(ap.stages if records else ()):
            rec = governing(records, tl.days[i]) if stage not in (FIT, "INJ") else None
            if rec is not None and rec.protocol in available_protocols() and \
                    stage not in load_protocol(rec.protocol).stage_ids:
                out.append(f"{season.athlete_label(ap.athlete)} is in {stage} on "
                           f"{day_long(tl.days[i])} in the plan, which is no stage of the injury "
                           f"recorded since {day_long(rec.onset)} ({protocol_name(rec.protocol)})")
                break
    return out


def plan_problems(season: Season, plan=None, where: str = "plan") -> list[str]:
    """Shape checks of a plan against the season (not the rules: that is planner.check)."""
    plan = plan if plan is not None else season.plan
    if plan is None:
        return []
    tl = Timeline(season)
    out: list[str] = []
    # a season file's plan with such a problem is left out when it is read (planner.seasonfile)
    fix = "made before the squad or the dates changed: solve again"
    if len(plan.team_weeks) != len(tl.weeks):
        out.append(f"{where}.team_weeks: has {len(plan.team_weeks)} weeks, the season has "
                   f"{len(tl.weeks)}; {fix}")
    ids = {a.id for a in season.athletes}
    planned = [ap.athlete for ap in plan.athletes]
    if set(planned) != ids or len(planned) != len(ids):
        missing = sorted(ids - set(planned))
        extra = sorted(set(planned) - ids)
        said = [f"{', '.join(missing)} {'has' if len(missing) == 1 else 'have'} none"] if missing else []
        said += [f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not in the squad"] if extra else []
        out.append(f"{where}.athletes: does not fit the squad ({', '.join(said) or 'an athlete planned twice'}); "
                   f"{fix}")
    for i, ap in enumerate(plan.athletes):
        for name, seq, n in (("stages", ap.stages, tl.n), ("intensity", ap.intensity, tl.n),
                             ("weeks", ap.weeks, len(tl.weeks))):
            if len(seq) != n:
                out.append(f"{where}.athletes[{i}].{name}: has {len(seq)} entries, expected {n}; {fix}")
        bad = [(d, v) for d, v in enumerate(ap.intensity) if v not in LEVELS]
        if bad:
            d, v = bad[0]
            on = f" ({tl.days[d].isoformat()})" if d < tl.n else ""
            out.append(f"{where}.athletes[{i}].intensity[{d}]{on}: {v} is not an intensity level; "
                       f"use one of {', '.join(str(x) for x in LEVELS)}")
        for day, v in ap.planned.items():
            if not (tl.start <= day < tl.days[tl.p0] if tl.p0 < tl.n else tl.start <= day <= tl.end):
                out.append(f"{where}.athletes[{i}].planned: {day.isoformat()} is not a day before "
                           f"today; {fix}")
                break
            if v not in LEVELS:
                out.append(f"{where}.athletes[{i}].planned: {v} is not an intensity level; {fix}")
                break
        for day in ap.planned_stages:
            if not (tl.start <= day < tl.days[tl.p0] if tl.p0 < tl.n else tl.start <= day <= tl.end):
                out.append(f"{where}.athletes[{i}].planned_stages: {day.isoformat()} is not a day "
                           f"before today; {fix}")
                break
    return out


def check_season(season: Season, source: str = "") -> Season:
    problems = season_problems(season)
    if problems:
        raise InputError(source, problems)
    return season
