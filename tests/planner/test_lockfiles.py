"""A file open in LibreOffice or Excel, known by the lock file beside it (planner.lockfiles)."""

from __future__ import annotations

import pytest

from planner.errors import InputError
from planner.lockfiles import open_elsewhere


def test_a_libreoffice_lock_names_the_program_the_user_and_the_lock(tmp_path):
    book = tmp_path / "mannschaft müller-plan.xlsx"
    book.write_bytes(b"x")
    assert open_elsewhere(book) is None
    lock = tmp_path / ".~lock.mannschaft müller-plan.xlsx#"
    lock.write_text("Coach,coach,laptop,05.12.2026 15:31,file:///home/coach/.config/libreoffice/4;")
    said = open_elsewhere(book)
    assert said.startswith("is open in LibreOffice (user Coach), which would write over the export")
    assert "close it there first, or export under another name" in said
    assert f"delete {lock.name}" in said
    lock.write_text(",trainer,laptop,05.12.2026 15:31,file:///x;")  # no full name: the login
    assert "(user trainer)" in open_elsewhere(book)
    lock.write_text("")
    assert open_elsewhere(book).startswith("is open in LibreOffice, which")


def test_an_excel_owner_file_of_either_form_is_found(tmp_path):
    book = tmp_path / "teamplan.xlsx"
    owner = tmp_path / "~$amplan.xlsx"  # Excel's owner file over the name's first two characters
    name = b"Jo Coach"
    owner.write_bytes(bytes([len(name)]) + name + b" " * (54 - len(name)))
    assert open_elsewhere(book).startswith("is open in Excel (user Jo Coach)")
    owner.unlink()
    (tmp_path / "~$teamplan.xlsx").write_bytes(b"\x00")
    assert open_elsewhere(book).startswith("is open in Excel, which")
    assert open_elsewhere(tmp_path / "other.xlsx") is None


def test_a_libreoffice_lock_is_read_in_its_own_field_order(tmp_path):
    """A real LibreOffice 7.4 lock reads ",root,vm,06.12.2026 14:10,file:///…;": its fields are
    the name set in its options, the login, the host, the time, the URL. The message said "user
    vm", the computer's name; it names the login now (the name when one is set, a comma in it
    escaped)."""
    book = tmp_path / "team.xlsx"
    lock = tmp_path / ".~lock.team.xlsx#"
    lock.write_text(",root,vm,06.12.2026 14:10,file:///root/.config/libreoffice/4;\n")
    said = open_elsewhere(book)
    assert said.startswith("is open in LibreOffice (user root),") and "vm" not in said
    lock.write_text("Smith\\, Jo,jsmith,club-pc,06.12.2026 14:10,file:///x;")
    assert open_elsewhere(book).startswith("is open in LibreOffice (user Smith, Jo),")
    lock.write_text("  ,jsmith,club-pc,06.12.2026 14:10,file:///x;")
    assert open_elsewhere(book).startswith("is open in LibreOffice (user jsmith),")


EXCEL_NOTE = ("team.xlsx is open in Excel (user coach): what is not saved there is not read; "
              "save it in Excel first if you changed it")


def test_a_workbook_imported_while_open_in_excel_is_noted_not_refused(tmp_path):
    """A workbook imported while Excel had it open (its ~$ owner file beside it) imported in
    silence: a signing typed there and not saved was missing with no word. The import reads it
    still (the read is safe) and its first note says so; without the lock, no such note."""
    import shutil

    from planner.coachform.read import import_workbook
    from templates import path as template_path

    book = tmp_path / "team.xlsx"
    shutil.copy(template_path("import-template.xlsx"), book)
    notes: list[str] = []
    import_workbook(book, notes)
    assert not any("is open in" in n for n in notes)
    (tmp_path / "~$team.xlsx").write_bytes(b"\x05coach")
    notes = []
    season = import_workbook(book, notes)
    assert notes[0] == EXCEL_NOTE and [a.id for a in season.athletes] == ["A01"]
    (tmp_path / "~$team.xlsx").unlink()
    (tmp_path / ".~lock.team.xlsx#").write_text(",trainer,laptop,06.12.2026 14:10,file:///x;")
    notes = []
    import_workbook(book, notes)
    assert notes[0] == ("team.xlsx is open in LibreOffice (user trainer): what is not saved there "
                        "is not read; save it in LibreOffice first if you changed it")


def test_a_session_log_read_while_open_in_excel_is_noted(tmp_path):
    """A session log read while open in Excel: the rows typed there and not saved are not read,
    said in the log's notes; the rows saved are read all the same."""
    from planner.sessionlog import read_sessions
    from tests.builders import day, season

    s = season(weeks=4, athletes=2, today=day(14))
    log = tmp_path / "week.csv"
    log.write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(3).isoformat()},60,5\n", encoding="utf-8")
    assert not any("is open in" in n for n in read_sessions(log, s).notes)
    (tmp_path / "~$week.csv").write_bytes(b"\x05coach")
    r = read_sessions(log, s)
    assert [x.athlete for x in r.sessions] == ["A1"]
    assert r.notes[0] == ("week.csv is open in Excel (user coach): what is not saved there is not "
                          "read; save it in Excel first if you changed it")


def test_a_log_refused_while_open_says_first_that_unsaved_edits_are_not_read(tmp_path):
    """A coach fixed a refused RPE in LibreOffice without saving and read the log again: the same
    refusal, with no hint, since the lock-file note came only with a read that succeeded. The
    refusal now says it first; the rows it names are still the rows left out by a skip."""
    from planner.sessionlog import LogError, read_sessions
    from tests.builders import day, season

    s = season(weeks=4, athletes=2, today=day(14))
    log = tmp_path / "log.csv"
    log.write_text(f"Player,Date,Minutes,RPE\nA1,{day(1)},60,55\nA2,{day(2)},60,5\n")
    with pytest.raises(LogError) as alone:
        read_sessions(log, s)
    assert not any("is open in" in p for p in alone.value.problems)
    (tmp_path / ".~lock.log.csv#").write_text(",coach,laptop,06.12.2026 15:40,file:///x;")
    with pytest.raises(LogError) as e:
        read_sessions(log, s)
    note = ("log.csv is open in LibreOffice (user coach): what is not saved there is not read; "
            "save it in LibreOffice first if you changed it")
    assert e.value.problems == [note, *alone.value.problems]
    assert str(e.value).index(note) < str(e.value).index(alone.value.problems[0])
    assert e.value.bad_rows() == alone.value.bad_rows() == [2]
    assert [x.athlete for x in read_sessions(log, s, skip_bad=True).sessions] == ["A2"]


def test_a_workbook_refused_while_open_says_first_that_unsaved_edits_are_not_read(tmp_path):
    """The same for a workbook refused while Excel has it open: the note is its first problem."""
    import shutil

    import openpyxl

    from planner.coachform.read import import_workbook
    from templates import path as template_path

    book = tmp_path / "team.xlsx"
    shutil.copy(template_path("import-template.xlsx"), book)
    wb = openpyxl.load_workbook(book)
    ws = next(wb[n] for n in wb.sheetnames if n.lower() == "season")
    ws.cell(row=ws.max_row + 1, column=1, value="Todya")  # a field the sheet does not know
    ws.cell(row=ws.max_row, column=2, value="2027-01-06")
    wb.save(book)
    with pytest.raises(InputError) as alone:
        import_workbook(book)
    (tmp_path / "~$team.xlsx").write_bytes(b"\x05coach")
    with pytest.raises(InputError) as e:
        import_workbook(book, [])
    assert e.value.problems == [EXCEL_NOTE, *alone.value.problems]
    assert str(e.value).startswith(f"{book}: {len(alone.value.problems) + 1} problems:\n  - {EXCEL_NOTE}")
