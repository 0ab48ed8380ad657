"""What a new plan changes from the plan it replaces, athlete by athlete and day by day.

One comparison for every place that says it: the what-if comparison's changed cells
(``planner.scenarios.compare``), the app's status line after a solve or a re-plan from today and
Plan Check's "Changed by the last re-plan", and the command line's re-plan (``advance``, ``log``,
``record``). A day is changed when its stage or its level differs; an athlete's own week kind
is said where it moved apart from the team's (the team's weeks: ``planner.progress.
team_weeks_changed``). In the board's words: ``Kofi Mensah (A07): Mon 19 Oct 70 % → 95 %``.
An athlete the old plan held as a placeholder (``Plan.unplanned``) had no plan to change: he is
said once, ``New Signing (A9): planned from Mon 4 Jan``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.season import FIT, INJ, AthletePlan, Plan, Season
from planner.text import day, plural
from planner.timeline import Timeline


def changed_days(old: AthletePlan | None, new: AthletePlan, start: int = 0) -> list[int]:
    """The day indexes from ``start`` whose stage or level differ between an athlete's two plans
    (every one when the athlete had none, or one of another length)."""
    if old is None or len(old.intensity) != len(new.intensity) or len(old.stages) != len(new.stages):
        return list(range(start, len(new.intensity)))
    if old.intensity == new.intensity and old.stages == new.stages:
        return []  # most athletes: one tuple comparison each
    return [d for d in range(start, len(new.intensity))
            if old.intensity[d] != new.intensity[d] or old.stages[d] != new.stages[d]]


def level_words(stage: str | None, level: int | None, with_stage: bool = False) -> str:
    """A day's level as the board's Pin menu says it: ``95 %``, ``0 %`` (no running); with its
    stage (a stage that changed): ``P3 70 %``, ``fit 95 %``; ``not planned`` for no plan."""
    if level is None or stage is None:
        return "not planned"
    lv = f"{level} %"
    if not with_stage:
        return lv
    return f"{'fit' if stage == FIT else 'injured' if stage == INJ else stage} {lv}"


def planned_words(first: dt.date) -> str:
    """``planned from Mon 4 Jan``: an athlete a placeholder held (not planned yet), planned from
    ``first`` (:func:`first_planned`)."""
    return f"planned from {day(first)}"


def first_planned(season: Season, tl: Timeline, athlete: str) -> dt.date | None:
    """The first day a plan of a placeholder athlete plans: today, or the day he joins the
    squad; None once the season is over."""
    from planner.squad import joined_on

    if tl.p0 >= tl.n:
        return None
    joins = joined_on(season, athlete)
    return max(tl.days[tl.p0], joins or tl.days[tl.p0])


@dataclass(frozen=True)
class DayChange:
    """One athlete-day the new plan changes: the stage and level before (None: no plan for the
    athlete) and after."""

    athlete: str
    index: int
    date: dt.date
    stage_a: str | None
    level_a: int | None
    stage_b: str
    level_b: int

    def change(self) -> str:
        """``70 % → 95 %``; the stages too where they differ (``P3 70 % → fit 95 %``)."""
        staged = self.stage_a != self.stage_b
        return (f"{level_words(self.stage_a, self.level_a, staged)} → "
                f"{level_words(self.stage_b, self.level_b, staged)}")

    def words(self) -> str:
        """``Mon 19 Oct 70 % → 95 %``."""
        return f"{day(self.date)} {self.change()}"


@dataclass(frozen=True)
class WeekChange:
    """An athlete's own week kind the new plan changes where the team's did not change alike."""

    athlete: str
    index: int
    date: dt.date  # the week's first day
    kind_a: str
    kind_b: str

    def words(self) -> str:
        return f"own week of {day(self.date)} {self.kind_a} → {self.kind_b}"


@dataclass(frozen=True)
class PlanChanges:
    """The days and own weeks ``new`` changes from ``old``, from today on, in the board's order
    of athletes and then by date; ``planned``: the athletes ``old`` held as placeholders (not
    planned yet) that ``new`` plans, each with his first day planned."""

    days: tuple[DayChange, ...] = ()
    weeks: tuple[WeekChange, ...] = ()
    planned: tuple[tuple[str, dt.date], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.days or self.weeks or self.planned)

    def counted(self) -> str:
        """``2 athlete-days changed from the stored plan; 1 athlete planned for the first time``
        (the second part only when one was): the app's status line and the command line."""
        head = f"{plural(len(self.days), 'athlete-day')} changed from the stored plan"
        if self.planned:  # placeholders (not planned yet) had no plan to change
            head += f"; {plural(len(self.planned), 'athlete')} planned for the first time"
        return head

    def athletes(self) -> list[str]:
        """The athletes changed: those planned for the first time, then in the board's order."""
        return list(dict.fromkeys([a for a, _ in self.planned] + [c.athlete for c in self.days]
                                  + [w.athlete for w in self.weeks]))

    def of(self, athlete: str, limit: int | None = None) -> list[str]:
        """An athlete's changes in words, by date: planned for the first time, the days, then the
        own weeks; past ``limit``, "and N more"."""
        said = ([planned_words(first) for a, first in self.planned if a == athlete]
                + [c.words() for c in self.days if c.athlete == athlete]
                + [w.words() for w in self.weeks if w.athlete == athlete])
        if limit is None or len(said) <= limit:
            return said
        return said[:limit] + [f"and {len(said) - limit} more"]

    def first_day(self, athlete: str) -> dt.date | None:
        dates = [c.date for c in self.days if c.athlete == athlete] + [
            w.date for w in self.weeks if w.athlete == athlete] + [
            first for a, first in self.planned if a == athlete]
        return min(dates) if dates else None

    def short(self, season: Season, named: int = 3) -> str:
        """The athletes planned for the first time ("New Signing planned from Mon 4 Jan"; past
        ``named``, counted), then the first ``named`` days changed, an athlete named once ("Sam
        Patel Tue 12 Jan (70 % → 90 %), Thu 14 Jan (70 % → 95 %); Ana Keeper …"), then "; and N
        more"; the status line after a solve or a re-plan (it fits 1280 px)."""
        parts: list[str] = []
        if len(self.planned) > named:
            parts.append(f"{plural(len(self.planned), 'athlete')} planned for the first time")
        else:
            parts += [f"{_name(season, a)} {planned_words(first)}" for a, first in self.planned]
        first = self.days[:named]
        for n, c in enumerate(first):
            said = f"{day(c.date)} ({c.change()})"
            if n and c.athlete == first[n - 1].athlete:
                parts[-1] += f", {said}"
            else:
                parts.append(f"{_name(season, c.athlete)} {said}")
        more = f"; and {len(self.days) - named} more" if len(self.days) > named else ""
        return "; ".join(parts) + more

    def lines(self, season: Season, limit: int | None = None, per_athlete: int | None = None
              ) -> list[str]:
        """A line per athlete changed: ``Kofi Mensah (A07): Mon 19 Oct 70 % → 95 %; Tue 20 Oct
        …`` (past ``per_athlete`` changes, "and N more"); past ``limit`` lines, "and N more
        athletes"."""
        who = self.athletes()
        shown = who if limit is None or len(who) <= limit else who[:limit]
        out = [f"{season.athlete_label(a)}: {'; '.join(self.of(a, per_athlete))}" for a in shown]
        if len(shown) < len(who):
            out.append(f"and {plural(len(who) - len(shown), 'more athlete')}")
        return out


def _name(season: Season, athlete: str) -> str:
    a = season.athlete(athlete)
    return a.name if a is not None else athlete


def plan_changes(season: Season, old: Plan | None, new: Plan | None) -> PlanChanges:
    """The days (from ``season``'s today) and own week kinds (from its first week not wholly
    past) that ``new`` changes from ``old``, for the athletes of ``season`` (nothing without
    both plans). An athlete ``old`` held as a placeholder (not planned yet) is planned for the
    first time, said once; one ``new`` still holds so changes nothing."""
    if old is None or new is None:
        return PlanChanges()
    from planner.squad import display_ids

    tl = Timeline(season)
    order = {a: k for k, a in enumerate(display_ids(season, new))}
    days: list[DayChange] = []
    weeks: list[WeekChange] = []
    planned: list[tuple[str, dt.date]] = []
    for ap in sorted(new.athletes, key=lambda x: order.get(x.athlete, len(order))):
        if season.athlete(ap.athlete) is None or ap.athlete in new.unplanned:
            continue
        if ap.athlete in old.unplanned:
            if (first := first_planned(season, tl, ap.athlete)) is not None:
                planned.append((ap.athlete, first))
            continue
        was = old.for_athlete(ap.athlete)
        if was is not None and (len(was.intensity), len(was.stages)) != (len(ap.intensity),
                                                                          len(ap.stages)):
            was = None  # a row of another length (another calendar): no plan to compare a day with
        days += [DayChange(ap.athlete, d, tl.days[d],
                           None if was is None else was.stages[d],
                           None if was is None else was.intensity[d], ap.stages[d], ap.intensity[d])
                 for d in changed_days(was, ap, tl.p0) if d < tl.n]
        weeks += _own_weeks(tl, old, new, was, ap)
    return PlanChanges(tuple(days), tuple(weeks), tuple(planned))


def _own_weeks(tl: Timeline, old: Plan, new: Plan, was: AthletePlan | None,
               ap: AthletePlan) -> list[WeekChange]:
    """An athlete's own week kinds that moved where the team's did not move alike."""
    if was is None or was.weeks == ap.weeks or len(was.weeks) != len(ap.weeks):
        return []
    n = min(len(ap.weeks), len(tl.weeks), len(old.team_weeks), len(new.team_weeks))
    return [WeekChange(ap.athlete, w, tl.days[tl.weeks[w].first], was.weeks[w], ap.weeks[w])
            for w in range(tl.first_open_week, n)
            if was.weeks[w] != ap.weeks[w]
            and (old.team_weeks[w], new.team_weeks[w]) != (was.weeks[w], ap.weeks[w])]
