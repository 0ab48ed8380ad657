"""Reading a session log file into a table of text: a CSV (UTF-8, Windows text as Excel in
Western Europe saves a 'CSV', or UTF-16 with its byte order mark, Excel's 'Unicode text'; `,`
`;` or tab separated, Excel's `sep=` line) or an Excel workbook
(the `Sessions` sheet, else the first sheet whose header names the log's columns), every value
as text and every row named by the number the coach sees. What the columns mean is
:mod:`planner.sessionlog`'s; this module only finds the table and refuses a file that is not one
(an image, a JSON file, UTF-16 text without its byte order mark, a title above the header, a
row with more fields than the header, a merged range over the data), naming the line or row and
the fix.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import warnings
from pathlib import Path

from planner.errors import InputError
from planner.limits import not_a_file


class KeptList(list):
    """A frame's note (``attrs``: each row's number) that pandas passes on as it is: pandas
    deep-copies ``attrs`` at every operation on the frame, and a log's row numbers copied a few
    hundred times took a third of the time to read it. Read only."""

    def __deepcopy__(self, memo) -> KeptList:
        return self


class KeptDict(dict):
    """:class:`KeptList` for a note that is a mapping (the columns read as numbers)."""

    def __deepcopy__(self, memo) -> KeptDict:
        return self


MAX_ROWS = 200_000  # a season's log is at most a few tens of thousands of rows

# the German and French top speed headers, each read without a unit (:func:`_speed_unit` in
# planner.sessionlog), with "(m/s)", "(km/h)" or "(%)" (in round or square brackets: folded alike)
# as the English ones are; "Geschwindigkeit" or "vitesse" alone may be an average: no top speed
_TOP_WORDS = ("höchstgeschwindigkeit", "hoechstgeschwindigkeit", "max. geschwindigkeit",
              "max geschwindigkeit", "vitesse max", "vitesse maximale")


def _top(*units: str) -> tuple[str, ...]:
    """:data:`_TOP_WORDS` each followed by one of ``units`` ("" for none)."""
    return tuple(f"{w} {u}".strip() for u in units for w in _TOP_WORDS)


# field -> header spellings as exports write them (compared folded: :func:`fold`, so a header
# typed without its accents reads too); the German and French ones only where the meaning is
# certain (:data:`_TOP_WORDS`)
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "athlete": ("athlete id", "athlete", "id", "player", "player id", "player name", "name",
                "athlete name", "player display name", "display name",  # the last: STATSports
                "spieler", "spielername", "athlet", "athletin", "joueur", "joueuse", "nom"),
    "date": ("date", "session date", "day", "datum", "date completed"),  # the last: TeamBuildr
    "minutes": ("minutes", "duration", "duration min", "duration mins", "session duration",
                "session minutes", "mins", "training minutes", "total duration", "total time",
                "duration minutes",  # not "session time": some exports mean the start
                "session duration min", "session duration mins", "session duration minutes",
                "minuten", "dauer", "dauer (min)", "trainingsdauer", "durée", "durée (min)"),
    "rpe": ("rpe", "srpe", "session rpe", "cr10", "rpe cr10"),
    "top_pct": ("top speed %", "top speed pct", "top speed percent", "% max speed", "max speed %",
                "vmax %", "% vmax", "percent max speed") + _top("%"),
    # Catapult's "Maximum Velocity" follows the account's unit: m/s, or km/h when its values
    # can only be km/h (:func:`_speed_unit`); its "Max Vel (% Max)" is of OpenField's own max,
    # not the squad's, so no top speed % (said, :func:`_unread_speeds`); so do the German and
    # French headers that name no unit
    # (STATSports' plain "Max Speed" too)
    "top_ms": ("top speed m/s", "top speed ms", "max velocity", "max velocity m/s", "max speed m/s",
               "vmax", "vmax m/s", "top speed", "peak speed", "peak speed m/s", "maximum velocity",
               "maximum velocity m/s", "max speed", "peak velocity", "peak velocity m/s")
    + _top("", "m/s"),
    "top_kmh": ("max velocity km/h", "max velocity kmh", "top speed km/h", "top speed kmh",
                "max speed km/h", "peak speed km/h", "vmax km/h", "maximum velocity km/h",
                "maximum velocity kmh", "max speed kmh", "peak velocity km/h", "peak velocity kmh")
    + tuple(f"{w} kph" for w in ("max velocity", "top speed", "max speed", "peak speed",
                                 "peak velocity", "vmax", "maximum velocity"))
    + _top("km/h"),
    "played": ("minutes played", "mins played", "match minutes", "minutes on pitch", "playing time",
               "spielminuten", "minutes jouées"),
    "pain": ("pain", "pain score", "pain 0-10", "pain 0 10", "pain vas", "schmerz", "schmerzen",
             "douleur"),
    "note": ("note", "notes", "comment", "comments", "notiz", "notizen", "bemerkung",
             "bemerkungen", "remarque", "remarques", "commentaire", "commentaires"),
    # a per-drill export's drill and session: its rows of one athlete, day and session are one
    # session (:func:`_per_drill`)
    "drill": ("drill", "drill title", "drill name", "period name", "period", "split name", "split",
              "phase", "phase name"),
    "session": ("session title", "session name", "session"),
}
REQUIRED = ("athlete", "date", "minutes", "rpe")


_BRACKETS = str.maketrans("()[]_", "     ")


def fold(header: object) -> str:
    """A header as compared: lower case, accents dropped (``Durée`` is ``duree``, as typed on a
    keyboard without them), brackets (round or square: ``[km/h]`` is ``(km/h)``) and repeated
    spaces folded."""
    text = unicodedata.normalize("NFKD", str(header).strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_BRACKETS)
    return " ".join(text.split())


# field -> header spellings, folded
ALIASES: dict[str, tuple[str, ...]] = {
    key: tuple(dict.fromkeys(fold(s) for s in spellings)) for key, spellings in _SPELLINGS.items()}


def read_frame(path: str | Path):
    """The table of a CSV or an Excel workbook (the `Sessions` sheet, else the first), every
    value as text, blank rows left out. ``attrs``: ``rows`` (each row's number as the
    spreadsheet or the editor shows it), for a CSV not in UTF-8 ``encoding`` (:data:`WINDOWS`:
    :data:`ENCODING_NOTES` say it), for a workbook ``sheet``, ``numeric`` (column -> the rows
    whose cell is a number, not text: its value cannot be ambiguous) and ``uncached`` (column ->
    the rows whose cell is a formula without a calculated value)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if why := not_a_file(p, "session log"):  # a pipe would be read forever
        raise InputError(str(path), [why])
    try:
        if suffix in (".csv", ".txt"):
            return _read_csv(p)
        if suffix in (".xlsx", ".xlsm"):
            return _read_excel(p)
    except FileNotFoundError:
        raise InputError(str(path), ["no such file; check the path"]) from None
    except IsADirectoryError:
        raise InputError(str(path), ["is a folder, not a session log"]) from None
    except UnicodeDecodeError:
        raise InputError(str(path), [f"cannot be read as {suffix[1:].upper()}: {_not_utf8(p)} "
                                     f"is not UTF-8 text; save it again as 'CSV UTF-8' (Excel: "
                                     f"File ▸ Save As)"]) from None
    except ValueError as e:
        raise InputError(str(path), [f"cannot be read as {suffix[1:].upper()}: {e}"]) from None
    raise InputError(str(path), [f"'{p.suffix or p.name}' is not a CSV or an Excel (.xlsx) file; "
                                 f"export the log as CSV or XLSX"])


COLUMNS_TEXT = ("Athlete ID, Date, Minutes, RPE (and optionally Top speed %, Top speed m/s, "
                "Minutes played, Pain, Note)")


# the first bytes of files a coach may pick by mistake, in a coach's words
_MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"%PDF", "a PDF"),
          (b"PK\x03\x04", "a zip file (an Excel workbook is one: if it is, name it .xlsx)"),
          (b"\xd0\xcf\x11\xe0", "an old Excel file (.xls): save it as .xlsx or CSV"))


def _sniff(p: Path) -> None:
    """A file that is not text at all, or UTF-16 text without its byte order mark (which byte
    comes first unknown): said as such, before a CSV reader makes columns of its bytes."""
    with p.open("rb") as f:
        head = f.read(4096)
    what = next((w for magic, w in _MAGIC if head.startswith(magic)), None)
    if what is not None:
        raise InputError(str(p), [f"is not a CSV file: it is {what}; export the log as CSV or "
                                  f"XLSX"])
    if head.startswith(_UTF16_BOMS):  # read as the BOM says (:func:`_encoding`)
        text = head.decode(UTF16, errors="replace").lstrip()
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1").lstrip()
    if text[:1] == "{" or re.match(r"\[\s*[\[{]", text):  # a season file, a plan JSON
        raise InputError(str(p), [f"starts with '{text[:1]}': it is a JSON file (a "
                                  f"season file?), not a session log; give the log your GPS or "
                                  f"monitoring system exports, as CSV or XLSX"])
    if not head.startswith(_UTF16_BOMS) and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without its BOM: which byte comes first is a guess, so not read
        raise InputError(str(p), ["is UTF-16 text (Excel's 'Unicode text') without the mark "
                                  "that says its byte order, not UTF-8; save it again as 'CSV "
                                  "UTF-8' (Excel: File ▸ Save As)"])


# the notes a frame of read_frame carries (``attrs``), by what they follow when rows are left out
ROW_ATTRS = ("rows",)  # each row's number as the file shows it
CELL_ATTRS = ("numeric", "uncached")  # the cells a workbook held as numbers; formulas without a value
FILE_ATTRS = ("sheet", "sheets", "hidden", "encoding")  # hidden: row numbers, as the file shows them


# Windows text: what Excel in Western Europe saves as "CSV (Trennzeichen-getrennt)" or "CSV
# (séparateur: point-virgule)"; a letter it has no byte for (Ł, 佐) it writes as "?"
WINDOWS = "cp1252"
WINDOWS_NOTE = ("Read as Windows text (cp1252), not UTF-8: its ä, ö, ü, é read right; letters Excel "
                "could not save there (such as Ł or 佐) are '?' in it: save it as 'CSV UTF-8' (Excel: File ▸ "
                "Save As) to keep them")
# UTF-16 with its BOM (byte order mark), little- or big-endian: what Excel saves as "Unicode
# text" and GPS or wellness portals often export, known exactly from its first bytes
UTF16 = "utf-16"
UTF16_NOTE = "Read as UTF-16 text (Excel's Unicode text), not UTF-8"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# the note each encoding other than UTF-8 is said with
ENCODING_NOTES = {WINDOWS: WINDOWS_NOTE, UTF16: UTF16_NOTE}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in no text a spreadsheet writes
_SCANNED = 64 << 20  # the bytes looked at for the encoding (a season's log is a few MB)


def _encoding(p: Path) -> str:
    """The encoding a CSV is read in: :data:`UTF16` when its BOM says so, UTF-8 (with or without
    Excel's BOM), else :data:`WINDOWS` when every byte is one it defines and none makes a
    control character (a binary file); otherwise UnicodeDecodeError, which :func:`read_frame`
    says (:func:`_not_utf8`)."""
    import codecs

    with p.open("rb") as f:
        data = f.read(_SCANNED)
    if data.startswith(_UTF16_BOMS):
        try:
            codecs.getincrementaldecoder(UTF16)().decode(data, final=len(data) < _SCANNED)
        except UnicodeDecodeError:
            raise InputError(str(p), ["is UTF-16 text (Excel's 'Unicode text') that is cut short "
                                      "or damaged; export it again, or save it as 'CSV UTF-8' "
                                      "(Excel: File ▸ Save As)"]) from None
        return UTF16
    try:
        # a chunk may end inside a letter: not final unless the file ends there
        codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=len(data) < _SCANNED)
        return "utf-8-sig"
    except UnicodeDecodeError as e:
        error = e
    if data.startswith(codecs.BOM_UTF8):
        raise error  # UTF-8 by its mark, with a byte that is not: as Windows text its header read 'ï»¿Athlete ID'
    text = data.decode(WINDOWS)  # a byte cp1252 leaves undefined: UnicodeDecodeError
    if _CONTROL.search(text):
        raise error
    return WINDOWS


def _not_utf8(p: Path) -> str:
    """"line 3 (at 'Müller')" (planner.text.not_utf8_place, as a season file says it): the
    line of the first byte that is not UTF-8 ("it" when unknown; the reader's error counts from
    the chunk it decoded, not from the file's start)."""
    from planner.text import not_utf8_place, without_boms

    try:
        with p.open("rb") as f:
            data = without_boms(f.read(64 << 20))
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return not_utf8_place(data, e)
    except OSError:
        pass
    return "it"


def _read_csv(p: Path):
    import pandas as pd

    _sniff(p)
    encoding = _encoding(p)  # UnicodeDecodeError: said by read_frame
    with p.open("r", encoding=encoding, newline="") as f:
        head = [f.readline() for _ in range(50)]
    if not "".join(head).strip():
        raise InputError(str(p), [f"is empty; export the log again: its first line names the "
                                  f"columns, {COLUMNS_TEXT}, and each line below is a session"])
    # "sep=;" on the first line: Excel's own note of the separator, which Excel reads and hides
    # (the header is row 1 there, and so it is here)
    directive = re.fullmatch(r"\s*sep=(.)\s*", head[0].rstrip("\r\n")) if head else None
    skip = 1 if directive else 0
    if directive and not "".join(head[1:]).strip():
        raise InputError(str(p), [f"holds only Excel's 'sep={directive[1]}' line; export the log "
                                  f"again: its first line names the columns, {COLUMNS_TEXT}, and "
                                  f"each line below is a session"])
    _header_first(p, head[skip:])
    sep = directive[1] if directive else _separator(p, encoding)
    starts, long = _records(p, sep, skip, encoding)
    if long:  # a row with more fields than the header: pandas would make its first field the
        # index and shift the rest, so the wrong columns would be blamed
        raise InputError(str(p), long[:10], more=len(long) - 10 if len(long) > 10 else 0)
    try:
        with warnings.catch_warnings():
            # the empty fields after the last column (checked above) are all pandas leaves out
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(p, dtype=str, keep_default_na=False, sep=sep, index_col=False,
                                nrows=MAX_ROWS + 1, encoding=encoding, skip_blank_lines=False,
                                skiprows=skip)
    except pd.errors.ParserError as e:
        if "EOF inside string" not in str(e) or not starts:
            raise ValueError(f"the file is not a table of separated values ({str(e)[:80]})") from None
        at = _row_label(len(starts), starts[-1])
        raise InputError(str(p), [f"row {at}: a quote (\") opens a text that is never closed, so "
                                  f"the rest of the file would be read as one cell; close the "
                                  f"quote after the text, or remove it"]) from None
    # a blank line is a blank row: left out, and the rows below keep their numbers (the header is
    # row 1; a row whose note spans lines is one row, its line said when it differs)
    labels = [_row_label(k + 2, starts[k + 1] if k + 1 < len(starts) else k + 2)
              for k in range(len(frame))]
    keep = ~(frame.apply(lambda c: c.astype(str).str.strip() == "").all(axis=1)) if len(frame.columns) else None
    if keep is not None and not keep.all():
        labels = [lab for lab, k in zip(labels, keep.tolist(), strict=True) if k]
        frame = frame[keep].reset_index(drop=True)
    frame.attrs["rows"] = KeptList(labels)
    if encoding in ENCODING_NOTES:
        frame.attrs["encoding"] = encoding
    return frame


def _row_label(row: int, line: int) -> str:
    """A row as the coach finds it: ``3``, or ``3 (line 4)`` in a file where a note spans lines."""
    return str(row) if row == line else f"{row} (line {line})"


def header_keys(fields: list[str]) -> set[str]:
    """The log's fields (``athlete``, ``date``...) that header cells name."""
    names = {fold(f) for f in fields}
    return {k for k, aliases in ALIASES.items() if names.intersection(aliases)}


def _header_first(p: Path, head: list[str]) -> None:
    """Line 1 must be the header: a blank line or a title ("Report: ...") above it would make it
    a row, and every row below would be blamed for its number of fields."""
    first = head[0].strip()
    if first and set(REQUIRED) <= max((header_keys(first.split(sep)) for sep in (",", ";", "\t")),
                                      key=len):
        return
    line = next((n for n, text in enumerate(head[1:], start=2) if any(
        set(REQUIRED) <= header_keys(text.strip().split(sep)) for sep in (",", ";", "\t"))), None)
    if not first:
        what = "line 1 is blank"
    else:
        what = f"line 1 is not the header (it reads {first[:60]!r})"
        if line is None:
            return  # no header anywhere: the columns are said (no column for ...)
    where = f"the header is line {line}" if line else "the first line names the columns"
    raise InputError(str(p), [f"{what}; {where}: delete the lines above the header, so that the "
                              f"first line names the columns: {COLUMNS_TEXT}"])


def _records(p: Path, sep: str, skip: int, encoding: str) -> tuple[list[int], list[str]]:
    """The line each record starts on (the header's first; a blank line is a record), and a
    problem for each row with more fields than the header. ``skip``: lines above the header
    that are not counted (Excel's "sep=;"); ``encoding``: the file's (:func:`_encoding`)."""
    import csv

    starts: list[int] = []
    long: list[str] = []
    try:
        with p.open("r", encoding=encoding, errors="replace", newline="") as f:
            for _ in range(skip):
                f.readline()
            rows = csv.reader(f, delimiter=sep)
            width = None
            line = 1  # the line the next record starts on
            for r in rows:
                starts.append(line)
                line = rows.line_num + 1
                if width is None:
                    width = len(r)
                elif len(r) > width and any(x.strip() for x in r[width:]):
                    # more fields than the header (empty ones after the last column, as some
                    # exports end every row with separators, shift nothing: read)
                    long.append(f"row {_row_label(len(starts), starts[-1])} has {len(r)} fields but "
                                f"the header has {width}: remove the extra separators, or put a note "
                                f"that holds a '{sep}' in quotes")
                if len(starts) > MAX_ROWS + 2:
                    break
    except csv.Error:  # not text a CSV reader takes: pandas says what is wrong with it
        return starts, []
    return starts, long


def _separator(p: Path, encoding: str) -> str:
    """The CSV's separator from its header line: `,`, `;` (European exports) or a tab; the file
    read in ``encoding`` (:func:`_encoding`)."""
    with p.open("r", encoding=encoding, errors="replace") as f:
        head = f.readline()
    counts = {sep: head.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_excel(p: Path):
    """The sheet as text, read with openpyxl (pandas loses the number formats): numbers as
    written (a cell formatted as a percentage x 100, as Excel shows it), dates as ISO, the
    header the first row with content, blank rows left out, every row named by its number."""
    import openpyxl
    import pandas as pd

    from planner.coachform.guard import (
        PART_ERRORS,
        DamagedPart,
        merged_cells,
        not_a_workbook,
        package_problems,
        uncached_formulas,
    )

    fix = "export the log as CSV or XLSX"
    why = not_a_workbook(p)  # OSError: said by read_frame
    if why is not None:
        raise InputError(str(p), [f"is not an Excel workbook (.xlsx): {why}; {fix}"])
    damaged = [f"is not an Excel workbook (.xlsx): a part of it is damaged or not as Excel "
               f"writes it; {fix}"]
    try:  # the workbook bounds of the coach form (parts, sizes, shared strings, cells, DTDs)
        too_big = package_problems(p)
        uncached = {} if too_big else uncached_formulas(p)
        merges = {} if too_big else merged_cells(p)  # read-only openpyxl does not see them
    except PART_ERRORS:  # a damaged zip or part: never a traceback, never a library's words
        raise InputError(str(p), damaged) from None
    if too_big:
        raise InputError(str(p), too_big)
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except MemoryError:
        raise  # not a damaged file: the caller says there is not enough memory
    except Exception:  # a damaged or hostile file: never a traceback, never a library's words
        # kept for a bug report: a fault of ours reached through openpyxl reads as "damaged" too
        logging.getLogger(__name__).debug("openpyxl could not read a workbook", exc_info=True)
        raise InputError(str(p), damaged) from None
    try:
        if not wb.worksheets:
            raise InputError(str(p), [f"has no sheet; {fix}"])
        ws = _log_sheet(wb, p)
        header, data, labels, numeric, unvalued = _sheet_table(
            ws, uncached.get(ws.title, set()), f"{p}, sheet {ws.title}",
            merges.get(ws.title, ()))
    except DamagedPart:  # a sheet part openpyxl could not read (a bug of ours propagates)
        raise InputError(str(p), damaged) from None
    finally:
        wb.close()
    width = max([_used(r) for r in data] + [_used(header)])
    names = _column_names(header[:width] + [""] * (width - len(header)))
    frame = pd.DataFrame([r[:width] + [""] * (width - len(r)) for r in data], columns=names,
                         dtype=str)
    frame.attrs.update(sheet=ws.title, rows=KeptList(labels),
                       # each sheet as the note names it
                       sheets={w.title: w.title + ("" if getattr(w, "sheet_state", "visible")
                                                   == "visible" else " (hidden)")
                               for w in wb.worksheets},
                       hidden=hidden_rows(p, ws.title, labels),
                       numeric=KeptDict({names[j]: v for j, v in numeric.items() if j < width}),
                       uncached=KeptDict({names[j]: v for j, v in unvalued.items() if j < width}))
    return frame


HEADER_SCAN = 30  # rows looked at for a header below a title


def _top_rows(ws) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) of the first non-blank rows of a sheet."""
    out = []
    from planner.coachform.guard import sheet_rows

    for n, cells in enumerate(sheet_rows(ws.iter_rows(min_row=1, max_row=HEADER_SCAN,
                                                      values_only=True)), start=1):
        texts = ["" if v is None else str(v) for v in cells]
        if any(t.strip() for t in texts):
            out.append((n, texts))
    return out


def _log_sheet(wb, p: Path):
    """The sheet the log is on: the one named Sessions, else the first visible sheet whose
    header names the columns the log needs, else the first visible sheet. A title above the
    header is refused with the header's row (the rows below would be read as sessions)."""
    visible = [w for w in wb.worksheets if getattr(w, "sheet_state", "visible") == "visible"]
    named = [w for w in wb.worksheets if fold(w.title) == "sessions"]
    named = [w for w in named if w in visible] or named
    tops = {w.title: _top_rows(w) for w in (visible or wb.worksheets)}
    found = [w for w in visible if any(set(REQUIRED) <= header_keys(t) for _n, t in tops[w.title])]
    titles = {fold(w.title) for w in wb.worksheets}
    if not named and not found and {"cover", "overview", "calendar"} <= titles:
        # "sheet Cover: no column for Athlete ID …" did not say what the file is
        raise InputError(str(p), [
            "is a plan workbook exported by Periodize (sheets Cover, Overview, Calendar, …), not a "
            "session log; give the log your GPS or monitoring system exports, or a coach "
            "workbook whose Sessions sheet lists the sessions"])
    ws = (named or found or visible or wb.worksheets)[0]
    rows = tops.get(ws.title) or _top_rows(ws)
    if rows and not set(REQUIRED) <= header_keys(rows[0][1]):
        at = next((n for n, t in rows if set(REQUIRED) <= header_keys(t)), None)
        if at is not None:
            first, texts = rows[0]
            said = " ".join(t.strip() for t in texts if t.strip())[:60]
            raise InputError(f"{p}, sheet {ws.title}", [
                f"row {first} is not the header (it reads {said!r}); the header is row {at}: "
                f"delete the rows above it, so that the first row names the columns: "
                f"{COLUMNS_TEXT}"])
    return ws


def hidden_rows(p: Path, sheet: str, labels: list[str]) -> list[str]:
    """The rows of ``labels`` that the sheet hides (hidden, or filtered out): read like the
    others, and said, since a coach does not see them in Excel."""
    from planner.coachform.guard import PART_ERRORS, hidden_row_numbers

    try:
        hidden = hidden_row_numbers(p, sheet)
    except PART_ERRORS:  # a part not as Excel writes it: nothing to say
        return []
    return [lab for lab in labels if lab.isdigit() and int(lab) in hidden]


def _sheet_table(ws, missing: set[str], source: str, merges=()):
    """(header, data rows, each row's number, column -> rows holding a number, column -> rows
    holding a formula without a value) of a sheet, as text; blank rows left out. A merged range
    (``guard.Merge``) over the data rows of a column the log reads is refused: it hides values."""
    from openpyxl.utils import get_column_letter

    from planner.coachform.guard import EXCEL_ROWS, NO_VALUE, merge_problem, sheet_rows

    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers state a wrong size; read what is there
    header: list[str] | None = None
    known: set[int] = set()  # the header's columns the log reads (ALIASES)
    data: list[list[str]] = []
    labels: list[str] = []
    numeric: dict[int, set[int]] = {}
    unvalued: dict[int, set[int]] = {}
    # no further than Excel's last row, whatever row a file names (a check above refuses what
    # it sees; XML can spell a row number many ways)
    for n, cells in enumerate(sheet_rows(ws.iter_rows(min_row=1, max_row=EXCEL_ROWS)), start=1):
        read = [_cell_text(c) for c in cells]
        texts = [t for t, _ in read]
        gaps = [j for j in range(len(cells)) if f"{get_column_letter(j + 1)}{n}" in missing] \
            if missing else []
        if header is not None:  # only the columns the log reads: a formula filled down an extra
            gaps = [j for j in gaps if j in known]  # column below the data makes no row
        if not any(t.strip() for t in texts) and not gaps:
            continue  # a blank row
        if header is None:
            if gaps:
                raise InputError(source, [f"row {n}, column {get_column_letter(gaps[0] + 1)} "
                                          f"(a header): {NO_VALUE}"])
            header = texts
            aliases = {a for names in ALIASES.values() for a in names}
            known = {j for j, h in enumerate(header) if fold(h) in aliases}
            hidden = [(m, m.hides([j + 1 for j in known], n + 1)) for m in merges]
            hidden = [(m, cols) for m, cols in hidden if cols]
            if hidden:
                raise InputError(source, [merge_problem(m, n + 1, header[cols[0] - 1].strip())
                                          for m, cols in hidden])
            continue
        k = len(data)
        if k > MAX_ROWS:
            break
        data.append(texts)
        labels.append(str(n))
        for j, (_, is_number) in enumerate(read):
            if is_number:
                numeric.setdefault(j, set()).add(k)
        for j in gaps:
            unvalued.setdefault(j, set()).add(k)
    return header or [], data, labels, numeric, unvalued


def _used(texts: list[str]) -> int:
    """How many cells of a row reach its last one with content."""
    return next((j + 1 for j in range(len(texts) - 1, -1, -1) if texts[j].strip()), 0)


def _column_names(header: list[str]) -> list[str]:
    """Headers as pandas names them (a repeated one ``RPE.1``, an empty one ``Unnamed: 3``), which
    :func:`column_label` says in the coach's words."""
    out: list[str] = []
    for j, h in enumerate(header):
        name = h.strip() if h.strip() else f"Unnamed: {j}"
        base, k = name, 0
        while name in out:
            k += 1
            name = f"{base}.{k}"
        out.append(name)
    return out


def _cell_text(cell) -> tuple[str, bool]:
    """(the cell's value as text, it is a number): ``75``, ``7.5``, ``95`` for 0.95 in a cell
    formatted as a percentage, ``2026-09-14 00:00:00`` for a date."""
    import datetime as _dt

    from planner.coachform.guard import cell_format

    v = getattr(cell, "value", None)
    if v is None:
        return "", False
    if isinstance(v, bool):
        return str(v), False
    if isinstance(v, int | float):
        if "%" in cell_format(cell):
            v = round(v * 100, 9)
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v), True
    if isinstance(v, _dt.datetime):
        return v.isoformat(sep=" "), False
    if isinstance(v, _dt.date | _dt.time):
        return v.isoformat(), False
    return str(v), False

