"""Criteria gates (RH-CRIT, rules-spec.md section 3, v2) and provisional stage exits.

A record's criteria tests are taken in the stage its stage records and flare-ups give for their
date; one dated on the first day of a recorded stage, in the stage it moved the athlete on from
(:func:`counted_in`). When the athlete leaves stage S, the latest result of each of S's criteria taken in the stage
episode being left decides: a failing one holds the athlete in S until its date + ``retest_days``;
a criterion without a passing latest result makes the exit *provisional* (docs/semantics.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.protocols import Criterion, Protocol
from planner.rehab import segments
from planner.season import CriteriaTest, Injury


def criterion(protocol: Protocol, stage: str, name: str) -> Criterion | None:
    """The criterion of ``stage`` called ``name`` (case and surrounding spaces ignored)."""
    if stage not in protocol.stage_ids:
        return None
    key = _key(name)
    return next((c for c in protocol.stage(stage).criteria if _key(c.name) == key), None)


def find_criterion(protocol: Protocol, name: str) -> tuple[str, Criterion] | None:
    """(stage, criterion) of the first stage of ``protocol`` that has a criterion ``name``."""
    for s in protocol.stages:
        c = criterion(protocol, s.id, name)
        if c is not None:
            return s.id, c
    return None


def offered_criteria(protocol: Protocol, stage: str) -> tuple[tuple[str, Criterion], ...]:
    """(stage, criterion) of every test a result may be recorded for in ``stage`` (``FIT``, or
    any stage not of ``protocol``: after the last): the stage's own first; a stage without tests,
    the next stage's that has some (ankle P1: P2's single-leg hop); then the earlier stages',
    latest first (a result taken the day before a stage change is recorded after it). A name
    is offered once, with the first stage's pass mark."""
    ids = list(protocol.stage_ids)
    k = ids.index(stage) if stage in ids else len(ids)
    order = ids[k:k + 1]
    if not (order and protocol.stage(order[0]).criteria):
        order += [next((i for i in ids[k + 1:] if protocol.stage(i).criteria), None)] if order else []
    order += reversed(ids[:k])
    out: list[tuple[str, Criterion]] = []
    seen: set[str] = set()
    for sid in (i for i in order if i is not None):
        for c in protocol.stage(sid).criteria:
            if (key := _key(c.name)) not in seen:
                seen.add(key)
                out.append((sid, c))
    return tuple(out)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def near_criterion(protocol: Protocol, name: str) -> str | None:
    """The protocol's test name ``name`` seems a misspelling of ("Hamstring strenght LSI"),
    or None."""
    import difflib

    names = {_key(c.name): c.name for s in protocol.stages for c in s.criteria}
    near = difflib.get_close_matches(_key(name), list(names), n=1, cutoff=0.6)
    return names[near[0]] if near else None


def result_criterion(protocol: Protocol, record: Injury | None, name: str,
                     day: dt.date) -> tuple[str, Criterion] | None:
    """(stage, criterion) a result of test ``name`` (case and spaces ignored) taken on ``day`` is
    judged against; None: no test of ``protocol``. The stage the record holds on ``day`` (flare-ups
    included) when it has that test; else the next stage that has it, the test the result can let
    the athlete leave by (hamstring P3, which has none: S3's strength LSI, ≥ 90 %, not P2's 75 %);
    else, past every stage that has it, the latest earlier one's. Before the first stage record
    (or no ``record`` yet): read from the first stage. Every place that judges a result reads it here: the Injuries
    editor's pass mark and its ✗ in the Rehab progress table, `periodize record --test`'s check
    and its note."""
    ids = list(protocol.stage_ids)
    held = counted_in(record, protocol, name, day) if record is not None else None
    k = (ids.index(held[0]) if held[0] in ids else len(ids)) if held else 0
    return next(((sid, c) for sid in ids[k:] + ids[:k][::-1]
                 if (c := criterion(protocol, sid, name)) is not None), None)


def episode_start(record: Injury, protocol: Protocol, day: dt.date) -> tuple[str, dt.date] | None:
    """(stage, start) of the stage episode that holds on ``day`` by the record alone."""
    segs = segments(record, protocol, until=day)
    return (segs[-1].stage, segs[-1].start) if segs else None


def counted_in(record: Injury, protocol: Protocol, name: str,
               day: dt.date) -> tuple[str, dt.date] | None:
    """(stage, start) of the stage episode a result of test ``name`` taken on ``day`` counts in:
    the one the record holds that day (:func:`episode_start`), except on the first day of a
    stage record that moved the athlete on: there it counts for leaving the stage held the day
    before, when that stage has the test (the physio tests in the morning and moves the athlete
    on that day on the result; README, RH-CRIT). Every reader of which stage a result was taken
    in goes through it: the gate, the returns, the plan checker, the Rehab progress table."""
    segs = segments(record, protocol, until=day)
    if not segs:
        return None
    cur = segs[-1]
    if cur.start == day and cur.cause == "record" and len(segs) > 1:
        prev = next((s for s in reversed(segs[:-1]) if s.start < day), None)
        if (prev is not None and prev.stage != cur.stage
                and criterion(protocol, prev.stage, name) is not None):
            return prev.stage, prev.start
    return cur.stage, cur.start


@dataclass(frozen=True)
class Result:
    test: CriteriaTest
    criterion: Criterion

    @property
    def passed(self) -> bool:
        return self.criterion.passes(self.test.value)


def episode_from(record: Injury, protocol: Protocol, stage: str, since: dt.date) -> dt.date:
    """The first day of the stage episode holding ``stage`` on ``since``: a record of the stage
    the athlete holds already ("still in S3 on 23 Nov", the way on past a stage's maximum)
    restarts its durations, not its episode, so a failed test taken before it still holds the
    athlete until the retest (docs/semantics.md, RH-CRIT)."""
    segs = segments(record, protocol, until=since)
    if not segs or segs[-1].stage != stage:
        return since
    i = len(segs) - 1
    while i > 0 and segs[i].cause == "record" and segs[i - 1].stage == stage:
        i -= 1
    return min(since, segs[i].start)


def latest_results(record: Injury, protocol: Protocol, stage: str, since: dt.date,
                   before: dt.date) -> dict[str, Result]:
    """Criterion name -> the latest result of it taken in ``stage`` on days from the start of
    the episode holding it on ``since`` (:func:`episode_from`) to ``before`` - 1 (the episode
    being left)."""
    since = episode_from(record, protocol, stage, since)
    out: dict[str, Result] = {}
    for t in sorted(record.tests, key=lambda t: t.date):
        if not (since <= t.date < before):
            continue
        held = counted_in(record, protocol, t.name, t.date)
        if held is None or held[0] != stage:
            continue
        c = criterion(protocol, stage, t.name)
        if c is not None:
            out[c.name] = Result(t, c)
    return out


def tests_until(exit_day: dt.date) -> dt.date:
    """The end (exclusive) of the tests that count for a stage left on ``exit_day``: a test
    taken on the day of the move counts (the physio tests in the morning and the athlete moves on
    that day or not; docs/semantics.md, RH-CRIT). Every reader of a move's tests goes through
    it: the plan checker, the returns, the board's and Move Today's provisional changes."""
    return exit_day + dt.timedelta(days=1)


def gate(record: Injury, protocol: Protocol, stage: str, since: dt.date, before: dt.date,
         retest_days: int) -> tuple[dt.date | None, list[Result]]:
    """The first day the athlete may leave ``stage`` (None: not held) and the failing results."""
    failing = [r for r in latest_results(record, protocol, stage, since, before).values()
               if not r.passed]
    if not failing:
        return None, []
    return max(r.test.date for r in failing) + dt.timedelta(days=retest_days), failing


def result_words(r: Result, show=None) -> str:
    """A result's value with its unit and its day: ``84 % on Sat 2 Jan 2027`` (the criterion's
    unit when the test gives none). ``show`` writes the date (``planner.text.day_long`` unless
    given). Every place that says a failed result says it with these words."""
    from planner.text import day_long, measure

    return f"{measure(r.test.value, r.test.unit or r.criterion.unit)} on {(show or day_long)(r.test.date)}"


def retest_words(until: dt.date, today: dt.date, show=None) -> str:
    """The retest a gate waits on (:func:`gate`), seen on ``today``: ``retest from Tue 5 Jan
    2027``, or ``retest due since …`` for a day gone by."""
    from planner.text import day_long

    show = show or day_long
    return f"retest due since {show(until)}" if until < today else f"retest from {show(until)}"


def failed_words(failing: list[Result], show=None) -> str:
    """The failing results a gate holds the stage on (:func:`gate`), in words, "; " between
    them: ``Hip-flexor strength LSI 88 % on Mon 7 Sep 2026 (pass mark ≥ 90 %)``. ``show`` writes
    the dates (``planner.text.day_long`` unless given). Every place that says why a failed test
    holds the stage until the retest says the results with it."""
    from planner.text import measure

    return "; ".join(
        f"{r.test.name} {result_words(r, show)} (pass mark "
        f"{r.criterion.sign} {measure(r.criterion.pass_mark, r.criterion.unit)})" for r in failing)


def held_gate(record: Injury, protocol: Protocol, stage: str, day: dt.date,
              retest_days: int) -> tuple[dt.date | None, list[Result]]:
    """:func:`gate` of the episode of ``stage`` held on ``day``, the tests up to ``day``
    counted; (None, []) when ``stage`` is not held then."""
    held = episode_start(record, protocol, day)
    if held is None or held[0] != stage or stage not in protocol.stage_ids:
        return None, []
    return gate(record, protocol, stage, held[1], tests_until(day), retest_days)


def failed_retests(record: Injury, protocol: Protocol, stage: str, day: dt.date,
                   retest_days: int, show=None) -> dict[str, str]:
    """Criterion name -> its failed latest result in the episode of ``stage`` held on ``day``
    and the retest, in words (:func:`result_words`, :func:`retest_words`): ``failed 82 % on Mon
    26 Oct 2026, retest from Mon 2 Nov 2026``; {} when ``stage`` is not held then. What a
    provisional return and the handout say of a criterion tested and failed, where "not passed
    yet" read as never tested. ``show`` writes the dates (``planner.text.day_long`` unless
    given)."""
    until, failing = held_gate(record, protocol, stage, day, retest_days)
    if until is None:
        return {}
    retest = retest_words(until, day, show)
    return {r.criterion.name: f"failed {result_words(r, show)}, {retest}" for r in failing}


def passed_before(record: Injury, protocol: Protocol, stage: str, day: dt.date,
                  show=None) -> dict[str, str]:
    """Criterion name -> its passing latest result in an earlier episode of ``stage``, for a
    criterion of the episode held on ``day`` with no result in it yet, in words: ``passed 80 %
    on Tue 13 Oct 2026, before the flare-up: retest`` ({} when ``stage`` is not held then).
    RH-CRIT counts only the episode being left, so a retest is due; "not passed yet" read as if
    the test had never been passed (a flare-up sent the athlete back to the stage). ``show``
    writes the dates (``planner.text.day_long`` unless given)."""
    from planner.text import day_long

    held = episode_start(record, protocol, day)
    if held is None or held[0] != stage or stage not in protocol.stage_ids:
        return {}
    since = episode_from(record, protocol, stage, held[1])
    now = latest_results(record, protocol, stage, held[1], tests_until(day))
    earlier: dict[str, Result] = {}
    for t in sorted(record.tests, key=lambda t: t.date):
        counted = counted_in(record, protocol, t.name, t.date) if t.date < since else None
        c = criterion(protocol, stage, t.name)
        if counted is not None and counted[0] == stage and c is not None and c.name not in now:
            earlier[c.name] = Result(t, c)
    segs = segments(record, protocol, until=since)
    flare = bool(segs) and segs[-1].start == since and segs[-1].cause == "flare-up"
    why = "before the flare-up" if flare else f"before {stage} began again on {(show or day_long)(since)}"
    return {n: f"passed {result_words(r, show)}, {why}: retest" for n, r in earlier.items()
            if r.passed}


def not_passed(record: Injury, protocol: Protocol, stage: str, since: dt.date,
               before: dt.date) -> tuple[Criterion, ...]:
    """The criteria of ``stage`` without a passing latest result in the episode
    (:func:`latest_results`, the same arguments), in the protocol's order: what leaving
    ``stage`` is provisional on; () for a stage without criteria, or not of ``protocol``. The
    plan checker, the returns, the Inspector, the board and the handouts all read it here."""
    if stage not in protocol.stage_ids or not protocol.stage(stage).criteria:
        return ()
    res = latest_results(record, protocol, stage, since, before)
    return tuple(c for c in protocol.stage(stage).criteria
                 if not (c.name in res and res[c.name].passed))


def passes_all(record: Injury, protocol: Protocol, stage: str, since: dt.date,
               before: dt.date) -> bool:
    """Every criterion of ``stage`` has a passing latest result in the episode (True for a stage
    without criteria): an exit that is not provisional."""
    return not not_passed(record, protocol, stage, since, before)


def uncounted_test_words(season, athlete: str, test: CriteriaTest) -> str:
    """Why a criteria result just entered will not count, "" when it will: RH-CRIT reads a test
    of stage S's criterion only while the records (flare-ups included) hold S on its date. The
    editor offered "P2, the current stage" for an athlete a flare-up had sent back to P1 (the
    plan had him re-enter P2 that day): the failed P2 test held him nowhere, unsaid."""
    from planner.protocols import load_protocol
    from planner.rehab import governing
    from planner.text import day_long, join_and

    inj = governing(list(season.injuries_of(athlete)), test.date)
    if inj is None:
        return ""
    proto = load_protocol(inj.protocol)
    of = [s.id for s in proto.stages if criterion(proto, s.id, test.name) is not None]
    held = counted_in(inj, proto, test.name, test.date)
    if not of or (held is not None and held[0] in of):
        return ""
    read = result_criterion(proto, inj, test.name, test.date)[0]  # the stage it was judged for
    who = season.athlete_label(athlete)
    where = f"recorded in {held[0]}" if held is not None else "in no stage yet"
    return (f"{test.name} is a criterion of {join_and(of)}; on {day_long(test.date)} {who} "
            f"is {where}, so this result does not count yet: it counts (a failing one holds the "
            f"athlete in {read}) once {read} is recorded from that day or before (Record "
            f"stage).")


def failed_test_hold_words(season, record: Injury, protocol: Protocol, held: str,
                           since: dt.date, day: dt.date) -> str:
    """The failing latest criteria results that hold the athlete in ``held`` (entered ``since``)
    on ``day`` until the retest (RH-CRIT), in words; "" when none holds him there."""
    from planner.rules import RuleSet
    from planner.text import day_long

    until, failing = gate(record, protocol, held, since, tests_until(day),
                          RuleSet(season.rules).value("RH-CRIT", "retest_days"))
    if until is None or day >= until:
        return ""
    verb = "fails" if len(failing) == 1 else "fail"
    return (f"the latest {failed_words(failing)} {verb}: RH-CRIT holds the athlete in {held} "
            f"until the retest, {day_long(until)}")

