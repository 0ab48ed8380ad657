"""File ▸ Import Sessions…: a GPS or monitoring export (CSV or XLSX) into the season's log.

``planner.sessionlog.read_sessions`` reads the file (the column mapping it used, notes such as a
km/h column read as m/s, repeated rows counted once). The coach sees what will be added and
confirms; a file with problems gives a message listing each located problem ("log.csv, row 7,
RPE: …") and changes nothing; when each problem names its row and other rows are good, the
message offers to import the other rows (:class:`OtherRowsDialog`), those named left out and
said again. Adding is one ``LogSessions`` edit (one undo step); the status bar
says what was added. The Move Today dialog reads a week's file the same way
(:func:`read_log_taking`, :func:`summary`) for the season as it will be after the move.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout

from planner import edits as E
from planner import logmerge
from planner.errors import InputError, PeriodizeError
from planner.season import Season
from planner.text import count, day_long, number, plural, span
from planner.timeline import Timeline
from planner.validate import planning_start
from ui.desktop.folders import dialog_folder, remember_dialog_folder

SESSIONS_FILTER = "Session logs (*.csv *.txt *.xlsx *.xlsm);;All files (*)"
MAX_LISTED = 10  # problems listed in a message (it must fit a 720-pixel screen); the rest counted


class LogReadError(Exception):
    """A log that cannot be read; ``str()`` lists the located problems. ``no_max``: its athletes
    with top speeds in m/s and no max speed; ``proposed``: its names refused as another spelling
    of one athlete's, {as written: ID}; ``others``: its players not in this squad, {as written:
    rows}; ``bad_rows``: the rows its problems name, when each names one, and ``rows``: the
    rows read (``planner.sessionlog.LogError``: the others can be read without them);
    ``others_alone``: the rows of players not in this squad are all its problems; ``most``:
    why the other rows are not offered (those with problems are most of the file), said in
    the text (``LogError.most_left_out``)."""

    def __init__(self, text: str, no_max: dict | None = None, proposed: dict | None = None,
                 others: dict | None = None, bad_rows: list[int] | None = None, rows: int = 0,
                 others_alone: bool = False, most: str = ""):
        super().__init__(f"{text}\n\n{most}" if most else text)
        self.most = most
        self.no_max = no_max or {}
        self.proposed = proposed or {}
        self.others = others or {}
        self.others_alone = others_alone
        self.bad_rows = bad_rows or []
        self.rows = rows

    def other_rows(self) -> int:
        """How many rows are left when those with problems are left out (0: no such choice)."""
        return max(0, self.rows - len(self.bad_rows)) if self.bad_rows else 0

    def offered_rows(self) -> int:
        """The rows Import the Other N Rows offers: :meth:`other_rows`, none when leaving out
        those with problems would leave out most of the file (:attr:`most`)."""
        return 0 if self.most else self.other_rows()


MENU_FIX = "move today on first (Season ▸ Move Today…)"
MENU_HEAD = "move today on first (Season ▸ New Week or Move Today…, which can also import the log)"
# in Move Today itself the fix for rows after today is its own new today
DIALOG_FIX = DIALOG_HEAD = "choose a later new today above"


# a GPS export without RPE: how the app adds its top speeds (the command line: --overlap speed)
SPEED_FIX = ("import the RPE first and then this file with File ▸ Import Sessions, which adds "
             "each row's top speed to the session already logged that day")
NO_RPE = "has top speeds but no RPE"  # the reader's refusal of such a file
# how the app takes a max speed from the log (the command line: --max-speed-from-log)
MAX_FIX = "Take the Fastest as Max Speed"
# how the app leaves out the rows of players not in this squad (the command line: --only-this-squad)
SQUAD_FIX = "choose Read Only This Squad"


def read_log_taking(path: str | Path, season: Season, in_move_today: bool = False,
                    until_today: bool = False, take_max: bool = False, as_proposed: bool = False,
                    only_squad: bool = False, skip_bad: bool = False):
    """The log's ``LogResult`` for ``season``, and the max speeds taken from the log
    (``take_max``: an athlete with none takes the fastest the log gives him,
    ``planner.logmerge.read_taking_max_speeds``; otherwise none): (``logmerge.MaxSpeeds``,
    ``LogResult``). Refused: :class:`LogReadError` listing every problem, with the fix for rows
    after today as Move Today's own field when read there. Read in Move Today or ``until_today``,
    the rows after today are left out and counted, not refused; ``as_proposed``: a name that is
    another spelling of one athlete's is read as him, said; ``only_squad``: the rows of players
    not in this squad are left out, said; ``skip_bad``: the rows named by its problems left out,
    the rest read (``read_sessions``' ``skip_bad``)."""
    from planner.sessionlog import read_sessions

    def read(s: Season):
        return read_sessions(path, s, until_today=until_today or in_move_today,
                             late_fix=DIALOG_FIX if in_move_today else MENU_FIX,
                             speed_fix=SPEED_FIX, as_proposed=as_proposed, max_fix=MAX_FIX,
                             only_squad=only_squad, squad_fix=SQUAD_FIX, skip_bad=skip_bad)

    try:
        if take_max:
            return logmerge.read_taking_max_speeds(read, season)
        return logmerge.MaxSpeeds(season, (), ()), read(season)
    except PeriodizeError as e:
        bad = e.bad_rows() if hasattr(e, "bad_rows") else []
        raise LogReadError(listing(e, path, in_move_today), getattr(e, "no_max", None),
                           getattr(e, "proposed", None), getattr(e, "others", None), bad,
                           getattr(e, "rows", 0), getattr(e, "others_alone", False),
                           e.most_left_out() if hasattr(e, "most_left_out") else "") from None
    except OSError as e:
        raise LogReadError(f"{path}: could not be read ({e.strerror or e})") from None


# the question a log refused for names proposed as athletes asks (Import Sessions)
AS_PROPOSED = ("Read as Proposed: each of these names is read as the athlete proposed, and the "
               "import says each; the file is left as it is.")
# the question a log refused for rows of players not in this squad asks (Import Sessions, Move
# Today)
ONLY_SQUAD = ("Read Only This Squad: the rows whose player is no one of this squad (a club-wide "
              "export's other squads) are left out, said in one line; a name close to an "
              "athlete's is still asked about. The file is left as it is.")
# the question a log refused for athletes with no max speed asks (Import Sessions, Move Today)
TAKE_MAX = ("Take the Fastest as Max Speed: each of them takes the fastest top speed the log "
            "gives them as their max speed (measure it properly when you can), and the log is read "
            "with it; Edit ▸ Undo takes both back.")


def listing(error: PeriodizeError, path: str | Path, in_move_today: bool = False) -> str:
    """The error's located problems, one a line (the first :data:`MAX_LISTED`), headed by how
    many rows lie after today when some do (the usual slip: the log read before today moved)."""
    problems = list(getattr(error, "problems", None) or [])
    source = getattr(error, "source", "") or Path(path).name
    if not problems:
        return str(error)
    total = len(problems)
    more = re.fullmatch(r"\.\.\. and (\d+) more", problems[-1])
    if more:  # the reader lists the first 200
        problems = problems[:-1]
        total = len(problems) + int(more[1])
    head = f"{source}: {count(total, 'problem')}; nothing was added."
    late = sum(1 for p in problems if "is after today" in p)
    if late:
        head += (f"\n{'At least ' if more else ''}{count(late, 'row')} dated after today: "
                 f"{DIALOG_HEAD if in_move_today else MENU_HEAD}.")
    shown = "\n".join(f"• {p}" for p in problems[:MAX_LISTED])
    rest = total - min(len(problems), MAX_LISTED)
    tail = f"\n… and {number(rest)} more." if rest > 0 else ""
    return f"{head}\n{shown}{tail}"


_SESSION_AT = re.compile(r"sessions\[(\d+)\](?:\.\w+)?: (.*)", re.DOTALL)


def refused(error: PeriodizeError, season: Season, sessions, path: str | Path) -> str:
    """A refused log's problems, each named by athlete and day (not by its index in the
    season's list)."""
    problems = []
    for p in getattr(error, "problems", None) or [str(error)]:
        m = _SESSION_AT.match(p)
        if m and int(m[1]) < len(sessions):
            s = sessions[int(m[1])]
            p = f"{season.athlete_label(s.athlete)} on {day_long(s.date)}: {m[2]}"
        # the season's checks name the command line's way to move today
        problems.append(p.replace("periodize advance", "Season ▸ Move Today…"))
    return listing(InputError(Path(path).name, list(dict.fromkeys(problems))), path)


def counts(sessions) -> str:
    """``12 sessions of 3 athletes on 10 athlete-days (1 to 7 Dec 2026)``."""
    if not sessions:
        return "no new sessions"
    athletes = {s.athlete for s in sessions}
    days = {(s.athlete, s.date) for s in sessions}
    first, last = min(s.date for s in sessions), max(s.date for s in sessions)
    return (f"{count(len(sessions), 'session')} of {count(len(athletes), 'athlete')} on "
            f"{count(len(days), 'athlete-day')} ({span(first, last)})")


def summary(result, path: str | Path, short: bool = False, loud: bool = True) -> str:
    """What the log adds, the columns read and the notes (km/h read as m/s, rows counted once;
    ``short``: those in one line); the result's loud lines first (``loud=False``: left to the
    caller, which says them above its own first line)."""
    lines = [*(result.loud if loud else []), f"{Path(path).name}: {counts(result.sessions)}.",
             result.text(short, loud=False)]
    return "\n".join(line for line in lines if line)


def new_proposals(before: Season, after: Season) -> list:
    from planner.progress import flare_proposals

    old = set(flare_proposals(before))
    return [p for p in flare_proposals(after) if p not in old]


def new_alerts(before: Season, after: Season) -> list:
    """The listed pains (``planner.progress.listed_pains``: a fit player's, one just below a
    protocol's flare-up threshold) that the sessions ``after`` has and ``before`` had not bring:
    said once, when they come (``planner.progress.new_to_the_coach``), as the command line does."""
    from planner.progress import listed_pains, new_to_the_coach

    return new_to_the_coach(listed_pains(after), after, before)[0]


def pain_words(alerts: list) -> str:
    """The status bar's words for the listed pains an import brought (:func:`new_alerts`): the
    fit players' (a possible injury), those in rehab or just back one below the flare-up
    threshold and the fit players' just below the alert, each kind with what to do ("" when none)."""
    from planner.progress import (
        PainAlert,
        PainBelowAlert,
        PainBelowFlare,
        pains_by_kind,
    )

    fit, low, fit_low = pains_by_kind(alerts).values()
    text = ""
    if fit:
        text += (f" {plural(len({p.athlete for p in fit}), 'athlete')} not in rehab logged pain of "
                 f"{min(p.threshold for p in fit)}/10 or more (marked ⚠ in the Log): "
                 f"{PainAlert.app_what_to_do()}.")
    if low:
        text += (f" {plural(len({p.athlete for p in low}), 'athlete')} in rehab or just back logged "
                 f"pain just below the protocol's flare-up threshold (marked ⚠ in the Log): "
                 f"{PainBelowFlare.COUNTED}; {PainBelowFlare.app_what_to_do()}.")
    if fit_low:
        text += (f" {plural(len({p.athlete for p in fit_low}), 'athlete')} not in rehab logged "
                 f"pain just below {min(p.threshold for p in fit_low)}/10 (marked ⚠ in the Log): "
                 f"{PainBelowAlert.app_what_to_do()}.")
    return text


# how the app moves a flare-up (planner.progress.played_in_rehab_advice): the Returns panel's too
FLARE_FIX = "Season ▸ Injuries: remove the flare-up and record it on that day"
# how the app records the stage changes the log says happened
REHAB_STAGE_FIX = "tick them in Move Today, or Season ▸ Injuries ▸ Stages"


def warn_played_in_rehab(window, before: Season, after: Season) -> bool:
    """Say the athletes whose newly logged matches contradict the injury records (minutes played
    while recorded in a rehab stage): the log says they were back, the records do not. True when
    something was said."""
    from planner.progress import above_stage, played_in_rehab_since

    new = played_in_rehab_since(before, after)
    seen = set(above_stage(before))
    fast = [p for p in above_stage(after) if p not in seen]
    from planner.progress import played_while_away

    gone = set(played_while_away(before))
    away = [p for p in played_while_away(after) if p not in gone]
    if not new and not fast and not away:
        return False
    fix = REHAB_STAGE_FIX
    parts = []
    if new:
        lines = "\n".join(f"• {q.text(after, fix, FLARE_FIX)}." for p in new
                          for q in p.by_cause(after))  # one a flare-up or record
        parts.append(f"{lines}\n\nThe plan keeps the records: until the stage changes are "
                     f"recorded, these athletes are planned as still in rehab.")
    if fast:
        from planner.progress import NEAR_CAP, above_stage_lines

        far, near = above_stage_lines(after, fast)  # per athlete, the largest breach first
        lines = [f"• {x}." for x in far[:12]]
        if len(far) > 12:
            lines.append(f"• … and {len(far) - 12} more days (the inspector marks each)")
        if near:
            lines.append(f"Less than {NEAR_CAP} percentage points over the cap:")
            lines += [f"• {x}." for x in near]
        parts.append("Faster than the rehab stage allows:\n" + "\n".join(lines) + "\n\nWorth a "
                     f"word with the athletes and the physio; if a stage changed, record it ({fix}).")
    if away:
        lines = "\n".join(f"• {p.text(after, 'Season ▸ Squad, Unavailable')}." for p in away)
        parts.append(f"Matches logged on days recorded away:\n{lines}")
    title = ("Matches logged while away" if not new and not fast else
             "Matches logged while in rehab" if not fast else "Logged while in rehab")
    window.interaction.inform(title, "\n\n".join(parts))
    return True


def import_sessions(window, path: str | Path) -> bool:
    """Read the log at ``path``, show what it adds and, confirmed, add it as one edit."""
    season = window.season
    got = _read_asking(window, season, path)
    if isinstance(got, bool):
        return got
    taken, result = got if isinstance(got, tuple) else (logmerge.MaxSpeeds(season, (), ()), got)
    season = taken.season  # the sessions are logged over the max speeds taken
    if not result.sessions:
        window.interaction.inform("Nothing to add", f"{summary(result, path)}\n{result.nothing_new()}")
        return False
    found = logmerge.overlaps(season, result.sessions, result.already)
    policy = None
    if found:
        policy = window.interaction.choose(
            "Days logged already",
            f"{logmerge.summary(season, found)}.\n\nReplace those days' sessions with the log's, "
            f"add both (a second session that day), or keep what is logged and leave the log's "
            f"sessions on those days out?", ("replace", "add", "skip", "cancel"), "skip")
        if policy == "cancel":
            window.statusBar().showMessage("Import cancelled; the season is unchanged.", 5000)
            return False
    merge = logmerge.resolve(result.sessions, found, policy)
    sessions, replace = merge.added, merge.replace
    if not merge.sessions and not replace:
        window.interaction.inform("Nothing to add", "Every session of the log falls on a day "
                                  "already logged, and you kept what is logged.")
        return False
    edit = E.LogSessions(sessions=merge.sessions, replace=replace)
    try:
        after = edit.apply(season)
    except PeriodizeError as e:  # e.g. a top speed in m/s for an athlete without a max speed
        window.interaction.error("Sessions not imported",
                                 refused(e, season, tuple(x for x in season.sessions
                                                          if (x.athlete, x.date) not in set(replace))
                                         + edit.sessions, path))
        window.statusBar().showMessage("Sessions not imported; the season is unchanged.", 8000)
        return False
    what = summary(result, path, loud=False) if not found else (
        f"{Path(path).name}: {counts(sessions)}"
        + {"replace": f", replacing the sessions logged on {count(len(found), 'athlete-day')}",
           "add": f", {count(len(found), 'athlete-day')} of them added to what is logged",
           "skip": f" (the log's sessions on {count(len(found), 'athlete-day')} already logged "
                   f"left out)"}[policy] + ".\n" + result.text(loud=False))
    loud = "".join(f"{line}\n" for line in (*result.loud, *taken.lines))  # said before the question
    from planner.history import starts_read_as_bench
    from planner.progress import logged_while_away

    what += "".join(f"\n{line}." for line in (*logged_while_away(season, merge.sessions),
                                               *starts_read_as_bench(season, merge.sessions)))
    if not window.interaction.confirm("Import sessions", f"{loud}Add {what}"):
        window.statusBar().showMessage("Import cancelled; the season is unchanged.", 5000)
        return False
    if not window.apply_edit(_with_max_speeds(taken, edit, season), after):
        return False
    flares = new_proposals(season, window.season)
    text = " ".join(f"{line}." for line in taken.lines) + (" " if taken.lines else "")
    text += f"Added {counts(sessions)} from {Path(path).name}."
    text += _rows_left_out(result)
    if found:
        text += {"replace": f" They replaced what was logged on {count(len(found), 'athlete-day')}.",
                 "add": f" {count(len(found), 'athlete-day')} now "
                        f"{'has' if len(found) == 1 else 'have'} two logs.",
                 "skip": f" {count(len(found), 'athlete-day')} already logged kept as they were."}[policy]
    if flares:
        text += (f" The logged pain proposes {plural(len(flares), 'flare-up')} (marked ⚑ in the "
                 f"Log; record one in the inspector).")
    text += pain_words(new_alerts(season, window.season))
    if window.season.plan is not None:
        text += " Re-plan from today (Plan ▸ Re-plan from Today) to plan with them."
    window.statusBar().showMessage(text, 15000)
    warn_played_in_rehab(window, season, window.season)
    return True


def _rows_left_out(result) -> str:
    """The rows of the log an import left out, said after what it added: those after today (read
    up to today: they wait for their week), other squads' (a club-wide export: the players named
    in the question) and those with problems the coach chose to leave out, said again."""
    said = [result.left_out().capitalize() if result.later else "",
            result.others_line(names=False) if result.others else "",
            result.skipped_line() if result.skipped else ""]
    return "".join(f" {x}." for x in said if x)


def _with_max_speeds(taken, edit, season: Season):
    """The log's ``edit``, with the max speeds taken from it (``logmerge.MaxSpeeds``) first: one
    undo step."""
    if not taken.edits:
        return edit
    from ui.desktop.macro import EditGroup

    return EditGroup([*taken.edits, edit], f"{edit.describe(season)}, "
                                           f"{plural(len(taken.edits), 'max speed')} taken from it")


def _read_asking(window, season: Season, path):
    """The log read for ``season``; refused, each question its refusal carries is asked (athletes
    with no max speed: Take the Fastest as Max Speed, the command line's
    ``--max-speed-from-log``; names proposed as athletes: Read as Proposed, its
    ``--read-names-as-proposed``) and the log read again with every answer
    (:func:`read_log_taking`): (``logmerge.MaxSpeeds``, ``LogResult``); players not in this
    squad: Read Only This Squad, its ``--only-this-squad``, asked first. A refusal with nothing
    more to ask goes as any other (:func:`_refused`: a ``LogResult``, or whether it was added);
    a question declined, False."""
    asked = {"take_max": False, "as_proposed": False, "only_squad": False}
    while True:
        try:
            return read_log_taking(path, season, **asked)
        except LogReadError as e:
            ask = {"only_squad": bool(e.others), "as_proposed": bool(e.proposed),
                   "take_max": bool(e.no_max)}
            ask = {k: v and not asked[k] for k, v in ask.items()}
            if not any(ask.values()):
                return _refused(window, season, path, e, **asked)
            if ask["only_squad"]:  # the other squads' rows first: the rest may read then
                # other problems too: the sessions, not the players, are what is refused
                title = "Players not in this squad" if e.others_alone else "Sessions not imported"
                if not _ask(window, title, str(e), ONLY_SQUAD, "onlysquad"):
                    return False
                asked["only_squad"] = True
                continue
            if ask["take_max"] and not _take_fastest(window, str(e)):
                return False
            if ask["as_proposed"] and not _read_as_proposed(window, str(e)):
                return False
            asked.update({k: True for k, v in ask.items() if v})


def _ask(window, title: str, text: str, question: str, answer: str) -> bool:
    """Asked, after the refusal ``text``: ``question``, ``answer`` or Cancel. Declined, the
    status bar says nothing was imported."""
    said = window.interaction.choose(title, f"{text}\n\n{question}", (answer, "cancel"), answer)
    if said != answer:
        window.statusBar().showMessage("Sessions not imported; the season is unchanged.", 8000)
    return said == answer


def _take_fastest(window, text: str) -> bool:
    """Asked, after the refusal ``text``: take the fastest the log gives each athlete with no
    max speed as his max speed?"""
    return _ask(window, "No max speed", text, TAKE_MAX, "fastestmax")


def _read_as_proposed(window, text: str) -> bool:
    """Asked, after the refusal ``text``: read its proposed names as the athletes proposed?"""
    return _ask(window, "Names proposed", text, AS_PROPOSED, "asproposed")


def _speeds_read(window, season: Season, path):
    """A GPS export read for its top speeds alone (``LogResult``); its names proposed as
    athletes read so when the coach says yes (False: declined); None when it cannot be read so."""
    from planner.sessionlog import read_sessions

    try:
        return read_sessions(path, season, speeds=True)
    except PeriodizeError as e:
        if not getattr(e, "proposed", None):
            return None  # refused as a log of speeds too: the refusal of the file as it is
        if not _read_as_proposed(window, listing(e, path)):
            return False
    try:
        return read_sessions(path, season, speeds=True, as_proposed=True)
    except PeriodizeError:
        return None


def _refused(window, season: Season, path, error: LogReadError, **asked):
    """A log the reader refused: a GPS export without RPE whose days are logged gives them its
    top speeds (:func:`_import_speeds`); else :func:`_past_today` (``asked``: the answers given,
    :func:`read_log_taking`'s ``take_max``, ``as_proposed`` and ``only_squad``)."""
    if NO_RPE in str(error) and (done := _import_speeds(window, season, path)) is not None:
        return done
    return _past_today(window, season, path, error, **asked)


def _import_speeds(window, season: Season, path) -> bool | None:
    """A GPS export without RPE read after the RPE: each row's top speed given to the session
    logged on its athlete-day (``planner.logmerge.speeds``, the command line's ``--overlap
    speed``), asked first; None when no row's day has a session logged (the reader's refusal
    says what to do), else whether the speeds were added."""
    result = _speeds_read(window, season, path)
    if not result:
        return result
    merge, problems = logmerge.speeds(season, result.sessions)
    if len([p for p in problems if "no session is logged" in p]) == len(
            {(x.athlete, x.date) for x in result.sessions}):
        return None  # no day logged yet: "import the RPE first"
    if problems:
        window.interaction.error("Speeds not imported",
                                 listing(InputError(Path(path).name, problems), path))
        return False
    if not merge.sessions:
        window.interaction.inform("Nothing to add", f"{result.text()}\nEvery session "
                                  f"logged on its days is as fast as the file says already.")
        return False
    loud = "".join(f"{line}\n" for line in result.loud)
    if not window.interaction.confirm(
            "Import top speeds", f"{loud}{Path(path).name} has top speeds but no RPE: add them to "
            f"the {count(len(merge.sessions), 'session')} already logged on their days (minutes and "
            f"RPE as logged)?\n{result.text(loud=False)}"):
        window.statusBar().showMessage("Import cancelled; the season is unchanged.", 5000)
        return False
    if not window.apply_edit(E.LogSessions(sessions=merge.sessions, replace=merge.replace)):
        return False
    window.statusBar().showMessage(f"Top speeds added to {count(len(merge.sessions), 'session')} "
                                   f"from {Path(path).name}.", 8000)
    return True


def _past_today(window, season: Season, path, error: LogReadError, **asked):
    """A log refused: one whose only problem is that it runs past today offers to move today to
    the day after it (Move Today opens with the log: True or False, as that goes), or to import
    up to today (the log read so, the later rows left out, with the answers ``asked`` before:
    :func:`read_log_taking`); declined, or otherwise refused, the error is said (False)."""
    end = _log_end(season, path, **asked)
    until = False  # the rows after today left out, asked
    if end is not None:
        # the log's last day, not the day before the new today: past a Saturday's match
        # that was the Sunday off ("sessions up to Sun 27 Sep" of a log ending on the 26th)
        last, later = end
        today = planning_start(season)
        answer = window.interaction.choose(
            "Move today first?",
            f"{Path(path).name} has sessions up to {day_long(last)}, after today "
            f"({day_long(today)}): sessions are logged once they happened.\n\nMove Today: today "
            f"moves to {day_long(later)} and the sessions are added with the move (Move Today "
            f"opens with them, and with the stage changes the plan projected, to tick).\n\n"
            f"Import up to Today: the sessions up to {day_long(today)} are added, the later ones "
            f"left out (import the file again once they happened).",
            ("movetoday", "untiltoday", "cancel"), "movetoday")
        if answer == "movetoday":
            return window.weekly.move_today_with_log(later, str(path), **asked)
        if answer == "cancel":  # declined: said, not asked again as "import the other rows"
            window.interaction.error("Sessions not imported", str(error))
            window.statusBar().showMessage(NOT_IMPORTED, 8000)
            return False
        if answer == "untiltoday":
            until = True
            try:
                return read_log_taking(path, season, until_today=True, **asked)
            except LogReadError as e:
                error = e
    return _other_rows(window, season, path, error, until, **asked)


# what Cancel in the question of the other rows keeps (nothing is added, as before it was asked)
NOT_IMPORTED = "Sessions not imported; the season is unchanged."


def _other_rows(window, season: Season, path, error: LogReadError, until_today: bool = False,
                **asked):
    """A log refused: when each problem names its row and rows are left without them, the
    refusal offers to import the other rows (:class:`OtherRowsDialog`): the log read without
    those rows (``read_log_taking(..., skip_bad=True)``, ``until_today`` and the answers
    ``asked`` kept), to confirm as any log (a ``LogResult``); Cancel adds nothing (False). A
    refusal with no such choice, or what is left refused too, is said (False)."""
    if error.offered_rows():
        dialog = OtherRowsDialog(window, str(error), error)
        try:
            take = window.interaction.ask_dialog(dialog)
        finally:  # a child of the window: kept (with the refusal it lists) after every import
            dialog.deleteLater()
        if not take:
            window.statusBar().showMessage(NOT_IMPORTED, 8000)
            return False
        try:
            return read_log_taking(path, season, until_today=until_today, skip_bad=True, **asked)
        except LogReadError as e:
            error = e
    window.interaction.error("Sessions not imported", str(error))
    window.statusBar().showMessage(NOT_IMPORTED, 8000)
    return False


ROWS_NAMED = 12  # row numbers listed in the question of the other rows; the rest counted


class OtherRowsDialog(QDialog):
    """A log refused for problems each naming its row: the problems (``text``, the refusal's
    listing), then Import the Other N Rows (those named left out, the rest read and confirmed as
    any log) or Cancel (nothing added), Cancel the default: Enter leaves no row out unseen."""

    def __init__(self, parent, text: str, error: LogReadError):
        super().__init__(parent)
        self.setWindowTitle("Sessions not imported")
        n, bad = error.other_rows(), error.bad_rows
        listed = ", ".join(str(r) for r in bad[:ROWS_NAMED]) + (" …" if len(bad) > ROWS_NAMED else "")
        self.question = (f"Import the other {count(n, 'row')}: the {count(len(bad), 'row')} with "
                         f"problems ({'row' if len(bad) == 1 else 'rows'} {listed}) left out, said "
                         f"again after the import; correct them in the file and import it again "
                         f"to add them. Cancel: nothing is added.")
        label = QLabel(f"{text}\n\n{self.question}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # at the top: a label taller than its text (the dialog's least height) centred it, under
        # an empty band
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()  # a list of ten long problems stays on a 720-pixel screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(label)
        screen = parent.screen() if parent is not None else None
        if screen is not None:
            scroll.setMaximumHeight(int(screen.availableGeometry().height() * 0.6))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(f"&Import the Other {count(n, 'Row')}",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll)
        lay.addWidget(buttons)
        # as tall as the text wrapped at the dialog's width (its size hint wraps it narrower:
        # a dialog a third taller than its text)
        room = 640 - 2 * (lay.contentsMargins().left() + scroll.frameWidth())
        self.resize(640, min(label.heightForWidth(room) + buttons.sizeHint().height()
                             + 3 * lay.spacing() + lay.contentsMargins().top()
                             + lay.contentsMargins().bottom(), 560))


def _log_end(season: Season, path, **asked) -> tuple[dt.date, dt.date] | None:
    """The log's last session day, and the day after it (past the days off that follow it) when
    that lies after today and the log reads well with today there, so that moving today is what
    it needs; else None. A log that reads there only without rows each naming its problem (an
    RPE missing) needs the move too when it runs past today: the rows are asked about after it
    (Move Today's Import the Other N Rows, or :func:`_other_rows` up to today)."""
    cal = season.calendar
    end = cal.end + dt.timedelta(days=1)
    late = season.model_copy(update={"calendar": cal.model_copy(update={"today": end})})
    result = _read_late(path, late, **asked)
    if result is None or not result.sessions:
        return None
    last = max(s.date for s in result.sessions)
    if result.skipped and last <= planning_start(season):
        return None  # nothing after today: the rows with problems are all it asks about
    day = min(last + dt.timedelta(days=1), end)
    # past the days off after it (a log to Saturday: Monday, not Sunday, which nobody trains on)
    tl = Timeline(season)
    while day < end and (i := tl.index(day)) is not None and not tl.is_training[i] \
            and not tl.is_comp[i]:
        day += dt.timedelta(days=1)
    return (last, day) if day > planning_start(season) else None


def _read_late(path, late: Season, **asked):
    """The log read for the season ``late`` (today past the season's end), without the rows
    each naming a problem when that alone refuses it; None when it does not read so."""
    try:
        return read_log_taking(path, late, **asked)[1]
    except LogReadError as e:
        if not e.other_rows():
            return None
    except (PeriodizeError, ValueError):
        return None
    try:
        return read_log_taking(path, late, skip_bad=True, **asked)[1]
    except (LogReadError, PeriodizeError, ValueError):
        return None


def choose_log(window, title: str = "Import sessions") -> str | None:
    """A log file chosen by the coach (None when cancelled), from where this season's last one
    came (:func:`ui.desktop.folders.dialog_folder`)."""
    path = window.interaction.open_file(title, dialog_folder(window, "sessions"), SESSIONS_FILTER)
    if path:
        QSettings().setValue("lastDir", str(Path(path).parent))
        remember_dialog_folder(window, "sessions", path)
    return path or None


def import_dialog(window) -> bool:
    path = choose_log(window)
    return import_sessions(window, path) if path else False
