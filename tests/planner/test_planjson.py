"""The plan JSON read as a club's dashboard reads it (interfaces.md section 3, docs/file-format.md):
what an anonymised file leaves out, and what tells a reader how current the plan is."""

from __future__ import annotations

import json

import pytest

from planner import text
from planner.anonymise import anonymised
from planner.planjson import plan_to_dict
from tests.builders import day, injury, logged_in_p2_then_flared, season, solved_and_checked


@pytest.fixture(scope="module")
def solved():
    """A1 injured before the season (back in its second week) and again in its third week: two
    records, so the RTS lines name which injury each return follows."""
    first = injury("A1", "P3", start_day=-6, onset_day=-9)
    second = injury("A1", "P1", start_day=16, onset_day=16)
    s = season(weeks=6, athletes=3, injuries=(first, second))
    out, _ = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def _anonymised_dict(s):
    a, p = anonymised(s, s.plan)
    return plan_to_dict(a, p, anonymise=True)


def test_an_anonymised_plan_json_writes_no_onset(solved):
    """`export --json --anonymise` kept each injury's onset in ``returns`` (health data, and with
    the squad list it names the player), where docs/file-format.md says it is null; and the RTS
    line of an athlete injured twice said "after the injury of Mon 18 Jan". (The days' stages
    stay, so they still show when an injury inside the season began: docs/file-format.md.)"""
    named = plan_to_dict(solved, solved.plan)
    (a1,) = [a for a in named["athletes"] if a["id"] == "A1"]
    assert [r["onset"] for r in a1["returns"]] == [day(-9).isoformat(), day(16).isoformat()]
    assert [r["target_id"] for r in a1["returns"]] == [None, None]  # no target match
    rts = [v["message"] for v in named["soft"] if v["rule"] == "RTS"]
    assert any(f"after the injury of {text.day(day(16))}" in m for m in rts), rts
    assert any(f"before the next injury on {text.day(day(16))}" in m for m in rts), rts
    anon = _anonymised_dict(solved)
    (a1,) = [a for a in anon["athletes"] if a["id"] == "A1"]
    assert [r["onset"] for r in a1["returns"]] == [None, None]
    assert a1["return"]["onset"] is None and a1["return"]["protocol"] is None
    assert a1["returns"][1]["fit"] == named["athletes"][0]["returns"][1]["fit"]  # the rest kept
    said = json.dumps(anon, ensure_ascii=False)
    for rec in solved.injuries:
        for fmt in (text.day_long, text.day, text.date_long):
            assert f"injury of {fmt(rec.onset)}" not in said
            assert f"injury on {fmt(rec.onset)}" not in said
    assert day(-9).isoformat() not in said  # before the season: no day of the plan is it
    assert "Athlete 1" not in said and "iliopsoas" not in said
    rts = [v["message"] for v in anon["soft"] if v["rule"] == "RTS"]
    assert rts[0].startswith("RTS: A1, after an injury, is not back to FIT before the next "
                             "injury: "), rts
    assert rts[1].startswith("RTS: A1, after an injury, is "), rts


def test_an_anonymised_explanation_dates_no_injury(solved):
    """The no-plan file's explanation (solver/explain.py) is scrubbed with the same pairs: its
    "after the injury of 20 Jan 2027" read so in an anonymised file."""
    from planner.anonymise import scrub, text_pairs

    line = (f"RH-CAP: Athlete 1 (A1)'s P1 after the injury of {text.date_long(day(16))} runs into "
            f"the season end")
    assert scrub(line, text_pairs(solved)) == "RH-CAP: A1's P1 after an injury runs into the season end"


@pytest.fixture(scope="module")
def logged():
    """Today is day 10; A2 (max speed 9 m/s) logged day 3 at 90 % of his max, day 4 without a
    top speed, and today itself (not counted before tomorrow)."""
    from planner.season import Session

    s = season(weeks=4, athletes=3, today=day(10))
    a2 = s.athletes[1].model_copy(update={"max_speed": 9.0})
    log = (Session(athlete="A2", date=day(3), minutes=60.0, rpe=5.0, top_speed_pct=90.0),
           Session(athlete="A2", date=day(4), minutes=50.0, rpe=4.0),
           Session(athlete="A2", date=day(10), minutes=40.0, rpe=3.0, top_speed_ms=8.55))
    s = s.model_copy(update={"athletes": (s.athletes[0], a2, s.athletes[2]), "sessions": log})
    out, _ = solved_and_checked(s)
    return s.model_copy(update={"plan": out.plan})


def test_the_plan_json_says_its_today_and_the_hard_rules_it_breaks_now(logged):
    """A stored plan the season had moved on from (a new absence) was written "optimal" with
    nothing saying so: a dashboard showed it as the current plan. ``hard_violations`` is the
    count the export's warning gives (``CheckReport.broken``), ``today`` the season's."""
    from planner.check import check_plan
    from planner.edits import AddUnavailability
    from planner.season import Unavailability

    data = plan_to_dict(logged, logged.plan)
    assert data["today"] == day(10).isoformat() and data["hard_violations"] == 0
    assert data["status"] in ("optimal", "feasible")
    ap = logged.plan.for_athlete("A3")
    i = next(i for i in range(11, len(ap.intensity)) if ap.intensity[i] > 0)
    away = AddUnavailability(unavailability=Unavailability(athlete="A3", start=day(i), end=day(i)))
    later = away.apply(logged)
    report = check_plan(later, later.plan)
    assert report.broken_note().startswith("This plan breaks 1 hard rule")
    data = plan_to_dict(later, later.plan)
    assert data["hard_violations"] == 1 and data["status"] == plan_to_dict(logged, logged.plan)["status"]
    assert plan_to_dict(later, later.plan, check=report)["hard_violations"] == 1
    no_today = logged.model_copy(update={"calendar": logged.calendar.model_copy(update={"today": None})})
    assert plan_to_dict(no_today, no_today.plan)["today"] is None


def test_each_day_says_whether_its_load_is_the_logged_one(logged):
    """A5's 432 AU on 4 Jan was the logged 72 min x RPE 6 with nothing saying so. ``logged`` is
    true where the load series counts the log (a session before today), and there alone the
    day carries ``logged_top_speed_ms``."""
    from planner.loadtable import athlete_load

    (a2,) = [a for a in plan_to_dict(logged, logged.plan)["athletes"] if a["id"] == "A2"]
    days = a2["days"]
    assert [d["logged"] for d in days[:11]] == [False] * 3 + [True, True] + [False] * 6
    assert days[3]["load"] == 300 and days[3]["logged_top_speed_ms"] == 8.1
    assert days[4]["load"] == 200 and days[4]["logged_top_speed_ms"] is None
    assert "logged_top_speed_ms" not in days[5] and "logged_top_speed_ms" not in days[10]
    al = athlete_load(logged, logged.plan, "A2")
    assert days[10]["load"] == al.planned[al.season_start + 10] != 120  # today: the plan's
    assert not any(d["logged"] for a in plan_to_dict(logged, logged.plan)["athletes"]
                   if a["id"] != "A2" for d in a["days"])


def test_the_plan_json_lists_the_competitions_and_names_a_target_by_its_id():
    """Matches could only be told from ``md == "MD"``, and ``return.target`` is a name, which
    need not be unique: two 'Derby' matches, and the return's target could be either."""
    from planner.season import Competition

    comps = [Competition(id="d1", name="Derby", date=day(12), priority="B"),
             Competition(id="d2", name="Derby", date=day(26), priority="A"),
             Competition(id="cup", name="Cup weekend", date=day(33), end_date=day(34), priority="C")]
    s = season(weeks=5, athletes=2, matches=[5, 19], comps=comps,
               injuries=(injury("A1", "P3", start_day=-6, target="d2"),))
    out, _ = solved_and_checked(s)
    data = plan_to_dict(s, out.plan)
    assert data["competitions"] == [
        {"id": "m0", "name": "Match 1", "date": day(5).isoformat(), "end": day(5).isoformat(),
         "priority": "C"},
        {"id": "d1", "name": "Derby", "date": day(12).isoformat(), "end": day(12).isoformat(),
         "priority": "B"},
        {"id": "m1", "name": "Match 2", "date": day(19).isoformat(), "end": day(19).isoformat(),
         "priority": "C"},
        {"id": "d2", "name": "Derby", "date": day(26).isoformat(), "end": day(26).isoformat(),
         "priority": "A"},
        {"id": "cup", "name": "Cup weekend", "date": day(33).isoformat(), "end": day(34).isoformat(),
         "priority": "C"}]
    (a1, a2) = data["athletes"]
    assert a1["return"]["target"] == "Derby" and a1["return"]["target_id"] == "d2"
    assert a1["returns"][0]["target_id"] == "d2" and a2["return"] is None


def test_the_file_of_a_solve_without_a_plan_says_today_and_the_competitions(logged):
    """The no-plan file keeps every key the contract gives it, and carries the season's
    ``today`` and ``competitions`` as a plan's file does; ``hard_violations`` is null (no plan)."""
    from planner.errors import InputError
    from planner.planjson import NO_PLAN, no_plan_to_json, plan_from_dict

    data = json.loads(no_plan_to_json(logged, "infeasible", 1.234, []))
    assert {"format", "schema_version", "season", "status", "objective", "bound", "solve_seconds",
            "team_weeks", "athletes", "soft", "explanation"} <= set(data)
    assert data["status"] in NO_PLAN and data["schema_version"] == 2 and data["solve_seconds"] == 1.23
    assert data["today"] == day(10).isoformat() and data["hard_violations"] is None
    assert data["competitions"] == plan_to_dict(logged, logged.plan)["competitions"]
    assert [c["id"] for c in data["competitions"]] == ["m0", "m1", "m2", "m3"]
    with pytest.raises(InputError):  # still no plan to check
        plan_from_dict(data, logged)


def test_a_whole_objective_and_bound_are_written_as_integers_and_read_back_either_way(solved):
    """``"objective": 19581.0``: a strictly typed reader (Go's int64, a JSON Schema integer)
    refused it, where the contract's example shows 123. A fraction stays a number; a float
    written by an earlier version still reads."""
    from planner.planjson import plan_from_dict

    plan = solved.plan.model_copy(update={"objective": 19581.0, "bound": 19570.0})
    text = json.dumps(plan_to_dict(solved, plan))
    assert '"objective": 19581,' in text and '"bound": 19570,' in text
    data = json.loads(text)
    assert type(data["objective"]) is int and type(data["bound"]) is int
    half = plan_to_dict(solved, plan.model_copy(update={"objective": 12.5, "bound": None}))
    assert (half["objective"], half["bound"]) == (12.5, None)
    data.update(objective=19581.0, bound=19570.0)
    back = plan_from_dict(data, solved)
    assert (back.objective, back.bound) == (19581, 19570)


def test_a_plan_whose_days_are_out_of_date_order_is_said_so_naming_the_first_one(solved):
    """A plan with its days reversed was "the plan covers Sun … – Mon … check the plan against
    its own season file": the same season, blamed on another. Now it says the days are not in
    date order, at the first one out of it."""
    from planner.errors import InputError
    from planner.planjson import plan_from_dict
    from planner.text import day_long

    data = plan_to_dict(solved, solved.plan)
    a = data["athletes"][0]
    a["days"] = a["days"][::-1]
    with pytest.raises(InputError) as e:
        plan_from_dict(data, solved)
    last, before = day(6 * 7 - 1), day(6 * 7 - 2)
    assert e.value.problems == [
        f"athletes[0] ({a['id']}).days[1].date: {day_long(before)} comes after {day_long(last)}: "
        f"the plan's days are not in date order; list them from the season's first day to its "
        f"last, one per day, or solve again (periodize solve SEASON --json OUT.json)"]
    a["days"] = plan_to_dict(solved, solved.plan)["athletes"][0]["days"]
    a["days"][3], a["days"][4] = a["days"][4], a["days"][3]  # two days swapped inside the season
    with pytest.raises(InputError) as e:
        plan_from_dict(data, solved)
    assert e.value.problems[0].startswith(f"athletes[0] ({a['id']}).days[4].date: "
                                          f"{day_long(day(3))} comes after {day_long(day(4))}")


def test_a_day_logged_above_a_stage_a_later_flare_up_gives_it_has_no_session_of_that_stage():
    """Days logged at 70 % in P2, then a flare-up recorded on an earlier day: the records put
    them in P1 (no running). The pages said "Logged 70 % — above P1", but the plan JSON kept
    "session": "rehab-run" with "stage": "P1", a P1 running session nobody ran (nor could).
    Such a day's session is null (docs/file-format.md): what was logged is its intensity, load
    and top speed; `periodize check` reads the file back without a note."""
    from planner.planjson import derived_notes, plan_from_dict
    from planner.sessions import Prescriber

    s = logged_in_p2_then_flared()
    pages = Prescriber(s, s.plan).athlete("A1")
    above = [i for i, p in enumerate(pages) if p.as_logged]
    assert above == [1, 2, 3, 4], above  # what the pages say as logged, above P1

    data = json.loads(json.dumps(plan_to_dict(s, s.plan)))
    a1 = next(a for a in data["athletes"] if a["id"] == "A1")
    for i in above:
        d = a1["days"][i]
        assert (d["stage"], d["intensity"], d["logged"], d["session"]) == ("P1", 70, True, None), d
        assert d["load"] == 300  # 60 min x RPE 5, as logged
    # every other day keeps its catalogue session, and A2's days all do
    assert None not in [d["session"] for i, d in enumerate(a1["days"]) if i not in above]
    assert None not in [d["session"] for a in data["athletes"] if a["id"] != "A1" for d in a["days"]]
    # the checker reads the file back and finds no field that disagrees with the plan's days
    assert derived_notes(data, s, plan_from_dict(data, s)) == []
