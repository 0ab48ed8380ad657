"""The coach workbook (interfaces.md section 2): import, located errors, the template, the round trip."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from planner.coachform.read import import_workbook, parse_training_days
from planner.coachform.spec import SHEETS, STAGE_CHOICES
from planner.coachform.write import (
    export_template_form,
    save_template_form,
    template_workbook,
    training_days_text,
)
from planner.errors import InputError
from planner.season import Athlete, Competition, Injury, Season, StageRecord
from templates import path as template_path

D = dt.date

SEASON_ROWS = [("Key", "Value"), ("Name", "Riverside U19"), ("Start", D(2027, 1, 4)),
               ("End", D(2027, 3, 28))]
ATHLETE_ROWS = [("ID", "Name", "Position", "Max speed"), ("A1", "Ann Ash", "Defender", 9.1),
                ("A2", "Bo Birch", "Forward", None)]


def book(tmp_path, name: str = "coach.xlsx", **sheets) -> str:
    """A workbook with the given sheets (keyword: title with _ for space -> list of rows)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets.setdefault("Season", SEASON_ROWS)
    sheets.setdefault("Athletes", ATHLETE_ROWS)
    for title, rows in sheets.items():
        if rows is None:
            continue
        ws = wb.create_sheet(title.replace("_", " "))
        for row in rows:
            ws.append(list(row))
    path = tmp_path / name
    wb.save(path)
    return str(path)


def problems_of(path) -> list[str]:
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert err.value.source == str(path)
    return err.value.problems


# ---------------------------------------------------------------------------------------------
# Reading safely
# ---------------------------------------------------------------------------------------------
def test_workbooks_are_read_read_only_with_cached_values_and_defusedxml(tmp_path, monkeypatch):
    assert openpyxl.DEFUSEDXML is True  # openpyxl parses with defusedxml (a dependency)
    seen = []
    real = openpyxl.load_workbook

    def spy(*args, **kwargs):
        seen.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    import_workbook(book(tmp_path))
    assert seen == [{"read_only": True, "data_only": True}]


def test_a_minimal_workbook_imports(tmp_path):
    season = import_workbook(book(tmp_path))
    assert season.name == "Riverside U19"
    assert (season.calendar.start, season.calendar.end) == (D(2027, 1, 4), D(2027, 3, 28))
    assert season.calendar.week_start == "mon"
    assert season.calendar.training_days == ("mon", "tue", "wed", "thu", "fri", "sat")
    assert season.athletes == (Athlete(id="A1", name="Ann Ash", position="Defender", max_speed=9.1),
                               Athlete(id="A2", name="Bo Birch", position="Forward"))
    assert season.competitions == season.injuries == season.blocks == ()


# ---------------------------------------------------------------------------------------------
# Edge cases that are fine
# ---------------------------------------------------------------------------------------------
def test_forgiving_matching_text_dates_ranges_blank_rows_extra_columns(tmp_path):
    path = book(
        tmp_path,
        Season=None,
        Athletes=None,
        **{
            " SEASON ": [("  key", "VALUE ", "Notes"), ("name ", "Riverside U19", "ignored"), (),
                         ("START", "2027-01-04", None), ("end", "2027-03-28T00:00:00", None),
                         ("Week Starts", "sunday", None), ("training  days", "mon - wed, Fri-sat", None),
                         ("Today", D(2027, 1, 11), None), ("Colour", "blue", None)],
            "athletes": [("Notes", "max SPEED", " name", "id", "POSITION"),
                         ("x", "9,4", "Ann Ash", "A1", "Defender"), (None, None, None, None, None),
                         (), ("", None, "Seven Sands", 7, None)],
            "Competitions": [("priority", "Date", "Name", "end-date", "Venue"),
                             (" b ", "2027-01-09", "Cup final", None, "Home"),
                             ("a", D(2027, 2, 6), "Tournament", "2027-02-07", None)],
            "Injuries": [("target competition", "stage start", "stage", "onset", "protocol", "Athlete_ID"),
                         ("  cup FINAL ", "2027-01-03", "p2", "2026-12-20", "Hamstring-Strain", "A1")],
            "Stage_History": [("athlete id", "start", "stage"), ("A1", "2026-12-20", "P1")],
            "Unavailable": [("Athlete ID", "From", "To", "Reason"), (7, "2027-02-01", "2027-02-01", "Flu")],
            "NON_TRAINING_DAYS": [("date", "reason"), ("2027-01-06", "@Holiday")],
            "Blocks": [("Name", "From", "To", "Emphasis"), ("Base", "2027-01-04", "2027-01-31", None)],
            "My notes": [("anything", "at all")],
        },
    )
    s = import_workbook(path)
    cal = s.calendar
    assert (cal.start, cal.end, cal.today) == (D(2027, 1, 4), D(2027, 3, 28), D(2027, 1, 11))
    assert cal.week_start == "sun"
    assert cal.training_days == ("mon", "tue", "wed", "fri", "sat")
    assert [(a.id, a.name, a.position, a.max_speed) for a in s.athletes] == [
        ("A1", "Ann Ash", "Defender", 9.4), ("7", "Seven Sands", "", None)]
    assert [(c.id, c.name, c.date, c.end_date, c.priority) for c in s.competitions] == [
        ("c001", "Cup final", D(2027, 1, 9), None, "B"),
        ("c002", "Tournament", D(2027, 2, 6), D(2027, 2, 7), "A")]
    (inj,) = s.injuries
    assert (inj.athlete, inj.protocol, inj.onset, inj.target_competition) == (
        "A1", "hamstring-strain", D(2026, 12, 20), "c001")
    assert inj.stages == (StageRecord(stage="P1", start=D(2026, 12, 20)),
                          StageRecord(stage="P2", start=D(2027, 1, 3)))
    assert [(u.athlete, u.start, u.end, u.reason) for u in s.unavailability] == [
        ("7", D(2027, 2, 1), D(2027, 2, 1), "Flu")]
    assert [(d.date, d.reason) for d in cal.non_training_days] == [(D(2027, 1, 6), "@Holiday")]
    assert [(b.name, b.emphasis) for b in s.blocks] == [("Base", "")]


def test_a_season_sheet_without_a_header_row(tmp_path):
    path = book(tmp_path, Season=[("Name", "No header FC"), ("Start", "2027-01-04"), ("End", "2027-02-28")])
    assert import_workbook(path).name == "No header FC"


@pytest.mark.parametrize(("text", "days"), [
    ("Mon-Sat", ("mon", "tue", "wed", "thu", "fri", "sat")),
    ("mon, tue, thu", ("mon", "tue", "thu")),
    ("Monday to Friday", ("mon", "tue", "wed", "thu", "fri")),
    ("Sat-Mon", ("mon", "sat", "sun")),
    ("Tues and Thurs; SUN", ("tue", "thu", "sun")),
    ("MON–WED", ("mon", "tue", "wed")),
    ("Mon Wed Fri", ("mon", "wed", "fri")),
])
def test_training_days(text, days):
    assert parse_training_days(text) == days
    assert parse_training_days(training_days_text(days)) == days


def test_training_days_written_compactly():
    assert training_days_text(("mon", "tue", "wed", "thu", "fri", "sat")) == "Mon-Sat"
    assert training_days_text(("mon", "wed", "fri")) == "Mon, Wed, Fri"
    assert training_days_text(("mon", "tue", "thu", "fri", "sat")) == "Mon, Tue, Thu-Sat"


def test_a_sheet_that_states_a_wrong_size_is_still_read_in_full(tmp_path):
    rows = [("ID", "Name")] + [(f"A{i}", f"Athlete {i}") for i in range(1, 31)]
    path = book(tmp_path, Athletes=rows)
    fixed = tmp_path / "small-dimension.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(fixed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', data)
            dst.writestr(item, data)
    assert len(import_workbook(fixed).athletes) == 30


# ---------------------------------------------------------------------------------------------
# Broken workbooks: every problem, located
# ---------------------------------------------------------------------------------------------
def test_every_problem_of_a_broken_workbook_is_reported_at_once(tmp_path):
    path = book(
        tmp_path,
        Season=[("Key", "Value"), ("Name", "Broken FC"), ("Start", "2027-01-04"),
                ("End", "31/06/2027"), ("Training days", "Mon-Sat, Funday"), ("Week starts", "Tusday")],
        Competitions=[("Date", "Name", "Priority"), (D(2027, 1, 9), "Cup", "a"), (),
                      ("2027-13-01", "Cup 2", "X"), (45300, "League", "b"), (D(2027, 2, 9), "cup ", "C")],
        Athletes=[("ID", "Name", "Max speed"), ("A1", "Ann", 9.1), ("A1", "Bob", 30),
                  ("A2", None, "fast"), ("A3", "Cy", None)],
        Injuries=[("Athlete ID", "Protocol", "Onset", "Stage", "Stage start", "Target competition"),
                  ("a1", "hamstring", "2026-12-01", "P9", "2026-11-01", "Cup"),
                  ("A3", "ankle-sprain", "2026-12-01", "S1", "2026-12-03", "Cupp")],
        Unavailable=[("Athlete ID", "From")],
        Blocks=[("Name", "From", "To"), ("Base", "2027-02-01", "2027-01-01")],
    )
    assert problems_of(path) == [
        "Season, row 4 (End): '31/06/2027' is not a date; use an Excel date or write it as "
        "YYYY-MM-DD, e.g. 2027-01-04",
        "Season, row 5 (Training days): 'Funday' is not a weekday; write a weekday such as Monday or Mon",
        "Season, row 6 (Week starts): 'Tusday' is not a weekday; write a weekday such as Monday or Mon",
        "Competitions, row 4, Date: '2027-13-01' is not a day of the calendar; use an Excel date or "
        "write it as YYYY-MM-DD, e.g. 2027-01-04",
        "Competitions, row 4, Priority: 'X' is not A, B or C; write A, B or C",
        "Competitions, row 5, Date: 45300 is a number, not a date; format the cell as a date or "
        "write it as YYYY-MM-DD, e.g. 2027-01-04",
        "Athletes, row 3, ID: 'A1' is already the ID of row 2; give each athlete a unique ID",
        "Athletes, row 3, Max speed: 30 is not a top running speed in m/s; write metres per second "
        "between 0 and 15, e.g. 9.2 (or leave it empty)",
        "Athletes, row 4, Name: is empty; write the athlete's name",
        "Athletes, row 4, Max speed: 'fast' is not a number; write a number such as 9.2",
        "Injuries, row 2, Athlete ID: no athlete has the ID 'a1'; did you mean 'A1'?",
        "Injuries, row 2, Protocol: 'hamstring' is not a rehab protocol; use one of adductor-groin, "
        "ankle-sprain, hamstring-strain, iliopsoas-tendinopathy, patellar-tendinopathy",
        "Injuries, row 2, Stage: 'P9' is not a stage; write one of P1, P2, P3, S1, S2, S3, FIT "
        "(FIT: back in full training)",
        "Injuries, row 2, Stage start: 2026-11-01 is before the Onset 2026-12-01; a stage starts on "
        "or after the onset",
        "Injuries, row 2, Target competition: 'Cup' names 2 competitions (Competitions rows 2, 6); "
        "give the target a unique name on the Competitions sheet",
        "Injuries, row 3, Stage: 'S1' is not a stage of ankle-sprain (P1, P2, S2, S3, or FIT when "
        "back in full training)",
        "Injuries, row 3, Target competition: no competition is named 'Cupp'; did you mean 'Cup'?",
        "Unavailable, row 1: no column headed 'To'; the first row with content is the header "
        "(found: Athlete ID, From); add it",
        "Blocks, row 2, To: 2027-01-01 is before From 2027-02-01; a block ends on or after its first day",
    ]


def test_missing_sheets_and_season_rows(tmp_path):
    path = book(tmp_path, Season=None, Athletes=None, Notes=[("hello",)])
    assert problems_of(path) == [
        "Season: the workbook has no sheet 'Season'; add it with the rows Name, Start and End "
        "(see templates/import-template.xlsx)",
        "Athletes: the workbook has no sheet 'Athletes'; add it (see templates/import-template.xlsx)",
    ]
    path = book(tmp_path, "b.xlsx", Season=[("Key", "Value"), ("Name", None), ("Start", "2027-01-04"),
                                             ("Start", "2027-01-05")],
                Athletes=[("ID", "Name")])
    assert problems_of(path) == [
        "Season: no 'End' row; add a row with Key 'End' and, as Value, the last day of the season "
        "(a date, at most two years after Start)",
        "Season, row 2 (Name): the value is empty; write the season's name, e.g. Riverside FC 2026/27",
        "Season, row 4 (Start): 'Start' is already given in row 3; keep one",
        "Athletes: no athlete rows below the header; add one row per athlete (ID, Name, Position)",
    ]


def test_season_dates_that_cannot_make_a_season(tmp_path):
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "X"), ("Start", "2027-06-01"),
                                  ("End", "2027-01-01")])
    assert problems_of(path) == [
        "Season, row 4 (End): 2027-01-01 is before the Start 2027-06-01; the season ends on or after its start"]
    path = book(tmp_path, "b.xlsx", Season=[("Key", "Value"), ("Name", "X"), ("Start", "2027-01-01"),
                                             ("End", "2030-01-01")])
    assert problems_of(path) == [
        "Season, row 4 (End): the season would last 1097 days; a season spans at most two years, "
        "so end it by 2029-01-01"]


def test_document_checks_are_located_in_the_workbook(tmp_path):
    path = book(
        tmp_path,
        Competitions=[("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"),
                      ("2027-05-01", "Friendly", "C")],
        Injuries=[("Athlete ID", "Protocol", "Onset", "Stage", "Stage start"),
                  ("A1", "iliopsoas-tendinopathy", "2026-10-01", "P1", "2026-10-02"),
                  ("A2", "hamstring-strain", "2026-12-20", "P3", "2027-01-02"),
                  ("A2", "hamstring-strain", "2026-12-20", "P2", "2026-12-28")],
        Stage_history=[("Athlete ID", "Stage", "Start"), ("A2", "P1", "2026-12-20"),
                       ("B9", "P1", "2026-12-20")],
        Non_training_days=[("Date", "Reason"), ("2027-01-06", "Holiday"), ("2027-01-06", "Again"),
                           ("2026-12-31", "Before")],
        Blocks=[("Name", "From", "To"), ("Late", "2027-03-01", "2027-04-30")],
    )
    got = problems_of(path)
    assert got[0] == ("Competitions, row 3, Date: 2027-05-01 is outside the season (2027-01-04 to "
                      "2027-03-28); move it inside")
    assert got[1].startswith("Injuries, row 2, Stage start: Ann Ash (A1) has been in P1 since 2026-10-02 "
                             "(94 days by 2027-01-04), but iliopsoas-tendinopathy allows at most 21 days")
    assert got[2].startswith("Injuries, row 3, Stage: P1 is followed by P3, skipping P2")
    assert got[3] == ("Injuries, row 4, Athlete ID: Bo Birch (A2) already has an injury; keep one "
                      "injury per athlete")
    assert got[4] == ("Stage history, row 3, Athlete ID: no athlete has the ID 'B9'; use an ID from "
                      "the Athletes sheet")
    assert got[5] == "Non-training days, row 3, Date: 2027-01-06 is already listed in row 2; list each day once"
    assert got[6].startswith("Non-training days, row 4, Date: 2026-12-31 is outside the season")
    assert got[7].startswith("Blocks, row 2, To: 2027-04-30 is outside the season")
    assert len(got) == 8


def test_formula_errors_and_wrong_types_are_located(tmp_path):
    path = book(tmp_path, Competitions=[("Date", "Name", "Priority"), ("#N/A", "League", "C"),
                                        (D(2027, 1, 9), D(2027, 1, 9), True)])
    assert problems_of(path) == [
        "Competitions, row 2, Date: shows the error #N/A; fix the formula or type the value",
        "Competitions, row 3, Name: the date 2027-01-09 is a date, not name; type the name as text",
        "Competitions, row 3, Priority: TRUE is a yes/no value, not priority; type the priority",
    ]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "is an Excel 97-2003 workbook (.xls)"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "is password-protected or in the old Excel"),
    ("notes.xlsx", b"just some text", "cannot be read as an Excel workbook"),
    ("data.csv", b"a,b\n1,2\n", "is not an Excel workbook (.csv)"),
])
def test_files_that_are_not_coach_workbooks(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    (problem,) = problems_of(p)
    assert message in problem


def test_missing_file_and_folder(tmp_path):
    assert problems_of(tmp_path / "nope.xlsx") == ["no such file; check the path"]
    assert problems_of(tmp_path) == ["is a folder, not an Excel workbook"]


# ---------------------------------------------------------------------------------------------
# The template and the round trip
# ---------------------------------------------------------------------------------------------
def _validations(ws) -> dict[str, str]:
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            out[rng.split(":")[0]] = dv.formula1
    return out


def test_the_shipped_template_has_dropdowns_formatted_headers_and_an_example_row():
    path = template_path("import-template.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:1] == ["Season"]
    for spec in SHEETS:
        ws = wb[spec.title]
        header = [c.value for c in ws[1]]
        assert header == [c.header for c in spec.columns], spec.title
        assert all(c.font.bold and c.fill.fill_type == "solid" for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 2, f"{spec.title}: one example row"
    comp, inj = _validations(wb["Competitions"]), _validations(wb["Injuries"])
    assert comp["C2"] == '"A,B,C"'
    assert inj["B2"] == '"adductor-groin,ankle-sprain,hamstring-strain,iliopsoas-tendinopathy,patellar-tendinopathy"'
    assert inj["D2"] == '"' + ",".join(STAGE_CHOICES) + '"'
    assert _validations(wb["Stage history"])["B2"] == inj["D2"]
    # the shipped file is what scripts/make_import_template.py makes from the form in the code
    fresh = template_workbook()
    assert fresh.sheetnames == wb.sheetnames
    def values(ws):
        return [[c.value.date() if isinstance(c.value, dt.datetime) else c.value for c in r]
                for r in ws.iter_rows()]

    for title in wb.sheetnames:
        assert values(fresh[title]) == values(wb[title]), title
    # and it imports as it is
    season = import_workbook(path)
    assert [a.id for a in season.athletes] == ["A01"]
    assert season.injuries[0].target_competition == season.competitions[0].id


def _same_document(a: Season, b: Season) -> None:
    assert b.name == a.name
    assert b.calendar == a.calendar
    assert b.athletes == a.athletes
    assert b.unavailability == a.unavailability
    assert b.blocks == a.blocks

    def comps(s):
        return [(c.name, c.date, c.end_date, c.priority) for c in s.competitions]

    def injuries(s):
        return [(i.athlete, i.protocol, i.onset, i.stages,
                 s.competition(i.target_competition).name if i.target_competition else None)
                for i in s.injuries]

    assert comps(b) == comps(a)
    assert injuries(b) == injuries(a)


def test_round_trip_of_the_demo_season(demo_season, tmp_path):
    path = tmp_path / "demo-form.xlsx"
    save_template_form(demo_season, path)
    again = import_workbook(path)
    _same_document(demo_season, again)
    assert len(again.injuries) == 3 and len(again.injuries[1].stages) == 3  # the stage history


def test_round_trip_keeps_hostile_text_as_text(tmp_path):
    base = import_workbook(book(tmp_path))
    probes = ["=1+1", "+cmd", "-2", "@SUM(A1)", "#N/A", "=HYPERLINK(\"x\")"]
    season = base.model_copy(update={
        "name": "=cmd|' /C calc'!A0",
        "athletes": tuple(Athlete(id=f"X{i}", name=p, position=p) for i, p in enumerate(probes)),
        "competitions": (Competition(id="k", name="#N/A", date=D(2027, 1, 9), priority="A"),),
        "injuries": (Injury(athlete="X0", protocol="ankle-sprain", onset=D(2027, 1, 1),
                            stages=(StageRecord(stage="P1", start=D(2027, 1, 2)),),
                            target_competition="k"),),
    })
    wb = export_template_form(season)
    path = tmp_path / "probes.xlsx"
    wb.save(path)
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f" and c.data_type != "e", (ws.title, c.coordinate, c.value)
    again = import_workbook(path)
    _same_document(season, again)
    assert [a.name for a in again.athletes] == probes


def test_export_template_form_refuses_nothing_it_wrote(demo_season, tmp_path):
    # the example season of the template plus the demo, written and read twice, stay the same
    first = tmp_path / "one.xlsx"
    save_template_form(demo_season, first)
    second = tmp_path / "two.xlsx"
    save_template_form(import_workbook(first), second)
    _same_document(import_workbook(first), import_workbook(second))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_form_saved_again_by_libreoffice_imports_the_same(demo_season, tmp_path):
    # another writer (shared strings, its own styles and sizes), as when a coach saves the form
    src = tmp_path / "src"
    src.mkdir()
    save_template_form(demo_season, src / "form.xlsx")
    out = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(src / "form.xlsx")],
                   check=True, timeout=120, capture_output=True)
    again = import_workbook(out / "form.xlsx")
    _same_document(demo_season, again)


def test_a_misspelled_season_key_is_located_with_a_suggestion(tmp_path):
    from tests.builders import season as make_season

    wb = export_template_form(make_season(weeks=2, athletes=2))
    ws = next(wb[n] for n in wb.sheetnames if n.lower() == "season")
    row = ws.max_row + 1
    ws.cell(row=row, column=1, value="Todya")
    ws.cell(row=row, column=2, value="2027-01-06")
    ws.cell(row=row + 1, column=1, value="Coach's notes")  # an extra row: still ignored
    ws.cell(row=row + 1, column=2, value="anything")
    path = tmp_path / "typo.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as e:
        import_workbook(path)
    assert any(f"Season, row {row} (Todya)" in p and "did you mean 'Today'" in p for p in e.value.problems)
    assert not any("notes" in p for p in e.value.problems)
