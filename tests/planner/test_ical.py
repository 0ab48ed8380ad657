"""iCalendar export: one calendar per athlete with sessions in a player's words, stage changes and
competitions with the athlete's role; escaping, SEQUENCE, and all calendars or none."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import os
import re
import shutil
import subprocess

import pytest
from icalendar import Calendar

import planner.filegroup as fg
from planner.errors import InputError, SaveError
from planner.ical import athlete_calendar, calendar_file_names, export_calendars
from planner.season import Athlete, Competition
from planner.sessions import Prescriber
from planner.timeline import Timeline
from tests.planner.test_xlsx_export import _day, small_plan, small_season

STAMP = dt.datetime(2027, 1, 21, 9, 30, tzinfo=dt.UTC)
RULE_CODE = re.compile(r"\b(?:AV|HV|RH|TP|DL|RE|LD)-[0-9A-Z]+\b|\b(?:RAMP|TEAM|RTS|PIN)\b")


def events(cal: Calendar) -> list:
    return list(cal.walk("VEVENT"))


def by_category(cal: Calendar, category: str) -> list:
    return [e for e in events(cal) if category in [str(c) for c in e.get("categories").cats]]


def _start(e) -> dt.date:
    return e.decoded("dtstart")


def _season():
    base = small_season()
    return base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) if a.id == "A1" else a for a in base.athletes)})


def test_one_parseable_calendar_per_athlete(tmp_path):
    season = _season()
    plan = small_plan(season)
    files = export_calendars(season, plan, tmp_path / "ics", stamp=STAMP)
    # in the board's order (planner.squad): the injured A3 first, the goalkeeper, the defenders
    assert [f.name for f in files] == ["A3 Cy Cedar.ics", "A2 Bo Birch.ics", "A1 Ann Ash.ics",
                                       "A4 Di Dale.ics", "Team.ics"]
    for f in files:
        cal = Calendar.from_ical(f.read_bytes())
        assert str(cal["version"]) == "2.0" and "Periodize" in str(cal["prodid"])
        uids = [str(e["uid"]) for e in events(cal)]
        assert len(uids) == len(set(uids))
        assert all(e.decoded("dtstamp") == STAMP for e in events(cal))
        assert all(int(e["sequence"]) == 0 for e in events(cal))
    assert not [p for p in os.listdir(tmp_path / "ics") if p.startswith(".")]


def test_sessions_are_in_a_players_words_without_rule_codes(tmp_path):
    season = _season()
    plan = small_plan(season)
    tl = Timeline(season)
    days = Prescriber(season, plan).athlete("A1")
    a1 = Calendar.from_ical(athlete_calendar(season, plan, "A1", stamp=STAMP).to_ical())
    training = by_category(a1, "Training")
    speed = [e for e in training if str(e["summary"]).startswith("Speed")]
    want = [tl.days[i] for i, v in enumerate(plan.for_athlete("A1").intensity)
            if v >= 80 and not tl.is_comp[i]]
    assert [_start(e) for e in speed] == want
    first = speed[0]  # Tue 5 Jan, 90 %, max speed 9.0 m/s
    assert str(first["summary"]) == "Speed: 4 × 30 m at 90 % (8.1 m/s)" == days[1].summary
    text = str(first["description"])
    assert days[1].content in text and "Target speed: 8.1 m/s · 29.2 km/h" in text
    assert "75 min · target effort (RPE) 6 of 10" in text and "Load week; MD-4; Tue 5 Jan 2027." in text
    assert "Why this day: " in text
    for e in events(a1):
        assert not RULE_CODE.search(str(e.get("description", ""))), str(e["description"])
        assert not RULE_CODE.search(str(e["summary"]))
    comps = by_category(a1, "Competition")
    assert [(str(e["summary"]), _start(e)) for e in comps] == [
        ("League match 3: you start", _day(5)), ("Cup round 2: you start", _day(9)),
        ("League match 4: you start", _day(12))]
    assert all(e.decoded("dtend") == _start(e) + dt.timedelta(days=1) for e in comps)
    assert by_category(a1, "Rehab") == []  # fit all season
    # a day between two matches names both, as the handouts do ("MD-2" alone read as a lead-in)
    between = next(e for e in training if _start(e) == _day(10))
    assert "Deload week; MD+1 · MD-2; Thu 14 Jan 2027." in str(between["description"])


def _session_days(season, plan, folder, want: dict[str, list[int]]) -> set[str]:
    """Each athlete's calendar holds an event on the days ``want`` gives (day indexes, worked
    out by hand from the test season), with the session's name and what to do, and none on any
    other day; the contexts of the season's days."""
    tl = Timeline(season)
    files = export_calendars(season, plan, folder, stamp=STAMP)
    p = Prescriber(season, plan, to_player=True)
    kinds = set()
    for f in files[:-1]:  # the team's last
        aid = f.name.split()[0]
        cal = Calendar.from_ical(f.read_bytes())
        days = p.athlete(aid)
        got = {_start(e): e for e in events(cal) if "-session-" in str(e["uid"])}
        assert sorted(got) == [tl.days[i] for i in want[aid]], aid
        kinds |= {d.context for d in days}
        for i in want[aid]:
            e = got[tl.days[i]]
            assert str(e["summary"]) == days[i].summary
            assert days[i].content.split("\n")[0] in str(e["description"])
            assert e.decoded("dtend") == tl.days[i] + dt.timedelta(days=1)
        uids = [str(e["uid"]) for e in events(cal)]
        assert len(uids) == len(set(uids))
    return kinds


def test_a_players_calendar_holds_every_day_she_has_a_session_and_no_rest_day(tmp_path):
    """A player's calendar held her matches and speed days only, not the team's Tuesday and
    Thursday training: not her week. Every day with a session (team training, recovery,
    activation, speed) is an all-day event with the session's name and what to do as the
    handout says it; rest days (the winter break) and days away are none; the UIDs are one an
    event."""
    from tests.exports.test_handout import _winter_break

    season = _season()  # 17 days from a Monday; matches on days 5, 9 and 12; A2 away 14-15
    # the team trains Monday to Saturday (the calendar's default); a match day is its own event
    team = [d for d in range(17) if d % 7 != 6 and d not in (5, 9, 12)]
    want = {"A1": sorted(team + [6, 13]),  # the plan's 80 % speed session on both Sundays
            "A2": [d for d in team if d not in (14, 15)],  # away (Illness)
            "A4": team,
            # injured (INJ) on days 0-1: no session; P1 from day 2 (a match day in P1, the 5th:
            # the match's event alone); P2 from day 9 on every day, its matches and Sunday too
            "A3": [2, 3, 4, 7, 8] + list(range(9, 17))}
    assert {"recovery", "speed", "unavailable", "rest"} <= _session_days(
        season, small_plan(season), tmp_path / "a", want)
    winter = _winter_break(range(7, 21))  # 28 days, matches on days 5 and 26, days off 7-20
    team = [d for d in range(28) if d % 7 != 6 and d not in (5, 26) and not 7 <= d <= 20]
    assert {"team", "activation", "rest"} <= _session_days(winter, winter.plan, tmp_path / "b",
                                                           {"A1": team, "A2": team})
    cal = Calendar.from_ical((tmp_path / "b" / "A1 Athlete 1.ics").read_bytes())
    assert [str(e["summary"]) for e in events(cal) if _start(e) == _day(1)] == [
        "Team training: up to 70 %"]
    assert not [e for e in events(cal) if _day(7) <= _start(e) <= _day(20)]  # the break


def test_a_team_day_says_its_session_and_a_speed_day_why(tmp_path):
    """Every team training, recovery and activation day carried the explainer's reasons, most of
    them of the speed days around it ("A speed day on Mon 3 Aug leaves no room for another speed
    day here" on a 70 % team session): 4 times the events and 5 times the bytes of before on the
    demo. A team day says the session's name and what to do; a speed day still says why."""
    season = _season()
    cal = Calendar.from_ical(athlete_calendar(season, small_plan(season), "A1", stamp=STAMP).to_ical())
    sessions = {_start(e): e for e in events(cal) if "-session-" in str(e["uid"])}
    team = [e for e in sessions.values() if "-team-" in str(e["uid"])]
    speed = [e for e in sessions.values() if "-speed-" in str(e["uid"])]
    assert team and speed
    assert all(str(e["summary"]).startswith("Recovery: ") for e in team)
    assert not [e for e in team if "Why this day" in str(e["description"])]
    assert all("Why this day: " in str(e["description"]) for e in speed)


def test_rehab_stages_and_sessions_for_an_injured_athlete(tmp_path):
    season = _season()
    plan = small_plan(season)
    a3 = Calendar.from_ical(athlete_calendar(season, plan, "A3", stamp=STAMP).to_ical())
    rehab = by_category(a3, "Rehab")
    stages = [(str(e["summary"]), _start(e)) for e in rehab if "stage" in str(e["uid"])]
    assert stages == [("Injured: no running", _day(0)), ("Rehab stage P1 starts", _day(2)),
                      ("Rehab stage P2 starts", _day(9))]
    p2 = next(str(e["description"]) for e in rehab if _start(e) == _day(9) and "stage" in str(e["uid"]))
    assert "running up to 70 % of your max speed" in p2 and "Concentric and eccentric loading" in p2
    assert "Kicking: short passes; change of direction: planned, at most 45 degrees." in p2
    sessions = [e for e in rehab if "session" in str(e["uid"])]
    assert sessions and all(str(e["summary"]).startswith(
        ("Rehab P1: no running", "Rehab P2: 6 × 80 m at", "Rehab P2, day between: 4 × 60 m at"))
        for e in sessions)
    # the tendinopathy's P2 alternates loading days and days between (docs/sessions.md)
    between = [e for e in sessions if "day between" in str(e["summary"])]
    # after the condition a provisional day waits on, said first as on the handout's row
    assert between and all(re.sub(r"^Provisional[^\n]*\n", "", str(e["description"])).startswith(
        "Between loading days: ") for e in between)
    comps = by_category(a3, "Competition")
    assert all(str(e["summary"]).endswith(": in rehab, not playing") for e in comps)


def test_a_multi_day_competition_spans_its_days():
    base = _season()
    season = base.model_copy(update={"competitions": base.competitions + (
        Competition(id="t", name="Tournament", date=_day(14), end_date=_day(16), priority="A"),)})
    cal = athlete_calendar(season, small_plan(season), "A2", stamp=STAMP)
    (t,) = [e for e in events(cal) if str(e["summary"]).startswith("Tournament")]
    assert (_start(t), t.decoded("dtend")) == (_day(14), _day(17))
    assert str(t["summary"]) == "Tournament: away"  # A2 is unavailable from day 14


def test_anonymised_calendars_name_no_one_and_no_protocol(tmp_path):
    from planner.protocols import load_protocol

    season = _season()
    files = export_calendars(season, small_plan(season), tmp_path, anonymise=True, stamp=STAMP)
    assert [f.name for f in files] == ["A3.ics", "A2.ics", "A1.ics", "A4.ics", "Team.ics"]
    cals = [Calendar.from_ical(f.read_bytes()) for f in files]
    # the file's text and its events' words unfolded (a line folded at 75 octets splits a word)
    text = "\n".join([c.to_ical().decode() for c in cals] + [
        str(e.get(k, "")) for c in cals for e in events(c) for k in ("summary", "description")])
    proto = load_protocol("iliopsoas-tendinopathy")
    secrets = [a.name for a in season.athletes] + [proto.id, proto.name] + [
        s.title for s in proto.stages] + [c.name for s in proto.stages for c in s.criteria]
    for secret in secrets:
        assert secret not in text, secret
    assert "Rehab stage P2 starts" in text and "running up to 70 % of your max speed" in text


def test_file_names_are_safe_and_unique():
    base = small_season()
    season = base.model_copy(update={"athletes": base.athletes + (
        Athlete(id="k1", name="Kim/Lee: ?*"), Athlete(id="K1", name="kim/lee: ?*"))})
    names = calendar_file_names(season)
    assert names["k1"] == "k1 Kim_Lee_ _.ics" and names["K1"] == "K1 kim_lee_ _ (2).ics"
    assert len({n.casefold() for n in names.values()}) == len(names)


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\x0b\x1f"], ids=repr)
def test_a_line_break_in_a_name_is_escaped_not_a_crash(tmp_path, brk):
    base = _season()
    season = base.model_copy(update={
        "name": f"River{brk}side",
        "athletes": tuple(a.model_copy(update={"name": f"Ann{brk}Ash"}) if a.id == "A1" else a
                          for a in base.athletes),
        "competitions": tuple(c.model_copy(update={"name": f"League{brk}match 3"}) if c.id == "l3" else c
                              for c in base.competitions)})
    files = export_calendars(season, small_plan(season), tmp_path / "ics", stamp=STAMP)
    assert len(files) == 5  # and Team.ics
    for f in files:
        raw = f.read_bytes()
        lines = raw.split(b"\r\n")
        assert b"\r" not in raw.replace(b"\r\n", b"") and b"\n" not in raw.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in lines)  # folded (RFC 5545 3.1)
        cal = Calendar.from_ical(raw)
        for e in events(cal):
            assert "\n" not in str(e["summary"]) and "\r" not in str(e["summary"])
    a1 = Calendar.from_ical((tmp_path / "ics" / files[2].name).read_bytes())
    assert str(a1["x-wr-calname"]) == "River side: Ann Ash (A1)"
    assert "League match 3: you start" in [str(e["summary"]) for e in events(a1)]


def test_sequence_grows_only_for_an_event_that_changed(tmp_path):
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    export_calendars(season, plan, folder, stamp=STAMP)  # unchanged: every SEQUENCE stays 0
    path = folder / "A1 Ann Ash.ics"
    before = {str(e["uid"]): e for e in events(Calendar.from_ical(path.read_bytes()))}
    assert {int(e["sequence"]) for e in before.values()} == {0}
    a1 = plan.for_athlete("A1")
    it = list(a1.intensity)
    it[1] = 95  # Tuesday's session changes from 90 to 95 %
    changed = plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": tuple(it)}) if a.athlete == "A1" else a for a in plan.athletes)})
    export_calendars(season, changed, folder, stamp=STAMP)
    after = {str(e["uid"]): e for e in events(Calendar.from_ical(path.read_bytes()))}
    assert set(after) == set(before)  # the same UIDs: a calendar app updates, never duplicates
    moved = [u for u, e in after.items() if int(e["sequence"]) == 1]
    assert len(moved) == 1 and moved[0].endswith("session-2027-W01-speed-1@periodize")
    assert str(after[moved[0]]["summary"]).startswith("Speed: 4 × 30 m at 95 %")
    export_calendars(season, changed, folder, stamp=STAMP)  # again unchanged: stays at 1
    again = {str(e["uid"]): int(e["sequence"]) for e in events(Calendar.from_ical(path.read_bytes()))}
    assert again[moved[0]] == 1


def test_a_full_disk_leaves_every_old_calendar_as_it_was(tmp_path, monkeypatch):
    season = _season()
    folder = tmp_path / "ics"
    export_calendars(season, small_plan(season), folder, stamp=STAMP)
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = fg._write_temp
    calls = []

    def full(folder_, name, data):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(folder_, name, data)

    monkeypatch.setattr(fg, "_write_temp", full)
    with pytest.raises(SaveError, match="No space left on device.*no file was changed"):
        export_calendars(season, small_plan(season), folder, stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old  # and no temporary file


def test_a_file_that_cannot_be_replaced_leaves_every_old_calendar(tmp_path, monkeypatch):
    season = _season()
    folder = tmp_path / "ics"
    export_calendars(season, small_plan(season), folder, stamp=STAMP)
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = os.replace

    def immutable(src, dst):  # what an immutable (chattr +i) or locked file does
        if os.fspath(src).endswith("A1 Ann Ash.ics"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", immutable)
    with pytest.raises(SaveError, match="A1 Ann Ash.ics: could not be replaced"):
        export_calendars(season, small_plan(season), folder, stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old


def test_a_killed_exports_temporary_files_go_at_the_next_export(tmp_path):
    """An export killed while writing left '.A1 Ann Ash.ics.XXXXXXXX.tmp' in the folder for
    good, even after a full re-export; single-file saves already removed such leftovers."""
    season = _season()
    folder = tmp_path / "ics"
    folder.mkdir()
    last = sorted(calendar_file_names(season).values())[-1]
    stale = [folder / ".A1 Ann Ash.ics.4oq_hbnx.tmp", folder / f".{last}.ab12cd34.tmp"]
    for f in stale:
        f.write_text("BEGIN:VCALENDAR")  # half a calendar, as kill -9 leaves it
    other = folder / ".notes.txt.ab12cd34.tmp"  # no file of this export's: not its business
    other.write_text("x")
    written = export_calendars(season, small_plan(season), folder, stamp=STAMP)
    assert not any(f.exists() for f in stale) and other.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([other.name, *(p.name for p in written)])


def test_a_live_exports_temporary_files_are_locked_against_another_exports_clean_up(tmp_path):
    """Two exports into one folder at once: the one starting second removes only temporary
    files no writer holds, so the first one's are never pulled from under it."""
    from planner.safefile import clean_stale_temps

    tmp = fg._write_temp(tmp_path, "A1 Ann Ash.ics", b"BEGIN:VCALENDAR")
    try:
        if os.name == "posix":
            assert clean_stale_temps(tmp_path, "A1 Ann Ash.ics") == 0 and os.path.exists(tmp.path)
    finally:
        tmp.close()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or shutil.which("chattr") is None,
                    reason="a real immutable file needs root and chattr")
def test_a_real_immutable_calendar_leaves_the_others_untouched(tmp_path):
    season = _season()
    folder = tmp_path / "ics"
    export_calendars(season, small_plan(season), folder, stamp=STAMP)
    target = folder / "A1 Ann Ash.ics"
    if subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode != 0:
        pytest.skip("this file system does not support chattr +i")
    try:
        old = {p.name: p.read_bytes() for p in folder.iterdir()}
        with pytest.raises(SaveError):
            export_calendars(season, small_plan(season), folder,
                             stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC))
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == old
    finally:
        subprocess.run(["chattr", "-i", str(target)], capture_output=True)


def test_a_file_in_the_way_is_a_located_error(tmp_path):
    season = small_season()
    (tmp_path / "ics").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        export_calendars(season, small_plan(season), tmp_path / "ics")
    with pytest.raises(InputError, match="does not exist"):
        export_calendars(season, small_plan(season), tmp_path / "no" / "ics")


def test_a_plan_that_no_longer_fits_the_season_is_refused(tmp_path):
    season = small_season()
    plan = small_plan(season)
    longer = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"end": season.calendar.end + dt.timedelta(days=7)})})
    with pytest.raises(InputError, match="solve again"):
        export_calendars(longer, plan, tmp_path / "ics")
    assert not (tmp_path / "ics").exists()


def test_a_returner_held_out_until_the_re_entry_sessions_is_not_told_he_was_dropped():
    """Leo Martin is back from rehab on 2 Sep; with RE-1 asking 5 team sessions before a match,
    he does not play on 5 Sep. A held-out returner's calendar said "not in the squad", unlike his
    sheet, his handout and `explain`, which give the re-entry reason."""
    from planner.edits import SetRuleValue
    from solver import SolveRequest, solve
    from tests.exports.demo import solved_demo

    season = SetRuleValue(rule="RE-1", param="team_sessions", value=5).apply(solved_demo())
    season = season.model_copy(update={"plan": solve(SolveRequest(season, time_limit=60,
                                                                  deterministic=True)).plan})
    tl = Timeline(season)
    f = Prescriber(season, season.plan).facts("A12")
    held = [i for i in range(tl.n) if tl.is_comp[i] and f.st[i] == "FIT" and not f.played[i]
            and i not in f.off and not f.ready[i]]
    assert held, "the demo's returner sits out a match for RE-1"
    cal = athlete_calendar(season, season.plan, "A12", stamp=STAMP)
    comps = {_start(e): str(e["summary"]) for e in by_category(cal, "Competition")}
    for i in held:
        assert comps[tl.days[i]].endswith(": not yet (re-entry sessions first)"), comps[tl.days[i]]


def test_left_over_names_only_files_no_output_of_this_command_wrote(tmp_path):
    """The folder's other files of the kind are named (an earlier export's); those this export
    wrote, and the command's other outputs there (a board PDF in the handouts folder), are not."""
    from planner.filegroup import left_over

    for name in ("A1.pdf", "board.pdf", "A1 Old Name.pdf", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    text = left_over(tmp_path, [tmp_path / "A1.pdf"], "PDF file", (tmp_path / "board.pdf", None))
    assert text.startswith("The folder also holds 1 other PDF file ('A1 Old Name.pdf')")
    assert "It was left as it was; remove it before you share the folder." in text
    assert left_over(tmp_path, [tmp_path / "A1.pdf", tmp_path / "A1 Old Name.pdf"], "PDF file",
                     (tmp_path / "board.pdf",)) == ""


def test_a_stage_begun_by_a_flare_up_says_its_stepped_down_kicking_and_change_of_direction():
    """After a flare-up the days' kicking and change of direction are the stage's before it until
    the stage's minimum (the day events say so), but the "Rehab stage S3 starts" event gave S3's
    own "Kicking: full kicks; change of direction: reactive" alone."""
    from planner import text
    from planner.protocols import load_protocol
    from tests.builders import day, flared_from_s3

    flare = 3
    s = flared_from_s3(flare)  # solved and checked
    proto = load_protocol("iliopsoas-tendinopathy")
    s2, s3 = proto.stage("S2"), proto.stage("S3")
    days = Prescriber(s, s.plan).athlete("A1")
    last = flare + s3.min_days - 1  # the flare-up restarts S3's minimum
    assert all(p.stage == "S3" for p in days[flare:last + 2])
    assert days[last].kicking == s2.kicking and days[last + 1].kicking == s3.kicking
    cal = athlete_calendar(s, s.plan, "A1", stamp=STAMP)
    (ev,) = [e for e in by_category(cal, "Rehab") if str(e.get("summary")) == "Rehab stage S3 starts"]
    assert _start(ev) == day(flare)
    said = str(ev.get("description"))
    assert f"Kicking: {s3.kicking}; change of direction: {s3.cod}." in said
    assert (f"After the flare-up of {text.day(day(flare))}, kicking and change of direction are "
            f"S2's until {text.day(day(last))} (kicking: {s2.kicking}; change of direction: "
            f"{s2.cod}), then S3's own.") in said, said
    # anonymised: the stage's limits are not said, nor the step-down
    anon = athlete_calendar(s, s.plan, "A1", stamp=STAMP, anonymise=True)
    assert not any("After the flare-up" in str(e.get("description")) for e in events(anon))


def _stepped_days(days) -> list[int]:
    return [i for i, p in enumerate(days) if "stepped down a stage" in p.note]


@pytest.mark.parametrize(("stage", "then"), [("FIT", "then full training from"),
                                              ("S2", "then stage S2 from")])
def test_a_step_down_cut_short_names_what_follows_not_the_stages_own(stage, then):
    """S3 after a flare-up on day 3 (minimum 7 days) ends on day 9: the physio records FIT, or a
    second flare-up sends him back to S2. The "Rehab stage S3 starts" event promised "then S3's
    own" though no S3 day follows: it names what does, and its last stepped-down day is the
    last whose session note says so."""
    from planner import text
    from tests.builders import day, flared_in_s3_then

    flare, on = 3, 9
    s = flared_in_s3_then(stage, on, flare)  # solved and checked
    days = Prescriber(s, s.plan).athlete("A1")
    assert [p.stage for p in days[flare:on + 1]] == ["S3"] * (on - flare) + [stage]
    stepped = [i for i in _stepped_days(days) if i < on]
    assert stepped, [(p.context, p.level) for p in days[flare:on]]
    cal = athlete_calendar(s, s.plan, "A1", stamp=STAMP)
    (ev,) = [e for e in by_category(cal, "Rehab") if str(e.get("summary")) == "Rehab stage S3 starts"]
    said = str(ev.get("description"))
    assert (f"After the flare-up of {text.day(day(flare))}, kicking and change of direction are "
            f"S2's until {text.day(day(stepped[-1]))} (kicking: ") in said, said
    assert f"), {then} {text.day(day(on))}." in said, said
    assert "then S3's own" not in said


def test_a_stage_whose_days_are_all_calm_says_no_step_down():
    """The physio records FIT on day 6 after a flare-up on day 3: every S3 day is the flare-up's,
    a calm day or a rest day, none with stepped-down limits, and the stage event said "S2's
    until Sat 9 Jan …, then S3's own" with no S3 day after it."""
    from tests.builders import flared_in_s3_then

    s = flared_in_s3_then("FIT", 6)
    days = Prescriber(s, s.plan).athlete("A1")
    assert {p.context for p in days[3:6]} <= {"flare-up", "calm", "rest"}
    assert not _stepped_days(days)
    cal = athlete_calendar(s, s.plan, "A1", stamp=STAMP)
    (ev,) = [e for e in by_category(cal, "Rehab") if str(e.get("summary")) == "Rehab stage S3 starts"]
    assert "After the flare-up" not in str(ev.get("description"))


def test_a_group_that_cannot_be_written_leaves_every_older_bak(tmp_path, monkeypatch):
    """The calendars replaced are kept as NAME.bak (an export over the coach's own files, or
    the handouts' PDFs): a group that failed had already moved each .bak on."""
    from planner.safefile import can_keep

    season = _season()
    folder = tmp_path / "ics"
    export_calendars(season, small_plan(season), folder, stamp=STAMP)
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        (folder / f"{name}.bak").write_text("older")
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = os.replace

    def immutable(src, dst):
        if os.fspath(src).endswith("A1 Ann Ash.ics"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(src, dst)

    assert all(can_keep(folder / name) for name in names)
    monkeypatch.setattr(os, "replace", immutable)
    with pytest.raises(SaveError, match="could not be replaced"):
        export_calendars(season, small_plan(season), folder, stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC),
                         keep=frozenset(names))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old  # no temporary file either
    monkeypatch.undo()
    export_calendars(season, small_plan(season), folder, stamp=dt.datetime(2027, 2, 1, tzinfo=dt.UTC),
                     keep=frozenset(names))
    assert all((folder / f"{n}.bak").read_bytes() == old[n] for n in names)


def test_a_stage_begun_by_a_flare_up_whose_stage_below_has_the_same_limits_says_no_step_down():
    """Back to S2 after a flare-up in S3 (iliopsoas: S1's kicking and change of direction are
    S2's): the "Rehab stage S2 starts" event said "kicking and change of direction are S1's until
    …, then S2's own", a change that was none."""
    from tests.builders import day, flared_back_to_s2

    s = flared_back_to_s2(3)  # solved and checked
    cal = athlete_calendar(s, s.plan, "A1", stamp=STAMP)
    (ev,) = [e for e in by_category(cal, "Rehab") if str(e.get("summary")) == "Rehab stage S2 starts"]
    assert _start(ev) == day(3)
    said = str(ev.get("description"))
    assert "Kicking: medium kicks; change of direction: planned." in said, said
    assert "After the flare-up" not in said and "S1's" not in said, said
    assert not any("stepped down" in str(e.get("description")) for e in events(cal))


def test_the_flare_ups_session_event_describes_the_stage_it_was_run_in():
    """A 100 % session run in S3 and recorded as a flare-up that day (back to S2): the day's event
    read "Rehab S3: …" and "Your stage, S3 Controlled sprinting: …medium kicks, planned change of
    direction" (S2's title and words) beside S3's limits. The words are S3's, as the session."""
    from planner.protocols import load_protocol
    from planner.season import Session
    from tests.builders import day, flared_in_a_logged_s3_session

    d = 3
    # the calm day after it is a match he logged 90 minutes in, at 100 %
    s = flared_in_a_logged_s3_session(d, (Session(
        athlete="A1", date=day(5), minutes=95, rpe=8, top_speed_pct=100, minutes_played=90),))
    proto = load_protocol("iliopsoas-tendinopathy")
    s2, s3 = proto.stage("S2"), proto.stage("S3")
    cal = athlete_calendar(s, s.plan, "A1", stamp=STAMP)
    # a past day logged: what was logged first, the S3 session planned beside it
    (ev,) = [e for e in events(cal) if _start(e) == day(d) and str(e.get("summary")).startswith(
        "Logged: ") and "— planned: rehab S3:" in str(e.get("summary"))]
    said = str(ev.get("description"))
    assert f"Your stage, S3 {s3.title}: {s3.content}" in said, said
    assert s2.title not in said and s2.content not in said, said
    assert f"Kicking: {s3.kicking}; change of direction: {s3.cod}." in said, said
    # the match day he logged carries what was logged, never a session of S2 nobody ran
    match = [str(e.get("summary")) for e in events(cal) if _start(e) == day(5)]
    assert any(m.startswith("Match 1: played 90 min (logged)") for m in match), match
    assert not any(m.startswith("Rehab") for m in match), match
    assert any(m.startswith("Logged 100 %, 90 min played") for m in match), match


# -- updates: a re-planned session, a dropped one, calendars written before ----------------------
def _replanned(plan, athlete: str, levels: dict[int, int]):
    """``plan`` with ``athlete``'s intensity set on the days of ``levels``."""
    it = list(plan.for_athlete(athlete).intensity)
    for i, v in levels.items():
        it[i] = v
    return plan.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": tuple(it)}) if a.athlete == athlete else a
        for a in plan.athletes)})


def _rfc_problems(raw: bytes) -> list[str]:
    """What a calendar app could trip on (RFC 5545): CRLF lines of at most 75 octets, no UTF-8
    character split by folding, one UID, DTSTAMP and DTSTART an event, a DTEND after the
    DTSTART, each UID once."""
    out = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        out.append("no final CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line or len(line) > 75:
            out.append(f"line {n}: a bare line break or {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            out.append(f"line {n} splits a UTF-8 character")
    seen = set()
    for e in events(Calendar.from_ical(raw)):
        names = [k for k, _ in e.property_items(recursive=False)]
        out += [f"{e.get('summary')}: not one {name}" for name in ("UID", "DTSTAMP", "DTSTART")
                if names.count(name) != 1]
        if e.decoded("dtend") <= _start(e):
            out.append(f"{e.get('summary')}: DTEND not after DTSTART")
        if str(e["uid"]) in seen:
            out.append(f"UID {e['uid']} twice")
        seen.add(str(e["uid"]))
    return out


def _read(path) -> dict[str, object]:
    raw = path.read_bytes()
    assert _rfc_problems(raw) == []
    return {str(e["uid"]): e for e in events(Calendar.from_ical(raw))}


def _exported_once(tmp_path):
    """The test season's calendars exported once into ``tmp_path/ics``: (season, plan, folder,
    A1's calendar file)."""
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    return season, plan, folder, folder / "A1 Ann Ash.ics"


def _thursday_speed_session(tmp_path):
    """A1's calendar exported once: the season, plan, folder, file, its events by UID and the UID
    of his Thursday speed session."""
    season, plan, folder, path = _exported_once(tmp_path)
    before = _read(path)
    (thu,) = [u for u, e in before.items() if _start(e) == _day(3) and "session" in u]
    return season, plan, folder, path, before, thu


def test_a_session_moved_within_its_week_is_the_same_event_updated(tmp_path):
    """A re-plan moved Thursday's 95 % session to Wednesday: its UID was by date, so an imported
    calendar kept Thursday's beside Wednesday's. Now it is the week's second speed session, the
    same UID at the next SEQUENCE on its new day."""
    season, plan, folder, path, before, thu = _thursday_speed_session(tmp_path)
    export_calendars(season, _replanned(plan, "A1", {3: 0, 2: 95}), folder, stamp=STAMP)
    after = _read(path)
    assert set(after) == set(before)
    assert (_start(after[thu]), int(after[thu]["sequence"])) == (_day(2), 1)
    assert str(after[thu]["summary"]).startswith("Speed: 4 × 30 m at 95 %")
    # Wednesday's team training is Thursday's now: the week's same team event, on its new day
    (wed,) = [u for u, e in before.items() if _start(e) == _day(2) and "-team-" in u]
    assert (_start(after[wed]), int(after[wed]["sequence"])) == (_day(3), 1)
    # the others keep their day (Tuesday's words may change: its reasons name the week's sessions)
    assert {u: _start(e) for u, e in after.items() if u not in (thu, wed)} == {
        u: _start(e) for u, e in before.items() if u not in (thu, wed)}
    assert not [e for e in after.values() if e.get("status")]


def test_a_dropped_session_is_cancelled_once_and_gone_a_week_after_its_day(tmp_path):
    """A session the re-plan dropped was left out of the file, so an imported calendar kept it.
    It is written once more as CANCELLED at the next SEQUENCE, its day and words kept, until a
    week after its day; the week's other sessions are untouched."""
    season, plan, folder, path, before, thu = _thursday_speed_session(tmp_path)
    dropped = _replanned(plan, "A1", {3: 0})
    for _ in range(2):  # cancelled once: the next export keeps it as it is
        export_calendars(season, dropped, folder, stamp=STAMP)
        after = _read(path)
        assert str(after[thu]["status"]) == "CANCELLED" and int(after[thu]["sequence"]) == 1
        assert str(after[thu]["summary"]).startswith("Cancelled: Speed: 4 × 30 m at 95 %")
        assert _start(after[thu]) == _day(3)
        assert [u for u, e in after.items() if e.get("status")] == [thu]
        # the day is a team session at 0 %, a recovery: a new event beside the cancelled one
        (new,) = set(after) - set(before)
        assert "-team-" in new and _start(after[new]) == _day(3)
        assert str(after[new]["summary"]).startswith("Recovery")
        assert {u: _start(e) for u, e in after.items() if u != new} == {
            u: _start(e) for u, e in before.items()}

    def today(i):
        return season.model_copy(update={"calendar": season.calendar.model_copy(
            update={"today": _day(i)})})

    export_calendars(today(10), dropped, folder, stamp=STAMP)  # its day + 7: still said
    assert str(_read(path)[thu]["status"]) == "CANCELLED"
    export_calendars(today(11), dropped, folder, stamp=STAMP)
    assert thu not in _read(path)


def test_a_calendar_with_date_uids_is_updated_not_cancelled_and_added(tmp_path):
    """A calendar written while session UIDs named their day (SEASON-ATHLETE-session-DATE): its
    events are continued under their own UIDs, a moved session updated, none cancelled."""
    season, plan, folder, path = _exported_once(tmp_path)
    cal = Calendar.from_ical(path.read_bytes())
    # a calendar of then held no team sessions
    cal.subcomponents = [e for e in cal.subcomponents if "-team-" not in str(e.get("uid", ""))]
    for e in events(cal):
        key = str(e.pop("X-PERIODIZE-KEY"))
        e.pop("uid")
        if key.startswith("session-"):
            key = f"session-{_start(e).isoformat()}"
        e.add("uid", f"riverside-u19-a1-{key}@periodize")
    for name in [k for k in cal if k.startswith("X-PERIODIZE")]:
        cal.pop(name)
    path.write_bytes(cal.to_ical())
    before = _read(path)
    export_calendars(season, _replanned(plan, "A1", {3: 0, 2: 95}), folder, stamp=STAMP)
    after = _read(path)
    assert set(before) < set(after)  # the team sessions added, each with a new UID
    assert all("-team-" in u for u in set(after) - set(before))
    after = {u: e for u, e in after.items() if u in before}
    thu = "riverside-u19-a1-session-2027-01-07@periodize"  # the calendar of before's
    assert (_start(after[thu]), int(after[thu]["sequence"])) == (_day(2), 1)
    # the others keep their day (Tuesday's words may change: its reasons name the week's sessions)
    assert {u: _start(e) for u, e in after.items() if u != thu} == {
        u: _start(e) for u, e in before.items() if u != thu}
    assert not [e for e in after.values() if e.get("status")]


def test_a_renamed_season_keeps_every_uid(tmp_path):
    """The season's name was in every UID: "First Team" added to it turned each event into a new
    one, twice over in an imported calendar. The UIDs begin with the season's first day, in a
    new folder as in the folder of before."""
    season = _season()
    plan = small_plan(season)
    export_calendars(season, plan, tmp_path / "ics", stamp=STAMP)
    before = _read(tmp_path / "ics" / "A1 Ann Ash.ics")
    assert all(u.startswith("season-2027-01-04-a1-") for u in before)
    renamed = season.model_copy(update={"name": "Riverside U19 First Team"})
    for folder in ("ics", "fresh"):
        export_calendars(renamed, plan, tmp_path / folder, stamp=STAMP)
        after = _read(tmp_path / folder / "A1 Ann Ash.ics")
        assert set(after) == set(before)
        assert {int(e["sequence"]) for e in after.values()} == {0}


def test_the_folders_uid_prefix_is_kept_for_new_events(tmp_path):
    """Calendars written while UIDs began with the season's name keep it, for their events and
    for one the plan adds (a new competition), in every athlete's calendar."""
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    for path in folder.iterdir():
        raw = path.read_bytes().replace(b"season-2027-01-04", b"riverside-u19")
        path.write_bytes(re.sub(rb"X-PERIODIZE-UID-PREFIX:[^\r]*\r\n", b"", raw))
    cup = Competition(id="c3", name="Cup round 3", date=_day(15), priority="B")
    more = season.model_copy(update={"name": "Renamed", "competitions": season.competitions + (cup,)})
    export_calendars(more, small_plan(more), folder, stamp=STAMP)
    for path in folder.iterdir():
        uids = _read(path)
        assert all(u.startswith(("riverside-u19-", "riverside-u19.team-")) for u in uids), path.name
        assert any(u.endswith("-competition-c3@periodize") for u in uids)


@pytest.mark.parametrize("header", [True, False])
def test_last_seasons_calendars_in_the_folder_are_not_taken_over(tmp_path, header):
    """Next season exported into last season's folder took its UIDs (the folder's prefix, each
    competition's key): last season's League match 1 was updated a year on at SEQUENCE 1 and
    left the players' calendar apps. A calendar of another season's first day (said in its
    header; in one written before the header, by its days: all outside this season) is not
    continued: this season's events are new ones beside it, said once."""
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    assert b"X-PERIODIZE-SEASON-START:2027-01-04\r\n" in (folder / "A1 Ann Ash.ics").read_bytes()
    for path in folder.iterdir():  # last season's: every date and the prefix a year earlier
        raw = path.read_bytes().replace(b"2027", b"2026")
        if not header:  # as written before the season's first day was said
            raw = re.sub(rb"X-PERIODIZE-SEASON-START:[^\r]*\r\n", b"", raw)
        path.write_bytes(raw)
    last = _read(folder / "A1 Ann Ash.ics")
    assert any(u.endswith("-competition-l3@periodize") for u in last)
    notes: list[str] = []
    export_calendars(season, plan, folder, stamp=STAMP, notes=notes)
    assert notes == [f"The calendars in {folder} are of another season: this season's events are "
                     f"new ones beside them."]
    for path in folder.iterdir():
        cal = Calendar.from_ical(path.read_bytes())
        assert str(cal["X-PERIODIZE-UID-PREFIX"]) == "season-2027-01-04", path.name
        assert all(str(e["uid"]).startswith("season-2027-01-04") for e in events(cal)), path.name
        assert {int(e["sequence"]) for e in events(cal)} == {0}
        assert not [e for e in events(cal) if e.get("status")]  # last season's not cancelled
    assert not set(_read(folder / "A1 Ann Ash.ics")) & set(last)
    again: list[str] = []  # this season's now: continued, nothing said
    export_calendars(season, plan, folder, stamp=STAMP, notes=again)
    assert again == []


def test_start_moved_a_week_earlier_uids_kept_no_another_season_sentence(tmp_path):
    """The coach brought pre-season forward a week: the calendars said the first day a week
    later, and every one was "of another season": every UID new, nothing cancelled, every event
    twice in the players' apps. Overlapping seasons are one season: its events are continued."""
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    for path in folder.iterdir():  # as written when the season began a week later
        raw = path.read_bytes().replace(b"START:2027-01-04", b"START:2027-01-11")
        path.write_bytes(raw.replace(b"season-2027-01-04", b"season-2027-01-11"))
    assert b"X-PERIODIZE-SEASON-START:2027-01-11\r\n" in (folder / "A1 Ann Ash.ics").read_bytes()
    before = {p.name: set(_read(p)) for p in folder.iterdir()}
    notes: list[str] = []
    export_calendars(season, plan, folder, stamp=STAMP, notes=notes)
    assert notes == []
    for path in folder.iterdir():
        after = _read(path)
        assert set(after) == before[path.name], path.name
        assert str(Calendar.from_ical(path.read_bytes())["X-PERIODIZE-UID-PREFIX"]) == \
            "season-2027-01-11"
        assert b"X-PERIODIZE-SEASON-START:2027-01-04\r\n" in path.read_bytes()


def test_one_calendar_of_another_season_among_this_seasons_is_named(tmp_path):
    """One player's calendar of another season copied among this season's made the export say
    every calendar in the folder was of another season. It names his, and says the others are
    continued (their UIDs kept); all of another season is the sentence about all."""
    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP)
    ann = folder / "A1 Ann Ash.ics"
    ann.write_bytes(ann.read_bytes().replace(b"2027", b"2026"))  # last season's
    before = set(_read(folder / "A2 Bo Birch.ics"))
    notes: list[str] = []
    export_calendars(season, plan, folder, stamp=STAMP, notes=notes)
    assert notes == [f"Ann Ash (A1)'s calendar in {folder} is of another season: their events this "
                     f"season are new ones beside it; the 3 others are continued."]
    assert set(_read(folder / "A2 Bo Birch.ics")) == before
    for path in folder.glob("A[23]*.ics"):
        path.write_bytes(path.read_bytes().replace(b"2027", b"2026"))
    two: list[str] = []
    export_calendars(season, plan, folder, stamp=STAMP, notes=two)
    assert two == [f"Bo Birch (A2)'s and Cy Cedar (A3)'s calendars in {folder} are of another "
                   f"season: their events this season are new ones beside them; the 2 others are "
                   f"continued."]


def test_a_calendar_without_the_header_keeps_the_events_of_this_season(tmp_path):
    """A calendar written before the season's first day was in its header, of this season: its
    events in the season's days are continued under their UIDs; one wholly outside them (a
    friendly of the season before's last days, left in the file) is not cancelled."""
    season, plan, folder, path = _exported_once(tmp_path)
    cal = Calendar.from_ical(path.read_bytes())
    cal.pop("X-PERIODIZE-SEASON-START")
    old = next(e for e in events(cal) if str(e["uid"]).endswith("-competition-l3@periodize"))
    before = copy.deepcopy(old)
    for name in ("uid", "dtstart", "dtend", "X-PERIODIZE-KEY"):
        before.pop(name)
    before.add("uid", "season-2027-01-04-a1-competition-x0@periodize")
    before.add("dtstart", season.calendar.start - dt.timedelta(days=3))
    before.add("dtend", season.calendar.start - dt.timedelta(days=2))
    before.add("X-PERIODIZE-KEY", "competition-x0")
    cal.add_component(before)
    path.write_bytes(cal.to_ical())
    kept = _read(path)
    notes: list[str] = []
    export_calendars(season, plan, folder, stamp=STAMP, notes=notes)
    after = _read(path)
    assert notes == []
    assert set(after) == set(kept) - {"season-2027-01-04-a1-competition-x0@periodize"}
    assert {int(e["sequence"]) for e in after.values()} == {0}


def test_an_export_into_a_folder_without_earlier_calendars_says_so(tmp_path):
    """SEQUENCE is continued, and a dropped session cancelled, only from the calendars in the
    folder: exported into a new one each week, nothing was an update, and nothing said so."""
    from planner.ical import no_earlier_calendars

    season = _season()
    folder = tmp_path / "ics"
    said = ("No earlier calendars in {}: export into the folder the players' calendars were made "
            "from, so changed sessions update them rather than appear twice.")
    assert no_earlier_calendars(season, folder) == said.format(folder)  # not even made
    folder.mkdir()
    (folder / "A1 Ann Ash.ics").write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//EN\r\n"
                                            b"END:VCALENDAR\r\n")  # not one of Periodize's
    assert no_earlier_calendars(season, folder) == said.format(folder)
    export_calendars(season, small_plan(season), folder, stamp=STAMP)
    assert no_earlier_calendars(season, folder) == ""
    # the anonymised calendars are other files: the named ones are not continued in them
    assert no_earlier_calendars(season, folder, anonymise=True) == said.format(folder)


def test_the_file_format_docs_quote_the_no_earlier_calendars_notice_once(tmp_path):
    """docs/file-format.md's iCalendar section said the "No earlier calendars in FOLDER" notice
    twice (once cut short, once whole): it says it once, in the export's own words."""
    from pathlib import Path

    from planner.ical import no_earlier_calendars

    doc = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text("utf-8")
    section = " ".join(doc.split("## iCalendar", 1)[1].split("\n## ", 1)[0].split())
    assert section.count("No earlier calendars in") == 1, section.count("No earlier calendars in")
    assert no_earlier_calendars(_season(), "FOLDER") in section


def test_the_staffs_calendar_holds_the_teams_weeks_days_off_blocks_and_matches(tmp_path):
    """Nothing held the team's deload and taper weeks, the days off or the matches once for the
    staff. Team.ics does, each spanning its days, continued and cancelled as a player's."""
    from planner.season import Block, NonTrainingDay

    base = _season()
    season = base.model_copy(update={
        "calendar": base.calendar.model_copy(update={"non_training_days": (
            NonTrainingDay(date=_day(6), reason="Club day"), NonTrainingDay(date=_day(13), reason="Break"),
            NonTrainingDay(date=_day(14), reason="Break"))}),
        "blocks": (Block(name="Pre-season; phase 1", start=_day(0), end=_day(6)),)})
    plan = small_plan(season)  # load, deload, taper
    folder = tmp_path / "ics"
    files = export_calendars(season, plan, folder, stamp=STAMP)
    assert files[-1] == folder / "Team.ics"
    cal = Calendar.from_ical(files[-1].read_bytes())
    assert str(cal["x-wr-calname"]) == "Riverside U19: team"
    team = _read(files[-1])
    got = sorted((_start(e), e.decoded("dtend"), str(e["summary"])) for e in team.values())
    assert got == [
        (_day(0), _day(7), "Block: Pre-season; phase 1"),
        (_day(5), _day(6), "League match 3 (priority C)"),
        (_day(6), _day(7), "No training: Club day"),
        (_day(7), _day(14), "Deload week"),
        (_day(9), _day(10), "Cup round 2 (priority B)"),
        (_day(12), _day(13), "League match 4 (priority C)"),
        (_day(13), _day(15), "No training: Break"),  # two days, one event
        (_day(14), _day(17), "Taper week"),
    ]
    a1 = _read(folder / "A1 Ann Ash.ics")
    assert not set(team) & set(a1)  # no UID of a player's
    # a competition removed is cancelled in the staff's calendar as in the players'
    fewer = season.model_copy(update={"competitions": season.competitions[:2]})
    export_calendars(fewer, small_plan(fewer), folder, stamp=STAMP)
    after = _read(folder / "Team.ics")
    assert set(after) == set(team)
    (l4,) = [e for e in after.values() if "League match 4" in str(e["summary"])]
    assert str(l4["status"]) == "CANCELLED" and str(l4["summary"]) == "Cancelled: League match 4 (priority C)"


def test_the_staffs_calendar_never_takes_an_athletes_file_name():
    from planner.ical import folder_file_names, team_file_name

    base = small_season()
    season = base.model_copy(update={"athletes": base.athletes + (Athlete(id="team", name="T"),)})
    assert team_file_name(season) == "Team.ics"
    assert team_file_name(season, anonymise=True) == "Team (2).ics"  # "team.ics" is the athlete's
    names = folder_file_names(season, anonymise=True)
    assert len({n.casefold() for n in names}) == len(names) == len(season.athletes) + 1


def test_a_team_ics_of_the_coachs_own_is_left_and_the_staffs_calendar_is_team_2(tmp_path):
    """A calendar of the coach's own named Team.ics in the folder (Google's) refused the whole
    export unless --replace: the staff's calendar is now Team (2).ics beside it, said, and the
    next export continues it there; with his file gone, Team.ics is the staff's again."""
    from planner.ical import coachs_team_files, team_file_name, team_file_words
    from ui.outputkinds import strangers_in_folder

    season = _season()
    plan = small_plan(season)
    mine = tmp_path / "Team.ics"
    google = b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//EN\r\nEND:VCALENDAR\r\n"
    mine.write_bytes(google)
    assert team_file_name(season, folder=tmp_path) == "Team (2).ics"
    assert strangers_in_folder(season, tmp_path, "ics", anonymise=False) == []  # nothing to ask
    files = export_calendars(season, plan, tmp_path, stamp=STAMP)
    assert files[-1].name == "Team (2).ics" and mine.read_bytes() == google
    assert team_file_words(season, tmp_path) == (
        f"Team.ics in {tmp_path} is not Periodize's calendar and is left as it is: the staff's "
        f"calendar is Team (2).ics.")
    assert coachs_team_files(season, tmp_path) == [mine]
    first = {str(e["uid"]) for e in events(Calendar.from_ical(files[-1].read_bytes()))}
    again = export_calendars(season, plan, tmp_path, stamp=STAMP)
    cal = Calendar.from_ical(again[-1].read_bytes())
    assert again[-1].name == "Team (2).ics" and {str(e["uid"]) for e in events(cal)} == first
    assert all(int(e["sequence"]) == 0 for e in events(cal))  # continued, not made anew
    (tmp_path / "Team (3).ics").write_bytes(google)  # a name of the coach's is never taken
    mine.unlink()
    assert team_file_name(season, folder=tmp_path) == "Team.ics"
    assert team_file_words(season, tmp_path) == ""
    (tmp_path / "Team (2).ics").write_bytes(google)
    mine.write_bytes(google)
    assert team_file_name(season, folder=tmp_path) == "Team (4).ics"
    assert team_file_words(season, tmp_path).startswith(
        f"Team (2).ics, Team (3).ics and Team.ics in {tmp_path} are not Periodize's calendars "
        f"and are left as they are: the staff's calendar is Team (4).ics.")


@pytest.mark.parametrize("anonymise", [False, True])
def test_a_player_who_left_has_no_match_from_then_and_one_gone_all_season_no_calendar(tmp_path, anonymise):
    """A sold player's calendar kept every match to the season's end ("League match 4: out of
    the squad"), and one who left before the season got a calendar of nothing: the matches from
    the day he left are gone (an earlier calendar's cancelled), and a player gone all season has
    no file. Read before anonymising, which drops the absences' reasons."""
    import planner.edits as E
    from planner.season import Unavailability
    from planner.squad import LEFT_REASON

    season = _season()
    plan = small_plan(season)
    folder = tmp_path / "ics"
    export_calendars(season, plan, folder, stamp=STAMP, anonymise=anonymise)
    a1 = calendar_file_names(season, anonymise)["A1"]
    before = {str(e["summary"]).split(":")[0] for e in events(Calendar.from_ical((folder / a1).read_bytes()))
              if e.get("categories") is None or "session" not in str(e["uid"])}
    assert {"League match 3", "Cup round 2", "League match 4"} <= before
    left = E.LeaveSquad(athlete="A1", leaves=_day(9)).apply(season.model_copy(update={"plan": plan}))
    gone = left.model_copy(update={"unavailability": left.unavailability + (Unavailability(
        athlete="A4", start=season.calendar.start, end=season.calendar.end, reason=LEFT_REASON),)})
    files = export_calendars(gone, gone.plan, folder, stamp=STAMP, anonymise=anonymise)
    names = calendar_file_names(season, anonymise)
    assert names["A4"] not in [f.name for f in files] and names["A1"] in [f.name for f in files]
    live = {str(e["summary"]) for e in events(Calendar.from_ical((folder / a1).read_bytes()))
            if e.get("status") is None}
    cancelled = {str(e["summary"]) for e in events(Calendar.from_ical((folder / a1).read_bytes()))
                 if str(e.get("status")) == "CANCELLED"}
    assert any(s.startswith("League match 3") for s in live)
    assert not any(s.startswith(("Cup round 2", "League match 4")) for s in live)
    assert any(s.startswith("Cancelled: Cup round 2") for s in cancelled)


def test_a_signings_calendar_has_no_match_before_the_day_he_joined(tmp_path):
    """A signing's calendar held the 23 matches before he joined, each "League match 1: away"
    (read as an away fixture): a match on a day not with the squad is no event of his."""
    import planner.edits as E
    from planner.season import Athlete

    season = _season()
    plan = small_plan(season)
    joined = E.AddAthlete(athlete=Athlete(id="A9", name="New Signing", position="Forward"),
                          joins=_day(9)).apply(season.model_copy(update={"plan": plan}))
    # his row as a solve plans it (Add athlete lists it as not planned yet: no calendar at all)
    joined = joined.model_copy(update={"plan": joined.plan.model_copy(update={"unplanned": ()})})
    files = export_calendars(joined, joined.plan, tmp_path / "ics", stamp=STAMP)
    (mine,) = [f for f in files if f.name.startswith("A9 ")]
    summaries = [str(e["summary"]) for e in events(Calendar.from_ical(mine.read_bytes()))]
    assert not any(s.startswith("League match 3") for s in summaries), summaries  # day 5: before
    assert any(s.startswith("Cup round 2") for s in summaries)  # day 9: his first day
    assert any(s.startswith("League match 4") for s in summaries)


def test_a_return_on_a_day_the_team_does_not_train_is_back_on_its_first_session(tmp_path):
    """A Tuesday/Thursday team's player read "Back to full training" on his first FIT day, a
    Friday, while every other place said "back to full training Tue 12 Jan (fit from Fri 8 Jan)".
    The calendar puts the return on that session and says the FIT day for what it is; the FIT
    day's event keeps its UID, so a calendar imported before is updated, not doubled."""
    from tests.planner.test_returns import _tue_thu, make
    from tests.planner.test_returns import plan as rehab_plan

    def rehab(season, folder):
        export_calendars(season, rehab_plan(), folder, stamp=STAMP)
        cal = Calendar.from_ical((folder / calendar_file_names(season)["A1"]).read_bytes())
        return {str(e["uid"]): e for e in by_category(cal, "Rehab") if "stage" in str(e["uid"])}

    folder = tmp_path / "ics"
    every_day = rehab(make(), folder)  # trains Mon-Sat: the FIT day is the session
    assert [(str(e["summary"]), _start(e)) for e in every_day.values()] == [
        ("In rehab stage S3", _day(0)), ("Back to full training", _day(4))]
    tue_thu = rehab(_tue_thu(), folder)
    said = sorted((_start(e), str(e["summary"]), int(e["sequence"])) for e in tue_thu.values())
    assert said == [(_day(0), "In rehab stage S3", 0), (_day(4), "Rehab done: fit", 1),
                    (_day(8), "Back to full training", 0)]
    assert set(every_day) < set(tue_thu)  # the FIT day's event updated under its UID
    _, fit_day, back = sorted(tue_thu.values(), key=_start)
    assert "first session, Tue 12 Jan 2027" in str(fit_day["description"])
    assert str(back["description"]).startswith(
        "Back to full training Tue 12 Jan 2027 (fit from Fri 8 Jan): every session and match")
    assert not [e for e in events(Calendar.from_ical(
        (folder / calendar_file_names(make())["A1"]).read_bytes())) if "CANCELLED" in str(e.get("status", ""))]


def test_ids_that_differ_only_in_dropped_characters_share_no_uid(tmp_path):
    """"Ñ-9" and "9", "U20/07" and "U20-07" gave one slug: the same UIDs in two players' calendars,
    one player's events written over the other's in a shared calendar. An id the slug keeps whole
    (but for lower case) keeps its UIDs, so a subscribed calendar does not duplicate its events."""
    base = small_season()
    ids = {"A1": "Ñ-9", "A2": "9", "A3": "U20/07", "A4": "U20-07"}
    season = base.model_copy(update={
        "athletes": tuple(a.model_copy(update={"id": ids[a.id]}) for a in base.athletes),
        "unavailability": tuple(u.model_copy(update={"athlete": ids[u.athlete]})
                                for u in base.unavailability),
        "injuries": tuple(i.model_copy(update={"athlete": ids[i.athlete]}) for i in base.injuries),
        "competitions": base.competitions + (
            Competition(id="C/7", name="Friendly 1", date=_day(3), priority="C"),
            Competition(id="c-7", name="Friendly 2", date=_day(4), priority="C"))})
    plan = small_plan(base)
    plan = plan.model_copy(update={"athletes": tuple(
        ap.model_copy(update={"athlete": ids[ap.athlete]}) for ap in plan.athletes)})
    files = export_calendars(season, plan, tmp_path / "ics", stamp=STAMP)
    where: dict[str, list[str]] = {}
    for f in files:
        for u in {str(e["uid"]) for e in events(Calendar.from_ical(f.read_bytes()))}:
            where.setdefault(u, []).append(f.name)
    assert len(files) == 5
    assert {u: w for u, w in where.items() if len(w) > 1} == {}
    team = [u for u, w in where.items() if w == ["Team.ics"] and "-competition-" in u]
    assert len([u for u in team if "competition-c-7" in u]) == 2  # "c-7" kept, "C/7" hashed
    assert any(u.endswith("-9-competition-l3@periodize") for u in where)  # "9": as before
    assert any(u.endswith("-u20-07-competition-l3@periodize") for u in where)


def _flat(value) -> str:
    return str(value).replace("\u00a0", " ")


def test_a_provisional_run_says_on_the_calendar_what_the_handout_says_it_waits_on():
    """Isaac Boateng (A19) moves P2 → P3 before passing P2's Hamstring strength LSI: his handout
    said "Provisional: only once Hamstring strength LSI ≥ 75 % is passed (…; ask the physio)" on
    those days, his phone calendar "Rehab P3: 4 × 30 m at 90 %" with no condition at all."""
    from planner.protocols import load_protocol
    from planner.returns import provisional_days
    from planner.text import day
    from tests.exports.demo import solved_demo

    season = solved_demo()
    plan, tl = season.plan, Timeline(season)
    st = plan.for_athlete("A19").stages
    move = next(i for i in range(1, tl.n) if st[i] == "P3" and st[i - 1] == "P2")
    prov = provisional_days(season, plan)["A19"]
    assert prov[move]
    mark = load_protocol(season.injury_of("A19").protocol).stage("P2").criteria[0].mark
    whole = (f"Provisional: only once {mark} is passed (the move P2 → P3, {day(tl.days[move])}; "
             f"ask the physio).")
    cal = athlete_calendar(season, plan, "A19", stamp=STAMP)
    starts = [e for e in by_category(cal, "Rehab") if _start(e) == tl.days[move]
              and str(e["summary"]) == "Rehab stage P3 starts"]
    assert len(starts) == 1 and _flat(starts[0]["description"]).startswith(whole + "\n")
    sessions = [e for e in by_category(cal, "Rehab") if str(e["summary"]).startswith("Rehab P")
                or str(e["summary"]).startswith("Rehab S")]
    waiting = [e for e in sessions if prov[tl.index(_start(e))] and " at " in str(e["summary"])
               and int(re.search(r" at (\d+) %", str(e["summary"]))[1]) >= 60]
    assert len(waiting) > 3
    # each event says the condition itself (a phone shows one event: "see Mon 16 Nov" sent the
    # player to another): the run's first in full, with the move, the later ones short
    short = f"Provisional: only once {mark} is passed — ask the physio.\n"
    texts = [_flat(e["description"]) for e in sorted(waiting, key=_start)
             if tl.index(_start(e)) >= move and st[tl.index(_start(e))] == "P3"]
    assert len(texts) > 3 and texts[0].startswith(whole + "\n"), texts[0]
    assert all(x.startswith(short) for x in texts[1:]), texts
    assert not any("Provisional (see" in _flat(e["description"]) for e in sessions)
    # a day not waiting on a test says nothing of one
    assert not any("Provisional" in str(e.get("description", "")) for e in sessions
                   if not prov[tl.index(_start(e))])
    # anonymised as the anonymised handout words it: the move kept, no test named
    anon = athlete_calendar(season, plan, "A19", anonymise=True, stamp=STAMP)
    said = [_flat(e["description"]) for e in by_category(anon, "Rehab")
            if _start(e) == tl.days[move] and "description" in e]
    assert said and all(x.startswith("Provisional: only once a criteria test is passed (the move "
                                     f"P2 → P3, {day(tl.days[move])}; ask the physio).\n")
                        for x in said)
    assert not any("Hamstring" in str(e.get("description", "")) for e in events(anon))


def test_a_session_logged_today_on_a_provisional_day_keeps_the_condition_on_the_calendar():
    """Today's event is the session planned: a session logged today (its handout row says what
    was logged, with no condition) left the phone's event of a provisional run without the
    condition it waits on."""
    from planner.returns import provisional_days
    from planner.season import Session
    from tests.exports.demo import solved_demo

    season = solved_demo()
    plan, tl = season.plan, Timeline(season)
    st, it = plan.for_athlete("A19").stages, plan.for_athlete("A19").intensity
    move = next(i for i in range(1, tl.n) if st[i] == "P3" and st[i - 1] == "P2")
    prov = provisional_days(season, plan)["A19"]
    k = next(i for i in range(move + 1, tl.n) if prov[i] and it[i] >= 60)
    today = season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": tl.days[k]})})
    logged = today.model_copy(update={"sessions": today.sessions + (
        Session(athlete="A19", date=tl.days[k], minutes=45, rpe=5),)})

    def said(s):
        (e,) = [e for e in by_category(athlete_calendar(s, plan, "A19", stamp=STAMP), "Rehab")
                if _start(e) == tl.days[k] and not str(e["summary"]).startswith("Rehab stage")]
        return _flat(e["description"])

    assert said(today).startswith("Provisional: only once ")
    assert said(logged).split("\n")[0] == said(today).split("\n")[0]


def test_every_past_day_says_what_was_logged_or_that_nothing_was():
    """A past day logged as planned kept the plan's summary ("Recovery: no running" on a day
    logged 90 min at RPE 6) while a day logged above the plan read "Logged: …": a phone showed
    a mix of plan and log, and a missed day the plan without a word. Every past day logged now
    reads as logged, the plan in its description; one with nothing logged says how it counts;
    the days from today are the plan's."""
    from planner import edits as E
    from planner.season import Calendar, Session
    from tests.planner.test_xlsx_export import END, START

    today = _day(8)
    season = small_season(calendar=Calendar(start=START, end=END, today=today))
    logs = {("A1", 1): (60, 6, 90), ("A1", 2): (90, 6, None), ("A1", 3): (45, 5, None),
            ("A3", 7): (30, 3, None)}
    season = E.LogSessions(sessions=tuple(
        Session(athlete=a, date=_day(i), minutes=m, rpe=r, top_speed_pct=top)
        for (a, i), (m, r, top) in logs.items())).apply(season)
    # planned all along, or first planned today (the days before it hold no plan's load)
    for first, unlogged in ((START, "Not logged: counted as planned."),
                            (today, "Before the plan, nothing logged: not counted.")):
        plan = small_plan(season).model_copy(update={"planned_from": first})
        seen = set()
        for aid in ("A1", "A3"):
            for e in events(athlete_calendar(season, plan, aid, stamp=STAMP)):
                if "-session-" not in str(e["uid"]):
                    continue
                i, summary, said = (_start(e) - START).days, str(e["summary"]), str(e["description"])
                if (aid, i) in logs:
                    m, r, top = logs[aid, i]
                    words = f"Logged: {m} min, RPE {r}" + (f", top speed {top} %" if top else "")
                    assert summary.startswith(f"{words} — planned: "), summary
                    assert said.startswith(words) and "\nPlanned: " in said, said
                    seen.add((aid, i))
                elif _start(e) < today:
                    assert not summary.startswith("Logged") and said.startswith(unlogged), said
                    seen.add((aid, "unlogged"))
                else:  # from today: the plan, as before
                    assert not summary.startswith("Logged") and "logged" not in said.lower(), said
                    seen.add((aid, "ahead"))
        assert seen >= set(logs) | {(a, k) for a in ("A1", "A3") for k in ("unlogged", "ahead")}


def test_the_files_are_written_as_icalendar_writes_them():
    """The export writes each calendar's lines itself (icalendar's writer took 12 s for 40
    athletes over a season): every event is what icalendar writes, byte for byte: escaping,
    CRLF, folding at 75 octets, never inside a character nor after an escaping backslash."""
    from planner.ical import _Events, _header

    season = _season()
    cal = _header(season, "Rïverside: Ann Ash", "Ann's plan, from Periodize; a test", "season-x")
    out = _Events(cal, "season-x-a1", STAMP, {})
    texts = []
    for n in range(55, 160, 3):
        for tail in ("\\N", "\\\\;", "^x", ",;:", "é", "€ü", "\r\nline\rtwo\n"):
            texts.append("a" * n + tail + "b" * (n % 7))
            texts.append("ß" * (n // 3) + tail + "x" * (n % 5))
    for i, text in enumerate(texts):
        day = _day(i % 20)
        out.add(f"session-{i}", day, text, text * (i % 3), "Training", day + dt.timedelta(days=i % 2))
    out._event("old-uid", "old-key", _day(1), _day(2), 3, "Cancelled: x", "", "Rehab", "m",
               cancelled=True)
    assert out.ics() == out.calendar().to_ical()
    assert b"STATUS:CANCELLED" in out.ics() and b"\xc3\x9f" in out.ics()
    assert _rfc_problems(out.ics()) == []


def test_an_export_continued_and_cancelled_writes_what_icalendar_would(tmp_path, monkeypatch):
    """A squad's export goes through no icalendar event (the slow writer), and writes what
    icalendar writes for the same calendar: a first export, then one that cancels a session."""
    import planner.ical as ical

    season, plan, folder, path, before, thu = _thursday_speed_session(tmp_path)
    previous = path.read_bytes()
    dropped = _replanned(plan, "A1", {3: 0})

    class NoEvent:
        def __init__(self):
            raise AssertionError("an icalendar Event built for an export")

    with monkeypatch.context() as m:
        m.setattr(ical, "Event", NoEvent)
        export_calendars(season, dropped, folder, stamp=STAMP)
    assert str(_read(path)[thu]["status"]) == "CANCELLED"
    assert path.read_bytes() == athlete_calendar(season, dropped, "A1", stamp=STAMP,
                                                 previous=previous).to_ical()


@pytest.mark.parametrize("anonymise", [False, True])
def test_a_session_logged_on_a_day_away_or_a_rest_day_is_on_the_calendar(anonymise):
    """Review 279: Sam Okafor logged 30 min at RPE 2 on each day of his international duty; the
    handout and the workbook said "Logged: 30 min, RPE 2. International duty …", his calendar
    had nothing on those days. A session logged is an event as on any other past day logged:
    what was done, then what the plan had (away, a rest day); a day away with nothing logged
    stays without one. Anonymised, the day away has no reason."""
    from planner import edits as E
    from planner.handout import Handouts
    from planner.season import Calendar, Session
    from tests.planner.test_xlsx_export import END, START

    season = small_season(calendar=Calendar(start=START, end=END, today=_day(16)))
    plan = small_plan(season)
    tl = Timeline(season)
    rest = next(i for i in range(14) if Prescriber(season, plan).day("A4", i).context == "rest")
    logs = {("A2", 14): (30, 2), ("A4", rest): (40, 3)}
    season = E.LogSessions(sessions=tuple(
        Session(athlete=a, date=_day(i), minutes=m, rpe=r) for (a, i), (m, r) in logs.items())).apply(season)
    handouts = Handouts(season, plan, anonymise=anonymise)
    for (aid, i), (m, r) in logs.items():
        row = handouts.past_day(aid, i)
        assert row.logged_said == f"Logged: {m} min, RPE {r}"  # the handout's row
        cal = athlete_calendar(season, plan, aid, stamp=STAMP, anonymise=anonymise)
        on = [e for e in events(cal) if _start(e) == tl.days[i]]
        assert len(on) == 1, (aid, i, [str(e["summary"]) for e in on])
        summary, said = str(on[0]["summary"]), str(on[0]["description"])
        assert summary.startswith(f"Logged: {m} min, RPE {r} — planned: ")
        assert said.startswith(f"Logged: {m} min, RPE {r}.\nPlanned: ")
        if aid == "A2":
            assert summary.endswith("planned: away")
            assert ("Unavailable: no running load planned." if anonymise else
                    "Illness: no running load planned.") in said
            assert ("Illness" in said) != anonymise
    # the day after, away and nothing logged: no event, as before
    a2 = athlete_calendar(season, plan, "A2", stamp=STAMP, anonymise=anonymise)
    assert not [e for e in events(a2) if _start(e) == _day(15)]
