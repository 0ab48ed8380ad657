"""The next season from this one (File ▸ New, "Next season after …"; ``periodize next-season``).

What a coach carries over a summer or a winter break, and what stays in the old file:

- **Carried:** the squad (IDs, names, positions, default match roles, max speeds), the rule
  settings, the training weekdays, every injury still open the day before the new season starts
  (its stage records, flare-ups, tests and notes; no target, as the old competitions are gone),
  the absences that run into the new season (cut to it), and the sessions logged in the four
  weeks before the new start (the chronic load of the first weeks reads them, rules-spec
  section 7: the season file holds that window and no more).
- **Left in the old file:** the competitions, match roles, blocks, non-training days, the
  absences dated in it, pins, scenarios and the plan, injuries back to full training by then,
  older sessions, and the players who left the squad.

Where the old file's today had not reached its end, what its plan had an injured player do after
today (a stage moved on, back to full training) is said, never recorded: the injury is carried
as recorded, and a physio records what he finds at pre-season. A carried stage
that would have outlasted its protocol's maximum by the new start (a player in S3 since May,
the new season in July), or would be left too few days to its maximum for its exit work (the rest
of its minimum, or its days at the cap with 48 h between them), restarts on the new season's first day: he is assessed at pre-season,
and the coach records the stage he is in (the note says so). After a break of three weeks or
more, the first weeks are planned as load weeks like any other: the note says so, and how to pin
the first one as the team's deload. Every choice is said in
:attr:`NextSeason.notes`, a line each, in the CLI and the app alike.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planner.errors import InputError
from planner.leastreturn import out_of_time
from planner.protocols import available_protocols, load_protocol
from planner.rehab import governing, segments
from planner.rules import RULES, RuleSet
from planner.season import (
    FIT,
    LONGEST_SEASON_DAYS,
    SPEED_DAY,
    Calendar,
    Injury,
    Season,
    StageRecord,
    planning_start,
)
from planner.squad import is_absence, joined_on, left_on
from planner.text import day_long, join_and, plural, week_of, weekdays_words
from planner.validate import PRE_SEASON_LOG_DAYS

LONG_BREAK_DAYS = 21  # a break this long or longer: the first weeks' note (_break_note)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class NextSeason:
    season: Season
    notes: list[str] = field(default_factory=list)  # what was carried and left, a line each


def proposed_dates(old: Season) -> tuple[dt.date, dt.date]:
    """The new season's first and last day as proposed: the old one's 52 weeks on (the same
    weekdays, the same off-season: 3 Aug 2026 - 9 May 2027 gives 2 Aug 2027 - 7 May 2028);
    for a season longer than that, from the first week start after it ends, as many weeks."""
    cal = old.calendar
    year = dt.timedelta(weeks=52)
    if cal.start + year > cal.end:
        return cal.start + year, cal.end + year
    first = WEEKDAYS.index(cal.week_start)
    start = cal.end + dt.timedelta(days=1)
    start += dt.timedelta(days=(first - start.weekday()) % 7)
    weeks = -(-((cal.end - cal.start).days + 1) // 7)
    return start, start + dt.timedelta(days=7 * weeks - 1)


def proposed_name(old: Season, start: dt.date) -> str:
    """The old name with its years moved on as far as the start moved ("Riverside FC 2026/27"
    -> "Riverside FC 2027/28"), or "NAME (next season)" when it names no year of the season
    (a year far from it, "FC 2000 Academy", is no season's year)."""
    years = round((start - old.calendar.start).days / 365.25)
    if not years:
        years = 1 if start.year > old.calendar.start.year else 0
    near = range(old.calendar.start.year - 1, old.calendar.end.year + 2)
    name, n = re.subn(r"(?<!\d)(?:19|20)\d\d(?!\d)",
                      lambda m: str(int(m[0]) + years) if int(m[0]) in near else m[0], old.name)
    moved = name != old.name
    name = re.sub(r"(?<=\d{4}[/–-])(\d\d)(?!\d)", lambda m: f"{(int(m[0]) + years) % 100:02d}",
                  name) if moved else name
    if not moved or not years:
        name = f"{old.name} (next season)"
    return name[:200]


def _dates_problems(old: Season, start: dt.date, end: dt.date) -> list[str]:
    out = []
    if start <= old.calendar.end:
        out.append(f"starts on {day_long(start)}, before the last one ends "
                   f"({day_long(old.calendar.end)}); start it on "
                   f"{day_long(old.calendar.end + dt.timedelta(days=1))} or later")
    if end < start:
        out.append(f"ends ({day_long(end)}) before it starts "
                   f"({day_long(start)}); give an end after the start")
    elif (end - start).days > LONGEST_SEASON_DAYS:
        out.append("spans more than two years; a season spans at most two: give an earlier end")
    return out


def next_season(old: Season, start: dt.date | None = None, end: dt.date | None = None,
                name: str | None = None, file: str = "FILE",
                training_days: tuple[str, ...] | None = None) -> NextSeason:
    """The season after ``old``, from ``start`` to ``end`` (default :func:`proposed_dates`),
    named ``name`` (default :func:`proposed_name`); InputError when the dates do not follow it.
    ``file``: the new season's file as a command names it (the first weeks' note).
    ``training_days``: the new season's training weekdays when chosen (File ▸ New's ticks;
    default: the old season's)."""
    first, last = proposed_dates(old)
    start = start or first
    end = end or (last if start == first else start + (last - first))
    if problems := _dates_problems(old, start, end):
        raise InputError("the next season", problems)
    notes: list[str] = []
    gone = {a.id: d for a in old.athletes if (d := left_on(old, a.id)) is not None}
    squad = tuple(a for a in old.athletes if a.id not in gone)
    kept = {a.id for a in squad}
    injuries = _open_injuries(old, kept, start, notes)
    earliest = start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    sessions = tuple(s for s in old.sessions if s.athlete in kept and s.date >= earliest)
    away = _absences(old, kept, start, end)
    season = Season(
        name=(name or proposed_name(old, start)).strip()[:200],
        calendar=Calendar(start=start, end=end, week_start=old.calendar.week_start,
                          training_days=training_days or old.calendar.training_days),
        athletes=squad, injuries=injuries, rules=old.rules, sessions=sessions,
        unavailability=away)
    notes[:0] = _not_over(old) + _squad_notes(old, squad, gone) + _settings_note(
        old, season.calendar.training_days)
    if away:
        notes.append("Absences carried, as they run into the new season: " + ", ".join(
            f"{old.athlete_label(u.athlete)} {day_long(u.start)} to {day_long(u.end)}"
            + (f" ({u.reason})" if u.reason else "") for u in away))
    notes.append(_sessions_note(old, sessions, earliest, start, season))
    notes += _break_note(old, start, file)
    notes.append(_left_note(old, len(away)))
    return NextSeason(season, notes)


def _not_over(old: Season) -> list[str]:
    """A line when the last season's file has not reached its end: what happens after its
    today is read from its plan, not from what happened."""
    cal = old.calendar
    if cal.today is not None and cal.today >= cal.end:
        return []
    when = f"its today is {day_long(cal.today)}" if cal.today else "its today was never moved"
    return [f"The last season is not over in its file ({when}; it ends {day_long(cal.end)}): "
            f"what comes after its today is read from its plan, not from what happened; move its "
            f"today on and record the rehab first (Move Today, or periodize advance --accept) "
            f"for a next season from what happened"]


def _settings_note(old: Season, training_days: tuple[str, ...]) -> list[str]:
    """A line naming the rule settings carried that differ from the defaults (a longer HV-1
    window set for a congested run went into the next season unseen), and the training weekdays
    when they are not the default's: ``Rule settings carried: HV-1 window length: 9 days
    (default 8), DL-2 load weeks in a row before a deload: 4 weeks (default 3)``; none when
    both are the defaults."""
    rules = RuleSet(old.rules)
    said = []
    for rid, rule in RULES.items():
        for p in rule.params:
            if p.name not in old.rules.values.get(rid, {}):
                continue
            if p.text is not None:
                now, was = rules.texts(rid, p.name), tuple(p.text)
                if now != was:
                    said.append(f"{rid} {p.label}: {', '.join(now) or 'none'} (default "
                                f"{p.default_text})")
                continue
            now = rules.value(rid, p.name)
            if now == (int(p.default) if p.integer else p.default):
                continue
            unit = "" if p.unit == "on/off" else " " + (
                p.unit[:-1] if now == 1 and p.unit.endswith("s") and "/" not in p.unit else p.unit)
            colon = "" if ":" in p.label else ":"
            said.append(f"{rid} {p.label}{colon} {p.value_text(now)}{unit} (default "
                        f"{p.value_text(p.default)})")
    said += [f"{rid} {'switched off' if rules.mode(rid) == 'off' else 'made hard'} (a soft rule "
             f"by default)" for rid in RULES if rid in old.rules.modes and rules.mode(rid) != "soft"
             and not RULES[rid].hard]
    default_days = Calendar.model_fields["training_days"].default
    days = None
    if set(training_days) != set(default_days):
        how = "carried" if set(training_days) == set(old.calendar.training_days) else "as chosen"
        usual = ("Monday to Saturday" if tuple(default_days) == WEEKDAYS[:6]
                 else weekdays_words(default_days))
        days = f"training weekdays {how}: {weekdays_words(training_days)} (default {usual})"
    if said:
        return ["Rule settings carried: " + ", ".join(said) + (f"; {days}" if days else "")]
    return [days[:1].upper() + days[1:]] if days else []


def _absences(old: Season, kept: set[str], start: dt.date, end: dt.date) -> tuple:
    """The absences of the athletes carried that run into the new season, cut to it (a loan
    to July: planned to train from the first day otherwise)."""
    return tuple(u.model_copy(update={"start": max(u.start, start), "end": min(u.end, end)})
                 for u in old.unavailability
                 if u.athlete in kept and is_absence(u) and u.end >= start and u.start <= end)


def _squad_notes(old: Season, squad: tuple, gone: dict[str, dt.date]) -> list[str]:
    speeds = sum(1 for a in squad if a.max_speed)
    out = [f"Squad: {plural(len(squad), 'athlete')} carried with their positions, default match "
           f"roles and max speeds ({speeds} of {len(squad)} measured)"]
    if gone:
        names = ", ".join(f"{old.athlete_label(i)} on {day_long(d)}" for i, d in gone.items())
        out.append(f"Not carried, as they left the squad: {names}")
    signed = [a for a in squad if joined_on(old, a.id)]
    if signed:
        out.append(f"With the squad from the first day: {', '.join(a.name for a in signed)}, "
                   f"who joined during the last season")
    return out


def _open_injuries(old: Season, kept: set[str], start: dt.date, notes: list[str]) -> tuple:
    """The injuries still open the day before ``start`` as recorded (the governing record of
    each athlete carried), without a target. What the stored plan had him do after the old
    today (days not reached there: a stage moved on, back to full training) is said, never
    recorded: a plan is not a physio's word. A stage held past its maximum by ``start`` is
    recorded again on it (he is assessed at pre-season)."""
    eve = start - dt.timedelta(days=1)
    out: list[Injury] = []
    said: list[str] = []
    for athlete in sorted(kept):
        records = sorted((i for i in old.injuries if i.athlete == athlete), key=lambda i: i.onset)
        inj = governing(records, eve)
        if inj is None:
            continue
        if inj.protocol not in available_protocols():
            out.append(inj.model_copy(update={"target_competition": None}))
            continue
        proto = load_protocol(inj.protocol)
        segs = segments(inj, proto, until=eve)
        if segs and segs[-1].stage == FIT:
            continue  # recorded back to full training: closed
        said += _planned_words(old, athlete, segs[-1] if segs else None)
        out.append(_carried(old, inj, proto, start, said))
    closed = sum(1 for i in old.injuries if i.athlete in kept) - len(out)
    lines = [f"Rehab carried: {plural(len(out), 'injury', 'injuries')} still open as recorded ("
             f"{', '.join(old.athlete_label(i.athlete) for i in out)}), with their stage records, "
             f"flare-ups and tests and no target competition (pick one of the new season's)"
             if out else "Rehab carried: none, no injury is still open"]
    if closed:
        lines.append(f"Left in the old file: {plural(closed, 'injury record')} closed before the "
                     f"new season (recorded back to full training, or followed by a later injury)")
    notes[:0] = lines + said
    return tuple(out)


def _planned_words(old: Season, athlete: str, seg) -> list[str]:
    """What the stored plan had ``athlete`` do after the old today that the records do not say
    (a stage moved on, back to full training): a line, or none."""
    runs = _projected(old, athlete, seg)
    if not runs:
        return []
    who = old.athlete_label(athlete)
    held = f"in {seg.stage} as recorded" if seg is not None else "as recorded"
    if runs[-1][0] == FIT:
        return [f"{who}: the plan had them back to full training from {day_long(runs[-1][1])}, "
                f"after the last season's today (not recorded there: a plan, not a physio's "
                f"word): carried {held}; record FIT once the physio clears them (Season ▸ "
                f"Injuries, Record stage; or periodize record --stage)"]
    planned = join_and([f"{st} from {day_long(d)}" for st, d in runs])
    return [f"{who}: the plan had them in {planned}, after the last season's today (not recorded "
            f"there): carried {held}; record the stage the physio finds at pre-season"]


def _projected(old: Season, athlete: str, seg) -> list[tuple[str, dt.date]]:
    """The stage runs the stored plan gives ``athlete`` from the old today (the first day not
    reached) to the old season's last day, as (stage, first day), when they move him on from
    the recorded stage ``seg``; [] when the record says it all."""
    plan, cal = old.plan, old.calendar
    ap = next((a for a in plan.athletes if a.athlete == athlete), None) if plan else None
    days = (cal.end - cal.start).days + 1
    first = (planning_start(old) - cal.start).days
    if ap is None or len(ap.stages) != days or first >= days or "INJ" in ap.stages[first:]:
        return []
    runs: list[tuple[str, dt.date]] = []
    for k in range(first, days):
        if not runs or runs[-1][0] != ap.stages[k]:
            runs.append((ap.stages[k], cal.start + dt.timedelta(days=k)))
    if seg is not None and runs and runs[0][0] == seg.stage:
        runs = runs[1:]  # the recorded stage goes on: its recorded start stands
    return runs


def _carried(old: Season, inj: Injury, proto, start: dt.date, notes: list[str]) -> Injury:
    """``inj`` for the new season: no target, and the stage held on ``start`` recorded again
    then when it would have lasted past its maximum (a season cannot start with a stage
    outlasted): a restart whose sprint-ladder credit (RH-11) the note says."""
    inj = inj.model_copy(update={"target_competition": None})
    segs = segments(inj, proto, until=start)
    if not segs or segs[-1].stage == FIT:
        return inj
    seg = segs[-1]
    # outlasted, or so nearly that its exit work cannot fit the days left (a P2 carried with 2
    # of its 42 days left gave the new season no plan); room left: carried as it is
    late = out_of_time(proto.stage(seg.stage), seg, inj.flare_ups, start)
    if late is None:
        return inj
    # a stage without a speed day (P1, a P2 at 70 %) is re-tested before it ends, and holds
    # no running day to pin lower (the import's words: ``planner.progress.StageOutOfTime``)
    speed = proto.cap(seg.stage) >= SPEED_DAY
    retest = "their first speed day" if speed else f"{seg.stage} ends"
    notes.append(f"{late.words(old.athlete_label(inj.athlete), 'the new start')}, so "
                 f"{late.restart_words(proto.previous_cap(seg.stage))}: after the break, "
                 f"re-test them before {retest} and record the stage the physio finds "
                 f"(Season ▸ Injuries, Record stage)"
                 + (", or pin their first running days lower" if speed else ""))
    return inj.model_copy(update={"stages": inj.stages + (StageRecord(stage=seg.stage,
                                                                      start=start),)})


def _sessions_note(old: Season, sessions: tuple, earliest: dt.date, start: dt.date,
                   new: Season) -> str:
    """What the load history carried does. The load figures read logged weeks before the season
    only as an unbroken run up to its start (``planner.loadtable.series_origin``): the note said
    the first weeks' ACWR read the sessions carried when a break with nothing logged stood
    between them and the new start, and the figures read "—" to the fifth week."""
    from planner.history import logged_days
    from planner.loadtable import series_origin
    from planner.timeline import Timeline

    older = len(old.sessions) - len(sessions)  # before the window, or of a player who left
    if not sessions:
        return (f"Load history: nothing logged in the four weeks before {day_long(start)} (from "
                f"{day_long(earliest)}), so the chronic load starts again: ACWR reads from the "
                f"fifth week; {older:,} logged sessions left in the old file")
    carried = f"Load history: {plural(len(sessions), 'logged session')} of the four weeks before " \
              f"{day_long(start)} carried (from {day_long(earliest)})"
    tl = Timeline(new)
    who = sorted({x.athlete for x in sessions})
    read = [a for a in who if series_origin(new, logged_days(new, a), tl) < tl.start]
    if len(read) == len(who):
        return f"{carried}, so the first weeks' chronic load and ACWR read them; the other " \
               f"{older:,} stay in the old file"
    if read:  # a few whose logging stopped earlier (an injury, a loan)
        names = join_and([new.athlete_label(a) for a in who if a not in read])
        return (f"{carried}: the first weeks' chronic load and ACWR read them, except for "
                f"{names}, with a week before the new start with nothing logged (that ends the "
                f"load history: docs/load.md); the other {older:,} stay in the old file")
    last = max(x.date for x in sessions)
    gap = (start - last).days - 1
    them = "it" if len(sessions) == 1 else "them"
    return (f"{carried}, but the load figures do not read {them}: nothing is logged in the "
            f"{plural(gap, 'day')} from {day_long(last + dt.timedelta(days=1))} to the new start, "
            f"and a week with nothing logged before a season ends its load history (docs/load.md), "
            f"so ACWR reads from the fifth week; {them} stay{'s' if them == 'it' else ''} in the file, and the other {older:,} "
            f"in the old one")
    return (f"Load history: nothing logged in the four weeks before {day_long(start)} (from "
            f"{day_long(earliest)}), so the chronic load starts again: ACWR reads from the fifth "
            f"week; {older:,} logged sessions left in the old file")


def _break_note(old: Season, start: dt.date, file: str) -> list[str]:
    """A line when the new season starts :data:`LONG_BREAK_DAYS` or more after the last one's
    last day (no session is logged after it: validate.py): its first weeks are planned as load
    weeks like any other, and the coach's way to a lighter first week is a team deload pin
    (DL-2 allows no second deload next to it)."""
    last = old.calendar.end
    gap = (start - last).days - 1
    if gap < LONG_BREAK_DAYS:
        return []
    weeks = plural(gap // 7, "week") if gap % 7 == 0 else f"over {plural(gap // 7, 'week')}"
    return [f"First weeks: the new season starts after a break of {weeks} (the last one "
            f"ended {day_long(last)}, nothing logged since), and its first weeks are planned as full load weeks "
            f"from {day_long(start)}; for a lighter first week, pin it as the team's deload week "
            f"(on the board, right-click a day of the {week_of(start)}: Pin week kind for the "
            f"team ▸ deload, then solve; or periodize record {file} --pin-week "
            f"{start.isoformat()} deload --save). The second week cannot be a deload too (DL-2: "
            f"a deload week is never next to another)"]


def _left_note(old: Season, carried: int) -> str:
    parts = [(len(old.competitions), "competition"), (len(old.roles), "match role"),
             (len(old.blocks), "block"),
             (len(old.calendar.non_training_days), "non-training day"),
             (sum(1 for u in old.unavailability if is_absence(u)) - carried, "absence"),
             (len(old.pins), "pin"),
             (len(old.scenarios), "scenario")]
    said = ", ".join(plural(n, w) for n, w in parts if n)
    return ("Left in the old file (all dated in the last season): " + (said or "nothing else")
            + (" and the plan" if old.plan is not None else "")
            + "; add the new season's competitions, blocks and days off")
