"""Plain causes of an unplannable season that need no solver to see (``solver.explain`` says
them first, in place of a list of rule instances that would hide the cause).

Each is ``(path, first day, last day, sentence)``: the season field to change, the days it
concerns and what to do. Only asked after a solve found no plan: a season without training days
can still have a plan when nobody needs one. A season without a training weekday is refused
where it is entered, named by a note when a file holding it is read, and refused by the solver
before it plans (``planner.validate``)."""

from __future__ import annotations

import datetime as dt

from planner.season import Season
from planner.text import date_long
from planner.timeline import Timeline

_WHY = ("so nothing can be trained: no rehab stage can be completed, no sprint-ladder session "
        "and no speed day planned")


def obvious_conflicts(season: Season) -> list[tuple[str, dt.date, dt.date, str]]:
    tl = Timeline(season)
    if tl.p0 >= tl.n:
        return []
    first, last = tl.days[tl.p0], tl.days[-1]
    if not season.calendar.training_days:
        return [("calendar.training_days", first, last,
                 f"the season has no training weekday, {_WHY}; choose the training weekdays "
                 f"(Season Settings, or 'Training days' in the coach workbook)")]
    if any(tl.training_weekday[i] for i in range(tl.p0, tl.n)):
        return []
    off = sum(1 for i in range(tl.p0, tl.n) if i in tl.non_training)
    return [("calendar.non_training_days", first, last,
             f"every day from {date_long(first)} to {date_long(last)} is a day off or not a "
             f"training weekday ({off} days off), {_WHY}; remove days off (Days Off) or add "
             f"training weekdays")]
