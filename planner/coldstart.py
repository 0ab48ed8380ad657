"""Cold starts: a fit athlete whose first speed day after a break is a match he starts.

Not a rule of rules-spec.md (no plan breaks anything by it) but what a coach looks for: RAMP
caps the first speed day after ``gap_days`` or more without one at 80 % and the second at 90 %,
and a played competition day ends the ramp, so a player back from three weeks of international
duty may be planned to start the Cup final with no speed day before it (the match is his first
speed day in 23 days). domain.md's RAMP builds exposure up progressively after a break, and
HV-1 (Buchheit21) has it planned in training, not assumed of a match: not a 95-minute final.

Listed once per athlete and gap, from ``today`` on: a ``FIT`` athlete's first speed day (80 % or
more) after ``gap_days`` or more days without one, as the plan checker walks RAMP
(``planner.check.ramp_walk``: the days before today as logged, a speed day logged before the
season start ending a gap there), is a competition day he is planned to start. The season start
ends a gap for RAMP, but a first match a few days into the season is no break a coach can see:
the days without one are counted from the season start then, ``gap_days`` or more. Not for the
positions HV-1 asks no exposure of (goalkeepers by default: their match is their session). Said
with the absence that made the gap (its reason unless anonymised) and the ways out: an 80 % day
pinned on a training day before the match that the checker's HV-2, HV-5, HV-6 and HV-7 allow
(``_Checker.speed_day_breaks``; the latest ones named, MD-3/MD-4 first), or the bench for that
match. A bench appearance is a speed day too, so the match no longer starts him cold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.check import _Athlete, _Checker, ramp_walk
from planner.memo import by_identity
from planner.rules import RuleSet
from planner.season import FIT, PLAY_LEVEL, RAMP_STEPS, Competition, Season
from planner.sessions import away_reason
from planner.text import day as day_text
from planner.text import join_and, plural
from planner.timeline import Timeline

STEP = RAMP_STEPS[0]  # the level an 80 % day is pinned at: RAMP's first step
DAYS_NAMED = 2  # the training days named that could take it, the latest first


@dataclass(frozen=True)
class ColdStart:
    """One athlete's match started as the first speed day after a gap."""

    athlete: str
    day: dt.date  # the competition day started
    competitions: tuple[Competition, ...]  # those he starts that day
    last: dt.date | None  # the speed day before the gap (None: none in the season nor logged)
    without: int  # days without a speed day before ``day``
    away: tuple[dt.date, dt.date, str] | None = None  # the absence in the gap: first, last, why
    open_days: tuple[tuple[dt.date, str], ...] = ()  # training days that could take 80 % (MD label)

    def match_words(self) -> str:
        """``Cup final (A, Sat 8 May)``; two matches that day: ``M1 and M2 (B, Sat 8 May)``."""
        prio = "/".join(sorted({c.priority for c in self.competitions}))
        return f"{join_and([c.name for c in self.competitions])} ({prio}, {day_text(self.day)})"

    def gap_words(self) -> str:
        """``27 days without one (the last on Sat 10 Apr; away Mon 12 Apr – Sun 2 May: Intl
        duty)``; none before: ``none since the season start``."""
        since = (f"the last on {day_text(self.last)}" if self.last is not None
                 else "none since the season start")
        if self.away is not None:
            first, last, why = self.away
            since += f"; away {day_text(first)} – {day_text(last)}: {why}"
        return f"{plural(self.without, 'day')} without one ({since})"

    def ways(self) -> str:
        """What to do: an 80 % day pinned before it on the days named, or the bench."""
        bench = f"set them bench for {join_and([c.name for c in self.competitions])} (Roles)"
        if not self.open_days:
            return f"no training day before it can take a speed day, so {bench}"
        days = " or ".join(f"{day_text(d)} ({label})" if label else day_text(d)
                           for d, label in self.open_days)
        return f"pin {STEP} % on {days} to ramp them up, or {bench}"

    def text(self, season: Season) -> str:
        """``Hugo Laurent (A13) starts Cup final (A, Sat 8 May) as their first speed day after 27
        days without one (…): pin 80 % on Wed 5 May (MD-3) or Tue 4 May (MD-4) to ramp them up,
        or set them bench for Cup final (Roles)``."""
        return (f"{season.athlete_label(self.athlete)} starts {self.match_words()} as their first "
                f"speed day after {self.gap_words()}: {self.ways()}")


@by_identity(values=("anonymise",))
def cold_starts(season: Season, anonymise: bool = False) -> list[ColdStart]:
    """The season's plan's cold starts from ``today`` on (see the module text), in date order
    then the squad's; [] without a plan. ``anonymise``: the absence's reason left out. Kept for
    the seasons last asked about (``planner.memo``): do not change the list returned."""
    if season.plan is None:
        return []
    ck = _Checker(season, season.plan, set(), None)
    g = int(RuleSet(season.rules).value("RAMP", "gap_days"))
    out = [found for a in ck.athletes for found in _athlete_cold_starts(season, ck, a, g, anonymise)]
    order = {a.id: k for k, a in enumerate(season.athletes)}
    return sorted(out, key=lambda c: (c.day, order.get(c.athlete, len(order))))


def _athlete_cold_starts(season: Season, ck: _Checker, a: _Athlete, g: int,
                         anonymise: bool) -> list[ColdStart]:
    tl = ck.tl
    out = []
    for i, last, gap, _step in ramp_walk(a.speed, a.played, a.pre, g):
        if a.exempt or not gap or i < tl.p0 or a.st[i] != FIT or not a.played[i] or a.it[i] != PLAY_LEVEL["start"]:
            continue
        without = i - (last if last is not None else -1) - 1
        if without < g:  # the season's first days: RAMP's gap, but none a coach can see
            continue
        started = tuple(c for c in tl.comp_on[i] if season.role_of(a.id, c.id) == "start")
        out.append(ColdStart(a.id, tl.days[i], started or tuple(tl.comp_on[i]),
                             ck.d(last) if last is not None else None, without,
                             _absence(season, tl, a.id, last, i, anonymise),
                             _open_days(ck, a, last, i)))
    return out


def _absence(season: Season, tl: Timeline, athlete: str, last: int | None, i: int,
             anonymise: bool) -> tuple[dt.date, dt.date, str] | None:
    """The athlete's longest absence overlapping the gap before day ``i``, with its reason."""
    first = tl.days[max(0, (last if last is not None else -1) + 1)]
    spans = [u for u in season.unavailability if u.athlete == athlete
             and u.start < tl.days[i] and u.end >= first]
    if not spans:
        return None
    u = max(spans, key=lambda u: (u.end - u.start, u.start))
    return u.start, u.end, away_reason(season, athlete, u.start, anonymise)


def _open_days(ck: _Checker, a: _Athlete, last: int | None, i: int) -> tuple[tuple[dt.date, str], ...]:
    """The training days before match day ``i``, from today on and after the gap's last speed
    day, on which an 80 % day pinned breaks none of HV-2, HV-5, HV-6 and HV-7 (the plan
    checker's own, ``_Checker.speed_day_breaks``): the MD-3 and MD-4 first, then the latest."""
    tl = ck.tl
    low = max(tl.p0, (last if last is not None else -1) + 1)
    speed = list(a.speed)
    free = [k for k in range(i - 1, low - 1, -1)
            if a.st[k] == FIT and k not in a.off and not tl.is_comp[k] and a.train[k]
            and not ck.speed_day_breaks(a, k, speed)]
    free.sort(key=lambda k: (tl.md_before[k] not in (3, 4), i - k))
    return tuple((tl.days[k], f"MD-{tl.md_before[k]}" if (tl.md_before[k] or 8) <= 7 else "")
                 for k in free[:DAYS_NAMED])


def cold_starts_added(baseline: Season | None, scenario: Season) -> list[ColdStart]:
    """The scenario's cold starts the baseline has not (the same athlete and match day): the
    ones a what-if adds."""
    had = {(c.athlete, c.day) for c in cold_starts(baseline)} if baseline is not None else set()
    return [c for c in cold_starts(scenario) if (c.athlete, c.day) not in had]


# what every place calls the list, the command line's heading and a what-if's
COLD_WHAT = "Matches started as the first speed day after a break"
COLD_HEAD = f"{COLD_WHAT} (no rule breaks; pin a speed day before it, or set bench)"

__all__ = ["COLD_HEAD", "COLD_WHAT", "ColdStart", "cold_starts", "cold_starts_added"]
