"""Rules v2 through the command line: returns in the solve summary, the stored plan explained and
kept, what-if injuries and roles, and bad v2 input refused with a located message."""

from __future__ import annotations

import datetime as dt
import json

from planner import text
from planner.season import CriteriaTest, MatchRole
from planner.seasonfile import load_season, save_season
from tests.builders import day, injury, season
from tests.e2e.test_cli import run


def small(tmp_path, **kw):
    s = season(weeks=6, athletes=3, injuries=(injury("A1", "P3", start_day=-20, target="m3"),), **kw)
    save_season(s, tmp_path / "s.season.json")
    return s


def test_solve_prints_each_return_and_plan_json_v2_carries_it(tmp_path):
    small(tmp_path)
    r = run("solve", "s.season.json", "--json", "p.json", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Returns:" in r.stdout and "Athlete 1 (A1)" in r.stdout and "target 'Match 4'" in r.stdout
    plan = json.loads((tmp_path / "p.json").read_text())
    assert plan["schema_version"] == 2
    a1 = plan["athletes"][0]
    assert a1["return"]["fit"] is not None and a1["return"]["target"] == "Match 4"
    assert {"role", "provisional", "load", "session"} <= set(a1["days"][0])
    assert {d["role"] for d in a1["days"] if d["md"] == "MD"} <= {"start", "bench", "out"}
    # how current it is: no today, nothing logged, no hard rule broken (a fresh solve)
    assert plan["today"] is None and plan["hard_violations"] == 0
    assert not any(d["logged"] for d in a1["days"]) and "logged_top_speed_ms" not in a1["days"][0]
    # solving the saved season again keeps its plan
    r2 = run("solve", "s.season.json", "--json", "p2.json", cwd=tmp_path)
    assert "the plan stored in the season file" in r2.stdout
    again = json.loads((tmp_path / "p2.json").read_text())
    assert [a["days"] for a in again["athletes"]] == [a["days"] for a in plan["athletes"]]


def test_explain_reads_the_stored_plan_and_never_solves(tmp_path):
    small(tmp_path)
    r = run("explain", "s.season.json", "--athlete", "A2", "--date", day(5).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "has no stored plan" in r.stderr and "--save" in r.stderr
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    r = run("explain", "s.season.json", "--athlete", "A2", "--date", day(5).isoformat(), cwd=tmp_path)
    assert r.returncode == 0 and "the plan stored in s.season.json" in r.stdout
    assert "Starts 'Match 1'" in r.stdout


def test_whatif_injury_and_role(tmp_path):
    small(tmp_path)
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    r = run("whatif", "s.season.json", "--new", "Hamstring", "--injury", "A2", "hamstring-strain",
            day(10).isoformat(), "--role", "m2", "A3", "out", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "injured on" in r.stdout and "'Match 3': out" in r.stdout
    assert "does not play it" not in r.stdout  # day 10: no match
    sc = load_season(tmp_path / "s.season.json").scenarios[0]
    assert sorted(e["op"] for e in sc.edits) == ["add_injury", "set_role"]
    st = {d: sc.plan.for_athlete("A2").stages[d] for d in (9, 10, 11)}
    assert st[9] == "FIT" and st[10] == "P1"
    # hurt in the match of day 12: dated that day he does not play it, as the dialog says
    r = run("whatif", "s.season.json", "--new", "In the match", "--injury", "A2",
            "hamstring-strain", day(12).isoformat(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Note: {day(12).isoformat()} is the day of 'Match 2': injured from that day, "
            f"Athlete 2 (A2) does not play it. Hurt during the match? Give the day after "
            f"({day(13).isoformat()}), so the match counts as played.") in r.stdout, r.stdout
    assert r.stdout.count("Hurt during the match?") == 1, r.stdout  # said once, not twice
    r = run("whatif", "s.season.json", "--new", "Bad", "--injury", "A2", "knee-thing",
            day(10).isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and "'knee-thing' is not a protocol" in r.stderr


def test_an_injury_on_a_taken_onset_is_refused_in_the_command_lines_words(tmp_path):
    """whatif --injury said "choose it in Season ▸ Injuries (Injury)", a menu the command line
    does not have."""
    onset = small(tmp_path).injury_of("A1").onset
    for command in (("whatif", "s.season.json", "--new", "X"), ("record", "s.season.json")):
        r = run(*command, "--injury", "A1", "hamstring-strain", onset.isoformat(), cwd=tmp_path)
        assert r.returncode == 1
        assert (f"--injury: Athlete 1 (A1) already has an injury from {text.day_long(onset)}; to "
                f"change it, give --stage-start or --flare-up for A1, or give the new one another "
                f"DATE") in r.stderr, r.stderr
        assert "Season ▸" not in r.stderr
    r = run("whatif", "s.season.json", "--new", "X", *(["--injury", "A2", "hamstring-strain",
            day(10).isoformat()] * 2), cwd=tmp_path)
    assert r.returncode == 1
    assert (f"Athlete 2 (A2) is given two injuries from {text.day_long(day(10))}; give one of them "
            f"another DATE") in r.stderr, r.stderr


def test_an_injury_names_its_protocol_as_the_coach_workbook_does(tmp_path):
    """'hamstring strain' (or the protocol's name) was refused on the command line, where the
    coach workbook's Protocol column takes it."""
    small(tmp_path)
    for written in ("hamstring strain", "Acute hamstring strain", "HAMSTRING_STRAIN"):
        r = run("record", "s.season.json", "--injury", "A2", written, day(10).isoformat(), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "(acute hamstring strain)" in r.stdout


def test_a_rule_is_named_in_any_case_and_a_soft_rules_mode_is_set_with_rule(tmp_path):
    """'hv-2.max_speed_days=1' was "no such rule" (the workbook and the rules panel match ids in
    any case), and 'HV-1.mode=off' "'off' is not a number": a mode could not be set at all."""
    small(tmp_path)
    r = run("record", "s.season.json", "--rule", "hv-2.max_speed_days=1", "--rule", "hv-1.MODE=Off",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rules = load_season(tmp_path / "s.season.json").rules
    assert rules.values == {"HV-2": {"max_speed_days": 1}} and rules.modes == {"HV-1": "off"}
    for mode in ("off", "hard"):  # "hard" stored an edit that changed nothing
        r = run("record", "s.season.json", "--rule", f"HV-2.mode={mode}", cwd=tmp_path)
        assert r.returncode == 1 and "HV-2 is a hard rule, always kept" in r.stderr, r.stderr
    r = run("record", "s.season.json", "--rule", "HV-1.mode=maybe", cwd=tmp_path)
    assert r.returncode == 1 and "a rule's mode is soft, hard or off (e.g. HV-1.mode=off)" in r.stderr


def test_a_rule_value_with_a_decimal_comma_is_read_as_the_rules_panel_reads_it():
    """'--rule LD-1.acwr_max=1,4' was "'1,4' is not a number" while the app's Rules panel and
    What-if take 1,45; a whole-number setting's '2,5' is said to be no whole number, and a value
    that may hold a thousands separator is refused with both readings, never guessed."""
    import argparse

    import pytest

    from planner import edits as E
    from planner.errors import InputError
    from ui.cli.whatif import _rule_and_pin_edits

    s = season(weeks=4, athletes=2)

    def edits(*specs):
        return _rule_and_pin_edits(s, argparse.Namespace(rule=list(specs), pin=[]))

    assert edits("LD-1.acwr_max=1,4") == [E.SetRuleValue(rule="LD-1", param="acwr_max", value=1.4)]
    assert edits("LD-1.acwr_max=1.125") == [E.SetRuleValue(rule="LD-1", param="acwr_max", value=1.125)]
    assert edits("RTS.target_weight=25000") == [
        E.SetRuleValue(rule="RTS", param="target_weight", value=25000)]
    with pytest.raises(InputError) as e:  # refused as '2.5' is, when the change applies
        edits("HV-1.weight=2,5")[0].apply(s)
    assert "2.5 must be a whole number" in " ".join(e.value.problems)
    for spec, said in (("RTS.target_weight=25.000", "'25.000' could be 25000 or 25"),
                       ("RTS.target_weight=25,000", "'25,000' could be 25000 or 25"),
                       ("LD-1.acwr_max=1,4,5", "'1,4,5' is not a number")):
        with pytest.raises(InputError) as e:
            edits(spec)
        assert said in " ".join(e.value.problems), (spec, e.value.problems)


def test_a_stretch_of_days_off_over_days_already_off_adds_the_others_and_says_so(capsys):
    """'--day-off 21.12.2026..06.01.2027' was refused: "2026-12-24 is already a non-training
    day", so a winter break had to be split around the Christmas days off. The days not yet off
    are added and the ones already off named; a single day already off, or a stretch all off,
    is still refused."""
    import argparse

    import pytest

    from planner.errors import InputError
    from planner.season import NonTrainingDay
    from ui.cli.whatif import _day_off_edits

    s = season(weeks=4, athletes=2)
    off = [NonTrainingDay(date=day(k), reason="Holiday") for k in (3, 4, 5, 8)]
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": tuple(off)})})

    def edits(*spec):
        return _day_off_edits(s, argparse.Namespace(day_off=[list(spec)], remove_day_off=[]))

    got = edits(f"{day(2).isoformat()}..{day(9).isoformat()}", "Winterpause")
    assert [(e.day.date, e.day.reason) for e in got] == [(day(k), "Winterpause") for k in (2, 6, 7, 9)]
    said = capsys.readouterr().err
    assert (f"Note: --day-off: {text.span(day(3), day(5))} and {text.date_long(day(8))} are "
            f"non-training days already, kept as they are; 4 days of "
            f"{text.span(day(2), day(9))} added") in said, said
    assert [e.day.date for e in edits(f"{day(5).isoformat()}..{day(6).isoformat()}")] == [day(6)]
    assert "is a non-training day already, kept as it is; 1 day of" in capsys.readouterr().err
    for spec, words in ((day(4).isoformat(), f"{text.date_long(day(4))} is a non-training day already"),
                        (f"{day(3).isoformat()}..{day(5).isoformat()}",
                         f"every day of {text.span(day(3), day(5))} is a non-training day already")):
        with pytest.raises(InputError) as e:
            edits(spec)
        assert e.value.problems == [f"{words}; give a day that is not off"]


def test_two_overlapping_day_off_stretches_in_one_command_add_each_day_once(capsys):
    """'--day-off 21.12.26..23.12.26 --day-off 22.12.26..24.12.26' counted 22 and 23 Dec as
    added by the second stretch too, and the command ended in "2026-12-22 is listed 2 times;
    list it once". The days of an earlier --day-off of the same command are off already: named
    in the note, and added once."""
    import argparse

    from planner.season import NonTrainingDay
    from ui.cli.whatif import _day_off_edits

    s = season(weeks=4, athletes=2)
    s = s.model_copy(update={"calendar": s.calendar.model_copy(
        update={"non_training_days": (NonTrainingDay(date=day(11), reason="Holiday"),)})})
    got = _day_off_edits(s, argparse.Namespace(remove_day_off=[], day_off=[
        [f"{day(6).isoformat()}..{day(8).isoformat()}", "Trip"],
        [f"{day(7).isoformat()}..{day(11).isoformat()}", "Break"]]))
    assert [(e.day.date, e.day.reason) for e in got] == [
        (day(6), "Trip"), (day(7), "Trip"), (day(8), "Trip"), (day(9), "Break"), (day(10), "Break")]
    said = capsys.readouterr().err
    assert (f"Note: --day-off: {text.span(day(7), day(8))} given by an earlier --day-off of this "
            f"command, added once; {text.date_long(day(11))} is a non-training day already, kept "
            f"as it is; 2 days of {text.span(day(7), day(11))} added") in said, said
    for e in got:  # the edits hold together: each day off once
        s = e.apply(s)
    assert sorted(x.date for x in s.calendar.non_training_days) == [day(k) for k in range(6, 12)]


def test_a_day_off_inside_an_earlier_day_off_of_the_command_is_said_and_added_once(capsys):
    """'--day-off 6..8 Trip --day-off 7 Other', the season without a day off, was refused: "11 Jan
    2027 is a non-training day already", a day the season did not have off. The day given by the
    earlier --day-off is said and added once (with the first reason); a day the season has off is
    still refused."""
    import argparse

    import pytest

    from planner.errors import InputError
    from planner.season import NonTrainingDay
    from ui.cli.whatif import _day_off_edits

    s = season(weeks=4, athletes=2)

    def edits(season_, *specs):
        return _day_off_edits(season_, argparse.Namespace(remove_day_off=[], day_off=[list(x) for x in specs]))

    got = edits(s, (f"{day(6).isoformat()}..{day(8).isoformat()}", "Trip"), (day(7).isoformat(), "Other"))
    assert [(e.day.date, e.day.reason) for e in got] == [(day(k), "Trip") for k in (6, 7, 8)]
    said = capsys.readouterr().err
    assert said == (f"Note: --day-off: {text.date_long(day(7))} given by an earlier --day-off of "
                    f"this command, added once\n"), said
    for e in got:
        s = e.apply(s)
    assert sorted(x.date for x in s.calendar.non_training_days) == [day(6), day(7), day(8)]
    with pytest.raises(InputError) as e:  # now the season's: refused as before
        edits(s, (day(9).isoformat(), "Trip"), (day(7).isoformat(), "Other"))
    assert e.value.problems == [f"{text.date_long(day(7))} is a non-training day already; give a "
                                f"day that is not off"]
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": (
        NonTrainingDay(date=day(10), reason="Holiday"),)})})
    got = edits(s, (day(9).isoformat(), "Trip"), (f"{day(9).isoformat()}..{day(10).isoformat()}", ""))
    assert [e.day.date for e in got] == [day(9)]  # one given before, one the season's: none new


def test_whatif_adds_a_tournament_over_several_days(tmp_path):
    small(tmp_path)
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    r = run("whatif", "s.season.json", "--new", "Cup weekend", "--add-competition", "Cup",
            f"{day(15).isoformat()}..{day(16).isoformat()}", "A", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Add competition 'Cup' (A) from " in r.stdout
    sc = load_season(tmp_path / "s.season.json").scenarios[0]
    assert sc.edits[0]["competition"]["end_date"] == day(16).isoformat()
    r = run("whatif", "s.season.json", "--new", "Backwards", "--add-competition", "Cup",
            f"{day(16).isoformat()}..{day(15).isoformat()}", "A", cwd=tmp_path)
    assert r.returncode == 1 and "--add-competition" in r.stderr
    assert "the last day" in r.stderr and "is before the first" in r.stderr
    r = run("whatif", "s.season.json", "--new", "Open", "--add-competition", "Cup",
            f"{day(16).isoformat()}..", "A", cwd=tmp_path)
    assert r.returncode == 1 and "has no last day" in r.stderr
    end = load_season(tmp_path / "s.season.json").calendar.end
    r = run("whatif", "s.season.json", "--new", "Late", "--add-competition", "Cup",
            f"{end.isoformat()} .. {(end + dt.timedelta(days=2)).isoformat()}", "A", cwd=tmp_path)
    assert r.returncode == 1 and "--add-competition" in r.stderr, r.stderr
    assert "is outside the season" in r.stderr and "competitions[" not in r.stderr
    # the days as the app writes them, not 2027-03-09 (2027-03-01 to 2027-03-05)
    cal, late = load_season(tmp_path / "s.season.json").calendar, end + dt.timedelta(days=2)
    span = f"({text.day_long(cal.start)} to {text.day_long(cal.end)})"
    assert f"Cup: {text.day_long(late)} is outside the season {span}" in r.stderr, r.stderr
    r = run("whatif", "s.season.json", "--new", "Moved", "--move-competition", "Match 1",
            late.isoformat(), cwd=tmp_path)
    assert r.returncode == 1 and f"{text.day_long(late)} is outside the season {span}" in r.stderr, r.stderr


def test_bad_v2_input_is_located_and_nothing_is_written(tmp_path):
    s = small(tmp_path)
    bad = s.model_copy(update={
        "roles": (MatchRole(competition="nope", athlete="A2", role="out"),),
        "injuries": (s.injuries[0].model_copy(update={"tests": (
            CriteriaTest(date=day(0), name="Vertical jump", value=40),)}),)})
    path = tmp_path / "bad.season.json"
    path.write_text(json.dumps({"format": "periodize-season", "schema_version": 2,
                                **json.loads(bad.model_dump_json())}), encoding="utf-8")
    before = path.read_bytes()
    r = run("solve", "bad.season.json", "--save", cwd=tmp_path)
    assert r.returncode == 1
    assert "roles[0].competition: no competition has id 'nope'" in r.stderr
    assert "tests[0].name: 'Vertical jump' is not a criterion" in r.stderr
    assert path.read_bytes() == before


def test_the_same_season_solved_twice_gives_the_same_plan(tmp_path):
    """Two processes with different hash seeds, no stored plan: one season, one plan."""
    import os
    import subprocess
    import sys

    from tests.e2e.test_cli import ROOT

    assert run("demo", "-o", "d.season.json", cwd=tmp_path).returncode == 0
    plans = []
    for seed in ("1", "999"):
        env = {"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": str(tmp_path), "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-m", "ui.cli", "solve", "d.season.json", "--json",
                            f"p{seed}.json"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300, env=env)
        assert r.returncode == 0, r.stderr
        plans.append(json.loads((tmp_path / f"p{seed}.json").read_text())["athletes"])
    assert plans[0] == plans[1]


def test_whatif_help_names_every_protocol_and_explains_each_edit(tmp_path):
    from planner.protocols import available_protocols

    r = run("whatif", "--help", cwd=tmp_path)
    assert r.returncode == 0
    flat = " ".join(r.stdout.split()).replace("- ", "-")  # argparse wraps long words at hyphens
    for pid in available_protocols():
        assert pid in flat
    for option, words in (("--add-competition", "priority A, B or C"), ("--remove-competition", "remove"),
                          ("--priority", "change a competition's priority"), ("--flare-up", "flare-up of")):
        assert option in flat and words in flat
    # one injury per flag: argparse's own "+" read as if several could follow one --injury
    assert "--injury ATHLETE PROTOCOL DATE [STAGE] a new injury" in flat
    assert "[STAGE] [ATHLETE" not in flat and "[--injury ATHLETE PROTOCOL DATE [STAGE]]" in flat


def test_whatif_refuses_a_stage_start_before_the_protocols_minimum_days(tmp_path):
    # A1 entered P3 on day -20: P3, S1, S2 and S3 last at least 21 + 7 + 7 + 7 days, so he can
    # be back to full training on day 22 at the earliest. A pin on day 10 cannot hold; asked
    # anyway it left the scenario without a plan, explained by the pin alone.
    small(tmp_path)
    r = run("whatif", "s.season.json", "--new", "Fast-tracked", "--stage-start", "A1", "FIT",
            day(10).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "cannot start full training before" in r.stderr and "minimum days" in r.stderr
    assert load_season(tmp_path / "s.season.json").scenarios == ()


def test_whatif_refuses_a_role_for_a_match_already_played(tmp_path):
    s = small(tmp_path)
    save_season(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})}),
                tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "Rotate", "--role", "m1", "A2", "bench", "--save",
            cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "is before today" in r.stderr and "changes nothing" in r.stderr
    assert load_season(tmp_path / "s.season.json").scenarios == ()


def test_whatif_refuses_a_role_the_player_has_already(tmp_path):
    """`whatif --role m2 A3 start` for a player who starts Match 2 already was stored as a
    scenario that changes nothing, its objective line read as a gain; refused with the words
    of the app's What-if form."""
    s = small(tmp_path)
    assert s.role_of("A3", "m2") == "start"
    data = (tmp_path / "s.season.json").read_bytes()
    r = run("whatif", "s.season.json", "--new", "Same", "--role", "m2", "A3", "start", "--save",
            cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    name, match = s.athlete("A3").name, s.competition("m2").name
    assert (f"{name} is in the starting line-up for {match} already: choose another role."
            in r.stderr), r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == data
    r = run("whatif", "s.season.json", "--new", "Rest", "--role", "m2", "A3", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    # record: the unchanged role is said and left out, the other change recorded all the same
    r = run("record", "s.season.json", "--role", "m2", "A3", "start", "--role", "m2", "A2", "out",
            "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "the role held already, nothing to record" in r.stderr, r.stderr
    assert load_season(tmp_path / "s.season.json").role_of("A2", "m2") == "out"


def test_a_refused_stage_record_says_the_rehab_history_not_the_files_path(tmp_path):
    """'record --stage' said "injuries[0].stages[1].stage: P3 is followed by P1 …": the coach
    typed a command, not the file (the app's Injuries form says its field's label instead)."""
    s = small(tmp_path)
    save_season(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(14)})}),
                tmp_path / "s.season.json")
    r = run("record", "s.season.json", "--stage", "A1", "P1", day(10).isoformat(), cwd=tmp_path)
    assert r.returncode == 1
    assert "in the rehab history, P3 is followed by P1 without a flare-up" in r.stderr, r.stderr
    assert "injuries[" not in r.stderr


def test_a_season_files_rehab_record_problem_keeps_its_place(tmp_path):
    """The words 'in the rehab history' are for a change typed on the command line; a problem
    of a season file edited by hand keeps its path, the only place it names."""
    s = season(weeks=6, athletes=3, injuries=(injury("A1", "P3", start_day=-20,
                                                     history=(("P2", -30),)),))
    save_season(s, tmp_path / "s.season.json")
    data = json.loads((tmp_path / "s.season.json").read_text())
    stages = data["injuries"][0]["stages"]
    stages[0]["start"], stages[1]["start"] = stages[1]["start"], stages[0]["start"]
    (tmp_path / "s.season.json").write_text(json.dumps(data))
    r = run("check", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "injuries[0].stages[1]" in r.stderr, r.stderr


def test_load_table_values_that_hold_together_are_taken_in_any_order(tmp_path):
    """'LD-1.rpe_70=7 LD-1.rpe_80=8 LD-1.rpe_90=9' was refused at its first value (7 above the
    80 % day's 5 then): the values are checked together; an order that cannot hold is refused."""
    small(tmp_path)
    r = run("record", "s.season.json", "--rule", "LD-1.rpe_70=7", "--rule", "LD-1.rpe_80=8",
            "--rule", "LD-1.rpe_90=9", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "s.season.json").rules.values["LD-1"] == {
        "rpe_70": 7, "rpe_80": 8, "rpe_90": 9}
    r = run("record", "s.season.json", "--rule", "LD-1.rpe_70=9", "--rule", "LD-1.rpe_90=8",
            cwd=tmp_path)
    assert r.returncode == 1 and "would be rated harder" in r.stderr, r.stderr


def test_whatif_on_a_plan_out_of_date_says_the_comparison_counts_the_re_plan(tmp_path):
    """`whatif` on a season whose stored plan breaks hard rules of the season as it is now (an
    absence added, not re-planned) compared the scenario with that plan: a priority change read
    as costing what the pending re-plan costs. It says so first, as the app does."""
    from planner import edits as E
    from planner.season import Unavailability

    small(tmp_path)
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    s = load_season(tmp_path / "s.season.json")
    away = E.AddUnavailability(unavailability=Unavailability(
        athlete="A2", start=day(0), end=day(20), reason="Away")).apply(s)
    save_season(away.model_copy(update={"plan": s.plan}), tmp_path / "s.season.json")
    r = run("whatif", "s.season.json", "--new", "B", "--priority", "m2", "A", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("Note: The current plan is not re-planned since the season changed (Plan Check: "
            in r.stdout), r.stdout
    assert "Re-plan (periodize solve s.season.json --save) first" in r.stdout, r.stdout
    save_season(s, tmp_path / "fresh.season.json")
    r = run("whatif", "fresh.season.json", "--new", "B", "--priority", "m2", "A", cwd=tmp_path)
    assert r.returncode == 0 and "not re-planned" not in r.stdout, r.stdout + r.stderr


def test_whatif_on_a_plan_made_without_days_logged_since_says_so(tmp_path):
    """The README (docs/guide.md now) said `whatif` warns of a plan made without the days logged
    since, as the app does; it never did (it counted none). A day logged with `log --no-replan` is named now."""
    s = small(tmp_path)
    save_season(s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(7)})}),
                tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", cwd=tmp_path).returncode == 0
    r = run("whatif", "s.season.json", "--new", "B", "--priority", "m2", "A", cwd=tmp_path)
    assert r.returncode == 0 and "logged since" not in r.stdout, r.stdout + r.stderr
    (tmp_path / "log.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(3)},50,4\n")
    r = run("log", "s.season.json", "log.csv", "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("whatif", "s.season.json", "--new", "B", "--priority", "m2", "A", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("Note: The plan was made without 1 athlete-day logged since: the comparison counts "
            "the re-plan too. Re-plan (periodize solve s.season.json --save) first") in r.stdout, \
        r.stdout
