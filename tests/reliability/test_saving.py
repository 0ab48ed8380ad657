"""Nothing lost (issue 15, items 1 and 2): no output replaces a season file, the .bak is never
partial, stale temporary files go at the next save, links stay links, files are private.
The heavier runs (100 kill -9, a real full disk) are in soak_saving.py (``make soak``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import signal
import stat
import subprocess
import sys
import time

import pytest

from planner.errors import SaveError
from planner.safefile import atomic_write, can_keep, clean_stale_temps
from planner.seasonfile import load_season, save_season
from tests.builders import season
from tests.e2e.test_cli import run as run_cli  # in this process: what is refused and kept is tested
from tests.reliability.hostile import ROOT, template_workbook

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes, locks and rlimits")


@pytest.fixture(scope="module")
def solved(tmp_path_factory):
    """A small season with a stored plan (solved once for the module)."""
    folder = tmp_path_factory.mktemp("solved")
    save_season(season(weeks=2, athletes=2), folder / "s.season.json")
    r = run_cli("solve", "s.season.json", "--save", "--time-limit", "20", cwd=folder)
    assert r.returncode == 0, r.stderr
    return (folder / "s.season.json").read_bytes()


@pytest.fixture
def work(tmp_path, solved):
    (tmp_path / "s.season.json").write_bytes(solved)
    return tmp_path


# -- 1. outputs never destroy a season file ---------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("export", "s.season.json", "--json", "s.season.json"),
    ("export", "s.season.json", "--pdf", "s.season.json"),
    ("export", "s.season.json", "--xlsx", "./s.season.json"),
    ("export", "s.season.json", "--template", "s.season.json"),
    ("solve", "s.season.json", "--json", "s.season.json", "--time-limit", "20"),
    ("solve", "s.season.json", "--xlsx", "s.season.json", "--save", "--time-limit", "20"),
    ("whatif", "s.season.json", "--new", "x", "--flare-up", "A1", "2027-01-06", "--xlsx", "s.season.json"),
])
def test_an_output_onto_the_input_season_is_refused_and_the_season_survives(work, solved, args):
    r = run_cli(*args, cwd=work)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "s.season.json: is also the season file" in r.stderr and "give another file name" in r.stderr
    assert (work / "s.season.json").read_bytes() == solved
    assert not (work / "s.season.json.bak").exists()


def test_an_output_onto_another_season_file_is_refused(work, solved):
    (work / "other.season.json").write_bytes(solved)
    (work / "renamed.json").write_bytes(solved)  # a season file by content, whatever its name
    for target in ("other.season.json", "renamed.json", "other.season.json.bak", "new.season.json"):
        r = run_cli("export", "s.season.json", "--json", target, cwd=work)
        assert r.returncode == 1 and f"{target}: is a season file" in r.stderr, r.stderr
    r = run_cli("template", "-o", "renamed.json", cwd=work)
    assert r.returncode == 1 and "renamed.json: is a season file" in r.stderr
    assert (work / "other.season.json").read_bytes() == solved == (work / "renamed.json").read_bytes()
    assert not (work / "new.season.json").exists()


def test_two_outputs_onto_one_file_and_import_onto_its_workbook_are_refused(work):
    r = run_cli("export", "s.season.json", "--xlsx", "p.xlsx", "--template", "p.xlsx", cwd=work)
    assert r.returncode == 1 and "p.xlsx: is also the workbook (--xlsx)" in r.stderr, r.stderr
    # a name that does not end as its kind does (Excel data in a .csv name, a session log's)
    r = run_cli("export", "s.season.json", "--json", "p.out", cwd=work)
    assert r.returncode == 1 and "p.out: a plan JSON's name ends in .json" in r.stderr, r.stderr
    r = run_cli("export", "s.season.json", "--xlsx", "sessions.csv", cwd=work)
    assert r.returncode == 1 and "give a name ending in .xlsx (e.g. sessions.xlsx)" in r.stderr
    assert not (work / "p.out").exists() and not (work / "sessions.csv").exists()
    template_workbook(work / "team.xlsx")
    before = (work / "team.xlsx").read_bytes()
    r = run_cli("import", "team.xlsx", "-o", "team.xlsx", cwd=work)
    assert r.returncode == 1 and "team.xlsx: is also the workbook" in r.stderr
    assert (work / "team.xlsx").read_bytes() == before


def test_an_export_that_replaces_a_file_keeps_the_previous_one_as_bak(work):
    assert run_cli("export", "s.season.json", "--json", "p.json", cwd=work).returncode == 0
    first = (work / "p.json").read_bytes()
    (work / "p.json").write_bytes(first + b"\n")  # the coach's own copy, changed
    assert run_cli("export", "s.season.json", "--json", "p.json", cwd=work).returncode == 0
    assert (work / "p.json.bak").read_bytes() == first + b"\n"
    assert json.loads((work / "p.json").read_bytes())["format"] == "periodize-plan"


def test_saving_into_a_season_file_keeps_its_backup(tmp_path):
    save_season(season(weeks=2), tmp_path / "d.season.json")
    before = (tmp_path / "d.season.json").read_bytes()
    r = run_cli("demo", "-o", "d.season.json", cwd=tmp_path)  # a season is there: not unasked
    assert r.returncode == 1 and "exists already" in r.stderr and "--replace" in r.stderr
    assert (tmp_path / "d.season.json").read_bytes() == before
    r = run_cli("demo", "-o", "d.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "d.season.json.bak").read_bytes() == before


# -- 2. the .bak is written new-then-rename; temp files; links; modes ----------------------------------
_FULL_DISK_CHILD = """
import resource, signal, sys
sys.path.insert(0, {root!r})
from planner.seasonfile import save_season
from planner.errors import SaveError
from tests.builders import season
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))
try:
    save_season(season(weeks=1, athletes=1), {path!r})
except SaveError as e:
    print("SaveError:", e)
"""


@posix_only
def test_a_full_disk_while_keeping_the_backup_leaves_the_file_and_its_bak_whole(tmp_path):
    """The old file is bigger than what may still be written (RLIMIT_FSIZE stands in for a
    full disk): the old way copied it into .bak in place and left a truncated .bak."""
    p = tmp_path / "s.season.json"
    save_season(season(weeks=1, athletes=1), p)
    save_season(season(weeks=20, athletes=30), p)  # the .bak: the small season
    old, old_bak = p.read_bytes(), (tmp_path / "s.season.json.bak").read_bytes()
    limit = len(old) // 2
    child = _FULL_DISK_CHILD.format(root=str(ROOT), limit=limit, path=str(p))
    r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert "SaveError" in r.stdout and "the previous file is unchanged" in r.stdout, r.stdout + r.stderr
    assert p.read_bytes() == old
    assert (tmp_path / "s.season.json.bak").read_bytes() == old_bak
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []


def test_stale_temporary_files_are_removed_at_the_next_save(tmp_path):
    p = tmp_path / "s.season.json"
    save_season(season(weeks=1), p)
    stale = [tmp_path / ".s.season.json.ab12cd34.tmp", tmp_path / ".s.season.json.bak.zz9x_0aa.tmp"]
    for f in stale:
        f.write_text("{ half a season")  # what a killed save leaves
    other = tmp_path / ".other.season.json.ab12cd34.tmp"
    other.write_text("someone else's")
    save_season(season(weeks=2), p)
    assert not any(f.exists() for f in stale)
    assert other.exists()  # another file's temporaries are not this save's business


@posix_only
def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    import fcntl

    live = tmp_path / ".s.season.json.live0001.tmp"
    with open(live, "w") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        assert clean_stale_temps(tmp_path, "s.season.json") == 0
        assert live.exists()
    assert clean_stale_temps(tmp_path, "s.season.json") == 1


@posix_only
def test_a_symlinked_season_stays_a_symlink(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    save_season(season(weeks=1), real / "s.season.json")
    link = tmp_path / "s.season.json"
    link.symlink_to(real / "s.season.json")
    save_season(season(weeks=2).model_copy(update={"name": "Through the link"}), link)
    assert link.is_symlink()
    assert load_season(real / "s.season.json").name == "Through the link"
    assert load_season(real / "s.season.json.bak").name == "Test season"


@posix_only
def test_season_files_and_backups_are_created_private(tmp_path):
    p = tmp_path / "s.season.json"
    save_season(season(weeks=1), p)
    save_season(season(weeks=2), p)
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "s.season.json.bak").stat().st_mode) == 0o600
    r = run_cli("demo", "-o", "d.season.json", cwd=tmp_path)
    assert r.returncode == 0 and stat.S_IMODE((tmp_path / "d.season.json").stat().st_mode) == 0o600
    p.chmod(0o640)  # the coach shared it with the group: a save keeps that
    save_season(season(weeks=3), p)
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_can_keep_and_a_name_too_long(tmp_path):
    f = tmp_path / "plan.json"
    assert can_keep(f) is False
    f.write_text("one")
    assert can_keep(f) is True and not (tmp_path / "plan.json.bak").exists()  # not yet:
    atomic_write(f, "two", backup=True)  # once the new file is in place
    assert (tmp_path / "plan.json.bak").read_text() == "one"
    with pytest.raises(SaveError, match="at most 237"):
        atomic_write(tmp_path / ("x" * 240), "data")


@posix_only
def test_writing_to_a_pipe_writes_into_it_and_does_not_replace_it(tmp_path):
    """``--json /dev/stdout`` and the like: the old way renamed a regular file over the device
    (as root it replaced /dev/null). A FIFO stands in for the device here."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got == [b"through the pipe"]


# -- kill -9 during saves (the fast version; 100 kills in soak_saving.py) -----------------------------
_SAVER = """
import sys
sys.path.insert(0, {root!r})
from planner.seasonfile import save_season
from tests.builders import season
big, small = season(weeks=30, athletes=40), season(weeks=2, athletes=2)
print("ready", flush=True)
i = 0
while True:
    save_season(big if i % 2 else small, {path!r})
    i += 1
"""


def kill_during_saves(folder, kills: int, rng) -> list[str]:
    """Start a process that saves over and over, kill -9 it at a random moment, check that the
    file and its .bak each load; repeat. Returns the problems found (none expected)."""
    p = folder / "k.season.json"
    save_season(season(weeks=1, athletes=1), p)
    problems = []
    for k in range(kills):
        child = subprocess.Popen([sys.executable, "-c", _SAVER.format(root=str(ROOT), path=str(p))],
                                 stdout=subprocess.PIPE, text=True)
        child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for f in (p, folder / "k.season.json.bak"):
            try:
                load_season(f)
            except Exception as e:  # noqa: BLE001 - any failure is a finding
                problems.append(f"kill {k + 1}: {f.name}: {e}")
    save_season(season(weeks=1, athletes=1), p)  # the next save cleans the killed saves' temps
    left = [x.name for x in folder.iterdir() if x.name.endswith(".tmp")]
    if left:
        problems.append(f"temporary files left after the next save: {left}")
    return problems


@posix_only
def test_kill_9_during_saves_leaves_the_file_and_its_bak_complete(tmp_path):
    import random

    assert kill_during_saves(tmp_path, 8, random.Random(15)) == []


def test_a_read_only_file_is_not_replaced(tmp_path):
    """A rename needs only the folder's permission, so a file its owner made read-only was
    replaced on save all the same (as root too). Now it is refused, unchanged, with the fix."""
    p = tmp_path / "kept.season.json"
    save_season(season(weeks=2, athletes=1), p)
    before = p.read_bytes()
    p.chmod(0o444)
    with pytest.raises(SaveError, match="is read-only; write to another file, or make it writable"):
        save_season(season(weeks=3, athletes=2), p)
    assert p.read_bytes() == before and stat.S_IMODE(p.stat().st_mode) == 0o444
    r = run_cli("advance", str(p), "--today", season(weeks=2, athletes=1).calendar.start.isoformat(),
                "--no-replan", "--save", cwd=tmp_path)
    assert r.returncode != 0 and "is read-only" in r.stderr and "Traceback" not in r.stderr
    assert p.read_bytes() == before
    p.chmod(0o644)
    save_season(season(weeks=3, athletes=2), p)  # writable again: saved
    assert p.read_bytes() != before


def _folder_refuses(monkeypatch, folder):
    """A folder that lets no file be made in it, as ``chattr +i`` or a folder of another user's
    makes it (chmod does not stop root, who runs some CI)."""
    import errno
    import tempfile

    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and os.path.samefile(dir, folder):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_a_save_into_a_folder_that_cannot_be_written_names_the_folder(tmp_path, monkeypatch):
    """The file was blamed ("could not be replaced …; is it open in another program … or
    read-only? close it"), while the file was neither: the folder was. Now the folder is named."""
    folder = tmp_path / "ro"
    folder.mkdir()
    p = folder / "demo.season.json"
    save_season(season(weeks=2, athletes=1), p)
    before = p.read_bytes()
    _folder_refuses(monkeypatch, folder)
    with pytest.raises(SaveError) as e:
        save_season(season(weeks=3, athletes=2), p)
    assert str(e.value) == (f"{p}: cannot write in {folder} (Operation not permitted); choose "
                            f"another folder; the previous file is unchanged")
    assert p.read_bytes() == before


@pytest.fixture
def no_solve(monkeypatch):
    """A solve or re-plan that must not be reached (the refusal comes first)."""
    import solver
    import solver.whatif

    def fail(*args, **kwargs):
        raise AssertionError("solved before the output was found unwritable")

    monkeypatch.setattr(solver, "solve", fail)
    monkeypatch.setattr(solver.whatif, "replan", fail)


COPY = "copy the season file to a folder you can write in and run the command on the copy"


@pytest.mark.parametrize(("args", "fix"), [
    (("solve", "ro/s.season.json", "--save", "--time-limit", "600"), COPY),
    (("solve", "ro/s.season.json", "--json", "ro/plan.json", "--time-limit", "600"),
     "choose another folder"),
    (("record", "ro/s.season.json", "--day-off", "DAY", "Stadium", "closed", "--save",
      "--time-limit", "600"), COPY),
])
def test_an_output_in_a_folder_that_cannot_be_written_is_refused_before_the_solve(
        tmp_path, monkeypatch, capsys, no_solve, args, fix):
    """The whole solve (up to its time limit) ran, and only then was the save refused. Saving
    over the season file read, the way out is a copy (record, log and advance take no other
    path: "choose another folder" could not be done); an output the command was given can go
    to another folder."""
    from ui.cli.main import main

    s = season(weeks=2, athletes=1)
    (tmp_path / "ro").mkdir()
    p = tmp_path / "ro" / "s.season.json"
    save_season(s, p)
    before = p.read_bytes()
    monkeypatch.chdir(tmp_path)
    _folder_refuses(monkeypatch, tmp_path / "ro")
    day = (s.calendar.start + dt.timedelta(days=3)).isoformat()
    assert main([day if a == "DAY" else a for a in args]) == 1
    err = capsys.readouterr().err
    assert f"cannot write in ro (Operation not permitted); {fix}" in err, err
    assert "Solving:" not in err and p.read_bytes() == before


def test_a_read_only_season_file_is_refused_before_the_solve(tmp_path, monkeypatch, capsys, no_solve):
    from ui.cli.main import main

    p = tmp_path / "s.season.json"
    save_season(season(weeks=2, athletes=1), p)
    p.chmod(0o444)
    assert main(["solve", str(p), "--save", "--time-limit", "600"]) == 1
    assert f"{p}: is read-only; write to another file" in capsys.readouterr().err


def _replace_refused(monkeypatch, target):
    """``os.replace`` onto ``target`` fails as on a file that is immutable (``chattr +i``) or
    locked by another program: the temporary file was written, the rename is refused."""
    import errno

    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.path.abspath(dst) == os.path.abspath(target):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_save_whose_replace_fails_leaves_the_older_bak_as_it_was(tmp_path, monkeypatch):
    """The backup was renamed into place before the file was replaced, so a refused replace
    turned the older .bak into a copy of the current file, though the message said the previous
    file is unchanged: retried a few times, the older version was gone."""
    p, bak = tmp_path / "t.season.json", tmp_path / "t.season.json.bak"
    save_season(season(weeks=1, athletes=1), p)
    save_season(season(weeks=2, athletes=1), p)  # the .bak: the 1-week season
    old, old_bak = p.read_bytes(), bak.read_bytes()
    _replace_refused(monkeypatch, p)
    for _ in range(2):
        with pytest.raises(SaveError, match="could not be replaced .*the previous file is unchanged"):
            save_season(season(weeks=3, athletes=1), p)
    assert p.read_bytes() == old and bak.read_bytes() == old_bak
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []
    monkeypatch.undo()
    save_season(season(weeks=3, athletes=1), p)  # once it can be replaced: the .bak moves on
    assert bak.read_bytes() == old and p.read_bytes() != old


# -- a save over a file another program saved since it was read ------------------------------------
def test_a_second_store_of_the_same_read_is_refused_and_writes_nothing(tmp_path):
    """Two commands (or the app and a command) read the same file and each stored over it: the
    first store was silently overwritten and survived only in .bak."""
    from planner.errors import ChangedOnDiskError

    p, bak = tmp_path / "s.season.json", tmp_path / "s.season.json.bak"
    save_season(season(weeks=1, athletes=1), p)
    save_season(season(weeks=2, athletes=1), p)
    read: list[str] = []
    load_season(p, digests=read)
    save_season(season(weeks=3, athletes=1), p, expected=read[0])  # the first store: written
    first, first_bak = p.read_bytes(), bak.read_bytes()
    with pytest.raises(ChangedOnDiskError) as e:
        save_season(season(weeks=4, athletes=2), p, expected=read[0])
    assert str(e.value).startswith(f"{p}: changed on disk since it was read (another program saved "
                                   f"it at ") and ": nothing was written" in str(e.value)
    assert p.read_bytes() == first and bak.read_bytes() == first_bak
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []
    again: list[str] = []
    load_season(p, digests=again)  # read again: its store goes through
    assert save_season(season(weeks=4, athletes=2), p, expected=again[0]) != again[0]
    assert load_season(p).calendar.end == season(weeks=4, athletes=2).calendar.end
    assert bak.read_bytes() == first


def test_a_store_after_an_untouched_read_is_written(tmp_path):
    """Saved again by the same bytes (a copy, a touch) is no change; a file gone since is no loss."""
    p = tmp_path / "s.season.json"
    save_season(season(weeks=1, athletes=1), p)
    read: list[str] = []
    load_season(p, digests=read)
    os.utime(p, (time.time() + 60, time.time() + 60))
    written = save_season(season(weeks=2, athletes=1), p, expected=read[0])
    assert load_season(p).calendar.end == season(weeks=2, athletes=1).calendar.end
    p.unlink()
    (tmp_path / "s.season.json.bak").unlink()
    save_season(season(weeks=3, athletes=1), p, expected=written)
    assert p.exists()


@pytest.mark.parametrize("command", ["advance", "import", "solve"])
def test_a_command_that_stores_over_a_file_saved_meanwhile_refuses(tmp_path, monkeypatch, capsys,
                                                                     command):
    """``periodize advance … --save`` (as record, log, solve, whatif) while the app saved the
    same file: the app's save was lost. Now the command stops, naming the file and the fix, and
    its result (a long solve's plan) is kept beside it, not lost: "s (not stored 15.31)"."""
    import ui.cli.outputs as outputs
    from ui.cli.main import main

    s = season(weeks=2, athletes=1)
    p, bak = tmp_path / "s.season.json", tmp_path / "s.season.json.bak"
    save_season(s, p)
    save_season(s.model_copy(update={"name": "older"}), p)
    theirs = s.model_copy(update={"name": "saved by the app"})
    read = outputs.load_season

    def read_then_another_save(path, notes=None):
        got = read(path, notes)
        if not str(path).endswith(".bak"):
            save_season(theirs, p, backup=False)  # the app's save while the command works
        return got

    monkeypatch.setattr(outputs, "load_season", read_then_another_save)
    monkeypatch.chdir(tmp_path)
    old_bak = bak.read_bytes()
    if command == "advance":
        args = ["advance", "s.season.json", "--today", s.calendar.start.isoformat(), "--no-replan",
                "--save"]
    elif command == "solve":
        args = ["solve", "s.season.json", "--save", "--time-limit", "10"]
    else:
        from planner.coachform.write import save_template_form

        save_template_form(s, tmp_path / "s.xlsx")  # the season's own workbook
        args = ["import", "s.xlsx", "-o", "s.season.json", "--keep"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert ("s.season.json: changed on disk since this command read it (another program saved "
            "it at ") in err, err
    beside = [x for x in tmp_path.iterdir() if x.name.startswith("s (not stored ")]
    assert len(beside) == 1 and beside[0].name.endswith(").season.json"), beside
    assert (f"): nothing was written; this command's result is kept beside it instead, as "
            f"'{beside[0].name}': run the command again on the file as it is now, or, to keep "
            f"that result instead of the other save, open it ('periodize open "
            f"{shlex.quote(beside[0].name)}')") in err, err
    assert "Traceback" not in err
    assert load_season(p).name == "saved by the app"
    assert bak.read_bytes() == old_bak
    kept = load_season(beside[0])
    assert kept.name == ("older" if command != "import" else s.name)  # what it read, or the workbook's
    assert (kept.plan is not None) == (command == "solve")  # the solve's work is not lost
    assert beside[0].stat().st_mode & 0o077 == 0  # a season file: the owner's alone


def test_an_export_whose_replace_fails_leaves_the_older_bak_as_it_was(work, monkeypatch, capsys):
    """A re-export onto a workbook or JSON that is immutable or locked: the export kept the
    current file as .bak before it wrote, so each failed try replaced the older .bak."""
    from ui.cli.main import main

    monkeypatch.chdir(work)
    assert main(["export", "s.season.json", "--json", "p.json"]) == 0
    assert main(["export", "s.season.json", "--json", "p.json"]) == 0  # p.json.bak: the first
    (work / "p.json.bak").write_bytes(b'{"format": "periodize-plan", "older": true}')
    now, older = (work / "p.json").read_bytes(), (work / "p.json.bak").read_bytes()
    _replace_refused(monkeypatch, work / "p.json")
    capsys.readouterr()
    assert main(["export", "s.season.json", "--json", "p.json"]) == 1
    assert "p.json: could not be replaced" in capsys.readouterr().err
    assert (work / "p.json").read_bytes() == now and (work / "p.json.bak").read_bytes() == older
    assert [x.name for x in work.iterdir() if x.name.endswith(".tmp")] == []
    monkeypatch.setattr(os, "replace", os.rename)  # replaceable again: the .bak moves on
    assert main(["export", "s.season.json", "--json", "p.json"]) == 0
    assert (work / "p.json.bak").read_bytes() == now


def test_a_backup_kept_for_a_write_that_never_comes_changes_nothing(tmp_path):
    """An export that fails or is cancelled before it writes: no .bak moved, no file left, and
    no later write of the file keeps one it was not asked for (the wish was a process-wide
    "next write keeps a .bak" that the next unrelated write took)."""
    p, bak = tmp_path / "p.json", tmp_path / "p.json.bak"
    p.write_text("now")
    bak.write_text("older")
    assert can_keep(p)
    assert bak.read_text() == "older" and sorted(x.name for x in tmp_path.iterdir()) == ["p.json", "p.json.bak"]
    atomic_write(p, "unrelated")  # the export was cancelled; another write of the file
    assert bak.read_text() == "older" and p.read_text() == "unrelated"
    assert can_keep(p) and can_keep(p)  # asked twice before one write: one .bak
    atomic_write(p, "new", backup=True)
    assert bak.read_text() == "unrelated" and p.read_text() == "new"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.json", "p.json.bak"]


def test_a_season_file_that_does_not_read_never_replaces_a_backup_that_does(tmp_path):
    """A sync client's cut-short copy over a season file, then a save: the good .bak stays, the
    damaged copy is kept beside it; a readable previous file still becomes the .bak."""
    p = tmp_path / "s.season.json"
    first = season()
    save_season(first, p)
    save_season(first.model_copy(update={"name": "Second"}), p)
    good = (tmp_path / "s.season.json.bak").read_bytes()
    p.write_bytes(p.read_bytes()[:200])
    aside: list = []
    save_season(first.model_copy(update={"name": "Third"}), p, set_aside=aside)
    assert (tmp_path / "s.season.json.bak").read_bytes() == good
    assert [a.name for a in aside] == [a.name for a in tmp_path.glob("s.season.json.damaged-*")]
    assert len(aside) == 1 and aside[0].stat().st_size == 200
    readable = p.read_bytes()
    save_season(first, p, set_aside=aside)  # readable: rotated as before
    assert (tmp_path / "s.season.json.bak").read_bytes() == readable and len(aside) == 1


def test_a_season_file_of_a_newer_periodize_is_a_backup_not_damage(tmp_path):
    """A file a newer Periodize wrote does not open here, but it is whole: it was set aside as
    "damaged" and the coach told it "did not read as a season". It becomes the .bak as any
    readable file does."""
    import json

    p = tmp_path / "s.season.json"
    first = season()
    save_season(first, p)
    save_season(first.model_copy(update={"name": "Second"}), p)
    data = json.loads(p.read_text())
    data["schema_version"] = 99
    p.write_text(json.dumps(data))
    newer = p.read_bytes()
    aside: list = []
    save_season(first, p, set_aside=aside)
    assert aside == [] and not list(tmp_path.glob("*.damaged-*"))
    assert (tmp_path / "s.season.json.bak").read_bytes() == newer


def test_a_file_where_the_folder_should_be_is_said_to_be_a_file(tmp_path):
    """'--xlsx plan.season.json/plan.xlsx' said "the folder plan.season.json does not exist",
    though it does, as a file: said so, with a name in a folder to give instead."""
    first = tmp_path / "s.season.json"
    save_season(season(weeks=1), first)
    before = first.read_bytes()
    with pytest.raises(SaveError) as e:
        atomic_write(first / "plan.xlsx", b"x")
    assert str(e.value) == (f"{first / 'plan.xlsx'}: {first} is a file, not a folder; give a file "
                            f"name in a folder (e.g. {tmp_path / 'plan.xlsx'})")
    assert first.read_bytes() == before
    r = run_cli("solve", str(first), "--xlsx", str(first / "plan.xlsx"), cwd=tmp_path)
    assert r.returncode == 1 and f"{first} is a file, not a folder" in r.stderr, r.stderr
    assert "Solving" not in r.stderr  # said before the solve, not after it
    assert "does not exist" not in r.stderr and first.read_bytes() == before


def test_a_disk_too_full_for_the_planned_season_is_refused_before_the_solve(
        tmp_path, monkeypatch, capsys, no_solve):
    """`solve --save` on a nearly full disk solved for 18.6 s, then could not save: the plan was
    lost. The free space is now held against the planned season's size (and its backup's)
    first; the fix is one a command that saves over its own file can follow."""
    import shutil
    from collections import namedtuple

    from planner.seasonfile import expected_size
    from ui.cli.main import main

    s = season(weeks=2, athletes=1)
    p = tmp_path / "s.season.json"
    save_season(s, p)
    before = p.read_bytes()
    usage = namedtuple("usage", "total used free")
    free = expected_size(s)  # the new file alone: no room for its backup and a margin
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: usage(10 * free, 9 * free, free))
    assert main(["solve", str(p), "--save", "--time-limit", "600"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"{p}: too little free space to save it (the disk has " in err, err
    assert f"nothing was solved or changed; free some space on the disk, or {COPY}" in err, err
    assert "Solving:" not in err and "Traceback" not in err and p.read_bytes() == before


def _disk_fills(monkeypatch, full):
    """A save's temporary file in the folder ``full`` (or, given a name, of that file) meets a
    full disk: ``OSError(ENOSPC)`` as it is written."""
    import errno

    from planner import safefile

    real = safefile.TempFile.write

    def write(self, data):
        tmp = os.path.abspath(self.path)
        if tmp.startswith(os.path.abspath(full)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(safefile.TempFile, "write", write)


@pytest.mark.parametrize("where", ["beside", "state"])
def test_a_disk_that_fills_during_the_solve_keeps_the_plan_and_names_it(
        tmp_path, monkeypatch, capsys, where):
    """The disk filled while `solve --save` solved: the plan was thrown away, and the advice
    ("save to another folder") could not be followed with `solve`. The solved season is kept as
    a new file beside the season's (or, when that folder takes none, in Periodize's own folder),
    named in the message with the way to use it; the season file stays as it was."""
    from planner.check import check_plan
    from ui.cli.main import main

    monkeypatch.setenv("PERIODIZE_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "club").mkdir()
    p = tmp_path / "club" / "s.season.json"
    s = season(weeks=2, athletes=2)
    save_season(s, p)
    before = p.read_bytes()
    _disk_fills(monkeypatch, tmp_path / "club" / ".s.season.json." if where == "beside"
                else tmp_path / "club")
    assert main(["solve", str(p), "--save", "--time-limit", "20", "--deterministic"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"{p}: could not be saved (No space left on device); the previous file is unchanged; " \
           f"free some space on the disk, or {COPY}" in err, err
    folder = tmp_path / "club" if where == "beside" else tmp_path / "state" / "not-stored"
    kept = [x for x in folder.iterdir() if x.name.startswith("s (not stored ")]
    assert len(kept) == 1, sorted(folder.iterdir())
    assert (f"This command's result is kept instead as {kept[0]}: to use it, open it ('periodize "
            f"open {shlex.quote(str(kept[0]))}') and save it as {p}, or copy it over "
            f"s.season.json once the disk has room") in err, err
    assert "Traceback" not in err and p.read_bytes() == before
    solved_season = load_season(kept[0])
    assert solved_season.plan is not None  # the solve's work, not lost
    assert check_plan(solved_season, solved_season.plan).ok  # and a sound one
