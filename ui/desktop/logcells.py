"""One cell of the session log table as text: what a coach types and what the cell shows.

No Qt here: the log table (``ui.desktop.logtable``) calls these, and tests call them directly.

A cell holds one athlete-day's sessions. Typed, a session is **minutes and RPE** (``75 6``),
then, in any order, labelled extras:

- top speed: ``95%`` (of the athlete's max speed), ``8.6m/s`` or ``31km/h`` (read as m/s);
- minutes played in a match: ``m90`` (or ``played 90``);
- pain (0-10): ``p3`` (or ``pain 3``);
- a note: everything after ``#``.

Minutes may be hours:minutes (``1:15 7`` is 75 minutes, read as a log's Minutes column of
such clocks is: :func:`planner.sessionlog.hours_minutes`), hours with an h (``1h15 7``, ``1 h 15
7``, ``1h 7``: :func:`planner.coachform.cells.hours_text`, as a workbook's and a log's Minutes)
or a clock as a log's file writes it (``1:15:00``); ``90:00`` and ``0:03`` are refused with both readings. Several sessions on one day are separated by ``;`` (``60 5; 30 7 95%``). ``0`` alone is a day
without training; minutes played alone (``m20``) is the season's load table's match session. Minutes may carry a
``'`` or ``′`` (``75′ 6``, what the cell shows), numbers a decimal comma. An empty text clears
the day. A day retyped as one session without a top speed keeps the one logged before
(:func:`keep_top_speed`: a GPS import's, lost when the RPE was corrected); to drop it, delete it
in the cell's own text (F2), or clear the cell first. A text that cannot be read raises :class:`CellError` saying what to type; nothing is
guessed. The cell's edit text (:func:`edit_text`) reads back to the same sessions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from planner.coachform.cells import Bad, hours_text
from planner.loadtable import LoadTable
from planner.season import Athlete, Session, top_speed_problem
from planner.sessionlog import (
    CLOCK,
    DAY_MINUTES,
    AloneWords,
    Refusal,
    clock_minutes,
    hours_minutes,
    hours_problem,
    limit_problem,
    match_alone,
    played_problem,
)

HINT = ("Type <b>minutes RPE</b> (75 6, or 1:15 6 or 1h15 6 for an hour and a quarter), then optionally <b>95%</b> top speed (or 8.6m/s, "
        "31km/h), <b>m90</b> minutes played, <b>p3</b> pain, <b># note</b>; several sessions: "
        "60 5; 30 7; <b>0</b> did not train; <b>m20</b> alone a match played 20 min. Enter ↓, Tab →, Delete clears, Ctrl+D copies the cell above, "
        "Ctrl+Shift+A fills the selected empty days as planned; Ctrl+R re-plans from today "
        "with what was logged.")
# the hint on the Log panel's one line (the whole HINT is its tooltip)
HINT_LINE = ("Type <b>minutes RPE</b> (75 6), then <b>95%</b> top speed, <b>m90</b> played, "
             "<b>p3</b> pain, <b># note</b>; <b>0</b> did not train. Enter ↓, Tab →. "
             "Hold the pointer here for the rest.")
EXAMPLE = "type minutes and RPE, e.g. 75 6 (then 95% top speed, m90 minutes played, p3 pain)"
# the ways minutes are typed, said when a clock is refused
MINUTES_FORMS = "minutes are typed as 75, as hours:minutes 1:15 or 1h15, or as 1:15:00"
_HOURS_LIKE = re.compile(r"\d+h\d*$", re.IGNORECASE)  # hours with an h that do not read (1h5)
_TIME = re.compile(r"\d{1,3}:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?")  # a clock that reads (1:15, 1:15:00)
KMH_PER_MS = 3.6
# minutes played alone refused (sessionlog.match_alone), in a cell's words
ALONE = AloneWords("type what the player did (e.g. 45 5 m0), or 0 for no training", named="m{:g} alone")

_NUM = r"(\d+(?:[.,]\d+)?)"
_UNIT_JOIN = re.compile(r"(\d)\s+(%|m/s|ms|km/h|kmh|min|'|′)(?=\s|$)", re.IGNORECASE)
_LABEL_JOIN = re.compile(r"\b(pain|played|p|m|mp|rpe)\s+(?=\d)", re.IGNORECASE)
_PATTERNS = (  # field, pattern (a whole token)
    ("top_pct", re.compile(_NUM + r"%$")),
    ("top_ms", re.compile(_NUM + r"(?:m/s|ms)$", re.IGNORECASE)),
    ("top_kmh", re.compile(_NUM + r"(?:km/h|kmh)$", re.IGNORECASE)),
    ("played", re.compile(r"(?:mp|m|played)" + _NUM + r"$", re.IGNORECASE)),
    ("pain", re.compile(r"(?:pain|p)" + _NUM + r"$", re.IGNORECASE)),
    ("rpe", re.compile(r"rpe" + _NUM + r"$", re.IGNORECASE)),
    ("minutes", re.compile(_NUM + r"(?:'|′|min)$", re.IGNORECASE)),
    ("bare", re.compile(_NUM + r"$")),
)
_WORDS = {"top_pct": "a top speed", "top_ms": "a top speed", "played": "minutes played",
          "pain": "a pain score", "rpe": "an RPE", "minutes": "minutes"}


class CellError(ValueError):
    """A cell text that cannot be read; the message says what to type."""


_THOUSANDS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}$")  # 1,080: a thousand and eighty, or 1.08?


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _tokens(text: str) -> list[str]:
    """The session's tokens, a unit or label typed apart joined to its number (``8.6 m/s``)."""
    text = _UNIT_JOIN.sub(r"\1\2", text.strip())
    text = _LABEL_JOIN.sub(lambda m: m.group(1), text)
    return text.split()


def _fields(text: str, table: LoadTable, day: dt.date | None = None,
            match_days: Collection[dt.date] | None = None) -> dict[str, float]:
    """The fields of one typed session (``minutes``, ``rpe`` and the labelled extras);
    ``table``: the season's load table (minutes played alone, on ``day`` in ``match_days``
    only: :func:`planner.sessionlog.match_alone`)."""
    out: dict[str, float] = {}
    typed: dict[str, str] = {}  # field -> the word that gave it
    bare: list[tuple[float, str]] = []  # the unlabelled numbers: (value, as typed)
    tokens = _tokens(text)
    while tokens:
        if (hours := _hours(tokens)) is not None:  # 1h30, 1 h 30: as a workbook's Minutes read
            _put(out, "minutes", *hours, typed)
            continue
        tok = tokens.pop(0)
        if (clock := _clock(tok)) is not None:  # 1:15:00, as a log's file reads it
            _put(out, "minutes", clock, tok, typed)
            continue
        for field, pattern in _PATTERNS:
            m = pattern.match(tok)
            if m is None:
                continue
            if field in ("bare", "minutes") and _THOUSANDS.match(m.group(1)):
                whole = m.group(1).replace(",", "").replace(".", "")
                raise CellError(f"'{tok}' could be {whole} or {_number(m.group(1)):g}; type "
                                f"{whole} (no thousands separator) or {_number(m.group(1)):g}")
            value = _number(m.group(1))
            if field == "top_kmh":  # read as m/s, to the centimetre a GPS gives
                field, value = "top_ms", round(value / KMH_PER_MS, 2)
            if field == "bare":
                bare.append((value, tok))
            else:
                _put(out, field, value, tok, typed)
            break
        else:
            hint = MINUTES_FORMS if _HOURS_LIKE.match(tok) else EXAMPLE  # 1h5: 1 h 05 or 1 h 50?
            raise CellError(f"'{tok[:20]}' is not understood; {hint}")
    _place_bare(out, bare, text, table, day, match_days, typed)
    return out


def _hours(tokens: list[str]) -> tuple[float, str] | None:
    """(minutes, as typed) of hours written with an h at the head of ``tokens`` (``1h30``,
    ``1 h 30``, ``1h``, ``1h 30min``), read by the workbook's and the log's own
    :func:`planner.coachform.cells.hours_text`, its tokens taken off ``tokens``; None (nothing
    taken) when they start with none. The longest reading wins: ``1h 30 6`` is 90 minutes, RPE 6."""
    for n in range(min(len(tokens), 4), 0, -1):  # "1 h 30 min": at most four tokens
        typed = " ".join(tokens[:n])
        if (minutes := hours_text(typed)) is not None:
            del tokens[:n]
            return minutes, typed
    return None


def _clock(tok: str) -> float | None:
    """The minutes of a token written as hours:minutes (``1:15``) or a clock (``1:15:00``; None:
    no clock), read as a log's file reads them (:func:`planner.sessionlog.hours_minutes`,
    :func:`planner.sessionlog.clock_minutes`); a clock refused says the forms read."""
    if CLOCK.fullmatch(tok) and not _TIME.fullmatch(tok):  # 1:75
        raise CellError(f"'{tok}' is not a time (minutes and seconds go up to 59); {MINUTES_FORMS}")
    try:
        minutes = hours_minutes(tok)
        return minutes if minutes is not None else clock_minutes(tok)
    except Bad as e:
        raise CellError(f"{str(e).replace('write ', 'type ')}; {MINUTES_FORMS}") from None


def _put(out: dict[str, float], field: str, value: float, tok: str,
         typed: dict[str, str] | None = None) -> None:
    if field in out:
        raise CellError(f"'{tok}' gives {_WORDS[field]} twice; give it once")
    out[field] = value
    if typed is not None:
        typed[field] = tok


def _place_bare(out: dict[str, float], bare: list[tuple[float, str]], text: str,
                table: LoadTable, day: dt.date | None = None,
                match_days: Collection[dt.date] | None = None,
                typed: dict[str, str] | None = None) -> None:
    """The unlabelled numbers (value, as typed) are minutes, then RPE; a third must say what
    it is (:func:`_extra`). Two short forms: ``0`` alone is a day without training (0 minutes,
    RPE 0), and minutes played alone (``m20``) is the match session of the season's load table
    ``table`` (started from 45 minutes on, else from the bench), as a log's or a workbook's row
    reads it (:func:`planner.sessionlog.match_alone`)."""
    if [v for v, _ in bare] == [0] and "rpe" not in out and "minutes" not in out:
        out["minutes"], out["rpe"] = 0.0, 0.0
        bare.clear()
    if len(bare) > 2 - ("minutes" in out) - ("rpe" in out):
        raise CellError(_extra(out, bare, text, typed or {}))
    if not bare and "minutes" not in out and "rpe" not in out and "played" in out:
        got = match_alone(out["played"], table, day, match_days, ALONE)
        if isinstance(got, Refusal):
            raise CellError(got.words)
        out["minutes"], out["rpe"] = got
    for field in ("minutes", "rpe"):
        if field not in out and bare:
            out[field] = bare.pop(0)[0]
    missing = [w for f, w in (("minutes", "minutes"), ("rpe", "RPE")) if f not in out]
    if missing == ["RPE"]:  # "45": what to type, and what a day nobody trained is
        raise CellError(f"'{text.strip()[:30]}' has no RPE: type it after the minutes "
                        f"({_g(out['minutes'])} 6 for RPE 6), or 0 alone for a day without training")
    if missing:
        raise CellError(f"'{text.strip()[:30]}' has no {' or '.join(missing)}; {EXAMPLE}")


def _extra(out: dict[str, float], bare: list[tuple[float, str]], text: str,
           typed: dict[str, str]) -> str:
    """What to say of a session with an unlabelled number too many, naming the one it cannot
    use. The minutes take the first unlabelled number (unless a word such as ``1h30`` gave
    them); the RPE, 0-10, the first of the others that is one: in ``1h30 75 6`` the word too
    many is ``75`` (a second minutes), not the RPE ``6``; in ``75 6 7`` it is ``7``; with no
    RPE among them (``1h30 75 80``) the first. A number after the RPE (``1h30 6 75``) is
    asked what it is, as a third number is."""
    rest = list(bare)
    if "minutes" not in out:
        rest.pop(0)
    rpe = None
    if "rpe" not in out:
        rpe = next((b for b in rest if 0 <= b[0] <= 10), rest[-1])
        rest.remove(rpe)
    value, tok = rest[0]
    where = f"'{tok}' in '{text.strip()[:30]}'"
    before_rpe = rpe is not None and bare.index(rest[0]) < bare.index(rpe)
    if "minutes" in typed and value > 10 and before_rpe:  # a second minutes: 1h30 75 6
        minutes = typed["minutes"]
        rpe_typed = typed.get("rpe") or next((t for v, t in bare if 0 <= v <= 10), "6")
        return (f"{where}: {minutes} already gives the minutes; a cell takes minutes and RPE "
                f"once each ({minutes} {rpe_typed})")
    return (f"{where}: a cell takes minutes and RPE (75 6); say what it is: 95% top "
            f"speed, m90 minutes played or p3 pain")


_LABELS = {"minutes": "Minutes", "rpe": "RPE", "top_pct": "Top speed %", "top_ms": "Top speed m/s",
           "played": "Minutes played", "pain": "Pain"}


def _check(fields: dict[str, float], athlete: Athlete) -> None:
    for field, value in fields.items():
        problem = limit_problem(field, value)
        if problem:
            raise CellError(f"{_LABELS[field]}: {problem}")
    top = any(fields.get(k, 0) > 0 for k in ("top_pct", "top_ms"))
    if problem := hours_problem(fields.get("minutes"), fields.get("rpe"), top, write="type",
                                played=fields.get("played")):
        raise CellError(f"{_LABELS['minutes']}: {problem}")
    played = fields.get("played")
    problem = played_problem(fields.get("minutes"), played, fix=(
        f"type at least {played:g} minutes, or m{played:g} alone"
        if played is not None else ""))
    if problem:
        raise CellError(problem)
    ms = fields.get("top_ms")
    if ms is None:
        return
    if not athlete.max_speed:
        raise CellError(f"{athlete.name} has no max speed, so {ms:.1f} m/s cannot be read; type "
                        f"the top speed in % (e.g. 95%) or give the max speed (Squad)")
    if problem := top_speed_problem(ms, athlete.max_speed, athlete.name):
        raise CellError(f"{problem}; check the value")


def parse_cell(text: str, athlete: Athlete, day: dt.date, table: LoadTable,
               match_days: Collection[dt.date] | None = None) -> tuple[Session, ...]:
    """The sessions a cell's text gives (empty: the day is cleared); :class:`CellError` when
    the text cannot be read. ``table``: the season's load table (``LoadTable.of_season``), whose
    match session ``m90`` alone logs on a day of ``match_days`` (the season's
    ``sessionlog.competition_days``; None: not checked)."""
    note = ""
    if "#" in text:
        text, note = text.split("#", 1)
        note = note.strip()
    parts = [p for p in re.split(r"[;\n]", text) if p.strip()]
    if not parts:
        if note:
            raise CellError(f"a note needs a session; {EXAMPLE}")
        return ()
    out = []
    fields = [_fields(part, table, day, match_days) for part in parts]
    for f in fields:
        _check(f, athlete)
    total = sum(f["minutes"] for f in fields)
    if total > DAY_MINUTES:
        raise CellError(f"the sessions add up to {total:g} minutes, more than a day has; "
                        f"correct the minutes (60, not 600?)")
    for k, f in enumerate(fields):
        out.append(Session(athlete=athlete.id, date=day, minutes=f["minutes"], rpe=f["rpe"],
                           top_speed_pct=f.get("top_pct"), top_speed_ms=f.get("top_ms"),
                           minutes_played=f.get("played"), pain=f.get("pain"),
                           note=note if k == len(parts) - 1 else ""))
    return tuple(out)


def keep_top_speed(old, new: tuple[Session, ...],
                   athlete: Athlete | None = None) -> tuple[tuple[Session, ...], str]:
    """(``new`` with the top speed of ``old`` kept, what was kept in words: "70 %", "" when
    nothing). A cell retyped replaces the day's sessions, and the top speed a GPS import brought
    went with them unsaid ("60 9" typed over "75′ 4 70%" to correct the RPE): a day retyped as
    one session with minutes and no top speed keeps the highest logged before. A day without
    training (``0``) ran none, and one typed with a top speed, or as several sessions, says it
    all. To log the day without it, it is deleted in the cell's own text (the Log panel applies
    this only to a cell typed over), or the cell is cleared first (Delete), then typed."""
    if len(new) != 1 or not new[0].minutes or new[0].top_speed_pct is not None \
            or new[0].top_speed_ms is not None:
        return new, ""

    def pct(s: Session) -> float:
        if s.top_speed_pct is not None:
            return s.top_speed_pct
        return 100 * s.top_speed_ms / athlete.max_speed if athlete and athlete.max_speed else 0

    had = [s for s in old if s.top_speed_pct is not None or s.top_speed_ms is not None]
    if not had:
        return new, ""
    top = max(had, key=pct)
    kept = new[0].model_copy(update={"top_speed_pct": top.top_speed_pct,
                                     "top_speed_ms": top.top_speed_ms})
    said = (f"{_g(top.top_speed_pct)} %" if top.top_speed_pct is not None
            else f"{top.top_speed_ms:.1f} m/s")
    return (kept,), said


def _g(x: float) -> str:
    return f"{x:.6g}"


def _speed_typed(ms: float) -> str:
    """A top speed for the editor: m/s as logged, or the km/h it came from ("23.5km/h", not
    "6.52778m/s", for a GPS export's 23.5 km/h divided by 3.6)."""
    kmh = round(ms * KMH_PER_MS, 9)
    if abs(ms - round(ms, 2)) > 1e-9 and abs(kmh - round(kmh, 1)) < 1e-6:
        return f"{round(kmh, 1):g}km/h"
    return f"{_g(ms)}m/s"


def _extras(s: Session, typed: bool) -> list[str]:
    out = []
    if s.top_speed_pct is not None:
        out.append(f"{_g(s.top_speed_pct)}%")
    elif s.top_speed_ms is not None:
        out.append(_speed_typed(s.top_speed_ms) if typed else f"{s.top_speed_ms:.1f} m/s")
    if s.minutes_played is not None:
        out.append(f"m{_g(s.minutes_played)}")
    if s.pain is not None:
        out.append(f"p{_g(s.pain)}")
    return out


def edit_text(sessions) -> str:
    """The text that reads back to ``sessions`` (what the editor starts with)."""
    notes = [s.note for s in sessions if s.note]
    body = "; ".join(" ".join([_g(s.minutes), _g(s.rpe)] + _extras(s, True)) for s in sessions)
    return body + (f" # {' / '.join(notes)}" if notes else "")


def display_text(sessions, athlete: Athlete | None = None) -> str:
    """The cell as shown: ``75′ 6 95% m90 p3`` (a top speed in m/s as % when the max speed is
    known; ``✎`` when a note is kept)."""
    parts = []
    for s in sessions:
        if s.top_speed_pct is None and s.top_speed_ms is not None and athlete and athlete.max_speed:
            s = s.model_copy(update={"top_speed_pct": round(100 * s.top_speed_ms / athlete.max_speed),
                                     "top_speed_ms": None})
        parts.append(" ".join([f"{_g(s.minutes)}′ {_g(s.rpe)}"] + _extras(s, False)))
    text = " + ".join(parts)
    return text + (" ✎" if any(s.note for s in sessions) else "")


def words(sessions, athlete: Athlete | None = None) -> list[str]:
    """Each session in a coach's words (tooltips, the inspector)."""
    out = []
    for s in sessions:
        bits = [f"{_g(s.minutes)} min at RPE {_g(s.rpe)} ({_g(s.load)} AU)"]
        if s.top_speed_pct is not None:
            bits.append(f"top speed {_g(s.top_speed_pct)} %")
        elif s.top_speed_ms is not None:
            pct = f" ({100 * s.top_speed_ms / athlete.max_speed:.0f} %)" if athlete and athlete.max_speed else ""
            bits.append(f"top speed {s.top_speed_ms:.1f} m/s{pct}")
        if s.minutes_played is not None:
            bits.append(f"played {_g(s.minutes_played)} min")
        if s.pain is not None:
            bits.append(f"pain {_g(s.pain)}/10")
        if s.note:
            bits.append(f"“{s.note}”")
        out.append(", ".join(bits))
    return out
