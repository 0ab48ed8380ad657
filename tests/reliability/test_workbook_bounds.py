"""The coach workbook reader is bounded before openpyxl unpacks anything (issue 15, item 5):
unpacked size, shared strings, cells, DTDs. The real-size cases (10 M shared strings, a 1 GB
cell) are in soak_inputs.py (``make soak``)."""

from __future__ import annotations

import contextlib
import resource

import openpyxl
import pytest

from planner.coachform.guard import EXCEL_ROWS
from planner.coachform.read import import_workbook
from planner.errors import InputError
from tests.reliability.hostile import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    run_cli,
    template_workbook,
    with_huge_cell,
    with_part,
    with_shared_strings,
)


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    return template_workbook(tmp_path_factory.mktemp("form") / "team.xlsx")


@contextlib.contextmanager
def _unopened():
    """A context in which opening a workbook with openpyxl fails the test: a refused file is
    refused by the entry guard, before the library unpacks or parses anything of it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("opened a refused workbook"))
        yield


def _refused(path, *needles) -> str:
    with _unopened(), pytest.raises(InputError) as err:
        import_workbook(path)
    text = str(err.value)
    assert text.startswith(f"{path}: "), text
    for n in needles:
        assert n in text, text
    return text


def _counting_rows(monkeypatch) -> list[int]:
    """Every sheet walk of the readers (coach form and session log) counted: the rows each one
    went through, the test failing as soon as one goes beyond Excel's last row."""
    from planner.coachform import guard, read

    walks: list[int] = []
    real = guard.sheet_rows

    def counted(rows):
        walks.append(0)
        for row in real(rows):
            walks[-1] += 1
            if walks[-1] > guard.EXCEL_ROWS:
                pytest.fail(f"a reader walked beyond row {guard.EXCEL_ROWS:,}")
            yield row

    monkeypatch.setattr(guard, "sheet_rows", counted)  # the session log imports it when reading
    monkeypatch.setattr(read, "sheet_rows", counted)
    return walks


def test_the_form_itself_imports(form):
    assert import_workbook(form).athletes


def test_shared_strings_that_unpack_beyond_the_bound_are_refused_unread(form, tmp_path):
    path = with_shared_strings(form, tmp_path / "strings.xlsx", 2_500_000)  # 120 KB -> 41 MB
    assert path.stat().st_size < 1_000_000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(path, "the part xl/sharedStrings.xml unpacks to 41 MB; at most 32 MB are read")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 50_000  # KB: nothing built


def test_too_many_shared_strings_are_refused(form, tmp_path):
    path = with_shared_strings(form, tmp_path / "many.xlsx", 250_000)
    _refused(path, "holds 250,000 different texts; at most 200,000 are read")


def test_a_huge_cell_is_refused_unread(form, tmp_path):
    path = with_huge_cell(form, tmp_path / "cell.xlsx", 40)
    _refused(path, "the part xl/worksheets/sheet1.xml unpacks to 40 MB")


def test_too_many_cells_are_refused(form, tmp_path):
    def write(f):
        f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>")
        row = b"<row>" + b"<c/>" * 10_000 + b"</row>"
        for _ in range(210):
            f.write(row)
        f.write(b"</sheetData></worksheet>")

    from tests.reliability.hostile import replace_part

    path = replace_part(form, tmp_path / "cells.xlsx", "xl/worksheets/sheet2.xml", write)
    _refused(path, "cells; at most 2,000,000 are read")


def _far_row(form, path, spelled: bytes):
    """The form with one more row on its first sheet (the one read first, after its data),
    numbered as ``spelled`` (an ``r`` attribute as XML may write it)."""
    import zipfile

    from tests.reliability.hostile import replace_part

    with zipfile.ZipFile(form) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    far = b"<row " + spelled + b'><c r="A5" t="inlineStr"><is><t>y</t></is></c></row>'
    return replace_part(form, path, "xl/worksheets/sheet1.xml",
                        lambda f: f.write(sheet.replace(b"</sheetData>", far + b"</sheetData>")))


@pytest.mark.parametrize("spelled", [b'r="99999999999"', b"r='99999999999'",
                                     b'r = "0000000000000099999999999"'])
def test_a_row_numbered_beyond_excels_last_is_refused_not_walked(form, tmp_path, spelled):
    """One row numbered 99,999,999,999 (in any of the spellings XML allows) made the readers
    walk every empty row up to it: import and log ran at full CPU for more than ten minutes."""
    path = _far_row(form, tmp_path / "rows.xlsx", spelled)
    _refused(path, "names row 99,999,999,999, beyond Excel's last row (1,048,576)")
    from planner.sessionlog import read_sessions
    from tests.builders import season

    with _unopened(), pytest.raises(InputError) as err:
        read_sessions(path, season())
    assert "beyond Excel's last row" in str(err.value)


def test_the_readers_stop_at_excels_last_row_whatever_the_check_missed(form, tmp_path, monkeypatch):
    """Should a spelling get past the check, the readers themselves go no further than row
    1,048,576, not to the row the file names (counted: each sheet walk's rows)."""
    import re

    from planner.coachform import guard
    from planner.sessionlog import read_sessions
    from tests.builders import day, season

    monkeypatch.setattr(guard, "_ROW_REF", re.compile(rb"(?!)(\d)"))  # matches nothing
    path = _far_row(form, tmp_path / "rows.xlsx", b'r="99999999999"')
    wb = openpyxl.Workbook()
    wb.active.title = "Sessions"
    for row in (("Athlete", "Date", "Minutes", "RPE"), ("Athlete 1", day(0), 60, 5)):
        wb.active.append(row)
    wb.save(tmp_path / "log.xlsx")
    log = _far_row(tmp_path / "log.xlsx", tmp_path / "far-log.xlsx", b'r="99999999999"')
    walks = _counting_rows(monkeypatch)
    got = read_sessions(log, season())
    assert [(x.athlete, x.date) for x in got.sessions] == [("A1", day(0))]  # the far row unread
    assert max(walks) == EXCEL_ROWS  # the log was walked to Excel's last row, and no further
    del walks[:]
    import_workbook(path)  # the extra row lies beyond every row the form reads
    assert walks and max(walks) <= EXCEL_ROWS


def test_a_formatted_row_at_excels_last_is_no_hostile_file(form, tmp_path):
    """A row Excel writes for its formatting alone, at the sheet's last row, is a workbook as
    any other (a bound of 100,000 refused it)."""
    path = _far_row(form, tmp_path / "formatted.xlsx", b'r="1048576" customFormat="1" s="0"')
    assert import_workbook(path).athletes


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_xml_bombs_and_external_entities_are_refused(form, tmp_path, xml):
    path = with_part(form, tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", xml)
    text = _refused(path, "declares a DTD or entities")
    assert "root:" not in text  # /etc/passwd was not read into anything


def test_the_cli_says_so_with_exit_1_and_writes_nothing(form, tmp_path):
    with_shared_strings(form, tmp_path / "strings.xlsx", 2_500_000)
    r = run_cli("import", "strings.xlsx", "-o", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "unpacks to 41 MB" in r.stderr
    assert not (tmp_path / "s.season.json").exists()
