"""The coach workbook reader is bounded before openpyxl unpacks anything (issue 15, item 5):
unpacked size, shared strings, cells, DTDs. The real-size cases (10 M shared strings, a 1 GB
cell) are in soak_inputs.py (``make soak``)."""

from __future__ import annotations

import resource
import time

import pytest

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


def _refused(path, *needles) -> str:
    t0 = time.monotonic()
    with pytest.raises(InputError) as err:
        import_workbook(path)
    text = str(err.value)
    assert text.startswith(f"{path}: "), text
    for n in needles:
        assert n in text, text
    assert time.monotonic() - t0 < 5
    return text


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


def test_a_row_numbered_beyond_the_bound_is_refused_not_walked(form, tmp_path):
    """One row numbered 99,999,999,999 made the reader walk every empty row up to it: import
    and log ran at full CPU for more than ten minutes."""
    def write(f):
        f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                b'<row r="99999999999"><c r="A99999999999" t="inlineStr"><is><t>y</t></is></c>'
                b"</row></sheetData></worksheet>")

    from tests.reliability.hostile import replace_part

    path = replace_part(form, tmp_path / "rows.xlsx", "xl/worksheets/sheet2.xml", write)
    _refused(path, "names row 99,999,999,999; at most 100,000 rows are read")
    from planner.sessionlog import read_sessions
    from tests.builders import season

    t0 = time.monotonic()
    with pytest.raises(InputError) as err:
        read_sessions(path, season())
    assert "at most 100,000 rows are read" in str(err.value)
    assert time.monotonic() - t0 < 5


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
