"""scripts/make_import_template.py: ``--help`` writes nothing, and the template it writes has no
clock in it, so writing it again with the form unchanged is the same bytes (no diff in git)."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import zipfile

from planner.coachform.write import save_template_form
from tests.reliability.hostile import ROOT

SCRIPT = ROOT / "scripts" / "make_import_template.py"
SHIPPED = ROOT / "templates" / "import-template.xlsx"


def _script():
    spec = importlib.util.spec_from_file_location("make_import_template", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_help_prints_the_usage_and_writes_nothing():
    before, mtime = SHIPPED.read_bytes(), SHIPPED.stat().st_mtime_ns
    r = subprocess.run([sys.executable, str(SCRIPT), "--help"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: make_import_template.py")
    assert "Wrote" not in r.stdout
    assert SHIPPED.read_bytes() == before and SHIPPED.stat().st_mtime_ns == mtime


def test_the_template_written_twice_is_the_same_bytes_dated_by_the_stamp(tmp_path):
    stamp = _script().STAMP
    save_template_form(None, tmp_path / "a.xlsx", stamp=stamp)
    save_template_form(None, tmp_path / "b.xlsx", stamp=stamp)
    data = (tmp_path / "a.xlsx").read_bytes()
    assert data == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {stamp.timetuple()[:6]}
        core = z.read("docProps/core.xml").decode()
    assert core.count(stamp.strftime("%Y-%m-%dT%H:%M:%SZ")) == 2  # created and modified


def test_the_shipped_template_is_what_the_form_writes_now(tmp_path):
    """Changing the form without running the script leaves the shipped template behind."""
    save_template_form(None, tmp_path / "now.xlsx", stamp=_script().STAMP)
    assert _parts(SHIPPED.read_bytes()) == _parts((tmp_path / "now.xlsx").read_bytes())
