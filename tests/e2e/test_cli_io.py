"""periodize import / template / export / solve --ics --pdf, end to end: in this process, and as a process of its own where the environment matters."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from planner.seasonfile import load_season
from planner.text import day_long
from tests.e2e.test_cli import run as run_in_process

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd) -> subprocess.CompletedProcess:
    """``periodize ARGS`` in this process (tests/e2e/test_cli.py ``run``): a fresh interpreter
    per command spent about a second importing, and these tests check what the command says
    and writes, not the process. The computer's date is the real one, as it was in a process."""
    return run_in_process(*args, cwd=cwd, clock=dt.date.today().isoformat())


def run_bare_process(*args, cwd) -> subprocess.CompletedProcess:
    """``periodize ARGS`` as a process of its own with no DISPLAY and no QT_QPA_PLATFORM."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "ui.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env=env)


def test_template_then_import(tmp_path):
    r = run("template", "-o", "team.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "periodize import team.xlsx" in r.stdout
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 athlete, 1 competition, 1 injury" in r.stdout
    season = load_season(tmp_path / "team.season.json")
    assert season.athletes[0].id == "A01" and season.injuries[0].protocol == "hamstring-strain"


def test_the_template_says_it_has_example_rows_to_overwrite_or_delete(tmp_path):
    """Review 274: 'periodize --help' and 'template --help' said "write the empty coach
    workbook", and the coach who typed the squad under it imported Alex Example (A01) with an
    injury, a test and a logged session. Where the coach first reads of it, it says the rows."""
    r = run("--help", cwd=tmp_path)
    listed = " ".join(r.stdout.split())
    assert "empty coach workbook" not in listed
    assert ("template write the coach workbook (Excel) to fill in: one example row a sheet, to "
            "overwrite or delete") in listed
    r = run("template", "--help", cwd=tmp_path)
    said = " ".join(r.stdout.split())
    assert ("Each sheet has one example row (the Athletes sheet's is Alex Example, A01): "
            "overwrite or delete it, or it is imported as written.") in said
    r = run("template", "-o", "team.xlsx", cwd=tmp_path)
    assert "each sheet has one example row: overwrite or delete it" in r.stdout
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "empty coach workbook" not in readme
    assert ("the coach workbook to fill in (Excel; one example row a sheet, to overwrite or "
            "delete)") in readme


def test_a_template_example_row_kept_under_the_coachs_own_ids_is_said(tmp_path):
    """The coach wrote her first player over 'Alex Example' (A01, the app's own IDs) and deleted
    only the example rows the import refused: the Unavailable sheet's example (A01 away 1-3 Feb
    2027, 'Family') became her player's absence with no word. Every row that is exactly one of the
    template's examples is said, sheet, row and what it says, and imported all the same."""
    assert run("template", "-o", "team.xlsx", cwd=tmp_path).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "team.xlsx")
    wb["Season"]["B2"], wb["Season"]["B3"], wb["Season"]["B4"] = \
        "SV Lindenau Frauen", dt.date(2026, 12, 7), dt.date(2027, 5, 30)
    for col, value in zip("ABCDE", ("A01", "Anna Becker", "Goalkeeper", None, None), strict=True):
        wb["Athletes"][f"{col}2"] = value
    wb["Athletes"].append(("A02", "Lena Schulz", "Defender"))
    for col, value in zip("ABCDE", (dt.date(2026, 12, 13), "Bezirksliga 1", "B", None, None),
                          strict=True):
        wb["Competitions"][f"{col}2"] = value
    for title in ("Injuries", "Roles", "Flare-ups", "Tests", "Sessions"):  # the ones refused
        wb[title].delete_rows(2, wb[title].max_row)
    wb["Non-training days"]["B2"] = "Ostermontag"  # hers now: no longer the example's
    wb["Blocks"].append(("Rückrunde", dt.date(2027, 2, 8), dt.date(2027, 5, 30), "Spiele"))
    wb.save(tmp_path / "team.xlsx")
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    said = [line for line in r.stdout.splitlines() if "example" in line]
    assert said == [
        "Note: Unavailable, row 2 (Athlete ID A01, From Mon 1 Feb 2027, To Wed 3 Feb 2027, "
        "Reason Family) is the template's example row, imported as written: delete it unless it "
        "is one of yours",
        "Note: Blocks, row 2 (Name Pre-season, From Mon 4 Jan 2027, To Sun 31 Jan 2027, Emphasis "
        "Aerobic base, first sprint exposures) is the template's example row, imported as "
        "written: delete it unless it is one of yours"], r.stdout
    season = load_season(tmp_path / "team.season.json")  # a note, not a refusal: it may be real
    assert [(u.athlete, u.start) for u in season.unavailability] == [("A01", dt.date(2027, 2, 1))]
    assert [b.name for b in season.blocks] == ["Pre-season", "Rückrunde"]


def _printed_import(stdout: str) -> list[str]:
    """The arguments of the 'periodize import …' command printed, split as a shell splits them."""
    m = re.search(r"'periodize (import .*? -o \S+)'", stdout)
    assert m, stdout
    return shlex.split(m[1])


def test_the_import_command_printed_runs_as_copied_with_spaces_in_the_path(tmp_path):
    """'periodize import /…/Équipe A/Mannschaft ÄÖÜ.xlsx -o SEASON.season.json' was printed
    unquoted: copied as printed, the shell split the path and import refused its arguments."""
    folder = tmp_path / "Équipe A"
    folder.mkdir()
    r = run("template", "-o", folder / "Mannschaft ÄÖÜ.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    args = _printed_import(r.stdout)
    assert args[:2] == ["import", str(folder / "Mannschaft ÄÖÜ.xlsx")], r.stdout
    r = run(*args[:-1], "first.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("export", "first.season.json", "--template", folder / "Rück é.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    args = _printed_import(r.stdout)
    assert args[:2] == ["import", str(folder / "Rück é.xlsx")], r.stdout
    r = run(*args[:-1], "back.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "back.season.json").athletes == \
        load_season(tmp_path / "first.season.json").athletes


def test_a_squad_named_by_shirt_numbers_comes_back_from_its_own_workbook(tmp_path):
    """Players named "7", "9", "10" (IDs A1-A3) were each refused as a total row ('delete it'),
    also in the workbook Periodize wrote of their season."""
    from planner.seasonfile import save_season
    from tests.builders import season

    s = season(weeks=3, athletes=3)
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"name": n})
                                               for a, n in zip(s.athletes, ("7", "9", "10"), strict=True))})
    save_season(s, tmp_path / "s.season.json")
    r = run("export", "s.season.json", "--template", "form.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("import", "form.xlsx", "-o", "back.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "back.season.json").athletes == s.athletes


def test_import_of_a_broken_workbook_lists_every_problem_and_writes_nothing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Season"
    for row in (("Key", "Value"), ("Name", "Broken"), ("Start", "2027-01-04"), ("End", "soon")):
        ws.append(row)
    ws = wb.create_sheet("Athletes")
    for row in (("ID", "Name"), ("A1", "Ann"), ("A1", "Ann again")):
        ws.append(row)
    ws = wb.create_sheet("Competitions")
    for row in (("Date", "Name", "Priority"), ("2027-01-09", "Cup", "Z")):
        ws.append(row)
    wb.save(tmp_path / "broken.xlsx")
    r = run("import", "broken.xlsx", "-o", "out.season.json", cwd=tmp_path)
    assert r.returncode == 1
    assert not (tmp_path / "out.season.json").exists()
    assert "Traceback" not in r.stderr
    assert "broken.xlsx: 3 problems" in r.stderr
    assert "Season, row 4 (End): 'soon' is not a date" in r.stderr
    assert "Competitions, row 2, Priority: 'Z' is not A, B or C" in r.stderr
    assert "Athletes, row 3, ID: 'A1' is already the ID of row 2" in r.stderr
    # what needs the season's dates is said to come once they read, not left to the next import
    assert r.stderr.rstrip().endswith("as they need the Season sheet's name and dates: fix these "
                                      "first; the workbook is checked again then.")


def test_import_of_something_else_is_a_plain_message(tmp_path):
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    r = run("import", "notes.xlsx", "-o", "out.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "notes.xlsx: cannot be read as an Excel workbook" in r.stderr
    r = run("import", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "sheet, row and column" in r.stdout


def _pages(pdf: Path) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf.read_bytes()))


def test_solve_writes_calendars_and_export_writes_everything_headless(tmp_path):
    from icalendar import Calendar

    from planner.seasonfile import save_season
    from tests.builders import injury, season

    s = season(weeks=3, athletes=3, injuries=(injury("A1", stage="P2", start_day=-3),))
    save_season(s, tmp_path / "s.season.json")
    r = run("solve", "s.season.json", "--save", "--deterministic", "--time-limit", "30",
            "--ics", "cal", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Wrote 4 calendar file(s) to cal: one per athlete, and Team.ics for the staff" in r.stdout
    assert ("No earlier calendars in cal: export into the folder the players' calendars were made "
            "from, so changed sessions update them rather than appear twice.") in r.stdout
    files = sorted((tmp_path / "cal").glob("*.ics"))
    assert [f.name for f in files] == ["A1 Athlete 1.ics", "A2 Athlete 2.ics", "A3 Athlete 3.ics",
                                       "Team.ics"]
    cal = Calendar.from_ical(files[1].read_bytes())
    assert len([e for e in cal.walk("VEVENT") if "Match" in str(e["summary"])]) == 3
    # the environment has no DISPLAY and no QT_QPA_PLATFORM: the PDF must still be made
    r = run_bare_process("export", "s.season.json", "--xlsx", "plan.xlsx", "--pdf", "board.pdf", "--template",
            "form.xlsx", "--ics", "anon", "--json", "anon.json", "--anonymise", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Wrote the season board (1 page) (anonymised) to board.pdf" in r.stdout
    # the plan JSON names no athlete and no diagnosis (the protocol), in the return or returns
    text = (tmp_path / "anon.json").read_text()
    a1 = next(a for a in json.loads(text)["athletes"] if a["id"] == "A1")
    assert a1["return"]["protocol"] is None and [r["protocol"] for r in a1["returns"]] == [None]
    assert s.injuries[0].protocol not in text and "Athlete 1" not in text
    assert _pages(tmp_path / "board.pdf") == 1
    wb = openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True)
    assert wb.sheetnames[:7] == ["Cover", "Overview", "Returns", "Calendar", "Load", "Season review",
                                 "Rules"] and "A1" in wb.sheetnames
    assert sorted(p.name for p in (tmp_path / "anon").iterdir()) == ["A1.ics", "A2.ics", "A3.ics",
                                                                  "Team.ics"]
    assert "other calendar file" not in r.stderr
    assert "No earlier calendars in anon: " in r.stdout
    r = run("export", "s.season.json", "--ics", "cal", cwd=tmp_path)
    assert r.returncode == 0 and "No earlier calendars" not in r.stdout, r.stdout
    # anonymised into the folder that holds the named calendars: those are left, and said so
    r = run("export", "s.season.json", "--ics", "cal", "--anonymise", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("The folder also holds 3 other calendar files ('A1 Athlete 1.ics', 'A2 Athlete 2.ics', "
            "'A3 Athlete 3.ics') that this export did not write" in r.stderr), r.stderr
    assert "remove them before you share the folder" in r.stderr
    r = run("import", "form.xlsx", "-o", "again.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    again = load_season(tmp_path / "again.season.json")
    assert again.athletes == s.athletes and again.calendar == s.calendar
    assert again.injuries[0].stages == s.injuries[0].stages
    assert "Warning" not in r.stderr
    # an absence entered after the solve (the edit keeps the plan): the export says the plan
    # breaks hard rules of the season as it is now, and how to plan again
    from planner.edits import AddUnavailability
    from planner.season import Unavailability

    solved = load_season(tmp_path / "s.season.json")
    ap = solved.plan.for_athlete("A2")
    d = next(i for i, x in enumerate(ap.intensity) if x > 0)
    day = solved.calendar.start + dt.timedelta(days=d)
    save_season(AddUnavailability(unavailability=Unavailability(athlete="A2", start=day, end=day))
                .apply(solved), tmp_path / "s.season.json")
    r = run("export", "s.season.json", "--xlsx", "later.xlsx", "--json", "later.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("Warning: This plan breaks 1 hard rule of the season as it is now")
    assert json.loads((tmp_path / "later.json").read_text())["hard_violations"] == 1  # the file too
    assert r.stderr.rstrip().endswith("To see them all: periodize check s.season.json; to solve "
                                      "again: periodize solve s.season.json --save")
    assert (tmp_path / "later.xlsx").exists()


def test_an_export_replaces_only_its_own_earlier_file_unless_told(tmp_path):
    """A filled-in coach workbook and a GPS log under an export's name were replaced, kept only
    as NAME.bak, and the next export replaced the .bak too: the coach's file was gone. Now an
    export replaces unasked only an earlier output of its own kind, and never a .bak holding a
    file of the coach's."""
    import hashlib

    from planner.seasonfile import save_season
    from tests.builders import season
    from ui.outputkinds import written_kind

    def digest(name):
        return hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", "--time-limit", "20", cwd=tmp_path).returncode == 0
    assert run("template", "-o", "team.xlsx", cwd=tmp_path).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "team.xlsx")  # the coach fills it in, in "Excel"
    wb["Athletes"].append(["A02", "Second Player", "Forward"])
    wb.save(tmp_path / "team.xlsx")
    (tmp_path / "gps.csv").write_text("Player,Date,Duration,RPE\nAna,2027-01-05,60,5\n")
    mine = {name: digest(name) for name in ("team.xlsx", "gps.csv")}
    # each kind of output onto each file of the coach's: refused, saying what the file is
    for args, name, says in (
            (("export", "s.season.json", "--xlsx", "team.xlsx"), "team.xlsx", "is a coach workbook"),
            (("export", "s.season.json", "--template", "team.xlsx"), "team.xlsx", "is a coach workbook"),
            (("template", "-o", "team.xlsx"), "team.xlsx", "is a coach workbook"),
            (("export", "s.season.json", "--pdf", "team.xlsx"), "team.xlsx", "ends in .pdf"),
            (("load", "s.season.json", "--csv", "gps.csv"), "gps.csv", "was not written by Periodize"),
            (("whatif", "s.season.json", "--new", "x", "--unavailable", "A1", "2027-01-05",
              "2027-01-06", "--xlsx", "team.xlsx"), "team.xlsx", "is a coach workbook")):
        r = run(*args, cwd=tmp_path)
        assert r.returncode == 1 and says in r.stderr, (args, r.stderr)
        assert digest(name) == mine[name] and not (tmp_path / f"{name}.bak").exists()
    # an empty file (a client's mkstemp, a touch) holds nothing to lose: written unasked
    (tmp_path / "empty.json").write_bytes(b"")
    r = run("export", "s.season.json", "--json", "empty.json", cwd=tmp_path)
    assert r.returncode == 0 and written_kind(tmp_path / "empty.json") == "json", r.stderr
    # told to: the coach's file is kept as .bak, and said
    r = run("export", "s.season.json", "--xlsx", "team.xlsx", "--replace", cwd=tmp_path)
    assert r.returncode == 0 and "The file that was at team.xlsx is kept as team.xlsx.bak." in r.stdout
    assert digest("team.xlsx.bak") == mine["team.xlsx"] and written_kind(tmp_path / "team.xlsx") == "xlsx"
    # next week's export replaces its own workbook and leaves the coach's in the .bak
    r = run("export", "s.season.json", "--xlsx", "team.xlsx", cwd=tmp_path)
    assert r.returncode == 0 and "team.xlsx.bak (the file that was at team.xlsx before" in r.stdout
    assert digest("team.xlsx.bak") == mine["team.xlsx"]
    # each kind written twice: the second replaces the first, kept as .bak
    for option, name, kind in (("--json", "p.json", "json"), ("--pdf", "b.pdf", "pdf"),
                               ("--xlsx", "w.xlsx", "xlsx")):
        for _ in range(2):
            r = run("export", "s.season.json", option, name, cwd=tmp_path)
            assert r.returncode == 0, r.stderr
        assert f"The file that was at {name} is kept as {name}.bak." in r.stdout
        # said once the write went through: before it, it was untrue when the write failed
        assert r.stdout.index("Wrote ") < r.stdout.index(f"The file that was at {name}"), r.stdout
        assert written_kind(tmp_path / name) == written_kind(tmp_path / f"{name}.bak") == kind
    # a what-if comparison written twice: the second replaces the first
    for _ in range(2):
        r = run("whatif", "s.season.json", "--new", "x", "--unavailable", "A1", "2027-01-05",
                "2027-01-06", "--xlsx", "cmp.xlsx", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    assert written_kind(tmp_path / "cmp.xlsx") == written_kind(tmp_path / "cmp.xlsx.bak") == "compare"
    # a coach workbook replaced, with a file of the coach's in the .bak already: both are kept
    r = run("template", "-o", "form.xlsx", cwd=tmp_path)
    (tmp_path / "form.xlsx.bak").write_bytes((tmp_path / "gps.csv").read_bytes())
    filled = digest("form.xlsx")
    r = run("template", "-o", "form.xlsx", "--replace", cwd=tmp_path)
    assert r.returncode == 0 and "The earlier form.xlsx.bak is kept as form.xlsx.1.bak." in r.stdout
    assert digest("form.xlsx.bak") == filled and digest("form.xlsx.1.bak") == mine["gps.csv"]
    # the calendar and handout folders: a file of the coach's under an athlete's file name
    for _ in range(2):  # written twice: its own calendars are replaced (a subscribed calendar
        # updates), its own handouts kept as NAME.pdf.bak, as every other export, and said
        r = run("export", "s.season.json", "--ics", "cal", "--handouts", "ho", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    assert "The 2 handout PDFs that were in ho are kept as NAME.pdf.bak" in r.stdout, r.stdout
    assert r.stdout.index("Wrote 2 handout PDF") < r.stdout.index("The 2 handout PDFs"), r.stdout
    assert written_kind(tmp_path / "ho" / "A1 Athlete 1.pdf.bak") == "pdf"
    assert not (tmp_path / "cal" / "A1 Athlete 1.ics.bak").exists()
    mine_ics, mine_pdf = tmp_path / "cal" / "A1 Athlete 1.ics", tmp_path / "ho" / "A2 Athlete 2.pdf"
    mine_ics.write_text("BEGIN:VCALENDAR\nPRODID:-//My club//EN\nEND:VCALENDAR\n")
    mine_pdf.write_bytes(b"%PDF-1.4 my own notes")
    r = run("export", "s.season.json", "--ics", "cal", "--handouts", "ho", cwd=tmp_path)
    assert r.returncode == 1 and "A1 Athlete 1.ics: is there already and was not written by " \
        "Periodize" in r.stderr and "A2 Athlete 2.pdf: is there already" in r.stderr, r.stderr
    assert mine_pdf.read_bytes() == b"%PDF-1.4 my own notes"
    r = run("export", "s.season.json", "--ics", "cal", "--handouts", "ho", "--replace", cwd=tmp_path)
    assert r.returncode == 0 and "A2 Athlete 2.pdf.bak" in r.stdout, r.stderr
    assert "The file that was at cal/A1 Athlete 1.ics is kept as A1 Athlete 1.ics.bak." in r.stdout
    assert r.stdout.index("calendar file(s)") < r.stdout.index("A1 Athlete 1.ics.bak"), r.stdout
    assert (tmp_path / "ho" / "A2 Athlete 2.pdf.bak").read_bytes() == b"%PDF-1.4 my own notes"
    assert b"PRODID:-//My club//" in (tmp_path / "cal" / "A1 Athlete 1.ics.bak").read_bytes()
    # a second file of the coach's there: the first one's .bak is not written over
    mine_ics.write_text("BEGIN:VCALENDAR\nPRODID:-//My phone//EN\nEND:VCALENDAR\n")
    r = run("export", "s.season.json", "--ics", "cal", "--replace", cwd=tmp_path)
    assert r.returncode == 0 and "The earlier A1 Athlete 1.ics.bak is kept as A1 Athlete 1.ics.1.bak" \
        in r.stdout, r.stdout
    assert b"PRODID:-//My club//" in (tmp_path / "cal" / "A1 Athlete 1.ics.1.bak").read_bytes()
    assert b"PRODID:-//My phone//" in (tmp_path / "cal" / "A1 Athlete 1.ics.bak").read_bytes()
    # a plan workbook is no JSON, no PDF, no coach workbook: refused as each other
    r = run("export", "s.season.json", "--template", "w.xlsx", cwd=tmp_path)
    assert r.returncode == 1 and "is a plan workbook Periodize exported" in r.stderr
    assert written_kind(tmp_path / "team.xlsx.bak") == "template"
    assert written_kind(tmp_path / "gps.csv") is None


def test_an_export_over_a_file_open_in_libreoffice_is_refused_naming_it(tmp_path):
    """A workbook open in LibreOffice Calc (its lock file beside it) was replaced without a word,
    and Calc wrote over the export when the coach saved there. Now nothing is written and the
    refusal says who has it open and the way on."""
    assert run("template", "-o", "team.xlsx", cwd=tmp_path).returncode == 0
    before = (tmp_path / "team.xlsx").read_bytes()
    (tmp_path / ".~lock.team.xlsx#").write_text("Coach,coach,laptop,05.12.2026 15:31,file:///x;")
    r = run("template", "-o", "team.xlsx", "--replace", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "team.xlsx: is open in LibreOffice (user Coach)" in r.stderr
    assert "close it there first, or export under another name" in r.stderr
    assert (tmp_path / "team.xlsx").read_bytes() == before and not (tmp_path / "team.xlsx.bak").exists()
    (tmp_path / ".~lock.team.xlsx#").unlink()
    assert run("template", "-o", "team.xlsx", "--replace", cwd=tmp_path).returncode == 0


def test_a_workbook_imported_while_open_in_excel_is_imported_with_a_note(tmp_path):
    """`periodize import team.xlsx` with Excel's ~$team.xlsx beside it imported in silence, so
    a signing typed in Excel and not saved there was missing with no word. It imports still (the
    read is safe), with a note that says what is not read and the way on."""
    assert run("template", "-o", "team.xlsx", cwd=tmp_path).returncode == 0
    (tmp_path / "~$team.xlsx").write_bytes(b"\x05coach")
    r = run("import", "team.xlsx", "-o", "t.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("Note: team.xlsx is open in Excel (user coach): what is not saved there is not read; "
            "save it in Excel first if you changed it") in r.stdout
    assert [a.id for a in load_season(tmp_path / "t.season.json").athletes] == ["A01"]


def test_a_folder_export_over_a_handout_open_in_libreoffice_is_refused_naming_it(tmp_path):
    """A handout PDF open in LibreOffice Draw (its lock file beside it) was replaced by the
    handouts folder export without a word, as single files were before: Draw writes over it when
    the coach saves. Now nothing is written and the refusal names the file, who has it open and
    the way on; the calendars folder likewise."""
    from planner.seasonfile import save_season
    from tests.builders import season

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", "--time-limit", "20", cwd=tmp_path).returncode == 0
    assert run("export", "s.season.json", "--ics", "cal", "--handouts", "ho",
               cwd=tmp_path).returncode == 0
    pdf, ics = tmp_path / "ho" / "A2 Athlete 2.pdf", tmp_path / "cal" / "A1 Athlete 1.ics"
    before = pdf.read_bytes(), ics.read_bytes()
    (tmp_path / "ho" / ".~lock.A2 Athlete 2.pdf#").write_text("Coach,coach,pc,05.12.2026 15:31,x;")
    (tmp_path / "cal" / ".~lock.A1 Athlete 1.ics#").write_text(",physio,pc,05.12.2026 15:31,x;")
    r = run("export", "s.season.json", "--ics", "cal", "--handouts", "ho", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "ho/A2 Athlete 2.pdf: is open in LibreOffice (user Coach), which would write over" \
        in r.stderr, r.stderr
    assert "cal/A1 Athlete 1.ics: is open in LibreOffice (user physio)" in r.stderr, r.stderr
    assert (pdf.read_bytes(), ics.read_bytes()) == before
    assert not (tmp_path / "ho" / "A2 Athlete 2.pdf.bak").exists()


def test_export_says_what_needs_a_plan(tmp_path):
    from planner.seasonfile import save_season
    from tests.builders import season

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    r = run("export", "s.season.json", "--xlsx", "out.xlsx", "--ics", "cal", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "has no stored plan for --xlsx, --ics; run 'periodize solve SEASON --save' first" in r.stderr
    assert not (tmp_path / "out.xlsx").exists()
    r = run("export", "s.season.json", "--pdf", "board.pdf", "--template", "form.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "no plan yet" in r.stdout and _pages(tmp_path / "board.pdf") == 1
    (tmp_path / "afile").write_text("x")
    r = run("export", "s.season.json", "--ics", "afile", cwd=tmp_path)
    assert r.returncode == 1 and "afile: is a file; give a folder for the calendar files" in r.stderr
    r = run("export", "s.season.json", "--handouts", "afile", cwd=tmp_path)  # said calendar files
    assert r.returncode == 1 and "afile: is a file; give a folder for the handouts" in r.stderr
    r = run("export", "s.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "say what to write" in r.stderr and "--handouts DIR" in r.stderr


def test_import_says_how_many_sessions_it_read_what_it_counted_once_and_what_pain_proposes(tmp_path):
    """A session row pasted twice is one session (as `periodize log` reads it) and the import
    says so; a pain at the flare-up threshold in rehab is proposed, as `log` proposes it."""
    from planner.coachform.write import save_template_form
    from planner.season import Session
    from tests.builders import day, injury, season

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-10),), today=day(14))
    sore = Session(athlete="A1", date=day(9), minutes=60, rpe=4, pain=8)
    s = s.model_copy(update={"sessions": (Session(athlete="A2", date=day(8), minutes=60, rpe=5),) * 2
                             + (sore, Session(athlete="A2", date=day(10), minutes=60, rpe=5,
                                              pain=6))})
    save_template_form(s, tmp_path / "team.xlsx")
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "3 logged sessions" in r.stdout
    assert "Note: Sessions, row 3 repeats row 2: counted once" in r.stdout
    assert "Proposed flare-up:" in r.stdout and f"--flare-up A1 {day(9).isoformat()}" in r.stdout
    # the fit player's pain proposes nothing, and is listed
    assert "Pain: Athlete 2 (A2) logged pain 6/10 on " in r.stdout and "not in rehab" in r.stdout
    assert len(load_season(tmp_path / "team.season.json").sessions) == 3



def test_import_proposes_a_flare_up_only_for_a_pain_new_to_the_coach(tmp_path):
    """Every import printed the same "Proposed flare-up" lines for pains logged months ago, and
    the coach stopped reading them. A fresh import says the pains of the last week; one over the
    season file, the pains its rows bring; the others are counted in one line."""
    from planner.coachform.write import save_template_form
    from planner.season import Session
    from tests.builders import day, injury, season

    s = season(weeks=8, athletes=2, injuries=(injury("A1", "P2", start_day=0),), today=day(30))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(2), minutes=60, rpe=4,
                                                  pain=8),)})
    save_template_form(s, tmp_path / "team.xlsx")
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Proposed flare-up" not in r.stdout
    assert ("Not repeated: 1 pain proposing a flare-up not recorded, logged more than 7 days "
            "before today (the app's Log panel marks each day: ⚑ a flare-up proposed, ⚠ a pain); "
            f"record a flare-up with: periodize record team.season.json --flare-up A1 "
            f"{day(2).isoformat()} --save.") in r.stdout
    # the same workbook again, over its season: nothing new
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Proposed flare-up" not in r.stdout and "logged before this import" in r.stdout
    # a pain row added in the workbook, weeks before today: that one is proposed
    wb = openpyxl.load_workbook(tmp_path / "team.xlsx")
    ws = wb["Sessions"]
    head = [c.value for c in ws[1]]
    row = {"Athlete ID": "A1", "Date": day(12), "Minutes": 60, "RPE": 4, "Pain": 7}
    ws.append([row.get(h) for h in head])
    wb.save(tmp_path / "team.xlsx")
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Proposed flare-up:") == 1, r.stdout
    assert f"--flare-up A1 {day(12).isoformat()}" in r.stdout
    assert "Not repeated: 1 pain proposing a flare-up not recorded, logged before this import" in r.stdout


def test_the_pains_not_repeated_count_a_pain_after_a_sprint_as_its_own_kind(tmp_path):
    """The line counting the pains not said again counted a 4/10 the day after a sprint as "a
    pain of a player not in rehab" (the 5/10 or more kind): each kind is counted as itself."""
    from planner.progress import PainAlert, PainBelowAlert, listed_pains
    from tests.planner.test_pain_news import _fit_log
    from ui.cli.commands import older_pains_words

    s = _fit_log(("A1", 2, 96, None), ("A1", 3, None, 4), ("A2", 4, None, 6))
    alerts = listed_pains(s)
    assert sorted(type(p).__name__ for p in alerts) == sorted([PainBelowAlert.__name__, PainAlert.__name__])
    said = older_pains_words(s, [], alerts, True, tmp_path / "s.season.json")
    assert said.startswith("Not repeated: 1 pain of a player not in rehab and 1 pain just below the "
                           "alert of a player not in rehab, logged more than 7 days before today"), said


def test_import_does_not_replace_a_season_holding_what_the_workbook_lacks_unless_asked(tmp_path):
    """The season file holds a plan and a pin; its coach workbook carries neither. Importing the
    workbook over it used to replace it silently (and a second import the .bak too): it is
    refused, naming what would be lost, until --replace."""
    from planner.coachform.write import save_template_form
    from planner.season import IntensityPin, Session
    from planner.seasonfile import save_season
    from tests.builders import day, season

    s = season(weeks=3, athletes=2, today=day(7))
    s = s.model_copy(update={"pins": (IntensityPin(athlete="A1", date=day(10), intensity=0),),
                             "sessions": (Session(athlete="A2", date=day(3), minutes=60, rpe=5),)})
    save_season(s, tmp_path / "team.season.json")
    r = run("solve", "team.season.json", "--save", "--time-limit", "30", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    save_template_form(load_season(tmp_path / "team.season.json"), tmp_path / "team.xlsx")
    before = (tmp_path / "team.season.json").read_bytes()
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 1
    assert ("team.season.json: holds what a workbook does not carry (a stored plan and 1 pin); "
            "--keep keeps them where they still fit (the workbook's own rows stand where both "
            "have one). Importing would replace the season: add --keep, give another file name, "
            "or add --replace to drop it all") in " ".join(r.stderr.split())
    assert (tmp_path / "team.season.json").read_bytes() == before
    # into a new file, then again into it: nothing is lost, no question
    for _ in range(2):
        assert run("import", "team.xlsx", "-o", "new.season.json", cwd=tmp_path).returncode == 0
    # a what-if scenario (its edits are not hashable) is named too; a session the coach edited
    # in the workbook is the coach's change, not a loss
    from planner import edits as E

    new = load_season(tmp_path / "new.season.json")
    with_scenario = E.AddScenario(name="Busy week", edits=()).apply(new)
    save_season(with_scenario.model_copy(update={"sessions": tuple(
        x.model_copy(update={"rpe": 7}) for x in new.sessions)}), tmp_path / "new.season.json")
    r = run("import", "team.xlsx", "-o", "new.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "(1 what-if scenario)" in r.stderr, r.stderr
    (tmp_path / "junk.season.json").write_text("{ not json")
    r = run("import", "team.xlsx", "-o", "junk.season.json", cwd=tmp_path)
    assert r.returncode == 1 and "is there already and is not a season Periodize can read" in r.stderr
    # a season of a newer Periodize is no "not a season" to replace: --replace is not offered
    newer = json.loads((tmp_path / "team.season.json").read_text(encoding="utf-8"))
    newer["schema_version"] = 99
    (tmp_path / "newer.season.json").write_text(json.dumps(newer), encoding="utf-8")
    r = run("import", "team.xlsx", "-o", "newer.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 1 and "is a season written by a newer Periodize" in r.stderr, r.stderr
    assert "--replace" not in r.stderr and "update Periodize" in r.stderr, r.stderr
    r = run("import", "team.xlsx", "-o", "team.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "team.season.json.bak").read_bytes() == before
    again = load_season(tmp_path / "team.season.json")
    assert again.plan is None and again.pins == () and again.sessions == s.sessions


def test_import_does_not_replace_the_rehab_history_recorded_since_the_workbook_was_written(tmp_path):
    """An older workbook imported over the season file replaced, without a word, the stage changes
    recorded since (advance --accept, the app's Injuries editor), a test result, a flare-up, and
    moved today back; a second import then replaced the .bak too. Refused, named, until
    --replace; a file replaced is said to be kept as .bak."""
    from planner.coachform.write import save_template_form
    from planner.season import CriteriaTest, Injury, StageRecord
    from planner.seasonfile import save_season
    from tests.builders import day, season

    s = season(weeks=6, athletes=2, today=day(3))
    s = s.model_copy(update={"injuries": (Injury(athlete="A1", protocol="hamstring-strain",
                                                 onset=day(0), stages=(StageRecord(stage="P1", start=day(1)),)),)})
    save_template_form(s, tmp_path / "team.xlsx")  # the workbook, written then
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(12)})})
    inj = later.injuries[0].model_copy(update={
        "stages": (StageRecord(stage="P1", start=day(1)), StageRecord(stage="P2", start=day(6))),
        "tests": (CriteriaTest(date=day(10), name="Pain on single-leg squat", value=0, unit="/10"),),
        "flare_ups": (day(8),)})
    later = later.model_copy(update={"injuries": (inj,)})
    save_season(later, tmp_path / "team.season.json")
    before = (tmp_path / "team.season.json").read_bytes()
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    said = " ".join(r.stderr.split())
    assert ("holds rows the workbook has not got (1 recorded stage change, 1 criteria test result, "
            "1 flare-up and today, ") in said
    assert f"today, {day_long(day(12))} (the workbook's Today is {day_long(day(3))}" in said
    assert "entered after it was written, or deleted in it" in said
    assert (tmp_path / "team.season.json").read_bytes() == before
    r = run("import", "team.xlsx", "-o", "team.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Wrote the season to team.season.json (the previous file is kept as " \
           "team.season.json.bak)" in r.stdout
    assert (tmp_path / "team.season.json.bak").read_bytes() == before
    # --keep: the records entered since the workbook was written put back, and today
    (tmp_path / "team.season.json").write_bytes(before)
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (f"Note: Kept from the season: today, {day_long(day(12))} and 1 recorded stage "
            f"change, 1 criteria test result and 1 flare-up of Athlete 1 (A1).") in r.stdout
    assert "A row deleted in the workbook on purpose comes back this way" in r.stdout
    kept = load_season(tmp_path / "team.season.json")
    assert kept.calendar.today == day(12) and kept.injuries == later.injuries
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", "--replace", cwd=tmp_path)
    assert r.returncode == 1 and "give one of --keep or --replace, not --keep and --replace" in r.stderr
    assert "run the command once for each" not in r.stderr  # one import: advice that made no sense


def test_import_keep_that_cannot_keep_a_logged_speed_writes_nothing_until_drop_unkept(tmp_path):
    """One athlete's max speed cleared in the workbook: 'import --keep' wrote the season with
    exit 0 and the whole squad's log gone, said in a note. Now only his m/s speeds cannot be
    kept, and that alone stops the import: exit 1, the file byte-identical, what would be lost
    and the ways on; --drop-unkept writes it, his sessions' minutes and RPE kept."""
    from planner.coachform.write import save_template_form
    from planner.season import Session
    from planner.seasonfile import save_season
    from tests.builders import day, season

    s = season(weeks=3, athletes=2, today=day(8))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                               for a in s.athletes)})
    save_template_form(s.model_copy(update={"athletes": (s.athletes[0].model_copy(
        update={"max_speed": None}),) + s.athletes[1:]}), tmp_path / "team.xlsx")
    logged = tuple(Session(athlete=a, date=day(d), minutes=60, rpe=5, top_speed_ms=8.5)
                   for d in (1, 3) for a in ("A1", "A2"))
    save_season(s.model_copy(update={"sessions": logged}), tmp_path / "team.season.json")
    before = (tmp_path / "team.season.json").read_bytes()
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    said = " ".join(r.stderr.split())
    assert ("team.season.json: not kept with --keep: the top speed in m/s of 2 logged sessions "
            "of Athlete 1 (A1), their minutes and RPE kept (the fastest: Athlete 1 (A1) has no "
            "max speed, so 8.50 m/s cannot be read; give the max speed or log the top speed in "
            "%) Nothing was written: team.season.json is unchanged. Correct the workbook and "
            "import again, or add --drop-unkept") in said
    assert (tmp_path / "team.season.json").read_bytes() == before
    assert not (tmp_path / "team.season.json.bak").exists()
    r = run("import", "team.xlsx", "-o", "team.season.json", "--drop-unkept", cwd=tmp_path)
    assert r.returncode == 1 and "--drop-unkept goes with --keep" in r.stderr
    assert (tmp_path / "team.season.json").read_bytes() == before
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", "--drop-unkept", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Not kept: the top speed in m/s of 2 logged sessions of Athlete 1 (A1)" in r.stdout
    kept = load_season(tmp_path / "team.season.json")
    assert sorted((x.athlete, x.date, x.minutes, x.rpe, x.top_speed_ms) for x in kept.sessions) == [
        ("A1", day(1), 60, 5, None), ("A1", day(3), 60, 5, None),
        ("A2", day(1), 60, 5, 8.5), ("A2", day(3), 60, 5, 8.5)]
    assert (tmp_path / "team.season.json.bak").read_bytes() == before


def test_import_says_the_season_end_the_workbook_moves_refused_or_written(tmp_path):
    """A workbook whose Season sheet End was mistyped a year late refused with "made for other
    season dates", and with --drop-unkept printed only the new span: the old end was never
    said. The change is said with the refusal and beside the span once written."""
    from planner.coachform.write import save_template_form
    from planner.season import IntensityPin
    from planner.seasonfile import save_season
    from tests.builders import day, season

    s = season(weeks=3, athletes=2, pins=(IntensityPin(athlete="A1", date=day(10), intensity=0),))
    save_season(s, tmp_path / "team.season.json")
    end = s.calendar.end.replace(year=s.calendar.end.year + 1)
    save_template_form(s.model_copy(update={"pins": (), "calendar": s.calendar.model_copy(
        update={"end": end})}), tmp_path / "team.xlsx")
    said = f"Season: ends {day_long(end)} (was {day_long(s.calendar.end)})."
    before = (tmp_path / "team.season.json").read_bytes()
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 1 and said in r.stderr, r.stderr
    assert (tmp_path / "team.season.json").read_bytes() == before
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Imported team.xlsx:") and lines[1] == said
    assert load_season(tmp_path / "team.season.json").calendar.end == end


def test_a_session_catalogue_with_a_problem_is_said_before_an_export_touches_a_file(tmp_path):
    """The catalogue was read once the export ran: 'The file that was at plan.json is kept as
    plan.json.bak' was printed (and the .bak made) before the catalogue's problem stopped it."""
    from planner.seasonfile import save_season
    from tests.builders import season

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    assert run("solve", "s.season.json", "--save", "--json", "plan.json", cwd=tmp_path).returncode == 0
    before = (tmp_path / "plan.json").read_bytes()
    bad = json.loads((ROOT / "templates" / "sessions.json").read_text(encoding="utf-8"))
    bad["sessions"][0]["content"] = "{0}"
    (tmp_path / "cat.json").write_text(json.dumps(bad), encoding="utf-8")
    # in this process: the catalogue is read from PERIODIZE_SESSIONS at each load, not at start
    r = run_in_process("export", "s.season.json", "--json", "plan.json", cwd=tmp_path,
                       clock=dt.date.today().isoformat(),
                       env={"PERIODIZE_SESSIONS": str(tmp_path / "cat.json")})
    assert r.returncode == 1 and "sessions[0].content: {0} is not a field" in r.stderr
    assert "kept as" not in r.stdout
    assert not (tmp_path / "plan.json.bak").exists()
    assert (tmp_path / "plan.json").read_bytes() == before


def test_check_given_a_workbook_says_it_is_no_plan_json_and_a_failed_calendar_export_leaves_no_folder(
        tmp_path, monkeypatch):
    from planner.errors import SaveError
    from planner.seasonfile import save_season
    from tests.builders import season
    from ui.cli import outputs

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    openpyxl.Workbook().save(tmp_path / "plan.xlsx")
    r = run("check", "s.season.json", "plan.xlsx", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert ("plan.xlsx: is not a plan JSON: it is a zip file (an Excel workbook is one); give the "
            "plan JSON written by 'periodize solve --json'") in r.stderr
    # a full disk while the calendars are written: the folder the export made is not left behind
    import planner.ical

    def full_disk(season, plan, folder, **kw):
        Path(folder).mkdir(exist_ok=True)
        raise SaveError(f"{folder}: could not write A1.ics (No space left on device); no file was changed")

    monkeypatch.setattr(planner.ical, "export_calendars", full_disk)
    s = load_season(tmp_path / "s.season.json")
    from planner.season import Plan

    plan = Plan(status="manual", team_weeks=(), athletes=())  # never read: the calendars fail first
    with pytest.raises(SaveError):
        outputs.write(s, plan, {"ics": tmp_path / "cal"}, anonymise=False)
    assert not (tmp_path / "cal").exists()
    (tmp_path / "mine").mkdir()  # a folder the coach had: kept, even empty
    with pytest.raises(SaveError):
        outputs.write(s, plan, {"ics": tmp_path / "mine"}, anonymise=False)
    assert (tmp_path / "mine").is_dir()


def test_a_pdf_export_needs_no_display_even_with_a_dead_display_set(tmp_path):
    """DISPLAY naming no X server (an ssh session's leftover): the board PDF and the handouts
    aborted with Qt's "could not connect to display", exit 134, and nothing written."""
    from planner.seasonfile import save_season
    from tests.builders import season

    save_season(season(weeks=2, athletes=2), tmp_path / "s.season.json")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": ":97"}
    r = subprocess.run([sys.executable, "-m", "ui.cli", "export", "s.season.json", "--pdf",
                        "board.pdf"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                       env=env)
    assert r.returncode == 0, r.stderr
    assert _pages(tmp_path / "board.pdf") == 1


def test_a_season_kept_past_a_declined_stage_change_reads_back_from_its_own_workbook(tmp_path):
    """Today moved past a projected change that was declined keeps the athlete in P2 beyond its
    maximum (rules-spec section 9); the season's own workbook was refused on 'import --keep' as
    "a stage change not typed yet", and 'export --template' then 'import' into a new file too.
    Both read back; into a new file the stage is said at its row, as the season reads it."""
    from planner.seasonfile import save_season
    from tests.builders import day, injury, season

    s = season(weeks=6, athletes=2, injuries=(injury("A1", "P2", start_day=-43),), today=day(7))
    save_season(s, tmp_path / "team.season.json")
    assert run("solve", "team.season.json", "--save", "--time-limit", "20", cwd=tmp_path).returncode == 0
    r = run("export", "team.season.json", "--template", "team.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "team.season.json").injuries == s.injuries
    r = run("import", "team.xlsx", "-o", "new.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "new.season.json").injuries == s.injuries
    assert ("Injuries, row 2, Stage start: " in r.stdout + r.stderr
            and "more than the 42 days" in r.stdout + r.stderr
            and "its days counted again from today" in r.stdout + r.stderr), r.stdout + r.stderr


def test_a_workbook_with_a_later_today_leaves_moving_today_to_advance(tmp_path):
    """'import --keep' of a workbook whose Today is next Monday moved today with no word and
    without the stage changes the plan projected for the week; today now stays, and the note
    gives the advance command that offers them."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import day, season, solved_and_checked

    s = season(weeks=3, athletes=2, today=day(3))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    save_season(s, tmp_path / "team.season.json")
    from planner.season import Session
    from planner.text import span

    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)}),
                                 "sessions": (Session(athlete="A1", date=day(5), minutes=60, rpe=5),)})
    save_template_form(later, tmp_path / "team.xlsx")  # Today set to next week in the sheet
    r = run("import", "team.xlsx", "-o", "team.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    said = " ".join(r.stdout.split())
    assert "Note: Today stays " in said and "is later, and moving today records the stage " in said
    # the week logged is stored but not counted until today moves: said, with the command
    assert (f"1 session logged after {day_long(day(3))} ({span(day(5), day(5))}) is stored but does "
            f"not count in the load until today is moved on.") in said
    assert (f"Move it with: periodize advance team.season.json --today {day(10).isoformat()} "
            f"--accept --save (without --accept the stage changes are listed, not recorded).") in said
    assert load_season(tmp_path / "team.season.json").calendar.today == day(3)
    r = run("advance", "team.season.json", "--today", day(10).isoformat(), "--save", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert load_season(tmp_path / "team.season.json").calendar.today == day(10)
    # a season with nothing the workbook lacks (no stored plan): no --keep needed, the same note
    save_season(s.model_copy(update={"plan": None}), tmp_path / "plain.season.json")
    r = run("import", "team.xlsx", "-o", "plain.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Move it with: periodize advance plain.season.json --today" in " ".join(r.stdout.split())
    assert load_season(tmp_path / "plain.season.json").calendar.today == day(3)
    # a workbook of another season (another name) is that season, its Today its own, as the
    # app's new season from it: no today held back (it was, in the CLI alone)
    save_season(s.model_copy(update={"plan": None}), tmp_path / "other.season.json")
    save_template_form(later.model_copy(update={"name": "Next season"}), tmp_path / "next.xlsx")
    r = run("import", "next.xlsx", "-o", "other.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Today stays" not in r.stdout and "periodize advance" not in r.stdout
    got = load_season(tmp_path / "other.season.json")
    assert got.name == "Next season" and got.calendar.today == day(10)


def test_import_names_the_player_and_the_match_the_workbook_removes(tmp_path):
    """A player signed in the season file after the workbook was written, and a match deleted
    from the workbook, left with `import --keep` and `--replace` without a word: the refusal and
    the notes counted only rows the workbook had not got. Each is now named, with its sheet."""
    from planner.coachform.write import save_template_form
    from planner.season import Athlete, RuleSettings
    from planner.seasonfile import save_season
    from tests.builders import season

    s = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}))
    save_template_form(s.model_copy(update={"competitions": s.competitions[1:]}),
                       tmp_path / "team.xlsx")  # Match 1 deleted in it
    signed = s.model_copy(update={"athletes": s.athletes + (Athlete(id="A9", name="New Guy"),)})
    save_season(signed, tmp_path / "team.season.json")
    gone = "Removed: New Guy (A9), not in the workbook's Athletes sheet; 'Match 1' (m0)"
    r = run("import", "team.xlsx", "-o", "team.season.json", cwd=tmp_path)
    assert r.returncode == 1 and gone in " ".join(r.stderr.split()), r.stderr  # before choosing
    for flag in ("--keep", "--replace"):
        save_season(signed, tmp_path / "team.season.json")
        r = run("import", "team.xlsx", "-o", "team.season.json", flag, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert f"Note: {gone}" in r.stdout, (flag, r.stdout)
        assert [a.id for a in load_season(tmp_path / "team.season.json").athletes] == ["A1", "A2"]


def test_import_refuses_the_squad_under_the_coachs_own_ids_naming_each_player(tmp_path):
    """The coach's own workbook, the squad under U01... for the season's A01...: `import` said
    every player "not in the workbook's Athletes sheet" (they were on it) and `--keep` refused
    "the injury of Ben Mohr (A13) ... (no longer in the squad)", which `--drop-unkept` then
    dropped. Each player is named with both IDs and nothing is written, however asked;
    `--replace` (a new season, the file kept as .bak) is the coach's explicit choice."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import injury, season

    s = season(weeks=3, athletes=3, injuries=(injury("A2", stage="P2", start_day=-2),))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"name": name}) for a, name
                                               in zip(s.athletes, ("Ben Adler", "Ben Mohr", "Karl Vogt"),
                                                      strict=True))})
    own = {"A1": "U01", "A2": "U02"}  # Karl Vogt is not on the sheet
    save_template_form(s.model_copy(update={
        "athletes": tuple(a.model_copy(update={"id": own[a.id]}) for a in s.athletes if a.id in own),
        "injuries": tuple(i.model_copy(update={"athlete": own[i.athlete]}) for i in s.injuries)}),
        tmp_path / "own.xlsx")
    save_season(s, tmp_path / "team.season.json")
    before = (tmp_path / "team.season.json").read_bytes()
    for flags in ((), ("--keep",), ("--keep", "--drop-unkept")):
        r = run("import", "own.xlsx", "-o", "team.season.json", *flags, cwd=tmp_path)
        said = " ".join(r.stderr.split())
        assert r.returncode == 1, (flags, r.stdout)
        assert ("2 problems: - Ben Adler (A1) is on the workbook's Athletes sheet as U01: write A1 "
                "in its ID column - Ben Mohr (A2) is on the workbook's Athletes sheet as U02: "
                "write A2 in its ID column") in said, (flags, said)
        assert "not in the workbook's Athletes sheet" not in said and "no longer in the squad" \
            not in said
        assert ("The season's IDs identify a player's injuries, logs and pins" in said
                and "or import the workbook as a new season: give another file name, or add "
                    "--replace (the file is then kept as team.season.json.bak). Nothing was "
                    "written: team.season.json is unchanged." in said), said
        assert (tmp_path / "team.season.json").read_bytes() == before
    r = run("import", "own.xlsx", "-o", "team.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Note: Removed: Karl Vogt (A3), not in the workbook's Athletes sheet (the workbook" \
        in " ".join(r.stdout.split()) and "Ben Adler (A1)" not in r.stdout
    assert [a.id for a in load_season(tmp_path / "team.season.json").athletes] == ["U01", "U02"]
    assert (tmp_path / "team.season.json.bak").read_bytes() == before


def test_import_keeps_a_match_renamed_and_moved_in_the_workbook_under_its_written_id(tmp_path):
    """League match 4 (ID league-04) renamed 'Cup round 1 vs Lakers' and moved a day in the
    coach workbook was said as "Removed: 'League match 4' (league-04) ... to keep one, add its
    row there and import again", which would have made a second fixture. The ID written in the
    sheet names the match: it is that competition, renamed and moved, and nothing is removed."""
    assert run("demo", "-o", "base.season.json", cwd=tmp_path).returncode == 0
    assert run("export", "base.season.json", "--template", "base.xlsx", cwd=tmp_path).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "base.xlsx")
    comps = wb["Competitions"]
    row = next(r for r in comps.iter_rows(min_row=2) if r[4].value == "league-04")
    assert row[1].value == "League match 4" and row[0].value == dt.datetime(2026, 9, 5)
    row[1].value, row[0].value = "Cup round 1 vs Lakers", dt.datetime(2026, 9, 6)
    for r in wb["Roles"].iter_rows(min_row=2):
        if r[0].value == "League match 4":
            r[0].value = "Cup round 1 vs Lakers"
    wb.save(tmp_path / "renamed.xlsx")
    base = (tmp_path / "base.season.json").read_bytes()
    for flag in ("--replace", "--keep"):
        (tmp_path / "r.season.json").write_bytes(base)
        r = run("import", "renamed.xlsx", "-o", "r.season.json", flag, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "Removed" not in r.stdout and "league-04" not in r.stdout.replace(
            "ID 'league-04' was 'League match 4' on Sat 5 Sep 2026 and is now on 'Cup round 1 vs "
            "Lakers' on Sun 6 Sep 2026: renamed and moved there, it stays that competition", ""), \
            (flag, r.stdout)
        got = load_season(tmp_path / "r.season.json").competition("league-04")
        assert (got.name, got.date) == ("Cup round 1 vs Lakers", dt.date(2026, 9, 6))


def test_import_without_a_sheet_keeps_its_rows_with_keep_and_says_the_sheet_otherwise(tmp_path):
    """A coach workbook without its Roles sheet, imported with --keep, wrote the season with
    every match role gone (74 to 0) and said nothing; a missing Blocks or Non-training days sheet
    named each block and day off as removed. A sheet the workbook has not got is not a deletion
    of its rows: --keep keeps them, said per sheet; without a season to keep from (a new file,
    --replace) the sheets read as empty, said in one note."""
    assert run("demo", "-o", "base.season.json", cwd=tmp_path).returncode == 0
    assert run("export", "base.season.json", "--template", "base.xlsx", cwd=tmp_path).returncode == 0
    base = load_season(tmp_path / "base.season.json")
    assert base.roles and base.blocks and base.calendar.non_training_days
    wb = openpyxl.load_workbook(tmp_path / "base.xlsx")
    for title in ("Roles", "Blocks", "Non-training days"):
        del wb[title]
    wb.save(tmp_path / "lacking.xlsx")
    data = (tmp_path / "base.season.json").read_bytes()
    (tmp_path / "s.season.json").write_bytes(data)
    r = run("import", "lacking.xlsx", "-o", "s.season.json", cwd=tmp_path)  # neither flag: asked
    assert r.returncode == 1 and f"{len(base.roles)} match roles (it has no Roles sheet)" in r.stderr
    assert (tmp_path / "s.season.json").read_bytes() == data

    r = run("import", "lacking.xlsx", "-o", "s.season.json", "--keep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    kept = load_season(tmp_path / "s.season.json")
    assert (kept.roles, kept.blocks, kept.calendar.non_training_days) == (
        base.roles, base.blocks, base.calendar.non_training_days)
    assert (f"The workbook has no Roles sheet: the season's {len(base.roles)} match roles are "
            f"kept.") in r.stdout
    assert f"the season's {len(base.blocks)} blocks are kept" in r.stdout
    assert "Removed" not in r.stdout, r.stdout

    (tmp_path / "s.season.json").write_bytes(data)
    for args in (("-o", "s.season.json", "--replace"), ("-o", "new.season.json")):
        r = run("import", "lacking.xlsx", *args, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        notes = [x for x in r.stdout.splitlines() if "no Blocks, Non-training days or Roles" in x]
        assert len(notes) == 1 and "read as empty" in notes[0], r.stdout
        assert "Removed" not in r.stdout, r.stdout
        assert (f"the season file's {len(base.roles)} match roles" in notes[0]) == (
            "--replace" in args), notes
        got = load_season(tmp_path / args[1])
        assert not got.roles and not got.blocks and not got.calendar.non_training_days


def test_import_without_the_competitions_sheet_is_refused_in_one_line(tmp_path):
    """A workbook without its Competitions sheet got 91 problems, each a Roles or Injuries row
    naming a competition that 'does not exist', none saying the sheet was missing."""
    assert run("demo", "-o", "base.season.json", cwd=tmp_path).returncode == 0
    assert run("export", "base.season.json", "--template", "base.xlsx", cwd=tmp_path).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "base.xlsx")
    del wb["Competitions"]
    wb.save(tmp_path / "nocomps.xlsx")
    data = (tmp_path / "base.season.json").read_bytes()
    for args in (("-o", "base.season.json", "--keep"), ("-o", "new.season.json")):
        r = run("import", "nocomps.xlsx", *args, cwd=tmp_path)
        assert r.returncode == 1
        assert r.stderr.startswith("periodize: nocomps.xlsx: Competitions: the workbook has no "
                                   "sheet 'Competitions', which "), r.stderr
        assert r.stderr.count("\n") == 1 and "rows on other sheets (Injuries, Roles) name; add it " \
            "(periodize template -o FILE.xlsx writes the form with every sheet" in r.stderr
    assert (tmp_path / "base.season.json").read_bytes() == data
    assert not (tmp_path / "new.season.json").exists()


def test_a_command_writing_over_a_season_that_does_not_read_keeps_the_good_backup(tmp_path):
    """next-season --replace, demo --replace and a solve --save over a file cut short on disk
    said "(the previous file is kept as NAME.bak)" while the good backup was kept and the
    damaged file set aside (planner.safefile): the words say where each went."""
    r = run("demo", "s.season.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    good = (tmp_path / "s.season.json").read_bytes()
    (tmp_path / "s.season.json.bak").write_bytes(good)
    (tmp_path / "s.season.json").write_bytes(good[:2000])  # a sync client's broken copy
    r = run("demo", "s.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (aside,) = tmp_path.glob("s.season.json.damaged-*")
    assert aside.read_bytes() == good[:2000]
    assert (tmp_path / "s.season.json.bak").read_bytes() == good
    assert (f"(the file that was there did not read as a season: it is kept as {aside.name}; "
            "s.season.json.bak is still the backup)") in r.stdout
    r = run("demo", "t.season.json", cwd=tmp_path)  # a readable file is kept as .bak, as before
    r = run("next-season", "s.season.json", "-o", "t.season.json", "--replace", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(the previous file is kept as t.season.json.bak)" in r.stdout
