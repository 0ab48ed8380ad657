"""Athletes and competitions named on the command line: by ID or by name (case and spacing do
not matter); an unknown or ambiguous one is a located error that lists the IDs."""

from __future__ import annotations

import difflib
import re

from planner.errors import InputError
from planner.squad import near_id, other_number
from planner.text import name_key, plain_name

SHOWN = 40  # athletes listed in an error before "and N more"


def _clip(text: str, keep: int = 60) -> str:
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


def athlete_id(season, key: str, option: str) -> str:
    """The ID of the athlete ``key`` names, read as a session log reads it (the ID, the name,
    the name without its accents: :class:`planner.sessionlog.AthleteMatch`), else a first or
    last name alone, accents aside, when it is one athlete's; InputError naming ``option``."""
    from planner.sessionlog import AthleteMatch

    if season.athlete(key) is not None:
        return key
    k = name_key(key)
    match = AthleteMatch((a.id, a.name) for a in season.athletes)
    aid, how = match.read(key)
    if aid is not None:
        return aid
    shared = {"cased": match.by_key.get(k), "shared": match.by_name.get(k) or
              match.by_plain.get(plain_name(k))}.get(how)  # the athletes it names, several
    hits = [season.athlete(i) for i in shared] if shared else [
        a for a in season.athletes if k and k in name_key(a.name).split()] or [  # a first or last name
        a for a in season.athletes if k and plain_name(k) in plain_name(a.name).split()]  # "Wojcik"
    if len(hits) == 1:
        return hits[0].id
    if hits:
        raise InputError(option, [f"'{_clip(key)}' is the name of {len(hits)} athletes "
                                  f"({listing(hits)}); give the ID"])
    if not season.athletes:
        raise InputError(option, [f"no athlete has the ID or name '{_clip(key)}': the squad is "
                                  f"empty; add athletes first"])
    # the start of a first or last name ("Ma"): said, never taken (two letters rarely name one)
    begun = [a for a in season.athletes if len(k) >= 2 and any(
        w.startswith(plain_name(k)) for w in plain_name(a.name).split())]
    if len(begun) > 1:
        raise InputError(option, [f"'{_clip(key)}' begins the names of {len(begun)} athletes "
                                  f"({listing(begun)}); give the full name or the ID"])
    names = {name_key(a.name): a for a in season.athletes} | {name_key(a.id): a for a in season.athletes}
    typo = near_id(key, [a.id for a in season.athletes])  # "A 05", "A5": A05
    close = [name_key(typo)] if typo else [
        c for c in difflib.get_close_matches(k, list(names), n=3, cutoff=0.8)
        if not other_number(k, c)][:1] if len(k) < 200 else []  # A22 is not A27
    text = f"no athlete has the ID or name '{_clip(key)}'"
    if close or begun:
        a = names[close[0]] if close else begun[0]
        text += f"; did you mean {a.name} ({a.id})? The athletes are {listing(season.athletes)}"
    else:
        text += f"; the athletes are {listing(season.athletes)}"
    raise InputError(option, [text])


def listing(athletes) -> str:
    """``A01 Ben Hart, A02 Sam Ode, ...`` (the first ``SHOWN``, then how many more)."""
    athletes = list(athletes)
    shown = ", ".join(f"{a.id} {a.name}" for a in athletes[:SHOWN])
    more = len(athletes) - SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def weeks(season, spec: str, option: str = "--weeks") -> list[int]:
    """The season weeks (0-based) ``spec`` names, as the app labels them: ``12`` (Week 12),
    ``12-14``, a date (the week holding it, day first or ISO), ``DATE..DATE``, or ``now`` (the
    week holding the season's today, its first day when none is set); InputError naming ``option`` and the season's range."""
    from planner.text import DATE_WRITTEN, date_long, read_date, span
    from planner.timeline import Timeline
    from planner.validate import planning_start

    tl = Timeline(season)
    n = len(tl.weeks)
    whole = (f"the season has weeks 1 to {n} ({span(tl.days[0], tl.days[-1])}); write a week "
             f"number (12), a range (12-14), a date ({DATE_WRITTEN}), two dates (FROM..TO) or now")
    key = spec.strip().lower()

    def week_of_date(text: str) -> int:
        day = read_date(text)
        if day is None:
            raise InputError(option, [f"'{_clip(text)}' is neither a week number nor a date; {whole}"])
        i = tl.index(day)
        if i is None:
            raise InputError(option, [f"{span(day, day)} is outside the season; {whole}"])
        return tl.week_of[i]

    def number(text: str) -> int:
        w = int(text)
        if not 1 <= w <= n:
            raise InputError(option, [f"there is no week {w}; {whole}"])
        return w - 1

    if key == "now":
        # today as the app's banner and `periodize load` read it: the season's first day until
        # Move Today or `advance` sets one (a new or imported season's first handouts were refused)
        today = planning_start(season)
        if tl.index(today) is None:  # today past the end (advance allows the day after it)
            edge = tl.weeks[n - 1]
            raise InputError(option, [
                f"'now' is the week holding the season's today, and today ({date_long(today)}) is "
                f"after the season's end ({date_long(tl.days[-1])}): no week holds it; the last "
                f"week is {n} ({span(tl.days[edge.first], tl.days[edge.last])}): give --weeks {n}"])
        return [tl.week_of[tl.index(today)]]
    parts = key.split("..") if ".." in key else (key.split("-") if re.fullmatch(r"\d+\s*-\s*\d+", key) else [key])
    if len(parts) > 2 or not all(p.strip() for p in parts):
        raise InputError(option, [f"'{_clip(spec)}' is not a week or a range of weeks; {whole}"])
    ends = [number(p) if p.strip().isdigit() and len(p.strip()) <= 3 else week_of_date(p) for p in parts]
    first, last = ends[0], ends[-1]
    if last < first:
        raise InputError(option, [f"'{_clip(spec)}' ends before it starts: give the earlier week first"])
    return list(range(first, last + 1))
