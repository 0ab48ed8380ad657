"""planner.caution: a pain logged, or days logged without training, said on the next planned
speed days (the Inspector's Check row and the handout's notes), never a change of the plan."""

from __future__ import annotations

import datetime as dt

from planner.caution import caution_notes
from planner.handout import Handouts, day_texts
from planner.season import Session
from planner.sessions import Prescriber
from planner.timeline import Timeline
from planner.why import why_day
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
    # below the pain warning's threshold (4/10 is listed the day after Thursday's 95 %, 3/10
    # not), and in anonymised handouts: nothing
    low = _logged(Session(athlete="A1", date=friday, minutes=45, rpe=4, pain=3))
    assert caution_notes(low, "A1") == {}
    assert Prescriber(s, s.plan, anonymise=True).day("A1", within[0]).note == ""


def test_a_pain_in_rehab_has_the_flare_up_words_not_the_caution():
    """A pain logged in rehab proposes a flare-up (its own words): no second note."""
    base = _logged()
    tl = Timeline(base)
    s = _logged(Session(athlete="A3", date=tl.days[4], minutes=30, rpe=3, pain=6))
    assert caution_notes(s, "A3") == {}


def test_days_logged_without_training_are_said_on_the_first_speed_day_after_them():
    """Hugo Laurent, logged 0 (ill) Thursday and Friday and on Saturday's match, was handed
    "You did not play League match 7: a top-up" for Monday's 95 % sprints: a squad decision's
    words, for a player who was ill, and nothing said about his first sprints back."""
    s = _logged(*(Session(athlete="A5", date=Timeline(_season()).days[d], minutes=0, rpe=0,
                          note="ill") for d in (3, 4, 5)))
    tl = Timeline(s)
    assert tl.is_comp[5] and s.plan.for_athlete("A5").intensity[7] == 95
    said = ("First speed day after 3 days logged without training (Thu 7 – Sat 9 Jan): check "
            "the athlete is well before sprinting")
    assert caution_notes(s, "A5") == {tl.days[7]: said}
    monday = Prescriber(s, s.plan).day("A5", 7)
    assert monday.context == "compensation"
    assert monday.content.startswith("You missed League match 3 (logged as not training). Sprints")
    assert "top-up" not in monday.content and said in monday.note
    why = why_day(s, s.plan, "A5", tl.days[7]).text()
    assert "missed (logged as not training)" in why and "compensation session" not in why
    # one day logged so is no run; a match not played but not logged so keeps its top-up
    one = _logged(Session(athlete="A5", date=tl.days[4], minutes=0, rpe=0))
    assert caution_notes(one, "A5") == {}
    assert Prescriber(one, one.plan).day("A5", 7).content.startswith("You did not play League match 3")


def test_a_session_logged_after_the_days_without_training_ends_the_caution():
    """Back in training (a session with minutes logged after them): his next sprints are no
    first session back."""
    tl = Timeline(_season())
    idle = [Session(athlete="A5", date=tl.days[d], minutes=0, rpe=0) for d in (1, 2)]
    back = Session(athlete="A5", date=tl.days[3], minutes=60, rpe=5)
    assert caution_notes(_logged(*idle), "A5") != {}
    assert caution_notes(_logged(*idle, back), "A5") == {}


def test_a_pain_logged_before_a_match_he_plays_is_said_on_the_match_day():
    """Elias Novak logged pain 5/10 on the Friday before his next match starts: nothing said,
    the caution being on speed days only, and the match is a starter's speed exposure. The first
    match he is planned to play after the pain (start or bench) carries it, in a match's words,
    unless a speed day came first and said it; the next match, and one after the window, do not."""
    tl = Timeline(_season())
    sunday, match, later = 6, 9, 12  # A2 starts matches on Wed day 9 and Sat day 12
    pain = Session(athlete="A2", date=tl.days[sunday], minutes=45, rpe=4, pain=5,
                   note="adductor sore")
    s = _logged(pain)
    ap = s.plan.for_athlete("A2")
    assert (ap.intensity[match], ap.intensity[later]) == (100, 100)
    assert not [i for i in _speed_days(s, "A2") if i < later]  # no speed day before them
    said = "Pain 5/10 logged Sun 10 Jan: check with the athlete before they play"
    assert caution_notes(s, "A2") == {tl.days[match]: said}
    p = Prescriber(s, s.plan)
    assert p.day("A2", match).context == "match" and said in p.day("A2", match).note
    assert said not in p.day("A2", later).note
    # on the bench (80 %) he plays too
    bench = ap.model_copy(update={"intensity": ap.intensity[:match] + (80,) + ap.intensity[match + 1:]})
    benched = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        bench if x.athlete == "A2" else x for x in s.plan.athletes)})})
    assert caution_notes(benched, "A2") == {tl.days[match]: said}
    # a speed day before the match said it already: A1's 90 % on Tue day 8, before Wed's match
    first = _logged(pain.model_copy(update={"athlete": "A1"}))
    notes = caution_notes(first, "A1")
    assert tl.days[8] in notes and tl.days[match] not in notes, notes
    assert all("before sprinting" in words for words in notes.values())
    # below the threshold (3/10; 4/10 the day after Saturday's match is listed): nothing
    # before the match either
    assert caution_notes(_logged(pain.model_copy(update={"pain": 3})), "A2") == {}


def _handout_what(s, athlete: str, i: int) -> str:
    """Day ``i``'s cell of the player's own handout (handout_weeks: the handout PDF's pages)."""
    from planner.handout import handout_weeks

    day = Timeline(s).days[i]
    (d,) = [x for w in handout_weeks(s, s.plan, [athlete]) for x in w.days if x.date == day]
    return day_texts(d).what


def _calendar_texts(s, athlete: str, folder) -> list[str]:
    """The player's own iCalendar, as Export ▸ one athlete's and as the folder's .ics of every
    athlete write it, unfolded."""
    from planner.ical import athlete_calendar, calendar_file_names, export_calendars

    export_calendars(s, s.plan, folder)
    written = (folder / calendar_file_names(s, False)[athlete]).read_bytes()
    return [cal.decode().replace("\r\n ", "")
            for cal in (athlete_calendar(s, s.plan, athlete).to_ical(), written)]


def test_the_players_calendar_says_the_caution_to_him(tmp_path):
    """His .ics, a player's own as his handout is, said the staff's "check with the athlete
    before sprinting"."""
    tl = Timeline(_season())
    pain = _logged(Session(athlete="A1", date=tl.days[4], minutes=45, rpe=4, pain=5))
    staff = "Pain 5/10 logged Fri 8 Jan: check with the athlete before sprinting"
    player = "You logged pain 5/10 on Fri 8 Jan: tell the coach before you sprint if it still hurts"
    for cal in _calendar_texts(pain, "A1", tmp_path):
        assert player in cal and staff not in cal


def test_the_players_handout_says_the_caution_to_him_the_staff_outputs_to_the_staff():
    """"check the athlete is well before sprinting" was printed on the player's own handout, as
    if to him. His handout says it to him; the workbook's sheets, the Inspector and explain keep
    the staff's words, and explain (why) says the caution, which it did not."""
    tl = Timeline(_season())
    pain = _logged(Session(athlete="A1", date=tl.days[4], minutes=45, rpe=4, pain=5))
    speed = min(i for i in _speed_days(pain, "A1") if tl.days[i] > tl.days[4])
    staff = "Pain 5/10 logged Fri 8 Jan: check with the athlete before sprinting"
    player = "You logged pain 5/10 on Fri 8 Jan: tell the coach before you sprint if it still hurts"
    assert player in _handout_what(pain, "A1", speed) and staff not in _handout_what(pain, "A1", speed)
    (sheet,) = [x for w in Handouts(pain, pain.plan).weeks("A1") for x in w.days
                if x.date == tl.days[speed]]  # the workbook's week pages
    assert staff in day_texts(sheet).what and player not in day_texts(sheet).what
    assert Prescriber(pain, pain.plan).caution("A1", speed) == staff  # the Inspector's Check row
    assert caution_notes(pain, "A1", to_player=True)[tl.days[speed]] == player
    why = why_day(pain, pain.plan, "A1", tl.days[speed]).text()
    assert f"  - {staff} (the log's caution; the plan is not changed for it)." in why, why
    # days ill: the same two wordings, and a match's
    ill = _logged(*(Session(athlete="A5", date=tl.days[d], minutes=0, rpe=0, note="ill")
                    for d in (3, 4, 5)))
    assert ("First speed day after 3 days without training: tell the coach before you sprint if "
            "you are not fully well") in _handout_what(ill, "A5", 7)
    assert "check the athlete is well before sprinting" in why_day(ill, ill.plan, "A5", tl.days[7]).text()
    match = _logged(Session(athlete="A2", date=tl.days[6], minutes=45, rpe=4, pain=5))
    assert ("You logged pain 5/10 on Sun 10 Jan: tell the coach before you play if it still "
            "hurts") in _handout_what(match, "A2", 9)
    assert ("Pain 5/10 logged Sun 10 Jan: check with the athlete before they play"
            in why_day(match, match.plan, "A2", tl.days[9]).text())
    # a day without a caution says none
    assert "the log's caution" not in why_day(match, match.plan, "A2", tl.days[12]).text()


def test_the_sessions_read_who_plays_from_the_facts_they_hold(monkeypatch):
    """A pain logged made the sessions' caution work out the athlete's plan facts a second time
    (who plays), beside the ones the Prescriber already held: the facts are now passed in, built
    once an athlete, and the caution says the same as when it works them out itself."""
    from planner.returns import AthleteFacts

    tl = Timeline(_season())
    pain = _logged(Session(athlete="A1", date=tl.days[4], minutes=45, rpe=4, pain=5))
    alone = caution_notes(pain, "A1")
    assert alone  # the caution is said
    built = []
    init = AthleteFacts.__init__

    def counted(self, *args, **kwargs):
        built.append(args[-1].athlete)
        init(self, *args, **kwargs)

    monkeypatch.setattr(AthleteFacts, "__init__", counted)
    sessions = Prescriber(pain, pain.plan)
    days = sessions.athlete("A1")
    assert built == ["A1"]
    assert {tl.days[i]: sessions.caution("A1", i) for i in range(tl.n)
            if sessions.caution("A1", i)} == alone
    assert all(alone.get(tl.days[i], "") in d.note for i, d in enumerate(days))


def _with_intensity(s, athlete: str, levels: dict[int, int]):
    """``s`` with ``athlete``'s planned intensity set on the days of ``levels`` (day -> %)."""
    ap = s.plan.for_athlete(athlete)
    it = list(ap.intensity)
    for i, level in levels.items():
        it[i] = level
    new = ap.model_copy(update={"intensity": tuple(it)})
    return s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        new if x.athlete == athlete else x for x in s.plan.athletes)})})


def test_a_sunday_between_days_logged_without_training_does_not_break_the_run():
    """Logged without training on Saturday's match and on Monday, Sunday being no training day:
    two days in a row as the team trains, so their next speed day (Thursday) carries the note."""
    tl = Timeline(_season())
    assert not (tl.is_training[6] or tl.is_comp[6])  # Sunday 10 Jan: neither
    s = _logged(*(Session(athlete="A5", date=tl.days[d], minutes=0, rpe=0) for d in (5, 7)), today=8)
    s = _with_intensity(s, "A5", {10: 95})
    assert caution_notes(s, "A5") == {tl.days[10]: (
        "First speed day after 2 days logged without training (Sat 9 – Mon 11 Jan): check the "
        "athlete is well before sprinting")}


def test_a_pain_note_reaches_the_seventh_day_after_it_and_no_further():
    """PAIN_CAUTION_DAYS is 7: a speed day seven days after the pain carries its note, the
    eighth day's does not."""
    tl = Timeline(_season())
    pain = Session(athlete="A5", date=tl.days[7], minutes=45, rpe=4, pain=5)
    s = _with_intensity(_logged(pain, today=8), "A5", {d: 70 for d in range(8, tl.n)} | {14: 95, 15: 95})
    assert (tl.days[14] - tl.days[7]).days == 7
    assert caution_notes(s, "A5") == {
        tl.days[14]: "Pain 5/10 logged Mon 11 Jan: check with the athlete before sprinting"}
