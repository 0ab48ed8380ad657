"""Where TP-1's taper falls against each A competition: notes with their fix, not rules.

TP-1 tapers the calendar weeks before the week of an A competition's first day (rules-spec
TP-1); the competition's own week is a load week. Two seasons read that badly, and the coach
is told how to change them (``solve``, ``check`` and the app's Plan Check):

- :func:`late_in_week`: an A competition late in its week (a Saturday–Sunday tournament with
  weeks from Monday) has ``LATE_TRAINING_DAYS`` or more of the team's training days before it
  in its own week, the load week's sessions right before it; weeks that start on the
  competition's weekday put the taper there.
- :func:`taper_after_break`: a taper whose first training day follows ``BREAK_WEEKS`` weeks or
  more without the team (a summer break): it tapers from nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner import text
from planner.rules import RULES, RuleSet
from planner.season import WEEKDAYS, Competition, Season
from planner.timeline import Timeline

# the team's training days before an A competition in its own week from which its week start is
# said: a Thursday A with weeks from Monday (3 load-week sessions right before it) or later; a
# Wednesday A has 2, the most a load week's MD-2 and MD-1 would be anyway
LATE_TRAINING_DAYS = 3
BREAK_WEEKS = 2  # whole weeks without the team's training or matches that make a break
SETTINGS_WHERE = ("Season ▸ Season Settings…: Weeks start on; in the coach workbook, the Season "
                  "sheet's Week starts")


@dataclass(frozen=True)
class LateInWeek:
    """A competitions on the same weekday with ``LATE_TRAINING_DAYS`` or more of the team's
    training days before them in their own week (``training``: how many, each)."""

    competitions: tuple[Competition, ...]  # the first A competition of each week, in date order
    training: tuple[int, ...]
    weekday: str  # their first day's weekday (``sat``): the week start that tapers up to them
    # the weekdays of every note when they differ (the first note's first): no single week start
    # tapers up to all, said once, on the first note; () when the notes share one weekday
    apart: tuple[str, ...] = ()

    def text(self, season: Season) -> str:
        """``National Qualifier D1 M1 (A, Sat 24 Apr) comes late in its week (weeks start on
        Monday): the 5 training days before it in its week are load-week sessions, not the
        taper (TP-1 tapers the weeks before an A competition's week); to taper up to it, start
        the weeks on Saturday (Season ▸ Season Settings…: …) and solve again``. Notes of other
        weekdays beside it: each gives its weekday, the first says that no single week start
        tapers up to all (two "start the weeks on …" fixes contradicted each other)."""
        one = len(self.competitions) == 1
        start = text.weekday_word(season.calendar.week_start)
        them = "it" if one else "them"
        day = text.weekday_word(self.weekday)
        if not self.apart:
            fix = f"to taper up to {them}, start the weeks on {day} ({SETTINGS_WHERE}) and solve again"
        elif self.apart[0] == self.weekday:
            days = text.join_and([text.weekday_word(d) for d in self.apart])
            fix = (f"weeks from {day} would taper up to {them}, but no single week start tapers up "
                   f"to every A competition late in its week (they fall on {days}): choose the one "
                   f"to taper up to ({SETTINGS_WHERE}) and solve again")
        else:
            fix = f"weeks from {day} would taper up to {them} ({SETTINGS_WHERE})"
        return (f"{self._named()}, A, {'comes late in its week' if one else 'come late in their weeks'}"
                f" (weeks start on {start}): the {self._days()} before {'it' if one else 'each'} in its "
                f"week are load-week sessions, not the taper (TP-1 tapers the weeks before an A competition's week); "
                f"{fix}")

    def short(self) -> str:
        """A line of a list, the fix in a few words (its tooltip says :meth:`text`): ``National
        Qualifier D1 M1 (Sat 24 Apr), A: the 5 training days before it in its week are
        load-week sessions; weeks from Saturday taper up to it (Season Settings)``."""
        one = len(self.competitions) == 1
        return (f"{self._named()}, A: the {self._days()} before {'it' if one else 'each'} in its "
                f"week are load-week sessions; weeks from {text.weekday_word(self.weekday)} "
                f"taper up to {'it' if one else 'them'} (Season Settings)")

    def settings(self) -> list[str]:
        """No rule setting: the week start is the season's (Season Settings)."""
        return []

    def _named(self) -> str:
        return text.join_and([f"{c.name} ({text.day(c.date)})" for c in self.competitions])

    def _days(self) -> str:
        lo, hi = min(self.training), max(self.training)
        return text.plural(hi, "training day") if lo == hi else f"{lo} to {hi} training days"


def _a_weeks(tl: Timeline) -> list[tuple[int, Competition]]:
    """(week, its first A competition by date) of each A week from ``today`` on whose week has
    a week before it (TP-1's taper) and is not itself in a later A's taper (its days are taper
    days then), in date order; none while TP-1 is switched off."""
    rules = RuleSet(tl.season.rules)
    if not rules.active("TP-1"):
        return []
    tapers = tl.taper_weeks(int(rules.value("TP-1", "taper_weeks")))
    out: dict[int, Competition] = {}
    for c in sorted(tl.a_competitions, key=lambda c: c.date):
        w = tl.week_index_of_date(c.date)
        if w is not None and w > 0 and w not in tapers and tl.weeks[w].first >= tl.p0:
            out.setdefault(w, c)
    return sorted(out.items())


def late_in_week(season: Season, timeline: Timeline | None = None) -> list[LateInWeek]:
    """The A competitions (the first of each week, from a week not begun before ``today``) with
    ``LATE_TRAINING_DAYS`` or more of the team's training days before their first day in their
    own week, one note per weekday, in date order."""
    tl = timeline if timeline is not None else Timeline(season)
    found: dict[int, list[tuple[Competition, int]]] = {}
    for w, c in _a_weeks(tl):
        i = tl.index(c.date)
        n = sum(1 for d in tl.weeks[w].days if d < i and tl.is_training[d])
        if n >= LATE_TRAINING_DAYS:
            found.setdefault(c.date.weekday(), []).append((c, n))
    notes = sorted((LateInWeek(tuple(c for c, _n in some), tuple(n for _c, n in some), WEEKDAYS[wd])
                    for wd, some in found.items()), key=lambda n: n.competitions[0].date)
    if len(notes) > 1:  # weekdays apart: no one week start for all, said once
        apart = tuple(n.weekday for n in notes)
        notes = [replace(n, apart=apart) for n in notes]
    return notes


@dataclass(frozen=True)
class TaperAfterBreak:
    """An A competition whose taper's first training day follows ``BREAK_WEEKS`` weeks or more
    without the team's training or matches: the taper follows no load weeks."""

    a: Competition  # the first A competition of its week
    weeks: int  # the break's whole weeks
    back: dt.date  # the team's first training day after it, in the taper
    taper_weeks: int  # TP-1's, as the season sets it
    shorter_helps: bool  # one taper week fewer puts a load week between the break and the taper

    @property
    def competitions(self) -> tuple[Competition, ...]:
        return (self.a,)

    def text(self, season: Season) -> str:
        """``Summer 7s D1 M1's taper (A, Sat 21 Aug) starts the week the team comes back from a
        3-week break (back Mon 2 Aug): the taper sessions follow no load weeks; end the break
        earlier (Days Off) so that load weeks come before the taper, or set TP-1's taper weeks
        to 1 (Rules: TP-1.taper_weeks)``."""
        fix = "end the break earlier (Days Off) so that load weeks come before the taper"
        if self.shorter_helps:
            fix += f", or set TP-1's taper weeks to {self.taper_weeks - 1} (Rules: {SETTING})"
        return (f"{self._head()}: the taper sessions follow no load weeks; {fix}")

    def short(self) -> str:
        """A line of a list: ``… (back Mon 2 Aug): the taper follows no load weeks``."""
        return f"{self._head()}: the taper follows no load weeks"

    def _head(self) -> str:
        return (f"{self.a.name}'s taper (A, {text.day(self.a.date)}) starts the week the team "
                f"comes back from a {self.weeks}-week break (back {text.day(self.back)})")

    def settings(self) -> list[str]:
        """The rule settings the fix names (Plan Check's double-click)."""
        return [SETTING] if self.shorter_helps else []


SETTING = "TP-1.taper_weeks"


def _break_before_taper(tl: Timeline, w: int, k: int) -> tuple[int, int] | None:
    """(the break's whole weeks, the first training day of the taper) when the ``k`` taper
    weeks before week ``w`` start with the team back from ``BREAK_WEEKS`` weeks or more without
    training or matches; None otherwise, or when the days without reach the season's start (the
    season begins there, no break)."""
    if w - k < 0:
        return None
    span = range(tl.weeks[w - k].first, tl.weeks[w].first)
    back = next((d for d in span if tl.is_training[d]), None)
    if back is None or back < tl.p0:
        return None
    j = back - 1
    while j >= 0 and not (tl.is_training[j] or tl.is_comp[j]):
        j -= 1
    weeks = (back - 1 - j) // 7
    return (weeks, back) if j >= 0 and weeks >= BREAK_WEEKS else None


def taper_after_break(season: Season, timeline: Timeline | None = None) -> list[TaperAfterBreak]:
    """The A competitions (the first of each week, from a week not begun before ``today``) whose
    taper starts with the team back from a break, in date order."""
    tl = timeline if timeline is not None else Timeline(season)
    k = int(RuleSet(season.rules).value("TP-1", "taper_weeks"))
    least = int(RULES["TP-1"].param("taper_weeks").min)
    out = []
    for w, c in _a_weeks(tl):
        if found := _break_before_taper(tl, w, k):
            weeks, back = found
            shorter = k > least and _break_before_taper(tl, w, k - 1) is None
            out.append(TaperAfterBreak(c, weeks, tl.days[back], k, shorter))
    return out


def taper_notes(season: Season) -> list:
    """Every note of this module for ``season``, in date order (``solve``, ``check`` and Plan
    Check list them): each has ``text(season)``, ``short()`` and ``competitions``."""
    tl = Timeline(season)
    notes = late_in_week(season, tl) + taper_after_break(season, tl)
    return sorted(notes, key=lambda n: n.competitions[0].date)
