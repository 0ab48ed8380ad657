"""The bounds a coach workbook must keep before openpyxl reads it (``docs/reliability.md``).

An ``.xlsx`` is a zip of XML parts; a small file can unpack to gigabytes (10 M shared strings in
2.6 MB, a 1 GB cell in 986 KB). :func:`package_problems` reads only the zip's directory and
streams each XML part once, counting, without building anything: every part's unpacked size, the
total, the number of parts, shared strings and cells, and any DTD (Excel never writes one; a DTD
is how XML bombs and external entities arrive). Python's ``zipfile`` never returns more bytes
than a part's declared size, so the declared sizes bound what openpyxl can unpack afterwards.

The limits are far above a real coach workbook (the form of a 300-athlete, two-year season
unpacks to about 3 MB) and far below what exhausts a laptop.
"""

from __future__ import annotations

import re
import zipfile

MB = 1024 * 1024
MAX_PARTS = 1000
MAX_PART_BYTES = 32 * MB  # one unpacked part (a sheet, the shared strings)
MAX_TOTAL_BYTES = 128 * MB  # every part together, unpacked
MAX_SHARED_STRINGS = 200_000
MAX_CELLS = 2_000_000  # cells written in all the sheets together
_CHUNK = 1 << 20
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAIL = 32  # longer than any match: a match split between two chunks is counted once


def _fix(what: str) -> str:
    return (f"{what}; a coach workbook is far smaller: is this the right file? Start from the "
            f"form of 'periodize template'")


def package_problems(path) -> list[str]:
    """Why the workbook at ``path`` is beyond the bounds (each sentence says which and the
    limit), or an empty list. Raises ``zipfile.BadZipFile`` / ``OSError`` for a file that is
    not a zip at all (the caller reports those)."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > MAX_PARTS:
            return [_fix(f"holds {len(infos):,} parts; at most {MAX_PARTS:,} are read")]
        out = [_fix(f"the part {_name(i)} unpacks to {i.file_size / MB:,.0f} MB; at most "
                    f"{MAX_PART_BYTES // MB} MB are read") for i in infos if i.file_size > MAX_PART_BYTES]
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            out.append(_fix(f"unpacks to {total / MB:,.0f} MB; at most {MAX_TOTAL_BYTES // MB} MB "
                            f"are read"))
        if out:
            return out
        return _content_problems(z, infos)


def _name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    return name if len(name) <= 60 else name[:60] + "…"


def _content_problems(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[str]:
    strings = cells = 0
    for info in infos:
        name = info.filename.lower()
        if info.is_dir() or not name.endswith((".xml", ".rels", ".vml")):
            continue
        is_sheet = name.startswith("xl/worksheets/")
        is_strings = name.endswith("sharedstrings.xml")
        dtd, n = _scan(z, info, _CELL if is_sheet else _STRING if is_strings else None)
        if dtd:
            return [f"the part {_name(info)} declares a DTD or entities, which Excel never writes "
                    f"(an XML bomb or an external entity?); nothing was read. Save the workbook "
                    f"again from Excel"]
        if is_sheet:
            cells += n
        elif is_strings:
            strings += n
    out = []
    if strings > MAX_SHARED_STRINGS:
        out.append(_fix(f"holds {strings:,} different texts; at most {MAX_SHARED_STRINGS:,} are read"))
    if cells > MAX_CELLS:
        out.append(_fix(f"holds {cells:,} cells; at most {MAX_CELLS:,} are read"))
    return out


def _scan(z: zipfile.ZipFile, info: zipfile.ZipInfo, count: re.Pattern | None) -> tuple[bool, int]:
    """(a DTD was seen, how many ``count`` matches) in one streamed pass over the part."""
    n = 0
    tail = b""
    with z.open(info) as f:
        while chunk := f.read(_CHUNK):
            buf = tail + chunk
            if _DTD.search(buf):
                return True, n
            if count is not None:
                n += sum(1 for m in count.finditer(buf) if m.end() > len(tail))
            tail = buf[-_TAIL:]
    return False, n
