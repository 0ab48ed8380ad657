"""Exit codes and messages of interfaces.md section 1 (issue 15, items 8, 9 and 11): usage
errors exit 1, a time-out or an interrupt without a plan exits 4 and says which, time limits
are positive and finite everywhere, no unlocated "unexpected error", no huge input echoed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from planner.seasonfile import save_season
from tests.e2e.test_cli import run
from tests.reliability.hostile import ROOT, run_cli

# ``run``: the command in this process (what it says and its exit code are tested); ``run_cli``, a
# process of its own with a time-out, for the inputs that would hang or exhaust the tests' process
# if a guard broke (a device, a pipe, JSON nested 200,000 deep, a 10 MB name) and the large solve.


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", "-o", "d.season.json", cwd=folder).returncode == 0
    return folder


def _ok(r, code: int) -> None:
    assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "unexpected error" not in r.stderr


# -- 8. exit codes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("solve",), ("solve", "d.season.json", "--bogus"), ("frobnicate",),
    ("whatif", "d.season.json", "--pin", "A01"), ("export", "d.season.json", "--xlsx"),
])
def test_usage_errors_exit_1_not_the_infeasible_code(demo, args):
    r = run(*args, cwd=demo)
    _ok(r, 1)
    assert "usage: periodize" in r.stderr


@pytest.mark.parametrize("command", [
    ("solve", "d.season.json"), ("explain", "d.season.json", "--return", "A07"),
    ("whatif", "d.season.json", "--new", "x", "--flare-up", "A07", "2026-10-20"),
])
@pytest.mark.parametrize("limit", ["nan", "0", "-5", "inf", "soon"])
def test_time_limits_must_be_positive_and_finite_everywhere(demo, command, limit):
    r = run(*command, "--time-limit", limit, cwd=demo)
    _ok(r, 1)
    assert "--time-limit" in r.stderr and "is not a positive number of seconds" in r.stderr


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """150 athletes x 2 years: beyond the comfortable size; the first plan takes ~5 s."""
    from bench.generate import generated_season

    folder = tmp_path_factory.mktemp("large")
    save_season(generated_season(150, 104), folder / "big.season.json")
    return folder


@pytest.mark.slow
def test_a_time_out_without_a_plan_exits_4_and_a_large_season_is_warned_of(large):
    """Item 11: a large season with too short a time limit used to end "No plan found" with
    exit 1 and no warning."""
    before = (large / "big.season.json").read_bytes()
    r = run_cli("solve", "big.season.json", "--time-limit", "1", "--json", "p.json", "--save", cwd=large)
    _ok(r, 4)
    assert "Warning: A large season: 150 athletes x 728 days to plan" in r.stderr
    assert "GB of memory" in r.stderr and "allow --time-limit" in r.stderr
    assert ("No plan found within the time limit of 1 s; no plan was written (only its status, "
            "to p.json)") in r.stderr
    assert "Allow more time (a large season: see the warning above), e.g. --time-limit" in r.stderr
    assert (large / "big.season.json").read_bytes() == before
    assert json.loads((large / "p.json").read_text())["status"] == "timeout"


@pytest.mark.parametrize("status", ["timeout", "cancelled"])
def test_a_solve_without_a_plan_writes_the_status_to_the_plan_json(demo, monkeypatch, capsys,
                                                                   status):
    """interfaces.md section 3: a solve that found no plan writes its status with objective and
    bound null; the earlier solve's plan at that path was left there, still "optimal"."""
    import solver
    from solver.api import Outcome, Status
    from ui.cli.main import main

    monkeypatch.setattr(solver, "solve", lambda *a, **k: Outcome(Status(status), None, wall_time=0.5))
    old = '{"format": "periodize-plan", "status": "optimal", "objective": 5}\n'
    (demo / "stale.json").write_text(old)
    assert main(["solve", str(demo / "d.season.json"), "--json", str(demo / "stale.json")]) == 4
    out = capsys.readouterr()
    assert f"Wrote the solve's status ({status}: no plan, objective and bound null)" in out.out
    assert "no plan was written (only its status, to" in out.err
    assert (demo / "stale.json.bak").read_text() == old
    data = json.loads((demo / "stale.json").read_text())
    assert (data["status"], data["objective"], data["bound"], data["athletes"]) == (status, None, None, [])
    assert data["explanation"] == [] and data["solve_seconds"] == 0.5


def _interrupt(folder, args, delay: float) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    p = subprocess.Popen([sys.executable, "-m", "ui.cli", *args], cwd=folder, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = line = ""
    while not line.startswith("Solving"):  # "Solving: ..." once the solve is under way
        line = p.stderr.readline()
        assert line, first
        first += line
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)  # a hang fails here
    return subprocess.CompletedProcess(args, p.returncode, out, first + err)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
def test_an_interrupt_before_the_first_plan_exits_4_and_says_so(large):
    """It used to exit 1 claiming 'No plan found within 60 s' (CP-SAT took the SIGINT as a
    time-out)."""
    before = (large / "big.season.json").read_bytes()
    r = _interrupt(large, ["solve", "big.season.json", "--time-limit", "60", "--save"], 0.2)
    _ok(r, 4)
    assert "Interrupted after" in r.stderr and "before a plan was found; nothing was written" in r.stderr
    assert "within" not in r.stderr
    assert (large / "big.season.json").read_bytes() == before  # --save wrote nothing


@pytest.mark.parametrize("debug", [False, True])
def test_a_bug_exits_1_and_says_it_is_periodizes_not_the_files(tmp_path, monkeypatch, capsys,
                                                                debug):
    """interfaces.md has no exit status for a bug, and 1 means bad input: the words say the
    coach's files are not at fault, and where the details are."""
    from ui.cli import commands
    from ui.cli.main import main

    def bug(_args):
        raise TypeError("a bug in Periodize's own code")

    monkeypatch.setattr(commands, "cmd_demo", bug)
    assert main(["--debug"] * debug + ["demo", str(tmp_path / "d.season.json")]) == 1
    err = capsys.readouterr().err
    assert ("periodize: unexpected error (TypeError): a bug in Periodize's own code; this is a "
            "fault in Periodize, not in your files.\n") in err
    if debug:
        assert "Traceback" in err and "The details are in the traceback above." in err
    else:
        assert "Traceback" not in err
        assert err.endswith("Run 'periodize --debug demo …' again to print the details (a "
                            "traceback) for a bug report.\n")


# -- 9. no unlocated "unexpected error" ------------------------------------------------------------
def test_a_pin_at_a_level_that_does_not_exist_is_located(demo):
    r = run("whatif", "d.season.json", "--new", "x", "--pin", "A01", "2026-09-01", "85", cwd=demo)
    _ok(r, 1)
    assert "--pin: '85' is not an intensity level; use one of 0, 60, 70, 80, 90, 95, 100" in r.stderr
    assert "pydantic" not in r.stderr and "validation error" not in r.stderr


def test_an_output_name_too_long_is_located(demo):
    name = "p" * 300 + ".json"
    r = run("solve", "d.season.json", "--json", name, "--time-limit", "30", cwd=demo)
    _ok(r, 1)
    assert "the file name is 305 bytes long; at most 237 are possible" in r.stderr
    assert len(r.stderr) < 600


def test_json_nested_200000_deep_is_located(tmp_path):
    (tmp_path / "deep.season.json").write_text("[" * 200_000 + "]" * 200_000)
    r = run_cli("solve", "deep.season.json", cwd=tmp_path)
    _ok(r, 1)
    assert "deep.season.json: nested more than 64 levels deep" in r.stderr
    data = {"format": "periodize-season", "schema_version": 2, "name": "x"}
    node = data
    for _ in range(500):  # deep, but not too deep for Python's parser
        node["x"] = {}
        node = node["x"]
    (tmp_path / "deep2.season.json").write_text(json.dumps(data))
    r = run_cli("solve", "deep2.season.json", cwd=tmp_path)
    _ok(r, 1)
    assert "deep2.season.json: x.x.x" in r.stderr and "nested more than 64 levels deep" in r.stderr


def test_a_10_mb_name_is_not_echoed_whole(tmp_path):
    data = json.loads((ROOT / "templates" / "demo.season.json").read_text())
    data["athletes"][0]["name"] = "N" * 10_000_000
    (tmp_path / "huge.season.json").write_text(json.dumps(data))
    r = run_cli("solve", "huge.season.json", cwd=tmp_path)
    _ok(r, 1)
    assert "athletes[0].name" in r.stderr and "10,000,000 characters" in r.stderr
    assert len(r.stderr) < 2000


def test_an_unknown_option_value_is_clipped(demo):
    r = run("whatif", "d.season.json", "--new", "x", "--priority", "Cup final", "Z" * 100_000, cwd=demo)
    _ok(r, 1)
    assert len(r.stderr) < 2000 and "is not A, B or C" in r.stderr


@pytest.mark.skipif(os.name != "posix", reason="a file name with a NUL is a POSIX matter")
def test_the_generic_handler_still_never_shows_a_traceback(demo):
    r = run("export", "d.season.json", "--json", "a\x01b/c.json", cwd=demo)
    _ok(r, 1)


@pytest.mark.parametrize("text", ["[" * 200_000 + "]" * 200_000, "1" * 100_000, '{"a":' * 100 + "1" + "}" * 100])
def test_a_hostile_plan_json_for_check_is_located(demo, text):
    (demo / "bad-plan.json").write_text(text)
    r = run_cli("check", "d.season.json", "bad-plan.json", cwd=demo)
    _ok(r, 1)
    assert "bad-plan.json: " in r.stderr


def test_a_plan_json_with_a_field_written_twice_is_refused_at_its_path(demo):
    """The season file refuses a field written twice; the plan JSON given to 'check' read the
    last one without a word."""
    (demo / "twice.json").write_text('{"format": "periodize-plan", "format": "x", "athletes": []}')
    r = run("check", "d.season.json", "twice.json", cwd=demo)
    _ok(r, 1)
    assert "twice.json: format: written twice in one object ('periodize-plan', then 'x')" in r.stderr, \
        r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_not_read_forever(demo):
    r = run_cli("solve", "/dev/zero", cwd=demo)
    _ok(r, 1)
    assert "/dev/zero: is not a regular file (a device or a pipe); give a season file" in r.stderr
    r = run_cli("import", "/dev/zero", "-o", "z.season.json", cwd=demo)
    _ok(r, 1)
    assert "/dev/zero: is not a regular file" in r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("args", [("check", "x.season.json"), ("check", "d.season.json", "p.json"),
                                  ("log", "d.season.json", "log.csv")])
def test_a_pipe_given_as_a_file_is_refused_at_once(tmp_path, demo, args):
    """A FIFO named x.season.json made 'check' wait for ever (opening it waits for a writer)."""
    (tmp_path / "d.season.json").write_bytes((demo / "d.season.json").read_bytes())
    os.mkfifo(tmp_path / args[-1])
    r = run_cli(*args, cwd=tmp_path, timeout=60)
    _ok(r, 1)
    what = {"x.season.json": "season file", "p.json": "plan JSON", "log.csv": "session log"}[args[-1]]
    assert (f"periodize: {args[-1]}: is not a regular file (a device or a pipe); give a {what} "
            f"saved as a file") in r.stderr, r.stderr


@pytest.mark.parametrize("args, what", [
    (("check", "d.season.json", "folder"), "plan JSON"), (("check", "folder"), "season file"),
    (("log", "d.season.json", "folder"), "session log"),
    (("advance", "d.season.json", "--today", "2026-08-10", "--log", "folder"), "session log"),
])
def test_a_folder_given_as_a_file_is_said_in_the_same_words_everywhere(demo, args, what):
    """A folder as check's plan JSON said "cannot be read ([Errno 21] Is a directory: …)", as its
    season "is a folder, not a season file"."""
    (demo / "folder").mkdir(exist_ok=True)
    r = run(*args, cwd=demo)
    _ok(r, 1)
    assert f"periodize: folder: is a folder, not a {what}\n" in r.stderr, r.stderr


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="names there are always Unicode")
def test_a_file_name_that_is_not_utf8_is_printed_readably(tmp_path, demo):
    """'bad/caf\\udce9.season.json': Python's stand-in for the byte, not what the name holds."""
    name = b"caf\xe9.season.json"
    os.symlink(demo / "d.season.json", os.path.join(os.fsencode(tmp_path), name))

    def said(*args: bytes) -> str:
        r = run(*map(os.fsdecode, args), cwd=tmp_path)  # the arguments as Python's argv reads them
        said = r.stdout + r.stderr
        said.encode("utf-8")  # UTF-8 text: a lone surrogate (a raw byte of the name) fails here
        return said

    err = said(b"check", name)  # stderr
    assert err.startswith("periodize: caf\\xe9.season.json: the season file stores no plan"), err
    out = said(b"export", name, b"--template", b"p\xe9.xlsx")  # stdout
    assert "Wrote the season as a coach workbook to p\\xe9.xlsx" in out, out


def test_shown_writes_a_file_names_bytes_that_are_not_utf8_as_escapes():
    from planner.text import shown

    assert shown("café.season.json") == "café.season.json"
    assert shown(os.fsdecode(b"caf\xe9.season.json")) == "caf\\xe9.season.json"
    assert shown("a \ud800 b") == "a \\ud800 b"  # no byte behind it: said as the code point


def test_long_and_outside_values_of_whatif_and_explain_are_located(demo):
    r = run("whatif", "d.season.json", "--new", "N" * 300, "--flare-up", "A07", "2026-10-20", cwd=demo)
    _ok(r, 1)
    assert "--new: name: 'NNN" in r.stderr and "(300 characters)" in r.stderr
    r = run("explain", "d.season.json", "--team", "--date", "2030-01-01", cwd=demo)
    _ok(r, 1)
    assert "--date: 2030-01-01 is outside the season" in r.stderr
