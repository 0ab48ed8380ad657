"""The session catalogue and each planned day's prescription (planner/sessions.py)."""

from __future__ import annotations

import json
import re

import pytest

from planner.errors import InputError
from planner.planjson import plan_to_dict
from planner.protocols import load_protocol
from planner.season import Athlete, AthletePlan, MatchRole, Plan
from planner.sessions import (
    CONTEXTS,
    PAIN_RULE_DEFAULT,
    Prescriber,
    load_catalogue,
    planned_load,
    session_ids,
)
from planner.timeline import Timeline
from tests.planner.test_xlsx_export import small_plan, small_season


def _season():
    base = small_season()
    athletes = tuple(a.model_copy(update={"max_speed": 9.2}) if a.id == "A1" else a
                     for a in base.athletes) + (Athlete(id="A5", name="Ed Elm", position="Forward",
                                                        role="out", max_speed=9.0),)
    return base.model_copy(update={"athletes": athletes})


def _plan(season) -> Plan:
    tl = Timeline(season)
    base = small_plan(season)
    # A5 is out of the squad: trains on match days, a compensation session on MD+2 (Monday)
    it = [0] * tl.n
    for i in range(tl.n):
        if tl.training_weekday[i]:
            it[i] = 70
    it[7] = 95  # Mon, MD+2 after League match 3 (Sat, day 5), which A5 did not play
    a5 = AthletePlan(athlete="A5", stages=("FIT",) * tl.n, intensity=tuple(it),
                     weeks=("load", "deload", "taper"))
    fixed = []
    for ap in base.athletes:  # no running on a day without training (AV-1)
        if ap.athlete in ("A1", "A2", "A4"):
            ap = ap.model_copy(update={"intensity": tuple(
                v if tl.training_weekday[i] or tl.is_comp[i] else 0 for i, v in enumerate(ap.intensity))})
        elif ap.athlete == "A3":  # in rehab: no running on match days either
            ap = ap.model_copy(update={"intensity": tuple(
                v if tl.is_training[i] else 0 for i, v in enumerate(ap.intensity))})
        fixed.append(ap)
    return base.model_copy(update={"athletes": tuple(fixed) + (a5,)})


def test_the_bundled_catalogue_covers_every_context_and_level():
    cat = load_catalogue()
    ids = [s.id for s in cat.sessions]
    assert len(ids) == len(set(ids))
    for context, (_, levels) in CONTEXTS.items():
        for level in levels:
            spec = cat.find(context, level, "load")
            assert spec is not None and spec.week is None, (context, level)
            for week in ("deload", "taper"):
                assert cat.find(context, level, week) is not None
    assert cat.find("speed", 95, "deload").id == "speed-deload"
    assert cat.find("speed", 95, "taper").id == "speed-taper"


def test_a_bad_catalogue_is_refused_with_every_problem_located(tmp_path):
    data = json.loads(load_catalogue().source and
                       open(__import__("templates").path("sessions.json"), encoding="utf-8").read())
    data["sessions"] = [s for s in data["sessions"] if s["context"] != "calm"]
    data["sessions"][0]["context"] = "sprint"
    data["sessions"][1]["id"] = data["sessions"][2]["id"]
    data["sessions"][3]["content"] = "Run {distance} far"
    data["sessions"][4]["levels"] = [85]
    data["sessions"][5]["colour"] = "red"
    data["sessions"][6]["minutes"] = 60
    data["sessions"][7]["day"] = "between"  # not a rehab session
    data["sessions"].append({"id": "x", "context": "rehab", "day": "monday", "name": "X"})
    path = tmp_path / "sessions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_catalogue(path)
    text = str(e.value)
    assert "sessions[0].context: 'sprint' is not one of" in text
    assert "is used twice" in text
    assert "sessions[3].content: {distance} is not a field" in text
    assert "sessions[4].levels" in text
    assert "sessions[5]: colour: not a known field" in text
    assert "sessions[6].minutes: a session's minutes and target RPE come from the rules' load table" in text
    assert "no session for context 'calm'" in text
    assert "sessions[7].day: only a rehab session has days between loading days" in text
    assert f"sessions[{len(data['sessions']) - 1}].day: 'monday' is not between" in text


def test_a_field_with_a_format_is_refused_at_load_not_at_export(tmp_path):
    """'{match:d}' passed the check and crashed every export as "a bug in Periodize"; '{match!r}'
    printed quotes; '{level:>99999999}' made each text 100 MB."""
    data = json.loads(open(__import__("templates").path("sessions.json"), encoding="utf-8").read())
    data["sessions"][0]["content"] = "{match:d} now"
    data["sessions"][1]["name"] = "{match!r}"
    data["sessions"][2]["content"] = "{level:>99999999}"
    path = tmp_path / "sessions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_catalogue(path)
    assert e.value.problems == ["sessions[0].content: {match:d}: a field takes no format; write {match}",
                                "sessions[1].name: {match!r}: a field takes no format; write {match}",
                                "sessions[2].content: {level:>99999999}: a field takes no format; "
                                "write {level}"]


def test_an_edited_catalogue_is_used_through_the_environment(tmp_path, monkeypatch):
    data = json.loads(open(__import__("templates").path("sessions.json"), encoding="utf-8").read())
    for s in data["sessions"]:
        if s["id"] == "speed-95":
            s["name"] = "Sprints"
            s["drill"]["reps"] = 5
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("PERIODIZE_SESSIONS", str(path))
    season = _season()
    p = Prescriber(season, _plan(season)).day("A1", 3)  # Thu, 95 %
    assert p.summary.startswith("Sprints: 5 × 30 m at 95 %")


def test_each_day_names_its_session_from_context_level_and_week():
    season = _season()
    plan = _plan(season)
    p = Prescriber(season, plan)
    a1 = p.athlete("A1")
    # day 1 Tue (MD-4) 90 %, a load week; max speed 9.2 m/s -> 8.3 m/s
    assert a1[1].session == "speed-90" and a1[1].context == "speed"
    assert a1[1].summary == "Speed: 4 × 30 m at 90 % (8.3 m/s)"
    assert a1[1].speed_ms == pytest.approx(8.3) and a1[1].speed_kmh == pytest.approx(29.8)
    assert a1[1].speed == "8.3 m/s · 29.8 km/h" and a1[1].speed_is_target
    assert a1[1].minutes == 75 and a1[1].rpe == 6 and a1[1].limits == ""
    assert a1[5].session == "match-start" and a1[5].summary == "Match: League match 3 (start)"
    assert a1[5].speed_ms is None
    assert a1[6].session == "rest" and a1[6].summary == "Rest day"
    assert a1[6].content == "No training on Sundays."
    assert a1[8].session == "speed-deload"  # Tue of the deload week, 90 %
    assert a1[0].session == "recovery"  # a training day at 0 %
    # an athlete out of the squad: trains on the match day, compensation on MD+2
    a5 = p.athlete("A5")
    assert a5[5].session == "team" and "not in the match squad; you train" in a5[5].note
    # while the team plays: the catalogue's team words would have the team there
    assert a5[5].summary == "Training: up to 70 %" and "with the team" not in a5[5].content
    assert "with the players not in the match squad" in a5[5].content
    assert "you train while the team plays" in a5[5].note
    assert any(d.summary.startswith("Team training") for d in a5[:5])  # the team is there
    assert a5[7].session == "compensation-deload" and a5[7].context == "compensation"
    assert "You did not play League match 3" in a5[7].content
    assert a5[7].summary == "Compensation (deload): 3 × 30 m at 95 % (8.6 m/s)"


def test_a_runs_speed_is_one_figure_in_the_session_the_speed_column_and_the_workbook():
    """95 % of 8.47 m/s is 8.0465 m/s: the session read "(8.0 m/s)" while the speed column,
    worked from a m/s kept to 8.05, read "8.1 m/s" on the same row of the handout and the Excel
    plan."""
    from planner.handout import Handouts, day_texts

    base = _season()
    season = base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 8.47}) if a.id == "A1" else a for a in base.athletes)})
    plan = _plan(season)
    p = Prescriber(season, plan).day("A1", 3)  # Thu, 95 %
    assert p.level == 95 and p.speed_is_target
    assert p.summary == "Speed: 4 × 30 m at 95 % (8.0 m/s)"
    assert p.speed_ms == 8.0 and p.speed_kmh == 29.0  # 8.0465 m/s = 28.97 km/h
    assert p.speed == "8.0 m/s · 29.0 km/h"
    tl = Timeline(season)
    (week,) = Handouts(season, plan).weeks("A1", [tl.week_of[3]])
    day = next(d for d in week.days if d.date == tl.days[3])
    texts = day_texts(day)
    assert "8.0\u00a0m/s" in texts.summary and "8.1" not in texts.summary
    assert texts.speed == "8.0 m/s\n29.0 km/h"


def test_rehab_days_take_the_stages_limits_and_no_speed_without_a_max_speed():
    season = _season()
    p = Prescriber(season, _plan(season))
    a3 = p.athlete("A3")
    stage = load_protocol("iliopsoas-tendinopathy").stage("P2")
    assert a3[0].session == "injured" and a3[0].limits == "kicking: none; change of direction: none"
    day = a3[10]  # P2 at 70 % (Thu, a training day)
    assert day.context == "rehab" and day.session == "rehab-run" and day.stage == "P2"
    assert (day.kicking, day.cod) == (stage.kicking, stage.cod)
    assert day.content.startswith("The exercises of your stage (Concentric and eccentric loading), then")
    # Cy Cedar has no max speed: no m/s, and the speed's place says why
    assert day.speed_ms is None and day.no_max_speed and day.speed == "max speed not measured"
    assert a3[12].session == "rest" and "match day, no rehab session" in a3[12].content
    # the pain the session may provoke is the protocol's rule (a tendinopathy tolerates 5/10,
    # a hamstring strain stops at 2/10), not one number for every injury; anonymised: a rule
    # that holds for all
    rule = load_protocol("iliopsoas-tendinopathy").pain_rule
    assert "below 5/10" in rule and day.content.endswith(rule)
    anon = Prescriber(season, _plan(season), anonymise=True).athlete("A3")[10]
    assert anon.content.endswith("Stop and tell the physio if the injured area hurts.")
    assert "5/10" not in anon.content


def test_away_days_say_why_only_to_the_staff():
    season = _season()
    plan = _plan(season)
    assert Prescriber(season, plan).day("A2", 14).content == "Illness: no running load planned."
    anon = Prescriber(season, plan, anonymise=True)
    assert anon.day("A2", 14).content == "Unavailable: no running load planned."
    assert anon.day("A3", 10).content.startswith("The exercises of your stage, then running")


def test_a_bench_role_and_the_re_entry_sessions_are_said():
    base = _season()
    season = base.model_copy(update={"roles": (MatchRole(competition="c2", athlete="A1", role="bench"),)})
    tl = Timeline(season)
    plan = _plan(season)
    it = list(plan.for_athlete("A1").intensity)
    it[9] = 80
    a1 = plan.for_athlete("A1").model_copy(update={"intensity": tuple(it)})
    plan = plan.model_copy(update={"athletes": tuple(a1 if a.athlete == "A1" else a for a in plan.athletes)})
    p = Prescriber(season, plan).day("A1", 9)
    assert tl.is_comp[9] and p.session == "match-bench" and p.summary == "Match (bench): Cup round 2"


def test_each_days_planned_load_is_the_load_tables():
    """The prescription's load is rules-spec.md section 8's, the same as the load series the
    figures and LD-1 read (not the catalogue's minutes x RPE)."""
    from planner.loadtable import athlete_load

    season = _season()
    plan = _plan(season)
    pr = Prescriber(season, plan)
    for a in season.athletes:
        days = pr.athlete(a.id)
        al = athlete_load(season, plan, a.id)
        assert [planned_load(d) for d in days] == list(al.planned[al.season_start:])
        for d in days:
            assert bool(d.load) == bool(d.load_how)
        for d in days:  # what a handout prints multiplies to the load it prints
            if d.minutes is None:
                assert d.rpe is None and not d.load
            else:
                assert round(d.minutes * d.rpe) == d.load > 0
    days = pr.athlete("A5")
    assert (days[7].minutes, days[7].rpe) == (45, 6)
    assert days[0].load_how == "75 min x RPE 4" and days[0].load == 300  # Monday, 70 %, load week
    assert days[7].load_how == "45 min x RPE 6 (deload week)" and days[7].load == 270  # 95 %
    match = next(d for d in pr.athlete("A1") if d.context == "match")
    assert match.load == 760 and match.load_how == "95 min x RPE 8 (started)"


def test_the_plan_json_names_each_days_session():
    season = _season()
    plan = _plan(season)
    ids = session_ids(season, plan)
    data = plan_to_dict(season, plan)
    cat = {s.id for s in load_catalogue().sessions}
    for a in data["athletes"]:
        got = [d["session"] for d in a["days"]]
        assert got == ids[a["id"]] and set(got) <= cat
        assert all(isinstance(d["load"], int) for d in a["days"])
    a1 = next(a for a in data["athletes"] if a["id"] == "A1")
    assert a1["days"][1]["session"] == "speed-90" and a1["days"][5]["session"] == "match-start"


def test_recovery_is_the_0_percent_day_and_a_day_with_running_after_a_match_is_the_team_session():
    """The recovery session is the day without running (a starter's MD+1); a day with running
    after a match played (a bench player's MD+1, a starter's MD+2) is the team's session, as the
    load prices it (rules-spec.md section 8), and the day before a match is its activation."""
    from planner.timeline import Timeline
    from tests.exports.demo import solved_demo

    season = solved_demo()
    plan = season.plan
    tl = Timeline(season)
    pr = Prescriber(season, plan)
    recovery = after_bench = 0
    for a in season.athletes:
        f = pr.facts(a.id)
        for i, p in enumerate(pr.athlete(a.id)):
            if p.context == "recovery":
                assert p.level == 0, (a.id, i, p.level)
                assert p.name == "Recovery" and "No running" in p.content
                recovery += 1
            if p.stage == "FIT" and p.level in (60, 70) and i > 0 and f.played[i - 1]:
                expected = "activation" if i + 1 < tl.n and f.played[i + 1] else "team"
                assert p.context == expected, (a.id, i, p.context)
                after_bench += 1
    assert recovery and after_bench


def test_a_flare_up_day_and_its_calm_days_keep_the_calm_limits_whatever_the_stage_allows():
    """S3 allows full kicks and reactive change of direction; on RH-FL's days the handout says
    the calm day's limits (no kicking on the flare-up's day, short passes after), as its text does."""
    from planner.season import Injury, StageRecord

    season = _season()
    plan = _plan(season)
    tl = Timeline(season)
    day0 = next(i for i in range(1, tl.n - 2) if all(tl.is_training[j] for j in range(i, i + 2)))
    inj = Injury(athlete="A2", protocol="hamstring-strain", onset=tl.days[0],
                 stages=(StageRecord(stage="S3", start=tl.days[0]),), flare_ups=(tl.days[day0],))
    season = season.model_copy(update={"injuries": season.injuries + (inj,)})
    ap = plan.for_athlete("A2")
    it = list(ap.intensity)
    it[day0], it[day0 + 1] = 0, 60
    stages = tuple("S3" if i < day0 + 3 else "FIT" for i in range(tl.n))
    a2 = ap.model_copy(update={"intensity": tuple(it), "stages": stages})
    plan = plan.model_copy(update={"athletes": tuple(a2 if a.athlete == "A2" else a
                                                     for a in plan.athletes)})
    days = Prescriber(season, plan).athlete("A2")
    assert load_protocol("hamstring-strain").stage("S3").kicking not in ("none", "short passes")
    assert (days[day0].context, days[day0].kicking, days[day0].cod) == ("flare-up", "none", "none")
    assert (days[day0 + 1].context, days[day0 + 1].kicking) == ("calm", "short passes")



def test_a_day_logged_with_no_minutes_is_a_rest_day_not_a_recovery_session():
    """A player logged ill (0 minutes) was handed a "Recovery" session (30 minutes of pool or
    bike); a day nothing was done is a rest day that says so. A day at 0 % with a real session
    logged is still the recovery session."""
    from planner.season import Session

    s = _season()
    tl = Timeline(s)
    assert tl.training_weekday[1] and tl.training_weekday[2]
    cal = s.calendar.model_copy(update={"today": tl.days[3]})
    plan = _plan(s)
    aps = tuple(ap.model_copy(update={"intensity": (70, 0, 0) + ap.intensity[3:]})
                if ap.athlete == "A5" else ap for ap in plan.athletes)
    s = s.model_copy(update={
        "calendar": cal, "plan": plan.model_copy(update={"athletes": aps}),
        "sessions": (Session(athlete="A5", date=tl.days[1], minutes=0, rpe=0, note="ill"),
                     Session(athlete="A5", date=tl.days[2], minutes=30, rpe=2))})
    days = Prescriber(s, s.plan).athlete("A5")
    assert (days[1].context, days[1].name) == ("rest", "Rest day")
    assert days[1].summary == "Rest day: Did not train" and "logged with 0 minutes" in days[1].content
    assert days[2].context == "recovery"



def test_no_protocol_allows_the_pain_it_counts_as_a_flare_up():
    """The iliopsoas handout allowed "pain at most 5/10" on the day that a logged 5/10 was "at or
    above the protocol's 5/10 for a flare-up": every pain a protocol's words allow is below its
    flare-up mark (rules-spec.md section 9: a pain at or above ``pain_flare`` proposes one)."""
    import re

    from planner.protocols import available_protocols, load_protocol

    ids = available_protocols()
    assert len(ids) >= 5
    for pid in ids:
        proto = load_protocol(pid)
        for most in re.findall(r"at most (\d+)/10", proto.pain_rule):
            assert int(most) < proto.pain_flare, (pid, proto.pain_rule, proto.pain_flare)
        for below in re.findall(r"below (\d+)/10", proto.pain_rule):
            assert int(below) <= proto.pain_flare, (pid, proto.pain_rule, proto.pain_flare)


def test_tendon_stages_loaded_every_second_day_alternate_their_days():
    """A practitioner read five identical days of tendon loading in a row for Kofi (P3 of an
    iliopsoas tendinopathy): "no 48-hour spacing". A stage with ``between`` words alternates
    loading days and days between: never two loading days in a row (a sprint-ladder day is
    always one, so the day before it is a day between), and a day between only where a loading
    day would make two. The day between is the catalogue's own session: lighter, its words
    first, not "the exercises of your stage" (ballistic work) after "no ballistic work today"."""
    from planner.season import SPEED_DAY
    from tests.exports.demo import solved_demo

    season = solved_demo()
    p = Prescriber(season, season.plan)
    seen = {True: 0, False: 0}
    for a in season.athletes:
        days = p.athlete(a.id)
        f = p.facts(a.id)
        if days is None or f is None:
            continue

        ok = [(spec := p.stage_spec(f, i)) is not None and bool(spec.between)
              and d.context == "rehab" for i, d in enumerate(days)]
        gap = [d.name.endswith(", day between") for d in days]

        def eligible(i, ok=ok):
            return ok[i]

        def between(i, gap=gap):
            return gap[i]

        def loading(i, ok=ok, gap=gap):
            return ok[i] and not gap[i]

        for i, d in enumerate(days):
            if not eligible(i):
                assert not between(i)  # S1, a hamstring's stages, rest days: never
                continue
            seen[between(i)] += 1
            if between(i):
                spec = p.stage_spec(f, i)
                assert d.content.startswith(spec.between.rstrip(".") + ". ")
                assert "exercises of your stage" not in d.content and d.level < SPEED_DAY
                assert d.session.endswith("-between")
            if i and loading(i) and loading(i - 1):
                raise AssertionError(f"{a.id} day {i}: two loading days in a row")
            nxt_ladder = i + 1 < len(days) and eligible(i + 1) and days[i + 1].level >= SPEED_DAY
            if between(i):  # only where a loading day would make two in a row
                assert (i and loading(i - 1)) or nxt_ladder
    assert seen[True] and seen[False]  # the demo has both (Kofi's P2 and P3)


def test_a_protocol_stage_with_between_words_that_are_not_text_is_refused():
    from planner.protocols import parse_protocol

    data = json.loads(json.dumps({"id": "x", "stages": [
        {"id": "P1", "cap": 0, "min_days": 7, "max_days": 14, "exit": {"kind": "min_days"},
         "between": 3}]}))
    with pytest.raises(InputError) as got:
        parse_protocol(data, "x.json")
    assert "stages[0] (P1).between: 3 is not text" in str(got.value)
    data["stages"][0]["between"] = "Isometrics only."
    assert parse_protocol(data, "x.json").stages[0].between == "Isometrics only."


def test_a_catalogue_without_a_day_between_session_still_says_the_day_between(tmp_path, monkeypatch):
    """An edited catalogue that dropped the 'day between' sessions: the stage's words are put
    before the usual rehab session and its name says so."""
    from tests.exports.demo import solved_demo

    data = json.loads(open(__import__("templates").path("sessions.json"), encoding="utf-8").read())
    data["sessions"] = [x for x in data["sessions"] if x.get("day") != "between"]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("PERIODIZE_SESSIONS", str(path))
    season = solved_demo()
    p = Prescriber(season, season.plan)
    days = p.athlete("A07")
    f = p.facts("A07")
    between = [d for d in days if d.name.endswith(", day between")]
    assert between
    for d in between:
        i = days.index(d)
        words = p.stage_spec(f, i).between.rstrip(".")
        assert d.session in ("rehab-run", "rehab-gym")
        assert d.content.startswith(words + ". The exercises of your stage")


def test_a_match_a_picked_player_did_not_play_is_not_said_as_not_playing_yet():
    """A starter who sat the match out (0 min logged, so role out to the rules) read "League
    match 3: not playing yet", RE-1's words for a returner, as if he were to play later."""
    from planner.season import Session

    season = _season()
    tl = Timeline(season)
    cal = season.calendar.model_copy(update={"today": tl.days[7]})
    season = season.model_copy(update={"calendar": cal, "sessions": (
        Session(athlete="A1", date=tl.days[5], minutes=20, rpe=3, minutes_played=0),)})
    plan = _plan(season)
    plan = plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"intensity": ap.intensity[:5] + (70,) + ap.intensity[6:]})
        if ap.athlete == "A1" else ap for ap in plan.athletes)})
    assert tl.is_comp[5]
    note = Prescriber(season, plan).day("A1", 5).note
    assert "League match 3: did not play" in note, note
    assert "not playing yet" not in note


def test_a_rehab_running_day_gives_the_speed_to_reach_a_team_day_a_ceiling():
    """A logged top speed under a rehab day's level counts as the level below (rules-spec.md
    section 9), so a 60 % or 70 % rehab run is a ladder step to reach, not an "at most": the
    handout prints no "≤" and the iCal says "Target speed"; a fit team day stays a ceiling."""
    from planner.handout import HandoutDay, day_texts
    from planner.ical import _session_text

    season = _season()
    season = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) if a.id == "A3" else a for a in season.athletes)})
    p = Prescriber(season, _plan(season))
    run = p.athlete("A3")[10]  # P2 at 70 %
    assert run.context == "rehab" and run.level == 70 and run.speed_ms == pytest.approx(6.3)
    assert run.speed_is_target and run.speed == "6.3 m/s · 22.7 km/h"
    team = next(d for d in p.athlete("A5") if d.context == "team" and d.level == 70)
    assert not team.speed_is_target and team.speed.startswith("up to ")

    def handout_speed(pr):
        return day_texts(HandoutDay(season.calendar.start, None, pr.stage, pr.level, pr, "", None,
                                    False)).speed

    assert handout_speed(run) == "6.3 m/s\n22.7 km/h"
    assert handout_speed(team).startswith("≤ ")
    assert "Target speed: 6.3 m/s" in _session_text(run, "load", [])
    assert "Speed: up to " in _session_text(team, "load", [])
    # the stage's cap stays said (the safety line), and a tendon stage's easy day between two
    # loading days stays a ceiling ("Target speed" on "easy running" read as a contradiction)
    assert "reaching that speed and no faster than the stage's 70 %" in run.content
    between = [d for d in p.athlete("A3") if d.context == "rehab" and d.level >= 60
               and "day between" in d.name]
    assert between and all(not d.speed_is_target and d.speed.startswith("up to ") for d in between)


def test_a_rehab_run_below_the_stage_s_cap_has_the_day_s_speed_as_its_ceiling():
    """S1 at 70 % read "6 × 80 m at 70 % (6.5 m/s) … reaching that speed and no faster than the
    stage's 90 %": a player read leave to run at 90 %. The day's speed is the ceiling; the run
    still has to reach it to count as its ladder step, and a run at the cap names the cap."""
    season = _season()
    plan = _plan(season)
    ap = plan.for_athlete("A3")
    s1 = ap.model_copy(update={"stages": ap.stages[:9] + ("S1",) * (len(ap.stages) - 9)})
    plan = plan.model_copy(update={"athletes": tuple(
        s1 if a.athlete == "A3" else a for a in plan.athletes)})
    run = Prescriber(season, plan).athlete("A3")[10]
    assert (run.context, run.stage, run.level) == ("rehab", "S1", 70) and run.speed_is_target
    assert ("reaching that speed and no faster (a slower run counts as the step below)"
            in run.content), run.content
    assert "90 %" not in run.content and "stage's" not in run.content



def test_a_rehab_run_at_the_ladders_lowest_step_has_no_step_below():
    """P2 at 60 % read "6 × 80 m at 60 % … reaching that speed and no faster (a slower run
    counts as the step below)": 60 % is the ladder's lowest step, a slower run is no step at all;
    70 % keeps the step below."""
    season = _season()
    plan = _plan(season)
    ap = plan.for_athlete("A3")
    i = 10
    assert ap.intensity[i] == 70
    low = ap.model_copy(update={"stages": ap.stages[:9] + ("S1",) * (len(ap.stages) - 9),
                                "intensity": ap.intensity[:i] + (60,) + ap.intensity[i + 1:]})
    plan = plan.model_copy(update={"athletes": tuple(
        low if a.athlete == "A3" else a for a in plan.athletes)})
    days = Prescriber(season, plan).athlete("A3")
    run = days[i]
    assert (run.context, run.level) == ("rehab", 60) and run.speed_is_target, run
    assert "(a slower run does not count as a step)" in run.content, run.content
    assert "step below" not in run.content
    seventy = next(d for d in days if d.context == "rehab" and d.level == 70
                   and "day between" not in d.name)
    assert "(a slower run counts as the step below)" in seventy.content


def test_a_return_to_sport_football_session_is_said_to_be_with_the_team():
    """S1-S3 of the hamstring protocol are football sessions: the handout read "The exercises of
    your stage (Heavy football session), then running: 6 × 80 m at 70 %, linear", beside
    "change of direction: reactive"; a player could not tell whether he trains with the team."""
    from tests.builders import injury, season, solved_and_checked

    title = load_protocol("hamstring-strain").stage("S3").title
    s = season(weeks=3, athletes=1, injuries=(injury("A1", "S3", start_day=-2).model_copy(
        update={"protocol": "hamstring-strain"}),))
    out, _ = solved_and_checked(s)
    p = Prescriber(s, out.plan)
    stages = out.plan.for_athlete("A1").stages
    running = [d for d in p.athlete("A1") if d.stage == "S3" and d.context == "rehab"
               and d.level >= 60]
    assert running, stages
    for d in running:
        assert d.content.startswith(f"With the team: {title.lower()}"), d.content
        assert "linear" not in d.content


def test_a_goalkeeper_s_match_is_not_called_his_high_velocity_exposure():
    """HV-1 exempts goalkeepers, yet the keeper's handout said on every match he starts "the match
    is your high-velocity exposure"; an outfield starter's still says it."""
    season = _season()
    plan = _plan(season)
    starts = [i for i, d in enumerate(Prescriber(season, plan).athlete("A1")) if d.context == "match"]
    assert starts
    for position, said in (("Goalkeeper", "the match is your session."),
                           ("GK", "the match is your session."),
                           ("Forward", "the match is your high-velocity exposure.")):
        s = season.model_copy(update={"athletes": tuple(
            a.model_copy(update={"position": position}) if a.id == "A1" else a
            for a in season.athletes)})
        days = Prescriber(s, plan).athlete("A1")
        assert all(days[i].content.endswith(f"Team warm-up 25 min; {said}") for i in starts), (
            position, days[starts[0]].content)


def test_after_a_flare_up_kicking_and_change_of_direction_step_down_a_stage_until_its_minimum():
    """An iliopsoas player back from S3 flares up: on the first running day after the calm days
    the handout gave S3's "full kicks · reactive", nothing of the provoking component stepped
    down (domain RH-4). Until S3's minimum from the flare-up has passed the days have S2's
    limits and say why; from then on S3's own. The plan is checked, not the solver's variables."""
    from planner.handout import day_texts, handout_weeks
    from tests.builders import day, flared_from_s3

    flare = 3
    s = flared_from_s3(flare)  # solved and checked
    proto = load_protocol("iliopsoas-tendinopathy")
    s2, s3 = proto.stage("S2"), proto.stage("S3")
    assert (s2.kicking, s2.cod) != (s3.kicking, s3.cod)
    days = Prescriber(s, s.plan).athlete("A1")
    end = flare + s3.min_days  # the flare-up restarts S3's minimum (rules-spec.md section 6)
    assert all(p.stage == "S3" for p in days[flare:end + 1])
    running = [i for i in range(flare + 1, end + 3)
               if days[i].context not in ("flare-up", "calm", "rest") and days[i].level > 0]
    before = [i for i in running if i < end]
    after = [i for i in running if i >= end]
    assert before and after, [(p.context, p.level) for p in days[flare:end + 3]]
    for i in before:
        assert (days[i].kicking, days[i].cod) == (s2.kicking, s2.cod), i
        assert (f"stepped down a stage (S2's) after the flare-up of "
                f"{day(flare):%a} {day(flare).day} {day(flare):%b}") in days[i].note
    for i in after:
        assert (days[i].kicking, days[i].cod) == (s3.kicking, s3.cod), i
        assert "stepped down" not in days[i].note
    # the handout's (and the Excel week's) day cells read the same place
    week = next(w for w in handout_weeks(s, s.plan, ["A1"]) if w.first <= day(before[0]) <= w.last)
    cells = day_texts(next(d for d in week.days if d.date == day(before[0])))
    assert f"Kicking: {s2.kicking}" in cells.limits and "stepped down a stage" in cells.what
    # the week's stage words (S3's "full kicks") say the step-down and when it ends
    flared = f"{day(flare):%a} {day(flare).day} {day(flare):%b}"
    assert f"After the flare-up of {flared}, kicking and change of direction are S2's" in week.stage
    last = max(before)  # the step-down's last day: "this week" only when it goes on past the week
    ends = ("this week." if day(last) > week.last else
            f"until {day(last):%a} {day(last).day} {day(last):%b}, then S3's own.")
    assert f"are S2's {ends}" in week.stage, week.stage
    later = [w for w in handout_weeks(s, s.plan, ["A1"]) if w.first > day(after[-1])]
    assert later and all("After the flare-up" not in w.stage for w in later)


@pytest.mark.parametrize(("stage", "then"), [("FIT", "then full training from"),
                                              ("S2", "then stage S2 from")])
def test_the_handouts_step_down_names_what_follows_when_the_stage_ends_within_its_minimum(stage, then):
    """S3 after a flare-up on day 3 ends on day 9, within its minimum: the physio records FIT, or
    a second flare-up sends him back to S2. The week's words say the step-down until the last
    day whose session says it and then what follows, never "then S3's own"; the week of the
    flare-up, whose S3 days are all the flare-up's, calm or rest days, says none."""
    from planner.handout import handout_weeks
    from tests.builders import day, flared_in_s3_then

    flare, on = 3, 9
    s = flared_in_s3_then(stage, on, flare)  # solved and checked
    days = Prescriber(s, s.plan).athlete("A1")
    stepped = [i for i, p in enumerate(days[:on]) if "stepped down a stage" in p.note]
    assert stepped and all(days[i].stage == "S3" for i in range(flare, on)), stepped
    weeks = handout_weeks(s, s.plan, ["A1"])
    first = next(w for w in weeks if w.first <= day(flare) <= w.last)
    used = next(w for w in weeks if w.first <= day(stepped[-1]) <= w.last)
    assert first is not used and all(day(i) > first.last for i in stepped)  # Mon 11 Jan on
    assert "S3" in first.stage and "After the flare-up" not in first.stage, first.stage
    last = day(stepped[-1])
    assert (f"are S2's until {last:%a} {last.day} {last:%b}, {then} "
            f"{day(on):%a} {day(on).day} {day(on):%b}.") in used.stage, used.stage
    assert "then S3's own" not in used.stage and "this week" not in used.stage


def test_a_week_of_calm_days_says_no_step_down_above_its_limits():
    """The physio records FIT on day 6 after a flare-up on day 3: every S3 day is the flare-up's,
    a calm or a rest day, which keep RH-FL's limits; the week said "S2's this week" above a
    Limits line of none, while no day's note said a step-down."""
    from planner.handout import handout_weeks
    from tests.builders import flared_in_s3_then

    s = flared_in_s3_then("FIT", 6)
    days = Prescriber(s, s.plan).athlete("A1")
    assert {p.context for p in days[3:6]} <= {"flare-up", "calm", "rest"}
    assert not any("stepped down" in p.note for p in days)
    weeks = handout_weeks(s, s.plan, ["A1"])
    assert "S3" in weeks[0].stage
    assert not any("After the flare-up" in w.stage for w in weeks)


def test_a_stage_below_with_the_same_limits_is_no_step_down():
    """An iliopsoas player flares up in S3 and goes back to S2, whose stage below (S1) has the
    same kicking and change of direction: every S2 day said "stepped down a stage (S1's)" and the
    week "kicking and change of direction are S1's until …, then S2's own", a step-down that
    changed nothing. The days keep S2's limits and say no step-down."""
    from planner.handout import handout_weeks
    from tests.builders import flared_back_to_s2

    flare = 3
    s = flared_back_to_s2(flare)  # solved and checked
    proto = load_protocol("iliopsoas-tendinopathy")
    s1, s2 = proto.stage("S1"), proto.stage("S2")
    assert (s1.kicking, s1.cod) == (s2.kicking, s2.cod)
    days = Prescriber(s, s.plan).athlete("A1")
    within = range(flare + 1, flare + s2.min_days)
    running = [i for i in within if days[i].context == "rehab" and days[i].level > 0]
    assert running and all(days[i].stage == "S2" for i in within), [
        (p.stage, p.context, p.level) for p in days[flare:flare + s2.min_days]]
    for i in running:
        assert (days[i].kicking, days[i].cod) == (s2.kicking, s2.cod), i
    assert not any("stepped down" in p.note for p in days)
    assert not any("After the flare-up" in w.stage for w in handout_weeks(s, s.plan, ["A1"]))


def test_a_rehab_players_match_on_a_calm_day_is_a_rest_day_with_the_calm_day_note():
    """Marco (P1, flared up the day before a cup match) read "Calm day: no running - pain-free
    exercises only" with the Why "no running on a match day", while Kofi's match day read "Rest
    day: Cup round 4 - match day, no rehab session": a player could not tell whether he does his
    exercises. Both read as a rest day with no rehab session, noted as none of the calm days (RH-FL
    counts the days trained: it read "A calm day after the flare-up", three calm days for two)."""
    from planner import text
    from tests.builders import day, injury, season, solved_and_checked

    s = season(weeks=2, athletes=2, injuries=(injury("A1", "P3", start_day=-10, flare_days=(4,)),))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    tl = Timeline(s)
    assert tl.is_comp[5] and s.plan.for_athlete("A1").stages[5] != "FIT"  # a calm day's match
    p = Prescriber(s, s.plan).day("A1", 5)
    assert p.level == 0 and p.context == "rest", (p.context, p.summary)
    assert p.summary == "Rest day: Match 1" and "match day, no rehab session" in p.content
    assert p.note == f"A match day uses none of the 2 calm days after the flare-up of {text.day(day(4))} (RH-FL)"
    # RH-FL counts the days trained: Sunday (no training) is a rest day between them, Monday
    # the first calm day with a session
    assert Prescriber(s, s.plan).day("A1", 6).context == "rest"
    later = Prescriber(s, s.plan).day("A1", 7)
    assert later.context == "calm"


def _unmeasured(season, ids):
    return season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": None}) if a.id in ids else a for a in season.athletes)})


def test_athletes_planned_speed_work_without_a_max_speed_are_listed_with_their_first_day():
    from planner.season import HV_LEVEL
    from planner.sessions import speed_without_max, speed_without_max_line
    from planner.text import date_short
    from tests.exports.demo import solved_demo

    demo = solved_demo()
    tl = Timeline(demo)
    # A01 a goalkeeper (his 100 % days are matches: no % to reach), A04 an outfield player
    season = _unmeasured(demo, {"A01", "A04"})
    found = speed_without_max(season)
    assert [x.athlete for x in found] == ["A04"]  # not A01, nor A05 whose max speed is on record
    ap = demo.plan.for_athlete("A04")
    first = found[0].first
    assert ap.intensity[tl.index(first)] >= HV_LEVEL and not tl.is_comp[tl.index(first)]
    assert all(ap.intensity[i] < HV_LEVEL or tl.is_comp[i] for i in range(tl.index(first)))
    assert speed_without_max_line(season, found) == (
        f"1 athlete with speed days planned and no max speed: {season.athlete_label('A04')} "
        f"from {first:%a} {date_short(first)}: enter it in Season ▸ Squad or the workbook's "
        f"Athletes sheet")
    assert speed_without_max(demo) == [] and speed_without_max_line(demo, []) == ""


def test_the_shipped_sessions_use_words_of_any_team_sport():
    """A basketball coach read "rondos, set pieces" on the day before every game: the shipped
    catalogue's sessions say what a coach of any team sport reads (small-sided games, set plays);
    football's own words are for a coach's own copy (PERIODIZE_SESSIONS)."""
    football = ("rondo", "set piece", "football", "soccer", "goalkeeper")
    catalogue = load_catalogue()
    said = {spec.id: f"{spec.name} {spec.content}".lower() for spec in catalogue.sessions}
    assert said and not {sid: w for sid, t in said.items() for w in football if w in t}
    assert "small-sided games, set plays" in said["activation"]


# words that name the injury or the protocol's exercises for it: never in an anonymised session
DIAGNOSIS_WORDS = ("tendon", "tendin", "iliopsoas", "patella", "hip", "knee", "hamstring", "flexion",
                   "isometric", "isotonic", "plyometric", "squat", "ballistic", "48 h", "5/10")


def _figures(text: str, leave_out: list[str]) -> list[str]:
    for words in leave_out:
        text = text.replace(words, "") if words else text
    return re.findall(r"\d+(?:\.\d+)?", text)


def _same_session_anonymised(season, athletes):
    """Named and anonymised, each of ``athletes``' days: the session the player is handed is the
    same (its name, line, level, speed and whether it is a ceiling, limits, minutes, RPE and
    load); only the words that name the injury go. Returns the anonymised days between."""
    named, anon = Prescriber(season, season.plan), Prescriber(season, season.plan, anonymise=True)
    between = []
    for aid in athletes:
        f = named.facts(aid)
        for i, (n, a) in enumerate(zip(named.athlete(aid), anon.athlete(aid), strict=True)):
            day = (aid, str(named.tl.days[i]))
            assert (a.session, a.name, a.summary, a.level, a.speed, a.speed_is_target, a.limits,
                    a.minutes, a.rpe, a.load, a.load_how) == \
                   (n.session, n.name, n.summary, n.level, n.speed, n.speed_is_target, n.limits,
                    n.minutes, n.rpe, n.load, n.load_how), day
            # the figures of the content (reps, metres, %, speed) are the named one's less
            # the protocol's own words
            spec, proto = named.stage_spec(f, i), named._proto(f, i)
            own = [] if spec is None else [spec.title, spec.content, spec.between.rstrip(".")]
            assert _figures(n.content, own + ([proto.pain_rule] if proto else [])) == \
                   _figures(a.content, [PAIN_RULE_DEFAULT]), day
            text = f"{a.name} {a.summary} {a.content} {a.note}".lower()
            assert not [w for w in DIAGNOSIS_WORDS if w in text], (day, text)
            if spec is not None and spec.between:
                assert spec.between.rstrip(".").lower() not in text
            if a.name.endswith(", day between"):
                between.append((aid, named.tl.days[i], a))
    return between


def test_an_anonymised_export_hands_a_tendon_athlete_the_same_sessions():
    """Review 279: Kofi's anonymised handout, calendar and workbook read "Rehab P2: 6 × 80 m at
    60 %", a speed to reach, on Tue 4 Aug, six loading days in a row, where his own read "Rehab
    P2, day between: 4 × 60 m at 60 % (5.6 m/s)" at most 5.6 m/s: double the running and no 48 h
    for the tendon. Anonymising leaves out the words that name the injury, never the session."""
    import datetime as dt

    from tests.exports.demo import solved_demo

    season = solved_demo()
    between = _same_session_anonymised(season, [a.id for a in season.athletes])
    kofi = {d: a for aid, d, a in between if aid == "A07"}
    tue = kofi[dt.date(2026, 8, 4)]
    assert tue.summary.startswith("Rehab P2, day between: 4 × 60 m at 60 %")
    assert tue.speed.startswith("up to ") and not tue.speed_is_target
    assert tue.content.startswith("Between loading days: the physio's lighter exercises only")
    # still never two loading days in a row in his P2 week
    anon = Prescriber(season, season.plan, anonymise=True)
    i = anon.tl.days.index(dt.date(2026, 8, 3))
    week = [anon.day("A07", j).summary for j in range(i, i + 6)]  # Mon to Sat
    assert [s.startswith("Rehab P2, day between") for s in week] == [False, True, False, True, False, True]


def test_an_anonymised_patellar_tendinopathy_day_between_keeps_its_session():
    """The patellar tendinopathy's P2 has its own words for a day between (isometrics, the
    knee): anonymised, the day keeps its lighter session, said without them."""
    season = _season()
    season = season.model_copy(update={
        "injuries": tuple(r.model_copy(update={"protocol": "patellar-tendinopathy"})
                          for r in season.injuries),
        "plan": _plan(season)})
    assert season.injury_of("A3").protocol == "patellar-tendinopathy"
    between = _same_session_anonymised(season, [a.id for a in season.athletes])
    assert [aid for aid, _, _ in between] and {aid for aid, _, _ in between} == {"A3"}
