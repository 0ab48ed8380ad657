"""A coach workbook read in again over a season: what the season holds that the workbook does not
carry, and a season that keeps it.

A coach who keeps the squad and the fixtures in a spreadsheet edits the workbook (a new signing, a
moved match, a corrected date) and imports it again. Two kinds of thing can differ:

- what the workbook cannot carry: the pins, the rule settings, the what-if scenarios and the
  stored plan (which carries the past: a day before today nothing logged reads as it planned it).
  :func:`keep_over` puts them back where they still fit.
- rows the season has and the workbook has not (logged sessions, rehab records, a later today):
  most often entered after the workbook was written (the weekly log, a flare-up recorded in the
  app), sometimes deleted in it. Losing a season's log is worse than a row coming back, so they
  are put back and named (delete again in the app what was deleted on purpose). Where both have a
  row of the same thing, the workbook's stands: a session changed in the sheet, a stage's date
  corrected there (the season's record of that stage is not put back beside it).

Each part is put back and the season checked again (``planner.validate``); a part that no
longer fits as a whole is put back by halves, down to single items, and only the items that do not fit are left out,
each named with its reason, so the result always loads and one athlete's changed row never costs
the squad's log. A session logged in m/s of an athlete whose max speed the workbook no longer
gives (or gives lower) keeps its minutes and RPE: only that speed reading is left out. An injury
onset corrected in the workbook (the same athlete and protocol, no other injury of his between)
is the correction: the season's records of that injury are kept on it where they still fit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.season import Season
from planner.text import day_long, join_and, plural
from planner.validate import season_problems


def _stage_keys(inj) -> dict:
    """An injury's stage records keyed by stage and occurrence ("S1" again after a flare-up is
    ("S1", 1)): a stage the sheet records at another date is its correction, not a missing row,
    and a stage recorded a second time is a row of its own."""
    seen: dict[str, int] = {}
    out = {}
    for r in sorted(inj.stages, key=lambda r: r.start):
        k = seen.get(r.stage, 0)
        seen[r.stage] = k + 1
        out[(r.stage, k)] = r
    return out


_HISTORY = (  # (words, the records of an injury as keys)
    ("recorded stage change", _stage_keys),
    ("criteria test result", lambda i: {(t.date, t.name): t for t in i.tests}),
    ("flare-up", lambda i: {d: d for d in i.flare_ups}),
)


def _put_days_off(s: Season, days) -> Season:
    cal = s.calendar
    return s.model_copy(update={"calendar": cal.model_copy(
        update={"non_training_days": cal.non_training_days + tuple(days)})})


# The sheets whose rows the workbook is the source of (a row deleted there is deleted): a sheet
# the workbook has not got at all is not a deletion of every row, so --keep (Keep Them) keeps
# the season's rows of it. title -> (one row in words, many, the season's rows, put rows back)
_SHEET_ROWS: dict[str, tuple[str, str, Callable[[Season], tuple], Callable[[Season, list], Season]]] = {
    "Competitions": ("competition", "competitions", lambda s: s.competitions,
                     lambda s, xs: s.model_copy(update={"competitions": s.competitions + tuple(xs)})),
    "Roles": ("match role", "match roles", lambda s: s.roles,
              lambda s, xs: s.model_copy(update={"roles": s.roles + tuple(xs)})),
    "Blocks": ("block", "blocks", lambda s: s.blocks,
               lambda s, xs: s.model_copy(update={"blocks": s.blocks + tuple(xs)})),
    "Non-training days": ("day off", "days off", lambda s: s.calendar.non_training_days,
                          _put_days_off),
}


def _without_sheet(old: Season, absent) -> list[tuple[str, str, list]]:
    """(sheet title, its rows in words, the season's rows) of each sheet of :data:`_SHEET_ROWS`
    the workbook has not got (``absent``) whose kind ``old`` has rows of."""
    out = []
    for title, (one, many, rows, _put_back) in _SHEET_ROWS.items():
        if title in absent and (items := list(rows(old))):
            out.append((title, plural(len(items), one, many), items))
    return out


def absent_sheets_words(absent, old: Season | None = None) -> str:
    """One note for the form's sheets a workbook has not got, read as empty (a first import, or
    --replace: no season to keep their rows from); ``old``: the season file written over, whose
    rows of them are then named as not in the imported season. "" when none is missing."""
    if not absent:
        return ""
    titles = sorted(absent)
    lost = _without_sheet(old, absent) if old is not None else []
    gone = (f"; the season file's {join_and([words for _, words, _ in lost])} are not in the "
            f"imported season" if lost else "")
    return (f"The workbook has no {join_and(titles).replace(' and ', ' or ')} sheet"
            f"{'s' if len(titles) > 1 else ''}: read as empty{gone} (periodize template -o "
            f"FILE.xlsx writes the form with every sheet).")


def not_carried(old: Season, new: Season) -> list[str]:
    """What ``old`` holds that a coach workbook cannot carry and ``new`` (read from one) lacks: a
    stored plan, pins, rule settings, what-if scenarios (``--keep`` keeps them)."""
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
    return lost


def _kept_rules(old: Season, new: Season):
    """``old``'s rule settings, kept over a workbook's season (``new``), with the workbook's
    Starter minutes when it gives other minutes than ``old`` counts (LD-1's match settings,
    ``rules.MATCH_LENGTH``): a coach who changed the Season sheet's Starter minutes meant it."""
    from planner.rules import MATCH_LENGTH, RuleSet

    given = new.rules.values.get("LD-1", {})
    if "minutes_start" not in given or \
            RuleSet(old.rules).value("LD-1", "minutes_start") == given["minutes_start"]:
        return old.rules
    values = dict(old.rules.values)
    values["LD-1"] = {**values.get("LD-1", {}), **{k: given[k] for k in MATCH_LENGTH if k in given}}
    return old.rules.model_copy(update={"values": values})


def not_in_workbook(old: Season, new: Season, absent=frozenset()) -> list[str]:
    """Rows ``old`` has and the workbook (``new``) has not: the rows of a sheet it has not got
    (``absent``: Competitions, Roles, Blocks, Non-training days), sessions on athlete-days it has none for,
    injuries, rehab records of an injury it has (a stage it records at another date is its
    correction, not a missing row), a later today."""
    out = [f"{words} (it has no {title} sheet)" for title, words, _ in _without_sheet(old, absent)]
    if gone := len(_sessions_missing(old, new)):
        out.append(plural(gone, "logged session"))
    pairs = _counterparts(old, new)
    if gone := sum(1 for _, now in pairs if now is None):
        out.append(plural(gone, "injury", "injuries"))
    for what, records in _HISTORY:
        if gone := sum(1 for was, now in pairs if now is not None
                       for k in records(was) if k not in records(now)):
            out.append(plural(gone, what))
    if gone := len(_absences_missing(old, new)):
        out.append(plural(gone, "unavailability", "unavailabilities"))
    if _later_today(old, new):
        now = new.calendar.today
        out.append(f"today, {day_long(old.calendar.today)} (the workbook's Today is "
                   f"{day_long(now) if now else 'empty'})")
    return out


def changed_in_workbook(old: Season, new: Season) -> list[str]:
    """Rows both have that differ, where the workbook's stands: sessions of one athlete-day."""
    ours, theirs = _by_day(old.sessions), _by_day(new.sessions)
    n = sum(1 for key, xs in theirs.items() if key in ours and xs != ours[key])
    return [plural(n, "logged day") + " changed in it (a pain, minutes, a speed)"] if n else []


def _by_day(sessions) -> dict:
    out: dict = {}
    for x in sessions:
        out.setdefault((x.athlete, x.date), []).append(x)
    return out


def replaced_words(old: Season, new: Season, keep: str = "--keep", absent=frozenset(),
                   details: str = "") -> str:
    """What importing ``new`` over ``old`` would replace, and what ``keep`` (the words of the
    place: the CLI's --keep, the app's Keep Them) does with it; then what the import removes
    either way (:func:`removed_words`; ``details``: where its list is whole)."""
    carried, rows = not_carried(old, new), not_in_workbook(old, new, absent)
    parts = []
    if carried:
        parts.append(f"holds what a workbook does not carry ({join_and(carried)})")
    if rows:
        parts.append(f"{'and ' if carried else 'holds '}rows the workbook has not got "
                     f"({join_and(rows)}: entered after it was written, or deleted in it)")
    removed = removed_words(old, new, absent, details)
    return (" ".join(parts) + f"; {keep} keeps them where they still fit (the workbook's own rows "
            "stand where both have one)" + (f". Either way: {removed.rstrip('.')}" if removed else ""))


MAX_REMOVED_SAID = 12  # removed records named one by one; the rest counted


def removed_by_workbook(old: Season, new: Season, absent=frozenset()) -> list[str]:
    """What importing ``new`` (read from a coach workbook) over ``old`` removes because the
    workbook's sheets list it and it is not on them: athletes (Athletes sheet), competitions
    (Competitions), blocks (Blocks), days off (Non-training days). The workbook is their source,
    a row deleted there is a record deleted, so neither --keep nor Keep Them puts them back; a
    player added in the app since the workbook was written is one of them. Each named, with the
    sheet it is not on. A competition is the workbook's when it has one of the same ID written
    in its ID column (renamed and moved there, it is that competition), else one of the same
    name and date, or of the same ID (``c007``, a row's place) and name or date; a block, one
    of the same name or the same dates. A sheet the workbook has not got (``absent``) lists
    nothing: its rows are kept, or said with the sheet (:func:`absent_sheets_words`)."""
    from planner.coachform.spec import written_id

    elsewhere = {was.id for was, _now in renumbered(old, new)}  # said by :func:`renumbered_words`
    out = [f"{a.name} ({a.id}), not in the workbook's Athletes sheet"
           for a in old.athletes if new.athlete(a.id) is None and a.id not in elsewhere]
    for c in old.competitions if "Competitions" not in absent else ():
        if not any((x.name, x.date) == (c.name, c.date)
                   or (x.id == c.id and (written_id(c.id) or x.name == c.name or x.date == c.date))
                   for x in new.competitions):
            out.append(f"'{c.name}' ({c.id}) on {_span(c.date, c.end_date or c.date)}, not in "
                       f"the workbook's Competitions sheet")
    for b in old.blocks if "Blocks" not in absent else ():
        if not any(x.name == b.name or (x.start, x.end) == (b.start, b.end) for x in new.blocks):
            out.append(f"the block '{b.name}', {_span(b.start, b.end)}, not in the workbook's "
                       f"Blocks sheet")
    have = {d.date for d in new.calendar.non_training_days}
    runs: list[list] = []  # consecutive days off of one reason, as the sheet's From-To row
    for d in sorted(old.calendar.non_training_days, key=lambda d: d.date):
        if d.date in have or "Non-training days" in absent:
            continue
        if runs and runs[-1][-1].date == d.date - dt.timedelta(days=1) \
                and runs[-1][-1].reason == d.reason:
            runs[-1].append(d)
        else:
            runs.append([d])
    for run in runs:
        why = f" ({run[0].reason})" if run[0].reason else ""
        out.append(f"{'the day off' if len(run) == 1 else 'the days off'} "
                   f"{_span(run[0].date, run[-1].date)}{why}, not in the workbook's "
                   f"Non-training days sheet")
    return out


def removed_words(old: Season, new: Season, absent=frozenset(), details: str = "") -> str:
    """``Removed: New Guy (A06), not in the workbook's Athletes sheet.`` ("" when nothing): said
    in the question before the import (:func:`replaced_words`) and in its notes, by the CLI and
    the app alike. ``details``: where the rest of a list cut at :data:`MAX_REMOVED_SAID` is
    listed (the app's Show Details…), said after "and 8 more"."""
    gone = removed_by_workbook(old, new, absent)
    if not gone:
        return ""
    more = len(gone) - MAX_REMOVED_SAID
    where = f" ({details})" if details else ""
    said = "; ".join(gone[:MAX_REMOVED_SAID]) + (f"; and {more} more{where}" if more > 0 else "")
    return (f"Removed: {said} (the workbook lists them: to keep one, add its row there and "
            f"import again).")


def _name_key(name: str) -> tuple[str, ...]:
    """A name as a coach means it: case and spaces aside ("ben  Adler" is Ben Adler)."""
    return tuple(name.casefold().split())


def renumbered(old: Season, new: Season) -> list[tuple]:
    """(the season's athlete, the workbook's) for each player of ``old`` whose name the workbook
    lists under another ID, its own ID there missing or on a row of another name: one row of that
    name (case and spaces aside), and one player of that name in the season. A coach's own
    numbering (U01–U18 for a season's A01–A19) read as every player removed and a new one added,
    and importing it, kept or not, dropped their injuries, logs and pins, which the season's IDs
    identify."""
    def by_name(athletes) -> dict:
        out: dict = {}
        for a in athletes:
            out.setdefault(_name_key(a.name), []).append(a)
        return out

    ours, theirs = by_name(old.athletes), by_name(new.athletes)
    out = []
    for was in old.athletes:
        key, there = _name_key(was.name), new.athlete(was.id)
        if len(ours[key]) == 1 and len(theirs.get(key, ())) == 1 and (
                there is None or _name_key(there.name) != key):
            out.append((was, theirs[key][0]))
    return out


def renumbered_words(old: Season, new: Season) -> list[str]:
    """One line for each player the workbook lists under another ID (:func:`renumbered`),
    ``Ben Adler (A01) is on the workbook's Athletes sheet as U01: write A01 in its ID column``;
    the CLI refuses with them and the app asks, both before anything is imported
    (:data:`RENUMBERED_WHY`)."""
    return [f"{was.name} ({was.id}) is on the workbook's Athletes sheet as {now.id}: write "
            f"{was.id} in its ID column" for was, now in renumbered(old, new)]


# said with renumbered_words, then each place's way to import as a new season
RENUMBERED_WHY = ("The season's IDs identify a player's injuries, logs and pins: imported under "
                  "other IDs, they would be new players and those records lost. Write the season's "
                  "IDs in the Athletes sheet's ID column and import again to keep them")


def season_changes(old: Season, new: Season) -> str:
    """``Season: ends Thu 3 Aug 2028 (was Sun 9 May 2027).``: the name, start or end the
    workbook's Season sheet gives the season ``old`` it goes over, said before the import (a
    mistyped year moves the season's end by a year; "the stored plan (made for other season
    dates)" alone did not say so), by the CLI and the app alike. "" when none changes."""
    said = [f"named '{new.name}' (was '{old.name}')"] if new.name != old.name else []
    for verb, was, now in (("starts", old.calendar.start, new.calendar.start),
                           ("ends", old.calendar.end, new.calendar.end)):
        if now != was:
            said.append(f"{verb} {day_long(now)} (was {day_long(was)})")
    return f"Season: {'; '.join(said)}." if said else ""


def season_loses(old: Season, new: Season, absent=frozenset()) -> str:
    """Both in words ("a stored plan, 3 pins and 45 logged sessions the workbook has not got"),
    "" when nothing."""
    rows = not_in_workbook(old, new, absent)
    return join_and(not_carried(old, new) + (
        [f"{join_and(rows)} the workbook has not got"] if rows else []))


def updates_season(old: Season | None, new: Season, absent=frozenset()) -> bool:
    """``new``, read from a workbook, is ``old``'s own (the same name) and holds everything it
    holds (nothing to keep, so no question): importing it brings that season up to date, through
    :func:`keep_over`, which keeps the season's today when the workbook's is later (moving today
    records the stage changes the plan projected: advance, Move Today). A workbook of another
    name is another season, its Today its own. The CLI and the app both decide by it."""
    return old is not None and new.name == old.name and not season_loses(old, new, absent)


def workbook_today_later(old: Season, new: Season) -> bool:
    """The workbook's Today is after the season's (its start, when it has none), inside the
    workbook's season."""
    from planner.validate import planning_start

    now = new.calendar.today
    return now is not None and now > planning_start(old) and now > new.calendar.start


@dataclass(frozen=True)
class Place:
    """The words of the place a workbook is imported from: ``keep`` the answer that keeps what
    the season holds (the CLI's ``--keep``, the app's ``Keep Them``), ``move_today`` how to move
    today to the workbook's later Today (given that day), ``file`` the season file written (the
    command line's; "" in the app, whose menus are said)."""

    keep: str
    move_today: Callable[[dt.date], str]
    file: str = ""  # the season file the command line writes (its record commands name it)
    details: str = ""  # where a list cut short is listed whole (the app's Show Details…)


@dataclass
class Decision:
    """What importing a workbook over a season comes to (:func:`decide`); the CLI and the app
    only turn it into a refusal or a question."""

    season: Season  # the season to write or open
    over: bool = False  # the import brings the season up to date: it stays that season file
    ask: str = ""  # the season would lose what is said here: to ask (the app) or refuse (the CLI)
    dropped: list[str] = field(default_factory=list)  # what cannot be kept, each with its reason
    notes: list[str] = field(default_factory=list)  # what was kept, the later Today and how to move it
    removed: str = ""  # what the workbook's sheets remove (:func:`removed_words`), said first
    later_today: dt.date | None = None  # the workbook's Today, later than the season's: not moved
    changes: str = ""  # the season's name, start or end the workbook changes (:func:`season_changes`)
    # the season's players the workbook lists under other IDs (:func:`renumbered_words`): refused
    # (the CLI) or asked (the app) before anything else, each way naming how to import it anew
    renumbered: list[str] = field(default_factory=list)
    # every item of the removed list ``ask`` cuts short (empty when it names them all)
    removed_all: list[str] = field(default_factory=list)


def decide(old: Season | None, new: Season, place: Place, keep: bool | None = None,
           update_own: bool = True, removed_from: Season | None = None,
           absent=frozenset()) -> Decision:
    """Importing ``new`` (read from a workbook) over ``old`` (None: no season there).

    When ``old`` holds what ``new`` has not got and ``keep`` is None, nothing is decided: ``ask``
    says what would be lost. ``keep`` True puts it back (:func:`keep_over`; ``dropped`` what
    cannot be), False uses the workbook alone. The season's own workbook with nothing to keep
    (:func:`updates_season`) updates it too, when ``update_own`` (the app, with a season file
    open) or when the workbook's Today is later (kept, said in ``notes``). ``removed`` names what
    the workbook's sheets remove from the season it goes over, or from ``removed_from`` (the
    season file the CLI writes over, whichever way). ``absent``: the form's sheets the workbook
    has not got (``import_workbook``): the season's rows of them are kept with the rest, else
    the sheets are named in a note. ``changes`` says the season's name, start or end the workbook
    changes (from ``old``, else ``removed_from``): the CLI and the app say it before importing.
    A workbook listing players of ``old`` under other IDs (:func:`renumbered_words`) is not
    imported over it, kept or not: ``renumbered`` names them (the CLI refuses, the app offers the
    workbook alone, a new season); ``old`` None (``--replace``) is the coach's own choice."""
    lost = season_loses(old, new, absent) if old is not None else ""
    base = old if old is not None else removed_from
    changes = season_changes(base, new) if base is not None else ""
    if old is not None and (moved := renumbered_words(old, new)):
        return Decision(new, renumbered=moved, changes=changes)
    if lost and keep is None:
        gone = removed_by_workbook(old, new, absent)
        return Decision(new, ask=replaced_words(old, new, place.keep, absent, place.details),
                        changes=changes, removed_all=gone if len(gone) > MAX_REMOVED_SAID else [])
    own = old is not None and updates_season(old, new, absent) and (
        update_own or workbook_today_later(old, new))
    out = Decision(new)
    if (lost and keep) or own:
        kept = keep_over(old, new, absent)
        out = Decision(kept.season, over=True, dropped=kept.dropped,
                       later_today=kept.later_today)
        if said := kept.words():
            out.notes.append(said)
        if kept.later_today:
            out.notes.append(kept.today_words(place.move_today(kept.later_today)))
    out.changes = changes
    was = removed_from if removed_from is not None else old if out.over else None
    out.removed = removed_words(was, new, absent) if was is not None else ""
    if not out.over and (said := absent_sheets_words(absent, was)):
        out.notes.append(said)
    if old is not None:  # a stage record crediting the sprint ladder: said as `record` says it
        from planner.progress import credit_not_run

        out.notes += [f"{words}." for words in credit_not_run(old, out.season)]
    from planner.progress import stages_out_of_time_since

    # a stage recorded too deep to end in time (a signing mid-rehab): said before a solve fails
    out.notes += [f"{words}." for words in stages_out_of_time_since(old, out.season, place.file)]
    return out


def _later_today(old: Season, new: Season) -> bool:
    was, now = old.calendar.today, new.calendar.today
    return was is not None and was > old.calendar.start and (now is None or now < was)


def _absences_missing(old: Season, new: Season) -> list:
    """The season's unavailabilities the workbook has not got. Each workbook row stands for at
    most one of the season's: the same row first, then a row sharing a day with it, then a row
    giving the same reason (dates moved in the sheet are its correction, not kept twice). So a
    second "International duty" entered after the workbook was written is still missing from it,
    however many the athlete had before."""
    theirs: dict[str, list] = {}
    for u in new.unavailability:
        theirs.setdefault(u.athlete, []).append(u)
    missing = list(old.unavailability)
    for same in (lambda u, x: u == x,
                 lambda u, x: x.start <= u.end and u.start <= x.end,
                 lambda u, x: bool(u.reason) and x.reason == u.reason):
        for u in list(missing):
            rows = theirs.get(u.athlete, [])
            if (x := next((x for x in rows if same(u, x)), None)) is not None:
                rows.remove(x)
                missing.remove(u)
    return missing


def _span(a: dt.date, b: dt.date) -> str:
    """``Mon 1 Feb 2027`` or ``Mon 1 Feb 2027 – Sun 7 Feb 2027``."""
    from planner.text import day_long

    return day_long(a) if a == b else f"{day_long(a)} – {day_long(b)}"


def _absence_words(season: Season, rows) -> str:
    """``1 unavailability (Jonas Lind, Wed 12 Aug 2026)``: which, so the coach can find it."""
    said = [f"{season.athlete(u.athlete).name if season.athlete(u.athlete) else u.athlete}, "
            + _span(u.start, u.end) for u in rows]
    return (plural(len(rows), "unavailability", "unavailabilities")
            + (f" ({'; '.join(said)})" if rows else ""))


def _absence_left_out(old: Season, new: Season, u) -> str:
    """An unavailability of the season the imported one cannot hold, whose, which days, why:
    "1 unavailability of athletes or days no longer in the season" left a coach to guess."""
    days = _span(u.start, u.end)
    reason = f" ({u.reason})" if u.reason else ""
    cal = new.calendar
    why = (f"{u.athlete} is not in the workbook's Athletes sheet" if new.athlete(u.athlete) is None
           else f"outside the imported season, {_span(cal.start, cal.end)}")
    return f"the unavailability of {old.athlete_label(u.athlete)}, {days}{reason}: {why}"


def _counterparts(old: Season, new: Season) -> list[tuple]:
    """Each of the season's injuries with the workbook's record of it (None: the workbook has
    none): the record of the same athlete and onset, or the one whose onset the workbook
    corrected: of the same athlete and protocol, at an onset the season has not got, with no
    other injury of the athlete between the two onsets (one each way)."""
    def onsets(s: Season, athlete: str) -> set:
        return {i.onset for i in s.injuries if i.athlete == athlete}

    same = {(i.athlete, i.onset): i for i in new.injuries}
    gone = [i for i in old.injuries if (i.athlete, i.onset) not in same]
    fresh = [i for i in new.injuries if i.onset not in onsets(old, i.athlete)]

    def fits(was, now) -> bool:
        lo, hi = sorted((was.onset, now.onset))
        return (now.athlete == was.athlete and now.protocol == was.protocol
                and not any(lo < d < hi for d in onsets(old, was.athlete) | onsets(new, was.athlete)))

    out = []
    for was in old.injuries:
        now = same.get((was.athlete, was.onset))
        if now is None and was in gone:
            found = [n for n in fresh if fits(was, n)]
            if len(found) == 1 and [w for w in gone if fits(w, found[0])] == [was]:
                now = found[0]
        out.append((was, now))
    return out


def _sessions_missing(old: Season, new: Season) -> list:
    days = {(x.athlete, x.date) for x in new.sessions}
    return [x for x in old.sessions if (x.athlete, x.date) not in days]


@dataclass
class Kept:
    """The season :func:`keep_over` gives, what it put back, what it could not, and what the
    workbook's rows decided (in words)."""

    season: Season
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    workbook: list[str] = field(default_factory=list)  # rows both have: the workbook's stand
    checks: list[str] = field(default_factory=list)  # worth a look (an ID on another match)
    sheets: list[str] = field(default_factory=list)  # a sheet the workbook has not got: kept
    rows: bool = False  # rows the workbook had not got were put back
    later_today: dt.date | None = None  # the workbook's Today, later than the season's: not moved
    # the players new in the sheet: how they join (they are added, not kept from the season)
    added: list[str] = field(default_factory=list)
    # the hard rules the stored plan kept now breaks (a sentence of its own, naming the athlete)
    broken: str = ""

    def today_words(self, how: str) -> str:
        """What became of the workbook's later Today, the sessions it leaves uncounted until
        today is moved on, and ``how`` to move today to it."""
        from planner.season import planning_start
        from planner.text import day_long, span

        if not self.later_today:
            return ""
        cal = self.season.calendar
        was = (f"Today stays {day_long(cal.today)}, the season's" if cal.today else
               f"Today stays unset, as in the season (planned from its first day, "
               f"{day_long(cal.start)})")
        start = planning_start(self.season)
        later = sorted(x.date for x in self.season.sessions if x.date > start)
        waiting = (f" {plural(len(later), 'session')} logged after {day_long(start)} "
                   f"({span(later[0], later[-1])}) {'is' if len(later) == 1 else 'are'} stored but "
                   f"{'does' if len(later) == 1 else 'do'} not count in the load until today is "
                   f"moved on." if later else "")
        return (f"{was}: the workbook's Today, {day_long(self.later_today)}, is later, and moving "
                f"today records the stage changes the plan projected before it.{waiting} {how}")

    def words(self) -> str:
        out = [*self.sheets,
               f"Added: {join_and(self.added)}." if self.added else "",
               f"Kept from the season: {join_and(self.kept)}." if self.kept else "",
               f"Not kept: {'; '.join(self.dropped)}." if self.dropped else "",
               ("A row deleted in the workbook on purpose comes back this way: delete it again "
                "in the app (Log panel, Season ▸ Injuries, Season ▸ Squad's unavailable dates)."
                if self.rows else ""),
               (f"The workbook's rows stand where both have one: {join_and(self.workbook)}."
                if self.workbook else ""),
               self.broken,
               " ".join(self.checks)]
        return " ".join(x for x in out if x)


def keep_over(old: Season, new: Season, absent=frozenset()) -> Kept:
    """``new`` (read from a coach workbook) with what ``old`` holds that it has not got put back
    where it still fits: rule settings, pins, what-if scenarios, the stored plan, the rows of a
    sheet the workbook has not got (``absent``: Competitions, Roles, Blocks, Non-training days), and the rows
    (sessions, injuries and their records, a later today) most likely entered since the workbook
    was written; the words for what was kept, what was not, and what the workbook decided."""
    new = _same_sessions_kept(old, new)
    out = Kept(new, workbook=changed_in_workbook(old, new), checks=_moved_ids(old, new))
    for title, _words, items in _without_sheet(old, absent):  # before the plan, which needs them
        one, many, _rows, put = _SHEET_ROWS[title]
        if kept := _put_halves(out, items, lambda xs, one=one, many=many: plural(len(xs), one, many), put):
            out.sheets.append(f"The workbook has no {title} sheet: the season's "
                              f"{plural(len(kept), one, many)} {'is' if len(kept) == 1 else 'are'} "
                              f"kept.")
    squad = {a.id for a in new.athletes}
    cal = new.calendar
    if _later_today(old, new) and old.calendar.today <= cal.end:  # today moves forward only
        _try(out, f"today, {day_long(old.calendar.today)}",
             lambda s: s.model_copy(update={"calendar": s.calendar.model_copy(
                 update={"today": old.calendar.today})}))
    elif _later_today(old, new):
        out.dropped.append(f"today, {day_long(old.calendar.today)} (after the workbook's season "
                           f"end, {day_long(cal.end)})")
    elif workbook_today_later(old, new):
        # moving today records the stage changes the plan projected before it (Move Today,
        # advance): the workbook's Today alone would skip them, so the season's today stays
        was = old.calendar.today
        out.later_today = new.calendar.today
        out.season = out.season.model_copy(update={"calendar": out.season.calendar.model_copy(
            update={"today": was if was is None or was >= cal.start else None})})
    if old.rules != new.rules and (old.rules.values or old.rules.modes):
        _try(out, "rule settings", lambda s: s.model_copy(update={"rules": _kept_rules(old, new)}))
    _joined_from_today(out, old)
    before = len(out.kept)
    _keep_injuries(out, old)
    _keep_sessions(out, old, _sessions_missing(old, new))
    missing = _absences_missing(old, new)
    absences = tuple(u for u in missing if u.athlete in squad
                     and u.start <= cal.end and cal.start <= u.end)
    out.dropped += [_absence_left_out(old, new, u) for u in missing if u not in absences]
    _try_each(out, absences, lambda xs: _absence_words(old, xs),
              lambda s, xs: s.model_copy(update={"unavailability": s.unavailability + tuple(xs)}))
    out.rows = len(out.kept) > before
    have = {p.model_dump_json() for p in new.pins}
    gone = [p for p in old.pins if p.model_dump_json() not in have]
    pins = [p for p in gone if (p.athlete is None or p.athlete in squad)
            and cal.start <= (getattr(p, "date", None) or p.week) <= cal.end]
    for p in gone:
        if p not in pins:
            who = f" of {old.athlete_label(p.athlete)}" if p.athlete else ""
            why = "no longer in the squad" if p.athlete and p.athlete not in squad \
                else "a day no longer in the season"
            out.dropped.append(f"a pin{who} ({why})")
    _try_each(out, pins, lambda xs: plural(len(xs), "pin"),
              lambda s, xs: s.model_copy(update={"pins": s.pins + tuple(xs)}))
    names = {x.name for x in new.scenarios}
    scenarios = tuple(x for x in old.scenarios if x.name not in names)
    _try_each(out, scenarios, lambda xs: plural(len(xs), "what-if scenario"),
              lambda s, xs: s.model_copy(update={"scenarios": s.scenarios + tuple(xs)}))
    if old.plan is not None and new.plan is None:
        _keep_plan(out, old)
    return out


def _joined_from_today(out: Kept, old: Season) -> None:
    """A player new in the sheet joins the squad from today, as the Squad editor's Add gives him:
    he was counted with the squad from the season's first day, at the plan's row of load, and
    his first real week read as a +308 % spike. One whose Role was left empty is out of the
    matchday squad until the coach picks him (three signings made 14 starters a match)."""
    from planner.season import Unavailability
    from planner.squad import JOINED_REASON

    today = out.season.calendar.today
    known = {a.id for a in old.athletes}
    joined = [a for a in out.season.athletes if a.id not in known]
    if not joined or today is None or today <= out.season.calendar.start:
        return
    away = tuple(Unavailability(athlete=a.id, start=out.season.calendar.start,
                                end=today - dt.timedelta(days=1), reason=JOINED_REASON)
                 for a in joined if not any(u.athlete == a.id for u in out.season.unavailability))
    if away:
        _try(out, f"{join_and([out.season.athlete(u.athlete).name for u in away])}, new in the "
                  f"Athletes sheet, with the squad from today, {day_long(today)}",
             lambda s: s.model_copy(update={"unavailability": s.unavailability + away}),
             into=out.added)
    unpicked = {a.id for a in joined if "role" not in a.model_fields_set}
    if unpicked:
        names = [a.name for a in joined if a.id in unpicked]
        _try(out, f"{join_and(names)} out of the matchday squad until you pick "
                  f"them in Roles (no Role in the Athletes sheet)",
             lambda s: s.model_copy(update={"athletes": tuple(
                 a.model_copy(update={"role": "out"}) if a.id in unpicked else a
                 for a in s.athletes)}), into=out.added)


def _session_key(x) -> tuple:
    """A session as the workbook writes it (a speed to the hundredth of a m/s)."""
    ms = None if x.top_speed_ms is None else round(x.top_speed_ms, 2)
    return (x.minutes, x.rpe, x.top_speed_pct, ms, x.minutes_played, x.pain, x.note)


def _same_sessions_kept(old: Season, new: Season) -> Season:
    """``new`` with the season's own sessions on each athlete-day the workbook writes the same (to
    its rounding): 1,979 days read as "changed in it" for speeds the sheet wrote to the
    hundredth, and the log was rounded without a word."""
    ours, theirs = _by_day(old.sessions), _by_day(new.sessions)
    same = {key for key, xs in theirs.items() if key in ours
            and [_session_key(x) for x in xs] == [_session_key(x) for x in ours[key]]}
    if not same:
        return new
    sessions = tuple(x for x in new.sessions if (x.athlete, x.date) not in same)
    sessions += tuple(x for x in old.sessions if (x.athlete, x.date) in same)
    return new.model_copy(update={"sessions": tuple(sorted(sessions, key=lambda x: (x.date, x.athlete)))})


def _keep_injuries(out: Kept, old: Season) -> None:
    """The season's injuries the workbook has not got, and the records it has not got of those
    it has (a stage it records at another date is its correction: not put back), each record
    where it still fits; an onset the workbook corrected is the correction (``_counterparts``)."""
    from planner.text import day_long

    squad = {a.id for a in out.season.athletes}
    for was, now in _counterparts(old, out.season):
        label = f"the injury of {old.athlete_label(was.athlete)} of {day_long(was.onset)}"
        if now is None and was.athlete not in squad:
            out.dropped.append(f"{label} (no longer in the squad)")
        elif now is None:
            _try(out, label, lambda s, w=was: s.model_copy(update={
                "injuries": tuple(sorted(s.injuries + (w,), key=lambda i: (i.athlete, i.onset)))}))
        else:
            if now.onset != was.onset:
                out.workbook.append(f"the onset of {old.athlete_label(was.athlete)}'s injury "
                                    f"corrected from {day_long(was.onset)} to {day_long(now.onset)}")
            _keep_records(out, was, now)


def _keep_records(out: Kept, was, now) -> None:
    """The records of ``was`` (the season's) that ``now`` (the workbook's) has not got, put on
    ``now`` where they still fit: all at once, else one at a time in date order (a flare-up
    before a stage of its day, which it may move back)."""
    extra = [(what, r) for what, records in _HISTORY
             for k, r in records(was).items() if k not in records(now)]
    if not extra:
        return
    who = out.season.athlete_label(now.athlete)
    key = (now.athlete, now.onset)

    def words(items) -> str:
        n = Counter(w for w, _ in items)
        return f"{join_and([plural(n[w], w) for w, _ in _HISTORY if n[w]])} of {who}"

    def put(s: Season, items) -> Season:
        def grown(inj):
            for what, _ in _HISTORY:
                recs = [r for w, r in items if w == what]
                if recs:
                    inj = _with_records(inj, what, recs)
            notes = {d: n for d, n in was.flare_notes.items()
                     if ("flare-up", d) in items and d not in inj.flare_notes}
            return inj.model_copy(update={"flare_notes": {**inj.flare_notes, **notes}}) if notes else inj
        return s.model_copy(update={"injuries": tuple(
            grown(i) if (i.athlete, i.onset) == key else i for i in s.injuries)})

    rank = {"flare-up": 0, "recorded stage change": 1, "criteria test result": 2}
    _try_each(out, sorted(extra, key=lambda x: (_record_day(x[1]), rank[x[0]])), words, put)


def _record_day(r) -> dt.date:
    return r if isinstance(r, dt.date) else getattr(r, "start", None) or r.date


def _keep_sessions(out: Kept, old: Season, missing: list) -> None:
    """The season's sessions on athlete-days the workbook has none for: of athletes still in
    the squad, on days the season may log. A top speed in m/s the imported season cannot read
    (the athlete's max speed no longer given, or more than 10 % below it) is left out and said
    per athlete; the session's minutes and RPE, its load, are kept."""
    from planner.validate import PRE_SEASON_LOG_DAYS, top_speed_ms_problem

    season, cal = out.season, out.season.calendar
    earliest = cal.start - dt.timedelta(days=PRE_SEASON_LOG_DAYS)
    gone: dict[tuple, int] = {}
    unread: dict[str, list] = {}
    sessions = []
    for x in missing:
        a = season.athlete(x.athlete)
        if a is None or not earliest <= x.date <= cal.end:
            why = "no longer in the squad" if a is None else "dated outside the imported season"
            gone[(x.athlete, why)] = gone.get((x.athlete, why), 0) + 1
            continue
        if top_speed_ms_problem(season, a, x.top_speed_ms):
            unread.setdefault(x.athlete, []).append(x)
            x = x.model_copy(update={"top_speed_ms": None})
        sessions.append(x)
    for (athlete, why), n in gone.items():
        out.dropped.append(f"{plural(n, 'logged session')} of {old.athlete_label(athlete)} ({why})")
    for athlete, xs in unread.items():
        fastest = max(xs, key=lambda x: x.top_speed_ms)
        problem = top_speed_ms_problem(season, season.athlete(athlete), fastest.top_speed_ms)
        out.dropped.append(f"the top speed in m/s of {plural(len(xs), 'logged session')} of "
                           f"{season.athlete_label(athlete)}, their minutes and RPE kept (the "
                           f"fastest: {problem})")
    _try_each(out, sessions, lambda xs: plural(len(xs), "logged session"),
              lambda s, xs: s.model_copy(update={"sessions": s.sessions + tuple(xs)}))


def _with_records(inj, what: str, records: list):
    if what == "recorded stage change":
        return inj.model_copy(update={"stages": tuple(sorted(inj.stages + tuple(records),
                                                              key=lambda r: r.start))})
    if what == "criteria test result":
        return inj.model_copy(update={"tests": tuple(sorted(inj.tests + tuple(records),
                                                            key=lambda t: t.date))})
    return inj.model_copy(update={"flare_ups": tuple(sorted(inj.flare_ups + tuple(records)))})


def _keep_plan(out: Kept, old: Season) -> None:
    """The stored plan, as an edit in the app keeps it: it carries the past (the days before
    today nothing logged read as it planned them), so dropping it for a new signing or a moved
    match let the next solve rewrite the past weeks. A player new in the squad gets a row at 0 %
    listed as not planned (``Plan.unplanned``) until the next solve (as Add athlete gives him),
    one gone leaves his; the hard rules it now
    breaks (a new injury typed in the sheet, a moved match) are named with it. Only other season
    dates drop it."""
    from planner.check import check_plan
    from planner.errors import PeriodizeError
    from planner.season import FIT, AthletePlan

    new = out.season
    if (old.calendar.start, old.calendar.end) != (new.calendar.start, new.calendar.end):
        out.dropped.append("the stored plan (made for other season dates: solve again)")
        return
    rows = {ap.athlete: ap for ap in old.plan.athletes}
    n = len(old.plan.athletes[0].intensity) if old.plan.athletes else 0
    joined = [a for a in new.athletes if a.id not in rows]
    plan = old.plan.model_copy(update={
        "athletes": tuple(rows.get(a.id) or AthletePlan(athlete=a.id, stages=(FIT,) * n,
                                                         intensity=(0,) * n,
                                                         weeks=old.plan.team_weeks)
                          for a in new.athletes),
        "status": "manual" if joined or len(rows) != len(new.athletes) else old.plan.status,
        # the newcomers' rows are placeholders, said as not planned until a solve
        "unplanned": tuple(a.id for a in new.athletes
                           if a.id in old.plan.unplanned or a.id not in rows)})
    try:
        # a newcomer's row at 0 % is not checked (Plan.unplanned)
        broken = list(check_plan(new.model_copy(update={"plan": plan}), plan).violations)
    except PeriodizeError:
        broken = []  # said where the plan is used (planner.validate.plannable)
    said = f" ({join_and([a.name for a in joined])} not planned until you solve)" if joined else ""
    if broken:
        plan = plan.model_copy(update={"status": "manual"})  # no longer the proven best
    if _try(out, "the stored plan" + said, lambda s: s.model_copy(update={"plan": plan})) and broken:
        # its own sentence, naming its athlete: said beside a signing's, it read as about him
        first = broken[0].message.removeprefix(f"{broken[0].rule}: ")
        out.broken = (f"The stored plan kept breaks hard rules of the imported season, the first "
                      f"{broken[0].rule}: {first.rstrip('.')} (Plan Check lists them; handouts "
                      f"from it are asked about): solve again; the days before today stay as "
                      f"planned.")


def _moved_ids(old: Season, new: Season) -> list[str]:
    """A competition ID now on a row of another name and date: rows sorted or pasted without
    their ID column move every id (and what names it: roles, targets, scenarios, calendar
    events) to another match, without a word. Likewise an athlete's ID on a row of another name
    (a signing typed over a departed player's row inherits his injuries, log and plan). An ID
    written in the sheet on a row renamed and moved there is said so: it stays that match."""
    from planner.coachform.spec import written_id

    out = [f"Check the Athletes sheet: ID '{a.id}' was {was.name} and is now {a.name}; an ID "
           f"stays with its player (their injuries, log and plan go with it): give the new player "
           f"a new ID." for a in new.athletes
           if (was := old.athlete(a.id)) is not None and not _same_person(was.name, a.name)]
    for c in new.competitions:
        was = old.competition(c.id)
        if was is not None and was.name != c.name and was.date != c.date:
            said = (f"Check the Competitions sheet: ID '{c.id}' was '{was.name}' on "
                    f"{day_long(was.date)} and is now on '{c.name}' on {day_long(c.date)}")
            out.append(said + (
                ": renamed and moved there, it stays that competition (its roles, targets and "
                "pins go with it); if the rows were sorted or pasted without their ID column "
                "instead, put each ID back on its match's row." if written_id(c.id) else
                "; an ID stays on its match's row (sort or paste the rows with it)."))
    return out[:5]


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one name ("Kofi Mensah", "K. Mensah", "kofi mensah "): a word in common."""
    words = {w.strip(".").casefold() for w in a.split() if len(w.strip(".")) > 1}
    return bool(words & {w.strip(".").casefold() for w in b.split() if len(w.strip(".")) > 1})


def _try_each(out: Kept, items, words: Callable[[list], str],
              put: Callable[[Season, list], Season]) -> None:
    """Put ``items`` back into ``out.season``: all at once when the season still holds together
    with them, else each half so, in order, down to the items that do not fit, each named with
    its reason (one item's problem never costs the rest; one session that does not fit among
    2,000 costs a few dozen checks of the season, not one per session)."""
    items = list(items)
    if not items or words(items).startswith("0 "):
        return
    if kept := _put_halves(out, items, words, put):
        out.kept.append(words(kept))


def _put_halves(out: Kept, items: list, words: Callable[[list], str],
                put: Callable[[Season, list], Season]) -> list:
    """The items of ``items`` put back (:func:`_try_each`), those that do not fit named."""
    problem = _put(out, lambda s: put(s, items))
    if problem is None:
        return items
    if len(items) == 1:
        out.dropped.append(f"{words(items)} ({problem})")
        return []
    half = len(items) // 2
    return (_put_halves(out, items[:half], words, put)
            + _put_halves(out, items[half:], words, put))


def _try(out: Kept, words: str, put: Callable[[Season], Season],
         into: list[str] | None = None) -> bool:
    """Put one part back into ``out.season`` if the season still holds together with it: said
    as kept (``into``: said in that list instead, a new player's way in being no part kept),
    or as not kept with the reason."""
    if words.startswith("0 "):
        return True
    if problem := _put(out, put):
        out.dropped.append(f"{words} ({problem})")
        return False
    (out.kept if into is None else into).append(words)
    return True


def _put(out: Kept, put: Callable[[Season], Season]) -> str | None:
    """``put`` applied to ``out.season`` when the season still holds together after it (None);
    else its first problem, and the season as it was."""
    season = put(out.season)
    if problems := season_problems(season):
        return problems[0]
    out.season = season
    return None
