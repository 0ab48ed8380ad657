"""What rules v2 puts on an athlete's days, for the board, its tooltips and the inspector.

Contract: ``shared/rules-spec.md`` v2 sections 2-6 as read in ``docs/semantics.md``. Read from the
season and its plan (never the solver), with the facts the checker reads
(``planner.returns.AthleteFacts``):

- the **role** of each competition day: ``start`` or ``bench`` when the athlete plays it,
  ``out`` when the role is ``out``, ``held`` when RE-1 holds a returning athlete out (without a
  plan: the role the season sets, for every athlete);
- **compensation sessions**: high-velocity training of a fit athlete on MD+1 or MD+2 of a
  competition the athlete did not play (HV-6 allows them, TEAM does not count them);
- **flare-ups** and the **calm days** after them (RH-FL);
- **provisional** days and the provisional stage exits that start them (RH-CRIT).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.criteria import not_passed, tests_until
from planner.errors import PeriodizeError
from planner.memo import ByInputs, athlete_values, by_identity, season_fields
from planner.returns import AthleteFacts, provisional_of, stage_walk
from planner.rules import CALM_CAP, RuleSet
from planner.season import FIT, PLAY_LEVEL, Season
from planner.timeline import Timeline

ROLE_LETTER = {"start": "S", "bench": "B", "out": "O", "held": "R"}
ROLE_WORDS = {"start": "plays (starts)", "bench": "on the bench", "out": "out of the squad",
              "held": "held out (RE-1: team sessions first)"}
_RANK = {"start": 0, "bench": 1, "out": 2}


@dataclass(frozen=True)
class ProvisionalExit:
    """A planned progression out of ``stage`` on ``day`` (index) into ``to`` that waits on
    criteria without a passing latest result (``missing``: their names)."""

    day: int
    stage: str
    to: str
    missing: tuple[str, ...]
    marks: tuple[str, ...] = ()  # the same criteria with the mark that passes each (Criterion.mark)

    def words(self, tl: Timeline, *, short: bool = False, tests: str | None = None) -> str:
        """``the move P2 → P3 on Sat 8 Aug 2026 waits on Hamstring strength LSI ≥ 75 %``: the
        Inspector's, ``explain``'s and the handout's words (``short``: ``(Sat 8 Aug)``, inside a
        season's page; ``tests``: other words for the tests, an anonymised page's)."""
        from planner.text import day, day_long

        when = f"({day(tl.days[self.day])})" if short else f"on {day_long(tl.days[self.day])}"
        return (f"the move {self.stage} → {self.to} {when} waits on "
                f"{tests or ', '.join(self.marks or self.missing)}")


@dataclass
class DayMarks:
    """One athlete's v2 marks; day indexes from the season start."""

    role: dict[int, str] = field(default_factory=dict)
    # a day of several competitions with another role in each: each one's (tl.comp_on's order)
    match_roles: dict[int, tuple[str, ...]] = field(default_factory=dict)
    compensation: set[int] = field(default_factory=set)
    flare: set[int] = field(default_factory=set)
    calm: dict[int, dt.date] = field(default_factory=dict)  # day -> the flare-up's date
    provisional: frozenset[int] = frozenset()
    hatched: frozenset[int] = frozenset()  # provisional rehab days and the first FIT day after
    exits: tuple[ProvisionalExit, ...] = ()


def best_role(season: Season, athlete: str, comps) -> str:
    """The athlete's best role of the competitions on one day (start, then bench, then out)."""
    return min((season.role_of(athlete, c.id) for c in comps), key=_RANK.__getitem__)


def _flares(season: Season, athlete: str, tl: Timeline, calm_days: int, m: DayMarks) -> None:
    for rec in season.injuries_of(athlete):
        for fd in rec.flare_ups:
            i = tl.index(fd)
            if i is not None:
                m.flare.add(i)
            for j in tl.calm_days(fd, calm_days, athlete, counted_only=True):
                m.calm.setdefault(j, fd)  # a match day between them is no calm day (RH-FL)


def _planned_role(f: AthleteFacts, i: int) -> str | None:
    if f.played[i]:
        return "start" if f.it[i] == PLAY_LEVEL["start"] else "bench"
    if f.st[i] != FIT or i in f.off:
        return None
    if f.role[i] in PLAY_LEVEL and not f.ready[i]:
        return "held"
    # a past match not played is one the athlete sat out, whatever role was set: a starter
    # logged with 0 minutes played is "out" (rules-spec.md section 9), not a match without a role
    return "out" if f.role[i] == "out" or i < f.p0 else None


def provisional_exits(f: AthleteFacts) -> tuple[ProvisionalExit, ...]:
    """The planned progressions from ``p0`` on that some criterion has not passed for."""
    out = []
    if not f.records:
        return ()
    for i, old, run, _forced, _cause, kind in stage_walk(f, f.p0):
        if kind != "progress" or old.rec is None:
            continue
        missing = not_passed(f.records[old.rec], f.protos[old.rec], old.stage, f.date(old.start),
                             tests_until(f.date(i)))
        if missing:
            out.append(ProvisionalExit(i, old.stage, run.stage, tuple(c.name for c in missing),
                                       tuple(c.mark for c in missing)))
    return tuple(out)


def governing_exit(m: DayMarks, i: int) -> ProvisionalExit | None:
    """The provisional move that governs day ``i``: the last one on or before it, unless a
    flare-up since has undone it (the stage starts over: a return of Mon 5 Oct is no longer the
    athlete's after a flare-up on 19 Oct); then the next move after the day, or None."""
    e = max((x for x in m.exits if x.day <= i), key=lambda x: x.day, default=None)
    if e is None or not any(e.day < k <= i for k in m.flare):
        return e
    return min((x for x in m.exits if x.day > i), key=lambda x: x.day, default=None)


def waiting_exits(m: DayMarks, i: int, stage: str | None = None) -> tuple[ProvisionalExit, ...]:
    """The provisional moves day ``i`` (in ``stage``) stands on, in date order, as the return's
    words list them (``Return.back_note``: P1's tests, then P2's …): every move from today up to
    the day that no flare-up since has undone, then the move out of the day's own stage ahead of
    it (no flare-up between). An S3 day named only "the move P3 → S1 on Mon 14 Sep", a change
    a fortnight old, while the return said P1's tests to P3's and then S3's: the physio could not
    tell which test to book next (the first named)."""
    back = [e for e in m.exits if e.day <= i and not any(e.day < k <= i for k in m.flare)]
    ahead = min((e for e in m.exits if e.day > i), key=lambda e: e.day, default=None)
    if ahead is not None and (ahead.stage != stage or any(i < k <= ahead.day for k in m.flare)):
        ahead = None
    return tuple(sorted(back, key=lambda e: e.day)) + ((ahead,) if ahead is not None else ())


def _from_plan(season: Season, tl: Timeline, f: AthleteFacts, m: DayMarks) -> None:
    for i in tl.comp_days:
        role = _planned_role(f, i)
        if role is not None:
            m.role[i] = role
            if role in PLAY_LEVEL and len(set(f.match_roles(i))) > 1:
                m.match_roles[i] = f.match_roles(i)
    m.compensation = {i for i in range(tl.p0, tl.n) if f.compensation(i)}
    prov = provisional_of(f)
    m.provisional = frozenset(i for i, p in enumerate(prov) if p)
    m.hatched = frozenset(i for i in m.provisional
                          if f.st[i] != FIT or (i > 0 and f.st[i - 1] != FIT))
    m.exits = provisional_exits(f)


# what an athlete's marks are read from besides the athlete's own entry and plan row: every
# field of the season but these (a season's name, blocks, pins and scenarios mark no day; the
# squad and the plan are read athlete by athlete)
NOT_READ = frozenset({"name", "blocks", "pins", "scenarios", "athletes", "plan"})
_kept: dict[str, ByInputs] = {}  # athlete id -> the marks kept (an edit, its undo and redo)


@by_identity(values=("only",))
def day_marks(season: Season, timeline: Timeline | None = None,
              only: str | None = None) -> dict[str, DayMarks]:
    """Athlete id -> the athlete's marks (see the module text); ``only`` (by keyword): one
    athlete's. Kept for the seasons last asked about (``planner.memo``), and athlete by athlete
    while what they are read from is the same objects (:data:`NOT_READ`): a rename or a pin on
    40 x 52 worked out every athlete's marks again (0.1 s in the window's thread). Do not change
    the dict or the marks returned."""
    tl = timeline if timeline is not None else Timeline(season)
    rs = None
    plan = season.plan
    shared = season_fields(season, NOT_READ)
    out: dict[str, DayMarks] = {}
    for a in season.athletes:
        if only is not None and a.id != only:
            continue
        ap = plan.for_athlete(a.id) if plan is not None else None
        kept = _kept.get(a.id) or _kept.setdefault(a.id, ByInputs())
        objs, values = (*shared, ap), athlete_values(a)
        m = kept.get(objs, values)
        if m is None:
            rs = rs if rs is not None else RuleSet(season.rules)
            m = _athlete_marks(season, tl, rs, a.id, ap)
            kept.put(objs, values, m)
        out[a.id] = m
    return out


def forget() -> None:
    """Every kept mark (tests: a full recompute)."""
    day_marks.forget()
    for kept in list(_kept.values()):
        kept.clear()


def _athlete_marks(season: Season, tl: Timeline, rs: RuleSet, athlete: str, ap) -> DayMarks:
    """One athlete's marks, worked out."""
    m = DayMarks()
    _flares(season, athlete, tl, int(rs.value("RH-FL", "calm_days")), m)
    if ap is not None and len(ap.stages) == tl.n and len(ap.intensity) == tl.n:
        try:
            _from_plan(season, tl, AthleteFacts(season, tl, rs, ap), m)
        except PeriodizeError:  # a record's protocol unknown: the roles alone
            m = DayMarks(flare=m.flare, calm=m.calm)
            ap = None
    if ap is None:
        for i in tl.comp_days:
            m.role[i] = best_role(season, athlete, tl.comp_on[i])
            roles = tuple(season.role_of(athlete, c.id) for c in tl.comp_on[i])
            if len(set(roles)) > 1:
                m.match_roles[i] = roles
    return m


def role_text(role: str) -> str:
    return ROLE_WORDS.get(role, role)


def _against_the_role_set(season: Season, athlete: str, tl: Timeline, i: int,
                          planned: str | None) -> str | None:
    """A planned day from ``p0`` on whose match role is not the one set now (a role changed after
    the plan was made): the plan's and the role set, and the way to match them; None when they
    agree. The Role row said "plays (starts)" after the coach had just set the player on the bench,
    beside the AV-1 line of the same mismatch."""
    if planned not in (*PLAY_LEVEL, None) or i < tl.p0:
        return None
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    if ap is None or i >= len(ap.stages):
        return None
    set_ = best_role(season, athlete, tl.comp_on[i])
    if planned is None:  # not played: a mismatch only for a fit, available player set to play
        if set_ not in PLAY_LEVEL or ap.stages[i] != FIT or i in tl.unavailable(athlete):
            return None
        plan_says = "does not play it in the plan"
    elif set_ == planned:
        return None
    else:
        plan_says = f"{role_text(planned)} in the plan"
    return f"{plan_says}, but the role set is {role_text(set_)}: {plan_again_words(season)} to " \
        f"plan the day for it"


# how a plan the season no longer fits is made again, as the menus say it (keyed by
# :func:`replans_from_today`; the app's menus and the planner's words alike)
PLAN_AGAIN = {True: "re-plan from today (Ctrl+R)", False: "solve again (F5)"}


def replans_from_today(season: Season, plan=None) -> bool:
    """Whether a plan the season no longer fits is made again from today (Ctrl+R, which keeps
    the rest of the squad's week): the season has a plan (``plan``, else its own) and a today
    inside it. Else a solve of everything (F5)."""
    cal = season.calendar
    plan = plan if plan is not None else season.plan
    return plan is not None and cal.today is not None and cal.start <= cal.today <= cal.end


def plan_again_words(season: Season | None, plan=None) -> str:
    """:data:`PLAN_AGAIN`'s words for ``season`` (with ``plan``, else its own): "re-plan from
    today (Ctrl+R)" once it is under way with a plan, else (no season either) "solve again
    (F5)". A role changed mid-season read "re-plan (Plan ▸ Solve, F5)", a full solve where the
    status bar said Re-plan from Today."""
    return PLAN_AGAIN[season is not None and replans_from_today(season, plan)]


def _injured_on(season: Season, athlete: str, day) -> bool:
    """Is the athlete injured on ``day`` by the records alone: the last injury onset or stage
    record on or before it is not a return to FIT (a record after it may still be planned)."""
    events = sorted([(x.onset, 0, "INJ") for x in season.injuries_of(athlete)]
                    + [(r.start, 1, r.stage) for x in season.injuries_of(athlete) for r in x.stages])
    last = [e for e in events if e[0] <= day]
    return bool(last) and last[-1][2] != "FIT"


COMPENSATION_WHY = ("high-velocity work after a match not played (HV-6 allows it, TEAM does not "
                   "count it)")


def fold_session(rows: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """:func:`day_rows` for a caller that prints the day's session itself (``explain``, the
    Inspector): the words its session line takes on (`` — high-velocity work after a match not
    played …`` on a compensation day, else "") and the other rows, so that the day has one
    Session line, not the prescription's and then this one's."""
    said = next((w for k, w in rows if k == "Session"), None)
    rest = [(k, w) for k, w in rows if k != "Session"]
    return ("" if said is None else f" — {said.removeprefix('compensation session: ')}"), rest


def _flare_words(season: Season, athlete: str, tl: Timeline, i: int) -> str:
    """A flare-up's day: what RH-FL asks of it, or, before today with a session logged, what
    happened ("recorded on this day: no running" stood under a logged 90-minute match)."""
    from planner.history import logged_days
    from planner.text import plural

    got = logged_days(season, athlete).get(tl.days[i]) if i < tl.p0 else None
    if got is None or got.minutes <= 0:
        return "recorded on this day: no running (RH-FL)"
    calm = int(RuleSet(season.rules).value("RH-FL", "calm_days"))
    return (f"recorded on this day (the session logged that day is what flared up; at most "
            f"{CALM_CAP} % on the {plural(calm, 'calm day')} after it, RH-FL)")


def day_rows(season: Season, athlete: str, i: int, marks: DayMarks | None = None
             ) -> list[tuple[str, str]]:
    """The inspector's rows of rules v2 for day ``i``: the match role, a compensation session,
    a flare-up or calm day, and a provisional stage with the exit it waits on (plain text)."""
    from planner.text import day_long

    tl = Timeline(season)
    m = marks if marks is not None else day_marks(season, tl).get(athlete)  # the squad's, kept (planner.memo)
    if m is None or not 0 <= i < tl.n:
        return []
    rows = []
    if i in m.role:
        said = role_text(m.role[i])
        if i in m.match_roles:  # each competition of the day in its own role
            said = "; ".join(f"{c.name}: {role_text(r)}"
                             for c, r in zip(tl.comp_on[i], m.match_roles[i], strict=True))
        if i < tl.p0:  # what happened: the minutes logged decide it (rules-spec.md section 9)
            from planner.history import logged_days, start_minutes

            got = logged_days(season, athlete).get(tl.days[i])
            line = start_minutes(season)
            if got is not None and got.played is not None:
                said = (f"played {got.played:g} min: " + ("started" if got.played >= line
                        else f"counted as from the bench (under {line:g} min)"
                        if got.played > 0 else "did not play"))
        elif season.plan is None and _injured_on(season, athlete, tl.days[i]):
            # no plan yet: the role as set, but an athlete in rehab does not play, and when the
            # rehab ends is the plan's to say
            said += (" as set; injured, whether the athlete is back to play by then is the "
                     "plan's to say (Plan ▸ Solve, F5)")
        else:
            said = _against_the_role_set(season, athlete, tl, i, m.role[i]) or said
        rows.append(("Role", said))
    elif season.plan is not None and tl.p0 <= i and i in tl.comp_days:
        said = _against_the_role_set(season, athlete, tl, i, None)
        if said:
            rows.append(("Role", said))
    if i in m.compensation:
        rows.append(("Session", f"compensation session: {COMPENSATION_WHY}"))
    if i in m.flare:
        rows.append(("Flare-up", _flare_words(season, athlete, tl, i)))
    if i in m.calm:
        rows.append(("Calm day", f"after the flare-up of {day_long(m.calm[i])}: at most {CALM_CAP} % "
                                 f"(RH-FL)"))
    if i in m.provisional:
        ap = season.plan.for_athlete(athlete) if season.plan is not None else None
        stage = ap.stages[i] if ap is not None and i < len(ap.stages) else None
        moves = waiting_exits(m, i, stage) or tuple(
            e for e in (governing_exit(m, i),) if e is not None)
        if moves:
            said = "; then ".join(e.words(tl) for e in moves)
            firm = ("a passing result makes it firm" if len(moves) == 1 else
                    "passing results make them firm")
            rows.append(("Provisional", f"{said} (RH-CRIT): {firm}"))
    return rows
