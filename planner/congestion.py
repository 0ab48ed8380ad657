"""Congested fixtures: an athlete planned to start matches 72 hours or less apart.

Not a rule of rules-spec.md (no plan breaks anything by it) but what a coach looks for before a
tournament: domain.md HV-8 calls a week with 3-4 days or less between matches congested, and
Nédélec 2012 found that more than 72 hours are needed to recover physical performance after a
match (Nedelec12, the evidence of HV-6). Listed, as runs ("start on 5 match days in 8 days",
"start 3 matches on 2 days in 2 days"), matches counted as started (two competitions on one day
started are two starts, less than 72 h apart):

- three starts or more, each match day at most ``GAP_DAYS`` days after the one before (a
  tournament);
- two starts less than 72 h apart (``CLOSE_DAYS``: Saturday and Monday, or one day);
- for an athlete back to full training within ``AFTER_RETURN_DAYS`` before the run, two starts
  72 h or less apart (``GAP_DAYS``: Wednesday and Saturday);
- an athlete back as soon, planned to play such a run with some of it off the bench (a returner
  on the bench in all six matches of a tournament weekend): kept with the run of starts it
  overlaps (``Congestion.played_back``), or a run of his own.

Said as :func:`congestion_lines` says them, in every place (the command line, Plan Check, the
what-if): the players just back first, each on a line of his own; a line per group of players
with the same runs, longest first; why and what to do once, under them.

A week of two matches 3 and 4 days apart (Saturday, Wednesday, Saturday) is the ordinary
in-season week that HV-6 and HV-8 already plan around; listing all of them would bury the
tournament, so it is listed only for a player just back. Read from the season and its plan
through ``planner.daymarks`` (the role the board shows); a run over before ``today`` is left out,
one under way is listed whole.

Also not a rule: a B or C competition started inside the taper before an A competition
(:func:`taper_matches`; TP-1 makes the weeks before the A's week taper weeks). Its starters play
it in full, so a tournament team's taper week reads heavier than the load week before it. And
an A competition in the taper weeks of a later A (:func:`a_in_tapers`: a tournament of A matches
from Thursday to Monday, each its own competition): TP-1 then tapers a week longer and plans the
tournament's own week as a taper; said with the ways to taper once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from planner.daymarks import NOT_READ, day_marks
from planner.memo import ByInputs, by_identity, season_fields, squad_values
from planner.rules import RuleSet
from planner.season import Competition, Season
from planner.text import day as day_text
from planner.text import join_and, plural, with_note
from planner.timeline import Timeline
from planner.validate import MANY_MATCHES, match_minutes_hint

RECOVERY_HOURS = 72  # Nedelec12, HV-6's evidence: more than 72 h to recover from a match
GAP_DAYS = RECOVERY_HOURS // 24  # starts this many days apart or fewer: 72 h or less between kick-offs
AFTER_RETURN_DAYS = 21  # a congested run starting this soon after a return is said with it
CLOSE_DAYS = GAP_DAYS - 1  # two starts this close are listed on their own: less than 72 h
EVIDENCE = "Nedelec12"
# why a run is listed and what to do, said once under the runs (congestion_lines)
WHY = f"where more than {RECOVERY_HOURS} h are needed to recover ({EVIDENCE})"
ROTATE = "to rotate, set bench or out for some of {them} (Roles)"
RUNS_NAMED = 3  # a group's runs named on its line, the longest first; the rest counted


def days_words(days) -> str:
    """Match days: ``Sat 3 Oct, Mon 5 Oct`` up to four, else the first – last."""
    return (", ".join(day_text(d) for d in days) if len(days) <= 4
            else f"{day_text(days[0])} – {day_text(days[-1])}")


def near_matches(season: Season, competition: str, day: dt.date) -> list[tuple[Competition, int]]:
    """The other competitions less than 72 h (``CLOSE_DAYS``) before or after ``competition``
    moved to start on ``day`` (its days kept): (competition, days from it, negative before),
    by date. One on the same day is left out (``planner.edits.clashes`` says it)."""
    c = season.competition(competition)
    first = day
    last = day + ((c.last - c.date) if c is not None else dt.timedelta(0))
    out = []
    for o in season.competitions:
        gap = (-(first - o.last).days if o.last < first else (o.date - last).days if o.date > last
               else 0)
        if o.id != competition and gap and abs(gap) <= CLOSE_DAYS:
            out.append((o, gap))
    return sorted(out, key=lambda x: (x[0].date, x[0].name))


def near_words(day: dt.date, near: list[tuple[Competition, int]]) -> str:
    """``⚠ Mon 12 Apr 2027 is 2 days after 'League match 33' (Sat 10 Apr 2027): less than 72 h …``
    (``near``: :func:`near_matches` of a competition moved to ``day``), as the what-if's Move a
    competition form says a same-day clash; "" when none."""
    from planner.text import day_long

    if not near:
        return ""
    said = join_and([f"{plural(abs(gap), 'day')} {'after' if gap < 0 else 'before'} {o.name!r} "
                     f"({day_long(o.last if gap < 0 else o.date)})" for o, gap in near])
    return (f"⚠ {day_long(day)} is {said}: less than {RECOVERY_HOURS} h between the matches for a "
            f"player who starts both, {WHY}.")


@dataclass(frozen=True)
class Congestion:
    """Athletes who start the same run of matches, each at most ``GAP_DAYS`` after the one
    before it (grouped: a tournament's starters share one line)."""

    athletes: tuple[str, ...]
    days: tuple[dt.date, ...]  # the match days started, in order
    # athletes of the run back to full training within AFTER_RETURN_DAYS before its first day
    returned: tuple[tuple[str, dt.date], ...] = ()
    # the matches started on each of ``days`` (a tournament's two matches on a Saturday: 2);
    # empty: one each
    starts: tuple[int, ...] = ()
    # athletes back to full training within AFTER_RETURN_DAYS who play matches of these days,
    # some off the bench: (athlete, back, "bench in 6 matches on 2 days") (played_back)
    played_back: tuple[tuple[str, dt.date, str], ...] = ()

    @property
    def span(self) -> int:
        return (self.days[-1] - self.days[0]).days + 1

    @property
    def matches(self) -> int:
        """The matches started in the run."""
        return sum(self.starts) if self.starts else len(self.days)

    def count_words(self) -> str:
        """``on 3 match days in 5 days``; ``3 matches on 2 days in 2 days`` when a day has two
        started; ``2 matches on one day``."""
        n, k = self.matches, len(self.days)
        if n == k:
            return f"on {k} match days in {self.span} days"
        if k == 1:
            return f"{n} matches on one day"
        return f"{n} matches on {k} days in {self.span} days"

    def text(self, season: Season, named: int = 3) -> str:
        """The run whole on one line, why and what to do with it (a returner's run of his own is
        said so in every place; the other runs as :func:`congestion_lines` says them)."""
        back = "".join(f"; ⚠ {_back_since(season, a, d)}" for a, d in self.returned)
        back += "".join(f"; {x}" for x in self.warnings(season, returned=False))
        if not self.athletes:  # a returner off the bench where nobody's starts are congested
            played = [x.removeprefix("⚠ ") for x in self.warnings(season)]
            # "(1 started, 1 off the bench; Wed 28 Oct, Sat 31 Oct)": one parenthesis
            return (f"⚠ {with_note('; '.join(played), f' ({self.days_words()})')}: "
                    f"{RECOVERY_HOURS} h or less "
                    f"between them, soon after the return ({EVIDENCE}); to spare them, set out for "
                    f"some of them (Roles)")
        if self.many():  # a tournament day of short matches
            back += f"; {match_minutes_hint(season)}"
        return (f"{self.short(season, named)}: {RECOVERY_HOURS} h or less between them, {WHY}; "
                f"{ROTATE.format(them='them')}{back}")

    def many(self) -> bool:
        """Whether a day of the run has ``MANY_MATCHES`` started or more (a sevens tournament's)."""
        return max(self.starts, default=1) >= MANY_MATCHES

    def warnings(self, season: Season, returned: bool = True) -> list[str]:
        """The run's athletes back to full training soon before it, each a ``⚠ …`` of his own,
        with the run: ``⚠ Leo Martin (A12) is back to full training only since Wed 2 Sep: starts
        on 2 match days in 4 days (Wed 9 Sep, Sat 12 Sep)``, ``⚠ Zac Moana (A13), back Tue 30
        Mar: bench in 6 matches on 2 days (Sat 3 Apr, Sun 4 Apr)``; ``returned``: False, those
        off the bench alone."""
        return [words for _a, words in self.warned(season, returned)]

    def warned(self, season: Season, returned: bool = True) -> list[tuple[str, str]]:
        """:meth:`warnings` with the athlete each is about (a click on it goes to him)."""
        run = f"starts {self.count_words()} ({self.days_words()})"
        return [(a, f"⚠ {_back_since(season, a, d)}: {run}") for a, d in self.returned
                if returned] + [
            (a, f"⚠ {season.athlete_label(a)}, back {day_text(d)}: {words}")
            for a, d, words in self.played_back]

    def short(self, season: Season, named: int = 3) -> str:
        """``Tom Berger (A04) and 2 others start on 3 match days in 5 days (Sat 3, Mon 5, Wed
        7 Oct): 72 h or less between them, ...``"""
        who = [season.athlete_label(a) for a in self.athletes]
        said = join_and(who) if len(who) <= named else (
            f"{', '.join(who[:named])} and {plural(len(who) - named, 'other')}")
        verb = "starts" if len(who) == 1 else "start"
        return f"{said} {verb} {self.count_words()} ({self.days_words()})"

    def days_words(self) -> str:
        """The run's match days: ``Sat 3 Oct, Mon 5 Oct`` up to four, else its first – last."""
        return days_words(self.days)

    @property
    def first_athlete(self) -> str:
        """The athlete a click on the run goes to: its first starter, else its first returner
        off the bench (a run of his alone has no starters)."""
        return self.athletes[0] if self.athletes else self.played_back[0][0]


@by_identity()  # the timeline and marks follow from the season
def congestion(season: Season, timeline: Timeline | None = None,
               marks: dict | None = None) -> list[Congestion]:
    """The congested runs of starts (see the module text) not over before ``today`` (a run under
    way at today keeps its days before it), in the season's plan (without a plan: the roles the
    season sets), athletes with the same run grouped; the longest first. ``marks``: the
    season's ``planner.daymarks.day_marks``, when worked out already. Kept for the seasons last
    asked about (``planner.memo``), and while what they are read from is the same objects (the
    day marks' inputs, the plan, the squad but for its names): a rename or a pin on 40 x 52
    worked the runs out again. Do not change the list returned."""
    objs, values = (*season_fields(season, NOT_READ), season.plan), squad_values(season)
    kept = _kept.get(objs, values)
    if kept is not None:
        return kept
    tl = timeline if timeline is not None else Timeline(season)
    marks = marks if marks is not None else day_marks(season, tl)
    runs: list[tuple[str, tuple[dt.date, ...], tuple[int, ...]]] = []
    for aid, m in marks.items():
        starts = sorted(d for d, role in m.role.items() if role == "start")
        run: list[int] = []
        for d in starts + [None]:
            if d is not None and run and d - run[-1] <= GAP_DAYS:
                run.append(d)
                continue
            if run and run[-1] >= tl.p0:  # not over before today; one under way counts whole
                count = tuple(_started(season, tl, aid, k) for k in run)
                if _congested(run, count, _back_before(season, tl, aid, run[0]) is not None):
                    runs.append((aid, tuple(tl.days[k] for k in run), count))
            run = [d] if d is not None else []
    out = [_with_returns(season, tl, c) for c in regroup(season, runs)]
    out = _with_played_back(season, tl, marks, out)
    _kept.put(objs, values, out)
    return out


_kept = ByInputs()  # congestion's runs by what they are read from (an edit, its undo and redo)


def _with_played_back(season: Season, tl: Timeline, marks: dict,
                      runs: list[Congestion]) -> list[Congestion]:
    """``runs`` with the athletes back to full training within ``AFTER_RETURN_DAYS`` who are
    planned to play a congested run of matches, some off the bench (starts alone are said
    already): named in the first run of starts over the same days, else a run of their own."""
    runs = list(runs)
    for aid, m in marks.items():
        played = sorted(d for d, role in m.role.items() if role in ("start", "bench"))
        for run in _runs(played):
            back = _back_before(season, tl, aid, run[0])
            count = [_played(season, tl, aid, k, m.role[k]) for k in run]
            benched = sum(b for _s, b in count)
            if run[-1] < tl.p0 or back is None or not benched or \
                    not _congested(run, tuple(s + b for s, b in count), True):
                continue
            words = _played_words(count, len(run))
            days = tuple(tl.days[k] for k in run)
            k = next((j for j, c in enumerate(runs) if c.athletes and set(days) & set(c.days)), None)
            if k is None:
                runs.append(Congestion((), days, played_back=((aid, back, words),)))
            else:  # his own days: the starters' run may begin before or after his
                said = (aid, back, with_note(words, f" ({days_words(days)})"))
                runs[k] = replace(runs[k], played_back=runs[k].played_back + (said,))
    return runs


def _runs(days: list[int]) -> list[list[int]]:
    """``days`` (in order) cut where two are more than ``GAP_DAYS`` apart."""
    from planner.text import runs

    return runs(days, lambda a, b: b - a <= GAP_DAYS)


def _played(season: Season, tl: Timeline, athlete: str, i: int, role: str) -> tuple[int, int]:
    """(matches started, matches off the bench) of the athlete on day ``i``, a day the board
    marks as played in ``role``: one at least."""
    roles = [season.role_of(athlete, c.id) for c in tl.comp_on[i]]
    s, b = roles.count("start"), roles.count("bench")
    return (s, b) if s + b else ((1, 0) if role == "start" else (0, 1))


def _played_words(count: list[tuple[int, int]], days: int) -> str:
    """``bench in 6 matches on 2 days``; ``6 matches on 2 days (2 started, 4 off the bench)``;
    ``2 matches (1 started, 1 off the bench)`` with one match a day (the days listed after it:
    "2 matches on 2 days (…; Wed 2 Dec, Sat 5 Dec)" read as two days in a row)."""
    s, b = sum(x for x, _ in count), sum(y for _, y in count)
    on = "" if s + b == days else " on one day" if days == 1 else f" on {days} days"
    if not s:
        return f"bench in {b} matches{on}"
    return f"{s + b} matches{on} ({s} started, {b} off the bench)"


def _started(season: Season, tl: Timeline, athlete: str, i: int) -> int:
    """The matches the athlete starts on day ``i``, a day the board marks as started: each
    competition that day with the role start (a tournament's two matches on a Saturday), at
    least one."""
    return max(1, sum(1 for c in tl.comp_on[i] if season.role_of(athlete, c.id) == "start"))


def _congested(run: list[int], count: tuple[int, ...], just_back: bool) -> bool:
    """Whether a run of match days started (``count`` matches on each) is listed: three starts
    or more; two less than 72 h apart (one day, or ``CLOSE_DAYS``); two 72 h or less apart
    (every run's days are) for an athlete just back to full training."""
    n = sum(count)
    return n > 2 or (n == 2 and (len(run) == 1 or run[1] - run[0] <= CLOSE_DAYS or just_back))


def _back_before(season: Season, tl: Timeline, athlete: str, first: int | None) -> dt.date | None:
    """The athlete's return to full training (the plan's first FIT day after a rehab stage)
    within ``AFTER_RETURN_DAYS`` before day ``first`` (that day included), else None."""
    plan = season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    if ap is None or first is None or len(ap.stages) != tl.n:
        return None
    k = next((k for k in range(first, max(0, first - AFTER_RETURN_DAYS), -1)
              if ap.stages[k] == "FIT" and ap.stages[k - 1] not in ("FIT",)), None)
    return tl.days[k] if k is not None else None


def _with_returns(season: Season, tl: Timeline, c: Congestion) -> Congestion:
    """``c`` with its athletes back to full training (the plan's first FIT day after a rehab
    stage) within ``AFTER_RETURN_DAYS`` before its first match day: a player back on Wednesday
    who starts four matches in eight days from Saturday."""
    first = tl.index(c.days[0])
    back = [(a, d) for a in c.athletes if (d := _back_before(season, tl, a, first)) is not None]
    return replace(c, returned=tuple(back)) if back else c


def added(baseline: Season | None, scenario: Season) -> list[Congestion]:
    """The scenario's congested runs the baseline has not, athlete by athlete: a run of an
    athlete that one of the baseline's runs of that athlete covers is not added (rotating one
    player splits a group, and the two groups left read as new congestion), nor one that a
    baseline run over the same days already said as much of: as many match days or more in
    as many days or fewer (a semi-final moved a day earlier inside the same tournament)."""
    had: dict[str, list[Congestion]] = {}
    for c in congestion(baseline) if baseline is not None else []:
        for a in c.athletes:
            had.setdefault(a, []).append(c)

    def said(run: Congestion, before: Congestion) -> bool:
        days, was = run.days, before.days
        if set(days) <= set(was) and run.matches <= before.matches:
            return True
        overlap = was[0] <= days[-1] and days[0] <= was[-1]
        return overlap and before.matches >= run.matches and before.span <= run.span

    new = [(a, c.days, c.starts) for c in congestion(scenario) for a in c.athletes
           if not any(said(c, b) for b in had.get(a, []))]
    return regroup(scenario, new)


def regroup(season: Season, runs: list[tuple[str, tuple[dt.date, ...], tuple[int, ...]]]
            ) -> list[Congestion]:
    """(athlete, days, matches started each day) as Congestions, athletes with the same days
    and starts grouped in the squad's order; the most matches first."""
    by_days: dict[tuple, list[str]] = {}
    for a, days, count in runs:
        by_days.setdefault((days, count if any(n > 1 for n in count) else ()), []).append(a)
    order = {a.id: k for k, a in enumerate(season.athletes)}
    out = [Congestion(tuple(sorted(set(ids), key=lambda a: order.get(a, len(order)))), days,
                      starts=count) for (days, count), ids in by_days.items()]
    return sorted(out, key=lambda c: (-c.matches, -len(c.athletes), c.days[0]))


@dataclass(frozen=True)
class CongestionLine:
    """A line of the congested fixtures as every place prints them (:func:`congestion_lines`):
    ``athlete`` and ``day`` are where a click goes (none for the closing note)."""

    text: str
    runs: tuple[Congestion, ...] = ()  # the runs it says; none: the closing note
    athlete: str = ""
    day: dt.date | None = None


def _back_since(season: Season, athlete: str, back: dt.date) -> str:
    return f"{season.athlete_label(athlete)} is back to full training only since {day_text(back)}"


def congestion_lines(season: Season, runs: list[Congestion]) -> list[CongestionLine]:
    """``runs`` (:func:`congestion`, longest first) as a coach's note: the returners first, each
    on a line of his own (``⚠ Kofi Mensah (P14), back Thu 15 Oct: bench in 8 matches on 8 days
    (…)``); then a line per group of the same athletes, named once, with their runs longest first
    (``… start on 12 match days in 25 days (Wed 17 Feb – Sat 13 Mar); on 9 match days …; and 8
    more runs, none longer``); then why and what to do, once. A basketball season's eleven
    fortnights of the same five starters were eleven lines each saying all of it."""
    warned = [CongestionLine(c.text(season), (c,), c.first_athlete, c.days[0])
              for c in runs if not c.athletes]
    groups: dict[tuple[str, ...], list[Congestion]] = {}
    for c in runs:
        if not c.athletes:
            continue
        warned += [CongestionLine(x, (c,), a, c.days[0]) for a, x in c.warned(season)]
        if set(c.athletes) - {a for a, _d in c.returned}:  # a run of returners alone: said above
            groups.setdefault(c.athletes, []).append(c)
    lines = warned + [_group_line(season, cs) for cs in groups.values()]
    if len(lines) > len(warned) or any(c.returned for c in runs):
        hint = any(c.many() for c in runs)
        lines.append(CongestionLine(f"Each run has {RECOVERY_HOURS} h or less between its matches, "
                                    f"{WHY}; {ROTATE.format(them='these matches')}"
                                    + (f"; {match_minutes_hint(season)}" if hint else "")))
    return lines


def _group_line(season: Season, runs: list[Congestion]) -> CongestionLine:
    """One group's runs on one line, its athletes named once, the first ``RUNS_NAMED`` runs said
    and the rest counted."""
    first, *more = runs
    said = [first.short(season, named=len(first.athletes))]
    said += [f"{c.count_words()} ({c.days_words()})" for c in more[:RUNS_NAMED - 1]]
    rest = len(more) - (RUNS_NAMED - 1)
    text = "; ".join(said) + (f"; and {plural(rest, 'more run')}, none longer" if rest > 0 else "")
    return CongestionLine(text, tuple(runs), first.athletes[0], first.days[0])


def soon_after_return(runs: list[Congestion], athlete: str, back: dt.date | None) -> Congestion | None:
    """The first of ``runs`` the athlete starts that begins within ``AFTER_RETURN_DAYS`` of the
    return to full training ``back``: the Returns panel and the command line say it beside the
    first match back (a player back on Monday started a tournament on Thursday). The run's first
    day is at most ``AFTER_RETURN_DAYS`` - 1 days after ``back``, as the list of runs reads "back
    within" (:func:`_back_before`): a run 21 days after a return was said here and not there."""
    if back is None:
        return None
    later = [c for c in runs if athlete in c.athletes
             and back <= c.days[0] < back + dt.timedelta(days=AFTER_RETURN_DAYS)]
    return min(later, key=lambda c: c.days[0]) if later else None


def after_return_words(c: Congestion) -> str:
    """``starts on 3 match days in 3 days from Thu 8 Oct (72 h or less apart, soon after the
    return)``"""
    return (f"starts {c.count_words()} from {day_text(c.days[0])} ({RECOVERY_HOURS} h "
            f"or less apart, soon after the return)")


TOURNAMENT_GAP = 1  # matches in a taper at most this many days apart: one tournament, one line
NAMED_MATCHES = 3  # a line of more matches in a taper counts them: League game 41–45


def _names_words(names: list[str]) -> str:
    """``Match 3, Match 4 and Match 5``; more than ``NAMED_MATCHES``: ``League game 41–45`` when
    they are one name numbered in a row, else ``Match 2, Cup tie and 3 more``."""
    if len(names) <= NAMED_MATCHES:
        return join_and(names)
    split = [re.fullmatch(r"(.*?)(\d+)", n) for n in names]
    if all(split) and len({m.group(1) for m in split}) == 1:
        numbers = [int(m.group(2)) for m in split]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{split[0].group(1)}{numbers[0]}–{numbers[-1]}"
    return f"{names[0]}, {names[1]} and {len(names) - 2} more"


@dataclass(frozen=True)
class TaperMatch:
    """B or C competitions inside the taper before an A competition (TP-1: the weeks before
    the A's week are taper weeks) that athletes are planned to start: they play them in full, and
    a tournament team's taper week reads heavier than the load week before it. Not a rule. The
    matches of consecutive days (a tournament weekend: M1 and M2 on Saturday, M3 on Sunday) are
    one, said in one line."""

    competitions: tuple[Competition, ...]  # in date order
    a: Competition  # the A competition whose taper they lie in
    starters: tuple[str, ...]  # who starts one of them or more, in the squad's order
    # A competitions in the taper of a later A (a tournament over a week's end): the taper's
    # weeks (its first and last day, how many weeks), which TP-1 stretched past taper_weeks
    stretched: tuple[dt.date, dt.date, int] | None = None

    @property
    def competition(self) -> Competition:
        """The first of the matches."""
        return self.competitions[0]

    def short(self) -> str:
        """``League Round 5 (B, Sat 8 May) lies in the taper before National Finals (A, Sat 22
        May): its 11 starters play it in full``; several: ``League Round 5 M1, League Round 5 M2
        and League Round 5 M3 (B, Sat 8 – Sun 9 May) lie in the taper before ...: their 6
        starters play them in full``."""
        cs, a = self.competitions, self.a
        first, last = cs[0].date, max(c.end_date or c.date for c in cs)
        when = f"{day_text(first)}" + (
            f" – {day_text(last)}" if last != first else "")
        if len(cs) > NAMED_MATCHES:
            when = f"{len(cs)} matches, {when}"
        prio = "/".join(sorted({c.priority for c in cs}))
        one = len(cs) == 1
        head = (f"{_names_words([c.name for c in cs])} ({prio}, {when}) "
                f"{'lies' if one else 'lie'} in the taper before {a.name} (A, "
                f"{day_text(a.date)}): ")
        if self.stretched is not None:
            start, end, weeks = self.stretched
            return head + (f"TP-1 tapers the weeks before each A competition, so the taper runs "
                           f"{plural(weeks, 'week')} (from {day_text(start)} to {day_text(end)})"
                           f" and {'the week of ' + cs[0].name if one else 'their week'} is "
                           f"planned as a taper week")
        return head + (f"{'its' if one else 'their'} {plural(len(self.starters), 'starter')} "
                       f"play {'it' if one else 'them'} in full")

    def way(self, short: bool = False) -> str:
        """What to do, the one wording of it: ``set bench or out for some (Roles) to keep the
        taper`` (short: ``set roles to keep the taper``); an A competition in the taper of a
        later A: make the later one B, or enter the tournament as one competition over several
        days (short: ``make National Finals B to taper once``)."""
        if self.stretched is None:
            return "set roles to keep the taper" if short else \
                "set bench or out for some (Roles) to keep the taper"
        if short:
            return f"make {self.a.name} B to taper once"
        return (f"make {self.a.name} B (Competitions) to taper once, or, when the tournament's "
                f"days run on, enter it as one competition over several days (Competitions: "
                f"Several days, until)")

    def text(self, season: Season | None = None) -> str:
        """:meth:`short` and what to do (:meth:`way`): ``...; set bench or out for some (Roles)
        to keep the taper``."""
        return f"{self.short()}; {self.way()}"


def taper_matches(season: Season, timeline: Timeline | None = None,
                  marks: dict | None = None) -> list[TaperMatch]:
    """The B and C competitions from ``today`` on in a taper week of TP-1 (a hard rule) that
    athletes start in the season's plan (without a plan: the roles the season sets), in
    date order, those of consecutive days before the same A grouped (:func:`grouped_tapers`);
    ``marks`` as for :func:`congestion`."""
    tl = timeline if timeline is not None else Timeline(season)
    marks = marks if marks is not None else day_marks(season, tl)
    found = grouped_tapers(season, _each_taper_match(season, tl, marks)) + a_in_tapers(season, tl, marks)
    return sorted(found, key=lambda t: t.competition.date)


def a_in_tapers(season: Season, timeline: Timeline | None = None,
                marks: dict | None = None) -> list[TaperMatch]:
    """The A competitions from ``today`` on in the taper weeks of a later A competition, one
    each per later A (``TaperMatch.stretched``): four A matches Thursday to Monday, each its
    own competition, taper the weeks before the Monday's week too, so the taper runs a week
    longer than TP-1's ``taper_weeks`` and the tournament's own week is planned as a taper.
    Those of consecutive days are one, as :func:`grouped_tapers` groups them; their starters
    as :func:`taper_matches` reads them (none started: the squad). Making the later A a B takes
    its own taper week out, the week of the matches, which are from ``today`` on, so the advice
    holds while any of them is ahead, even once the stretched taper's first week is lived."""
    tl, tapers, marks, order = _taper_context(season, timeline, marks)
    found = []
    for c in sorted(tl.a_competitions, key=lambda c: c.date):
        i, w = tl.index(c.date), tl.week_index_of_date(c.date)
        if i is None or i < tl.p0 or w not in tapers or tapers[w].id == c.id:
            continue
        a = tapers[w]
        last = tl.week_index_of_date(a.date) - 1
        first = last
        while first - 1 in tapers:
            first -= 1
        span = (tl.days[tl.weeks[first].first], tl.days[tl.weeks[last].last], last - first + 1)
        found.append(TaperMatch((c,), a, _starters(season, marks, order, i, c), stretched=span))
    # none started: the squad, as before (the Plan Check list goes to its first starter)
    return [replace(t, starters=t.starters or tuple(order)) for t in grouped_tapers(season, found)]


def _taper_context(season: Season, timeline: Timeline | None, marks: dict | None):
    """(timeline, TP-1's taper weeks: week -> the A competition, the day marks, the squad's
    order) for the taper notices."""
    tl = timeline if timeline is not None else Timeline(season)
    tapers = tl.taper_weeks(int(RuleSet(season.rules).value("TP-1", "taper_weeks")))
    marks = marks if marks is not None else day_marks(season, tl)
    return tl, tapers, marks, [a.id for a in season.athletes]


def _starters(season: Season, marks: dict, order: list[str], i: int, c: Competition) -> tuple[str, ...]:
    """Who starts competition ``c`` on day ``i``: the day's marks and the match's role both
    start, in the squad's order."""
    return tuple(a for a in order if a in marks and marks[a].role.get(i) == "start"
                 and season.role_of(a, c.id) == "start")


def _each_taper_match(season: Season, timeline: Timeline | None = None,
                      marks: dict | None = None) -> list[TaperMatch]:
    """:func:`taper_matches` one competition each, ungrouped."""
    tl, tapers, marks, order = _taper_context(season, timeline, marks)
    out = []
    for c in sorted(season.competitions, key=lambda c: c.date):
        i, w = tl.index(c.date), tl.week_index_of_date(c.date)
        if c.priority == "A" or i is None or i < tl.p0 or w not in tapers:
            continue
        if starters := _starters(season, marks, order, i, c):
            out.append(TaperMatch((c,), tapers[w], starters))
    return out


def grouped_tapers(season: Season, found: list[TaperMatch]) -> list[TaperMatch]:
    """``found`` (date order) with the matches before the same A competition at most
    ``TOURNAMENT_GAP`` days after the one before as one (their starters together, in the
    squad's order): League Round 5 M1, M2 and M3 of one weekend were three lines saying the same;
    so are the B and C matches after one another with the same starters (a basketball league's
    five games in the taper before a cup were four lines), not the A ones of a later A's taper."""
    order = {a.id: k for k, a in enumerate(season.athletes)}
    out: list[TaperMatch] = []
    for t in found:
        prev = out[-1] if out else None
        end = max(c.end_date or c.date for c in prev.competitions) if prev else None
        close = prev is not None and (t.competition.date - end).days <= TOURNAMENT_GAP
        # the league games of the taper's weeks, the same starters each: one line, not five
        alike = prev is not None and t.stretched is None and set(prev.starters) == set(t.starters)
        if prev is not None and prev.a.id == t.a.id and (close or alike):
            who = sorted(set(prev.starters) | set(t.starters), key=lambda a: order.get(a, len(order)))
            out[-1] = replace(prev, competitions=prev.competitions + t.competitions, starters=tuple(who))
        else:
            out.append(t)
    return out


def tapers_added(baseline: Season, scenario: Season) -> list[TaperMatch]:
    """The scenario's matches in a taper (:func:`taper_matches`) that the baseline has not
    started in that taper (a friendly added on the Wednesday before the final, a match moved
    into the taper): the advice a what-if adds, grouped as :func:`taper_matches` groups."""
    had = {(t.competition.id, t.a.id) for t in _each_taper_match(baseline)}
    had |= {(c.id, t.a.id) for t in a_in_tapers(baseline) for c in t.competitions}
    return grouped_tapers(scenario, [t for t in _each_taper_match(scenario)
                                     if (t.competition.id, t.a.id) not in had]) + [
        t for t in a_in_tapers(scenario) if any((c.id, t.a.id) not in had for c in t.competitions)]
