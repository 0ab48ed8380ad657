"""The past on the board and in the inspector: what was logged, and what went otherwise.

Days before today are history (rules-spec.md section 9). The board greys them (its veil over
the past) and marks, per athlete-day, a logged session (a grey tick, :func:`draw_logged`) and a day whose level went
otherwise than planned (``AthletePlan.planned``: a small corner triangle in its own colour);
its tooltip and the inspector say it in words: the logged sessions, and "planned 90 %,
logged 80 %". A logged pain that proposes a flare-up (``planner.progress.flare_proposals``), and one listed
(``planner.progress.listed_pains``: a fit player's, one just below the protocol's flare-up
threshold), are said too.

:func:`past_marks` is worked out once per season (one pass over the log and the plan's
``planned`` entries) and kept for the last few seasons, so painting and undo stay fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from planner.history import level_text, planned_level, read_as, went_otherwise
from planner.season import FIT, PLAY_LEVEL, Season
from planner.timeline import Timeline

OTHERWISE_LIGHT = QColor("#00838f")  # a day that went otherwise (teal: no other mark uses it)
OTHERWISE_DARK = QColor("#4dd0e1")
PAIN = QColor("#d50000")  # a logged pain to look at (the inspector says it in the same red)
ABOVE_MARK = "▲"  # a logged top speed above the rehab stage's cap (the Log, Plan Check), or
# minutes played in a match while the records hold the athlete in rehab (the Log)
ROW_FOOT = 17  # the pain mark's base, from a row's top (rows are 20 px in day zoom)


@dataclass(frozen=True)
class PastMarks:
    """Per athlete: the day indexes with logged sessions, and those that went otherwise (day
    index -> the level planned for it)."""

    logged: dict[str, frozenset[int]] = field(default_factory=dict)
    otherwise: dict[str, dict[int, int]] = field(default_factory=dict)
    # a logged pain to look at: it proposes a flare-up, or is listed (a fit player's 5/10 or
    # more, one just below the protocol's flare-up threshold)
    pain: dict[str, frozenset[int]] = field(default_factory=dict)

    def painful(self, athlete: str, d: int) -> bool:
        return d in self.pain.get(athlete, frozenset())

    def mark(self, athlete: str, d: int) -> str | None:
        """``"otherwise"``, ``"logged"`` or None for the athlete's day ``d``."""
        if d in self.otherwise.get(athlete, {}):
            return "otherwise"
        if d in self.logged.get(athlete, frozenset()):
            return "logged"
        return None


_CACHE: list[tuple[tuple, PastMarks]] = []


def past_marks(season: Season, tl: Timeline | None = None) -> PastMarks:
    """The marks of ``season``'s past (kept for the last few seasons: the same log, plan and
    calendar objects give the same marks)."""
    key = (season.sessions, season.plan, season.calendar, season.injuries, season.athletes)
    for k, marks in _CACHE:
        if all(a is b for a, b in zip(k, key, strict=True)):
            return marks
    tl = tl or Timeline(season)
    logged: dict[str, set[int]] = {}
    for s in season.sessions:
        i = tl.index(s.date)
        if i is not None:
            logged.setdefault(s.athlete, set()).add(i)
    otherwise: dict[str, dict[int, int]] = {}
    if season.plan is not None:
        for ap in season.plan.athletes:
            days = {i: level for day in ap.planned
                    if (i := tl.index(day)) is not None and i < len(ap.intensity)
                    and (level := planned_level(season, ap, day, tl)) is not None
                    and went_otherwise(ap.stages[i], level, ap.intensity[i])}
            if days:
                otherwise[ap.athlete] = days
    pain: dict[str, set[int]] = {}
    for athlete, day in list(proposals(season)) + list(alerts(season)):
        i = tl.index(day)
        if i is not None:
            pain.setdefault(athlete, set()).add(i)
    marks = PastMarks({a: frozenset(d) for a, d in logged.items()}, otherwise,
                      {a: frozenset(d) for a, d in pain.items()})
    _CACHE.insert(0, (key, marks))
    del _CACHE[6:]
    return marks


def otherwise_text(season: Season, athlete: str, day: dt.date) -> str:
    """``planned 90 %, logged 80 %`` for a day that went otherwise ("" for any other day); a day
    whose level no logged top speed set says how it was read (``planner.history.read_as``)."""
    plan = season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    was = planned_level(season, ap, day) if ap is not None else None
    if was is None:
        return ""
    i = (day - season.calendar.start).days
    now = ap.intensity[i]
    if not went_otherwise(ap.stages[i], was, now):
        return ""  # under a fit day's ceiling, neither a speed day: as planned
    tl = Timeline(season)
    comp_day = tl.is_comp[i]  # the competition days the rules read
    played = [x.minutes_played for x in sessions_on(season, athlete, day)
              if x.minutes_played is not None]
    if played and ap.stages[i] == FIT and comp_day:
        # a match day: the minutes played set the role and so the level (rules-spec.md section 9)
        plan_words = {PLAY_LEVEL["start"]: "to start", PLAY_LEVEL["bench"]: "on the bench"}.get(
            was, "not to play")
        m = max(played)
        if m == 0:  # not played: the day's level is the logged top speed's, as any day's
            return f"planned {plan_words} ({level_text(was)}); did not play, logged {level_text(now)}"
        from planner.history import role_of_minutes, start_minutes

        # the minutes say how the rules read the day, not how the player came on: a starter
        # subbed after 20 minutes did not "come off the bench"
        line = start_minutes(season)  # LD-1's start_from_played
        bench = f"1-{line - 1:g}" if line >= 2 else f"under {line:g}"
        role = {"start": f"read as a start ({line:g} min or more",
                "bench": f"read as a bench appearance ({bench} min"}[role_of_minutes(m, line)]
        return (f"planned {plan_words} ({level_text(was)}); {m:g} min played, {role}, "
                f"{level_text(now)}; on a match day the minutes played set the level)")
    logged = sessions_on(season, athlete, day)
    if now == 0 and logged and all(x.minutes == 0 for x in logged):
        # as the handouts say it: an ill player's 0 min is no "0 % (no speed work)"
        return f"planned {level_text(was)}, did not train (0 min logged)"
    read = read_as(season, ap, day, was, now, tl) or _counted_lower(
        season, athlete, day, ap.stages[i], was, now, comp_day)
    return read or f"planned {level_text(was)}, logged {_typed(season, athlete, day, now)}"


def _typed(season: Season, athlete: str, day: dt.date, now: int) -> str:
    """The day's logged level as typed, with the level it counts as where that differs ("96 %,
    counted 95 %"): "logged 95 %" under a typed 96 % was not what the coach logged."""
    from planner.history import logged_days
    from planner.units import measure

    got = logged_days(season, athlete).get(day)
    top = got.top_pct if got is not None else None
    if top is None or top == now:
        return level_text(now)
    return f"{measure(round(top, 1), '%')}, counted {level_text(now)}"


def _counted_lower(season: Season, athlete: str, day: dt.date, stage: str, was: int,
                   now: int, comp_day: bool) -> str:
    """A top speed logged on a competition day (``comp_day``: the Timeline's) not played,
    counted a level lower (``planner.history.counted_lower_why``, the words of ``explain`` and
    the handout too): "planned 100 %, logged 95 %" under a logged "top speed 9.3 m/s (100 %)"
    said nothing of why. "" for any other day."""
    from planner.history import counted_lower_why, logged_days

    got = logged_days(season, athlete).get(day)
    why = counted_lower_why(got, now, stage, comp_day)
    if not why:
        return ""
    return (f"planned {level_text(was)}, logged {level_text(got.top_level)}, counted "
            f"{level_text(now)}: {why}")


def sessions_on(season: Season, athlete: str, day: dt.date) -> list:
    return [s for s in season.sessions if s.athlete == athlete and s.date == day]


_CACHES: dict[str, list[tuple[tuple, dict]]] = {"proposals": [], "alerts": [], "above": [],
                                                 "played": []}


def _by_day(kind: str, season: Season, compute,
            dates=lambda p: (p.date,)) -> dict[tuple[str, dt.date], object]:
    """``compute(season)``'s items by (athlete, date) (``dates``: an item's days), kept for the
    last few seasons by identity (the board and the Log panel ask for every painted cell)."""
    store = _CACHES[kind]
    # today too; the competitions: a match moved is another "played in rehab" day
    key = (season.sessions, season.injuries, season.athletes, season.calendar,
           season.competitions)
    for k, found in store:
        if all(a is b for a, b in zip(k, key, strict=True)):
            return found
    found = ({(p.athlete, d): p for p in compute(season) for d in dates(p)}
             if season.sessions else {})
    store.insert(0, (key, found))
    del store[6:]
    return found


def proposals(season: Season) -> dict[tuple[str, dt.date], object]:
    """The flare-ups the logged pain proposes (``planner.progress.flare_proposals``)."""
    from planner.progress import flare_proposals

    return _by_day("proposals", season, flare_proposals)


def proposal_on(season: Season, athlete: str, day: dt.date):
    """The flare-up the day's logged pain proposes (``FlareProposal``), or None."""
    return proposals(season).get((athlete, day))


def alerts(season: Season) -> dict[tuple[str, dt.date], object]:
    """The logged pains listed that propose no flare-up (``planner.progress.listed_pains``: a
    fit player's, and one just below a protocol's flare-up threshold)."""
    from planner.progress import listed_pains

    return _by_day("alerts", season, listed_pains)


def above_stage(season: Season) -> dict[tuple[str, dt.date], object]:
    """The logged top speeds above the recorded rehab stage's cap
    (``planner.progress.above_stage``)."""
    from planner.progress import above_stage as found

    return _by_day("above", season, found)


def played_in_rehab(season: Season) -> dict[tuple[str, dt.date], object]:
    """The matches logged played while the records hold the athlete in rehab, each day with its
    athlete's ``planner.progress.PlayedInRehab``."""
    from planner.progress import played_in_rehab as found

    return _by_day("played", season, found, lambda p: p.days)


def played_in_rehab_words(season: Season, athlete: str, day: dt.date) -> str:
    """The planner's sentence on a match logged played while in rehab ("" for another day), in
    the app's words (Move Today's after a log, the Returns panel's)."""
    p = played_in_rehab(season).get((athlete, day))
    if p is None:
        return ""
    from ui.desktop.sessionimport import FLARE_FIX, REHAB_STAGE_FIX

    return f"Played in rehab: {p.text(season, REHAB_STAGE_FIX, FLARE_FIX)}"


def alert_on(season: Season, athlete: str, day: dt.date):
    """The day's logged pain listed (``PainAlert``: an athlete not in rehab, or
    ``PainBelowFlare``: just below the protocol's flare-up threshold), or None."""
    return alerts(season).get((athlete, day))


def day_lines(season: Season, athlete: str, day: dt.date) -> list[str]:
    """The past of one athlete-day in words (the board's tooltip)."""
    from ui.desktop.logcells import words

    a = season.athlete(athlete)
    lines = [f"Logged: {w}" for w in words(sessions_on(season, athlete, day), a)]
    diff = otherwise_text(season, athlete, day)
    if diff:
        lines.append(f"Went otherwise: {diff}")
    if lines:
        p = proposal_on(season, athlete, day)
        if p is not None:
            lines.append(f"⚑ Pain {p.pain:g}/10 proposes a flare-up (the protocol's threshold is "
                         f"{p.threshold}/10): record it in the inspector")
        q = alert_on(season, athlete, day)
        if q is not None:
            lines.append(f"⚠ Pain {q.pain:g}/10, {q.cell_words()}")
    return lines


def inspector_rows(season: Season, athlete: str, day: dt.date) -> list[tuple[str, str]]:
    """The inspector's rows for the athlete-day's past: each logged session, a level that went
    otherwise, a flare-up the pain proposes."""
    import html

    from ui.desktop.logcells import words

    a = season.athlete(athlete)
    rows = [("Logged", html.escape(w)) for w in words(sessions_on(season, athlete, day), a)]
    diff = otherwise_text(season, athlete, day)
    if diff:
        rows.append(("Went otherwise", f"<b>{html.escape(diff)}</b>"))
    p = proposal_on(season, athlete, day) if rows else None
    if p is not None:
        rows.append(("Pain", f"<b style='color:#d50000'>{p.pain:g}/10</b> proposes a flare-up "
                             f"(threshold {p.threshold}/10): <i>Record flare-up</i> below"))
    q = alert_on(season, athlete, day) if rows else None
    if q is not None:
        rows.append(("Pain", f"<b style='color:#d50000'>{q.pain:g}/10</b>, "
                             f"{html.escape(q.cell_words())}"))
    return rows


TICK_PEN = 1.5  # the logged tick's line: a 3 px dot was hard to find on a laptop's board


def logged_tick(x: float, y: float, cell_w: float) -> QPainterPath:
    """A logged day's mark: a tick in the top right corner of the cell whose top left is
    ``(x, y)``, clear of the letter at the top left and of a 100 % star's points."""
    r = x + cell_w
    path = QPainterPath(QPointF(r - 4.8, y + 3.0))
    path.lineTo(r - 3.4, y + 4.4)
    path.lineTo(r - 1.2, y + 1.3)
    return path


def draw_logged(p: QPainter, cells, cell_w: float, colour: QColor) -> None:
    """The logged tick (:func:`logged_tick`) in ``colour`` in each cell of ``cells`` (their top
    left corners): the board's and its key's."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(colour, TICK_PEN)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for x, y in cells:
        p.drawPath(logged_tick(x, y, cell_w))
    p.restore()


def paint_past(p: QPainter, marks: PastMarks, row_id, days: tuple[int, int],
               rows: tuple[int, int], x_of, y_of, cell_w: int, dark: bool, dot: QColor) -> None:
    """The past's marks on the visible cells (day zoom): a tick on a logged day
    (:func:`draw_logged`, in ``dot``), a corner triangle on a day that went otherwise.
    ``row_id(r)``: the athlete of row ``r``; ``x_of(d)`` and ``y_of(r)``: a cell's left and top."""
    d0, d1 = days
    otherwise = OTHERWISE_DARK if dark else OTHERWISE_LIGHT
    ticks: list[tuple[int, int]] = []
    corners: list[QPolygonF] = []
    pains: list[QPolygonF] = []
    for r in range(rows[0], rows[1] + 1):
        aid = row_id(r)
        logged = marks.logged.get(aid, frozenset())
        other = marks.otherwise.get(aid, {})
        if not logged and not other:
            continue
        y = y_of(r)
        for d in marks.pain.get(aid, ()):
            if d0 <= d <= d1:
                pains.append(pain_triangle(x_of(d) + 1, y + ROW_FOOT))
        for d in range(d0, d1 + 1):
            if d in other:
                x1 = x_of(d) + cell_w - 1
                corners.append(QPolygonF([QPointF(x1 - 6, y + 1), QPointF(x1, y + 1), QPointF(x1, y + 7)]))
            elif d in logged:
                ticks.append((x_of(d), y))
    draw_logged(p, ticks, cell_w, dot)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(otherwise)
    for poly in corners:
        p.drawPolygon(poly)
    p.setBrush(PAIN)
    for poly in pains:
        p.drawPolygon(poly)
    p.restore()


def pain_triangle(x: float, foot: float) -> QPolygonF:
    """The pain mark: a small warning triangle at a cell's bottom left (``foot``: its base)."""
    return QPolygonF([QPointF(x, foot), QPointF(x + 6, foot), QPointF(x + 3, foot - 6)])


def paint_legend_mark(p: QPainter, otherwise: bool, x: float, cy: float, theme,
                      pain: bool = False) -> None:
    """The board legend's cell with a logged day's tick (the board's :func:`draw_logged`), a
    went-otherwise corner, or (``pain``) the pain mark."""
    cell = QRectF(x, cy - 7, 14, 14)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(cell, theme.base)
    p.fillRect(cell, theme.past)
    p.setPen(theme.week_line)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(cell)
    p.setPen(Qt.PenStyle.NoPen)
    if pain:
        p.setBrush(PAIN)
        p.drawPolygon(pain_triangle(x + 1, cy + 6))
    elif otherwise:
        p.setBrush(OTHERWISE_DARK if theme.dark else OTHERWISE_LIGHT)
        x1 = x + 13
        p.drawPolygon(QPolygonF([QPointF(x1 - 6, cy - 6), QPointF(x1, cy - 6), QPointF(x1, cy)]))
    else:
        draw_logged(p, [(x, cell.top())], cell.width(), theme.dim_text)
    p.restore()
