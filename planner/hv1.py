"""HV-1's windows read as runs: per athlete and gap, with why no day of a gap could have had an
exposure, the words every place says them in (the solve and the check, Plan Check, the Cover)
and the settings a congested season would change.

The causes are asked of the plan checker's own HV-2, HV-5, HV-6 and HV-7
(``planner.check._Checker.speed_day_breaks``): no rule is written again here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from planner import text
from planner.check import UNAVOIDABLE, _Athlete, _Checker, check_plan, group_soft
from planner.congestion import RECOVERY_HOURS
from planner.memo import by_identity
from planner.rules import RULES, RuleSet
from planner.season import FIT, HV_LEVEL, Plan, Season

SETTLED_DAYS = 21  # FIT this long before a run: not just back from rehab (HV-1's advice)


@dataclass(frozen=True)
class Hv1Run:
    """One gap without a high-velocity exposure, from the first day of HV-1's first window in it
    to the last day of its last (the windows overlap: a 15-week gap is about 100 of them), and
    the athletes who share it. ``cause``: why no training day of the gap could have had a speed
    session, when the matches the athletes played there without starting (an appearance at
    80 %, no exposure) closed every one (HV-2 counts each as one of the week's speed days, HV-5,
    HV-6 and HV-7 keep the days around it free): ``matches`` in weeks of 2 matches or more,
    ``deload`` where they fill a deload week's cap (the weeks in ``deload_weeks``); "" when a
    day was open, or when neither is so. ``settled``: the athletes are FIT all through it and
    for ``SETTLED_DAYS`` before (none just back from rehab). ``days_off``: half its windows or
    more lie inside the team's days off (the checker's ``UNAVOIDABLE``: no plan gives an
    exposure there): the run's cause, then, with no other.
    ``start`` is today at the earliest (its first window may begin before today: the days
    lived count in it, but are no longer planned)."""

    athletes: tuple[str, ...]
    start: dt.date
    end: dt.date
    cause: str = ""
    days_off: bool = False
    settled: bool = True
    deload_weeks: tuple[dt.date, ...] = ()

    @property
    def matches(self) -> bool:
        """Closed by matches in weeks of 2 or more: what HV-2's and HV-6's settings can open."""
        return self.cause == "matches"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def length(self) -> str:
        """``15 weeks`` (two weeks or more), else ``12 days``."""
        return (f"{self.days // 7} weeks" if self.days >= 14 else text.plural(self.days, "day"))

    def text(self, season: Season) -> str:
        """``Kai Turner (C3): no high-velocity exposure from Mon 18 Jan to Tue 4 May (15 weeks)``,
        with why when the matches played or the team's days off leave no day for one."""
        return f"{self.who(season)}: {NO_HV} {self.span()}{self.why(season)}"

    def who(self, season: Season) -> str:
        return text.join_and([season.athlete_label(a) for a in self.athletes])

    def span(self) -> str:
        """``from Mon 18 Jan to Tue 4 May (15 weeks)``; ``on Mon 7 Dec`` for one day (today, the
        last day of a window that began before it)."""
        if self.start == self.end:
            return f"on {text.day(self.start)}"
        return f"from {text.day(self.start)} to {text.day(self.end)} ({self.length()})"

    def why(self, season: Season) -> str:
        """``; the deload week of Mon 26 Oct allows …``: why no day of the run could have had an
        exposure ("" when a day was open)."""
        said = self.cause_words(season)
        return f"; {said}" if said else ""

    def cause_words(self, season: Season, weeks: bool = True) -> str:
        """Why no day of the run could have had an exposure, in words that fit every run of
        the same cause (``weeks``: the deload weeks named, else "a deload week"); "" when a day
        was open."""
        if self.matches:
            return ("matches from the bench (2 or more a week) are no exposure and leave no "
                    "training day free for one (HV-2 counts each as one of the week's speed "
                    "days; HV-5, HV-6 and HV-7 keep the days around it free)")
        if self.cause == "deload":
            cap = self._deload_cap(season)
            many = weeks and len(self.deload_weeks) > 1
            allows = ("no speed day" if cap == 0 else "1 speed day, which a match from the "
                      "bench takes" if cap == 1 else f"{cap} speed days, which the matches from "
                      f"the bench take")
            return (f"{self.deload_words() if weeks else 'a deload week'} "
                    f"allow{'' if many else 's'} {allows} (HV-2's speed days in a deload week), "
                    f"and HV-5, HV-6 and HV-7 keep the days around the matches free")
        if self.days_off:
            return "most of it is the team's days off, where no plan gives one"
        return ""

    def deload_words(self) -> str:
        """``the deload week of Mon 26 Oct`` (``weeks of … and …``; "" when none)."""
        if not self.deload_weeks:
            return ""
        many = "s" if len(self.deload_weeks) > 1 else ""
        return f"the deload week{many} of {text.join_and([text.day(d) for d in self.deload_weeks])}"

    def short(self, season: Season) -> str:
        """A line of a list, the cause in a few words (its tooltip says all of it): ``Jonas
        Lind (A04): no exposure from Thu 22 Oct to Tue 3 Nov (13 days); bench matches fill the
        deload week of Mon 26 Oct``."""
        brief = ""
        if self.matches:
            brief = "bench matches leave no day free"
        elif self.cause == "deload":
            cap = self._deload_cap(season)
            brief = (f"{self.deload_words()} allows no speed day" if cap == 0 else
                     f"bench matches fill {self.deload_words()}")
        elif self.days_off:
            brief = "the team's days off"
        return f"{self.who(season)}: no exposure {self.span()}" + (f"; {brief}" if brief else "")

    @staticmethod
    def _deload_cap(season: Season) -> int:
        return int(RuleSet(season.rules).value("HV-2", "max_speed_days_deload"))


NO_HV = f"no high-velocity exposure (>= {HV_LEVEL} %)"


def hv1_group_text(season: Season, runs: list[Hv1Run]) -> str:
    """The runs of the same athletes in one line, the names once and the runs by date
    (``Jonas Lind (A04) and Adam Kowalski (A11): no high-velocity exposure (>= 90 %) from Thu 26
    Nov to Mon 7 Dec (12 days) and from Fri 15 Jan to Tue 26 Jan (12 days); the deload weeks of
    Mon 30 Nov and Mon 18 Jan allow …``): each reason once, with the runs it is about when it is
    not about all of them."""
    runs = sorted(runs, key=lambda r: r.start)
    if len(runs) == 1:
        return runs[0].text(season)
    by_cause: dict[tuple, list[Hv1Run]] = {}
    for r in runs:
        by_cause.setdefault((r.cause, r.days_off), []).append(r)
    why = ""
    for some in by_cause.values():
        weeks = tuple(sorted({w for r in some for w in r.deload_weeks}))
        said = dataclasses.replace(some[0], deload_weeks=weeks).why(season)
        if said and len(some) < len(runs):  # "; in the run from Thu 11 Mar, their matches …"
            many = "s" if len(some) > 1 else ""
            said = (f"; in the run{many} from {text.join_and([text.day(r.start) for r in some])}, "
                    f"{said[2:]}")
        why += said
    spans = text.join_and([r.span() for r in runs])
    return f"{runs[0].who(season)}: {NO_HV} {spans}{why}"


@by_identity(keyed=3)
def hv1_runs(season: Season, plan: Plan, soft=None) -> list[Hv1Run]:
    """HV-1's instances of ``plan`` (``soft``: its soft-rule instances; by default the plan's own,
    else those the plan checker finds) as one run per athlete and gap, athletes with the same
    run (and the same reason) together, the longest first. Kept for the (season, plan, soft)
    objects last asked about (``planner.memo``): do not change the list returned."""
    if soft is None:
        soft = plan.soft or check_plan(season, plan).soft
    hv1 = sorted((v for v in soft if v.rule == "HV-1" and v.athlete), key=lambda v: (v.athlete, v.start))
    groups = group_soft(hv1)
    if not groups:
        return []
    ck = _Checker(season, plan, {"HV-1"}, None)
    facts = {a.id: a for a in ck.athletes}
    tl = ck.tl
    today = tl.days[ck.p0] if ck.p0 < tl.n else tl.days[-1]
    runs: dict[tuple, list[str]] = {}
    for g in groups:
        aid = g.first.athlete
        a = facts.get(aid)
        # from today at the earliest: a window that reaches today counts the days before it,
        # but a gap said "from Mon 30 Nov" on 7 Dec reads as one the plan still chooses
        start, end = min(max(g.first.start, today), g.end), g.end
        # the team's days off are the cause only of a gap most of whose windows lie inside them
        # (the checker's own word, as Plan Check's line counts them): the bench's 19 weeks of 3
        # matches a week with a 10-day break in them, and a side training on Mondays only with
        # its free weekdays, were "the team's days off"
        off = _mostly_days_off(g.members)
        cause, weeks = _closed_by_matches(a, start, end) if a and not off else ("", ())
        settled = a is None or _settled(a, start, end)
        runs.setdefault((start, end, cause, off, settled, weeks), []).append(aid)
    out = [Hv1Run(tuple(who), s, e, c, o, f, w) for (s, e, c, o, f, w), who in runs.items()]
    return sorted(out, key=lambda r: (-r.days, r.start, r.athletes))


HV1_SHOWN = 6  # the longest runs the solve, the check, Plan Check and the Cover name


@dataclass(frozen=True)
class Hv1Lines:
    """What every place says of HV-1's runs (``hv1_lines``): the longest runs named, their
    words, and how many are left out; each place adds only where every window is listed."""

    runs: tuple[Hv1Run, ...]
    lines: tuple[str, ...]
    more: int
    athletes: int  # in the runs as long as the shortest named, or longer: all of them named

    def least(self) -> str:
        """The shortest run named, ``12 days`` or ``5 weeks`` (the header's threshold)."""
        return self.runs[-1].length() if self.runs else ""

    def by_cause(self, season: Season) -> list[tuple[str, list[Hv1Run]]]:
        """The runs named under their cause, each cause once (``Hv1Run.cause_words`` without the
        weeks, capitalised; "" for the runs without one), in the order of each cause's longest
        run: a list of runs whose lines would repeat the same 40 words."""
        out: dict[str, list[Hv1Run]] = {}
        for r in self.runs:
            said = r.cause_words(season, weeks=False)
            out.setdefault(said[:1].upper() + said[1:], []).append(r)
        return list(out.items())

    def shorter(self) -> str:
        """``and 12 more runs, none longer`` ("" when every run is named)."""
        return f"and {text.plural(self.more, 'more run')}, none longer" if self.more else ""


def hv1_lines(season: Season, runs: list[Hv1Run], limit: int = HV1_SHOWN,
              grouped: bool = False) -> Hv1Lines:
    """The longest ``limit`` of ``runs`` (``hv1_runs``' order) with their words, the count of
    the others, and the athletes of every run as long as the shortest named or longer: a
    header that counts them agrees with the list under it. ``grouped``: the runs of the same
    athletes in one line (``hv1_group_text``; the Cover, a page of prose), else a line a run
    (a list whose rows are runs)."""
    shown = tuple(runs[:limit])
    least = shown[-1].days if shown else 0
    who = {a for r in runs if r.days >= least for a in r.athletes} if shown else set()
    if grouped:
        groups: dict[tuple[str, ...], list[Hv1Run]] = {}
        for r in shown:  # in the order of each group's longest run
            groups.setdefault(r.athletes, []).append(r)
        lines = tuple(hv1_group_text(season, g) for g in groups.values())
    else:
        lines = tuple(r.text(season) for r in shown)
    return Hv1Lines(shown, lines, len(runs) - len(shown), len(who))


def hv1_advice(season: Season, runs: list[Hv1Run], record: str | None = None,
               where: str = "in Rules") -> str | None:
    """The settings to look at when the runs of matches off the bench in weeks of 2 or more
    (``Hv1Run.matches``) of athletes FIT and not just back from rehab (``Hv1Run.settled``) are at
    least half the athletes' days in runs, as long as one setting can still move; else None.
    ``record``: the season file as the command line names it, for the command that sets them
    (else they are set ``where``)."""
    bench = {a for r in runs if r.matches and r.settled for a in r.athletes}
    days = sum(r.days * len(r.athletes) for r in runs if r.matches and r.settled)
    if not bench or days * 2 < sum(r.days * len(r.athletes) for r in runs):
        return None
    rs = RuleSet(season.rules)
    cap, after = int(rs.value("HV-2", "max_speed_days")), int(rs.value("HV-6", "days_after"))
    moves, sets, least = [], [], None
    for rule, name, to in hv1_settings(season):
        if rule == "HV-2":
            moves.append(f"raise HV-2's speed days in a load or taper week (now {cap}, at most {to})")
        else:
            moves.append(f"lower HV-6's days after a played match (now {after}, at least {to})")
            least = to
        sets.append(f"--rule {rule}.{name}={to}")
    if not moves:
        return None
    where = (f" ('periodize record {record} {' '.join(sets)} --save' sets "
             f"{'both' if len(sets) > 1 else 'it'})" if record is not None else f" {where}")
    both = len(sets) > 1
    caveat = (f" {'Both apply' if both else 'It applies'} to every athlete, those in rehab too "
              f"(the speed days of a rehab stage)")
    if least is not None and (least + 1) * 24 < RECOVERY_HOURS:  # the first day free: MD+k+1
        caveat += (f", and HV-6 below {RECOVERY_HOURS // 24 - 1} puts speed sessions within "
                   f"{RECOVERY_HOURS} h of a match played")
    return (f"With 2 or 3 matches a week, a player off the bench has no day left for a speed "
            f"session: to give them one, "
            f"{' or '.join(moves)}{where}.{caveat}.")


def hv1_settings(season: Season) -> list[tuple[str, str, int]]:
    """The settings HV-1's advice names, as (rule, parameter, the value as far as it goes), each
    while it can still move: HV-2's speed days in a load or taper week up, HV-6's days after a
    played match down (Plan Check opens them in Rules)."""
    rs = RuleSet(season.rules)
    top = int(next(p.max for p in RULES["HV-2"].params if p.name == "max_speed_days"))
    least = int(next(p.min for p in RULES["HV-6"].params if p.name == "days_after"))
    out = []
    if rs.value("HV-2", "max_speed_days") < top:
        out.append(("HV-2", "max_speed_days", top))
    if rs.value("HV-6", "days_after") > least:
        out.append(("HV-6", "days_after", least))
    return out


def _mostly_days_off(windows) -> bool:
    """Do half or more of a gap's HV-1 ``windows`` lie inside the team's days off (those the
    plan checker marks ``UNAVOIDABLE``: no day of them has team training or a competition)?
    Free weekdays between training days are no break: a window holding one training day could
    have had an exposure. Half counts: a 9-day gap over a week's break is 2 windows, one of
    them inside it."""
    off = sum(1 for v in windows if UNAVOIDABLE in v.message)
    return off * 2 >= len(windows)


def _settled(a: _Athlete, start: dt.date, end: dt.date) -> bool:
    """Is ``a`` FIT every day from ``SETTLED_DAYS`` before ``start`` to ``end``: no rehab
    stage in the gap, and not just back from one (the settings HV-1's advice names would also
    move a returning player's speed days)?"""
    lo, hi = a.idx(start), a.idx(end)
    return all(a.st[i] == FIT for i in range(max(0, lo - SETTLED_DAYS), min(hi + 1, a.n)))


def _closed_by_matches(a: _Athlete, start: dt.date, end: dt.date) -> tuple[str, tuple]:
    """Did the matches ``a`` played (without starting: no exposure) from ``start`` to ``end``
    leave no planned training day of it open to a speed session? The plan checker says, with
    its own HV-2, HV-5, HV-6 and HV-7 (``_Checker.speed_day_breaks``), whether a speed day
    could stand on each day, the speed days kept being those given (matches played, past days)
    and those outside the gap (the exposures that end or start it): HV-2's cap for the week
    reached by the given ones, HV-5's rest days, HV-6's days after a played match, HV-7's day
    before one. Every day closed: (``matches``, ()) when its load or taper weeks of 2 played
    matches or more are as many as its deload weeks whose cap the given speed days reach (no
    setting HV-1's advice names opens those) or more; else (``deload``, the first days of those
    weeks); ("", ()) when a day is open or the gap has neither."""
    ck, tl = a.ck, a.tl
    lo, hi = a.idx(start), a.idx(end)
    if not any(a.played[i] for i in range(lo, hi + 1)):
        return "", ()
    kept = [a.speed[j] and (a.given[j] or not lo <= j <= hi) for j in range(a.n)]
    deload: set[int] = set()
    for i in range(max(lo, a.p0), hi + 1):
        if a.played[i] or i in a.off or not tl.trains(i, a.st[i] == FIT, False):
            continue
        broken = ck.speed_day_breaks(a, i, kept)
        if not broken:
            return "", ()
        if a.kind[tl.week_of[i]] == "deload" and "HV-2" in broken:
            deload.add(tl.week_of[i])  # so even with HV-6 lower or HV-2's load weeks higher
    # the weeks of two matches or more that HV-2's and HV-6's settings can open
    weeks = {tl.week_of[i] for i in range(max(lo, a.p0), min(hi + 1, a.n))} - deload
    busy = sum(1 for w in weeks if a.kind[w] != "deload"
               and sum(1 for j in tl.weeks[w].days if a.played[j]) >= 2)
    if busy and busy >= len(deload):
        return "matches", ()
    if deload:
        return "deload", tuple(tl.days[tl.weeks[w].first] for w in sorted(deload))
    return "", ()
