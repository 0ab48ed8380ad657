"""Hostile inputs for the reliability tests and the soak (``make soak``): workbooks that unpack
to far more than they weigh, XML bombs, external entities; running the CLI as a subprocess."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;</t></si></sst>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&xxe;</t></si></sst>"""

SST_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def template_workbook(path: Path) -> Path:
    """The coach workbook form with one athlete, competition and injury (imports cleanly)."""
    from planner.coachform.write import save_template_form

    save_template_form(None, path)
    return path


def replace_part(src: Path, dst: Path, name: str, write) -> Path:
    """``src`` copied to ``dst`` with the part ``name`` replaced (or added) by what
    ``write(stream)`` writes, streamed and deflated (the zip stays small)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != name:
                zout.writestr(info, zin.read(info.filename))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w", force_zip64=True) as f:
            write(f)
    return dst


def with_shared_strings(src: Path, dst: Path, count: int, text: bytes = b"x") -> Path:
    def write(f):
        f.write(SST_HEAD)
        block = b"<si><t>" + text + b"</t></si>"
        batch = block * 10_000
        for _ in range(count // 10_000):
            f.write(batch)
        f.write(block * (count % 10_000))
        f.write(b"</sst>")
    return replace_part(src, dst, "xl/sharedStrings.xml", write)


def with_huge_cell(src: Path, dst: Path, megabytes: int) -> Path:
    """The Season sheet's first part replaced by a sheet with one inline string of that size."""
    def write(f):
        f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
                b't="inlineStr"><is><t>')
        chunk = b"A" * (1 << 20)
        for _ in range(megabytes):
            f.write(chunk)
        f.write(b"</t></is></c></row></sheetData></worksheet>")
    return replace_part(src, dst, "xl/worksheets/sheet1.xml", write)


def with_part(src: Path, dst: Path, name: str, data: bytes) -> Path:
    return replace_part(src, dst, name, lambda f: f.write(data))


def run_cli(*args, cwd, timeout: float = 300, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(cwd),
           "QT_QPA_PLATFORM": "offscreen"}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "ui.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=env)
