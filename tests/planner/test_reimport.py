"""A coach workbook imported again over a season (planner/reimport.py): what the workbook does
not carry is put back where it still fits, and what cannot be is named with its reason."""

from __future__ import annotations

from planner.reimport import keep_over, season_loses, updates_season, workbook_today_later
from planner.season import IntensityPin, RuleSettings, StagePin
from planner.text import day_long, span
from planner.validate import season_problems
from tests.builders import day, injury, season, solved_and_checked


def _old():
    s = season(weeks=3, athletes=3, injuries=(injury("A1", stage="P2", start_day=-2),),
               rules=RuleSettings(values={"LD-1": {"weight": 5}}),
               pins=(IntensityPin(athlete="A3", date=day(10), intensity=0),
                     StagePin(athlete="A1", stage="P3", date=day(19))))
    return s.model_copy(update={"plan": solved_and_checked(s)[0].plan})


def test_the_workbook_without_a_player_and_an_injury_keeps_what_still_fits():
    old = _old()
    # the workbook: A3 has left; A1's injury is not in it (entered after it was written, or
    # deleted in it: which, only the coach knows, and losing it is the worse)
    new = season(weeks=3, athletes=2)
    assert season_loses(old, new) == ("a stored plan, 2 pins, rule settings and 1 injury the "
                                      "workbook has not got")
    kept = keep_over(old, new)
    assert kept.kept == ["rule settings", f"the injury of Athlete 1 (A1) of {day_long(day(-3))}",
                         "1 pin", "the stored plan"]
    assert kept.dropped == ["a pin of Athlete 3 (A3) (no longer in the squad)"]
    # the plan carries the past: kept without the player gone
    assert [ap.athlete for ap in kept.season.plan.athletes] == ["A1", "A2"]
    assert kept.season.rules == old.rules and kept.season.injuries == old.injuries
    assert season_problems(kept.season) == []
    assert "A row deleted in the workbook on purpose comes back this way: delete it again in " \
           "the app" in kept.words()


def test_the_same_squad_keeps_the_plan_and_the_pins():
    old = _old()
    new = season(weeks=3, athletes=3, injuries=old.injuries)
    kept = keep_over(old, new)
    assert kept.kept == ["rule settings", "2 pins", "the stored plan"] and kept.dropped == []
    assert kept.season.plan == old.plan and kept.season.pins == old.pins
    assert season_loses(old, kept.season) == ""


def _moved_past_a_declined_change():
    """A1 in P2 (at most 42 days) since 30 days before the start, today moved to day 20 and the
    projected change to P3 not accepted: the season keeps him in P2 (rules-spec.md section 9)."""
    return season(weeks=6, athletes=3, injuries=(injury("A1", "P2", start_day=-30),), today=day(20))


def test_the_seasons_own_workbook_comes_back_over_it_with_a_stage_outlasted_by_today(tmp_path):
    """The workbook Periodize wrote of a season whose today was moved past a declined stage
    change was refused, also when imported over that very season ('record the later stage's
    start', a change that did not happen), and into a new file too: a season the app accepts
    could not round-trip through its own workbook. Imported over the season, the record it
    holds stands without a word; into a new file (or over a season holding another record) it
    reads as the season file reads it, its maximum counted again from today, said at its row."""
    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form

    old = _moved_past_a_declined_change()
    assert season_problems(old) == []
    save_template_form(old, tmp_path / "team.xlsx")
    notes: list[str] = []
    fresh = import_workbook(tmp_path / "team.xlsx", notes)
    assert fresh.injuries == old.injuries and fresh.calendar.today == old.calendar.today
    said = [n for n in notes if "Stage start" in n]
    assert said == [
        f"Injuries, row 2, Stage start: {fresh.athlete_label('A1')} has been in P2 since "
        f"{day_long(day(-30))} (50 days by {day_long(day(20))}), more than the 42 days "
        f"{old.injuries[0].protocol} allows in P2: read as the season file reads a stage kept past "
        f"its maximum, its days counted again from today (the next stage starts on "
        f"{day_long(day(62))} at the latest); if a later stage was reached, record its start, or "
        f"correct the date"]
    notes = []
    new = import_workbook(tmp_path / "team.xlsx", notes, known=old)
    assert new.injuries == old.injuries and new.calendar.today == old.calendar.today
    assert not any("Stage start" in n for n in notes)  # the season's own record: nothing to say
    assert keep_over(old, new).season.injuries == old.injuries
    # the season holds A1's record from another date: the workbook's is the coach's, said
    other = old.model_copy(update={"injuries": (injury("A1", "P2", start_day=-25),)})
    notes = []
    import_workbook(tmp_path / "team.xlsx", notes, known=other)
    assert [n for n in notes if "Stage start" in n] == said


def test_a_stage_outlasted_at_the_seasons_start_is_refused_from_a_workbook(tmp_path):
    """With no today moved into the season nothing moved past a projected change: the stage
    outlasted at the first day is refused at its row, as solve and check refuse the season."""
    import pytest

    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.errors import InputError

    start = season(weeks=6, athletes=3, injuries=(injury("A1", "P2", start_day=-50),))
    save_template_form(start, tmp_path / "team.xlsx")
    with pytest.raises(InputError, match=r"Injuries, row 2, Stage start: .* \(50 days by .*\), but "
                                         r".* allows at most 42 days in P2"):
        import_workbook(tmp_path / "team.xlsx")


def test_a_later_today_after_the_workbooks_season_end_is_named_as_not_kept():
    """season_loses announced the later today would be lost, and keep_over said nothing of it."""
    old = season(weeks=4, athletes=2, today=day(24))
    new = season(weeks=3, athletes=2)  # the workbook's season ends on day 20
    assert "today, " + day_long(day(24)) in season_loses(old, new)
    kept = keep_over(old, new)
    assert kept.season.calendar.today is None
    assert kept.dropped == [f"today, {day_long(day(24))} (after the workbook's season end, "
                            f"{day_long(day(20))})"]
    assert f"Not kept: today, {day_long(day(24))}" in kept.words()
    later = keep_over(season(weeks=4, athletes=2, today=day(14)), season(weeks=4, athletes=2,
                                                                         today=day(7)))
    assert later.season.calendar.today == day(14)  # an older sheet does not move today back
    assert later.kept == [f"today, {day_long(day(14))}"]


def test_a_stage_date_corrected_in_the_workbook_is_the_correction_and_the_plan_is_kept():
    """Keep put the season's stage record back beside the one the coach corrected in the sheet,
    and the earlier won: the player stayed planned at 90 % in the stage he had left. A plan kept
    over an injury typed in the workbook is kept (it carries the past) but no longer reads as the
    proven best, and the first hard rule it now breaks is named."""
    from planner.season import StageRecord

    old = season(weeks=4, athletes=2, injuries=(injury("A1", "P2", start_day=-2),))
    old = old.model_copy(update={"plan": solved_and_checked(old)[0].plan})
    inj = old.injuries[0]
    corrected = inj.model_copy(update={"stages": (StageRecord(stage="P2", start=day(-1)),)})
    new = season(weeks=4, athletes=2, injuries=(corrected,))
    kept = keep_over(old, new)
    assert kept.season.injuries == (corrected,)  # one P2 record: the sheet's
    assert kept.kept == ["the stored plan"]  # the season's P2 of another date is not put back
    hurt = season(weeks=4, athletes=2, injuries=(inj, injury("A2", "P1", start_day=3, onset_day=3)))
    kept = keep_over(old, hurt)  # kept (it holds the past), the rules it breaks named
    assert kept.season.plan is not None
    assert kept.season.plan.status == "manual"  # no longer the proven best: not said "proven"
    assert kept.kept == ["the stored plan"]
    assert kept.broken.startswith("The stored plan kept breaks hard rules of the imported "
                                  "season, the first ")
    assert "(Plan Check lists them; handouts from it are asked about)" in kept.broken
    # a signing: his row at 0 % until a solve, the squad's plan and past kept (it was dropped,
    # and the next solve rewrote the past weeks)
    from planner.season import Athlete

    signed = old.model_copy(update={"athletes": old.athletes + (
        Athlete(id="A9", name="New Signing", position="Forward"),), "plan": None, "pins": (),
        "rules": old.rules})
    kept = keep_over(old, signed)
    assert "the stored plan (New Signing not planned until you solve)" in kept.kept
    assert kept.season.plan.for_athlete("A9").intensity == (0,) * 28
    assert kept.season.plan.for_athlete("A1") == old.plan.for_athlete("A1")


def test_an_id_left_on_another_match_by_sorted_rows_is_pointed_out():
    """Fixtures pasted sorted over the sheet without their ID column moved every id to another
    match (a scenario then moved League 4 instead of League 5), without a word."""
    from planner.season import Competition

    old = season(weeks=3, athletes=2, matches=[5, 12])
    a, b = old.competitions
    swapped = old.model_copy(update={"competitions": (
        Competition(id=a.id, name=b.name, date=b.date, priority=b.priority),
        Competition(id=b.id, name=a.name, date=a.date, priority=a.priority))})
    checks = keep_over(old, swapped).checks
    assert len(checks) == 2 and checks[0].startswith(
        f"Check the Competitions sheet: ID '{a.id}' was '{a.name}' on {day_long(a.date)} and is "
        f"now on '{b.name}' on {day_long(b.date)}")
    moved = old.model_copy(update={"competitions": (a.model_copy(update={"date": day(6)}), b)})
    assert keep_over(old, moved).checks == []  # a match moved keeps its name: no check


def test_a_logged_day_the_workbook_has_otherwise_is_the_workbooks_and_said():
    """A pain typed in the app after the export, on a day the workbook also logs, was lost
    without a word: the workbook's row stands (the coach may have corrected it there), and it is
    said; a session the workbook has no row for is put back."""
    from planner.season import Session

    pain = Session(athlete="A1", date=day(3), minutes=60, rpe=6, pain=6)
    plain = pain.model_copy(update={"pain": None})
    extra = Session(athlete="A2", date=day(4), minutes=45, rpe=4)
    old = season(weeks=3, athletes=2, today=day(7)).model_copy(update={"sessions": (pain, extra)})
    new = season(weeks=3, athletes=2, today=day(7)).model_copy(update={"sessions": (plain,)})
    kept = keep_over(old, new)
    assert kept.season.sessions == (plain, extra)
    assert kept.workbook == ["1 logged day changed in it (a pain, minutes, a speed)"]
    assert kept.words().endswith("The workbook's rows stand where both have one: 1 logged day "
                                 "changed in it (a pain, minutes, a speed).")


def test_a_signing_joins_from_today_and_the_sheets_rounding_is_no_change():
    """A player new in the sheet was counted with the squad from the season's first day (his
    first real week read as a +308 % spike), and 1,979 logged days read as "changed in it" for
    speeds the sheet wrote to the hundredth of a m/s (the log rounded without a word)."""
    from planner.edits import JOINED_REASON
    from planner.season import Athlete, Session

    exact = Session(athlete="A1", date=day(3), minutes=60, rpe=6, top_speed_ms=6.499999999999999)
    old = season(weeks=3, athletes=2, today=day(10))
    old = old.model_copy(update={"sessions": (exact,), "athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) for a in old.athletes)})
    sheet = old.model_copy(update={
        "athletes": old.athletes + (Athlete(id="A9", name="Sven Holm", position="Forward"),
                                    Athlete(id="A8", name="Ola Berg", role="bench")),
        "sessions": (exact.model_copy(update={"top_speed_ms": 6.5}),)})
    kept = keep_over(old, sheet)
    (away,) = [u for u in kept.season.unavailability if u.athlete == "A9"]
    assert (away.start, away.end, away.reason) == (day(0), day(9), JOINED_REASON)
    assert kept.added[0] == (f"Sven Holm and Ola Berg, new in the Athletes sheet, with the squad "
                             f"from today, {day_long(day(10))}")
    # three signings left at "start" made 14 starters a match: one without a Role is out of the
    # matchday squad until picked; a Role written in the sheet stays
    assert kept.season.athlete("A9").role == "out" and kept.season.athlete("A8").role == "bench"
    assert [a.role for a in kept.season.athletes[:2]] == [a.role for a in old.athletes]
    assert ("Sven Holm out of the matchday squad until you pick them in Roles (no Role in the "
            "Athletes sheet)") in kept.added
    assert kept.workbook == [] and kept.season.sessions == (exact,)
    changed = sheet.model_copy(update={"sessions": (exact.model_copy(update={"pain": 6}),)})
    assert keep_over(old, changed).workbook == ["1 logged day changed in it (a pain, minutes, a "
                                                "speed)"]


def test_a_new_player_is_added_and_a_breach_of_the_plan_kept_is_a_sentence_of_its_own():
    """"Kept from the season: Lucas Moreau with the squad from today … and the stored plan
    (Lucas Moreau not planned until you solve; it breaks hard rules …, the first RH-STAGE:
    Marco Ruiz (A05) is in FIT …)": the new player from the workbook read as kept from the
    season, and another athlete's breach as something wrong with him. A new player is now
    "Added", and the breach a sentence of its own naming its athlete."""
    from planner.season import Athlete

    old = season(weeks=4, athletes=2, today=day(10))
    old = old.model_copy(update={"plan": solved_and_checked(old)[0].plan})
    new = season(weeks=4, athletes=2, today=day(10), injuries=(
        injury("A2", "P1", start_day=3, onset_day=3),)).model_copy(update={"athletes": season(
            weeks=4, athletes=2).athletes + (Athlete(id="A9", name="Lucas Moreau",
                                                     position="Forward"),)})
    kept = keep_over(old, new)
    said = kept.words()
    assert said.startswith(f"Added: Lucas Moreau, new in the Athletes sheet, with the squad from "
                           f"today, {day_long(day(10))} and Lucas Moreau out of the matchday "
                           f"squad until you pick them in Roles"), said
    assert "Kept from the season: the stored plan (Lucas Moreau not planned until you solve)." in said
    a2 = old.athlete_label("A2")
    (breach,) = [x + "." for x in said.split(". ") if "breaks hard rules" in x]
    assert breach.startswith("The stored plan kept breaks hard rules of the imported season, "
                             "the first ") and a2 in breach and "Lucas Moreau" not in breach
    assert not any("Lucas Moreau" in x for x in kept.kept if "with the squad" in x)


def test_a_stage_recorded_again_after_a_flare_up_is_its_own_row_and_a_reused_id_is_pointed_out():
    """Stage records were matched by stage alone, so a stage recorded again after a flare-up read
    as "in the workbook" and was lost without a word; and a signing typed over a departed
    player's row inherited his injuries, log and plan, under the new name."""
    from planner.season import StageRecord

    inj = injury("A1", "P3", start_day=0, history=(("P2", -10),), flare_days=(5,))
    again = inj.model_copy(update={"stages": inj.stages + (StageRecord(stage="P3", start=day(12)),)})
    old = season(weeks=4, athletes=2, today=day(20), injuries=(again,))
    sheet = season(weeks=4, athletes=2, today=day(20), injuries=(inj,))
    kept = keep_over(old, sheet)
    assert kept.season.injuries == (again,)
    assert "1 recorded stage change of Athlete 1 (A1)" in kept.kept
    renamed = sheet.model_copy(update={"athletes": (
        sheet.athletes[0].model_copy(update={"name": "Sven Holm"}), sheet.athletes[1])})
    (check,) = keep_over(old, renamed).checks
    assert check.startswith("Check the Athletes sheet: ID 'A1' was Athlete 1 and is now Sven Holm")
    spelled = sheet.model_copy(update={"athletes": (
        sheet.athletes[0].model_copy(update={"name": "athlete 1"}), sheet.athletes[1])})
    assert keep_over(old, spelled).checks == []  # the same player spelled otherwise


def test_an_unavailability_entered_since_the_workbook_is_put_back_and_named():
    """An athlete marked unavailable in the app after the workbook was written came back from
    Keep Them available, without a word: he was planned to sprint on a day he is away."""
    from planner.season import Unavailability

    away = Unavailability(athlete="A2", start=day(9), end=day(10), reason="Family")
    fixed = Unavailability(athlete="A3", start=day(12), end=day(12), reason="Exam")
    old = season(weeks=3, athletes=3, unavailable=(away, fixed))
    corrected = Unavailability(athlete="A3", start=day(12), end=day(13), reason="Exams")
    new = season(weeks=3, athletes=3, unavailable=(corrected,))  # A3's row is its correction
    assert season_loses(old, new) == "1 unavailability the workbook has not got"
    kept = keep_over(old, new)
    assert kept.kept == [f"1 unavailability (Athlete 2, {day_long(day(9))} – {day_long(day(10))})"]
    assert kept.rows
    assert sorted(kept.season.unavailability, key=lambda u: u.athlete) == [away, corrected]
    assert "Squad's unavailable dates" in kept.words()
    assert season_problems(kept.season) == []
    # dates moved in the sheet (no day shared, the same reason): its correction, not kept twice
    moved = Unavailability(athlete="A2", start=day(16), end=day(17), reason="Family")
    new = season(weeks=3, athletes=3, unavailable=(corrected, moved))
    assert keep_over(old, new).season.unavailability == new.unavailability


def test_a_second_absence_with_the_same_reason_is_missing_from_the_workbook():
    """A second call-up ("International duty") entered after the workbook was written was taken
    for the first one's correction: Keep Them dropped it without a word and the athlete was
    planned to sprint while away with his national team. Each workbook row now stands for one."""
    from planner.season import Unavailability

    first = Unavailability(athlete="A2", start=day(2), end=day(3), reason="International duty")
    second = Unavailability(athlete="A2", start=day(16), end=day(18), reason="International duty")
    ill = Unavailability(athlete="A3", start=day(5), end=day(6), reason="Illness")
    away = Unavailability(athlete="A3", start=day(4), end=day(5), reason="Family")
    old = season(weeks=3, athletes=3, unavailable=(first, second, ill, away))
    new = season(weeks=3, athletes=3, unavailable=(first, away))  # written before the others
    assert season_loses(old, new) == "2 unavailabilities the workbook has not got"
    kept = keep_over(old, new).season.unavailability
    assert second in kept and ill in kept and len(kept) == 4
    # the same rows in the sheet: nothing missing, nothing kept twice
    assert season_loses(old, old) == ""
    assert keep_over(old, old).season.unavailability == old.unavailability


def test_a_later_today_in_the_workbook_leaves_moving_today_to_its_own_step():
    """The coach's workbook with next Monday as Today moved today on import: the stage change
    the plan projected for the week (an injured player back to full training) was never offered,
    so a player who played 90 minutes stayed recorded in rehab. Today now stays the season's,
    with the week's log in, and the words say how to move it (Move Today, advance)."""
    from planner.progress import projected_transitions
    from planner.season import Session

    first = season(weeks=3, athletes=3, injuries=(injury("A1", stage="P2", start_day=-20),),
                   pins=(StagePin(athlete="A1", stage="P3", date=day(10)),))
    first = first.model_copy(update={"plan": solved_and_checked(first)[0].plan})
    old = first.model_copy(update={"calendar": first.calendar.model_copy(update={"today": day(7)})})
    moves = projected_transitions(old, day(14))
    assert moves  # the plan projects A1's next stage in the week
    logged = tuple(Session(athlete=a, date=day(d), minutes=60, rpe=5)
                   for a in ("A1", "A2") for d in range(7, 14))
    new = season(weeks=3, athletes=3, injuries=old.injuries, today=day(14)).model_copy(
        update={"sessions": logged})
    kept = keep_over(old, new)
    assert kept.season.calendar.today == day(7) and kept.later_today == day(14)
    assert kept.season.sessions == logged  # the week's log is in, waiting for today to pass it
    assert season_problems(kept.season) == []
    assert projected_transitions(kept.season, day(14)) == moves  # still to be offered
    said = kept.today_words("Move Today opens on it.")
    assert said.startswith(f"Today stays {day_long(day(7))}, the season's: the workbook's "
                           f"Today, {day_long(day(14))}, is later")
    # the week's sessions are stored but left out of the load until today moves: said plainly
    # (a note alone, and the next command's warning, was the first a coach heard of it)
    n = sum(x.date > day(7) for x in logged)
    assert (f"the plan projected before it. {n} sessions logged after {day_long(day(7))} "
            f"({span(day(8), day(13))}) are stored but do not count in the load until today is "
            f"moved on. Move Today opens on it.") in said
    unset = keep_over(old.model_copy(update={"calendar": old.calendar.model_copy(
        update={"today": None})}), new)
    assert unset.today_words("").startswith(
        f"Today stays unset, as in the season (planned from its first day, {day_long(day(0))}): "
        f"the workbook's Today, {day_long(day(14))}, is later")
    assert said.endswith("Move Today opens on it.")
    # a workbook whose Today is the season's, or earlier: nothing to say
    same = new.model_copy(update={"calendar": new.calendar.model_copy(update={"today": day(7)})})
    assert keep_over(old, same).later_today is None and keep_over(old, same).today_words("") == ""


def _logged(athletes=3, max_speed=9.0):
    """A season of three athletes with a max speed each, and a week of sessions logged in m/s
    (8.0 and 9.5 m/s) for each of them."""
    from planner.season import Session

    s = season(weeks=3, athletes=athletes, today=day(8))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": max_speed})
                                               for a in s.athletes)})
    logged = tuple(Session(athlete=a.id, date=day(d), minutes=60, rpe=5,
                           top_speed_ms=9.5 if d == 3 else 8.0)
                   for d in range(7) for a in s.athletes)
    return s.model_copy(update={"sessions": logged})


def test_one_athletes_max_speed_gone_costs_only_his_speed_readings_not_the_squads_log():
    """One player's max speed cleared in the workbook (or lowered below what he ran) dropped
    every logged session of the squad with the first speed that could not be read. Now each
    session is kept; only the m/s speeds that athlete's max speed cannot read are left out
    (minutes and RPE, the load, kept) and said for him alone."""
    old = _logged()
    cleared = old.model_copy(update={"sessions": (), "athletes": (
        old.athletes[0].model_copy(update={"max_speed": None}),) + old.athletes[1:]})
    kept = keep_over(old, cleared)
    assert season_problems(kept.season) == []
    assert len(kept.season.sessions) == len(old.sessions) == 21
    assert "21 logged sessions" in kept.kept
    a1 = [x for x in kept.season.sessions if x.athlete == "A1"]
    assert [(x.minutes, x.rpe, x.top_speed_ms) for x in a1] == [(60, 5, None)] * 7
    others = sorted((x.athlete, x.date, x.top_speed_ms) for x in kept.season.sessions
                    if x.athlete != "A1")
    assert others == sorted((x.athlete, x.date, x.top_speed_ms) for x in old.sessions
                            if x.athlete != "A1")
    assert kept.dropped == ["the top speed in m/s of 7 logged sessions of Athlete 1 (A1), their "
                            "minutes and RPE kept (the fastest: Athlete 1 (A1) has no max speed, "
                            "so 9.50 m/s cannot be read; give the max speed or log the top speed "
                            "in %)"]
    # a max speed lowered to 8.0: only the day he ran 9.5 m/s (more than 10 % above) loses it
    lowered = old.model_copy(update={"sessions": (), "athletes": old.athletes[:1] + (
        old.athletes[1].model_copy(update={"max_speed": 8.0}),) + old.athletes[2:]})
    kept = keep_over(old, lowered)
    assert season_problems(kept.season) == [] and len(kept.season.sessions) == 21
    assert [x.date for x in kept.season.sessions
            if x.athlete == "A2" and x.top_speed_ms is None] == [day(3)]
    assert len(kept.dropped) == 1 and kept.dropped[0].startswith(
        "the top speed in m/s of 1 logged session of Athlete 2 (A2), their minutes and RPE kept")


def test_a_group_that_does_not_fit_as_a_whole_costs_only_the_items_that_do_not():
    """A group put back as a whole was dropped whole for one item: now the items that fit stay
    and the one that does not is named with its reason."""
    from planner.reimport import Kept, _try_each

    old = _logged()
    out = Kept(old.model_copy(update={"sessions": ()}))
    ghost = old.sessions[0].model_copy(update={"athlete": "A9"})  # no such athlete
    _try_each(out, [old.sessions[0], ghost, old.sessions[1]],
              lambda xs: f"{len(xs)} logged session(s)",
              lambda s, xs: s.model_copy(update={"sessions": s.sessions + tuple(xs)}))
    assert out.season.sessions == old.sessions[:2]
    assert out.kept == ["2 logged session(s)"]
    assert out.dropped == ["1 logged session(s) (sessions[1].athlete: no athlete has id 'A9'; "
                           "use an id from the squad)"]


def test_an_injury_onset_corrected_in_the_workbook_keeps_the_recorded_stage_changes():
    """Kofi's onset moved two days in the sheet (24 Jul -> 26 Jul) put the season's record of
    24 Jul back beside it, which then contradicted it: his six recorded stage changes were
    dropped and the next solve sent a player back since October to rehab. The sheet's onset is
    the correction: the stage changes, flare-ups and tests still fitting it are kept on it."""
    from planner.reimport import _counterparts
    from planner.season import CriteriaTest

    hist = injury("A1", "S1", start_day=12, onset_day=-4, flare_days=(6,),
                  history=(("P1", -3), ("P2", 2), ("P3", 5), ("P2", 7), ("P3", 9)))
    hist = hist.model_copy(update={"flare_notes": {day(6): "sore after sprints"},
                                   "tests": (CriteriaTest(date=day(-4), name="Resisted hip flexion pain", value=2),)})
    old = season(weeks=3, athletes=3, injuries=(hist,), today=day(14))
    assert season_problems(old) == []
    # the workbook: the first stage only, onset two days later (after the season's test)
    sheet = hist.model_copy(update={"onset": day(-2), "stages": hist.stages[:1], "flare_ups": (),
                                    "flare_notes": {}, "tests": ()})
    sheet = sheet.model_copy(update={"stages": (sheet.stages[0].model_copy(
        update={"start": day(-2)}),)})
    new = season(weeks=3, athletes=3, injuries=(sheet,), today=day(14))
    # the question names the records, not a whole injury the workbook has not got
    assert season_loses(old, new) == ("5 recorded stage changes, 1 criteria test result and 1 "
                                      "flare-up the workbook has not got")
    kept = keep_over(old, new)
    assert season_problems(kept.season) == []
    (inj,) = kept.season.injuries
    assert inj.onset == day(-2)
    assert [(r.stage, r.start) for r in inj.stages] == [
        ("P1", day(-2)), ("P2", day(2)), ("P3", day(5)), ("P2", day(7)), ("P3", day(9)),
        ("S1", day(12))]
    assert inj.flare_ups == (day(6),) and inj.flare_notes == {day(6): "sore after sprints"}
    assert inj.tests == ()  # dated before the corrected onset: it does not fit
    assert kept.kept[0] == "5 recorded stage changes and 1 flare-up of Athlete 1 (A1)"
    assert kept.dropped == [f"1 criteria test result of Athlete 1 (A1) (injuries[0].tests[0].date: "
                            f"{day(-4).isoformat()} is before the injury's onset "
                            f"{day(-2).isoformat()})"]
    assert (f"the onset of Athlete 1 (A1)'s injury corrected from {day_long(day(-4))} to "
            f"{day_long(day(-2))}") in kept.words()
    # another injury of his between the two onsets: not a correction of the earlier one (the
    # nearer one is corrected)
    between = injury("A1", "P1", start_day=-3, onset_day=-3)
    other = season(weeks=3, athletes=3, injuries=(sheet.model_copy(update={
        "onset": day(-1), "stages": (sheet.stages[0].model_copy(update={"start": day(-1)}),)}),),
        today=day(14))
    two = old.model_copy(update={"injuries": (hist.model_copy(update={"onset": day(-5)}),
                                              between)})
    assert [(was.onset, now and now.onset) for was, now in _counterparts(two, other)] == [
        (day(-5), None), (day(-3), day(-1))]
    # another protocol is another injury
    other_kind = other.model_copy(update={"injuries": (other.injuries[0].model_copy(
        update={"protocol": "hamstring-strain"}),)})
    assert [now for _, now in _counterparts(old, other_kind)] == [None]
    assert [now.onset for _, now in _counterparts(old, other)] == [day(-1)]


def test_only_the_seasons_own_workbook_with_nothing_to_keep_updates_it():
    """'periodize import' held a later Today back for a workbook of any name, the app only for
    the season's own (its name): a workbook of another season kept the file's today in the CLI
    and its own in the app. Both now ask updates_season: the same name and nothing to keep."""
    old = season(weeks=3, athletes=2, today=day(3))
    later = old.model_copy(update={"calendar": old.calendar.model_copy(update={"today": day(10)})})
    assert workbook_today_later(old, later)
    assert updates_season(old, later)  # the season's own workbook: today held back, said
    assert keep_over(old, later).later_today == day(10)
    assert keep_over(old, later).season.calendar.today == day(3)
    assert not updates_season(old, later.model_copy(update={"name": "Next season"}))
    assert not updates_season(None, later)  # no season there: the workbook is the season
    planned = old.model_copy(update={"plan": solved_and_checked(old)[0].plan})
    assert season_loses(planned, later)  # a plan to keep: the question (--keep, Keep Them) first
    assert not updates_season(planned, later)


def test_what_the_workbook_removes_is_named_and_an_absence_left_out_says_whose():
    """A player added in the app after the workbook was written left the squad on Keep Them
    without a word, as did a player whose row was deleted in the workbook; and what could not be
    kept read "1 unavailability of athletes or days no longer in the season", whose and which
    days unsaid. The workbook's sheets give the squad, the competitions, the blocks and the days
    off: each of those the import removes is named with its sheet, in the question and after."""
    from planner.reimport import removed_by_workbook, removed_words, replaced_words
    from planner.season import Block, NonTrainingDay, Unavailability

    away = Unavailability(athlete="A3", start=day(2), end=day(4), reason="national team")
    old = season(weeks=3, athletes=3, unavailable=(away,))
    off = (NonTrainingDay(date=day(7), reason="Easter"), NonTrainingDay(date=day(8), reason="Easter"),
           NonTrainingDay(date=day(15)))
    old = old.model_copy(update={
        "blocks": (Block(name="Build", start=day(0), end=day(13)),),
        "calendar": old.calendar.model_copy(update={"non_training_days": off})})
    new = season(weeks=3, athletes=2)  # A3 and Match 2 gone, no block, no days off
    new = new.model_copy(update={"competitions": tuple(c for c in new.competitions if c.id != "m1")})
    assert removed_by_workbook(old, new) == [
        "Athlete 3 (A3), not in the workbook's Athletes sheet",
        f"'Match 2' (m1) on {day_long(day(12))}, not in the workbook's Competitions sheet",
        f"the block 'Build', {day_long(day(0))} – {day_long(day(13))}, not in the workbook's "
        f"Blocks sheet",
        f"the days off {day_long(day(7))} – {day_long(day(8))} (Easter), not in the workbook's "
        f"Non-training days sheet",
        f"the day off {day_long(day(15))}, not in the workbook's Non-training days sheet"]
    assert removed_words(old, new).startswith(
        "Removed: Athlete 3 (A3), not in the workbook's Athletes sheet; 'Match 2' (m1)")
    # the question (the CLI's refusal, the app's Keep Them) names them before the coach chooses
    assert "Either way: Removed: Athlete 3 (A3), not in the workbook's Athletes sheet" in \
        replaced_words(old, new)
    kept = keep_over(old, new)
    assert kept.dropped == [f"the unavailability of Athlete 3 (A3), {day_long(day(2))} – "
                            f"{day_long(day(4))} (national team): A3 is not in the workbook's "
                            f"Athletes sheet"]
    assert [a.id for a in kept.season.athletes] == ["A1", "A2"]  # the workbook's squad stands
    # the workbook's own rows, a match moved or a block renamed there: nothing removed
    moved = new.model_copy(update={
        "competitions": old.competitions[:1] + (old.competitions[1].model_copy(update={"date": day(13)}),)
        + old.competitions[2:],
        "athletes": old.athletes,
        "blocks": (Block(name="Base", start=day(0), end=day(13)),),
        "calendar": new.calendar.model_copy(update={"non_training_days": off})})
    assert removed_by_workbook(old, moved) == [] and removed_words(old, moved) == ""
    assert "Either way" not in replaced_words(old, moved)


def test_an_id_written_in_the_sheet_keeps_its_match_renamed_and_moved_there():
    """A match renamed and moved in the workbook under the ID written in its row was "Removed:
    ... add its row there and import again". A written ID names its match; an id of the form a
    row without one is given (c002, the row's place) does not, as deleting a row above moves it."""
    from planner.reimport import removed_by_workbook

    old = season(weeks=3, athletes=2, matches=[5, 12])
    a, b = old.competitions
    redone = b.model_copy(update={"name": "Cup round 1", "date": day(13)})
    new = old.model_copy(update={"competitions": (a, redone)})
    assert removed_by_workbook(old, new) == []
    assert keep_over(old, new).checks == [
        f"Check the Competitions sheet: ID '{b.id}' was '{b.name}' on {day_long(b.date)} and is "
        f"now on 'Cup round 1' on {day_long(day(13))}: renamed and moved there, it stays that "
        f"competition (its roles, targets and pins go with it); if the rows were sorted or "
        f"pasted without their ID column instead, put each ID back on its match's row."]
    by_row = old.model_copy(update={"competitions": (a, b.model_copy(update={"id": "c002"}))})
    assert removed_by_workbook(by_row, new.model_copy(update={"competitions": (
        a, redone.model_copy(update={"id": "c002"}))})) == [
        f"'{b.name}' (c002) on {day_long(b.date)}, not in the workbook's Competitions sheet"]


def test_items_that_do_not_fit_are_found_by_halves_with_the_result_of_one_at_a_time(monkeypatch):
    """One logged session that no longer fits among 2,000 put back was found by checking the
    season once per session: about 7 s on import --keep. Halving finds it in a few dozen
    checks, with what one at a time gives: the same items kept, in order, and the same named."""
    import planner.reimport as reimport
    from planner.reimport import Kept, _try_each
    from planner.season import Session
    from planner.text import plural
    from planner.validate import season_problems

    base = season(weeks=4, athletes=3)
    items = [Session(athlete=f"A{1 + k % 3}", date=day(k % 28), minutes=30 + k % 50, rpe=5)
             for k in range(2000)]
    items[700] = items[700].model_copy(update={"athlete": "A9"})  # no longer in the squad
    items[1500] = items[1500].model_copy(update={"athlete": "A8"})
    words = lambda xs: plural(len(xs), "logged session")  # noqa: E731
    put = lambda s, xs: s.model_copy(update={"sessions": s.sessions + tuple(xs)})  # noqa: E731
    one, dropped = base, []  # one at a time, as it was
    for x in items:
        if problems := season_problems(put(one, [x])):
            dropped.append(f"{words([x])} ({problems[0]})")
        else:
            one = put(one, [x])
    checks = []
    monkeypatch.setattr(reimport, "season_problems", lambda s: checks.append(1) or season_problems(s))
    out = Kept(base)
    _try_each(out, items, words, put)
    assert out.season == one and out.dropped == dropped and len(dropped) == 2
    assert out.kept == ["1998 logged sessions"]
    assert len(checks) <= 50


def test_one_decision_for_both_front_ends_in_the_words_of_each():
    """The CLI and the app each decided keep, the season's own workbook, the later Today and the
    "Removed" note, and the app turned "--keep keeps" into "Keep Them keeps" after the fact:
    one decision now, in the words of the place it is asked in."""
    from planner.reimport import Place, decide

    old, new = _old(), season(weeks=3, athletes=2)
    place = Place("Keep Them", lambda d: f"Move Today opens on {d.isoformat()}.")
    asked = decide(old, new, place)
    assert not asked.over and asked.season is new and asked.notes == [] and asked.dropped == []
    assert "Keep Them keeps them where they still fit" in asked.ask and "--keep" not in asked.ask
    assert "Removed: Athlete 3 (A3), not in the workbook's Athletes sheet" in asked.ask
    kept = decide(old, new, place, keep=True)
    assert kept.over and not kept.ask and kept.season == keep_over(old, new).season
    assert kept.dropped == ["a pin of Athlete 3 (A3) (no longer in the squad)"]
    assert kept.notes == [keep_over(old, new).words()]
    assert kept.removed.startswith("Removed: Athlete 3 (A3)")
    alone = decide(old, new, place, keep=False)
    assert not alone.over and alone.season is new and alone.removed == ""
    # the CLI names what the workbook removes from the file it writes over, whichever way
    assert decide(old, new, place, keep=False, removed_from=old).removed == kept.removed
    # the season's own workbook, nothing to keep, a later Today: kept, and how to move it said
    own = old.model_copy(update={"plan": None, "pins": (), "rules": RuleSettings()})
    later = own.model_copy(update={"calendar": own.calendar.model_copy(update={"today": day(7)})})
    got = decide(own, later, place, update_own=False)
    assert got.over and got.later_today == day(7) and got.season.calendar.today == own.calendar.today
    assert got.notes[-1].endswith(f"Move Today opens on {day(7).isoformat()}.")
    assert not decide(own, own, place, update_own=False).over and decide(own, own, place).over


def test_the_workbook_alone_without_its_roles_sheet_drops_the_roles_it_said_it_would():
    """The season's own workbook without its Roles sheet, imported over the open season file:
    "use the workbook alone and lose 74 match roles" kept them all, the import taken for a plain
    update of the season (the absent sheet's rows were not counted as lost there)."""
    from planner.reimport import Place, decide
    from planner.season import MatchRole

    own = _old().model_copy(update={"plan": None, "pins": (), "rules": RuleSettings()})
    comp = own.competitions[0]
    old = own.model_copy(update={"roles": (MatchRole(athlete="A1", competition=comp.id,
                                                     role="bench"),)})
    new = own.model_copy(update={"roles": ()})  # read from a workbook with no Roles sheet
    place = Place("Keep Them", lambda d: "")
    asked = decide(old, new, place, absent={"Roles"})
    assert asked.ask and "it has no Roles sheet" in asked.ask, asked.ask
    alone = decide(old, new, place, keep=False, absent={"Roles"})  # the app: update_own
    assert alone.season.roles == () and not alone.over
    kept = decide(old, new, place, keep=True, absent={"Roles"})
    assert kept.season.roles == old.roles


def _signing_in_s2(old):
    """``old`` with Athlete 2 entered in the workbook in S2 of a hamstring strain from today
    (day 7), nothing run here yet."""
    from planner.season import Injury, StageRecord

    inj = Injury(athlete="A2", protocol="hamstring-strain", onset=day(-20),
                 stages=(StageRecord(stage="S2", start=day(7)),))
    return old.model_copy(update={"injuries": old.injuries + (inj,)})


CREDIT_SAID = ("Recorded in S2: the sprint ladder counts 95 % as done twice (RH-11 credits the "
               "stages before S2). Athlete 2 has no run at 95 % or more logged here: if they have not "
               "done them, record them from S1, or pin their first running days lower.")


def test_a_workbook_import_with_a_signing_in_s2_says_the_ladder_it_credits_as_record_does():
    """A signing entered in the workbook's Injuries sheet in S2 was planned 100 % at once on
    RH-11's credit: `record` and the app said so, `import --keep` did not. It says it now, in
    the same words, once; with a run at 95 % or more logged here, not at all."""
    from planner.reimport import Place, decide
    from planner.season import Session

    place = Place("--keep", lambda d: "")
    old = season(weeks=3, athletes=2, today=day(7))
    got = decide(old, _signing_in_s2(old), place, keep=True)
    assert got.notes.count(CREDIT_SAID) == 1, got.notes
    ran = old.model_copy(update={"sessions": (Session(athlete="A2", date=day(4), minutes=60,
                                                      rpe=6, top_speed_pct=96),)})
    assert not any("sprint ladder" in n for n in decide(ran, _signing_in_s2(ran), place,
                                                       keep=True).notes)
    # the same workbook imported again: the record is the season's already, not said again
    again = _signing_in_s2(old)
    assert not any("sprint ladder" in n for n in decide(again, again, place, keep=True).notes)


def test_plan_check_lists_a_plan_running_on_a_ladder_credit_nobody_saw_run():
    """What the record says once stays in Plan Check (and `solve`/`check`) while the plan runs
    above the credited level: the athlete, the first day it does so, and the way out."""
    from planner.progress import ladder_credit_unrun
    from planner.season import Session

    s = _signing_in_s2(season(weeks=3, athletes=2, today=day(7)))
    plan = solved_and_checked(s)[0].plan
    found = ladder_credit_unrun(s, plan)
    assert [(c.athlete, c.top) for c in found] == [("A2", 95)]
    first = found[0].first
    ap = plan.for_athlete("A2")
    i = (first - s.calendar.start).days
    assert first >= day(7) and ap.intensity[i] > 95
    assert all(v <= 95 for v in ap.intensity[(day(7) - s.calendar.start).days:i])
    assert found[0].note(s) == (f"Athlete 2 (A2) runs above 95 % from {first:%a} {first.day} "
                                f"{first:%b} on the credit of their S2 record: {CREDIT_SAID[:-1]}")
    ran = s.model_copy(update={"sessions": (Session(athlete="A2", date=day(4), minutes=60, rpe=6,
                                                    top_speed_pct=96),)})
    assert ladder_credit_unrun(ran, plan) == []  # run at 95 % here: nothing credited unseen


def test_a_workbook_that_moves_the_seasons_end_or_renames_it_says_so_before_the_import():
    """The season's own workbook with End mistyped a year late was imported over the season with
    "the stored plan (made for other season dates: solve again)" as the only word of it. The
    change of name, start or end is now one line the decision carries, asked or kept."""
    from planner.reimport import Place, decide, season_changes

    old = _old()
    cal = old.calendar
    later = cal.end.replace(year=cal.end.year + 1)
    new = season(weeks=3, athletes=3)
    new = new.model_copy(update={"calendar": new.calendar.model_copy(update={"end": later})})
    said = f"Season: ends {day_long(later)} (was {day_long(cal.end)})."
    assert season_changes(old, new) == said
    place = Place("--keep", lambda d: "")
    assert decide(old, new, place).changes == said  # asked: said with the question
    kept = decide(old, new, place, keep=True)
    assert kept.changes == said and "the stored plan (made for other season dates: solve again)" \
        in kept.dropped
    # the file --replace writes over is the season compared with
    assert decide(None, new, place, removed_from=old).changes == said
    assert decide(None, new, place).changes == "" and season_changes(old, old) == ""
    renamed = new.model_copy(update={"name": "Other FC", "calendar": old.calendar.model_copy(
        update={"start": day(1)})})
    assert season_changes(old, renamed) == (f"Season: named 'Other FC' (was 'Test season'); "
                                            f"starts {day_long(day(1))} (was {day_long(cal.start)}).")


def _signed_mid_rehab(p3_day: int):
    """A three-week season (no today) whose Athlete 1 comes with a hamstring strain: P1, P2,
    then P3 recorded on ``p3_day`` (before the season's first day, day 0)."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol="hamstring-strain", onset=day(p3_day - 30), stages=(
        StageRecord(stage="P1", start=day(p3_day - 29)), StageRecord(stage="P2", start=day(p3_day - 18)),
        StageRecord(stage="P3", start=day(p3_day))))
    return season(weeks=3, athletes=2, injuries=(rec,))


def test_a_stage_recorded_too_deep_to_end_in_time_is_said_at_import_with_the_record_to_add():
    """A signing in P3 since 14 days before the season (P3: at most 21 days, its exit the sprint
    ladder to 90 % and 2 days there) was imported without a word, and the solve was infeasible
    after 17 s. The import says it, with the record that gives a plan, in next-season's words;
    the record is not changed. One recorded 3 days before has the days: nothing said."""
    from planner.progress import stages_out_of_time
    from planner.reimport import Place, decide
    from solver import SolveRequest, Status, solve

    deep = _signed_mid_rehab(-14)
    got = decide(None, deep, Place("--keep", lambda d: "", file="s.season.json"))
    said = [n for n in got.notes if "Athlete 1 (A1): in P3" in n]
    assert said == [
        f"Athlete 1 (A1): in P3 since {day_long(day(-14))}, 14 days by {day_long(day(0))} (P3 lasts "
        f"at most 21: 7 days left, fewer than the {stages_out_of_time(deep)[0].needed} its exit "
        f"needs at the least), so the season has no plan with this record. If they are still in "
        f"P3 then, record P3 on {day_long(day(0))} (Season ▸ Injuries, Record stage; or periodize "
        f"record s.season.json --stage A1 P3 {day(0).isoformat()} --save): P3 restarts on "
        f"{day_long(day(0))}, its sprint ladder counted as done to the stage before's cap (RH-11); "
        f"re-test them before their first speed day, or correct the P3 date."], got.notes
    assert stages_out_of_time(deep)[0].needed > 7
    assert got.season.injuries == deep.injuries  # said, not changed
    # the app's words name its menu alone
    assert "periodize" not in decide(None, deep, Place("Keep Them", lambda d: "")).notes[-1]
    # what is said holds: no plan with the record, a plan (checked) with the one advised
    assert solve(SolveRequest(deep, time_limit=20)).status == Status.INFEASIBLE
    from planner.edits import RecordStage

    solved_and_checked(RecordStage(athlete="A1", stage="P3", start=day(0)).apply(deep))
    # room left: nothing said; the same record imported again: not said twice
    assert stages_out_of_time(_signed_mid_rehab(-3)) == []
    assert not any("in P3" in n for n in decide(None, _signed_mid_rehab(-3), Place(
        "--keep", lambda d: "")).notes)
    assert not any("in P3" in n for n in decide(deep, deep, Place("--keep", lambda d: ""),
                                                keep=True).notes)


def _in_p2_since(protocol: str, p2_day: int):
    """A three-week season whose Athlete 1 comes in P2 of ``protocol`` since ``p2_day``, after
    11 days of P1."""
    from planner.season import Injury, StageRecord

    rec = Injury(athlete="A1", protocol=protocol, onset=day(p2_day - 12), stages=(
        StageRecord(stage="P1", start=day(p2_day - 11)), StageRecord(stage="P2", start=day(p2_day))))
    return season(weeks=3, athletes=2, injuries=(rec,))


def test_a_restart_after_a_stage_of_no_running_says_no_sprint_ladder_done():
    """A signing in P2 of a hamstring strain too long to end in time was told at import that P2
    "restarts, its sprint ladder counted as done to the stage before's cap (RH-11)": the stage
    before, P1, has no running (cap 0 %), so no ladder is done. The clause is said only after a
    stage that allows running (a patellar tendinopathy's P1 runs to 60 %), as next season says."""
    from planner.progress import stages_out_of_time
    from planner.protocols import load_protocol
    from planner.reimport import Place, decide
    from planner.season import LADDER

    clause = "its sprint ladder counted as done to the stage before's cap (RH-11)"
    for protocol, p2_day, ladder in (("hamstring-strain", -12, False),
                                     ("patellar-tendinopathy", -54, True)):
        signed = _in_p2_since(protocol, p2_day)
        assert (load_protocol(protocol).stage("P1").cap >= LADDER[0]) is ladder
        (found,) = stages_out_of_time(signed)
        assert found.stage == "P2"
        got = decide(None, signed, Place("--keep", lambda d: "", file="s.season.json"))
        (said,) = [n for n in got.notes if "Athlete 1 (A1): in P2" in n]
        restart = f"P2 restarts on {day_long(day(0))}"
        assert (f"{restart}, {clause}; " in said) is ladder, said
        assert (f"{restart}; re-test them" in said) is not ladder, said


def test_a_restart_of_a_stage_without_a_speed_day_says_to_re_test_before_it_ends():
    """A hamstring strain's P2 (cap 70 %: no speed day in it) too long to end in time was told
    at import "P2 restarts …; re-test them before their first speed day", a day P2 never holds.
    A stage without a speed day is re-tested before it ends; one with speed days (a patellar
    tendinopathy's P2 runs to 80 %) still before the first of them."""
    from planner.progress import stages_out_of_time
    from planner.protocols import load_protocol
    from planner.reimport import Place, decide
    from planner.season import SPEED_DAY

    seen = set()
    for protocol, p2_day in (("hamstring-strain", -12), ("patellar-tendinopathy", -54)):
        signed = _in_p2_since(protocol, p2_day)
        speed = load_protocol(protocol).stage("P2").cap >= SPEED_DAY
        seen.add(speed)
        (found,) = stages_out_of_time(signed)
        assert found.stage == "P2"
        got = decide(None, signed, Place("--keep", lambda d: "", file="s.season.json"))
        (said,) = [n for n in got.notes if "Athlete 1 (A1): in P2" in n]
        assert ("re-test them before their first speed day, or correct the P2 date" in said) is speed, said
        assert ("re-test them before P2 ends, or correct the P2 date" in said) is not speed, said
        app = decide(None, signed, Place("Keep Them", lambda d: "")).notes
        assert any(("before P2 ends" in n) is not speed and "in P2" in n for n in app), app
    assert seen == {True, False}


def test_a_stage_entered_on_a_flare_ups_day_is_read_alike_at_import_and_into_next_season():
    """The import's check and next season's carry each decided "entered by a flare-up" their
    own way (the segment's cause; a record on a flare-up's date): a P3 recorded on the day of a
    flare-up lasted 21 days at the import and 42 into next season. One check, twice the
    maximum for both, and one sentence."""
    from planner.nextseason import next_season
    from planner.progress import stages_out_of_time

    deep = _signed_mid_rehab(-14)
    flared = deep.injuries[0].model_copy(update={"flare_ups": (day(-14),)})
    on_flare = deep.model_copy(update={"injuries": (flared,)})
    assert stages_out_of_time(deep) and stages_out_of_time(on_flare) == []  # 42 days: room
    start = day(21)  # the day after the old season: 35 days in P3, past 21, within 42
    kept = next_season(on_flare, start=start, end=day(60))
    assert kept.season.injuries[0].stages == flared.stages
    assert not any("P3 restarts" in n for n in kept.notes)
    restarted = next_season(deep, start=start, end=day(60))
    assert restarted.season.injuries[0].stages[-1].start == start
    (said,) = [n for n in restarted.notes if "Athlete 1 (A1): in P3" in n]
    assert said.startswith(f"Athlete 1 (A1): in P3 since {day_long(day(-14))}, 35 days by the new "
                           f"start (P3 lasts at most 21), so P3 restarts on {day_long(start)}, its "
                           f"sprint ladder counted as done to the stage before's cap (RH-11): ")


def _renumbered(old, ids: dict[str, str], names: dict[str, str] | None = None):
    """``old`` as a coach's own workbook gives it: the squad under the coach's IDs (``ids``,
    the season's ID to the sheet's; a player left out is not on the sheet), names as typed
    there (``names``), their injuries under the sheet's IDs."""
    names = names or {}
    athletes = tuple(a.model_copy(update={"id": ids[a.id], "name": names.get(a.id, a.name)})
                     for a in old.athletes if a.id in ids)
    injuries = tuple(i.model_copy(update={"athlete": ids[i.athlete]})
                     for i in old.injuries if i.athlete in ids)
    return old.model_copy(update={"athletes": athletes, "injuries": injuries, "plan": None,
                                  "pins": ()})


def test_a_squad_under_the_coachs_own_ids_is_named_and_not_imported_over_the_season():
    """A workbook listing the season's players under the coach's own IDs (U01–U18 for A01–A19)
    read as every player removed ("Ben Adler (A01), not in the workbook's Athletes sheet ... to
    keep one, add its row there": the row was there) and, on Keep Them, "the injury of Ben Mohr
    (A13) ... (no longer in the squad)" with Import Anyway, dropping the rehab record. Each such
    player is now named with both IDs and the import is not made over the season, kept or not."""
    from planner.reimport import Place, decide, removed_by_workbook

    old = season(weeks=3, athletes=4, injuries=(injury("A3", stage="P2", start_day=-2),))
    # A1-A3 renumbered U1-U3, one typed in other case and spacing; A4 is not on the sheet
    new = _renumbered(old, {"A1": "U1", "A2": "U2", "A3": "U3"}, {"A2": " athlete   2"})
    place = Place("--keep", lambda d: "")
    lines = ["Athlete 1 (A1) is on the workbook's Athletes sheet as U1: write A1 in its ID column",
             "Athlete 2 (A2) is on the workbook's Athletes sheet as U2: write A2 in its ID column",
             "Athlete 3 (A3) is on the workbook's Athletes sheet as U3: write A3 in its ID column"]
    for keep in (None, True, False):
        got = decide(old, new, place, keep=keep)
        assert got.renumbered == lines and not got.over and not got.ask and got.dropped == []
    # the player really not on the sheet is still said as removed; those on it are not
    assert removed_by_workbook(old, new) == ["Athlete 4 (A4), not in the workbook's Athletes sheet"]
    # --replace (no season imported over) is the coach's own choice: a new season
    alone = decide(None, new, place, removed_from=old)
    assert alone.renumbered == [] and alone.season is new
    assert alone.removed.startswith("Removed: Athlete 4 (A4), not in the workbook's Athletes sheet")
    # the season's IDs written in the sheet: nothing to say, the injury kept under A3
    same = decide(old, _renumbered(old, {"A1": "A1", "A2": "A2", "A3": "A3", "A4": "A4"}), place,
                  keep=True)
    assert same.renumbered == [] and same.over and same.season.injuries == old.injuries


def test_a_shifted_id_column_and_a_name_on_two_rows():
    """IDs shifted down a row (A1's name on A2, A2's on A3) name each player moved, the ID
    another player now has included; a name on two rows of the sheet is not guessed at."""
    from planner.reimport import removed_by_workbook, renumbered_words

    old = season(weeks=3, athletes=3)
    shifted = _renumbered(old, {"A1": "A2", "A2": "A3", "A3": "A4"})
    assert renumbered_words(old, shifted) == [
        f"Athlete {n} (A{n}) is on the workbook's Athletes sheet as A{n + 1}: write A{n} in its "
        f"ID column" for n in (1, 2, 3)]
    twice = old.model_copy(update={"athletes": (
        old.athletes[0].model_copy(update={"id": "U1"}),
        old.athletes[0].model_copy(update={"id": "U9"}), *old.athletes[1:])})
    assert renumbered_words(old, twice) == []
    assert removed_by_workbook(old, twice) == ["Athlete 1 (A1), not in the workbook's Athletes sheet"]


def test_a_long_removed_list_says_where_the_rest_is():
    """The question listed 12 players "and 8 more" with no way to see the 8: the place's words
    for where the whole list is (the app's Show Details…) follow the count, and the decision
    carries every item for it."""
    from planner.reimport import Place, decide

    old = season(weeks=3, athletes=20, injuries=(injury("A1", stage="P2", start_day=-2),))
    new = season(weeks=3, athletes=0)
    got = decide(old, new, Place("Keep Them", lambda d: "", details="Show Details… lists them all"))
    assert "Athlete 12 (A12), not in the workbook's Athletes sheet; and 8 more (Show Details… " \
           "lists them all) (the workbook lists them" in got.ask
    assert "Athlete 13 (A13)" not in got.ask
    assert got.removed_all == [f"Athlete {n} (A{n}), not in the workbook's Athletes sheet"
                               for n in range(1, 21)]
    assert decide(old, season(weeks=3, athletes=10), Place("--keep", lambda d: "")).removed_all == []
