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
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

MB = 1024 * 1024
MAX_PARTS = 1000
MAX_PART_BYTES = 32 * MB  # one unpacked part (a sheet, the shared strings)
MAX_TOTAL_BYTES = 128 * MB  # every part together, unpacked
MAX_SHARED_STRINGS = 200_000
MAX_CELLS = 2_000_000  # cells written in all the sheets together
EXCEL_ROWS = 1_048_576  # Excel's last row: the readers stop there, and a sheet naming a row
# beyond it is refused (openpyxl walks every empty row up to the highest one named)
_CHUNK = 1 << 20
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAIL = 32  # longer than any match: a match split between two chunks is counted once
# a row's or a cell's row number, in either quote, spaced or zero-padded as XML allows
_ROW_REF = re.compile(rb"""\sr\s*=\s*["'][A-Za-z]{0,3}0*(\d{1,20})["']""")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


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
        dtd, n, row = _scan(z, info, _CELL if is_sheet else _STRING if is_strings else None,
                            rows=is_sheet)
        if dtd:
            return [f"the part {_name(info)} declares a DTD or entities, which Excel never writes "
                    f"(an XML bomb or an external entity?); nothing was read. Save the workbook "
                    f"again from Excel"]
        if row > EXCEL_ROWS:  # reading walked every empty row up to it: minutes of CPU
            return [_fix(f"the part {_name(info)} names row {row:,}, beyond Excel's last row "
                         f"({EXCEL_ROWS:,})")]
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


def _scan(z: zipfile.ZipFile, info: zipfile.ZipInfo, count: re.Pattern | None,
          rows: bool = False) -> tuple[bool, int, int]:
    """(a DTD was seen, how many ``count`` matches, the highest row number named when ``rows``)
    in one streamed pass over the part."""
    n = top = 0
    tail = b""
    with z.open(info) as f:
        while chunk := f.read(_CHUNK):
            buf = tail + chunk
            if _DTD.search(buf):
                return True, n, top
            if count is not None:
                n += sum(1 for m in count.finditer(buf) if m.end() > len(tail))
            if rows:
                top = max(top, max((int(m.group(1)) for m in _ROW_REF.finditer(buf)), default=0))
            tail = buf[-_TAIL:]
    return False, n, top


# ---------------------------------------------------------------------------------------------
# What a file that is no workbook is, in plain words
# ---------------------------------------------------------------------------------------------
def not_a_workbook(path) -> str | None:
    """Why the file at ``path`` is no Excel workbook (.xlsx), in a coach's words ("it is empty",
    "it is an OpenDocument spreadsheet (.ods)"), or None when it is a zip with a workbook in it.
    Never raises for the file's content (OSError for a file that cannot be opened)."""
    with open(path, "rb") as f:
        head = f.read(512)
    if not head:
        return "it is empty (0 bytes)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "it is password-protected or in the old Excel 97-2003 format (.xls)"
    if not head.startswith(b"PK"):
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if text.startswith((b"<html", b"<!doctype html", b"<table")):
            return "it is a web page (HTML), not a workbook"
        if b"\x00" not in head:
            return "it is a text file (a CSV?), not a workbook"
        return "it is not a workbook"
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
        return "it is damaged or incomplete (a download or copy that did not finish?)"
    if b"opendocument" in mimetype:
        return "it is an OpenDocument spreadsheet (.ods, as LibreOffice saves), not an Excel workbook"
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return "it is a zip archive without a workbook in it"
    return None


# ---------------------------------------------------------------------------------------------
# Formulas without a calculated value
# ---------------------------------------------------------------------------------------------
NO_VALUE = ("is a formula with no calculated value (the file was saved by a program that does "
            "not calculate formulas); open it in Excel or LibreOffice and save it, or type the value")


def uncached_formulas(path) -> dict[str, set[str]]:
    """Sheet title -> the cells (``B3``) holding a formula without a cached value: a workbook
    written by a script or a web tool that does not calculate (openpyxl's ``data_only`` reads
    such a cell as empty). A formula whose value is the empty text (``t="str"``, ``<v></v>``) has
    one. Call after :func:`package_problems` (which bounds the parts); sheets with no formula are
    only searched for ``<f``."""
    from defusedxml import ElementTree as DET

    out: dict[str, set[str]] = {}
    with zipfile.ZipFile(path) as z:
        parts = _sheet_parts(z, DET)
        for part, title in parts.items():
            try:
                info = z.getinfo(part)
            except KeyError:
                continue
            if not _has_formula(z, info):
                continue
            cells = _uncached_cells(z, info, DET)
            if cells:
                out[title] = cells
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(z: zipfile.ZipFile, DET) -> dict[str, str]:
    """Worksheet part (``xl/worksheets/sheet1.xml``) -> the sheet's title."""
    try:
        book = DET.fromstring(z.read("xl/workbook.xml"))
        rels = DET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # no workbook parts, or damaged ones: openpyxl reports the file
        return {}
    targets = {}
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship":
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id")] = target
    out = {}
    for el in book.iter():
        if _local(el.tag) == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            if rid in targets:
                out[targets[rid]] = el.get("name", "")
    return out


def _has_formula(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with z.open(info) as f:
        while chunk := f.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-_TAIL:]
    return False


def _uncached_cells(z: zipfile.ZipFile, info: zipfile.ZipInfo, DET) -> set[str]:
    from openpyxl.utils import get_column_letter

    out: set[str] = set()
    row = col = 0
    with z.open(info) as f:
        for event, el in DET.iterparse(f, events=("start", "end")):
            name = _local(el.tag)
            if event == "start":
                if name == "row":
                    row = int(el.get("r") or row + 1)
                    col = 0
                elif name == "c":
                    ref = el.get("r")
                    m = re.fullmatch(r"([A-Z]+)(\d+)", ref or "")
                    if m:
                        col = _column_index(m[1])
                        row = int(m[2])
                    else:  # a writer that leaves out the reference: the next cell of the row
                        col += 1
                continue
            if name == "c":
                kids = {_local(k.tag): k for k in el}
                v = kids.get("v")
                if "f" in kids and (v is None or (not v.text and el.get("t") != "str")):
                    out.add(f"{get_column_letter(col)}{row}")
                el.clear()
            elif name == "row":
                el.clear()
    return out


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


# ---------------------------------------------------------------------------------------------
# Merged cells
# ---------------------------------------------------------------------------------------------
_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\"")
_MERGE_TAIL = 96  # longer than any mergeCell element


@dataclass(frozen=True)
class Merge:
    """A merged range: columns and rows, 1-based and inclusive (``E2:E4``: 5, 2, 5, 4)."""

    ref: str
    col0: int
    row0: int
    col1: int
    row1: int

    def hides(self, columns, first_row: int) -> list[int]:
        """The ``columns`` (1-based) in which the range covers a cell on a row from
        ``first_row`` on other than its first cell: cells whose value it hides."""
        if self.row1 < first_row:
            return []
        return [c for c in sorted(columns) if self.col0 <= c <= self.col1
                and (c != self.col0 or self.row1 > max(self.row0, first_row)
                     or self.row0 < first_row)]


def merged_cells(path) -> dict[str, list[Merge]]:
    """Sheet title -> its merged ranges. openpyxl's read-only mode does not see them, and a
    range keeps only its first cell's value: "bench" merged down E2:E4 reads as bench for row 2
    and an empty role for rows 3 and 4, although Excel shows it on every row. Call after
    :func:`package_problems` (which bounds the parts)."""
    out: dict[str, list[Merge]] = {}
    with zipfile.ZipFile(path) as z:
        from defusedxml import ElementTree as DET

        for part, title in _sheet_parts(z, DET).items():
            try:
                info = z.getinfo(part)
            except KeyError:
                continue
            found: dict[str, Merge] = {}
            tail = b""
            with z.open(info) as f:
                while chunk := f.read(_CHUNK):
                    buf = tail + chunk
                    for m in _MERGE.finditer(buf):
                        ref = f"{m[1].decode()}{int(m[2])}:{m[3].decode()}{int(m[4])}"
                        found[ref] = Merge(ref, _column_index(m[1].decode()), int(m[2]),
                                           _column_index(m[3].decode()), int(m[4]))
                    tail = buf[-_MERGE_TAIL:]
            if found:
                out[title] = list(found.values())
    return out


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*>")
_ROW_NUMBER = re.compile(rb"\sr=\"(\d{1,7})\"")
_HIDDEN = re.compile(rb"\shidden=\"(?:1|true)\"")
_ROW_TAIL = 512  # longer than a row element's start tag


def hidden_row_numbers(path, sheet: str) -> set[int]:
    """The row numbers a sheet hides (hidden by hand, or filtered out: Excel marks both
    ``hidden="1"``). openpyxl's read-only mode does not say. Call after
    :func:`package_problems` (which bounds the parts)."""
    from defusedxml import ElementTree as DET

    out: set[int] = set()
    with zipfile.ZipFile(path) as z:
        part = next((k for k, title in _sheet_parts(z, DET).items() if title == sheet), None)
        if part is None or part not in z.namelist():
            return out
        tail = b""
        with z.open(part) as f:
            while chunk := f.read(_CHUNK):
                buf = tail + chunk
                for m in _ROW_TAG.finditer(buf):
                    tag = m[0]
                    if _HIDDEN.search(tag) and (n := _ROW_NUMBER.search(tag)):
                        out.add(int(n[1]))
                tail = buf[-_ROW_TAIL:]
    return out


def merge_problem(merge: Merge, first_row: int, column: str) -> str:
    """The located sentence for a merged range over data rows (``column``: the first column's
    header)."""
    r0 = max(merge.row0, first_row)
    rows = f"row {r0}" if r0 == merge.row1 else f"rows {r0}–{merge.row1}"
    return (f"{rows}, {column}: the cells {merge.ref} are merged, and a merged range keeps its "
            f"value in its first cell only; unmerge them (Home ▸ Merge & Center) and write the "
            f"value in every cell (or delete the rows if they are a note or a total)")


# ---------------------------------------------------------------------------------------------
# A damaged part, told from a bug
# ---------------------------------------------------------------------------------------------
# What zipfile, zlib and the XML parsers raise on a part that is damaged or not as Excel writes it
# (a missing part is a KeyError; defusedxml's refusals and a bad encoding are ValueErrors). Only
# these are the file's fault: a TypeError or an AttributeError of Periodize's own code is a bug,
# and is never reported to the coach as a damaged file.
PART_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
               RuntimeError, KeyError, ValueError, ElementTree.ParseError)
# openpyxl, reading a sheet, also builds objects from the XML's attributes (a misspelled one is a
# TypeError) and looks styles up by the numbers the XML holds (an IndexError past their end)
SHEET_ERRORS = PART_ERRORS + (TypeError, IndexError)


class DamagedPart(Exception):
    """openpyxl could not read a part of the workbook while a sheet was read (the cause is its
    error). Raised where the library is called, so that the caller's own errors stay bugs."""


def sheet_rows(rows):
    """The rows of ``ws.iter_rows(...)`` (read-only: each row is parsed when it is reached), an
    error of the parsing raised as :class:`DamagedPart`. The caller's code runs between the rows,
    outside this ``try``: its errors propagate as they are."""
    it = iter(rows)
    while True:
        try:
            row = next(it)
        except StopIteration:
            return
        except SHEET_ERRORS as e:
            raise DamagedPart(f"{type(e).__name__} while reading a sheet") from e
        yield row


def cell_format(cell) -> str:
    """A read-only cell's number format ("General" when it has none); :class:`DamagedPart` when
    the workbook's styles do not hold the one the cell refers to (openpyxl looks it up only now)."""
    try:
        return str(getattr(cell, "number_format", None) or "General")
    except SHEET_ERRORS as e:
        raise DamagedPart(f"{type(e).__name__} while reading a cell's format") from e
