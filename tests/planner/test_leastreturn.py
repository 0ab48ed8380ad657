"""planner/leastreturn.py's count of the days to a return that hold no rehab session
(idle_days)."""

from __future__ import annotations

from planner.leastreturn import idle_days
from planner.protocols import load_protocol
from planner.timeline import Timeline
from tests.builders import day, season


def test_idle_days_counts_the_days_to_the_return_and_none_for_a_return_on_the_first_day():
    """A return on the season's first day counted the whole season: "of the 0 days ... 8 have
    no rehab session". The days from start to the day before the return are counted, none when
    the return is on start or before it, and a return past the season's end counts the season's
    days alone."""
    s = season(weeks=4, athletes=1)  # matches on days 5, 12, 19, 26 (Saturdays)
    proto = load_protocol("iliopsoas-tendinopathy")
    assert sorted(Timeline(s).trained_weekdays) == [0, 1, 2, 3, 4, 5]  # Sundays off
    week = idle_days(s, "A1", day(0), day(7), None, proto)
    assert (week.days, week.matches, week.off, week.away) == (7, 1, 1, 0)  # days 0-6: 5 and 6
    assert week.words(s).startswith("of the 7 days from Mon 4 Jan to it, 2 have no rehab session")
    for back in (day(0), day(-3)):
        none = idle_days(s, "A1", day(0), back, None, proto)
        assert (none.days, none.idle) == (0, 0) and none.words(s) == ""
    later = idle_days(s, "A1", day(21), day(40), None, proto)  # the season ends on day 27
    assert (later.days, later.matches, later.off) == (19, 1, 1)  # days 21-27: 26 and 27
