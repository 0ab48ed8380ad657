"""Where TP-1's taper falls against an A competition (planner.taperplace): notes with their fix,
not rules. Seasons built here: weeks from Monday, training Monday to Friday."""

import datetime as dt

from planner.season import Competition, NonTrainingDay, RuleSettings
from planner.taperplace import LATE_TRAINING_DAYS, late_in_week, taper_after_break, taper_notes
from tests.builders import day, season

WEEKDAYS5 = ("mon", "tue", "wed", "thu", "fri")


def with_a(*days: int, weeks: int = 8, week_start: str = "mon", off=()):
    """Two athletes, no other match, an A competition on each of ``days``; ``off``: the team's
    days off (day indexes)."""
    comps = [Competition(id=f"a{k}", name=f"Cup {k + 1}", date=day(d), priority="A")
             for k, d in enumerate(days)]
    s = season(weeks=weeks, athletes=2, matches=[], comps=comps)
    cal = s.calendar.model_copy(update={
        "week_start": week_start, "training_days": WEEKDAYS5,
        "non_training_days": tuple(NonTrainingDay(date=day(d), reason="Break") for d in off)})
    return s.model_copy(update={"calendar": cal})


def test_a_saturday_a_competition_with_weeks_from_monday_is_named_with_the_week_start_to_choose():
    s = with_a(33)  # Sat of week 5
    [note] = late_in_week(s)
    assert [c.id for c in note.competitions] == ["a0"] and note.training == (5,)
    said = note.text(s)
    assert said.startswith("Cup 1 (Sat 6 Feb), A, comes late in its week (weeks start on "
                           "Monday): the 5 training days before it in its week are load-week "
                           "sessions, not the taper")
    assert "start the weeks on Saturday (Season ▸ Season Settings…: Weeks start on" in said
    assert "the Season sheet's Week starts" in said


def test_with_weeks_from_saturday_the_same_competition_is_not_named():
    assert late_in_week(with_a(33, week_start="sat")) == []


def test_a_tournament_weekend_is_one_competition_and_several_on_one_weekday_share_a_line():
    """Sat and Sun of one tournament (each day its own A competition) are named by their first;
    two tournaments on Saturdays share the fix, one line."""
    s = with_a(33, 34, 61, weeks=10)
    [note] = taper_notes(s)
    assert [c.id for c in note.competitions] == ["a0", "a2"]
    assert note.text(s).startswith("Cup 1 (Sat 6 Feb) and Cup 3 (Sat 6 Mar), A, come late in "
                                   "their weeks (weeks start on Monday): the 5 training days "
                                   "before each in its week")
    assert "to taper up to them, start the weeks on Saturday" in note.text(s)
    # Cup 1's week is a taper week of Cup 3's (two weeks before it): its days are taper days
    assert [c.id for n in late_in_week(with_a(33, 47)) for c in n.competitions] == ["a1"]


def test_the_threshold_is_the_training_days_before_it_in_its_week():
    """A Thursday A has 3 training days before it in its week (named), a Wednesday one 2 (not);
    a day off in the week counts no training day."""
    assert LATE_TRAINING_DAYS == 3
    [note] = late_in_week(with_a(31))  # Thu
    assert note.training == (3,) and note.weekday == "thu"
    assert late_in_week(with_a(30)) == []  # Wed
    assert late_in_week(with_a(31, off=(28,))) == []  # Thu, Monday off: 2 left


def test_an_a_competition_in_the_first_week_or_a_week_begun_before_today_is_not_named():
    """No week before it: TP-1 tapers nothing there; a week begun: its kind is kept."""
    assert late_in_week(with_a(5)) == []
    s = with_a(33)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(30)})})
    assert late_in_week(s) == []
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(28)})})
    assert late_in_week(s) != []  # the week starts today: still to plan
    assert day(28).weekday() == dt.date(2027, 1, 4).weekday()


# -- a taper straight after a break --------------------------------------------------------------
CUP = 61  # Sat of week 8: TP-1's taper weeks are weeks 6 and 7 (days 42-55)


def after_break(first_off: int, last_off: int, taper_weeks: int | None = None, a: int = CUP):
    s = with_a(a, weeks=10, off=range(first_off, last_off + 1))
    if taper_weeks is not None:
        s = s.model_copy(update={"rules": RuleSettings(values={"TP-1": {"taper_weeks": taper_weeks}})})
    return s


def test_a_taper_straight_after_a_three_week_break_is_named_with_what_to_do():
    """The summer break Mon day 21 - Sun day 41, the team back on Mon day 42, the taper's first
    day: the taper follows no load weeks."""
    s = after_break(21, 41)
    [note] = taper_after_break(s)
    assert (note.a.id, note.weeks, note.back) == ("a0", 3, day(42))
    assert note.text(s) == (
        "Cup 1's taper (A, Sat 6 Mar) starts the week the team comes back from a 3-week break "
        "(back Mon 15 Feb): the taper sessions follow no load weeks; end the break earlier (Days "
        "Off) so that load weeks come before the taper, or set TP-1's taper weeks to 1 (Rules: "
        "TP-1.taper_weeks)")
    assert note.settings() == ["TP-1.taper_weeks"]
    assert note in taper_notes(s)


def test_a_break_of_one_week_or_one_before_a_load_week_is_not_named():
    assert taper_after_break(after_break(35, 41)) == []  # a week off: 9 days without the team
    assert [n.weeks for n in taper_after_break(after_break(28, 41))] == [2]  # two weeks: named
    # one taper week: the load week of the team's return (week 6) comes before it
    assert taper_after_break(after_break(21, 41, taper_weeks=1)) == []


def test_a_break_into_the_taper_names_the_day_back_and_one_taper_week_says_only_the_break():
    [note] = taper_after_break(after_break(21, 44))  # back Thu day 45, inside the first taper week
    assert note.back == day(45) and note.weeks == 3
    [note] = taper_after_break(after_break(28, 48, taper_weeks=1))  # TP-1 at its least already
    s = after_break(28, 48, taper_weeks=1)
    assert note.text(s).endswith("end the break earlier (Days Off) so that load weeks come before "
                                 "the taper")
    assert note.settings() == []


def test_the_days_before_the_seasons_first_training_day_are_no_break():
    """A season that starts with four weeks off before its first taper has nothing to come back
    from: not said as a break."""
    assert taper_after_break(after_break(0, 27, a=47)) == []


def test_competitions_late_on_different_weekdays_say_once_that_no_week_start_suits_all():
    """A Saturday A and a Thursday A each said "start the weeks on …", one Saturday, the other
    Thursday: two fixes that cannot both be done. Each note gives its weekday; the first says
    once that no single week start tapers up to all, and to choose."""
    s = with_a(33, 59, weeks=10)  # Sat of week 5, Thu of week 9
    sat, thu = taper_notes(s)
    assert (sat.weekday, thu.weekday) == ("sat", "thu") and sat.apart == thu.apart == ("sat", "thu")
    first, second = sat.text(s), thu.text(s)
    assert "start the weeks on" not in first + second  # no two orders that contradict
    assert first.endswith("weeks from Saturday would taper up to it, but no single week start "
                          "tapers up to every A competition late in its week (they fall on "
                          "Saturday and Thursday): choose the one to taper up to (Season ▸ Season "
                          "Settings…: Weeks start on; in the coach workbook, the Season sheet's "
                          "Week starts) and solve again"), first
    assert "weeks from Thursday would taper up to it (Season ▸" in second
    assert "no single week start" not in second  # said once
    # one weekday: the plain fix, as before
    [one] = late_in_week(with_a(33, weeks=10))
    assert one.apart == () and "start the weeks on Saturday" in one.text(s)
