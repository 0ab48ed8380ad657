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


def _pains(s, *days_pains):
    return s.model_copy(update={"sessions": tuple(
        Session(athlete="A1", date=day(d), minutes=60, rpe=4, pain=p) for d, p in days_pains)})


def test_a_pain_in_a_recorded_flare_ups_calm_days_belongs_to_it():
    """The flare-up recorded on day 20 keeps two training days after it calm (RH-FL): a pain on
    them is that flare-up's, not a new one; a pain after its calm days is a flare-up again."""
    s = season(weeks=6, athletes=1, injuries=(injury("A1", "P3", start_day=10, flare_days=(20,)),),
               today=day(35))
    s = _pains(s, (20, 6), (21, 6), (22, 6), (30, 6))
    from planner.history import calm_window
    calm = [d for d, _ in calm_window(s, day(20), "A1")]
    assert day(21) in calm and day(22) in calm and day(30) not in calm
    assert [p.date for p in flare_proposals(s)] == [day(30)]
    # without the flare-up recorded, the same pains all propose one
    bare = s.model_copy(update={"injuries": (injury("A1", "P3", start_day=10),)})
    assert [p.date for p in flare_proposals(bare)] == [day(20), day(21), day(22), day(30)]


def test_a_pain_in_the_first_stage_proposes_no_flare_up():
    """P1 has no running to stop and no stage further back: a pain there is no flare-up; the
    same pain once P2 is recorded is one."""
    s = season(weeks=6, athletes=1, injuries=(injury("A1", "P2", start_day=12,
                                                     history=(("P1", 5),)),), today=day(30))
    s = _pains(s, (8, 6), (15, 6))
    assert [p.date for p in flare_proposals(s)] == [day(15)]
    assert pain_alerts(s) == []


def test_a_pain_just_below_the_flare_up_threshold_in_rehab_is_listed_not_proposed():
    """One below the protocol's pain_flare (4/10 at 5: the tendon model's "acceptable" band) in
    rehab: no flare-up, but the coach hears of it, since the plan counts the session as done;
    below that band nothing is said, at the threshold it is a proposal instead. A fit player's
    4/10 is the fit players' kind of its own."""
    from planner.progress import PainBelowFlare, listed_pains, pain_alert_lines, pains_below_flare
    from planner.text import day_long

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P3", start_day=10),), today=day(35))
    s = _pains(s, (15, 3), (16, 4), (17, 4.5), (18, 5))
    s = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A2", date=day(16), minutes=60, rpe=4, pain=4),)})  # fit: a kind of its own
    below = pains_below_flare(s)
    assert [(p.athlete, p.date, p.pain, p.threshold) for p in below] == [
        ("A1", day(16), 4, 5), ("A1", day(17), 4.5, 5)]
    assert [p.date for p in flare_proposals(s)] == [day(18)]  # the two never overlap
    assert pain_alerts(s) == [] and [p for p in listed_pains(s) if p.athlete == "A1"] == below
    assert [type(p).__name__ for p in listed_pains(s) if p.athlete == "A2"] == ["PainBelowAlert"]
    one = pain_alert_lines(s, below[:1])
    assert one == [f"Pain: {s.athlete_label('A1')} logged pain 4/10 on {day_long(day(16))} in P3 "
                   f"(persistent iliopsoas tendinopathy), just below "
                   f"the protocol's 5/10 for a flare-up: the plan counts the session as done; if "
                   f"the session was not pain-free, hold the athlete at that level (pin their next "
                   f"speed days no higher) or record the flare-up (Season ▸ Injuries, or "
                   f"periodize record --flare-up)."]
    two = pain_alert_lines(s, below)
    assert len(two) == 3 and two[-1].startswith("If a session was not pain-free, hold")
    assert all("hold the athlete" not in line for line in two[:2])
    assert isinstance(below[0], PainBelowFlare) and "just below" in below[0].cell_words()
    # the app's tooltips say the command line's advice, the app's place to record it alone
    advice = "hold the athlete at that level (pin their next speed days no higher)"
    assert below[0].cell_words() == (f"just below the protocol's 5/10 for a flare-up: the plan "
                                     f"counts the session as done; if it was not pain-free, "
                                     f"{advice} or record the flare-up (Season ▸ Injuries)")
    assert "periodize" not in below[0].cell_words() and advice in one[0]
    from planner.progress import PainAlert

    p = below[0]
    fit = PainAlert(p.athlete, p.date, p.pain, p.threshold)
    assert fit.cell_words() == "not in rehab: if it is an injury, record it (Season ▸ Injuries)"
    assert PainAlert.what_to_do_once() == ("If one is an injury, record it (Season ▸ Injuries, or "
                                           "the coach workbook's Injuries sheet) and re-plan.")


def test_a_hamstring_returners_two_out_of_ten_is_listed_and_a_calm_window_says_nothing():
    """The hamstring template's pain_flare is 3 (its pain rule stops an exercise at 2/10): 2/10 is
    listed, 1/10 not; on a recorded flare-up's day and in its calm days the pain belongs to it;
    back to FIT lately it is still listed, as a flare-up would still be proposed."""
    from planner.progress import pains_below_flare

    rec = injury("A1", "P3", start_day=10, flare_days=(20,)).model_copy(
        update={"protocol": "hamstring-strain"})
    s = _pains(season(weeks=6, athletes=1, injuries=(rec,), today=day(35)),
               (14, 1), (15, 2), (20, 2), (21, 2), (30, 2.5))
    assert [p.date for p in pains_below_flare(s)] == [day(15), day(30)]
    assert "(acute hamstring strain), just below the protocol's 3/10" in \
        pains_below_flare(s)[0].text(s)
    back = injury("A1", "FIT", start_day=18, history=(("P3", 10),)).model_copy(
        update={"protocol": "hamstring-strain"})
    s = _pains(season(weeks=9, athletes=1, injuries=(back,), today=day(60)), (25, 2))
    assert [p.date for p in pains_below_flare(s)] == [day(25)]
    assert "back after the acute hamstring strain" in pains_below_flare(s)[0].text(s)
    s = _pains(s, (18 + 27, 2), (18 + 28, 2))  # 28 days after the return: no longer lately
    assert [p.date for p in pains_below_flare(s)] == [day(45)]


def test_fill_as_planned_stops_after_a_proposed_flare_up_or_a_listed_pain_for_a_week():
    """The pains that hold Fill As Planned, without the app: A1's 4/10 (just below P3's 5/10)
    and 6/10 (a flare-up proposed), A2's fit 6/10; 3/10 holds nothing. A day after one, within
    PAIN_LOOKBACK_DAYS, is held by the latest; the pain's own day and the days after the window
    are not."""
    from planner.progress import PainAlert, PainBelowFlare, pain_before, sore_pains

    s = season(weeks=6, athletes=3, injuries=(injury("A1", "P3", start_day=10),), today=day(35))
    s = _pains(s, (14, 3), (16, 4), (18, 6))
    s = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A2", date=day(16), minutes=60, rpe=4, pain=6),)})
    sore = sore_pains(s)
    assert sorted(sore) == ["A1", "A2"]
    assert sorted((p.date, type(p).__name__) for p in sore["A1"]) == [
        (day(16), "PainBelowFlare"), (day(18), "FlareProposal")]
    assert isinstance(sore["A2"][0], PainAlert) and not isinstance(sore["A2"][0], PainBelowFlare)
    a1 = sore["A1"]
    assert pain_before(a1, day(16)) is None and pain_before(a1, day(15)) is None
    assert pain_before(a1, day(17)).date == day(16) and pain_before(a1, day(19)).date == day(18)
    assert pain_before(a1, day(18 + PAIN_LOOKBACK_DAYS)).date == day(18)
    assert pain_before(a1, day(19 + PAIN_LOOKBACK_DAYS)) is None


def test_a_flare_ups_note_says_the_days_pain_and_notes_each_once():
    """A flare-up recorded from the board's cell menu keeps the day's logged pain and notes, as
    the Log's proposal says them; without a pain, the notes alone, each once."""
    from planner.progress import flare_note

    s = season(weeks=2, athletes=2, injuries=(injury("A1", "P2", start_day=-3),))
    logged = (Session(athlete="A1", date=day(2), minutes=30, rpe=4, note=" hip sore "),
              Session(athlete="A1", date=day(2), minutes=20, rpe=3, note="hip sore"),
              Session(athlete="A1", date=day(2), minutes=10, rpe=3, note="after sprints"),
              Session(athlete="A2", date=day(2), minutes=60, rpe=5, note="not A1's"))
    s = s.model_copy(update={"sessions": logged})
    assert flare_note(s, "A1", day(2)) == "hip sore; after sprints"
    pained = s.model_copy(update={"sessions": (logged[0].model_copy(update={"pain": 6.0}),
                                               *logged[1:])})
    assert flare_note(pained, "A1", day(2)) == "pain 6/10 logged: hip sore; after sprints"
    assert flare_note(s, "A1", day(3)) == ""


def _fit_log(*rows):
    """Three fit players (no injury record), today day 21, ``rows``: (athlete, day, top speed %,
    pain) logged, 60 minutes at RPE 6 each (None: not logged)."""
    s = season(weeks=4, athletes=3, today=day(21))
    return s.model_copy(update={"sessions": tuple(
        Session(athlete=a, date=day(d), minutes=60, rpe=6, top_speed_pct=top, pain=pain)
        for a, d, top, pain in rows)})


def test_a_fit_players_four_out_of_ten_after_a_sprint_is_listed():
    """Ryan Walsh logged 4/10 ("hamstring tight") the day after a 96 % sprint, and Jonas Lind
    4/10 two days after a 93 % one: fit players, under the 5/10 alert, listed nowhere. Within two
    days after a session at 90 % or more they are, naming the sprint, with what to do; after an
    85 % day, or three days after a sprint, they are too, as just below the alert; at 3/10, not."""
    from planner.progress import PainBelowAlert, listed_pains, pain_alert_lines, sore_pains

    s = _fit_log(("A1", 2, 96, None), ("A1", 3, None, 4),  # Wed sprint, Thu pain
                 ("A2", 8, 93, None), ("A2", 10, None, 4),  # two days after
                 ("A3", 8, 85, None), ("A3", 9, None, 4),  # no sprint: 85 %
                 ("A3", 15, 95, None), ("A3", 18, None, 4),  # three days after
                 ("A2", 16, 97, None), ("A2", 17, None, 3))  # 3/10: nothing
    every = listed_pains(s)
    assert [(p.athlete, p.date, p.sprint) for p in every] == [
        ("A1", day(3), day(2)), ("A3", day(9), None), ("A2", day(10), day(8)), ("A3", day(18), None)]
    assert all(isinstance(p, PainBelowAlert) for p in every)
    assert every[1].fact(s) == "Athlete 3 (A3) logged pain 4/10 on Wed 13 Jan 2027, just below 5/10, not in rehab"
    listed = [p for p in every if p.sprint is not None]
    assert listed[0].fact(s) == "Athlete 1 (A1) logged pain 4/10 on Thu 7 Jan 2027, the day after a 96 % sprint"
    assert listed[1].fact(s) == "Athlete 2 (A2) logged pain 4/10 on Thu 14 Jan 2027, 2 days after a 93 % sprint"
    todo = ("check with the athlete, and if the session was not pain-free, hold the athlete at "
            "that level (pin their next speed days no higher) or, if it is an injury, record it "
            "(Season ▸ Injuries, or the coach workbook's Injuries sheet) and re-plan")
    assert pain_alert_lines(s, listed[:1]) == [
        f"Pain: Athlete 1 (A1) logged pain 4/10 on Thu 7 Jan 2027, the day after a 96 % sprint: {todo}."]
    lines = pain_alert_lines(s, listed)  # several of a kind: the facts, what to do once
    assert lines == ["Pain: Athlete 1 (A1) logged pain 4/10 on Thu 7 Jan 2027, the day after a 96 % sprint.",
                     "Pain: Athlete 2 (A2) logged pain 4/10 on Thu 14 Jan 2027, 2 days after a 93 % sprint.",
                     "Check" + todo[5:].replace("the session was", "a session was") + "."]
    assert listed[0].cell_words() == (  # the Log's and the board's ⚠ tooltip: the app's place
        "the day after a 96 % sprint: check with the athlete, and if it was not pain-free, hold "
        "the athlete at that level (pin their next speed days no higher) or, if it is an injury, "
        "record it (Season ▸ Injuries)")
    assert sorted(sore_pains(s)) == ["A1", "A2", "A3"]  # Fill As Planned holds the days after them
    # a kind of its own beside a fit player's 6/10: each kind says what to do
    mixed = pain_alert_lines(s, listed + pain_alerts(_fit_log(("A3", 4, None, 6))))
    assert len(mixed) == 4 and mixed[0].startswith("Pain: Athlete 3 (A3) logged pain 6/10")


def test_a_sprint_before_a_pain_is_read_from_the_plan_where_no_top_speed_was_logged():
    """A day logged without a top speed keeps its planned level (95 %: a sprint); a day logged
    without training ran none; a returner's 4/10 is the just-below-the-flare-up kind, said once."""
    from planner.progress import PainBelowAlert, PainBelowFlare, listed_pains
    from planner.season import AthletePlan, Plan
    from planner.timeline import Timeline

    s = _fit_log(("A1", 2, None, None), ("A1", 3, None, 4), ("A2", 2, None, None))
    s = s.model_copy(update={"sessions": s.sessions + (
        Session(athlete="A2", date=day(3), minutes=0, rpe=0, note="ill"),
        Session(athlete="A2", date=day(4), minutes=60, rpe=5, pain=4))})
    n = Timeline(s).n
    plan = Plan(status="optimal", team_weeks=("load",) * 4, athletes=tuple(
        AthletePlan(athlete=a, stages=("FIT",) * n, weeks=("load",) * 4,
                    intensity=tuple(95 if d == sprint else 70 for d in range(n)))
        for a, sprint in (("A1", 2), ("A2", 3))))
    assert [p.sprint for p in listed_pains(s)] == [None, None]  # no plan, no top speed: no sprint known
    planned = s.model_copy(update={"plan": plan})
    p, q = listed_pains(planned)
    assert (q.athlete, q.sprint) == ("A2", None)  # A2's 95 % on Thu: logged not trained (ill)
    assert (p.athlete, p.date, p.sprint, p.level) == ("A1", day(3), day(2), 95), p
    assert isinstance(p, PainBelowAlert) and "the day after a 95 % sprint" in p.fact(planned)
    back = season(weeks=4, athletes=1, today=day(21), injuries=(
        injury("A1", "FIT", start_day=-10, history=(("S3", -20),)),))
    back = back.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(2), minutes=60, rpe=6, top_speed_pct=96),
        Session(athlete="A1", date=day(3), minutes=60, rpe=5, pain=4))})
    assert [type(p) for p in listed_pains(back)] == [PainBelowFlare]


def test_a_match_before_a_pain_is_a_sprint_only_with_a_top_speed_logged():
    """A starter's 4/10 the day after a match was listed as "the day after a 100 % sprint" (the
    match's planned level is the role's), and so was a substitute's who did not play (0 minutes
    played). A match day counts only with a top speed logged at 90 % or more; a planned speed
    day with no match counts at its planned level, trained or not logged. The others are listed
    as a fit player's 4/10, with no sprint named."""
    from planner.progress import PainBelowAlert, listed_pains
    from planner.season import AthletePlan, Plan
    from planner.timeline import Timeline

    s = season(weeks=4, athletes=3, today=day(21))  # matches on days 5, 12 and 19
    n = Timeline(s).n
    levels = {5: 100, 12: 100, 19: 100, 15: 95}  # day 15: a speed day with no match
    plan = Plan(status="optimal", team_weeks=("load",) * 4, athletes=tuple(
        AthletePlan(athlete=a, stages=("FIT",) * n, weeks=("load",) * 4,
                    intensity=tuple(levels.get(d, 70) for d in range(n))) for a in ("A1", "A2", "A3")))
    s = s.model_copy(update={"plan": plan, "sessions": (
        # A1 started (90 minutes played, no top speed), sore on Sunday: a match's soreness
        Session(athlete="A1", date=day(5), minutes=95, rpe=8, minutes_played=90),
        Session(athlete="A1", date=day(6), minutes=30, rpe=2, pain=4),
        # A2 did not play (0 minutes played) but trained 60 minutes
        Session(athlete="A2", date=day(12), minutes=60, rpe=4, minutes_played=0),
        Session(athlete="A2", date=day(13), minutes=30, rpe=2, pain=4),
        # A3 played with a top speed logged at 94 %
        Session(athlete="A3", date=day(12), minutes=95, rpe=8, minutes_played=90, top_speed_pct=94),
        Session(athlete="A3", date=day(13), minutes=30, rpe=2, pain=4),
        # A1: the planned 95 % of day 15, not logged, counts as planned
        Session(athlete="A1", date=day(16), minutes=30, rpe=2, pain=4),
        # A2 started day 19 with nothing logged that day: the planned 100 is the role's
        Session(athlete="A2", date=day(20), minutes=30, rpe=2, pain=4))})
    every = listed_pains(s)
    assert all(isinstance(p, PainBelowAlert) for p in every)
    listed = [p for p in every if p.sprint is not None]
    assert [(p.athlete, p.date, p.sprint, p.level) for p in listed] == [
        ("A3", day(13), day(12), 94), ("A1", day(16), day(15), 95)], listed
    assert listed[0].fact(s).endswith("the day after a 94 % sprint")
    assert [(p.athlete, p.date) for p in every if p.sprint is None] == [
        ("A1", day(6)), ("A2", day(13)), ("A2", day(20))]
    assert all(p.fact(s).endswith("just below 5/10, not in rehab") for p in every if p.sprint is None)


def _cover_pain(s) -> str:
    """The exported workbook's Cover "Pain logged" cell (a plan of 70 % training days added)."""
    import io

    import openpyxl

    from planner.season import AthletePlan, Plan
    from planner.timeline import Timeline
    from planner.xlsx_export import workbook_bytes

    tl = Timeline(s)
    plan = Plan(status="optimal", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, weeks=("load",) * len(tl.weeks),
                    intensity=tuple(70 if tl.is_training[i] else 0 for i in range(tl.n)))
        for a in s.athletes))
    ws = openpyxl.load_workbook(io.BytesIO(workbook_bytes(s, plan)))["Cover"]
    return {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}["Pain logged"]


def test_the_cover_and_the_caution_say_a_pain_after_a_sprint():
    """The workbook's Cover listed Kofi alone: it names the fit player's pain after a sprint and
    what to do; the next speed day's caution says it with the hold advice."""
    import datetime as dt

    from planner.caution import caution_notes
    from tests.planner.test_sessions import _plan
    from tests.planner.test_sessions import _season as small

    s = _fit_log(("A1", 2, 96, None), ("A1", 3, None, 4))
    cover = _cover_pain(s)
    assert cover.startswith("Athlete 1 (A1): 7 Jan (4/10, the day after a 96 % sprint). A pain "
                            "just below the alert (a player not in rehab): Check "
                            "with the athlete, and if a session was not pain-free, hold"), cover
    assert "proposes a flare-up" not in cover
    base = small()
    friday = base.calendar.start + dt.timedelta(days=4)
    t = base.model_copy(update={"plan": _plan(base), "calendar": base.calendar.model_copy(
        update={"today": base.calendar.start + dt.timedelta(days=7)}),
        "sessions": (Session(athlete="A1", date=friday, minutes=45, rpe=4, pain=4),)})
    notes = caution_notes(t, "A1")  # Thursday's 95 % planned, no top speed logged
    assert notes and all(w == ("Pain 4/10 logged Fri 8 Jan: check with the athlete before "
                               "sprinting; if not pain-free, hold the athlete at that level (pin "
                               "their next speed days no higher)") for w in notes.values()), notes
    from planner.caution import pain_checks
    from planner.why import why_day

    (named,) = pain_checks(t)  # Plan Check, check and solve: "check with the athlete" said once
    assert named.text(t) == (
        "Ann Ash (A1) logged pain 4/10 on Fri 8 Jan 2027, the day after a 95 % sprint; planned "
        "90 % on Tue 12 Jan 2027 and 95 % on Thu 14 Jan 2027: check with the athlete, and if the "
        "session was not pain-free, hold the athlete at that level (pin their next speed days no "
        "higher) or, if it is an injury, record it (Season ▸ Injuries, or the coach workbook's "
        "Injuries sheet) and re-plan")

    assert ("Pain 4/10 was logged, the day after a 95 % sprint: check with the athlete, and if "
            "the session was not pain-free") in why_day(t, t.plan, "A1", friday).text()



def test_a_first_solve_names_the_pain_after_a_planned_sprint_as_check_does(capsys):
    """``solve`` passes its new plan with the season as loaded; before a first solve no plan is
    stored, and the sprint before Ann Ash's 4/10 (Thursday's 95 %, no top speed logged) was read
    from the stored plan: ``solve`` named nothing that ``check`` on the saved result named."""
    import datetime as dt

    from planner.caution import pain_checks
    from tests.planner.test_sessions import _plan
    from tests.planner.test_sessions import _season as small
    from ui.cli.commands import print_pain_checks

    base = small()
    friday = base.calendar.start + dt.timedelta(days=4)
    plan = _plan(base)
    loaded = base.model_copy(update={"plan": None, "calendar": base.calendar.model_copy(
        update={"today": base.calendar.start + dt.timedelta(days=7)}),
        "sessions": (Session(athlete="A1", date=friday, minutes=45, rpe=4, pain=4),)})
    saved = loaded.model_copy(update={"plan": plan})
    (checked,) = pain_checks(saved)  # check, on the season file solve saved
    assert checked.pain.sprint == friday - dt.timedelta(days=1)
    assert [c.text(loaded) for c in pain_checks(loaded, plan)] == [checked.text(saved)]
    print_pain_checks(loaded, plan)  # what solve prints
    assert capsys.readouterr().out == f"⚠ Pain: {checked.text(saved)}.\n"
    # an older stored plan with no sprint on Thursday: the sprint is read from the new plan
    flat = plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": tuple(min(v, 70) for v in ap.intensity)})
        for ap in plan.athletes)})
    older = loaded.model_copy(update={"plan": flat})
    assert pain_checks(older) == [] and len(pain_checks(older, plan)) == 1


def test_the_cover_does_not_say_a_fit_players_pain_proposes_a_flare_up():
    """A fit player's 6/10 (no injury record) proposes no flare-up: the Cover said "A pain at or
    above the flare-up threshold proposes a flare-up …" of it. It says what to do of such a pain
    (record it if it is an injury), and the flare-up sentence only beside a proposed flare-up."""
    cover = _cover_pain(_fit_log(("A1", 3, None, 6)))
    assert cover.startswith("Athlete 1 (A1): 7 Jan (6/10, not in rehab). A pain of a player not "
                            "in rehab: If one is an injury, record it"), cover
    assert "proposes a flare-up" not in cover


def test_a_fit_players_four_out_of_ten_logged_today_with_no_sprint_before_is_listed_and_cautions():
    """An assistant coach logged Jonas Lind's "75 6 p4 # hamstring" today, the day after no
    sprint, and nothing said it but the Log's cell: the Inspector only "Logged 75 min …", and
    Thursday's sprint went on with no caution. A fit player's 4/10 is listed with or without a
    sprint before it: the next speed days carry the caution with the hold advice, Plan Check
    names it from the day it is logged (today's too), and the day's explanation says it; the
    plan is not changed for it."""
    import datetime as dt

    from planner.caution import caution_notes, pain_checks
    from planner.progress import PainBelowAlert, listed_pains, sore_pains
    from planner.why import why_day
    from tests.planner.test_sessions import _plan
    from tests.planner.test_sessions import _season as small

    base = small()
    today = base.calendar.start + dt.timedelta(days=7)  # Monday; Saturday's match is no sprint
    plan = _plan(base)
    t = base.model_copy(update={"plan": plan, "calendar": base.calendar.model_copy(
        update={"today": today}), "sessions": (
        Session(athlete="A1", date=today, minutes=75, rpe=6, pain=4, note="hamstring"),)})
    (p,) = listed_pains(t)
    assert isinstance(p, PainBelowAlert) and p.sprint is None
    assert p.fact(t) == "Ann Ash (A1) logged pain 4/10 on Mon 11 Jan 2027, just below 5/10, not in rehab"
    assert p.cell_words().startswith("just below 5/10, not in rehab: check with the athlete, and if "
                                     "it was not pain-free, hold the athlete at that level")
    from planner.season import SPEED_DAY
    from planner.timeline import Timeline

    ap, tl = plan.for_athlete("A1"), Timeline(t)
    speed = [tl.days[i] for i in range(tl.p0 + 1, tl.p0 + 8)
             if ap.intensity[i] >= SPEED_DAY and not tl.is_comp[i]]  # the planned speed days
    notes = caution_notes(t, "A1")
    assert speed and sorted(d for d in notes if d in speed) == speed, notes
    assert all(notes[d] == ("Pain 4/10 logged Mon 11 Jan: check with the athlete before sprinting; "
                            "if not pain-free, hold the athlete at that level (pin their next "
                            "speed days no higher)") for d in speed)
    (named,) = pain_checks(t)  # logged today: named at once, not only once today moves on
    said = named.text(t)
    assert said.startswith("Ann Ash (A1) logged pain 4/10 on Mon 11 Jan 2027, just below 5/10, "
                           "not in rehab; planned "), said
    assert "check with the athlete, and if the session was not pain-free, hold" in said
    assert ("Pain 4/10 was logged, just below 5/10, not in rehab: check with the athlete"
            in why_day(t, plan, "A1", today).text())
    assert list(sore_pains(t)) == ["A1"]  # Fill As Planned holds the days after it
    assert t.plan is plan  # words only: the plan is as it was
    fine = t.model_copy(update={"sessions": (t.sessions[0].model_copy(update={"pain": 3.0}),)})
    assert listed_pains(fine) == [] and caution_notes(fine, "A1") == {} and pain_checks(fine) == []


def test_pain_0_is_never_listed_under_a_protocol_whose_flare_up_level_is_1(monkeypatch):
    """A protocol may set its flare-up level to 1/10: a fit player back from that injury who
    logged 0/10 was listed "just below 1/10" every day, and Fill As Planned held the days after;
    so was a returner's 0/10 in rehab. 0/10 is no pain: not listed; 1/10 still alerts."""
    import dataclasses

    import planner.progress as P
    from planner.season import Injury, StageRecord

    real = P.load_protocol
    monkeypatch.setattr(P, "load_protocol", lambda pid: dataclasses.replace(real(pid), pain_flare=1))
    stages = ("P1", "P2", "P3", "S1", "S2", "S3", "FIT")
    fit = Injury(athlete="A1", protocol="hamstring-strain", onset=day(-71),
                 stages=tuple(StageRecord(stage=st, start=day(-70 + 5 * k)) for k, st in enumerate(stages)))
    rehab = injury("A2", "P2", start_day=-3)
    s = season(weeks=6, athletes=2, injuries=(fit, rehab), today=day(20))
    s = s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(10), minutes=60, rpe=4, pain=0),
        Session(athlete="A2", date=day(10), minutes=30, rpe=2, pain=0))})
    assert P.pains_below_alert(s) == [] and P.pains_below_flare(s) == []
    assert P.listed_pains(s) == [] and P.sore_pains(s) == {}
    hurt = s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(10), minutes=60, rpe=4, pain=1),)})
    assert [(p.athlete, p.date, p.pain) for p in P.pain_alerts(hurt)] == [("A1", day(10), 1)]
