"""The save path under hostile conditions (``make soak``): 100 ``kill -9`` during saves, and a
really full disk (a small tmpfs, when this runs as root on Linux).

    pytest tests/reliability/soak_saving.py -s
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys

import pytest

from planner.seasonfile import load_season, save_season
from tests.builders import season
from tests.reliability.figures import record
from tests.reliability.hostile import run_cli
from tests.reliability.test_saving import kill_during_saves

KILLS = int(os.environ.get("SOAK_KILLS", "100"))


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_during_saves(tmp_path):
    problems = kill_during_saves(tmp_path, KILLS, random.Random(2026))
    assert problems == []
    record(f"kill -9 at a random moment of a save loop ({KILLS} kills)",
           f"{KILLS} of {KILLS}: the file and its .bak both complete seasons; 0 temporary files "
           f"left after the next save",
           f"SOAK_KILLS={KILLS} pytest tests/reliability/soak_saving.py -k kill -s")


def _tmpfs(folder, size: str):
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root on Linux")
    folder.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                       capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    return folder


def _umount(folder):
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_solve_save_on_a_full_disk_keeps_the_file_and_bak_whole(tmp_path):
    """The issue's case: on a 200 KB tmpfs, solve --save left a 4,096-byte .bak."""
    disk = _tmpfs(tmp_path / "disk", "200k")
    try:
        save_season(season(weeks=8, athletes=8), disk / "s.season.json")
        save_season(season(weeks=8, athletes=8).model_copy(update={"name": "Second"}), disk / "s.season.json")
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"x" * max(0, free - 8192))  # room for less than the season with a plan
        before = {f: (disk / f).read_bytes() for f in ("s.season.json", "s.season.json.bak")}
        r = run_cli("solve", str(disk / "s.season.json"), "--save", "--time-limit", "20", cwd=tmp_path)
        assert r.returncode == 1 and "could not be saved (No space left on device)" in r.stderr, r.stderr
        for f, data in before.items():
            assert (disk / f).read_bytes() == data
            load_season(disk / f)
        assert not [x for x in os.listdir(disk) if x.endswith(".tmp")]
    finally:
        _umount(disk)
    record("solve --save onto a full 200 KB tmpfs",
           "exit 1, 'could not be saved (No space left on device)'; the season and its .bak "
           "unchanged and complete, no temporary file left",
           "pytest tests/reliability/soak_saving.py -k full_disk -s  (as root: mounts a tmpfs)")


def test_import_on_a_tiny_disk_leaves_no_empty_bak(tmp_path):
    """The issue's case: an 8 KB tmpfs left a 0-byte .bak from import -o."""
    from tests.reliability.hostile import template_workbook

    template_workbook(tmp_path / "team.xlsx")
    disk = _tmpfs(tmp_path / "disk", "8k")
    try:
        (disk / "team.season.json").write_text("{}")  # an old file to keep
        r = run_cli("import", str(tmp_path / "team.xlsx"), "-o", str(disk / "team.season.json"), "--replace",
                    cwd=tmp_path)
        files = {x: (disk / x).stat().st_size for x in os.listdir(disk)}
        if r.returncode == 0:
            load_season(disk / "team.season.json")
            assert (disk / "team.season.json.bak").read_text() == "{}"
        else:
            assert "could not be saved" in r.stderr, r.stderr
            assert (disk / "team.season.json").read_text() == "{}"
            assert "team.season.json.bak" not in files or (disk / "team.season.json.bak").read_text() == "{}"
        assert not [x for x in files if x.endswith(".tmp")]
    finally:
        _umount(disk)
    record("import -o onto a full 8 KB tmpfs",
           f"exit {r.returncode}: the old file unchanged, no partial or empty .bak, no temporary file",
           "pytest tests/reliability/soak_saving.py -k tiny_disk -s  (as root: mounts a tmpfs)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-s"]))
