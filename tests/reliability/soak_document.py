"""Random edit / undo / redo sequences on the app's document (``make soak``): after every step
the document equals the replay of the edits the undo stack holds (``planner.edits.apply_all``
on the first season), a refused edit changes nothing, and a save and load gives it back.

    SOAK_SEQUENCES=1000 pytest tests/reliability/soak_document.py -s
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from planner import edits as E
from planner.errors import InputError
from planner.season import Athlete, Competition, IntensityPin, NonTrainingDay, Unavailability
from planner.seasonfile import dumps, loads
from tests.builders import day, injury, season
from tests.reliability.figures import record

SEQUENCES = int(os.environ.get("SOAK_SEQUENCES", "1000"))
STEPS = int(os.environ.get("SOAK_STEPS", "40"))
DAYS = st.integers(-5, 33).map(day)
STATS = {"sequences": 0, "steps": 0, "applied": 0, "refused": 0, "undo": 0, "redo": 0}


def _qt():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.desktop.app import make_app

    return make_app()


@st.composite
def edits(draw, s):
    """An edit of season ``s``: mostly ones that apply, some the rules refuse."""
    ids = [a.id for a in s.athletes] or ["A1"]
    comps = [c.id for c in s.competitions] or ["m0"]
    ath, comp, d = draw(st.sampled_from(ids)), draw(st.sampled_from(comps)), draw(DAYS)
    n = draw(st.integers(0, 99))
    options = [
        lambda: E.MoveCompetition(competition=comp, date=d),
        lambda: E.UpdateCompetition(competition=comp, priority=draw(st.sampled_from("ABC"))),
        lambda: E.AddCompetition(competition=Competition(id=f"c{n}", name=f"Friendly {n}", date=d, priority="C")),
        lambda: E.RemoveCompetition(competition=comp),
        lambda: E.AddAthlete(athlete=Athlete(id=f"N{n}", name=f"New {n}", position="Forward")),
        lambda: E.UpdateAthlete(athlete=ath, name=draw(st.sampled_from(["=1+1", "Ben Hart", "Kofi"]))),
        lambda: E.RemoveAthlete(athlete=ath),
        lambda: E.AddUnavailability(unavailability=Unavailability(athlete=ath, start=d, end=d + dt.timedelta(days=2))),
        lambda: E.AddNonTrainingDay(day=NonTrainingDay(date=d, reason="Travel")),
        lambda: E.RemoveNonTrainingDay(date=d),
        lambda: E.AddPin(pin=IntensityPin(athlete=ath, date=d, intensity=draw(st.sampled_from([0, 60, 80, 100])))),
        lambda: E.SetRuleValue(rule="HV-2", param="max_speed_days", value=draw(st.sampled_from([1, 2, 3, 7]))),
        lambda: E.SetRuleMode(rule="TEAM", mode=draw(st.sampled_from(["soft", "hard", "off"]))),
        lambda: E.RecordFlareUp(athlete=ath, date=d),
        lambda: E.SetRole(competition=comp, athlete=ath, role=draw(st.sampled_from(["start", "bench", "out", None]))),
        lambda: E.SetSeasonSettings(training_days=draw(st.sampled_from([("mon", "wed", "fri"), ("tue",), ()]))),
        lambda: E.AddScenario(name=f"S{n}", edits=(E.MoveCompetition(competition=comp, date=d).to_dict(),)),
    ]
    return draw(st.sampled_from(options))()


class DocumentMachine(RuleBasedStateMachine):
    @initialize()
    def start(self):
        from ui.desktop.document import Document

        _qt()
        self.first = season(weeks=5, athletes=4, injuries=(injury("A1", stage="P2", start_day=-3),))
        self.doc = Document(self.first)
        self.done: list = []  # edits applied and not undone, in order
        self.undone: list = []
        STATS["sequences"] += 1

    @rule(data=st.data())
    def apply(self, data):
        edit = data.draw(edits(self.doc.season))
        before = self.doc.season
        STATS["steps"] += 1
        try:
            self.doc.apply(edit)
        except InputError:
            STATS["refused"] += 1
            assert self.doc.season == before  # a refused edit changes nothing
            return
        STATS["applied"] += 1
        self.done.append(edit)
        self.undone.clear()

    @precondition(lambda self: self.done)
    @rule()
    def undo(self):
        STATS["steps"] += 1
        STATS["undo"] += 1
        self.doc.undo_stack.undo()
        self.undone.append(self.done.pop())

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self):
        STATS["steps"] += 1
        STATS["redo"] += 1
        self.doc.undo_stack.redo()
        self.done.append(self.undone.pop())

    @invariant()
    def equals_the_replay(self):
        if not hasattr(self, "doc"):
            return
        assert self.doc.undo_stack.index() == len(self.done)
        assert self.doc.season == E.apply_all(self.first, self.done)
        assert self.doc.modified == bool(self.done)

    @rule()
    def save_and_load(self):
        assert loads(dumps(self.doc.season)) == self.doc.season


DocumentMachine.TestCase.settings = settings(
    max_examples=SEQUENCES, stateful_step_count=STEPS, deadline=None, database=None,
    suppress_health_check=list(HealthCheck))
TestDocument = DocumentMachine.TestCase


def test_zz_figures():
    s = STATS
    assert s["sequences"] >= SEQUENCES
    record("Random edit / undo / redo sequences on the document",
           f"{s['sequences']:,} sequences, {s['steps']:,} steps ({s['applied']:,} edits applied, "
           f"{s['refused']:,} refused, {s['undo']:,} undo, {s['redo']:,} redo): the document always "
           f"equals the replay of its undo stack; refused edits change nothing; save/load exact",
           f"SOAK_SEQUENCES={SEQUENCES} pytest tests/reliability/soak_document.py -s")
