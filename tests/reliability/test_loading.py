"""Loading never crashes and every rejection is located (issue 15, items 6, 7 and the size
limits): scenario edits validated on load, damaged recovery metadata, oversized documents."""

from __future__ import annotations

import json

import pytest

from planner.errors import InputError
from planner.seasonfile import SCHEMA_VERSION, loads, season_from_dict, season_to_dict
from tests.builders import season
from tests.e2e.test_cli import run as run_cli  # in this process: what a command says is tested
from tests.reliability.hostile import ROOT


def _with_scenario(edits) -> dict:
    data = season_to_dict(season(weeks=2))
    data["scenarios"] = [{"name": "Broken", "edits": edits}]
    return data


# -- 6. scenario edits ------------------------------------------------------------------------------
@pytest.mark.parametrize(("edits", "message"), [
    ([{"op": "explode"}], "op: 'explode' is not an edit Periodize knows"),
    ([{"competition": "m0"}], "op: missing"),
    (["move"], "'move' is not an object; write it as { ... }"),
    ([{"op": "move_competition", "competition": "m0", "date": "2027-01-09"}, {"op": "move_competition"}],
     "scenarios[0].edits[1] (scenario 'Broken', edit 2): move_competition.competition: missing"),
    ([{"op": "add_scenario", "name": "inner", "edits": []}], "changes the scenarios"),
])
def test_a_scenario_edit_that_is_not_an_edit_is_refused_on_load_with_its_place(edits, message):
    with pytest.raises(InputError) as err:
        season_from_dict(_with_scenario(edits), "s.season.json")
    text = str(err.value)
    assert text.startswith("s.season.json: ") and "scenarios[0].edits[" in text and message in text


def test_every_command_refuses_such_a_season_with_its_place(tmp_path):
    (tmp_path / "s.season.json").write_text(json.dumps(_with_scenario([{"op": "explode"}])))
    for args in (("solve", "s.season.json", "--time-limit", "10"), ("whatif", "s.season.json", "--list")):
        r = run_cli(*args, cwd=tmp_path)
        assert r.returncode == 1 and "unexpected error" not in r.stderr
        assert "s.season.json: scenarios[0].edits[0] (scenario 'Broken', edit 1): op: 'explode'" in r.stderr


# -- sizes, nesting, damaged old files -------------------------------------------------------------------
def test_lists_beyond_the_hard_limits_are_refused_before_validation():
    data = season_to_dict(season(weeks=2))
    data["athletes"] = [{"id": f"A{i}", "name": "x"} for i in range(1001)]
    data["pins"] = [{}] * 100_001
    data["competitions"] = [{}] * 2001  # as the coach workbook's Competitions sheet
    with pytest.raises(InputError) as err:
        season_from_dict(data, "big")
    assert "athletes: 1,001 entries; at most 1,000 are possible" in str(err.value)
    assert "competitions: 2,001 entries; at most 2,000 are possible" in str(err.value)
    assert "pins: 100,001 entries; at most 100,000 are possible" in str(err.value)


@pytest.mark.parametrize("injuries", [5, "text", [[1, 2]], [{"stages": 7}], [{"stages": [{"tests": 3}]}]])
def test_a_damaged_schema_1_file_is_located_not_a_crash(injuries):
    data = season_to_dict(season(weeks=2))
    data["schema_version"] = 1
    data["injuries"] = injuries
    with pytest.raises(InputError) as err:
        season_from_dict(data, "old.season.json")
    assert str(err.value).startswith("old.season.json: ")


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 100_000, "1" * 10_000_000])
def test_pathological_json_is_located(text):
    with pytest.raises(InputError) as err:
        loads(text, "x.season.json")
    assert str(err.value).startswith("x.season.json: ")


def test_a_schema_version_that_is_true_is_not_a_version():
    data = season_to_dict(season(weeks=1))
    data["schema_version"] = True
    with pytest.raises(InputError, match="schema_version: True is not a version number"):
        season_from_dict(data)


# -- 7. a damaged recovery metadata file never stops the app starting --------------------------------------
@pytest.mark.parametrize("meta", [
    "[1,2]", '{"path":123}', '{"path":["a"],"name":{"x":1},"saved_at":5}', "null", '"text"',
    '{"saved_at":"not a date","name":""}', '{"path":"a\\u0000b"}', "{" * 50_000, "\x00\xff",
    '{"saved_at":"9999-12-31T23:59:59"}',
])
def test_find_recoveries_survives_any_metadata(tmp_path, monkeypatch, meta):
    from ui.desktop.recovery import find_recoveries

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "123-abc.season.json").write_text((ROOT / "templates" / "demo.season.json").read_text())
    (folder / "123-abc.json").write_bytes(meta.encode("utf-8", "surrogatepass") if isinstance(meta, str) else meta)
    recs = find_recoveries()
    assert len(recs) == 1
    rec = recs[0]
    assert rec.original is None or isinstance(rec.original.name, str)
    assert isinstance(rec.name, str) and rec.saved_at is not None
    assert rec.load().name  # the copy itself is fine


class _Interaction:
    """The coach answers yes to the recovery question; the warnings are kept."""

    def __init__(self):
        self.warned: list[str] = []

    def choose(self, *a):
        return "yes"

    def warn(self, title, text):
        self.warned.append(text)


class _Window:
    def __init__(self):
        self.interaction = _Interaction()


def test_offer_recovery_with_a_damaged_copy_warns_and_keeps_it_aside(tmp_path, monkeypatch):
    """A recovery copy is the coach's only record of unsaved work: a damaged one is moved to the
    unreadable folder (never deleted), the message says where, and it is not offered again."""
    import stat

    from ui.desktop.recovery import find_recoveries, offer_recovery

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "9-x.season.json").write_text("[" * 200_000)
    (folder / "9-x.json").write_text("[1,2]")
    (folder / "9-x.season.json").chmod(0o600)
    window = _Window()
    assert offer_recovery(window) is False
    kept = folder / "unreadable" / "9-x.season.json"
    assert kept.read_text() == "[" * 200_000 and (folder / "unreadable" / "9-x.json").exists()
    assert not (folder / "9-x.season.json").exists()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    (warned,) = window.interaction.warned
    assert "nested more than 64 levels" in warned
    assert warned.endswith(f"The recovery copy is kept, not deleted, and not offered again. It is "
                           f"{kept}.")
    assert "deleted." not in warned.replace("not deleted", "")
    assert find_recoveries() == []  # said once: the next start asks nothing
    window = _Window()
    assert offer_recovery(window) is False and window.interaction.warned == []


def test_a_recovery_copy_the_system_would_not_let_us_read_stays_to_be_offered_again(
        tmp_path, monkeypatch):
    """Permission denied or an I/O error (an antivirus lock, a network home folder) says nothing
    about the copy: it stays where it is and is offered again at the next start, never set aside
    as damaged."""
    from pathlib import Path

    from ui.desktop.recovery import find_recoveries, offer_recovery

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "9-x.season.json").write_text((ROOT / "templates" / "demo.season.json").read_text())
    (folder / "9-x.json").write_text("{}")
    real_open = Path.open

    def refused(self, *args, **kwargs):
        if self.name == "9-x.season.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    window = _Window()
    assert offer_recovery(window) is False
    copy = folder / "9-x.season.json"
    (warned,) = window.interaction.warned
    assert warned == (f"{copy}: cannot be read (Permission denied)\n\nThe recovery copy is kept, "
                      "not deleted, and offered again at the next start (a file the system cannot "
                      f"read now often can be later). It is {copy}.")
    assert copy.exists() and not (folder / "unreadable").exists()
    monkeypatch.undo()
    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    assert [r.key for r in find_recoveries()] == ["9-x"]  # offered again


def test_a_recovery_copy_gone_before_it_is_read_is_never_said_to_be_kept(tmp_path, monkeypatch):
    """Another program deleted the copy between the question and the read: the coach is told it
    is gone, not that it is kept at a path where there is nothing."""
    from ui.desktop.recovery import offer_recovery

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    folder = tmp_path / "recovery"
    folder.mkdir()
    copy = folder / "9-x.season.json"
    copy.write_text((ROOT / "templates" / "demo.season.json").read_text())
    (folder / "9-x.json").write_text("{}")
    window = _Window()

    def yes_then_gone(*_args):
        copy.unlink()
        return "yes"

    window.interaction.choose = yes_then_gone
    assert offer_recovery(window) is False
    (warned,) = window.interaction.warned
    assert warned == (f"The recovery copy {copy} is no longer there (another program moved or "
                      "deleted it): there is nothing to recover.")


def _newer_copy(folder):
    from planner.seasonfile import SCHEMA_VERSION

    data = json.loads((ROOT / "templates" / "demo.season.json").read_text())
    data["schema_version"] = SCHEMA_VERSION + 1
    (folder / "9-x.season.json").write_text(json.dumps(data))
    (folder / "9-x.json").write_text("{}")


def test_a_recovery_copy_of_a_newer_periodize_is_kept_and_offered_again_after_updating(
        tmp_path, monkeypatch):
    """The message says to update Periodize to open the copy: it used to delete it in the same
    breath. It stays where an updated Periodize looks, and is not asked about again until then."""
    from planner import seasonfile
    from ui.desktop.recovery import find_recoveries, offer_recovery

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    folder = tmp_path / "recovery"
    folder.mkdir()
    _newer_copy(folder)
    window = _Window()
    assert offer_recovery(window) is False
    (warned,) = window.interaction.warned
    assert "is newer than this Periodize understands" in warned and "update Periodize" in warned
    assert warned.endswith("The recovery copy is kept, not deleted: update Periodize and it is "
                           f"offered again at the next start. It is {folder / '9-x.season.json'}.")
    assert (folder / "9-x.season.json").exists() and (folder / "9-x.json").exists()
    assert find_recoveries() == []  # not asked again on every start
    window = _Window()
    assert offer_recovery(window) is False and window.interaction.warned == []
    # an updated Periodize offers it again
    monkeypatch.setattr(seasonfile, "SCHEMA_VERSION", seasonfile.SCHEMA_VERSION + 1)
    assert [r.key for r in find_recoveries()] == ["9-x"]


def test_recovery_copies_are_private(tmp_path, monkeypatch, qtbot):
    import stat

    from ui.desktop.document import Document
    from ui.desktop.recovery import Autosaver

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path))
    doc = Document(season(weeks=1))
    saver = Autosaver(doc, interval=60_000)
    doc.set_modified(True)
    try:
        assert saver.tick()
        assert stat.S_IMODE(saver.path.stat().st_mode) == 0o600
        assert stat.S_IMODE((saver.folder / f"{saver.key}.json").stat().st_mode) == 0o600
    finally:
        saver.stop()


@pytest.mark.parametrize("op", [[], {}, 5, 2.5, True])
def test_an_op_that_is_not_text_is_located(op):
    """Found by the fuzzer (soak_fuzz.py): an unhashable op crashed the check."""
    with pytest.raises(InputError, match=r"op: .* is not an edit Periodize knows"):
        season_from_dict(_with_scenario([{"op": op}]), "s.season.json")


def test_a_missing_schema_version_is_said_missing_with_what_to_write():
    """A hand edit that deleted schema_version read "schema_version: None is not a version
    number": Python's None, not what is wrong (it is missing) nor what to write."""
    data = season_to_dict(season(weeks=1))
    del data["schema_version"]
    with pytest.raises(InputError) as e:
        season_from_dict(data, "s.season.json")
    assert e.value.problems == [
        f'schema_version: missing; add "schema_version": {SCHEMA_VERSION} after "format" if the '
        f'file was written by this Periodize, or open a copy saved by Periodize']
    assert "None" not in str(e.value)


def test_a_version_too_old_and_a_number_that_is_nan_say_the_fix():
    data = season_to_dict(season(weeks=1))
    data["schema_version"] = 0
    with pytest.raises(InputError, match="schema_version: 0 is not a version number; a season "
                                         "file has a whole number from 1 to"):
        season_from_dict(data)
    data = json.loads(json.dumps(season_to_dict(season(weeks=1))))
    data["sessions"] = [{"athlete": "A1", "date": data["calendar"]["start"], "minutes": float("nan"),
                         "rpe": 5}]
    with pytest.raises(InputError) as e:
        season_from_dict(data)
    assert e.value.problems == ["sessions[0].minutes: NaN is not a number; write a number"]


def test_a_damaged_season_file_names_its_readable_backup(tmp_path):
    """A season file cut short read 'line 20520, column 4: not valid JSON (Unterminated string
    starting at)', and its good .bak beside it went unmentioned; an empty file read 'Expecting
    value'."""
    from planner.seasonfile import load_season, save_season

    path = tmp_path / "club.season.json"
    save_season(season(weeks=2), path)
    save_season(season(weeks=2).model_copy(update={"name": "Later"}), path)  # the first is .bak now
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:len(text) // 2], encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_season(path)
    (problem,) = err.value.problems
    assert "not valid JSON (" in problem and "damaged or cut short" in problem
    assert "starting at" not in problem and "Unterminated" not in problem
    assert "club.season.json.bak" in err.value.note and "can be read" in err.value.note
    assert str(err.value).endswith(err.value.note)
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_season(path)
    assert "the file is empty" in err.value.problems[0] and "club.season.json.bak" in err.value.note
    (tmp_path / "club.season.json.bak").write_text("{", encoding="utf-8")  # both damaged
    with pytest.raises(InputError) as err:
        load_season(path)
    assert err.value.note == ""


def test_a_season_saved_by_an_editor_in_its_own_encoding_names_the_line_and_the_fix(tmp_path):
    """A name typed in Notepad and saved as 'ANSI' ("Müller" as one byte) read "is not UTF-8 text;
    is it really a .season.json file?": no line, no fix; so did such a file with two byte-order
    marks before its text."""
    from planner.seasonfile import load_season, save_season

    path = tmp_path / "club.season.json"
    s = season(weeks=2)
    save_season(s.model_copy(update={"athletes": (s.athletes[0].model_copy(update={"name": "Tom Müller"}),)
                                     + s.athletes[1:]}), path)
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(InputError) as err:
        load_season(path)
    (problem,) = err.value.problems
    line = path.read_bytes()[:path.read_bytes().index("ü".encode("cp1252"))].count(b"\n") + 1
    assert problem.startswith(f"line {line} (at ")
    assert "Tom Müller" in problem and "save it again as UTF-8" in problem
    # one or two byte-order marks before it (an editor's "UTF-8 with BOM", a file saved so twice,
    # then a byte of another encoding pasted in): the same line and text, not "is it really a
    # .season.json file?"
    body = path.read_bytes()
    for marks in (1, 2):
        path.write_bytes(b"\xef\xbb\xbf" * marks + body)
        with pytest.raises(InputError) as err:
            load_season(path)
        assert list(err.value.problems) == [problem], marks
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # no season at all
    with pytest.raises(InputError, match="is it really a .season.json file"):
        load_season(path)


def test_a_season_with_byte_order_marks_before_its_text_opens(tmp_path):
    """A valid season file saved "with BOM" twice did not open: "not valid JSON (unexpected utf-8
    bom ...); the file is damaged or cut short", though nothing was. Every mark before the text
    is passed over, one or two alike."""
    from planner.seasonfile import load_season, save_season

    path = tmp_path / "club.season.json"
    s = season(weeks=2)
    save_season(s, path)
    body = path.read_bytes()
    for marks in (1, 2, 3):
        path.write_bytes(b"\xef\xbb\xbf" * marks + body)
        assert load_season(path) == s, marks


def test_an_injury_without_a_stage_record_and_a_huge_number_say_where_and_the_fix():
    """An empty stage history read "Tuple should have at least 1 item after validation, not 0",
    also after a refused stage (said twice then); a 5,000-digit number read Python's own
    sentence, cut off, without a place."""
    from tests.builders import injury

    data = json.loads(json.dumps(season_to_dict(season(weeks=2, injuries=(injury("A1", "P2"),)))))
    data["injuries"][0]["stages"] = []
    with pytest.raises(InputError) as e:
        season_from_dict(data)
    assert e.value.problems == ["injuries[0].stages: is empty; give at least one"]
    data["injuries"][0]["stages"] = [{"stage": "P9", "start": data["injuries"][0]["onset"]}]
    with pytest.raises(InputError) as e:
        season_from_dict(data)
    assert e.value.problems == ["injuries[0].stages[0].stage: 'P9' is not one of 'P1', 'P2', "
                                "'P3', 'S1', 'S2', 'S3' or 'FIT'; use one of them"]
    text = json.dumps(season_to_dict(season(weeks=1)), indent=1)
    text = text.replace('"name": "Athlete 1"', '"name": "Athlete 1", "max_speed": ' + "9" * 5000, 1)
    line = text[:text.index("9" * 5000)].count("\n") + 1
    with pytest.raises(InputError) as e:
        loads(text, "big.season.json")
    (problem,) = e.value.problems
    assert problem.startswith(f"line {line}, column ") and "a number of 5,000 digits" in problem


def test_a_file_saved_before_the_test_value_check_still_opens():
    """A criteria result of 0.92 (a ratio for 92 %) is refused where it is entered; a season file
    that already holds one opens, so the coach can correct it."""
    from planner import edits as E
    from planner.protocols import load_protocol
    from planner.season import CriteriaTest
    from tests.builders import day, injury

    s = season(weeks=2, injuries=(injury("A1", "P3", start_day=-3),))
    lsi = next(c for st in load_protocol(s.injuries[0].protocol).stages for c in st.criteria
               if c.unit == "%")
    data = json.loads(json.dumps(season_to_dict(s)))
    data["injuries"][0]["tests"] = [{"date": day(0).isoformat(), "name": lsi.name, "value": 0.92,
                                     "unit": "%"}]
    old = season_from_dict(data)
    assert old.injuries[0].tests[0].value == 0.92
    with pytest.raises(InputError, match="0.91 reads as a ratio"):
        E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(date=day(0), name=lsi.name,
                                                             value=0.91)).apply(old)


def test_an_emptied_squad_is_said_first_and_its_unknown_athletes_cut_short():
    """"athletes": [] read 81 problems of unknown ids and never said the squad was empty (the
    deleted entry did); "athletes": {} read "athletes: is not a list", the value left out."""
    base = season(weeks=2, athletes=3)
    data = season_to_dict(base.model_copy(update={"injuries": ()}))
    data["roles"] = [{"competition": data["competitions"][0]["id"], "athlete": a.id, "role": "bench"}
                     for a in base.athletes]
    data["blocks"] = [{"name": "Late", "start": data["calendar"]["start"], "end": "2030-01-02"}]
    with pytest.raises(InputError) as err:
        season_from_dict({**data, "athletes": []})
    problems = err.value.problems
    assert problems[0].startswith('athletes: empty: the file\'s squad has no athlete ("athletes": '
                                  '[]), so the athletes named below are unknown; put the squad back')
    assert problems[1].startswith("blocks[0].end (Late): ")  # not one the empty squad makes: said
    assert [p.split(":")[0] for p in problems[2:]] == [f"roles[{i}].athlete" for i in range(3)]
    assert err.value.more == 0 and len(problems) == 5
    data["unavailability"] = [{"athlete": a.id, "start": data["calendar"]["start"],
                               "end": data["calendar"]["start"], "reason": "ill"} for a in base.athletes]
    with pytest.raises(InputError) as err:
        season_from_dict({**data, "athletes": []})
    assert len(err.value.problems) == 5 and err.value.more == 3
    with pytest.raises(InputError) as err:
        season_from_dict({**data, "athletes": {}})
    assert err.value.problems == ["athletes: {} is not a list; write it as [ ... ]"]
    empty = season_from_dict({**data, "athletes": [], "roles": [], "blocks": [], "unavailability": []})
    assert empty.athletes == ()  # a squad not entered yet, with nothing naming one, opens


def test_a_hand_edit_of_the_squad_is_said_in_the_files_words(tmp_path):
    """The "athletes" entry deleted read '81 problems' of unknown ids and never 'athletes:
    missing'; "athletes": null read 'None is not a list' (Python's word, not the file's); an id
    used twice named only the first holder, not the one the edit added (athletes[24] 'Dup Guy')."""
    base = season(weeks=2, athletes=3)
    data = season_to_dict(base.model_copy(update={"injuries": ()}))
    data["unavailability"] = [{"athlete": base.athletes[1].id, "start": str(base.calendar.start),
                               "end": str(base.calendar.start), "reason": "ill"}]
    gone = {k: v for k, v in data.items() if k != "athletes"}
    with pytest.raises(InputError) as err:
        season_from_dict(gone)
    assert err.value.problems[0].startswith('athletes: missing: the file has no "athletes" entry')
    assert "no athlete has id" in err.value.problems[1]
    data["roles"] = [{"competition": data["competitions"][0]["id"], "athlete": a.id, "role": "bench"}
                     for a in base.athletes]
    gone = {k: v for k, v in data.items() if k != "athletes"}
    with pytest.raises(InputError) as err:
        season_from_dict(gone)  # the rest that follows from it cut short
    assert len(err.value.problems) == 4 and err.value.more == 1
    with pytest.raises(InputError) as err:
        season_from_dict({**data, "athletes": None})
    assert err.value.problems == ["athletes: null is not a list; write it as [ ... ]"]
    twice = [*data["athletes"], {**data["athletes"][0], "name": "Dup Guy"}]
    with pytest.raises(InputError) as err:
        season_from_dict({**data, "athletes": twice})
    first = data["athletes"][0]
    assert err.value.problems == [
        f"athletes[0].id: {first['id']!r} is used by 2 athletes (athletes[0] {first['name']!r}, "
        f"athletes[3] 'Dup Guy'); give each athlete a unique id"]



def test_a_competition_id_used_twice_names_each_entry_as_a_shared_athlete_id_does():
    data = season_to_dict(season(weeks=2))
    data["competitions"].append({**data["competitions"][0], "name": "Match 1 (copy)"})
    with pytest.raises(InputError) as err:
        season_from_dict(data)
    last = len(data["competitions"]) - 1
    assert err.value.problems == [
        f"competitions[0].id: 'm0' is used by 2 competitions (competitions[0] 'Match 1', "
        f"competitions[{last}] 'Match 1 (copy)'); give each competition a unique id"]


def test_solving_a_season_without_athletes_says_the_squad_is_empty_in_the_apps_words(tmp_path):
    from planner.squad import NO_SQUAD_YET

    data = season_to_dict(season(weeks=2))
    data["athletes"] = []
    (tmp_path / "s.season.json").write_text(json.dumps(data))
    r = run_cli("solve", "s.season.json", "--time-limit", "10", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"Note: s.season.json: {NO_SQUAD_YET} in the app, or the Athletes sheet of the coach " \
           f"workbook" in r.stderr and "this plan has the team's weeks only" in r.stderr
    data["athletes"] = season_to_dict(season(weeks=2))["athletes"]
    (tmp_path / "s.season.json").write_text(json.dumps(data))
    assert "No athletes yet" not in run_cli("solve", "s.season.json", "--time-limit", "10",
                                            cwd=tmp_path).stderr


# -- a stored plan that no longer fits: left out, with a note ----------------------------------------
def _with_plan(days: int = 14) -> dict:
    """A two-week season of three athletes with a shape-only stored plan (every day FIT at 0)."""
    from planner.season import AthletePlan, Plan

    s = season(weeks=2)
    plan = Plan(status="feasible", team_weeks=("load", "load"), athletes=tuple(
        AthletePlan(athlete=a.id, stages=("FIT",) * days, intensity=(0,) * days, weeks=("load", "load"))
        for a in s.athletes))
    return season_to_dict(s.model_copy(update={"plan": plan}))


def _added_by_hand(data: dict) -> dict:
    data["athletes"].append({**data["athletes"][0], "id": "A30", "name": "New Player"})
    return data


def _cut_short(data: dict) -> dict:
    data["plan"]["athletes"][0]["intensity"] = data["plan"]["athletes"][0]["intensity"][:5]
    return data


def _wrong_value(data: dict) -> dict:
    data["plan"]["athletes"][0]["intensity"][5] = "max"
    return data


@pytest.mark.parametrize(("spoil", "why"), [
    (_cut_short, "plan.athletes[0].intensity: has 5 entries, expected 14"),
    (_wrong_value, "plan.athletes[0].intensity[5] (2027-01-09): 'max' is not a whole number"),
])
def test_a_stored_plan_that_no_longer_fits_is_left_out_with_one_note(spoil, why):
    assert season_from_dict(_with_plan(), "s.season.json").plan is not None  # a fitting one stays
    notes: list[str] = []
    read = season_from_dict(spoil(_with_plan()), "s.season.json", notes)
    assert read.plan is None and len(read.athletes) >= 3  # the season itself is read
    assert notes == [f"the stored plan no longer fits the season ({why}); it was left out: solve "
                     f"again (F5 in the app, or periodize solve SEASON --save); the file keeps the "
                     f"old plan until the season is saved"]


def test_a_plan_of_a_squad_changed_in_the_file_is_kept_as_add_and_delete_athlete_keep_it():
    """An athlete appended to the file's squad by hand (and one taken out) left the stored plan
    out ("does not fit the squad (A30 has none)"): the solve the note asked for then rewrote a
    season under way's past. The plan is kept as the app's edits keep it: the others' rows as
    they were, the newcomer's at 0 % and not planned until a solve, the row of one gone dropped."""
    data = _added_by_hand(_with_plan())
    before = {ap["athlete"]: ap for ap in data["plan"]["athletes"]}
    notes: list[str] = []
    read = season_from_dict(data, "s.season.json", notes)
    assert read.plan is not None and read.plan.unplanned == ("A30",)
    assert [ap.athlete for ap in read.plan.athletes] == ["A1", "A2", "A3", "A30"]
    assert {ap.athlete: list(ap.intensity) for ap in read.plan.athletes[:3]} == {
        k: v["intensity"] for k, v in before.items()}
    assert notes == ["the stored plan did not fit the squad (New Player (A30) added in the file): "
                     "it is kept as the app's Add athlete keeps it, the others' rows as they were "
                     "(their days before today as planned); New Player is not planned until you "
                     "solve again (F5 in the app, or periodize solve SEASON --save)"]
    data = _with_plan()
    data["athletes"] = data["athletes"][1:]  # A1 taken out of the file (and nothing of theirs)
    notes = []
    read = season_from_dict(data, "s.season.json", notes)
    assert [ap.athlete for ap in read.plan.athletes] == ["A2", "A3"]
    assert notes == ["the stored plan did not fit the squad (A1 no longer in the squad): it is "
                     "kept as the app's Delete athlete keeps it, the others' rows as they were "
                     "(their days before today as planned); the plan's row of A1 dropped"]


def test_an_athlete_added_in_the_file_of_a_season_under_way_keeps_the_past_through_a_solve(tmp_path):
    """Review 269 F1: a signing appended to the squad of a season under way in the file, then
    the `solve --save` the note asked for: every past deload week became a load week and 509
    past athlete-days changed. The plan is kept, the signing joins today ("not in the squad
    yet" before, as Add athlete in the app has it), and the solve changes no day before today."""
    from planner.edits import AdvanceToday
    from planner.seasonfile import load_season
    from planner.timeline import Timeline
    from solver import SolveRequest, solve
    from tests.builders import day

    s = season(weeks=6, athletes=3)
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    s = AdvanceToday(today=day(28)).apply(s)
    tl = Timeline(s)
    past_weeks = tl.week_of[tl.p0]
    assert "deload" in s.plan.team_weeks[:past_weeks]  # a past deload week to keep
    data = season_to_dict(s)
    data["athletes"].append({"id": "A30", "name": "New Player", "position": "Forward"})
    (tmp_path / "s.season.json").write_text(json.dumps(data))
    solved = run_cli("solve", "s.season.json", "--save", "--time-limit", "30", cwd=tmp_path)
    assert solved.returncode == 0, solved.stderr
    assert "it is kept as the app's Add athlete keeps it" in solved.stderr
    assert ("New Player is not planned until you solve again (F5 in the app, or periodize solve "
            "SEASON --save); they join the squad today, Mon 1 Feb 2027: the days before are \"not "
            "in the squad yet\"") in solved.stderr and "left out" not in solved.stderr
    after = load_season(tmp_path / "s.season.json")
    assert after.plan.unplanned == () and after.plan.for_athlete("A30") is not None
    assert after.plan.team_weeks[:past_weeks] == s.plan.team_weeks[:past_weeks]
    changed = [(ap.athlete, tl.days[d]) for ap in s.plan.athletes for d in range(tl.p0)
               if (ap.stages[d], ap.intensity[d]) != (after.plan.for_athlete(ap.athlete).stages[d],
                                                      after.plan.for_athlete(ap.athlete).intensity[d])]
    assert changed == []
    assert all(after.plan.for_athlete(ap.athlete).weeks[:past_weeks] == ap.weeks[:past_weeks]
               for ap in s.plan.athletes)
    assert set(after.plan.for_athlete("A30").intensity[:tl.p0]) == {0}  # no past made up


def test_a_plan_left_out_of_a_season_under_way_says_the_past_planned_figures_go_with_it():
    """Another misfit (a list cut short) in a season under way: the plan is still left out, and
    the note says plainly that the past's planned figures are lost by a solve saved, and how to
    keep them."""
    from tests.builders import day

    data = _with_plan()
    data["calendar"]["today"] = day(7).isoformat()
    notes: list[str] = []
    assert season_from_dict(_cut_short(data), "s.season.json", notes).plan is None
    assert notes[-1].endswith(
        "; the season is under way and that plan is the only record of what was planned for the "
        "days before today (their levels, the deload and taper weeks): solved again, they read as "
        "logged and those planned figures are lost once the season is saved; to keep them, "
        "correct the file before saving (its backup, the file name with .bak, holds the version "
        "before the last save)")


def test_a_damaged_season_part_beside_an_unfitting_plan_is_still_refused():
    data = _wrong_value(_with_plan())
    data["athletes"][1]["max_speed"] = "fast"
    with pytest.raises(InputError) as err:
        season_from_dict(data, "s.season.json")
    assert "athletes[1].max_speed" in str(err.value) and "plan" not in str(err.value)


def test_the_commands_say_the_plan_was_left_out_and_solve_save_replaces_it(tmp_path):
    from planner.seasonfile import load_season
    from planner.validate import plan_problems

    (tmp_path / "s.season.json").write_text(json.dumps(_cut_short(_with_plan())))
    checked = run_cli("check", "s.season.json", cwd=tmp_path)
    assert checked.returncode == 1 and "it was left out: solve again" in checked.stderr
    assert "stores no plan" in checked.stderr and "Traceback" not in checked.stderr
    solved = run_cli("solve", "s.season.json", "--save", "--time-limit", "20", cwd=tmp_path)
    assert solved.returncode == 0, solved.stderr
    assert "it was left out" in solved.stderr and "Stored the plan" in solved.stdout
    stored = load_season(tmp_path / "s.season.json")
    assert stored.plan is not None and not plan_problems(stored)
    assert {ap.athlete for ap in stored.plan.athletes} == {"A1", "A2", "A3"}
    assert len(stored.plan.athletes[0].intensity) == 14


# -- another kind of file given as the season ----------------------------------------------------
XLSX_SAID = ("is an Excel workbook, not a season: to make a season of a coach workbook, use File ▸ "
             "Import Excel Workbook… (periodize import team.xlsx -o NEW.season.json)")


def _log_said(name: str) -> str:
    return (f"looks like a session log (its first line is a table's header), not a season: to add "
            f"its sessions to a season, use File ▸ Import Sessions… (periodize log "
            f"SEASON.season.json {name})")


@pytest.mark.parametrize(("text", "encoding"), [
    ("Player,Date,Duration,RPE\nTom Berger,2026-08-03,75,5\n", "utf-8"),
    ("Spieler;Datum;Dauer;RPE\nTom Berger;03.08.2026;75;5\n", "utf-8-sig"),
    ("athlete_id\tdate\tminutes\trpe\nA01\t2026-08-03\t75\t5\n", "utf-16"),
])
def test_a_session_log_given_as_the_season_is_named_with_the_way_to_read_it(tmp_path, text, encoding):
    from planner.seasonfile import load_season

    log = tmp_path / "week1.csv"
    log.write_bytes(text.encode(encoding))
    with pytest.raises(InputError) as err:
        load_season(log)
    assert err.value.problems == [_log_said("week1.csv")]


def test_an_excel_workbook_given_as_the_season_is_named_with_the_way_to_import_it(tmp_path):
    from openpyxl import Workbook

    from planner.seasonfile import load_season

    Workbook().save(tmp_path / "team.xlsx")
    with pytest.raises(InputError) as err:
        load_season(tmp_path / "team.xlsx")
    assert err.value.problems == [XLSX_SAID]
    r = run_cli("check", "team.xlsx", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr == f"periodize: team.xlsx: {XLSX_SAID}\n"


def test_a_text_file_that_is_no_table_is_still_read_as_a_season_file(tmp_path):
    from planner.seasonfile import load_season

    (tmp_path / "s.season.json").write_text("name,\n{}", encoding="utf-8")  # no header it knows
    with pytest.raises(InputError) as err:
        load_season(tmp_path / "s.season.json")
    assert "not valid JSON" in str(err.value)
