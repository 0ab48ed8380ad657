"""``periodize log`` and ``periodize advance``: a season in progress (docs/semantics.md).

- ``log SEASON SESSIONS.(csv|xlsx) [--save]`` reads logged sessions into the season, prints what
  was added, the column mapping used, the flare-ups the logged pain proposes; nothing changes
  on any problem.
- ``advance SEASON --today DATE [--accept] [--save]`` moves ``today``: it lists the stage changes
  the stored plan projected before the new today and records them with ``--accept`` (otherwise
  they are not done: the athletes stay in their stages); moving back lists what now lies after
  today (kept).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shlex
import sys

from planner.errors import InputError
from planner.progress import played_before_re_entry, returns_moved, team_weeks_changed
from planner.rehab import FLARE_BACK
from planner.text import computer_date, day_long
from ui.cli.outputs import save_target
from ui.cli.whatif import add_edit_options, add_search_options

EXIT_OK = 0


OVERLAP_HELP = ("what to do with the log's sessions on athlete-days that already have other "
                "sessions logged: replace them, add both (a second session that day), or skip "
                "them (keep what is logged); without it such a log is refused, listing the days. "
                "speed: a GPS export (no RPE needed) read after the RPE, each row's top speed "
                "added to the one session already logged that day")


MAX_SPEED_HELP = ("an athlete of the log with no max speed takes the fastest top speed the log "
                  "gives them as their max speed (said, and stored with the sessions), so that their "
                  "top speeds in m/s are read as the others'; without it such a log is refused")


NAMES_HELP = ("read each name the log writes as another spelling of one athlete's ('M. Ruiz' for "
              "Marco Ruiz) as that athlete, each said; without it such a log is refused, "
              "proposing the athlete")


SQUAD_HELP = ("leave out the log's rows whose athlete is no one of this squad (a club-wide "
              "export's other squads), said in one line with their names; a name close to an "
              "athlete's is still refused, proposing that athlete; without it such a log is refused")
SKIP_HELP = ("when every problem of the log names its row, leave those rows out and read the "
             "others, each row left out said with its problem; without it nothing is added "
             "while a row has a problem")
# the way a refused log whose problems each name a row is read without them
CHANGES_SHOWN = 10  # athletes named, and days of one, after a re-plan (the app's Plan Check: all)
SKIP_FIX = "To read the other rows, leaving those out, run the command again with --skip-bad-rows."


UNTIL_TODAY_HELP = ("read the log's rows up to today (the new today with advance) and leave the "
                    "later ones out, counted (a GPS export of the whole season read week by week); "
                    "without it a log with rows after today is refused")


def add_parsers(sub) -> None:
    lg = sub.add_parser("log", help="read logged sessions (CSV or Excel) into a season",
                        description="Read logged sessions (Athlete ID, Date, Minutes, RPE; optional "
                                    "Top speed %, Top speed m/s, Minutes played, Pain, Note) into "
                                    "the season. Nothing is added while a row has a problem.")
    lg.add_argument("season", metavar="FILE.season.json")
    lg.add_argument("sessions", metavar="SESSIONS.csv|.xlsx")
    lg.add_argument("--save", action="store_true", help="store the sessions in the season file")
    lg.add_argument("--overlap", choices=("replace", "add", "skip", "speed"), help=OVERLAP_HELP)
    lg.add_argument("--until-today", action="store_true", help=UNTIL_TODAY_HELP)
    lg.add_argument("--max-speed-from-log", action="store_true", help=MAX_SPEED_HELP)
    lg.add_argument("--read-names-as-proposed", action="store_true", help=NAMES_HELP)
    lg.add_argument("--only-this-squad", action="store_true", help=SQUAD_HELP)
    lg.add_argument("--skip-bad-rows", action="store_true", help=SKIP_HELP)
    lg.add_argument("--no-replan", action="store_true",
                    help="only add the sessions (by default the season is re-planned from today "
                         "with them, keeping the stored plan wherever changing it gains nothing)")
    add_search_options(lg)
    lg.set_defaults(func=cmd_log)
    ad = sub.add_parser("advance", help="move today: the past keeps what happened",
                        description="Move the season's today. The stage changes the stored plan "
                                    "projected before the new today are listed; --accept records "
                                    "them as the injuries' history (without it they did not happen).")
    ad.add_argument("season", metavar="FILE.season.json")
    ad.add_argument("--today", required=True, metavar="DATE",
                    help="the new today (2027-01-05, 05.01.2027, 5.1.27 or 05/01/2027; or "
                         "'next-week': the next week's first day)")
    ad.add_argument("--accept", action="store_true", help="record every projected stage change")
    ad.add_argument("--log", metavar="SESSIONS.csv|.xlsx",
                    help="also read the sessions of a log that ends before the new today (as 'periodize "
                         "log'; a log with later rows is refused, naming them: export the "
                         "weeks up to today, or give --until-today)")
    ad.add_argument("--overlap", choices=("replace", "add", "skip", "speed"), help=OVERLAP_HELP)
    ad.add_argument("--until-today", action="store_true", help=UNTIL_TODAY_HELP)
    ad.add_argument("--max-speed-from-log", action="store_true", help=MAX_SPEED_HELP)
    ad.add_argument("--read-names-as-proposed", action="store_true", help=NAMES_HELP)
    ad.add_argument("--only-this-squad", action="store_true", help=SQUAD_HELP)
    ad.add_argument("--skip-bad-rows", action="store_true", help=SKIP_HELP)
    ad.add_argument("--save", action="store_true", help="store the result in the season file")
    ad.add_argument("--no-replan", action="store_true",
                    help="only move today (by default the season is re-planned from the new today, "
                         "keeping the stored plan wherever changing it gains nothing); with "
                         "--accept and no stored plan, the season is still planned from the old "
                         "today first, so that the stage changes it projects can be recorded")
    add_search_options(ad)
    ad.set_defaults(func=cmd_advance)
    rc = sub.add_parser("record", help="record what happened (a flare-up, an injury, ...) and re-plan",
                        description="Record changes in the season itself — a confirmed flare-up, a "
                                    "new injury, a player unavailable, a role, a pin — and re-plan "
                                    "from today, keeping the stored plan wherever changing it "
                                    "gains nothing. The same options as 'whatif --new', without the "
                                    "scenario: this is the season now.")
    rc.add_argument("season", metavar="FILE.season.json")
    add_edit_options(rc)
    rc.add_argument("--stage", nargs=3, action="append", default=[], metavar=("ATHLETE", "STAGE", "DATE"),
                    help="the rehab history: ATHLETE entered STAGE on DATE (today at the latest), or "
                         "is still in it then; the stage's days count from DATE (a stage that has "
                         "run out of days while the athlete is not ready)")
    rc.add_argument("--test", nargs=4, action="append", default=[],
                    metavar=("ATHLETE", "TEST", "VALUE", "DATE"),
                    help="a criteria test result: ATHLETE took TEST (its name in quotes, as the "
                         "protocol names it: 'Hamstring strength LSI') with VALUE (68 for 68 %%, 2 "
                         "for a pain score of 2/10) on DATE (today at the latest); recorded to the "
                         "injury governing DATE, as the app's Season ▸ Injuries records it")
    rc.add_argument("--left", nargs=2, action="append", default=[], metavar=("ATHLETE", "DATE"),
                    help="ATHLETE left the squad (sold, released) and DATE (today or later) is their "
                         "first day away: their past is kept (logged sessions, injuries, absences), "
                         "nothing is planned for them from then; a loan, after which they come back, "
                         "is --unavailable with its dates")
    rc.add_argument("--max-speed", nargs=2, action="append", default=[], metavar=("ATHLETE", "SPEED"),
                    help="ATHLETE's max speed, measured: m/s (9.2) or km/h ('34.2 km/h', or a "
                         "number above 15 such as 34.2), read as the app's Season ▸ Squad reads it; "
                         "every top speed in %% of the plan is of it")
    rc.add_argument("--played-with-flare-up", action="store_true",
                    help="with --flare-up dated before matches the log shows played: they played "
                         "them with it, record it on its date all the same (without this, such a "
                         "flare-up is refused, with the day after their last match to date it)")
    rc.add_argument("--save", action="store_true", help="store the result in the season file")
    add_search_options(rc)
    rc.set_defaults(func=cmd_record, reason="")


def cmd_log(args) -> int:
    from ui.cli.commands import EXIT_INFEASIBLE, read_season, refuse_unplannable

    season = read_season(args.season)
    save_target(args, season)  # before the log is read and the season re-planned
    if season.plan is not None and not args.no_replan:  # re-planned with the sessions
        refuse_unplannable(season, args.season)
    after = log_into(season, args.sessions, args.season, args.overlap, args.until_today,
                     args.max_speed_from_log, args.read_names_as_proposed, args.only_this_squad,
                     args.skip_bad_rows)
    changed = after.sessions != season.sessions or after.athletes != season.athletes
    if changed and not args.no_replan and after.plan is not None:
        after, status = _replan(season, after, args.time_limit, args.season, "log",
                                started=getattr(args, "started", None))
        if status is not None:
            if status == EXIT_INFEASIBLE:
                print("Nothing stored: the season file is as it was (no session added). To store "
                      "the log anyway, run the same command with --no-replan --save: the plan "
                      "then stays as it was until the season is solved again, and 'periodize check' says what "
                      "in it no longer holds.", file=sys.stderr)
            return status
    if not changed:
        print("No new session in the log: the season file is as it was.")
        return EXIT_OK
    return _store(after, args, "Stored the sessions in", "the sessions")


def _speeds_into(season, result, path):
    """``--overlap speed``: the log's top speeds given to the sessions logged on their days
    (``planner.logmerge.speeds``), said; InputError naming the days with no session or several."""
    from planner import edits as E
    from planner import logmerge
    from planner.text import plural

    merge, problems = logmerge.speeds(season, result.sessions)
    if problems:
        raise InputError(str(path), problems)
    kept = len({(x.athlete, x.date) for x in result.sessions}) - len(merge.sessions)
    print(f"Top speeds added to {plural(len(merge.sessions), 'session')} already logged (minutes "
          f"and RPE as logged)" + (f"; {plural(kept, 'athlete-day')} kept the speed logged (as "
                                   f"fast, or none in the log)" if kept else "")
          + (f"; {result.left_out()}" if result.later else "") + ".")
    if not merge.sessions:
        return season
    return E.LogSessions(sessions=merge.sessions, replace=merge.replace).apply(season)


def log_into(season, path, season_path: str = "SEASON", overlap: str | None = None,
             until_today: bool = False, max_speed_from_log: bool = False,
             as_proposed: bool = False, only_squad: bool = False, skip_bad: bool = False,
             unrecorded=(), accept: bool = False, read: list | None = None,
             said_after: bool = True):
    """``season`` with the sessions of the log at ``path`` (InputError: nothing added), saying
    what was added, the mapping used, the flare-ups the pain proposes and the load flags.
    ``overlap``: what to do on athlete-days that already have other sessions logged
    (``planner.logmerge``); None refuses such a log, naming the days. ``until_today``: its rows
    after today are left out and counted, not refused. ``max_speed_from_log``: an athlete with
    no max speed takes the fastest the log gives him (``logmerge.read_taking_max_speeds``),
    in the season returned with the sessions. ``as_proposed``: a name that is another spelling
    of one athlete's is read as him, said (``--read-names-as-proposed``). ``only_squad``: the
    rows of players not in this squad are left out, said (``--only-this-squad``). ``skip_bad``:
    a log whose problems each name a row is read without those rows, each said
    (``--skip-bad-rows``); refused without it, the refusal says so. ``unrecorded``: the stage
    changes ``advance`` listed and did not record (``accept``: it was asked to), said beside a
    speed logged above the stage the records hold (:func:`_projected_note`). ``read``: given,
    the log's ``LogResult`` is appended to it (what ``advance`` says of a log that adds nothing).
    ``said_after``: False leaves out what the sessions bring up (:func:`_say_after_log`: the
    flare-ups, the sessions above the stage, the load flags of the whole squad), for a reading
    whose words are not printed (``advance`` reads the log a first time only for its sessions:
    the flags and stages of 40 athletes worked out for nothing doubled its wait)."""
    from planner import edits as E
    from planner import logmerge
    from planner.sessionlog import LogError, read_sessions
    from planner.text import plural

    def reader(s):
        try:
            return read_sessions(path, s, until_today=until_today, speeds=overlap == "speed",
                                 as_proposed=as_proposed, only_squad=only_squad, skip_bad=skip_bad)
        except LogError as e:
            if skip_bad or not e.skippable:
                raise
            # not offered when it would leave out most of the file (what to do instead), nor
            # when it would leave no row to read
            fix = e.most_left_out() or (SKIP_FIX if len(e.bad_rows()) < e.rows else "")
            raise LogError(e.source, e.problems, more=e.more, note=" ".join(
                x for x in (e.note, fix) if x), no_max=e.no_max,
                proposed=e.proposed, others=e.others, skippable=e.skippable, rows=e.rows,
                covers=e.covers) from None

    if max_speed_from_log:
        taken, result = logmerge.read_taking_max_speeds(reader, season)
        season = taken.season  # the sessions are logged over the max speeds set
    else:
        taken, result = None, reader(season)
    if read is not None:
        read.append(result)
    print(result.text())
    for line in taken.lines if taken else ():
        print(line)
    if overlap == "speed":
        return _speeds_into(season, result, path)
    if not result.sessions and not result.already:
        # a header row alone: "Added 0 sessions" and the whole squad's load flags said nothing
        print(result.nothing_new())
        return season
    found = logmerge.overlaps(season, result.sessions, result.already)
    if found and overlap is None:
        raise InputError(str(path), [
            logmerge.summary(season, found) + ". Say what to do with them: --overlap replace "
            "(the log's sessions replace those days'), --overlap add (both count: a second "
            "session that day) or --overlap skip (keep what is logged)"])
    merge = logmerge.resolve(result.sessions, found, overlap)
    after = (E.LogSessions(sessions=merge.sessions, replace=merge.replace).apply(season)
             if merge.sessions or merge.replace else season)
    sessions = merge.added
    athletes = {s.athlete for s in sessions}
    days = {(s.athlete, s.date) for s in sessions}
    print(f"Added {plural(len(sessions), 'session')} of {plural(len(athletes), 'athlete')} "
          f"on {plural(len(days), 'athlete-day')}"
          + (f"; {plural(len(found), 'athlete-day')} already logged: "
             + {"replace": "the log's sessions replaced them",
                "add": "the log's sessions added to them",
                "skip": "kept as logged, the log's sessions left out"}[overlap] if found else "")
          + (f"; {result.left_out()}" if result.later else "")
          + (f"; {result.skipped_line()}" if result.skipped else "") + ".")
    if said_after:
        _say_after_log(season, after, season_path, _projected_note(unrecorded, accept))
    return after


def _projected_note(unrecorded, accept: bool):
    """The words said after a day's stage in an "Above the stage" line when the stored plan
    projected a change of that athlete's stage on or before the day and this ``advance`` did not
    record it: "; recorded, P2 projected from Tue 6 Oct 2026: --accept records it". "Not recorded
    … the athletes stay in their stages", then "logged 60 % … in P1", then the Returns' "now P2,
    planned; P1 recorded" left a physio unsure whether P2 held or not."""
    def note(p) -> str:
        t = next((t for t in unrecorded if t.athlete == p.athlete and t.date <= p.date), None)
        if t is None:
            return ""
        what = "full training" if t.stage == "FIT" else t.stage
        how = "not recorded (above)" if accept else "--accept records it"
        return f"; recorded, {what} projected from {day_long(t.date)}: {how}"
    return note


def _say_after_log(season, after, season_path: str = "SEASON", note=None) -> None:
    """What a log merged into ``season`` (giving ``after``) brings up, a line each: the flare-ups
    its pain proposes, the pains listed (of athletes not in rehab, just below a protocol's flare-up
    threshold), the matches played in rehab or while
    away, the sessions logged on days away (or not with the squad), the sessions above the
    rehab stage, and the monitoring flags."""
    from planner.progress import flare_proposals
    from ui.cli.commands import flare_hint, flare_order

    was_proposed = flare_proposals(season)  # once, not once for each of after's
    new = [p for p in flare_proposals(after) if p not in was_proposed]
    for p in new:
        print(f"Proposed flare-up: {p.text(after)}. {flare_hint(season_path, p, after)}")
    for line in flare_order(season_path, new, after):
        print(line)
    from planner.progress import listed_pains, pain_alert_lines

    was = listed_pains(season)
    for line in pain_alert_lines(after, [p for p in listed_pains(after) if p not in was]):
        print(line)
    from planner.progress import played_in_rehab_since

    for p in played_in_rehab_since(season, after):  # the log's matches, not those said before
        for q in p.by_cause(after):  # a line per flare-up or record that holds them in rehab
            print(f"Played in rehab: {q.text(after)}.")
    from planner.progress import played_while_away

    was_away = played_while_away(season)
    fix = "the app's Season ▸ Squad, Unavailable, or the coach workbook's Unavailable sheet"
    for p in [p for p in played_while_away(after) if p not in was_away]:
        print(f"Played while away: {p.text(after, fix)}.")
    from planner.progress import logged_while_away

    old = set(season.sessions)
    for line in logged_while_away(after, [s for s in after.sessions if s not in old]):
        print(f"Note: {line}.")
    from planner.history import starts_read_as_bench

    for line in starts_read_as_bench(after, [s for s in after.sessions if s not in old]):
        print(f"Note: {line}.")
    from planner.progress import NEAR_CAP, above_stage, above_stage_lines

    was_above = set(above_stage(season))  # once: it was worked out again for each day of after's
    far, near = above_stage_lines(after, [p for p in above_stage(after) if p not in was_above],
                                  note)
    for line in far:  # per athlete (the largest breach first), in date order
        print(f"Above the stage: {line}; worth a word with the athlete and the physio.")
    if near:
        print(f"Just above the stage (less than {NEAR_CAP} percentage points over its cap):")
        for line in near:
            print(f"  - {line}")
    if after.sessions != season.sessions:  # the log's news: none when it added nothing
        _print_flags(after, [s for s in after.sessions if s not in old])


def _print_flags(season, logged=None) -> None:
    """The monitoring flags of the log (docs/load.md), when load figures exist; ``logged``: the
    sessions just imported (the weeks they cover are compared with the plan)."""
    from planner.load import flag_lines

    for line in flag_lines(season, group=True, logged=logged):  # the squad's sentence: one line
        print(line)


def _today(text: str, season) -> dt.date:
    from planner.progress import next_week_start

    if text.strip().lower() in ("next-week", "next week", "next"):
        day = next_week_start(season)
        _say_cut_week(season, day)
    else:
        from planner.text import DATE_WRITTEN, not_a_date, read_date

        day = read_date(text)
        if day is None:
            raise InputError("--today", [f"'{text[:40]}' {not_a_date(text)}; write it as {DATE_WRITTEN}, "
                                         f"or 'next-week'"])
    # as in the app's Move Today: from the season's first day to the day after its last
    cal = season.calendar
    last = cal.end + dt.timedelta(days=1)
    if day < cal.start:
        raise InputError("--today", [f"{day_long(day)} is before the season starts "
                                     f"({day_long(cal.start)}); give {cal.start.isoformat()}, "
                                     f"the season's first day: with it nothing is past yet, as "
                                     f"with any day before the season"])
    if day > last:
        raise InputError("--today", [f"{day_long(day)} is after the season ends "
                                     f"({day_long(cal.end)}); give a date up to "
                                     f"{day_long(last)} (the day after the season: all of it "
                                     f"played)"])
    return day


def _say_cut_week(season, day: dt.date) -> None:
    """``--today next-week`` in the season's last week: the next week's first day lies after
    the season, so today moves to the day after it (as Move Today's Next week); said, as the
    new today is not the week's first day the coach asked for."""
    from planner.season import WEEKDAYS
    from planner.validate import planning_start

    cal = season.calendar
    start = planning_start(season)
    week = start + dt.timedelta(days=(WEEKDAYS.index(cal.week_start) - start.weekday()) % 7 or 7)
    if day == cal.end + dt.timedelta(days=1) and week > day:
        print(f"Note: next week starts {day_long(week)}, after the season ends "
              f"({day_long(cal.end)}): today moves to the day after the season, "
              f"{day_long(day)} (all of it played).")


def _log_option(args) -> None:
    """``--log`` and ``--overlap`` checked before the season is planned and today moves."""
    for given, option, what in (
            (args.overlap, "--overlap", "says what to do with a log's sessions on days already logged"),
            (args.until_today, "--until-today", "says which rows of a log to read"),
            (args.max_speed_from_log, "--max-speed-from-log", "takes max speeds from a log"),
            (args.read_names_as_proposed, "--read-names-as-proposed", "reads a log's names"),
            (args.only_this_squad, "--only-this-squad", "says which rows of a log to read"),
            (args.skip_bad_rows, "--skip-bad-rows", "says which rows of a log to read")):
        if given and not args.log:
            raise InputError(option, [f"{what}: give the log with --log, or leave {option} out"])
    if args.log and not os.path.isfile(args.log):
        from planner.limits import not_a_file

        raise InputError(str(args.log), [not_a_file(args.log, "session log") or
                                         "no such file; check the path"])


def cmd_advance(args) -> int:
    from planner import edits as E
    from planner.progress import (
        later_records,
        pending_flare_ups,
        projected_transitions,
        recordable,
    )
    from planner.unlogged import unlogged_text
    from planner.validate import planning_start, today_notes
    from ui.cli.commands import read_season

    _log_option(args)
    # planned when re-planned, or when --accept needs a plan to record from
    season = read_season(args.season, to_plan=args.accept or not args.no_replan, moves_today=True)
    save_target(args, season)
    today = _today(args.today, season)
    before = planning_start(season)
    season, status = _planned_first(season, today, before, args)
    if status is not None:
        return status
    # what would change is said once the log (when given) is read: a refused log leaves
    # nothing said as done ("Recorded as history.", "Today is ...") above its refusal. The log
    # is read before the stage changes are recorded (it decides which of them happened), then
    # again into the season with them, for what it says (a speed above the stage it was in)
    said = io.StringIO()
    if args.log:
        read: list = []
        with contextlib.redirect_stdout(io.StringIO()):
            logged = _read_log_for(E.AdvanceToday(today=today).apply(season), args, read=read,
                                   said_after=False)
        _adds_something(season, logged, read[-1], today, args)
    moves = projected_transitions(season, today, sessions=logged.sessions if args.log else None)
    with contextlib.redirect_stdout(said):
        recorded = recordable(moves) if args.accept else []
        accepted = tuple(E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
                         for t in recorded)
        after = E.AdvanceToday(today=today, accepted=accepted).apply(season)
        # the pains already logged that propose a flare-up, as Move Today offers them: before
        # the stage changes, which the flare-up would send back
        pains = pending_flare_ups(season, before, today)[0]
        _say_pains(pains, after if args.save else season, today, args)
        _say_moves(season, moves, recorded, args)
        if args.accept and not moves and today > before:
            print("No stage change was projected before the new today: --accept had nothing to "
                  "record.")
        if today < before:
            later = later_records(after, today)
            if later:
                print("Moved back: these lie after today now (kept; they count again once today passes them):")
                for label, x in _grouped_later(after, later):
                    print(f"  - {x.text(label, dt.date.isoformat)}")
        print(f"Today is {today.isoformat()} (was {before.isoformat()}).")
        if args.log:
            after = _read_log_for(after, args, [t for t in moves if t not in recorded])
    print(said.getvalue(), end="")
    for note in today_notes(after):  # said for the new today (the file's was read with the old)
        print(f"Note: {args.season}: {note}", file=sys.stderr)
    if args.log:
        _flare_before_accepted(after, accepted, before, args.season, args.save)
    gap = unlogged_text(season, today, after.sessions)
    if gap:
        print(gap)
    if not args.no_replan and after.plan is not None:
        after, status = _replan_moved(season, after, args.time_limit, args.season,
                                      started=getattr(args, "started", None))
        if status is not None:
            return status
    status = _store(after, args, "Stored in", "the new today")
    _ahead_of_clock(today, before, args)  # once stored: a failure above stored nothing to go back on
    return status


def _ahead_of_clock(today: dt.date, before: dt.date, args) -> None:
    """Say when the new today is after the computer's date: allowed (a coach may plan ahead),
    but 'advance --today next-week' run twice by mistake moved today a week too far unsaid. The
    way back from a save is the file it kept: moving today back would not undo what --accept
    recorded or what --log added."""
    clock = computer_date()
    if today > clock and today > before:
        back = (f"; if that is a mistake, copy {shlex.quote(args.season + '.bak')} (the season "
                f"before this move) back over {shlex.quote(args.season)}" if args.save else "")
        print(f"Note: the new today, {day_long(today)}, is after this computer's date "
              f"({day_long(clock)}){back}.")


def _say_pains(pains, season, today: dt.date, args) -> None:
    """The flare-ups proposed by pains already logged (``pending_flare_ups``), each with the
    command that records it in ``season`` (the file as this move leaves it); one the file's
    today does not reach yet (not saved), with the commands that record it in order, today
    moved on to ``today`` last."""
    from ui.cli.commands import flare_hint, flare_order

    # not saved, the file's today is still ``before``: a pain on or after it is recorded in
    # steps (flare_order), not by this move with --save, which with --accept would record the
    # stage changes projected past it first
    move_to = None if args.save else today
    for p in pains:
        print(f"Proposed flare-up: {p.text(season)}. {flare_hint(args.season, p, season, move_to)}")
    for line in flare_order(args.season, pains, season, move_to, args.accept):
        print(line)


def _say_moves(season, moves, recorded, args) -> None:
    """The projected stage changes, what ``--accept`` recorded of them and why not the rest;
    a change on or after a pain that proposes a flare-up (``Transition.pain``, the log being
    read included) is marked: the plan that projected it did not know of the pain."""
    if not moves:
        return
    print("The stored plan projected these stage changes before the new today:")
    for t in moves:
        pain = t.pain
        after_pain = ("" if pain is None else
                      f" ⚠ {'recorded though ' if t in recorded else ''}a pain that proposes a "
                      f"flare-up came {_before_it(pain, t)}: "
                      f"{pain.pain:g}/10 on {day_long(pain.date)}")
        print(f"  - {t.text(season)}" + (f" ⚠ not borne out by the log: {t.short}" if t.short else "")
              + after_pain)
    if not args.accept:
        print("Not recorded (add --accept to record them; not done, the athletes stay in their stages).")
        return
    left = [t for t in moves if t not in recorded]
    print("Recorded as history." if not left else
          f"Recorded as history: {len(recorded)} of {len(moves)}.")
    for a in dict.fromkeys(t.athlete for t in left):
        first = next(t for t in left if t.athlete == a)
        who = season.athlete_label(a)
        # the record needs today moved past the change's day: stored only with --save
        then = "" if args.save else "this move saved (the same command with --save), then "
        print(f"  Not recorded: {who} entering {first.stage} (nor any later change of theirs): "
              f"the athlete stays in the stage before it. If the physio says it was done (a "
              f"session the log missed): {then}periodize record {shlex.quote(args.season)} "
              f"--stage {a} {first.stage} {first.date.isoformat()} --save")
    from planner import edits as E
    from planner.returns import passed_over_all

    # what Move Today asks about before recording, as ``record --stage`` says it
    for over in passed_over_all(season, recorded, E.RecordStage):
        print(f"  Note: {over.words}.")
    gated = [t for t in recorded if t.waits_on]
    if gated:  # the app offers these unticked: here they were recorded
        tests = sorted({x for t in gated for x in t.waits_on})
        print(f"  {len(gated)} of them recorded without a passing test ({', '.join(tests)}): "
              f"record the results in the injuries' tests (the workbook's Tests sheet, or "
              f"Season ▸ Injuries in the app); to leave the changes unrecorded, run advance "
              f"without --accept (the app's Move Today ticks them one by one).")


def _before_it(pain, change) -> str:
    """Where a pain lies against a projected stage change of the same athlete."""
    return "on its day" if pain.date == change.date else "before it"


def _planned_first(season, today: dt.date, before: dt.date, args):
    """(season, None), planned from the old today when no stored plan projects the stage changes
    (``_plan_as_it_stood``), or (season, exit status) when that finds no plan. ``--accept``
    records what a plan projected: with none stored, the season is planned first even with
    ``--no-replan`` (which keeps the plan from being re-planned, not from existing)."""
    from planner import edits as E

    if not (season.plan is None and today > before and season.injuries and (
            args.accept or not args.no_replan)):
        return season, None
    if args.log:  # a bad log is refused before the season is planned, not after
        with contextlib.redirect_stdout(io.StringIO()):
            _read_log_for(E.AdvanceToday(today=today).apply(season), args, said_after=False)
    season, status = _plan_as_it_stood(season, before, args.time_limit, args.season)
    if status is not None:
        print("Nothing recorded or stored: the season file is as it was.", file=sys.stderr)
    return season, status


def _adds_something(season, logged, result, today: dt.date, args) -> None:
    """Refuse a move whose log adds nothing while the days it puts in the past have nothing
    logged: the Monday script run twice (a retry, last week's export not yet replaced) read
    last week's log again, every row already in the season, moved today another week, counted
    that week as planned and recorded the stage changes the plan projected in it, with exit 0.
    ``logged``: ``season`` with the log read (for the new today); ``result``: what was read."""
    from planner.unlogged import empty_days, nothing_added_words

    if logged.sessions != season.sessions or not empty_days(season, today):
        return
    raise InputError("", [nothing_added_words(
        args.log, result, "Nothing changed. Give this week's log, or move today without --log "
                          "to count the days as planned.")])


def _read_log_for(season, args, unrecorded=(), read: list | None = None, said_after: bool = True):
    """``season`` with the log of ``advance --log`` read in; a refusal says nothing was saved.
    ``unrecorded``: the projected stage changes not recorded (:func:`log_into`); ``read``: the
    ``LogResult`` is appended to it; ``said_after``: :func:`log_into`'s, False for a reading
    whose words are thrown away."""
    try:
        return log_into(season, args.log, args.season, args.overlap, args.until_today,
                        args.max_speed_from_log, args.read_names_as_proposed,
                        args.only_this_squad, args.skip_bad_rows, unrecorded, args.accept, read,
                        said_after)
    except InputError as e:
        fix = ("say what to do with the days already logged (--overlap) and run the command "
               "again" if any("--overlap" in p for p in e.problems)
               else "fix the log and run the command again")
        note = ("Nothing was saved: today, the stage changes and the season file are as they "
                f"were; {fix}.")
        raise InputError(e.source, e.problems, more=e.more,
                         note="\n".join(x for x in (e.note, note) if x)) from None


def cmd_record(args) -> int:
    from planner import edits as E
    from ui.cli.commands import read_season
    from ui.cli.whatif import edit_objects

    season = read_season(args.season, to_plan=True)  # always re-planned
    save_target(args, season)
    from planner.validate import planning_start

    for option, problems in _record_problems(season, args, planning_start(season)):
        raise InputError(option, problems)
    unchanged: list[str] = []
    edits, after = edit_objects(season, args, unchanged)
    _played_after_flare_ups(season, after, edits, args)
    for said in unchanged:
        print(f"Note: {said}.", file=sys.stderr)
    if not edits:
        raise InputError("record", ["give at least one change to record (e.g. --flare-up ATHLETE "
                                    "DATE, --injury ATHLETE PROTOCOL DATE, --stage ATHLETE STAGE "
                                    "DATE, --unavailable ATHLETE FROM TO, --max-speed ATHLETE "
                                    "SPEED, --test ATHLETE \"TEST NAME\" VALUE DATE); see --help"])
    # the re-plan decides whether anything is stored: no "Recorded:" above "Nothing stored"
    print("Recording:" if args.save else "Would record:")  # the --save hint: _store's, once
    cur = season
    held = []
    for e in edits:
        print(f"  - {e.describe(cur)}")
        if isinstance(e, E.RecordFlareUp) and e.note:  # as the app's Injuries editor lists it
            print(f"    Noted with it in the injury history: {e.note}")
        if isinstance(e, E.RecordStage):  # a stage change before the held one is done
            from planner.returns import passed_over

            if (over := passed_over(cur, e.athlete, e.stage, e.start)) is not None:
                held.append(over.words)
        cur = e.apply(cur)
        if isinstance(e, E.RecordCriteriaTest):
            held += _test_notes(cur, e)
        if isinstance(e, E.AddInjury):
            held += _flare_instead_notes(cur, e, args)
    from planner.progress import credit_not_run, stages_out_of_time_since

    # a ladder credited with no run logged; a stage too deep to end in time
    for words in held + credit_not_run(season, cur) + stages_out_of_time_since(
            season, cur, shlex.quote(args.season)):
        print(f"Note: {words}.")
    _logged_in_new_stages(season, cur, args.save, args.played_with_flare_up)
    # always re-planned: a stored plan that ignores a recorded flare-up or injury would be misread
    # later (its projected stage changes offered as history by 'advance')
    if season.plan is not None:
        after, status = _replan_change(season, after, args.time_limit, args.season,
                                       started=getattr(args, "started", None))
    else:
        after, status = _plan_as_it_stands(after, args.time_limit, args.season,
                                           started=getattr(args, "started", None), before=season)
    if status is not None:
        print("Nothing recorded or stored: the season file is as it was.", file=sys.stderr)
        return status
    return _store(after, args, "Stored in", "it")


def _flare_instead_notes(season, e, args) -> list[str]:
    """For the same injury recorded again soon after the return: what a flare-up recorded
    instead does, and the command (planner.progress.flare_instead)."""
    from planner.progress import flare_instead

    instead = flare_instead(season, e.athlete, e.onset)
    if not instead:
        return []
    bak = (f" (copy back {os.path.basename(args.season)}.bak, the file before this record, "
           f"first)" if args.save else "")
    return [f"{season.athlete_label(e.athlete)}: {instead} (the usual way when the same symptoms "
            f"come back this soon after the return): periodize record {shlex.quote(args.season)} "
            f"--flare-up {e.athlete} {e.onset.isoformat()} --save instead of --injury{bak}"]


def _test_notes(season, e) -> list[str]:
    """What the Injuries editor says of a criteria result just recorded: whether it passes its
    pass mark, the hold a failing one sets, in the Inspector's words ("… (pass mark ≤ 1/10): P1
    held until retest on Mon 19 Oct 2026", planner.why.gate_holds), and when it does not count
    yet (another stage's test)."""
    from planner.criteria import result_criterion, uncounted_test_words
    from planner.protocols import load_protocol
    from planner.rehab import governing
    from planner.text import measure
    from planner.why import gate_holds

    t = e.test
    inj = governing(season.injuries_of(e.athlete), t.date)
    c = result_criterion(load_protocol(inj.protocol), inj, t.name, t.date)[1]
    verdict = "passes" if c.passes(t.value) else "does not pass yet"
    out = [f"{t.name} {measure(t.value, t.unit)}: pass mark {c.bar}, this result {verdict}"]
    if not c.passes(t.value) and (hold := gate_holds(season, inj).get(t.name)):
        out.append(hold)
    if words := uncounted_test_words(season, e.athlete, t):
        out.append(words.removesuffix(" (Record stage).") + " (record --stage)")
    return out


def _played_after_flare_ups(season, after, edits, args) -> None:
    """Refuse a flare-up dated before matches the log shows played, which it would put in
    rehab, unless ``--played-with-flare-up`` says he played with it: stored first and questioned
    after, such a flare-up restarted a two-month rehab for a player who had played 9 matches."""
    from planner import edits as E
    from planner.progress import played_after_flare_up, played_after_flare_words

    if args.played_with_flare_up:
        return
    problems = []
    for e in edits:
        if isinstance(e, E.RecordFlareUp) and (
                days := played_after_flare_up(season, after, e.athlete, e.date)):
            problems.append(played_after_flare_words(
                after, e.athlete, e.date, days, f"--flare-up {e.athlete} {{date}} instead",
                f"add --played-with-flare-up to record it on {e.date.isoformat()}"))
    if problems:
        raise InputError("--flare-up", problems, note="Nothing recorded or stored: the season "
                                                      "file is as it was.")


def _logged_in_new_stages(season, after, saving: bool, played_with: bool = False) -> None:
    """What the log holds on days the recorded changes now put in a rehab stage (an injury
    dated before a match logged at full load), said as ``log`` says it: recording it said
    nothing of the match, while ``log`` said "Played in rehab" for the same facts. Only the
    matches the changes put in rehab, or in another stage of it, are named; what to do is
    ``log``'s advice, the onset moved only for an injury just recorded with nothing on it yet;
    ``played_with``: --played-with-flare-up, said of the matches after a flare-up it recorded."""
    from planner.progress import (
        FLARE_FIX,
        NEAR_CAP,
        STAGE_FIX,
        above_stage,
        above_stage_lines,
        flare_up_before,
        injury_after_match_words,
        onset_in_question,
        played_in_new_stages,
        played_in_rehab_advice,
    )
    from planner.text import join_and

    onset_fix = ("stored: correct the onset in the app, Season ▸ Injuries" if saving else
                 "record it with that date")
    # a flare-up moved: what 'record --flare-up' refuses, or 'log' says, only stored already
    flare_fix = ("stored: the season as it was is kept in its .bak file (below); record the "
                 "flare-up there on that day instead" if saving else FLARE_FIX)
    for p in [q for x in played_in_new_stages(season, after) for q in x.by_cause(after)]:
        names = join_and([f"'{c.name}'" for d in p.days for c in after.competitions
                          if c.date <= d <= c.last])
        said = f"Played in rehab: {p.said(after, names)}: "
        if onset_in_question(season, after, p.athlete, p.days):
            print(f"{said}{injury_after_match_words(p.days, onset_fix)}.")
        else:
            advice = played_in_rehab_advice(after, p.athlete, p.days, STAGE_FIX, flare_fix)
            flare = flare_up_before(after, p.athlete, p.days[0])
            if played_with and flare is not None and flare < p.days[0] and flare not in {
                    f for r in season.injuries_of(p.athlete) for f in r.flare_ups}:
                advice += "; recorded on its date, as they played with it (--played-with-flare-up)"
            print(f"{said}{advice}.")
    new = [p for p in above_stage(after) if p not in above_stage(season)]
    for p, planned, cap in _within_the_plan(season, new):  # the record's own doing
        allowed = "no running" if p.cap == 0 else f"at most {p.cap} %"
        print(f"Logged as planned: {after.athlete_label(p.athlete)} logged {p.top} % of max "
              f"speed on {day_long(p.date)} in {planned}, as the plan had it (at most {cap} %) "
              f"before this record; that day now falls in {p.stage} ({allowed}).")
    far, near = above_stage_lines(after, [p for p in new if p not in
                                          {x for x, _, _ in _within_the_plan(season, new)}])
    for line in far:
        print(f"Above the stage: {line}; worth a word with the athlete and the physio.")
    if near:
        print(f"Just above the stage (less than {NEAR_CAP} percentage points over its cap):")
        for line in near:
            print(f"  - {line}")


def _within_the_plan(season, items) -> list[tuple]:
    """(AboveStage, stage, cap) for each day of ``items`` (above its stage only once a record
    moved that day into another stage) whose logged speed was within the cap of the stage the
    stored plan of ``season`` gave the day: logged as planned before the record, not a breach
    of the athlete's."""
    from planner.protocols import load_protocol
    from planner.rehab import governing
    from planner.timeline import Timeline

    if season.plan is None or not items:
        return []
    tl, out = Timeline(season), []
    for p in items:
        ap, i = season.plan.for_athlete(p.athlete), tl.index(p.date)
        rec = governing(season.injuries_of(p.athlete), p.date)
        if ap is None or i is None or rec is None or len(ap.stages) != tl.n:
            continue
        proto, stage = load_protocol(rec.protocol), ap.stages[i]
        cap = proto.cap(stage) if stage in proto.stage_ids else 100
        if stage != p.stage and p.top <= cap:
            out.append((p, stage, cap))
    return out


def _record_problems(season, args, today: dt.date) -> list[tuple[str, list[str]]]:
    """What 'record' refuses beyond what a what-if scenario does: it changes the season itself,
    so nothing may be recorded before it happened or fall outside the season, nor be given twice
    in one command (the last would silently win). A change of the past (a competition, an
    absence, a day off, a day left) is refused by the edit itself, as in the app and 'whatif'
    (``edit_objects``: planner.scenarios.past_change_problem)."""
    return [(option, problems) for option, problems in _dated_problems(season, args, today)
            + _twice_problems(season, args) if problems]


def _dated_problems(season, args, today: dt.date) -> list[tuple[str, list[str]]]:
    """The dates 'record' refuses, in the planner's words (the app's): a flare-up or a test
    result after today, a pin or a stage start before it, an absence or an injury after the
    season ends, a new injury that starts in FIT."""
    from planner.edits import flare_up_not_yet
    from planner.scenarios import next_season_words, past_words
    from planner.text import date_long
    from planner.validate import test_not_yet
    from ui.cli.names import athlete_id
    from ui.cli.whatif import unavailable_specs

    cal, out = season.calendar, []
    # an athlete whose injury this command records: his stage is checked once it is recorded
    injured = frozenset(athlete_id(season, spec[0], "--injury") for spec in args.injury
                        if spec and (args.stage or args.stage_start))
    out.append(("--flare-up", [
        f"{d}: {why}; 'periodize whatif {shlex.quote(args.season)} --new NAME --flare-up {a} {d}' "
        f"shows what it would change" for a, d in args.flare_up
        if (when := _parsed(d)) is not None and (why := flare_up_not_yet(season, when)) is not None]))
    out.append(("--pin", [f"{d}: a pin holds from today on; {date_long(when)} {past_words(season)}"
                          for _a, d, _lv in args.pin if (when := _parsed(d)) is not None
                          and cal.today is not None and when < today]))
    for option, specs in (("--stage-start", args.stage_start), ("--stage", args.stage)):
        out.append((option, [f"{a} {st} {d}: {why}" for a, st, d in specs if (
            why := _stage_problem(season, a, st, d, today, option, injured)) is not None]))
    out.append(("--test", [f"{a} {shlex.quote(n)} {v} {d}: {why}; give the day it was taken, or "
                           f"move today on first (periodize advance)" for a, n, v, d in args.test
                           if (when := _parsed(d)) is not None
                           and (why := test_not_yet(season, when)) is not None]))
    out.append(("--unavailable", [f"{a} {x}..{y}: it starts after the season ends "
                                  f"({cal.end.isoformat()}); {next_season_words(season)}"
                                  for a, x, y, _why in unavailable_specs(args)
                                  if (fx := _parsed(x)) is not None and (fy := _parsed(y)) is not None
                                  and cal.end < fx <= fy]))
    out.append(("--injury", [f"{' '.join(spec)}: {spec[2]} is after the season ends ({cal.end.isoformat()})"
                             for spec in args.injury if len(spec) >= 3
                             and (when := _parsed(spec[2])) is not None and when > cal.end]))
    out.append(("--injury", [f"{' '.join(spec)}: a new injury starts in a rehab stage, not FIT"
                             for spec in args.injury if len(spec) == 4 and spec[3].strip().upper() == "FIT"]))
    return out


def _twice_problems(season, args) -> list[tuple[str, list[str]]]:
    """Each change given twice in one command (the last would silently win): give it once."""
    from ui.cli.names import athlete_id
    from ui.cli.whatif import _comp_id

    def once(option: str, keys: list[tuple[object, str]]) -> tuple[str, list[str]]:
        seen: set = set()
        return option, [f"{shown} is given twice in one command; give it once" for key, shown in keys
                        if key in seen or seen.add(key)]

    comps = [c for c, _ in args.move_competition] + list(args.remove_competition) + [
        c for c, _ in args.priority]
    return [
        once("record", [(_comp_id(season, c), f"{c!r} (--move-competition, --remove-competition, "
                                              f"--priority)") for c in comps]),
        once("--role", [((_comp_id(season, c), athlete_id(season, a, "--role")), f"{c} {a}")
                        for c, a, _r in args.role]),
        once("--rule", [(spec.split("=", 1)[0].strip().casefold(), spec.split("=", 1)[0].strip())
                        for spec in args.rule]),
        once("--pin", [((athlete_id(season, a, "--pin"), d), f"{a} {d}") for a, d, _lv in args.pin]),
        once("--flare-up", [((athlete_id(season, a, "--flare-up"), _parsed(d) or d), f"{a} {d}")
                            for a, d in args.flare_up]),
        once("--stage-start", [((athlete_id(season, a, "--stage-start"), st.strip().upper()),
                                f"{a} {st}") for a, st, _d in args.stage_start]),
        once("--stage", [((athlete_id(season, a, "--stage"), _parsed(d) or d), f"{a} {d}")
                         for a, _st, d in args.stage]),
        once("--left", [(athlete_id(season, a, "--left"), a) for a, _d in args.left]),
        once("--max-speed", [(athlete_id(season, a, "--max-speed"), a) for a, _v in args.max_speed]),
    ]


def _stage_problem(season, key: str, stage: str, text: str, today: dt.date,
                   option: str = "--stage", injured: frozenset[str] = frozenset()) -> str | None:
    """What is wrong with ``--stage ATHLETE STAGE DATE`` (or ``--stage-start``), in the order a
    coach fixes it: the athlete (an unknown one: the InputError of ``athlete_id``), an injury for
    the stage to belong to, a stage of its protocol (both left to the edit for an athlete whose
    injury the command records: ``injured``), then the date (a stage is recorded once the
    athlete is in it; a stage start is planned from today on); a date not read is said where the
    edit is built."""
    from planner.edits import no_injury_problem, stage_problem
    from planner.rehab import governing
    from planner.scenarios import past_words
    from planner.text import date_long
    from planner.validate import not_yet_problem
    from ui.cli.names import athlete_id

    aid, when = athlete_id(season, key, option), _parsed(text)
    if aid not in injured:
        if (why := no_injury_problem(season, aid, when)) is not None:
            return why
        records = season.injuries_of(aid)
        inj = governing(records, when) if when is not None else records[-1]
        if (why := stage_problem(stage.strip().upper(), inj.protocol)) is not None:
            return why
    if when is None:
        return None
    if option == "--stage-start" and season.calendar.today is not None and when < today:
        return (f"{date_long(when)} {past_words(season)} (a stage change that happened is "
                f"recorded with --stage {key} {stage} {text})")
    if option == "--stage" and (why := not_yet_problem(
            season, when, "a stage is recorded once the athlete is in it")) is not None \
            and not _joins_on(season, key, when):
        return f"{why}; --stage-start {key} {stage} {text} plans it to start then"
    return None


def _grouped_later(season, later) -> list[tuple[str, object]]:
    """(label, record) for each line: the same sessions of three athletes or more on one line
    ("24 athletes: 24 days of logged sessions from …"), not 24 lines alike."""
    from planner.text import plural

    groups: dict[tuple, list] = {}
    for x in later:
        groups.setdefault((x.what, x.date, x.last), []).append(x)
    out, said = [], set()
    for x in later:
        same = groups[(x.what, x.date, x.last)]
        if len(same) >= 3 and "logged session" in x.what:
            if id(same) not in said:
                said.add(id(same))
                out.append((plural(len(same), "athlete"), x))
        else:
            out.append((season.athlete_label(x.athlete), x))
    return out


def _store(season, args, done: str, what: str) -> int:
    """Save ``season`` into the season file with --save, else say that nothing was stored."""
    if args.save:
        from ui.cli.outputs import kept_words, store_season

        aside = store_season(season, args.season)
        print(f"{done} {args.season}{kept_words(args.season, aside=aside)}")
    else:
        print(f"Nothing stored (add --save to keep {what}).")
    return EXIT_OK


def _joins_on(season, key: str, day: dt.date) -> bool:
    """Is ``day`` the day the signing ``key`` (an ID or a name) joins the squad? His stage is
    recorded then, ahead of today: it is the day his new club assesses him."""
    from planner.squad import joined_on
    from ui.cli.names import athlete_id

    try:
        return joined_on(season, athlete_id(season, key, "--stage")) == day
    except InputError:
        return False


def _parsed(text: str) -> dt.date | None:
    from planner.text import read_date

    return read_date(text)  # None: edit_objects says what is wrong with it


def _replan_change(before, season, time_limit: float, path: str, started: float | None = None):
    """``season`` re-planned around what changed since ``before``, changing ``before``'s plan
    only where that gains something (the same re-plan as a what-if scenario's)."""
    from solver.whatif import replan

    return _replanned(before, season, time_limit, path, "record", lambda stop: replan(
        before, season, before.plan, time_limit=time_limit, stop=stop),
        "Re-planned, keeping the stored plan wherever changing it gains nothing:", started)


def _plan_as_it_stands(season, time_limit: float, path: str, started: float | None = None,
                       before=None):
    from solver import SolveRequest, solve
    from ui.cli.commands import print_summary

    outcome, status = _searched(season, time_limit, lambda stop: solve(
        SolveRequest(season, time_limit=time_limit), stop=stop), path, "record", before)
    if outcome is None:
        return season, status
    print("Planned (the season had no stored plan):")
    print_summary(outcome, season, path, started)
    return season.model_copy(update={"plan": outcome.plan}), None


def _flare_before_accepted(season, accepted, since: dt.date, path: str, saved: bool) -> None:
    """A flare-up the log proposes, in the days just lived (from ``since``), before stage changes
    just recorded for the same athlete: the records stand (docs/semantics.md, Flare-ups), so
    recording the flare-up alone changes little. Said once per athlete; the pains of earlier
    weeks were said by the move that lived them."""
    from planner import edits as E
    from planner.progress import flare_proposals

    said = set()
    # the changes are stored with --save; without it, the record needs this move saved first
    then = "" if saved else "save this move (the same command with --save), then "
    for p in flare_proposals(season):
        if p.date < since or p.athlete in said:
            continue
        who = season.athlete_label(p.athlete)
        drop = bool(E.RecordFlareUp(athlete=p.athlete, date=p.date).later_records(season))
        record = (f"periodize record {shlex.quote(path)} --flare-up {p.athlete} "
                  f"{p.date.isoformat()}{' --later-stages drop' if drop else ''} --save")
        same = next((x for x in accepted if x.athlete == p.athlete and x.date == p.date), None)
        if same is not None:
            stage = "full training" if same.stage == "FIT" else same.stage
            said.add(p.athlete)
            later = (", and removes the changes recorded after it (the plan projects them again "
                     "from the flare-up)" if drop else "")
            print(f"  Note: {who}'s pain of {p.pain:g}/10 on {p.date.isoformat()} proposes a "
                  f"flare-up, not recorded. Recording it ({then}{record}) undoes the move to "
                  f"{stage} just recorded for that day{later}: from the stage held the day "
                  f"before, {FLARE_BACK}.")
            continue
        later = sorted(x.date for x in accepted if x.athlete == p.athlete and x.date > p.date)
        if later:
            said.add(p.athlete)
            print(f"  Note: {who}'s pain of {p.pain:g}/10 on {p.date.isoformat()} proposes a "
                  f"flare-up, not recorded; the stage changes just recorded for {p.athlete} from "
                  f"{later[0].isoformat()} on stand after it (the plan that projected them did "
                  f"not know of it). If it was a flare-up: {then}{record} (it removes them: the "
                  f"plan projects them again from the flare-up), then record with --stage only "
                  f"those the physio confirms.")


def _plan_as_it_stood(season, before: dt.date, time_limit: float, path: str):
    """Without a stored plan nothing projects the stage changes: the season is first planned
    from the old today, as a solve would have planned it then."""
    from solver import SolveRequest, solve

    print(f"No stored plan projects the stage changes: planning the season from "
          f"{before.isoformat()} (the old today) first ...", flush=True)
    outcome, status = _searched(season, time_limit, lambda stop: solve(
        SolveRequest(season, time_limit=time_limit), stop=stop), path)
    return (season if outcome is None else season.model_copy(update={"plan": outcome.plan})), status


def _replan_moved(before, season, time_limit: float, path: str, started: float | None = None):
    """``_replan`` for a move of today: when no plan keeps every hard rule, says that nothing
    was stored and how to move today anyway (out of time, ``no_plan_text`` said what to do)."""
    from ui.cli.commands import EXIT_INFEASIBLE

    after, status = _replan(before, season, time_limit, path, "move", started)
    if status == EXIT_INFEASIBLE:
        print("Nothing stored: the season file is as it was (today not moved, nothing recorded "
              "or logged: the move, the stage changes and the sessions said above were not "
              "kept). To move today anyway, run the same command with --no-replan "
              "--save: the plan then stays as it was until the season is solved again, and 'periodize "
              "check' says what in it no longer holds.", file=sys.stderr)
    return after, status


def _replan(before, season, time_limit: float, path: str, context: str,
            started: float | None = None):
    """The season re-planned from today with minimal change to its stored plan (STAB)."""
    from solver.whatif import replan_from_today

    return _replanned(before, season, time_limit, path, context, lambda stop: replan_from_today(
        before, season, time_limit, stop=stop),
        "Re-planned from today, keeping the stored plan wherever changing it gains nothing:", started)


def _replanned(before, season, time_limit: float, path: str, context: str, search, heading: str,
               started: float | None = None):
    """``season`` with the plan ``search(stop)`` found, said under ``heading`` with the returns
    it moved and the returners logged playing before their re-entry sessions; (season, exit
    status) when it found none."""
    from ui.cli.commands import print_summary

    outcome, status = _searched(season, time_limit, search, path, context, before)
    if outcome is None:
        return season, status
    print(heading)
    print_summary(outcome, season, path, started)
    after = season.model_copy(update={"plan": outcome.plan})
    for line in replan_changes(before, after):
        print(line)
    for line in returns_moved(before, after, shlex.quote(path)):
        print(line)
    for line in team_weeks_changed(before, after):
        print(line)
    for line in played_before_re_entry(before, after):
        print(line)
    return after, None


def replan_changes(before, after, limit: int = CHANGES_SHOWN) -> list[str]:
    """The athlete-days the re-plan changed from the stored plan, counted, then an athlete a
    line with each day from → to (``planner.plandiff``; past ``limit`` athletes or days of one,
    "and N more"), as the app's Plan Check lists them."""
    from planner.plandiff import plan_changes

    changes = plan_changes(after, before.plan, after.plan)
    head = changes.counted()
    if not changes:
        return [head + "."]
    return [head + ":"] + [f"  {x}" for x in changes.lines(after, limit, per_athlete=limit)]


def _searched(season, time_limit: float, run, path: str, context: str = "solve", before=None):
    """(outcome, None) with a plan, or (None, exit status) saying why there is none; Ctrl+C
    stops the search and keeps the best plan so far. ``before``: the season as stored, whose
    pins a way on removes with --unpin (one the command adds is left out of it instead)."""
    from solver import StopToken
    from ui.cli.commands import EXIT_INFEASIBLE, EXIT_NO_PLAN, no_plan_text, print_conflicts
    from ui.cli.interrupt import interruptible

    stop = StopToken()
    with interruptible(stop) as ctrl_c:
        outcome = run(stop)
    if outcome.status.value == "infeasible":
        print_conflicts(outcome, path, context, stored=before)
        return None, EXIT_INFEASIBLE
    if outcome.plan is None:
        print(no_plan_text(season, outcome, ctrl_c.interrupted, time_limit), file=sys.stderr)
        return None, EXIT_NO_PLAN
    if ctrl_c.interrupted:
        print("Interrupted: this is the best plan found before the interrupt (not proven best).",
              file=sys.stderr)
    return outcome, None


__all__ = ["add_parsers", "cmd_advance", "cmd_log", "log_into"]
