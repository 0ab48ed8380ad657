"""planner.caution: a pain logged, said on the next planned
speed days (the Inspector's Check row and the handout's notes), never a change of the plan."""

from __future__ import annotations

import datetime as dt

from planner.caution import caution_notes
from planner.handout import Handouts, day_texts
from planner.season import Session
from planner.sessions import Prescriber
from planner.timeline import Timeline
from tests.planner.test_sessions import _plan, _season


def _logged(*sessions: Session, today: int = 7):
    """The small season with a plan, today on day ``today`` (a Monday) and ``sessions`` logged."""
    s = _season()
    tl = Timeline(s)
    return s.model_copy(update={
        "calendar": s.calendar.model_copy(update={"today": tl.days[today]}),
        "plan": _plan(s), "sessions": sessions})


def _speed_days(s, athlete: str) -> list[int]:
    tl, ap = Timeline(s), s.plan.for_athlete(athlete)
    return [i for i in range(tl.p0, tl.n) if ap.intensity[i] >= 80 and not tl.is_comp[i]]


def test_a_pain_logged_is_said_on_the_speed_days_of_the_week_after_it():
    """Ben Carter logged pain 5/10 on a Friday, not in rehab: the import warned, but his speed
    day on the Wednesday after said nothing, in the Inspector nor on his handout."""
    base = _logged()
    tl = Timeline(base)
    friday = tl.days[4]
    s = _logged(Session(athlete="A1", date=friday, minutes=45, rpe=4, pain=5, note="groin"))
    speed = _speed_days(s, "A1")
    within = [i for i in speed if tl.days[i] <= friday + dt.timedelta(days=7)]
    assert within and len(within) < len(speed)  # some days in the week after, some beyond it
    notes = caution_notes(s, "A1")
    said = "Pain 5/10 logged Fri 8 Jan: check with the athlete before sprinting"
    assert notes == {tl.days[i]: said for i in within}
    days = Prescriber(s, s.plan).athlete("A1")
    assert said in days[within[0]].note
    assert all(said not in days[i].note for i in range(tl.n) if i not in within)
    (week,) = [w for w in Handouts(s, s.plan).weeks("A1") if w.days[0].date <= tl.days[within[0]]
               <= w.days[-1].date]
    (d,) = [x for x in week.days if x.date == tl.days[within[0]]]
    assert said in day_texts(d).what
    # below the pain warning's threshold, and in anonymised handouts: nothing
    low = _logged(Session(athlete="A1", date=friday, minutes=45, rpe=4, pain=4))
    assert caution_notes(low, "A1") == {}
    assert Prescriber(s, s.plan, anonymise=True).day("A1", within[0]).note == ""


def test_a_pain_in_rehab_has_the_flare_up_words_not_the_caution():
    """A pain logged in rehab proposes a flare-up (its own words): no second note."""
    base = _logged()
    tl = Timeline(base)
    s = _logged(Session(athlete="A3", date=tl.days[4], minutes=30, rpe=3, pain=6))
    assert caution_notes(s, "A3") == {}
