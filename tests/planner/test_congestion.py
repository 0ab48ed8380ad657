"""Congested fixtures (planner.congestion): starts 72 h or less apart, listed as runs; not a rule."""

from planner.congestion import added, congestion
from planner.season import MatchRole
from tests.builders import day, season


def _runs(s):
    return [(c.athletes, tuple((d - day(0)).days for d in c.days)) for c in congestion(s)]


def test_a_tournament_is_one_run_and_the_ordinary_two_match_week_is_not_listed():
    # Sat 5, Tue 8, Wed 9, Fri 11: each within 3 days of the one before; Wed 16 five days later
    assert _runs(season(weeks=3, matches=[5, 8, 9, 11, 16])) == [(("A1", "A2", "A3"), (5, 8, 9, 11))]
    # Sat, Wed, Sat (4 and 3 days apart): the in-season week HV-6 plans around, not listed
    assert _runs(season(weeks=3, matches=[5, 9, 12])) == []
    assert _runs(season(weeks=2, matches=[5, 8])) == []  # 72 h apart, two only
    assert _runs(season(weeks=2, matches=[5, 7])) == [(("A1", "A2", "A3"), (5, 7))]  # 48 h


def test_a_player_rotated_out_has_his_own_run_and_today_cuts_the_past():
    s = season(weeks=3, matches=[5, 8, 9, 11, 16])
    out = s.competitions[2]  # Wed 9
    assert out.date == day(9)
    s = s.model_copy(update={"roles": (MatchRole(competition=out.id, athlete="A2", role="out"),)})
    # A2 starts Sat 5, Tue 8, Fri 11: still 3 days apart each; the others Sat 5 to Fri 11
    assert _runs(s) == [(("A1", "A3"), (5, 8, 9, 11)), (("A2",), (5, 8, 11))]
    words = congestion(s)[1].text(s)
    assert words.startswith("Athlete 2 (A2) starts on 3 match days in 7 days (Sat 9 Jan, "
                            "Tue 12 Jan, Fri 15 Jan): 72 h or less between them")
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(9)})})
    assert _runs(later) == _runs(s)  # under way at today: listed whole
    over = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(12)})})
    assert _runs(over) == []  # over before today (the Wed 16 match starts no run)


def test_a_run_under_way_at_today_is_not_cut():
    s = season(weeks=2, matches=[5, 6, 9])  # Sat, Sun, Wed
    assert _runs(s) == [(("A1", "A2", "A3"), (5, 6, 9))]
    today = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(6)})})
    assert _runs(today) == [(("A1", "A2", "A3"), (5, 6, 9))]  # it dropped out: 6 and 9 are 72 h



def test_a_what_if_adds_only_the_runs_the_baseline_has_not():
    """Rotating one player out of a match split the baseline's group in two, and the comparison
    named both as new congestion although there was less of it."""
    base = season(weeks=3, matches=[5, 8, 9, 11, 16])
    rotated = base.model_copy(update={"roles": (
        MatchRole(competition=base.competitions[2].id, athlete="A2", role="out"),)})
    assert added(base, rotated) == []
    assert added(base, base) == []
    busier = season(weeks=3, matches=[5, 8, 9, 11, 12, 16])  # one more match, Sat 16 Jan
    (c,) = added(base, busier)
    assert c.athletes == ("A1", "A2", "A3") and [(d - day(0)).days for d in c.days] == [5, 8, 9, 11, 12]
    assert [c.athletes for c in added(None, base)] == [("A1", "A2", "A3")]


def test_a_match_moved_inside_a_congested_run_adds_no_congestion():
    """A semi-final moved a day earlier in the same tournament: the baseline's starters were
    on 4 match days in 6 days, and so are the scenario's; the comparison named it as
    congestion the scenario adds."""
    base = season(weeks=3, matches=[5, 6, 8, 10])  # Sat, Sun, Tue, Thu
    moved = season(weeks=3, matches=[5, 7, 8, 10])  # the Sunday match on Monday
    assert [(len(c.days), c.span) for c in congestion(base)] == [(4, 6)]
    assert [(len(c.days), c.span) for c in congestion(moved)] == [(4, 6)]
    assert added(base, moved) == []
    tighter = season(weeks=3, matches=[5, 6, 7, 9])  # the same four in five days: said
    (c,) = added(base, tighter)
    assert (len(c.days), c.span) == (4, 5)
    later = season(weeks=3, matches=[5, 6, 8, 10, 18, 19, 20])  # another run, a week on
    assert [(len(c.days), c.span) for c in added(base, later)] == [(3, 3)]

