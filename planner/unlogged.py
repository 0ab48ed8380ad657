"""The days a move of ``today`` puts in the past with nothing logged (rules-spec.md section 9):
counted, each athlete named with his days, and the days with few sessions logged (a missing
export). An athlete is due on the training and match days the stored plan gives him a session:
not on a day away, nor on a rest day (a match day in rehab, a match he is not in on a day
without training), nor on a day injured with no rehab stage recorded yet (INJ at 0 %: the plan
gives him treatment with the medical staff, no session with minutes or a load to log)."""

from __future__ import annotations

import datetime as dt

from planner.memo import by_identity
from planner.season import FIT, PLAY_LEVEL, Season
from planner.text import day_long, join_and, nothing_logged_on
from planner.timeline import Timeline
from planner.validate import planning_start


def unlogged(season: Season, today: dt.date, sessions=()) -> tuple[int, int]:
    """(athlete-days with nothing logged, team days) from the season's today up to the new
    ``today``: the training and competition days of the season that the move puts in the past,
    which count as planned where nothing is logged (rules-spec.md section 9); an athlete's
    unavailable days, and the days the plan gives him no session, need no log. ``sessions``: a log about to be added with the move."""
    per_day = _logged_per_day(season, today, sessions)
    return sum(due - got for _d, due, got in per_day), len(per_day)


@by_identity(values=("today",))
def _due_per_day(season: Season, today: dt.date) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(day, the athletes due) for each training and match day from the season's today up to
    the new ``today``: an athlete away that day is not due, nor one the stored plan gives no
    session that day (a rest day: a match day in rehab, a match he is not in on a day without
    training; an injured day before any rehab stage), as the session of the day says it
    (``Prescriber.has_session``). Worked out once per season and ``today``: the Move Today
    dialog asks for the count, the names and the thin days at each date it shows. Only the days
    the move puts in the past are read, and the plan's facts are built only for the athletes
    not away on one of them. Callers must not change what is returned (it is shared)."""
    from planner.sessions import Prescriber

    tl = Timeline(season)
    start = planning_start(season)
    away = {a.id: tl.unavailable(a.id) for a in season.athletes}
    days = [d for d in range(tl.n) if start <= tl.days[d] < today
            and (tl.is_training[d] or tl.is_comp[d])]
    plan = season.plan
    sessions = Prescriber(season, plan, timeline=tl) if plan is not None and days else None
    return tuple((d, tuple(a.id for a in season.athletes if d not in away[a.id]
                           and (sessions is None or sessions.has_session(a.id, d))))
                 for d in days)


def _logged_per_day(season: Season, today: dt.date, sessions=()) -> list[tuple[int, int, int]]:
    """(day, athletes due, athletes with a session logged) for each training and match day from
    the season's today up to the new ``today`` (an athlete away that day, or without a session
    planned, is not due)."""
    days = Timeline(season).days
    logged = {(s.athlete, s.date) for s in (*season.sessions, *sessions)}
    return [(d, len(due), sum(1 for a in due if (a, days[d]) in logged))
            for d, due in _due_per_day(season, today)]


def empty_days(season: Season, today: dt.date, sessions=()) -> int:
    """The training and match days the move to ``today`` puts in the past on which athletes
    are due and nobody has a session logged (whole days with no export: a move far ahead with
    nothing logged, which the app asks about before it moves). ``sessions``: a log about to be
    added with the move."""
    return sum(1 for _d, due, got in _logged_per_day(season, today, sessions) if due and not got)


# how the days a move puts in the past are logged once it is made (the command line's words;
# the app's Move Today gives its own): they cannot be logged before, being after today
LOG_AFTER_MOVE = ("log them with the move (advance --log) or after it (periodize log, which "
                  "re-plans with them)")


def unlogged_text(season: Season, today: dt.date, sessions=(), how: str = LOG_AFTER_MOVE) -> str:
    """One sentence on the days the move puts in the past with nothing logged ("" if none);
    ``how``: where they are logged, since a day after today cannot be logged before the move."""
    per_day = _logged_per_day(season, today, sessions)
    missing, days = sum(due - got for _d, due, got in per_day), len(per_day)
    if not missing:
        return ""
    # the athletes due on at least one of the days, as each day's "3 of 26 logged" counts them
    # (a player away on all of them, on loan or gone, is in neither count)
    n = len({a for _d, due in _due_per_day(season, today) for a in due})
    total = sum(due for _d, due, _got in per_day)
    whole = not any(got for _d, _due, got in per_day)  # an athlete away is not a day logged
    plural_days = f"{days} training and match day{'s' if days != 1 else ''}"
    shape = (f"{n} athletes x {plural_days}" if total == n * days else
             f"{n} athletes on {plural_days}, their days away and days without a session left out")
    what = (f"nothing is logged for any athlete on the {plural_days} this puts in the past"
            if whole else
            f"{missing:,} of the {total:,} athlete-days this puts in the past ({shape}) "
            f"{'have' if missing != 1 else 'has'} nothing logged")
    thin = [] if whole else thin_days(season, today, sessions, per_day)
    named = (f" Days with few or no sessions logged (a missing export?): {'; '.join(thin[:4])}"
             f"{f'; and {len(thin) - 4} more' if len(thin) > 4 else ''}." if thin else "")
    return (f"{what[0].upper()}{what[1:]}: they count as planned (as the stored plan has them). "
            f"If they went otherwise, {how}.{named}")


def nothing_added_words(name: str, result, fix: str, kept: int = 0) -> str:
    """Why a move whose log (``name``, read as ``result``: a ``sessionlog.LogResult``) adds
    nothing is refused while the days it puts in the past have nothing logged, then ``fix``
    (the way on, as the command line or the app gives it). ``kept``: the log's athlete-days
    left out as already logged otherwise (Move Today keeps what is logged). A log read the
    week before, read again (a script's retry), moved today a week with no data."""
    if result.already and not result.sessions and not result.later and not kept:
        n = len(result.already)
        why = (f"all its {n:,} session{'s' if n != 1 else ''} {'are' if n != 1 else 'is'} "
               f"already in the season (it was read before?)")
    elif result.sessions or kept:  # on days already logged, what is logged kept
        why = "its sessions fall on days that have other sessions logged, kept as logged"
    else:
        said = result.nothing_new().rstrip(".")
        why = said[:1].lower() + said[1:]
    return (f"{name} adds nothing: {why}, and the days this move puts in the past have nothing "
            f"logged. {fix}")


NAMED_DAYS = 3  # an athlete's days without a session named up to this many; more are counted
# a match day the plan has an athlete play, nothing logged: what it counts as (rules-spec.md
# section 9: the stored plan's role stands), said in the athlete's line
COUNTED_PLAYED = "counted as played, as planned"
# and how to log that the athlete did not play it (history's _past_role: 0 minutes played is
# out; a day logged with 0 minutes in all, ill or absent, is out too), said once under the lines
MATCH_NOT_PLAYED = ("A match counted as played is in the load and the speed days as planned; if "
                    "they did not play it, log 0 minutes played with the minutes and RPE of what "
                    "they did, or 0 minutes and RPE 0 if they did not train.")


def unlogged_athletes(season: Season, today: dt.date, sessions=()) -> list[str]:
    """Each athlete with nothing logged on days the move to ``today`` puts in the past, in words
    ("Jack Doyle (A23): nothing logged on Tue 29 Sep 2026, Wed 30 Sep 2026 and Thu 1 Oct 2026",
    "Yuki Tanaka (A19): nothing logged on any of the 6 days"), those with the most days missing
    first, then in the squad's display order: a count of athlete-days did not say who was missing
    (a player absent the whole week went unnamed). Only the days someone else logged count: a
    day nobody logged is a missing export, said by :func:`thin_days`, not by every name."""
    from planner.squad import display_ids

    days = Timeline(season).days
    logged = {(s.athlete, s.date) for s in (*season.sessions, *sessions)}
    due: dict[str, list[dt.date]] = {}
    for d, athletes in _due_per_day(season, today):
        if any((a, days[d]) in logged for a in athletes):
            for a in athletes:
                due.setdefault(a, []).append(days[d])
    rank = {a: i for i, a in enumerate(display_ids(season))}
    missing = {a: [d for d in ds if (a, d) not in logged] for a, ds in due.items()}
    out = []
    for a in sorted((a for a in missing if missing[a]),
                    key=lambda a: (len(missing[a]) < len(due[a]), -len(missing[a]), rank[a])):
        gone, n = missing[a], len(due[a])
        matches = _planned_played(season, a, gone)
        if len(gone) <= NAMED_DAYS and not len(gone) == n > 1:
            # "nothing logged on Wed 2 Dec" of a cup match read as nothing at all: it is played
            words = nothing_logged_on(gone) if not matches else "nothing logged on " + join_and([
                day_long(d) + (f" ({matches[d]}: {COUNTED_PLAYED})" if d in matches else "")
                for d in gone])
        else:
            words = (f"nothing logged on any of the {n} days" if len(gone) == n else
                     f"nothing logged on {len(gone)} of the {n} days")
            if matches:
                which = join_and([f"{day_long(d)} ({m})" for d, m in matches.items()])
                words += f", the {'match' if len(matches) == 1 else 'matches'} of {which} {COUNTED_PLAYED}"
        out.append(f"{season.athlete_label(a)}: {words}")
    return out


def _planned_played(season: Season, athlete: str, days: list[dt.date]) -> dict[dt.date, str]:
    """Of ``days``, the competition days the stored plan has ``athlete`` play (fit, started or
    from the bench), each with its competitions' names ("'Cup match'"): with nothing logged
    they count as played (rules-spec.md section 9)."""
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    if ap is None:
        return {}
    tl = Timeline(season)
    out = {}
    for d in days:
        i = tl.index(d)
        if (i is not None and tl.is_comp[i] and ap.stages[i] == FIT
                and ap.intensity[i] in PLAY_LEVEL.values()):
            out[d] = ", ".join(repr(c.name) for c in tl.comp_on[i])
    return out


def thin_days(season: Season, today: dt.date, sessions=(), per_day=None) -> list[str]:
    """The training and match days the move puts in the past on which fewer than half of the
    athletes due that day have a session logged, each in words ("Fri 25 Sep 2026: nothing
    logged", "Sat 19 Sep 2026 ('League match 6'): 11 of 24 logged"): a count of athlete-days
    alone did not say that a whole day's export, or half of a match day's, was missing."""
    tl = Timeline(season)
    out = []
    for d, due, got in per_day if per_day is not None else _logged_per_day(season, today, sessions):
        if due and 2 * got < due:
            comps = ", ".join(c.name for c in tl.comp_on[d])
            what = "nothing logged" if not got else f"{got} of {due} logged"
            out.append(f"{day_long(tl.days[d])}{f' ({comps!r})' if comps else ''}: {what}")
    return out
