"""Edges of the files a coach gives: session logs (CSV, XLSX) and the coach workbook.

Numbers with a thousands separator, cells formatted as percentages, formulas without a calculated
value, blank rows and the row numbers a coach sees, files that are no workbook, a CSV whose first
line is not its header. Every input is built here, in ``tmp_path``."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from planner import edits as E
from planner.coachform.read import import_workbook
from planner.errors import InputError
from planner.season import Athlete, Session
from planner.sessionlog import read_sessions
from planner.text import day_long
from planner.validate import season_problems
from tests.builders import day, season
from tests.planner.test_coachform import ATHLETE_ROWS, COMPETITION_ROWS, SEASON_ROWS, book

CLASS_NAMES = re.compile(r"Error\b|Exception|KeyError|BadZipFile|InvalidFile|Traceback|openpyxl|pandas")
NO_VALUE = "is a formula with no calculated value"


@pytest.fixture
def s():
    base = season(weeks=4, athletes=3, today=day(14))
    return base.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) for a in base.athletes)})


def csv_file(tmp_path, text: str, name: str = "log.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def xlsx_log(tmp_path, rows, name: str = "log.xlsx", formats: dict | None = None):
    """A log workbook: a Sessions sheet with ``rows`` (None: a blank row); ``formats``: cell
    (``E2``) -> number format."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    for n, row in enumerate(rows, start=1):
        for j, v in enumerate(row or (), start=1):
            ws.cell(n, j, v)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    p = tmp_path / name
    wb.save(p)
    return p


def problems(path, s) -> list[str]:
    with pytest.raises(InputError) as e:
        read_sessions(path, s)
    text = str(e.value)
    assert not CLASS_NAMES.search(text), text
    return e.value.problems


def workbook_problems(path) -> tuple[str, list[str]]:
    with pytest.raises(InputError) as e:
        import_workbook(path)
    text = str(e.value)
    assert not CLASS_NAMES.search(text), text
    return text, e.value.problems


def with_cached_value(path, value: str) -> None:
    """Give every formula openpyxl wrote (``<v />``: no calculated value) the cached ``value``, as
    Excel saves it."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    for name in parts:
        if name.startswith("xl/worksheets/"):
            parts[name] = parts[name].replace(b"<v />", f"<v>{value}</v>".encode()).replace(
                b"<v/>", f"<v>{value}</v>".encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# ---------------------------------------------------------------------------------------------
# 1. Thousands separators: refused, not guessed
# ---------------------------------------------------------------------------------------------
def test_a_grouped_number_in_a_log_is_refused_not_misread(tmp_path, s):
    """'1,080' in an sRPE column was read 1.08 (RPE 0.01), '1,234' minutes 1.234, and '1.080' in a
    semicolon CSV the same."""
    p = csv_file(tmp_path, f"Player,Date,Duration,sRPE\nA1,{day(1)},120,\"1,080\"\n"
                           f"A2,{day(1)},\"1,234\",5\n")
    assert problems(p, s) == [
        f"row 2 (A1, {day(1)}), sRPE: '1,080' could be 1080 or 1.08: write it without a thousands separator "
        "(1080), or as a decimal without three digits after the ',' (1.08)",
        f"row 3 (A2, {day(1)}), Duration: '1,234' could be 1234 or 1.234: write it without a thousands separator "
        "(1234), or as a decimal without three digits after the ',' (1.2340)"]
    p = csv_file(tmp_path, f"Player;Date;Duration;sRPE\nA1;{day(1)};120;1.080\nA2;{day(1)};60;1,080.5\n")
    got = problems(p, s)
    assert got[0].startswith(f"row 2 (A1, {day(1)}), sRPE: '1.080' could be 1080 or 1.08")
    assert got[1].startswith(f"row 3 (A2, {day(1)}), sRPE: '1,080.5' has both a comma and a dot")
    assert len(got) == 2  # said once: not also "is not a number"


def test_a_decimal_comma_still_reads(tmp_path, s):
    p = csv_file(tmp_path, f"Athlete ID;Date;Minutes;RPE;Pain\nA1;{day(1)};60;7,5;0,125\n"
                           f"A2;{day(1)};90;5;1.5\n")
    assert [(x.minutes, x.rpe, x.pain) for x in read_sessions(p, s).sessions] == [
        (60, 7.5, 0.125), (90, 5, 1.5)]


def test_a_number_cell_of_a_log_workbook_is_never_ambiguous(tmp_path, s):
    """The workbook's cells are read as text: a number cell 8.125 arrives as '8.125' and must not
    be taken for a thousands separator; the same written as text is, and read as the one
    reading a top speed can be (8125 m/s cannot), said."""
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s"),
                            ("A1", day(1), 60, 5, 8.125)])
    (x,) = read_sessions(p, s).sessions
    assert x.top_speed_ms == 8.125
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s"),
                            ("A1", day(1), "1,080", 5, "8.125")], "text.xlsx")
    got = problems(p, s)
    assert [g.split(":")[0] for g in got] == [f"row 2 (A1, {day(1)}), Minutes"]
    assert "could be 1080 or 1.08" in got[0]
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s"),
                            ("A1", day(1), 60, 5, "8.125")], "speed.xlsx")
    r = read_sessions(p, s)
    assert r.sessions[0].top_speed_ms == 8.125
    assert "'Top speed m/s': row 2 '8.125' read as 8.125 (8125 cannot be in this column)" in r.notes


def test_a_grouped_number_in_the_workbook_sessions_sheet_is_refused(tmp_path):
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed m/s")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Competitions=COMPETITION_ROWS, Athletes=ATHLETE_ROWS,
                Sessions=[head, ("A1", "2027-01-11", "1,080", 6, 8.125),
                          ("A1", "2027-01-12", "7,5", 6, None)])
    _, got = workbook_problems(path)
    assert got == ["Sessions, row 2, Minutes: '1,080' could be 1080 or 1.08: write it without a "
                   "thousands separator (1080), or as a decimal without three digits after the "
                   "',' (1.08)"]


# ---------------------------------------------------------------------------------------------
# 2. Cells formatted as a percentage
# ---------------------------------------------------------------------------------------------
def test_a_top_speed_cell_formatted_as_percent_is_read_as_excel_shows_it(tmp_path, s):
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Top speed %"),
                            ("A1", day(1), 60, 5, 0.95), ("A2", day(1), 60, 5, 92)],
                 formats={"E2": "0%"})
    assert [x.top_speed_pct for x in read_sessions(p, s).sessions] == [95, 92]
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed %")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Competitions=COMPETITION_ROWS, Athletes=ATHLETE_ROWS,
                Sessions=[head, ("A1", "2027-01-11", 60, 6, 0.95), ("A1", "2027-01-12", 60, 6, 92)])
    wb = openpyxl.load_workbook(path)
    wb["Sessions"]["E2"].number_format = "0%"
    wb.save(path)
    assert [x.top_speed_pct for x in import_workbook(path).sessions] == [95, 92]


# ---------------------------------------------------------------------------------------------
# 3. Formulas without a calculated value
# ---------------------------------------------------------------------------------------------
def test_a_formula_without_a_value_in_the_workbook_is_refused_required_or_optional(tmp_path):
    path = book(tmp_path, Competitions=COMPETITION_ROWS,
                Athletes=[ATHLETE_ROWS[0], ("A1", "Ann Ash", "Defender", "=8+1"),
                          ("=\"A\"&2", "Bo Birch", "Forward", None)])
    text, got = workbook_problems(path)
    assert [g.split(":")[0] for g in got] == ["Athletes, row 2, Max speed", "Athletes, row 3, ID"]
    assert all(NO_VALUE in g and "open it in Excel or LibreOffice and save it, or type the value"
               in g for g in got)
    with_cached_value(path, "9")  # as Excel saves it: the value is read
    assert [a.max_speed for a in import_workbook(path).athletes][:1] == [9]


def test_a_formula_without_a_value_in_a_log_workbook_is_refused(tmp_path, s):
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Pain", "Other"),
                            ("A1", day(1), "=60+15", 0, "=1+1", "=1"),  # RPE 0: the cached
                            # 2 minutes below are no duration in hours (an effort would be)
                            ("A2", day(2), 60, 5, None, None)])
    got = problems(p, s)
    assert [g.split(":")[0] for g in got] == [f"row 2 (A1, {day(1)}), Minutes",
                                              f"row 2 (A1, {day(1)}), Pain"]  # Other: not read
    assert all(NO_VALUE in g for g in got)
    with_cached_value(p, "2")
    assert [x.pain for x in read_sessions(p, s).sessions] == [2, None]


def test_a_formula_filled_down_an_extra_column_below_the_data_adds_no_rows(tmp_path, s):
    """A template with a 'Load' column (=C*D) filled down below the data, saved by a program
    that does not calculate: those rows are blank for the log (it does not read 'Load'); they
    were read as sessions with every field missing."""
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE", "Load"),
                            ("A1", day(1), 60, 5, "=C2*D2")]
                 + [(None, None, None, None, f"=C{r}*D{r}") for r in range(3, 8)])
    got = read_sessions(p, s)
    assert [(x.athlete, x.minutes) for x in got.sessions] == [("A1", 60)]


# ---------------------------------------------------------------------------------------------
# 4. Blank rows and the row numbers a coach sees
# ---------------------------------------------------------------------------------------------
def test_blank_lines_of_a_csv_keep_the_row_numbers(tmp_path, s):
    p = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\n\nA1,{day(1)},75,5\n\n,,,\n"
                           f"A2,{day(1)},75,14\n")
    assert problems(p, s) == [f"row 6 (A2, {day(1)}), RPE: 14 is outside 0-10; write the session RPE "
                              f"(0-10)"]
    p = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE,Note\nA1,{day(1)},75,5,\"felt ok\nsore\"\n"
                           f"A2,{day(1)},75,14,\n")
    assert problems(p, s) == [f"row 3 (line 4) (A2, {day(1)}), RPE: 14 is outside 0-10; write the "
                              f"session RPE (0-10)"]
    p = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},75,5\n\nA1,{day(1)},75,5\n")
    assert read_sessions(p, s).repeated == ["row 4 repeats row 2 (375 AU left out)"]


def test_blank_rows_of_a_log_workbook_are_skipped_and_rows_keep_their_numbers(tmp_path, s):
    p = xlsx_log(tmp_path, [None, ("Athlete ID", "Date", "Minutes", "RPE"),
                            ("A1", day(1), 75, 5), None, ("", " ", None, None),
                            ("A2", day(1), 75, 14)])
    assert problems(p, s) == [f"row 6 (A2, {day(1)}), RPE: 14 is outside 0-10; write the session RPE "
                              f"(0-10)"]


# ---------------------------------------------------------------------------------------------
# 5, 6. Files that are no workbook
# ---------------------------------------------------------------------------------------------
def not_workbooks(tmp_path) -> dict[str, str]:
    """name -> the words the message must hold."""
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "csv.xlsx").write_text("Athlete ID,Date\nA1,2027-01-05\n")
    ok = tmp_path / "ok.xlsx"
    openpyxl.Workbook().save(ok)
    (tmp_path / "truncated.xlsx").write_bytes(ok.read_bytes()[:1500])
    with zipfile.ZipFile(tmp_path / "ods.xlsx", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as z:
        z.writestr("hello.txt", "hi")
    return {"empty.xlsx": "it is empty (0 bytes)", "csv.xlsx": "it is a text file",
            "truncated.xlsx": "it is damaged or incomplete",
            "ods.xlsx": "it is an OpenDocument spreadsheet",
            "zip.xlsx": "it is a zip archive without a workbook in it"}


def test_a_log_that_is_no_workbook_is_said_in_plain_words(tmp_path, s):
    for name, words in not_workbooks(tmp_path).items():
        (problem,) = problems(tmp_path / name, s)
        assert problem.startswith("is not an Excel workbook (.xlsx): " + words), problem
        assert problem.endswith("; export the log as CSV or XLSX")


def test_an_import_of_a_file_that_is_no_workbook_says_what_it_is(tmp_path):
    for name, words in not_workbooks(tmp_path).items():
        _, (problem,) = workbook_problems(tmp_path / name)
        assert problem.startswith("cannot be read as an Excel workbook: " + words), problem
    # a workbook saved without its .xlsx extension is read
    path = book(tmp_path, "coach.xlsx", Competitions=COMPETITION_ROWS)
    plain = tmp_path / "coach"
    plain.write_bytes((tmp_path / "coach.xlsx").read_bytes())
    assert import_workbook(plain).name == import_workbook(path).name


def _with_sheet_damage(src, dst, old: bytes, new: bytes):
    """``src`` copied to ``dst`` with ``old`` replaced by ``new`` once in its first sheet part."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(info, data)
    return dst


DAMAGES = {"a row numbered 'x2'": (b'<row r="2"', b'<row r="x2"'),  # openpyxl: ValueError
           "a misspelled attribute": (b"<dimension", b'<sheetPr><pageSetUpPr fitToPagk="1"/>'
                                                     b"</sheetPr><dimension"),  # TypeError
           "a cut-off part": (b"</sheetData>", b"")}  # the XML parser: ParseError


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_sheet_part_is_said_once_in_a_log_and_in_an_import(tmp_path, s, damage):
    """What openpyxl raises on a sheet part not as Excel writes it (a ValueError, a TypeError) is
    the file's fault, said in a sentence: the import let the ValueError out as a traceback."""
    log = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE"), ("A1", str(day(1)), 60, 5)])
    coach = book(tmp_path, Competitions=COMPETITION_ROWS)
    old, new = DAMAGES[damage]
    assert problems(_with_sheet_damage(log, tmp_path / "log-damaged.xlsx", old, new), s) == [
        "is not an Excel workbook (.xlsx): a part of it is damaged or not as Excel writes it; "
        "export the log as CSV or XLSX"]
    _, found = workbook_problems(_with_sheet_damage(coach, tmp_path / "coach-damaged.xlsx", old,
                                                    new))
    assert found == ["cannot be read as an Excel workbook: a part of it is damaged or not as Excel "
                     "writes it; save it again from Excel as an Excel Workbook (.xlsx)"]


def _bug(*_args, **_kwargs):
    raise TypeError("a bug in Periodize's own code")


@pytest.mark.parametrize("helper", ["package_problems", "uncached_formulas", "merged_cells"])
def test_a_bug_in_reading_a_log_workbook_is_not_said_to_be_a_damaged_file(tmp_path, s,
                                                                            monkeypatch, helper):
    """A TypeError of Periodize's own code propagates (a bug to fix), never "a part of it is
    damaged": the coach would look for a fault in a sound file."""
    from planner import logfile
    from planner.coachform import guard

    log = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE"), ("A1", str(day(1)), 60, 5)])
    monkeypatch.setattr(guard, helper, _bug)
    with pytest.raises(TypeError, match="own code"):
        read_sessions(log, s)
    monkeypatch.undo()
    for name in ("_log_sheet", "_sheet_table", "_cell_text"):  # while the sheet is read
        with monkeypatch.context() as m:
            m.setattr(logfile, name, _bug)
            with pytest.raises(TypeError, match="own code"):
                read_sessions(log, s)
    assert len(read_sessions(log, s).sessions) == 1


def _out_of_memory(*_args, **_kwargs):
    raise MemoryError


def test_running_out_of_memory_reading_a_workbook_is_not_said_to_be_a_damaged_file(
        tmp_path, s, monkeypatch):
    """openpyxl running out of memory is no damaged file: the MemoryError reaches the caller,
    which says there is not enough memory (the CLI has its own sentence for it)."""
    log = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE"), ("A1", str(day(1)), 60, 5)])
    coach = book(tmp_path, Competitions=COMPETITION_ROWS)
    monkeypatch.setattr(openpyxl, "load_workbook", _out_of_memory)
    with pytest.raises(MemoryError):
        read_sessions(log, s)
    with pytest.raises(MemoryError):
        import_workbook(coach)


def _library_error(*_args, **_kwargs):
    raise ValueError("the library's own words")


def test_the_library_error_on_a_damaged_file_is_logged_for_a_bug_report(tmp_path, s, monkeypatch,
                                                                         caplog):
    """The coach reads "damaged"; the log keeps the library's own error and traceback, so a fault
    of ours reached through it can still be traced."""
    import logging

    log = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE"), ("A1", str(day(1)), 60, 5)])
    coach = book(tmp_path, Competitions=COMPETITION_ROWS)
    monkeypatch.setattr(openpyxl, "load_workbook", _library_error)
    with caplog.at_level(logging.DEBUG, logger="planner"):
        assert problems(log, s) == ["is not an Excel workbook (.xlsx): a part of it is damaged or "
                                    "not as Excel writes it; export the log as CSV or XLSX"]
        workbook_problems(coach)
    logged = [r for r in caplog.records if "could not read" in r.getMessage()]
    assert [r.name for r in logged] == ["planner.logfile", "planner.coachform.read"]
    # the traceback is kept: as the exception itself, or redacted of its message once the app
    # has installed its private log records (ui.private_logs, in a process that opened one)
    assert all(r.levelno == logging.DEBUG and (
        r.exc_info[0] is ValueError if r.exc_info else
        "builtins.ValueError" in (r.exc_text or "") and "_library_error" in r.exc_text)
        for r in logged)


@pytest.mark.parametrize("helper", ["uncached_formulas", "merged_cells"])
def test_a_bug_in_importing_a_workbook_is_not_taken_for_a_damaged_part(tmp_path, monkeypatch,
                                                                       helper):
    """The import used to catch any error of these helpers and go on without formula and merge
    checks, saying nothing: a bug now propagates."""
    from planner.coachform import read

    coach = book(tmp_path, Competitions=COMPETITION_ROWS)
    monkeypatch.setattr(read, helper, _bug)
    with pytest.raises(TypeError, match="own code"):
        import_workbook(coach)


# ---------------------------------------------------------------------------------------------
# 7. A CSV whose first line is not its header, an unclosed quote, an empty file
# ---------------------------------------------------------------------------------------------
def test_a_csv_whose_first_line_is_not_the_header(tmp_path, s):
    for text, what in ((f"\nAthlete ID,Date,Minutes,RPE\nA1,{day(1)},75,5\n", "line 1 is blank"),
                       (f"Report: squad, 1 Dec\nAthlete ID;Date;Minutes;RPE\nA1;{day(1)};75;5\n",
                        "line 1 is not the header (it reads 'Report: squad, 1 Dec')")):
        (problem,) = problems(csv_file(tmp_path, text), s)
        assert problem.startswith(f"{what}; the header is line 2: delete the lines above the "
                                  f"header, so that the first line names the columns: Athlete ID, "
                                  f"Date, Minutes, RPE"), problem
    # a file with no header anywhere: its columns are said, as before
    (problem,) = problems(csv_file(tmp_path, "name,email\nAnn,a@b\n"), s)
    assert problem.startswith("no column for Date, Minutes, RPE")


def test_an_unclosed_quote_and_an_empty_csv(tmp_path, s):
    p = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},75,5\n\"A2,{day(2)},75,5\n")
    assert problems(p, s) == ["row 3: a quote (\") opens a text that is never closed, so the rest "
                              "of the file would be read as one cell; close the quote after the "
                              "text, or remove it"]
    for text in ("", "\n\n  \n"):
        (problem,) = problems(csv_file(tmp_path, text), s)
        assert problem.startswith("is empty; export the log again"), problem


# ---------------------------------------------------------------------------------------------
# 8. Athlete IDs that differ only in case, merged cells, minutes played
# ---------------------------------------------------------------------------------------------
def test_athlete_ids_that_differ_only_in_case_are_refused_where_entered(tmp_path, s):
    # a log finds an athlete by ID whatever its case: "a1" and "A1" could not be told apart
    path = book(tmp_path, Athletes=[("ID", "Name"), ("A1", "Ann Ash"), (" a1 ", "Bo Birch")],
                Competitions=COMPETITION_ROWS)
    _, found = workbook_problems(path)
    assert found == ["Athletes, row 3, ID: 'a1' differs from row 2's 'A1' only in case, and a "
                     "log cannot tell them apart; give each athlete a unique ID"]
    # a season file made before holds such a pair and still opens; a log needs the exact ID
    twin = s.model_copy(update={"athletes": s.athletes + (
        s.athletes[0].model_copy(update={"id": s.athletes[0].id.lower(), "name": "Twin"}),)})
    assert season_problems(twin) == []
    log = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\na1,{day(2)},60,5\n"
                             f"A2,{day(3)},60,5\na2,{day(4)},60,5\n")
    assert [(x.athlete, x.date) for x in read_sessions(log, twin).sessions] == [
        ("A1", day(1)), ("a1", day(2)), ("A2", day(3)), ("A2", day(4))]  # a2 is A2: one only
    log = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\n A1 ,{day(1)},60,5\nA3,{day(2)},60,5\n"
                             f"Athlete 1,{day(3)},60,5\n", "b.csv")
    assert [x.athlete for x in read_sessions(log, twin).sessions] == ["A1", "A3", "A1"]
    log = csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\nA1,{day(1)},60,5\n", "c.csv")
    assert read_sessions(log, twin).sessions[0].athlete == "A1"
    ids = {"A1": "Ab", "a1": "aB"}  # written in neither case: which one is meant is not said
    s2 = twin.model_copy(update={"athletes": tuple(
        a.model_copy(update={"id": ids.get(a.id, a.id)}) for a in twin.athletes)})
    (problem,) = problems(csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE\nAB,{day(1)},60,5\n",
                                   "d.csv"), s2)
    assert problem == "row 2, Athlete ID: 'AB' is the ID of Ab and of aB in another case; write it exactly"
    with pytest.raises(InputError, match="has the ID 'A1' already; give each athlete a unique ID"):
        E.AddAthlete(athlete=Athlete(id="a1", name="Twin")).apply(s)
    assert E.AddAthlete(athlete=Athlete(id="A4", name="New")).apply(s).athlete("A4").name == "New"


def _merged_book(tmp_path, ref: str, rows, name="coach.xlsx") -> str:
    path = book(tmp_path, name, Athletes=rows, Competitions=COMPETITION_ROWS)
    wb = openpyxl.load_workbook(path)
    wb["Athletes"].merge_cells(ref)
    wb.save(path)
    return path


def test_merged_cells_over_data_rows_are_refused_not_read_as_empty(tmp_path):
    rows = [("ID", "Name", "Position", "Role", "Note"), ("A1", "Ann Ash", "GK", "bench", "x"),
            ("A2", "Bo Birch", None, None, None), ("A3", "Cy Cole", None, None, None)]
    # Excel shows "bench" on rows 2-4; read-only openpyxl reads it on row 2 only
    _, found = workbook_problems(_merged_book(tmp_path, "D2:D4", rows))
    assert found == ["Athletes, rows 2–4, Role: the cells D2:D4 are merged, and a merged range "
                     "keeps its value in its first cell only; unmerge them (Home ▸ Merge & "
                     "Center) and write the value in every cell (or delete the rows if they are a "
                     "note or a total)"]
    _, found = workbook_problems(_merged_book(tmp_path, "B3:C3", rows, "two.xlsx"))
    assert found[0].startswith("Athletes, row 3, Position: the cells B3:C3 are merged")
    # merges that hide nothing: down a column the import does not read, a value spilling into it
    assert len(import_workbook(_merged_book(tmp_path, "E2:E4", rows, "note.xlsx")).athletes) == 3
    assert len(import_workbook(_merged_book(tmp_path, "D2:E2", rows, "spill.xlsx")).athletes) == 3


def test_merged_cells_in_a_log_workbook_are_refused(tmp_path, s):
    p = xlsx_log(tmp_path, [("Athlete ID", "Date", "Minutes", "RPE"), ("A1", str(day(1)), 60, 5),
                            ("A2", str(day(1)), 60, None), ("A3", str(day(1)), 60, None)])
    wb = openpyxl.load_workbook(p)
    wb["Sessions"].merge_cells("D2:D4")
    wb.save(p)
    assert problems(p, s) == ["rows 2–4, RPE: the cells D2:D4 are merged, and a merged range "
                              "keeps its value in its first cell only; unmerge them (Home ▸ Merge "
                              "& Center) and write the value in every cell (or delete the rows if "
                              "they are a note or a total)"]


def test_minutes_played_above_the_sessions_minutes_are_refused(tmp_path, s):
    text = (f"Athlete ID,Date,Minutes,RPE,Minutes played\nA1,{day(5)},30,5,90\n"
            f"A2,{day(5)},95,7,90\n")
    assert problems(csv_file(tmp_path, text), s) == [
        f"row 2 (A1, {day(5)}), Minutes played: 90 minutes played is more than the session's 30 minutes (they "
        "include the match): write at least 90 minutes, or check that the columns are the right "
        "way round"]
    # refused where sessions are entered, not in a season file: older versions wrote a bench
    # session's 30 minutes for up to 44 minutes played, and such a file still opens
    from planner.seasonfile import season_from_dict, season_to_dict

    old = s.model_copy(update={"sessions": (
        Session(athlete="A1", date=day(5), minutes=30, rpe=7, minutes_played=40),)})
    assert season_from_dict(season_to_dict(old)).sessions == old.sessions
    # on a day without a competition they are read, and said not to be used
    res = read_sessions(csv_file(tmp_path, f"Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                           f"A1,{day(1)},95,7,90\nA2,{day(5)},95,7,90\n"), s)
    assert len(res.sessions) == 2
    assert ("Minutes played not used on row 2: no competition of the season is on that day "
            "(minutes played set the role of a competition day only)") in res.notes


# ---------------------------------------------------------------------------------------------
# Control characters in the names a coach types
# ---------------------------------------------------------------------------------------------
def test_a_season_file_with_a_control_character_in_a_name_is_refused_where_it_is(tmp_path):
    """A bell and an escape in an athlete's name were printed raw (the terminal rang and turned
    red), a NUL vanished from the Excel export: a name, a competition's, a block's, a day off's
    reason, a position hold none; a session's note may keep its lines."""
    import json

    from planner.season import Block, Competition, NonTrainingDay
    from planner.seasonfile import dumps, load_season

    base = season(weeks=3, athletes=2)
    cal = base.calendar
    good = base.model_copy(update={
        "competitions": (Competition(id="C1", name="Cup", date=day(5), priority="A"),),
        "blocks": (Block(name="Base", start=day(0), end=day(6)),),
        "calendar": cal.model_copy(update={"non_training_days": (NonTrainingDay(date=day(8),
                                                                                reason="Trip"),)}),
        "sessions": (Session(athlete="A1", date=day(1), minutes=60, rpe=5, note="tight\nhip"),)})
    p = tmp_path / "s.season.json"
    p.write_text(dumps(good), encoding="utf-8")
    assert load_season(p).sessions[0].note == "tight\nhip"  # a note keeps its lines
    doc = json.loads(p.read_text(encoding="utf-8"))
    doc["athletes"][0]["name"] = "Tom\u0007Berger\u001b[31m"
    doc["athletes"][1]["position"] = "Mid\tfield"
    doc["competitions"][0]["name"] = "Cup\u0000"
    doc["blocks"][0]["name"] = "Base\nweek"
    doc["calendar"]["non_training_days"][0]["reason"] = "Trip\u001b"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_season(p)
    said = e.value.problems
    for place, code in (("athletes[0].name", "0007"), ("athletes[1].position", "0009"),
                        ("competitions[0].name", "0000"), ("blocks[0].name", "000A"),
                        ("calendar.non_training_days[0].reason", "001B")):
        assert f"{place}: holds a control character (U+{code}); remove it" in said, (place, said)


def test_a_workbook_with_a_control_character_in_a_name_is_refused_by_sheet_row_and_column(tmp_path):
    """The workbook's names and reasons are refused as the season file's are, with the sheet,
    row and column (a Note keeps its lines); never a traceback."""
    path = book(tmp_path, Athletes=[*ATHLETE_ROWS[:2], ("A2", "Bo\tBirch", "Forward", None)],
                Competitions=[COMPETITION_ROWS[0], ("2027-01-16", "Cup\nfinal", "A")],
                Non_training_days=[("Date", "Reason"), ("2027-01-12", "Trip\thome")])
    with pytest.raises(InputError) as e:
        import_workbook(path)
    said = e.value.problems
    assert "Athletes, row 3, Name: holds a control character (U+0009); remove it" in said
    assert "Competitions, row 2, Name: holds a control character (U+000A); remove it" in said
    assert "Non-training days, row 2, Reason: holds a control character (U+0009); remove it" in said


# ---------------------------------------------------------------------------------------------
# Two pins of one target
# ---------------------------------------------------------------------------------------------
def test_two_pins_of_one_athlete_day_or_week_are_refused_at_load_naming_the_first(tmp_path):
    """Two pins on one athlete and day (80 % and 0 %, a hand-edited file) loaded without a word;
    solving then said "infeasible" with no cause. Refused where they are, as every other
    duplicate is; the app's pin replaces the one there (edits.AddPin), so it never makes two."""
    import json

    from planner.season import IntensityPin, WeekPin
    from planner.seasonfile import dumps, load_season

    s = season(weeks=4, athletes=2)
    name = s.athlete_label("A1")
    pins = (IntensityPin(athlete="A1", date=day(3), intensity=80),
            IntensityPin(athlete="A2", date=day(3), intensity=0),  # another athlete: fine
            WeekPin(week=day(7), week_kind="deload"),
            IntensityPin(athlete="A1", date=day(4), intensity=90))  # another day: fine
    p = tmp_path / "s.season.json"
    p.write_text(dumps(s.model_copy(update={"pins": pins})), encoding="utf-8")
    assert len(load_season(p).pins) == 4
    doc = json.loads(p.read_text(encoding="utf-8"))
    doc["pins"] += [{"kind": "intensity", "athlete": "A1", "date": str(day(3)), "intensity": 0},
                    {"kind": "week", "athlete": None, "week": str(day(7)), "week_kind": "taper"}]
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_season(p)
    assert e.value.problems == [
        f"pins[4]: {name} on {day_long(day(3))} is already pinned (pins[0], 80 %); keep one",
        f"pins[5]: the team's week of {day_long(day(7))} is already pinned (pins[2], deload); "
        f"keep one"]
    # the app's pin on a pinned day replaces it: one pin, the new level
    again = E.AddPin(pin=IntensityPin(athlete="A1", date=day(3), intensity=0)).apply(
        s.model_copy(update={"pins": pins}))
    assert [p.intensity for p in again.pins if p.kind == "intensity" and p.athlete == "A1"
            and p.date == day(3)] == [0]


@pytest.mark.parametrize("mark", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e"])
def test_a_text_direction_mark_in_a_name_is_refused_in_the_file_and_the_workbook(tmp_path, mark):
    """Review 259: U+202E in an athlete's name was accepted and turned the text after it around
    on the board and in the Excel sheets ("LTR" for "RTL"). The season file and the workbook
    refuse it where a control character is refused, naming the field and the mark."""
    import json

    from planner.seasonfile import dumps, load_season

    said = (f"holds a text-direction mark (U+{ord(mark):04X}), which turns the text after it "
            f"around on the board and in exports; remove it")
    good = season(weeks=2, athletes=2)
    p = tmp_path / "s.season.json"
    p.write_text(dumps(good), encoding="utf-8")
    doc = json.loads(p.read_text(encoding="utf-8"))
    doc["athletes"][0]["name"] = f"Tom {mark}RTL"
    doc["competitions"][0]["name"] = f"Cup{mark}"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_season(p)
    assert f"athletes[0].name: {said}" in e.value.problems
    assert f"competitions[0].name: {said}" in e.value.problems
    path = book(tmp_path, Athletes=[*ATHLETE_ROWS[:2], ("A2", f"Bo {mark}Birch", "Forward", None)])
    with pytest.raises(InputError) as e:
        import_workbook(path)
    assert f"Athletes, row 3, Name: {said}" in e.value.problems
