"""Athletes and competitions named on the command line: by ID or by name (case and spacing do
not matter); an unknown or ambiguous one is a located error that lists the IDs."""

from __future__ import annotations

import difflib
import unicodedata

from planner.errors import InputError

SHOWN = 40  # athletes listed in an error before "and N more"


def _norm(text: str) -> str:
    """Case, spacing and Unicode composition do not matter ("Mensa\u0301h" is "Mensáh")."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _clip(text: str, keep: int = 60) -> str:
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


def athlete_id(season, key: str, option: str) -> str:
    """The ID of the athlete ``key`` names (an ID or a name); InputError naming ``option``."""
    if season.athlete(key) is not None:
        return key
    k = _norm(key)
    hits = [a for a in season.athletes if _norm(a.id) == k] or [
        a for a in season.athletes if _norm(a.name) == k] or [
        a for a in season.athletes if k and k in _norm(a.name).split()]  # a first or last name
    if len(hits) == 1:
        return hits[0].id
    if hits:
        raise InputError(option, [f"'{_clip(key)}' is the name of {len(hits)} athletes "
                                  f"({listing(hits)}); give the ID"])
    if not season.athletes:
        raise InputError(option, [f"no athlete has the ID or name '{_clip(key)}': the squad is "
                                  f"empty; add athletes first"])
    names = {_norm(a.name): a for a in season.athletes} | {_norm(a.id): a for a in season.athletes}
    close = difflib.get_close_matches(k, list(names), n=1, cutoff=0.8) if len(k) < 200 else []
    text = f"no athlete has the ID or name '{_clip(key)}'"
    if close:
        a = names[close[0]]
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
