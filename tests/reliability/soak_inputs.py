"""Hostile and oversized inputs at full size (``make soak``): XML bombs and external entities in
every part of a coach workbook, the issue's 10 M shared strings and 1 GB cell, and every size
limit (rows, athletes, days, unpacked bytes, file bytes) with its message, time and memory.

    pytest tests/reliability/soak_inputs.py -s
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import zipfile

import pytest

from tests.reliability.figures import peak_rss_mib_of, record
from tests.reliability.hostile import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    ROOT,
    template_workbook,
    with_huge_cell,
    with_part,
    with_shared_strings,
)

CLI = [sys.executable, "-m", "ui.cli"]
ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}


def said(err: str, needle: str, keep: int = 90) -> str:
    """The line of ``err`` holding ``needle``, without the file name in front, clipped."""
    line = next((x for x in err.splitlines() if needle in x), err.splitlines()[0] if err else "")
    text = line[line.index(needle):] if needle in line else line
    return text if len(text) <= keep else text[:keep] + "…"


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    return template_workbook(tmp_path_factory.mktemp("form") / "team.xlsx")


def _import(path, tmp_path):
    code, took, mib, out, err = peak_rss_mib_of([*CLI, "import", str(path), "-o", str(tmp_path / "o.season.json")],
                                                env={**ENV, "HOME": str(tmp_path)}, cwd=tmp_path)
    assert "Traceback" not in err and "unexpected error" not in err, err
    return code, took, mib, err


def test_xml_bombs_and_external_entities_in_every_part(form, tmp_path):
    with zipfile.ZipFile(form) as z:
        parts = [i.filename for i in z.infolist() if i.filename.endswith((".xml", ".rels"))]
    refused = 0
    worst = 0.0
    for part in parts:
        for name, xml in (("bomb", BILLION_LAUGHS), ("xxe", EXTERNAL_ENTITY)):
            path = with_part(form, tmp_path / f"{name}.xlsx", part, xml)
            code, took, mib, err = _import(path, tmp_path)
            assert code == 1 and "declares a DTD or entities" in err, (part, err)
            assert "root:" not in err
            refused += 1
            worst = max(worst, took)
    record("XML bombs (billion laughs) and external entities (file:///etc/passwd)",
           f"put in each of the {len(parts)} XML parts of the coach workbook: {refused} of {refused} "
           f"refused before parsing ('declares a DTD or entities'), exit 1; slowest {worst:.1f} s",
           "pytest tests/reliability/soak_inputs.py -k bombs -s")


@pytest.mark.parametrize(("case", "make", "words", "before"), [
    ("10 M shared strings", lambda f, p: with_shared_strings(f, p, 10_000_000),
     "the part xl/sharedStrings.xml unpacks to", "68 s and 2 GB"),
    ("one 1 GB cell", lambda f, p: with_huge_cell(f, p, 1024),
     "the part xl/worksheets/sheet1.xml unpacks to 1,024 MB", "1.97 GB"),
])
def test_the_issues_decompression_bombs(form, tmp_path, case, make, words, before):
    path = make(form, tmp_path / "bomb.xlsx")
    size = path.stat().st_size
    code, took, mib, err = _import(path, tmp_path)
    assert code == 1 and words in err, err
    assert mib < 300  # refused before anything was unpacked; the time goes to the record
    record(f"Coach workbook with {case} ({size / 1024:,.0f} KB on disk)",
           f"refused in {took:.1f} s at {mib} MiB peak (before the guard: {before}), exit 1: "
           f"'{said(err, 'the part')}'",
           f"pytest tests/reliability/soak_inputs.py -k {'strings' if 'strings' in case else 'cell'} -s")


def test_size_limits_each_with_a_clear_message(form, tmp_path):
    import openpyxl

    from planner.seasonfile import season_to_dict
    from tests.builders import season

    results = []
    # rows: 20,001 athletes on the Athletes sheet
    wb = openpyxl.load_workbook(form)
    ws = wb["Athletes"]
    for i in range(20_001):
        ws.append([f"X{i}", f"Player {i}"])
    wb.save(tmp_path / "rows.xlsx")
    code, took, mib, err = _import(tmp_path / "rows.xlsx", tmp_path)
    assert code == 1 and "more than 20000 rows" in err, err
    results.append(f"rows: '{said(err, 'Athletes, row')}' ({took:.1f} s, {mib} MiB)")
    # athletes: a season file with 1,001
    data = season_to_dict(season(weeks=2))
    data["athletes"] = [{"id": f"A{i}", "name": f"P{i}"} for i in range(1001)]
    (tmp_path / "many.season.json").write_text(json.dumps(data))
    code, took, mib, out, err = peak_rss_mib_of([*CLI, "solve", "many.season.json"], env={**ENV, "HOME": str(tmp_path)}, cwd=tmp_path)
    assert code == 1 and "athletes: 1,001 entries; at most 1,000 are possible" in err, err
    results.append(f"athletes: '{said(err, 'athletes:')}' ({took:.1f} s)")
    # days: a season of 800 days
    data = season_to_dict(season(weeks=2))
    data["calendar"]["end"] = (dt.date.fromisoformat(data["calendar"]["start"]) + dt.timedelta(days=800)).isoformat()
    (tmp_path / "long.season.json").write_text(json.dumps(data))
    code, took, mib, out, err = peak_rss_mib_of([*CLI, "solve", "long.season.json"], env={**ENV, "HOME": str(tmp_path)}, cwd=tmp_path)
    assert code == 1 and "calendar" in err, err
    results.append(f"days: '{said(err, 'calendar')}' ({took:.1f} s)")
    # file bytes: a 300 MB (sparse) season file
    with open(tmp_path / "huge.season.json", "wb") as f:
        f.truncate(300 * 1024 * 1024)
    code, took, mib, out, err = peak_rss_mib_of([*CLI, "solve", "huge.season.json"], env={**ENV, "HOME": str(tmp_path)}, cwd=tmp_path)
    assert code == 1 and "a season file is at most 256 MB" in err and mib < 200, err
    results.append(f"file: '{said(err, 'is 300 MB')}' ({took:.1f} s, {mib} MiB)")
    # unpacked bytes: parts of 30 MB each, 5 of them (150 MB > 128 MB in all)
    from tests.reliability.hostile import replace_part

    path = form
    for k in range(5):
        path = replace_part(path, tmp_path / f"fat{k}.xlsx", f"xl/media/pad{k}.xml",
                            lambda f: [f.write(b"<a>" + b" " * (1 << 20) + b"</a>") for _ in range(30)])
    code, took, mib, err = _import(path, tmp_path)
    assert code == 1 and "unpacks to 150 MB; at most 128 MB are read" in err, err
    results.append(f"unpacked bytes: '{said(err, 'unpacks to 150')}' ({took:.1f} s, {mib} MiB)")
    record("Size limits (rows, athletes, days, file bytes, unpacked bytes)",
           "; ".join(results), "pytest tests/reliability/soak_inputs.py -k size_limits -s")
