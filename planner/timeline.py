"""Calendar facts derived from a season (rules-spec.md section 1).

Days are indexed 0..n-1 from the season start. Weeks are calendar weeks starting on the
season's ``week_start``; the first and last may be partial. ``MD+k``/``MD-k`` relations, the
day label, training days, availability and the first day that may still be planned (``today``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from planner.season import PLAYED_LEVELS, SPEED_DAY, WEEKDAYS, Season

_PRIORITY_RANK = {"A": 0, "B": 1, "C": 2}
RECOVERY_MD2_WEEKDAYS = 3  # training weekdays from which MD+2 (after a day off) is a recovery day


def in_day_order(competitions) -> list:
    """The competitions by their first day and, on one day, in the season file's order (the
    order the coach entered a tournament's matches: Quarter-final, Semi-final, Final), as every
    list of a day's matches reads them: the calendars, the workbook, the Roles grid."""
    return sorted(competitions, key=lambda c: c.date)  # a stable sort keeps the file's order


def in_day_places(competitions) -> list[tuple]:
    """:func:`in_day_order`, each with its place among its day's: ``"2/3 "`` for the second of
    three, ``""`` alone. An all-day event has no time, so a calendar app orders one day's events
    as it likes (by name: Final before Quarter-final); the place keeps their order. The
    calendars and the board PDF's Competitions line read it."""
    per_day = Counter(c.date for c in competitions)
    seen: Counter = Counter()
    out = []
    for c in in_day_order(competitions):
        seen[c.date] += 1
        out.append((c, f"{seen[c.date]}/{per_day[c.date]} " if per_day[c.date] > 1 else ""))
    return out


@dataclass(frozen=True)
class Week:
    index: int
    first: int  # first day index inside the season
    last: int  # last day index inside the season (inclusive)

    @property
    def days(self) -> range:
        return range(self.first, self.last + 1)


class Timeline:
    def __init__(self, season: Season):
        cal = season.calendar
        self.season = season
        self.start = cal.start
        self.end = cal.end
        self.n = (cal.end - cal.start).days + 1
        self.days: list[dt.date] = [cal.start + dt.timedelta(days=i) for i in range(self.n)]
        self._weeks(WEEKDAYS.index(cal.week_start))
        self._competitions(season)
        self._training_days(cal)
        self._past(cal)
        self._availability(season)

    def _weeks(self, week_start: int) -> None:
        weeks: list[Week] = []
        first = 0
        for i in range(1, self.n + 1):
            if i == self.n or self.days[i].weekday() == week_start:
                weeks.append(Week(len(weeks), first, i - 1))
                first = i
        self.weeks = weeks
        self.week_of = [0] * self.n
        for w in weeks:
            for d in w.days:
                self.week_of[d] = w.index

    def _competitions(self, season: Season) -> None:
        """Each day's competitions and its MD+k / MD-k relation to the nearest competition days."""
        self.comp_on: list[list] = [[] for _ in range(self.n)]
        for c in season.competitions:
            for day in c.days():
                i = self.index(day)
                if i is not None:
                    self.comp_on[i].append(c)
        self.is_comp = [bool(x) for x in self.comp_on]
        self.comp_days = [i for i in range(self.n) if self.is_comp[i]]
        self.md_after: list[int | None] = [None] * self.n  # k of MD+k (nearest earlier comp day)
        self.md_before: list[int | None] = [None] * self.n  # k of MD-k (nearest later comp day)
        last = None
        for i in range(self.n):
            if self.is_comp[i]:
                last = i
            elif last is not None:
                self.md_after[i] = i - last
        nxt = None
        for i in range(self.n - 1, -1, -1):
            if self.is_comp[i]:
                nxt = i
            elif nxt is not None:
                self.md_before[i] = nxt - i

    def _training_days(self, cal) -> None:
        tdays = {WEEKDAYS.index(d) for d in cal.training_days}
        self.non_training = {self.index(x.date) for x in cal.non_training_days} - {None}
        self.off_reason = {self.index(x.date): x.reason for x in cal.non_training_days
                           if x.reason and self.index(x.date) is not None}  # "Christmas"
        # a training weekday that is not declared off (a competition day too: an athlete who does
        # not play it trains then, rules-spec.md section 2)
        self.training_weekday = [
            (self.days[i].weekday() in tdays) and i not in self.non_training for i in range(self.n)
        ]
        self.is_training = [self.training_weekday[i] and not self.is_comp[i] for i in range(self.n)]
        self.trained_weekdays = tdays  # the calendar's training weekdays (0 = Monday)
        # a starter's recovery session on MD+2 (the day after the match off) only in a squad that
        # trains on RECOVERY_MD2_WEEKDAYS weekdays or more: one that meets twice a week trains
        # on its MD+2 (half its sessions were pool or bike), docs/semantics.md
        self.recovery_md2 = len(tdays) >= RECOVERY_MD2_WEEKDAYS

    def trains(self, i: int, fit: bool, played: bool) -> bool:
        """Is day ``i`` a training day for an athlete (rules-spec.md section 2): a season
        training day, or a competition day on a training weekday for a ``fit`` athlete who has
        not ``played`` it (an athlete in rehab has no session on a competition day)."""
        return self.is_training[i] or (self.is_comp[i] and self.training_weekday[i] and fit
                                       and not played)

    def calm_days(self, flare: dt.date, count: int, athlete: str | None = None,
                  counted_only: bool = False) -> list[int]:
        """RH-FL's calm days of a flare-up on ``flare`` (rules-spec.md section 3, read as the
        next ``count`` days the athlete trains, docs/semantics.md): the days of the season after
        it up to the ``count``-th day the team trains (:attr:`is_training`) and ``athlete`` is
        not unavailable. Days off, non-training days and match days do not count; those in
        between are calm too (they have no session). Fewer at the season's end.
        ``counted_only``: only the days that count, the ones a label calls a calm day (a match
        day between them is held at RH-FL's most but uses none up)."""
        away = self.unavailable(athlete) if athlete is not None else set()
        out: list[int] = []
        j, left = (flare - self.start).days + 1, count
        while left > 0 and j < self.n:
            if j >= 0:
                trained = self.is_training[j] and j not in away
                if trained or not counted_only:
                    out.append(j)
            else:  # before the season: a training weekday
                trained = (self.start + dt.timedelta(days=j)).weekday() in self.trained_weekdays
            left -= trained
            j += 1
        return out

    def _past(self, cal) -> None:
        """``p0``: the first day that may still be planned (``today``, within the season)."""
        if cal.today is None or cal.today <= cal.start:
            self.p0 = 0
        elif cal.today > cal.end:
            self.p0 = self.n
        else:
            self.p0 = (cal.today - cal.start).days
        self.first_open_week = next((w.index for w in self.weeks if w.last >= self.p0), len(self.weeks))

    def _availability(self, season: Season) -> None:
        self._unavailable: dict[str, set[int]] = {}
        for u in season.unavailability:
            s = self._unavailable.setdefault(u.athlete, set())
            a = max(0, (u.start - self.start).days)
            b = min(self.n - 1, (u.end - self.start).days)
            s.update(range(a, b + 1))

    # ------------------------------------------------------------------------------------------
    def index(self, day: dt.date) -> int | None:
        i = (day - self.start).days
        return i if 0 <= i < self.n else None

    def clamp_index(self, day: dt.date) -> int:
        return min(max((day - self.start).days, 0), self.n - 1)

    def week_index_of_date(self, day: dt.date) -> int | None:
        i = self.index(day)
        return None if i is None else self.week_of[i]

    def unavailable(self, athlete_id: str) -> set[int]:
        return self._unavailable.get(athlete_id, set())

    def label(self, i: int) -> str | None:
        """The day's MD label: ``MD`` on a competition day, else the nearer relation (k <= 7)."""
        if self.is_comp[i]:
            return "MD"
        a, b = self.md_after[i], self.md_before[i]
        cands = []
        if b is not None and b <= 7:
            cands.append((b, 0, f"MD-{b}"))
        if a is not None and a <= 7:
            cands.append((a, 1, f"MD+{a}"))
        return min(cands)[2] if cands else None

    def day_label(self, i: int, sep: str = " · ") -> str | None:
        """The MD label a coach reads (handouts, the day's "why"): :meth:`label`, but a day within
        two days after one match and two days before the next names both, after first ("MD+2 ·
        MD-1"): "MD-1" alone on a recovery day read as an activation day. :meth:`label` stays
        the rules' label (rules-spec.md section 1). ``sep``: a line break in a table's narrow MD column."""
        a, b = self.md_after[i], self.md_before[i]
        if a is not None and b is not None and a <= 2 and b <= 2:
            return f"MD+{a}{sep}MD-{b}"
        return self.label(i)

    @cached_property
    def a_competitions(self) -> list:
        return [c for c in self.season.competitions if c.priority == "A"]

    def taper_weeks(self, taper_weeks: int) -> dict[int, object]:
        """Week index -> the A competition whose taper it is (TP-1)."""
        out: dict[int, object] = {}
        for c in sorted(self.a_competitions, key=lambda c: c.date):
            w = self.week_index_of_date(c.date)
            if w is None:
                continue
            for k in range(1, taper_weeks + 1):
                if w - k >= 0:
                    out.setdefault(w - k, c)
        return out

    def carried_run(self, kinds, most: int, taper_weeks: int) -> tuple[int, tuple[int, ...]] | None:
        """DL-2 across ``today`` (docs/semantics.md, "Deload rhythm across today"): ``(r,
        window)``, where ``r`` is the number of load weeks in a row that end with the last week
        wholly in the past (``kinds``: the team's recorded week kinds) and
        ``window`` the open weeks of which at least one must be a deload or taper so that the run,
        counted on, stays within ``most`` — or, when no week of it can be a deload or taper, up to
        the first week that can (a taper week can; a deload cannot in an A competition's week,
        next to a taper week or a pinned deload, in a week pinned load, or in the week in
        progress, whose kind is recorded; nor is it asked of a week with an athlete's week pin or
        pinned speed days in training that a deload week cannot hold: a pin of a match played
        is not one). None when nothing carries over: no week is wholly past, the past ends
        with a deload or taper, the season ends before the window does (the run cannot outgrow
        ``most``), or no week from today on can be a deload or taper."""
        w0 = self.first_open_week
        if w0 == 0 or w0 >= len(self.weeks):
            return None
        r = 0
        while r < w0 and kinds[w0 - 1 - r] == "load":
            r += 1
        if not r:
            return None
        k = max(1, most - r + 1)
        if w0 + k > len(self.weeks):
            return None  # the season ends first: the run cannot outgrow ``most`` in it
        tapers, a_weeks = self.taper_weeks(taper_weeks), self.a_weeks()
        pinned: dict[int, str] = {}  # the team's week pins
        held: set[int] = set()  # weeks a coach's pin may keep from being a deload
        speed_pins: dict[tuple[str, int], int] = {}  # (athlete, week) -> pinned training speed days
        for p in self.season.pins:
            day = p.week if p.kind == "week" else p.date
            w = self.week_index_of_date(day)
            if w is None:
                continue
            if p.kind == "week" and p.athlete is None:
                pinned[w] = p.week_kind
            elif p.kind == "week" and p.week_kind != "deload":
                held.add(w)  # an athlete's week kind (the team's when fit)
            elif p.kind == "intensity" and p.intensity >= SPEED_DAY and not self._plays_pin(p):
                speed_pins[(p.athlete, w)] = speed_pins.get((p.athlete, w), 0) + 1
        held |= {w for (aid, w), n in speed_pins.items() if self._pins_rule_out_deload(aid, w, n)}

        def can(w: int) -> bool:
            if self.weeks[w].first < self.p0:
                return kinds[w] != "load"
            if w in tapers or pinned.get(w) in ("deload", "taper"):
                return True
            return not (w in a_weeks or w in held or pinned.get(w) == "load" or any(
                x in tapers or pinned.get(x) == "deload" for x in (w - 1, w + 1)))

        first = next((w for w in range(w0, len(self.weeks)) if can(w)), None)
        if first is None:
            return None
        # the deload comes in the window, or at the first week after it that can have one
        return r, tuple(range(w0, max(w0 + k, first + 1)))

    def _pins_rule_out_deload(self, athlete: str, w: int, pinned: int) -> bool:
        """Do ``pinned`` speed days in training keep week ``w`` from being the team's deload?
        Only for an athlete recorded FIT on its first day (the team's kind is the athlete's;
        one in rehab has weeks of their own), and only when with the matches the athlete plays
        that week (a role other than out, unless pinned below 80) they are more speed days than
        HV-2 allows in a deload week: a pin of a speed session a deload week holds anyway
        keeps nothing (such a pin of the plan's own session loosened DL-2 across today)."""
        from planner.rehab import athlete_stage_on
        from planner.rules import RuleSet

        rules = RuleSet(self.season.rules)
        if not rules.active("HV-2"):
            return False
        week = self.weeks[w]
        if athlete_stage_on(self.season.injuries_of(athlete), self.days[week.first]) != "FIT":
            return False
        low = {p.date for p in self.season.pins
               if p.kind == "intensity" and p.athlete == athlete and p.intensity < SPEED_DAY}
        played = sum(1 for d in week.days if self.comp_on[d] and self.days[d] not in low
                     and any(self.season.role_of(athlete, c.id) != "out" for c in self.comp_on[d]))
        return pinned + played > rules.value("HV-2", "max_speed_days_deload")

    def _plays_pin(self, p) -> bool:
        """A pin at 80 or 100 on a competition day: the athlete plays it (as the role says, or
        the plan cannot hold the pin), which the week's speed days count either way; it keeps no
        week from being a deload (such a pin of the plan's own start loosened DL-2 across today)."""
        i = self.index(p.date)
        return i is not None and self.is_comp[i] and p.intensity in PLAYED_LEVELS

    def a_weeks(self) -> dict[int, object]:
        """Week index of each A competition's first day."""
        out: dict[int, object] = {}
        for c in self.a_competitions:
            w = self.week_index_of_date(c.date)
            if w is not None:
                out.setdefault(w, c)
        return out

    def best_priority(self, i: int) -> str | None:
        if not self.comp_on[i]:
            return None
        return min((c.priority for c in self.comp_on[i]), key=_PRIORITY_RANK.__getitem__)
