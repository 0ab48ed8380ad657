"""The season review: one row per athlete over the season so far (or the whole season) — matches
and minutes, high-velocity exposures done, planned for the same days and still planned ahead,
the longest gap without one, the
days in rehab, unavailable and not with the squad, and the load logged against planned
(docs/load.md, "The season review"). The command line (``periodize load --review``), the
workbook's "Season review" sheet and the app's View ▸ Season Review… all read
:func:`season_review`.

Nothing is read again here: the days as they happened are ``planner.history``'s (section 9: the
log, else the stored plan, under the recorded stages), who played and at what level
``planner.returns.AthleteFacts``'s, a day of HV-1's gaps ``planner.check.hv_gap_day``, the days
not with the squad and the absences ``planner.squad``'s, the loads and what the plan had for a
past day that went otherwise ``planner.loadtable``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner import text
from planner.check import hv_gap_day
from planner.history import lived_for_load, logged_days, role_of_minutes, start_minutes
from planner.loadtable import AthleteLoad, LoadTable, athlete_load, counts_log
from planner.returns import AthleteFacts, day_match_roles
from planner.rules import RuleSet
from planner.season import FIT, HV_LEVEL, PLAY_LEVEL, WEEKDAYS, Plan, Season
from planner.squad import is_absence, not_with_squad, planned_order
from planner.timeline import Timeline

DASH = "—"
TOTAL = "Squad"  # the total row's name

# (key, heading, what the column counts): the CSV's header, the table's and the workbook's
# headings and their key, in one place
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("athlete", "ID", "the athlete's ID"),
    ("name", "Name", "the athlete's name"),
    ("started", "Started", "matches started, each match of a day of several counted, as the load "
                           "counts them (a past match day's role: the minutes logged, a start from "
                           "LD-1's line on, 45 by default, else the role the stored plan gave it; "
                           "each match of the day in the role set for it, never better than the "
                           "day's)"),
    ("bench", "Bench", "matches played from the bench, each match of a day of several counted "
                       "(fewer minutes logged than LD-1's start line, 45 by default, or the "
                       "stored plan's bench role)"),
    ("not_played", "Not played", "matches with the squad the athlete did not play, not in rehab "
                                 "(0 minutes logged; with none logged: away or the role out; "
                                 "out of one match of a day and playing another)"),
    ("missed_injured", "Missed injured", "matches with the squad missed in rehab (a stage "
                                         "other than FIT: 0 minutes logged, or none logged and "
                                         "not played)"),
    ("minutes", "Minutes", "minutes played on the days of those matches, as logged (— when none "
                           "was logged)"),
    ("matches_logged", "Matches with minutes", "of the matches counted (Started, Bench, Not "
                                               "played, Missed injured), those on a day with "
                                               "minutes played logged: the ones Minutes adds up "
                                               "(\"23 of 43\"); the others are counted by the role "
                                               "the stored plan gave"),
    ("hv_done", "HV done", f"high-velocity exposures done: past training days at {HV_LEVEL} % or "
                           f"more as the log (else the plan) reads them, and each match started "
                           f"(a match is counted by its role, whatever speed was logged: one from "
                           f"the bench is none; nor is the match of a position HV-1 exempts)"),
    ("hv_planned_past", "HV planned (past)", "the exposures the plan had for the same days as HV "
                                             "done (the period's days before today, as it was "
                                             "made): its days at 90 % or more and the matches it "
                                             "had the athlete start, read as HV done reads them"),
    ("hv_ratio", "HV done ÷ planned", "HV done ÷ HV planned (past) over the same days as "
                                      "Logged ÷ planned, the days a session was logged (a day "
                                      "with nothing logged reads as planned); — when none was "
                                      "planned on them"),
    ("hv_ahead", "HV ahead", "exposures still planned from today to the period's end (— when "
                             "the period ends before today)"),
    ("longest_gap", "Longest gap", "the longest run of days without an exposure while available "
                                   "and fit or in a stage allowing one (HV-1's reading); exempt: "
                                   "HV-1 asks the athlete's position none"),
    ("rehab", "Rehab days", "days in a rehab stage (any stage but FIT; none after leaving the squad)"),
    ("unavailable", "Unavailable days", "days of absences (ill, away, on loan…), rehab days not "
                                        "counted again"),
    ("not_with_squad", "Not with squad", "days before joining or after leaving the squad"),
    ("logged", "Logged AU", "load logged over the period (minutes × RPE; — when nothing was logged)"),
    ("planned", "Planned AU", "load planned over the period (the plan's, as it was made), "
                              "the days logged or not"),
    ("days_logged", "Days logged", "the period's days before today with a session or match "
                                   "planned (or a session logged) on which a session was logged, "
                                   "of all of them (\"232 of 234\"): the days Logged AU adds up; "
                                   "a day with nothing logged counts as planned; a day with "
                                   "nothing planned (a Sunday, a day off, a day away) is not "
                                   "counted unless a session was logged on it"),
    ("planned_logged", "Planned AU, days logged", "load planned for the days logged alone: what "
                                                  "Logged AU is measured against"),
    ("ratio", "Logged ÷ planned", "Logged AU ÷ Planned AU, days logged: the load logged ÷ the "
                                  "load planned for the same days"),
    ("reasons", "Unavailable, by reason", "the days unavailable per reason given"),
)

RATIOS = ("hv_ratio", "ratio")  # the columns of a ratio: "94 %", in the CSV to 3 decimals
# the columns read "23 of 43" (their count of the days that could be logged); in the CSV the count
OF_COLUMNS = ("matches_logged", "days_logged")
# the review CSV's header (``periodize load --review``): the columns, and after Days logged the
# days it is "of" (the matches' "of" is Started + Bench + Not played; this one is no sum)
CSV_COLUMNS = tuple(k for key, _, _ in COLUMNS
                    for k in ((key, "days_planned") if key == "days_logged" else (key,)))


@dataclass(frozen=True)
class Period:
    """The days the review counts: the season's first day to ``last`` (``last`` before ``first``:
    no day yet). ``whole``: the whole season (asked, or today past its end); ``today``: the first
    day not lived (None: the season has no today, or today is past its end)."""

    first: dt.date
    last: dt.date
    whole: bool
    today: dt.date | None

    @property
    def days(self) -> int:
        return max(0, (self.last - self.first).days + 1)

    @property
    def reaches_today(self) -> bool:
        """The period holds today or later: exposures are still planned in it."""
        return self.today is not None and self.last >= self.today

    def words(self, paper: bool = False) -> str:
        """``Season so far: 4 Jan to 17 Jan 2027 (the day before today)``, ``Whole season: …``;
        ``paper``: as the workbook prints it, where there is nothing to tick (the app's dialog
        has the whole season a tick away)."""
        if self.days == 0:
            if paper:
                return ("Season so far: no day yet (today is the season's first day or before "
                        "it): nothing is logged yet, and the table fills in as sessions are logged")
            return ("Season so far: no day yet (today is the season's first day or before it; "
                    "tick the whole season to see what is planned)")
        span = text.span(self.first, self.last)
        if not self.whole:
            return f"Season so far: {span} (to the day before today, {text.day_long(self.today)})"
        if self.today is None:
            return f"Whole season: {span} (ended)"
        if self.today == self.first:
            return f"Whole season: {span} (all of it planned: nothing done before today)"
        return f"Whole season: {span} (done before {text.day_long(self.today)}, planned from it)"


@dataclass(frozen=True)
class ReviewRow:
    """One athlete's season (or the squad's total: ``athlete`` "")."""

    athlete: str
    name: str
    started: int = 0
    bench: int = 0
    # each match of a day of several counted, in its own role (as the load counts them)
    not_played: int = 0  # matches not played, not in rehab (the role out, away)
    missed_injured: int = 0  # matches not played in rehab
    minutes: float | None = None  # None: no minutes played logged
    matches_logged: int = 0  # the matches counted on a day with minutes played logged
    days_logged: int = 0  # the period's days before today with a session logged
    # the period's days before today with the squad with a session or match planned (or a session
    # logged): what Days logged is "of"; a Sunday or a day off, nothing planned, is not one
    days_planned: int = 0
    hv_done: int = 0
    hv_planned_past: int = 0  # the exposures the plan had for the days of hv_done
    # HV done ÷ planned's own: hv_done and hv_planned_past on the days logged alone, the days
    # Logged ÷ planned reads (an athlete's row), added up over the rows (the squad's)
    hv_done_logged: int = 0
    hv_planned_logged: int = 0
    hv_ahead: int | None = None  # None: the period ends before today
    longest_gap: int | None = None  # days; None: HV-1 exempt (or no athlete for the total)
    exempt: bool = False
    rehab: int = 0
    unavailable: int = 0
    reasons: tuple[tuple[str, int], ...] = ()  # (reason, days), most days first
    not_with_squad: int = 0
    logged: float | None = None  # None: nothing logged in the period
    planned: float = 0.0
    planned_past: float = 0.0  # planned over the period's days before today
    planned_logged: float = 0.0  # planned over the days a session was logged (the ratio's)

    @property
    def ratio(self) -> float | None:
        """The load logged ÷ the load planned for the same days, the days logged: three sessions
        logged in four months read 1 % against every day's plan."""
        if self.logged is None or self.planned_logged <= 0:
            return None
        return self.logged / self.planned_logged

    @property
    def hv_ratio(self) -> float | None:
        """HV done ÷ planned over the days logged, as the load's ratio: a past day with nothing
        logged is read as planned, so counting it made patchy logging read as compliance (one
        session logged in three weeks, 100 %). None when the plan had no exposure on a day logged
        (nothing logged among them). The squad's adds up the rows' days logged alone, of the rows with one."""
        if self.hv_planned_logged <= 0:
            return None
        return self.hv_done_logged / self.hv_planned_logged

    @property
    def matches(self) -> int:
        """The past matches counted: started, from the bench, not played and missed injured."""
        return self.started + self.bench + self.not_played + self.missed_injured

    def value(self, key: str):
        """The column ``key``'s value as data (None where undefined; the reasons as words)."""
        if key == "reasons":
            return reasons_words(self.reasons)
        if key == "longest_gap" and self.exempt:
            return "exempt"
        return getattr(self, key)

    def cell(self, key: str) -> str:
        """The column ``key`` as a coach reads it: whole numbers with thousands separated, ``—``
        for an undefined one, the longest gap as ``2 wk 3 d``, a ratio as ``94 %``."""
        v = self.value(key)
        if v is None:
            return DASH
        if key == "longest_gap" and isinstance(v, int):
            return gap_words(v)
        if key in RATIOS:
            return f"{round(100 * v)} %"
        if key in OF_COLUMNS:
            of = self.matches if key == "matches_logged" else self.days_planned
            return f"{text.number(v)} of {text.number(of)}"
        if isinstance(v, float | int) and not isinstance(v, bool):
            return text.number(round(v))
        return str(v)


INJURY_COLUMNS = ("Athlete", "Injury", "Onset", "Back", "Days lost", "Matches missed")


@dataclass(frozen=True)
class InjuryRow:
    """One injury of the period (the season review's injury table): ``back`` the first day back
    to full training (None: not back in the period); ``until`` why not (``still in rehab: P2``,
    ``injured again Mon 3 May 2027``, ``left the squad in rehab``); ``days_lost`` the period's
    days from the onset to the day before the return; ``missed`` the matches missed in rehab
    among them (the row's Missed injured, this injury's share)."""

    athlete: str
    name: str
    protocol: str
    onset: dt.date
    back: dt.date | None
    until: str
    days_lost: int
    missed: int
    planned: bool = False  # the return is the plan's, after today (the whole season asked)

    def cells(self) -> tuple[str, ...]:
        """The row as :data:`INJURY_COLUMNS` read it."""
        if self.back is None:
            back = self.until
        else:
            back = text.day_long(self.back) + (" (planned)" if self.planned else "")
        return (self.name, self.protocol, text.day_long(self.onset), back,
                text.number(self.days_lost), text.number(self.missed))


def injury_lines(review: Review, empty: str = "none in the period") -> list[str]:
    """The injury table as aligned lines, its heading first (the command line's); one line
    ``Injuries: none in the period`` without an injury."""
    if not review.injuries:
        return [f"Injuries: {empty}."]
    rows = [INJURY_COLUMNS, *(r.cells() for r in review.injuries)]
    widths = [max(len(r[j]) for r in rows) for j in range(len(INJURY_COLUMNS))]
    right = {4, 5}
    return ["Injuries (days lost: from the onset to the return, within the period; matches "
            "missed while injured):"] + ["  ".join(
                c.rjust(w) if j in right else c.ljust(w)
                for j, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip() for r in rows]


@dataclass(frozen=True)
class Review:
    period: Period
    rows: tuple[ReviewRow, ...]  # the squad's display order
    total: ReviewRow = field(default_factory=lambda: ReviewRow("", TOTAL))
    # the weekdays the team does not train (``sun``): the heading names them as not counted
    rest_days: tuple[str, ...] = ()
    injuries: tuple[InjuryRow, ...] = ()  # the period's injuries, by onset

    def heading(self, paper: bool = False) -> str:
        """The period and how much of it was logged: ``Whole season: … (ended). Logged: 5,499
        of 5,601 athlete-days planned before today (98 %), the rest counted as planned; Sundays,
        days off and days away not counted unless a session was logged on them`` (no full stop):
        a fully logged season read 82 % when every Sunday was counted as a day not logged; a
        session logged on international duty is counted (Move Today's count leaves such days out).
        ``paper``: the period as the workbook prints it (:meth:`Period.words`)."""
        t = self.total
        if not self.rows or t.days_planned == 0:
            return self.period.words(paper)
        share = round(100 * t.days_logged / t.days_planned)
        rest = ([text.weekdays_words(self.rest_days)] if self.rest_days else []) + [
            "days off", "days away"]
        return (f"{self.period.words(paper)}. Logged: {text.number(t.days_logged)} of "
                f"{text.number(t.days_planned)} athlete-days planned before today ({share} %), "
                f"the rest counted as planned; {text.join_and(rest)} not counted unless a session "
                f"was logged on them")


def csv_text(review: Review, anonymise: bool = False) -> str:
    """The review as CSV (``periodize load --review --csv``, the app's Save as CSV…): a row per
    athlete and the squad's, :data:`CSV_COLUMNS`; whole numbers, the ratios to 3 decimals, the
    longest gap in days (``exempt``), an undefined figure an empty cell; ``anonymise``: no names.
    Without the byte-order mark, which the writer puts in front."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    # one athlete's review (--athlete) carries his row as its total: written once
    total = (review.total,) if review.total.athlete == "" else ()
    for row in (*review.rows, *total):
        w.writerow([_csv_cell(row, key, anonymise) for key in CSV_COLUMNS])
    return buf.getvalue()


def _csv_cell(row: ReviewRow, key: str, anonymise: bool) -> str:
    v = row.value(key)
    # anonymised: no names, and no reasons of absence (the anonymised workbook drops them)
    if v is None or (anonymise and (key == "reasons" or (key == "name" and row.athlete))):
        return ""
    if key in RATIOS:
        return f"{v:.3f}"
    if isinstance(v, float):
        return str(round(v))
    return text.csv_safe(str(v))  # a name, a reason: never a formula in a spreadsheet


def gap_words(days: int) -> str:
    """``2 wk 3 d``, ``5 d``, ``0 d``."""
    weeks, rest = divmod(days, 7)
    return f"{weeks} wk {rest} d" if weeks else f"{rest} d"


def reasons_words(reasons: tuple[tuple[str, int], ...]) -> str:
    """``Loan to Harbour Town 28, ill 3`` ("" when none)."""
    return ", ".join(f"{r} {n}" for r, n in reasons)


def period_of(season: Season, whole: bool = False, tl: Timeline | None = None) -> Period:
    """The review's period: the season so far (its first day to the day before today), or the
    whole season when ``whole`` or when today is past its end."""
    tl = tl or Timeline(season)
    past_end = tl.p0 >= tl.n
    today = None if past_end else tl.days[tl.p0]
    if whole or past_end:
        return Period(tl.start, tl.days[-1], True, today)
    return Period(tl.start, tl.start + dt.timedelta(days=tl.p0 - 1), False, today)


def season_review(season: Season, plan: Plan | None = None, whole: bool = False) -> Review:
    """The season review of ``plan`` (the stored plan by default): one row per athlete in the
    squad's display order and the squad's total (no row without a plan, nor for an athlete not
    planned yet: ``Plan.unplanned``)."""
    tl = Timeline(season)
    period = period_of(season, whole, tl)
    plan = plan if plan is not None else season.plan
    rest = tuple(d for d in WEEKDAYS if d not in season.calendar.training_days)
    if plan is None:
        return Review(period, (), rest_days=rest)
    lived = lived_for_load(season, plan, tl)
    rs, table = RuleSet(season.rules), LoadTable.of_season(season)
    rows, injuries = [], []
    for a in planned_order(season, plan):
        ap = lived.for_athlete(a.id)
        if ap is None or len(ap.intensity) != tl.n:
            continue
        f = AthleteFacts(season, tl, rs, ap)
        load = athlete_load(season, lived, a.id, table=table, tl=tl, facts=f)
        row, missed = _row(season, tl, period, f, load, a.name)
        rows.append(row)
        injuries += _injuries(tl, period, f, season.athlete_label(a.id), missed)
    injuries.sort(key=lambda r: r.onset)  # the season's injuries in the order they came
    return Review(period, tuple(rows), _total(rows), rest, tuple(injuries))


def _indexes(tl: Timeline, days: set[dt.date]) -> set[int]:
    return {i for i in (tl.index(d) for d in days) if i is not None}


def _absences(season: Season, tl: Timeline, athlete: str) -> dict[int, str]:
    """Day index -> the reason of the absence that holds it (the earliest one recorded first)."""
    out: dict[int, str] = {}
    for u in sorted(season.unavailability, key=lambda u: u.start):
        if u.athlete != athlete or not is_absence(u):
            continue
        for k in range((u.end - u.start).days + 1):
            i = tl.index(u.start + dt.timedelta(days=k))
            if i is not None:
                out.setdefault(i, " ".join(u.reason.split()) or "no reason given")
    return out


def _row(season: Season, tl: Timeline, period: Period, f: AthleteFacts, load: AthleteLoad,
         name: str) -> tuple[ReviewRow, set[int]]:
    """The athlete's row, and the matches they missed in rehab by day (:func:`_injuries` shares
    them out)."""
    span = range(tl.index(period.first), tl.index(period.first) + period.days)
    away = _indexes(tl, not_with_squad(season, f.id))
    days = _days(season, tl, f, span, away)
    games = _matches(season, tl, f, span, away)
    starts, missed = games.pop("starts"), games.pop("missed")
    # an exposure as every count of them says (f.hv_exposure): a goalkeeper's match is his
    # session, never his exposure; a start the logged minutes say is one, the day in rehab too
    # (a match he was hurt in)
    past = [i for i in span if i < tl.p0 and i not in away]
    done = {i for i in past if (f.hv_exposure(i, 100, True) if i in starts else f.hv_exposure(i))}
    ahead = f.hv_exposures(i for i in span if i >= tl.p0 and i not in away)
    off = load.season_start
    days_logged = [i for i in span if counts_log(load.logged, off + i, load.logged_until)]
    logs = [load.logged[off + i] for i in days_logged]
    planned_hv = {i for i in past if _planned_exposure(load, f, i)}
    # HV done ÷ planned over the load ratio's days, the days logged (a match day's minutes played
    # are a session logged): a day with nothing logged reads as planned, done by construction
    measured = set(days_logged)
    # the days that could be logged: a session or match planned (its planned load, as it was
    # made), or one logged; a Sunday, a day off or a day away had nothing to log
    planned_days = {i for i in past if load.planned[off + i] > 0}
    return ReviewRow(
        f.id, name, **games, **days, days_logged=len(measured), days_planned=len(measured | planned_days),
        hv_done=len(done), hv_planned_past=len(planned_hv),
        hv_done_logged=len(done & measured), hv_planned_logged=len(planned_hv & measured),
        hv_ahead=ahead if period.reaches_today else None,
        longest_gap=None if f.exempt else _longest(f, span), exempt=f.exempt,
        logged=float(sum(logs)) if logs else None,
        planned=float(sum(load.planned[off + i] for i in span)),
        planned_past=float(sum(load.planned[off + i] for i in span if i < tl.p0)),
        planned_logged=float(sum(load.planned[off + i] for i in days_logged))), missed


def _planned_exposure(load: AthleteLoad, f: AthleteFacts, i: int) -> bool:
    """Did the plan, as it was made, have an exposure on past day ``i``: the level it planned
    (``load.planned_past_days``, what the load series found for the day; a day that went as
    planned: the day's), read as HV done reads a day (``f.hv_exposure``)."""
    got = load.planned_past_days.get(load.season_start + i)
    if got is None:
        return f.hv_exposure(i)
    level, _, played = got
    return f.hv_exposure(i, level, played)


def _days(season: Season, tl: Timeline, f: AthleteFacts, span: range, away: set[int]) -> dict:
    """Each day of ``span`` counted once: in rehab (to the day he left the squad: from it on his
    rehab is no longer this squad's), else unavailable (by reason), else not with the squad."""
    absent = _absences(season, tl, f.id)
    rehab, missing, by_reason = 0, 0, {}
    for i in span:
        if f.st[i] != FIT and i < f.gone:
            rehab += 1
        elif i in absent:
            by_reason[absent[i]] = by_reason.get(absent[i], 0) + 1
        elif i in away:
            missing += 1
    reasons = tuple(sorted(by_reason.items(), key=lambda rn: (-rn[1], rn[0])))
    return {"rehab": rehab, "unavailable": sum(by_reason.values()), "reasons": reasons,
            "not_with_squad": missing}


def _matches(season: Season, tl: Timeline, f: AthleteFacts, span: range, away: set[int]) -> dict:
    """The past matches of ``span`` with the squad by role as section 9 reads their day: the
    minutes played logged (LD-1's start_from_played, 45 by default, or more a start, fewer the
    bench, 0 out), whatever stage the records
    give the day (a match he was injured in, the injury's onset that day, was played); else the
    level of the day as lived (100 a start, 80 from the bench). Each match of a day of several
    counts, in the role set for it, never better than the day's (``day_match_roles``; a day
    logged played that no role of its matches says: each in the day's role), as the load counts
    them: three starts on a tournament day read "Started 1" beside its load of three. A day not
    played in rehab is missed injured (``missed``: its matches, by day), not "not played". And
    the minutes played logged, and the days the logged minutes make a start (``starts``)."""
    roles = {"start": 0, "bench": 0, "out": 0}
    missed: dict[int, int] = {}  # day -> its matches not played in rehab: Missed injured
    start_from = start_minutes(season)
    log = logged_days(season, f.id)
    played = []  # the minutes logged on the match days counted here, and no other
    logged = 0  # the matches of the days with minutes played logged
    starts = set()  # the days the logged minutes make a start
    for i in span:
        if i >= tl.p0 or not tl.is_comp[i] or i in away:
            continue
        got = log.get(tl.days[i])
        if got is not None and got.played is not None:
            played.append(got.played)
            role = role_of_minutes(got.played, start_from)
            if role == "start":
                starts.add(i)
        else:
            role = ("start" if f.played[i] and f.it[i] == PLAY_LEVEL["start"]
                    else "bench" if f.played[i] else "out")
        each = day_match_roles(f.roles_set[i] or ("out",), PLAY_LEVEL.get(role, 0), role != "out")
        if role != "out" and set(each) == {"out"}:
            each = (role,) * len(each)
        if got is not None and got.played is not None:
            logged += len(each)
        if role == "out" and f.st[i] != FIT and i < f.gone:
            missed[i] = len(each)
        else:
            for r in each:
                roles[r] += 1
    return {"started": roles["start"], "bench": roles["bench"], "not_played": roles["out"],
            "missed_injured": sum(missed.values()),
            "minutes": float(sum(played)) if played else None,
            "matches_logged": logged, "starts": starts, "missed": missed}


def _injuries(tl: Timeline, period: Period, f: AthleteFacts, name: str,
              missed: dict[int, int]) -> list[InjuryRow]:
    """The injuries of the athlete with a day lost in the period, in onset order: each one's
    days from its onset to the day before the first FIT day that follows it (its record's span:
    up to the next injury's onset, or the day they left the squad), in the stages as lived
    (section 9) and, after today, as planned."""
    lo = tl.index(period.first) if period.days else 0
    hi = lo + period.days  # one past the period's last day
    out = []
    for k, rec in enumerate(f.records):
        onset, stop = f.onsets[k], f.span_stop(k)
        first = max(onset, lo, 0)
        end = min(stop, hi)
        if first >= end:
            continue  # after the period, or its record's span outside it
        back = next((i for i in range(max(onset, 0), min(stop, tl.n)) if f.st[i] == FIT), None)
        if back is not None and back <= lo and onset < lo:
            continue  # back before the period began
        lost_end = end if back is None else min(back, end)
        if back is not None and back < hi:
            until = ""
        elif stop < hi and stop < f.gone:
            until = f"injured again {text.day_long(f.date(stop))}"
        elif stop < hi:
            until = "left the squad in rehab"
        else:
            until = f"still in rehab: {f.st[end - 1]}" + (" (planned)" if end - 1 >= tl.p0 else "")
        proto = f.protos[k]
        out.append(InjuryRow(
            f.id, name, proto.name or rec.protocol, rec.onset,
            f.date(back) if back is not None and back < hi else None, until,
            max(0, lost_end - first), sum(n for i, n in missed.items() if first <= i < lost_end),
            planned=back is not None and back < hi and back >= tl.p0))
    return out


def _longest(f: AthleteFacts, span: range) -> int:
    """The longest run of days of ``span`` HV-1 counts towards a gap (``hv_gap_day``)."""
    best = run = 0
    for i in span:
        run = run + 1 if hv_gap_day(f, i) else 0
        best = max(best, run)
    return best


def _sum(values) -> float | None:
    got = [v for v in values if v is not None]
    return float(sum(got)) if got else None


def _total(rows: list[ReviewRow]) -> ReviewRow:
    """The squad's total: sums (a ratio's of the rows where it is defined), the longest gap the
    longest of anyone's."""
    if not rows:
        return ReviewRow("", TOTAL)
    by_reason: dict[str, int] = {}
    for r in rows:
        for reason, n in r.reasons:
            by_reason[reason] = by_reason.get(reason, 0) + n
    gaps = [r.longest_gap for r in rows if r.longest_gap is not None]
    ahead = [r.hv_ahead for r in rows]
    hv_rated = [r for r in rows if r.hv_ratio is not None]  # never a row whose own reads "—"
    return ReviewRow(
        "", TOTAL, started=sum(r.started for r in rows), bench=sum(r.bench for r in rows),
        not_played=sum(r.not_played for r in rows),
        missed_injured=sum(r.missed_injured for r in rows), minutes=_sum(r.minutes for r in rows),
        matches_logged=sum(r.matches_logged for r in rows),
        days_logged=sum(r.days_logged for r in rows),
        days_planned=sum(r.days_planned for r in rows),
        hv_done=sum(r.hv_done for r in rows),
        hv_planned_past=sum(r.hv_planned_past for r in rows),
        hv_done_logged=sum(r.hv_done_logged for r in hv_rated),
        hv_planned_logged=sum(r.hv_planned_logged for r in hv_rated),
        hv_ahead=None if ahead[0] is None else sum(p or 0 for p in ahead),
        longest_gap=max(gaps) if gaps else None, exempt=not gaps,
        rehab=sum(r.rehab for r in rows), unavailable=sum(r.unavailable for r in rows),
        reasons=tuple(sorted(by_reason.items(), key=lambda rn: (-rn[1], rn[0]))),
        not_with_squad=sum(r.not_with_squad for r in rows), logged=_sum(r.logged for r in rows),
        planned=sum(r.planned for r in rows), planned_past=sum(r.planned_past for r in rows),
        planned_logged=sum(r.planned_logged for r in rows))


__all__ = ["COLUMNS", "CSV_COLUMNS", "DASH", "INJURY_COLUMNS", "OF_COLUMNS", "InjuryRow", "Period", "Review",
           "ReviewRow", "csv_text", "gap_words", "injury_lines", "period_of", "reasons_words",
           "season_review"]
