"""A pain listed to the coach (a fit player's, or one just below a protocol's flare-up threshold
for a returner) said on the planned speed days and match after it wherever a day's cautions are
said, and named by Plan Check, ``check`` and ``solve``: the plan itself is not changed for it."""

from __future__ import annotations

import functools

from planner.season import Session
from planner.timeline import Timeline
from tests.builders import day, injury, season, solved_and_checked

# what the staff and the player read on the returner's 90 % day (Wed 13 Jan, day 9)
STAFF = ("Pain 4/10 logged Wed 6 Jan: check with the athlete before sprinting; if not pain-free, "
         "hold the athlete at that level (pin their next speed days no higher)")
PLAYER = "You logged pain 4/10 on Wed 6 Jan: tell the coach before you sprint if it still hurts"
# Plan Check's line (the command line's; the app says its own place to record the flare-up)
NAMED = ("Athlete 1 (A1) logged pain 4/10 on Wed 6 Jan 2027 back after the persistent iliopsoas "
         "tendinopathy, just below the protocol's 5/10 for a flare-up: the plan counts the "
         "session as done; planned 90 % on Wed 13 Jan 2027: check with the athlete before "
         "sprinting; if the session was not pain-free, hold the athlete at that level (pin their "
         "next speed days no higher) or record the flare-up (Season ▸ Injuries, or periodize "
         "record --flare-up)")


def _logged(pain: float):
    """A1 back to full training (FIT since day -10 after S3, iliopsoas: a flare-up at 5/10) sprints
    at 94 % on Tue day 1, logs ``pain`` on Wed day 2 ("hip flexor sore") and rests on Saturday's
    match; today Mon day 7."""
    s = season(weeks=4, athletes=2, today=day(7), injuries=(
        injury("A1", "FIT", start_day=-10, history=(("S3", -20),)),))
    return s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(1), minutes=75, rpe=6, top_speed_pct=94),
        Session(athlete="A1", date=day(2), minutes=60, rpe=4, pain=pain, note="hip flexor sore"),
        Session(athlete="A1", date=day(5), minutes=0, rpe=0, note="rested, hip"))})


@functools.cache
def returner_with_a_pain(pain: float = 4):
    """``_logged(pain)`` solved and checked, the plan stored."""
    s = _logged(pain)
    out, _ = solved_and_checked(s, time_limit=20)
    return s.model_copy(update={"plan": out.plan})


def test_a_returners_pain_just_below_the_threshold_is_said_on_the_next_speed_day():
    """Kofi Mensah, back from a hip injury, logged 4/10 (just below the protocol's 5/10) the day
    after a 94 % sprint, and was planned sprints the next week with nothing about the pain on the
    day, in explain nor on the handout: the caution read a fit player's pains alone."""
    from planner.caution import caution_notes
    from planner.handout import Handouts, day_texts, handout_weeks
    from planner.why import why_day

    s = returner_with_a_pain()
    tl, ap = Timeline(s), s.plan.for_athlete("A1")
    window = [i for i in range(tl.p0, 10) if ap.intensity[i] >= 80 and not tl.is_comp[i]]
    assert window == [9] and ap.intensity[9] >= 90  # the one speed day within 7 days of the pain
    assert caution_notes(s, "A1") == {day(9): STAFF}
    why = why_day(s, s.plan, "A1", day(9)).text()
    assert f"  - {STAFF} (the log's caution; the plan is not changed for it)." in why, why
    (mine,) = [d for w in handout_weeks(s, s.plan, ["A1"]) for d in w.days if d.date == day(9)]
    assert PLAYER in day_texts(mine).what and STAFF not in day_texts(mine).what
    (sheet,) = [d for w in Handouts(s, s.plan).weeks("A1") for d in w.days if d.date == day(9)]
    assert STAFF in day_texts(sheet).what  # the workbook's week pages: the staff's words
    # the days after the window, and a pain under the listed band (3/10), say nothing
    assert "the log's caution" not in why_day(s, s.plan, "A1", day(12)).text()
    low = returner_with_a_pain(3)
    assert caution_notes(low, "A1") == {}


def test_plan_check_names_a_pain_before_today_that_cautions_a_planned_speed_day(tmp_path, capsys):
    """The coach saw the pain on the workbook's Cover alone: ``check`` and ``solve`` name it
    now, with the planned day it cautions and what to do; a pain of 3/10 is not named."""
    from planner.caution import pain_checks
    from planner.seasonfile import save_season
    from ui.cli.main import main

    s = returner_with_a_pain()
    assert [c.text(s) for c in pain_checks(s)] == [NAMED]
    assert pain_checks(returner_with_a_pain(3)) == []
    path = tmp_path / "s.season.json"
    save_season(s, path)
    main(["check", str(path)])
    got = capsys.readouterr()
    assert f"⚠ Pain: {NAMED}.\n" in got.out and NAMED not in got.err  # as solve says it
    save_season(s.model_copy(update={"plan": None}), path)
    assert main(["solve", str(path)]) == 0
    assert "⚠ Pain: Athlete 1 (A1) logged pain 4/10 on Wed 6 Jan 2027" in capsys.readouterr().out
