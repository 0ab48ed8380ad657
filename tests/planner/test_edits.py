"""Edits: each applies, round-trips through a dict, keeps the document valid, never mutates."""

from __future__ import annotations

import datetime as dt
import json
from typing import get_args

import pytest

from planner import edits as E
from planner.errors import InputError
from planner.season import (
    Athlete,
    AthletePlan,
    Block,
    Competition,
    CriteriaTest,
    IntensityPin,
    MatchRole,
    NonTrainingDay,
    Plan,
    Scenario,
    Season,
    Session,
    StagePin,
    Unavailability,
    WeekPin,
)
from planner.text import date_long, day_long, span
from planner.timeline import Timeline
from tests.builders import day, injury, season


def flat_plan(s: Season, intensity: int = 0) -> Plan:
    """A plan of the season's shape (every athlete FIT at ``intensity``, load weeks): the edits
    check a plan's shape, not its rules."""
    tl = Timeline(s)
    return Plan(status="feasible", team_weeks=("load",) * len(tl.weeks), athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * tl.n, intensity=(intensity,) * tl.n,
                    weeks=("load",) * len(tl.weeks)) for a in s.athletes))


@pytest.fixture(scope="module")
def base():
    return season(weeks=6, athletes=3, injuries=(injury("A1", "P3", start_day=-10),))


@pytest.fixture(scope="module")
def document(base):
    """``base`` with one of everything an edit can change or remove: a block, a non-training
    day, an unavailability, a pin, a scenario and a plan."""
    s = base.model_copy(update={
        "blocks": (Block(name="Base", start=day(14), end=day(27)),),
        "calendar": base.calendar.model_copy(update={
            "non_training_days": (NonTrainingDay(date=day(20), reason="Travel"),)}),
        "unavailability": (Unavailability(athlete="A3", start=day(15), end=day(16)),),
        "pins": (IntensityPin(athlete="A3", date=day(10), intensity=90),),
        "scenarios": (Scenario(name="Flare", edits=(
            E.RecordFlareUp(athlete="A1", date=day(12)).to_dict(),)),),
    })
    return s.model_copy(update={"plan": flat_plan(s)})


ALL = [
    E.SetSeasonSettings(name="Renamed", end=day(48)),
    E.AddCompetition(competition=Competition(id="x1", name="Friendly", date=day(16), priority="C")),
    E.MoveCompetition(competition="m1", date=day(4)),
    E.RemoveCompetition(competition="m2"),
    E.UpdateCompetition(competition="m1", priority="A"),
    E.AddBlock(block=Block(name="Build", start=day(0), end=day(13), emphasis="Speed")),
    E.UpdateBlock(index=0, block=Block(name="Base", start=day(14), end=day(34), emphasis="Volume")),
    E.RemoveBlock(index=0),
    E.AddNonTrainingDay(day=NonTrainingDay(date=day(2), reason="Holiday")),
    E.RemoveNonTrainingDay(date=day(20)),
    E.AddAthlete(athlete=Athlete(id="A9", name="New Player", position="Forward")),
    E.UpdateAthlete(athlete="A2", name="Renamed Player", max_speed=9.1),
    E.RemoveAthlete(athlete="A3"),
    E.LeaveSquad(athlete="A2", leaves=day(20)),
    E.AddUnavailability(unavailability=Unavailability(athlete="A2", start=day(3), end=day(9))),
    E.RemoveUnavailability(index=0),
    E.SetInjury(injury=injury("A2", "P2", start_day=-3)),
    E.RemoveInjury(athlete="A1"),
    E.RecordFlareUp(athlete="A1", date=day(12)),
    E.RecordStage(athlete="A1", stage="S1", start=day(0)),
    E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(date=day(0), name="Hip-flexor strength LSI",
                                                         value=84, unit="%")),
    E.AddInjury(athlete="A2", protocol="hamstring-strain", onset=day(20)),
    E.AddInjury(athlete="A1", protocol="ankle-sprain", onset=day(30), stage="S2", target="m5"),
    E.SetRole(competition="m1", athlete="A2", role="bench"),
    E.UpdateAthlete(athlete="A3", role="out"),
    E.SetTargetCompetition(athlete="A1", competition="m5"),
    E.SetRuleValue(rule="HV-2", param="max_speed_days", value=1),
    E.SetRuleValue(rule="HV-1", param="exempt_positions", value=("GK", "Defender")),
    E.SetRuleMode(rule="TEAM", mode="off"),
    E.AddPin(pin=IntensityPin(athlete="A2", date=day(8), intensity=95)),
    E.AddPin(pin=WeekPin(week=day(14), week_kind="deload")),
    E.AddPin(pin=StagePin(athlete="A1", stage="S1", date=day(15))),
    E.RemovePin(pin=IntensityPin(athlete="A3", date=day(10), intensity=90)),
    E.SetPlan(plan=None),
    E.SetDayIntensity(athlete="A2", date=day(8), intensity=95),
    E.AddScenario(name="Final earlier", edits=(E.MoveCompetition(competition="m5", date=day(33)).to_dict(),)),
    E.SetScenarioEdits(name="Flare", edits=(E.RecordFlareUp(athlete="A1", date=day(19)).to_dict(),)),
    E.RenameScenario(name="Flare", new_name="Flare in week 2"),
    E.DuplicateScenario(name="Flare", new_name="Flare again"),
    E.DeleteScenario(name="Flare"),
    E.SetScenarioPlan(name="Flare", plan=flat_plan(season(weeks=6, athletes=3), intensity=60)),
    E.AdoptScenario(name="Flare"),
    E.LogSessions(sessions=(Session(athlete="A2", date=day(-2), minutes=60, rpe=5, pain=1),
                            Session(athlete="A2", date=day(-1), minutes=30, rpe=3))),
    E.AdvanceToday(today=day(10), accepted=(E.StageEntry(athlete="A1", stage="S1", date=day(4)),)),
    E.ShortenSeason(end=day(30)),
]


def _subclasses(cls: type) -> set[type]:
    return {c for sub in cls.__subclasses__() for c in {sub} | _subclasses(sub)}


def test_every_edit_type_is_readable_and_has_a_round_trip_case():
    classes = _subclasses(E.Edit)
    readable = set(get_args(get_args(E.AnyEdit)[0]))  # the union edit_from_dict reads
    assert classes == readable, f"add to AnyEdit: {sorted(c.__name__ for c in classes - readable)}"
    missing = classes - {type(e) for e in ALL}
    assert not missing, f"add a case to ALL for: {', '.join(sorted(c.__name__ for c in missing))}"


@pytest.mark.parametrize("edit", ALL, ids=lambda e: e.op)
def test_edit_applies_round_trips_and_describes_itself(document, edit):
    after = edit.apply(document)
    assert after != document
    data = json.loads(json.dumps(edit.to_dict()))  # as the season file stores a scenario's edits
    assert E.edit_from_dict(data) == edit
    assert E.edit_from_dict(data).apply(document) == after
    text = edit.describe(document)
    assert text and text[0].isupper()
    if isinstance(edit, E.SetInjury):  # the protocol as a coach reads it, not its file name
        from planner.protocols import load_protocol

        assert load_protocol(edit.injury.protocol).name in text and edit.injury.protocol not in text


@pytest.mark.parametrize("edit", ALL, ids=lambda e: e.op)
def test_no_edit_mutates_the_document_it_applies_to(document, edit):
    """The desktop's undo puts back the season object the edit was applied to, so an edit that
    changed it in place (a rule's values, a plan's days are dicts) would make undo a no-op."""
    before = document.model_dump()
    edit.apply(document)
    assert document.model_dump() == before


@pytest.mark.parametrize("edit", ALL, ids=lambda e: e.op)
def test_undoing_an_edit_in_the_desktop_puts_back_the_season_before_it(document, edit):
    from ui.desktop.document import Document

    before = document.model_dump()
    doc = Document(document)
    after = doc.apply(edit)
    assert doc.season == after != document and doc.modified
    doc.undo_stack.undo()
    assert doc.season.model_dump() == before and not doc.modified
    doc.undo_stack.redo()
    assert doc.season == edit.apply(document)


def test_apply_all_applies_the_edits_in_order(base):
    before = base.model_dump()
    after = E.apply_all(base, ALL[:5])
    assert base.model_dump() == before
    assert after.name == "Renamed" and after.competition("m1").priority == "A"


def test_bad_edits_are_refused_with_a_located_reason(base):
    with pytest.raises(InputError, match="outside the season"):
        E.MoveCompetition(competition="m1", date=day(200)).apply(base)
    with pytest.raises(InputError, match="end_date is before date"):
        E.MoveCompetition(competition="m1", date=day(10), end_date=day(8)).apply(base)
    with pytest.raises(InputError, match="unique"):
        E.AddAthlete(athlete=Athlete(id="A1", name="Twin")).apply(base)
    with pytest.raises(InputError, match="no injury"):
        E.RecordFlareUp(athlete="A2", date=day(3)).apply(base)
    with pytest.raises(InputError, match="1-3"):
        E.SetRuleValue(rule="HV-2", param="max_speed_days", value=9).apply(base)
    with pytest.raises(InputError, match="ends before it starts"):
        E.SetSeasonSettings(end=day(-5)).apply(base)
    with pytest.raises(InputError):
        E.edit_from_dict({"op": "teleport"})


def _long_season() -> Season:
    """Six weeks with something of every kind after day 22, across it and before it."""
    s = season(weeks=6, athletes=3, comps=[
        Competition(id="t1", name="Tournament", date=day(21), end_date=day(24), priority="B")])
    s = s.model_copy(update={
        "blocks": (Block(name="Base", start=day(0), end=day(13)),
                   Block(name="Build", start=day(14), end=day(27)),
                   Block(name="Peak", start=day(28), end=day(41))),
        "calendar": s.calendar.model_copy(update={"non_training_days": (
            NonTrainingDay(date=day(9), reason="Travel"), NonTrainingDay(date=day(30), reason="Holiday"))}),
        "unavailability": (Unavailability(athlete="A2", start=day(2), end=day(4)),
                           Unavailability(athlete="A2", start=day(20), end=day(25)),
                           Unavailability(athlete="A3", start=day(35), end=day(36))),
        "injuries": (injury("A1", "P3", start_day=-10).model_copy(update={"target_competition": "m5"}),),
        "roles": (MatchRole(competition="m1", athlete="A2", role="bench"),
                  MatchRole(competition="m4", athlete="A2", role="bench")),
        "pins": (IntensityPin(athlete="A3", date=day(10), intensity=90),
                 IntensityPin(athlete="A3", date=day(31), intensity=90)),
        "scenarios": (Scenario(name="Later", edits=(
            E.MoveCompetition(competition="m5", date=day(39)).to_dict(),
            E.MoveCompetition(competition="m1", date=day(6)).to_dict())),),
    })
    return s.model_copy(update={"plan": flat_plan(s)})


def test_shorten_season_removes_what_falls_after_the_end_and_cuts_what_runs_across_it():
    s = _long_season()
    edit = E.ShortenSeason(end=day(22))
    after = edit.apply(s)
    assert after.calendar.end == day(22) and after.plan is None  # made for the longer season
    assert [c.id for c in after.competitions] == ["m0", "m1", "m2", "t1"]
    assert after.competition("t1").last == day(22)  # the tournament ends with the season
    assert [(b.name, b.end) for b in after.blocks] == [("Base", day(13)), ("Build", day(22))]
    assert [d.date for d in after.calendar.non_training_days] == [day(9)]
    assert [(u.athlete, u.start, u.end) for u in after.unavailability] == [
        ("A2", day(2), day(4)), ("A2", day(20), day(22))]
    assert [r.competition for r in after.roles] == ["m1"]
    assert [p.date for p in after.pins] == [day(10)]
    assert after.injuries[0].target_competition is None  # its target went
    assert after.scenarios[0].edits == (E.MoveCompetition(competition="m1", date=day(6)).to_dict(),)
    said = edit.removed(s)
    assert said == [
        "3 competitions removed: 'Match 4', 'Match 5' and 'Match 6'",
        f"1 competition cut to end on {day_long(day(22))}: 'Tournament' ({span(day(21), day(24))})",
        f"1 day off removed: {date_long(day(30))} (Holiday)",
        "1 block removed: 'Peak'",
        f"1 block cut to end on {day_long(day(22))}: 'Build' ({span(day(14), day(27))})",
        f"1 absence removed: Athlete 3 (A3) {span(day(35), day(36))}",
        f"1 absence cut to end on {day_long(day(22))}: Athlete 2 (A2) {span(day(20), day(25))}",
        "1 match role removed: Athlete 2 (A2) in 'Match 5'",
        f"1 pin removed: {E._pin_what(s.pins[1])}",
        "1 return target cleared: Athlete 1 (A1)",
        "1 scenario edit removed: 'Later' edit 1"]
    assert edit.describe(s).startswith(f"End the season on {day_long(day(22))} (3 competitions "
                                       f"removed; 1 competition cut")


def test_shorten_season_is_refused_before_today_a_logged_session_or_at_the_end():
    s = _long_season().model_copy(update={"calendar": _long_season().calendar.model_copy(
        update={"today": day(15)})})
    with pytest.raises(InputError, match="before today"):
        E.ShortenSeason(end=day(14)).apply(s)
    assert E.ShortenSeason(end=day(15)).apply(s).calendar.end == day(15)
    logged = s.model_copy(update={"sessions": (Session(athlete="A2", date=day(18), minutes=60, rpe=5),)})
    with pytest.raises(InputError, match="sessions are logged up to"):
        E.ShortenSeason(end=day(17)).apply(logged)
    assert E.ShortenSeason(end=day(18)).apply(logged).calendar.end == day(18)
    with pytest.raises(InputError, match="not before the season's end"):
        E.ShortenSeason(end=s.calendar.end).apply(s)


def test_calendar_changes_drop_the_plan_other_edits_keep_it(base):
    plan = flat_plan(base)
    planned = base.model_copy(update={"plan": plan})
    assert E.SetSeasonSettings(end=day(45)).apply(planned).plan is None
    kept = E.AddPin(pin=IntensityPin(athlete="A2", date=day(8), intensity=95)).apply(planned)
    assert kept.plan == plan
    changed = E.SetDayIntensity(athlete="A2", date=day(8), intensity=95).apply(planned)
    assert changed.plan.for_athlete("A2").intensity[8] == 95 and changed.plan.status == "manual"


def test_removing_a_competition_clears_it_as_a_target(base):
    s = E.SetTargetCompetition(athlete="A1", competition="m3").apply(base)
    assert "(the return target of Athlete 1 (A1) too)" in E.RemoveCompetition(competition="m3").describe(s)
    s = E.RemoveCompetition(competition="m3").apply(s)
    assert s.injury_of("A1").target_competition is None


def test_new_competition_ids_are_unique(base):
    cid = E.new_competition_id(base)
    assert cid not in {c.id for c in base.competitions}
    s = E.AddCompetition(competition=Competition(id=cid, name="X", date=day(3), priority="C")).apply(base)
    assert E.new_competition_id(s) != cid


def test_remove_pin_and_unknown_pin(base):
    pin = IntensityPin(athlete="A2", date=day(8), intensity=95)
    s = E.AddPin(pin=pin).apply(base)
    assert E.RemovePin(pin=pin).apply(s).pins == ()
    with pytest.raises(InputError, match="no such pin"):
        E.RemovePin(pin=pin).apply(base)


# -- rules v2: several injury records, roles ------------------------------------------------------
def test_injury_edits_address_one_record_of_several(base):
    s = E.AddInjury(athlete="A1", protocol="hamstring-strain", onset=day(20)).apply(base)
    first, second = s.injuries_of("A1")
    assert (first.protocol, second.protocol) == ("iliopsoas-tendinopathy", "hamstring-strain")
    # a flare-up, a stage and a test go to the record that governs their date
    s2 = E.RecordFlareUp(athlete="A1", date=day(10), note="sore after sprints").apply(s)
    assert s2.injuries_of("A1")[0].flare_ups == (day(10),)
    assert s2.injuries_of("A1")[0].flare_notes == {day(10): "sore after sprints"}
    s3 = E.RecordStage(athlete="A1", stage="P2", start=day(25)).apply(s)
    assert [r.stage for r in s3.injuries_of("A1")[1].stages] == ["P1", "P2"]
    # replacing one record keeps the other; removing by onset removes only that one
    edited = second.model_copy(update={"onset": day(19), "stages": second.stages})
    s4 = E.SetInjury(injury=edited.model_copy(update={"stages": (second.stages[0].model_copy(
        update={"start": day(19)}),)}), replaces=day(20)).apply(s)
    assert [i.onset for i in s4.injuries_of("A1")] == [first.onset, day(19)]
    s5 = E.RemoveInjury(athlete="A1", onset=day(20)).apply(s)
    assert s5.injuries_of("A1") == [first]


def test_add_injury_refuses_a_second_record_on_the_same_onset_and_an_unknown_stage(base):
    onset = base.injury_of("A1").onset
    said = E.onset_taken(base, "A1", onset)  # the fact; each place adds how to change it there
    assert said == f"Athlete 1 (A1) already has an injury from {day_long(onset)}"
    with pytest.raises(InputError) as refused:
        E.AddInjury(athlete="A1", protocol="hamstring-strain", onset=onset).apply(base)
    # no menu of the app: the planner's words reach the command line too
    assert refused.value.problems == [f"{said}; give the new one another onset"]
    # another day, or another athlete on that day: free
    assert E.onset_taken(base, "A1", onset + dt.timedelta(days=1)) is None
    assert E.onset_taken(base, "A2", onset) is None
    with pytest.raises(InputError, match="not a stage"):
        E.AddInjury(athlete="A2", protocol="ankle-sprain", onset=day(3), stage="P3").apply(base)


def test_a_series_names_the_first_few_days_left_out_and_a_weekday_across_months():
    """Many days left out: the first three named, then "…"; a weekday wholly left out is dated
    with each month named once, the others as left out days; one weekday's series counts weeks
    (a week left out has no game of it)."""
    tue = [dt.date(2026, 12, 29) + dt.timedelta(days=7 * k) for k in range(6)]
    thu = [dt.date(2026, 12, 31) + dt.timedelta(days=7 * k) for k in range(6)]
    sat = [dt.date(2027, 1, 2) + dt.timedelta(days=7 * k) for k in range(6)]
    out = {"on days off": [thu[4]], "on another competition's day": tue + thu[:4],
           "ending after the season": []}
    assert E.series_left_out(out, [1, 3, 5], sat + [thu[5]]) == [
        "the 6 Tuesdays (29 Dec, 5, 12, 19, 26 Jan, …) are on another competition's day, "
        "left out",
        "1 day on days off left out: Thu 28 Jan",
        "4 days on another competition's day left out: Thu 31 Dec, Thu 7 Jan, Thu 14 Jan, …"]
    assert E.series_left_out({"on days off": tue[:2], "ending after the season": [tue[2]]},
                             [1], tue[3:]) == [
        "2 weeks on days off left out: Tue 29 Dec, Tue 5 Jan",
        "1 week ending after the season left out: Tue 12 Jan"]
    # a weekday wholly left out for two reasons, or one day of it; nothing left out: nothing said
    assert E.series_left_out({"on days off": [tue[0]], "on another competition's day": [tue[1]]},
                             [1, 3], thu) == [
        "the 2 Tuesdays (29 Dec, 5 Jan) are on days off or on another competition's day, left out"]
    assert E.series_left_out({"on days off": [tue[5]]}, [1, 3], thu) == [
        "the one Tuesday (2 Feb) is on days off, left out"]
    assert E.series_left_out({why: [] for why in E.WEEKS_LEFT_OUT}, [1, 3], tue + thu) == []


def test_a_series_of_weekly_days_and_its_left_out_words_come_from_the_season():
    """weekly_days' output read by series_left_out: a day off on one Tuesday, the match on a
    Saturday."""
    s = season(weeks=4, matches=[12])  # Match 1 on Sat 16 Jan 2027
    s = E.AddNonTrainingDay(day=NonTrainingDay(date=day(8), reason="Holiday")).apply(s)  # Tue 12 Jan
    days, out = E.weekly_days(s, day(1), day(26), dt.timedelta(0), [1, 5])
    assert day(8) not in days and day(12) not in days
    assert E.series_left_out(out, [1, 5], days) == [
        "1 day on days off left out: Tue 12 Jan",
        "1 day on another competition's day left out: Sat 16 Jan"]


def test_role_edits_set_and_clear_a_competition_role(base):
    s = E.SetRole(competition="m1", athlete="A2", role="out").apply(base)
    assert s.role_of("A2", "m1") == "out" and s.role_of("A2", "m2") == "start"
    assert E.SetRole(competition="m1", athlete="A2", role=None).apply(s).roles == ()
    assert E.RemoveCompetition(competition="m1").apply(s).roles == ()
    assert E.RemoveAthlete(athlete="A2").apply(s).roles == ()
    with pytest.raises(InputError, match="no competition"):
        E.SetRole(competition="nope", athlete="A2", role="out").apply(base)


def test_a_test_that_is_no_criterion_of_the_protocol_is_refused(base):
    with pytest.raises(InputError, match="not a criterion"):
        E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(date=day(0), name="Vertical jump",
                                                             value=40)).apply(base)


def test_a_test_value_outside_its_scale_or_a_ratio_for_a_percentage_is_refused(base):
    """A pain of 15/10 or -3 would pass a "pain at most 1" gate by typo, 920 for 92 % a strength
    gate, and 0.92 (a ratio) would fail it: each is refused, naming the scale."""
    from planner.protocols import load_protocol

    proto = load_protocol(base.injuries[0].protocol)
    crits = {c.unit: c for s in proto.stages for c in s.criteria}
    pain, lsi = crits["/10"], crits["%"]

    def record(name, value):
        return E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(date=day(0), name=name,
                                                                     value=value)).apply(base)

    for value, said in ((15, f"15 is outside 0-10 ({pain.name} is scored out of 10)"),
                        (-3, f"-3 is outside 0-10 ({pain.name} is scored out of 10)")):
        with pytest.raises(InputError) as e:
            record(pain.name, value)
        assert e.value.problems == [f"injuries[0].tests[0].value: {said}; correct the value"]
    for value, said in ((920, f"920 % is outside 0-200 % ({lsi.name} is scored in %); correct the value"),
                        (0.92, f"0.92 reads as a ratio, not a percentage; write 92 for 92 % ({lsi.name})")):
        with pytest.raises(InputError) as e:
            record(lsi.name, value)
        assert e.value.problems == [f"injuries[0].tests[0].value: {said}"]
    assert record(pain.name, 2).injuries[0].tests[0].value == 2
    assert record(lsi.name, 130).injuries[0].tests[0].value == 130


def test_history_is_entered_only_once_it_happened(document):
    later = Session(athlete="A2", date=day(5), minutes=60, rpe=5)
    with pytest.raises(InputError, match=r"the session's date: .* is after the season start "
                                         r"\(.*; no today is set\)"):  # "after today" with none set
        E.LogSessions(sessions=(later,)).apply(document)
    moved = E.AdvanceToday(today=day(7)).apply(document)
    logged = E.LogSessions(sessions=(later,)).apply(moved)
    # moving today back again keeps what was logged: the season stays valid
    back = E.AdvanceToday(today=day(2)).apply(logged)
    assert later in back.sessions and back.calendar.today == day(2)
    # a day's cell rewritten: the sessions it had are replaced
    fixed = E.LogSessions(sessions=(later.model_copy(update={"rpe": 7}),),
                          replace=(("A2", day(5)),)).apply(logged)
    assert [x.rpe for x in fixed.sessions if x.date == day(5)] == [7]


def test_a_flare_up_on_the_day_of_a_recorded_step_forward_undoes_that_step():
    """S2 accepted for Thu 14 Jan (the plan projected it), pain that day: the flare-up moves the
    athlete back one stage from S1, the stage held the day before (rules-spec.md section 6); the
    S2 record, which would otherwise hold the regression and cancel it, goes."""
    from planner.rehab import athlete_stage_on

    s = season(weeks=10, athletes=2, today=day(12), injuries=(
        injury("A1", "S2", start_day=10, history=(("P3", -20), ("S1", 1))),))
    edit = E.RecordFlareUp(athlete="A1", date=day(10))
    assert "undoes the move to S2 recorded for that day" in edit.describe(s)
    after = edit.apply(s)
    (inj,) = after.injuries_of("A1")
    assert [(r.stage, r.start) for r in inj.stages] == [("P3", day(-20)), ("S1", day(1))]
    assert inj.flare_ups == (day(10),)
    assert athlete_stage_on(after.injuries_of("A1"), day(10)) == "P3"
    # A record on the flare-up's date that already holds a regression stays, and is the stage.
    back = season(weeks=10, athletes=2, today=day(12), injuries=(
        injury("A1", "P3", start_day=10, history=(("P3", -20), ("S1", 1))),))
    edit = E.RecordFlareUp(athlete="A1", date=day(10))
    assert edit.undoes(back) == "" and "undoes" not in edit.describe(back)
    (inj,) = edit.apply(back).injuries_of("A1")
    assert [r.stage for r in inj.stages] == ["P3", "S1", "P3"]
    # A flare-up on another day leaves the records alone.
    (inj,) = E.RecordFlareUp(athlete="A1", date=day(11)).apply(s).injuries_of("A1")
    assert [r.stage for r in inj.stages] == ["P3", "S1", "S2"]


def test_a_flare_up_on_the_first_stage_day_is_refused_as_before_not_a_crash():
    """Onset day 0, P1 recorded from day 2 (only record): a flare-up on day 2 cannot undo the
    first stage (there is nothing to go back from); the validation refuses it with its words."""
    s = season(weeks=4, athletes=2, today=day(5),
               injuries=(injury("A1", "P1", start_day=2, onset_day=0),))
    edit = E.RecordFlareUp(athlete="A1", date=day(2))
    assert edit.undoes(s) == "" and "undoes" not in edit.describe(s)
    with pytest.raises(InputError) as e:
        edit.apply(s)
    assert "first stage start" in str(e.value)
    # with a later record too: still refused, and no word of undoing
    s2 = season(weeks=4, athletes=2, today=day(12),
                injuries=(injury("A1", "P2", start_day=9, onset_day=0, history=(("P1", 2),)),))
    assert E.RecordFlareUp(athlete="A1", date=day(2)).undoes(s2) == ""
    with pytest.raises(InputError):
        E.RecordFlareUp(athlete="A1", date=day(2)).apply(s2)


def test_a_flare_up_recorded_before_later_stage_changes_says_that_they_stand():
    """A flare-up recorded afterwards on 18 Aug with P3 recorded from 24 Aug: the athlete went
    P2 -> P1 -> P3 (the records stand, rules-spec.md section 6) without a word. The edit now says
    the later stage changes stand and that they may need moving."""
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    edit = E.RecordFlareUp(athlete="A1", date=day(5))
    said = edit.later_stages(s)
    assert said.startswith("the stage changes recorded after it stand (P3 from ")
    assert "move them if the flare-up held the athlete back" in edit.describe(s)
    assert E.RecordFlareUp(athlete="A1", date=day(12)).later_stages(s) == ""  # none after it


def test_later_stage_changes_kept_after_a_flare_up_say_what_they_pass_over():
    """Kept after a flare-up inside S1's minimum, the history skipped S1 and cut P3's 21 days to
    6, said only as "the stage changes recorded after it stand": they are said as an early stage
    record says it, so that the physio confirms or moves them."""
    from planner.text import day as day_text

    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    edit = E.RecordFlareUp(athlete="A1", date=day(5))  # P2 -> P1 on day 5, P3 recorded on day 10
    assert edit.later_stages(s) == (
        f"the stage changes recorded after it stand (P3 from {date_long(day(10))}): after the "
        f"flare-up, P1 has had 5 days (from {day_text(day(5))}); it needs at least 7; P2 is "
        f"skipped; confirm them with the physio, or move them if the flare-up held the athlete back")
    assert "P2 is skipped" in edit.describe(s)
    # S1 (90 %) skipped: its sprints named
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "S2", start_day=10, history=(("S1", 0),)),))
    said = E.RecordFlareUp(athlete="A1", date=day(5)).later_passed_over(s)
    assert said.endswith("S1 is skipped, and with it the sprints at 90 %"), said
    # the later change comes once the stage is done and nothing is skipped: nothing to say
    s = season(weeks=6, athletes=1, today=day(30),
               injuries=(injury("A1", "P2", start_day=14, history=(("P2", 0),)),))
    edit = E.RecordFlareUp(athlete="A1", date=day(5))
    assert edit.later_passed_over(s) == ""
    assert "move them if the flare-up held the athlete back" in edit.later_stages(s)


def test_a_flare_up_recorded_before_later_stage_changes_can_remove_them():
    """A second flare-up reported after Move Today had accepted P3 left P3 standing: the athlete
    sprinted at 80 % five days later. With later="drop" the records after it go, and the plan
    projects the stages again from the flare-up; a scenario's edit keeps its old form when kept."""
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=10, history=(("P2", 0),)),))
    keep = E.RecordFlareUp(athlete="A1", date=day(5))
    drop = keep.model_copy(update={"later": "drop"})
    assert keep.later_records(s) == f"P3 from {date_long(day(10))}"
    assert [r.stage for r in keep.apply(s).injuries[0].stages] == ["P2", "P3"]
    after = drop.apply(s).injuries[0]
    assert [r.stage for r in after.stages] == ["P2"] and after.flare_ups == (day(5),)
    assert "the stage changes recorded after it are removed (P3 from" in drop.describe(s)
    assert "later" not in keep.to_dict() and drop.to_dict()["later"] == "drop"
    assert E.RecordFlareUp(**{k: v for k, v in drop.to_dict().items() if k != "op"}) == drop


@pytest.mark.parametrize("make", [
    lambda d: E.RecordFlareUp(athlete="A9", date=d),
    lambda d: E.RecordCriteriaTest(athlete="A9", test=CriteriaTest(date=d, name="LSI", value=84, unit="%")),
], ids=["flare-up", "criteria test"])
def test_an_edit_of_an_athlete_not_in_the_squad_says_so(make):
    """It said 'A9 has no injury before …; record the injury first': the fix is the id."""
    s = season(weeks=4, athletes=2, today=day(5), injuries=(injury("A1", "P1", start_day=0),))
    with pytest.raises(InputError) as e:
        make(day(3)).apply(s)
    assert "no athlete has id 'A9'; use an id from the squad" in str(e.value)


def test_a_player_who_leaves_keeps_his_past_and_is_planned_nothing_from_then(base):
    """Delete was the only way to let a sold player go, and it took his 99 logged sessions and
    his absence with it. Leaving keeps every record of his; from the day he left he is away
    ("left the squad") and his stored plan is at 0 %; the squad's other rows stay."""
    from planner.squad import LEFT_REASON, history_counts, left_on
    from planner.validate import plan_problems

    s = base.model_copy(update={
        "unavailability": (Unavailability(athlete="A2", start=day(3), end=day(4), reason="Ill"),),
        "sessions": tuple(Session(athlete="A2", date=day(i - 5), minutes=60, rpe=5) for i in range(5))})
    plan = flat_plan(s, intensity=60)
    s = s.model_copy(update={"plan": plan})
    edit = E.LeaveSquad(athlete="A2", leaves=day(20))
    after = edit.apply(s)
    assert after.sessions == s.sessions and after.injuries == s.injuries
    assert after.athlete("A2") == s.athlete("A2")
    assert history_counts(after, "A2") == history_counts(s, "A2") == ["5 logged sessions", "1 absence"]
    (gone,) = [u for u in after.unavailability if u.reason == LEFT_REASON]
    assert (gone.athlete, gone.start, gone.end) == ("A2", day(20), s.calendar.end)
    assert left_on(after, "A2") == day(20) and left_on(s, "A2") is None
    row = after.plan.for_athlete("A2")
    assert set(row.intensity[20:]) == {0} and set(row.intensity[:20]) == {60}
    assert [ap for ap in after.plan.athletes if ap.athlete != "A2"] == [
        ap for ap in plan.athletes if ap.athlete != "A2"]
    assert not plan_problems(after)
    assert edit.describe(s) == (f"{s.athlete_label('A2')} left the squad on "
                                f"{day(20):%a} {day(20).day} {day(20):%b %Y}: their past is kept; "
                                f"nothing is planned from then")
    # given again, the date moves: one stretch "left the squad", not two
    again = E.LeaveSquad(athlete="A2", leaves=day(25)).apply(after)
    assert [u.start for u in again.unavailability if u.reason == LEFT_REASON] == [day(25)]
    assert E.edit_from_dict(edit.to_dict()) == edit
    with pytest.raises(InputError, match="outside the season"):
        E.LeaveSquad(athlete="A2", leaves=s.calendar.end + dt.timedelta(days=1)).apply(s)
    from planner.scenarios import past_change_problem

    today = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)})})
    assert "before today" in past_change_problem(today, E.LeaveSquad(athlete="A2", leaves=day(9)))
    assert past_change_problem(today, E.LeaveSquad(athlete="A2", leaves=day(10))) is None


def test_a_squad_change_keeps_everyone_elses_plan_and_past(base):
    """Adding a player mid-season dropped the stored plan: the next solve rewrote the squad's
    past (deload weeks gone, unlogged days re-planned). The others' rows stay as they were; the
    newcomer's row is at 0 % until the next solve, and the days before the day they join are an
    unavailability (no load is made up for them)."""
    from planner.validate import plan_problems

    plan = flat_plan(base)
    planned = base.model_copy(update={"plan": plan})
    joins = day(10)
    edit = E.AddAthlete(athlete=Athlete(id="A9", name="New"), joins=joins)
    added = edit.apply(planned)
    assert added.plan is not None and not plan_problems(added)
    assert added.plan.athletes[:-1] == plan.athletes and added.plan.team_weeks == plan.team_weeks
    row = added.plan.for_athlete("A9")
    assert set(row.intensity) == {0} and set(row.stages) == {"FIT"} and row.weeks == plan.team_weeks
    assert added.plan.status == "manual"
    (away,) = [u for u in added.unavailability if u.athlete == "A9"]
    assert (away.start, away.end, away.reason) == (base.calendar.start, day(9), E.JOINED_REASON)
    assert "with the squad from" in edit.describe(planned)
    assert not [u for u in E.AddAthlete(athlete=Athlete(id="A9", name="New")).apply(planned).unavailability
                if u.athlete == "A9"]  # a squad built before the season starts: nothing to add
    assert E.AddAthlete(athlete=Athlete(id="A9", name="New"), joins=joins).apply(base).plan is None
    removed = E.RemoveAthlete(athlete="A2").apply(planned)
    assert [ap.athlete for ap in removed.plan.athletes] == [ap.athlete for ap in plan.athletes
                                                            if ap.athlete != "A2"]
    assert all(ap == plan.for_athlete(ap.athlete) for ap in removed.plan.athletes)
    assert not plan_problems(removed)
    # the edit's dict (a what-if scenario stores it) keeps the day
    again = E.edit_from_dict(edit.to_dict())
    assert again == edit


def test_moving_today_is_described_in_plain_plurals():
    from planner.text import date_long

    one = E.AdvanceToday(today=day(10), accepted=(E.StageEntry(athlete="A1", stage="S1", date=day(4)),))
    two = one.model_copy(update={"accepted": one.accepted * 2})
    s = season(weeks=3)
    assert one.describe(s) == f"Today is {date_long(day(10))}, 1 stage change recorded"
    assert two.describe(s) == f"Today is {date_long(day(10))}, 2 stage changes recorded"


def test_accepting_a_plan_is_said_in_a_coach_s_words():
    """The undo entry read "Accept the feasible plan": the solver's word, not the coach's."""
    from planner.season import Plan

    base = Plan(status="optimal", athletes=(), team_weeks=())
    said = {st: E.SetPlan(plan=base.model_copy(update={"status": st})).describe(None)
            for st in ("optimal", "feasible", "timeout", "manual", "cancelled")}
    assert said == {"optimal": "Accept the plan (the best possible)",
                    "feasible": "Accept the plan (the best found in the time allowed)",
                    "timeout": "Accept the plan (the best found in the time allowed)",
                    "manual": "Accept the plan edited by hand",
                    "cancelled": "Accept the plan found before the stop"}
    assert not any("feasible" in x or "optimal" in x for x in said.values())


# -- a scenario's plan made for a season that has changed since ----------------------------------
BASIS_FIELDS = ("calendar", "competitions", "blocks", "athletes", "unavailability", "injuries",
                "roles", "rules", "pins", "sessions")


@pytest.mark.parametrize("edit", [e for e in ALL if not isinstance(
    e, E.DeleteScenario | E.SetScenarioEdits | E.AdoptScenario | E.SetScenarioPlan)], ids=lambda e: e.op)
def test_a_scenario_plan_is_out_of_date_exactly_when_a_part_it_was_made_for_changed(document, edit):
    """Compared field by field here (the scenario keeps digests): renaming the season, planning it
    again or another scenario's change leave the plan current; any other change makes it out of
    date, and says which part."""
    from planner.scenarios import out_of_date

    planned = E.SetScenarioPlan(name="Flare", plan=flat_plan(document, intensity=60)).apply(document)
    assert out_of_date(planned, planned.scenarios[0]) == ""
    after = edit.apply(planned)
    changed = [f for f in BASIS_FIELDS if getattr(after, f) != getattr(planned, f)]
    sc = next(s for s in after.scenarios if s.edits == planned.scenarios[0].edits)
    why = out_of_date(after, sc)
    assert bool(why) == bool(changed), (changed, why)
    from planner.season import BASIS_PARTS

    for f in changed:
        assert BASIS_PARTS[f] in why


def test_the_record_of_what_a_scenario_was_planned_for_follows_its_plan(document, tmp_path):
    from planner.scenarios import out_of_date

    plan = flat_plan(document, intensity=60)
    s = E.SetScenarioPlan(name="Flare", plan=plan).apply(document)
    assert s.scenarios[0].planned_for is not None and s.scenarios[0].base_plan == document.plan
    # re-planned after the season was planned again: it branches from that plan now
    other = flat_plan(document, intensity=70)
    again = E.SetScenarioPlan(name="Flare", plan=plan).apply(E.SetPlan(plan=other).apply(s))
    assert again.scenarios[0].base_plan == other
    copy = E.DuplicateScenario(name="Flare", new_name="Copy").apply(s)
    assert copy.scenarios[1].planned_for == s.scenarios[0].planned_for
    # new changes: no plan, nothing out of date
    cleared = E.SetScenarioEdits(name="Flare", edits=s.scenarios[0].edits).apply(s)
    assert cleared.scenarios[0].plan is None and cleared.scenarios[0].planned_for is None
    # a season file written before the record: nothing can be told, nothing is said
    old = s.model_copy(update={"scenarios": (s.scenarios[0].model_copy(update={"planned_for": None}),)})
    moved = E.MoveCompetition(competition="m1", date=day(4)).apply(old)
    assert out_of_date(moved, moved.scenarios[0]) == ""
    # the same change on a recorded one: said, and undone by moving it back
    moved = E.MoveCompetition(competition="m1", date=day(4)).apply(s)
    assert out_of_date(moved, moved.scenarios[0]).startswith(
        "planned before the competitions changed ('Match 2' moved from 16 Jan to 8 Jan), so its "
        "plan")
    more = E.AddCompetition(competition=Competition(id="x1", name="Friendly", date=day(16),
                                                    priority="C")).apply(moved)
    more = E.RemoveCompetition(competition="m3").apply(more)
    assert out_of_date(more, more.scenarios[0]).startswith(
        "planned before the competitions changed ('Match 2' moved from 16 Jan to 8 Jan, 'Match 4' "
        "removed and 1 more), so its plan")
    # a competition made an A: said so, not "the competitions ('Match 2' changed) changed"
    made_a = E.UpdateCompetition(competition="m1", priority="A").apply(s)
    assert out_of_date(made_a, made_a.scenarios[0]).startswith(
        "planned before the competitions changed ('Match 2' became an A competition), so its "
        "plan")
    back = E.MoveCompetition(competition="m1", date=s.competition("m1").date).apply(moved)
    assert out_of_date(back, back.scenarios[0]) == ""
    # the record survives the season file
    from planner.seasonfile import load_season, save_season

    save_season(moved, tmp_path / "s.season.json")
    again = load_season(tmp_path / "s.season.json")
    assert out_of_date(again, again.scenarios[0]) == out_of_date(moved, moved.scenarios[0])


def test_an_edit_refused_for_a_date_outside_the_season_says_it_in_words():
    """'whatif --move-competition "Cup Final" 2027-06-22' said "competitions[32].date (Cup
    Final): …", the season file's path, to a coach who typed a command."""
    from planner.errors import InputError
    from planner.text import edit_words

    s = season(weeks=2)
    c = s.competitions[0]
    with pytest.raises(InputError) as got:
        E.MoveCompetition(competition=c.id, date=s.calendar.end + dt.timedelta(days=30)).apply(s)
    text = str(got.value)
    assert f"the date of '{c.name}': " in text and "competitions[" not in text
    assert edit_words("blocks[2].end (Autumn): x") == "the last day of the block 'Autumn': x"
    assert edit_words("athletes[0].id: y") == "athletes[0].id: y"  # no words known: as it was
    # a rule's value and a rehab record, as 'record --rule' and 'record --stage' said them
    assert edit_words("rules.values.XX-1: no such rule") == "XX-1: no such rule"
    # a rehab record keeps its place: the Injuries form says it as its field's label
    assert edit_words("injuries[1].stages[7].start: x") == "injuries[1].stages[7].start: x"
    with pytest.raises(InputError) as got:
        E.SetRuleValue(rule="LD-1", param="weight", value=99999).apply(s)
    assert "LD-1 weight: 99999 is outside 0-10000" in str(got.value) and "rules." not in str(got.value)


def test_a_session_after_the_season_start_with_today_before_it_is_said_as_such():
    """Today set before the season start: the refusal said 'after today (2027-01-04)', which was
    the season start's date; and it named the season file's path."""
    from planner.errors import InputError
    from planner.season import Session

    s = season(weeks=2)
    early = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"today": s.calendar.start - dt.timedelta(days=10)})})
    with pytest.raises(InputError) as got:
        E.LogSessions(sessions=(Session(athlete="A1", date=day(3), minutes=60, rpe=5),)).apply(early)
    text = str(got.value)
    assert (f"the session's date: {date_long(day(3))} is after the season start "
            f"({date_long(s.calendar.start)}; today, "
            f"{date_long(s.calendar.start - dt.timedelta(days=10))}, is before it)") in text
    assert "sessions[" not in text


def test_every_week_leaves_out_days_off_other_competitions_and_the_season_end_without_qt():
    """The weekly days and their numbering are the planner's: a two-day event is kept apart
    from a day off on its second day and from another event's days; a week past the season's
    end is left out; the numbers go on after the season's highest of that name."""
    cup = Competition(id="cup", name="Cup", date=day(12), end_date=day(13), priority="B")
    s = season(weeks=4, matches=[5], comps=[cup]).model_copy(update={"calendar": season(
        weeks=4).calendar.model_copy(update={"non_training_days": (
            NonTrainingDay(date=day(20), reason="Break"),)})})
    days, out = E.weekly_days(s, day(5), day(26), dt.timedelta(days=1))  # Sat-Sun each week
    assert days == [day(26)]  # 1: Match 1 on its Saturday; 2: the cup; 3: the break
    assert out == {"on days off": [day(19)], "on another competition's day": [day(5), day(12)],
                   "ending after the season": []}
    days, out = E.weekly_days(s, day(6), day(27), dt.timedelta(days=1))  # Sun-Mon each week
    assert days == [day(6)]  # the cup's Sunday, the break, a Monday past the season's end
    assert out == {"on days off": [day(20)], "on another competition's day": [day(13)],
                   "ending after the season": [day(27)]}
    days, out = E.weekly_days(s, day(1), day(27), dt.timedelta(0))  # Tuesdays: all free
    assert days == [day(1), day(8), day(15), day(22)] and not any(out.values())
    edits = E.weekly_competitions(s, "Match", days, None, "C")
    assert [e.competition.name for e in edits] == ["Match 2", "Match 3", "Match 4", "Match 5"]
    assert len({e.competition.id for e in edits} | {c.id for c in s.competitions}) == 6
    assert E.competition_series("Match 1", s.competitions) == ("Match", 2)


def test_two_games_a_week_are_one_series_numbered_in_date_order_without_qt():
    """Tuesday and Saturday games were a series only the Competitions editor could make: the
    planner gives each weekday's weeks from the date's week on, in date order, with the weeks
    left out of both counted, for any caller."""
    cup = Competition(id="cup", name="Cup", date=day(12), end_date=day(13), priority="B")
    s = season(weeks=4, matches=[5], comps=[cup])
    days, out = E.weekly_days(s, day(3), day(26), dt.timedelta(0), weekdays=[5, 1])  # from a Thu
    assert days == [day(8), day(15), day(19), day(22), day(26)]  # Sat 5: Match 1, Sat 12: the cup
    assert out == {"on days off": [], "on another competition's day": [day(5), day(12)],
                   "ending after the season": []}
    edits = E.weekly_competitions(s, "Match", days, None, "C")
    assert [(e.competition.name, e.competition.date) for e in edits][:3] == [
        ("Match 2", day(8)), ("Match 3", day(15)), ("Match 4", day(19))]
    assert E.weekly_days(s, day(1), day(26), dt.timedelta(0), weekdays=[1]) == E.weekly_days(
        s, day(1), day(26), dt.timedelta(0))


@pytest.mark.parametrize(("name", "have", "series"), [
    ("Turnier", ["Turnier 2026"], ("Turnier", 1)),  # a year is no match's number
    ("Turnier 2026", ["Turnier 2026"], ("Turnier 2026", 1)),
    ("Hallencup U 19", ["Hallencup U 19"], ("Hallencup U 19", 1)),  # an age group, alone
    ("U19", ["U19"], ("U19", 1)),
    ("Kreisliga 16", ["Kreisliga 15", "Kreisliga 16"], ("Kreisliga", 17)),
    ("Kreisliga", ["Kreisliga 15", "Kreisliga 16", "Kreisliga U19"], ("Kreisliga", 17)),
    ("Liga 1", ["Liga 1"], ("Liga", 2)),
    ("kreisliga", ["Kreisliga 15", "Kreisliga 16"], ("Kreisliga", 17)),  # as the season spells it
    ("Kreisliga  16", ["kreisliga 15", "Kreisliga 16"], ("Kreisliga", 17)),
])
def test_every_week_numbers_only_after_a_number_that_is_a_match_number(name, have, series):
    comps = [Competition(id=f"c{i}", name=n, date=day(i), priority="C")
             for i, n in enumerate(have)]
    assert E.competition_series(name, comps) == series


def test_a_rename_is_said_as_one_only_when_nothing_else_changes(base):
    """The forms' Apply sends every field: a name and a date changed together were undone as
    "Rename competition", and the date went back unsaid."""
    c = base.competitions[0]
    assert E.UpdateCompetition(competition=c.id, name="Derby", priority=c.priority, date=c.date,
                               single_day=True).describe(base) == (
        f"Rename competition '{c.name}' to 'Derby'")
    moved = E.UpdateCompetition(competition=c.id, name="Derby", priority=c.priority,
                                date=c.date + dt.timedelta(days=1), single_day=True)
    assert moved.describe(base) == (f"{c.name}: date {c.date:%a} {c.date.day} {c.date:%b} → "
                                    f"{moved.date:%a} {moved.date.day} {moved.date:%b}, name "
                                    f"'{c.name}' → 'Derby'")
    a = base.athletes[0]
    assert E.UpdateAthlete(athlete=a.id, name="Nuno", position=a.position,
                           role=a.role).describe(base).startswith("Rename athlete")
    assert E.UpdateAthlete(athlete=a.id, name="Nuno", position="Goalkeeper",
                           role=a.role).describe(base).endswith(", renamed Nuno")


def _sprints_before_today():
    """A1 in S1, today day 10, his stored plan's 90 % and 80 % on days 7 and 8 not logged."""
    from planner.season import Plan

    s = season(weeks=3, athletes=1, today=day(10),
               injuries=(injury("A1", "S1", start_day=2, history=(("P3", -20),)),))
    ap = AthletePlan(athlete="A1", stages=("P3",) * 2 + ("S1",) * 19,
                     intensity=(0,) * 7 + (90, 80, 0) + (0,) * 11, weeks=("load",) * 3)
    return s.model_copy(update={"plan": Plan(status="feasible", team_weeks=("load",) * 3,
                                             athletes=(ap,))})


def test_a_flare_up_on_a_past_day_says_the_planned_sessions_it_counts_as_not_done():
    """A flare-up recorded on a past day turned the stored plan's sprint there (nothing logged)
    into 0 % without a word; the edit says so, and that the session can be logged."""
    s = _sprints_before_today()
    said = E.RecordFlareUp(athlete="A1", date=day(7)).describe(s)
    assert (f"the 90 % on {date_long(day(7))}, 80 % on {date_long(day(8))} planned and not logged "
            f"now count as not done") in said, said
    logged = s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(7), minutes=60, rpe=6, top_speed_pct=90),)})
    assert f"90 % on {date_long(day(7))}" not in E.RecordFlareUp(athlete="A1", date=day(7)).describe(logged)


def test_a_flare_up_on_a_past_day_says_the_calm_cap_rh_fl_holds(monkeypatch):
    """"at most 60 % after it" was written out in the words, beside the cap the check counts by
    (planner.rules.CALM_CAP): the two could part."""
    from planner import rules

    s = _sprints_before_today()
    monkeypatch.setattr(rules, "CALM_CAP", 50)
    said = E.RecordFlareUp(athlete="A1", date=day(7)).past_not_done(s)
    assert said.endswith("(no running on a flare-up's day, at most 50 % after it): log what was "
                         "run"), said


def test_a_second_flare_up_within_a_week_is_called_so():
    """Two flare-ups within 7 days send the athlete back two stages (rules-spec.md section 6);
    the record said only that it went back a stage."""
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=2, history=(("P2", -10),), flare_days=(8,)),))
    # S1 from day 2, back to P3 on day 8: the second goes two stages back, to P1
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "S1", start_day=2, history=(("P3", -10),), flare_days=(8,)),))
    assert E.RecordFlareUp(athlete="A1", date=day(12)).second(s) == (
        f"the second within 7 days (after {date_long(day(8))}): two stages back, to P1")
    assert E.RecordFlareUp(athlete="A1", date=day(16)).second(s) == ""  # 8 days after
    assert "two stages back, to P1" in E.RecordFlareUp(athlete="A1", date=day(12)).describe(s)


def test_a_second_flare_up_within_a_week_in_the_first_stages_says_what_it_does():
    """"Two stages back" was said to an athlete in P1 since the first flare-up, who cannot go
    back: he stays in P1 and its minimum restarts; from P2 there is one stage behind."""
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P2", start_day=2, history=(("P1", -10),), flare_days=(8,)),))
    assert E.RecordFlareUp(athlete="A1", date=day(12)).second(s) == (
        f"the second within 7 days (after {date_long(day(8))}): stays in P1; P1's minimum "
        f"restarts from {date_long(day(12))}")
    s = season(weeks=4, athletes=1, today=day(20),
               injuries=(injury("A1", "P3", start_day=2, history=(("P2", -10),), flare_days=(8,)),))
    assert E.RecordFlareUp(athlete="A1", date=day(12)).second(s) == (
        f"the second within 7 days (after {date_long(day(8))}): one stage back, to P1, the first")


def test_a_date_outside_the_season_is_refused_in_the_apps_words(base):
    """'The date of 'New Year Cup': 2028-01-01 is outside the season (2027-12-06 to 2027-12-20)'
    was the one refusal in ISO dates; it names the days as the app writes them."""
    from planner.text import day_long

    late = base.calendar.end + dt.timedelta(days=3)
    comp = base.competition("m1")
    with pytest.raises(InputError) as e:
        E.MoveCompetition(competition="m1", date=late).apply(base)
    cal = base.calendar
    assert e.value.problems == [
        f"the date of {comp.name!r}: {day_long(late)} is outside the season ({day_long(cal.start)} "
        f"to {day_long(cal.end)}); move it inside"]
    with pytest.raises(InputError) as e:  # the season shortened before a competition: the same
        E.SetSeasonSettings(end=comp.date - dt.timedelta(days=1)).apply(base)
    assert f"{day_long(comp.date)} is outside the season ({day_long(cal.start)} to " in str(e.value)


def test_a_competition_edit_says_each_field_it_changes_old_to_new_as_a_scenario_lists_it(base):
    """A what-if's change read "Edit competition 'Derby (home)'" in the Scenarios panel, the
    comparison and whatif --list: nobody could tell what the scenario changed."""
    from planner.scenarios import describe_edits
    from planner.season import Scenario

    c = base.competitions[0]
    new = "A" if c.priority != "A" else "B"
    edit = E.UpdateCompetition(competition=c.id, priority=new)
    stored = Scenario(name="Derby as A", edits=(edit.to_dict(),))  # every field, None too
    assert describe_edits(base, stored) == [f"{c.name}: priority {c.priority} → {new}"]
    day = c.date + dt.timedelta(days=2)
    both = E.UpdateCompetition(competition=c.id, name=c.name, priority=c.priority, date=c.date,
                               end_date=day)
    assert both.describe(base) == (f"{c.name}: end one day → {day:%a} {day.day} {day:%b}")
    longer = both.apply(base)
    back = E.UpdateCompetition(competition=c.id, single_day=True)
    assert back.describe(longer) == f"{c.name}: end {day:%a} {day.day} {day:%b} → one day"
    assert E.UpdateCompetition(competition=c.id, priority=c.priority).describe(base) == (
        f"Edit competition '{c.name}' (nothing changed)")


def test_clearing_a_max_speed_his_logged_speeds_need_is_one_sentence_not_a_line_a_session():
    """Clearing Diego's max speed after ten sessions logged in m/s was refused with ten lines of
    ``sessions[2402].top_speed_ms: …``; now one sentence from the edit, with their days."""
    s = season(weeks=3, athletes=2, today=day(14))
    s = s.model_copy(update={
        "athletes": (s.athletes[0].model_copy(update={"max_speed": 9.0}), s.athletes[1]),
        "sessions": tuple(Session(athlete="A1", date=day(i), minutes=60, rpe=5, top_speed_ms=7.5)
                          for i in range(10))})
    with pytest.raises(InputError) as e:
        E.UpdateAthlete(athlete="A1", clear_max_speed=True).apply(s)
    assert e.value.problems == [
        "Athlete 1 has 10 sessions logged in m/s (4 to 13 Jan 2027): they need a max speed to be "
        "read, so it cannot be removed; correct it instead"]
    assert E.UpdateAthlete(athlete="A1", max_speed=8.8).apply(s).athlete("A1").max_speed == 8.8
    in_pct = s.model_copy(update={"sessions": tuple(
        x.model_copy(update={"top_speed_ms": None, "top_speed_pct": 85}) for x in s.sessions)})
    assert E.UpdateAthlete(athlete="A1", clear_max_speed=True).apply(in_pct).athlete("A1").max_speed is None


def test_leaving_removes_his_absences_from_that_day_and_trims_one_across_it(base):
    """His Illness 1-5 Feb stayed listed above "left the squad" from 4 Jan. His absences from the
    day he left on go, one across that day ends the day before, both said; the others' stay,
    and the season before the edit (what undo restores) still holds them."""
    from planner.squad import LEFT_REASON

    s = base.model_copy(update={"unavailability": (
        Unavailability(athlete="A2", start=day(3), end=day(4), reason="Ill"),
        Unavailability(athlete="A2", start=day(18), end=day(22), reason="national team"),
        Unavailability(athlete="A2", start=day(28), end=day(32), reason="Illness"),
        Unavailability(athlete="A3", start=day(28), end=day(32), reason="Illness"))})
    edit = E.LeaveSquad(athlete="A2", leaves=day(20))
    after = edit.apply(s)
    assert [(u.athlete, u.start, u.end, u.reason) for u in after.unavailability] == [
        ("A2", day(3), day(4), "Ill"), ("A2", day(18), day(19), "national team"),
        ("A3", day(28), day(32), "Illness"), ("A2", day(20), s.calendar.end, LEFT_REASON)]
    assert edit.describe(s) == (
        "Athlete 2 (A2) left the squad on Sun 24 Jan 2027: their past is kept; nothing is planned "
        "from then; their absence from then removed: Illness 1 to 5 Feb 2027; national team 22 to "
        "26 Jan 2027 now ends Sat 23 Jan 2027")
    assert len(s.unavailability) == 4  # the season before is untouched: undo gives it back
    assert E.LeaveSquad(athlete="A2", leaves=day(25)).apply(after).unavailability[:3] == \
        after.unavailability[:3]  # given again: his leaving moves, the trimmed absence stays


def test_his_leaving_moved_later_says_the_absences_cut_then_are_not_restored(base):
    """Recorded as leaving on day 20, which cut his national team days 18-22 to end on day 19,
    then again on day 25: the absence stayed cut (days 20-22 became training days) and nothing
    said it. The second leaving says what the first one cut and that it is not restored; moving
    it earlier says nothing of it."""
    s = base.model_copy(update={"unavailability": (
        Unavailability(athlete="A2", start=day(18), end=day(22), reason="national team"),)})
    after = E.LeaveSquad(athlete="A2", leaves=day(20)).apply(s)
    later = E.LeaveSquad(athlete="A2", leaves=day(25))
    assert later.describe(after) == (
        "Athlete 2 (A2) left the squad on Fri 29 Jan 2027: their past is kept; nothing is planned "
        "from then; they were recorded as leaving Sun 24 Jan 2027: the absences cut or removed then "
        "are not restored (national team 22 to 23 Jan 2027 ends the day before it): record again "
        "as an absence any that went on past it")
    assert "not restored" not in E.LeaveSquad(athlete="A2", leaves=day(15)).describe(after)
    assert "not restored" not in E.LeaveSquad(athlete="A2", leaves=day(20)).describe(after)


def test_a_day_after_he_left_or_before_he_joined_says_so_in_the_stage_and_load_reasons(base):
    """A player who left read "Stage FIT — fit: full training and matches" and "no chronic load
    yet (fewer than four full weeks before)" on his days after leaving, though he had logged
    every week. The day says "left the squad on …" (a signing's "not in the squad yet: with the
    squad from …"), and LD-1's reason "not with the squad this week"."""
    from planner.squad import JOINED_REASON, away_from_squad
    from planner.why import why_week

    s = base.model_copy(update={"unavailability": (
        Unavailability(athlete="A3", start=base.calendar.start, end=day(13), reason=JOINED_REASON),)})
    s = E.LeaveSquad(athlete="A2", leaves=day(14)).apply(s.model_copy(update={"plan": flat_plan(s, 60)}))
    assert away_from_squad(s, "A2", day(30)) == "left the squad on Mon 18 Jan 2027"
    assert away_from_squad(s, "A2", day(13)) is None and away_from_squad(s, "A1", day(30)) is None
    assert away_from_squad(s, "A3", day(3)) == "not in the squad yet: with the squad from Mon 18 Jan 2027"
    assert away_from_squad(s, "A3", day(14)) is None
    text = why_week(s, s.plan, "A3", day(0)).text()
    assert "Not with the squad this week" in text and "no chronic load yet" not in text, text
    # a week after he left: that alone, no rule's reason (docs/semantics.md)
    left = why_week(s, s.plan, "A2", day(21))
    assert left.summary == "Athlete 2 (A2): left the squad on Mon 18 Jan 2027: nothing of this " \
                           "squad is planned" and left.reasons == []
    assert "Not with the squad this week" not in why_week(s, s.plan, "A2", day(7)).text()


def test_leaving_removes_his_pins_from_that_day_on_and_says_so(base):
    """A pin of his after the day he left (a stage start, a day's level, a week of his own)
    held nothing once nothing was planned for him then: a stage pin gave "No plan". They go
    with his leaving, said; his earlier pins, and the others', stay; the season before the
    edit (what Undo puts back) keeps them."""
    s = base.model_copy(update={"injuries": (injury("A2", "S1", start_day=0),)})
    week = Timeline(s).weeks[3]
    mine = (StagePin(athlete="A2", stage="S2", date=day(22)),
            IntensityPin(athlete="A2", date=day(20), intensity=60),
            WeekPin(athlete="A2", week=Timeline(s).days[week.first + 2], week_kind="deload"))
    kept = (IntensityPin(athlete="A2", date=day(19), intensity=60),
            IntensityPin(athlete="A1", date=day(22), intensity=60))
    s = s.model_copy(update={"pins": kept + mine})
    assert Timeline(s).days[week.first] >= day(20)
    edit = E.LeaveSquad(athlete="A2", leaves=day(20))
    after = edit.apply(s)
    assert after.pins == kept and s.pins == kept + mine
    said = edit.describe(s)
    assert f"their 3 pins from then removed: to start S2 on {date_long(day(22))}, at 60 % on " \
           f"{date_long(day(20))} and the week of" in said, said


def test_removing_an_absence_keeps_only_the_days_before_today():
    """With today before the season's first day the removal cut the absence at the season's
    start and called those days "the past"; a one-day remainder read "kept Wed 13 Jan to Wed 13
    Jan 2027"."""
    from planner.season import Unavailability
    from tests.builders import day, season

    away = Unavailability(athlete="A1", start=day(2), end=day(9), reason="Loan")
    early = season(weeks=2, athletes=2, unavailable=(away,), today=day(-3))
    assert E.RemoveUnavailability(index=0).apply(early).unavailability == ()
    mid = season(weeks=2, athletes=2, unavailable=(away,), today=day(3))
    edit = E.RemoveUnavailability(index=0)
    assert edit.apply(mid).unavailability == (away.model_copy(update={"end": day(2)}),)
    assert edit.describe(mid) == ("Remove Athlete 1 (A1)'s Loan from today on: kept Wed 6 Jan "
                                  "2027, the past; removed from today on")


def test_an_end_moved_before_today_is_refused_as_the_ends_not_todays():
    """Season Settings took an end a week before today, leaving a season file whose today lies
    past its end, which no longer reads; the day before today is the earliest end (today the
    day after the season: all of it played), and the refusal names the end, not today."""
    s = season(weeks=3, athletes=1, matches=[], today=day(14))
    with pytest.raises(InputError) as e:
        E.SetSeasonSettings(end=day(6)).apply(s)
    assert e.value.problems == [
        f"the season's end, {day_long(day(6))}, is before today ({day_long(day(14))}): the days "
        f"up to today happened; end the season on {day_long(day(13))} or later"]
    assert E.SetSeasonSettings(end=day(13)).apply(s).calendar.end == day(13)


def test_an_absence_refused_as_past_after_the_season_points_to_the_next_season(base):
    """Before today in a season still running: record it from today on. Once the season is over
    (today after its last day) no day is left for that: the next season is the way on."""
    from planner.scenarios import past_change_problem

    cal = base.calendar
    loan = E.AddUnavailability(unavailability=Unavailability(
        athlete="A1", start=cal.end - dt.timedelta(days=3), end=cal.end + dt.timedelta(days=90)))
    running = base.model_copy(update={"calendar": cal.model_copy(update={"today": cal.end})})
    assert "record the absence from today on" in past_change_problem(running, loan)
    over = base.model_copy(update={"calendar": cal.model_copy(
        update={"today": cal.end + dt.timedelta(days=1)})})
    said = past_change_problem(over, loan)
    assert "record the absence from today on" not in said
    assert f"the season ended on {date_long(cal.end)}, so enter it in the next season" in said
    assert f"Next season after “{base.name}”, or periodize next-season" in said
