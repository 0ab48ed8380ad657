"""The season document: round trip, located validation errors, atomic saves."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.errors import InputError, SaveError
from planner.season import (
    DIRECTION_MARKS,
    Athlete,
    Calendar,
    Competition,
    IntensityPin,
    Plan,
    Season,
)
from planner.seasonfile import (
    SCHEMA_VERSION,
    atomic_write,
    dumps,
    load_season,
    loads,
    save_season,
    season_to_dict,
)
from planner.validate import overdue_problems
from tests.builders import day, injury, season


def test_demo_season_round_trips_exactly(demo_season, tmp_path):
    p = tmp_path / "demo.season.json"
    save_season(demo_season, p)
    again = load_season(p)
    assert again == demo_season
    assert dumps(again) == dumps(demo_season)
    data = json.loads(p.read_text())
    assert data["format"] == "periodize-season" and data["schema_version"] == SCHEMA_VERSION == 6


def test_the_bundled_demo_is_written_as_this_periodize_writes_a_season():
    """``periodize demo`` copies the bundled file as it is, and it still said schema 5 after the
    bump to 6: a new user's first file was one an older Periodize opened. It is exactly what a
    save writes now (``python scripts/make_demo.py`` after a schema change)."""
    from templates import path

    text = path("demo.season.json").read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION
    assert dumps(loads(text)) == text


def test_demo_season_matches_the_issue(demo_season):
    assert len(demo_season.athletes) == 24
    weeks = (demo_season.calendar.end - demo_season.calendar.start).days // 7
    assert 38 <= weeks <= 42
    prios = [c.priority for c in demo_season.competitions]
    assert prios.count("A") == 1 and prios.count("B") >= 3
    assert any(c.date.weekday() == 2 for c in demo_season.competitions)  # midweek cup games
    assert all(c.date.weekday() in (2, 5) for c in demo_season.competitions)
    injured = [i for i in demo_season.injuries if i.current.stage != "FIT"]
    assert len(injured) == 3 and len(demo_season.injuries) == 4  # and one injury of last spring
    assert {"P1", "P3"} <= {i.current.stage for i in injured}
    # rotation: backup goalkeepers out, squad players on the bench, cup games rotating
    roles = [a.role for a in demo_season.athletes]
    assert roles.count("out") >= 2 and roles.count("bench") >= 2 and demo_season.roles
    assert any(i.tests for i in injured)  # a strength test below its pass mark
    assert demo_season.calendar.non_training_days


def test_season_with_plan_round_trips(tmp_path):
    from solver import SolveRequest, solve

    s = season(weeks=2, athletes=2, injuries=(injury("A1", "P3", start_day=-20),))
    out = solve(SolveRequest(s, time_limit=10, deterministic=True))
    s2 = s.model_copy(update={"plan": out.plan})
    p = tmp_path / "x.season.json"
    save_season(s2, p)
    assert load_season(p) == s2


def _bad(data: dict) -> list[str]:
    with pytest.raises(InputError) as e:
        from planner.seasonfile import season_from_dict

        season_from_dict(data, "bad.season.json")
    assert str(e.value).startswith("bad.season.json")
    return e.value.problems


def _base() -> dict:
    return season_to_dict(season(weeks=2, athletes=2))


def test_every_problem_is_reported_with_its_path():
    data = _base()
    data["athletes"][1]["id"] = "A1"  # duplicate
    data["competitions"][0]["priority"] = "X"
    data["calendar"]["week_start"] = "someday"
    problems = _bad(data)
    assert any(p.startswith("competitions[0].priority") for p in problems)
    assert any(p.startswith("calendar.week_start") for p in problems)


def test_field_problems_read_as_a_coach_reads_them():
    data = _base()
    del data["calendar"]["start"]
    data["athletes"][0]["max_speed"] = 20
    data["athletes"][1]["nick"] = "Ace"
    data["pins"] = [{"kind": "intensity", "athlete": "A1", "date": "2027-01-05", "intensity": 85},
                    {"kind": "week", "week": "soon", "week_kind": "load"}]
    problems = _bad(data)
    assert "calendar.start: missing; add it" in problems
    assert ("athletes[0].max_speed: 20 is more than 15; use at most 15 (20 looks like km/h: 20 km/h "
            "is 5.56 m/s; max_speed is in m/s, so write 5.56)") in problems
    assert "athletes[1].nick: not a known field; remove it or check its spelling" in problems
    # a pin's kind is left out of its path; a validator's message has no "Value error," prefix
    assert any(p.startswith("pins[0].intensity: 85 is not an intensity level") for p in problems)
    assert "pins[1].week: 'soon' is not a date; write it as YYYY-MM-DD (for example 2026-09-14)" in problems


def test_a_rule_value_that_is_no_number_is_one_plain_problem():
    """A rule value is a number or a list of names: pydantic reports both branches, with type
    names in the path ('acwr_max.tuple[constrained-str, ...]'); the coach reads one line."""
    data = _base()
    data["rules"] = {"values": {"LD-1": {"acwr_max": "abc"}}}
    problems = _bad(data)
    assert [p for p in problems if "acwr_max" in p] == [
        "rules.values.LD-1.acwr_max: 'abc' is not a number; write a number"]
    # true and "1.3" were read as 1 and 1.3 (true: RPE 1 for every team session)
    for value, said in ((True, "true"), ("1.3", "'1.3'")):
        data["rules"] = {"values": {"LD-1": {"rpe_70": value}}}
        assert [p for p in _bad(data) if "rpe_70" in p] == [
            f"rules.values.LD-1.rpe_70: {said} is not a number; write a number"]
    # a setting of names: a list given is read as names, and its bad item named
    data["rules"] = {"values": {"HV-1": {"exempt_positions": ["Goalkeeper", 5]}}}
    assert [p for p in _bad(data) if "exempt" in p] == [
        "rules.values.HV-1.exempt_positions[1]: 5 is not a name; write it as text"]


def test_one_name_for_a_setting_of_names_is_a_list_of_one():
    from planner.season import RuleSettings

    rs = RuleSettings(values={"HV-1": {"exempt_positions": "Goalkeeper, Keeper"}})
    assert rs.values["HV-1"]["exempt_positions"] == ("Goalkeeper", "Keeper")


def test_cross_checks_name_the_place_and_fix():
    data = _base()
    data["athletes"][1]["id"] = "A1"
    data["competitions"][0]["date"] = "2030-01-01"
    data["unavailability"] = [{"athlete": "ZZ", "start": "2027-01-05", "end": "2027-01-06"}]
    problems = _bad(data)
    assert any(p.startswith("athletes[0].id") and "unique" in p for p in problems)
    assert any(p.startswith("competitions[0].date") and "outside the season" in p for p in problems)
    assert any(p.startswith("unavailability[0].athlete") for p in problems)


def test_unknown_protocol_is_rejected_and_an_outlasted_stage_is_history():
    s = season(weeks=2, athletes=2, injuries=(injury("A1", "P2", start_day=-57),), today=day(3))
    data = season_to_dict(s)
    # today moved past a stage change that did not happen: the season is not refused (section 9)
    assert loads(json.dumps(data)) == s
    # typed in one go (a coach workbook), it is most likely a stage change not typed yet
    (problem,) = overdue_problems(s)
    assert problem.startswith("injuries[0].stages[0].start") and "at most 42 days" in problem
    # at the season's start, with no today moved, it is bad input for planning and checking
    # (rules-spec section 4); the file still opens, so that the record can be put right
    from planner.check import check_plan
    from planner.validate import outlasted_at_start, plannable

    at_start = season(weeks=2, athletes=2, injuries=(injury("A1", "P2", start_day=-60),))
    assert loads(json.dumps(season_to_dict(at_start))) == at_start
    (said,) = outlasted_at_start(at_start)
    assert said.startswith("Athlete 1 (A1) has been in P2 since 5 Nov 2026: 60 days by the "
                           "season's first day, 4 Jan 2027, and P2 lasts at most 42 days")
    assert "periodize record SEASON --stage A1 P3 DATE --save" in said
    with pytest.raises(InputError):
        plannable(at_start)
    with pytest.raises(InputError):
        check_plan(at_start, Plan(status="feasible", team_weeks=("load",) * 2, athletes=()))
    exactly = season(weeks=2, athletes=2, injuries=(injury("A1", "P2", start_day=-42),))
    assert outlasted_at_start(exactly)  # "its maximum days or more"
    assert not outlasted_at_start(season(weeks=2, athletes=2,
                                         injuries=(injury("A1", "P2", start_day=-41),)))
    # a stage redone after a flare-up may last twice its maximum, and the message says that limit
    fl = season(weeks=2, athletes=2, injuries=(injury("A1", "P3", start_day=-100, flare_days=(-90,),
                                                      history=(("P2", -110),)),), today=day(3))
    (problem,) = overdue_problems(fl)  # P2 again since day -90: 90 days, more than 2 x 42
    assert "at most 84 days in P2 after a flare-up" in problem, problem
    data["injuries"][0]["protocol"] = "knee-magic"
    problems = _bad(data)
    assert any(p.startswith("injuries[0].protocol") and "iliopsoas-tendinopathy" in p for p in problems)


def test_stage_history_must_not_skip_or_go_backwards_without_flare_up():
    s = season(weeks=2, athletes=2, injuries=(injury("A1", "S1", start_day=-5, history=(("P1", -40),)),))
    problems = _bad(season_to_dict(s))
    assert any("skipping P2, P3" in p for p in problems)


def test_not_json_wrong_format_newer_version(tmp_path):
    p = tmp_path / "x.season.json"
    p.write_text("{ not json")
    with pytest.raises(InputError, match="line 1, column 3"):
        load_season(p)
    with pytest.raises(InputError, match="not a Periodize season file"):
        loads(json.dumps({"format": "other"}))
    with pytest.raises(InputError, match="newer than this Periodize"):
        loads(json.dumps({"format": "periodize-season", "schema_version": 99}))


def test_a_schema_1_file_migrates_tests_to_the_injury_record():
    v1 = {"format": "periodize-season", "schema_version": 1, "name": "Old",
          "calendar": {"start": "2027-01-04", "end": "2027-03-28"},
          "athletes": [{"id": "A1", "name": "Ann"}],
          "injuries": [{"athlete": "A1", "protocol": "iliopsoas-tendinopathy", "onset": "2026-12-20",
                        "stages": [{"stage": "P1", "start": "2026-12-21", "tests": []},
                                   {"stage": "P2", "start": "2026-12-30", "tests": [
                                       {"date": "2027-01-03", "name": "Hip-flexor strength LSI",
                                        "value": 78, "unit": "%"}]}],
                        "flare_ups": []}]}
    s = loads(json.dumps(v1))
    inj = s.injury_of("A1")
    assert [t.value for t in inj.tests] == [78] and [r.stage for r in inj.stages] == ["P1", "P2"]
    assert s.athlete("A1").role == "start" and s.roles == ()
    assert json.loads(dumps(s))["schema_version"] == SCHEMA_VERSION


def test_a_schema_2_file_with_sessions_is_read_and_saved_as_the_current_schema():
    v2 = {"format": "periodize-season", "schema_version": 2, "name": "Old",
          "calendar": {"start": "2027-01-04", "end": "2027-03-28", "today": "2027-01-11"},
          "athletes": [{"id": "A1", "name": "Ann"}],
          "sessions": [{"athlete": "A1", "date": "2027-01-05", "rpe": 6, "minutes": 70}]}
    s = loads(json.dumps(v2))
    (x,) = s.sessions
    assert (x.load, x.top_speed_pct, x.pain, x.note) == (420, None, None, "")
    again = json.loads(dumps(s))
    assert again["schema_version"] == SCHEMA_VERSION and again["sessions"][0]["minutes"] == 70
    assert loads(dumps(s)) == s
    newer = dict(again, schema_version=SCHEMA_VERSION + 1)
    with pytest.raises(InputError, match="newer than this Periodize understands"):
        loads(json.dumps(newer))


def test_pin_intensity_must_be_a_level():
    with pytest.raises(ValueError):
        IntensityPin(athlete="A1", date=day(1), intensity=85)


def test_atomic_save_keeps_backup_and_never_leaves_half_files(tmp_path):
    p = tmp_path / "s.season.json"
    s1 = season(weeks=2)
    save_season(s1, p)
    s2 = s1.model_copy(update={"name": "Renamed"})
    save_season(s2, p)
    assert load_season(p).name == "Renamed"
    assert load_season(tmp_path / "s.season.json.bak").name == "Test season"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["s.season.json", "s.season.json.bak"]


def test_failed_save_leaves_previous_file_intact(tmp_path, monkeypatch):
    p = tmp_path / "s.season.json"
    save_season(season(weeks=2), p)
    before = p.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="previous file is unchanged"):
        save_season(season(weeks=3), p)
    assert p.read_bytes() == before
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []


def test_a_failed_save_of_a_new_file_says_nothing_was_written_and_the_fix(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    p = tmp_path / "new.season.json"
    with pytest.raises(SaveError) as e:
        save_season(season(weeks=2), p)
    assert str(e.value) == (f"{p}: could not be saved (No space left on device); nothing was "
                            f"written; free some space on the disk, or save to another folder")
    assert sorted(x.name for x in tmp_path.iterdir()) == []


def test_save_into_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "x.json", "{}")


def test_documents_are_immutable():
    s = season(weeks=2)
    with pytest.raises(ValidationError, match="frozen"):
        s.name = "x"  # type: ignore[misc]


# any text a name may hold: no control characters (refused, planner.season.control_problem)
# nor a text-direction mark (DIRECTION_MARKS)
typed = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=DIRECTION_MARKS)
names = st.text(alphabet=typed, min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, comp=names, pos=st.text(alphabet=typed, max_size=20).filter(lambda t: t.strip() == t))
def test_any_text_round_trips(name, comp, pos):
    s = Season(
        name=name,
        calendar=Calendar(start=day(0), end=day(13)),
        competitions=(Competition(id="c1", name=comp, date=day(5), priority="B"),),
        athletes=(Athlete(id="A1", name=name, position=pos),),
    )
    assert loads(dumps(s)) == s


def test_a_value_outside_a_list_of_choices_names_the_choices_plainly():
    data = _base()
    data["pins"] = [{"kind": "stage_start", "athlete": "A1", "stage": "S9", "date": "2026-03-03"}]
    problems = [p for p in _bad(data) if ".stage" in p]
    assert problems and problems[0].endswith(
        "'S9' is not one of 'P1', 'P2', 'P3', 'S1', 'S2', 'S3' or 'FIT'; use one of them"), problems
    assert not any("Input should be" in p for p in _bad(data))


def test_an_impossible_date_names_the_day_or_month_not_the_format():
    """'2026-02-30' is written as asked (YYYY-MM-DD): "is not a date; write it as YYYY-MM-DD"
    sent the coach to look for a format error; the day is what does not exist."""
    data = _base()
    data["calendar"]["start"] = "2026-02-30"
    data["calendar"]["end"] = "2026-13-03"
    problems = _bad(data)
    assert ("calendar.start: '2026-02-30' is not a day of the calendar (30 February does not "
            "exist); write it as YYYY-MM-DD (for example 2026-09-14)") in problems, problems
    assert ("calendar.end: '2026-13-03' is not a day of the calendar (there is no month 13; day "
            "and month swapped, it is Fri 13 Mar 2026: 2026-03-13); write it as YYYY-MM-DD "
            "(for example 2026-09-14)") in problems, problems


def test_a_date_in_another_form_is_given_back_rewritten_not_a_sample_date():
    """'03.08.2026' read "is not a date; write it as YYYY-MM-DD (2026-09-14)": the coach could
    take 2026-09-14 for the value proposed. A date that reads as one (day first; month first
    when that alone is a day; YYYY-M-D) is given back rewritten, with its day in words; any
    other is given the form with "for example"."""
    data = _base()
    data["calendar"]["start"] = "03.08.2026"
    data["calendar"]["end"] = "2026-8-3"
    data["pins"] = [{"kind": "week", "week": "08/31/2026", "week_kind": "load"},
                    {"kind": "week", "week": "3 Aug", "week_kind": "load"}]
    problems = _bad(data)
    assert ("calendar.start: '03.08.2026' is not a date; write it as YYYY-MM-DD: 2026-08-03 if you "
            "meant Mon 3 Aug 2026") in problems, problems
    assert ("calendar.end: '2026-8-3' is not a date; write it as YYYY-MM-DD: 2026-08-03 if you "
            "meant Mon 3 Aug 2026") in problems, problems
    assert ("pins[0].week: '08/31/2026' is not a date; write it as YYYY-MM-DD: 2026-08-31 if you "
            "meant Mon 31 Aug 2026") in problems, problems
    assert ("pins[1].week: '3 Aug' is not a date; write it as YYYY-MM-DD (for example "
            "2026-09-14)") in problems, problems


def test_hand_edited_types_read_in_plain_words_with_the_fix():
    """Library wording ("Input should be a valid tuple", "invalid character in year", "Input tag
    'bogus' found using 'kind'") reached the coach of a hand-edited file without a fix."""
    data = _base()
    data["calendar"]["start"] = "03/08/2026"
    data["athletes"][0]["id"] = ""
    data["pins"] = [{"kind": "bogus"}]
    problems = _bad(data)
    assert ("calendar.start: '03/08/2026' is not a date; write it as YYYY-MM-DD: 2026-08-03 if you "
            "meant Mon 3 Aug 2026") in problems
    assert "athletes[0].id: '' is empty; write it" in problems
    assert ("pins[0].kind: 'bogus' is not a known kind; use one of intensity, week, stage_start"
            in problems)
    data = _base()
    data["athletes"] = {"A1": {}}
    assert 'athletes: {"A1": {}} is not a list; write it as [ ... ]' in _bad(data)
    assert not any("Input should" in p for p in problems)


def test_a_pin_without_its_kind_is_told_the_kinds():
    """A pin written without "kind" read "pins[0]: Unable to extract tag using discriminator
    'kind'" (the library's words); it names the field and the kinds it may take. A scenario's
    edit without its "op" is said the same way."""
    data = _base()
    data["pins"] = [{"athlete": "A01", "date": data["calendar"]["start"], "intensity": 80}]
    assert _bad(data) == ["pins[0].kind: missing; one of intensity, week, stage_start"]
    data = _base()
    data["scenarios"] = [{"name": "Rest", "edits": [{"athlete": "A01"}]}]
    (problem,) = _bad(data)
    assert problem.startswith("scenarios[0].edits[0] (scenario 'Rest', edit 1): op: missing"), problem
    assert "discriminator" not in problem


def test_a_schema_3_file_with_a_plan_reads_as_a_plan_of_planner_version_1(demo_season):
    """Schema 4 records the planner version of a plan; a schema-3 plan has none (version 1), and
    a file saved now says schema 4, so an older Periodize refuses it by its version."""
    from planner.season import AthletePlan, Plan

    n = (demo_season.calendar.end - demo_season.calendar.start).days + 1
    weeks = (n + 6) // 7
    plan = Plan(status="manual", team_weeks=("load",) * weeks, athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * n, intensity=(0,) * n, weeks=("load",) * weeks)
        for a in demo_season.athletes))
    data = json.loads(dumps(demo_season.model_copy(update={"plan": plan})))
    assert data["schema_version"] == SCHEMA_VERSION and data["plan"]["planner_version"] == 1
    data["schema_version"] = 3
    del data["plan"]["planner_version"]
    for ap in data["plan"]["athletes"]:
        ap.pop("planned_stages", None)
    s = loads(json.dumps(data))
    assert s.plan.planner_version == 1 and json.loads(dumps(s))["schema_version"] == SCHEMA_VERSION
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(InputError, match="newer than this Periodize understands"):
        loads(json.dumps(data))


def test_the_days_logged_since_the_plan_was_made_are_named_after_the_file_is_opened_again(
        demo_season):
    """The warning that the plan was made without days logged since was kept by the app's
    session: a week logged, saved and opened the next day read as if the plan had been made
    with it. The plan records the log it was made with; a schema-5 file without it names none."""
    from planner.scenarios import logged_since, stale_plan_words
    from planner.season import AthletePlan, Plan, Session, log_basis

    n = (demo_season.calendar.end - demo_season.calendar.start).days + 1
    weeks = (n + 6) // 7
    a, d = demo_season.athletes[1].id, demo_season.calendar.start + dt.timedelta(days=3)
    made = demo_season.model_copy(update={"sessions": ()})
    plan = Plan(status="manual", team_weeks=("load",) * weeks, logged_with=log_basis(made.sessions),
                athletes=tuple(AthletePlan(athlete=x.id, stages=("FIT",) * n, intensity=(0,) * n,
                                           weeks=("load",) * weeks) for x in made.athletes))
    made = made.model_copy(update={"plan": plan})
    assert logged_since(made) == [] and stale_plan_words(made, 0, "Re-plan") == ""
    one = Session(athlete=a, date=d, minutes=60, rpe=5)
    logged = made.model_copy(update={"sessions": (one,)})
    again = loads(dumps(logged))
    assert logged_since(again) == [(a, d)]
    assert stale_plan_words(again, 0, "Re-plan").startswith(
        "The plan was made without 1 athlete-day logged since")
    # a season's log: thousands separated as everywhere else ("1190 athlete-days" in the app)
    many = tuple(Session(athlete=x.id, date=demo_season.calendar.start + dt.timedelta(days=k),
                         minutes=60, rpe=5) for x in made.athletes for k in range(50))
    assert stale_plan_words(made.model_copy(update={"sessions": many}), 0, "Re-plan").startswith(
        f"The plan was made without {len(many) // 1000},{len(many) % 1000:03} athlete-days logged since")
    # the same day logged otherwise, and cleared, are days the plan was made without too
    other = again.model_copy(update={"sessions": (one.model_copy(update={"rpe": 6.0}),)})
    made_with = other.model_copy(update={"plan": other.plan.model_copy(
        update={"logged_with": log_basis(again.sessions)})})
    assert logged_since(made_with) == [(a, d)]
    assert logged_since(made_with.model_copy(update={"sessions": ()})) == [(a, d)]
    data = json.loads(dumps(logged))
    data["schema_version"] = 5
    del data["plan"]["logged_with"]
    old = loads(json.dumps(data))
    assert old.plan.logged_with is None and logged_since(old) == []


def test_a_note_or_the_order_of_a_days_sessions_is_no_day_logged_since(demo_season):
    """A note added to a day four months back made "The plan was made without 1 athlete-day
    logged since … re-plan first" appear: only what the planner reads counts, in any order."""
    from planner.scenarios import logged_since
    from planner.season import AthletePlan, Plan, Session, log_basis

    n = (demo_season.calendar.end - demo_season.calendar.start).days + 1
    weeks = (n + 6) // 7
    a, d = demo_season.athletes[1].id, demo_season.calendar.start + dt.timedelta(days=3)
    two = (Session(athlete=a, date=d, minutes=60, rpe=5, top_speed_pct=90),
           Session(athlete=a, date=d, minutes=20, rpe=3, pain=2, note="gym"))
    made = demo_season.model_copy(update={"sessions": two})
    plan = Plan(status="manual", team_weeks=("load",) * weeks, logged_with=log_basis(made.sessions),
                athletes=tuple(AthletePlan(athlete=x.id, stages=("FIT",) * n, intensity=(0,) * n,
                                           weeks=("load",) * weeks) for x in made.athletes))
    made = loads(dumps(made.model_copy(update={"plan": plan})))

    def logged(*sessions):
        return logged_since(made.model_copy(update={"sessions": sessions}))

    noted = two[0].model_copy(update={"note": "felt fine"})
    assert logged(noted, two[1]) == [] and logged(two[1], two[0]) == []
    assert logged(two[0], two[1].model_copy(update={"note": ""})) == []
    assert logged(two[0].model_copy(update={"rpe": 6.0}), two[1]) == [(a, d)]
    assert logged(two[0], two[1].model_copy(update={"pain": 3.0})) == [(a, d)]
    assert logged(two[0].model_copy(update={"top_speed_pct": None, "top_speed_ms": 8.5}),
                  two[1]) == [(a, d)]


def test_a_scenario_plan_made_with_the_season_plans_log_is_stored_without_a_copy_of_it(
        demo_season, tmp_path):
    """Each scenario's plan and base plan carried its own copy of the season plan's log digest
    (67 KB a copy on the logged demo, 279 KB on 40 athletes x 300 days), in the .bak and the
    recovery copy too: the file holds it once; a scenario plan with another log keeps its own."""
    from planner.scenarios import logged_since
    from planner.season import AthletePlan, Plan, Scenario, Session, log_basis

    n = (demo_season.calendar.end - demo_season.calendar.start).days + 1
    weeks = (n + 6) // 7
    logged = tuple(Session(athlete=x.id, date=demo_season.calendar.start + dt.timedelta(days=i),
                           minutes=60, rpe=5) for x in demo_season.athletes for i in range(60))
    plan = Plan(status="manual", team_weeks=("load",) * weeks, logged_with=log_basis(logged),
                athletes=tuple(AthletePlan(athlete=x.id, stages=("FIT",) * n, intensity=(0,) * n,
                                           weeks=("load",) * weeks) for x in demo_season.athletes))
    other = plan.model_copy(update={"logged_with": log_basis(logged[1:])})
    unknown = plan.model_copy(update={"logged_with": None})
    s = demo_season.model_copy(update={"sessions": logged, "plan": plan, "scenarios": (
        Scenario(name="one", base_plan=plan, plan=plan), Scenario(name="two", base_plan=plan),
        Scenario(name="other", base_plan=plan, plan=other),
        Scenario(name="unknown", base_plan=unknown, plan=plan))})
    save_season(s, p := tmp_path / "s.season.json")
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["plan"]["logged_with"] == plan.logged_with
    held = [(sc["name"], k, sc[k]["logged_with"]) for sc in data["scenarios"]
            for k in ("base_plan", "plan") if sc[k] is not None and "logged_with" in sc[k]]
    assert held == [("other", "plan", other.logged_with), ("unknown", "base_plan", None)]
    again = load_season(p)
    assert again == s and dumps(again) == dumps(s)
    every = json.dumps(season_to_dict(s) | {"scenarios": [x.model_dump(mode="json")
                                                          for x in s.scenarios]}, indent=1)
    dropped = 5 * len(json.dumps(plan.logged_with, separators=(",", ":")))  # one, two, other, unknown
    assert p.stat().st_size <= len(every) - dropped
    # the scenario adopted: its plan says which days were logged since, as the season's would
    adopted = again.model_copy(update={"plan": again.scenarios[0].plan,
                                       "sessions": logged[:-1]})
    assert logged_since(adopted) == [(logged[-1].athlete, logged[-1].date)]


def test_a_field_written_twice_is_refused_at_its_path():
    """A hand edit that added "name" without removing the old one (``"name": 5, "name":
    "Riverside"``) was read silently as the last; each repeated field is named at its path,
    with both values, in the file's order."""
    text = dumps(season(weeks=2, athletes=2))
    text = text.replace('"name": ', '"name": 5, "name": ', 1)
    text = text.replace('"max_speed": ', '"max_speed": 3, "max_speed": ', 1)
    with pytest.raises(InputError) as e:
        loads(text, "x.season.json")
    first, second = e.value.problems
    assert first.startswith("name: written twice in one object (5, then '"), first
    assert second.startswith("athletes[0].max_speed: written twice in one object (3, then "), second
    assert loads(dumps(season(weeks=2, athletes=2))).name  # a file without one reads


def test_a_number_written_as_text_is_refused_everywhere_alike():
    """A session's "minutes": "75" and "top_speed_ms": "9.1" were read as numbers while an
    athlete's "max_speed": "8.1" was refused: every number of the file is refused alike when
    written as text or as true/false."""
    data = _base()
    data["athletes"][0]["max_speed"] = 9.0
    day1 = data["calendar"]["start"]
    data["sessions"] = [{"athlete": "A01", "date": day1, "minutes": "75", "rpe": 5,
                         "top_speed_ms": "9.1"},
                        {"athlete": "A01", "date": day1, "minutes": 30, "rpe": True}]
    data["pins"] = [{"kind": "intensity", "athlete": "A01", "date": day1, "intensity": "95"}]
    problems = _bad(data)
    assert problems == ["pins[0].intensity: '95' is not a whole number; write a whole number",
                        "sessions[0].minutes: '75' is not a number; write a number",
                        "sessions[0].top_speed_ms: '9.1' is not a number; write a number",
                        "sessions[1].rpe: true is not a number; write a number"], problems
    data["athletes"][0]["max_speed"] = "8.1"
    assert "athletes[0].max_speed: '8.1' is not a number; write a number" in _bad(data)
    # a what-if scenario's change too: "value": true became a window of 1 day
    data["athletes"][0]["max_speed"] = 9.0
    data["sessions"], data["pins"] = [], []
    for value in ("9.0", True):
        data["scenarios"] = [{"name": "Longer windows", "edits": [
            {"op": "set_rule_value", "rule": "HV-1", "param": "max_gap_days", "value": value}]}]
        assert any(p.startswith("scenarios[0]") and "value" in p for p in _bad(data)), _bad(data)
    data["scenarios"][0]["edits"][0]["value"] = 9
    from planner.seasonfile import season_from_dict

    assert season_from_dict(data, "good.season.json").scenarios[0].edits[0]["value"] == 9


def test_sessions_after_today_in_the_file_are_said_in_a_note():
    """A session dated after today (a hand edit) was accepted by `check` and left out of the
    load without a word, while `periodize log` refuses the same row; the file still opens (today
    moved back over logged days is a season the coach may hold), with one note at the first."""
    from planner.season import Session
    from planner.seasonfile import season_from_dict

    s = season(weeks=4, athletes=2, today=day(14))
    logged = (Session(athlete="A1", date=day(10), minutes=60, rpe=5),
              Session(athlete="A1", date=day(20), minutes=60, rpe=5),
              Session(athlete="A2", date=day(14), minutes=60, rpe=5),  # today: not after it
              Session(athlete="A2", date=day(25), minutes=45, rpe=6))
    notes: list[str] = []
    loaded = season_from_dict(season_to_dict(s.model_copy(update={"sessions": logged})), "s", notes)
    assert loaded.sessions == logged
    assert notes == [f"sessions[1].date: {day(20).isoformat()} is after today "
                     f"({day(14).isoformat()}); a session counts in the load once it happened, so "
                     f"it is left out until today passes it, as is 1 more session after today "
                     f"(the last on {day(25).isoformat()}): correct the date, or move today on "
                     f"(periodize advance)"], notes
    notes = []
    season_from_dict(season_to_dict(s.model_copy(update={"sessions": logged[:1]})), "s", notes)
    assert notes == []


def test_a_test_and_a_session_entered_after_today_are_dated_alike(tmp_path):
    """A test result and a session both after today: one list read "20 Jan 2027 is after today
    (18 Jan 2027)" beside "2027-01-20 is after today (2027-01-18)", and the workbook's "Tests, row
    4, Date: 2027-01-20 ..." beside long dates in its other rows. Both read as long dates, in an
    edit's refusal and in the workbook's import problems alike."""
    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.season import CriteriaTest, Session
    from planner.text import date_long
    from planner.validate import entry_problems

    s = season(weeks=4, athletes=2, today=day(14), injuries=(injury("A1", "P2", start_day=-3),))
    (inj,) = s.injuries
    later = s.model_copy(update={
        "injuries": (inj.model_copy(update={"tests": (
            CriteriaTest(date=day(16), name="Hip-flexor strength LSI", value=85, unit="%"),)}),),
        "sessions": (Session(athlete="A2", date=day(16), minutes=60, rpe=5),)})
    when, now = date_long(day(16)), date_long(day(14))
    test_line = (f"{when} is after today ({now}): a test result is recorded once it was taken; set "
                 f"today to the test date or later first")
    session_line = f"{when} is after today ({now}); log a session once it happened, or move today on (periodize advance)"
    assert entry_problems(s, later) == [f"injuries[0].tests[0].date: {test_line}",
                                        f"sessions[0].date: {session_line}"]
    path = tmp_path / "coach.xlsx"
    save_template_form(later, path)
    with pytest.raises(InputError) as err:
        import_workbook(path)
    from planner.text import day_long

    # the workbook's own Today takes the session (its rows after today are said in one line)
    sheet_line = (f"{when} is after today ({now}), the Season sheet's Today; a session is logged "
                  f"once it happened: set Today to {day_long(day(17))} (the day after it) or later "
                  f"to import it")
    assert err.value.problems == [f"Tests, row 2, Date: {test_line}", f"Sessions, row 2, Date: {sheet_line}"]
