"""File > Import… / Export… / Export Calendars… of the main window (ui/fileio.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.desktop.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, demo_season):
    w = MainWindow(demo_season, None)
    qtbot.addWidget(w)
    return w


def small_season(weeks: int = 4, athletes: int = 8):
    """A small season, no plan: 8 athletes over 4 weeks, Athlete 2 in rehab (P2). The dialogs,
    questions and files of an export are those of the demo's 24 athletes over 40 weeks, written
    in a fraction of the time (a test about the dialogs and the files, not the demo's size)."""
    from tests.builders import injury, season

    return season(weeks=weeks, athletes=athletes, injuries=(injury("A2", "P2", start_day=-3),))


@pytest.fixture
def small_window(qtbot):
    """A window on ``small_season()`` (no file, no plan yet)."""
    w = MainWindow(small_season(), None)
    qtbot.addWidget(w)
    return w


def test_the_file_menu_offers_import_and_export(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import Excel Workbook…" in texts and "&Export…" in texts
    assert "Export &Calendars (iCal)…" in texts
    assert texts.index("&Import Excel Workbook…") < texts.index("&Quit")
    assert window.export_action.shortcut().toString() == "Ctrl+E"


# -- the handlers (no dialogs) --------------------------------------------------------------------
def _with_plan(season):
    from tests.ui.test_pdf import _with_plan as plan_it

    return plan_it(season)


def test_import_replaces_the_document_and_marks_it_unsaved(window, dialogs):
    from templates import path as template_path
    from ui.desktop import fileio

    dialogs.choices = ["workbook"]  # the demo's rehab history is not: use it alone
    assert fileio.import_into(window, str(template_path("import-template.xlsx")))
    assert window.season.name == "Riverside FC 2027"
    assert [a.id for a in window.season.athletes] == ["A01"]
    assert window.path is None and window.modified
    assert "Imported import-template.xlsx: 1 athlete, 1 competition, 1 injury" in window.statusBar().currentMessage()
    assert dialogs.kinds() == ["choose", "inform"] and "holds rows the workbook has not got " \
        "(4 injuries" in dialogs[0][2]
    # the shipped template is its example rows: each is said, the coach deletes those not hers
    assert "Unavailable, row 2 (Athlete ID A01, From Mon 1 Feb 2027, To Wed 3 Feb 2027, Reason " \
        "Family) is the template's example row" in dialogs[1][2]


def test_a_workbook_open_in_libreoffice_is_imported_with_a_note(window, dialogs, tmp_path):
    """File ▸ Import Excel Workbook… on a workbook open in LibreOffice (its lock file beside it)
    said nothing, so what the coach typed there and did not save was missing unseen. It imports
    still, and the notes say so first, with the way on."""
    import shutil

    from templates import path as template_path
    from ui.desktop import fileio

    book = tmp_path / "team.xlsx"
    shutil.copy(template_path("import-template.xlsx"), book)
    (tmp_path / ".~lock.team.xlsx#").write_text(",coach,club-pc,06.12.2026 14:10,file:///x;")
    dialogs.choices = ["workbook"]
    assert fileio.import_into(window, book)
    assert [a.id for a in window.season.athletes] == ["A01"]
    kind, title, words = dialogs[-1]
    assert (kind, title) == ("inform", "Imported, with notes")
    assert words.startswith("• team.xlsx is open in LibreOffice (user coach): what is not saved "
                            "there is not read; save it in LibreOffice first if you changed it")


def test_a_workbook_imported_again_keeps_the_open_seasons_pins_rules_and_file(qtbot, dialogs,
                                                                             tmp_path):
    """Importing the coach's edited workbook over the open season replaced it at once: its pin,
    rule settings and plan were gone, and a Save As over the season file lost them for good. The
    coach is asked; kept, they stay in the season file he had open; cancelled, nothing changes."""
    from planner.coachform.write import save_template_form
    from planner.season import IntensityPin, RuleSettings
    from planner.seasonfile import save_season
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}),
               pins=(IntensityPin(athlete="A1", date=day(10), intensity=0),))
    save_template_form(s, tmp_path / "team.xlsx")  # the workbook carries neither
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    dialogs.choices = ["cancel"]
    assert not fileio.import_into(w, tmp_path / "team.xlsx")
    assert w.season.pins == s.pins and not w.modified
    assert "1 pin and rule settings" in dialogs[-1][2]
    dialogs.choices = ["keepover"]
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert w.season.pins == s.pins and w.season.rules == s.rules and w.modified
    assert w.path == tmp_path / "team.season.json"
    assert "Save it (Ctrl+S) to update team.season.json." in w.statusBar().currentMessage()
    assert dialogs[-1][0] == "inform" and "Kept from the season: rule settings and 1 pin." \
        in dialogs[-1][2]


def test_keep_them_asks_before_leaving_out_what_it_cannot_keep(qtbot, dialogs, tmp_path):
    """Keep Them over a season whose workbook cleared one player's max speed replaced the season
    and then said, in an information box, that the squad's logged sessions were not kept. Now
    what cannot be kept (his speeds in m/s) is asked about first: Cancel changes nothing,
    Import Anyway imports without them (his sessions' minutes and RPE kept)."""
    from planner.coachform.write import save_template_form
    from planner.season import Session
    from planner.seasonfile import save_season
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, today=day(8))
    s = s.model_copy(update={"athletes": tuple(a.model_copy(update={"max_speed": 9.0})
                                               for a in s.athletes)})
    save_template_form(s.model_copy(update={"athletes": (s.athletes[0].model_copy(
        update={"max_speed": None}),) + s.athletes[1:]}), tmp_path / "team.xlsx")
    s = s.model_copy(update={"sessions": tuple(
        Session(athlete=a, date=day(d), minutes=60, rpe=5, top_speed_ms=8.5)
        for d in (1, 3) for a in ("A1", "A2"))})
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    dialogs.choices = ["keepover", "cancel"]
    assert not fileio.import_into(w, tmp_path / "team.xlsx")
    assert dialogs.kinds() == ["choose", "choose"]
    title, text = dialogs[-1][1:]
    assert title == "Not all can be kept"
    assert ("• the top speed in m/s of 2 logged sessions of Athlete 1 (A1), their minutes and RPE "
            "kept (the fastest: Athlete 1 (A1) has no max speed") in text
    assert "Import anyway (they are left out), or Cancel: the season stays as it is" in text
    assert w.season == s and not w.modified
    assert "Import cancelled; the current season is unchanged." in w.statusBar().currentMessage()
    dialogs.choices = ["keepover", "importanyway"]
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert w.modified and w.path == tmp_path / "team.season.json"
    assert sorted((x.athlete, x.date, x.top_speed_ms) for x in w.season.sessions) == [
        ("A1", day(1), None), ("A1", day(3), None), ("A2", day(1), 8.5), ("A2", day(3), 8.5)]
    assert dialogs[-1][0] == "inform" and "Not kept: the top speed in m/s" in dialogs[-1][2]


def test_a_workbook_that_moves_the_seasons_end_says_so_in_each_question_and_the_notes(
        qtbot, dialogs, tmp_path):
    """A workbook whose Season sheet End was mistyped went over the open season with only "made
    for other season dates" to say so. Now the question, "Not all can be kept" and the notes
    each lead with the season's new end and the one it replaces."""
    from planner.coachform.write import save_template_form
    from planner.season import IntensityPin
    from planner.seasonfile import save_season
    from planner.text import day_long
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, pins=(IntensityPin(athlete="A1", date=day(17), intensity=0),))
    save_template_form(season(weeks=2, athletes=2), tmp_path / "team.xlsx")  # ends a week early
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    said = f"Season: ends {day_long(day(13))} (was {day_long(day(20))})."
    dialogs.choices = ["keepover", "importanyway"]
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert dialogs.kinds() == ["choose", "choose", "inform"]
    assert dialogs[0][1] == "Import over the season" and dialogs[0][2].startswith(said + "\n\n")
    assert dialogs[1][1] == "Not all can be kept" and dialogs[1][2].startswith(said + "\n\n")
    assert "• a pin of Athlete 1 (A1) (a day no longer in the season)" in dialogs[1][2]
    assert said in dialogs[2][2] and w.season.calendar.end == day(13)


def test_discarded_changes_are_not_brought_back_by_undo_after_the_import(qtbot, dialogs, tmp_path):
    """File ▸ Import → Discard → Keep Them said the unsaved changes were discarded, yet Edit ▸
    Undo put the discarded pin back. Undo now gives the season as last saved (the one the
    import went over), and the edits made before that save stay in the history."""
    from planner.coachform.write import save_template_form
    from planner.edits import AddPin
    from planner.season import IntensityPin, RuleSettings
    from planner.seasonfile import load_season, save_season
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}))
    save_template_form(s, tmp_path / "team.xlsx")  # no rule settings: Keep Them is asked
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    kept_pin = IntensityPin(athlete="A2", date=day(5), intensity=0)
    w.apply_edit(AddPin(pin=kept_pin))
    assert w.save()
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))  # discarded
    dialogs.choices = ["discard", "keepover"]
    dialogs.files = [str(tmp_path / "team.xlsx")]
    fileio.import_dialog(w)
    assert "The unsaved changes were discarded." in w.statusBar().currentMessage()
    imported = w.season
    assert imported.pins == (kept_pin,) and w.modified
    assert w.undo_stack.undoText() == "Import workbook team.xlsx"
    w.undo_action.trigger()  # the season as saved, not the discarded pin
    assert w.season.pins == (kept_pin,) and not w.modified
    assert w.season == load_season(tmp_path / "team.season.json")
    w.undo_action.trigger()  # the history before the save stays
    assert w.season.pins == () and w.modified
    assert not w.undo_stack.canUndo()
    w.redo_action.trigger()
    w.redo_action.trigger()  # back to the import, never through the discarded pin
    assert w.season is imported and not w.undo_stack.canRedo()
    # a season whose saved state is in no step of the history (opened modified): it starts again
    w.set_document(s, tmp_path / "team.season.json", modified=True)
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))
    dialogs.choices = ["discard", "keepover"]
    dialogs.files = [str(tmp_path / "team.xlsx")]
    fileio.import_dialog(w)
    w.undo_action.trigger()
    assert w.season == load_season(tmp_path / "team.season.json") and not w.undo_stack.canUndo()


def test_discard_before_an_import_discards_and_asks_nothing_more_about_those_changes(
        qtbot, dialogs, tmp_path):
    """Import over unsaved changes asked Save / Discard / Cancel; Discard did not discard: the
    import then asked again (Keep Them / Use the Workbook Alone) about the same unsaved rows,
    and either answer was past Undo. Discard now means it: the workbook goes over the season as
    saved, with no second question about what was discarded."""
    from planner.coachform.write import save_template_form
    from planner.edits import AddPin
    from planner.season import IntensityPin, RuleSettings
    from planner.seasonfile import save_season
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}))
    save_template_form(s, tmp_path / "team.xlsx")  # it carries no rule settings
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))
    assert w.modified and w.season.pins
    dialogs.choices = ["discard", "keepover"]
    dialogs.files = [str(tmp_path / "team.xlsx")]
    fileio.import_dialog(w)
    # the second question is about what the saved season holds (its rule settings), not the pin
    assert dialogs.kinds()[:3] == ["choose", "open", "choose"]
    assert "rule settings" in dialogs[2][2] and "pin" not in dialogs[2][2]
    # said to be the season as saved, and what each answer does to the file
    assert "as last saved (the changes on screen are discarded)" in dialogs[2][2]
    assert ("Keep Them updates team.season.json once saved; the workbook alone is a new season, "
            "not saved yet.") in dialogs[2][2]
    assert w.season.pins == () and w.season.rules == s.rules
    assert w.path == tmp_path / "team.season.json"
    assert "The unsaved changes were discarded." in w.statusBar().currentMessage()
    # the saved file no longer reads: the workbook goes alone, and the status bar says why
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))
    (tmp_path / "team.season.json").write_text("{ cut short")
    dialogs.choices = ["discard"]
    dialogs.files = [str(tmp_path / "team.xlsx")]
    fileio.import_dialog(w)
    assert w.path is None and w.season.pins == ()
    assert ("team.season.json, the season as last saved, could not be read"
            in w.statusBar().currentMessage())
    assert "so the workbook was used alone" in w.statusBar().currentMessage()
    assert dialogs[-1][:2] == ("inform", "Imported, with notes")  # and in the notes, to read
    assert "team.season.json, the season as last saved, could not be read" in dialogs[-1][2]
    # a season never saved: Discard leaves nothing to keep, so the workbook is used alone
    w.set_document(s, None, modified=True)
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))
    dialogs.choices = ["discard"]
    dialogs.files = [str(tmp_path / "team.xlsx")]
    asked = len(dialogs)
    fileio.import_dialog(w)
    assert [k for k, *_ in dialogs[asked:]] == ["choose", "open"]
    assert w.season.pins == () and w.path is None and w.modified
    # Cancel changes nothing; Save saves first, then asks about what the saved season holds
    dialogs.choices = ["cancel"]
    w.apply_edit(AddPin(pin=IntensityPin(athlete="A1", date=day(10), intensity=0)))
    fileio.import_dialog(w)
    assert w.season.pins and dialogs.kinds()[-1] == "choose"


def test_the_seasons_own_workbook_imports_over_it_with_a_stage_outlasted_by_today(qtbot, dialogs,
                                                                                   tmp_path):
    """Today moved past a declined stage change: the season keeps A1 in P2 beyond its maximum
    (rules-spec.md section 9). Its own workbook, imported over it and kept, was refused ('record
    the later stage's start', a change that did not happen)."""
    from planner.coachform.write import save_template_form
    from planner.season import IntensityPin
    from tests.builders import day, injury, season
    from ui.desktop import fileio

    s = season(weeks=6, athletes=3, injuries=(injury("A1", "P2", start_day=-30),), today=day(20),
               pins=(IntensityPin(athlete="A2", date=day(30), intensity=0),))
    save_template_form(s, tmp_path / "team.xlsx")  # the pin it does not carry
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    dialogs.choices = ["keepover"]
    assert fileio.import_into(w, tmp_path / "team.xlsx"), dialogs[-1][2]
    assert w.season.injuries == s.injuries and w.season.pins == s.pins


def test_a_broken_workbook_is_explained_and_the_document_kept(window, dialogs, tmp_path, demo_season):
    import openpyxl

    from ui.desktop import fileio

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Season"
    for row in [("Key", "Value"), ("Name", "X"), ("Start", "2027-01-04"), ("End", "2027-02-01")]:
        ws.append(row)
    ws = wb.create_sheet("Athletes")
    ws.append(("ID", "Name"))
    for i in range(40):
        ws.append(("A1", f"Name {i}"))  # 39 duplicate IDs: more than a message box lists
    wb.save(tmp_path / "bad.xlsx")
    assert not fileio.import_into(window, tmp_path / "bad.xlsx")
    assert window.season is demo_season
    (kind, title, text) = dialogs[0]
    assert kind == "error" and title == "Workbook not imported"
    assert "39 problems; the first 25" in text and "Athletes, row 3, ID: 'A1' is already the ID of row 2" in text
    assert "… and 14 more" in text


def test_export_each_kind(calendars_now, export_now, small_window, dialogs, tmp_path):
    import openpyxl

    from planner.coachform.read import import_workbook

    assert not export_now(small_window, tmp_path / "plan.xlsx", "xlsx")
    assert dialogs.kinds() == ["inform"] and "solve it first" in dialogs[0][2]
    assert not (tmp_path / "plan.xlsx").exists()
    small_window.set_document(_with_plan(small_season()), None)
    # a plan made by hand, breaking hard rules: the coach is asked before it is handed out
    assert not export_now(small_window, tmp_path / "plan.xlsx", "xlsx")
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Plan breaks hard rules")
    assert "This plan breaks" in text and "Export it anyway?" in text
    assert not (tmp_path / "plan.xlsx").exists()
    dialogs.answer = "yes"
    for kind, name in (("xlsx", "plan.xlsx"), ("xlsx-anonymised", "anon.xlsx"), ("pdf", "board.pdf"),
                       ("template", "form.xlsx")):
        assert export_now(small_window, tmp_path / name, kind), kind
    assert openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True).sheetnames[0] == "Cover"
    assert "A7" in openpyxl.load_workbook(tmp_path / "anon.xlsx", read_only=True).sheetnames  # its ID alone
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    assert import_workbook(tmp_path / "form.xlsx").athletes == small_season().athletes
    (tmp_path / "cal").mkdir()
    (tmp_path / "cal" / "A99 Old Name.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert calendars_now(small_window, tmp_path / "cal")
    assert len(list((tmp_path / "cal").glob("*.ics"))) == len(small_season().athletes) + 2  # Team.ics
    # the plan is asked about for the workbooks and the calendars, not the board or the form;
    # the calendar file an earlier export left in the folder is named
    assert dialogs.kinds() == ["inform", "confirm", "confirm", "confirm", "confirm", "warn"]
    assert "1 other calendar file ('A99 Old Name.ics')" in dialogs[-1][2]


def test_the_export_dialog_writes_the_chosen_kind(wait_export, small_window, dialogs, tmp_path):
    from ui.desktop import fileio

    small_window.set_document(_with_plan(small_season()), None)
    pdf_filter = next(f for f, k in fileio.EXPORT_KINDS.items() if k == "pdf")
    dialogs.files = [(str(tmp_path / "board"), pdf_filter)]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")  # the suffix was added
    assert f"Exported {(tmp_path / 'board.pdf').resolve()}" in small_window.statusBar().currentMessage()
    assert "board.pdf" in small_window.notice.text()  # and it stays, with Open and Show folder
    dialogs.files = [(str(tmp_path / "team-plan.xlsx"), pdf_filter)]  # the suggested name, as PDF
    small_window.export_action.trigger()
    wait_export(small_window)
    assert (tmp_path / "team-plan.pdf").read_bytes().startswith(b"%PDF")


def test_the_export_notice_closes_by_itself_or_at_the_next_edit(export_now, qtbot, small_window, dialogs,
                                                              tmp_path):
    """"Wrote 24 handout pages… Open / Show folder" stayed above the board for good and took a
    row of it at 1280 x 720. It closes by itself after a while (not while the keyboard is on its
    buttons), or at the next edit or undo; a notice of a file changed on disk stays."""
    from planner import edits as E
    from planner.season import Athlete

    small_window.show()
    notice = small_window.notice
    assert export_now(small_window, tmp_path / "form.xlsx", "template")
    assert not notice.isHidden() and notice.closing.isActive()
    assert notice.closing.interval() >= 10_000  # long enough to reach Open or Show folder
    notice.folder_button.setFocus()  # the keyboard on its buttons: it waits
    notice.closing.setInterval(20)
    notice.closing.start()
    qtbot.wait(100)
    assert not notice.isHidden() and notice.closing.isActive()
    small_window.board.setFocus()
    qtbot.waitUntil(notice.isHidden, timeout=2000)
    notice.closing.setInterval(notice.WRITTEN_MS)
    # the next edit closes it, and so does an undo
    assert export_now(small_window, tmp_path / "form2.xlsx", "template")
    assert not notice.isHidden()
    assert small_window.apply_edit(E.AddAthlete(athlete=Athlete(id="A98", name="New Guy",
                                                          position="Forward")))
    assert notice.isHidden()
    assert export_now(small_window, tmp_path / "form3.xlsx", "template")
    small_window.undo_action.trigger()
    assert notice.isHidden()
    # a notice without a file or folder (a season changed on disk) does not go by itself
    notice.offer("changed on disk", reload=True, line="changed on disk")
    assert not notice.closing.isActive()


def test_the_export_notice_goes_when_another_season_is_opened_or_started(export_now, small_window, dialogs,
                                                                         tmp_path):
    """"Exported harbour-form.xlsx in …" stayed above the board of the season File ▸ New started
    next. It stays while the season it was exported from is open (saved, read again from disk),
    and goes when another one replaces it (Open, New)."""
    from planner.seasonfile import save_season

    save_season(small_season(), tmp_path / "team.season.json")
    save_season(small_season().model_copy(update={"name": "Other"}), tmp_path / "other.season.json")
    assert small_window.open_path(tmp_path / "team.season.json")
    assert export_now(small_window, tmp_path / "team-form.xlsx", "template")
    assert not small_window.notice.isHidden() and "team-form.xlsx" in small_window.notice.text()
    assert small_window.reload_from_disk() and not small_window.notice.isHidden()  # the same season
    assert small_window.open_path(tmp_path / "other.season.json") and small_window.notice.isHidden()
    assert export_now(small_window, tmp_path / "other-form.xlsx", "template")
    small_window.set_document(small_season(), None)  # File ▸ New
    assert small_window.notice.isHidden()


def test_the_export_dialog_offers_an_anonymised_copy_its_own_name(small_window, dialogs):
    """Picking "Excel workbook, anonymised" kept the named plan's suggested name: Save replaced
    the named workbook with the anonymised copy (or the reverse). Each kind has its own name."""
    from ui.desktop.fileio import EXPORT_KINDS

    small_window.set_document(_with_plan(small_season()), None)
    seen = {}

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        seen.update(names or {})
        return None  # cancelled: nothing written

    dialogs.save_file = save_file
    small_window.export_action.trigger()
    by_kind = {kind: seen[f] for f, kind in EXPORT_KINDS.items() if f in seen}
    assert by_kind["xlsx"].endswith("-plan.xlsx")
    assert by_kind["xlsx-anonymised"].endswith("-plan-anonymised.xlsx")
    assert by_kind["pdf-anonymised"].endswith("-plan-anonymised.pdf")
    assert len({by_kind[k] for k in ("xlsx", "xlsx-anonymised", "pdf", "pdf-anonymised")}) == 4


def test_an_export_never_replaces_a_workbook_unasked_and_keeps_what_it_replaces(wait_export,
        small_window, dialogs, tmp_path):
    """The coach's own workbook "team.xlsx": the export suggests another name; a name typed
    without its suffix that then meets the workbook asks first; a replaced file is kept as .bak."""

    small_window.set_document(_with_plan(small_season()), None)
    workbook = tmp_path / "team.xlsx"
    workbook.write_bytes(b"the coach's squad")
    seen = {}
    real = dialogs.save_file

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        seen["suggestion"] = suggestion
        return real(title, suggestion, filters, selected)

    dialogs.save_file = save_file
    dialogs.files = [str(tmp_path / "team")]  # typed without .xlsx: the dialog saw no clash
    dialogs.answer = "no"
    small_window.export_action.trigger()
    wait_export(small_window)
    assert seen["suggestion"].endswith("-plan.xlsx")
    assert dialogs.kinds()[-1] == "confirm" and "team.xlsx was not written by Periodize" in dialogs[-1][2]
    assert workbook.read_bytes() == b"the coach's squad"  # declined: nothing written
    dialogs.files = [str(tmp_path / "team")]
    dialogs.answer = "yes"
    small_window.export_action.trigger()
    wait_export(small_window)
    import openpyxl

    assert openpyxl.load_workbook(workbook, read_only=True).sheetnames[0] == "Cover"
    assert (tmp_path / "team.xlsx.bak").read_bytes() == b"the coach's squad"


def test_an_export_over_the_coachs_filled_in_workbook_asks_by_name_and_keeps_it_for_good(export_now,
        small_window, dialogs, tmp_path):
    """Export onto the coach's filled-in workbook got only the file dialog's "replace?"; the
    workbook went to .bak unsaid, and a second export wrote the first over that .bak: the
    workbook was gone. Now the question names it, the notice says where it is kept, and the
    second export leaves that .bak as it is."""
    from planner.coachform.write import save_template_form

    small_window.set_document(_with_plan(small_season()), None)
    book = tmp_path / "coachbook.xlsx"
    save_template_form(small_season(), book)
    mine = book.read_bytes()
    dialogs.answer = "no"
    assert not export_now(small_window, book, "xlsx")
    kind, title, words = dialogs[-1]
    assert (kind, title) == ("confirm", "Replace the file?")
    assert words.startswith("coachbook.xlsx is a coach workbook")
    assert "not a plan workbook Periodize exported. Replace it? It is kept as coachbook.xlsx.bak" in words
    assert book.read_bytes() == mine and not (tmp_path / "coachbook.xlsx.bak").exists()
    dialogs.answer = "yes"
    assert export_now(small_window, book, "xlsx")
    assert (tmp_path / "coachbook.xlsx.bak").read_bytes() == mine
    assert "The previous coachbook.xlsx is kept as coachbook.xlsx.bak." in small_window.notice.text()
    questions = [d[1] for d in dialogs]
    assert export_now(small_window, book, "xlsx")  # its own export now: no question about it
    assert [d[1] for d in dialogs][len(questions):] == ["Plan breaks hard rules"]
    assert (tmp_path / "coachbook.xlsx.bak").read_bytes() == mine
    assert "left as it is" in small_window.notice.text()
    # the form written back over a form is asked about too (its rows are the coach's)
    form = tmp_path / "form.xlsx"
    save_template_form(small_season(), form)
    dialogs.answer = "no"
    assert not export_now(small_window, form, "template")
    assert dialogs[-1][1] == "Replace the file?" and ", not " not in dialogs[-1][2]
    # the form again over a .bak of the coach's: the question says where that .bak goes before
    # it happens (it said "kept as form.xlsx.bak", the name the older file held)
    dialogs.answer = "yes"
    assert export_now(small_window, form, "template")
    assert export_now(small_window, form, "template")
    assert ("Replace it? It is kept as form.xlsx.bak (the form.xlsx.bak there now is kept as "
            "form.xlsx.1.bak), which no later export writes over.") in dialogs[-1][2]
    assert (tmp_path / "form.xlsx.1.bak").exists()


def test_an_export_over_a_workbook_open_in_libreoffice_says_so_and_writes_nothing(export_now,
        small_window, dialogs, tmp_path):
    """The exported workbook open in Calc (its lock file beside it) was replaced, the notice
    saying only where the previous one was kept; Calc then wrote over the export. Now the
    export stops first, naming the program, the user and the way on."""

    small_window.set_document(_with_plan(small_season()), None)
    dialogs.answer = "yes"  # the plan's broken hard rules: export anyway
    book = tmp_path / "mannschaft müller-plan.xlsx"
    assert export_now(small_window, book, "xlsx")
    before = book.read_bytes()
    (tmp_path / ".~lock.mannschaft müller-plan.xlsx#").write_text("Coach,coach,pc,05.12.2026 15:31,x;")
    assert not export_now(small_window, book, "xlsx")
    kind, title, words = dialogs[-1]
    assert (kind, title) == ("error", "Could not export")
    assert words.startswith("mannschaft müller-plan.xlsx is open in LibreOffice (user Coach)")
    assert "close it there first, or export under another name" in words
    assert book.read_bytes() == before and not (tmp_path / "mannschaft müller-plan.xlsx.bak").exists()


def test_the_export_dialog_says_a_workbook_is_open_before_asking_to_replace_it(wait_export, export_now,
        small_window, dialogs, tmp_path):
    """Ctrl+E over a workbook open in LibreOffice asked Qt's "already exists. Replace it?"
    first, and said it was open only after the coach's Yes, with only OK. The dialog asks no
    question now; the lock is said first, with Export under Another Name…, which opens the
    dialog again; a name free of a lock is then asked about (it exists) and written."""
    from ui.desktop import fileio

    small_window.set_document(_with_plan(small_season()), None)
    book, other = tmp_path / "small-plan.xlsx", tmp_path / "small-plan-2.xlsx"
    xlsx = next(f for f, k in fileio.EXPORT_KINDS.items() if k == "xlsx")
    dialogs.answer = "yes"
    assert export_now(small_window, book, "xlsx") and export_now(small_window, other, "xlsx")
    before = book.read_bytes()
    (tmp_path / ".~lock.small-plan.xlsx#").write_text("Coach Smith,coach,pc,05.12.2026 16:02,x;")
    dialogs.clear()
    dialogs.files = [(str(book), xlsx), (str(other), xlsx)]
    dialogs.choices = ["exportas", "yes", "yes"]  # another name; replace it; the plan as it is
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds()[:4] == ["save", "choose", "save", "confirm"]
    assert dialogs.ask_replace[-2:] == [False, False]  # the dialog asked no "replace it?"
    kind, title, words = dialogs[1]
    assert title == "Could not export" and words.startswith(
        "small-plan.xlsx is open in LibreOffice (user Coach Smith)")
    assert dialogs.suggested[-1] == str(book)  # opened again where the coach was
    assert dialogs[3][1] == "Replace the file?" and "small-plan-2.xlsx exists already" in dialogs[3][2]
    assert book.read_bytes() == before and not (tmp_path / "small-plan.xlsx.bak").exists()
    assert (tmp_path / "small-plan-2.xlsx.bak").exists()  # the one chosen instead was written
    assert "small-plan-2.xlsx" in small_window.notice.text()
    dialogs.clear()
    dialogs.files = [(str(book), xlsx)]
    dialogs.choices = ["cancel"]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds() == ["save", "choose"] and book.read_bytes() == before
    assert small_window.statusBar().currentMessage() == "Not exported: small-plan.xlsx is as it was."


def test_the_export_dialog_says_a_read_only_file_before_asking_to_replace_it(
        wait_export, export_now, small_window, dialogs, tmp_path):
    """Ctrl+E onto a read-only plan.xlsx asked "exists already. Replace it?", built the whole
    workbook after Yes, and only then said it is read-only, with OK alone (the command line
    refuses it at once). It is said first now, with Export under Another Name…, which opens the
    dialog again; Cancel leaves the file as it was. An export started elsewhere says it before
    any question too."""
    from ui.desktop import fileio

    small_window.set_document(_with_plan(small_season()), None)
    book, other = tmp_path / "small-plan.xlsx", tmp_path / "small-plan-2.xlsx"
    xlsx = next(f for f, k in fileio.EXPORT_KINDS.items() if k == "xlsx")
    dialogs.answer = "yes"
    assert export_now(small_window, book, "xlsx")
    book.chmod(0o444)
    before = book.read_bytes()
    read_only = (f"{book}: is read-only; write to another file, or make it writable (its "
                 f"properties or chmod u+w) and try again; the file is unchanged.")
    dialogs.clear()
    dialogs.files = [(str(book), xlsx), (str(other), xlsx)]
    dialogs.choices = ["exportas"]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds()[:3] == ["save", "choose", "save"]  # no "Replace it?" first
    assert dialogs[1][1:] == ("Could not export", read_only)
    assert dialogs.suggested[-1] == str(book)  # opened again where the coach was
    assert book.read_bytes() == before and other.exists()
    assert "small-plan-2.xlsx" in small_window.notice.text()

    dialogs.clear()
    dialogs.files = [(str(book), xlsx)]
    dialogs.choices = ["cancel"]
    small_window.export_action.trigger()
    assert dialogs.kinds() == ["save", "choose"] and book.read_bytes() == before
    assert small_window.statusBar().currentMessage() == "Not exported: small-plan.xlsx is as it was."

    dialogs.clear()  # the export itself, as handouts and the review file call it: at once
    assert not fileio.export_to(small_window, book, "xlsx")
    assert dialogs == [("error", "Could not export", read_only)]
    assert not small_window.export_job.is_running() and book.read_bytes() == before  # nothing built


def test_a_failed_export_to_a_new_name_says_nothing_was_written(window, dialogs, tmp_path,
                                                                 monkeypatch):
    """A board PDF that could not be written to a new name (a full disk) ended with "Not
    exported: plan.pdf is as it was." for a file that never existed. A new name now says that
    nothing was written; a file that was there is said to be as it was."""
    import errno

    from ui.desktop import fileio, pdf

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf, "export_board_pdf", full)
    target = tmp_path / "plan.pdf"
    assert not fileio.export_to(window, target, "pdf")
    assert dialogs[-1][:2] == ("error", "Could not export") and "No space left" in dialogs[-1][2]
    assert window.statusBar().currentMessage() == "Not exported: nothing was written."
    assert not target.exists()
    target.write_bytes(b"%PDF-1.4 the coach's own")  # a file there: as it was
    dialogs.answer = "yes"  # replace it
    assert not fileio.export_to(window, target, "pdf")
    assert [d[1] for d in dialogs[-2:]] == ["Replace the file?", "Could not export"]
    assert target.read_bytes() == b"%PDF-1.4 the coach's own"
    assert window.statusBar().currentMessage() == "Not exported: plan.pdf is as it was."


def test_an_export_never_replaces_a_season_file_whatever_its_name(export_now, window, dialogs, tmp_path,
                                                                  demo_season):
    """A season file saved under a workbook's name is refused, as the command line refuses it,
    not offered for replacing."""
    from planner.seasonfile import save_season

    save_season(demo_season, tmp_path / "x.season.json")
    (tmp_path / "backup.xlsx").write_bytes((tmp_path / "x.season.json").read_bytes())
    mine = (tmp_path / "backup.xlsx").read_bytes()
    assert not export_now(window, tmp_path / "backup.xlsx", "pdf-anonymised")
    assert dialogs.kinds() == ["error"] and "backup.xlsx is a season file" in dialogs[-1][2]
    assert (tmp_path / "backup.xlsx").read_bytes() == mine


def test_calendars_over_the_coachs_own_calendar_ask_by_name_and_keep_it(calendars_now, small_window,
                                                                         dialogs, tmp_path):
    """A calendar of the coach's own under an athlete's file name was replaced with no question
    and no .bak. Now the coach is asked, naming it; replaced, it is kept as .bak (said), and a
    later export keeps that .bak."""
    from planner.filegroup import athlete_file_names

    small_window.set_document(_with_plan(small_season()), None)
    folder = tmp_path / "cal"
    folder.mkdir()
    name = next(iter(athlete_file_names(small_season(), False, ".ics").values()))
    mine = b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//EN\r\nEND:VCALENDAR\r\n"
    (folder / name).write_bytes(mine)
    dialogs.answer = "no"
    assert not calendars_now(small_window, folder)
    kind, title, words = dialogs[-1]
    assert (kind, title) == ("confirm", "Replace other files?")
    assert "holds 1 file Periodize did not write" in words and f": {name}. Replace it?" in words
    assert f"It is kept as {name}.bak," in words and "Each" not in words  # one file: "it"
    assert (folder / name).read_bytes() == mine and list(folder.iterdir()) == [folder / name]
    dialogs.answer = "yes"
    assert calendars_now(small_window, folder)
    assert (folder / f"{name}.bak").read_bytes() == mine
    assert b"PRODID:-//Periodize//" in (folder / name).read_bytes()
    assert f"The file Periodize did not write is kept as {name}.bak." in small_window.notice.text()
    # the coach's own calendar is no earlier one of the players': said, as a new folder
    assert (f"No earlier calendars in {folder.resolve()}: export into the folder the players' "
            f"calendars were made from") in small_window.notice.text()
    asked = len(dialogs)
    assert calendars_now(small_window, folder)  # its own calendars now: not asked
    assert "No earlier calendars" not in small_window.notice.text()
    assert [d[1] for d in dialogs[asked:]] == ["Plan breaks hard rules"]
    assert (folder / f"{name}.bak").read_bytes() == mine


def test_calendars_beside_the_coachs_own_team_ics_are_written_with_no_question(calendars_now,
        small_window, dialogs, tmp_path):
    """A Team.ics of the coach's own in the folder asked to replace it (the command line
    refused without --replace): the staff's calendar is now Team (2).ics, said, his file kept."""

    small_window.set_document(_with_plan(small_season()), None)
    folder = tmp_path / "cal"
    folder.mkdir()
    mine = b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//EN\r\nEND:VCALENDAR\r\n"
    (folder / "Team.ics").write_bytes(mine)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: handed out anyway
    assert calendars_now(small_window, folder)
    assert [d[1] for d in dialogs] == ["Plan breaks hard rules"]  # not "Replace other files?"
    assert (folder / "Team.ics").read_bytes() == mine
    assert b"PRODID:-//Periodize//" in (folder / "Team (2).ics").read_bytes()
    said = small_window.notice.text()
    assert "and Team (2).ics for the staff" in said
    assert (f"Team.ics in {folder.resolve()} is not Periodize's calendar and is left as it is: "
            f"the staff's calendar is Team (2).ics.") in said


def test_calendars_over_one_open_in_libreoffice_are_refused_naming_it(calendars_now, small_window,
                                                                       dialogs, tmp_path):
    """An athlete's calendar opened in LibreOffice (its lock file beside it) was replaced by
    Export Calendars… without a word, as single-file exports no longer are. Now nothing is
    written and the message names the file, who has it open and the way on."""
    from planner.filegroup import athlete_file_names

    small_window.set_document(_with_plan(small_season()), None)
    folder = tmp_path / "cal"
    folder.mkdir()
    name = next(iter(athlete_file_names(small_season(), False, ".ics").values()))
    (folder / f".~lock.{name}#").write_text("Coach Smith,coach,pc,05.12.2026 16:02,x;")
    assert not calendars_now(small_window, folder)
    assert dialogs.kinds() == ["error"]
    _kind, title, words = dialogs[-1]
    assert title == "Calendars not exported"
    assert f"{name}: is open in LibreOffice (user Coach Smith)" in words
    assert "close it there first" in words
    assert [p.name for p in folder.iterdir()] == [f".~lock.{name}#"]


def test_an_export_error_is_shown_not_raised(export_now, small_window, dialogs, tmp_path):

    small_window.set_document(_with_plan(small_season()), None)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    assert not export_now(small_window, tmp_path / "no folder" / "plan.xlsx", "xlsx")
    assert dialogs.kinds() == ["confirm", "error"] and "does not exist" in dialogs[1][2]


def test_a_calendar_export_that_fails_leaves_no_folder_it_made(calendars_now, small_window, dialogs,
                                                               tmp_path, monkeypatch):
    """A full disk while the calendars are written: the error is shown, and the folder the
    export created is not left behind empty (one the coach had stays)."""
    import planner.ical
    from planner.errors import SaveError

    def full_disk(season, plan, folder, **kw):
        raise SaveError(f"{folder}: could not write A01.ics (No space left on device); no file was changed")

    monkeypatch.setattr(planner.ical, "export_calendars", full_disk)
    small_window.set_document(_with_plan(small_season()), None)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    assert not calendars_now(small_window, tmp_path / "calendars")
    assert dialogs.kinds() == ["confirm", "error"] and "No space left" in dialogs[1][2]
    assert not (tmp_path / "calendars").exists()
    (tmp_path / "mine").mkdir()
    assert not calendars_now(small_window, tmp_path / "mine")
    assert dialogs.kinds()[-1] == "error" and "mine: could not write" in dialogs[-1][2]
    assert (tmp_path / "mine").is_dir()


def spy_saves(dialogs, with_filters: bool = False) -> list:
    """Each Save dialog asked from now on, as (file name suggested, type selected), or (name,
    types offered, type selected); the dialog answers as ``dialogs`` would."""
    seen = []
    real = dialogs.save_file

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        name = Path(suggestion).name
        seen.append((name, filters, selected) if with_filters else (name, selected))
        return real(title, suggestion, filters, selected)

    dialogs.save_file = save_file
    return seen


def test_the_export_dialog_offers_the_kind_used_last(wait_export, small_window, dialogs, tmp_path):
    """The file type went back to the plan workbook every time: a coach writing the coach
    workbook for import each week had to choose it again, or wrote a plan workbook."""
    small_window.set_document(_with_plan(small_season()), None)
    seen = spy_saves(dialogs)
    form = "Coach workbook for import (*.xlsx)"
    dialogs.files = [(str(tmp_path / "form.xlsx"), form)]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert (tmp_path / "form.xlsx").exists()
    dialogs.files = [None]  # cancelled
    small_window.export_action.trigger()
    wait_export(small_window)
    assert seen[0][1] == "Excel workbook (*.xlsx)" and seen[0][0].endswith("-plan.xlsx")
    assert seen[1][1] == form and seen[1][0].endswith("-form.xlsx")  # not the coach's own name


def test_export_coach_workbook_goes_straight_to_its_save_dialog(wait_export, small_window, dialogs,
                                                                 tmp_path):
    """With a plan stored, the coach workbook was reached only through Export…: the weeks of the
    Excel plan (not its own), Choose File…, then a change of file type. File ▸ Export Coach
    Workbook… (beside Export…) opens the Save dialog on its type and name at once, writes the
    import form, and leaves the type Export… offers first as it was."""
    from openpyxl import load_workbook

    texts = [a.text() for a in small_window.menuBar().actions()[0].menu().actions()]
    assert texts.index("Export Coach &Workbook…") == texts.index("&Export…") + 1
    small_window.set_document(_with_plan(small_season()), tmp_path / "team.season.json")
    seen = spy_saves(dialogs, with_filters=True)
    form = "Coach workbook for import (*.xlsx)"
    dialogs.files = [str(tmp_path / "team-form")]  # typed without its .xlsx
    small_window.export_workbook_action.trigger()
    wait_export(small_window)
    assert dialogs.asked == []  # no weeks of the Excel plan asked
    assert seen == [("team-form.xlsx", form, form)]
    assert "Athletes" in load_workbook(tmp_path / "team-form.xlsx", read_only=True).sheetnames
    dialogs.files = [None]
    small_window.export_action.trigger()  # Export… still opens on the Excel plan, its first type
    assert seen[-1][0] == "team-plan.xlsx" and seen[-1][2] == "Excel workbook (*.xlsx)"


def test_weeks_of_the_excel_plan_open_the_file_dialog_on_the_excel_plan(wait_export, small_window, dialogs,
                                                                       tmp_path):
    """After a coach workbook export, choosing weeks 1-2 of the Excel plan opened the file dialog
    on the coach workbook's type and name ("team-form.xlsx"): Save wrote the import form, not
    the plan. Weeks chosen mean the Excel plan; the whole season still offers the type used last."""
    from ui.desktop.exportweeks import SPAN

    small_window.set_document(_with_plan(small_season()), tmp_path / "team.season.json")
    seen = spy_saves(dialogs)
    form, plan = "Coach workbook for import (*.xlsx)", "Excel workbook (*.xlsx)"
    dialogs.files = [(str(tmp_path / "team-form.xlsx"), form)]
    small_window.export_action.trigger()  # the whole season (the weeks dialog as it opens): the form
    wait_export(small_window)
    assert (tmp_path / "team-form.xlsx").exists()

    def weeks_1_2(d):
        d.first.setCurrentIndex(0)
        d.last.setCurrentIndex(1)
        d.choose(SPAN)
        return True

    dialogs.on_dialog = weeks_1_2
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert seen[-1] == ("team-plan week 1-2.xlsx", plan)
    dialogs.on_dialog = None  # the whole season: the type used last, under its own name
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert seen[-1] == ("team-form.xlsx", form)


def test_each_export_dialog_opens_in_the_folder_its_last_export_went_to(
        wait_export, small_window, dialogs, tmp_path):
    """Export… and Export Calendars… opened in the season's folder every time, though the
    coach's exports went to another folder each week. Each opens where its last export went
    (while that folder is there), else in the season's folder; one kind's folder is not
    another's."""
    from planner.seasonfile import save_season

    season_file = tmp_path / "team" / "team.season.json"
    season_file.parent.mkdir()
    s = _with_plan(small_season())
    save_season(s, season_file)
    small_window.set_document(s, season_file)
    out, cals = tmp_path / "out", tmp_path / "calendars"
    out.mkdir()
    cals.mkdir()
    seen = []
    real = dialogs.save_file

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        seen.append(Path(suggestion).parent)
        return real(title, suggestion, filters, selected)

    dialogs.save_file = save_file
    dialogs.answer = "yes"  # (the calendars of a plan that breaks hard rules: written anyway)
    dialogs.files = [(str(out / "week.xlsx"), "Coach workbook for import (*.xlsx)")]  # quick
    small_window.export_action.trigger()
    wait_export(small_window)
    assert (out / "week.xlsx").exists() and seen == [season_file.parent]  # the first time
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert seen[-1] == out  # the second: where the first went
    folders = []
    dialogs.choose_folder = lambda title, folder: folders.append(Path(folder)) or str(cals)
    small_window.export_ics_action.trigger()
    wait_export(small_window)
    small_window.export_ics_action.trigger()
    wait_export(small_window)
    assert folders == [season_file.parent, cals]  # its own folder, not Export…'s
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert seen[-1] == out
    (out / "week.xlsx").unlink()
    out.rmdir()  # gone: the season's folder again
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert seen[-1] == season_file.parent


def test_a_seasons_dialogs_open_in_its_own_folders_not_another_seasons(
        wait_export, small_window, dialogs, tmp_path):
    """Export… opened in the folder another season's export had last gone to, full of another
    club's files, and Save would have put this one's among them. Each dialog opens where this
    season file's last one of its kind went, else beside the season file; a season never saved
    opens where the last of its kind went."""
    from planner.seasonfile import save_season
    from ui.desktop import fileio, sessionimport

    s = _with_plan(small_season())
    first, second = tmp_path / "harbour" / "club.season.json", tmp_path / "rovers" / "club.season.json"
    out = tmp_path / "harbour exports"
    for folder in (first.parent, second.parent, out):
        folder.mkdir()
    save_season(s, first)
    save_season(s, second)
    saved, chosen = [], []
    real = dialogs.save_file

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        saved.append(Path(suggestion).parent)
        return real(title, suggestion, filters, selected)

    dialogs.save_file = save_file
    dialogs.choose_folder = lambda title, folder: chosen.append(Path(folder)) or None

    def dialogs_open_in(path):
        """Where Export…, Export Calendars…, Import… and Import Sessions open for ``path``."""
        small_window.set_document(s, path)
        dialogs.files = [None, None, None]
        small_window.export_action.trigger()
        small_window.export_ics_action.trigger()
        fileio.import_dialog(small_window)
        sessionimport.choose_log(small_window)
        return saved[-1], chosen[-1], Path(dialogs.folders[-2]), Path(dialogs.folders[-1])

    assert dialogs_open_in(first) == (first.parent,) * 4  # the first time: beside the file
    dialogs.files = [(str(out / "week.xlsx"), "Coach workbook for import (*.xlsx)")]
    small_window.export_action.trigger()
    wait_export(small_window)
    dialogs.choose_folder = lambda title, folder: chosen.append(Path(folder)) or str(out)
    dialogs.answer = "yes"  # (the calendars of a plan that breaks hard rules: written anyway)
    small_window.export_ics_action.trigger()
    wait_export(small_window)
    dialogs.files = [str(out / "log.csv")]
    assert sessionimport.choose_log(small_window) == str(out / "log.csv")
    assert (out / "week.xlsx").exists()
    dialogs.choose_folder = lambda title, folder: chosen.append(Path(folder)) or None

    # the other club's season: its own folder, not where the first one's files went
    assert dialogs_open_in(second) == (second.parent,) * 4
    # the first again: where its own went (Import… came from nowhere yet: beside the file)
    assert dialogs_open_in(first) == (out, out, first.parent, out)
    small_window.set_document(s, None)  # never saved: where the last export of its kind went
    dialogs.files = [None]
    small_window.export_action.trigger()
    assert saved[-1] == out


def test_the_seasons_own_workbook_with_nothing_to_keep_updates_the_open_file(qtbot, dialogs,
                                                                             tmp_path):
    """Re-importing the week's workbook over the season it came from, when the season held
    nothing the workbook lacks, left the coach on "not saved" and asked for Save As; with
    something to keep, the same import stayed on the file. It now stays on the file either way;
    another season's workbook (another name) is still a new season."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2)
    save_template_form(s, tmp_path / "team.xlsx")
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert dialogs.kinds() == []  # nothing would be lost: no question
    assert w.path == tmp_path / "team.season.json" and w.modified
    assert "Save it (Ctrl+S) to update team.season.json." in w.statusBar().currentMessage()
    other = s.model_copy(update={"name": "Another club"})
    save_template_form(other, tmp_path / "other.xlsx")
    assert fileio.import_into(w, tmp_path / "other.xlsx")
    assert w.path is None and w.season.name == "Another club"


def test_the_export_name_follows_the_file_type_picked_in_the_dialog(qtbot, tmp_path):
    """The coach workbook for import, picked in the export dialog, kept the plan's suggested name
    "team-plan.xlsx": the form was written there, and next week's plan export met it. The name
    now follows the type while it is the suggestion; a name the coach typed stays."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from ui.desktop.fileio import EXPORT_KINDS, SUFFIX
    from ui.desktop.interaction import save_dialog

    names = {f: "team" + ("-form" if k == "template" else "-plan") + SUFFIX[k]
             for f, k in EXPORT_KINDS.items()}
    plan, form = "Excel workbook (*.xlsx)", "Coach workbook for import (*.xlsx)"
    dialog = save_dialog(None, "Export", str(tmp_path / "team-plan.xlsx"), ";;".join(EXPORT_KINDS),
                         plan, names)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    shown = lambda: Path(dialog.selectedFiles()[0]).name  # noqa: E731
    assert shown() == "team-plan.xlsx"
    dialog.filterSelected.emit(form)
    assert shown() == "team-form.xlsx"
    dialog.filterSelected.emit("Season board PDF, one page per month (*.pdf)")
    assert shown() == "team-plan.pdf"
    dialog.findChild(QLineEdit, "fileNameEdit").setText("week 12.xlsx")  # typed by the coach
    dialog.filterSelected.emit(form)
    assert shown() == "week 12.xlsx"


def test_the_export_dialog_is_given_each_kinds_name(wait_export, small_window, dialogs, tmp_path):
    small_window.set_document(_with_plan(small_season()), tmp_path / "team.season.json")
    seen = {}

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        seen.update(names or {})
        return None

    dialogs.save_file = save_file
    small_window.export_action.trigger()
    wait_export(small_window)
    assert seen["Coach workbook for import (*.xlsx)"] == "team-form.xlsx"
    assert seen["Excel workbook (*.xlsx)"] == "team-plan.xlsx"


def test_a_workbook_with_a_later_today_opens_move_today_on_it(qtbot, dialogs, tmp_path):
    """Importing the week's workbook with next Monday as Today moved today at once: the Move
    Today step (the plan's projected stage changes to tick, a re-plan) never came, and a player
    back from rehab stayed recorded in it. Today stays; Move Today opens on the workbook's."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import day, season, solved_and_checked
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, today=day(3))
    s = s.model_copy(update={"plan": solved_and_checked(s)[0].plan})
    save_season(s, tmp_path / "team.season.json")
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)})})
    save_template_form(later, tmp_path / "team.xlsx")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    dialogs.choices = ["keepover"]
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert w.season.calendar.today == day(3) and w.path == tmp_path / "team.season.json"
    assert dialogs[-1][0] == "inform" and "Move Today opens on it." in dialogs[-1][2]
    move = w.weekly.dialog
    assert move is not None and move.isVisible() and move.today_field.value() == day(10)
    move.accept()
    assert w.season.calendar.today == day(10)


def test_the_seasons_own_workbook_with_a_later_today_and_nothing_to_keep_opens_move_today(
        qtbot, dialogs, tmp_path):
    """With nothing to keep (no plan) no question comes: the season's own workbook (its name)
    still updates the open file, today stays and Move Today opens on the workbook's, as
    'periodize import' says advance; another season's workbook is a new season with its Today
    (planner.reimport.updates_season decides both, for the app and the CLI)."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, today=day(3))
    save_season(s, tmp_path / "team.season.json")
    later = s.model_copy(update={"calendar": s.calendar.model_copy(update={"today": day(10)})})
    save_template_form(later, tmp_path / "team.xlsx")
    save_template_form(later.model_copy(update={"name": "Next season"}), tmp_path / "next.xlsx")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert not [d for d in dialogs if d[0] == "choose"]  # nothing to keep: no question
    assert w.season.calendar.today == day(3) and w.path == tmp_path / "team.season.json"
    assert dialogs[-1][0] == "inform" and "Move Today opens on it." in dialogs[-1][2]
    move = w.weekly.dialog
    assert move is not None and move.isVisible() and move.today_field.value() == day(10)
    move.reject()
    assert w.save()  # the season as saved again: nothing to keep from it either
    assert fileio.import_into(w, tmp_path / "next.xlsx")
    assert w.season.name == "Next season" and w.season.calendar.today == day(10)
    assert w.path is None  # a new season, to Save As


def test_a_long_problem_list_keeps_what_is_checked_after_the_fix(window, dialogs):
    """A list cut at MAX_LISTED dropped the note saying what is checked once the listed problems
    are fixed: the coach met those problems on the next import without warning."""
    from planner.errors import InputError
    from ui.desktop.fileio import MAX_LISTED, _say_error

    note = "Not checked yet: ...: fix these first; the workbook is checked again then."
    _say_error(window, "Could not import the workbook", InputError(
        "team.xlsx", [f"Athletes, row {n}, Name: is empty" for n in range(2, MAX_LISTED + 12)],
        note=note))
    text, details = dialogs[-1][2], dialogs.details[-1][2]
    assert f"the first {MAX_LISTED}:" in text and text.endswith("\n" + note)
    assert details.endswith("\n" + note)


def _every_role_a_starter(demo_season, path):
    """The demo season's coach workbook with every Roles row saying 'starter' (74 problems)."""
    import openpyxl

    from planner.coachform.write import save_template_form

    save_template_form(demo_season, path)
    book = openpyxl.load_workbook(path)
    for (cell,) in book["Roles"].iter_rows(min_row=2, min_col=3, max_col=3):
        cell.value = "starter"
    book.save(path)
    return [f"Roles, row {n}, Role: 'starter' is not a match role; write start, bench or out"
            for n in range(2, book["Roles"].max_row + 1)]


def test_every_problem_of_a_long_import_can_be_read_and_copied(window, dialogs, tmp_path,
                                                                demo_season):
    """A workbook with 74 problems showed the first 25 and "49 more (the command line lists
    them all)": a coach who uses only the app could not see or copy the rest. The message still
    lists 25; Show Details… holds all 74, in a text to select and copy."""
    from ui.desktop import fileio

    problems = _every_role_a_starter(demo_season, tmp_path / "team.xlsx")
    assert len(problems) == 74
    assert not fileio.import_into(window, tmp_path / "team.xlsx")
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("error", "Workbook not imported")
    assert "74 problems; the first 25:" in text and "… and 49 more (Show Details… lists all 74" \
        in text and "command line" not in text
    assert sum(p in text for p in problems) == 25
    assert dialogs.details == [("error", title, dialogs.details[0][2])]
    details = dialogs.details[0][2]
    assert all(f"• {p}" in details.splitlines() for p in problems)
    assert "Not checked yet: the rows with a problem of their own" in details


def test_the_error_box_holds_every_problem_behind_show_details(qtbot, dialogs, tmp_path,
                                                               demo_season):
    """The real message box: 25 problems in its text, all 74 in its detailed text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit

    from ui.desktop.interaction import QtInteraction

    problems = _every_role_a_starter(demo_season, tmp_path / "team.xlsx")
    w = MainWindow(demo_season, None, interaction=QtInteraction(None))
    qtbot.addWidget(w)
    seen = {}

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown = box.findChild(QTextEdit)  # the text Show Details… opens: selectable, copyable
        seen.update(text=box.informativeText(), details=box.detailedText(),
                    copy=shown is not None and shown.isReadOnly() and shown.toPlainText())
        box.accept()

    QTimer.singleShot(0, close)
    from ui.desktop import fileio

    assert not fileio.import_into(w, tmp_path / "team.xlsx")
    shown = sum(p in seen["text"] for p in problems)  # 25, or the first that fit the screen
    assert shown == 25 or f"… and {len(problems) - shown} more (Show Details… shows them" in seen["text"]
    assert 10 <= shown <= 25
    assert all(p in seen["details"] for p in problems) and seen["copy"] == seen["details"]


def test_what_keep_them_cannot_keep_is_listed_whole_behind_show_details(window, dialogs):
    """The question before leaving out what cannot be kept cut its list at 25 as well."""
    from types import SimpleNamespace

    from ui.desktop.fileio import _import_anyway

    dropped = [f"the session of A{n:02} on Mon 7 Sep 2026 (no such athlete)" for n in range(30)]
    dialogs.answer = "importanyway"
    assert _import_anyway(window, SimpleNamespace(name="Team"), SimpleNamespace(dropped=dropped, changes=""))
    assert "… and 5 more (Show Details… lists all 30" in dialogs[-1][2]
    assert all(f"• {d}" in dialogs.details[-1][2].splitlines() for d in dropped)


def test_export_without_a_plan_says_so_before_the_file_name_is_asked(wait_export, small_window, dialogs, tmp_path):
    """File ▸ Export… asked for a file name first and only then said "Nothing to export yet".
    Without a plan the coach is now told first, and the save dialog offers only what is written
    without one (the board PDF, the coach workbook for import); Export Calendars… likewise says
    it before the folder is chosen."""
    from ui.desktop import fileio

    assert small_window.season.plan is None
    offered = []
    real = dialogs.save_file

    def save_file(title, suggestion, filters, selected="", names=None, ask_replace=True):
        offered.append((filters.split(";;"), selected))
        return real(title, suggestion, filters, selected)

    dialogs.save_file = save_file
    dialogs.answer = "cancel"  # the coach wanted the plan workbook
    dialogs.files = [str(tmp_path / "team-plan.xlsx")]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds() == ["choose"] and not offered  # asked before any file dialog
    assert dialogs[0][1] == "No plan to export yet" and fileio.NO_PLAN_YET in dialogs[0][2]
    dialogs.answer = "exportother"  # then the board PDF
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds() == ["choose", "choose", "save"]
    filters, selected = offered[0]
    assert {fileio.EXPORT_KINDS[f] for f in filters} == {"pdf", "pdf-anonymised", "template"}
    assert selected in filters
    assert (tmp_path / "team-plan.pdf").read_bytes().startswith(b"%PDF")
    dialogs.files = [str(tmp_path / "calendars")]
    small_window.export_ics_action.trigger()
    assert dialogs.kinds()[-1] == "inform" and dialogs[-1][1] == "Nothing to export yet"
    assert "folder" not in dialogs.kinds() and not (tmp_path / "calendars").exists()
    small_window.set_document(_with_plan(small_season()), None)  # with a plan: no question, every kind
    dialogs.files = [None]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.kinds()[-1] == "save" and set(offered[-1][0]) == set(fileio.EXPORT_KINDS)


def test_a_workbook_of_the_squad_under_other_ids_is_asked_about_not_kept_over_the_season(
        qtbot, dialogs, tmp_path):
    """The coach's workbook listed the squad under U01... for the season's A01...: the question
    said each player "not in the workbook's Athletes sheet" (they were on it), 12 of them "and 8
    more" with nothing to show the 8, and Keep Them then offered Import Anyway, dropping Ben
    Mohr's rehab record as "no longer in the squad". Now the question names each player with
    both IDs, every one; Cancel leaves the season as it is, Use the Workbook Alone opens the
    workbook as a new season, the season's file untouched."""
    from planner.coachform.write import save_template_form
    from planner.seasonfile import save_season
    from tests.builders import injury, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=30, injuries=(injury("A13", stage="P2", start_day=-2),))
    save_season(s, tmp_path / "team.season.json")
    ours = s.model_copy(update={  # the coach's own IDs; A30 not on the sheet
        "athletes": tuple(a.model_copy(update={"id": f"U{a.id[1:]}"}) for a in s.athletes[:29]),
        "injuries": tuple(i.model_copy(update={"athlete": "U13"}) for i in s.injuries)})
    save_template_form(ours, tmp_path / "own.xlsx")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    before = (tmp_path / "team.season.json").read_bytes()
    dialogs.choices = ["cancel"]
    assert not fileio.import_into(w, tmp_path / "own.xlsx")
    assert dialogs.kinds() == ["choose"] and dialogs[0][1] == "Players under other IDs"
    asked = dialogs[0][2]
    assert asked.startswith("The workbook lists 29 players of “Test season” under other IDs:\n"
                            "• Athlete 1 (A1) is on the workbook's Athletes sheet as U1: write A1 "
                            "in its ID column\n")
    assert "• Athlete 13 (A13) is on the workbook's Athletes sheet as U13: write A13" in asked
    assert "not in the workbook's Athletes sheet" not in asked and "Keep Them" not in asked
    assert ("The season's IDs identify a player's injuries, logs and pins: imported under other "
            "IDs, they would be new players and those records lost. Write the season's IDs in the "
            "Athletes sheet's ID column and import again to keep them (Cancel). Or use the "
            "workbook alone: a new season, not saved yet; team.season.json stays as it is.") \
        in asked
    # 25 shown, the other 4 under Show Details…
    assert "… and 4 more (Show Details… lists all 29" in asked and "(A29)" not in asked
    assert dialogs.details[-1][1] == "Players under other IDs" and \
        "• Athlete 29 (A29) is on the workbook's Athletes sheet as U29" in dialogs.details[-1][2]
    assert w.season == s and w.path == tmp_path / "team.season.json" and not w.modified
    dialogs.choices = ["workbook"]
    assert fileio.import_into(w, tmp_path / "own.xlsx")
    assert dialogs.kinds() == ["choose", "choose"] and dialogs[1][2] == asked  # no other question
    assert w.path is None and w.modified and w.season.athlete("U13") is not None
    assert (tmp_path / "team.season.json").read_bytes() == before


def test_the_question_lists_every_player_the_workbook_removes_under_show_details(
        qtbot, dialogs, tmp_path):
    """The import question named 12 players the workbook removes "and 8 more", with no way to
    see the 8: it now says where they are, and Show Details… lists all 20."""
    from planner.coachform.write import save_template_form
    from tests.builders import injury, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=22, injuries=(injury("A1", stage="P2", start_day=-2),))
    save_template_form(s.model_copy(update={"athletes": s.athletes[:2], "injuries": ()}),
                       tmp_path / "two.xlsx")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    dialogs.choices = ["cancel"]
    assert not fileio.import_into(w, tmp_path / "two.xlsx")
    assert dialogs[0][1] == "Import over the season"
    assert "Athlete 14 (A14), not in the workbook's Athletes sheet; and 8 more (Show Details… " \
           "lists them all)" in dialogs[0][2]
    assert dialogs.details == [("choose", "Import over the season", "Removed:\n" + "\n".join(
        f"• Athlete {n} (A{n}), not in the workbook's Athletes sheet" for n in range(3, 23)))]
    assert w.season == s


def test_keep_them_names_the_player_the_workbook_removes_and_undo_brings_him_back(
        qtbot, dialogs, tmp_path):
    """A player added in the app after the workbook was written left the squad on Keep Them
    without a word: the question, the list of what cannot be kept ("1 unavailability of
    athletes or days no longer in the season": whose?) and the notes were silent, and Edit ▸
    Undo was greyed out. Now each names him, and the import is one Undo step."""
    from planner.coachform.write import save_template_form
    from planner.edits import AddAthlete, AddUnavailability
    from planner.season import Athlete, RuleSettings, Unavailability
    from planner.seasonfile import save_season
    from planner.text import day_long
    from tests.builders import day, season
    from ui.desktop import fileio

    s = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}))
    save_template_form(s, tmp_path / "team.xlsx")  # written before New Guy was signed
    save_season(s, tmp_path / "team.season.json")
    w = MainWindow(s, None)
    qtbot.addWidget(w)
    assert w.open_path(tmp_path / "team.season.json")
    assert w.apply_edit(AddAthlete(athlete=Athlete(id="A3", name="New Guy")))
    away = Unavailability(athlete="A3", start=day(2), end=day(4), reason="national team")
    assert w.apply_edit(AddUnavailability(unavailability=away))
    before = w.season
    dialogs.choices = ["keepover", "importanyway"]
    assert fileio.import_into(w, tmp_path / "team.xlsx")
    assert dialogs.kinds() == ["choose", "choose", "inform"]
    gone = "Removed: New Guy (A3), not in the workbook's Athletes sheet"
    assert dialogs[0][1] == "Import over the season" and gone in dialogs[0][2]
    assert dialogs[1][1] == "Not all can be kept" and (
        f"• the unavailability of New Guy (A3), {day_long(day(2))} – {day_long(day(4))} "
        f"(national team): A3 is not in the workbook's Athletes sheet") in dialogs[1][2]
    assert gone in dialogs[2][2]  # and in the notes after the import
    assert [a.id for a in w.season.athletes] == ["A1", "A2"] and w.season.rules == s.rules
    assert w.path == tmp_path / "team.season.json" and w.modified
    # one Edit ▸ Undo step: the season as it was, New Guy and his dates back; Redo the import
    assert w.undo_action.isEnabled() and w.undo_stack.undoText() == "Import workbook team.xlsx"
    imported = w.season
    w.undo_action.trigger()
    assert w.season == before and w.season.athlete("A3").name == "New Guy"
    # the edits before the import are still there to undo
    assert w.undo_stack.undoText().startswith("New Guy (A3) unavailable")
    w.undo_stack.redo()
    assert w.season == imported and w.modified


def test_the_notes_of_an_import_are_cut_short_with_every_one_under_show_details(window, dialogs,
                                                                               tmp_path):
    """A workbook with 30 fixtures pasted twice gave an "Imported, with notes" box of 30 lines
    and more, as tall as the notes were many, past the screen's bottom with its OK button. The
    box lists the first MAX_LISTED and counts the rest; every note is under Show Details…."""
    import openpyxl

    from planner.coachform.write import save_template_form
    from ui.desktop import fileio
    from ui.desktop.fileio import MAX_LISTED

    path = tmp_path / "team.xlsx"
    save_template_form(window.document.season, path)
    wb = openpyxl.load_workbook(path)
    sheet = wb["Competitions"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2, max_row=31)]
    for r in rows:  # each row pasted a second time: "repeats row N: counted once"
        sheet.append(r)
    wb.save(path)
    dialogs.choices = ["workbook"]
    assert fileio.import_into(window, str(path))
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("inform", "Imported, with notes")
    said = text.splitlines()
    (every,) = [d.splitlines() for k, t, d in dialogs.details if k == "inform"]
    assert sum("counted once" in line for line in every) == 30
    assert said == every[:MAX_LISTED] + [f"… and {len(every) - MAX_LISTED} more (Show Details… "
                                         f"lists all {len(every)}, to read or copy)"]


def test_the_export_notice_cuts_the_folder_in_its_middle_never_wrapping_it(export_now, qtbot, small_window, dialogs,
                                                                           tmp_path):
    """At 1024 x 600 the notice above the board wrapped "Exported / small-plan.xlsx in / tmp/ /
    review150" one word a line. It is one line now: the file's name whole, the folder's path
    cut in its middle; the whole notice is its tooltip."""


    folder = tmp_path / "Riverside FC season 2026-27 with a long folder name" / "exports"
    folder.mkdir(parents=True)
    small_window.resize(1024, 600)
    small_window.show()
    qtbot.waitExposed(small_window)
    dialogs.answer = "yes"  # the form written over a form: asked
    assert export_now(small_window, folder / "small-form.xlsx", "template")
    assert export_now(small_window, folder / "small-form.xlsx", "template")  # one kept as .bak
    label = small_window.notice.label
    qtbot.waitUntil(lambda: label.width() > 100)
    shown = label.text()
    assert not label.wordWrap() and label.height() < 2 * label.fontMetrics().lineSpacing()
    assert shown.startswith("Exported small-form.xlsx in ") and "…" in shown
    start, end = shown.removeprefix("Exported small-form.xlsx in ").split("…")[:2]
    assert str(folder).startswith(start) and len(start) >= 4  # the folder's start, "…", its end
    assert end.split(".")[0] and str(folder).endswith(end.split(".")[0])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
    assert str(folder) in label.toolTip() and str(folder) in small_window.notice.text()


def test_a_workbook_is_written_in_the_background_with_the_window_free_meanwhile(
        qtbot, small_window, dialogs, tmp_path, monkeypatch, wait_export):
    """A big squad's workbook took seconds with the window frozen: it is written in the
    background ("Writing plan.xlsx…" and Cancel in the status bar), the window's events go on,
    a second export meanwhile is refused and said, and Cancel writes nothing."""
    import threading

    import openpyxl
    from PySide6.QtCore import QTimer

    from planner import xlsx_export
    from ui.desktop import fileio

    small_window.set_document(_with_plan(small_season()), None)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    gate = threading.Event()  # the workbook is made only once the test lets it
    real = xlsx_export.workbook_bytes

    def held(*args, **kwargs):
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsx_export, "workbook_bytes", held)
    target = tmp_path / "plan.xlsx"
    assert fileio.export_to(small_window, target, "xlsx")
    ticks: list[int] = []
    timer = QTimer(small_window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the workbook is made
    timer.stop()
    job = small_window.export_job
    assert job.is_running() and not target.exists()
    assert job.progress_label.text().startswith("Writing plan.xlsx…")
    assert not job.cancel_button.isHidden()
    asked = len(dialogs.suggested)
    assert not fileio.export_to(small_window, tmp_path / "other.xlsx", "xlsx")
    small_window.export_action.trigger()  # the menu: said before its file dialog, not after
    assert dialogs.kinds()[-2:] == ["inform", "inform"] and len(dialogs.suggested) == asked
    assert "Writing plan.xlsx…" in dialogs[-1][2] and "then export again" in dialogs[-1][2]
    gate.set()
    assert wait_export(small_window).value.written
    assert openpyxl.load_workbook(target, read_only=True).sheetnames[0] == "Cover"
    assert f"Exported {target.resolve()}" in small_window.statusBar().currentMessage()
    assert "plan.xlsx" in small_window.notice.text() and job.cancel_button.isHidden()
    assert not (tmp_path / "other.xlsx").exists()
    gate.clear()  # Cancel while the workbook is made: nothing is written
    stopped = tmp_path / "stopped.xlsx"
    assert fileio.export_to(small_window, stopped, "xlsx")
    job.cancel_button.click()
    gate.set()
    result = wait_export(small_window)
    assert result.cancelled and not result.value.written and not stopped.exists()
    assert "stopped; stopped.xlsx was not written" in small_window.statusBar().currentMessage()


def test_the_excel_plan_is_exported_for_the_weeks_chosen_before_the_file_dialog(
        small_window, dialogs, tmp_path, wait_export):
    """A 45-player season's workbook printed 2,301 pages, every athlete's every week, with no
    choice in the app: File ▸ Export… asks the weeks first (the whole season as before, from this
    week on, this week, weeks … to …); the Calendar, the week pages and the Load table keep to
    them, the Cover says them, and the name suggested says them too."""
    import datetime as dt

    import openpyxl

    from planner.timeline import Timeline
    from ui.desktop import fileio
    from ui.desktop.exportweeks import FROM_NOW, SPAN, THIS_WEEK, WHOLE, WorkbookWeeksDialog
    from ui.desktop.weekpick import current_week

    season = _with_plan(small_season(weeks=24))  # 24 weeks: a week is under a fifth of its rows
    today = season.calendar.start + dt.timedelta(weeks=10)
    season = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": today})})
    small_window.set_document(season, None)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    tl = Timeline(season)
    now, n = current_week(tl), len(tl.weeks)
    assert 0 < now < n - 2  # today is inside the season: the choices differ
    dialog = WorkbookWeeksDialog(season, small_window)
    assert dialog.chosen_weeks() is None and dialog.buttons[WHOLE].isChecked()  # as before
    for key, weeks in ((FROM_NOW, list(range(now, n))), (THIS_WEEK, [now])):
        dialog.choose(key)
        assert dialog.chosen_weeks() == weeks
    dialog.first.setCurrentIndex(4)
    dialog.last.setCurrentIndex(2)
    dialog.first.activated.emit(4)  # a week picked: the span is chosen
    assert dialog.buttons[SPAN].isChecked() and dialog.chosen_weeks() == [2, 3, 4]

    def this_week(d):
        d.choose(THIS_WEEK)
        return True

    dialogs.on_dialog = this_week
    xlsx_filter = next(f for f, k in fileio.EXPORT_KINDS.items() if k == "xlsx")
    dialogs.files = [(str(tmp_path / "week.xlsx"), xlsx_filter)]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert isinstance(dialogs.asked[-1], WorkbookWeeksDialog)
    assert dialogs.suggested[-1].endswith(f"-plan week {now + 1}.xlsx")
    part = openpyxl.load_workbook(tmp_path / "week.xlsx", read_only=True)
    cover = " ".join(str(c) for row in part["Cover"].iter_rows(values_only=True) for c in row if c)
    assert f"Only week {now + 1}," in cover
    dialogs.on_dialog = None  # accepted as it opens: the whole season
    dialogs.files = [(str(tmp_path / "whole.xlsx"), xlsx_filter)]
    small_window.export_action.trigger()
    wait_export(small_window)
    assert dialogs.suggested[-1].endswith("-plan.xlsx")
    whole = openpyxl.load_workbook(tmp_path / "whole.xlsx", read_only=True)
    a = f"{season.athletes[0].id} {season.athletes[0].name}"  # his sheet
    assert part[a].max_row * 5 < whole[a].max_row  # one week's pages, not the season's
    assert part["Calendar"].max_row * 5 < whole["Calendar"].max_row
    assert part["Load"].max_row * 5 < whole["Load"].max_row
    assert "Only week" not in " ".join(
        str(c) for row in whole["Cover"].iter_rows(values_only=True) for c in row if c)
    dialogs.on_dialog = lambda d: False  # Cancel: no file dialog, nothing written
    asked = len(dialogs.suggested)
    small_window.export_action.trigger()
    assert len(dialogs.suggested) == asked and not small_window.export_job.is_running()


def test_the_excel_plan_weeks_open_on_the_week_selected_with_a_key_of_their_own(
        small_window, dialogs, qtbot):
    """The weeks … to … opened on Week 1 … to Week 2 while the board's selection was in week 12,
    and "from Week 12" left "to" on Week 2; "Choose File…" and "Cancel" both took Alt+C (which
    then only moved the focus between them) and Alt+F chose "From this week on". The weeks open
    on the week selected, "from" and "to" alike ("to" opened a week later: Week 1 to Week 2 with
    the board on week 1), "to" follows "from", and every button has a letter of its own: Alt+F
    the file."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from planner.timeline import Timeline
    from tests.ui.reach import button_letters
    from ui.desktop.exportweeks import WHOLE, WorkbookWeeksDialog
    from ui.desktop.weekpick import current_week

    season = _with_plan(small_season(weeks=16))  # week 12 of 16
    small_window.set_document(season, None)
    tl = Timeline(season)
    week = 11  # the board's selection in week 12
    assert week + 2 < len(tl.weeks) and current_week(tl) != week  # today's is another
    day = tl.days[tl.weeks[week].first + 1]
    assert small_window.board.set_current(season.athletes[0].id, day)
    asked = []
    dialogs.on_dialog = lambda d: asked.append(d) or False
    small_window.export_action.trigger()
    dialog = asked[-1]
    assert isinstance(dialog, WorkbookWeeksDialog)
    assert (dialog.first.currentData(), dialog.last.currentData()) == (week, week)
    dialog.first.setCurrentIndex(week + 2)  # "from" past "to": "to" follows
    assert dialog.last.currentData() == week + 2
    dialog.first.setCurrentIndex(week)  # back: "to" stays where it is
    assert dialog.last.currentData() == week + 2

    letters = button_letters(dialog)  # (asserts no two share one)
    assert letters["Choose File…"] == "f" and letters["Cancel"] == "c"
    assert all(letters.values()), letters
    dialog = WorkbookWeeksDialog(season)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.first.setFocus()
    qtbot.waitUntil(dialog.first.hasFocus)
    qtbot.keyClick(dialog.first, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=2000)
    assert dialog.buttons[WHOLE].isChecked()  # the range as it was


def test_the_import_dialog_shows_an_ods_and_choosing_one_says_how_to_import_it(window, dialogs,
                                                                                tmp_path):
    """File ▸ Import Excel Workbook… opened on "Excel workbook (*.xlsx *.xlsm)": a LibreOffice
    user's team.ods was not in the list at all. The dialog now opens on a type that shows .ods and
    .xls files too, and choosing one says, in the app, how to import it (the message the command
    line gives), with the season unchanged and no traceback."""
    import fnmatch
    import re

    from ui.desktop import fileio

    offered: list[str] = []
    record = dialogs.open_file
    dialogs.open_file = lambda title, folder, filters: (offered.append(filters),
                                                        record(title, folder, filters))[1]
    before = window.season
    for name, says in (("team.ods", "is not an Excel workbook (.ods); save it as an Excel "
                                    "Workbook (.xlsx) (File ▸ Save As in LibreOffice/Excel), then "
                                    "import that"),
                       ("team.xls", "is an Excel 97-2003 workbook (.xls); open it in Excel and "
                                    "save it as an Excel Workbook (.xlsx), then import that")):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 not read")  # refused by its type before it is read
        dialogs.files = [str(path)]
        fileio.import_dialog(window)
        first = offered[-1].split(";;")[0]  # the type the dialog opens on
        patterns = re.search(r"\(([^)]*)\)", first)[1].split()
        assert any(fnmatch.fnmatch(name, p) for p in patterns), first
        assert any(fnmatch.fnmatch("team.xlsx", p) for p in patterns), first
        kind, title, text = dialogs[-1]
        assert (kind, title) == ("error", "Workbook not imported") and says in text, text
        assert name in text and "Traceback" not in text
        assert window.season is before
        assert window.statusBar().currentMessage() == ("Import failed; the current season is "
                                                       "unchanged.")


def test_the_excel_plans_weeks_dialog_says_how_many_pages_they_print(qapp, tmp_path):
    """File ▸ Export…'s weeks of the Excel plan: a coach printed the whole season, 275 pages, with
    no word of it, while the handouts' dialog says "1 page to print". The dialog says, for the
    weeks chosen, the pages the workbook prints, about, as the Cover of the workbook written then
    says it; a season without a plan, nothing."""
    import re

    import openpyxl

    from planner.timeline import Timeline
    from planner.xlsx_export import export_workbook
    from tests.exports.demo import solved_demo
    from ui.desktop.exportweeks import SPAN, THIS_WEEK, WorkbookWeeksDialog

    season = solved_demo()
    tl = Timeline(season)
    dialog = WorkbookWeeksDialog(season)

    def said() -> tuple[int, int]:
        got = re.fullmatch(r"About ([\d,]+) pages? to print, ([\d,]+) of them the athletes' sheets "
                           r"\((\d+) athletes × (\d+) pages: a first page and a page a week\)\.",
                           dialog.pages.text())
        assert got and int(got[3]) == len(season.athletes), dialog.pages.text()
        sheets, each = int(got[2].replace(",", "")), int(got[4])
        assert sheets == len(season.athletes) * each  # the breakdown adds up
        return int(got[1].replace(",", "")), each - 1

    def cover_says(weeks) -> int:
        path = tmp_path / "plan.xlsx"
        export_workbook(season, season.plan, path, weeks=weeks)
        cover = " ".join(str(c) for row in openpyxl.load_workbook(path, read_only=True)["Cover"]
                         .iter_rows(values_only=True) for c in row if c)
        return int(re.search(r"makes about ([\d,]+) pages", cover)[1].replace(",", ""))

    whole, weeks = said()
    assert weeks == len(tl.weeks) and whole == cover_says(None)
    dialog.choose(THIS_WEEK)
    one, weeks = said()
    assert weeks == 1 and one < whole / 10 and one == cover_says(dialog.chosen_weeks())
    dialog.first.setCurrentIndex(2)
    dialog.last.setCurrentIndex(4)
    dialog.choose(SPAN)
    three, weeks = said()
    assert weeks == 3 and one < three < whole
    assert dialog.pages.isVisibleTo(dialog) and dialog.pages.wordWrap()
    unplanned = WorkbookWeeksDialog(season.model_copy(update={"plan": None}))
    assert unplanned.pages.text() == ""


def test_the_forms_example_rows_are_named_in_the_app_too(window, dialogs, tmp_path, demo_season):
    """File ▸ Import Excel Workbook on the form with only its Athletes rows overwritten said
    "did you mean 'U01'?" for the example player's rows; it names them as the form's example
    rows to delete, as the command line does."""
    import openpyxl

    from templates import path as template_path
    from ui.desktop import fileio

    wb = openpyxl.load_workbook(template_path("import-template.xlsx"))
    for c, value in enumerate(("U01", "Leo Martinez", "Centre back"), start=1):
        wb["Athletes"].cell(row=2, column=c, value=value)
    wb.save(tmp_path / "u16.xlsx")
    assert not fileio.import_into(window, tmp_path / "u16.xlsx")
    assert window.season is demo_season
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("error", "Workbook not imported")
    assert "Unavailable, row 2 is the form's example row (Alex Example): delete it" in text
    assert "did you mean" not in text, text


def test_the_plan_exported_is_named_as_such_when_imported_in_the_app(window, dialogs, tmp_path,
                                                                     demo_season):
    """File ▸ Import Excel Workbook on the plan File ▸ Export… wrote advised renaming its Rules
    sheet 'Roles'; it says the file is the plan export and names the coach workbook to import."""
    from planner.xlsx_export import export_workbook
    from tests.planner.test_xlsx_export import small_plan, small_season
    from ui.desktop import fileio

    s = small_season()
    export_workbook(s, small_plan(s), tmp_path / "plan.xlsx")
    assert not fileio.import_into(window, tmp_path / "plan.xlsx")
    assert window.season is demo_season
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("error", "Workbook not imported")
    assert "is a plan Periodize exported, not a coach workbook" in text
    assert "File ▸ Export Coach Workbook…" in text and "Rename" not in text, text


def test_the_excel_plan_weeks_say_when_they_open_on_another_week_than_this_one(qtbot, demo_season):
    """Ctrl+E with a cell of Week 2 selected: "This week (Week 1 · …)" above "Week 2 … to
    Week 2 …", and nothing said why. The range opens on this week when nothing is selected (or
    the selection is in this week); opened on the week selected, the Weeks choice says so."""
    from planner.timeline import Timeline
    from ui.desktop.exportweeks import SPAN, WorkbookWeeksDialog
    from ui.desktop.weekpick import current_week

    season = _with_plan(demo_season)
    tl = Timeline(season)
    now = current_week(tl)
    other = tl.days[tl.weeks[now + 1].first + 2]  # a day of the week after this one
    same = tl.days[tl.weeks[now].first]
    for selected, week, said in ((None, now, False), (same, now, False), (other, now + 1, True)):
        dialog = WorkbookWeeksDialog(season, selected=selected)
        qtbot.addWidget(dialog)
        assert (dialog.first.currentData(), dialog.last.currentData()) == (week, week), selected
        label = dialog.buttons[SPAN].text()
        assert ("selected on the board" in label) is said, (selected, label)
        assert label.startswith("Wee&ks")  # its key, Alt+K, kept


def _pdf_pages(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_the_board_pdf_shows_its_pages_and_cancel_writes_nothing(window, dialogs, tmp_path,
                                                                monkeypatch):
    """Export ▸ board PDF froze the window for 1.3 s on a 40 x 52 season, with no progress and no
    Cancel. Its pages now go under a progress dialog that lets the window handle its events
    between pages; Cancel part-way writes nothing: no new file, a previous one as it was, and no
    temporary file left in the folder."""
    import os

    from PySide6.QtCore import QTimer

    from ui.desktop import fileio, pageprogress
    from ui.desktop.pdf import months

    dialogs.answer = "yes"
    steps: list[tuple[int, int]] = []
    real_step = pageprogress.page_step
    cancel_at: list[int] = []

    def step(dlg, done, total=None, every=1):
        steps.append((done, total))
        if cancel_at and done == cancel_at[0]:
            dlg.cancel()  # the coach presses Cancel
        return real_step(dlg, done, total, every)

    monkeypatch.setattr(pageprogress, "page_step", step)
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "board.pdf"
    total = len(months(window.season))
    assert total >= 4
    # a whole export: every page written, each told to the dialog, the window's events handled
    fired: list[int] = []
    QTimer.singleShot(0, lambda: fired.append(len(steps)))
    assert fileio.export_to(window, target, "pdf")
    assert [d for d, _ in steps] == list(range(total)) and {t for _, t in steps} == {total}
    assert fired and fired[0] < total, fired  # between pages, not only after the last
    first = target.read_bytes()
    assert _pdf_pages(first) == total
    # Cancel on the third page: the file there stays as it was, nothing else is left behind
    steps.clear()
    cancel_at.append(2)
    assert not fileio.export_to(window, target, "pdf")
    assert [d for d, _ in steps] == [0, 1, 2]
    assert target.read_bytes() == first and sorted(os.listdir(out)) == ["board.pdf"]
    assert window.statusBar().currentMessage() == ("Board PDF not exported: stopped; board.pdf "
                                                   "was not written.")
    # and to a new name: no file at all
    assert not fileio.export_to(window, out / "new.pdf", "pdf")
    assert sorted(os.listdir(out)) == ["board.pdf"]


def test_calendars_are_written_in_the_background_a_calendar_at_a_time_and_cancel_writes_none(
        qtbot, small_window, dialogs, tmp_path, monkeypatch, wait_export):
    """Export Calendars froze the window for 12 s on a squad of 40 over a season, with no
    progress and no Cancel. They are made in the background ("Writing the calendars…" and the
    calendars made of all, with Cancel, in the status bar), the window's events go on, another
    export meanwhile is refused and said; Cancel writes none (the earlier calendars stay as they
    were, a folder made for the export is not left)."""
    import threading

    import planner.ical as ical
    from ui.desktop import fileio

    small_window.set_document(_with_plan(small_season()), None)
    dialogs.answer = "yes"  # the hand-made plan breaks hard rules: export it anyway
    gate = threading.Event()  # the second calendar is made only once the test lets it
    made: list[int] = []
    real = ical._Events.ics

    def held(self):
        made.append(1)
        if len(made) == 2:
            gate.wait(30)
        return real(self)

    monkeypatch.setattr(ical._Events, "ics", held)
    folder = tmp_path / "cal"
    assert fileio.export_calendars_to(small_window, folder)
    job = small_window.export_job
    n = len(small_season().athletes) + 1  # and the staff's
    qtbot.waitUntil(lambda: f"(1 of {n})" in job.progress_label.text(), timeout=30_000)
    assert job.progress_label.text().startswith("Writing the calendars…")
    assert not job.cancel_button.isHidden() and not list(folder.glob("*.ics"))
    assert not fileio.export_calendars_to(small_window, tmp_path / "other")
    assert dialogs[-1][1] == "Still exporting" and not (tmp_path / "other").exists()
    gate.set()
    assert wait_export(small_window).value.written
    files = sorted(folder.glob("*.ics"))
    assert len(files) == n and job.cancel_button.isHidden()
    assert small_window.statusBar().currentMessage().startswith(f"Wrote {n} calendar files")
    before = {p: p.read_bytes() for p in files}
    for target in (folder, tmp_path / "new"):  # Cancel: none written, over earlier ones or not
        made.clear()
        gate.clear()
        assert fileio.export_calendars_to(small_window, target)
        qtbot.waitUntil(lambda: len(made) == 2, timeout=30_000)
        job.cancel_button.click()
        gate.set()
        result = wait_export(small_window)
        assert result.cancelled and not result.value.written and len(made) == 2
        assert f"stopped; nothing in {target} was written" in small_window.statusBar().currentMessage()
    assert {p: p.read_bytes() for p in sorted(folder.glob("*.ics"))} == before
    assert not (tmp_path / "new").exists()
