"""Everything ``--anonymise`` writes (workbook, handouts, calendars, JSON, load CSV), read as text
by someone outside the staff: no injury's protocol, criteria test or onset in any of it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile

import pytest

from planner import text
from planner.protocols import load_protocol
from planner.season import StageRecord
from planner.seasonfile import save_season
from planner.timeline import Timeline
from tests.e2e.test_cli import run  # the commands in this process: what they write is tested

EXCEL_EPOCH = dt.date(1899, 12, 30)


def _season():
    """The demo with today moved past Leo Martin's (A12) P3 → S1, recorded without a passing P3
    test (Move Today's "S1 ⚠ waits on a test" ticked), his return still ahead: every kind of
    return words an anonymised export has to leave the test out of."""
    from planner.returns import returns
    from tests.exports.demo import solved_demo

    season = solved_demo()
    tl = Timeline(season)
    st = season.plan.for_athlete("A12").stages
    j = next(i for i in range(1, tl.n) if st[i] == "S1" and st[i - 1] == "P3")
    rec = season.injury_of("A12")
    moved = rec.model_copy(update={"stages": rec.stages + (StageRecord(stage="S1", start=tl.days[j]),)})
    out = season.model_copy(update={
        "injuries": tuple(moved if x is rec else x for x in season.injuries),
        "calendar": season.calendar.model_copy(update={"today": tl.days[j + 1]})})
    (ret,) = [r for r in returns(out, out.plan) if r.athlete == "A12"]
    assert ret.untested and ret.fit is not None and ret.fit > tl.days[j + 1]  # as the review had it
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """(the season, the text of every anonymised file: the workbook's XML, the handouts'
    text, the calendars unfolded, the JSON, the load CSV), by file name."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    tmp = tmp_path_factory.mktemp("anon")
    season = _season()
    save_season(season, tmp / "demo.season.json", backup=False)
    r = run("export", "demo.season.json", "--anonymise", "--xlsx", "anon.xlsx", "--ics", "ics",
            "--handouts", "ho", "--weeks", "now", "--json", "anon.json", cwd=tmp)
    assert r.returncode == 0, r.stderr
    r = run("load", "demo.season.json", "--anonymise", "--csv", "anon-load.csv", cwd=tmp)
    assert r.returncode == 0, r.stderr
    out: dict[str, str] = {}
    with zipfile.ZipFile(tmp / "anon.xlsx") as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                out[f"anon.xlsx/{name}"] = z.read(name).decode("utf-8")
    pdfs = sorted((tmp / "ho").glob("*.pdf"))
    assert pdfs
    for p in pdfs:
        out[p.name] = subprocess.run(["pdftotext", str(p), "-"], capture_output=True,
                                     check=True).stdout.decode()
    for p in sorted((tmp / "ics").glob("*.ics")):
        out[p.name] = p.read_text(encoding="utf-8").replace("\r\n ", "").replace("\\n", "\n")
    out["anon.json"] = json.dumps(json.loads((tmp / "anon.json").read_text(encoding="utf-8")),
                                  ensure_ascii=False)
    out["anon-load.csv"] = (tmp / "anon-load.csv").read_text(encoding="utf-8")
    return season, out


def _flat(value: str) -> str:
    """Text as read: a PDF's or a cell's line breaks and no-break spaces as spaces."""
    return " ".join(value.replace("\u00a0", " ").split())


def _found(files: dict[str, str], words: list[str]) -> list[tuple[str, str]]:
    return [(name, w) for name, body in files.items() for w in words
            if w.casefold() in _flat(body).casefold()]


def test_anonymised_exports_name_no_protocol_and_no_criteria_test(exported):
    """A12's return "recorded without a passing test: P3's Hip-flexor strength LSI (≥ 90 %)"
    told a researcher's file he had a hip-flexor injury (the handout's Next line, the workbook's
    athlete sheet), where the provisional words already left the test out."""
    season, files = exported
    protos = {load_protocol(rec.protocol) for rec in season.injuries}
    words = sorted({w for p in protos for w in (p.name, p.id)}
                   | {c.name for p in protos for s in p.stages for c in s.criteria}
                   | {a.name for a in season.athletes})
    assert "Hip-flexor strength LSI" in words
    rules = _sheet_file(files, "Rules")  # the rules' literature, tied to no athlete
    assert "Rehabilitation" in files[rules]
    assert _found({n: b for n, b in files.items() if n != rules}, words) == []


def _sheet_file(files: dict[str, str], sheet: str) -> str:
    """The workbook's XML file of ``sheet``, by its relationship id."""
    rid = re.search(rf'<sheet name="{sheet}"[^>]*r:id="([^"]+)"', files["anon.xlsx/xl/workbook.xml"])[1]
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"',
                       files["anon.xlsx/xl/_rels/workbook.xml.rels"])
    return "anon.xlsx/xl/" + (target[1] or target[2]).removeprefix("/xl/")


def test_anonymised_exports_carry_no_injury_onset(exported):
    """The anonymised workbook kept every onset (the Returns sheet's Onset column, each athlete
    sheet's "Injury from Thu 18 Jun 2026") though docs/file-format.md (once the README) promises
    --anonymise leaves them out."""
    season, files = exported
    words, serials = [], []
    for rec in season.injuries:
        d = rec.onset
        words += [text.day_long(d), text.date_long(d), d.isoformat(), f"{d.day} {d:%b %Y}"]
        serials.append(f"<v>{(d - EXCEL_EPOCH).days}</v>")  # a date cell
    assert _found(files, words) == []
    assert [(n, s) for n, body in files.items() for s in serials if s in body] == []
