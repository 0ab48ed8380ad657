"""The day marks, congested runs and returns an edit leaves as they were are kept, athlete by
athlete (planner.memo.ByInputs): what the board and the Returns panel draw after each edit is
what a full recompute gives, so a kept result cannot go stale."""

from __future__ import annotations

import pytest

from planner import congestion as C
from planner import daymarks as D
from planner import edits as E
from planner import returns as R
from planner.season import IntensityPin, Unavailability
from planner.timeline import Timeline
from tests.builders import day, injury, season, solved_and_checked


def forget_all() -> None:
    D.forget()
    C.congestion.forget()
    C._kept.clear()
    R._facts.forget()


def drawn(s) -> tuple:
    """What the board and the Returns panel read of ``s``: the marks, the congested runs, the
    returns (as the panel asks, and with the season's history)."""
    tl = Timeline(s)
    return (D.day_marks(s, tl), C.congestion(s, tl), R.returns(s, s.plan),
            R.returns(s, s.plan, history=True))


@pytest.fixture(scope="module")
def solved():
    s = season(weeks=5, athletes=4, injuries=(injury("A1", "P2", start_day=-3),
                                              injury("A3", "S3", start_day=-2)))
    out, _ = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def _replanned(s):
    """A2's plan row changed by hand (a day at 90 %), the others' rows the same objects."""
    ap = s.plan.for_athlete("A2")
    it = list(ap.intensity)
    it[9] = 90 if it[9] != 90 else 70
    rows = tuple(ap.model_copy(update={"intensity": tuple(it)}) if a is ap else a
                 for a in s.plan.athletes)
    return E.SetPlan(plan=s.plan.model_copy(update={"athletes": rows})).apply(s)


EDITS = [
    ("rename", lambda s: E.UpdateAthlete(athlete="A2", name="Renamed").apply(s)),
    ("pin", lambda s: E.AddPin(pin=IntensityPin(athlete="A2", date=day(10), intensity=90)).apply(s)),
    ("a goalkeeper now", lambda s: E.UpdateAthlete(athlete="A2", position="Goalkeeper").apply(s)),
    ("default role", lambda s: E.UpdateAthlete(athlete="A4", role="bench").apply(s)),
    ("a match's role", lambda s: E.SetRole(competition="m1", athlete="A2", role="out").apply(s)),
    ("away", lambda s: E.AddUnavailability(unavailability=Unavailability(
        athlete="A4", start=day(15), end=day(18), reason="ill")).apply(s)),
    ("a rule", lambda s: E.SetRuleValue(rule="RH-FL", param="calm_days", value=3.0).apply(s)),
    ("a plan row", _replanned),
    ("a flare-up", lambda s: E.RecordFlareUp(athlete="A1", date=day(2)).apply(s)),
]


def test_after_each_edit_the_kept_results_are_a_full_recompute(solved):
    forget_all()
    s = solved
    drawn(s)
    for what, edit in EDITS:
        s = edit(s)
        kept = drawn(s)  # with the results of the season before it kept
        forget_all()
        assert kept == drawn(s), what  # worked out from nothing


def test_a_rename_or_a_pin_works_out_no_athletes_marks_and_no_uninjured_facts(solved, monkeypatch):
    """On 40 x 52 each such edit spent 0.1 s of the window's thread on every athlete's marks,
    the congested runs and the facts of athletes with no injury for the Returns panel."""
    forget_all()
    drawn(solved)
    built = []
    real = R.AthleteFacts.__init__

    def counting(self, season, tl, rs, ap):
        built.append(ap.athlete)
        real(self, season, tl, rs, ap)

    monkeypatch.setattr(R.AthleteFacts, "__init__", counting)
    before = D.day_marks(solved)
    for edit in EDITS[:2]:
        s = edit[1](solved)
        marks = D.day_marks(s)
        assert all(marks[a] is before[a] for a in before)  # each athlete's marks kept
        assert C.congestion(s) is C.congestion(solved)
        R.returns(s, s.plan)
    assert set(built) <= {"A1", "A3"}, built  # the returns' facts: the injured athletes' alone
