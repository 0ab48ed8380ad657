"""A season in progress (rules-spec.md section 9): moving ``today`` and what the log proposes.

- :func:`projected_transitions`: the stage changes the stored plan projected between the current
  planning start and a new ``today`` — offered as the injury records' history when ``today``
  moves forward; the coach accepts each (editing its date if it happened on another day) or marks
  it not done (the athlete stays in the stage). A change whose stage the log shows left short of
  its exit work (one day at 90 % where two are needed: the planned sessions went otherwise) says
  so, and is offered unticked (docs/semantics.md, "Stage changes the log does not bear out").
- :func:`later_records`: what lies after a ``today`` moved back (stage records, flare-ups, tests,
  logged sessions): kept, and counted again once ``today`` passes them.
- :func:`flare_proposals`: a logged pain at or above the protocol's ``pain_flare`` for an athlete
  in rehab, or within 28 days of returning to FIT, proposes a flare-up on that date; nothing
  changes until the coach confirms it.
- :func:`pain_alerts`: the same pain from an athlete it cannot propose a flare-up for (fit and
  not back lately, or never injured): listed with the log's flags, so that a new injury is not
  missed; nothing changes.
- :func:`pains_below_flare`: a pain one below the protocol's ``pain_flare`` where one at it
  would propose a flare-up: listed too (the plan counts the session as done); nothing changes.
- :func:`pains_below_alert`: a fit player's pain one below the alert of :func:`pain_alerts`
  (4/10): listed too, naming a session at 90 % or more in the SPRINT_PAIN_DAYS before it
  ("hamstring tight" the day after a 96 % sprint; a match counts only with a top speed logged);
  nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from dataclasses import dataclass, replace

from planner.history import flare_hold, logged_days
from planner.protocols import cap_mark, load_protocol
from planner.rehab import athlete_stage_on, athlete_stages, governing, played_hurt, stage_order
from planner.rules import CALM_CAP
from planner.season import FIT, INJ, SPEED_DAY, Season
from planner.text import date_short, day_long, join_and, plural, rehab_where, stage_name_on
from planner.text import day as day_short
from planner.timeline import Timeline
from planner.validate import competitions_on, planning_start

RECENT_RETURN_DAYS = 28  # a pain logged this soon after the return to FIT still proposes a flare-up
PAIN_ALERT = 5  # a pain at or above it is listed for an athlete without a protocol to ask (the
# protocols' default pain_flare)
INJURY_COVERS_DAYS = 14  # an injury recorded with an onset this soon after the pain accounts for it


@dataclass(frozen=True)
class Transition:
    """A stage change the stored plan projected: ``athlete`` enters ``stage`` on ``date``."""

    athlete: str
    stage: str
    date: dt.date
    waits_on: tuple[str, ...] = ()  # criteria of the stage left without a passing result (RH-CRIT)
    short: str = ""  # the stage left short of its exit by what was logged: the checker's sentence
    pain: FlareProposal | None = None  # a logged pain proposing a flare-up, on or before the day

    def text(self, season: Season) -> str:
        what = ("back to full training" if self.stage == FIT else
                f"enters {stage_name_on(season, self.athlete, self.stage, self.date)}")
        return f"{season.athlete_label(self.athlete)} {what} on {day_long(self.date)}{self.waits()}"

    def waits(self) -> str:
        """`` (provisional: Hip-flexor strength LSI not passed)`` or ""."""
        if not self.waits_on:
            return ""
        return f" (provisional: {', '.join(self.waits_on)} not passed)"


def projected_transitions(season: Season, today: dt.date, sessions=None) -> list[Transition]:
    """The stored plan's stage changes on days from the planning start to the day before
    ``today`` that the injury records do not hold yet (none without a plan or moving back), each
    with what the log says against it (``short``). ``sessions``: the log as it will be after the
    move (the season's own when None), e.g. with the week's log being read."""
    plan = season.plan
    if plan is None:
        return []
    tl = Timeline(season)
    lo = tl.p0
    hi = min(tl.n, (today - tl.start).days)
    from planner.daymarks import day_marks

    out = []
    for a in season.athletes:
        records = season.injuries_of(a.id)
        ap = plan.for_athlete(a.id)
        if not records or ap is None or len(ap.stages) != tl.n:
            continue
        before = athlete_stage_on(records, tl.days[lo] - dt.timedelta(days=1)) if lo < tl.n else FIT
        waits = None
        for d in range(lo, hi):
            st = ap.stages[d]
            if st != before and st != INJ and athlete_stage_on(records, tl.days[d]) != st:
                if waits is None:  # the plan's exits that wait on a criteria test not passed
                    waits = {(e.day, e.to): e.missing
                             for e in day_marks(season, tl)[a.id].exits}  # the squad's, kept
                # not yet a record or a flare-up's
                out.append(Transition(a.id, st, tl.days[d], waits.get((d, st), ())))
            before = st
    if not out:
        return out
    return _after_pain(season, tl.days[lo] if lo < tl.n else today,
                       _short_by_log(season, today, out, sessions), sessions)


def _after_pain(season: Season, since: dt.date, moves: list[Transition],
                sessions) -> list[Transition]:
    """``moves`` with the first pain that proposes a flare-up (not recorded) marked on each
    change of the same athlete on or after its day: the plan that projected the change did not
    know of the pain, and a flare-up on that day would send the athlete back instead (a move
    over the weeks of a 6/10 pain recorded "enters P3" on its very day). Pains from
    PAIN_LOOKBACK_DAYS before the old planning start ``since`` count, as Move Today offers them;
    ``sessions``: the log as it will be after the move (the season's own when None)."""
    s = season if sessions is None else season.model_copy(update={"sessions": tuple(sessions)})
    first = since - dt.timedelta(days=PAIN_LOOKBACK_DAYS)
    pains: dict[str, list[FlareProposal]] = {}
    for p in flare_proposals(s):
        if p.date >= first:
            pains.setdefault(p.athlete, []).append(p)
    return [replace(t, pain=next((p for p in pains.get(t.athlete, ()) if p.date <= t.date), None))
            for t in moves]


def _short_by_log(season: Season, today: dt.date, moves: list[Transition],
                  sessions) -> list[Transition]:
    """``moves`` with the stage changes the log does not bear out marked: the plan's days before
    the new ``today`` read as what happened (the log's top speeds, a day not trained), checked
    from the old planning start; a stage the plan leaves on a change's day without its minimum
    or its exit work (RH-STAGE) is short by the log. A day logged without a top speed keeps
    the planned level: no evidence against it; minutes played in a match on or after the
    change's day bear it out whatever the speeds."""
    from dataclasses import replace

    from planner.check import check_plan
    from planner.history import past_days

    s = season if sessions is None else season.model_copy(update={"sessions": tuple(sessions)})
    moved = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": today})})
    tl = Timeline(moved)
    who = {t.athlete for t in moves}
    # the days read under the stages the plan projected (as if every change were accepted): a
    # day with nothing logged keeps its planned level, not one capped by the stage left
    athletes, changed = [], False
    for ap in s.plan.athletes:
        if ap.athlete in who and len(ap.stages) == tl.n:
            past = past_days(moved, ap.athlete, tuple(ap.stages[:tl.p0]), tl, stored=s.plan)
            if past.intensity != tuple(ap.intensity[:tl.p0]):
                ap = ap.model_copy(update={"intensity": past.intensity + ap.intensity[tl.p0:]})
                changed = True
        athletes.append(ap)
    if not changed:
        return moves  # what happened is what the plan planned: its changes follow from it
    lived = s.plan.model_copy(update={"athletes": tuple(athletes)})

    def exits(season: Season, plan) -> dict[tuple[str, dt.date], str]:
        out: dict[tuple[str, dt.date], str] = {}
        for v in check_plan(season, plan).violations:
            if v.exit and v.athlete in who:  # a minimum and the exit work short: both said
                key = (v.athlete, v.end + dt.timedelta(days=1))
                said = v.message.removeprefix(f"{v.rule}: ")
                out[key] = f"{out[key]} {said}" if key in out else said
        return out

    short = exits(s, lived)
    if short:
        # only what the log brings: a plan short already by its own days (the season changed
        # since the solve) is not. Read without the log: the checker reads the days before
        # today from it, so a stored plan not re-planned since (advance --no-replan) was "short
        # already" by the very log, and the next move recorded the change unsaid
        for key in exits(s.model_copy(update={"sessions": ()}), s.plan):
            short.pop(key, None)
    # nor a change the log bears out later: the athlete logged minutes in a match after it
    # (a long move of today over weeks the player was back in, a top speed logged low once)
    played = {}
    for x in s.sessions:
        if x.minutes_played and x.date < today:
            played.setdefault(x.athlete, []).append(x.date)
    return [replace(t, short=short.get((t.athlete, t.date), "")
                    if not any(d >= t.date for d in played.get(t.athlete, ())) else "")
            for t in moves]


def recordable(moves: list[Transition]) -> list[Transition]:
    """The changes ``advance --accept`` records: all but one the log shows short and the same
    athlete's changes after it (a stage not left leaves no later stage either)."""
    held: set[str] = set()
    out = []
    for t in sorted(moves, key=lambda t: t.date):
        if t.short or t.athlete in held:
            held.add(t.athlete)
            continue
        out.append(t)
    return out


@dataclass(frozen=True)
class Later:
    """Something recorded after ``today`` (kept; it counts again once today passes it)."""

    athlete: str
    what: str
    date: dt.date
    last: dt.date | None = None  # several days (an athlete's logged sessions): the last of them

    def text(self, label: str, day_text) -> str:
        """``Tom Berger (A01): 12 logged sessions from Thu 1 Oct to Mon 30 Nov``, the days
        written by ``day_text``."""
        if self.last is None or self.last == self.date:
            return f"{label}: {self.what} on {day_text(self.date)}"
        return f"{label}: {self.what} from {day_text(self.date)} to {day_text(self.last)}"


def later_records(season: Season, today: dt.date) -> list[Later]:
    """Stage records, flare-ups, tests and logged sessions dated on or after ``today``."""
    out: list[Later] = []
    for inj in season.injuries:
        out += [Later(inj.athlete, f"stage {r.stage}", r.start) for r in inj.stages if r.start >= today]
        out += [Later(inj.athlete, "flare-up", f) for f in inj.flare_ups if f >= today]
        out += [Later(inj.athlete, f"test {t.name}", t.date) for t in inj.tests if t.date >= today]
    days: dict[str, set[dt.date]] = {}
    for x in season.sessions:
        if x.date >= today:
            days.setdefault(x.athlete, set()).add(x.date)
    # one line per athlete: a season's log moved back over would be hundreds of lines
    out += [Later(a, plural(len(d), "day") + " of logged sessions" if len(d) > 1 else "logged session",
                  min(d), max(d)) for a, d in days.items()]
    return sorted(out, key=lambda x: (x.date, x.athlete, x.what))


# how the command line records the stage changes, and moves a flare-up ({athlete}, {date})
STAGE_FIX = "advance --accept, or record --stage-start"
FLARE_FIX = "record --flare-up {athlete} {date} instead"


@dataclass(frozen=True)
class PlayedInRehab:
    """Logged minutes played in competitions on days the injury's records hold the athlete in a
    rehab stage: the log says the athlete was back, the records do not (stage changes not
    recorded, e.g. 'advance' without --accept). Nothing changes; the coach records what happened."""

    athlete: str
    days: tuple[dt.date, ...]
    stages: tuple[str, ...]  # the recorded stages on those days, in order, each once

    def said(self, season: Season, names: str = "") -> str:
        """The fact, without the advice: "A2 logged minutes played in 2 competitions from Sat 9
        Jan 2027 ('Match 1' and 'Match 2') while in P1 by the injury's records" (``names``: the
        competitions, said in brackets)."""
        n = len(self.days)
        # "4 competitions ... while in S1" read wrong when the later ones were in S2 by then
        return (f"{season.athlete_label(self.athlete)} logged minutes played in "
                f"{n} competition{'s' if n != 1 else ''} from {day_long(self.days[0])}"
                f"{f' ({names})' if names else ''} while {rehab_where(self.stages)} by the "
                f"injury's records")

    def text(self, season: Season, fix: str = STAGE_FIX, flare_fix: str = FLARE_FIX) -> str:
        return (f"{self.said(season)}: "
                f"{played_in_rehab_advice(season, self.athlete, self.days, fix, flare_fix)}")

    def by_cause(self, season: Season) -> list[PlayedInRehab]:
        """These days split where a different record or flare-up of ``season`` holds them in
        rehab (the advice reads the first day's: a flare-up between the matches fell to the
        one before it)."""
        runs: dict[tuple, list[dt.date]] = {}
        for d in self.days:
            inj = governing(sorted(season.injuries_of(self.athlete), key=lambda r: r.onset), d)
            runs.setdefault((inj and inj.onset, flare_up_before(season, self.athlete, d)),
                            []).append(d)
        records = sorted(season.injuries_of(self.athlete), key=lambda r: r.onset)
        return [PlayedInRehab(self.athlete, tuple(days), tuple(dict.fromkeys(
                    athlete_stage_on(records, d) for d in days))) for days in runs.values()]


def flare_up_before(season: Season, athlete: str, day: dt.date) -> dt.date | None:
    """The flare-up that puts ``athlete`` in the stage the records give on ``day`` (the last
    change of the governing record up to ``day`` is that flare-up), else None."""
    from planner.rehab import segments

    inj = governing(list(season.injuries_of(athlete)), day)
    if inj is None:
        return None
    segs = segments(inj, load_protocol(inj.protocol), until=day)
    return segs[-1].start if segs and segs[-1].cause == "flare-up" else None


def flare_after_match_words(days: tuple[dt.date, ...] | list[dt.date], fix: str,
                            played: str = "worth a word with the physio") -> str:
    """The way out for matches logged played on or after a flare-up's date: it came after them,
    so its date is the day after the last; ``fix`` says how (``{date}``: that day, ISO);
    ``played``: what to do if they played with it."""
    then = max(days) + dt.timedelta(days=1)
    them = "it" if len(days) == 1 else "them"
    return (f"if the flare-up came after {them}, its date is the day after their last match, "
            f"{day_long(then)} ({fix.format(date=then.isoformat())}); if they played with it, "
            f"{played}")


def played_after_flare_up(before: Season, after: Season, athlete: str,
                          day: dt.date) -> tuple[dt.date, ...]:
    """The competition days after ``day`` (a flare-up of ``athlete`` recorded in ``after``, not
    in ``before``) up to today with minutes logged played that the flare-up puts in rehab, or
    in another stretch of it (a match in S3 that a second flare-up puts in S2): asked about
    before it is recorded (a flare-up back-dated before 9 matches played was stored first and
    questioned after). The flare-up's own day is not one: it may have come in that match."""
    return tuple(d for p in played_in_new_stages(before, after) if p.athlete == athlete
                 for d in p.days if d > day)


def played_after_flare_words(season: Season, athlete: str, day: dt.date,
                             days: tuple[dt.date, ...], fix: str, played: str) -> str:
    """``played_after_flare_up`` in words, with the way out: "the log has Kofi Mensah (A07)
    playing 9 competitions from Sat 10 Oct 2026 to Sat 28 Nov 2026, after a flare-up on Mon 24
    Aug 2026: if the flare-up came after them, ..." (``fix``, ``played``: as
    :func:`flare_after_match_words`)."""
    n = len(days)
    span = (f"on {day_long(days[0])}" if n == 1
            else f"from {day_long(days[0])} to {day_long(days[-1])}")
    return (f"the log has {season.athlete_label(athlete)} playing {plural(n, 'competition')} "
            f"{span}, after a flare-up on {day_long(day)}: "
            f"{flare_after_match_words(days, fix, played)}")


def played_in_rehab_advice(season: Season, athlete: str, days: tuple[dt.date, ...],
                           stage_fix: str, flare_fix: str, until: str = "") -> str:
    """What to do about ``days`` (matches logged played while the records hold the athlete in
    rehab), said alike by ``advance``, ``record`` and the Returns panel: a flare-up dated on the
    first of them put him there, its date the day after the last match (the panel said "record
    the stage changes", the CLI "date the flare-up the day after the match"); a flare-up dated
    before them all stays (the stage changes since, or the physio); else the stage changes not
    recorded.
    ``flare_fix``: how to move the flare-up (``{date}`` the day, ``{athlete}`` the id);
    ``until``: said after the stage changes (what holds meanwhile)."""
    flare = flare_up_before(season, athlete, min(days)) if days else None
    if flare is not None and flare == min(days):
        return flare_after_match_words(days, flare_fix.replace("{athlete}", athlete))
    if flare is not None:
        # a flare-up recorded days before every match: moving it after them cannot be what
        # happened, and would drop what the physio recorded
        return (f"the flare-up of {day_long(flare)} comes before "
                f"{'it' if len(days) == 1 else 'them'}: if they were back, record the stage changes "
                f"they went through since ({stage_fix}){until}; if not, worth a word with the "
                f"physio")
    return f"if the athlete was back, record the stage changes ({stage_fix}){until}"


def played_in_rehab(season: Season, leave_out: Set[tuple[str, dt.date]] = frozenset()
                    ) -> list[PlayedInRehab]:
    """Per athlete, the days before today with logged minutes played while the records hold the
    athlete in a rehab stage (or injured); ``leave_out``: (athlete, day) pairs not to count. An
    injury's onset is no such day: the match played that day is where the injury happened."""
    tl, today = Timeline(season), planning_start(season)
    out = []
    for a in season.athletes:
        records = sorted(season.injuries_of(a.id), key=lambda r: r.onset)
        if not records:
            continue
        days = []
        for d, x in sorted(logged_days(season, a.id).items()):
            i = tl.index(d)  # minutes played count on a competition day only (section 9)
            if (x.played and d < today and i is not None and tl.is_comp[i] and not played_hurt(records, d)
                    and (a.id, d) not in leave_out and athlete_stage_on(records, d) != FIT):
                days.append(d)
        if days:
            stages = tuple(dict.fromkeys(athlete_stage_on(records, d) for d in days))
            out.append(PlayedInRehab(a.id, tuple(days), stages))
    return out


@dataclass(frozen=True)
class PlayedAway:
    """Logged minutes played on competition days before today that the season records the
    athlete away (unavailable) on: the log and the records disagree. Nothing changes; the
    coach corrects the absence (or the log)."""

    athlete: str
    days: tuple[dt.date, ...]

    def text(self, season: Season, fix: str = "the Squad editor's Unavailable dates, or the "
                                              "coach workbook's Unavailable sheet") -> str:
        n = len(self.days)
        return (f"{season.athlete_label(self.athlete)} logged minutes played on "
                f"{n} competition day{'s' if n != 1 else ''} from {day_long(self.days[0])} "
                f"recorded as away: if the athlete played, shorten the absence ({fix})")


def played_in_rehab_since(before: Season, after: Season) -> list[PlayedInRehab]:
    """``played_in_rehab(after)`` with the days ``played_in_rehab(before)`` reported left out:
    what a log just read adds, said once (a week's import repeated every match since the
    flare-up, each Monday)."""
    said = {(p.athlete, d) for p in played_in_rehab(before) for d in p.days}
    return played_in_rehab(after, leave_out=said)


def _held_in(season: Season, athlete: str, day: dt.date) -> tuple | None:
    """What the records hold ``athlete`` in on ``day``: the governing injury's onset and the
    start, stage and cause of its stretch then (None when fit)."""
    from planner.rehab import segments

    inj = governing(sorted(season.injuries_of(athlete), key=lambda r: r.onset), day)
    if inj is None:
        return None
    segs = segments(inj, load_protocol(inj.protocol), until=day)
    return (inj.onset, segs[-1]) if segs else (inj.onset, None)


def played_in_new_stages(before: Season, after: Season) -> list[PlayedInRehab]:
    """``played_in_rehab(after)`` for the match days a change of the injury records (``before``
    -> ``after``: a flare-up, an injury, a stage recorded) puts in rehab or in another stretch of
    it, each day compared on its own: a second flare-up re-listed the matches the first had put
    in rehab, reported then, because the athlete's days as a whole had changed."""
    same = {(p.athlete, d) for p in played_in_rehab(before) for d in p.days
            if _held_in(before, p.athlete, d) == _held_in(after, p.athlete, d)}
    return played_in_rehab(after, leave_out=same)


def onset_in_question(before: Season, after: Season, athlete: str,
                      days: tuple[dt.date, ...]) -> bool:
    """``days`` (matches logged played, in rehab by ``after``) lie in an injury record just
    recorded (not in ``before``) with nothing recorded on it up to the last of them but its
    onset: its onset is what is in question, and dating it after them drops nothing. An injury
    with a history (flare-ups, stage changes, tests) is never said to need its onset moved:
    "correct the onset" of a tendinopathy from July, said after a flare-up in October, would
    have dropped its whole history."""
    inj = governing(sorted(after.injuries_of(athlete), key=lambda r: r.onset), min(days))
    if inj is None or any(r.onset == inj.onset for r in before.injuries_of(athlete)):
        return False
    last = max(days)
    return (not any(f <= last for f in inj.flare_ups)
            and all(r.start == inj.onset or r.start > last for r in inj.stages)
            and not any(t.date <= last for t in inj.tests))


def injury_after_match_words(days: tuple[dt.date, ...], fix: str) -> str:
    """The way out for matches logged played after an injury just recorded (``onset_in_question``):
    its date may be the day after the last; ``fix`` says how."""
    them = "it" if len(days) == 1 else "them"
    return (f"if they were injured after {them}, the injury's date is the day after their last "
            f"match, {day_long(max(days) + dt.timedelta(days=1))} ({fix}); if they played "
            f"injured, worth a word with the physio")


def flare_instead(season: Season, athlete: str, onset: dt.date) -> str:
    """For the injury record of ``athlete`` from ``onset`` when it is the protocol he came back
    from, no more than ``RECENT_RETURN_DAYS`` after that return, with nothing recorded on it but
    its first stage: what a flare-up recorded on that day instead would do, the usual way with a
    recurrence so soon (rules-spec.md section 6), in words ("a flare-up recorded on Mon 12 Oct
    instead takes them back to S3 sport-specific drills, not P1"), else "". A recurrence 7 days
    after the return, recorded as a new injury, started the protocol again from P1 (back nine
    weeks later) with no word of the flare-up."""
    from planner.text import stage_name

    records = sorted(season.injuries_of(athlete), key=lambda r: r.onset)
    rec = next((r for r in records if r.onset == onset), None)
    others = [r for r in records if r.onset != onset]
    prev = governing(others, onset)
    if rec is None or prev is None or prev.protocol != rec.protocol or rec.flare_ups \
            or len(rec.stages) > 1 or rec.tests or athlete_stage_on(others, onset) != FIT:
        return ""
    back = max((r.start for r in prev.stages if r.stage == FIT and r.start <= onset), default=None)
    if back is None or (onset - back).days > RECENT_RETURN_DAYS:
        return ""
    flared = prev.model_copy(update={"flare_ups": tuple(sorted((*prev.flare_ups, onset)))})
    stage = athlete_stage_on([flared if r is prev else r for r in others], onset)
    if stage in (FIT, rec.stages[0].stage):
        return ""
    return (f"a flare-up recorded on {day_long(onset)} instead takes them back to "
            f"{stage_name(stage, rec.protocol)}, not {rec.stages[0].stage}")


def played_while_away(season: Season) -> list[PlayedAway]:
    """Per athlete, the competition days before today with logged minutes played while the
    season records the athlete unavailable."""
    tl, today = Timeline(season), planning_start(season)
    out = []
    for a in season.athletes:
        off = tl.unavailable(a.id)
        if not off:
            continue
        days = [d for d, x in sorted(logged_days(season, a.id).items())
                if x.played and d < today and (i := tl.index(d)) is not None and tl.is_comp[i]
                and i in off]
        if days:
            out.append(PlayedAway(a.id, tuple(days)))
    return out


@dataclass(frozen=True)
class AboveStage:
    """A logged top speed above the cap of the rehab stage the records hold the athlete in on a
    day before today (the day of a recorded flare-up aside: its session came before it). Nothing
    changes; the plan keeps the stage, and a physio must hear of it."""

    athlete: str
    date: dt.date
    top: int  # % of max speed, whole
    stage: str
    cap: int

    def text(self, season: Season, note: str = "") -> str:
        """``note``: said after the stage's cap (:func:`above_stage_lines`)."""
        allowed = "no running" if self.cap == 0 else f"at most {self.cap} %"
        return (f"{season.athlete_label(self.athlete)} logged {self.top} % of max speed on "
                f"{day_long(self.date)} in {self.stage} ({allowed}{note})")

    def short(self) -> str:
        """``19 Aug 96 % in S2 (≤ 95 %)``, ``… in P1 (no running)``: the day in a list of the athlete's."""
        return f"{date_short(self.date)} {self.top} % in {self.stage} ({cap_mark(self.cap)})"


# what a logged speed above the stage's cap asks of the coach (nothing in the plan changes)
ABOVE_STAGE_ADVICE = ("Logged faster than the rehab stage allows: worth a word with the athlete "
                      "and the physio")


# a logged speed this many points or more above the stage's cap is said day by day; closer to
# the cap, the days are said together per athlete, below the larger breaches (17 lines of 71-73 %
# on a 70 % cap buried an 86 % in P3)
NEAR_CAP = 5


def above_stage_lines(season: Season, items: list[AboveStage],
                      note=None) -> tuple[list[str], list[str]]:
    """(one line per day at least ``NEAR_CAP`` points above its cap: the athlete with the
    largest first, each athlete's days in date order (largest first, one athlete's days read
    Wed 5, Sat 8, Mon 3 Aug); one line per athlete for the days just above it), each without a
    leading label or final stop. ``note``: AboveStage -> words said after a day's stage ("" for
    none; a run's and an athlete's near days': their first day's), such as a stage change the
    plan projected and the records do not hold yet."""
    note = note or (lambda _p: "")
    far = [p for p in items if p.top - p.cap >= NEAR_CAP]
    worst: dict[str, int] = {}
    for p in far:
        worst[p.athlete] = max(worst.get(p.athlete, 0), p.top - p.cap)
    far.sort(key=lambda p: (-worst[p.athlete], p.athlete, p.date))
    near: dict[str, list[AboveStage]] = {}
    for p in items:
        if p.top - p.cap < NEAR_CAP:
            near.setdefault(p.athlete, []).append(p)
    grouped = [f"{season.athlete_label(aid)}: " + ", ".join(p.short() for p in days)
               + (f" ({said.lstrip('; ')})" if (said := note(days[0])) else "")
               for aid, days in near.items()]
    return _run_lines(season, far, note), grouped


# an athlete's days above one stage, one after another in the list, said on one line from this
# many (a flare-up back-dated before months of full matches printed 66 lines, one a day)
ABOVE_RUN_DAYS = 3


def _run_lines(season: Season, far: list[AboveStage], note) -> list[str]:
    """A line per day of ``far`` (sorted per athlete, in date order), and one per run of
    ``ABOVE_RUN_DAYS`` or more days of one athlete in one stage: "Kofi Mensah (A07): 66 days from
    Tue 25 Aug 2026 to Sat 28 Nov 2026 logged above P1 (no running), 62 to 100 % of max speed"."""
    runs: list[list[AboveStage]] = []
    for p in far:
        if runs and (runs[-1][-1].athlete, runs[-1][-1].stage) == (p.athlete, p.stage):
            runs[-1].append(p)
        else:
            runs.append([p])
    out = []
    for run in runs:
        if len(run) < ABOVE_RUN_DAYS:
            out += [p.text(season, note(p)) for p in run]
            continue
        first, lo, hi = run[0], min(p.top for p in run), max(p.top for p in run)
        allowed = "no running" if first.cap == 0 else f"at most {first.cap} %"
        out.append(f"{season.athlete_label(first.athlete)}: {len(run)} days from "
                   f"{day_long(first.date)} to {day_long(run[-1].date)} logged above "
                   f"{first.stage} ({allowed}{note(first)}), {f'{lo} to ' if lo < hi else ''}"
                   f"{hi} % of max speed")
    return out


def above_stage(season: Season) -> list[AboveStage]:
    """The days before today whose logged top speed is above the recorded rehab stage's cap (the
    inspector's RH-CAP fact), in date order."""
    today = planning_start(season)
    out = []
    for a in season.athletes:
        records = sorted(season.injuries_of(a.id), key=lambda r: r.onset)
        if not records:
            continue
        stage_on = athlete_stages(records)
        for d, x in sorted(logged_days(season, a.id).items()):
            if d >= today or x.top_pct is None:
                continue
            rec, stage = governing(records, d), stage_on(d)
            if rec is None or stage == FIT or d in rec.flare_ups or d == rec.onset:
                continue  # the session that flared up, or the one the injury happened in
            proto = load_protocol(rec.protocol)
            cap = proto.cap(stage) if stage in proto.stage_ids else 0
            if round(x.top_pct) > cap and cap < 100:  # 100 % allows all: 101 % is a new max
                out.append(AboveStage(a.id, d, round(x.top_pct), stage, cap))
    return sorted(out, key=lambda x: (x.date, x.athlete))


# a logged pain that proposes a flare-up not recorded is news this long before today: offered
# again by Move Today and said by an import without a season before it; older ones are counted,
# not repeated (the Log panel marks each)
PAIN_LOOKBACK_DAYS = 7
# those Move Today names by athlete and day (a pain of August repeated every week through April
# was noise beside this week's); before them, a count and where they are (the workbook's Cover
# keeps the whole list)
PAIN_NAMED_DAYS = 28


def new_to_the_coach(items: list, after: Season, before: Season | None) -> tuple[list, list]:
    """(new, older) of ``items``, logged pains of ``after`` (flare-up proposals, pain alerts):
    over a season ``before``, new are those of the sessions it had not (the pains this import or
    log brings); without one, those logged at most PAIN_LOOKBACK_DAYS before today. Said every
    time, the old ones buried the line that mattered."""
    if before is not None:
        had = set(before.sessions)
        brought = {(x.athlete, x.date) for x in after.sessions if x.pain is not None and x not in had}
        new = [p for p in items if (p.athlete, p.date) in brought]
    else:
        since = planning_start(after) - dt.timedelta(days=PAIN_LOOKBACK_DAYS)
        new = [p for p in items if p.date >= since]
    return new, [p for p in items if p not in new]


@dataclass(frozen=True)
class FlareProposal:
    athlete: str
    date: dt.date
    pain: float
    threshold: int

    def text(self, season: Season) -> str:
        return (f"{season.athlete_label(self.athlete)} logged pain {self.pain:g}/10 on "
                f"{day_long(self.date)}, at or above the protocol's {self.threshold}/10 for a "
                f"flare-up")

    def note(self, sessions) -> str:
        """The note of the flare-up recorded from this pain: "pain 5/10 logged: hamstring
        tight", with the notes of the day's ``sessions`` (the coach's words stayed on the
        session only, and the injury history read "pain 5/10 logged")."""
        said = notes_of(sessions, self.athlete, self.date)
        return f"pain {self.pain:g}/10 logged" + (f": {said}" if said else "")


def notes_of(sessions, athlete: str, day: dt.date) -> str:
    """The notes logged for ``athlete`` on ``day`` among ``sessions``, each once, "; " between
    them ("" with none)."""
    return "; ".join(dict.fromkeys(x.note.strip() for x in sessions
                                   if x.athlete == athlete and x.date == day and x.note.strip()))


def flare_note(season: Season, athlete: str, day: dt.date) -> str:
    """The note of a flare-up recorded on ``day`` from anywhere (the board's cell menu, the
    Inspector): the day's logged pain and notes as :meth:`FlareProposal.note` says them ("pain
    6/10 logged: hip sore after sprints"), the notes alone without a pain, "" with neither. The
    cell menu's flare-up left the injury history a bare date where the Log's kept the pain."""
    logged = [x for x in season.sessions if x.athlete == athlete and x.date == day]
    pain = max((x.pain for x in logged if x.pain), default=None)
    if pain is not None:
        return FlareProposal(athlete, day, pain, 0).note(logged)
    return notes_of(logged, athlete, day)


def flare_proposals(season: Season, athlete: str | None = None) -> list[FlareProposal]:
    """Logged pains that propose a flare-up (rules-spec.md section 9), not yet recorded (of one
    athlete with ``athlete``)."""
    return [FlareProposal(*p) for p in _rehab_pains(season, athlete, lambda pain, flare: pain >= flare)]


def _rehab_pains(season: Season, athlete: str | None, keep) -> list[tuple[str, dt.date, float, int]]:
    """(athlete, day, pain, the protocol's ``pain_flare``) of the logged pains ``keep(pain,
    pain_flare)`` takes, on days a flare-up could be proposed: in rehab or back lately, past the
    injury's first stage record, not on a recorded flare-up's day nor in its calm days, and not
    in the protocol's first stage (:func:`_no_flare_up_of_its_own`)."""
    out, tl = [], None
    for a in season.athletes:
        if athlete is not None and a.id != athlete:
            continue
        records = season.injuries_of(a.id)
        if not records:
            continue
        tl = tl if tl is not None else Timeline(season)
        for day, logged in sorted(logged_days(season, a.id).items()):
            rec = governing(records, day)
            if logged.pain is None or rec is None or day in rec.flare_ups:
                continue
            if not rec.stages or day <= rec.stages[0].start:
                continue  # the pain of the injury itself: a flare-up needs a stage before it
            proto = load_protocol(rec.protocol)
            if not keep(logged.pain, proto.pain_flare) or not _in_rehab_or_back_lately(records, day):
                continue
            if _no_flare_up_of_its_own(season, a.id, records, day, tl):
                continue
            out.append((a.id, day, logged.pain, proto.pain_flare))
    return out


def _no_flare_up_of_its_own(season: Season, athlete: str, records: list, day: dt.date,
                            tl: Timeline) -> bool:
    """A pain on ``day`` that is no new flare-up: one in the calm days of a flare-up recorded
    (RH-FL's window, :func:`planner.history.flare_hold`) belongs to it, and one in the
    protocol's first stage has no running to stop and no stage further back to go to (by the
    records, and by the stored plan: a later stage it projected for that day, not recorded yet,
    is what Move Today offers as history, and the pain is said beside it)."""
    first = stage_order(load_protocol(governing(records, day).protocol))[0]
    if athlete_stage_on(records, day) == first:
        ap = season.plan.for_athlete(athlete) if season.plan is not None else None
        i = tl.index(day)
        if ap is None or i is None or len(ap.stages) != tl.n or ap.stages[i] in (first, INJ):
            return True
    return flare_hold(season, athlete, day, tl) is not None


def if_no_flare_up(season: Season, athlete: str, since: dt.date | None = None) -> str:
    """`` if the pain of Fri 2 Oct 2026 is not a flare-up``: what a return planned for
    ``athlete`` stands on while a logged pain proposes a flare-up not recorded (from ``since``
    on), "" when none does. The plan reads such a pain as no flare-up, so a return moved earlier
    beside "Proposed flare-up" for the same athlete read as settled; recorded, it moves later."""
    days = [p.date for p in flare_proposals(season, athlete) if since is None or p.date >= since]
    if not days:
        return ""
    one = len(days) == 1
    return (f" if the pain{'' if one else 's'} of {join_and([day_long(d) for d in days])} "
            f"{'is not a flare-up' if one else 'are not flare-ups'}")


def pending_flare_ups(season: Season, old_today: dt.date,
                      new_today: dt.date) -> tuple[list[FlareProposal], list[FlareProposal]]:
    """(offered, older): the flare-ups logged pains of ``season`` propose, not recorded, as a
    move of today from ``old_today`` to ``new_today`` meets them. Offered: those logged from
    PAIN_LOOKBACK_DAYS before the old today up to the day before the new today (the app's Move
    Today ticks them, ``advance`` says them with the record command); older: counted only."""
    since = old_today - dt.timedelta(days=PAIN_LOOKBACK_DAYS)
    pending = flare_proposals(season)
    return ([p for p in pending if since <= p.date < new_today],
            [p for p in pending if p.date < since])


@dataclass(frozen=True)
class SpeedAfterPain:
    """A planned day at more than RH-FL's calm level in the days a flare-up proposed by a logged
    pain would keep calm, while the flare-up is not recorded: the plan does not know of the pain,
    so a coach reading that day must (a physio found an 80 % sprint planned for the day after a
    pain of 6/10, with nothing about the pain on that day)."""

    proposal: FlareProposal
    date: dt.date
    level: int

    def text(self, season: Season) -> str:
        p = self.proposal
        return (f"{season.athlete_label(p.athlete)} is planned {self.level} % on "
                f"{day_long(self.date)}, {plural((self.date - p.date).days, 'day')} after a pain "
                f"of {p.pain:g}/10 logged on {day_long(p.date)} that proposes a flare-up, not "
                f"recorded: if it is one, record it (no running that day, at most {CALM_CAP} % on the "
                f"days after it) and re-plan")


def speed_after_pain(season: Season, plan=None, athlete: str | None = None) -> list[SpeedAfterPain]:
    """Days from today on that a flare-up proposed by a logged pain (not recorded) would keep
    calm (RH-FL: the day itself and its calm days, up to the athlete's ``calm_days``-th day
    trained after it: days away do not count) but the plan runs above them (CALM_CAP)."""
    from planner.history import calm_window

    plan = plan if plan is not None else season.plan
    if plan is None:
        return []
    tl, start = Timeline(season), planning_start(season)
    out = []
    for p in flare_proposals(season, athlete):
        ap = plan.for_athlete(p.athlete)
        if ap is None:
            continue
        for day, cap in calm_window(season, p.date, p.athlete, tl):
            i = tl.index(day)
            if day >= start and i is not None and i < len(ap.intensity) and ap.intensity[i] > cap:
                out.append(SpeedAfterPain(p, day, ap.intensity[i]))
    return out


@dataclass(frozen=True)
class PainAlert(FlareProposal):
    """A logged pain at or above the alert threshold that proposes no flare-up: the athlete is
    fit (not back lately) or has no injury record. Nothing changes; the coach decides."""

    # what to do, in one sentence said three ways: in full (the command line, the workbook), once
    # under several ("if one is"), and with the app's place alone in the app's own words
    _TODO = "if {who} an injury, record it (Season ▸ Injuries{more})"
    _MORE = ", or the coach workbook's Injuries sheet"
    _WHO = ("it is", "one is", "it is")  # {who}: in full, once under several, the app's
    _THEN = " and re-plan"  # after what to do, in full and once
    WHAT_TO_DO = _TODO.format(who=_WHO[0], more=_MORE) + _THEN

    def text(self, season: Season) -> str:
        return f"{self.fact(season)}: {self.WHAT_TO_DO}"

    def fact(self, season: Season) -> str:
        """What was logged, without what to do (said once under several of them)."""
        return (f"{season.athlete_label(self.athlete)} logged pain {self.pain:g}/10 on "
                f"{day_long(self.date)} and is not in rehab")

    @classmethod
    def what_to_do_once(cls) -> str:
        """What to do, said once below several of them."""
        todo = cls._TODO.format(who=cls._WHO[1], more=cls._MORE) + cls._THEN
        return todo[:1].upper() + todo[1:] + "."

    @classmethod
    def app_what_to_do(cls) -> str:
        """What to do in the app's words (the Log's and the board's tooltips, the inspector,
        Import Sessions' status line): the app's place to record it alone."""
        return cls._TODO.format(who=cls._WHO[2], more="")

    def cell_words(self) -> str:
        """What follows "⚠ Pain 6/10, " in the Log cell's and the board's tooltips and the inspector."""
        return f"not in rehab: {self.app_what_to_do()}"


@dataclass(frozen=True)
class PainBelowFlare(PainAlert):
    """A logged pain one below the governing protocol's ``pain_flare`` (2/10 for the hamstring
    and adductor templates, whose pain rule adjusts or stops an exercise at 2/10; 4/10 for those
    at 5, the tendon model's "acceptable" band) on a day a flare-up could be proposed (in rehab
    or back lately): no flare-up is proposed and the plan counts the session as done, so the
    coach hears of it. Nothing changes; the coach decides."""

    HOLD = "hold the athlete at that level (pin their next speed days no higher)"
    _TODO = "if {who} not pain-free, " + HOLD + " or record the flare-up (Season ▸ Injuries{more})"
    _MORE = ", or periodize record --flare-up"
    _WHO = ("the session was", "a session was", "it was")
    _THEN = ""
    WHAT_TO_DO = _TODO.format(who=_WHO[0], more=_MORE)
    COUNTED = "the plan counts the session as done"

    def text(self, season: Season) -> str:
        return f"{self.fact(season)}; {self.WHAT_TO_DO}"

    def fact(self, season: Season) -> str:
        return (f"{season.athlete_label(self.athlete)} logged pain {self.pain:g}/10 on "
                f"{day_long(self.date)} {self.where(season)}, {self.below()}")

    def below(self) -> str:
        """``just below the protocol's 5/10 for a flare-up: the plan counts the session as done``."""
        return f"just below the protocol's {self.threshold}/10 for a flare-up: {self.COUNTED}"

    def where(self, season: Season) -> str:
        """``in S1 (acute hamstring strain)``; back to FIT: ``back after the acute hamstring
        strain``."""
        from planner.protocols import protocol_name

        records = season.injuries_of(self.athlete)
        name = protocol_name(governing(records, self.date).protocol).lower()
        stage = athlete_stage_on(records, self.date)
        return f"back after the {name}" if stage == FIT else f"in {stage} ({name})"

    def cell_words(self) -> str:
        return f"{self.below()}; {self.app_what_to_do()}"


SPRINT_PAIN_DAYS = 2  # a pain just below the alert this many days after a sprint says the sprint


@dataclass(frozen=True)
class PainBelowAlert(PainAlert):
    """A fit player's logged pain one below the alert threshold (4/10 at PAIN_ALERT's 5): not in
    rehab nor back lately, so no flare-up can be proposed, and below the pain alert, so nothing
    else lists it (a coach logged "75 6 p4 # hamstring" and nothing but the Log's cell said it).
    One within SPRINT_PAIN_DAYS after a session at HV_LEVEL or more ("hamstring tight" the day
    after a 96 % sprint; a match day only with its top speed logged, :func:`_sprint_before`)
    names that sprint. Nothing changes; the coach checks with the athlete."""

    sprint: dt.date | None = None  # the day of the session at HV_LEVEL or more before the pain
    level: float = 0  # its level: the logged top speed as % of max speed, else the planned level

    HOLD = PainBelowFlare.HOLD
    _TODO = ("check with the athlete, and if {who} not pain-free, " + HOLD
             + " or, if it is an injury, record it (Season ▸ Injuries{more})")
    _WHO = PainBelowFlare._WHO
    WHAT_TO_DO = _TODO.format(who=_WHO[0], more=PainAlert._MORE) + PainAlert._THEN

    def fact(self, season: Season) -> str:
        return (f"{season.athlete_label(self.athlete)} logged pain {self.pain:g}/10 on "
                f"{day_long(self.date)}, {self.reason()}")

    def reason(self) -> str:
        """``the day after a 96 % sprint``, ``2 days after a 93 % sprint`` (up to
        SPRINT_PAIN_DAYS); with no sprint before it, ``just below 5/10, not in rehab``."""
        if self.sprint is None:
            return f"just below {self.threshold}/10, not in rehab"
        k = (self.date - self.sprint).days
        return f"{'the day' if k == 1 else plural(k, 'day')} after a {self.level:g} % sprint"

    def cell_words(self) -> str:
        return f"{self.reason()}: {self.app_what_to_do()}"


PAIN_KINDS = (PainAlert, PainBelowFlare, PainBelowAlert)  # the listed pains' kinds, in the order said


def pains_by_kind(alerts) -> dict[type, list[PainAlert]]:
    """The listed pains among ``alerts`` (:func:`listed_pains`) by kind, every kind of
    :data:`PAIN_KINDS` in its order (an empty list for none), each pain in its own class's list
    alone (a fit player's 4/10 is no fit player's pain of 5/10 or more); a flare-up proposed
    is in none. Every place that says the kinds apart reads them from here, so a new kind is
    one edit and none is left counted as another."""
    return {kind: [p for p in alerts if type(p) is kind] for kind in PAIN_KINDS}


def pain_alert_lines(season: Season, alerts: list[PainAlert], head: str = "Pain: ",
                     limit: int | None = None, more: str = "") -> list[str]:
    """The alerts as lines: one of a kind (a fit player's pain, a pain just below a protocol's
    flare-up threshold, a fit player's pain just below the alert) says what to do; several are listed as facts and what to do is said
    once, below them (it repeated on every line). With ``limit``, a kind with more facts than
    that lists ``limit - 1`` of them and counts the rest ("… and 3 more" and ``more``), above
    its own what to do."""
    lines = []
    for kind, mine in pains_by_kind(alerts).items():
        if len(mine) == 1:
            lines.append(f"{head}{mine[0].text(season)}.")
        elif mine:
            shown = mine if limit is None or len(mine) <= limit else mine[:limit - 1]
            lines += [f"{head}{p.fact(season)}." for p in shown]
            if len(shown) < len(mine):
                lines.append(f"… and {len(mine) - len(shown)} more{more}")
            lines.append(kind.what_to_do_once())
    return lines


def pains_below_flare(season: Season, athlete: str | None = None) -> list[PainBelowFlare]:
    """Logged pains one below the governing protocol's ``pain_flare`` (at least ``pain_flare -
    1``, under ``pain_flare``; never 0/10) on days a flare-up would be proposed at the threshold (in rehab
    or back lately; not on a recorded flare-up's day nor in its calm days) (of one athlete with
    ``athlete``)."""
    return [PainBelowFlare(*p) for p in _rehab_pains(
        season, athlete, lambda pain, flare: max(1, flare - 1) <= pain < flare)]


def listed_pains(season: Season, athlete: str | None = None) -> list[PainAlert]:
    """The logged pains listed to the coach, by day: a fit player's (:func:`pain_alerts`), those
    just below a protocol's flare-up threshold (:func:`pains_below_flare`) and a fit player's
    just below the alert (:func:`pains_below_alert`)."""
    return sorted(pain_alerts(season, athlete) + pains_below_flare(season, athlete)
                  + pains_below_alert(season, athlete), key=lambda p: (p.date, p.athlete))


def pain_alerts(season: Season, athlete: str | None = None) -> list[PainAlert]:
    """Logged pains at or above the governing protocol's ``pain_flare`` (``PAIN_ALERT`` without
    an injury record) that propose no flare-up: not in rehab nor back lately, not while injured
    with no stage yet, and not followed by an injury recorded within ``INJURY_COVERS_DAYS`` (of
    one athlete with ``athlete``)."""
    return [PainAlert(*p) for p in _fit_pains(season, athlete, lambda pain, alert: pain >= alert)]


def pains_below_alert(season: Season, athlete: str | None = None) -> list[PainBelowAlert]:
    """Logged pains one below the alert of :func:`pain_alerts` (at least ``alert - 1``, under
    it; never 0/10, which is no pain), on the same days it reads, each with the session at HV_LEVEL or more in the
    SPRINT_PAIN_DAYS before it, if any (:func:`_sprint_before`) (of one athlete with
    ``athlete``)."""
    out = []
    for a, day, pain, alert in _fit_pains(season, athlete, lambda pain, alert: max(1, alert - 1) <= pain < alert):
        sprint = _sprint_before(season, a, day)
        out.append(PainBelowAlert(a, day, pain, alert, *((sprint[0], round(sprint[1])) if sprint else ())))
    return out


def _sprint_before(season: Season, athlete: str, day: dt.date) -> tuple[dt.date, float] | None:
    """(day, level) of the latest session at HV_LEVEL or more in the SPRINT_PAIN_DAYS before
    ``day``: the logged top speed as % of max speed where logged; else the level planned for it
    (``planner.history.planned_level``) on a day trained (logged with minutes, or not logged: a
    day before today counts as planned, as the load figures read it), and only on a day with no
    match: a match's planned level is the athlete's role (100 for a start), no sprint, and the
    soreness after a match is common and its own (a starter's 4/10 the day after every match
    would be listed weekly). A day logged without training ran none."""
    from planner.history import planned_level
    from planner.season import HV_LEVEL

    logged = logged_days(season, athlete)
    ap = season.plan.for_athlete(athlete) if season.plan is not None else None
    for k in range(1, SPRINT_PAIN_DAYS + 1):
        d = day - dt.timedelta(days=k)
        got, i = logged.get(d), (d - season.calendar.start).days
        if got is not None and got.top_pct is not None:
            level = got.top_pct
        elif ((got is not None and not got.minutes) or ap is None or not 0 <= i < len(ap.intensity)
              or competitions_on(season, d)):
            continue
        else:
            was = planned_level(season, ap, d)
            level = ap.intensity[i] if was is None else was
        if level >= HV_LEVEL:
            return d, level
    return None


def _fit_pains(season: Season, athlete: str | None, keep) -> list[tuple[str, dt.date, float, int]]:
    """(athlete, day, pain, alert) of the logged pains ``keep(pain, alert)`` takes, on days no
    flare-up can be proposed (not in rehab nor back lately, not while injured with no stage yet,
    not a recorded flare-up's day) and no injury recorded within ``INJURY_COVERS_DAYS`` after
    accounts for; ``alert``: the governing protocol's ``pain_flare``, ``PAIN_ALERT`` without an
    injury record."""
    out = []
    for a in season.athletes:
        if athlete is not None and a.id != athlete:
            continue
        records = season.injuries_of(a.id)
        for day, logged in sorted(logged_days(season, a.id).items()):
            if logged.pain is None:
                continue
            rec = governing(records, day)
            if rec is not None and day in rec.flare_ups:
                continue
            threshold = load_protocol(rec.protocol).pain_flare if rec is not None else PAIN_ALERT
            if not keep(logged.pain, threshold):
                continue
            if rec is not None and (_in_rehab_or_back_lately(records, day)
                                    or athlete_stage_on(records, day) == INJ):
                continue  # a flare-up is proposed, or the athlete is injured already
            if any(day <= r.onset <= day + dt.timedelta(days=INJURY_COVERS_DAYS) for r in records):
                continue
            out.append((a.id, day, logged.pain, threshold))
    return out


def _in_rehab_or_back_lately(records: list, day: dt.date) -> bool:
    stage = athlete_stage_on(records, day)
    if stage not in (FIT, INJ):
        return True
    if stage == INJ:
        return False
    back = day - dt.timedelta(days=RECENT_RETURN_DAYS)
    return any(athlete_stage_on(records, back + dt.timedelta(days=k)) not in (FIT, INJ)
               for k in range(RECENT_RETURN_DAYS))


def sore_pains(season: Season) -> dict[str, list[FlareProposal]]:
    """Athlete -> the logged pains that Fill As Planned stops at: those that propose a flare-up
    not recorded (⚑) and those listed (⚠, :func:`listed_pains`: a fit player's, a possible
    injury, or one just below the flare-up threshold). The plan after such a pain may not hold,
    so the days after it are not filled as planned: the coach records it, or types them."""
    out: dict[str, list[FlareProposal]] = {}
    for p in [*flare_proposals(season), *listed_pains(season)]:
        out.setdefault(p.athlete, []).append(p)
    return out


def pain_before(pains, day: dt.date) -> FlareProposal | None:
    """The latest of ``pains`` (one athlete's, :func:`sore_pains`) that ``day`` follows within
    :data:`PAIN_LOOKBACK_DAYS` (the days in which Move Today offers a pain again: after them it
    is the coach's decided past, and a pain of weeks ago held the athlete's days empty every
    week), or None."""
    near = [p for p in pains if p.date < day <= p.date + dt.timedelta(days=PAIN_LOOKBACK_DAYS)]
    return max(near, key=lambda p: p.date, default=None)


def next_week_start(season: Season) -> dt.date:
    """The first day of the week after the one holding the planning start (the "New week"
    action moves ``today`` there)."""
    tl = Timeline(season)
    p = planning_start(season)
    i = tl.index(p)
    if i is None:
        return p + dt.timedelta(days=7)
    w = tl.weeks[tl.week_of[i]]
    nxt = w.last + 1
    return tl.days[nxt] if nxt < tl.n else tl.end + dt.timedelta(days=1)


def played_before_re_entry(before: Season, after: Season) -> list[str]:
    """A line for each match in the days just put in the past (from ``before``'s today to
    ``after``'s) that a returner is logged playing before RE-1's team sessions were done: the log
    stands (rules-spec.md section 9), and nothing else said so."""
    from planner.returns import AthleteFacts
    from planner.rules import RuleSet

    if after.plan is None:
        return []
    tl, rs = Timeline(after), RuleSet(after.rules)
    need = int(rs.value("RE-1", "team_sessions")) if rs.active("RE-1") else 0
    start = tl.index(planning_start(before))
    start = 0 if start is None else start
    out = []
    for a in after.athletes:
        ap = after.plan.for_athlete(a.id)
        if not need or ap is None or len(ap.stages) != tl.n or not after.injuries_of(a.id):
            continue
        f = AthleteFacts(after, tl, rs, ap)
        for i in range(start, min(tl.p0, tl.n)):
            if f.played[i] and f.st[i] == FIT and not f.ready[i] and f.back[i] is not None:
                out.append(f"Played before re-entry: {after.athlete_label(a.id)} logged minutes "
                           f"played on {day_long(tl.days[i])} with {f.done[i]} of RE-1's {need} "
                           f"team sessions done since the return on "
                           f"{day_long(tl.days[f.back[i]])}; the match stands as logged, worth a "
                           f"word with the physio.")
    return out


def team_weeks_changed(before: Season, after: Season) -> list[str]:
    """The team's deload and taper weeks a re-plan moved, a line each ("Team: deload week moved
    from Mon 11 Jan to Mon 18 Jan."; ``planner.check.team_weeks_moved``): a flare-up recorded
    for one player can trade the squad's weeks, and pages printed for them are then out of
    date. Nothing when either has no plan or the weeks are not the same weeks."""
    from planner.check import team_weeks_moved

    if before.plan is None or after.plan is None or (
            (before.calendar.start, before.calendar.week_start)
            != (after.calendar.start, after.calendar.week_start)):
        return []
    return [words + "." for *_, words in team_weeks_moved(
        Timeline(after), before.plan.team_weeks, after.plan.team_weeks)]


def returns_moved(before: Season, after: Season, season_file: str | None = None) -> list[str]:
    """A line for each return to full training the re-plan moved, with what in the days just
    put in the past went below the plan (a sprint-ladder step counts only at its level: a GPS
    reading of 79 % for an 80 % step is a 70 % day), so that a date that slips says why.
    ``season_file``: the command line's, named in the command that records a stage change (None:
    said in the app's words)."""
    from planner.errors import InputError
    from planner.returns import returns

    if before.plan is None or after.plan is None:
        return []
    try:
        # with the returns before today: a player back for weeks whom a flare-up puts back
        # into rehab has a return again, the move that matters most
        was = {(r.athlete, r.onset): r for r in returns(before, before.plan, history=True)}
        now = returns(after, after.plan)
    except (InputError, ValueError, KeyError, IndexError):
        return []
    start, today = planning_start(before), planning_start(after)
    tl = Timeline(after)
    out = []
    for r in now:
        key = (r.athlete, r.onset)
        # moved: the FIT day or the day the words name (the first team session he can join: an
        # absence on it, or a match he now plays on it, moves it with the FIT day unchanged)
        if key not in was or (r.fit, r.back_day()) == (was[key].fit, was[key].back_day()):
            continue
        old, old_back = was[key].fit, was[key].back_day()
        # a return that leaves the season (None) moved later too: a flare-up that puts the
        # athlete out for the rest of the season is the biggest move of all
        later = old is not None and (r.fit is None or r.fit > old)
        why = _why_later(after, r.athlete, start, today, tl, season_file) if later else ""
        # the first team session he can join, the FIT day beside it (one wording, back_words)
        new = r.back_words(day_long) if r.fit is not None else \
            r.left_words(day_long) or "not back to full training this season"
        # a pain the same output proposes as a flare-up (pending_flare_ups' days): not recorded,
        # the plan reads it as none, and the return depends on it
        new += if_no_flare_up(after, r.athlete, start - dt.timedelta(days=PAIN_LOOKBACK_DAYS))
        was_words = ("not this season" if old_back is None else f"back since {day_long(old_back)}"
                     if old_back < start else day_long(old_back))
        out.append(f"  {after.athlete_label(r.athlete)}: {new} (was {was_words}){why}")
    return (["Returns moved:"] + out) if out else []


def _why_later(season: Season, athlete: str, start: dt.date, today: dt.date, tl: Timeline,
               season_file: str | None = None) -> str:
    """Why a return slipped, from the days between ``start`` and ``today`` that went below the
    plan: a logged top speed under the planned level (a ladder step counts only at its level),
    or a stage change the plan projected that was not recorded (the athlete stayed in the stage,
    whose cap held the day down), or a flare-up, which moves the athlete back a stage. Nothing
    when none of these explains it."""

    ap = season.plan.for_athlete(athlete)
    log = logged_days(season, athlete)
    below = [(d, lv, ap.intensity[i]) for d, lv in sorted(ap.planned.items())
             if start <= d < today and (i := tl.index(d)) is not None and ap.intensity[i] < lv]
    slow = [x for x in below if (got := log.get(x[0])) is not None and got.top_pct is not None]
    # a flare-up moves the athlete back a stage: the days from it are not an unrecorded change
    flares = sorted(f for r in season.injuries_of(athlete) for f in r.flare_ups if start <= f < today)
    # the change's own day, logged or not: the record command must carry the day Move Today
    # and advance offered (a logged first day made it name the next unlogged one)
    held = sorted(d for d in ap.planned_stages if start <= d < today
                  and (not flares or d < flares[0]))
    parts = []
    if flares:
        parts.append(f"the flare-up on {day_short(flares[0])} moved the athlete back a stage")
    if slow:
        days = ", ".join(f"{day_short(d)} ({got} % for {lv} %)" for d, lv, got in slow[:4])
        parts.append(f"below the plan on {days}{' …' if len(slow) > 4 else ''}; a logged top "
                     f"speed under a step's level counts as the level below it")
    if held and (i := tl.index(held[0])) is not None:
        first = held[0]
        planned = stage_name_on(season, athlete, ap.planned_stages[first], first)
        stayed = stage_name_on(season, athlete, ap.stages[i], first)
        how = ("Season ▸ Injuries, its stages" if season_file is None else
               f"periodize record {season_file} --stage {athlete} {ap.planned_stages[first]} "
               f"{first.isoformat()} --save")
        parts.append(f"the plan had {planned} from {day_short(first)}, but that stage change was not "
                     f"recorded, so the athlete stayed in {stayed}; if it happened, record it "
                     f"({how})")
    return (": " + "; ".join(parts)) if parts else ""


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


@dataclass(frozen=True)
class LadderCredit:
    """A stage record crediting the sprint ladder with nothing logged to show for it (RH-11
    counts every level up to the previous stage's cap as done, rules-spec.md, kept as written):
    a signing recorded in S2 on his first day here is planned 100 % at once. ``first``: the
    first day from today on the plan runs on the credit (:func:`ladder_credit_unrun`)."""

    athlete: str
    stage: str  # the stage recorded
    before: str  # the stage before it: where to record him from instead
    start: dt.date  # the record's day
    top: int  # the highest level credited
    times: int  # the days credited at it
    first: dt.date | None = None
    cap: int = 0  # the stage's cap
    level: int = 0  # the plan's level on ``first``
    before_recorded: bool = False  # ``before`` is recorded already, ahead of this record

    def words(self, season: Season) -> str:
        """``Recorded in S2: the sprint ladder counts 95 % as done twice … or pin their first
        running days lower`` (no full stop): what the record, the import and Plan Check say."""
        return (f"Recorded in {self.stage}: the sprint ladder counts {self.top} % as done "
                f"{_times(self.times)} (RH-11 credits the stages before {self.stage}). "
                f"{season.athlete(self.athlete).name} has no run at {self.top} % or more logged "
                f"here: if they have not done them, {self.ways(season)}, or pin their first running "
                f"days lower")

    def ways(self, season: Season) -> str:
        """The way on that fits him: a signing recorded before he joined, ``log his sessions with
        his old squad (…), or re-test him and record the stage he is assessed in on the day he
        joins (Mon 14 Dec)``; a stage before it recorded already, log the sessions he ran; else
        ``record him from S1``. "Record him from P2" read as nonsense with P2 recorded (docs/
        semantics.md: a signing's sessions logged on his days before joining count)."""
        from planner.squad import joined_on

        joins = joined_on(season, self.athlete)
        if joins is not None and self.start < joins:
            return (f"log their sessions with their old squad (File ▸ Import Sessions…, or periodize "
                    f"log FILE SESSIONS.csv: their days not in the squad yet are read), or "
                    f"re-test them and record the stage they are assessed in on the day they join "
                    f"({day_short(joins)})")
        if self.before_recorded:
            return ("log the sessions they ran them in (File ▸ Import Sessions…, or periodize log "
                    "FILE SESSIONS.csv)")
        return f"record them from {self.before}"

    def note(self, season: Season) -> str:
        """Plan Check's line: ``Rafael Costa (A25) runs above 95 % from Mon 4 Jan on the credit
        of his S2 record: Recorded in S2: …`` (no full stop). A signing recorded before he joined
        and run so from his first days here (:meth:`joining_words`) is said as such."""
        if joining := self.joining_words(season):
            return joining
        when = f" from {day_short(self.first)}" if self.first is not None else ""
        return (f"{season.athlete_label(self.athlete)} runs above {self.top} %{when} on the "
                f"credit of their {self.stage} record: {self.words(season)}")


    def joining_words(self, season: Season) -> str:
        """``Diego Santos (A25) joins on Thu 20 Aug at S1's cap (95 %) on the credit of his record
        before joining (Mon 17 Aug): re-test him first, or record him from the stage he is
        assessed in`` when the record is dated before he joined and the plan runs on its credit
        from the day he joins (a session at the stage's cap on another club's paperwork); ""
        otherwise."""
        from planner.squad import joined_on

        joins = joined_on(season, self.athlete)
        if joins is None or self.first is None or not self.start < joins <= self.first:
            return ""
        at = (f"at {self.stage}'s cap ({self.cap} %)" if self.level >= self.cap
              else f"above {self.top} %")
        runs = "" if self.first == joins else f", running {at} from {day_short(self.first)},"
        return (f"{season.athlete_label(self.athlete)} joins on {day_short(joins)}"
                f"{runs if runs else ' ' + at} on the credit of their {self.stage} record before "
                f"joining ({day_short(self.start)}): {self.ways(season)}")


def _credits(season: Season):
    """(record, segment, its ladder credit) of every stage record crediting a level of the
    sprint ladder the athlete has not run here (:func:`planner.history.ran_at_least`)."""
    from planner.errors import PeriodizeError
    from planner.history import ladder_credit, ran_at_least
    from planner.rehab import segments
    from planner.rules import RuleSet
    from planner.season import LADDER

    rs = RuleSet(season.rules)
    if not rs.active("RH-11"):
        return
    sps = int(rs.value("RH-11", "sessions_per_step"))
    for rec in season.injuries:
        try:
            proto = load_protocol(rec.protocol)
        except PeriodizeError:
            continue
        segs = segments(rec, proto)
        for k, seg in enumerate(segs):
            if seg.cause != "record":
                continue
            credit = ladder_credit(season, rec, proto, seg, sps,
                                   int(rs.value("RH-11", "flare_credit_levels")))
            top = max(credit, default=0)
            if top < LADDER[0] or ran_at_least(season, rec.athlete, top):
                continue
            until = segs[k + 1].start if k + 1 < len(segs) else None
            before = proto.stage_ids[proto.index(seg.stage) - 1]
            yield LadderCredit(rec.athlete, seg.stage, before, seg.start, top, credit[top],
                               cap=proto.cap(seg.stage), before_recorded=any(
                                   r.stage == before and r.start < seg.start for r in rec.stages)), until


def credit_not_run(before: Season, after: Season) -> list[str]:
    """What a stage record ``after`` adds to ``before`` credits of the sprint ladder with nothing
    logged to show for it, as the record (and a workbook import) says it once
    (:meth:`LadderCredit.words`); Plan Check lists them while the plan runs on them
    (:func:`ladder_credit_unrun`)."""
    old = {(r.athlete, r.onset, s.stage, s.start) for r in before.injuries for s in r.stages}
    new = {(r.athlete, s.stage, s.start) for r in after.injuries for s in r.stages
           if (r.athlete, r.onset, s.stage, s.start) not in old}
    return [c.words(after) for c, _until in _credits(after) if (c.athlete, c.stage, c.start) in new]


def ladder_credit_unrun(season: Season, plan=None) -> list[LadderCredit]:
    """The athletes the plan has run, from today on, above a level of the sprint ladder a stage
    record credited and nothing here shows run (:func:`credit_not_run`), each with the first such
    day, in the squad's order. Not a rule of the plan: Plan Check and ``periodize solve``/
    ``check`` list them beside the athletes without a max speed."""
    plan = plan if plan is not None else season.plan
    if plan is None:
        return []
    tl = Timeline(season)
    found: dict[str, LadderCredit] = {}
    for c, until in _credits(season):
        ap = plan.for_athlete(c.athlete)
        if c.athlete in found or ap is None or len(ap.intensity) != tl.n:
            continue
        s0 = max(0, (c.start - tl.start).days)
        end = tl.n if until is None else max(0, min(tl.n, (until - tl.start).days))
        run = 0  # days at the credited level before the plan goes above it
        for i in range(s0, end):
            if ap.intensity[i] > c.top:
                if run < c.times and i >= tl.p0:
                    found[c.athlete] = replace(c, first=tl.days[i], level=ap.intensity[i])
                break
            run += ap.intensity[i] == c.top
    order = {a.id: k for k, a in enumerate(season.athletes)}
    return sorted(found.values(), key=lambda c: order.get(c.athlete, len(order)))


def signing_stale_stages(season: Season) -> list[str]:
    """:func:`stale_signings`' lines: what ``solve`` and ``check`` print ("⚠ Signing: …")."""
    return [line for _aid, _joins, line in stale_signings(season)]


def stale_signings(season: Season) -> list[tuple[str, dt.date, str]]:
    """(athlete ID, the day he joins, the line) per signing still to join (or joining today) whose stage recorded with his old club
    had outlasted its maximum before today: its days count again from today (docs/semantics.md,
    "A stage outlasted before today"), so he was planned in it with nothing said, while a
    fresher record that cannot end in time gives no plan ("Rui Costa (A26): P3 since Sat 25 Jul
    2026 with his old club, day 27 of it when he joins on Thu 20 Aug 2026 (P3 lasts at most 21): its
    days count again from today; assess him on Thu 20 Aug 2026 and record the stage he is in")."""
    from planner.rehab import max_days, segments
    from planner.squad import joined_on

    today = planning_start(season)
    out: list[tuple[str, dt.date, str]] = []

    def before_joining(aid: str) -> dt.date | None:  # the day before a signing still to join
        joins = joined_on(season, aid)
        return joins - dt.timedelta(days=1) if joins is not None and joins >= today else None

    for a, rec, proto in _governing_protocols(season, before_joining):
        joins = joined_on(season, a.id)
        segs = segments(rec, proto, until=today - dt.timedelta(days=1))
        seg = segs[-1] if segs else None
        if seg is None or seg.stage not in proto.stage_ids:
            continue
        most = max_days(proto.stage(seg.stage), seg.cause == "flare-up")
        if (today - seg.start).days < most:
            continue
        out.append((a.id, joins, (
            f"{season.athlete_label(a.id)}: {seg.stage} since {day_long(seg.start)} with their old "
            f"club, day {(joins - seg.start).days + 1} of it when they join on {day_long(joins)} "
            f"({seg.stage} lasts at most {most}): its days count again from today; assess them on "
            f"{day_long(joins)} and record the stage they are in")))
    return out


@dataclass(frozen=True)
class StageOutOfTime:
    """A stage recorded before today and held on it (or on the day a signing joins, ``when``)
    that cannot end by its maximum: the days left are fewer than its exit needs at the least
    (the rest of its minimum, its days at the cap with 48 h between them: the next season's test,
    ``exit_days_needed``; the sprint ladder and the days at the cap on the team's training days:
    ``planner.leastreturn``'s count), so the season has no plan with it. Said when the record
    is entered (a workbook's import, Season ▸ Injuries); the record is not changed."""

    athlete: str
    stage: str
    since: dt.date
    when: dt.date
    longest: int
    needed: int  # calendar days from ``when`` its exit needs at the least
    credit: int  # the stage before's cap (``Protocol.previous_cap``): RH-11's credit
    cap: int  # the stage's own cap: below a speed day's (P1, a P2 at 70 %) it holds none

    def words(self, season: Season, file: str = "") -> str:
        """``Diego Alvarez (N03): in P3 since Mon 19 Jul 2027, 14 days by Mon 2 Aug 2027 (P3
        lasts at most 21: 7 days left, fewer than the 9 its exit needs at the least), so the
        season has no plan with this record; if they are still in P3 then, record P3 on Mon 2
        Aug 2027 (…)``: the next season's words (``planner.leastreturn.OutOfTime``), the record
        to add with it."""
        from planner.leastreturn import OutOfTime

        late = OutOfTime(self.stage, self.since, self.when, self.longest,
                         (self.when - self.since).days, self.needed)
        how = "Season ▸ Injuries, Record stage" + (
            f"; or periodize record {file} --stage {self.athlete} {self.stage} "
            f"{self.when.isoformat()} --save" if file else "")
        # a stage without a speed day (P1, a P2 capped at 70 %) is re-tested before it ends
        retest = "their first speed day" if self.cap >= SPEED_DAY else f"{self.stage} ends"
        return (f"{late.words(season.athlete_label(self.athlete), day_long(self.when))}, so the "
                f"season has no plan with this record. If they are still in {self.stage} then, "
                f"record {self.stage} on {day_long(self.when)} ({how}): "
                f"{late.restart_words(self.credit)}; "
                f"re-test them before {retest}, or correct the {self.stage} date")


def stages_out_of_time(season: Season) -> list[StageOutOfTime]:
    """The stages recorded before today that cannot end in time (:class:`StageOutOfTime`), in
    the squad's order. Counted only where nothing before today stands for the stage's days (no
    plan of the athlete's days, a placeholder not planned yet being none; nothing logged since
    it was recorded), so never one a lived past could end; a stage
    outlasted by today already is another problem (``planner.validate``, :func:`stale_signings`)."""

    today = planning_start(season)
    if today > season.calendar.end:
        return []
    out = []
    for _a, rec, proto in _governing_protocols(season, lambda _aid: today):
        if (found := _out_of_time(season, rec, proto, today)) is not None:
            out.append(found)
    return out


def _governing_protocols(season: Season, day_of):
    """(athlete, injury record, its protocol) per athlete of the squad whose record governs
    ``day_of(athlete ID)`` (None: skipped) and whose protocol loads."""
    from planner.errors import PeriodizeError

    for a in season.athletes:
        day = day_of(a.id)
        rec = governing(list(season.injuries_of(a.id)), day) if day is not None else None
        if rec is None:
            continue
        try:
            proto = load_protocol(rec.protocol)
        except PeriodizeError:
            continue
        yield a, rec, proto


def _out_of_time(season: Season, rec, proto, today: dt.date) -> StageOutOfTime | None:
    """:func:`stages_out_of_time`'s test of one injury record."""
    from planner.history import ladder_credit
    from planner.leastreturn import RehabDays, out_of_time, stage_steps
    from planner.rehab import segments
    from planner.rules import RuleSet
    from planner.season import LADDER
    from planner.squad import joined_on, plan_row

    segs = segments(rec, proto, until=today)
    seg = segs[-1] if segs else None
    if seg is None or seg.stage not in proto.stage_ids or seg.start >= today:
        return None
    lived = range(max((seg.start - season.calendar.start).days, 0),
                  (today - season.calendar.start).days)
    if lived and (plan_row(season.plan, rec.athlete) is not None or any(
            seg.start <= d < today for d in logged_days(season, rec.athlete))):
        return None  # the days lived since may have done its work
    joins = joined_on(season, rec.athlete)
    when = joins if joins is not None and joins > today else today
    spec = proto.stage(seg.stage)
    if when > season.calendar.end:
        return None
    rs = RuleSet(season.rules)
    sps = int(rs.value("RH-11", "sessions_per_step"))
    done = (ladder_credit(season, rec, proto, seg, sps, int(rs.value("RH-11", "flare_credit_levels")))
            if rs.active("RH-11") else dict.fromkeys(LADDER, sps))
    days, per_week = RehabDays(season, rec.athlete), int(rs.value("HV-2", "max_speed_days"))
    first = (when - season.calendar.start).days
    counted = (days.place(stage_steps(spec, sps, done), first, per_week) - first
               if days.tdays and per_week >= 1 else 0)
    # the next season's test (planner.nextseason), with the ladder's count of the exit work
    late = out_of_time(spec, seg, rec.flare_ups, when, least=counted)
    if late is None or late.lasted >= late.longest:  # outlasted by then: planner.validate's
        return None
    return StageOutOfTime(rec.athlete, seg.stage, seg.start, when, late.longest, late.needed,
                          proto.previous_cap(seg.stage), spec.cap)


def stages_out_of_time_since(before: Season | None, after: Season, file: str = "") -> list[str]:
    """What :func:`stages_out_of_time` finds in ``after`` that ``before`` (None: no season
    before, a first import) did not, in words: a stage record entered, said once."""
    known = {(x.athlete, x.stage, x.since) for x in stages_out_of_time(before)} if before else set()
    return [x.words(after, file) for x in stages_out_of_time(after)
            if (x.athlete, x.stage, x.since) not in known]


def logged_while_away(season: Season, sessions) -> list[str]:
    """One note per athlete of ``sessions`` (a log's, being added to ``season``) logged on days
    ``season`` records him unavailable: away ("6 sessions of Luca Brandt (U06) fall on days he
    is away (Training with first team, 7 to 13 Dec 2026): counted as his load"), before he
    joined or after he left the squad (``planner.squad``). Nothing is refused or changed: a
    week with another squad, logged here, is his load."""
    from planner.squad import JOINED_REASON, LEFT_REASON, squad_reason

    out = []
    for a in season.athletes:
        days = [s.date for s in sessions if s.athlete == a.id]
        absences = [u for u in season.unavailability if u.athlete == a.id]
        if not days or not absences:
            continue
        groups: dict = {}  # JOINED_REASON, LEFT_REASON or an absence -> its sessions
        for d in days:
            u = next((u for u in absences if u.start <= d <= u.end), None)
            if u is not None:
                reason = squad_reason(u)
                key = reason if reason in (JOINED_REASON, LEFT_REASON) else u
                groups[key] = groups.get(key, 0) + 1
        if groups:
            out.append(_away_note(season, a.id, groups))
    return out


def _away_note(season: Season, athlete: str, groups: dict) -> str:
    """:func:`logged_while_away`'s note of one athlete (``groups``: the sessions per kind of
    day away), its parts in the order of the season: before joining, away, after leaving."""
    from planner.squad import JOINED_REASON, LEFT_REASON, joined_on, left_on
    from planner.text import date_long, span

    parts = []
    if n := groups.get(JOINED_REASON):
        joins = joined_on(season, athlete)
        when = f" ({date_long(joins)})" if joins else ""
        parts.append((n, f"before joining{when}: counted as their load before joining"))
    away = {u: n for u, n in groups.items() if not isinstance(u, str)}
    if away:
        said = "; ".join(", ".join(x for x in (u.reason, span(u.start, u.end)) if x) for u in away)
        n = sum(away.values())
        parts.append((n, f"fall{'s' if n == 1 else ''} on days they are away ({said}): counted as "
                         f"their load"))
    if n := groups.get(LEFT_REASON):
        left = left_on(season, athlete)
        when = f" ({date_long(left)})" if left else ""
        parts.append((n, f"after leaving the squad{when}: counted as their load"))
    (n, first), rest = parts[0], parts[1:]
    return "; ".join([f"{plural(n, 'session')} of {season.athlete_label(athlete)} {first}",
                      *(f"{n} {text}" for n, text in rest)])


def untested_return_line(season: Season, aid: str) -> str:
    """``recorded without a passing test (S3's …)`` for the athlete's latest return recorded
    without a passing test (:func:`planner.returns.untested_returns`, of the stored plan), as
    the workbook's Returns sheet says it (``explain --return``'s line); one back more than
    ``RECENT_RETURN_DAYS`` before the planning start is said as history, with its day ("… , back Fri 8 Jan: more than 28 days
    ago, no longer flagged"), where the Returns panel and the handout no longer flag it; ""
    for none, no stored plan or a return ahead (the report read "(recorded)" alone)."""
    from planner.returns import untested_returns, untested_words
    from planner.validate import plan_problems

    if season.plan is None or plan_problems(season):
        return ""
    ret = next((r for r in untested_returns(season, season.plan) if r.athlete == aid), None)
    ago = (planning_start(season) - ret.fit).days if ret is not None else -1
    if ago < 0:
        return ""
    said = untested_words(ret.untested)
    if ago > RECENT_RETURN_DAYS:
        return (f"{said}, back {day_long(ret.fit)}: more than {RECENT_RETURN_DAYS} days ago, "
                f"no longer flagged")
    return said
