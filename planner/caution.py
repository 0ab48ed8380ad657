"""Cautions the log puts on an athlete's planned speed days and on their next match: a pain listed
to the coach (``planner.progress.listed_pains``: a fit athlete's pain at the pain warning's
threshold or one below it, or one just below a protocol's flare-up threshold in rehab or back lately; not a
flare-up recorded nor one proposed, which have words of their own), and a run of days logged
without training (ill, absent). The plan is not changed for them (that would be a rule): the
Inspector, ``explain``, the workbook and the handout say them on the day, so the coach checks
with the athlete before they sprint or play, and Plan Check, ``check`` and ``solve`` name the
pains logged up to today that caution a day from today on (:func:`pain_checks`). Each caution has two
wordings, kept here: the staff's (the app, ``explain``, the workbook) and the player's own
(their handout)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.history import logged_days
from planner.season import SPEED_DAY, Plan, Season
from planner.text import day as day_words
from planner.timeline import Timeline

if TYPE_CHECKING:
    from planner.progress import PainAlert
    from planner.returns import AthleteFacts

PAIN_CAUTION_DAYS = 7  # the planned speed days this soon after a pain logged carry its note
IDLE_RUN = 2  # this many days in a row logged without training put a note on the next speed day

# the words of each caution: the staff's, the player's; {act}: what the day asks of them
PAIN_STAFF = "Pain {pain}/10 logged {day}: check with the athlete before {act}"
PAIN_PLAYER = "You logged pain {pain}/10 on {day}: tell the coach before you {act} if it still hurts"
PAIN_ACTS = {"speed": ("sprinting", "sprint"), "match": ("they play", "play")}  # (staff, player)
IDLE_STAFF = ("First speed day after {n} days logged without training ({since} – {until}): "
              "check the athlete is well before sprinting")
IDLE_PLAYER = ("First speed day after {n} days without training: tell the coach before you "
               "sprint if you are not fully well")


@dataclass(frozen=True)
class Caution:
    """One caution of a day, in the staff's words and in the player's."""

    staff: str
    player: str

    def text(self, to_player: bool = False) -> str:
        return self.player if to_player else self.staff


def logged_idle(season: Season, athlete: str, day: dt.date) -> bool:
    """Was ``day`` logged with no minutes (ill, absent, rested): no session at all?"""
    got = logged_days(season, athlete).get(day)
    return got is not None and not got.minutes


def caution_notes(season: Season, athlete: str, plan: Plan | None = None,
                  tl: Timeline | None = None, *, to_player: bool = False,
                  facts: AthleteFacts | None = None) -> dict[dt.date, str]:
    """Day -> the caution of each planned speed day (today on, not a match day) of ``athlete``
    and of his next match: "Pain 5/10 logged Fri 25 Sep: check with the athlete before
    sprinting" on those within PAIN_CAUTION_DAYS after the pain, and "…: check with the athlete
    before he plays" on the first match day after it he is planned to play (start or bench), a
    starter's speed exposure, unless a planned speed day came first and said it; "First speed day
    after 3 days logged without training (Thu 24 – Sat 26 Sep): check the athlete is well before
    sprinting" on the first speed day after IDLE_RUN or more days in a row logged without
    training. ``to_player``: in the player's own words (his handout), "You logged pain 5/10 on
    Fri 25 Sep: tell the coach before you sprint if it still hurts". ``facts``: the athlete's
    facts of this plan when the caller holds them (a Prescriber's), read for who plays rather
    than worked out again."""
    plan = plan if plan is not None else season.plan
    ap = plan.for_athlete(athlete) if plan is not None else None
    if ap is None:
        return {}
    tl = tl if tl is not None else Timeline(season)
    out: dict[dt.date, list[str]] = {}
    for day, caution in (_pain_cautions(season, athlete, tl, ap, facts)
                         + _idle_cautions(season, athlete, tl, ap)):
        out.setdefault(day, []).append(caution.text(to_player))
    return {day: "; ".join(words) for day, words in out.items()}


def _speed_day(tl: Timeline, ap, i: int) -> bool:
    """Is day ``i`` a planned speed day (not a match day)?"""
    return ap.intensity[i] >= SPEED_DAY and not tl.is_comp[i]


def _pain_words(p, act: str) -> Caution:
    """A listed pain's caution (``p``: a :class:`planner.progress.PainAlert`); one just below a
    protocol's flare-up threshold says to the staff what its listing says to do if it lasts."""
    staff, player = PAIN_ACTS[act]
    got = {"pain": f"{p.pain:g}", "day": day_words(p.date)}
    said = PAIN_STAFF.format(act=staff, **got)
    if hold := getattr(p, "HOLD", ""):
        said += f"; if not pain-free, {hold}"
    return Caution(said, PAIN_PLAYER.format(act=player, **got))


def _pain_cautions(season: Season, athlete: str, tl: Timeline, ap,
                   facts: AthleteFacts | None = None) -> list[tuple[dt.date, Caution]]:
    """The speed days (today on) within PAIN_CAUTION_DAYS after each pain listed, and the first
    match day in them the athlete is planned to play when no speed day came before it."""
    return [(tl.days[i], _pain_words(p, act))
            for p, i, act in _pain_days(season, athlete, tl, ap, facts)]


def _pain_days(season: Season, athlete: str, tl: Timeline, ap,
               facts: AthleteFacts | None = None,
               alerts: list[PainAlert] | None = None) -> list[tuple[PainAlert, int, str]]:
    """(pain, day index, act) of each day from today on a pain listed to the coach
    (``planner.progress.listed_pains``: a fit player's, one just below a protocol's flare-up
    threshold; ``alerts``: the athlete's, when read already) cautions: the planned speed days
    within PAIN_CAUTION_DAYS after it ("speed"), and the first match day in them the athlete is
    planned to play when no speed day came before it ("match")."""
    from planner.progress import listed_pains

    alerts = listed_pains(season, athlete) if alerts is None else alerts
    if not alerts:
        return []
    played = _played(season, tl, ap) if facts is None else list(facts.played)
    n = min(tl.n, len(ap.intensity))
    out = []
    for p in alerts:
        first = (p.date - tl.start).days + 1
        days = range(max(0, first), min(n, first + PAIN_CAUTION_DAYS))
        out += [(p, i, "speed") for i in days if i >= tl.p0 and _speed_day(tl, ap, i)]
        nxt = next((i for i in days if _speed_day(tl, ap, i) or played[i]), None)
        if nxt is not None and nxt >= tl.p0 and played[nxt]:
            out.append((p, nxt, "match"))
    return out


def _played(season: Season, tl: Timeline, ap) -> list[bool]:
    """Per day: is the athlete planned to play a match (start or bench: who plays, as
    planner.returns reads it)? None played for a plan not of this season's days."""
    from planner.returns import AthleteFacts
    from planner.rules import RuleSet

    if len(ap.stages) != tl.n or len(ap.intensity) != tl.n:
        return [False] * tl.n
    return list(AthleteFacts(season, tl, RuleSet(season.rules), ap).played)


def _idle_runs(season: Season, athlete: str, tl: Timeline) -> list[tuple[int, int]]:
    """(first, last) day indexes of the runs of training and match days logged without
    training, before today; days with neither between them (a Sunday) do not break a run."""
    runs, first, last = [], None, None
    for i in range(tl.p0):
        if not (tl.is_training[i] or tl.is_comp[i]):
            continue
        if logged_idle(season, athlete, tl.days[i]):
            first, last = (i if first is None else first), i
        elif first is not None:
            runs.append((first, last))
            first = None
    if first is not None:
        runs.append((first, last))
    return runs


def _idle_cautions(season: Season, athlete: str, tl: Timeline, ap) -> list[tuple[dt.date, Caution]]:
    """The first speed day after each run of IDLE_RUN or more days logged without training,
    when it is still planned (today on) and no session with minutes was logged after the run."""
    logged = logged_days(season, athlete)
    out = []
    for first, last in _idle_runs(season, athlete, tl):
        days = [i for i in range(first, last + 1) if tl.is_training[i] or tl.is_comp[i]]
        if len(days) < IDLE_RUN:
            continue
        nxt = next((i for i in range(last + 1, min(tl.n, len(ap.intensity)))
                    if _speed_day(tl, ap, i)), None)
        if nxt is None or nxt < tl.p0:
            continue
        if any((got := logged.get(tl.days[i])) is not None and got.minutes
               for i in range(last + 1, tl.p0)):
            continue  # trained since: back already
        a, b = tl.days[first], tl.days[last]
        since = day_words(a) if a.month != b.month else day_words(a).rsplit(" ", 1)[0]
        out.append((tl.days[nxt], Caution(
            IDLE_STAFF.format(n=len(days), since=since, until=day_words(b)),
            IDLE_PLAYER.format(n=len(days)))))
    return out


@dataclass(frozen=True)
class PainCheck:
    """An athlete's pain listed on a day up to today (the latest of them) and the planned days
    from today on that their listed pains caution (Plan Check, ``check`` and ``solve``): the
    plan is not changed for it, so the coach checks with the athlete first."""

    pain: PainAlert
    days: tuple[tuple[dt.date, int, str], ...]  # (day, planned level, act: "speed" or "match")

    def text(self, season: Season, app: bool = False) -> str:
        """"Kofi Mensah (A07) logged pain 4/10 on Wed 14 Oct 2026 back after …, just below the
        protocol's 5/10 for a flare-up: the plan counts the session as done; planned 95 % on
        Mon 19 Oct 2026: check with the athlete before sprinting; if the session was not
        pain-free, hold …" (``app``: what to do in the app's words)."""
        from planner.text import day_long, join_and

        p = self.pain
        planned = join_and([f"{level} % on {day_long(d)}" if act == "speed" else
                            f"a match on {day_long(d)}" for d, level, act in self.days])
        todo = p.app_what_to_do() if app else p.WHAT_TO_DO
        ask = f"check with the athlete before {PAIN_ACTS[self.days[0][2]][0]}"
        if todo.startswith("check with the athlete"):  # its own words say it (a fit player's 4/10)
            ask, todo = todo, ""
        return f"{p.fact(season)}; planned {planned}: {ask}" + (f"; {todo}" if todo else "")


def pain_checks(season: Season, plan: Plan | None = None) -> list[PainCheck]:
    """Per athlete, the pains listed (``planner.progress.listed_pains``) on days up to today
    whose caution falls on a planned speed day or match from today on: one each, by athlete.
    The sprint before a pain is read from ``plan`` too: ``solve`` passes its new plan with the
    season as loaded (no plan stored before a first solve), and named nothing ``check`` then
    named."""
    from planner.progress import listed_pains
    from planner.season import planning_start

    plan = plan if plan is not None else season.plan
    if plan is None:
        return []
    if plan is not season.plan:
        season = season.model_copy(update={"plan": plan})
    today, tl = planning_start(season), None
    by_athlete: dict[str, list[PainAlert]] = {}
    for p in listed_pains(season):
        if p.date <= today:  # a session logged today is lived: its pain cautions tomorrow on
            by_athlete.setdefault(p.athlete, []).append(p)
    out = []
    for athlete, alerts in by_athlete.items():
        ap = plan.for_athlete(athlete)
        if ap is None:
            continue
        tl = tl if tl is not None else Timeline(season)
        found = _pain_days(season, athlete, tl, ap, alerts=alerts)
        if not found:
            continue
        days = {i: act for _p, i, act in sorted(found, key=lambda x: x[1])}  # a day said once
        out.append(PainCheck(max((p for p, _i, _a in found), key=lambda p: p.date), tuple(
            (tl.days[i], ap.intensity[i], act) for i, act in sorted(days.items()))))
    from planner.squad import display_ids

    order = {a: k for k, a in enumerate(display_ids(season, plan))}
    return sorted(out, key=lambda c: order.get(c.pain.athlete, len(order)))
