"""Logged pains said to the coach once: new to the coach, not every import again."""

from __future__ import annotations

from planner.progress import PAIN_LOOKBACK_DAYS, flare_proposals, new_to_the_coach, pain_alerts
from planner.season import Session
from tests.builders import day, injury, season


def _season():
    s = season(weeks=16, athletes=2, injuries=(injury("A1", "P2", start_day=-10),), today=day(90))
    old = Session(athlete="A1", date=day(2), minutes=60, rpe=4, pain=8)  # three months ago
    lately = Session(athlete="A1", date=day(90 - PAIN_LOOKBACK_DAYS), minutes=60, rpe=4, pain=8)
    fit = Session(athlete="A2", date=day(3), minutes=60, rpe=5, pain=7)
    return s.model_copy(update={"sessions": (old, lately, fit)}), old, lately


def test_a_fresh_import_says_the_pains_of_the_last_week_and_counts_the_older_ones():
    s, old, lately = _season()
    props = flare_proposals(s)
    assert [p.date for p in props] == [old.date, lately.date]  # both still proposed on the board
    new, older = new_to_the_coach(props, s, None)
    assert [p.date for p in new] == [lately.date] and [p.date for p in older] == [old.date]
    new, older = new_to_the_coach(pain_alerts(s), s, None)
    assert new == [] and [p.athlete for p in older] == ["A2"]


def test_over_a_season_only_the_pains_the_import_brings_are_new():
    s, old, lately = _season()
    before = s.model_copy(update={"sessions": (old,)})
    new, older = new_to_the_coach(flare_proposals(s), s, before)
    assert [p.date for p in new] == [lately.date] and [p.date for p in older] == [old.date]
    # the same sessions imported again: nothing new, whatever their date
    assert new_to_the_coach(flare_proposals(s), s, s)[0] == []
    # a pain corrected in the workbook is a session the season did not have: said again
    changed = s.model_copy(update={"sessions": (old.model_copy(update={"pain": 9}),) + s.sessions[1:]})
    assert [p.date for p in new_to_the_coach(flare_proposals(changed), changed, s)[0]] == [old.date]
