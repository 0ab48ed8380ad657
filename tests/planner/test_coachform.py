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
from planner.coachform.spec import STAGE_CHOICES, WRITTEN_SHEETS
from planner.coachform.write import (
    export_template_form,
    save_template_form,
    template_workbook,
    training_days_text,
)
from planner.errors import InputError
from planner.protocols import available_protocols, load_protocol
from planner.season import (
    Athlete,
    Block,
    Calendar,
    Competition,
    CriteriaTest,
    Injury,
    MatchRole,
    NonTrainingDay,
    Season,
    Session,
    StageRecord,
    Unavailability,
)
from planner.validate import season_problems
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
                         ("START", "2027-01-04T00:00:00+01:00", None), ("end", "2027-03-28T00:00:00", None),
                         ("Week Starts", "sunday", None), ("training  days", "mon - wed, Fri-sat", None),
                         ("Today", D(2027, 1, 11), None), ("Colour", "blue", None)],
            "athletes": [("Notes", "max SPEED", " name", "id", "POSITION"),
                         ("x", "9,4", "Ann Ash", "A1", "Defender"), (None, None, None, None, None),
                         (), ("", None, "Seven Sands", 7, None)],
            "Competitions": [("priority", "Date", "Name", "end-date", "Venue"),
                             (" b ", "2027-01-09T18:00:00Z", "Cup final", None, "Home"),
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
    # the extra columns are read as nothing, and said (a "To" beside a day off's date imported a
    # one-day break from a two-week one, without a word)
    notes: list[str] = []
    import_workbook(path, notes)
    assert "Athletes: column A ('Notes') not read: not a column of this sheet" in "\n".join(notes)
    assert any(n.startswith("Competitions: column E ('Venue') not read") for n in notes)


def test_a_position_close_to_a_known_one_is_said(tmp_path):
    """'Goalkeper' was read as a position of its own: the keeper lost HV-1's exemption and was
    planned sprint sessions every week."""
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Pos FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-03-28")],
                Athletes=[("ID", "Name", "Position"), ("A1", "Gus Goal", "Goalkeper"),
                          ("A2", "Wil Wing", "Winger"), ("A3", "Kit Keep", "GK")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [a.position for a in s.athletes] == ["Goalkeper", "Winger", "GK"]
    assert notes == ["Athletes, row 2, Position: 'Goalkeper' is read as a position of its own, not "
                     "Goalkeeper (rules such as HV-1's goalkeeper exemption read the position); "
                     "correct it if it is one",
                     # a position far from the four, once for the sheet, as the Squad editor says it
                     "Athletes: 'Winger' (row 3) is a group of its own on the board, after "
                     "Goalkeeper, Defender, Midfielder and Forward, the groups the board shows "
                     "first: right for a position of your sport's own; to put a player in one of "
                     "those groups, write one of those four (HV-1 exempts only the positions its "
                     "setting names, Goalkeeper by default)"]


def test_a_goalkeeper_written_in_german_is_a_goalkeeper_said_once(tmp_path):
    """'Torwart' and 'TW' were groups of their own: HV-1's exemption, which names Goalkeeper,
    missed them, and the keeper was planned a field player's sprints. Read as Goalkeeper, in
    any case, and said in one note with the rows."""
    from planner.rules import RuleSet
    from planner.squad import hv1_exempt

    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Pos FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-03-28")],
                Athletes=[("ID", "Name", "Position"), ("A1", "Lukas Öztürk", "Torwart"),
                          ("A2", "Jan Feld", "Mittelfeld"), ("A3", "Tom Tor", " TORWART "),
                          ("A4", "Kai Hand", "TW"), ("A5", "Ben Ball", "Torhüter")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [a.position for a in s.athletes] == ["Goalkeeper", "Mittelfeld", "Goalkeeper",
                                                "Goalkeeper", "Goalkeeper"]
    rs = RuleSet(s.rules)
    assert [hv1_exempt(rs, a.position) for a in s.athletes] == [True, False, True, True, True]
    said = [n for n in notes if "read as Goalkeeper" in n]
    assert said == ["Athletes: Position 'Torwart' (rows 2, 4), 'TW' (row 5) and 'Torhüter' "
                    "(row 6) read as Goalkeeper"]
    (own,) = [n for n in notes if "of its own" in n]
    assert own.startswith("Athletes: 'Mittelfeld' (row 3) is a group of its own")


def test_a_rugby_squads_positions_note_speaks_of_no_sport(tmp_path):
    """A rugby sevens squad's 'Back' was told "for a football player write one of those four":
    the note names the board's four groups and the way into them, for any sport."""
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "U17 7s"), ("Start", "2027-03-01"),
                                  ("End", "2027-08-29")],
                Athletes=[("ID", "Name", "Position"), ("P01", "Liam Smith", "Forward"),
                          ("P02", "Noah Brown", "Back"), ("P03", "Kai Baker", "Back")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [a.position for a in s.athletes] == ["Forward", "Back", "Back"]
    (note,) = [n for n in notes if "'Back'" in n]
    assert "football" not in note.lower(), note
    assert note.startswith("Athletes: 'Back' (row 3) is a group of its own on the board")
    assert "write one of those four" in note  # the fix is kept


def test_a_competition_row_pasted_twice_is_counted_once(tmp_path):
    """The same match on two rows became two competitions on one day."""
    path = book(tmp_path, Competitions=[("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"),
                                        ("2027-01-09", "League 1", "C"), ("2027-01-09", "Cup", "B")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [(c.name, c.date.isoformat()) for c in s.competitions] == [
        ("League 1", "2027-01-09"), ("Cup", "2027-01-09")]
    assert notes[0] == "Competitions, row 3 repeats row 2: counted once"
    # the Cup on the league's day is two matches on one day: said (the next test)
    assert notes[1:] == [
        "Competitions, row 4, Date: Sat 9 Jan 2027: 2 matches, 'League 1' (C) and 'Cup' (B) (rows "
        "2 and 4), are started on one day, which the solve names a congested start; if one is played "
        "on another day, move it (its Date here, or Season ▸ Competitions after the import)"]


def test_two_competitions_on_one_day_are_noted_at_the_later_row(tmp_path):
    """A Derby typed on a league Saturday imported without a word, and the solve then called
    the day a congested start: the import names the day, both competitions and the fix. A
    tournament over a league day is said at its first shared day; a season file holding such
    a day opens without the note (the editors allow it and say it as they add it)."""
    from planner.seasonfile import load_season, save_season

    path = book(tmp_path, Competitions=[
        ("Date", "End date", "Name", "Priority"), ("2027-01-09", None, "League 1", "C"),
        ("2027-01-16", None, "League 2", "C"), ("2027-01-16", None, "Derby", "B"),
        ("2027-01-22", "2027-01-24", "Indoor Cup", "C"), ("2027-01-23", None, "League 3", "C")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert len(s.competitions) == 5
    assert [n.split(":")[0] for n in notes] == ["Competitions, row 4, Date",
                                                "Competitions, row 6, Date"], notes
    assert "Sat 16 Jan 2027: 2 matches, 'League 2' (C) and 'Derby' (B) (rows 3–4)," in notes[0]
    assert "Sat 23 Jan 2027: 2 matches, 'Indoor Cup' (C) and 'League 3' (C) (rows 5–6)," in notes[1]
    assert all("move it (its Date here, or Season ▸ Competitions" in n for n in notes)
    save_season(s, tmp_path / "s.season.json")
    opened: list[str] = []
    load_season(tmp_path / "s.season.json", notes=opened)
    assert not any("the day of" in n for n in opened)


def test_a_tournament_day_is_one_note_with_its_matches_and_rows(tmp_path):
    """Three pool matches on a Saturday and three knock-out matches on the Sunday were four
    notes, each counting again the matches before it (2, then 3): one note a day now, at the
    day's last row, naming every match and its rows."""
    path = book(tmp_path, Competitions=[
        ("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"),
        ("2027-01-16", "Pool v Lions", "A"), ("2027-01-16", "Pool v Sharks", "A"),
        ("2027-01-16", "Pool v Hawks", "A"), ("2027-01-17", "Semi-final", "A"),
        ("2027-01-17", "Final", "A")])
    notes: list[str] = []
    import_workbook(path, notes)
    shared = [n for n in notes if "started on one day" in n]
    assert [n.split(": ", 1)[0] for n in shared] == ["Competitions, row 5, Date",
                                                     "Competitions, row 7, Date"], notes
    assert ("Sat 16 Jan 2027: 3 matches, 'Pool v Lions' (A), 'Pool v Sharks' (A) and "
            "'Pool v Hawks' (A) (rows 3–5), are started on one day") in shared[0]
    assert "Sun 17 Jan 2027: 2 matches, 'Semi-final' (A) and 'Final' (A) (rows 6–7)," in shared[1]
    # three matches on one day: where their minutes in the planned load come from, and the fix
    hint = ("; each match started counts 95 min at RPE 8 in the planned load, and each from the "
            "bench 30 min at RPE 7, settings of LD-1's load table: for shorter matches set LD-1's "
            "\"A competition started: minutes\" and \"A competition from the bench: minutes\" "
            "(Rules panel, or periodize record FILE --rule LD-1.minutes_start=MINUTES --rule "
            "LD-1.minutes_bench=MINUTES --save; README, \"Another sport\")")
    assert shared[0].endswith(hint) and "LD-1" not in shared[1]


def test_a_season_of_tournament_days_says_them_and_their_minutes_once(tmp_path):
    """Eight sevens tournaments of three matches a day were sixteen notes of 600 characters, each
    naming only the started minutes, so a bench player kept football's 30 minutes a match (630
    AU on a tournament day against a starter's 336): one note now, at the first day's last row,
    counting the days and naming the first three and the last with their rows, and both LD-1
    settings as the Rules panel names them; a day of two matches keeps its own note."""
    from planner.rules import RULES

    rows = [("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"), ("2027-01-09", "Derby", "B")]
    for k, day in enumerate(["2027-01-16", "2027-01-17", "2027-01-23", "2027-01-24", "2027-01-30"]):
        rows += [(day, f"Sevens {k} M{m}", "A") for m in (1, 2, 3)]
    notes: list[str] = []
    import_workbook(book(tmp_path, Competitions=rows), notes)
    shared = [n for n in notes if "congested start" in n]
    assert len(shared) == 2, notes
    assert shared[0].startswith("Competitions, row 3, Date: Sat 9 Jan 2027: 2 matches") and \
        "LD-1" not in shared[0]
    assert shared[1] == (
        "Competitions, row 6, Date: 5 days each hold 3 matches or more started, which the solve "
        "names congested starts: Sat 16 Jan 2027 (rows 4–6), Sun 17 Jan 2027 (rows 7–9), Sat 23 "
        "Jan 2027 (rows 10–12), 1 more and the last Sat 30 Jan 2027 (rows 16–18); if one is "
        "played on another day, move it (its Date here, or Season ▸ Competitions after the "
        "import); each match started counts 95 min at RPE 8 in the planned load, and each from "
        "the bench 30 min at RPE 7, settings of LD-1's load table: for shorter matches set LD-1's "
        "\"A competition started: minutes\" and \"A competition from the bench: minutes\" "
        "(Rules panel, or periodize record FILE --rule LD-1.minutes_start=MINUTES --rule "
        "LD-1.minutes_bench=MINUTES --save; README, \"Another sport\")")
    # the names quoted are the Rules panel's rows, so a renamed setting cannot leave the note behind
    assert all(f'"{RULES["LD-1"].param(n).row_text}"' in shared[1]
               for n in ("minutes_start", "minutes_bench"))


def test_tournament_days_typed_out_of_order_are_named_by_date(tmp_path):
    """The days were named in the sheet's row order: typed 30, 16, 23, 17 and 24 Jan, the note
    said "the last Sun 24 Jan 2027" and counted 30 Jan as "1 more". They are named by date now,
    the note at the earliest day's last row."""
    rows = [("Date", "Name", "Priority")]
    for k, day in enumerate(["2027-01-30", "2027-01-16", "2027-01-23", "2027-01-17", "2027-01-24"]):
        rows += [(day, f"Sevens {k} M{m}", "A") for m in (1, 2, 3)]
    notes: list[str] = []
    import_workbook(book(tmp_path, Competitions=rows), notes)
    (note,) = [n for n in notes if "congested start" in n]
    assert note.startswith(
        "Competitions, row 7, Date: 5 days each hold 3 matches or more started, which the solve "
        "names congested starts: Sat 16 Jan 2027 (rows 5–7), Sun 17 Jan 2027 (rows 11–13), Sat 23 "
        "Jan 2027 (rows 8–10), 1 more and the last Sat 30 Jan 2027 (rows 2–4); "), note


def test_a_name_pasted_with_a_combining_accent_matches_the_one_typed(tmp_path):
    """'Clásico' pasted from a Mac (a plain a and a combining accent) as a role's competition was
    refused: "no competition is named 'Clásico'; did you mean 'Clásico'?"."""
    import unicodedata

    mac = unicodedata.normalize("NFD", "Clásico")
    assert mac != "Clásico"
    path = book(tmp_path, Competitions=[("Date", "Name", "Priority"), ("2027-01-09", "Clásico", "A")],
                Roles=[("Competition", "Athlete ID", "Role"), (mac, "A1", "bench")],
                Athletes=ATHLETE_ROWS + [("A3", unicodedata.normalize("NFD", "José Müller"), "", None)])
    s = import_workbook(path)
    assert [(r.competition, r.athlete, r.role) for r in s.roles] == [(s.competitions[0].id, "A1", "bench")]
    assert s.athlete("A3").name == "José Müller"  # stored in one spelling


def test_a_date_typed_as_text_reads_in_its_column_s_order_or_is_refused_with_its_readings(tmp_path):
    """A US coach typed the A final as '03/02/2027' (2 March) in a cell formatted as text. The
    workbook reads such texts as the session log does (planner.text.read_text_dates): a reading
    outside the season is none ('3/6/27' can only be 6 March in a season to 28 March), the rows
    readable one way only give the column's other rows their order ('02/13/2027': month first,
    so the final is 2 March), said in one note; a text that still reads two ways in the season
    is refused, located, with both readings and the text to write."""
    path = book(tmp_path, Competitions=[("Date", "Name", "Priority"), ("02/13/2027", "Cup", "B"),
                                        ("03/02/2027", "Final", "A"), ("3/6/27", "League", "C")])
    notes: list[str] = []
    assert [c.date for c in import_workbook(path, notes).competitions] == [
        D(2027, 2, 13), D(2027, 3, 2), D(2027, 3, 6)]
    assert [n for n in notes if "typed as text" in n] == [
        "3 dates typed as text in Competitions, Date, read month first (mm/dd/yyyy), as its dates "
        "readable one way only are (e.g. row 2 '02/13/2027' = Sat 13 Feb 2027)"]
    path = book(tmp_path, "two.xlsx", Competitions=[("Date", "Name", "Priority"),
                                                    ("03/02/2027", "Final", "A"), ("2/3/27", "League", "C")])
    assert problems_of(path) == [
        "Competitions, row 2, Date: '03/02/2027' could be Wed 3 Feb 2027 (day first) or Tue 2 Mar "
        "2027 (month first); make the cell an Excel date or write it as YYYY-MM-DD: 2027-02-03 "
        "or 2027-03-02",
        "Competitions, row 3, Date: '2/3/27' could be Tue 2 Mar 2027 (day first) or Wed 3 Feb "
        "2027 (month first); make the cell an Excel date or write it as YYYY-MM-DD: 2027-03-02 "
        "or 2027-02-03"]
    # the Season sheet's Value column alike: a Today of '9/8/2026' is 9 August or 8 September...
    rows = [("Key", "Value"), ("Name", "Text FC"), ("Start", "2026-08-03"), ("End", "2027-05-13"),
            ("Today", "9/8/2026")]
    assert problems_of(book(tmp_path, "season.xlsx", Season=rows)) == [
        "Season, row 5 (Today): '9/8/2026' could be Sun 9 Aug 2026 (day first) or Tue 8 Sep 2026 "
        "(month first); make the cell an Excel date or write it as YYYY-MM-DD: 2026-08-09 or "
        "2026-09-08"]
    # ... unless an End of '05/13/2027' says the sheet writes month first
    rows[3] = ("End", "05/13/2027")
    assert import_workbook(book(tmp_path, "us.xlsx", Season=rows)).calendar.today == D(2026, 9, 8)


def test_a_text_date_reads_the_same_in_the_workbook_and_in_a_session_log(tmp_path):
    """'04/09/2026' was refused by the workbook (4 September or 9 April, a day before the season)
    and read day first by `periodize log` whatever it could be. Both now read by one policy:
    the same cells give the same day, or the same refusal."""
    from planner.sessionlog import read_sessions

    season_rows = [("Key", "Value"), ("Name", "Text FC"), ("Start", D(2026, 8, 3)),
                   ("End", D(2027, 5, 9)), ("Today", D(2026, 9, 30))]
    head = ("Athlete ID", "Date", "Minutes", "RPE")
    cells = ["04/09/2026", "05/09/2026"]  # 9 April and 9 May 2026: before the season's log
    path = book(tmp_path, Season=season_rows, Competitions=[("Date", "Name", "Priority"),
                                                            ("04/09/2026", "League", "C")],
                Sessions=[head] + [("A1", c, 60, 5) for c in cells])
    s = import_workbook(path)
    assert s.competitions[0].date == D(2026, 9, 4)
    assert [x.date for x in s.sessions] == [D(2026, 9, 4), D(2026, 9, 5)]
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(f"A2,{c},60,5\n" for c in cells))
    assert [x.date for x in read_sessions(log, s).sessions] == [D(2026, 9, 4), D(2026, 9, 5)]
    # '08/09/2026': 8 September or 9 August, both in the season, nothing in the column decides
    path = book(tmp_path, "two.xlsx", Season=season_rows, Sessions=[head, ("A1", "08/09/2026", 60, 5)])
    log.write_text("Athlete ID,Date,Minutes,RPE\nA1,08/09/2026,60,5\n")
    refused = ("'08/09/2026' could be Tue 8 Sep 2026 (day first) or Sun 9 Aug 2026 (month first); "
               "make the cell an Excel date or write it as YYYY-MM-DD: 2026-09-08 or 2026-08-09")
    assert problems_of(path) == [f"Sessions, row 2, Date: {refused}"]
    with pytest.raises(InputError) as e:
        read_sessions(log, s)
    assert e.value.problems == [f"row 2, Date: {refused}"]


def test_a_date_typed_as_text_that_can_be_one_day_only_is_read_with_a_note(tmp_path):
    """'14.03.27' or '02/13/2027' can be one day only (there is no month 13 or 14): each is
    taken, in its own order, and a note names the cell and the day it was read as."""
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Text FC"), ("Start", "2027-01-04"),
                                  ("End", "30/05/2027"), ("Today", "2027-01-11")],
                Competitions=[("Date", "Name", "Priority"), ("14.03.27", "League", "B"),
                              ("02/13/2027", "Cup", "A"), ("5/5/2027", "Derby", "C")],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A1", "2027-01-05", 60, 5)])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert s.calendar.end == D(2027, 5, 30)
    assert [c.date for c in s.competitions] == [D(2027, 3, 14), D(2027, 2, 13), D(2027, 5, 5)]
    assert [n for n in notes if "typed as text" in n] == [  # one note a column, with an example
        "1 date typed as text in Season, Value, readable one way only (e.g. row 4 '30/05/2027' = "
        "Sun 30 May 2027)",
        "3 dates typed as text in Competitions, Date, each readable one way only (e.g. row 2 "
        "'14.03.27' = Sun 14 Mar 2027)"], notes
    # none of the readings is a day: the day that does not exist is named
    path = book(tmp_path, "gone.xlsx", Competitions=[("Date", "Name", "Priority"), ("31.02.27", "Cup", "A"),
                                                     ("02/30/2027", "Cup 2", "A")])
    assert problems_of(path) == [
        "Competitions, row 2, Date: '31.02.27' is not a date: 31 February does not exist; correct "
        "the day and make the cell an Excel date or write it as YYYY-MM-DD",
        "Competitions, row 3, Date: '02/30/2027' is not a date: 30 February does not exist; correct "
        "the day and make the cell an Excel date or write it as YYYY-MM-DD"]


def test_a_rows_from_and_to_typed_as_text_are_each_read_alone(tmp_path):
    """A US coach's Unavailable row From '02/03/2027' To '02/13/2027' (3 to 13 February) was
    read with each column's own order: From as 2 March, To as 13 February, and the coach was
    told 'To: 2027-02-13 is before From 2027-03-02', dates never typed. The From is refused for
    what it is, with both readings, and nothing is said about the order of the two."""
    path = book(tmp_path, Unavailable=[("Athlete ID", "From", "To"), ("A1", "02/03/2027", "02/13/2027")],
                Non_training_days=[("Date", "To", "Reason"), ("13/02/2027", "02/14/2027", "Break")])
    assert problems_of(path) == [
        "Unavailable, row 2, From: '02/03/2027' could be Tue 2 Mar 2027 (day first) or Wed 3 Feb "
        "2027 (month first); make the cell an Excel date or write it as YYYY-MM-DD: 2027-03-02 "
        "or 2027-02-03"]
    path = book(tmp_path, "ok.xlsx", Unavailable=[("Athlete ID", "From", "To"), ("A1", "2027-02-03", "02/13/2027")],
                Non_training_days=[("Date", "To", "Reason"), ("13/02/2027", "02/14/2027", "Break")])
    s = import_workbook(path)
    assert [(u.start, u.end) for u in s.unavailability] == [(D(2027, 2, 3), D(2027, 2, 13))]
    assert [n.date for n in s.calendar.non_training_days] == [D(2027, 2, 13), D(2027, 2, 14)]


def test_a_date_in_words_is_refused_with_its_reading_and_an_impossible_date_is_named(tmp_path):
    """'12 Mar 2028' plainly is a date to a coach, but got only "is not a date"; '31/02/2028'
    was not said to be a day that does not exist."""
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Text FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-05-30")],
                Competitions=[("Date", "Name", "Priority"), ("12 Mar 2027", "Cup", "A"),
                              ("March 12, 2027", "Cup 2", "A"), ("Mar 12 2027", "Cup 3", "A"),
                              ("31/02/2027", "League", "B"), ("2027-02-29", "League 2", "B"),
                              ("30 Feb 2027", "League 3", "B")])
    reading = "is text, not a date; make the cell an Excel date or write 2027-03-12 (Fri 12 Mar 2027)"
    assert problems_of(path) == [
        f"Competitions, row 2, Date: '12 Mar 2027' {reading}",
        f"Competitions, row 3, Date: 'March 12, 2027' {reading}",
        f"Competitions, row 4, Date: 'Mar 12 2027' {reading}",
        "Competitions, row 5, Date: '31/02/2027' is not a date: 31 February does not exist; "
        "correct the day and make the cell an Excel date or write it as YYYY-MM-DD",
        "Competitions, row 6, Date: '2027-02-29' is not a day of the calendar (29 February 2027 "
        "does not exist); use an Excel date or write it as YYYY-MM-DD, e.g. 2027-01-04",
        "Competitions, row 7, Date: '30 Feb 2027' is not a date: 30 February does not exist; "
        "correct the day and make the cell an Excel date or write it as YYYY-MM-DD"]


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
    # German day names (a workbook saved in a German locale): 'Do' was no weekday
    ("Mo, Do, Fr", ("mon", "thu", "fri")),
    ("Di., Mi, So", ("tue", "wed", "sun")),
    ("Montag-Mittwoch, Samstag", ("mon", "tue", "wed", "sat")),
    ("DONNERSTAG, Sonnabend, Sonntag, Dienstag, Freitag", ("tue", "thu", "fri", "sat", "sun")),
])
def test_training_days(text, days):
    assert parse_training_days(text) == days
    assert parse_training_days(training_days_text(days)) == days


def test_every_unread_weekday_of_a_cell_is_named_at_once(tmp_path):
    """'Di, Do' named 'Di' alone, and the coach met 'Do' on the next import; a German week
    start reads too."""
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Tage FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-03-28"), ("Training days", "Mo, Dii, Do, Frei-Sa, Dii"),
                                  ("Week starts", "Montag")])
    assert problems_of(path) == [
        "Season, row 5 (Training days): 'Dii' and 'Frei' are not weekdays; write a weekday such as "
        "Monday or Mon"]
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Tage FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-03-28"), ("Training days", "Di, Do, Sa"),
                                  ("Week starts", "Sonntag")])
    s = import_workbook(path)
    assert s.calendar.training_days == ("tue", "thu", "sat")
    assert s.calendar.week_start == "sun"


def test_a_weekday_read_as_german_is_said(tmp_path):
    """'Do' and 'Di' were read as German with no word, though they are Sunday in Spanish,
    Italian or French: each cell so read says it; English names, and Mo, Fr, Sa (the same in
    both), say nothing. The German three-letter names read too."""
    def season_sheet(days, start):
        return book(tmp_path, Season=[("Key", "Value"), ("Name", "Tage FC"), ("Start", "2027-01-04"),
                                      ("End", "2027-03-28"), ("Training days", days),
                                      ("Week starts", start)])
    notes: list[str] = []
    s = import_workbook(season_sheet("Mo, Di, Do-Sa", "So"), notes=notes)
    assert (s.calendar.training_days, s.calendar.week_start) == (
        ("mon", "tue", "thu", "fri", "sat"), "sun")
    assert sorted(n for n in notes if "German" in n) == [
        "Season, row 5 (Training days): 'Di' read as Tuesday and 'Do' as Thursday (German)",
        "Season, row 6 (Week starts): 'So' read as Sunday (German)"]
    notes = []
    s = import_workbook(season_sheet("Die, Mit, Don, Fre, Sam", "Son"), notes=notes)
    assert (s.calendar.training_days, s.calendar.week_start) == (
        ("tue", "wed", "thu", "fri", "sat"), "sun")
    assert "Season, row 6 (Week starts): 'Son' read as Sunday (German)" in notes
    notes = []
    import_workbook(season_sheet("Mo, Fr-Sa, Tue", "Montag"), notes=notes)
    assert [n for n in notes if "German" in n or "read as" in n] == []


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
        Athletes=[("ID", "Name", "Max speed"), ("A1", "Ann", 9.1), ("A1", "Bob", 60),
                  ("A2", None, "fast"), ("A3", "Cy", None)],
        Injuries=[("Athlete ID", "Protocol", "Onset", "Stage", "Stage start", "Target competition"),
                  ("a1", "hamstring", "2026-12-01", "P9", "2026-11-01", "Cup"),
                  ("A3", "ankle-sprain", "2026-12-01", "S1", "2026-12-03", "Cupp")],
        Unavailable=[("Athlete ID", "From")],
        Blocks=[("Name", "From", "To"), ("Base", "2027-02-01", "2027-01-01")],
    )
    assert problems_of(path) == [
        "Season, row 4 (End): '31/06/2027' is not a date: 31 June does not exist; correct the "
        "day and make the cell an Excel date or write it as YYYY-MM-DD",
        "Season, row 5 (Training days): 'Funday' is not a weekday; write a weekday such as Monday or Mon",
        "Season, row 6 (Week starts): 'Tusday' is not a weekday; write a weekday such as Monday or Mon",
        "Competitions, row 4, Date: '2027-13-01' is not a day of the calendar (there is no month "
        "13; day and month swapped, it is Wed 13 Jan 2027: 2027-01-13); use an Excel date or "
        "write it as YYYY-MM-DD, e.g. 2027-01-04",
        "Competitions, row 4, Priority: 'X' is not A, B or C; write A, B or C",
        # the day the number is, as Excel counts days: a cell whose date format was lost
        "Competitions, row 5, Date: 45300 is a number, not a date (as an Excel date it is Tue 9 "
        "Jan 2024: 2024-01-09); format the cell as a date or write it as YYYY-MM-DD, e.g. 2027-01-04",
        "Athletes, row 3, ID: 'A1' is already the ID of row 2; give each athlete a unique ID",
        "Athletes, row 3, Max speed: 60 is not a top running speed, in m/s or in km/h; write m/s "
        "from 4 to 12.5, e.g. 9.2, or km/h from 14.4 to 45, e.g. '33.1 km/h' (or leave it empty)",
        "Athletes, row 4, Name: is empty; write the athlete's name",
        "Athletes, row 4, Max speed: 'fast' is not a speed; write it in m/s, e.g. 9.2, or in km/h as "
        "'33.1 km/h' (or leave it empty)",
        f"Injuries, row 2, Protocol: 'hamstring' is not a rehab protocol; use one of "
        f"{', '.join(available_protocols())}",
        "Injuries, row 2, Stage: 'P9' is not a stage; write one of P1, P2, P3, S1, S2, S3, FIT "
        "(FIT: back in full training)",
        "Injuries, row 2, Stage start: Sun 1 Nov 2026 is before the Onset Tue 1 Dec 2026; a stage starts on "
        "or after the onset",
        "Injuries, row 2, Target competition: 'Cup' names 2 competitions (Competitions rows 2, 6); "
        "give each a unique name on the Competitions sheet, or add the date, e.g. 'Cup (2027-01-09)'",
        "Injuries, row 3, Stage: 'S1' is not a stage of ankle-sprain (P1, P2, S2, S3, or FIT when "
        "back in full training)",
        "Injuries, row 3, Target competition: no competition is named 'Cupp'; did you mean 'Cup'?",
        "Unavailable, row 1: no column headed 'To'; the first row with content is the header "
        "(found: Athlete ID, From); add it",
        "Blocks, row 2, To: Fri 1 Jan 2027 is before From Mon 1 Feb 2027; a block ends on or after its first day",
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
        "Season, row 4 (End): Fri 1 Jan 2027 is before the Start Tue 1 Jun 2027; the season ends on or after its start"]
    path = book(tmp_path, "b.xlsx", Season=[("Key", "Value"), ("Name", "X"), ("Start", "2027-01-01"),
                                             ("End", "2030-01-01")])
    assert problems_of(path) == [
        "Season, row 4 (End): the season would last 1097 days; a season spans at most two years, "
        "so end it by Mon 1 Jan 2029"]


def test_most_rows_outside_the_season_name_the_end_or_start_cell_first(tmp_path):
    """The Season sheet's End equal to its Start gave 56 problems, every competition, day off,
    block and absence "outside the season", and the End row never named. Half or more of the
    dated rows (at least 5) outside: the End (or Start) cell is said first, the rows folded."""
    comps = [("Date", "Name", "Priority"), ("2027-01-04", "Opener", "C")] + [
        (f"2027-02-{d:02}", f"League {d}", "C") for d in (6, 13, 20, 27)]
    days_off = [("Date", "Reason"), ("2027-03-01", "Holiday")]
    away = [("Athlete ID", "From", "To", "Reason"), ("A1", "2027-03-08", "2027-03-10", "Trip")]
    path = book(tmp_path, Season=SEASON_ROWS[:3] + [("End", D(2027, 1, 4))], Competitions=comps,
                Non_training_days=days_off, Unavailable=away)
    assert problems_of(path) == [
        "Season, row 4 (End): Mon 4 Jan 2027 leaves 6 dated rows outside the season; is End right?",
        "… and 6 rows outside the season (Competitions rows 3–6, Unavailable row 2 and "
        "Non-training days row 2), the first: Competitions, row 3, Date: Sat 6 Feb 2027 is "
        "outside the season (Mon 4 Jan 2027 to Mon 4 Jan 2027); move it inside"]
    # a Start typed too late: the rows fall before it, the Start row is named
    path = book(tmp_path, "late.xlsx", Season=[*SEASON_ROWS[:2], ("Start", D(2027, 3, 28)),
                                                SEASON_ROWS[3]], Competitions=comps)
    assert problems_of(path)[0] == ("Season, row 3 (Start): Sun 28 Mar 2027 leaves 5 dated rows "
                                    "outside the season; is Start right?")
    # fewer than 5 rows outside, or fewer than half: each row said as it is
    path = book(tmp_path, "few.xlsx", Season=SEASON_ROWS[:3] + [("End", D(2027, 1, 4))],
                Competitions=comps[:5])
    assert len(problems_of(path)) == 3 and not problems_of(path)[0].startswith("Season")
    many = comps + [(f"2027-01-{d:02}", f"Cup {d}", "C") for d in range(5, 12)]
    path = book(tmp_path, "half.xlsx", Season=SEASON_ROWS[:3] + [("End", D(2027, 1, 31))],
                Competitions=many)
    assert [p[:22] for p in problems_of(path)] == ["Competitions, row 3, D", "Competitions, row 4, D",
                                                   "Competitions, row 5, D", "Competitions, row 6, D"]


def test_document_checks_are_located_in_the_workbook(tmp_path):
    path = book(
        tmp_path,
        Competitions=[("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"),
                      ("2027-05-01", "Friendly", "C")],
        Injuries=[("Athlete ID", "Protocol", "Onset", "Stage", "Stage start"),
                  ("A1", "iliopsoas-tendinopathy", "2026-10-01", "P1", "2026-10-02"),
                  ("A2", "hamstring-strain", "2026-12-20", "P3", "2027-01-02")],
        Stage_history=[("Athlete ID", "Stage", "Start"), ("A2", "P1", "2026-12-20"),
                       ("B9", "P1", "2026-12-20")],
        Non_training_days=[("Date", "Reason"), ("2027-01-06", "Holiday"), ("2027-01-06", "Again"),
                           ("2026-12-31", "Before")],
        Blocks=[("Name", "From", "To"), ("Late", "2027-03-01", "2027-04-30")],
    )
    got = problems_of(path)
    assert got[0] == ("Competitions, row 3, Date: Sat 1 May 2027 is outside the season (Mon 4 Jan 2027 to "
                      "Sun 28 Mar 2027); move it inside")
    assert got[1].startswith("Injuries, row 2, Stage start: Ann Ash (A1) has been in P1 since Fri 2 Oct "
                             "2026 (94 days by Mon 4 Jan 2027), but iliopsoas-tendinopathy allows at "
                             "most 21 days")
    assert got[2].startswith("Injuries, row 3, Stage: P1 is followed by P3, skipping P2")
    assert got[3] == ("Stage history, row 3, Athlete ID: no athlete has the ID 'B9'; use an ID from "
                      "the Athletes sheet")
    assert got[4] == "Non-training days, row 3, Date: Wed 6 Jan 2027 is already listed in row 2; list each day once"
    assert got[5].startswith("Non-training days, row 4, Date: Thu 31 Dec 2026 is outside the season")
    assert got[6].startswith("Blocks, row 2, To: Fri 30 Apr 2027 is outside the season")
    assert len(got) == 7


def test_a_winter_break_is_one_row_with_to(tmp_path):
    """A 14-day break took 14 rows; a coach who added a To column got a one-day break and only
    a note. To is read: the run of days, inclusive; a To before the Date is refused."""
    import datetime as dt

    path = book(tmp_path, Non_training_days=[("Date", "Reason", "To"),
                                              ("2027-01-18", "Winter break", "2027-01-24"),
                                              ("2027-02-01", "Travel", None)])
    season = import_workbook(path)
    days = [(d.date, d.reason) for d in season.calendar.non_training_days]
    assert days == [(dt.date(2027, 1, 18) + dt.timedelta(days=k), "Winter break")
                    for k in range(7)] + [(dt.date(2027, 2, 1), "Travel")]
    bad = book(tmp_path, "b.xlsx", Non_training_days=[
        ("Date", "Reason", "To"), ("2027-01-18", "Break", "2027-01-10"),
        ("2027-01-20", "Break", "2027-01-21"), ("2027-01-21", "Again", None)])
    # a break running past the season's end (2027-03-28) is read up to it, with a note
    notes: list[str] = []
    season = import_workbook(book(tmp_path, "c.xlsx", Non_training_days=[
        ("Date", "Reason", "To"), ("2027-03-22", "Easter", "2027-04-05")]), notes)
    assert [d.date for d in season.calendar.non_training_days] == [
        dt.date(2027, 3, 22) + dt.timedelta(days=k) for k in range(7)]
    assert notes == ["Non-training days, row 2: Mon 22 Mar 2027 to Mon 5 Apr 2027 runs past the season; "
                     "read from Mon 22 Mar 2027 to Sun 28 Mar 2027"]
    got = problems_of(bad)
    assert got[0] == ("Non-training days, row 2, To: Sun 10 Jan 2027 is before Date (Mon 18 Jan 2027); give "
                      "the last day of the run, or leave To empty for one day")
    assert got[1] == ("Non-training days, row 4, Date: Thu 21 Jan 2027 is already listed in row 3; "
                      "list each day once")


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


def test_excels_lock_file_chosen_by_mistake_names_the_workbook_to_choose(tmp_path):
    """'~$good.xlsx' (Excel keeps it while good.xlsx is open) was "not a workbook; save it again
    from Excel"."""
    (tmp_path / "good.xlsx").write_bytes(b"PK")
    (tmp_path / "~$good.xlsx").write_bytes(b"\x0bcoach" + b" " * 100)
    (tmp_path / "~$gone.xlsx").write_bytes(b"\x0bcoach" + b" " * 100)
    assert problems_of(tmp_path / "~$good.xlsx") == [
        "is Excel's lock file of good.xlsx (made while good.xlsx is open in Excel), not a "
        "workbook; choose good.xlsx"]
    assert problems_of(tmp_path / "~$gone.xlsx") == [
        "is a lock file Excel keeps beside a workbook while it is open, not a workbook; choose "
        "the workbook itself (its name without the '~$')"]


@pytest.mark.parametrize(("name", "how"), [
    ("season.ods", "File ▸ Save As in LibreOffice/Excel"),
    ("season.numbers", "File ▸ Export To ▸ Excel in Numbers")])
def test_a_filled_in_spreadsheet_of_another_kind_is_told_how_to_save_it_as_xlsx(tmp_path, name, how):
    """The advice was to start from templates/import-template.xlsx: wrong for a filled-in file,
    and a path of the repository an app user does not have."""
    (tmp_path / name).write_bytes(b"PK")
    assert problems_of(tmp_path / name) == [
        f"is not an Excel workbook ({name[name.index('.'):]}); save it as an Excel Workbook (.xlsx) "
        f"({how}), then import that"]


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
    assert wb.sheetnames == ["Season"] + [spec.title for spec in WRITTEN_SHEETS] + ["Help"]
    assert "Stage history" not in wb.sheetnames  # still read, no longer written
    for spec in WRITTEN_SHEETS:
        ws = wb[spec.title]
        header = [c.value for c in ws[1]]
        assert header == [c.header for c in spec.columns], spec.title
        assert all(c.font.bold and c.fill.fill_type == "solid" for c in ws[1])
        assert ws.freeze_panes == "A2"
        example_rows = 2 if spec.title == "Injuries" else 1  # an injury with its stage history
        assert ws.max_row == 1 + example_rows, f"{spec.title}: example rows"
    comp, inj = _validations(wb["Competitions"]), _validations(wb["Injuries"])
    assert comp["C2"] == '"A,B,C"'
    assert inj["B2"] == '"' + ",".join(available_protocols()) + '"'  # every bundled protocol
    assert inj["D2"] == '"' + ",".join(STAGE_CHOICES) + '"'
    assert _validations(wb["Athletes"])["E2"] == '"start,bench,out"'
    roles = _validations(wb["Roles"])
    assert roles == {"A2": "Competitions!$B$2:$B$1001", "B2": "Athletes!$A$2:$A$1001",
                     "C2": '"start,bench,out"'}
    assert _validations(wb["Flare-ups"]) == {"A2": "Athletes!$A$2:$A$1001"}
    tests = _validations(wb["Tests"])
    first, last = re.fullmatch(r"Help!\$A\$(\d+):\$A\$(\d+)", tests["C2"]).groups()
    listed = [wb["Help"].cell(row=r, column=1).value for r in range(int(first), int(last) + 1)]
    assert "Hamstring strength LSI" in listed and "Pain on single-leg squat" in listed
    every = {c.name for pid in available_protocols() for st in load_protocol(pid).stages
             for c in st.criteria}
    assert sorted(listed) == sorted(every)  # every criterion of the shipped protocols, once
    # the shipped file is what scripts/make_import_template.py makes from the form in the code
    fresh = template_workbook()
    assert fresh.sheetnames == wb.sheetnames
    def values(ws):
        return [[c.value.date() if isinstance(c.value, dt.datetime) else c.value for c in r]
                for r in ws.iter_rows()]

    for title in wb.sheetnames:
        assert values(fresh[title]) == values(wb[title]), title
    # and it imports as it is, every example included
    season = import_workbook(path)
    assert [(a.id, a.role) for a in season.athletes] == [("A01", "start")]
    (inj,) = season.injuries
    assert inj.target_competition == season.competitions[0].id
    assert [r.stage for r in inj.stages] == ["P1", "P2"]
    assert inj.flare_ups == (D(2026, 12, 31),) and inj.flare_notes
    assert [(t.name, t.value, t.unit) for t in inj.tests] == [("Pain on single-leg squat", 1, "/10")]
    assert season.roles == (MatchRole(competition="league-01", athlete="A01", role="bench"),)


def _document(s: Season) -> dict:
    """What the coach form holds of a season, with competitions by name and date (a workbook
    without the ID column gives competitions new ids)."""
    def comp(cid):
        c = s.competition(cid) if cid else None
        return (c.name, c.date) if c else None

    return {
        "name": s.name, "calendar": s.calendar, "athletes": s.athletes,
        "unavailability": s.unavailability, "blocks": s.blocks,
        "competitions": [(c.name, c.date, c.end_date, c.priority) for c in s.competitions],
        "injuries": [(i.athlete, i.protocol, i.onset, i.stages, comp(i.target_competition),
                      i.flare_ups, i.flare_notes, i.tests) for i in s.injuries],
        "roles": [(comp(r.competition), r.athlete, r.role) for r in s.roles],
    }


def _same_document(a: Season, b: Season) -> None:
    da, db = _document(a), _document(b)
    for key in da:
        assert db[key] == da[key], key


def test_round_trip_of_the_demo_season(demo_season, tmp_path):
    path = tmp_path / "demo-form.xlsx"
    save_template_form(demo_season, path)
    again = import_workbook(path)
    _same_document(demo_season, again)
    assert len(again.injuries) == len(demo_season.injuries)
    assert len(again.roles) == len(demo_season.roles) > 0
    assert any(len(i.stages) > 1 for i in again.injuries)  # stage histories
    assert any(i.tests for i in again.injuries)
    # the ids too: they were renumbered c001 ... c043, so commands naming 'cup-final' failed and
    # every calendar event (its UID holds the id) came again beside the old one
    assert again.competitions == demo_season.competitions
    assert again.roles == demo_season.roles
    assert [i.target_competition for i in again.injuries] == \
        [i.target_competition for i in demo_season.injuries]
    assert any(i.target_competition for i in again.injuries)


def test_a_competitions_id_column_is_read_and_a_blank_id_takes_none_of_the_given(tmp_path):
    head = ("Date", "Name", "Priority", "ID")
    path = book(tmp_path, Competitions=[head, ("2027-01-09", "League 1", "C", None),
                                        ("2027-02-06", "Derby", "B", "c001"),
                                        ("2027-02-20", "Cup final", "A", " cup-final "),
                                        ("2027-03-06", "League 2", "C", None)],
                Roles=[("Competition", "Athlete ID", "Role"), ("Cup final", "A2", "bench"),
                       ("League 1", "A1", "out")])
    season = import_workbook(path)
    assert [(c.id, c.name) for c in season.competitions] == [
        ("c002", "League 1"), ("c001", "Derby"), ("cup-final", "Cup final"), ("c004", "League 2")]
    assert season.roles == (MatchRole(competition="cup-final", athlete="A2", role="bench"),
                            MatchRole(competition="c002", athlete="A1", role="out"))


def test_a_competition_id_given_twice_is_located_on_both_rows(tmp_path):
    head = ("Date", "Name", "Priority", "ID")
    path = book(tmp_path, Competitions=[head, ("2027-01-09", "League 1", "C", "lg"),
                                        ("2027-02-06", "League 2", "C", "lg"),
                                        ("2027-02-20", "Cup", "A", 7)])
    assert problems_of(path) == [
        "Competitions, row 3, ID: 'lg' is already the ID of row 2; give each competition a unique "
        "ID (or leave it empty for one made up)"]


def test_round_trip_keeps_hostile_text_as_text(tmp_path):
    base = import_workbook(book(tmp_path))
    probes = ["=1+1", "+cmd", "-2", "@SUM(A1)", "#N/A", "=HYPERLINK(\"x\")"]
    season = base.model_copy(update={
        "name": "=cmd|' /C calc'!A0",
        "athletes": tuple(Athlete(id=f"X{i}", name=p, position=p) for i, p in enumerate(probes)),
        "competitions": (Competition(id="k", name="#N/A", date=D(2027, 1, 9), priority="A"),),
        "injuries": (Injury(athlete="X0", protocol="ankle-sprain", onset=D(2027, 1, 1),
                            stages=(StageRecord(stage="P1", start=D(2027, 1, 2)),),
                            flare_ups=(D(2027, 1, 3),), flare_notes={D(2027, 1, 3): "=1+1"},
                            target_competition="k"),),
        "roles": (MatchRole(competition="k", athlete="X1", role="bench"),),
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


# ---------------------------------------------------------------------------------------------
# Rules version 2: roles, several and future injury records, flare-ups, criteria tests
# ---------------------------------------------------------------------------------------------
INJURY_HEAD = ("Athlete ID", "Protocol", "Onset", "Stage", "Stage start", "Target competition")
COMPETITION_ROWS = [("Date", "Name", "Priority"), ("2027-01-09", "League 1", "C"),
                    ("2027-02-06", "Derby", "B"), ("2027-02-20", "Derby", "B"),
                    ("2027-03-06", "Cup final", "A")]


def test_roles_on_the_athletes_and_roles_sheets(tmp_path):
    path = book(
        tmp_path,
        Competitions=COMPETITION_ROWS,
        Athletes=[("ID", "Name", "Position", "Role"), ("A1", "Ann Ash", "Defender", " Bench "),
                  ("A2", "Bo Birch", "Goalkeeper", "OUT"), ("A3", "Cy Cedar", "Forward", None)],
        Roles=[("athlete id", "ROLE", "competition"), ("A1", "start", "  cup FINAL "),
               ("A3", "Out", "Derby (2027-02-20)"), (), ("A2", "bench", "league 1")],
    )
    s = import_workbook(path)
    assert [(a.id, a.role) for a in s.athletes] == [("A1", "bench"), ("A2", "out"), ("A3", "start")]
    assert s.roles == (MatchRole(competition="c004", athlete="A1", role="start"),
                       MatchRole(competition="c003", athlete="A3", role="out"),
                       MatchRole(competition="c001", athlete="A2", role="bench"))
    assert s.role_of("A3", "c003") == "out" and s.role_of("A3", "c002") == "start"


def test_bad_roles_are_located(tmp_path):
    path = book(
        tmp_path,
        Competitions=COMPETITION_ROWS,
        Athletes=[("ID", "Name", "Role"), ("A1", "Ann Ash", "captain"), ("A2", "Bo Birch", "bench")],
        Roles=[("Competition", "Athlete ID", "Role"), ("Friendly", "A2", "start"),
               ("Cup final", "B7", "start"), ("Cup final", "A2", "sub"), ("Derby", "A2", "out"),
               ("Derby (2027-02-13)", "A2", "out"), ("League 1", "A2", "out"),
               ("league 1 ", "A2", "start"), (None, "A2", None)],
    )
    assert problems_of(path) == [
        "Athletes, row 2, Role: 'captain' is not a match role; write start, bench or out",
        "Roles, row 2, Competition: no competition is named 'Friendly'; use a name from the "
        "Competitions sheet",
        "Roles, row 3, Athlete ID: no athlete has the ID 'B7'; use an ID from the Athletes sheet",
        "Roles, row 4, Role: 'sub' is not a match role; write start, bench or out",
        "Roles, row 5, Competition: 'Derby' names 2 competitions (Competitions rows 3, 4); give "
        "each a unique name on the Competitions sheet, or add the date, e.g. 'Derby (2027-02-06)'",
        "Roles, row 6, Competition: no competition named 'Derby' is on Sat 13 Feb 2027 (Competitions "
        "rows 3, 4: Sat 6 Feb 2027, Sat 20 Feb 2027); correct the date",
        "Roles, row 8, Athlete ID: 'A2' already has a role for 'league 1' in row 7; keep one",
        "Roles, row 9, Competition: is empty; write the competition's name on the Competitions sheet",
        "Roles, row 9, Role: is empty; write start, bench or out for that competition",
    ]


def test_several_and_future_injury_records_with_flare_ups_and_tests(tmp_path):
    path = book(
        tmp_path,
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Injuries=[INJURY_HEAD,
                  # an earlier injury, fully recovered (rows in any order)
                  ("A1", "hamstring-strain", "2026-11-01", "P2", "2026-11-06", None),
                  ("A1", "hamstring-strain", "2026-11-01", "P1", "2026-11-01", None),
                  ("A1", "Hamstring-Strain", "2026-11-01", "P3", "2026-11-20", None),
                  # a re-injury: its stage history, the target given once
                  ("A1", "hamstring-strain", "2027-01-10", "P1", "2027-01-10", "Cup final"),
                  ("A1", "hamstring-strain", "2027-01-10", "P2", "2027-01-14", None),
                  # a planned operation in the future
                  ("A2", "ankle-sprain", "2027-02-15", "P1", "2027-02-15", "Derby (2027-02-20)")],
        Flare_ups=[("Athlete ID", "Date", "Note"), ("A1", "2027-01-16", "Pain on the first jog"),
                   ("A1", "2026-11-25", None)],
        Tests=[("Athlete ID", "Date", "Test", "Value"),
               ("A1", "2027-01-13", " pain on SINGLE-LEG squat ", 1),
               ("A1", "2027-01-17", "Hamstring strength LSI", "72 %"),
               ("A1", "2026-11-10", "Hamstring strength LSI", "64,5")],
    )
    s = import_workbook(path)
    old, again, operation = s.injuries
    assert (old.athlete, old.onset, old.target_competition) == ("A1", D(2026, 11, 1), None)
    assert [(r.stage, r.start) for r in old.stages] == [
        ("P1", D(2026, 11, 1)), ("P2", D(2026, 11, 6)), ("P3", D(2026, 11, 20))]
    assert old.flare_ups == (D(2026, 11, 25),) and old.flare_notes == {}
    assert old.tests == (CriteriaTest(date=D(2026, 11, 10), name="Hamstring strength LSI",
                                      value=64.5, unit="%"),)
    assert (again.onset, again.target_competition) == (D(2027, 1, 10), "c004")
    assert [r.stage for r in again.stages] == ["P1", "P2"]
    assert again.flare_ups == (D(2027, 1, 16),)
    assert again.flare_notes == {D(2027, 1, 16): "Pain on the first jog"}
    assert again.tests == (
        CriteriaTest(date=D(2027, 1, 13), name="Pain on single-leg squat", value=1, unit="/10"),
        CriteriaTest(date=D(2027, 1, 17), name="Hamstring strength LSI", value=72, unit="%"))
    assert (operation.athlete, operation.protocol, operation.onset) == ("A2", "ankle-sprain",
                                                                       D(2027, 2, 15))
    assert operation.target_competition == "c003"


def test_stage_history_rows_go_to_the_record_governing_their_date(tmp_path):
    path = book(
        tmp_path,
        Injuries=[INJURY_HEAD, ("A1", "hamstring-strain", "2026-10-01", "P2", "2026-10-20", None),
                  ("A1", "ankle-sprain", "2026-12-20", "P2", "2026-12-28", None)],
        Stage_history=[("Athlete ID", "Stage", "Start"), ("A1", "P1", "2026-12-20"),
                       ("A1", "P1", "2026-10-01")],
    )
    first, second = import_workbook(path).injuries
    assert [(r.stage, r.start) for r in first.stages] == [("P1", D(2026, 10, 1)), ("P2", D(2026, 10, 20))]
    assert [(r.stage, r.start) for r in second.stages] == [("P1", D(2026, 12, 20)), ("P2", D(2026, 12, 28))]


def test_a_percent_formatted_test_value_is_read_as_shown(tmp_path):
    path = book(
        tmp_path,
        Injuries=[INJURY_HEAD, ("A1", "hamstring-strain", "2026-12-20", "P2", "2026-12-28", None)],
        Tests=[("Athlete ID", "Date", "Test", "Value"), ("A1", "2026-12-30", "Hamstring strength LSI", 0.84)],
    )
    wb = openpyxl.load_workbook(path)
    wb["Tests"]["D2"].number_format = "0%"  # the coach typed 84 % into the cell
    wb.save(path)
    (inj,) = import_workbook(path).injuries
    assert inj.tests[0].value == pytest.approx(84)


def test_bad_injury_records_flare_ups_and_tests_are_located(tmp_path):
    path = book(
        tmp_path,
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Athletes=ATHLETE_ROWS + [("A3", "Cy Cedar", "Forward", None), ("A4", "Di Dunn", "Back", None)],
        Injuries=[INJURY_HEAD,
                  # contradicting records: a stage start after the athlete's next onset
                  ("A1", "hamstring-strain", "2027-01-01", "P1", "2027-01-01", None),
                  ("A1", "hamstring-strain", "2027-01-01", "P2", "2027-01-20", None),
                  ("A1", "hamstring-strain", "2027-01-15", "P1", "2027-01-15", None),
                  # rows of one injury that disagree
                  ("A2", "hamstring-strain", "2027-01-02", "P1", "2027-01-02", "League 1"),
                  ("A2", "ankle-sprain", "2027-01-02", "P2", "2027-01-08", "Cup final"),
                  ("A3", "ankle-sprain", "2027-01-05", "P1", "2027-01-06", None)],
        Flare_ups=[("Athlete ID", "Date", "Note"),
                   ("A4", "2027-01-12", "no injury at all"),
                   ("A3", "2027-01-01", "before the injury"),
                   ("A3", "2027-01-05", "before its first stage"),
                   ("A3", "2027-01-09", None), ("A3", "2027-01-09", "twice")],
        Tests=[("Athlete ID", "Date", "Test", "Value"),
               ("A3", "2027-01-08", "Hamstring strength LSI", 80),
               ("A3", "2027-01-08", "Single-leg hop lsi", "good"),
               ("A3", "2027-01-20", "Single-leg hop LSI", 91),
               ("A3", "2027-01-03", "Single-leg hop LSI", 91),
               ("A4", "2027-01-08", "Single-leg hop LSI", 91),
               ("A3", "2027-01-10", "Single-leg hop LSI", 0.91)],
    )
    assert problems_of(path) == [
        "Injuries, row 3, Stage start: 2027-01-20 is on or after the athlete's next injury "
        "(2027-01-15); the two injury records contradict each other: record this stage on the "
        "later injury, or correct the dates",
        "Injuries, row 6, Protocol: ankle-sprain differs from hamstring-strain in row 5, a row of "
        "the same injury (A2, onset Sat 2 Jan 2027); an athlete's rows with one onset are one injury: "
        "give them one protocol, or correct the onset",
        "Injuries, row 6, Target competition: 'Cup final' differs from 'League 1' in row 5, a row "
        "of the same injury (A2, onset Sat 2 Jan 2027); give the injury one target (or leave it empty "
        "on its other rows)",
        "Flare-ups, row 2, Athlete ID: 'A4' has no injury on the Injuries sheet; a flare-up belongs "
        "to an injury: add the injury there first",
        "Flare-ups, row 3, Date: Fri 1 Jan 2027 is before the first injury of 'A3' (onset Tue 5 Jan 2027); "
        "a flare-up belongs to an injury on the Injuries sheet: add that injury there, or correct "
        "the date",
        "Flare-ups, row 4, Date: 2027-01-05 is not after the injury's first stage start 2027-01-06; "
        "a flare-up happens during or after rehab — record a new injury instead",
        "Flare-ups, row 6, Date: Sat 9 Jan 2027 is already a flare-up of 'A3' in row 5; list each "
        "flare-up once",
        "Tests, row 2, Test: 'Hamstring strength LSI' is not a criteria test of ankle-sprain (the "
        "injury of 'A3' on that date); use one of: Single-leg hop LSI",
        "Tests, row 3, Value: 'good' is not a test result; write the number measured, e.g. 84 %",
        "Tests, row 4, Date: 20 Jan 2027 is after today (18 Jan 2027): a test result is recorded "
        "once it was taken; set today to the test date or later first",
        "Tests, row 5, Date: Sun 3 Jan 2027 is before the first injury of 'A3' (onset Tue 5 Jan 2027); a "
        "test belongs to an injury on the Injuries sheet: add that injury there, or correct the date",
        "Tests, row 6, Athlete ID: 'A4' has no injury on the Injuries sheet; a test belongs to an "
        "injury: add the injury there first",
        "Tests, row 7, Value: 0.91 reads as a ratio, not a percentage; write 91 for 91 % "
        "(Single-leg hop LSI)",
    ]


def test_stage_history_before_any_injury_is_located(tmp_path):
    path = book(
        tmp_path,
        Injuries=[INJURY_HEAD, ("A1", "hamstring-strain", "2026-12-20", "P2", "2026-12-28", None)],
        Stage_history=[("Athlete ID", "Stage", "Start"), ("A1", "P1", "2026-12-01"),
                       ("A2", "P1", "2026-12-01"), ("A1", "S9", "2026-12-21")],
    )
    assert problems_of(path) == [
        "Stage history, row 2, Start: Tue 1 Dec 2026 is before the first injury of 'A1' (onset "
        "Sun 20 Dec 2026); a stage start belongs to an injury on the Injuries sheet: add that injury "
        "there, or correct the date",
        "Stage history, row 3, Athlete ID: 'A2' has no row on the Injuries sheet; add the injury "
        "(with its current stage) there first",
        "Stage history, row 4, Stage: 'S9' is not a stage; write one of P1, P2, P3, S1, S2, S3, FIT "
        "(FIT: back in full training)",
    ]


def _every_v2_feature() -> Season:
    """A season using everything the form holds, with the ids an import gives (c001 ...)."""
    comps = tuple(Competition(id=f"c{k:03d}", name=name, date=day, priority=prio, end_date=end)
                  for k, (name, day, prio, end) in enumerate([
                      ("League 1", D(2027, 1, 9), "C", None), ("Derby", D(2027, 2, 6), "B", None),
                      ("Derby", D(2027, 2, 20), "B", None),
                      ("Cup finals", D(2027, 3, 6), "A", D(2027, 3, 7))], start=1))
    return Season(
        name="Every feature FC",
        calendar=Calendar(start=D(2027, 1, 4), end=D(2027, 3, 28), week_start="sun",
                          training_days=("mon", "tue", "thu", "fri", "sat"), today=D(2027, 1, 18),
                          non_training_days=(NonTrainingDay(date=D(2027, 2, 1), reason="Travel"),)),
        competitions=comps,
        blocks=(Block(name="Base", start=D(2027, 1, 4), end=D(2027, 1, 31), emphasis="Aerobic"),),
        athletes=(Athlete(id="A1", name="Ann Ash", position="Defender", max_speed=9.1),
                  Athlete(id="A2", name="Bo Birch", position="Forward", role="bench"),
                  Athlete(id="A3", name="Cy Cedar", position="GK", role="out"),
                  Athlete(id="A4", name="Di Dunn", position="Midfielder", max_speed=8.7)),
        unavailability=(Unavailability(athlete="A4", start=D(2027, 2, 8), end=D(2027, 2, 10),
                                       reason="National team"),),
        injuries=(
            Injury(athlete="A1", protocol="hamstring-strain", onset=D(2026, 11, 1),
                   stages=(StageRecord(stage="P1", start=D(2026, 11, 1)),
                           StageRecord(stage="P2", start=D(2026, 11, 6)),
                           StageRecord(stage="P3", start=D(2026, 11, 15)),
                           StageRecord(stage="S1", start=D(2026, 11, 22)),
                           StageRecord(stage="S2", start=D(2026, 11, 28)),
                           StageRecord(stage="S3", start=D(2026, 12, 3)),
                           StageRecord(stage="FIT", start=D(2026, 12, 10))),
                   flare_ups=(D(2026, 12, 12),),
                   tests=(CriteriaTest(date=D(2026, 11, 12), name="Hamstring strength LSI",
                                       value=77.5, unit="%"),)),
            Injury(athlete="A1", protocol="hamstring-strain", onset=D(2027, 1, 10),
                   stages=(StageRecord(stage="P1", start=D(2027, 1, 10)),
                           StageRecord(stage="P2", start=D(2027, 1, 14))),
                   flare_ups=(D(2027, 1, 16),), flare_notes={D(2027, 1, 16): "Pain on the first jog"},
                   tests=(CriteriaTest(date=D(2027, 1, 13), name="Pain on single-leg squat",
                                       value=1, unit="/10"),
                          CriteriaTest(date=D(2027, 1, 17), name="Hamstring strength LSI",
                                       value=72, unit="%")),
                   target_competition="c004"),
            Injury(athlete="A2", protocol="ankle-sprain", onset=D(2027, 2, 15),  # an operation
                   stages=(StageRecord(stage="P1", start=D(2027, 2, 15)),
                           StageRecord(stage="P2", start=D(2027, 2, 22))),
                   target_competition="c003"),
        ),
        sessions=(Session(athlete="A4", date=D(2026, 12, 14), minutes=60, rpe=5),  # pre-season
                  Session(athlete="A4", date=D(2027, 1, 9), minutes=70, rpe=8, top_speed_pct=96,
                          minutes_played=70, note="League 1"),
                  Session(athlete="A4", date=D(2027, 1, 9), minutes=20, rpe=3, note="Cool-down"),
                  Session(athlete="A1", date=D(2027, 1, 15), minutes=40, rpe=3, pain=2)),
        roles=(MatchRole(competition="c002", athlete="A1", role="out"),
               MatchRole(competition="c003", athlete="A3", role="bench"),
               MatchRole(competition="c003", athlete="A4", role="bench"),
               MatchRole(competition="c004", athlete="A2", role="start")),
    )


def test_round_trip_of_a_season_with_every_v2_feature_gives_back_an_equal_season(tmp_path):
    season = _every_v2_feature()
    assert season_problems(season) == []
    path = tmp_path / "v2.xlsx"
    save_template_form(season, path)
    wb = openpyxl.load_workbook(path)
    assert [r[0].value for r in wb["Roles"].iter_rows(min_row=2)] == [
        "Derby (2027-02-06)", "Derby (2027-02-20)", "Derby (2027-02-20)", "Cup finals"]
    assert wb["Injuries"].max_row == 1 + 7 + 2 + 2  # a row per stage record
    assert [c.value for c in wb["Athletes"]["E"]][1:] == ["start", "bench", "out", "start"]
    again = import_workbook(path)
    assert again == season
    save_template_form(again, tmp_path / "again.xlsx")  # and once more
    assert import_workbook(tmp_path / "again.xlsx") == season


def test_a_logged_speed_is_written_to_the_sessions_sheet_in_hundredths(tmp_path):
    """A speed logged in km/h (31.2) was written as 8.666666666666666 m/s."""
    season = _every_v2_feature()
    season = season.model_copy(update={"sessions": (
        Session(athlete="A1", date=D(2027, 1, 15), minutes=40, rpe=3, top_speed_ms=31.2 / 3.6),)})
    wb = export_template_form(season)
    head = [c.value for c in wb["Sessions"][1]]
    assert wb["Sessions"].cell(2, head.index("Top speed m/s") + 1).value == 8.67


def test_a_sessions_duration_typed_as_a_time_is_read_in_minutes(tmp_path):
    """A Minutes cell formatted as a time (1:15) or written as a GPS export's clock (01:35:00)
    was refused as "not a number"; text '1:15' is read as the app's Log reads it (below)."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Minutes played")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")], Competitions=COMPETITION_ROWS,
                Sessions=[head, ("A1", "2027-01-11", dt.time(1, 15), 6, None),
                          ("A2", "2027-01-11", "01:35:00", 7, "01:30:00")])
    season = import_workbook(path)
    assert [(x.athlete, x.minutes, x.minutes_played) for x in season.sessions] == [
        ("A1", 75, None), ("A2", 95, 90)]


def test_a_sessions_duration_typed_as_hours_and_minutes_is_read_as_the_log_reads_it(tmp_path):
    """'1:15' typed as text in the Sessions sheet's Minutes was refused ("75 if it is
    hours:minutes, or 1.25 if it is minutes:seconds") where a session log's file and the app's
    Log read it as 75 minutes: the sheet reads it with the same function, refuses what that
    refuses ('0:03', '4:30') with its words, and a time cell Excel holds is read as before."""
    from planner.coachform.cells import Bad
    from planner.sessionlog import hours_minutes

    head = ("Athlete ID", "Date", "Minutes", "RPE")
    typed = ["1:15", "0:45", " 2:05 "]
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Sessions=[head, *[("A1", f"2027-01-1{k}", t, 6) for k, t in enumerate(typed)],
                          ("A2", "2027-01-11", dt.time(1, 15), 6)])
    got = [x.minutes for x in import_workbook(path).sessions]
    assert got == [hours_minutes(t) for t in typed] + [75]
    assert got[0] == 75 and all(m is not None for m in got)
    refused = ["0:03", "4:30"]
    bad = book(tmp_path, "bad.xlsx", Season=SEASON_ROWS + [("Today", "2027-01-18")],
               Sessions=[head, *[("A1", f"2027-01-1{k}", t, 6) for k, t in enumerate(refused)]])
    words = []
    for t in refused:
        with pytest.raises(Bad) as e:
            hours_minutes(t)
        words.append(str(e.value))
    assert problems_of(bad) == [f"Sessions, row {k + 2}, Minutes: {w}" for k, w in enumerate(words)]
    assert all("hours:minutes" in w and "minutes:seconds" in w for w in words), words


def test_a_sessions_duration_in_hours_is_refused_as_the_log_reader_refuses_it(tmp_path):
    """1.25 in the Sessions sheet's Minutes column (a GPS export's hours) with RPE 5 was read as
    a session of 1.25 minutes (6 AU instead of 375), where `periodize log` refuses it: the same
    words, at the sheet, row and column. A time cell (0:01:15) says its unit and is read."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed %")
    bad = book(tmp_path, "bad.xlsx", Season=SEASON_ROWS + [("Today", "2027-01-18")],
               Sessions=[head, ("A1", "2027-01-11", 1.25, 5, None),
                         ("A2", "2027-01-11", "0.5", 0, 95),
                         ("A1", "2027-01-12", 3, 0, None)])  # a warm-up alone: minutes
    assert problems_of(bad) == [
        "Sessions, row 2, Minutes: 1.25 min with RPE 5: hours? write 75 (minutes; a session "
        "with an effort or a sprint lasts 5 minutes or more)",
        "Sessions, row 3, Minutes: 0.5 min with a top speed: hours? write 30 (minutes; a session "
        "with an effort or a sprint lasts 5 minutes or more)"]
    ok = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")],
              Sessions=[head, ("A1", "2027-01-11", dt.time(0, 1, 15), 5, None),
                        ("A1", "2027-01-12", 3, 0, None)])
    assert [x.minutes for x in import_workbook(ok).sessions] == [1.25, 3]


def test_a_top_speed_percent_column_of_speeds_is_said(tmp_path):
    """31.5 km/h typed into the form's 'Top speed %' column read as 31.5 % without a word."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed %")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Sessions=[head, ("A1", "2027-01-11", 60, 6, 31.5), ("A2", "2027-01-11", 60, 6, 29)])
    notes: list[str] = []
    season = import_workbook(path, notes)
    assert [x.top_speed_pct for x in season.sessions] == [31.5, 29]
    assert notes == ["Sessions, Top speed %: no value above 40 % (the highest, row 2, is 31.5): no "
                     "session reached a speed day. If the column holds speeds in km/h, not % of the "
                     "athlete's max, move them to the 'Top speed m/s' column (divided by 3.6)"]
    fine = book(tmp_path, "fine.xlsx", Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Sessions=[head, ("A1", "2027-01-11", 60, 6, 31.5), ("A2", "2027-01-11", 60, 6, 95)])
    notes = []
    import_workbook(fine, notes)
    assert notes == []


def test_an_athlete_named_where_the_id_goes_is_read_as_a_log_reads_it(tmp_path):
    """'Ben Carter' in the Sessions sheet's Athlete ID column was refused ("no athlete has the
    ID ...: it is the name of A06 ... write the ID, A06") while the session log took it. Every
    sheet's Athlete ID cell is read as a log reads it (sessionlog.AthleteMatch): the ID in any
    case, or the name of exactly one athlete, case, spacing and accents aside; a name two
    athletes share, or no athlete has, is refused as before."""
    athletes = ATHLETE_ROWS + [("A3", "José Müller", "Forward", None)]
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")], Athletes=athletes,
                Unavailable=[("Athlete ID", "From", "To"), ("ann  ash", "2027-01-10", "2027-01-12")],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("BO BIRCH", "2027-01-11", 60, 5),
                          ("a1", "2027-01-11", 60, 6), ("Jose Muller", "2027-01-11", 60, 7)],
                Injuries=[("Athlete ID", "Protocol", "Onset", "Stage", "Stage start"),
                          ("Bo Birch", "hamstring-strain", "2027-01-12", "P1", "2027-01-12")])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [(u.athlete, u.start) for u in s.unavailability] == [("A1", D(2027, 1, 10))]
    assert [(x.athlete, x.rpe) for x in s.sessions] == [("A2", 5), ("A1", 6), ("A3", 7)]
    assert [r.athlete for r in s.injuries] == ["A2"]
    assert "Sessions, row 4, Athlete ID: 'Jose Muller' is read as A3 (its name, accents aside)" in notes
    # two athletes of one name, or a name no athlete has: refused with the IDs to write
    path = book(tmp_path, "two.xlsx", Athletes=ATHLETE_ROWS + [("A3", "Ann Ash", "Defender", 9.1)],
                Unavailable=[("Athlete ID", "From", "To"), ("ann  ash", "2027-01-10", "2027-01-12"),
                             ("Ann Ashe", "2027-01-10", "2027-01-12")])
    assert problems_of(path) == [
        "Unavailable, row 2, Athlete ID: no athlete has the ID 'ann  ash': it is the name of A1 "
        "and of A3; write the ID of the one meant",
        "Unavailable, row 3, Athlete ID: no athlete has the ID 'Ann Ashe'; use an ID from the "
        "Athletes sheet"]


def test_an_athlete_id_cell_takes_a_name_written_in_ascii_letters(tmp_path):
    """'Soren Odegaard' and 'Jose Maria Nunez' in an Athlete ID column were refused; read as the
    one athlete so named (said); one that spells two athletes' names is refused naming both."""
    athletes = ATHLETE_ROWS + [("A3", "Søren Ødegaard", "Forward", None),
                               ("A4", "José-María Núñez", "Forward", None)]
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", "2027-01-18")], Athletes=athletes,
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("Soren Odegaard", "2027-01-11", 60, 5),
                          ("Jose Maria Nunez", "2027-01-11", 60, 6)])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [(x.athlete, x.rpe) for x in s.sessions] == [("A3", 5), ("A4", 6)]
    assert "Sessions, row 2, Athlete ID: 'Soren Odegaard' is read as A3 (its name, accents aside)" in notes
    path = book(tmp_path, "two.xlsx", Athletes=athletes + [("A5", "Soren Ødegaard", "Forward", None)],
                Unavailable=[("Athlete ID", "From", "To"), ("Soren Odegaard", "2027-01-10", "2027-01-12")])
    assert problems_of(path) == [
        "Unavailable, row 2, Athlete ID: no athlete has the ID 'Soren Odegaard': it is the name of "
        "A3 and of A5; write the ID of the one meant"]


def test_a_player_removed_from_the_athletes_sheet_is_said_once_with_his_rows_and_the_fix(tmp_path):
    """A sold player's row deleted from the Athletes sheet while his log and absence stayed gave
    one line per row, each "did you mean 'A27'?" (a signing's ID: his log handed to another
    player). Imported over the season that has him: one line for him, his rows counted by sheet,
    how to let him go. Another unknown ID is never answered with an ID that differs only in its
    number."""
    athletes = ATHLETE_ROWS + [("A22", "Amir Rahimi", "Forward", 9.2), ("A27", "Kian Walker",
                                                                        "Midfielder", 9.3)]
    rows = dict(Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Unavailable=[("Athlete ID", "From", "To", "Reason"),
                             ("A22", "2027-01-05", "2027-01-06", "Illness")],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE")] + [
                    ("A22", f"2027-01-{d:02d}", 60, 5) for d in range(4, 15)])
    known = import_workbook(book(tmp_path, "known.xlsx", Athletes=athletes, **rows))
    assert len(known.sessions) == 11
    gone = book(tmp_path, "gone.xlsx", Athletes=[r for r in athletes if r[0] != "A22"], **rows)
    with pytest.raises(InputError) as err:
        import_workbook(gone, known=known)
    assert err.value.problems == [
        "Athletes: Amir Rahimi (A22) is not in the Athletes sheet but has 1 row in Unavailable and "
        "11 in Sessions: to let them go keep their row and add an Unavailable row 'left the squad' "
        "from their first day away to the season's end, or delete those rows too"]
    # not over that season: each row said, and never "did you mean 'A27'?"
    said = problems_of(gone)
    assert len(said) == 12 and not any("A27" in p for p in said)
    assert ("Unavailable, row 2, Athlete ID: no athlete has the ID 'A22'; use an ID from the "
            "Athletes sheet") in said


def test_a_player_typed_twice_under_two_ids_is_said(tmp_path):
    """A row pasted again with a new ID was two players of one name, planned twice, without a
    word (a log naming him was then refused)."""
    path = book(tmp_path, Athletes=ATHLETE_ROWS + [("A3", "ann  ash", "Defender", 9.1)])
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert len(s.athletes) == 3  # names need not be unique: kept, and said
    assert notes == ["Athletes, row 4: 'Ann Ash' is also the name of row 2 (A1): two players, or "
                     "one typed twice? Delete the row if one (a log names either by ID only)"]


def test_logged_sessions_are_read_and_bad_ones_located(tmp_path):
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Top speed %", "Top speed m/s",
            "Minutes played", "Pain", "Note")
    path = book(
        tmp_path,
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Athletes=ATHLETE_ROWS,
        Sessions=[head,
                  ("A1", "2027-01-11", 75, 6, 95, None, None, None, "Speed day"),
                  ("A1", "2027-01-11", 20, 2, None, None, None, None, None),
                  ("A1", "2027-01-12", 60, 5, None, 8.4, None, 1, None),
                  ("A1", "2027-01-12", 60, 5, None, 8.4, None, 1, None)],  # pasted twice
    )
    notes: list[str] = []
    season = import_workbook(path, notes)
    assert [(x.athlete, x.date, x.load) for x in season.sessions] == [
        ("A1", D(2027, 1, 11), 450), ("A1", D(2027, 1, 11), 40), ("A1", D(2027, 1, 12), 300)]
    assert notes == ["Sessions, row 5 repeats row 4: counted once (300 AU left out; if they were "
                     "separate sessions, give each a different Note (e.g. AM, PM) and import "
                     "again)",
                     # two sessions of one day, both counted: said once
                     "Sessions, rows 2, 3: Ann Ash (A1) has 2 sessions on Mon 11 Jan 2027 (490 AU "
                     "that day); if one is a copy, delete its row"]
    bad = book(
        tmp_path, "bad.xlsx",
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Athletes=ATHLETE_ROWS,
        Sessions=[head,
                  ("A9", "2027-01-11", 75, 6, None, None, None, None, None),
                  ("A1", "2027-01-11", 75, 14, None, None, None, None, None),
                  ("A1", "2027-01-25", 75, 6, None, None, None, None, None),
                  ("A1", "2026-10-01", 75, 6, None, None, None, None, None),
                  ("A1", "2027-01-16", 30, 5, None, None, 90, None, None),
                  # 8.4 m/s is 92 % of Ann Ash's 9.1 m/s: 50 % says something else
                  ("A1", "2027-01-17", 60, 5, 50, 8.4, None, None, None)],
    )
    problems = problems_of(bad)
    assert [p.split(":")[0] for p in problems] == [
        "Sessions, row 2, Athlete ID", "Sessions, row 3, RPE", "Sessions, row 4, Date",
        "Sessions, row 5, Date", "Sessions, row 6, Minutes played", "Sessions, row 7, Top speed %"], problems
    assert "after today (18 Jan 2027)" in problems[2]
    assert "90 minutes played is more than the session's 30 minutes" in problems[4]
    assert "50 % disagrees with the top speed of 8.4 m/s (92 % of Ann Ash (A1)'s max speed" in problems[5]


def test_a_sessions_sheet_headed_as_a_gps_export_is_read_as_the_log_reads_it(tmp_path):
    """interfaces.md section 2: on the Sessions sheet, column names as GPS and monitoring exports
    write them (Player, Duration, sRPE, Max Velocity) are recognised, as `periodize log` does; the
    import refused them ("no column headed 'Athlete ID', 'Minutes', 'RPE'")."""
    head = ("Player", "Date", "Duration", "sRPE", "Max Velocity")
    path = book(
        tmp_path,
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Athletes=ATHLETE_ROWS,
        Sessions=[head,
                  ("Ann Ash", "2027-01-11", 75, 450, 8.6),  # sRPE: minutes x RPE
                  ("A2", "2027-01-12", 60, 240, None)],
    )
    notes: list[str] = []
    season = import_workbook(path, notes)
    assert [(x.athlete, x.date, x.minutes, x.rpe, x.top_speed_ms, x.load) for x in season.sessions] == [
        ("A1", D(2027, 1, 11), 75, 6, 8.6, 450), ("A2", D(2027, 1, 12), 60, 4, None, 240)]
    said = next(n for n in notes if n.startswith("Sessions: columns read:"))
    assert "Athlete ID <- 'Player'" in said and "Minutes <- 'Duration'" in said
    bad = book(
        tmp_path, "bad.xlsx",
        Season=SEASON_ROWS + [("Today", "2027-01-18")],
        Competitions=COMPETITION_ROWS,
        Athletes=ATHLETE_ROWS,
        Sessions=[head,
                  ("Ann Ash", "2027-01-11", 75, 450, 8.6),
                  ("Cy Nobody", "2027-01-12", 60, 240, None),
                  ("A2", "2027-01-25", 60, 240, None)],
    )
    problems = problems_of(bad)
    assert [p.split(":")[0] for p in problems] == [
        "Sessions, row 3, Player", "Sessions, row 4, Date"], problems
    # a sheet with the form's own columns is still read as the form's (its rows and notes)
    assert import_workbook(book(tmp_path, "own.xlsx", Season=SEASON_ROWS + [("Today", "2027-01-18")],
                                Athletes=ATHLETE_ROWS, Sessions=[
                                    ("Athlete ID", "Date", "Minutes", "RPE", "Duration"),
                                    ("A1", "2027-01-11", 75, 6, 99)])).sessions[0].minutes == 75


def test_an_injuries_sheet_missing_a_column_is_one_problem_not_a_cascade(tmp_path):
    """Without its Stage start column the Injuries sheet cannot be read: that is said once, and
    the Flare-ups and Tests rows of its athletes are not also reported as 'no injury'."""
    path = book(
        tmp_path,
        Injuries=[("Athlete ID", "Protocol", "Onset", "Stage"),
                  ("A1", "hamstring-strain", "2027-01-05", "P2")],
        Flare_ups=[("Athlete ID", "Date"), ("A1", "2027-01-09")],
        Tests=[("Athlete ID", "Date", "Test", "Value"), ("A1", "2027-01-08", "Hamstring strength LSI", 80)],
    )
    problems = problems_of(path)
    assert len(problems) == 1 and problems[0].startswith(
        "Injuries, row 1: no column headed 'Stage start'"), problems


def test_the_templates_example_player_left_beside_the_squad_is_said(tmp_path):
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "Ex FC"), ("Start", "2027-01-04"),
                                  ("End", "2027-03-28")],
                Athletes=[("ID", "Name", "Position"), ("A01", "Alex Example", "Midfielder"),
                          ("A02", "Real Player", "Defender")])
    notes: list[str] = []
    import_workbook(path, notes)
    assert notes == ["Athletes, row 2: 'Alex Example' (A01) is the template's example player; "
                     "delete the example rows (on every sheet) unless this is one of yours"]


def test_the_templates_easter_monday_kept_is_said_as_a_day_off_the_club_may_keep(tmp_path):
    """The template's example day off is the real Easter Monday 2027, so a coach may keep it; the
    note read "delete it unless it is one of yours" on every import, as for an example player's
    absence. It says the day is kept as a day off and when to delete it."""
    season = [("Key", "Value"), ("Name", "Ex FC"), ("Start", "2027-01-04"), ("End", "2027-05-30")]
    path = book(tmp_path, Season=season, **{
        "Non-training days": [("Date", "To", "Reason"), (dt.date(2027, 3, 29), None, "Easter Monday")]})
    notes: list[str] = []
    s = import_workbook(path, notes)
    assert [d.date for d in s.calendar.non_training_days] == [dt.date(2027, 3, 29)]
    assert notes == ["Non-training days, row 2 (Date Mon 29 Mar 2027, Reason Easter Monday) is the "
                     "template's example row, kept as a day off; delete it if your club trains "
                     "that day"], notes


def test_a_clubs_own_easter_monday_below_its_own_day_off_is_not_the_templates(tmp_path):
    """A rugby coach cleared the sheet and typed a summer break, then Easter Monday 2027 (the
    template's example's own date and name): it was called "the template's example row". The
    template writes its example on the first row below the header; the same values below a row
    of the club's own are the club's, imported without the note, and the example at its own row
    is still said."""
    season = [("Key", "Value"), ("Name", "U17 7s"), ("Start", "2027-03-01"), ("End", "2027-08-29")]
    head = ("Date", "Reason", "To")
    own = (dt.date(2027, 7, 12), "Summer break", dt.date(2027, 8, 1))
    easter = (dt.date(2027, 3, 29), "Easter Monday", None)
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Season=season, **{"Non-training days": [head, own, easter]}),
                        notes)
    assert dt.date(2027, 3, 29) in [d.date for d in s.calendar.non_training_days]
    assert not any("example" in n for n in notes), notes
    kept: list[str] = []
    import_workbook(book(tmp_path, Season=season, **{"Non-training days": [head, easter, own]}), kept)
    assert [n for n in kept if "example" in n] == [
        "Non-training days, row 2 (Date Mon 29 Mar 2027, Reason Easter Monday) is the template's "
        "example row, kept as a day off; delete it if your club trains that day"], kept


def test_a_stage_start_typed_as_the_onset_is_said(tmp_path):
    """Each stage row's start typed as its Onset split one injury into two: the second a
    're-injury' four days later, straight into P2. It is what the rows say, so it is read; the
    note says how to make it the same injury."""
    rows = [("Athlete ID", "Protocol", "Onset", "Stage", "Stage start"),
            ("A1", "iliopsoas-tendinopathy", "2027-01-04", "P1", "2027-01-04"),
            ("A1", "iliopsoas-tendinopathy", "2027-01-12", "P2", "2027-01-12")]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Injuries=rows), notes)
    assert len(s.injuries) == 2
    assert notes == ["Injuries, row 3: A1's onset Tue 12 Jan 2027 is the day P2 starts, the stage after "
                     "row 2's P1 (onset Mon 4 Jan 2027): read as a re-injury, a new injury. If it is "
                     "the same injury's next stage, give it the onset Mon 4 Jan 2027"]
    # the same stage history under one onset is one injury, with no note
    rows[2] = ("A1", "iliopsoas-tendinopathy", "2027-01-04", "P2", "2027-01-12")
    notes.clear()
    s = import_workbook(book(tmp_path, "b.xlsx", Injuries=rows), notes)
    assert len(s.injuries) == 1 and notes == []


def test_a_winter_break_is_written_back_as_one_row_with_its_last_day(tmp_path):
    """A winter break was written back into the form as 23 rows of one day each."""
    import datetime as dt

    import openpyxl

    from planner.coachform.read import import_workbook
    from planner.coachform.write import save_template_form
    from planner.season import NonTrainingDay
    from tests.builders import day, season

    s = season(weeks=4, athletes=2)
    off = tuple(NonTrainingDay(date=day(10) + dt.timedelta(days=k), reason="Winter break")
                for k in range(9)) + (NonTrainingDay(date=day(22), reason="Holiday"),
                                      NonTrainingDay(date=day(23), reason=""))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": off})})
    save_template_form(s, tmp_path / "team.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "team.xlsx")["Non-training days"]
    rows = [tuple(c.value for c in r[:3]) for r in ws.iter_rows(min_row=2) if r[0].value]
    assert len(rows) == 3
    assert rows[0][1] == "Winter break" and rows[0][2].date() == day(18)
    assert import_workbook(tmp_path / "team.xlsx").calendar.non_training_days == off


def test_an_export_headed_sessions_sheet_is_checked_with_a_season_sheet_problem(tmp_path):
    """A Sessions sheet headed as a GPS export writes it was read only once the Season sheet
    read: after fixing the season's End, a missing sRPE showed up on the next import. Its rows
    are now read at once, and what needs the season's dates (or a Today that reads) is said to
    come after the fix, not left to be found."""
    gps = [("Player", "Date", "Duration", "sRPE"), ("A1", "2027-01-11", 60, 6),
           ("Bo Birch", "2027-01-12", 60, None)]
    path = book(tmp_path, Season=[("Key", "Value"), ("Name", "X"), ("Start", D(2027, 1, 4)),
                                  ("End", "soon")], Sessions=gps)
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert err.value.problems == [
        "Season, row 4 (End): 'soon' is not a date; use an Excel date or write it as YYYY-MM-DD, "
        "e.g. 2027-01-04",
        "Sessions, row 3 (Bo Birch, 2027-01-12), sRPE: missing; write the session RPE (0-10), or 0 minutes and RPE 0 for a day without training"]
    assert err.value.note == (
        "Not checked yet: the checks across sheets (dates inside the season, stage durations, "
        "sessions against today) and the Sessions sheet's dates against the season, as they need "
        "the Season sheet's name and dates: fix these first; the workbook is checked again then.")
    # a Today that is no date: the rows are not checked against the season's first day instead
    path = book(tmp_path, "today.xlsx", Season=SEASON_ROWS + [("Today", "Monday")], Sessions=gps)
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert [p.split(":")[0] for p in err.value.problems] == [
        "Season, row 5 (Today)", "Sessions, row 3 (Bo Birch, 2027-01-12), sRPE"]
    assert err.value.note.startswith("Not checked yet: what is checked against Today")
    # a row left out for a problem of its own is checked against the season once it is fixed:
    # said (a date after Today, found only on the next import)
    path = book(tmp_path, "rpe.xlsx", Season=SEASON_ROWS + [("Today", D(2027, 1, 18))],
                Competitions=[("Date", "Name", "Priority"), (D(2027, 5, 9), "Cup", "X")],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A9", "2027-03-09", 60, 5),
                          ("A1", "2027-01-11", 60, None)])
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert [p.split(":")[0] for p in err.value.problems] == [
        "Competitions, row 2, Priority", "Sessions, row 2, Athlete ID", "Sessions, row 3, RPE"]
    assert err.value.note == (
        "Not checked yet: the rows with a problem of their own (Competitions row 2; Sessions rows "
        "2, 3) against the season (its dates, Today, the other sheets): fix these first; the "
        "workbook is checked again then.")
    # nothing left for later: no note
    path = book(tmp_path, "late.xlsx", Season=SEASON_ROWS + [("Today", D(2027, 1, 18))],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A1", "2027-03-09", 60, 5)])
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert [p.split(":")[0] for p in err.value.problems] == ["Sessions, row 2, Date"]
    assert err.value.note == ""


def test_a_date_without_its_year_is_read_in_the_season_or_refused_naming_the_year(tmp_path):
    """'12.09.' (a German coach's way to type a date) and '9/19' were refused as "not a date;
    use an Excel date or write it as YYYY-MM-DD", not saying the year was missing. A day that
    only one of the season's years puts inside the season is read so, said in a note; any other
    is refused asking for its year."""
    head = ("Date", "Name", "Priority")
    notes: list[str] = []
    got = import_workbook(book(tmp_path, "ok.xlsx", Competitions=[
        head, ("12.02.", "League 1", "B"), ("2/19", "League 2", "C"), ("26.2", "League 3", "C"),
        (D(2027, 3, 5), "League 4", "C")]), notes)
    assert [(c.name, c.date) for c in got.competitions] == [
        ("League 1", D(2027, 2, 12)), ("League 2", D(2027, 2, 19)), ("League 3", D(2027, 2, 26)),
        ("League 4", D(2027, 3, 5))]
    assert ("Competitions, Date: 3 dates without a year (rows 2, 3, 4) read in the year that puts "
            "them inside the season (row 2: '12.02.' as Fri 12 Feb 2027); write the year if "
            "another is meant") in notes
    assert problems_of(book(tmp_path, "bad.xlsx", Competitions=[
        head, ("12.09.", "Cup", "A"), ("3/2", "Friendly", "C"), ("31.06.", "League", "C")])) == [
        "Competitions, row 2, Date: '12.09.' has no year, and in 2027 it falls outside the season "
        "(4 Jan to 28 Mar 2027): write the year meant, as in 12.09.2027",
        "Competitions, row 3, Date: '3/2' has no year and reads two ways (Wed 3 Feb 2027 or Tue 2 "
        "Mar 2027); write it as YYYY-MM-DD (2027-02-03 or 2027-03-02)",
        "Competitions, row 4, Date: '31.06.' is not a date (and has no year); write it as "
        "YYYY-MM-DD, e.g. 2027-01-04"]
    # a season over two years: the year that puts the day inside it, or both when both do
    season = [("Key", "Value"), ("Name", "U17"), ("Start", D(2026, 8, 3)), ("End", D(2027, 8, 30))]
    comps = [head, ("12.09.", "League 1", "C"), ("20.07.", "League 2", "C")]
    got = import_workbook(book(tmp_path, "two.xlsx", Season=season, Competitions=comps))
    assert [c.date for c in got.competitions] == [D(2026, 9, 12), D(2027, 7, 20)]
    assert problems_of(book(tmp_path, "both.xlsx", Season=season,
                            Competitions=comps + [("10.08.", "Cup", "A")])) == [
        "Competitions, row 4, Date: '10.08.' has no year: write it with its year (10.08.2026 or "
        "10.08.2027)"]


def test_the_not_checked_yet_line_says_on_which_sheets_the_rows_beyond_the_first_five_are(tmp_path):
    """"Athletes rows 5, 8 and 5 more" read as five more Athletes rows; they were rows of the
    Injuries, Sessions, Unavailable and Blocks sheets. The rows not named are counted by
    sheet."""
    athletes = [("ID", "Name", "Position", "Max speed"), ("A1", "Ann Ash", "Defender", "fast"),
                ("A2", "Bo Birch", "Forward", "quick"), ("A3", "Cy Cole", "Forward", "slow"),
                ("A4", "Di Dunn", "Defender", 9.0)]
    path = book(tmp_path, Athletes=athletes,
                Competitions=[("Date", "Name", "Priority")]
                + [(D(2027, 1, 9 + 7 * k), f"League {k}", "X") for k in range(3)],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A4", D(2027, 1, 5), 60, None),
                          ("A4", D(2027, 1, 6), 60, None)],
                Unavailable=[("Athlete ID", "From", "To"), ("A4", D(2027, 2, 1), "soon")])
    with pytest.raises(InputError) as err:
        import_workbook(path)
    assert err.value.note == (
        "Not checked yet: the rows with a problem of their own (Competitions rows 2, 3, 4; "
        "Athletes rows 2, 3; and 4 more rows: 1 more on Athletes, 2 on Sessions, 1 on "
        "Unavailable) against the season (its dates, Today, the other sheets): fix these first; "
        "the workbook is checked again then.")


def test_the_not_checked_yet_line_names_the_rows_waiting_on_a_row_with_a_problem(tmp_path):
    """A Sessions row (or an Injuries, a Roles row...) naming an athlete whose Athletes row has a
    problem is not checked until that row is fixed. The note named the Athletes row only, and a
    coach who fixed it met the Sessions rows' problems one import later: the rows waiting are
    named too, by sheet, runs of rows as ranges; a row with a problem of its own is not named
    twice."""
    athletes = [("ID", "Name", "Position", "Max speed"), ("A1", "Ann Ash", "Defender", "fast"),
                ("A2", "Bo Birch", "Forward", None)]
    today = D(2027, 1, 18)
    ann = [("A1", today + dt.timedelta(days=k), 60, 5) for k in range(1, 7)]  # after Today
    sessions = ([("Athlete ID", "Date", "Minutes", "RPE")] + ann     # rows 2-7
                + [("A2", D(2027, 1, 11), 60, 5), ("A1", D(2027, 1, 12), 60, None),  # 8, 9 (own)
                   ("A1", D(2027, 3, 9), 60, 5)])                     # row 10
    sheets = {"Season": SEASON_ROWS + [("Today", today)], "Sessions": sessions,
              "Competitions": [("Date", "Name", "Priority"), (D(2027, 1, 9), "Cup", "A"),
                               (D(2027, 1, 16), "League", "X")],
              "Roles": [("Competition", "Athlete ID", "Role"), ("League", "A2", "bench"),
                        ("Cup", "A2", "out")]}
    with pytest.raises(InputError) as err:
        import_workbook(book(tmp_path, Athletes=athletes, **sheets))
    assert [p.split(":")[0] for p in err.value.problems] == [
        "Competitions, row 3, Priority", "Athletes, row 2, Max speed", "Sessions, row 9, RPE"]
    assert err.value.note == (
        "Not checked yet: the rows with a problem of their own (Competitions row 3; Athletes row "
        "2; Sessions row 9) against the season (its dates, Today, the other sheets), and the rows "
        "waiting on them: Roles row 2 (it names 'League', Competitions row 3); Sessions rows 2–7 "
        "and 10 (they name A1, Athletes row 2): fix these first; the workbook is checked again "
        "then.")
    # the rows named are those whose problems the next import finds
    athletes[1] = athletes[1][:3] + (9.0,)
    with pytest.raises(InputError) as err:
        import_workbook(book(tmp_path, "fixed.xlsx", Athletes=athletes, **sheets))
    # (those after today in one line)
    assert [p.split(":")[0] for p in err.value.problems if "after today" in p] == [
        "Sessions, rows 2–7 and 10 (7 rows, 19 Jan to 9 Mar 2027)"]


MATCH_16 = [("Date", "Name", "Priority"), ("2027-01-16", "League 2", "C")]  # a Saturday


def test_a_match_row_with_minutes_played_alone_reads_as_the_log_panel_reads_it(tmp_path):
    """A match row with only Minutes played (the Log panel takes 'm90' alone) was refused,
    'Minutes: is empty … RPE: is empty', for every player of the match. It is now the load
    table's match session, as in the Log panel, said in one note; 0 alone is refused there as
    here (no match session to log)."""
    from planner.loadtable import LoadTable
    from ui.desktop.logcells import parse_cell

    head = ("Athlete ID", "Date", "Minutes", "RPE", "Minutes played")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))], Competitions=MATCH_16,
                Sessions=[head, ("A1", "2027-01-16", None, None, 90),
                          ("A2", "2027-01-16", None, None, 20), ("A1", "2027-01-12", 60, 5, None)])
    notes: list[str] = []
    s = import_workbook(path, notes)
    got = {(x.athlete, x.date): (x.minutes, x.rpe, x.minutes_played) for x in s.sessions}
    athlete = s.athletes[0]
    for aid, played in (("A1", 90), ("A2", 20)):
        (cell,) = parse_cell(f"m{played}", athlete, D(2027, 1, 16), LoadTable.of_season(s))
        assert got[(aid, D(2027, 1, 16))] == (cell.minutes, cell.rpe, played)
    assert got[("A1", D(2027, 1, 16))] == (95, 8, 90) and got[("A2", D(2027, 1, 16))] == (30, 7, 20)
    assert "Sessions, 2 rows from row 2: minutes played without Minutes and RPE, read as the " \
           "load table's match session (started 95 min x RPE 8, from the bench 30 x 7), as the " \
           "app's Log reads m90 alone" in notes, notes
    path = book(tmp_path, "zero.xlsx", Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                Competitions=MATCH_16,
                Sessions=[head, ("A1", "2027-01-16", None, None, 0), ("A2", "2027-01-16", 60, None, 20)])
    assert problems_of(path) == [
        "Sessions, row 2, Minutes played: 0 without Minutes and RPE: no match was played, so "
        "there is no match session to log; give the session's Minutes and RPE (e.g. 45 and 5), "
        "or 0 and 0 for no training",
        "Sessions, row 3, RPE: is empty; write the session RPE (0-10), or 0 minutes and RPE 0 "
        "for a day without training"]


def test_a_sessions_row_of_0_minutes_and_no_rpe_is_a_day_without_training_as_in_a_log(tmp_path):
    """A missed session written as docs/file-format.md says (0 minutes, no RPE, "missed - ill")
    was refused on the workbook's Sessions sheet, 'RPE: is empty; write session RPE, 0-10
    (CR-10)', while a log and the app's Log read it as a day without training. Now the sheet
    reads it so too, with the log's note; minutes above 0 with no RPE are refused in the log's
    words."""
    from planner.sessionlog import read_sessions

    head = ("Athlete ID", "Date", "Minutes", "RPE", "Note")
    rows = [("A1", "2027-01-12", 0, None, "missed - ill"), ("A2", "2027-01-12", 60, 5, None),
            ("A2", "2027-01-13", 0, None, None)]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                             Sessions=[head, *rows]), notes)
    got = {(x.athlete, x.date.isoformat()): (x.minutes, x.rpe, x.note) for x in s.sessions}
    assert got == {("A1", "2027-01-12"): (0, 0, "missed - ill"), ("A2", "2027-01-12"): (60, 5, ""),
                   ("A2", "2027-01-13"): (0, 0, "")}
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE,Note\n" + "".join(
        f"{a},{d},{m},{'' if r is None else r},{n or ''}\n" for a, d, m, r, n in rows), encoding="utf-8")
    said = [x for x in read_sessions(log, s.model_copy(update={"sessions": ()})).notes
            if "without training" in x]
    assert said == ["Rows 2, 4: 0 minutes and no RPE, read as days without training (0 minutes, "
                    "RPE 0), as the app's Log reads 0"]
    assert notes.count("Sessions, r" + said[0][1:]) == 1, notes  # the log's note, on its sheet
    path = book(tmp_path, "rpe.xlsx", Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                Sessions=[head, ("A1", "2027-01-12", 90, None, "no RPE given")])
    assert problems_of(path) == [
        "Sessions, row 2, RPE: is empty; write the session RPE (0-10), or 0 minutes and RPE 0 "
        "for a day without training"]


def test_minutes_at_rpe_0_are_said_in_a_log_and_on_the_sessions_sheet(tmp_path):
    """75 minutes at RPE 0 (a form's blank answer saved as 0) was stored as 0 AU without a word,
    by a log and by the workbook's Sessions sheet: a full session erased from the load, the
    ACWR and the monotony. RPE 0 is rest on the CR-10 scale, so it is read, and said with the
    row; 0 minutes at RPE 0 (a day without training) is not."""
    from planner.sessionlog import read_sessions

    head = ("Athlete ID", "Date", "Minutes", "RPE")
    rows = [("A1", "2027-01-12", 75, 0), ("A2", "2027-01-12", 60, 5), ("A2", "2027-01-13", 0, 0),
            ("A1", "2027-01-13", 40, 0)]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                             Sessions=[head, *rows]), notes)
    assert sorted((x.athlete, x.minutes, x.rpe, x.load) for x in s.sessions)[0] == ("A1", 40, 0, 0)
    said = ("Rows 2, 5: minutes at RPE 0 count 0 AU (75, 40 minutes), read as written (RPE 0 is "
            "rest); if the RPE was not given (a form's blank answer saved as 0), write the "
            "session's RPE and import again")
    assert notes.count("Sessions, r" + said[1:]) == 1, notes
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(f"{a},{d},{m},{r}\n" for a, d, m, r in rows),
                   encoding="utf-8")
    assert said in read_sessions(log, s.model_copy(update={"sessions": ()})).notes
    log.write_text("Athlete ID,Date,Minutes,RPE\nA1,2027-01-12,75,0\n", encoding="utf-8")
    assert ("Row 2: 75 minutes at RPE 0 count 0 AU, read as written (RPE 0 is rest); if the RPE "
            "was not given (a form's blank answer saved as 0), write the session's RPE and import "
            "again") in read_sessions(log, s.model_copy(update={"sessions": ()})).notes


def test_the_sessions_sheet_reads_rpe_app_forms_as_a_log_does(tmp_path):
    """A log read "75 min", "75'" and "7/10" (an RPE app's forms); the workbook's Sessions sheet
    refused the same cells ("'75 min' is not a number"). Both read them alike now; a form that
    is none ("75 km", "7/5") is still refused."""
    from planner.sessionlog import read_sessions

    head = ("Athlete ID", "Date", "Minutes", "RPE", "Pain")
    rows = [("A1", "2027-01-12", "75 min", "7/10", "2/10"), ("A2", "2027-01-12", "60'", 5, None)]
    s = import_workbook(book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                             Sessions=[head, *rows]), [])
    got = sorted((x.athlete, x.minutes, x.rpe, x.pain) for x in s.sessions)
    assert got == [("A1", 75, 7, 2), ("A2", 60, 5, None)], got
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE,Pain\nA1,2027-01-12,75 min,7/10,2/10\n"
                   "A2,2027-01-12,60',5,\n", encoding="utf-8")
    read = read_sessions(log, s.model_copy(update={"sessions": ()}))
    assert sorted((x.athlete, x.minutes, x.rpe, x.pain) for x in read.sessions) == got
    bad = problems_of(book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))],
                           Sessions=[head, ("A1", "2027-01-12", "75 km", "7/5", None)]))
    assert any("Minutes" in x and "75 km" in x for x in bad), bad
    assert any("RPE" in x and "7/5" in x for x in bad), bad


def test_sessions_after_today_are_said_in_one_line_and_the_other_problems_in_full(tmp_path):
    """A week logged before today was moved on (the usual weekly case) gave one line a row,
    "Sessions, row 27, Date: 17 Nov 2026 is after today (16 Nov 2026); …", 270 of them, and
    every other problem of the workbook was cut off below them. Now the rows after today are one
    line, with the Today that takes them, and the other problems are each said."""
    head = ("Athlete ID", "Date", "Minutes", "RPE")
    later = [(a, D(2027, 1, 18) + dt.timedelta(days=k), 60, 5) for k in range(12) for a in ("A1", "A2")]
    rows = [head, ("A1", D(2027, 1, 12), 60, 5), *later[:10], ("A2", D(2027, 1, 14), 60, 11), *later[10:]]
    said = problems_of(book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 17))],
                            Sessions=rows))
    assert said == [
        "Sessions, rows 3–12 and 14–27 (24 rows, 18 to 29 Jan 2027): after today (17 Jan 2027), the "
        "Season sheet's Today; a session is logged once it happened: set Today to Sat 30 Jan 2027 "
        "(the day after the last) or later to import them",
        "Sessions, row 13, RPE: 11 is outside 0-10; write session RPE on the CR-10 scale"], said
    one = problems_of(book(tmp_path, "one.xlsx", Season=SEASON_ROWS + [("Today", D(2027, 1, 17))],
                           Sessions=rows[:3]))
    assert one == ["Sessions, row 3, Date: 18 Jan 2027 is after today (17 Jan 2027), the Season "
                   "sheet's Today; a session is logged once it happened: set Today to Tue 19 Jan "
                   "2027 (the day after it) or later to import it"]


def test_two_new_sessions_of_one_player_on_one_day_are_said_once_as_a_log_says_them(tmp_path):
    """Two rows of one player and day with different notes were added as two sessions without
    a word (a copied row doubled that day's load, 1,080 AU). They are still two sessions, both
    counted, and now said in one note, as `periodize log` says them; a re-import of sessions
    the season holds already says nothing."""
    from planner.sessionlog import read_sessions

    head = ("Athlete ID", "Date", "Minutes", "RPE", "Note")
    rows = [("A1", "2027-01-12", 90, 6, "typo id"), ("A2", "2027-01-12", 60, 5, None),
            ("A1", "2027-01-12", 90, 6, "merged note")]
    sheets = {"Season": SEASON_ROWS + [("Today", D(2027, 1, 20))], "Sessions": [head, *rows]}
    notes: list[str] = []
    s = import_workbook(book(tmp_path, **sheets), notes)
    assert len(s.sessions) == 3  # both counted: a different Note makes them two sessions
    said = ("Rows 2, 4: Ann Ash (A1) has 2 sessions on Tue 12 Jan 2027 (1,080 AU that day); if "
            "one is a copy, delete its row")
    assert [n for n in notes if "sessions on" in n] == ["Sessions, r" + said[1:]]
    log = tmp_path / "log.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE,Note\n" + "".join(
        f"{a},{d},{m},{r},{n or ''}\n" for a, d, m, r, n in rows), encoding="utf-8")
    assert said in read_sessions(log, s.model_copy(update={"sessions": ()})).notes
    again: list[str] = []
    import_workbook(book(tmp_path, "again.xlsx", **sheets), again, known=s)
    assert not [n for n in again if "sessions on" in n], again


def test_a_row_with_minutes_played_alone_on_a_day_without_a_match_is_refused(tmp_path):
    """A Sessions row with only Minutes played on a training day was read as a 95-minute RPE 8
    match session (760 AU of load made up), while no competition is on that day."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Minutes played")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))], Competitions=MATCH_16,
                Sessions=[head, ("A1", "2027-01-14", None, None, 60),
                          ("A2", "2027-01-16", None, None, 20)])
    assert problems_of(path) == [
        "Sessions, row 2: Minutes played alone on a day with no competition; write the session's "
        "minutes and RPE, or the competition's date"]


def test_a_match_row_with_minutes_played_alone_reads_the_season_s_own_load_table(tmp_path):
    """Imported over a season whose load table says a started match is 90 min x RPE 6 (its
    rule settings kept), such a row was still 95 x 8 and the note said so: the match weighed
    760 AU logged where the plan gives it 540."""
    from planner.season import RuleSettings

    head = ("Athlete ID", "Date", "Minutes", "RPE", "Minutes played")
    path = book(tmp_path, Season=SEASON_ROWS + [("Today", D(2027, 1, 20))], Competitions=MATCH_16,
                Sessions=[head, ("A1", "2027-01-16", None, None, 90),
                          ("A2", "2027-01-16", None, None, 20)])
    known = import_workbook(path).model_copy(update={"rules": RuleSettings(values={"LD-1": {
        "minutes_start": 90, "rpe_start": 6, "minutes_bench": 25, "rpe_bench": 5}})})
    notes: list[str] = []
    s = import_workbook(path, notes, known=known)
    got = {x.athlete: (x.minutes, x.rpe, x.minutes_played) for x in s.sessions}
    assert got == {"A1": (90, 6, 90), "A2": (25, 5, 20)}
    assert ("Sessions, 2 rows from row 2: minutes played without Minutes and RPE, read as the "
            "load table's match session (started 90 min x RPE 6, from the bench 25 x 5), as the "
            "app's Log reads m90 alone") in notes, notes


def test_the_flare_ups_sheet_says_what_a_flare_up_does_to_a_player_back_to_full_training():
    """The Flare-ups sheet's help said "a flare-up moves the athlete back a stage": a player back
    to full training goes back to the last stage of their injury's protocol (rules-spec.md
    section 6), as the app says when one is recorded."""
    (spec,) = [s for s in WRITTEN_SHEETS if s.title == "Flare-ups"]
    assert "moves the athlete back a stage" not in spec.help
    assert ("a player back to full training goes back to the last stage of their injury's protocol"
            in spec.help)
    assert "two when another flare-up came in the week before" in spec.help


def test_an_athlete_id_cell_with_a_space_or_a_missing_zero_proposes_the_squads_id(tmp_path):
    """'A 27' and 'A027' on the Sessions sheet were answered with the ID difflib found close, or
    none: they are A27 but for spacing and zeros (planner.squad.near_id), proposed as such;
    A22 is still never proposed for A27."""
    athletes = ATHLETE_ROWS + [("A27", "Kian Walker", "Midfielder", 9.3)]
    rows = dict(Season=SEASON_ROWS + [("Today", "2027-01-18")],
                Sessions=[("Athlete ID", "Date", "Minutes", "RPE"), ("A 27", "2027-01-04", 60, 5),
                          ("A027", "2027-01-05", 60, 5), ("A22", "2027-01-06", 60, 5)])
    said = problems_of(book(tmp_path, "near.xlsx", Athletes=athletes, **rows))
    assert "Sessions, row 2, Athlete ID: no athlete has the ID 'A 27'; did you mean 'A27'?" in said
    assert "Sessions, row 3, Athlete ID: no athlete has the ID 'A027'; did you mean 'A27'?" in said
    assert ("Sessions, row 4, Athlete ID: no athlete has the ID 'A22'; use an ID from the "
            "Athletes sheet") in said


def test_a_row_inserted_in_a_sheet_without_ids_moves_no_id_onto_another_match(tmp_path):
    """Without an ID column a row's id was its place: a friendly inserted at the top, imported
    over the season, moved c001 to the friendly and every later id onto the next match (roles,
    targets and calendar events followed the wrong match). A row of the season's competition of
    the same name and date (else name, else date and priority) keeps its id; a new row takes a
    new one."""
    head = ("Date", "Name", "Priority")
    rows = [("2027-01-16", "Derby", "B"), ("2027-02-06", "League 1", "C"),
            ("2027-02-20", "Cup final", "A"), ("2027-03-06", "League 2", "C")]
    roles = [("Competition", "Athlete ID", "Role"), ("Cup final", "A2", "bench")]
    first = import_workbook(book(tmp_path, Competitions=[head, *rows], Roles=roles))
    was = {c.name: c.id for c in first.competitions}
    assert list(was.values()) == ["c001", "c002", "c003", "c004"]
    moved = ("2027-03-13", "League 2", "C")  # moved a week: its name says which it is
    path = book(tmp_path, "again.xlsx", Competitions=[head, ("2027-01-09", "Friendly", "C"), *rows[:3], moved],
                Roles=roles)
    season = import_workbook(path, known=first)
    now = {c.name: c.id for c in season.competitions}
    assert {k: now[k] for k in was} == was
    assert now["Friendly"] not in was.values()
    assert season.roles == (MatchRole(competition=was["Cup final"], athlete="A2", role="bench"),)
    assert import_workbook(path, known=None).competitions[0].id == "c001"  # a new season: by row


def test_a_league_renumbered_in_the_sheet_keeps_each_matchs_id_on_its_day(tmp_path):
    """Four matches in the winter break deleted in the app left 'Bezirksliga 1, 6, 7 …'; the
    coach's workbook numbers them 1 to 7 without the gap. Imported over the season, ids went by
    name: c006 'Bezirksliga 6' moved from 17 Jan to the sheet's 6th match, and the last matches
    were listed 'Removed … not in the workbook's Competitions sheet' though the sheet still has
    a match on their days. A match of the same series (the name without its number) on the same
    day is that match, renamed; a match moved to a day of no match of its series still goes by
    its name."""
    from planner.reimport import removed_by_workbook

    head = ("Date", "Name", "Priority")
    sundays = [dt.date(2027, 1, 10) + dt.timedelta(weeks=k) for k in range(11)]
    first = import_workbook(book(tmp_path, Competitions=[head] + [
        (d.isoformat(), f"Bezirksliga {k}", "B") for k, d in enumerate(sundays, start=1)]))
    kept = [c for c in first.competitions if c.name not in {f"Bezirksliga {k}" for k in (2, 3, 4, 5)}]
    old = first.model_copy(update={"competitions": tuple(kept)})  # 1, 6, 7 … 11
    by_day = {c.date: c.id for c in old.competitions}
    rows = [(c.date.isoformat(), f"Bezirksliga {k}", "B") for k, c in enumerate(kept, start=1)]
    new = import_workbook(book(tmp_path, "again.xlsx", Competitions=[head, *rows]), known=old)
    assert {c.date: c.id for c in new.competitions} == by_day
    assert new.competition(by_day[sundays[5]]).name == "Bezirksliga 2"  # c006, renamed on its day
    assert removed_by_workbook(old, new) == []
    # the last match moved to a Wednesday (no match of the league that day): its name says which
    rows = [(c.date.isoformat(), c.name, "B") for c in kept]
    rows[-1] = ((sundays[-1] + dt.timedelta(days=3)).isoformat(), "Bezirksliga 11", "B")
    new = import_workbook(book(tmp_path, "moved.xlsx", Competitions=[head, *rows]), known=old)
    moved = next(c for c in new.competitions if c.name == "Bezirksliga 11")
    assert moved.id == by_day[sundays[-1]] and moved.date == sundays[-1] + dt.timedelta(days=3)
    assert removed_by_workbook(old, new) == []


def test_the_forms_example_rows_left_under_a_squad_of_ones_own_are_named_not_guessed(tmp_path):
    """A U16 coach overwrote only the Athletes rows of the shipped form (U01, U02) and its first
    competition, and was told "Injuries, row 2, Athlete ID: no athlete has the ID 'A01'; did you
    mean 'U01'?" on six sheets: doing so gave a fit centre back the example's hamstring injury,
    flare-up, test, pain log and days away. Each such row is now named as the form's example
    row, to delete, with no guess; the Help sheet says to delete the example rows."""
    wb = openpyxl.load_workbook(template_path("import-template.xlsx"))
    ath = wb["Athletes"]
    for r, row in enumerate((("U01", "Leo Martinez", "Centre back", 8.9, "start"),
                             ("U02", "Sam Ruiz", "Goalkeeper", None, "start")), start=2):
        for c, value in enumerate(row, start=1):
            ath.cell(row=r, column=c, value=value)
    comp = wb["Competitions"]
    for c, value in enumerate((D(2027, 1, 9), "Academy league 1", "C", None, None), start=1):
        comp.cell(row=2, column=c, value=value)
    path = tmp_path / "u16.xlsx"
    wb.save(path)
    problems = problems_of(path)
    sheets = ("Injuries", "Roles", "Flare-ups", "Tests", "Sessions", "Unavailable")
    rows = [(s, 2) for s in sheets] + [("Injuries", 3)]
    assert sorted(problems) == sorted(f"{s}, row {n} is the form's example row (Alex Example): "
                                      f"delete it" for s, n in rows), problems
    assert not any("did you mean" in p for p in problems)
    # a row of the coach's own naming an unknown ID is still helped with a guess
    wb["Sessions"].cell(row=3, column=1, value="U1")
    for c, value in enumerate((D(2027, 1, 5), 60, 5), start=2):
        wb["Sessions"].cell(row=3, column=c, value=value)
    wb.save(path)
    assert "Sessions, row 3, Athlete ID: no athlete has the ID 'U1'; did you mean 'U01'?" \
        in problems_of(path)
    help_text = " ".join(str(c.value) for row in wb["Help"].iter_rows() for c in row if c.value)
    assert "delete the example rows" in help_text


def test_an_example_row_changed_by_the_coach_is_the_coachs_own(tmp_path):
    """Only a row holding exactly the form's example is named as it: the same player's row with
    another date is the coach's own, its unknown ID answered as any other."""
    path = book(tmp_path, Season=SEASON_ROWS, Unavailable=[
        ("Athlete ID", "From", "To", "Reason"),
        ("A01", D(2027, 2, 1), D(2027, 2, 3), "Family"),
        ("A01", D(2027, 2, 8), D(2027, 2, 9), "Family")])
    problems = problems_of(path)
    assert problems[0] == "Unavailable, row 2 is the form's example row (Alex Example): delete it"
    assert problems[1].startswith("Unavailable, row 3, Athlete ID: no athlete has the ID 'A01'")
    assert len(problems) == 2, problems


def test_example_rows_with_only_their_athlete_id_retyped_are_said(tmp_path):
    """A coach typed a player's ID (U01) over the example ID on the form's rows and imported
    the example's hamstring injury, flare-up, test, pain log and days away as that player's,
    without a word. They are imported (a coach's own may match) and said in one note, by rows;
    only rows matching every cell of an example but the athlete (a date and more) are said."""
    from planner.coachform.write import _EXAMPLES

    wb = openpyxl.load_workbook(template_path("import-template.xlsx"))
    for c, value in enumerate(("U01", "Leo Martinez", "Defender", 8.9, "start"), start=1):
        wb["Athletes"].cell(row=2, column=c, value=value)
    retyped = []
    for title in ("Injuries", "Roles", "Flare-ups", "Tests", "Sessions", "Unavailable"):
        ws = wb[title]
        col = next(c.column for c in ws[1] if str(c.value).startswith("Athlete"))
        for r in range(2, ws.max_row + 1):
            if ws.cell(row=r, column=col).value == _EXAMPLES["Athletes"][0]["id"]:
                ws.cell(row=r, column=col, value="U01")
                retyped.append((title, r))
    path = tmp_path / "u01.xlsx"
    wb.save(path)
    notes: list[str] = []
    season = import_workbook(path, notes)
    assert [i.athlete for i in season.injuries] == ["U01"]  # imported, not refused
    said = [n for n in notes if "U01" in n]
    assert said == ["Injuries rows 2 and 3, Flare-ups row 2, Tests row 2, Sessions row 2 and "
                    "Unavailable row 2 name U01 but otherwise hold the form's example details "
                    "(Alex Example's): imported as written; check them, and delete any that are "
                    "not U01's"], notes
    assert ("Roles", 2) in retyped  # a match and a role: too common to tell, not said
    # a cell of the coach's own (the session's RPE) makes the row the coach's
    rpe = next(c.column for c in wb["Sessions"][1] if c.value == "RPE")
    wb["Sessions"].cell(row=2, column=rpe, value=5)
    wb.save(path)
    notes.clear()
    import_workbook(path, notes)
    assert [n.split(" name ")[0] for n in notes if "U01" in n] == [
        "Injuries rows 2 and 3, Flare-ups row 2, Tests row 2 and Unavailable row 2"], notes
    # a sheet without the columns that tell: a flare-up on the example's date alone is not said
    path = book(tmp_path, Season=SEASON_ROWS, Injuries=[
        INJURY_HEAD[:5], ("A1", "hamstring-strain", D(2026, 12, 20), "P1", D(2026, 12, 20))],
        Flare_ups=[("Athlete ID", "Date"), ("A1", D(2026, 12, 31))])
    notes.clear()
    import_workbook(path, notes)
    assert not any("example" in n for n in notes), notes


def test_the_plan_periodize_exported_is_named_as_such_with_the_file_to_import(tmp_path):
    """`periodize import plan.xlsx` on the plan written by `solve --xlsx` advised renaming its
    Rules sheet 'Roles' and its Calendar sheet 'Non-training days', which imports nothing. It
    says the file is a plan export and which file brings the season back; a coach workbook
    (its Season sheet) with sheets of its own named as the plan's is read as one."""
    from planner.xlsx_export import SUMMARY_SHEETS, export_workbook
    from tests.planner.test_xlsx_export import small_plan, small_season

    s = small_season()
    export_workbook(s, small_plan(s), tmp_path / "plan.xlsx")
    problems = problems_of(tmp_path / "plan.xlsx")
    assert len(problems) == 1, problems
    assert problems[0].startswith("is a plan Periodize exported, not a coach workbook")
    assert "File ▸ Export Coach Workbook…" in problems[0]
    assert "periodize export SEASON --template team.xlsx" in problems[0]
    assert "Rename" not in problems[0]
    own = book(tmp_path, "own.xlsx", Cover=[("Our notes",)], Overview=[("Week", "Focus")],
               Returns=[("Player", "Back")])  # with its Season sheet: a coach workbook
    assert [a.id for a in import_workbook(own).athletes] == ["A1", "A2"]
    from planner.coachform.read import PLAN_SHEETS  # the plan's sheets, as the export names them

    assert set(PLAN_SHEETS) == set(SUMMARY_SHEETS)


def test_a_sessions_minutes_written_with_an_h_is_read_and_a_wrong_one_asks_for_minutes(tmp_path):
    """'1h30' in a Sessions row's Minutes was refused with "write a number (such as 6 or 7.5)",
    which reads like hours. '1h30', '1 h 30' and '1h' are read as 90, 90 and 60 minutes; text
    that is no duration is asked for in minutes, as 90 or 1:30."""
    head = ("Athlete ID", "Date", "Minutes", "RPE", "Minutes played")
    season_rows = SEASON_ROWS + [("Today", "2027-01-18")]
    s = import_workbook(book(tmp_path, Season=season_rows, Sessions=[
        head, ("A1", "2027-01-05", "1h30", 5, None), ("A2", "2027-01-05", "1 h 30", 6, None),
        ("A1", "2027-01-06", "1h", 4, "1h")]))
    assert [(x.athlete, x.minutes, x.minutes_played) for x in s.sessions] == [
        ("A1", 90, None), ("A2", 90, None), ("A1", 60, 60)]
    problems = problems_of(book(tmp_path, "bad.xlsx", Season=season_rows, Sessions=[
        head, ("A1", "2027-01-05", "an hour", 5, None), ("A1", "2027-01-06", 60, 5, "most")]))
    assert problems == [
        "Sessions, row 2, Minutes: 'an hour' is not a number; write the minutes, e.g. 90 or 1:30",
        "Sessions, row 3, Minutes played: 'most' is not a number; write the minutes, e.g. 90"]


def test_sessions_dates_read_two_ways_take_the_order_the_workbooks_other_sheets_settle(tmp_path):
    """A U16 coach typed every date as dd/mm/yyyy: the Season, Competitions and Blocks sheets'
    were read day first, but the Sessions sheet's '02/01/2027' was refused as readable two
    ways. One workbook, one typist: the other sheets' dates settle the Sessions sheet's order,
    said in its note; with nothing settling it (or the other sheets disagreeing) it is
    refused as before."""
    season_rows = [("Key", "Value"), ("Name", "U16"), ("Start", "04/01/2027"),
                   ("End", "28/02/2027"), ("Today", "11/01/2027")]
    head = ("Athlete ID", "Date", "Minutes", "RPE")
    sessions = [head, ("A1", "02/01/2027", 60, 5), ("A2", "05/01/2027", 60, 5)]
    notes: list[str] = []
    s = import_workbook(book(tmp_path, Season=season_rows, Sessions=sessions), notes)
    assert [(x.athlete, x.date) for x in s.sessions] == [("A1", D(2027, 1, 2)), ("A2", D(2027, 1, 5))]
    said = [n for n in notes if n.startswith("2 dates typed as text in Sessions, Date")]
    assert said == ["2 dates typed as text in Sessions, Date, read day first (dd/mm/yyyy), as the "
                    "workbook's other sheets' dates are (Season, row 4, Value '28/02/2027') (e.g. row 2 "
                    "'02/01/2027' = Sat 2 Jan 2027)"], notes
    # Season dates in ISO settle nothing: the Sessions date is refused with both readings
    iso = [("Key", "Value"), ("Name", "U16"), ("Start", "2027-01-04"), ("End", "2027-02-28"),
           ("Today", "2027-01-11")]
    problems = problems_of(book(tmp_path, "iso.xlsx", Season=iso, Sessions=sessions[:2]))
    assert problems == ["Sessions, row 2, Date: '02/01/2027' could be Sat 2 Jan 2027 (day first) "
                        "or Mon 1 Feb 2027 (month first); make the cell an Excel date or write "
                        "it as YYYY-MM-DD: 2027-01-02 or 2027-02-01"], problems
    # other sheets that disagree (one day first, one month first) settle nothing either
    blocks = [("Name", "From", "To"), ("Base", "25/01/2027", "02/14/2027")]
    problems = problems_of(book(tmp_path, "mixed.xlsx", Season=iso, Blocks=blocks,
                                Sessions=sessions[:2]))
    assert any(p.startswith("Sessions, row 2, Date: '02/01/2027' could be") for p in problems), problems


def test_the_season_sheets_starter_minutes_sets_ld1s_match_minutes_as_file_new_does(tmp_path):
    """A U16 season (2 x 40 min) imported from the workbook was planned at football's 95 minutes
    a start: only File ▸ New asked what a starter plays. The Season sheet's optional Starter
    minutes sets LD-1's start, bench and start-from-played minutes together, as File ▸ New's
    "A starter plays" does; without it, or at the default, no rule setting; out of File ▸ New's
    range it is refused at its row; the form writes it back and the round trip keeps it."""
    from planner.rules import RULES, RuleSet, match_length_values

    def with_minutes(value, name="u16.xlsx"):
        return book(tmp_path, name, Season=SEASON_ROWS + [("Starter minutes", value)])

    for typed in (80, "2 x 40", "80 min"):
        s = import_workbook(with_minutes(typed))
        assert s.rules.values == {"LD-1": match_length_values(80)}, typed
    rules = RuleSet(s.rules)
    assert rules.value("LD-1", "minutes_start") == 80
    assert rules.value("LD-1", "minutes_bench") < RULES["LD-1"].param("minutes_bench").default
    default = RULES["LD-1"].param("minutes_start").default
    assert import_workbook(with_minutes(default)).rules.values == {}
    assert import_workbook(book(tmp_path, "none.xlsx")).rules.values == {}
    high = int(RULES["LD-1"].param("minutes_start").max)
    assert problems_of(with_minutes(high + 1, "long.xlsx")) == [
        f"Season, row 5 (Starter minutes): {high + 1} is outside 10-{high}; write the minutes a "
        f"starter plays in a match, from 10 to {high}, e.g. 80"]
    assert problems_of(with_minutes(80.5, "half.xlsx"))[0].startswith(
        "Season, row 5 (Starter minutes): 80.5 is not a whole number of minutes")
    # the round trip: written back, read back the same
    save_template_form(s, tmp_path / "back.xlsx")
    assert import_workbook(tmp_path / "back.xlsx").rules == s.rules
    # the template has the row, blank (the default's)
    ws = openpyxl.load_workbook(template_path("import-template.xlsx"))["Season"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Starter minutes")
    assert row[1] is None and "optional" in row[2]


def test_keep_them_keeps_the_seasons_rules_with_the_workbooks_new_starter_minutes(tmp_path):
    """Imported over a season with rule settings of its own, Keep Them put the season's rules
    back whole: a Starter minutes changed in the workbook was lost. The season's settings stay,
    LD-1's match minutes the workbook's."""
    from planner.reimport import Place, decide
    from planner.rules import RuleSet, match_length_values
    from planner.season import RuleSettings
    from tests.builders import season

    old = season(weeks=3, athletes=2, rules=RuleSettings(values={"LD-1": {"weight": 5}}))
    save_template_form(old, tmp_path / "team.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "team.xlsx")
    row = next(r for r in wb["Season"].iter_rows() if r[0].value == "Starter minutes")
    row[1].value = 80
    wb.save(tmp_path / "team.xlsx")
    new = import_workbook(tmp_path / "team.xlsx", known=old)
    kept = decide(old, new, Place("Keep Them", lambda d: ""), keep=True).season
    assert RuleSet(kept.rules).value("LD-1", "weight") == 5
    assert {k: RuleSet(kept.rules).value("LD-1", k) for k in match_length_values(80)} == \
        match_length_values(80)
    # a workbook giving the season's own minutes leaves its settings as they are
    same = import_workbook(tmp_path / "team.xlsx", known=kept)
    assert decide(kept, same, Place("Keep Them", lambda d: ""), keep=True).season.rules == kept.rules


def test_the_forms_headings_and_guidance_fit_their_printed_columns(demo_season):
    """The coach workbook printed "Top speed m/" and "Minutes playe(d)" (columns of 12 and 13),
    and the Season sheet's guidance ran past the table off the page. Every heading now fits its
    column whole, the guidance wraps inside its own, in the template and in a season's form."""
    from tests.exports.layout import layout_problems

    for wb in (template_workbook(), template_workbook(demo_season),
               template_workbook(_every_v2_feature())):
        assert [p for ws in wb.worksheets for p in layout_problems(ws)] == []
        sessions = [c.value for c in wb["Sessions"][1]]
        assert "Top speed m/s" in sessions and "Minutes played" in sessions
        assert wb["Season"]["C8"].alignment.wrap_text  # Starter minutes' two lines


def test_the_form_prints_the_season_and_page_numbers_on_every_page(demo_season):
    """The printed coach workbook had no page header or footer: no season name, no page numbers
    on 93 loose pages. Each sheet now says the season's name and its own in the header (the
    template: the form's name), "Page n of N" in the footer, as the plan workbook does."""
    for season, name in ((demo_season, demo_season.name), (None, "Periodize coach workbook")):
        for ws in template_workbook(season).worksheets:
            assert ws.oddHeader.left.text.endswith(name), ws.title
            assert ws.oddHeader.right.text.endswith(ws.title)
            assert ws.oddFooter.center.text.endswith("Page &P of &N")
            assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
